//! The command line as a user meets it: reports, exit codes, bad input.

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use common::{json_report, offset, path, run, temp_file};
use serde_json::Value;

fn sample() -> [String; 2] {
    [path("assets/article.txt"), path("assets/transcript.txt")]
}

#[test]
fn the_json_report_keeps_every_key_of_the_contract() {
    let [a, t] = sample();
    let report = json_report(&[&a, &t]);
    assert_eq!(report["quotecheck"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["article"]["path"], a.as_str());
    assert_eq!(report["article"]["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(report["transcripts"][0]["path"], t.as_str());
    let quotes = report["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 10);
    let article = std::fs::read(&a).expect("article");
    let transcript = std::fs::read(&t).expect("transcript");
    for (i, q) in quotes.iter().enumerate() {
        for key in [
            "id",
            "text",
            "article",
            "attributed_to",
            "category",
            "similarity",
            "source",
            "differences",
            "mark",
            "note",
            "recheck",
            "marked_text",
        ] {
            assert!(q.get(key).is_some(), "quote {i} lacks {key}");
        }
        assert_eq!(q["id"], i + 1);
        let (start, end) = (offset(&q["article"]["start"]), offset(&q["article"]["end"]));
        assert_eq!(std::str::from_utf8(&article[start..end]).expect("utf-8"), q["text"], "article offsets are bytes");
        assert!(q["article"]["line"].as_u64().expect("line") >= 1);
        let source = &q["source"];
        for key in ["transcript", "start", "end", "line", "text", "speaker", "timestamp"] {
            assert!(source.get(key).is_some(), "source of quote {i} lacks {key}");
        }
        let (start, end) = (offset(&source["start"]), offset(&source["end"]));
        assert_eq!(std::str::from_utf8(&transcript[start..end]).expect("utf-8"), source["text"]);
        assert!(source["timestamp"].is_null());
        for d in q["differences"].as_array().expect("differences") {
            for key in ["kind", "quote", "source"] {
                assert!(d.get(key).is_some(), "a difference of quote {i} lacks {key}");
            }
        }
    }
    // Reported speech, beside the quotes (DESIGN.md, "Reported speech").
    let reported = report["reported"].as_array().expect("reported");
    assert!(!reported.is_empty());
    for (i, r) in reported.iter().enumerate() {
        for key in [
            "id",
            "text",
            "article",
            "attributed_to",
            "verdict",
            "similarity",
            "source",
            "evidence",
            "quotes",
            "mark",
            "note",
        ] {
            assert!(r.get(key).is_some(), "reported item {i} lacks {key}");
        }
        assert_eq!(r["id"], i + 1);
        let (start, end) = (offset(&r["article"]["start"]), offset(&r["article"]["end"]));
        assert_eq!(std::str::from_utf8(&article[start..end]).expect("utf-8"), r["text"], "article offsets are bytes");
        assert!(["supported", "distorted", "unsupported"].contains(&r["verdict"].as_str().expect("verdict")));
        if r["verdict"] == "unsupported" {
            assert!(r["source"].is_null(), "reported item {i}: no source when unsupported");
        } else {
            let source = &r["source"];
            for key in ["transcript", "start", "end", "line", "text", "speaker", "timestamp"] {
                assert!(source.get(key).is_some(), "source of reported item {i} lacks {key}");
            }
            let (start, end) = (offset(&source["start"]), offset(&source["end"]));
            assert_eq!(std::str::from_utf8(&transcript[start..end]).expect("utf-8"), source["text"]);
        }
        for e in r["evidence"].as_array().expect("evidence") {
            let kind = e["kind"].as_str().expect("kind");
            assert!(["shared", "negation", "number", "hedge", "scope", "speaker"].contains(&kind), "{kind}");
            for key in ["article", "source"] {
                assert!(e.get(key).is_some(), "evidence of reported item {i} lacks {key}");
            }
        }
        for q in r["quotes"].as_array().expect("quotes") {
            let id = q.as_u64().expect("a quote id");
            assert!((1..=10).contains(&id), "{id}");
        }
    }
}

#[test]
fn offsets_are_bytes_of_the_original_file_with_a_bom_and_crlf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = std::fs::read_to_string(path("assets/article.txt")).expect("article");
    let transcript = std::fs::read_to_string(path("assets/transcript.txt")).expect("transcript");
    let crlf = |s: &str| format!("\u{feff}{}", s.replace('\n', "\r\n")).into_bytes();
    let a = temp_file(dir.path(), "a.txt", &crlf(&article));
    let t = temp_file(dir.path(), "t.txt", &crlf(&transcript));
    let plain = json_report(&sample().each_ref().map(String::as_str));
    let report = json_report(&[&a, &t]);
    let bytes = std::fs::read(&t).expect("t");
    for (q, p) in report["quotes"].as_array().expect("quotes").iter().zip(plain["quotes"].as_array().expect("quotes")) {
        assert_eq!(q["category"], p["category"], "{}", q["text"]);
        assert_eq!(q["source"]["line"], p["source"]["line"]);
        let (s, e) = (offset(&q["source"]["start"]), offset(&q["source"]["end"]));
        assert_eq!(String::from_utf8_lossy(&bytes[s..e]), q["source"]["text"].as_str().expect("text"));
    }
}

#[test]
fn markdown_is_the_default_and_reads_as_a_report() {
    let [a, t] = sample();
    let out = run(&["check", &a, &t]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("utf-8");
    assert!(md.starts_with("# Quote check: "), "{md}");
    assert!(md.contains("| # | Quote | Attributed to | Suggested | Similarity | Source | Mark |"));
    assert!(md.contains("## 4. ≈ And in any case"), "{md}");
    assert!(md.contains("**a** ~~the~~"), "the substitution is shown inline");
    assert!(md.contains("substitution: “a” for “the”"));
    assert!(md.contains("elision: “...” stands for “but generally with all countries”"));
}

#[test]
fn csv_has_one_row_per_quote_then_one_per_reported_item() {
    let [a, t] = sample();
    let out = run(&["check", &a, &t, "--format", "csv"]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "id");
    assert!(headers.iter().any(|h| h == "category"));
    let kind = headers.iter().position(|h| h == "kind").expect("a kind column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let kinds: Vec<&str> = rows.iter().map(|r| &r[kind]).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "quote").count(), 10);
    assert!(kinds.iter().skip(10).all(|k| *k == "reported") && kinds.len() > 10, "{kinds:?}");
    assert_eq!(&rows[3][1], "altered");
    assert!(["supported", "distorted", "unsupported"].contains(&&rows[10][1]), "a verdict: {:?}", &rows[10]);
}

#[test]
fn fail_on_exits_one_when_a_category_is_found() {
    let [a, t] = sample();
    assert_eq!(run(&["check", &a, &t, "--format", "json", "--fail-on", "altered"]).status.code(), Some(1));
    assert_eq!(
        run(&["check", &a, &t, "--format", "json", "--fail-on", "paraphrase,unsupported"]).status.code(),
        Some(0)
    );
    let bad = run(&["check", &a, &t, "--fail-on", "wrong"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown category"));
}

/// A session file for the sample article marking quotes (by id, from 1),
/// each `true` when its mark is to be re-checked.
fn sample_session(report: &Value, marks: &[(usize, &str, bool)]) -> String {
    let marks: Vec<Value> = marks
        .iter()
        .map(|&(id, mark, recheck)| {
            let q = &report["quotes"][id - 1];
            serde_json::json!({
                "quote": q["text"], "start": q["article"]["start"], "mark": mark,
                "marked_text": recheck.then_some("words the quote had when it was marked"),
            })
        })
        .collect();
    serde_json::json!({
        "quotecheck_session": 1, "article": report["article"], "transcripts": report["transcripts"], "marks": marks,
    })
    .to_string()
}

/// (what, marks, in `--session` rather than beside the article,
/// `--fail-on`, exit status).
type FailOn = (&'static str, &'static [(usize, &'static str, bool)], bool, &'static str, i32);

#[test]
fn fail_on_counts_the_fact_checkers_marks_over_the_suggestions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = temp_file(dir.path(), "a.txt", &std::fs::read(path("assets/article.txt")).expect("article"));
    let transcript = path("assets/transcript.txt");
    let report = json_report(&[&article, &transcript]);
    let suggested: Vec<&str> = report["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| q["category"].as_str().expect("category"))
        .collect();
    assert_eq!(suggested.iter().filter(|&&c| c == "altered").count(), 3, "quotes 4, 7 and 10: {suggested:?}");
    let beside = quotecheck::session::default_path(std::path::Path::new(&article));
    let elsewhere = dir.path().join("marks.json");
    #[rustfmt::skip]
    let cases: &[FailOn] = &[
        // (what, marks, in --session rather than beside, --fail-on, exit status)
        ("no marks: the suggestions", &[], false, "altered", 1),
        ("every altered quote marked verbatim", &[(4, "verbatim", false), (7, "verbatim", false), (10, "verbatim", false)], false, "altered", 0),
        ("the same, in --session", &[(4, "verbatim", false), (7, "verbatim", false), (10, "verbatim", false)], true, "altered", 0),
        ("one altered quote left unmarked", &[(4, "verbatim", false), (7, "verbatim", false)], false, "altered", 1),
        ("one mark to re-check: its suggestion counts", &[(4, "verbatim", false), (7, "verbatim", false), (10, "verbatim", true)], false, "altered", 1),
        ("a verbatim suggestion marked unsupported", &[(1, "unsupported", false)], false, "unsupported", 1),
        ("a mark to re-check does not fail either", &[(1, "unsupported", true)], false, "unsupported", 0),
    ];
    for &(what, marks, in_flag, fail_on, status) in cases {
        let _ = std::fs::remove_file(&beside);
        let file = if in_flag { &elsewhere } else { &beside };
        std::fs::write(file, sample_session(&report, marks)).expect("session written");
        let session = elsewhere.to_string_lossy().into_owned();
        let mut args = vec!["check", &article, &transcript, "--format", "json", "--fail-on", fail_on];
        if in_flag {
            args.extend(["--session", &session]);
        }
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(status), "{what}: {stderr}");
        let json: Value = serde_json::from_slice(&out.stdout).expect("json");
        let recheck = json["quotes"].as_array().expect("quotes").iter().filter(|q| q["recheck"] == true).count();
        assert_eq!(recheck, marks.iter().filter(|m| m.2).count(), "{what}: the report flags them too");
    }
    std::fs::write(&beside, sample_session(&report, &[(1, "unsupported", false)])).expect("session written");
    let out = run(&["check", &article, &transcript, "--format", "json", "--fail-on", "unsupported"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "quotecheck: --fail-on: 1 unsupported (1 of 10 quotes, 1 by the fact-checker's mark)\n"
    );
    let help =
        String::from_utf8_lossy(&run(&["check", "--help"]).stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(help.contains("A quote's category is the fact-checker's mark when the session has one"), "{help}");
}

#[test]
fn csv_from_the_command_line_writes_no_formula_from_an_article_or_a_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = temp_file(
        dir.path(),
        "a.txt",
        "Lavrov wrote \"=HYPERLINK(http://evil.example, red lines)\" and said \"-1 for the universe\", \
         then \"cooperate for the sake of the universe\".\n"
            .as_bytes(),
    );
    let transcript = path("assets/transcript.txt");
    let report = json_report(&[&article, &transcript]);
    let mut session: Value =
        serde_json::from_str(&sample_session(&report, &[(1, "unsupported", false)])).expect("json");
    session["marks"][0]["note"] = "@SUM(A1:A9) ask the desk".into();
    std::fs::write(quotecheck::session::default_path(std::path::Path::new(&article)), session.to_string())
        .expect("written");
    let out = run(&["check", &article, &transcript, "--format", "csv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().expect("headers").clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let cells: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| &r[column("kind")] == "quote")
        .map(|r| (&r[column("quote")], &r[column("note")]))
        .collect();
    assert_eq!(
        cells,
        [
            ("'=HYPERLINK(http://evil.example, red lines)", "'@SUM(A1:A9) ask the desk"),
            ("'-1 for the universe", ""),
            ("cooperate for the sake of the universe", "")
        ]
    );
    assert_eq!(&rows[0][column("transcript_path")], "", "an unsupported quote has no transcript");
    assert_eq!(&rows[2][column("transcript_path")], transcript.as_str());
}

#[test]
fn bad_input_gets_one_line_naming_the_file_and_exit_code_two() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let good = path("assets/transcript.txt");
    let cases: Vec<(String, &str)> = vec![
        (d.join("missing.txt").to_string_lossy().into_owned(), "no such file"),
        (d.to_string_lossy().into_owned(), "is a directory"),
        (temp_file(d, "binary.bin", b"PK\x03\x04\0\0\x14\0"), "is a binary file (NUL byte at offset 4)"),
        (temp_file(d, "empty.txt", b""), "is empty"),
        (temp_file(d, "blank.txt", b"  \n\n\t "), "holds only whitespace"),
        (
            temp_file(d, "latin1.txt", b"Caf\xe9 \"quote\""),
            "is not UTF-8 (byte 0xE9 at offset 3); name its encoding with --encoding",
        ),
    ];
    for (file, problem) in cases {
        for args in [vec!["check", file.as_str(), good.as_str()], vec!["check", good.as_str(), file.as_str()]] {
            let out = run(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
            assert!(stderr.starts_with("quotecheck: "), "{stderr}");
            assert!(stderr.contains(&file), "names {file}: {stderr}");
            assert!(stderr.contains(problem), "says {problem:?}: {stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
            assert!(out.stdout.is_empty());
        }
    }
}

#[test]
fn encoding_decodes_a_legacy_file_with_offsets_in_its_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article =
        temp_file(dir.path(), "a.txt", b"The caf\xe9 owner said \x93cooperate for the sake of the universe\x94 twice.");
    let report = json_report(&[&article, &path("assets/transcript.txt"), "--encoding", "windows-1252"]);
    let q = &report["quotes"][0];
    assert_eq!(q["text"], "cooperate for the sake of the universe");
    assert_eq!(q["category"], "verbatim");
    assert_eq!((q["article"]["start"].as_u64(), q["article"]["end"].as_u64()), (Some(21), Some(59)));
}

#[test]
fn an_article_without_quotes_gives_an_empty_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = temp_file(dir.path(), "a.txt", b"Nobody was quoted in this story.\n");
    let report = json_report(&[&article, &path("assets/transcript.txt")]);
    assert_eq!(report["quotes"], Value::Array(Vec::new()));
    let md = run(&["check", &article, &path("assets/transcript.txt")]);
    assert!(String::from_utf8_lossy(&md.stdout).contains("The article has no quotations."));
}

#[test]
fn a_dash_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["check", &path("assets/article.txt"), "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let transcript = std::fs::read(path("assets/transcript.txt")).expect("transcript");
    child.stdin.take().expect("stdin").write_all(&transcript).expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["transcripts"][0]["path"], "-");
    assert_eq!(report["quotes"][0]["category"], "verbatim");
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let [a, t] = sample();
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["check", &a, &t, "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 10];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("read");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn help_completions_and_man_page() {
    let help = run(&["--help"]);
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("Examples:"), "{text}");
    assert!(text.contains("quotecheck check article.txt transcript.txt"));
    let bash = run(&["completions", "bash"]);
    assert!(bash.status.success() && String::from_utf8_lossy(&bash.stdout).contains("_quotecheck"));
    let man = run(&["man"]);
    assert!(man.status.success() && String::from_utf8_lossy(&man.stdout).contains(".TH quotecheck"));
}
