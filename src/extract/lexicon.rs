//! The words attribution turns on: cue verbs, titles, role nouns, pronouns. Kept apart from
//! the rules so a linguist can read and extend them without touching control flow.
//!
//! Every list below is gathered into one hash table, so a word is looked up once (when it is
//! tokenized) and every class it belongs to is then a bit test: the rules ask several
//! questions of each of the million words in a few megabytes of news. Every lookup takes a
//! word normalised by [`super::tokens::norm`] (lowercased, dots and possessive removed).

use super::tokens::{normal_chars, strip_possessive};
use crate::briefing::Span;
use aho_corasick::{AhoCorasick, packed};
use std::sync::LazyLock;

/// How a cue verb attributes what follows or precedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Reported speech: said, told, added, acknowledged, warned…
    Speech,
    /// An accusation or assertion of fact against someone: accused, blamed, alleged, claimed.
    Accuse,
    /// A denial: denied, rejected, dismissed, refuted.
    Deny,
    /// Only attributes a quotation right beside it: called, described, dubbed.
    QuoteOnly,
    /// A stance or finding rather than speech (believes, criticized, endorsed, a poll shows):
    /// a claim of its subject, but never the speaker of a quotation.
    Stance,
}

/// What a pronoun can point back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he: a named person, not known to be a woman.
    He,
    /// she: a named person, not known to be a man.
    She,
    /// I: a named person.
    I,
    /// they, we: a group, party or organisation, else a person.
    Plural,
    /// it: a party or organisation.
    Thing,
    /// who: the noun phrase right before it.
    Relative,
}

/// A word class of the lexicon; a word may belong to several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Forms of "be" that make a following participle passive ("is said to", "were denied").
    PassiveAux,
    /// Titles and ranks that precede a name but are not part of it.
    Title,
    /// Lowercase nouns that name a person by role ("the senator", "officials").
    PersonRole,
    /// Lowercase nouns that name an organisation or body ("the ministry", "the group").
    OrgNoun,
    /// Determiners that open a noun phrase.
    Determiner,
    /// Definite determiners: a description after one points back to someone named earlier.
    Definite,
    /// Capitalised words that are not names even when they begin a noun phrase.
    FunctionWord,
    /// Common female first names, for "she" agreement.
    FemaleName,
    /// Common male first names, for "he" agreement.
    MaleName,
    /// Cue words that are also nouns ("the Ukrainian claim", "a report"): after a determiner
    /// they name a thing rather than attribute speech.
    NounCapable,
    /// Objects of a rejection that make it a refusal of an offer, not a denial of a fact.
    ProposalNoun,
    /// Day names, which may stand between a subject and its verb ("Kurdish officials on
    /// Sunday denied").
    Weekday,
    /// Words between a subject and its cue verb that do not break the link ("has also said").
    AuxOrAdverb,
    /// Words too common to tie two statements to the same event (besides function words).
    Stopword,
    /// Verbs and modals that, right after a name, show the name is its subject.
    IrregularVerb,
    /// Words that end in a period without ending the sentence ("Sen.", "Lt.", "Corp.").
    Abbreviation,
    /// Words that make a sentence what someone says, thinks, wants or plans ("in their
    /// view", "expressed concern", "hopes to"), though they never introduce a quotation:
    /// they only make an otherwise unattributed sentence a statement.
    Opinion,
    /// Lowercase words that may stand inside a speaker's noun phrase besides roles, titles
    /// and determiners ("the head *of* the *state news* agency", "al-", "von"): a bit, as
    /// the subject rules ask it of every word they walk back over.
    NounPhraseWord,
}

/// What the lexicon knows about one word: its classes, cue class, pronoun and event class.
/// Packed in one 64-bit word (bits 0-31 the classes; one byte each for the cue, the pronoun
/// and the event, each one more than its index, 0 for none; then the plain flag): the
/// tokenizer copies one into every token, and as five fields the compiler took it apart and
/// put it back together again, some thirty instructions a word.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Lex(u64);

/// Where a [`Lex`] keeps its cue class, its pronoun and its event class: a byte each.
const CUE_SHIFT: u32 = 32;
/// See [`CUE_SHIFT`].
const PRONOUN_SHIFT: u32 = 40;
/// See [`CUE_SHIFT`].
const EVENT_SHIFT: u32 = 48;

/// Set by the tokenizer, which knows it at no cost: the word as written is ASCII letters,
/// digits, `-` and `&`, so its normal form is its text lowercased.
const PLAIN: u64 = 1 << 56;

/// Every cue class, in declaration order: a [`Lex`] keeps one more than its index.
const ALL_CUES: [Cue; 5] = [
    Cue::Speech,
    Cue::Accuse,
    Cue::Deny,
    Cue::QuoteOnly,
    Cue::Stance,
];

/// Every pronoun, in declaration order: a [`Lex`] keeps one more than its index.
const ALL_PRONOUNS: [Pronoun; 6] = [
    Pronoun::He,
    Pronoun::She,
    Pronoun::I,
    Pronoun::Plural,
    Pronoun::Thing,
    Pronoun::Relative,
];

// Each variant's discriminant is its index in the list, which the setters rely on.
const _: () = {
    let mut k = 0;
    while k < ALL_CUES.len() {
        assert!(ALL_CUES[k] as usize == k);
        k += 1;
    }
    let mut k = 0;
    while k < ALL_PRONOUNS.len() {
        assert!(ALL_PRONOUNS[k] as usize == k);
        k += 1;
    }
};

impl Lex {
    /// True when the word is in `class`.
    pub fn is(self, class: Class) -> bool {
        self.0 & (1 << class as u32) != 0
    }

    /// The byte of the field at `shift`.
    fn field(self, shift: u32) -> usize {
        usize::from((self.0 >> shift) as u8)
    }

    /// The same facts with the byte of the field at `shift` set to `value`.
    const fn with_field(self, shift: u32, value: usize) -> Lex {
        assert!(value <= 0xFF, "a field is one byte");
        Lex(self.0 & !(0xFF << shift) | (value as u64) << shift)
    }

    /// True when the word is a cue verb: one byte test, where [`Lex::cue`] reads a table
    /// (the rules ask it of most words of every sentence).
    pub fn is_cue(self) -> bool {
        self.field(CUE_SHIFT) != 0
    }

    /// True when no list holds the word but [`Class::NounPhraseWord`]'s, which only the
    /// noun-phrase rule asks about: to the rules that ask whether a word is one the
    /// lexicon knows ("is this capitalised word a plain name?"), those words are unknown.
    pub fn is_unlisted(self) -> bool {
        self.0 & !(1 << Class::NounPhraseWord as u32) == 0
    }

    /// The cue class, if the word is a cue verb.
    pub fn cue(self) -> Option<Cue> {
        ALL_CUES.get(self.field(CUE_SHIFT).wrapping_sub(1)).copied()
    }

    /// What the word points back to, if it is a subject pronoun.
    pub fn pronoun(self) -> Option<Pronoun> {
        ALL_PRONOUNS
            .get(self.field(PRONOUN_SHIFT).wrapping_sub(1))
            .copied()
    }

    /// The word read as part of a name ("George Will", "Theresa May", "Judicial Watch"):
    /// no longer a function word.
    pub fn in_name(self) -> Lex {
        Lex(self.0 & !(1 << Class::FunctionWord as u32))
    }

    /// The same facts, of a word whose normal form is its text lowercased (see
    /// [`Lex::is_plain`]).
    pub fn plain(self) -> Lex {
        Lex(self.0 | PLAIN)
    }

    /// True when the word's normal form is its text lowercased: a word test then compares
    /// the text itself, without normalising it first.
    pub fn is_plain(self) -> bool {
        self.0 & PLAIN != 0
    }

    /// The event the word names, if any (see [`EVENT_CLASSES`]).
    pub fn event(self) -> Option<&'static str> {
        EVENT_CLASSES
            .get(self.field(EVENT_SHIFT).checked_sub(1)?)
            .map(|(c, _)| *c)
    }
}

impl std::fmt::Debug for Lex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lex")
            .field("classes", &format_args!("{:#x}", self.0 as u32))
            .field("cue", &self.cue())
            .field("pronoun", &self.pronoun())
            .field("event", &self.event())
            .field("plain", &self.is_plain())
            .finish()
    }
}

/// The longest word in any list: longer words are not looked up at all.
const LONGEST: usize = 24;

/// A normalised word as the table keys it: its bytes, zero-padded, as three words. A
/// fixed-size key hashes and compares in a few instructions, and the tokenizer builds it
/// from a plain word's bytes in a few instructions ([`lookup_plain`]).
type Key = [u64; LONGEST / 8];

/// The key of a normalised word; `None` when no list can hold it.
fn key_of(word: &str) -> Option<Key> {
    let bytes = word.as_bytes();
    (bytes.len() <= LONGEST && !bytes.contains(&0)).then(|| pad(bytes))
}

