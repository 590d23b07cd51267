//! The word index behind library search: every distinct folded word of the archive with the
//! briefings it occurs in.
//!
//! A plain search word matches a briefing when it occurs *inside* any of its words, exactly
//! like `grep -il word` (so `russ` finds "Russian" as you type). The vocabulary is one string
//! scanned with `memmem` — a few hundred kilobytes even for 100,000 briefings — and each hit
//! names a word whose posting list (briefing ids, delta- and varint-encoded) is merged into a
//! bitset. New briefings only ever get larger ids, so adding one appends to posting lists and
//! nothing is rewritten; removed briefings are masked out by the library until it compacts.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A set of briefing ids as bits, the currency of query evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    /// An empty set over ids `0..len`.
    pub fn new(len: usize) -> BitSet {
        BitSet {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Every id in `0..len`.
    pub fn full(len: usize) -> BitSet {
        let mut s = BitSet {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        s.clear_tail();
        s
    }

    fn clear_tail(&mut self) {
        if !self.len.is_multiple_of(64)
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << (self.len % 64)) - 1;
        }
    }

    /// The size of the id space.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the id space is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Grows the id space (new ids absent).
    pub fn grow(&mut self, len: usize) {
        if len > self.len {
            self.len = len;
            self.words.resize(len.div_ceil(64), 0);
        }
    }

    /// Adds an id.
    pub fn insert(&mut self, id: usize) {
        self.words[id / 64] |= 1 << (id % 64);
    }

    /// Removes an id.
    pub fn remove(&mut self, id: usize) {
        self.words[id / 64] &= !(1 << (id % 64));
    }

    /// True when `id` is in the set.
    pub fn contains(&self, id: usize) -> bool {
        id < self.len && self.words[id / 64] & (1 << (id % 64)) != 0
    }

    /// Keeps only ids also in `other` (none beyond its id space: a set computed before
    /// more briefings were appended holds none of them).
    pub fn and(&mut self, other: &BitSet) {
        let common = self.words.len().min(other.words.len());
        self.words[..common]
            .iter_mut()
            .zip(&other.words)
            .for_each(|(a, b)| *a &= b);
        self.words[common..].fill(0);
    }

    /// Removes ids that are in `other`.
    pub fn and_not(&mut self, other: &BitSet) {
        self.words
            .iter_mut()
            .zip(&other.words)
            .for_each(|(a, b)| *a &= !b);
    }

    /// Adds the ids of `other`.
    pub fn or(&mut self, other: &BitSet) {
        self.words
            .iter_mut()
            .zip(&other.words)
            .for_each(|(a, b)| *a |= b);
    }

    /// Keeps only the ids `keep` accepts (asked in increasing order).
    pub fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (i, word) in self.words.iter_mut().enumerate() {
            let mut rest = *word;
            while rest != 0 {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                if !keep(i * 64 + bit) {
                    *word &= !(1 << bit);
                }
            }
        }
    }

    /// Number of ids in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The ids in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &w)| {
            let mut rest = w;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    i * 64 + bit
                })
            })
        })
    }
}

/// The briefings one word occurs in: increasing ids, each stored as the LEB128 varint of
/// its distance from the previous one (most gaps fit one byte).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Postings {
    bytes: Vec<u8>,
    /// One past the last id stored, so the next gap can be computed.
    next: u32,
}

impl Postings {
    fn push(&mut self, id: u32) {
        debug_assert!(id >= self.next, "posting ids only grow");
        let mut gap = id - self.next;
        while gap >= 0x80 {
            self.bytes.push((gap as u8) | 0x80);
            gap >>= 7;
        }
        self.bytes.push(gap as u8);
        self.next = id + 1;
    }

    fn for_each(&self, each: impl FnMut(u32)) {
        for_each_id(&self.bytes, each);
    }
}

