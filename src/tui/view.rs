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

use super::app::{App, GUTTER, Geometry, MIN_SIZE, Mode, SaveState, Side, side_name};
use super::items::{List, NO_PASSAGE, ReportedCounts};
use super::keymap::{self, Binding};
use super::layout::{Row, cells};
use crate::align::{Category, Kind};
use crate::report::{RECHECK, format_time};
use crate::reported::{EvidenceKind, Verdict as Judged};
use crate::session::Counts;
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

/// The gutter's columns: a quote's category symbol (its re-check symbol
/// beside it), and a reported item's verdict symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Quote,
    Reported,
}

impl Column {
    /// Columns from the gutter's left edge.
    const fn offset(self) -> u16 {
        match self {
            Self::Quote => 0,
            Self::Reported => 2,
        }
    }

    /// What the rows an item continues over show.
    const fn rule(self) -> &'static str {
        match self {
            Self::Quote => "┊",
            Self::Reported => "╎",
        }
    }
}

/// A span of a pane's text drawn in a style, with the symbol its rows show
/// in a column of the gutter.
struct Highlight {
    span: Span,
    style: Style,
    symbol: Option<(Column, &'static str, Style)>,
    /// The style of the re-check symbol beside a quote's, when its mark is
    /// to be checked again.
    recheck: Option<Style>,
    current: bool,
}

/// What a pane shows of the items in its `visible` text: reported speech
/// (in the article always, in the transcript the selected item's passage
/// while walking through it), quotes and their sources over it, the
/// selected item over both, the words its flags point at, search hits.
fn highlights(app: &App, side: Side, visible: Span) -> Vec<Highlight> {
    let theme = app.theme;
    let shown = app.shown_transcript();
    let walking = app.list();
    let mut out = Vec::new();
    let reported = |i: usize, span: Span, current: bool| {
        let verdict = app.shown_verdict(i);
        let style = if current { theme.reported_current(verdict) } else { theme.reported(verdict) };
        // A mark to re-check shows ⟳ in place of its verdict.
        let symbol = if app.judgement(i).needs_recheck() {
            (Column::Reported, RECHECK, theme.recheck())
        } else {
            (Column::Reported, verdict.symbol(), if current { style } else { theme.verdict(verdict) })
        };
        Highlight { span, style, symbol: Some(symbol), recheck: None, current }
    };
    match side {
        Side::Article => {
            for (span, i) in app.meeting(List::Reported, side, visible) {
                out.push(reported(i, span, walking == List::Reported && i == app.selected_reported()));
            }
        }
        Side::Transcript if walking == List::Reported => {
            let i = app.selected_reported();
            if let Some(p) = app.reported_source(i).filter(|p| p.transcript == shown && meets(p.span, visible)) {
                out.push(reported(i, p.span, true));
            }
        }
        Side::Transcript => {}
    }
    for (span, i) in app.meeting(List::Quotes, side, visible) {
        let category = app.shown_category(i);
        let current = walking == List::Quotes && i == app.selected();
        let style = if current { theme.current(category) } else { theme.highlight(category) };
        let symbol_style = if current { theme.current(category) } else { theme.category(category) };
        let recheck = app.verdict(i).needs_recheck().then(|| theme.recheck());
        let symbol = Some((Column::Quote, category.symbol(), symbol_style));
        out.push(Highlight { span, style, symbol, recheck, current });
    }
    // The selected one last, so that it is drawn over the others.
    out.sort_by_key(|h| h.current);
    if walking == List::Reported
        && let Some(r) = app.check.reported.get(app.selected_reported())
    {
        for e in r.evidence.iter().filter(|e| e.kind != EvidenceKind::Shared) {
            let span = match side {
                Side::Article => e.article,
                Side::Transcript => e.source.filter(|_| r.source.is_some_and(|p| p.transcript == shown)),
            };
            if let Some(span) = span.filter(|&s| meets(s, visible)) {
                out.push(Highlight { span, style: theme.flag(), symbol: None, recheck: None, current: false });
            }
        }
    }
    if let Some(search) = app.search().filter(|s| s.side == side && (side == Side::Article || s.doc == shown)) {
        let from = search.hits.partition_point(|h| h.end <= visible.start);
        for (n, hit) in search.hits[from..].iter().take_while(|h| h.start < visible.end).enumerate() {
            let current = from + n == search.current;
            let style = if current { theme.hit().add_modifier(Modifier::BOLD) } else { theme.hit() };
            out.push(Highlight { span: *hit, style, symbol: None, recheck: None, current: false });
        }
    }
    out
}

/// True when a span shares a byte with a window.
fn meets(span: Span, window: Span) -> bool {
    span.start < window.end && span.end > window.start
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
        render_gutter(&marks, *row, text_area.x.saturating_sub(GUTTER), y, buf);
        render_row(&doc.text, *row, &marks, Rect::new(text_area.x, y, text_area.width, 1), buf);
    }
}

