//! Whether the transcript bears out a reported item, and how.
//!
//! An item is summarised by its content words (stems, the attribution
//! words left out), each weighted by its rarity in the transcript. The
//! passage that bears on it is the stretch of the credited speaker's turns
//! of about the item's length holding the most of that weight; in an
//! interview, a question counts a little for the answer that follows it
//! (an answer is about its question). Then:
//!
//! - **unsupported** when the article places the speech on another
//!   occasion, credits someone the transcript does not have speak, or no
//!   passage holds enough of the weight ([`SUPPORT_SHARE`], two stems);
//! - **distorted** when the passage bears on it but a flag is raised: a
//!   negation lost or added, a number changed, a hedge or a condition
//!   dropped, a scope widened; or when only another speaker's words say it;
//! - **supported** otherwise.
//!
//! ```text
//! he saw no reason why the two countries could not "cooperate …"
//! we don't see any reason why Russia and the United States cannot cooperate …
//!      shared: reason, countries/—, cooperate, sake, universe   → supported
//! the library will close in March       /  the library may close in March
//!      hedge: “may” made certain                                  → distorted
//! ```

use super::{Evidence, EvidenceKind, Passage, Reported, ReportedChecked, Verdict};
use crate::align::search::{Postings, Seeds};
use crate::align::{Category, QuoteWords, Transcript};
use crate::check::Checked;
use crate::document::{Document, is_questioner, same_speaker};
use crate::text::{Class, Key, Lexicon, Span, Token};

/// The least share of an item's content weight a passage must hold to
/// bear on it: as for a paraphrase of a speaker who is in the transcript,
/// a quarter (reporters summarise the people they cover).
pub const SUPPORT_SHARE: f64 = 0.25;

/// The fewest distinct content stems a passage shares with an item it
/// bears on (fewer for an item of fewer content words) ...
pub const SUPPORT_SHARED: usize = 2;

/// ... unless the one it shares is rare enough to hold this share alone
/// (`her costings were posted on her campaign website` / `It's on my
/// website`).
pub const SUPPORT_SHARE_ALONE: f64 = 0.35;

/// Groups the article credits that stand outside a transcript: what they
/// say reaches it second-hand, if at all (`people close to Trump`,
/// `health officials`, `unions`).
#[rustfmt::skip]
const OUTSIDERS: &[&str] = &[
    "officials", "official", "sources", "critics", "analysts", "experts", "people", "unions", "union", "residents",
    "activists", "observers", "diplomats", "aides", "advisers", "advisors", "allies", "opponents", "supporters",
    "forecasters", "economists", "investors", "some", "others", "authorities", "police", "media", "reports",
    "polls", "scientists", "researchers", "doctors",
];

/// The least share another speaker's passage must hold for an item to be
/// theirs rather than nobody's.
pub const OTHER_SPEAKER_SHARE: f64 = 0.5;

/// How much more another speaker's passage must hold than the credited
/// speaker's for the words to be the other's.
pub const OTHER_SPEAKER_MARGIN: f64 = 0.3;

/// How far a passage may stretch, in transcript tokens: so many per
/// content word of the item, and some, and never less than a short
/// answer's length (an item of one or two words is about an answer, not
/// a phrase).
const REACH_PER_WORD: usize = 3;
const REACH_BASE: usize = 24;
const REACH_MIN: usize = 80;

/// Windows holding at least this share of the best one's weight are as
/// good as it, settled by where the article's nearby quotes come from.
const ANCHOR_BAND: f64 = 0.8;

/// How much a question counts for the answer after it.
const QUESTION_WEIGHT: f64 = 0.5;

/// Words a passage may grow by on each side to take in whole sentences.
const SENTENCE_REACH: usize = 30;

