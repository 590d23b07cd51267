//! Who said it: cue verbs, the noun phrase that is their subject, and resolving that phrase
//! to a named speaker (titles stripped, pronouns and role nouns pointed back to the person
//! named earlier, surnames expanded to the full name first used).

use super::lexicon::{self, Class, Cue, Pronoun};
use super::parties::Gazetteer;
use super::tokens::{
    Tok, TokKind, is_capitalized, is_possessive, is_whole_word, norm, norm_is_one_of, start_within,
    strip_possessive,
};
use crate::briefing::Span;

/// A cue verb with its subject, found in one sentence.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// Sentence index.
    pub sentence: usize,
    /// Index of the cue token in that sentence's tokens.
    pub cue_tok: usize,
    /// The cue text as written ("said", "according to").
    pub cue_text: String,
    /// Its class.
    pub cue: Cue,
    /// Token range of the subject phrase.
    pub subject: (usize, usize),
    /// True when the subject follows the cue ("said Dunford").
    pub inverted: bool,
    /// Byte where the attributing clause begins: its subject, or the cue when that comes first.
    pub clause_start: usize,
    /// Byte where the cue verb stands.
    pub cue_at: usize,
    /// Who it resolved to; `None` when unsure.
    pub speaker: Option<Speaker>,
    /// "declined to comment", "did not respond to a request for comment": the subject is
    /// remembered (later pronouns and verbs take it up) but said nothing: no statement.
    pub no_comment: bool,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Display name: a person's full name, a party or body, or the text's own description.
    pub name: String,
    /// The party the text ties the speaker to.
    pub party: Option<String>,
    /// What sort of speaker this is (decides what pronouns may point back to it).
    pub kind: SpeakerKind,
}

/// What sort of speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// A party from the gazetteer, speaking as itself ("Russia denied").
    Party,
    /// A named organisation or body ("the Russian Foreign Ministry").
    Org,
    /// A generic description that names nobody ("officials", "a spokesman").
    Generic,
}

/// What the subject phrase turned out to be, before resolution. Its words are where they
/// stand in the text it was read from (copied only into the speaker it resolves to: a
/// phrase is classified for every cue, and copying its words cost an allocation each).
enum Subject {
    Name {
        name: Span,
        party: Option<String>,
        gender: Option<Gender>,
        /// A lone word opening the sentence, capitalised perhaps only for standing there.
        initial: bool,
        /// The name opens the sentence with one word before a first name ("Born Jan Roe
        /// Vos"): that word may be capitalised only for standing there.
        opened: bool,
    },
    Pronoun(Pronoun),
    Description {
        text: Span,
        definite: bool,
        org: bool,
        /// Its head names what a person is ("the Russian diplomat"), not a thing ("that
        /// report", "the Israeli Air Force") nor a group ("the ISIS fighters"): only then
        /// may it point back to a person of no known party and give them its party.
        person_role: bool,
        /// Its head is plural ("the four physicians"): it points back to no one person.
        several: bool,
        party: Option<String>,
    },
    Party {
        text: Span,
        party: String,
    },
}

/// A person named in the briefing, with what the text says about them.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    party: Option<String>,
    gender: Option<Gender>,
    /// Where the name's first and last words (as `split_whitespace` reads them) stand in
    /// it: expanding a name compares them with up to [`RECENT`] people, and finding them
    /// in each name every time was a tenth of the resolver's time.
    first: (usize, usize),
    last: (usize, usize),
}

impl Person {
    fn new(name: &str, party: Option<String>, gender: Option<Gender>) -> Person {
        let at = |w: &str| {
            let start = w.as_ptr() as usize - name.as_ptr() as usize;
            (start, start + w.len())
        };
        let (first, last) = end_words(name).map_or(((0, 0), (0, 0)), |(f, l)| (at(f), at(l)));
        Person {
            name: name.to_string(),
            party,
            gender,
            first,
            last,
        }
    }

    /// The name's first word; empty when it has none.
    fn first_word(&self) -> &str {
        &self.name[self.first.0..self.first.1]
    }

    /// The name's last word; empty when it has none.
    fn last_word(&self) -> &str {
        &self.name[self.last.0..self.last.1]
    }
}

/// Grammatical gender, used only to keep "she said" from pointing at a man.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// How far back pronouns, descriptions and surnames look for an antecedent. Bounding it
/// keeps resolution linear on adversarial input; real antecedents are far closer.
const RECENT: usize = 200;

/// How many tokens a subject phrase, an appositive or a clause scan may span. Real ones are
/// a dozen words; the bound keeps every scan constant-time.
const WINDOW: usize = 40;

/// Per-briefing memory used to resolve subjects: every speaker and subject so far, and the
/// people named.
#[derive(Default)]
pub struct Resolver {
    /// What the subject phrases of the sentence being read were classified as (see
    /// [`Resolver::classify`]).
    classified: Classified,
    /// Speakers and sentence subjects in reading order, for pronouns and descriptions.
    history: Vec<Speaker>,
    /// People named, for expanding surnames and remembering parties and gender.
    people: Vec<Person>,
    /// The words the text writes in lowercase, gathered only once looking for each word
    /// asked about has read the text [`LOOKUPS_BEFORE_GATHERING`] times (see
    /// [`Resolver::is_common_word`]).
    lowercase: Option<rustc_hash::FxHashSet<String>>,
    /// How many times the text was searched for a word in lowercase.
    lookups: usize,
    /// Who last issued a document ("Acme issued a statement"), under the document's noun
    /// (see [`note_issuer`]).
    issued: Option<Recalled>,
    /// The sentence being read (see [`Resolver::begin_sentence`]).
    sentence: usize,
    /// The last speaker the text brought in by an indefinite description ("a senior
    /// official said"), under its head noun, for [`Resolver::introduced_as`].
    introduced: Option<Recalled>,
    /// The last group the text quoted without naming it ("critics say"), with the sentence
    /// and the length of `history` then, for a "they" right after it (see
    /// [`Resolver::remember`]).
    group: Option<(Speaker, usize, usize)>,
}

/// The subject phrases of one sentence already classified: the sentence's subject is asked
/// about for its quotation, for its cue and again as an antecedent, and classifying it was a
/// twentieth of extraction.
#[derive(Default)]
struct Classified {
    /// The text and the token slice the phrases were read from (addresses and lengths):
    /// another sentence starts afresh.
    sentence: (usize, usize, usize, usize),
    /// Each phrase asked about, with what it was classified as.
    phrases: Vec<(PhraseKey, Option<Subject>)>,
}

/// How many subject phrases of one sentence [`Classified`] keeps: a sentence asks about a
/// few, and the bound keeps a sentence of thousands of cues from searching them all for
/// each cue.
const CLASSIFIED_KEPT: usize = 8;

/// A subject phrase's token range and its appositive's, as [`classify`] takes them.
type PhraseKey = (usize, usize, Option<(usize, usize)>);

/// A speaker the text will call by a definite description with `head` for its last word
/// ("the statement", "the official"), remembered from `sentence` on.
#[derive(Debug, Clone)]
struct Recalled {
    speaker: Speaker,
    head: super::tokens::Norm,
    sentence: usize,
}

/// What a speaker issues in writing, on air or in court: "Acme issued a statement. … the
/// statement said" quotes Acme, whoever the text quoted in between; so does "Roe filed a
/// lawsuit. … The lawsuit accuses" quote Roe.
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "release",
    "email",
    "e-mail",
    "letter",
    "memo",
    "note",
    "message",
    "post",
    "tweet",
    "ad",
    "advertisement",
    "video",
    "editorial",
    "report",
    "lawsuit",
    "suit",
    "complaint",
    "petition",
];

/// Roles of one who serves, speaks for or stands toward someone else ("adviser",
/// "spokesman", "supporter", "critic"): "the Cruz adviser" is not Cruz, nor whoever the
/// text named last. In the singular.
const SERVING_ROLES: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "assistant",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "attorney",
    "lawyer",
    "agent",
    "staffer",
    "strategist",
    "surrogate",
    "official",
    "member",
    "supporter",
    "backer",
    "ally",
    "friend",
    "donor",
    "critic",
    "rival",
    "opponent",
    "loyalist",
    "confidant",
    "biographer",
];

/// What a finding says (a poll, a study, the data), its makers say; and it is a speaker of
/// its own, no one's renaming (see [`names_no_one`]). In the singular: [`is_one_of`] reads
/// plurals too.
const FINDING_NOUNS: &[&str] = &[
    "poll", "survey", "study", "data", "document", "record", "result", "figure", "estimate",
    "analysis", "finding", "article", "story", "forecast", "research", "footage",
];

/// True when `word` (normalised) is one of `nouns` (given in the singular) or its plural:
/// "polls", "studies".
fn is_one_of(word: &str, nouns: &[&str]) -> bool {
    nouns.iter().any(|&n| {
        word == n
            || word.strip_suffix('s') == Some(n)
            || n.strip_suffix('y')
                .is_some_and(|stem| word.strip_suffix("ies") == Some(stem))
    })
}

/// A document or a finding: what it says, its source says ("a report from Acme said").
fn is_document_or_finding(word: &str) -> bool {
    is_one_of(word, DOCUMENT_NOUNS) || is_one_of(word, FINDING_NOUNS)
}

/// Verbs by which a subject issues a document ("released a statement", "sent out an email",
/// "ran an ad", "filed a petition").
const ISSUING_VERBS: &[&str] = &[
    "issued",
    "released",
    "sent",
    "posted",
    "published",
    "circulated",
    "distributed",
    "wrote",
    "penned",
    "signed",
    "ran",
    "aired",
    "put",
    "filed",
    "unveiled",
    "launched",
];

/// How many sentences on "the official" still names the one "an official" brought in, when
/// the text names someone else in between: past that, it points back as any description.
const INTRODUCED_REACH: usize = 3;

/// How many sentences on "the statement" still names the one a subject issued: past that,
/// the text has moved on and the document is its own speaker as before.
const ISSUED_REACH: usize = 7;

/// How many searches of the text for a word in lowercase come before all its lowercase
/// words are gathered instead: most briefings ask about a few words, which a `memmem` pass
/// each answers for nearly nothing, where gathering every word cost a tenth of extraction;
/// the bound keeps a text asking about thousands of words linear.
const LOOKUPS_BEFORE_GATHERING: usize = 8;

impl Resolver {
    /// Registers a person mentioned in the text (even when not speaking), so a later
    /// "Mr. Kerry" expands to "John Kerry" and "she" can skip him. Where the person stands
    /// in `people`.
    ///
    /// The first name's gender is read only for a new person: a person noted before whose
    /// gender is still unknown has a first name that tells none, as it did then.
    ///
    /// A name is noted anew only when none of the last [`RECENT`] people bears it, so no two
    /// of any [`RECENT`] people in a row bear the same name: a search of them for a name
    /// finds one person, whichever way it reads.
    fn note_person(&mut self, name: &str, party: Option<String>, gender: Option<Gender>) -> usize {
        let window = self.people.len().saturating_sub(RECENT);
        match self.people[window..].iter().rposition(|p| p.name == name) {
            Some(k) => {
                self.learn(window + k, party, gender);
                window + k
            }
            None => self.add_person(name, party, gender),
        }
    }

    /// Registers a person none of the last [`RECENT`] people bears the name of (see
    /// [`Resolver::note_person`], which searches for one first). Where the person stands in
    /// `people`.
    fn add_person(&mut self, name: &str, party: Option<String>, gender: Option<Gender>) -> usize {
        // (The first name read where the person keeps it, not split out again.)
        let mut p = Person::new(name, party, gender);
        if p.gender.is_none() {
            p.gender = word_gender(p.first_word());
        }
        self.people.push(p);
        self.people.len() - 1
    }

    /// Gives the person at `k` in `people` the party and gender the text tells, where
    /// nothing told them before.
    fn learn(&mut self, k: usize, party: Option<String>, gender: Option<Gender>) {
        let p = &mut self.people[k];
        if p.party.is_none() {
            p.party = party;
        }
        if p.gender.is_none() {
            p.gender = gender;
        }
    }

    /// True when `name` expands to a name other than itself (see [`Resolver::expanded`]).
    fn expands(&self, name: &str) -> bool {
        self.expanded(name, None).is_some_and(|p| p.name != name)
    }

    /// The full name for a (possibly partial) name (see [`Resolver::expanded`]), or the name
    /// itself. (The tests ask for the name; resolving asks where its person stands.)
    #[cfg(test)]
    fn expand_as(&self, name: &str, gender: Option<Gender>) -> String {
        self.expanded(name, gender)
            .map_or_else(|| name.to_string(), |p| p.name.clone())
    }

    /// The person a (possibly partial) name stands for, skipping people of the other gender
    /// ("Mrs. Clinton" is not "Bill Clinton"). A name with a first name keeps it: "Bill
    /// Clinton" may grow to "Bill J. Clinton", never to "Hillary Rodham Clinton". A bare
    /// surname is the person the text named first: an article's "Clinton" is the one it
    /// introduced, not a relative mentioned since.
    fn expanded(&self, name: &str, gender: Option<Gender>) -> Option<&Person> {
        self.expanded_at(name, gender).map(|k| &self.people[k])
    }

    /// Where [`Resolver::expanded`]'s person stands in `people`.
    fn expanded_at(&self, name: &str, gender: Option<Gender>) -> Option<usize> {
        let (first, last) = end_words(name).unwrap_or((name, name));
        // (A word is never empty: an empty `last` matches no one.)
        let same_last = |p: &Person| !last.is_empty() && p.last_word() == last;
        let same_first = |p: &Person| first == last || p.first_word() == first;
        // The earliest match among the last RECENT people.
        let window = self.people.len().saturating_sub(RECENT);
        self.people[window..]
            .iter()
            .position(|p| {
                (p.name == name || (p.name.len() > name.len() && same_last(p) && same_first(p)))
                    && (gender.is_none() || p.gender.is_none() || p.gender == gender)
            })
            .map(|k| window + k)
    }

    fn person(&self, name: &str) -> Option<&Person> {
        self.people
            .iter()
            .rev()
            .take(RECENT)
            .find(|p| p.name == name)
    }

    /// Ties a party to a person from now on.
    fn set_party(&mut self, name: &str, party: &str) {
        if let Some(p) = self
            .people
            .iter_mut()
            .rev()
            .take(RECENT)
            .find(|p| p.name == name)
            && p.party.is_none()
        {
            p.party = Some(party.to_string());
        }
        for s in self.history.iter_mut().rev().take(RECENT) {
            if s.name == name && s.party.is_none() {
                s.party = Some(party.to_string());
            }
        }
    }

    /// The party of a person, as known now.
    pub fn party_of(&self, name: &str) -> Option<String> {
        self.person(name).and_then(|p| p.party.clone())
    }

    /// Records a resolved speaker as a possible antecedent.
    ///
    /// A group no name stands for ("critics", "the groups") is no antecedent for a person
    /// or a body, but a "they" in the same or the next sentence, with no one quoted in
    /// between, is that group: "Critics say … They argue …" quotes the critics.
    pub fn remember(&mut self, s: &Speaker) {
        if s.kind == SpeakerKind::Generic {
            let plural = s
                .name
                .split_whitespace()
                .next_back()
                .is_some_and(|w| is_plural_noun(norm(w).as_str()));
            if plural {
                self.group = Some((s.clone(), self.sentence, self.history.len()));
            }
        } else if self.history.last().is_none_or(|last| last.name != s.name) {
            self.history.push(s.clone());
        }
    }

    /// The group [`Resolver::remember`] kept, while a "they" can still mean it.
    fn group_for_they(&self) -> Option<&Speaker> {
        self.group
            .as_ref()
            .filter(|(_, k, n)| *n == self.history.len() && self.sentence <= k + 1)
            .map(|(g, _, _)| g)
    }

    /// True when the text also writes `word` in lowercase: a capitalised word that opens a
    /// sentence is then a common word there ("Cost estimates, he added, were …", "Citing
    /// the attack, …"), not a name.
    fn is_common_word(&mut self, text: &str, word: &str) -> bool {
        let lower = word.to_lowercase();
        if !lower.starts_with(char::is_lowercase) || !lower.chars().all(char::is_alphanumeric) {
            return false;
        }
        // ("Audiences can expect him …" where the text writes "audience": a plural's
        // singular in lowercase tells a common word too.)
        let singular = lower
            .strip_suffix('s')
            .filter(|s| s.len() >= 4 && !s.ends_with('s'));
        if self.lowercase.is_none() && self.lookups < LOOKUPS_BEFORE_GATHERING {
            self.lookups += 1;
            let written = |w: &str| {
                memchr::memmem::find_iter(text.as_bytes(), w.as_bytes())
                    .any(|at| is_whole_word(text, at, at + w.len()))
            };
            return written(&lower) || singular.is_some_and(written);
        }
        let lowercase = self.lowercase.get_or_insert_with(|| {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                .map(str::to_string)
                .collect()
        });
        lowercase.contains(&lower) || singular.is_some_and(|s| lowercase.contains(s))
    }

    fn resolve(&mut self, text: &str, subject: &Subject) -> Option<Speaker> {
        // (A description's own words shadow `text` below.)
        let article = text;
        match *subject {
            Subject::Name {
                name: name_span,
                ref party,
                gender,
                initial,
                opened,
            } => {
                let mut name = name_span.of(article);
                // "Using Ted Cruz as an example, …", "Born David Roy Fitch, he …": a word the
                // text also writes in lowercase is no part of the name it opens.
                if opened
                    && let Some((first, rest)) = name.split_once(' ')
                    && self.is_common_word(text, first)
                {
                    name = rest;
                }
                // The person the name expands to is found once: with no other of the last
                // RECENT people bearing its name (see [`Resolver::note_person`]) it is the
                // one noted and asked for a party, and with no gender to tell it also says
                // whether the name expands (searching again for that cost 0.9 M instructions
                // on fnc1).
                let found = self.expanded_at(name, gender);
                let expands = || match gender {
                    None => found.is_some_and(|k| self.people[k].name != name),
                    Some(_) => self.expands(name),
                };
                if initial
                    && !expands()
                    && self.person(name).is_none()
                    && self.is_common_word(text, name)
                {
                    // ("Locals said", "Audiences can expect him": a plural common noun speaks
                    // as a group, which no "he" points back to.)
                    // ("Thus", "Previous": an -s that makes no plural.)
                    let plural = name.ends_with('s') && !name.ends_with("us");
                    return plural.then(|| Speaker {
                        name: name.to_string(),
                        party: party.clone(),
                        kind: SpeakerKind::Generic,
                    });
                }
                // "Mr. Khan said … Ms. Khan wrote": a surname a title gives the other gender
                // from the person who bears it alone is someone else, called by the title.
                let titled =
                    || {
                        let title = article[..name_span.start].trim_end().rsplit(' ').next()?;
                        let other =
                            self.people.iter().rev().take(RECENT).any(|p| {
                                p.name == name && p.gender.is_some() && p.gender != gender
                            });
                        (other && title_gender(norm(title).as_str()).is_some())
                            .then(|| format!("{title} {name}"))
                    };
                let full = match found {
                    Some(k) => self.people[k].name.clone(),
                    None if gender.is_some() => titled().unwrap_or_else(|| name.to_string()),
                    None => name.to_string(),
                };
                let k = match found {
                    Some(k) => {
                        self.learn(k, party.clone(), gender);
                        k
                    }
                    // With no gender to tell, no one among the last RECENT people bears the
                    // name when it expands to no one: the person is new, and searching for
                    // them again is spared.
                    None if gender.is_none() => self.add_person(&full, party.clone(), None),
                    None => self.note_person(&full, party.clone(), gender),
                };
                if let Some(p) = party {
                    self.set_party(&full, p);
                }
                Some(Speaker {
                    party: party.clone().or_else(|| self.people[k].party.clone()),
                    name: full,
                    kind: SpeakerKind::Person,
                })
            }
            // "Cuban said" after "Mark Cuban": a person's surname, not the party it spells.
            Subject::Party { text: name, .. } if self.expands(name.of(article)) => self.resolve(
                text,
                &Subject::Name {
                    name,
                    party: None,
                    gender: None,
                    initial: false,
                    opened: false,
                },
            ),
            Subject::Party {
                text: name,
                ref party,
            } => Some(Speaker {
                name: name.of(article).to_string(),
                party: Some(party.clone()),
                kind: SpeakerKind::Party,
            }),
            Subject::Pronoun(p) => {
                let found = match p {
                    Pronoun::He | Pronoun::She => {
                        let excluded = if p == Pronoun::He {
                            Gender::Female
                        } else {
                            Gender::Male
                        };
                        self.last(|s| {
                            s.kind == SpeakerKind::Person
                                && self.person(&s.name).and_then(|x| x.gender) != Some(excluded)
                        })
                    }
                    Pronoun::I => self.last(|s| s.kind == SpeakerKind::Person),
                    // "They" stands for a group, a body, or one person (singular "they"):
                    // whoever was named last, not the last body past the people since.
                    Pronoun::Plural => self.group_for_they().or_else(|| self.last(|_| true)),
                    Pronoun::Thing => self.last(|s| s.kind != SpeakerKind::Person),
                    Pronoun::Relative => None,
                }
                .cloned();
                // "he said" about someone teaches their gender for later pronouns.
                if let Some(s) = &found
                    && matches!(p, Pronoun::He | Pronoun::She)
                {
                    let g = if p == Pronoun::He {
                        Gender::Male
                    } else {
                        Gender::Female
                    };
                    self.note_person(&s.name, None, Some(g));
                }
                found
            }
            Subject::Description {
                text: described,
                definite,
                org,
                person_role,
                several,
                ref party,
            } => {
                let text = described.of(article);
                if definite && let Some(issuer) = self.issuer_of(text) {
                    return Some(issuer);
                }
                if definite
                    && person_role
                    && let Some(introduced) = self.introduced_as(text)
                {
                    return Some(introduced);
                }
                // "the senior Cruz adviser", "the Comcast agent": one who serves someone the
                // text knows is someone else, whom it does not name.
                // (Asked of definite descriptions only, a capitalised modifier first: most
                // have none.)
                // The description's last word, normalised, read once by the two heads asked
                // about below.
                let head = std::cell::OnceCell::new();
                let head = || {
                    head.get_or_init(|| text.split_whitespace().next_back().map(norm))
                        .as_ref()
                        .map_or("", |h| h.as_str())
                };
                // The fuller phrase the text gave a bare description shortly before, read
                // once: the body branch asks whether there is one, and a description that
                // points back to no one speaks with it.
                let fuller = std::cell::OnceCell::new();
                let fuller = || {
                    *fuller.get_or_init(|| {
                        definite
                            .then(|| fuller_phrase(article, described.start, text))
                            .flatten()
                    })
                };
                let serves_another = || {
                    let mut words = text.split_whitespace();
                    words.next();
                    let head = words.next_back();
                    let mut named = words.filter(|w| is_capitalized(w)).peekable();
                    named.peek().is_some()
                        && head.is_some_and(|h| is_one_of(&norm(h), SERVING_ROLES))
                        && named.any(|w| {
                            // ("the RNC member": an acronym names a body, someone else too.)
                            let w = strip_possessive(w);
                            (w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
                                || self.expanded(w, None).is_some()
                        })
                };
                let antecedent = if !definite || serves_another() {
                    None
                } else if org
                    && party.is_none()
                    && names_a_business(text)
                    && let Some(body) = self.body_taken_for_a_person(article)
                {
                    return Some(body);
                } else if org {
                    // ("The company said" does not take up a report or a board an earlier
                    // clause left unnamed: only a body the text names.)
                    let head = text.split_whitespace().next_back().map(norm);
                    let arm = head.as_ref().filter(|h| is_arm_of_state(h));
                    self.last(|s| {
                        s.kind != SpeakerKind::Person
                            && (party.is_none() || s.party == *party)
                            && names_a_body(&s.name)
                            && arm.is_none_or(|h| {
                                s.name
                                    .split_whitespace()
                                    .any(|w| norm(w).as_str() == h.as_str())
                            })
                    })
                    // "Jane Roe issued a statement. … the statement said", "Globex said …
                    // the company said": with no body to point back to, a document or a body
                    // the text does not name speaks for whoever spoke last, whom the text
                    // named as a person only for lack of knowing better; unless the text
                    // said whose it is shortly before ("the Wall Street Journal editorial
                    // board … the editorial board writes"), which the fallback below takes.
                    .or_else(|| {
                        self.history
                            .last()
                            .filter(|_| party.is_none() && names_no_one(text) && fuller().is_none())
                    })
                } else if several || names_a_child(head()) {
                    None
                } else if let Some(role) = asking_role(head()) {
                    // ("NBC Nightly News anchor Brian Williams … The Nightly News anchor has
                    // often repeated": one the text named with the role, among those noted
                    // lately; "Trump was asked … “…,” the moderator said": no one else. What
                    // follows the role's every mention is read once, each person sought in it.)
                    let after_role = after_each_mention(&article[..described.start], role);
                    self.last(|s| {
                        s.kind == SpeakerKind::Person
                            && s.name.rsplit(' ').next().is_some_and(|surname| {
                                !surname.is_empty()
                                    && after_role.iter().any(|w| w.contains(surname))
                            })
                    })
                } else {
                    let same_party =
                        self.last(|s| s.kind == SpeakerKind::Person && s.party == *party);
                    match (party, same_party) {
                        (Some(_), Some(s)) => Some(s),
                        // "That story, attributed to Russian sources, alleged": a thing
                        // carrying a party ties no person to it.
                        (Some(_), None) if !person_role => None,
                        // "Nigeria's defence chief Alex Badeh … the Boko Haram leader said":
                        // a person the text ties to another party is not who the
                        // description names.
                        (Some(_), None) => self
                            .last(|s| s.kind == SpeakerKind::Person)
                            .filter(|s| s.party.is_none()),
                        (None, _) => self.last(|s| s.kind == SpeakerKind::Person),
                    }
                };
                match antecedent.cloned() {
                    Some(mut s) => {
                        if let (Some(p), SpeakerKind::Person) = (party, s.kind) {
                            self.set_party(&s.name, p);
                            s.party.get_or_insert_with(|| p.clone());
                        }
                        Some(s)
                    }
                    None => {
                        let name = fuller().unwrap_or(text);
                        let s = Speaker {
                            name: name.to_string(),
                            party: party.clone(),
                            kind: if org {
                                SpeakerKind::Org
                            } else {
                                SpeakerKind::Generic
                            },
                        };
                        // "A senior official said …": the one "the official" names next.
                        let mut words = text.split_whitespace();
                        if person_role
                            && !several
                            && words.next().is_some_and(|w| {
                                matches!(norm(w).as_str(), "a" | "an" | "one" | "another")
                            })
                            && let Some(head) = words.next_back()
                        {
                            self.introduced = Some(Recalled {
                                speaker: s.clone(),
                                head: norm(head),
                                sentence: self.sentence,
                            });
                        }
                        Some(s)
                    }
                }
            }
        }
    }

    /// The person the passage is about so far: the most recent named speaker or sentence
    /// subject. A quotation with no reporting verb of its own is theirs, the way a reader
    /// takes it (topic continuity: "Pence praised Cruz. “…”").
    pub fn topic(&self) -> Option<&Speaker> {
        self.last(|s| s.kind == SpeakerKind::Person)
    }

    /// Who issued the document a description names ("the statement", "the fundraising
    /// email"), when a sentence shortly before says who issued one ("Acme issued a
    /// statement").
    fn issuer_of(&self, description: &str) -> Option<Speaker> {
        self.recall(self.issued.as_ref(), ISSUED_REACH, description)
    }

    /// The one a definite description ("the official") names when a sentence shortly before
    /// brought in someone by an indefinite one with the same head ("a senior official said").
    /// The text calls them by that description because it does not name them: they are not
    /// whoever it named last ("Rep. Jane Roe praised the move. A senior official said … “…,”
    /// the official said" does not quote Roe).
    fn introduced_as(&self, description: &str) -> Option<Speaker> {
        self.recall(self.introduced.as_ref(), INTRODUCED_REACH, description)
    }

    /// The speaker `memory` holds when `description` ends in its head noun, until `reach`
    /// sentences after it was noted.
    fn recall(
        &self,
        memory: Option<&Recalled>,
        reach: usize,
        description: &str,
    ) -> Option<Speaker> {
        let memory = memory?;
        let head = norm(description.split_whitespace().next_back()?);
        (head.as_str() == memory.head.as_str() && self.sentence <= memory.sentence + reach)
            .then(|| memory.speaker.clone())
    }

    /// The last speaker or subject, when it was taken for a person only for lack of knowing
    /// better: one word that is no first name, that no title or pronoun ever told was a
    /// person's, and that is no word the lexicon knows nor one the text writes in lowercase
    /// ("Globex acknowledged …", never "Specifically, …"). A text that goes on with "the
    /// company said" tells that it is a body, and the one it named last, not a body named
    /// before it ("… the New York Post revealed …").
    fn body_taken_for_a_person(&mut self, text: &str) -> Option<Speaker> {
        let last = self.history.last().filter(|s| {
            s.kind == SpeakerKind::Person
                && !s.name.contains(char::is_whitespace)
                && first_name_gender(&s.name).is_none()
                && self.person(&s.name).is_none_or(|p| p.gender.is_none())
                && lexicon::lookup(&norm(&s.name)).is_unlisted()
        })?;
        let name = last.name.clone();
        (!self.is_common_word(text, &name))
            .then(|| self.history.last().cloned())
            .flatten()
    }

    /// Moves on to sentence `k`: what was noted sentences ago fades by this count.
    pub fn begin_sentence(&mut self, k: usize) {
        self.sentence = k;
        self.classified.phrases.clear();
    }

    fn last(&self, pred: impl Fn(&Speaker) -> bool) -> Option<&Speaker> {
        self.history.iter().rev().take(RECENT).find(|s| pred(s))
    }

    /// Resolves the subject phrase `toks[a..b]` (see [`classify`]), classified only the
    /// first time the sentence asks about it; `names_only` resolves it only when it is a
    /// person's name.
    fn resolve_phrase(
        &mut self,
        text: &str,
        toks: &[Tok],
        (a, b): (usize, usize),
        appositive: Option<(usize, usize)>,
        gazetteer: &Gazetteer,
        names_only: bool,
    ) -> Option<Speaker> {
        let sentence = (
            text.as_ptr() as usize,
            text.len(),
            toks.as_ptr() as usize,
            toks.len(),
        );
        let memory = &mut self.classified;
        if memory.sentence != sentence {
            memory.sentence = sentence;
            memory.phrases.clear();
        }
        let key = (a, b, appositive);
        let k = match memory.phrases.iter().position(|(k, _)| *k == key) {
            Some(k) => k,
            None if memory.phrases.len() >= CLASSIFIED_KEPT => {
                let subject = classify(text, toks, a, b, appositive, gazetteer)?;
                return (!names_only || matches!(subject, Subject::Name { .. }))
                    .then(|| self.resolve(text, &subject))
                    .flatten();
            }
            None => {
                let subject = classify(text, toks, a, b, appositive, gazetteer);
                memory.phrases.push((key, subject));
                memory.phrases.len() - 1
            }
        };
        // (Taken out while resolving, which needs the resolver, and put back after.)
        let subject = memory.phrases[k].1.take()?;
        let speaker = (!names_only || matches!(subject, Subject::Name { .. }))
            .then(|| self.resolve(text, &subject))
            .flatten();
        self.classified.phrases[k].1 = Some(subject);
        speaker
    }
}

/// "the statement", "the company": a definite description that names no one ("the People's
/// Daily newspaper" names its paper), which speaks for whoever the text quoted last. A
/// gathering ("the crowd"), a finding ("the survey", "the report") or an arm of a state or
/// a movement ("the army", "the ministry", "the rebels") is no one's renaming: it is a
/// speaker of its own ("Musa said … The army denied …" is no denial by Musa).
fn names_no_one(description: &str) -> bool {
    let mut words = description.split_whitespace();
    let head = words.next_back().map(norm);
    !words.skip(1).any(is_capitalized)
        && head.is_some_and(|h| {
            !matches!(h.as_str(), "crowd" | "mob" | "report" | "reports")
                && !is_one_of(&h, FINDING_NOUNS)
                && !is_arm_of_state(&h)
        })
}

/// How far back [`fuller_phrase`] looks, in bytes: a few sentences.
const FULLER_REACH: usize = 1200;

/// "Cruz’s lawyers relied on precedent. … the lawyers said", "China’s foreign ministry weighed
/// in. … the ministry said": the phrase a bare definite description (`description`, "the"
/// and its head, at byte `at` of `article`) takes up, when the text gave its head shortly
/// before with whose or which it is (a name, a possessive); `None` when it did not.
fn fuller_phrase<'a>(article: &'a str, at: usize, description: &str) -> Option<&'a str> {
    // ("the editorial board": the words after "the", one or two, are looked for together.)
    let head = description
        .strip_prefix("the ")
        .or_else(|| description.strip_prefix("The "))?;
    if head.split(' ').count() > 2 || !head.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') {
        return None;
    }
    let before = &article[start_within(article, at, FULLER_REACH)..at];
    // The last whole-word mention of the head before the description that has them.
    memchr::memmem::rfind_iter(before.as_bytes(), head.as_bytes())
        .map(|k| (k, k + head.len()))
        .filter(|&(k, e)| is_whole_word(before, k, e))
        .find_map(|(k, e)| modified(before, k).map(|start| &before[start..named_after(before, e)]))
}

