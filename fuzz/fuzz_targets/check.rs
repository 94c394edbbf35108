#![no_main]
//! The whole check: the input split at its first 0xFF byte into an article
//! and a transcript, Check::run, and the reports. Every alignment's source
//! span and every difference's spans, every reported item's span, frame,
//! passage and evidence must lie within the article or the transcript, on
//! char boundaries; the JSON report must be valid JSON, and the Markdown
//! and CSV reports must be written.

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
    Document::from_bytes(name, text.as_bytes(), None, Format::Auto).ok()
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
    for (i, r) in check.reported.iter().enumerate() {
        let item = &r.item;
        assert!(
            item.span.lies_in(a) && !item.span.is_empty(),
            "item {i}: span {:?} (article len {})",
            item.span,
            a.len()
        );
        for f in &item.frame {
            assert!(
                f.lies_in(a) && item.span.start <= f.start && f.end <= item.span.end,
                "item {i}: frame {f:?} outside {:?}",
                item.span
            );
        }
        assert!(item.verb.lies_in(a), "item {i}: verb {:?}", item.verb);
        assert!(item.elsewhere.is_none_or(|e| e.lies_in(a)), "item {i}: elsewhere {:?}", item.elsewhere);
        assert!(item.quotes.iter().all(|&q| q < check.quotes.len()), "item {i}: quotes {:?}", item.quotes);
        assert!((0.0..=1.0 + 1e-9).contains(&r.similarity), "item {i}: similarity {}", r.similarity);
        assert_eq!(
            r.source.is_none(),
            r.verdict == quotecheck::reported::Verdict::Unsupported,
            "item {i}: a source unless unsupported"
        );
        if let Some(p) = r.source {
            assert!(
                p.span.lies_in(t) && p.transcript == 0,
                "item {i}: passage {:?} (transcript len {})",
                p.span,
                t.len()
            );
        }
        for (k, e) in r.evidence.iter().enumerate() {
            assert!(e.article.is_none_or(|s| s.lies_in(a)), "item {i} evidence {k}: article side {:?}", e.article);
            assert!(e.source.is_none_or(|s| s.lies_in(t)), "item {i} evidence {k}: source side {:?}", e.source);
        }
    }
    let report = Report {
        article: &article,
        transcripts: &transcripts,
        check: &check,
        verdicts: &[],
        judgements: &[],
        orphans: &[],
    };
    let mut out = Vec::new();
    report.write(report::Format::Json, &mut out).expect("writing to a Vec succeeds");
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&out) {
        panic!("the JSON report is not JSON: {e}");
    }
    for format in [report::Format::Markdown, report::Format::Csv] {
        let mut out = Vec::new();
        report.write(format, &mut out).expect("writing to a Vec succeeds");
    }
});
