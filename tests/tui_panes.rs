//! Every pane of the reader on the seed briefing, drawn to a `TestBackend` at 120x40 and
//! at 80x24 (where the side panes become tabs under the article), plus the sizes, widths
//! and hostile text that must never break the screen, and a sample of the corpus.

#[path = "support/corpus.rs"]
mod corpus;
mod tui_common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use sitrep::config::Config;
use sitrep::tui::action::Action;
use sitrep::tui::draw;
use sitrep::tui::state::State;
use sitrep::tui::update::update;
use std::path::{Path, PathBuf};
use tui_common::{briefing_file, reader, screen, seed_reader, status_bar, type_keys};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// The keys that bring each pane (or overlay) into view from the start.
const VIEWS: [(&str, &str); 6] = [
    ("briefings", "<s-tab>"),
    ("article", ""),
    ("quotes", "<tab>"),
    ("claims", "<tab><tab>"),
    ("help", "?"),
    ("filter", "f"),
];

#[test]
fn every_pane_on_the_seed() {
    for (width, height) in SIZES {
        for (name, keys) in VIEWS {
            let mut state = seed_reader(width, height);
            type_keys(&mut state, keys);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&state));
        }
    }
}

#[test]
fn the_seed_shows_who_said_what_and_who_denies_it() {
    let mut state = seed_reader(120, 40);
    let shown = screen(&state);
    for expected in [
        "Joseph Dunford · United States",
        "Sergei Ryabkov · Russia",
        "“not functional”",
    ] {
        assert!(shown.contains(expected), "{expected} missing:\n{shown}");
    }
    // Russia's denial stands on the row of Dunford's claim that Russia carried out the raid.
    let row = shown
        .lines()
        .find(|l| l.contains("Russia has denied"))
        .expect("Russia's denial is listed");
    assert!(row.contains("Dunford: When asked if he"), "{row}");
    assert!(row.contains("◀─▶"), "{row}");
    // At 80x24 the claims pane is a tab away, not lost.
    state = seed_reader(80, 24);
    type_keys(&mut state, "<tab><tab>");
    assert!(screen(&state).contains("◀─▶"));
}

