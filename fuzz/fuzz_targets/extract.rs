#![no_main]
//! quote::extract on arbitrary text: every quote's span lies within the
//! text, on char boundaries and inside its marked span; quotes come sorted
//! by where their marks start.

use libfuzzer_sys::fuzz_target;
use quotecheck::quote;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let quotes = quote::extract(&text);
    for (i, q) in quotes.iter().enumerate() {
        assert!(
            q.span.lies_in(&text),
            "quote {i}: span {:?} out of text (len {}) or off a char boundary",
            q.span,
            text.len()
        );
        assert!(
            q.marked.lies_in(&text),
            "quote {i}: marked {:?} out of text (len {}) or off a char boundary",
            q.marked,
            text.len()
        );
        assert!(
            q.marked.start <= q.span.start && q.span.end <= q.marked.end,
            "quote {i}: span {:?} not inside marked {:?}",
            q.span,
            q.marked
        );
        if let Some(e) = q.elsewhere {
            assert!(
                e.lies_in(&text),
                "quote {i}: elsewhere {e:?} out of text (len {}) or off a char boundary",
                text.len()
            );
        }
    }
    for (i, w) in quotes.windows(2).enumerate() {
        assert!(
            w[0].marked.start <= w[1].marked.start,
            "quotes {i} and {} out of order: {:?} then {:?}",
            i + 1,
            w[0].marked,
            w[1].marked
        );
    }
});
