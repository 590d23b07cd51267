//! The party dossier (`p`): every claim and denial a party made across the library, newest
//! first, drawn over the panes. Listing the statements reads no file (the library keeps who
//! said what and where); the sentences are read from the files only for a window of rows
//! around the screen, so a party with 20,000 statements opens as fast as one with three.

use crate::briefing::Span;
use crate::extract::Kind;
use crate::library::Library;
use crate::library::dossier::DossierRef;
use crate::tui::action::Action;
use crate::tui::state::{Cursor, State};
use crate::tui::text::{draw_detail, draw_lines, fit, fit_line, one_line, plural, wrapped_height};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Clear};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Rows of the footer that shows the selected sentence in full: a rule and three lines.
const FOOTER: u16 = 4;

/// One statement's sentences as the dossier shows them, read from the briefing's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierRow {
    /// The statement's sentence; `None` when the file changed since it was indexed.
    pub sentence: Option<String>,
    /// The statement it contradicts (for a denial, the claim it answers): who made it and
    /// its sentence.
    pub answers: Option<(Option<String>, String)>,
}

/// An open dossier: the party's statements, the selection, and the sentences read so far.
#[derive(Debug, Clone)]
pub struct Dossier {
    /// The party, as the gazetteer spells it.
    pub party: String,
    /// Its claims and denials, newest first.
    pub refs: Vec<DossierRef>,
    /// How many of each the title says ("12 claims and 3 denials"), counted when `refs`
    /// is set rather than on every frame.
    pub tally: String,
    /// Selection among `refs`.
    pub cursor: Cursor,
    /// Sentences read for the rows around the screen, by index into `refs`.
    pub rows: HashMap<usize, DossierRow>,
    /// First line of the footer's text on screen (a long sentence scrolls there).
    pub detail_top: usize,
    /// The selected statement by file and sentence, which outlives the library's ids when
    /// the library changes.
    selected_at: Option<(PathBuf, Span)>,
}

/// How many claims and how many denials `refs` holds ("12 claims and 3 denials", "5
/// claims"): an analyst opens a dossier to see whether the party denied anything, so the
/// title says it rather than lumping both together.
fn tally(refs: &[DossierRef], library: &Library) -> String {
    let denials = refs
        .iter()
        .filter(|r| library.doc(r.id).statements[r.statement].kind == Kind::Denial)
        .count();
    match (refs.len() - denials, denials) {
        (0, 0) => "no claims or denials".to_string(),
        (c, 0) => plural(c, "claim"),
        (0, d) => plural(d, "denial"),
        (c, d) => format!("{} and {}", plural(c, "claim"), plural(d, "denial")),
    }
}

/// Where the dossier is drawn: the whole screen above the status bar.
pub fn area(screen: Rect) -> Rect {
    Rect {
        height: screen.height.saturating_sub(1),
        ..screen
    }
}

/// The rows for entries and for the footer inside the dossier's border.
fn split(screen: Rect) -> (Rect, Rect) {
    let inner = Block::bordered().inner(area(screen));
    let footer = if inner.height >= 3 * FOOTER {
        FOOTER
    } else {
        0
    };
    let list = Rect {
        height: inner.height - footer,
        ..inner
    };
    let foot = Rect {
        y: list.bottom(),
        height: footer,
        ..inner
    };
    (list, foot)
}

impl Dossier {
    /// The dossier of `party` (any name or alias) on a screen of size `screen`.
    pub fn open(library: &Library, party: &str, screen: Rect) -> Dossier {
        let (party, refs) = library.dossier_refs(party);
        let mut dossier = Dossier {
            party,
            tally: tally(&refs, library),
            refs,
            cursor: Cursor::default(),
            rows: HashMap::new(),
            detail_top: 0,
            selected_at: None,
        };
        dossier.follow(library, screen);
        dossier
    }

    /// The selected claim or denial.
    pub fn selected(&self) -> Option<DossierRef> {
        self.refs.get(self.cursor.selected).copied()
    }

    /// Rows each entry takes: its header and sentence, and a line for the statement it
    /// answers.
    fn heights(&self, library: &Library) -> Vec<usize> {
        self.refs
            .iter()
            .map(|r| {
                let answers = library.doc(r.id).statements[r.statement].counter();
                2 + usize::from(answers.is_some())
            })
            .collect()
    }

