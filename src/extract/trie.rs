//! A byte trie of patterns, ASCII case-insensitive, for finding every pattern that
//! begins at a given position: a walk of as many steps as the text agrees with some
//! pattern, usually a few bytes. Scanning a text then costs a walk per word start,
//! where an Aho-Corasick scan steps through every byte and reports the matches inside
//! words too ("war" in "award").
//!
//! The trie is a double array: the child of node `n` by byte `b` is the slot
//! `base[n] + b`, if `check` of that slot says `n` owns it. A step is then two array
//! reads, where a list of edges would need a search.

/// The slot of the root.
const ROOT: u32 = 0;
/// `check` of a slot no node owns.
const FREE: u32 = u32::MAX;

#[derive(Debug)]
pub struct Trie {
    /// Per slot: where the node there puts its children.
    base: Vec<u32>,
    /// Per slot: the node whose child is here, or `FREE`.
    check: Vec<u32>,
    /// Per slot: the patterns that end there, `outputs[start..start + len]`.
    ends: Vec<(u32, u32)>,
    outputs: Vec<u32>,
}

impl Trie {
    /// A trie of `patterns`; pattern `i` is reported as `i`. Empty patterns are left
    /// out.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Trie {
        // Built with a map per node first, then laid out in the double array.
        let mut children: Vec<std::collections::BTreeMap<u8, u32>> = vec![Default::default()];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        for (i, p) in patterns.into_iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for &b in p.as_bytes() {
                let b = b.to_ascii_lowercase();
                let next = children.len() as u32;
                let child = *children[node].entry(b).or_insert(next);
                if child == next {
                    children.push(Default::default());
                    ends.push(Vec::new());
                }
                node = child as usize;
            }
            ends[node].push(i as u32);
        }
        let mut trie = Trie {
            base: vec![0],
            // The root is no node's child.
            check: vec![FREE],
            ends: Vec::new(),
            outputs: Vec::new(),
        };
        // Breadth first, so that the first levels, where every walk goes, sit
        // together; each node's children go in the first slots that fit them all.
        let mut slot_of = vec![FREE; children.len()];
        slot_of[0] = ROOT;
        let mut queue = std::collections::VecDeque::from([0usize]);
        // Below 256 a free slot fits only some bytes, and searching from one that
        // none of the rest fits would stall.
        let mut first_free = 256;
        while let Some(node) = queue.pop_front() {
            let kids = &children[node];
            let Some((&lowest, _)) = kids.first_key_value() else {
                continue;
            };
            while trie.check.get(first_free).is_some_and(|&c| c != FREE) {
                first_free += 1;
            }
            let mut base = first_free.saturating_sub(lowest as usize).max(1);
            while !kids.keys().all(|&b| trie.is_free(base + b as usize)) {
                base += 1;
            }
            let slot = slot_of[node] as usize;
            trie.base[slot] = base as u32;
            for (&b, &kid) in kids {
                let at = base + b as usize;
                if trie.check.len() <= at {
                    trie.check.resize(at + 1, FREE);
                    trie.base.resize(at + 1, 0);
                }
                trie.check[at] = slot as u32;
                slot_of[kid as usize] = at as u32;
                queue.push_back(kid as usize);
            }
        }
        trie.ends = vec![(0, 0); trie.check.len()];
        for (node, out) in ends.iter().enumerate() {
            trie.ends[slot_of[node] as usize] = (trie.outputs.len() as u32, out.len() as u32);
            trie.outputs.extend_from_slice(out);
        }
        trie
    }

    fn is_free(&self, slot: usize) -> bool {
        self.check.get(slot).is_none_or(|&c| c == FREE)
    }

    /// The child of the node at `slot` by `byte`, already lowercased.
    #[inline]
    fn child(&self, slot: u32, byte: u8) -> Option<u32> {
        let at = self.base[slot as usize] as usize + byte as usize;
        (self.check.get(at) == Some(&slot)).then_some(at as u32)
    }

    /// Whether some pattern begins with `byte` (in either ASCII case).
    #[inline]
    pub fn may_start(&self, byte: u8) -> bool {
        self.child(ROOT, byte.to_ascii_lowercase()).is_some()
    }

    /// Calls `found(pattern, end)` for every pattern that matches `text` at `start`,
    /// shortest first.
    #[inline]
    pub fn matches_at(&self, text: &[u8], start: usize, mut found: impl FnMut(usize, usize)) {
        let mut node = ROOT;
        for (at, &b) in text.iter().enumerate().skip(start) {
            let Some(next) = self.child(node, b.to_ascii_lowercase()) else {
                return;
            };
            node = next;
            let (first, len) = self.ends[node as usize];
            // Most nodes on a walk end no pattern.
            if len > 0 {
                for &p in &self.outputs[first as usize..(first + len) as usize] {
                    found(p as usize, at + 1);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(trie: &Trie, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for start in 0..text.len() {
            trie.matches_at(text.as_bytes(), start, |p, end| out.push((p, start, end)));
        }
        out
    }

    #[test]
    fn finds_every_pattern_at_each_start_in_either_case() {
        let trie = Trie::new(["war", "war of words", "award", "", "Gulf", "u.n."]);
        assert_eq!(
            all(&trie, "An AWARD; a War of Words in the gulf, U.N."),
            vec![
                (2, 3, 8),
                (0, 4, 7),
                (0, 12, 15),
                (1, 12, 24),
                (4, 32, 36),
                (5, 38, 42),
            ]
        );
        assert!(trie.may_start(b'W') && trie.may_start(b'w') && !trie.may_start(b'x'));
    }

    #[test]
    fn many_patterns_share_the_double_array_without_clashing() {
        // Enough patterns, with wide and narrow sets of children, that nodes' slots
        // interleave.
        let mut patterns = Vec::new();
        for a in ["a", "b", "é", "Z", " ", "."] {
            for b in ["x", "y", "q", "-", "ü", "m n"] {
                for c in ["", "r", "st", "u v"] {
                    patterns.push(format!("{a}{b}{c}"));
                }
            }
        }
        let trie = Trie::new(patterns.iter().map(String::as_str));
        for (i, p) in patterns.iter().enumerate() {
            let text = format!("{p}!");
            let mut found = Vec::new();
            trie.matches_at(text.as_bytes(), 0, |q, end| found.push((q, end)));
            let mut want: Vec<(usize, usize)> = patterns
                .iter()
                .enumerate()
                .filter(|(_, q)| text.to_lowercase().starts_with(&q.to_lowercase()))
                .map(|(q, pat)| (q, pat.len()))
                .collect();
            want.sort_by_key(|&(q, end)| (end, q));
            let mut got = found.clone();
            got.sort_by_key(|&(q, end)| (end, q));
            assert_eq!(got, want, "{p:?}");
            assert!(found.contains(&(i, p.len())), "{p:?}");
        }
    }

    #[test]
    fn multibyte_patterns_match_byte_for_byte() {
        let trie = Trie::new(["Türkiye", "São Paulo"]);
        assert_eq!(all(&trie, "in türkiye"), vec![(0, 3, 11)]);
        assert_eq!(all(&trie, "SÃO PAULO"), Vec::new());
        assert_eq!(all(&trie, "são paulo").len(), 1);
    }
}
