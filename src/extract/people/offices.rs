//! Leaders named by office alone: "the German chancellor", "Russia's president", "the
//! prime minister of India", "the UN secretary-general", and a bare "the president"
//! when the article names one president.

use super::Extractor;
use super::lexicon::lexicon;
use crate::extract::gazetteer;

impl Extractor<'_> {
    /// "the German chancellor", "Russia's president", "the prime minister of India",
    /// "the president" when one president is named.
    pub(super) fn title_only(&mut self) {
        let lex = lexicon();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let t = &self.toks[i];
            let lower = t.key.as_ref();
            if !matches!(
                lower,
                "president"
                    | "chancellor"
                    | "premier"
                    | "prime"
                    | "king"
                    | "queen"
                    | "leader"
                    | "secretary-general"
            ) {
                i += 1;
                continue;
            }
            // The office: "prime minister" takes two words.
            let (office, office_end) = if lower == "prime" {
                match self.toks.get(i + 1) {
                    Some(m) if m.key == "minister" && m.joins_prev => ("prime minister", i + 2),
                    _ => {
                        i += 1;
                        continue;
                    }
                }
            } else {
                (lower, i + 1)
            };
            // A name after it: a title of a named person, not a reference by title.
            if let Some(nx) = self.toks.get(office_end)
                && nx.joins_prev
                && nx.cap
                && !nx.possessive
                && !self.toks[office_end - 1].possessive
            {
                i = office_end;
                continue;
            }
            let mut countries: Vec<usize> = Vec::new();
            let mut start = i;
            // "the Russian president", "Russia's president", "the U.S. president".
            if i > 0 && self.gap_is_space(i) {
                let p = &self.toks[i - 1];
                let mut cs = Vec::new();
                let mut s = i - 1;
                if i > 1 && self.gap_is_space(i - 1) {
                    // "North Korean leader", "South African president".
                    let two = format!("{} {}", self.toks[i - 2].key, p.key);
                    cs = lex.countries(&two);
                    s = i - 2;
                }
                if cs.is_empty() {
                    cs = lex.countries(&p.key);
                    s = i - 1;
                }
                if !cs.is_empty() && (p.cap || p.acronym) {
                    countries = cs;
                    start = s;
                }
            }
            let mut end = office_end;
            // "the president of Russia", "the prime minister of the United Kingdom".
            if countries.is_empty()
                && let Some(of) = self.toks.get(office_end)
                && of.text == "of"
            {
                let mut j = office_end + 1;
                if self.toks.get(j).is_some_and(|t| t.key == "the") {
                    j += 1;
                }
                for len in (1..=3).rev() {
                    if j + len > n {
                        continue;
                    }
                    let key: Vec<&str> = self.toks[j..j + len]
                        .iter()
                        .map(|t| t.key.as_ref())
                        .collect();
                    let cs = lex.countries(&key.join(" "));
                    if !cs.is_empty() && self.toks[j].cap {
                        countries = cs;
                        end = j + len;
                        break;
                    }
                }
            }
            // Bare "the president": needs "the" before it.
            let bare = countries.is_empty();
            if bare && !(i > 0 && self.toks[i - 1].key == "the" && self.toks[i].joins_prev) {
                i = end;
                continue;
            }
            if bare && office == "leader" {
                i = end;
                continue;
            }
            if let Some(l) = self.office_holder(office, &countries) {
                let e = match self.entities.iter().position(|e| e.leader == Some(l)) {
                    Some(e) => e,
                    None => self.new_entity_leader(l),
                };
                self.push_mention(e, start..end);
            }
            i = end;
        }
    }

    /// Whether token `i` follows the one before it after a single space.
    fn gap_is_space(&self, i: usize) -> bool {
        i > 0 && &self.body[self.toks[i - 1].raw_end..self.toks[i].start] == " "
    }

    /// The leader holding `office` of one of `countries` at the article's date; with
    /// no country, the one leader named in the article who holds such an office.
    fn office_holder(&self, office: &str, countries: &[usize]) -> Option<usize> {
        let lex = lexicon();
        let offices: &[&str] = match office {
            "leader" => &["supreme leader", "leader", "general secretary"],
            "premier" => &["premier", "prime minister"],
            o => std::slice::from_ref(match o {
                "secretary-general" => &"secretary general",
                "president" => &"president",
                "chancellor" => &"chancellor",
                "prime minister" => &"prime minister",
                "king" => &"king",
                "queen" => &"queen",
                _ => return None,
            }),
        };
        let named: Vec<usize> = self.entities.iter().filter_map(|e| e.leader).collect();
        if countries.is_empty() {
            // "the president": the one named leader who holds some presidency then.
            let fits: Vec<usize> = named
                .iter()
                .copied()
                .filter(|&l| {
                    gazetteer::leader(l).roles.iter().any(|r| {
                        let t = r.title.to_lowercase();
                        offices.iter().any(|o| t.starts_with(&format!("{o} of ")))
                            && self.year.is_none_or(|y| r.held_in(y))
                    })
                })
                .collect();
            let mut fits = fits;
            fits.dedup();
            return if let [l] = fits[..] { Some(l) } else { None };
        }
        let mut holders: Vec<(usize, u16)> = Vec::new();
        for &c in countries {
            for name in lex.country_names(c) {
                for o in offices {
                    let key = gazetteer::role_key(&format!("{o} of {name}"));
                    for &(l, r) in gazetteer::by_role(&key) {
                        let role = &gazetteer::leader(l).roles[r];
                        let ok = match self.year {
                            Some(y) => role.held_in(y),
                            None => named.contains(&l),
                        };
                        if ok && !holders.iter().any(|h| h.0 == l) {
                            let since = role
                                .years
                                .iter()
                                .filter(|s| self.year.is_none_or(|y| s.0 <= y))
                                .map(|s| s.0)
                                .max()
                                .unwrap_or(0);
                            holders.push((l, since));
                        }
                    }
                }
            }
        }
        match holders.len() {
            0 => None,
            1 => Some(holders[0].0),
            // A year of handover: the one the article names, else the newcomer.
            _ => {
                let in_article: Vec<usize> = holders
                    .iter()
                    .map(|h| h.0)
                    .filter(|l| named.contains(l))
                    .collect();
                if let [l] = in_article[..] {
                    return Some(l);
                }
                holders.iter().max_by_key(|h| h.1).map(|h| h.0)
            }
        }
    }
}
