//! Reading articles from files: pick a reader by extension, undo gzip, decode text
//! (UTF-8, else Windows-1252), and turn each file into zero or more `Article`s.
//!
//! A reader never aborts a run. Whatever is wrong with a file comes back as a
//! `failure` (nothing could be read) or as `notes` (something was read, with caveats),
//! each a short reason that the caller prints after the file's path.

pub mod date;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;
pub mod walk;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::article::{Article, article_id};

/// The article formats newsdex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
    Html,
}

/// The format of a file and whether it is gzip-compressed, from its name.
/// `None` for files that are not articles (images, stylesheets, …).
pub fn format_of(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    // Files that describe a folder (a dataset's README, its licence) are not articles.
    let stem = name.split('.').next().unwrap_or("");
    if matches!(
        stem,
        "readme" | "license" | "licence" | "copying" | "changelog"
    ) {
        return None;
    }
    let (name, gz) = match name.strip_suffix(".gz") {
        Some(stem) => (stem.to_string(), true),
        None => (name, false),
    };
    let ext = name.rsplit_once('.')?.1;
    let format = match ext {
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::JsonLines,
        "html" | "htm" | "xhtml" => Format::Html,
        _ => return None,
    };
    Some((format, gz))
}

/// Limits that keep one hostile file from taking the machine.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest file of one article (txt, md, html), and the largest record of a
    /// JSON Lines file, in bytes (after gzip).
    pub max_article_bytes: u64,
    /// The largest JSON file (one object or an array of articles), in bytes.
    pub max_json_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_article_bytes: 16 << 20,
            max_json_bytes: 1 << 30,
        }
    }
}

/// What reading one file gave.
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub articles: Vec<Article>,
    /// Articles handed to a sink as they were read (see [`read_file_streaming`]).
    pub streamed: usize,
    /// Things the user should know about an otherwise readable file
    /// ("record 4: no body, skipped", "date \"spring\" not understood").
    pub notes: Vec<String>,
    /// Records in the file that could not become articles.
    pub skipped: usize,
    /// Why nothing at all could be read, if so.
    pub failure: Option<String>,
    /// A hash of the file's raw bytes, to tell a touched file from a changed one.
    pub hash: String,
    /// The file as it was read (from disk only).
    pub stat: Option<FileStat>,
}

impl FileOutcome {
    fn failed(reason: impl Into<String>) -> FileOutcome {
        FileOutcome {
            failure: Some(reason.into()),
            ..FileOutcome::default()
        }
    }
}

/// The fields a reader found for one article, before ids and dates are settled.
#[derive(Debug, Default)]
pub struct RawArticle {
    pub title: String,
    pub body: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub authors: Vec<String>,
    pub url: Option<String>,
}

/// How often a file that changes while it is read is read again before giving up.
const READ_TRIES: usize = 3;

/// A file's modification time closer than this to the moment it was read may be
/// shared by a later write (file systems keep coarse times): such a file is recorded
/// with no time, so the next run reads it again (and its hash says if it changed).
const RACY_NANOS: i64 = 2_000_000_000;

/// What a file looked like when it was read: enough to tell that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStat {
    pub size: u64,
    /// Nanoseconds since the epoch; 0 when too recent to be trusted (see `RACY_NANOS`).
    pub mtime: i64,
    inode: (u64, u64),
    ctime: i64,
}

impl FileStat {
    fn of(m: &std::fs::Metadata) -> FileStat {
        let nanos = |t: std::io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i64)
        };
        #[cfg(unix)]
        let (inode, ctime) = {
            use std::os::unix::fs::MetadataExt;
            (
                (m.dev(), m.ino()),
                m.ctime() * 1_000_000_000 + m.ctime_nsec(),
            )
        };
        #[cfg(not(unix))]
        let (inode, ctime) = ((0, 0), 0);
        FileStat {
            size: m.len(),
            mtime: nanos(m.modified()),
            inode,
            ctime,
        }
    }
}

/// Read one file from disk into articles. The file is checked before and after it is
/// read; one that changed meanwhile (written to, truncated, replaced) is read again,
/// and given up with a reason if it keeps changing, so that half of one version and
/// half of another never become an article.
pub fn read_file(path: &Path, limits: Limits) -> FileOutcome {
    read_file_streaming(path, limits, None)
}

/// The hash `read_file` gives a file, without reading its articles.
pub fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    std::io::copy(&mut std::fs::File::open(path)?, &mut hasher)?;
    Ok(hasher.finalize().to_hex()[..32].to_string())
}

/// The articles a JSON Lines file hands to a sink at a time.
pub const STREAM_CHUNK: usize = 512;

