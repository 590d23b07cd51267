//! Noticing files added, changed or removed in the opened folders while the reader runs.
//!
//! Stat'ing every file at every look cost the reader about half a core on 100,000
//! briefings while it sat idle, so the watcher asks the kernel instead: on Linux an inotify
//! watch on every folder reports each entry created, written, renamed or deleted, and a
//! look costs one read of the watch descriptor while nothing happens. A file an event names
//! is read again even when its size and time are as before (a copy that keeps the old
//! time, as `cp -p` and `rsync -a` make, is still new text).
//!
//! Where the kernel cannot help (other systems, the per-user watch limit reached, network
//! file systems, on which inotify never hears of other machines' changes) the watcher
//! polls, cheaply: each look stats the folders only and lists again those whose time moved
//! (adding, removing or renaming a file moves its folder's time), and a slice of the files
//! is stat'ed at each look, so a file edited in place is seen within [`ROLL_LOOKS`] looks.
//! When the kernel's queue overflows, everything is looked at again.

use super::catalog::{Catalog, scan_folders, stamp_of};
use super::doc::{Doc, Stamp};
use super::index::WordBatch;
use super::notify::Notify;
use crate::briefing::is_briefing_name;
use crate::extract::Gazetteer;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

/// Looks over which polling stats every file once (half a minute at the reader's two looks
/// a second): what an edit in place waits at most to be seen without inotify.
const ROLL_LOOKS: usize = 60;

/// A folder whose time is this close to when it was stat'ed may change again without its
/// time moving (file systems keep times in steps of a clock tick, FAT in two seconds), so
/// polling lists it again at the next look until it has been still that long.
const SETTLING: Duration = Duration::from_secs(3);

/// What changed since the last look: files that are gone, and files that are new or
/// changed, already read and extracted (their words in `words`, one entry per doc).
#[derive(Debug, Default)]
pub struct Change {
    /// Files no longer there.
    pub removed: Vec<PathBuf>,
    /// New or changed briefings, read again.
    pub updated: Vec<Doc>,
    /// The words of `updated`, in the same order.
    pub words: WordBatch,
}

impl Change {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.updated.is_empty()
    }
}

/// A folder's time when it was last listed, and when that was (polling compares them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Listed {
    mtime: Option<SystemTime>,
    at: SystemTime,
}

impl Listed {
    fn now(folder: &Path) -> Listed {
        Listed {
            mtime: std::fs::metadata(folder).and_then(|m| m.modified()).ok(),
            at: SystemTime::now(),
        }
    }

    /// True when the folder may have changed since it was listed.
    fn moved(&self, folder: &Path) -> bool {
        let settling = self
            .mtime
            .is_none_or(|t| self.at.duration_since(t).unwrap_or_default() < SETTLING);
        settling || Listed::now(folder).mtime != self.mtime
    }
}

/// What one look found to look at again: whole folders, and single files (read again
/// whatever their stamp says).
#[derive(Debug, Default)]
struct Look {
    everything: bool,
    folders: BTreeSet<PathBuf>,
    files: BTreeSet<PathBuf>,
}

/// What the folders held at a look: each file's stamp, or why it has none.
pub type Seen = HashMap<PathBuf, Result<Stamp, String>>;

/// The catalog's live briefings as a watcher takes them: already seen.
pub fn seen_in(catalog: &Catalog) -> Seen {
    catalog
        .live
        .iter()
        .map(|id| {
            let d = &catalog.docs[id];
            (d.path.clone(), d.found_as())
        })
        .collect()
}

/// How the folders are watched: the kernel's watch on each, and each folder's time for
/// polling, both taken as a walk lists the folders (from any of its threads).
#[derive(Debug, Default)]
pub struct Watches {
    notify: Option<Notify>,
    listed: Mutex<Vec<(PathBuf, Listed)>>,
    refused: AtomicBool,
}

impl Watches {
    /// Watches for folders under `roots`: the kernel's where it has them, else polling.
    pub fn new(roots: &[PathBuf]) -> Watches {
        Watches {
            notify: Notify::new(roots),
            ..Watches::default()
        }
    }