/// Where one item's words are found in the transcripts.
pub(crate) struct Search<'a> {
    /// The article.
    pub article: &'a Document,
    /// The transcripts, indexed.
    pub transcripts: &'a [Transcript<'a>],
    /// Each transcript's seed positions.
    pub postings: &'a [Postings],
    /// The seeds of quotes and items.
    pub seeds: &'a Seeds,
    /// The article's quotes, checked.
    pub quotes: &'a [Checked],
    /// The article's paragraphs.
    pub paragraphs: Vec<Span>,
    /// For each transcript, once an item needs it, the tokens of each turn
    /// (see [`turn_tokens`]).
    pub turn_tokens: Vec<std::sync::OnceLock<Vec<(usize, usize)>>>,
}

/// A distinct content stem of an item: its seed, and the article tokens
/// that carry it.
struct Stem {
    seed: u32,
    key: Key,
    tokens: Vec<Span>,
}

/// The best stretch of one transcript for an item.
#[derive(Clone, Debug)]
struct Window {
    transcript: usize,
    /// First and last token holding a direct hit (or the answer a question
    /// points to).
    first: usize,
    last: usize,
    /// Weighted share of the item's content found.
    share: f64,
    /// The item's stems found in the speaker's own words.
    shared: Vec<usize>,
    /// How many stems are found, in their words or the question before.
    found: usize,
}

