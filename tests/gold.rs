//! Extraction scored against real gold: the PolNeAR training split, scored by the project's
//! shared scorer (`../shared/eval/score.py`), must stay above the floors below (set just
//! under what the engine reaches, so a regression fails CI).
//!
//! Needs `SITREP_CORPUS` (CI sets it); skipped with a note when unset, failing when wrong.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/corpus.rs"]
mod corpus;

/// Floors: metric name in the scorer's JSON line, and the lowest accepted value.
const FLOORS: &[(&str, f64)] = &[
    ("quote_f1", 0.971),
    ("speaker_acc", 0.903),
    ("quote_speaker_f1", 0.880),
    ("stmt_f1_strict", 0.609),
];

#[test]
fn polnear_scores_stay_above_floors() {
    let Some(gold) = corpus::part("polnear-train") else {
        return;
    };
    let scorer = gold.join("../../eval/score.py");
    assert!(scorer.is_file(), "no scorer at {}", scorer.display());
    let text = gold.join("text");
    let stdout = cli::sitrep_stdout([
        "extract".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        text.as_os_str(),
    ]);
    let pred = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(pred.path(), &stdout).unwrap();
    let scored = std::process::Command::new("python3")
        .arg(&scorer)
        .arg(&gold)
        .arg(pred.path())
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&scored.stdout);
    assert!(
        scored.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&scored.stderr)
    );
    println!("{report}");
    let last = report.lines().last().unwrap_or("");
    let numbers: serde_json::Value =
        serde_json::from_str(last).expect("scorer's last line is JSON");
    for (metric, floor) in FLOORS {
        let got = numbers[metric].as_f64().unwrap_or(0.0);
        assert!(
            got >= *floor,
            "{metric} = {got:.4}, below the floor {floor}"
        );
    }
}
