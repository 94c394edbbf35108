//! The review screen's model and its one mutator.
//!
//! [`App`] holds the check and the fact-checker's session; [`Action`]s are
//! plain data; [`App::update`] is the only thing that changes the model,
//! valid in every state, and returns [`Effect`]s (save, export, copy) for
//! the event loop to carry out, which reports back with another action.
//! The screen walks through one of two [`List`]s at a time, the quotes or
//! the reported speech, with the same keys. Scroll positions are derived
//! from the selected item unless the fact-checker has scrolled a pane by
//! hand.

use std::cell::Cell;
use std::ops::{Index, IndexMut};
use std::path::PathBuf;

use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

use super::items::{List, ReportedCounts, ReportedDetail, SpanIndex, nearest};
use super::keymap;
use super::layout::{Row, RowPos, TextLayout, cells};
use super::theme::Theme;
use crate::align::{Alignment, Category};
use crate::check::Check;
use crate::document::Document;
use crate::report::{Format, Judgement, RECHECK, Report, Verdict};
use crate::reported::{self, Passage};
use crate::session::{Counts, Session, SessionFile};
use crate::text::Span;

/// The two sides of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The article, on the left.
    Article,
    /// The transcript, on the right.
    Transcript,
}

impl Side {
    /// The other side.
    #[must_use]
    pub const fn other(self) -> Self {
        match self {
            Self::Article => Self::Transcript,
            Self::Transcript => Self::Article,
        }
    }
}

/// One value for each side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pair<T> {
    /// The article's.
    pub article: T,
    /// The transcript's.
    pub transcript: T,
}

impl<T> Index<Side> for Pair<T> {
    type Output = T;
    fn index(&self, side: Side) -> &T {
        match side {
            Side::Article => &self.article,
            Side::Transcript => &self.transcript,
        }
    }
}

impl<T> IndexMut<Side> for Pair<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Article => &mut self.article,
            Side::Transcript => &mut self.transcript,
        }
    }
}

/// An edit to the one-line input (the note or the search).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Type a character.
    Char(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Move the cursor left.
    Left,
    /// Move the cursor right.
    Right,
    /// Move the cursor to the start.
    Home,
    /// Move the cursor to the end.
    End,
    /// Keep the input.
    Submit,
    /// Drop the input.
    Cancel,
}

/// Everything that can happen to the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Select the next item of the list (quote or reported speech).
    NextItem,
    /// Select the previous item of the list.
    PrevItem,
    /// Select the next item of the list without a mark.
    NextUnmarked,
    /// Select the previous item of the list without a mark.
    PrevUnmarked,
    /// Select the first item of the list.
    FirstItem,
    /// Select the last item of the list.
    LastItem,
    /// Walk through the other list: the reported speech, or the quotes.
    SwitchList,
    /// Focus the other pane.
    SwitchFocus,
    /// Scroll the focused pane a page down.
    PageDown,
    /// Scroll the focused pane a page up.
    PageUp,
    /// Scroll the focused pane half a page down.
    HalfPageDown,
    /// Scroll the focused pane half a page up.
    HalfPageUp,
    /// Scroll the pane under the mouse by some rows.
    Wheel {
        /// The screen column.
        column: u16,
        /// The screen row.
        row: u16,
        /// Rows to scroll (down when positive).
        rows: i16,
    },
    /// Mark the quote with a category. In reported speech `Unsupported`
    /// marks the item unsupported; the other categories, which mean
    /// nothing there, are refused with a word in the status line.
    Mark(Category),
    /// Mark the reported item with a verdict (refused among the quotes,
    /// with a word in the status line).
    Judge(reported::Verdict),
    /// Mark the item with what the engine suggests.
    Accept,
    /// Clear the item's mark.
    ClearMark,
    /// Use the next candidate passage as the quote's source.
    NextCandidate,
    /// Show the next transcript in the right pane.
    NextTranscript,
    /// Start editing the item's note.
    EditNote,
    /// Start a search of the focused pane.
    Search,
    /// Go to the next search hit.
    SearchNext,
    /// Go to the previous search hit.
    SearchPrev,
    /// Copy the source passage to the clipboard.
    Copy,
    /// Write the Markdown report beside the article.
    Export,
    /// Show or hide the help.
    Help,
    /// Scroll the help by some lines (down when positive).
    HelpScroll(i16),
    /// Quit (the session is already saved; a note being typed is kept).
    Quit,
    /// Text pasted in the terminal: typed into the note or the search,
    /// ignored elsewhere (never run as keys).
    Paste(String),
    /// A click on the screen.
    Click {
        /// The screen column.
        column: u16,
        /// The screen row.
        row: u16,
    },
    /// The terminal's new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// An edit to the input line.
    Input(Edit),
    /// The session was saved, or could not be (the reason).
    Saved(Result<(), String>),
    /// The report was written to a path, or could not be.
    Exported(Result<PathBuf, String>),
    /// This many characters were copied to the clipboard.
    Copied(usize),
}

/// Work for the event loop, which reports back with an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save the session file atomically; report with [`Action::Saved`].
    Save {
        /// Where.
        path: PathBuf,
        /// What.
        file: SessionFile,
    },
    /// Write the Markdown report; report with [`Action::Exported`].
    Export {
        /// Where.
        path: PathBuf,
        /// The report.
        markdown: String,
    },
    /// Put text on the clipboard (OSC 52); report with [`Action::Copied`].
    Copy(String),
}

/// A one-line input and its cursor (a byte offset on a char boundary).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Input {
    /// The text typed.
    pub text: String,
    /// Where the cursor is.
    pub cursor: usize,
}

impl Input {
    fn new(text: &str) -> Self {
        Self { text: text.to_owned(), cursor: text.len() }
    }