/// The gutter of a row: in each column, the symbol of the quote or
/// reported item that starts on it (with the re-check symbol beside a
/// quote's when its mark is to be checked again), and a thin rule on the
/// rows it continues over.
fn render_gutter(marks: &[Highlight], row: Row, x: u16, y: u16, buf: &mut Buffer) {
    for column in [Column::Quote, Column::Reported] {
        let covering = marks
            .iter()
            .filter(|h| h.symbol.is_some_and(|(c, _, _)| c == column))
            .filter(|h| h.span.start < row.end.max(row.start + 1) && h.span.end > row.start)
            .max_by_key(|h| h.current);
        if let Some(h) = covering {
            let (_, symbol, style) = h.symbol.expect("filtered");
            let starts_here = h.span.start >= row.start;
            buf.set_stringn(x + column.offset(), y, if starts_here { symbol } else { column.rule() }, 1, style);
            if let Some(recheck) = h.recheck.filter(|_| starts_here) {
                buf.set_stringn(x + column.offset() + 1, y, RECHECK, 1, recheck);
            }
        }
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

/// The detail panel's title: the quote's number, mark and suggestion.
fn detail_title(app: &App, i: usize) -> Line<'static> {
    let theme = app.theme;
    let n = app.check.quotes.len();
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
    if verdict.needs_recheck() {
        title.push(TextSpan::styled(format!(" {RECHECK} re-check"), theme.recheck()));
    }
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
    Line::from(title)
}

fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    if app.list() == List::Reported {
        render_reported_detail(app, area, buf);
        return;
    }
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
    let block = Block::new().borders(Borders::ALL).border_style(theme.border(false)).title(detail_title(app, i));
    let mut lines = vec![Line::from(diff_line(app, i))];
    if let Some(old) = &verdict.marked_text {
        lines.push(Line::from(vec![
            TextSpan::styled(format!("{RECHECK} marked when it read: "), theme.recheck()),
            TextSpan::raw(format!("“{}”", old.split_whitespace().collect::<Vec<_>>().join(" "))),
            TextSpan::styled(" (the quote has changed since: mark it again)", theme.aside()),
        ]));
    }
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
    let inner = block.inner(area);
    block.render(area, buf);
    let text_area = match &verdict.note {
        Some(note) => render_note(note, inner, buf),
        None => inner,
    };
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(text_area, buf);
}

