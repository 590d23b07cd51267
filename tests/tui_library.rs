//! The reader on the library: `/` in the briefings pane speaks the search language, `p`
//! opens a party's dossier and Enter lands on the sentence, the status bar shows the
//! background reading, and files added, changed or removed on disk reach the list without
//! losing the selection.

mod tui_common;

use sitrep::config::Config;
use sitrep::library::search::Query;
use sitrep::library::{Library, Options};
use sitrep::tui::action::Action;
use sitrep::tui::filter::{FilterOption, Purpose};
use sitrep::tui::state::{Pane, State};
use sitrep::tui::update::update;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tui_common::{SEED, briefing_file, reader, region, screen, seed_reader, status_bar, type_keys};

/// Text with every run of whitespace one space.
fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn slash_in_the_list_speaks_the_search_language() {
    let mut state = reader(&["briefings"], 120, 40);
    let everything = state.shown.len();
    assert!(everything >= 4, "the shipped briefings are listed");
    type_keys(&mut state, "<s-tab>/kind:denial party:russia");
    let query = Query::parse("kind:denial party:russia", state.library.gazetteer()).unwrap();
    let expected = state.library.search(&query);
    assert!(
        !expected.is_empty(),
        "Russia denies something in briefings/"
    );
    assert!(expected.len() < everything, "the query narrows the list");
    assert_eq!(state.shown, expected, "the list is the library's answer");
    for &id in &state.shown {
        let doc = state.library.doc(id);
        assert!(
            doc.statements
                .iter()
                .any(|s| s.kind == sitrep::extract::Kind::Denial && doc.party(s) == Some("Russia")),
            "{} has no denial by Russia",
            doc.path.display()
        );
    }
    let shown = screen(&state);
    assert!(shown.contains("Kiev blames rebels"), "{shown}");
    let kept = format!("Briefings {} of {everything}", expected.len());
    assert!(
        shown.contains(&kept),
        "the title says how much the search kept: {shown}"
    );
    assert!(!shown.contains("Boko Haram"), "{shown}");
    // Enter keeps the search as the list; Esc clears it.
    type_keys(&mut state, "<enter>");
    assert!(screen(&state).contains("list: /kind:denial party:russia"));
    type_keys(&mut state, "<esc>");
    assert_eq!(state.shown.len(), everything);

    // Words, phrases and exclusions narrow as they are typed.
    type_keys(&mut state, "/\"aid convoy\"");
    let convoy = state.shown.clone();
    assert_eq!(convoy.len(), 1, "only the seed speaks of the aid convoy");
    type_keys(&mut state, " -convoy");
    assert!(state.shown.is_empty(), "-convoy leaves nothing");
    assert!(screen(&state).contains("nothing matches"));
    type_keys(&mut state, "<esc>");
    assert_eq!(state.shown.len(), everything, "Esc restores the list");

    // A field that cannot be understood says why in the status bar and leaves the list.
    type_keys(&mut state, "/russia date");
    let before = state.shown.clone();
    type_keys(&mut state, ":last-week");
    assert_eq!(state.shown, before, "the list stays as it was");
    let message = state.message.clone().expect("the parse error is shown");
    assert!(message.contains("date:last-week"), "{message}");
    assert!(screen(&state).contains("use a date like 2016-09-21"));
    type_keys(&mut state, "<esc>");
    assert_eq!(state.shown.len(), everything);

    type_keys(&mut state, "/\"aid convoy\"");
    // Entered, the search carries into the opened article: its hits are found there, the
    // first one on screen, and n goes to the next.
    type_keys(&mut state, "<enter>");
    let search = state.search.clone().expect("the article is searched too");
    assert_eq!(search.pane, Pane::Article);
    assert!(!search.hits.is_empty(), "the phrase stands in the article");
    assert_eq!(search.current, Some(0));
    let first = match &search.hits {
        sitrep::tui::state::Hits::Article(h) => h[0].clone(),
        other => panic!("article hits expected, got {other:?}"),
    };
    assert!(spaced(&state.doc.text[first]).eq_ignore_ascii_case("aid convoy"));
    let hits = search.hits.len();
    type_keys(&mut state, "n");
    let next = state.search.as_ref().and_then(|s| s.current);
    assert_eq!(next, Some(1 % hits), "n goes to the next hit");
}