    /// Watches a folder about to be listed (a walk's `on_folder`).
    pub fn folder(&self, folder: &Path) {
        if let Some(notify) = &self.notify
            && !notify.add(folder)
        {
            self.refused.store(true, Ordering::Relaxed);
        }
        let entry = (folder.to_path_buf(), Listed::now(folder));
        self.listed
            .lock()
            .expect("no panic holds the list")
            .push(entry);
    }

    /// The folders listed since the last call. The kernel's watches are dropped once it
    /// refused one (out of watches): from then on the folders are polled, and every
    /// folder's time is known.
    fn take(&mut self) -> Vec<(PathBuf, Listed)> {
        if std::mem::take(self.refused.get_mut()) {
            self.notify = None;
        }
        std::mem::take(self.listed.get_mut().expect("no panic held the list"))
    }
}

/// Remembers what the folders held at the last look, and how they are watched.
#[derive(Debug)]
pub struct Watcher {
    seen: Seen,
    /// Every folder walked, as walked (a link by the link's path).
    folders: HashMap<PathBuf, Listed>,
    watches: Watches,
    /// Files the rolling stat of polling has still to visit this round.
    rolling: Vec<PathBuf>,
}

impl Watcher {
    /// A watcher that takes `seen` as what the folders hold and `watches` as what a walk
    /// set up while finding it. A root not walked yet is walked at the first look.
    pub fn new(seen: Seen, mut watches: Watches) -> Watcher {
        Watcher {
            seen,
            folders: watches.take().into_iter().collect(),
            watches,
            rolling: Vec::new(),
        }
    }

    /// Looks at the folders again and reads whatever is new or changed: what the kernel
    /// reported, or polling found.
    pub fn poll(&mut self, roots: &[PathBuf], gazetteer: &Gazetteer) -> Change {
        let mut look = Look::default();
        if self.watches.notify.is_some() {
            self.hear(&mut look);
        } else {
            self.poll_folders(&mut look);
            self.roll(&mut look);
        }
        self.check_roots(roots, &mut look);
        let mut change = Change::default();
        if look.everything {
            look.folders = roots.iter().cloned().collect();
        }
        let tops = outermost(&look.folders);
        self.rescan(roots, &tops, gazetteer, &mut change);
        for path in look.files {
            if !tops.iter().any(|t| path.starts_with(t)) {
                self.reread(path, gazetteer, &mut change);
            }
        }
        change
    }

    /// Takes in what the kernel reported.
    fn hear(&mut self, look: &mut Look) {
        let Some(notify) = &self.watches.notify else {
            return;
        };
        let (events, overflow) = notify.read();
        look.everything |= overflow;
        for e in events {
            if e.name.starts_with(b".") {
                continue;
            }
            let known_folder = self.folders.contains_key(&e.path);
            if e.folder || (e.came && !is_briefing_name(&e.name) && e.path.is_dir()) {
                // A folder (or a link to one) came or went: walk it (again).
                if e.came || e.went {
                    look.folders.insert(e.path);
                }
            } else if e.went && known_folder {
                // The folder watched went away, or a link to a folder did.
                look.folders.insert(e.path);
            } else if is_briefing_name(&e.name) {
                look.files.insert(e.path);
            }
        }
    }

    /// Polling: the folders whose time moved.
    fn poll_folders(&self, look: &mut Look) {
        look.folders.extend(
            self.folders
                .iter()
                .filter(|(folder, listed)| listed.moved(folder))
                .map(|(folder, _)| folder.clone()),
        );
    }

    /// Polling: stats the next slice of the files, for edits in place.
    fn roll(&mut self, look: &mut Look) {
        if self.rolling.is_empty() {
            self.rolling = self.seen.keys().cloned().collect();
        }
        let slice = self.seen.len().div_ceil(ROLL_LOOKS);
        let from = self.rolling.len().saturating_sub(slice);
        for path in self.rolling.drain(from..) {
            if self.seen.get(&path) != Some(&stamp_of(&path, None)) {
                look.files.insert(path);
            }
        }
    }