/// Decodes a posting list's bytes (see [`Postings`]), in the index or straight from the
/// cache file.
fn for_each_id(bytes: &[u8], mut each: impl FnMut(u32)) {
    let (mut id, mut gap, mut shift) = (0u32, 0u32, 0u32);
    for &b in bytes {
        gap |= u32::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            id += gap;
            each(id);
            id += 1;
            gap = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

/// Distinct words with dense ids in the order they were added: the words in one string,
/// each followed by `\n` (the layout substring search scans), and a table from word to id.
/// A word of up to 15 bytes, nearly every word, is keyed by its bytes and length packed
/// into a `u128`, so finding it compares integers instead of strings and adding it
/// allocates nothing; only longer words are keyed by their text. Indexing 100,000
/// briefings looks up tens of millions of words.
#[derive(Debug, Clone, Default)]
struct Vocabulary {
    text: String,
    /// Byte offset of each word in `text`.
    starts: Vec<u32>,
    /// The lookup table, built on the first [`Vocabulary::intern`] (see [`WordTable`]).
    table: WordTable,
}

/// Finds a word's id: an open-addressing table of ids (four bytes a slot, at most half
/// full) beside each id's packed key. A batch's table of some twenty thousand words then
/// stays in the core's cache, where a map holding the keys in its slots did not: interning
/// was a sixth of reading an archive, most of it waiting on memory.
#[derive(Debug, Clone, Default)]
struct WordTable {
    /// One more than a word's id, or 0 for an empty slot; a power of two long.
    slots: Vec<u32>,
    /// Per id, its packed key; 0 for a word too long to pack, which `long` holds.
    keys: Vec<u128>,
    long: FxHashMap<Box<str>, u32>,
}

impl WordTable {
    #[inline(always)]
    fn slot_of(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        let hash = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (hash >> 32) as usize & (self.slots.len() - 1)
    }

    /// The id of the word packed as `key`, or the empty slot where it belongs.
    #[inline(always)]
    fn find_packed(&self, key: u128) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            match self.slots[i] {
                0 => return Err(i),
                s if self.keys[s as usize - 1] == key => return Ok(s - 1),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The id of `w`, or where it goes: an empty slot for a short word, `None` for a long one.
    #[inline(always)]
    fn find(&self, w: &str) -> Result<u32, Option<usize>> {
        match packed(w) {
            Some(key) => self.find_packed(key).map_err(Some),
            None => self.long.get(w).copied().ok_or(None),
        }
    }

    /// Gives `w`, not here yet, the next id, in the slot [`WordTable::find`] returned.
    fn add(&mut self, w: &str, slot: Option<usize>) {
        let id = self.keys.len() as u32;
        match (packed(w), slot) {
            (Some(key), Some(i)) => {
                self.keys.push(key);
                self.slots[i] = id + 1;
            }
            _ => {
                self.keys.push(0);
                self.long.insert(w.into(), id);
            }
        }
        if self.keys.len() * 2 > self.slots.len() {
            self.grow();
        }
    }

    /// Doubles the slots (at least 1,024) and places every packed key again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![0; size];
        for id in 0..self.keys.len() {
            let key = self.keys[id];
            if key != 0
                && let Err(i) = self.find_packed(key)
            {
                self.slots[i] = id as u32 + 1;
            }
        }
    }
}

impl Vocabulary {
    /// Words as [`Index::write_to`] stores them, with their offsets; the table is built on
    /// the first [`Vocabulary::intern`] (a loaded index is mostly only searched).
    fn from_parts(text: String, starts: Vec<u32>) -> Vocabulary {
        Vocabulary {
            text,
            starts,
            ..Vocabulary::default()
        }
    }

    fn len(&self) -> usize {
        self.starts.len()
    }

    fn word(&self, i: usize) -> &str {
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        &self.text[self.starts[i] as usize..end - 1]
    }

    /// The word whose text holds byte `at` of [`Vocabulary::text`].
    fn word_at(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s as usize <= at) - 1
    }

    /// The id of `w`, added with the next id if it is new. Always inlined, as are the
    /// lookups it makes: it runs for every word of the archive, where the calls cost more
    /// than most lookups.
    #[inline(always)]
    fn intern(&mut self, w: &str) -> u32 {
        if self.table.slots.is_empty() || self.table.keys.len() != self.starts.len() {
            self.rebuild_table();
        }
        match self.table.find(w) {
            Ok(id) => id,
            Err(slot) => {
                self.table.add(w, slot);
                self.push_text(w);
                self.starts.len() as u32 - 1
            }
        }
    }

    /// Builds the lookup table for every word (after a load or [`Vocabulary::push_distinct`]).
    fn rebuild_table(&mut self) {
        let mut table = WordTable {
            slots: vec![0; (self.len() * 2).next_power_of_two().max(1024)],
            ..WordTable::default()
        };
        for i in 0..self.len() {
            let word = self.word(i);
            table.add(word, table.find(word).err().flatten());
        }
        self.table = table;
    }

    /// Adds a word known not to be here yet without updating the table, which [`intern`]
    /// then rebuilds when next needed (a compacted copy of the index takes every word once
    /// and looks none up).
    ///
    /// [`intern`]: Vocabulary::intern
    fn push_distinct(&mut self, w: &str) {
        self.push_text(w);
    }

    fn push_text(&mut self, w: &str) {
        self.starts.push(self.text.len() as u32);
        self.text.push_str(w);
        self.text.push('\n');
    }
}

/// A word of up to 15 bytes as one integer: its bytes, zero-padded, and its length. Read
/// with two overlapping loads rather than copied byte by byte: interning packs every word
/// of the archive.
#[inline(always)]
fn packed(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let len = b.len();
    let u64_at = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"));
    let u32_at = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"));
    // The same bytes loaded twice land on the same bits, so OR-ing overlapping loads is exact.
    let bytes = match len {
        0 => 0,
        1..4 => {
            let (mid, last) = (len / 2, len - 1);
            u128::from(b[0]) | u128::from(b[mid]) << (8 * mid) | u128::from(b[last]) << (8 * last)
        }
        4..8 => u128::from(u32_at(0)) | u128::from(u32_at(len - 4)) << (8 * (len - 4)),
        8..16 => u128::from(u64_at(0)) | u128::from(u64_at(len - 8)) << (8 * (len - 8)),
        _ => return None,
    };
    Some(bytes | (len as u128) << 120)
}

/// The distinct folded words of one batch of briefings and, per briefing, which of them it
/// holds. Built on worker threads with a vocabulary of their own, merged in id order.
#[derive(Debug, Default)]
pub struct WordBatch {
    words: Vocabulary,
    /// Per briefing in turn, the batch ids of its distinct words.
    ids: Vec<u32>,
    /// Where each briefing's ids end in `ids`.
    ends: Vec<usize>,
    /// Per batch word, the number of the last briefing that held it plus one: a word
    /// seen again in the same briefing is skipped without a search or a sort.
    last_doc: Vec<u32>,
    /// Per batch word, which ASCII letters and digits it holds (see [`char_bit`]).
    word_masks: Vec<u64>,
    masks: Vec<u64>,
}

/// The bit of an ASCII letter or digit in a briefing's character mask.
const fn char_bit(b: u8) -> Option<u64> {
    match b {
        b'a'..=b'z' => Some(1 << (b - b'a')),
        b'0'..=b'9' => Some(1 << (26 + b - b'0')),
        _ => None,
    }
}

/// [`char_bit`] of every byte, 0 for the rest: a briefing's mask is one lookup a byte.
const CHAR_BITS: [u64; 256] = {
    let mut bits = [0; 256];
    let mut b = 0;
    while b < 256 {
        if let Some(bit) = char_bit(b as u8) {
            bits[b] = bit;
        }
        b += 1;
    }
    bits
};

/// The memory of a finished batch's word table, for the next batch on the same thread.
#[derive(Debug, Default)]
pub struct SpareTable(WordTable);

impl WordBatch {
    /// An empty batch whose word table lives in `spare`'s memory. A batch's table grows by
    /// doubling to some three quarters of a megabyte, placing every word again at each
    /// doubling; the last batch's table, emptied, is already grown, so a batch of 256
    /// briefings neither allocates nor re-places.
    pub fn reusing(spare: SpareTable) -> WordBatch {
        let SpareTable(mut table) = spare;
        table.slots.fill(0);
        table.keys.clear();
        table.long.clear();
        let mut batch = WordBatch::default();
        batch.words.table = table;
        batch
    }

    /// Takes the word table out of a batch that is complete (indexing the batch only needs
    /// its words and briefings), for [`WordBatch::reusing`].
    pub fn take_table(&mut self) -> SpareTable {
        SpareTable(std::mem::take(&mut self.words.table))
    }

    /// Records the words of the next briefing of the batch (text already folded).
    ///
    /// The briefing's character mask is the union of its distinct words' masks, each
    /// computed once per batch: every ASCII letter and digit of folded text lies in a word,
    /// and a briefing has a few hundred distinct words against thousands of bytes.
    pub fn add_doc(&mut self, folded: &str) {
        let doc = self.ends.len() as u32 + 1;
        let mut mask = 0;
        super::fold::for_each_word(folded, |w| {
            let id = self.words.intern(w) as usize;
            if id == self.last_doc.len() {
                self.last_doc.push(0);
                let word_mask = w.bytes().fold(0, |m, b| m | CHAR_BITS[usize::from(b)]);
                self.word_masks.push(word_mask);
            }
            if self.last_doc[id] != doc {
                self.last_doc[id] = doc;
                self.ids.push(id as u32);
                mask |= self.word_masks[id];
            }
        });
        self.masks.push(mask);
        self.ends.push(self.ids.len());
    }

    /// Records the next briefing: its folded text, or `None` for one that could not be read.
    pub fn add(&mut self, folded: Option<&str>) {
        match folded {
            Some(folded) => self.add_doc(folded),
            None => self.add_empty(),
        }
    }

    /// Records a briefing with no searchable text (one that could not be read).
    pub fn add_empty(&mut self) {
        self.ends.push(self.ids.len());
        self.masks.push(0);
    }

    /// Number of briefings recorded.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when no briefing was recorded.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each briefing's batch word ids, in order.
    fn per_doc(&self) -> impl Iterator<Item = &[u32]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.ids[start..end])
    }
}