/// `party:` with a name no list or briefing knows is a query error in the status bar, as
/// `kind:foo` is, not a list that silently empties; a party only a briefing's front matter
/// names is known.
#[test]
fn an_unknown_party_in_the_list_search_says_so() {
    let mut state = reader(&["briefings"], 120, 40);
    type_keys(&mut state, "<s-tab>/party:");
    let before = state.shown.clone();
    type_keys(&mut state, "narnia");
    assert_eq!(state.shown, before, "the list stays as it was");
    let message = state.message.clone().expect("the error is shown");
    assert!(
        message.contains("party:narnia — not a known party"),
        "{message}"
    );
    assert!(screen(&state).contains("not a known party"));
    type_keys(&mut state, "<esc>/party:\"donetsk separatists\"");
    assert_eq!(state.shown.len(), 1, "{:?}", state.message);
}

/// A mistyped field in the list search (`partty:russia`) is named in the status bar while
/// it is typed and for as long as the list search holds it, not only for a message's
/// few seconds.
#[test]
fn a_mistyped_field_in_the_list_search_is_named_in_the_status_bar() {
    let mut state = reader(&["briefings"], 160, 40);
    let note = "unknown field \"partty:\" in \"partty:russia\" — fields are party:, speaker:, \
                kind:, tag:, date:";
    type_keys(&mut state, "<s-tab>/partty:russia");
    let status = status_bar(&state);
    assert!(status.contains(note), "{status}");
    type_keys(&mut state, "<enter>");
    let later = Instant::now() + Duration::from_secs(60);
    update(&mut state, Action::Tick(Instant::now()));
    update(&mut state, Action::Tick(later));
    let status = status_bar(&state);
    assert!(status.contains("list: /partty:russia"), "{status}");
    assert!(status.contains(note), "{status}");
    // A time is a word, not a field.
    type_keys(&mut state, "/<c-u>10:30<enter>");
    let status = status_bar(&state);
    assert!(!status.contains("unknown field"), "{status}");
}

/// `n` after a list search of filters alone says there are no words to find in the article,
/// not "No search yet" about the search just made.
#[test]
fn n_after_a_list_search_of_filters_alone_says_why_nothing_is_found() {
    let mut state = reader(&["briefings"], 120, 40);
    type_keys(&mut state, "<s-tab>/kind:denial party:russia<enter>n");
    let status = status_bar(&state);
    assert!(
        status.contains("No words to find in the article"),
        "{status}"
    );
    assert!(!status.contains("No search yet"), "{status}");
}

/// A list search carried into the article shows its query once in the status bar: at 120
/// columns "/convoy -truce … 1/3 │ list: /convoy -truce …" cut the list's own query short.
#[test]
fn a_list_search_shows_its_query_once_in_the_status_bar() {
    let mut state = reader(&["briefings"], 120, 40);
    type_keys(&mut state, "<s-tab>/convoy -truce date:2016-09..<enter>n");
    let status = status_bar(&state);
    assert_eq!(status.matches("convoy").count(), 1, "{status}");
    assert!(
        status.contains("list: /convoy -truce date:2016-09.."),
        "{status}"
    );
    assert!(status.contains("in the article"), "{status}");
}

/// `date:` with a day its month does not have is a query error in the status bar, as a
/// month that does not exist is, and the list stays as it was.
#[test]
fn an_impossible_date_in_the_list_search_says_so() {
    let mut state = reader(&["briefings"], 120, 40);
    type_keys(&mut state, "<s-tab>/date:2014-02-3");
    let before = state.shown.clone();
    type_keys(&mut state, "0");
    assert_eq!(state.shown, before, "the list stays as it was");
    let message = state.message.clone().expect("the error is shown");
    assert!(message.contains("date:2014-02-30"), "{message}");
}

#[test]
fn o_lists_the_briefings_newest_first_and_back_by_path() {
    let dir = dated_folder();
    std::fs::write(
        dir.path().join("a-undated.txt"),
        "Undated note\n\nNothing happened, officials said.\n",
    )
    .unwrap();
    let mut state = reader_on(dir.path(), 100, 30);
    let names = |state: &State| -> Vec<String> {
        state
            .shown
            .iter()
            .map(|&id| {
                let path = &state.library.doc(id).path;
                path.file_name().unwrap().to_string_lossy().into_owned()
            })
            .collect()
    };
    let by_path = names(&state);
    assert_eq!(by_path[0], "2015-02-09-donetsk-shelling.md");
    type_keys(&mut state, "o");
    assert_eq!(
        names(&state),
        [
            "2016-09-22-us-military.txt",
            "2015-02-09-donetsk-shelling.md",
            "a-undated.txt"
        ],
        "newest first, the file-dated briefing last"
    );
    assert!(screen(&state).contains("Briefings 3 by date"));
    type_keys(&mut state, "o");
    assert_eq!(names(&state), by_path);
}

