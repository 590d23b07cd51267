//! Turning extraction results into what scripts and reports consume: JSON (a stable
//! contract, see the README) and Markdown an analyst can paste into a report.

use crate::briefing::{Briefing, LoadError};
use crate::extract::{Extraction, Kind, PartyCount};
use crate::sanitize::visible;
use crate::table::{self, Placed, Row};
use serde::Serialize;

/// One briefing as `sitrep extract --format json` prints it. Field names are a contract.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The file, as given or found.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Alternate headlines.
    pub headlines: Vec<String>,
    /// Why the file could not be read; `null` when it was.
    pub error: Option<String>,
    /// Non-fatal oddities (lossy decoding and the like).
    pub warnings: Vec<String>,
    /// Front matter date, when given.
    pub date: Option<String>,
    /// Front matter source, when given.
    pub source: Option<String>,
    /// Front matter tags.
    pub tags: Vec<String>,
    /// Direct quotations.
    pub quotes: Vec<QuoteOut>,
    /// Claims and denials.
    pub statements: Vec<StatementOut>,
    /// Parties with mention counts.
    pub parties: Vec<PartyCount>,
}

/// A quote in the JSON contract: `text` is exactly `file[start..end]`.
#[derive(Debug, Serialize)]
pub struct QuoteOut {
    /// The quoted words without quote marks.
    pub text: String,
    /// Byte offset of the first quoted byte.
    pub start: usize,
    /// Byte offset one past the last quoted byte.
    pub end: usize,
    /// Body paragraph index.
    pub paragraph: usize,
    /// Who said it, or null.
    pub speaker: Option<String>,
    /// The speaker's party, or null.
    pub party: Option<String>,
    /// The attributing verb, or null.
    pub cue: Option<String>,
}

/// A statement in the JSON contract.
#[derive(Debug, Serialize)]
pub struct StatementOut {
    /// `claim` or `denial`.
    pub kind: Kind,
    /// Who makes it, or null.
    pub actor: Option<String>,
    /// Its party, or null.
    pub party: Option<String>,
    /// The verb that makes it a statement, or null.
    pub cue: Option<String>,
    /// The sentence(s), exactly `file[start..end]`.
    pub text: String,
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// Body paragraph index.
    pub paragraph: usize,
    /// Index of the statement this one contradicts, or null.
    pub counter: Option<usize>,
}

impl Report {
    /// The report for a briefing that loaded.
    pub fn new(b: &Briefing, x: &Extraction) -> Report {
        Report {
            path: b.path.display().to_string(),
            title: b.title.clone(),
            headlines: b.headline_texts(),
            error: None,
            warnings: b.warnings.clone(),
            date: b.meta.date.clone(),
            source: b.meta.source.clone(),
            tags: b.meta.tags.clone(),
            quotes: x
                .quotes
                .iter()
                .map(|q| QuoteOut {
                    text: q.span.of(&b.text).to_string(),
                    start: q.span.start,
                    end: q.span.end,
                    paragraph: q.paragraph,
                    speaker: q.speaker.clone(),
                    party: q.party.clone(),
                    cue: q.cue.clone(),
                })
                .collect(),
            statements: x
                .statements
                .iter()
                .map(|s| StatementOut {
                    kind: s.kind,
                    actor: s.actor.clone(),
                    party: s.party.clone(),
                    cue: s.cue.clone(),
                    text: s.span.of(&b.text).to_string(),
                    start: s.span.start,
                    end: s.span.end,
                    paragraph: s.paragraph,
                    counter: s.counter,
                })
                .collect(),
            parties: x.parties.clone(),
        }
    }

    /// The report for a file that could not be read: everything empty but the error.
    pub fn failed(e: &LoadError) -> Report {
        Report {
            path: e.path.display().to_string(),
            title: String::new(),
            headlines: Vec::new(),
            error: Some(e.problem.to_string()),
            warnings: Vec::new(),
            date: None,
            source: None,
            tags: Vec::new(),
            quotes: Vec::new(),
            statements: Vec::new(),
            parties: Vec::new(),
        }
    }
}

/// Writes a path into JSON as text, bytes that are not UTF-8 (a Linux file name may hold
/// any) as U+FFFD, as the text output shows them: serde refuses such a path outright, which
/// failed the whole output and lost every other entry. For `#[serde(serialize_with)]`.
pub fn lossy_path<P: AsRef<std::path::Path>, S: serde::Serializer>(
    path: &P,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path.as_ref().to_string_lossy())
}

