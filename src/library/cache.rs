//! The on-disk cache of a library: the list and extraction of every briefing plus the word
//! index, so a second start reads one file instead of re-reading the archive.
//!
//! One file per set of opened folders, under `$XDG_CACHE_HOME/sitrep/`. It is written to a
//! temporary file and renamed over the old one, so a reader killed mid-write leaves the old
//! cache (or none) but never half of one. A fixed header carries a format version, a
//! fingerprint of the extraction engine, and the length and CRC-32 of each section; anything
//! that does not check out is treated as no cache and rebuilt. Five sections: the list
//! (paths, titles, dates), read on its own so the briefing list is on screen at once; the
//! extractions; the word index; the directory, which finds entries in the list without
//! decoding it; where each briefing's text lies in the store of texts beside the cache
//! ([`super::texts`]).
//!
//! The list is encoded with `postcard` (serde, varint integers): compact, a few times faster
//! than JSON to read back, and with no schema of its own to keep in step. The index has a
//! plain layout of its own (see [`Index::write_to`]) so its postings load as block copies.

use super::catalog::FolderState;
use super::doc::{DateSource, Doc, DocStatement, Stamp};
use super::index::{Index, IndexView};
use super::texts::TextAt;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"SITREPC\x01";
/// Bumped whenever the layout of [`Doc`] or [`Index`] changes, or what is indexed (12: the
/// front matter's TOML no longer is; 13: apostrophes are folded to `'`; 14: the folder
/// state's second hash is a CRC-32; 15: where each text lies in the store of texts).
const FORMAT: u32 = 15;
const SECTIONS: usize = 5;
/// The sections, by their place in the file.
const LIST: usize = 0;
const BODIES: usize = 1;
const INDEX: usize = 2;
const DIRECTORY: usize = 3;
const TEXTS: usize = 4;
/// Bytes of a briefing's entry in the texts section: offset, length, CRC.
const TEXT_ENTRY: usize = 16;
/// Magic, format, engine fingerprint, folder state, then length and CRC of each section.
const HEADER_LEN: usize = 8 + 4 + 8 + 24 + SECTIONS * (8 + 4);
/// The folder state written when some briefing was not read yet: no scan can match it.
const NO_STATE: FolderState = FolderState {
    files: u64::MAX,
    crc: 0,
    fx: 0,
};

/// What a search needs to find its way in the list section without decoding it: where each
/// briefing's entry starts, each briefing's place in list order (by path), and which
/// briefings could not be read (for the notes on stderr). The fourth section, a flat array
/// of little-endian `u32`s: count, offsets, count, ranks, count, failed ids.
struct Directory {
    offsets: Vec<u32>,
    ranks: Vec<u32>,
    failed: Vec<u32>,
}

impl Directory {
    fn of(docs: &[Doc], offsets: Vec<u32>) -> Directory {
        let mut by_path: Vec<u32> = (0..docs.len() as u32).collect();
        by_path.sort_unstable_by(|&a, &b| {
            super::catalog::path_order(&docs[a as usize].path, &docs[b as usize].path)
        });
        let mut ranks = vec![0; docs.len()];
        for (rank, &id) in by_path.iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        let failed = (0..docs.len() as u32)
            .filter(|&id| docs[id as usize].error.is_some())
            .collect();
        Directory {
            offsets,
            ranks,
            failed,
        }
    }

    fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        for list in [&self.offsets, &self.ranks, &self.failed] {
            out.write_all(&(list.len() as u32).to_le_bytes())?;
            for n in list {
                out.write_all(&n.to_le_bytes())?;
            }
        }
        Ok(())
    }

    fn from_bytes(bytes: &[u8]) -> Option<Directory> {
        let mut words = bytes
            .chunks_exact(4)
            .map(|w| u32::from_le_bytes(w.try_into().expect("4 bytes")));
        fn list(words: &mut impl Iterator<Item = u32>) -> Option<Vec<u32>> {
            let n = words.next()? as usize;
            let list: Vec<u32> = words.take(n).collect();
            (list.len() == n).then_some(list)
        }
        let offsets = list(&mut words)?;
        let ranks = list(&mut words)?;
        let failed = list(&mut words)?;
        let fits = ranks.len() == offsets.len()
            && bytes.len() == 4 * (3 + offsets.len() + ranks.len() + failed.len());
        fits.then_some(Directory {
            offsets,
            ranks,
            failed,
        })
    }
}

