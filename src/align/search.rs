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

use std::cmp::Ordering;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{QuoteWords, Transcript};
use crate::text::{Class, Key, Lexicon, Token, Word, prefix2};

const NONE: u32 = u32::MAX;

/// Positions of seeds beyond which a quote's commoner seeds are left out
/// of the search. The rarest few find a passage; the ones left out only
/// tell apart the windows that tie (see [`select`]).
const HIT_BUDGET: usize = 1_000;

/// Seeds every quote keeps whatever their frequency.
const MIN_SEEDS: usize = 3;

/// The share of the best score a window needs to tie with it.
const TIE: f64 = 0.999;

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

/// The regions of a transcript worth aligning a quote with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Regions {
    /// The regions that tie with the best, tightest first.
    pub tied: Vec<Region>,
    /// The next best few, best first.
    pub others: Vec<Region>,
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
    pub fn regions(&self, seeds: &[u32], window: usize) -> Regions {
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
        let left_out = chosen.split_off(keep);
        if chosen.is_empty() || total_weight <= 0.0 {
            return Regions::default();
        }
        let lists: Vec<&[u32]> = chosen.iter().map(|&(s, _)| self.positions(s)).collect();
        let weights: Vec<f64> = chosen.iter().map(|c| c.1).collect();
        let hits = merge(&lists);
        // The seeds left out still tell apart the windows that tie on
        // the rarer ones: the weight of those within reach of a window.
        let rest = |w: &Region| -> f64 {
            let (lo, hi) = (w.last.saturating_sub(window), w.first + window);
            left_out
                .iter()
                .filter(|&&(s, _)| {
                    let list = self.positions(s);
                    let at = list.partition_point(|&p| (p as usize) < lo);
                    list.get(at).is_some_and(|&p| p as usize <= hi)
                })
                .map(|&(_, weight)| weight)
                .sum()
        };
        select(|visit| slide(&hits, &weights, window, total_weight, visit), rest)
    }
}

/// The positions of the seeds' sorted position lists, in order, each with
/// the index of its list (a k-way merge).
fn merge(lists: &[&[u32]]) -> Vec<(u32, u16)> {
    use std::cmp::Reverse;
    let mut hits = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
    let local = |i: usize| u16::try_from(i).unwrap_or(u16::MAX);
    let mut heads: std::collections::BinaryHeap<Reverse<(u32, u16, usize)>> =
        lists.iter().enumerate().filter_map(|(i, list)| list.first().map(|&pos| Reverse((pos, local(i), i)))).collect();
    let mut next = vec![1usize; lists.len()];
    while let Some(mut head) = heads.peek_mut() {
        let Reverse((pos, l, i)) = *head;
        hits.push((pos, l));
        if let Some(&more) = lists[i].get(next[i]) {
            next[i] += 1;
            *head = Reverse((more, l, i));
        } else {
            std::collections::binary_heap::PeekMut::pop(head);
        }
    }
    hits
}

/// Calls `visit` with every window of at most `window` tokens that ends at
/// a hit: the tightest one ending there. `hits` are in order, each with
/// the index of its seed in `weights`.
fn slide(hits: &[(u32, u16)], weights: &[f64], window: usize, total_weight: f64, visit: &mut dyn FnMut(Region)) {
    let mut counts = vec![0u32; weights.len()];
    let mut score = 0.0;
    let mut left = 0;
    for right in 0..hits.len() {
        let (pos, local) = hits[right];
        if counts[usize::from(local)] == 0 {
            score += weights[usize::from(local)];
        }
        counts[usize::from(local)] += 1;
        // Shrink from the left while the window is too long, or while its
        // first seed recurs later inside it: each window is then the
        // tightest one ending here, so that a phrase said twice in a row
        // gives two regions, not one.
        while (pos - hits[left].0) as usize > window || counts[usize::from(hits[left].1)] > 1 {
            let l = usize::from(hits[left].1);
            counts[l] -= 1;
            if counts[l] == 0 {
                score -= weights[l];
            }
            left += 1;
        }
        visit(Region { first: hits[left].0 as usize, last: pos as usize, score, coverage: score / total_weight });
    }
}

