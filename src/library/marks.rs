//! The analyst's marks: which briefings are read and which are starred, and which briefing
//! was open when the reader last quit on a set of folders (so it opens there again). Kept
//! apart from the briefings (which are never written) in `$XDG_STATE_HOME/sitrep/marks.json`,
//! written atomically so a crash never loses the marks already made. Two readers may be
//! open at once: each saves only its own changes over what is on disk then, so neither wipes
//! the other's marks.

use super::cache::write_atomically;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Read and starred briefings, by absolute path.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Marks {
    #[serde(default)]
    read: BTreeSet<PathBuf>,
    #[serde(default)]
    starred: BTreeSet<PathBuf>,
    /// The briefing open at the last quit, per set of opened folders (their absolute paths,
    /// one per line).
    #[serde(default)]
    last_open: BTreeMap<String, PathBuf>,
    /// Per set of opened folders, the row of the briefings pane the open briefing was
    /// shown in at the last quit (0 the top), so the list opens scrolled as it was left.
    #[serde(default)]
    last_row: BTreeMap<String, usize>,
    #[serde(skip)]
    file: Option<PathBuf>,
    #[serde(skip)]
    unsaved: Changes,
}

/// What this reader changed since it last saved (the new state of each briefing it marked
/// or unmarked, the briefing it left open): saving lays only these over the file as it is
/// on disk then, so the marks another reader saved meanwhile stay.
#[derive(Debug, Default)]
struct Changes {
    read: BTreeMap<PathBuf, bool>,
    starred: BTreeMap<PathBuf, bool>,
    last_open: BTreeMap<String, PathBuf>,
    last_row: BTreeMap<String, usize>,
}

/// The default state folder, `$XDG_STATE_HOME/sitrep` (falling back to the data folder on
/// platforms without a state folder).
pub fn default_state_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sitrep").map(|d| {
        d.state_dir()
            .map_or_else(|| d.data_local_dir().to_path_buf(), Path::to_path_buf)
    })
}

/// A path as marks remember it: absolute, so the same file is one entry whichever folder
/// the reader was started from.
fn key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

impl Marks {
    /// The marks kept in `dir` (none yet when the file is missing). A damaged file is
    /// reported, not overwritten, so marks are never lost silently.
    pub fn load(dir: &Path) -> Result<Marks, String> {
        let file = dir.join("marks.json");
        let mut marks = Marks::on_disk(&file)?;
        marks.file = Some(file);
        Ok(marks)
    }

    /// The marks in `file` as it is now (none when it is missing).
    fn on_disk(file: &Path) -> Result<Marks, String> {
        match std::fs::read(file) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", file.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Marks::default()),
            Err(e) => Err(format!("{}: {e}", file.display())),
        }
    }

    /// True when the briefing is marked read.
    pub fn is_read(&self, path: &Path) -> bool {
        self.read.contains(&key(path))
    }

    /// True when the briefing is starred.
    pub fn is_starred(&self, path: &Path) -> bool {
        self.starred.contains(&key(path))
    }

    /// The briefing that was open when the reader last quit on these folders.
    pub fn last_open(&self, roots: &[PathBuf]) -> Option<&Path> {
        self.last_open
            .get(&folders_key(roots))
            .map(PathBuf::as_path)
    }

    /// The row of the briefings pane the open briefing was shown in when the reader last
    /// quit on these folders (0, the top, when not known).
    pub fn last_row(&self, roots: &[PathBuf]) -> usize {
        self.last_row.get(&folders_key(roots)).copied().unwrap_or(0)
    }

    /// Remembers the briefing open on quitting these folders and the row of the list it
    /// was shown in, and saves (only when either changed: quitting without moving writes
    /// nothing).
    pub fn set_last_open(
        &mut self,
        roots: &[PathBuf],
        path: &Path,
        row: usize,
    ) -> std::io::Result<()> {
        let path = key(path);
        let folders = folders_key(roots);
        if self.last_open.get(&folders) == Some(&path) && self.last_row(roots) == row {
            return Ok(());
        }
        self.last_open.insert(folders.clone(), path.clone());
        self.last_row.insert(folders.clone(), row);
        self.unsaved.last_open.insert(folders.clone(), path);
        self.unsaved.last_row.insert(folders, row);
        self.save()
    }

    /// Flips read/unread and saves; returns the new state.
    pub fn toggle_read(&mut self, path: &Path) -> std::io::Result<bool> {
        let on = toggle(&mut self.read, &mut self.unsaved.read, key(path));
        self.save().map(|()| on)
    }

    /// Flips the star and saves; returns the new state.
    pub fn toggle_star(&mut self, path: &Path) -> std::io::Result<bool> {
        let on = toggle(&mut self.starred, &mut self.unsaved.starred, key(path));
        self.save().map(|()| on)
    }

    /// Writes this reader's unsaved changes over the file as it is now, and takes up what
    /// other readers saved meanwhile. A damaged file is reported, not overwritten; the
    /// changes then stay unsaved for the next try.
    fn save(&mut self) -> std::io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let mut merged = Marks::on_disk(file).map_err(std::io::Error::other)?;
        let changes = &self.unsaved;
        for (path, &on) in &changes.read {
            set(&mut merged.read, path, on);
        }
        for (path, &on) in &changes.starred {
            set(&mut merged.starred, path, on);
        }
        merged.last_open.extend(changes.last_open.clone());
        merged.last_row.extend(changes.last_row.clone());
        let json = serde_json::to_vec_pretty(&merged).map_err(std::io::Error::other)?;
        write_atomically(file, |f| f.write_all(&json))?;
        self.read = merged.read;
        self.starred = merged.starred;
        self.last_open = merged.last_open;
        self.last_row = merged.last_row;
        self.unsaved = Changes::default();
        Ok(())
    }
}

