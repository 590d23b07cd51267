//! A catalog: every briefing of the opened folders with its extraction and the word index,
//! and how it is brought up to date with the files (from the cache, or by reading them).

use super::cache::CacheFile;
use super::doc::{Doc, Stamp};
use super::folder::{Folder, Kind, Lookup, OpenFolder, joined};
use super::index::{BitSet, Index, SpareTable, WordBatch};
use super::listing::{Listing, Listings};
use super::texts::{BatchTexts, TextsWriter};
use crate::briefing::{is_briefing_name, walk_lists};
use crate::extract::Gazetteer;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// How far reading the archive has got, shared with whoever shows it (the status bar).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// Briefings read so far and how many there are to read (both 0 when nothing is to do).
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    fn start(&self, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    fn advance(&self, n: usize) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }
}

/// Briefings appended between two calls of `on_round` (the list takes in titles that often).
const ROUND: usize = 4096;
/// Files one worker reads into one word batch.
const BATCH: usize = 256;

/// Every briefing (by id) with the index over them; ids of removed briefings stay masked
/// out of `live` until the catalog is compacted.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Briefings by id.
    pub docs: Vec<Doc>,
    /// Words → briefing ids.
    pub index: Index,
    /// Ids still in the folder.
    pub live: BitSet,
}

/// What a reading calls with each round of briefings it appended: the id of the first, and
/// the briefings.
pub type OnRound<'a> = &'a mut (dyn FnMut(u32, &[Doc]) + Send);

/// A catalog being brought up to date on one thread while another searches it: the
/// reader's background thread appends each batch under the write lock as it is read, so
/// a search during a first start covers what is read so far. A batch is appended in a
/// millisecond or two, and a search holds the read lock about as long.
#[derive(Debug, Default)]
pub struct Shared(RwLock<Catalog>);

/// Reads one batch of files into their briefings and a word batch. The briefings are all
/// read and extracted before any is indexed: the batch's word table then stays in the
/// core's cache from one briefing to the next, where extracting in between pushed it out
/// (looking words up was a tenth of the CPU, nearly all of it waiting on the table).
///
/// Each thread keeps the last batch's word table and builds the next one in its memory.
///
/// With `texts`, the batch's texts are written there before it is handed on.
fn read_batch(
    files: &[PathBuf],
    gazetteer: &Gazetteer,
    texts: Option<&TextsWriter>,
) -> (Vec<Doc>, WordBatch) {
    thread_local! {
        static SPARE: std::cell::Cell<SpareTable> = std::cell::Cell::default();
        static TEXTS: std::cell::Cell<BatchTexts> = std::cell::Cell::default();
    }
    let mut kept = TEXTS.take();
    let mut read: Vec<(Doc, Option<String>)> = files
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (doc, folded, text) = Doc::read_unindexed(p, gazetteer);
            if let Some(text) = text.filter(|_| texts.is_some()) {
                kept.add(i, &text);
            }
            (doc, folded)
        })
        .collect();
    if let Some(texts) = texts {
        texts.append(&kept, |i, at| read[i].0.text_at = Some(at));
    }
    kept.clear();
    TEXTS.set(kept);
    let mut words = WordBatch::reusing(SPARE.take());
    let docs = read
        .into_iter()
        .map(|(doc, folded)| {
            words.add(folded.as_deref());
            doc
        })
        .collect();
    SPARE.set(words.take_table());
    (docs, words)
}

/// How [`Catalog::load`] learns what the folders hold.
pub enum Scan<'a> {
    /// From a [`scan`] made just before.
    Made(Vec<Found>),
    /// From a scan made now, handing each folder to `on_folder` before listing it (the
    /// watcher watches the folders there, so a change made while the catalog is read is not
    /// missed).
    Now(EachFolder<'a>),
}

/// One file found by [`scan`]: its stamp, or why it cannot be read.
pub type Found = (PathBuf, Result<Stamp, String>);

/// The briefing files under some folders, each with its stamp, in no particular order:
/// [`walk`], stat'ing every file once as its folder is listed, in parallel. On 100,000
/// briefings this is most of what a warm start costs.
pub fn scan(roots: &[PathBuf]) -> Vec<Found> {
    scan_folders(roots, &|_| {})
}

