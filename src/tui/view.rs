//! Drawing the review screen: a view that only borrows the model.
//!
//! ```text
//! ┌ Article ──────────────┐┌ Transcript ───────────┐
//! │✓ text with every quote ││✓ text with every source│
//! └────────────────────────┘└────────────────────────┘
//! ┌ Quote 4/10 · Lavrov · suggested ≈ altered 0.97 · mark: — ┐
//! │ the quote, its differences marked                        │
//! └──────────────────────────────────────────────────────────┘
//!  j/k quote  v a p u mark  ? help        ✓3 ≈1 ~0 ✗0 · 6 unmarked
//! ```

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment as TextAlign, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Geometry, MIN_SIZE, Mode, SaveState, Side, side_name};
use super::keymap::{self, Binding};
use super::layout::{Row, cells};
use crate::align::{Category, Kind};
use crate::report::format_time;
use crate::text::Span;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(geometry) = Geometry::of(area, self.detail_rows(area.width)) else {
            render_too_small(area, buf);
            return;
        };
        for side in [Side::Article, Side::Transcript] {
            render_pane(self, side, geometry.panes[side], buf);
        }
        render_detail(self, geometry.detail, buf);
        render_status(self, geometry.status, buf);
        if *self.mode() == Mode::Help {
            render_help(self, area, buf);
        }
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    let (w, h) = MIN_SIZE;
    let lines = vec![
        Line::from(format!("quotecheck needs a terminal of at least {w}×{h}")),
        Line::from(format!("(this one is {}×{}).", area.width, area.height)),
        Line::from("Enlarge it, or press q to quit."),
    ];
    let height = u16::try_from(lines.len()).unwrap_or(3).min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    Paragraph::new(lines)
        .alignment(TextAlign::Center)
        .wrap(Wrap { trim: true })
        .render(Rect::new(area.x, y, area.width, area.height - (y - area.y)), buf);
}

