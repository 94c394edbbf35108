//! The stretch of transcript words a quote fits best.
//!
//! A fitting alignment: every quote term is either paired with a source
//! term or left over, source terms before the first and after the last pair
//! cost nothing, and source terms skipped in between cost a point, except
//! where the quote marks an elision (any number may be skipped), next to a
//! bracketed insertion (which may stand for them), or when they are
//! disfluencies (fillers, repeats, cut-off words) or the rest of a number
//! said in several words. Bracketed words are the journalist's: they never
//! pair, so they cannot pull the fit toward words that happen to match.
//!
//! ```text
//! quote:   we would like … especially with a   great country
//! source:  we would like [to have … countries] especially with the great country
//!                         ^ skipped free at the elision       ^ substitution
//! ```

use std::ops::Range;

use super::{QuoteTerm, SourceTerm};
use crate::text::{Class, Key};

const MATCH: f32 = 2.0;
/// Inflections of one word, or two numbers (a number form may differ).
const NEAR_MISS: f32 = -0.25;
/// Two function words (`a` for `the`): likely counterparts.
const FUNCTION_MISMATCH: f32 = -0.8;
const MISMATCH: f32 = -1.0;
const GAP: f32 = -1.0;
const INSERTED_GAP: f32 = -0.01;
const ELIDED_GAP: f32 = -0.001;
const BRACKET_GAP: f32 = -0.3;
/// Skipping a disfluency, or the second word of `fifty-four`.
const CHEAP_GAP: f32 = -0.05;

const DIAG: u8 = 0;
const UP: u8 = 1;
const LEFT: u8 = 2;

/// What the aligner knows of a quote term.
#[derive(Clone, Copy, Debug)]
pub struct QuoteSide {
    /// The term.
    pub term: QuoteTerm,
    /// Its stem.
    pub stem: Key,
    /// Its class.
    pub class: Class,
    /// True when the term is a number in digits.
    pub number: bool,
}

/// What the aligner knows of a source term.
#[derive(Clone, Copy, Debug)]
pub struct SourceSide {
    /// The term.
    pub term: SourceTerm,
    /// Its stem.
    pub stem: Key,
    /// Its class.
    pub class: Class,
    /// True when the term is a number in digits.
    pub number: bool,
    /// True for a filler, the first copy of a repeat, a cut-off word, or
    /// the rest of a number said in several words: cheap to skip.
    pub skippable: bool,
}

/// A source term as a column of the alignment table.
struct Column {
    key: Key,
    stem: Key,
    stop: bool,
    number: bool,
    /// A disfluency or a filler: cheap to skip.
    cheap: bool,
}

impl Column {
    fn of(s: &SourceSide) -> Self {
        Self {
            key: s.term.key,
            stem: s.stem,
            stop: s.class == Class::Stop,
            number: s.number,
            cheap: s.skippable || s.class == Class::Filler,
        }
    }
}

/// A quote cut at its elision marks: each piece's quote terms and the
/// source terms they cover (see [`Fit::pieces`]).
pub type Pieces = Vec<(Range<usize>, Range<usize>)>;

/// The best fit: source terms `first..=last` (indices into the window).
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// First source term paired with a quote term.
    pub first: usize,
    /// Last source term paired with a quote term.
    pub last: usize,
    /// The alignment's score.
    pub score: f32,
    /// Quote terms paired with the same word, an inflection of it, or a
    /// number: what the diff can find in common at most, give or take a
    /// variant of form.
    pub close: usize,
    /// The quote cut at its elision marks, each piece with the source
    /// terms it covers, and between two pieces the source terms the mark
    /// skipped (with an empty quote range at the mark). Diffing piece by
    /// piece keeps the skipped words at the mark.
    pub pieces: Pieces,
}

