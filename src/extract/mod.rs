//! Extraction: from a briefing's text to sentences, quotations with speakers, parties, and
//! the claims and denials each party makes.
//!
//! Rule-based and deterministic, linear in the size of the text, and free of any model or
//! download, so it runs the same on an air-gapped laptop as in CI.

mod acronyms;
mod attribution;
mod lexicon;
pub mod parties;
mod quotes;
mod sentences;
mod tokens;

use crate::briefing::{Briefing, Span};
use serde::{Deserialize, Serialize};

pub use parties::Gazetteer;

/// What extraction found in one briefing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Sentences of the body, in order.
    pub sentences: Vec<Span>,
    /// Direct quotations, in article order, never overlapping.
    pub quotes: Vec<Quote>,
    /// Claims and denials, in article order.
    pub statements: Vec<Statement>,
    /// Parties mentioned, most mentioned first.
    pub parties: Vec<PartyCount>,
}

impl Extraction {
    /// How many statements are of `kind`, for the counts lists show.
    pub fn count(&self, kind: Kind) -> usize {
        self.statements.iter().filter(|s| s.kind == kind).count()
    }
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words without their quote marks.
    pub span: Span,
    /// Index into [`Briefing::paragraphs`] of the paragraph where the quote starts.
    pub paragraph: usize,
    /// The person or body quoted; `None` when no speaker is certain.
    pub speaker: Option<String>,
    /// The speaker's party, when the text ties one to them.
    pub party: Option<String>,
    /// The attributing verb or phrase ("said", "according to").
    pub cue: Option<String>,
}

/// Whether a statement asserts or denies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An assertion, accusation, warning, judgment.
    Claim,
    /// A denial, rejection, dismissal, refutation.
    Denial,
}

/// A claim or denial attributed to an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Claim or denial.
    pub kind: Kind,
    /// Who makes it (a person or a party); `None` when unknown.
    pub actor: Option<String>,
    /// The party it is made for.
    pub party: Option<String>,
    /// The verb or phrase that makes it a statement ("denied", "told").
    pub cue: Option<String>,
    /// Its sentence (or sentences, when a quotation runs on); when one sentence holds several
    /// statements, its own clause of it.
    pub span: Span,
    /// Index into [`Briefing::paragraphs`].
    pub paragraph: usize,
    /// Index of the statement on the other side that this one contradicts.
    pub counter: Option<usize>,
}

/// How often a party is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyCount {
    /// Canonical party name.
    pub name: String,
    /// Number of mentions in the headline and body.
    pub mentions: usize,
}

/// Extracts everything from one briefing, with the parties its front matter adds on top of
/// `gazetteer`. Deterministic and linear in the text's length.
pub fn extract(b: &Briefing, gazetteer: &Gazetteer) -> Extraction {
    if b.meta.parties.is_empty() {
        extract_with(b, gazetteer)
    } else {
        extract_with(b, &gazetteer.for_briefing(&b.meta.parties))
    }
}

/// Bytes of text per sentence the sentence lists are first given room for: fewer than most
/// news sentences hold, so they seldom grow.
const SENTENCE_BYTES: usize = 64;

/// Extracts with exactly this gazetteer.
fn extract_with(b: &Briefing, gazetteer: &Gazetteer) -> Extraction {
    let text = b.text.as_str();
    let paragraphs = &b.paragraphs;
    // Sentences, remembering their paragraph. (News sentences run to a hundred bytes and
    // more: room for one every [`SENTENCE_BYTES`] spares the lists their growing.)
    let mut sentences: Vec<Span> = Vec::with_capacity(text.len() / SENTENCE_BYTES);
    let mut sentence_paragraph: Vec<usize> = Vec::with_capacity(text.len() / SENTENCE_BYTES);
    for (p, &para) in paragraphs.iter().enumerate() {
        sentences::split(text, para, &mut sentences);
        sentence_paragraph.resize(sentences.len(), p);
    }
    let regions = quotes::find(text, paragraphs);
    // Tokens per sentence, quotations collapsed; the region cursor only moves forward.
    let mut sentence_tokens = tokens::Sentences::with_capacity(text.len(), sentences.len());
    let mut cursor = 0;
    for s in &sentences {
        while cursor < regions.len() && regions[cursor].outer.end <= s.start {
            cursor += 1;
        }
        sentence_tokens.push(text, *s, &regions, cursor);
    }
    // Attributions, sentence by sentence, resolving speakers in reading order.
    let mut resolver = attribution::Resolver::default();
    // (Fewer than one a sentence: room for one each spares the list its growing.)
    let mut attributions: Vec<attribution::Attribution> = Vec::with_capacity(sentences.len());
    let mut sentence_attributions: Vec<(usize, usize)> = Vec::with_capacity(sentences.len());
    // Per sentence holding a quotation, who speaks a quotation no cue introduces: its
    // subject (see [`attribution::quote_subject`]), else the person the passage is about once
    // the sentence is read (see [`attribution::Resolver::topic`]).
    let mut sentence_topic: Vec<Option<attribution::Speaker>> = Vec::with_capacity(sentences.len());
    // Whether that speaker is the sentence's own subject.
    let mut own_subject: Vec<bool> = Vec::with_capacity(sentences.len());
    // Per sentence opening a paragraph, the speaker its dash label names (see
    // [`attribution::dash_label`]).
    let mut dash_labels: Vec<Option<attribution::Speaker>> = Vec::with_capacity(sentences.len());
    // Where each quote region's token stands (see [`QuotePlaces`]), noted in the one pass
    // over each sentence's tokens that finds its quotations and its first cue.
    let mut quote_places = QuotePlaces::new(regions.len());
    // The first region that may overlap the sentence at hand, as the tokenizer kept it: a
    // sentence holds a quotation's token exactly when that region starts before it ends.
    let mut cursor = 0;
    for (k, toks) in sentence_tokens.iter().enumerate() {
        resolver.begin_sentence(k);
        let sentence = sentences[k];
        while cursor < regions.len() && regions[cursor].outer.end <= sentence.start {
            cursor += 1;
        }
        let quoting = regions
            .get(cursor)
            .is_some_and(|r| r.outer.start < sentence.end && sentence.start < sentence.end);
        // Sentence subjects count as antecedents only before the sentence's first cue verb:
        // after it stands what was said, whose subjects ("He said that Mr. Trump wanted")
        // are not who the passage is about; its speaker is.
        let is_cue = |t: &tokens::Tok| {
            t.kind == tokens::TokKind::Word && t.lex.is_cue() && !t.is_capitalized(text)
        };
        let cue = if quoting {
            let mut cue = toks.len();
            for (i, t) in toks.iter().enumerate() {
                if let tokens::TokKind::Quote(r) = t.kind {
                    quote_places.note(r as usize, (k, i));
                } else if cue == toks.len() && is_cue(t) {
                    cue = i;
                }
            }
            cue
        } else {
            // (No quotation to note: the scan ends at the first cue, most sentences' middle.)
            debug_assert!(
                !toks
                    .iter()
                    .any(|t| matches!(t.kind, tokens::TokKind::Quote(_))),
                "the tokenizer made a quotation's token where no region overlaps"
            );
            toks.iter().position(is_cue).unwrap_or(toks.len())
        };
        let subject = quoting
            .then(|| attribution::quote_subject(text, toks, gazetteer, &mut resolver))
            .flatten();
        let first = attributions.len();
        attribution::attributions(text, k, toks, gazetteer, &mut resolver, &mut attributions);
        let opens_paragraph = k == 0 || sentence_paragraph[k - 1] != sentence_paragraph[k];
        dash_labels.push(
            opens_paragraph
                .then(|| attribution::dash_label(text, toks, gazetteer, &mut resolver))
                .flatten(),
        );
        attribution::note_subjects(text, toks, cue, gazetteer, &mut resolver);
        own_subject.push(subject.is_some());
        sentence_topic
            .push(subject.or_else(|| quoting.then(|| resolver.topic().cloned()).flatten()));
        attribution::note_issuer(text, toks, gazetteer, &mut resolver);
        sentence_attributions.push((first, attributions.len()));
    }
    let links = link_quotes(
        text,
        &regions,
        &quote_places,
        &sentence_tokens,
        &sentence_attributions,
        &attributions,
        &sentence_paragraph,
    );
    let mut quotes_out = Vec::with_capacity(regions.len());
    let mut quote_attribution = Vec::with_capacity(regions.len());
    let quote_speaker = |link: Option<usize>, sentence: usize| match link {
        // A quotation carried on from a speaker in an earlier sentence belongs instead to
        // the subject of its own sentence when it has one ("Trump attacked Romney, calling
        // him “a failure.” Romney fired back, attacking Trump for “…”").
        Some(a) if attributions[a].sentence < sentence && own_subject[sentence] => {
            sentence_topic[sentence].as_ref()
        }
        Some(a) => attributions[a]
            .speaker
            .as_ref()
            .or(sentence_topic[sentence].as_ref()),
        None => sentence_topic[sentence].as_ref(),
    };
    // Each quotation's sentence and speaker, worked out once: the speakers of the
    // quotations a cue introduces decide which uncued ones are kept. (Borrowed: only a
    // quotation that is kept has its speaker's name copied into it.)
    let mut placed: Vec<(usize, Option<&attribution::Speaker>)> = regions
        .iter()
        .zip(&links)
        .map(|(region, &link)| {
            let sentence = sentence_at(&sentences, region.outer.start);
            (sentence, quote_speaker(link, sentence))
        })
        .collect();
    // A quotation that opens its paragraph, with a dash label as the next paragraph, is the
    // labelled person's ("“…” / - Bernie Sanders."), whatever came before it.
    for (r, region) in regions.iter().enumerate() {
        let next = sentence_paragraph.partition_point(|&p| p <= region.last_paragraph);
        let opens = |s: usize| {
            sentence_tokens.get(s).first().is_some_and(|t| {
                matches!(t.kind, tokens::TokKind::Quote(q) if regions[q as usize].first_paragraph == region.first_paragraph)
            })
        };
        let first = sentence_paragraph.partition_point(|&p| p < region.first_paragraph);
        if let Some(Some(label)) = dash_labels.get(next)
            && sentence_paragraph[next] == region.last_paragraph + 1
            && opens(first)
        {
            placed[r].1 = Some(label);
        }
    }
    // Per quotation, whether its sentence's own subject speaks it and also speaks a
    // quotation a cue introduces.
    let subject_quoted: Vec<bool> = {
        let cued_speakers: rustc_hash::FxHashSet<&str> = placed
            .iter()
            .zip(&links)
            .filter(|(_, link)| link.is_some())
            .filter_map(|((_, speaker), _)| speaker.map(|s| s.name.as_str()))
            .collect();
        placed
            .iter()
            .map(|(sentence, speaker)| {
                own_subject[*sentence]
                    && speaker.is_some_and(|s| cued_speakers.contains(s.name.as_str()))
            })
            .collect()
    };
    for (r, region) in regions.iter().enumerate() {
        let inner = trim_span(text, region.inner);
        // `author="@AP"` in embedded markup is an attribute's value, not a quotation.
        if !inner.of(text).chars().any(char::is_alphanumeric)
            || text.as_bytes()[..region.outer.start].ends_with(b"=")
        {
            continue;
        }
        let link = links[r];
        let (sentence, speaker) = placed[r];
        let (first_attr, end_attr) = sentence_attributions[sentence];
        let reported = link.is_some() || first_attr < end_attr;
        let opens_sentence = text
            [sentences[sentence].start.min(region.outer.start)..region.outer.start]
            .trim()
            .is_empty();
        if !keep_quote(
            text,
            inner,
            region.outer,
            reported,
            opens_sentence,
            own_subject[sentence],
            subject_quoted[r],
        ) {
            continue;
        }
        let party = speaker.and_then(|s| s.party.clone().or_else(|| resolver.party_of(&s.name)));
        quotes_out.push(Quote {
            span: inner,
            paragraph: region.first_paragraph,
            speaker: speaker.map(|s| s.name.clone()),
            party,
            cue: link.map(|a| attributions[a].cue_text.clone()),
        });
        quote_attribution.push((r, link));
    }
    let denials = lexicon::DenialPhrases::of(text);
    let mut statements = build_statements(
        text,
        &sentences,
        &sentence_paragraph,
        &regions,
        &mut attributions,
        &quote_attribution,
        &resolver,
    );
    // A reported statement holding a denial phrase ("not true", "had nothing to do with
    // it") denies, whatever its cue verb.
    for s in &mut statements {
        if denials.within(s.span) {
            s.kind = Kind::Denial;
        }
    }
    let unattributed = unattributed_statements(
        text,
        &denials,
        &sentences,
        &sentence_paragraph,
        &sentence_tokens,
        &mut statements,
    );
    statements.extend(unattributed);
    statements.sort_by_key(|s| s.span);
    // Party mentions of the body, found once: counted for the briefing, and looked up by
    // span for each statement that pairing compares.
    let body_start = b.body_start();
    let mentions: Vec<(Span, &str)> = gazetteer
        .find_all(&text[body_start..])
        .map(|(span, party)| {
            (
                Span::new(span.start + body_start, span.end + body_start),
                party,
            )
        })
        .collect();
    for s in &mut statements {
        if s.kind == Kind::Claim
            && let Some(party) = &s.party
            && denies_its_own_presence(text, s.span, party, &mentions)
        {
            s.kind = Kind::Denial;
        }
    }
    acronyms::unify_all(
        &text[body_start..],
        quotes_out
            .iter_mut()
            .map(|q| &mut q.speaker)
            .chain(statements.iter_mut().map(|s| &mut s.actor))
            .flatten(),
    );
    let mut extraction = Extraction {
        sentences,
        quotes: quotes_out,
        statements,
        parties: count_parties(b, gazetteer, &mentions),
    };
    merge_hand_annotations(b, &mut extraction);
    pair_counters(text, &mut extraction.statements, &mentions);
    extraction
}

/// The last clause boundary in `between` (the text from one statement's cue to the next
/// statement's subject): where the first clause ends and where the next one resumes.
fn clause_boundary(between: &str) -> Option<(usize, usize)> {
    let bytes = between.as_bytes();
    // The last comma, semicolon or joining word, read from the end: the nearest one found
    // is the last, so the rest of the text is never read (each boundary starts at a
    // different byte, so there are no ties).
    let (cut, mut resume) = (0..bytes.len()).rev().find_map(|k| match bytes[k] {
        b',' | b';' => Some((k, k + 1)),
        b' ' => [" and ", " but ", " while "]
            .iter()
            .find(|joiner| bytes[k..].starts_with(joiner.as_bytes()))
            .map(|joiner| (k, k + joiner.len())),
        _ => None,
    })?;
    resume += between[resume..].len() - between[resume..].trim_start().len();
    for joiner in ["and ", "but ", "while "] {
        if between[resume..].starts_with(joiner) {
            resume += joiner.len();
        }
    }
    Some((cut, resume))
}

/// Length of a trailing ", and" / "and" / "," left where a clause was cut from the next one.
fn trailing_joiner(clause: &str) -> usize {
    let t = clause.trim_end();
    // The joiner the clause's last byte may end (no two end alike), and whether it is a word,
    // which must stand apart from the word before it. (Most clauses end on a full stop or a
    // quote mark, which ends no joiner.)
    let (joiner, word) = match t.as_bytes().last() {
        Some(b'd') => ("and", true),
        Some(b't') => ("but", true),
        Some(b'e') => ("while", true),
        Some(b's') => ("as", true),
        Some(b',') => (",", false),
        Some(b';') => (";", false),
        Some(b'-') => ("-", false),
        Some(0x94) => ("—", false),
        _ => ("", false),
    };
    let cut = t
        .strip_suffix(joiner)
        .filter(|rest| !joiner.is_empty() && (!word || rest.ends_with(char::is_whitespace)))
        .map_or(clause.len() - t.len(), |rest| {
            clause.len() - rest.trim_end_matches([' ', ',']).len()
        });
    cut.min(clause.len().saturating_sub(1))
}

/// A span without surrounding whitespace.
fn trim_span(text: &str, s: Span) -> Span {
    let t = s.of(text);
    // (Most spans begin and end on a printable ASCII character, which no blank is.)
    let printable = |b: Option<&u8>| b.is_some_and(|&b| (b'!'..=b'~').contains(&b));
    if printable(t.as_bytes().first()) && printable(t.as_bytes().last()) {
        return s;
    }
    let lead = t.len() - t.trim_start_matches(crate::briefing::is_blank_char).len();
    let trail = t.len() - t.trim_end_matches(crate::briefing::is_blank_char).len();
    if lead + trail >= t.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.end - trail)
}

/// Decides whether a quoted region is a quotation rather than a title, a nickname or a
/// scare-quoted term. In a sentence that reports speech, a quoted phrase is the speaker's
/// words, and a short Title Case one too when the sentence's own subject speaks ("Trump
/// called him “Little Marco”"), and a single capitalised word always: its capital marks the
/// start of what was said (“Absolutely,” he said), or a proper adjective (the judge was
/// “Mexican”), far more often than a one-word title. Without a cue, a short phrase that is
/// not Title Case is still a quotation when the sentence's subject is someone the article
/// quotes with a cue, before or after ("Smith dismissed the plan as “reckless”" in an
/// article that quotes Smith): a person who speaks in the article is being quoted, not
/// scare-quoted about. A phrase that a noun for words introduces is a quotation (see
/// [`is_noun_for_words`]), and a Title Case one after a naming word is a label someone used
/// (see [`names_words`]); one after an owner or a kind of work names the work (see
/// [`names_a_work`]). Elsewhere a short or Title Case phrase is a name or a term, not a
/// quotation. In reported speech, a Title Case phrase that opens its sentence and ends on a
/// comma, a question or an exclamation inside its marks is the start of what was said, its
/// capitals those of a sentence (“For the record,” she said; “Any Takers?” he asked): a
/// title opening a sentence is mostly its subject, rarely cut off by such a mark.
fn keep_quote(
    text: &str,
    inner: Span,
    outer: Span,
    reported: bool,
    opens_sentence: bool,
    subject_speaks: bool,
    subject_quoted: bool,
) -> bool {
    let quoted = inner.of(text);
    // Words, counted up to four: the rules below ask only for one, up to three, or four and
    // more, and counting a long quotation's every word cost more than the rest of the test.
    let words = words_up_to(quoted, 4);
    let title = is_title_case(quoted);
    // The word before the opening mark, read once for the rules below.
    let before = WordBefore::at(text, outer.start);
    if credited(text, quoted, title, outer.end)
        || after_so_called(text, outer.start)
        || is_web_address(quoted)
        || glosses(text, &before)
    {
        return false;
    }
    if is_noun_for_words(before.word)
        || is_noun_for_words(word_before_of(text, &before))
        || (title && names_words(before.word))
    {
        return true;
    }
    let kept = if title
        && (names_a_work(before.word)
            || names_a_work(word_before_comma(text, outer.start))
            || (words <= 3 && runs_into_a_name(text, quoted, outer.end)))
    {
        false
    } else if reported {
        let said = opens_sentence && quoted.ends_with([',', '?', '!']);
        !title || words == 1 || words >= 4 || subject_speaks || said
    } else {
        !title && (words >= 4 || subject_quoted)
    };
    // (Asked last, of the few phrases the rules above drop.)
    kept || (before.word.is_empty() && in_the_words_of(text, outer.start))
}

/// True when "in the words of" someone, set off by commas, stands right before byte `at`
/// (Clinton was, in the words of a senior adviser, “the torchbearer”): the phrase is that
/// person's words, however short. Reads a few bytes back only.
fn in_the_words_of(text: &str, at: usize) -> bool {
    const OPENER: &str = "in the words of ";
    let head = text[tokens::start_within(text, at, 96)..at].trim_end();
    let Some(head) = head.strip_suffix(',') else {
        return false;
    };
    let aside = memchr::memrchr(b',', head.as_bytes()).map_or(head, |c| &head[c + 1..]);
    aside
        .trim_start()
        .get(..OPENER.len())
        .is_some_and(|o| o.eq_ignore_ascii_case(OPENER))
}

/// True for a web address alone between quote marks ("http://example.com/a"), most often
/// left between two quotations whose marks went astray: a link, never anyone's words.
fn is_web_address(quoted: &str) -> bool {
    ["http://", "https://", "www."].iter().any(|p| {
        quoted
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    }) && !quoted.contains(char::is_whitespace)
}

/// True when "so-called" stands right before byte `at`: the writer marks the phrase as a term
/// others use and keeps a distance from it (the so-called “rebels”), a scare quote rather
/// than anyone's words. Reads a few bytes back only.
fn after_so_called(text: &str, at: usize) -> bool {
    const SO_CALLED: &[u8] = b"so-called";
    let head = text[..at].trim_end().as_bytes();
    head.len() >= SO_CALLED.len()
        && head[head.len() - SO_CALLED.len()..].eq_ignore_ascii_case(SO_CALLED)
        && !head[..head.len() - SO_CALLED.len()]
            .last()
            .is_some_and(u8::is_ascii_alphanumeric)
}

