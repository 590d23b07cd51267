//! The filter (party, speaker, kind, tag) that narrows every pane, and the picker `f`
//! opens to choose it (which `p` also opens, to choose the party of a dossier).

use crate::extract::{Extraction, Gazetteer, Kind, Quote, Statement};
use crate::library::doc::Doc;
use crate::library::fold::same_party;
use crate::sanitize::visible;
use crate::tui::state::State;
use crate::tui::text::fit_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use std::collections::BTreeSet;

/// What the panes are narrowed to; every part is optional and they combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this party's quotes and statements.
    pub party: Option<String>,
    /// Only this person's quotes and statements.
    pub speaker: Option<String>,
    /// Only claims or only denials (and the quotes inside them).
    pub kind: Option<Kind>,
    /// Only briefings with this tag.
    pub tag: Option<String>,
}

/// One choice in the picker.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FilterOption {
    /// A party.
    Party(String),
    /// A speaker or actor.
    Speaker(String),
    /// Claim or denial.
    Kind(Kind),
    /// A front-matter tag.
    Tag(String),
}

impl FilterOption {
    fn label(&self) -> (&'static str, String) {
        match self {
            FilterOption::Party(p) => ("party", p.clone()),
            FilterOption::Speaker(s) => ("speaker", s.clone()),
            FilterOption::Kind(Kind::Claim) => ("kind", "claim".into()),
            FilterOption::Kind(Kind::Denial) => ("kind", "denial".into()),
            FilterOption::Tag(t) => ("tag", t.clone()),
        }
    }
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The filter as the status bar shows it, e.g. `party=Russia kind=denial`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = &self.party {
            parts.push(format!("party={p}"));
        }
        if let Some(s) = &self.speaker {
            parts.push(format!("speaker={s}"));
        }
        match self.kind {
            Some(Kind::Claim) => parts.push("kind=claim".into()),
            Some(Kind::Denial) => parts.push("kind=denial".into()),
            None => {}
        }
        if let Some(t) = &self.tag {
            parts.push(format!("tag={t}"));
        }
        parts.join(" ")
    }

    /// True when `option` is part of the filter.
    pub fn has(&self, option: &FilterOption) -> bool {
        match option {
            FilterOption::Party(p) => self.party.as_ref() == Some(p),
            FilterOption::Speaker(s) => self.speaker.as_ref() == Some(s),
            FilterOption::Kind(k) => self.kind == Some(*k),
            FilterOption::Tag(t) => self.tag.as_ref() == Some(t),
        }
    }

    /// Sets `option` (replacing another value of the same sort), or clears it when set.
    pub fn toggle(&mut self, option: &FilterOption) {
        let on = !self.has(option);
        match option {
            FilterOption::Party(p) => self.party = on.then(|| p.clone()),
            FilterOption::Speaker(s) => self.speaker = on.then(|| s.clone()),
            FilterOption::Kind(k) => self.kind = on.then_some(*k),
            FilterOption::Tag(t) => self.tag = on.then(|| t.clone()),
        }
    }

    /// True when a quote passes: its party and speaker match, and with a kind set it lies
    /// inside a statement of that kind.
    pub fn quote(&self, q: &Quote, x: &Extraction) -> bool {
        same(&self.party, q.party.as_deref())
            && same(&self.speaker, q.speaker.as_deref())
            && self.kind.is_none_or(|k| {
                x.statements
                    .iter()
                    .any(|s| s.kind == k && s.span.overlaps(q.span))
            })
    }

    /// True when a statement passes.
    pub fn statement(&self, s: &Statement) -> bool {
        same(&self.party, s.party.as_deref())
            && same(&self.speaker, s.actor.as_deref())
            && self.kind.is_none_or(|k| s.kind == k)
    }

    /// True when a briefing of the library has something the filter lets through: a
    /// statement that passes, or (without a kind) the party and the speaker among those
    /// it quotes or mentions. Unreadable files stay listed unless something is filtered,
    /// so no error hides; briefings not read yet show up once they are.
    pub fn doc(&self, d: &Doc) -> bool {
        if self.is_empty() {
            return true;
        }
        if !d.extracted || d.error.is_some() {
            return false;
        }
        let tagged = self
            .tag
            .as_ref()
            .is_none_or(|t| d.tags.iter().any(|dt| dt.eq_ignore_ascii_case(t)));
        let named = |wanted: &Option<String>, names: &[String]| {
            wanted.as_ref().is_none_or(|w| names.contains(w))
        };
        let mentioned = self.kind.is_none()
            && named(&self.party, &d.parties)
            && named(&self.speaker, &d.speakers);
        let stated = d.statements.iter().any(|s| {
            self.kind.is_none_or(|k| s.kind == k)
                && same(&self.party, d.party(s))
                && same(&self.speaker, d.actor(s))
        });
        tagged && (mentioned || stated)
    }
}

