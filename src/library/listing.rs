//! The folders' listings as the last `sitrep search` made them, so that the next search
//! looks at the files by the names it knows instead of listing every folder again.
//!
//! A warm search proves the cache current by looking at (stat'ing) every file; listing the
//! folders to learn their names cost the kernel another fifth of that on ext4 (`getdents`
//! sorts each block of a hashed folder before handing it out). A folder's entries change
//! only by adding, removing or renaming one, and each of those sets the folder's change
//! time to the moment it happened (which no program can set back); so a folder that still
//! has the [`FolderStamp`] it had when it was listed still holds the entries it held.
//! Files changed in place are not the folder's business: every file is still looked at.
//!
//! A time is only as fine as the file system keeps it (a few milliseconds, two seconds on
//! FAT), so an entry added in the same tick as the listing could leave the stamp as it
//! was: a listing is kept only for a folder that had not changed for [`SETTLED`] when it
//! was listed. A folder holding symbolic links is never kept either (what a link points
//! to can change without its folder knowing).
//!
//! Kept in a small file beside the cache (a few MB for 100,000 briefings), read whole and
//! checked against a CRC; anything wrong with it means listing every folder, as before.

use super::folder::FolderStamp;
use rustc_hash::FxHashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long a folder must have stayed unchanged before its listing is kept: more than the
/// coarsest time a file system keeps (two seconds on FAT).
pub const SETTLED: Duration = Duration::from_secs(3);

const MAGIC: &[u8; 8] = b"SITREPF\x01";

/// One folder's briefing files and subfolders, as listed while it had `stamp`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The folder's stamp when it was listed (taken before the listing).
    pub stamp: FolderStamp,
    /// Names of briefing files, each followed by a NUL (no name holds one).
    files: Vec<u8>,
    /// Names of subfolders, likewise.
    dirs: Vec<u8>,
}

impl Listing {
    /// An empty listing of a folder with `stamp`.
    pub fn new(stamp: FolderStamp) -> Listing {
        Listing {
            stamp,
            files: Vec::new(),
            dirs: Vec::new(),
        }
    }

    /// Adds a briefing file's name.
    pub fn add_file(&mut self, name: &[u8]) {
        self.files.extend_from_slice(name);
        self.files.push(0);
    }

    /// Adds a subfolder's name.
    pub fn add_dir(&mut self, name: &[u8]) {
        self.dirs.extend_from_slice(name);
        self.dirs.push(0);
    }

    /// The briefing files' names.
    pub fn files(&self) -> impl Iterator<Item = &[u8]> {
        names(&self.files)
    }

    /// The subfolders' names.
    pub fn dirs(&self) -> impl Iterator<Item = &[u8]> {
        names(&self.dirs)
    }

    /// True when a folder listed at `when` with this stamp had not changed for
    /// [`SETTLED`]: a later change cannot leave its times as they were.
    pub fn settled(&self, when: SystemTime) -> bool {
        let ns = |d: Duration| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX);
        let now = when.duration_since(UNIX_EPOCH).map_or(0, ns);
        let last = self.stamp.ctime_ns.max(self.stamp.mtime_ns);
        last < now.saturating_sub(ns(SETTLED))
    }
}

/// The names in a blob of NUL-terminated names.
fn names(blob: &[u8]) -> impl Iterator<Item = &[u8]> {
    blob.strip_suffix(&[0])
        .into_iter()
        .flat_map(|names| names.split(|&b| b == 0))
}

/// Listings by the folder's path as the walk makes it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Listings(FxHashMap<PathBuf, Listing>);

impl Listings {
    /// The listing of the folder at `dir`, if one is known.
    pub fn get(&self, dir: &Path) -> Option<&Listing> {
        self.0.get(dir)
    }

    /// Keeps the listing of the folder at `dir`.
    pub fn insert(&mut self, dir: PathBuf, listing: Listing) {
        self.0.insert(dir, listing);
    }

    /// The listings kept in `file`; none when it is missing or does not check out.
    pub fn read(file: &Path) -> Listings {
        std::fs::read(file)
            .ok()
            .and_then(|bytes| Listings::from_bytes(&bytes))
            .unwrap_or_default()
    }

