//! Pairing the two columns of one period: linked events on one row where the date order
//! of both columns allows it, the strongest links first (a weighted longest common
//! subsequence), every other event on a row of its own. No I/O.

use crate::graph::{EventIx, Graph, LinkKind};

/// Above this many cells in a period (left × right), linked events are not searched for a
/// best pairing: the columns are zipped in date order.
const MAX_ALIGN: usize = 250_000;

/// How strongly a link kind asks for its two events to sit on one row.
fn weight(kind: LinkKind) -> u32 {
    match kind {
        LinkKind::RespondsTo | LinkKind::FollowsUp => 4,
        LinkKind::ContrastsWith => 3,
        LinkKind::PartOf => 2,
        LinkKind::Related => 1,
    }
}

/// The strongest link between `a` and `b`, either way: kind and whether `a` holds it.
fn link_between(g: &Graph, a: EventIx, b: EventIx) -> Option<(LinkKind, bool)> {
    let ab = g
        .event(a)
        .links
        .iter()
        .filter(|l| l.to == b)
        .map(|l| (l.kind, true));
    let ba = g
        .event(b)
        .links
        .iter()
        .filter(|l| l.to == a)
        .map(|l| (l.kind, false));
    ab.chain(ba).max_by_key(|&(k, holds)| (weight(k), holds))
}

/// The rows of one period: pairs `(left, right)`. Linked events share a row where the
/// date order of both columns allows it, the strongest links first (a weighted longest
/// common subsequence); unlinked events between those rows get a row each.
pub(super) fn align(
    g: &Graph,
    ls: &[EventIx],
    rs: &[EventIx],
) -> Vec<(Option<EventIx>, Option<EventIx>)> {
    let (nl, nr) = (ls.len(), rs.len());
    let mut matches = Vec::new();
    if nl > 0 && nr > 0 && nl.saturating_mul(nr) <= MAX_ALIGN {
        // best[at(l, r)]: the most weight that ls[l..] and rs[r..] can pair.
        let at = |l: usize, r: usize| l * (nr + 1) + r;
        let mut best = vec![0u32; (nl + 1) * (nr + 1)];
        let mut weights = vec![0u32; nl * nr];
        for l in (0..nl).rev() {
            for r in (0..nr).rev() {
                let here = link_between(g, ls[l], rs[r]).map_or(0, |(kind, _)| weight(kind));
                weights[l * nr + r] = here;
                let take = if here > 0 {
                    here + best[at(l + 1, r + 1)]
                } else {
                    0
                };
                best[at(l, r)] = take.max(best[at(l + 1, r)]).max(best[at(l, r + 1)]);
            }
        }
        let (mut l, mut r) = (0, 0);
        while l < nl && r < nr {
            let here = weights[l * nr + r];
            if here > 0 && best[at(l, r)] == here + best[at(l + 1, r + 1)] {
                matches.push((l, r));
                l += 1;
                r += 1;
            } else if best[at(l, r)] == best[at(l + 1, r)] {
                l += 1;
            } else {
                r += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(nl.max(nr));
    let (mut l, mut r) = (0, 0);
    for (ml, mr) in matches.into_iter().chain(std::iter::once((nl, nr))) {
        // Unlinked events never share a row (they would look paired): one row each, in
        // date order, the left first on a tie.
        let (mut lefts, mut rights) = (ls[l..ml].iter().peekable(), rs[r..mr].iter().peekable());
        loop {
            let take_left = match (lefts.peek(), rights.peek()) {
                (Some(&&next_l), Some(&&next_r)) => g.event(next_l).date <= g.event(next_r).date,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if take_left {
                out.push((lefts.next().copied(), None));
            } else {
                out.push((None, rights.next().copied()));
            }
        }
        if ml < nl && mr < nr {
            out.push((Some(ls[ml]), Some(rs[mr])));
        }
        (l, r) = (ml + 1, mr + 1);
    }
    out
}
