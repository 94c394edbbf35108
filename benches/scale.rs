//! The check and the screen across sizes: transcripts of 50 KB, 500 KB,
//! 5 MB, 20 MB and 100 MB, each holding the sample transcript, against
//! articles of 10 quotes (the sample article) and of 200 and 2,000 quotes
//! taken from the transcript at hand (verbatim, with an elision, with a
//! word changed, or made up).
//!
//! `cargo bench --bench scale` prints a table: for each pair, the time of
//! loading and checking, its ratio to a plain tokenizing pass over the
//! transcript, peak memory, and how many quotes were aligned with the
//! passage they came from and given the category they were made to have;
//! then the growth shape, and the screen's key-to-frame time on the
//! biggest transcript. Every run is a child process, so that its peak
//! memory is its own. `QUOTECHECK_SCALE_SIZES=50K,5M` picks sizes.
//!
//! Goals: the 20 MB / 10-quote check within 2× the plain pass; 2,000
//! quotes at 20 MB within 3× the time of 10; 100 MB
//! within 2 GB; time linear in the transcript and well below linear in
//! the number of quotes; a key to a frame within 16 ms at 100 MB.

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use common::{in_child, median, peak_kb, plain_secs, plain_tokenize, transcript};
use quotecheck::document::Format;
use quotecheck::session::Session;
use quotecheck::tui::app::{Action, App, Paths};
use quotecheck::tui::theme::Theme;
use quotecheck::{Category, Check, Document, document, sample};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(&str, usize); 5] =
    [("50K", 50_000), ("500K", 500_000), ("5M", 5_000_000), ("20M", 20_000_000), ("100M", 100_000_000)];
const QUOTES: [usize; 3] = [10, 200, 2000];

/// Made-up words: in no transcript.
const NONCE: [&str; 6] = ["zorblax", "quibbitry", "frammled", "glorptic", "snarvish", "plomber"];

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("bench-data").join("scale")
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n.max(1) as u64).expect("index")
    }
}

/// The transcript of `bytes` bytes: the sample transcript alone for the
/// smallest, paragraphs of the 20 MB benchmark transcript around it for
/// the middle sizes, and for the biggest that transcript's paragraphs in
/// shuffled copies (as many as it takes) with the sample once, after the
/// first.
fn build_transcript(label: &str, bytes: usize) -> PathBuf {
    let path = data_dir().join(format!("transcript_{label}.txt"));
    if path.exists() {
        return path;
    }
    let (ladder, _) = transcript("20M");
    let ladder = std::fs::read_to_string(ladder).expect("benchmark transcript");
    let sample = sample::TRANSCRIPT;
    let at = ladder.find(sample).expect("the sample transcript is inside the benchmark transcript");
    let text = if bytes <= sample.len() {
        sample.to_owned()
    } else if bytes <= ladder.len() {
        let before = (bytes - sample.len()) / 2;
        let start = ladder[..at.saturating_sub(before)].rfind("\n\n").map_or(0, |i| i + 2);
        let end = ladder[(start + bytes).min(ladder.len())..].find("\n\n").map_or(ladder.len(), |i| start + bytes + i);
        ladder[start..end.max(at + sample.len())].to_owned()
    } else {
        let rest = format!("{}{}", &ladder[..at], &ladder[at + sample.len()..]);
        let paragraphs: Vec<&str> = rest.split("\n\n").filter(|p| !p.trim().is_empty()).collect();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut out = String::with_capacity(bytes + ladder.len());
        let mut copy = 0;
        while out.len() < bytes {
            let mut order: Vec<usize> = (0..paragraphs.len()).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            for i in order {
                if out.len() >= bytes {
                    break;
                }
                out.push_str(paragraphs[i]);
                out.push_str("\n\n");
            }
            copy += 1;
            if copy == 1 {
                out.push_str(sample);
                out.push_str("\n\n");
            }
        }
        out
    };
    std::fs::create_dir_all(data_dir()).expect("bench data dir");
    std::fs::write(&path, text).expect("write transcript");
    path
}

/// Characters a quote taken from the transcript may not hold, so that the
/// article's quotation marks stay the only ones.
fn clean(word: &str) -> bool {
    !word.contains(['"', '“', '”', '„', '«', '»', '‹', '›', '「', '」', '[', ']', '(', ')', '…', '‘', '’', '\''])
        && !word.contains("..")
        && !word.ends_with(':')
}

