//! Finding the regions of a transcript worth aligning a quote with.
//!
//! Every quote names its *seeds*: the stems of its content words (and its
//! function words too when it has fewer than two content words, so that
//! "any means" and "no, no, no" can be found, and its fillers when it has
//! nothing else). One pass over a transcript
//! collects the positions of every seed of every quote. A quote's regions
//! are then the windows of about its length where its seeds gather, scored
//! by the rarity of the distinct seeds they hold; the rarest seeds are
//! enough to find a passage, so very common ones are left out when a quote
//! has rarer ones.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{QuoteWords, Transcript};
use crate::text::{Class, Key, Lexicon, Token, Word, prefix2};

const NONE: u32 = u32::MAX;

/// Positions of seeds beyond which a quote's commoner seeds are dropped.
const HIT_BUDGET: usize = 40_000;

/// Seeds every quote keeps whatever their frequency.
const MIN_SEEDS: usize = 3;

/// Regions kept that tie with the best one (a short phrase may recur).
pub const MAX_TIED: usize = 400;

/// Regions kept beyond the tied ones.
pub const MAX_OTHERS: usize = 6;

/// The seeds of all quotes of a check, and which word is which seed.
pub struct Seeds {
    /// For each quote, its distinct seed ids.
    pub of_quote: Vec<Vec<u32>>,
    of_word: Vec<[u32; 2]>,
    ids: FxHashMap<Key, u32>,
}

impl Seeds {
    /// Collects the seeds of `quotes` and maps every word of the lexicon
    /// (so every transcript word) to its seed, if it has one.
    ///
    /// # Panics
    /// With 2^32 seeds or more, which documents under 4 GiB cannot hold.
    pub fn new(quotes: &[QuoteWords], lexicon: &mut Lexicon) -> Self {
        let mut ids: FxHashMap<Key, u32> = FxHashMap::default();
        let mut of_quote = Vec::with_capacity(quotes.len());
        for quote in quotes {
            let (content, stop) = quote.class_counts(lexicon);
            let mut seeds = Vec::new();
            for term in quote.spoken() {
                let seed = match lexicon.class(term.key) {
                    Class::Content => lexicon.stem(term.key),
                    Class::Stop if content < 2 => term.key,
                    // A quote of nothing but fillers ("Um.") is found too.
                    Class::Filler if content == 0 && stop == 0 => term.key,
                    _ => continue,
                };
                let next = u32::try_from(ids.len()).expect("fewer than 2^32 seeds");
                let id = *ids.entry(seed).or_insert(next);
                if !seeds.contains(&id) {
                    seeds.push(id);
                }
            }
            of_quote.push(seeds);
        }
        let prefixes: FxHashSet<String> = ids.keys().map(|&k| prefix2(lexicon.key_text(k)).to_owned()).collect();
        let mut of_word = Vec::with_capacity(lexicon.word_count());
        for w in 0..lexicon.word_count() {
            let word = Word::from_index(w);
            let keys = lexicon.keys(word);
            let content = keys.iter().rev().copied().find(|&k| lexicon.class(k) == Class::Content);
            // A content word is its stem's seed; a function word, or a
            // contraction of two (`it's`), is the seed of each of its keys.
            let seeds = match content {
                Some(key) if prefixes.contains(lexicon.stem_prefix(key)) => {
                    [ids.get(&lexicon.stem(key)).copied().unwrap_or(NONE), NONE]
                }
                Some(_) => [NONE; 2],
                None => {
                    let id = |i: usize| keys.get(i).and_then(|k| ids.get(k)).copied().unwrap_or(NONE);
                    [id(0), id(1)]
                }
            };
            of_word.push(seeds);
        }
        Self { of_quote, of_word, ids }
    }

    /// The seed id of a stem or key, if some quote has it.
    #[must_use]
    pub fn id(&self, seed: Key) -> Option<u32> {
        self.ids.get(&seed).copied()
    }

