//! A briefing as it is stored on disk: decoding, front matter, headlines and paragraphs.
//!
//! Everything downstream (extraction, search, the reader) works on byte spans into
//! [`Briefing::text`], so loading keeps the file's bytes exactly whenever they are UTF-8 and
//! only records where things are.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused: a briefing is an article, and a bigger file is almost
/// certainly a mistake (a log, a dump) that would only slow the whole library down.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A half-open byte range `start..end` into a briefing's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; kept as a function so call sites read as ranges.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text this span covers, so callers never slice by hand.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A party named in front matter or config: a canonical name and the words that mean it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyDef {
    /// Canonical name shown everywhere ("United States").
    pub name: String,
    /// Other ways the text refers to it ("Washington", "Pentagon", "American").
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A quotation written by hand in front matter, merged with what extraction finds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandQuote {
    /// The quoted words, as they stand in the body.
    pub text: String,
    /// Who said them.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The speaker's party.
    #[serde(default)]
    pub party: Option<String>,
}

/// A claim or denial written by hand in front matter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandStatement {
    /// Who makes the statement.
    #[serde(default)]
    pub actor: Option<String>,
    /// The party it is made for.
    #[serde(default)]
    pub party: Option<String>,
    /// The sentence (or a part of it) as it stands in the body.
    pub text: String,
}

/// The optional TOML front matter between `+++` lines.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Headline; overrides the first paragraph.
    pub title: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD` by convention (kept as written).
    pub date: Option<String>,
    /// Outlet or author.
    pub source: Option<String>,
    /// Where the article came from.
    pub url: Option<String>,
    /// Free-form labels used by filters and search.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Parties specific to this briefing.
    #[serde(default)]
    pub parties: Vec<PartyDef>,
    /// Hand-annotated quotes.
    #[serde(default)]
    pub quote: Vec<HandQuote>,
    /// Hand-annotated claims.
    #[serde(default)]
    pub claim: Vec<HandStatement>,
    /// Hand-annotated denials.
    #[serde(default)]
    pub denial: Vec<HandStatement>,
}

/// One loaded briefing: the text and where its parts are.
#[derive(Debug, Clone, Default)]
pub struct Briefing {
    /// The file it came from.
    pub path: PathBuf,
    /// The file's text exactly as stored when it is UTF-8 (BOM included); otherwise the
    /// decoded text, with a warning saying so.
    pub text: String,
    /// Front matter, empty when the file has none.
    pub meta: FrontMatter,
    /// The headline: front matter title, else the first paragraph.
    pub title: String,
    /// Where the headline paragraph stands, when it comes from the body.
    pub title_span: Option<Span>,
    /// Alternate headlines: short unpunctuated paragraphs right after the headline.
    pub headlines: Vec<Span>,
    /// Every paragraph of the article body (headlines excluded), trimmed of outer whitespace.
    pub paragraphs: Vec<Span>,
    /// Things that were odd but did not stop the briefing from loading.
    pub warnings: Vec<String>,
}

/// Why a file could not be read as a briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// The file could not be opened or read.
    Io(String),
    /// Nothing but whitespace in it.
    Empty,
    /// Looks like binary data (what it looks like, when known).
    Binary(String),
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// The `+++` front matter block is not closed.
    FrontMatterUnclosed,
    /// The front matter is not valid TOML or has wrong types.
    FrontMatter(String),
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadProblem::Io(e) => write!(f, "cannot read: {e}"),
            LoadProblem::Empty => write!(f, "empty file (no text)"),
            LoadProblem::Binary(what) => write!(f, "binary file, not text ({what})"),
            LoadProblem::TooLarge(n) => write!(
                f,
                "too large: {:.1} MB (the limit is {} MB)",
                *n as f64 / 1e6,
                MAX_FILE_BYTES / 1_000_000
            ),
            LoadProblem::FrontMatterUnclosed => {
                write!(f, "front matter opened with +++ is never closed")
            }
            LoadProblem::FrontMatter(e) => write!(f, "front matter: {e}"),
        }
    }
}

/// A load failure, naming the file so every message can stand on its own.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {problem}", path.display())]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub problem: LoadProblem,
}

impl Briefing {
    /// Reads and parses one file. Never panics; every failure names the file.
    pub fn load(path: &Path) -> Result<Briefing, LoadError> {
        let fail = |problem| LoadError {
            path: path.to_path_buf(),
            problem,
        };
        let meta = std::fs::metadata(path).map_err(|e| fail(LoadProblem::Io(e.to_string())))?;
        if meta.is_dir() {
            return Err(fail(LoadProblem::Io("is a folder".into())));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(fail(LoadProblem::TooLarge(meta.len())));
        }
        let bytes = std::fs::read(path).map_err(|e| fail(LoadProblem::Io(e.to_string())))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(fail(LoadProblem::TooLarge(bytes.len() as u64)));
        }
        Briefing::from_bytes(path, &bytes).map_err(fail)
    }

    /// Parses a briefing from bytes already in memory (tests, stdin, the cache).
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Briefing, LoadProblem> {
        let (text, warnings) = decode(bytes)?;
        Briefing::from_text(path, text, warnings)
    }

    /// Parses a briefing from text; `warnings` carries what decoding noticed.
    pub fn from_text(
        path: &Path,
        text: String,
        mut warnings: Vec<String>,
    ) -> Result<Briefing, LoadProblem> {
        if text.trim_matches(is_blank_char).is_empty() {
            return Err(LoadProblem::Empty);
        }
        let (meta, body_start) = front_matter(&text)?;
        let is_markdown = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        let mut paragraphs = split_paragraphs(&text, body_start);
        let mut title_span = None;
        let title = match &meta.title {
            Some(t) if !t.trim().is_empty() => {
                // A Markdown `# Heading` repeating the title is still the headline, not body.
                if is_markdown
                    && paragraphs
                        .first()
                        .is_some_and(|p| p.of(&text).trim_start().starts_with('#'))
                {
                    title_span = Some(paragraphs.remove(0));
                }
                t.trim().to_string()
            }
            _ => {
                if paragraphs.is_empty() {
                    return Err(LoadProblem::Empty);
                }
                let first = paragraphs.remove(0);
                title_span = Some(first);
                headline_text(first.of(&text))
            }
        };
        let mut headlines = Vec::new();
        if title_span.is_some() {
            while paragraphs.len() > 1 && is_alternate_headline(paragraphs[0].of(&text)) {
                headlines.push(paragraphs.remove(0));
            }
        }
        if paragraphs.is_empty() {
            warnings.push("no article body after the headline".into());
        }
        Ok(Briefing {
            path: path.to_path_buf(),
            text,
            meta,
            title,
            title_span,
            headlines,
            paragraphs,
            warnings,
        })
    }

    /// Alternate headlines as text.
    pub fn headline_texts(&self) -> Vec<String> {
        self.headlines
            .iter()
            .map(|s| headline_text(s.of(&self.text)))
            .collect()
    }

    /// Where the body starts (the first body paragraph, or the end of the text).
    pub fn body_start(&self) -> usize {
        self.paragraphs.first().map_or(self.text.len(), |p| p.start)
    }
}

