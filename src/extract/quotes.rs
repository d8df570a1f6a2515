//! Quotes: what people said, and who said it. (Being written.)

use super::{Person, Quote};
use crate::Article;

pub fn extract_quotes(_article: &Article, _people: &[Person]) -> Vec<Quote> {
    Vec::new()
}