    /// The positions of every seed in a transcript, in one pass (shared
    /// among the cores for a long transcript).
    #[must_use]
    pub fn postings(&self, transcript: &Transcript<'_>) -> Postings {
        let tokens = &transcript.tokens;
        let threads = if tokens.len() < PARALLEL_TOKENS { 1 } else { crate::parallel::threads() };
        let mut pieces = crate::parallel::map_chunks(tokens.len(), threads, |range| {
            let first = range.start;
            self.positions(&tokens[range], first)
        })
        .into_iter();
        let mut lists = pieces.next().unwrap_or_else(|| vec![Vec::new(); self.ids.len()]);
        for piece in pieces {
            for (list, more) in lists.iter_mut().zip(piece) {
                list.extend(more);
            }
        }
        Postings { lists, tokens: tokens.len() }
    }

    /// The positions of every seed in `tokens`, which start at token
    /// `first` of their transcript.
    ///
    /// # Panics
    /// With 2^32 tokens or more, which documents under 4 GiB cannot hold.
    fn positions(&self, tokens: &[Token], first: usize) -> Vec<Vec<u32>> {
        let mut lists = vec![Vec::new(); self.ids.len()];
        for (pos, token) in (first..).zip(tokens) {
            let Some(seeds) = self.of_word.get(token.word.index()) else { continue };
            for &seed in seeds {
                if seed != NONE {
                    lists[seed as usize].push(u32::try_from(pos).expect("fewer than 2^32 tokens"));
                }
            }
        }
        lists
    }
}

/// Tokens beyond which a transcript's seeds are looked for on every core.
const PARALLEL_TOKENS: usize = 1 << 18;

/// Where each seed occurs in one transcript.
pub struct Postings {
    lists: Vec<Vec<u32>>,
    tokens: usize,
}

/// A stretch of transcript tokens where a quote's seeds gather.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    /// First token holding a seed.
    pub first: usize,
    /// Last token holding a seed.
    pub last: usize,
    /// Sum of the weights of the distinct seeds inside.
    pub score: f64,
    /// `score` as a share of all the quote's seeds' weight.
    pub coverage: f64,
}

impl Postings {
    /// The token positions of a seed, in order.
    #[must_use]
    pub fn positions(&self, seed: u32) -> &[u32] {
        &self.lists[seed as usize]
    }

    /// How much a seed tells, by how rare it is in this transcript.
    #[must_use]
    pub fn weight(&self, seed: u32) -> f64 {
        let df = self.lists[seed as usize].len() as f64;
        (1.0 + self.tokens as f64 / (1.0 + df)).ln()
    }

    /// The regions of at most `window` tokens where the seeds gather:
    /// all those that tie with the best, then the next best few, none
    /// overlapping another.
    #[must_use]
    pub fn regions(&self, seeds: &[u32], window: usize) -> Vec<Region> {
        let mut chosen: Vec<(u32, f64)> = seeds.iter().map(|&s| (s, self.weight(s))).collect();
        let total_weight: f64 = chosen.iter().map(|c| c.1).sum();
        chosen.sort_by_key(|&(s, _)| self.lists[s as usize].len());
        let mut hits_so_far = 0;
        let keep = chosen
            .iter()
            .take_while(|&&(s, _)| {
                hits_so_far += self.lists[s as usize].len();
                hits_so_far <= HIT_BUDGET
            })
            .count()
            .max(MIN_SEEDS.min(chosen.len()));
        chosen.truncate(keep);
        let mut hits: Vec<(u32, u16)> = Vec::new();
        for (local, &(seed, _)) in chosen.iter().enumerate() {
            let local = u16::try_from(local).unwrap_or(u16::MAX);
            hits.extend(self.lists[seed as usize].iter().map(|&pos| (pos, local)));
        }
        if hits.is_empty() || total_weight <= 0.0 {
            return Vec::new();
        }
        // The posting lists are sorted runs: a stable sort merges them.
        #[allow(clippy::stable_sort_primitive, reason = "the stable sort merges sorted runs, faster here")]
        hits.sort();
        let mut counts = vec![0u32; chosen.len()];
        let mut score = 0.0;
        let mut left = 0;
        let mut windows: Vec<Region> = Vec::with_capacity(hits.len());
        for right in 0..hits.len() {
            let (pos, local) = hits[right];
            if counts[usize::from(local)] == 0 {
                score += chosen[usize::from(local)].1;
            }
            counts[usize::from(local)] += 1;
            // Shrink from the left while the window is too long, or while
            // its first seed recurs later inside it: each window is then
            // the tightest one ending here, so that a phrase said twice in
            // a row gives two regions, not one.
            while (pos - hits[left].0) as usize > window || counts[usize::from(hits[left].1)] > 1 {
                let l = usize::from(hits[left].1);
                counts[l] -= 1;
                if counts[l] == 0 {
                    score -= chosen[l].1;
                }
                left += 1;
            }
            windows.push(Region {
                first: hits[left].0 as usize,
                last: pos as usize,
                score,
                coverage: score / total_weight,
            });
        }
        select(windows)
    }
}