/// `bytes` (at most [`LONGEST`]) zero-padded into a key. (A `const fn`: the table is built
/// when compiling.)
const fn pad(bytes: &[u8]) -> Key {
    let mut padded = [0; LONGEST];
    padded.split_at_mut(bytes.len()).0.copy_from_slice(bytes);
    let mut key = [0; LONGEST / 8];
    let mut k = 0;
    while k < key.len() {
        key[k] = u64::from_le_bytes(*padded.split_at(8 * k).1.first_chunk().expect("8 bytes"));
        k += 1;
    }
    key
}

/// Slots of the table: a power of two, at most a quarter full, so a probe rarely goes past
/// its first slot.
const SLOTS: usize = 1 << 13;

/// What one word list says of its words: a class they belong to, or the value of a field
/// (which cue, pronoun or event word). (Loops in a `const fn` can take no closure: the
/// table is filled from every list by one loop, told what to set.)
#[derive(Clone, Copy)]
enum Mark {
    Class(Class),
    Field(u32, usize),
}

/// The lexicon as an open-addressing hash table (linear probing), built when compiling: a
/// lookup reads constant addresses, where a table built on first use cost every word a check
/// that it was built and the loads of where it lies. The slots hold only a small index into
/// the entries, so the part every lookup touches (16 KB) stays in the processor's cache:
/// most words are not in the lexicon and stop at an empty slot.
struct Table<const N: usize> {
    /// For each slot, one more than the index of its entry; 0 when empty. (An array, so
    /// a masked slot number needs no bounds check.)
    slots: [u16; SLOTS],
    /// Keys and what they are; the first `len` are in use.
    entries: [Entry; N],
    /// How many entries are in use.
    len: usize,
}

/// A word's key and what it is: 32 bytes, kept on a 32-byte boundary so that one cache line
/// holds the whole entry. (At the 8-byte alignment of its fields, half the entries ran into
/// the next line, and reading one's facts after comparing its key cost a second cache miss:
/// aligned, the lexicon's data-cache misses over a corpus fell by a tenth.)
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Entry {
    key: Key,
    lex: Lex,
}

const _: () = assert!(std::mem::size_of::<Entry>() == 32);

impl<const N: usize> Table<N> {
    const fn slot(key: &Key) -> usize {
        let h = (key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 51) as usize & (SLOTS - 1)
    }

