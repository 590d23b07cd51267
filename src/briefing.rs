//! A briefing as it is stored on disk: decoding, front matter, headlines and paragraphs.
//!
//! Everything downstream (extraction, search, the reader) works on byte spans into
//! [`Briefing::text`], so loading keeps the file's bytes exactly whenever they are UTF-8 and
//! only records where things are.

use crate::sanitize::visible;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused: a briefing is an article, and a bigger file is almost
/// certainly a mistake (a log, a dump) that would only slow the whole library down.
pub const MAX_FILE_BYTES: u64 = 64_000_000;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandQuote {
    /// The quoted words, as they stand in the body (or the analyst's own, which are kept
    /// where they are written: see [`Briefing::locate_annotation`]), with where the string
    /// stands in the front matter.
    pub text: toml::Spanned<String>,
    /// Who said them.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The speaker's party.
    #[serde(default)]
    pub party: Option<String>,
}

/// A claim or denial written by hand in front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandStatement {
    /// Who makes the statement.
    #[serde(default)]
    pub actor: Option<String>,
    /// The party it is made for.
    #[serde(default)]
    pub party: Option<String>,
    /// The sentence (or a part of it) as it stands in the body (or the analyst's own words,
    /// see [`Briefing::locate_annotation`]), with where the string stands in the front matter.
    pub text: toml::Spanned<String>,
}

