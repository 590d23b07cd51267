//! Key sequences through the real key map and `update`, checked on what the screen shows.

mod tui_common;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use sitrep::tui::action::Action;
use sitrep::tui::state::{Hits, Pane};
use sitrep::tui::to_action;
use sitrep::tui::update::update;
use tui_common::{briefing_file, reader, screen, seed_reader, status_bar, type_keys};

const ATROCITY: &str = "It was an unacceptable atrocity senator";

#[test]
fn enter_on_a_quote_brings_its_paragraph_on_screen() {
    let mut state = seed_reader(80, 24);
    assert!(
        !screen(&state).contains(ATROCITY),
        "already on screen at the start"
    );
    type_keys(&mut state, "<tab>");
    assert_eq!(state.focus, Pane::Quotes);
    let (b, x) = state.current().unwrap();
    let row = state
        .quote_rows
        .iter()
        .position(|&q| x.quotes[q].span.of(&b.text).starts_with(ATROCITY))
        .expect("the atrocity quote is listed");
    for _ in 0..row {
        type_keys(&mut state, "j");
    }
    type_keys(&mut state, "<enter>");
    let shown = screen(&state);
    let article: Vec<&str> = shown.lines().take(13).collect();
    assert!(
        article.iter().any(|l| l.contains(ATROCITY)),
        "paragraph not in the article:\n{shown}"
    );
    let mark = state.mark.clone().expect("the quote is marked");
    assert!(state.doc.text[mark].starts_with(ATROCITY));
}

#[test]
fn search_then_n_lands_on_the_next_hit() {
    let mut state = seed_reader(80, 24);
    type_keys(&mut state, "/Moscow<enter>");
    let search = state.search.clone().expect("a search");
    let Hits::Article(hits) = &search.hits else {
        panic!("an article search")
    };
    assert!(hits.len() >= 2, "Moscow is named more than once: {hits:?}");
    assert_eq!(search.current, Some(0));
    assert!(screen(&state).contains("/Moscow 1/"));
    type_keys(&mut state, "n");
    assert_eq!(state.search.as_ref().unwrap().current, Some(1));
    let second = &hits[1];
    let lines = state.article_lines();
    let top = state.article_top;
    let visible = &lines[top..(top + 11).min(lines.len())];
    assert!(
        visible
            .iter()
            .any(|l| l.range.start <= second.start && second.end <= l.range.end),
        "the second hit is not on screen"
    );
    assert!(screen(&state).contains("/Moscow 2/"));
    type_keys(&mut state, "N");
    assert_eq!(state.search.as_ref().unwrap().current, Some(0));
    // Smart case: lower case finds any case; Esc clears.
    type_keys(&mut state, "/moscow");
    assert_eq!(state.search.as_ref().unwrap().hits.len(), hits.len());
    type_keys(&mut state, "<enter><esc>");
    assert!(state.search.is_none());
    // Esc while typing goes back to where the search started.
    type_keys(&mut state, "g/Ryabkov");
    assert!(state.article_top > 0);
    type_keys(&mut state, "<esc>");
    assert_eq!(state.article_top, 0);
}

#[test]
fn filter_party_russia_leaves_only_russias_statements_and_quotes() {
    let mut state = seed_reader(120, 40);
    type_keys(&mut state, "fruss");
    let picker = state.picker.clone().unwrap();
    assert_eq!(
        picker.selected(),
        Some(&sitrep::tui::filter::FilterOption::Party("Russia".into())),
        "typing narrows the picker to Russia"
    );
    type_keys(&mut state, "<enter><esc>");
    assert_eq!(state.filter.party.as_deref(), Some("Russia"));
    let (_, x) = state.current().unwrap();
    assert!(!state.quote_rows.is_empty());
    assert!(
        state
            .quote_rows
            .iter()
            .all(|&q| x.quotes[q].party.as_deref() == Some("Russia"))
    );
    let statements = listed_statements(&state);
    assert!(!statements.is_empty());
    assert!(
        statements
            .iter()
            .all(|&s| x.statements[s].party.as_deref() == Some("Russia"))
    );
    let shown = screen(&state);
    assert!(shown.contains("Sergei Ryabkov · Russia"));
    assert!(!shown.contains("Joseph Dunford · United States"));
    assert!(shown.contains("filter: party=Russia"));
    type_keys(&mut state, "<esc>");
    assert!(state.filter.is_empty());
    assert!(screen(&state).contains("Joseph Dunford · United States"));
}