/// Whitespace as real text uses it: Unicode spaces plus the zero-width ones and the BOM,
/// which `char::is_whitespace` does not count.
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// A headline paragraph as one line: Markdown `#` markers dropped, whitespace folded.
fn headline_text(p: &str) -> String {
    let t = p.trim_start().trim_start_matches('#');
    t.split(is_blank_char)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A short paragraph without sentence-ending punctuation, standing between the headline and
/// the body, is another headline for the same article.
fn is_alternate_headline(p: &str) -> bool {
    let t = p.trim_matches(is_blank_char);
    let words = t.split_whitespace().count();
    !t.is_empty()
        && t.len() <= 200
        && words <= 25
        && !t.contains('\n')
        && !t.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', '\'', ')'])
}

/// Decodes file bytes: UTF-8 kept byte for byte; UTF-16 with a BOM and legacy 8-bit text
/// decoded with a warning; binary data refused.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), LoadProblem> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadProblem::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(LoadProblem::Binary(kind));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Vec::new())),
        Err(e) => {
            let text: String = bytes.iter().map(|&b| windows_1252(b)).collect();
            Ok((
                text,
                vec![format!(
                    "not valid UTF-8 (first bad byte at offset {}); read as Windows-1252, \
                     offsets refer to the decoded text",
                    e.valid_up_to()
                )],
            ))
        }
    }
}

fn decode_utf16(
    rest: &[u8],
    word: fn([u8; 2]) -> u16,
    name: &str,
) -> Result<(String, Vec<String>), LoadProblem> {
    let units = rest.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let mut warnings = vec![format!(
        "decoded from {name}; offsets refer to the decoded UTF-8 text"
    )];
    if rest.len() % 2 == 1 {
        warnings.push("odd trailing byte dropped".into());
    }
    Ok((text, warnings))
}

/// Names the kind of binary data, or `None` when the bytes look like text.
fn binary_kind(bytes: &[u8]) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or office document"),
        (b"\x7FELF", "executable"),
        (b"\x1F\x8B", "gzip archive"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some((*what).to_string());
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Some("contains NUL bytes".into());
    }
    None
}

/// Windows-1252, the usual encoding of text that is not UTF-8 (a superset of Latin-1's
/// printable range).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Parses `+++` front matter at the top (after an optional BOM); returns it and where the
/// body begins.
fn front_matter(text: &str) -> Result<(FrontMatter, usize), LoadProblem> {
    let start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let rest = &text[start..];
    let Some(after_open) = rest
        .strip_prefix("+++\r\n")
        .or_else(|| rest.strip_prefix("+++\n"))
    else {
        return Ok((FrontMatter::default(), start));
    };
    let open_len = rest.len() - after_open.len();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "+++" {
            let toml_text = &after_open[..offset];
            let meta: FrontMatter = toml::from_str(toml_text)
                .map_err(|e| LoadProblem::FrontMatter(toml_error_message(&e, toml_text)))?;
            return Ok((meta, start + open_len + offset + line.len()));
        }
        offset += line.len();
    }
    Err(LoadProblem::FrontMatterUnclosed)
}