/// The optional TOML front matter between `+++` lines.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Headline; overrides the first paragraph.
    pub title: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD` by convention: a string kept as written, or a TOML
    /// date (see [`date_value`]).
    #[serde(default, deserialize_with = "date_value")]
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

/// Why a file could not be read as a briefing. The `Display` text of every variant is safe to
/// write to a terminal.
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
            LoadProblem::Io(e) => write!(f, "cannot read: {}", visible(e, false)),
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
            LoadProblem::FrontMatter(e) => write!(f, "front matter: {}", visible(e, false)),
        }
    }
}

/// A load failure, naming the file so every message can stand on its own. Its text is safe to
/// print to a terminal: file names and quoted file content have their control characters
/// made visible.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {problem}", visible(&path.display().to_string(), false))]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub problem: LoadProblem,
}

impl Briefing {
    /// Reads and parses one file. Never panics, never blocks on a pipe or device; every
    /// failure names the file.
    pub fn load(path: &Path) -> Result<Briefing, LoadError> {
        Briefing::load_with_metadata(path).1
    }

    /// [`Briefing::load`], also handing back the metadata of the file as it was opened
    /// and read (`None` when it could not be looked at): the library stamps each briefing
    /// with it instead of looking the path up once more (a system call a file).
    pub fn load_with_metadata(
        path: &Path,
    ) -> (Option<std::fs::Metadata>, Result<Briefing, LoadError>) {
        let (meta, bytes) = read_regular_file(path);
        let loaded = bytes
            .and_then(|bytes| Briefing::from_bytes(path, &bytes))
            .map_err(|problem| LoadError {
                path: path.to_path_buf(),
                problem,
            });
        (meta, loaded)
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
        warnings.extend(date_warning(&meta));
        let is_markdown = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        let mut paragraphs = split_paragraphs(&text, body_start);
        let mut title_span = None;
        // A Markdown `# Heading` other than the front matter title: an alternate headline.
        let mut other_heading = false;
        let front_title = meta.title.as_deref().map(fold_blanks);
        let title = match front_title.filter(|t| !t.is_empty()) {
            Some(t) => {
                let heading = paragraphs
                    .first()
                    .filter(|p| is_markdown && p.of(&text).trim_start().starts_with('#'));
                if let Some(heading) = heading {
                    // Repeating the title, it is the headline itself, not body.
                    if headline_text(heading.of(&text)).eq_ignore_ascii_case(&t) {
                        title_span = Some(paragraphs.remove(0));
                    } else {
                        other_heading = true;
                    }
                }
                t
            }
            None => {
                let Some(&first) = paragraphs.first() else {
                    return Err(LoadProblem::Empty);
                };
                match find_headline(&text, first, paragraphs.len() > 1) {
                    Headline::Paragraph => {
                        paragraphs.remove(0);
                        title_span = Some(first);
                    }
                    Headline::FirstLine { line, rest } => {
                        paragraphs[0] = rest;
                        title_span = Some(line);
                        warnings.push(
                            "no blank line after the headline: its first line is taken as the \
                             headline"
                                .into(),
                        );
                    }
                    Headline::None => warnings.push(format!(
                        "no headline: the first paragraph ({} bytes) is too long, or reads too \
                         much like a sentence, to be one, so it is read as body and the title \
                         is its beginning",
                        first.len()
                    )),
                }
                match title_span {
                    Some(span) => headline_text(span.of(&text)),
                    None => title_excerpt(first.of(&text)),
                }
            }
        };
        let heading = usize::from(other_heading);
        let alternates = if title_span.is_some() || other_heading {
            heading
                + paragraphs
                    .iter()
                    .skip(heading)
                    .take(paragraphs.len().saturating_sub(1 + heading))
                    .take(MAX_ALTERNATE_HEADLINES)
                    .take_while(|p| is_alternate_headline(p.of(&text)))
                    .count()
        } else {
            0
        };
        let headlines: Vec<Span> = paragraphs.drain(..alternates).collect();
        if paragraphs.is_empty() {
            warnings.push("no article body after the headline".into());
        }
        let mut briefing = Briefing {
            path: path.to_path_buf(),
            text,
            meta,
            title,
            title_span,
            headlines,
            paragraphs,
            warnings,
        };
        let unplaced = briefing.unplaced_annotations();
        briefing.warnings.extend(unplaced);
        Ok(briefing)
    }

    /// Where a hand annotation stands in the file: where its text (trimmed) first stands in
    /// the body; else, for words the article does not hold (an analyst's note of what was
    /// said elsewhere), the bytes of its `text` string in the front matter, when the string
    /// is written there as it reads (no escapes), so the span still holds exactly its text
    /// and the note is never lost. `None` when it is neither, or empty.
    pub fn locate_annotation(&self, annotated: &toml::Spanned<String>) -> Option<Span> {
        self.locate_in_body(annotated.get_ref())
            .or_else(|| self.locate_in_front_matter(annotated))
    }

    /// The bytes of a hand annotation's text (trimmed) inside its string in the front matter.
    fn locate_in_front_matter(&self, annotated: &toml::Spanned<String>) -> Option<Span> {
        let needle = annotated.get_ref().trim();
        let toml_start = front_matter_block(self.text.as_bytes()).ok()??.toml.start;
        let written = annotated.span();
        let string = self
            .text
            .get(toml_start + written.start..toml_start + written.end)?;
        let at = toml_start + written.start + string.find(needle).filter(|_| !needle.is_empty())?;
        Some(Span::new(at, at + needle.len()))
    }

    /// True when `span` lies in the front matter: a hand annotation the article does not
    /// hold, which the reader cannot show in it.
    pub fn in_front_matter(&self, span: Span) -> bool {
        front_matter_block(self.text.as_bytes())
            .ok()
            .flatten()
            .is_some_and(|block| block.toml.start <= span.start && span.end <= block.toml.end)
    }

    /// Where a hand annotation's text (trimmed) first stands in the body; `None` when it is
    /// not there, or empty.
    fn locate_in_body(&self, annotated: &str) -> Option<Span> {
        let needle = annotated.trim();
        let body = self.body_start();
        if needle.is_empty() {
            return None;
        }
        self.text[body..]
            .find(needle)
            .map(|k| Span::new(body + k, body + k + needle.len()))
    }

    /// A warning for each hand annotation that cannot be placed: its text is not in the body,
    /// and not written plainly in the front matter either (escapes, or empty). Extraction
    /// leaves it out, and the reader should know which and why.
    fn unplaced_annotations(&self) -> Vec<String> {
        let quotes = self.meta.quote.iter().map(|q| ("quote", &q.text));
        let claims = self.meta.claim.iter().map(|c| ("claim", &c.text));
        let denials = self.meta.denial.iter().map(|d| ("denial", &d.text));
        quotes
            .chain(claims)
            .chain(denials)
            .filter(|(_, text)| self.locate_annotation(text).is_none())
            .map(|(kind, text)| {
                let text = text.get_ref();
                format!(
                    "front matter: [[{kind}]] {text:?} is not in the body nor written without \
                     escapes in the front matter, so it is left out"
                )
            })
            .collect()
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

/// Reads a regular file of at most [`MAX_FILE_BYTES`], handing back the metadata of what
/// it looked at (`None` when it could look at nothing). The file is opened without waiting
/// and what is open is looked at once (`fstat`), where looking the path up first cost a
/// second system call a file: anything but a regular file is refused before a byte is
/// read (a named pipe then neither blocks the open nor is read, and `/dev/zero`, which
/// never ends, is not read either). What cannot be opened at all (a socket) is looked up
/// by path to say what it is. The read is capped too, because a file can grow while it
/// is read.
fn read_regular_file(path: &Path) -> (Option<std::fs::Metadata>, Result<Vec<u8>, LoadProblem>) {
    let io = |e: std::io::Error| LoadProblem::Io(e.to_string());
    let file = match open_without_waiting(path) {
        Ok(file) => file,
        Err(e) => {
            let meta = std::fs::metadata(path).ok();
            let problem = match meta.as_ref().map(check_regular_file) {
                Some(Err(special)) => special,
                _ => io(e),
            };
            return (meta, Err(problem));
        }
    };
    let meta = match file.metadata() {
        Ok(meta) => meta,
        Err(e) => return (None, Err(io(e))),
    };
    let read = check_regular_file(&meta).and_then(|()| {
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        (&file)
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(LoadProblem::TooLarge(bytes.len() as u64));
        }
        Ok(bytes)
    });
    (Some(meta), read)
}

