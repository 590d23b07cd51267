//! One folder opened for a walk: its entries listed, then its files looked at by name.
//!
//! A warm `sitrep search` is mostly a walk that stats 100,000 files to prove the cache
//! current. Through `std::fs::read_dir` each entry cost a name copied into a fresh C string
//! and a shared handle to the folder, its path another allocation, and each look a full
//! `statx` turned into `Metadata` and `SystemTime`; on Unix the folder is read through
//! `libc` instead (the name is read in place, each file stat'ed by name relative to the
//! open folder and its stamp taken from the raw times), and the walk makes one allocation
//! a file: its path. Files are looked at soon after the listing names them ([`Lookup`] is
//! handed out beside each entry), a few hundred at a time: listing a folder of 2,800 files
//! first and stat'ing them after cost the kernel more than stat'ing them while the
//! `getdents` call that named them is recent.

use super::doc::Stamp;
use std::path::Path;

/// What a folder entry is, from the listing alone where the file system says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A folder.
    Dir,
    /// Anything else that is not a link.
    File,
    /// A symbolic link, or an entry whose kind could not be learnt: looked at by path.
    Link,
}

/// What a folder's own look (`stat`) says of its entries: adding, removing or renaming
/// one sets its change and modification times to the moment it happened, and the device
/// and inode tell a folder that was replaced by another. While a folder keeps its stamp,
/// it holds the entries it held (see [`super::listing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FolderStamp {
    /// The device holding the folder.
    pub dev: u64,
    /// The folder's inode.
    pub ino: u64,
    /// Last modification, in nanoseconds since the Unix epoch.
    pub mtime_ns: i64,
    /// Last change of the inode (which no program can set back), likewise.
    pub ctime_ns: i64,
}

#[cfg(unix)]
pub use unix::{Folder, Lookup, OpenFolder};

#[cfg(not(unix))]
pub use portable::{Folder, Lookup, OpenFolder};

#[cfg(unix)]
mod unix {
    use super::{FolderStamp, Kind, Stamp};
    use std::ffi::{CStr, CString};
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::ptr::NonNull;

    /// An open folder stream.
    pub struct Folder {
        dir: NonNull<libc::DIR>,
    }