/// An article of `n` quotes taken from `transcript`: six in ten verbatim,
/// two with an elision, one with a content word changed, one made up of
/// words from all over the transcript and a made-up word. Beside it, one
/// line per quote: the category it should get, a tab, and the words of
/// the passage it was taken from (none for a made-up quote).
fn build_article(label: &str, transcript_path: &Path, n: usize) -> (PathBuf, PathBuf) {
    let article_path = data_dir().join(format!("article_{label}_{n}.txt"));
    let expected_path = data_dir().join(format!("article_{label}_{n}.expected"));
    if article_path.exists() && expected_path.exists() {
        return (article_path, expected_path);
    }
    let text = std::fs::read_to_string(transcript_path).expect("transcript");
    let lines: Vec<Vec<&str>> =
        text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>()).filter(|w| w.len() >= 45).collect();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ n as u64);
    let mut article = String::from("Remarks at the session\n\nThe delegates spoke at length on Tuesday.\n\n");
    let mut expected = String::new();
    let speakers = ["The minister", "The delegate", "The president", "The ambassador"];
    let mut made = 0;
    while made < n {
        let kind = made % 10;
        let len = if matches!(kind, 6 | 7) { 18 + rng.below(20) } else { 10 + rng.below(20) };
        let words = &lines[rng.below(lines.len())];
        let start = rng.below(words.len() - len);
        let run = &words[start..start + len];
        if !run.iter().all(|w| clean(w)) {
            continue;
        }
        let passage = run.join(" ");
        let (quote, category, passage) = match kind {
            6 | 7 => {
                let cut = 3 + rng.below(len - 12);
                let skip = 2 + rng.below(6);
                let quote = format!("{} … {}", run[..cut].join(" "), run[cut + skip..].join(" "));
                (quote, Category::Verbatim, passage)
            }
            8 => {
                let content: Vec<usize> = (1..len - 1)
                    .filter(|&i| run[i].len() > 5 && run[i].chars().all(|c| c.is_ascii_lowercase()))
                    .collect();
                if content.len() < 3 {
                    continue;
                }
                let target = content[rng.below(content.len())];
                let mut changed = run.to_vec();
                changed[target] = NONCE[rng.below(NONCE.len())];
                (changed.join(" "), Category::Altered, passage)
            }
            9 => {
                let mut salad: Vec<&str> = (0..len)
                    .map(|_| {
                        let words = &lines[rng.below(lines.len())];
                        words[rng.below(words.len())]
                    })
                    .filter(|w| clean(w))
                    .collect();
                salad.insert(salad.len() / 2, NONCE[rng.below(NONCE.len())]);
                (salad.join(" "), Category::Unsupported, String::new())
            }
            _ => (passage.clone(), Category::Verbatim, passage),
        };
        let speaker = speakers[rng.below(speakers.len())];
        let _ = write!(article, "{speaker} said: “{quote}”\n\n");
        if rng.below(3) == 0 {
            article.push_str("The remarks were met with applause from several delegations.\n\n");
        }
        let _ = writeln!(expected, "{}\t{passage}", category.name());
        made += 1;
    }
    std::fs::create_dir_all(data_dir()).expect("bench data dir");
    std::fs::write(&article_path, article).expect("write article");
    std::fs::write(&expected_path, expected).expect("write expected");
    (article_path, expected_path)
}

