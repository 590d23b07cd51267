//! The party gazetteer: countries, governments, armed groups and international bodies, with
//! the aliases, demonyms and capital-city metonyms that news text uses for them.
//!
//! One Aho-Corasick automaton holds every alias, so tagging parties costs the same whatever
//! the size of the gazetteer. It runs anchored, only where a word begins with a byte some
//! alias begins with: a mention must start a word anyway, and most words (lower case) are
//! skipped at the cost of one table lookup.

use super::lexicon::{self, Class};
use super::tokens::not_ascii_alphanumeric;
use crate::briefing::{PartyDef, Span};
use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind, PatternID, StartKind, dfa, nfa};
use std::sync::OnceLock;

/// The built-in parties: canonical name, then the exact (case-sensitive) words for it.
const BUILTIN: &[(&str, &[&str])] = &[
    (
        "United States",
        &[
            "United States",
            "U.S.",
            "US",
            "USA",
            "U.S.A.",
            "America",
            "American",
            "Americans",
            "Washington",
            "Pentagon",
            "White House",
            "State Department",
            "Joint Chiefs",
            "Obama administration",
            "Trump administration",
            "CIA",
            "FBI",
        ],
    ),
    (
        "Russia",
        &[
            "Russia",
            "Russian",
            "Russians",
            "Moscow",
            "Kremlin",
            "Russian Federation",
        ],
    ),
    (
        "Syria",
        &["Syria", "Syrian", "Syrians", "Damascus", "Assad regime"],
    ),
    (
        "Islamic State",
        &[
            "Islamic State",
            "ISIS",
            "ISIL",
            "Daesh",
            "Daish",
            "IS militants",
            "IS fighters",
        ],
    ),
    (
        "United Nations",
        &[
            "United Nations",
            "UN",
            "U.N.",
            "Security Council",
            "UNHCR",
            "UNICEF",
        ],
    ),
    (
        "Ukraine",
        &["Ukraine", "Ukrainian", "Ukrainians", "Kiev", "Kyiv"],
    ),
    ("Iraq", &["Iraq", "Iraqi", "Iraqis", "Baghdad"]),
    ("Iran", &["Iran", "Iranian", "Iranians", "Tehran"]),
    (
        "Israel",
        &[
            "Israel",
            "Israeli",
            "Israelis",
            "IDF",
            "Israel Defense Forces",
        ],
    ),
    (
        "Palestinians",
        &[
            "Palestinian",
            "Palestinians",
            "Palestine",
            "Palestinian Authority",
        ],
    ),
    ("Hamas", &["Hamas"]),
    ("Hezbollah", &["Hezbollah", "Hizbollah"]),
    ("Boko Haram", &["Boko Haram"]),
    (
        "al-Qaeda",
        &[
            "al-Qaeda", "al Qaeda", "Al Qaeda", "Al-Qaeda", "al-Qaida", "Al-Qaida", "AQAP",
        ],
    ),
    ("Taliban", &["Taliban"]),
    (
        "al-Shabab",
        &[
            "al-Shabab",
            "al-Shabaab",
            "Al-Shabab",
            "Al-Shabaab",
            "al Shabab",
        ],
    ),
    (
        "Jabhat Fateh al-Sham",
        &[
            "Jabhat Fateh al-Sham",
            "Nusra Front",
            "al-Nusra",
            "Al-Nusra",
            "Jabhat al-Nusra",
        ],
    ),
    (
        "Kurds",
        &["Kurds", "Kurdish", "Peshmerga", "YPG", "Kurdistan"],
    ),
    ("PKK", &["PKK", "Kurdistan Workers' Party"]),
    ("Houthis", &["Houthi", "Houthis"]),
    ("NATO", &["NATO", "Nato"]),
    (
        "European Union",
        &["European Union", "EU", "E.U.", "European Commission"],
    ),
    ("African Union", &["African Union"]),
    ("Arab League", &["Arab League"]),
    (
        "World Health Organization",
        &["World Health Organization", "WHO"],
    ),
    ("Red Cross", &["Red Cross", "ICRC", "Red Crescent"]),
    (
        "Amnesty International",
        &["Amnesty International", "Amnesty"],
    ),
    ("Human Rights Watch", &["Human Rights Watch"]),
    (
        "Doctors Without Borders",
        &["Doctors Without Borders", "MSF", "Medecins Sans Frontieres"],
    ),
    ("China", &["China", "Chinese", "Beijing"]),
    (
        "United Kingdom",
        &[
            "United Kingdom",
            "UK",
            "U.K.",
            "Britain",
            "British",
            "London",
            "Downing Street",
        ],
    ),
    ("France", &["France", "French", "Paris", "Elysee"]),
    ("Germany", &["Germany", "German", "Germans", "Berlin"]),
    ("Turkey", &["Turkey", "Turkish", "Turks", "Ankara"]),
    (
        "Saudi Arabia",
        &["Saudi Arabia", "Saudi", "Saudis", "Riyadh"],
    ),
    ("Egypt", &["Egypt", "Egyptian", "Egyptians", "Cairo"]),
    ("Nigeria", &["Nigeria", "Nigerian", "Nigerians", "Abuja"]),
    ("Cameroon", &["Cameroon", "Cameroonian", "Yaounde"]),
    ("Chad", &["Chadian", "N'Djamena"]),
    ("Niger", &["Niger", "Nigerien", "Niamey"]),
    ("Mali", &["Mali", "Malian", "Bamako"]),
    ("Somalia", &["Somalia", "Somali", "Somalis", "Mogadishu"]),
    ("Kenya", &["Kenya", "Kenyan", "Kenyans", "Nairobi"]),
    ("Sudan", &["Sudan", "Sudanese", "Khartoum"]),
    ("South Sudan", &["South Sudan", "South Sudanese", "Juba"]),
    ("Ethiopia", &["Ethiopia", "Ethiopian", "Addis Ababa"]),
    ("Libya", &["Libya", "Libyan", "Libyans", "Tripoli"]),
    ("Yemen", &["Yemen", "Yemeni", "Yemenis", "Sanaa"]),
    ("Lebanon", &["Lebanon", "Lebanese", "Beirut"]),
    ("Jordan", &["Jordanian", "Amman"]),
    ("Qatar", &["Qatar", "Qatari", "Doha"]),
    (
        "United Arab Emirates",
        &["United Arab Emirates", "UAE", "Emirati", "Abu Dhabi"],
    ),
    (
        "Afghanistan",
        &["Afghanistan", "Afghan", "Afghans", "Kabul"],
    ),
    (
        "Pakistan",
        &["Pakistan", "Pakistani", "Pakistanis", "Islamabad"],
    ),
    ("India", &["India", "Indian", "Indians", "New Delhi"]),
    (
        "North Korea",
        &["North Korea", "North Korean", "Pyongyang", "DPRK"],
    ),
    ("South Korea", &["South Korea", "South Korean", "Seoul"]),
    ("Japan", &["Japan", "Japanese", "Tokyo"]),
    ("Canada", &["Canada", "Canadian", "Canadians", "Ottawa"]),
    (
        "Australia",
        &["Australia", "Australian", "Australians", "Canberra"],
    ),
    ("Mexico", &["Mexico", "Mexican", "Mexicans"]),
    ("Cuba", &["Cuba", "Cuban", "Havana"]),
    ("Venezuela", &["Venezuela", "Venezuelan", "Caracas"]),
    ("Belarus", &["Belarus", "Belarusian", "Minsk"]),
    ("Poland", &["Poland", "Polish", "Warsaw"]),
    (
        "Sierra Leone",
        &["Sierra Leone", "Sierra Leonean", "Freetown"],
    ),
    ("Liberia", &["Liberia", "Liberian", "Liberians", "Monrovia"]),
    ("Guinea", &["Guinea", "Guinean", "Conakry"]),
    ("Italy", &["Italy", "Italian", "Italians", "Rome"]),
    ("Spain", &["Spain", "Spanish", "Madrid"]),
    ("Greece", &["Greece", "Greek", "Athens"]),
    ("Netherlands", &["Netherlands", "Dutch", "The Hague"]),
    ("Belgium", &["Belgium", "Belgian"]),
    ("Sweden", &["Sweden", "Swedish", "Stockholm"]),
    ("Denmark", &["Denmark", "Danish", "Copenhagen"]),
    ("Norway", &["Norway", "Norwegian", "Oslo"]),
    ("Azerbaijan", &["Azerbaijan", "Azerbaijani", "Baku"]),
    ("Armenia", &["Armenia", "Armenian", "Yerevan"]),
    ("Georgia", &["Tbilisi", "Georgian government"]),
    (
        "Philippines",
        &["Philippines", "Filipino", "Philippine", "Manila"],
    ),
    ("Indonesia", &["Indonesia", "Indonesian", "Jakarta"]),
    ("Myanmar", &["Myanmar", "Burma", "Burmese"]),
];

