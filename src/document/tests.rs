use super::*;

fn doc(bytes: &[u8], encoding: Option<&str>) -> Result<Document, LoadError> {
    Document::from_bytes("t.txt", bytes, encoding, Format::Auto)
}

#[test]
fn utf8_text_maps_to_itself() {
    let d = doc(b"one\ntwo\n", None).expect("loads");
    assert_eq!(d.text, "one\ntwo\n");
    assert_eq!(d.original_span(Span::new(4, 7)), Span::new(4, 7));
    assert_eq!(d.line_of(4), 2);
    assert_eq!(d.line_of(0), 1);
}

#[test]
fn a_byte_order_mark_shifts_offsets_and_crlf_is_kept() {
    let d = doc(b"\xEF\xBB\xBFone\r\ntwo", None).expect("loads");
    assert_eq!(d.text, "one\r\ntwo");
    assert_eq!(d.original_span(Span::new(5, 8)), Span::new(8, 11));
    assert_eq!(d.line_of(5), 2);
}

#[test]
fn windows_1252_decodes_with_offsets_in_the_original_bytes() {
    // "café “x”" in windows-1252: é, “ and ” are one byte each.
    let bytes = b"caf\xE9 \x93x\x94 end";
    let d = doc(bytes, Some("windows-1252")).expect("loads");
    assert_eq!(d.text, "café “x” end");
    let x = d.text.find('x').expect("x");
    assert_eq!(d.original_span(Span::new(x, x + 1)), Span::new(6, 7));
    let end = d.text.find("end").expect("end");
    assert_eq!(d.original_span(Span::new(end, end + 3)), Span::new(9, 12));
    let e = d.text.find('é').expect("é");
    assert_eq!(d.original_span(Span::new(e, e + 2)), Span::new(3, 4));
}

#[test]
fn utf16_with_a_byte_order_mark_is_recognised() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "hi\nyou".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let d = doc(&bytes, None).expect("loads");
    assert_eq!(d.text, "hi\nyou");
    let you = d.text.find("you").expect("you");
    assert_eq!(d.original_span(Span::new(you, you + 3)), Span::new(8, 14));
    assert_eq!(d.line_of(you), 2);
}

#[test]
fn a_utf8_file_stays_utf8_whatever_encoding_is_named() {
    let d = doc("naïve".as_bytes(), Some("windows-1252")).expect("loads");
    assert_eq!(d.text, "naïve");
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    let cases: [(&[u8], Option<&str>, &str); 6] = [
        (b"", None, "is empty"),
        (b" \n\t\n", None, "holds only whitespace"),
        (b"text\0more", None, "is a binary file (NUL byte at offset 4), not text"),
        (
            b"caf\xE9",
            None,
            "is not UTF-8 (byte 0xE9 at offset 3); name its encoding with --encoding, e.g. --encoding windows-1252",
        ),
        (b"abc", Some("klingon"), "unknown encoding \"klingon\" (try utf-8, windows-1252, iso-8859-1, utf-16le)"),
        (
            b"\xEF\xBB\xBFok\xFF",
            None,
            "is not UTF-8 (byte 0xFF at offset 5); name its encoding with --encoding, e.g. --encoding windows-1252",
        ),
    ];
    for (bytes, encoding, message) in cases {
        let err = doc(bytes, encoding).err().expect("refused");
        assert_eq!(err.to_string(), message, "{bytes:?}");
    }
}

#[test]
fn load_names_the_file() {
    let err = load("/no/such/file.txt", None, Format::Auto).err().expect("refused");
    assert_eq!(err.to_string(), "/no/such/file.txt: no such file");
    let dir = std::env::temp_dir();
    let err = load(dir.to_str().expect("utf-8 temp dir"), None, Format::Auto).err().expect("refused");
    assert!(err.to_string().ends_with(": is a directory, not a file"), "{err}");
}

#[test]
fn speaker_turns_come_with_the_document() {
    let d = Document::from_text("t", "Q: Why?\nA: Because.\n");
    let because = d.text.find("Because").expect("found");
    let turn = d.turn_at(because).expect("a turn");
    assert_eq!(d.speaker(turn), Some("A"));
}
