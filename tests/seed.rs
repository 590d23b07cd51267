//! The user's seed briefing must read perfectly: these are the acceptance points of the
//! extraction issue, checked through the real binary's JSON so the contract is tested too.

#[path = "support/cli.rs"]
mod cli;

use serde_json::Value;

fn seed() -> Value {
    let stdout = cli::sitrep_stdout([
        "extract",
        "briefings/000_2b1845f26494101a.txt",
        "--format",
        "json",
    ]);
    let all: Value = serde_json::from_slice(&stdout).unwrap();
    all[0].clone()
}

#[test]
fn title_and_alternate_headline() {
    let b = seed();
    assert_eq!(
        b["title"],
        "US military will not share intellegence with Russia"
    );
    assert_eq!(
        b["headlines"][0],
        "US military will not share intel with Russia"
    );
    assert_eq!(b["headlines"].as_array().unwrap().len(), 1);
    assert!(b["error"].is_null());
}

#[test]
fn five_quotes_four_by_dunford_one_by_ryabkov() {
    let b = seed();
    let quotes = b["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 5, "{quotes:#?}");
    let by = |name: &str| {
        quotes
            .iter()
            .filter(|q| q["speaker"] == name)
            .collect::<Vec<_>>()
    };
    let dunford = by("Joseph Dunford");
    assert_eq!(dunford.len(), 4);
    assert!(dunford.iter().all(|q| q["party"] == "United States"));
    let ryabkov = by("Sergei Ryabkov");
    assert_eq!(ryabkov.len(), 1);
    assert_eq!(ryabkov[0]["text"], "not functional");
    assert_eq!(ryabkov[0]["party"], "Russia");
    // The one said by "he" and the one told by "The Joint Chiefs chairman".
    let texts: Vec<&str> = dunford
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("It was an unacceptable atrocity senator"))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("believe it would be a good idea"))
    );
}

#[test]
fn spans_are_exact_byte_slices_of_the_file() {
    let b = seed();
    let file = std::fs::read("briefings/000_2b1845f26494101a.txt").unwrap();
    for item in b["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(b["statements"].as_array().unwrap())
    {
        let (s, e) = (
            item["start"].as_u64().unwrap() as usize,
            item["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&file[s..e]).unwrap(),
            item["text"].as_str().unwrap()
        );
    }
}

#[test]
fn russian_denials_answer_dunfords_claim() {
    let b = seed();
    let st = b["statements"].as_array().unwrap();
    let claim = st
        .iter()
        .position(|s| {
            s["kind"] == "claim"
                && s["actor"] == "Joseph Dunford"
                && s["text"]
                    .as_str()
                    .unwrap()
                    .contains("Russia carried out the deadly raid")
        })
        .expect("Dunford's claim that Russia carried out the raid");
    assert_eq!(st[claim]["party"], "United States");
    let denial = |needle: &str| {
        st.iter()
            .find(|s| s["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no statement containing {needle:?}"))
    };
    for d in [
        denial("Russia has denied that it or its principal ally, Syria, conducted"),
        denial("again denied his country carried out the fatal attack"),
    ] {
        assert_eq!(d["kind"], "denial", "{d:#}");
        assert_eq!(d["party"], "Russia", "{d:#}");
        assert_eq!(d["counter"], claim, "{d:#}");
    }
    assert_eq!(
        denial("again denied his country")["actor"],
        "Sergei Ryabkov"
    );
}