impl Search<'_> {
    /// Checks one item, given its words and seeds.
    pub fn check(&self, item: Reported, words: &QuoteWords, seeds: &[u32], lexicon: &Lexicon) -> ReportedChecked {
        let stems = content_stems(words, lexicon, self.seeds);
        let stems: Vec<Stem> = stems.into_iter().filter(|s| seeds.contains(&s.seed)).collect();
        let unsupported = |item: Reported, share: f64| ReportedChecked {
            item,
            verdict: Verdict::Unsupported,
            similarity: share,
            source: None,
            evidence: Vec::new(),
        };
        if stems.is_empty() {
            return unsupported(item, 0.0);
        }
        let credited = item.attributed_to.as_deref().filter(|_| !item.role);
        let labelled = self.transcripts.iter().any(|t| !t.doc.speakers.is_empty());
        let voices = voices(&item, self.transcripts);
        // Another occasion, or someone who does not speak here.
        let absent = credited.is_some() && labelled && voices.is_empty();
        let outside = item.role && labelled && voices.is_empty() && role_outside(&item, self.transcripts);
        let anchors = self.anchors(&item);
        let windows = self.best_window(&stems, &voices, &anchors);
        let share = windows.iter().map(|w| w.share).fold(0.0, f64::max);
        if item.elsewhere.is_some() || absent || outside {
            return unsupported(item, share);
        }
        let needed = SUPPORT_SHARED.min(stems.len());
        // A refusal (`declined to say whether …`) answers a question in
        // other words: the question alone may bear it out.
        let refusal = item.refusal;
        let bears = |w: &Window| {
            let enough = w.found >= needed || (w.found >= 1 && w.share >= SUPPORT_SHARE_ALONE);
            w.share >= SUPPORT_SHARE && (!w.shared.is_empty() || refusal) && enough
        };
        let own = windows.iter().find(|w| bears(w));
        // Said, but by someone else than the credited speaker: nothing of
        // theirs bears on it, or far less than the other's words do.
        if !voices.is_empty() && !refusal {
            let mut others: Vec<String> = self
                .transcripts
                .iter()
                .flat_map(|t| t.doc.speakers.iter())
                .filter(|s| !voices.contains(s))
                .cloned()
                .collect();
            others.sort();
            others.dedup();
            let theirs = if others.is_empty() { Vec::new() } else { self.best_window(&stems, &others, &anchors) };
            let strong = |w: &&Window| {
                w.share >= OTHER_SPEAKER_SHARE
                    && w.shared.len() >= 3
                    && own.is_none_or(|o| w.share >= o.share + OTHER_SPEAKER_MARGIN)
            };
            if let Some(w) = theirs.iter().find(strong) {
                return self.judge(item, words, &stems, w, lexicon, true);
            }
        }
        match own {
            Some(w) => self.judge(item, words, &stems, w, lexicon, false),
            None => unsupported(item, share),
        }
    }

    /// The verdict on an item whose passage is found: supported, or
    /// distorted by the flags raised (or by the speaker, when the passage
    /// is `other` than the credited speaker's).
    fn judge(
        &self,
        item: Reported,
        words: &QuoteWords,
        stems: &[Stem],
        w: &Window,
        lexicon: &Lexicon,
        other: bool,
    ) -> ReportedChecked {
        let transcript = &self.transcripts[w.transcript];
        let (first, last) = sentence_bounds(transcript, w.first, w.last);
        let span = transcript.span(first, last);
        let source = Passage { transcript: w.transcript, span, tokens: (first, last) };
        let mut evidence: Vec<Evidence> = Vec::new();
        for &s in &w.shared {
            let stem = &stems[s];
            let found = (first..=last).find(|&t| Self::stem_of(transcript.tokens[t], lexicon) == Some(stem.key));
            evidence.push(Evidence {
                kind: EvidenceKind::Shared,
                article: stem.tokens.first().copied(),
                source: found.map(|t| transcript.tokens[t].span()),
            });
        }
        evidence.sort_by_key(|e| e.article.map(|s| s.start));
        let article = reads(&self.article.text, &words.tokens, &item.frame, lexicon);
        let passage = reads(&transcript.doc.text, &transcript.tokens[first..=last], &[], lexicon);
        let mut flags = super::flags::raise(&article, &passage);
        if other {
            // The other speaker's words: the passage itself.
            flags.push(Evidence { kind: EvidenceKind::Speaker, article: Some(item.verb), source: Some(span) });
        }
        let verdict = if flags.is_empty() { Verdict::Supported } else { Verdict::Distorted };
        evidence.extend(flags);
        ReportedChecked { item, verdict, similarity: w.share, source: Some(source), evidence }
    }

    /// Where the quotes around an item come from: the sources, close word
    /// for word, of the quotes in its paragraph and the ones either side,
    /// as (transcript, token).
    fn anchors(&self, item: &Reported) -> Vec<(usize, usize)> {
        let para = self.paragraphs.iter().position(|p| p.contains(item.span.start)).unwrap_or(0);
        let lo = self.paragraphs.get(para.saturating_sub(1)).map_or(0, |p| p.start);
        let hi = self.paragraphs.get(para + 1).or(self.paragraphs.get(para)).map_or(usize::MAX, |p| p.end);
        self.quotes
            .iter()
            .filter(|q| q.quote.span.start >= lo && q.quote.span.start < hi)
            .filter_map(|q| q.source().filter(|a| a.category <= Category::Altered))
            .map(|a| (a.transcript, a.tokens.0))
            .collect()
    }

    /// The stem key of a transcript token's content word, if it has one.
    fn stem_of(token: Token, lexicon: &Lexicon) -> Option<Key> {
        let key = lexicon.keys(token.word).iter().rev().copied().find(|&k| lexicon.class(k) == Class::Content)?;
        Some(lexicon.known_stem(key))
    }

    /// The stretch of at most about the item's length, in the turns of
    /// `voices` (or anyone's, when there are none), that holds the most of
    /// the item's weight. Windows holding nearly as much are as good; of
    /// them the one nearest the sources of the quotes around the item in
    /// the article wins (an article reports an interview in its order),
    /// else the one that dwells most on the item's words. Then the one
    /// that holds the most, to fall back on.
    fn best_window(&self, stems: &[Stem], voices: &[String], anchors: &[(usize, usize)]) -> Vec<Window> {
        let span: usize = stems.iter().map(|s| s.tokens.len()).sum::<usize>();
        let reach = (REACH_PER_WORD * span + REACH_BASE).max(REACH_MIN);
        // (transcript, first hit, last hit, share, dwelling, aim)
        let mut windows: Vec<(usize, usize, usize, f64, f64, f64)> = Vec::new();
        let mut all_hits: Vec<Vec<(usize, usize, f64)>> = Vec::with_capacity(self.transcripts.len());
        for (t, transcript) in self.transcripts.iter().enumerate() {
            let postings = &self.postings[t];
            let weights: Vec<f64> = stems.iter().map(|s| postings.weight(s.seed)).collect();
            let total: f64 = weights.iter().sum();
            let turns = Turns::of(transcript, voices, &self.turn_tokens[t]);
            // (position, stem, how much it counts)
            let mut hits: Vec<(usize, usize, f64)> = Vec::new();
            for (k, stem) in stems.iter().enumerate() {
                for &pos in postings.positions(stem.seed) {
                    if let Some((at, counts)) = turns.place(pos as usize) {
                        hits.push((at, k, counts));
                    }
                }
            }
            hits.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            let mut counts = vec![(0usize, 0usize); stems.len()]; // (direct, via a question)
            let mut left = 0;
            for right in 0..hits.len() {
                let (pos, k, c) = hits[right];
                if c >= 1.0 {
                    counts[k].0 += 1;
                } else {
                    counts[k].1 += 1;
                }
                while pos - hits[left].0 > reach {
                    let (_, lk, lc) = hits[left];
                    if lc >= 1.0 {
                        counts[lk].0 -= 1;
                    } else {
                        counts[lk].1 -= 1;
                    }
                    left += 1;
                }
                if total <= 0.0 {
                    continue;
                }
                // Of the item's weight, the share the window holds (where
                // the item is, a question on its words says as much as
                // the answer's own words), the share it aims at (any hit
                // at all), and how much it dwells on the item's words
                // (each stem's weight, saturating with its repeats, a
                // question's hit counting as much as its answer's).
                let (mut share, mut aim, mut dwelling) = (0.0, 0.0, 0.0);
                for (&(d, q), &w) in counts.iter().zip(&weights) {
                    share += w * if d > 0 {
                        1.0
                    } else if q > 0 {
                        QUESTION_WEIGHT
                    } else {
                        0.0
                    };
                    aim += w * if d + q > 0 { 1.0 } else { 0.0 };
                    let f = (d + q) as f64;
                    dwelling += w * (f / (f + 1.0));
                }
                let (share, aim, dwelling) = (share / total, aim / total, dwelling / total);
                windows.push((t, left, right, share, dwelling, aim));
            }
            all_hits.push(hits);
        }
        let best = windows.iter().map(|w| w.5).fold(0.0, f64::max);
        let near = |w: &(usize, usize, usize, f64, f64, f64)| {
            let hits = &all_hits[w.0];
            let (first, last) = (hits[w.1].0, hits[w.2].0);
            anchors
                .iter()
                .filter(|a| a.0 == w.0)
                .map(|&(_, at)| if at < first { first - at } else { at.saturating_sub(last) })
                .min()
                .unwrap_or(usize::MAX)
        };
        let aimed = windows
            .iter()
            .filter(|w| w.5 >= best * ANCHOR_BAND && w.5 > 0.0)
            .min_by(|a, b| near(a).cmp(&near(b)).then(b.4.total_cmp(&a.4)).then(b.5.total_cmp(&a.5)));
        let strongest = windows.iter().max_by(|a, b| a.3.total_cmp(&b.3).then(a.4.total_cmp(&b.4)));
        let window_of = |w: &(usize, usize, usize, f64, f64, f64)| {
            let (t, left, right, share, _, _) = *w;
            let window = &all_hits[t][left..=right];
            let mut direct = vec![false; stems.len()];
            let mut any = vec![false; stems.len()];
            for h in window {
                any[h.1] = true;
                direct[h.1] |= h.2 >= 1.0;
            }
            Window {
                transcript: t,
                first: window.iter().map(|h| h.0).min().unwrap_or(0),
                last: window.iter().map(|h| h.0).max().unwrap_or(0),
                share,
                shared: (0..stems.len()).filter(|&k| direct[k]).collect(),
                found: any.iter().filter(|&&x| x).count(),
            }
        };
        aimed.into_iter().chain(strongest).map(window_of).collect()
    }
}