/// [`scan`], handing each folder to `on_folder` just before it is listed (the watcher
/// watches it there, so nothing added after the listing goes unnoticed).
pub fn scan_folders(roots: &[PathBuf], on_folder: EachFolder) -> Vec<Found> {
    let (mut found, failed) = walk_with(roots, (on_folder, &stamped, None));
    found.extend(failed);
    found
}

/// [`scan`], looking at the files of each folder that still has the stamp `known` lists
/// it with by the names listed there, instead of listing it again (see
/// [`super::listing`]). Also, when some folder was listed and its listing can be kept,
/// the listings of all the folders walked, to keep for the next scan (else there is
/// nothing new to keep, and nothing is copied).
pub fn scan_known(roots: &[PathBuf], known: &Listings) -> (Vec<Found>, Option<Listings>) {
    scan_known_by(roots, known, std::time::SystemTime::now)
}

/// [`scan_known`], judging whether a folder has settled by `clock` (a test sets it ahead
/// rather than wait [`super::listing::SETTLED`]).
fn scan_known_by(
    roots: &[PathBuf],
    known: &Listings,
    clock: fn() -> std::time::SystemTime,
) -> (Vec<Found>, Option<Listings>) {
    let memo = Memo {
        known,
        clock,
        learnt: Mutex::default(),
        reused: Mutex::default(),
    };
    let (mut found, failed) = walk_with(roots, (&|_| {}, &stamped, Some(&memo)));
    found.extend(failed);
    let mut learnt = memo.learnt.into_inner().expect("walk lock");
    if learnt == Listings::default() {
        return (found, None);
    }
    for dir in memo.reused.into_inner().expect("walk lock") {
        if let Some(listing) = known.get(&dir) {
            learnt.insert(dir, listing.clone());
        }
    }
    (found, Some(learnt))
}

/// A found file with its stamp.
fn stamped(path: PathBuf, folder: Option<Lookup>) -> Found {
    let stamp = stamp_of(&path, folder);
    (path, stamp)
}

/// The folder listings a walk takes as known, and what it learns for the next walk.
struct Memo<'a> {
    known: &'a Listings,
    /// What time it is, to tell whether a folder just listed has settled.
    clock: fn() -> std::time::SystemTime,
    /// Folders listed whose listing can be kept.
    learnt: Mutex<Listings>,
    /// Folders looked at by their known listing.
    reused: Mutex<Vec<PathBuf>>,
}

/// A found file's stamp. A file listed in a folder is stat'ed by name relative to the open
/// folder, without walking its path again; a link (no folder) is followed by path.
pub(super) fn stamp_of(path: &Path, folder: Option<Lookup>) -> Result<Stamp, String> {
    match folder {
        Some(folder) => folder.stamp(file_name(path)),
        None => std::fs::metadata(path)
            .map(|m| Stamp::of(&m))
            .map_err(|e| e.to_string()),
    }
}

/// The last part of a path the walk made (a join never ends in a separator).
fn file_name(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    let sep = std::path::MAIN_SEPARATOR as u8;
    memchr::memrchr(sep, bytes).map_or(bytes, |at| &bytes[at + 1..])
}

/// What a walk does with each briefing file it lists: given its path and the open folder
/// it was listed in (`None` for a link or a file named as a root).
type EachFile<'a, T> = &'a (dyn Fn(PathBuf, Option<Lookup>) -> T + Sync);

/// What a walk does with each folder, before listing it.
pub type EachFolder<'a> = &'a (dyn Fn(&Path) + Sync);

/// The briefing files under some folders without touching the files themselves (what the
/// list needs on a first start), plus the folders that could not be read.
pub fn walk(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<Found>) {
    walk_with(roots, (&|_| {}, &|path, _| path, None))
}

/// What a walk does with each folder and each file, and the listings it may use and keep.
type Each<'a, T> = (EachFolder<'a>, EachFile<'a, T>, Option<&'a Memo<'a>>);

