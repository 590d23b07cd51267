//! The briefings' texts kept beside the cache, so a warm `sitrep search` shows each hit's
//! matching line without opening its file.
//!
//! A plain search prints the first matching line of every hit (5,400 files for a common
//! word). Opening, checking and reading each file cost four system calls a hit, about a
//! fifth of the search; reading the same texts from one file takes a quarter of that. So
//! a cache built by reading the whole archive keeps every briefing's text, as decoded when
//! it was read, end to end in a file of its own (`library-*.texts` beside `library-*.bin`),
//! written as the reading goes (never held in memory) and renamed into place before the
//! cache that points into it. The cache says where each briefing's text lies, its length
//! and CRC-32, and which store it lies in (a random tag the store's header repeats).
//!
//! A text is used only while the cache's entry is: the search shows lines from the store
//! only for briefings whose files the scan found with the stamp the cache holds, and the
//! text is the one read under that stamp (the index was built from it). A store that is
//! missing, replaced (another tag), short or damaged (a CRC that does not match) gives
//! nothing, and the file itself is read as before. The store is not synced: a crash can
//! only leave texts whose CRC fails. Briefings read after the store was written (changes
//! the reader or a later search took in) have no text in it and are read from their files;
//! the next full reading (a new engine, a lost cache) writes a store anew.

use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

const MAGIC: &[u8; 8] = b"SITREPT\x01";
/// Magic and tag.
const HEADER_LEN: u64 = 16;

/// Where a briefing's text lies in a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextAt {
    /// The store's tag.
    pub store: u64,
    /// Byte offset in the store.
    pub at: u64,
    /// Length in bytes.
    pub len: u32,
    /// CRC-32 of the bytes.
    pub crc: u32,
}

/// A store being written, under a temporary name until [`TextsWriter::finish`]. The
/// threads reading the archive each write their batch's texts at a place they reserve,
/// as soon as the batch is read: nothing waits in memory for its turn.
pub struct TextsWriter {
    file: std::fs::File,
    temp: PathBuf,
    path: PathBuf,
    tag: u64,
    /// The store's length so far (what the threads have reserved).
    len: AtomicU64,
    /// Set when a write failed: the store is then not put in place.
    failed: AtomicBool,
}

impl TextsWriter {
    /// A new store that will replace `path`; `None` when it cannot be created (the
    /// briefings are then read from their files, as without a store).
    pub fn create(path: &Path) -> Option<TextsWriter> {
        use std::hash::{BuildHasher, Hasher};
        std::fs::create_dir_all(path.parent()?).ok()?;
        let temp = super::cache::fresh_temporary(path);
        let file = std::fs::File::create(&temp).ok()?;
        // A tag no other store is likely to have: the standard library's random hash keys.
        let tag = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        let header = [&MAGIC[..], &tag.to_le_bytes()].concat();
        if file.write_all_at(&header, 0).is_err() {
            let _ = std::fs::remove_file(&temp);
            return None;
        }
        Some(TextsWriter {
            file,
            temp,
            path: path.to_path_buf(),
            tag,
            len: AtomicU64::new(HEADER_LEN),
            failed: AtomicBool::new(false),
        })
    }

    /// Writes a batch's texts and tells `placed` where each lies, by its place in the
    /// batch (nothing when the write fails: their files are read instead).
    pub fn append(&self, batch: &BatchTexts, mut placed: impl FnMut(usize, TextAt)) {
        let len = batch.bytes.len() as u64;
        let mut at = self.len.fetch_add(len, Ordering::Relaxed);
        if self.file.write_all_at(&batch.bytes, at).is_err() {
            self.failed.store(true, Ordering::Relaxed);
            return;
        }
        for &(i, len, crc) in &batch.texts {
            placed(
                i,
                TextAt {
                    store: self.tag,
                    at,
                    len,
                    crc,
                },
            );
            at += u64::from(len);
        }
    }