    /// The index of `word`'s entry, added empty if it has none yet.
    const fn entry(&mut self, word: &str) -> usize {
        assert!(
            word.len() <= LONGEST,
            "a listed word is longer than LONGEST"
        );
        let key = pad(word.as_bytes());
        let mut i = Self::slot(&key);
        loop {
            let e = self.slots[i] as usize;
            if e == 0 {
                assert!(self.len < N, "more words than the table holds");
                self.entries[self.len] = Entry { key, lex: Lex(0) };
                self.len += 1;
                assert!(self.len <= u16::MAX as usize, "under 65,536 words");
                self.slots[i] = self.len as u16;
                return self.len - 1;
            }
            let k = &self.entries[e - 1].key;
            if k[0] == key[0] && k[1] == key[1] && k[2] == key[2] {
                return e - 1;
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    fn get(&self, key: &Key) -> Lex {
        let mut i = Self::slot(key);
        loop {
            let e = usize::from(self.slots[i]);
            if e == 0 {
                return Lex::default();
            }
            // (Masked to the entries' room, a power of two: a test that the index lies in
            // the array cost every probe a compare and a branch.)
            let Entry { key: k, lex } = &self.entries[(e - 1) & (N - 1)];
            // (Word by word, in registers: compared as arrays, the key was first stored to
            // memory, a few instructions for every word of every sentence.)
            if (k[0] ^ key[0]) | (k[1] ^ key[1]) | (k[2] ^ key[2]) == 0 {
                return *lex;
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    /// Lists each of `words` with what `mark` says of them, on top of what other lists said.
    const fn mark_all(&mut self, words: &[&str], mark: Mark) {
        let mut w = 0;
        while w < words.len() {
            let e = self.entry(words[w]);
            let lex = self.entries[e].lex;
            self.entries[e].lex = match mark {
                Mark::Class(class) => Lex(lex.0 | 1 << class as u32),
                Mark::Field(shift, value) => lex.with_field(shift, value),
            };
            w += 1;
        }
    }

    /// Every list's words with what they are, in a table of room for `N` words.
    const fn build() -> Table<N> {
        let mut table = Table {
            slots: [0; SLOTS],
            entries: [Entry {
                key: [0; LONGEST / 8],
                lex: Lex(0),
            }; N],
            len: 0,
        };
        let mut l = 0;
        while l < CLASS_LISTS.len() {
            table.mark_all(CLASS_LISTS[l].1, Mark::Class(CLASS_LISTS[l].0));
            l += 1;
        }
        let mut l = 0;
        while l < CUE_LISTS.len() {
            table.mark_all(
                CUE_LISTS[l].1,
                Mark::Field(CUE_SHIFT, CUE_LISTS[l].0 as usize + 1),
            );
            l += 1;
        }
        let mut l = 0;
        while l < PRONOUNS.len() {
            let field = Mark::Field(PRONOUN_SHIFT, PRONOUNS[l].0 as usize + 1);
            table.mark_all(PRONOUNS[l].1, field);
            l += 1;
        }
        let mut l = 0;
        while l < EVENT_CLASSES.len() {
            table.mark_all(EVENT_CLASSES[l].1, Mark::Field(EVENT_SHIFT, l + 1));
            l += 1;
        }
        assert!(table.len * 4 <= SLOTS);
        assert!(N.is_power_of_two());
        table
    }
}

/// How many distinct words the lists hold: the table is first built with room for as many
/// as its slots allow, to count them.
const WORDS: usize = Table::<{ SLOTS / 4 }>::build().len;

/// Every list's words with what they are, with room for the next power of two (which
/// [`Table::get`] masks an entry's index to; the room past the words is never read).
static TABLE: Table<{ WORDS.next_power_of_two() }> = Table::build();

/// Everything the lexicon knows about a normalised word (nothing for an unknown word).
pub fn lookup(word: &str) -> Lex {
    key_of(word).map_or_else(Lex::default, |key| find(&key))
}

/// What the lexicon knows about the word `text[start..end]`, ASCII letters and digits with
/// `-` or `&` inside it: its normal form is its lowercase, so its key is its bytes with bit
/// 5 set (which lowercases a letter and leaves a digit, `-` and `&` as they are). The
/// tokenizer looks up most words this way: the key is read straight from the text, three
/// words at a time, rather than normalised a byte at a time. (Always inlined: a call for
/// each word cost a third more than the lookup.)
#[inline(always)]
pub fn lookup_plain(text: &[u8], start: usize, end: usize) -> Lex {
    let word = &text[start..end];
    debug_assert!(
        word.iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'&')
    );
    if word.len() > LONGEST {
        return Lex::default();
    }
    // The key's bytes, zero past the word: read from the text with a mask where it goes on
    // long enough, else copied.
    // (The three words written out: built by `std::array::from_fn`, the key cost a call for
    // each word where the rules look words up.)
    let chunks: Key = match text.get(start..start + LONGEST) {
        Some(window) => {
            let masks = &KEY_MASKS[word.len()];
            let chunk = |k: usize| {
                u64::from_le_bytes(window[k * 8..k * 8 + 8].try_into().expect("8 bytes")) & masks[k]
            };
            [chunk(0), chunk(1), chunk(2)]
        }
        None => pad(word),
    };
    // Bit 7 of each byte that is not padding (adding 0x7f to an ASCII byte carries into
    // bit 7 unless it is zero, and never into the next byte), moved to bit 5.
    find(&chunks.map(|c| c | (((c + 0x7f7f_7f7f_7f7f_7f7f) & 0x8080_8080_8080_8080) >> 2)))
}

/// What the lexicon knows about a word of `len` ASCII letters and digits, at most sixteen,
/// whose bytes begin `chunks` (read little-endian from the text; bytes past the word may be
/// anything): its normal form is its lowercase, and a letter or digit is lowercased by
/// setting its bit 5, so its key is two masked words. The tokenizer reads most words this
/// way, from the loads that found their end. (Always inlined, as [`lookup_plain`] is.)
#[inline(always)]
pub fn lookup_alphanumeric(chunks: [u64; 2], len: usize) -> Lex {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    debug_assert!(len <= 16);
    let masks = &KEY_MASKS[len];
    find(&[
        (chunks[0] | LOWER) & masks[0],
        (chunks[1] | LOWER) & masks[1],
        0,
    ])
}

/// For each word length up to [`LONGEST`], the masks that keep that many bytes of a key.
static KEY_MASKS: [Key; LONGEST + 1] = {
    let mut masks = [[0; LONGEST / 8]; LONGEST + 1];
    let mut len = 0;
    while len <= LONGEST {
        let mut k = 0;
        while k < LONGEST / 8 {
            let present = len.saturating_sub(8 * k);
            masks[len][k] = if present >= 8 {
                u64::MAX
            } else {
                (1 << (8 * present)) - 1
            };
            k += 1;
        }
        len += 1;
    }
    masks
};

/// Everything the lexicon knows about a word as it stands in the text: `lookup(&norm(word))`,
/// with the key written straight from the word's characters (lowercased, without its dots
/// and possessive) rather than from its normal form: a word with a character past ASCII
/// ("don’t", "Zürich") had its normal form built on the heap, and a word that runs past
/// [`LONGEST`] bytes is given up on there. (The tokenizer builds a plain word's key from its
/// bytes, see [`lookup_plain`]; this serves every other word.)
pub fn lookup_raw(word: &str) -> Lex {
    let bare = strip_possessive(word);
    let mut key = [0; LONGEST];
    let mut len = 0;
    // (No key holds a zero byte, which pads it: see [`key_of`].)
    if bare.is_ascii() {
        // A byte at a time: most such words are ASCII ("U.S.", "Kerry's"), which a
        // character at a time cost more than their normal form did.
        for &b in bare.as_bytes() {
            if b != b'.' {
                if len == LONGEST || b == 0 {
                    return Lex::default();
                }
                key[len] = b.to_ascii_lowercase();
                len += 1;
            }
        }
    } else {
        for c in normal_chars(bare) {
            if len + c.len_utf8() > LONGEST || c == '\0' {
                return Lex::default();
            }
            len += c.encode_utf8(&mut key[len..]).len();
        }
    }
    find(&pad(&key[..len]))
}

#[inline]
fn find(key: &Key) -> Lex {
    TABLE.get(key)
}

/// The cue class of a normalised word, if it is a cue verb.
pub fn cue(word: &str) -> Option<Cue> {
    lookup(word).cue()
}

/// Conjunctions and linking adverbs that open a new clause ("and", "because", "when",
/// "meanwhile"): a name after one may be that clause's subject, and a cue after one is no
/// longer inside what an earlier cue reports. Takes the word in lowercase.
pub fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "but"
            | "or"
            | "then"
            | "while"
            | "when"
            | "as"
            | "because"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "if"
            | "so"
            | "where"
            | "until"
            | "once"
            | "whereas"
            | "whenever"
            | "wherever"
            | "unless"
            | "meanwhile"
            | "also"
            | "now"
    )
}

/// Words between a subject and its cue verb that do not break the link ("has also said"):
/// the listed ones and adverbs in -ly. Takes the normalised word and its [`lookup`].
pub fn is_aux_or_adverb(word: &str, lex: Lex) -> bool {
    lex.is(Class::AuxOrAdverb)
        || (word.len() > 4 && word.ends_with("ly") && !matches!(word, "italy" | "family" | "ally"))
}

/// Lowercase words that, right after a name, show the name is the subject of a verb
/// ("Cruz played down", "Trump has", "Obama will"). Takes the normalised word and its
/// [`lookup`].
pub fn is_verb_like(word: &str, lex: Lex) -> bool {
    is_aux_or_adverb(word, lex)
        || lex.is_cue()
        || lex.is(Class::PassiveAux)
        || lex.is(Class::IrregularVerb)
        || (word.len() > 4 && word.ends_with("ed"))
        // Past tenses too short for the rule above, which keeps out nouns like "bed" and
        // "seed" ("Trump used his speech", "Ali died").
        || matches!(word, "used" | "died" | "owed" | "tied" | "lied" | "eyed" | "aged")
        || (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss"))
}

/// "years", "days": spans of time, which counted open an adverbial ("Thirteen years
/// earlier, she …", "Six months before he shot …, Officer Roe earned"), never a subject.
pub const SPANS_OF_TIME: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
];

/// Determiners that open a noun phrase.
pub fn is_determiner(word: &str) -> bool {
    lookup(word).is(Class::Determiner)
}

/// Each class with its words.
const CLASS_LISTS: &[(Class, &[&str])] = &[
    (Class::PassiveAux, PASSIVE_AUXILIARIES),
    (Class::Title, TITLES),
    (Class::PersonRole, PERSON_ROLES),
    (Class::OrgNoun, ORG_NOUNS),
    (Class::Determiner, DETERMINERS),
    (Class::Definite, DEFINITES),
    (Class::FunctionWord, FUNCTION_WORDS),
    (Class::FemaleName, FEMALE_NAMES),
    (Class::MaleName, MALE_NAMES),
    (Class::NounCapable, NOUN_CAPABLE_WORDS),
    (Class::ProposalNoun, PROPOSAL_NOUNS),
    (Class::Weekday, WEEKDAYS),
    (Class::AuxOrAdverb, AUXILIARIES_AND_ADVERBS),
    (Class::Stopword, STOPWORDS),
    (Class::IrregularVerb, IRREGULAR_VERBS),
    (Class::Abbreviation, ABBREVIATIONS),
    (Class::Opinion, OPINION_WORDS),
    (Class::NounPhraseWord, NOUN_PHRASE_WORDS),
];

/// See [`Class::NounPhraseWord`].
const NOUN_PHRASE_WORDS: &[&str] = &[
    "of",
    "for",
    "at",
    "al",
    "bin",
    "ibn",
    "de",
    "del",
    "la",
    "le",
    "van",
    "von",
    "der",
    "da",
    "di",
    "du",
    "el",
    "abu",
    "foreign",
    "military",
    "senior",
    "top",
    "former",
    "deputy",
    "chief",
    "state",
    "local",
    "western",
    "israeli",
    "government",
    "security",
    "defense",
    "defence",
    "interior",
    "news",
    "press",
    "health",
    "human",
    "rights",
    "intelligence",
    "u.s",
    "federal",
    "regional",
    "provincial",
    "opposition",
    "militant",
    "rebel",
    "islamist",
    "jihadist",
    "army",
    "police",
    "campaign",
    "party",
    "white",
    "house",
    "ministry",
    "a",
    "an",
    "the",
    "his",
    "her",
    "its",
    "their",
];

/// Forms of "be" that make a following participle passive ("is said to", "were denied").
const PASSIVE_AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "am", "get", "got", "gets",
];

/// Titles and ranks that precede a name but are not part of it.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "president",
    "vice",
    "secretary",
    "gov",
    "governor",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "maj",
    "major",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "capt",
    "captain",
    "cmdr",
    "commander",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "leader",
    "mayor",
    "judge",
    "justice",
    "attorney",
    "minister",
    "prime",
    "ambassador",
    "director",
    "chief",
    "former",
    "deputy",
    "assistant",
    "press",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "sir",
    "rev",
    "reverend",
    "pope",
    "prof",
    "professor",
    "commissioner",
    "sheriff",
    "candidate",
    "nominee",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
    "ayatollah",
    "imam",
    "cleric",
    "officer",
    "lieutenant",
    "marshal",
    "brigadier",
    "foreign",
    "defense",
    "defence",
    "interior",
    "state",
    "senior",
    "top",
    "then",
    "gens",
    "sens",
    "reps",
    "lord",
    "lady",
    "dame",
    "father",
    "brother",
    "sister",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "premier",
    "chancellor",
    "councilman",
    "councilwoman",
    "councillor",
    "treasurer",
    "auditor",
    "inspector",
    "superintendent",
    "detective",
    "agent",
    "analyst",
    "editor",
    "correspondent",
    "reporter",
    "columnist",
    "host",
    "anchor",
    "author",
    "founder",
    "ceo",
    "chairperson",
    "executive",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "manager",
    "counsel",
    "economist",
    "scientist",
    "researcher",
    "expert",
    "doctor",
    "pastor",
    "whip",
    "majority",
    "minority",
    "house",
    "senate",
    "white",
    "national",
    "security",
    "campaign",
    "republican",
    "democratic",
    "democrat",
    "gop",
    "presidential",
    "hopeful",
    "front-runner",
    "frontrunner",
    "mullah",
    "commandant",
    "warlord",
    "militant",
    "jihadist",
    "field",
    "mp",
    "mep",
    "gubernatorial",
    "mr.",
    "sgt.",
    "army",
    "navy",
    "air",
    "force",
    "marine",
    "corps",
    "joint",
    "chiefs",
    "staff",
    "special",
    "envoy",
    "u.n",
    "u.s",
    "first",
    "supreme",
    "grand",
    "high",
    "military",
    "intelligence",
];

/// Lowercase nouns that name a person by role ("the senator", "officials").
const PERSON_ROLES: &[&str] = &[
    "chairman",
    "chairwoman",
    "senator",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "official",
    "officials",
    "general",
    "commander",
    "leader",
    "secretary",
    "governor",
    "congressman",
    "congresswoman",
    "candidate",
    "nominee",
    "ambassador",
    "diplomat",
    "diplomats",
    "envoy",
    "mayor",
    "judge",
    "lawmaker",
    "lawmakers",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "source",
    "sources",
    "officer",
    "officers",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "witness",
    "witnesses",
    "friend",
    "friends",
    "resident",
    "residents",
    "activist",
    "activists",
    "director",
    "chief",
    "prosecutor",
    "prosecutors",
    "attorney",
    "lawyer",
    "lawyers",
    "businessman",
    "billionaire",
    "mogul",
    "spokespeople",
    "representative",
    "representatives",
    "strategist",
    "strategists",
    "consultant",
    "consultants",
    "operative",
    "operatives",
    "surrogate",
    "surrogates",
    "evangelist",
    "historian",
    "historians",
    "lobbyist",
    "lobbyists",
    "businesswoman",
    "entrepreneur",
    "actor",
    "actress",
    "comedian",
    "publisher",
    "producer",
    "pollster",
    "economist",
    "researcher",
    "researchers",
    "author",
    "reporter",
    "reporters",
    "journalist",
    "columnist",
    "host",
    "speaker",
    "colonel",
    "sergeant",
    "captain",
    "soldier",
    "soldiers",
    "fighter",
    "fighters",
    "militant",
    "militants",
    "rebel",
    "rebels",
    "insurgents",
    "jihadists",
    "jihadist",
    "cleric",
    "imam",
    "doctor",
    "doctors",
    "nurse",
    "survivor",
    "survivors",
    "victim",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "man",
    "woman",
    "people",
    "critics",
    "critic",
    "supporters",
    "supporter",
    "proponents",
    "proponent",
    "advocates",
    "advocate",
    "backers",
    "defenders",
    "skeptics",
    "sceptics",
    "detractors",
    "loyalists",
    "moderator",
    "moderators",
    "pollsters",
    "physician",
    "physicians",
    "nurses",
    "surgeon",
    "publicist",
    "insiders",
    "panelist",
    "panelists",
    "interviewer",
    "journalists",
    "editors",
    "producers",
    "directors",
    "managers",
    "owners",
    "neighbor",
    "neighbors",
    "colleague",
    "colleagues",
    "legislators",
    "senators",
    "deputies",
    "agents",
    "troops",
    "commanders",
    "bystanders",
    "onlookers",
    "attendees",
    "participants",
    "designer",
    "narrator",
    "employee",
    "employees",
    "economists",
    "protester",
    "demonstrators",
    "authors",
    "observer",
    "questioner",
    "questioners",
    "leaders",
    "elders",
    "tribesmen",
    "villagers",
    "locals",
    "parents",
    "families",
    "relatives",
    "hostages",
    "captives",
    "prisoners",
    "detainees",
    "inmates",
    "passengers",
    "voters",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "donor",
    "donors",
    "staffer",
    "staffers",
    "manager",
    "negotiator",
    "negotiators",
    "admiral",
    "hopeful",
    "front-runner",
    "frontrunner",
    "incumbent",
    "founder",
    "owner",
    "executive",
    "executives",
    "member",
    "members",
    "delegate",
    "delegates",
    "student",
    "students",
    "professor",
    "scientist",
    "scientists",
    "citizen",
    "citizens",
    "pilot",
    "worker",
    "workers",
    "protesters",
    "organizer",
    "organizers",
    "counsel",
    "veteran",
    "veterans",
    "chancellor",
    "premier",
    "king",
    "queen",
    "monarch",
    "emir",
    "sheikh",
    "cop",
    "police",
    "investigators",
    "investigator",
    "observers",
    "monitors",
    "medics",
    "medic",
    "whip",
    "staff",
    "official's",
    "commentator",
    "commentators",
    "pundit",
    "pundits",
    "host's",
    "anchor",
    "writer",
    "editor",
    "blogger",
    "bloggers",
    "republican",
    "democrat",
    "mogul's",
    "contender",
    "challenger",
    "rival",
    "opponent",
    "opponents",
    "allies",
    "ally",
    "team",
    "camp",
];

/// Lowercase nouns that name an organisation or body ("the ministry", "the group").
const ORG_NOUNS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "agency",
    "government",
    "army",
    "military",
    "council",
    "committee",
    "commission",
    "group",
    "organization",
    "organisation",
    "movement",
    "coalition",
    "forces",
    "embassy",
    "administration",
    "campaign",
    "party",
    "regime",
    "newspaper",
    "network",
    "channel",
    "company",
    "firm",
    "statement",
    "report",
    "court",
    "authorities",
    "authority",
    "police",
    "board",
    "union",
    "alliance",
    "network's",
    "outlet",
    "station",
    "paper",
    "magazine",
    "website",
    "daily",
    "publication",
    "spokesman's",
    "command",
    "cabinet",
    "parliament",
    "congress",
    "senate",
    "kremlin",
    "pentagon",
    "ministry's",
    "militia",
    "faction",
    "watchdog",
    "body",
    "institute",
    "foundation",
    "center",
    "centre",
    "service",
    "services",
    "unit",
    "team",
    "club",
    "bureau",
    "tribunal",
    "presidency",
    "palace",
    "house",
    "mission",
    "delegation",
    "junta",
    "insurgency",
    "leadership",
    "secretariat",
    "association",
    "federation",
    "corporation",
    "bank",
    "fund",
    "charity",
    "university",
    "school",
    "hospital",
    "caucus",
    "mob",
    "crowd",
    "poll",
    "polls",
    "survey",
    "surveys",
    "reports",
    "study",
    "studies",
    "data",
    "documents",
    "records",
    "results",
    "figures",
    "estimates",
    "analysis",
    "news",
    "times",
    "post",
    "journal",
    "tribune",
    "herald",
];

