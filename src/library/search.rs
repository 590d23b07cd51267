//! The search language, the same in the reader's `/` and in `sitrep search`:
//!
//! - `word` — briefings containing it (inside any word, like `grep -il`), case and
//!   diacritics ignored; several words must all occur;
//! - `"exact phrase"` — the words in this order (line breaks and spacing ignored); while
//!   the closing quote is not typed yet, its words narrow the results as plain words;
//! - `-word`, `-"phrase"`, `-party:x` — leave out what matches;
//! - `party:russia` (any name or alias of the party), `speaker:dunford`,
//!   `kind:claim|denial`, `tag:syria`, `date:2016-09..2016-10` (inclusive, any precision;
//!   `date:2016`, `date:2016-09..`, `date:..2015` too).
//!
//! With `kind:` the other fields apply to the statement itself: `party:russia kind:denial`
//! is a briefing where Russia denies something, not one that mentions Russia and has some
//! denial. Unknown `field:` prefixes are searched as text, so `10:30` still finds a time
//! (one that reads as a field mistyped, `partty:`, is also named: [`Query::unknown_fields`]);
//! words joined by single marks (`u.s.`, `10:30`, `al-qaeda`) are one term the index holds.

use super::catalog::Catalog;
use super::doc::{Doc, DocStatement};
use super::fold::{
    APOSTROPHES, fold, fold_into, folded_contains, is_joined_words, is_word_char, same_party,
};
use super::index::BitSet;
use super::{Library, NOT_READ};
use crate::briefing::is_date_prefix;
use crate::extract::{Gazetteer, Kind};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

/// A query that could not be understood, with what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// `kind:` takes claim or denial.
    #[error("kind:{0} — use kind:claim or kind:denial")]
    Kind(String),
    /// `date:` takes dates like 2016, 2016-09 or 2016-09-21, or a range a..b.
    #[error("date:{0} — use a date like 2016-09-21, 2016-09 or 2016, or a range 2016-09..2016-10")]
    Date(String),
    /// A party that neither the gazetteer nor any briefing knows, which would match nothing.
    #[error(
        "party:{0} — not a known party (names and aliases come from the built-in list, \
         config.toml's [[parties]] and the briefings' front matter)"
    )]
    Party(String),
    /// A date range whose end comes before its start, which would match nothing.
    #[error("date:{0} runs backwards — write the earlier date first, as in date:2016-09..2016-10")]
    Backwards(String),
    /// A field with nothing after the colon, and an example of that field with a value.
    #[error("{field}: needs a value, as in {example}")]
    Empty {
        /// The field, as typed.
        field: &'static str,
        /// The field with a value of its own sort (`date:2016-09..2016-10`).
        example: &'static str,
    },
}

/// The fields a term may name, each with an example the "needs a value" error offers.
const FIELDS: [(&str, &str); 5] = [
    ("party", "party:russia"),
    ("speaker", "speaker:dunford"),
    ("kind", "kind:denial"),
    ("tag", "tag:syria"),
    ("date", "date:2016-09..2016-10"),
];

/// What one term asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum What {
    /// A folded run of word characters, matched inside words.
    Word(String),
    /// Folded text with single spaces, matched in the folded text of the file; `pieces`
    /// are its words, which narrow the candidates through the index first.
    Phrase { text: String, pieces: Vec<String> },
    /// A party name as the gazetteer spells it (or as typed, for an unknown party).
    Party(String),
    /// Part of a speaker's name, folded.
    Speaker(String),
    /// A kind of statement.
    Kind(Kind),
    /// A tag, folded.
    Tag(String),
    /// An inclusive date range; each bound a prefix of `YYYY-MM-DD` (empty: open).
    Date(String, String),
}

/// One term of a query, maybe negated.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    negated: bool,
    what: What,
}

/// A term that looks like a mistyped field (`partty:russia`): it is searched as text, as
/// any unknown `word:` is, but a typo would otherwise match nothing and say nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    /// The letters before the colon, as typed.
    field: String,
    /// The whole term, as typed.
    term: String,
}

impl std::fmt::Display for UnknownField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown field \"{}:\" in \"{}\" — fields are ",
            self.field, self.term
        )?;
        for (i, (name, _)) in FIELDS.iter().enumerate() {
            write!(f, "{}{name}:", if i == 0 { "" } else { ", " })?;
        }
        Ok(())
    }
}

/// Whether `prefix` (what stands before a term's colon, not a field) reads as a field
/// mistyped: letters only, so times (`10:30`) and links (`http://`) never do, and within
/// one edit of a field of four letters or fewer, two of a longer one (`partty`, `spekaer`,
/// `Kind`). One edit for the short fields keeps prose words out: `note` is two from `date`.
fn looks_like_a_field(prefix: &str) -> bool {
    !prefix.is_empty()
        && prefix.bytes().all(|b| b.is_ascii_alphabetic())
        && FIELDS.iter().any(|(name, _)| {
            // (Optimal string alignment: a swap of two neighbours, "tga", is one edit.)
            let edits = strsim::osa_distance(&prefix.to_ascii_lowercase(), name);
            edits <= if name.len() <= 4 { 1 } else { 2 }
        })
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<Term>,
    /// The kinds asked for by `kind:` terms: when any, other fields apply per statement.
    kinds: Vec<Kind>,
    /// Terms that look like mistyped fields, searched as text.
    unknown_fields: Vec<UnknownField>,
}

