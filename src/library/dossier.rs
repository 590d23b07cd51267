//! The party dossier: every claim and denial a party made across the archive, newest first,
//! each with its briefing, date, and the statement on the other side it answers.

use super::Library;
use super::doc::{DateSource, Doc, DocStatement};
use super::fold::same_party;
use crate::briefing::Span;
use crate::extract::Kind;
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;

/// One claim or denial of the party, with the sentences read from the file.
#[derive(Debug, Clone)]
pub struct DossierEntry<'a> {
    /// Briefing id (to open it in the reader).
    pub id: u32,
    /// The briefing.
    pub doc: &'a Doc,
    /// The statement.
    pub statement: &'a DocStatement,
    /// Its sentence.
    pub text: String,
    /// The statement it contradicts (for a denial, the claim it answers) and its sentence.
    pub counter: Option<(&'a DocStatement, String)>,
}

/// A statement as `sitrep party --format json` prints it.
#[derive(Debug, Serialize)]
pub struct StatementJson<'a> {
    /// `claim` or `denial`.
    pub kind: Kind,
    /// Who made it.
    pub actor: Option<&'a str>,
    /// Its party.
    pub party: Option<&'a str>,
    /// The sentence.
    pub text: &'a str,
    /// Byte offset of the sentence in the file.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// A dossier entry as `sitrep party --format json` prints it (a stable contract).
#[derive(Debug, Serialize)]
pub struct DossierJson<'a> {
    /// The briefing file.
    #[serde(serialize_with = "crate::export::lossy_path")]
    pub path: &'a Path,
    /// Its headline.
    pub title: &'a str,
    /// Its date, `YYYY-MM-DD`.
    pub date: &'a str,
    /// Where the date comes from: `front_matter`, `file_name`, or `modified` (only the
    /// file's modification time, which is when it reached the archive, not the news).
    pub date_source: DateSource,
    /// The party's statement.
    #[serde(flatten)]
    pub statement: StatementJson<'a>,
    /// The statement it answers, or null.
    pub counter: Option<StatementJson<'a>>,
}

fn statement_json<'a>(doc: &'a Doc, s: &'a DocStatement, text: &'a str) -> StatementJson<'a> {
    StatementJson {
        kind: s.kind,
        actor: doc.actor(s),
        party: doc.party(s),
        text,
        start: s.span().start,
        end: s.span().end,
    }
}

impl DossierEntry<'_> {
    /// This entry in the JSON contract.
    pub fn to_json(&self) -> DossierJson<'_> {
        DossierJson {
            path: &self.doc.path,
            title: &self.doc.title,
            date: &self.doc.date,
            date_source: self.doc.date_source,
            statement: statement_json(self.doc, self.statement, &self.text),
            counter: self
                .counter
                .as_ref()
                .map(|(c, t)| statement_json(self.doc, c, t)),
        }
    }
}

/// A sentence of `text` at `span`, when the span still fits the text.
fn sentence(text: &str, span: Span) -> Option<String> {
    text.get(span.start..span.end).map(str::to_string)
}

/// A claim or denial of a dossier without its sentence: which briefing, which statement.
/// Cheap to list for a whole archive; the reader reads sentences only for the rows it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DossierRef {
    /// Briefing id.
    pub id: u32,
    /// Index into the briefing's [`Doc::statements`].
    pub statement: usize,
}

impl Library {
    /// Every claim and denial made for `party` (any name or alias), newest briefing first,
    /// in article order within a briefing (so one briefing's statements stay together),
    /// with the party's name as the gazetteer spells it. No file is read.
    pub fn dossier_refs(&self, party: &str) -> (String, Vec<DossierRef>) {
        let name = self
            .gazetteer()
            .canonical(party)
            .map_or_else(|| party.trim().to_string(), str::to_string);
        let mut refs: Vec<DossierRef> = self
            .order()
            .iter()
            .flat_map(|&id| {
                let doc = self.doc(id);
                let name = &name;
                doc.statements
                    .iter()
                    .enumerate()
                    .filter(move |(_, s)| doc.party(s).is_some_and(|p| same_party(p, name)))
                    .map(move |(statement, _)| DossierRef { id, statement })
            })
            .collect();
        // Briefings that carry their own date first, newest first; then those dated only by
        // their file (when they reached the archive), newest first. Stable: equal dates keep
        // list (path) order and article order.
        refs.sort_by_key(|r| std::cmp::Reverse(self.doc(r.id).recency()));
        (name, refs)
    }

    /// A dossier entry with its sentences cut from `text`, the briefing's current text;
    /// `None` when the span no longer fits (the file changed since it was indexed).
    pub fn dossier_entry(&self, r: DossierRef, text: &str) -> Option<DossierEntry<'_>> {
        let doc = self.doc(r.id);
        let statement = doc.statements.get(r.statement)?;
        let counter = statement.counter().and_then(|c| {
            let other = doc.statements.get(c)?;
            Some((other, sentence(text, other.span())?))
        });
        Some(DossierEntry {
            id: r.id,
            doc,
            statement,
            text: sentence(text, statement.span())?,
            counter,
        })
    }

    /// [`Library::dossier_refs`] with every sentence read from the files (on all cores, one
    /// read per briefing); a briefing changed since it was indexed is left out until the
    /// watcher has read it again.
    pub fn dossier(&self, party: &str) -> (String, Vec<DossierEntry<'_>>) {
        let (name, refs) = self.dossier_refs(party);
        let entries = refs
            .par_chunk_by(|a, b| a.id == b.id)
            .flat_map_iter(|same_briefing| {
                let text = self.doc(same_briefing[0].id).current_text();
                same_briefing
                    .iter()
                    .filter_map(|&r| self.dossier_entry(r, text.as_deref()?))
                    .collect::<Vec<_>>()
            })
            .collect();
        (name, entries)
    }
}
