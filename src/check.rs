//! The whole check: an article and its transcripts in, every quote out
//! with its ranked source passages and a suggested category.
//!
//! Quotes are aligned independently, then a short recurring phrase ("red
//! lines") whose best passages tie is settled by context: a passage in a
//! turn of the speaker the article credits comes first, then the passage
//! nearest the sources of the article's other, unambiguous quotes.

use crate::align::classify::{is_paraphrase, judge};
use crate::align::diff::{Sides, diff};
use crate::align::fit::{QuoteSide, SourceSide, fit};
use crate::align::search::{Postings, Region, Seeds};
use crate::align::{Alignment, Category, QuoteWords, Transcript, source_terms};
use crate::document::{Document, same_speaker};
use crate::quote::{self, Quote};
use crate::text::{Class, Key, Lexicon};

/// Candidate passages kept per quote.
pub const MAX_CANDIDATES: usize = 5;

/// Similarities closer than this are a tie, settled by context.
const TIE: f64 = 0.02;

/// The result of checking one article.
#[derive(Debug)]
pub struct Check {
    /// Every quote of the article, in article order.
    pub quotes: Vec<Checked>,
}

/// One quote, checked.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The quote as found in the article.
    pub quote: Quote,
    /// The category the engine suggests.
    pub suggestion: Category,
    /// Share of words in common with the source (or with the closest
    /// passage, for an unsupported quote).
    pub similarity: f64,
    /// Up to [`MAX_CANDIDATES`] passages, best first; the first is the
    /// source unless the quote is unsupported (then there are none).
    pub candidates: Vec<Alignment>,
}

impl Checked {
    /// The source passage, unless the quote is unsupported.
    #[must_use]
    pub fn source(&self) -> Option<&Alignment> {
        self.candidates.first()
    }
}

impl Check {
    /// Checks every quote of `article` against `transcripts`.
    #[must_use]
    pub fn run(article: &Document, transcripts: &[Document]) -> Self {
        let mut lexicon = Lexicon::new();
        let indexed: Vec<Transcript<'_>> = transcripts.iter().map(|d| Transcript::index(d, &mut lexicon)).collect();
        let quotes = quote::extract(&article.text);
        let words: Vec<QuoteWords> =
            quotes.iter().map(|q| QuoteWords::read(&article.text, q.span, &mut lexicon)).collect();
        let seeds = Seeds::new(&words, &mut lexicon);
        let postings: Vec<Postings> = indexed.iter().map(|t| seeds.postings(t)).collect();
        let mut checked = Vec::with_capacity(quotes.len());
        for (i, (quote, words)) in quotes.into_iter().zip(&words).enumerate() {
            let mut aligner = Aligner { article: &article.text, words, lexicon: &mut lexicon, seeds: &seeds };
            let mut candidates = Vec::new();
            let mut closest: f64 = 0.0;
            for (t, transcript) in indexed.iter().enumerate() {
                for region in postings[t].regions(&seeds.of_quote[i], search_window(words)) {
                    match aligner.align(transcript, t, &postings[t], region) {
                        Ok(alignment) => candidates.push(alignment),
                        Err(similarity) => closest = closest.max(similarity),
                    }
                }
            }
            rank(&mut candidates);
            let (suggestion, similarity) =
                candidates.first().map_or((Category::Unsupported, closest), |c| (c.category, c.similarity));
            checked.push(Checked { quote, suggestion, similarity, candidates });
        }
        settle_ties(&mut checked, &indexed);
        for c in &mut checked {
            c.candidates.truncate(MAX_CANDIDATES);
        }
        Self { quotes: checked }
    }
}

/// How many transcript tokens a quote's seeds may spread over: about the
/// quote's length, or much more when an elision may skip a stretch.
fn search_window(words: &QuoteWords) -> usize {
    let n = words.terms.len();
    if words.elisions.is_empty() { n + n / 2 + 8 } else { 2 * n + 400 }
}

struct Aligner<'a> {
    article: &'a str,
    words: &'a QuoteWords,
    lexicon: &'a mut Lexicon,
    seeds: &'a Seeds,
}