/// Splits a query into raw terms: whitespace separates, double quotes (straight or curly)
/// group, and an unclosed quote runs to the end (so a phrase searches while it is typed).
fn raw_terms(input: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in input.chars() {
        match c {
            '"' | '“' | '”' => {
                quoted = !quoted;
                current.push('"');
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    terms.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        terms.push(current);
    }
    terms
}

/// The party a user means by `name`: any name or alias, in any case, else the name itself.
/// (Doc party lists hold every statement's party too, so matching them is enough.)
fn resolve_party(gazetteer: &Gazetteer, name: &str) -> String {
    gazetteer
        .canonical(name)
        .map_or_else(|| name.to_string(), str::to_string)
}

/// Text terms: a plain word, or a phrase when it holds spaces or punctuation.
fn text_term(value: &str) -> Option<What> {
    let folded = fold(value);
    let pieces: Vec<String> = folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if pieces.is_empty() {
        return None;
    }
    // A word, or words joined by single marks ("u.s.", "al-qaeda"), is looked up in the
    // index, which holds both; marks around it ("russia.", "(ap)") do not count.
    let term = folded.trim_matches(|c: char| !is_word_char(c));
    if is_joined_words(term) {
        return Some(What::Word(term.to_string()));
    }
    let text = single_spaced(folded.trim_matches(|c: char| c.is_whitespace()));
    Some(What::Phrase { text, pieces })
}

/// Text with every run of whitespace made one space, so phrases match across line breaks.
fn single_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `date:` value as (low, high) prefixes.
fn date_range(value: &str) -> Option<(String, String)> {
    let ok = |s: &str| s.len() <= 10 && is_date_prefix(s.as_bytes());
    let (lo, hi) = value.split_once("..").unwrap_or((value, value));
    (ok(lo) && ok(hi) && !(lo.is_empty() && hi.is_empty()))
        .then(|| (lo.to_string(), hi.to_string()))
}

impl Query {
    /// Parses a query; party names are resolved through `gazetteer`.
    pub fn parse(input: &str, gazetteer: &Gazetteer) -> Result<Query, QueryError> {
        let mut terms = Vec::new();
        let mut unknown_fields = Vec::new();
        for raw in raw_terms(input) {
            let (negated, body) = match raw.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, raw.as_str()),
            };
            let field = body.split_once(':').and_then(|(f, value)| {
                FIELDS
                    .iter()
                    .find(|&&(name, _)| name == f)
                    .map(|&(name, example)| (name, example, value))
            });
            if field.is_none()
                && let Some((prefix, _)) = body.split_once(':')
                && looks_like_a_field(prefix)
            {
                unknown_fields.push(UnknownField {
                    field: prefix.to_string(),
                    term: raw.clone(),
                });
            }
            let what = match field {
                Some((name, example, value)) => {
                    let value = value.trim_matches('"').trim();
                    if value.is_empty() {
                        return Err(QueryError::Empty {
                            field: name,
                            example,
                        });
                    }
                    Some(match name {
                        "party" => What::Party(resolve_party(gazetteer, value)),
                        "speaker" => What::Speaker(fold(value)),
                        "tag" => What::Tag(fold(value)),
                        "kind" => {
                            let v = fold(value);
                            if "claim".starts_with(&v) {
                                What::Kind(Kind::Claim)
                            } else if "denial".starts_with(&v) {
                                What::Kind(Kind::Denial)
                            } else {
                                return Err(QueryError::Kind(value.to_string()));
                            }
                        }
                        _ => match date_range(value) {
                            // No date the end could still grow into reaches the start
                            // ("2015" never will "2016"; "2" may yet).
                            Some((lo, hi))
                                if !hi.is_empty() && *hi < lo[..lo.len().min(hi.len())] =>
                            {
                                return Err(QueryError::Backwards(value.to_string()));
                            }
                            Some((lo, hi)) => What::Date(lo, hi),
                            None => return Err(QueryError::Date(value.to_string())),
                        },
                    })
                }
                None if body.matches('"').count() % 2 == 1 => {
                    // A phrase still being typed narrows like its words; it is checked
                    // as a phrase once the closing quote is typed.
                    if !negated {
                        terms.extend(
                            body.split(|c: char| c == '"' || c.is_whitespace())
                                .filter_map(|w| match text_term(w)? {
                                    What::Phrase { pieces, .. } => {
                                        Some(pieces.into_iter().map(What::Word).collect())
                                    }
                                    word => Some(vec![word]),
                                })
                                .flatten()
                                .map(|what| Term {
                                    negated: false,
                                    what,
                                }),
                        );
                    }
                    None
                }
                None => text_term(&body.replace('"', " ")),
            };
            terms.extend(what.map(|what| Term { negated, what }));
        }
        let kinds = terms
            .iter()
            .filter_map(|t| match (&t.what, t.negated) {
                (What::Kind(k), false) => Some(*k),
                _ => None,
            })
            .collect();
        Ok(Query {
            terms,
            kinds,
            unknown_fields,
        })
    }

    /// Terms that look like mistyped fields: `sitrep search` and the reader's status bar
    /// name them, since each is searched as text and likely matches nothing.
    pub fn unknown_fields(&self) -> &[UnknownField] {
        &self.unknown_fields
    }

    /// True when every term is a word or a phrase: the word index and the files answer
    /// such a query without any briefing's extraction.
    pub fn is_text_only(&self) -> bool {
        self.terms
            .iter()
            .all(|t| matches!(t.what, What::Word(_) | What::Phrase { .. }))
    }

    /// Narrows `set` by the text terms: `matches` gives the briefings holding a word or
    /// phrase; a negated term removes them.
    fn narrow_by_text(&self, set: &mut BitSet, matches: impl Fn(&What) -> BitSet) {
        for t in &self.terms {
            if matches!(t.what, What::Word(_) | What::Phrase { .. }) {
                let found = matches(&t.what);
                if t.negated {
                    set.and_not(&found);
                } else {
                    set.and(&found);
                }
            }
        }
    }

    /// True when the query asks for nothing (every briefing matches).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded words and phrases a matching briefing contains: what the reader
    /// highlights and what `sitrep search` shows the lines of.
    pub fn needles(&self) -> Vec<&str> {
        self.terms
            .iter()
            .filter(|t| !t.negated)
            .filter_map(|t| match &t.what {
                What::Word(w) | What::Speaker(w) => Some(w.as_str()),
                What::Phrase { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Whether a statement is one the `kind:` terms ask for, made by the party and speaker
    /// the query names.
    fn statement_fits(&self, doc: &Doc, s: &DocStatement) -> bool {
        self.kinds.contains(&s.kind)
            && self
                .terms
                .iter()
                .filter(|t| !t.negated)
                .all(|t| match &t.what {
                    What::Party(p) => doc.party(s).is_some_and(|sp| same_party(sp, p)),
                    What::Speaker(v) => doc.actor(s).is_some_and(|a| folded_contains(a, v)),
                    _ => true,
                })
    }

    /// Whether a briefing satisfies the field terms (text terms are the index's job).
    fn fields_match(&self, doc: &Doc) -> bool {
        if !self.kinds.is_empty() && !doc.statements.iter().any(|s| self.statement_fits(doc, s)) {
            return false;
        }
        self.terms.iter().all(|t| {
            let hit = match &t.what {
                What::Party(p) => doc.parties.iter().any(|dp| same_party(dp, p)),
                What::Speaker(v) => doc.speakers.iter().any(|s| folded_contains(s, v)),
                What::Kind(k) => doc.statements.iter().any(|s| s.kind == *k),
                What::Tag(v) => doc.tags.iter().any(|tag| fold(tag) == *v),
                What::Date(lo, hi) => {
                    let d = doc.date.as_str();
                    (lo.is_empty() || d[..lo.len().min(d.len())] >= *lo.as_str())
                        && (hi.is_empty() || d[..hi.len().min(d.len())] <= *hi.as_str())
                }
                What::Word(_) | What::Phrase { .. } => return true,
            };
            hit != t.negated
        })
    }
}

/// Every distinct speaker and party of a catalog's live briefings with the briefings that
/// name them.
///
/// With them, `speaker:` and `party:` terms are answered for the
/// whole archive at once, instead of by looking into each briefing's extraction (spread
/// over memory: 20-50 ms a keystroke on 100,000 briefings).
#[derive(Debug, Default)]
pub struct FieldTables {
    /// Every distinct speaker name with its briefings.
    speakers: Vec<(String, Vec<u32>)>,
    /// Every party, folded, with its briefings.
    parties: rustc_hash::FxHashMap<String, Vec<u32>>,
}

impl FieldTables {
    /// The briefings (ids below `len`) naming a speaker whose name contains the folded
    /// needle of a `speaker:` term, or the party of a `party:` term; none for other terms.
    fn docs(&self, what: &What, len: usize) -> BitSet {
        let mut set = BitSet::new(len);
        let mut add = |ids: &[u32]| ids.iter().for_each(|&id| set.insert(id as usize));
        match what {
            What::Speaker(needle) => self
                .speakers
                .iter()
                .filter(|(name, _)| folded_contains(name, needle))
                .for_each(|(_, ids)| add(ids)),
            What::Party(party) => add(self.parties.get(&fold(party)).map_or(&[], Vec::as_slice)),
            _ => {}
        }
        set
    }
}

/// Builds the [`FieldTables`]: the reader's background thread does it as soon as everything
/// is read, so no keystroke waits for it.
pub fn field_tables(catalog: &super::catalog::Catalog) -> FieldTables {
    let mut speakers: rustc_hash::FxHashMap<&str, Vec<u32>> = rustc_hash::FxHashMap::default();
    let mut parties: rustc_hash::FxHashMap<String, Vec<u32>> = rustc_hash::FxHashMap::default();
    for id in catalog.live.iter() {
        let doc = &catalog.docs[id];
        for name in &doc.speakers {
            speakers.entry(name).or_default().push(id as u32);
        }
        for party in &doc.parties {
            parties.entry(fold(party)).or_default().push(id as u32);
        }
    }
    let speakers = speakers
        .into_iter()
        .map(|(name, ids)| (name.to_string(), ids))
        .collect();
    FieldTables { speakers, parties }
}

/// Results of text terms from earlier keystrokes: typing `russia den` re-evaluates only the
/// last word. Cleared whenever the library changes.
#[derive(Debug, Default)]
pub struct TermCache {
    sets: Mutex<HashMap<String, BitSet>>,
    /// Every distinct speaker and party with their briefings, built at the first
    /// `speaker:` or `party:` query after a change: each keystroke of `speaker:oba` then
    /// looks through a few thousand names instead of every briefing's speakers.
    tables: OnceLock<FieldTables>,
}

impl TermCache {
    /// Takes field tables built elsewhere (on the background thread) for the catalog now
    /// in use.
    pub fn set_tables(&mut self, tables: FieldTables) {
        self.tables = OnceLock::from(tables);
    }

    /// Forgets everything (the index changed).
    pub fn clear(&mut self) {
        self.sets
            .get_mut()
            .expect("no panic holds the lock")
            .clear();
        self.tables = OnceLock::new();
    }

    fn get_or(&self, key: &str, compute: impl FnOnce() -> BitSet) -> BitSet {
        if let Some(hit) = self.sets.lock().expect("term cache lock").get(key) {
            return hit.clone();
        }
        let set = compute();
        let mut sets = self.sets.lock().expect("term cache lock");
        if sets.len() >= 64 {
            sets.clear();
        }
        sets.insert(key.to_string(), set.clone());
        set
    }
}

/// Checks a phrase against a file. Most files hold an ASCII phrase as it is typed, give or
/// take capitals: one case-insensitive pass over the raw bytes settles those; only the rest
/// are decoded, folded and re-spaced to be sure (diacritics, line breaks inside the phrase,
/// other encodings).
struct QuickPhrase {
    raw: Option<aho_corasick::AhoCorasick>,
}

impl QuickPhrase {
    fn new(phrase: &str) -> QuickPhrase {
        let raw = phrase.is_ascii().then(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([phrase])
                .expect("one phrase is a valid automaton")
        });
        QuickPhrase { raw }
    }

    /// Whether the searchable text (see [`searchable_text`]) of the file at `path`, whose
    /// headline is `title`, holds the phrase.
    fn in_file(&self, path: &Path, title: &str, phrase: &str) -> bool {
        let Ok(bytes) = std::fs::read(path) else {
            return false;
        };
        let body = crate::briefing::front_matter_block(&bytes)
            .ok()
            .flatten()
            .map_or(0, |block| block.body_start);
        if self
            .raw
            .as_ref()
            .is_some_and(|ac| ac.is_match(&bytes[body..]))
        {
            return true;
        }
        crate::briefing::decode(&bytes).is_ok_and(|(text, _)| {
            single_spaced(&fold(&searchable_text(&text, title))).contains(phrase)
        })
    }
}

/// The briefings among `live` that hold `phrase`: those holding all of its `pieces` (as
/// `word` finds them) are candidates, and their files (`file_of` gives the path and the
/// headline) are checked in parallel.
fn phrase_hits<'p>(
    phrase: &str,
    pieces: &[String],
    live: &BitSet,
    word: impl Fn(&str) -> BitSet,
    file_of: impl Fn(usize) -> Option<(&'p Path, &'p str)> + Sync,
) -> BitSet {
    let mut candidates = live.clone();
    for p in pieces {
        candidates.and(&word(p));
    }
    let ids: Vec<usize> = candidates.iter().collect();
    let quick = QuickPhrase::new(phrase);
    let hits: Vec<usize> = ids
        .into_par_iter()
        .filter(|&id| file_of(id).is_some_and(|(path, title)| quick.in_file(path, title, phrase)))
        .collect();
    let mut set = BitSet::new(live.len());
    hits.into_iter().for_each(|id| set.insert(id));
    set
}

/// What word and phrase searches look in: what the reader shows of a briefing, its headline
/// and everything after the front matter, never the TOML itself (its `title =` or `aliases =`
/// lines are not the article's words). `title` leads when only the front matter holds it.
/// Text without front matter is searched as it is, without a copy: most of an archive.
pub fn searchable_text<'a>(text: &'a str, title: &str) -> Cow<'a, str> {
    match crate::briefing::front_matter_block(text.as_bytes()) {
        Ok(Some(block)) => {
            let body = &text[block.body_start..];
            if body.contains(title) {
                Cow::Borrowed(body)
            } else {
                Cow::Owned(format!("{title}\n{body}"))
            }
        }
        _ => Cow::Borrowed(text),
    }
}

