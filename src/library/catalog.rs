//! A catalog: every briefing of the opened folders with its extraction and the word index,
//! and how it is brought up to date with the files (from the cache, or by reading them).

use super::cache::CacheFile;
use super::doc::{Doc, Stamp};
use super::index::{BitSet, Index, WordBatch};
use crate::briefing::collect_paths;
use crate::extract::Gazetteer;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// Files to read in one parallel round: enough to keep every core busy, few enough that
/// the per-batch vocabularies stay small in memory.
const ROUND: usize = 4096;
/// Files one worker reads into one word batch.
const BATCH: usize = 128;

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

/// The briefing files under some folders, each with its stamp (or why it cannot be stat'ed).
pub fn scan(roots: &[PathBuf]) -> Vec<(PathBuf, Option<Stamp>, Option<String>)> {
    let (files, errors) = collect_paths(roots);
    let mut out: Vec<_> = files
        .into_par_iter()
        .map(|p| match std::fs::metadata(&p) {
            Ok(m) => (p, Some(Stamp::of(&m)), None),
            Err(e) => (p, None, Some(e.to_string())),
        })
        .collect();
    out.extend(
        errors
            .into_iter()
            .map(|e| (e.path, None, Some(e.problem.to_string()))),
    );
    out
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

    /// Reads the given files on all cores and appends them (new ids, in the given order).
    /// `on_round` sees each round of finished briefings (the list fills in titles from it).
    pub fn read_files(
        &mut self,
        files: &[PathBuf],
        gazetteer: &Gazetteer,
        progress: &Progress,
        on_round: &mut dyn FnMut(&[Doc]),
    ) {
        for round in files.chunks(ROUND) {
            let batches: Vec<(Vec<Doc>, WordBatch)> = round
                .par_chunks(BATCH)
                .map(|chunk| {
                    let mut words = WordBatch::default();
                    let docs = chunk
                        .iter()
                        .map(|p| Doc::read(p, gazetteer, &mut words))
                        .collect();
                    progress.advance(chunk.len());
                    (docs, words)
                })
                .collect();
            let first = self.docs.len();
            for (docs, words) in batches {
                self.append(docs, &words);
            }
            on_round(&self.docs[first..]);
        }
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
        let mut doc = Doc::unread(
            path,
            Stamp {
                size: 0,
                mtime_ns: 0,
            },
        );
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

    /// Brings a catalog up to date with the files under `roots`: unchanged briefings are
    /// kept, new and changed ones read, removed ones dropped. Returns whether anything
    /// changed (and so whether the cache needs writing).
    pub fn refresh(
        &mut self,
        roots: &[PathBuf],
        gazetteer: &Gazetteer,
        progress: &Progress,
        on_round: &mut dyn FnMut(&[Doc]),
    ) -> bool {
        let found = scan(roots);
        let known: HashMap<&Path, usize> = self
            .live
            .iter()
            .map(|id| (self.docs[id].path.as_path(), id))
            .collect();
        let mut keep = BitSet::new(self.docs.len());
        let mut to_read = Vec::new();
        let mut failed = Vec::new();
        for (path, stamp, error) in found {
            let current = known.get(path.as_path()).copied();
            match (stamp, error) {
                (Some(stamp), _) => match current {
                    Some(id) if self.docs[id].stamp == stamp && self.docs[id].extracted => {
                        keep.insert(id)
                    }
                    _ => to_read.push(path),
                },
                (None, error) => match current {
                    Some(id) if self.docs[id].error == error => keep.insert(id),
                    _ => failed.push((path, error.unwrap_or_default())),
                },
            }
        }
        if to_read.is_empty() && failed.is_empty() && keep == self.live {
            return false;
        }
        self.live = keep;
        progress.start(to_read.len());
        self.read_files(&to_read, gazetteer, progress, on_round);
        for (path, error) in failed {
            self.append_failed(path, error);
        }
        true
    }

    /// Opens a catalog from the cache when it checks out, brings it up to date, and writes
    /// the cache back when anything changed. A cache that cannot be written only costs the
    /// next start its speed, so the error is returned for the caller to mention, not fatal.
    pub fn load(
        roots: &[PathBuf],
        cache: Option<&CacheFile>,
        gazetteer: &Gazetteer,
        progress: &Progress,
        on_round: &mut dyn FnMut(&[Doc]),
    ) -> (Catalog, Option<std::io::Error>) {
        let mut catalog = cache
            .and_then(CacheFile::read)
            .map_or_else(Catalog::default, |(docs, index)| {
                Catalog::from_parts(docs, index)
            });
        let mut error = None;
        if catalog.refresh(roots, gazetteer, progress, on_round) {
            if catalog.has_removed() {
                catalog = catalog.compacted();
            }
            if let Some(cache) = cache {
                error = cache.write(&catalog.docs, &catalog.index).err();
            }
        }
        (catalog, error)
    }
}