/// Determiners that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
    "another", "one", "two", "three", "several", "many", "some", "other", "both", "most", "few",
    "all",
];

/// Definite determiners: a description after one points back to someone named earlier.
const DEFINITES: &[&str] = &[
    "the", "this", "that", "these", "those", "his", "her", "its", "their",
];

/// Capitalised words that are not names even when they begin a noun phrase.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "to",
    "of",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "because",
    "although",
    "though",
    "where",
    "whether",
    "that",
    "this",
    "these",
    "those",
    "there",
    "here",
    "then",
    "than",
    "also",
    "regarding",
    "asked",
    "speaking",
    "meanwhile",
    "however",
    "still",
    "yes",
    "no",
    "not",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "who",
    "what",
    "which",
    "why",
    "how",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "one",
    "all",
    "some",
    "many",
    "most",
    "even",
    "just",
    "only",
    "now",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "next",
    "earlier",
    "later",
    "according",
    "via",
    "per",
    "under",
    "over",
    "about",
    "into",
    "during",
    "without",
    "within",
    "through",
    "despite",
    "amid",
    "amidst",
    "unless",
    "once",
    "whereas",
    "whenever",
    "wherever",
    "upon",
    "across",
    "around",
    "toward",
    "towards",
    "along",
    "behind",
    "beyond",
    "throughout",
    "among",
    "between",
    "against",
    "until",
    "like",
    "unlike",
    "instead",
    "both",
    "each",
    "every",
    "neither",
    "either",
    "other",
    "another",
    "such",
    "said",
    "told",
    "says",
    "say",
    "mr",
    "dr",
    "mrs",
    "ms",
    "thanks",
    "well",
    "oh",
    "so-called",
    "let",
    "please",
    "more",
    "less",
    "much",
    "first",
    "second",
    "third",
    "breaking",
    "update",
    "updated",
    "photo",
    "video",
    "watch",
    "read",
];

/// Common female first names, for "she" agreement.
const FEMALE_NAMES: &[&str] = &[
    "hillary",
    "nancy",
    "elizabeth",
    "mary",
    "susan",
    "sarah",
    "michelle",
    "angela",
    "theresa",
    "nikki",
    "carly",
    "kellyanne",
    "megyn",
    "melania",
    "ivanka",
    "huma",
    "debbie",
    "donna",
    "loretta",
    "samantha",
    "condoleezza",
    "madeleine",
    "dianne",
    "kirsten",
    "amy",
    "maria",
    "jane",
    "jill",
    "karen",
    "kate",
    "katie",
    "lisa",
    "linda",
    "patricia",
    "barbara",
    "margaret",
    "ann",
    "sandy",
    "anne",
    "janet",
    "joni",
    "tammy",
    "claire",
    "heidi",
    "stephanie",
    "sharon",
    "carol",
    "emily",
    "jessica",
    "amanda",
    "julie",
    "julia",
    "rebecca",
    "ruth",
    "marsha",
    "kelly",
    "laura",
    "rachel",
    "jennifer",
    "catherine",
    "christine",
    "helen",
    "anna",
    "sophie",
    "fatima",
    "aisha",
    "yulia",
    "natalia",
    "olga",
    "irina",
    "federica",
    "marine",
    "ursula",
    "hannah",
    "emma",
    "grace",
    "victoria",
    "diane",
    "deborah",
    "cynthia",
    "kathleen",
    "nicole",
    "michele",
    "patty",
    "elise",
    "kristen",
    "joan",
    "gloria",
    "eva",
    "phyllis",
    "cecile",
    "zoe",
    "rosario",
    "sheila",
    "valerie",
    "tulsi",
    "kamala",
    "gabriela",
    "selenis",
];

