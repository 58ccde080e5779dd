//! The map of every id to its record: an open-addressing table of 64-bit id hashes
//! (xxh3) and record positions, 16 bytes a slot. The ids' text is not copied: a lookup
//! checks a candidate against the text its caller holds (the graph's records, or the
//! raw records while validating). No I/O.

use std::fmt;

use xxhash_rust::xxh3::xxh3_64;

use super::{ActorIx, Entity};

/// One slot: the hash of an id (0 when empty), a key the caller keeps beside it (the
/// id's text while validating, nothing in a graph) and the record.
#[derive(Clone, Copy)]
struct Slot<K> {
    hash: u64,
    key: K,
    entity: Entity,
}

/// Ids mapped to records, with a key of type `K` kept in each slot ([`IdMap`]: none).
/// Lookups compare the full 64-bit hash before any text, so a miss reads no text and a
/// hit reads one id.
#[derive(Clone)]
pub struct IdTable<K> {
    slots: Vec<Slot<K>>,
    len: usize,
}

/// The graph's map: ids are checked against the records' own.
pub type IdMap = IdTable<()>;

const EMPTY: Entity = Entity::Actor(ActorIx(0));

/// The hash of an id as the table keeps it (never 0, which marks an empty slot).
fn hash(id: &str) -> u64 {
    xxh3_64(id.as_bytes()).max(1)
}

impl<K: Copy + Default> Default for IdTable<K> {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl<K> fmt::Debug for IdTable<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdTable({} ids)", self.len)
    }
}

impl<K: Copy + Default> IdTable<K> {
    /// A table that holds `n` ids without growing: at most 3/4 full, so that linear
    /// probing stays short (a few slots, most often in one cache line).
    pub fn with_capacity(n: usize) -> Self {
        let slots = (n.saturating_mul(4) / 3 + 1).max(8).next_power_of_two();
        let empty = Slot {
            hash: 0,
            key: K::default(),
            entity: EMPTY,
        };
        Self {
            slots: vec![empty; slots],
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The slot where probing for hash `h` starts: the high bits pick it (xxh3's are as
    /// good as its low ones).
    fn home(&self, h: u64) -> usize {
        #[allow(clippy::cast_possible_truncation)] // a position, masked
        let i = (h >> 20) as usize;
        i & (self.slots.len() - 1)
    }

    /// The position of `id` (hash `h`), or of the empty slot where it would go.
    fn probe<'a>(&self, h: u64, id: &str, text: &impl Fn(K, Entity) -> &'a str) -> (usize, bool) {
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            let s = &self.slots[i];
            if s.hash == 0 {
                return (i, false);
            }
            if s.hash == h && text(s.key, s.entity) == id {
                return (i, true);
            }
            i = (i + 1) & mask;
        }
    }

    /// The record of `id`; `text` gives the id of a candidate (its slot's key and record).
    pub fn get<'a>(&self, id: &str, text: impl Fn(K, Entity) -> &'a str) -> Option<Entity> {
        match self.probe(hash(id), id, &text) {
            (i, true) => Some(self.slots[i].entity),
            _ => None,
        }
    }

