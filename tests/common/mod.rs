//! Helpers shared by the integration tests: run the real binary, score a
//! report against gold labels.

#![allow(dead_code, reason = "each test file uses a different part")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under the project's root.
pub fn path(relative: &str) -> String {
    root().join(relative).to_string_lossy().into_owned()
}

/// Runs `quotecheck` with arguments and standard input closed.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotecheck")).args(args).stdin(Stdio::null()).output().expect("the binary runs")
}

/// Runs `quotecheck check ... --format json` and parses the report.
pub fn json_report(args: &[&str]) -> Value {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = run(&all);
    assert!(out.status.success(), "check failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

/// A file in a fresh temporary folder, with some bytes.
pub fn temp_file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("temp file written");
    p.to_string_lossy().into_owned()
}

/// The scores of a report against gold labels, with the rules of the
/// project's scorer: a gold quote is found when one report quote overlaps
/// at least half of it and lies at least half inside it (one to one);
/// alignment is right when the report's source overlaps an acceptable span
/// with intersection over union of at least 0.5 (an unsupported gold quote
/// is aligned right when the report gives no source).
#[derive(Debug, PartialEq)]
pub struct Score {
    pub recall: f64,
    pub precision: f64,
    pub alignment: f64,
    pub category: f64,
    pub problems: Vec<String>,
}

fn overlap(a: (u64, u64), b: (u64, u64)) -> u64 {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn iou(a: (u64, u64), b: (u64, u64)) -> f64 {
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union == 0 { 0.0 } else { overlap(a, b) as f64 / union as f64 }
}

fn span(v: &Value) -> (u64, u64) {
    (v["start"].as_u64().expect("start"), v["end"].as_u64().expect("end"))
}

pub fn score(gold: &Value, report: &Value) -> Score {
    let tool = report["quotes"].as_array().expect("quotes");
    let gq = gold["quotes"].as_array().expect("gold quotes");
    let mut used = vec![false; tool.len()];
    let mut matches: Vec<Option<usize>> = Vec::new();
    for g in gq {
        let gs = (g["article_start"].as_u64().expect("start"), g["article_end"].as_u64().expect("end"));
        let mut best: Option<(usize, u64)> = None;
        for (ti, t) in tool.iter().enumerate() {
            if used[ti] {
                continue;
            }
            let ts = span(&t["article"]);
            let ov = overlap(gs, ts);
            if 2 * ov >= gs.1 - gs.0 && 2 * ov >= ts.1 - ts.0 && ov > best.map_or(0, |b| b.1) {
                best = Some((ti, ov));
            }
        }
        if let Some((ti, _)) = best {
            used[ti] = true;
        }
        matches.push(best.map(|b| b.0));
    }
    let speech: Vec<usize> = (0..gq.len()).filter(|&i| gq[i]["category"] != "not_speech").collect();
    let not_speech_tool: Vec<usize> =
        (0..gq.len()).filter(|&i| gq[i]["category"] == "not_speech").filter_map(|i| matches[i]).collect();
    let counted_tool = tool.len() - not_speech_tool.len();
    let (mut found, mut aligned, mut categorized) = (0usize, 0usize, 0usize);
    let mut problems = Vec::new();
    for &i in &speech {
        let g = &gq[i];
        let Some(ti) = matches[i] else {
            problems.push(format!("missed {}", g["text"]));
            continue;
        };
        found += 1;
        let t = &tool[ti];
        let ok = if g["category"] == "unsupported" {
            t["category"] == "unsupported" || t["source"].is_null()
        } else {
            !t["source"].is_null()
                && g["source_spans"].as_array().expect("spans").iter().any(|s| {
                    let s = (s[0].as_u64().expect("start"), s[1].as_u64().expect("end"));
                    iou(span(&t["source"]), s) >= 0.5
                })
        };
        aligned += usize::from(ok);
        categorized += usize::from(t["category"] == g["category"]);
        if !ok || t["category"] != g["category"] {
            problems.push(format!("{} gold {} got {} aligned {ok}", g["text"], g["category"], t["category"]));
        }
    }
    let n = found.max(1) as f64;
    Score {
        recall: if speech.is_empty() { 1.0 } else { found as f64 / speech.len() as f64 },
        precision: if counted_tool == 0 { 1.0 } else { found as f64 / counted_tool as f64 },
        alignment: aligned as f64 / n,
        category: categorized as f64 / n,
        problems,
    }
}

/// A JSON number as a byte offset.
pub fn offset(v: &Value) -> usize {
    usize::try_from(v.as_u64().expect("a number")).expect("fits in usize")
}

/// The scores of a report's reported speech against gold labels, with the
/// rules of the project's scorer: a gold item is found when a report item
/// overlaps it by at least half of the shorter of the two (one to one,
/// largest overlap first); its source is right when it overlaps one of
/// the gold spans by at least 30% of the shorter (a gold `unsupported`
/// item is right when the report says unsupported or gives no source).
#[derive(Debug, PartialEq)]
pub struct ReportedScore {
    pub recall: f64,
    pub precision: f64,
    pub alignment: f64,
    pub verdict: f64,
    pub problems: Vec<String>,
}

fn covers(a: (u64, u64), b: (u64, u64), share: f64) -> bool {
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    shorter > 0 && overlap(a, b) as f64 >= share * shorter as f64
}

pub fn score_reported(gold: &Value, report: &Value) -> ReportedScore {
    let gold_items = gold["reported"].as_array().expect("gold items");
    let items = report["reported"].as_array().map(Vec::as_slice).unwrap_or_default();
    let gold_span = |g: &Value| (g["article_start"].as_u64().expect("start"), g["article_end"].as_u64().expect("end"));
    let mut pairs = Vec::new();
    for (gi, g) in gold_items.iter().enumerate() {
        for (ti, t) in items.iter().enumerate() {
            if covers(gold_span(g), span(&t["article"]), 0.5) {
                pairs.push((overlap(gold_span(g), span(&t["article"])), gi, ti));
            }
        }
    }
    pairs.sort_by(|a, b| b.cmp(a));
    let mut matched: Vec<Option<usize>> = vec![None; gold_items.len()];
    let mut used = vec![false; items.len()];
    for (_, gi, ti) in pairs {
        if matched[gi].is_none() && !used[ti] {
            matched[gi] = Some(ti);
            used[ti] = true;
        }
    }
    let (mut found, mut aligned, mut right) = (0usize, 0usize, 0usize);
    let mut problems = Vec::new();
    for (gi, g) in gold_items.iter().enumerate() {
        let Some(ti) = matched[gi] else {
            problems.push(format!("missed {}", g["text"]));
            continue;
        };
        found += 1;
        let t = &items[ti];
        let ok = if g["verdict"] == "unsupported" {
            t["verdict"] == "unsupported" || t["source"].is_null()
        } else {
            !t["source"].is_null()
                && g["source_spans"].as_array().expect("spans").iter().any(|s| {
                    covers(span(&t["source"]), (s[0].as_u64().expect("start"), s[1].as_u64().expect("end")), 0.3)
                })
        };
        aligned += usize::from(ok);
        right += usize::from(t["verdict"] == g["verdict"]);
        if !ok || t["verdict"] != g["verdict"] {
            problems.push(format!("{} gold {} got {} aligned {ok}", g["text"], g["verdict"], t["verdict"]));
        }
    }
    let n = found.max(1) as f64;
    ReportedScore {
        recall: if gold_items.is_empty() { 1.0 } else { found as f64 / gold_items.len() as f64 },
        precision: if items.is_empty() { 1.0 } else { found as f64 / items.len() as f64 },
        alignment: aligned as f64 / n,
        verdict: right as f64 / n,
        problems,
    }
}
