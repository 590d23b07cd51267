//! A library answered straight from its cache file, for `sitrep search` on a warm cache.
//!
//! Opening a [`Library`](super::Library) decodes every briefing's list entry and extraction
//! (about 30 MB for 100,000 briefings) before the first result. A plain word search needs
//! none of that: the word index and the paths of the hits are enough. So when the cache's
//! [`FolderState`] equals that of a fresh scan of the folders (same files, same sizes and
//! times: nothing added, removed or changed since it was written), the search is answered
//! from the checked but undecoded sections. Anything else (no cache, a damaged one, a
//! changed folder, a query with `party:` and other fields) is left to the library, which
//! also brings the cache up to date.

use super::Options;
use super::cache::{Listed, Snapshot};
use super::catalog::{FolderState, Found, scan};
use super::doc::text_if_unchanged;
use super::search::{Query, lines_holding, search_snapshot};
use std::path::PathBuf;

/// A cache proved current for its folders.
pub struct CachedLibrary {
    snapshot: Snapshot,
}

impl CachedLibrary {
    /// The cache of `roots`, when it exists, checks out and a scan of the folders shows it
    /// current. Otherwise the scan, when one was made, for the library to bring the cache
    /// up to date with ([`super::Library::open_blocking_scanned`]). The cache is read while
    /// the folders are scanned.
    pub fn open(roots: &[PathBuf], options: &Options) -> Result<CachedLibrary, Option<Vec<Found>>> {
        let Some(cache) = options.cache_file(roots).filter(|c| c.path().is_file()) else {
            return Err(None);
        };
        let (snapshot, found) = std::thread::scope(|s| {
            let scanning = s.spawn(|| scan(roots));
            let snapshot = cache.snapshot();
            (snapshot, scanning.join().expect("the scan does not panic"))
        });
        match snapshot {
            Some(snapshot) if FolderState::of_found(&found) == snapshot.state() => {
                Ok(CachedLibrary { snapshot })
            }
            _ => Err(Some(found)),
        }
    }

    /// The briefings matching a query, in list order; `None` when the query needs more
    /// than the cache's index (fields such as `party:`).
    pub fn search(&self, query: &Query) -> Option<Vec<u32>> {
        search_snapshot(query, &self.snapshot)
    }

    /// A briefing's list entry.
    pub fn listed(&self, id: u32) -> Option<Listed<'_>> {
        self.snapshot.listed(id)
    }

    /// The first `limit` lines of a listed briefing that hold what a text query looks for
    /// (none once its file changed).
    pub fn matching_lines(listed: &Listed, query: &Query, limit: usize) -> Vec<String> {
        let needles = query.needles();
        if needles.is_empty() {
            return Vec::new();
        }
        text_if_unchanged(listed.path.as_ref(), listed.stamp)
            .map_or_else(Vec::new, |text| lines_holding(&text, &needles, limit))
    }

    /// The briefings that could not be read, with why.
    pub fn failures(&self) -> impl Iterator<Item = Listed<'_>> {
        self.snapshot
            .failed()
            .iter()
            .filter_map(|&id| self.listed(id))
    }
}
