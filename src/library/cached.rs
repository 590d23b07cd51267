//! A library answered straight from its cache file, for `sitrep search` on a warm cache.
//!
//! Opening a [`Library`](super::Library) decodes every briefing's list entry and extraction
//! (about 30 MB for 100,000 briefings) before the first result. A plain word search needs
//! none of that: the word index and the paths of the hits are enough. So when the cache's
//! [`FolderState`] equals that of a fresh scan of the folders (same files, same sizes and
//! times: nothing added, removed or changed since it was written), the search is answered
//! from the checked but undecoded sections.
//!
//! When a few files were added, changed or removed since (up to [`MAX_READ_SINCE`]), the
//! search reads just those files itself and answers the rest from the cache, leaving out
//! the cache's entries for files that changed or went away: an archive that grows by a few
//! briefings a day is not re-read and re-cached in full by the first search after each
//! delivery (the reader brings the cache up to date when it next opens the folders).
//! Anything else (no cache, a damaged one, many changes, a file that cannot be looked at,
//! a query with `party:` and other fields) is left to the library, which also brings the
//! cache up to date.

use super::cache::{Listed, Snapshot};
use super::catalog::{FolderState, Found, Progress, Shared, path_order, scan_known};
use super::doc::with_text_if_unchanged;
use super::index::BitSet;
use super::listing::Listings;
use super::search::{Query, result_lines, search_snapshot};
use super::texts::TextStore;
use super::{Library, Options};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// The most files added or changed since the cache was written that a search reads itself;
/// with more, the library reads them and rewrites the cache.
pub const MAX_READ_SINCE: usize = 1000;

/// A cache with what changed in its folders since it was written.
pub struct CachedLibrary {
    snapshot: Snapshot,
    /// The cache's entries whose files changed or went away since it was written.
    stale: BitSet,
    /// The files added or changed since, read by this search (no cache of their own).
    since: Library,
    /// The folders' listings this search learnt, and the file to keep them in for the
    /// next one; `None` when it learnt nothing new.
    listings: Option<(Listings, PathBuf)>,
    /// The first matching line (or none) of briefings a text query found, by id, read
    /// while the folders were scanned ([`CachedLibrary::open_reading`]).
    early: FxHashMap<u32, Vec<String>>,
    /// The store of texts the cache points into, opened by the first search that shows
    /// lines (`None` inside when it is missing or not the cache's).
    texts: OnceLock<Option<TextStore>>,
    /// Where the store of texts lives.
    texts_file: PathBuf,
    /// What the scan found: 100,000 paths for 100,000 briefings, freed with the rest
    /// (which `sitrep search` leaves to the end of the process) rather than one by one
    /// while the search waits.
    _scanned: Vec<Found>,
}

/// One search result of a [`CachedLibrary`].
pub enum CachedHit<'a> {
    /// A briefing as the cache lists it, with its id in the cache.
    Listed(u32, Listed<'a>),
    /// A briefing read since, by its id in [`CachedLibrary::read_since`].
    Read(u32),
}

impl CachedLibrary {
    /// The cache of `roots`, when it exists, checks out and a scan of the folders shows it
    /// current or nearly so (the files changed since are read now). Otherwise the scan,
    /// when one was made, for the library to bring the cache up to date with
    /// ([`super::Library::open_blocking_scanned`]). The cache is read while the folders are
    /// scanned; folders whose listing the last search kept beside the cache and that have
    /// not changed since are not listed again (see [`super::listing`]).
    pub fn open(roots: &[PathBuf], options: &Options) -> Result<CachedLibrary, Option<Vec<Found>>> {
        CachedLibrary::open_reading(roots, options, None)
    }

