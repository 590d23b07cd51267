//! The library: a folder (or many) of briefings as the reader and the command line see it.
//!
//! [`Library::open`] lists the briefings at once (from the cache, else from the file names)
//! and reads, extracts and indexes them on a background thread on all cores, reporting
//! [`Progress`]; [`Library::poll`] takes in what the thread finished and, after that, the
//! files added, changed or removed while the reader runs. [`Library::open_blocking`] does
//! the same work up front for the command line. [`load_all`] keeps whole briefings in memory
//! for `sitrep extract`.

pub mod cache;
pub mod cached;
pub mod catalog;
pub mod doc;
pub mod dossier;
pub mod fold;
mod folder;
pub mod index;
pub mod listing;
pub mod marks;
mod notify;
pub mod report;
pub mod search;
pub mod texts;
pub mod watch;

use crate::briefing::{Briefing, LoadError, collect_paths};
use crate::extract::{Extraction, Gazetteer, extract};
use cache::CacheFile;
pub use cached::CachedLibrary;
pub use catalog::Progress;
use catalog::{Catalog, Shared};
use doc::Doc;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One file of the library: the briefing with its extraction, or why it could not be read.
#[derive(Debug, Clone)]
pub enum Entry {
    /// Loaded and extracted.
    Ok(Box<Briefing>, Box<Extraction>),
    /// Could not be read; the error names the file.
    Failed(LoadError),
}

impl Entry {
    /// Loads and extracts one file with the given extra parties.
    pub fn load(path: &std::path::Path, gazetteer: &Gazetteer) -> Entry {
        match Briefing::load(path) {
            Ok(b) => {
                let x = extract(&b, gazetteer);
                Entry::Ok(Box::new(b), Box::new(x))
            }
            Err(e) => Entry::Failed(e),
        }
    }
}

/// Loads every briefing under `paths` (folders recursively), in path order, on all cores.
/// Folders that cannot be walked show up as failed entries too, so nothing is lost silently.
pub fn load_all(paths: &[PathBuf], gazetteer: &Gazetteer) -> Vec<Entry> {
    let (files, walk_errors) = collect_paths(paths);
    let mut entries: Vec<Entry> = files
        .par_iter()
        .map(|p| Entry::load(p, gazetteer))
        .collect();
    entries.extend(walk_errors.into_iter().map(Entry::Failed));
    entries
}

/// How a library is opened.
#[derive(Debug, Clone)]
pub struct Options {
    /// Folder of the cache; `None` reads everything afresh and writes no cache.
    pub cache_dir: Option<PathBuf>,
    /// Parties to recognise.
    pub gazetteer: Arc<Gazetteer>,
    /// How often the folders are looked at for new, changed and removed files.
    pub watch_interval: Duration,
}

impl Default for Options {
    /// The user's cache folder, the built-in parties, and a look every second.
    fn default() -> Options {
        Options {
            cache_dir: cache::default_cache_dir(),
            gazetteer: Arc::new(Gazetteer::builtin().clone()),
            watch_interval: Duration::from_secs(1),
        }
    }
}

impl Options {
    /// The cache file of `roots` with these options (none without a cache folder). The
    /// configured parties are part of its name: other parties, other extraction.
    fn cache_file(&self, roots: &[PathBuf]) -> Option<CacheFile> {
        self.cache_dir
            .as_deref()
            .map(|dir| CacheFile::new(dir, roots, &self.gazetteer.names().join("\0")))
    }
}

/// What the background thread hands over.
enum Update {
    /// A round of briefings read: path, title and date, so the list shows titles before
    /// the index is done without holding a second copy of every extraction; and the id
    /// of the first in the catalog being read, where a search finds them meanwhile.
    Read(u32, Vec<Doc>),
    /// Everything read and indexed (the catalog being read is complete); the cache error,
    /// if writing it failed.
    Ready(Option<String>, search::FieldTables),
    /// Files added, changed or removed since.
    Changed(Box<watch::Change>),
}