/// True when a quoted phrase ends on a comma, or is Title Case, and the text goes on with
/// "by" and a name: the credit line of a headline, a book or a song (“Museum to close its
/// doors,” by Jane Roe; “The Long Road Home” by John Doe), which names a work and its author
/// rather than anyone's words. A lower-case phrase right before "by" is mostly a passive
/// (“deeply troubled” by Mr. Doe). Only the bytes just past the closing mark are read.
fn credited(text: &str, quoted: &str, title: bool, outer_end: usize) -> bool {
    let comma = quoted.trim_end_matches(['\'', '’']).ends_with(',');
    let after = text[outer_end..].trim_start_matches([' ', '\t']);
    (comma || title)
        && after
            .strip_prefix("by ")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
}

/// True when the word before a Title Case quotation makes it the name of a work or a
/// programme rather than anyone's words: an owner (MSNBC's “Morning Joe”), a whole it belongs
/// to (the author of “The Art of the Deal”), an appearance (said on “Face the Nation”) or the
/// kind of work (his book “Crippled America”). Said words are rarely introduced so.
fn names_a_work(word: &str) -> bool {
    if tokens::is_possessive(word) && word.chars().any(char::is_alphabetic) {
        return true;
    }
    let word = tokens::norm(word);
    matches!(
        word.as_str(),
        "of" | "on"
            | "book"
            | "show"
            | "film"
            | "movie"
            | "song"
            | "program"
            | "programme"
            | "podcast"
            | "documentary"
            | "series"
            | "episode"
            | "album"
            | "novel"
            | "memoir"
            | "autobiography"
            | "sitcom"
            | "newsletter"
    )
}

/// True when the word before a Title Case quotation says that it is a label someone uses,
/// not a name: a naming verb or "as" (a plan dubbed “Bridge To Nowhere”, mocked him as
/// “Little Marco”). A title someone gave is such a label too (a memo titled “Where The Race
/// Stands”, an ad entitled “Our Story”): the words are theirs, given as they wrote them, where
/// a title met by its kind or owner alone is only a name (see [`names_a_work`]). Such a phrase
/// is a quotation whatever its length.
fn names_words(word: &str) -> bool {
    matches!(
        tokens::norm(word).as_str(),
        "as" | "called"
            | "dubbed"
            | "nicknamed"
            | "termed"
            | "labeled"
            | "labelled"
            | "branded"
            | "titled"
            | "entitled"
            | "named"
    )
}

/// True for a noun that announces words as words (the term “illegal alien”, the slogan “axe
/// the tax”), or a chant, noun or verb (the crowd chanting “USA”), or a cry (cries of
/// “fraud”, calls of “Feel the Bern”; see [`word_before_of`]): what follows is a phrase
/// someone uses, says or shouts, a quotation whatever its case or length.
fn is_noun_for_words(word: &str) -> bool {
    // A word's normal form is never longer than the word: the words before quotations too
    // short for any form (most of them, and the empty word where a mark stands there) are
    // passed over unread.
    word.len() >= const { shortest(&NOUNS_FOR_WORDS) }
        && tokens::norm_is_one_of(word, &NOUNS_FOR_WORDS)
}

/// The nouns and verbs [`is_noun_for_words`] knows, in their normal forms.
const NOUNS_FOR_WORDS: [&str; 17] = [
    "term", "phrase", "word", "words", "slogan", "motto", "chant", "chants", "chanted", "chanting",
    "cries", "shouts", "calls", "screams", "yells", "cheers", "chorus",
];

/// The length of the shortest of `words`, worked out when the program is compiled.
const fn shortest(words: &[&str]) -> usize {
    let (mut i, mut least) = (0, usize::MAX);
    while i < words.len() {
        if words[i].len() < least {
            least = words[i].len();
        }
        i += 1;
    }
    least
}

/// True when the quotation after `before` glosses a word ("whose name translates to “Western
/// education is sin”", "a term that means “holy war”", "literally “the base”"): a
/// translation or a meaning is no one's words, so it is no quotation to credit a speaker
/// with (it was credited to whoever spoke last).
/// ("Support in key states means “he must be doing something right,” she says" reports
/// speech: what "means" glosses is a name or a word.)
fn glosses(text: &str, before: &WordBefore) -> bool {
    let verb = before.word;
    let subject = || before.previous(text);
    let is_any = |w: &str, forms: &[&str]| forms.iter().any(|f| w.eq_ignore_ascii_case(f));
    verb.eq_ignore_ascii_case("literally")
        || is_any(verb, &["means", "meaning"]) && {
            let subject = subject();
            is_any(subject, &["which", "name", "word", "term", "nickname"])
                || tokens::is_capitalized(subject)
        }
        || is_any(verb, &["to", "as", "into"])
            && subject()
                .get(..8)
                .is_some_and(|w| w.eq_ignore_ascii_case("translat"))
}

/// The word before an "of" that stands right before the quotation ("chants of “Lock her
/// up!”"): a noun for words is as often followed by "of" as by the quotation itself. Empty
/// when no "of" stands there.
fn word_before_of<'a>(text: &'a str, before: &WordBefore<'a>) -> &'a str {
    if before.word.eq_ignore_ascii_case("of") {
        before.previous(text)
    } else {
        ""
    }
}

/// The word right before a byte ([`word_before`]) and where it starts: a quotation's rules
/// ask for it up to four times, and for the word before it now and then.
struct WordBefore<'a> {
    word: &'a str,
    start: usize,
}

impl<'a> WordBefore<'a> {
    fn at(text: &'a str, at: usize) -> WordBefore<'a> {
        let word = word_before(text, at);
        WordBefore {
            word,
            start: text[..at].trim_end().len() - word.len(),
        }
    }

    /// The word before this one.
    fn previous(&self, text: &'a str) -> &'a str {
        word_before(text, self.start)
    }
}

/// The word right before byte `at`, skipping spaces; empty when punctuation stands there.
/// Looks back a bounded number of bytes, so a long run without spaces costs nothing.
fn word_before(text: &str, at: usize) -> &str {
    let from = tokens::start_within(text, at, 64);
    // ASCII blanks, then ASCII letters, digits and apostrophes, read as bytes back to a mark
    // (most words before a quotation or a cue): only a character past ASCII met on the way
    // calls for the decoding walk ([`decoded_word_before`]).
    let bytes = text.as_bytes();
    let mut end = at;
    while end > from && matches!(bytes[end - 1], b' ' | b'\t'..=b'\r') {
        end -= 1;
    }
    let mut start = end;
    while start > from && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'\'') {
        start -= 1;
    }
    if start == from || bytes[start - 1].is_ascii() {
        return &text[start..end];
    }
    decoded_word_before(&text[from..at])
}

/// The word at the end of `head`, past its trailing blanks, read a character at a time:
/// letters and digits of any script, and straight or curly apostrophes.
fn decoded_word_before(head: &str) -> &str {
    let head = head.trim_end();
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    &head[start..]
}

/// True when a short Title Case phrase runs straight on, past its closing mark and a space,
/// into a capitalised word, with no stop inside its marks: it is part of a longer name, a
/// nickname between a first name and a surname (Gov. John “Buzz” Doe) or a title before
/// the noun it names (the “Mill Town” TV series). Said words end before what follows
/// them, on a comma or a stop. Only the bytes just past the closing mark are read.
fn runs_into_a_name(text: &str, quoted: &str, outer_end: usize) -> bool {
    let stop = quoted.ends_with(|c: char| c.is_ascii_punctuation() || c == '…');
    let after = &text[outer_end..];
    let next = after.trim_start_matches([' ', '\t']);
    !stop && next.len() < after.len() && next.starts_with(|c: char| c.is_uppercase())
}

/// The word before a comma that stands right before byte `at` (his latest film, “Title”): a
/// phrase set off so stands in apposition to that word. Empty when no comma stands there.
fn word_before_comma(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end();
    match head.strip_suffix(',') {
        Some(rest) => word_before(text, rest.len()),
        None => "",
    }
}

/// True for a phrase whose every longer word is capitalised ("The Rachel Maddow Show"), but
/// for the prepositions titles keep in lower case however long ("The Late Show with Jane
/// Roe", "Letters from Home").
fn is_title_case(phrase: &str) -> bool {
    let mut words = phrase
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic));
    let Some(first) = words.next() else {
        return false;
    };
    first.chars().next().is_some_and(char::is_uppercase)
        && words.all(|w| {
            w.chars().count() <= 3
                || w.chars().next().is_some_and(char::is_uppercase)
                || tokens::norm_is_one_of(w, &["with", "from", "into"])
        })
}

/// How many words (runs of anything but whitespace) `s` holds, counted up to `limit`: what
/// `s.split_whitespace().take(limit).count()` gives, with ASCII bytes (most of any text)
/// tested as they stand rather than decoded, eight at a time while eight ASCII bytes are
/// left: asked of every quotation and of the words after every cue, the decoding count cost
/// more than the rules that read it, and a byte at a time still cost a third of them.
fn words_up_to(s: &str, limit: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut words, mut in_word, mut at) = (0, false, 0);
    while at < bytes.len() && words < limit {
        if let Some(eight) = bytes.get(at..at + 8) {
            let eight = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            if eight & ASCII_HIGH == 0 {
                // A word starts at each non-blank byte whose byte before (in the lane below,
                // or before the eight) is blank.
                let word = !ascii_blanks(eight) & ASCII_HIGH;
                let word_before = (word << 8) | if in_word { 0x80 } else { 0 };
                words += (word & !word_before).count_ones() as usize;
                in_word = word >> 63 != 0;
                at += 8;
                continue;
            }
        }
        let (blank, len) = match bytes[at] {
            // ASCII's whitespace as `char::is_whitespace` has it (vertical tab included).
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => (true, 1),
            b if b.is_ascii() => (false, 1),
            _ => {
                let c = s[at..].chars().next().expect("a character starts here");
                (c.is_whitespace(), c.len_utf8())
            }
        };
        if blank {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
        at += len;
    }
    words.min(limit)
}

/// Bit 7 of each of eight bytes, the high bit [`ascii_blanks`] answers in.
const ASCII_HIGH: u64 = 0x8080_8080_8080_8080;

/// Bit 7 of each of eight ASCII bytes set where the byte is whitespace as
/// `char::is_whitespace` has it: a space, or a tab, line feed, vertical tab, form feed or
/// carriage return (9 to 13). On seven-bit bytes, adding `0x80 - n` carries into bit 7
/// exactly when the byte is `n` or more, and never into the next byte.
fn ascii_blanks(eight: u64) -> u64 {
    const LANES: u64 = 0x0101_0101_0101_0101;
    let at_least = |x: u64, n: u64| x + (0x80 - n) * LANES;
    let control = at_least(eight, 9) & !at_least(eight, 14);
    let not_space = at_least(eight ^ (0x20 * LANES), 1);
    (control | !not_space) & ASCII_HIGH
}

/// Index of the sentence containing byte `pos`.
fn sentence_at(sentences: &[Span], pos: usize) -> usize {
    sentences
        .partition_point(|s| s.end <= pos)
        .min(sentences.len().saturating_sub(1))
}

/// How many tokens apart a quotation and its cue verb may stand.
const LINK_WINDOW: usize = 60;

/// How many tokens a verb that only attributes a quotation beside it ("called", "described")
/// may stand before it: room for its object ("called Trump's statements and actions on
/// Sunday “childish”").
const QUOTE_ONLY_REACH: usize = 10;

/// "“There are no Russian troops in Ukraine,” Lavrov said", "no U.S. ground troops were
/// involved": a party that says none of its own are there, or took part, denies in
/// substance what the other side claims, with no verb of denial. True when a mention of
/// `party` inside `span` follows "there are no" (any form of *be*), or follows "no" with
/// "involved" a few words on. ("No U.S. personnel were injured" reports, denies nothing.)
fn denies_its_own_presence(text: &str, span: Span, party: &str, mentions: &[(Span, &str)]) -> bool {
    let first = mentions.partition_point(|(m, _)| m.start < span.start);
    mentions[first..]
        .iter()
        .take_while(|(m, _)| m.end <= span.end)
        .any(|&(m, p)| {
            let mut before = text[span.start..m.start].split_whitespace().rev();
            p == party
                && before.next().is_some_and(|w| w.eq_ignore_ascii_case("no"))
                && (before.next().is_some_and(|w| {
                    ["is", "are", "was", "were", "been"]
                        .iter()
                        .any(|be| w.eq_ignore_ascii_case(be))
                }) || text[m.end..span.end]
                    .split_whitespace()
                    .take(5)
                    .any(|w| w.starts_with("involved")))
        })
}

/// "called the truce “a lie”", "“…,” read the report": a quotation close enough to a verb
/// that only attributes one (see [`QUOTE_ONLY_REACH`]). Without one, "violence continued"
/// and "put the record straight" report nothing.
fn quotation_beside(toks: &[tokens::Tok], i: usize) -> bool {
    toks[i.saturating_sub(3)..toks.len().min(i + 1 + QUOTE_ONLY_REACH)]
        .iter()
        .any(|t| matches!(t.kind, tokens::TokKind::Quote(_)))
}

/// Where each quote region's token stands: (sentence, token) of its first and last
/// appearance, noted as the sentences are read in order (so linking needs no pass of its
/// own over every token).
struct QuotePlaces {
    first_at: Vec<Option<(usize, usize)>>,
    last_at: Vec<Option<(usize, usize)>>,
}

impl QuotePlaces {
    fn new(regions: usize) -> QuotePlaces {
        QuotePlaces {
            first_at: vec![None; regions],
            last_at: vec![None; regions],
        }
    }

    /// Region `r`'s token stands at `place`, after every place noted before.
    fn note(&mut self, r: usize, place: (usize, usize)) {
        self.first_at[r].get_or_insert(place);
        self.last_at[r] = Some(place);
    }
}

/// For each quote region, the attribution that says who spoke it. Every search is bounded
/// to a window of tokens or attributions, so linking stays linear on any input.
fn link_quotes(
    text: &str,
    regions: &[quotes::Region],
    places: &QuotePlaces,
    sentence_tokens: &tokens::Sentences,
    sentence_attributions: &[(usize, usize)],
    attributions: &[attribution::Attribution],
    sentence_paragraph: &[usize],
) -> Vec<Option<usize>> {
    use tokens::TokKind;
    let QuotePlaces { first_at, last_at } = places;
    let speaks = |a: usize| attributions[a].cue != lexicon::Cue::Stance;
    let mut out: Vec<Option<usize>> = Vec::with_capacity(regions.len());
    for (r, region) in regions.iter().enumerate() {
        let (Some((sa, qa)), Some((sb, qb))) = (first_at[r], last_at[r]) else {
            out.push(None);
            continue;
        };
        let range = |s: usize| sentence_attributions[s].0..sentence_attributions[s].1;
        // The first attribution of sentence `s` whose cue stands at or after token `k`.
        let from_tok = |s: usize, k: usize| {
            let rg = range(s);
            rg.start + attributions[rg.clone()].partition_point(|at| at.cue_tok < k)
        };
        let mut found = None;
        // 1. Right beside the closing mark: “…,” he said / “…,” said Dunford.
        let toks = sentence_tokens.get(sb);
        let mut k = qb + 1;
        while k < toks.len() && matches!(toks[k].kind, TokKind::Comma | TokKind::Dash) {
            k += 1;
        }
        // ("Trump claimed that “…,” one of the prosecutors said the cases differ": a
        // quotation a cue's "that" opens is that cue's (rule 2) when the cue after it
        // reports a clause of its own.)
        let toks_a = sentence_tokens.get(sa);
        let reported_that = qa >= 2
            && toks_a[qa - 1].is_word()
            && toks_a[qa - 1].norm_is_one_of(text, &["that"])
            && (range(sa).start..from_tok(sa, qa))
                .rev()
                .take_while(|&a| qa - attributions[a].cue_tok <= 4)
                .any(|a| speaks(a) && attributions[a].speaker.is_some());
        // Whether a cue with a speaker stands before the opening mark, in reach of rule 2.
        let cued_before = || {
            (range(sa).start..from_tok(sa, qa))
                .rev()
                .take_while(|&a| qa - attributions[a].cue_tok <= LINK_WINDOW)
                .any(|a| {
                    speaks(a)
                        && attributions[a].speaker.is_some()
                        && !toks_a[attributions[a].cue_tok..qa]
                            .iter()
                            .any(|t| t.kind == TokKind::Stop)
                })
        };
        found = found.or_else(|| {
            (from_tok(sb, k)..range(sb).end)
                .take_while(|&a| attributions[a].cue_tok <= k + 16)
                // "“…,” agrees Michelle Stevens": right after a quotation, with its subject
                // after it, even a stance verb frames speech.
                // ("“Keep the tax in place,” it recommended.": so does one that ends its
                // clause, when no cue before the quotation has it already.)
                .filter(|&a| {
                    let at = &attributions[a];
                    speaks(a)
                        || at.inverted
                        || (attribution::ends_on_comma(text, &toks[qb])
                            && at.cue_tok == at.subject.1
                            && toks.get(at.cue_tok + 1).is_none_or(|t| {
                                matches!(t.kind, TokKind::Stop | TokKind::Comma | TokKind::Quote(_))
                            })
                            && !cued_before())
                })
                .find(|&a| {
                    let at = &attributions[a];
                    // ("“… the long run!” She replied to him that it was …": a cue with a
                    // that-clause of its own reports that, not the quotation before it.)
                    let reports_a_clause = || {
                        toks[at.cue_tok + 1..]
                            .iter()
                            .take(4)
                            .take_while(|t| t.kind == TokKind::Word)
                            .any(|t| t.span.of(text).eq_ignore_ascii_case("that"))
                    };
                    let own_clause = || {
                        reported_that
                            && toks.get(at.cue_tok + 1).is_some_and(|t| {
                                t.is_word()
                                    && (t.lex.is(lexicon::Class::Determiner)
                                        || t.lex.pronoun().is_some())
                            })
                    };
                    // ("After Scalia said that students might do better at “less advanced
                    // schools,” Trump said: “…”": a cue whose colon opens a quotation of its
                    // own introduces that one; the quotation before it is the earlier cue's.)
                    // ("Clinton replies with, “Why now?” Mills then writes back, “You look
                    // cute.”": so does one whose comma opens a quotation of its own when the
                    // quotation before it ends its sentence inside its marks.)
                    let introduces_next = || {
                        // (Past a particle: "writes back, “…”", "shot back: “…”".)
                        let mut after = at.cue_tok + 1;
                        if toks
                            .get(after)
                            .is_some_and(|t| t.is_word() && t.norm_is_one_of(text, &["back"]))
                        {
                            after += 1;
                        }
                        let set_off = match toks.get(after).map(|t| t.kind) {
                            Some(TokKind::Colon) => true,
                            Some(TokKind::Comma) => attribution::ends_on_stop(text, &toks[qb]),
                            _ => false,
                        };
                        set_off
                            && toks
                                .get(after + 1)
                                .is_some_and(|t| matches!(t.kind, TokKind::Quote(_)))
                            && cued_before()
                    };
                    ((at.inverted && at.cue_tok == k)
                        || (!at.inverted && at.subject.0 == k && !reports_a_clause()))
                        && !own_clause()
                        && !introduces_next()
                })
        });
        // 2. Before the opening mark in the same sentence: Dunford acknowledged, “…”.
        found = found.or_else(|| {
            (range(sa).start..from_tok(sa, qa))
                .rev()
                .take_while(|&a| qa - attributions[a].cue_tok <= LINK_WINDOW)
                .filter(|&a| speaks(a))
                .find(|&a| {
                    let at = &attributions[a];
                    (at.cue != lexicon::Cue::QuoteOnly || qa - at.cue_tok <= QUOTE_ONLY_REACH)
                        && !toks_a[at.cue_tok..qa]
                            .iter()
                            .any(|t| t.kind == TokKind::Stop)
                })
                .map(|a| reporting_cue(text, attributions, toks_a, a))
        });
        // 3. Later in the closing sentence: Daesh “…”, and that …, he said.
        found = found.or_else(|| {
            (from_tok(sb, qb + 1)..range(sb).end)
                .take(6)
                .filter(|&a| speaks(a) && attributions[a].cue != lexicon::Cue::QuoteOnly)
                .find(|&a| {
                    let at = &attributions[a];
                    // ("… leadership to “dictators” and … an attack on Trump, who has said":
                    // a relative clause on someone named after the quotation says what they
                    // said, not who spoke the quotation.)
                    if at.subject.0 > qb && attribution::opens_relative(text, toks, at.cue_tok) {
                        return false;
                    }
                    let from = at.subject.0.min(at.cue_tok).max(qb + 1);
                    // ("“maybe” and “perhaps”, he said": a clause set off by a comma with
                    // no quotation after it reports the quotations before it, however many;
                    // the look ahead is bounded as the look back is.)
                    // ("Guns are “a crisis” and “stunt growth,” Jan Roe said": so does one
                    // after quotations joined only by "and" or "or", the last of them closed
                    // by the comma inside its marks.)
                    let listed = || {
                        from > qb + 1
                            && matches!(toks[from - 1].kind, TokKind::Quote(_))
                            && attribution::ends_on_comma(text, &toks[from - 1])
                            && toks[qb + 1..from - 1].iter().all(|t| {
                                matches!(t.kind, TokKind::Quote(_) | TokKind::Comma)
                                    || (t.is_word() && t.norm_is_one_of(text, &["and", "or"]))
                            })
                    };
                    let trailing = (toks[from - 1].kind == TokKind::Comma || listed())
                        && toks[from..]
                            .iter()
                            .take(LINK_WINDOW)
                            .all(|t| !matches!(t.kind, TokKind::Quote(_)));
                    from - qb <= LINK_WINDOW
                        && (trailing
                            || !toks[qb + 1..from]
                                .iter()
                                .any(|t| matches!(t.kind, TokKind::Quote(_))))
                })
        });
        found = found.map(|a| relayed_by(text, attributions, a));
        // 4. A quotation carrying on from the speaker earlier in this paragraph, or, when it
        //    opens its paragraph, from the one before.
        let para = region.first_paragraph;
        // (The paragraph's first sentence: after "Bystrom agreed." a quotation that opens its
        // own sentence is hers, not a carry-on from the paragraph before.)
        let opens_paragraph = toks_a
            .first()
            .is_some_and(|t| t.kind == TokKind::Quote(r as u32))
            && (sa == 0 || sentence_paragraph[sa - 1] != para);
        // The quotation before, in this paragraph or ending the one before, says who is still
        // speaking: “A,” Wallace said. “B.”
        found = found.or_else(|| {
            let prev = r.checked_sub(1)?;
            let p = regions[prev].last_paragraph;
            let near = p == para || (opens_paragraph && p + 1 == para);
            if near { out[prev] } else { None }
        });
        found = found.or_else(|| {
            (0..range(sa).start)
                .rev()
                .take(50)
                .take_while(|&a| sentence_paragraph[attributions[a].sentence] + 1 >= para)
                .find(|&a| attributions[a].speaker.is_some() && speaks(a))
                .filter(|&a| {
                    opens_paragraph || sentence_paragraph[attributions[a].sentence] == para
                })
                // ("Carter said that for decades some critics had been predicting a
                // withdrawal, but this would not happen. ¶ “That's because …”": the one still
                // speaking is who reports the cue, not whom they report.)
                .map(|a| {
                    let toks = sentence_tokens.get(attributions[a].sentence);
                    reporting_cue(text, attributions, toks, a)
                })
        });
        out.push(found);
    }
    out
}