/// The list section: the folders it was built for (a guard against file-name collisions)
/// and what the briefing list shows of every briefing — all a warm start decodes before
/// the list is on screen.
#[derive(Serialize, Deserialize)]
struct ListSection<'a> {
    roots: Cow<'a, [String]>,
    heads: Vec<Head<'a>>,
}

/// What the list shows of a briefing.
#[derive(Serialize, Deserialize)]
struct Head<'a> {
    #[serde(with = "path_bytes")]
    path: Cow<'a, Path>,
    stamp: Option<Stamp>,
    title: Cow<'a, str>,
    date: Cow<'a, str>,
    error: Option<Cow<'a, str>>,
    warned: bool,
    date_source: DateSource,
}

/// A briefing's list entry read in place from the cache (the same bytes as [`Head`]):
/// what `sitrep search` prints of a result.
#[derive(Debug, Deserialize)]
pub struct Listed<'a> {
    /// The file's path as the system gives it (see [`path_bytes`]): [`Listed::path`].
    path: &'a [u8],
    /// Size and time when it was read; `None` when it could not be looked at.
    pub stamp: Option<Stamp>,
    /// Its title.
    #[serde(borrow)]
    pub title: &'a str,
    /// Its date (`YYYY-MM-DD`, or empty).
    #[serde(borrow)]
    pub date: &'a str,
    /// Why it could not be read.
    #[serde(borrow)]
    pub error: Option<&'a str>,
    /// True when it was read with warnings (it stands before `date_source` in the cache).
    pub warned: bool,
    /// Where its date comes from, which the JSON of `sitrep search` says.
    pub date_source: DateSource,
}

impl<'a> Listed<'a> {
    /// The file.
    pub fn path(&self) -> &'a Path {
        Path::new(std::ffi::OsStr::from_bytes(self.path))
    }
}

/// A path kept as the bytes the system names it by. As text, a file name that is not
/// UTF-8 (Linux allows any bytes) could not be written, and no cache was written at all
/// for a folder that held one. For a UTF-8 path the bytes are the same as its text's.
mod path_bytes {
    use serde::{Deserializer, Serializer, de};
    use std::borrow::Cow;
    use std::ffi::OsString;
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    use std::path::{Path, PathBuf};

    pub fn serialize<S: Serializer>(path: &Path, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_bytes(path.as_os_str().as_bytes())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        input: D,
    ) -> Result<Cow<'static, Path>, D::Error> {
        struct Bytes;
        impl de::Visitor<'_> for Bytes {
            type Value = PathBuf;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a path's bytes")
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<PathBuf, E> {
                Ok(PathBuf::from(OsString::from_vec(bytes.to_vec())))
            }
        }
        input.deserialize_bytes(Bytes).map(Cow::Owned)
    }
}

/// The rest of a briefing: its extraction, for search fields and dossiers.
#[derive(Serialize, Deserialize)]
struct Body<'a> {
    tags: Cow<'a, [String]>,
    parties: Cow<'a, [String]>,
    speakers: Cow<'a, [String]>,
    quotes: usize,
    statements: Cow<'a, [DocStatement]>,
}