#[test]
fn the_filter_picker_offers_what_the_library_knows() {
    let mut state = reader(&["briefings"], 120, 40);
    type_keys(&mut state, "f");
    let picker = state.picker.clone().unwrap();
    assert_eq!(picker.purpose, Purpose::Filter);
    for option in [
        FilterOption::Party("Russia".into()),
        FilterOption::Speaker("Sergei Lavrov".into()),
        FilterOption::Tag("ukraine".into()),
    ] {
        assert!(picker.options.contains(&option), "{option:?} missing");
    }
    // A tag narrows the list to the briefings that carry it.
    type_keys(&mut state, "tag ukraine<enter><esc>");
    assert_eq!(state.filter.tag.as_deref(), Some("ukraine"));
    assert_eq!(state.shown.len(), 1);
    assert!(screen(&state).contains("Kiev blames rebels"));
}

/// A folder with the seed under a dated name and the Donetsk briefing, so every date the
/// dossier shows is fixed (an undated file would show the day it was copied).
fn dated_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(SEED, dir.path().join("2016-09-22-us-military.txt")).unwrap();
    std::fs::copy(
        "briefings/2015-02-09-donetsk-shelling.md",
        dir.path().join("2015-02-09-donetsk-shelling.md"),
    )
    .unwrap();
    dir
}

fn reader_on(dir: &Path, width: u16, height: u16) -> State {
    let path = dir.to_string_lossy().into_owned();
    reader(&[&path], width, height)
}

#[test]
fn the_dossier_pane() {
    let dir = dated_folder();
    for (width, height) in [(100, 30), (80, 24)] {
        let mut state = reader_on(dir.path(), width, height);
        type_keys(&mut state, "prussia<enter>");
        // The status bar hints at the dossier's own keys, not at ones that do nothing there.
        let shown = screen(&state);
        let status = shown.lines().last().unwrap_or_default();
        assert!(
            status.contains("esc close") && !status.contains("search"),
            "{status}"
        );
        assert!(
            status.contains("y copy") && status.contains("e export"),
            "the dossier's copy and export keys are hinted: {status}"
        );
        insta::assert_snapshot!(format!("dossier_{width}x{height}"), shown);
    }
}

/// The dossier picker takes any name or alias of a party, in any case, as `party:` does,
/// and offers it once the alias is begun.
#[test]
fn the_dossier_picker_finds_a_party_by_its_alias() {
    let dir = dated_folder();
    for (typed, party) in [
        ("kremlin", "Russia"),
        ("MOSCOW", "Russia"),
        ("krem", "Russia"),
        ("pentagon", "United States"),
        ("Penta", "United States"),
    ] {
        let mut state = reader_on(dir.path(), 100, 30);
        type_keys(&mut state, &format!("p{typed}"));
        let shown = screen(&state);
        assert!(!shown.contains("nothing matches"), "{typed}: {shown}");
        assert_eq!(
            state.picker.as_ref().and_then(|p| p.selected()),
            Some(&FilterOption::Party(party.into())),
            "{typed}"
        );
        type_keys(&mut state, "<enter>");
        assert_eq!(
            state.dossier.as_ref().map(|d| d.party.as_str()),
            Some(party)
        );
    }
}

/// The dossier leaves out a date known only from the file's modification time, as the list
/// does: the seed, copied today, read "2026-11-29 (file date) · denial · Russia · …".
#[test]
fn the_dossier_leaves_out_a_date_known_only_from_the_file() {
    let mut state = reader(&["briefings"], 80, 24);
    type_keys(&mut state, "prussia<enter>");
    let shown = screen(&state);
    assert!(!shown.contains("(file date)"), "{shown}");
    assert!(
        shown.contains("│  denial · Russia · US military will not share"),
        "{shown}"
    );
    assert!(
        shown.contains("2015-02-09 · denial · Russia's Foreign Ministry"),
        "{shown}"
    );
}