#[test]
fn slash_in_the_briefings_pane_filters_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let other = briefing_file(
        &dir,
        "other.txt",
        "Ceasefire talks resume\n\nDelegates met in Geneva, an envoy said.\n",
    );
    let mut state = reader(&[tui_common::SEED, &other], 120, 40);
    assert_eq!(state.shown.len(), 2);
    type_keys(&mut state, "<s-tab>/ryabkov");
    assert_eq!(state.shown.len(), 1, "filters as you type");
    type_keys(&mut state, "<enter>");
    assert!(screen(&state).contains("US military will not share"));
    type_keys(&mut state, "<esc>");
    assert_eq!(state.shown.len(), 2);
    type_keys(&mut state, "/geneva<esc>");
    assert_eq!(state.shown.len(), 2, "Esc in the prompt restores the list");
    // ] and [ step through briefings.
    let first = state.open_path().map(|p| p.to_path_buf());
    type_keys(&mut state, "]");
    assert_ne!(state.open_path(), first.as_deref());
    type_keys(&mut state, "[");
    assert_eq!(state.open_path(), first.as_deref());
}

#[test]
fn motions_scroll_the_article_and_stop_at_the_ends() {
    let mut state = seed_reader(80, 24);
    type_keys(&mut state, "j<down>");
    assert_eq!(state.article_top, 2);
    type_keys(&mut state, "G");
    assert_eq!(state.article_top, state.article_max_top());
    type_keys(&mut state, "j<c-d><pgdn>");
    assert_eq!(state.article_top, state.article_max_top());
    type_keys(&mut state, "<c-u>");
    assert!(state.article_top < state.article_max_top());
    type_keys(&mut state, "g");
    assert_eq!(state.article_top, 0);
}

/// One notch of the mouse wheel, down, over `area`.
fn wheel_down(state: &mut sitrep::tui::state::State, area: ratatui::layout::Rect) {
    let (column, row) = (area.x + 3, area.y + 3);
    update(
        state,
        Action::Scroll {
            column,
            row,
            down: true,
        },
    );
}

#[test]
fn only_key_presses_count_and_the_wheel_scrolls_the_pane_under_it() {
    let mut state = seed_reader(120, 40);
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(to_action(Event::Key(release), &state), None);
    let article = state.areas().article;
    wheel_down(&mut state, article);
    assert_eq!(state.article_top, 3);
    let quotes = state.areas().quotes.unwrap();
    wheel_down(&mut state, quotes);
    assert_eq!(state.article_top, 3, "the article stays put");
    assert_eq!(state.focus, Pane::Article);
}

#[test]
fn help_lists_every_bound_key_and_q_quits() {
    let mut state = seed_reader(120, 40);
    type_keys(&mut state, "?");
    // What does not fit on the screen is scrolled to.
    let mut shown = screen(&state);
    type_keys(&mut state, "G");
    shown.push_str(&screen(&state));
    for (keys, what) in state.config.keys.help_rows() {
        assert!(
            shown.contains(&format!("{keys}  {what}")) || shown.contains(what),
            "{keys} {what}"
        );
    }
    type_keys(&mut state, "q");
    assert!(state.help.is_none() && !state.quit, "q closes help first");
    type_keys(&mut state, "q");
    assert!(state.quit);
}

#[test]
fn ctrl_c_quits_from_every_screen_and_help_lists_it() {
    // The main screen, the `/` prompt (list and article), the filter and party pickers, the
    // dossier and the help overlay: Ctrl-C leaves the reader from each.
    for keys in ["", "/Mosc", "<s-tab>/russ", "f", "p", "p<enter>", "?"] {
        let mut state = seed_reader(120, 40);
        type_keys(&mut state, keys);
        type_keys(&mut state, "<c-c>");
        assert!(state.quit, "Ctrl-C after {keys:?} did not quit");
    }
    let mut state = seed_reader(120, 40);
    type_keys(&mut state, "?");
    assert!(
        screen(&state).contains("ctrl-c"),
        "help lists Ctrl-C:\n{}",
        screen(&state)
    );
}

