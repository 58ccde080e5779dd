//! Unit tests of the index: backlinks, timeline order, per-country views and people.
#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::graph::ActorKind;
use crate::synth::{Spec, generate};
use crate::text::width;

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
    let years: std::collections::BTreeSet<i32> = g.events.iter().map(|e| e.date.year()).collect();
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