/// A span of a pane's text drawn in a style, with the category symbol its
/// rows show in the gutter.
struct Highlight {
    span: Span,
    style: Style,
    symbol: Option<(&'static str, Style)>,
    current: bool,
}

fn highlights(app: &App, side: Side, visible: Span) -> Vec<Highlight> {
    let theme = app.theme;
    let shown = app.shown_transcript();
    let mut out = Vec::new();
    for i in 0..app.check.quotes.len() {
        let span = match side {
            Side::Article => Some(app.check.quotes[i].quote.span),
            Side::Transcript => app.source(i).filter(|a| a.transcript == shown).map(|a| a.source),
        };
        let Some(span) = span.filter(|s| s.start < visible.end && s.end > visible.start) else { continue };
        let category = app.shown_category(i);
        let current = i == app.selected();
        let style = if current { theme.current(category) } else { theme.highlight(category) };
        let symbol_style = if current { theme.current(category) } else { theme.category(category) };
        out.push(Highlight { span, style, symbol: Some((category.symbol(), symbol_style)), current });
    }
    // The selected one last, so that it is drawn over the others.
    out.sort_by_key(|h| h.current);
    if let Some(search) = app.search().filter(|s| s.side == side && (side == Side::Article || s.doc == shown)) {
        let from = search.hits.partition_point(|h| h.end <= visible.start);
        for (n, hit) in search.hits[from..].iter().take_while(|h| h.start < visible.end).enumerate() {
            let current = from + n == search.current;
            let style = if current { theme.hit().add_modifier(Modifier::BOLD) } else { theme.hit() };
            out.push(Highlight { span: *hit, style, symbol: None, current: false });
        }
    }
    out
}

fn render_pane(app: &App, side: Side, area: Rect, buf: &mut Buffer) {
    let (doc, _) = app.pane(side);
    let focused = app.focus() == side;
    // The file's name, not its folders: the title has room for little.
    let name =
        std::path::Path::new(&doc.name).file_name().map_or(doc.name.clone(), |n| n.to_string_lossy().into_owned());
    let mut title = format!(" {} · {name} ", if side == Side::Article { "Article" } else { "Transcript" });
    if side == Side::Transcript && app.transcripts.len() > 1 {
        title = format!(" Transcript {} of {} · {name} ", app.shown_transcript() + 1, app.transcripts.len());
    }
    let block = Block::new().borders(Borders::ALL).border_style(app.theme.border(focused)).title(title);
    block.render(area, buf);
    let text_area = Geometry::text_area(area);
    let rows = app.visible_rows(side);
    let visible = Span::new(rows.first().map_or(0, |r| r.start), rows.last().map_or(0, |r| r.end + 1));
    let marks = highlights(app, side, visible);
    for (i, row) in rows.iter().enumerate() {
        let y = text_area.y + u16::try_from(i).unwrap_or(u16::MAX);
        render_gutter(&marks, *row, text_area.x.saturating_sub(2), y, buf);
        render_row(&doc.text, *row, &marks, Rect::new(text_area.x, y, text_area.width, 1), buf);
    }
}

/// The category symbol of a row: on the row where a quote or source
/// starts, and a thin rule on the rows it continues over.
fn render_gutter(marks: &[Highlight], row: Row, x: u16, y: u16, buf: &mut Buffer) {
    let covering = marks
        .iter()
        .filter(|h| h.symbol.is_some() && h.span.start < row.end.max(row.start + 1) && h.span.end > row.start)
        .max_by_key(|h| h.current);
    if let Some(h) = covering {
        let (symbol, style) = h.symbol.expect("filtered");
        let starts_here = h.span.start >= row.start;
        buf.set_stringn(x, y, if starts_here { symbol } else { "┊" }, 1, style);
    }
}

fn render_row(text: &str, row: Row, marks: &[Highlight], area: Rect, buf: &mut Buffer) {
    let right = usize::from(area.x) + usize::from(area.width);
    let mut x = usize::from(area.x);
    for cell in cells(text, row.start, row.end, 0) {
        if cell.width == 0 {
            continue;
        }
        if x + cell.width > right {
            break;
        }
        let style = marks.iter().filter(|h| h.span.contains(cell.offset)).fold(Style::new(), |s, h| s.patch(h.style));
        let column = u16::try_from(x).unwrap_or(u16::MAX);
        buf.set_stringn(column, area.y, &cell.shown, cell.width, style);
        x += cell.width;
    }
}

/// The quote with its differences marked, as styled pieces.
fn diff_line(app: &App, i: usize) -> Vec<TextSpan<'static>> {
    let theme = app.theme;
    let quote = &app.check.quotes[i].quote;
    let text = &app.article.text;
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(a) = app.source(i) else {
        return vec![TextSpan::raw(flat(&text[quote.span.range()]))];
    };
    let source = |s: Option<Span>| s.map(|s| flat(app.transcripts[a.transcript].slice(s))).unwrap_or_default();
    let mut out = Pieces::default();
    let mut at = quote.span.start;
    for d in &a.differences {
        let start = d.quote.map_or(d.at, |q| q.start).clamp(at, quote.span.end);
        out.text(&text[at..start]);
        at = start;
        let quoted = d.quote.map(|q| flat(&text[q.within(Span::new(at, quote.span.end)).range()])).unwrap_or_default();
        let style = theme.difference(d.kind);
        // Source words the quote lost are shown struck and in ⟨ ⟩, so that
        // they read as such without colour or strike-through too.
        match d.kind {
            Kind::Substitution => {
                out.word(quoted, style);
                out.word(format!("⟨{}⟩", source(d.source)), theme.struck());
            }
            Kind::Addition => out.word(quoted, style),
            Kind::Omission => out.word(format!("⟨{}⟩", source(d.source)), style),
            Kind::Disfluency => out.word(format!("‹{}›", source(d.source)), style),
            Kind::Elision | Kind::Insertion | Kind::Variant => {
                out.word(quoted, style);
                if d.source.is_some() {
                    out.word(format!("[{}]", source(d.source)), theme.aside());
                }
            }
        }
        if let Some(q) = d.quote {
            at = q.end.clamp(at, quote.span.end);
        }
    }
    out.text(&text[at..quote.span.end]);
    out.spans
}

/// Styled pieces of a line, spaced as words: a piece never runs into the
/// word before it.
#[derive(Default)]
struct Pieces {
    spans: Vec<TextSpan<'static>>,
    /// The last character put in, if any.
    last: Option<char>,
}

impl Pieces {
    /// Text of the quote between differences, blanks collapsed.
    fn text(&mut self, s: &str) {
        let mut flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if flat.is_empty() {
            if !s.is_empty() && self.last.is_some_and(|c| c != ' ') {
                self.push(" ".to_owned(), Style::new());
            }
            return;
        }
        let after_word = self.last.is_some_and(|c| !c.is_whitespace()) && flat.starts_with(char::is_alphanumeric);
        if s.starts_with(char::is_whitespace) || after_word {
            flat.insert(0, ' ');
        }
        if s.ends_with(char::is_whitespace) {
            flat.push(' ');
        }
        self.push(flat, Style::new());
    }

