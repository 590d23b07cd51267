//! The claims vs denials pane: one section per party with its claims on the left and, on
//! the same row, the denial that answers each claim (whichever party made it) on the right.

use crate::briefing::Briefing;
use crate::extract::{Extraction, Kind};
use crate::tui::filter::Filter;
use crate::tui::state::{Pane, State};
use crate::tui::text::{draw_empty, draw_lines, fit, highlighted, one_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use regex::Regex;
use unicode_width::UnicodeWidthStr;

/// One row of the pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimsRow {
    /// A party's section header: the party on the left, the parties whose denials stand
    /// on the right.
    Section {
        /// The party whose claims follow (`None`: statements with no party).
        party: Option<String>,
        /// Parties of the denials on the right.
        deniers: Vec<String>,
    },
    /// A claim and a denial on one row (indices into the statements).
    Pair {
        /// The claim on the left.
        claim: Option<usize>,
        /// The denial on the right.
        denial: Option<usize>,
    },
}

/// The rows for an extraction under a filter. A denial goes beside the claim its
/// `counter` points to when that claim is shown; otherwise it stands in its own party's
/// section with the left side empty.
pub fn rows(x: &Extraction, filter: &Filter) -> Vec<ClaimsRow> {
    let st = &x.statements;
    let shown: Vec<bool> = st.iter().map(|s| filter.statement(s)).collect();
    let is_claim = |i: usize| shown[i] && st[i].kind == Kind::Claim;
    let answers = |d: usize| {
        shown[d]
            && st[d].kind == Kind::Denial
            && st[d].counter.is_some_and(|c| c < st.len() && is_claim(c))
    };
    let mut parties: Vec<Option<String>> = Vec::new();
    for i in 0..st.len() {
        if shown[i] && (is_claim(i) || !answers(i)) && !parties.contains(&st[i].party) {
            parties.push(st[i].party.clone());
        }
    }
    parties.sort_by_key(Option::is_none);
    let mut out = Vec::new();
    for party in parties {
        let claims: Vec<usize> = (0..st.len())
            .filter(|&i| is_claim(i) && st[i].party == party)
            .collect();
        let answering =
            |c: usize| (0..st.len()).filter(move |&d| answers(d) && st[d].counter == Some(c));
        let own: Vec<usize> = (0..st.len())
            .filter(|&d| {
                shown[d] && st[d].kind == Kind::Denial && !answers(d) && st[d].party == party
            })
            .collect();
        let mut deniers: Vec<String> = Vec::new();
        for d in claims
            .iter()
            .flat_map(|&c| answering(c))
            .chain(own.iter().copied())
        {
            let name = st[d].party.clone().unwrap_or_else(|| "no party".into());
            if !deniers.contains(&name) {
                deniers.push(name);
            }
        }
        out.push(ClaimsRow::Section { party, deniers });
        for &c in &claims {
            let mut ds = answering(c);
            out.push(ClaimsRow::Pair {
                claim: Some(c),
                denial: ds.next(),
            });
            out.extend(ds.map(|d| ClaimsRow::Pair {
                claim: None,
                denial: Some(d),
            }));
        }
        out.extend(own.into_iter().map(|d| ClaimsRow::Pair {
            claim: None,
            denial: Some(d),
        }));
    }
    out
}

/// The pair row nearest `from` going in `direction` (±1), turning back at the ends;
/// section headers are never selected.
pub fn nearest_pair(rows: &[ClaimsRow], from: usize, direction: isize) -> usize {
    let is_pair = |i: usize| matches!(rows.get(i), Some(ClaimsRow::Pair { .. }));
    let from = from.min(rows.len().saturating_sub(1));
    let forward = (from..rows.len()).find(|&i| is_pair(i));
    let backward = (0..=from).rev().find(|&i| is_pair(i));
    let found = if direction >= 0 {
        forward.or(backward)
    } else {
        backward.or(forward)
    };
    found.unwrap_or(0)
}

/// True when the search matches either statement of a row (text or actor) or a header.
pub fn row_matches(row: &ClaimsRow, b: &Briefing, x: &Extraction, re: &Regex) -> bool {
    match row {
        ClaimsRow::Section { party, deniers } => {
            party.as_deref().is_some_and(|p| re.is_match(p))
                || deniers.iter().any(|d| re.is_match(d))
        }
        ClaimsRow::Pair { claim, denial } => [claim, denial]
            .into_iter()
            .flatten()
            .any(|&i| re.is_match(&cell_text(b, x, i))),
    }
}

/// What a statement's cell says: the sentence, led by the speaker's last name when a
/// person (not the party itself) makes it, as in `Ryabkov: … denied …`.
fn cell_text(b: &Briefing, x: &Extraction, i: usize) -> String {
    let s = &x.statements[i];
    let text = one_line(s.span.of(&b.text));
    let person = s
        .actor
        .as_deref()
        .filter(|a| Some(*a) != s.party.as_deref());
    match person.and_then(|a| a.split_whitespace().last()) {
        Some(name) => format!("{}: {text}", one_line(name)),
        None => text,
    }
}

