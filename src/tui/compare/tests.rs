//! The compare rows on the explorer fixture, the bundled data and inline datasets: the
//! alignment by month, which event goes in which column, and the links that cross.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use super::{Cells, Compare, Period, Side, default_pair};
use crate::dataset::Dataset;
use crate::graph::{ActorIx, Entity, EventIx, Graph, LinkKind};
use crate::index::Index;
use crate::load::Origin;

fn fixture() -> Dataset {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/explorer"
    ));
    Dataset::load(&Origin::Path(dir)).unwrap().unwrap()
}

fn bundled() -> Dataset {
    Dataset::load(&Origin::Bundled).unwrap().unwrap()
}

fn inline(toml: &str) -> (Graph, Index) {
    let mut raw = crate::load::parse::RawDataset::default();
    let mut diags = Vec::new();
    crate::load::parse::parse_file(0, toml, &mut raw, &mut diags);
    let g = crate::validate::validate(raw, &mut diags).unwrap();
    let ix = Index::build(&g);
    (g, ix)
}

fn actor(g: &Graph, id: &str) -> ActorIx {
    match g.lookup(id) {
        Some(Entity::Actor(a)) => a,
        _ => panic!("no actor {id}"),
    }
}

fn event(g: &Graph, id: &str) -> EventIx {
    match g.lookup(id) {
        Some(Entity::Event(e)) => e,
        _ => panic!("no event {id}"),
    }
}

/// Each row as text: `period | left | right` or `period | both`.
fn rows(g: &Graph, c: &Compare) -> Vec<String> {
    let id = |e: Option<EventIx>| e.map_or("-", |e| g.event(e).id.as_str()).to_string();
    c.rows
        .iter()
        .map(|r| {
            let p = match r.period.month {
                Some(m) => format!("{}-{m:02}", r.period.year),
                None => r.period.year.to_string(),
            };
            match r.cells {
                Cells::Pair { left, right } => format!("{p} | {} | {}", id(left), id(right)),
                Cells::Both(e) => format!("{p} | both {}", id(Some(e))),
            }
        })
        .collect()
}

fn china_us(ds: &Dataset) -> Compare {
    let (l, r) = default_pair(&ds.graph, &ds.index).unwrap();
    assert_eq!(ds.graph.actor(l).id, "cn");
    assert_eq!(ds.graph.actor(r).id, "us");
    Compare::build(&ds.graph, &ds.index, l, r)
}

#[test]
fn fixture_rows_line_up_by_month_with_shared_events_across() {
    let ds = fixture();
    let c = china_us(&ds);
    assert_eq!(
        rows(&ds.graph, &c),
        [
            // Two events of October 2023, one a side, unlinked: one row.
            "2023-10 | gaigi | -",
            "2023-10 | - | eo-14110",
            // Dated by year only: before the months of 2025; China and the US: across.
            "2025 | both apec-2025",
            "2025-01 | - | eo-14110-revoked",
            "2025-02 | both paris-summit",
            "2025-07 | waic-2025 | us-ai-action-plan",
        ]
    );
    assert_eq!(c.year_starts, [0, 2]);
    assert_eq!(c.counts, [2, 3, 2]);
    // The one link across: WAIC responds to the Action Plan, on the same row.
    assert_eq!(c.crossings.len(), 1);
    let x = c.crossings[0];
    assert_eq!(
        (x.left, x.right, x.kind, x.left_holds),
        (
            event(&ds.graph, "waic-2025"),
            event(&ds.graph, "us-ai-action-plan"),
            LinkKind::RespondsTo,
            true
        )
    );
    assert!(x.is_level());
    assert_eq!(x.label(), "responds to");
    assert_eq!(c.gutter, [None, None, None, None, None, Some(0)]);
}