/// Past the name a head stands before as its title ("Italian newspaper Corriere Adriatico",
/// "the news website MacRumors"): up to four capitalised words set off by single spaces
/// after byte `end` of `before`, where the phrase then ends; `end` itself when none follow.
fn named_after(before: &str, end: usize) -> usize {
    let mut stop = end;
    for _ in 0..4 {
        let Some(rest) = before[stop..].strip_prefix(' ') else {
            break;
        };
        let word = rest.split(char::is_whitespace).next().unwrap_or("");
        let bare = strip_possessive(word.trim_end_matches([',', '.', ';', ':']));
        if bare.is_empty()
            || !is_capitalized(bare)
            || !bare
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        {
            break;
        }
        stop += 1 + bare.len();
        if bare.len() < word.len() {
            break;
        }
    }
    stop
}

/// Where the modifiers before the word at byte `head` of `before` begin, each set off by
/// one space: names, possessives, numbers, adjectives; not a function word, punctuation
/// or a line break. An article before them opens the phrase. `None` when no name or
/// possessive is among them: "the lawyers" again says no more than "the lawyers".
fn modified(before: &str, head: usize) -> Option<usize> {
    let mut start = head;
    let mut named = false;
    for _ in 0..4 {
        let Some(word_end) = before[..start].strip_suffix(' ').map(str::len) else {
            break;
        };
        let word_start = before[..word_end]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let word = &before[word_start..word_end];
        let bare = strip_possessive(word);
        let lex = lexicon::lookup(&norm(bare));
        let plain = bare.chars().all(|c| c.is_alphanumeric() || c == '-')
            || (bare.ends_with('.') && lex.is(Class::Abbreviation));
        if bare.is_empty() || !plain {
            break;
        }
        // ("Monday night's results": a weekday is a modifier.)
        if (lex.is(Class::FunctionWord) && !lex.is(Class::Weekday))
            || lex.is(Class::Determiner)
            || lex.is_cue()
        {
            if named && matches!(norm(bare).as_str(), "a" | "an" | "the") {
                start = word_start;
            }
            break;
        }
        named |= is_capitalized(bare) || bare.len() < word.len();
        start = word_start;
    }
    named.then_some(start)
}

/// "the company", "the network", "the website": a definite description whose head names
/// a business or an outlet, which no person is (where "the committee" or "the party" may be
/// one person's, as a leader's words are the body's).
fn names_a_business(description: &str) -> bool {
    let mut words = description.split_whitespace();
    let head = words.next_back().map(norm);
    words.count() == 1
        && head.is_some_and(|h| {
            matches!(
                h.as_str(),
                "company"
                    | "firm"
                    | "corporation"
                    | "network"
                    | "channel"
                    | "station"
                    | "outlet"
                    | "newspaper"
                    | "paper"
                    | "magazine"
                    | "publication"
                    | "website"
                    | "site"
                    | "platform"
                    | "service"
                    | "bank"
                    | "retailer"
                    | "brand"
            )
        })
}

/// "doctors", "men": a plural head noun, which no one person can be.
fn is_plural_noun(word: &str) -> bool {
    matches!(word, "men" | "women" | "people" | "children")
        || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is"))
}

/// "army", "ministry", "police", "rebels": the head of a description naming an arm of a
/// state or a movement, which speaks for itself. It is no renaming of whoever spoke last,
/// and it points back only to a body it names ("the Nigerian Army … the army said"), not to
/// any body ("an official told NBC News … The Army denied" is no denial by NBC News).
fn is_arm_of_state(head: &str) -> bool {
    matches!(
        head,
        "army"
            | "military"
            | "navy"
            | "government"
            | "ministry"
            | "police"
            | "regime"
            | "authorities"
            | "embassy"
            | "parliament"
            | "rebels"
            | "militants"
            | "insurgents"
            | "coalition"
    )
}

/// "the boy", "the girl": a description whose head names a child, which renames no one the
/// text named before it (a teenager may be someone the text named: "Mohammed Islam … The
/// teenager said"). The people a political or conflict briefing names are adults
/// (“…?” asked the boy, after a paragraph about Mike Pence, is not Pence's question).
fn names_a_child(head: &str) -> bool {
    matches!(head, "boy" | "girl" | "child" | "kid" | "toddler")
}

/// "the moderator", "the host": a description whose head is the role of one who puts the
/// questions, not of whom they are put to. The role's word as the text writes it before a
/// name ("moderator Megyn Kelly", "hosts Joe Scarborough").
fn asking_role(head: &str) -> Option<&'static str> {
    ["moderator", "host", "anchor", "interviewer"]
        .into_iter()
        .find(|r| head == *r)
}

/// The few words after each place `before` (the text before a description) writes `role`
/// as a word of its own, or its plural: a surname among them ("NBC Nightly News anchor Brian
/// Williams", "Morning Joe hosts Joe Scarborough") is a person the text introduced by that
/// role. "hostage", "ghost" and "anchored" are no mentions. Asked only of the rare
/// descriptions [`asking_role`] finds.
fn after_each_mention<'a>(before: &'a str, role: &str) -> Vec<&'a str> {
    let bytes = before.as_bytes();
    let letter = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_alphanumeric);
    before
        .match_indices(role)
        .filter_map(|(at, _)| {
            let mut from = at + role.len();
            if bytes.get(from) == Some(&b's') {
                from += 1;
            }
            let whole = (at == 0 || !letter(at - 1)) && !letter(from);
            whole.then(|| &before[from..before.ceil_char_boundary(from + 40)])
        })
        .collect()
}

/// True when a body's description carries a name ("Acme Corp.", "the Journal's board"), as
/// "That report" or "board" do not.
fn names_a_body(description: &str) -> bool {
    description
        .split_whitespace()
        .any(|w| is_capitalized(w) && !lexicon::is_determiner(&norm(w)))
}

/// Gender from a first name, for the most common ones in news text.
fn first_name_gender(name: &str) -> Option<Gender> {
    word_gender(end_words(name)?.0)
}