    fn edit(&mut self, edit: Edit) {
        // The cursor moves over what shows as one character: a letter and
        // its accents, an emoji and its joiners.
        let prev = |s: &str, at: usize| s[..at].grapheme_indices(true).next_back().map_or(at, |(i, _)| i);
        let next = |s: &str, at: usize| s[at..].graphemes(true).next().map_or(at, |g| at + g.len());
        match edit {
            Edit::Char(c) if !c.is_control() => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            Edit::Backspace if self.cursor > 0 => {
                let at = prev(&self.text, self.cursor);
                self.text.replace_range(at..self.cursor, "");
                self.cursor = at;
            }
            Edit::Delete if self.cursor < self.text.len() => {
                let end = next(&self.text, self.cursor);
                self.text.replace_range(self.cursor..end, "");
            }
            Edit::Left => self.cursor = prev(&self.text, self.cursor),
            Edit::Right => self.cursor = next(&self.text, self.cursor),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            _ => {}
        }
    }

    /// Inserts pasted text at the cursor, made one line by [`one_line`].
    fn paste(&mut self, text: &str) {
        let text = one_line(text);
        self.text.insert_str(self.cursor, &text);
        self.cursor += text.len();
    }
}

/// Pasted text as one line of input: each line break (CR LF, CR, LF, and
/// the other characters Unicode counts as ending a line) and each tab
/// becomes a space; other control characters are dropped:
/// `"a\r\nb\tc\x1b[1m"` → `"a b c[1m"`.
#[must_use]
pub fn one_line(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// What the keys are doing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Moving through items and marking them.
    #[default]
    Normal,
    /// The help is open.
    Help,
    /// Editing the note of the selected item.
    Note(Input),
    /// Typing a search of the focused pane.
    Search(Input),
}

/// A search of one pane: the hits and the one shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    /// The pane searched.
    pub side: Side,
    /// The document searched (the transcript's index on that side).
    pub doc: usize,
    /// What was searched for.
    pub query: String,
    /// Every hit, in order.
    pub hits: Vec<Span>,
    /// The hit shown.
    pub current: usize,
}

/// Whether the session is on disk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing has changed since the session was opened.
    #[default]
    Unchanged,
    /// The last change is on disk.
    Saved,
    /// The last change could not be saved; the marks are kept in memory.
    Failed(String),
}

/// Where the session and exported reports go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    /// The session file.
    pub session: PathBuf,
    /// The Markdown report `E` writes.
    pub export: PathBuf,
}

/// A help scroll this large or larger is a page.
pub const HELP_PAGE: i16 = 1000;

/// Columns between a pane's border and its text.
pub const GUTTER: u16 = 3;

/// The smallest terminal the screen lays out in.
pub const MIN_SIZE: (u16, u16) = (60, 16);

/// Where everything goes on a screen of some size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    /// The two panes, borders included.
    pub panes: Pair<Rect>,
    /// The detail panel.
    pub detail: Rect,
    /// The status line.
    pub status: Rect,
}

impl Geometry {
    /// The layout of a screen whose detail panel wants `detail_rows` rows
    /// of text, or `None` when the screen is too small.
    #[must_use]
    pub fn of(area: Rect, detail_rows: u16) -> Option<Self> {
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            return None;
        }
        // The panel takes what its longest quote needs, up to half the
        // screen; the panes keep the rest.
        let detail_h = (detail_rows + 2).clamp(5, (area.height / 2).max(5));
        let panes_h = area.height - detail_h - 1;
        let left = area.width / 2;
        Some(Self {
            panes: Pair {
                article: Rect::new(area.x, area.y, left, panes_h),
                transcript: Rect::new(area.x + left, area.y, area.width - left, panes_h),
            },
            detail: Rect::new(area.x, area.y + panes_h, area.width, detail_h),
            status: Rect::new(area.x, area.y + area.height - 1, area.width, 1),
        })
    }

    /// Where a pane's text goes: inside its border, after a gutter of
    /// [`GUTTER`] columns: a quote's category symbol, its re-check symbol,
    /// and a reported item's verdict symbol.
    #[must_use]
    pub fn text_area(pane: Rect) -> Rect {
        Rect::new(pane.x + 1 + GUTTER, pane.y + 1, pane.width.saturating_sub(2 + GUTTER), pane.height.saturating_sub(2))
    }
}

/// What the screen derives of the check once, when it opens (the quotes'
/// sources again when another candidate is chosen), so that a frame and a
/// move cost the same however many items the article holds.
struct Derived {
    /// The quotes, by their spans in the article.
    quotes: SpanIndex,
    /// The quotes' chosen sources, per transcript.
    quote_sources: Vec<SpanIndex>,
    /// The reported items, by their spans in the article.
    reported: SpanIndex,
    /// The reported items' passages, per transcript.
    reported_sources: Vec<SpanIndex>,
    /// For each quote, the nearest quote with a source.
    quotes_nearest: Vec<Option<usize>>,
    /// For each reported item, the nearest item with a passage.
    reported_nearest: Vec<Option<usize>>,
    /// What the detail panel says of each reported item.
    details: Vec<ReportedDetail>,
}

/// A judgement for an item the session has none for.
static UNMARKED: Judgement = Judgement { mark: None, note: None, marked_text: None };

/// The review screen's model.
pub struct App {
    /// The article.
    pub article: Document,
    /// The transcripts.
    pub transcripts: Vec<Document>,
    /// The check of the article against them.
    pub check: Check,
    /// The fact-checker's marks and notes.
    pub session: Session,
    /// Where things are saved.
    pub paths: Paths,
    /// How things look.
    pub theme: Theme,
    /// The list walked through.
    list: List,
    /// The selected quote.
    selected: usize,
    /// The selected reported item.
    selected_reported: usize,
    focus: Side,
    scroll: Pair<Option<RowPos>>,
    mode: Mode,
    search: Option<Search>,
    notice: Option<String>,
    save: SaveState,
    size: (u16, u16),
    quit: bool,
    help_scroll: u16,
    /// A transcript shown by choice, until the next item is selected.
    chosen_transcript: Option<usize>,
    article_layout: TextLayout,
    transcript_layouts: Vec<TextLayout>,
    derived: Derived,
    /// The detail panel's rows for a list at a width, once worked out;
    /// forgotten when a mark or a candidate changes what it holds.
    detail_memo: Cell<Option<(List, u16, u16)>>,
    /// How the marks stand, counted again by [`App::update`] (the only
    /// mutator) whenever a mark changes, not on every frame.
    counts: Counts,
    reported_counts: ReportedCounts,
}