/// Opens a file for reading without waiting for a writer (a named pipe) or taking it as
/// the controlling terminal (a terminal device); reading a regular file is the same.
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

/// Opens a file for reading (no named pipes in folders to wait for here).
#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Accepts regular files within the size limit; names what anything else is.
fn check_regular_file(meta: &std::fs::Metadata) -> Result<(), LoadProblem> {
    let kind = meta.file_type();
    if kind.is_file() {
        return if meta.len() > MAX_FILE_BYTES {
            Err(LoadProblem::TooLarge(meta.len()))
        } else {
            Ok(())
        };
    }
    if kind.is_dir() {
        return Err(LoadProblem::Io("is a folder".into()));
    }
    Err(LoadProblem::Io(format!(
        "not a regular file ({})",
        special_file_kind(&kind)
    )))
}

/// What a special file is, in words an analyst recognises.
#[cfg(unix)]
fn special_file_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

/// What a special file is, where the platform does not say more.
#[cfg(not(unix))]
fn special_file_kind(_kind: &std::fs::FileType) -> &'static str {
    "a special file"
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

/// Text folded to one line: runs of whitespace (zero-width included) become one space, so a
/// title can neither hide nor break the line it is shown on.
fn fold_blanks(t: &str) -> String {
    t.split(is_blank_char)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A headline paragraph as one line: Markdown `#` markers dropped, whitespace folded.
fn headline_text(p: &str) -> String {
    fold_blanks(p.trim_start().trim_start_matches('#'))
}

/// The longest paragraph still taken as a headline. Real headlines stay under about 320
/// bytes (the longest in the corpus); a longer first paragraph is an article without one.
pub const MAX_HEADLINE_BYTES: usize = 500;

/// How many short paragraphs after the headline may count as alternate headlines; past that
/// they are a list in the body. Real articles have up to about a dozen (bullet summaries);
/// the cap keeps a file of 100,000 one-line paragraphs from becoming 100,000 headlines.
pub const MAX_ALTERNATE_HEADLINES: usize = 16;

/// The length, in characters, of a title cut from a body that has no headline.
const TITLE_EXCERPT_CHARS: usize = 100;

/// Where the headline of a file without a front matter title stands.
enum Headline {
    /// The first paragraph, as the design says.
    Paragraph,
    /// The first line of a first paragraph that runs straight into the body.
    FirstLine { line: Span, rest: Span },
    /// Nothing looks like a headline: the first paragraph is body.
    None,
}

/// Finds the headline in the `first` paragraph: the whole paragraph when it is short and the
/// body follows it (or it is all there is on one line); else its first line, when that is short
/// and more follows; else none, so that a file of one huge line is read as a body.
fn find_headline(text: &str, first: Span, more_paragraphs: bool) -> Headline {
    let p = first.of(text);
    let newline = p.find('\n');
    if p.len() <= MAX_HEADLINE_BYTES && !reads_as_prose(p) && (more_paragraphs || newline.is_none())
    {
        return Headline::Paragraph;
    }
    let Some(newline) = newline else {
        return Headline::None;
    };
    let line = &p[..newline];
    let line = line.trim_end_matches(is_blank_char);
    let rest = &p[newline..];
    let rest_start =
        first.start + newline + (rest.len() - rest.trim_start_matches(is_blank_char).len());
    // A line that a lowercase word continues was wrapped inside a sentence.
    let wrapped = text[rest_start..].starts_with(|c: char| c.is_lowercase());
    if line.len() > MAX_HEADLINE_BYTES || reads_as_prose(line) || wrapped || rest_start >= first.end
    {
        return Headline::None;
    }
    Headline::FirstLine {
        line: Span::new(first.start, first.start + line.len()),
        rest: Span::new(rest_start, first.end),
    }
}

/// Headlines this long or longer that end like a sentence are the article's first
/// paragraph: no headline of the corpus's 3,400 articles is, and a lead paragraph often is.
const PROSE_BYTES: usize = 200;

/// True when a first paragraph is the article's first sentences rather than a headline:
/// long, and ending as a sentence does ("… released in Moscow."). Taken for a headline,
/// its statements and quotations were lost to the title.
fn reads_as_prose(p: &str) -> bool {
    p.len() >= PROSE_BYTES
        && p.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’)]".contains(c))
            .ends_with(['.', '!', '?'])
}

