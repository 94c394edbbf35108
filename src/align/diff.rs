//! The differences between a quote and its source, word by word.
//!
//! The quote's terms are diffed against the fitted source terms with
//! `similar` (Myers), and every run the diff leaves unpaired is named:
//!
//! ```text
//! quote:  this (war) is not … especially with a   great   neighbours
//! source: this       is not but generally … with the great   neighbors
//!              ^ insertion   ^ elision           ^ substitution  ^ variant
//! ```
//!
//! Paired words whose written forms differ (`neighbours`/`neighbors`,
//! `do not`/`don't`, `thirty`/`30`) are variants; unpaired runs that say the
//! same in other forms (`long range`/`longrange`, `twenty five`/`25`) are
//! variants too. A filler, a stutter (`th- the`) or an immediate repeat of
//! one to three words that the quote leaves out is a disfluency.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::fit::SourceSide;
use super::{QuoteWords, Transcript};
use crate::text::{Class, Lexicon, Span, Word, equivalent};

/// A kind of difference between a quote and its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A marked elision (`...`) stands for source words.
    Elision,
    /// Words in `[brackets]` or `(parentheses)`, the journalist's own.
    Insertion,
    /// The same word in another written form (spelling, transliteration,
    /// number, contraction, compound).
    Variant,
    /// A filler, stutter or repeat of speech left out.
    Disfluency,
    /// Unmarked: other words in the place of the source's.
    Substitution,
    /// Unmarked: source words left out.
    Omission,
    /// Unmarked: words the source does not have.
    Addition,
}

impl Kind {
    /// Every kind, in the order the report explains them.
    pub const ALL: [Self; 7] = [
        Self::Elision,
        Self::Insertion,
        Self::Variant,
        Self::Disfluency,
        Self::Substitution,
        Self::Omission,
        Self::Addition,
    ];

    /// The name used in reports.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Elision => "elision",
            Self::Insertion => "insertion",
            Self::Variant => "variant",
            Self::Disfluency => "disfluency",
            Self::Substitution => "substitution",
            Self::Omission => "omission",
            Self::Addition => "addition",
        }
    }

    /// True for the kinds a verbatim quote may have: marked by the
    /// journalist, or a difference of form only.
    #[must_use]
    pub const fn allowed_in_verbatim(self) -> bool {
        matches!(self, Self::Elision | Self::Insertion | Self::Variant | Self::Disfluency)
    }
}

/// One way a quote departs from its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Difference {
    /// What kind of difference.
    pub kind: Kind,
    /// The quote's side, in the article (none for an omission).
    pub quote: Option<Span>,
    /// The source's side, in the transcript (none for an addition).
    pub source: Option<Span>,
    /// Where in the article the difference sits: the start of its quote
    /// side, or for an omission the point between quote words where the
    /// source words are missing.
    pub at: usize,
}

/// Counts behind the similarity and the category.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    /// Quote terms paired with the source (variants included).
    pub matched_quote: f64,
    /// Source terms paired with the quote.
    pub matched_source: f64,
    /// Quote terms that count (bracketed ones only when paired).
    pub quote_terms: f64,
    /// Source terms that count (not elided, not disfluencies, not stood
    /// for by an insertion).
    pub source_terms: f64,
    /// Paired quote terms weighted by class (content words weigh more).
    pub matched_weight: f64,
    /// All quote terms weighted by class.
    pub quote_weight: f64,
    /// Substitutions, omissions and additions.
    pub unmarked: usize,
    /// Terms inside unmarked differences, on the quote's side and the
    /// source's side together.
    pub unmarked_terms: usize,
}

impl Tally {
    /// The share of words in common, from 0 to 1.
    #[must_use]
    pub fn similarity(&self) -> f64 {
        let total = self.quote_terms + self.source_terms;
        if total <= 0.0 { 0.0 } else { ((self.matched_quote + self.matched_source) / total).min(1.0) }
    }