impl App {
    /// A screen over a check and its session, of 80×24 until told its size.
    #[must_use]
    pub fn new(
        article: Document,
        transcripts: Vec<Document>,
        check: Check,
        session: Session,
        paths: Paths,
        theme: Theme,
    ) -> Self {
        let article_layout = TextLayout::new(&article.text);
        let transcript_layouts = transcripts.iter().map(|t| TextLayout::new(&t.text)).collect();
        let mut session = session;
        session.verdicts.resize(check.quotes.len(), Verdict::default());
        session.judgements.resize(check.reported.len(), Judgement::default());
        let orphans = session.orphans.len();
        let quotes_to_recheck = session.verdicts.iter().filter(|v| v.needs_recheck()).count();
        let reported_to_recheck = session.judgements.iter().filter(|j| j.needs_recheck()).count();
        let notice = if orphans > 0 {
            Some(format!("{orphans} mark{} whose quote is no longer in the article kept (see ? help)", plural(orphans)))
        } else if let n @ 1.. = quotes_to_recheck + reported_to_recheck {
            let what = if reported_to_recheck == 0 { "the quote was" } else { "their words were" };
            Some(format!("{n} mark{} to re-check ({RECHECK}): made before {what} edited", plural(n)))
        } else if session.edited > 0 {
            let n = session.edited;
            Some(format!("{n} mark{} followed a quote edited since it was marked", plural(n)))
        } else {
            None
        };
        let derived = Derived {
            quotes: SpanIndex::new(check.quotes.iter().enumerate().map(|(i, q)| (q.quote.span, i))),
            quote_sources: Vec::new(),
            reported: SpanIndex::new(check.reported.iter().enumerate().map(|(i, r)| (r.item.span, i))),
            reported_sources: (0..transcripts.len())
                .map(|t| {
                    SpanIndex::new(
                        check
                            .reported
                            .iter()
                            .enumerate()
                            .filter_map(|(i, r)| r.source.filter(|p| p.transcript == t).map(|p| (p.span, i))),
                    )
                })
                .collect(),
            quotes_nearest: nearest(check.quotes.len(), |i| !check.quotes[i].candidates.is_empty()),
            reported_nearest: nearest(check.reported.len(), |i| check.reported[i].source.is_some()),
            details: check.reported.iter().map(|r| ReportedDetail::of(r, &article, &transcripts)).collect(),
        };
        let mut app = Self {
            article,
            transcripts,
            check,
            session,
            paths,
            theme,
            list: List::Quotes,
            selected: 0,
            selected_reported: 0,
            focus: Side::Article,
            scroll: Pair::default(),
            mode: Mode::Normal,
            search: None,
            notice,
            save: SaveState::Unchanged,
            size: (80, 24),
            quit: false,
            help_scroll: 0,
            chosen_transcript: None,
            article_layout,
            transcript_layouts,
            derived,
            detail_memo: Cell::new(None),
            counts: Counts::default(),
            reported_counts: ReportedCounts::default(),
        };
        app.index_quote_sources();
        app.recount();
        app
    }

    /// The list walked through.
    #[must_use]
    pub const fn list(&self) -> List {
        self.list
    }

    /// The number of items in a list.
    #[must_use]
    pub fn len(&self, list: List) -> usize {
        match list {
            List::Quotes => self.check.quotes.len(),
            List::Reported => self.check.reported.len(),
        }
    }

    /// The selected item of the list walked through (0 when it is empty).
    #[must_use]
    pub const fn cursor(&self) -> usize {
        match self.list {
            List::Quotes => self.selected,
            List::Reported => self.selected_reported,
        }
    }

    /// The selected quote's index (0 when there are none), in either list.
    #[must_use]
    pub const fn selected(&self) -> usize {
        self.selected
    }

    /// The selected reported item's index (0 when there are none), in
    /// either list.
    #[must_use]
    pub const fn selected_reported(&self) -> usize {
        self.selected_reported
    }

    /// The focused pane.
    #[must_use]
    pub const fn focus(&self) -> Side {
        self.focus
    }

    /// What the keys are doing.
    #[must_use]
    pub const fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The search, if one was made.
    #[must_use]
    pub const fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The message of the moment, if any.
    #[must_use]
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Whether the session is on disk.
    #[must_use]
    pub const fn save_state(&self) -> &SaveState {
        &self.save
    }

    /// How far the help is scrolled.
    #[must_use]
    pub const fn help_scroll(&self) -> u16 {
        self.help_scroll
    }

    /// The terminal's size.
    #[must_use]
    pub const fn size(&self) -> (u16, u16) {
        self.size
    }

    /// True once the fact-checker has asked to quit.
    #[must_use]
    pub const fn should_quit(&self) -> bool {
        self.quit
    }

    /// The verdict on quote `i`.
    #[must_use]
    pub fn verdict(&self, i: usize) -> &Verdict {
        &self.session.verdicts[i]
    }

    /// The fact-checker's judgement of reported item `i` (unmarked for an
    /// item the session has none for).
    #[must_use]
    pub fn judgement(&self, i: usize) -> &Judgement {
        self.session.judgements.get(i).unwrap_or(&UNMARKED)
    }