/// Gender from a name's first word ([`first_name_gender`]); `None` for no word.
fn word_gender(first: &str) -> Option<Gender> {
    if first.is_empty() {
        return None;
    }
    // (One lookup answers both: the lexicon holds female and male first names as classes.)
    // A short ASCII name is lowercased on the stack: every new person's name is looked up.
    let mut buf = [0u8; 32];
    let lex = match buf.get_mut(..first.len()) {
        Some(lower) if first.is_ascii() => {
            lower.copy_from_slice(first.as_bytes());
            lower.make_ascii_lowercase();
            lexicon::lookup(std::str::from_utf8(lower).unwrap_or_default())
        }
        _ => lexicon::lookup(&first.to_lowercase()),
    };
    if lex.is(Class::FemaleName) {
        Some(Gender::Female)
    } else if lex.is(Class::MaleName) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The first and last words of `s` as `split_whitespace` reads them (the same word when it
/// has one); `None` when it has none. The usual name, with no space at either end and ASCII
/// in its first and last words, is read on its bytes, only as far as those words reach:
/// names are split for every person noted and every name expanded, and the iterator cost
/// more than the comparisons the words served.
fn end_words(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    // The ASCII characters `char::is_whitespace` takes (tab to carriage return, space), and
    // any byte past ASCII, which leaves the name to the iterator that knows the other spaces.
    let stop = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ') || !c.is_ascii();
    if b.first().is_some_and(|&c| c > b' ') && b.last().is_some_and(|&c| c > b' ') {
        match b.iter().position(stop) {
            None => return Some((s, s)),
            Some(first_end) if b[first_end].is_ascii() => {
                let last_space = b.iter().rposition(stop).unwrap_or(first_end);
                if b[last_space].is_ascii() {
                    return Some((&s[..first_end], &s[last_space + 1..]));
                }
            }
            Some(_) => {}
        }
    }
    let mut words = s.split_whitespace();
    let first = words.next()?;
    Some((first, words.next_back().unwrap_or(first)))
}

/// Gender from a courtesy title.
fn title_gender(word: &str) -> Option<Gender> {
    match word {
        "mr" | "sir" | "king" | "prince" | "father" | "brother" | "lord" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "queen" | "princess" | "sister" | "lady" | "dame" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The lowercased form of a word token.
#[inline(always)]
fn low(text: &str, t: &Tok) -> super::tokens::Norm {
    t.norm(text)
}

/// True when the lowercased form of a word token is one of `forms` (see
/// [`norm_is_one_of`]). (Always inlined: the rules ask it of nearly half a million words
/// of a thousand briefings, with constant forms that fold into a few byte tests where a
/// call cost more than they do.)
#[inline(always)]
fn low_is(text: &str, t: &Tok, forms: &[&str]) -> bool {
    t.norm_is_one_of(text, forms)
}

/// Finds the cue verbs of one sentence and their subjects, resolving each as it goes, and
/// appends them to `out` (the briefing's one list: a list per sentence cost its allocation
/// and a copy for every sentence). What `out` held before is left alone.
pub fn attributions(
    text: &str,
    sentence: usize,
    toks: &[Tok],
    gazetteer: &Gazetteer,
    resolver: &mut Resolver,
    out: &mut Vec<Attribution>,
) {
    // This sentence's attributions are `out[first..]`.
    let first = out.len();
    // A cue at `cue_tok` whose subject `(a, b)` stands before it ("Trump shot back", "Carl
    // Bialik:"): its clause runs from the subject to the end of the cue. Recorded when the
    // subject resolves to a speaker.
    let subject_first = |(a, b): (usize, usize),
                         cue_tok: usize,
                         cue: Cue,
                         resolver: &mut Resolver,
                         out: &mut Vec<Attribution>| {
        let Some(speaker) = resolver.resolve_phrase(text, toks, (a, b), None, gazetteer, false)
        else {
            return false;
        };
        resolver.remember(&speaker);
        let at = toks[cue_tok].span;
        out.push(Attribution {
            sentence,
            cue_tok,
            cue_text: at.of(text).to_string(),
            cue,
            subject: (a, b),
            inverted: false,
            clause_start: toks[a].span.start,
            cue_at: at.start,
            speaker: Some(speaker),
            no_comment: false,
        });
        true
    };
    if let Some((subject, verb)) = verb_after_opening_quote(text, toks) {
        subject_first(subject, verb, Cue::Speech, resolver, out);
    }
    // Only colons, cue verbs and "according" matter: every other token is passed over in
    // one tight scan, as most tokens of a sentence are.
    // (Its three tests are read at once, with no branch but the one that ends the scan:
    // only a word has a cue, and a token of another kind as long as "according" is passed
    // over below.)
    let passed_over = |t: &Tok| {
        !matches!(t.kind, TokKind::Colon) & !t.lex.is_cue() & (t.span.len() != "according".len())
    };
    let mut i = 0;
    while i < toks.len() {
        i += toks[i..].iter().take_while(|t| passed_over(t)).count();
        let Some(t) = toks.get(i) else {
            break;
        };
        // "Clinton's reply was blunt: “…”": with no cue before it, a colon that opens a
        // quotation gives it to the sentence's subject. A name right before the colon labels
        // the quotation itself, wherever it stands ("Pollsters agree - Carl Bialik: “…”").
        let opens_quote = || {
            toks.get(i + 1)
                .is_some_and(|n| matches!(n.kind, TokKind::Quote(_)))
        };
        if t.kind == TokKind::Colon
            && opens_quote()
            && let Some(subject) = colon_label(text, toks, i, gazetteer)
                // ("When Trump suggested that …, Rubio fired back: “…”": a cue in a clause
                // before the subject's is no cue of the colon's.)
                .or_else(|| {
                    sentence_subject(text, toks, i)
                        .filter(|&(a, _)| out[first..].iter().all(|at| at.cue_tok < a))
                })
            && subject_first(subject, i, Cue::QuoteOnly, resolver, out)
        {
            i += 1;
            continue;
        }
        // (A colon that labels no quotation.)
        if !t.is_word() {
            i += 1;
            continue;
        }
        let w = t.span.of(text);
        // Every cue is a short plain-ASCII word.
        if w.len() > 16 || !w.is_ascii() {
            i += 1;
            continue;
        }
        // "according to X"
        if w.eq_ignore_ascii_case("according")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.is_word() && n.span.of(text).eq_ignore_ascii_case("to"))
        {
            if let Some((a, b)) = subject_right(text, toks, i + 2) {
                let mut speaker =
                    resolver.resolve_phrase(text, toks, (a, b), None, gazetteer, false);
                if let Some(s) = speaker.as_mut() {
                    resolver.remember(s);
                    describe_fully(text, toks, (a, b), s, None);
                }
                out.push(Attribution {
                    sentence,
                    cue_tok: i,
                    clause_start: toks[i].span.start,
                    cue_at: toks[i].span.start,
                    cue_text: "according to".into(),
                    cue: Cue::Speech,
                    subject: (a, b),
                    inverted: true,
                    speaker,
                    no_comment: false,
                });
            }
            i += 2;
            continue;
        }
        let Some(cue) = t.lex.cue() else {
            i += 1;
            continue;
        };
        let cue = if cue == Cue::QuoteOnly && calls_for(text, toks, i) {
            Cue::Speech
        } else {
            cue
        };
        // "Secretary of State", "Said Smith" at a sentence start is still a verb.
        let mid_sentence = i > 0 && !matches!(toks[i - 1].kind, TokKind::Quote(_) | TokKind::Comma);
        if mid_sentence && t.is_capitalized(text) {
            i += 1;
            continue;
        }
        if let Some((agent, clause)) = passive_denial_agent(text, toks, i) {
            let speaker = resolver.resolve_phrase(text, toks, agent, None, gazetteer, false);
            if let Some(s) = &speaker {
                // A cue inside the denied claim's own phrase ("Earlier reports claiming
                // that …", "press reports of …") describes the claim; it is no statement
                // of its own.
                while out[first..].last().is_some_and(|a| a.cue_tok >= clause) {
                    out.pop();
                }
                out.push(Attribution {
                    sentence,
                    cue_tok: i,
                    cue_text: w.to_string(),
                    cue,
                    subject: agent,
                    inverted: true,
                    clause_start: toks[clause].span.start,
                    cue_at: t.span.start,
                    speaker: Some(s.clone()),
                    no_comment: false,
                });
            }
            i += 1;
            continue;
        }
        // "Sanders' call for “revolution”", "Trump's claim that “…”": a name's words, right
        // before the quotation, are the quotation's.
        if let Some(possessor) = possessor_of_words(text, toks, i)
            && subject_first(possessor, i, Cue::QuoteOnly, resolver, out)
        {
            i += 1;
            continue;
        }
        // Where the cue's verb group begins, past its auxiliaries and adverbs: found once
        // for the rules below that all ask it.
        let aux = skip_aux_left(text, toks, i);
        // (As [`is_passive`] asks.)
        let passive = !w.ends_with("ing") && after_passive_aux(toks, aux);
        if passive || says_nothing_after(text, toks, i, Some(aux)) || relays(text, toks, i) {
            i += 1;
            continue;
        }
        let cue = if cue == Cue::Deny && holds_negation(text, &toks[aux..i]) {
            Cue::Stance
        } else {
            cue
        };
        // Subject before the verb, else after it ("…,” said Dunford). A participle
        // ("…, saying") or a coordinated verb ("… and again denied") shares the subject of
        // the clause it hangs on.
        // (A plain word's normal form is its bytes lowercased, which its last three show
        // without normalising the word: every cue asks this.)
        let participle = if t.lex.is_plain() {
            w.len() >= 3 && w.as_bytes()[w.len() - 3..].eq_ignore_ascii_case(b"ing")
        } else {
            t.norm(text).as_str().ends_with("ing")
        };
        let mut found: Option<(usize, usize)> = None;
        let mut appositive = None;
        let mut inverted = false;
        let mut speaker = None;
        let mut inherited = false;
        let mut counted_by = None;
        // A participle has its own subject only in a progressive ("Trump is telling").
        let progressive = after_passive_aux(toks, aux);
        let heard = if participle && !progressive {
            heard_saying(text, toks, i)
        } else {
            None
        };
        let left = if let Some(aux) = heard {
            subject_left(text, toks, aux, None)
        } else if participle && !progressive {
            absolute_subject(text, toks, i).map(|found| (found, None))
        } else if progressive {
            subject_left(text, toks, aux - 1, None)
        } else {
            subject_left(text, toks, i, Some(aux))
        }
        .filter(|_| participle || !named_after_relative(text, toks, i));
        if let Some(((a, b), app)) = left {
            found = Some((a, b));
            appositive = app;
            // "In a Washington Post/ABC News poll, 75 percent of Republicans said": a share of
            // a group speaks through the poll that counted it. (Only who speaks changes: the
            // clause still opens at the share.)
            if cue == Cue::Speech {
                counted_by = polled_share(text, toks, a);
            }
            // "Mr. Ekovich, who noted", "Donald Trump - who previously said": the relative
            // pronoun stands for the phrase before it; for the name before it when that phrase
            // describes a name set off before it ("Sen. Dianne Feinstein of California, the
            // ranking Democrat on the committee, who said").
            if b == a + 1
                && low_is(text, &toks[a], &["who"])
                && a > 1
                && matches!(toks[a - 1].kind, TokKind::Comma | TokKind::Dash)
            {
                found = np_left(text, toks, a - 1);
                if let Some((name, description)) =
                    found.and_then(|d| name_before_description(text, toks, d, true))
                {
                    found = Some(name);
                    appositive = description;
                }
            }
        } else if participle || coordinated(text, toks, i) {
            inherited = true;
            // "When asked whom she supported, Ms. Roe smiled and said": a subject standing
            // past a comma after the earlier cue opens the clause this verb belongs to.
            let own = sentence_subject(text, toks, i);
            // (A name's words inside an object, "blasted Trump's call for “…”", open no
            // clause for it to share.)
            let owns_words = |a: &Attribution| {
                a.cue_tok > 0
                    && a.subject.1 == a.cue_tok
                    && toks[a.cue_tok - 1].ends_possessive(text)
            };
            // ("Byrne wrote the agents knew to brace for it, saying": a stance in a clause a cue
            // reports, its subject right after the cue or its "that", is not what a participle
            // hangs on. A coordinated verb may continue it ("a friend said Brown mocked the
            // officer and charged at him"), and so may a participle after speech reported ("Jo
            // says Brown tried to surrender, saying").)
            let reported = |a: &Attribution| {
                participle
                    && a.cue == Cue::Stance
                    && !a.inverted
                    && out[first..].iter().any(|b| {
                        b.cue_tok < a.subject.0
                            && (a.subject.0 == b.cue_tok + 1
                                || (a.subject.0 == b.cue_tok + 2
                                    && low_is(text, &toks[b.cue_tok + 1], &["that"])))
                    })
            };
            if let Some(prev) = out[first..]
                .iter()
                .rev()
                .find(|a| !owns_words(a) && !reported(a))
                && !own.is_some_and(|(a, _)| {
                    a > prev.cue_tok
                        && toks[prev.cue_tok..a]
                            .iter()
                            .any(|t| t.kind == TokKind::Comma)
                })
            {
                speaker = prev.speaker.clone();
                found = Some(prev.subject);
            } else if let Some(r) = own {
                found = Some(r);
            }
        } else {
            let before_is_boundary = i == 0
                || matches!(
                    toks[i - 1].kind,
                    TokKind::Comma | TokKind::Quote(_) | TokKind::Colon | TokKind::Dash
                );
            let after_quote = i >= 1
                && (matches!(toks[i - 1].kind, TokKind::Quote(_))
                    || (i >= 2
                        && toks[i - 1].kind == TokKind::Comma
                        && matches!(toks[i - 2].kind, TokKind::Quote(_))));
            // ("releasing a statement that, while condemning violence, accused the party
            // leaders of …": after a bare comma, whom one accuses, blames or denies follows
            // the verb, not who does it; "…, claims TechNews" is still inverted.)
            let bare_comma = !after_quote && i >= 1 && toks[i - 1].kind == TokKind::Comma;
            let object_follows = bare_comma
                && (cue == Cue::Deny
                    || ["accus", "blam"]
                        .iter()
                        .any(|p| begins_with(text, &toks[i], p)));
            // ("…, and, citing Exodus, endorsed Senator Ted Cruz, urging": so is the name a
            // stance verb takes; a finding's source still follows it: "…, estimates a 2014
            // report".)
            let stance_on_name = |(a, b): (usize, usize)| {
                bare_comma && cue == Cue::Stance && is_name_like(text, &toks[a..b.min(a + 2)])
            };
            if before_is_boundary
                && !object_follows
                && let Some((a, b)) = subject_right(text, toks, i + 1)
                    .or_else(|| {
                        after_quote
                            .then(|| plain_description_right(text, toks, i + 1))
                            .flatten()
                    })
                    .filter(|&found| !stance_on_name(found))
            {
                found = Some((a, b));
                // ("wrote the American ambassador at the time, John E. Herbst": a time
                // between the description and its name.)
                let at_the_time = toks.get(b..b + 3).is_some_and(|w| {
                    w.iter().all(Tok::is_word)
                        && low_is(text, &w[0], &["at"])
                        && low_is(text, &w[1], &["the", "that"])
                        && low_is(text, &w[2], &["time"])
                });
                appositive = appositive_after(toks, if at_the_time { b + 3 } else { b })
                    .or_else(|| name_given_after(text, toks, b));
                inverted = true;
                // "said the bureau's director, James B. Comey,": a description, then the
                // name set off after it; the name is who spoke, the description says who
                // they are.
                if let Some((x, y)) = appositive
                    && is_name_like(text, &toks[x..y])
                    && matches!(
                        classify(text, toks, a, b, None, gazetteer),
                        Some(Subject::Description { .. })
                    )
                    && matches!(
                        classify(text, toks, x, y, None, gazetteer),
                        Some(Subject::Name { .. })
                    )
                {
                    found = Some((x, y));
                    appositive = Some((a, b));
                }
            }
        }
        let subject = found.unwrap_or((i, i));
        // ("an American contractor accused of spying": someone accuses, the sentence does
        // not say who.)
        let reduced = reduced_passive(text, toks, i);
        if reduced {
            speaker = None;
        }
        if speaker.is_none()
            && !reduced
            && let Some((a, b)) = found
        {
            speaker = match counted_by {
                Some(poll) => resolver.resolve_phrase(text, toks, poll, None, gazetteer, false),
                None => resolver.resolve_phrase(text, toks, (a, b), appositive, gazetteer, false),
            };
        }
        if speaker.is_none() && found.is_none() {
            i += 1;
            continue;
        }
        if let Some(s) = &speaker {
            resolver.remember(s);
        }
        // (Widened after it is remembered: later references resolve as before.)
        if appositive.is_none()
            && !inherited
            && let Some(s) = speaker.as_mut()
        {
            let until = (!inverted).then_some(aux);
            describe_fully(text, toks, subject, s, until);
        }
        out.push(Attribution {
            sentence,
            cue_tok: i,
            // A description set off before the name ("A Nigerian government spokesman,
            // Mike Omeri, said") opens the clause with it.
            clause_start: if inherited {
                toks[aux].span.start
            } else {
                let described_from = appositive.map_or(subject.0, |(x, _)| x);
                toks[subject.0.min(described_from).min(i)].span.start
            },
            cue_at: t.span.start,
            cue_text: w.to_string(),
            cue,
            subject,
            inverted,
            speaker,
            no_comment: is_no_comment(text, toks, i),
        });
        i += 1;
    }
}

/// "said a longtime GOP data expert who has worked for one of Trump's 2016 rivals",
/// "according to a 2013 study by economists Jan Roe and Jim Doe", "a source familiar with the
/// ad says": a speaker the text names only by a description is known by all the text says of
/// it there, not just its head noun. Widens `speaker`'s name when it is the description
/// `(a, b)` as written and a relative clause or a phrase opened by "familiar", "close",
/// "briefed" or a preposition of source or place follows it, to the clause's end after a
/// cue, or to the verb group at `until` before one; and holds no time ("an official in Ohio
/// last week" stays "an official").
fn describe_fully(
    text: &str,
    toks: &[Tok],
    (a, b): (usize, usize),
    speaker: &mut Speaker,
    until: Option<usize>,
) {
    let described = &text[toks[a].span.start..toks[b - 1].span.end];
    let opens = |t: &Tok| {
        t.is_word()
            && low_is(
                text,
                t,
                &[
                    "who", "familiar", "close", "briefed", "by", "of", "in", "from", "at", "with",
                ],
            )
    };
    // (Before a cue, the subject's finder has read the phrase already; after one, a
    // determiner tells a description from a name.)
    if !matches!(speaker.kind, SpeakerKind::Generic | SpeakerKind::Org)
        || speaker.name != described
        || (until.is_none() && !toks[a].lex.is(Class::Determiner))
        || !toks.get(b).is_some_and(opens)
    {
        return;
    }
    // The phrase's words: up to the bound, stopping at a weekday ("a spokesman on Monday").
    let reach = b + toks[b..]
        .iter()
        .take(16)
        .take_while(|t| t.is_word() && !t.lex.is(Class::Weekday))
        .count();
    // Where the phrase ends: before a cue, at its verb group, with no other cue, clause opener
    // or dangling function word on the way ("The physicians who treated them said there was
    // no question that chlorine gas was to blame" is no phrase ending at "blame"); after
    // one, at the clause's end.
    let end = match until {
        Some(u) => (reach >= u
            && u > b + 1
            && toks[b + 1..u].iter().all(|t| {
                !t.lex.is_cue()
                    && !lexicon::opens_clause(low(text, t).as_str())
                    && t.span.of(text) != "that"
            })
            && !toks[u - 1].lex.is(Class::FunctionWord)
            && toks[u - 1].lex.pronoun().is_none())
        .then_some(u),
        None => toks
            .get(reach)
            .is_none_or(|t| matches!(t.kind, TokKind::Comma | TokKind::Stop))
            .then_some(reach),
    };
    // (A time word anywhere keeps the head alone.)
    if let Some(end) = end.filter(|&e| e >= b + 2)
        && !toks[b..end]
            .iter()
            .any(|t| low_is(text, t, TIME_NOUNS) || low_is(text, t, &["today", "yesterday"]))
    {
        speaker.name = text[toks[a].span.start..toks[end - 1].span.end].to_string();
    }
}

/// "Trump, who has said", "the aide, who added": true when "who" opens the verb group of the
/// cue at `i`, the cue of a relative clause.
pub fn opens_relative(text: &str, toks: &[Tok], i: usize) -> bool {
    let j = skip_aux_left(text, toks, i);
    j > 0 && toks[j - 1].is_word() && low_is(text, &toks[j - 1], &["who"])
}

/// "did not respond to a request for comment", "declined to comment", "refused to
/// elaborate": a subject that gave no answer stated nothing. In an analyst's claims table
/// such a row only took room from the claims.
///
/// Every word it looks for begins with "co", "de" or "re" ("comment", "declined",
/// "refused", "respond", "request"), or is the verb refused after "to" ("discuss",
/// "elaborate", "say"): the unattributed path asks this of every word of a sentence that
/// may report, and most words are passed over here by their first two letters, without a
/// call. (Always inlined where it is asked; [`no_comment_at`] reads the rest.)
#[inline(always)]
pub fn is_no_comment(text: &str, toks: &[Tok], i: usize) -> bool {
    // A word's first two bytes, lowercased; none for a word of one byte that ends the text,
    // which is none of the words.
    let head = |k: usize| {
        let at = toks[k].span.start;
        match text.as_bytes().get(at..at + 2) {
            Some(&[x, y]) => [x | 0x20, y | 0x20],
            _ => [0, 0],
        }
    };
    // The word before may be "to" (or "t.o", "to's", which read as "to" too).
    let after_to = || i >= 2 && matches!(head(i - 1), [b't', b'o' | b'.']);
    let may_be = match head(i) {
        [b'c', b'o'] | [b'd' | b'r', b'e'] => true,
        [b'c' | b'd' | b'r', _] => after_to(),
        // (A refused verb past c, d and r follows a "to" of two letters.)
        [b'a' | b'e' | b's', _] => after_to() && toks[i - 1].span.len() == 2,
        _ => false,
    };
    may_be && no_comment_at(text, toks, i)
}

/// [`is_no_comment`] for a word it did not pass over.
#[inline(never)]
fn no_comment_at(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    // Each word it looks for is told by its first letter.
    let lead = |k: usize| {
        text.as_bytes()
            .get(toks[k].span.start)
            .map_or(0, |b| b | 0x20)
    };
    // "declined to comment": the refusal, and the verb refused.
    let refused = |k: usize| {
        low_is(
            text,
            &toks[k],
            &[
                "comment",
                "discuss",
                "respond",
                "elaborate",
                "answer",
                "say",
                "speculate",
            ],
        )
    };
    let declined = |k: usize| {
        matches!(lead(k), b'd' | b'r')
            && (begins_with(text, &toks[k], "declin") || begins_with(text, &toks[k], "refus"))
            && toks.get(k + 1).is_some_and(|n| low_is(text, n, &["to"]))
    };
    // A word that begins with no c, d or r can only be the verb refused, after "to" (which
    // `declined` reads).
    if !matches!(lead(i), b'c' | b'd' | b'r') {
        return i >= 2 && refused(i) && declined(i - 2);
    }
    // ("did not return calls", never "were not returned to Afghanistan".)
    let answer = |k: usize| match lead(k) {
        b'c' => begins_with(text, &toks[k], "comment"),
        b'r' => {
            begins_with(text, &toks[k], "respond")
                || begins_with(text, &toks[k], "repl")
                || begins_with(text, &toks[k], "return")
                    && toks[k + 1..].iter().take(4).any(|n| {
                        n.is_word()
                            && [
                                "call", "message", "email", "e-mail", "request", "phone", "inquir",
                            ]
                            .iter()
                            .any(|w| begins_with(text, n, w))
                    })
        }
        _ => false,
    };
    if answer(i) && is_negated(text, toks, i) {
        return true;
    }
    // ("… did not respond to a request for comment": the request went unanswered.)
    if begins_with(text, t, "request") {
        return (i.saturating_sub(4)..i)
            .any(|k| toks[k].is_word() && answer(k) && is_negated(text, toks, k));
    }
    declined(i) && toks.get(i + 2).is_some() && refused(i + 2)
        || i >= 2 && refused(i) && declined(i - 2)
}

/// "“…,” Trump shot back.", "“…,” Hannity pressed.": a sentence that opens with a quotation
/// set off by a comma and goes on with only a subject and a verb that is no cue (a particle
/// and a phrase after a preposition at most) tells how its subject spoke the quotation. So
/// does one that opens with a question or an exclamation, which takes no comma ("“…?” Trump
/// went on"; the sentence split keeps such a verb with the quotation). The
/// subject's token range and the verb's index; `None` when the verb takes an object ("“The
/// Apprentice” star Trump earned millions") or the quotation ends its own sentence ("“….”
/// Rubio fired back at Christie", where the lines run together).
fn verb_after_opening_quote(text: &str, toks: &[Tok]) -> Option<((usize, usize), usize)> {
    let quote = toks.first()?;
    if !matches!(quote.kind, TokKind::Quote(_)) {
        return None;
    }
    let comma_after = toks.get(1)?.kind == TokKind::Comma;
    let comma_inside = quote
        .span
        .of(text)
        .trim_end_matches(['”', '"', '’', '\''])
        .ends_with([',', '?', '!']);
    if !comma_after && !comma_inside {
        return None;
    }
    let k = if comma_after { 2 } else { 1 };
    let (a, b) = subject_right(text, toks, k).filter(|&(a, _)| a == k)?;
    let verb = toks.get(b)?;
    if !verb.is_word()
        || verb.lex.is_cue()
        || verb.lex.is(Class::PassiveAux)
        || !is_lowercase_verb(text, verb)
    {
        return None;
    }
    let mut end = b + 1;
    if toks
        .get(end)
        .is_some_and(|t| t.is_word() && low_is(text, t, &["back", "on", "up", "in", "out"]))
    {
        end += 1;
    }
    toks.get(end)
        .is_none_or(|t| !t.is_word() || t.lex.is(Class::FunctionWord))
        .then_some(((a, b), b))
}

/// The name that labels a quotation after a colon ("- Carl Bialik: “…”", "doesn't surprise
/// Republican pollster Daron Shaw: “…”"): a person's name ending right at the colon `colon`,
/// not the object of a preposition or a cue ("in an interview with CNN: “…”", "telling CNBC:
/// “…”").
fn colon_label(
    text: &str,
    toks: &[Tok],
    colon: usize,
    gazetteer: &Gazetteer,
) -> Option<(usize, usize)> {
    // "Rep. Jane Roe (R-S.C.): “…”": a short parenthesis (a party-and-state tag) may stand
    // between the name and the colon.
    let name_end = if colon > 0 && toks[colon - 1].kind == TokKind::CloseParen {
        let floor = colon.saturating_sub(8);
        floor
            + toks[floor..colon - 1]
                .iter()
                .rposition(|t| t.kind == TokKind::OpenParen)?
    } else {
        colon
    };
    let (a, b) = np_left(text, toks, name_end)?;
    let last = &toks[b - 1];
    let object = a > 0
        && toks[a - 1].is_word()
        && (toks[a - 1].lex.is(Class::FunctionWord) || toks[a - 1].lex.is_cue());
    (b == name_end
        && !object
        && last.is_capitalized(text)
        && !last.lex.is(Class::FunctionWord)
        && matches!(
            classify(text, toks, a, b, None, gazetteer),
            Some(Subject::Name { .. })
        ))
    .then_some((a, b))
}

/// Who speaks a quotation that no cue verb introduces: the subject of the sentence that holds
/// it, when one stands before it ("The museum issued a report charging the group with
/// “genocide”", "Toomey refused, responding that he's “not going to …”"). A partial quotation
/// is its sentence subject's words far more often than anyone else's. Resolved against
/// what came before the sentence, so call it before the sentence's own attributions.
pub fn quote_subject(
    text: &str,
    toks: &[Tok],
    gazetteer: &Gazetteer,
    resolver: &mut Resolver,
) -> Option<Speaker> {
    let q = toks
        .iter()
        .position(|t| matches!(t.kind, TokKind::Quote(_)))?;
    let (a, b) = words_possessor(text, toks, q).or_else(|| sentence_subject(text, toks, q))?;
    resolver.resolve_phrase(text, toks, (a, b), None, gazetteer, false)
}

/// "Bush's Facebook post: “…”", "in Forbes' words, “…”", "Roe's response was: “…”": a
/// quotation that a name's words, post or reply introduces is that name's. The token range
/// of the name, its possessive ending included, before the quotation at `q`.
fn words_possessor(text: &str, toks: &[Tok], q: usize) -> Option<(usize, usize)> {
    let mut k = q.checked_sub(1)?;
    if !matches!(toks[k].kind, TokKind::Comma | TokKind::Colon) {
        return None;
    }
    // ("Clinton was, in the words of a senior adviser, “the torchbearer”": the phrase after
    // "the words of" is whose they are.)
    if let Some((a, b)) = np_left(text, toks, k).filter(|&(a, b)| {
        b == k
            && a >= 2
            && low_is(text, &toks[a - 1], &["of"])
            && low_is(text, &toks[a - 2], &["words"])
    }) {
        return Some((a, b));
    }
    if k > 0 && toks[k - 1].is_word() && low_is(text, &toks[k - 1], &["was", "is"]) {
        k -= 1;
    }
    let noun = k.checked_sub(1)?;
    if !toks[noun].is_word()
        || !low_is(
            text,
            &toks[noun],
            &[
                "words",
                "response",
                "reply",
                "answer",
                "post",
                "tweet",
                "statement",
                "message",
                "dictum",
                "verdict",
            ],
        )
    {
        return None;
    }
    // One capitalised word may name the medium ("Facebook post").
    let mut p = noun.checked_sub(1)?;
    let capitalized_word =
        |t: &Tok| t.is_word() && t.is_capitalized(text) && !t.lex.is(Class::FunctionWord);
    if !is_possessive(toks[p].span.of(text)) && capitalized_word(&toks[p]) {
        p = p.checked_sub(1)?;
    }
    if !capitalized_word(&toks[p]) || !is_possessive(toks[p].span.of(text)) {
        return None;
    }
    let mut a = p;
    while a > 0 && p - a < 3 && capitalized_word(&toks[a - 1]) {
        a -= 1;
    }
    Some((a, p + 1))
}

/// The person a paragraph of its own names after a dash ("- Bernie Sanders.", "—Jane Roe,
/// Philadelphia."): the byline papers put under a quotation that stands alone in the
/// paragraph before. `toks` are the paragraph's first sentence.
pub fn dash_label(
    text: &str,
    toks: &[Tok],
    gazetteer: &Gazetteer,
    resolver: &mut Resolver,
) -> Option<Speaker> {
    if toks.first()?.kind != TokKind::Dash {
        return None;
    }
    let (a, b) = subject_right(text, toks, 1).filter(|&(a, _)| a == 1)?;
    // The name is all the label holds, but for a place or a note set off by a comma.
    if toks
        .get(b)
        .is_some_and(|t| !matches!(t.kind, TokKind::Comma | TokKind::Stop))
    {
        return None;
    }
    let name @ Subject::Name { .. } = classify(text, toks, a, b, None, gazetteer)? else {
        return None;
    };
    let speaker = resolver.resolve(text, &name)?;
    resolver.remember(&speaker);
    Some(speaker)
}

/// Remembers the people a sentence names as a subject before token `cue` (the first cue
/// verb), so that a later "he said" points back to them even when they were not quoted ("Cruz
/// played down the idea. “…,” he said."). A full name that opens with a first name is noted
/// wherever it stands ("the debate between Hillary Clinton and Bernie Sanders"), so that the
/// surname alone later reads as that person ("Sanders wasn't impressed.").
pub fn note_subjects(
    text: &str,
    toks: &[Tok],
    cue: usize,
    gazetteer: &Gazetteer,
    resolver: &mut Resolver,
) {
    // A capitalised word that is no function word opens a run: the words before one are
    // passed over in one tight scan, as most words of a sentence are.
    let starts_name = |t: &Tok| {
        t.is_word()
            && !t.lex.is(Class::FunctionWord)
            && t.is_capitalized(text)
            && !is_sentence_adverb(text, t)
    };
    // "When Trump suggested that …, Rubio fired back": after an opening subordinate clause
    // whose verb is the first cue, the name that opens the main clause is its subject too.
    let main_clause = toks
        .first()
        // (Every clause opener is a function word: most first words are passed over unnormalised.)
        .filter(|t| t.lex.is(Class::FunctionWord) && lexicon::opens_clause(&low(text, t)))
        .and_then(|_| {
            toks.get(cue..)?
                .iter()
                .take(WINDOW)
                .position(|t| t.kind == TokKind::Comma)
                .map(|c| cue + c + 1)
        })
        .unwrap_or(usize::MAX);
    // Where the words after an opening weekday start, if one opens the sentence: a name
    // there opens its clause.
    let day = opening_day(text, toks);
    let mut k = 0;
    loop {
        k += toks[k..].iter().take_while(|t| !starts_name(t)).count();
        if k >= toks.len() {
            break;
        }
        let a = k;
        while k < toks.len()
            && toks[k].is_word()
            && ((!toks[k].lex.is(Class::FunctionWord) && toks[k].is_capitalized(text))
                || is_name_particle(toks[k].span.of(text)))
        {
            k += 1;
            if toks[k - 1].ends_possessive(text) {
                break;
            }
        }
        let b = k;
        // A person is introduced by a first name, a title or role before the name ("veteran
        // staffer Colleen Deacon"), or a description set off after it ("Colleen Deacon, a
        // 38-year-old staffer").
        let role = |t: &Tok| t.is_word() && (t.lex.is(Class::Title) || t.lex.is(Class::PersonRole));
        // ("US President Barack Obama": the name follows the last role the run holds before
        // its last word, which is a surname even when it spells a title: "Charlie King".)
        let na = toks[a..b - 1]
            .iter()
            .rposition(&role)
            .map_or(a, |r| a + r + 1);
        let first_name = toks
            .get(na)
            .is_some_and(|t| t.lex.is(Class::MaleName) || t.lex.is(Class::FemaleName));
        let introduced = first_name
            || na > a
            || (a > 0 && role(&toks[a - 1]))
            || (toks.get(b).is_some_and(|t| t.kind == TokKind::Comma)
                && toks.get(b + 1).is_some_and(|t| t.lex.is(Class::Determiner)));
        let mut first_mention = false;
        // (Four capitalised words and more are a headline's run, not a name.) A surname
        // already known keeps its person: "Ivanka Trump" mentioned does not make "Trump" her.
        if introduced
            && (2..=3).contains(&(b - na))
            && !toks[na..b].iter().any(|t| t.lex.is(Class::OrgNoun))
        {
            let last = strip_possessive(toks[b - 1].span.of(text));
            let name = &text[toks[na].span.start..toks[b - 1].span.start + last.len()];
            if !resolver.expands(last)
                && resolver.person(last).is_none()
                && (first_name || gazetteer.first_in(name).is_none())
            {
                // "Boko Haram leader Abubakar Shekau made the announcement": the role
                // before the name, with the names and roles before it ("kidnapped American
                // journalist"), ties them to its party, as a subject's words do.
                let party = (a > 0 && role(&toks[a - 1]))
                    .then(|| {
                        let from = (a.saturating_sub(5)..a - 1)
                            .rev()
                            .take_while(|&k| {
                                role(&toks[k]) || is_capitalized(toks[k].span.of(text))
                            })
                            .last()
                            .unwrap_or(a - 1);
                        gazetteer.tied_in(&text[toks[from].span.start..toks[a - 1].span.end])
                    })
                    .flatten();
                resolver.note_person(name, party.map(str::to_string), None);
                first_mention = true;
            }
        }
        if a >= cue && a != main_clause {
            continue;
        }
        // A subject opens its clause: after a verb or a preposition a name is an object
        // ("results in John Kasich claiming", "terminating Trump contracts"), and after
        // "that" it stands in what someone argues ("making the case that Rubio isn't ready"),
        // not who the passage is about.
        let opens_clause = || {
            let opens = |k: usize| {
                k == 0
                    || !toks[k - 1].is_word()
                    || k == day
                    || leads_into_clause(text, &toks[k - 1])
            };
            if opens(a) {
                return true;
            }
            // "Foreign Ministry spokesman Lu Kang repeated", "CBS News' Jan Vos noticed": a
            // role before the name or a body's possessive heads the same subject, whose noun
            // phrase opens the clause. After a preposition or a verb it is an object even so
            // when the name is a possessive ("thoughts on front-runner Jan Vos's appeal").
            let role = toks[a - 1].lex.is(Class::PersonRole) || toks[a - 1].lex.is(Class::Title);
            let body = toks[a - 1].is_capitalized(text) && toks[a - 1].ends_possessive(text);
            let possessive = toks[b - 1].ends_possessive(text);
            (role || body) && {
                // (Past the phrase's capitalised words, roles and one determiner: "The
                // party's chairman Jan Vos".)
                let head = |t: &&Tok| {
                    t.is_word()
                        && ((t.is_capitalized(text)
                            && !t.lex.is(Class::FunctionWord)
                            && !is_sentence_adverb(text, t))
                            || t.lex.is(Class::PersonRole)
                            || t.lex.is(Class::OrgNoun)
                            || t.lex.is(Class::Title))
                };
                let mut s = a - toks[a.saturating_sub(WINDOW / 4)..a]
                    .iter()
                    .rev()
                    .take_while(head)
                    .count();
                if s > 0 && toks[s - 1].lex.is(Class::Determiner) {
                    s -= 1;
                }
                (role && !possessive) || opens(s)
            }
        };
        // What follows the name, past a parenthesis ("Rep. Brad Sherman (D-Calif.) joked",
        // "Maricopa County (Ariz.) Sheriff") and an intensifying pronoun ("Clinton herself
        // signaled").
        let mut after = b;
        if toks
            .get(after)
            .is_some_and(|t| t.kind == TokKind::OpenParen)
            && let Some(close) = toks[after..]
                .iter()
                .take(8)
                .position(|t| t.kind == TokKind::CloseParen)
        {
            after += close + 1;
        }
        // "Rep. Jane Roe of Ohio, the party chair, said": past the place or body the name
        // is "of".
        if toks
            .get(after)
            .is_some_and(|t| t.is_word() && low_is(text, t, &["of"]))
        {
            let place = toks[after + 1..]
                .iter()
                .take(4)
                .take_while(|t| {
                    t.is_word() && t.is_capitalized(text) && !t.lex.is(Class::FunctionWord)
                })
                .count();
            if place > 0 {
                after += 1 + place;
            }
        }
        if toks.get(after).is_some_and(|t| {
            t.is_word() && low_is(text, t, &["himself", "herself", "itself", "themselves"])
        }) {
            after += 1;
        }
        after = past_weekday(text, toks, after);
        let before_verb = toks
            .get(after)
            .is_some_and(|t| t.is_word() && !t.is_capitalized(text) && verb_like(text, t))
            && opens_clause();
        // "Dottie Deans, the chairwoman of …, is supporting": a sentence-opening name with an
        // appositive, set off by commas or dashes, is its subject too.
        // So is one that ends the sentence's opening noun phrase ("Obama consultant Cornell
        // Belcher, the pollster, picked up"; "And Clinton campaign Chairman John Podesta —
        // Bill Clinton's former chief of staff — offered"), after a word opening the clause
        // ("Meanwhile Rihanna, who was honored, spoke"; "As Jane Roe, a law professor, put
        // it").
        let opens_with_appositive = a <= WINDOW / 4
            && toks
                .get(after)
                .is_some_and(|t| matches!(t.kind, TokKind::Comma | TokKind::Dash))
            && toks[..a].iter().enumerate().all(|(k, t)| {
                np_word(text, t)
                    || (k == 0 && t.is_word() && lexicon::opens_clause(low(text, t).as_str()))
                    // ("Recently, Herman Cain, the pizza maven …, was asked", "First, Ellen
                    // Kullman, DuPont's longtime chief executive, was shown the door": past an
                    // opening adverb and its comma.)
                    || (a == 2
                        && leads_into_clause(text, &toks[0])
                        && (k == 0 || t.kind == TokKind::Comma))
            });
        // "Kazakhstan's foreign minister, Erlan Idrissov, plays down concerns": so is a name
        // set off by commas after the sentence's opening description, a role its head.
        let described_before = (2..=7).contains(&a)
            && toks[a - 1].kind == TokKind::Comma
            && toks[a - 2].is_word()
            && toks[a - 2].lex.is(Class::PersonRole)
            && toks[..a - 1].iter().all(Tok::is_word)
            && (toks[0].lex.is(Class::Determiner) || toks[0].is_capitalized(text))
            && toks.get(after).is_some_and(|t| t.kind == TokKind::Comma)
            && toks
                .get(after + 1)
                .is_some_and(|t| is_lowercase_verb(text, t));
        // "… came from student Deja Stewart, who forced me …": a person the text first names
        // and at once describes in a relative clause is who the passage turns to, wherever
        // the name stands.
        let introduced_with_relative = first_mention
            && toks
                .get(after)
                .is_some_and(|t| matches!(t.kind, TokKind::Comma | TokKind::Dash))
            && toks
                .get(after + 1)
                .is_some_and(|t| t.is_word() && low_is(text, t, &["who"]));
        // "To Florida consultant Jane Roe, the party line is silly": the person a sentence
        // opens on with "To" holds the view it states and is who the passage turns to.
        let holds_the_view = a <= WINDOW / 4
            && toks[0].is_word()
            && low_is(text, &toks[0], &["to"])
            && toks[1..a].iter().all(Tok::is_word)
            && toks.get(after).is_some_and(|t| t.kind == TokKind::Comma);
        // "Trump's attempt to stay calm did not last": a person whose possessive opens a
        // sentence is who it is about, unless someone in it speaks ("Trump's claims may be
        // strategic, said Jane Roe": what the speaker is talking about, not who).
        let opens_possessive = a == 0
            && cue == toks.len()
            && is_possessive(toks[b - 1].span.of(text))
            && toks
                .get(b)
                .is_some_and(|t| t.is_word() && !is_capitalized(t.span.of(text)));
        if !before_verb
            && !opens_with_appositive
            && !described_before
            && !introduced_with_relative
            && !holds_the_view
            && !opens_possessive
        {
            continue;
        }
        // "Mr. Obama made": a courtesy title, which is no name word, still heads the name.
        let a = if a > 0 && toks[a - 1].is_word() && toks[a - 1].lex.is(Class::Title) {
            a - 1
        } else {
            a
        };
        let run = &toks[a..b];
        let titled = run.iter().any(|t| t.lex.is(Class::Title));
        let names = run.iter().filter(|t| !t.lex.is(Class::Title)).count();
        let run_text = &text[run[0].span.start..run[run.len() - 1].span.end];
        // A party's name inside the run makes it a body ("Islamic State"), unless a first
        // name opens it ("Mark Cuban").
        let first_name = run[0].lex.is(Class::MaleName) || run[0].lex.is(Class::FemaleName);
        if (!first_name && gazetteer.first_in(run_text).is_some())
            || run.iter().any(|t| t.lex.is(Class::OrgNoun))
        {
            continue;
        }
        let last = strip_possessive(run[run.len() - 1].span.of(text));
        let known = resolver.expands(last) || resolver.person(last).is_some();
        // "Rihanna, who was honored, spoke": "who" says a lone name is a person's.
        let who_follows = toks
            .get(after)
            .is_some_and(|t| matches!(t.kind, TokKind::Comma | TokKind::Dash))
            && toks
                .get(after + 1)
                .is_some_and(|t| t.is_word() && low_is(text, t, &["who"]));
        if names == 0 || !(titled || names >= 2 || known || who_follows) {
            continue;
        }
        if let Some(s) = resolver.resolve_phrase(text, toks, (a, b), None, gazetteer, true) {
            resolver.remember(&s);
        }
    }
}

/// "The Holocaust Museum issued a statement", "Clinton's campaign sent out an email": notes
/// who issued which document, for [`Resolver::issuer_of`] (which forgets it
/// [`ISSUED_REACH`] sentences on).
pub fn note_issuer(text: &str, toks: &[Tok], gazetteer: &Gazetteer, resolver: &mut Resolver) {
    // Found from the article: "a" and "an" are rare among words, and only then is the word
    // before (or before "out") compared with the verbs, in tests inlined here. (Comparing
    // every word cost an eighth of all extraction.) The lexicon's determiner bit and the
    // length come first, in one tight scan: they pass over almost every other word.
    let window = &toks[..toks.len().min(WINDOW + 2)];
    let other = |t: &&Tok| !t.lex.is(Class::Determiner) || !matches!(t.span.len(), 1 | 2);
    let mut next = 1;
    loop {
        let k = next
            + window
                .get(next..)
                .map_or(0, |rest| rest.iter().take_while(other).count());
        if k >= window.len() {
            return;
        }
        next = k + 1;
        let article = toks[k].span.of(text).as_bytes();
        if !(article[0] | 0x20 == b'a' && article.get(1).is_none_or(|&n| n | 0x20 == b'n')) {
            continue;
        }
        let i = if k >= 2 && toks[k - 1].is_word() && low_is(text, &toks[k - 1], &["out"]) {
            k - 2
        } else {
            k - 1
        };
        let issued = i < WINDOW && toks[i].is_word() && low_is(text, &toks[i], ISSUING_VERBS);
        // (Most articles open no document at all: the words after one are normalised only
        // when a verb of issuing precedes it or "from" follows.)
        if !issued
            && !toks[k + 1..]
                .iter()
                .take(6)
                .any(|t| t.span.len() == 4 && t.span.of(text).eq_ignore_ascii_case("from"))
        {
            continue;
        }
        // ("a framed, handwritten note": commas may set its modifiers apart.)
        let Some((at, noun)) = toks[k + 1..]
            .iter()
            .take(5)
            .take_while(|t| t.is_word() || t.kind == TokKind::Comma)
            .enumerate()
            .filter(|(_, t)| t.is_word())
            .map(|(at, t)| (at, low(text, t)))
            .find(|(_, w)| DOCUMENT_NOUNS.contains(&w.as_str()))
        else {
            continue;
        };
        // "a handwritten note from Donald J. Trump", "a statement from the ministry": the
        // document names its issuer itself, whatever the sentence's verb.
        let from = k + at + 3;
        // ("Days after its report was issued, the Holocaust Museum issued a statement": the
        // subject right before the verb, before the sentence's opening one.)
        let issuer = if issued {
            subject_left(text, toks, i, None)
                .map(|(found, _)| found)
                .or_else(|| sentence_subject(text, toks, i))
        } else if toks
            .get(from - 1)
            .is_some_and(|t| t.is_word() && low_is(text, t, &["from"]))
        {
            subject_right(text, toks, from)
        } else {
            continue;
        };
        if let Some((a, b)) = issuer
            && let Some(issuer) =
                resolver.resolve_phrase(text, toks, (a, b), None, gazetteer, false)
            && issuer.kind != SpeakerKind::Generic
        {
            resolver.issued = Some(Recalled {
                speaker: issuer,
                head: noun,
                sentence: resolver.sentence,
            });
        }
        return;
    }
}

/// True when the word `t` begins with `prefix` (lowercase ASCII), in any case: a test on
/// its bytes, without building its lowercase form.
fn begins_with(text: &str, t: &Tok, prefix: &str) -> bool {
    text.as_bytes()[t.span.start..t.span.end]
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// "al", "bin", "de", "van", "von": lowercase words inside a name ("Hafez al Assad").
fn is_name_particle(w: &str) -> bool {
    // Every one begins with one of these letters: most words need no normalising.
    matches!(
        w.as_bytes().first().map(|b| b | 0x20),
        Some(b'a' | b'b' | b'd' | b'v')
    ) && norm_is_one_of(w, &["al", "bin", "de", "van", "von"])
}

/// "The Kremlin was quick to reject", "the ministry moved to deny", "he went on to say": a
/// verb or adjective that takes the cue as its infinitive stands, with the form of *be*
/// before it, between the subject and the cue; without skipping it the subject was lost
/// and the denial had no one to make it. Returns where the subject's verb group ends
/// (`i` itself when no such phrase precedes the cue at `i`).
fn catenative_left(text: &str, toks: &[Tok], i: usize) -> usize {
    let word = |k: usize| toks[k].is_word().then(|| low(text, &toks[k]));
    if i < 2 || word(i - 1).is_none_or(|w| w.as_str() != "to") {
        return i;
    }
    let Some(head) = word(i - 2) else {
        return i;
    };
    let mut k = i - 2;
    match head.as_str() {
        "quick" | "quicker" | "swift" | "fast" | "keen" | "eager" | "careful" | "forced"
        | "moved" | "rushed" | "hastened" | "sought" | "tried" | "attempted" | "continued"
        | "continues" | "appeared" | "appears" | "seemed" | "seems" | "wanted" | "wants" => {}
        "on" if k >= 1 && word(k - 1).is_some_and(|w| matches!(w.as_str(), "went" | "goes")) => {
            k -= 1;
        }
        _ => return i,
    }
    // ("was also quick to": adverbs may stand either side of the form of *be*.)
    k = skip_aux_left(text, toks, k);
    if k >= 1
        && word(k - 1)
            .is_some_and(|w| matches!(w.as_str(), "is" | "was" | "were" | "are" | "been" | "be"))
    {
        k -= 1;
    }
    k
}

/// Skips adverbs and auxiliaries leftwards from `i` (exclusive); returns the new index.
fn skip_aux_left(text: &str, toks: &[Tok], mut i: usize) -> usize {
    let floor = i.saturating_sub(6);
    while i > floor && toks[i - 1].is_word() {
        let before = &toks[i - 1];
        // (The lexicon's classes first: they decide most words without reading the text.)
        let skipped = before.lex.is(Class::AuxOrAdverb) || before.lex.is(Class::Weekday) || {
            let raw = before.span.of(text);
            let is = |word: &str| raw.eq_ignore_ascii_case(word);
            let time = is("on") && i < toks.len() && toks[i].lex.is(Class::Weekday);
            // "Cruz himself said": an intensifying pronoun stands between subject and verb.
            let intensifier = is("himself") || is("herself") || is("themselves") || is("itself");
            // A listed auxiliary or adverb needs no normalising; only a word in -ly might be
            // an adverb the lexicon does not list.
            let in_ly = || {
                let bare = strip_possessive(raw).as_bytes();
                bare.len() > 4 && bare[bare.len() - 2..].eq_ignore_ascii_case(b"ly")
            };
            // "The garrison didn’t deny": a negated auxiliary, as "did not" is skipped.
            is("not")
                || is("never")
                || time
                || intensifier
                || negated_auxiliary(raw)
                || (in_ly() && is_adverb_here(text, before, &low(text, before)))
        };
        if !skipped {
            break;
        }
        i -= 1;
    }
    i
}

/// [`lexicon::is_verb_like`] for a word token: the lexicon's classes decide most words; the
/// word is normalised only when its ending (-ly, -ed, -s) may make it a verb.
fn verb_like(text: &str, t: &Tok) -> bool {
    let lex = t.lex;
    if lex.is_cue()
        || lex.is(Class::AuxOrAdverb)
        || lex.is(Class::PassiveAux)
        || lex.is(Class::IrregularVerb)
    {
        return true;
    }
    let raw = t.span.of(text);
    // (A plain word has no apostrophe, so no possessive ending nor "n't", and its normal
    // form is read from its bytes: see [`Lex::is_plain`]. The rules ask this of the word
    // after every name.)
    let plain = lex.is_plain();
    let bare = if plain { raw } else { strip_possessive(raw) }.as_bytes();
    let ends = |suffix: &[u8]| {
        bare.len() >= suffix.len() && bare[bare.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    // "Ayotte isn't interested", "Weaver didn’t seem": a negated auxiliary.
    if !plain && negated_auxiliary(raw) {
        return true;
    }
    (ends(b"ly") || ends(b"ed") || ends(b"s")) && lexicon::is_verb_like(&t.norm(text), lex)
}

/// A word that is verb-like only for its -s ending ("senators", "economists"): no class of
/// the lexicon makes it a verb, an auxiliary or an adverb, and it ends in no -ed or -ly.
fn is_plural_form(text: &str, t: &Tok) -> bool {
    let w = strip_possessive(t.span.of(text));
    let lex = t.lex;
    w.ends_with('s')
        && !w.ends_with("ss")
        && !lex.is_cue()
        && !lex.is(Class::AuxOrAdverb)
        && !lex.is(Class::PassiveAux)
        && !lex.is(Class::IrregularVerb)
}

/// A word a clause's subject may follow: a conjunction or linking adverb that opens a clause
/// ("When Rubio …", "Meanwhile Rihanna …", see [`lexicon::opens_clause`]), or an auxiliary or
/// adverb ("Recently, Herman Cain …").
fn leads_into_clause(text: &str, t: &Tok) -> bool {
    let word = low(text, t);
    lexicon::opens_clause(&word) || lexicon::is_aux_or_adverb(&word, t.lex)
}

/// An auxiliary or adverb as it stands in the text: a capitalised word in -ly is a name
/// ("Kelly said", "said Donnelly"), not an adverb, unless the lexicon lists it.
/// Takes the token and its lowercased form.
fn is_adverb_here(text: &str, t: &Tok, low: &str) -> bool {
    lexicon::is_aux_or_adverb(low, t.lex)
        && (t.lex.is(Class::AuxOrAdverb) || !t.is_capitalized(text))
}

/// "is said to", "were denied": a participle after a form of *be* has no speaker.
fn is_passive(text: &str, toks: &[Tok], i: usize) -> bool {
    if toks[i].span.of(text).ends_with("ing") {
        return false; // "is saying" is progressive, not passive
    }
    after_passive_aux(toks, skip_aux_left(text, toks, i))
}

/// True when a form of *be* stands right before the verb group that begins at token `j`
/// (see [`skip_aux_left`]).
fn after_passive_aux(toks: &[Tok], j: usize) -> bool {
    j > 0 && toks[j - 1].is_word() && toks[j - 1].lex.is(Class::PassiveAux)
}

/// "a group blamed for the riots", "the shell believed to have caused the damage", "Roe,
/// thought to be …": a participle right after a noun (or its comma) that takes "for"/"of"
/// or "to be"/"to have" instead of an object is a passive with its *be* left out. Its
/// subject is the one blamed or believed about, never the one who blames or believes; taken
/// for a speaker it credited the noun (or whoever it pointed back to) with a claim.
fn reduced_passive(text: &str, toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word());
    let after_noun = i >= 1
        && (matches!(toks[i - 1].kind, TokKind::Comma)
            || word(i - 1).is_some_and(|t| {
                t.lex.pronoun().is_none()
                    && !t.lex.is(Class::AuxOrAdverb)
                    && !t.lex.is(Class::PassiveAux)
                    && !t.lex.is(Class::FunctionWord)
            }));
    // ("what many people believed to be a campaign killer": the people believe.)
    let object_moved = toks[i.saturating_sub(4)..i]
        .iter()
        .any(|t| t.is_word() && low_is(text, t, &["what", "whom"]));
    if !after_noun
        || object_moved
        || !toks[i].span.of(text).ends_with("ed") && !low_is(text, &toks[i], &["thought", "said"])
    {
        return false;
    }
    let Some(next) = word(i + 1) else {
        return false;
    };
    // "blamed for", "accused of": these verbs take their object first when active.
    let charged = low_is(text, next, &["for", "of"])
        && [
            "blam", "accus", "critici", "prais", "condemn", "slamm", "fault",
        ]
        .iter()
        .any(|p| begins_with(text, &toks[i], p));
    // "believed to be", "said to have": verbs that take no infinitive when active.
    let raised = low_is(text, next, &["to"])
        && word(i + 2).is_some_and(|t| low_is(text, t, &["be", "have"]))
        && [
            "believ", "thought", "said", "report", "alleg", "consider", "rumo", "suspect",
        ]
        .iter()
        .any(|p| begins_with(text, &toks[i], p));
    charged || raised
}

/// "Russia had reasons to reject it", "the agency has reports of", "doctors have admitting
/// privileges": after a form of "have" or a modal a verb is a participle or bare ("has
/// said", "would say"), so a cue word in -s there is a plural noun and one in -ing a
/// modifier; taken for a verb it made the subject of "had" a speaker.
fn follows_have_or_modal(text: &str, toks: &[Tok], i: usize) -> bool {
    let w = toks[i].span.of(text);
    i >= 1
        && toks[i - 1].is_word()
        && ((w.ends_with('s') && !w.ends_with("ss")) || w.ends_with("ing"))
        // (Written in lowercase: "Will believes" names George Will.)
        && matches!(
            toks[i - 1].span.of(text),
            "have" | "has" | "had" | "having" | "can" | "could" | "will" | "would" | "may"
                | "might" | "must" | "should" | "shall"
        )
}

/// "the Ukrainian claim", "a U.S. report": a cue word that is a noun here.
fn used_as_noun(text: &str, toks: &[Tok], i: usize) -> bool {
    if follows_have_or_modal(text, toks, i) {
        return true;
    }
    if !toks[i].lex.is(Class::NounCapable) {
        return false;
    }
    let word_at = |k: usize| toks[k].is_word().then(|| toks[k].span.of(text));
    let determiner = |k: usize| toks[k].is_word() && toks[k].lex.is(Class::Determiner);
    // ("Francis' remarks": a plural possessive's apostrophe stands outside its word.)
    let right_before = i >= 1
        && (determiner(i - 1) || (toks[i - 1].is_word() && toks[i - 1].ends_possessive(text)));
    // "the Ukrainian claim": a determiner, then one modifier; but "The ad claims “…”", with
    // a lowercase subject, has the quotation as its object, which only a verb takes (after a
    // capitalised modifier the quotation is a title: "the TV show “Shark Tank”").
    let one_before = i >= 2
        && word_at(i - 1).is_some_and(|w| {
            is_capitalized(w)
                || !toks
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.kind, TokKind::Quote(_)))
        })
        && determiner(i - 2);
    right_before || one_before
}

/// "Sanders' call for “revolution”", "Trump's claim that “…”": the name whose possessive
/// stands right before the cue word at `i`, a noun there, when a quotation follows within
/// a few words. Its range, possessive included.
fn possessor_of_words(text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    if i == 0 || !toks[i].lex.is(Class::NounCapable) {
        return None;
    }
    let owner = &toks[i - 1];
    if !owner.is_word() || !owner.is_capitalized(text) || !owner.ends_possessive(text) {
        return None;
    }
    // ("Trump's remarks as “hurtful”", "called ISIS's claim “a trick”": a quotation right
    // after the noun, or after "as", is what someone else calls the words.)
    let linked = toks
        .get(i + 1)
        .is_some_and(|t| t.is_word() && low_is(text, t, &["for", "that", "of", "to", "about"]));
    let quoted = linked
        && toks[i + 2..]
            .iter()
            .take(2)
            .take_while(|t| t.is_word() || matches!(t.kind, TokKind::Quote(_)))
            .any(|t| matches!(t.kind, TokKind::Quote(_)));
    let (a, b) = np_left(text, toks, i)?;
    (quoted && b == i && is_name_like(text, &toks[a..b])).then_some((a, b))
}

/// "the leader's alleged relatives", "the reported attack": a past participle between a
/// possessive or a determiner and the noun it describes is an adjective, not a verb. Taken
/// for one, its "subject" (the leader) pointed back to whoever the sentence named and gave
/// them the leader's party.
fn used_as_adjective(text: &str, toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word());
    i >= 1
        && toks[i].span.of(text).ends_with("ed")
        && word(i - 1).is_some_and(|t| {
            // ("he's reported", "it's expected": a pronoun's 's is a verb. "they all
            // vowed", "some accused", "a clash that signaled": a quantifier standing for its
            // noun or a relative pronoun stands before a verb.)
            t.lex.is(Class::Determiner)
                && !low_is(
                    text,
                    t,
                    &[
                        "all", "both", "each", "some", "many", "most", "few", "several", "that",
                    ],
                )
                || (is_possessive(t.span.of(text))
                    && t.lex.pronoun().is_none()
                    && !t.lex.is(Class::FunctionWord))
        })
        && word(i + 1).is_some()
}

/// "did not deny", "has never denied", "didn't dismiss": a verb of denial under negation
/// denies nothing. What the sentence reports is the subject's stance, a claim at most.
pub fn is_negated(text: &str, toks: &[Tok], i: usize) -> bool {
    // (The auxiliaries and adverbs before the cue hold the negation: see [`skip_aux_left`].)
    holds_negation(text, &toks[skip_aux_left(text, toks, i)..i])
}

/// True when the auxiliaries and adverbs `group` before a verb negate it ("not", "never",
/// "didn't").
fn holds_negation(text: &str, group: &[Tok]) -> bool {
    group.iter().any(|t| {
        let w = t.span.of(text);
        w.eq_ignore_ascii_case("not") || w.eq_ignore_ascii_case("never") || negated_auxiliary(w)
    })
}

/// "called for a ceasefire", "calls on the rebels to": a demand is speech of its own, not a
/// verb that only names a quotation. ("called on Monday" is no demand.)
pub fn calls_for(text: &str, toks: &[Tok], i: usize) -> bool {
    begins_with(text, &toks[i], "call")
        && toks.get(i + 1).is_some_and(|t| {
            low_is(text, t, &["for", "upon"])
                || low_is(text, t, &["on"])
                    && toks
                        .get(i + 2)
                        .is_some_and(|n| n.is_word() && !n.lex.is(Class::Weekday))
        })
}

/// A cue word that reports no statement where it stands: a noun or an adjective there
/// ("the Ukrainian claim", "the reported attack"), "neither confirmed nor denied", speech
/// reported as not made, or a verb in a sense that reports nothing ("showed up", "the
/// video shows"). The attributed and the unattributed path both ask this one question, so
/// a reading learnt for one holds for the other.
pub fn says_nothing(text: &str, toks: &[Tok], i: usize) -> bool {
    says_nothing_after(text, toks, i, None)
}

/// [`says_nothing`], given where the verb group before the cue begins ([`skip_aux_left`])
/// when the caller found it already: the attributed path finds it once for every rule that
/// asks about a cue.
fn says_nothing_after(text: &str, toks: &[Tok], i: usize, aux: Option<usize>) -> bool {
    used_as_noun(text, toks, i)
        || used_as_adjective(text, toks, i)
        || toks[i]
            .lex
            .cue()
            .is_some_and(|cue| is_non_denial(text, toks, i, cue))
        || is_unsaid(text, toks, i, aux)
        || shows_nothing(text, toks, i)
}

/// "Ebola showed up in the city": to show up is to arrive, no finding of the subject's.
/// And "the video shows the militant …", "footage showed the moment …": a picture shows
/// what it depicts, which is no one's claim, unless it "shows that" something is so (a
/// poll or a study that shows a lead states a finding, with or without "that").
fn shows_nothing(text: &str, toks: &[Tok], i: usize) -> bool {
    if !begins_with(text, &toks[i], "show") {
        return false;
    }
    let next = toks.get(i + 1).filter(|t| t.is_word());
    if next.is_some_and(|t| low_is(text, t, &["up"])) {
        return true;
    }
    let finding = toks[i + 1..]
        .iter()
        .take(3)
        .take_while(|t| t.is_word())
        .any(|t| low_is(text, t, &["that"]));
    let depicted_by = toks[..i]
        .iter()
        .rev()
        .take(3)
        .take_while(|t| t.is_word())
        .find(|t| !t.lex.is(Class::AuxOrAdverb))
        .is_some_and(|t| low_is(text, t, PICTURES));
    !finding && depicted_by
}

/// Things that show by depicting: what they "show" is what is in them.
const PICTURES: &[&str] = &[
    "video",
    "videos",
    "footage",
    "photo",
    "photos",
    "photograph",
    "photographs",
    "image",
    "images",
    "picture",
    "pictures",
    "clip",
    "clips",
    "film",
    "recording",
    "screenshot",
];

/// "did not say", "has not confirmed", "never claimed": speech or an accusation reported as
/// not made is no statement of the subject's. (A negated denial is a stance, and a negated
/// stance, "does not believe", still holds a view: see [`is_negated`].)
fn is_unsaid(text: &str, toks: &[Tok], i: usize, aux: Option<usize>) -> bool {
    matches!(
        toks[i].lex.cue(),
        Some(Cue::Speech | Cue::Accuse | Cue::QuoteOnly)
    ) && {
        // (As [`is_negated`] reads it.)
        let aux = aux.unwrap_or_else(|| skip_aux_left(text, toks, i));
        holds_negation(text, &toks[aux..i])
    }
}

/// "didn't", "won’t": an auxiliary with its negation.
fn negated_auxiliary(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n’t")
}

/// "his requests were denied", "it can't be denied": a verb of denial in the passive names
/// no one who denies, so it is no statement at all. One whose agent follows ("the reports
/// were dismissed as “unfounded” by the ministry") still denies, though no subject is found.
pub fn is_passive_denial(text: &str, toks: &[Tok], i: usize) -> bool {
    toks[i].lex.cue() == Some(Cue::Deny)
        && is_passive(text, toks, i)
        && !toks[i + 1..toks.len().min(i + 8)]
            .iter()
            .any(|t| t.is_word() && t.span.of(text).eq_ignore_ascii_case("by"))
}

/// "… than the group Hezbollah, which also took captives, said Bruce Riedel, a former CIA
/// official.": a cue after a relative clause set off by commas, with a name after it that
/// ends the sentence (alone or with its description), is inverted. The noun the relative
/// clause hangs on is part of what was said; taken for the subject it credited Hezbollah.
/// ("Hezbollah, which took captives, said Israel broke the truce" goes on past the name:
/// there the subject stands before the cue.)
fn named_after_relative(text: &str, toks: &[Tok], i: usize) -> bool {
    // ("…, who …, told Mashable": a name after "told" is who was told.)
    if i == 0
        || toks[i - 1].kind != TokKind::Comma
        || low_is(text, &toks[i], &["told", "tell", "tells"])
    {
        return false;
    }
    let floor = i.saturating_sub(WINDOW / 2);
    let relative = (floor + 1..i - 1)
        .rev()
        .any(|k| toks[k - 1].kind == TokKind::Comma && low_is(text, &toks[k], &["which", "who"]));
    let ends_sentence = |k: usize| toks.get(k).is_none_or(|t| t.kind == TokKind::Stop);
    relative
        && subject_right(text, toks, i + 1).is_some_and(|(a, b)| {
            is_name_like(text, &toks[a..b])
                && (ends_sentence(b)
                    || appositive_after(toks, b).is_some_and(|(_, end)| ends_sentence(end)))
        })
}

/// "The reports were denied by the ministry", "Earlier claims … have now been refuted by
/// Iraq": a claim denied in the passive, with its denier after "by". Returns the agent's
/// token range and the token where the clause (the claim's noun phrase) begins. Only a
/// claim, report, rumour or allegation is denied this way: "the proposal was rejected by
/// voters" and "he was dismissed by the president" are refusals and firings.
fn passive_denial_agent(text: &str, toks: &[Tok], i: usize) -> Option<((usize, usize), usize)> {
    if toks[i].lex.cue() != Some(Cue::Deny) || !is_passive(text, toks, i) {
        return None;
    }
    let by = (i + 1..toks.len().min(i + 14))
        .take_while(|&k| toks[k].kind != TokKind::Stop)
        .find(|&k| toks[k].is_word() && toks[k].span.of(text).eq_ignore_ascii_case("by"))?;
    let aux = skip_aux_left(text, toks, i).checked_sub(1)?;
    // (Within reach only: a run of such passives in one endless sentence stays linear.)
    let floor = aux.saturating_sub(WINDOW);
    let clause = (floor..aux)
        .rev()
        .find(|&k| {
            toks[k].kind == TokKind::Stop
                || k > 0
                    && toks[k - 1].kind == TokKind::Comma
                    && low_is(text, &toks[k], &["but", "while"])
        })
        .map_or(floor, |k| k + 1);
    let names_a_claim = toks[clause..aux]
        .iter()
        .any(|t| t.is_word() && lexicon::is_claim_noun(t.span.of(text)));
    if !names_a_claim {
        return None;
    }
    Some((subject_right(text, toks, by + 1)?, clause))
}

/// "neither confirmed nor denied", "would not confirm or deny": no denial at all.
fn is_non_denial(text: &str, toks: &[Tok], i: usize, cue: Cue) -> bool {
    // Either verb of the pair can be the cue: "neither denied nor confirmed".
    let other = match cue {
        Cue::Deny => "confirm",
        Cue::Speech if begins_with(text, &toks[i], "confirm") => "den",
        _ => return false,
    };
    let lo = i.saturating_sub(4);
    let hi = (i + 4).min(toks.len());
    toks[lo..hi]
        .iter()
        .any(|t| t.is_word() && begins_with(text, t, other))
}

/// "al-Hashimi was quoted as saying", "Roe was heard telling aides": a passive of quoting or
/// hearing hands the words its participle reports to its own subject, who spoke them. The
/// index of the form of *be* (the subject ends right before it), for the participle at `i`.
fn heard_saying(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let mut k = i.checked_sub(1)?;
    if toks[k].is_word() && low_is(text, &toks[k], &["as"]) {
        k = k.checked_sub(1)?;
    }
    let heard = &toks[k];
    if !heard.is_word()
        || !low_is(
            text,
            heard,
            &[
                "quoted",
                "heard",
                "overheard",
                "recorded",
                "caught",
                "filmed",
                "cited",
            ],
        )
    {
        return None;
    }
    let aux = skip_aux_left(text, toks, k).checked_sub(1)?;
    (toks[aux].is_word() && toks[aux].lex.is(Class::PassiveAux)).then_some(aux)
}

/// "with Donald Trump tweeting that…", "footage of Trump saying…": a participle whose own
/// subject stands right before it, after "with" or "of" (an absolute or a depictive
/// construction), speaks for that subject, not for the subject of the main clause.
fn absolute_subject(text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    if let Some(found) = quoted_as(text, toks, i) {
        return Some(found);
    }
    let end = skip_aux_left(text, toks, i);
    let (a, b) = np_left(text, toks, end)?;
    let opener = |k: usize| toks[k].is_word() && low_is(text, &toks[k], &["with", "of"]);
    // "Ryan saying he was “very encouraged” and Trump calling it a “great meeting”": a second
    // absolute clause joined after the first one's words.
    let joined = |k: usize| {
        k > 0
            && toks[k].is_word()
            && low_is(text, &toks[k], &["and"])
            && matches!(toks[k - 1].kind, TokKind::Quote(_) | TokKind::Comma)
            && is_name_like(text, &toks[a..b])
    };
    (b == end && a > 0 && (opener(a - 1) || joined(a - 1))).then_some((a, b))
}

/// "AFP reported Shekau as saying", "the paper quoted the minister as denying": the one
/// a reporting verb passes the words on from is the speaker of the participle after "as".
/// Returns that person's token range, for the participle at `i`.
fn quoted_as(text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    if i < 3 || !toks[i - 1].span.of(text).eq_ignore_ascii_case("as") {
        return None;
    }
    let (a, b) = np_left(text, toks, i - 1)?;
    (b == i - 1 && a >= 1 && toks[a - 1].is_word() && toks[a - 1].lex.is_cue()).then_some((a, b))
}

/// True when the cue at `i` only relays someone else's words: "AFP **reported** Shekau as
/// saying". The participle after "as" makes the statement, spoken by its object.
fn relays(text: &str, toks: &[Tok], i: usize) -> bool {
    // (Bytes and bits first: in "said said said …" every word is a cue.)
    (i + 3..toks.len().min(i + 3 + WINDOW / 3)).any(|k| {
        toks[k].lex.is_cue()
            && toks[k].is_word()
            && toks[k].span.of(text).as_bytes().ends_with(b"ing")
            && quoted_as(text, toks, k).is_some_and(|(a, _)| a == i + 1)
    })
}

/// "… and again denied": the cue continues a coordinated predicate.
fn coordinated(text: &str, toks: &[Tok], i: usize) -> bool {
    let j = skip_aux_left(text, toks, i);
    j > 0 && toks[j - 1].is_word() && low_is(text, &toks[j - 1], &["and", "but"])
}

/// True for a word that can be part of a speaker's noun phrase.
///
/// Read on the token's first byte and its lexicon bits, the word itself only for an
/// ordinal: the subject rules ask this of every word of a phrase they collect.
fn np_word(text: &str, t: &Tok) -> bool {
    if !t.is_word() {
        return false;
    }
    let lex = t.lex;
    if lex.is(Class::Determiner)
        || (text
            .as_bytes()
            .get(t.span.start)
            .is_some_and(u8::is_ascii_digit)
            && is_ordinal(&t.norm(text)))
    {
        return true;
    }
    if t.is_capitalized(text) {
        return (!lex.is(Class::FunctionWord) || lex.is(Class::Title))
            && !is_sentence_adverb(text, t);
    }
    lex.is(Class::PersonRole)
        || lex.is(Class::OrgNoun)
        || lex.is(Class::Title)
        || lex.is(Class::NounPhraseWord)
}

/// The subject phrase ending right before the cue at `i`, as a token range, with the
/// appositive that describes it ("Smith, a spokesman for X, said"; "Clinton's campaign
/// chairman, John Podesta, said").
type Subj = ((usize, usize), Option<(usize, usize)>);

///
/// `aux` is where the verb group before `i` begins ([`skip_aux_left`]), when the caller
/// found it already.
fn subject_left(text: &str, toks: &[Tok], i: usize, aux: Option<usize>) -> Option<Subj> {
    let verb = catenative_left(text, toks, i);
    let mut end = match aux {
        Some(aux) if verb == i => aux,
        _ => skip_aux_left(text, toks, verb),
    };
    if let Some(found) = familiar_source(text, toks, end) {
        return Some((found, None));
    }
    if let Some(found) = opening_name(text, toks, end) {
        return Some(found);
    }
    // "A collective known as “Raqqa Is Being Slaughtered Silently” said": a quotation a
    // naming word introduces is the subject's name, not words it said; the subject is the
    // phrase before the naming words.
    // ("as" names only after "known": "as “…” said" is no naming.)
    if end >= 3 && matches!(toks[end - 1].kind, TokKind::Quote(_)) {
        let naming = toks[end - 2].span.of(text);
        let before = if naming.eq_ignore_ascii_case("as") {
            low_is(text, &toks[end - 3], &["known"]).then_some(end - 3)
        } else {
            super::names_words(naming).then_some(end - 2)
        };
        if let Some(found) = before
            .and_then(|k| np_left(text, toks, k).or_else(|| common_noun_phrase(text, toks, k)))
        {
            // ("Marcel Lehel, the hacker known as “Guccifer,” stated": the phrase describes
            // the name set off before it.)
            return Some(
                name_before_description(text, toks, found, false).unwrap_or((found, None)),
            );
        }
    }
    if let Some(found) = subject_before_relative(text, toks, end) {
        return Some(name_before_description(text, toks, found, false).unwrap_or((found, None)));
    }
    let mut appositive = None;
    for _ in 0..3 {
        if end == 0 {
            return None;
        }
        match toks[end - 1].kind {
            TokKind::Word => break,
            TokKind::CloseParen => {
                let floor = end.saturating_sub(WINDOW);
                let open = floor
                    + toks[floor..end - 1]
                        .iter()
                        .rposition(|t| t.kind == TokKind::OpenParen)?;
                if end - open > 12 {
                    return None;
                }
                end = open;
            }
            // "Gingrich — named as a likely running mate — told Fox": a description set off by
            // dashes stands between the subject and its verb, as one set off by commas does;
            // without it the verb would look inverted and take its object for the speaker.
            // ("--" typed for a dash is two tokens: a run of dashes is one mark.)
            TokKind::Dash => {
                let close = dash_run_start(toks, end - 1);
                let floor = close.saturating_sub(WINDOW);
                let open_end = floor
                    + toks[floor..close]
                        .iter()
                        .rposition(|t| t.kind == TokKind::Dash)?;
                let open = dash_run_start(toks, open_end);
                if open == 0 || !toks[open - 1].is_word() || open_end + 1 == close {
                    return None;
                }
                if let Some(found) = name_between_dashes(text, toks, (open, open_end), close) {
                    return Some(found);
                }
                appositive = Some((open_end + 1, close));
                end = open;
            }
            TokKind::Quote(_) => {
                let comma = aside_closed_in_quotation(text, toks, end)?;
                appositive = Some((comma + 1, end));
                end = comma;
            }
            // "Gov. John Kasich (R-OH), said": a stray comma after a party-and-state tag sets
            // nothing off; the tag and the name before it are the subject.
            TokKind::Comma if end >= 2 && toks[end - 2].kind == TokKind::CloseParen => {
                end -= 1;
            }
            TokKind::Comma => {
                let floor = end.saturating_sub(WINDOW);
                let open = toks[floor..end - 1]
                    .iter()
                    .rposition(|t| !is_appositive_inner(t))
                    .map(|k| floor + k);
                if open.is_none() && floor > 0 {
                    return None;
                }
                let open_ok = open.is_some_and(|o| toks[o].kind == TokKind::Comma);
                let from = open.map_or(0, |o| o + 1);
                let inner = &toks[from..end - 1];
                if inner.is_empty() || inner.len() > 24 || !inner[0].is_word() {
                    return None;
                }
                let o = open.unwrap_or(0);
                // "Ryan Roe of Lehi, Utah, told", "a woman in Worcester, Massachusetts,
                // told": one word set off after a place is the place's state, and the
                // phrase before it the subject.
                if open_ok
                    && inner.len() == 1
                    && is_name_like(text, inner)
                    && place_before(text, toks, o)
                {
                    end = o;
                    continue;
                }
                if open_ok && is_name_like(text, inner) {
                    // The name sits between the commas; what precedes is its description.
                    let desc = np_left(text, toks, o).map(|(a, _)| (a, o));
                    return Some(((from, end - 1), desc));
                }
                let first = low(text, &inner[0]);
                let appositive_like = lexicon::is_determiner(&first)
                    || matches!(
                        first.as_str(),
                        "at" | "of" | "from" | "with" | "now" | "then"
                    )
                    // "The mayor, however, said", "Critics, for their part, say": an aside
                    // a sentence adverb or a preposition opens.
                    || matches!(
                        first.as_str(),
                        "however"
                            | "meanwhile"
                            | "though"
                            | "too"
                            | "also"
                            | "instead"
                            | "likewise"
                            | "in"
                            | "for"
                            | "by"
                            | "on"
                    )
                    || first.chars().all(|c| c.is_ascii_digit())
                    || is_party_state_tag(inner[0].span.of(text))
                    || first == "who"
                    || first == "which"
                    || inner.iter().any(|t| {
                        t.is_word() && (t.lex.is(Class::PersonRole) || t.lex.is(Class::Title))
                    });
                if !appositive_like || !open_ok {
                    return None;
                }
                appositive = Some((from, end - 1));
                end = open.unwrap_or(0);
            }
            _ => return None,
        }
    }
    if end == 0 || !toks[end - 1].is_word() {
        return None;
    }
    let left = np_left(text, toks, end).map(|found| placed_subject(text, toks, found));
    if let Some(found) =
        left.and_then(|found| name_before_description(text, toks, found, appositive.is_some()))
    {
        return Some(found);
    }
    // A lone pronoun.
    if toks[end - 1].lex.pronoun().is_some() {
        let before_ok = end == 1
            || !toks[end - 2].is_word()
            || !low_is(text, &toks[end - 2], &["that", "if", "whether"]);
        return before_ok.then_some(((end - 1, end), appositive));
    }
    // "a friend said", "one commenter wrote": a determined phrase whose head the lexicon
    // does not know is still who spoke.
    let found = left
        .or_else(|| common_noun_phrase(text, toks, end))
        .or_else(|| role_of_unknown_body(text, toks, end))
        .or_else(|| placed_phrase(text, toks, end))
        .or_else(|| name_before_placed(text, toks, end))?;
    let found = possessor_left(text, toks, found);
    // "A former hostage held by ISIS said", "a report released by the ministry said": the
    // phrase right before the verb is a passive's agent, not the speaker; the subject is the
    // noun phrase before the participle, or unknown when that has no head we recognise.
    // After another preposition ("Footage uploaded to YouTube claimed", "A statement
    // attributed to the Islamic State group claimed") the place is part of the subject,
    // which the participle's phrase heads: the place may still say whom it speaks for.
    let a = found.0;
    if a >= 3
        && let Some(agent) = participle_then(text, toks, a - 2)
    {
        let before = np_left(text, toks, a - 2).or_else(|| determined_phrase(toks, a - 2));
        return before.map(|(start, end)| {
            let subject = if agent {
                (start, end)
            } else {
                (start, found.1)
            };
            (subject, appositive)
        });
    }
    Some((found, appositive))
}

/// "In a September Washington Post-ABC News poll, 75 percent of Republicans said", "a fresh
/// CNN-ORC poll shows …: Six in 10 Republicans said": when the subject at token `a` is a
/// group that a share opens, the group was counted, and the poll that counted it, named
/// earlier in the sentence, is the source an analyst weighs. The poll's phrase, from its
/// determiner; `None` with no share or no poll.
fn polled_share(text: &str, toks: &[Tok], a: usize) -> Option<(usize, usize)> {
    // Past a modifier or two of the group ("25 percent of likely Republican voters").
    let floor = a.saturating_sub(2);
    let group_start = (floor..a)
        .rev()
        .take_while(|&k| {
            toks[k].is_word()
                && toks[k]
                    .span
                    .of(text)
                    .bytes()
                    .all(|b| b.is_ascii_lowercase())
                && !low_is(text, &toks[k], &["of", "in"])
        })
        .last()
        .unwrap_or(a);
    let share = group_start.checked_sub(2)?;
    let (before, joint) = (&toks[share], &toks[share + 1]);
    let counted = before.is_word()
        && joint.is_word()
        && ((low_is(text, joint, &["of"])
            && (low_is(text, before, &["percent", "majority", "plurality", "half"])
                // ("31% of": the sign is no part of the word.)
                || text[before.span.end..].starts_with('%')))
            // "Six in 10 Republicans", "one in five voters"
            || (low_is(text, before, &["in"])
                && share >= 1
                && toks[share - 1].is_word()
                && joint.span.of(text).bytes().all(|b| b.is_ascii_alphanumeric())));
    if !counted {
        return None;
    }
    let poll = (share.saturating_sub(WINDOW)..share)
        .rev()
        .find(|&k| toks[k].is_word() && low_is(text, &toks[k], &["poll", "survey"]))?;
    let opens = (poll.saturating_sub(8)..poll)
        .rev()
        .take_while(|&k| toks[k].is_word())
        .find(|&k| toks[k].lex.is(Class::Determiner))?;
    Some((opens, poll + 1))
}

/// "A source familiar with the ad says", "people close to Clinton say", "Two people briefed on
/// the talks said": an unnamed source known by whom it is close to or what it knows of. The
/// source's own phrase (the one the text names stays out of it: "people close to Clinton"
/// are not Clinton), before the phrase that says so, which runs to the verb at `end`.
fn familiar_source(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let floor = end.saturating_sub(14);
    let k = (floor..end)
        .rev()
        .take_while(|&k| toks[k].is_word())
        .find(|&k| {
            let next = |forms: &[&str]| toks.get(k + 1).is_some_and(|t| low_is(text, t, forms));
            let t = &toks[k];
            // (Every cue asks this of the words before it: a word's length and first byte
            // pass over almost all of them unread.)
            match (t.span.len(), text.as_bytes()[t.span.start] | 0x20) {
                (8, b'f') => low_is(text, t, &["familiar"]) && next(&["with"]),
                (5, b'c') => low_is(text, t, &["close"]) && next(&["to"]),
                (7, b'b') => low_is(text, t, &["briefed"]) && next(&["on"]),
                (4, b'w') => low_is(text, t, &["with"]) && next(&["knowledge"]),
                _ => false,
            }
        })
        .filter(|&k| k > 0 && !toks[k + 1..end].iter().any(|t| t.lex.is_cue()))?;
    // (The lexicon's roles hold "source", "people", "official" and "aide".)
    let head = &toks[k - 1];
    if !head.is_word() || !(head.lex.is(Class::PersonRole) || low_is(text, head, &["person"])) {
        return None;
    }
    // "A source", "Two people", "Another source", "25 people", "people": a determiner (the
    // lexicon's hold "two", "several", "some" …) or a number at most before the head, opening
    // the clause.
    let mut a = k - 1;
    if a > 0
        && toks[a - 1].is_word()
        && (toks[a - 1].lex.is(Class::Determiner)
            || toks[a - 1]
                .span
                .of(text)
                .bytes()
                .all(|b| b.is_ascii_digit()))
    {
        a -= 1;
    }
    let opens =
        a == 0 || !toks[a - 1].is_word() || lexicon::opens_clause(low(text, &toks[a - 1]).as_str());
    opens.then_some((a, k))
}

/// "A former party chairman -- Tom Banks, who lost in 2008 -- said": a description, then
/// the name set off by dashes (alone, or before a comma opening more about them). The name
/// is who spoke and the description says who they are, as with a name set off by commas
/// after a description. `open` is the opening dash run (first and last token), `close` the
/// closing one's first token. `None` when the phrase before the dashes is a name itself
/// ("Gingrich -- Trump's pick -- told") or the aside opens with anything but a name.
fn name_between_dashes(
    text: &str,
    toks: &[Tok],
    (open, open_end): (usize, usize),
    close: usize,
) -> Option<Subj> {
    let from = open_end + 1;
    let run = from
        + toks[from..close]
            .iter()
            .take_while(|t| t.is_word() && !is_possessive(t.span.of(text)))
            .count();
    let closes_name = run == close || toks[run].kind == TokKind::Comma;
    if run == from || !closes_name || !is_name_like(text, &toks[from..run]) {
        return None;
    }
    let (a, b) = np_left(text, toks, open)?;
    (b == open && !is_name_like(text, &toks[a..b])).then_some(((from, run), Some((a, b))))
}

/// The first of the run of dash tokens that ends at token `k` (itself a dash): "--", the
/// typewriter's dash, is two tokens but one mark.
fn dash_run_start(toks: &[Tok], mut k: usize) -> usize {
    while k > 0 && toks[k - 1].kind == TokKind::Dash {
        k -= 1;
    }
    k
}

/// "Mr. Manafort, citing “the unique magic of Trump,” said", "Noah Oppenheim, the executive
/// in charge of ''Today,'' reminded": a participle's phrase, or a description of the name
/// before it, set off by a comma and closed by the comma inside the quotation that ends it,
/// stands between a subject and its verb, as a description set off by commas does. The
/// opening comma's index when the tokens before `end` end so.
fn aside_closed_in_quotation(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    if !ends_on_comma(text, &toks[end - 1]) {
        return None;
    }
    let floor = end.saturating_sub(WINDOW / 2);
    let comma = (floor..end - 1).rev().find(|&k| !toks[k].is_word())?;
    (toks[comma].kind == TokKind::Comma && comma + 1 < end - 1 && {
        let w = toks[comma + 1].span.of(text);
        let describes_name = comma > 0
            && toks[comma + 1].lex.is(Class::Determiner)
            && toks[comma - 1].is_word()
            && toks[comma - 1].is_capitalized(text);
        !is_capitalized(w) && (w.ends_with("ing") || describes_name)
    })
    .then_some(comma)
}

/// "Tom Fitton, the president of Judicial Watch, a group that…, said", "Sam Roe, the
/// party's spokesman said": a determined description `(a, b)` right after a comma describes
/// the name before the comma, and the name is the subject. So it is when a further
/// description was set off after this one (`described`), or when a full or titled name opens
/// the clause and only the comma closing the description was left out; a lone capitalised
/// word opening a sentence ("Yesterday, the senator said") is no name to take.
fn name_before_description(
    text: &str,
    toks: &[Tok],
    (a, b): (usize, usize),
    described: bool,
) -> Option<Subj> {
    // "Capt. Jan Roe, spokesman for the city police told": a description may run on past
    // "of", "at" or "for"; the phrase before them is where it begins.
    let mut a = a;
    while a >= 2 && low_is(text, &toks[a - 1], &["of", "at", "for"]) {
        match np_left(text, toks, a - 1) {
            Some((x, y)) if y == a - 1 && x < y => a = x,
            _ => break,
        }
    }
    if a < 2 || toks[a - 1].kind != TokKind::Comma {
        return None;
    }
    let determined = toks[a].lex.is(Class::Determiner);
    // A description opened by a role or a possessive ("Jan Roe, spokesman for …", "Jan
    // Roe, WHO's director …") with no comma closing it. Not a name ("Back then, Ms. Roe
    // said"), and not a group ("Mr. Obama, officials said, has …" sets the speakers off).
    let role = toks[a].is_word()
        && (is_possessive(toks[a].span.of(text)) || toks[a].lex.is(Class::PersonRole))
        && !is_name_like(text, &toks[a..b])
        && !toks[a..b]
            .iter()
            .any(|t| t.lex.is(Class::PersonRole) && is_plural_noun(low(text, t).as_str()));
    if !determined && !role {
        return None;
    }
    let (na, nb) = np_left(text, toks, a - 1)?;
    // ("Sen. Jane Roe of Ohio, the ranking member, who said": the name stops at its place.)
    let nb = na
        + toks[na..nb]
            .iter()
            .position(|t| low_is(text, t, &["of"]))
            .unwrap_or(nb - na);
    let name = &toks[na..nb];
    let opens_clause = na == 0 || !(toks[na - 1].is_word() || toks[na - 1].kind == TokKind::Comma);
    let full = name.len() >= 2 || name.iter().any(|t| t.lex.is(Class::Title));
    (is_name_like(text, name) && (described && determined || (opens_clause && full)))
        .then_some(((na, nb), Some((a, b))))
}

/// "A man who lived next door to the suspect for years said": the phrase that opens the
/// clause, with a relative clause set off by no comma between it and the verb at `end`.
fn subject_before_relative(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let floor = end.saturating_sub(WINDOW / 2);
    // (Words only: a comma or a quotation sets a clause off, and the paths for those apply;
    // a pronoun is the subject of a clause of its own: "who rose to fame when he yelled".)
    let words = |to: usize| {
        (floor..to).rev().take_while(|&k| {
            toks[k].is_word() && toks[k].lex.pronoun().is_none_or(|p| p == Pronoun::Relative)
        })
    };
    let mut who = words(end)
        .find(|&k| toks[k].span.of(text) == "who")
        .filter(|&k| k + 1 < end)?;
    // ("Another Muslim who worshiped here and who didn't want to be named said": the first of
    // two relative clauses joined by "and".)
    while who > 0 && low_is(text, &toks[who - 1], &["and"]) {
        match words(who - 1).find(|&k| toks[k].span.of(text) == "who") {
            Some(k) => who = k,
            None => break,
        }
    }
    let (a, b) = np_left(text, toks, who).or_else(|| common_noun_phrase(text, toks, who))?;
    let opens_clause =
        a == 0 || !toks[a - 1].is_word() || matches!(toks[a - 1].span.of(text), "and" | "but");
    (b == who && opens_clause).then_some((a, b))
}

/// A phrase widened to the name that owns it across a few modifiers the lexicon does not
/// list ("Hillary Clinton's right-hand woman", "Lazar's public defense counsel"): whose
/// aide or lawyer spoke is part of who spoke.
fn possessor_left(text: &str, toks: &[Tok], (a, b): (usize, usize)) -> (usize, usize) {
    let floor = a.saturating_sub(3);
    let mut k = a;
    while k > floor && {
        let t = &toks[k - 1];
        t.is_word()
            && !t.is_capitalized(text)
            && !t.lex.is(Class::FunctionWord)
            && !t.lex.is_cue()
            && t.lex.pronoun().is_none()
            && !verb_like(text, t)
    } {
        k -= 1;
    }
    let owner = k > 0 && k < a && {
        let t = &toks[k - 1];
        t.is_word() && t.is_capitalized(text) && is_possessive(t.span.of(text))
    };
    match owner.then(|| np_left(text, toks, k)).flatten() {
        Some((start, _)) => (start, b),
        None => (a, b),
    }
}

/// The words ending at `end` (exclusive) back to a determiner, a few at most ("a former
/// hostage"): a noun phrase whose head the lexicon does not know.
fn determined_phrase(toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let floor = end.saturating_sub(5);
    (floor..end)
        .rev()
        .take_while(|&k| toks[k].is_word())
        .find(|&k| toks[k].lex.is(Class::Determiner))
        .filter(|&k| k + 1 < end)
        .map(|k| (k, end))
}

/// The words ending at `end` (exclusive) back to a determiner that opens a clause ("a
/// friend", "another commenter", "the Christie supporter"): a plain noun phrase right before
/// a cue, a name among its modifiers at most.
fn common_noun_phrase(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let (a, b) = determined_phrase(toks, end)?;
    // The head right before the cue may be a plural ("the senators said", "several local
    // businesses said"): a verb cannot stand between a subject and its cue, so an -s word
    // there is a noun, where among the modifiers it would end the phrase.
    let plain = toks[a + 1..b].iter().enumerate().all(|(k, t)| {
        !t.lex.is(Class::FunctionWord)
            && t.lex.pronoun().is_none()
            && (t.is_capitalized(text)
                || !verb_like(text, t)
                || (a + 1 + k == b - 1
                    && (is_plural_form(text, t) || t.lex.is(Class::NounCapable))))
    }) && !toks[b - 1].is_capitalized(text);
    // ("which an FBI investigation said was": a relative pronoun opens the clause too.)
    let opens = a == 0 || !toks[a - 1].is_word() || low_is(text, &toks[a - 1], &["which", "whom"]);
    (plain && opens).then_some((a, b))
}

/// A plain determined phrase whose head the lexicon does not know, ending at `end`
/// (exclusive), with a preposition right before it: the phrase's range and the preposition.
fn phrase_after_preposition(
    text: &str,
    toks: &[Tok],
    end: usize,
) -> Option<((usize, usize), super::tokens::Norm)> {
    let (a, b) = determined_phrase(toks, end)?;
    let plain = toks[a + 1..b].iter().all(|t| {
        !t.lex.is(Class::FunctionWord) && t.lex.pronoun().is_none() && !verb_like(text, t)
    });
    (plain && a >= 2 && toks[a - 1].is_word()).then(|| ((a, b), low(text, &toks[a - 1])))
}

/// "A spokesman for the buyer", "an aide to the mayor": a role, then a preposition and a
/// determined phrase whose head the lexicon does not know, ending at `end` (exclusive). The
/// role speaks, and the body it serves says who it is.
fn role_of_unknown_body(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let ((a, b), preposition) = phrase_after_preposition(text, toks, end)?;
    if !matches!(preposition.as_str(), "for" | "to" | "of" | "at")
        || !toks[a - 2].lex.is(Class::PersonRole)
    {
        return None;
    }
    let (x, _) = np_left(text, toks, a - 1)?;
    Some((x, b))
}

/// "The man in the video", "a woman on the bus": a plain determined phrase placed by "in",
/// "on" or "inside" another, ending at `end` (exclusive), opening its clause. The whole is
/// who spoke; without it a denial such as "The man in the video denied …" had no actor.
fn placed_phrase(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let ((a, b), preposition) = phrase_after_preposition(text, toks, end)?;
    if !matches!(preposition.as_str(), "in" | "on" | "inside") {
        return None;
    }
    let (x, _) = common_noun_phrase(text, toks, a - 1)?;
    Some((x, b))
}

/// "Trump in his announcement speech called", "Clinton during a rally said": a name, then a
/// plain determined phrase placed by "in", "at", "on" or "during", ending at `end`
/// (exclusive), before the verb. The name speaks; the place says where.
fn name_before_placed(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let ((a, _), preposition) = phrase_after_preposition(text, toks, end)?;
    if !matches!(preposition.as_str(), "in" | "at" | "on" | "during") {
        return None;
    }
    let (x, y) = np_left(text, toks, a - 1)?;
    (y == a - 1 && is_name_like(text, &toks[x..y])).then_some((x, y))
}

/// "Sources in the Kurdish underground in Syria denied": a phrase right after "in", "from",
/// "inside" or "across" is a place inside the subject when plain words run back from the
/// preposition to the start of the clause; the whole run is the subject. Taken alone, the
/// place ("Syria") was who denied. `(a, b)` itself otherwise.
fn placed_subject(text: &str, toks: &[Tok], (a, b): (usize, usize)) -> (usize, usize) {
    if a < 2
        || !toks[a - 1].is_word()
        || !low_is(text, &toks[a - 1], &["in", "from", "inside", "across"])
    {
        return (a, b);
    }
    let floor = a.saturating_sub(WINDOW / 4);
    let mut k = a - 1;
    // (A capitalised word opening the run is a name or the sentence's first word, whatever
    // its ending; a conjunction joins clauses, not words of one subject.)
    while k > floor && {
        let t = &toks[k - 1];
        let w = t.span.of(text);
        t.is_word()
            && t.lex.pronoun().is_none()
            && !matches!(w, "and" | "And" | "but" | "But" | "or" | "Or")
            && (is_capitalized(w) || (!t.lex.is_cue() && !verb_like(text, t)))
    } {
        k -= 1;
    }
    let opens_clause = k == 0 || matches!(toks[k - 1].kind, TokKind::Comma | TokKind::Quote(_));
    if opens_clause && k + 1 < a - 1 {
        (k, b)
    } else {
        (a, b)
    }
}

/// A lowercase past participle ("held", "released", "taken") before "by".
fn is_participle(text: &str, t: &Tok) -> bool {
    let w = t.span.of(text);
    t.is_word()
        && !t.is_capitalized(text)
        && (t.lex.is(Class::IrregularVerb) || w.ends_with("ed") || w.ends_with("en"))
}

/// How a past participle at `k` goes on: `Some(true)` for a passive's agent ("held by
/// ISIS"), `Some(false)` for a place ("uploaded to YouTube", "attributed to the group",
/// "arrested in Paris"), `None` when `k` is no participle followed by either. The phrase
/// before it is what the participle describes.
fn participle_then(text: &str, toks: &[Tok], k: usize) -> Option<bool> {
    if !is_participle(text, toks.get(k)?) {
        return None;
    }
    match low(text, toks.get(k + 1)?).as_str() {
        "by" => Some(true),
        "to" | "on" | "in" | "from" | "at" => Some(false),
        _ => None,
    }
}

/// "Stuart Stevens, a Republican operative and Mitt Romney's chief strategist in 2012,
/// said", "Gov. John Kasich (R-OH), said": a sentence that opens with a name set off by a
/// comma, the verb right after the closing comma of however long a description. `end` is
/// the token after that comma.
fn opening_name(text: &str, toks: &[Tok], end: usize) -> Option<Subj> {
    // "“…,” Christy Feig, the agency's director of communications told": a description
    // whose closing comma the writer left out ends at the verb, if it holds a role.
    let closed = end >= 3 && toks[end - 1].kind == TokKind::Comma;
    if end < 3 || !(closed || toks[end - 1].is_word()) {
        return None;
    }
    let desc_end = if closed { end - 1 } else { end };
    // The quotation the sentence opens with comes before the name: "“…,” Mr. Daniloff, now
    // 81 and retired in Cambridge, Mass., said". So does one ending on a comma inside the
    // sentence: "The rules “will not fix it,” Ann Roe, a deputy secretary, said".
    let opening = toks
        .iter()
        .take(2)
        .take_while(|t| matches!(t.kind, TokKind::Quote(_) | TokKind::Comma))
        .count();
    // (Only quotations within reach are read: a cue in a long run of words asks this too.)
    let after_quotes = (end.saturating_sub(WINDOW).max(1)..end - 1).filter(|&k| {
        matches!(toks[k - 1].kind, TokKind::Quote(_)) && ends_on_comma(text, &toks[k - 1])
    });
    std::iter::once(opening)
        .chain(after_quotes)
        // (Left out, the comma is missed only after a quotation: "Ironically, the
        // spokesman said" opens with no name.)
        .filter(|&from| end - from <= WINDOW && (closed || from > 0))
        .find_map(|from| name_then_description(text, toks, from, desc_end))
        .filter(|&(_, description)| {
            // (Unclosed, it is words only: a comma or a cue inside means the verb is not
            // the description's own: "“…,” Kim, the head of NKIS said, The Diplomat reported".)
            closed
                || description.is_some_and(|(a, b)| {
                    let words = &toks[a..b];
                    words
                        .iter()
                        .any(|t| t.lex.is(Class::PersonRole) || t.lex.is(Class::Title))
                        && words.iter().all(|t| {
                            matches!(
                                t.kind,
                                TokKind::OpenParen | TokKind::CloseParen | TokKind::Quote(_)
                            ) || t.is_word() && !t.lex.is_cue()
                        })
                })
        })
}

/// True when a quotation token's words end on a comma ("“…,”").
pub fn ends_on_comma(text: &str, t: &Tok) -> bool {
    last_inside_marks(text, t) == Some(',')
}

/// True when a quotation token's words end their sentence inside its marks ("“…?”",
/// "“….”"): what follows starts a sentence of its own, whatever its case.
pub fn ends_on_stop(text: &str, t: &Tok) -> bool {
    matches!(last_inside_marks(text, t), Some('.' | '?' | '!' | '…'))
}

/// The last character of a quotation token's words, before its closing marks.
fn last_inside_marks(text: &str, t: &Tok) -> Option<char> {
    t.span
        .of(text)
        .trim_end_matches(['"', '”', '\'', ' '])
        .chars()
        .next_back()
}

/// [`opening_name`] for a clause that opens at token `from`: a name (a role before it at
/// most: "county delegate Tom Reed") set off by a comma, then a description that ends at
/// token `end` (its closing comma, or the verb when the writer left the comma out).
fn name_then_description(text: &str, toks: &[Tok], from: usize, end: usize) -> Option<Subj> {
    let run = from
        + toks[from..end]
            .iter()
            .take(8)
            .take_while(|t| t.is_word() && !is_possessive(t.span.of(text)))
            .count();
    let mut k = run;
    if toks[k].kind == TokKind::OpenParen {
        k += toks[k..end]
            .iter()
            .take(6)
            .position(|t| t.kind == TokKind::CloseParen)?
            + 1;
    }
    // "county delegate Tom Reed": the name is what follows the role the run holds.
    let name_from = toks[from..run]
        .iter()
        .rposition(|t| t.lex.is(Class::PersonRole) && !t.is_capitalized(text))
        .map_or(from, |r| from + r + 1);
    (run > name_from
        && k + 1 < end
        && toks[k].kind == TokKind::Comma
        && toks[from..name_from]
            .iter()
            .all(|t| !t.lex.is(Class::FunctionWord) && !t.lex.is_cue())
        && is_name_like(text, &toks[name_from..run]))
    .then_some(((from, run), Some((k + 1, end))))
}

/// The noun phrase that ends at token `end` (exclusive), collected leftwards.
fn np_left(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let mut start = end;
    let floor = end.saturating_sub(WINDOW / 3);
    let same_line = |k: usize| !line_break_between(text, &toks[k - 1], &toks[k]);
    while start > floor && np_word(text, &toks[start - 1]) && (start == end || same_line(start)) {
        let determiner = toks[start - 1].lex.is(Class::Determiner);
        start -= 1;
        let joins = |k: usize| {
            toks[k].is_word()
                && low_is(
                    text,
                    &toks[k],
                    &["for", "of", "at", "in", "from", "and", "on"],
                )
        };
        // "Monitors from the Organization for Security and Co-operation in Europe": keep going
        // over prepositions and "and" inside a name, and over the "and" joining two roles of
        // one speaker ("the party's front-runner and former senator").
        let is_role = |t: &Tok| t.lex.is(Class::PersonRole) || t.lex.is(Class::Title);
        if start >= 2
            && start > floor + 1
            && same_line(start)
            && joins(start - 1)
            && np_word(text, &toks[start - 2])
            && (determiner
                || toks[start].is_capitalized(text)
                || (low_is(text, &toks[start - 1], &["and"]) && is_role(&toks[start - 2])))
        {
            start -= 1;
            continue;
        }
        if determiner {
            break;
        }
    }
    // Trim leading prepositions; the phrase must hold a noun.
    while start < end && low_is(text, &toks[start], &["of", "for", "at"]) {
        start += 1;
    }
    let start = modified_role_start(text, toks, start, end);
    (start < end && has_head(text, &toks[start..end])).then_some((start, end))
}

/// "Jane Roe of Acme Corp., a company that …": the name a description opening at `a` is set
/// off after (the end of the phrase before the comma that holds a name).
fn name_described_after(text: &str, toks: &[Tok], a: usize) -> Option<(usize, usize)> {
    if a < 2 || toks[a - 1].kind != TokKind::Comma {
        return None;
    }
    let (x, y) = np_left(text, toks, a - 1).filter(|&(_, y)| y == a - 1)?;
    (x..y)
        .find(|&k| is_name_like(text, &toks[k..y]))
        .map(|k| (k, y))
}

/// True when a line ends between two tokens: a phrase never runs across one, since the line
/// before is a headline, a dateline or a byline ("… Over Zika Virus⏎Chris Christie said").
fn line_break_between(text: &str, before: &Tok, after: &Tok) -> bool {
    text.as_bytes()[before.span.end..after.span.start].contains(&b'\n')
}

/// Where a phrase headed by a role noun or title at `start` really begins: "the billionaire
/// business mogul", "the bespectacled, 71-year-old diplomat" put a few modifiers the phrase
/// cannot name between a determiner and the role noun. A capitalised one is an adjective
/// there too ("the Republican vice-presidential nominee", "the British capital's new
/// mayor"), and a title heads such a phrase as a role noun does ("the famously gruff
/// senator"): without its determiner the phrase would be a bare noun that names no one
/// instead of a description pointing back to the person. `start` itself when no determiner
/// stands a few words before.
fn modified_role_start(text: &str, toks: &[Tok], start: usize, end: usize) -> usize {
    if start >= end
        || toks[start].lex.is(Class::Determiner)
        || !(toks[start].lex.is(Class::PersonRole)
            || toks[start].lex.is(Class::OrgNoun)
            || toks[start].lex.is(Class::Title))
    {
        return start;
    }
    // A title before a name is part of the name ("Mr. Cooper", "President Obama"): what
    // stands before it and a comma is another phrase ("… lions of the Islamic State,
    // Mr. Cooper said"), where a role's modifiers may take one ("the bespectacled, 71-year-old
    // diplomat").
    let titles_a_name = toks[start].lex.is(Class::Title)
        && toks[start + 1..end]
            .first()
            .is_some_and(|t| t.is_word() && t.is_capitalized(text));
    // A comma parts two adjectives ("the bespectacled, 71-year-old diplomat"), not a whole
    // phrase from the next: after a name or a noun the phrase before the comma is complete
    // ("… the wife of the leader, security officials said"), and so it is when the role noun
    // follows the comma at once ("After the attack, police said": no modifier of it stands
    // after the comma, so none stands before).
    let adjective = |t: &Tok| {
        t.is_word()
            && !t.is_capitalized(text)
            && !t.lex.is(Class::PersonRole)
            && !t.lex.is(Class::OrgNoun)
            && !t.lex.is(Class::Title)
    };
    let floor = start.saturating_sub(4);
    let mut k = start;
    while k > floor && {
        let t = &toks[k - 1];
        (t.kind == TokKind::Comma
            && !titles_a_name
            && k < start
            && k >= 2
            && adjective(&toks[k - 2]))
            || (t.is_word()
                && (t.lex.is(Class::Determiner)
                    || (!t.lex.is(Class::FunctionWord)
                        && !t.lex.is_cue()
                        && t.lex.pronoun().is_none())))
    } {
        k -= 1;
        if toks[k].lex.is(Class::Determiner) {
            return k;
        }
    }
    // "Nuclear proliferation experts said", "Law enforcement sources have said": a clause
    // may open on the role noun's modifiers with no determiner at all; they still belong to
    // the phrase, which without them would be a bare "experts" naming no one in particular.
    let opens_clause = k == 0 || !(toks[k - 1].is_word() || toks[k - 1].kind == TokKind::Comma);
    if k < start
        && opens_clause
        && toks[k..start]
            .iter()
            .all(|t| t.is_word() && !verb_like(text, t))
    {
        return k;
    }
    start
}

/// "1st", "22nd": ordinals inside ranks ("Air Force 1st Lt. Tyler Livingston").
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// "R-Pa.", "D-Md": the party-and-state tag American papers put after a legislator's name.
fn is_party_state_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// True when tokens read as a name: capitalised words, titles and name particles only.
fn is_name_like(text: &str, toks: &[Tok]) -> bool {
    toks.iter().all(|t| {
        let w = t.span.of(text);
        t.is_word()
            && ((t.is_capitalized(text)
                && !t.lex.is(Class::FunctionWord)
                && !is_sentence_adverb(text, t))
                || t.lex.is(Class::Title)
                || matches!(
                    norm(w).as_str(),
                    "al" | "bin" | "de" | "van" | "von" | "abu"
                ))
    }) && toks
        .iter()
        .any(|t| t.is_capitalized(text) && !t.lex.is(Class::Title))
        // "Sanders's spokesman": a name ends in a name word, not a possessive's title.
        && !toks.split_last().is_some_and(|(last, rest)| {
            !last.is_capitalized(text)
                && rest.iter().any(|t| is_possessive(t.span.of(text)))
        })
}

/// True when a place ends right before token `end`: capitalised words (three at most)
/// after "of", "from" or "in" ("of Lehi", "from Kings Mill", "in Worcester").
fn place_before(text: &str, toks: &[Tok], end: usize) -> bool {
    let words = toks[..end]
        .iter()
        .rev()
        .take(3)
        .take_while(|t| t.is_word() && t.is_capitalized(text))
        .count();
    words > 0 && end > words && low_is(text, &toks[end - words - 1], &["of", "from", "in"])
}

/// "Similarly, Jane Roe said", "Interestingly Roe insists": a capitalised sentence adverb
/// opens the clause; it is no name nor part of one. An adverb is a word the lexicon lists
/// as one that ends in -ly, or one long enough with an adverb's ending ("-ately", "-ently",
/// "-ingly"…), which spares names like "Kelly", "Schlafly" and "Coulibaly"; a first name
/// the lexicon knows never is one. (Asked of capitalised words only.)
fn is_sentence_adverb(text: &str, t: &Tok) -> bool {
    let word = t.span.of(text).as_bytes();
    // ("@JustAlly" is a handle: a word with a capital inside is a name.)
    if word.len() < 5
        || !word[word.len() - 2..].eq_ignore_ascii_case(b"ly")
        || word[1..].iter().any(u8::is_ascii_uppercase)
        || t.lex.is(Class::MaleName)
        || t.lex.is(Class::FemaleName)
    {
        return false;
    }
    t.lex.is(Class::AuxOrAdverb)
        || (word.len() >= 7
            && [
                &b"ally"[..],
                b"ently",
                b"antly",
                b"ously",
                b"ately",
                b"ively",
                b"ingly",
                b"edly",
                b"arly",
                b"ctly",
                b"fully",
                b"ibly",
                b"ably",
            ]
            .iter()
            .any(|end| word[word.len() - end.len()..].eq_ignore_ascii_case(end)))
}

/// The subject of the sentence's main clause, for participles and coordinated verbs that
/// have none of their own ("Early on, Trump attacked Romney, calling him …"): the first
/// noun phrase or pronoun, before `before`, that a verb follows.
fn sentence_subject(text: &str, toks: &[Tok], before: usize) -> Option<(usize, usize)> {
    // ("Hours later, Trump thanked him": an adverb set off by a comma ends an opening
    // adverbial, whose noun is no subject.)
    let verb_after = |e: usize| {
        let e = past_weekday(text, toks, e);
        // ("Trump last week said", but "Late last month, the company wrote": the time
        // stands between a subject and its verb, or ends an opening adverbial.)
        let e = if toks
            .get(e)
            .is_some_and(|t| low_is(text, t, &["last", "next"]))
            && toks.get(e + 1).is_some_and(|t| {
                t.is_word() && (t.lex.is(Class::Weekday) || low_is(text, t, TIME_NOUNS))
            }) {
            e + 2
        } else {
            e
        };
        toks.get(e).is_some_and(|n| is_lowercase_verb(text, n))
            && !(toks[e].lex.is(Class::AuxOrAdverb)
                && toks.get(e + 1).is_some_and(|t| t.kind == TokKind::Comma))
    };
    let before = before.min(WINDOW);
    let mut k = 0;
    // "In a statement released Thursday, Rep. Jeffries reacted …", "Addressing the gala,
    // Trump described …": an opening prepositional, subordinate or participial clause holds
    // no subject.
    if let Some(first) = toks.first()
        && first.is_word()
        && ((first.lex.is(Class::FunctionWord)
            && first.lex.pronoun().is_none()
            && !first.lex.is(Class::Determiner))
            || opening_participle(text, toks)
            // ("Six months before he shot …, police Officer Darren Wilson earned": a span
            // of time counted opens an adverbial too.)
            || toks
                .get(1)
                .is_some_and(|t| t.is_word() && low_is(text, t, lexicon::SPANS_OF_TIME)))
        && let Some(comma) = toks[..before].iter().position(|t| t.kind == TokKind::Comma)
    {
        k = comma + 1;
    }
    // "On Thursday evening Hillary Clinton delivered …, painting": a weekday opening the
    // sentence with no comma after it ends there, not at a comma further on.
    let day = opening_day(text, toks);
    if day > 0 {
        k = day;
    }
    let clause_start = k;
    // Past an aside set off by a pair of dashes that starts at `k` (a bounded look ahead); a
    // dash right after the sentence's first word ends a dateline ("WASHINGTON — Sen. …").
    let past_aside = |k: usize| {
        (toks[k].kind == TokKind::Dash && k >= clause_start + 2)
            .then(|| {
                toks[k + 1..before]
                    .iter()
                    .take(WINDOW)
                    .position(|t| t.kind == TokKind::Dash)
            })
            .flatten()
            .map(|d| k + d + 2)
    };
    while k < before {
        if !toks[k].is_word() {
            // ("Politicizing the tragedy ― much like he did after Paris ― Trump cast the
            // blame …, and emphasized": an aside between dashes holds no subject of the
            // sentence.)
            k = past_aside(k).unwrap_or(k + 1);
            continue;
        }
        if matches!(toks[k].lex.pronoun(), Some(p) if p != Pronoun::Relative) {
            if verb_after(k + 1) {
                return Some((k, k + 1));
            }
            k += 1;
            continue;
        }
        let mut e = k;
        while e < before && np_word(text, &toks[e]) {
            e += 1;
        }
        // "Trump's statements": a possessive opens the object's phrase, not a subject.
        let possessive = e > k && is_possessive(toks[e - 1].span.of(text));
        // "Clinton: “…”": a name alone before a colon that opens a quotation.
        let labels_quote = k == 0
            && e > k
            && toks.get(e).is_some_and(|t| t.kind == TokKind::Colon)
            && toks
                .get(e + 1)
                .is_some_and(|t| matches!(t.kind, TokKind::Quote(_)))
            && is_name_like(text, &toks[k..e]);
        // "Mitch McConnell, R-Ky., delivered", "Washington, star of “Scandal,” thanked",
        // "Stuart Stevens, who served …, called": a name with a description set off by
        // commas, then its verb; "Trump's state director, Mike Rubino, reached out": a
        // description, then the name set off. A description with a verb of its own is a
        // clause ("Salem, New Hampshire, Trump went after Bush, calling").
        let appositive_subject = || {
            if e == k || toks.get(e).is_none_or(|t| t.kind != TokKind::Comma) {
                return None;
            }
            let relative = toks
                .get(e + 1)
                .is_some_and(|t| t.is_word() && t.lex.pronoun() == Some(Pronoun::Relative));
            // ("Chrabaszcz, who goes by “Vito,” was among": the comma inside a quotation's
            // closing mark closes a relative clause.)
            let closes_on_comma = |j: usize| {
                relative
                    && matches!(toks[j].kind, TokKind::Quote(_))
                    && ends_on_comma(text, &toks[j])
            };
            // An abbreviation's period stays inside ("R-Ky.,").
            let abbreviation = |k: usize| {
                toks[k].kind == TokKind::Stop
                    && toks[k].span.of(text) == "."
                    && toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Comma)
            };
            let (from, to) = (e + 1..toks.len())
                .take(16)
                .take_while(|&j| {
                    let t = &toks[j];
                    is_appositive_inner(t)
                        || matches!(t.kind, TokKind::Quote(_) | TokKind::Comma)
                        || abbreviation(j)
                })
                .find(|&j| toks[j].kind == TokKind::Comma || closes_on_comma(j))
                .map(|c| (e + 1, c))?;
            if from == to || !verb_after(to + 1) {
                return None;
            }
            let inner = &toks[from..to];
            if is_name_like(text, &toks[k..e])
                && (relative || !inner.iter().any(|t| is_lowercase_verb(text, t)))
            {
                Some((k, e))
            } else if k == clause_start && is_name_like(text, inner) {
                Some((from, to))
            } else {
                None
            }
        };
        if labels_quote {
            return Some((k, e));
        }
        if e > k && !possessive && has_head(text, &toks[k..e]) {
            // "Sen. Bernie Sanders (I-Vt.) visited": past a parenthesis.
            let past_paren = toks
                .get(e)
                .is_some_and(|t| t.kind == TokKind::OpenParen)
                .then(|| {
                    toks[e..]
                        .iter()
                        .take(8)
                        .position(|t| t.kind == TokKind::CloseParen)
                })
                .flatten()
                .is_some_and(|c| verb_after(e + c + 1));
            let found = if verb_after(e) || past_paren {
                Some((k, e))
            } else {
                appositive_subject()
            };
            if let Some((mut a, e)) = found {
                // "Quadrivium, a foundation that focuses on …": "that" after a noun opens a
                // relative clause, whose subject is the name the phrase describes (read
                // whole, the speaker was "a foundation that").
                if e >= a + 2
                    && low_is(text, &toks[e - 1], &["that"])
                    && !toks[e - 2].lex.is(Class::Determiner)
                    && let Some(name) = name_described_after(text, toks, a)
                {
                    return Some(name);
                }
                while a < e && low_is(text, &toks[a], &["of", "for", "at"]) {
                    a += 1;
                }
                let a = modified_role_start(text, toks, a, e).max(clause_start);
                // ("In response, Hillary Clinton's right-hand woman rallied supporters": whose
                // aide spoke is part of who spoke, as after a verb.)
                return (a < e).then(|| possessor_left(text, toks, (a, e)));
            }
        }
        k = e.max(k + 1);
    }
    None
}

/// Spans of time a "last" or "next" before them makes a time of ("last month").
const TIME_NOUNS: &[&str] = &[
    "week", "weekend", "month", "year", "night", "spring", "summer", "fall", "autumn", "winter",
    "time",
];

/// Where the words after an opening "On" and a weekday, and the part of the day, start ("On
/// Thursday evening Hillary Clinton delivered …"): the clause's subject opens there, though no
/// comma sets the time off. 0 when the sentence opens otherwise, or the time is set off.
#[inline]
fn opening_day(text: &str, toks: &[Tok]) -> usize {
    // (Asked of every subject search: most sentences have no weekday second, which the
    // lexicon's bit answers before anything is read.)
    if !toks.get(1).is_some_and(|t| t.lex.is(Class::Weekday)) {
        return 0;
    }
    let mut day = past_weekday(text, toks, 0);
    if day > 0
        && toks
            .get(day)
            .is_some_and(|t| low_is(text, t, &["morning", "afternoon", "evening", "night"]))
    {
        day += 1;
    }
    if toks.get(day).is_some_and(Tok::is_word) {
        day
    } else {
        0
    }
}

/// Past "on" and a weekday ("Clinton on Monday hit Sanders") standing between a subject and
/// its verb at `k`: the token after it, else `k` itself. (A bare weekday may end a name:
/// "Super Tuesday".)
fn past_weekday(text: &str, toks: &[Tok], k: usize) -> usize {
    let on_weekday = toks.get(k + 1).is_some_and(|t| t.lex.is(Class::Weekday))
        && toks[k].is_word()
        && low_is(text, &toks[k], &["on"]);
    if on_weekday { k + 2 } else { k }
}

/// A lowercase word that reads as a verb.
fn is_lowercase_verb(text: &str, t: &Tok) -> bool {
    t.is_word() && !t.is_capitalized(text) && verb_like(text, t)
}

/// "Addressing the gala, …", "Citing the attack, …": a sentence that opens with a participle
/// and its object (a name in -ing stands before a verb or a comma: "Manning said").
fn opening_participle(text: &str, toks: &[Tok]) -> bool {
    let [first, next, ..] = toks else {
        return false;
    };
    let w = first.span.of(text);
    w.len() > 5
        && w.ends_with("ing")
        && next.is_word()
        && !next.lex.is_cue()
        && !next.lex.is(Class::AuxOrAdverb)
        && !next.lex.is(Class::PassiveAux)
        && !next.lex.is(Class::IrregularVerb)
        && !next.span.of(text).ends_with("ed")
}

/// Tokens that may sit inside an appositive: words and parentheses.
fn is_appositive_inner(t: &Tok) -> bool {
    matches!(
        t.kind,
        TokKind::Word | TokKind::OpenParen | TokKind::CloseParen | TokKind::Dash
    )
}

/// True when the phrase has something a speaker can be: a capitalised word or a role noun.
fn has_head(text: &str, toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        (t.is_capitalized(text) && !t.lex.is(Class::FunctionWord))
            || t.lex.is(Class::PersonRole)
            || t.lex.is(Class::OrgNoun)
    })
}