impl Aligner<'_> {
    /// Aligns the quote in one region: a verbatim or altered alignment, or
    /// a paraphrase, or `Err` with the similarity of the closest fit.
    fn align(
        &mut self,
        transcript: &Transcript<'_>,
        t: usize,
        postings: &Postings,
        region: Region,
    ) -> Result<Alignment, f64> {
        let ext = self.words.terms.len() + 4;
        let lo = region.first.saturating_sub(ext);
        let hi = (region.last + ext + 1).min(transcript.tokens.len());
        let window: Vec<SourceSide> = source_terms(transcript, lo..hi, self.lexicon)
            .into_iter()
            .map(|term| SourceSide {
                term,
                stem: self.lexicon.stem(term.key),
                class: self.lexicon.class(term.key),
                number: self.lexicon.is_number(term.key),
            })
            .collect();
        let quote: Vec<QuoteSide> = self
            .words
            .terms
            .iter()
            .zip(&self.words.stems)
            .map(|(&term, &stem)| QuoteSide {
                term,
                stem,
                class: self.lexicon.class(term.key),
                number: self.lexicon.is_number(term.key),
            })
            .collect();
        let sides =
            Sides { article: self.article, quote: self.words, transcript, lexicon: self.lexicon, window: &window };
        let mut closest = 0.0;
        let near = window.iter().rposition(|s| s.term.token <= region.last).unwrap_or(0);
        if let Some(f) = fit(&quote, &window, near) {
            let (differences, tally) = diff(&sides, f.first..f.last + 1);
            let similarity = tally.similarity();
            if let Some(category) = judge(&tally) {
                let tokens = (window[f.first].term.token, window[f.last].term.token);
                let source = transcript.span(tokens.0, tokens.1);
                return Ok(Alignment { transcript: t, source, tokens, differences, similarity, category });
            }
            closest = similarity;
        }
        // Not close word for word: does the passage share the quote's content?
        let content: Vec<Key> = {
            let mut stems: Vec<Key> = self
                .words
                .terms
                .iter()
                .zip(&self.words.stems)
                .filter(|(term, _)| !term.inserted && self.lexicon.class(term.key) == Class::Content)
                .map(|(_, &stem)| stem)
                .collect();
            stems.sort_unstable();
            stems.dedup();
            stems
        };
        let weight = |stem: Key| self.seeds.id(stem).map_or(0.0, |id| postings.weight(id));
        let total: f64 = content.iter().map(|&s| weight(s)).sum();
        let mut shared: Vec<Key> = Vec::new();
        let (mut first, mut last) = (usize::MAX, 0);
        for (i, side) in window.iter().enumerate() {
            if side.class == Class::Content && content.binary_search(&side.stem).is_ok() {
                if !shared.contains(&side.stem) {
                    shared.push(side.stem);
                }
                first = first.min(i);
                last = last.max(i);
            }
        }
        let share = if total > 0.0 { shared.iter().map(|&s| weight(s)).sum::<f64>() / total } else { 0.0 };
        if !is_paraphrase(share, shared.len()) {
            return Err(closest);
        }
        let (differences, tally) = diff(&sides, first..last + 1);
        let tokens = (window[first].term.token, window[last].term.token);
        Ok(Alignment {
            transcript: t,
            source: transcript.span(tokens.0, tokens.1),
            tokens,
            differences,
            similarity: tally.similarity(),
            category: Category::Paraphrase,
        })
    }
}

/// Best first: the more faithful category, then the higher similarity;
/// passages that overlap a better one are dropped.
fn rank(candidates: &mut Vec<Alignment>) {
    candidates.sort_by(|a, b| {
        a.category.cmp(&b.category).then(b.similarity.total_cmp(&a.similarity)).then(a.tokens.cmp(&b.tokens))
    });
    let mut kept: Vec<Alignment> = Vec::with_capacity(candidates.len());
    for c in candidates.drain(..) {
        let overlaps =
            kept.iter().any(|k| k.transcript == c.transcript && k.tokens.0 <= c.tokens.1 && c.tokens.0 <= k.tokens.1);
        if !overlaps {
            kept.push(c);
        }
    }
    *candidates = kept;
}

/// True when the first candidates tie: same category, similarities within
/// [`TIE`].
fn tied(a: &Alignment, b: &Alignment) -> bool {
    a.category == b.category && (a.similarity - b.similarity).abs() <= TIE
}

/// Orders tied best candidates by context: the credited speaker's turns
/// first, then nearness to the sources of unambiguous quotes.
fn settle_ties(checked: &mut [Checked], transcripts: &[Transcript<'_>]) {
    let anchors: Vec<(usize, usize, usize)> = checked
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let best = c.candidates.first()?;
            let unique = c.candidates.get(1).is_none_or(|second| !tied(best, second));
            (unique && best.category <= Category::Altered).then_some((i, best.transcript, best.tokens.0))
        })
        .collect();
    for (i, c) in checked.iter_mut().enumerate() {
        let Some(best) = c.candidates.first().cloned() else { continue };
        let ties = c.candidates.iter().take_while(|a| tied(&best, a)).count();
        if ties < 2 {
            continue;
        }
        let speaker_matches = |a: &Alignment| -> bool {
            let doc = transcripts[a.transcript].doc;
            let said_by = doc.turn_at(a.source.start).and_then(|turn| doc.speaker(turn));
            matches!((c.quote.attributed_to.as_deref(), said_by), (Some(x), Some(y)) if same_speaker(x, y))
        };
        let distance = |a: &Alignment| -> usize {
            anchors
                .iter()
                .filter(|&&(j, t, _)| j != i && t == a.transcript)
                .map(|&(_, _, at)| at.abs_diff(a.tokens.0))
                .min()
                .unwrap_or(usize::MAX)
        };
        c.candidates[..ties].sort_by_cached_key(|a| (!speaker_matches(a), distance(a), a.transcript, a.tokens.0));
    }
}