/// A title for a body without a headline: its first words, cut at a word boundary.
fn title_excerpt(body: &str) -> String {
    // Only the beginning matters; folding all of a huge paragraph would be wasted work.
    let head = &body[..body.floor_char_boundary(TITLE_EXCERPT_CHARS * 8)];
    let folded = fold_blanks(head);
    if folded.chars().count() <= TITLE_EXCERPT_CHARS && head.len() == body.len() {
        return folded;
    }
    let cut = folded
        .char_indices()
        .nth(TITLE_EXCERPT_CHARS)
        .map_or(folded.len(), |(i, _)| i);
    let at_word = folded[..cut].rfind(' ').filter(|&i| i > 0).unwrap_or(cut);
    format!("{}…", &folded[..at_word])
}

/// A short paragraph without sentence-ending punctuation, standing between the headline and
/// the body, is another headline for the same article. (Public for `sitrep search`, which
/// shows a line of the body, not a headline, where it can.)
pub fn is_alternate_headline(p: &str) -> bool {
    let t = p.trim_matches(is_blank_char);
    !t.is_empty()
        && t.len() <= 200
        && !t.contains('\n')
        && t.split_whitespace().count() <= 25
        && !t.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', '\'', ')'])
}

/// Decodes file bytes: UTF-8 kept byte for byte; UTF-16 and UTF-32 with a BOM decoded, and
/// bytes that are not UTF-8 read as Windows-1252, each with a warning; binary data refused.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), LoadProblem> {
    decode_in_place(bytes).map(|(text, warnings)| (text.into_owned(), warnings))
}

/// [`decode`], borrowing text that is UTF-8 already (most files) instead of copying it:
/// for what only looks at the text (`sitrep search` finding a hit's lines).
pub fn decode_in_place(
    bytes: &[u8],
) -> Result<(std::borrow::Cow<'_, str>, Vec<String>), LoadProblem> {
    use std::borrow::Cow;
    let owned = |(text, warnings): (String, Vec<String>)| (Cow::Owned(text), warnings);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadProblem::Empty);
    }
    // UTF-32 first: its little-endian BOM begins with UTF-16's.
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
        return Ok(owned(decode_utf32(rest, u32::from_le_bytes, "UTF-32LE")));
    }
    if let Some(rest) = bytes.strip_prefix(&[0, 0, 0xFE, 0xFF]) {
        return Ok(owned(decode_utf32(rest, u32::from_be_bytes, "UTF-32BE")));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(owned(decode_utf16(rest, u16::from_le_bytes, "UTF-16LE")));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(owned(decode_utf16(rest, u16::from_be_bytes, "UTF-16BE")));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(LoadProblem::Binary(kind));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), Vec::new())),
        Err(e) => match control_bytes(bytes) {
            Some(what) => Err(LoadProblem::Binary(what)),
            None => Ok(owned(decode_mixed(bytes, e.valid_up_to()))),
        },
    }
}

