//! The tantivy schema. Articles, their quotes and the state of each indexed file are
//! documents of one index, told apart by `kind`, so that one commit changes all three
//! together and deleting a file's `path` term removes its articles and quotes at once.

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing,
    TextOptions,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer};

/// The analyzer for prose (titles, bodies, quotes): words, lowercased, accents folded,
/// English stems, so "elections" finds "election".
pub const TEXT_ANALYZER: &str = "newsdex_text";
/// The analyzer for names and labels compared whole: lowercased, accents folded.
pub const KEYWORD_ANALYZER: &str = "newsdex_keyword";

/// The version of the schema below, kept in the index folder (`MARKER`) so that an
/// index made by another newsdex is named as older or newer. Bump it whenever a field
/// is added, removed or changed.
pub const VERSION: u32 = 3;
/// The file in the index folder that holds `VERSION`.
pub const MARKER: &str = "newsdex-schema.json";

pub const KIND_ARTICLE: &str = "article";
pub const KIND_QUOTE: &str = "quote";
pub const KIND_FILE: &str = "file";
/// The fast field that tells a quote document how far back its article is.
pub const PARENT: &str = "parent";

/// Handles to every field.
///
/// A quote document holds only what quotes are searched and filtered by: its text,
/// speaker, kind and `parent`. The rest (its record, its article's id, date, source,
/// people and topics) is its article's, reached through `parent`.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub kind: Field,
    /// Article id, on articles.
    pub id: Field,
    /// The file an article came from.
    pub path: Field,
    /// The file a quote came from, so that deleting a file's terms deletes its quotes
    /// too; not stored.
    pub quote_path: Field,
    pub title: Field,
    /// Article text.
    pub body: Field,
    /// A quote's text, on quote documents: indexed, not stored (it is a slice of its
    /// article's body).
    pub quote: Field,
    pub date: Field,
    pub source: Field,
    pub authors: Field,
    pub url: Field,
    /// Canonical names of the people mentioned.
    pub person: Field,
    /// The same names, by word, for partial name searches.
    pub person_text: Field,
    /// Topic ids as facets: `/place/asia/syria`, so a parent finds its children.
    pub topic: Field,
    /// The same ids as written, for counting exactly what articles are about.
    pub topic_id: Field,
    /// `YYYY-MM` of the date, for counting by month.
    pub month: Field,
    pub speaker: Field,
    pub speaker_text: Field,
    pub quote_kind: Field,
    /// On quote documents: how many documents back their article is, which is also
    /// the quote's number in its article (see `query::join`).
    pub parent: Field,
    /// The enrichment record (JSON) of an article, quotes included, without the
    /// texts that are slices of the body (see `index::compact`).
    pub record: Field,
    /// File state, on `file` documents: the path, size, modification time and hash.
    pub file: Field,
    pub size: Field,
    pub mtime: Field,
    pub hash: Field,
    pub articles: Field,
}

/// A value matched whole (an id, a path, a kind), with no field norms: only prose
/// is ranked, and a norm costs a byte per document per field.
fn string() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    )
}

fn text(analyzer: &str, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// The words of names, for finding a name by part ("Petrenko"): which documents
/// hold each word, no positions (a name query asks for all its words).
fn name_words() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    )
}

/// A name compared whole but case-insensitively, counted (and read back as written)
/// from its fast column; `stored` where a listing shows it.
fn keyword(stored: bool) -> TextOptions {
    let options = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD_ANALYZER)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        )
        .set_fast("raw");
    if stored {
        options.set_stored()
    } else {
        options
    }
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        kind: b.add_text_field("kind", string()),
        id: b.add_text_field("id", string() | STORED),
        path: b.add_text_field("path", string() | STORED),
        quote_path: b.add_text_field("quote_path", string()),
        title: b.add_text_field("title", text(TEXT_ANALYZER, true)),
        body: b.add_text_field("body", text(TEXT_ANALYZER, true)),
        quote: b.add_text_field("quote", text(TEXT_ANALYZER, false)),
        date: b.add_date_field("date", INDEXED | STORED | FAST),
        source: b.add_text_field("source", keyword(true)),
        authors: b.add_text_field("authors", text(KEYWORD_ANALYZER, true)),
        url: b.add_text_field("url", STORED),
        person: b.add_text_field("person", keyword(false)),
        person_text: b.add_text_field("person_text", name_words()),
        topic: b.add_facet_field("topic", FacetOptions::default()),
        topic_id: b.add_text_field("topic_id", string() | FAST),
        month: b.add_text_field("month", string() | FAST),
        speaker: b.add_text_field("speaker", keyword(false)),
        speaker_text: b.add_text_field("speaker_text", name_words()),
        quote_kind: b.add_text_field("quote_kind", string()),
        parent: b.add_u64_field(PARENT, FAST),
        record: b.add_bytes_field("record", STORED),
        file: b.add_text_field("file", string() | STORED),
        size: b.add_u64_field("size", STORED),
        mtime: b.add_i64_field("mtime", STORED),
        hash: b.add_text_field("hash", STORED),
        articles: b.add_u64_field("articles", STORED),
    };
    (b.build(), fields)
}

/// How the index stores documents: zstd, in 16 KB blocks. Larger blocks compress a
/// little better (64 KB: 7% smaller index) but every search result decompresses its
/// block, and with 64 KB that was a third of a one-word search's time. Level 1: on
/// 16 KB blocks of news text it compresses within 2% of level 3, and took 40% fewer
/// instructions in an indexing run (165 M -> 96 M on 300 articles).
pub fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(STORE_ZSTD_LEVEL),
        }),
        docstore_blocksize: STORE_BLOCK_BYTES,
        ..tantivy::IndexSettings::default()
    }
}

const STORE_ZSTD_LEVEL: i32 = 1;
const STORE_BLOCK_BYTES: usize = 16 << 10;

/// Analyzers are not stored in the index: register them on every open.
pub fn register_analyzers(index: &tantivy::Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(
        TEXT_ANALYZER,
        TextAnalyzer::from(super::prose::ProseTokenizer::default()),
    );
    tokenizers.register(
        KEYWORD_ANALYZER,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

/// Normalise a name the way `KEYWORD_ANALYZER` does, for term queries.
pub fn keyword_term(s: &str) -> String {
    let mut analyzer = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(s.trim());
    let mut out = String::new();
    while let Some(token) = stream.next() {
        out.push_str(&token.text);
    }
    out
}
