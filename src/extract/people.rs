//! People: who an article mentions, under one canonical name. (Being written.)

use super::Person;
use crate::Article;

pub fn extract_people(_article: &Article) -> Vec<Person> {
    Vec::new()
}

/// The canonical name of a person named by any alias, if the gazetteer knows them.
pub fn canonical_name(_name: &str) -> Option<String> {
    None
}

/// A leader's role and country, for listing people.
pub fn leader_profile(_name: &str) -> Option<(String, String)> {
    None
}