/// The subject phrase starting at `i` (after an inverted cue or "according to").
fn subject_right(text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    subject_right_before(text, toks, i, i + WINDOW)
}

/// [`subject_right`] for a phrase that starts before token `limit`: the phrase is read on by
/// calling this again further right ("said conservative activist …"), and the limit keeps
/// those calls few however long a run of modifiers the text repeats.
fn subject_right_before(
    text: &str,
    toks: &[Tok],
    i: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    if i >= limit {
        return None;
    }
    let mut j = i;
    while j < toks.len().min(i + 6)
        && toks[j].is_word()
        && is_adverb_here(text, &toks[j], &low(text, &toks[j]))
    {
        j += 1;
    }
    let start = j;
    let first = toks.get(start)?;
    if !first.is_word() {
        return None;
    }
    // "says that at least ten fighters …": what follows "that" is what was said, never who.
    if low_is(text, first, &["that"]) {
        return None;
    }
    let fl = first.lex;
    if fl.pronoun().is_some_and(|p| p != Pronoun::Relative) {
        return Some((start, start + 1));
    }
    if !(first.is_capitalized(text)
        || fl.is(Class::Determiner)
        || fl.is(Class::PersonRole)
        || fl.is(Class::Title))
    {
        // "said conservative activist Bob Klaus": a few adjectives before the name or role.
        let head = toks[start..]
            .iter()
            .take(4)
            .take_while(|t| t.is_word())
            .position(|t| {
                (t.is_capitalized(text) && !t.lex.is(Class::FunctionWord))
                    || t.lex.is(Class::PersonRole)
                    || t.lex.is(Class::Title)
            })?;
        // "said retired neurosurgeon Ben Carson": a participle in -ed is an adjective here.
        let between_ok = toks[start..start + head].iter().all(|t| {
            !t.lex.is(Class::FunctionWord)
                && !t.lex.is_cue()
                && (!verb_like(text, t) || t.span.of(text).ends_with("ed"))
        });
        if !between_ok || head == 0 {
            return None;
        }
        let (a, b) = subject_right_before(text, toks, start + head, limit)?;
        return Some((start.min(a), b));
    }
    let mut end = start;
    if fl.is(Class::Determiner) {
        // "said a former senior law enforcement official": run on to the role noun.
        let head = toks[start + 1..]
            .iter()
            .take(6)
            .take_while(|t| t.is_word())
            .position(|t| t.lex.is(Class::PersonRole) || t.lex.is(Class::OrgNoun));
        if let Some(h) = head {
            end = start + 2 + h;
        }
    }
    let ceiling = toks.len().min(start + WINDOW / 3);
    // "said a longtime adviser to Bill Clinton": a role reaches on to the person it serves,
    // past a determiner before the name ("an aide to both Smiths", "a guard to the Queen").
    let name_at = |k: usize| {
        k < ceiling && toks[k].is_capitalized(text) && !toks[k].lex.is(Class::FunctionWord)
    };
    // So does a described source to the body it comes from ("according to a report from
    // the Smith Institute", "said an official from the Acme Corporation").
    let serves = |end: usize| {
        end + 1 < ceiling
            && match low(text, &toks[end]).as_str() {
                "to" => toks[start..end].iter().any(|t| t.lex.is(Class::PersonRole)),
                "from" => fl.is(Class::Determiner),
                _ => false,
            }
            && (name_at(end + 1) || (toks[end + 1].lex.is(Class::Determiner) && name_at(end + 2)))
    };
    while end < ceiling && (np_word(text, &toks[end]) || serves(end)) {
        // "said Smith, who…" stops at the comma; "of" needs a noun after it.
        end += 1;
    }
    // "said Republican political consultant Chris Russell", "said Republican party boss
    // Reince Priebus": after capitalised modifiers, a few lowercase ones may still lead to
    // the role and the name.
    if end > start
        && toks.get(end).is_some_and(|t| {
            t.is_word() && !t.is_capitalized(text) && !t.lex.is(Class::FunctionWord)
        })
        && let Some((a, b)) = subject_right_before(text, toks, end, limit)
        && a == end
    {
        end = b;
    }
    // "said former Ohio Gov. and party Chairman Tom Jones": two roles joined by "and" are
    // one speaker's, whom the second one names. (The second phrase is walked, not parsed
    // again: a chain of "and"s must not nest calls.)
    let is_role = |t: &Tok| t.lex.is(Class::Title) || t.lex.is(Class::PersonRole);
    if end > start
        && end + 1 < ceiling
        && is_role(&toks[end - 1])
        && toks[end].is_word()
        && low_is(text, &toks[end], &["and"])
    {
        let limit = toks.len().min(end + 1 + WINDOW / 3);
        let b = (end + 1..limit)
            .find(|&k| !np_word(text, &toks[k]))
            .unwrap_or(limit);
        if b > end + 1
            && toks[end + 1..b].iter().any(is_role)
            && toks[b - 1].is_capitalized(text)
            && !is_role(&toks[b - 1])
        {
            end = b;
        }
    }
    while end > start && low_is(text, &toks[end - 1], &["of", "for", "at", "the", "a", "an"]) {
        end -= 1;
    }
    (end > start && has_head(text, &toks[start..end])).then_some((start, end))
}

