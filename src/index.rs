//! Derived lookups over a `Graph`: the timeline order, backlinks, quotes by event,
//! events by actor and by country, members of each country, and each country's timeline
//! as the explorer shows it and its people measured for its profile (both worked out on
//! first need). Rebuilt from the graph. No I/O.

pub(crate) mod lists;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock};

pub(crate) use lists::{EventLists, QuoteLists};

use crate::graph::{
    ActorIx, ActorKind, EventIx, Graph, LinkKind, QuoteIx, SourceIx, Status, ThreadKind, to_u32,
};
use crate::text::width;

/// A link seen from its target: which event points here, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlink {
    pub from: EventIx,
    pub kind: LinkKind,
    /// Position of the link in `from`'s `links`.
    pub link: usize,
}

/// A thread seen from the earlier quote: which quote takes it up, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteBacklink {
    pub from: QuoteIx,
    pub kind: ThreadKind,
    /// Position of the link in `from`'s `links`.
    pub link: usize,
}

/// Lookups derived from a graph.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Every event, sorted by date (start of period, then precision), then file order.
    pub timeline: Vec<EventIx>,
    /// Position of each event in `timeline`.
    pub timeline_pos: Vec<u32>,
    /// For each event, the links that point at it.
    pub backlinks: Vec<Vec<Backlink>>,
    /// For each event, its quotes.
    pub quotes_by_event: Vec<Vec<QuoteIx>>,
    /// For each actor, the quotes it spoke, in date order (then file order).
    pub quotes_by_speaker: Vec<Vec<QuoteIx>>,
    /// For each quote, the later quotes that take it up.
    pub quote_backlinks: Vec<Vec<QuoteBacklink>>,
    /// For each actor, the events that name it, in timeline order.
    pub events_by_actor: Vec<Vec<EventIx>>,
    /// For each source, the events that cite it, in timeline order.
    pub events_by_source: Vec<Vec<EventIx>>,
    /// For each actor, the actors whose `country` it is.
    pub members: Vec<Vec<ActorIx>>,
    /// Countries and blocs, most events first, then by name.
    pub countries: Vec<ActorIx>,
    /// For each country or bloc, the events involving it or its members, in timeline order.
    pub country_events: HashMap<ActorIx, Vec<EventIx>>,
    /// The whole timeline's view, then each country's, kept once worked out.
    views: (
        OnceLock<TimelineView>,
        HashMap<ActorIx, OnceLock<TimelineView>>,
    ),
    /// Each country's people, kept once worked out.
    people: HashMap<ActorIx, OnceLock<People>>,
}

/// A country's people as its profile lists them: the persons among its members, in
/// member order, their names and roles measured word by word, so that a profile of
/// thousands of people counts its wrapped lines without reading their text again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// The persons among the members, in member order.
    pub actors: Vec<ActorIx>,
    /// The display widths of each one's name's words, then of its role's (words as
    /// split at spaces).
    widths: Vec<u32>,
    /// For each person, its name's words and its role's in `widths`: where they start,
    /// where the name's end, where the role's end; `None` for a name or role that is
    /// not tidy text (a line break, a space ending the name, a name of no word).
    words: Vec<Option<PersonWords>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PersonWords {
    start: u32,
    name_end: u32,
    /// `None` without a role.
    role_end: Option<u32>,
}

impl People {
    /// The people among `members`.
    pub fn of(g: &Graph, members: &[ActorIx]) -> Self {
        let mut people = People::default();
        let measure = |text: &str, widths: &mut Vec<u32>| {
            let words = text.split(' ').filter(|w| !w.is_empty());
            widths.extend(words.map(|w| u32::try_from(width(w)).unwrap_or(u32::MAX)));
            to_u32(widths.len())
        };
        for &m in members {
            let a = g.actor(m);
            if a.kind != ActorKind::Person {
                continue;
            }
            people.actors.push(m);
            let role = a.role.as_deref();
            let tidy = !a.name.contains('\n')
                && !a.name.ends_with(' ')
                && a.name.split(' ').any(|w| !w.is_empty())
                && !role.is_some_and(|r| r.contains('\n'));
            if !tidy {
                people.words.push(None);
                continue;
            }
            let start = to_u32(people.widths.len());
            let name_end = measure(&a.name, &mut people.widths);
            let role_end = role.map(|r| measure(r, &mut people.widths));
            people.words.push(Some(PersonWords {
                start,
                name_end,
                role_end,
            }));
        }
        people
    }