/// Tighter first, then earlier.
fn tightest(a: &Region, b: &Region) -> Ordering {
    (a.last - a.first, a.first).cmp(&(b.last - b.first, b.first))
}

/// Higher scores first, then [`tightest`].
fn by_score(a: &Region, b: &Region) -> Ordering {
    b.score.total_cmp(&a.score).then_with(|| tightest(a, b))
}

/// The best windows, none overlapping another: every one that ties with
/// the best (up to [`MAX_TIED`]), tightest first, then up to
/// [`MAX_OTHERS`] more, the best first. `windows` calls its argument on
/// every window, the same ones each time it is called. `rest` is the
/// weight of the seeds left out of the windows' scores that lie within
/// reach of a window: of the windows that tie, only those that also hold
/// the most of it still tie, and the others come first of the rest.
///
/// A transcript has a window for every hit of a seed, tens of thousands
/// for a quote of common words, so they are not all kept: a first pass
/// finds the best score, a second keeps the ties and only the best few
/// hundred of the rest, enough for the few picked unless most of them
/// overlap, when a third pass keeps them all.
fn select(windows: impl Fn(&mut dyn FnMut(Region)), rest: impl Fn(&Region) -> f64) -> Regions {
    let mut best: f64 = 0.0;
    windows(&mut |w| best = best.max(w.score));
    let bar = best * TIE;
    let mut tied = Vec::new();
    let mut top = Top::new(MAX_OTHERS * 64);
    windows(&mut |w| if w.score >= bar { tied.push(w) } else { top.offer(w) });
    // Of the windows that tie, those that also hold the most of the
    // quote's commoner seeds; the others are the best of the rest.
    let full: Vec<f64> = tied.iter().map(|w| w.score + rest(w)).collect();
    let best_full = full.iter().copied().fold(0.0, f64::max);
    let mut demoted = Vec::new();
    let mut full = full.into_iter();
    tied.retain(|&w| {
        let tie = full.next().is_some_and(|f| f >= best_full * TIE);
        if !tie {
            demoted.push(w);
        }
        tie
    });
    // Ties first, the tightest first: a loose window holding the same
    // seeds would otherwise shut out the passage they gather in.
    tied.sort_by(tightest);
    let mut taken = Taken::default();
    let picked: Vec<Region> = tied.into_iter().filter(|&w| taken.take(w)).take(MAX_TIED).collect();
    let complete = !top.dropped;
    let mut others = top.kept;
    others.extend_from_slice(&demoted);
    others.sort_by(by_score);
    let mut more = taken.clone();
    let mut found: Vec<Region> = others.iter().copied().filter(|&w| more.take(w)).take(MAX_OTHERS).collect();
    if found.len() < MAX_OTHERS && !complete {
        let mut all = demoted;
        windows(&mut |w| {
            if w.score < bar {
                all.push(w);
            }
        });
        all.sort_by(by_score);
        found = all.into_iter().filter(|&w| taken.take(w)).take(MAX_OTHERS).collect();
    }
    Regions { tied: picked, others: found }
}

/// The best windows offered so far, by [`by_score`], at least `keep` of
/// them when that many were offered.
struct Top {
    keep: usize,
    kept: Vec<Region>,
    /// The worst window kept when some were dropped: a window no better
    /// is dropped at once.
    worst: Option<Region>,
    dropped: bool,
}

impl Top {
    fn new(keep: usize) -> Self {
        Self { keep, kept: Vec::new(), worst: None, dropped: false }
    }

