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

    /// How many of the events at positions `range` of the timeline are upcoming and how
    /// many unconfirmed as of `today` (as [`App::when`] says of each), by binary search:
    /// the events are in date order, and the scheduled and unconfirmed ones are listed.
    pub fn upcoming_unconfirmed(
        &self,
        range: std::ops::Range<usize>,
        today: chrono::NaiveDate,
    ) -> (usize, usize) {
        let g = &self.dataset.graph;
        let events = self.timeline_events();
        let (start, end) = (range.start.min(events.len()), range.end.min(events.len()));
        let Some(slice) = events.get(start..end) else {
            return (0, 0);
        };
        let later = start + slice.partition_point(|&e| g.event(e).date.start() <= today);
        let within = |list: &[usize], from: usize, to: usize| {
            list.partition_point(|&p| p < to) - list.partition_point(|&p| p < from)
        };
        // Dated after today: upcoming, unless unconfirmed. Unconfirmed: so marked, or
        // scheduled for a day that has passed.
        let upcoming = (end - later) - within(&self.view.unconfirmed, later, end);
        let unconfirmed =
            within(&self.view.unconfirmed, start, end) + within(&self.view.scheduled, start, later);
        (upcoming, unconfirmed)
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
        let density = Density {
            first_year: view.first_year,
            months: view.months.clone(),
        };
        // The quotes and positions are shared with the index's view, not copied.
        let view = view.clone();
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
        self.view = view;
        self.density = density;
        self.countries_w = u16::try_from(countries_w).unwrap_or(u16::MAX);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::Arc;

    use ratatui::layout::Rect;

    use super::When;
    use crate::dataset::Dataset;
    use crate::graph::Status;
    use crate::load::Origin;
    use crate::tui::action::{Action, Pane};
    use crate::tui::app::App;
    use crate::tui::theme::Theme;
    use crate::tui::update::Msg;

    /// A synthetic dataset with every 7th event scheduled and every 11th unconfirmed.
    fn synthetic() -> Dataset {
        let spec = crate::synth::Spec {
            events: 2000,
            quotes: 10,
        };
        let mut ds = crate::dataset::from_toml(crate::synth::generate(spec));
        for (i, e) in ds.graph.events.iter_mut().enumerate() {
            if i % 7 == 0 {
                e.status = Status::Scheduled;
            } else if i % 11 == 0 {
                e.status = Status::Unconfirmed;
            }
        }
        ds.index = crate::index::Index::build(&ds.graph);
        ds
    }

    /// Upcoming and unconfirmed events counted by binary search over every year of the
    /// timeline (and a few other ranges) are those `when` finds one by one, on several
    /// days; returns how many of each were found.
    fn assert_counted_as_one_by_one(app: &App) -> (usize, usize) {
        let n = app.timeline_events().len();
        let mut bounds = app.view.year_starts.clone();
        bounds.push(n);
        let mut ranges: Vec<_> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
        ranges.extend([0..n, n / 3..n / 2, n..n, 0..n + 5]);
        let mut found = (0, 0);
        for day in [
            "2016-01-01",
            "2019-06-15",
            "2024-12-31",
            "2026-03-01",
            "2030-01-01",
        ] {
            let today = day.parse().unwrap();
            let mut app = app.clone();
            app.update(Msg::StartOn(today));
            for r in &ranges {
                let mut each = (0, 0);
                for &e in app.timeline_events().get(r.start..r.end.min(n)).unwrap() {
                    match app.when(e) {
                        When::Upcoming => each.0 += 1,
                        When::Unconfirmed => each.1 += 1,
                        When::Past => {}
                    }
                }
                let counted = app.upcoming_unconfirmed(r.clone(), today);
                assert_eq!(counted, each, "{day}, positions {r:?}");
                found = (found.0 + each.0, found.1 + each.1);
            }
        }
        found
    }

    /// The whole timeline, each country's, and the same under `filter`.
    fn assert_every_view(ds: Dataset, filter: &str) {
        let mut app = App::new(Arc::new(ds), Theme::default(), Rect::new(0, 0, 160, 50));
        let mut found = assert_counted_as_one_by_one(&app);
        app.update(Action::Focus(Pane::Countries));
        for _ in 0..app.dataset.index.countries.len() {
            app.update(Action::MoveDown);
            let f = assert_counted_as_one_by_one(&app);
            found = (found.0 + f.0, found.1 + f.1);
        }
        app.update(Action::OpenFilter);
        for c in filter.chars() {
            app.update(Action::FilterInput(c));
        }
        app.update(Action::FilterAccept);
        assert!(app.shown.is_some(), "filter {filter} applied");
        let f = assert_counted_as_one_by_one(&app);
        found = (found.0 + f.0, found.1 + f.1);
        assert!(found.0 > 0 && found.1 > 0, "both kinds met: {found:?}");
    }

    #[test]
    fn years_count_upcoming_and_unconfirmed_events_as_each_event_is_drawn() {
        assert_every_view(synthetic(), "tag:tag-3 from:2020");
        assert_every_view(
            Dataset::load(&Origin::Bundled).unwrap().unwrap(),
            "from:2024",
        );
    }
}
