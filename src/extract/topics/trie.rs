//! A byte trie of patterns, ASCII case-insensitive, for finding every pattern that
//! begins at a given position: a walk of as many steps as the text agrees with some
//! pattern, usually a few bytes. Scanning a text then costs a walk per word start,
//! where an Aho-Corasick scan steps through every byte and reports the matches inside
//! words too ("war" in "award").
//!
//! The trie is a double array: the child of node `n` by byte `b` is the slot
//! `base[n] + b`, if `check` of that slot says `n` owns it. A step is then two array
//! reads, where a list of edges would need a search.
//!
//! Each node also knows how its path begins as a word (`Lead`), so that a scan that
//! skips the rest of each word after walking from its start need not read again the
//! bytes the walk went through.

/// The slot of the root.
const ROOT: u32 = 0;
/// `check` of a slot no node owns.
const FREE: u32 = u32::MAX;
/// The most nodes where patterns end that `Trie::matches_at` notes on one walk.
const FEW: usize = 4;
/// Set in `Slot::base` when patterns end at the node: a walk reads `ends` only then.
const ENDS: u32 = 1 << 31;
/// `Slot::base` holds the node's lead byte (see `WORD_END`) in the bits from this
/// one up to `ENDS`, so that a walk knows it without reading more, and the base in
/// the bits below.
const LEAD_SHIFT: u32 = 23;
const BASE: u32 = (1 << LEAD_SHIFT) - 1;
/// In a node's lead byte: the path's first bytes that are ASCII letters or digits
/// are followed by an ASCII byte that is neither. The other bits count them.
const WORD_END: u8 = 0x80;

/// Every byte in ASCII lowercase: one load per step, where `to_ascii_lowercase` is a
/// few instructions.
const LOWER: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    table
};

#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Where the node here puts its children, with its lead byte and `ENDS` when
    /// patterns end here in the top bits.
    base: u32,
    /// The node whose child is here, or `FREE`.
    check: u32,
}

const FREE_SLOT: Slot = Slot {
    base: 0,
    check: FREE,
};

/// How the bytes a walk went through begin, as words go: the first `alnum` are ASCII
/// letters or digits and, if `word_end`, the byte after them is ASCII and neither,
/// so the word that starts the walk ends there. (Without `word_end` the walk may
/// have stopped inside the word, or at a byte past ASCII.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lead {
    pub alnum: usize,
    pub word_end: bool,
}

/// A node of the tree `Trie::new` builds before laying it out.
struct Node {
    /// The byte from its parent.
    byte: u8,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    /// `Lead` of its path, as a byte (see `WORD_END`).
    lead: u8,
    /// Every byte of its path is an ASCII letter or digit (and `lead` counts them).
    open: bool,
}

/// No node, in `Node`.
const NONE: u32 = u32::MAX;

impl Node {
    fn new(byte: u8, lead: u8, open: bool) -> Node {
        Node {
            byte,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            lead,
            open,
        }
    }

    /// The lead byte and openness of a child of this node by `byte`.
    fn child_lead(&self, byte: u8) -> (u8, bool) {
        if !self.open {
            (self.lead, false)
        } else if byte.is_ascii_alphanumeric() {
            // The count stops below `WORD_END`: a longer run is read as one that
            // does not end, which only costs the scan a few bytes.
            let lead = self.lead + 1;
            (lead, lead < WORD_END - 1)
        } else if byte.is_ascii() {
            (self.lead | WORD_END, false)
        } else {
            (self.lead, false)
        }
    }
}

#[derive(Debug)]
pub struct Trie {
    /// At least 256 slots past the highest `base`, so a step never runs off the end.
    slots: Vec<Slot>,
    /// Per slot: the patterns that end there, `outputs[start..start + len]`.
    ends: Vec<(u32, u32)>,
    outputs: Vec<u32>,
}