    /// The widths of the words of the `i`th person's name and of its role (`None`
    /// without one), or `None` when they are not tidy text (see [`People::of`]).
    pub fn words(&self, i: usize) -> Option<(&[u32], Option<&[u32]>)> {
        let p = (*self.words.get(i)?)?;
        let at = |from: u32, to: u32| self.widths.get(from as usize..to as usize);
        let name = at(p.start, p.name_end)?;
        let role = match p.role_end {
            Some(end) => Some(at(p.name_end, end)?),
            None => None,
        };
        Some((name, role))
    }
}

/// What a list of events in timeline order looks like on screen: where each year starts,
/// how many events each month has, and their quotes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineView {
    /// Positions in the list where a new year starts.
    pub year_starts: Vec<usize>,
    /// The year of the first event; `months` counts from its January.
    pub first_year: i32,
    /// Events per month.
    pub months: Vec<u32>,
    /// The quotes of the events, event by event (only when asked for): shared, so that
    /// the explorer takes a country's hundreds of thousands without copying them.
    pub quotes: Arc<[QuoteIx]>,
    /// Positions in the list of the events announced as scheduled, and of those
    /// unconfirmed: whether an event is upcoming or unconfirmed as of a day depends on
    /// its date and these, so that a year of any size is counted by binary search.
    pub scheduled: Arc<[usize]>,
    pub unconfirmed: Arc<[usize]>,
}

/// The view of a country the index does not know: no events.
static NO_EVENTS: LazyLock<TimelineView> = LazyLock::new(TimelineView::default);

/// The people of an actor that is not a country the index knows.
static NO_PEOPLE: People = People {
    actors: Vec::new(),
    widths: Vec::new(),
    words: Vec::new(),
};

impl TimelineView {
    /// The view of `events` (in timeline order), with their quotes when `quotes`.
    pub fn of(g: &Graph, ix: &Index, events: &[EventIx], quotes: bool) -> Self {
        let mut view = TimelineView::default();
        let mut last = None;
        let (mut scheduled, mut unconfirmed) = (Vec::new(), Vec::new());
        for (pos, &e) in events.iter().enumerate() {
            let ev = g.event(e);
            let y = ev.date.year();
            if last != Some(y) {
                view.year_starts.push(pos);
                last = Some(y);
            }
            match ev.status {
                Status::Happened => {}
                Status::Scheduled => scheduled.push(pos),
                Status::Unconfirmed => unconfirmed.push(pos),
            }
        }
        view.scheduled = scheduled.into();
        view.unconfirmed = unconfirmed.into();
        if let (Some(&first), Some(&end)) = (events.first(), events.last()) {
            let y0 = g.event(first).date.year();
            let y1 = g.event(end).date.year();
            let span = usize::try_from(y1 - y0 + 1).unwrap_or(1);
            view.first_year = y0;
            view.months = vec![0; span * 12];
            for &e in events {
                let d = g.event(e).date;
                let m = usize::try_from(d.year() - y0).unwrap_or(0) * 12
                    + d.month().map_or(0, |m| m as usize - 1);
                if let Some(c) = view.months.get_mut(m) {
                    *c += 1;
                }
            }
        }
        if quotes {
            view.quotes = events
                .iter()
                .flat_map(|e| ix.quotes_by_event[e.ix()].iter().copied())
                .collect();
        }
        view
    }
}

impl Index {
    /// Builds every lookup in one pass or two over the graph.
    pub fn build(g: &Graph) -> Self {
        Self::from_lists(g, EventLists::of(g), QuoteLists::of(g))
    }

    /// Builds every lookup from the events' and the quotes' lists of `g` (which a caller
    /// may build on two threads: the load cache does, where the second core would idle).
    pub(crate) fn from_lists(g: &Graph, events: EventLists, quotes: QuoteLists) -> Self {
        let n_actors = g.actors.len();
        let EventLists {
            timeline,
            timeline_pos,
            backlinks,
            events_by_actor,
            events_by_source,
        } = events;
        let QuoteLists {
            quotes_by_event,
            quote_backlinks,
            speaker,
        } = quotes;
        // What someone said over time: by the date of the quote's event, then file order
        // (the order of `quotes_by_event`).
        let mut quotes_by_speaker = vec![Vec::new(); n_actors];
        for &e in &timeline {
            for &q in &quotes_by_event[e.ix()] {
                let list: &mut Vec<QuoteIx> = &mut quotes_by_speaker[speaker[q.ix()] as usize];
                list.push(q);
            }
        }

        let mut members = vec![Vec::new(); n_actors];
        let mut countries = Vec::new();
        for (i, a) in g.actors.iter().enumerate() {
            if let Some(c) = a.country {
                members[c.ix()].push(ActorIx(to_u32(i)));
            }
            if a.kind.is_country_like() {
                countries.push(ActorIx(to_u32(i)));
            }
        }
        let mut country_events = HashMap::with_capacity(countries.len());
        for &c in &countries {
            let mut list: Vec<EventIx> = events_by_actor[c.ix()].clone();
            for m in &members[c.ix()] {
                list.extend_from_slice(&events_by_actor[m.ix()]);
            }
            list.sort_by_key(|e| timeline_pos[e.ix()]);
            list.dedup();
            country_events.insert(c, list);
        }
        // Most present first (China, the US, the EU…), as the countries pane lists them.
        countries.sort_by(|&a, &b| {
            let count = |c: &ActorIx| country_events.get(c).map_or(0, Vec::len);
            count(&b)
                .cmp(&count(&a))
                .then_with(|| g.actor(a).name.cmp(&g.actor(b).name))
        });

        Self {
            timeline,
            timeline_pos,
            backlinks,
            quotes_by_event,
            quotes_by_speaker,
            quote_backlinks,
            events_by_actor,
            events_by_source,
            members,
            views: (
                OnceLock::new(),
                countries.iter().map(|&c| (c, OnceLock::new())).collect(),
            ),
            people: countries.iter().map(|&c| (c, OnceLock::new())).collect(),
            countries,
            country_events,
        }
    }