#[test]
fn swapping_the_sides_mirrors_the_rows_and_reverses_the_label() {
    let ds = fixture();
    let (cn, us) = default_pair(&ds.graph, &ds.index).unwrap();
    let c = Compare::build(&ds.graph, &ds.index, us, cn);
    let last = c.rows.last().unwrap();
    assert_eq!(
        last.at(Side::Left),
        Some(event(&ds.graph, "us-ai-action-plan"))
    );
    assert_eq!(last.at(Side::Right), Some(event(&ds.graph, "waic-2025")));
    assert_eq!(c.crossings[0].label(), "responded to by");
    assert!(!c.crossings[0].left_holds);
}

#[test]
fn bundled_waico_proposal_sits_beside_the_us_action_plan_with_the_link() {
    let ds = bundled();
    let g = &ds.graph;
    let c = china_us(&ds);
    let waico = event(g, "waic-2025-waico-proposal");
    let plan = event(g, "us-ai-action-plan");
    let row = c
        .rows
        .iter()
        .position(|r| r.at(Side::Left) == Some(waico))
        .unwrap();
    // China's Global AI Governance Action Plan also links to the US plan (contrasts
    // with), but "responds to" is the stronger link: the proposal gets the row.
    assert_eq!(c.rows[row].at(Side::Right), Some(plan));
    assert_eq!(
        c.rows[row].period,
        Period {
            year: 2025,
            month: Some(7)
        }
    );
    let k = c.gutter[row].unwrap();
    let x = c.crossings[k];
    assert_eq!((x.left, x.right), (waico, plan));
    assert_eq!(x.label(), "responds to");
    assert!(x.is_level());
    // The other link to the plan is still found, reaching another row.
    let gaigap = event(g, "global-ai-governance-action-plan-2025");
    let other = c.crossings_of(gaigap).next().unwrap();
    assert_eq!(other.right, plan);
    assert_eq!(other.kind, LinkKind::ContrastsWith);
    assert!(!other.is_level());
    assert_eq!(
        c.gutter[other.left_row],
        Some(c.crossings.iter().position(|y| y == other).unwrap())
    );
}

#[test]
fn every_event_of_either_side_appears_once_in_its_column_in_date_order() {
    let ds = bundled();
    let g = &ds.graph;
    let c = china_us(&ds);
    let (cn, us) = (actor(g, "cn"), actor(g, "us"));
    let mut seen = std::collections::HashSet::new();
    let pos = |e: EventIx| ds.index.timeline_pos[e.ix()];
    let (mut last_l, mut last_r) = (None, None);
    for (i, r) in c.rows.iter().enumerate() {
        if i > 0 {
            assert!(c.rows[i - 1].period <= r.period, "periods in order");
        }
        match r.cells {
            Cells::Both(e) => {
                assert!(g.event_involves(e, cn) && g.event_involves(e, us));
                assert!(seen.insert(e));
                assert_eq!(Period::of(g.event(e).date), r.period);
            }
            Cells::Pair { left, right } => {
                assert!(left.is_some() || right.is_some(), "no empty row");
                if let Some(l) = left {
                    assert!(g.event_involves(l, cn) && !g.event_involves(l, us));
                    assert!(last_l.is_none_or(|p| p < pos(l)), "left in date order");
                    last_l = Some(pos(l));
                    assert!(seen.insert(l));
                    assert_eq!(Period::of(g.event(l).date), r.period);
                }
                if let Some(rt) = right {
                    assert!(g.event_involves(rt, us) && !g.event_involves(rt, cn));
                    assert!(last_r.is_none_or(|p| p < pos(rt)), "right in date order");
                    last_r = Some(pos(rt));
                    assert!(seen.insert(rt));
                    assert_eq!(Period::of(g.event(rt).date), r.period);
                }
            }
        }
    }
    let mut all: Vec<EventIx> = ds.index.events_of_country(cn).to_vec();
    all.extend_from_slice(ds.index.events_of_country(us));
    all.sort();
    all.dedup();
    assert_eq!(seen.len(), all.len());
    assert_eq!(c.counts.iter().sum::<usize>(), all.len());
    // Two events share a row only when a link joins them: unlinked ones never look paired.
    for (i, r) in c.rows.iter().enumerate() {
        if let Cells::Pair {
            left: Some(_),
            right: Some(_),
        } = r.cells
        {
            assert!(
                c.crossings
                    .iter()
                    .any(|x| x.left_row == i && x.right_row == i),
                "row {i} pairs unlinked events"
            );
        }
    }
}

