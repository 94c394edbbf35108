//! Word documents: the body text, with tracked changes taken as accepted.
//!
//! A `.docx` file is a zip package; its text is in `word/document.xml`.
//! Runs of text (`<w:t>`) are read in order, paragraphs (`<w:p>`) end with
//! a blank line, tabs and breaks become blanks and line ends. Insertions
//! (`<w:ins>`) are read, deletions (`<w:del>`, `<w:moveFrom>`) are not, and
//! a warning says that revisions were taken as accepted.
//!
//! Offsets into a compressed package would point nowhere: spans of a Word
//! document are byte offsets into its `word/document.xml`.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::build::{Builder, Built};

/// The part of the package that holds the text.
pub const BODY: &str = "word/document.xml";

/// The largest `document.xml` read (a guard against zip bombs).
const LIMIT: u64 = 512 << 20;

/// Why a Word document could not be read.
#[derive(Debug)]
pub enum DocxError {
    /// Not a zip package.
    NotZip(String),
    /// A zip package without `word/document.xml`.
    NoBody,
    /// The body is not UTF-8 XML quotecheck can read.
    BadXml(String),
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotZip(why) => write!(f, "is not a Word (.docx) package ({why})"),
            Self::NoBody => write!(f, "is a zip package without {BODY}, so not a Word document"),
            Self::BadXml(why) => write!(f, "has a {BODY} quotecheck cannot read ({why})"),
        }
    }
}

/// The `word/document.xml` of a package.
///
/// # Errors
/// When the bytes are not a zip package holding a UTF-8 body.
pub fn body(package: &[u8]) -> Result<String, DocxError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).map_err(|e| DocxError::NotZip(e.to_string()))?;
    let file = archive.by_name(BODY).map_err(|_| DocxError::NoBody)?;
    let mut xml = String::new();
    file.take(LIMIT).read_to_string(&mut xml).map_err(|e| DocxError::BadXml(e.to_string()))?;
    Ok(xml)
}

/// True when bytes open like a zip package.
#[must_use]
pub fn sniff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads the text of a `document.xml`.
///
/// # Errors
/// When the XML is malformed.
pub fn parse(xml: &str) -> Result<Built, DocxError> {
    let mut b = Builder::new(xml);
    let mut reader = Reader::from_str(xml);
    let mut in_text = false;
    let mut deleted = 0usize;
    let mut revised = false;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let event = reader.read_event().map_err(|e| DocxError::BadXml(e.to_string()))?;
        let after = usize::try_from(reader.buffer_position()).unwrap_or(before).min(xml.len());
        match event {
            Event::Eof => break,
            Event::Start(tag) => match tag.name().into_inner() {
                "w:t" => in_text = true,
                "w:del" | "w:moveFrom" => {
                    deleted += 1;
                    revised = true;
                }
                "w:ins" | "w:moveTo" => revised = true,
                _ => {}
            },
            Event::End(tag) => match tag.name().into_inner() {
                "w:t" => in_text = false,
                "w:p" if deleted == 0 => b.paragraph(),
                "w:del" | "w:moveFrom" => deleted = deleted.saturating_sub(1),
                _ => {}
            },
            Event::Empty(tag) if deleted == 0 => match tag.name().into_inner() {
                "w:tab" => b.put("\t", before, after),
                "w:br" | "w:cr" => b.line(),
                "w:p" => b.paragraph(),
                _ => {}
            },
            Event::Text(_) | Event::GeneralRef(_)
                if in_text && deleted == 0 && xml.is_char_boundary(before) && xml.is_char_boundary(after) =>
            {
                b.copy_markup(before, after);
            }
            _ => {}
        }
    }
    if revised {
        b.warn("the document has tracked changes: they are read as accepted (insertions in, deletions out)".to_owned());
    }
    b.paragraph();
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A minimal .docx package holding `document` as its body.
    pub(crate) fn package(document: &str) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut out));
            let options = zip::write::SimpleFileOptions::default();
            zip.start_file("[Content_Types].xml", options).expect("entry");
            zip.write_all(b"<?xml version=\"1.0\"?><Types/>").expect("written");
            zip.start_file(BODY, options).expect("entry");
            zip.write_all(document.as_bytes()).expect("written");
            zip.finish().expect("finished");
        }
        out
    }

    const DOC: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="x"><w:body>
<w:p><w:r><w:t>Question: Are you at war?</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Sergey Lavrov: We </w:t></w:r><w:del><w:r><w:delText>never</w:delText></w:r></w:del><w:ins><w:r><w:t>would</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> like peace &amp; quiet.</w:t></w:r></w:p>
</w:body></w:document>"#;

    #[test]
    fn the_body_with_revisions_accepted_and_a_warning() {
        let xml = body(&package(DOC)).expect("a package");
        let built = parse(&xml).expect("readable");
        assert_eq!(built.text, "Question: Are you at war?\n\nSergey Lavrov: We would like peace & quiet.");
        assert_eq!(built.warnings.len(), 1);
        let would = built.text.find("would").expect("found");
        assert_eq!(&xml[built.map.start(would)..built.map.end(would + 5)], "would");
    }

    #[test]
    fn other_zips_and_garbage_are_refused() {
        assert!(matches!(body(b"not a zip"), Err(DocxError::NotZip(_))));
        let mut other = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut other));
            zip.start_file("a.txt", zip::write::SimpleFileOptions::default()).expect("entry");
            zip.finish().expect("finished");
        }
        assert!(matches!(body(&other), Err(DocxError::NoBody)));
    }
}