/// Common male first names, for "he" agreement.
const MALE_NAMES: &[&str] = &[
    "donald", "barack", "bernie", "ted", "marco", "jeb", "ben", "john", "chris", "mike", "tim",
    "paul", "mitch", "joe", "bill", "rand", "rick", "scott", "newt", "rudy", "reince", "corey",
    "robert", "david", "michael", "james", "tom", "jim", "mark", "steve", "steven", "kevin",
    "brian", "eric", "jason", "josh", "matt", "dan", "daniel", "george", "richard", "charles",
    "peter", "frank", "gary", "jon", "jonathan", "sean", "bob", "andrew", "martin", "jeff",
    "jeffrey", "william", "harry", "lindsey", "roger", "vladimir", "sergei", "sergey", "joseph",
    "ashton", "ash", "abu", "mohammed", "muhammad", "ahmed", "ali", "hassan", "bashar", "recep",
    "benjamin", "francois", "emmanuel", "boris", "dmitry", "petro", "abubakar", "xi", "kim",
    "justin", "thomas", "edward", "henry", "patrick", "anthony", "larry", "kenneth", "ronald",
    "jack", "sam", "adam", "nick", "alex", "greg", "ryan", "howard", "glenn", "lamar", "elijah",
    "woodrow", "whit", "geoff", "simon", "morton", "junot", "stefan", "philip", "al", "jesse",
    "carl",
];

/// Cue words that are also nouns ("the Ukrainian claim", "a report"): after a determiner they
/// name a thing rather than attribute speech.
const NOUN_CAPABLE_WORDS: &[&str] = &[
    "claim",
    "claims",
    "report",
    "reports",
    "blame",
    "call",
    "calls",
    "warning",
    "note",
    "notes",
    "comment",
    "tweet",
    "tweets",
    "posts",
    "read",
    "put",
    "show",
    "shows",
    "support",
    "want",
    "fears",
    "hopes",
    "estimates",
    "doubts",
    "doubt",
    "promise",
    "answer",
    "reply",
    "replies",
    "statement",
    "remarks",
    "charge",
    "denial",
    "dismissal",
    "say",
    "warnings",
];

/// Objects of a rejection that make it a refusal of an offer, not a denial of a fact.
const PROPOSAL_NOUNS: &[&str] = &[
    "proposal",
    "proposals",
    "plan",
    "plans",
    "offer",
    "offers",
    "request",
    "requests",
    "idea",
    "invitation",
    "demand",
    "demands",
    "appeal",
    "bid",
    "initiative",
];

/// Day names, which may stand between a subject and its verb ("Kurdish officials on Sunday
/// denied").
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words between a subject and its cue verb that do not break the link ("has also said").
const AUXILIARIES_AND_ADVERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "never",
    "later",
    "again",
    "then",
    "previously",
    "recently",
    "repeatedly",
    "reportedly",
    "once",
    "would",
    "will",
    "could",
    "might",
    "may",
    "did",
    "does",
    "do",
    "further",
    "earlier",
    "publicly",
    "privately",
    "allegedly",
    "flatly",
    "categorically",
    "strongly",
    "vehemently",
    "firmly",
    "quickly",
    "immediately",
    "initially",
    "first",
    "simply",
    "only",
    "just",
    "already",
    "even",
    "still",
    "often",
    "frequently",
    "subsequently",
    "now",
    "finally",
    "last",
    "angrily",
    "bluntly",
    "openly",
    "separately",
    "yesterday",
    "today",
    "tonight",
    "shortly",
    "sharply",
    "flat-out",
    "indeed",
    "too",
    "explicitly",
    "specifically",
    "formally",
    "officially",
    "personally",
    "directly",
    "essentially",
    "basically",
    "matter-of-factly",
];

/// Words too common to tie two statements to the same event (besides function words).
const STOPWORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "denied",
    "denies",
    "deny",
    "that",
    "it",
    "its",
    "has",
    "had",
    "been",
    "not",
    "would",
    "will",
    "there",
    "were",
    "was",
    "yet",
    "my",
    "me",
    "his",
    "him",
    "them",
    "judgment",
    "also",
    "any",
    "people",
    "including",
    "least",
    "again",
    "could",
    "more",
    "than",
];

/// Verbs and modals that, right after a name, show the name is its subject.
const IRREGULAR_VERBS: &[&str] = &[
    "made",
    "took",
    "went",
    "won",
    "lost",
    "met",
    "spoke",
    "got",
    "gave",
    "came",
    "ran",
    "became",
    "held",
    "led",
    "left",
    "kept",
    "sent",
    "saw",
    "knew",
    "felt",
    "began",
    "stood",
    "sat",
    "paid",
    "struck",
    "fought",
    "brought",
    "thought",
    "sought",
    "can",
    "should",
    "must",
    "is",
    "was",
    "strode",
    "drew",
    "drove",
    "rode",
    "rose",
    "fell",
    "broke",
    "chose",
    "taught",
    "caught",
    "fled",
    "spent",
    "built",
    "swore",
    "wore",
    "tore",
    "threw",
    "grew",
    "flew",
    "shook",
    "woke",
    "forgot",
    "forgave",
    "withdrew",
    "understood",
    "hung",
    "stuck",
    "sang",
    "swam",
    "sank",
    "slid",
    "wrote",
    "bought",
    "sold",
    "told",
    "heard",
    "found",
    "dealt",
    "meant",
    "overtook",
    "undertook",
    "upheld",
    "withheld",
    "foresaw",
    "mistook",
    "arose",
    "awoke",
    "bent",
    "bled",
    "blew",
    "bred",
    "clung",
    "crept",
    "dug",
    "fed",
    "flung",
    "forbade",
    "froze",
    "laid",
    "leapt",
    "lent",
    "overcame",
    "overthrew",
    "quit",
    "rang",
    "rebuilt",
    "repaid",
    "retook",
    "sped",
    "spun",
    "sprang",
    "stole",
    "stung",
    "stank",
    "strove",
    "swept",
    "swung",
    "wept",
    "wrung",
    "shot",
    "hit",
    "set",
    "cut",
    "let",
    "cast",
    "beat",
    "spread",
    "hurt",
    "shut",
    "split",
    "slept",
    "hid",
    "has",
    "had",
    "does",
    "did",
    "will",
    "would",
    "could",
    "may",
    "might",
    "shall",
    "are",
    "were",
];

/// Words that end in a period without ending the sentence (compared without the period,
/// case-insensitively).
/// Words of saying, thinking, wanting and planning outside the cue lists (see
/// [`Class::Opinion`]).
const OPINION_WORDS: &[&str] = &[
    "view",
    "views",
    "viewed",
    "expressed",
    "talk",
    "talked",
    "talking",
    "feel",
    "see",
    "sees",
    "seen",
    "hope",
    "hoping",
    "hopeful",
    "plans",
    "concern",
    "concerned",
    "argument",
    "proposal",
    "proposals",
    "seek",
    "seeking",
    "sought",
    "comments",
    "consider",
    "portrayed",
    "recognize",
    "recognized",
    "suggestion",
    "reportedly",
    "intended",
    "aware",
    "discussed",
    "offered",
    "criticism",
    "critique",
    "learned",
    "understand",
    "convinced",
    "mentioned",
    "respond",
    "accept",
    "referring",
    "favors",
    "refusal",
    "request",
    "expectations",
    "knowledge",
    "challenged",
];

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "cpt",
    "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "lieut", "st", "ste", "mt", "ft", "jr",
    "sr", "rev", "hon", "pres", "supt", "insp", "det", "no", "nos", "vs", "v", "etc", "inc",
    "corp", "co", "ltd", "llc", "dept", "univ", "assn", "bros", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "approx", "est", "fig", "al", "gens", "sens", "reps", "govs",
    "messrs", "mme", "mlle", "op", "ed", "vol", "pp", "ca", "cf", "ie", "eg", "am", "pm", "no",
    "am", "pm", "etc", "co", "est",
];

/// Each cue class with its verbs.
const CUE_LISTS: &[(Cue, &[&str])] = &[
    (Cue::Speech, SPEECH_CUES),
    (Cue::Accuse, ACCUSE_CUES),
    (Cue::Deny, DENY_CUES),
    (Cue::QuoteOnly, QUOTE_ONLY_CUES),
    (Cue::Stance, STANCE_CUES),
];

