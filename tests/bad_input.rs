//! Whatever a fact-checker points quotecheck at: each input either works or
//! gets one line naming the file and the problem, with exit code 2 — never
//! a panic.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{offset, path, run, temp_file};
use serde_json::Value;

/// What an input should give.
enum Expect {
    /// A report, checked by a function.
    Works(fn(&Value)),
    /// One line on standard error, naming the file, saying this.
    Fails(&'static str),
}

/// One input: an article and a transcript, as bytes, and extra arguments.
struct Case {
    name: &'static str,
    article: Vec<u8>,
    transcript: Vec<u8>,
    args: &'static [&'static str],
    expect: Expect,
}

fn sample_article() -> Vec<u8> {
    std::fs::read(path("assets/article.txt")).expect("article")
}

fn sample_transcript() -> Vec<u8> {
    std::fs::read(path("assets/transcript.txt")).expect("transcript")
}

fn sample_categories(report: &Value) {
    let cats: Vec<&str> = report["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| q["category"].as_str().expect("category"))
        .collect();
    assert_eq!(
        cats,
        [
            "verbatim", "verbatim", "verbatim", "altered", "verbatim", "verbatim", "altered", "verbatim", "verbatim",
            "altered"
        ]
    );
}

fn quoted(text: &str) -> Vec<u8> {
    format!("The minister said: \u{201c}{text}\u{201d}\n").into_bytes()
}

fn utf16(text: &[u8], big_endian: bool) -> Vec<u8> {
    let text = String::from_utf8_lossy(text);
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

#[allow(clippy::too_many_lines, reason = "the table is the specification")]
fn cases() -> Vec<Case> {
    let transcript = sample_transcript();
    let one_line: Vec<u8> = {
        let flat: Vec<u8> = transcript.iter().map(|&b| if b == b'\n' { b' ' } else { b }).collect();
        flat.repeat(2_000_000 / flat.len() + 1)
    };
    let fifty_mb = transcript.repeat(50_000_000 / transcript.len() + 1);
    let sentences: Vec<String> = String::from_utf8_lossy(&transcript)
        .split(". ")
        .map(|s| s.split(' ').take(8).collect::<Vec<_>>().join(" "))
        // Words from within one turn, with no quotation marks of their own.
        .filter(|s| s.split_whitespace().count() >= 3 && !s.contains(['"', '“', '”', '\'', '’', ':', '\n']))
        .collect();
    let mut many = String::new();
    for i in 0..2000 {
        let _ = write!(many, "Item {i}: \u{201c}{}\u{201d} he said.\n\n", sentences[i % sentences.len()]);
    }
    // Two thousand words of speech without a speaker label in between.
    let speech = String::from_utf8_lossy(&transcript).replace("Sergey Lavrov: ", "").replace("Question: ", "");
    let long_words: Vec<&str> = speech.split_whitespace().skip(200).take(2000).collect();
    vec![
        Case {
            name: "a missing file",
            article: sample_article(),
            transcript: Vec::new(),
            args: &[],
            expect: Expect::Fails("no such file"),
        },
        Case {
            name: "a binary file",
            article: b"\x7fELF\x02\x01\x01\0\0\0".to_vec(),
            transcript: transcript.clone(),
            args: &[],
            expect: Expect::Fails("is a binary file (NUL byte at offset 7), not text"),
        },
        Case {
            name: "an empty file",
            article: b"".to_vec(),
            transcript: transcript.clone(),
            args: &[],
            expect: Expect::Fails("is empty"),
        },
        Case {
            name: "a whitespace-only file",
            article: sample_article(),
            transcript: b" \r\n\t\n  ".to_vec(),
            args: &[],
            expect: Expect::Fails("holds only whitespace"),
        },
        Case {
            name: "a latin-1 file",
            article: b"Le ministre a dit: \xabnous sommes pr\xeats\xbb.\n".to_vec(),
            transcript: b"Nous sommes pr\xeats.\n".to_vec(),
            args: &[],
            expect: Expect::Fails("is not UTF-8 (byte 0xAB at offset 19); name its encoding with --encoding"),
        },
        Case {
            name: "a latin-1 file with --encoding",
            article: b"Le ministre a dit: \xabnous sommes pr\xeats\xbb.\n".to_vec(),
            transcript: b"Nous sommes pr\xeats.\n".to_vec(),
            args: &["--encoding", "iso-8859-1"],
            expect: Expect::Works(|r| {
                assert_eq!(r["quotes"][0]["category"], "verbatim");
                assert_eq!(
                    (offset(&r["quotes"][0]["article"]["start"]), offset(&r["quotes"][0]["article"]["end"])),
                    (20, 37)
                );
            }),
        },
        Case {
            name: "an unknown encoding",
            article: sample_article(),
            transcript: transcript.clone(),
            args: &["--encoding", "martian"],
            expect: Expect::Fails("--encoding \"martian\": unknown encoding"),
        },
        Case {
            name: "UTF-16 LE with a byte-order mark",
            article: sample_article(),
            transcript: utf16(&transcript, false),
            args: &[],
            expect: Expect::Works(sample_categories),
        },
        Case {
            name: "UTF-16 BE with a byte-order mark",
            article: utf16(&sample_article(), true),
            transcript: transcript.clone(),
            args: &[],
            expect: Expect::Works(sample_categories),
        },
        Case {
            name: "CRLF and byte-order-mark copies of the sample",
            article: [
                b"\xEF\xBB\xBF".as_slice(),
                &String::from_utf8_lossy(&sample_article()).replace('\n', "\r\n").into_bytes(),
            ]
            .concat(),
            transcript: [
                b"\xEF\xBB\xBF".as_slice(),
                &String::from_utf8_lossy(&transcript).replace('\n', "\r\n").into_bytes(),
            ]
            .concat(),
            args: &[],
            expect: Expect::Works(sample_categories),
        },
        Case {
            name: "a 2 MB transcript on one line",
            article: sample_article(),
            transcript: one_line,
            args: &[],
            expect: Expect::Works(sample_categories),
        },
        Case {
            name: "50 MB of transcript",
            article: sample_article(),
            transcript: fifty_mb,
            args: &[],
            expect: Expect::Works(sample_categories),
        },
        Case {
            name: "an article with no quotes",
            article: b"Nobody was quoted here.\n".to_vec(),
            transcript: transcript.clone(),
            args: &[],
            expect: Expect::Works(|r| assert_eq!(r["quotes"].as_array().map(Vec::len), Some(0))),
        },
        Case {
            name: "an article with 2,000 quotes",
            article: many.into_bytes(),
            transcript: transcript.clone(),
            args: &[],
            expect: Expect::Works(|r| {
                let quotes = r["quotes"].as_array().expect("quotes");
                assert_eq!(quotes.len(), 2000);
                assert!(
                    quotes.iter().all(|q| q["category"] == "verbatim"),
                    "every quote is copied from the transcript"
                );
            }),
        },
        Case {
            name: "a single unclosed quote mark",
            article: b"He said \"we will fight on\n\nThe next paragraph says nothing.\n".to_vec(),
            transcript: b"And we will fight on, whatever happens.\n".to_vec(),
            args: &[],
            expect: Expect::Works(|r| {
                assert_eq!(r["quotes"].as_array().map(Vec::len), Some(1));
                assert_eq!(r["quotes"][0]["text"], "we will fight on", "the stray mark stops at its paragraph");
            }),
        },
        Case {
            name: "a quote of one word",
            article: quoted("exterminated"),
            transcript: transcript.clone(),
            args: &[],
            expect: Expect::Works(|r| assert_eq!(r["quotes"][0]["category"], "verbatim")),
        },
        Case {
            name: "a quote of 2,000 words",
            article: quoted(&long_words.join(" ")),
            transcript: speech.clone().into_bytes(),
            args: &[],
            expect: Expect::Works(|r| assert_eq!(r["quotes"][0]["category"], "verbatim")),
        },
        Case {
            name: "nested and mismatched marks",
            article: "He said \"a 'b\" c' d «e “f» g” h „i\" and ‘j\n".as_bytes().to_vec(),
            transcript: b"a b c d e f g h i j\n".to_vec(),
            args: &[],
            expect: Expect::Works(|r| assert!(!r["quotes"].as_array().expect("quotes").is_empty())),
        },
        Case {
            name: "right-to-left text",
            article: "قال الوزير: «نحن مستعدون للحوار» أمس.\nאמר השר: \"אנחנו מוכנים\".\n".as_bytes().to_vec(),
            transcript: "نحن مستعدون للحوار مع الجميع.\nאנחנו מוכנים לכל תרחיש.\n".as_bytes().to_vec(),
            args: &[],
            expect: Expect::Works(|r| {
                assert_eq!(r["quotes"][0]["category"], "verbatim");
                assert_eq!(r["quotes"][1]["category"], "verbatim");
            }),
        },
        Case {
            name: "CJK without spaces",
            article: "外交部长说「我们准备好进行对话」。彼は『大丈夫』と言った。\n".as_bytes().to_vec(),
            transcript: "我们准备好进行对话，也准备好保卫国家。私は大丈夫です。\n".as_bytes().to_vec(),
            args: &[],
            expect: Expect::Works(|r| {
                assert_eq!(r["quotes"][0]["category"], "verbatim");
                assert_eq!(r["quotes"][0]["source"]["text"], "我们准备好进行对话");
                assert_eq!(r["quotes"][1]["category"], "verbatim");
            }),
        },
        Case {
            name: "emoji with joiners",
            article: "She posted \u{201c}we did it 👩‍👩‍👧 together 🇺🇦\u{201d}.\n".as_bytes().to_vec(),
            transcript: "And we did it 👩‍👩‍👧 together 🇺🇦, all of us.\n".as_bytes().to_vec(),
            args: &[],
            expect: Expect::Works(|r| assert_eq!(r["quotes"][0]["category"], "verbatim")),
        },
        Case {
            name: "control characters",
            article: b"He said \"we\x07 will\x1b[31m win\x08\" \x0c today.\n".to_vec(),
            transcript: b"we will\x1b[31m win\x07 the day\n".to_vec(),
            args: &[],
            expect: Expect::Works(|r| assert_eq!(r["quotes"][0]["category"], "verbatim")),
        },
        Case {
            name: "a transcript that is only speaker labels",
            article: quoted("we are ready"),
            transcript: b"Q:\nA:\nQ:\nA:\n".to_vec(),
            args: &[],
            expect: Expect::Works(|r| assert_eq!(r["quotes"][0]["category"], "unsupported")),
        },
        Case {
            name: "a .docx that is not a Word document",
            article: sample_article(),
            transcript: b"plain text in disguise".to_vec(),
            args: &["--transcript-format", "docx"],
            expect: Expect::Fails("is not a Word (.docx) package"),
        },
    ]
}

#[test]
fn every_input_works_or_gets_one_line_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut failures = Vec::new();
    for (i, case) in cases().into_iter().enumerate() {
        let article = temp_file(dir.path(), &format!("article-{i}.txt"), &case.article);
        let transcript = if case.name == "a missing file" {
            dir.path().join("missing.txt").to_string_lossy().into_owned()
        } else {
            temp_file(dir.path(), &format!("transcript-{i}.txt"), &case.transcript)
        };
        let mut args = vec!["check", &article, &transcript, "--format", "json"];
        args.extend_from_slice(case.args);
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        if stderr.contains("panicked") {
            failures.push(format!("{}: panicked: {stderr}", case.name));
            continue;
        }
        match case.expect {
            Expect::Works(check) => {
                if out.status.code() != Some(0) {
                    failures.push(format!("{}: exit {:?}: {stderr}", case.name, out.status.code()));
                    continue;
                }
                let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
                spans_lie_inside_their_files(&report, Path::new(&article), Path::new(&transcript));
                if let Err(panic) = std::panic::catch_unwind(|| check(&report)) {
                    failures.push(format!("{}: {:?}", case.name, panic.downcast_ref::<String>()));
                }
            }
            Expect::Fails(problem) => {
                let one_line = stderr.lines().count() == 1 && stderr.starts_with("quotecheck: ");
                // A bad flag is the flag's fault, not a file's.
                let names = stderr.contains(&article) || stderr.contains(&transcript) || stderr.contains("--encoding");
                if out.status.code() != Some(2) || !one_line || !names || !stderr.contains(problem) {
                    failures.push(format!(
                        "{}: exit {:?}, stderr {stderr:?}, wanted {problem:?}",
                        case.name,
                        out.status.code()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Every span of a report lies inside its file, start before end.
fn spans_lie_inside_their_files(report: &Value, article: &Path, transcript: &Path) {
    let (a_len, t_len) =
        (std::fs::metadata(article).expect("a").len(), std::fs::metadata(transcript).expect("t").len());
    let within = |v: &Value, len: u64| {
        let (s, e) = (v["start"].as_u64().expect("start"), v["end"].as_u64().expect("end"));
        assert!(s <= e && e <= len, "{s}..{e} outside 0..{len}");
    };
    for q in report["quotes"].as_array().expect("quotes") {
        within(&q["article"], a_len);
        if !q["source"].is_null() {
            within(&q["source"], t_len);
        }
        for d in q["differences"].as_array().expect("differences") {
            if !d["quote_span"].is_null() {
                within(&d["quote_span"], a_len);
            }
            if !d["source_span"].is_null() {
                within(&d["source_span"], t_len);
            }
        }
    }
}

#[test]
fn a_directory_gets_one_line_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(&["check", dir.path().to_str().expect("utf-8"), &path("assets/transcript.txt")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.ends_with(": is a directory, not a file\n") && stderr.lines().count() == 1, "{stderr}");
}