/// The demonyms of the states above ("Russian", "Iraqis"). A demonym says where someone is
/// from, not whom they speak for, so it ties a phrase to its state only where it describes
/// the state's own people or bodies (see [`Gazetteer::ties`]). Peoples that are parties
/// themselves ("Kurdish", "Palestinian", "Houthi") are not here: for them the people is the
/// party.
const STATE_DEMONYMS: &[&str] = &[
    "American",
    "Americans",
    "Russian",
    "Russians",
    "Syrian",
    "Syrians",
    "Ukrainian",
    "Ukrainians",
    "Iraqi",
    "Iraqis",
    "Iranian",
    "Iranians",
    "Israeli",
    "Israelis",
    "Chinese",
    "British",
    "French",
    "German",
    "Germans",
    "Turkish",
    "Turks",
    "Saudi",
    "Saudis",
    "Egyptian",
    "Egyptians",
    "Nigerian",
    "Nigerians",
    "Cameroonian",
    "Chadian",
    "Nigerien",
    "Malian",
    "Somali",
    "Somalis",
    "Kenyan",
    "Kenyans",
    "Sudanese",
    "South Sudanese",
    "Ethiopian",
    "Libyan",
    "Libyans",
    "Yemeni",
    "Yemenis",
    "Lebanese",
    "Jordanian",
    "Qatari",
    "Emirati",
    "Afghan",
    "Afghans",
    "Pakistani",
    "Pakistanis",
    "Indian",
    "Indians",
    "North Korean",
    "South Korean",
    "Japanese",
    "Canadian",
    "Canadians",
    "Australian",
    "Australians",
    "Mexican",
    "Mexicans",
    "Cuban",
    "Venezuelan",
    "Belarusian",
    "Polish",
    "Sierra Leonean",
    "Liberian",
    "Liberians",
    "Guinean",
    "Italian",
    "Italians",
    "Spanish",
    "Greek",
    "Dutch",
    "Belgian",
    "Swedish",
    "Danish",
    "Norwegian",
    "Azerbaijani",
    "Armenian",
    "Filipino",
    "Philippine",
    "Indonesian",
    "Burmese",
];

/// What a state's demonym describes when it speaks for the state: its officials, bodies,
/// forces and statements ("Russian officials", "the Iraqi army", "a Syrian statement").
const STATE_HEADS: &[&str] = &[
    "official",
    "officials",
    "minister",
    "ministers",
    "ministry",
    "ministries",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "president",
    "presidency",
    "premier",
    "chancellor",
    "king",
    "emir",
    "monarch",
    "government",
    "authorities",
    "authority",
    "administration",
    "regime",
    "leader",
    "leaders",
    "leadership",
    "ambassador",
    "ambassadors",
    "embassy",
    "consulate",
    "diplomat",
    "diplomats",
    "envoy",
    "envoys",
    "delegation",
    "mission",
    "negotiator",
    "negotiators",
    "general",
    "generals",
    "commander",
    "commanders",
    "colonel",
    "admiral",
    "officer",
    "officers",
    "soldier",
    "soldiers",
    "troops",
    "forces",
    "force",
    "army",
    "military",
    "navy",
    "marines",
    "jets",
    "warplanes",
    "police",
    "intelligence",
    "agency",
    "agencies",
    "investigators",
    "prosecutor",
    "prosecutors",
    "court",
    "judge",
    "lawmaker",
    "lawmakers",
    "parliament",
    "legislators",
    "senator",
    "senators",
    "congress",
    "senate",
    "department",
    "office",
    "service",
    "services",
    "command",
    "cabinet",
    "statement",
    "secretary",
    "gen",
    "gens",
    "lt",
    "col",
    "maj",
    "sgt",
    "adm",
    "capt",
    "cmdr",
    "brigadier",
    "marshal",
    "lieutenant",
    "sergeant",
    "captain",
];

