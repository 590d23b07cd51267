//! The archive subcommands: `sitrep search` and `sitrep party`, answered from the library
//! (and its cache) rather than by loading every briefing whole.

use super::{ListFormat, note};
use crate::extract::{Gazetteer, Kind};
use crate::library::cached::CachedHit;
use crate::library::doc::{DateSource, Doc, DocStatement};
use crate::library::fold::fold_char;
use crate::library::search::Query;
use crate::library::{CachedLibrary, Library, Options};
use crate::sanitize::visible;
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Characters of context shown around a hit in text output.
const CONTEXT: usize = 70;

/// Search results laid out into one string at a time by one thread: few enough that the
/// rows of 5,000 hits still spread over every core.
const ROWS_AT_ONCE: usize = 64;

/// A search result in the JSON contract.
#[derive(Debug, Serialize)]
struct SearchHit<'a> {
    #[serde(serialize_with = "crate::export::lossy_path")]
    path: &'a Path,
    title: &'a str,
    date: &'a str,
    date_source: DateSource,
    lines: Vec<String>,
}

/// 1 when some briefing could not be read (what `sitrep list` and `extract` document), else 0.
pub(super) fn exit_for(library: &Library) -> ExitCode {
    if any_failed(library) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// How many unreadable briefings are named one by one on stderr before the rest are only
/// counted.
const NAMED_FAILURES: usize = 3;

/// Mentions unreadable briefings on stderr: the first few with their path and reason (a
/// folder that does not exist is usually the one), then how many more `sitrep list` names;
/// and a cache that could not be written.
fn note_failures<'a>(
    failed: impl ExactSizeIterator<Item = (&'a Path, Option<&'a str>)>,
    cache_error: Option<&str>,
) {
    let count = failed.len();
    for (path, why) in failed.take(NAMED_FAILURES) {
        note(format_args!(
            "{}: {}",
            visible(&path.display().to_string(), false),
            visible(why.unwrap_or_default(), false)
        ));
    }
    if count > NAMED_FAILURES {
        let more = count - NAMED_FAILURES;
        note(format_args!(
            "and {more} more briefing(s) could not be read; `sitrep list` names them"
        ));
    }
    if let Some(e) = cache_error {
        note(format_args!("cache not written: {e}"));
    }
}

/// [`note_failures`] for an opened library.
fn note_library_failures(library: &Library) {
    let failed: Vec<&Doc> = library.docs().filter(|d| d.error.is_some()).collect();
    note_failures(
        failed
            .iter()
            .map(|d| (d.path.as_path(), d.error.as_deref())),
        library.cache_error(),
    );
}

/// `line` cut to about `2 * CONTEXT` characters around the first of `needles`.
///
/// Every result of `sitrep search` goes through here, and its line is usually a whole
/// paragraph: an ASCII line (fold is then lower case, and characters are bytes) is searched
/// and cut as it stands; any other is cut by character offsets without making a `char` of
/// each character.
fn excerpt(line: &str, needles: &[&str]) -> String {
    let ascii = line.is_ascii();
    let chars = if ascii {
        line.len()
    } else {
        line.chars().count()
    };
    if chars <= 2 * CONTEXT {
        return line.to_string();
    }
    let hit = if ascii {
        let lower = line.to_ascii_lowercase();
        needles
            .iter()
            .filter_map(|n| memchr::memmem::find(lower.as_bytes(), n.as_bytes()))
            .min()
    } else {
        let mut folded = String::new();
        let mut char_at = Vec::new();
        for (i, c) in line.chars().enumerate() {
            let before = folded.len();
            fold_char(c, &mut folded);
            char_at.extend(std::iter::repeat_n(i, folded.len() - before));
        }
        needles
            .iter()
            .filter_map(|n| folded.find(n))
            .min()
            .map(|at| char_at[at])
    };
    let start = hit.unwrap_or(0).saturating_sub(CONTEXT / 2);
    let end = (start + 2 * CONTEXT).min(chars);
    let byte_at = |char: usize| {
        if ascii {
            return char;
        }
        line.char_indices()
            .nth(char)
            .map_or(line.len(), |(at, _)| at)
    };
    let (from, to) = (byte_at(start), byte_at(end));
    let mut out = String::with_capacity(to - from + 6);
    if start > 0 {
        out.push('…');
    }
    out.push_str(&line[from..to]);
    if end < chars {
        out.push('…');
    }
    out
}