/// "“…,” says a narrator", "“…,” said the 46-year-old": right after a quotation and its
/// verb, the determined phrase that follows is who spoke even when the lexicon knows none of
/// its words as a role, for nothing else stands there. The phrase runs over plain words to a
/// punctuation mark or function word, then on over a preposition to the name it takes ("a
/// person close to the Smiths"), which says more about the speaker than its head does.
fn plain_description_right(text: &str, toks: &[Tok], start: usize) -> Option<(usize, usize)> {
    if !toks.get(start)?.lex.is(Class::Determiner) || !toks[start].is_word() {
        return None;
    }
    let plain = |t: &Tok| {
        t.is_word()
            && !t.lex.is(Class::FunctionWord)
            && !t.lex.is(Class::AuxOrAdverb)
            && !t.lex.is(Class::Weekday)
            && !t.lex.is_cue()
            && t.lex.pronoun().is_none()
    };
    let ceiling = toks.len().min(start + 6);
    let mut end = start + 1;
    while end < ceiling && plain(&toks[end]) {
        end += 1;
    }
    if end == start + 1 {
        return None;
    }
    let preposition = toks
        .get(end)
        .is_some_and(|t| t.is_word() && low_is(text, t, &["to", "with", "of", "for", "at"]));
    if preposition {
        let mut k = end + 1;
        if toks.get(k).is_some_and(|t| t.lex.is(Class::Determiner)) {
            k += 1;
        }
        let name = k;
        while k < toks.len().min(name + 4)
            && toks[k].is_word()
            && toks[k].is_capitalized(text)
            && !toks[k].lex.is(Class::FunctionWord)
        {
            k += 1;
        }
        if k > name {
            end = k;
        }
    }
    Some((start, end))
}