/// The statement Enter jumps to on the selected row: the chosen side, else the other.
pub fn selected_statement(state: &State) -> Option<usize> {
    match state.claim_rows.get(state.claims.selected)? {
        ClaimsRow::Pair { claim, denial } => {
            if state.denial_side {
                denial.or(*claim)
            } else {
                claim.or(*denial)
            }
        }
        ClaimsRow::Section { .. } => None,
    }
}

/// The chosen statement of the selected row in full, with its kind, actor and party, for
/// the foot of the pane.
pub fn selected_text(state: &State) -> Option<String> {
    let (b, x) = state.current()?;
    let s = &x.statements[selected_statement(state)?];
    let kind = match s.kind {
        Kind::Claim => "claim",
        Kind::Denial => "denial",
    };
    let mut who: Vec<&str> = [s.actor.as_deref(), s.party.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    who.dedup();
    Some(format!(
        "{kind} · {}: {}",
        one_line(&who.join(" · ")),
        one_line(s.span.of(&b.text))
    ))
}

/// Draws the pane's rows into `area` (inside the border).
pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let Some((b, x)) = state.current() else {
        return;
    };
    if state.claim_rows.is_empty() {
        let none = " no claims or denials found";
        return draw_empty(frame, area, t.dim, none, !x.statements.is_empty());
    }
    let width = usize::from(area.width);
    let left_width = width.saturating_sub(3) / 2;
    let right_width = width.saturating_sub(left_width + 3);
    let search = state.search.as_ref().filter(|s| s.pane == Pane::Claims);
    let regex = search.and_then(|s| s.regex.as_ref());
    let focused = state.focus == Pane::Claims;
    let lines: Vec<Line> = state
        .claim_rows
        .iter()
        .enumerate()
        .skip(state.claims.offset)
        .take(usize::from(area.height))
        .map(|(r, row)| match row {
            ClaimsRow::Section { party, deniers } => {
                let left = fit(
                    &one_line(party.as_deref().unwrap_or("no party")),
                    left_width,
                );
                let right = fit(&one_line(&deniers.join(", ")), right_width);
                let pad = left_width.saturating_sub(left.width());
                Line::from(vec![
                    Span::styled(left, t.claim.patch(t.headline)),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(" │ ", t.dim),
                    Span::styled(right, t.denial.patch(t.headline)),
                ])
            }
            ClaimsRow::Pair { claim, denial } => {
                let selected = focused && r == state.claims.selected;
                let cell = |i: &Option<usize>, w: usize, style: Style, chosen: bool| {
                    let text = i
                        .map(|i| fit(&format!(" {}", cell_text(b, x, i)), w))
                        .unwrap_or_default();
                    let pad = w.saturating_sub(text.width());
                    let style = if selected && chosen {
                        style.patch(t.selected)
                    } else {
                        style
                    };
                    let mut spans = highlighted(text, regex, style, t.hit);
                    spans.push(Span::raw(" ".repeat(pad)));
                    spans
                };
                let link = if claim.is_some() && denial.is_some() {
                    "◀─▶"
                } else {
                    " │ "
                };
                let mut spans = cell(
                    claim,
                    left_width,
                    t.claim,
                    !state.denial_side || denial.is_none(),
                );
                spans.push(Span::styled(link, t.dim));
                spans.extend(cell(
                    denial,
                    right_width,
                    t.denial,
                    state.denial_side || claim.is_none(),
                ));
                Line::from(spans)
            }
        })
        .collect();
    draw_lines(frame, area, lines);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Span;
    use crate::extract::Statement;

    fn statement(kind: Kind, party: &str, counter: Option<usize>) -> Statement {
        Statement {
            kind,
            actor: None,
            party: Some(party.into()),
            cue: None,
            span: Span::new(0, 1),
            paragraph: 0,
            counter,
        }
    }

    #[test]
    fn a_denial_sits_beside_the_claim_it_answers() {
        let x = Extraction {
            statements: vec![
                statement(Kind::Claim, "United States", None),
                statement(Kind::Denial, "Russia", Some(0)),
                statement(Kind::Denial, "Russia", Some(0)),
                statement(Kind::Denial, "Syria", None),
            ],
            ..Extraction::default()
        };
        let pair = |c, d| ClaimsRow::Pair {
            claim: c,
            denial: d,
        };
        assert_eq!(
            rows(&x, &Filter::default()),
            vec![
                ClaimsRow::Section {
                    party: Some("United States".into()),
                    deniers: vec!["Russia".into()]
                },
                pair(Some(0), Some(1)),
                pair(None, Some(2)),
                ClaimsRow::Section {
                    party: Some("Syria".into()),
                    deniers: vec!["Syria".into()]
                },
                pair(None, Some(3)),
            ]
        );
        let russia = Filter {
            party: Some("Russia".into()),
            ..Filter::default()
        };
        assert_eq!(
            rows(&x, &russia),
            vec![
                ClaimsRow::Section {
                    party: Some("Russia".into()),
                    deniers: vec!["Russia".into()]
                },
                pair(None, Some(1)),
                pair(None, Some(2)),
            ]
        );
    }
}