/// Places that are also common first names: before a surname they name a person.
const GIVEN_NAME_PLACES: &[&str] = &["Chad", "Jordan", "Georgia"];

/// Phrases that contain an alias but do not name its party; matching them (longest wins)
/// keeps "Washington Post" from counting as the United States.
const NOT_PARTIES: &[&str] = &[
    "Washington Post",
    "Washington Times",
    "Washington state",
    "Washington State",
    "George Washington",
    "Washington Examiner",
    "African American",
    "African Americans",
    "Latin American",
    "South American",
    "North American",
    "Central American",
    "Native American",
    "Native Americans",
    "American Airlines",
    "Mexican food",
    "Paris Hilton",
    "Turkish Airlines",
    "Chinese food",
    "Indian Ocean",
    "Red Crescent Moon",
    "US Airways",
    "Georgia Tech",
    "New Mexico",
    "Indiana",
    // A state's own council, not the United Nations' ("President Barack Obama's National
    // Security Council"); and the peoples of the Americas, not India.
    "National Security Council",
    "Indian Nation",
    "Indian Nations",
    "American Indian",
    "American Indians",
    "Jordan Peterson",
    "Trump administration officials said",
];

/// Finds parties in text and maps any of their names to one canonical name.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Canonical names, indexed by party id.
    names: Vec<String>,
    /// For each automaton pattern, the party it names (`None` for a blocking phrase).
    pattern_party: Vec<Option<usize>>,
    /// Each automaton pattern as written, for names typed in another case (the automaton
    /// matches text as written: "us" in an article is not the United States).
    patterns: Vec<String>,
    /// All aliases and blocking phrases, leftmost-longest, searched anchored.
    matcher: Matcher,
    /// How aliases and blocking phrases begin.
    starts: Prefixes,
    /// The parties added to the built-in ones, kept so more can be layered on top.
    extra: Vec<PartyDef>,
    /// The names and patterns in ASCII lowercase, for [`Gazetteer::canonical`]: built on its
    /// first call, since most gazetteers (one per briefing with parties of its own) are never
    /// asked, and searching the lists themselves compared every name and alias in turn.
    folded: OnceLock<Folded>,
}

/// A gazetteer's names and patterns folded to ASCII lowercase, each to the first party id or
/// pattern index written so in any case (the order [`Gazetteer::canonical`] searched them in).
#[derive(Debug, Clone, Default)]
struct Folded {
    names: rustc_hash::FxHashMap<Box<[u8]>, usize>,
    patterns: rustc_hash::FxHashMap<Box<[u8]>, usize>,
}

impl Folded {
    /// Folds both lists, keeping the first of words that differ only in case.
    fn of(names: &[String], patterns: &[String]) -> Folded {
        let index = |words: &[String]| {
            let mut map = rustc_hash::FxHashMap::default();
            for (i, w) in words.iter().enumerate() {
                map.entry(w.as_bytes().to_ascii_lowercase().into_boxed_slice())
                    .or_insert(i);
            }
            map
        };
        Folded {
            names: index(names),
            patterns: index(patterns),
        }
    }
}

/// How the aliases begin, to rule out at once a word that no alias can start (most capitalised
/// words): the set of first bytes, and one bit per hash of each alias's first three bytes
/// (the whole alias when shorter), a filter with rare false positives and no misses.
#[derive(Debug, Clone)]
struct Prefixes {
    first: [bool; 256],
    bits: Vec<u64>,
    /// Whether some alias is one byte long, or two.
    short: [bool; 3],
    /// The lowercase ASCII letters aliases begin with, when there are two at most ("al-Qaeda"
    /// and "al-Shabab" give `a`; an unused slot holds 0, which is no letter); `None` when
    /// there are more. Most word starts are lowercase, and the scan passes over the others
    /// a vector register at a time.
    lower: Option<[u8; 2]>,
    /// Whether every alias begins with an ASCII capital or one of the lowercase letters in
    /// [`Prefixes::lower`] (all the built-in ones do): the scan then passes over the word
    /// starts no alias can begin (digits, marks, blanks) a vector register at a time, where
    /// each was tested on its own.
    letters_only: bool,
    /// Whether this CPU has AVX2, asked once: the scan then reads thirty-two bytes at a time.
    avx2: bool,
}

impl Default for Prefixes {
    fn default() -> Prefixes {
        Prefixes {
            first: [false; 256],
            bits: vec![0; PREFIX_BITS / 64],
            short: [false; 3],
            lower: Some([0; 2]),
            letters_only: true,
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
            #[cfg(not(target_arch = "x86_64"))]
            avx2: false,
        }
    }
}

/// A vector register of byte lanes: the word-start test ([`Prefixes::word_starts`]) is
/// written once over it, for SSE2's sixteen lanes (every x86-64 CPU) and AVX2's thirty-two.
/// Every method is an `unsafe` intrinsic call: the CPU must have the instructions, which
/// the caller vouches for; inlined into a function compiled for them, each is one
/// instruction.
#[cfg(target_arch = "x86_64")]
trait ByteLanes: Copy {
    /// Lanes in a register.
    const WIDTH: usize;
    /// One bit for each lane, the low `WIDTH` bits of a `u32`.
    const ALL_LANES: u32;
    /// `WIDTH` bytes from `p`, any alignment.
    unsafe fn load(p: *const u8) -> Self;
    /// `b` in every lane.
    unsafe fn splat(b: u8) -> Self;
    unsafe fn and(self, other: Self) -> Self;
    unsafe fn or(self, other: Self) -> Self;
    /// `other` where `self` is clear.
    unsafe fn and_not(self, other: Self) -> Self;
    /// All ones in each lane where the bytes are equal.
    unsafe fn equal(self, other: Self) -> Self;
    /// All ones in each lane where `self`'s byte is greater, read as signed.
    unsafe fn greater(self, other: Self) -> Self;
    /// Each lane's top bit, lane `k` at bit `k`.
    unsafe fn mask(self) -> u32;
}