impl Head<'_> {
    fn of(d: &Doc) -> Head<'_> {
        Head {
            path: Cow::Borrowed(&d.path),
            stamp: d.stamp,
            title: Cow::Borrowed(&d.title),
            date: Cow::Borrowed(&d.date),
            error: d.error.as_deref().map(Cow::Borrowed),
            warned: d.warned,
            date_source: d.date_source,
        }
    }

    /// The listed briefing, not yet joined with its body.
    fn into_doc(self) -> Doc {
        let date = (self.date.into_owned(), self.date_source);
        let mut doc = Doc::listed(
            self.path.into_owned(),
            self.stamp,
            self.title.into_owned(),
            date,
        );
        doc.error = self.error.map(Cow::into_owned);
        doc.warned = self.warned;
        doc
    }
}

impl Body<'_> {
    fn of(d: &Doc) -> Body<'_> {
        Body {
            tags: Cow::Borrowed(&d.tags),
            parties: Cow::Borrowed(&d.parties),
            speakers: Cow::Borrowed(&d.speakers),
            quotes: d.quotes,
            statements: Cow::Borrowed(&d.statements),
        }
    }

    fn fill(self, doc: &mut Doc) {
        doc.tags = self.tags.into_owned();
        doc.parties = self.parties.into_owned();
        doc.speakers = self.speakers.into_owned();
        doc.quotes = self.quotes;
        doc.statements = self.statements.into_owned();
        doc.extracted = true;
    }
}