    /// The weighted share of the quote's words found in the source.
    #[must_use]
    pub fn coverage(&self) -> f64 {
        if self.quote_weight <= 0.0 { 0.0 } else { (self.matched_weight / self.quote_weight).min(1.0) }
    }
}

/// Everything the diff needs to see.
pub struct Sides<'a> {
    /// The article's text.
    pub article: &'a str,
    /// The quote's words.
    pub quote: &'a QuoteWords,
    /// The transcript.
    pub transcript: &'a Transcript<'a>,
    /// The lexicon.
    pub lexicon: &'a Lexicon,
    /// A window of source terms around the fit (neighbours tell repeats).
    pub window: &'a [SourceSide],
}

/// The differences of a quote against source terms `range` of the window.
#[must_use]
pub fn diff(sides: &Sides<'_>, range: Range<usize>) -> (Vec<Difference>, Tally) {
    diff_pieces(sides, &[(0..sides.quote.terms.len(), range)])
}

/// The differences of a quote cut into pieces, each diffed against its own
/// source terms (see [`super::fit::Fit::pieces`]).
#[must_use]
pub fn diff_pieces(sides: &Sides<'_>, pieces: &[(Range<usize>, Range<usize>)]) -> (Vec<Difference>, Tally) {
    let mut builder = Builder {
        sides,
        signs: Vec::new(),
        lone_omissions: Vec::new(),
        differences: Vec::new(),
        tally: Tally::default(),
        group: None,
        at: 0,
    };
    for term in sides.quote.spoken() {
        let w = weight(sides.lexicon.class(term.key));
        builder.tally.quote_terms += 1.0;
        builder.tally.quote_weight += w;
    }
    for (quote, source) in pieces {
        builder.tally.source_terms += source.len() as f64;
        let old: Vec<u32> = sides.window[source.clone()].iter().map(|s| s.term.key.raw()).collect();
        // Bracketed words are the journalist's: they never pair.
        let new: Vec<u32> = sides.quote.terms[quote.clone()]
            .iter()
            .enumerate()
            .map(|(i, t)| if t.inserted { u32::MAX - u32::try_from(i).unwrap_or(0) } else { t.key.raw() })
            .collect();
        let (s0, q0) = (source.start, quote.start);
        if quote.is_empty() {
            // The words an elision mark skipped.
            builder.change(source.clone(), quote.clone());
            continue;
        }
        for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
            match op {
                DiffOp::Equal { old_index, new_index, len } => {
                    builder.equal(s0 + old_index..s0 + old_index + len, q0 + new_index..q0 + new_index + len);
                }
                DiffOp::Delete { old_index, old_len, new_index } => {
                    builder.change(s0 + old_index..s0 + old_index + old_len, q0 + new_index..q0 + new_index);
                }
                DiffOp::Insert { old_index, new_index, new_len } => {
                    builder.change(s0 + old_index..s0 + old_index, q0 + new_index..q0 + new_index + new_len);
                }
                DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    builder.change(s0 + old_index..s0 + old_index + old_len, q0 + new_index..q0 + new_index + new_len);
                }
            }
        }
    }
    builder.flush();
    builder.pair_currency();
    // Article order; at one place in the quote, source order.
    builder.differences.sort_by_key(|d| (d.at, d.source.map_or(0, |s| s.start)));
    (builder.differences, builder.tally)
}

fn weight(class: Class) -> f64 {
    match class {
        Class::Content => 1.0,
        Class::Stop => 0.3,
        Class::Filler => 0.0,
    }
}

/// Paired tokens whose written forms may differ: first and last token on
/// each side.
#[derive(Clone, Copy, Debug)]
struct Group {
    quote: (usize, usize),
    source: (usize, usize),
}