/// "Roe said Acme executives were calling “every hour”": a cue whose clause is what an
/// earlier speech cue of its sentence reports (nothing sets it off: no comma, colon, dash
/// or conjunction, as in "a man asked and Roe said") stands in that speaker's words, and so
/// does the quotation after it. The earlier cue's attribution then; `a` itself otherwise.
fn reporting_cue(
    text: &str,
    attributions: &[attribution::Attribution],
    toks: &[tokens::Tok],
    a: usize,
) -> usize {
    use tokens::TokKind;
    // ("Obama said he expected that Americans will say “no”": a stance between them is
    // walked past, a few at most, to the speech that reports them all.)
    let mut at = a;
    for _ in 0..3 {
        let inner = &attributions[at];
        let clause_start = inner.subject.0.min(inner.cue_tok);
        let Some(o) = at.checked_sub(1).filter(|&o| {
            let outer = &attributions[o];
            outer.sentence == inner.sentence
                && matches!(outer.cue, lexicon::Cue::Speech | lexicon::Cue::Stance)
                && !outer.inverted
                && outer.speaker.is_some()
                && outer.cue_tok < clause_start
                && !toks[outer.cue_tok + 1..clause_start].iter().any(|t| {
                    matches!(
                        t.kind,
                        TokKind::Comma | TokKind::Colon | TokKind::Dash | TokKind::Quote(_)
                    ) || (t.is_word() && lexicon::opens_clause(t.span.of(text)))
                })
        }) else {
            break;
        };
        if attributions[o].cue == lexicon::Cue::Speech {
            return o;
        }
        at = o;
    }
    a
}

/// "“…,” Sanders said, according to CNN", "According to CNN, Sanders said “…”": the source
/// that closes the clause of the cue at `a`, or opens its sentence, relays the quotation, and
/// the reader has it on that source's word, so the quotation is credited to the source. `a`
/// itself when no such source stands in its sentence. A source inside what the cue reports
/// ("Win Htein said that according to its analysis, the party has won …, but “…”") closes
/// nothing: "that" opens the report, and no comma sets the source off.
fn relayed_by(text: &str, attributions: &[attribution::Attribution], a: usize) -> usize {
    let cue = &attributions[a];
    if cue.cue_text == "according to" {
        return a;
    }
    let relays = |x: &attribution::Attribution| {
        x.sentence == cue.sentence && x.cue_text == "according to" && x.speaker.is_some()
    };
    let reported = |x: &attribution::Attribution| {
        let before = text[..x.cue_at].trim_end_matches([' ', '"', '”', '\'', '’']);
        !before.ends_with(',')
            && text
                .get(cue.cue_at..x.cue_at)
                .is_some_and(|between| between.split_whitespace().any(|w| w == "that"))
    };
    if attributions
        .get(a + 1)
        .is_some_and(|x| relays(x) && !reported(x))
    {
        return a + 1;
    }
    // The sentence's first attribution (they are in reading order): found by halving, as a
    // walk back from `a` made a sentence of thousands of cues quadratic.
    let first = attributions[..a].partition_point(|x| x.sentence < cue.sentence);
    if first < a && attributions[first].cue_tok == 0 && relays(&attributions[first]) {
        return first;
    }
    a
}

/// The most tokens a subject phrase a statement starts with may span when it carries a
/// description set off by commas, a parenthesis or a dash; a longer one ("Neil Sroka,
/// communications director of …, said") is left to the statement's actor and the statement
/// starts at the cue. A plain title and name ("Russia's Deputy Foreign Minister Sergei
/// Ryabkov called") always stays.
const SUBJECT_WORDS: usize = 5;

/// The longest opening phrase ("On Sunday,", "In a statement released Thursday,") that a
/// sentence's first statement leaves out: longer ones usually carry a clause of their own.
const LEAD_WORDS: usize = 10;

/// Builds claims and denials: one per speaker per sentence holding a cue, stretched over the
/// sentences of the quotation it introduces; continuation quotes count for their speaker.
/// Each statement takes its cue's text, and its speaker's name unless a continuation quote
/// reads it again, from its attribution, which is not read after.
fn build_statements(
    text: &str,
    sentences: &[Span],
    sentence_paragraph: &[usize],
    regions: &[quotes::Region],
    attributions: &mut [attribution::Attribution],
    quote_attribution: &[(usize, Option<usize>)],
    resolver: &attribution::Resolver,
) -> Vec<Statement> {
    struct Draft {
        start: usize,
        cue_at: usize,
        /// Where its subject begins (the cue, for a continuation).
        subject_at: usize,
        /// Whether its quotations all come before its cue ("“…,” he said").
        quote_first: bool,
        first: usize,
        last: usize,
        actor: Option<String>,
        party: Option<String>,
        cue: Option<String>,
        deny: bool,
    }
    let mut drafts: Vec<Draft> = Vec::with_capacity(attributions.len());
    // Each attribution's quotations (its first and last sentence, and its span) that stand
    // beside its cue, by attribution: one list for all, where a list of its own cost most
    // attributions an allocation.
    let mut linked: Vec<(usize, (usize, usize, Span))> = Vec::new();
    let mut continuation: Vec<(usize, usize)> = Vec::new(); // (region, attribution)
    for &(r, link) in quote_attribution {
        if let Some(a) = link {
            let sa = sentence_at(sentences, regions[r].outer.start);
            let sb = sentence_at(sentences, regions[r].outer.end.saturating_sub(1));
            let cue_sentence = attributions[a].sentence;
            if cue_sentence >= sa && cue_sentence <= sb
                || sentence_paragraph[cue_sentence] == regions[r].first_paragraph
                    && (sb + 1 == cue_sentence || cue_sentence + 1 == sa)
            {
                linked.push((a, (sa, sb, regions[r].outer)));
            } else {
                continuation.push((r, a));
            }
        }
    }
    linked.sort_unstable_by_key(|&(a, _)| a);
    // The attributions a continuation quote reads again below: the others give their
    // speaker's name to their statement, where a copy of it cost an allocation each.
    let mut read_again = vec![false; attributions.len()];
    for &(_, a) in &continuation {
        read_again[a] = true;
    }
    let mut next_link = 0;
    for (a, at) in attributions.iter_mut().enumerate() {
        let first_link = next_link;
        while linked.get(next_link).is_some_and(|&(of, _)| of == a) {
            next_link += 1;
        }
        let quotations = &linked[first_link..next_link];
        if (at.cue == lexicon::Cue::QuoteOnly && quotations.is_empty())
            || (at.cue == lexicon::Cue::Stance && at.speaker.is_none())
            || at.no_comment
            || names_a_tag(text, at.cue_at)
        {
            continue;
        }
        let mut first = at.sentence;
        let mut last = at.sentence;
        // "Neil Sroka, communications director of …, said": see [`SUBJECT_WORDS`].
        let long_subject = !at.inverted
            && at.cue_tok > at.subject.0 + SUBJECT_WORDS
            && text[at.clause_start..at.cue_at].contains([',', '(', '—']);
        let mut start = if long_subject {
            at.cue_at
        } else {
            at.clause_start
        };
        for &(_, (sa, sb, quote)) in quotations {
            first = first.min(sa);
            last = last.max(sb);
            start = start.min(quote.start);
        }
        // "“…,” he said": the quotation comes first (what precedes is what was said).
        let quote_first = !quotations.is_empty()
            && at.sentence == last
            && quotations.iter().all(|&(_, (_, _, q))| q.end <= at.cue_at);
        if first < at.sentence {
            start = start.min(sentences[first].start);
        }
        let party = at
            .speaker
            .as_ref()
            .and_then(|s| s.party.clone().or_else(|| resolver.party_of(&s.name)));
        let actor = at.speaker.as_mut().map(|s| {
            if read_again[a] {
                s.name.clone()
            } else {
                std::mem::take(&mut s.name)
            }
        });
        let deny = at.cue == lexicon::Cue::Deny;
        drafts.push(Draft {
            start,
            cue_at: at.cue_at,
            subject_at: at.clause_start,
            quote_first,
            first,
            last,
            actor,
            party,
            cue: Some(std::mem::take(&mut at.cue_text)),
            deny,
        });
    }
    // Sentences already holding a statement; a continuation quote only adds one elsewhere.
    let mut covered = vec![false; sentences.len()];
    for d in &drafts {
        covered[d.first..=d.last].iter_mut().for_each(|c| *c = true);
    }
    for (r, a) in continuation {
        let at = &attributions[a];
        let sa = sentence_at(sentences, regions[r].outer.start);
        let sb = sentence_at(sentences, regions[r].outer.end.saturating_sub(1));
        if covered[sa..=sb].iter().any(|&c| c) {
            continue;
        }
        covered[sa..=sb].iter_mut().for_each(|c| *c = true);
        drafts.push(Draft {
            start: sentences[sa].start,
            cue_at: sentences[sa].start,
            subject_at: sentences[sa].start,
            quote_first: false,
            first: sa,
            last: sb,
            actor: at.speaker.as_ref().map(|s| s.name.clone()),
            party: at
                .speaker
                .as_ref()
                .and_then(|s| s.party.clone().or_else(|| resolver.party_of(&s.name))),
            cue: None,
            deny: false,
        });
    }
    drafts.sort_by_key(|d| (d.start, d.last));
    drafts.dedup_by(|b, a| a.start == b.start && a.actor == b.actor);
    // A later clause by the same speaker in the same sentence continues the statement when
    // it is too short to stand alone ("…, adding more."), or is a relative clause on the
    // speaker ("…,” said Jan Roe, who denied …"); a longer one, even with a pronoun for its
    // subject ("…, although he tweeted that …"), is a statement of its own.
    let mut merged: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if let Some(prev) = merged.last_mut()
            && prev.last >= d.first
            && prev.actor == d.actor
            && (text[d.cue_at..sentences[d.last].end]
                .split_whitespace()
                .take(4)
                .count()
                <= 3
                || relative_on_speaker(&text[prev.cue_at.min(d.cue_at)..d.cue_at]))
        {
            prev.last = prev.last.max(d.last);
            prev.quote_first &= d.quote_first;
            if d.deny && !prev.deny {
                prev.deny = true;
                prev.cue = d.cue;
            }
            continue;
        }
        merged.push(d);
    }
    // A statement whose subject follows the one before's cue with no clause boundary between
    // them stands in what was said ("Lazar said he welcomed extradition", "Trump said Fox
    // executives were calling …"): it is part of that statement, not one of its own.
    // The boundary is sought from the latest cue of the chain ("A said B said …"), so every
    // stretch of text is scanned once.
    let mut drafts: Vec<Draft> = Vec::with_capacity(merged.len());
    let mut last_cue = 0;
    for d in merged {
        let cue_at = d.cue_at;
        if let Some(prev) = drafts.last_mut()
            && prev.last >= d.first
            && !prev.quote_first
            && d.start > last_cue
            && d.start < sentences[prev.last].end
            && clause_boundary(&text[last_cue.max(prev.start)..d.start]).is_none()
        {
            prev.last = prev.last.max(d.last);
        } else {
            drafts.push(d);
        }
        last_cue = cue_at;
    }
    // The first statement of a sentence starts at its subject, or at the sentence's start
    // when what comes before is long or is what was said; a later one starts at
    // the clause boundary (comma, semicolon, "and", "but") before its own subject, and the
    // one before ends there.
    let mut ends = Vec::with_capacity(drafts.len());
    for k in 0..drafts.len() {
        let shares_sentence = k > 0 && drafts[k - 1].last >= drafts[k].first;
        if !shares_sentence {
            let sentence_start = sentences[drafts[k].first].start;
            let lead_end = drafts[k].start.min(drafts[k].subject_at);
            let lead = &text[sentence_start..lead_end.max(sentence_start)];
            // "As a woman, she raised less suspicion, Mr. Verdery said": with nothing
            // after the cue, or a quotation before it, what precedes is what was said. So
            // it is when the attribution stands set off by commas inside what was said
            // ("Attacks continued, residents said, with gunmen killing eight").
            let cue_end = drafts[k].cue_at + drafts[k].cue.as_ref().map_or(0, String::len);
            let parenthetical = lead.trim_end().ends_with(',')
                && text
                    .get(cue_end..)
                    .is_some_and(|after| after.trim_start().starts_with(','));
            let content_first = drafts[k].quote_first
                || parenthetical
                || words_up_to(&text[drafts[k].cue_at..sentences[drafts[k].last].end], 4) < 4;
            // ("…, but the administration insisted that …": a clause joined before the
            // subject is a clause of its own, however long.)
            let own_clause = [", but", ", while", ", and"]
                .iter()
                .any(|j| lead.trim_end().ends_with(j));
            if content_first
                || !own_clause && lead.split_ascii_whitespace().nth(LEAD_WORDS).is_some()
            {
                drafts[k].start = sentence_start;
            }
        }
        let sentence_end = sentences[drafts[k].last].end;
        let next_start = drafts
            .get(k + 1)
            .filter(|n| {
                n.start > drafts[k].start && n.start < sentence_end && n.first <= drafts[k].last
            })
            .map(|n| n.start);
        match next_start {
            None => ends.push(sentence_end),
            Some(n) => {
                let from = drafts[k].cue_at.max(drafts[k].start).min(n);
                match clause_boundary(&text[from..n]) {
                    Some((cut, resume)) => {
                        ends.push(from + cut);
                        drafts[k + 1].start = from + resume;
                    }
                    None => ends.push(n),
                }
            }
        }
    }
    // (With room for the statements no speaker is found for, fewer than one a sentence:
    // see [`unattributed_statements`].)
    let mut statements = Vec::with_capacity(drafts.len() + sentences.len() / 2);
    statements.extend(drafts.into_iter().zip(ends).map(|(d, end)| {
        let span = trim_span(text, Span::new(d.start.max(sentences[d.first].start), end));
        let span = Span::new(span.start, span.end - trailing_joiner(span.of(text)));
        Statement {
            kind: if d.deny { Kind::Denial } else { Kind::Claim },
            actor: d.actor,
            party: d.party,
            cue: d.cue,
            span,
            paragraph: sentence_paragraph[d.first],
            counter: None,
        }
    }));
    statements
}

/// True when `between` (the text from a statement's cue to the next cue) ends in a relative
/// clause set off by a comma ("said Jan Roe, who"): the next cue is said of the speaker.
fn relative_on_speaker(between: &str) -> bool {
    between
        .rsplit_once(',')
        .is_some_and(|(_, clause)| clause.trim_start().starts_with("who "))
}

/// Statements whose speaker could not be found: a sentence no statement covers that still
/// reports what someone said or holds through a cue verb ("Security specialists say …",
/// "He went on to say that …", "Several polls show …"), an opinion word ("In their view,
/// …", "expressed concern") or "according to" is a claim (or a denial) with no known actor,
/// rather than nothing for the analyst to see; one per clause when several clauses report.
/// So is a later clause that reports of a sentence whose one statement runs to its end
/// ("Carson proposed an agency, while Bush in a post said …"): that statement ends where
/// the clause begins (`statements` are sorted by span).
fn unattributed_statements(
    text: &str,
    denials: &lexicon::DenialPhrases,
    sentences: &[Span],
    sentence_paragraph: &[usize],
    sentence_tokens: &tokens::Sentences,
    statements: &mut [Statement],
) -> Vec<Statement> {
    let mut out = Vec::new();
    // Each reporting clause of the sentence at hand: where its statement starts, and its cue
    // token (one list for every sentence).
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut next = 0; // first statement that may still overlap the sentence
    for (k, &sentence) in sentences.iter().enumerate() {
        while next < statements.len() && statements[next].span.end <= sentence.start {
            next += 1;
        }
        let mut overlapping = (next..statements.len())
            .take_while(|&j| statements[j].span.start < sentence.end)
            .filter(|&j| statements[j].span.overlaps(sentence));
        let toks = sentence_tokens.get(k);
        // The statement this sentence already holds, when it is the only one and runs to
        // the sentence's end; and the token after its cue, where later clauses are sought.
        let (held, from) = match (overlapping.next(), overlapping.next()) {
            (None, _) => (None, 0),
            (Some(j), None) if statements[j].span.end + 2 >= sentence.end => {
                let s = &statements[j];
                let cue = s.cue.as_deref().and_then(|c| c.split(' ').next());
                let Some(c) = toks.iter().position(|t| {
                    t.span.start >= s.span.start
                        && t.is_word()
                        && cue.is_some_and(|c| t.span.len() == c.len() && t.span.of(text) == c)
                }) else {
                    continue;
                };
                (Some(j), c + 1)
            }
            _ => continue,
        };
        // Only a cue, an opinion word or "according" reports: a sentence with none of them
        // past `from` (most sentences) has no clause to find, and its tokens are not walked
        // twice; nor are the words after the last of them, which can start no clause that
        // reports. (Bit tests first: almost every word is none of these.)
        let may_report = |t: &tokens::Tok| {
            t.lex.is_cue()
                || t.lex.is(lexicon::Class::Opinion)
                || (t.span.len() == "according".len()
                    && t.span.of(text).eq_ignore_ascii_case("according"))
        };
        let Some(last) = toks.iter().rposition(may_report).filter(|&l| l >= from) else {
            continue;
        };
        let reports = |i: usize| {
            let t = &toks[i];
            may_report(t) && t.is_word() && !names_a_tag(text, t.span.start) && {
                let w = t.span.of(text);
                (!tokens::is_capitalized(w)
                    && (t.lex.is_cue()
                        && !attribution::is_passive_denial(text, toks, i)
                        && !attribution::says_nothing(text, toks, i)
                        && (t.lex.cue() != Some(lexicon::Cue::QuoteOnly)
                            || quotation_beside(toks, i)
                            || attribution::calls_for(text, toks, i))
                        || t.lex.is(lexicon::Class::Opinion)))
                    || w.eq_ignore_ascii_case("according")
                        && toks
                            .get(i + 1)
                            .is_some_and(|n| n.span.of(text).eq_ignore_ascii_case("to"))
            }
        };
        // With several clauses (cut at "and", "but", ", while", ";") that report something,
        // each is a statement of its own; a clause that reports nothing stays with the one
        // before it.
        parts.clear();
        let mut clause_start = sentence.start;
        let mut clause_reports = held.is_some();
        // "An official declined to comment on reports of …", "did not respond to requests
        // to explain": a clause about an answer not given reports nothing of anyone's
        // after it ("… declined to comment, but sources said" still does).
        let mut clause_silent = false;
        for i in from..=last {
            if is_clause_joiner(text, toks, i) {
                clause_start = toks.get(i + 1).map_or(sentence.end, |t| t.span.start);
                clause_reports = false;
                clause_silent = false;
            } else if clause_reports || clause_silent {
                // The clause is settled: the words up to the next joiner change nothing.
            } else if toks[i].is_word() && attribution::is_no_comment(text, toks, i) {
                clause_silent = true;
            } else if reports(i) {
                clause_reports = true;
                parts.push((
                    if parts.is_empty() && held.is_none() {
                        sentence.start
                    } else {
                        clause_start
                    },
                    i,
                ));
            }
        }
        if let (Some(j), Some(&(cut, _))) = (held, parts.first()) {
            let s = &mut statements[j];
            let span = trim_span(text, Span::new(s.span.start, cut.max(s.span.start)));
            s.span = Span::new(span.start, span.end - trailing_joiner(span.of(text)));
        }
        for (p, &(start, i)) in parts.iter().enumerate() {
            let end = parts.get(p + 1).map_or(sentence.end, |&(next, _)| next);
            let span = trim_span(text, Span::new(start, end));
            let span = Span::new(span.start, span.end - trailing_joiner(span.of(text)));
            let deny = toks[i].lex.cue() == Some(lexicon::Cue::Deny)
                && !attribution::is_negated(text, toks, i)
                || denials.within(span);
            let cue = toks[i].span.of(text);
            out.push(Statement {
                kind: if deny { Kind::Denial } else { Kind::Claim },
                actor: None,
                party: None,
                cue: Some(if cue.eq_ignore_ascii_case("according") {
                    "according to".to_string()
                } else {
                    cue.to_string()
                }),
                span,
                paragraph: sentence_paragraph[k],
                counter: None,
            });
        }
    }
    out
}