/// Library options for the command line: the user's cache and the configured parties.
pub(super) fn options(gazetteer: &Gazetteer) -> Options {
    Options {
        gazetteer: Arc::new(gazetteer.clone()),
        ..Options::default()
    }
}

/// How often the reader's library looks for new, changed and removed files: twice a
/// second, so a new briefing is listed within a second of being written.
const READER_WATCH: std::time::Duration = std::time::Duration::from_millis(500);

/// Library options for the reader: the command line's, watching the folders more often.
pub(super) fn reader_options(gazetteer: &Gazetteer) -> Options {
    Options {
        watch_interval: READER_WATCH,
        ..options(gazetteer)
    }
}

/// What `sitrep search` prints.
pub(super) enum SearchOutput {
    /// Path, title and matching lines, as text or JSON.
    Hits(ListFormat),
    /// Only the paths.
    Files,
}

/// `sitrep search QUERY [PATH…]`. A text query on a current cache is answered from the
/// cache file as it lies ([`CachedLibrary`]); anything else opens the library, which also
/// brings the cache up to date.
pub(super) fn search(
    query: &str,
    paths: &[PathBuf],
    gazetteer: &Gazetteer,
    output: SearchOutput,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let options = options(gazetteer);
    let query = Query::parse(query, gazetteer)?;
    for unknown in query.unknown_fields() {
        note(format_args!("{unknown}"));
    }
    // A text query tries the cache as it lies; a scan that found it out of date is
    // handed on to the library rather than made again.
    let mut scanned = None;
    let cached = match query.is_text_only().then(|| {
        // Text output shows each hit's first matching line: read while the scan runs.
        let shows_lines = matches!(output, SearchOutput::Hits(ListFormat::Text));
        CachedLibrary::open_reading(paths, &options, shows_lines.then_some(&query))
    }) {
        Some(Ok(cached)) => Some(cached),
        Some(Err(found)) => {
            scanned = found;
            None
        }
        None => None,
    };
    if let Some(from_cache) = cached.as_ref()
        && let Some(found) = from_cache.search(&query)
    {
        let query = &query;
        let hits = found.iter().map(|hit| match hit {
            CachedHit::Listed(id, l) => Hit {
                path: l.path(),
                title: l.title,
                date: l.date,
                date_source: l.date_source,
                lines: Box::new(move |limit| match from_cache.early_lines(*id) {
                    Some(first) if limit == 1 => first.to_vec(),
                    _ => from_cache.matching_lines(*id, l, query, limit),
                }),
            },
            CachedHit::Read(id) => library_hit(from_cache.read_since(), *id, query),
        });
        print_hits(hits, output, query, out)?;
        out.flush()?;
        from_cache.keep_listings();
        let failures = from_cache.failures();
        let failed = !failures.is_empty();
        note_failures(failures.into_iter(), None);
        let status = found_status(!found.is_empty(), failed);
        // As below: the process ends here, the allocator need not take back 100,000 paths.
        std::mem::forget(found);
        std::mem::forget(cached);
        return Ok(status);
    }
    let opened = Library::open_blocking_scanned(paths, &options, scanned);
    opened.check_parties(&query)?;
    let ids = opened.search(&query);
    let (library, query) = (&opened, &query);
    let hits = ids.iter().map(|&id| library_hit(library, id, query));
    print_hits(hits, output, query, out)?;
    note_library_failures(library);
    // The process ends here: handing 100,000 entries back to the allocator one by one
    // would only delay the exit.
    let status = found_status(!ids.is_empty(), any_failed(&opened));
    std::mem::forget(opened);
    Ok(status)
}

/// True when some briefing or path of the library could not be read.
fn any_failed(library: &Library) -> bool {
    library.docs().any(|d| d.error.is_some())
}

/// A search result from a library.
fn library_hit<'a>(library: &'a Library, id: u32, query: &'a Query) -> Hit<'a> {
    let doc = library.doc(id);
    Hit {
        path: &doc.path,
        title: &doc.title,
        date: &doc.date,
        date_source: doc.date_source,
        lines: Box::new(move |limit| library.matching_lines(id, query, limit)),
    }
}

/// Like grep: 2 when a path or briefing could not be read (after printing what was found
/// elsewhere), else 0 when a search found something, 1 when it found nothing.
fn found_status(found: bool, failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(2)
    } else if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// One search result as printed, from the library or the cache; its lines (up to a limit)
/// are found only when the output shows them.
struct Hit<'a> {
    path: &'a Path,
    title: &'a str,
    date: &'a str,
    date_source: DateSource,
    lines: Box<dyn Fn(usize) -> Vec<String> + Sync + 'a>,
}