struct Builder<'a, 'b> {
    sides: &'b Sides<'a>,
    /// Additions of a currency sign (difference index, quote term), and
    /// omissions of one source term (difference index, window term): a
    /// `$` before a number and `dollars` after it are one variant.
    signs: Vec<(usize, usize)>,
    lone_omissions: Vec<(usize, usize)>,
    differences: Vec<Difference>,
    tally: Tally,
    group: Option<Group>,
    /// The article offset of the change being named.
    at: usize,
}

impl Builder<'_, '_> {
    fn quote_token(&self, term: usize) -> usize {
        self.sides.quote.terms[term].token
    }

    fn source_token(&self, term: usize) -> usize {
        self.sides.window[term].term.token
    }

    fn quote_span(&self, first: usize, last: usize) -> Span {
        let tokens = &self.sides.quote.tokens;
        tokens[first].span().cover(tokens[last].span())
    }

    fn source_span(&self, first: usize, last: usize) -> Span {
        self.sides.transcript.span(first, last)
    }

    fn quote_words(&self, first: usize, last: usize) -> Vec<Word> {
        self.sides.quote.tokens[first..=last].iter().map(|t| t.word).collect()
    }

    fn source_words(&self, first: usize, last: usize) -> Vec<Word> {
        self.sides.transcript.tokens[first..=last].iter().map(|t| t.word).collect()
    }

    fn push(&mut self, kind: Kind, quote: Option<Span>, source: Option<Span>) {
        if !kind.allowed_in_verbatim() {
            self.tally.unmarked += 1;
        }
        let at = quote.map_or(self.at, |q| q.start);
        self.differences.push(Difference { kind, quote, source, at });
    }

    /// The article offset before quote term `q` (or after the last one).
    fn anchor(&self, q: usize) -> usize {
        let quote = self.sides.quote;
        match quote.terms.get(q) {
            Some(term) => quote.tokens[term.token].span().start,
            None => quote.tokens.last().map_or(0, |t| t.span().end),
        }
    }

    fn equal(&mut self, source: Range<usize>, quote: Range<usize>) {
        for (s, q) in source.zip(quote) {
            let (qt, st) = (self.quote_token(q), self.source_token(s));
            match &mut self.group {
                Some(g) if g.quote.1 == qt || g.source.1 == st => {
                    g.quote.1 = qt;
                    g.source.1 = st;
                }
                _ => {
                    self.flush();
                    self.group = Some(Group { quote: (qt, qt), source: (st, st) });
                }
            }
            let term = self.sides.quote.terms[q];
            if term.inserted {
                self.tally.quote_terms += 1.0;
                self.tally.quote_weight += weight(self.sides.lexicon.class(term.key));
            }
            self.tally.matched_quote += 1.0;
            self.tally.matched_source += 1.0;
            self.tally.matched_weight += weight(self.sides.lexicon.class(term.key));
        }
    }

    /// Reports the open group of paired words as a variant if their
    /// written forms differ.
    fn flush(&mut self) {
        if let Some(g) = self.group.take() {
            let quote = self.quote_words(g.quote.0, g.quote.1);
            let source = self.source_words(g.source.0, g.source.1);
            if quote != source {
                let (q, s) = (self.quote_span(g.quote.0, g.quote.1), self.source_span(g.source.0, g.source.1));
                self.push(Kind::Variant, Some(q), Some(s));
            }
        }
    }