/// Words → briefings, for substring search over folded words.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Every word, scanned for substrings.
    words: Vocabulary,
    postings: Vec<Postings>,
    /// Ids handed out so far (the next briefing gets this one).
    docs: u32,
    /// Per briefing, which ASCII letters and digits its words hold: a one-letter search
    /// (the first keystroke of every query, matching nearly every word) is then a scan of
    /// these instead of a merge of nearly every posting list.
    masks: Vec<u64>,
}

impl Index {
    /// Number of briefing ids handed out (removed ones included).
    pub fn doc_count(&self) -> usize {
        self.docs as usize
    }

    /// Number of distinct words.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    fn word_id(&mut self, w: &str) -> u32 {
        let id = self.words.intern(w);
        if id as usize == self.postings.len() {
            self.postings.push(Postings::default());
        }
        id
    }

    /// Appends a batch of briefings; they get the next ids, in batch order. Returns the first.
    pub fn add_batch(&mut self, batch: &WordBatch) -> u32 {
        let first = self.docs;
        let global: Vec<u32> = (0..batch.words.len())
            .map(|local| self.word_id(batch.words.word(local)))
            .collect();
        for (offset, words) in batch.per_doc().enumerate() {
            let id = first + offset as u32;
            for &w in words {
                self.postings[global[w as usize] as usize].push(id);
            }
        }
        self.docs += batch.len() as u32;
        self.masks.extend_from_slice(&batch.masks);
        first
    }

    /// The briefings holding a word that contains `needle` (folded, without spaces).
    pub fn containing(&self, needle: &str) -> BitSet {
        containing(self, needle)
    }

    /// The index as bytes for the cache: counts, the vocabulary, word offsets, then each
    /// word's posting bytes in one block. Written by hand rather than through serde, which
    /// would encode and decode the tens of megabytes of postings one byte at a time.
    pub fn write_to(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        out.write_all(&self.docs.to_le_bytes())?;
        out.write_all(&(self.words.len() as u32).to_le_bytes())?;
        out.write_all(&(self.words.text.len() as u64).to_le_bytes())?;
        out.write_all(self.words.text.as_bytes())?;
        for (start, p) in self.words.starts.iter().zip(&self.postings) {
            out.write_all(&start.to_le_bytes())?;
            out.write_all(&p.next.to_le_bytes())?;
            out.write_all(&(p.bytes.len() as u32).to_le_bytes())?;
        }
        for p in &self.postings {
            out.write_all(&p.bytes)?;
        }
        for mask in &self.masks {
            out.write_all(&mask.to_le_bytes())?;
        }
        Ok(())
    }

    /// Reads what [`Index::write_to`] wrote; `None` when the bytes do not hold an index.
    pub fn from_bytes(bytes: &[u8]) -> Option<Index> {
        let view = IndexView::parse(bytes)?;
        let postings = (0..view.word_count())
            .map(|w| Postings {
                bytes: view.posting_bytes(w).to_vec(),
                next: view.row(w).1,
            })
            .collect();
        Some(Index {
            words: Vocabulary::from_parts(
                view.vocabulary.to_string(),
                (0..view.word_count()).map(|w| view.row(w).0).collect(),
            ),
            postings,
            docs: view.docs,
            masks: (0..view.doc_count()).map(|id| view.mask(id)).collect(),
        })
    }

    /// A copy holding only the briefings in `keep`, renumbered densely in id order (what the
    /// cache stores, so removed briefings do not linger on disk).
    pub fn compacted(&self, keep: &BitSet) -> Index {
        let mut renumber = vec![u32::MAX; self.doc_count()];
        for (new, old) in keep.iter().enumerate() {
            renumber[old] = new as u32;
        }
        let mut out = Index {
            docs: keep.count() as u32,
            masks: keep.iter().map(|id| self.masks[id]).collect(),
            ..Index::default()
        };
        for (w, postings) in self.postings.iter().enumerate() {
            let mut kept = Postings::default();
            postings.for_each(|id| {
                if let Some(&new) = renumber.get(id as usize).filter(|&&n| n != u32::MAX) {
                    kept.push(new);
                }
            });
            if !kept.bytes.is_empty() {
                out.words.push_distinct(self.words.word(w));
                out.postings.push(kept);
            }
        }
        out
    }
}

