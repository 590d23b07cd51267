//! The kernel's word on changes in folders (Linux inotify), for the watcher: one watch per
//! folder, read without blocking at each look. Elsewhere there is none and folders are
//! polled.

#[cfg(not(target_os = "linux"))]
pub use elsewhere::*;
use std::path::PathBuf;

/// One change the kernel reported in a watched folder.
pub struct Event {
    /// The entry it is about, or the watched folder itself when that went away.
    pub path: PathBuf,
    /// The entry's name (empty for the folder itself).
    pub name: Vec<u8>,
    /// The entry is a folder.
    pub folder: bool,
    /// The entry was created or renamed into the folder.
    pub came: bool,
    /// The entry (or the folder itself) was deleted or renamed away.
    pub went: bool,
}
#[cfg(target_os = "linux")]
pub use linux::*;

#[cfg(not(target_os = "linux"))]
mod elsewhere {
    use super::Event;
    use std::path::{Path, PathBuf};

    /// No kernel notification on this system.
    #[derive(Debug)]
    pub enum Notify {}

    impl Notify {
        /// Never one here: the watcher polls.
        pub fn new(_roots: &[PathBuf]) -> Option<Notify> {
            None
        }

        /// Never called.
        pub fn add(&self, _folder: &Path) -> bool {
            match *self {}
        }

        /// Never called.
        pub fn forget_under(&self, _tops: &[PathBuf]) {
            match *self {}
        }

        /// Never called.
        pub fn read(&self) -> (Vec<Event>, bool) {
            match *self {}
        }
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use super::Event;

    use std::collections::HashMap;
    use std::ffi::{CString, OsStr};
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    /// What a folder's watch reports: entries created, deleted, renamed in or out, written to or
    /// closed after writing, their times or permissions changed; the folder itself deleted or
    /// renamed. Only folders are watched.
    const EVENTS: u32 = libc::IN_CREATE
        | libc::IN_DELETE
        | libc::IN_MODIFY
        | libc::IN_CLOSE_WRITE
        | libc::IN_MOVED_FROM
        | libc::IN_MOVED_TO
        | libc::IN_ATTRIB
        | libc::IN_DELETE_SELF
        | libc::IN_MOVE_SELF
        | libc::IN_ONLYDIR;

    /// File systems whose changes made on other machines inotify never hears of (NFS, SMB and
    /// CIFS, FUSE such as sshfs, 9P, Ceph, AFS, Coda): folders there are polled.
    const NETWORK_FILE_SYSTEMS: [u32; 10] = [
        0x6969,      // NFS
        0x517B,      // SMB
        0xFF53_4D42, // CIFS
        0xFE53_4D42, // SMB2
        0x6573_5546, // FUSE
        0x0102_1997, // 9P
        0x00C3_6400, // Ceph
        0x5346_414F, // AFS
        0x6B41_4653, // kAFS
        0x7375_7245, // Coda
    ];

    /// An inotify instance and the folder each of its watches stands for.
    #[derive(Debug)]
    pub struct Notify {
        fd: OwnedFd,
        /// Watch descriptor → folder, filled in by the walk's threads.
        folders: Mutex<HashMap<i32, PathBuf>>,
    }

    impl Notify {
        /// An inotify instance for folders under `roots`; `None` where the kernel has none to
        /// give or a root is on a network file system.
        pub fn new(roots: &[PathBuf]) -> Option<Notify> {
            if roots.iter().any(|r| on_network(r)) {
                return None;
            }
            // SAFETY: no pointers; the result is checked before use.
            let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
            if fd < 0 {
                return None;
            }
            Some(Notify {
                // SAFETY: a fresh descriptor that nothing else owns.
                fd: unsafe { OwnedFd::from_raw_fd(fd) },
                folders: Mutex::new(HashMap::new()),
            })
        }

