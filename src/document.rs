//! Loading documents: the bytes of a file (or standard input) become text,
//! with every offset in that text mapped back to a byte offset in the
//! original file, a line index, the speaker turns of a transcript and,
//! for timed transcripts, when each word was said.
//!
//! Two maps compose. Decoding: a UTF-8 file is used as it is (a
//! byte-order mark is skipped, CRLF line ends are kept); a file in another
//! encoding (`--encoding windows-1252`, or UTF-16 found by its byte-order
//! mark) is decoded piece by piece, keeping where each character came from.
//! Format: plain and speaker-labelled text is read as it is; captions, web
//! pages and Word documents are assembled from pieces of their source (see
//! [`build`]), keeping where each piece came from.

pub mod build;
pub mod captions;
pub mod docx;
pub mod html;
mod speakers;

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

use encoding_rs::Encoding;
use sha2::{Digest, Sha256};

use crate::text::Span;

pub use speakers::{Labels, is_questioner, is_role, labels, same_speaker};

/// A stretch of a transcript spoken by one speaker (or by no known one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// The spoken words, after the label.
    pub body: Span,
    /// The label that names the speaker, if any.
    pub label: Option<Span>,
    /// The speaker, as an index into the document's speakers.
    pub speaker: Option<usize>,
    /// When the turn starts, in milliseconds, for timed transcripts.
    pub time: Option<u64>,
}

/// How a document is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Decide from the file's name and content.
    #[default]
    Auto,
    /// Plain text, no speaker labels.
    Text,
    /// Text whose lines open with speaker labels.
    Speakers,
    /// SubRip captions (`.srt`).
    Srt,
    /// WebVTT captions (`.vtt`), YouTube's automatic ones included.
    Vtt,
    /// A web page.
    Html,
    /// A Word document (`.docx`).
    Docx,
}

impl Format {
    /// The format's name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Text => "text",
            Self::Speakers => "speakers",
            Self::Srt => "srt",
            Self::Vtt => "vtt",
            Self::Html => "html",
            Self::Docx => "docx",
        }
    }

    /// The format a file name says, if it says one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "srt" => Self::Srt,
            "vtt" | "webvtt" => Self::Vtt,
            "html" | "htm" | "xhtml" => Self::Html,
            "docx" => Self::Docx,
            _ => return None,
        })
    }

    /// The format text looks like: captions by their timings, a page by
    /// its tags, else text (with speakers if it has labels).
    #[must_use]
    pub fn sniff(text: &str) -> Self {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("WEBVTT") {
            return Self::Vtt;
        }
        let mut lines = head.lines().map(str::trim).filter(|l| !l.is_empty());
        if let (Some(first), Some(second)) = (lines.next(), lines.next())
            && first.bytes().all(|b| b.is_ascii_digit())
            && second.contains("-->")
        {
            return Self::Srt;
        }
        if html::sniff(text) {
            return Self::Html;
        }
        Self::Auto
    }
}

/// A loaded article or transcript.
pub struct Document {
    /// The path as the user gave it (`-` for standard input).
    pub name: String,
    /// Hex sha256 of the original bytes.
    pub sha256: String,
    /// The text every engine span points into.
    pub text: String,
    /// How the document was read.
    pub format: Format,
    /// Text offsets to offsets of the decoded source (identity for text).
    source: OffsetMap,
    /// Decoded source offsets to original bytes.
    decode: OffsetMap,
    /// Byte offsets (in the original file) where each line starts.
    line_starts: Vec<usize>,
    /// Length of the original file in bytes.
    original_len: usize,
    /// Speaker turns (one turn without a speaker when there are no labels).
    pub turns: Vec<Turn>,
    /// The names of the speakers the turns refer to.
    pub speakers: Vec<String>,
    /// When words were said: milliseconds at text offsets, in order.
    pub times: Vec<(usize, u64)>,
    /// Things the reader should know about how the document was read.
    pub warnings: Vec<String>,
}