/// Reports as pretty JSON: always an array, one object per briefing.
pub fn to_json(reports: &[Report]) -> String {
    serde_json::to_string_pretty(reports).expect("reports are plain data")
}

/// One claim or denial of a party's dossier as [`dossier_to_markdown`] lists it.
#[derive(Debug, Clone)]
pub struct DossierItem<'a> {
    /// The briefing's date as the reader shows it (`2016-09-22`, `… (file date)`).
    pub date: String,
    /// Claim or denial.
    pub kind: Kind,
    /// Who made it, when known.
    pub actor: Option<&'a str>,
    /// The sentence that makes it.
    pub text: &'a str,
    /// The statement on the other side it answers: who made it and its sentence.
    pub answers: Option<(Option<&'a str>, &'a str)>,
    /// The briefing's headline.
    pub title: &'a str,
    /// The briefing's file.
    pub path: String,
}

/// A party's dossier as Markdown an analyst can attach to a report: every claim and denial
/// it made, newest first, one table row each with the statement it answers and the
/// briefing (headline and file) to cite, as the reader's dossier lists them.
pub fn dossier_to_markdown(party: &str, items: &[DossierItem]) -> String {
    let mut out = format!("# Dossier: {}\n\n", line(party));
    out.push_str(&format!(
        "{} claims and denials, newest first.\n\n",
        items.len()
    ));
    if items.is_empty() {
        return out;
    }
    out.push_str("| Date | Kind | Who | Statement | Answers | Briefing |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for item in items {
        let kind = match item.kind {
            Kind::Claim => "claim",
            Kind::Denial => "denial",
        };
        let answers = item
            .answers
            .map_or_else(String::new, |(who, said)| match who {
                Some(who) => format!("{}: {}", cell(who), cell(said)),
                None => cell(said),
            });
        out.push_str(&format!(
            "| {} | {kind} | {} | {} | {answers} | {} ({}) |\n",
            cell(&item.date),
            item.actor.map_or_else(String::new, cell),
            cell(item.text),
            cell(item.title),
            code(&item.path),
        ));
    }
    out
}

/// Text for a Markdown table cell: control characters made visible, line breaks folded,
/// and Markdown's marks escaped (see [`escape`]).
fn cell(s: &str) -> String {
    escape(&visible(s, false).replace("^J", " ").replace("^M", ""))
}

/// Text for a Markdown line outside tables, its marks escaped (see [`escape`]).
fn line(s: &str) -> String {
    escape(&plain_line(s))
}

/// Text on one line with control characters made visible, not yet escaped.
fn plain_line(s: &str) -> String {
    visible(&s.split_whitespace().collect::<Vec<_>>().join(" "), false).into_owned()
}