#[test]
fn the_dossier_lists_a_party_newest_first_and_enter_opens_the_sentence() {
    let dir = dated_folder();
    let mut state = reader_on(dir.path(), 100, 30);
    type_keys(&mut state, "p");
    let picker = state.picker.clone().expect("p opens the party picker");
    assert_eq!(picker.purpose, Purpose::Dossier);
    assert!(
        picker
            .options
            .iter()
            .all(|o| matches!(o, FilterOption::Party(_)))
    );
    type_keys(
        &mut state,
        "kremlin<bs><bs><bs><bs><bs><bs><bs>russia<enter>",
    );
    let dossier = state.dossier.clone().expect("Enter opens the dossier");
    assert_eq!(dossier.party, "Russia");
    // p in the dossier picks another party over it; what is typed there is the party's
    // name, never a command (m, s, e would mark, star, export); Esc goes back to it.
    type_keys(&mut state, "p");
    let picker = state
        .picker
        .clone()
        .expect("p in the dossier opens the picker");
    assert_eq!(picker.purpose, Purpose::Dossier);
    assert_eq!(
        picker.selected(),
        Some(&FilterOption::Party("Russia".into()))
    );
    type_keys(&mut state, "mse<bs><bs><bs><esc>");
    assert!(state.picker.is_none() && state.effect.is_none());
    assert_eq!(
        state.dossier.as_ref().map(|d| d.party.as_str()),
        Some("Russia")
    );
    type_keys(&mut state, "p<enter>");
    assert_eq!(
        state.dossier.as_ref().map(|d| d.party.as_str()),
        Some("Russia")
    );
    let (_, entries) = state.library.dossier("Russia");
    assert_eq!(dossier.refs.len(), entries.len());
    let last = entries.last().unwrap();
    let (last_path, wanted) = (last.doc.path.clone(), spaced(&last.text));
    let dates: Vec<&str> = dossier
        .refs
        .iter()
        .map(|r| state.library.doc(r.id).date.as_str())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );
    assert_eq!(dates.first(), Some(&"2016-09-22"));
    assert_eq!(dates.last(), Some(&"2015-02-09"));

    // Enter on the last entry (the Donetsk denial, in the other briefing) opens it at the
    // sentence, marked.
    type_keys(&mut state, "G<enter>");
    assert!(state.dossier.is_none(), "the dossier closes");
    assert_eq!(state.focus, Pane::Article);
    assert_eq!(state.open_path(), Some(last_path.as_path()));
    let mark = state.mark.clone().expect("the sentence is marked");
    let marked = spaced(&state.doc.text[mark.clone()]);
    assert!(
        marked.starts_with(&wanted[..40]),
        "marked {marked:?}, wanted {wanted:?}"
    );
    let lines = state.article_lines();
    let line = sitrep::tui::document::line_of(lines, mark.start);
    let rows = usize::from(state.inner(Pane::Article).height);
    assert!(
        (state.article_top..state.article_top + rows).contains(&line),
        "the sentence is on screen"
    );

    // From the claims pane, p offers the selected statement's party first.
    type_keys(&mut state, "<tab><tab>");
    let (_, x) = state.current().unwrap();
    let statement = sitrep::tui::claims::selected_statement(&state).unwrap();
    let party = x.statements[statement].party.clone().unwrap();
    type_keys(&mut state, "p");
    let picker = state.picker.clone().unwrap();
    assert_eq!(picker.selected(), Some(&FilterOption::Party(party)));
    type_keys(&mut state, "<esc>");
    assert!(state.picker.is_none());
}

#[test]
fn the_status_bar_shows_the_background_reading_until_it_is_done() {
    let mut state = seed_reader(100, 30);
    update(
        &mut state,
        Action::Progress {
            read: 41_200,
            total: 100_000,
        },
    );
    let status = region(&state, state.areas().status).join("\n");
    insta::assert_snapshot!("progress_status_bar", status);
    // The library is read (this one was read up front): the note goes.
    type_keys(&mut state, "<s-tab>/zzqx");
    update(&mut state, Action::LibraryChanged);
    assert!(state.progress.is_none());
    let shown = screen(&state);
    assert!(!shown.contains("reading") && !shown.contains("Nothing yet"));
    assert!(shown.contains("nothing matches"), "{shown}");
}