/// The best windows, none overlapping another: every one that ties with
/// the best (up to [`MAX_TIED`]), tightest first, then up to
/// [`MAX_OTHERS`] more.
fn select(windows: Vec<Region>) -> Vec<Region> {
    let best = windows.iter().map(|w| w.score).fold(0.0, f64::max);
    let (mut tied, mut others): (Vec<Region>, Vec<Region>) = windows.into_iter().partition(|w| w.score >= best * 0.999);
    let tightest = |a: &Region, b: &Region| (a.last - a.first, a.first).cmp(&(b.last - b.first, b.first));
    // Ties first, the tightest first: a loose window holding the same
    // seeds would otherwise shut out the passage they gather in.
    tied.sort_by(tightest);
    let mut taken = Taken::default();
    let mut picked: Vec<Region> = tied.into_iter().filter(|&w| taken.take(w)).take(MAX_TIED).collect();
    // Then the best of the rest. Neighbouring windows overlap, so more
    // than MAX_OTHERS are looked at, but only the best few hundred are
    // sorted unless they do not yield enough.
    let mut look = (MAX_OTHERS * 64).min(others.len());
    loop {
        let by_score = |a: &Region, b: &Region| b.score.total_cmp(&a.score).then_with(|| tightest(a, b));
        if look < others.len() {
            others.select_nth_unstable_by(look, by_score);
        }
        others[..look].sort_by(by_score);
        let mut more = taken.clone();
        let found: Vec<Region> = others[..look].iter().copied().filter(|&w| more.take(w)).take(MAX_OTHERS).collect();
        if found.len() == MAX_OTHERS || look == others.len() {
            picked.extend(found);
            return picked;
        }
        look = (look * 8).min(others.len());
    }
}

/// Token ranges already picked, by first token.
#[derive(Clone, Default)]
struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    /// Takes `w` unless it overlaps a range already taken.
    fn take(&mut self, w: Region) -> bool {
        let overlaps = self.0.range(..=w.last).next_back().is_some_and(|(_, &end)| end >= w.first);
        if !overlaps {
            self.0.insert(w.first, w.last);
        }
        !overlaps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(first: usize, last: usize, score: f64) -> Region {
        Region { first, last, score, coverage: score }
    }

    #[test]
    fn ties_are_all_kept_and_overlaps_dropped() {
        let picked = select(vec![
            region(10, 12, 1.0),
            region(11, 13, 1.0),
            region(50, 52, 1.0),
            region(70, 75, 0.5),
            region(71, 74, 0.4),
        ]);
        assert_eq!(picked.iter().map(|r| r.first).collect::<Vec<_>>(), [10, 50, 70]);
    }

    #[test]
    fn of_tied_windows_the_tightest_wins() {
        let picked = select(vec![region(0, 300, 1.0), region(280, 310, 1.0), region(400, 402, 0.5)]);
        assert_eq!(picked.iter().map(|r| r.first).collect::<Vec<_>>(), [280, 400]);
    }
}