    /// [`IdTable::get`] of many ids at once, their answers pushed to `out` in order. The
    /// ids go through in groups, each step done for the whole group before the next (the
    /// first slot of each, then each candidate's text, then the comparison), so that the
    /// memory reads of a group, which miss the cache at millions of ids, overlap rather
    /// than wait for one another.
    pub fn get_many<'a>(
        &self,
        ids: &[&str],
        text: impl Fn(K, Entity) -> &'a str,
        out: &mut Vec<Option<Entity>>,
    ) {
        const GROUP: usize = 16;
        for group in ids.chunks(GROUP) {
            let mut hashes = [0u64; GROUP];
            let mut at = [0usize; GROUP];
            for (j, id) in group.iter().enumerate() {
                hashes[j] = hash(id);
                at[j] = self.home(hashes[j]);
            }
            let mut first = [Slot {
                hash: 0,
                key: K::default(),
                entity: EMPTY,
            }; GROUP];
            for j in 0..group.len() {
                first[j] = self.slots[at[j]];
            }
            let mut candidate = [""; GROUP];
            for j in 0..group.len() {
                if first[j].hash == hashes[j] {
                    candidate[j] = text(first[j].key, first[j].entity);
                }
            }
            for (j, id) in group.iter().enumerate() {
                let found = if first[j].hash == hashes[j] && candidate[j] == *id {
                    Some(first[j].entity)
                } else if first[j].hash == 0 {
                    None
                } else {
                    // Not in its first slot: probe on as one lookup does.
                    match self.probe(hashes[j], id, &text) {
                        (i, true) => Some(self.slots[i].entity),
                        _ => None,
                    }
                };
                out.push(found);
            }
        }
    }

    /// Maps `id` to `entity` (with `key` beside it), unless it is mapped already: then
    /// `Err` with the record that has it.
    pub fn insert<'a>(
        &mut self,
        id: &str,
        key: K,
        entity: Entity,
        text: impl Fn(K, Entity) -> &'a str,
    ) -> Result<(), Entity> {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let h = hash(id);
        match self.probe(h, id, &text) {
            (i, true) => Err(self.slots[i].entity),
            (i, false) => {
                self.slots[i] = Slot {
                    hash: h,
                    key,
                    entity,
                };
                self.len += 1;
                Ok(())
            }
        }
    }

    /// Twice the slots, each id placed again by its hash (no text is read).
    fn grow(&mut self) {
        let mut bigger = Self::with_capacity(self.slots.len());
        let mask = bigger.slots.len() - 1;
        for s in self.slots.iter().filter(|s| s.hash != 0) {
            let mut i = bigger.home(s.hash);
            while bigger.slots[i].hash != 0 {
                i = (i + 1) & mask;
            }
            bigger.slots[i] = *s;
        }
        bigger.len = self.len;
        *self = bigger;
    }

    /// The same map without the keys, slot for slot (nothing is hashed again).
    pub fn without_keys(&self) -> IdMap {
        IdTable {
            slots: self
                .slots
                .iter()
                .map(|s| Slot {
                    hash: s.hash,
                    key: (),
                    entity: s.entity,
                })
                .collect(),
            len: self.len,
        }
    }

    /// Every record mapped, in no particular order.
    pub fn entities(&self) -> impl Iterator<Item = Entity> + '_ {
        self.slots.iter().filter(|s| s.hash != 0).map(|s| s.entity)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::graph::{EventIx, QuoteIx};

    #[test]
    fn ids_map_to_their_records_and_a_second_one_is_refused() {
        let ids: Vec<String> = (0..5000).map(|i| format!("event-{i}")).collect();
        let text = |(), e: Entity| match e {
            Entity::Event(x) => ids[x.ix()].as_str(),
            _ => "",
        };
        // Grown from the smallest table many times over.
        let mut map = IdMap::default();
        for (i, id) in ids.iter().enumerate() {
            let e = Entity::Event(EventIx(u32::try_from(i).unwrap()));
            assert_eq!(map.insert(id, (), e, text), Ok(()));
        }
        assert_eq!(map.len(), ids.len());
        for (i, id) in ids.iter().enumerate() {
            let e = Entity::Event(EventIx(u32::try_from(i).unwrap()));
            assert_eq!(map.get(id, text), Some(e));
        }
        assert_eq!(map.get("event-5000", text), None);
        // Many at once, present or not, answer as one at a time.
        let asked: Vec<String> = (0..6000).rev().map(|i| format!("event-{i}")).collect();
        let asked: Vec<&str> = asked.iter().map(String::as_str).collect();
        let mut many = Vec::new();
        map.get_many(&asked, text, &mut many);
        let one: Vec<_> = asked.iter().map(|id| map.get(id, text)).collect();
        assert_eq!(many, one);
        assert_eq!(many.iter().flatten().count(), 5000);
        assert_eq!(map.get("", text), None);
        assert_eq!(
            map.insert("event-7", (), Entity::Quote(QuoteIx(0)), text),
            Err(Entity::Event(EventIx(7)))
        );
        assert_eq!(map.len(), ids.len());
        assert_eq!(map.entities().count(), ids.len());
    }

    #[test]
    fn keys_kept_in_the_slots_answer_alike_and_drop_slot_for_slot() {
        let mut keyed: IdTable<&str> = IdTable::with_capacity(3);
        for (i, id) in ["a", "b", "c"].into_iter().enumerate() {
            let e = Entity::Quote(QuoteIx(u32::try_from(i).unwrap()));
            keyed.insert(id, id, e, |k, _| k).unwrap();
        }
        assert_eq!(keyed.get("b", |k, _| k), Some(Entity::Quote(QuoteIx(1))));
        let names = ["a", "b", "c"];
        let plain = keyed.without_keys();
        let text = |(), e: Entity| match e {
            Entity::Quote(q) => names[q.ix()],
            _ => "",
        };
        for (i, id) in names.iter().enumerate() {
            let e = Entity::Quote(QuoteIx(u32::try_from(i).unwrap()));
            assert_eq!(plain.get(id, text), Some(e));
        }
        assert_eq!(plain.get("d", text), None);
    }
}