    /// The view of the whole timeline (no quotes), or of a country's events (with their
    /// quotes), worked out once.
    pub fn view(&self, g: &Graph, country: Option<ActorIx>) -> &TimelineView {
        let once = match country {
            None => &self.views.0,
            Some(c) => match self.views.1.get(&c) {
                Some(once) => once,
                None => return &NO_EVENTS,
            },
        };
        once.get_or_init(|| match country {
            None => TimelineView::of(g, self, &self.timeline, false),
            Some(c) => TimelineView::of(g, self, self.events_of_country(c), true),
        })
    }

    /// The people of a country or bloc (none for an actor that is not one), worked out
    /// once.
    pub fn people(&self, g: &Graph, country: ActorIx) -> &People {
        match self.people.get(&country) {
            Some(once) => once.get_or_init(|| People::of(g, &self.members[country.ix()])),
            None => &NO_PEOPLE,
        }
    }

    /// Events involving a country or bloc (or its members), in timeline order.
    pub fn events_of_country(&self, country: ActorIx) -> &[EventIx] {
        self.country_events.get(&country).map_or(&[], Vec::as_slice)
    }

    /// The events that cite a source, in timeline order.
    pub fn events_citing(&self, source: SourceIx) -> &[EventIx] {
        &self.events_by_source[source.ix()]
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::synth::{Spec, generate};

    fn graph() -> Graph {
        let text = generate(Spec {
            events: 400,
            quotes: 300,
        });
        let mut raw = crate::load::parse::RawDataset::default();
        let mut diags = Vec::new();
        crate::load::parse::parse_file(0, &text, &mut raw, &mut diags);
        crate::validate::validate(raw, &mut diags).unwrap()
    }

    #[test]
    fn a_country_view_is_worked_out_once_from_its_events() {
        let g = graph();
        let ix = Index::build(&g);
        for &c in &ix.countries {
            let events = ix.events_of_country(c);
            let v = ix.view(&g, Some(c));
            assert_eq!(*v, TimelineView::of(&g, &ix, events, true));
            assert!(std::ptr::eq(v, ix.view(&g, Some(c))), "kept");
            let quotes: usize = events
                .iter()
                .map(|e| ix.quotes_by_event[e.ix()].len())
                .sum();
            assert_eq!(v.quotes.len(), quotes);
            assert_eq!(v.months.iter().sum::<u32>() as usize, events.len());
        }
        let all = ix.view(&g, None);
        assert!(all.quotes.is_empty());
        assert_eq!(all.months.iter().sum::<u32>() as usize, g.events.len());
        let years: std::collections::BTreeSet<i32> =
            g.events.iter().map(|e| e.date.year()).collect();
        assert_eq!(all.year_starts.len(), years.len());
    }

    /// The people of every country worked out in full from the members and their text.
    fn assert_people_measured(g: &Graph) {
        let ix = Index::build(g);
        let words = |t: &str| -> Vec<u32> {
            t.split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| u32::try_from(width(w)).unwrap())
                .collect()
        };
        let mut seen = 0;
        for &c in &ix.countries {
            let people = ix.people(g, c);
            assert!(std::ptr::eq(people, ix.people(g, c)), "kept");
            let persons: Vec<ActorIx> = ix.members[c.ix()]
                .iter()
                .copied()
                .filter(|&m| g.actor(m).kind == ActorKind::Person)
                .collect();
            assert_eq!(people.actors, persons);
            for (i, &p) in persons.iter().enumerate() {
                let a = g.actor(p);
                let role = a.role.as_deref();
                let tidy = !a.name.contains('\n')
                    && !a.name.ends_with(' ')
                    && !words(&a.name).is_empty()
                    && !role.unwrap_or("").contains('\n');
                let expected = tidy.then(|| (words(&a.name), role.map(words)));
                let got = people
                    .words(i)
                    .map(|(n, r)| (n.to_vec(), r.map(<[u32]>::to_vec)));
                assert_eq!(got, expected, "{}", a.id);
                seen += 1;
            }
            assert!(people.words(persons.len()).is_none());
        }
        assert!(seen > 0, "some people measured");
        let not_a_country = ActorIx(to_u32(g.actors.len()));
        assert!(ix.people(g, not_a_country).actors.is_empty());
    }