/// Which tokens of a transcript count for an item, and how much.
struct Turns<'a> {
    transcript: &'a Transcript<'a>,
    /// The speakers whose turns count (all, when none).
    voices: &'a [String],
    /// The tokens of each turn, worked out when first needed.
    tokens: &'a std::sync::OnceLock<Vec<(usize, usize)>>,
}

impl<'a> Turns<'a> {
    fn of(
        transcript: &'a Transcript<'a>,
        voices: &'a [String],
        tokens: &'a std::sync::OnceLock<Vec<(usize, usize)>>,
    ) -> Self {
        Self { transcript, voices, tokens }
    }

    /// Where a hit at token `pos` counts, and how much: in the voices' own
    /// turns fully; in a question just before one of their turns, a
    /// little, at the start of the answer; elsewhere not at all.
    fn place(&self, pos: usize) -> Option<(usize, f64)> {
        let doc = self.transcript.doc;
        if self.voices.is_empty() || doc.speakers.is_empty() {
            return Some((pos, 1.0));
        }
        // Turns by their tokens, so that a hit is placed without reading
        // the token (thousands of hits, all over a long transcript).
        let bounds = self.tokens.get_or_init(|| turn_tokens(self.transcript));
        let i = bounds.partition_point(|&(_, end)| end <= pos);
        let turn = doc.turns.get(i).filter(|_| bounds[i].0 <= pos)?;
        let own = |t: &crate::document::Turn| doc.speaker(t).is_some_and(|s| self.voices.iter().any(|v| v == s));
        if own(turn) {
            return Some((pos, 1.0));
        }
        let asks = doc.speaker(turn).is_some_and(is_questioner) || turn.speaker.is_some();
        doc.turns.get(i + 1).filter(|t| own(t) && asks)?;
        let answer = bounds[i + 1].0;
        (answer < self.transcript.tokens.len()).then_some((answer, QUESTION_WEIGHT))
    }
}