/// Walks folders, handing each folder to `each_folder` before listing it and each briefing
/// file to `each_file` soon after the listing names it ([`LOOK_AT_ONCE`] at a time; see
/// [`super::folder`] for why not after). Folders are read in parallel, and the files of one
/// folder handled in parallel too; file types come from the listing, so only symbolic links
/// need a look; a folder reached twice (a link loop) is walked once; hidden entries are
/// skipped.
fn walk_with<T: Send>(roots: &[PathBuf], each: Each<T>) -> (Vec<T>, Vec<Found>) {
    let each_file = each.1;
    let seen = Mutex::new(HashSet::new());
    let mut files = Vec::new();
    let mut failed = Vec::new();
    let mut named_files = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => walk_dir(root, &seen, each, &mut files, &mut failed),
            Ok(_) => named_files.push(root),
            Err(e) => failed.push((root.clone(), Err(e.to_string()))),
        }
    }
    let walked = seen.into_inner().expect("walk lock");
    let mut named = HashSet::new();
    for file in named_files {
        if std::fs::canonicalize(file).is_ok_and(|c| walk_lists(&c, &walked) || !named.insert(c)) {
            continue;
        }
        files.push(each_file(file.clone(), None));
    }
    (files, failed)
}

fn walk_dir<T: Send>(
    dir: &Path,
    seen: &Mutex<HashSet<PathBuf>>,
    each: Each<T>,
    files: &mut Vec<T>,
    failed: &mut Vec<Found>,
) {
    let first_visit = std::fs::canonicalize(dir)
        .map(|c| seen.lock().expect("walk lock").insert(c))
        .unwrap_or(true);
    if !first_visit {
        return;
    }
    let (each_folder, each_file, memo) = each;
    each_folder(dir);
    let known = memo.and_then(|m| {
        let listing = m.known.get(dir)?;
        let dirs = look_at_known(dir, listing, each_file, files)?;
        m.reused.lock().expect("walk lock").push(dir.to_path_buf());
        Some(dirs)
    });
    let dirs = match known {
        Some(dirs) => dirs,
        None => match list_dir(dir, each_file, memo, files) {
            Ok(dirs) => dirs,
            Err(e) => return failed.push((dir.to_path_buf(), Err(e.to_string()))),
        },
    };
    let below: Vec<(Vec<T>, Vec<Found>)> = dirs
        .par_iter()
        .map(|d| {
            let (mut f, mut e) = (Vec::new(), Vec::new());
            walk_dir(d, seen, each, &mut f, &mut e);
            (f, e)
        })
        .collect();
    // One allocation for all the folders below (100,000 entries at the top of an archive),
    // not one per doubling, each a copy into fresh memory.
    files.reserve(below.iter().map(|(f, _)| f.len()).sum());
    for (f, e) in below {
        files.extend(f);
        failed.extend(e);
    }
}

/// Lists a folder, handing its briefing files to `each_file` as the listing names them;
/// its subfolders. With a memo, the listing is kept when a later walk can take it as
/// known (see [`super::listing`]): the folder's stamp is taken before its entries are
/// read, and it holds no symbolic link.
fn list_dir<T: Send>(
    dir: &Path,
    each_file: EachFile<T>,
    memo: Option<&Memo>,
    files: &mut Vec<T>,
) -> std::io::Result<Vec<PathBuf>> {
    let mut folder = Folder::open(dir)?;
    let mut kept = memo.and_then(|_| folder.stamp().ok()).map(Listing::new);
    let listed_at = memo.map_or_else(std::time::SystemTime::now, |m| (m.clock)());
    let mut dirs = Vec::new();
    let mut listed = Vec::with_capacity(LOOK_AT_ONCE);
    folder.entries(|name, kind, lookup| {
        if name.starts_with(b".") {
            return;
        }
        if kind == Kind::Link {
            kept = None;
        }
        let path = joined(dir, name);
        match kind {
            Kind::Dir => {
                if let Some(k) = &mut kept {
                    k.add_dir(name);
                }
                dirs.push(path);
            }
            Kind::Link if path.is_dir() => dirs.push(path),
            _ if is_briefing_name(name) => {
                if let Some(k) = &mut kept {
                    k.add_file(name);
                }
                listed.push((path, kind == Kind::File));
                if listed.len() == LOOK_AT_ONCE {
                    look_at(&mut listed, lookup, each_file, files);
                }
            }
            _ => {}
        }
    });
    look_at(&mut listed, folder.lookup(), each_file, files);
    if let (Some(memo), Some(kept)) = (memo, kept)
        && kept.settled(listed_at)
    {
        memo.learnt
            .lock()
            .expect("walk lock")
            .insert(dir.to_path_buf(), kept);
    }
    Ok(dirs)
}