/// An open library.
pub struct Library {
    roots: Vec<PathBuf>,
    catalog: Catalog,
    /// Live ids in list order (by path); also how a path finds its id, by binary search
    /// (a map of 100,000 copied paths cost a warm start more than its list took to read).
    order: Vec<u32>,
    indexed: bool,
    /// The catalog the background thread is reading into, until it is complete: a search
    /// meanwhile covers the briefings read so far.
    reading: Option<Arc<Shared>>,
    /// Per id, the briefing's id in `reading` once a round of reading brought it
    /// ([`NOT_READ`] before).
    reading_ids: Vec<u32>,
    /// How many ids `reading_ids` gives.
    covered: usize,
    progress: Arc<Progress>,
    updates: Option<Mutex<Receiver<Update>>>,
    /// Dropping it tells the background thread to stop.
    _stop: Option<Sender<()>>,
    cache: Option<CacheFile>,
    cache_error: Option<String>,
    generation: u64,
    changed_since_save: bool,
    terms: search::TermCache,
    /// Live ids by date, newest first, computed when first asked for after a change.
    by_date: std::sync::OnceLock<Vec<u32>>,
    gazetteer: Arc<Gazetteer>,
}

impl std::fmt::Debug for Library {
    /// The folders and how far they are read (a catalog of 100,000 briefings is no debug
    /// output).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("roots", &self.roots)
            .field("briefings", &self.order.len())
            .field("indexed", &self.indexed)
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

/// Turns transparent huge pages off for the process, as mimalloc itself does when told
/// `MIMALLOC_ALLOW_THP=0`; later calls change nothing. mimalloc asks the kernel for huge
/// pages on its arenas, and the kernel then backs each 2 MiB range with a whole page as soon
/// as any of it is touched: a cold start on 100,000 briefings, whose heap is a few hundred
/// thousand small blocks spread over the threads' pages, held some 45 MB more for it (a
/// peak of 1.4x the archive's bytes instead of 1.2x), and read no faster. A warm search
/// ([`CachedLibrary`]) turns them off too, before its first allocation: its threads' fresh
/// pages were each a huge page zeroed whole, up to a third of its time.
pub(super) fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
        ONCE.call_once(|| unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        });
    }
}

impl Library {
    /// An empty library for `roots`; the first one opened also turns huge pages off (see
    /// [`no_huge_pages`]) before it reads anything.
    fn new(roots: &[PathBuf], options: &Options, catalog: Catalog) -> Library {
        no_huge_pages();
        let cache = options.cache_file(roots);
        let mut library = Library {
            roots: roots.to_vec(),
            catalog,
            order: Vec::new(),
            indexed: false,
            reading: None,
            reading_ids: Vec::new(),
            covered: 0,
            progress: Arc::new(Progress::default()),
            updates: None,
            _stop: None,
            cache,
            cache_error: None,
            generation: 0,
            changed_since_save: false,
            terms: search::TermCache::default(),
            by_date: std::sync::OnceLock::new(),
            gazetteer: options.gazetteer.clone(),
        };
        library.reorder();
        library
    }

    /// Opens folders for the reader: returns as soon as the list is known (from the cache,
    /// else from the file names) and reads everything else on a background thread, which
    /// then keeps watching the folders. Call [`Library::poll`] to take in its work.
    pub fn open(roots: &[PathBuf], options: &Options) -> Library {
        let mut library = Library::new(roots, options, Catalog::default());
        let listed = match library.cache.as_ref().and_then(CacheFile::read_docs) {
            Some(docs) => docs,
            None => {
                let (files, _) = catalog::walk(roots);
                files.into_iter().map(|p| Doc::unread(p, None)).collect()
            }
        };
        library.catalog = Catalog::from_parts(listed, index::Index::default());
        library.reorder();
        let (tx, rx) = channel();
        let (stop_tx, stop_rx) = channel::<()>();
        let reading = Arc::new(Shared::default());
        library.reading = Some(reading.clone());
        let worker = Worker {
            reading,
            roots: roots.to_vec(),
            cache: library.cache.clone(),
            gazetteer: options.gazetteer.clone(),
            progress: library.progress.clone(),
            interval: options.watch_interval,
        };
        std::thread::Builder::new()
            .name("sitrep-library".into())
            .spawn(move || worker.run(&tx, &stop_rx))
            .expect("the library thread starts");
        library.updates = Some(Mutex::new(rx));
        library._stop = Some(stop_tx);
        library
    }

    /// Opens folders and reads everything before returning (the command line's way); the
    /// cache is used and refreshed the same way as by [`Library::open`].
    pub fn open_blocking(roots: &[PathBuf], options: &Options) -> Library {
        Library::open_blocking_scanned(roots, options, None)
    }