#[path = "support/many.rs"]
mod many;

#[test]
fn a_list_search_during_the_first_reading_shows_the_matches_read_so_far_and_says_so() {
    let (_dir, library) = many::opened(10_000);
    let mut state = State::new(library, Config::builtin().unwrap(), true, 100, 30);
    type_keys(&mut state, "<s-tab>/convoy");
    // Nothing is read yet (the library changes only when polled): the pane says so.
    let list = spaced(&region(&state, state.inner(Pane::List)).join(" "));
    assert!(list.contains("briefings read so far (0)"), "{list}");
    let status = region(&state, state.areas().status).join("");
    assert!(status.contains("searching 0 of 10,000 read"), "{status}");

    // A round of reading is in: the matches among it show without a keystroke, and the
    // status bar says how much the search covered.
    many::until_partly_read(|| {
        if state.library.poll() {
            update(&mut state, Action::LibraryChanged);
        }
        (
            state.library.is_indexed(),
            many::read_so_far(&state.library).len(),
        )
    });
    let read = many::read_so_far(&state.library).len();
    assert!(read < 10_000);
    // The reading goes in name order, so the first `read` files: every third a convoy.
    assert_eq!(state.shown.len(), read.div_ceil(3));
    let list = region(&state, state.inner(Pane::List)).join(" ");
    assert!(list.contains("Moscow denies striking"), "{list}");
    assert!(!list.contains("Talks to"), "{list}");
    let status = region(&state, state.areas().status).join("");
    let covered = read.to_string();
    let covered = format!(
        "{},{}",
        &covered[..covered.len() - 3],
        &covered[covered.len() - 3..]
    );
    assert!(
        status.contains(&format!("searching {covered} of 10,000 read")),
        "{status}"
    );

    // Once all is read, the whole library is searched and the note goes.
    wait_until(&mut state, "the end of the reading", |s| {
        s.library.is_indexed()
    });
    assert_eq!(state.shown.len(), 3334);
    assert!(!screen(&state).contains("searching"));
}

/// Polls the library until `done` holds, feeding its news to the reader as the event loop
/// does (a deadline, not a fixed sleep).
fn wait_until(state: &mut State, what: &str, done: impl Fn(&State) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done(state) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
        if state.library.poll() {
            update(state, Action::LibraryChanged);
        }
    }
}

#[test]
fn library_changes_reach_the_list_and_keep_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    briefing_file(
        &dir,
        "b.txt",
        "Talks resume in Geneva\n\nDelegates met, an envoy said.\n",
    );
    let c = PathBuf::from(briefing_file(
        &dir,
        "c.txt",
        "Convoy reaches Aleppo\n\nThe convoy arrived on Monday, the UN said.\n",
    ));
    let options = Options {
        cache_dir: None,
        watch_interval: Duration::from_millis(50),
        ..Options::default()
    };
    let library = Library::open(&[dir.path().to_path_buf()], &options);
    let mut state = State::new(library, Config::builtin().unwrap(), true, 120, 40);
    wait_until(&mut state, "the library to be read", |s| {
        s.library.is_indexed()
    });
    type_keys(&mut state, "]");
    assert_eq!(state.open_path(), Some(c.as_path()));
    type_keys(&mut state, "jj");
    let top = state.article_top;

    // A new briefing that sorts first: the open one stays open and selected.
    briefing_file(
        &dir,
        "a.txt",
        "Aid flights resume\n\nThe first flight landed, officials said.\n",
    );
    wait_until(&mut state, "the new briefing", |s| s.shown.len() == 3);
    assert!(screen(&state).contains("Aid flights resume"));
    assert_eq!(state.open_path(), Some(c.as_path()));
    assert_eq!(state.list.selected, 2);
    assert_eq!(state.library.doc(state.shown[2]).path, c);
    assert_eq!(state.article_top, top);

    // The open briefing changes on disk: it is read again.
    briefing_file(
        &dir,
        "c.txt",
        "Convoy reaches Aleppo after delay\n\nThe convoy arrived on Tuesday, the UN said.\n",
    );
    wait_until(&mut state, "the changed briefing", |s| {
        s.current()
            .is_some_and(|(b, _)| b.title.contains("after delay"))
    });
    assert!(screen(&state).contains("arrived on Tuesday"));
    assert!(
        state
            .message
            .as_deref()
            .unwrap()
            .contains("changed on disk")
    );

    // The open briefing is removed: the reader says so and opens its neighbour.
    std::fs::remove_file(&c).unwrap();
    wait_until(&mut state, "the removal", |s| s.shown.len() == 2);
    let message = state.message.clone().unwrap();
    assert!(message.contains("removed from the folder"), "{message}");
    assert!(message.contains("c.txt"), "{message}");
    assert_eq!(state.list.selected, 1);
    assert!(screen(&state).contains("Talks resume in Geneva"));
}

