//! The party dossier: every claim and denial a party made across the archive, newest first,
//! each with its briefing, date, and the statement on the other side it answers.

use super::Library;
use super::doc::{Doc, DocStatement};
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
    pub path: &'a Path,
    /// Its headline.
    pub title: &'a str,
    /// Its date, `YYYY-MM-DD`.
    pub date: &'a str,
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
        start: s.span.start,
        end: s.span.end,
    }
}

impl DossierEntry<'_> {
    /// This entry in the JSON contract.
    pub fn to_json(&self) -> DossierJson<'_> {
        DossierJson {
            path: &self.doc.path,
            title: &self.doc.title,
            date: &self.doc.date,
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

impl Library {
    /// Every claim and denial made for `party` (any name or alias), newest briefing first,
    /// in article order within a briefing, with the party's name as the gazetteer spells
    /// it. Sentences are read from the files on all cores; a briefing changed since it was
    /// indexed is left out until the watcher has read it again.
    pub fn dossier(&self, party: &str) -> (String, Vec<DossierEntry<'_>>) {
        let name = self
            .gazetteer()
            .canonical(party)
            .map_or_else(|| party.trim().to_string(), str::to_string);
        let of_party =
            |doc: &Doc, s: &DocStatement| doc.party(s).is_some_and(|p| same_party(p, &name));
        let ids: Vec<u32> = self
            .order()
            .iter()
            .copied()
            .filter(|&id| {
                let doc = self.doc(id);
                doc.statements.iter().any(|s| of_party(doc, s))
            })
            .collect();
        let mut entries: Vec<DossierEntry<'_>> = ids
            .par_iter()
            .flat_map_iter(|&id| {
                let doc = self.doc(id);
                let text = doc.current_text().unwrap_or_default();
                doc.statements
                    .iter()
                    .filter(|s| of_party(doc, s))
                    .filter_map(|s| {
                        let counter = s.counter.and_then(|c| {
                            let other = doc.statements.get(c)?;
                            Some((other, sentence(&text, other.span)?))
                        });
                        Some(DossierEntry {
                            id,
                            doc,
                            statement: s,
                            text: sentence(&text, s.span)?,
                            counter,
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        // Stable: equal dates keep list (path) order and article order.
        entries.sort_by(|a, b| b.doc.date.cmp(&a.doc.date));
        (name, entries)
    }
}
