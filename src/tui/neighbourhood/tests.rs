//! The neighbourhood on the explorer fixture and the bundled data: two steps deep, left
//! and right placement, slots in bands, and moving between nodes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use super::{CENTRE, Neighbourhood, Step};
use crate::dataset::Dataset;
use crate::graph::{Entity, EventIx, Graph};
use crate::load::Origin;

fn load(origin: &Origin) -> Dataset {
    Dataset::load(origin).unwrap().unwrap()
}

fn fixture() -> Dataset {
    load(&Origin::Path(PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/explorer"
    ))))
}

fn event(g: &Graph, id: &str) -> EventIx {
    match g.lookup(id) {
        Some(Entity::Event(e)) => e,
        _ => panic!("no event {id}"),
    }
}

/// Each column as `slot:id:label (parent id)`, top to bottom.
fn columns(g: &Graph, h: &Neighbourhood) -> Vec<Vec<String>> {
    (0..super::COLUMNS)
        .map(|c| {
            h.column(c)
                .into_iter()
                .map(|i| {
                    let n = &h.nodes[i];
                    let parent = n
                        .parent
                        .map(|p| g.event(h.nodes[p].event).id.clone())
                        .unwrap_or_default();
                    format!("{}:{}:{} ({parent})", n.slot, g.event(n.event).id, n.label)
                })
                .collect()
        })
        .collect()
}

fn node(g: &Graph, h: &Neighbourhood, id: &str) -> usize {
    let e = event(g, id);
    h.nodes.iter().position(|n| n.event == e).unwrap()
}

#[test]
fn fixture_waic_two_steps_causes_left_responses_right() {
    let ds = fixture();
    let g = &ds.graph;
    let h = Neighbourhood::build(g, &ds.index, event(g, "waic-2025"));
    assert_eq!(h.centre(), event(g, "waic-2025"));
    assert_eq!(
        columns(g, &h),
        [
            // Two steps back: what the Action Plan follows up, in the plan's band. Labels
            // read left to right: the revocation is followed up by the plan.
            vec!["1:eo-14110-revoked:followed up by (us-ai-action-plan)"],
            // What WAIC follows up and responds to, in date order.
            vec![
                "0:gaigi:followed up by (waic-2025)",
                "1:us-ai-action-plan:responded to by (waic-2025)",
            ],
            vec!["0:waic-2025: ()"],
            // What points back at it: APEC follows it up.
            vec!["0:apec-2025:followed up by (waic-2025)"],
            vec![],
        ]
    );
    assert_eq!(h.height(), 2);
}

#[test]
fn symmetric_links_go_by_date_and_two_steps_stop_there() {
    let ds = fixture();
    let g = &ds.graph;
    // The EU AI Act (2024-08) is related to the Paris summit (2025-02): later, so right.
    let h = Neighbourhood::build(g, &ds.index, event(g, "eu-ai-act"));
    assert_eq!(
        columns(g, &h),
        [
            vec![],
            vec![],
            vec!["0:eu-ai-act: ()"],
            vec!["0:paris-summit:related to (eu-ai-act)"],
            vec![],
        ]
    );
    // From the summit, the Act is earlier: left.
    let h = Neighbourhood::build(g, &ds.index, event(g, "paris-summit"));
    assert_eq!(h.nodes[1].col, CENTRE - 1);
    // Biden's order: revoked (right), then the plan that follows the revocation (right,
    // two steps); WAIC, three steps on, is not there.
    let h = Neighbourhood::build(g, &ds.index, event(g, "eo-14110"));
    assert_eq!(
        columns(g, &h)[3..],
        [
            vec!["0:eo-14110-revoked:responded to by (eo-14110)"],
            vec!["0:us-ai-action-plan:followed up by (eo-14110-revoked)"],
        ]
    );
    assert!(h.nodes.iter().all(|n| n.event != event(g, "waic-2025")));
}

#[test]
fn moving_goes_to_parents_first_children_and_stays_at_edges() {
    let ds = fixture();
    let g = &ds.graph;
    let h = Neighbourhood::build(g, &ds.index, event(g, "waic-2025"));
    let at = |id| node(g, &h, id);
    assert_eq!(h.step(0, Step::Left), at("gaigi"));
    assert_eq!(h.step(at("gaigi"), Step::Down), at("us-ai-action-plan"));
    assert_eq!(h.step(at("gaigi"), Step::Up), at("gaigi"));
    assert_eq!(
        h.step(at("us-ai-action-plan"), Step::Left),
        at("eo-14110-revoked")
    );
    // From gaigi (no children) left: the nearest slot of column 0.
    assert_eq!(h.step(at("gaigi"), Step::Left), at("eo-14110-revoked"));
    assert_eq!(
        h.step(at("eo-14110-revoked"), Step::Right),
        at("us-ai-action-plan")
    );
    assert_eq!(h.step(at("us-ai-action-plan"), Step::Right), 0);
    assert_eq!(h.step(0, Step::Right), at("apec-2025"));
    assert_eq!(
        h.step(at("apec-2025"), Step::Right),
        at("apec-2025"),
        "column 4 is empty"
    );
    assert_eq!(
        h.step(at("eo-14110-revoked"), Step::Left),
        at("eo-14110-revoked")
    );
    assert_eq!(
        h.step(99, Step::Up),
        0,
        "a stale selection goes to the centre"
    );
}

#[test]
fn bundled_waico_proposal_neighbourhood() {
    let ds = load(&Origin::Bundled);
    let g = &ds.graph;
    let h = Neighbourhood::build(g, &ds.index, event(g, "waic-2025-waico-proposal"));
    let find = |id: &str| &h.nodes[node(g, &h, id)];
    let plan = find("us-ai-action-plan");
    assert_eq!((plan.col, plan.label), (CENTRE - 1, "responded to by"));
    assert_eq!(find("waic-2025").label, "includes");
    assert_eq!(find("waic-2025").col, CENTRE - 1);
    assert_eq!(find("xi-apec-2025-waico").col, CENTRE + 1);
    assert_eq!(find("xi-apec-2025-waico").label, "followed up by");
    // Earlier and symmetric: left.
    assert_eq!(find("us-uk-decline-paris-declaration").col, CENTRE - 1);
    // Two steps: the plan follows up EO 14179, in the plan's band.
    let eo = find("eo-14179");
    assert_eq!((eo.col, eo.label), (0, "followed up by"));
    assert_eq!(
        h.nodes[eo.parent.unwrap()].event,
        event(g, "us-ai-action-plan")
    );
    assert!(eo.slot >= plan.slot);
    // Bands never overlap: in each outer column, slots are distinct and each node is at
    // or below its parent, above the parent's next sibling.
    for col in [0, 4] {
        let slots: Vec<usize> = h.column(col).iter().map(|&i| h.nodes[i].slot).collect();
        assert!(slots.windows(2).all(|w| w[0] < w[1]), "{slots:?}");
    }
    let ids: std::collections::HashSet<EventIx> = h.nodes.iter().map(|n| n.event).collect();
    assert_eq!(ids.len(), h.nodes.len(), "each event once");
    // Every node is linked to its parent, one way or the other.
    for n in &h.nodes[1..] {
        let p = h.nodes[n.parent.unwrap()].event;
        let linked = g.event(p).links.iter().any(|l| l.to == n.event)
            || g.event(n.event).links.iter().any(|l| l.to == p);
        assert!(linked);
        assert_eq!(n.col.abs_diff(h.nodes[n.parent.unwrap()].col), 1);
    }
}
