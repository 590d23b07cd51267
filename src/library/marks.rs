//! The analyst's marks: which briefings are read and which are starred, and which briefing
//! was open when the reader last quit on a set of folders (so it opens there again). Kept
//! apart from the briefings (which are never written) in `$XDG_STATE_HOME/sitrep/marks.json`,
//! written atomically so a crash never loses the marks already made.

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
    #[serde(skip)]
    file: Option<PathBuf>,
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
        let mut marks: Marks = match std::fs::read(&file) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", file.display()))?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Marks::default(),
            Err(e) => return Err(format!("{}: {e}", file.display())),
        };
        marks.file = Some(file);
        Ok(marks)
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

    /// Remembers the briefing open on quitting these folders, and saves (only when it
    /// changed: quitting without moving writes nothing).
    pub fn set_last_open(&mut self, roots: &[PathBuf], path: &Path) -> std::io::Result<()> {
        let path = key(path);
        let folders = folders_key(roots);
        if self.last_open.get(&folders) == Some(&path) {
            return Ok(());
        }
        self.last_open.insert(folders, path);
        self.save()
    }

    /// Flips read/unread and saves; returns the new state.
    pub fn toggle_read(&mut self, path: &Path) -> std::io::Result<bool> {
        let on = toggle(&mut self.read, key(path));
        self.save().map(|()| on)
    }

    /// Flips the star and saves; returns the new state.
    pub fn toggle_star(&mut self, path: &Path) -> std::io::Result<bool> {
        let on = toggle(&mut self.starred, key(path));
        self.save().map(|()| on)
    }

    fn save(&self) -> std::io::Result<()> {
        match &self.file {
            Some(file) => {
                let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
                write_atomically(file, |f| f.write_all(&json))
            }
            None => Ok(()),
        }
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

fn toggle(set: &mut BTreeSet<PathBuf>, key: PathBuf) -> bool {
    if set.remove(&key) {
        false
    } else {
        set.insert(key);
        true
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
        marks.set_last_open(&folders, &briefing).unwrap();
        let again = Marks::load(dir.path()).unwrap();
        assert!(again.is_starred(&briefing));
        assert!(!again.is_read(&briefing));
        assert_eq!(again.last_open(&folders), Some(key(&briefing).as_path()));
        assert_eq!(again.last_open(std::slice::from_ref(&briefing)), None);
        std::fs::write(dir.path().join("marks.json"), "{not json").unwrap();
        assert!(Marks::load(dir.path()).unwrap_err().contains("marks.json"));
    }
}
