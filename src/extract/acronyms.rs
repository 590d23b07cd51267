//! Acronyms a briefing defines ("the Syrian Observatory for Human Rights (SOHR)"), so the
//! body it names speaks under one name: without them, the claims table listed the
//! Observatory and "SOHR" as two actors, and an analyst had to know they were one.

/// One acronym the text defines in parentheses after the name it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acronym {
    /// The acronym as written ("SOHR").
    pub short: String,
    /// The name it stands for, without a leading "the" ("Syrian Observatory for Human
    /// Rights").
    pub full: String,
}

/// The longest acronym looked for: longer capitals in parentheses are rarely one.
const LONGEST: usize = 7;

/// Small words a name may hold between its capitalised words without giving the acronym a
/// letter ("Islamic State of Iraq and Syria (ISIS)").
const JOINERS: &[&str] = &["of", "for", "and", "on", "the", "in", "de", "al"];

/// Every acronym `text` defines as "Name Of Words (NOW)": capitals in parentheses right
/// after a name whose capitalised words begin with the acronym's letters, in order. An
/// acronym from another language ("Foreign Intelligence Service (SVR)") does not spell
/// its name and is left alone, rather than guessed at.
pub fn defined(text: &str) -> Vec<Acronym> {
    let bytes = text.as_bytes();
    let mut found: Vec<Acronym> = Vec::new();
    for open in memchr::memchr_iter(b'(', bytes) {
        let Some(short) = acronym_at(text, open + 1) else {
            continue;
        };
        if found.iter().any(|a| a.short == short) {
            continue;
        }
        if let Some(full) = spelled_before(&text[..open], short) {
            found.push(Acronym {
                short: short.to_string(),
                full,
            });
        }
    }
    found
}

/// The acronym in parentheses at `at` (just past the opening one): 2 to [`LONGEST`]
/// capitals and a closing parenthesis.
fn acronym_at(text: &str, at: usize) -> Option<&str> {
    let rest = &text.as_bytes()[at..];
    let len = rest.iter().take_while(|b| b.is_ascii_uppercase()).count();
    ((2..=LONGEST).contains(&len) && rest.get(len) == Some(&b')')).then(|| &text[at..at + len])
}

/// The name right before the parentheses that `short` spells with the first letters of
/// its capitalised words, read back from the end.
fn spelled_before(before: &str, short: &str) -> Option<String> {
    let before = before.trim_end();
    let mut letters = short.bytes().rev();
    let mut wanted = letters.next();
    let (mut start, mut end, mut words) = (before.len(), before.len(), 0);
    while let Some(letter) = wanted {
        let rest = before[..end].trim_end();
        let at = rest
            .rfind(|c: char| c.is_ascii_whitespace())
            .map_or(0, |i| i + 1);
        let word = &rest[at..];
        if word.is_empty() {
            return None;
        }
        if !(words > 0 && JOINERS.contains(&word)) {
            if word.as_bytes()[0] != letter
                || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
            {
                return None;
            }
            start = at;
            words += 1;
            wanted = letters.next();
        }
        end = at;
    }
    (words >= 2).then(|| before[start..].to_string())
}

/// Gives one body one name in a briefing: where speakers and actors go by both an
/// acronym the text defines and its name ("SOHR" and "Syrian Observatory", the subject cut
/// at "for"), each becomes the full name ("Syrian Observatory for Human Rights"). A body
/// only ever called by its acronym keeps it: that is how the article names it.
pub fn unify_all<'a>(text: &str, names: impl Iterator<Item = &'a mut String>) {
    let acronyms = defined(text);
    if acronyms.is_empty() {
        return;
    }
    let mut names: Vec<&mut String> = names.collect();
    for a in &acronyms {
        let spelled_out = |name: &str| {
            name == a.full
                || (name.contains(' ')
                    && a.full.starts_with(name)
                    && a.full[name.len()..].starts_with(' '))
        };
        let by_acronym = names.iter().any(|n| **n == a.short);
        if !by_acronym || !names.iter().any(|n| spelled_out(n)) {
            continue;
        }
        for name in names.iter_mut() {
            if **name == a.short || spelled_out(name) {
                **name = a.full.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        defined(text)
            .into_iter()
            .map(|a| (a.short, a.full))
            .collect()
    }

    #[test]
    fn an_acronym_after_the_name_it_spells_is_defined() {
        assert_eq!(
            pairs("said the Syrian Observatory for Human Rights (SOHR), a monitor."),
            [("SOHR".into(), "Syrian Observatory for Human Rights".into())]
        );
        assert_eq!(
            pairs("fighters of the Islamic State of Iraq and Syria (ISIS) took"),
            [("ISIS".into(), "Islamic State of Iraq and Syria".into())]
        );
        assert_eq!(
            pairs("The Kurdish-led Syrian Democratic Forces (SDF) said"),
            [("SDF".into(), "Syrian Democratic Forces".into())]
        );
    }

    #[test]
    fn capitals_that_do_not_spell_the_name_before_them_define_nothing() {
        assert!(pairs("the Foreign Intelligence Service (SVR) said").is_empty());
        assert!(pairs("a rise in deaths (WHO) was").is_empty());
        assert!(pairs("the group (ISIS)").is_empty());
        assert!(pairs("Reuters (RTRS)").is_empty());
    }

    fn unified(text: &str, names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        unify_all(text, names.iter_mut());
        names
    }

    #[test]
    fn a_body_called_by_its_acronym_and_its_name_gets_its_full_name() {
        let text = "the Syrian Observatory for Human Rights (SOHR) said";
        assert_eq!(
            unified(
                text,
                &["Syrian Observatory", "Rami Abdurrahman", "SOHR", "Syrian"]
            ),
            [
                "Syrian Observatory for Human Rights",
                "Rami Abdurrahman",
                "Syrian Observatory for Human Rights",
                "Syrian"
            ]
        );
    }

    #[test]
    fn a_body_only_called_by_its_acronym_keeps_it() {
        let text = "the Citizens for Responsibility and Ethics in Washington (CREW) said";
        assert_eq!(
            unified(text, &["CREW", "Noah Bookbinder"]),
            ["CREW", "Noah Bookbinder"]
        );
    }
}
