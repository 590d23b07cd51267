//! What the library keeps about each briefing between runs: enough for the list, the
//! search fields and the party dossier, without holding the article text in memory.

use super::fold::fold;
use super::index::WordBatch;
use super::texts::TextAt;
use crate::briefing::{Briefing, Span, day_in};
use crate::extract::{Gazetteer, Kind, extract};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// A file's identity for the cache: when either changes, the briefing is read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch.
    pub mtime_ns: i64,
}

/// A briefing file's text, when the file still has `stamp` (so offsets and lines found
/// earlier still hold); `None` once it changed or vanished.
pub fn text_if_unchanged(path: &Path, stamp: Option<Stamp>) -> Option<String> {
    with_text_if_unchanged(path, stamp, str::to_string)
}

/// The largest read buffer a thread keeps between files.
const KEPT_BUFFER: usize = 1 << 20;

/// What `f` makes of a briefing file's text, when the file still has `stamp`; `None` once
/// it changed or vanished.
///
/// `sitrep search` calls this for every hit (4,000 files for a common word), so it makes
/// four system calls a file: open, one `fstat` of what is open (the check: one lookup, and
/// no window in which the file could be replaced between the check and the read), one
/// read and close. `read_to_end` looked at the file again for its size (`statx` and
/// `lseek`) and read once more to see the end. The read asks for one byte more than the
/// stamp's size: a regular file gives fewer bytes than asked only at its end, so getting
/// exactly the size is the end, and more means the file grew since it was looked at.
/// The bytes go into a buffer each thread keeps, and UTF-8 text is handed to `f` where it
/// lies: two fresh allocations of a file's size for each hit spread a short search over
/// many pages of fresh memory, which the kernel zeroes first.
pub fn with_text_if_unchanged<R>(
    path: &Path,
    stamp: Option<Stamp>,
    f: impl FnOnce(&str) -> R,
) -> Option<R> {
    use std::io::Read;
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let stamp = stamp?;
    let mut file = std::fs::File::open(path).ok()?;
    if Stamp::of(&file.metadata().ok()?) != stamp {
        return None;
    }
    let size = usize::try_from(stamp.size).ok()?;
    BUFFER.with_borrow_mut(|bytes| {
        bytes.clear();
        bytes.resize(size + 1, 0);
        let mut filled = 0;
        while filled < size {
            match file.read(&mut bytes[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        if filled != size {
            return None;
        }
        let done = crate::briefing::decode_in_place(&bytes[..size])
            .ok()
            .map(|(text, _)| f(&text));
        // A briefing of many megabytes does not keep its buffer for the thread's life.
        if bytes.capacity() > KEPT_BUFFER {
            *bytes = Vec::new();
        }
        done
    })
}

impl Stamp {
    /// The stamp of file metadata.
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        let mtime_ns = meta
            .modified()
            .map_or(0, |t| match t.duration_since(UNIX_EPOCH) {
                Ok(d) => d.as_nanos() as i64,
                Err(e) => -(e.duration().as_nanos() as i64),
            });
        Stamp {
            size: meta.len(),
            mtime_ns,
        }
    }
}

/// Where a briefing's date comes from, so the reader can say how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The `date` of the front matter.
    FrontMatter,
    /// A `YYYY-MM-DD` in the file name, as archives often name files.
    FileName,
    /// The day the file was last written, the day it arrived in the archive.
    Modified,
}

/// A claim or denial as the library keeps it: who, which party, and where its sentence
/// stands. The sentence itself stays in the file (read when a dossier shows it), which
/// keeps 100,000 briefings' worth of statements small in memory and in the cache.
///
/// Offsets and the counter are kept in four bytes each (a briefing is at most
/// [`MAX_FILE_BYTES`](crate::briefing::MAX_FILE_BYTES) long): 28 bytes a statement instead
/// of 48, 20 MB less for the million statements of 100,000 briefings. postcard writes a
/// `u32` as it writes a `usize`, so the cache holds the same bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocStatement {
    /// Claim or denial.
    pub kind: Kind,
    /// Who makes it: an index into [`Doc::speakers`] (see [`Doc::actor`]).
    pub actor: Option<u16>,
    /// The party it is made for: an index into [`Doc::parties`] (see [`Doc::party`]).
    pub party: Option<u16>,
    /// See [`DocStatement::span`]; the same fields as a [`Span`].
    span: Offsets,
    /// See [`DocStatement::counter`].
    counter: Option<u32>,
}