#[test]
fn tiny_terminals_draw_what_fits_and_never_panic() {
    for (width, height) in [(1, 1), (20, 5), (0, 0), (3, 30), (200, 2)] {
        let mut state = seed_reader(width, height);
        for keys in [
            "",
            "<tab>",
            "<tab><enter>",
            "?",
            "<esc>f<down><enter><esc>",
            "/Rya",
            "<enter>nN",
            "G",
            "<s-tab>g",
        ] {
            type_keys(&mut state, keys);
            screen(&state);
        }
        update(
            &mut state,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        update(&mut state, Action::Resize { width, height });
        screen(&state);
    }
}

/// The labels of `shown` (box titles and tab strips, the dossier's entry headers) that run
/// into the right border (the last cell inside it is not blank): such a label was cut, and
/// a cut label must end in `…`.
fn cut_without_ellipsis(shown: &str) -> Vec<String> {
    shown
        .lines()
        .filter(|l| {
            l.starts_with('┌')
                || l.starts_with("│▶ ")
                || l.starts_with("│  claim · ")
                || l.starts_with("│  denial · ")
        })
        .filter(|l| {
            let cells: Vec<char> = l.chars().collect();
            let n = cells.len();
            n >= 3
                && matches!(cells[n - 1], '│' | '┐' | '┘')
                && !matches!(cells[n - 2], ' ' | '─' | '…' | '│' | '┐' | '┘' | '┌' | '└')
                && !(cells[n - 2].is_ascii_punctuation())
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn cut_labels_end_in_an_ellipsis_at_narrow_widths() {
    // The filter picker, the dossier at 40 to 60 columns and the tab strip at 40.
    for (width, height, keys) in [
        (40, 20, "f"),
        (40, 20, "p<enter>"),
        (50, 20, "p<enter>"),
        (60, 20, "p<enter>"),
        (40, 12, ""),
    ] {
        let mut state = seed_reader(width, height);
        type_keys(&mut state, keys);
        let shown = screen(&state);
        let cut = cut_without_ellipsis(&shown);
        assert!(
            cut.is_empty(),
            "{width}x{height} after {keys:?}: cut without …: {cut:#?}\n{shown}"
        );
    }
    let mut state = seed_reader(40, 20);
    type_keys(&mut state, "f");
    assert!(
        screen(&state).contains("Enter sets/clears ·…"),
        "{}",
        screen(&state)
    );
    // A long label in the picker is cut with … too.
    let dir = tempfile::tempdir().unwrap();
    let long = tui_common::briefing_file(
        &dir,
        "long.md",
        "+++\ntitle = \"Long tags\"\ntags = [\"a tag far too long to fit in the filter picker at all\"]\n+++\nTalks resumed, an envoy said.\n",
    );
    let mut state = tui_common::reader(&[&long], 60, 20);
    type_keys(&mut state, "f");
    let shown = screen(&state);
    assert!(
        shown
            .lines()
            .any(|l| l.contains("tag     a tag far") && l.contains('…')),
        "{shown}"
    );
}

#[test]
fn a_tiny_terminal_shows_no_nonsense_line_range() {
    for (width, height) in [(20, 5), (30, 6), (12, 4)] {
        let state = seed_reader(width, height);
        let shown = screen(&state);
        assert!(!shown.contains("1-0/"), "{width}x{height}:\n{shown}");
    }
}

/// On a narrow terminal the status bar keeps the hints that fit, the help key first, rather
/// than dropping them all: at 60 columns a newcomer still sees how to get every key.
#[test]
fn narrow_status_bars_keep_the_help_hint() {
    for (width, height) in [(60, 20), (50, 12)] {
        let status = status_bar(&seed_reader(width, height));
        assert!(status.contains("? help"), "{width}x{height}: {status:?}");
    }
    let status = status_bar(&seed_reader(80, 24));
    assert!(status.ends_with("q quit "), "{status:?}");
}

/// Draws with colours on or off and returns the buffer./// Draws with colours on or off and returns the buffer.
fn buffer(no_color: bool) -> ratatui::buffer::Buffer {
    let library = tui_common::library(&[tui_common::SEED]);
    let mut state = State::new(library, Config::builtin().unwrap(), no_color, 120, 40);
    type_keys(&mut state, "<tab>/Dunford<enter>");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| draw(f, &state)).unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn no_color_drops_colours_but_keeps_bold_and_reverse() {
    let coloured = buffer(false);
    let plain = buffer(true);
    assert!(coloured.content.iter().any(|c| c.fg != Color::Reset));
    assert!(
        plain
            .content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    for modifier in [Modifier::BOLD, Modifier::REVERSED, Modifier::ITALIC] {
        assert!(
            plain.content.iter().any(|c| c.modifier.contains(modifier)),
            "{modifier:?} lost without colour"
        );
    }
}

#[test]
fn wide_characters_and_hostile_text_keep_the_grid() {
    let dir = tempfile::tempdir().unwrap();
    let path = briefing_file(
        &dir,
        "wide.txt",
        "标题：联合国车队遇袭 🚨\n\n\
         \"我们没有这样做,\" 发言人 said. 俄罗斯否认了这一说法，称其为“不实指控”。🙂🙂 \
         \x1b]52;c;ZXZpbA==\x07 \x1b[2J\x1b[31mred\u{202e}txet\n",
    );
    for (width, height) in SIZES {
        let state = reader(&[&path], width, height);
        let shown = screen(&state);
        assert!(!shown.contains('\x1b') && !shown.contains('\x07') && !shown.contains('\u{202e}'));
        assert!(
            shown.contains("^[") && shown.contains("<U+202E>"),
            "{shown}"
        );
        assert!(shown.contains("标题"));
        for line in shown.lines() {
            assert_eq!(
                unicode_width::UnicodeWidthStr::width(line),
                usize::from(width),
                "misaligned row: {line}"
            );
        }
    }
}

/// Articles of the corpus (every 16th, to keep the suite fast) open and draw at 80x24 and
/// 200x60 without a panic and with no control character on screen. Reads `$SITREP_CORPUS`;
/// without it the test prints a note and passes, with it set to a missing folder it fails.
#[test]
fn corpus_articles_draw() {
    let Some(corpus) = corpus::dir() else { return };
    let paths: Vec<PathBuf> = ["fnc1", "polnear-train"]
        .iter()
        .map(|d| corpus.join(d))
        .collect();
    assert!(
        paths.iter().all(|p| Path::is_dir(p)),
        "the corpus lacks fnc1 or polnear-train"
    );
    let (files, _) = sitrep::briefing::collect_paths(&paths);
    let sample: Vec<String> = files
        .into_iter()
        .step_by(16)
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let sample: Vec<&str> = sample.iter().map(String::as_str).collect();
    let library = tui_common::library(&sample);
    let count = library.len();
    let mut state = State::new(library, Config::builtin().unwrap(), true, 80, 24);
    for i in 0..count {
        if i % 2 == 1 {
            update(
                &mut state,
                Action::Resize {
                    width: 200,
                    height: 60,
                },
            );
        }
        update(&mut state, Action::Bottom);
        let shown = screen(&state);
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "briefing {i}"
        );
        update(
            &mut state,
            Action::Resize {
                width: 80,
                height: 24,
            },
        );
        update(&mut state, Action::NextBriefing);
    }
    assert_eq!(state.list.selected + 1, count);
}

/// The buffer of a drawn reader.
fn drawn(state: &State) -> ratatui::buffer::Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(state.size.width, state.size.height)).unwrap();
    terminal.draw(|f| draw(f, state)).unwrap();
    terminal.backend().buffer().clone()
}

/// The modifiers of the first cell of `needle` on screen.
fn modifier_at(state: &State, needle: &str) -> Modifier {
    let shown = screen(state);
    let (row, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not on screen:\n{shown}"));
    let column = line[..line.find(needle).unwrap()].chars().count();
    drawn(state)[(column as u16, row as u16)].modifier
}

#[test]
fn filtered_out_speaker_tags_are_dimmed_like_their_quotes() {
    let mut state = seed_reader(120, 40);
    assert!(modifier_at(&state, "‹Joseph").contains(Modifier::BOLD));
    type_keys(&mut state, "frussia<enter><esc>");
    assert_eq!(state.filter.party.as_deref(), Some("Russia"));
    let tag = modifier_at(&state, "‹Joseph");
    assert!(
        !tag.contains(Modifier::BOLD),
        "Dunford's tag still stands out: {tag:?}"
    );
}

#[test]
fn load_warnings_show_in_the_list_and_on_top_of_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let latin = dir.path().join("latin.txt");
    std::fs::write(
        &latin,
        b"Talks resume\n\nThe envoy\x92s team arrived, officials said.\n",
    )
    .unwrap();
    let bare = briefing_file(&dir, "bare.txt", "Only a headline\n");
    let latin = latin.to_string_lossy().into_owned();
    let state = reader(&[&latin], 120, 40);
    let shown = screen(&state);
    assert!(shown.contains("⚠ Talks resume"), "{shown}");
    let article = tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Article));
    assert!(article[0].contains("⚠ not valid UTF-8"), "{article:?}");
    assert!(
        article.iter().any(|l| l.contains("read as Windows-1252")),
        "{article:?}"
    );
    assert!(
        article.iter().any(|l| l.contains("envoy’s team")),
        "{article:?}"
    );
    let state = reader(&[&bare], 120, 40);
    assert!(screen(&state).contains("⚠ Only a headline"));
    let article = tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Article));
    assert!(
        article[0].contains("⚠ no article body after the headline"),
        "{article:?}"
    );
}