/// Read one file; with a `sink`, a JSON Lines file's articles go to it
/// [`STREAM_CHUNK`] at a time as they are read (so a file of any size takes little
/// memory) and the outcome's `articles` holds only what other formats gave; its
/// `streamed` counts what went to the sink.
pub fn read_file_streaming(
    path: &Path,
    limits: Limits,
    mut sink: Option<&mut dyn FnMut(Vec<Article>)>,
) -> FileOutcome {
    let Some((format, gz)) = format_of(path) else {
        return FileOutcome::failed("not an article format (txt, md, json, jsonl, html)");
    };
    let mut changed = false;
    for _ in 0..READ_TRIES {
        let (file, before) = match open_regular(path) {
            Ok(f) => f,
            Err(reason) => return FileOutcome::failed(reason),
        };
        let streaming = sink.is_some();
        let mut out = read_open_file(path, file, format, gz, limits, sink.as_deref_mut());
        let after = match std::fs::metadata(path) {
            Ok(m) => FileStat::of(&m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return FileOutcome::failed("file vanished while being read");
            }
            Err(e) => return FileOutcome::failed(io_reason(&e)),
        };
        if after != before {
            if streaming {
                // What went to the sink cannot be taken back here: the caller
                // drops it.
                return FileOutcome::failed(
                    "changed while being read, skipped; the next run reads it again",
                );
            }
            changed = true;
            continue;
        }
        if changed {
            out.notes
                .insert(0, "changed while being read; read again".to_string());
        }
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(i64::MAX, |d| d.as_nanos() as i64);
        let mut stat = before;
        if now.saturating_sub(stat.mtime) < RACY_NANOS {
            stat.mtime = 0;
        }
        out.stat = Some(stat);
        return out;
    }
    FileOutcome::failed(format!(
        "changed while being read ({READ_TRIES} tries), skipped; the next run reads it again"
    ))
}

/// Open a regular file for reading, never a link (the walk resolved the links it was
/// asked to follow), a FIFO (opening one would wait for a writer) or a device, even
/// if one took the file's place since the walk.
fn open_regular(path: &Path) -> std::result::Result<(std::fs::File, FileStat), String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return "symbolic link, not followed (use --follow)".to_string();
        }
        io_reason(&e)
    })?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        return Err("not a regular file (device, FIFO or socket), skipped".to_string());
    }
    Ok((file, FileStat::of(&meta)))
}

fn read_open_file(
    path: &Path,
    file: std::fs::File,
    format: Format,
    gz: bool,
    limits: Limits,
    sink: Option<&mut (dyn FnMut(Vec<Article>) + '_)>,
) -> FileOutcome {
    let display = path.to_string_lossy();
    let mut hasher = blake3::Hasher::new();
    let raw = HashingReader {
        inner: file,
        hasher: &mut hasher,
    };
    let mut reader: Box<dyn Read + '_> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut out = if format == Format::JsonLines {
        read_json_lines(&display, &mut reader, limits, sink)
    } else {
        let limit = if format == Format::Json {
            limits.max_json_bytes
        } else {
            limits.max_article_bytes
        };
        let mut bytes = Vec::new();
        match reader.by_ref().take(limit + 1).read_to_end(&mut bytes) {
            Ok(_) => {}
            Err(e) => return FileOutcome::failed(io_reason(&e)),
        }
        if bytes.len() as u64 > limit {
            return FileOutcome::failed(format!(
                "too large: over {} MB for one {} file (see --max-file-size)",
                limit >> 20,
                if format == Format::Json {
                    "JSON"
                } else {
                    "article"
                },
            ));
        }
        // Drain the rest so the hash covers the whole file even past a gzip member.
        read_bytes(&display, format, &bytes)
    };
    drop(reader);
    out.hash = hasher.finalize().to_hex()[..32].to_string();
    out
}

/// Turn the bytes of one file into articles. `path` names the file in ids and messages.
pub fn read_bytes(path: &str, format: Format, bytes: &[u8]) -> FileOutcome {
    if let Some(reason) = unreadable(bytes) {
        return FileOutcome::failed(reason);
    }
    let mut notes = Vec::new();
    let text = match format {
        Format::Html => html::decode(bytes),
        _ => decode(bytes),
    };
    if text.lossy {
        notes.push("not valid UTF-8, decoded as Windows-1252".to_string());
    }
    let raws: Vec<std::result::Result<RawArticle, String>> = match format {
        Format::Text => vec![Ok(text::read_text(&text.text))],
        Format::Markdown => vec![Ok(markdown::read_markdown(&text.text))],
        Format::Html => vec![Ok(html::read_html(&text.text))],
        Format::Json => match json::read_json(&text.text) {
            Ok(records) => records,
            Err(e) => return FileOutcome::failed(e),
        },
        Format::JsonLines => json::read_json_lines_str(&text.text),
    };
    let mut out = finish(path, raws);
    notes.append(&mut out.notes);
    out.notes = notes;
    out
}