/// Looks at the files of a folder by the names `listing` gives, when the folder still has
/// the stamp it was listed with; then its subfolders. `None` when it changed since (or
/// cannot be opened): it is listed instead.
fn look_at_known<T: Send>(
    dir: &Path,
    listing: &Listing,
    each_file: EachFile<T>,
    files: &mut Vec<T>,
) -> Option<Vec<PathBuf>> {
    let folder = OpenFolder::open(dir).ok()?;
    if folder.stamp().ok()? != listing.stamp {
        return None;
    }
    let mut listed: Vec<(PathBuf, bool)> = listing
        .files()
        .map(|name| (joined(dir, name), true))
        .collect();
    look_at(&mut listed, folder.lookup(), each_file, files);
    Some(listing.dirs().map(|name| joined(dir, name)).collect())
}

/// Files of one folder handed to a walk's `each_file` together, in parallel (an archive may
/// be one flat folder).
const LOOK_AT_ONCE: usize = 512;

/// Hands files just listed in a folder to `each_file` on all cores, emptying `listed`; a
/// file that is no link is looked at in the folder (`lookup`).
fn look_at<T: Send>(
    listed: &mut Vec<(PathBuf, bool)>,
    lookup: Lookup,
    each_file: EachFile<T>,
    files: &mut Vec<T>,
) {
    files.par_extend(
        listed
            .par_drain(..)
            .map(|(path, in_folder)| each_file(path, in_folder.then_some(lookup))),
    );
}

/// A fingerprint of what a [`scan`] found: how many files, and two sums of a hash of each
/// file's path and stamp (or error). Sums do not depend on the order files were found in,
/// so a parallel scan can fold it up as it goes. The cache stores the fingerprint of the
/// briefings it holds; when a new scan of the folders gives the same one, nothing was
/// added, removed or changed, and a search can be answered from the cache without
/// decoding it. A 32-bit CRC and a 64-bit Fx hash, built unalike, make a chance match of
/// a changed folder about 1 in 2^96. (The CRC replaced SipHash, a fifth of a warm search's
/// instructions for a stronger guarantee than this needs.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FolderState {
    /// Number of files.
    pub files: u64,
    /// Wrapping sum of the CRC-32 of each file.
    pub crc: u64,
    /// Wrapping sum of the Fx hash of each file.
    pub fx: u64,
}

impl FolderState {
    /// The fingerprint of what a [`scan`] found: what proves a cache current.
    pub fn of_found(found: &[Found]) -> FolderState {
        found
            .par_iter()
            .map(|(path, stamp)| FolderState::of_file(path, stamp))
            .reduce(FolderState::default, FolderState::plus)
    }

    /// The fingerprint a scan gives while these briefings (all of the folders') are
    /// unchanged; `None` when some briefing is not read yet (a scan must not pass for proof
    /// that it was).
    pub fn of_docs(docs: &[Doc]) -> Option<FolderState> {
        docs.iter().try_fold(FolderState::default(), |state, doc| {
            doc.extracted
                .then(|| state.plus(FolderState::of_file(&doc.path, &doc.found_as())))
        })
    }

    fn of_file(path: &Path, stamp: &Result<Stamp, String>) -> FolderState {
        use std::hash::{Hash, Hasher};
        fn feed(h: &mut impl Hasher, path: &Path, stamp: &Result<Stamp, String>) {
            path.as_os_str().as_encoded_bytes().hash(h);
            match stamp {
                Ok(s) => (0u8, s.size, s.mtime_ns).hash(h),
                Err(e) => (1u8, e).hash(h),
            }
        }
        let mut crc = crc32fast::Hasher::new();
        feed(&mut crc, path, stamp);
        let mut fx = rustc_hash::FxHasher::default();
        feed(&mut fx, path, stamp);
        FolderState {
            files: 1,
            crc: crc.finish(),
            fx: fx.finish(),
        }
    }

    fn plus(self, other: FolderState) -> FolderState {
        FolderState {
            files: self.files + other.files,
            crc: self.crc.wrapping_add(other.crc),
            fx: self.fx.wrapping_add(other.fx),
        }
    }
}

/// Paths ordered by their bytes: the list order, and much cheaper than comparing
/// components on 100,000 paths.
pub fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    a.as_os_str()
        .as_encoded_bytes()
        .cmp(b.as_os_str().as_encoded_bytes())
}