/// Implements [`ByteLanes`] for one register type with its intrinsics, in the trait's order.
#[cfg(target_arch = "x86_64")]
macro_rules! byte_lanes {
    ($register:ident, $width:literal, $load:ident, $splat:ident, $and:ident, $or:ident,
     $and_not:ident, $equal:ident, $greater:ident, $mask:ident) => {
        impl ByteLanes for std::arch::x86_64::$register {
            const WIDTH: usize = $width;
            const ALL_LANES: u32 = u32::MAX >> (32 - $width);
            #[inline(always)]
            unsafe fn load(p: *const u8) -> Self {
                // SAFETY: the caller's contract (`WIDTH` readable bytes, the instructions).
                unsafe { std::arch::x86_64::$load(p.cast()) }
            }
            #[inline(always)]
            unsafe fn splat(b: u8) -> Self {
                // SAFETY: the instructions, by the caller's contract.
                unsafe { std::arch::x86_64::$splat(b as i8) }
            }
            #[inline(always)]
            unsafe fn and(self, other: Self) -> Self {
                // SAFETY: the instructions, by the caller's contract.
                unsafe { std::arch::x86_64::$and(self, other) }
            }
            #[inline(always)]
            unsafe fn or(self, other: Self) -> Self {
                // SAFETY: the instructions, by the caller's contract.
                unsafe { std::arch::x86_64::$or(self, other) }
            }
            #[inline(always)]
            unsafe fn and_not(self, other: Self) -> Self {
                // SAFETY: the instructions, by the caller's contract.
                unsafe { std::arch::x86_64::$and_not(self, other) }
            }
            #[inline(always)]
            unsafe fn equal(self, other: Self) -> Self {
                // SAFETY: the instructions, by the caller's contract.
                unsafe { std::arch::x86_64::$equal(self, other) }
            }
            #[inline(always)]
            unsafe fn greater(self, other: Self) -> Self {
                // SAFETY: the instructions, by the caller's contract.
                unsafe { std::arch::x86_64::$greater(self, other) }
            }
            #[inline(always)]
            unsafe fn mask(self) -> u32 {
                // SAFETY: the instructions, by the caller's contract.
                unsafe { std::arch::x86_64::$mask(self) as u32 }
            }
        }
    };
}

#[cfg(target_arch = "x86_64")]
byte_lanes!(
    __m128i,
    16,
    _mm_loadu_si128,
    _mm_set1_epi8,
    _mm_and_si128,
    _mm_or_si128,
    _mm_andnot_si128,
    _mm_cmpeq_epi8,
    _mm_cmpgt_epi8,
    _mm_movemask_epi8
);
#[cfg(target_arch = "x86_64")]
byte_lanes!(
    __m256i,
    32,
    _mm256_loadu_si256,
    _mm256_set1_epi8,
    _mm256_and_si256,
    _mm256_or_si256,
    _mm256_andnot_si256,
    _mm256_cmpeq_epi8,
    _mm256_cmpgt_epi8,
    _mm256_movemask_epi8
);

/// Bits of the prefix filter: 8 KB, which stays in cache.
const PREFIX_BITS: usize = 1 << 16;

impl Prefixes {
    /// The filter's bit for a prefix of one to three bytes: the bytes after their count, as
    /// one number, hashed. (Written byte by byte for each length: a fold over the slice cost
    /// a loop at every word start the scan asks about.)
    #[inline]
    fn bit(prefix: &[u8]) -> usize {
        let packed = match *prefix {
            [a] => u32::from_be_bytes([0, 0, 1, a]),
            [a, b] => u32::from_be_bytes([0, 2, a, b]),
            [a, b, c] => u32::from_be_bytes([3, a, b, c]),
            _ => unreachable!("prefixes hold one to three bytes"),
        };
        (packed.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    fn add(&mut self, alias: &[u8]) {
        let Some(&first) = alias.first() else { return };
        self.first[usize::from(first)] = true;
        self.letters_only &= first.is_ascii_alphabetic();
        if first.is_ascii_lowercase() {
            self.lower = self.lower.and_then(|mut lower| {
                let slot = lower.iter().position(|&b| b == first || b == 0)?;
                lower[slot] = first;
                Some(lower)
            });
        }
        let len = alias.len().min(3);
        if len < 3 {
            self.short[len] = true;
        }
        let bit = Prefixes::bit(&alias[..len]);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    /// The first byte at or after `from` that no ASCII letter or digit precedes and where an
    /// alias may begin ([`Prefixes::may_begin`]): where a mention may start. Thirty-two or
    /// sixteen bytes at a time on x86-64 ([`Prefixes::word_starts`]), eight elsewhere and
    /// then, so the bytes inside words (most of any text) are passed over without a look at
    /// each. (Asking `may_begin` here, not of each capitalised word the scan returns, spares
    /// the scan its restart at five words in six.)
    #[inline]
    fn next_candidate(&self, bytes: &[u8], mut from: usize) -> Option<usize> {
        if from == 0 {
            if !bytes.is_empty() && self.may_begin(bytes, 0) {
                return Some(0);
            }
            from = 1;
        }
        #[cfg(target_arch = "x86_64")]
        {
            if self.avx2 {
                // SAFETY: `avx2` is set only where the CPU has AVX2 (see `Prefixes::default`).
                match unsafe { self.scan_avx2(bytes, from) } {
                    Ok(k) => return Some(k),
                    Err(stop) => from = stop,
                }
            }
            // SAFETY: every x86-64 CPU has SSE2.
            match unsafe { self.scan::<std::arch::x86_64::__m128i>(bytes, from) } {
                Ok(k) => return Some(k),
                Err(stop) => from = stop,
            }
        }
        // Each lane of `before` is the byte before the position it stands for.
        while from + 8 <= bytes.len() {
            let before = u64::from_le_bytes(bytes[from - 1..from + 7].try_into().expect("8 bytes"));
            let mut lanes = not_ascii_alphanumeric(before);
            while lanes != 0 {
                let k = from + (lanes.trailing_zeros() / 8) as usize;
                if self.may_begin(bytes, k) {
                    return Some(k);
                }
                lanes &= lanes - 1;
            }
            from += 8;
        }
        (from..bytes.len())
            .find(|&k| !bytes[k - 1].is_ascii_alphanumeric() && self.may_begin(bytes, k))
    }
    /// [`Prefixes::scan`] with AVX2's thirty-two lanes, where the CPU has them: the lane
    /// tests and the lookups they pass to are compiled for AVX2 together, so they inline.
    ///
    /// # Safety
    /// The CPU must have AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn scan_avx2(&self, bytes: &[u8], from: usize) -> Result<usize, usize> {
        // SAFETY: this function's own contract.
        unsafe { self.scan::<std::arch::x86_64::__m256i>(bytes, from) }
    }

    /// The first byte at or after `from` (`from >= 1`) where [`Prefixes::word_starts`] and
    /// then [`Prefixes::may_begin`] pass, one register width at a time; `Err` with where it
    /// stopped when fewer than a register's bytes are left.
    ///
    /// # Safety
    /// The CPU must have the instructions `V` is made of.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn scan<V: ByteLanes>(&self, bytes: &[u8], mut from: usize) -> Result<usize, usize> {
        while from + V::WIDTH <= bytes.len() {
            // SAFETY: the caller's contract.
            let mut lanes = unsafe { self.word_starts::<V>(bytes, from) };
            while lanes != 0 {
                let k = from + lanes.trailing_zeros() as usize;
                if self.may_begin(bytes, k) {
                    return Ok(k);
                }
                lanes &= lanes - 1;
            }
            from += V::WIDTH;
        }
        Err(from)
    }

    /// One bit for each of the register's bytes from `at` (`at >= 1`, and a register's
    /// bytes left) that may begin a mention: no ASCII letter or digit precedes it, and it is
    /// no lowercase letter unless an alias begins with that letter ([`Prefixes::lower`]), nor
    /// anything but a letter when only letters begin aliases ([`Prefixes::letters_only`]). A
    /// superset of the word starts an alias's first byte begins, in about thirty vector
    /// instructions where the eight-byte scan took as many for a quarter of the bytes and
    /// stopped at every lowercase word.
    ///
    /// # Safety
    /// The CPU must have the instructions `V` is made of.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn word_starts<V: ByteLanes>(&self, bytes: &[u8], at: usize) -> u32 {
        // The byte before each lane, then the lanes: one bounds check.
        let window = &bytes[at - 1..at + V::WIDTH];
        // SAFETY: both loads read `V::WIDTH` bytes inside `window`, which holds one more;
        // the caller vouches for the instructions.
        unsafe {
            let before = V::load(window.as_ptr());
            let here = V::load(window[1..].as_ptr());
            // Bytes from `lo` to `hi` (both ASCII): bytes past ASCII read as negative, below
            // both.
            let within =
                |v: V, lo: u8, hi: u8| v.greater(V::splat(lo - 1)).and(V::splat(hi + 1).greater(v));
            let folded = before.or(V::splat(0x20));
            let alphanumeric = within(before, b'0', b'9').or(within(folded, b'a', b'z'));
            let may_begin = match self.lower {
                Some([a, b]) => {
                    let named = here.equal(V::splat(a)).or(here.equal(V::splat(b)));
                    if self.letters_only {
                        within(here, b'A', b'Z').or(named).mask()
                    } else {
                        !named.and_not(within(here, b'a', b'z')).mask()
                    }
                }
                None => u32::MAX,
            };
            !alphanumeric.mask() & may_begin & V::ALL_LANES
        }
    }

