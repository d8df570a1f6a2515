//! People: who an article mentions, under one canonical name. (Being written.)

use super::Person;
use crate::Article;

pub fn extract_people(_article: &Article) -> Vec<Person> {
    Vec::new()
}