/// Text that is mostly UTF-8 with stray bytes (Latin-1, Windows-1252, a file cut in the middle
/// of a character): every valid UTF-8 run is kept, and each byte that is not UTF-8 is read as
/// Windows-1252, so one bad byte does not turn the rest of the file into mojibake.
fn decode_mixed(bytes: &[u8], first_bad: usize) -> (String, Vec<String>) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut bad = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        bad += chunk.invalid().len();
        text.extend(chunk.invalid().iter().map(|&b| windows_1252(b)));
    }
    let warning = format!(
        "not valid UTF-8: {bad} byte(s), the first at offset {first_bad}, read as \
         Windows-1252; offsets refer to the decoded text"
    );
    (text, vec![warning])
}

/// Decodes UTF-16 after its BOM; unpaired surrogates become U+FFFD.
fn decode_utf16(rest: &[u8], word: fn([u8; 2]) -> u16, name: &str) -> (String, Vec<String>) {
    let units = rest.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    encoded_text(text, name, rest.len() % 2)
}

/// Decodes UTF-32 after its BOM; values that are not characters become U+FFFD.
fn decode_utf32(rest: &[u8], word: fn([u8; 4]) -> u32, name: &str) -> (String, Vec<String>) {
    let text: String = rest
        .chunks_exact(4)
        .map(|c| {
            char::from_u32(word([c[0], c[1], c[2], c[3]])).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect();
    encoded_text(text, name, rest.len() % 4)
}

/// Decoded text with the warnings every BOM-marked encoding carries.
fn encoded_text(text: String, name: &str, trailing: usize) -> (String, Vec<String>) {
    let mut warnings = vec![format!(
        "decoded from {name}; offsets refer to the decoded UTF-8 text"
    )];
    if trailing > 0 {
        warnings.push(format!(
            "{trailing} trailing byte(s) of a cut character dropped"
        ));
    }
    (text, warnings)
}

/// How much of a file's start is looked at to tell binary data from text.
const SNIFF_BYTES: usize = 8192;

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
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if memchr::memchr(0, head).is_some() {
        return Some("contains NUL bytes".into());
    }
    None
}

/// Names bytes that are not UTF-8 as binary when they hold many control bytes. Text in
/// another encoding has a stray control character at most (an escape sequence, a DOS
/// end-of-file mark); random or compressed bytes have one in ten. (UTF-8 text full of
/// escape sequences is still text, shown with its controls made visible.)
fn control_bytes(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    (controls >= 3 && controls * 20 > head.len()).then(|| {
        format!(
            "not UTF-8, with {controls} control bytes in the first {}",
            head.len()
        )
    })
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

/// Where a `+++` front matter block at the top (after an optional BOM) lies: its TOML and
/// where the text after it begins; `Ok(None)` without one. It works on bytes so that search
/// can leave the block out of a file it has not decoded (the `+++` lines are ASCII, so the
/// offsets fall between characters of any text decoded from them).
pub fn front_matter_block(bytes: &[u8]) -> Result<Option<FrontMatterBlock>, LoadProblem> {
    let start = if bytes.starts_with("\u{FEFF}".as_bytes()) {
        3
    } else {
        0
    };
    let rest = &bytes[start..];
    let Some(after_open) = rest
        .strip_prefix(b"+++\r\n")
        .or_else(|| rest.strip_prefix(b"+++\n"))
    else {
        return Ok(None);
    };
    let toml_start = start + rest.len() - after_open.len();
    let mut offset = toml_start;
    for line in after_open.split_inclusive(|&b| b == b'\n') {
        let end = line
            .iter()
            .rposition(|&b| b != b'\r' && b != b'\n')
            .map_or(0, |last| last + 1);
        if &line[..end] == b"+++" {
            return Ok(Some(FrontMatterBlock {
                toml: toml_start..offset,
                body_start: offset + line.len(),
            }));
        }
        offset += line.len();
    }
    Err(LoadProblem::FrontMatterUnclosed)
}

/// A front matter block's place in a briefing's bytes, see [`front_matter_block`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterBlock {
    /// The TOML between the `+++` lines.
    pub toml: std::ops::Range<usize>,
    /// Where the text after the closing `+++` line begins.
    pub body_start: usize,
}

/// A front matter `date`: a string as written, or a TOML date (`date = 2014-10-18`, as TOML
/// writes one) or date-time, of which the day is kept (a time alone is kept as written, for
/// the warning about it to show).
fn date_value<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged, expecting = "a date such as 2014-10-18")]
    enum DateValue {
        Text(String),
        Toml(toml::value::Datetime),
    }
    Ok(Some(match DateValue::deserialize(d)? {
        DateValue::Text(text) => text,
        DateValue::Toml(at) => at
            .date
            .map_or_else(|| at.to_string(), |day| day.to_string()),
    }))
}