    /// The passage of a transcript that bears on reported item `i`, if any.
    #[must_use]
    pub fn reported_source(&self, i: usize) -> Option<Passage> {
        self.check.reported.get(i)?.source
    }

    /// The verdict a reported item shows: its mark, or else the engine's.
    #[must_use]
    pub fn shown_verdict(&self, i: usize) -> reported::Verdict {
        self.judgement(i).mark.unwrap_or_else(|| self.check.reported[i].verdict)
    }

    /// What the detail panel says of reported item `i`.
    #[must_use]
    pub fn reported_detail(&self, i: usize) -> Option<&ReportedDetail> {
        self.derived.details.get(i)
    }

    /// The items of a list whose spans in a pane meet a window of its
    /// text, by start: on the transcript side, their sources in the
    /// transcript shown.
    #[must_use]
    pub fn meeting(&self, list: List, side: Side, window: Span) -> Vec<(Span, usize)> {
        let index = match (list, side) {
            (List::Quotes, Side::Article) => Some(&self.derived.quotes),
            (List::Reported, Side::Article) => Some(&self.derived.reported),
            (List::Quotes, Side::Transcript) => self.derived.quote_sources.get(self.shown_transcript()),
            (List::Reported, Side::Transcript) => self.derived.reported_sources.get(self.shown_transcript()),
        };
        index.map(|index| index.meeting(window).collect()).unwrap_or_default()
    }

    /// The source passage chosen for quote `i`, if it has one.
    #[must_use]
    pub fn source(&self, i: usize) -> Option<&Alignment> {
        let quote = self.check.quotes.get(i)?;
        let chosen = self.session.verdicts.get(i).map_or(0, |v| v.candidate);
        quote.candidates.get(chosen).or_else(|| quote.candidates.first())
    }

    /// The category a quote shows: its mark, or else the engine's
    /// suggestion for its chosen source.
    #[must_use]
    pub fn shown_category(&self, i: usize) -> Category {
        self.session.verdicts[i].mark.unwrap_or_else(|| self.suggestion(i))
    }

    /// The engine's suggestion for quote `i`'s chosen source.
    #[must_use]
    pub fn suggestion(&self, i: usize) -> Category {
        self.source(i).map_or(Category::Unsupported, |a| a.category)
    }

    /// The speaker the transcript gives quote `i`'s words to, when that is
    /// not the one the article credits.
    #[must_use]
    pub fn attribution_mismatch(&self, i: usize) -> Option<&str> {
        let source = self.source(i);
        let mismatch = crate::check::attribution(&self.check.quotes[i].quote, source, &self.transcripts)
            == crate::check::Attribution::Mismatch;
        mismatch.then(|| {
            source.and_then(|a| self.transcripts[a.transcript].speaker_at(a.source.start)).unwrap_or("someone else")
        })
    }

    /// What quote `i`'s elisions leave out that matters.
    #[must_use]
    pub fn warnings(&self, i: usize) -> Vec<String> {
        crate::check::warnings(&self.article, &self.check.quotes[i].quote, self.source(i), &self.transcripts)
    }

    /// The transcript the right pane shows: the one holding the selected
    /// item's source, or the nearest item's that has one.
    #[must_use]
    pub fn shown_transcript(&self) -> usize {
        self.chosen_transcript.unwrap_or_else(|| self.transcript_target().map_or(0, |(t, _)| t))
    }

    /// The text and layout of a side.
    #[must_use]
    pub fn pane(&self, side: Side) -> (&Document, &TextLayout) {
        match side {
            Side::Article => (&self.article, &self.article_layout),
            Side::Transcript => {
                let t = self.shown_transcript().min(self.transcripts.len().saturating_sub(1));
                (&self.transcripts[t], &self.transcript_layouts[t])
            }
        }
    }

    /// The screen's layout, or `None` when it is too small.
    #[must_use]
    pub fn geometry(&self) -> Option<Geometry> {
        Geometry::of(Rect::new(0, 0, self.size.0, self.size.1), self.detail_rows(self.size.0))
    }

    /// Rows the detail panel needs for the longest item of the list at a
    /// width, so that the panes keep their height from item to item.
    #[must_use]
    pub fn detail_rows(&self, width: u16) -> u16 {
        if let Some((list, w, rows)) = self.detail_memo.get()
            && (list, w) == (self.list, width)
        {
            return rows;
        }
        let inner = usize::from(width.saturating_sub(2)).max(1);
        // Word wrapping wastes some of each row: allow a fifth more.
        let rows_of = |chars: usize| (chars + chars / 5).div_ceil(inner);
        let rows = match self.list {
            List::Quotes => (0..self.check.quotes.len())
                .map(|i| {
                    let quote = &self.check.quotes[i];
                    let extra: usize = self.source(i).map_or(0, |a| {
                        a.differences.iter().map(|d| d.source.map_or(0, super::super::text::Span::len) + 4).sum()
                    });
                    // The words a mark to re-check was made on, and their label.
                    let marked = self.session.verdicts[i].marked_text.as_ref().map_or(0, |t| rows_of(t.len() + 40));
                    // Then the source line, a warning, the note and the context.
                    rows_of(quote.quote.span.len() + extra) + 4 + marked
                })
                .max(),
            List::Reported => (0..self.check.reported.len())
                .map(|i| {
                    let marked = self.judgement(i).marked_text.as_ref().map_or(0, |t| rows_of(t.len() + 40));
                    let lines: usize = self.derived.details[i].line_lengths().map(rows_of).sum();
                    // Then the note.
                    rows_of(self.check.reported[i].item.span.len()) + lines + marked + 1
                })
                .max(),
        };
        let rows = u16::try_from(rows.unwrap_or(1)).unwrap_or(u16::MAX);
        self.detail_memo.set(Some((self.list, width, rows)));
        rows
    }

