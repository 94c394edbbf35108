//! Building a document's text out of pieces of its source.
//!
//! A caption file, a web page or a Word document is not read as it is: its
//! text is assembled from stretches of the source (copied, so they map
//! byte for byte), decoded bits (an entity, a collapsed run of blanks, each
//! mapping to the source bytes it stands for) and separators the format
//! implies (a paragraph break between two `<p>`, mapping to a point). The
//! [`Builder`] keeps that map, and the speaker turns and times met on the
//! way.

use super::{OffsetMap, Piece, Turn};
use crate::text::Span;

/// A document's text with its map back to the source and what was found
/// along the way.
#[derive(Debug, Default)]
pub struct Built {
    /// The text.
    pub text: String,
    /// Text offsets to source offsets.
    pub map: OffsetMap,
    /// Speaker turns, when the format marks speakers.
    pub turns: Vec<Turn>,
    /// The speakers' names.
    pub speakers: Vec<String>,
    /// Times in milliseconds at text offsets, in order.
    pub times: Vec<(usize, u64)>,
    /// Things the reader should know (tracked changes taken as accepted).
    pub warnings: Vec<String>,
}

/// Assembles a text from a source.
pub struct Builder<'a> {
    source: &'a str,
    text: String,
    pieces: Vec<Piece>,
    turns: Vec<Turn>,
    speakers: Vec<String>,
    times: Vec<(usize, u64)>,
    warnings: Vec<String>,
    /// Where the last thing taken ended in the source.
    at: usize,
}

impl<'a> Builder<'a> {
    /// A builder over a source text.
    #[must_use]
    pub fn new(source: &'a str) -> Self {
        Self {
            source,
            text: String::with_capacity(source.len()),
            pieces: Vec::new(),
            turns: Vec::new(),
            speakers: Vec::new(),
            times: Vec::new(),
            warnings: Vec::new(),
            at: 0,
        }
    }

