//! The review screen's model and its one mutator.
//!
//! [`App`] holds the check and the fact-checker's session; [`Action`]s are
//! plain data; [`App::update`] is the only thing that changes the model,
//! valid in every state, and returns [`Effect`]s (save, export, copy) for
//! the event loop to carry out, which reports back with another action.
//! Scroll positions are derived from the selected quote unless the
//! fact-checker has scrolled a pane by hand.

use std::ops::{Index, IndexMut};
use std::path::PathBuf;

use ratatui::layout::Rect;

use super::layout::{Row, RowPos, TextLayout, cells};
use super::theme::Theme;
use crate::align::{Alignment, Category};
use crate::check::Check;
use crate::document::Document;
use crate::report::{Format, Report, Verdict};
use crate::session::{Session, SessionFile};
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
    /// Select the next quote.
    NextQuote,
    /// Select the previous quote.
    PrevQuote,
    /// Select the next quote without a mark.
    NextUnmarked,
    /// Select the previous quote without a mark.
    PrevUnmarked,
    /// Select the first quote.
    FirstQuote,
    /// Select the last quote.
    LastQuote,
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
    /// Mark the quote with a category.
    Mark(Category),
    /// Mark the quote with the category the engine suggests.
    Accept,
    /// Clear the quote's mark.
    ClearMark,
    /// Use the next candidate passage as the quote's source.
    NextCandidate,
    /// Show the next transcript in the right pane.
    NextTranscript,
    /// Start editing the quote's note.
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
    /// Quit (the session is already saved).
    Quit,
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
        let prev = |s: &str, at: usize| s[..at].chars().next_back().map_or(at, |c| at - c.len_utf8());
        let next = |s: &str, at: usize| s[at..].chars().next().map_or(at, |c| at + c.len_utf8());
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
}

