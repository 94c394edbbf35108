//! Laying a document out in rows of a pane: word wrapping by display width.
//!
//! A document is cut once into *blocks*: its lines, with very long lines
//! cut further at a space every few kilobytes. Blocks are wrapped on
//! demand, only those a frame shows, and kept per pane width, so a
//! transcript of tens of megabytes costs a frame no more than a page.
//! A position in the layout is a block and a row within it.
//!
//! What a row shows is decided by [`cells`], which both the wrapping and
//! the drawing use, so that they always agree: tabs expand to the next
//! multiple of [`TAB`] columns, control characters become visible
//! pictures (`␇`), a carriage return before a line end shows nothing, and
//! wide characters, emoji and combining marks take the width
//! `unicode-width` gives their grapheme.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns between tab stops.
pub const TAB: usize = 4;

/// Lines longer than this are cut into blocks at a space near it.
const MAX_BLOCK: usize = 8 * 1024;

/// Blocks kept wrapped before the cache starts afresh.
const CACHE_LIMIT: usize = 20_000;

/// One row of a pane: a byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// First byte.
    pub start: usize,
    /// One past the last byte (line ends excluded).
    pub end: usize,
}

/// A row of the layout: the block and the row within it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowPos {
    /// Index of the block.
    pub block: usize,
    /// Row within the block.
    pub row: usize,
}

/// One grapheme as drawn: its byte offset, what to show, and its width.
pub struct Cell<'a> {
    /// Byte offset of the grapheme in the text.
    pub offset: usize,
    /// Its length in bytes.
    pub len: usize,
    /// What to draw.
    pub shown: Cow<'a, str>,
    /// Columns it takes.
    pub width: usize,
    /// True for a space or tab (a place to wrap).
    pub blank: bool,
}

/// The graphemes of `text[range]` as drawn from column `col`.
pub fn cells(text: &str, start: usize, end: usize, mut col: usize) -> impl Iterator<Item = Cell<'_>> {
    text[start..end].grapheme_indices(true).map(move |(i, g)| {
        let offset = start + i;
        let (shown, width, blank): (Cow<'_, str>, usize, bool) = match g {
            "\t" => {
                let w = TAB - col % TAB;
                (Cow::Owned(" ".repeat(w)), w, true)
            }
            " " => (Cow::Borrowed(g), 1, true),
            "\r" | "\r\n" if offset + g.len() >= end || text[offset + g.len()..].starts_with('\n') => {
                (Cow::Borrowed(""), 0, true)
            }
            _ if g.chars().any(char::is_control) => (Cow::Owned(picture(g)), g.chars().count(), false),
            _ => (Cow::Borrowed(g), g.width(), false),
        };
        col += width;
        Cell { offset, len: g.len(), shown, width, blank }
    })
}

/// Control characters as visible pictures: `\u{7}` → `␇`, DEL → `␡`,
/// others → `�`.
fn picture(g: &str) -> String {
    g.chars()
        .map(|c| match c {
            '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
            '\u{7f}' => '␡',
            c if c.is_control() => '�',
            c => c,
        })
        .collect()
}

/// The rows of `text[start..end]` (a block) at a width.
#[must_use]
pub fn wrap(text: &str, start: usize, end: usize, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut row_start = start;
    let mut col = 0;
    // Where the row could break: just after the last blank, and the
    // column there.
    let mut last_break: Option<(usize, usize)> = None;
    for cell in cells(text, start, end, 0) {
        if cell.blank {
            col += cell.width;
            last_break = Some((cell.offset + cell.len, col));
            continue;
        }
        if col + cell.width > width && col > 0 {
            if let Some((at, at_col)) = last_break.filter(|&(at, _)| at > row_start) {
                rows.push(Row { start: row_start, end: at });
                row_start = at;
                col -= at_col;
            }
            if col + cell.width > width && col > 0 {
                rows.push(Row { start: row_start, end: cell.offset });
                row_start = cell.offset;
                col = 0;
            }
            last_break = None;
        }
        col += cell.width;
    }
    rows.push(Row { start: row_start, end });
    rows
}

/// A document's layout in a pane.
pub struct TextLayout {
    /// Start of each block; a block ends where the next starts (less the
    /// line end).
    blocks: Vec<usize>,
    len: usize,
    cache: RefCell<Cache>,
}

#[derive(Default)]
struct Cache {
    width: usize,
    rows: FxHashMap<usize, Rc<[Row]>>,
}