    /// The text so far.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    fn push_piece(&mut self, piece: Piece) {
        if let Some(last) = self.pieces.last_mut() {
            let contiguous = last.text + last.text_len == piece.text && last.orig + last.orig_len == piece.orig;
            if contiguous && last.linear() && piece.linear() {
                last.text_len += piece.text_len;
                last.orig_len += piece.orig_len;
                return;
            }
        }
        self.pieces.push(piece);
    }

    /// Copies `source[range]` into the text, byte for byte.
    pub fn copy(&mut self, start: usize, end: usize) {
        if end <= start {
            return;
        }
        let piece = Piece { text: self.text.len(), orig: start, text_len: end - start, orig_len: end - start };
        self.text.push_str(&self.source[start..end]);
        self.push_piece(piece);
        self.at = end;
    }

    /// Copies `source[range]`, collapsing every run of whitespace to one
    /// space (and decoding nothing else).
    pub fn copy_collapsed(&mut self, start: usize, end: usize) {
        let mut run_start = start;
        let mut blank: Option<usize> = None;
        for (i, c) in self.source[start..end].char_indices() {
            let at = start + i;
            match (c.is_whitespace(), blank) {
                (true, None) => {
                    self.copy(run_start, at);
                    blank = Some(at);
                }
                (false, Some(b)) => {
                    self.put_space(b, at);
                    blank = None;
                    run_start = at;
                }
                _ => {}
            }
        }
        match blank {
            Some(b) => self.put_space(b, end),
            None => self.copy(run_start, end),
        }
    }

    /// Copies markup text `source[start..end]` (HTML or XML): entities
    /// decoded, each standing for its own bytes, blanks collapsed.
    pub fn copy_markup(&mut self, start: usize, end: usize) {
        let bytes = self.source.as_bytes();
        let mut from = start;
        let mut at = start;
        while at < end {
            if bytes[at] != b'&' {
                at += 1;
                continue;
            }
            let semi = bytes[at..end.min(at + 12)].iter().position(|&c| c == b';');
            let decoded = semi.and_then(|s| decode_entity(&self.source[at + 1..at + s]));
            match (semi, decoded) {
                (Some(s), Some(c)) => {
                    self.copy_collapsed(from, at);
                    if c == '\u{AD}' {
                        // A soft hyphen or a joiner: nothing to read.
                        self.at = at + s + 1;
                    } else if c.is_whitespace() {
                        self.put_space(at, at + s + 1);
                    } else {
                        let mut buf = [0u8; 4];
                        self.put(c.encode_utf8(&mut buf), at, at + s + 1);
                    }
                    at += s + 1;
                    from = at;
                }
                _ => at += 1,
            }
        }
        self.copy_collapsed(from, end);
    }

    /// One space for the blanks at `source[start..end]`, unless the text
    /// already ends with one.
    fn put_space(&mut self, start: usize, end: usize) {
        if self.text.is_empty() || self.text.ends_with([' ', '\n']) {
            self.at = end;
            return;
        }
        self.put(" ", start, end);
    }

    /// Puts `text` in, standing for `source[start..end]` as a whole.
    pub fn put(&mut self, text: &str, start: usize, end: usize) {
        if text.is_empty() {
            return;
        }
        self.push_piece(Piece {
            text: self.text.len(),
            orig: start,
            text_len: text.len(),
            orig_len: end.saturating_sub(start),
        });
        self.text.push_str(text);
        self.at = end.max(start);
    }

    /// Ends the current paragraph: a blank line, unless there is one.
    pub fn paragraph(&mut self) {
        let trimmed = self.text.trim_end_matches(' ').len();
        // Drop a trailing space left by collapsing.
        self.truncate(trimmed);
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        let sep = if self.text.ends_with('\n') { "\n" } else { "\n\n" };
        let at = self.at;
        self.put(sep, at, at);
    }

    /// Ends the current line: a line break, unless there is one.
    pub fn line(&mut self) {
        if self.text.is_empty() || self.text.ends_with('\n') {
            return;
        }
        let trimmed = self.text.trim_end_matches(' ').len();
        self.truncate(trimmed);
        let at = self.at;
        self.put("\n", at, at);
    }

    /// A space between two stretches, unless the text already ends with
    /// a blank.
    pub fn space(&mut self) {
        let at = self.at;
        self.put_space(at, at);
    }

    /// Starts a new speaker turn here (ending the one before).
    pub fn turn(&mut self, speaker: Option<&str>, label: Option<Span>) {
        let here = self.text.len();
        match self.turns.last_mut() {
            Some(last) => last.body.end = here,
            // The text before the first speaker change is a turn of its
            // own, by someone unnamed: words outside every turn could not
            // be matched.
            None if here > 0 => {
                let time = self.times.first().filter(|t| t.0 == 0).map(|t| t.1);
                self.turns.push(Turn { body: Span::new(0, here), label: None, speaker: None, time });
            }
            None => {}
        }
        let speaker = speaker.map(|name| {
            self.speakers.iter().position(|s| s == name).unwrap_or_else(|| {
                self.speakers.push(name.to_owned());
                self.speakers.len() - 1
            })
        });
        let time = self.times.last().filter(|t| t.0 == here).map(|t| t.1);
        self.turns.push(Turn { body: Span::new(here, here), label, speaker, time });
    }

    /// The speaker of the current turn, if any.
    #[must_use]
    pub fn current_speaker(&self) -> Option<&str> {
        self.turns.last().and_then(|t| t.speaker).map(|i| self.speakers[i].as_str())
    }

    /// Records that the text from here on was said at `ms`.
    pub fn time(&mut self, ms: u64) {
        let here = self.text.len();
        match self.times.last_mut() {
            Some(last) if last.0 == here => last.1 = ms,
            _ => self.times.push((here, ms)),
        }
    }

    /// Notes something the reader should know.
    pub fn warn(&mut self, warning: String) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    /// Cuts the text back to `len` bytes, and the map with it.
    fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        while let Some(last) = self.pieces.last_mut() {
            if last.text >= len {
                self.pieces.pop();
                continue;
            }
            let kept = len - last.text;
            if kept < last.text_len {
                last.text_len = kept;
                if last.linear() {
                    last.orig_len = kept;
                }
            }
            break;
        }
    }

    /// The text and all that was found.
    #[must_use]
    pub fn finish(mut self) -> Built {
        let trimmed = self.text.trim_end().len();
        self.truncate(trimmed);
        let end = self.text.len();
        if let Some(last) = self.turns.last_mut() {
            last.body.end = end;
        }
        // Turns and times met in the trimmed tail (a label followed by
        // nothing) end with it.
        let whole = Span::new(0, end);
        for turn in &mut self.turns {
            turn.body = turn.body.within(whole);
            turn.label = turn.label.map(|label| label.within(whole));
        }
        self.times.retain(|&(at, _)| at <= end);
        let text = &self.text;
        self.turns.retain(|t| !text[t.body.range()].trim().is_empty());
        Built {
            text: self.text,
            map: OffsetMap::Pieces(self.pieces),
            turns: self.turns,
            speakers: self.speakers,
            times: self.times,
            warnings: self.warnings,
        }
    }
}