    fn change(&mut self, source: Range<usize>, quote: Range<usize>) {
        // A contraction split by the diff (`it's` paired on `it`, `is`
        // against `has`) is judged whole: take the paired words along.
        let mut joined: Option<Group> = None;
        if let Some(g) = self.group {
            let shares_source = !source.is_empty() && self.source_token(source.start) == g.source.1;
            let shares_quote = !quote.is_empty() && self.quote_token(quote.start) == g.quote.1;
            if shares_source || shares_quote {
                joined = self.group.take();
            }
        }
        self.flush();
        self.at = self.anchor(quote.start);
        let terms = &self.sides.quote.terms;
        let spoken: Vec<usize> = quote.clone().filter(|&q| !terms[q].inserted).collect();
        let inserted: Vec<usize> = quote.clone().filter(|&q| terms[q].inserted).collect();
        let mut source: Vec<usize> = source.collect();
        if !inserted.is_empty() {
            let stands_for = spoken.is_empty() && !source.is_empty();
            for bracket in self.brackets_of(&inserted) {
                let replaced = stands_for.then(|| {
                    self.source_span(
                        self.source_token(source[0]),
                        self.source_token(*source.last().expect("non-empty")),
                    )
                });
                self.push(Kind::Insertion, Some(bracket), replaced);
            }
            if stands_for {
                self.tally.source_terms -= source.len() as f64;
                return;
            }
        }
        let elision = quote_elision(self.sides.quote, quote.start);
        if let Some(mark) = elision {
            let elided = source.len().saturating_sub(spoken.len());
            if elided > 0 {
                let cut: Vec<usize> = source.drain(..elided).collect();
                let span =
                    self.source_span(self.source_token(cut[0]), self.source_token(*cut.last().expect("non-empty")));
                self.push(Kind::Elision, Some(mark), Some(span));
                self.tally.source_terms -= cut.len() as f64;
            }
        }
        let source = self.drop_disfluencies(source);
        self.name_rest(&spoken, &source, joined);
    }

    /// The bracket spans holding some inserted terms, each once.
    fn brackets_of(&self, inserted: &[usize]) -> Vec<Span> {
        let text = self.sides.article;
        let mut spans: Vec<Span> = Vec::new();
        for &q in inserted {
            let token = self.sides.quote.tokens[self.quote_token(q)].span();
            let open = text[..token.start].rfind(['[', '(']).unwrap_or(token.start);
            let close = text[token.end..].find([']', ')']).map_or(token.end, |i| token.end + i + 1);
            let span = Span::new(open, close);
            if !spans.contains(&span) {
                spans.push(span);
            }
        }
        spans
    }

    /// Reports the disfluencies among unpaired source terms and returns
    /// the rest.
    fn drop_disfluencies(&mut self, source: Vec<usize>) -> Vec<usize> {
        if source.is_empty() {
            return source;
        }
        // Fillers and cut-off words, then repeats of one to three words
        // anywhere in the run (longest first).
        let mut disfluent: Vec<bool> = source.iter().map(|&s| self.is_disfluent(s)).collect();
        for k in (1..=3).rev() {
            for i in 0..source.len().saturating_sub(k - 1) {
                let run = &source[i..i + k];
                let contiguous = run.windows(2).all(|w| w[1] == w[0] + 1);
                if contiguous && !disfluent[i..i + k].iter().any(|&d| d) && self.repeats(run[0], k) {
                    disfluent[i..i + k].iter_mut().for_each(|d| *d = true);
                }
            }
        }
        let mut rest = Vec::new();
        let mut run: Vec<usize> = Vec::new();
        for (&s, &gone) in source.iter().zip(&disfluent) {
            if gone {
                if run.last().is_some_and(|&l| l + 1 != s) {
                    self.report_disfluency(&run);
                    run.clear();
                }
                run.push(s);
            } else {
                rest.push(s);
            }
        }
        self.report_disfluency(&run);
        rest
    }