    /// Whether an alias may begin at byte `k`: one begins with its byte, and
    /// [`Prefixes::may_start`] passes. (Always inlined: the scan asks it of every word start
    /// that is no lowercase word.)
    #[inline(always)]
    fn may_begin(&self, bytes: &[u8], k: usize) -> bool {
        self.first[usize::from(bytes[k])] && self.may_start(&bytes[k..])
    }

    /// False when no alias can begin `rest`. (Always inlined: the scan asks it at each word
    /// start an alias's first byte begins, and a call from the AVX2 scan is not inlined
    /// otherwise.)
    #[inline(always)]
    fn may_start(&self, rest: &[u8]) -> bool {
        let has = |len: usize| {
            let bit = Prefixes::bit(&rest[..len]);
            self.bits[bit / 64] & (1 << (bit % 64)) != 0
        };
        (rest.len() >= 3 && has(3))
            || (self.short[2] && rest.len() >= 2 && has(2))
            || (self.short[1] && !rest.is_empty() && has(1))
    }
}

/// The aliases' automaton: a DFA (slow to build, fastest to walk) for gazetteers that serve
/// many briefings, a contiguous NFA for one briefing's front-matter parties, where a DFA
/// would cost more to build than the briefing takes to scan.
#[derive(Debug, Clone)]
enum Matcher {
    Dfa(dfa::DFA),
    Nfa(nfa::contiguous::NFA),
}

impl Matcher {
    /// The longest alias that starts at byte `at` of `hay`: its pattern and where it ends.
    /// Walking the automaton by hand costs a few instructions a byte, where a library
    /// search would cost a hundred to set up for every word it is tried at.
    fn longest_at(&self, hay: &[u8], at: usize) -> Option<(PatternID, usize)> {
        match self {
            Matcher::Dfa(a) => longest_at(a, hay, at),
            Matcher::Nfa(a) => longest_at(a, hay, at),
        }
    }
}

fn longest_at<A: Automaton>(a: &A, hay: &[u8], at: usize) -> Option<(PatternID, usize)> {
    let mut sid = a.start_state(Anchored::Yes).ok()?;
    let mut found = None;
    for (k, &b) in hay[at..].iter().enumerate() {
        sid = a.next_state(Anchored::Yes, sid, b);
        if a.is_special(sid) {
            if a.is_dead(sid) {
                break;
            }
            if a.is_match(sid) {
                found = Some((a.match_pattern(sid, 0), at + k + 1));
            }
        }
    }
    found
}