/// True when the word at byte `at` names a markup tag ("<tweet …>", "</tweet>"): markup, not
/// prose, so never a cue.
fn names_a_tag(text: &str, at: usize) -> bool {
    at > 0 && matches!(text.as_bytes()[at - 1], b'<' | b'/')
}

/// True when token `i` joins two clauses: "and", "but", ", while" or ";".
fn is_clause_joiner(text: &str, toks: &[tokens::Tok], i: usize) -> bool {
    let t = &toks[i];
    // (Read as bytes: asked of every token of a reporting sentence, slicing the text as a
    // string tested character boundaries the patterns make needless.)
    let word = &text.as_bytes()[t.span.start..t.span.end];
    match t.kind {
        tokens::TokKind::Stop => word == b";",
        tokens::TokKind::Word => match word {
            b"and" | b"but" => true,
            b"while" => i > 0 && toks[i - 1].kind == tokens::TokKind::Comma,
            _ => false,
        },
        _ => false,
    }
}

/// One informative element of a statement, for matching a denial with the claim it answers:
/// a party named, an event word folded to its class, a proposal, or any other word cut to a
/// crude stem ("announcement" ~ "announced": its first six characters, enough inside one
/// briefing). Packed as its kind in the top byte over a hash of its text, so that a denial's
/// terms meet a claim's as two sorted lists of integers (pairing compares each denial with
/// up to a hundred claims).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Term(u64);

impl Term {
    const PARTY: u64 = 1;
    const EVENT: u64 = 2;
    const PROPOSAL: u64 = 3;
    const STEM: u64 = 4;
    /// A proposal, plan or offer: one term whatever the word, so it needs no hash.
    const A_PROPOSAL: Term = Term(Term::PROPOSAL << 56);

    fn new(kind: u64, text: &[u8]) -> Term {
        use std::hash::Hasher;
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(text);
        Term(kind << 56 | hasher.finish() >> 8)
    }

    /// A party, by its canonical name.
    fn party(name: &str) -> Term {
        Term::new(Term::PARTY, name.as_bytes())
    }

    /// How much sharing this term says two statements are about the same thing: an event
    /// word twice a name or a word; a proposal nothing (it only decides what may pair).
    fn weight(self) -> u32 {
        match self.0 >> 56 {
            Term::EVENT => 2,
            Term::PROPOSAL => 0,
            _ => 1,
        }
    }

    fn is_event(self) -> bool {
        self.0 >> 56 == Term::EVENT
    }

    fn is_stem(self) -> bool {
        self.0 >> 56 == Term::STEM
    }
}

/// A statement's distinct terms, sorted: a few dozen at most, so a sorted list is found in
/// by binary search, and two are intersected by one merge, faster than a hash map is built.
#[derive(Debug, Default)]
struct Terms(Vec<Term>);

impl Terms {
    fn contains(&self, t: Term) -> bool {
        self.0.binary_search(&t).is_ok()
    }

    /// The terms both lists hold, in one pass over each.
    fn shared<'a>(&'a self, other: &'a Terms) -> impl Iterator<Item = Term> + 'a {
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while let (Some(&a), Some(&b)) = (self.0.get(i), other.0.get(j)) {
                match a.cmp(&b) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some(a);
                    }
                }
            }
            None
        })
    }
}

/// The party mentions (sorted, as found in the body) that lie within `span`.
fn mentions_in<'m, 'a>(mentions: &'m [(Span, &'a str)], span: Span) -> &'m [(Span, &'a str)] {
    let first = mentions.partition_point(|(m, _)| m.start < span.start);
    let count = mentions[first..].partition_point(|(m, _)| m.end <= span.end);
    &mentions[first..first + count]
}

/// The words of `text[span]` for [`statement_terms`]: the runs of letters, digits, `-` and
/// `'` (any other character separates them), each with where it starts and whether it is
/// plain (ASCII letters, digits and `-` only, so that its normal form is its lowercase).
/// Read eight bytes at a time inside a word, decoding only the characters past ASCII:
/// splitting the text on a character test decoded every character and cost a third of
/// pairing's time.
fn term_words(text: &str, span: Span) -> impl Iterator<Item = (usize, &str, bool)> {
    let bytes = text.as_bytes();
    let mut at = span.start;
    // Whether the character at `at` belongs to a word, and its length.
    #[inline(always)]
    fn word_char(text: &str, at: usize) -> (bool, usize) {
        match text.as_bytes()[at] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric() || b == b'-' || b == b'\'', 1),
            _ => {
                let c = text[at..].chars().next().expect("a character starts here");
                (c.is_alphanumeric(), c.len_utf8())
            }
        }
    }
    std::iter::from_fn(move || {
        // Past the separators.
        loop {
            if at >= span.end {
                return None;
            }
            match word_char(text, at) {
                (true, _) => break,
                (false, len) => at += len,
            }
        }
        let start = at;
        let mut plain = true;
        loop {
            // Past the ASCII letters and digits, eight at a time while eight remain.
            while at + 8 <= span.end {
                let eight = u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
                let others = tokens::not_ascii_alphanumeric(eight);
                if others != 0 {
                    at += (others.trailing_zeros() / 8) as usize;
                    break;
                }
                at += 8;
            }
            while at < span.end && bytes[at].is_ascii_alphanumeric() {
                at += 1;
            }
            if at >= span.end {
                break;
            }
            match word_char(text, at) {
                (true, len) => {
                    plain &= bytes[at] == b'-';
                    at += len;
                }
                (false, _) => break,
            }
        }
        Some((start, &text[start..at], plain))
    })
}

/// The informative words of a statement, event words folded to one stem, parties to their
/// canonical names (`mentions` are the body's party mentions).
fn statement_terms(text: &str, s: &Statement, mentions: &[(Span, &str)]) -> Terms {
    let mut terms = Vec::with_capacity(s.span.len() / 8);
    let actor_words: Vec<tokens::Norm> = s
        .actor
        .iter()
        .flat_map(|a| a.split_whitespace().map(tokens::norm))
        .collect();
    let named = mentions_in(mentions, s.span);
    for &(_, party) in named {
        if s.actor.as_deref() != Some(party) {
            terms.push(Term::party(party));
        }
    }
    // The words of a party's name stand for the party alone; the cursor passes the mentions
    // in order with the words.
    let mut next_mention = 0;
    for (at, w, plain) in term_words(text, s.span) {
        while named.get(next_mention).is_some_and(|(m, _)| m.end <= at) {
            next_mention += 1;
        }
        // Normalising never lengthens an ASCII word, so a short one is passed over unread.
        if (w.len() < 3 && w.is_ascii())
            || named.get(next_mention).is_some_and(|(m, _)| m.start <= at)
        {
            continue;
        }
        // A plain word's normal form is its lowercase, and the lexicon reads it as written
        // (most words): no form is built for it.
        let (lex, l);
        if plain {
            if w.len() > 30
                || actor_words
                    .iter()
                    .any(|a| a.as_str().as_bytes().eq_ignore_ascii_case(w.as_bytes()))
            {
                continue;
            }
            lex = lexicon::lookup_plain(text.as_bytes(), at, at + w.len());
            l = None;
        } else {
            let n = tokens::norm(w);
            if n.len() < 3 || n.len() > 30 || actor_words.iter().any(|a| a.as_str() == n.as_str()) {
                continue;
            }
            lex = lexicon::lookup(&n);
            l = Some(n);
        }
        if let Some(class) = lex.event() {
            terms.push(Term::new(Term::EVENT, class.as_bytes()));
        } else if lex.is(lexicon::Class::ProposalNoun) {
            terms.push(Term::A_PROPOSAL);
        } else if !lex.is(lexicon::Class::FunctionWord)
            && !lex.is(lexicon::Class::Stopword)
            && !lex.is_cue()
        {
            terms.push(match &l {
                Some(l) => {
                    let stem_len = l.char_indices().nth(6).map_or(l.len(), |(k, _)| k);
                    Term::new(Term::STEM, &l.as_bytes()[..stem_len])
                }
                None => {
                    let mut stem = [0; 6];
                    let stem_len = w.len().min(6);
                    stem[..stem_len].copy_from_slice(&w.as_bytes()[..stem_len]);
                    stem.make_ascii_lowercase();
                    Term::new(Term::STEM, &stem[..stem_len])
                }
            });
        }
    }
    terms.sort_unstable();
    terms.dedup();
    Terms(terms)
}

/// What pairing needs of a claim, worked out when a denial is first compared with it: most
/// claims stand nowhere near a denial.
struct ClaimFacts {
    terms: Terms,
    /// The first five letters of its cue verb, lower-cased ("annou" of "announced"), when
    /// the cue has five: a denial that echoes them answers it ("the announcement").
    cue_stem: Option<String>,
    /// Whether its cue accuses ("accused", "blamed").
    accuses: bool,
}

impl ClaimFacts {
    fn of(text: &str, claim: &Statement, mentions: &[(Span, &str)]) -> ClaimFacts {
        let cue = claim
            .cue
            .as_deref()
            .map(str::to_lowercase)
            .unwrap_or_default();
        let cue_stem: String = cue.chars().take(5).collect();
        ClaimFacts {
            terms: statement_terms(text, claim, mentions),
            cue_stem: (cue_stem.len() == 5).then_some(cue_stem),
            accuses: matches!(lexicon::cue(&cue), Some(lexicon::Cue::Accuse)),
        }
    }
}

/// Words a denial calls the claim it answers by ("rejected the accusation").
const CLAIM_WORDS: [&str; 5] = ["accusation", "allegation", "claim", "charge", "report"];

/// How many statements either side of a denial are considered for its counter-claim: the
/// claim a denial answers stands in the same briefing, and the bound keeps pairing linear.
const COUNTER_WINDOW: usize = 60;

/// Pairs each denial with the claim on the other side that it answers: the claim by another
/// party (or actor) that shares the most event words and names with it.
fn pair_counters(text: &str, statements: &mut [Statement], mentions: &[(Span, &str)]) {
    if !statements.iter().any(|s| s.kind == Kind::Denial) {
        return;
    }
    // A claim nobody is known to make stands on no side, so it answers no denial (and its
    // terms are never needed).
    let on_a_side =
        |s: &Statement| s.kind == Kind::Denial || s.actor.is_some() || s.party.is_some();
    let mut claim_facts: Vec<Option<ClaimFacts>> = statements.iter().map(|_| None).collect();
    let mut counters = Vec::new();
    for d in 0..statements.len() {
        if statements[d].kind != Kind::Denial {
            continue;
        }
        let denial_terms = statement_terms(text, &statements[d], mentions);
        // Whether the denial says what it denies (three words of its own at least).
        let denial_describes = denial_terms
            .0
            .iter()
            .filter(|t| t.is_stem())
            .nth(2)
            .is_some();
        // Rejecting a proposal answers the proposal, not an accusation.
        let refuses_offer = denial_terms.contains(Term::A_PROPOSAL);
        let denial_text = statements[d].span.of(text).to_lowercase();
        // "rejected the accusation", "called the Ukrainian claim a lie": the denial names
        // the claim it answers.
        let names_a_claim = CLAIM_WORDS.iter().any(|w| denial_text.contains(w));
        let accused = statements[d].party.as_deref().map(Term::party);
        // The parties the denial names as the claim's owner: a mention standing right
        // before the word for the claim ("the Ukrainian claim", "Kiev's accusation"), not
        // one elsewhere in it ("rejected the accusation that Moscow armed the rebels" names
        // the rebels as Moscow's ally, not as who accused).
        // So is one right after the word for the claim and "by" or "from" ("denied claims
        // by Nigeria's government").
        let Span { start, end } = statements[d].span;
        let is_claim_word = |word: &str| {
            CLAIM_WORDS.iter().any(|w| {
                word.get(..w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w))
            })
        };
        let claimants: Vec<&str> = mentions_in(mentions, statements[d].span)
            .iter()
            .filter(|(m, _)| {
                let after = &text[m.end..end];
                let after = ["'s", "’s"]
                    .iter()
                    .find_map(|s| after.strip_prefix(s))
                    .unwrap_or(after);
                let mut before = text[start..m.start].split_whitespace().rev().peekable();
                if before.peek().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                    before.next();
                }
                let claimed_by = before.next().is_some_and(|w| w == "by" || w == "from")
                    && before.next().is_some_and(is_claim_word);
                is_claim_word(after.strip_prefix(' ').unwrap_or(after)) || claimed_by
            })
            .map(|&(_, p)| p)
            .collect();
        let lo = d.saturating_sub(COUNTER_WINDOW);
        let hi = (d + COUNTER_WINDOW).min(statements.len());
        let mut best: Option<(u32, usize)> = None;
        for c in lo..hi {
            let claim = &statements[c];
            // (A denial naming whose claims it denies answers only a claim of theirs.)
            if claim.kind != Kind::Claim
                || !on_a_side(claim)
                || (claim.party.is_some() && claim.party == statements[d].party)
                || (claim.actor.is_some() && claim.actor == statements[d].actor)
                || (!claimants.is_empty()
                    && !claim
                        .party
                        .as_deref()
                        .is_some_and(|p| claimants.contains(&p)))
            {
                continue;
            }
            let facts = claim_facts[c].get_or_insert_with(|| ClaimFacts::of(text, claim, mentions));
            let terms = &facts.terms;
            if refuses_offer && !terms.contains(Term::A_PROPOSAL) {
                continue;
            }
            let (mut score, mut events, mut stems) = (0, 0, 0);
            for t in denial_terms.shared(terms) {
                score += t.weight();
                events += u32::from(t.is_event());
                stems += u32::from(t.is_stem());
            }
            // The claim a denial answers usually names the denying party as the one accused.
            let names_the_denier = accused.is_some_and(|p| terms.contains(p));
            if names_the_denier {
                score += 2;
            }
            // "Israel accused Syria of firing rockets" / "Syria denied firing rockets": the
            // party an accusation names denies it in its words, whatever the deed (the
            // event lexicon cannot list every one). So does one a claim before the denial
            // names ("Israel said Hamas fired rockets" / "Hamas denied firing any"); a later
            // claim that names the denier is mostly comment on the denial.
            if names_the_denier && stems >= 2 && (facts.accuses || c < d) {
                events += 1;
            }
            // A denial that says what it denies shares something with the claim it answers:
            // "rejected the accusation that Moscow armed the rebels" answers no accusation of
            // shelling, where a bare "rejected the accusation" answers any.
            let about_the_same = events + stems > 0 || !denial_describes;
            // The denial echoes the claim's own verb ("announced" ~ "the announcement") or
            // answers an accusation by name.
            let echoes_cue = facts
                .cue_stem
                .as_deref()
                .is_some_and(|stem| denial_text.contains(stem))
                && (!facts.accuses || about_the_same);
            // A bare "denied the allegations" answers a claim before it that names the
            // denier, whatever its verb ("the official said the Marines handed over …").
            let bare_answer = !denial_describes && names_the_denier && c < d;
            let accusation = names_a_claim && (facts.accuses || bare_answer) && about_the_same;
            if echoes_cue || accusation {
                score += 3;
                events += 1;
            }
            // "the Ukrainian claim", "claims by Nigeria's government": the denial names the
            // claimant's party, and a claim of that party about the same thing answers it.
            if claim
                .party
                .as_deref()
                .is_some_and(|p| claimants.contains(&p))
            {
                score += 2;
                events += u32::from(about_the_same);
            }
            if events > 0 && score >= 4 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, c));
            }
        }
        counters.push((d, best.map(|(_, c)| c)));
    }
    for (d, counter) in counters {
        statements[d].counter = counter;
    }
}

/// Mentions of each party in the headline and body, most mentioned first.
fn count_parties(
    b: &Briefing,
    gazetteer: &Gazetteer,
    mentions: &[(Span, &str)],
) -> Vec<PartyCount> {
    let mut counts: Vec<PartyCount> = Vec::new();
    let mut add = |name: &str| match counts.iter_mut().find(|c| c.name == name) {
        Some(c) => c.mentions += 1,
        None => counts.push(PartyCount {
            name: name.to_string(),
            mentions: 1,
        }),
    };
    for (_, p) in gazetteer.find_all(&b.title) {
        add(p);
    }
    for &(_, p) in mentions {
        add(p);
    }
    counts.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    counts
}

