//! Reading the index: search articles and quotes with filters, fetch one article,
//! count people and topics, describe the index. Returns plain structs; never prints.

pub mod facets;
pub mod filters;
pub mod join;
pub mod people;
pub mod search;
pub mod stats;
pub mod topics;

pub use filters::Filters;
pub use search::{Hit, SearchRequest, Sort, search, show};
pub use stats::{Stats, stats};