    /// An open folder's descriptor, for looking at its entries by name (from any thread:
    /// `fstatat` on a shared descriptor is safe) while the folder is open.
    #[derive(Clone, Copy)]
    pub struct Lookup<'a> {
        fd: libc::c_int,
        _folder: std::marker::PhantomData<&'a ()>,
    }

    /// A folder opened only to look at entries in it by name (`O_PATH`), without listing
    /// it: for a folder whose entries a search already knows.
    pub struct OpenFolder {
        fd: OwnedFd,
    }

    impl OpenFolder {
        /// Opens the folder at `path`.
        pub fn open(path: &Path) -> std::io::Result<OpenFolder> {
            let fd = with_c_name(path.as_os_str().as_bytes(), |c| {
                // SAFETY: `c` is a valid C string for the duration of the call.
                unsafe {
                    libc::open(
                        c.as_ptr(),
                        libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC,
                    )
                }
            })?;
            if fd < 0 {
                return Err(std::io::Error::last_os_error());
            }
            // SAFETY: `fd` was just opened and is owned by nothing else.
            Ok(OpenFolder {
                fd: unsafe { OwnedFd::from_raw_fd(fd) },
            })
        }

        /// The folder's stamp.
        pub fn stamp(&self) -> std::io::Result<FolderStamp> {
            stamp_of_fd(self.fd.as_raw_fd())
        }

        /// The folder, to look at its entries in.
        pub fn lookup(&self) -> Lookup<'_> {
            Lookup {
                fd: self.fd.as_raw_fd(),
                _folder: std::marker::PhantomData,
            }
        }
    }

    /// The stamp of an open folder.
    #[allow(
        clippy::useless_conversion,
        clippy::unnecessary_cast,
        reason = "the stat fields are 64-bit on 64-bit Linux, narrower on other systems"
    )]
    fn stamp_of_fd(fd: libc::c_int) -> std::io::Result<FolderStamp> {
        let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
        // SAFETY: `fd` is an open descriptor and `st` room for one `stat`, filled when the
        // call returns 0.
        if unsafe { libc::fstat(fd, st.as_mut_ptr()) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: filled by the successful call.
        let st = unsafe { st.assume_init() };
        let ns = |s: libc::time_t, n: i64| i64::from(s).wrapping_mul(1_000_000_000).wrapping_add(n);
        Ok(FolderStamp {
            dev: st.st_dev as u64,
            ino: st.st_ino as u64,
            mtime_ns: ns(st.st_mtime, i64::from(st.st_mtime_nsec)),
            ctime_ns: ns(st.st_ctime, i64::from(st.st_ctime_nsec)),
        })
    }

    /// Calls `f` with `name` as a C string, copied onto the stack when it fits (names are
    /// at most 255 bytes on the usual file systems). Once per file of a warm search: the
    /// buffer is not zeroed first and the name's end is known, not looked for again.
    fn with_c_name<R>(name: &[u8], f: impl FnOnce(&CStr) -> R) -> Result<R, std::io::Error> {
        let mut buf = [std::mem::MaybeUninit::<u8>::uninit(); 256];
        if name.len() < buf.len() && memchr::memchr(0, name).is_none() {
            buf[name.len()].write(0);
            // SAFETY: `name` fits before the NUL just written and holds no NUL itself, so
            // the first `name.len() + 1` bytes of `buf`, all written, are one C string.
            let c = unsafe {
                std::ptr::copy_nonoverlapping(name.as_ptr(), buf.as_mut_ptr().cast(), name.len());
                CStr::from_bytes_with_nul_unchecked(std::slice::from_raw_parts(
                    buf.as_ptr().cast(),
                    name.len() + 1,
                ))
            };
            return Ok(f(c));
        }
        let c = CString::new(name).map_err(std::io::Error::other)?;
        Ok(f(&c))
    }

    impl Folder {
        /// Opens `path` for listing; the error is what `std::fs::read_dir` gives.
        pub fn open(path: &Path) -> std::io::Result<Folder> {
            let dir = with_c_name(path.as_os_str().as_bytes(), |c| {
                // SAFETY: `c` is a valid C string for the duration of the call.
                unsafe { libc::opendir(c.as_ptr()) }
            })?;
            NonNull::new(dir)
                .map(|dir| Folder { dir })
                .ok_or_else(std::io::Error::last_os_error)
        }

        /// The folder, to look at its entries in.
        pub fn lookup(&self) -> Lookup<'_> {
            Lookup {
                // SAFETY: the stream is open; its descriptor lives as long as it does.
                fd: unsafe { libc::dirfd(self.dir.as_ptr()) },
                _folder: std::marker::PhantomData,
            }
        }

        /// The folder's stamp. Taken before the entries are read, it is one the listing
        /// is at least as new as.
        pub fn stamp(&self) -> std::io::Result<FolderStamp> {
            stamp_of_fd(self.lookup().fd)
        }

        /// Hands each entry's name (without `.` and `..`) and kind to `each`, as the
        /// listing gives them, with the folder to look at it in.
        pub fn entries(&mut self, mut each: impl FnMut(&[u8], Kind, Lookup)) {
            let lookup = Lookup {
                fd: self.lookup().fd,
                _folder: std::marker::PhantomData,
            };
            loop {
                // SAFETY: the stream is open and read by this call alone (`&mut self`); the
                // entry it returns is valid until the next call, and used before it.
                let entry = unsafe { libc::readdir(self.dir.as_ptr()) };
                let Some(entry) = NonNull::new(entry) else {
                    return;
                };
                // SAFETY: `d_name` is NUL-terminated within the entry.
                let (name, d_type) = unsafe {
                    let e = entry.as_ref();
                    (CStr::from_ptr(e.d_name.as_ptr()).to_bytes(), e.d_type)
                };
                if name == b"." || name == b".." {
                    continue;
                }
                let kind = match d_type {
                    libc::DT_DIR => Kind::Dir,
                    libc::DT_LNK => Kind::Link,
                    libc::DT_UNKNOWN => lookup.kind_of(name),
                    _ => Kind::File,
                };
                each(name, kind, lookup);
            }
        }
    }

    impl Lookup<'_> {
        /// The kind of an entry the listing did not type, from a look at it (not following
        /// a link); [`Kind::Link`] when that fails, so it is looked at by path later.
        fn kind_of(self, name: &[u8]) -> Kind {
            match self.stat(name) {
                Ok(st) => match st.st_mode & libc::S_IFMT {
                    libc::S_IFDIR => Kind::Dir,
                    libc::S_IFLNK => Kind::Link,
                    _ => Kind::File,
                },
                Err(_) => Kind::Link,
            }
        }

        fn stat(self, name: &[u8]) -> std::io::Result<libc::stat> {
            with_c_name(name, |c| {
                let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
                // SAFETY: the descriptor is the open folder's, `c` a valid C string and `st`
                // room for one `stat`, filled when the call returns 0.
                let done = unsafe {
                    libc::fstatat(
                        self.fd,
                        c.as_ptr(),
                        st.as_mut_ptr(),
                        libc::AT_SYMLINK_NOFOLLOW,
                    )
                };
                if done == 0 {
                    // SAFETY: filled by the successful call.
                    Ok(unsafe { st.assume_init() })
                } else {
                    Err(std::io::Error::last_os_error())
                }
            })?
        }

        /// The stamp of the entry `name` (not following a link), or the error as
        /// `std::fs::DirEntry::metadata` words it.
        #[allow(
            clippy::useless_conversion,
            reason = "the time fields are i64 on 64-bit Linux, narrower on other systems"
        )]
        pub fn stamp(self, name: &[u8]) -> Result<Stamp, String> {
            self.stat(name)
                .map(|st| Stamp {
                    size: st.st_size as u64,
                    // What `Stamp::of` makes of the same time through `SystemTime`.
                    mtime_ns: i64::from(st.st_mtime)
                        .wrapping_mul(1_000_000_000)
                        .wrapping_add(i64::from(st.st_mtime_nsec)),
                })
                .map_err(|e| e.to_string())
        }
    }

    impl Drop for Folder {
        fn drop(&mut self) {
            // SAFETY: the stream is open and closed only here.
            unsafe { libc::closedir(self.dir.as_ptr()) };
        }
    }
}

