//! Shared by the benchmarks: the big transcripts, peak memory of a child
//! run, and the plain tokenizing pass used as a baseline.

#![allow(dead_code, reason = "each benchmark uses a different part")]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Where decompressed benchmark transcripts are cached.
fn cache_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("bench-data")
}

/// The benchmark transcript `ladder_{size}.txt` (real speeches with the
/// sample transcript inside) and its gold labels, from
/// `$QUOTECHECK_BENCH_DIR` or `../shared/bench`; when neither exists, a
/// synthetic transcript of the same size with the sample inside, and no
/// gold.
pub fn transcript(size: &str) -> (PathBuf, Option<PathBuf>) {
    let dirs = [
        std::env::var_os("QUOTECHECK_BENCH_DIR").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench")),
    ];
    let cached = cache_dir().join(format!("ladder_{size}.txt"));
    for dir in dirs.into_iter().flatten() {
        let gold = dir.join(format!("gold_{size}.json"));
        let plain = dir.join(format!("ladder_{size}.txt"));
        if plain.exists() {
            return (plain, gold.exists().then_some(gold));
        }
        let xz = dir.join(format!("ladder_{size}.txt.xz"));
        if xz.exists() {
            if !cached.exists() {
                std::fs::create_dir_all(cache_dir()).expect("cache dir");
                let mut input = std::io::BufReader::new(std::fs::File::open(&xz).expect("open xz"));
                let mut out = Vec::new();
                lzma_rs::xz_decompress(&mut input, &mut out).expect("decompress");
                std::fs::write(&cached, out).expect("write cache");
            }
            return (cached, gold.exists().then_some(gold));
        }
    }
    let synthetic = cache_dir().join(format!("synthetic_{size}.txt"));
    if !synthetic.exists() {
        std::fs::create_dir_all(cache_dir()).expect("cache dir");
        std::fs::write(&synthetic, synthesize(megabytes(size) << 20)).expect("write synthetic");
    }
    (synthetic, None)
}

fn megabytes(size: &str) -> usize {
    size.trim_end_matches(['M', 'K']).parse::<usize>().expect("size like 20M")
}

/// Sentences of the sample transcript shuffled into `bytes` bytes of
/// speech, with the whole sample transcript in the middle.
fn synthesize(bytes: usize) -> String {
    let sample = quotecheck::sample::TRANSCRIPT;
    let sentences: Vec<&str> = sample.split_inclusive(". ").collect();
    let mut out = String::with_capacity(bytes + sample.len());
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    while out.len() < bytes {
        if out.len() >= bytes / 2 && !out.contains("Tucker Carlson, Moscow") {
            out.push_str("\n\n");
            out.push_str(sample);
            out.push_str("\n\n");
        }
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(sentences[usize::try_from(state % sentences.len() as u64).expect("index")]);
        if state.is_multiple_of(9) {
            out.push_str("\n\n");
        }
    }
    out
}

/// The plain tokenizing pass the speed goals are measured against: reads
/// the file, checks it is UTF-8, and splits it into lowercase words
/// (alphanumeric runs, Unicode-aware) with their byte spans, building the
/// lowercased words separated by spaces. Returns the spans and that text.
pub fn plain_tokenize(path: &Path) -> (Vec<(usize, usize)>, String) {
    let bytes = std::fs::read(path).expect("read");
    let text = std::str::from_utf8(&bytes).expect("utf-8");
    let mut lower = String::with_capacity(text.len());
    let mut spans = Vec::with_capacity(text.len() / 5);
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        } else if let Some(s) = start.take() {
            spans.push((s, i));
            lower.push(' ');
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    (spans, lower)
}

/// Seconds the plain pass takes over `path`, until its words are ready:
/// freeing them is left out, as the floor exits without freeing.
pub fn plain_secs(path: &Path) -> f64 {
    let start = Instant::now();
    let words = std::hint::black_box(plain_tokenize(path));
    let secs = start.elapsed().as_secs_f64();
    drop(words);
    secs
}

/// Peak resident memory of this process so far, in kilobytes (Linux).
pub fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs this benchmark binary again with `QUOTECHECK_BENCH_CHILD=job` and
/// returns what the child printed on its last line.
pub fn in_child(job: &str, args: &[&str]) -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new(exe).env("QUOTECHECK_BENCH_CHILD", job).args(args).output().ok()?;
    String::from_utf8(out.stdout).ok()?.lines().last().map(str::to_owned)
}

/// The median of some durations, in seconds.
pub fn median(mut secs: Vec<f64>) -> f64 {
    secs.sort_by(f64::total_cmp);
    secs[secs.len() / 2]
}