/// Why a document could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The path does not exist.
    Missing,
    /// The path is a directory.
    Directory,
    /// The file could not be read.
    Unreadable(io::Error),
    /// The file holds no bytes.
    Empty,
    /// The file holds only whitespace (or its format holds no text).
    Blank,
    /// The file holds a NUL byte: it is not text.
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The file is not valid UTF-8 and no `--encoding` was given.
    NotUtf8 {
        /// Offset of the first byte that is not part of valid UTF-8.
        offset: usize,
        /// That byte.
        byte: u8,
    },
    /// `--encoding` names no encoding.
    UnknownEncoding(String),
    /// The file is too large to index (offsets are 32-bit).
    TooLarge,
    /// A Word document that cannot be read.
    Docx(docx::DocxError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => write!(f, "no such file"),
            Self::Directory => write!(f, "is a directory, not a file"),
            Self::Unreadable(err) => write!(f, "cannot be read: {err}"),
            Self::Empty => write!(f, "is empty"),
            Self::Blank => write!(f, "holds only whitespace"),
            Self::Binary { offset } => write!(f, "is a binary file (NUL byte at offset {offset}), not text"),
            Self::NotUtf8 { offset, byte } => write!(
                f,
                "is not UTF-8 (byte 0x{byte:02X} at offset {offset}); name its encoding with --encoding, e.g. --encoding windows-1252"
            ),
            Self::UnknownEncoding(label) => {
                write!(f, "unknown encoding {label:?} (try utf-8, windows-1252, iso-8859-1, utf-16le)")
            }
            Self::TooLarge => write!(f, "is larger than 4 GiB"),
            Self::Docx(err) => write!(f, "{err}"),
        }
    }
}

/// A load error together with the file it concerns: displays as
/// `article.txt: is empty`.
#[derive(Debug)]
pub struct DocumentError {
    /// The path as the user gave it.
    pub name: String,
    /// What went wrong.
    pub error: LoadError,
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.error)
    }
}

impl std::error::Error for DocumentError {}

/// Reads a document from a path, or from standard input when the path is
/// `-`. `encoding` is an `--encoding` label; without one, UTF-8 is required
/// (UTF-16 with a byte-order mark is recognised).
///
/// # Errors
/// A [`DocumentError`] naming the file and the problem.
pub fn load(path: &str, encoding: Option<&str>, format: Format) -> Result<Document, DocumentError> {
    let shown = if path == "-" { "standard input" } else { path };
    let fail = |error| DocumentError { name: shown.to_owned(), error };
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes).map_err(|e| fail(LoadError::Unreadable(e)))?;
        bytes
    } else {
        read_file(Path::new(path)).map_err(fail)?
    };
    Document::from_bytes(path, &bytes, encoding, format).map_err(fail)
}

fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(LoadError::Missing),
        Err(e) => return Err(LoadError::Unreadable(e)),
        Ok(meta) if meta.is_dir() => return Err(LoadError::Directory),
        Ok(meta) if meta.len() > u64::from(u32::MAX) => return Err(LoadError::TooLarge),
        Ok(_) => {}
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => LoadError::Missing,
        io::ErrorKind::IsADirectory => LoadError::Directory,
        _ => LoadError::Unreadable(e),
    })
}

/// Decoded text, its map to the original bytes and the original's lines.
type Decoded = (String, OffsetMap, Vec<usize>);