#[test]
fn a_message_gives_way_to_the_key_hints_after_a_few_seconds_or_a_key() {
    use std::time::{Duration, Instant};
    let mut state = seed_reader(100, 30);
    type_keys(&mut state, "o");
    let said = "briefings by date";
    assert!(screen(&state).contains(said), "{}", screen(&state));
    assert!(
        !screen(&state).contains("q quit"),
        "the message pushes the hints aside"
    );
    let start = Instant::now();
    update(&mut state, Action::Tick(start));
    update(&mut state, Action::Tick(start + Duration::from_secs(1)));
    assert!(
        screen(&state).contains(said),
        "a second later it still stands"
    );
    update(&mut state, Action::Tick(start + Duration::from_secs(6)));
    let shown = screen(&state);
    assert!(
        !shown.contains(said) && shown.contains("q quit"),
        "six seconds later the hints are back:\n{shown}"
    );
    // The next key press clears a message too.
    type_keys(&mut state, "o");
    assert!(screen(&state).contains("briefings by path"));
    type_keys(&mut state, "j");
    assert!(!screen(&state).contains("briefings by path"));
    // A message that came while an older one stood gets its own few seconds.
    type_keys(&mut state, "o");
    update(&mut state, Action::Tick(start));
    type_keys(&mut state, "o");
    update(&mut state, Action::Tick(start + Duration::from_secs(5)));
    assert!(screen(&state).contains("briefings by path"));
}

/// The dossier's footer names the briefing's file first, also when the reader was opened
/// on that one file (its path relative to itself is empty).
#[test]
fn the_dossier_footer_names_the_file_of_a_briefing_opened_alone() {
    let mut state = seed_reader(100, 30);
    type_keys(&mut state, "p<enter>");
    let shown = screen(&state);
    assert!(
        shown.contains("│ 000_2b1845f26494101a.txt · denial · Russia:"),
        "{shown}"
    );
}

#[test]
fn a_user_key_map_rebinds_keys_and_help_follows() {
    let config = sitrep::config::Config::from_layers(
        "[keys]\n\"x\" = \"quit\"\n\"ctrl-f\" = \"page_down\"\n",
        std::path::Path::new("mine.toml"),
    )
    .unwrap();
    let library = tui_common::library(&[tui_common::SEED]);
    let mut state = sitrep::tui::state::State::new(library, config, true, 120, 40);
    type_keys(&mut state, "?");
    assert!(screen(&state).contains("q, x"));
    type_keys(&mut state, "<esc>x");
    assert!(state.quit);
}

/// Any action from the key map, a typed character, the wheel or a resize.
fn any_action() -> impl proptest::strategy::Strategy<Value = Action> {
    use proptest::prelude::*;
    prop_oneof![
        4 => proptest::sample::select(Action::BINDABLE.to_vec()),
        2 => proptest::sample::select(vec!['a', 'R', 'y', ' ', '中', '\u{1b}', '.', '(']).prop_map(Action::Insert),
        1 => Just(Action::DeleteBack),
        1 => (0u16..130, 0u16..45, any::<bool>()).prop_map(|(column, row, down)| Action::Scroll { column, row, down }),
        1 => (0u16..130, 0u16..45).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]
    /// Whatever arrives, in whatever order and at whatever size, `update` and drawing never
    /// panic and the selections stay inside their lists.
    #[test]
    fn random_input_never_breaks_the_reader(actions in proptest::collection::vec(any_action(), 1..120)) {
        let mut state = seed_reader(80, 24);
        for (i, action) in actions.into_iter().enumerate() {
            update(&mut state, action);
            if state.quit {
                state.quit = false;
            }
            if i % 8 == 0 {
                screen(&state);
            }
            proptest::prop_assert!(state.quotes.selected <= state.quote_rows.len());
            proptest::prop_assert!(state.article_top <= state.article_max_top());
        }
        screen(&state);
    }
}

/// Every statement the claims pane lists.
fn listed_statements(state: &sitrep::tui::state::State) -> Vec<usize> {
    state
        .claim_rows
        .iter()
        .flat_map(|r| match r {
            sitrep::table::Row::Pair { claim, denial } => vec![*claim, *denial],
            _ => vec![],
        })
        .flatten()
        .collect()
}