    fn report_disfluency(&mut self, run: &[usize]) {
        if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
            let span = self.source_span(self.source_token(first), self.source_token(last));
            self.push(Kind::Disfluency, None, Some(span));
            self.tally.source_terms -= run.len() as f64;
        }
    }

    /// True when the `len` window terms from `start` repeat the terms
    /// right after or right before them, fillers aside (`is, uh, is`).
    fn repeats(&self, start: usize, len: usize) -> bool {
        let w = self.sides.window;
        let spoken = |i: &usize| w[*i].class != Class::Filler;
        let keys = |ids: Vec<usize>| ids.into_iter().map(|i| w[i].term.key).collect::<Vec<_>>();
        let this: Vec<usize> = (start..(start + len).min(w.len())).filter(spoken).collect();
        if this.is_empty() {
            return false;
        }
        let k = this.len();
        let after: Vec<usize> = (start + len..w.len()).filter(spoken).take(k).collect();
        let mut before: Vec<usize> = (0..start).rev().filter(spoken).take(k).collect();
        before.reverse();
        let this = keys(this);
        keys(after) == this || keys(before) == this
    }

    /// A filler, or a word cut off (`th- the`).
    fn is_disfluent(&self, s: usize) -> bool {
        let w = self.sides.window;
        let term = w[s];
        if term.class == Class::Filler {
            return true;
        }
        let tokens = &self.sides.transcript.tokens;
        let token = tokens[term.term.token];
        let Some(next) = tokens.get(term.term.token + 1) else { return false };
        let text = &self.sides.transcript.doc.text;
        let cut_off = text[token.span().end..].starts_with(['-', '—', '–']);
        let lexicon = self.sides.lexicon;
        cut_off && lexicon.word_text(next.word).starts_with(lexicon.word_text(token.word)) && token.word != next.word
    }

    /// Names what is left of a change: variant, substitution, omission or
    /// addition.
    fn name_rest(&mut self, quote: &[usize], source: &[usize], joined: Option<Group>) {
        let lexicon = self.sides.lexicon;
        let q_tokens = dedup(quote.iter().map(|&q| self.quote_token(q)));
        let s_tokens = dedup(source.iter().map(|&s| self.source_token(s)));
        let (q_first, q_last) = match (joined, q_tokens.first(), q_tokens.last()) {
            (Some(g), _, Some(&last)) => (Some(g.quote.0), Some(last.max(g.quote.1))),
            (Some(g), _, None) => (Some(g.quote.0), Some(g.quote.1)),
            (None, first, last) => (first.copied(), last.copied()),
        };
        let (s_first, s_last) = match (joined, s_tokens.first(), s_tokens.last()) {
            (Some(g), _, Some(&last)) => (Some(g.source.0), Some(last.max(g.source.1))),
            (Some(g), _, None) => (Some(g.source.0), Some(g.source.1)),
            (None, first, last) => (first.copied(), last.copied()),
        };
        match (q_first.zip(q_last), s_first.zip(s_last)) {
            (None, None) => {}
            (None, Some(_)) => {
                if source.len() == 1 {
                    self.lone_omissions.push((self.differences.len(), source[0]));
                }
                for (first, last) in contiguous(&s_tokens) {
                    self.push(Kind::Omission, None, Some(self.source_span(first, last)));
                }
                self.tally.unmarked_terms += source.len();
            }
            (Some(_), None) => {
                let word = self.sides.quote.tokens[q_tokens[0]].word;
                if quote.len() == 1 && crate::text::is_currency_sign(self.sides.lexicon.word_text(word)) {
                    self.signs.push((self.differences.len(), quote[0]));
                }
                for (first, last) in contiguous(&q_tokens) {
                    self.push(Kind::Addition, Some(self.quote_span(first, last)), None);
                }
                self.tally.unmarked_terms += quote.len();
            }
            (Some((qf, ql)), Some((sf, sl))) => {
                let (qw, sw) = (self.quote_words(qf, ql), self.source_words(sf, sl));
                if equivalent(lexicon, &qw, &sw) {
                    self.credit(quote, source.len() as f64);
                    self.push(Kind::Variant, Some(self.quote_span(qf, ql)), Some(self.source_span(sf, sl)));
                } else if joined.is_none() && quote.len() == source.len() && quote.len() > 1 {
                    self.pairwise(quote, source);
                } else {
                    self.substitution(quote, source, (qf, ql), (sf, sl));
                }
            }
        }
    }

    /// `$5 million` for `5 million dollars`: the sign added before the
    /// number and the currency left out after it are one variant.
    fn pair_currency(&mut self) {
        let mut gone = Vec::new();
        for (sign_at, q) in std::mem::take(&mut self.signs) {
            let stem = self.sides.quote.stems[q];
            let found = self.lone_omissions.iter().find(|&&(at, s)| {
                !gone.contains(&at) && self.sides.window[s].stem == stem && at.abs_diff(sign_at) <= 4
            });
            if let Some(&(omission_at, _)) = found {
                let source = self.differences[omission_at].source;
                let sign = &mut self.differences[sign_at];
                sign.kind = Kind::Variant;
                sign.source = source;
                gone.push(omission_at);
                self.tally.unmarked -= 2;
                self.tally.unmarked_terms -= 2;
                self.credit(&[q], 1.0);
            }
        }
        gone.sort_unstable();
        for at in gone.into_iter().rev() {
            self.differences.remove(at);
        }
    }

    /// Counts quote terms (and `source_terms` source terms) as paired.
    fn credit(&mut self, quote: &[usize], source_terms: f64) {
        for &q in quote {
            let key = self.sides.quote.terms[q].key;
            self.tally.matched_quote += 1.0;
            self.tally.matched_weight += weight(self.sides.lexicon.class(key));
        }
        self.tally.matched_source += source_terms;
    }

    /// Equal numbers of terms on both sides: each pair is a variant or
    /// part of a substitution.
    fn pairwise(&mut self, quote: &[usize], source: &[usize]) {
        let mut start = 0;
        while start < quote.len() {
            let same = |i: usize| {
                let (qt, st) = (self.quote_token(quote[i]), self.source_token(source[i]));
                equivalent(self.sides.lexicon, &self.quote_words(qt, qt), &self.source_words(st, st))
            };
            if same(start) {
                let (qt, st) = (self.quote_token(quote[start]), self.source_token(source[start]));
                self.credit(&quote[start..=start], 1.0);
                self.push(Kind::Variant, Some(self.quote_span(qt, qt)), Some(self.source_span(st, st)));
                start += 1;
                continue;
            }
            let mut end = start + 1;
            while end < quote.len() && !same(end) {
                end += 1;
            }
            let (q, s) = (&quote[start..end], &source[start..end]);
            let qt = (self.quote_token(q[0]), self.quote_token(q[q.len() - 1]));
            let st = (self.source_token(s[0]), self.source_token(s[s.len() - 1]));
            self.substitution(q, s, qt, st);
            start = end;
        }
    }

    fn substitution(&mut self, quote: &[usize], source: &[usize], q: (usize, usize), s: (usize, usize)) {
        // Inflections of the same word are near misses: part credit.
        if quote.len() == source.len() {
            for (&qi, &si) in quote.iter().zip(source) {
                if self.sides.window[si].stem == self.sides.quote.stems[qi] {
                    self.tally.matched_quote += 0.75;
                    self.tally.matched_source += 0.75;
                    self.tally.matched_weight +=
                        0.75 * weight(self.sides.lexicon.class(self.sides.quote.terms[qi].key));
                }
            }
        }
        self.tally.unmarked_terms += quote.len() + source.len();
        self.push(Kind::Substitution, Some(self.quote_span(q.0, q.1)), Some(self.source_span(s.0, s.1)));
    }
}

/// The elision mark standing before quote term `at`, if any.
fn quote_elision(quote: &QuoteWords, at: usize) -> Option<Span> {
    quote.terms.get(at).and_then(|t| t.elided_before).map(|i| quote.elisions[i])
}

fn dedup(tokens: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for t in tokens {
        if out.last() != Some(&t) {
            out.push(t);
        }
    }
    out
}

/// Runs of consecutive numbers in a sorted list, as (first, last).
fn contiguous(tokens: &[usize]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &t in tokens {
        match runs.last_mut() {
            Some(run) if run.1 + 1 == t || run.1 == t => run.1 = t,
            _ => runs.push((t, t)),
        }
    }
    runs
}