/// Decodes bytes as UTF-8, UTF-16 by its byte-order mark, or the encoding
/// named with `--encoding` (for files that are not UTF-8).
fn decode(bytes: &[u8], chosen: Option<&'static Encoding>) -> Result<Decoded, LoadError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        // A byte-order mark is the surest evidence of all.
        if enc == encoding_rs::UTF_8 {
            let line_starts = line_starts_ascii(bytes);
            return Ok((utf8(bytes, bom_len)?, OffsetMap::Shift(bom_len), line_starts));
        }
        return Ok(decode_other(bytes, enc, bom_len));
    }
    let nul = memchr::memchr(0, bytes);
    let text = utf8(bytes, 0);
    let named_utf8 = chosen.is_some_and(|e| e == encoding_rs::UTF_8);
    match (chosen, nul) {
        // A UTF-8 file stays UTF-8 whatever --encoding names: the flag is
        // for the files that are not.
        _ if (text.is_ok() && nul.is_none()) || named_utf8 => {
            let line_starts = line_starts_ascii(bytes);
            Ok((text?, OffsetMap::Shift(0), line_starts))
        }
        (Some(enc), _) => Ok(decode_other(bytes, enc, 0)),
        (None, Some(offset)) => Err(LoadError::Binary { offset }),
        (None, None) => Err(text.expect_err("invalid UTF-8")),
    }
}

impl Document {
    /// Reads `bytes` into a document named `name`, in a format (or the
    /// format its name and content say).
    ///
    /// # Errors
    /// A [`LoadError`] when the bytes are empty, blank, binary, not in the
    /// expected encoding or format, or too large.
    pub fn from_bytes(name: &str, bytes: &[u8], encoding: Option<&str>, format: Format) -> Result<Self, LoadError> {
        if bytes.is_empty() {
            return Err(LoadError::Empty);
        }
        if u32::try_from(bytes.len()).is_err() {
            return Err(LoadError::TooLarge);
        }
        let digest = || hex(&Sha256::digest(bytes));
        // A long file's digest is worked out on another core as it is read.
        let (sha256, read) = if crate::parallel::threads_for(bytes.len()) == 1 {
            (digest(), Self::read(name, bytes, encoding, format))
        } else {
            std::thread::scope(|scope| {
                let sha256 = scope.spawn(digest);
                let read = Self::read(name, bytes, encoding, format);
                (crate::parallel::join(sha256), read)
            })
        };
        Ok(Self { sha256, ..read? })
    }

    /// [`Document::from_bytes`] but for the digest, left empty.
    fn read(name: &str, bytes: &[u8], encoding: Option<&str>, format: Format) -> Result<Self, LoadError> {
        let chosen = match encoding {
            Some(label) => Some(
                Encoding::for_label(label.trim().as_bytes())
                    .ok_or_else(|| LoadError::UnknownEncoding(label.to_owned()))?,
            ),
            None => None,
        };
        let named = if format == Format::Auto { Format::from_name(name).unwrap_or(Format::Auto) } else { format };
        // A zip package is read as a Word document when its name or the
        // user says so, or when it holds one; other zips are binary files.
        let package = match named {
            Format::Docx => Some(docx::body(bytes).map_err(LoadError::Docx)?),
            Format::Auto if docx::sniff(bytes) => docx::body(bytes).ok(),
            _ => None,
        };
        let is_docx = package.is_some();
        let (decoded, decode_map, line_starts) = match package {
            Some(xml) => {
                let line_starts = line_starts_ascii(xml.as_bytes());
                (xml, OffsetMap::Shift(0), line_starts)
            }
            None => decode(bytes, chosen)?,
        };
        let original_len = decode_map.start(decoded.len()).max(decoded.len());
        let format = match named {
            _ if is_docx => Format::Docx,
            Format::Auto => Format::sniff(&decoded),
            other => other,
        };
        let built = match format {
            Format::Srt => Some(captions::parse(&decoded, captions::Kind::Srt)),
            Format::Vtt => Some(captions::parse(&decoded, captions::Kind::Vtt)),
            Format::Html => Some(html::parse(&decoded)),
            Format::Docx => Some(docx::parse(&decoded).map_err(LoadError::Docx)?),
            Format::Auto | Format::Text | Format::Speakers => None,
        };
        let min_labels = match format {
            Format::Text => usize::MAX,
            Format::Speakers => 1,
            _ => 2,
        };
        let (text, source, turns, speakers, times, warnings) = match built {
            Some(built) if !built.turns.is_empty() => {
                (built.text, built.map, built.turns, built.speakers, built.times, built.warnings)
            }
            Some(built) => {
                let found = labels(&built.text, min_labels);
                let mut times = built.times;
                times.extend(found.times);
                times.sort_unstable();
                (built.text, built.map, found.turns, found.speakers, times, built.warnings)
            }
            None => {
                let found = labels(&decoded, min_labels);
                (decoded, OffsetMap::Shift(0), found.turns, found.speakers, found.times, Vec::new())
            }
        };
        if text.trim().is_empty() {
            return Err(LoadError::Blank);
        }
        let format = if format == Format::Auto {
            if speakers.is_empty() { Format::Text } else { Format::Speakers }
        } else {
            format
        };
        Ok(Self {
            name: name.to_owned(),
            sha256: String::new(),
            text,
            format,
            source,
            decode: decode_map,
            line_starts,
            original_len,
            turns,
            speakers,
            times,
            warnings,
        })
    }

