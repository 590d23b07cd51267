//! The on-disk cache of a library: the list and extraction of every briefing plus the word
//! index, so a second start reads one file instead of re-reading the archive.
//!
//! One file per set of opened folders, under `$XDG_CACHE_HOME/sitrep/`. It is written to a
//! temporary file and renamed over the old one, so a reader killed mid-write leaves the old
//! cache (or none) but never half of one. A fixed header carries a format version, a
//! fingerprint of the extraction engine, and the length and CRC-32 of each section; anything
//! that does not check out is treated as no cache and rebuilt. The list section comes first
//! and is read on its own, so the briefing list is on screen before the index is loaded.
//!
//! The list is encoded with `postcard` (serde, varint integers): compact, a few times faster
//! than JSON to read back, and with no schema of its own to keep in step. The index has a
//! plain layout of its own (see [`Index::write_to`]) so its postings load as block copies.

use super::doc::Doc;
use super::index::Index;
use serde::{Deserialize, Serialize};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"SITREPC\x01";
/// Bumped whenever the layout of [`Doc`] or [`Index`] changes.
const FORMAT: u32 = 3;
const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 4 + 8 + 4;

/// The list section: the folders it was built for (a guard against file-name collisions)
/// and every briefing.
#[derive(Serialize, Deserialize)]
struct ListSection {
    roots: Vec<String>,
    docs: Vec<Doc>,
}

/// A fingerprint of the extraction engine: the version, the format, and what the engine
/// makes of a probe briefing. A new engine that extracts differently invalidates old caches
/// even when nobody remembered to bump a version.
fn engine_fingerprint() -> u64 {
    static PRINT: OnceLock<u64> = OnceLock::new();
    *PRINT.get_or_init(|| {
        const PROBE: &str = "Moscow denies strike on aid convoy\n\n\
            Russia's Defence Ministry denied that its aircraft struck the convoy. \
            \"Our planes were not in the area,\" spokesman Igor Konashenkov said.\n\n\
            U.S. officials said Russian jets carried out the raid, which the Kremlin \
            called \"not true\".\n";
        let briefing =
            crate::briefing::Briefing::from_bytes(Path::new("probe.txt"), PROBE.as_bytes())
                .expect("the probe briefing parses");
        let x = crate::extract::extract(&briefing, crate::extract::Gazetteer::builtin());
        let described = format!("{}|{FORMAT}|{x:?}", env!("CARGO_PKG_VERSION"));
        let crc = crc32fast::hash(described.as_bytes());
        (u64::from(crc) << 32) | described.len() as u64
    })
}

/// The cache file of one set of opened folders.
#[derive(Debug, Clone)]
pub struct CacheFile {
    path: PathBuf,
    roots: Vec<String>,
}

/// The default cache folder, `$XDG_CACHE_HOME/sitrep` (or the platform's equivalent).
pub fn default_cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sitrep").map(|d| d.cache_dir().to_path_buf())
}