/// Reported speech.
const SPEECH_CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "acknowledging",
    "admit",
    "admits",
    "admitted",
    "announce",
    "announces",
    "announced",
    "argue",
    "argues",
    "argued",
    "arguing",
    "assert",
    "asserts",
    "asserted",
    "affirm",
    "affirms",
    "affirmed",
    "beamed",
    "cracked",
    "grumbled",
    "implored",
    "jokes",
    "laments",
    "ask",
    "asks",
    "asked",
    "boasted",
    "cautioned",
    "commented",
    "complained",
    "conceded",
    "concluded",
    "confirm",
    "confirms",
    "confirmed",
    "contend",
    "contends",
    "contended",
    "countered",
    "declare",
    "declares",
    "declared",
    "emphasized",
    "emphasised",
    "explain",
    "explains",
    "explained",
    "exclaimed",
    "insist",
    "insists",
    "insisted",
    "joked",
    "maintain",
    "maintains",
    "maintained",
    "note",
    "notes",
    "noted",
    "noting",
    "observed",
    "predicted",
    "promised",
    "quipped",
    "recalled",
    "recalls",
    "remarked",
    "replied",
    "replies",
    "reported",
    "reports",
    "responded",
    "responding",
    "responds",
    "retorted",
    "retaliated",
    "revealed",
    "reiterated",
    "repeat",
    "repeats",
    "repeated",
    "repeating",
    "stated",
    "stressed",
    "suggest",
    "suggests",
    "suggested",
    "testified",
    "tweeted",
    "tweets",
    "urged",
    "vowed",
    "warn",
    "warns",
    "warned",
    "warning",
    "write",
    "writes",
    "wrote",
    "writing",
    "posted",
    "pledged",
    "threatened",
    "lamented",
    "mused",
    "wondered",
    "demanded",
    "shouted",
    "yelled",
    "recounted",
    "estimated",
    "agreed",
    "charged",
    "predicts",
    "conceding",
    "admitting",
    "insisting",
    "explaining",
    "laughed",
    "sighed",
    "answered",
    "announcing",
    "complains",
    "proclaimed",
    "proclaims",
    "asking",
    "yelling",
    "shouting",
    "screamed",
    "tweeting",
    "declaring",
    "suggesting",
    "promising",
    "vowing",
    "vows",
    "urging",
    "urges",
    "stating",
    "responding",
    "replying",
    "recalling",
    "joking",
    "quipping",
    "interjected",
    "scoffed",
    "assured",
    "cried",
    "chanted",
    "boasts",
    "boasting",
    "bragged",
    "mocked",
    "griped",
    "fumed",
    "snapped",
    "whispered",
    "muttered",
    "pleaded",
    "begged",
    "concedes",
    "observes",
    "remarks",
    "counters",
    "reasoned",
    "reasons",
    "theorized",
    "speculated",
    "surmised",
    "opined",
    "advised",
    "advises",
    "informed",
    "assures",
    "pointing",
    "pointed",
    "emailed",
    "texted",
    "messaged",
    "posts",
    "posting",
    "texting",
    "blogged",
    "tweet",
    "chided",
    "scolded",
    "lectured",
    "thundered",
    "roared",
    "confided",
    "marveled",
    "marvelled",
    "bemoaned",
    "bemoans",
    "boomed",
    "sniped",
    "muses",
    "gushed",
    "derided",
    "ridiculed",
    "predicting",
    "cautioning",
    "cautions",
    // Forms of verbs listed above, and a few more verbs that report speech.
    "remarking",
    "mocks",
    "mocking",
    "echoed",
    "echoes",
    "echoing",
    "reminded",
    "reminds",
    "reminding",
    "recited",
    "riffed",
    "groused",
    "barked",
    "concludes",
    "implied",
    "retweeted",
    "reacted",
    "remembered",
    "hinted",
    "hints",
];

/// Accusations and assertions of fact against someone.
const ACCUSE_CUES: &[&str] = &[
    "claim", "claims", "claimed", "claiming", "allege", "alleges", "alleged", "alleging", "accuse",
    "accuses", "accused", "accusing", "blame", "blames", "blamed", "blaming",
];

/// Denials.
const DENY_CUES: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "dismiss",
    "dismisses",
    "dismissed",
    "dismissing",
    "refute",
    "refutes",
    "refuted",
    "refuting",
    "rebuffed",
    "rebutted",
    "disputed",
    "disputes",
    "repudiated",
    "disavowed",
];

/// Verbs that only attribute a quotation right beside them.
const QUOTE_ONLY_CUES: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "describe",
    "described",
    "describes",
    "describing",
    "dub",
    "dubs",
    "dubbed",
    "dubbing",
    "labeled",
    "labelled",
    "labeling",
    "labels",
    "branded",
    "termed",
    "continued",
    "continues",
    "read",
    "reads",
    "put",
    "puts",
];

/// Stances and findings rather than speech.
const STANCE_CUES: &[&str] = &[
    "think",
    "thinks",
    "thought",
    "believe",
    "believed",
    "show",
    "shows",
    "showed",
    "shown",
    "found",
    "finds",
    "endorsed",
    "endorses",
    "criticized",
    "criticised",
    "criticizes",
    "criticizing",
    "supports",
    "supported",
    "want",
    "wants",
    "wanted",
    "defended",
    "defends",
    "defending",
    "declined",
    "expects",
    "expected",
    "hopes",
    "hoped",
    "fears",
    "feared",
    "cited",
    "cites",
    "citing",
    "praised",
    "praising",
    "condemned",
    "condemning",
    "questioned",
    "questioning",
    "attacked",
    "attacking",
    "slammed",
    "blasted",
    "slams",
    "slamming",
    "blasts",
    "blasting",
    "praises",
    "assailed",
    "eviscerated",
    "touted",
    "touting",
    "highlighted",
    "indicated",
    "indicates",
    "signaled",
    "signalled",
    "projected",
    "concluding",
    "hailed",
    "welcomed",
    "applauded",
    "lauded",
    "decried",
    "denounced",
    "recommended",
    "proposed",
    "proposes",
    "opposes",
    "opposed",
    "considers",
    "considered",
    "doubt",
    "doubts",
    "doubted",
    "worried",
    "worries",
    "predict",
    "estimates",
    "knows",
    "knew",
    "understands",
    "feels",
    "felt",
    "agrees",
    "agree",
    "disagreed",
    "disagrees",
    "accepted",
    "believes",
];

/// Subject pronouns and what each can point back to.
const PRONOUNS: &[(Pronoun, &[&str])] = &[
    // With their contractions, in both apostrophes ("he's" is "he" already: a possessive
    // ending is dropped before lookup). Read as a capitalised word, "I’ve" spoke as a
    // person called I’ve.
    (Pronoun::He, &["he", "he'd", "he’d", "he'll", "he’ll"]),
    (Pronoun::She, &["she", "she'd", "she’d", "she'll", "she’ll"]),
    (
        Pronoun::I,
        &[
            "i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll",
        ],
    ),
    (
        Pronoun::Plural,
        &[
            "they",
            "they're",
            "they’re",
            "they've",
            "they’ve",
            "they'd",
            "they’d",
            "they'll",
            "they’ll",
            "we",
            "we're",
            "we’re",
            "we've",
            "we’ve",
            "we'd",
            "we’d",
            "we'll",
            "we’ll",
        ],
    ),
    (Pronoun::Thing, &["it"]),
    (Pronoun::Relative, &["who"]),
];

/// Event words folded to one stem each, so that "conducted the airstrike" and "carried out the
/// raid" are recognised as the same event when pairing denials with claims.
pub const EVENT_CLASSES: &[(&str, &[&str])] = &[
    (
        "attack",
        &[
            "attack",
            "attacks",
            "attacked",
            "strike",
            "strikes",
            "struck",
            "airstrike",
            "airstrikes",
            "air-strike",
            "raid",
            "raids",
            "bombing",
            "bombings",
            "bombed",
            "bomb",
            "assault",
            "shelling",
            "shelled",
            "bombardment",
            "massacre",
            "ambush",
        ],
    ),
    (
        "do",
        &[
            "carried",
            "carry",
            "carrying",
            "conducted",
            "conduct",
            "conducting",
            "launched",
            "launch",
            "perpetrated",
            "committed",
            "staged",
            "executed",
            "behind",
            "responsible",
            "responsibility",
        ],
    ),
    (
        "deadly",
        &[
            "deadly", "fatal", "lethal", "killed", "kill", "killing", "dead",
        ],
    ),
    (
        "kidnap",
        &[
            "kidnapped",
            "kidnap",
            "kidnapping",
            "abducted",
            "abduction",
            "seized",
        ],
    ),
    (
        "aircraft",
        &[
            "aircraft",
            "jets",
            "jet",
            "planes",
            "plane",
            "warplanes",
            "helicopter",
        ],
    ),
    ("convoy", &["convoy", "convoys", "trucks", "lorries"]),
    (
        "chemical",
        &["chemical", "gas", "sarin", "chlorine", "mustard"],
    ),
    (
        "capture",
        &["captured", "capture", "took", "taken", "control"],
    ),
    ("truce", &["ceasefire", "cease-fire", "truce"]),
    ("shootdown", &["shot", "shoot", "downed", "down"]),
];

/// Phrases inside a quotation or statement that deny rather than assert.
const DENIAL_PHRASES: &[&str] = &[
    "not true",
    "untrue",
    "no truth",
    "baseless",
    "groundless",
    "unfounded",
    "fabricated",
    "fabrication",
    "false claim",
    "false report",
    "is false",
    "are false",
    "was false",
    "were false",
    "totally false",
    "completely false",
    "entirely false",
    "absolutely false",
    "patently false",
    "nothing to do with",
    "never happened",
    "did not happen",
    "didn't happen",
    "a lie",
    // (A lie in scare quotes: "called the report a “lie”".)
    "a \"lie",
    "a “lie",
    "a 'lie",
    "a ‘lie",
    "no such",
    "cynical lie",
    "outright lie",
    "blatant lie",
    "nonsense",
    // Denying the deed itself: "we did not do it", "had no involvement".
    "did not do it",
    "didn't do it",
    "did not do this",
    "didn't do this",
    "did not carry out",
    "didn't carry out",
    "not responsible for",
    "not involved in",
    "was not involved",
    "were not involved",
    "wasn't involved",
    "weren't involved",
    "no involvement",
    "had no role",
    "had no part",
];