    /// The rows and width of a pane's text area.
    fn text_size(&self, side: Side) -> (usize, usize) {
        self.geometry().map_or((1, 1), |g| {
            let area = Geometry::text_area(g.panes[side]);
            (usize::from(area.height).max(1), usize::from(area.width).max(1))
        })
    }

    /// The transcript and span of an item's source in a list.
    fn source_of(&self, list: List, i: usize) -> Option<(usize, Span)> {
        match list {
            List::Quotes => self.source(i).map(|a| (a.transcript, a.source)),
            List::Reported => self.reported_source(i).map(|p| (p.transcript, p.span)),
        }
    }

    /// The transcript and span the right pane follows: the selected item's
    /// source, or the nearest item's that has one.
    fn transcript_target(&self) -> Option<(usize, Span)> {
        let nearest = match self.list {
            List::Quotes => &self.derived.quotes_nearest,
            List::Reported => &self.derived.reported_nearest,
        };
        let i = nearest.get(self.cursor()).copied().flatten()?;
        self.source_of(self.list, i)
    }

    /// The span a pane keeps in view.
    fn target(&self, side: Side) -> Option<Span> {
        let i = self.cursor();
        match side {
            Side::Article => match self.list {
                List::Quotes => self.check.quotes.get(i).map(|q| q.quote.span),
                List::Reported => self.check.reported.get(i).map(|r| r.item.span),
            },
            Side::Transcript => match self.chosen_transcript {
                // The nearest item with a source in the transcript chosen.
                Some(t) => (0..self.len(self.list))
                    .filter_map(|j| {
                        self.source_of(self.list, j).filter(|&(doc, _)| doc == t).map(|(_, span)| (j.abs_diff(i), span))
                    })
                    .min_by_key(|&(d, _)| d)
                    .map(|(_, span)| span),
                None => self.transcript_target().map(|(_, span)| span),
            },
        }
    }

    /// The first row a pane shows.
    #[must_use]
    pub fn top(&self, side: Side) -> RowPos {
        let (doc, layout) = self.pane(side);
        let (height, width) = self.text_size(side);
        let last = layout.last_top(&doc.text, height, width);
        let top = self.scroll[side].unwrap_or_else(|| {
            self.target(side).map_or_else(RowPos::default, |span| {
                let pos = layout.pos_of(&doc.text, span.start, width);
                let lead = isize::try_from(height / 3).unwrap_or(0);
                layout.advance(&doc.text, pos, -lead, width)
            })
        });
        top.min(last)
    }

    /// The rows a pane shows.
    #[must_use]
    pub fn visible_rows(&self, side: Side) -> Vec<Row> {
        let (doc, layout) = self.pane(side);
        let (height, width) = self.text_size(side);
        layout.visible(&doc.text, self.top(side), height, width)
    }

    /// The fact-checker's marks per category, how many quotes are
    /// unmarked and how many marks are to be re-checked.
    #[must_use]
    pub const fn counts(&self) -> Counts {
        self.counts
    }

    /// The same of the reported items.
    #[must_use]
    pub const fn reported_counts(&self) -> ReportedCounts {
        self.reported_counts
    }

    /// One line to print after the screen closes.
    #[must_use]
    pub fn summary(&self) -> String {
        let Counts { marked, unmarked, recheck } = self.counts();
        let mut suggested = [0; 4];
        for i in 0..self.check.quotes.len() {
            suggested[Category::ALL.iter().position(|&c| c == self.suggestion(i)).unwrap_or(3)] += 1;
        }
        let list = |symbols: &[&str], counts: &[usize]| {
            symbols.iter().zip(counts).map(|(s, n)| format!("{n} {s}")).collect::<Vec<_>>().join(" ")
        };
        let categories = Category::ALL.map(Category::symbol);
        let verdicts = reported::Verdict::ALL.map(reported::Verdict::symbol);
        let saved = match &self.save {
            SaveState::Failed(why) => format!("NOT SAVED ({why})"),
            _ => format!("session in {}", self.paths.session.display()),
        };
        let to_recheck = |n: usize| if n > 0 { format!(" · {n} to re-check") } else { String::new() };
        let r = self.reported_counts();
        let mut reported_suggested = [0; 3];
        for item in &self.check.reported {
            reported_suggested[reported::Verdict::ALL.iter().position(|&v| v == item.verdict).unwrap_or(2)] += 1;
        }
        format!(
            "quotecheck: {} quotes · marked {} · {unmarked} unmarked{} · suggested {} · {} reported · marked {} · {} \
             unmarked{} · suggested {} · {saved}",
            self.check.quotes.len(),
            list(&categories, &marked),
            to_recheck(recheck),
            list(&categories, &suggested),
            self.check.reported.len(),
            list(&verdicts, &r.marked),
            r.unmarked,
            to_recheck(r.recheck),
            list(&verdicts, &reported_suggested),
        )
    }