/// What substring search needs of a word index, whether owned ([`Index`]) or read in place
/// from the cache ([`IndexView`]): both answer a word the same way.
trait Words {
    fn doc_count(&self) -> usize;
    fn vocabulary(&self) -> &str;
    /// The word whose text holds vocabulary byte `at`.
    fn word_at(&self, at: usize) -> usize;
    fn mask(&self, id: usize) -> u64;
    fn for_each_posting(&self, word: usize, each: impl FnMut(u32));
}

impl Words for Index {
    fn doc_count(&self) -> usize {
        self.docs as usize
    }

    fn vocabulary(&self) -> &str {
        &self.words.text
    }

    fn word_at(&self, at: usize) -> usize {
        self.words.word_at(at)
    }

    fn mask(&self, id: usize) -> u64 {
        self.masks[id]
    }

    fn for_each_posting(&self, word: usize, each: impl FnMut(u32)) {
        self.postings[word].for_each(each);
    }
}

/// The briefings holding a word that contains `needle`: the vocabulary is scanned with
/// `memmem` and every word hit merges its posting list; one ASCII letter or digit is
/// answered from the per-briefing masks instead (it would hit nearly every word).
fn containing(words: &impl Words, needle: &str) -> BitSet {
    let mut found = BitSet::new(words.doc_count());
    if needle.is_empty() {
        return BitSet::full(words.doc_count());
    }
    if let [b] = needle.as_bytes()
        && let Some(bit) = char_bit(*b)
    {
        for id in 0..words.doc_count() {
            if words.mask(id) & bit != 0 {
                found.insert(id);
            }
        }
        return found;
    }
    let mut last_word = usize::MAX;
    for at in memchr::memmem::find_iter(words.vocabulary().as_bytes(), needle.as_bytes()) {
        let word = words.word_at(at);
        if word != last_word {
            last_word = word;
            words.for_each_posting(word, |id| found.insert(id as usize));
        }
    }
    found
}

