//! Finding the quotes of an article, and who the article says spoke them.
//!
//! Double quotes (straight, curly, guillemets, low-high, corner brackets
//! 「」『』) and single quotes
//! used as quotation marks are found paragraph by paragraph:
//!
//! ```text
//! Lavrov insists on Russian 'red lines'          → red lines
//! "X," he said, "Y."                             → X,   and   Y.
//! “First paragraph…                              → one quote over both
//! “…second paragraph.”                              paragraphs
//! Russia's, rock 'n' roll, the '90s              → no quote (apostrophes)
//! a "stray mark in one paragraph                 → ends with its paragraph
//! ```
//!
//! A quote inside a quote is found as well as the outer one (the speaker
//! quoting someone else's words). Each quote is then credited to a speaker
//! by [`attribution`]; a nested quote shares the outer quote's speaker.

pub(crate) mod attribution;

use crate::text::Span;

/// A quotation found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, between the marks (they may cross paragraphs).
    pub span: Span,
    /// From the opening mark to the closing mark (or the paragraph's end).
    pub marked: Span,
    /// The speaker the article credits, when it can be seen.
    pub attributed_to: Option<String>,
    /// True when the credit names a role, a body or a group (`the
    /// minister`, `people close to Trump`) rather than a person.
    pub role: bool,
    /// Words of the article that place the quote on another occasion than
    /// the transcript's (`in a statement`, `last week`), if any.
    pub elsewhere: Option<Span>,
}

/// Finds every quote of an article, in article order.
#[must_use]
pub fn extract(text: &str) -> Vec<Quote> {
    let paragraphs = paragraphs(text);
    let doubles = double_quotes(text, &paragraphs);
    let singles = single_quotes(text, &paragraphs, &doubles);
    let mut found: Vec<Found> = doubles.into_iter().chain(singles).collect();
    found.sort_by_key(|f| (f.marked.start, std::cmp::Reverse(f.marked.end)));
    // Keep quotes that nest properly; one that starts inside another and
    // ends outside it comes from stray marks.
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        let crosses = kept
            .iter()
            .any(|k| k.marked.start < f.marked.start && f.marked.start < k.marked.end && f.marked.end > k.marked.end);
        let duplicate = kept.iter().any(|k| k.marked == f.marked);
        if !crosses && !duplicate && text[f.inner.range()].chars().any(char::is_alphanumeric) {
            kept.push(f);
        }
    }
    let outer_of = |i: usize| (0..i).rev().find(|&j| kept[j].marked.end >= kept[i].marked.end);
    let top: Vec<usize> = (0..kept.len()).filter(|&i| outer_of(i).is_none()).collect();
    let top_found: Vec<Found> = top.iter().map(|&i| kept[i]).collect();
    let mut credits = vec![attribution::Credit::default(); kept.len()];
    for (&i, credit) in top.iter().zip(attribution::attribute(text, &paragraphs, &top_found)) {
        credits[i] = credit;
    }
    for i in 0..kept.len() {
        if let Some(j) = outer_of(i) {
            let (before, rest) = credits.split_at_mut(i);
            rest[0].clone_from(&before[j]);
        }
    }
    kept.into_iter()
        .zip(credits)
        .map(|(f, credit)| Quote {
            span: f.inner,
            marked: f.marked,
            attributed_to: credit.name,
            role: credit.role,
            elsewhere: credit.elsewhere,
        })
        .collect()
}

/// A quote as found, before attribution.
#[derive(Clone, Copy, Debug)]
struct Found {
    inner: Span,
    marked: Span,
}

/// The paragraphs of a text, trimmed: blocks between blank lines, or lines
/// when the text has no blank lines at all.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push(Span::new(at, at + line.len()));
        at += line.len();
    }
    let blank = |s: &Span| text[s.range()].trim().is_empty();
    let by_blank_lines = lines.iter().any(blank);
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for line in &lines {
        if blank(line) {
            out.extend(current.take());
        } else {
            current = Some(current.map_or(*line, |c| c.cover(*line)));
            if !by_blank_lines {
                out.extend(current.take());
            }
        }
    }
    out.extend(current);
    out.into_iter().map(|s| trim(text, s)).collect()
}

fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    Span::new(start, end.max(start))
}

/// The character before `at` in `text`, within `floor..`.
fn char_before(text: &str, at: usize, floor: usize) -> Option<char> {
    text[floor..at].chars().next_back()
}

fn char_after(text: &str, at: usize, ceiling: usize) -> Option<char> {
    text[at..ceiling].chars().next()
}

/// Could a quote open here: at a paragraph start or after a space or an
/// opening bracket or dash, and before something that is not a space.
fn opens(prev: Option<char>, next: Option<char>) -> bool {
    let before = prev.is_none_or(|c| c.is_whitespace() || "([{—–-/:;,“‘\"'«„‚".contains(c));
    before && next.is_some_and(|c| !c.is_whitespace())
}

/// Could a French guillemet open a quote here: as [`opens`] does, or with
/// the space French typography puts inside (`« Nous »`, often a no-break
/// space) before something that is not a space.
fn opens_spaced(text: &str, prev: Option<char>, inner: usize, ceiling: usize) -> bool {
    opens(prev, text[inner..ceiling].trim_start().chars().next())
}

/// Could a quote close here: after something that is not a space.
fn closes(prev: Option<char>) -> bool {
    prev.is_some_and(|c| !c.is_whitespace())
}

/// The closing marks that answer an opening double mark.
fn closers(opener: char) -> &'static [char] {
    match opener {
        '“' | '”' => &['”'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '「' => &['」'],
        '『' => &['』'],
        _ => &['"'],
    }
}

struct Open {
    mark: usize,
    inner: usize,
    opener: char,
    /// Marks of the quotes opened inside this one, innermost last.
    nested: Vec<usize>,
    /// A straight-quoted quote open inside a curly-quoted one.
    straight_inside: Option<usize>,
}

impl Open {
    fn new(mark: usize, opener: char) -> Self {
        Self { mark, inner: mark + opener.len_utf8(), opener, nested: Vec::new(), straight_inside: None }
    }
}

fn double_quotes(text: &str, paragraphs: &[Span]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut open: Option<Open> = None;
    for (k, para) in paragraphs.iter().enumerate() {
        let mut continued = open.is_some();
        for (i, c) in text[para.range()].char_indices() {
            let at = para.start + i;
            if continued {
                // The opening mark that continues the quote into this paragraph.
                continued = false;
                continue;
            }
            let prev = char_before(text, at, para.start);
            let next = char_after(text, at + c.len_utf8(), para.end);
            match &mut open {
                None => {
                    let inner = at + c.len_utf8();
                    if matches!(c, '"' | '“' | '„' | '«' | '»' | '”' | '「' | '『')
                        && (opens(prev, next)
                            || matches!(c, '「' | '『')
                            || (c == '«' && opens_spaced(text, prev, inner, para.end)))
                    {
                        open = Some(Open::new(at, c));
                    }
                }
                Some(o) => {
                    let is_closer = closers(o.opener).contains(&c);
                    let pushed = |mark: usize, at: usize, c: char| Found {
                        inner: trim(text, Span::new(mark + text[mark..].chars().next().map_or(1, char::len_utf8), at)),
                        marked: Span::new(mark, at + c.len_utf8()),
                    };
                    if o.opener == '"' && c == '"' && !closes(prev) && opens(prev, next) {
                        // `"stray "real quote"`: the first mark opened nothing.
                        *o = Open::new(at, c);
                    } else if c == '"' && o.opener != '"' {
                        // Straight quotes inside a curly quote.
                        match o.straight_inside.take() {
                            Some(mark) if closes(prev) => found.push(pushed(mark, at, c)),
                            Some(mark) => o.straight_inside = Some(mark),
                            None if opens(prev, next) => o.straight_inside = Some(at),
                            None => {}
                        }
                    } else if c == o.opener
                        && !is_closer
                        && (opens(prev, next) || (c == '«' && opens_spaced(text, prev, at + c.len_utf8(), para.end)))
                    {
                        o.nested.push(at);
                    } else if is_closer && !o.nested.is_empty() {
                        let mark = o.nested.pop().expect("non-empty");
                        found.push(pushed(mark, at, c));
                    } else if is_closer && (closes(prev) || c != '"') {
                        found.push(Found {
                            inner: trim(text, Span::new(o.inner, at)),
                            marked: Span::new(o.mark, at + c.len_utf8()),
                        });
                        open = None;
                    }
                }
            }
        }
        if let Some(o) = &open {
            let next_opens = paragraphs
                .get(k + 1)
                .and_then(|p| text[p.range()].chars().next())
                .is_some_and(|c| c == o.opener || matches!(c, '"' | '“' | '«' | '„' | '「' | '『'));
            if !next_opens {
                // Unclosed: the quote ends with its paragraph.
                found.push(Found {
                    inner: trim(text, Span::new(o.inner, para.end)),
                    marked: Span::new(o.mark, para.end),
                });
                open = None;
            }
        }
    }
    found
}