    /// Puts the store in place of the old one. Whatever fails, the cache's entries only
    /// point at texts no store holds, and those files are read instead.
    pub fn finish(self) {
        let done =
            !self.failed.load(Ordering::Relaxed) && std::fs::rename(&self.temp, &self.path).is_ok();
        if !done {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// The texts of a batch of briefings, laid end to end for [`TextsWriter::append`].
#[derive(Default)]
pub struct BatchTexts {
    bytes: Vec<u8>,
    /// The briefing's place in the batch, the text's length and CRC.
    texts: Vec<(usize, u32, u32)>,
}

impl BatchTexts {
    /// Adds the text of the batch's `i`th briefing (not one of 4 GB or more).
    pub fn add(&mut self, i: usize, text: &str) {
        if let Ok(len) = u32::try_from(text.len()) {
            self.bytes.extend_from_slice(text.as_bytes());
            self.texts.push((i, len, crc32fast::hash(text.as_bytes())));
        }
    }

    /// Empties it for the next batch; a thread keeps one, with its memory unless a batch
    /// of large files made it large.
    pub fn clear(&mut self) {
        if self.bytes.capacity() > KEPT_BUFFER {
            *self = BatchTexts::default();
        }
        self.bytes.clear();
        self.texts.clear();
    }
}

/// A store opened for reading.
pub struct TextStore {
    file: std::fs::File,
    tag: u64,
}

/// The largest read buffer a thread keeps between texts.
const KEPT_BUFFER: usize = 1 << 20;

impl TextStore {
    /// The store at `path`, when it is there and its header checks out.
    pub fn open(path: &Path) -> Option<TextStore> {
        let file = std::fs::File::open(path).ok()?;
        let mut header = [0; HEADER_LEN as usize];
        file.read_exact_at(&mut header, 0).ok()?;
        let (magic, tag) = header.split_at(MAGIC.len());
        (magic == MAGIC).then(|| TextStore {
            file,
            tag: u64::from_le_bytes(tag.try_into().expect("8 bytes")),
        })
    }

    /// The store at `path`, when it is the one `snapshot`'s cache points into.
    pub fn of(snapshot: &super::cache::Snapshot, path: &Path) -> Option<TextStore> {
        let tag = snapshot.texts_tag()?;
        TextStore::open(path).filter(|store| store.tag == tag)
    }

    /// What `f` makes of the text at `at`; `None` when this store does not hold it intact.
    /// One `pread` into a buffer each thread keeps.
    pub fn with_text<R>(&self, at: TextAt, f: impl FnOnce(&str) -> R) -> Option<R> {
        thread_local! {
            static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        if at.store != self.tag || at.at < HEADER_LEN {
            return None;
        }
        BUFFER.with_borrow_mut(|bytes| {
            bytes.clear();
            bytes.resize(at.len as usize, 0);
            let read =
                self.file.read_exact_at(bytes, at.at).is_ok() && crc32fast::hash(bytes) == at.crc;
            let done = read
                .then(|| std::str::from_utf8(bytes).ok().map(f))
                .flatten();
            if bytes.capacity() > KEPT_BUFFER {
                *bytes = Vec::new();
            }
            done
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_only_from_their_own_intact_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library-1.texts");
        let writer = TextsWriter::create(&path).expect("created");
        let mut placed = [None; 3];
        let mut batch = BatchTexts::default();
        batch.add(0, "Raid on Tikrit\n");
        batch.add(2, "Café talks\n");
        writer.append(&batch, |i, at| placed[i] = Some(at));
        writer.finish();
        let [Some(raid), None, Some(cafe)] = placed else {
            panic!("the first and last placed: {placed:?}");
        };
        let store = TextStore::open(&path).expect("opened");
        let read = |at| store.with_text(at, str::to_string);
        assert_eq!(read(raid).as_deref(), Some("Raid on Tikrit\n"));
        assert_eq!(read(cafe).as_deref(), Some("Café talks\n"));
        assert_eq!(read(TextAt { store: 7, ..cafe }), None, "another store's");
        assert_eq!(read(TextAt { len: 99, ..cafe }), None, "past the end");

        let mut damaged = std::fs::read(&path).unwrap();
        *damaged.last_mut().unwrap() ^= 0x20;
        std::fs::write(&path, damaged).unwrap();
        let store = TextStore::open(&path).expect("the header is intact");
        assert_eq!(
            store.with_text(raid, str::to_string).as_deref(),
            Some("Raid on Tikrit\n")
        );
        assert_eq!(
            store.with_text(cafe, str::to_string),
            None,
            "a flipped byte"
        );
        assert!(
            std::fs::read_dir(dir.path()).unwrap().count() == 1,
            "no temporary file is left"
        );
    }
}
