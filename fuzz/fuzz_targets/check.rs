#![no_main]
//! The whole check: the input split at its first 0xFF byte into an article
//! and a transcript, Check::run, and the JSON report. Every alignment's
//! source span and every difference's spans must lie within the transcript
//! or the article, on char boundaries; the report must be valid JSON.

use libfuzzer_sys::fuzz_target;
use quotecheck::Check;
use quotecheck::document::{Document, Format};
use quotecheck::report::{self, Report};

/// What Document::from_text does, without its documented panic on text
/// that loads as blank (e.g. a lone HTML tag).
fn document(name: &str, text: &str) -> Option<Document> {
    if text.trim().is_empty() {
        return None;
    }
    Document::from_bytes(name, text.as_bytes().to_vec(), None, Format::Auto).ok()
}

fuzz_target!(|data: &[u8]| {
    let Some(split) = data.iter().position(|&b| b == 0xFF) else {
        return;
    };
    let article = String::from_utf8_lossy(&data[..split]);
    let transcript = String::from_utf8_lossy(&data[split + 1..]);
    let (Some(article), Some(transcript)) =
        (document("article.txt", &article), document("transcript.txt", &transcript))
    else {
        return;
    };
    let transcripts = [transcript];
    let check = Check::run(&article, &transcripts);
    let a = &article.text;
    let t = &transcripts[0].text;
    for (i, c) in check.quotes.iter().enumerate() {
        assert!(c.quote.span.lies_in(a), "quote {i}: span {:?} outside the article (len {})", c.quote.span, a.len());
        assert!((0.0..=1.0).contains(&c.similarity), "quote {i}: similarity {} outside 0..=1", c.similarity);
        for (j, al) in c.candidates.iter().enumerate() {
            assert_eq!(al.transcript, 0, "quote {i} candidate {j}: transcript index");
            assert!(
                al.source.lies_in(t),
                "quote {i} candidate {j}: source {:?} outside the transcript (len {}) or off a char boundary",
                al.source,
                t.len()
            );
            for (k, d) in al.differences.iter().enumerate() {
                if let Some(q) = d.quote {
                    assert!(
                        q.lies_in(a),
                        "quote {i} candidate {j} difference {k} ({:?}): quote side {q:?} outside the article (len {}) or off a char boundary",
                        d.kind,
                        a.len()
                    );
                }
                if let Some(s) = d.source {
                    assert!(
                        s.lies_in(t),
                        "quote {i} candidate {j} difference {k} ({:?}): source side {s:?} outside the transcript (len {}) or off a char boundary",
                        d.kind,
                        t.len()
                    );
                }
                assert!(
                    d.at <= a.len(),
                    "quote {i} candidate {j} difference {k}: at {} beyond the article (len {})",
                    d.at,
                    a.len()
                );
            }
        }
    }
    let mut out = Vec::new();
    Report { article: &article, transcripts: &transcripts, check: &check, verdicts: &[], orphans: &[] }
        .write(report::Format::Json, &mut out)
        .expect("writing to a Vec succeeds");
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&out) {
        panic!("the JSON report is not JSON: {e}");
    }
});