/// The appositive right after an inverted subject: "said John Smith, a spokesman for X,".
fn appositive_after(toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    if toks.get(end)?.kind != TokKind::Comma {
        return None;
    }
    let stop = toks[end + 1..]
        .iter()
        .position(|t| !t.is_word())
        .map_or(toks.len(), |k| end + 1 + k);
    (stop > end + 1 && stop - end <= 14).then_some((end + 1, stop))
}

/// "said the base chief known as Bob", "wrote a man calling himself Roe": the name that
/// the words from `end` give the subject phrase ending there, which says who spoke as an
/// appositive set off by commas does.
fn name_given_after(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|t| low(text, t));
    let names = matches!(
        (word(end)?.as_str(), word(end + 1)?.as_str()),
        ("known", "as") | ("calling", "himself" | "herself" | "themselves" | "itself")
    );
    let start = end + 2;
    let stop = start
        + toks[start.min(toks.len())..]
            .iter()
            .take(4)
            .take_while(|t| t.is_word() && t.is_capitalized(text) && !t.lex.is(Class::FunctionWord))
            .count();
    (names && stop > start).then_some((start, stop))
}

/// "Head of the committee Hakem Zameli", "Director of the Meteoroid Office Bill Cooke": a
/// phrase that opens on a role of a body and ends on a name after the body's noun names the
/// one holding the role, whose name (past any title) begins at the index returned. Without it the phrase
/// broke at "of" and its first word, capitalised as a title is, was taken for a name
/// ("Head said").
fn holder_after_body(text: &str, phrase: &[Tok]) -> Option<usize> {
    let first = phrase.first()?;
    let role = first.lex.is(Class::Title)
        || first.lex.is(Class::PersonRole)
        || low_is(text, first, &["head"]);
    if !role || !phrase.get(1).is_some_and(|t| low_is(text, t, &["of"])) {
        return None;
    }
    let body = phrase.iter().rposition(|t| t.lex.is(Class::OrgNoun))?;
    // ("Speaker of the House Rep. Paul Ryan": the title is no part of the name.)
    let start = body
        + 1
        + phrase[body + 1..]
            .iter()
            .take_while(|t| t.lex.is(Class::Title))
            .count();
    let name = &phrase[start..];
    (name.len() >= 2 && is_name_like(text, name)).then_some(start)
}