/// The best fit of `quote` inside `source`, or `None` when no quote term
/// pairs with any source term. Among equally good fits, the one ending
/// nearest source term `near` wins (the region the search pointed at).
#[must_use]
pub fn fit(quote: &[QuoteSide], source: &[SourceSide], near: usize) -> Option<Fit> {
    let (n, m) = (quote.len(), source.len());
    if n == 0 || m == 0 {
        return None;
    }
    let width = m + 1;
    let mut dirs = vec![0u8; (n + 1) * width];
    let mut prev = vec![0f32; width];
    let mut cur = vec![0f32; width];
    // What each source term's column needs to know, packed together.
    let columns: Vec<Column> = source.iter().map(Column::of).collect();
    for i in 1..=n {
        let q = quote[i - 1];
        let number_tail = q.number && i >= 2 && quote[i - 2].number;
        let gap_q = if q.term.inserted {
            INSERTED_GAP
        } else if number_tail {
            CHEAP_GAP
        } else {
            GAP
        };
        // What skipping a source term costs after this quote term: the
        // same for all, or less for one cheap to skip.
        let (gap_cheap, gap_other) = if i == n {
            (GAP, GAP)
        } else if quote[i].term.elided_before.is_some() {
            (ELIDED_GAP, ELIDED_GAP)
        } else if q.term.inserted || quote[i].term.inserted {
            (CHEAP_GAP, BRACKET_GAP)
        } else {
            (CHEAP_GAP, GAP)
        };
        let stop = q.class == Class::Stop;
        cur[0] = prev[0] + gap_q;
        let row = &mut dirs[i * width..(i + 1) * width];
        row[0] = UP;
        let mut left_score = cur[0];
        for (((column, above), here), dir) in columns.iter().zip(prev.windows(2)).zip(&mut cur[1..]).zip(&mut row[1..])
        {
            let pair = if q.term.inserted {
                f32::NEG_INFINITY
            } else if column.key == q.term.key {
                MATCH
            } else if column.stem == q.stem || (q.number && column.number) {
                NEAR_MISS
            } else if stop && column.stop {
                FUNCTION_MISMATCH
            } else {
                MISMATCH
            };
            let diag = above[0] + pair;
            let up = above[1] + gap_q;
            let left = left_score + if column.cheap { gap_cheap } else { gap_other };
            // On a tie, a pair of equal words wins, but a mismatched pair
            // loses to leaving a word unpaired: spans do not grow by
            // guesses at their edges.
            let diag_wins = if pair == MATCH { diag >= up && diag >= left } else { diag > up && diag > left };
            (left_score, *dir) = if diag_wins {
                (diag, DIAG)
            } else if left >= up {
                (left, LEFT)
            } else {
                (up, UP)
            };
            *here = left_score;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let best = prev[1..=m].iter().copied().fold(f32::MIN, f32::max);
    let mut j = (1..=m).filter(|&j| prev[j] >= best).min_by_key(|&j| (j - 1).abs_diff(near)).unwrap_or(m);
    let score = prev[j];
    let mut i = n;
    let (mut first, mut last) = (None, None);
    let mut paired = false;
    let mut close = 0;
    // For each quote term, the source term it is paired with, if any.
    let mut partner: Vec<Option<usize>> = vec![None; n];
    while i > 0 {
        match dirs[i * width + j] {
            DIAG => {
                let (here, there) = (&quote[i - 1], &source[j - 1]);
                let same = here.stem == there.stem || here.term.key == there.term.key;
                paired |= same;
                close += usize::from(same || (here.number && there.number));
                partner[i - 1] = Some(j - 1);
                last.get_or_insert(j - 1);
                first = Some(j - 1);
                i -= 1;
                j -= 1;
            }
            LEFT => j -= 1,
            _ => i -= 1,
        }
    }
    if !paired {
        return None;
    }
    let (first, last) = (first?, last?);
    Some(Fit { first, last, score, close, pieces: pieces(quote, &partner, first, last) })
}

/// Cuts the quote at its elision marks: a piece ends just after the last
/// source term paired before the mark, the next starts at the first one
/// paired after it, and what lies between is what the mark skipped.
fn pieces(quote: &[QuoteSide], partner: &[Option<usize>], first: usize, last: usize) -> Pieces {
    let mut out = Vec::new();
    let (mut q0, mut s0) = (0, first);
    for b in 1..quote.len() {
        if quote[b].term.elided_before.is_none() {
            continue;
        }
        let end = partner[..b].iter().rev().find_map(|p| *p).map_or(s0, |s| s + 1).max(s0);
        let next = partner[b..].iter().find_map(|p| *p).unwrap_or(end).max(end);
        out.push((q0..b, s0..end));
        if next > end {
            out.push((b..b, end..next));
        }
        (q0, s0) = (b, next);
    }
    out.push((q0..quote.len(), s0..(last + 1).max(s0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Key;

    const FUNCTION_WORDS: &[&str] =
        &["a", "the", "with", "of", "on", "we", "will", "is", "not", "this", "and", "in", "any"];

    fn class_of(word: &str) -> Class {
        match word {
            "um" => Class::Filler,
            w if FUNCTION_WORDS.contains(&w) => Class::Stop,
            _ => Class::Content,
        }
    }

    /// Builds sides from words: each distinct word is its own key; `*word`
    /// is bracketed, `|word` has an elision before it, `~word` shares the
    /// stem of `word`, `um` is a filler, common words are function words.
    fn sides(quote: &str, source: &str) -> (Vec<QuoteSide>, Vec<SourceSide>) {
        let mut vocab: Vec<String> = Vec::new();
        let mut key = |w: &str| {
            let i = vocab.iter().position(|v| v == w).unwrap_or_else(|| {
                vocab.push(w.to_owned());
                vocab.len() - 1
            });
            Key::for_tests(i)
        };
        let q = quote
            .split_whitespace()
            .enumerate()
            .map(|(token, w)| {
                let inserted = w.starts_with('*');
                let elided = w.starts_with('|');
                let word = w.trim_start_matches(['*', '|']);
                let k = key(word);
                QuoteSide {
                    term: QuoteTerm { key: k, token, inserted, elided_before: elided.then_some(0) },
                    stem: k,
                    class: class_of(word),
                    number: false,
                }
            })
            .collect();
        let s = source
            .split_whitespace()
            .enumerate()
            .map(|(token, w)| {
                let stem = key(w.trim_start_matches('~'));
                let k = if w.starts_with('~') { key(w) } else { stem };
                let class = class_of(w.trim_start_matches('~'));
                SourceSide { term: SourceTerm { key: k, token }, stem, class, number: false, skippable: false }
            })
            .collect();
        (q, s)
    }

    /// The source words the quote fits.
    fn fitted(quote: &str, source: &str) -> String {
        let (q, s) = sides(quote, source);
        let words: Vec<&str> = source.split_whitespace().collect();
        let f = fit(&q, &s, s.len()).expect("a fit");
        let covered: usize = f.pieces.iter().map(|(_, s)| s.len()).sum();
        assert_eq!(covered, f.last + 1 - f.first, "the pieces cover the fit");
        words[f.first..=f.last].join(" ")
    }

    #[test]
    fn fits_table() {
        for (quote, source, expected) in [
            // exact
            ("red lines", "they announced their red lines again", "red lines"),
            // one word changed, at the edge
            ("a great country", "with the great country like", "the great country"),
            // a word left out in the middle
            ("on ukrainian soil", "on the ukrainian soil with", "on the ukrainian soil"),
            // a marked elision skips any number of words
            (
                "of course |especially with",
                "of course but generally with all countries especially with the",
                "of course but generally with all countries especially with",
            ),
            // a bracketed insertion stands for nothing
            ("this *war is not", "in any case this is not what", "this is not"),
            // ...and never pairs, even with words that match
            (
                "*the *staffing *model was designed",
                "the staffing model dates from 2004 it was designed",
                "was designed",
            ),
            // fillers cost almost nothing
            ("we will win", "and we um um will win now", "we um um will win"),
            // inflection is a near match
            ("red line", "these red ~line are moved", "red ~line"),
        ] {
            assert_eq!(fitted(quote, source), expected, "{quote:?} in {source:?}");
        }
    }

    #[test]
    fn nothing_in_common_is_no_fit() {
        let (q, s) = sides("alpha beta", "gamma delta");
        assert_eq!(fit(&q, &s, 0), None);
    }
}