/// The character an HTML or XML entity stands for (`amp`, `#8217`,
/// `#x2019`, `rsquo`), if it is one quotecheck knows.
#[must_use]
pub fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "iacute" => 'í',
        "iuml" => 'ï',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "szlig" => 'ß',
        "shy" | "zwj" | "zwnj" | "lrm" | "rlm" => '\u{AD}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_text_maps_back_byte_for_byte_and_puts_map_whole() {
        let source = "<p>Hello &amp;   world</p>";
        let mut b = Builder::new(source);
        b.copy(3, 9);
        b.put("&", 9, 14);
        b.copy_collapsed(14, 22);
        b.paragraph();
        let built = b.finish();
        assert_eq!(built.text, "Hello & world");
        let map = &built.map;
        assert_eq!((map.start(0), map.end(5)), (3, 8), "Hello");
        assert_eq!((map.start(6), map.end(7)), (9, 14), "& stands for &amp;");
        let w = built.text.find("world").expect("world");
        assert_eq!((map.start(w), map.end(w + 5)), (17, 22), "world after collapsed blanks");
    }

    #[test]
    fn turns_and_times_follow_the_text() {
        let source = "one two";
        let mut b = Builder::new(source);
        b.time(1500);
        b.turn(Some("Ann"), None);
        b.copy(0, 3);
        b.space();
        b.time(2500);
        b.turn(Some("Bo"), None);
        b.copy(4, 7);
        let built = b.finish();
        assert_eq!(built.text, "one two");
        assert_eq!(built.speakers, ["Ann", "Bo"]);
        assert_eq!(built.turns[0].body, Span::new(0, 4));
        assert_eq!(built.turns[0].time, Some(1500));
        assert_eq!(built.turns[1].body, Span::new(4, 7));
        assert_eq!(built.times, [(0, 1500), (4, 2500)]);
    }

    #[test]
    fn the_text_before_the_first_speaker_change_is_a_turn_by_someone_unnamed() {
        let source = "one two three";
        let mut b = Builder::new(source);
        b.time(1000);
        b.copy(0, 7);
        b.space();
        b.turn(Some("Bo"), None);
        b.copy(8, 13);
        let built = b.finish();
        let turns: Vec<_> = built.turns.iter().map(|t| (&built.text[t.body.range()], t.speaker, t.time)).collect();
        assert_eq!(turns, [("one two ", None, Some(1000)), ("three", Some(0), None)]);
    }

    #[test]
    fn a_blank_before_the_first_turn_is_no_turn() {
        let source = "  one";
        let mut b = Builder::new(source);
        b.space();
        b.turn(Some("Ann"), None);
        b.copy(2, 5);
        let built = b.finish();
        assert_eq!(built.turns.len(), 1);
        assert_eq!(built.turns[0].speaker, Some(0));
    }
}