/// The detail panel's title for a reported item: its number, mark and
/// suggestion, then who is credited (a narrow title loses its end).
fn reported_title(app: &App, i: usize) -> Line<'static> {
    let theme = app.theme;
    let r = &app.check.reported[i];
    let judgement = app.judgement(i);
    let mut title = vec![TextSpan::raw(format!(" Reported {}/{} · mark: ", i + 1, app.check.reported.len()))];
    title.push(match judgement.mark {
        Some(mark) => TextSpan::styled(
            format!("{} {}", mark.symbol(), mark.name()),
            theme.verdict(mark).add_modifier(Modifier::BOLD),
        ),
        None => TextSpan::raw("—"),
    });
    if judgement.needs_recheck() {
        title.push(TextSpan::styled(format!(" {RECHECK} re-check"), theme.recheck()));
    }
    title.push(TextSpan::raw(" · suggested "));
    // An unsupported item has no passage: its share would read as a score.
    let figure = if r.verdict == Judged::Unsupported { String::new() } else { format!(" {:.2}", r.similarity) };
    title.push(TextSpan::styled(
        format!("{} {}{figure}", r.verdict.symbol(), r.verdict.name()),
        theme.verdict(r.verdict),
    ));
    if let Some(name) = &r.item.attributed_to {
        title.push(TextSpan::raw(format!(" · {}", name.split_whitespace().collect::<Vec<_>>().join(" "))));
    }
    title.push(TextSpan::raw(" "));
    Line::from(title)
}

/// A reported item's text, its blanks collapsed, the words its flags point
/// at in the flag style.
fn reported_text(app: &App, i: usize) -> Vec<TextSpan<'static>> {
    let r = &app.check.reported[i];
    let text = &app.article.text;
    let mut flagged: Vec<Span> = r
        .evidence
        .iter()
        .filter(|e| e.kind != EvidenceKind::Shared)
        .filter_map(|e| e.article)
        .map(|s| s.within(r.item.span))
        .filter(|s| !s.is_empty())
        .collect();
    flagged.sort();
    let mut out = Pieces::default();
    let mut at = r.item.span.start;
    for span in flagged {
        if span.start < at {
            continue;
        }
        out.text(&text[at..span.start]);
        out.word(text[span.range()].split_whitespace().collect::<Vec<_>>().join(" "), app.theme.flag());
        at = span.end;
    }
    out.text(&text[at..r.item.span.end]);
    out.spans
}

fn render_reported_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let i = app.selected_reported();
    let Some(detail) = app.reported_detail(i) else {
        let block = Block::new().borders(Borders::ALL).title(" No reported speech ");
        let key = keymap::key_for(&super::app::Action::SwitchList).unwrap_or_default();
        Paragraph::new(format!(
            "This article reports no speech outside its quotations: there is nothing to check here ({key}: the quotes)."
        ))
        .block(block)
        .wrap(Wrap { trim: false })
        .render(area, buf);
        return;
    };
    let judgement = app.judgement(i);
    let block = Block::new().borders(Borders::ALL).border_style(theme.border(false)).title(reported_title(app, i));
    let mut lines = vec![Line::from(reported_text(app, i))];
    if let Some(old) = &judgement.marked_text {
        lines.push(Line::from(vec![
            TextSpan::styled(format!("{RECHECK} marked when it read: "), theme.recheck()),
            TextSpan::raw(format!("“{}”", old.split_whitespace().collect::<Vec<_>>().join(" "))),
            TextSpan::styled(" (the words have changed since: mark it again)", theme.aside()),
        ]));
    }
    match &detail.source {
        Ok(place) => lines.push(Line::styled(place.clone(), theme.aside())),
        Err(why) => lines.push(Line::from(vec![
            TextSpan::styled(
                format!("{} {NO_PASSAGE}", Judged::Unsupported.symbol()),
                theme.verdict(Judged::Unsupported).add_modifier(Modifier::BOLD),
            ),
            TextSpan::styled(format!(" {why}"), theme.aside()),
        ])),
    }
    lines.push(Line::styled(detail.credit.clone(), theme.aside()));
    for flag in &detail.flags {
        lines.push(Line::styled(format!("⚠ {flag}."), theme.alarm()));
    }
    if let Some(shared) = &detail.shared {
        lines.push(Line::from(vec![
            TextSpan::styled("shared words: ", theme.aside().add_modifier(Modifier::BOLD)),
            TextSpan::styled(shared.clone(), theme.aside()),
        ]));
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let text_area = match &judgement.note {
        Some(note) => render_note(note, inner, buf),
        None => inner,
    };
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(text_area, buf);
}