    /// Moves the selection by `delta` entries.
    pub fn step(&mut self, delta: isize, library: &Library, screen: Rect) {
        let last = self.refs.len().saturating_sub(1);
        self.cursor.selected = self.cursor.selected.saturating_add_signed(delta).min(last);
        self.detail_top = 0;
        self.follow(library, screen);
    }

    /// Scrolls the footer through the selected sentence by `delta` lines (J and K).
    pub fn scroll_detail(&mut self, delta: isize, library: &Library, screen: Rect) {
        let (_, foot) = split(screen);
        let rows = usize::from(foot.height.saturating_sub(1));
        let width = usize::from(foot.width.saturating_sub(1));
        let lines = self
            .detail(library)
            .map_or(0, |text| wrapped_height(&text, width));
        self.detail_top = self
            .detail_top
            .saturating_add_signed(delta)
            .min(lines.saturating_sub(rows));
    }

    /// The selected statement in full for the footer: kind, who, the sentence, and the
    /// statement it answers.
    pub fn detail(&self, library: &Library) -> Option<String> {
        let r = self.selected()?;
        let row = self.rows.get(&self.cursor.selected)?;
        let doc = library.doc(r.id);
        let s = &doc.statements[r.statement];
        let who = doc.actor(s).map_or_else(String::new, |a| format!(" · {a}"));
        let mut text = format!("{}{who}: {}", kind_word(s.kind), row.sentence.as_deref()?);
        if let Some((other, said)) = &row.answers {
            let other = other
                .as_deref()
                .map_or_else(String::new, |o| format!("{o}: "));
            text.push_str(&format!(" — answers {other}{said}"));
        }
        // Which file first: copies of one story in several briefings share title and date.
        // Relative to the folder opened; a file opened on its own is named by its name.
        let relative = (library.roots().iter()).find_map(|root| doc.path.strip_prefix(root).ok());
        let path = match relative {
            Some(alone) if alone.as_os_str().is_empty() => {
                doc.path.file_name().map_or(doc.path.as_path(), Path::new)
            }
            Some(relative) => relative,
            None => &doc.path,
        };
        Some(one_line(&format!("{} · {text}", path.display())))
    }

    /// How many entries fill the screen from the first one shown.
    pub fn page(&self, library: &Library, screen: Rect) -> usize {
        let rows = usize::from(split(screen).0.height);
        self.cursor.fitting(&self.heights(library), rows)
    }

    /// Keeps the selection on screen and reads the sentences of the rows around it.
    pub fn follow(&mut self, library: &Library, screen: Rect) {
        let rows = usize::from(split(screen).0.height);
        self.cursor.follow(&self.heights(library), rows);
        self.selected_at = self.selected().map(|r| {
            let doc = library.doc(r.id);
            (doc.path.clone(), doc.statements[r.statement].span())
        });
        self.read_window(library, rows.max(1));
    }

    /// Lists the party's statements again after the library changed (ids are not stable
    /// across changes), keeping the selected statement selected while it is still there.
    pub fn refresh(&mut self, library: &Library, screen: Rect) {
        let (_, refs) = library.dossier_refs(&self.party);
        self.tally = tally(&refs, library);
        self.refs = refs;
        if let Some((path, span)) = self.selected_at.take() {
            let at = self.refs.iter().position(|r| {
                let doc = library.doc(r.id);
                doc.path == path && doc.statements[r.statement].span() == span
            });
            self.cursor.selected = at.unwrap_or(self.cursor.selected);
        }
        self.rows.clear();
        self.follow(library, screen);
    }

    /// Reads the sentences of the entries from a screen above the first one shown to two
    /// screens below it (an entry takes at least two rows), one read per briefing, and
    /// forgets the rest.
    fn read_window(&mut self, library: &Library, rows: usize) {
        let first = self.cursor.offset.saturating_sub(rows / 2);
        let window = first..(self.cursor.offset + rows).min(self.refs.len());
        self.rows.retain(|i, _| window.contains(i));
        let mut text: Option<(u32, Option<String>)> = None;
        for i in window {
            if self.rows.contains_key(&i) {
                continue;
            }
            let r = self.refs[i];
            if text.as_ref().is_none_or(|(id, _)| *id != r.id) {
                text = Some((r.id, library.doc(r.id).current_text()));
            }
            let current = text.as_ref().and_then(|(_, t)| t.as_deref());
            let entry = current.and_then(|t| library.dossier_entry(r, t));
            let row = DossierRow {
                sentence: entry.as_ref().map(|e| one_line(&e.text)),
                answers: entry.as_ref().and_then(|e| {
                    let (other, said) = e.counter.as_ref()?;
                    Some((e.doc.actor(other).map(str::to_string), one_line(said)))
                }),
            };
            self.rows.insert(i, row);
        }
    }
}