    /// A difference: a space before it unless the line ends with one or
    /// it opens with punctuation.
    fn word(&mut self, s: String, style: Style) {
        if s.is_empty() {
            return;
        }
        let glued = s.starts_with([',', '.', ';', ':', '!', '?', ')']);
        if self.last.is_some_and(|c| !c.is_whitespace() && c != '(' && c != '“') && !glued {
            self.push(" ".to_owned(), Style::new());
        }
        self.push(s, style);
    }

    fn push(&mut self, s: String, style: Style) {
        self.last = s.chars().next_back().or(self.last);
        self.spans.push(TextSpan::styled(s, style));
    }
}

fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let n = app.check.quotes.len();
    if n == 0 {
        let block = Block::new().borders(Borders::ALL).title(" No quotes ");
        Paragraph::new("This article has no quotations: there is nothing to check.").block(block).render(area, buf);
        return;
    }
    let i = app.selected();
    let quote = &app.check.quotes[i];
    let verdict = app.verdict(i);
    let suggestion = app.suggestion(i);
    let similarity = app.source(i).map_or(quote.similarity, |a| a.similarity);
    // Most important first: a narrow title loses its end, not the mark.
    let mut title = vec![TextSpan::raw(format!(" Quote {}/{n} · mark: ", i + 1))];
    title.push(match verdict.mark {
        Some(mark) => TextSpan::styled(
            format!("{} {}", mark.symbol(), mark.name()),
            theme.category(mark).add_modifier(Modifier::BOLD),
        ),
        None => TextSpan::raw("—"),
    });
    title.push(TextSpan::raw(" · suggested "));
    // An unsupported quote has no passage: its number would read as a score.
    let figure = if suggestion == Category::Unsupported { String::new() } else { format!(" {similarity:.2}") };
    title.push(TextSpan::styled(
        format!("{} {}{figure}", suggestion.symbol(), suggestion.name()),
        theme.category(suggestion),
    ));
    if let Some(name) = &quote.quote.attributed_to {
        title.push(TextSpan::raw(format!(" · {name}")));
    }
    title.push(TextSpan::raw(" "));
    let block = Block::new().borders(Borders::ALL).border_style(theme.border(false)).title(Line::from(title));
    let mut lines = vec![Line::from(diff_line(app, i))];
    if let Some(a) = app.source(i) {
        let doc = &app.transcripts[a.transcript];
        let mut place = format!("source: {} line {}", doc.name, doc.line_of(a.source.start));
        if let Some(speaker) = doc.speaker_at(a.source.start) {
            let _ = write!(place, " · {speaker}");
        }
        if let Some(time) = doc.time_at(a.source.start) {
            let _ = write!(place, " · {}", format_time(time));
        }
        if quote.candidates.len() > 1 {
            let _ = write!(place, " · passage {} of {} (c: next)", verdict.candidate + 1, quote.candidates.len());
        }
        lines.push(Line::styled(place, theme.aside()));
    } else {
        let mut line = vec![TextSpan::styled(
            format!("{} No passage of the transcript says this.", Category::Unsupported.symbol()),
            theme.category(Category::Unsupported).add_modifier(Modifier::BOLD),
        )];
        if let Some(cue) = quote.quote.elsewhere {
            line.push(TextSpan::styled(
                format!(" The article places it elsewhere (“{}”).", app.article.slice(cue)),
                theme.aside(),
            ));
        }
        lines.push(Line::from(line));
    }
    if let Some(said_by) = app.attribution_mismatch(i) {
        lines.push(Line::styled(
            format!(
                "⚠ Attribution mismatch: the article credits {}; the transcript gives these words to {said_by}.",
                quote.quote.attributed_to.as_deref().unwrap_or("someone")
            ),
            theme.alarm(),
        ));
    }
    for warning in app.warnings(i) {
        lines.push(Line::styled(format!("⚠ {warning}."), theme.alarm()));
    }
    if let Some(a) = app.source(i) {
        let doc = &app.transcripts[a.transcript];
        let (before, after) = crate::check::context(doc, a.source);
        let flat = |s: Span| doc.slice(s).split_whitespace().collect::<Vec<_>>().join(" ");
        let tail = |s: String, n: usize| {
            let chars: Vec<char> = s.chars().collect();
            chars[chars.len().saturating_sub(n)..].iter().collect::<String>()
        };
        let head = |s: String, n: usize| s.chars().take(n).collect::<String>();
        let mut context = vec![TextSpan::styled("context: …", theme.aside())];
        if let Some(b) = before {
            context.push(TextSpan::styled(format!("{} ", tail(flat(b), 60)), theme.aside()));
        }
        context.push(TextSpan::styled("[the passage]", theme.aside().add_modifier(Modifier::BOLD)));
        if let Some(s) = after {
            let text = flat(s);
            let sep = if text.starts_with(|c: char| c.is_ascii_punctuation()) { "" } else { " " };
            context.push(TextSpan::styled(format!("{sep}{}…", head(text, 60)), theme.aside()));
        }
        lines.push(Line::from(context));
    }
    if let Some(note) = &verdict.note {
        lines.push(Line::from(vec![
            TextSpan::styled("note: ", Style::new().add_modifier(Modifier::BOLD)),
            TextSpan::raw(note.clone()),
        ]));
    }
    Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).render(area, buf);
}