impl Trie {
    /// A trie of `patterns`; pattern `i` is reported as `i`. Empty patterns are left
    /// out.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Trie {
        let patterns: Vec<&[u8]> = patterns.into_iter().map(str::as_bytes).collect();
        let lower = |p: &'a [u8]| p.iter().map(|&b| LOWER[b as usize]);
        // In order, so that each pattern shares with the one before all the nodes it
        // shares with any, and a node's children come in the order of their bytes:
        // then adding a pattern needs no search. The sort is stable, so patterns
        // that end on one node are reported in their own order.
        let mut order: Vec<usize> = (0..patterns.len())
            .filter(|&i| !patterns[i].is_empty())
            .collect();
        order.sort_by(|&a, &b| lower(patterns[a]).cmp(lower(patterns[b])));
        // Built as a tree first, each node's children a list linked through the
        // nodes (most nodes have one child, and no node needs a Vec of its own),
        // then laid out in the double array.
        // At most a node per byte of the patterns, and the root.
        let most = patterns.iter().map(|p| p.len()).sum::<usize>() + 1;
        let mut nodes = Vec::with_capacity(most);
        nodes.push(Node::new(0, 0, true));
        // Per node, the patterns that end there, `outputs[start..start + len]`:
        // they are neighbours in `order`.
        let mut node_ends: Vec<(u32, u32)> = Vec::with_capacity(most);
        node_ends.push((0, 0));
        let mut outputs: Vec<u32> = Vec::with_capacity(order.len());
        // The nodes of the previous pattern's path, the root first.
        let mut path: Vec<u32> = vec![0];
        let mut prev: &[u8] = &[];
        for &i in &order {
            let p = patterns[i];
            let shared = lower(prev)
                .zip(lower(p))
                .take_while(|(a, b)| a == b)
                .count();
            path.truncate(shared + 1);
            for b in lower(&p[shared..]) {
                let parent = *path.last().expect("the root is on every path") as usize;
                let (lead, open) = nodes[parent].child_lead(b);
                let child = nodes.len() as u32;
                nodes.push(Node::new(b, lead, open));
                node_ends.push((0, 0));
                match nodes[parent].last_child {
                    NONE => nodes[parent].first_child = child,
                    last => nodes[last as usize].next_sibling = child,
                }
                nodes[parent].last_child = child;
                path.push(child);
            }
            let node = *path.last().expect("the root is on every path") as usize;
            if node_ends[node].1 == 0 {
                node_ends[node].0 = outputs.len() as u32;
            }
            node_ends[node].1 += 1;
            outputs.push(i as u32);
            prev = p;
        }
        let nodes = &nodes;
        let children = move |node: usize| {
            let some = |c: u32| (c != NONE).then_some(c);
            std::iter::successors(some(nodes[node].first_child), move |&c| {
                some(nodes[c as usize].next_sibling)
            })
            .map(move |c| (nodes[c as usize].byte, c))
        };
        // The root is no node's child.
        let mut slots = vec![Slot {
            base: 0,
            check: FREE,
        }];
        let is_free = |slots: &[Slot], at: usize| slots.get(at).is_none_or(|s| s.check == FREE);
        // Breadth first, so that the first levels, where every walk goes, sit
        // together; each node's children go in the first slots that fit them all.
        let mut slot_of = vec![FREE; nodes.len()];
        slot_of[0] = ROOT;
        let mut queue = Vec::with_capacity(nodes.len());
        queue.push(0usize);
        let mut next = 0;
        let mut kids: Vec<(u8, u32)> = Vec::new();
        // Below 256 a free slot fits only some bytes, and searching from one that
        // none of the rest fits would stall.
        let mut first_free = 256;
        while let Some(&node) = queue.get(next) {
            next += 1;
            kids.clear();
            kids.extend(children(node));
            // Children are in the order of their bytes.
            let Some(&(lowest, _)) = kids.first() else {
                continue;
            };
            while !is_free(&slots, first_free) {
                first_free += 1;
            }
            let mut base = first_free.saturating_sub(lowest as usize).max(1);
            while !kids
                .iter()
                .all(|&(b, _)| is_free(&slots, base + b as usize))
            {
                base += 1;
            }
            let slot = slot_of[node] as usize;
            slots[slot].base = base as u32;
            let highest = kids.last().map_or(0, |&(b, _)| b as usize);
            if slots.len() <= base + highest {
                slots.resize(base + highest + 1, FREE_SLOT);
            }
            for &(b, kid) in &kids {
                let at = base + b as usize;
                slots[at].check = slot as u32;
                slot_of[kid as usize] = at as u32;
                queue.push(kid as usize);
            }
        }
        // Room for a step by any byte from the last node's base.
        let top = slots.iter().map(|s| s.base as usize).max().unwrap_or(0);
        assert!(top <= BASE as usize, "trie too large");
        slots.resize(top + 256, FREE_SLOT);
        let mut ends = vec![(0, 0); slots.len()];
        for (node, &slot) in slot_of.iter().enumerate() {
            let slot = slot as usize;
            slots[slot].base |= u32::from(nodes[node].lead) << LEAD_SHIFT;
            if node_ends[node].1 > 0 {
                ends[slot] = node_ends[node];
                slots[slot].base |= ENDS;
            }
        }
        Trie {
            slots,
            ends,
            outputs,
        }
    }

    /// Calls `found(pattern, end)` for every pattern that matches `text` at `start`,
    /// shortest first; returns how the bytes the walk went through begin.
    #[inline]
    pub fn matches_at(
        &self,
        text: &[u8],
        start: usize,
        mut found: impl FnMut(usize, usize),
    ) -> Lead {
        // The walk notes the nodes where patterns end and reports after it, so that
        // its loop calls nothing and keeps its state in registers. A walk past more
        // such nodes than it can note (none in the data) reports as it goes.
        let mut ends = [(0u32, 0u32); FEW];
        let mut n = 0;
        let slots = &self.slots[..];
        let mut node = ROOT;
        let mut base = slots[ROOT as usize].base;
        let mut at = start;
        while let Some(&b) = text.get(at) {
            let next = (base & BASE) as usize + LOWER[b as usize] as usize;
            let slot = slots[next];
            if slot.check != node {
                break;
            }
            node = next as u32;
            base = slot.base;
            at += 1;
            if base & ENDS != 0 {
                if n == FEW {
                    return self.report_each(text, start, found);
                }
                // A walk is no deeper than the longest pattern.
                ends[n] = (node, (at - start) as u32);
                n += 1;
            }
        }
        for &(slot, depth) in &ends[..n] {
            self.report(slot, start + depth as usize, &mut found);
        }
        lead(base)
    }

    /// `matches_at`, reporting each pattern as the walk reaches it.
    #[cold]
    fn report_each(&self, text: &[u8], start: usize, mut found: impl FnMut(usize, usize)) -> Lead {
        let mut node = ROOT;
        for (end, &b) in (start + 1..).zip(&text[start..]) {
            let next =
                (self.slots[node as usize].base & BASE) as usize + LOWER[b as usize] as usize;
            if self.slots[next].check != node {
                break;
            }
            node = next as u32;
            self.report(node, end, &mut found);
        }
        lead(self.slots[node as usize].base)
    }

    /// Calls `found(pattern, end)` for each pattern that ends at `slot`.
    fn report(&self, slot: u32, end: usize, found: &mut impl FnMut(usize, usize)) {
        let (first, len) = self.ends[slot as usize];
        for &p in &self.outputs[first as usize..(first + len) as usize] {
            found(p as usize, end);
        }
    }
}