        /// Watches a folder. False when the kernel refuses for want of watches (the per-user
        /// limit, `fs.inotify.max_user_watches`) or memory; a folder that is gone or unreadable
        /// is no failure (its parent's watch, or the walk, reports it).
        pub fn add(&self, folder: &Path) -> bool {
            let Ok(name) = CString::new(folder.as_os_str().as_bytes()) else {
                return true;
            };
            // SAFETY: a valid descriptor and a NUL-terminated path.
            let wd = unsafe { libc::inotify_add_watch(self.fd.as_raw_fd(), name.as_ptr(), EVENTS) };
            if wd < 0 {
                let error = std::io::Error::last_os_error().raw_os_error();
                return matches!(
                    error,
                    Some(libc::ENOENT | libc::ENOTDIR | libc::EACCES | libc::ELOOP)
                );
            }
            // The same folder reached again (renamed) keeps its descriptor: the new path wins.
            self.lock().insert(wd, folder.to_path_buf());
            true
        }

        /// Stops watching the folders under any of `tops` (they are walked again, or gone).
        pub fn forget_under(&self, tops: &[PathBuf]) {
            let fd = self.fd.as_raw_fd();
            self.lock().retain(|&wd, folder| {
                let under = tops.iter().any(|t| folder.starts_with(t));
                if under {
                    // SAFETY: a valid descriptor; a watch already gone only returns an error.
                    unsafe { libc::inotify_rm_watch(fd, wd) };
                }
                !under
            });
        }

        /// The changes reported since the last call, and whether the kernel's queue overflowed
        /// (changes were lost: everything must be looked at again).
        pub fn read(&self) -> (Vec<Event>, bool) {
            let mut events = Vec::new();
            let mut overflow = false;
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                // SAFETY: a valid descriptor and a buffer of the given length.
                let n =
                    unsafe { libc::read(self.fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
                let Ok(n) = usize::try_from(n) else {
                    break; // EAGAIN: nothing more for now
                };
                if n == 0 {
                    break;
                }
                let mut folders = self.lock();
                let head = std::mem::size_of::<libc::inotify_event>();
                let mut at = 0;
                while at + head <= n {
                    // SAFETY: the kernel wrote a whole event header at `at`; it may be unaligned.
                    let e: libc::inotify_event =
                        unsafe { std::ptr::read_unaligned(buf[at..].as_ptr().cast()) };
                    let name_end = (at + head + e.len as usize).min(n);
                    let raw = &buf[at + head..name_end];
                    let name = &raw[..memchr::memchr(0, raw).unwrap_or(raw.len())];
                    at = name_end;
                    if e.mask & libc::IN_Q_OVERFLOW != 0 {
                        overflow = true;
                    }
                    if e.mask & libc::IN_IGNORED != 0 {
                        folders.remove(&e.wd);
                        continue;
                    }
                    if let Some(folder) = folders.get(&e.wd) {
                        let path = if name.is_empty() {
                            folder.clone()
                        } else {
                            folder.join(OsStr::from_bytes(name))
                        };
                        events.push(Event {
                            path,
                            name: name.to_vec(),
                            folder: e.mask & libc::IN_ISDIR != 0,
                            came: e.mask & (libc::IN_CREATE | libc::IN_MOVED_TO) != 0,
                            went: e.mask
                                & (libc::IN_DELETE
                                    | libc::IN_MOVED_FROM
                                    | libc::IN_DELETE_SELF
                                    | libc::IN_MOVE_SELF)
                                != 0,
                        });
                    }
                }
            }
            (events, overflow)
        }

        fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i32, PathBuf>> {
            self.folders.lock().expect("no panic holds the watch table")
        }
    }

    /// True when `path` is on a file system listed in [`NETWORK_FILE_SYSTEMS`].
    fn on_network(path: &Path) -> bool {
        let Ok(name) = CString::new(path.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: statfs is plain data; the kernel fills it when the call succeeds.
        let mut fs: libc::statfs = unsafe { std::mem::zeroed() };
        // SAFETY: a NUL-terminated path and a valid statfs to fill.
        let ok = unsafe { libc::statfs(name.as_ptr(), &mut fs) } == 0;
        ok && NETWORK_FILE_SYSTEMS.contains(&(fs.f_type as u32))
    }
}