#[test]
fn an_unreadable_file_is_listed_by_its_name() {
    // In a folder opened by its whole path the list showed "✗ /tmp/…/archive/2016-…" cut
    // before the file's name; the article pane still names the whole path.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("archive").join("september");
    std::fs::create_dir_all(&folder).unwrap();
    let broken = folder.join("broken-front-matter.md");
    std::fs::write(&broken, "+++\ntitle = \"Unclosed\n+++\nBody.\n").unwrap();
    let state = reader(&[&broken.to_string_lossy()], 120, 40);
    let list = tui_common::region(&state, state.inner(sitrep::tui::state::Pane::List));
    assert!(
        list[0].contains("✗ broken-front-matter.md"),
        "{}",
        list.join("\n")
    );
    assert!(list[1].contains("front matter"), "{}", list.join("\n"));
    let article = tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Article));
    assert!(
        article.iter().any(|l| l.contains("broken-front-matter.md")),
        "{article:?}"
    );
}

#[test]
fn wide_terminals_wrap_quotes_and_claims_and_keep_article_lines_readable() {
    let state = seed_reader(200, 60);
    let quotes = tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Quotes));
    assert!(
        quotes.iter().all(|l| !l.trim_end().ends_with('…')),
        "a quote is cut while the pane has room:\n{}",
        quotes.join("\n")
    );
    let claims =
        tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Claims)).join("\n");
    assert!(
        claims.contains("top general"),
        "claims stay one line:\n{claims}"
    );
    let article = tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Article));
    let longest = article
        .iter()
        .map(|l| unicode_width::UnicodeWidthStr::width(l.trim()))
        .max()
        .unwrap();
    assert!(longest <= 100, "article lines run {longest} columns");
}