/// A fingerprint of the extraction engine: the version, the format, a hash of the source
/// code outside the reader's screens (from `build.rs`), and what the engine makes of a
/// probe briefing. A build whose rules differ invalidates old caches even when nobody
/// remembered to bump a version and the probe reads the same (a new speaker rule that the
/// probe does not exercise kept every cached briefing's old speakers and parties).
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
        let described = format!(
            "{}|{FORMAT}|{}|{x:?}",
            env!("CARGO_PKG_VERSION"),
            env!("SITREP_ENGINE_SOURCE")
        );
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
    /// The cache for `roots` inside `dir`, named after the folders' canonical paths, the
    /// paths as given (the briefings' paths are stored as the scan finds them: a folder
    /// opened through a link or by a relative path must not be handed another spelling's
    /// paths, which its own scan would then find removed) and `salt` (what else changes
    /// extraction: the configured parties).
    pub fn new(dir: &Path, roots: &[PathBuf], salt: &str) -> CacheFile {
        let mut roots: Vec<String> = roots
            .iter()
            .flat_map(|r| {
                let canonical = std::fs::canonicalize(r).unwrap_or_else(|_| r.clone());
                [canonical, r.clone()].map(|p| p.to_string_lossy().into_owned())
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

    /// Where the store of texts the cache points into lives (see [`super::texts`]).
    pub fn texts_path(&self) -> PathBuf {
        self.path.with_extension("texts")
    }

    /// The briefing list alone (paths, titles, dates; not marked extracted), or `None` when
    /// the cache is missing, stale or damaged.
    ///
    /// The docs come in list order (by path), so the reader need not sort 100,000 paths
    /// before its first frame: the directory says where each entry starts and where it goes,
    /// and the entries are decoded in parallel straight into their places.
    pub fn read_docs(&self) -> Option<Vec<Doc>> {
        let mapped = self.map_checked(&[])?;
        let list = &mapped.map[mapped.list.clone()];
        let ranks = &mapped.directory.ranks;
        let mut by_rank = vec![u32::MAX; ranks.len()];
        for (id, &rank) in ranks.iter().enumerate() {
            *by_rank.get_mut(rank as usize)? = id as u32;
        }
        let offsets = &mapped.directory.offsets;
        by_rank
            .par_iter()
            .map(|&id| {
                let at = *offsets.get(id as usize)? as usize;
                let (head, _) = postcard::take_from_bytes::<Head>(list.get(at..)?).ok()?;
                Some(head.into_doc())
            })
            .collect()
    }

    fn list(&self, header: &Header, file: &mut std::fs::File) -> Option<Vec<Doc>> {
        let bytes = header.section_bytes(file, header.sections[LIST])?;
        let list: ListSection = postcard::from_bytes(&bytes).ok()?;
        (*list.roots == *self.roots).then(|| list.heads.into_iter().map(Head::into_doc).collect())
    }

    /// Every briefing with its extraction, and the index, or `None` when the cache is
    /// missing, stale or damaged.
    pub fn read(&self) -> Option<(Vec<Doc>, Index)> {
        let mut file = std::fs::File::open(&self.path).ok()?;
        let header = Header::read(&mut file)?;
        let mut docs = self.list(&header, &mut file)?;
        let bytes = header.section_bytes(&mut file, header.sections[BODIES])?;
        let bodies: Vec<Body> = postcard::from_bytes(&bytes).ok()?;
        if bodies.len() != docs.len() {
            return None;
        }
        bodies
            .into_iter()
            .zip(&mut docs)
            .for_each(|(body, doc)| body.fill(doc));
        let texts = header.section_bytes(&mut file, header.sections[TEXTS])?;
        let texts = TextsSection::parse(&texts, docs.len())?;
        for (id, doc) in docs.iter_mut().enumerate() {
            doc.text_at = texts.at(id);
        }
        let index = Index::from_bytes(&header.section_bytes(&mut file, header.sections[INDEX])?)?;
        (index.doc_count() == docs.len()).then_some((docs, index))
    }

    /// Replaces the cache atomically with `docs` and `index` (ids must match positions,
    /// every briefing live).
    pub fn write(&self, docs: &[Doc], index: &Index) -> std::io::Result<()> {
        let state = FolderState::of_docs(docs).unwrap_or(NO_STATE);
        write_atomically(&self.path, |file| {
            // Sections stream through a checksumming writer; the header, which needs their
            // lengths and checksums, is written last over a placeholder.
            file.write_all(&[0; HEADER_LEN])?;
            let mut sections = Vec::with_capacity(SECTIONS);
            // The list is written entry by entry (postcard concatenates a struct's fields
            // and prefixes a sequence with its length, so the bytes are those of one
            // `ListSection`), noting where each entry starts for the directory.
            let mut out = Checksummed::new(&mut *file);
            postcard::to_io(&self.roots, &mut out).map_err(std::io::Error::other)?;
            postcard::to_io(&docs.len(), &mut out).map_err(std::io::Error::other)?;
            let mut offsets = Vec::with_capacity(docs.len());
            write_each(docs, Head::of, |bytes, starts| {
                for start in starts {
                    offsets.push(u32::try_from(out.len + start).map_err(std::io::Error::other)?);
                }
                out.write_all(bytes)
            })?;
            sections.push(out.finish()?);
            // A sequence is its length and then its elements, so the bodies' bytes are
            // those of one `Vec<Body>`.
            let mut out = Checksummed::new(&mut *file);
            postcard::to_io(&docs.len(), &mut out).map_err(std::io::Error::other)?;
            write_each(docs, Body::of, |bytes, _| out.write_all(bytes))?;
            sections.push(out.finish()?);
            let mut out = Checksummed::new(&mut *file);
            index.write_to(&mut out)?;
            sections.push(out.finish()?);
            let mut out = Checksummed::new(&mut *file);
            Directory::of(docs, offsets).write_to(&mut out)?;
            sections.push(out.finish()?);
            let mut out = Checksummed::new(&mut *file);
            TextsSection::write(docs, &mut out)?;
            sections.push(out.finish()?);
            let mut header = Vec::with_capacity(HEADER_LEN);
            header.extend_from_slice(MAGIC);
            header.extend_from_slice(&FORMAT.to_le_bytes());
            header.extend_from_slice(&engine_fingerprint().to_le_bytes());
            for n in [state.files, state.crc, state.fx] {
                header.extend_from_slice(&n.to_le_bytes());
            }
            for (len, crc) in sections {
                header.extend_from_slice(&len.to_le_bytes());
                header.extend_from_slice(&crc.to_le_bytes());
            }
            file.seek(SeekFrom::Start(0))?;
            file.write_all(&header)
        })
    }

    /// The cache as it lies on disk, checked but not decoded, for answering a search
    /// without building the library; `None` when it is missing, damaged or for other
    /// folders. Whether it is *current* is for the caller to compare ([`Snapshot::state`]).
    ///
    /// The file is mapped rather than read: a search touches 40 MB of it for 100,000
    /// briefings, and copying that into fresh memory cost more than the search. The cache is
    /// only ever replaced by renaming a new file over it, never written in place, so the
    /// mapped bytes cannot change under the search.
    pub fn snapshot(&self) -> Option<Snapshot> {
        self.map_checked(&[INDEX])
    }

    /// The file mapped (see [`CacheFile::snapshot`] for why that is safe), with its list
    /// and directory, and the sections named by `also`, checked against their checksums,
    /// and the list made for these folders.
    fn map_checked(&self, also: &[usize]) -> Option<Snapshot> {
        let mut file = std::fs::File::open(&self.path).ok()?;
        let header = Header::read(&mut file)?;
        // SAFETY: see `snapshot`; sitrep never modifies a cache file after renaming it into
        // place, and every section's checksum is verified before its bytes are used.
        let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
        let checked = |i: &usize| {
            let at = header.sections[*i];
            map.get(at.range())
                .is_some_and(|bytes| crc32fast::hash(bytes) == at.crc)
        };
        if ![LIST, DIRECTORY].iter().chain(also).all(checked) {
            return None;
        }
        let [list, _, index, directory, texts] = header.sections.map(SectionAt::range);
        let directory = Directory::from_bytes(&map[directory])?;
        let (roots, _): (Vec<&str>, _) = postcard::take_from_bytes(&map[list.clone()]).ok()?;
        if roots != self.roots {
            return None;
        }
        Some(Snapshot {
            state: header.state,
            map,
            list,
            directory,
            index,
            texts: (texts, header.sections[TEXTS].crc),
        })
    }
}

/// A cache file's list, directory and index, checksums verified, read but not decoded.
pub struct Snapshot {
    state: FolderState,
    map: memmap2::Mmap,
    list: std::ops::Range<usize>,
    directory: Directory,
    index: std::ops::Range<usize>,
    /// The texts section and its CRC, checked only by a search that shows lines.
    texts: (std::ops::Range<usize>, u32),
}

impl Snapshot {
    /// The fingerprint of the folders when the cache was written.
    pub fn state(&self) -> FolderState {
        self.state
    }

    /// Number of briefings.
    pub(super) fn len(&self) -> usize {
        self.directory.offsets.len()
    }

    /// Briefing `id`'s list entry; `None` when its bytes do not decode.
    pub fn listed(&self, id: u32) -> Option<Listed<'_>> {
        let at = *self.directory.offsets.get(id as usize)? as usize;
        postcard::take_from_bytes(self.map[self.list.clone()].get(at..)?)
            .ok()
            .map(|(listed, _)| listed)
    }

    /// Briefing `id`'s place in list order (by path).
    pub fn rank(&self, id: u32) -> u32 {
        self.directory.ranks[id as usize]
    }

    /// The briefings that could not be read.
    pub fn failed(&self) -> &[u32] {
        &self.directory.failed
    }

    /// The word index, read in place; `None` when its layout does not check out.
    pub fn index(&self) -> Option<IndexView<'_>> {
        IndexView::parse(&self.map[self.index.clone()]).filter(|ix| ix.doc_count() == self.len())
    }

    /// The tag of the store of texts the cache points into (see [`super::texts`]); `None`
    /// when the section fails its checksum or layout. Checked once by a search that shows
    /// lines, before any [`Snapshot::text_at`].
    pub fn texts_tag(&self) -> Option<u64> {
        let (range, crc) = &self.texts;
        let bytes = self.map.get(range.clone())?;
        (crc32fast::hash(bytes) == *crc)
            .then(|| TextsSection::parse(bytes, self.len()))
            .flatten()
            .map(|texts| texts.tag)
    }

    /// Where briefing `id`'s text lies in the store of texts, if it has one there (once
    /// [`Snapshot::texts_tag`] vouched for the section).
    pub fn text_at(&self, id: u32) -> Option<TextAt> {
        TextsSection::parse(self.map.get(self.texts.0.clone())?, self.len())?.at(id as usize)
    }
}