/// A [`Span`] in four-byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Offsets {
    start: u32,
    end: u32,
}

/// An offset or index into a briefing's text or its statements, which are shorter than
/// [`MAX_FILE_BYTES`](crate::briefing::MAX_FILE_BYTES) (and its decoding) allows, far below
/// `u32::MAX`.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).expect("a briefing is far shorter than 4 GiB")
}

impl From<Span> for Offsets {
    fn from(span: Span) -> Offsets {
        Offsets {
            start: narrow(span.start),
            end: narrow(span.end),
        }
    }
}

impl DocStatement {
    /// The sentence's byte span in the briefing's text, where the reader opens it.
    pub fn span(&self) -> Span {
        Span::new(self.span.start as usize, self.span.end as usize)
    }

    /// Index of the statement it contradicts, within the same briefing.
    pub fn counter(&self) -> Option<usize> {
        self.counter.map(|c| c as usize)
    }
}

/// One briefing of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    /// The file.
    pub path: PathBuf,
    /// Size and modification time when it was read; `None` when it could not be stat'ed
    /// (or, in a list not yet read, has not been).
    pub stamp: Option<Stamp>,
    /// Headline; the file name until the briefing has been read.
    pub title: String,
    /// `YYYY-MM-DD`, see [`DateSource`] for where it comes from.
    pub date: String,
    /// Where `date` comes from.
    pub date_source: DateSource,
    /// Front matter tags.
    pub tags: Vec<String>,
    /// Why the file could not be read, when it could not.
    pub error: Option<String>,
    /// True when it was read with warnings (an odd encoding, no body), which the list marks.
    pub warned: bool,
    /// False while the briefing is listed but not yet read and extracted.
    pub extracted: bool,
    /// Parties mentioned, most mentioned first.
    pub parties: Vec<String>,
    /// Everyone quoted or making a statement.
    pub speakers: Vec<String>,
    /// Number of direct quotations.
    pub quotes: usize,
    /// Claims and denials in article order.
    pub statements: Vec<DocStatement>,
    /// Where its text lies in the cache's [store of texts](super::texts), when it was read
    /// while one was written (kept in the cache beside the entry, not in its list).
    #[serde(skip)]
    pub text_at: Option<TextAt>,
}

impl Doc {
    /// The date as a reader should see it: a date known only from the file's modification
    /// time (the day it reached the archive, not the day it was written) says so.
    pub fn date_label(&self) -> String {
        match self.date_source {
            DateSource::Modified => format!("{} (file date)", self.date),
            DateSource::FrontMatter | DateSource::FileName => self.date.clone(),
        }
    }

    /// True when the date comes from the briefing itself (front matter or file name).
    pub fn has_own_date(&self) -> bool {
        self.date_source != DateSource::Modified
    }

    /// The date the briefing gives itself, if any: what the list, the dossier and a copied
    /// source show. A date guessed from the file's modification time is left out there:
    /// it says when the file was copied, not when the news happened.
    pub fn own_date(&self) -> Option<&str> {
        (self.has_own_date() && !self.date.is_empty()).then_some(self.date.as_str())
    }

    /// The key that orders briefings newest first (under `Reverse`): those that carry their
    /// own date before those dated only by their file, each by date.
    pub fn recency(&self) -> (bool, &str) {
        (self.has_own_date(), &self.date)
    }

    /// A briefing known only by its path: listed at once, read later.
    pub fn unread(path: PathBuf, stamp: Option<Stamp>) -> Doc {
        let title = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let (date, date_source) = date_without_front_matter(&path, stamp);
        Doc::listed(path, stamp, title, (date, date_source))
    }

    /// A briefing known by what the list shows of it (the cache's list entry), with its
    /// extraction still to come.
    pub fn listed(
        path: PathBuf,
        stamp: Option<Stamp>,
        title: String,
        (date, date_source): (String, DateSource),
    ) -> Doc {
        Doc {
            path,
            stamp,
            title,
            date,
            date_source,
            tags: Vec::new(),
            error: None,
            warned: false,
            extracted: false,
            parties: Vec::new(),
            speakers: Vec::new(),
            quotes: 0,
            statements: Vec::new(),
            text_at: None,
        }
    }

