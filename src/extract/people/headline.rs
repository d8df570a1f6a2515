//! People named in the headline: the body's people under the headline's words, and
//! leaders the gazetteer knows. Headline capitals say little (title case, all caps), so
//! only known names count there.

use super::Extractor;
use super::lexicon::lexicon;
use crate::extract::gazetteer::{self, name_key};

impl Extractor<'_> {
    /// People named in the headline: names the body uses, and gazetteer names.
    pub(super) fn headline_people(&mut self) {
        let title = self.article.title.as_str();
        if title.trim().is_empty() {
            return;
        }
        let htoks = std::mem::take(&mut self.htoks);
        let letters = title.chars().filter(|c| c.is_alphabetic()).count();
        let lowers = title.chars().filter(|c| c.is_lowercase()).count();
        let all_caps = letters > 0 && lowers * 10 < letters;
        let mut i = 0;
        let lex = lexicon();
        // Each entity's name as a key, made once: every span below is compared with all.
        let mut name_keys: Vec<String> = self.entities.iter().map(|e| name_key(&e.name)).collect();
        while i < htoks.len() {
            let mut matched = 0;
            for n in (1..=4.min(htoks.len() - i)).rev() {
                let span = &htoks[i..i + n];
                if !span.iter().all(|t| t.cap || t.is_particle()) && !all_caps {
                    continue;
                }
                if span.windows(2).any(|w| !w[1].joins_prev) {
                    continue;
                }
                let key = name_key(&title[span[0].start..span[n - 1].end]);
                // "Oksana Petrenko named …" over a body that says only "Petrenko".
                if n >= 2
                    && !all_caps
                    && lex.is_first_name(&span[0].key)
                    && gazetteer::by_name(&key).is_empty()
                {
                    let last = name_key(span[n - 1].text);
                    if let Some(e) = self.entities.iter().position(|e| {
                        e.leader.is_none() && e.name_words == 1 && e.surnames.contains(&last)
                    }) {
                        let ent = &mut self.entities[e];
                        ent.name = title[span[0].start..span[n - 1].end].to_string();
                        name_keys[e] = name_key(&ent.name);
                        ent.name_words = n;
                        ent.first = Some(span[0].key.to_string());
                        ent.from_headline = true;
                        i += n;
                        matched = usize::MAX;
                        break;
                    }
                }
                let entity = self
                    .entities
                    .iter()
                    .zip(&name_keys)
                    .position(|(e, k)| *k == key || (n == 1 && e.surnames.contains(&key)))
                    .or_else(|| {
                        let hits = gazetteer::by_name(&key);
                        let l = match hits {
                            [i] => Some(*i),
                            _ if n == 1 => {
                                let k: &str = &span[0].key;
                                let safe = !lex.is_common(k)
                                    && !lex.is_not_person(k)
                                    && !lex.is_first_name(k)
                                    && !self.lower.contains(k)
                                    && !lexicon().is_common_surname(k);
                                if safe {
                                    gazetteer::choose(gazetteer::surname_hits(&key), self.year)
                                } else {
                                    None
                                }
                            }
                            _ => None,
                        }?;
                        let existing = self.entities.iter().position(|e| e.leader == Some(l));
                        Some(existing.unwrap_or_else(|| {
                            let e = self.new_entity_leader(l);
                            name_keys.push(name_key(&self.entities[e].name));
                            self.by_key.insert(format!("#{l}"), e);
                            e
                        }))
                    });
                if let Some(e) = entity {
                    self.entities[e].from_headline = true;
                    matched = n;
                    break;
                }
            }
            if matched != usize::MAX {
                i += matched.max(1);
            }
        }
    }
}
