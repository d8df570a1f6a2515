//! Topics: places, organisations and subjects an article is about. (Being written.)

use super::Topic;
use crate::Article;

pub fn extract_topics(_article: &Article) -> Vec<Topic> {
    Vec::new()
}