/// Where the trailing run of capitalised non-title words (the person's name) begins.
fn name_run_start(text: &str, head: &[Tok]) -> usize {
    let mut name_start = head.len();
    while name_start > 0 {
        let t = &head[name_start - 1];
        let lex = t.lex;
        // ("Comedian Jane Roe", "Catholic Blogger Ada Nelson": a role word capitalised
        // before a first name is no part of the name.)
        let role = lex.is(Class::Title)
            || (name_start == head.len() && (lex.is(Class::PersonRole) || lex.is(Class::OrgNoun)))
            || (lex.is(Class::PersonRole)
                && head.get(name_start).is_some_and(|next| {
                    next.lex.is(Class::MaleName) || next.lex.is(Class::FemaleName)
                }));
        // After "Mr." or a first name, a title or role word ends the name as a surname
        // ("Ms. White", "Mr. Prince", "John King").
        let surname = || {
            name_start == head.len() && name_start >= 2 && {
                let before = &head[name_start - 2];
                before.lex.is(Class::FemaleName)
                    || before.lex.is(Class::MaleName)
                    || (before.lex.is(Class::Title) && title_gender(&before.norm(text)).is_some())
            }
        };
        let capital =
            t.is_capitalized(text) && !lex.is(Class::FunctionWord) && (!role || surname());
        let particle = !capital
            && t.norm_is_one_of(
                text,
                &["al", "bin", "ibn", "de", "van", "von", "abu", "el", "da"],
            );
        let possessive_break = name_start < head.len() && t.is_possessive(text);
        if (capital || (particle && name_start < head.len())) && !possessive_break {
            name_start -= 1;
        } else {
            break;
        }
    }
    name_start
}

/// The party a relative clause says a person serves or served: one naming a role ("who
/// served as a US senator") or after "for" ("who worked for the Kremlin"). A party the
/// clause names otherwise is what the person acts on ("a researcher who monitors ISIS",
/// "who fled Cuba", "who covered the White House"), no tie to it.
fn serving_party<'a>(clause: &'a str, gazetteer: &'a Gazetteer) -> Option<&'a str> {
    gazetteer.ties(clause).find_map(|(span, party)| {
        let mut words_before = clause[..span.start].split_whitespace().rev();
        let before = words_before
            .next()
            .filter(|w| !w.eq_ignore_ascii_case("the"))
            .or_else(|| words_before.next());
        let after = clause[span.end..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty());
        let names_role = after.is_some_and(|w| {
            let lex = lexicon::lookup(&norm(w));
            lex.is(Class::PersonRole) || lex.is(Class::Title)
        });
        (names_role || before.is_some_and(|w| w.eq_ignore_ascii_case("for"))).then_some(party)
    })
}

