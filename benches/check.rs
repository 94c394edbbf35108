//! The check end to end on a 20 MB transcript, against a plain pass that
//! only reads the transcript and splits it into lowercase words.
//!
//! `cargo bench --bench check` prints criterion's timings, then a summary:
//! the median ratio of runs taken in turn (the goal is at most 2×), the peak memory of
//! each (the goal is under 250 MB for the check) and, with the gold labels
//! of the benchmark transcript, whether every quote still aligns with its
//! true passage.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use common::{in_child, median, peak_kb, plain_secs, plain_tokenize, transcript};
use criterion::Criterion;
use quotecheck::report::{Format, Report};
use quotecheck::{Check, Document, document, sample};

const SIZE: &str = "20M";

fn run_check(path: &Path) -> (Document, Vec<Document>, Check) {
    let article = Document::from_text(sample::ARTICLE_NAME, sample::ARTICLE);
    let transcripts = vec![
        document::load(path.to_str().expect("utf-8 path"), None, quotecheck::document::Format::Auto)
            .expect("transcript loads"),
    ];
    let check = Check::run(&article, &transcripts);
    (article, transcripts, check)
}

/// In a child process: run one job and print peak memory in kB.
fn child(job: &str, path: &Path) {
    match job {
        "plain" => {
            black_box(plain_tokenize(path));
        }
        _ => {
            black_box(run_check(path));
        }
    }
    println!("{}", peak_kb().unwrap_or(0));
}

fn main() {
    let path_arg = std::env::args().nth(1).filter(|a| !a.starts_with('-'));
    if let (Ok(job), Some(path)) = (std::env::var("QUOTECHECK_BENCH_CHILD"), path_arg) {
        child(&job, Path::new(&path));
        return;
    }
    let (path, gold) = transcript(SIZE);
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let mut criterion = Criterion::default().sample_size(10).configure_from_args();
    let mut group = criterion.benchmark_group(format!("transcript_{SIZE}"));
    group.bench_function("plain_tokenize", |b| b.iter(|| black_box(plain_tokenize(&path))));
    group.bench_function("check_sample_article", |b| b.iter(|| black_box(run_check(&path))));
    group.finish();

    // The plain pass and the check take turns, so that the load of a
    // busy machine falls on both alike; the ratio is the median of the
    // runs' ratios. Each is timed until its result is ready, as in the
    // floor, which exits without freeing anything: freeing is left out of
    // both.
    let runs: Vec<(f64, f64)> = (0..7)
        .map(|_| {
            let plain = plain_secs(&path);
            let start = Instant::now();
            let checked = black_box(run_check(&path));
            let check = start.elapsed().as_secs_f64();
            drop(checked);
            (plain, check)
        })
        .collect();
    let plain = median(runs.iter().map(|r| r.0).collect());
    let check = median(runs.iter().map(|r| r.1).collect());
    let ratio = median(runs.iter().map(|r| r.1 / r.0).collect());
    let path_str = path.to_string_lossy().into_owned();
    let mem = |job: &str| in_child(job, &[&path_str]).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0) / 1024;
    println!("\nsummary: transcript {} ({:.1} MB)", path.display(), bytes as f64 / 1e6);
    println!("  plain tokenizing pass  {:>8.3} s   peak {:>4} MB", plain, mem("plain"));
    println!("  check, sample article  {:>8.3} s   peak {:>4} MB", check, mem("check"));
    println!("  ratio                  {ratio:>8.2}×  (goal: at most 2×; memory goal: under 250 MB)");
    match gold {
        Some(gold) => println!("  {}", accuracy(&path, &gold)),
        None => println!("  no gold labels for this transcript: accuracy not measured"),
    }
}

/// Scores the check's JSON report against the gold labels: how many gold
/// quotes were found and aligned with an acceptable passage.
fn accuracy(path: &Path, gold: &Path) -> String {
    let (article, transcripts, check) = run_check(path);
    let report = Report {
        article: &article,
        transcripts: &transcripts,
        check: &check,
        verdicts: &[],
        judgements: &[],
        orphans: &[],
    };
    let mut json = Vec::new();
    report.write(Format::Json, &mut json).expect("report");
    let report: serde_json::Value = serde_json::from_slice(&json).expect("json");
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(gold).expect("gold")).expect("gold json");
    let quotes = report["quotes"].as_array().expect("quotes");
    let mut aligned = 0;
    let total = gold["quotes"].as_array().expect("gold quotes").len();
    for g in gold["quotes"].as_array().expect("gold quotes") {
        let start = g["article_start"].as_u64().expect("start");
        let Some(q) = quotes.iter().find(|q| q["article"]["start"].as_u64() == Some(start)) else { continue };
        let (s, e) = (q["source"]["start"].as_u64().unwrap_or(0), q["source"]["end"].as_u64().unwrap_or(0));
        let ok = g["source_spans"].as_array().expect("spans").iter().any(|sp| {
            let (gs, ge) = (sp[0].as_u64().expect("s"), sp[1].as_u64().expect("e"));
            let inter = e.min(ge).saturating_sub(s.max(gs));
            let union = e.max(ge) - s.min(gs);
            union > 0 && inter * 2 >= union
        });
        aligned += usize::from(ok && q["category"] == g["category"]);
    }
    format!("gold quotes aligned to their true passage with the right category: {aligned}/{total}")
}