impl CacheFile {
    /// The cache for `roots` inside `dir`, named after the folders' canonical paths and
    /// `salt` (what else changes extraction: the configured parties).
    pub fn new(dir: &Path, roots: &[PathBuf], salt: &str) -> CacheFile {
        let mut roots: Vec<String> = roots
            .iter()
            .map(|r| {
                std::fs::canonicalize(r)
                    .unwrap_or_else(|_| r.clone())
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        roots.push(salt.to_string());
        let key = crc32fast::hash(roots.join("\0").as_bytes());
        CacheFile {
            path: dir.join(format!("library-{key:08x}.bin")),
            roots,
        }
    }

    /// Where the cache lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The briefing list alone, or `None` when the cache is missing, stale or damaged.
    pub fn read_docs(&self) -> Option<Vec<Doc>> {
        let mut file = std::fs::File::open(&self.path).ok()?;
        let header = Header::read(&mut file)?;
        let list: ListSection = header.section(&mut file, header.list)?;
        (list.roots == self.roots).then_some(list.docs)
    }

    /// The list and the index, or `None` when the cache is missing, stale or damaged.
    pub fn read(&self) -> Option<(Vec<Doc>, Index)> {
        let mut file = std::fs::File::open(&self.path).ok()?;
        let header = Header::read(&mut file)?;
        let list: ListSection = header.section(&mut file, header.list)?;
        if list.roots != self.roots {
            return None;
        }
        let index = Index::from_bytes(&header.section_bytes(&mut file, header.index)?)?;
        (index.doc_count() == list.docs.len()).then_some((list.docs, index))
    }

    /// Replaces the cache atomically with `docs` and `index` (ids must match positions).
    pub fn write(&self, docs: &[Doc], index: &Index) -> std::io::Result<()> {
        write_atomically(&self.path, |file| {
            // Sections stream through a checksumming writer; the header, which needs their
            // lengths and checksums, is written last over a placeholder.
            file.write_all(&[0; HEADER_LEN])?;
            let mut list = Checksummed::new(&mut *file);
            let section = ListSectionRef {
                roots: &self.roots,
                docs,
            };
            postcard::to_io(&section, &mut list).map_err(std::io::Error::other)?;
            let list = list.finish()?;
            let mut index_section = Checksummed::new(&mut *file);
            index.write_to(&mut index_section)?;
            let index_section = index_section.finish()?;
            let mut header = Vec::with_capacity(HEADER_LEN);
            header.extend_from_slice(MAGIC);
            header.extend_from_slice(&FORMAT.to_le_bytes());
            header.extend_from_slice(&engine_fingerprint().to_le_bytes());
            for (len, crc) in [list, index_section] {
                header.extend_from_slice(&len.to_le_bytes());
                header.extend_from_slice(&crc.to_le_bytes());
            }
            file.seek(SeekFrom::Start(0))?;
            file.write_all(&header)
        })
    }
}

/// A buffered writer that counts and checksums what passes through it.
struct Checksummed<W: Write> {
    inner: std::io::BufWriter<W>,
    crc: crc32fast::Hasher,
    len: u64,
}

impl<W: Write> Checksummed<W> {
    fn new(inner: W) -> Self {
        Checksummed {
            inner: std::io::BufWriter::with_capacity(1 << 20, inner),
            crc: crc32fast::Hasher::new(),
            len: 0,
        }
    }

    /// Flushes and returns the length and CRC-32 of everything written.
    fn finish(mut self) -> std::io::Result<(u64, u32)> {
        self.inner.flush()?;
        Ok((self.len, self.crc.finalize()))
    }
}

impl<W: Write> Write for Checksummed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The list section borrowed, so writing does not clone 100,000 entries.
#[derive(Serialize)]
struct ListSectionRef<'a> {
    roots: &'a [String],
    docs: &'a [Doc],
}

/// Where a section lies and what its CRC must be.
#[derive(Clone, Copy)]
struct SectionAt {
    offset: u64,
    len: u64,
    crc: u32,
}

struct Header {
    list: SectionAt,
    index: SectionAt,
}

impl Header {
    fn read(file: &mut std::fs::File) -> Option<Header> {
        let mut h = [0u8; HEADER_LEN];
        file.read_exact(&mut h).ok()?;
        let u32_at = |i: usize| u32::from_le_bytes(h[i..i + 4].try_into().expect("4 bytes"));
        let u64_at = |i: usize| u64::from_le_bytes(h[i..i + 8].try_into().expect("8 bytes"));
        if &h[..8] != MAGIC || u32_at(8) != FORMAT || u64_at(12) != engine_fingerprint() {
            return None;
        }
        let list = SectionAt {
            offset: HEADER_LEN as u64,
            len: u64_at(20),
            crc: u32_at(28),
        };
        let index = SectionAt {
            offset: list.offset + list.len,
            len: u64_at(32),
            crc: u32_at(40),
        };
        let total = file.metadata().ok()?.len();
        (index.offset.checked_add(index.len)? == total).then_some(Header { list, index })
    }

    /// A section's bytes, when its checksum holds.
    fn section_bytes(&self, file: &mut std::fs::File, at: SectionAt) -> Option<Vec<u8>> {
        file.seek(SeekFrom::Start(at.offset)).ok()?;
        let mut bytes = vec![0; usize::try_from(at.len).ok()?];
        file.read_exact(&mut bytes).ok()?;
        (crc32fast::hash(&bytes) == at.crc).then_some(bytes)
    }

    /// A postcard-encoded section, decoded.
    fn section<T: for<'de> Deserialize<'de>>(
        &self,
        file: &mut std::fs::File,
        at: SectionAt,
    ) -> Option<T> {
        postcard::from_bytes(&self.section_bytes(file, at)?).ok()
    }
}

/// Writes a file through `fill` so that readers see the old file or the new one, never a
/// mix: a temporary file in the same folder, synced, then renamed over. Temporary files
/// left by a writer that was killed are removed first.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&prefix) && n.ends_with(".tmp") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let temp = dir.join(format!("{prefix}{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&temp)?;
        fill(&mut f)?;
        f.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