    /// A document from text already in memory (tests, the bundled sample).
    ///
    /// # Panics
    /// When `text` is empty or blank; callers pass real text.
    #[must_use]
    pub fn from_text(name: &str, text: &str) -> Self {
        Self::from_bytes(name, text.as_bytes(), None, Format::Auto).expect("in-memory text is valid")
    }

    /// The byte offset in the original file of a text offset that starts
    /// something.
    #[must_use]
    pub fn original_start(&self, offset: usize) -> usize {
        self.decode.start(self.source.start(offset)).min(self.original_len)
    }

    /// The byte offset in the original file of a text offset that ends
    /// something.
    #[must_use]
    pub fn original_end(&self, offset: usize) -> usize {
        self.decode.end(self.source.end(offset)).min(self.original_len)
    }

    /// A text span as a half-open byte span of the original file.
    #[must_use]
    pub fn original_span(&self, span: Span) -> Span {
        let start = self.original_start(span.start);
        Span::new(start, self.original_end(span.end).max(start))
    }

    /// The 1-based line of the original file that holds a text offset.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        let original = self.original_start(offset);
        self.line_starts.partition_point(|&start| start <= original)
    }

    /// The text of a span.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The turn that holds a text offset, if any.
    #[must_use]
    pub fn turn_at(&self, offset: usize) -> Option<&Turn> {
        let i = self.turns.partition_point(|t| t.body.end <= offset);
        self.turns.get(i).filter(|t| t.body.start <= offset)
    }

    /// The speaker's name of a turn.
    #[must_use]
    pub fn speaker(&self, turn: &Turn) -> Option<&str> {
        turn.speaker.map(|i| self.speakers[i].as_str())
    }

    /// The speaker at a text offset, if the transcript names one.
    #[must_use]
    pub fn speaker_at(&self, offset: usize) -> Option<&str> {
        self.turn_at(offset).and_then(|t| self.speaker(t))
    }

    /// When the word at a text offset was said, in milliseconds: the
    /// latest time at or before it.
    #[must_use]
    pub fn time_at(&self, offset: usize) -> Option<u64> {
        let i = self.times.partition_point(|&(at, _)| at <= offset);
        i.checked_sub(1).map(|i| self.times[i].1)
    }
}

fn hex(bytes: &[u8]) -> String {
    use fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn utf8(bytes: &[u8], skip: usize) -> Result<String, LoadError> {
    match std::str::from_utf8(&bytes[skip..]) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => {
            let offset = skip + err.valid_up_to();
            Err(LoadError::NotUtf8 { offset, byte: bytes[offset] })
        }
    }
}

/// Line starts of a file in an ASCII-compatible encoding, read off its bytes.
fn line_starts_ascii(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)).collect()
}

/// Decodes a file that is not UTF-8, keeping the offset map.
fn decode_other(bytes: &[u8], encoding: &'static Encoding, skip: usize) -> (String, OffsetMap, Vec<usize>) {
    let (text, pieces) = decode_mapped(bytes, encoding, skip);
    let map = OffsetMap::Pieces(pieces);
    let line_starts = if encoding.is_ascii_compatible() {
        line_starts_ascii(bytes)
    } else {
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| map.start(i + 1))).collect()
    };
    (text, map, line_starts)
}

