//! The party dossier: every claim and denial a party made across the archive, newest first,
//! each with its briefing, date, and the statement on the other side it answers.

use super::Library;
use super::doc::{Doc, DocStatement};
use super::fold::fold;
use crate::extract::Kind;
use serde::Serialize;
use std::path::Path;

/// One claim or denial of the party.
#[derive(Debug, Clone, Copy)]
pub struct DossierEntry<'a> {
    /// Briefing id (to open it in the reader).
    pub id: u32,
    /// The briefing.
    pub doc: &'a Doc,
    /// The statement.
    pub statement: &'a DocStatement,
    /// The statement it contradicts: for a denial, the claim it answers.
    pub counter: Option<&'a DocStatement>,
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

fn statement_json(s: &DocStatement) -> StatementJson<'_> {
    StatementJson {
        kind: s.kind,
        actor: s.actor.as_deref(),
        party: s.party.as_deref(),
        text: &s.text,
        start: s.start,
    }
}

impl<'a> DossierEntry<'a> {
    /// This entry in the JSON contract.
    pub fn to_json(&self) -> DossierJson<'a> {
        DossierJson {
            path: &self.doc.path,
            title: &self.doc.title,
            date: &self.doc.date,
            statement: statement_json(self.statement),
            counter: self.counter.map(statement_json),
        }
    }
}

impl Library {
    /// Every claim and denial made for `party` (any name or alias), newest briefing first,
    /// in article order within a briefing. The party's name as the gazetteer spells it is
    /// returned with the entries.
    pub fn dossier(&self, party: &str) -> (String, Vec<DossierEntry<'_>>) {
        let name = self
            .gazetteer()
            .canonical(party)
            .map_or_else(|| party.trim().to_string(), str::to_string);
        let wanted = fold(&name);
        let mut entries: Vec<DossierEntry<'_>> = self
            .order()
            .iter()
            .flat_map(|&id| {
                let doc = self.doc(id);
                doc.statements
                    .iter()
                    .filter(|s| s.party.as_deref().is_some_and(|p| fold(p) == wanted))
                    .map(move |s| DossierEntry {
                        id,
                        doc,
                        statement: s,
                        counter: s.counter.and_then(|c| doc.statements.get(c)),
                    })
            })
            .collect();
        // Stable: equal dates keep list (path) order and article order.
        entries.sort_by(|a, b| b.doc.date.cmp(&a.doc.date));
        (name, entries)
    }
}