    /// The roots themselves: a file named as a root is stat'ed at every look (no folder of
    /// ours is watched for it), and a root folder that appeared or vanished is walked.
    fn check_roots(&self, roots: &[PathBuf], look: &mut Look) {
        for root in roots {
            match std::fs::metadata(root) {
                Ok(m) if m.is_dir() => {
                    if !self.folders.contains_key(root) {
                        look.folders.insert(root.clone());
                    }
                }
                Ok(m) => {
                    if self.seen.get(root) != Some(&Ok(Stamp::of(&m))) {
                        look.files.insert(root.clone());
                    }
                }
                Err(e) => {
                    if self.seen.get(root) != Some(&Err(e.to_string())) {
                        look.folders.insert(root.clone());
                    }
                }
            }
        }
    }

    /// Walks the folders `tops` again (watching each as it goes), reading the files that
    /// are new or changed under them and dropping those gone. A top that is no longer a
    /// folder only drops what was under it, unless it is a root (then it is listed the way
    /// a first walk lists it: a file, or an error).
    fn rescan(
        &mut self,
        roots: &[PathBuf],
        tops: &[PathBuf],
        gazetteer: &Gazetteer,
        change: &mut Change,
    ) {
        if tops.is_empty() {
            return;
        }
        let under = |p: &Path| tops.iter().any(|t| p.starts_with(t));
        self.folders.retain(|f, _| !under(f));
        if let Some(notify) = &self.watches.notify {
            notify.forget_under(tops);
        }
        let walk: Vec<PathBuf> = tops
            .iter()
            .filter(|t| roots.contains(t) || t.is_dir())
            .cloned()
            .collect();
        let watches = &self.watches;
        let found = scan_folders(&walk, &|folder| watches.folder(folder));
        self.folders.extend(self.watches.take());
        let now: Seen = found.into_iter().collect();
        let gone: Vec<PathBuf> = self
            .seen
            .keys()
            .filter(|p| under(p) && !now.contains_key(*p))
            .cloned()
            .collect();
        for path in gone {
            self.seen.remove(&path);
            change.removed.push(path);
        }
        for (path, stamp) in now {
            if self.seen.get(&path) != Some(&stamp) {
                change
                    .updated
                    .push(Doc::read(&path, gazetteer, &mut change.words));
                self.seen.insert(path, stamp);
            }
        }
    }

    /// Reads one file again (the kernel said it was written to, or its stamp changed), or
    /// drops it when it is gone.
    fn reread(&mut self, path: PathBuf, gazetteer: &Gazetteer, change: &mut Change) {
        match std::fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if self.seen.remove(&path).is_some() {
                    change.removed.push(path);
                }
            }
            // A folder by a briefing's name: its own event walks it.
            Ok(m) if m.is_dir() => {}
            stat => {
                let stamp = stat.map(|m| Stamp::of(&m)).map_err(|e| e.to_string());
                change
                    .updated
                    .push(Doc::read(&path, gazetteer, &mut change.words));
                self.seen.insert(path, stamp);
            }
        }
    }
}