impl Gazetteer {
    /// The built-in gazetteer, built once per process.
    pub fn builtin() -> &'static Gazetteer {
        static BUILT: OnceLock<Gazetteer> = OnceLock::new();
        BUILT.get_or_init(|| Gazetteer::build(&[]))
    }

    /// The built-in gazetteer extended with parties from config or front matter. An extra
    /// party with a built-in name adds aliases to it.
    pub fn build(extra: &[PartyDef]) -> Gazetteer {
        Gazetteer::build_as(extra, true)
    }

    /// Builds the automaton (see [`Matcher`]): a DFA when the gazetteer is `shared`.
    fn build_as(extra: &[PartyDef], shared: bool) -> Gazetteer {
        let mut names: Vec<String> = Vec::new();
        let mut aliases: Vec<(String, Option<usize>)> = Vec::new();
        let mut add = |name: &str, words: &mut dyn Iterator<Item = &str>| {
            let id = names
                .iter()
                .position(|n| n.eq_ignore_ascii_case(name))
                .unwrap_or_else(|| {
                    names.push(name.to_string());
                    names.len() - 1
                });
            aliases.push((name.to_string(), Some(id)));
            for w in words {
                if !w.trim().is_empty() {
                    aliases.push((w.trim().to_string(), Some(id)));
                }
            }
        };
        for (name, words) in BUILTIN {
            add(name, &mut words.iter().copied());
        }
        for def in extra {
            if !def.name.trim().is_empty() {
                add(def.name.trim(), &mut def.aliases.iter().map(String::as_str));
            }
        }
        for blocker in NOT_PARTIES {
            aliases.push((blocker.to_string(), None));
        }
        // The same alias may be given twice; the last definition wins, so extras override.
        let mut seen = std::collections::HashMap::new();
        for (i, (a, _)) in aliases.iter().enumerate() {
            seen.insert(a.clone(), i);
        }
        let mut kept: Vec<_> = seen.into_values().collect();
        kept.sort_unstable();
        let pattern_party = kept.iter().map(|&i| aliases[i].1).collect();
        let mut starts = Prefixes::default();
        for &i in &kept {
            starts.add(aliases[i].0.as_bytes());
        }
        let patterns: Vec<String> = kept.iter().map(|&i| aliases[i].0.clone()).collect();
        let matcher = if shared {
            Matcher::Dfa(
                dfa::DFA::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .build(&patterns)
                    .expect("party aliases form a valid automaton"),
            )
        } else {
            Matcher::Nfa(
                nfa::contiguous::NFA::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .expect("party aliases form a valid automaton"),
            )
        };
        Gazetteer {
            names,
            pattern_party,
            patterns,
            matcher,
            starts,
            extra: extra.to_vec(),
            folded: OnceLock::new(),
        }
    }

    /// This gazetteer with more parties on top (a briefing's front matter over the config's).
    pub fn with_extra(&self, more: &[PartyDef]) -> Gazetteer {
        let mut all = self.extra.clone();
        all.extend_from_slice(more);
        Gazetteer::build_as(&all, true)
    }

    /// This gazetteer with one briefing's own parties on top, built for a single use.
    pub fn for_briefing(&self, more: &[PartyDef]) -> Gazetteer {
        let mut all = self.extra.clone();
        all.extend_from_slice(more);
        Gazetteer::build_as(&all, false)
    }

    /// Every party mention in `text`, as (span relative to `text`, canonical name), whole
    /// words only.
    pub fn find_all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (Span, &'a str)> + 'a {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < bytes.len() {
                // Past the bytes no alias begins with and the bytes inside words, in a loop
                // of its own: the text's every byte goes through it.
                match self.starts.next_candidate(bytes, at) {
                    Some(candidate) => at = candidate,
                    None => break,
                }
                let here = at;
                at += 1;
                let starts_word = match here.checked_sub(1).map(|p| bytes[p]) {
                    None => true,
                    Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
                    Some(_) => {
                        text.is_char_boundary(here)
                            && !text[..here]
                                .chars()
                                .next_back()
                                .is_some_and(char::is_alphanumeric)
                    }
                };
                if !starts_word {
                    continue;
                }
                let Some((end, party)) = self.match_at(text, here) else {
                    continue;
                };
                // A mention (or a blocking phrase) is skipped whole.
                at = end;
                if let Some(party) = party {
                    return Some((Span::new(here, end), party));
                }
            }
            None
        })
    }

    /// The longest alias or blocking phrase that starts at the word start `here` of `text`:
    /// where it ends, and its party when it is a mention that counts.
    fn match_at(&self, text: &str, here: usize) -> Option<(usize, Option<&str>)> {
        let (pattern, end) = self.matcher.longest_at(text.as_bytes(), here)?;
        // "U.S." ends in a dot, so anything but a letter may follow; plain words need a
        // non-alphanumeric neighbour (the possessive 's is fine).
        let boundary_after = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        let party = self.pattern_party[pattern.as_usize()]
            .filter(|_| boundary_after && !self.first_name_of_someone(text, here, end))
            .map(|party| self.names[party].as_str());
        Some((end, party))
    }

    /// The party `text` names when the whole of it is one mention ("Kremlin", "Moscow"):
    /// the first mention [`Gazetteer::find_all`] finds when that spans the text, read at the
    /// text's start alone, where the search read on through a phrase that opens with no
    /// alias (most subjects the rules ask about).
    pub fn whole_mention<'a>(&'a self, text: &'a str) -> Option<&'a str> {
        if text.is_empty() {
            return None;
        }
        let (end, party) = self.match_at(text, 0)?;
        party.filter(|_| end == text.len())
    }

    /// True when the place name `text[start..end]` is the first name of a person: a place
    /// that is also a common given name ("Chad", "Jordan", "Georgia") right before a
    /// capitalised word the lexicon does not know and no alias begins ("Chad Pergram",
    /// "Jordan Belfort"). Taken for the country, a Fox News reporter's every word was filed
    /// under Chad. "Jordan King Abdullah", "Jordan Times" or "Georgia Senate" still name
    /// the place: the word after it is a title or a body.
    fn first_name_of_someone(&self, text: &str, start: usize, end: usize) -> bool {
        if !GIVEN_NAME_PLACES.contains(&&text[start..end]) {
            return false;
        }
        let bytes = text.as_bytes();
        let rest = &bytes[end..];
        if rest.len() < 3 || rest[0] != b' ' || !rest[1].is_ascii_uppercase() {
            return false;
        }
        let word_end = end
            + 1
            + rest[1..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(rest.len() - 1);
        let word_len = word_end - end - 1;
        let lex = lexicon::lookup_plain(bytes, end + 1, word_end);
        word_len > 1
            && (lex.is_unlisted() || lex.is(Class::MaleName) || lex.is(Class::FemaleName))
            && !matches!(self.matcher.longest_at(bytes, end + 1), Some((_, e)) if e >= word_end)
    }

    /// The parties a phrase ties what it describes to: every party named outright, and a
    /// state by its demonym only where the demonym describes the state's officials, bodies
    /// or forces ("Russian officials", "the Iraqi army", "Syrian state TV"). "A Russian
    /// fisherman" or "a team of Russians" speak for no government; taken for Russia, they
    /// filled its dossier with claims it never made.
    ///
    /// A place a phrase says someone comes from or is in ("emigrés from Russia", "a
    /// journalist in Moscow") ties them no more than a demonym does, unless they are its
    /// officials there ("an official from Moscow").
    pub fn ties<'a>(&'a self, phrase: &'a str) -> impl Iterator<Item = (Span, &'a str)> + 'a {
        self.find_all(phrase).filter(|(span, _)| {
            let before = &phrase[..span.start];
            if no_longer_serves(before) {
                return false;
            }
            if STATE_DEMONYMS.contains(&span.of(phrase)) {
                describes_the_state(&phrase[span.end..])
            } else {
                place_of_whom(before).is_none_or(|head| STATE_HEADS.contains(&head.as_str()))
            }
        })
    }

    /// The first party `phrase` ties what it describes to (see [`Gazetteer::ties`]).
    pub fn tied_in<'a>(&'a self, phrase: &'a str) -> Option<&'a str> {
        self.ties(phrase).next().map(|(_, p)| p)
    }

    /// The first party named in `text`.
    pub fn first_in<'a>(&'a self, text: &'a str) -> Option<&'a str> {
        self.find_all(text).next().map(|(_, p)| p)
    }

    /// The parties with a name or alias that begins with `typed` (any case), so a picker
    /// can offer Russia once "krem" is typed; nothing for fewer than two letters, which
    /// would name half the gazetteer.
    pub fn begun_by(&self, typed: &str) -> Vec<&str> {
        let typed = typed.trim();
        if typed.chars().count() < 2 {
            return Vec::new();
        }
        let starts = |name: &str| {
            name.get(..typed.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(typed))
        };
        let mut found: Vec<&str> = self
            .patterns
            .iter()
            .zip(&self.pattern_party)
            .filter_map(|(alias, party)| party.filter(|_| starts(alias)))
            .chain((0..self.names.len()).filter(|&p| starts(&self.names[p])))
            .map(|p| self.names[p].as_str())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The canonical name for anything the user types: a name or an alias, any case
    /// (`kremlin`, `ISIS`, `us`); `None` when it names no party.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        let wanted = name.trim();
        let folded = self
            .folded
            .get_or_init(|| Folded::of(&self.names, &self.patterns));
        let key = wanted.as_bytes().to_ascii_lowercase();
        if let Some(&n) = folded.names.get(key.as_slice()) {
            return Some(&self.names[n]);
        }
        // An alias as written first (the automaton's one step), then in any case.
        let pattern = self
            .matcher
            .longest_at(wanted.as_bytes(), 0)
            .filter(|&(_, end)| end == wanted.len())
            .map(|(pattern, _)| pattern.as_usize())
            .or_else(|| folded.patterns.get(key.as_slice()).copied())?;
        self.pattern_party[pattern].map(|p| self.names[p].as_str())
    }

    /// All canonical names, for pickers and completion.
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

