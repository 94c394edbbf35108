#![no_main]
//! Document::from_bytes as Format::Vtt, then the document's invariants.

use libfuzzer_sys::fuzz_target;
use quotecheck::document::Format;

mod common;

fuzz_target!(|data: &[u8]| {
    common::load_and_check("fuzz.vtt", data, None, Format::Vtt);
});