/// A set of opened folders as [`Marks::last_open`] remembers it.
fn folders_key(roots: &[PathBuf]) -> String {
    roots
        .iter()
        .map(|r| key(r).to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Flips `key` in `marked`, notes its new state among `changes`, and returns it.
fn toggle(
    marked: &mut BTreeSet<PathBuf>,
    changes: &mut BTreeMap<PathBuf, bool>,
    key: PathBuf,
) -> bool {
    let on = !marked.contains(&key);
    set(marked, &key, on);
    changes.insert(key, on);
    on
}

fn set(marked: &mut BTreeSet<PathBuf>, key: &Path, on: bool) {
    if on {
        marked.insert(key.to_path_buf());
    } else {
        marked.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_survive_a_restart_and_a_damaged_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let briefing = dir.path().join("a.txt");
        std::fs::write(&briefing, "Head\n\nBody.\n").unwrap();
        let mut marks = Marks::load(dir.path()).unwrap();
        assert!(marks.toggle_star(&briefing).unwrap());
        assert!(marks.toggle_read(&briefing).unwrap());
        assert!(!marks.toggle_read(&briefing).unwrap());
        let folders = [dir.path().to_path_buf()];
        marks.set_last_open(&folders, &briefing, 3).unwrap();
        let again = Marks::load(dir.path()).unwrap();
        assert!(again.is_starred(&briefing));
        assert!(!again.is_read(&briefing));
        assert_eq!(again.last_open(&folders), Some(key(&briefing).as_path()));
        assert_eq!(again.last_row(&folders), 3);
        assert_eq!(again.last_open(std::slice::from_ref(&briefing)), None);
        std::fs::write(dir.path().join("marks.json"), "{not json").unwrap();
        assert!(Marks::load(dir.path()).unwrap_err().contains("marks.json"));
    }

    #[test]
    fn two_readers_open_at_once_keep_each_others_marks() {
        let dir = tempfile::tempdir().unwrap();
        let [a, b, c] = ["a.txt", "b.txt", "c.txt"].map(|name| {
            let path = dir.path().join(name);
            std::fs::write(&path, "Head\n\nBody.\n").unwrap();
            path
        });
        let folders = [dir.path().to_path_buf()];
        let mut first = Marks::load(dir.path()).unwrap();
        assert!(first.toggle_star(&a).unwrap());
        let mut reader_a = Marks::load(dir.path()).unwrap();
        let mut reader_b = Marks::load(dir.path()).unwrap();
        // B stars b, reads c and takes a's star off; A, open all along, then marks a read
        // and quits on a.
        assert!(reader_b.toggle_star(&b).unwrap());
        assert!(reader_b.toggle_read(&c).unwrap());
        assert!(!reader_b.toggle_star(&a).unwrap());
        assert!(reader_a.toggle_read(&a).unwrap());
        reader_a.set_last_open(&folders, &a, 0).unwrap();
        // A now shows B's marks too.
        assert!(reader_a.is_starred(&b));
        let after = Marks::load(dir.path()).unwrap();
        assert!(after.is_starred(&b), "B's star was lost");
        assert!(after.is_read(&c), "B's read mark was lost");
        assert!(!after.is_starred(&a), "A put back a star B had taken off");
        assert!(after.is_read(&a));
        assert_eq!(after.last_open(&folders), Some(key(&a).as_path()));
        // And B quitting on b keeps A's read mark.
        reader_b.set_last_open(&folders, &b, 0).unwrap();
        let after = Marks::load(dir.path()).unwrap();
        assert!(after.is_read(&a) && after.is_read(&c) && after.is_starred(&b));
        assert_eq!(after.last_open(&folders), Some(key(&b).as_path()));
    }
}