/// A warning for a front matter `date` that gives no day as `YYYY-MM-DD` (a month alone,
/// `2016-09`, included): the briefing still loads, dated by its file as if it had no date
/// (the JSON promises a day), and the reader says why.
fn date_warning(meta: &FrontMatter) -> Option<String> {
    let date = meta.date.as_deref()?;
    day_in(date).is_none().then(|| {
        format!(
            "front matter: date {date:?} is no day as YYYY-MM-DD, so the briefing is dated by \
             its file name or time"
        )
    })
}

/// The first `YYYY-MM-DD` in a string (front matter dates may carry a time after it, file
/// names other words around it) that is a day of the calendar, as a search's `date:` takes
/// it (2014-02-30 is none). What dates a briefing, and what its date warning checks.
pub fn day_in(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(j, c)| match j {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        // Only an all-ASCII window may be sliced: anything else is not a date anyway.
        (shape && is_date_prefix(w)).then(|| &s[i..i + 10])
    })
}

/// True when `s` begins a real `YYYY-MM-DD` date (`2016`, `2016-0`, `2016-09-2`,
/// `2016-02-29` do; `2016-13`, `2016-02-41`, `2014-02-30` and `2016-02-3` do not), so a
/// mistyped date is explained, not silently matched against nothing.
pub fn is_date_prefix(s: &[u8]) -> bool {
    is_date_shape(s) && day_in_month(s)
}

/// The digits and dashes of a `YYYY-MM-DD` prefix, each in its range.
fn is_date_shape(s: &[u8]) -> bool {
    let digit = |k: usize, allowed: std::ops::RangeInclusive<u8>| {
        s.get(k)
            .is_none_or(|b| b.is_ascii_digit() && allowed.contains(&(b - b'0')))
    };
    let dash = |k: usize| s.get(k).is_none_or(|&b| b == b'-');
    let (month_tens, day_tens) = (
        s.get(5).map(|b| b.wrapping_sub(b'0')),
        s.get(8).map(|b| b.wrapping_sub(b'0')),
    );
    (0..4).all(|k| digit(k, 0..=9))
        && dash(4)
        && digit(5, 0..=1)
        && digit(6, if month_tens == Some(1) { 0..=2 } else { 0..=9 })
        && !(month_tens == Some(0) && s.get(6) == Some(&b'0'))
        && dash(7)
        && digit(8, 0..=3)
        && digit(9, if day_tens == Some(3) { 0..=1 } else { 0..=9 })
        && !(day_tens == Some(0) && s.get(9) == Some(&b'0'))
}

