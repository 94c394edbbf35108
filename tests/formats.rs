//! The sample pair in the shapes transcripts and articles really arrive
//! in — captions, a web page, a Word document — must be checked as the
//! plain text is; speakers and times must come through; and a quote the
//! transcript gives to someone else must say so.

mod common;

use std::fmt::Write as _;
use std::io::Write as _;

use common::{json_report, offset, path, temp_file};
use serde_json::Value;

/// The turns of the sample transcript: (speaker, words).
fn sample_turns() -> Vec<(Option<String>, String)> {
    let text = std::fs::read_to_string(path("assets/transcript.txt")).expect("transcript");
    let mut turns: Vec<(Option<String>, String)> = Vec::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        match para.split_once(": ") {
            Some((name, words)) if name == "Question" || name == "Sergey Lavrov" => {
                turns.push((Some(name.to_owned()), words.to_owned()));
            }
            _ => match turns.last_mut() {
                Some((_, words)) => {
                    words.push(' ');
                    words.push_str(para);
                }
                None => turns.push((None, para.to_owned())),
            },
        }
    }
    turns
}

fn clock(ms: u64, sep: char) -> String {
    format!("{:02}:{:02}:{:02}{sep}{:03}", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
}

/// The sample transcript as captions: cues of a dozen words, four seconds
/// each, the speaker given once per turn (`<v Name>` or `>> Name:`).
fn captions(vtt: bool) -> String {
    let mut out = if vtt { "WEBVTT\n\n".to_owned() } else { String::new() };
    let mut at = 0u64;
    let mut n = 1;
    for (speaker, words) in sample_turns() {
        let words: Vec<&str> = words.split_whitespace().collect();
        for (i, cue) in words.chunks(12).enumerate() {
            let sep = if vtt { '.' } else { ',' };
            if !vtt {
                let _ = writeln!(out, "{n}");
            }
            let _ = writeln!(out, "{} --> {}", clock(at, sep), clock(at + 4000, sep));
            let line = cue.join(" ");
            let _ = match (&speaker, i, vtt) {
                (Some(name), _, true) => write!(out, "<v {name}>{line}\n\n"),
                (Some(name), 0, false) => write!(out, ">> {name}: {line}\n\n"),
                _ => write!(out, "{line}\n\n"),
            };
            at += 4000;
            n += 1;
        }
    }
    out
}

/// How captions mark a change of speaker.
#[derive(Clone, Copy, Debug)]
enum Marker {
    /// `- ` at the start of a line (SubRip).
    Dash,
    /// `>> ` at the start of a line.
    Chevrons,
    /// `<v Name>` (WebVTT).
    Voice,
}

/// The sample transcript as captions whose speaker changes are marked
/// only from turn `from` on: the opening turns run unmarked, as when a
/// captioner starts marking at the first change they hear.
fn captions_marked_from(marker: Marker, from: usize) -> String {
    let vtt = matches!(marker, Marker::Voice);
    let mut out = if vtt { "WEBVTT\n\n".to_owned() } else { String::new() };
    let mut at = 0u64;
    for (turn, (speaker, words)) in sample_turns().into_iter().enumerate() {
        let words: Vec<&str> = words.split_whitespace().collect();
        for (i, cue) in words.chunks(10).enumerate() {
            let sep = if vtt { '.' } else { ',' };
            let _ = writeln!(out, "{} --> {}", clock(at, sep), clock(at + 3000, sep));
            let line = cue.join(" ");
            let name = speaker.as_deref().unwrap_or("Host");
            let _ = match (turn >= from && i == 0, marker) {
                (false, _) => write!(out, "{line}\n\n"),
                (true, Marker::Dash) => write!(out, "- {line}\n\n"),
                (true, Marker::Chevrons) => write!(out, ">> {line}\n\n"),
                (true, Marker::Voice) => write!(out, "<v {name}>{line}\n\n"),
            };
            at += 3000;
        }
    }
    out
}

#[test]
fn words_said_before_the_first_speaker_change_in_captions_are_matched() {
    let text = json_report(&[&path("assets/article.txt"), &path("assets/transcript.txt")]);
    let dir = tempfile::tempdir().expect("temp dir");
    let turns = sample_turns().len();
    for marker in [Marker::Dash, Marker::Chevrons, Marker::Voice] {
        // Marked from the second turn, from the middle, and never.
        for from in [1, turns / 2, turns] {
            let name = if matches!(marker, Marker::Voice) { "t.vtt" } else { "t.srt" };
            let file = temp_file(dir.path(), name, captions_marked_from(marker, from).as_bytes());
            let report = json_report(&[&path("assets/article.txt"), &file]);
            assert_eq!(categories(&report), categories(&text), "{marker:?} from turn {from}");
        }
    }
}

fn categories(report: &Value) -> Vec<String> {
    report["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| q["category"].as_str().expect("category").to_owned())
        .collect()
}

#[test]
fn the_sample_in_captions_is_checked_as_the_text_is_with_a_time_on_every_source() {
    let text = json_report(&[&path("assets/article.txt"), &path("assets/transcript.txt")]);
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, vtt) in [("transcript.vtt", true), ("transcript.srt", false)] {
        let file = temp_file(dir.path(), name, captions(vtt).as_bytes());
        let report = json_report(&[&path("assets/article.txt"), &file]);
        assert_eq!(categories(&report), categories(&text), "{name}");
        let bytes = std::fs::read(&file).expect("captions");
        for q in report["quotes"].as_array().expect("quotes") {
            let source = &q["source"];
            assert!(source["timestamp"].as_str().is_some_and(|t| t.len() == 12), "{name}: {q}");
            assert_eq!(source["speaker"], "Sergey Lavrov", "{name}: {}", q["text"]);
            assert_eq!(q["attribution"], "match", "{name}: {}", q["text"]);
            // Offsets point into the caption file.
            let (s, e) = (offset(&source["start"]), offset(&source["end"]));
            let words = |t: &str| {
                t.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            };
            let found = String::from_utf8_lossy(&bytes[s..e]).into_owned();
            let source_words = words(source["text"].as_str().expect("text"));
            assert_eq!(words(&found).first(), source_words.first(), "{name}: {found:?}");
        }
    }
}

#[test]
fn the_sample_article_as_a_web_page_is_checked_as_the_text_is() {
    let text = json_report(&[&path("assets/article.txt"), &path("assets/transcript.txt")]);
    let article = std::fs::read_to_string(path("assets/article.txt")).expect("article");
    let mut body = String::new();
    for p in article.split("\n\n") {
        let _ = writeln!(body, "<p>{}</p>", p.replace('&', "&amp;").replace('"', "&quot;"));
    }
    let page = format!(
        "<!DOCTYPE html><html><head><title>Lavrov</title><script>var q = \"not a quote\";</script></head>\
         <body><nav class=\"site-nav\"><a href=/>\"Home\"</a></nav><article>{body}</article>\
         <aside>\"Related\" stories</aside><footer>© Reuters</footer></body></html>"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = temp_file(dir.path(), "article.html", page.as_bytes());
    let report = json_report(&[&file, &path("assets/transcript.txt")]);
    assert_eq!(categories(&report), categories(&text));
    for q in report["quotes"].as_array().expect("quotes") {
        let (s, e) = (offset(&q["article"]["start"]), offset(&q["article"]["end"]));
        let raw = &page[s..e];
        let decoded = raw.replace("&quot;", "\"").replace("&amp;", "&");
        assert_eq!(decoded, q["text"].as_str().expect("text"), "offsets point into the page");
    }
}

/// A minimal Word package whose body holds one paragraph per element.
fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        let text = p.replace('&', "&amp;").replace('<', "&lt;");
        let _ = write!(body, "<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>");
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut out = Vec::new();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).expect("entry");
    zip.write_all(xml.as_bytes()).expect("written");
    zip.finish().expect("finished");
    out
}

