//! What the timeline shows: the chosen country's events that pass the filter, their year
//! starts, density and counts, and the widths the layout gives them. No I/O.

use crate::filter::Filter;
use crate::filter::query::QueryError;
use crate::graph::{EventIx, Status};
use crate::index::TimelineView;
use crate::text::width;

use super::{App, Density};

/// The filter line while it is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterInput {
    pub text: String,
    /// Why the text does not parse (the filter in force stays).
    pub error: Option<QueryError>,
    /// How many events the text keeps, when it parses.
    pub preview: Option<usize>,
}

/// The filters applied in this session, so that the history can return to one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filtering {
    /// Each filter as typed and as parsed; the first is "no filter".
    pub applied: Vec<(String, Filter)>,
    /// The one in force: a position in `applied`.
    pub current: usize,
    /// The filter line, while open.
    pub input: Option<FilterInput>,
}

impl Default for Filtering {
    fn default() -> Self {
        Self {
            applied: vec![(String::new(), Filter::default())],
            current: 0,
            input: None,
        }
    }
}

impl Filtering {
    /// The filter in force.
    pub fn filter(&self) -> &Filter {
        self.applied.get(self.current).map_or(&EMPTY, |(_, f)| f)
    }

    /// The text of the filter in force.
    pub fn text(&self) -> &str {
        self.applied.get(self.current).map_or("", |(t, _)| t)
    }
}

static EMPTY: Filter = Filter {
    country: None,
    from: None,
    to: None,
    tag: None,
    words: Vec::new(),
};

/// How an event is drawn by date and status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Past,
    /// Dated after today.
    Upcoming,
    /// Scheduled, its date passed, not confirmed.
    Unconfirmed,
}

impl App {
    /// The events shown in the timeline, in date order.
    pub fn timeline_events(&self) -> &[EventIx] {
        if let Some(shown) = &self.shown {
            return shown;
        }
        match self.country() {
            Some(c) => self.dataset.index.events_of_country(c),
            None => &self.dataset.index.timeline,
        }
    }

    /// 1 when the timeline's first row is a sticky year header over a year that began
    /// above (the list starts one row lower), else 0.
    pub fn sticky_rows(&self) -> usize {
        usize::from(matches!(self.at_row(self.timeline.offset), Some(Ok(_))))
    }

    /// Events of a countries-pane row (under the filter).
    pub fn country_count(&self, row: usize) -> usize {
        if let Some(n) = self.counts.as_ref().and_then(|c| c.get(row)) {
            return *n;
        }
        match row.checked_sub(1) {
            None => self.dataset.graph.events.len(),
            Some(i) => self
                .dataset
                .index
                .countries
                .get(i)
                .map_or(0, |&c| self.dataset.index.events_of_country(c).len()),
        }
    }

    /// Whether an event is past, upcoming or unconfirmed, as of `today`.
    pub fn when(&self, e: EventIx) -> When {
        let ev = self.dataset.graph.event(e);
        if ev.status == Status::Unconfirmed {
            return When::Unconfirmed;
        }
        match self.today {
            Some(t) if ev.date.start() > t => When::Upcoming,
            Some(_) if ev.status == Status::Scheduled => When::Unconfirmed,
            _ => When::Past,
        }
    }

    /// The position of the most recent event dated on or before `today` (else the first).
    pub fn latest_by(&self, today: chrono::NaiveDate) -> usize {
        let g = &self.dataset.graph;
        self.timeline_events()
            .partition_point(|&e| g.event(e).date.start() <= today)
            .saturating_sub(1)
    }

    /// Measures the widest title of the data (at most 100 columns), once per dataset:
    /// the layout then stays put while the filter or the country changes.
    pub(in crate::tui) fn measure_titles(&mut self) {
        let mut w = 0;
        for ev in &self.dataset.graph.events {
            w = w.max(width(&ev.title).min(100));
            if w == 100 {
                break;
            }
        }
        self.title_w = u16::try_from(w).unwrap_or(100);
    }

    /// Recomputes what depends on the chosen country and the filter: the events shown,
    /// year starts, density, counts, quotes and the countries' width.
    pub(in crate::tui) fn refilter(&mut self) {
        let filter = self.filtering.filter().clone();
        self.shown = None;
        if filter.is_active() {
            let ds = &self.dataset;
            let shown = self
                .timeline_events()
                .iter()
                .copied()
                .filter(|&e| filter.event(ds, e))
                .collect();
            let mut counts = vec![filter.events(ds).len()];
            counts.extend(ds.index.countries.iter().map(|&c| {
                ds.index
                    .events_of_country(c)
                    .iter()
                    .filter(|&&e| filter.event(ds, e))
                    .count()
            }));
            self.shown = Some(shown);
            self.counts = Some(counts);
        } else {
            self.counts = None;
        }
        // Without a filter, each country's view is worked out once and kept by the
        // index: moving through the countries pane then walks no events.
        let ds = &self.dataset;
        let worked_out;
        let view = match &self.shown {
            None => ds.index.view(&ds.graph, self.country()),
            Some(shown) => {
                worked_out =
                    TimelineView::of(&ds.graph, &ds.index, shown, self.country().is_some());
                &worked_out
            }
        };
        let year_starts = view.year_starts.clone();
        let density = Density {
            first_year: view.first_year,
            months: view.months.clone(),
        };
        let country_quotes = std::sync::Arc::clone(&view.quotes);
        let g = &self.dataset.graph;
        let countries_w = (0..self.country_rows())
            .map(|row| {
                let name = row
                    .checked_sub(1)
                    .map_or(3, |i| width(&g.actor(self.dataset.index.countries[i]).name));
                name + self.country_count(row).to_string().len() + 5
            })
            .max()
            .unwrap_or(0);
        self.year_starts = year_starts;
        self.density = density;
        self.country_quotes = country_quotes;
        self.countries_w = u16::try_from(countries_w).unwrap_or(u16::MAX);
    }
}