    /// [`Library::open_blocking`] with a [`catalog::scan`] of the folders already made (by
    /// a [`CachedLibrary::open`] that found the cache out of date), so they are not
    /// walked and stat'ed twice.
    pub fn open_blocking_scanned(
        roots: &[PathBuf],
        options: &Options,
        scanned: Option<Vec<catalog::Found>>,
    ) -> Library {
        let mut library = Library::new(roots, options, Catalog::default());
        let catalog = Shared::default();
        let (error, ()) = catalog.load(
            roots,
            library.cache.as_ref(),
            scanned.map_or(catalog::Scan::Now(&|_| {}), catalog::Scan::Made),
            (&options.gazetteer, &library.progress),
            &mut |_, _| {},
            |_| {},
        );
        library.catalog = catalog.into_inner();
        library.cache_error = error.map(|e| e.to_string());
        library.indexed = true;
        library.reorder();
        library
    }

    /// Takes in what the background thread finished. Returns true when the list or the
    /// index changed (so the reader redraws and re-runs its search).
    pub fn poll(&mut self) -> bool {
        let Some(updates) = &mut self.updates else {
            return false;
        };
        let pending: Vec<Update> = updates
            .get_mut()
            .expect("no panic holds the lock")
            .try_iter()
            .collect();
        let mut changed = false;
        for update in pending {
            changed = true;
            match update {
                Update::Read(first, docs) => {
                    // Titles and dates fill in for briefings already listed; the order and
                    // the path lookup only change when a file appeared since the listing
                    // (re-sorting 100,000 paths for every round of reading would cost
                    // more than the reading).
                    let mut appended = false;
                    for (read_as, doc) in (first..).zip(docs) {
                        let id = match self.id_of(&doc.path) {
                            Some(id) => {
                                self.catalog.docs[id as usize] = doc;
                                id
                            }
                            None => {
                                let mut words = index::WordBatch::default();
                                words.add_empty();
                                self.catalog.append(vec![doc], &words);
                                appended = true;
                                self.catalog.docs.len() as u32 - 1
                            }
                        };
                        self.note_read(id, read_as);
                    }
                    if appended {
                        self.reorder();
                    } else {
                        self.touched();
                    }
                }
                Update::Ready(error, tables) => {
                    if let Some(reading) = self.reading.take() {
                        self.catalog = reading.take();
                    }
                    self.reading_ids = Vec::new();
                    self.covered = 0;
                    self.cache_error = error;
                    self.indexed = true;
                    self.reorder();
                    self.terms.set_tables(tables);
                }
                Update::Changed(change) => self.apply(*change),
            }
        }
        changed
    }

    /// Notes that the briefing listed as `id` is `read_as` in the catalog being read.
    fn note_read(&mut self, id: u32, read_as: u32) {
        let id = id as usize;
        if self.reading_ids.len() <= id {
            self.reading_ids
                .resize(self.catalog.docs.len().max(id + 1), NOT_READ);
        }
        if self.reading_ids[id] == NOT_READ {
            self.covered += 1;
        }
        self.reading_ids[id] = read_as;
    }

    /// Applies a change noticed by the watcher.
    fn apply(&mut self, change: watch::Change) {
        let gone: Vec<u32> = change
            .removed
            .iter()
            .chain(change.updated.iter().map(|d| &d.path))
            .filter_map(|path| self.id_of(path))
            .collect();
        for id in gone {
            self.catalog.live.remove(id as usize);
        }
        self.catalog.append(change.updated, &change.words);
        self.changed_since_save = true;
        self.reorder();
    }

    /// Recomputes the list order after the catalog changed. A catalog already in path
    /// order (a warm start's list) is only checked, not sorted.
    fn reorder(&mut self) {
        let docs = &self.catalog.docs;
        let by_path = |a: &u32, b: &u32| {
            catalog::path_order(&docs[*a as usize].path, &docs[*b as usize].path)
        };
        let mut order: Vec<u32> = self.catalog.live.iter().map(|id| id as u32).collect();
        if !order.is_sorted_by(|a, b| by_path(a, b).is_le()) {
            order.par_sort_unstable_by(by_path);
        }
        self.order = order;
        self.touched();
    }

    /// Tells views the list or index changed: a new generation, and no search results kept
    /// from before.
    fn touched(&mut self) {
        self.generation += 1;
        self.terms.clear();
        self.by_date = std::sync::OnceLock::new();
    }

