//! The filter options every query command shares, and their validation.

use crate::query::Filters;
use crate::query::filters::{parse_since, parse_until};

#[derive(clap::Args, Debug, Default)]
pub struct FilterArgs {
    /// Only articles that mention this person (any alias: "Putin", "President Putin").
    /// Repeat to require several.
    #[arg(long, value_name = "NAME")]
    person: Vec<String>,
    /// Only articles about this topic: an id (place/asia/syria), a label or an alias.
    /// Repeat to require several.
    #[arg(long, value_name = "TOPIC")]
    topic: Vec<String>,
    /// Only articles dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only articles dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Only articles from this source (case-insensitive). Repeat for any of several.
    #[arg(long, value_name = "SOURCE")]
    source: Vec<String>,
}

impl FilterArgs {
    pub fn to_filters(&self) -> anyhow::Result<Filters> {
        let since = self.since.as_deref().map(parse_since).transpose()?;
        let until = self.until.as_deref().map(parse_until).transpose()?;
        if let (Some(s), Some(u)) = (since, until)
            && s > u
        {
            anyhow::bail!("--since {s} is after --until {u}");
        }
        Ok(Filters {
            people: self.person.clone(),
            topics: self.topic.clone(),
            sources: self.source.clone(),
            speakers: Vec::new(),
            since,
            until,
        })
    }
}