/// The first `limit` lines of `text` that hold one of `needles` (folded words, or phrases
/// with single spaces), each as it stands in the file, trimmed: what `sitrep search` shows
/// (one line per result in text, all of them in JSON).
///
/// `sitrep search` runs this on every hit (5,000 files for a common word) and most lines
/// hold no needle. When every needle is an ASCII word, the text is lower-cased once and
/// searched whole: ASCII lower case is what fold makes of ASCII, so the first place a
/// needle stands in it, case aside, is in a line that holds it, and only a line before
/// that one with other characters in it (which fold may turn into the needle's letters)
/// can hold one sooner. Those are folded and looked at one by one, unless their only other
/// characters are punctuation that fold leaves as it is (curly quotes, dashes: most such
/// lines of news text). Otherwise (a phrase, a needle in other letters) each line is
/// folded and looked at.
pub(super) fn lines_holding(text: &str, needles: &[&str], limit: usize) -> Vec<String> {
    let finders: Vec<(memchr::memmem::Finder, bool)> = needles
        .iter()
        .map(|n| (memchr::memmem::Finder::new(n), n.contains(' ')))
        .collect();
    let lower = needles
        .iter()
        .all(|n| n.is_ascii() && !n.contains(' '))
        .then(|| text.to_ascii_lowercase());
    // An apostrophe folds to `'`, which a needle may hold.
    let apostrophes_fold = needles.iter().any(|n| n.contains('\''));
    let mut folded = String::new();
    let mut holds = |line: &str| {
        folded.clear();
        if line.is_ascii() {
            folded.push_str(line);
            folded.make_ascii_lowercase();
        } else {
            fold_into(line, &mut folded);
        }
        finders.iter().any(|(finder, phrase)| {
            if *phrase {
                finder.find(single_spaced(&folded).as_bytes()).is_some()
            } else {
                finder.find(folded.as_bytes()).is_some()
            }
        })
    };
    let mut lines = Vec::new();
    let mut from = 0;
    while lines.len() < limit && from < text.len() {
        let (checked_to, found) = match &lower {
            Some(lower) => {
                let first = finders
                    .iter()
                    .filter_map(|(finder, _)| finder.find(&lower.as_bytes()[from..]))
                    .min()
                    .map(|at| line_around(text, from + at));
                (first.as_ref().map_or(text.len(), |line| line.start), first)
            }
            None => (text.len(), None),
        };
        // The lines before `checked_to`: with ASCII needles, only those with characters
        // that fold changes can hold a needle.
        let may_fold = |s: &str| lower.is_none() || !folds_as_ascii(s, apostrophes_fold);
        let sooner = may_fold(&text[from..checked_to])
            .then(|| {
                text[from..checked_to]
                    .split_inclusive('\n')
                    .scan(from, |at, line| {
                        let start = *at;
                        *at += line.len();
                        Some(start..*at)
                    })
                    .find(|range| {
                        let line = text[range.clone()]
                            .strip_suffix('\n')
                            .unwrap_or(&text[range.clone()]);
                        may_fold(line) && holds(line)
                    })
            })
            .flatten();
        let Some(line) = sooner.or(found) else {
            break;
        };
        lines.push(text[line.clone()].trim().to_string());
        from = line.end;
    }
    lines
}