/// A one-line input with its cursor shown as a reversed cell.
fn input_line(prompt: &str, text: &str, cursor: usize, style: Style) -> Line<'static> {
    let (before, after) = text.split_at(cursor.min(text.len()));
    let mut rest = after.chars();
    let under = rest.next().map_or(" ".to_owned(), |c| c.to_string());
    Line::from(vec![
        TextSpan::styled(prompt.to_owned(), style),
        TextSpan::raw(before.to_owned()),
        TextSpan::styled(under, Style::new().add_modifier(Modifier::REVERSED)),
        TextSpan::raw(rest.as_str().to_owned()),
    ])
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let (counts, unmarked) = app.counts();
    // While something is being typed or said, it gets the line; the counts
    // give way to the state of the session alone.
    let busy = app.notice().is_some() || matches!(app.mode(), Mode::Note(_) | Mode::Search(_));
    let mut right: Vec<TextSpan<'static>> = Vec::new();
    if !busy {
        for (category, count) in Category::ALL.iter().zip(counts) {
            right.push(TextSpan::styled(format!("{}{count}", category.symbol()), theme.category(*category)));
            right.push(TextSpan::raw(" "));
        }
        right.push(TextSpan::raw(format!("· {unmarked} unmarked")));
    }
    let sep = if busy { "" } else { " · " };
    match app.save_state() {
        SaveState::Unchanged => {}
        SaveState::Saved => right.push(TextSpan::styled(format!("{sep}saved ✔"), theme.category(Category::Verbatim))),
        SaveState::Failed(why) => {
            right.push(TextSpan::raw(sep));
            right.push(TextSpan::styled(format!("NOT SAVED: {why}"), theme.alarm()));
        }
    }
    right.push(TextSpan::raw(" "));
    let right = Line::from(right);
    let right_width = u16::try_from(right.width()).unwrap_or(area.width).min(area.width);
    let left_area = Rect::new(area.x, area.y, area.width.saturating_sub(right_width + 1), 1);
    let room = usize::from(left_area.width).saturating_sub(1);
    let left = match app.mode() {
        Mode::Search(input) => input_line(
            &format!(" search the {}: ", side_name(app.focus())),
            &input.text,
            input.cursor,
            theme.border(true),
        ),
        Mode::Note(input) => {
            input_line(" note (Enter keeps, Esc cancels): ", &input.text, input.cursor, theme.border(true))
        }
        mode => match app.notice() {
            Some(notice) => {
                Line::styled(format!(" {}", elide_middle(notice, room)), Style::new().add_modifier(Modifier::BOLD))
            }
            None => Line::from(format!(" {}", keymap::footer_within(mode, room))),
        },
    };
    left.render(left_area, buf);
    right.alignment(TextAlign::Right).render(Rect::new(area.x + area.width - right_width, area.y, right_width, 1), buf);
}