/// True when the noun phrase a party's name stands in says its holder no longer serves
/// ("a former U.S. Army soldier", "the ex-KGB officer", "a retired Iraqi general",
/// "the former head of Russia's spy agency"): `before`, the phrase before the name back to
/// the last comma, semicolon or parenthesis, holds "former", "retired" or "ex-". A veteran
/// fighting beside the Kurds, a defector or a past president speaks for no government;
/// tied to one, their words filled its dossier.
fn no_longer_serves(before: &str) -> bool {
    let phrase = before.rsplit([',', ';', '(', ')']).next().unwrap_or(before);
    phrase.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        word.eq_ignore_ascii_case("former")
            || word.eq_ignore_ascii_case("retired")
            || word.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("ex-"))
    })
}

/// When the words before a party's name end in "from" or "in" (and perhaps "the" and a
/// lowercase adjective: "from south-eastern Russia"; or a town: "in Derik, Syria"), the
/// word that preposition follows, normalised: the one who comes from or is in the place.
fn place_of_whom(before: &str) -> Option<super::tokens::Norm> {
    let mut words = before.split_whitespace().rev();
    for skipped in 0..=2 {
        let word = words.next()?;
        if matches!(word, "from" | "in") {
            let head = words.next()?.trim_end_matches([',', ';', ':']);
            return Some(super::tokens::norm(head));
        }
        let adjective = word.starts_with(|c: char| c.is_lowercase())
            && !matches!(word, "of" | "for" | "at" | "to" | "with" | "by");
        // A town before its country ("speaking from Derik, Syria").
        let town = skipped == 0 && word.ends_with(',') && word.starts_with(char::is_uppercase);
        if skipped == 2 || !(adjective || town) {
            break;
        }
    }
    None
}