/// True when folding `s` changes nothing but the case of its ASCII letters: its other
/// characters are general punctuation (U+2002 to U+206F), which fold leaves as it is, and
/// no apostrophe when `apostrophes_fold`. ASCII runs are skipped eight bytes at a time.
fn folds_as_ascii(s: &str, apostrophes_fold: bool) -> bool {
    let bytes = s.as_bytes();
    let mut at = 0;
    loop {
        while let Some(word) = bytes.get(at..at + 8) {
            if u64::from_ne_bytes(word.try_into().expect("8 bytes")) & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            at += 8;
        }
        let Some(skip) = bytes[at..].iter().position(|b| !b.is_ascii()) else {
            return true;
        };
        at += skip;
        let c = s[at..].chars().next().expect("a character starts here");
        if !super::fold::PUNCTUATION.contains(&c) || (apostrophes_fold && APOSTROPHES.contains(&c))
        {
            return false;
        }
        at += c.len_utf8();
    }
}

/// The line of `text` around byte `at`, with its line break if it has one.
fn line_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i + 1);
    start..end
}

/// A search answered from the cache as it lies on disk (see [`super::CachedLibrary`]):
/// only text terms, which the index and the files answer. The ids come in list order (by
/// path); `None` when the query has other terms or the cache's index does not check out.
pub(super) fn search_snapshot(
    query: &Query,
    snapshot: &super::cache::Snapshot,
) -> Option<Vec<u32>> {
    if !query.is_text_only() {
        return None;
    }
    let index = snapshot.index()?;
    let file_of = |id: usize| snapshot.listed(id as u32).map(|l| (l.path(), l.title));
    let live = BitSet::full(snapshot.len());
    let mut set = live.clone();
    query.narrow_by_text(&mut set, |what| match what {
        What::Word(w) => index.containing(w),
        What::Phrase { text, pieces } => {
            phrase_hits(text, pieces, &live, |w| index.containing(w), file_of)
        }
        _ => live.clone(),
    });
    let mut found: Vec<u32> = set.iter().map(|id| id as u32).collect();
    found.sort_unstable_by_key(|&id| snapshot.rank(id));
    Some(found)
}