    /// [`CachedLibrary::open`], and with a query, the first matching line of each
    /// briefing the cache says it matches, read on this thread while the folders are
    /// scanned, as far as it gets before the scan ends (what `sitrep search` shows;
    /// [`CachedLibrary::early_lines`] gives them). This thread would only wait meanwhile,
    /// and each file is checked against its cached stamp as it is read, so the lines hold
    /// whatever the scan finds.
    pub fn open_reading(
        roots: &[PathBuf],
        options: &Options,
        query: Option<&Query>,
    ) -> Result<CachedLibrary, Option<Vec<Found>>> {
        super::no_huge_pages();
        let Some(cache) = options.cache_file(roots).filter(|c| c.path().is_file()) else {
            return Err(None);
        };
        let listings_file = cache.path().with_extension("folders");
        let texts_file = cache.texts_path();
        let scanned = AtomicBool::new(false);
        let texts = OnceLock::new();
        let (snapshot, (found, learnt), early) = std::thread::scope(|s| {
            let scanning = s.spawn(|| {
                let found = scan_known(roots, &Listings::read(&listings_file));
                scanned.store(true, Ordering::Relaxed);
                found
            });
            let snapshot = cache.snapshot();
            let early = match (&snapshot, query) {
                (Some(snapshot), Some(query)) => {
                    let texts = texts.get_or_init(|| TextStore::of(snapshot, &texts_file));
                    first_lines_until(snapshot, texts.as_ref(), query, &scanned)
                }
                _ => FxHashMap::default(),
            };
            let found = scanning.join().expect("the scan does not panic");
            (snapshot, found, early)
        });
        let Some(snapshot) = snapshot else {
            return Err(Some(found));
        };
        let no_cache = Options {
            cache_dir: None,
            ..options.clone()
        };
        let since = Shared::default();
        let stale = if FolderState::of_found(&found) == snapshot.state() {
            BitSet::new(snapshot.len())
        } else {
            let Some((stale, to_read)) = changes_since(&snapshot, &found) else {
                return Err(Some(found));
            };
            let progress = Progress::default();
            since.read_files(
                &to_read,
                &options.gazetteer,
                &progress,
                &mut |_, _| {},
                None,
            );
            stale
        };
        Ok(CachedLibrary {
            snapshot,
            stale,
            since: Library::new(&[], &no_cache, since.into_inner()),
            listings: learnt.map(|listings| (listings, listings_file)),
            early,
            texts,
            texts_file,
            _scanned: found,
        })
    }

    /// The briefings matching a query, in list order; `None` when the query needs more
    /// than the cache's index (fields such as `party:`).
    pub fn search(&self, query: &Query) -> Option<Vec<CachedHit<'_>>> {
        let mut hits = search_snapshot(query, &self.snapshot)?
            .into_iter()
            .filter(|&id| !self.stale.contains(id as usize))
            .map(|id| self.snapshot.listed(id).map(|l| CachedHit::Listed(id, l)))
            .collect::<Option<Vec<_>>>()?;
        let read = self.since.search(query);
        if !read.is_empty() {
            hits.extend(read.into_iter().map(CachedHit::Read));
            hits.sort_by(|a, b| path_order(self.path_of(a), self.path_of(b)));
        }
        Some(hits)
    }

    /// The file of a search result.
    pub fn path_of<'a>(&'a self, hit: &'a CachedHit) -> &'a Path {
        match hit {
            CachedHit::Listed(_, listed) => listed.path(),
            CachedHit::Read(id) => &self.since.doc(*id).path,
        }
    }

    /// The briefings read since the cache was written (those [`CachedHit::Read`] names).
    pub fn read_since(&self) -> &Library {
        &self.since
    }

    /// The first `limit` lines of listed briefing `id` that hold what a text query looks
    /// for (none once its file changed).
    pub fn matching_lines(
        &self,
        id: u32,
        listed: &Listed,
        query: &Query,
        limit: usize,
    ) -> Vec<String> {
        let texts = self
            .texts
            .get_or_init(|| TextStore::of(&self.snapshot, &self.texts_file));
        lines_of(&self.snapshot, texts.as_ref(), (id, listed), query, limit)
    }

    /// The first matching line (none when the file changed or holds none) of the
    /// briefing with cache id `id`, when [`CachedLibrary::open_reading`] read it.
    pub fn early_lines(&self, id: u32) -> Option<&[String]> {
        self.early.get(&id).map(Vec::as_slice)
    }

    /// Keeps the folders' listings this search learnt for the next search (once its
    /// results are out: they are only a shortcut, and a listing that cannot be written
    /// only means listing the folders again).
    pub fn keep_listings(&self) {
        if let Some((listings, file)) = &self.listings {
            let _ = listings.write(file);
        }
    }

    /// The briefings that could not be read, with why.
    pub fn failures(&self) -> Vec<(&Path, Option<&str>)> {
        let listed = self
            .snapshot
            .failed()
            .iter()
            .filter(|&&id| !self.stale.contains(id as usize))
            .filter_map(|&id| self.snapshot.listed(id))
            .map(|l| (l.path(), l.error));
        let read = self.since.docs().filter(|d| d.error.is_some());
        listed
            .chain(read.map(|d| (d.path.as_path(), d.error.as_deref())))
            .collect()
    }
}