    fn offer(&mut self, w: Region) {
        if self.worst.is_some_and(|worst| by_score(&w, &worst) != Ordering::Less) {
            self.dropped = true;
            return;
        }
        self.kept.push(w);
        if self.kept.len() == 2 * self.keep {
            self.kept.select_nth_unstable_by(self.keep - 1, by_score);
            self.kept.truncate(self.keep);
            self.worst = self.kept.last().copied();
            self.dropped = true;
        }
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

    fn picked(windows: &[Region]) -> Vec<usize> {
        let regions = select(|visit| windows.iter().for_each(|&w| visit(w)), |_| 0.0);
        regions.tied.iter().chain(&regions.others).map(|r| r.first).collect()
    }

    #[test]
    fn ties_are_all_kept_and_overlaps_dropped() {
        let windows =
            [region(10, 12, 1.0), region(11, 13, 1.0), region(50, 52, 1.0), region(70, 75, 0.5), region(71, 74, 0.4)];
        assert_eq!(picked(&windows), [10, 50, 70]);
    }

    #[test]
    fn windows_that_tie_on_the_rarer_seeds_are_told_apart_by_the_commoner_ones() {
        let windows = [region(10, 12, 1.0), region(50, 52, 1.0), region(90, 92, 1.0), region(200, 201, 0.2)];
        // Only the window at 50 also holds the seeds left out.
        let rest = |w: &Region| if w.first == 50 { 0.5 } else { 0.0 };
        let regions = select(|visit| windows.iter().for_each(|&w| visit(w)), rest);
        assert_eq!(regions.tied.iter().map(|r| r.first).collect::<Vec<_>>(), [50]);
        // The others that tied come next, before the lesser windows.
        assert_eq!(regions.others.iter().map(|r| r.first).collect::<Vec<_>>(), [10, 90, 200]);
    }

    #[test]
    fn of_tied_windows_the_tightest_wins() {
        assert_eq!(picked(&[region(0, 300, 1.0), region(280, 310, 1.0), region(400, 402, 0.5)]), [280, 400]);
    }

    #[test]
    fn the_runners_up_are_the_best_that_do_not_overlap_however_many_overlap() {
        // A thousand overlapping windows, all better than the ones apart,
        // crowd the best few hundred: the ones apart are still found.
        let mut windows = vec![region(0, 2, 1.0)];
        windows.extend((0..1000).map(|i| region(100, 130 + i, 0.9 - i as f64 * 1e-4)));
        windows.extend((0..2000).map(|i| region(5000 + 10 * i, 5002 + 10 * i, 0.1 + i as f64 * 1e-5)));
        let mut expected = vec![0, 100];
        expected.extend((1995..2000).rev().map(|i| 5000 + 10 * i));
        assert_eq!(picked(&windows), expected);
    }

    #[test]
    fn only_the_best_few_hundred_runners_up_are_kept() {
        let mut top = Top::new(3);
        for (i, score) in [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.6].into_iter().enumerate() {
            top.offer(region(i, i, score));
        }
        let mut kept: Vec<f64> = top.kept.iter().map(|r| r.score).collect();
        kept.sort_by(|a, b| b.total_cmp(a));
        assert_eq!(kept[..3], [0.9, 0.8, 0.7]);
        assert!(top.dropped);
    }

    #[test]
    fn seed_positions_are_merged_in_order() {
        let lists: [&[u32]; 3] = [&[1, 5, 9], &[2, 5], &[]];
        assert_eq!(merge(&lists), [(1, 0), (2, 1), (5, 0), (5, 1), (9, 0)]);
    }

    #[test]
    fn each_window_is_the_tightest_ending_at_its_hit() {
        // Seeds 0 and 1 weigh 1 and 2; the window spans at most 5 tokens.
        let hits = [(0, 0), (3, 1), (4, 0), (20, 1)];
        let mut seen = Vec::new();
        slide(&hits, &[1.0, 2.0], 5, 3.0, &mut |w| seen.push((w.first, w.last, w.score)));
        assert_eq!(seen, [(0, 0, 1.0), (0, 3, 3.0), (3, 4, 3.0), (20, 20, 2.0)]);
    }
}
