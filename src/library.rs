//! Many briefings at once: finding them under folders, loading and extracting them in
//! parallel, in a stable order, with every failure kept beside the successes.

use crate::briefing::{Briefing, LoadError, collect_paths};
use crate::extract::{Extraction, Gazetteer, extract};
use rayon::prelude::*;
use std::path::PathBuf;

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
                let x = if b.meta.parties.is_empty() {
                    extract(&b, gazetteer)
                } else {
                    extract(&b, &gazetteer.with_extra(&b.meta.parties))
                };
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