impl TextLayout {
    /// Cuts a text into blocks.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut blocks = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let end = start + line.len();
            let mut at = start;
            while end - at > MAX_BLOCK {
                let mut cut = at + MAX_BLOCK;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let cut = text[at..cut].rfind(' ').map_or(cut, |i| at + i + 1).max(at + 1);
                let cut = (cut..end).find(|&c| text.is_char_boundary(c)).unwrap_or(end);
                blocks.push(at);
                at = cut;
            }
            blocks.push(at);
            start = end;
        }
        if blocks.is_empty() {
            blocks.push(0);
        }
        Self { blocks, len: text.len(), cache: RefCell::new(Cache::default()) }
    }

    /// The byte range of a block, without its line end.
    fn block_range(&self, text: &str, block: usize) -> (usize, usize) {
        let start = self.blocks[block];
        let end = self.blocks.get(block + 1).copied().unwrap_or(self.len);
        let trimmed = text[start..end].strip_suffix('\n').map_or(end, |s| start + s.len());
        let trimmed = text[start..trimmed].strip_suffix('\r').map_or(trimmed, |s| start + s.len());
        (start, trimmed)
    }

    /// The rows of a block at a width.
    pub fn rows(&self, text: &str, block: usize, width: usize) -> Rc<[Row]> {
        let mut cache = self.cache.borrow_mut();
        if cache.width != width || cache.rows.len() > CACHE_LIMIT {
            cache.rows.clear();
            cache.width = width;
        }
        if let Some(rows) = cache.rows.get(&block) {
            return Rc::clone(rows);
        }
        let (start, end) = self.block_range(text, block);
        let rows: Rc<[Row]> = wrap(text, start, end, width).into();
        cache.rows.insert(block, Rc::clone(&rows));
        rows
    }

    /// The row that holds a byte offset.
    pub fn pos_of(&self, text: &str, offset: usize, width: usize) -> RowPos {
        let block = self.blocks.partition_point(|&s| s <= offset).saturating_sub(1);
        let rows = self.rows(text, block, width);
        let row = rows.iter().rposition(|r| r.start <= offset).unwrap_or(0);
        RowPos { block, row }
    }

    /// The position `n` rows after (or before, when negative) `pos`,
    /// stopping at the first and last rows.
    pub fn advance(&self, text: &str, mut pos: RowPos, n: isize, width: usize) -> RowPos {
        let mut left = n.unsigned_abs();
        if n >= 0 {
            while left > 0 {
                let rows = self.rows(text, pos.block, width).len();
                if pos.row + left < rows {
                    pos.row += left;
                    break;
                }
                if pos.block + 1 >= self.blocks.len() {
                    pos.row = rows - 1;
                    break;
                }
                left -= rows - pos.row;
                pos = RowPos { block: pos.block + 1, row: 0 };
            }
        } else {
            while left > 0 {
                if pos.row >= left {
                    pos.row -= left;
                    break;
                }
                if pos.block == 0 {
                    pos.row = 0;
                    break;
                }
                left -= pos.row + 1;
                let block = pos.block - 1;
                pos = RowPos { block, row: self.rows(text, block, width).len() - 1 };
            }
        }
        pos
    }

    /// The last top a pane of `height` rows can scroll to: the last row
    /// at the bottom.
    pub fn last_top(&self, text: &str, height: usize, width: usize) -> RowPos {
        let last = self.blocks.len() - 1;
        let end = RowPos { block: last, row: self.rows(text, last, width).len() - 1 };
        let back = isize::try_from(height.saturating_sub(1)).unwrap_or(isize::MAX);
        self.advance(text, end, -back, width)
    }

    /// The rows a pane of `height` rows shows from `top`.
    pub fn visible(&self, text: &str, top: RowPos, height: usize, width: usize) -> Vec<Row> {
        let mut out = Vec::with_capacity(height);
        let mut pos = top;
        while out.len() < height && pos.block < self.blocks.len() {
            let rows = self.rows(text, pos.block, width);
            out.extend(rows.iter().skip(pos.row).take(height - out.len()));
            pos = RowPos { block: pos.block + 1, row: 0 };
        }
        out
    }

    /// Number of blocks.
    #[must_use]
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(text: &str, width: usize) -> Vec<String> {
        let layout = TextLayout::new(text);
        (0..layout.block_count())
            .flat_map(|b| layout.rows(text, b, width).to_vec())
            .map(|r| cells(text, r.start, r.end, 0).map(|c| c.shown.into_owned()).collect::<String>())
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(rows_of("the quick brown fox jumps", 10), ["the quick ", "brown fox ", "jumps"]);
        assert_eq!(rows_of("one\n\ntwo", 10), ["one", "", "two"]);
    }

    #[test]
    fn cuts_a_word_only_when_it_is_longer_than_the_pane() {
        assert_eq!(rows_of("a supercalifragilistic word", 8), ["a ", "supercal", "ifragili", "stic ", "word"]);
    }

    #[test]
    fn measures_wide_characters_tabs_and_controls() {
        assert_eq!(rows_of("日本語のテキスト", 6), ["日本語", "のテキ", "スト"]);
        assert_eq!(rows_of("a\tb", 10), ["a   b"]);
        assert_eq!(rows_of("bell\u{7}here", 20), ["bell␇here"]);
        assert_eq!(rows_of("crlf\r\nnext", 20), ["crlf", "next"]);
        assert_eq!(rows_of("e\u{301}te\u{301} 👩‍👩‍👧 fin", 7), ["e\u{301}te\u{301} 👩‍👩‍👧 ", "fin"]);
    }

    #[test]
    fn no_row_is_wider_than_the_pane() {
        let text = "Tabs\tand 漢字 and emoji 🎉🎉🎉 and a verylongwordthatmustbecut and more words here.";
        for width in 1..30 {
            for row in rows_of(text, width) {
                let w: usize = row.trim_end().width();
                assert!(w <= width.max(2), "{row:?} is {w} wide at {width}");
            }
        }
    }

    #[test]
    fn moves_by_rows_across_blocks() {
        let text = "aa bb cc\ndd ee\nff";
        let layout = TextLayout::new(text);
        let start = RowPos::default();
        let third = layout.advance(text, start, 3, 3);
        assert_eq!(layout.visible(text, third, 1, 3)[0], Row { start: 9, end: 12 });
        assert_eq!(layout.advance(text, third, -3, 3), start);
        assert_eq!(layout.advance(text, start, 100, 3), RowPos { block: 2, row: 0 });
        assert_eq!(layout.advance(text, start, -5, 3), start);
        assert_eq!(layout.pos_of(text, 13, 3), RowPos { block: 1, row: 1 });
    }

    #[test]
    fn long_lines_are_cut_into_blocks() {
        let text = "word ".repeat(10_000);
        let layout = TextLayout::new(&text);
        assert!(layout.block_count() > 5);
        let rows: usize = (0..layout.block_count()).map(|b| layout.rows(&text, b, 80).len()).sum();
        assert!(rows >= text.len() / 80);
    }
}
