//! A temporary folder holding the shipped briefings next to whatever a test adds, and the
//! check that the shipped ones still load and extract exactly as they do alone.

use super::spans;
use sitrep::briefing::collect_paths;
use sitrep::extract::Gazetteer;
use sitrep::library::{Entry, load_all};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A folder of briefings in a temporary directory, deleted when dropped.
pub struct Folder {
    /// The temporary directory; every file the test adds goes under it.
    pub dir: tempfile::TempDir,
    /// How every shipped briefing loads and extracts on its own, by file name.
    baseline: BTreeMap<PathBuf, String>,
}

impl Folder {
    /// A new folder holding a copy of every briefing in the repository's `briefings/`.
    pub fn with_shipped_briefings() -> Folder {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (shipped, errors) = collect_paths(&[PathBuf::from("briefings")]);
        assert!(
            errors.is_empty() && !shipped.is_empty(),
            "briefings/ is readable"
        );
        for path in &shipped {
            let relative = path.strip_prefix("briefings").expect("under briefings/");
            let to = dir.path().join(relative);
            std::fs::create_dir_all(to.parent().expect("a parent")).expect("mkdir");
            std::fs::copy(path, to).expect("copy a shipped briefing");
        }
        let mut folder = Folder {
            dir,
            baseline: BTreeMap::new(),
        };
        folder.baseline = folder
            .load()
            .iter()
            .map(|(name, e)| (name.clone(), fingerprint(e)))
            .collect();
        folder
    }

    /// The path of `name` inside the folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `bytes` to `name` (creating subfolders) and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&path, bytes).expect("write a test file");
        path
    }

    /// Every entry of the folder by its path inside it.
    fn load(&self) -> BTreeMap<PathBuf, Entry> {
        load_all(&[self.dir.path().to_path_buf()], Gazetteer::builtin())
            .into_iter()
            .map(|e| (self.relative(entry_path(&e)), e))
            .collect()
    }

    /// Loads the folder, asserts that every shipped briefing loads and extracts exactly as it
    /// did alone and that every loaded briefing keeps the span invariants, and returns the
    /// other entries by their path inside the folder.
    pub fn load_checked(&self) -> BTreeMap<PathBuf, Entry> {
        let mut entries = self.load();
        for (name, before) in &self.baseline {
            let entry = entries
                .remove(name)
                .unwrap_or_else(|| panic!("{} is missing from the listing", name.display()));
            assert_eq!(
                &fingerprint(&entry),
                before,
                "{} changed next to bad input",
                name.display()
            );
        }
        for entry in entries.values() {
            if let Entry::Ok(b, x) = entry {
                spans::assert_valid(b, x);
            }
        }
        entries
    }

    fn relative(&self, path: &Path) -> PathBuf {
        path.strip_prefix(self.dir.path())
            .unwrap_or(path)
            .to_path_buf()
    }
}

/// The file an entry is about.
pub fn entry_path(e: &Entry) -> &Path {
    match e {
        Entry::Ok(b, _) => &b.path,
        Entry::Failed(err) => &err.path,
    }
}

/// Everything a reader would see of an entry except where the folder is.
fn fingerprint(e: &Entry) -> String {
    match e {
        Entry::Ok(b, x) => format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {x:?}",
            b.text, b.meta, b.title, b.title_span, b.headlines, b.paragraphs, b.warnings
        ),
        Entry::Failed(err) => format!("failed: {}", err.problem),
    }
}