    /// What [`scan`](super::catalog::scan) reports for this file while it is unchanged.
    pub fn found_as(&self) -> Result<Stamp, String> {
        self.stamp
            .ok_or_else(|| self.error.clone().unwrap_or_default())
    }

    /// The briefing's text as the extraction saw it, when the file is still the one that
    /// was read (same size and time); `None` once it changed or vanished.
    pub fn current_text(&self) -> Option<String> {
        text_if_unchanged(&self.path, self.stamp)
    }

    /// Number of statements of a kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.statements.iter().filter(|s| s.kind == kind).count()
    }

    /// Reads, extracts and indexes one file; a failure is kept as the entry's error.
    pub fn read(path: &Path, gazetteer: &Gazetteer, words: &mut WordBatch) -> Doc {
        let (doc, folded, _) = Doc::read_unindexed(path, gazetteer);
        words.add(folded.as_deref());
        doc
    }

    /// Reads and extracts one file, handing back its folded text for the word index (`None`
    /// when it could not be read), so a batch of briefings can be indexed in one go, and
    /// its text (for the cache's [store of texts](super::texts), when one is written).
    pub fn read_unindexed(
        path: &Path,
        gazetteer: &Gazetteer,
    ) -> (Doc, Option<String>, Option<String>) {
        let (meta, loaded) = Briefing::load_with_metadata(path);
        let mut doc = Doc::unread(path.to_path_buf(), meta.as_ref().map(Stamp::of));
        doc.extracted = true;
        let b = match loaded {
            Ok(b) => b,
            Err(e) => {
                doc.error = Some(e.problem.to_string());
                return (doc, None, None);
            }
        };
        let folded = fold(&super::search::searchable_text(&b.text, &b.title));
        let x = extract(&b, gazetteer);
        if let Some(d) = b.meta.date.as_deref().and_then(day_in) {
            doc.date = d.to_string();
            doc.date_source = DateSource::FrontMatter;
        }
        doc.title = b.title;
        doc.warned = !b.warnings.is_empty();
        doc.tags = b.meta.tags;
        doc.parties = x.parties.into_iter().map(|p| p.name).collect();
        doc.quotes = x.quotes.len();
        let mut speakers: Vec<String> = x
            .quotes
            .iter()
            .filter_map(|q| q.speaker.clone())
            .chain(x.statements.iter().filter_map(|s| s.actor.clone()))
            .collect();
        speakers.sort();
        speakers.dedup();
        doc.speakers = speakers;
        let mut statements = Vec::with_capacity(x.statements.len());
        for s in x.statements {
            let party = s.party.map(|p| {
                let at = doc.parties.iter().position(|q| *q == p).unwrap_or_else(|| {
                    doc.parties.push(p);
                    doc.parties.len() - 1
                });
                at as u16
            });
            let actor = s
                .actor
                .and_then(|a| doc.speakers.binary_search(&a).ok())
                .map(|i| i as u16);
            statements.push(DocStatement {
                kind: s.kind,
                actor,
                party,
                span: s.span.into(),
                counter: s.counter.map(narrow),
            });
        }
        doc.statements = statements;
        // The doc is kept for as long as the library is open, 100,000 of them at once: the
        // parties' list still has the room of the extraction's larger party records it was
        // collected in place of, and the speakers' the room of every name before the
        // duplicates went (together some 30 MB on 100,000 briefings).
        doc.parties.shrink_to_fit();
        doc.speakers.shrink_to_fit();
        (doc, Some(folded), Some(b.text))
    }

    /// Who makes a statement of this briefing.
    pub fn actor(&self, s: &DocStatement) -> Option<&str> {
        s.actor
            .and_then(|i| self.speakers.get(usize::from(i)))
            .map(String::as_str)
    }

    /// The party a statement of this briefing is made for.
    pub fn party(&self, s: &DocStatement) -> Option<&str> {
        s.party
            .and_then(|i| self.parties.get(usize::from(i)))
            .map(String::as_str)
    }
}

/// The date of a briefing without front matter: a date in its file name, else the day it was
/// last modified (empty while that is not known).
fn date_without_front_matter(path: &Path, stamp: Option<Stamp>) -> (String, DateSource) {
    let name = path.file_name().map(|n| n.to_string_lossy());
    match name.as_deref().and_then(day_in) {
        Some(d) => (d.to_string(), DateSource::FileName),
        None => (
            stamp.map_or_else(String::new, |s| civil_date(s.mtime_ns)),
            DateSource::Modified,
        ),
    }
}

