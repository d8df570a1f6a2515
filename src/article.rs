//! The unit everything works on: one news article as read from a file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One article, as a reader produced it. `body` is plain text with paragraphs
/// separated by blank lines; extraction offsets are UTF-8 byte offsets into it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a hash of the file's path and the record's place in the file.
    pub id: String,
    /// The file the article came from.
    pub path: String,
    pub title: String,
    pub body: String,
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub authors: Vec<String>,
    pub url: Option<String>,
}

/// The id of the `n`th article of the file at `path`: 16 hex digits, stable across runs.
pub fn article_id(path: &str, n: usize) -> String {
    let mut h = blake3::Hasher::new();
    h.update(path.as_bytes());
    h.update(&(n as u64).to_le_bytes());
    h.finalize().to_hex()[..16].to_string()
}