impl Catalog {
    /// A catalog made from cached parts, every briefing live.
    pub fn from_parts(docs: Vec<Doc>, index: Index) -> Catalog {
        let live = BitSet::full(docs.len());
        Catalog { docs, index, live }
    }

    /// Number of live briefings.
    pub fn live_count(&self) -> usize {
        self.live.count()
    }

    /// Appends briefings whose words are in `words` (one entry each, same order).
    pub fn append(&mut self, docs: Vec<Doc>, words: &WordBatch) {
        debug_assert_eq!(docs.len(), words.len());
        self.index.add_batch(words);
        let first = self.docs.len();
        self.docs.extend(docs);
        self.live.grow(self.docs.len());
        (first..self.docs.len()).for_each(|id| self.live.insert(id));
    }

    /// Appends a briefing that is listed with an error and has no text.
    fn append_failed(&mut self, path: PathBuf, error: String) {
        let mut doc = Doc::unread(path, None);
        doc.error = Some(error);
        doc.extracted = true;
        let mut words = WordBatch::default();
        words.add_empty();
        self.append(vec![doc], &words);
    }

    /// This catalog without its removed briefings, ids renumbered (what the cache stores).
    pub fn compacted(&self) -> Catalog {
        let docs = self.live.iter().map(|id| self.docs[id].clone()).collect();
        Catalog::from_parts(docs, self.index.compacted(&self.live))
    }

    /// True when some ids belong to removed briefings.
    pub fn has_removed(&self) -> bool {
        self.live.count() != self.docs.len()
    }
}