/// For a prefix of the right shape: the day written so far (both digits, or the tens
/// digit that every day it can still become starts with) exists in its month and year.
fn day_in_month(s: &[u8]) -> bool {
    let number = |r: std::ops::Range<usize>| {
        s.get(r)
            .map(|d| d.iter().fold(0u32, |n, &b| n * 10 + u32::from(b - b'0')))
    };
    let (Some(year), Some(month), Some(tens)) = (number(0..4), number(5..7), number(8..9)) else {
        return true;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    // The smallest day a lone tens digit can become (`3` is 30; `0` is 01).
    let day = number(8..10).unwrap_or((tens * 10).max(1));
    day <= last
}

/// Parses `+++` front matter at the top (after an optional BOM); returns it and where the
/// body begins.
fn front_matter(text: &str) -> Result<(FrontMatter, usize), LoadProblem> {
    let Some(block) = front_matter_block(text.as_bytes())? else {
        let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        return Ok((FrontMatter::default(), bom));
    };
    let toml_text = &text[block.toml];
    let meta: FrontMatter = toml::from_str(toml_text)
        .map_err(|e| LoadProblem::FrontMatter(toml_error_message(&e, toml_text)))?;
    Ok((meta, block.body_start))
}

/// A TOML error as one line with the file's line number (front matter starts on line 2).
fn toml_error_message(e: &toml::de::Error, toml_text: &str) -> String {
    let msg = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            // Bytes, not a str slice: the span need not fall on a character boundary.
            let before = &toml_text.as_bytes()[..span.start.min(toml_text.len())];
            let line = memchr::memchr_iter(b'\n', before).count() + 2;
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
/// A file named beside a folder that holds it (`sitrep extract notes ./notes/a.txt`) or named
/// twice in two spellings is read once, as the library's walk does.
pub fn collect_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = std::collections::HashSet::new();
    let mut named_files = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut errors, &mut seen_dirs),
            Ok(_) => named_files.push(p),
            Err(e) => errors.push(LoadError {
                path: p.clone(),
                problem: LoadProblem::Io(e.to_string()),
            }),
        }
    }
    let mut named = std::collections::HashSet::new();
    for file in named_files {
        let canonical = std::fs::canonicalize(file);
        if canonical.is_ok_and(|c| walk_lists(&c, &seen_dirs) || !named.insert(c)) {
            continue;
        }
        files.push(file.clone());
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// True when a walk of the (canonical) `walked` folders lists the file at canonical path
/// `file`: then a file named besides the folder holding it, as in `sitrep list briefings
/// briefings/a.txt`, is read once, as the walk found it.
pub(crate) fn walk_lists(file: &Path, walked: &std::collections::HashSet<PathBuf>) -> bool {
    let name = file.file_name().map(|n| n.as_encoded_bytes());
    file.parent().is_some_and(|dir| walked.contains(dir))
        && name.is_some_and(|n| !n.starts_with(b".") && is_briefing_name(n))
}

/// True for the file names the reader treats as briefings.
pub fn is_briefing_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| is_briefing_name(n.as_encoded_bytes()))
}

/// True for a file name (no folder) the reader treats as a briefing: not hidden, ending in
/// `.txt`, `.md` or `.markdown` in any case, and not one of sitrep's own reports
/// (`*.sitrep.md`, what `e` writes): a report exported into the folder being read would
/// otherwise come back as a briefing, its quotes and claims counted twice. Works on bytes,
/// as a walk of 100,000 files has them.
pub fn is_briefing_name(name: &[u8]) -> bool {
    let Some(dot) = memchr::memrchr(b'.', name) else {
        return false;
    };
    let extension = &name[dot + 1..];
    let suffix = REPORT_SUFFIX.as_bytes();
    let report = name.len() >= suffix.len()
        && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    !name.starts_with(b".")
        && !report
        && [&b"txt"[..], b"md", b"markdown"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(extension))
}