#[test]
fn a_filter_after_g_leaves_the_claims_pane_full_and_keeps_the_selection() {
    let mut state = seed_reader(100, 30);
    type_keys(&mut state, "<tab><tab>G");
    type_keys(&mut state, "frussia<enter><esc>");
    assert_eq!(state.filter.party.as_deref(), Some("Russia"));
    let pane = state.inner(Pane::Claims);
    let rows = tui_common::region(&state, pane).join("\n");
    assert_eq!(
        state.claims.offset, 0,
        "scrolled past rows that fit:\n{rows}"
    );
    assert!(rows.contains("Russia"), "{rows}");
    assert!(rows.matches("Ryabkov:").count() >= 1, "{rows}");
    // The selected statement stays selected when the filter still shows it.
    let (b, x) = state.current().unwrap();
    let kept = listed_statements(&state)
        .into_iter()
        .find(|&s| x.statements[s].span.of(&b.text).contains("again denied"))
        .expect("Ryabkov's denial is listed");
    type_keys(&mut state, "/again denied<enter><esc>l");
    assert_eq!(sitrep::tui::claims::selected_statement(&state), Some(kept));
    type_keys(&mut state, "fsergei<enter><esc>");
    assert_eq!(sitrep::tui::claims::selected_statement(&state), Some(kept));
    // Resizing smaller and back never leaves the pane scrolled past its rows.
    update(
        &mut state,
        Action::Resize {
            width: 100,
            height: 22,
        },
    );
    update(
        &mut state,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    assert_eq!(state.claims.offset, 0);
}

#[test]
fn the_footer_shows_the_whole_selected_item_in_tabs_and_scrolls() {
    let mut state = seed_reader(80, 24);
    type_keys(&mut state, "<tab><tab>");
    let pane = state.inner(Pane::Claims);
    let footer = |state: &sitrep::tui::state::State| {
        let rows = tui_common::region(state, pane);
        let rule = rows
            .iter()
            .rposition(|r| r.starts_with('─'))
            .expect("a footer");
        rows[rule + 1..].join(" ")
    };
    let top = footer(&state);
    assert!(
        top.contains("claim · Joseph Dunford · United States: The U.S."),
        "{top}"
    );
    assert!(
        !top.contains('…'),
        "the footer wraps, it does not cut: {top}"
    );
    let rule_says = |state: &sitrep::tui::state::State, arrow: &str| {
        tui_common::region(state, pane)
            .iter()
            .any(|r| r.starts_with('─') && r.contains(arrow))
    };
    assert!(rule_says(&state, " ↓ "), "the rule says there is more");
    type_keys(&mut state, "JJJJ");
    assert!(rule_says(&state, " ↑ "));
    let end = footer(&state);
    assert!(end.contains("airstrike on Moscow."), "{end}");
    type_keys(&mut state, "j");
    assert_eq!(state.detail_top, 0, "a new selection starts at its top");
    // The quotes footer says kind, speaker and party.
    type_keys(&mut state, "<s-tab>");
    let quote = footer(&state);
    assert!(
        quote.contains("claim · Joseph Dunford · United States: “believe"),
        "{quote}"
    );
}

#[test]
fn search_counts_only_the_articles_words() {
    let mut state = seed_reader(100, 30);
    type_keys(&mut state, "/Ryabkov<enter>");
    let search = state.search.clone().unwrap();
    let in_text = state.current().unwrap().0.text.matches("Ryabkov").count();
    assert_eq!(
        search.hits.len(),
        in_text,
        "the ‹Sergei Ryabkov› tag is not a hit"
    );
    assert!(screen(&state).contains(&format!("/Ryabkov 1/{in_text}")));
    type_keys(&mut state, "<esc>/also:<enter>");
    assert!(
        state.search.as_ref().unwrap().hits.is_empty(),
        "the `also:` before alternate headlines is not a hit"
    );
}

#[test]
fn help_stops_at_its_last_line() {
    for (width, height) in [(80, 24), (100, 30)] {
        let mut state = seed_reader(width, height);
        type_keys(&mut state, "?");
        assert!(
            screen(&state).contains("become tabs"),
            "help says panes become tabs"
        );
        type_keys(&mut state, "G");
        let shown = screen(&state);
        let rows: Vec<&str> = shown.lines().collect();
        let bottom = rows.iter().rposition(|r| r.contains("closes")).unwrap();
        // The last binding sits right above the border: no empty box below it.
        let last_entry = rows[bottom - 1].trim_matches(|c: char| c == '│' || c.is_whitespace());
        assert!(last_entry.contains("copy the selected quote"), "{shown}");
        type_keys(&mut state, "jjjj<c-d>");
        assert_eq!(screen(&state), shown, "G is already the end");
    }
}

/// The help box's rows, without its borders, as one run of words.
fn help_words(shown: &str) -> String {
    shown
        .lines()
        .filter_map(|r| r.strip_prefix('│')?.strip_suffix('│'))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Below 80 columns the help overlay cut its long lines short ("⚠ = read wit…"): they wrap
/// instead, every word of the guide and of each binding is there to scroll to, and G still
/// ends on the last binding's last words right above the border.
#[test]
fn help_wraps_its_lines_on_a_narrow_screen() {
    let mut state = seed_reader(60, 24);
    type_keys(&mut state, "?");
    let mut words = String::new();
    for _ in 0..80 {
        let shown = screen(&state);
        assert!(!shown.contains('…'), "nothing is cut short: {shown}");
        words.push(' ');
        words.push_str(&help_words(&shown));
        type_keys(&mut state, "j");
    }
    for guide in sitrep::tui::help::GUIDE {
        let guide = guide.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(&guide), "{guide:?} is never shown");
    }
    for (_, what) in state.config.keys.help_rows() {
        assert!(words.contains(what), "{what:?} is never shown");
    }
    type_keys(&mut state, "G");
    let shown = screen(&state);
    assert!(
        help_words(&shown).ends_with("copy the selected quote or claim, to cite"),
        "{shown}"
    );
}

/// A million key presses, wheel turns and resizes (down to 1x1 and 0x0) from a fixed
/// pseudo-random sequence, through `update`, on the seed beside broken and hostile files:
/// no panic, the cursors stay inside their lists, and the screen keeps drawing.
#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "a million inputs take minutes in a debug build: runs under cargo test --release"
)]
fn a_million_random_inputs_keep_the_reader_working() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        briefing_file(&dir, "empty.txt", ""),
        briefing_file(&dir, "open.md", "+++\ntitle = \"never closed\"\n"),
        briefing_file(
            &dir,
            "hostile.txt",
            "Title \x1b]0;pwned\x07\n\n\u{202e}“Give up\x1b[2J,” said Ivan\u{9b} Petrov.\n",
        ),
    ];
    let mut paths = vec![tui_common::SEED];
    paths.extend(files.iter().map(String::as_str));
    let mut state = reader(&paths, 80, 24);
    // xorshift64*: a fixed sequence, so a failure replays exactly.
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move |n: u64| {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        (seed.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) % n
    };
    let typed = [
        'a', 'R', 'y', ' ', '中', '\u{1b}', '.', '(', '[', '\\', '*', 'n',
    ];
    for i in 0..1_000_000u32 {
        let action = match next(20) {
            0..=11 => Action::BINDABLE[next(Action::BINDABLE.len() as u64) as usize].clone(),
            12..=15 => Action::Insert(typed[next(typed.len() as u64) as usize]),
            16 => Action::DeleteBack,
            17 | 18 => Action::Scroll {
                column: next(90) as u16,
                row: next(30) as u16,
                down: next(2) == 0,
            },
            _ => Action::Resize {
                width: next(130) as u16,
                height: next(45) as u16,
            },
        };
        update(&mut state, action.clone());
        state.quit = false;
        assert!(
            state.quotes.selected <= state.quote_rows.len(),
            "after {i}: {action:?}"
        );
        assert!(
            state.article_top <= state.article_max_top(),
            "after {i}: {action:?}"
        );
        if i % 50_000 == 0 {
            screen(&state);
        }
    }
    update(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut state, Action::Clear);
    update(&mut state, Action::Clear);
    assert!(
        screen(&state).contains("Briefings"),
        "the reader still draws"
    );
}

