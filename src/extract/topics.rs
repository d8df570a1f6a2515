//! Topics: places, organisations and subjects an article is about. (Being written.)

use super::Topic;
use crate::Article;

pub fn extract_topics(_article: &Article) -> Vec<Topic> {
    Vec::new()
}

/// The topic id a user means by an id, a label or an alias.
pub fn canonical_topic(query: &str) -> Option<String> {
    let id = query.trim().trim_matches('/');
    id.contains('/').then(|| id.to_string())
}

/// The label and kind of a topic id.
pub fn describe_topic(_id: &str) -> Option<(String, super::TopicKind)> {
    None
}