/// Decides what a subject phrase is: a person's name, a party, a description, a pronoun.
fn classify(
    text: &str,
    toks: &[Tok],
    a: usize,
    b: usize,
    appositive: Option<(usize, usize)>,
    gazetteer: &Gazetteer,
) -> Option<Subject> {
    let phrase = &toks[a..b];
    let first = phrase[0].lex;
    if phrase.len() == 1
        && let Some(p) = first.pronoun()
    {
        return Some(Subject::Pronoun(p));
    }
    // "so odd that a spokesman … could only quip", "said that Republicans rejected": "that"
    // before an article, a name or a plural joins a clause; it is no demonstrative.
    if phrase.len() > 1 && phrase[0].span.of(text) == "that" && {
        let next = &phrase[1];
        next.lex.is(Class::Determiner)
            || is_capitalized(next.span.of(text))
            || is_plural_noun(&low(text, &phrase[phrase.len() - 1]))
    } {
        return classify(text, toks, a + 1, b, appositive, gazetteer);
    }
    let span_text = |ts: &[Tok]| -> &str {
        match (ts.first(), ts.last()) {
            (Some(f), Some(l)) => &text[f.span.start..l.span.end],
            _ => "",
        }
    };
    let whole = span_text(phrase);
    // Where a piece of the text the phrase is read from stands in it (an empty piece
    // anywhere, which reads as nothing all the same).
    let at = |piece: &str| {
        let start = (piece.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        debug_assert!(
            piece.is_empty()
                || text.get(start..).and_then(|rest| rest.get(..piece.len())) == Some(piece),
            "a subject's piece is read from the text"
        );
        if piece.is_empty() {
            Span::new(0, 0)
        } else {
            Span::new(start, start + piece.len())
        }
    };
    let appositive_party = || {
        let (x, y) = appositive?;
        let role = &toks[x..y];
        // "Israeli media reports, including Haaretz quoting a website associated with
        // Islamic State, said": examples of the subject, not a role it holds.
        if matches!(
            low(text, role.first()?).as_str(),
            "including" | "such" | "like" | "especially" | "notably" | "among"
        ) {
            return None;
        }
        // (A relative pronoun is lowercase: "WHO's director of communications" names the
        // World Health Organization.)
        let clause = role.iter().position(|t| {
            t.is_word() && matches!(t.span.of(text), "who" | "whose" | "which" | "that")
        });
        gazetteer
            .tied_in(span_text(&role[..clause.unwrap_or(role.len())]))
            .or_else(|| serving_party(span_text(&role[clause?..]), gazetteer))
            .map(str::to_string)
    };
    // A name right after a title ends the phrase ("Secretary of State John Kerry"); otherwise
    // the head stops at the first preposition ("a spokesman for the ministry").
    let whole_name = name_run_start(text, phrase);
    let holder = holder_after_body(text, phrase);
    // ("a top aide to President George W. Bush" names the aide, not the one served.)
    let titled_name = holder.is_some()
        || whole_name < phrase.len()
            && (whole_name == 0 || {
                let l = phrase[whole_name - 1].lex;
                l.is(Class::Title) || l.is(Class::PersonRole)
            })
            && !phrase[..whole_name]
                .iter()
                .any(|t| low_is(text, t, &["to"]));
    let head_end = if titled_name {
        phrase.len()
    } else {
        // ("in" only after a role or a body: "the department in the Northwestern Federal
        // District" is the department, "Many in the crowd" stays whole.)
        let noun_before = |k: usize| {
            k > 0 && {
                let l = phrase[k - 1].lex;
                l.is(Class::PersonRole) || l.is(Class::OrgNoun)
            }
        };
        phrase
            .iter()
            .enumerate()
            .position(|(k, t)| {
                if low_is(text, t, &["for", "of", "at", "to"]) {
                    true
                } else if low_is(text, t, &["from"]) {
                    // "Leelah from Kings Mill", "an analyst from Acme": the one from a
                    // place or a body; but "a report from Acme" is Acme's.
                    k > 0 && !is_document_or_finding(&low(text, &phrase[k - 1]))
                } else if low_is(text, t, &["in"]) {
                    noun_before(k)
                } else {
                    // "A statement attributed to the group": the participle's phrase
                    // follows the head.
                    participle_then(text, phrase, k) == Some(false)
                }
            })
            .filter(|&k| k > 0)
            .unwrap_or(phrase.len())
    };
    let head = &phrase[..head_end];
    // (A head that is the whole phrase has the name run found above.)
    let name_start = holder.unwrap_or_else(|| {
        if head_end == phrase.len() {
            whole_name
        } else {
            name_run_start(text, head)
        }
    });
    let name_toks = &head[name_start..];
    let name_text = span_text(name_toks);
    let modifiers = span_text(&head[..name_start]);
    let rest = span_text(&phrase[head_end..]);
    // (Most names have no words before or after them: no party is searched for in none.)
    let party_from = |s: &str| {
        (!s.is_empty())
            .then(|| gazetteer.tied_in(s))
            .flatten()
            .map(str::to_string)
    };
    let context_party = || {
        party_from(modifiers)
            .or_else(|| party_from(rest))
            .or_else(appositive_party)
    };
    // The whole phrase names a party ("Russia", "the Kremlin", "Moscow"). A party's name
    // that ends in a title word ("the Islamic State") makes no name run, so it is the head
    // after its determiner; taken for a description, it pointed back to the last person
    // and gave them the party.
    let bare = strip_possessive(if name_toks.is_empty() {
        span_text(
            &head[head
                .iter()
                .take_while(|t| t.lex.is(Class::Determiner))
                .count()..],
        )
    } else {
        name_text
    });
    // (The automaton first: it rules out almost every phrase at once. "An American", "a
    // Syrian": a demonym after an indefinite article is one person of that people, whom
    // it ties to no party.)
    // (An acronym is a body's name, not a demonym: "an FBI summary".)
    let indefinite = low_is(text, &phrase[0], &["a", "an"])
        && !bare.contains(' ')
        && bare.chars().any(char::is_lowercase);
    if !bare.is_empty()
        && !indefinite
        && gazetteer.whole_mention(bare).is_some()
        && let Some(p) = gazetteer.canonical(bare)
    {
        let last = head.last().map_or_else(Default::default, |t| t.lex);
        if name_start == 0 || !last.is(Class::OrgNoun) && !last.is(Class::PersonRole) {
            return Some(Subject::Party {
                text: at(bare),
                party: p.to_string(),
            });
        }
    }
    if indefinite && !bare.is_empty() && gazetteer.canonical(bare).is_some() {
        return Some(Subject::Description {
            text: at(whole),
            definite: false,
            org: false,
            person_role: true,
            several: false,
            party: None,
        });
    }
    if !name_toks.is_empty() {
        let org_head = name_toks.last().is_some_and(|t| t.lex.is(Class::OrgNoun));
        let first_name =
            name_toks[0].lex.is(Class::MaleName) || name_toks[0].lex.is(Class::FemaleName);
        let contains_party = !first_name && gazetteer.first_in(name_text).is_some();
        if org_head || contains_party {
            // "the Russian Foreign Ministry", "Boko Haram militants": a body, not a person.
            let text_wo_det = if first.is(Class::Determiner) {
                span_text(&phrase[1..head_end])
            } else {
                span_text(head)
            };
            return Some(Subject::Description {
                text: at(text_wo_det),
                definite: false,
                org: true,
                person_role: false,
                several: false,
                party: party_from(whole).or_else(appositive_party),
            });
        }
        let gender = head[..name_start]
            .iter()
            .find_map(|t| title_gender(&t.norm(text)));
        // (A first name from the lexicon is a name wherever it stands.)
        // (The name alone counts: "Footage uploaded to YouTube" opens with a common word.)
        let initial = a + name_start == 0 && name_toks.len() == 1 && !first_name;
        let opened = a + name_start == 0
            && name_toks.len() >= 3
            && !first_name
            && (name_toks[1].lex.is(Class::MaleName) || name_toks[1].lex.is(Class::FemaleName));
        return Some(Subject::Name {
            name: at(strip_possessive(name_text)),
            party: context_party(),
            gender,
            initial,
            opened,
        });
    }
    let head_word = head.last().map_or_else(Default::default, |t| t.lex);
    // "The Washington Post", "the State Department": a capitalised head that is no role
    // ("the Republican") names a body itself and points back to nobody.
    let definite = first.is(Class::Definite)
        && !head.last().is_some_and(|t| {
            t.is_capitalized(text) && !t.lex.is(Class::PersonRole) && !t.lex.is(Class::Title)
        });
    let org = head_word.is(Class::OrgNoun);
    // "The Safir newspaper", "the Trump campaign", "the Al-Ahad news website": a body the
    // description names by a capitalised word of its own is no renaming of the last body
    // named. A party's word ("the South Korean newspaper", "the Lebanese army") still is.
    let definite = definite
        && !(org && head.len() > 2 && {
            let modifiers = &head[1..head.len() - 1];
            let base = modifiers[0].span.start;
            let mentions: Vec<_> = gazetteer
                .find_all(span_text(modifiers))
                .map(|(m, _)| m)
                .collect();
            modifiers.iter().any(|t| {
                t.is_word()
                    && t.is_capitalized(text)
                    && !t.lex.is(Class::PersonRole)
                    && !t.lex.is(Class::Title)
                    && !mentions
                        .iter()
                        .any(|m| m.start + base <= t.span.start && t.span.start < m.end + base)
            })
        });
    let role = org || head_word.is(Class::PersonRole);
    if !role && !first.is(Class::Determiner) {
        return None;
    }
    let plural_head = head
        .last()
        .is_some_and(|t| !is_capitalized(t.span.of(text)) && is_plural_noun(&low(text, t)));
    Some(Subject::Description {
        text: at(whole),
        definite,
        org,
        person_role: (head_word.is(Class::PersonRole) || head_word.is(Class::Title))
            && !plural_head,
        several: plural_head && !org,
        party: party_from(whole).or_else(appositive_party),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    #[test]
    fn a_person_keeps_the_first_and_last_words_of_the_name() {
        for name in [
            "Joseph Dunford",
            "Dunford",
            "Joseph\u{a0}Dunford ",
            " Al Gore Jr",
            "",
            "   ",
            // (Every ASCII character `split_whitespace` splits on, read on the bytes.)
            "Joseph\tDunford",
            "Jane\u{b}Roe",
            "\u{c} Mary  Ann\r\nRoe\n",
            "Roe\u{1f}Smith",
            "Jos\u{e9} Luis\u{a0}Rodr\u{ed}guez",
            "Jane\u{2009}Roe Smith",
            "Jane Roe\u{3000}Smith",
        ] {
            let p = Person::new(name, None, None);
            let mut words = name.split_whitespace();
            assert_eq!(p.first_word(), words.next().unwrap_or(""), "{name:?}");
            assert_eq!(
                p.last_word(),
                name.split_whitespace().next_back().unwrap_or(""),
                "{name:?}"
            );
        }
    }

    /// The tokens of `s` taken as one sentence, its quotations found.
    fn sentence_tokens(s: &str) -> Vec<Tok> {
        let regions = crate::extract::quotes::find(s, &[Span::new(0, s.len())]);
        let mut toks = Vec::new();
        tokenize(&mut toks, s, Span::new(0, s.len()), &regions, 0);
        toks
    }

    #[test]
    fn a_sentence_ending_on_a_title_without_a_stop_notes_no_one() {
        // The capitalised run is the title alone: nothing follows it to be the name.
        let text = "Praise for the Senator";
        let mut r = Resolver::default();
        let toks = sentence_tokens(text);
        note_subjects(text, &toks, toks.len(), Gazetteer::builtin(), &mut r);
        assert_eq!(r.expand_as("Senator", None), "Senator");
    }

    /// Every way of giving no answer is still found past the test on a word's first two
    /// letters: the refusal or the unanswered request at either case, and each verb refused
    /// after "to", whatever letter it begins with.
    #[test]
    fn every_answer_not_given_is_found_past_the_first_letters() {
        let silent = |sentence: &str, word: &str| {
            let toks = sentence_tokens(sentence);
            let i = toks
                .iter()
                .position(|t| t.span.of(sentence) == word)
                .expect(word);
            is_no_comment(sentence, &toks, i)
        };
        for (sentence, word) in [
            ("Roe declined to comment.", "declined"),
            ("Roe DECLINED to comment.", "DECLINED"),
            ("Roe declined to discuss it.", "discuss"),
            ("Roe refused to answer.", "answer"),
            ("Roe declined To speculate.", "speculate"),
            ("Roe refused to say.", "say"),
            ("Roe did not reply.", "reply"),
            ("Roe did not Respond.", "Respond"),
            ("Roe did not return calls.", "return"),
            ("Roe did not respond to a request for comment.", "request"),
            ("Roe did not Comment.", "Comment"),
        ] {
            assert!(silent(sentence, word), "{sentence}");
        }
        for (sentence, word) in [
            ("Roe declined the offer.", "declined"),
            ("Roe spoke to answer.", "answer"),
            ("Roe went to discuss it.", "discuss"),
        ] {
            assert!(!silent(sentence, word), "{sentence}");
        }
    }

    /// Who the passage is about after reading `sentences` in order.
    fn topic_after(sentences: &[&str]) -> Option<String> {
        let g = Gazetteer::builtin();
        let mut r = Resolver::default();
        for s in sentences {
            let toks = sentence_tokens(s);
            attributions(s, 0, &toks, g, &mut r, &mut Vec::new());
            note_subjects(s, &toks, toks.len(), g, &mut r);
        }
        r.topic().map(|s| s.name.clone())
    }

    fn speakers(sentences: &[&str]) -> Vec<Option<(String, Option<String>)>> {
        let g = Gazetteer::builtin();
        let mut r = Resolver::default();
        let mut out = Vec::new();
        for (k, s) in sentences.iter().enumerate() {
            let toks = sentence_tokens(s);
            r.begin_sentence(k);
            let mut found = Vec::new();
            attributions(s, k, &toks, g, &mut r, &mut found);
            for a in found {
                out.push(a.speaker.map(|s| (s.name, s.party)));
            }
        }
        out
    }

    fn some(name: &str, party: Option<&str>) -> Option<(String, Option<String>)> {
        Some((name.to_string(), party.map(str::to_string)))
    }

    /// "The Safir newspaper said" names its paper: not the body quoted before. "The Lebanese
    /// newspaper" carries only a party's word and points back.
    #[test]
    fn a_body_the_description_names_itself_is_not_the_last_one() {
        let names = |sentences: &[&str]| -> Vec<String> {
            speakers(sentences)
                .into_iter()
                .map(|s| s.map(|(name, _)| name).unwrap_or_default())
                .collect()
        };
        assert_eq!(
            names(&[
                "The Lebanese army said it held the woman.",
                "The Safir newspaper said she was questioned.",
                "The Trump campaign said nothing.",
            ]),
            [
                "The Lebanese army",
                "The Safir newspaper",
                "The Trump campaign"
            ]
        );
        assert_eq!(
            names(&[
                "The Daily Star newspaper said it held the woman.",
                "The Lebanese newspaper said she was questioned.",
            ]),
            ["The Daily Star newspaper", "The Daily Star newspaper"]
        );
    }

    /// An Arabic surname with its article in lower case ("al-Adnani") is a name: the speaker
    /// is the whole name, not no one.
    #[test]
    fn a_name_with_a_lowercase_article_is_a_name() {
        assert_eq!(
            speakers(&[
                "Abu Nadia al-Sabri said the road was closed.",
                "The road is closed, al-Sabri told reporters.",
            ]),
            vec![
                some("Abu Nadia al-Sabri", None),
                some("Abu Nadia al-Sabri", None)
            ]
        );
    }

    /// "X was quoted as saying", "X was heard telling": the passive's subject spoke, not
    /// whoever spoke before.
    #[test]
    fn the_one_quoted_as_saying_spoke() {
        assert_eq!(
            speakers(&[
                "Jan Vos said the car was found on Monday.",
                "“Life is good,” Ada Nelson was quoted as saying.",
                "Tom Reed was heard telling aides that the deal was dead.",
            ]),
            vec![
                some("Jan Vos", None),
                some("Ada Nelson", None),
                some("Tom Reed", None)
            ]
        );
    }

    /// "Similarly, Jane Roe said": an adverb opening a sentence is neither the speaker nor
    /// part of their name, whether a comma sets it off or not; a name ending in -ly is
    /// still a name.
    #[test]
    fn a_sentence_adverb_is_no_speaker() {
        assert_eq!(
            speakers(&[
                "Similarly, Jan Vos, a party official, said the plan failed.",
                "Subsequently, Ada Nelson, a spokeswoman for the airline, told reporters that two \
                 jets were missing.",
                "Interestingly Blocher insists that the vote was fair.",
                "Schlafly, a veteran activist, said the plan failed.",
                "Kelly, a party official, said the plan failed.",
                "JustAlly wrote that the phone bent.",
            ]),
            vec![
                some("Jan Vos", None),
                some("Ada Nelson", None),
                some("Blocher", None),
                some("Schlafly", None),
                some("Kelly", None),
                some("JustAlly", None),
            ]
        );
    }

    /// "Jan Vos of Lehi, Utah, said": the word set off after a place is its state, not the
    /// speaker; whoever is "from" a place or a body is the one speaking, while what a report
    /// "from" a body says, the body says.
    #[test]
    fn the_one_from_a_place_speaks_not_the_place() {
        assert_eq!(
            speakers(&[
                "Jan Vos of Lehi, Utah, told reporters that he won.",
                "A woman in Worcester, Massachusetts, told him the plan failed.",
                "Ada Nelson from Kings Mill wrote that she was born in Ohio.",
                "The senator from Vermont said the system was corrupt.",
                "A report from Globex said the plant would close.",
            ]),
            vec![
                some("Jan Vos", None),
                some("A woman in Worcester", None),
                some("Ada Nelson", None),
                some("Ada Nelson", None),
                some("Globex", None),
            ]
        );
    }

    /// Documents and findings are known in the singular and the plural, so that "the polls"
    /// and "studies from Acme" read as "the poll" and "a study from Acme" do.
    #[test]
    fn documents_and_findings_are_known_in_either_number() {
        for word in [
            "report", "reports", "poll", "polls", "study", "studies", "analysis", "data",
        ] {
            assert!(is_document_or_finding(word), "{word}");
        }
        for word in ["leaders", "studs", "stud", "pol", "analyst"] {
            assert!(!is_document_or_finding(word), "{word}");
        }
    }

    /// "Comedian Sarah Roe said": a role word capitalised before a first name is who they
    /// are, not part of their name; before any other name word it is kept ("Lawyer Roe").
    #[test]
    fn a_capitalised_role_before_a_first_name_is_no_part_of_the_name() {
        assert_eq!(
            speakers(&[
                "Comedian Sarah Roe said the joke was old.",
                "The show featured Actress Anna Vos, who said she loved it.",
                "Lawyer Blom said the case was weak.",
            ]),
            vec![
                some("Sarah Roe", None),
                some("Anna Vos", None),
                some("Lawyer Blom", None),
            ]
        );
    }

    /// "Weatherman Tom Reed said": a word opening the sentence before a first name, which
    /// the text also writes in lowercase, is capitalised only for opening it; one the text
    /// writes only capitalised stays part of the name.
    #[test]
    fn a_common_word_opening_a_sentence_before_a_first_name_is_no_part_of_it() {
        assert_eq!(
            speakers(&[
                "Weatherman Tom Reed said the other weatherman was wrong.",
                "Zaid Tom Reed said the storm had passed.",
            ]),
            vec![some("Tom Reed", None), some("Zaid Tom Reed", None)]
        );
    }

    /// "One friend said … the friend said": a friend is a person the text describes, and
    /// the description points back to the friend it brought in, not to the person the
    /// friend talks about.
    #[test]
    fn the_friend_is_the_friend_brought_in() {
        assert_eq!(
            speakers(&[
                "Omar Haddad left London in 2012.",
                "One friend said he was angry.",
                "He had changed, the friend said.",
            ]),
            vec![some("One friend", None), some("One friend", None)]
        );
    }

    /// "I’ve said" is the pronoun "I", not a person called I’ve; "They're saying" is "they"
    /// (both point back to the last person named, as "I" and "they" do).
    #[test]
    fn a_contracted_pronoun_is_a_pronoun() {
        assert_eq!(
            speakers(&[
                "Jane Roe said the letter was hers.",
                "I’ve said this before: the war is lost.",
                "They're saying the strike is over.",
            ]),
            vec![some("Jane Roe", None); 3]
        );
    }

    #[test]
    fn titles_possessives_and_roles() {
        assert_eq!(
            speakers(&[
                "Top general Joseph Dunford said Thursday it was bad.",
                "The Joint Chiefs chairman told the committee that it was bad.",
                "Russia's Deputy Foreign Minister Sergei Ryabkov called the plan odd and again denied it.",
            ]),
            vec![
                some("Joseph Dunford", None),
                some("Joseph Dunford", Some("United States")),
                some("Sergei Ryabkov", Some("Russia")),
                some("Sergei Ryabkov", Some("Russia")),
            ]
        );
    }

    #[test]
    fn a_subject_does_not_run_back_over_a_line_break() {
        assert_eq!(
            speakers(&["Mayor Vows To Close Ferry Port\nJane Roe said the plan was bold."]),
            vec![some("Jane Roe", None)]
        );
    }

    #[test]
    fn a_subject_does_not_join_a_line_ending_on_a_preposition() {
        assert_eq!(
            speakers(&[
                "Jane Roe said the plan was bold.",
                "Port Plan Is Not The Kind Of Deal Voters Believe In\nThe state governor said it was bad.",
            ]),
            vec![some("Jane Roe", None), some("Jane Roe", None)]
        );
    }

    #[test]
    fn an_adverb_set_off_by_a_comma_opens_no_subject() {
        assert_eq!(
            speakers(&[
                "Jane Roe said the plan was bold.",
                "Hours later, John Doe thanked Smith, telling reporters it was fine.",
            ]),
            vec![some("Jane Roe", None), some("John Doe", None)]
        );
    }

    #[test]
    fn two_roles_joined_after_the_verb_lead_to_the_name_after_the_second() {
        assert_eq!(
            speakers(&[
                "Jim Doe, the former governor, spoke first.",
                "It was a fine day, said former Ohio Gov. and party Chairman Tom Roe.",
            ]),
            vec![some("Tom Roe", None)]
        );
    }

    #[test]
    fn a_long_chain_of_joined_roles_is_read_without_nesting() {
        let chain = format!(
            "It was fine, said Gov. {}Tom Roe.",
            "and Gov. ".repeat(50_000)
        );
        assert_eq!(speakers(&[chain.as_str()]).len(), 1);
    }

    #[test]
    fn a_long_run_of_modifiers_after_the_verb_is_read_in_bounded_steps() {
        // Each capitalised word, then lowercase one, was read by calling the phrase reader
        // again: tens of thousands of them overflowed the stack.
        let run = format!("It was fine, said {}Roe.", "Acme big ".repeat(60_000));
        assert_eq!(speakers(&[run.as_str()]).len(), 1);
    }

    #[test]
    fn two_roles_joined_before_the_verb_point_back_to_one_person() {
        assert_eq!(
            speakers(&[
                "Jane Roe said the plan was bold.",
                "The party's front-runner and former senator said it was sound.",
            ]),
            vec![some("Jane Roe", None), some("Jane Roe", None)]
        );
    }

    #[test]
    fn a_body_points_back_only_to_a_body_the_text_names() {
        assert_eq!(
            speakers(&[
                "That report said sales had fallen.",
                "Acme acknowledged the issue was hard.",
                "The company said it would recover.",
            ])
            .last(),
            Some(&some("Acme", None))
        );
    }

    #[test]
    fn the_company_is_the_lone_name_just_quoted_not_an_older_body() {
        let after = |subject: &str| {
            speakers(&[
                "The Daily Planet newspaper reported that sales had fallen.",
                subject,
                "The company said it would recover by the spring.",
            ])
            .last()
            .cloned()
            .flatten()
            .map(|(name, _)| name)
        };
        assert_eq!(
            after("Globex acknowledged that the issue was hard.").as_deref(),
            Some("Globex")
        );
        // A person, or a word the lexicon knows, is no company.
        assert_eq!(
            after("Jane Roe acknowledged that the issue was hard.").as_deref(),
            Some("The Daily Planet newspaper")
        );
    }

    #[test]
    fn the_name_after_a_role_of_a_body_is_who_holds_it() {
        assert_eq!(
            speakers(&[
                "“The river has flooded the valley,” Head of the committee Omar al-Rashid said.",
                "“We saw it fall,” said Director of the Weather Office Jane Roe.",
                "“It will pass,” Chairman of the Board Sen. Tom Banks said.",
            ]),
            vec![
                some("Omar al-Rashid", None),
                some("Jane Roe", None),
                some("Tom Banks", None),
            ]
        );
    }

    #[test]
    fn a_name_after_a_title_inside_a_run_is_the_person_named() {
        // A later surname is the whole name the run gave: "Roe said" quotes Joan Roe.
        let expanded = |text: &str, surname: &str| {
            let mut r = Resolver::default();
            let toks = sentence_tokens(text);
            note_subjects(text, &toks, toks.len(), Gazetteer::builtin(), &mut r);
            r.expand_as(surname, None)
        };
        assert_eq!(
            expanded("US President Joan Roe will address the nation.", "Roe"),
            "Joan Roe"
        );
        // A last word spelling a title is still the surname.
        assert_eq!(
            expanded("Then Charlie King will lead the march.", "King"),
            "Charlie King"
        );
    }

    #[test]
    fn a_relative_that_after_a_described_name_leaves_the_name_speaking() {
        let text = "The couple started Globex Power, a company that promises “clean energy for \
                    every town” to its buyers.";
        let mut r = Resolver::default();
        let toks = sentence_tokens(text);
        let speaker = quote_subject(text, &toks, Gazetteer::builtin(), &mut r);
        assert_eq!(speaker.map(|s| s.name).as_deref(), Some("Globex Power"));
    }

    #[test]
    fn a_first_name_is_not_expanded_into_another_person() {
        assert_eq!(
            speakers(&[
                "Jane Rodham Doe said the plan was bold.",
                "John Doe said the race was close.",
            ]),
            vec![some("Jane Rodham Doe", None), some("John Doe", None)]
        );
    }

    #[test]
    fn a_surname_is_the_person_it_named_first() {
        assert_eq!(
            speakers(&[
                "Jane Doe said the plan was bold.",
                "Her husband, John Doe, said the race was close.",
                "Doe said it again.",
            ]),
            vec![
                some("Jane Doe", None),
                some("John Doe", None),
                some("Jane Doe", None)
            ]
        );
    }

    #[test]
    fn news_outlets_speak_for_themselves() {
        assert_eq!(
            speakers(&[
                "The ministry said the talks had failed.",
                "The Washington Post reported that the talks had failed.",
                "Reuters reported the same.",
                "Fox News said the talks were over.",
            ]),
            vec![
                some("The ministry", None),
                some("The Washington Post", None),
                some("Reuters", None),
                some("Fox News", None),
            ]
        );
    }

    #[test]
    fn negated_auxiliaries_follow_their_subject() {
        assert_eq!(
            topic_after(&[
                "Sen. Kelly Ayotte spoke first.",
                "Mr. Tom Brady said the case was weak.",
                "But Ayotte isn't interested.",
            ])
            .as_deref(),
            Some("Kelly Ayotte")
        );
    }

    #[test]
    fn a_person_a_sentence_opens_on_with_to_holds_its_view() {
        assert_eq!(
            topic_after(&[
                "Mayor Paul Brandt said the budget was fine.",
                "To tax lawyer Nora Quist, the whole plan looks reckless.",
            ])
            .as_deref(),
            Some("Nora Quist")
        );
    }

    #[test]
    fn a_name_of_a_place_with_an_appositive_is_the_subject() {
        assert_eq!(
            topic_after(&[
                "Mayor Paul Brandt said the budget was fine.",
                "Senator Nora Quist of Vermont, the panel's ranking member, also voiced doubts.",
            ])
            .as_deref(),
            Some("Nora Quist")
        );
    }

    #[test]
    fn a_lone_name_a_relative_who_describes_is_a_person() {
        assert_eq!(
            topic_after(&[
                "Mayor Paul Brandt said the budget was fine.",
                "Zendaya, who won the top award, spoke about patience.",
            ])
            .as_deref(),
            Some("Zendaya")
        );
    }

    #[test]
    fn a_word_opening_the_clause_keeps_the_name_with_an_appositive_its_subject() {
        assert_eq!(
            topic_after(&[
                "Mayor Paul Brandt said the budget was fine.",
                "Meanwhile Zendaya, who won the top award, spoke about patience.",
            ])
            .as_deref(),
            Some("Zendaya")
        );
        assert_eq!(
            topic_after(&[
                "Mayor Paul Brandt said the budget was fine.",
                "As Nora Quist, a law professor at Yale, sees it, the court is split.",
            ])
            .as_deref(),
            Some("Nora Quist")
        );
    }

    #[test]
    fn a_double_hyphen_sets_off_an_aside_as_a_dash_does() {
        // Without the aside the verb reads as inverted and takes its object for the speaker.
        assert_eq!(
            speakers(&["Nora Quist -- once a rival of the mayor -- told Paul Brandt it was fine."]),
            vec![some("Nora Quist", None)]
        );
    }

    #[test]
    fn a_name_set_off_by_dashes_after_a_description_is_who_spoke() {
        for (s, name) in [
            (
                "A former party chairman -- Tom Banks, who lost the 2008 race -- said it failed.",
                "Tom Banks",
            ),
            (
                "The county's longest-serving judge \u{2014} Ada Lind \u{2014} told reporters it was over.",
                "Ada Lind",
            ),
        ] {
            assert_eq!(
                speakers(&["Mayor Paul Brandt said the budget was fine.", s]),
                vec![some("Paul Brandt", None), some(name, None)],
                "{s}"
            );
        }
        // A name before the dashes keeps the verb, whatever name the aside holds.
        assert_eq!(
            speakers(&["Nora Quist -- Paul Brandt's old rival -- said it was fine."]),
            vec![some("Nora Quist", None)]
        );
    }

    #[test]
    fn a_name_set_off_by_commas_after_a_quotation_is_who_spoke() {
        for s in [
            "The plan “will not fix it, but helps,” Ada Lind, head of roads, parks, and schools, said.",
            "“We have had better fairs,” county delegate Ada Lind, wearing a straw hat, said.",
            "County delegate Ada Lind, wearing a straw hat, said the fair was over.",
        ] {
            let toks = sentence_tokens(s);
            let mut r = Resolver::default();
            let mut got = Vec::new();
            attributions(s, 0, &toks, Gazetteer::builtin(), &mut r, &mut got);
            let names: Vec<_> = got.into_iter().map(|a| a.speaker.map(|s| s.name)).collect();
            assert_eq!(names, [Some("Ada Lind".to_string())], "{s}");
        }
    }

    #[test]
    fn an_aside_an_adverb_or_a_preposition_opens_stands_between_subject_and_verb() {
        for (s, who) in [
            (
                "Supporters of the bill, however, say it would keep the court as an umpire.",
                "Supporters of the bill",
            ),
            (
                "Some lawyers, for their part, argued it would keep the court as an umpire.",
                "Some lawyers",
            ),
        ] {
            let got = speakers(&["Mayor Paul Brandt said the budget was fine.", s]);
            assert_eq!(got, [some("Paul Brandt", None), some(who, None)], "{s}");
        }
    }

    #[test]
    fn they_right_after_an_unnamed_group_is_that_group() {
        assert_eq!(
            speakers(&[
                "Mayor Paul Brandt said the budget was fine.",
                "Critics say the plan is unfair.",
                "They argue that the city should wait.",
            ]),
            vec![
                some("Paul Brandt", None),
                some("Critics", None),
                some("Critics", None)
            ]
        );
        // Someone quoted in between is whom "they" points back to.
        assert_eq!(
            speakers(&[
                "Critics say the plan is unfair.",
                "The city council said it would vote.",
                "They argue that the city should wait.",
            ])[2],
            some("The city council", None)
        );
    }

    #[test]
    fn less_common_speech_verbs_attribute() {
        assert_eq!(
            speakers(&[
                "Nora Quist affirmed that the plan was legal.",
                "Paul Brandt implored the board to act.",
                "“A triumph,” beamed Ada Lind.",
            ]),
            vec![
                some("Nora Quist", None),
                some("Paul Brandt", None),
                some("Ada Lind", None)
            ]
        );
    }

    #[test]
    fn a_quotation_a_names_words_introduce_is_theirs() {
        for s in [
            "From Nora Quist's Facebook post: “We stay.”",
            "Later that day, Nora Quist's reply was: “We stay.”",
            "In Nora Quist's words, “we stay.”",
        ] {
            let toks = sentence_tokens(s);
            let mut r = Resolver::default();
            let got = quote_subject(s, &toks, Gazetteer::builtin(), &mut r);
            assert_eq!(got.map(|s| s.name), Some("Nora Quist".to_string()), "{s}");
        }
    }

    #[test]
    fn an_opening_participle_is_no_subject() {
        let s = "Addressing the crowd Thursday, Jane Doe described a city of “honest talk.”";
        let toks = sentence_tokens(s);
        let mut r = Resolver::default();
        let got = quote_subject(s, &toks, Gazetteer::builtin(), &mut r);
        assert_eq!(got.map(|s| s.name), Some("Jane Doe".to_string()));
    }

    #[test]
    fn plain_noun_phrases_speak_and_definite_ones_point_back() {
        assert_eq!(
            speakers(&[
                "Another commenter wrote that the show was over.",
                "Jane Roe said the deal was fair.",
                "The investor said it would close soon.",
            ]),
            vec![
                some("Another commenter", None),
                some("Jane Roe", None),
                some("Jane Roe", None),
            ]
        );
    }

    #[test]
    fn a_description_names_whom_the_same_indefinite_one_brought_in() {
        assert_eq!(
            speakers(&[
                "Jane Roe said the move was welcome.",
                "A senior defense official said the talks would go on.",
                "The official said the army was ready.",
                "The lawmaker said the bill would pass.",
            ]),
            vec![
                some("Jane Roe", None),
                some("A senior defense official", None),
                some("A senior defense official", None),
                some("Jane Roe", None),
            ]
        );
    }

    #[test]
    fn an_acronym_spelled_like_who_is_no_relative_pronoun() {
        assert_eq!(
            speakers(&["“We are working,” said Jan Roe, WHO's director of communications."]),
            vec![some("Jan Roe", Some("World Health Organization"))]
        );
    }

    #[test]
    fn a_plural_description_points_back_to_no_one_person() {
        assert_eq!(
            speakers(&[
                "Army spokesman Jan Roe said the convoy was hit.",
                "The four physicians who treated them said forty men died.",
                "The soldiers told reporters the base fell.",
            ]),
            vec![
                some("Jan Roe", None),
                some("The four physicians who treated them", None),
                some("The soldiers", None),
            ]
        );
    }

    #[test]
    fn that_before_an_article_a_name_or_a_plural_joins_a_clause() {
        assert_eq!(
            speakers(&[
                "Jan Roe said the deal was fair.",
                "The hour was so odd that a spokesman for the ministry could only say it was late.",
                "It is well known that social scientists say the effect is small.",
            ]),
            vec![
                some("Jan Roe", None),
                some("a spokesman for the ministry", None),
                some("social scientists", None),
            ]
        );
    }

    #[test]
    fn a_role_reaches_past_a_determiner_to_whom_it_serves() {
        assert_eq!(
            speakers(&["The plan will work, said a longtime aide to both Smiths."]),
            vec![some("a longtime aide to both Smiths", None)]
        );
    }

    #[test]
    fn a_described_source_reaches_on_to_the_body_it_comes_from() {
        assert_eq!(
            speakers(&["The bridge is safe, according to a study from the Acme Institute."]),
            vec![some("a study from the Acme Institute", None)]
        );
    }

    #[test]
    fn a_plural_head_before_the_cue_is_the_subject() {
        assert_eq!(
            speakers(&[
                "The plumbers said the pipes were fine.",
                "Several small bakeries said the flour ran out.",
            ]),
            vec![
                some("The plumbers", None),
                some("Several small bakeries", None),
            ]
        );
    }

    #[test]
    fn sentence_subjects_past_appositives_labels_and_possessives() {
        for (s, want) in [
            (
                "Jane Roe, R-Ky., delivered a message to Trump: “Stop it now.”",
                "Jane Roe",
            ),
            ("Jane Roe: “Our goal is to win this race.”", "Jane Roe"),
            (
                "Jane Roe, who ran in 2012, called Smith's remarks and actions “childish.”",
                "Jane Roe",
            ),
            (
                "Speaking in Salem, New Hampshire, Jane Roe went after Bush, calling him “a stiff.”",
                "Jane Roe",
            ),
            (
                "Sen. Jane Roe (D-Ohio) visited the show, saying “on her worst day” she won.",
                "Jane Roe",
            ),
            (
                "Later, Smith's state director, Jane Roe, reached out, writing: “We want it.”",
                "Jane Roe",
            ),
        ] {
            let toks = sentence_tokens(s);
            let got = quote_subject(s, &toks, Gazetteer::builtin(), &mut Resolver::default());
            assert_eq!(got.map(|s| s.name).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn passives_and_non_denials_are_not_attributions() {
        assert!(speakers(&["The airbase is said to be Qayyara West."]).is_empty());
        assert!(speakers(&["The ministry neither confirmed nor denied the report."]).is_empty());
    }

    #[test]
    fn surnames_expand_and_parties_speak() {
        assert_eq!(
            speakers(&[
                "Secretary of State John Kerry said it was done.",
                "Russia has denied that.",
                "Mr. Kerry said, and it has also dismissed a plan.",
            ]),
            vec![
                some("John Kerry", None),
                some("Russia", Some("Russia")),
                some("John Kerry", None),
                some("Russia", Some("Russia")),
            ]
        );
    }

    /// A sentence's attributions are the same whether the list they are added to is empty or
    /// already holds the briefing's earlier ones: the rules that ask what this sentence has
    /// found so far (a colon's label, a verb sharing an earlier verb's subject) look only at
    /// this sentence's.
    #[test]
    fn a_sentence_reads_alike_after_earlier_attributions() {
        let g = Gazetteer::builtin();
        let earlier = "Ada Lind said the fair was over.";
        for s in [
            "Jan Roe had one message: “Vote early.”",
            "Reports that the mayor had fled were denied by the council.",
            "Jan Roe smiled and said the vote was fair.",
        ] {
            let read = |found: &mut Vec<Attribution>| {
                let mut r = Resolver::default();
                let first = found.len();
                attributions(s, 1, &sentence_tokens(s), g, &mut r, found);
                found[first..]
                    .iter()
                    .map(|a| (a.cue_tok, a.speaker.as_ref().map(|s| s.name.clone())))
                    .collect::<Vec<_>>()
            };
            let alone = read(&mut Vec::new());
            assert!(!alone.is_empty(), "{s}");
            let mut found = Vec::new();
            let mut r = Resolver::default();
            attributions(earlier, 0, &sentence_tokens(earlier), g, &mut r, &mut found);
            assert_eq!(found.len(), 1);
            assert_eq!(read(&mut found), alone, "{s}");
        }
    }

    #[test]
    fn inverted_and_generic_speakers() {
        let s = "“Every surrogate is lowering expectations,” said one New Hampshire Democrat.";
        let toks = sentence_tokens(s);
        let mut r = Resolver::default();
        let mut found = Vec::new();
        attributions(s, 0, &toks, Gazetteer::builtin(), &mut r, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].speaker.as_ref().unwrap().name,
            "one New Hampshire Democrat"
        );
    }

    #[test]
    fn modifiers_opening_a_clause_belong_to_the_role_noun() {
        for (s, speaker) in [
            (
                "Election law experts have said the count was fair.",
                "Election law experts",
            ),
            (
                "Court security officers said the building was closed.",
                "Court security officers",
            ),
        ] {
            assert_eq!(speakers(&[s]), vec![some(speaker, None)], "{s}");
        }
    }

    #[test]
    fn a_description_set_off_by_dashes_keeps_the_subject_before_it() {
        assert_eq!(
            speakers(&["Jane Roe — a teacher from the valley — told Carl Poe that it was over."]),
            vec![some("Jane Roe", None)]
        );
    }

    #[test]
    fn a_name_before_a_description_missing_its_closing_comma_is_the_subject() {
        for s in [
            "Sam Roe, the spokesman for the state party said in a statement that it was over.",
            "Sam Roe, the analyst who founded the site tweeted that it was over.",
        ] {
            assert_eq!(speakers(&[s]), vec![some("Sam Roe", None)], "{s}");
        }
        // A lone word opening the sentence is no name.
        assert_eq!(
            speakers(&["Yesterday, the spokesman said that it was over."]),
            vec![some("the spokesman", None)]
        );
    }

    #[test]
    fn a_stray_comma_after_a_party_tag_keeps_the_subject() {
        assert_eq!(
            speakers(&["After the vote in Ohio, Gov. Jane Roe (R-OH), said that it was over."]),
            vec![some("Jane Roe", None)]
        );
    }

    #[test]
    fn a_name_given_after_an_inverted_description_is_the_speaker() {
        for (s, speaker) in [
            (
                "“It was fine,” said the night manager known as Lou, speaking for the first time.",
                "Lou",
            ),
            (
                "“Close the gates!” wrote a man calling himself Tom Tom.",
                "Tom Tom",
            ),
        ] {
            let toks = sentence_tokens(s);
            let mut found = Vec::new();
            attributions(
                s,
                0,
                &toks,
                Gazetteer::builtin(),
                &mut Resolver::default(),
                &mut found,
            );
            assert_eq!(found[0].speaker.as_ref().unwrap().name, speaker, "{s}");
        }
    }

    /// Who each cue of `s`, read as a sentence alone, resolves to (`None` for no one).
    fn speakers_in(s: &str) -> Vec<Option<String>> {
        speakers(&[s])
            .into_iter()
            .map(|found| found.map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn a_name_before_a_description_left_unclosed_is_who_spoke() {
        for s in [
            "“We have no word of it,” Jan Roe, the agency's director of communications told reporters.",
            "“We have no word of it,” Jan Roe, a former navy minister said.",
        ] {
            assert_eq!(speakers_in(s)[0].as_deref(), Some("Jan Roe"), "{s}");
        }
        // No quotation before it: an opening adverb is no name.
        let s = "Ironically, the spokesman told reporters the truce held.";
        assert_eq!(speakers_in(s)[0].as_deref(), Some("the spokesman"), "{s}");
        // A comma and another cue inside: the later cue is not the name's.
        let s = "“It is over,” Jan Roe, the head of the council said, the Daily Star reported.";
        assert_eq!(speakers_in(s)[1].as_deref(), Some("Daily Star"), "{s}");
    }

    #[test]
    fn a_name_before_a_role_left_unclosed_is_who_spoke() {
        let s = "Capt. Jan Roe, spokesman for the city police told reporters the school was shut.";
        assert_eq!(speakers_in(s)[0].as_deref(), Some("Jan Roe"), "{s}");
        // Speakers set off by commas inside what was said are who spoke.
        let s = "Mr. Obama, officials said, has grown wary of the plan.";
        assert_eq!(speakers_in(s)[0].as_deref(), Some("officials"), "{s}");
    }

    #[test]
    fn a_name_after_a_relative_clause_and_the_cue_is_who_spoke() {
        for (s, speaker) in [
            (
                "Talks are harder than with the militant group Hezbollah, which also took \
                 hostages, said Bruce Riedel, a former CIA official.",
                "Bruce Riedel",
            ),
            (
                "The truce was broken by the army, which fired first, said Tom Banks.",
                "Tom Banks",
            ),
            // The name goes on into what was said: the subject stands before the cue.
            (
                "Hezbollah, which also took hostages, said Israel broke the truce.",
                "Hezbollah",
            ),
        ] {
            assert_eq!(speakers_in(s)[0].as_deref(), Some(speaker), "{s}");
        }
    }

    #[test]
    fn a_passive_agent_is_not_the_speaker() {
        for (s, speaker) in [
            (
                "A former hostage held by ISIS said the fighters beat him.",
                "A former hostage",
            ),
            (
                "A spokesman hired by the Kremlin said the strike was legal.",
                "A spokesman",
            ),
        ] {
            assert_eq!(speakers(&[s])[0], some(speaker, None), "{s}");
        }
    }
}