    #[test]
    fn a_countrys_people_are_its_persons_measured_word_by_word() {
        assert_people_measured(&graph());
        let bundled = crate::dataset::Dataset::load(&crate::load::Origin::Bundled)
            .unwrap()
            .unwrap();
        assert_people_measured(&bundled.graph);
        // Names and roles that are not tidy text are left to be read whole.
        let mut g = graph();
        let odd = [
            ("A  name ", Some("role")),
            ("Two\nlines", None),
            ("   ", Some("r")),
            ("Name", Some("a\nrole")),
            ("Nobody", Some("")),
            ("人工智能 治理", None),
        ];
        let people: Vec<usize> = g
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == ActorKind::Person && a.country.is_some())
            .map(|(i, _)| i)
            .take(odd.len())
            .collect();
        assert_eq!(people.len(), odd.len());
        for (&i, (name, role)) in people.iter().zip(odd) {
            g.actors[i].name = name.to_string();
            g.actors[i].role = role.map(str::to_string);
        }
        assert_people_measured(&g);
    }

    #[test]
    fn backlinks_are_exactly_the_links_reversed() {
        let g = graph();
        let ix = Index::build(&g);
        let mut forward = Vec::new();
        for (i, e) in g.events.iter().enumerate() {
            for (li, l) in e.links.iter().enumerate() {
                forward.push((EventIx(to_u32(i)), l.to, l.kind, li));
            }
        }
        let mut backward: Vec<_> = ix
            .backlinks
            .iter()
            .enumerate()
            .flat_map(|(to, bs)| {
                bs.iter()
                    .map(move |b| (b.from, EventIx(to_u32(to)), b.kind, b.link))
            })
            .collect();
        forward.sort();
        backward.sort();
        assert!(!forward.is_empty());
        assert_eq!(forward, backward);
    }

    #[test]
    fn a_speakers_quotes_are_in_the_order_of_their_events_then_of_the_file() {
        let g = graph();
        let ix = Index::build(&g);
        let mut expected = vec![Vec::new(); g.actors.len()];
        for (i, q) in g.quotes.iter().enumerate() {
            expected[q.speaker.ix()].push(QuoteIx(to_u32(i)));
        }
        for list in &mut expected {
            list.sort_by_key(|q| ix.timeline_pos[g.quote(*q).event.ix()]);
        }
        assert_eq!(ix.quotes_by_speaker, expected);
        assert!(expected.iter().any(|l| l.len() > 1));
    }

    #[test]
    fn timeline_is_sorted_stable_and_positions_invert_it() {
        let g = graph();
        let ix = Index::build(&g);
        assert_eq!(ix.timeline.len(), g.events.len());
        for w in ix.timeline.windows(2) {
            let (a, b) = (g.event(w[0]).date, g.event(w[1]).date);
            assert!(
                a < b || (a == b && w[0] < w[1]),
                "same dates keep file order"
            );
        }
        for (pos, e) in ix.timeline.iter().enumerate() {
            assert_eq!(ix.timeline_pos[e.ix()] as usize, pos);
        }
    }

    #[test]
    fn country_events_cover_the_country_and_its_members() {
        let g = graph();
        let ix = Index::build(&g);
        let Some(crate::graph::Entity::Actor(cn)) = g.lookup("cn") else {
            unreachable!("synth always writes China")
        };
        let expected: Vec<EventIx> = ix
            .timeline
            .iter()
            .copied()
            .filter(|&e| g.event_involves(e, cn))
            .collect();
        assert_eq!(ix.events_of_country(cn), expected.as_slice());
        let counts: Vec<usize> = ix
            .countries
            .iter()
            .map(|&c| ix.events_of_country(c).len())
            .collect();
        assert!(
            counts.windows(2).all(|w| w[0] >= w[1]),
            "most present first: {counts:?}"
        );
    }
}