/// The `Lead` of the node whose `Slot::base` is `base`.
fn lead(base: u32) -> Lead {
    let lead = (base >> LEAD_SHIFT) as u8;
    Lead {
        alnum: usize::from(lead & !WORD_END),
        word_end: lead & WORD_END != 0,
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
    fn a_walk_past_more_ends_than_it_notes_reports_them_all() {
        let patterns = ["a", "ab", "abc", "abcd", "abcde", "abcdef", "b"];
        let trie = Trie::new(patterns);
        for n in 1..=patterns.len() - 1 {
            let text = &"abcdefg"[..n];
            let want: Vec<(usize, usize, usize)> = (0..n).map(|p| (p, 0, p + 1)).collect();
            let got: Vec<_> = all(&trie, text).into_iter().filter(|m| m.1 == 0).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_walk_tells_where_the_word_it_starts_on_ends() {
        let trie = Trie::new(["war", "war of words", "u.n.", "u.s.-led", "élysée", "ab"]);
        let lead = |text: &str, start: usize| trie.matches_at(text.as_bytes(), start, |_, _| {});
        let cases = [
            ("War of Words", 0, 3, true),
            ("warden", 0, 3, false),
            ("war", 0, 3, false),
            ("U.N. talks", 0, 1, true),
            ("U.S.-led", 0, 1, true),
            ("Élysée", 0, 0, false),
            ("abc", 0, 2, false),
            ("x war", 0, 0, false),
            ("x war", 1, 0, false),
            ("(war)", 0, 0, false),
        ];
        for (text, start, alnum, word_end) in cases {
            assert_eq!(
                lead(text, start),
                Lead { alnum, word_end },
                "{text:?} at {start}"
            );
        }
        // Whatever it says holds of the text.
        for text in ["War of Words", "U.N.", "war3 x", "wAr-of", "élysée x"] {
            for start in 0..text.len() {
                let Lead { alnum, word_end } = lead(text, start);
                let bytes = &text.as_bytes()[start..];
                assert!(bytes[..alnum].iter().all(u8::is_ascii_alphanumeric));
                if word_end {
                    assert!(bytes[alnum].is_ascii() && !bytes[alnum].is_ascii_alphanumeric());
                }
            }
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
