//! Rendering shared by the commands: colour when stdout is a terminal, JSON Lines,
//! and quiet exits on a closed pipe.

use std::io::{self, IsTerminal, Write};

/// Whether to colour stdout: a terminal, and `NO_COLOR` unset.
pub fn color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A buffered, locked stdout.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// Write one JSON object on its own line.
pub fn json_line<W: Write + ?Sized>(out: &mut W, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// A closed pipe (`newsdex search x | head`) ends the run quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Paint `text` with an ANSI style when colour is on.
pub fn paint(on: bool, style: &str, text: &str) -> String {
    if on {
        format!("\x1b[{style}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

pub const BOLD: &str = "1";
pub const DIM: &str = "2";

/// `2017-11-21 · Source · id · path`, leaving out what is missing.
pub fn meta_line(
    date: Option<chrono::NaiveDate>,
    source: Option<&str>,
    id: &str,
    path: &str,
) -> String {
    let date = date.map(|d| d.to_string());
    let path = display_path(path);
    [date.as_deref(), source, Some(id), Some(path.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A path relative to the current folder when it is under it.
pub fn display_path(path: &str) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            std::path::Path::new(path)
                .strip_prefix(cwd)
                .ok()
                .map(|p| p.display().to_string())
        })
        .unwrap_or_else(|| path.to_string())
}

/// The text with its highlighted ranges painted (or left plain without colour), and
/// line breaks folded so a snippet stays one paragraph.
pub fn highlight(color: bool, text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut pos = 0;
    for r in ranges {
        if r.start < pos
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        out.push_str(&text[pos..r.start]);
        out.push_str(&paint(color, MATCH, &text[r.clone()]));
        pos = r.end;
    }
    out.push_str(&text[pos..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub const MATCH: &str = "1;31";

/// A quote as `show` and `extract` list it: "Speaker: “text”".
pub fn quote_line(q: &crate::extract::Quote) -> String {
    format!("{}: {}", speaker_label(q), quote_text(q.kind, &q.text))
}

/// Who said a quote, for display: the canonical speaker, else the words that named
/// them, marked as unresolved.
fn speaker_label(q: &crate::extract::Quote) -> String {
    match (&q.speaker, &q.speaker_mention) {
        (Some(s), _) => s.clone(),
        (None, Some(m)) => format!("unknown speaker ({m})"),
        (None, None) => "unknown speaker".to_string(),
    }
}

/// A quote's text as printed: inside quote marks when the article quoted it, bare
/// when it is reported speech.
fn quote_text(kind: crate::extract::QuoteKind, text: &str) -> String {
    match kind {
        crate::extract::QuoteKind::Indirect => text.to_string(),
        _ => format!("\u{201c}{text}\u{201d}"),
    }
}

/// End a listing of results: the summary (a JSON object with `--json`, a line of text
/// otherwise), the flush, and the outcome for the exit code.
pub fn finish_listing(
    out: &mut impl Write,
    json: bool,
    total: usize,
    shown: usize,
    noun: &str,
) -> anyhow::Result<super::Outcome> {
    #[derive(serde::Serialize)]
    struct Summary {
        r#type: &'static str,
        total: usize,
        shown: usize,
    }
    if json {
        json_line(
            out,
            &Summary {
                r#type: "summary",
                total,
                shown,
            },
        )?;
    } else if shown > 0 {
        writeln!(out, "{shown} of {total} {noun}")?;
    }
    out.flush()?;
    Ok(if shown == 0 {
        super::Outcome::Nothing
    } else {
        super::Outcome::Found
    })
}
