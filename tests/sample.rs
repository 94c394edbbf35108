//! The bundled sample, checked by the real binary and scored against its
//! hand-made gold labels.

mod common;

use common::{json_report, path, score, score_reported};

#[test]
fn the_sample_pair_scores_perfectly_against_its_gold_labels() {
    let report = json_report(&[&path("assets/article.txt"), &path("assets/transcript.txt")]);
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path("tests/data/sample_gold.json")).expect("gold"))
            .expect("json");
    let s = score(&gold, &report);
    assert!(s.problems.is_empty(), "{:#?}", s.problems);
    assert_eq!((s.recall, s.precision, s.alignment, s.category), (1.0, 1.0, 1.0, 1.0));
}

#[test]
fn the_sample_reported_speech_scores_above_its_floor() {
    let report = json_report(&[&path("assets/article.txt"), &path("assets/transcript.txt")]);
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path("tests/data/sample_reported.json")).expect("gold"))
            .expect("json");
    let s = score_reported(&gold, &report);
    eprintln!("{s:#?}");
    assert!(s.recall >= 0.9 && s.alignment >= 0.85 && s.verdict >= 0.8, "{s:#?}");
}

#[test]
fn the_sample_quotes_are_credited_to_their_speaker() {
    let report = json_report(&[&path("assets/article.txt"), &path("assets/transcript.txt")]);
    for q in report["quotes"].as_array().expect("quotes") {
        assert_eq!(q["attributed_to"], "Sergei Lavrov", "{}", q["text"]);
        assert_eq!(q["source"]["speaker"], "Sergey Lavrov", "{}", q["text"]);
        assert_eq!(q["attribution"], "match", "{}", q["text"]);
    }
}

#[test]
fn the_sample_differences_are_the_ones_a_fact_checker_would_list() {
    let report = json_report(&[&path("assets/article.txt"), &path("assets/transcript.txt")]);
    let differences = |id: usize| -> Vec<String> {
        report["quotes"][id - 1]["differences"]
            .as_array()
            .expect("differences")
            .iter()
            .map(|d| {
                format!(
                    "{} {}/{}",
                    d["kind"].as_str().expect("kind"),
                    d["quote"].as_str().unwrap_or("-"),
                    d["source"].as_str().unwrap_or("-")
                )
            })
            .collect()
    };
    assert_eq!(
        differences(4),
        [
            "insertion (war)/-",
            "variant neighbours/neighbors",
            "elision .../but generally with all countries",
            "substitution a/the"
        ]
    );
    assert_eq!(differences(7), ["substitution these/this", "variant Kyiv/Kiev", "addition a/-"]);
    assert_eq!(differences(10), ["omission -/the"]);
    assert!(differences(6).is_empty(), "punctuation alone is no difference");
}