/// The note on the panel's last row, which it has to itself so that it
/// always shows: one too long for it is cut, and `e` shows it all. Returns
/// the rows left for the rest.
fn render_note(note: &str, inner: Rect, buf: &mut Buffer) -> Rect {
    if inner.height < 2 {
        return inner;
    }
    let label = "note: ";
    let room = usize::from(inner.width).saturating_sub(label.len());
    let flat = note.split_whitespace().collect::<Vec<_>>().join(" ");
    Line::from(vec![
        TextSpan::styled(label, Style::new().add_modifier(Modifier::BOLD)),
        TextSpan::raw(cut_end(&flat, room)),
    ])
    .render(Rect::new(inner.x, inner.bottom() - 1, inner.width, 1), buf);
    Rect { height: inner.height - 1, ..inner }
}

/// At most `width` columns of `text`, its end given up for `…`.
#[must_use]
pub fn cut_end(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut used = 0;
    let kept: String = cells(text, 0, text.len(), 0)
        .take_while(|c| {
            used += c.width;
            used < width
        })
        .map(|c| c.shown)
        .collect();
    format!("{}…", kept.trim_end())
}

/// A one-line input in `room` columns, its prompt included, with the
/// cursor shown as a reversed cell. A text too long for the room scrolls
/// half a room at a time, so that the cursor is always in view; a side cut
/// off shows `…`. Widths are those the panes use ([`cells`]): a wide
/// character or an emoji takes two columns.
#[must_use]
pub fn input_line(prompt: &str, text: &str, cursor: usize, room: usize, style: Style) -> Line<'static> {
    let cells: Vec<(usize, usize)> = cells(text, 0, text.len(), 0).map(|c| (c.offset, c.width)).collect();
    // The cell the cursor is in, or (past the end) its own blank cell.
    let cursor_cell =
        if cursor >= text.len() { cells.len() } else { cells.partition_point(|&(offset, _)| offset <= cursor) - 1 };
    let mut widths: Vec<usize> = cells.iter().map(|&(_, w)| w).collect();
    if cursor_cell == cells.len() {
        widths.push(1);
    }
    let (first, end, cut_left, cut_right) = window(&widths, cursor_cell, room.saturating_sub(prompt.width()));
    let at = |cell: usize| cells.get(cell).map_or(text.len(), |&(offset, _)| offset);
    let under = if cursor_cell < cells.len() { &text[at(cursor_cell)..at(cursor_cell + 1)] } else { " " };
    let mut spans = vec![TextSpan::styled(prompt.to_owned(), style)];
    if cut_left {
        spans.push(TextSpan::raw("…"));
    }
    spans.push(TextSpan::raw(text[at(first)..at(cursor_cell)].to_owned()));
    spans.push(TextSpan::styled(under.to_owned(), Style::new().add_modifier(Modifier::REVERSED)));
    spans.push(TextSpan::raw(text[at(cursor_cell + 1)..at(end)].to_owned()));
    if cut_right {
        spans.push(TextSpan::raw("…"));
    }
    Line::from(spans)
}