/// Merges hand annotations from front matter: a hand quote overrides the speaker of the
/// extracted quote it covers (or adds the quote); a hand claim or denial overrides the
/// statement of its sentence (or adds one). One whose words the body does not hold is added
/// where its text is written in the front matter ([`Briefing::locate_annotation`]), in
/// paragraph 0.
fn merge_hand_annotations(b: &Briefing, x: &mut Extraction) {
    let paragraph_of = |pos: usize| {
        b.paragraphs
            .partition_point(|p| p.end < pos)
            .min(b.paragraphs.len().saturating_sub(1))
    };
    for hq in &b.meta.quote {
        let Some(span) = b.locate_annotation(&hq.text) else {
            continue;
        };
        match x.quotes.iter_mut().find(|q| q.span.overlaps(span)) {
            Some(q) => {
                q.speaker = hq.speaker.clone().or(q.speaker.take());
                q.party = hq.party.clone().or(q.party.take());
            }
            None => {
                let at = x.quotes.partition_point(|q| q.span.start < span.start);
                x.quotes.insert(
                    at,
                    Quote {
                        span,
                        paragraph: paragraph_of(span.start),
                        speaker: hq.speaker.clone(),
                        party: hq.party.clone(),
                        cue: None,
                    },
                );
            }
        }
    }
    let hand = b
        .meta
        .claim
        .iter()
        .map(|h| (h, Kind::Claim))
        .chain(b.meta.denial.iter().map(|h| (h, Kind::Denial)));
    for (h, kind) in hand {
        let Some(span) = b.locate_annotation(&h.text) else {
            continue;
        };
        let sentence = x
            .sentences
            .iter()
            .find(|s| s.contains(span) || s.overlaps(span))
            .copied()
            .unwrap_or(span);
        match x.statements.iter_mut().find(|s| s.span.overlaps(sentence)) {
            Some(s) => {
                s.kind = kind;
                s.actor = h.actor.clone().or(s.actor.take());
                s.party = h.party.clone().or(s.party.take());
            }
            None => {
                x.statements.push(Statement {
                    kind,
                    actor: h.actor.clone(),
                    party: h.party.clone(),
                    cue: None,
                    span: sentence,
                    paragraph: paragraph_of(sentence.start),
                    counter: None,
                });
            }
        }
    }
    x.statements.sort_by_key(|s| s.span);
    // A party given by hand for a speaker holds for everything that speaker said.
    let hand_parties: Vec<(&str, &str)> = b
        .meta
        .quote
        .iter()
        .filter_map(|q| Some((q.speaker.as_deref()?, q.party.as_deref()?)))
        .chain(
            b.meta
                .claim
                .iter()
                .chain(&b.meta.denial)
                .filter_map(|h| Some((h.actor.as_deref()?, h.party.as_deref()?))),
        )
        .collect();
    let party_of = |who: &Option<String>| {
        let who = who.as_deref()?;
        hand_parties
            .iter()
            .find(|(name, _)| *name == who)
            .map(|(_, p)| p.to_string())
    };
    for q in x.quotes.iter_mut().filter(|q| q.party.is_none()) {
        q.party = party_of(&q.speaker);
    }
    for s in x.statements.iter_mut().filter(|s| s.party.is_none()) {
        s.party = party_of(&s.actor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn quotes(body: &str) -> Vec<Quote> {
        run(body).1.quotes
    }

    /// Every ASCII byte, in every lane of the eight, is a blank exactly when
    /// `char::is_whitespace` says so, whatever its neighbours.
    #[test]
    fn ascii_blanks_are_whitespace_as_char_has_it() {
        for b in 0u8..0x80 {
            for lane in 0..8 {
                for filler in [b'a', b' ', 0x7F, 0, b'\r'] {
                    let mut eight = [filler; 8];
                    eight[lane] = b;
                    let blanks = ascii_blanks(u64::from_le_bytes(eight));
                    assert_eq!(
                        blanks >> (8 * lane + 7) & 1 == 1,
                        char::from(b).is_whitespace(),
                        "byte {b:#04x} in lane {lane} among {filler:#04x}"
                    );
                }
            }
        }
    }

    /// A clause cut before the next keeps no joiner at its end (", and", "but", ";", a
    /// dash), but a word that only ends like one ("band", "abut") stays whole.
    #[test]
    fn a_clause_drops_the_joiner_it_was_cut_at() {
        fn kept(clause: &str) -> &str {
            &clause[..clause.len() - trailing_joiner(clause)]
        }
        assert_eq!(kept("Kiev denied it, and "), "Kiev denied it");
        assert_eq!(kept("Kiev denied it but"), "Kiev denied it");
        assert_eq!(kept("the rebels advanced, while"), "the rebels advanced");
        assert_eq!(kept("the rebels advanced as"), "the rebels advanced");
        assert_eq!(kept("Moscow said so;"), "Moscow said so");
        assert_eq!(kept("Moscow said so —"), "Moscow said so");
        assert_eq!(kept("Moscow said so -"), "Moscow said so");
        assert_eq!(kept("he joined the band"), "he joined the band");
        assert_eq!(kept("the fields abut"), "the fields abut");
        assert_eq!(kept("It is over.  "), "It is over.");
        assert_eq!(kept(","), ",");
    }

    /// A word that runs over eight bytes is one word, and one that starts right after
    /// eight bytes ending in a blank is a new one; the count stops at the limit.
    #[test]
    fn words_are_counted_across_eight_byte_steps() {
        assert_eq!(words_up_to("abcdefghijklmnop", 4), 1);
        assert_eq!(words_up_to("abcdefg hijklmno", 4), 2);
        assert_eq!(words_up_to("abcdefgh ijklmno", 4), 2);
        assert_eq!(words_up_to("a b c d e f g h i j", 4), 4);
        assert_eq!(words_up_to("a b c d e f g h i j", 40), 10);
        assert_eq!(words_up_to("        “quoted”  x", 4), 2);
    }

    proptest::proptest! {
        /// The word before a byte, read as bytes where the text is ASCII, is the word the
        /// decoding walk finds: letters past ASCII, curly apostrophes, no-break spaces and
        /// runs longer than the 64 bytes looked back all included.
        #[test]
        fn word_before_reads_as_the_decoding_walk_does(
            text in "[ab' \t\u{A0}é’“,]{0,80}",
            cut in 0usize..200,
        ) {
            let mut at = cut.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let from = tokens::start_within(&text, at, 64);
            proptest::prop_assert_eq!(
                word_before(&text, at),
                decoded_word_before(&text[from..at])
            );
        }

        /// The byte-wise word count agrees with the standard library's whitespace split on
        /// any text: ASCII blanks (the vertical tab and form feed too), Unicode spaces (a
        /// no-break space, an em space, the next-line mark), letters past ASCII, and
        /// zero-width spaces, which are no whitespace to either.
        #[test]
        fn words_up_to_counts_as_split_whitespace_does(
            text in "[a \t\n\r\x0B\x0C\u{A0}\u{2003}\u{85}é“\u{200B}]{0,24}",
            limit in 0usize..8,
        ) {
            proptest::prop_assert_eq!(
                words_up_to(&text, limit),
                text.split_whitespace().take(limit).count()
            );
        }
    }

    /// A translation or a name's meaning is no one's words: not listed as a quotation
    /// (credited to whoever spoke last), while "means" reporting speech still quotes.
    #[test]
    fn a_gloss_of_a_name_is_no_quotation() {
        let body = "“We will fight on,” said Jan Roe.\n\n\
             The group, whose name means “the faithful,” holds the north. Its nickname \
             translates as “people of the book.” The vote means “we were heard,” Roe says.";
        let (text, x) = run(body);
        let quoted: Vec<&str> = x.quotes.iter().map(|q| q.span.of(&text)).collect();
        assert_eq!(quoted, ["We will fight on,", "we were heard,"]);
    }

    /// The claims table lists a monitor once, not as "SOHR" and "Syrian Observatory".
    #[test]
    fn a_body_called_by_its_acronym_and_its_name_speaks_under_one_name() {
        let q = quotes(
            "The Syrian Observatory for Human Rights (SOHR) counts the dead.\n\n\
             “Twelve were killed,” the Syrian Observatory said.\n\n\
             “The toll is rising,” SOHR said later.",
        );
        let full = Some("Syrian Observatory for Human Rights");
        assert_eq!(q[0].speaker.as_deref(), full);
        assert_eq!(q[1].speaker.as_deref(), full);
    }

    #[test]
    fn a_naming_verb_reaches_past_its_object() {
        let q = quotes("Jane Roe called Smith's statements and actions on Sunday “childish.”");
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
        assert_eq!(q[0].cue.as_deref(), Some("called"));
    }

    #[test]
    fn a_cue_inside_what_a_speaker_reports_leaves_the_quotation_theirs() {
        let q = quotes(
            "At one point, Jane Roe said Acme executives were calling “every fifteen minutes.” \
             Later a man asked for a photo and John Doe said, “as long as it is legal.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
        assert_eq!(q[1].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn an_opening_preposition_is_no_subject() {
        let q = quotes(
            "Amid demands from some to build lists that would name those banned, The Courier’s \
             John Doe offered a defense of the lists, saying they help to “name the traitors.” \
             “It's a big moment,” said Jane Roe. Unless rivals quit soon, “it is over.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Doe"));
        assert_eq!(q[2].speaker.as_deref(), Some("Jane Roe"));
    }

    /// "Wherever Jane Roe goes, …": a name after a conjunction opening the sentence is its
    /// subject, whom a "she" after it means; the conjunction is no part of the name.
    #[test]
    fn a_name_after_wherever_is_the_subject_a_pronoun_means() {
        let q = quotes(
            "Wherever Ada Nelson goes, the crowds follow. She said “the plan works” at every \
             stop.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Ada Nelson"));
    }

    /// A name after a body's possessive ("CBS News’ Tom Brady noticed") opens its clause,
    /// so a "he" after it is that person; a possessive name after a role that stands after a
    /// preposition ("his thoughts on front-runner Mark Smith's appeal") is no subject.
    #[test]
    fn a_name_after_a_bodys_possessive_is_the_subject_a_pronoun_means() {
        for body in ["CBS News’", "CBS News'", "CBS's"] {
            let q = quotes(&format!(
                "Jan Vos spoke on Monday. {body} Tom Brady noticed that no network cut away. \
                 He commented that his network “held on” to the end."
            ));
            assert_eq!(q[0].speaker.as_deref(), Some("Tom Brady"), "{body}");
        }
        let q = quotes(
            "Tom Brady spoke on Monday. Jan Vos came later.\n\nWhen the host steered Vos \
             toward his outlook, he offered his thoughts on front-runner Mark Smith's continued \
             appeal. “I think it's funny,” he said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jan Vos"));
    }

    #[test]
    fn they_points_back_to_whoever_was_named_last() {
        let q = quotes(
            "The Acme Workers Union said pay fell. Jane Roe, an analyst, studied the numbers.\n\n\
             “It will get worse before it gets better,” they wrote.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn describe_and_dub_in_any_tense_attribute_the_quotation_beside_them() {
        let q = quotes(
            "Jane Roe spoke on Monday.\n\nCritics describe the deal as “a different \
             kind of loan.” Fans dub him “the mayor of Main Street.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Critics"));
        assert_eq!(q[0].cue.as_deref(), Some("describe"));
        assert_eq!(q[1].cue.as_deref(), Some("dub"));
    }

    #[test]
    fn a_relative_clause_between_subject_and_verb_keeps_the_subject() {
        let q = quotes(
            "John Doe spoke on Monday.\n\nA neighbor who lived next door to the family for \
             years said they were “quiet and kind.” One aide who saw the exchange said Doe told \
             them, “We will be fair.”",
        );
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("A neighbor who lived next door to the family for years")
        );
        assert_eq!(q[1].speaker.as_deref(), Some("One aide"));
    }

    #[test]
    fn a_name_before_a_colon_labels_the_quotation() {
        let q = quotes(
            "Voters agree - Jane Roe: “The turnout was higher than anyone expected.” \
             Smith spoke, telling Reuters: “We will win the next round.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
        assert_eq!(q[1].speaker.as_deref(), Some("Smith"));
    }

    #[test]
    fn a_party_tag_between_a_name_and_its_colon_keeps_the_label() {
        let q = quotes("Rep. Jane Roe (R-S.C.): “Who told you that the figure was right?”");
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_name_and_a_past_tense_after_a_quoted_question_speak_it() {
        let q = quotes(
            "Kim Lee replied: “Not at all.” \
             “Is it over, then?” Jane Roe went on, as if she had not heard. “It is over.”",
        );
        assert_eq!(q[1].speaker.as_deref(), Some("Jane Roe"));
        assert_eq!(q[2].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn an_intensifying_pronoun_keeps_the_subject() {
        let q = quotes(
            "Jane Roe spoke first. John Doe himself said Tuesday that “the plan will work in the end.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn a_full_name_mentioned_anywhere_makes_its_surname_a_subject() {
        let q = quotes(
            "Jane Roe spoke. The debate between Mary Roe and John Doe ran late.\n\n\
             Doe wasn't impressed.\n\n“No banker has been charged,” he noted.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn a_person_first_named_with_a_relative_clause_is_an_antecedent() {
        let q = quotes(
            "John Doe spoke on Monday. The best line came from nursing student Mary Roe, who \
             waved a sign at the back.\n\n“He is somebody's grumpy uncle,” she said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Mary Roe"));
    }

    #[test]
    fn a_role_noun_keeps_the_determiner_before_its_modifiers() {
        let q = quotes(
            "Jane Roe spoke on Monday.\n\n“We will win in the fall,” the Republican \
             vice-presidential nominee said.\n\nVowing to fight on, the famously gruff senator \
             called the plan “a gift to the banks.”\n\nIn Ohio, the billionaire real estate \
             mogul offered himself as “the only voice of the people.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
        assert_eq!(q[1].speaker.as_deref(), Some("Jane Roe"));
        assert_eq!(q[2].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_middle_initial_is_no_article() {
        let q = quotes(
            "Judge John Doe heard the case. Mary A. Roe, a lawyer for the plaintiffs, spoke at \
             the hearing in June. “It is plainly unfair,” she told Doe.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Mary A. Roe"));
    }

    #[test]
    fn a_short_past_tense_follows_its_subject() {
        let q = quotes(
            "Jane Roe spoke first. Radio host John Doe used his show on Friday to attack the \
             plan.\n\n“It is a disgrace,” he said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_name() {
        // "Budget" is written in lowercase too: the sentence's opening "Budget" is no person,
        // and the cue word after it ("estimates") has no one to give the quotation to.
        let q = quotes(
            "Mayor John Doe spoke on Monday about the budget. \
             Budget estimates, he added, were “based on last year's numbers.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn common_words_are_known_as_such_however_many_are_asked_about() {
        // Past the first few, the lowercase words are gathered once instead of sought one
        // by one; the answers must not change.
        let words = [
            "Budget", "Cost", "Revenue", "Payroll", "Rent", "Tax", "Fuel", "Water", "Power",
            "Transit", "Housing", "Parking",
        ];
        let body: String = words
            .iter()
            .map(|w| {
                format!(
                    "Mayor John Doe spoke on Monday about the {}. {w} estimates, he added, \
                     were “based on last year's numbers.”\n\n",
                    w.to_lowercase()
                )
            })
            .collect();
        let q = quotes(&body);
        assert_eq!(q.len(), words.len());
        assert!(
            q.iter().all(|q| q.speaker.as_deref() == Some("John Doe")),
            "{q:?}"
        );
    }

    #[test]
    fn a_capitalised_modal_inside_a_sentence_is_a_name() {
        let q = quotes(
            "Columnist Jane May attacked the plan.\n\n\
             “The plan is a mistake,” May wrote.\n\n\
             “Nobody reads the fine print,” Citizens Watch added.\n\n\
             Chief executive Ian Read spoke next. “It was a good deal,” Read said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane May"));
        assert_eq!(q[1].speaker.as_deref(), Some("Citizens Watch"));
        assert_eq!(q[2].speaker.as_deref(), Some("Ian Read"));
    }

    #[test]
    fn a_dash_label_under_a_quotation_names_its_speaker() {
        let q = quotes(
            "Jane Roe spoke first.\n\n“We will cut taxes for every family in the state.”\n\n\
             - John Doe.\n\nThe numbers do not add up.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn less_common_reporting_verbs_are_cues() {
        for verb in [
            "echoed",
            "riffed",
            "reminded",
            "groused",
            "reacted",
            "remembered",
        ] {
            let q = quotes(&format!(
                "Jane Roe spoke. “We can do better than this,” John Doe {verb}."
            ));
            assert_eq!(q[0].speaker.as_deref(), Some("John Doe"), "{verb}");
            assert_eq!(q[0].cue.as_deref(), Some(verb));
        }
    }

    #[test]
    fn a_weekday_between_subject_and_verb_keeps_the_subject() {
        let q = quotes(
            "Jane Roe on Monday hit John Doe on taxes, and she claimed there was a \
             “growing level of panic” in his campaign.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn an_inverted_description_gives_way_to_the_name_set_off_after_it() {
        let q = quotes(
            "John Doe was arrested in May.\n\n\
             The two men knew each other “casually,” said the bureau's director, Jane Roe, on Monday.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_party_named_with_a_title_word_is_the_party_not_the_last_person() {
        let q = quotes(
            "“We will win,” Obama said.\n\nThe Islamic State posted a message. “We will \
             drown you,” it said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Obama"));
        assert_eq!(
            q[0].party, None,
            "Obama is not made a member of Islamic State"
        );
        assert_eq!(q[1].speaker.as_deref(), Some("Islamic State"));
    }

    #[test]
    fn a_thing_or_a_clause_naming_a_party_ties_no_person_to_it() {
        for middle in [
            // A thing carrying a party is no description of the last person.
            "That story, attributed to unnamed Russian intelligence sources, alleged a loss.",
            // "that the Islamic State" names the party after a complementizer.
            "But she did contradict the comments, made in an interview, that the Islamic \
             State had been “contained” there.",
            // A group is no description of one person.
            "The ISIS fighters have taken the town, and experts fear a “disaster” there.",
        ] {
            let q = quotes(&format!(
                "“We found nothing,” Jane Roe said.\n\n{middle}\n\n“We keep looking,” Roe said."
            ));
            let roe: Vec<_> = q
                .iter()
                .filter(|q| q.speaker.as_deref() == Some("Jane Roe"))
                .collect();
            assert_eq!(roe.len(), 2, "{middle}: {q:?}");
            assert!(roe.iter().all(|q| q.party.is_none()), "{middle}: {q:?}");
        }
    }

    #[test]
    fn a_relative_clause_ties_a_party_only_when_the_person_serves_it() {
        for (who, party) in [
            ("a researcher who monitors ISIS propaganda", None),
            ("a veteran who served two tours in Iraq", None),
            ("who served as a Russian diplomat", Some("Russia")),
            ("an adviser who worked for the Kremlin", Some("Russia")),
        ] {
            let q = quotes(&format!("“It is real,” said Jane Roe, {who}."));
            assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"), "{who}");
            assert_eq!(q[0].party.as_deref(), party, "{who}");
        }
    }

    #[test]
    fn a_demonym_ties_a_speaker_to_its_state_only_as_one_of_its_officials_or_bodies() {
        for (who, party) in [
            ("a Russian fisherman", None),
            ("a team of Russians", None),
            ("Igor Roe, a Russian journalist,", None),
            ("Russian Deputy Foreign Minister Sergei Roe", Some("Russia")),
            ("the Iraqi army", Some("Iraq")),
            ("a spokesman for the Russian embassy", Some("Russia")),
            ("Syrian state TV", Some("Syria")),
            ("Japanese Defence Minister Gen Roe", Some("Japan")),
            ("Jane Roe, a teacher from south-eastern Russia,", None),
            ("Jane Roe, a journalist in Moscow,", None),
            ("Jane Roe, an official from Moscow,", Some("Russia")),
        ] {
            let (_, ex) = run(&format!("{who} said the bridge was down."));
            assert_eq!(ex.statements[0].party.as_deref(), party, "{who}");
        }
    }

    #[test]
    fn a_participle_after_a_possessive_is_no_verb() {
        // "alleged" describes the relatives: taken for a verb, its subject (the leader)
        // pointed back to the paper and gave it the leader's party.
        let (_, ex) = run(
            "The daily Al-Roe reported the detention of the Islamic State leader's alleged \
             relatives, saying they were held.",
        );
        let found: Vec<_> = ex
            .statements
            .iter()
            .map(|s| (s.actor.as_deref(), s.party.as_deref(), s.cue.as_deref()))
            .collect();
        assert!(
            found
                .iter()
                .all(|&(_, party, cue)| party.is_none() && cue != Some("alleged")),
            "{found:?}"
        );
        // A pronoun's 's is a verb: "he's reported" still reports.
        let x = statements("Jane Roe is a reporter. She's reported from every debate.");
        assert_eq!(x.len(), 1, "{x:?}");
    }

    #[test]
    fn a_statement_whose_quotation_comes_first_runs_to_its_sentences_end() {
        // Whom it was told and who the speaker is belong to the statement.
        let body = "“We will hold the bridge,” the commander, Col. Jan Roe, told reporters in \
                    the capital.";
        assert_eq!(
            statements(body),
            vec![(Some("Jan Roe".to_string()), body.to_string())]
        );
    }

    #[test]
    fn a_statements_words_are_its_runs_of_letters_digits_hyphens_and_apostrophes() {
        let text = "“Al-Qaeda’s 2nd attack,” the Kremlin's envoy—José Núñez—said: \
                    it's a well-documented, internationally-condemned CRIME (no. 12345678) \
                    in Mosul’s east…";
        for (start, end) in [(0, text.len()), (3, text.len() - 3), (10, 40)] {
            let span = Span::new(start, end);
            let split: Vec<(usize, &str)> = span
                .of(text)
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
                .filter(|w| !w.is_empty())
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
                .collect();
            let words: Vec<(usize, &str, bool)> = term_words(text, span).collect();
            assert_eq!(
                words.iter().map(|&(at, w, _)| (at, w)).collect::<Vec<_>>(),
                split
            );
            for (_, w, plain) in words {
                assert_eq!(
                    plain,
                    w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn the_accused_denying_in_the_accusations_words_answers_it() {
        // No event word the lexicon lists: the accused party and the shared words decide.
        let counters = |body: &str| -> Vec<(Kind, Option<usize>)> {
            let (_, ex) = run(body);
            ex.statements.iter().map(|s| (s.kind, s.counter)).collect()
        };
        assert_eq!(
            counters(
                "Israel accused Syria of firing rockets at the port. \
                 Syria denied firing rockets at the port."
            ),
            vec![(Kind::Claim, None), (Kind::Denial, Some(0))]
        );
        // A party the accusation does not name answers nothing by sharing its words.
        assert_eq!(
            counters(
                "Israel accused Syria of firing rockets at the port. \
                 Egypt denied firing rockets at the port."
            ),
            vec![(Kind::Claim, None), (Kind::Denial, None)]
        );
        // A plain report naming the denier answers it when it came first, not after.
        assert_eq!(
            counters(
                "Israel said Syria fired rockets at the port. Syria denied it fired rockets there."
            ),
            vec![(Kind::Claim, None), (Kind::Denial, Some(0))]
        );
        assert_eq!(
            counters(
                "Syria denied it fired rockets at the port. Israel said Syria fired rockets there."
            ),
            vec![(Kind::Denial, None), (Kind::Claim, None)]
        );
    }

    #[test]
    fn a_cue_word_in_s_or_ing_after_have_or_a_modal_is_no_verb() {
        // Holding claims or having reasons is not saying anything, nor is having admitting
        // privileges (a cue word in -ing after "have" modifies a noun).
        for body in [
            "Both island states have claims in the strait.",
            "The ministry would also have had reasons of its own to wait.",
            "The laws require that surgeons at clinics have admitting privileges at hospitals.",
        ] {
            assert_eq!(statements(body), vec![], "{body}");
        }
        // A capitalised "Will" is a name, and the verb after it still reports.
        let x =
            statements("The columnist George Will wrote a piece. Will believes the plan fails.");
        assert!(
            x.iter().any(|(_, s)| s.starts_with("Will believes")),
            "{x:?}"
        );
    }

    #[test]
    fn a_phrase_before_a_comma_is_not_part_of_the_subject_after_it() {
        let x = statements(
            "The army detained a wife of the leader of the Islamic State, security officials \
             said Tuesday.",
        );
        assert_eq!(x[0].0.as_deref(), Some("security officials"), "{x:?}");
    }

    #[test]
    fn what_follows_that_after_a_cue_is_never_its_subject() {
        let x = statements(
            "WASHINGTON – Rep. Jane Roe, R-Ohio., says that at least ten fighters for the \
             Islamic State have been caught.",
        );
        assert!(
            x.iter()
                .all(|(who, _)| who.as_deref().is_none_or(|w| !w.starts_with("that"))),
            "{x:?}"
        );
    }

    #[test]
    fn a_name_given_in_quote_marks_belongs_to_the_subject() {
        let x = statements("A collective known as “Raqqa Is Quiet” said the planes hit the depot.");
        assert_eq!(x[0].0.as_deref(), Some("A collective"), "{x:?}");
    }

    #[test]
    fn examples_set_off_after_a_subject_give_it_no_party() {
        let (_, ex) = run(
            "Israeli media reports, including a daily quoting a website associated with \
             Islamic State, said a woman has been captured.",
        );
        assert_eq!(ex.statements[0].party, None, "{:?}", ex.statements);
    }

    #[test]
    fn a_body_in_a_place_is_the_body_not_the_place() {
        let x = statements(
            "The Interior Ministry's transport department in the Northwestern Federal District \
             said it is investigating. Many in the crowd said they would stay.",
        );
        assert_eq!(
            x[0].0.as_deref(),
            Some(
                "The Interior Ministry's transport department in the Northwestern Federal District"
            ),
            "{x:?}"
        );
        assert_eq!(x[1].0.as_deref(), Some("Many in the crowd"), "{x:?}");
    }

    #[test]
    fn the_place_a_thing_was_posted_to_is_not_its_speaker() {
        let (_, ex) = run(
            "Footage uploaded to YouTube claimed to show the incident as the Russian President \
             spoke. The Russian President is known for his image.",
        );
        assert_no_statement_by(&ex, "YouTube");
        // The place may still say whom the thing speaks for, and what it is.
        let (_, ex) = run(
            "A statement attributed to the Islamic State group claimed a hostage was killed. \
             The statement further said the site was hit.",
        );
        let found: Vec<_> = ex
            .statements
            .iter()
            .map(|s| (s.actor.as_deref(), s.party.as_deref()))
            .collect();
        let actor = Some("A statement attributed to the Islamic State group");
        assert_eq!(found, [(actor, Some("Islamic State")); 2]);
    }

    #[test]
    fn a_common_word_opening_a_longer_subject_is_no_name() {
        // "footage" is written in lowercase too, so the capitalised opener is that word.
        let x = statements(
            "Footage uploaded to YouTube claimed to show the fall. All other footage shows \
             nothing.",
        );
        assert_eq!(x[0].0, None, "{x:?}");
    }

    #[test]
    fn a_titled_name_after_a_comma_does_not_take_the_phrase_before_it() {
        let x = statements(
            "While the fighters call themselves lions of the Islamic State, Mr. Roe said, \
             they call the boys cubs.",
        );
        assert_eq!(x[0].0.as_deref(), Some("Roe"), "{x:?}");
        let (_, ex) = run(
            "While the fighters call themselves lions of the Islamic State, \
             Mr. Roe said, they call the boys cubs.",
        );
        assert_eq!(ex.statements[0].party, None);
    }

    #[test]
    fn the_statement_speaks_for_whoever_issued_it() {
        let q = quotes(
            "Jane Roe issued a statement on Friday.\n\n“We will fight this ruling,” the statement said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
        let q = quotes(
            "Globex said on Monday that it would close the plant.\n\n“We regret this decision \
             deeply,” the company said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Globex"));
    }

    #[test]
    fn a_document_speaks_for_whoever_issued_it_whoever_spoke_since() {
        let q = quotes(
            "The Harbor Council issued a statement on Monday. Mayor Jane Roe praised the plan. \
             “We will rebuild the pier by spring,” the statement said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("The Harbor Council"));
        let q = quotes(
            "The Smith campaign sent out a fundraising email. Jane Roe praised the plan. “We \
             need every dollar,” read the email.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("The Smith campaign"));
    }

    #[test]
    fn a_document_from_someone_speaks_for_them() {
        let q = quotes(
            "Jane Roe keeps a framed, handwritten note from John Smith on her wall. “You will \
             never build that pier!” the note says.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Smith"), "{q:?}");
    }

    #[test]
    fn a_tweet_or_a_note_that_says_is_the_subject_of_its_verb() {
        let q = quotes("Jane Roe spoke first.\n\nOne tweet said: “The pier is gone.”");
        assert_eq!(q[0].speaker.as_deref(), Some("One tweet"), "{q:?}");
        assert_eq!(q[0].cue.as_deref(), Some("said"), "{q:?}");
    }

    #[test]
    fn last_month_opening_a_sentence_is_a_time_not_a_verb_after_a_name() {
        let q = quotes(
            "The columnist George Will wrote about the pier.\n\nCiting last week’s Harbor \
             Day storm as a wake-up call for the town and its “dreams of a quiet harbor,” Will \
             urged the council to act.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("George Will"), "{q:?}");
        let q = quotes(
            "Globex said it would close the plant.\n\nLate last month, the company wrote a detailed, \
             six-page letter to the mayor. “We regret it,” the letter said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Globex"), "{q:?}");
    }

    #[test]
    fn a_second_absolute_clause_after_and_has_its_own_speaker() {
        let q = quotes(
            "Both men issued a statement, Jane Roe saying she was “very encouraged” and John \
             Smith calling it a “great meeting.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"), "{q:?}");
        assert_eq!(q[1].speaker.as_deref(), Some("John Smith"), "{q:?}");
    }

    #[test]
    fn a_cue_word_after_a_plural_possessive_is_a_noun() {
        let (_, x) = run(
            "Even before Francis' remarks about him, Jane Roe had criticized the pope as “a \
             political person.”",
        );
        assert_first_speaker(&x, "Jane Roe");
        assert_no_statement_by(&x, "Francis");
    }

    #[test]
    fn a_names_call_for_a_quotation_is_that_names() {
        assert_speakers(
            "Bernie Sanders spoke first. Young voters prefer Sanders' call for “revolution” \
             over Jane Roe's plans.\n\nJane Roe denounced Smith's remarks as “hurtful and \
             humiliating.”\n\nMary Poe blasted Smith's call for a “harbor tax,” calling it \
             “absurd.”",
            &[
                Some("Bernie Sanders"),
                Some("Jane Roe"),
                Some("Smith"),
                Some("Mary Poe"),
            ],
        );
    }

    #[test]
    fn whom_one_accuses_after_a_bare_comma_is_no_speaker() {
        let q = quotes(
            "But Jane Roe showed no sign of backing down, releasing a statement that, while \
             condemning violence, accused the Democratic leadership in Nevada of using “its \
             power to prevent a fair process.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"), "{q:?}");
    }

    #[test]
    fn a_name_after_a_description_at_the_time_is_who_wrote() {
        let q = quotes(
            "Mary Poe met the envoy.\n\n“The party is working to change its image,” wrote the \
             American ambassador at the time, John E. Herbst.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John E. Herbst"), "{q:?}");
    }

    #[test]
    fn one_who_serves_someone_the_text_knows_is_not_the_last_one_named() {
        let q = quotes(
            "Ted Cruz toured Ohio.\n\nRoger Wicker said he expects Cruz to help. “Politicians \
             are practical people,” said the senior Cruz adviser.\n\n“We will win,” the Ohio \
             senator said.",
        );
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("the senior Cruz adviser"),
            "{q:?}"
        );
        assert_eq!(q[1].speaker.as_deref(), Some("Roger Wicker"), "{q:?}");
    }

    #[test]
    fn the_lawyers_are_whose_lawyers_the_text_said_shortly_before() {
        let q = quotes(
            "Jane Roe’s lawyers relied on precedent to defend her. The judge listened.\n\nThese \
             sources, the lawyers said, “all command the same conclusion.”\n\n“We object,” the \
             clerks said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe’s lawyers"), "{q:?}");
        assert_eq!(q[1].speaker.as_deref(), Some("the clerks"), "{q:?}");
    }

    #[test]
    fn ms_after_mr_of_the_same_surname_is_someone_else() {
        let q = quotes(
            "Jane Roe praised the couple.\n\nMr. Khan said the attack on his wife was unfair. \
             “All the world felt my pain,” Ms. Khan wrote. She continued: “Does he need to \
             wonder why I did not speak?”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Ms. Khan"), "{q:?}");
        assert_eq!(q[1].speaker.as_deref(), Some("Ms. Khan"), "{q:?}");
    }

    #[test]
    fn a_plural_common_noun_opening_a_sentence_is_a_group_not_a_person() {
        let q = quotes(
            "The actor John Roe spoke about the show, and the audience cheered.\n\nAudiences \
             can expect him to take “a few more risks than they are used to.” “It is straight \
             from the heart,” he said.",
        );
        assert_eq!(q[1].speaker.as_deref(), Some("John Roe"), "{q:?}");
        let x = statements("A local man spoke.\n\nLocals said the pier was unsafe.");
        assert_eq!(x.last().unwrap().0.as_deref(), Some("Locals"), "{x:?}");
    }

    #[test]
    fn a_cue_with_a_that_clause_after_a_quotation_reports_the_clause() {
        let q = quotes(
            "Jane Roe wrote to the mayor, telling him, “you are an all-star and we need you!” \
             He replied to her that it was an “honor to serve.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"), "{q:?}");
        assert_eq!(q[0].cue.as_deref(), Some("telling"), "{q:?}");
    }

    #[test]
    fn a_name_then_a_placed_phrase_is_the_subject_of_the_verb() {
        let q = quotes(
            "Jane Roe chairs the party. John Smith in his announcement speech called the \
             harbor plan “a disaster” and promised to stop it.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Smith"), "{q:?}");
        assert_eq!(q[0].cue.as_deref(), Some("called"), "{q:?}");
    }

    #[test]
    fn a_supporter_of_someone_the_text_knows_is_not_the_last_one_named() {
        let q = quotes(
            "Chris Christie held a town hall.\n\nMadeleine Albright said women must help each \
             other. At the meeting, the Christie supporter retorted: “Vote for the best \
             candidate.”",
        );
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("the Christie supporter"),
            "{q:?}"
        );
    }

    #[test]
    fn whose_aide_spoke_after_an_opening_clause_is_part_of_who_spoke() {
        let q = quotes(
            "In response to the harbor plan, Jane Roe’s right-hand woman rallied supporters, \
             saying: “We have to be ready to stop it.”",
        );
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("Jane Roe’s right-hand woman"),
            "{q:?}"
        );
    }

    #[test]
    fn a_quotation_inside_a_stance_inside_speech_is_the_speakers() {
        let q = quotes("Jane Roe said she expected that voters will say “no” to the harbor plan.");
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"), "{q:?}");
        assert_eq!(q[0].cue.as_deref(), Some("said"), "{q:?}");
    }

    #[test]
    fn the_editorial_board_is_the_board_the_text_named_before() {
        let q = quotes(
            "The mayor should go, a headline from the Harbor Gazette editorial board reads. \
             Jane Roe said she disagreed.\n\n“Are we talking about the same mayor?” the \
             editorial board writes.",
        );
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("the Harbor Gazette editorial board"),
            "{q:?}"
        );
    }

    #[test]
    fn a_title_before_a_name_takes_up_the_name() {
        let x = statements(
            "The nun gave birth, Italian newspaper Corriere Adriatico said on Friday.\n\nThe \
             newspaper said the nun would keep the baby.",
        );
        assert_eq!(
            x.last().unwrap().0.as_deref(),
            Some("Italian newspaper Corriere Adriatico"),
            "{x:?}"
        );
    }

    #[test]
    fn the_issuer_is_the_subject_right_before_the_verb_of_issuing() {
        let q = quotes(
            "Globex praised the plan.\n\nDays after its report was issued, the Harbor Museum \
             issued a statement of concern. Recalling the flood, the statement urged residents \
             to “stay calm and help each other.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Harbor Museum"), "{q:?}");
    }

    #[test]
    fn a_member_of_a_body_named_by_its_acronym_is_not_the_last_one_named() {
        let q = quotes(
            "John Smith spent his own money.\n\n“Nobody cares when you spend your own money,” \
             the RNC member said.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("the RNC member"), "{q:?}");
    }

    #[test]
    fn a_filing_speaks_for_whoever_filed_it() {
        let q = quotes(
            "Jane Roe filed a lawsuit on Monday. John Smith declined to comment. The lawsuit \
             accuses the harbor board of “reckless neglect of the pier.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_participles_aside_ending_in_a_quotation_keeps_the_subject_before_it() {
        let q = quotes(
            "Jane Roe spoke first. John Smith, citing “the unique charm of the harbor,” said \
             the town could win the award.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Smith"));
    }

    #[test]
    fn a_plain_phrase_after_which_is_the_subject_of_its_relative_clause() {
        let q = quotes(
            "Jane Roe criticized the harbor plan, which an independent audit said was \
             “needlessly reckless” but legal.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("an independent audit"));
    }

    #[test]
    fn a_person_whose_possessive_opens_a_sentence_is_who_it_is_about() {
        let q = quotes(
            "John Smith spoke first. Bill Jones answered sharply. Smith’s patience did not \
             last long. Within minutes, he called Jones “a coward” twice.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Smith"));
    }

    #[test]
    fn a_name_introduced_by_a_role_or_a_description_is_a_person() {
        for intro in [
            "Mark Roe faces Zorra Quillby, a veteran staffer.",
            "Mark Roe faces veteran staffer Zorra Quillby.",
        ] {
            let q = quotes(&format!(
                "{intro}\n\nQuillby had nothing bad to say.\n\n“It was fine,” she said."
            ));
            assert_eq!(q[0].speaker.as_deref(), Some("Zorra Quillby"), "{intro}");
        }
    }

    #[test]
    fn a_quotation_after_a_new_subject_does_not_carry_on_from_the_paragraph_before() {
        let q = quotes(
            "“The field is wide open,” said Jane Roe, an editor.\n\n\
             John Doe disagreed. “Voters have made up their minds already.”",
        );
        assert_eq!(q[1].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn an_inverted_subject_runs_past_lowercase_modifiers_to_the_name() {
        let q =
            quotes("“It was never meant to be,” said Republican political consultant Jane Roe.");
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
        let q = quotes("“It will all blow over,” said Republican party boss John Doe.");
        assert_eq!(q[0].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn an_irregular_past_tense_shows_its_subject() {
        let q = quotes(
            "John Doe spoke first. Jane Roe shot back in a statement, saying she had \
             “made a lot of money in bad years.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_role_keeps_the_person_it_serves_without_becoming_them() {
        let q = quotes(
            "“It was close,” said a longtime adviser to Jane Roe. \
             “It was not,” said the top aide to President John Doe.",
        );
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("a longtime adviser to Jane Roe")
        );
        assert_ne!(q[1].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn a_role_keeps_the_name_that_owns_it() {
        let q = quotes(
            "In court papers, Roe's public defense counsel asked for mercy, calling it \
             “an addiction of sorts.”",
        );
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("Roe's public defense counsel")
        );
    }

    #[test]
    fn as_someone_puts_it_attributes_the_quotation() {
        let q = quotes(
            "John Doe spoke first. As the columnist Jane Roe puts it, “the voters are unmoved.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_stance_verb_right_after_a_quotation_frames_speech() {
        let q = quotes(
            "“It has changed,” says John Doe, a student.\n\n“Our ideas are different,” agrees Jane Roe, a nurse.",
        );
        assert_eq!(q[1].speaker.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn who_after_a_dash_stands_for_the_name_before_it() {
        let q = quotes(
            "Mary Roe spoke first.\n\nJohn Doe - who previously said he would \
             “end the program at once” - said on Saturday that he had changed his mind.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("John Doe"));
    }

    #[test]
    fn a_plain_description_after_a_quotation_and_its_verb_speaks() {
        let q = quotes(
            "Mary Roe spoke on Monday.\n\n“The ballots were counted twice over the weekend,” \
             says a narrator.\n\n“Nothing has changed in the last week at all,” said a person \
             close to the Smiths.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("a narrator"));
        assert_eq!(
            q[1].speaker.as_deref(),
            Some("a person close to the Smiths")
        );
    }

    #[test]
    fn a_quotation_relayed_by_a_source_is_the_sources() {
        let q = quotes(
            "Mary Roe spoke on Monday.\n\n“We will not go quietly into the night,” Jane Roe \
             said at a rally, according to the Daily Planet. “We will fight on.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Daily Planet"));
        assert_eq!(q[1].speaker.as_deref(), Some("Daily Planet"));
        let q = quotes(
            "Mary Roe spoke on Monday.\n\nAccording to the Daily Planet, Jane Roe said the \
             plan was “dead on arrival in the state senate.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Daily Planet"));
    }

    #[test]
    fn a_trailing_attribution_reports_every_quotation_before_it() {
        let q = quotes(
            "Mary Roe spoke on Monday.\n\nVoters should ignore words like “soon” and \
             “later”, she told reporters.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Mary Roe"));
        assert_eq!(q[1].speaker.as_deref(), Some("Mary Roe"));
    }

    #[test]
    fn a_noun_like_cue_right_before_a_quotation_is_a_verb() {
        let q = quotes(
            "Mary Roe spoke on Monday.\n\nThe ad claims “the senator voted against every \
             single budget since 2009.”",
        );
        assert_eq!(q[0].cue.as_deref(), Some("claims"));
    }

    #[test]
    fn a_subject_and_plain_verb_after_a_quotation_speak_it() {
        let q = quotes(
            "Mary Roe asked about the budget. “Why were the numbers cut?” she said.\n\n\
             “Nobody cut anything at all this year,” John Doe shot back.\n\n\
             “Then the money went somewhere else,” Roe pressed.",
        );
        assert_eq!(q[1].speaker.as_deref(), Some("John Doe"));
        assert_eq!(q[2].speaker.as_deref(), Some("Mary Roe"));
    }

    #[test]
    fn a_determined_phrase_with_a_name_as_modifier_is_a_subject() {
        let q = quotes(
            "Tom Baker spoke on Monday.\n\nAt the meeting, a Baker supporter retorted: “We \
             will keep fighting for the people of this state.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("a Baker supporter"));
    }

    #[test]
    fn a_role_for_a_body_the_lexicon_does_not_know_is_a_subject() {
        let q = quotes(
            "Tom Baker spoke on Monday.\n\nA spokesman for the buyer said there was a commitment \
             “to keep every one of the workers on the payroll.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("A spokesman for the buyer"));
    }

    #[test]
    fn a_coordinated_cue_takes_the_subject_of_its_own_clause() {
        let q = quotes(
            "Mary Roe spoke on Monday.\n\nWhen asked whom she supported, Ms. Jane Doe smiled \
             and said, “I will vote for the best candidate in the race.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jane Doe"));
    }

    /// An aside between dashes, em dashes or horizontal bars, holds no subject of the
    /// sentence; a dash after a dateline opens none.
    #[test]
    fn a_coordinated_cue_passes_over_an_aside_between_dashes() {
        for dash in ["—", "―"] {
            let body = format!(
                "Tom Hall spoke on Monday.\n\nHastily seizing on the attack {dash} much like \
                 he did after the one in Paris {dash} Jim Doe cast the blame on his rivals, and \
                 emphasized the threat that “terrorism” poses."
            );
            assert_eq!(first_speaker(&body).as_deref(), Some("Jim Doe"), "{dash}");
        }
        assert_eq!(
            first_speaker(
                "WASHINGTON — Sen. Jan Roe on Wednesday played down the attack — something \
                 that has thrown her party into chaos — and said it is the same as “a wise \
                 choice.”"
            )
            .as_deref(),
            Some("Jan Roe")
        );
    }

    /// A relative clause on the subject may end on a quotation whose closing comma stands
    /// inside its marks; the verb after it is the subject's.
    #[test]
    fn a_relative_clause_ending_on_a_quotation_leaves_the_subject_its_verb() {
        let (text, x) = run(
            "“It is over,” Jim Doe said.\n\nJim Doe, who has in the past described the plan \
             as “a disaster” whose cost “will ruin the town,” clearly intended the audience to \
             “turn away” from it.",
        );
        let turn_away = x.quotes.iter().find(|q| q.span.of(&text) == "turn away");
        assert_eq!(
            turn_away.and_then(|q| q.speaker.as_deref()),
            Some("Jim Doe"),
            "{:?}",
            x.quotes
        );
    }

    /// After a bare comma, the name a stance verb takes is whom it is about, not who holds
    /// the stance; the source of a finding still follows its verb.
    #[test]
    fn a_name_after_a_stance_verb_and_a_comma_is_its_object() {
        let (_, x) = run(
            "On Sunday, Pastor Jim Doe stood at his pulpit in Burlington, Iowa, and, citing \
             Exodus 18:21 (“select able men who fear God”), endorsed Senator Tom Hall of \
             Texas, urging his parishioners to vote for him.",
        );
        assert_first_speaker(&x, "Jim Doe");
        assert_no_statement_by(&x, "Tom Hall");
        let found = statements(
            "A hundred acres of forest are cleared every minute, estimates a 2014 report by \
             the World Resources Institute.",
        );
        assert!(
            found
                .iter()
                .any(|(actor, _)| actor.as_deref().is_some_and(|a| a.contains("report"))),
            "{found:?}"
        );
    }

    /// A name keeps its letters whole when they are spelt with a combining accent, or read
    /// as Latin-1 from UTF-8 bytes (mojibake, with the tilde composed or combining).
    #[test]
    fn a_name_with_mojibake_or_combining_accents_is_one_name() {
        for name in [
            "Marc Tr\u{c3}\u{a9}vidic",
            "Marc TrA\u{303}\u{a9}vidic",
            "Marc Tre\u{301}vidic",
        ] {
            let body = format!(
                "Larossi Abballa was held in 2011.\n\nBut at the time, as the prosecutor \
                 {name} put it, “there was not much to complain about.”"
            );
            assert_eq!(first_speaker(&body).as_deref(), Some(name), "{name}");
        }
    }

    /// Proponents, defenders, advocates, economists, leaders, hostages and the like are people
    /// by role, as critics and supporters are: a group of them speaks, not the last person
    /// named.
    #[test]
    fn proponents_and_defenders_speak_as_a_group() {
        for (body, speaker) in [
            (
                "Proponents of the new bill, however, say it would act as an “umpire.”",
                "Proponents of the new bill",
            ),
            (
                "Her defenders note that the emails “were not marked classified at the time.”",
                "Her defenders",
            ),
            (
                "Democratic economists say the tax “would fall hardest on the poor.”",
                "Democratic economists",
            ),
            (
                "Tribal leaders said they saw “dozens of trucks cross the border at night.”",
                "Tribal leaders",
            ),
            (
                "Former hostages said he was “the most brutal of the guards.”",
                "Former hostages",
            ),
        ] {
            let body = format!("“It is over,” Jim Doe said.\n\n{body}");
            assert_eq!(last_speaker(&body).as_deref(), Some(speaker), "{body}");
        }
    }

    /// A participle hangs on the clause that reports, not on a stance inside what it reports.
    #[test]
    fn a_participle_after_a_reported_stance_is_the_reporters() {
        let q = quotes(
            "Jim Doe wrote that the agents knew to brace for the eruptions, saying, “They \
             didn’t happen every day.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jim Doe"), "{q:?}");
    }

    /// A description before a naming word ("known as") and a quoted nickname describes the
    /// name set off before it, which is the subject.
    #[test]
    fn a_name_set_off_before_a_nickname_description_is_the_subject() {
        assert_eq!(
            last_speaker(
                "Tom Hall spoke first.\n\nJan Lehel, the hacker known as “Guccifer,” stated that \
                 he had access to the server, which he described as “like an open orchid.”"
            )
            .as_deref(),
            Some("Jan Lehel")
        );
    }

    /// A description set off after a name may end on a title's quotation, its comma inside
    /// the marks: the name is still the subject of the verb after it.
    #[test]
    fn a_description_ending_on_a_quoted_title_leaves_the_name_its_verb() {
        assert_eq!(
            last_speaker(
                "Tom Hall spoke first.\n\nIn a memo on Tuesday, Jan Roe, the executive in \
                 charge of “Today,” reminded the staff that “the show must go on.”"
            )
            .as_deref(),
            Some("Jan Roe")
        );
    }

    /// After an opening subordinate clause with a cue, the name that opens the main clause is
    /// who the sentence is about, and a later "he" points back to them.
    #[test]
    fn the_main_clause_after_a_subordinate_cue_names_who_he_is() {
        assert_eq!(
            last_speaker(
                "When Jim Doe suggested that the island would sue, Tom Hall fired back \
                 forcefully: “They are going to lose.”\n\nAnd he continued on, mocking the \
                 promise of “a stronger deal” with the island."
            )
            .as_deref(),
            Some("Tom Hall")
        );
    }

    /// A name set off with a description after an opening adverb and its comma is who the
    /// sentence is about, and a later "he" or "she" points back to them.
    #[test]
    fn a_described_name_after_an_opening_adverb_is_the_subject() {
        for opening in ["Recently", "First"] {
            let body = format!(
                "“We won,” Jim Doe said.\n\n{opening}, Tom Hall, the radio host and former \
                 candidate, was asked by a caller why they come. “So they can hurt us,” he said."
            );
            assert_eq!(last_speaker(&body).as_deref(), Some("Tom Hall"));
        }
    }

    /// Extracts an invented article (a headline, then `body`).
    fn run(body: &str) -> (String, Extraction) {
        let text = format!("Headline\n\n{body}\n");
        let b = Briefing::from_text(Path::new("t.txt"), text.clone(), vec![]).unwrap();
        let x = extract(&b, Gazetteer::builtin());
        (text, x)
    }

    /// The text of each quotation found in an invented article.
    fn quote_texts(body: &str) -> Vec<String> {
        let (text, x) = run(body);
        x.quotes
            .iter()
            .map(|q| q.span.of(&text).to_string())
            .collect()
    }

    /// Fails when a statement of `x` is `actor`'s: how the rules that keep a place, a
    /// possessive or a description from speaking are checked.
    fn assert_no_statement_by(x: &Extraction, actor: &str) {
        assert!(
            x.statements
                .iter()
                .all(|s| s.actor.as_deref() != Some(actor)),
            "{:?}",
            x.statements
        );
    }

    /// The speaker of the first quotation of `body`.
    fn first_speaker(body: &str) -> Option<String> {
        quotes(body)[0].speaker.clone()
    }

    /// Fails unless the quotations of `body` are, in order, those speakers'.
    fn assert_speakers(body: &str, expected: &[Option<&str>]) {
        let q = quotes(body);
        let speakers: Vec<_> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, expected, "{q:?}");
    }

    /// The speaker of the last quotation of `body`: the one after the lines that set the
    /// scene.
    fn last_speaker(body: &str) -> Option<String> {
        quotes(body).last().and_then(|q| q.speaker.clone())
    }

    /// Fails unless the first quotation of `x` is `speaker`'s.
    fn assert_first_speaker(x: &Extraction, speaker: &str) {
        assert_eq!(
            x.quotes[0].speaker.as_deref(),
            Some(speaker),
            "{:?}",
            x.quotes
        );
    }

    /// Each statement as (actor, text).
    fn statements(body: &str) -> Vec<(Option<String>, String)> {
        let (text, x) = run(body);
        x.statements
            .iter()
            .map(|s| (s.actor.clone(), s.span.of(&text).to_string()))
            .collect()
    }

    /// A long clause joined by ", but" before the speaker's is not what the speaker said:
    /// the statement starts at its own subject, not at the sentence's start.
    #[test]
    fn a_long_clause_joined_before_the_subject_stays_out_of_the_statement() {
        assert_eq!(
            statements(
                "The rebels freed three aid workers held in the hills for a month, but the \
                 ministry said the talks had failed."
            ),
            [(
                Some("the ministry".to_string()),
                "the ministry said the talks had failed.".to_string()
            )]
        );
    }

    /// "a group blamed for the riots", "the shell believed to have …": the noun before such a
    /// participle is who is blamed or believed about, never who blames or believes, so the
    /// claims table credits no one with it (and not whoever was named before).
    #[test]
    fn a_participle_after_a_noun_credits_no_one() {
        let actors = |body: &str| -> Vec<Option<String>> {
            statements(body)
                .into_iter()
                .map(|(actor, _)| actor)
                .collect()
        };
        assert_eq!(
            actors("Ann Poe, a co-founder of a group blamed for the riots, was arrested."),
            [None]
        );
        let after_a_speaker = actors(
            "“We saw it,” said Jan Roe.\n\n\
             The shell believed to have caused the damage landed near a school.",
        );
        assert_eq!(after_a_speaker[0].as_deref(), Some("Jan Roe"));
        assert!(after_a_speaker[1..].iter().all(Option::is_none));
    }

    /// What a video shows is no one's claim; what a poll shows, or a photo "shows that",
    /// is a finding.
    #[test]
    fn a_picture_shows_what_it_depicts_and_states_nothing() {
        let texts = |body: &str| -> Vec<String> {
            statements(body).into_iter().map(|(_, text)| text).collect()
        };
        assert!(texts("The grim video shows a masked man beside a kneeling hostage.").is_empty());
        assert!(texts("Footage then showed the moment the shell hit.").is_empty());
        assert_eq!(
            texts("The new poll shows Jane Roe leading by five points."),
            ["The new poll shows Jane Roe leading by five points."]
        );
        assert_eq!(
            texts("The photo clearly shows that the decals are still on the truck."),
            ["The photo clearly shows that the decals are still on the truck."]
        );
    }

    /// The claims table shows who the speaker is, as the sentence does: "A government
    /// spokesman, Jane Roe, said …", not "Jane Roe, said …".
    #[test]
    fn a_description_set_off_before_the_name_opens_the_statement() {
        assert_eq!(
            statements(
                "Talks went on.\n\nA Freedonian government spokesman, Jane Roe, said talks made progress."
            ),
            [(
                Some("Jane Roe".to_string()),
                "A Freedonian government spokesman, Jane Roe, said talks made progress."
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_cue_whose_subject_is_not_found_still_makes_a_statement() {
        let s = statements("He went on to say that the plan is a realistic step.");
        assert_eq!(
            s,
            vec![(
                None,
                "He went on to say that the plan is a realistic step.".into()
            )]
        );
        let s = statements("In their view, the vote was lost long ago.");
        assert_eq!(s.len(), 1);
        assert!(statements("The tanks rolled into the town at dawn.").is_empty());
    }

    #[test]
    fn markup_is_not_a_statement_nor_a_quotation() {
        let (_, x) =
            run("The vote was held.\n\n<tweet author=\"@someone\" id=\"12345\">A day.</tweet>");
        assert!(x.statements.is_empty());
        assert!(x.quotes.is_empty());
    }

    #[test]
    fn reporting_clauses_are_statements_of_their_own() {
        for (body, want) in [
            (
                "Experts say the plan is sound, but officials in the region hope the talks resume.",
                [
                    "Experts say the plan is sound",
                    "officials in the region hope the talks resume.",
                ],
            ),
            (
                "John Smith proposed a new agency, while Jane Doe in a post said she would wait.",
                [
                    "John Smith proposed a new agency",
                    "Jane Doe in a post said she would wait.",
                ],
            ),
        ] {
            let s = statements(body);
            let texts: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(texts, want, "{body}");
        }
    }

    #[test]
    fn a_title_case_phrase_the_subject_says_is_a_quotation() {
        assert_eq!(
            quote_texts("John Smith called the senator “Little Marco” at the rally."),
            vec!["Little Marco"]
        );
        assert!(quote_texts("The senator went on “Meet the Press” on Sunday.").is_empty());
    }

    #[test]
    fn a_title_case_phrase_after_an_owner_or_a_kind_of_work_is_a_title() {
        let said = quote_texts;
        assert!(
            said(
                "Jane Roe said on Channel Nine's “Good Morning From The Valley” that she would run."
            )
            .is_empty()
        );
        assert!(
            said("Jane Roe said she liked the book “The Long Road Over The Hills” very much.")
                .is_empty()
        );
        assert!(
            said("Jane Roe said in the documentary “Mill Town” that she would run.").is_empty()
        );
        assert!(said("Jane Roe said in her new book, “Mill Town,” that she would run.").is_empty());
        assert_eq!(
            said("Jane Roe said “The Long Road Is Ours Now” at the rally."),
            vec!["The Long Road Is Ours Now"]
        );
    }

    #[test]
    fn a_nickname_inside_a_name_is_not_a_quotation() {
        assert!(quote_texts("Gov. John “Buzz” Doe said he would run again.").is_empty());
        assert_eq!(
            quote_texts("Gov. John Doe said “Buzz” to the crowd."),
            vec!["Buzz"]
        );
    }

    #[test]
    fn a_capitalised_single_word_in_reported_speech_is_a_quotation() {
        assert_eq!(
            quote_texts("“Never,” Jane Roe said when asked about the merger."),
            vec!["Never,"]
        );
        assert!(quote_texts("“Never Again” was the name of the plan, Jane Roe said.").is_empty());
    }

    #[test]
    fn a_title_case_phrase_opening_a_sentence_on_a_comma_is_a_quotation() {
        assert_eq!(
            quote_texts("“Never Again,” Jane Roe said when asked about the merger."),
            vec!["Never Again,"]
        );
        assert_eq!(
            quote_texts("Jane Roe asked. “Any Takers?” John Doe said."),
            vec!["Any Takers?"]
        );
    }

    #[test]
    fn a_short_phrase_is_the_words_of_a_subject_the_article_quotes() {
        let said = quote_texts;
        let earlier = "“We will fix the bridge this year,” Jane Roe said on Monday.\n\n";
        let later = "Jane Roe drove past the “old” bridge on Tuesday.";
        assert_eq!(
            said(&format!("{earlier}{later}")),
            vec!["We will fix the bridge this year,", "old"]
        );
        // The article quotes her only further on.
        assert_eq!(
            said(&format!("{later}\n\n{earlier}")),
            vec!["old", "We will fix the bridge this year,"]
        );
        // The article never quotes her: a scare-quoted term, not a quotation.
        assert!(said(later).is_empty());
    }

    #[test]
    fn a_title_case_phrase_after_a_naming_word_is_a_quotation() {
        assert_eq!(
            quote_texts("The mayor's plan, dubbed “Bridge To Nowhere” by locals, failed."),
            vec!["Bridge To Nowhere"]
        );
        assert!(quote_texts("The mayor's plan, “Bridge To Nowhere” to locals, failed.").is_empty());
        assert_eq!(
            quote_texts("The council sent out a leaflet titled “Our Roads Come First” on Monday."),
            vec!["Our Roads Come First"]
        );
    }

    #[test]
    fn a_headline_credited_to_its_author_is_not_a_quotation() {
        assert!(
            quote_texts("Jane Roe said she liked “The Long Road Home” by John Doe.").is_empty()
        );
        assert!(
            quote_texts("Worth reading: “The town council will sell the old mill,” by Jane Roe.")
                .is_empty()
        );
        assert_eq!(
            quote_texts("“The town council will sell the old mill,” Jane Roe said by phone."),
            vec!["The town council will sell the old mill,"]
        );
    }

    #[test]
    fn a_web_address_in_quote_marks_is_not_a_quotation() {
        assert!(
            quote_texts("Jane Roe said the plan is online at “http://example.com/plan.”")
                .is_empty()
        );
        assert_eq!(
            quote_texts("Jane Roe said the plan is “online at last.”"),
            vec!["online at last."]
        );
    }

    #[test]
    fn a_phrase_after_so_called_is_a_scare_quote() {
        assert!(
            quote_texts("Jane Roe said the so-called “toll plan” would cost the town dearly.")
                .is_empty()
        );
        assert_eq!(
            quote_texts("Jane Roe said the “toll plan” would cost the town dearly."),
            vec!["toll plan"]
        );
    }

    #[test]
    fn a_chant_is_a_quotation() {
        assert_eq!(
            quote_texts("Outside the hall, hundreds were chanting “Vote Roe” for an hour."),
            vec!["Vote Roe"]
        );
        assert!(
            quote_texts("Outside the hall, hundreds were waving “Vote Roe” for an hour.")
                .is_empty()
        );
    }

    #[test]
    fn a_show_title_with_a_long_preposition_is_a_name() {
        assert!(
            quote_texts("Jane Roe spoke on WXYZ's “Mornings with Anna Lee” about the toll plan.")
                .is_empty()
        );
    }

    #[test]
    fn a_cry_of_words_is_a_quotation() {
        assert_eq!(
            quote_texts("The mayor walked in to chants of “Go Home Now” from the back rows."),
            vec!["Go Home Now"]
        );
        assert_eq!(
            quote_texts("Nobody in the square expected the cries of “bread and work” to stop."),
            vec!["bread and work"]
        );
        // A work named after "of" is no cry: the author of “The Long Road Home”.
        assert!(quote_texts("She met the author of “The Long Road Home” at the fair.").is_empty());
    }

    #[test]
    fn a_phrase_announced_as_a_term_is_a_quotation() {
        assert_eq!(
            quote_texts("The council dropped the term “toll road” from the plan."),
            vec!["toll road"]
        );
        assert!(quote_texts("The council dropped the “toll road” from the plan.").is_empty());
    }

    #[test]
    fn what_was_said_is_part_of_the_statement_that_says_it() {
        let s = statements("John Smith said he welcomed the ruling of the court.");
        assert_eq!(
            s,
            vec![(
                Some("John Smith".into()),
                "John Smith said he welcomed the ruling of the court.".into()
            )]
        );
    }

    /// Each statement's kind and actor, in order.
    fn kinds_and_actors(body: &str) -> Vec<(Kind, Option<String>)> {
        let (_, x) = run(body);
        x.statements
            .iter()
            .map(|s| (s.kind, s.actor.clone()))
            .collect()
    }

    #[test]
    fn a_denial_after_quick_to_or_forced_to_has_the_subject_before_them() {
        for (body, actor) in [
            (
                "The garrison was quick to reject the report.",
                "The garrison",
            ),
            (
                "The garrison was also quick to deny the report.",
                "The garrison",
            ),
            (
                "The garrison was forced to deny the report.",
                "The garrison",
            ),
            ("The garrison moved to deny the report.", "The garrison"),
            ("Jan Roe went on to deny the report.", "Jan Roe"),
        ] {
            assert_eq!(
                kinds_and_actors(body),
                vec![(Kind::Denial, Some(actor.to_string()))],
                "{body}"
            );
        }
    }

    #[test]
    fn a_relative_clause_set_off_by_commas_stands_between_subject_and_cue() {
        // Without it the passive inside the clause made a claim with no actor and the
        // denial was lost.
        assert_eq!(
            kinds_and_actors(
                "The garrison, which has been accused of abuses, denied that soldiers fired \
                 on the crowd."
            ),
            vec![(Kind::Denial, Some("The garrison".to_string()))]
        );
    }

    #[test]
    fn a_phrase_placed_in_another_is_who_spoke() {
        assert_eq!(
            kinds_and_actors("The man in the recording denied there was a truce."),
            vec![(Kind::Denial, Some("The man in the recording".to_string()))]
        );
    }

    #[test]
    fn an_arm_of_the_state_is_no_renaming_of_the_last_speaker() {
        assert_eq!(
            kinds_and_actors("Jan Roe said the truce was over. The army denied firing first."),
            vec![
                (Kind::Claim, Some("Jan Roe".to_string())),
                (Kind::Denial, Some("The army".to_string()))
            ]
        );
    }

    #[test]
    fn an_opening_phrase_and_its_comma_are_not_part_of_the_subject() {
        // The role noun follows the comma at once: the phrase before it is no modifier.
        assert_eq!(
            statements("After the attack, police said the road was closed."),
            vec![(
                Some("police".to_string()),
                "police said the road was closed.".to_string()
            )]
        );
    }

    #[test]
    fn a_negated_denial_denies_nothing() {
        for body in [
            "The garrison did not deny the report.",
            "The garrison has never denied the report.",
            "The garrison didn’t dismiss the idea that talks would resume.",
        ] {
            assert_eq!(
                kinds_and_actors(body),
                vec![(Kind::Claim, Some("The garrison".to_string()))],
                "{body}"
            );
        }
    }

    #[test]
    fn a_naming_verb_reports_only_beside_a_quotation_and_a_demand_is_speech() {
        for body in [
            "Violence continued through the night.",
            "The paper was the first to put the record straight.",
        ] {
            assert_eq!(kinds_and_actors(body), vec![], "{body}");
        }
        assert_eq!(
            kinds_and_actors("Jan Roe called the truce “a lie” on Monday."),
            vec![(Kind::Denial, Some("Jan Roe".to_string()))]
        );
        for (body, actor) in [
            ("The rebels called for a ceasefire.", "The rebels"),
            ("Jan Roe called on the army to withdraw.", "Jan Roe"),
        ] {
            assert_eq!(
                kinds_and_actors(body),
                vec![(Kind::Claim, Some(actor.to_string()))],
                "{body}"
            );
        }
    }

    #[test]
    fn seeming_and_appearing_assert_nothing() {
        for body in [
            "The garrison appears to be preparing a retreat.",
            "Jan Roe appeared before reporters on Monday.",
            "The rebels seemed pleased with the truce.",
        ] {
            assert_eq!(kinds_and_actors(body), vec![], "{body}");
        }
    }

    #[test]
    fn words_relayed_by_an_agency_are_the_speakers() {
        let (_, x) = run("“It is a lie,” AFP reported Jan Roe as saying.");
        assert_eq!(x.quotes[0].speaker.as_deref(), Some("Jan Roe"));
        assert_eq!(
            kinds_and_actors("“It is a lie,” AFP reported Jan Roe as saying."),
            vec![(Kind::Denial, Some("Jan Roe".to_string()))]
        );
    }

    #[test]
    fn a_participle_before_its_noun_reports_nothing() {
        for body in [
            "An estimated 5,000 people fled the town.",
            "The reported assaults went on all night.",
        ] {
            assert_eq!(kinds_and_actors(body), vec![], "{body}");
        }
        assert_eq!(
            kinds_and_actors("Some accused the garrison of the attack.").len(),
            1
        );
    }

    #[test]
    fn denials_in_substance_deny() {
        for (body, actor) in [
            (
                "Russia's foreign minister Jan Roe said: “There are no Russian troops in Ukraine.”",
                "Jan Roe",
            ),
            ("The rebels said there was no such deal.", "The rebels"),
            (
                "The group's leader claimed that the report of a truce was a “lie”.",
                "The group's leader",
            ),
        ] {
            assert_eq!(
                kinds_and_actors(body),
                vec![(Kind::Denial, Some(actor.to_string()))],
                "{body}"
            );
        }
        // No troops of another party's is no denial of one's own, and a toll denies nothing.
        assert_eq!(
            kinds_and_actors("The Pentagon said no U.S. soldiers were injured."),
            vec![(Kind::Claim, Some("The Pentagon".to_string()))]
        );
        assert_eq!(
            kinds_and_actors(
                "Russia's foreign minister Jan Roe said there were no Ukrainian troops in the town."
            ),
            vec![(Kind::Claim, Some("Jan Roe".to_string()))]
        );
        assert_eq!(
            kinds_and_actors("Ebola showed up in the city in March."),
            vec![]
        );
    }

    #[test]
    fn a_role_before_a_name_ties_the_person_to_its_party_without_a_cue() {
        let party_of_roe = |body: &str| {
            let (_, x) = run(body);
            x.statements.last().and_then(|s| s.party.clone())
        };
        assert_eq!(
            party_of_roe(
                "Boko Haram leader Jan Roe made the announcement in a video. \
                 Roe said the girls had been married off."
            )
            .as_deref(),
            Some("Boko Haram")
        );
        // Only the role's own words: a party named earlier in the clause is not theirs.
        assert_eq!(
            party_of_roe("ISIS fighters seized aid worker Jan Roe. Roe said he was well."),
            None
        );
    }

    #[test]
    fn speech_reported_as_not_made_is_no_statement() {
        for body in [
            "The ministry has not confirmed the strike.",
            "The garrison did not say where the shells fell.",
            "Roe never accused the rebels of the attack.",
            "The garrison has neither denied nor confirmed the reports.",
            "The army would not confirm or deny the strike, officials in the city noted.",
        ] {
            let kept = kinds_and_actors(body);
            assert!(
                kept.iter()
                    .all(|(_, actor)| actor.as_deref() != Some("The ministry")
                        && actor.as_deref() != Some("The garrison")
                        && actor.as_deref() != Some("Roe")
                        && actor.as_deref() != Some("The army")),
                "{body}: {kept:?}"
            );
        }
    }

    /// "declined to comment", "did not respond to a request for comment": no answer, no
    /// row in the claims table; what else the sentence reports stays, and so does the
    /// subject for the verbs after it.
    #[test]
    fn an_answer_not_given_is_no_statement() {
        for body in [
            "The ministry declined to comment on reports of the strike.",
            "The embassy did not respond to a request for comment.",
            "The garrison did not immediately return calls seeking comment.",
            "Jan Roe refused to elaborate.",
        ] {
            assert_eq!(kinds_and_actors(body), vec![], "{body}");
        }
        assert_eq!(
            kinds_and_actors("The ministry declined to comment, but sources said the base fell."),
            vec![(Kind::Claim, Some("sources".to_string()))]
        );
        assert_eq!(
            kinds_and_actors("Jan Roe declined to say whom he backed but noted that he was calm."),
            vec![(Kind::Claim, Some("Jan Roe".to_string()))]
        );
        assert_eq!(
            kinds_and_actors("The prisoners were not returned to Kabul, officials said."),
            vec![(Kind::Claim, Some("officials".to_string()))]
        );
    }

    #[test]
    fn a_passive_denial_is_no_ones_statement_unless_its_agent_follows() {
        for body in [
            "Roe returned to work after his requests for more leave were denied.",
            "A link between the two can't be denied.",
        ] {
            assert_eq!(kinds_and_actors(body), vec![], "{body}");
        }
        assert_eq!(
            kinds_and_actors("The reports were dismissed as baseless by the garrison."),
            vec![(Kind::Denial, None)]
        );
    }

    #[test]
    fn an_arm_of_the_state_points_back_only_to_a_body_it_names() {
        assert_eq!(
            kinds_and_actors("Acme News said the vote was near. The army denied it.").last(),
            Some(&(Kind::Denial, Some("The army".to_string())))
        );
        assert_eq!(
            kinds_and_actors(
                "The Northern Army said the road was open. Later the army denied firing."
            ),
            vec![
                (Kind::Claim, Some("The Northern Army".to_string())),
                (Kind::Denial, Some("The Northern Army".to_string()))
            ]
        );
    }

    #[test]
    fn a_description_tied_to_a_party_is_no_person_of_another() {
        let (_, x) = run("Nigeria's army chief, Jan Roe, said the truce held. \
             The Islamic State leader said the truce was a lie.");
        let actors: Vec<_> = x.statements.iter().map(|s| s.actor.as_deref()).collect();
        assert_eq!(
            actors,
            vec![Some("Jan Roe"), Some("The Islamic State leader")]
        );
    }

    #[test]
    fn an_attribution_set_off_inside_what_was_said_keeps_it() {
        assert_eq!(
            statements("Attacks went on all weekend, residents said, with gunmen burning huts."),
            vec![(
                Some("residents".to_string()),
                "Attacks went on all weekend, residents said, with gunmen burning huts."
                    .to_string()
            )]
        );
    }

    /// "denied the allegations" with nothing of its own stands beside the claim before it
    /// that names the denier, even one made with "said" rather than "accused".
    #[test]
    fn a_bare_denial_of_the_allegations_answers_the_claim_that_names_the_denier() {
        let (_, x) = run(
            "Jan Roe, a rebel commander, said Ukrainian troops shelled a market.\n\n\
             Ukraine's military denied the allegations.",
        );
        assert_eq!(x.statements[1].kind, Kind::Denial);
        assert_eq!(x.statements[1].counter, Some(0));
    }

    /// "The reports were denied by the ministry": the denier stands after "by"; the claim
    /// noun's own "reports"/"claiming" is part of what is denied, not a statement.
    #[test]
    fn a_claim_denied_in_the_passive_names_its_denier() {
        let rows = kinds_and_actors(
            "Earlier reports claiming that rebels had seized the airport \
             have now been denied by the Defence Ministry.\n\n\
             Press reports of a second raid were firmly rejected by Jan Roe, a navy spokesman.\n\n\
             The offer of talks was rejected by the rebels.",
        );
        let denier = |name: &str| (Kind::Denial, Some(name.to_string()));
        assert_eq!(
            rows[..2],
            [denier("the Defence Ministry"), denier("Jan Roe")]
        );
        // An offer rejected is refused, not a claim denied: no one is named its denier.
        assert!(
            rows[2..].iter().all(|(_, actor)| actor.is_none()),
            "{rows:?}"
        );
    }

    #[test]
    fn a_denial_naming_whose_claims_it_denies_answers_a_claim_of_theirs() {
        let (_, x) = run("Nigeria's army announced a ceasefire with the militants. \
             A correspondent for the radio says many doubt the ceasefire and the talks. \
             Boko Haram has denied claims by Nigeria's government that it agreed to a ceasefire.");
        assert_eq!(x.statements[2].kind, Kind::Denial);
        assert_eq!(x.statements[2].counter, Some(0));
    }

    #[test]
    fn a_denial_saying_what_it_denies_answers_no_accusation_of_something_else() {
        let counter = |body: &str| run(body).1.statements[1].counter;
        assert_eq!(
            counter(
                "Ukraine's military accused Russia of shelling a hospital in Donetsk. \
                 Moscow rejected the accusation that it was supplying heavy weapons to fighters."
            ),
            None
        );
        // A bare rejection answers the accusation before it.
        assert_eq!(
            counter(
                "Ukraine's military accused Russia of shelling a hospital in Donetsk. \
                 Moscow rejected the accusation."
            ),
            Some(0)
        );
    }

    #[test]
    fn says_after_a_determined_noun_is_the_verb() {
        // ("the Ukrainian claims" may be a noun; "says" never is.)
        assert_eq!(
            statements("The spokesman says the talks failed."),
            vec![(
                Some("The spokesman".to_string()),
                "The spokesman says the talks failed.".to_string()
            )]
        );
    }

    #[test]
    fn a_claim_called_entirely_false_is_denied() {
        assert_eq!(
            kinds_and_actors("“The claim is entirely false,” the garrison said."),
            vec![(Kind::Denial, Some("the garrison".to_string()))]
        );
    }

    #[test]
    fn a_relative_clause_on_the_speaker_continues_the_statement() {
        let body = "“This is not true,” said rebel leader Jan Roe, who denied that the rebels \
                    had any launcher.";
        let (text, x) = run(body);
        let got: Vec<_> = x
            .statements
            .iter()
            .map(|s| (s.kind, s.actor.as_deref(), s.span.of(&text)))
            .collect();
        assert_eq!(got, vec![(Kind::Denial, Some("Jan Roe"), body)]);
    }

    #[test]
    fn a_demonym_after_an_indefinite_article_is_one_person_of_no_party() {
        let (_, x) = run("An American who is fighting with the militia said the town was quiet.");
        let s = &x.statements[0];
        assert_eq!(
            (s.actor.as_deref(), s.party.as_deref()),
            (Some("An American who is fighting with the militia"), None)
        );
    }

    #[test]
    fn a_place_after_in_is_part_of_a_longer_subject() {
        assert_eq!(
            kinds_and_actors("Sources in the rebel underground in Syria denied the report."),
            vec![(
                Kind::Denial,
                Some("Sources in the rebel underground in Syria".to_string())
            )]
        );
    }

    #[test]
    fn a_name_before_never_and_a_verb_is_who_a_later_he_means() {
        let q = quotes(
            "In his last days in Ohio, Sen. Jan Roe (R-Ohio) never mentioned the man. He \
             would warn voters. He only hinted at Jim Doe by adding, \"I have an idea.\"",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jan Roe"), "{q:?}");
    }

    #[test]
    fn quotations_joined_by_and_before_a_trailing_cue_are_all_its_speakers() {
        assert_speakers(
            "Guns are “the ultimate crisis” and “stunt children’s growth,” Jan Roe, the former \
             governor of Ohio, proclaimed to a cheering crowd.",
            &[Some("Jan Roe"), Some("Jan Roe")],
        );
    }

    #[test]
    fn a_share_of_a_group_speaks_through_the_poll_that_counted_it() {
        assert_eq!(
            first_speaker(
                "In a September Acme News poll, 75 percent of Republicans said “most people \
                 in politics” can't be trusted."
            )
            .as_deref(),
            Some("a September Acme News poll")
        );
        assert_eq!(
            first_speaker(
                "But a fresh Acme poll shows how hard it will be: Six in 10 Republicans said \
                 the delegates “should vote for the leader.”"
            )
            .as_deref(),
            Some("a fresh Acme poll")
        );
        assert_eq!(
            first_speaker("In a new Acme poll, 31% of likely voters said they were “thrilled.”")
                .as_deref(),
            Some("a new Acme poll")
        );
        // With no poll, the group itself speaks.
        assert_eq!(
            first_speaker("Six in 10 Republicans said the delegates “should vote for the leader.”")
                .as_deref(),
            Some("Republicans")
        );
    }

    #[test]
    fn a_block_quotation_set_off_by_a_colon_is_its_reporters_not_its_inner_speakers() {
        let q = quotes(
            "As Acme News reported, the White House was refusing to call it terrorism:\n\n\
             \"The administration is still reluctant to call the attack terrorism.\n\n\
             “I don’t want to talk about it,” Earnest said.\"\n\nAfter that, nothing.",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Acme News"), "{q:?}");
    }

    #[test]
    fn a_name_set_off_after_an_opening_description_is_who_a_later_he_means() {
        let q = quotes(
            "Jane Roe, a sociologist, said the workers fought. “It was a brawl,” she said.\n\n\
             Ruritania's foreign minister, Jim Doe, plays down concerns. The region may grow, \
             he says.\n\n“Our philosophy is simple,” he said in an interview.",
        );
        assert_eq!(q[1].speaker.as_deref(), Some("Jim Doe"), "{q:?}");
    }

    #[test]
    fn a_description_after_the_cue_keeps_what_the_clause_says_of_it() {
        assert_eq!(
            first_speaker(
                "“It will be hard,” said a longtime data expert who has worked for one of Jim \
                 Doe's rivals."
            )
            .as_deref(),
            Some("a longtime data expert who has worked for one of Jim Doe's rivals")
        );
        assert_eq!(
            first_speaker(
                "Lost jobs are “a major change,” according to a 2013 study by economists Jan \
                 Roe and Jim Doe, who looked at trade."
            )
            .as_deref(),
            Some("a 2013 study by economists Jan Roe and Jim Doe")
        );
        // A time is no part of who spoke.
        assert_eq!(
            first_speaker("“It will be hard,” said an official in Ohio last week.").as_deref(),
            Some("an official")
        );
    }

    #[test]
    fn sandy_is_a_womans_name_so_he_skips_it() {
        let q = quotes(
            "“It was a summons,” Jim Doe admitted.\n\nIn that sense, Sandy Hook wasn’t just \
             a national tragedy. “This was something different,” he added.",
        );
        assert_eq!(q[1].speaker.as_deref(), Some("Jim Doe"), "{q:?}");
    }

    #[test]
    fn a_colon_quotation_is_the_main_clauses_not_an_earlier_clauses_cue() {
        let q = quotes(
            "When Jim Doe suggested that the island would sue, Jan Roe fired back \
             forcefully: “If they sue us in a court in Miami, they’re going to lose.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Jan Roe"), "{q:?}");
    }

    #[test]
    fn who_after_a_description_of_a_name_stands_for_the_name() {
        let body = "Jim Doe's position was supported Friday by Sen. Jane Roe of Ohio, the \
                    ranking Democrat on the committee, who said none of it mattered.\n\n\
                    “It has never made sense to me,” she said in a statement.";
        let (_, x) = run(body);
        assert_first_speaker(&x, "Jane Roe");
        assert_no_statement_by(&x, "the ranking Democrat on the committee");
    }

    #[test]
    fn a_relative_clause_on_someone_named_after_a_quotation_did_not_speak_it() {
        assert_speakers(
            "Jane Roe went on offense on Monday.\n\nThe former senator began her speech by \
             slamming candidates who think they can hand leadership to “dictators” and \
             followed up with an attack on Jim Doe, who has said he wants to be a “neutral” \
             broker.",
            &[Some("Jane Roe"), Some("Jim Doe")],
        );
    }

    #[test]
    fn a_quotation_a_cues_that_opens_is_that_cues_when_the_next_cue_reports_its_own() {
        assert_eq!(
            first_speaker(
                "But even as Jim Doe claimed on Tuesday that “Roe got in trouble for far \
                 less,” one of the former prosecutors said the two cases were different."
            )
            .as_deref(),
            Some("Jim Doe")
        );
        // The cue after it reporting nothing more, the quotation is its speaker's.
        assert_eq!(
            first_speaker(
                "While the analysis suggests that “fat is not quite as bad as its \
                 reputation, it depends on what you compare it to,” Jan Roe says."
            )
            .as_deref(),
            Some("Jan Roe")
        );
    }

    #[test]
    fn a_quotation_before_a_cue_whose_colon_opens_another_is_the_earlier_cues() {
        assert_speakers(
            "After Jim Doe said that students who did not qualify might do better at \
             \"less advanced schools,\" Jan Roe said: \"I don't like what he said.\"",
            &[Some("Jim Doe"), Some("Jan Roe")],
        );
        // With no cue before it, the quotation is still the one after it.
        assert_eq!(
            first_speaker("\"I don't know,\" Jan Roe said: \"maybe.\"").as_deref(),
            Some("Jan Roe")
        );
    }

    #[test]
    fn a_phrase_in_the_words_of_someone_is_theirs() {
        assert_speakers(
            "Jim Doe spoke. It was the latest sign that Jan Roe was, in the words of a senior \
             adviser, “the torchbearer” of his legacy.",
            &[Some("a senior adviser")],
        );
    }

    #[test]
    fn a_span_of_time_counted_opens_an_adverbial() {
        assert_speakers(
            "Hillary Clinton spoke. Thirteen years earlier, she had voted for it from “the \
             perspective of a senator who has seen it all.”",
            &[Some("Hillary Clinton")],
        );
        assert_speakers(
            "Jim Doe spoke. Six months before he shot the man, police Officer Jan Roe earned \
             a commendation for her “extraordinary effort in the line of duty.”",
            &[Some("Jan Roe")],
        );
    }

    #[test]
    fn a_weekday_opening_a_sentence_without_a_comma_leaves_the_subject_after_it() {
        assert_speakers(
            "On Thursday evening Jan Roe gave her speech.\n\n“A man you can bait with a tweet \
             is not a man we can trust,” said the senator.",
            &[Some("Jan Roe")],
        );
        assert_eq!(
            statements(
                "On Sunday morning Jim Doe made a third attempt to deflect the criticism, \
                 writing on Twitter that the real issue was terrorism."
            )[0]
            .0
            .as_deref(),
            Some("Jim Doe")
        );
    }

    #[test]
    fn a_stance_ending_its_clause_right_after_a_quotation_frames_it() {
        assert_speakers(
            "Still, the Business Council opposed an increase.\n\n“Keep the tax in place,” it \
             recommended. “Review it after 2020.”",
            &[Some("the Business Council"), Some("the Business Council")],
        );
        // A cue before the quotation keeps it; so does a stance whose clause goes on.
        assert_speakers(
            "When Jan Roe said he would “protect our citizens,” the crowd applauded.",
            &[Some("Jan Roe")],
        );
    }

    #[test]
    fn a_quotation_carrying_on_is_the_reporting_speakers_not_the_reported_ones() {
        assert_speakers(
            "Jan Roe said that for decades some critics had been predicting a withdrawal, but \
             this would not happen.\n\n“That's because this region matters most.”",
            &[Some("Jan Roe")],
        );
    }

    #[test]
    fn one_who_asks_renames_only_whom_the_text_named_so() {
        assert_speakers(
            "Jim Doe was asked about the police.\n\n“There are many who argue otherwise,” \
             the moderator said.",
            &[Some("the moderator")],
        );
        assert_speakers(
            "NBC anchor Jan Roe said the show would go on. Jim Doe said he agreed.\n\n“It is \
             late,” the anchor said.",
            &[Some("Jan Roe")],
        );
        // A word the role only begins is no mention of it.
        assert_speakers(
            "The hostage Jim Doe said he was freed. Jan Roe said she agreed.\n\n“It is \
             late,” the host said.",
            &[Some("the host")],
        );
    }

    #[test]
    fn a_child_described_renames_no_adult_named_before() {
        assert_speakers(
            "Jim Doe spoke about the wall.\n\n“How big is that wall?” asked the boy.",
            &[Some("the boy")],
        );
    }

    #[test]
    fn responds_in_the_present_is_a_cue() {
        let q = quotes(
            "“Didn't we use it first?” Jan Roe writes to Jim Doe. Doe responds, “Yes, but \
             happy to give it to them.”",
        );
        assert_eq!(
            (q[1].speaker.as_deref(), q[1].cue.as_deref()),
            (Some("Jim Doe"), Some("responds"))
        );
        assert_eq!(
            statements("Jan Roe responds that she does not need the rules."),
            [(
                Some("Jan Roe".to_string()),
                "Jan Roe responds that she does not need the rules.".to_string()
            )]
        );
    }

    #[test]
    fn a_quotation_ending_its_sentence_before_a_cue_whose_comma_opens_another_is_the_earlier_cues()
    {
        // A particle between the cue and its comma changes nothing.
        assert_speakers(
            "Jan Roe replied to Doe with, “Why now? That was on my way to Lyon?” Jim Doe \
             then wrote back, “You look cute.”",
            &[Some("Jan Roe"), Some("Jim Doe")],
        );
        // A quotation that ends on a comma is still the one after it: “…,” Doe said, “…”.
        assert_speakers(
            "Jan Roe replied, “That was on my way to Lyon,” Jim Doe wrote, “you look cute.”",
            &[Some("Jim Doe"), Some("Jim Doe")],
        );
    }

    #[test]
    fn according_to_inside_what_a_cue_reports_relays_nothing() {
        assert_eq!(
            first_speaker(
                "Jan Roe said that according to its analysis, the party has won most of the \
                 vote, but “we need to wait for the official results.”"
            )
            .as_deref(),
            Some("Jan Roe")
        );
        // A source that closes the cue's clause still relays it.
        assert_eq!(
            first_speaker(
                "Jim Doe said he was “happy to see” that Roe won, according to The Times."
            )
            .as_deref(),
            Some("The Times")
        );
    }

    #[test]
    fn two_relative_clauses_joined_by_and_keep_the_subject_before_them() {
        let q = quotes(
            "Jim Doe spoke first.\n\nAnother worshiper who prayed at the center here and who \
             did not want to be named said he heard the man talk of “killing people.”",
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Another worshiper"), "{q:?}");
    }

    #[test]
    fn a_source_familiar_with_something_is_the_speaker_not_what_it_knows() {
        assert_eq!(
            first_speaker("A source familiar with the ad says the group is spending “millions.”")
                .as_deref(),
            Some("A source familiar with the ad")
        );
        assert_eq!(
            first_speaker("Jim Doe spoke.\n\nPeople close to Jane Roe say she felt “betrayed.”")
                .as_deref(),
            Some("People close to Jane Roe")
        );
        // Before its cue, a description keeps its relative clause too, up to the verb.
        assert_eq!(
            first_speaker("A patient who saw the man at the clinic told reporters he was “calm.”")
                .as_deref(),
            Some("A patient who saw the man at the clinic")
        );
    }
}