/// Words that start with an apostrophe rather than a quotation mark.
const LEADING_APOSTROPHE: &[&str] = &["tis", "twas", "em", "cause", "til", "n", "round", "bout", "nuff", "s"];

fn single_quotes(text: &str, paragraphs: &[Span], doubles: &[Found]) -> Vec<Found> {
    let mut found = Vec::new();
    for para in paragraphs {
        let mut skip_until = para.start;
        for (i, c) in text[para.range()].char_indices() {
            let at = para.start + i;
            if at < skip_until || !matches!(c, '\'' | '‘' | '‚' | '‹') {
                continue;
            }
            // Inside a double quote, a single quote closes before it does.
            let end = doubles
                .iter()
                .filter(|d| d.inner.start <= at && at < d.inner.end)
                .map(|d| d.inner.end)
                .min()
                .unwrap_or(para.end);
            let inner = at + c.len_utf8();
            let prev = char_before(text, at, para.start);
            let next = char_after(text, inner, end);
            // French typography puts a space inside `‹ … ›`.
            let (inner, next) = if c == '‹' && next.is_some_and(char::is_whitespace) {
                let words = text[inner..end].trim_start();
                (end - words.len(), words.chars().next())
            } else {
                (inner, next)
            };
            if !opens(prev, next) || !next.is_some_and(char::is_alphabetic) {
                continue;
            }
            let word: String = text[inner..end].chars().take_while(|c| c.is_alphanumeric()).collect();
            let after_word = text[inner + word.len()..end].chars().next();
            if LEADING_APOSTROPHE.contains(&word.to_lowercase().as_str())
                && !after_word.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if let Some(close) = single_closer(text, inner, end, c) {
                found.push(Found {
                    inner: trim(text, Span::new(inner, close)),
                    marked: Span::new(at, close + text[close..].chars().next().map_or(1, char::len_utf8)),
                });
                skip_until = close + 1;
            }
        }
    }
    found
}

/// The first mark after `from` that can close a single quote: after a
/// non-space, and not followed by a letter or digit (so not `don't`).
fn single_closer(text: &str, from: usize, end: usize, opener: char) -> Option<usize> {
    let accepted: &[char] = match opener {
        '‹' => &['›'],
        _ => &['\'', '’', '‘'],
    };
    for (i, c) in text[from..end].char_indices() {
        let at = from + i;
        if !accepted.contains(&c) {
            continue;
        }
        let prev = char_before(text, at, from);
        let next = char_after(text, at + c.len_utf8(), end);
        // `›` closes only `‹`, spaced or not; an apostrophe must follow a word.
        if (closes(prev) || opener == '‹') && !next.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
pub(crate) mod tests;
