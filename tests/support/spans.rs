//! The invariants every loaded briefing and its extraction must keep, whatever the input:
//! shared by the bad-input, property and corpus tests.

use sitrep::briefing::{Briefing, Span};
use sitrep::export::{Report, to_json};
use sitrep::extract::Extraction;

/// Panics, naming the file and the broken rule, unless every span of `b` and `x` is a slice
/// on character boundaries inside the text, paragraphs and quotes
/// are in order without overlap, indices point at what exists, and the JSON report's `text`
/// fields are exactly the slices their offsets name.
pub fn assert_valid(b: &Briefing, x: &Extraction) {
    let name = b.path.display().to_string();
    let check = |what: &str, s: Span| {
        assert!(
            s.start <= s.end
                && s.end <= b.text.len()
                && b.text.is_char_boundary(s.start)
                && b.text.is_char_boundary(s.end),
            "{name}: {what} {s:?} is not a slice of the {}-byte text",
            b.text.len()
        );
    };
    if let Some(t) = b.title_span {
        check("title", t);
    }
    b.headlines.iter().for_each(|&s| check("headline", s));
    b.paragraphs.iter().for_each(|&s| check("paragraph", s));
    assert_in_order_apart(&name, "paragraph", &b.paragraphs);
    x.sentences.iter().for_each(|&s| check("sentence", s));
    let quotes: Vec<Span> = x.quotes.iter().map(|q| q.span).collect();
    quotes.iter().for_each(|&s| check("quote", s));
    assert_in_order_apart(&name, "quote", &quotes);
    for q in &x.quotes {
        assert!(
            q.paragraph < b.paragraphs.len(),
            "{name}: quote {:?} names paragraph {} of {}",
            q.span,
            q.paragraph,
            b.paragraphs.len()
        );
    }
    for (i, s) in x.statements.iter().enumerate() {
        check("statement", s.span);
        assert!(
            s.paragraph < b.paragraphs.len(),
            "{name}: statement {i} names paragraph {} of {}",
            s.paragraph,
            b.paragraphs.len()
        );
        if let Some(c) = s.counter {
            assert!(
                c < x.statements.len() && c != i,
                "{name}: statement {i} counters {c} of {}",
                x.statements.len()
            );
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&to_json(&[Report::new(b, x)])).expect("the report is valid JSON");
    for field in ["quotes", "statements"] {
        for item in json[0][field].as_array().expect("an array") {
            let (start, end) = (offset(&item["start"]), offset(&item["end"]));
            assert_eq!(
                item["text"].as_str(),
                Some(&b.text[start..end]),
                "{name}: a {field} item's text is not text[{start}..{end}]"
            );
        }
    }
}

/// Spans sorted by start and pairwise apart.
fn assert_in_order_apart(name: &str, what: &str, spans: &[Span]) {
    for pair in spans.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{name}: {what}s {:?} and {:?} overlap or are out of order",
            pair[0],
            pair[1]
        );
    }
}

fn offset(v: &serde_json::Value) -> usize {
    v.as_u64().expect("offsets are numbers") as usize
}