/// The first `limit` lines of listed briefing `id` that hold what a text query looks for:
/// from its text in the store when the store holds it intact (the text the cache's entry
/// was made from, which the search uses only while the file keeps the entry's stamp), else
/// from the file, when it still has that stamp; none otherwise.
fn lines_of(
    snapshot: &Snapshot,
    texts: Option<&TextStore>,
    (id, listed): (u32, &Listed),
    query: &Query,
    limit: usize,
) -> Vec<String> {
    let needles = query.needles();
    if needles.is_empty() {
        return Vec::new();
    }
    let lines = |text: &str| result_lines(text, listed.title, &needles, limit);
    texts
        .zip(snapshot.text_at(id))
        .and_then(|(texts, at)| texts.with_text(at, lines))
        .or_else(|| with_text_if_unchanged(listed.path(), listed.stamp, lines))
        .unwrap_or_default()
}

/// The first matching line of the briefings `query` finds in the cache, by id, read one
/// after another until `scanned` is set.
fn first_lines_until(
    snapshot: &Snapshot,
    texts: Option<&TextStore>,
    query: &Query,
    scanned: &AtomicBool,
) -> FxHashMap<u32, Vec<String>> {
    let mut lines = FxHashMap::default();
    for id in search_snapshot(query, snapshot).unwrap_or_default() {
        if scanned.load(Ordering::Relaxed) {
            break;
        }
        if let Some(listed) = snapshot.listed(id) {
            lines.insert(id, lines_of(snapshot, texts, (id, &listed), query, 1));
        }
    }
    lines
}

/// What changed in the folders since the cache was written, from a fresh scan of them: the
/// cache's entries whose files changed or went away, and the files to read (added or
/// changed). `None` when a file could not be looked at, or more than [`MAX_READ_SINCE`]
/// are to be read: the library handles those.
fn changes_since(snapshot: &Snapshot, found: &[Found]) -> Option<(BitSet, Vec<PathBuf>)> {
    let mut listed = FxHashMap::default();
    listed.reserve(snapshot.len());
    for id in 0..snapshot.len() as u32 {
        let entry = snapshot.listed(id)?;
        listed.insert(entry.path().as_os_str(), (id, entry.stamp));
    }
    let mut stale = BitSet::full(snapshot.len());
    let mut to_read = Vec::new();
    for (path, stamp) in found {
        let stamp = stamp.as_ref().ok()?;
        match listed.get(path.as_os_str()) {
            Some(&(id, Some(was))) if was == *stamp => stale.remove(id as usize),
            _ if to_read.len() == MAX_READ_SINCE => return None,
            _ => to_read.push(path.clone()),
        }
    }
    Some((stale, to_read))
}