/// Text as Markdown shows it as written: news prints asterisks, underscores, backticks and
/// angle brackets ("a *** b", "@user_name", "<b>") that Markdown would take for emphasis,
/// code or HTML, and a pipe would end a table cell. (Square brackets make no link without
/// a target after them, and "[sic]" reads better unescaped.)
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '<' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text as a Markdown code span: backslashes are literal there, and a backtick inside
/// needs a longer fence.
fn code(s: &str) -> String {
    let s = plain_line(s);
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

/// One report as Markdown: headline, metadata, quotes by speaker, and the claims-vs-denials
/// table laid out by [`table::layout`] like the reader's claims pane: each party's rows
/// together, a denial beside the claim it answers.
pub fn to_markdown(r: &Report) -> String {
    let mut out = String::new();
    if let Some(err) = &r.error {
        out.push_str(&format!(
            "## {} — not read\n\n{}\n\n",
            line(&r.path),
            line(err)
        ));
        return out;
    }
    out.push_str(&format!("# {}\n\n", line(&r.title)));
    for h in &r.headlines {
        out.push_str(&format!("*also:* {}\n\n", line(h)));
    }
    let mut meta = vec![code(&r.path)];
    meta.extend(r.date.iter().map(|d| line(d)));
    meta.extend(r.source.iter().map(|s| line(s)));
    if !r.tags.is_empty() {
        meta.push(format!("tags: {}", line(&r.tags.join(", "))));
    }
    out.push_str(&meta.join(" · "));
    out.push_str("\n\n");
    for w in &r.warnings {
        out.push_str(&format!("> warning: {}\n\n", line(w)));
    }
    if !r.parties.is_empty() {
        let names: Vec<String> = r
            .parties
            .iter()
            .map(|p| format!("{} ({})", line(&p.name), p.mentions))
            .collect();
        out.push_str(&format!("**Parties:** {}\n\n", names.join(", ")));
    }
    out.push_str(&format!("## Quotes ({})\n\n", r.quotes.len()));
    if r.quotes.is_empty() {
        out.push_str("No direct quotations.\n\n");
    } else {
        out.push_str("| Speaker | Party | Quote |\n|---|---|---|\n");
        for q in &r.quotes {
            out.push_str(&format!(
                "| {} | {} | “{}” |\n",
                q.speaker.as_deref().map_or("*unattributed*".into(), cell),
                q.party.as_deref().map_or(String::new(), cell),
                cell(&q.text)
            ));
        }
        out.push('\n');
    }
    out.push_str("## Claims and denials\n\n");
    if r.statements.is_empty() {
        out.push_str("No attributed statements.\n");
        return out;
    }
    out.push_str("| Party | Claims | Denials |\n|---|---|---|\n");
    let placed: Vec<Placed> = r
        .statements
        .iter()
        .map(|s| Placed::new(s.kind, s.party.as_deref(), s.counter))
        .collect();
    let mut party = None;
    for row in table::layout(&placed, |_| true) {
        match row {
            Row::Section { party: p, .. } => party = p,
            Row::Pair { claim, denial } => {
                let cell_of = |i: usize| statement_cell(&r.statements[i], party.as_deref());
                out.push_str(&format!(
                    "| {} | {} | {} |\n",
                    cell(party.as_deref().unwrap_or("(no party)")),
                    claim.map_or(String::new(), cell_of),
                    denial.map_or(String::new(), cell_of),
                ));
            }
        }
    }
    out
}

/// A statement in the table: its actor in bold, and its party after the actor when that is
/// not the row's (a denial beside the claim it answers is usually the other side's) nor the
/// actor itself (`**Boko Haram**:`, not `**Boko Haram** (Boko Haram):`).
fn statement_cell(s: &StatementOut, row_party: Option<&str>) -> String {
    let other_party = s
        .party
        .as_deref()
        .filter(|&p| Some(p) != row_party && Some(p) != s.actor.as_deref())
        .map_or(String::new(), |p| format!(" ({})", cell(p)));
    match &s.actor {
        Some(a) => format!("**{}**{other_party}: {}", cell(a), cell(&s.text)),
        None if other_party.is_empty() => cell(&s.text),
        None => format!("{}: {}", other_party.trim_start(), cell(&s.text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(kind: Kind, party: &str, text: &str, counter: Option<usize>) -> StatementOut {
        StatementOut {
            kind,
            actor: None,
            party: Some(party.into()),
            cue: None,
            text: text.into(),
            start: 0,
            end: 0,
            paragraph: 0,
            counter,
        }
    }

    #[test]
    fn markdown_claims_follow_the_readers_table() {
        let mut r = Report::failed(&LoadError {
            path: "t.txt".into(),
            problem: crate::briefing::LoadProblem::Empty,
        });
        r.error = None;
        r.statements = vec![
            statement(Kind::Claim, "United States", "Russia bombed it.", None),
            statement(Kind::Claim, "Russia", "Nobody was hurt.", None),
            statement(Kind::Denial, "Russia", "Russia denied bombing it.", Some(0)),
        ];
        let md = to_markdown(&r);
        let table: Vec<&str> = md
            .lines()
            .skip_while(|l| !l.starts_with("| Party"))
            .collect();
        assert_eq!(
            table[2..],
            [
                "| United States | Russia bombed it. | (Russia): Russia denied bombing it. |",
                "| Russia | Nobody was hurt. |  |",
            ]
        );
    }

    #[test]
    fn markdown_shows_marks_as_written() {
        let text = "Headline <b>[sic]</b> with *stars*\n\n\"Use `rm` or a|b, **now**,\" said \
                    user_name.\n";
        let b =
            Briefing::from_text(std::path::Path::new("odd`name.txt"), text.into(), vec![]).unwrap();
        let x = crate::extract::extract(&b, crate::extract::Gazetteer::builtin());
        let md = to_markdown(&Report::new(&b, &x));
        assert!(
            md.starts_with("# Headline \\<b>[sic]\\</b> with \\*stars\\*\n"),
            "{md}"
        );
        assert!(md.contains("`` odd`name.txt ``"), "{md}");
        assert!(
            md.contains("Use \\`rm\\` or a\\|b, \\*\\*now\\*\\*,"),
            "{md}"
        );
    }
}