/// An index read in place from the bytes [`Index::write_to`] wrote, checked but not
/// copied: `sitrep search` on a current cache looks up its words without building the
/// 128,000 posting lists of a 100,000-briefing archive.
#[derive(Debug)]
pub struct IndexView<'a> {
    docs: u32,
    vocabulary: &'a str,
    /// Per word: vocabulary offset, one past its last id, posting length (12 bytes).
    table: &'a [u8],
    /// Per word, where its posting bytes start in `postings`.
    posting_starts: Vec<usize>,
    postings: &'a [u8],
    masks: &'a [u8],
}

impl<'a> IndexView<'a> {
    /// Checks the layout (lengths add up, word offsets increase, ids in range) and borrows
    /// it; `None` when the bytes do not hold an index.
    pub fn parse(bytes: &'a [u8]) -> Option<IndexView<'a>> {
        let mut rest = bytes;
        let mut take = |n: usize| -> Option<&'a [u8]> {
            let (head, tail) = (rest.get(..n)?, rest.get(n..)?);
            rest = tail;
            Some(head)
        };
        let docs = u32_at(take(4)?, 0);
        let words = u32_at(take(4)?, 0) as usize;
        let vocab_len = usize::try_from(u64::from_le_bytes(take(8)?.try_into().ok()?)).ok()?;
        let vocabulary = std::str::from_utf8(take(vocab_len)?).ok()?;
        let table = take(words.checked_mul(12)?)?;
        let mut posting_starts = Vec::with_capacity(words + 1);
        let mut posting_len = 0usize;
        let mut last_start = None;
        for row in table.chunks_exact(12) {
            let start = u32_at(row, 0);
            if start as usize >= vocab_len || last_start.is_some_and(|s| s >= start) {
                return None;
            }
            last_start = Some(start);
            if u32_at(row, 4) > docs {
                return None;
            }
            posting_starts.push(posting_len);
            posting_len = posting_len.checked_add(u32_at(row, 8) as usize)?;
        }
        posting_starts.push(posting_len);
        let postings = take(posting_len)?;
        let masks = take((docs as usize).checked_mul(8)?)?;
        rest.is_empty().then_some(IndexView {
            docs,
            vocabulary,
            table,
            posting_starts,
            postings,
            masks,
        })
    }