impl Library {
    fn text_matches(&self, catalog: &Catalog, what: &What) -> BitSet {
        let n = catalog.docs.len();
        let index = &catalog.index;
        let word = |w: &str| self.terms.get_or(w, || index.containing(w));
        let mut set = match what {
            What::Word(w) => word(w),
            What::Phrase { text, pieces } => self.terms.get_or(&format!("\"{text}"), || {
                let mut live = catalog.live.clone();
                live.grow(index.doc_count());
                phrase_hits(text, pieces, &live, word, |id| {
                    let doc = &catalog.docs[id];
                    Some((doc.path.as_path(), doc.title.as_str()))
                })
            }),
            _ => BitSet::full(n),
        };
        set.grow(n);
        set
    }

    /// The briefings whose speaker or party term `what` holds for; `None` for other terms.
    fn field_docs(&self, catalog: &Catalog, what: &What) -> Option<BitSet> {
        let key = match what {
            What::Speaker(needle) => format!("speaker:{needle}"),
            What::Party(party) => format!("party:{party}"),
            _ => return None,
        };
        Some(self.terms.get_or(&key, || {
            let tables = self.terms.tables.get_or_init(|| field_tables(catalog));
            tables.docs(what, catalog.docs.len())
        }))
    }

    /// The briefings matching a query, in list order. While the briefings are first read,
    /// those read so far (see [`Library::searched`]).
    pub fn search(&self, query: &Query) -> Vec<u32> {
        let Some(reading) = &self.reading else {
            let found = self.matching(&self.catalog, query);
            return self
                .order
                .iter()
                .copied()
                .filter(|&id| found.contains(id as usize))
                .collect();
        };
        let reading = reading.read();
        let found = self.matching(&reading, query);
        // A briefing counts once a round of reading brought it; the path check guards
        // against a catalog renumbered (compacted) before it is handed over.
        self.order
            .iter()
            .copied()
            .filter(|&id| {
                let read_as = self.reading_ids.get(id as usize).map_or(NOT_READ, |&r| r) as usize;
                found.contains(read_as) && reading.docs[read_as].path == self.doc(id).path
            })
            .collect()
    }