#[cfg(not(unix))]
mod portable {
    use super::{FolderStamp, Kind, Stamp};
    use std::path::{Path, PathBuf};

    /// A folder listed through `std::fs`.
    pub struct Folder {
        path: PathBuf,
        entries: std::fs::ReadDir,
    }

    /// A listed folder, its entries looked at by path.
    #[derive(Clone, Copy)]
    pub struct Lookup<'a> {
        dir: &'a Path,
    }

    impl Folder {
        /// Opens `path` for listing.
        pub fn open(path: &Path) -> std::io::Result<Folder> {
            let entries = std::fs::read_dir(path)?;
            Ok(Folder {
                path: path.to_path_buf(),
                entries,
            })
        }

        /// The folder, to look at its entries in.
        pub fn lookup(&self) -> Lookup<'_> {
            Lookup { dir: &self.path }
        }

        /// No stamp here: without a folder's inode and change time, its listing is never
        /// taken as known.
        pub fn stamp(&self) -> std::io::Result<FolderStamp> {
            Err(std::io::ErrorKind::Unsupported.into())
        }

        /// Hands each entry's name and kind to `each`, with the folder to look at it in.
        pub fn entries(&mut self, mut each: impl FnMut(&[u8], Kind, Lookup)) {
            let path = self.path.clone();
            let lookup = Lookup { dir: &path };
            for entry in self.entries.by_ref().flatten() {
                let kind = match entry.file_type() {
                    Ok(t) if t.is_symlink() => Kind::Link,
                    Ok(t) if t.is_dir() => Kind::Dir,
                    Ok(_) => Kind::File,
                    Err(_) => Kind::Link,
                };
                each(entry.file_name().as_encoded_bytes(), kind, lookup);
            }
        }
    }

    /// A folder to look at entries in by name without listing it; never opened here
    /// (see [`Folder::stamp`]).
    pub struct OpenFolder {
        path: PathBuf,
    }

    impl OpenFolder {
        /// Unsupported: folders are always listed.
        pub fn open(_path: &Path) -> std::io::Result<OpenFolder> {
            Err(std::io::ErrorKind::Unsupported.into())
        }

        /// Unsupported, as [`Folder::stamp`].
        pub fn stamp(&self) -> std::io::Result<FolderStamp> {
            Err(std::io::ErrorKind::Unsupported.into())
        }

        /// The folder, to look at its entries in.
        pub fn lookup(&self) -> Lookup<'_> {
            Lookup { dir: &self.path }
        }
    }

    impl Lookup<'_> {
        /// The stamp of the entry `name` (not following a link).
        pub fn stamp(self, name: &[u8]) -> Result<Stamp, String> {
            // SAFETY: `name` is an entry's name, cut by the walk from a path at a separator
            // (ASCII), which leaves valid `OsStr` bytes.
            let name = unsafe { std::ffi::OsStr::from_encoded_bytes_unchecked(name) };
            std::fs::symlink_metadata(self.dir.join(name))
                .map(|m| Stamp::of(&m))
                .map_err(|e| e.to_string())
        }
    }
}

