//! Invariants shared by the `load_*` targets.
#![allow(dead_code)]

use quotecheck::document::{Document, Format, docx};
use quotecheck::text::Span;

/// Loads `bytes` as `name` in `format` and, when it loads, checks the
/// document's invariants (panicking when one is broken).
pub fn load_and_check(name: &str, bytes: &[u8], encoding: Option<&str>, format: Format) {
    let Ok(doc) = Document::from_bytes(name, bytes, encoding, format) else {
        return;
    };
    // Spans of a Word document are offsets into its word/document.xml,
    // everything else's into the bytes themselves.
    let original_len = if doc.format == Format::Docx {
        docx::body(bytes).map(|xml| xml.len()).expect("a loaded .docx has a body")
    } else {
        bytes.len()
    };
    check_document(&doc, original_len);
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Checks a loaded document; `original_len` is the length of the bytes its
/// original spans point into.
pub fn check_document(doc: &Document, original_len: usize) {
    let text = &doc.text;
    assert!(!text.trim().is_empty(), "a loaded document is not blank");

    // Turns: body (and label) within the text, on char boundaries; the
    // speaker index names a speaker.
    for (i, turn) in doc.turns.iter().enumerate() {
        assert!(
            turn.body.lies_in(text),
            "turn {i}: body {:?} out of text (len {}) or off a char boundary",
            turn.body,
            text.len()
        );
        if let Some(label) = turn.label {
            assert!(
                label.lies_in(text),
                "turn {i}: label {label:?} out of text (len {}) or off a char boundary",
                text.len()
            );
        }
        if let Some(s) = turn.speaker {
            assert!(s < doc.speakers.len(), "turn {i}: speaker {s} but only {} speakers", doc.speakers.len());
            let _ = doc.speaker(turn);
        }
        let _ = doc.slice(turn.body);
    }
    for &(at, _) in &doc.times {
        assert!(at <= text.len(), "time at {at} beyond text (len {})", text.len());
    }

    // Sample offsets: the eighths of the text, snapped to char boundaries.
    let mut points: Vec<usize> = (0..=8).map(|i| floor_boundary(text, text.len() * i / 8)).collect();
    points.dedup();
    let mut spans: Vec<Span> = points.windows(2).map(|w| Span::new(w[0], w[1])).collect();
    spans.push(Span::new(0, text.len()));
    spans.push(Span::new(0, 0));
    spans.push(Span::new(text.len(), text.len()));
    spans.extend(doc.turns.iter().take(16).map(|t| t.body));
    for span in spans {
        let original = doc.original_span(span);
        assert!(
            original.start <= original.end && original.end <= original_len,
            "original_span({span:?}) = {original:?}, outside the input (len {original_len}); text len {}",
            text.len()
        );
        let start = doc.original_start(span.start);
        let end = doc.original_end(span.end);
        assert!(
            start <= original_len && end <= original_len,
            "original_start/end({span:?}) = {start}/{end} > {original_len}"
        );
    }
    for &at in points.iter().chain(std::iter::once(&text.len())) {
        let line = doc.line_of(at);
        assert!(line >= 1, "line_of({at}) = {line}, lines are 1-based");
        let _ = doc.turn_at(at);
        let _ = doc.speaker_at(at);
        let _ = doc.time_at(at);
    }
}