    /// The ids of `catalog` matching a query.
    fn matching(&self, catalog: &Catalog, query: &Query) -> BitSet {
        let mut set = catalog.live.clone();
        query.narrow_by_text(&mut set, |what| self.text_matches(catalog, what));
        for t in &query.terms {
            if let Some(docs) = self.field_docs(catalog, &t.what) {
                if t.negated {
                    set.and_not(&docs);
                } else {
                    set.and(&docs);
                }
            }
        }
        // Speakers and parties are settled above; kinds, tags and dates, and speakers and
        // parties that must hold within one statement (with `kind:`), are checked per
        // briefing.
        let has_fields = !query.kinds.is_empty()
            || query
                .terms
                .iter()
                .any(|t| matches!(t.what, What::Kind(_) | What::Tag(_) | What::Date(..)));
        if has_fields {
            set.retain(|id| query.fields_match(&catalog.docs[id]));
        }
        set
    }

    /// Refuses a `party:` term that names no party: not a name or alias of the gazetteer and
    /// no party of any briefing read (front matter may add its own). It would match nothing
    /// without saying why; while a name is typed, the list stays as it was meanwhile.
    pub fn check_parties(&self, query: &Query) -> Result<(), QueryError> {
        let gazetteer = self.gazetteer();
        // (While the briefings are first read, the parties of those read so far.)
        let reading = self.reading.as_ref().map(|r| r.read());
        let catalog = reading.as_deref().unwrap_or(&self.catalog);
        let unknown = query.terms.iter().find_map(|t| match &t.what {
            What::Party(p)
                if gazetteer.canonical(p).is_none()
                    && self
                        .field_docs(catalog, &t.what)
                        .is_some_and(|docs| docs.count() == 0) =>
            {
                Some(p.clone())
            }
            _ => None,
        });
        unknown.map_or(Ok(()), |p| Err(QueryError::Party(p)))
    }