/// Prints search results: paths only, a line each with the first matching line, or JSON.
/// The matching lines of all results are found in parallel (each is a file to read).
fn print_hits<'a>(
    hits: impl Iterator<Item = Hit<'a>>,
    output: SearchOutput,
    query: &Query,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let needles = query.needles();
    let hits: Vec<Hit> = hits.collect();
    match output {
        SearchOutput::Files => {
            for hit in hits {
                writeln!(out, "{}", visible(&hit.path.display().to_string(), false))?;
            }
        }
        SearchOutput::Hits(ListFormat::Text) => {
            // Each hit's row is read and laid out on every core, a run of rows into one
            // string; only the writing is in order.
            let rows: Vec<String> = hits
                .par_chunks(ROWS_AT_ONCE)
                .map(|chunk| {
                    let mut rows = String::new();
                    for hit in chunk {
                        let line = (hit.lines)(1)
                            .into_iter()
                            .next()
                            .map_or_else(String::new, |l| excerpt(&l, &needles));
                        for (field, end) in [
                            (hit.path.to_string_lossy(), '\t'),
                            (hit.title.into(), '\t'),
                            (line.into(), '\n'),
                        ] {
                            rows.push_str(&visible(&field, false));
                            rows.push(end);
                        }
                    }
                    rows
                })
                .collect();
            for rows in rows {
                out.write_all(rows.as_bytes())?;
            }
        }
        SearchOutput::Hits(ListFormat::Json) => {
            let hits: Vec<SearchHit> = hits
                .par_iter()
                .map(|hit| SearchHit {
                    path: hit.path,
                    title: hit.title,
                    date: hit.date,
                    date_source: hit.date_source,
                    lines: (hit.lines)(usize::MAX),
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?;
        }
    }
    Ok(())
}

/// `sitrep party NAME [PATH…]`.
pub(super) fn party(
    name: &str,
    paths: &[PathBuf],
    gazetteer: &Gazetteer,
    format: ListFormat,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let library = Library::open_blocking(paths, &options(gazetteer));
    let (party, entries) = library.dossier(name);
    match format {
        ListFormat::Text => {
            let said = |doc: &Doc, s: &DocStatement, text: &str| {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let said = match doc.actor(s) {
                    Some(a) => format!("{a}: {text}"),
                    None => text,
                };
                visible(&said, false).into_owned()
            };
            for e in &entries {
                let kind = match e.statement.kind {
                    Kind::Claim => "claim",
                    Kind::Denial => "denial",
                };
                writeln!(
                    out,
                    "{}\t{kind}\t{}\t{}\t{}\t{}",
                    e.doc.date_label(),
                    visible(&e.doc.path.display().to_string(), false),
                    visible(&e.doc.title, false),
                    said(e.doc, e.statement, &e.text),
                    e.counter
                        .as_ref()
                        .map_or_else(String::new, |(c, t)| format!(
                            "answers {}",
                            said(e.doc, c, t)
                        ))
                )?;
            }
            // With a path unread, the error says why nothing was found.
            if entries.is_empty() && !any_failed(&library) {
                let party = visible(&party, false);
                if library.gazetteer().canonical(name).is_some() {
                    note(format_args!("no claims or denials by {party}"));
                } else {
                    note(format_args!(
                        "{party} is not a known party (names and aliases come from the built-in list and config.toml's [[parties]])"
                    ));
                }
            }
        }
        ListFormat::Json => {
            let json: Vec<_> = entries.iter().map(|e| e.to_json()).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
    }
    note_library_failures(&library);
    Ok(found_status(!entries.is_empty(), any_failed(&library)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_centres_on_the_hit() {
        let line = format!("{} Ryabkov denied it {}", "x".repeat(200), "y".repeat(200));
        let cut = excerpt(&line, &["ryabkov"]);
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("Ryabkov denied it"), "{cut}");
        assert_eq!(excerpt("short line", &["x"]), "short line");
        // The same cut whether the line is searched as it stands (ASCII) or folded.
        let accented = line.replace("Ryabkov", "Ryábkov");
        let cut_accented = excerpt(&accented, &["ryabkov"]);
        assert_eq!(cut_accented.replace("Ryábkov", "Ryabkov"), cut);
        let upper = format!("{} DENIED {}", "é".repeat(300), "z".repeat(10));
        assert!(excerpt(&upper, &["denied"]).contains("DENIED"));
    }
}