/// True when the words after a demonym (`after`) make a noun phrase about a state: its head
/// (the last word before a preposition, a conjunction, a clause or punctuation) is one of
/// [`STATE_HEADS`], or a word of it says "state" ("Syrian state TV"). A demonym with no
/// noun after it ("a team of Russians") names people.
fn describes_the_state(after: &str) -> bool {
    let mut head = None;
    for raw in after.split_whitespace() {
        let word = raw.trim_end_matches([',', ';', ':', '.', ')', '"', '”', '’']);
        let ends_phrase = word.len() != raw.len();
        let word = super::tokens::norm(word);
        if word.is_empty()
            || !word.starts_with(|c: char| c.is_alphanumeric())
            || matches!(
                word.as_str(),
                "of" | "for"
                    | "in"
                    | "at"
                    | "to"
                    | "on"
                    | "from"
                    | "with"
                    | "by"
                    | "and"
                    | "or"
                    | "but"
                    | "who"
                    | "whose"
                    | "which"
                    | "that"
                    | "as"
                    | "said"
                    | "says"
                    | "told"
            )
        {
            break;
        }
        if matches!(
            word.as_str(),
            "state" | "state-run" | "state-owned" | "state-controlled"
        ) {
            return true;
        }
        head = Some(word);
        if ends_phrase {
            break;
        }
    }
    head.is_some_and(|h| STATE_HEADS.contains(&h.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_a_whole_mention_only_when_one_mention_spans_it() {
        let g = Gazetteer::builtin();
        for (phrase, party) in [
            ("Kremlin", Some("Russia")),
            ("Moscow", Some("Russia")),
            ("the Kremlin", None),
            ("Kremlin spokesman", None),
            ("spokesman for the Kremlin", None),
            ("Moscowitz", None),
            ("", None),
        ] {
            assert_eq!(g.whole_mention(phrase), party, "{phrase}");
            let first = g.find_all(phrase).next();
            assert_eq!(
                first
                    .filter(|(s, _)| s.start == 0 && s.end == phrase.len())
                    .map(|(_, p)| p),
                party,
                "{phrase}"
            );
        }
    }

    #[test]
    fn aliases_demonyms_and_metonyms() {
        let g = Gazetteer::builtin();
        let found: Vec<&str> = g
            .find_all("The U.S. and Moscow's Kremlin, Daesh, the UN and Damascus.")
            .map(|(_, p)| p)
            .collect();
        assert_eq!(
            found,
            [
                "United States",
                "Russia",
                "Russia",
                "Islamic State",
                "United Nations",
                "Syria"
            ]
        );
    }

    #[test]
    fn mentions_may_start_only_where_a_word_begins_with_an_alias_byte() {
        let g = Gazetteer::builtin();
        // Every kind of neighbour, in every lane of the 32-, 16- and 8-byte steps, and a
        // text too short for a step at all; lowercase word starts an alias begins ("al-")
        // and others, with the built-in parties (one lowercase first letter, `a`), one more,
        // and so many that no lowercase word start is passed over.
        let text = "xRussia,Moscow ab-Syria éUS Kremlin’Iran (Iraq) 9Iran Qatar\tUkraine\nIsrael. \
                    a man from al-Qaeda, zeta and the kurds, or dy; wa:Nato {ISIS} mi 0 j \
                    the 9 Brigade of Éire";
        let lowercase = |aliases: &[&str]| {
            Gazetteer::build(&[PartyDef {
                name: "Lowercase".to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
            }])
        };
        for g in [
            g,
            &lowercase(&["zeta"]),
            &lowercase(&["zeta", "the kurds", "dy", "wa"]),
            &lowercase(&["9 Brigade", "Éire"]),
        ] {
            // With this CPU's widest scan, and without AVX2 where it has it.
            let narrow = Prefixes {
                avx2: false,
                ..g.starts.clone()
            };
            for starts in [&g.starts, &narrow] {
                for from in 0..text.len() {
                    let naive = (from..text.len()).find(|&k| {
                        (k == 0 || !text.as_bytes()[k - 1].is_ascii_alphanumeric())
                            && starts.first[usize::from(text.as_bytes()[k])]
                            && starts.may_start(&text.as_bytes()[k..])
                    });
                    assert_eq!(
                        starts.next_candidate(text.as_bytes(), from),
                        naive,
                        "{from}"
                    );
                }
            }
        }
        assert_eq!(g.starts.next_candidate(b"Iran", 0), Some(0));
        assert_eq!(g.starts.next_candidate(b"xIran", 0), None);
    }

    #[test]
    fn blocking_phrases_and_word_boundaries() {
        let g = Gazetteer::builtin();
        assert_eq!(g.first_in("The Washington Post reported"), None);
        assert_eq!(g.first_in("Obama's National Security Council met"), None);
        assert_eq!(g.first_in("Oneida Indian Nation leader Ray Roe"), None);
        assert_eq!(
            g.first_in("the Security Council voted"),
            Some("United Nations")
        );
        assert_eq!(g.first_in("a USB stick, Usain"), None);
        assert_eq!(g.first_in("Russia's minister"), Some("Russia"));
    }

    /// A reporter called Chad is no mention of the country, but Chad's president and a
    /// Jordanian king still are.
    #[test]
    fn a_place_that_is_a_first_name_before_a_surname_names_a_person() {
        let g = Gazetteer::builtin();
        assert_eq!(g.first_in("said Fox News reporter Chad Pergram."), None);
        assert_eq!(g.first_in("according to Jordan Belfort, who"), None);
        assert_eq!(g.first_in("Georgia Smith, a nurse"), None);
        assert_eq!(g.first_in("Chad President Idriss Deby said"), Some("Chad"));
        assert_eq!(g.first_in("Jordan King Abdullah"), Some("Jordan"));
        assert_eq!(g.first_in("Jordan Syria border"), Some("Jordan"));
        assert_eq!(g.first_in("Troops left Chad."), Some("Chad"));
        assert_eq!(g.first_in("Jordan's army"), Some("Jordan"));
    }

    /// A former or retired official speaks for no government any more; a serving one does.
    #[test]
    fn a_former_or_retired_holder_of_a_post_is_tied_to_no_party() {
        let g = Gazetteer::builtin();
        assert_eq!(g.tied_in("a U.S. Army soldier"), Some("United States"));
        assert_eq!(g.tied_in("a former U.S. Army soldier"), None);
        assert_eq!(g.tied_in("Russian officials"), Some("Russia"));
        assert_eq!(g.tied_in("retired Russian officials"), None);
        assert_eq!(g.tied_in("the ex-Kremlin adviser"), None);
        assert_eq!(
            g.tied_in("Bolton, the former ambassador, now a U.S. senator"),
            Some("United States")
        );
    }

    /// Being in a town of a country ties no one to it, as being in the country does not.
    #[test]
    fn someone_in_a_town_of_a_country_is_not_tied_to_it() {
        let g = Gazetteer::builtin();
        assert_eq!(g.tied_in("a volunteer speaking from Derik, Syria"), None);
        assert_eq!(g.tied_in("a doctor in Aleppo, Syria"), None);
        assert_eq!(g.tied_in("an official in Latakia, Syria"), Some("Syria"));
        assert_eq!(
            g.tied_in("Lavrov, Russia's foreign minister"),
            Some("Russia")
        );
    }

    #[test]
    fn extras_extend_and_canonical_lookup() {
        let g = Gazetteer::build(&[PartyDef {
            name: "Wagner Group".into(),
            aliases: vec!["Wagner".into()],
        }]);
        assert_eq!(g.first_in("Wagner fighters"), Some("Wagner Group"));
        assert_eq!(g.canonical("russia"), Some("Russia"));
        assert_eq!(g.canonical("Kremlin"), Some("Russia"));
        assert_eq!(g.canonical("nobody"), None);
    }

    #[test]
    fn an_alias_typed_in_any_case_names_its_party() {
        let g = Gazetteer::builtin();
        for (typed, party) in [
            ("kremlin", "Russia"),
            ("KREMLIN", "Russia"),
            ("moscow", "Russia"),
            ("isis", "Islamic State"),
            ("daesh", "Islamic State"),
            ("washington", "United States"),
            ("pentagon", "United States"),
            ("us", "United States"),
            ("assad REGIME", "Syria"),
        ] {
            assert_eq!(g.canonical(typed), Some(party), "{typed}");
        }
        // A phrase that blocks an alias names no party in any case either.
        assert_eq!(g.canonical("us airways"), None);
        assert_eq!(g.canonical("narnia"), None);
    }
}