/// The fifth section: the tag of the store of texts, then for each briefing where its
/// text lies there (offset, length, CRC-32, little-endian; offset 0 for none, which no
/// text has: the store begins with its header).
struct TextsSection<'a> {
    tag: u64,
    entries: &'a [u8],
}

impl<'a> TextsSection<'a> {
    /// The section's bytes, for `count` briefings.
    fn parse(bytes: &'a [u8], count: usize) -> Option<TextsSection<'a>> {
        let (tag, entries) = bytes.split_at_checked(8)?;
        (entries.len() == count * TEXT_ENTRY).then(|| TextsSection {
            tag: u64::from_le_bytes(tag.try_into().expect("8 bytes")),
            entries,
        })
    }

    /// Where briefing `id`'s text lies, if it has one in the store.
    fn at(&self, id: usize) -> Option<TextAt> {
        let entry = self.entries.get(id * TEXT_ENTRY..(id + 1) * TEXT_ENTRY)?;
        let at = u64::from_le_bytes(entry[..8].try_into().expect("8 bytes"));
        (at != 0).then(|| TextAt {
            store: self.tag,
            at,
            len: u32::from_le_bytes(entry[8..12].try_into().expect("4 bytes")),
            crc: u32::from_le_bytes(entry[12..].try_into().expect("4 bytes")),
        })
    }

    /// Writes the section for `docs`: the store is the one the first text lies in (a
    /// catalog has texts in one store at most); texts in any other have none.
    fn write(docs: &[Doc], out: &mut impl Write) -> std::io::Result<()> {
        let tag = docs.iter().find_map(|d| d.text_at).map_or(0, |t| t.store);
        out.write_all(&tag.to_le_bytes())?;
        for doc in docs {
            let (at, len, crc) = doc
                .text_at
                .filter(|t| t.store == tag)
                .map_or((0, 0, 0), |t| (t.at, t.len, t.crc));
            out.write_all(&at.to_le_bytes())?;
            out.write_all(&len.to_le_bytes())?;
            out.write_all(&crc.to_le_bytes())?;
        }
        Ok(())
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

/// Hands `write` the postcard bytes of `make(doc)` for every doc, in order, a chunk at a
/// time with where each doc's entry starts in the chunk. Chunks are encoded on all cores
/// into memory, a group of them at a time (a few MB, not the whole cache, in memory at
/// once). Writing whole chunks keeps the checksum and the buffered writer out of
/// postcard's byte-at-a-time output: writing the cache of 100,000 briefings was half a
/// second at the end of every cold start.
fn write_each<'a, S: Serialize>(
    docs: &'a [Doc],
    make: impl Fn(&'a Doc) -> S + Sync,
    mut write: impl FnMut(&[u8], &[u64]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    const CHUNK: usize = 1024;
    for group in docs.chunks(16 * CHUNK) {
        let encoded: Vec<(Vec<u8>, Vec<u64>)> = group
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut bytes = Vec::new();
                let mut starts = Vec::with_capacity(chunk.len());
                for doc in chunk {
                    starts.push(bytes.len() as u64);
                    bytes =
                        postcard::to_extend(&make(doc), bytes).map_err(std::io::Error::other)?;
                }
                Ok((bytes, starts))
            })
            .collect::<std::io::Result<_>>()?;
        for (bytes, starts) in &encoded {
            write(bytes, starts)?;
        }
    }
    Ok(())
}

/// Where a section lies and what its CRC must be.
#[derive(Clone, Copy)]
struct SectionAt {
    offset: u64,
    len: u64,
    crc: u32,
}

struct Header {
    state: FolderState,
    sections: [SectionAt; SECTIONS],
}

impl SectionAt {
    /// The section's bytes within the file.
    fn range(self) -> std::ops::Range<usize> {
        let start = usize::try_from(self.offset).unwrap_or(usize::MAX);
        start..start.saturating_add(usize::try_from(self.len).unwrap_or(usize::MAX))
    }
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
        let mut offset = HEADER_LEN as u64;
        let mut sections = [SectionAt {
            offset,
            len: 0,
            crc: 0,
        }; SECTIONS];
        let state = FolderState {
            files: u64_at(20),
            crc: u64_at(28),
            fx: u64_at(36),
        };
        for (i, at) in sections.iter_mut().enumerate() {
            let field = 44 + i * 12;
            *at = SectionAt {
                offset,
                len: u64_at(field),
                crc: u32_at(field + 8),
            };
            offset = offset.checked_add(at.len)?;
        }
        let total = file.metadata().ok()?.len();
        (offset == total).then_some(Header { state, sections })
    }

    /// A section's bytes, when its checksum holds.
    fn section_bytes(&self, file: &mut std::fs::File, at: SectionAt) -> Option<Vec<u8>> {
        file.seek(SeekFrom::Start(at.offset)).ok()?;
        let mut bytes = vec![0; usize::try_from(at.len).ok()?];
        file.read_exact(&mut bytes).ok()?;
        (crc32fast::hash(&bytes) == at.crc).then_some(bytes)
    }
}

/// The temporary file this process writes `path` under (`.NAME.PID.tmp` beside it), once
/// the temporary files of `path` that writers killed mid-write left are removed. A file
/// whose writer still runs is left alone: two readers started on one folder at once each
/// finish their own write instead of deleting the other's half-written file.
pub fn fresh_temporary(path: &Path) -> PathBuf {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            let writer = n.strip_prefix(&prefix).and_then(|n| n.strip_suffix(".tmp"));
            if writer.is_some_and(|pid| !writer_runs(pid)) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    dir.join(format!("{prefix}{}.tmp", std::process::id()))
}

/// Whether the process a temporary file is named after still runs (and so may still be
/// writing it). Not this process: its own leftover is from an earlier write that failed.
#[cfg(unix)]
fn writer_runs(pid: &str) -> bool {
    let Ok(pid) = pid.parse::<libc::pid_t>() else {
        return false;
    };
    if pid <= 0 || u32::try_from(pid).is_ok_and(|p| p == std::process::id()) {
        return false;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists. `pid` is
    // positive, so it names one process, never a group.
    let status = unsafe { libc::kill(pid, 0) };
    status == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Without a portable way to ask, every leftover counts as a killed writer's.
#[cfg(not(unix))]
fn writer_runs(_pid: &str) -> bool {
    false
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
    let temp = fresh_temporary(path);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that still runs keeps its temporary file; a dead one's is removed.
    #[cfg(unix)]
    #[test]
    fn a_running_writers_temporary_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library-1.bin");
        let mut other = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("sleep runs");
        let running = dir
            .path()
            .join(format!(".library-1.bin.{}.tmp", other.id()));
        // Above the largest process id Linux hands out (2^22).
        let dead = dir.path().join(".library-1.bin.2000000000.tmp");
        std::fs::write(&running, b"half").unwrap();
        std::fs::write(&dead, b"half").unwrap();
        write_atomically(&path, |f| std::io::Write::write_all(f, b"whole")).unwrap();
        let _ = other.kill();
        let _ = other.wait();
        assert!(running.exists(), "a running writer's file was deleted");
        assert!(!dead.exists(), "a killed writer's file was left");
        assert_eq!(std::fs::read(&path).unwrap(), b"whole");
    }
}