/// How sitrep's exported reports end (see [`crate::library::report::write_markdown`]).
pub const REPORT_SUFFIX: &str = ".sitrep.md";

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
    // In name order, so a folder reachable twice (through a symlink) is always listed under
    // the same path, whatever order the file system returns.
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
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
    fn a_lead_paragraph_without_a_headline_stays_in_the_body() {
        let lead = "The ministry said on Monday that its aircraft had struck targets near \
                    the city overnight, in what officials described as a response to attacks \
                    on its positions, and that nobody was harmed in the strikes.";
        for text in [
            format!("{lead}\n\nSecond paragraph.\n"),
            // Wrapped over two lines: its first line is no headline either.
            format!("{}\n{}\n\nSecond paragraph.\n", &lead[..89], &lead[90..]),
        ] {
            let b = parse("a.txt", &text);
            assert!(b.title.starts_with("The ministry said") && b.title.ends_with('…'));
            assert_eq!(b.paragraphs.len(), 2, "{text}");
            assert!(b.paragraphs[0].of(&b.text).ends_with("strikes."));
            assert!(b.warnings[0].contains("no headline"), "{:?}", b.warnings);
        }
        // A long headline that ends in a question is still one.
        let b = parse("a.txt", "Is this the end of the truce?\n\nBody.\n");
        assert_eq!(b.title, "Is this the end of the truce?");
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

    /// `date = 2014-10-18` is a TOML date, as normal TOML writes one: the briefing loads with
    /// it (a date-time keeps its day); a date string that gives no day (a month alone
    /// included) loads with a warning.
    #[test]
    fn front_matter_dates_native_or_written_and_what_is_no_date() {
        let dated = |value: &str| {
            let text = format!("+++\ntitle = \"T\"\ndate = {value}\n+++\nBody.\n");
            let b = Briefing::from_bytes(Path::new("d.md"), text.as_bytes())
                .unwrap_or_else(|e| panic!("{value}: {e}"));
            (b.meta.date, b.warnings)
        };
        for (value, date) in [
            ("2014-10-18", "2014-10-18"),
            ("2014-10-18T07:30:00Z", "2014-10-18"),
            ("2014-10-18 07:30:00", "2014-10-18"),
            ("\"2014-10-18\"", "2014-10-18"),
        ] {
            assert_eq!(dated(value), (Some(date.to_string()), vec![]), "{value}");
        }
        let no_day = [
            "\"yesterday\"",
            "\"2014-13-45\"",
            "07:30:00",
            "\"2014-10\"",
            "\"2014\"",
        ];
        for value in no_day {
            let (_, warnings) = dated(value);
            assert_eq!(warnings.len(), 1, "{value}: {warnings:?}");
            assert!(warnings[0].contains("YYYY-MM-DD"), "{value}: {warnings:?}");
        }
    }

    /// A hand annotation that cannot be placed (its text is not in the body, nor written
    /// without escapes in the front matter, or it is empty) is named in a warning instead of
    /// being lost without a word; one written plainly is kept at its string in the front
    /// matter, with no warning.
    #[test]
    fn a_hand_annotation_that_cannot_be_placed_is_named_in_a_warning() {
        let b = parse(
            "e.md",
            "+++\ntitle = \"T\"\n[[claim]]\ntext = \"Something \\\"not\\\" in the body\"\n\
             [[quote]]\ntext = \"hi there\"\n[[denial]]\ntext = \"  \"\n\
             [[claim]]\ntext = \"An analyst's note\"\n+++\n\
             The general said \"hi there all\" today.\n",
        );
        assert_eq!(b.warnings.len(), 2, "{:?}", b.warnings);
        assert!(
            b.warnings[0].contains("[[claim]]")
                && b.warnings[0].contains(r#""Something \"not\" in the body""#),
            "{:?}",
            b.warnings
        );
        assert!(b.warnings[1].contains("[[denial]]"), "{:?}", b.warnings);
        let note = b.locate_annotation(&b.meta.claim[1].text).expect("kept");
        assert_eq!(note.of(&b.text), "An analyst's note");
        assert!(b.in_front_matter(note));
        let quote = b
            .locate_annotation(&b.meta.quote[0].text)
            .expect("in the body");
        assert!(!b.in_front_matter(quote));
    }

    /// A Markdown heading that is not the front matter title is another headline for the
    /// article (as short paragraphs after a headline are), not text to drop.
    #[test]
    fn a_heading_other_than_the_title_is_an_alternate_headline() {
        let b = parse(
            "fm2.md",
            "+++\ntitle = \"FM title\"\n+++\n# A different heading\n\nShort alt line\n\n\
             The general said \"heading test\" today.\n",
        );
        assert_eq!(b.title, "FM title");
        assert_eq!(
            b.headline_texts(),
            ["A different heading", "Short alt line"]
        );
        assert_eq!(b.paragraphs.len(), 1);
        let same = parse(
            "same.md",
            "+++\ntitle = \"FM title\"\n+++\n# FM title\n\nThe general said it.\n",
        );
        assert!(same.title_span.is_some() && same.headlines.is_empty());
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
        // Random bytes without a NUL are no Windows-1252 briefing; text with an escape
        // sequence or two still is.
        let mut seed = 7u32;
        let random: Vec<u8> = (0..100)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((seed >> 16) as u8).max(1)
            })
            .collect();
        let problem = Briefing::from_bytes(Path::new("x.txt"), &random).unwrap_err();
        assert!(problem.to_string().contains("control bytes"), "{problem}");
        let escaped = b"Talks fail\n\nThe \x1b[1mminister\x1b[0m said on Monday that the \
                        talks in the capit\xe0l had failed.\n\x1a";
        assert!(Briefing::from_bytes(Path::new("x.txt"), escaped).is_ok());
    }
}