/// For each turn of a transcript, in order, its tokens: from the first
/// that starts in its body to the first that starts after it.
fn turn_tokens(transcript: &Transcript<'_>) -> Vec<(usize, usize)> {
    let tokens = &transcript.tokens;
    let (mut from, mut to) = (0, 0);
    transcript
        .doc
        .turns
        .iter()
        .map(|turn| {
            from += tokens[from..].partition_point(|t| t.span().start < turn.body.start);
            to += tokens[to..].partition_point(|t| t.span().start < turn.body.end);
            (from, to)
        })
        .collect()
}

/// The speaker labels of the transcripts whose turns are the credited
/// speaker's: the person's (`Lavrov` → `Sergey Lavrov`), the one a role
/// names (`the secretary` → `SECRETARY THORVIK`), or a group's members
/// (`senators` → `Senator LINDQVIST`, `Senator MARKHAM`). None for nobody
/// credited, or for someone the transcripts never give a turn.
fn voices(item: &Reported, transcripts: &[Transcript<'_>]) -> Vec<String> {
    let Some(name) = item.attributed_to.as_deref() else { return Vec::new() };
    let labels = transcripts.iter().flat_map(|t| t.doc.speakers.iter());
    let mut out: Vec<String> = if item.role {
        let head = crate::quote::attribution::head_of(name);
        let singular =
            head.strip_suffix('s').filter(|h| h.len() > 2 && !head.ends_with("ss")).unwrap_or(&head).to_owned();
        labels
            .filter(|s| s.to_lowercase().split_whitespace().any(|w| w.trim_end_matches('.') == singular))
            .cloned()
            .collect()
    } else {
        labels.filter(|s| same_speaker(name, s)).cloned().collect()
    };
    out.sort();
    out.dedup();
    out
}

/// True when a role or group the article credits stands outside the
/// transcripts: a group of outsiders (`health officials`, `people close
/// to Trump`), or a role the transcripts speak of but never give a turn
/// (`the President`, spoken of by the press secretary).
fn role_outside(item: &Reported, transcripts: &[Transcript<'_>]) -> bool {
    let name = item.attributed_to.as_deref().unwrap_or("").to_lowercase();
    let head = crate::quote::attribution::head_of(&name);
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !matches!(*w, "the" | "a" | "an" | "his" | "her" | "their" | "its"))
        .collect();
    if OUTSIDERS.contains(&head.as_str()) {
        return true;
    }
    let phrase = words.join(" ");
    !phrase.is_empty()
        && transcripts.iter().any(|t| {
            let text = t.doc.text.to_lowercase();
            text.match_indices(&phrase).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + phrase.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            })
        })
}

