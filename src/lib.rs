//! newsdex: make news archives searchable by who, what and who said it.
//!
//! The flow of one article: `ingest` reads files into `Article`s, `extract` enriches
//! them (people, topics, quotes), `index` writes them into tantivy, `query` reads
//! them back. The binary in `main.rs` and `cli` only parse arguments and print.

pub mod article;
pub mod cli;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod query;

pub use article::Article;
pub use error::{Error, Result};