/// The sample article, and what its gold labels expect of it.
fn sample_article() -> (PathBuf, PathBuf) {
    let article_path = data_dir().join("article_sample_10.txt");
    let expected_path = data_dir().join("article_sample_10.expected");
    std::fs::create_dir_all(data_dir()).expect("bench data dir");
    std::fs::write(&article_path, sample::ARTICLE).expect("write article");
    let article = Document::from_text("sample", sample::ARTICLE);
    let transcripts = [Document::from_text("sample", sample::TRANSCRIPT)];
    // The sample check aligns every quote with its gold passage (the
    // sample tests hold it to that): its passages stand for the gold here.
    let check = Check::run(&article, &transcripts);
    let mut expected = String::new();
    for q in &check.quotes {
        let passage = q.source().map_or(String::new(), |a| transcripts[0].slice(a.source).to_owned());
        let _ =
            writeln!(expected, "{}\t{}", q.suggestion.name(), passage.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    std::fs::write(&expected_path, expected).expect("write expected");
    (article_path, expected_path)
}

/// Lowercased words of a passage, for comparing passages wherever they
/// sit (the biggest transcript holds every passage several times).
fn word_set(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// In a child process: load and check, then print
/// `seconds peak_kb quotes right taken unsupported_right made_up`.
fn child_check(article: &Path, transcript: &Path, expected: &Path) {
    let start = Instant::now();
    let article = document::load(article.to_str().expect("path"), None, Format::Auto).expect("article");
    let transcripts = vec![document::load(transcript.to_str().expect("path"), None, Format::Auto).expect("transcript")];
    let check = Check::run(&article, &transcripts);
    let secs = start.elapsed().as_secs_f64();
    let peak = peak_kb().unwrap_or(0);
    let expected = std::fs::read_to_string(expected).expect("expected");
    let (mut right, mut taken, mut unsupported_right, mut made_up) = (0, 0, 0, 0);
    for (line, q) in expected.lines().zip(&check.quotes) {
        let (category, passage) = line.split_once('\t').expect("tab");
        let category = Category::from_name(category).expect("category");
        if category == Category::Unsupported {
            made_up += 1;
            unsupported_right += usize::from(q.suggestion == category);
            continue;
        }
        taken += 1;
        let Some(source) = q.source() else { continue };
        let found = word_set(transcripts[0].slice(source.source));
        let wanted = word_set(passage);
        let shared = found.intersection(&wanted).count();
        let overlap = shared as f64 / found.union(&wanted).count().max(1) as f64;
        right += usize::from(q.suggestion == category && overlap >= 0.5);
    }
    println!("{secs} {peak} {} {right} {taken} {unsupported_right} {made_up}", check.quotes.len());
}

/// In a child process: open the screen and press "next quote" 200 times;
/// print `open_seconds median_key_seconds worst_key_seconds`.
fn child_screen(article: &Path, transcript: &Path) {
    let start = Instant::now();
    let article = document::load(article.to_str().expect("path"), None, Format::Auto).expect("article");
    let transcripts = vec![document::load(transcript.to_str().expect("path"), None, Format::Auto).expect("transcript")];
    let check = Check::run(&article, &transcripts);
    let session = Session::empty(check.quotes.len());
    let paths = Paths { session: PathBuf::from("/dev/null"), export: PathBuf::from("/dev/null") };
    let mut app = App::new(article, transcripts, check, session, paths, Theme { color: true });
    app.update(Action::Resize { width: 120, height: 40 });
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draws");
    let open = start.elapsed().as_secs_f64();
    let mut keys: Vec<f64> = (0..200)
        .map(|_| {
            let start = Instant::now();
            let action =
                if app.selected() + 1 >= app.check.quotes.len() { Action::FirstItem } else { Action::NextItem };
            app.update(action);
            terminal.draw(|f| f.render_widget(&app, f.area())).expect("draws");
            start.elapsed().as_secs_f64()
        })
        .collect();
    keys.sort_by(f64::total_cmp);
    println!("{open} {} {}", median(keys.clone()), keys[keys.len() - 1]);
}

fn child(job: &str, args: &[String]) {
    let path = |i: usize| Path::new(&args[i]);
    match job {
        "plain" => {
            black_box(plain_tokenize(path(0)));
            println!("{}", peak_kb().unwrap_or(0));
        }
        "check" => child_check(path(0), path(1), path(2)),
        _ => child_screen(path(0), path(1)),
    }
}

/// One row of the table.
struct Row {
    size: &'static str,
    mb: f64,
    quotes: usize,
    secs: f64,
    /// The median of the runs' ratios to the plain pass.
    ratio: f64,
    peak_mb: f64,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    if let Ok(job) = std::env::var("QUOTECHECK_BENCH_CHILD") {
        child(&job, &args);
        return;
    }
    let wanted: Option<Vec<String>> =
        std::env::var("QUOTECHECK_SCALE_SIZES").ok().map(|s| s.split(',').map(str::to_owned).collect());
    let sizes: Vec<(&str, usize)> =
        SIZES.into_iter().filter(|(label, _)| wanted.as_ref().is_none_or(|w| w.iter().any(|x| x == label))).collect();
    let (sample_article, sample_expected) = sample_article();
    let mut rows: Vec<Row> = Vec::new();
    println!("transcript       MB  quotes   check s  × plain   peak MB   s per MB    aligned   made up, found so");
    for &(label, bytes) in &sizes {
        let transcript = build_transcript(label, bytes);
        let transcript_str = transcript.to_string_lossy().into_owned();
        let mb = std::fs::metadata(&transcript).map_or(0, |m| m.len()) as f64 / 1e6;
        let runs = if bytes >= 50_000_000 {
            1
        } else if bytes >= 5_000_000 {
            5
        } else {
            3
        };
        let plain = median((0..runs).map(|_| plain_secs(&transcript)).collect());
        let plain_mb = in_child("plain", &[&transcript_str]).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0) / 1024;
        println!("{label:<10} {mb:>8.2}  plain pass {plain:.3} s, peak {plain_mb} MB");
        for n in QUOTES {
            let (article, expected) = if n == 10 {
                (sample_article.clone(), sample_expected.clone())
            } else {
                build_article(label, &transcript, n)
            };
            let article = article.to_string_lossy().into_owned();
            let expected = expected.to_string_lossy().into_owned();
            // Each check run follows a plain pass of its own, so that a
            // busy machine slows both alike: the ratio is the median of
            // the runs' ratios.
            let mut ratios = Vec::new();
            let results: Vec<Vec<f64>> = (0..runs)
                .filter_map(|_| {
                    let plain = plain_secs(&transcript);
                    let line = in_child("check", &[&article, &transcript_str, &expected])?;
                    let v: Vec<f64> = line.split_whitespace().filter_map(|x| x.parse().ok()).collect();
                    (v.len() == 7).then(|| {
                        ratios.push(v[0] / plain);
                        v
                    })
                })
                .collect();
            let Some(last) = results.last() else {
                println!("{label:<10} {mb:>8.2}  {n:>6}  the check failed");
                continue;
            };
            let secs = median(results.iter().map(|r| r[0]).collect());
            let peak_mb = results.iter().map(|r| r[1]).fold(0.0, f64::max) / 1024.0;
            println!(
                "{label:<10} {mb:>8.2}  {n:>6}  {secs:>8.3}  {:>7.2}  {peak_mb:>8.0}  {:>9.4}  {:>4}/{:<4}  {:>4}/{:<4}",
                median(ratios.clone()),
                secs / mb,
                last[3],
                last[4],
                last[5],
                last[6],
            );
            rows.push(Row { size: label, mb, quotes: n, secs, ratio: median(ratios), peak_mb });
        }
    }
    growth(&rows);
    if let Some(&(label, bytes)) = sizes.last() {
        let transcript = build_transcript(label, bytes).to_string_lossy().into_owned();
        println!("\nscreen on the {label} transcript (120×40), next quote to a finished frame, 200 presses:");
        for n in QUOTES {
            let article = if n == 10 {
                sample_article.to_string_lossy().into_owned()
            } else {
                build_article(label, Path::new(&transcript), n).0.to_string_lossy().into_owned()
            };
            let Some(line) = in_child("screen", &[&article, &transcript]) else { continue };
            let v: Vec<f64> = line.split_whitespace().filter_map(|x| x.parse().ok()).collect();
            if let [open, key, worst] = v[..] {
                println!(
                    "  {n:>5} quotes: open {:.2} s, key median {:.2} ms, worst {:.2} ms (goal: at most 16 ms)",
                    open,
                    key * 1e3,
                    worst * 1e3
                );
            }
        }
    }
}

/// How time grows: with the transcript (per MB, for each article) and
/// with the quotes (for each transcript, against the 10-quote article).
fn growth(rows: &[Row]) {
    println!("\ngrowth with the transcript (seconds per MB; flat is linear):");
    for n in QUOTES {
        let line: Vec<String> =
            rows.iter().filter(|r| r.quotes == n).map(|r| format!("{} {:.4}", r.size, r.secs / r.mb)).collect();
        println!("  {n:>5} quotes: {}", line.join(", "));
    }
    println!("growth with the quotes (time against the 10-quote article; 200× the quotes would be 200× the time):");
    for size in rows.iter().map(|r| r.size).collect::<std::collections::BTreeSet<_>>() {
        let of = |n: usize| rows.iter().find(|r| r.size == size && r.quotes == n).map(|r| r.secs);
        if let (Some(ten), Some(two), Some(thousands)) = (of(10), of(200), of(2000)) {
            println!("  {size:>5}: 200 quotes {:.1}×, 2000 quotes {:.1}×", two / ten, thousands / ten);
        }
    }
    let at = |size: &str| rows.iter().find(|r| r.size == size && r.quotes == 10);
    if let Some(r) = at("20M") {
        println!("20 MB / 10 quotes: {:.2}× the plain pass (goal: at most 2×)", r.ratio);
    }
    let of = |n: usize| rows.iter().find(|r| r.size == "20M" && r.quotes == n).map(|r| r.secs);
    if let (Some(ten), Some(thousands)) = (of(10), of(2000)) {
        println!("20 MB / 2000 quotes: {:.2}× the 10-quote time (goal: at most 3×)", thousands / ten);
    }
    if let Some(peak) = rows.iter().filter(|r| r.size == "100M").map(|r| r.peak_mb).reduce(f64::max) {
        println!("100 MB: peak {peak:.0} MB (goal: within 2048 MB)");
    }
}
