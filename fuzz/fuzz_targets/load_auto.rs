#![no_main]
//! Document::from_bytes with Format::Auto. The first byte picks the file
//! name's extension (byte % 5) and the --encoding (byte / 5 % 4: none,
//! none, windows-1252, utf-16le); the rest is the file.

use libfuzzer_sys::fuzz_target;
use quotecheck::document::Format;

mod common;

const NAMES: [&str; 5] = ["fuzz.txt", "fuzz.srt", "fuzz.vtt", "fuzz.html", "fuzz.docx"];
const ENCODINGS: [Option<&str>; 4] = [None, None, Some("windows-1252"), Some("utf-16le")];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(first) % NAMES.len()];
    let encoding = ENCODINGS[usize::from(first) / NAMES.len() % ENCODINGS.len()];
    common::load_and_check(name, rest, encoding, Format::Auto);
});
