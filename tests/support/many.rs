//! A folder of many small briefings, more than one round of the library's background
//! reading (4,096 briefings), for tests of what the reader does while it reads.

use sitrep::library::{Library, Options};
use std::time::{Duration, Instant};

/// The briefings of [`folder`], one after another: a Russian denial of striking the aid
/// convoy, the UN envoy Staffan de Mistura quoted in Geneva, and Ukraine's accusation.
const TEXTS: [&str; 3] = [
    "Moscow denies striking the aid convoy\n\nRussia denied that its jets struck the aid \
     convoy near Aleppo, Foreign Ministry spokeswoman Maria Zakharova said.\n",
    "Talks to resume in Geneva\n\n\"We will meet again on Monday,\" the UN envoy Staffan de \
     Mistura told reporters in Geneva.\n",
    "Kiev blames rebels for shelling\n\nUkraine accused the rebels of shelling Donetsk \
     overnight, a military spokesman said.\n",
];

/// A folder of `n` briefings named `00000.txt` on, taking [`TEXTS`] in turn.
fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let path = dir.path().join(format!("{i:05}.txt"));
        std::fs::write(path, TEXTS[i % TEXTS.len()]).unwrap();
    }
    dir
}

/// A library opened as the reader opens it on a [`folder`] of `n` briefings, with no cache:
/// it lists them at once and reads them in the background.
pub fn opened(n: usize) -> (tempfile::TempDir, Library) {
    let dir = folder(n);
    let options = Options {
        cache_dir: None,
        ..Options::default()
    };
    let library = Library::open(&[dir.path().to_path_buf()], &options);
    (dir, library)
}

/// The file names of the briefings a first reading has brought to the list so far (those
/// with a stamp).
pub fn read_so_far(library: &Library) -> Vec<String> {
    library
        .docs()
        .filter(|d| d.stamp.is_some())
        .filter_map(|d| Some(d.path.file_name()?.to_string_lossy().into_owned()))
        .collect()
}

/// Calls `poll` (which polls the library as the event loop does and returns whether it
/// is indexed and how many briefings [`read_so_far`] lists) until a round of the first
/// reading is in and the reading is not over: the library changes only when polled, so
/// a test can look at this state for as long as it likes.
pub fn until_partly_read(mut poll: impl FnMut() -> (bool, usize)) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (indexed, read) = poll();
        assert!(!indexed, "the reading ended before a round of it was seen");
        if read > 0 {
            return;
        }
        assert!(Instant::now() < deadline, "no round of reading in a minute");
        std::thread::sleep(Duration::from_millis(1));
    }
}
