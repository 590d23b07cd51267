//! The archive subcommands: `sitrep search` and `sitrep party`, answered from the library
//! (and its cache) rather than by loading every briefing whole.

use super::{ListFormat, note};
use crate::extract::{Gazetteer, Kind};
use crate::library::doc::{Doc, DocStatement};
use crate::library::fold::fold_char;
use crate::library::search::Query;
use crate::library::{Library, Options};
use crate::sanitize::visible;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Characters of context shown around a hit in text output.
const CONTEXT: usize = 70;

/// A search result in the JSON contract.
#[derive(Debug, Serialize)]
struct SearchHit<'a> {
    path: &'a Path,
    title: &'a str,
    date: &'a str,
    lines: Vec<String>,
}

/// 1 (like grep) when a query finds nothing or some briefing could not be read, else 0.
pub(super) fn exit_for(library: &Library) -> ExitCode {
    if library.docs().any(|d| d.error.is_some()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// How many unreadable briefings are named one by one on stderr before the rest are only
/// counted.
const NAMED_FAILURES: usize = 3;

/// Mentions unreadable briefings on stderr: the first few with their path and reason (a
/// folder that does not exist is usually the one), then how many more `sitrep list` names.
fn note_failures(library: &Library) {
    let failed: Vec<_> = library.docs().filter(|d| d.error.is_some()).collect();
    for d in failed.iter().take(NAMED_FAILURES) {
        let path = d.path.display().to_string();
        let why = d.error.as_deref().unwrap_or_default();
        note(format_args!(
            "{}: {}",
            visible(&path, false),
            visible(why, false)
        ));
    }
    if failed.len() > NAMED_FAILURES {
        let more = failed.len() - NAMED_FAILURES;
        note(format_args!(
            "and {more} more briefing(s) could not be read; `sitrep list` names them"
        ));
    }
    if let Some(e) = library.cache_error() {
        note(format_args!("cache not written: {e}"));
    }
}

/// `line` cut to about `2 * CONTEXT` characters around the first of `needles`.
fn excerpt(line: &str, needles: &[&str]) -> String {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= 2 * CONTEXT {
        return line.to_string();
    }
    let mut folded = String::new();
    let mut char_at = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let before = folded.len();
        fold_char(c, &mut folded);
        char_at.extend(std::iter::repeat_n(i, folded.len() - before));
    }
    let hit = needles
        .iter()
        .filter_map(|n| folded.find(n))
        .min()
        .map_or(0, |at| char_at[at]);
    let start = hit.saturating_sub(CONTEXT / 2);
    let end = (start + 2 * CONTEXT).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
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

/// `sitrep search QUERY [PATH…]`.
pub(super) fn search(
    query: &str,
    paths: &[PathBuf],
    gazetteer: &Gazetteer,
    output: SearchOutput,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let options = options(gazetteer);
    let query = Query::parse(query, gazetteer)?;
    let library = Library::open_blocking(paths, &options);
    let ids = library.search(&query);
    let needles = query.needles();
    match output {
        SearchOutput::Files => {
            for &id in &ids {
                let path = library.doc(id).path.display().to_string();
                writeln!(out, "{}", visible(&path, false))?;
            }
        }
        SearchOutput::Hits(ListFormat::Text) => {
            for &id in &ids {
                let doc = library.doc(id);
                let line = library
                    .matching_lines(id, &query)
                    .into_iter()
                    .next()
                    .map_or_else(String::new, |l| excerpt(&l, &needles));
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    visible(&doc.path.display().to_string(), false),
                    visible(&doc.title, false),
                    visible(&line, false)
                )?;
            }
        }
        SearchOutput::Hits(ListFormat::Json) => {
            let hits: Vec<SearchHit> = ids
                .iter()
                .map(|&id| {
                    let doc = library.doc(id);
                    SearchHit {
                        path: &doc.path,
                        title: &doc.title,
                        date: &doc.date,
                        lines: library.matching_lines(id, &query),
                    }
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?;
        }
    }
    note_failures(&library);
    // The process ends here: handing 100,000 entries back to the allocator one by one
    // would only delay the exit.
    let found = !ids.is_empty();
    std::mem::forget(library);
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
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
            if entries.is_empty() {
                note(format_args!("no claims or denials by {party}"));
            }
        }
        ListFormat::Json => {
            let json: Vec<_> = entries.iter().map(|e| e.to_json()).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
    }
    note_failures(&library);
    Ok(if entries.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
    }
}