#[test]
fn every_crossing_joins_the_two_columns_both_ways() {
    let ds = bundled();
    let g = &ds.graph;
    let c = china_us(&ds);
    assert!(c.crossings.len() > 3, "{:?}", c.crossings.len());
    for x in &c.crossings {
        assert_eq!(c.rows[x.left_row].at(Side::Left), Some(x.left));
        assert_eq!(c.rows[x.right_row].at(Side::Right), Some(x.right));
        let (from, to) = if x.left_holds {
            (x.left, x.right)
        } else {
            (x.right, x.left)
        };
        assert!(
            g.event(from)
                .links
                .iter()
                .any(|l| l.to == to && l.kind == x.kind)
        );
        assert!(c.gutter[x.left_row].is_some() && c.gutter[x.right_row].is_some());
    }
}

const TWO_OTHERS: &str = r#"
[[actor]]
id = "fr"
name = "France"
kind = "country"
[[actor]]
id = "in"
name = "India"
kind = "country"
[[actor]]
id = "de"
name = "Germany"
kind = "country"
[[source]]
id = "s"
title = "A source"
publisher = "P"
[[event]]
id = "a1"
date = "2025-03-01"
title = "France one"
actors = ["fr"]
sources = ["s"]
[[event]]
id = "a2"
date = "2025-03-05"
title = "France two"
actors = ["fr"]
sources = ["s"]
[[event]]
id = "a3"
date = "2025-03-20"
title = "France three"
actors = ["fr"]
sources = ["s"]
[[event]]
id = "b1"
date = "2025-03-02"
title = "India one"
actors = ["in"]
sources = ["s"]
[[event]]
id = "b2"
date = "2025-03-28"
title = "India answers France three"
actors = ["in"]
sources = ["s"]
links = [{ to = "a3", kind = "responds_to" }]
[[event]]
id = "c1"
date = "2025-04"
title = "Germany alone"
actors = ["de"]
sources = ["s"]
"#;

#[test]
fn without_china_and_us_the_two_most_present_are_compared_and_links_pull_rows_level() {
    let (g, ix) = inline(TWO_OTHERS);
    let (l, r) = default_pair(&g, &ix).unwrap();
    assert_eq!(
        (g.actor(l).id.as_str(), g.actor(r).id.as_str()),
        ("fr", "in")
    );
    let c = Compare::build(&g, &ix, l, r);
    // b2's link to a3 puts it beside a3; unlinked a1 and b1 get a row each.
    assert_eq!(
        rows(&g, &c),
        [
            "2025-03 | a1 | -",
            "2025-03 | - | b1",
            "2025-03 | a2 | -",
            "2025-03 | a3 | b2",
        ]
    );
    assert_eq!(c.gutter, [None, None, None, Some(0)]);
    assert_eq!(c.crossings[0].label(), "responded to by");
    // Germany is in neither column.
    assert!(c.rows.iter().all(|r| r.period.month != Some(4)));
    assert_eq!(
        c.row_near(&g, event(&g, "c1")),
        3,
        "clamped to the last row"
    );
    assert_eq!(c.row_near(&g, event(&g, "b2")), 3);
}

#[test]
fn fewer_than_two_countries_have_no_default_pair() {
    let one = TWO_OTHERS
        .replace(
            "id = \"in\"\nname = \"India\"\nkind = \"country\"",
            "id = \"in\"\nname = \"India\"\nkind = \"person\"",
        )
        .replace(
            "id = \"de\"\nname = \"Germany\"\nkind = \"country\"",
            "id = \"de\"\nname = \"Germany\"\nkind = \"person\"",
        );
    let (g, ix) = inline(&one);
    assert_eq!(ix.countries.len(), 1);
    assert_eq!(default_pair(&g, &ix), None);
}