impl Shared {
    /// The catalog, for a search; appending waits until the guard is dropped.
    pub fn read(&self) -> RwLockReadGuard<'_, Catalog> {
        self.0.read().expect("no panic holds the catalog")
    }

    fn write(&self) -> RwLockWriteGuard<'_, Catalog> {
        self.0.write().expect("no panic holds the catalog")
    }

    /// The catalog, taken out of the lock (the reading is over).
    pub fn into_inner(self) -> Catalog {
        self.0.into_inner().expect("no panic holds the catalog")
    }

    /// The catalog, leaving an empty one in its place (the reading is over and whoever
    /// searched it takes it over).
    pub fn take(&self) -> Catalog {
        std::mem::take(&mut *self.write())
    }

    /// Reads the given files on all cores and appends them (new ids, in the given order).
    /// `on_round` sees each round of [`ROUND`] finished briefings (the list fills in titles
    /// from it, and a search during the reading covers them from then on).
    ///
    /// Appending to the index is serial, so a thread of its own appends each batch as soon as
    /// it and those before it are read, while the cores go on reading. (Reading in rounds,
    /// each appended beside the reading of the next, left a core idle at the end of every
    /// round while the other finished its last batch.) Batches are handed out in order, so
    /// few wait for one before them.
    ///
    /// With `texts`, each briefing's text is written there as soon as its batch is read.
    pub fn read_files(
        &self,
        files: &[PathBuf],
        gazetteer: &Gazetteer,
        progress: &Progress,
        on_round: OnRound,
        texts: Option<&TextsWriter>,
    ) {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::scope(|s| {
            s.spawn(move || self.append_in_order(&rx, on_round));
            files
                .chunks(BATCH)
                .enumerate()
                .par_bridge()
                .for_each_with(tx, |tx, (at, batch)| {
                    let read = read_batch(batch, gazetteer, texts);
                    progress.advance(batch.len());
                    // The receiver only goes away if appending panicked, which the scope
                    // passes on.
                    let _ = tx.send((at, read));
                });
        });
    }

    /// Appends the numbered batches `read` receives in number order, whatever order they
    /// come in, calling `on_round` every [`ROUND`] briefings and at the end.
    fn append_in_order(
        &self,
        read: &std::sync::mpsc::Receiver<(usize, (Vec<Doc>, WordBatch))>,
        on_round: OnRound,
    ) {
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        let mut round_start = self.read().docs.len();
        let mut end_round = |catalog: &Catalog, round_start: &mut usize| {
            on_round(*round_start as u32, &catalog.docs[*round_start..]);
            *round_start = catalog.docs.len();
        };
        for (at, batch) in read {
            waiting.insert(at, batch);
            while let Some((docs, words)) = waiting.remove(&next) {
                self.write().append(docs, &words);
                next += 1;
                // The round is handed on under the read lock: a search need not wait.
                let catalog = self.read();
                if catalog.docs.len() - round_start >= ROUND {
                    end_round(&catalog, &mut round_start);
                }
            }
        }
        let catalog = self.read();
        if catalog.docs.len() > round_start {
            end_round(&catalog, &mut round_start);
        }
    }

    /// Brings the catalog up to date with `found`, a [`scan`] of its folders: unchanged
    /// briefings are kept, new and changed ones read, removed ones dropped. Returns whether
    /// anything changed (and so whether the cache needs writing).
    fn refresh(
        &self,
        mut found: Vec<Found>,
        gazetteer: &Gazetteer,
        progress: &Progress,
        on_round: OnRound,
        texts: Option<&TextsWriter>,
    ) -> bool {
        found.par_sort_unstable_by(|a, b| path_order(&a.0, &b.0));
        let mut to_read = Vec::new();
        let mut failed = Vec::new();
        {
            let mut catalog = self.write();
            let known: FxHashMap<&OsStr, usize> = catalog
                .live
                .iter()
                .map(|id| (catalog.docs[id].path.as_os_str(), id))
                .collect();
            let mut keep = BitSet::new(catalog.docs.len());
            for (path, stamp) in found {
                match known.get(path.as_os_str()).copied() {
                    Some(id)
                        if catalog.docs[id].extracted && catalog.docs[id].found_as() == stamp =>
                    {
                        keep.insert(id)
                    }
                    _ => match stamp {
                        Ok(_) => to_read.push(path),
                        Err(error) => failed.push((path, error)),
                    },
                }
            }
            if to_read.is_empty() && failed.is_empty() && keep == catalog.live {
                return false;
            }
            catalog.live = keep;
        }
        progress.start(to_read.len());
        self.read_files(&to_read, gazetteer, progress, on_round, texts);
        let mut catalog = self.write();
        for (path, error) in failed {
            catalog.append_failed(path, error);
        }
        true
    }

    /// Opens the catalog from the cache when it checks out, brings it up to date with a
    /// [`scan`] of the folders (`scanned`), and writes the cache back when anything changed.
    /// A cache that cannot be written only costs the next start its speed, so the error is
    /// returned for the caller to mention, not fatal.
    /// `meanwhile` runs on the finished catalog while the cache is written, its result
    /// returned beside it: the reader's own last steps need not wait for the disk.
    pub fn load<R: Send>(
        &self,
        roots: &[PathBuf],
        cache: Option<&CacheFile>,
        scanned: Scan,
        (gazetteer, progress): (&Gazetteer, &Progress),
        on_round: OnRound,
        meanwhile: impl FnOnce(&Catalog) -> R + Send,
    ) -> (Option<std::io::Error>, R) {
        // Reading the cache is mostly decoding, scanning mostly waiting on the file system:
        // side by side they take little more than the longer of the two. The decoding stays
        // on this thread: its many allocations then come from the main heap, which grows in
        // large steps, where a pool thread's heap grows a page at a time (a system call each).
        let (cached, found) = std::thread::scope(|s| {
            let scanning = s.spawn(move || match scanned {
                Scan::Made(found) => found,
                Scan::Now(on_folder) => scan_folders(roots, on_folder),
            });
            let cached = cache.and_then(CacheFile::read);
            (cached, scanning.join().expect("the scan does not panic"))
        });
        // Reading everything (no cache to start from), the texts are kept beside the cache
        // as they are read, and the store is in place before the cache that points into it.
        let mut texts = None;
        match cached {
            Some((docs, index)) => *self.write() = Catalog::from_parts(docs, index),
            None => texts = cache.and_then(|c| TextsWriter::create(&c.texts_path())),
        }
        let refreshed = self.refresh(found, gazetteer, progress, on_round, texts.as_ref());
        if let Some(texts) = texts {
            texts.finish();
        }
        if refreshed && self.read().has_removed() {
            let compacted = self.read().compacted();
            *self.write() = compacted;
        }
        let catalog = self.read();
        let catalog: &Catalog = &catalog;
        rayon::join(
            || {
                cache
                    .filter(|_| refreshed)
                    .and_then(|c| c.write(&catalog.docs, &catalog.index).err())
            },
            || meanwhile(catalog),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: &[Found]) -> Vec<String> {
        let mut names: Vec<String> = found
            .iter()
            .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[cfg(unix)]
    #[test]
    fn a_known_listing_is_used_only_while_its_folder_keeps_its_stamp() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("2016-09");
        std::fs::create_dir(&dir).expect("folder");
        for name in ["a.txt", "b.txt"] {
            std::fs::write(dir.join(name), "Headline\n\nBody.\n").expect("write");
        }
        let roots = [tmp.path().to_path_buf()];
        // Just written, nothing is settled: the folders are listed and no listing is kept.
        let (found, learnt) = scan_known(&roots, &Listings::default());
        assert_eq!(names(&found), ["a.txt", "b.txt"]);
        assert_eq!(learnt, None);
        // A listing with the folder's stamp is taken as it is (here one that leaves out
        // b.txt, to show the folder is not listed); nothing new is learnt.
        let stamp = |d: &Path| OpenFolder::open(d).unwrap().stamp().unwrap();
        let mut known = Listings::default();
        let mut root = Listing::new(stamp(tmp.path()));
        root.add_dir(b"2016-09");
        known.insert(tmp.path().to_path_buf(), root);
        let mut month = Listing::new(stamp(&dir));
        month.add_file(b"a.txt");
        known.insert(dir.clone(), month);
        let (found, learnt) = scan_known(&roots, &known);
        assert_eq!(names(&found), ["a.txt"]);
        assert_eq!(learnt, None);
        // A file changed in place is looked at all the same.
        let before = found[0].1.clone().expect("stamp");
        let file = std::fs::File::options()
            .write(true)
            .open(dir.join("a.txt"))
            .expect("open");
        file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(9))
            .expect("set time");
        let (found, _) = scan_known(&roots, &known);
        assert_ne!(found[0].1.clone().expect("stamp"), before);
        // A file added changes the folder's stamp: the folder is listed again. (Past the
        // coarsest clock tick, so the change cannot share the listed time.)
        std::thread::sleep(std::time::Duration::from_millis(30));
        std::fs::write(dir.join("c.txt"), "Headline\n\nBody.\n").expect("write");
        let (found, learnt) = scan_known(&roots, &known);
        assert_eq!(names(&found), ["a.txt", "b.txt", "c.txt"]);
        assert_eq!(learnt, None, "a folder just changed is not kept");
    }

    /// A listing learnt and kept in its file (as a search keeps it beside the cache) never
    /// hides a change made since: a file or a folder added after it was learnt is found by
    /// the next scan. The clock runs an hour ahead so folders just made count as settled.
    #[cfg(unix)]
    #[test]
    fn a_learnt_listing_kept_in_its_file_still_finds_files_added_since() {
        let later = || std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path().join("archive");
        let month = root.join("2016-09");
        std::fs::create_dir_all(&month).expect("folders");
        std::fs::write(month.join("a.txt"), "Headline\n\nBody.\n").expect("write");
        let roots = [root.clone()];
        let (found, learnt) = scan_known_by(&roots, &Listings::default(), later);
        assert_eq!(names(&found), ["a.txt"]);
        let learnt = learnt.expect("settled folders are learnt");
        assert!(learnt.get(&root).is_some() && learnt.get(&month).is_some());
        let file = tmp.path().join("library-test.folders");
        learnt.write(&file).expect("kept");
        let known = Listings::read(&file);
        assert_eq!(known, learnt);
        // Unchanged, every folder is looked at by its listing: none is listed, so nothing new
        // is learnt.
        let (found, again) = scan_known_by(&roots, &known, later);
        assert_eq!(names(&found), ["a.txt"]);
        assert_eq!(again, None);
        // Past the coarsest clock tick, a file and a folder are added.
        std::thread::sleep(std::time::Duration::from_millis(30));
        std::fs::write(month.join("b.txt"), "Headline\n\nBody.\n").expect("write");
        std::fs::create_dir(root.join("2016-10")).expect("folder");
        std::fs::write(root.join("2016-10/c.txt"), "Headline\n\nBody.\n").expect("write");
        let (found, relearnt) = scan_known_by(&roots, &known, later);
        assert_eq!(names(&found), ["a.txt", "b.txt", "c.txt"]);
        let month_now = relearnt
            .as_ref()
            .and_then(|l| l.get(&month))
            .expect("relearnt");
        assert!(month_now.files().any(|name| name == b"b.txt"));
    }
}
