//! Aligning a quote with its source passage in a transcript.
//!
//! 1. [`search`] finds the regions of the transcript that hold the quote's
//!    rarer words close together, from postings built in one pass over the
//!    transcript for all quotes at once.
//! 2. [`fit`] finds, in each region, the stretch of transcript words that
//!    the quote fits best (a fitting alignment that lets a marked elision
//!    skip any number of words and a bracketed insertion stand for some).
//! 3. [`diff`] diffs the quote against that stretch word by word (with
//!    `similar`) and names each difference: elision, insertion, variant,
//!    disfluency, substitution, omission, addition.
//! 4. [`classify`] turns the differences into a category.

pub mod classify;
pub mod diff;
pub mod fit;
pub mod search;

use crate::document::Document;
use std::ops::Range;

use crate::text::{Class, Key, Lexicon, Span, Token, Word, WordList, canonical_terms, tokenize_into};

pub use classify::Category;
pub use diff::{Difference, Kind};

/// A transcript cut into words, ready to search.
pub struct Transcript<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Its spoken words, in order (speaker labels left out).
    pub tokens: Vec<Token>,
}

impl<'d> Transcript<'d> {
    /// Tokenizes the turns of a transcript, a big one on every core.
    pub fn index(doc: &'d Document, lexicon: &mut Lexicon) -> Self {
        Self::index_in(doc, lexicon, crate::parallel::threads_for(doc.text.len()))
    }

    /// Tokenizes the turns of a transcript in `parts` pieces at once.
    ///
    /// Each piece is interned into a [`WordList`] of its own, whose words
    /// then join the lexicon piece by piece in order of first appearance.
    /// So the tokens, and the id of every word, are those of cutting the
    /// whole in one go.
    ///
    /// The pieces end at a space or line break, which no word holds and
    /// past which no word looks.
    pub fn index_in(doc: &'d Document, lexicon: &mut Lexicon, parts: usize) -> Self {
        let ranges: Vec<Range<usize>> = doc.turns.iter().map(|turn| turn.body.range()).collect();
        let text = doc.text.as_str();
        if parts <= 1 {
            let mut tokens = Vec::with_capacity(text.len() / 6);
            for range in ranges {
                tokenize_into(text, range, lexicon, &mut tokens);
            }
            return Self { doc, tokens };
        }
        let pieces = split_at_blanks(text, &ranges, parts);
        let cut = |piece: usize| {
            // The first piece's tokens are followed by the others'.
            let bytes: usize =
                if piece == 0 { text.len() } else { pieces[piece].iter().map(ExactSizeIterator::len).sum() };
            let (mut words, mut tokens) = (WordList::default(), Vec::with_capacity(bytes / 6));
            for range in &pieces[piece] {
                tokenize_into(text, range.clone(), &mut words, &mut tokens);
            }
            // What a word stands for is worked out here too, so that only
            // handing out ids is left for one core.
            let terms: Vec<Vec<String>> = words.words().iter().map(|w| canonical_terms(w)).collect();
            (words, terms, tokens)
        };
        let mut tokens = Vec::new();
        for (words, terms, mut piece) in crate::parallel::map(pieces.len(), parts, cut, &mut |_| {}) {
            let ids: Vec<Word> = words.words().iter().zip(&terms).map(|(w, t)| lexicon.intern_as(w, t)).collect();
            for token in &mut piece {
                token.word = ids[token.word.index()];
            }
            if tokens.is_empty() {
                tokens = piece;
            } else {
                tokens.extend(piece);
            }
        }
        Self { doc, tokens }
    }

    /// The span from the start of token `first` to the end of token `last`.
    #[must_use]
    pub fn span(&self, first: usize, last: usize) -> Span {
        self.tokens[first].span().cover(self.tokens[last].span())
    }
}

/// Splits `ranges` of `text` into at most `parts` pieces of about equal
/// bytes, in order, cutting a range only at a space or line break.
fn split_at_blanks(text: &str, ranges: &[Range<usize>], parts: usize) -> Vec<Vec<Range<usize>>> {
    let total: usize = ranges.iter().map(ExactSizeIterator::len).sum();
    let share = total.div_ceil(parts.max(1)).max(1);
    let mut pieces = vec![Vec::new()];
    let mut filled = 0;
    for range in ranges {
        let mut range = range.clone();
        while filled + range.len() > share && pieces.len() < parts {
            let want = range.start + share.saturating_sub(filled);
            let at = if want == range.start {
                want
            } else {
                let Some(blank) = memchr::memchr2(b' ', b'\n', &text.as_bytes()[want..range.end]) else { break };
                want + blank
            };
            if at > range.start {
                pieces.last_mut().expect("a piece").push(range.start..at);
            }
            pieces.push(Vec::new());
            filled = 0;
            range.start = at;
        }
        filled += range.len();
        pieces.last_mut().expect("a piece").push(range);
    }
    pieces
}

/// One comparable unit of a quote: a key, the token it came from, and the
/// marks around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteTerm {
    /// The canonical form.
    pub key: Key,
    /// Index into [`QuoteWords::tokens`].
    pub token: usize,
    /// Inside `[brackets]` or `(parentheses)`: the journalist's words.
    pub inserted: bool,
    /// An elision mark (`...`) stands right before this term: index into
    /// [`QuoteWords::elisions`].
    pub elided_before: Option<usize>,
}

/// A quote's words as the aligner sees them.
#[derive(Clone, Debug, Default)]
pub struct QuoteWords {
    /// The words, with spans into the article.
    pub tokens: Vec<Token>,
    /// The comparable terms, in order.
    pub terms: Vec<QuoteTerm>,
    /// The spans of the elision marks (`...`, `…`, `. . .`, `[...]`).
    pub elisions: Vec<Span>,
    /// The stem of each term.
    pub stems: Vec<Key>,
}