/// Where a run of decoded text came from: `text_len` bytes of text at
/// `text` were decoded from `orig_len` bytes at `orig`. When the lengths
/// agree the run maps byte for byte; when not (one character re-encoded),
/// any offset inside maps to the edges of the original bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    text: usize,
    orig: usize,
    text_len: usize,
    orig_len: usize,
}

impl Piece {
    const fn linear(self) -> bool {
        self.text_len == self.orig_len
    }
}

/// Maps text offsets back to the offsets they came from.
#[derive(Debug)]
pub enum OffsetMap {
    /// The text is the file minus a prefix of this many bytes.
    Shift(usize),
    /// Pieces sorted by text offset, covering the text.
    Pieces(Vec<Piece>),
}

impl Default for OffsetMap {
    fn default() -> Self {
        Self::Shift(0)
    }
}

impl OffsetMap {
    /// Where an offset that starts something came from.
    #[must_use]
    pub fn start(&self, offset: usize) -> usize {
        match self {
            Self::Shift(n) => offset + n,
            Self::Pieces(pieces) => {
                let i = pieces.partition_point(|p| p.text + p.text_len <= offset);
                match pieces.get(i) {
                    Some(p) if p.linear() => p.orig + (offset.saturating_sub(p.text)),
                    Some(p) => p.orig,
                    None => pieces.last().map_or(offset, |p| p.orig + p.orig_len),
                }
            }
        }
    }

    /// Where an offset that ends something came from.
    #[must_use]
    pub fn end(&self, offset: usize) -> usize {
        match self {
            Self::Shift(n) => offset + n,
            Self::Pieces(pieces) => {
                if offset == 0 {
                    return pieces.first().map_or(0, |p| p.orig);
                }
                let i = pieces.partition_point(|p| p.text + p.text_len < offset);
                match pieces.get(i) {
                    Some(p) if p.linear() => p.orig + (offset - p.text),
                    Some(p) => p.orig + p.orig_len,
                    None => pieces.last().map_or(offset, |p| p.orig + p.orig_len),
                }
            }
        }
    }
}

/// Decodes `bytes[skip..]`, recording which bytes each character came
/// from. ASCII runs of an ASCII-compatible encoding are copied in one step;
/// other bytes are fed to the decoder one at a time.
fn decode_mapped(bytes: &[u8], encoding: &'static Encoding, skip: usize) -> (String, Vec<Piece>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut pieces: Vec<Piece> = Vec::new();
    let push = |pieces: &mut Vec<Piece>, piece: Piece| {
        if let Some(last) = pieces.last_mut()
            && last.linear()
            && piece.linear()
            && last.text + last.text_len == piece.text
            && last.orig + last.orig_len == piece.orig
        {
            last.text_len += piece.text_len;
            last.orig_len += piece.orig_len;
            return;
        }
        pieces.push(piece);
    };
    let ascii_compatible = encoding.is_ascii_compatible();
    let mut pending = skip;
    let mut at = skip;
    while at < bytes.len() {
        if ascii_compatible && pending == at && bytes[at] < 0x80 {
            let run = bytes[at..].iter().position(|&b| b >= 0x80).unwrap_or(bytes.len() - at);
            let start = text.len();
            text.push_str(std::str::from_utf8(&bytes[at..at + run]).expect("ASCII"));
            push(&mut pieces, Piece { text: start, orig: at, text_len: run, orig_len: run });
            at += run;
            pending = at;
            continue;
        }
        let start = text.len();
        text.reserve(16);
        let last = at + 1 == bytes.len();
        let _ = decoder.decode_to_string(&bytes[at..=at], &mut text, last);
        at += 1;
        if text.len() > start {
            push(
                &mut pieces,
                Piece { text: start, orig: pending, text_len: text.len() - start, orig_len: at - pending },
            );
            pending = at;
        }
    }
    (text, pieces)
}

#[cfg(test)]
mod tests;