/// The distinct content stems of an item's words, with their seeds.
fn content_stems(words: &QuoteWords, lexicon: &Lexicon, seeds: &Seeds) -> Vec<Stem> {
    let mut out: Vec<Stem> = Vec::new();
    for (term, &stem) in words.terms.iter().zip(&words.stems) {
        if term.inserted || lexicon.class(term.key) != Class::Content {
            continue;
        }
        let Some(seed) = seeds.id(stem) else { continue };
        let span = words.tokens[term.token].span();
        match out.iter_mut().find(|s| s.seed == seed) {
            Some(s) => s.tokens.push(span),
            None => out.push(Stem { seed, key: stem, tokens: vec![span] }),
        }
    }
    out
}

/// A token of a text as the flags read it: its span and lowercased keys.
#[derive(Clone, Debug)]
pub(crate) struct Read {
    /// Where it is.
    pub span: Span,
    /// Its canonical forms (`don't` → `do`, `not`).
    pub keys: Vec<String>,
    /// Its stem, for a content word.
    pub stem: Option<Key>,
    /// True when punctuation that ends a clause comes before it.
    pub clause_break: bool,
    /// True when the end of a sentence comes before it.
    pub sentence_break: bool,
}

/// Tokens of a text as the flags read them, minus those in `frame`.
fn reads(text: &str, tokens: &[Token], frame: &[Span], lexicon: &Lexicon) -> Vec<Read> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut previous_end = tokens.first().map_or(0, |t| t.span().start);
    for token in tokens {
        let s = token.span();
        let gap = &text[previous_end.min(s.start)..s.start];
        previous_end = s.end;
        if frame.iter().any(|f| f.contains(s.start)) {
            continue;
        }
        let keys: &[Key] = lexicon.keys(token.word);
        let content = keys.iter().rev().copied().find(|&k| lexicon.class(k) == Class::Content);
        let stem = content.map(|k| lexicon.known_stem(k));
        let clause_break = gap.contains([',', ';', ':', '.', '?', '!', '—', '–', '\n']);
        let sentence_break = gap.contains(['.', '?', '!']) || gap.contains("\n\n");
        let keys = keys.iter().map(|&k| lexicon.key_text(k).to_owned()).collect();
        out.push(Read { span: s, keys, stem, clause_break, sentence_break });
    }
    out
}

/// Widens tokens `first..=last` to the sentences holding them, within
/// their turns and at most [`SENTENCE_REACH`] words each way.
fn sentence_bounds(transcript: &Transcript<'_>, mut first: usize, mut last: usize) -> (usize, usize) {
    let text = &transcript.doc.text;
    let tokens = &transcript.tokens;
    let breaks = |a: usize, b: usize| {
        let gap = &text[tokens[a].span().end.min(tokens[b].span().start)..tokens[b].span().start];
        gap.contains(['.', '?', '!']) || gap.contains("\n\n") || gap.contains("\r\n\r\n")
    };
    let floor = first.saturating_sub(SENTENCE_REACH);
    while first > floor && !breaks(first - 1, first) {
        first -= 1;
    }
    let ceiling = (last + SENTENCE_REACH).min(tokens.len() - 1);
    while last < ceiling && !breaks(last, last + 1) {
        last += 1;
    }
    (first, last)
}
