//! A byte trie of patterns, ASCII case-insensitive, for finding every pattern that
//! begins at a given position: a walk of as many steps as the text agrees with some
//! pattern, usually one or two bytes. Scanning a text then costs a walk per word
//! start, where an Aho-Corasick scan steps through every byte and reports the
//! matches inside words too ("war" in "award").

/// One node: its children are `edges[first..first + len]`, sorted by byte; the
/// patterns ending here are `outputs[out..out + out_len]`.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    first: u32,
    len: u32,
    out: u32,
    out_len: u32,
}

#[derive(Debug)]
pub struct Trie {
    nodes: Vec<Node>,
    /// (byte, child node) for every edge, grouped by parent.
    edges: Vec<(u8, u32)>,
    outputs: Vec<u32>,
    /// The root's children by byte, for a one-step start.
    root: Box<[u32; 256]>,
    /// The nodes two bytes down, by (first byte, second byte) lowercased: most walks
    /// end within two bytes, and a table lookup beats two searches of edge lists.
    pairs: Box<[u32]>,
}

const NONE: u32 = u32::MAX;

impl Trie {
    /// A trie of `patterns`; pattern `i` is reported as `i`. Empty patterns are left
    /// out.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Trie {
        // Built with a map per node first, then flattened into sorted edge lists.
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
        // Flattened in breadth-first order, so that the first levels, where every
        // walk goes, sit together in a few cache lines.
        let mut order = vec![0u32];
        let mut id = vec![NONE; children.len()];
        id[0] = 0;
        let mut i = 0;
        while i < order.len() {
            for &c in children[order[i] as usize].values() {
                id[c as usize] = order.len() as u32;
                order.push(c);
            }
            i += 1;
        }
        let mut nodes = Vec::with_capacity(order.len());
        let mut edges = Vec::new();
        let mut outputs = Vec::new();
        for &old in &order {
            let (kids, out) = (&children[old as usize], &ends[old as usize]);
            nodes.push(Node {
                first: edges.len() as u32,
                len: kids.len() as u32,
                out: outputs.len() as u32,
                out_len: out.len() as u32,
            });
            edges.extend(kids.iter().map(|(&b, &c)| (b, id[c as usize])));
            outputs.extend_from_slice(out);
        }
        let mut root = Box::new([NONE; 256]);
        for (&b, &c) in &children[0] {
            root[b as usize] = id[c as usize];
            root[b.to_ascii_uppercase() as usize] = id[c as usize];
        }
        let mut pairs = vec![NONE; 1 << 16].into_boxed_slice();
        for (&b0, &c0) in &children[0] {
            for (&b1, &c1) in &children[c0 as usize] {
                pairs[(b0 as usize) << 8 | b1 as usize] = id[c1 as usize];
            }
        }
        Trie {
            nodes,
            edges,
            outputs,
            root,
            pairs,
        }
    }

    /// Whether some pattern begins with `byte` (in either ASCII case).
    #[inline]
    pub fn may_start(&self, byte: u8) -> bool {
        self.root[byte as usize] != NONE
    }

    /// Calls `found(pattern, end)` for every pattern that matches `text` at `start`,
    /// shortest first.
    pub fn matches_at(&self, text: &[u8], start: usize, mut found: impl FnMut(usize, usize)) {
        let Some(&first) = text.get(start) else {
            return;
        };
        let node = self.root[first as usize];
        if node == NONE {
            return;
        }
        self.report(node, start + 1, &mut found);
        let Some(&second) = text.get(start + 1) else {
            return;
        };
        let pair =
            (first.to_ascii_lowercase() as usize) << 8 | second.to_ascii_lowercase() as usize;
        let mut node = self.pairs[pair];
        let mut at = start + 2;
        while node != NONE {
            let n = self.report(node, at, &mut found);
            let Some(&b) = text.get(at) else {
                return;
            };
            let b = b.to_ascii_lowercase();
            let kids = &self.edges[n.first as usize..(n.first + n.len) as usize];
            node = match kids.binary_search_by_key(&b, |&(k, _)| k) {
                Ok(i) => kids[i].1,
                Err(_) => NONE,
            };
            at += 1;
        }
    }

    /// Report the patterns that end at `node` (the text's `at`), and return it.
    #[inline]
    fn report(&self, node: u32, at: usize, found: &mut impl FnMut(usize, usize)) -> Node {
        let n = self.nodes[node as usize];
        for &p in &self.outputs[n.out as usize..(n.out + n.out_len) as usize] {
            found(p as usize, at);
        }
        n
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
    fn multibyte_patterns_match_byte_for_byte() {
        let trie = Trie::new(["Türkiye", "São Paulo"]);
        assert_eq!(all(&trie, "in türkiye"), vec![(0, 3, 11)]);
        assert_eq!(all(&trie, "SÃO PAULO"), Vec::new());
        assert_eq!(all(&trie, "são paulo").len(), 1);
    }
}