/// The claims pane's footer under the rows, as one string.
fn claims_footer(state: &sitrep::tui::state::State) -> String {
    let rows = tui_common::region(state, state.inner(Pane::Claims));
    let rule = rows
        .iter()
        .rposition(|r| r.starts_with('─'))
        .expect("a footer");
    rows[rule + 1..]
        .iter()
        .map(|r| r.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_footer_of_a_statement_with_no_actor_leaves_the_actor_out() {
    let mut state = seed_reader(120, 35);
    type_keys(&mut state, "<tab><tab>G");
    let footer = claims_footer(&state);
    assert!(footer.starts_with("claim: The airbase"), "{footer}");
    assert!(!footer.contains("· :"), "{footer}");
}

#[test]
fn the_footer_of_a_denial_says_which_claim_it_answers() {
    let mut state = seed_reader(120, 35);
    type_keys(&mut state, "<tab><tab>/again denied<enter><esc>l");
    let footer = claims_footer(&state);
    assert!(
        footer.starts_with("denial · Sergei Ryabkov · Russia:"),
        "{footer}"
    );
    let rows = tui_common::region(&state, state.inner(Pane::Claims));
    let answers = rows
        .iter()
        .find(|r| r.contains("↳ answers"))
        .unwrap_or_else(|| panic!("no answered claim:\n{}", rows.join("\n")));
    assert!(
        answers.contains("↳ answers Joseph Dunford: When asked if he"),
        "{answers}"
    );
    assert!(answers.trim_end().ends_with('…'), "cut to fit: {answers}");
    // The claim itself (on the row above) answers nothing.
    type_keys(&mut state, "kh");
    assert!(claims_footer(&state).contains("When asked if he"));
    assert!(!claims_footer(&state).contains("answers"));
}

#[test]
fn enter_on_a_claim_brings_its_whole_sentence_on_screen() {
    let mut state = seed_reader(120, 35);
    type_keys(&mut state, "<tab><tab>");
    let height = usize::from(state.inner(Pane::Article).height);
    let mut checked = 0;
    for row in 0..state.claim_rows.len() {
        let Some(statement) = ({
            state.claims.selected = row;
            sitrep::tui::claims::selected_statement(&state)
        }) else {
            continue;
        };
        let range = state.doc.statements[statement].clone();
        let lines = state.article_lines();
        let (first, last) = (
            sitrep::tui::document::line_of(lines, range.start),
            sitrep::tui::document::line_of(lines, range.end - 1),
        );
        if first == last || first + 1 < height {
            continue;
        }
        // The sentence starts on the last line on screen, the rest below it.
        state.article_top = first + 1 - height;
        type_keys(&mut state, "<enter>");
        let top = state.article_top;
        let shown = screen(&state);
        let ending = state.doc.text[state.article_lines()[last].range.clone()].trim();
        assert!(
            top <= first && last < top + height,
            "lines {first}-{last} jumped to, {top}-{} on screen:\n{shown}",
            top + height - 1
        );
        assert!(shown.contains(ending), "{ending:?} not on screen:\n{shown}");
        checked += 1;
    }
    assert!(checked > 0, "no statement runs over two lines");
}

#[test]
fn the_party_picker_puts_names_that_begin_with_the_typed_letters_first() {
    let mut state = reader(&["briefings"], 120, 35);
    type_keys(&mut state, "frus<enter><esc>");
    assert_eq!(state.filter.party.as_deref(), Some("Russia"), "not Belarus");
    type_keys(&mut state, "<esc>");
    assert!(state.filter.is_empty());
    // The dossier's party prompt ranks the same way and still knows the aliases.
    for typed in ["rus", "krem"] {
        type_keys(&mut state, &format!("p{typed}<enter>"));
        let dossier = state.dossier.as_ref().expect("a dossier opens");
        assert_eq!(dossier.party, "Russia", "for {typed}");
        type_keys(&mut state, "<esc>");
    }
}

/// The dossier's picker lists parties only, so its rows name the party and nothing else;
/// the filter picker, which mixes sorts, keeps its "party" column.
#[test]
fn the_dossier_picker_rows_are_party_names_alone() {
    let mut state = reader(&["briefings"], 120, 35);
    type_keys(&mut state, "prus");
    let shown = screen(&state);
    assert!(shown.contains("   Russia "), "{shown}");
    assert!(!shown.contains("party   Russia"), "{shown}");
    type_keys(&mut state, "<esc>frus");
    let shown = screen(&state);
    assert!(shown.contains("party   Russia"), "{shown}");
}

#[test]
fn the_dossier_picker_says_a_party_makes_no_claim_rather_than_that_nothing_matches() {
    let mut state = reader(&["briefings"], 120, 35);
    type_keys(&mut state, "pjapan");
    let shown = screen(&state);
    assert!(
        shown.contains("Japan: no claim or denial in the library"),
        "{shown}"
    );
    assert!(!shown.contains("nothing matches"), "{shown}");
    // A query that names no party at all still says so.
    type_keys(&mut state, "<c-u>zzqx");
    assert!(screen(&state).contains("nothing matches"));
}

#[test]
fn the_status_bar_counts_one_hit_in_the_singular() {
    let mut state = reader(&["briefings"], 120, 35);
    type_keys(&mut state, "/intellegence<enter>][");
    let status = status_bar(&state);
    assert!(status.contains("/intellegence 1 hit "), "{status}");
}

#[test]
fn ctrl_u_clears_what_was_typed_in_a_prompt_as_in_a_shell() {
    let mut state = seed_reader(120, 35);
    type_keys(&mut state, "/intel<c-u>");
    let prompt = state.prompt.as_ref().expect("the prompt stays open");
    assert_eq!(prompt.text, "");
    type_keys(&mut state, "russia");
    assert_eq!(state.prompt.as_ref().unwrap().text, "russia");
    type_keys(&mut state, "<esc>frus<c-u>");
    let picker = state.picker.as_ref().expect("the picker stays open");
    assert_eq!(picker.query, "");
    assert_eq!(
        picker.shown.len(),
        picker.options.len(),
        "every choice back"
    );
}

#[test]
fn a_briefing_opens_with_its_first_quote_and_claim_selected() {
    for (width, height) in [(120, 35), (100, 30), (80, 24)] {
        // The keys to the pane, and from it to the list.
        for (pane, to_pane, to_list) in [
            ("quotes", "<tab>", "<tab><tab>"),
            ("claims", "<tab><tab>", "<tab>"),
        ] {
            for (how, keys) in [
                ("]", "]".to_string()),
                ("] G [", "]G[".to_string()),
                ("j in the list", format!("{to_list}j")),
            ] {
                let mut state = reader(&["briefings"], width, height);
                type_keys(&mut state, &format!("{to_pane}G{keys}"));
                let first_pair = state
                    .claim_rows
                    .iter()
                    .position(|r| matches!(r, sitrep::table::Row::Pair { .. }))
                    .unwrap_or(0);
                assert_eq!(
                    (state.quotes.selected, state.claims.selected),
                    (0, first_pair),
                    "{width}x{height} G in {pane}, then {how}"
                );
            }
        }
    }
}

/// `l` picks the denial side only on a row that has a denial: on a claim standing alone it
/// says so and the claim stays selected, so moving on never lands on a denial nobody
/// picked; on a row with both it picks the denial.
#[test]
fn l_on_a_claim_alone_keeps_the_claim_selected_and_says_why() {
    use sitrep::table::Row;
    // Whether the selected row holds a claim, and a denial.
    let sides = |state: &sitrep::tui::state::State| match &state.claim_rows[state.claims.selected] {
        Row::Pair { claim, denial } => (claim.is_some(), denial.is_some()),
        Row::Section { .. } => (false, false),
    };
    let mut state = seed_reader(120, 35);
    type_keys(&mut state, "<tab><tab>");
    assert_eq!(
        sides(&state),
        (true, false),
        "the first row is a claim alone"
    );
    type_keys(&mut state, "l");
    let footer = claims_footer(&state);
    assert!(footer.starts_with("claim · "), "{footer}");
    let status = status_bar(&state);
    assert!(status.contains("no denial on this row"), "{status}");
    for _ in 0..state.claim_rows.len() {
        if sides(&state) == (true, true) {
            break;
        }
        type_keys(&mut state, "j");
    }
    assert_eq!(sides(&state), (true, true), "a claim and its denial");
    let footer = claims_footer(&state);
    assert!(footer.starts_with("claim · "), "the claim stays: {footer}");
    type_keys(&mut state, "l");
    let footer = claims_footer(&state);
    assert!(
        footer.starts_with("denial · "),
        "l picks the denial: {footer}"
    );
    type_keys(&mut state, "h");
    assert!(claims_footer(&state).starts_with("claim · "));
}

/// Enter in the party dossier opens the briefing at the sentence and selects that claim or
/// denial in the claims pane too: Tab to the pane shows the statement the analyst came from.
#[test]
fn enter_in_the_dossier_selects_the_statement_in_the_claims_pane() {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut state = reader(&["briefings"], 120, 35);
    type_keys(&mut state, "prussia<enter>");
    let entries = state.dossier.as_ref().expect("a dossier").refs.len();
    assert!(entries > 2, "{entries} entries");
    for entry in 0..entries {
        type_keys(&mut state, &"j".repeat(entry));
        type_keys(&mut state, "<enter>");
        assert_eq!(state.focus, Pane::Article);
        let mark = state.mark.clone().expect("the sentence is marked");
        let statement = state
            .doc
            .statements
            .iter()
            .position(|r| *r == mark)
            .expect("a statement is marked");
        let (b, x) = state.current().unwrap();
        let sentence = words(x.statements[statement].span.of(&b.text));
        let opening: String = sentence.chars().take(30).collect();
        type_keys(&mut state, "<tab><tab>");
        assert_eq!(state.focus, Pane::Claims);
        let footer = claims_footer(&state);
        assert!(
            footer.contains(&opening),
            "entry {entry}: the footer shows {footer:?}, the article marks {sentence:?}"
        );
        type_keys(&mut state, "prussia<enter>");
    }
}

/// A hand annotation kept in the front matter (its words are not in the article) shows in
/// the claims pane; Enter on it says where it stands instead of jumping somewhere else.
#[test]
fn enter_on_a_hand_annotation_from_the_front_matter_says_it_is_not_in_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = briefing_file(
        &dir,
        "hand.md",
        "+++\ntitle = \"Convoy struck\"\n[[denial]]\nactor = \"Maria Zakharova\"\n\
         party = \"Russia\"\ntext = \"Moscow had nothing to do with the strike.\"\n+++\n\
         Convoy struck\n\nU.S. officials said Russian jets struck the aid convoy.\n",
    );
    let mut state = reader(&[&path], 120, 35);
    type_keys(&mut state, "<tab><tab>");
    for _ in 0..state.claim_rows.len() {
        if claims_footer(&state).contains("nothing to do with") {
            break;
        }
        type_keys(&mut state, "jl");
    }
    let footer = claims_footer(&state);
    assert!(
        footer.starts_with("denial · Maria Zakharova · Russia: Moscow had nothing to do"),
        "{footer}"
    );
    type_keys(&mut state, "<enter>");
    let status = status_bar(&state);
    assert!(status.contains("front matter"), "{status}");
    assert_eq!(state.mark, None, "nothing in the article is marked");
}

/// Resizing keeps the text you were reading at the top of the article, as less does: the
/// same line number at another width is another place (at 200 columns line 20 of an
/// 80-column wrap is far past it).
#[test]
fn resizing_keeps_the_reading_place() {
    let mut state = seed_reader(80, 24);
    type_keys(&mut state, "jjjjjjjjjjjjjjjjjjjj");
    let top_line = |state: &sitrep::tui::state::State| {
        let shown = screen(state);
        shown
            .lines()
            .nth(1)
            .unwrap()
            .trim_matches(['│', ' '])
            .to_string()
    };
    while top_line(&state).is_empty() {
        type_keys(&mut state, "j");
    }
    let before = screen(&state);
    let top = top_line(&state);
    let words: String = top.split(' ').take(4).collect::<Vec<_>>().join(" ");
    assert!(!words.is_empty(), "{before}");
    for (width, height) in [(140, 30), (60, 20), (80, 24)] {
        update(&mut state, Action::Resize { width, height });
        let after = screen(&state);
        let first = after.lines().nth(1).unwrap();
        assert!(
            first.contains(&words),
            "{width}x{height}: {words:?} should stay on top:\n{after}"
        );
    }
}