    /// The first `limit` lines of a briefing that hold what the query looks for (for
    /// `sitrep search`): each line as it stands in the file, trimmed. Without words, the
    /// lines of the statements a `kind:` query found.
    pub fn matching_lines(&self, id: u32, query: &Query, limit: usize) -> Vec<String> {
        let needles = query.needles();
        let doc = self.doc(id);
        if needles.is_empty() && query.kinds.is_empty() {
            return Vec::new();
        }
        let Some(text) = doc.current_text() else {
            return Vec::new();
        };
        if needles.is_empty() {
            let mut lines: Vec<String> = doc
                .statements
                .iter()
                .filter(|s| query.statement_fits(doc, s))
                .filter_map(|s| {
                    let at = s.span().start;
                    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
                    let end = text.get(at..)?.find('\n').map_or(text.len(), |i| at + i);
                    Some(text[start..end].trim().to_string())
                })
                .collect();
            lines.dedup();
            lines.truncate(limit);
            return lines;
        }
        result_lines(&text, &doc.title, &needles, limit)
    }
}

/// The lines of a briefing (`text` as stored, titled `title`) that a search shows for it:
/// [`lines_holding`] in its [`searchable_text`]. One line, as each row of `sitrep search`
/// shows, is the first in the article's body that holds a needle, and a headline only when
/// no line of the body does: beside the title, a row that repeated the headline said
/// nothing of where the words stand in the article.
pub(super) fn result_lines(text: &str, title: &str, needles: &[&str], limit: usize) -> Vec<String> {
    let text = searchable_text(text, title);
    if limit != 1 {
        return lines_holding(&text, needles, limit);
    }
    let in_body = lines_holding(&text[headlines_end(&text)..], needles, 1);
    if in_body.is_empty() {
        lines_holding(&text, needles, 1)
    } else {
        in_body
    }
}