    /// Writes the listings to `file` (atomically, like the cache).
    pub fn write(&self, file: &Path) -> std::io::Result<()> {
        let mut body = Vec::new();
        body.extend_from_slice(&(self.0.len() as u64).to_le_bytes());
        for (dir, l) in &self.0 {
            let path = dir.as_os_str().as_encoded_bytes();
            for bytes in [path, &l.files, &l.dirs] {
                body.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
                body.extend_from_slice(bytes);
            }
            let s = l.stamp;
            for n in [s.dev, s.ino, s.mtime_ns as u64, s.ctime_ns as u64] {
                body.extend_from_slice(&n.to_le_bytes());
            }
        }
        super::cache::write_atomically(file, |f| {
            f.write_all(MAGIC)?;
            f.write_all(&crc32fast::hash(&body).to_le_bytes())?;
            f.write_all(&body)
        })
    }

    fn from_bytes(bytes: &[u8]) -> Option<Listings> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (crc, mut body) = rest.split_at_checked(4)?;
        if crc32fast::hash(body).to_le_bytes() != crc {
            return None;
        }
        let mut take = |n: usize| {
            let (head, tail) = body.split_at_checked(n)?;
            body = tail;
            Some(head)
        };
        let mut number = || Some(u64::from_le_bytes(take(8)?.try_into().ok()?));
        let count = number()?;
        let mut listings = Listings::default();
        for _ in 0..count {
            let mut bytes = || {
                let n = usize::try_from(u64::from_le_bytes(take(8)?.try_into().ok()?)).ok()?;
                take(n)
            };
            let (path, files, dirs) = (bytes()?, bytes()?, bytes()?);
            let mut number = || Some(u64::from_le_bytes(take(8)?.try_into().ok()?));
            let stamp = FolderStamp {
                dev: number()?,
                ino: number()?,
                mtime_ns: number()? as i64,
                ctime_ns: number()? as i64,
            };
            listings.insert(
                path_of(path)?,
                Listing {
                    stamp,
                    files: files.to_vec(),
                    dirs: dirs.to_vec(),
                },
            );
        }
        Some(listings)
    }
}

/// A path from the bytes a listing was written with.
#[cfg(unix)]
fn path_of(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(std::ffi::OsStr::from_bytes(bytes).into())
}

/// A path from the bytes a listing was written with (UTF-8 only off Unix).
#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(bytes).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(ctime_s: i64) -> FolderStamp {
        FolderStamp {
            dev: 1,
            ino: 2,
            mtime_ns: ctime_s * 1_000_000_000 - 5,
            ctime_ns: ctime_s * 1_000_000_000,
        }
    }

    #[test]
    fn listings_come_back_as_written_and_damage_means_none() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let file = tmp.path().join("l.folders");
        let mut listings = Listings::default();
        let mut l = Listing::new(stamp(100));
        l.add_file(b"a.txt");
        l.add_file(b"b c.md");
        l.add_dir(b"2016-09");
        listings.insert(PathBuf::from("/x/y"), l.clone());
        listings.insert(PathBuf::from("/x/empty"), Listing::new(stamp(7)));
        listings.write(&file).expect("write");
        let back = Listings::read(&file);
        assert_eq!(back, listings);
        let got = back.get(Path::new("/x/y")).expect("listed");
        assert_eq!(got.files().collect::<Vec<_>>(), [&b"a.txt"[..], b"b c.md"]);
        assert_eq!(got.dirs().collect::<Vec<_>>(), [&b"2016-09"[..]]);
        assert_eq!(back.get(Path::new("/x/empty")).unwrap().files().count(), 0);
        let mut bytes = std::fs::read(&file).expect("read");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&file, &bytes).expect("write");
        assert_eq!(Listings::read(&file), Listings::default());
        std::fs::write(&file, &bytes[..20]).expect("write");
        assert_eq!(Listings::read(&file), Listings::default());
    }

    #[test]
    fn only_a_folder_unchanged_for_a_while_is_settled() {
        let at = |s: u64| UNIX_EPOCH + Duration::from_secs(s);
        let l = Listing::new(stamp(100));
        assert!(l.settled(at(104)));
        assert!(!l.settled(at(102)));
        assert!(!l.settled(at(100)));
        assert!(!l.settled(at(50)));
    }
}
