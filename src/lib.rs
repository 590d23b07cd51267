//! sitrep: a terminal reader for conflict news briefings.
//!
//! Data flows one way: [`briefing`] loads files, [`extract`] finds quotes, speakers, parties,
//! claims and denials, [`export`] and [`cli`] hand them to scripts, and the reader ([`tui`], set up by
//! [`config`]) shows them.

pub mod briefing;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod export;
pub mod extract;
pub mod library;
pub mod sanitize;
pub mod table;
pub mod tui;

/// Every program built on the library allocates through mimalloc. Reading an archive makes
/// millions of short-lived allocations on all cores (paragraphs, sentences, words), where
/// the system allocator spent a fifth of the CPU in its free lists: with mimalloc a cold
/// read of 100,000 briefings took 14.2 s instead of 21.9 s, at the same peak memory.
#[global_allocator]
static ALLOCATOR: Mimalloc = Mimalloc;

/// mimalloc as the global allocator, asked for an aligned block only when the layout needs
/// more than the pointer alignment every mimalloc block has. The `mimalloc` crate's own
/// wrapper asks its aligned entry point for every block, whose fast path serves only blocks
/// under 1 KB and sends larger ones (a briefing's token and sentence lists) through an
/// over-allocating detour: extraction spent 60 instructions an allocation instead of 20.
struct Mimalloc;

/// The alignment every mimalloc block has (mimalloc's own aligned `realloc` makes the same
/// test before taking its plain path).
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

// SAFETY: every path hands the layout to mimalloc, which returns null on failure as
// `GlobalAlloc` requires; a plain block is taken only when its alignment is at most
// `PLAIN_ALIGN`, which mimalloc guarantees for every block, and blocks are freed and resized
// by mimalloc whichever way they were allocated.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: plain FFI calls with a size and a power-of-two alignment from `layout`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_malloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_zalloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator, that is from mimalloc.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from mimalloc; the new block keeps `layout`'s alignment.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::alloc::{Layout, alloc, alloc_zeroed, dealloc, realloc};

    /// Blocks of every alignment Rust asks for come back aligned, zeroed when asked, and keep
    /// their bytes when grown past the sizes where mimalloc changes how it serves them.
    #[test]
    fn the_allocator_honours_every_alignment_and_keeps_bytes_when_growing() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 7, 24, 1000, 1500, 70_000] {
                let layout = Layout::from_size_align(size, align).expect("layout");
                // SAFETY: nonzero sizes; every block is checked, written within its size and
                // freed with the layout it was last given.
                unsafe {
                    let zeroed = alloc_zeroed(layout);
                    assert!(!zeroed.is_null());
                    assert_eq!(zeroed as usize % align, 0, "zeroed {size} bytes at {align}");
                    assert!(
                        std::slice::from_raw_parts(zeroed, size)
                            .iter()
                            .all(|&b| b == 0)
                    );
                    dealloc(zeroed, layout);

                    let p = alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "{size} bytes at {align}");
                    std::ptr::write_bytes(p, 0xA5, size);
                    let grown = realloc(p, layout, size * 3);
                    assert!(!grown.is_null());
                    assert_eq!(grown as usize % align, 0, "grown {size} bytes at {align}");
                    assert!(
                        std::slice::from_raw_parts(grown, size)
                            .iter()
                            .all(|&b| b == 0xA5)
                    );
                    dealloc(
                        grown,
                        Layout::from_size_align(size * 3, align).expect("layout"),
                    );
                }
            }
        }
    }
}