#[test]
fn the_sample_transcript_as_a_word_document_is_checked_as_the_text_is() {
    let text = json_report(&[&path("assets/article.txt"), &path("assets/transcript.txt")]);
    let transcript = std::fs::read_to_string(path("assets/transcript.txt")).expect("transcript");
    let paragraphs: Vec<&str> = transcript.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = temp_file(dir.path(), "transcript.docx", &docx(&paragraphs));
    let report = json_report(&[&path("assets/article.txt"), &file]);
    assert_eq!(categories(&report), categories(&text));
    for q in report["quotes"].as_array().expect("quotes") {
        assert_eq!(q["source"]["speaker"], "Sergey Lavrov");
    }
}

#[test]
fn words_only_in_the_interviewers_question_are_a_mismatch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let transcript = temp_file(
        dir.path(),
        "interview.txt",
        b"INTERVIEWER: Is this a war against the whole Western world?\n\n\
          MINISTER KOVAC: No. We defend our borders, nothing more.\n\n\
          INTERVIEWER: And the sanctions?\n\n\
          MINISTER KOVAC: They hurt everyone, and they will not change our course.\n",
    );
    let article = temp_file(
        dir.path(),
        "article.txt",
        "Kovac denied that his country was fighting \u{201c}a war against the whole Western world\u{201d}.\n\n\
         \u{201c}They hurt everyone,\u{201d} Kovac said.\n"
            .as_bytes(),
    );
    let report = json_report(&[&article, &transcript]);
    let quotes = report["quotes"].as_array().expect("quotes");
    assert_eq!(quotes[0]["attributed_to"], "Kovac");
    assert_eq!(quotes[0]["source"]["speaker"], "INTERVIEWER");
    assert_eq!(quotes[0]["attribution"], "mismatch");
    assert_eq!(quotes[1]["attribution"], "match");
    let md = common::run(&["check", &article, &transcript]);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.contains(
            "**⚠ Attribution mismatch:** the article credits Kovac; the transcript gives these words to INTERVIEWER."
        ),
        "{md}"
    );
}