/// `YYYY-MM-DD` (UTC) of a Unix time in nanoseconds (Howard Hinnant's days-to-civil).
fn civil_date(ns: i64) -> String {
    let days = ns.div_euclid(86_400_000_000_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compact statement is written to the cache exactly as the `Span` and `usize`
    /// counter it replaced were, so caches keep their bytes.
    #[test]
    fn text_is_given_only_while_the_file_has_its_stamp() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let path = tmp.path().join("a.txt");
        std::fs::write(&path, "Headline\n\nRussia denied it.\n").expect("write");
        let stamp = Stamp::of(&std::fs::metadata(&path).expect("metadata"));
        assert_eq!(
            text_if_unchanged(&path, Some(stamp)).as_deref(),
            Some("Headline\n\nRussia denied it.\n")
        );
        assert_eq!(text_if_unchanged(&path, None), None);
        // Rewritten in place with the same size: only the time tells.
        std::fs::write(&path, "Headline\n\nRussia denied XX.\n").expect("rewrite");
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        let file = std::fs::File::options()
            .write(true)
            .open(&path)
            .expect("open");
        file.set_modified(later).expect("set time");
        assert_eq!(text_if_unchanged(&path, Some(stamp)), None);
        // A file that is longer or shorter than its stamp says is not read as it was.
        let now = Stamp::of(&std::fs::metadata(&path).expect("metadata"));
        let shorter = Stamp {
            size: now.size - 1,
            ..now
        };
        let longer = Stamp {
            size: now.size + 1,
            ..now
        };
        assert_eq!(text_if_unchanged(&path, Some(shorter)), None);
        assert_eq!(text_if_unchanged(&path, Some(longer)), None);
        assert!(text_if_unchanged(&path, Some(now)).is_some());
    }

    #[test]
    fn a_statement_is_cached_as_with_a_span_and_a_usize_counter() {
        #[derive(Serialize)]
        struct Wide {
            kind: Kind,
            actor: Option<u16>,
            party: Option<u16>,
            span: Span,
            counter: Option<usize>,
        }
        let span = Span::new(70_000, 4_000_000);
        let compact = DocStatement {
            kind: Kind::Denial,
            actor: Some(3),
            party: None,
            span: span.into(),
            counter: Some(narrow(300)),
        };
        let wide = Wide {
            kind: Kind::Denial,
            actor: Some(3),
            party: None,
            span,
            counter: Some(300),
        };
        let bytes = postcard::to_allocvec(&compact).unwrap();
        assert_eq!(bytes, postcard::to_allocvec(&wide).unwrap());
        let back: DocStatement = postcard::from_bytes(&bytes).unwrap();
        assert_eq!((back.span(), back.counter()), (span, Some(300)));
    }

    #[test]
    fn dates_from_names_front_matter_and_mtime() {
        assert_eq!(day_in("2016-09-21T10:00Z"), Some("2016-09-21"));
        assert_eq!(day_in("brief-2016-13-01.txt"), None);
        // A day the calendar does not have is no date, as `date:` in a search says.
        assert_eq!(day_in("2014-02-30 raid.txt"), None);
        assert_eq!(day_in("2016-02-29 raid.txt"), Some("2016-02-29"));
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(1_474_416_000 * 1_000_000_000), "2016-09-21");
        let stamp = Some(Stamp {
            size: 1,
            mtime_ns: 0,
        });
        assert_eq!(
            date_without_front_matter(Path::new("a/2015-03-02 raid.txt"), stamp),
            ("2015-03-02".to_string(), DateSource::FileName)
        );
        assert_eq!(
            date_without_front_matter(Path::new("a/raid.txt"), stamp).1,
            DateSource::Modified
        );
    }
}

#[cfg(test)]
mod date_tests {
    use crate::briefing::day_in;

    #[test]
    fn dates_are_found_and_other_text_never_panics() {
        assert_eq!(day_in("2016-09-21_report.txt"), Some("2016-09-21"));
        assert_eq!(day_in("name\u{9b}31m0;x\u{202e}.txt"), None);
        assert_eq!(day_in("ab\u{9b}cdefghijkl"), None);
        assert_eq!(day_in("2016-13-01"), None);
    }
}