    /// Writes the cache now if briefings changed since it was last written (the reader calls
    /// this on quit, so changes seen while it ran are not read again next time).
    pub fn save(&mut self) -> std::io::Result<()> {
        let Some(cache) = &self.cache else {
            return Ok(());
        };
        if !self.changed_since_save || !self.indexed {
            return Ok(());
        }
        let compact = self.catalog.compacted();
        cache.write(&compact.docs, &compact.index)?;
        self.changed_since_save = false;
        Ok(())
    }

    /// The opened folders.
    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// Briefing ids in list order (by path).
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// Briefing ids by date, newest first: those that carry their own date, then those dated
    /// only by their file; the same day keeps path order. Sorted once per change, so a list
    /// shown by date costs no sort per keystroke.
    pub fn order_by_date(&self) -> &[u32] {
        self.by_date.get_or_init(|| {
            let mut ids = self.order.clone();
            ids.sort_by_key(|&id| std::cmp::Reverse(self.doc(id).recency()));
            ids
        })
    }

    /// The briefing with an id from [`Library::order`] or a search.
    pub fn doc(&self, id: u32) -> &Doc {
        &self.catalog.docs[id as usize]
    }

    /// The briefings in list order.
    pub fn docs(&self) -> impl Iterator<Item = &Doc> {
        self.order.iter().map(|&id| self.doc(id))
    }

    /// Number of briefings listed.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no briefing is listed.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The id of the briefing at `path`, to keep a selection across reloads.
    pub fn id_of(&self, path: &Path) -> Option<u32> {
        let docs = &self.catalog.docs;
        self.order
            .binary_search_by(|&id| catalog::path_order(&docs[id as usize].path, path))
            .ok()
            .map(|at| self.order[at])
    }

    /// True once every briefing is read and the index is complete.
    pub fn is_indexed(&self) -> bool {
        self.indexed
    }

    /// While the briefings are first read: (briefings a search covers, briefings listed).
    /// A search then finds only among the briefings read so far, and each round of
    /// reading widens it; `None` once a search covers the whole library.
    pub fn searched(&self) -> Option<(usize, usize)> {
        self.reading.as_ref().map(|_| (self.covered, self.len()))
    }

    /// Background reading: (briefings read, briefings to read).
    pub fn progress(&self) -> (usize, usize) {
        self.progress.get()
    }

    /// Changes every time the list or index changes, so views know to recompute.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Why the cache could not be written, if it could not (worth a status-bar note).
    pub fn cache_error(&self) -> Option<&str> {
        self.cache_error.as_deref()
    }

    /// The parties this library recognises.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}

/// What [`Library::reading_ids`] holds for a briefing no round of reading brought yet.
const NOT_READ: u32 = u32::MAX;

/// The background thread of an open library: reads and indexes, then watches.
struct Worker {
    /// Where it reads into, shared with the library.
    reading: Arc<Shared>,
    roots: Vec<PathBuf>,
    cache: Option<CacheFile>,
    gazetteer: Arc<Gazetteer>,
    progress: Arc<Progress>,
    interval: Duration,
}

impl Worker {
    fn run(self, tx: &Sender<Update>, stop: &Receiver<()>) {
        // The folders are watched from the first scan on, so what changes while they are
        // read is heard of at the first look.
        let watches = watch::Watches::new(&self.roots);
        let (error, (seen, tables)) = self.reading.load(
            &self.roots,
            self.cache.as_ref(),
            catalog::Scan::Now(&|folder| watches.folder(folder)),
            (&self.gazetteer, &self.progress),
            &mut |first, docs| {
                let listed = docs
                    .iter()
                    .map(|d| {
                        let mut listed = Doc::unread(d.path.clone(), d.stamp);
                        listed.title.clone_from(&d.title);
                        listed.date.clone_from(&d.date);
                        listed.error.clone_from(&d.error);
                        listed.warned = d.warned;
                        listed
                    })
                    .collect();
                let _ = tx.send(Update::Read(first, listed));
            },
            |catalog| (watch::seen_in(catalog), search::field_tables(catalog)),
        );
        let mut watcher = watch::Watcher::new(seen, watches);
        let ready = Update::Ready(error.map(|e| e.to_string()), tables);
        if tx.send(ready).is_err() {
            return;
        }
        while let Err(RecvTimeoutError::Timeout) = stop.recv_timeout(self.interval) {
            let change = watcher.poll(&self.roots, &self.gazetteer);
            if !change.is_empty() && tx.send(Update::Changed(Box::new(change))).is_err() {
                return;
            }
        }
    }
}