    /// Applies an action; returns the effects it calls for.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        // Below the smallest size nothing shows: only quitting, resizing and
        // the reports of effects already under way do anything.
        let unseen = self.geometry().is_none()
            && !matches!(
                action,
                Action::Quit | Action::Resize { .. } | Action::Saved(_) | Action::Exported(_) | Action::Copied(_)
            );
        if unseen {
            return Vec::new();
        }
        if !matches!(action, Action::Saved(_) | Action::Resize { .. } | Action::Wheel { .. }) {
            self.notice = None;
        }
        let n = self.len(self.list);
        let at = self.cursor();
        match action {
            Action::NextItem => self.select(if n == 0 { 0 } else { (at + 1).min(n - 1) }),
            Action::PrevItem => self.select(at.saturating_sub(1)),
            Action::FirstItem => self.select(0),
            Action::LastItem => self.select(n.saturating_sub(1)),
            Action::NextUnmarked | Action::PrevUnmarked => self.next_unmarked(action == Action::NextUnmarked),
            Action::SwitchList => self.switch_list(),
            Action::SwitchFocus => self.focus = self.focus.other(),
            Action::PageDown | Action::PageUp | Action::HalfPageDown | Action::HalfPageUp => {
                let (height, _) = self.text_size(self.focus);
                let page = isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1);
                let rows = match action {
                    Action::PageDown => page,
                    Action::PageUp => -page,
                    Action::HalfPageDown => (page / 2).max(1),
                    _ => -(page / 2).max(1),
                };
                self.scroll_by(self.focus, rows);
            }
            Action::Wheel { column, row, rows } => {
                let side = self.side_at(column, row).unwrap_or(self.focus);
                self.scroll_by(side, isize::from(rows));
            }
            Action::Mark(category) => return self.mark(category),
            Action::Judge(verdict) => return self.judge(verdict),
            Action::Accept => return self.accept(),
            Action::ClearMark => {
                return match self.list {
                    List::Quotes => self.set_mark(None),
                    List::Reported => self.set_judgement(None),
                };
            }
            Action::NextCandidate => return self.next_candidate(),
            Action::NextTranscript => self.next_transcript(),
            Action::EditNote => self.edit_note(),
            Action::Search => self.mode = Mode::Search(Input::default()),
            Action::SearchNext => self.step_search(1),
            Action::SearchPrev => self.step_search(-1),
            Action::Copy => return self.copy(),
            Action::Export => return self.export(),
            Action::Help => {
                self.mode = if self.mode == Mode::Help { Mode::Normal } else { Mode::Help };
                self.help_scroll = 0;
            }
            Action::HelpScroll(lines) => self.scroll_help(lines),
            Action::Quit => return self.quit(),
            Action::Paste(text) => match &mut self.mode {
                Mode::Note(input) | Mode::Search(input) => input.paste(&text),
                Mode::Normal | Mode::Help => {
                    self.notice = Some("Nothing pasted: a paste goes into a note (e) or a search (/)".to_owned());
                }
            },
            Action::Click { column, row } => self.click(column, row),
            Action::Resize { width, height } => self.size = (width, height),
            Action::Input(edit) => return self.input(edit),
            Action::Saved(result) => {
                self.save = match result {
                    Ok(()) => SaveState::Saved,
                    Err(why) => SaveState::Failed(why),
                };
            }
            Action::Exported(result) => {
                self.notice = Some(match result {
                    Ok(path) => format!("Report written to {}", path.display()),
                    Err(why) => format!("The report could not be written: {why}"),
                });
            }
            Action::Copied(chars) => {
                self.notice = Some(format!("Copied the source passage ({chars} characters) to the clipboard"));
            }
        }
        Vec::new()
    }

    /// Marks the selected item with what the engine suggests.
    fn accept(&mut self) -> Vec<Effect> {
        match self.list {
            List::Quotes => self.set_mark(Some(self.suggestion(self.selected))),
            List::Reported => match self.check.reported.get(self.selected_reported) {
                Some(r) => self.set_judgement(Some(r.verdict)),
                None => Vec::new(),
            },
        }
    }

    fn next_transcript(&mut self) {
        let count = self.transcripts.len();
        if count < 2 {
            self.notice = Some("There is only one transcript".to_owned());
        } else {
            let next = (self.shown_transcript() + 1) % count;
            self.chosen_transcript = Some(next);
            self.scroll.transcript = None;
            self.notice = Some(format!("Transcript {} of {count}: {}", next + 1, self.transcripts[next].name));
        }
    }

    fn edit_note(&mut self) {
        let at = self.cursor();
        if at < self.len(self.list) {
            let note = match self.list {
                List::Quotes => self.session.verdicts[at].note.as_deref(),
                List::Reported => self.judgement(at).note.as_deref(),
            };
            self.mode = Mode::Note(Input::new(note.unwrap_or("")));
        }
    }

    fn quit(&mut self) -> Vec<Effect> {
        self.quit = true;
        // Quitting never loses a note: one being typed is kept, as Enter
        // would keep it.
        if matches!(self.mode, Mode::Note(_)) { self.input(Edit::Submit) } else { Vec::new() }
    }

    fn scroll_help(&mut self, lines: i16) {
        let columns = super::view::help_columns(self, self.size.0.saturating_sub(4));
        let total = columns.iter().map(Vec::len).max().map_or(0, |n| u16::try_from(n).unwrap_or(u16::MAX));
        let page = self.size.1.saturating_sub(2).max(1);
        let lines =
            if lines.abs() >= HELP_PAGE { lines.signum() * i16::try_from(page - 1).unwrap_or(1) } else { lines };
        // Never past the point where the last line shows.
        self.help_scroll = self.help_scroll.saturating_add_signed(lines).min(total.saturating_sub(page));
    }

    /// Selects item `i` of the list walked through.
    fn select(&mut self, i: usize) {
        let selected = match self.list {
            List::Quotes => &mut self.selected,
            List::Reported => &mut self.selected_reported,
        };
        if i != *selected {
            *selected = i;
            self.scroll = Pair::default();
            self.chosen_transcript = None;
        }
    }

    fn switch_list(&mut self) {
        self.list = self.list.other();
        self.scroll = Pair::default();
        self.chosen_transcript = None;
        if self.len(self.list) == 0 {
            self.notice = Some(match self.list {
                List::Quotes => "This article has no quotations".to_owned(),
                List::Reported => "This article reports no speech outside its quotations".to_owned(),
            });
        }
    }

    fn is_marked(&self, list: List, i: usize) -> bool {
        match list {
            List::Quotes => self.session.verdicts[i].mark.is_some(),
            List::Reported => self.judgement(i).mark.is_some(),
        }
    }

    fn next_unmarked(&mut self, forward: bool) {
        let (list, n, at) = (self.list, self.len(self.list), self.cursor());
        let unmarked = |i: &usize| !self.is_marked(list, *i);
        let found = if forward {
            (at + 1..n).chain(0..at).find(unmarked)
        } else {
            (0..at).rev().chain((at + 1..n).rev()).find(unmarked)
        };
        match found {
            Some(i) => {
                let wrapped = if forward { i < at } else { i > at };
                self.select(i);
                if wrapped {
                    let from = if forward { "the top" } else { "the end" };
                    self.notice =
                        Some(format!("Wrapped around to {from}: {} {} is the next unmarked", list.item(), i + 1));
                }
            }
            None => self.notice = Some(format!("Every other {} is marked", list.item())),
        }
    }

    fn scroll_by(&mut self, side: Side, rows: isize) {
        let (doc, layout) = self.pane(side);
        let (height, width) = self.text_size(side);
        let top = layout.advance(&doc.text, self.top(side), rows, width);
        let top = top.min(layout.last_top(&doc.text, height, width));
        self.scroll[side] = Some(top);
    }

    /// Indexes the quotes' chosen sources, per transcript.
    fn index_quote_sources(&mut self) {
        self.derived.quote_sources = (0..self.transcripts.len())
            .map(|t| {
                SpanIndex::new(
                    (0..self.check.quotes.len())
                        .filter_map(|i| self.source(i).filter(|a| a.transcript == t).map(|a| (a.source, i))),
                )
            })
            .collect();
    }

    /// Counts the marks again.
    fn recount(&mut self) {
        self.counts = self.session.counts();
        let mut counts = ReportedCounts::default();
        for j in &self.session.judgements {
            match j.mark {
                _ if j.needs_recheck() => counts.recheck += 1,
                Some(v) => counts.marked[reported::Verdict::ALL.iter().position(|&x| x == v).unwrap_or(0)] += 1,
                None => counts.unmarked += 1,
            }
        }
        self.reported_counts = counts;
    }

    /// What a change to the marks or notes calls for: the counts and the
    /// panel's height worked out again, the session saved.
    fn changed(&mut self) -> Vec<Effect> {
        self.recount();
        self.detail_memo.set(None);
        vec![Effect::Save {
            path: self.paths.session.clone(),
            file: self.session.to_file(&self.article, &self.transcripts, &self.check),
        }]
    }

    /// A key of the quotes' categories: a mark among the quotes; among
    /// reported speech, `Unsupported` alone means something.
    fn mark(&mut self, category: Category) -> Vec<Effect> {
        match (self.list, category) {
            (List::Quotes, _) => self.set_mark(Some(category)),
            (List::Reported, Category::Unsupported) => self.set_judgement(Some(reported::Verdict::Unsupported)),
            (List::Reported, _) => {
                self.notice = Some(format!(
                    "{} is for quotes: reported speech is marked {} ({} quotes)",
                    category.name(),
                    verdict_keys(),
                    keymap::key_for(&Action::SwitchList).unwrap_or_default()
                ));
                Vec::new()
            }
        }
    }

    /// A key of the reported verdicts: a mark among reported speech.
    fn judge(&mut self, verdict: reported::Verdict) -> Vec<Effect> {
        match self.list {
            List::Reported => self.set_judgement(Some(verdict)),
            List::Quotes => {
                self.notice = Some(format!(
                    "{} is for reported speech: press {} to walk through it, where {} marks an item {}",
                    verdict.name(),
                    keymap::key_for(&Action::SwitchList).unwrap_or_default(),
                    keymap::key_for(&Action::Judge(verdict)).unwrap_or_default(),
                    verdict.name()
                ));
                Vec::new()
            }
        }
    }

    fn set_mark(&mut self, mark: Option<Category>) -> Vec<Effect> {
        let Some(verdict) = self.session.verdicts.get_mut(self.selected) else { return Vec::new() };
        // Marking again, even with the same category, settles a mark that
        // was made on other words.
        if verdict.mark == mark && !verdict.needs_recheck() {
            return Vec::new();
        }
        verdict.mark = mark;
        verdict.marked_text = None;
        self.changed()
    }

    fn set_judgement(&mut self, mark: Option<reported::Verdict>) -> Vec<Effect> {
        let Some(judgement) = self.session.judgements.get_mut(self.selected_reported) else { return Vec::new() };
        // As for quotes, marking again settles a mark made on other words.
        if judgement.mark == mark && !judgement.needs_recheck() {
            return Vec::new();
        }
        judgement.mark = mark;
        judgement.marked_text = None;
        self.changed()
    }

    fn next_candidate(&mut self) -> Vec<Effect> {
        if self.list == List::Reported {
            if !self.check.reported.is_empty() {
                self.notice = Some("A reported item has one passage: c tries another for a quote".to_owned());
            }
            return Vec::new();
        }
        let Some(quote) = self.check.quotes.get(self.selected) else { return Vec::new() };
        let count = quote.candidates.len();
        if count < 2 {
            self.notice = Some(if count == 0 {
                "No passage of the transcript is close to this quote".to_owned()
            } else {
                "This quote has only one candidate passage".to_owned()
            });
            return Vec::new();
        }
        let verdict = &mut self.session.verdicts[self.selected];
        verdict.candidate = (verdict.candidate + 1) % count;
        self.notice = Some(format!("Candidate passage {} of {count}", verdict.candidate + 1));
        self.scroll.transcript = None;
        self.index_quote_sources();
        self.changed()
    }

    fn copy(&mut self) -> Vec<Effect> {
        if let Some((t, span)) = self.source_of(self.list, self.cursor()) {
            vec![Effect::Copy(self.transcripts[t].slice(span).to_owned())]
        } else {
            self.notice = Some(format!("This {} has no source passage to copy", self.list.item()));
            Vec::new()
        }
    }

    fn export(&self) -> Vec<Effect> {
        let report = Report {
            article: &self.article,
            transcripts: &self.transcripts,
            check: &self.check,
            verdicts: &self.session.verdicts,
            judgements: &self.session.judgements,
            orphans: &self.session.orphans,
        };
        let mut markdown = Vec::new();
        if report.write(Format::Markdown, &mut markdown).is_err() {
            return Vec::new();
        }
        vec![Effect::Export {
            path: self.paths.export.clone(),
            markdown: String::from_utf8_lossy(&markdown).into_owned(),
        }]
    }

    fn input(&mut self, edit: Edit) -> Vec<Effect> {
        match (&mut self.mode, edit) {
            (Mode::Note(_) | Mode::Search(_), Edit::Cancel) => self.mode = Mode::Normal,
            (Mode::Note(input), Edit::Submit) => {
                let text = input.text.trim().to_owned();
                self.mode = Mode::Normal;
                let note = (!text.is_empty()).then_some(text);
                let kept = match self.list {
                    List::Quotes => self.session.verdicts.get_mut(self.selected).map(|v| &mut v.note),
                    List::Reported => self.session.judgements.get_mut(self.selected_reported).map(|j| &mut j.note),
                };
                if let Some(kept) = kept
                    && *kept != note
                {
                    *kept = note;
                    return self.changed();
                }
            }
            (Mode::Search(input), Edit::Submit) => {
                let query = input.text.clone();
                self.mode = Mode::Normal;
                self.run_search(&query);
            }
            (Mode::Note(input) | Mode::Search(input), edit) => input.edit(edit),
            _ => {}
        }
        Vec::new()
    }

    fn run_search(&mut self, query: &str) {
        if query.is_empty() {
            self.search = None;
            return;
        }
        let side = self.focus;
        let doc = if side == Side::Article { 0 } else { self.shown_transcript() };
        let text = &self.pane(side).0.text;
        let hits: Vec<Span> = regex::RegexBuilder::new(&regex::escape(query))
            .case_insensitive(true)
            .build()
            .map(|re| re.find_iter(text).take(100_000).map(|m| Span::new(m.start(), m.end())).collect())
            .unwrap_or_default();
        if hits.is_empty() {
            self.notice = Some(format!("No match for “{query}” in the {}", side_name(side)));
            self.search = None;
            return;
        }
        let from = self.visible_rows(side).first().map_or(0, |r| r.start);
        let current = hits.iter().position(|h| h.start >= from).unwrap_or(0);
        self.search = Some(Search { side, doc, query: query.to_owned(), hits, current });
        self.show_hit();
    }

    fn step_search(&mut self, by: isize) {
        let Some(search) = &mut self.search else {
            self.notice = Some("No search yet: press / to search the focused pane".to_owned());
            return;
        };
        let len = search.hits.len();
        let step = by.rem_euclid(isize::try_from(len).unwrap_or(1));
        search.current = (search.current + usize::try_from(step).unwrap_or(0)) % len;
        self.show_hit();
    }

    /// Scrolls the searched pane to the current hit.
    fn show_hit(&mut self) {
        let Some(search) = &self.search else { return };
        let (side, hit) = (search.side, search.hits[search.current]);
        let (n, total) = (search.current + 1, search.hits.len());
        if side == Side::Transcript && search.doc != self.shown_transcript() {
            return;
        }
        let (doc, layout) = self.pane(side);
        let (height, width) = self.text_size(side);
        let pos = layout.pos_of(&doc.text, hit.start, width);
        let lead = isize::try_from(height / 3).unwrap_or(0);
        let top = layout.advance(&doc.text, pos, -lead, width).min(layout.last_top(&doc.text, height, width));
        self.scroll[side] = Some(top);
        self.notice = Some(format!("Match {n} of {total} for “{}”", search.query));
    }

    /// The pane whose text area holds a screen cell.
    fn side_at(&self, column: u16, row: u16) -> Option<Side> {
        let g = self.geometry()?;
        [Side::Article, Side::Transcript].into_iter().find(|&s| g.panes[s].contains((column, row).into()))
    }

    /// The byte offset of the text at a screen cell of a pane, if any.
    #[must_use]
    pub fn offset_at(&self, side: Side, column: u16, row: u16) -> Option<usize> {
        let area = Geometry::text_area(self.geometry()?.panes[side]);
        if !area.contains((column, row).into()) {
            return None;
        }
        let rows = self.visible_rows(side);
        let r = rows.get(usize::from(row - area.y))?;
        let text = &self.pane(side).0.text;
        let mut x = usize::from(area.x);
        for cell in cells(text, r.start, r.end, 0) {
            if usize::from(column) < x + cell.width.max(1) {
                return Some(cell.offset);
            }
            x += cell.width;
        }
        None
    }

    /// A click selects the item of the list walked through under it (the
    /// innermost, when items nest), in the article or by its source.
    fn click(&mut self, column: u16, row: u16) {
        let Some(side) = self.side_at(column, row) else { return };
        self.focus = side;
        let Some(offset) = self.offset_at(side, column, row) else { return };
        let hit = self.meeting(self.list, side, Span::new(offset, offset + 1)).last().map(|&(_, i)| i);
        if let Some(i) = hit {
            self.select(i);
        }
    }
}

/// The keys that mark reported speech, each with its verdict:
/// `s ✓ supported, d ≠ distorted or u ✗ unsupported`.
fn verdict_keys() -> String {
    let keys: Vec<String> = reported::Verdict::ALL
        .iter()
        .map(|&v| {
            let action = if v == reported::Verdict::Unsupported {
                Action::Mark(Category::Unsupported)
            } else {
                Action::Judge(v)
            };
            format!("{} {} {}", keymap::key_for(&action).unwrap_or_default(), v.symbol(), v.name())
        })
        .collect();
    match keys.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => keys.join(""),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// How a side is named in messages.
#[must_use]
pub const fn side_name(side: Side) -> &'static str {
    match side {
        Side::Article => "article",
        Side::Transcript => "transcript",
    }
}
