//! The page as a flat list of nodes in document order, which every later pass walks
//! with loops instead of recursion, so no page can overflow the stack.
//!
//! Node `i`'s subtree is the range `i..nodes[i].end`, so "everything inside" is a slice
//! and sums over subtrees are one backwards pass adding each node into its parent.
//! Elements that never hold article text (scripts, styles, forms' controls, embedded
//! media, the `<head>`) are left out, with all they contain.

use scraper::node::Element;
use scraper::{Html, Node as HtmlNode};

/// What a node is.
#[derive(Debug, Clone, Copy)]
pub enum Kind<'a> {
    Element(&'a Element),
    Text(&'a str),
}

#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    pub kind: Kind<'a>,
    /// The parent's index; the root is its own parent.
    pub parent: usize,
    /// One past the last node of this node's subtree.
    pub end: usize,
}

impl<'a> Node<'a> {
    pub fn element(&self) -> Option<&'a Element> {
        match self.kind {
            Kind::Element(e) => Some(e),
            Kind::Text(_) => None,
        }
    }

    /// The element's tag name, or "" for text.
    pub fn tag(&self) -> &'a str {
        self.element().map_or("", |e| e.name())
    }

    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.element().and_then(|e| e.attr(name))
    }
}

pub struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
}

/// Elements left out of the flat tree with everything inside them.
const SKIPPED: &[&str] = &[
    "applet", "audio", "button", "canvas", "datalist", "embed", "head", "iframe", "input", "link",
    "map", "math", "meta", "noembed", "noframes", "noscript", "object", "option", "picture",
    "script", "select", "style", "svg", "template", "textarea", "title", "video",
];

impl<'a> Dom<'a> {
    /// Flatten the `<body>` (or the whole page when it has none) of a parsed page.
    pub fn new(doc: &'a Html) -> Dom<'a> {
        let root = doc.root_element();
        let body = root
            .children()
            .find(|c| c.value().as_element().is_some_and(|e| e.name() == "body"))
            .unwrap_or(*root);
        let mut nodes: Vec<Node<'a>> = Vec::new();
        // Indices of the open elements on the way down.
        let mut open: Vec<usize> = Vec::new();
        let mut at = body;
        loop {
            let kind = match at.value() {
                HtmlNode::Element(e) if !SKIPPED.contains(&e.name()) => Some(Kind::Element(e)),
                HtmlNode::Text(t) => Some(Kind::Text(&t.text)),
                _ => None,
            };
            if let Some(kind) = kind {
                let index = nodes.len();
                nodes.push(Node {
                    kind,
                    parent: open.last().copied().unwrap_or(0),
                    end: index + 1,
                });
                if let Kind::Element(_) = kind
                    && let Some(child) = at.first_child()
                {
                    open.push(index);
                    at = child;
                    continue;
                }
            }
            // Done with `at`: move on to its next sibling, closing the elements whose
            // last child it was.
            loop {
                if at.id() == body.id() {
                    return Dom { nodes };
                }
                if let Some(next) = at.next_sibling() {
                    at = next;
                    break;
                }
                match at.parent() {
                    Some(parent) => at = parent,
                    None => return Dom { nodes },
                }
                if let Some(index) = open.pop() {
                    nodes[index].end = nodes.len();
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Indices of the ancestors of `i`, nearest first, without `i`.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = i;
        std::iter::from_fn(move || {
            if at == 0 {
                return None;
            }
            at = self.nodes[at].parent;
            Some(at)
        })
    }
}