fn same(wanted: &Option<String>, actual: Option<&str>) -> bool {
    wanted.as_deref().is_none_or(|w| actual == Some(w))
}

/// What choosing in the picker does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Purpose {
    /// Sets or clears a part of the filter (`f`).
    #[default]
    Filter,
    /// Opens the dossier of a party (`p`).
    Dossier,
}

/// The picker: every party, speaker, kind and tag in the library (only parties for a
/// dossier), narrowed by what the user types (a library can name thousands of speakers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// What Enter does with the choice.
    pub purpose: Purpose,
    /// Every choice, grouped by sort.
    pub options: Vec<FilterOption>,
    /// What was typed to narrow the choices.
    pub query: String,
    /// Indices of the choices that match the query, in order.
    pub shown: Vec<usize>,
    /// The highlighted row of `shown`.
    pub cursor: usize,
}

impl Picker {
    /// The filter's choices: the parties, speakers and tags of the library's briefings and
    /// the two kinds, the first one `filter` has highlighted.
    pub fn filter<'a>(docs: impl Iterator<Item = &'a Doc>, filter: &Filter) -> Picker {
        let mut set = BTreeSet::new();
        for d in docs {
            set.extend(d.parties.iter().cloned().map(FilterOption::Party));
            set.extend(d.speakers.iter().cloned().map(FilterOption::Speaker));
            set.extend(d.tags.iter().cloned().map(FilterOption::Tag));
        }
        set.insert(FilterOption::Kind(Kind::Claim));
        set.insert(FilterOption::Kind(Kind::Denial));
        Picker::with(Purpose::Filter, set, |o| filter.has(o))
    }

    /// The parties that make claims or denials in the library's briefings, `default`
    /// highlighted, for choosing a dossier.
    pub fn parties<'a>(docs: impl Iterator<Item = &'a Doc>, default: Option<&str>) -> Picker {
        let mut set = BTreeSet::new();
        for d in docs {
            let parties = d.statements.iter().filter_map(|s| d.party(s));
            set.extend(parties.map(|p| FilterOption::Party(p.to_string())));
        }
        Picker::with(Purpose::Dossier, set, |o| {
            default.is_some_and(|d| *o == FilterOption::Party(d.to_string()))
        })
    }

    fn with(
        purpose: Purpose,
        options: BTreeSet<FilterOption>,
        highlighted: impl Fn(&FilterOption) -> bool,
    ) -> Picker {
        let options: Vec<FilterOption> = options.into_iter().collect();
        Picker {
            purpose,
            cursor: options.iter().position(highlighted).unwrap_or(0),
            shown: (0..options.len()).collect(),
            options,
            query: String::new(),
        }
    }

    /// Narrows the choices to those whose sort or value contains the query (any case), and
    /// the parties the query names as the search language's `party:` reads it (an alias
    /// such as `kremlin` or `isis` finds its party) or begins to name ("krem"). The best
    /// guesses come first, so Enter picks what was meant: values that begin with the query
    /// (or parties an alias of which does: "rus" is Russia before Belarus), then values
    /// with a word that does, then the rest, each group in the usual order.
    pub fn narrow(&mut self, query: String, gazetteer: &Gazetteer) {
        let wanted = query.to_lowercase();
        let named = parties_named_by(&query, gazetteer);
        let mut ranked: Vec<(u8, usize)> = (0..self.options.len())
            .filter_map(|i| {
                let option = &self.options[i];
                let (sort, value) = option.label();
                let value = value.to_lowercase();
                let aliased = matches!(option, FilterOption::Party(p) if named.iter().any(|n| same_party(p, n)));
                let word_start = value.match_indices(&wanted).any(|(k, _)| {
                    (value[..k].chars().next_back()).is_none_or(|c| !c.is_alphanumeric())
                });
                let rank = if value.starts_with(&wanted) || aliased {
                    0
                } else if word_start {
                    1
                } else if format!("{sort} {value}").contains(&wanted) {
                    2
                } else {
                    return None;
                };
                Some((rank, i))
            })
            .collect();
        ranked.sort_by_key(|&(rank, _)| rank);
        self.shown = ranked.into_iter().map(|(_, i)| i).collect();
        self.query = query;
        self.cursor = 0;
    }

    /// The highlighted choice.
    pub fn selected(&self) -> Option<&FilterOption> {
        self.options.get(*self.shown.get(self.cursor)?)
    }

    /// The parties the query names that are no choice: for a dossier, parties that make no
    /// claim or denial in the library, which the picker says rather than "nothing matches".
    pub fn silent_parties<'g>(&self, gazetteer: &'g Gazetteer) -> Vec<&'g str> {
        parties_named_by(&self.query, gazetteer)
            .into_iter()
            .filter(|n| {
                !self
                    .options
                    .iter()
                    .any(|o| matches!(o, FilterOption::Party(p) if same_party(p, n)))
            })
            .collect()
    }
}