/// A TOML error as one line with the file's line number (front matter starts on line 2).
fn toml_error_message(e: &toml::de::Error, toml_text: &str) -> String {
    let msg = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            let line = toml_text[..span.start.min(toml_text.len())]
                .matches('\n')
                .count()
                + 2;
            format!("line {line}: {msg}")
        }
        None => msg,
    }
}

/// Splits `text[from..]` into paragraphs separated by blank lines, each trimmed.
pub fn split_paragraphs(text: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut para_start: Option<usize> = None;
    let mut last_content_end = from;
    let mut pos = from;
    while pos < bytes.len() {
        let line_end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i + 1);
        let line = &text[pos..line_end];
        let trimmed = line.trim_matches(is_blank_char);
        if trimmed.is_empty() {
            if let Some(s) = para_start.take() {
                out.push(Span::new(s, last_content_end));
            }
        } else {
            let lead = line.len() - line.trim_start_matches(is_blank_char).len();
            let trail = line.len() - line.trim_end_matches(is_blank_char).len();
            if para_start.is_none() {
                para_start = Some(pos + lead);
            }
            last_content_end = line_end - trail;
        }
        pos = line_end;
    }
    if let Some(s) = para_start {
        out.push(Span::new(s, last_content_end));
    }
    out
}

/// Every briefing file under the given paths: folders are walked recursively (symlink loops
/// and unreadable folders are reported, not followed forever), files are taken as given.
pub fn collect_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = std::collections::HashSet::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut errors, &mut seen_dirs),
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push(LoadError {
                path: p.clone(),
                problem: LoadProblem::Io(e.to_string()),
            }),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// True for the file names the reader treats as briefings.
pub fn is_briefing_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    !hidden
        && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["txt", "md", "markdown"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(e))
        })
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<LoadError>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    let canonical = match std::fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            errors.push(LoadError {
                path: dir.to_path_buf(),
                problem: LoadProblem::Io(e.to_string()),
            });
            return;
        }
    };
    if !seen.insert(canonical) {
        return; // a symlink loop or a folder reached twice
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(LoadError {
                path: dir.to_path_buf(),
                problem: LoadProblem::Io(e.to_string()),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, files, errors, seen),
            Ok(_) if is_briefing_file(&path) => files.push(path),
            Ok(_) => {}
            Err(e) if is_briefing_file(&path) => errors.push(LoadError {
                path,
                problem: LoadProblem::Io(e.to_string()),
            }),
            Err(_) => {} // a dangling link or loop that is not a briefing: nothing to show
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, text: &str) -> Briefing {
        Briefing::from_bytes(Path::new(name), text.as_bytes()).unwrap()
    }

    #[test]
    fn headline_alternates_and_paragraph_spans() {
        let b = parse(
            "a.txt",
            "Head line\n\nOther head\n\nBody one.\nstill one.\n\n\nBody two.\n",
        );
        assert_eq!(b.title, "Head line");
        assert_eq!(b.headline_texts(), vec!["Other head"]);
        let paras: Vec<&str> = b.paragraphs.iter().map(|p| p.of(&b.text)).collect();
        assert_eq!(paras, vec!["Body one.\nstill one.", "Body two."]);
    }

    #[test]
    fn crlf_bom_and_front_matter() {
        let text = "\u{FEFF}+++\r\ntitle = \"T\"\r\ntags = [\"syria\"]\r\n+++\r\nFirst body.\r\n\r\nSecond.\r\n";
        let b = parse("a.md", text);
        assert_eq!(b.title, "T");
        assert_eq!(b.meta.tags, vec!["syria"]);
        assert_eq!(b.paragraphs.len(), 2);
        assert_eq!(b.paragraphs[0].of(&b.text), "First body.");
    }

    #[test]
    fn broken_front_matter_names_the_line() {
        let err = Briefing::from_bytes(
            Path::new("x.md"),
            b"+++\ntitle = \"a\"\ntags = 3\n+++\nBody.\n",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("line 3"), "{msg}");
        let err =
            Briefing::from_bytes(Path::new("x.md"), b"+++\ntitle = \"a\"\nBody.\n").unwrap_err();
        assert_eq!(err, LoadProblem::FrontMatterUnclosed);
    }

    #[test]
    fn binary_empty_and_latin1() {
        assert!(matches!(
            Briefing::from_bytes(Path::new("x.txt"), b"\x89PNG\r\n\x1a\n\0\0"),
            Err(LoadProblem::Binary(_))
        ));
        assert_eq!(
            Briefing::from_bytes(Path::new("x.txt"), b"  \n\t\n").unwrap_err(),
            LoadProblem::Empty
        );
        let b = Briefing::from_bytes(
            Path::new("x.txt"),
            b"Caf\xe9 news\n\nBody \x93quoted\x94.\n",
        )
        .unwrap();
        assert_eq!(b.title, "Café news");
        assert!(b.text.contains("“quoted”"));
        assert_eq!(b.warnings.len(), 1);
    }
}