fn read_json_lines(
    path: &str,
    reader: &mut dyn Read,
    limits: Limits,
    mut sink: Option<&mut (dyn FnMut(Vec<Article>) + '_)>,
) -> FileOutcome {
    let mut buf = BufReader::with_capacity(1 << 16, reader);
    let mut out = FileOutcome::default();
    let mut base = 0usize;
    let mut raws = Vec::new();
    let mut line = Vec::new();
    let mut lossy = false;
    let mut seen_any = false;
    let mut line_no = 0usize;
    loop {
        line.clear();
        line_no += 1;
        let n = match buf
            .by_ref()
            .take(limits.max_article_bytes + 1)
            .read_until(b'\n', &mut line)
        {
            Ok(n) => n,
            Err(e) => {
                raws.push(Err(format!("line {line_no}: {}", io_reason(&e))));
                break;
            }
        };
        if n == 0 {
            break;
        }
        if n as u64 > limits.max_article_bytes && line.last() != Some(&b'\n') {
            raws.push(Err(format!(
                "line {line_no}: record too large (over {} MB, see --max-file-size), skipped",
                limits.max_article_bytes >> 20
            )));
            // Skip the rest of the oversized line.
            let mut sink = Vec::new();
            if buf.read_until(b'\n', &mut sink).is_err() {
                break;
            }
            continue;
        }
        if !seen_any && !line.iter().all(|b| b.is_ascii_whitespace()) {
            seen_any = true;
            if let Some(reason) = unreadable(&line) {
                return FileOutcome::failed(reason);
            }
        }
        let text = decode(&line);
        lossy |= text.lossy;
        if let Some(r) = json::read_json_line(&text.text, line_no) {
            raws.push(r);
        }
        if let Some(sink) = sink.as_mut()
            && raws.len() >= STREAM_CHUNK
        {
            let n = raws.len();
            finish_into(&mut out, path, std::mem::take(&mut raws), base, true);
            base += n;
            out.streamed += out.articles.len();
            sink(std::mem::take(&mut out.articles));
        }
    }
    if !seen_any {
        return FileOutcome::failed("empty file");
    }
    let many = base + raws.len() > 1;
    finish_into(&mut out, path, raws, base, many);
    if let Some(sink) = sink {
        out.streamed += out.articles.len();
        if !out.articles.is_empty() {
            sink(std::mem::take(&mut out.articles));
        }
    }
    settle_failure(&mut out);
    if lossy {
        out.notes
            .insert(0, "not valid UTF-8, decoded as Windows-1252".to_string());
    }
    out
}

/// Give raw records ids and parsed dates; turn record errors into notes.
fn finish(path: &str, raws: Vec<std::result::Result<RawArticle, String>>) -> FileOutcome {
    let mut out = FileOutcome::default();
    let many = raws.len() > 1;
    finish_into(&mut out, path, raws, 0, many);
    settle_failure(&mut out);
    out
}

/// [`finish`] for records `base..` of a file, added to `out`; `many` labels notes
/// with record numbers.
fn finish_into(
    out: &mut FileOutcome,
    path: &str,
    raws: Vec<std::result::Result<RawArticle, String>>,
    base: usize,
    many: bool,
) {
    for (n, raw) in raws.into_iter().enumerate() {
        let n = base + n;
        let raw = match raw {
            Ok(raw) => raw,
            Err(reason) => {
                out.notes.push(reason);
                out.skipped += 1;
                continue;
            }
        };
        let label = if many {
            format!("record {}: ", n + 1)
        } else {
            String::new()
        };
        let body = raw.body.trim();
        if body.is_empty() {
            out.notes.push(format!("{label}no article body, skipped"));
            out.skipped += 1;
            continue;
        }
        let date = raw.date.as_deref().map(str::trim).filter(|d| !d.is_empty());
        let parsed = date.and_then(date::parse_date);
        if let (Some(d), None) = (date, parsed) {
            out.notes
                .push(format!("{label}date {d:?} not understood, left empty"));
        }
        out.articles.push(Article {
            id: article_id(path, n),
            path: path.to_string(),
            title: clean_line(&raw.title),
            body: body.to_string(),
            date: parsed,
            source: raw.source.map(|s| clean_line(&s)).filter(|s| !s.is_empty()),
            authors: raw
                .authors
                .iter()
                .map(|a| clean_line(a))
                .filter(|a| !a.is_empty())
                .collect(),
            url: raw
                .url
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        });
    }
}

/// A file that gave no article at all failed, with the reason its records give.
fn settle_failure(out: &mut FileOutcome) {
    if out.articles.is_empty() && out.streamed == 0 && out.failure.is_none() {
        out.failure = Some(if out.skipped == 0 {
            "empty file".to_string()
        } else if out.notes.len() == 1 {
            out.notes.remove(0)
        } else {
            format!("none of its {} records could be read", out.skipped)
        });
    }
}

/// Collapse runs of whitespace in a one-line field.
pub fn clean_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why bytes cannot hold an article at all, if they cannot.
fn unreadable(bytes: &[u8]) -> Option<&'static str> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Some("empty file");
    }
    let head = &bytes[..bytes.len().min(8192)];
    // Text never holds NUL or many control bytes; UTF-16 does hold NUL, but no news
    // dataset ships it, so treat it as binary too.
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if head.contains(&0) || controls * 10 > head.len() {
        return Some("binary file, not text");
    }
    None
}