/// Verdicts that deny only when passed on a claim ("these allegations are absurd"): said of
/// anything else ("it is absurd to wait") they are opinions.
const VERDICTS: &[&str] = &["absurd", "ridiculous", "ludicrous", "preposterous", "fake"];

/// The nouns a [`VERDICTS`] word must judge to deny.
const CLAIM_NOUNS: &[&str] = &[
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "claim",
    "claims",
    "charge",
    "charges",
    "report",
    "reports",
    "story",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
];

/// True for a noun that names something asserted ("claims", "Reports", "allegation"): what
/// a denial can answer, as opposed to a request or a person that is rejected or dismissed.
pub fn is_claim_noun(word: &str) -> bool {
    CLAIM_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// Beginnings of the verbs of denial ("deny", "denied", "rejects", "refuted", "dismissed"):
/// said in the first person ("We categorically deny any involvement," "I reject that") they
/// deny, whatever verb reports them.
const DENY_STEMS: &[&str] = &["deny", "deni", "reject", "refut", "dismiss"];

/// What an occurrence found by [`DenialPhrases::of`] needs around it to deny.
#[derive(Clone, Copy)]
enum Needs {
    /// Nothing: a [`DENIAL_PHRASES`] entry.
    Nothing,
    /// A claim noun before it: a [`VERDICTS`] word.
    ClaimBefore,
    /// A first-person subject before it: a [`DENY_STEMS`] entry.
    FirstPersonBefore,
}

/// Every pattern [`DenialPhrases::of`] looks for, with what it needs.
fn denial_patterns() -> impl Iterator<Item = (&'static str, Needs)> {
    let with =
        |words: &'static [&'static str], needs: Needs| words.iter().map(move |&w| (w, needs));
    with(DENIAL_PHRASES, Needs::Nothing)
        .chain(with(VERDICTS, Needs::ClaimBefore))
        .chain(with(DENY_STEMS, Needs::FirstPersonBefore))
}

/// Rare parts of the patterns that open on common words ("was false", "did not do it",
/// "a lie"): the search looks for these and checks the whole pattern around each one found.
/// Searching for the patterns themselves, the packed prefilter stopped at most words that
/// open like one of them ("was ", "are ", "not ", "had ", "a li"), a twentieth of all
/// extraction; their rare parts it passes over.
const RARE_PARTS: &[&str] = &[
    "false",
    "true",
    "truth",
    "seless",
    "undless",
    "fabricat",
    "do with",
    "happen",
    " lie",
    "\"lie",
    "“lie",
    "'lie",
    "‘lie",
    "t do ",
    "carry out",
    "sponsible",
    "involve",
    "no role",
    "no part",
    "dicrous",
    "eposterous",
];

/// What the denial search looks for: each pattern's first [`RARE_PARTS`] entry, or the
/// pattern itself when it holds none; for each pattern, its anchor's index and where the anchor
/// stands in it.
fn denial_anchors() -> (Vec<&'static str>, Vec<(usize, usize)>) {
    let mut anchors: Vec<&'static str> = Vec::new();
    let placed = denial_patterns()
        .map(|(pattern, _)| {
            let (anchor, offset) = RARE_PARTS
                .iter()
                .find_map(|&part| pattern.find(part).map(|at| (part, at)))
                .unwrap_or((pattern, 0));
            let index = anchors
                .iter()
                .position(|&a| a == anchor)
                .unwrap_or_else(|| {
                    anchors.push(anchor);
                    anchors.len() - 1
                });
            (index, offset)
        })
        .collect();
    (anchors, placed)
}

/// The search behind [`DenialPhrases::of`]: the anchors ([`denial_anchors`]) and, for each,
/// the patterns it stands in (their index among [`denial_patterns`] and the anchor's offset
/// in them).
struct DenialSearch {
    anchors: AnchorFinder,
    patterns: Vec<Vec<(usize, usize)>>,
    all: Vec<(&'static str, Needs)>,
}

/// What finds the anchors: fat Teddy where the CPU has it (AVX2), whose sixteen buckets hold
/// two anchors each, where the eight of slim Teddy (which the automaton's prefilter picks
/// for this many) hold four and stop at one position in thirty; elsewhere the automaton.
enum AnchorFinder {
    Fat(packed::Searcher),
    Automaton(AhoCorasick),
}

impl DenialSearch {
    /// The search, with fat Teddy when `fat` asks for it and the CPU has it.
    fn new(fat: bool) -> DenialSearch {
        let (anchors, placed) = denial_anchors();
        let mut patterns = vec![Vec::new(); anchors.len()];
        for (p, &(anchor, offset)) in placed.iter().enumerate() {
            patterns[anchor].push((p, offset));
        }
        let packed = fat
            .then(|| {
                packed::Config::new()
                    .match_kind(packed::MatchKind::LeftmostFirst)
                    .only_teddy_fat(Some(true))
                    .builder()
                    .extend(&anchors)
                    .build()
            })
            .flatten();
        let anchors = match packed {
            Some(searcher) => AnchorFinder::Fat(searcher),
            None => AnchorFinder::Automaton(
                AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                    .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                    .build(&anchors)
                    .expect("denial anchors form a valid automaton"),
            ),
        };
        DenialSearch {
            anchors,
            patterns,
            all: denial_patterns().collect(),
        }
    }

    /// The leftmost anchor that starts at or after byte `from` of `hay`: its index and
    /// where it starts.
    fn find(&self, hay: &[u8], from: usize) -> Option<(usize, usize)> {
        let m = match &self.anchors {
            AnchorFinder::Fat(searcher) => {
                searcher.find_in(hay, aho_corasick::Span::from(from..hay.len()))
            }
            AnchorFinder::Automaton(ac) => ac.find(aho_corasick::Input::new(hay).range(from..)),
        }?;
        Some((m.pattern().as_usize(), m.start()))
    }
}

/// The words before byte `at` of lowercased `text`, nearest first, within its clause: the
/// walk stops at any mark but a space or an apostrophe inside a word.
fn words_before(text: &[u8], at: usize) -> impl Iterator<Item = &[u8]> {
    let mut end = at;
    std::iter::from_fn(move || {
        let mut k = end;
        while k > 0 && text[k - 1] == b' ' {
            k -= 1;
        }
        let word_end = k;
        while k > 0 && (text[k - 1].is_ascii_alphabetic() || text[k - 1] == b'\'') {
            k -= 1;
        }
        end = k;
        (k < word_end).then(|| &text[k..word_end])
    })
}

/// True when a claim noun is judged by the verdict at `at` ("the allegations are absurd",
/// "these claims are completely ridiculous").
fn judges_a_claim(lower: &[u8], at: usize) -> bool {
    let copula = |w: &[u8]| matches!(w, b"is" | b"are" | b"was" | b"were" | b"be" | b"been");
    let mut passed_copula = false;
    // (A verdict right before its noun, "fake news reports", passes no verdict on a claim.)
    words_before(lower, at)
        .take(4)
        .find(|w| {
            passed_copula |= copula(w);
            !(copula(w) || w.ends_with(b"ly") || matches!(*w, b"so" | b"just"))
        })
        .is_some_and(|w| passed_copula && CLAIM_NOUNS.iter().any(|n| n.as_bytes() == w))
}

/// True when the verb of denial at `at` begins a word and has "we" or "I" for its subject,
/// past adverbs and auxiliaries ("we categorically deny", "I have always rejected"), and
/// no negation ("we do not deny" admits).
fn denied_in_first_person(lower: &[u8], at: usize) -> bool {
    if at > 0 && lower[at - 1].is_ascii_alphabetic() {
        return false;
    }
    words_before(lower, at)
        .take(4)
        .find(|w| {
            !(w.ends_with(b"ly")
                || matches!(
                    *w,
                    b"also"
                        | b"always"
                        | b"again"
                        | b"have"
                        | b"had"
                        | b"hereby"
                        | b"will"
                        | b"would"
                        | b"must"
                        | b"still"
                        | b"all"
                ))
        })
        .is_some_and(|w| matches!(w, b"we" | b"i"))
}

/// Where the [`DENIAL_PHRASES`] stand in a briefing, in any case, found in one pass over the
/// whole text: each statement then asks whether one lies inside it ([`Self::within`]).
/// Searching every statement's text on its own cost a twentieth of all extraction, since
/// a case-insensitive automaton has to step through each byte; over a lowercased copy the
/// search can skip ahead with SIMD (aho-corasick's packed prefilter).
#[derive(Debug, Default)]
pub struct DenialPhrases {
    /// Start and end of every occurrence, by start.
    found: Vec<(usize, usize)>,
}

impl DenialPhrases {
    /// Every denial phrase in `text`. ASCII lowercasing folds exactly the letters an
    /// ASCII-case-insensitive match folds, so an occurrence here is one in `text`.
    ///
    /// No phrase holds another (a test checks), so at most one occurs at each position,
    /// and occurrences may overlap but never nest. The search looks for the patterns'
    /// anchors ([`denial_anchors`]), none of which holds another either: each search reports
    /// the leftmost anchor (the semantics the packed prefilter needs) and the next one
    /// begins a byte after its start, which finds every anchor, overlapping ones included;
    /// every pattern is then compared where each of its anchor's occurrences puts it.
    pub fn of(text: &str) -> DenialPhrases {
        static SEARCH: LazyLock<DenialSearch> = LazyLock::new(|| DenialSearch::new(true));
        let search = &*SEARCH;
        // (Lowercased as it is copied: one pass over the text, where copying it and then
        // lowercasing the copy took two.)
        let lower: Vec<u8> = text.bytes().map(|b| b.to_ascii_lowercase()).collect();
        let mut found = Vec::new();
        let mut from = 0;
        while let Some((anchor, at)) = search.find(&lower, from) {
            for &(p, offset) in &search.patterns[anchor] {
                let (pattern, needs) = search.all[p];
                let Some(start) = at.checked_sub(offset) else {
                    continue;
                };
                let end = start + pattern.len();
                if lower.get(start..end) != Some(pattern.as_bytes()) {
                    continue;
                }
                let denies = match needs {
                    Needs::Nothing => true,
                    Needs::ClaimBefore => judges_a_claim(&lower, start),
                    Needs::FirstPersonBefore => denied_in_first_person(&lower, start),
                };
                if denies {
                    found.push((start, end));
                }
            }
            from = at + 1;
        }
        // (Found in the order of their anchors, which stand at different offsets.)
        found.sort_unstable();
        DenialPhrases { found }
    }