/// The folders of a set that are not inside another of the set (walking those walks all).
fn outermost(folders: &BTreeSet<PathBuf>) -> Vec<PathBuf> {
    let mut tops: Vec<PathBuf> = Vec::new();
    for folder in folders {
        if !tops.iter().any(|t| folder.starts_with(t)) {
            tops.push(folder.clone());
        }
    }
    tops
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// Names of the files read again and of those removed, each sorted.
    fn names(change: &Change) -> (Vec<String>, Vec<String>) {
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        let mut read: Vec<String> = change.updated.iter().map(|d| name(&d.path)).collect();
        let mut gone: Vec<String> = change.removed.iter().map(|p| name(p)).collect();
        read.sort();
        gone.sort();
        (read, gone)
    }

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    /// A folder with a briefing at the top and one in a month folder.
    fn archive() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("2015-03")).unwrap();
        fs::write(dir.path().join("top.txt"), "Talks in Geneva\n\nThey met.\n").unwrap();
        fs::write(dir.path().join("2015-03/raid.txt"), "Raid\n\nA raid.\n").unwrap();
        dir
    }

    /// Looks until something changes, at most `looks` times.
    fn look(watcher: &mut Watcher, roots: &[PathBuf], looks: usize) -> Change {
        let gazetteer = Gazetteer::builtin();
        for _ in 1..looks {
            let change = watcher.poll(roots, gazetteer);
            if !change.is_empty() {
                return change;
            }
        }
        watcher.poll(roots, gazetteer)
    }

    /// Adds, edits in place, replaces keeping the time, and removes files and folders,
    /// checking after each what the watcher says (within `looks` looks).
    fn follows_the_folders(mut watcher: Watcher, looks: usize, keeps_time: bool) {
        let dir = archive();
        let roots = [dir.path().to_path_buf()];
        let first = look(&mut watcher, &roots, 1);
        assert_eq!(names(&first), (strings(&["raid.txt", "top.txt"]), vec![]));
        assert!(look(&mut watcher, &roots, 1).is_empty(), "nothing changed");

        fs::create_dir_all(dir.path().join("2015-04/late")).unwrap();
        fs::write(dir.path().join("2015-04/late/new.txt"), "New\n\nNews.\n").unwrap();
        let added = look(&mut watcher, &roots, looks);
        assert_eq!(names(&added), (strings(&["new.txt"]), vec![]));

        // Folders last changed an hour ago (an edit in place does not move their time).
        for folder in ["", "2015-03", "2015-04", "2015-04/late"] {
            let hour_ago = SystemTime::now() - Duration::from_secs(3600);
            let handle = fs::File::open(dir.path().join(folder)).unwrap();
            handle.set_modified(hour_ago).unwrap();
        }
        assert!(
            look(&mut watcher, &roots, 1).is_empty(),
            "times are no news"
        );
        fs::write(
            dir.path().join("2015-03/raid.txt"),
            "Raid denied\n\nNo raid.\n",
        )
        .unwrap();
        let edited = look(&mut watcher, &roots, looks);
        assert_eq!(names(&edited), (strings(&["raid.txt"]), vec![]));

        if keeps_time {
            // A correction of the same length copied in with the old time (`cp -p`).
            let path = dir.path().join("2015-03/raid.txt");
            let time = fs::metadata(&path).unwrap().modified().unwrap();
            fs::write(&path, "Raid denies\n\nNo raid.\n").unwrap();
            fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(time)
                .unwrap();
            let copied = look(&mut watcher, &roots, looks);
            assert_eq!(names(&copied), (strings(&["raid.txt"]), vec![]));
        }

        fs::rename(
            dir.path().join("2015-04/late/new.txt"),
            dir.path().join("2015-04/late/renamed.txt"),
        )
        .unwrap();
        let renamed = look(&mut watcher, &roots, looks);
        assert_eq!(
            names(&renamed),
            (strings(&["renamed.txt"]), strings(&["new.txt"]))
        );

        fs::remove_dir_all(dir.path().join("2015-04")).unwrap();
        fs::remove_file(dir.path().join("top.txt")).unwrap();
        let removed = look(&mut watcher, &roots, looks);
        assert_eq!(
            names(&removed),
            (vec![], strings(&["renamed.txt", "top.txt"]))
        );
        assert!(look(&mut watcher, &roots, 1).is_empty(), "nothing changed");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_kernel_reports_every_change_at_the_next_look() {
        let watches = Watches::new(&[]);
        assert!(watches.notify.is_some(), "inotify is there");
        follows_the_folders(Watcher::new(Seen::new(), watches), 1, true);
    }

    #[test]
    fn polling_sees_every_change_within_a_round_of_looks() {
        let watcher = Watcher::new(Seen::new(), Watches::default());
        follows_the_folders(watcher, ROLL_LOOKS + 1, false);
    }
}