/// A claim or denial, in the word every pane and the clipboard use for it.
pub(crate) fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Claim => "claim",
        Kind::Denial => "denial",
    }
}

/// Draws the dossier over the panes.
pub fn render(frame: &mut Frame, state: &State, dossier: &Dossier) {
    let t = &state.theme;
    let library = &state.library;
    let outer = area(frame.area());
    let (list, foot) = split(frame.area());
    let keys = &state.config.keys;
    let key = |a: Action| keys.keys_for(&a).next().map(|k| k.to_string());
    // In the status bar's words, so the border and the bar below it never disagree.
    let hints: Vec<String> = [Action::Open, Action::Clear]
        .into_iter()
        .filter_map(|a| Some(format!("{} {}", key(a.clone())?, a.hint())))
        .collect();
    let title = format!(
        " Dossier: {} · {}, newest first ",
        one_line(&dossier.party),
        dossier.tally
    );
    // Labels too long for the width end in `…` (40 to 60 columns cut most of them).
    let inside = usize::from(outer.width.saturating_sub(2));
    let block = Block::bordered()
        .title(fit_line(Line::raw(title), inside))
        .title_bottom(fit_line(
            Line::from(format!(" {} ", hints.join(" · "))).right_aligned(),
            inside,
        ))
        .border_style(t.focused);
    frame.render_widget(Clear, outer);
    frame.render_widget(block, outer);
    if dossier.refs.is_empty() {
        let none = format!(" no claims or denials by {}", one_line(&dossier.party));
        return draw_lines(frame, list, [Line::styled(none, t.dim)]);
    }
    let width = usize::from(list.width);
    let mut lines = Vec::with_capacity(usize::from(list.height));
    for (i, r) in dossier.refs.iter().enumerate().skip(dossier.cursor.offset) {
        let doc = library.doc(r.id);
        let s = &doc.statements[r.statement];
        let row = dossier.rows.get(&i);
        let selected = i == dossier.cursor.selected;
        let kind_style = match s.kind {
            Kind::Claim => t.claim,
            Kind::Denial => t.denial,
        };
        let actor = doc
            .actor(s)
            .map_or_else(String::new, |a| format!(" · {}", one_line(a)));
        // A date known only from the file's modification time is left out, as in the
        // list: in an archive copied today every such entry read "2026-11-29 (file date)",
        // a quarter of an 80-column line saying when the file was copied.
        let date = doc
            .own_date()
            .map_or_else(String::new, |d| format!("{} · ", one_line(d)));
        let mut header = Line::from(vec![
            TextSpan::raw(if selected { "▶ " } else { "  " }),
            TextSpan::styled(date, t.dim),
            TextSpan::styled(kind_word(s.kind), kind_style),
            TextSpan::raw(format!("{actor} · ")),
            TextSpan::styled(one_line(&doc.title), t.headline),
        ]);
        if selected {
            header = header.style(t.selected);
        }
        lines.push(fit_line(header, width));
        let sentence = match row.map(|r| r.sentence.as_deref()) {
            Some(Some(text)) => TextSpan::raw(fit(text, width.saturating_sub(4))),
            Some(None) => TextSpan::styled("(the file changed since it was read)", t.error),
            None => TextSpan::styled("…", t.dim),
        };
        lines.push(Line::from(vec![TextSpan::raw("    "), sentence]));
        if s.counter().is_some() {
            let answers = match row.and_then(|r| r.answers.as_ref()) {
                Some((who, said)) => {
                    let who = who
                        .as_deref()
                        .map_or_else(String::new, |w| format!("{}: ", one_line(w)));
                    fit(&format!("↳ answers {who}{said}"), width.saturating_sub(4))
                }
                None => "↳ answers …".to_string(),
            };
            lines.push(Line::from(vec![
                TextSpan::raw("    "),
                TextSpan::styled(answers, t.dim),
            ]));
        }
        if lines.len() >= usize::from(list.height) {
            break;
        }
    }
    draw_lines(frame, list, lines);
    let detail = dossier.detail(library);
    draw_detail(frame, foot, detail, dossier.detail_top, t.dim);
}