/// Where the headline and its alternates end, read as the loader reads them: the first
/// paragraph (when short enough to be a headline), then the short unpunctuated paragraphs
/// after it. 0 for a text that opens on body.
fn headlines_end(text: &str) -> usize {
    let mut end = 0;
    let mut paragraphs = 0;
    let mut at = 0;
    let mut paragraph_start = None;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, paragraph_start) {
            (false, None) => paragraph_start = Some(at),
            (true, Some(start)) => {
                let paragraph = &text[start..at];
                let heading = if paragraphs == 0 {
                    paragraph.len() <= crate::briefing::MAX_HEADLINE_BYTES
                } else {
                    paragraphs <= crate::briefing::MAX_ALTERNATE_HEADLINES
                        && crate::briefing::is_alternate_headline(paragraph)
                };
                if !heading {
                    return end;
                }
                paragraphs += 1;
                end = at + line.len();
                paragraph_start = None;
            }
            _ => {}
        }
        at += line.len();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Query {
        Query::parse(q, Gazetteer::builtin()).unwrap()
    }

    #[test]
    fn parses_words_phrases_negation_and_fields() {
        let q =
            parse("Sérgei \"Islamic  State\" -truce party:kremlin kind:den date:2016-09..2016-10");
        let whats: Vec<(bool, What)> = q
            .terms
            .iter()
            .map(|t| (t.negated, t.what.clone()))
            .collect();
        assert_eq!(
            whats,
            [
                (false, What::Word("sergei".into())),
                (
                    false,
                    What::Phrase {
                        text: "islamic state".into(),
                        pieces: vec!["islamic".into(), "state".into()]
                    }
                ),
                (true, What::Word("truce".into())),
                (false, What::Party("Russia".into())),
                (false, What::Kind(Kind::Denial)),
                (false, What::Date("2016-09".into(), "2016-10".into())),
            ]
        );
        assert_eq!(
            parse("party:isis").terms[0].what,
            What::Party("Islamic State".into())
        );
        // Words joined by single marks are one indexed term; other punctuation makes a
        // phrase, checked in the files.
        assert_eq!(parse("10:30").terms[0].what, What::Word("10:30".into()));
        assert_eq!(parse("U.S.").terms[0].what, What::Word("u.s".into()));
        assert_eq!(
            parse("U.S.-led").terms[0].what,
            What::Phrase {
                text: "u.s.-led".into(),
                pieces: vec!["u".into(), "s".into(), "led".into()]
            }
        );
    }

    #[test]
    fn the_lines_shown_are_the_first_that_hold_a_needle_once_folded() {
        // Each line folded and looked at on its own: what the whole-text search must give.
        let one_by_one = |text: &str, needles: &[&str], limit: usize| -> Vec<String> {
            text.lines()
                .filter(|line| {
                    let folded = fold(line);
                    needles
                        .iter()
                        .any(|n| single_spaced(&folded).contains(n) || folded.contains(n))
                })
                .take(limit)
                .map(|l| l.trim().to_string())
                .collect()
        };
        let text = "Headline: talks “stall” — again\r\n\
                    Sérgei said Moscow doesn’t agree.\n\
                    \n\
                    Later SERGEI said he didn't.  \n\
                    ‘Quoted’ – and sergei, who denied it\n\
                    DENIED";
        for needles in [
            &["sergei"][..],
            &["denied"],
            &["doesn't"],
            &["didn't", "stall"],
            &["agree"],
            &["nowhere"],
            &["islamic state"],
            &["moscow doesn't"],
        ] {
            for limit in [1, 2, usize::MAX] {
                assert_eq!(
                    lines_holding(text, needles, limit),
                    one_by_one(text, needles, limit),
                    "{needles:?} {limit}"
                );
            }
        }
        // A line that holds the needle only once folded comes before a later one that
        // holds it as it stands.
        assert_eq!(
            lines_holding(text, &["sergei"], 1),
            ["Sérgei said Moscow doesn’t agree."]
        );
        assert_eq!(
            lines_holding(text, &["doesn't"], 1),
            ["Sérgei said Moscow doesn’t agree."]
        );
    }

    /// A result row shows where the words stand in the article, not its headline again.
    #[test]
    fn a_result_row_shows_a_line_of_the_body_before_a_headline() {
        let text = "Russia denies raid\n\nRussia denies the raid again\n\n\
                    Moscow said on Monday that Russia had no part in it.\n";
        let title = "Russia denies raid";
        assert_eq!(
            result_lines(text, title, &["russia"], 1),
            ["Moscow said on Monday that Russia had no part in it."]
        );
        assert_eq!(result_lines(text, title, &["denies"], 1), [title]);
        assert_eq!(result_lines(text, title, &["russia"], usize::MAX).len(), 3);
        let no_headline = "Moscow said on Monday that Russia had no part in it. ".repeat(20);
        assert_eq!(
            result_lines(&no_headline, "Moscow said", &["russia"], 1),
            [no_headline.trim()]
        );
    }

    /// A term whose letters before the colon are a field mistyped is named, and still
    /// searched as text; times, links and prose words with a colon are not named.
    #[test]
    fn a_mistyped_field_is_named_and_still_searched_as_text() {
        let named = |q: &str| -> Vec<String> {
            parse(q)
                .unknown_fields()
                .iter()
                .map(|u| u.field.clone())
                .collect()
        };
        let q = parse("partty:russia");
        assert_eq!(q.terms[0].what, What::Word("partty:russia".into()));
        assert_eq!(
            q.unknown_fields()[0].to_string(),
            "unknown field \"partty:\" in \"partty:russia\" — fields are party:, speaker:, \
             kind:, tag:, date:"
        );
        assert_eq!(
            named("spekaer:dunford -tga:syria Kind:denial dat:2016"),
            ["spekaer", "tga", "Kind", "dat"]
        );
        assert!(
            named("10:30 http://example.org note:x time:x 9/11 party:russia").is_empty(),
            "{:?}",
            named("10:30 http://example.org note:x time:x 9/11 party:russia")
        );
    }

    #[test]
    fn bad_fields_say_what_to_type() {
        let g = Gazetteer::builtin();
        assert!(matches!(
            Query::parse("kind:maybe", g),
            Err(QueryError::Kind(_))
        ));
        assert!(matches!(
            Query::parse("date:last-week", g),
            Err(QueryError::Date(_))
        ));
        assert!(matches!(
            Query::parse("tag:", g),
            Err(QueryError::Empty { .. })
        ));
    }

    #[test]
    fn impossible_dates_are_refused() {
        let g = Gazetteer::builtin();
        for bad in [
            "date:2016-13",
            "date:2016-00",
            "date:2016-02-41",
            "date:2014-02-30",
            "date:2015-02-29",
            "date:1900-02-29",
            "date:2016-04-31",
            "date:2016-02-3",
            "date:2016-1x",
            "date:16/09",
        ] {
            assert!(Query::parse(bad, g).is_err(), "{bad}");
        }
        for good in [
            "date:2",
            "date:2016-1",
            "date:2016-12-31",
            "date:2016-02-29",
            "date:2000-02-29",
            "date:2016-04-3",
            "date:2016-09..2016-10",
            "date:..2016",
        ] {
            assert!(Query::parse(good, g).is_ok(), "{good}");
        }
    }

    #[test]
    fn date_ranges_compare_by_prefix() {
        let mut doc = Doc::unread("a.txt".into(), None);
        doc.date = "2016-09-21".into();
        assert!(parse("date:2016-09..2016-10").fields_match(&doc));
        assert!(parse("date:2016").fields_match(&doc));
        assert!(parse("date:..2016-09-21").fields_match(&doc));
        assert!(!parse("date:2016-10..").fields_match(&doc));
        assert!(!parse("-date:2016").fields_match(&doc));
    }

    #[test]
    fn a_date_range_running_backwards_is_explained_once_no_typing_can_mend_it() {
        let g = Gazetteer::builtin();
        for bad in [
            "date:2015..2014",
            "date:2016-10..2016-09",
            "date:2016-09-21..2016-09-1",
        ] {
            assert!(
                matches!(Query::parse(bad, g), Err(QueryError::Backwards(_))),
                "{bad}"
            );
        }
        // Still being typed, or open at one end: no complaint.
        for fine in [
            "date:2016..2",
            "date:2016-09..201",
            "date:2016..",
            "date:..2016",
            "date:2016..2016",
        ] {
            assert!(Query::parse(fine, g).is_ok(), "{fine}");
        }
    }
}