/// A reader `width` x `height` on one briefing of `text` whose only statement is the one
/// given (from `start` to the end of the text), whatever the extraction makes of it, with
/// the claims pane focused.
fn one_statement_reader(
    text: &str,
    kind: sitrep::extract::Kind,
    actor: &str,
    party: &str,
    start: &str,
    (width, height): (u16, u16),
) -> State {
    let dir = tempfile::tempdir().unwrap();
    let path = briefing_file(&dir, "one.txt", text);
    let mut state = reader(&[&path], width, height);
    let opened = state.open.as_mut().expect("the briefing is open");
    let sitrep::library::Entry::Ok(b, x) = &mut opened.entry else {
        panic!("the briefing reads")
    };
    let start = b.text.find(start).unwrap();
    x.statements = vec![sitrep::extract::Statement {
        kind,
        actor: Some(actor.into()),
        party: Some(party.into()),
        cue: None,
        span: sitrep::briefing::Span::new(start, b.text.trim_end().len()),
        paragraph: 0,
        counter: None,
    }];
    state.rebuild_document();
    state.refresh_rows();
    type_keys(&mut state, "<tab><tab>");
    state
}

#[test]
fn organisations_keep_their_whole_name_in_the_claims_pane() {
    let state = one_statement_reader(
        "Raid in Borno\n\nSoldiers never fired on civilians, Nigeria's military said.\n",
        sitrep::extract::Kind::Denial,
        "Nigeria's military",
        "Nigeria",
        "Soldiers",
        (120, 40),
    );
    let claims =
        tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Claims)).join("\n");
    assert!(claims.contains("Nigeria's military: Soldiers"), "{claims}");
    assert!(
        !claims.contains("│  military:"),
        "labelled by its last word:\n{claims}"
    );
}

#[test]
fn a_statement_that_opens_with_its_actor_is_not_labelled_twice() {
    // "Nigeria's military: Nigeria's military denied …" spent a third of a 120x40 cell on
    // words the sentence says itself.
    let state = one_statement_reader(
        "Raid in Borno\n\nNigeria's military denied that soldiers fired on civilians.\n",
        sitrep::extract::Kind::Denial,
        "Nigeria's military",
        "Nigeria",
        "Nigeria's",
        (120, 40),
    );
    let claims =
        tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Claims)).join("\n");
    assert!(claims.contains("  Nigeria's military denied"), "{claims}");
    assert!(!claims.contains("military: Nigeria's"), "{claims}");
}

#[test]
fn claims_take_the_whole_pane_when_the_briefing_has_no_denial() {
    // At 120x35 the claims pane is some 70 columns wide; with no denial to show, a claim
    // no longer stops at the middle of the pane beside an empty denial column.
    let state = one_statement_reader(
        "Convoy struck\n\nThe convoy was struck by two aircraft that flew in low from the \
         north before dawn on Monday, the ministry said.\n",
        sitrep::extract::Kind::Claim,
        "the ministry",
        "Syria",
        "The convoy",
        (120, 35),
    );
    let claims = tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Claims));
    let rows = claims.join("\n");
    assert!(
        claims[1].contains("struck by two aircraft that flew in"),
        "the claim stops at the middle of the pane:\n{rows}"
    );
    assert!(!rows.contains(" │ "), "an empty denial column:\n{rows}");
}

#[test]
fn a_long_speaker_tag_wraps_between_its_words_and_leaves_the_quote_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let speaker = "International Centre for the Study of Radicalisation at King's College";
    let file = briefing_file(
        &dir,
        "long.md",
        &format!(
            "+++\ntitle = \"Foreign fighters leave Syria\"\n\n[[quote]]\ntext = \"The flow of \
             foreign fighters into Syria has slowed to a trickle since the spring, and many of \
             those who went are now trying to come home\"\nspeaker = \"{speaker}\"\n+++\n\n\
             Researchers who track recruitment online said the picture had changed. “The flow \
             of foreign fighters into Syria has slowed to a trickle since the spring, and many \
             of those who went are now trying to come home,” a report said on Tuesday, adding \
             that governments were unprepared.\n"
        ),
    );
    for width in [100, 90, 110, 120] {
        let state = reader(&[&file], width, 30);
        let lines: Vec<String> =
            tui_common::region(&state, state.inner(sitrep::tui::state::Pane::Article))
                .into_iter()
                .map(|l| l.replace('\u{a0}', " ").trim().to_string())
                .collect();
        let shown = lines.join("\n");
        // The quote wraps as the words around it do: its last word is not pushed down
        // with the tag, and no word of the tag is cut at the edge.
        let end = lines
            .iter()
            .position(|l| l.contains("home,”"))
            .unwrap_or_else(|| panic!("{shown}"));
        let before = lines[end - 1].chars().count();
        assert!(
            before + " home,”‹International".chars().count() > usize::from(state.article_width()),
            "the line before the quote's end had room for it at {width} columns:\n{shown}"
        );
        assert!(
            lines
                .join(" ")
                .contains(&format!("home,”‹{speaker}› a report")),
            "tag cut inside a word at {width} columns:\n{shown}"
        );
    }
}
