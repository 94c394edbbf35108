//! Labelled pairs from other domains (a debate, a Senate hearing, a press
//! briefing, a podcast interview), checked by the real binary and scored
//! against their gold labels. They hold the engine to a floor across kinds
//! of transcript it was not built around.

mod common;

use common::{json_report, path, score};

/// (pair, least alignment, least category accuracy); extraction must find
/// every quote and nothing else.
const PAIRS: &[(&str, f64, f64)] =
    &[("debate", 0.90, 0.90), ("hearing", 0.90, 0.90), ("briefing", 0.95, 0.95), ("podcast", 0.90, 0.90)];

#[test]
fn every_pair_scores_above_its_floor() {
    let mut failures = Vec::new();
    for &(pair, alignment, category) in PAIRS {
        let dir = format!("tests/data/pairs/{pair}");
        let report = json_report(&[&path(&format!("{dir}/article.txt")), &path(&format!("{dir}/transcript.txt"))]);
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path(&format!("{dir}/gold.json"))).expect("gold"))
                .expect("json");
        let s = score(&gold, &report);
        eprintln!(
            "{pair:9} recall {:.3} precision {:.3} alignment {:.3} category {:.3}",
            s.recall, s.precision, s.alignment, s.category
        );
        if s.recall < 1.0 || s.precision < 1.0 || s.alignment < alignment || s.category < category {
            failures.push(format!("{pair}: {s:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