/// What the keys are doing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Moving through quotes and marking them.
    #[default]
    Normal,
    /// The help is open.
    Help,
    /// Editing the note of the selected quote.
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

    /// Where a pane's text goes: inside its border, after a two-column
    /// gutter for category symbols.
    #[must_use]
    pub fn text_area(pane: Rect) -> Rect {
        Rect::new(pane.x + 3, pane.y + 1, pane.width.saturating_sub(4), pane.height.saturating_sub(2))
    }
}

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
    selected: usize,
    focus: Side,
    scroll: Pair<Option<RowPos>>,
    mode: Mode,
    search: Option<Search>,
    notice: Option<String>,
    save: SaveState,
    size: (u16, u16),
    quit: bool,
    help_scroll: u16,
    /// A transcript shown by choice, until the next quote is selected.
    chosen_transcript: Option<usize>,
    article_layout: TextLayout,
    transcript_layouts: Vec<TextLayout>,
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
        let orphans = session.orphans.len();
        let notice = if orphans > 0 {
            Some(format!("{orphans} mark{} whose quote is no longer in the article kept (see ? help)", plural(orphans)))
        } else if session.edited > 0 {
            let n = session.edited;
            Some(format!("{n} mark{} followed a quote edited since it was marked", plural(n)))
        } else {
            None
        };
        Self {
            article,
            transcripts,
            check,
            session,
            paths,
            theme,
            selected: 0,
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
        }
    }

    /// The selected quote's index (0 when there are none).
    #[must_use]
    pub const fn selected(&self) -> usize {
        self.selected
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
    /// quote's source, or the nearest quote's that has one.
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

    /// Rows the detail panel needs for its longest quote at a width, so
    /// that the panes keep their height from quote to quote.
    #[must_use]
    pub fn detail_rows(&self, width: u16) -> u16 {
        let inner = usize::from(width.saturating_sub(2)).max(1);
        let rows = (0..self.check.quotes.len())
            .map(|i| {
                let quote = &self.check.quotes[i];
                let extra: usize = self.source(i).map_or(0, |a| {
                    a.differences.iter().map(|d| d.source.map_or(0, super::super::text::Span::len) + 4).sum()
                });
                let text = quote.quote.span.len() + extra;
                // Word wrapping wastes some of each row: allow a fifth more.
                // Word wrapping wastes some of each row: allow a fifth more;
                // then the source line, a warning, the note and the context.
                (text + text / 5).div_ceil(inner) + 4
            })
            .max()
            .unwrap_or(1);
        u16::try_from(rows).unwrap_or(u16::MAX)
    }

    /// The rows and width of a pane's text area.
    fn text_size(&self, side: Side) -> (usize, usize) {
        self.geometry().map_or((1, 1), |g| {
            let area = Geometry::text_area(g.panes[side]);
            (usize::from(area.height).max(1), usize::from(area.width).max(1))
        })
    }

    /// The transcript and span the right pane follows.
    fn transcript_target(&self) -> Option<(usize, Span)> {
        let n = self.check.quotes.len();
        let with_source = |i: usize| self.source(i).map(|a| (a.transcript, a.source));
        with_source(self.selected).or_else(|| {
            (1..n).find_map(|d| {
                let back = self.selected.checked_sub(d).and_then(with_source);
                back.or_else(|| (self.selected + d < n).then(|| with_source(self.selected + d)).flatten())
            })
        })
    }

    /// The span a pane keeps in view.
    fn target(&self, side: Side) -> Option<Span> {
        match side {
            Side::Article => self.check.quotes.get(self.selected).map(|q| q.quote.span),
            Side::Transcript => match self.chosen_transcript {
                // The nearest quote with a source in the transcript chosen.
                Some(t) => (0..self.check.quotes.len())
                    .filter_map(|i| {
                        self.source(i).filter(|a| a.transcript == t).map(|a| (i.abs_diff(self.selected), a.source))
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

    /// The fact-checker's marks per category and how many are unmarked.
    #[must_use]
    pub fn counts(&self) -> ([usize; 4], usize) {
        self.session.counts()
    }

    /// One line to print after the screen closes.
    #[must_use]
    pub fn summary(&self) -> String {
        let (marks, unmarked) = self.counts();
        let mut suggested = [0; 4];
        for i in 0..self.check.quotes.len() {
            suggested[Category::ALL.iter().position(|&c| c == self.suggestion(i)).unwrap_or(3)] += 1;
        }
        let list = |counts: [usize; 4]| {
            Category::ALL.iter().zip(counts).map(|(c, n)| format!("{n} {}", c.symbol())).collect::<Vec<_>>().join(" ")
        };
        let saved = match &self.save {
            SaveState::Failed(why) => format!("NOT SAVED ({why})"),
            _ => format!("session in {}", self.paths.session.display()),
        };
        format!(
            "quotecheck: {} quotes · marked {} · {unmarked} unmarked · suggested {} · {saved}",
            self.check.quotes.len(),
            list(marks),
            list(suggested)
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
        let n = self.check.quotes.len();
        match action {
            Action::NextQuote => self.select(if n == 0 { 0 } else { (self.selected + 1).min(n - 1) }),
            Action::PrevQuote => self.select(self.selected.saturating_sub(1)),
            Action::FirstQuote => self.select(0),
            Action::LastQuote => self.select(n.saturating_sub(1)),
            Action::NextUnmarked | Action::PrevUnmarked => self.next_unmarked(action == Action::NextUnmarked),
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
            Action::Mark(category) => return self.set_mark(Some(category)),
            Action::Accept => return self.set_mark(Some(self.suggestion(self.selected))),
            Action::ClearMark => return self.set_mark(None),
            Action::NextCandidate => return self.next_candidate(),
            Action::NextTranscript => {
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
            Action::EditNote => {
                if n > 0 {
                    self.mode =
                        Mode::Note(Input::new(self.session.verdicts[self.selected].note.as_deref().unwrap_or("")));
                }
            }
            Action::Search => self.mode = Mode::Search(Input::default()),
            Action::SearchNext => self.step_search(1),
            Action::SearchPrev => self.step_search(-1),
            Action::Copy => return self.copy(),
            Action::Export => return self.export(),
            Action::Help => {
                self.mode = if self.mode == Mode::Help { Mode::Normal } else { Mode::Help };
                self.help_scroll = 0;
            }
            Action::HelpScroll(lines) => {
                let columns = super::view::help_columns(self, self.size.0.saturating_sub(4));
                let total = columns.iter().map(Vec::len).max().map_or(0, |n| u16::try_from(n).unwrap_or(u16::MAX));
                let page = self.size.1.saturating_sub(2).max(1);
                let lines = if lines.abs() >= HELP_PAGE {
                    lines.signum() * i16::try_from(page - 1).unwrap_or(1)
                } else {
                    lines
                };
                // Never past the point where the last line shows.
                self.help_scroll = self.help_scroll.saturating_add_signed(lines).min(total.saturating_sub(page));
            }
            Action::Quit => self.quit = true,
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

    fn select(&mut self, i: usize) {
        if i != self.selected {
            self.selected = i;
            self.scroll = Pair::default();
            self.chosen_transcript = None;
        }
    }

    fn next_unmarked(&mut self, forward: bool) {
        let n = self.check.quotes.len();
        let unmarked = |i: &usize| self.session.verdicts[*i].mark.is_none();
        let found = if forward {
            (self.selected + 1..n).chain(0..self.selected).find(unmarked)
        } else {
            (0..self.selected).rev().chain((self.selected + 1..n).rev()).find(unmarked)
        };
        match found {
            Some(i) => {
                let wrapped = if forward { i < self.selected } else { i > self.selected };
                self.select(i);
                if wrapped {
                    let from = if forward { "the top" } else { "the end" };
                    self.notice = Some(format!("Wrapped around to {from}: quote {} is the next unmarked", i + 1));
                }
            }
            None => self.notice = Some("Every other quote is marked".to_owned()),
        }
    }

    fn scroll_by(&mut self, side: Side, rows: isize) {
        let (doc, layout) = self.pane(side);
        let (height, width) = self.text_size(side);
        let top = layout.advance(&doc.text, self.top(side), rows, width);
        let top = top.min(layout.last_top(&doc.text, height, width));
        self.scroll[side] = Some(top);
    }

    fn save_effect(&self) -> Vec<Effect> {
        vec![Effect::Save {
            path: self.paths.session.clone(),
            file: self.session.to_file(&self.article, &self.transcripts, &self.check),
        }]
    }

    fn set_mark(&mut self, mark: Option<Category>) -> Vec<Effect> {
        let Some(verdict) = self.session.verdicts.get_mut(self.selected) else { return Vec::new() };
        if verdict.mark == mark {
            return Vec::new();
        }
        verdict.mark = mark;
        self.save_effect()
    }

    fn next_candidate(&mut self) -> Vec<Effect> {
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
        self.save_effect()
    }

    fn copy(&mut self) -> Vec<Effect> {
        if let Some(a) = self.source(self.selected) {
            vec![Effect::Copy(self.transcripts[a.transcript].slice(a.source).to_owned())]
        } else {
            self.notice = Some("This quote has no source passage to copy".to_owned());
            Vec::new()
        }
    }

    fn export(&self) -> Vec<Effect> {
        let report = Report {
            article: &self.article,
            transcripts: &self.transcripts,
            check: &self.check,
            verdicts: &self.session.verdicts,
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
                if let Some(verdict) = self.session.verdicts.get_mut(self.selected)
                    && verdict.note != note
                {
                    verdict.note = note;
                    return self.save_effect();
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

    fn click(&mut self, column: u16, row: u16) {
        let Some(side) = self.side_at(column, row) else { return };
        self.focus = side;
        let Some(offset) = self.offset_at(side, column, row) else { return };
        let shown = self.shown_transcript();
        let hit = (0..self.check.quotes.len()).rev().find(|&i| match side {
            Side::Article => self.check.quotes[i].quote.span.contains(offset),
            Side::Transcript => self.source(i).is_some_and(|a| a.transcript == shown && a.source.contains(offset)),
        });
        if let Some(i) = hit {
            self.select(i);
        }
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
