//! `part_of` cycles: an event cannot be part of itself, however far round. No I/O.

use super::{Kind, Resolver, find};
use crate::diagnostic::Diagnostic;
use crate::graph::LinkKind;

impl Resolver<'_> {
    /// Reports each cycle of `part_of` links once, at the link that closes it.
    pub(super) fn check_part_of_cycles(&mut self) {
        let raw = self.raw;
        let n = raw.events.len();
        let edges: Vec<Vec<(u32, usize)>> = raw
            .events
            .iter()
            .map(|e| {
                e.links
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| l.kind == LinkKind::PartOf)
                    .filter_map(|(li, l)| match find(self.ids, &l.to.value) {
                        Some(t) if t.kind == Kind::Event => Some((t.ix, li)),
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        // 0 = unvisited, 1 = on the stack, 2 = done
        let mut state = vec![0u8; n];
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&(to, li)) = edges[node].get(*next) {
                    *next += 1;
                    let to = to as usize;
                    match state[to] {
                        0 => {
                            state[to] = 1;
                            stack.push((to, 0));
                        }
                        1 => {
                            let from = stack.iter().position(|&(s, _)| s == to).unwrap_or(0);
                            let mut path: Vec<&str> = stack[from..]
                                .iter()
                                .map(|&(s, _)| {
                                    raw.events[s].id.as_ref().map_or("?", |i| i.value.as_str())
                                })
                                .collect();
                            path.push(raw.events[to].id.as_ref().map_or("?", |i| i.value.as_str()));
                            let link = &raw.events[node].links[li];
                            self.diags.push(
                                Diagnostic::error(raw.events[node].at.file, link.to.span.clone(), format!("part_of cycle: {}", path.join(" → ")))
                                    .with_hint("an event cannot be part of itself, even through others; remove one of these part_of links"),
                            );
                        }
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }
}