#[test]
fn a_warm_start_lists_titles_at_once_and_never_says_not_read_yet() {
    let (docs, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    briefing_file(
        &docs,
        "2016-09-20 convoy.txt",
        "Convoy struck near Aleppo\n\nU.S. officials said Russian jets struck the convoy.\n",
    );
    briefing_file(
        &docs,
        "talks.txt",
        "Talks in Geneva\n\nDiplomats met on Monday, officials said.\n",
    );
    let roots = [docs.path().to_path_buf()];
    let options = Options {
        cache_dir: Some(cache.path().to_path_buf()),
        watch_interval: Duration::from_secs(3600),
        ..Options::default()
    };
    let open = || {
        let library = Library::open(&roots, &options);
        State::new(library, Config::builtin().unwrap(), true, 100, 30)
    };
    // Cold: the files are listed by name before the background thread reads them.
    let mut cold = open();
    let first = screen(&cold);
    assert!(
        first.contains("talks.txt") && first.contains("not read yet"),
        "{first}"
    );
    // (That thread writes the cache too: once it is done, the cache is its, complete.
    // Opening another library while it still wrote raced it for the same files.)
    wait_until(&mut cold, "the first reading", |s| s.library.is_indexed());
    drop(cold);
    // Warm: titles and dates from the cache; the counts follow with the index.
    let warm = screen(&open());
    for shown in ["Convoy struck near Aleppo", "2016-09-20", "Talks in Geneva"] {
        assert!(warm.contains(shown), "{shown} in\n{warm}");
    }
    assert!(!warm.contains("not read yet"), "{warm}");
}

/// A long paste into `/` is taken whole, newlines as spaces: one search for all of it (one
/// search per pasted character made a 5,000-character paste take minutes), and the list
/// shows what it finds.
#[test]
fn a_long_paste_into_the_search_prompt_is_taken_whole() {
    let dir = dated_folder();
    let mut state = reader_on(dir.path(), 100, 30);
    state.focus = Pane::List;
    type_keys(&mut state, "/");
    update(&mut state, Action::Paste("russia\n".repeat(700)));
    let search = state.list_search.as_ref().expect("the paste is searched");
    assert_eq!(search.text, "russia ".repeat(700));
    assert!(!state.shown.is_empty(), "{}", screen(&state));
    type_keys(&mut state, "<enter>");
    assert!(state.prompt.is_none());
    // In the dossier picker the paste narrows the parties.
    type_keys(&mut state, "p");
    update(&mut state, Action::Paste("krem".into()));
    assert_eq!(
        state.picker.as_ref().and_then(|p| p.selected()),
        Some(&FilterOption::Party("Russia".into()))
    );
}

#[test]
fn a_restart_opens_the_list_scrolled_as_it_was_left() {
    let (folder, state_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for i in 0..40 {
        let text = format!("Briefing {i}\n\nTalks went on, officials said.\n");
        briefing_file(&folder, &format!("{i:02}.txt"), &text);
    }
    let start = || {
        let mut state = reader_on(folder.path(), 100, 30);
        state.marks = sitrep::library::marks::Marks::load(state_dir.path()).unwrap();
        state.resume();
        state
    };
    let mut first = start();
    // Far down, then back up a little: the open briefing sits inside the pane, not at
    // an edge of it.
    type_keys(&mut first, "<s-tab>");
    type_keys(&mut first, &"j".repeat(25));
    type_keys(&mut first, &"k".repeat(4));
    let left = (first.list.selected, first.list.offset);
    assert!(left.1 > 0 && left.0 > left.1 + 1, "{left:?}");
    first.remember_open().unwrap();
    let again = start();
    assert_eq!((again.list.selected, again.list.offset), left);
    assert_eq!(again.open_path(), first.open_path());
}