#[test]
fn several_transcripts_each_source_names_its_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let speech = temp_file(dir.path(), "speech.txt", b"We will build the bridge by spring, whatever the weather.\n");
    let presser = temp_file(
        dir.path(),
        "presser.txt",
        b"Q: When?\n\nMAYOR: The budget is signed and the cranes arrive on Monday.\n",
    );
    let article = temp_file(
        dir.path(),
        "article.txt",
        "The mayor promised to \u{201c}build the bridge by spring\u{201d}, adding later that \u{201c}the cranes arrive on Monday\u{201d}.\n"
            .as_bytes(),
    );
    let report = json_report(&[&article, &speech, &presser]);
    let quotes = report["quotes"].as_array().expect("quotes");
    assert_eq!(
        (quotes[0]["source"]["transcript"].as_u64(), quotes[1]["source"]["transcript"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(report["transcripts"].as_array().map(Vec::len), Some(2));
}

#[test]
fn an_elision_that_drops_a_negation_is_flagged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let transcript =
        temp_file(dir.path(), "t.txt", b"We will not, under any circumstances, raise taxes on families.\n");
    let article = temp_file(
        dir.path(),
        "a.txt",
        "She said: \u{201c}We will \u{2026} raise taxes on families.\u{201d}\n".as_bytes(),
    );
    let report = json_report(&[&article, &transcript]);
    let q = &report["quotes"][0];
    assert_eq!(q["category"], "verbatim");
    assert_eq!(q["warnings"][0], "the elision leaves out “not” (a negation)");
    assert_eq!(q["differences"][0]["warning"], q["warnings"][0]);
    assert!(
        q["context"]["before"].is_null() && q["context"]["after"].is_null(),
        "a one-sentence transcript: {}",
        q["context"]
    );
}

#[test]
fn youtube_auto_captions_without_punctuation_or_capitals_still_align() {
    // Rolling two-line cues, inline word timings, no punctuation, no capitals.
    let vtt = "WEBVTT\nKind: captions\nLanguage: en\n\n\
        00:00:01.000 --> 00:00:03.000 align:start position:0%\n\
        we<00:00:01.400><c> would</c><00:00:01.700><c> like</c><00:00:02.000><c> to</c><00:00:02.300><c> have</c>\n\n\
        00:00:03.000 --> 00:00:03.010 align:start position:0%\nwe would like to have\n \n\n\
        00:00:03.010 --> 00:00:05.000 align:start position:0%\nwe would like to have\n\
        normal<00:00:03.400><c> relations</c><00:00:03.800><c> with</c><00:00:04.200><c> all</c><00:00:04.600><c> our</c>\n\n\
        00:00:05.000 --> 00:00:07.000 align:start position:0%\nnormal relations with all our\n\
        neighbors<00:00:05.500><c> of</c><00:00:06.000><c> course</c>\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let transcript = temp_file(dir.path(), "auto.en.vtt", vtt.as_bytes());
    let article = temp_file(
        dir.path(),
        "a.txt",
        "\u{201c}We would like to have normal relations with all our neighbours, of course,\u{201d} he said.\n"
            .as_bytes(),
    );
    let report = json_report(&[&article, &transcript]);
    let q = &report["quotes"][0];
    assert_eq!(q["category"], "verbatim", "{q}");
    assert_eq!(q["source"]["text"], "we would like to have normal relations with all our neighbors of course");
    assert_eq!(q["source"]["timestamp"], "00:00:01.000");
    assert_eq!(q["differences"][0]["kind"], "variant");
}

#[test]
fn a_quote_that_drops_the_negation_before_it_is_flagged_but_a_fragment_is_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let transcript = temp_file(
        dir.path(),
        "t.txt",
        b"So we don't have any intention to exterminate Ukrainian people. Westerners don't believe that Russia has red lines.\n",
    );
    let article = temp_file(
        dir.path(),
        "a.txt",
        "\u{201c}We will exterminate Ukrainian people,\u{201d} he said. He spoke of \u{201c}red lines\u{201d}.\n"
            .as_bytes(),
    );
    let report = json_report(&[&article, &transcript]);
    let quotes = report["quotes"].as_array().expect("quotes");
    assert_eq!(quotes[0]["category"], "altered");
    assert_eq!(quotes[0]["warnings"][0], "the passage follows a negation the quote leaves out (“don't”)");
    assert_eq!(quotes[1]["warnings"].as_array().map(Vec::len), Some(0), "a fragment carries no claim to negate");
}