/// `dir` joined with an entry's `name`, as `Path::join` makes it, in one allocation.
pub fn joined(dir: &Path, name: &[u8]) -> std::path::PathBuf {
    let dir = dir.as_os_str().as_encoded_bytes();
    let sep = std::path::MAIN_SEPARATOR as u8;
    let needs_sep = !dir.is_empty() && !dir.ends_with(&[sep]);
    let mut bytes = Vec::with_capacity(dir.len() + usize::from(needs_sep) + name.len());
    bytes.extend_from_slice(dir);
    if needs_sep {
        bytes.push(sep);
    }
    bytes.extend_from_slice(name);
    // SAFETY: the bytes are an `OsStr`'s, a separator and another `OsStr`'s.
    unsafe { std::ffi::OsString::from_encoded_bytes_unchecked(bytes) }.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn a_join_is_path_join() {
        for dir in ["a", "a/", "/", ".", "/tmp/x"] {
            assert_eq!(
                joined(Path::new(dir), b"f.txt"),
                Path::new(dir).join("f.txt")
            );
        }
    }

    #[test]
    fn entries_and_stamps_are_what_std_sees() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let file = tmp.path().join("old.txt");
        std::fs::write(&file, "text").expect("write");
        // Before the epoch, with nanoseconds: the sign and the carry must come out as
        // `Stamp::of` has them.
        let when = UNIX_EPOCH - Duration::new(86_400, 123_456_789);
        let f = std::fs::File::options()
            .write(true)
            .open(&file)
            .expect("open");
        f.set_modified(when).expect("set time");
        std::fs::create_dir(tmp.path().join("sub")).expect("sub");
        let mut folder = Folder::open(tmp.path()).expect("folder");
        let mut listed = Vec::new();
        folder.entries(|name, kind, _| listed.push((name.to_vec(), kind)));
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            listed,
            [
                (b"old.txt".to_vec(), Kind::File),
                (b"sub".to_vec(), Kind::Dir)
            ]
        );
        let std_stamp = Stamp::of(&std::fs::symlink_metadata(&file).expect("metadata"));
        assert_eq!(folder.lookup().stamp(b"old.txt"), Ok(std_stamp));
        let missing = std::fs::symlink_metadata(tmp.path().join("gone.txt")).unwrap_err();
        let gone = folder.lookup().stamp(b"gone.txt");
        assert_eq!(gone, Err(missing.to_string()));
    }
}
