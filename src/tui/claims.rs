//! The claims vs denials pane: one section per party with its claims on the left and, on
//! the same row, the denial that answers each claim (whichever party made it) on the right,
//! laid out by [`crate::table`] like the Markdown export.

use crate::briefing::Briefing;
use crate::extract::{Extraction, Kind};
use crate::table::{self, Placed, Row};
use crate::tui::filter::Filter;
use crate::tui::state::{Pane, State};
use crate::tui::text::{
    DETAIL_CHARS, draw_empty, draw_lines, fit, highlighted, one_line, one_line_within, wrap_cut,
    wrapped_height,
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use regex::Regex;
use unicode_width::UnicodeWidthStr;

/// The rows for an extraction under a filter: the shared claims-vs-denials layout.
pub fn rows(x: &Extraction, filter: &Filter) -> Vec<Row> {
    let placed: Vec<Placed> = x
        .statements
        .iter()
        .map(|s| Placed::new(s.kind, s.party.as_deref(), s.counter))
        .collect();
    table::layout(&placed, |i| filter.statement(&x.statements[i]))
}

/// The pair row nearest `from` going in `direction` (±1), turning back at the ends;
/// section headers are never selected.
pub fn nearest_pair(rows: &[Row], from: usize, direction: isize) -> usize {
    let is_pair = |i: usize| matches!(rows.get(i), Some(Row::Pair { .. }));
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
pub fn row_matches(row: &Row, b: &Briefing, x: &Extraction, re: &Regex) -> bool {
    match row {
        Row::Section { party, deniers } => {
            party.as_deref().is_some_and(|p| re.is_match(p))
                || deniers.iter().any(|d| re.is_match(d))
        }
        Row::Pair { claim, denial } => [claim, denial]
            .into_iter()
            .flatten()
            .any(|&i| re.is_match(&cell_text(b, x, i, usize::MAX))),
    }
}

/// Words that make an actor an organisation, a newsroom or a thing, not a person ("Syrian
/// Observatory", "ABC News", "Human Rights Watch" keep their whole name).
const ORG_NOUNS: &[&str] = &[
    "agency",
    "army",
    "assembly",
    "authorities",
    "authority",
    "brigade",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "channel",
    "coalition",
    "command",
    "commission",
    "committee",
    "company",
    "corporation",
    "corps",
    "council",
    "court",
    "department",
    "embassy",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "government",
    "group",
    "guard",
    "house",
    "institute",
    "kremlin",
    "military",
    "ministry",
    "movement",
    "nations",
    "navy",
    "network",
    "news",
    "observatory",
    "office",
    "officials",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "radio",
    "service",
    "state",
    "television",
    "times",
    "union",
    "university",
    "watch",
];

/// The widest an actor's label gets before it is cut with `…`.
const ACTOR_LABEL_COLUMNS: usize = 24;

/// How a statement's actor leads its cell: a person (two or more capitalised words, none of
/// them an organisation's noun, as in `Sergei Ryabkov`) by the surname; anyone else
/// (`Nigeria's military`, `Foreign Ministry`, `a statement`) as given, cut to a label's width.
pub fn actor_label(actor: &str) -> String {
    let words: Vec<&str> = actor.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let org = |w: &&str| {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        ORG_NOUNS.contains(&bare.as_str())
    };
    match words.last() {
        Some(surname)
            if words.len() >= 2 && words.iter().all(capitalised) && !words.iter().any(org) =>
        {
            one_line(surname)
        }
        _ => fit(&one_line(actor), ACTOR_LABEL_COLUMNS),
    }
}

/// True when `text` opens with `name` as whole words, in any case and after an optional
/// "the" (`The separatists blamed …` opens with `separatists`).
fn opens_with(text: &str, name: &str) -> bool {
    let text = text.trim_start();
    let after_the = text
        .get(..4)
        .filter(|the| the.eq_ignore_ascii_case("the "))
        .map(|_| &text[4..]);
    [Some(text), after_the].into_iter().flatten().any(|t| {
        t.get(..name.len())
            .is_some_and(|head| !name.is_empty() && head.eq_ignore_ascii_case(name))
            && !t[name.len()..].starts_with(char::is_alphanumeric)
    })
}

/// What a statement's cell says: the sentence, led by its actor's label when the actor is
/// not the party itself and the sentence does not open with the actor already (`Russia's
/// Foreign Ministry rejected …` needs no `Russia's Foreign Ministry:` before it), as in
/// `Ryabkov: … denied …`; at most `room` characters of the sentence (a cell `w` columns
/// wide and `h` rows high shows fewer than `w * (h + 1)`).
fn cell_text(b: &Briefing, x: &Extraction, i: usize, room: usize) -> String {
    let s = &x.statements[i];
    let said = s.span.of(&b.text);
    let text = one_line_within(said, room);
    // Asked of the whole sentence: a long name ("Monitors from the Organization for
    // Security and Co-operation in Europe") may run past what the cell shows of it.
    let label = s
        .actor
        .as_deref()
        .filter(|a| Some(*a) != s.party.as_deref())
        .map(|a| (a, actor_label(a)))
        .filter(|(a, label)| !opens_with(said, a) && !opens_with(said, label));
    match label {
        Some((_, label)) => format!("{label}: {text}"),
        None => text,
    }
}

/// The row showing statement `i`, and whether it is on the denial side.
pub fn row_of(rows: &[Row], i: usize) -> Option<(usize, bool)> {
    rows.iter().enumerate().find_map(|(r, row)| match row {
        Row::Pair { claim, .. } if *claim == Some(i) => Some((r, false)),
        Row::Pair { denial, .. } if *denial == Some(i) => Some((r, true)),
        _ => None,
    })
}

/// The widths of the claim and the denial columns in a pane `width` columns wide (a
/// three-column link between them). A table with no denial (most briefings of an archive)
/// gives its claims the whole width rather than leave half the pane empty; the denial
/// column is then 0 wide and the link is not drawn.
fn columns(rows: &[Row], width: usize) -> (usize, usize) {
    let denials = rows.iter().any(|r| {
        matches!(
            r,
            Row::Pair {
                denial: Some(_),
                ..
            }
        )
    });
    if !denials {
        return (width, 0);
    }
    let left = width.saturating_sub(3) / 2;
    (left, width.saturating_sub(left + 3))
}

/// Rows each table row takes in a pane `width` x `rows`: a header one; a pair as many as
/// its longer side needs, as far as the room allows. Room is shared out the max-min fair
/// way: pairs that need less than an equal share take only what they need, and the rest is
/// shared among the longer ones (one row each when the pane is crowded).
pub fn heights(state: &State, width: usize, rows: usize) -> Vec<usize> {
    let pairs = state
        .claim_rows
        .iter()
        .filter(|r| matches!(r, Row::Pair { .. }))
        .count();
    let headers = state.claim_rows.len() - pairs;
    let room = rows.saturating_sub(headers);
    let (left, right) = columns(&state.claim_rows, width);
    let current = state.current().filter(|_| room > pairs);
    let needs: Vec<usize> = state
        .claim_rows
        .iter()
        .map(|row| match (row, current) {
            (Row::Pair { claim, denial }, Some((b, x))) => {
                let need = |i: &Option<usize>, w: usize| {
                    i.map_or(1, |i| {
                        let room = w.saturating_mul(rows.saturating_add(1));
                        wrapped_height(&cell_text(b, x, i, room), w.saturating_sub(1))
                    })
                };
                need(claim, left).max(need(denial, right))
            }
            _ => 1,
        })
        .collect();
    let mut pair_needs: Vec<usize> = state
        .claim_rows
        .iter()
        .zip(&needs)
        .filter(|(row, _)| matches!(row, Row::Pair { .. }))
        .map(|(_, &need)| need)
        .collect();
    pair_needs.sort_unstable();
    let (mut left_over, mut sharing, mut cap) = (room, pairs, usize::MAX);
    for need in pair_needs {
        let share = left_over / sharing;
        if need > share {
            cap = share.max(1);
            break;
        }
        left_over -= need;
        sharing -= 1;
    }
    let mut heights: Vec<usize> = needs.iter().map(|&need| need.min(cap)).collect();
    // What an equal share leaves over (it is rounded down) goes a row at a time to the
    // pairs still cut short, from the top.
    let mut spare = room.saturating_sub(heights.iter().sum::<usize>() - headers);
    while spare > 0 {
        let before = spare;
        for (height, &need) in heights.iter_mut().zip(&needs) {
            if spare > 0 && *height < need {
                *height += 1;
                spare -= 1;
            }
        }
        if spare == before {
            break;
        }
    }
    heights
}

/// The statement Enter jumps to on the selected row: the chosen side, else the other.
pub fn selected_statement(state: &State) -> Option<usize> {
    match state.claim_rows.get(state.claims.selected)? {
        Row::Pair { claim, denial } => {
            if state.denial_side {
                denial.or(*claim)
            } else {
                claim.or(*denial)
            }
        }
        Row::Section { .. } => None,
    }
}

/// The chosen statement of the selected row in full, with its kind, actor and party (those
/// known), and for a denial the claim it answers, for the foot of the pane.
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
    // A statement nobody is known to have made is just its kind, as its row shows no actor.
    let who = if who.is_empty() {
        String::new()
    } else {
        format!(" · {}", one_line(&who.join(" · ")))
    };
    let mut text = format!(
        "{kind}{who}: {}",
        one_line_within(s.span.of(&b.text), DETAIL_CHARS)
    );
    // The claim a denial answers, on a line of its own cut to the footer's width (the
    // footer wraps one column in from the pane's edge), as the dossier shows it.
    if let Some(c) = s.counter.and_then(|c| x.statements.get(c)) {
        let width = usize::from(state.inner(Pane::Claims).width.saturating_sub(1));
        let by = c
            .actor
            .as_deref()
            .map_or_else(String::new, |a| format!("{}: ", one_line(a)));
        let said = one_line_within(c.span.of(&b.text), width);
        text.push_str(&format!(
            "\n{}",
            fit(&format!("↳ answers {by}{said}"), width)
        ));
    }
    Some(text)
}

/// Draws the pane's rows into `area` (inside the border).
pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let Some((b, x)) = state.current() else {
        return;
    };
    if state.claim_rows.is_empty() {
        let none = " no claims or denials found";
        let hidden_by = (!x.statements.is_empty()).then_some("the filter");
        return draw_empty(frame, area, t.dim, none, hidden_by);
    }
    let (left_width, right_width) = columns(&state.claim_rows, usize::from(area.width));
    let heights = heights(state, usize::from(area.width), usize::from(area.height));
    let search = state.search.as_ref().filter(|s| s.pane == Pane::Claims);
    let regex = search.and_then(|s| s.regex.as_ref());
    let focused = state.focus == Pane::Claims;
    let mut lines: Vec<Line> = Vec::with_capacity(usize::from(area.height));
    for (r, row) in state
        .claim_rows
        .iter()
        .enumerate()
        .skip(state.claims.offset)
    {
        if lines.len() >= usize::from(area.height) {
            break;
        }
        match row {
            Row::Section { party, deniers } => {
                let left = fit(
                    &one_line(party.as_deref().unwrap_or("no party")),
                    left_width,
                );
                let right = fit(&one_line(&deniers.join(", ")), right_width);
                let pad = left_width.saturating_sub(left.width());
                let mut spans = vec![Span::styled(left, t.claim.patch(t.headline))];
                if right_width > 0 {
                    spans.extend([
                        Span::raw(" ".repeat(pad)),
                        Span::styled(" │ ", t.dim),
                        Span::styled(right, t.denial.patch(t.headline)),
                    ]);
                }
                lines.push(Line::from(spans));
            }
            Row::Pair { claim, denial } => {
                let selected = focused && r == state.claims.selected;
                let height = heights[r];
                let side = |i: &Option<usize>, w: usize, style: Style, chosen: bool| {
                    let style = if selected && chosen {
                        style.patch(t.selected)
                    } else {
                        style
                    };
                    let text = i.map_or(Vec::new(), |i| {
                        let room = w.saturating_mul(height + 1);
                        wrap_cut(&cell_text(b, x, i, room), w.saturating_sub(1), height)
                    });
                    (0..height)
                        .map(|k| {
                            let piece = text.get(k).map_or(String::new(), |p| format!(" {p}"));
                            let pad = w.saturating_sub(piece.width());
                            let mut spans = highlighted(piece, regex, style, t.hit);
                            spans.push(Span::raw(" ".repeat(pad)));
                            spans
                        })
                        .collect::<Vec<_>>()
                };
                let left = side(
                    claim,
                    left_width,
                    t.claim,
                    !state.denial_side || denial.is_none(),
                );
                let right = side(
                    denial,
                    right_width,
                    t.denial,
                    state.denial_side || claim.is_none(),
                );
                for (k, (mut spans, right)) in left.into_iter().zip(right).enumerate() {
                    if right_width > 0 {
                        let link = if k == 0 && claim.is_some() && denial.is_some() {
                            "◀─▶"
                        } else {
                            " │ "
                        };
                        spans.push(Span::styled(link, t.dim));
                        spans.extend(right);
                    }
                    lines.push(Line::from(spans));
                }
            }
        }
    }
    draw_lines(frame, area, lines);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_go_by_surname_and_organisations_in_full() {
        assert_eq!(actor_label("Sergei Ryabkov"), "Ryabkov");
        assert_eq!(actor_label("Joseph Dunford"), "Dunford");
        assert_eq!(actor_label("Nigeria's military"), "Nigeria's military");
        assert_eq!(actor_label("Foreign Ministry"), "Foreign Ministry");
        assert_eq!(actor_label("a statement"), "a statement");
        assert_eq!(actor_label("Kremlin"), "Kremlin");
        for body in ["Syrian Observatory", "ABC News", "Human Rights Watch"] {
            assert_eq!(actor_label(body), body);
        }
        assert_eq!(
            actor_label("the Syrian Arab Army's general command"),
            "the Syrian Arab Army's …"
        );
    }

    #[test]
    fn a_long_name_the_cell_cuts_short_is_still_not_repeated() {
        let monitors = "Monitors from the Organization for Security and Co-operation in Europe";
        let text = format!("Shelling\n\n{monitors} said they could not reach the area.\n");
        let b = Briefing::from_text(std::path::Path::new("m.txt"), text, vec![]).unwrap();
        let start = b.text.find("Monitors").unwrap();
        let x = Extraction {
            statements: vec![crate::extract::Statement {
                kind: Kind::Claim,
                actor: Some(monitors.into()),
                party: None,
                cue: None,
                span: crate::briefing::Span::new(start, b.text.trim_end().len()),
                paragraph: 0,
                counter: None,
            }],
            ..Extraction::default()
        };
        // A crowded 34-column cell (at 120x35) shows 68 characters of the sentence.
        let cell = cell_text(&b, &x, 0, 68);
        assert!(cell.starts_with("Monitors from the Organization"), "{cell}");
    }

    #[test]
    fn a_sentence_opens_with_a_name_as_whole_words_in_any_case() {
        assert!(opens_with("The separatists blamed Kiev.", "separatists"));
        assert!(opens_with(
            "Russia's Foreign Ministry rejected it.",
            "Russia's Foreign Ministry"
        ));
        assert!(opens_with("Dunford said so.", "Dunford"));
        assert!(!opens_with("Dunfordshire said so.", "Dunford"));
        assert!(!opens_with("Two aircraft, Dunford said.", "Dunford"));
        assert!(!opens_with("The", "The ministry"));
        assert!(!opens_with("Anything at all.", ""));
    }
}