/// At most `width` columns of `text`, the middle given up for `…` (a path
/// keeps its start and its file name).
#[must_use]
pub fn elide_middle(text: &str, width: usize) -> String {
    if text.width() <= width || width < 5 {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let keep = width.saturating_sub(1);
    let (head, tail) = (keep / 3, keep - keep / 3);
    let front: String = chars[..head.min(chars.len())].iter().collect();
    let back: String = chars[chars.len().saturating_sub(tail)..].iter().collect();
    format!("{front}…{back}")
}

/// The help's lines: every key of every table, the mouse, the legend of
/// categories and differences, and the marks whose quotes are gone.
#[must_use]
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let heading =
        |s: &str| Line::styled(s.to_owned(), Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    let keys = |table: &[Binding]| -> Vec<Line<'static>> {
        table
            .iter()
            .map(|b| {
                let labels = b.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ");
                let pad = 14usize.saturating_sub(labels.width());
                Line::from(vec![
                    TextSpan::styled(labels, Style::new().add_modifier(Modifier::BOLD)),
                    TextSpan::raw(format!("{}{}", " ".repeat(pad), b.help)),
                ])
            })
            .collect()
    };
    let mut lines = vec![heading("Keys")];
    lines.extend(keys(keymap::NORMAL));
    lines.push(Line::raw(""));
    lines.push(heading("Mouse"));
    lines.push(Line::raw("wheel         scroll the pane under the mouse"));
    lines.push(Line::raw("click         select a highlighted quote or source"));
    lines.push(Line::raw(""));
    lines.push(heading("While typing a note or a search"));
    lines.extend(keys(keymap::INPUT));
    lines.push(Line::raw(""));
    lines.push(heading("In this help"));
    lines.extend(keys(keymap::HELP));
    lines.push(Line::raw(""));
    lines.push(heading("Categories (gutter: the mark, else the suggestion)"));
    for (c, what) in Category::ALL.iter().zip([
        "same words as a passage, up to form",
        "follows a passage, unmarked changes",
        "says what a passage says, other words",
        "no passage of the transcript says it",
    ]) {
        lines.push(Line::from(vec![
            TextSpan::styled(format!("{} {:<12}", c.symbol(), c.name()), theme.highlight(*c)),
            TextSpan::raw(what),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(heading("Differences, in the quote panel"));
    for (kind, sample, what) in [
        (Kind::Elision, "… [words]", "marked, and what it stands for"),
        (Kind::Insertion, "(word)", "the writer's own, marked"),
        (Kind::Variant, "colour [color]", "the same word in another form"),
        (Kind::Disfluency, "‹uh›", "filler or stutter left out"),
        (Kind::Substitution, "a", "in place of the source's (struck)"),
        (Kind::Omission, "the", "source words left out"),
        (Kind::Addition, "own", "words the source lacks"),
    ] {
        let pad = 15usize.saturating_sub(sample.width());
        lines.push(Line::from(vec![
            TextSpan::styled(sample.to_owned(), theme.difference(kind)),
            TextSpan::raw(format!("{}{:<13}{what}", " ".repeat(pad), kind.name())),
        ]));
    }
    if !app.session.orphans.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading("Marks whose quotes are no longer in the article (kept in the session)"));
        for orphan in &app.session.orphans {
            let mark = orphan.mark.map_or("—".to_owned(), |m| format!("{} {}", m.symbol(), m.name()));
            let note = orphan.note.as_deref().map(|n| format!(" · note: {n}")).unwrap_or_default();
            lines.push(Line::raw(format!("“{}” · {mark}{note}", crate::report::shorten(&orphan.quote, 60))));
        }
    }
    lines
}

/// Width from which the help is laid out in two columns.
const TWO_COLUMNS: u16 = 100;

/// The help's columns at a width: one, or two split at a section break
/// near the middle.
#[must_use]
pub fn help_columns(app: &App, width: u16) -> Vec<Vec<Line<'static>>> {
    let lines = help_lines(app);
    if width < TWO_COLUMNS {
        return vec![lines];
    }
    let breaks: Vec<usize> = (1..lines.len()).filter(|&i| lines[i - 1].width() == 0).collect();
    let middle = lines.len() / 2;
    let cut = breaks.into_iter().min_by_key(|&b| b.abs_diff(middle)).unwrap_or(middle);
    let right = lines[cut..].to_vec();
    let mut left = lines;
    left.truncate(cut);
    vec![left, right]
}

fn render_help(app: &App, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let popup = Rect::new(area.x + 1, area.y, area.width.saturating_sub(2), area.height);
    let columns = help_columns(app, popup.width.saturating_sub(2));
    let inner_height = popup.height.saturating_sub(2);
    let total = columns.iter().map(Vec::len).max().map_or(0, |n| u16::try_from(n).unwrap_or(u16::MAX));
    let scroll = app.help_scroll().min(total.saturating_sub(inner_height));
    let title = if total > inner_height {
        format!(" Help · {}–{} of {total} · j/k scroll · ? close ", scroll + 1, (scroll + inner_height).min(total))
    } else {
        " Help · ? close ".to_owned()
    };
    let block = Block::new().borders(Borders::ALL).border_style(app.theme.border(true)).title(title);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let count = u16::try_from(columns.len()).unwrap_or(1);
    let width = inner.width / count;
    for (i, column) in (0u16..).zip(columns) {
        let rect = Rect::new(
            inner.x + i * width,
            inner.y,
            if i + 1 == count { inner.width - i * width } else { width },
            inner.height,
        );
        Paragraph::new(column).wrap(Wrap { trim: false }).scroll((scroll, 0)).render(rect, buf);
    }
}