impl QuoteWords {
    /// Reads the words of `article[span]`, noting elision marks and
    /// bracketed insertions.
    ///
    /// ```text
    /// this (war) is not … especially
    /// this [war]* is not |elision| especially       (* inserted)
    /// ```
    pub fn read(article: &str, span: Span, lexicon: &mut Lexicon) -> Self {
        let mut words = Self::default();
        let mut pending_elision = None;
        let mut plain_from = span.start;
        let bytes = article.as_bytes();
        let mut at = span.start;
        while at < span.end {
            let (marker, inserted_inner) = match bytes[at] {
                b'[' | b'(' => {
                    let close = if bytes[at] == b'[' { b']' } else { b')' };
                    match bytes[at + 1..span.end].iter().position(|&b| b == close) {
                        Some(len) => {
                            let inner = Span::new(at + 1, at + 1 + len);
                            if is_ellipsis(article[inner.range()].trim()) {
                                (Some(Span::new(at, inner.end + 1)), None)
                            } else {
                                (None, Some((inner, inner.end + 1)))
                            }
                        }
                        None => (None, None),
                    }
                }
                _ => (ellipsis_at(article, at, span.end).map(|end| Span::new(at, end)), None),
            };
            if let Some(mark) = marker {
                words.push_words(article, Span::new(plain_from, at), false, &mut pending_elision, lexicon);
                words.elisions.push(mark);
                pending_elision = Some(words.elisions.len() - 1);
                at = mark.end;
                plain_from = at;
            } else if let Some((inner, after)) = inserted_inner {
                words.push_words(article, Span::new(plain_from, at), false, &mut pending_elision, lexicon);
                words.push_words(article, inner, true, &mut pending_elision, lexicon);
                at = after;
                plain_from = at;
            } else {
                at += 1;
                while at < span.end && !article.is_char_boundary(at) {
                    at += 1;
                }
            }
        }
        words.push_words(article, Span::new(plain_from, span.end), false, &mut pending_elision, lexicon);
        words.stems = words.terms.iter().map(|t| lexicon.stem(t.key)).collect();
        words
    }

    fn push_words(
        &mut self,
        article: &str,
        span: Span,
        inserted: bool,
        pending: &mut Option<usize>,
        lexicon: &mut Lexicon,
    ) {
        if span.is_empty() {
            return;
        }
        let first = self.tokens.len();
        tokenize_into(article, span.range(), lexicon, &mut self.tokens);
        for token in first..self.tokens.len() {
            for &key in lexicon.keys(self.tokens[token].word) {
                self.terms.push(QuoteTerm { key, token, inserted, elided_before: pending.take() });
            }
        }
    }

    /// The same words without the terms inside `spans` (the attribution
    /// words inside a reported item: `Russia, he said, would …`).
    #[must_use]
    pub fn without(mut self, spans: &[Span]) -> Self {
        let keep: Vec<bool> = self
            .terms
            .iter()
            .map(|t| {
                let at = self.tokens[t.token].span().start;
                !spans.iter().any(|s| s.contains(at))
            })
            .collect();
        let mut k = keep.iter();
        self.terms.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        self.stems.retain(|_| *k.next().unwrap_or(&true));
        self
    }

    /// The terms that are the speaker's (not bracketed insertions).
    pub fn spoken(&self) -> impl Iterator<Item = &QuoteTerm> {
        self.terms.iter().filter(|t| !t.inserted)
    }

    /// The number of spoken terms of each class: (content, function).
    #[must_use]
    pub fn class_counts(&self, lexicon: &Lexicon) -> (usize, usize) {
        self.spoken().fold((0, 0), |(c, s), t| match lexicon.class(t.key) {
            Class::Content => (c + 1, s),
            Class::Stop => (c, s + 1),
            Class::Filler => (c, s),
        })
    }
}

fn is_ellipsis(s: &str) -> bool {
    matches!(s, "..." | "…" | ". . ." | "...." | "…." | "")
}

/// The end of an elision mark starting at `at`: `...` (or more dots),
/// `…`, or `. . .`.
fn ellipsis_at(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = &text[at..end];
    if rest.starts_with('…') {
        return Some(at + '…'.len_utf8());
    }
    if rest.starts_with("...") {
        return Some(at + rest.bytes().take_while(|&b| b == b'.').count());
    }
    if rest.starts_with(". . .") {
        return Some(at + 5);
    }
    None
}

/// One term of a transcript window: a key and the index of its token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceTerm {
    /// The canonical form.
    pub key: Key,
    /// Index into [`Transcript::tokens`].
    pub token: usize,
}

/// The terms of tokens `range` of a transcript.
#[must_use]
pub fn source_terms(transcript: &Transcript<'_>, range: std::ops::Range<usize>, lexicon: &Lexicon) -> Vec<SourceTerm> {
    let mut terms = Vec::with_capacity(range.len() + 8);
    for token in range {
        for &key in lexicon.keys(transcript.tokens[token].word) {
            terms.push(SourceTerm { key, token });
        }
    }
    terms
}

/// A quote aligned with one passage of one transcript.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// Index of the transcript.
    pub transcript: usize,
    /// The source passage: first to last aligned word, in transcript text.
    pub source: Span,
    /// First and last aligned token (inclusive), in transcript tokens.
    pub tokens: (usize, usize),
    /// How the quote departs from the source, in article order.
    pub differences: Vec<Difference>,
    /// Share of words the two sides have in common, from 0 to 1.
    pub similarity: f64,
    /// What the alignment makes of the quote.
    pub category: Category,
}

#[cfg(test)]
mod tests;