/// The cells of an input that show in `width` columns, as `(first, end)`
/// indices, and whether each side is cut off (and shows `…`). The window
/// starts at a multiple of half the width, the first one that shows the
/// cursor's cell: with `abcdefghijklmnopqrstuvwxyz` in ten columns, the
/// cursor on `m` shows `…fghijklm…`, and on `u` `…uvwxyz`.
fn window(widths: &[usize], cursor: usize, width: usize) -> (usize, usize, bool, bool) {
    if widths.iter().sum::<usize>() <= width {
        return (0, widths.len(), false, false);
    }
    // As many cells from `first` as fit in `room` columns.
    let fit = |first: usize, room: usize| {
        let mut used = 0;
        let taken = widths[first..].iter().take_while(|&&w| {
            used += w;
            used <= room
        });
        first + taken.count()
    };
    let step = (width / 2).max(1);
    let (mut first, mut start_column, mut column) = (0, 0, 0);
    while first <= cursor {
        let cut_left = first > 0;
        let room = width.saturating_sub(usize::from(cut_left));
        let mut end = fit(first, room);
        if end < widths.len() {
            end = fit(first, room.saturating_sub(1));
        }
        if cursor < end {
            return (first, end, cut_left, end < widths.len());
        }
        column += step;
        while first < widths.len() && start_column < column {
            start_column += widths[first];
            first += 1;
        }
    }
    // Too narrow for more: the cursor's cell alone.
    (cursor, cursor + 1, false, false)
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    // While something is being typed or said, it gets the line; the counts
    // give way to the state of the session alone.
    let busy = app.notice().is_some() || matches!(app.mode(), Mode::Note(_) | Mode::Search(_));
    let mut right: Vec<TextSpan<'static>> = Vec::new();
    if !busy {
        // The counts of the list walked through.
        let (unmarked, recheck) = match app.list() {
            List::Quotes => {
                let Counts { marked, unmarked, recheck } = app.counts();
                for (category, count) in Category::ALL.iter().zip(marked) {
                    right.push(TextSpan::styled(format!("{}{count}", category.symbol()), theme.category(*category)));
                    right.push(TextSpan::raw(" "));
                }
                (unmarked, recheck)
            }
            List::Reported => {
                let ReportedCounts { marked, unmarked, recheck } = app.reported_counts();
                for (verdict, count) in Judged::ALL.iter().zip(marked) {
                    right.push(TextSpan::styled(format!("{}{count}", verdict.symbol()), theme.verdict(*verdict)));
                    right.push(TextSpan::raw(" "));
                }
                (unmarked, recheck)
            }
        };
        right.push(TextSpan::raw(format!("· {unmarked} unmarked")));
        if recheck > 0 {
            right.push(TextSpan::raw(" · "));
            right.push(TextSpan::styled(format!("{RECHECK}{recheck} to re-check"), theme.recheck()));
        }
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
    // A narrow line keeps its room for the text, the prompt made short.
    let prompt = |long: String, short: &str| if long.width() + 20 <= room { long } else { short.to_owned() };
    let left = match app.mode() {
        Mode::Search(input) => input_line(
            &prompt(format!(" search the {}: ", side_name(app.focus())), " search: "),
            &input.text,
            input.cursor,
            room,
            theme.border(true),
        ),
        Mode::Note(input) => input_line(
            &prompt(" note (Enter keeps, Esc cancels): ".to_owned(), " note: "),
            &input.text,
            input.cursor,
            room,
            theme.border(true),
        ),
        mode => match app.notice() {
            Some(notice) => {
                Line::styled(format!(" {}", elide_middle(notice, room)), Style::new().add_modifier(Modifier::BOLD))
            }
            None => Line::from(format!(" {}", keymap::footer_within(mode, app.list(), room))),
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

/// The help's lines for a column `width` wide: every key of every table,
/// the mouse, the legend of categories and differences, and the marks
/// whose quotes are gone (each on one line, cut with `…` if need be).
#[must_use]
pub fn help_lines(app: &App, width: usize) -> Vec<Line<'static>> {
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
    lines.push(Line::raw("click         select the highlighted item under it"));
    lines.push(Line::raw(""));
    lines.push(heading("While typing a note or a search"));
    lines.extend(keys(keymap::INPUT));
    lines.push(Line::raw("paste         inserted at the cursor, on one line"));
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
    lines.extend(reported_legend(app));
    let quotes = (0..app.check.quotes.len()).filter(|&i| app.verdict(i).needs_recheck()).map(|i| {
        let v = app.verdict(i);
        let mark = v.mark.map_or("—".to_owned(), |m| format!("{} {}", m.symbol(), m.name()));
        (format!("quote {}", i + 1), mark, v.marked_text.clone())
    });
    let reported = (0..app.check.reported.len()).filter(|&i| app.judgement(i).needs_recheck()).map(|i| {
        let j = app.judgement(i);
        let mark = j.mark.map_or("—".to_owned(), |m| format!("{} {}", m.symbol(), m.name()));
        (format!("reported {}", i + 1), mark, j.marked_text.clone())
    });
    let recheck: Vec<(String, String, Option<String>)> = quotes.chain(reported).collect();
    if !recheck.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(&format!("Marks to re-check ({RECHECK}: the words were edited after they were marked)")));
        for (item, mark, old) in recheck {
            let old = crate::report::shorten(old.as_deref().unwrap_or_default(), 50);
            lines.push(Line::raw(format!("{item} · {mark} · marked when it read “{old}”")));
        }
    }
    if !app.session.orphans.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading("Marks whose items are no longer in the article (kept in the session)"));
        for orphan in &app.session.orphans {
            let mark = match (orphan.mark, orphan.verdict) {
                (Some(m), _) => format!("{} {}", m.symbol(), m.name()),
                (None, Some(v)) => format!("{} {}", v.symbol(), v.name()),
                (None, None) => "—".to_owned(),
            };
            let note = orphan
                .note
                .as_deref()
                .map(|n| format!(" · note: {}", crate::report::shorten(n, 1000)))
                .unwrap_or_default();
            let line = format!("“{}” · {mark}{note}", crate::report::shorten(&orphan.quote, 60));
            lines.push(Line::raw(cut_end(&line, width)));
        }
    }
    lines
}