/// Text decoded from bytes, and whether we had to fall back to Windows-1252.
pub struct Decoded {
    pub text: String,
    pub lossy: bool,
}

/// UTF-8 (with or without BOM), else Windows-1252, which maps every byte.
pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            lossy: false,
        },
        Err(_) => Decoded {
            text: encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
            lossy: true,
        },
    }
}

/// A short reason for an I/O error, without the path (the caller prints it).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "file vanished before it could be read".to_string(),
        PermissionDenied => "permission denied".to_string(),
        InvalidData | InvalidInput => format!("corrupt data: {e}"),
        UnexpectedEof => "file ends too early (truncated or corrupt)".to_string(),
        _ => e.to_string(),
    }
}

/// A reason for an I/O error on a path given by the user.
pub fn io_reason_path(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        _ => io_reason(e),
    }
}

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1000.0 && u < UNITS.len() - 1 {
        v /= 1000.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

struct HashingReader<'a, R> {
    inner: R,
    hasher: &'a mut blake3::Hasher,
}

impl<R: Read> Read for HashingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        let rows = [
            ("a.txt", Some((Format::Text, false))),
            ("A.TXT", Some((Format::Text, false))),
            ("a.md", Some((Format::Markdown, false))),
            ("a.json", Some((Format::Json, false))),
            ("a.jsonl", Some((Format::JsonLines, false))),
            ("a.ndjson.gz", Some((Format::JsonLines, true))),
            ("a.html.gz", Some((Format::Html, true))),
            ("a.htm", Some((Format::Html, false))),
            ("a.png", None),
            ("a.gz", None),
            ("README", None),
            ("README.TXT", None),
            ("readme.md", None),
            ("LICENSE.txt", None),
        ];
        for (name, want) in rows {
            assert_eq!(format_of(Path::new(name)), want, "{name}");
        }
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert_eq!(unreadable(b""), Some("empty file"));
        assert_eq!(unreadable(b" \n\t\n"), Some("empty file"));
        assert_eq!(
            unreadable(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some("binary file, not text")
        );
        assert_eq!(unreadable("Title\n\nBody".as_bytes()), None);
    }

    #[test]
    fn decodes_windows_1252() {
        let d = decode(b"caf\xe9 \x93quoted\x94");
        assert!(d.lossy);
        assert_eq!(d.text, "café \u{201c}quoted\u{201d}");
        let d = decode("\u{feff}plain".as_bytes());
        assert!(!d.lossy);
        assert_eq!(d.text, "plain");
    }

    #[test]
    fn record_without_body_is_a_note() {
        let out = read_bytes(
            "x.jsonl",
            Format::JsonLines,
            b"{\"title\":\"a\",\"body\":\"text\"}\n{\"title\":\"b\"}\n",
        );
        assert_eq!(out.articles.len(), 1);
        assert_eq!(out.skipped, 1);
        assert_eq!(out.notes, vec!["record 2: no article body, skipped"]);
    }

    #[test]
    fn bad_date_is_reported_and_left_empty() {
        let out = read_bytes(
            "x.txt",
            Format::Text,
            b"Title\nDate: sometime last spring\n\nBody text.",
        );
        assert_eq!(out.articles[0].date, None);
        assert_eq!(
            out.notes,
            vec!["date \"sometime last spring\" not understood, left empty"]
        );
    }
}