/// The parties `query` names or begins to name ("krem" for the Kremlin's Russia), each once.
fn parties_named_by<'g>(query: &str, gazetteer: &'g Gazetteer) -> Vec<&'g str> {
    let mut named = gazetteer.begun_by(query);
    named.extend(gazetteer.canonical(query));
    named.sort_unstable();
    named.dedup();
    named
}

/// Draws the picker over the middle of the screen.
pub fn render(frame: &mut Frame, state: &State, picker: &Picker) {
    let t = &state.theme;
    let rows = u16::try_from(picker.options.len()).unwrap_or(u16::MAX);
    // Wide enough for the longest help line.
    let area = centered(frame.area(), 58, rows.saturating_add(5));
    let height = usize::from(area.height.saturating_sub(5)).max(1);
    let offset = picker.cursor.saturating_sub(height - 1);
    let (title, help) = match picker.purpose {
        Purpose::Filter => (
            " Filter ",
            " type to narrow · Enter sets/clears · Esc closes",
        ),
        Purpose::Dossier => (
            " Party dossier ",
            " type to narrow · Enter shows its claims · Esc closes",
        ),
    };
    let mut lines = vec![
        Line::styled(help, t.dim),
        Line::from(vec![
            Span::styled(" > ", t.focused),
            Span::raw(visible(&picker.query, false).into_owned()),
        ]),
        Line::default(),
    ];
    for (row, &i) in picker.shown.iter().enumerate().skip(offset).take(height) {
        let option = &picker.options[i];
        let (sort, value) = option.label();
        let check = if picker.purpose == Purpose::Filter && state.filter.has(option) {
            "✓"
        } else {
            " "
        };
        // The dossier's picker lists parties only: a "party" column on every row said nothing.
        let sort = match picker.purpose {
            Purpose::Filter => format!("{sort:<8}"),
            Purpose::Dossier => String::new(),
        };
        let mut line = Line::from(vec![
            Span::raw(format!(" {check} ")),
            Span::styled(sort, t.dim),
            Span::raw(visible(&value, false).into_owned()),
        ]);
        if row == picker.cursor {
            line = line.style(t.selected);
        }
        lines.push(line);
    }
    if picker.shown.is_empty() {
        let silent = if picker.purpose == Purpose::Dossier {
            picker.silent_parties(state.library.gazetteer())
        } else {
            Vec::new()
        };
        if !silent.is_empty() {
            for party in silent {
                lines.push(Line::styled(
                    format!(
                        "   {}: no claim or denial in the library",
                        visible(party, false)
                    ),
                    t.dim,
                ));
            }
        } else {
            lines.push(Line::styled("   nothing matches", t.dim));
        }
    }
    // A label too long for the box ends in `…` rather than stopping mid-word.
    let inside = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = lines.into_iter().map(|l| fit_line(l, inside)).collect();
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(fit_line(Line::raw(title), inside))
        .border_style(t.focused);
    frame.render_widget(Paragraph::new(lines).block(block), area);
    let typed = 4 + unicode_width::UnicodeWidthStr::width(visible(&picker.query, false).as_ref());
    let column = (area.x as usize + typed).min(usize::from(area.right().saturating_sub(2)));
    if area.height > 2 {
        frame.set_cursor_position((column as u16, area.y + 2));
    }
}

/// A rectangle of at most `width` x `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picker_ranks_prefixes_then_word_starts_then_the_rest() {
        let options = vec![
            FilterOption::Party("Belarus".into()),
            FilterOption::Party("Russia".into()),
            FilterOption::Speaker("Ivan Rusakov".into()),
            FilterOption::Speaker("Rustam Ali".into()),
        ];
        let mut picker = Picker {
            shown: (0..options.len()).collect(),
            options,
            ..Picker::default()
        };
        picker.narrow("rus".into(), Gazetteer::builtin());
        let shown: Vec<String> = (picker.shown.iter())
            .map(|&i| picker.options[i].label().1)
            .collect();
        assert_eq!(shown, ["Russia", "Rustam Ali", "Ivan Rusakov", "Belarus"]);
    }
}