    /// Number of briefing ids.
    pub fn doc_count(&self) -> usize {
        self.docs as usize
    }

    /// Number of distinct words.
    pub fn word_count(&self) -> usize {
        self.table.len() / 12
    }

    /// The briefings holding a word that contains `needle` (folded, without spaces).
    pub fn containing(&self, needle: &str) -> BitSet {
        containing(self, needle)
    }

    /// A word's vocabulary offset and one past its last id.
    fn row(&self, word: usize) -> (u32, u32) {
        (
            u32_at(self.table, word * 12),
            u32_at(self.table, word * 12 + 4),
        )
    }

    fn posting_bytes(&self, word: usize) -> &'a [u8] {
        &self.postings[self.posting_starts[word]..self.posting_starts[word + 1]]
    }
}

impl Words for IndexView<'_> {
    fn doc_count(&self) -> usize {
        self.docs as usize
    }

    fn vocabulary(&self) -> &str {
        self.vocabulary
    }

    fn word_at(&self, at: usize) -> usize {
        let (mut lo, mut hi) = (0, self.word_count());
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if self.row(mid).0 as usize <= at {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn mask(&self, id: usize) -> u64 {
        u64::from_le_bytes(self.masks[id * 8..id * 8 + 8].try_into().expect("8 bytes"))
    }

    fn for_each_posting(&self, word: usize, each: impl FnMut(u32)) {
        for_each_id(self.posting_bytes(word), each);
    }
}

/// The little-endian `u32` at `at`.
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::fold::fold;

    fn index(docs: &[&str]) -> Index {
        let mut batch = WordBatch::default();
        docs.iter().for_each(|d| batch.add_doc(&fold(d)));
        let mut index = Index::default();
        index.add_batch(&batch);
        index
    }

    /// A batch built in the table of an earlier one indexes exactly as a fresh batch.
    #[test]
    fn a_reused_word_table_indexes_like_a_fresh_one() {
        let mut earlier = WordBatch::default();
        for d in [
            "Russia denied the strike",
            "Kurds deny Rehana's death",
            "U.S. jets",
        ] {
            earlier.add_doc(&fold(d));
        }
        let mut reused = WordBatch::reusing(earlier.take_table());
        let docs = [
            "Boko Haram denies the raid",
            "the strike on Aleppo",
            "al-qaeda, U.N.",
        ];
        docs.iter().for_each(|d| reused.add_doc(&fold(d)));
        let mut index_reused = Index::default();
        index_reused.add_batch(&reused);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        index_reused.write_to(&mut a).unwrap();
        index(&docs).write_to(&mut b).unwrap();
        assert_eq!(a, b);
        assert_eq!(ids(&index_reused.containing("strike")), [1]);
    }

    fn ids(s: &BitSet) -> Vec<usize> {
        s.iter().collect()
    }

    #[test]
    fn substring_of_words_like_grep() {
        let ix = index(&["Russian jets", "The Kremlin denied", "russia"]);
        assert_eq!(ids(&ix.containing("russ")), [0, 2]);
        assert_eq!(ids(&ix.containing("denied")), [1]);
        assert_eq!(ids(&ix.containing("e")), [0, 1]);
        assert_eq!(ids(&ix.containing("j")), [0]);
        assert_eq!(ids(&ix.containing("zzz")), Vec::<usize>::new());
    }

    #[test]
    fn batches_append_and_compaction_renumbers() {
        let mut ix = index(&["alpha beta", "beta"]);
        let mut more = WordBatch::default();
        more.add_doc("gamma alpha");
        more.add_empty();
        assert_eq!(ix.add_batch(&more), 2);
        assert_eq!(ids(&ix.containing("alpha")), [0, 2]);
        let mut keep = BitSet::full(4);
        keep.remove(0);
        let small = ix.compacted(&keep);
        assert_eq!(ids(&small.containing("alpha")), [1]);
        assert_eq!(ids(&small.containing("beta")), [0]);
        assert_eq!(ids(&small.containing("g")), [1]);
        assert_eq!(small.doc_count(), 3);
    }

    #[test]
    fn bytes_round_trip_and_damage_is_refused() {
        let ix = index(&["alpha beta", "beta gamma", "delta"]);
        let mut bytes = Vec::new();
        ix.write_to(&mut bytes).unwrap();
        let back = Index::from_bytes(&bytes).unwrap();
        assert_eq!(ids(&back.containing("eta")), [0, 1]);
        let view = IndexView::parse(&bytes).unwrap();
        for needle in ["eta", "a", "delta", "gamma", "zz", "d"] {
            assert_eq!(view.containing(needle), ix.containing(needle), "{needle}");
        }
        assert_eq!(back.doc_count(), 3);
        assert!(Index::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Index::from_bytes(&longer).is_none());
    }

    #[test]
    fn long_and_short_words_keep_one_id_through_loading_and_compaction() {
        // 15 bytes is the longest packed word; 16 and more are keyed by their text.
        let (short, edge, long) = (
            "abcdefghijklmno",
            "abcdefghijklmnop",
            "internationalisation",
        );
        let ix = index(&[&format!("{short} {edge} {long} {long}"), edge, "ab abc"]);
        assert_eq!(ix.word_count(), 5, "each word once, however long");
        let mut bytes = Vec::new();
        ix.write_to(&mut bytes).unwrap();
        let mut keep = BitSet::full(3);
        keep.remove(1);
        for mut grown in [Index::from_bytes(&bytes).unwrap(), ix.compacted(&keep)] {
            let first = grown.doc_count();
            let mut more = WordBatch::default();
            more.add_doc(&format!("{long} {edge} {short} ab zulu"));
            grown.add_batch(&more);
            assert_eq!(grown.word_count(), 6, "only zulu is new");
            for w in [short, edge, long, "ab"] {
                assert!(grown.containing(w).contains(first), "{w}");
            }
            assert_eq!(ids(&grown.containing("zulu")), [first]);
            assert_eq!(
                ids(&grown.containing("mnop")).len(),
                first,
                "edge, in all but ab abc"
            );
        }
    }

    #[test]
    fn packed_keys_are_the_bytes_zero_padded_and_the_length() {
        let text = "abcdefghijklmnopq";
        for len in 0..=text.len() {
            let expected = (len < 16).then(|| {
                let mut key = [0u8; 16];
                key[..len].copy_from_slice(&text.as_bytes()[..len]);
                key[15] = len as u8;
                u128::from_le_bytes(key)
            });
            assert_eq!(packed(&text[..len]), expected, "{len}");
        }
    }

    #[test]
    fn large_gaps_survive_varint_encoding() {
        let mut p = Postings::default();
        for id in [0, 1, 200, 70_000, 4_000_000] {
            p.push(id);
        }
        let mut out = Vec::new();
        p.for_each(|id| out.push(id));
        assert_eq!(out, [0, 1, 200, 70_000, 4_000_000]);
    }

    #[test]
    fn bitset_set_operations() {
        let mut a = BitSet::full(70);
        assert_eq!(a.count(), 70);
        let mut b = BitSet::new(70);
        b.insert(3);
        b.insert(69);
        a.and_not(&b);
        assert!(!a.contains(69) && a.contains(68));
        b.and(&a);
        assert_eq!(b.count(), 0);
        // A set from before the id space grew holds none of the new ids.
        let mut grown = BitSet::full(200);
        grown.and(&BitSet::full(70));
        assert_eq!(grown.count(), 70);
        grown.retain(|id| id % 2 == 1);
        assert_eq!(ids(&grown), (1..70).step_by(2).collect::<Vec<_>>());
    }
}
