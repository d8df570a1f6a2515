//! The prose analyzer (`schema::TEXT_ANALYZER`) as one tokenizer that remembers the
//! terms of the words it has seen.
//!
//! Its output is exactly that of tantivy's chain `SimpleTokenizer` → `RemoveLongFilter`
//! (64 bytes) → `LowerCaser` → `AsciiFoldingFilter` → `Stemmer` (English): the same
//! terms, offsets and positions. The chain lowercases, folds and stems every word of
//! every document anew, and stemming alone was a seventh of an indexing run's CPU.
//! News prose repeats its words, so this tokenizer looks each word up as written in a
//! per-thread table and runs the chain only on a word it has not seen.

use std::cell::RefCell;
use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, Stemmer, TextAnalyzer, Token,
    TokenStream, Tokenizer,
};

/// Words at least this long (in bytes, as written) give no term, as with
/// `RemoveLongFilter::limit(64)`.
const TOO_LONG: usize = 64;

/// How many words a thread remembers; the table is emptied when it is full. English
/// news has far fewer distinct words than this in a segment, so a full table is rare,
/// and its memory stays bounded (a few MB) whatever the archive.
const REMEMBERED: usize = 1 << 17;
/// The most bytes of words and terms a thread keeps (entries are emptied with the
/// table), far below `u32::MAX` so that every offset fits an `Entry`.
const TEXT_BYTES: usize = 16 << 20;

thread_local! {
    static TERMS: RefCell<Terms> = RefCell::new(Terms::default());
}

/// A word as written → its term.
///
/// Each word and its term sit back to back in one string, so a lookup that finds
/// the word has its term in the same cache lines; the table holds only where they
/// are. (A map of boxed strings cost three memory reads on other lines per word, and
/// this runs once per word of every title, body and quote.)
#[derive(Default)]
struct Terms {
    /// Every remembered word followed by its term.
    text: String,
    table: HashTable<Entry>,
    /// The chain after splitting, for words not seen yet.
    chain: Option<TextAnalyzer>,
}

/// Where one remembered word and its term are in `Terms::text`.
#[derive(Clone, Copy)]
struct Entry {
    hash: u64,
    at: u32,
    word: u16,
    term: u16,
}

impl Terms {
    /// Put `word`'s term in `out`.
    fn term(&mut self, word: &str, out: &mut String) {
        out.clear();
        let hash = FxBuildHasher.hash_one(word);
        let text = &self.text;
        let found = self.table.find(hash, |e| {
            let at = e.at as usize;
            e.hash == hash && &text.as_bytes()[at..at + usize::from(e.word)] == word.as_bytes()
        });
        if let Some(e) = found {
            let at = e.at as usize + usize::from(e.word);
            out.push_str(&text[at..at + usize::from(e.term)]);
            return;
        }
        let chain = self.chain.get_or_insert_with(word_chain);
        let mut stream = chain.token_stream(word);
        if stream.advance() {
            out.push_str(&stream.token().text);
        }
        if self.table.len() >= REMEMBERED || self.text.len() + word.len() + out.len() > TEXT_BYTES {
            self.table.clear();
            self.text.clear();
        }
        let entry = Entry {
            hash,
            at: self.text.len() as u32,
            word: word.len() as u16,
            term: out.len() as u16,
        };
        self.text.push_str(word);
        self.text.push_str(out);
        self.table.insert_unique(hash, entry, |e| e.hash);
    }
}

/// What the analyzer does to one word once it is split out.
fn word_chain() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Splits text into words (runs of alphanumeric characters) and gives each its term.
#[derive(Clone, Default)]
pub struct ProseTokenizer {
    token: Token,
}

pub struct ProseStream<'a> {
    text: &'a str,
    at: usize,
    token: &'a mut Token,
}

impl Tokenizer for ProseTokenizer {
    type TokenStream<'a> = ProseStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ProseStream<'a> {
        self.token.reset();
        ProseStream {
            text,
            at: 0,
            token: &mut self.token,
        }
    }
}

impl ProseStream<'_> {
    /// The next run of alphanumeric characters from `self.at`, as byte offsets.
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        let start = loop {
            let (alnum, len) = char_at(self.text, bytes, i)?;
            if alnum {
                break i;
            }
            i += len;
        };
        let mut end = start;
        while let Some((true, len)) = char_at(self.text, bytes, end) {
            end += len;
        }
        self.at = end;
        Some((start, end))
    }
}

/// Whether the character at byte `i` is alphanumeric, and its length; `None` at the
/// end.
#[inline]
fn char_at(text: &str, bytes: &[u8], i: usize) -> Option<(bool, usize)> {
    let &b = bytes.get(i)?;
    if b.is_ascii() {
        return Some((b.is_ascii_alphanumeric(), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c.is_alphanumeric(), c.len_utf8()))
}

impl TokenStream for ProseStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            // Every word takes a position, a word too long to index too.
            self.token.position = self.token.position.wrapping_add(1);
            let Some((start, end)) = self.next_word() else {
                self.token.text.clear();
                return false;
            };
            if end - start >= TOO_LONG {
                continue;
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            let word = &self.text[start..end];
            TERMS.with(|t| t.borrow_mut().term(word, &mut self.token.text));
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer};

    fn chain() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(TOO_LONG))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build()
    }

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    fn same(text: &str) {
        let want = tokens(chain(), text);
        // Twice: once filling the table, once reading from it.
        for _ in 0..2 {
            let got = tokens(TextAnalyzer::from(ProseTokenizer::default()), text);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn gives_what_the_tantivy_chain_gives() {
        same("");
        same("   ,,, ");
        same("The Ministers were RUNNING; elections, elected, electing.");
        same("Erdoğan met Åsa Müller in Zürich, São Paulo and Ærøskøbing.");
        same("ΑΘΗΝΑ Москва 北京 ①②③ ½ x²");
        same("Straße STRASSE ﬁnance œuvre Œuvre");
        same("don't U.S. 9/11 COVID-19 $1,000,000 3.5% e-mail");
        same(&format!(
            "short {} long {} end",
            "a".repeat(63),
            "b".repeat(64)
        ));
        same(&format!("{} é{} after", "é".repeat(40), "ü".repeat(31)));
        same("trailing word");
        same("\u{200b}zero\u{200b}width\u{feff}marks\u{0301}combining");
    }

    #[test]
    fn gives_what_the_chain_gives_on_the_sample_corpus() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(root) {
            let entry = entry.unwrap();
            if entry.file_type().is_file()
                && let Ok(text) = std::fs::read_to_string(entry.path())
            {
                same(&text);
                checked += 1;
            }
        }
        assert!(checked > 10, "{checked} files");
    }

    #[test]
    fn a_full_table_is_emptied_not_grown() {
        let mut t = Terms::default();
        let mut out = String::new();
        for i in 0..REMEMBERED + 10 {
            t.term(&format!("w{i}"), &mut out);
        }
        assert!(t.table.len() <= REMEMBERED);
        t.term("Elections", &mut out);
        assert_eq!(out, "elect");
    }
}