/// The help's legend of reported speech: the verdicts, the kinds of
/// evidence.
fn reported_legend(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let heading =
        |s: &str| Line::styled(s.to_owned(), Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    let mut lines = Vec::new();
    lines.push(Line::raw(""));
    let switch = keymap::key_for(&super::app::Action::SwitchList).unwrap_or_default();
    lines.push(heading(&format!("Reported speech ({switch}; italics, the gutter's third column)")));
    for (v, what) in Judged::ALL.iter().zip([
        "a passage of the credited speaker says it",
        "a passage on this point, changed by the report",
        "no passage of the transcript bears on it",
    ]) {
        lines.push(Line::from(vec![
            TextSpan::styled(format!("{} {:<12}", v.symbol(), v.name()), theme.reported(*v)),
            TextSpan::raw(what),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(heading("Evidence, in the reported item's panel (⚠: a flag)"));
    for (kind, what) in [
        (EvidenceKind::Shared, "words the item and its passage share"),
        (EvidenceKind::Negation, "a negation lost or added"),
        (EvidenceKind::Number, "a number or a date changed"),
        (EvidenceKind::Hedge, "a hedge or a condition dropped: made certain"),
        (EvidenceKind::Scope, "a scope widened (some → all)"),
        (EvidenceKind::Speaker, "the words are another speaker's"),
    ] {
        let style = if kind == EvidenceKind::Shared { theme.aside() } else { theme.flag() };
        lines.push(Line::from(vec![TextSpan::styled(format!("{:<14}", kind.name()), style), TextSpan::raw(what)]));
    }
    lines
}

/// Width from which the help is laid out in two columns.
const TWO_COLUMNS: u16 = 100;

/// The help's columns at a width: one, or two split at a section break
/// near the middle.
#[must_use]
pub fn help_columns(app: &App, width: u16) -> Vec<Vec<Line<'static>>> {
    if width < TWO_COLUMNS {
        return vec![help_lines(app, usize::from(width))];
    }
    let lines = help_lines(app, usize::from(width / 2));
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
    let mut block = Block::new().borders(Borders::ALL).border_style(app.theme.border(true)).title(title);
    // The help covers the status line: a notice goes on its bottom edge.
    if let Some(notice) = app.notice() {
        let room = usize::from(popup.width.saturating_sub(4));
        block = block.title_bottom(Line::styled(
            format!(" {} ", elide_middle(notice, room.saturating_sub(2))),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
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