    /// True when a denial phrase lies wholly inside `span`. Occurrences never nest, so
    /// the first one starting in the span is the first to end.
    pub fn within(&self, span: Span) -> bool {
        let first = self.found.partition_point(|&(start, _)| start < span.start);
        self.found
            .get(first)
            .is_some_and(|&(_, end)| end <= span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::norm;
    use super::*;

    /// Each of a word's facts reads back as its list gave it, whatever the other fields
    /// hold and whatever the tokenizer adds.
    #[test]
    fn a_words_facts_read_back_one_by_one() {
        let cases = [
            ("he", None, Some(Pronoun::He), None),
            ("who", None, Some(Pronoun::Relative), None),
            ("denied", Some(Cue::Deny), None, None),
            ("thinks", Some(Cue::Stance), None, None),
            ("attacked", Some(Cue::Stance), None, Some("attack")),
            ("zebra", None, None, None),
        ];
        for (word, cue, pronoun, event) in cases {
            let lex = lookup(word);
            for read in [lex, lex.plain(), lex.in_name(), lex.plain().in_name()] {
                assert_eq!(read.cue(), cue, "{word}");
                assert_eq!(read.is_cue(), cue.is_some(), "{word}");
                assert_eq!(read.pronoun(), pronoun, "{word}");
                assert_eq!(read.event(), event, "{word}");
            }
            assert!(!lex.is_plain() && lex.plain().is_plain(), "{word}");
        }
        for (cue, words) in CUE_LISTS {
            for word in *words {
                assert!(lookup(word).is_cue(), "{word} is a {cue:?} cue");
            }
        }
        // A word only the noun-phrase rule asks about is still one no other list knows.
        let provincial = lookup("provincial");
        assert!(provincial.is(Class::NounPhraseWord) && provincial.is_unlisted());
        assert!(lookup("zebra").is_unlisted() && !lookup("spokesman").is_unlisted());
        let the = lookup("the");
        assert!(the.is(Class::Determiner) && the.plain().is(Class::Determiner));
        assert!(!the.is(Class::Title));
        let may = lookup("may");
        assert!(may.is(Class::FunctionWord) && !may.in_name().is(Class::FunctionWord));
    }

    #[test]
    fn a_word_as_written_finds_what_its_normal_form_finds() {
        let words = [
            "Said",
            "SAID",
            "Kerry's",
            "U.S.",
            "Mr.",
            "spokesman’s",
            "zZ@[`{",
            "the",
            "a.",
            "Tél",
            "They’re",
            "\u{212A}im",
            "İ",
            "ÉÉÉÉÉÉÉÉÉÉÉÉ",
            "ÉÉÉÉÉÉÉÉÉÉÉÉÉ",
            "abcdefghijklmnopqrstuvwx",
            "abcdefghijklmnopqrstuvwxy",
            "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.",
            "a\0b",
        ];
        for word in words {
            assert_eq!(lookup_raw(word), lookup(&norm(word)), "{word}");
        }
        assert_eq!(lookup_raw("DENIED").cue(), Some(Cue::Deny));
        let has_denial_phrase = |t: &str| DenialPhrases::of(t).within(Span::new(0, t.len()));
        assert!(has_denial_phrase("“We did not do it,” the minister said."));
        assert!(has_denial_phrase(
            "Moscow says it was NOT INVOLVED in the attack."
        ));
        assert!(!has_denial_phrase("“We did it,” the commander said."));
        // A denial in the first person, whatever verb reports it; not a negated one, nor
        // someone else's.
        for denies in [
            "“We categorically deny any involvement,” the spokesman said.",
            "\"I have always rejected these claims,\" he told reporters.",
            "“We refuted it at once,” she said.",
        ] {
            assert!(has_denial_phrase(denies), "{denies}");
        }
        for asserts in [
            "“We do not deny that talks took place,” he said.",
            "“They deny everything,” the commander said.",
            "“We found no denial,” she said.",
            "Wendy rejected the offer.",
        ] {
            assert!(!has_denial_phrase(asserts), "{asserts}");
        }
        // A verdict on a claim denies it; on anything else it is an opinion.
        assert!(has_denial_phrase(
            "“These allegations are absurd,” he said."
        ));
        assert!(has_denial_phrase(
            "He said the claims were completely ridiculous."
        ));
        assert!(!has_denial_phrase("“It is absurd to wait,” he said."));
        assert!(!has_denial_phrase(
            "Users can report fake accounts, the company said."
        ));
        assert!(has_denial_phrase("Officials said the claims were false."));
        for (a, _) in denial_patterns() {
            for (b, _) in denial_patterns() {
                assert!(a == b || !b.contains(a), "{b} holds {a}");
            }
        }
        // Overlapping phrases: the one inside a span counts even when another starts
        // before it ("is false" and "false claim").
        let t = "That is false claims, he said.";
        let phrases = DenialPhrases::of(t);
        assert!(phrases.within(Span::new(8, t.len())));
        assert!(!phrases.within(Span::new(9, t.len())));
        // Words read from a longer text and at its very end, every length up to LONGEST.
        let plain = |word: &str| {
            let text = format!("{word} and more than twenty-four bytes after it");
            let read = lookup_plain(text.as_bytes(), 0, word.len());
            let copied = lookup_plain(word.as_bytes(), 0, word.len());
            assert_eq!(read, copied, "{word}");
            read
        };
        assert_eq!(plain("SpokesMan"), lookup("spokesman"));
        assert_eq!(plain("So-Called"), lookup_raw("So-Called"));
        for word in [
            "a",
            "Said",
            "Abcdefgh",
            "internationally",
            "Counter-Terrorism",
        ] {
            assert_eq!(plain(word), lookup_raw(word), "{word}");
        }
        for len in 1..=LONGEST {
            plain(&"Said-Spokesman-Accused&Co"[..len]);
        }
        assert_eq!(plain(&"a".repeat(25)), Lex::default());
        assert!(plain("So-Called").is(Class::FunctionWord));
        assert!(lookup_raw("spokesman’s").is(Class::PersonRole));
        assert_eq!(lookup_raw(&"a".repeat(1 << 20)), Lex::default());
        assert!(lookup_raw("Sen.").is(Class::Title));
    }

    #[test]
    fn denial_phrases_are_found_by_their_rare_parts() {
        let has_denial_phrase = |t: &str| DenialPhrases::of(t).within(Span::new(0, t.len()));
        // Every phrase is found wherever its rare part stands in it, in any case.
        for phrase in DENIAL_PHRASES {
            for t in [
                format!("The spokesman said it {phrase}."),
                format!("{} AT ONCE", phrase.to_uppercase()),
            ] {
                assert!(has_denial_phrase(&t), "{t}");
            }
        }
        // Both ways of finding the anchors find the same.
        let t = "A lie? “It is false,” we deny. That never happened; they didn't do it, \
                 a ‘lie’ and no such thing: the claims are ridiculous, and preposterous."
            .repeat(3)
            .into_bytes();
        let finds = |search: &DenialSearch| {
            let mut from = 0;
            std::iter::from_fn(|| {
                let (anchor, at) = search.find(&t, from)?;
                from = at + 1;
                Some((anchor, at))
            })
            .collect::<Vec<_>>()
        };
        assert_eq!(
            finds(&DenialSearch::new(true)),
            finds(&DenialSearch::new(false))
        );
        assert_eq!(finds(&DenialSearch::new(false)).len(), 27);
        let (anchors, _) = denial_anchors();
        for a in &anchors {
            for b in &anchors {
                assert!(a == b || !b.contains(a), "anchor {b} holds {a}");
            }
        }
    }
}
