//! The whole check: an article and its transcripts in, every quote out
//! with its ranked source passages and a suggested category.
//!
//! Quotes are aligned independently, then a short recurring phrase ("red
//! lines") whose best passages tie is settled by context: a passage in a
//! turn of the speaker the article credits comes first, then the passage
//! nearest the sources of the article's other, unambiguous quotes.

use rustc_hash::FxHashMap;

use crate::align::classify::{Standing, is_paraphrase, judge, paraphrase_bar};
use crate::align::diff::{Sides, Tally, diff, diff_pieces};
use crate::align::fit::{Pieces, QuoteSide, SourceSide, fit};
use crate::align::search::{Postings, Region, Regions, Seeds};
use crate::align::{Alignment, Category, Difference, Kind, QuoteWords, Transcript, source_terms};
use crate::document::{Document, is_questioner, is_role, same_speaker};
use crate::quote::{self, Quote};
use crate::reported::support::Search;
use crate::reported::{self, ReportedChecked};
use crate::text::{Class, Key, Lexicon, Span};

/// Candidate passages kept per quote.
pub const MAX_CANDIDATES: usize = 5;

/// Share of a quote's seed weight in a region above which a quote with an
/// elision that is not found verbatim there is looked for further afield.
const WIDE_COVERAGE: f64 = 0.8;

/// Share of a quote's spoken terms a fit pairs with their own words below
/// which it cannot be judged altered (that takes a similarity of 0.6, so a
/// share of about 0.43), with room for variants the fit does not see.
const HOPELESS_SHARE: f64 = 0.3;

/// Similarities closer than this are a tie, settled by context.
const TIE: f64 = 0.02;

/// The result of checking one article.
#[derive(Debug)]
pub struct Check {
    /// Every quote of the article, in article order.
    pub quotes: Vec<Checked>,
    /// Every reported-speech item of the article, in article order.
    pub reported: Vec<ReportedChecked>,
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

/// How far a check has got, for a caller that shows progress: each stage
/// is reported as it begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Cutting transcript `transcript` (an index) into words, one of `of`.
    Indexing {
        /// The transcript's index.
        transcript: usize,
        /// How many transcripts there are.
        of: usize,
    },
    /// Aligning the article's quotes: `done` of `of` aligned so far.
    Aligning {
        /// Quotes aligned so far.
        done: usize,
        /// Quotes in the article.
        of: usize,
    },
}

impl Check {
    /// Checks every quote of `article` against `transcripts`.
    #[must_use]
    pub fn run(article: &Document, transcripts: &[Document]) -> Self {
        Self::run_with(article, transcripts, &mut |_| {})
    }

    /// [`Check::run`], telling `progress` of each [`Stage`] as it begins
    /// and of each quote aligned.
    pub fn run_with(article: &Document, transcripts: &[Document], progress: &mut dyn FnMut(Stage)) -> Self {
        let mut lexicon = Lexicon::new();
        let of = transcripts.len();
        let indexed: Vec<Transcript<'_>> = transcripts
            .iter()
            .enumerate()
            .map(|(transcript, d)| {
                progress(Stage::Indexing { transcript, of });
                Transcript::index(d, &mut lexicon)
            })
            .collect();
        let quotes = quote::extract(&article.text);
        let items = reported::extract(&article.text, &quotes);
        let of = quotes.len();
        progress(Stage::Aligning { done: 0, of });
        // The words of the quotes, then of the reported items (their
        // attribution words left out), seeded and indexed together.
        let mut words: Vec<QuoteWords> =
            quotes.iter().map(|q| QuoteWords::read(&article.text, q.span, &mut lexicon)).collect();
        let first_item = words.len();
        words.extend(items.iter().map(|r| QuoteWords::read(&article.text, r.span, &mut lexicon).without(&r.frame)));
        // Every stem a quote's words may meet in a transcript is worked out
        // now, so that the quotes can then share the lexicon read-only.
        lexicon.stem_like(words.iter().flat_map(|w| w.stems.iter().copied()));
        let seeds = Seeds::new(&words, &mut lexicon);
        let postings: Vec<Postings> = indexed.iter().map(|t| seeds.postings(t)).collect();
        let mut mentions = Mentions::default();
        let stands: Vec<Vec<Standing>> = quotes
            .iter()
            .map(|quote| transcripts.iter().enumerate().map(|(t, doc)| mentions.standing(quote, t, doc)).collect())
            .collect();
        let lexicon = &lexicon;
        let align = |i: usize| {
            let (quote, words) = (&quotes[i], &words[i]);
            let mut aligner = Aligner {
                article: &article.text,
                words,
                lexicon,
                seeds: &seeds,
                standing: Standing::Unknown,
                speaker: None,
                settled: false,
            };
            let mut candidates = Vec::new();
            let mut closest: f64 = 0.0;
            let regions: Vec<Regions> =
                postings.iter().map(|p| p.regions(&seeds.of_quote[i], search_window(words))).collect();
            // The regions that tie first. When one holds the quote word for
            // word, that passage comes first whatever else is found (see
            // `rank`), and the runners-up could only add lesser passages
            // behind the ones said word for word: they are not aligned.
            for tied in [true, false] {
                if !tied && aligner.settled {
                    break;
                }
                for (t, transcript) in indexed.iter().enumerate() {
                    aligner.standing = stands[i][t];
                    let labelled = !transcript.doc.speakers.is_empty();
                    aligner.speaker =
                        quote.attributed_to.clone().filter(|_| labelled && aligner.standing == Standing::Present);
                    let these = if tied { &regions[t].tied } else { &regions[t].others };
                    for &region in these {
                        let found = aligner.align(transcript, t, &postings[t], region, &mut closest);
                        aligner.settled |= found.iter().any(|c| c.category == Category::Verbatim);
                        candidates.extend(found);
                    }
                }
            }
            let credited = quote.attributed_to.as_deref().filter(|_| !quote.role);
            rank(&mut candidates, |a| elsewhere_said(credited, a, transcripts));
            let (suggestion, similarity) =
                candidates.first().map_or((Category::Unsupported, closest), |c| (c.category, c.similarity));
            (suggestion, similarity, candidates)
        };
        let threads = crate::parallel::threads();
        let aligned = crate::parallel::map(of, threads, align, &mut |done| progress(Stage::Aligning { done, of }));
        let mut checked: Vec<Checked> = quotes
            .into_iter()
            .zip(aligned)
            .map(|(quote, (suggestion, similarity, candidates))| Checked { quote, suggestion, similarity, candidates })
            .collect();
        settle_ties(&mut checked, &indexed);
        for c in &mut checked {
            c.candidates.truncate(MAX_CANDIDATES);
        }
        let search = Search {
            article,
            transcripts: &indexed,
            postings: &postings,
            seeds: &seeds,
            quotes: &checked,
            paragraphs: quote::paragraphs(&article.text),
            turn_tokens: indexed.iter().map(|_| std::sync::OnceLock::new()).collect(),
        };
        let check = |j: usize| {
            let k = first_item + j;
            search.check(items[j].clone(), &words[k], &seeds.of_quote[k], lexicon)
        };
        let reported = crate::parallel::map(items.len(), threads, check, &mut |_| {});
        Self { quotes: checked, reported }
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
    lexicon: &'a Lexicon,
    seeds: &'a Seeds,
    /// Where the quote stands with the transcript being searched.
    standing: Standing,
    /// The credited speaker, when a paraphrase must be in their turns.
    speaker: Option<String>,
    /// True once the quote has a passage that holds it word for word.
    settled: bool,
}

impl Aligner<'_> {
    /// Aligns the quote in one region: a verbatim or altered alignment, or
    /// a paraphrase, or none (raising `closest` to the similarity of the
    /// closest fit). A fit that is not verbatim and lies in another
    /// speaker's turn than the credited one's (a question the answer
    /// echoes) comes with the credited speaker's paraphrase, if any.
    fn align(
        &mut self,
        transcript: &Transcript<'_>,
        t: usize,
        postings: &Postings,
        region: Region,
        closest_so_far: &mut f64,
    ) -> Vec<Alignment> {
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
        // Room for the quote's words around its seeds.
        let window = self.window(transcript, region, self.words.terms.len() + 4);
        let (mut found, mut closest) = self.word_for_word(transcript, t, &window, &quote, region);
        // A quote with an elision whose pieces share their few seeds may
        // have been found by one piece alone: where the region holds most
        // of its seeds, look as far as an elision may reach before settling
        // for less than verbatim; but not once the quote was found word for
        // word in a tighter region (ties come tightest first).
        let verbatim = found.as_ref().is_some_and(|a| a.category == Category::Verbatim);
        if !verbatim && !self.settled && !self.words.elisions.is_empty() && region.coverage >= WIDE_COVERAGE {
            let wide = self.window(transcript, region, search_window(self.words));
            let (wider, similarity) = self.word_for_word(transcript, t, &wide, &quote, region);
            closest = closest.max(similarity);
            let rank = |a: &Option<Alignment>| a.as_ref().map(|a| (a.category, -a.similarity));
            if wider.is_some() && (found.is_none() || rank(&wider) < rank(&found)) {
                found = wider;
            }
        }
        *closest_so_far = closest_so_far.max(closest);
        let mut kept = Vec::new();
        if let Some(alignment) = found {
            let doc = transcript.doc;
            let echo = alignment.category != Category::Verbatim
                && self.speaker.as_deref().is_some_and(|name| {
                    let (start, end) = (alignment.source.start, alignment.source.end.saturating_sub(1));
                    let other = |at: usize| doc.speaker_at(at).is_some_and(|s| !same_speaker(name, s));
                    other(start) && other(end) && doc.turn_at(start) == doc.turn_at(end)
                });
            kept.push(alignment);
            if !echo {
                return kept;
            }
        }
        // Not close word for word (or close only to someone else's
        // words): does a passage of the credited speaker share the
        // quote's content? Not worth asking once the quote was found word
        // for word: `rank` drops a paraphrase behind such a passage.
        if self.settled {
            return kept;
        }
        let Some(bar) = paraphrase_bar(self.standing) else { return kept };
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
        let doc = transcript.doc;
        let speaker = self.speaker.as_deref();
        let in_turn = |side: &SourceSide| {
            let offset = transcript.tokens[side.term.token].span().start;
            speaker.is_none_or(|name| {
                doc.turn_at(offset).and_then(|turn| doc.speaker(turn)).is_some_and(|s| same_speaker(name, s))
            })
        };
        let hits: Vec<usize> = (0..window.len())
            .filter(|&i| {
                window[i].class == Class::Content
                    && content.binary_search(&window[i].stem).is_ok()
                    && in_turn(&window[i])
            })
            .collect();
        let span = 2 * self.words.terms.len() + 10;
        let Some((first, last, shared)) = best_passage(&hits, &window, span) else { return kept };
        let share = if total > 0.0 { shared.iter().map(|&s| weight(s)).sum::<f64>() / total } else { 0.0 };
        if !is_paraphrase(share, shared.len(), bar) {
            return kept;
        }
        let (first, last) = sentence_bounds(transcript, &window, first, last);
        let sides =
            Sides { article: self.article, quote: self.words, transcript, lexicon: self.lexicon, window: &window };
        let (differences, tally) = diff(&sides, first..last + 1);
        let tokens = (window[first].term.token, window[last].term.token);
        kept.push(Alignment {
            transcript: t,
            source: transcript.span(tokens.0, tokens.1),
            tokens,
            differences,
            similarity: tally.similarity(),
            category: Category::Paraphrase,
        });
        kept
    }
}

impl Aligner<'_> {
    /// The terms of the transcript from `ext` tokens before `region` to
    /// `ext` tokens after it.
    fn window(&mut self, transcript: &Transcript<'_>, region: Region, ext: usize) -> Vec<SourceSide> {
        let lo = region.first.saturating_sub(ext);
        let hi = (region.last + ext + 1).min(transcript.tokens.len());
        let mut window: Vec<SourceSide> = source_terms(transcript, lo..hi, self.lexicon)
            .into_iter()
            .map(|term| SourceSide {
                term,
                stem: self.lexicon.known_stem(term.key),
                class: self.lexicon.class(term.key),
                number: self.lexicon.is_number(term.key),
                skippable: false,
            })
            .collect();
        mark_skippable(&mut window, transcript, self.lexicon);
        window
    }

    /// The quote fitted word for word in `window`: a verbatim or altered
    /// alignment, and the similarity of the fit either way.
    fn word_for_word(
        &mut self,
        transcript: &Transcript<'_>,
        t: usize,
        window: &[SourceSide],
        quote: &[QuoteSide],
        region: Region,
    ) -> (Option<Alignment>, f64) {
        let sides = Sides { article: self.article, quote: self.words, transcript, lexicon: self.lexicon, window };
        let near = window.iter().rposition(|s| s.term.token <= region.last).unwrap_or(0);
        let Some(f) = fit(quote, window, near) else { return (None, 0.0) };
        // Too little in common to be altered, whatever the diff makes of
        // it: the similarity the pairs allow at most is close enough for
        // an unsupported quote's closest passage, and the diff is spared.
        let spoken = quote.iter().filter(|q| !q.term.inserted).count().max(1);
        let share = f.close as f64 / spoken as f64;
        if share < HOPELESS_SHARE {
            return (None, 2.0 * share / (1.0 + share));
        }
        let (pieces, differences, tally) = widen(&sides, f.pieces);
        let similarity = tally.similarity();
        let Some(category) = judge(&tally) else { return (None, similarity) };
        let first = pieces.first().map_or(f.first, |p| p.1.start);
        let last = pieces.last().map_or(f.last, |p| p.1.end.saturating_sub(1)).max(first);
        let tokens = (window[first].term.token, window[last].term.token);
        let source = transcript.span(tokens.0, tokens.1);
        (Some(Alignment { transcript: t, source, tokens, differences, similarity, category }), similarity)
    }
}

/// Where quotes stand with the transcripts of one check: an unlabelled
/// transcript is searched for each credited surname once, however many
/// quotes credit it.
#[derive(Default)]
struct Mentions {
    /// Each unlabelled transcript lowercased, once one is searched.
    lower: FxHashMap<usize, String>,
    /// Whether a transcript mentions a surname.
    found: FxHashMap<(usize, String), bool>,
}

impl Mentions {
    /// Where `quote` stands with transcript `t`, `doc`.
    fn standing(&mut self, quote: &Quote, t: usize, doc: &Document) -> Standing {
        if quote.elsewhere.is_some() {
            return Standing::Elsewhere;
        }
        let Some(name) = quote.attributed_to.as_deref() else { return Standing::Unknown };
        if quote.role {
            return Standing::Unknown;
        }
        if !doc.speakers.is_empty() {
            return if doc.speakers.iter().any(|s| same_speaker(name, s)) {
                Standing::Present
            } else {
                Standing::Absent
            };
        }
        let surname = name.split_whitespace().last().unwrap_or(name).to_lowercase();
        let lower = &mut self.lower;
        let mentioned = *self.found.entry((t, surname)).or_insert_with_key(|(_, surname)| {
            let text = lower.entry(t).or_insert_with(|| doc.text.to_lowercase());
            text.split(|c: char| !c.is_alphanumeric()).any(|w| w == surname)
        });
        if mentioned { Standing::Present } else { Standing::Unknown }
    }
}

/// Words a paraphrase's passage may grow by on each side to take in whole
/// sentences.
const SENTENCE_REACH: usize = 40;

/// Widens window terms `first..=last` to the sentences holding them: a
/// paraphrase renders a sentence or two, not the few words it shares.
fn sentence_bounds(
    transcript: &Transcript<'_>,
    window: &[SourceSide],
    mut first: usize,
    mut last: usize,
) -> (usize, usize) {
    let text = &transcript.doc.text;
    let token = |i: usize| transcript.tokens[window[i].term.token].span();
    let breaks = |a: usize, b: usize| {
        // Two terms of one word (`don't`) have no gap between them.
        let gap = &text[token(a).end.min(token(b).start)..token(b).start];
        gap.contains(['.', '?', '!']) || gap.contains("\n\n") || gap.contains("\r\n\r\n")
    };
    let floor = first.saturating_sub(SENTENCE_REACH);
    while first > floor && window[first - 1].term.token + 1 >= window[first].term.token && !breaks(first - 1, first) {
        first -= 1;
    }
    let ceiling = (last + SENTENCE_REACH).min(window.len() - 1);
    while last < ceiling && !breaks(last, last + 1) {
        last += 1;
    }
    (first, last)
}

/// The passage of at most `span` window terms holding the most distinct
/// shared stems: its first and last term, and the stems.
fn best_passage(hits: &[usize], window: &[SourceSide], span: usize) -> Option<(usize, usize, Vec<Key>)> {
    let mut best: Option<(usize, usize, Vec<Key>)> = None;
    let mut left = 0;
    for right in 0..hits.len() {
        while hits[right] - hits[left] > span {
            left += 1;
        }
        let mut stems: Vec<Key> = hits[left..=right].iter().map(|&i| window[i].stem).collect();
        stems.sort_unstable();
        stems.dedup();
        if best.as_ref().is_none_or(|b| stems.len() > b.2.len()) {
            best = Some((hits[left], hits[right], stems));
        }
    }
    best
}

/// Marks the source terms a fit may skip cheaply: the first copy of a
/// repeat of one to three words (`I've got, I've got`), a cut-off word
/// (`th- the`), and the second word of a number said in several
/// (`fifty-four`).
fn mark_skippable(window: &mut [SourceSide], transcript: &Transcript<'_>, lexicon: &Lexicon) {
    let n = window.len();
    for start in 0..n {
        for k in 1..=3 {
            if start + 2 * k <= n && (0..k).all(|i| window[start + i].term.key == window[start + k + i].term.key) {
                for side in &mut window[start..start + k] {
                    side.skippable = true;
                }
            }
        }
        if start > 0 && window[start].number && window[start - 1].number {
            window[start].skippable = true;
        }
        let token = transcript.tokens[window[start].term.token];
        if let Some(next) = transcript.tokens.get(window[start].term.token + 1) {
            let text = &transcript.doc.text;
            let cut_off = text[token.span().end..].starts_with(['-', '—', '–']);
            if cut_off
                && token.word != next.word
                && lexicon.word_text(next.word).starts_with(lexicon.word_text(token.word))
            {
                window[start].skippable = true;
            }
        }
    }
}

/// Source words a fit may grow by at either edge.
const WIDEN: usize = 4;

/// Diffs the fitted pieces, then tries taking up to [`WIDEN`] more source
/// words at either edge, keeping what leaves fewer unmarked differences:
/// `$400,000` ends a quote where `four hundred thousand dollars` ends the
/// passage, and the fit alone stops at `four`.
fn widen(sides: &Sides<'_>, mut pieces: Pieces) -> (Pieces, Vec<Difference>, Tally) {
    let (mut differences, mut tally) = diff_pieces(sides, &pieces);
    for at_end in [true, false] {
        if tally.unmarked == 0 {
            break;
        }
        for extra in 1..=WIDEN {
            let mut wider = pieces.clone();
            let edge = if at_end { wider.last_mut() } else { wider.first_mut() };
            let Some((_, source)) = edge else { break };
            if at_end {
                if source.end + extra > sides.window.len() {
                    break;
                }
                source.end += extra;
            } else {
                if source.start < extra {
                    break;
                }
                source.start -= extra;
            }
            let (d, t) = diff_pieces(sides, &wider);
            if t.unmarked < tally.unmarked {
                (pieces, differences, tally) = (wider, d, t);
                break;
            }
        }
    }
    // A bracketed insertion that opens or closes the quote stands for the
    // word beside the passage (`[The staffing model] was` for `It was`).
    for at_end in [true, false] {
        let quote = &sides.quote.terms;
        let edge_inserted = if at_end { quote.last() } else { quote.first() }.is_some_and(|t| t.inserted);
        let mut wider = pieces.clone();
        let edge = if at_end { wider.last_mut() } else { wider.first_mut() };
        let Some((_, source)) = edge else { continue };
        let room = if at_end { source.end < sides.window.len() } else { source.start > 0 };
        if !edge_inserted || !room {
            continue;
        }
        if at_end {
            source.end += 1;
        } else {
            source.start -= 1;
        }
        let (d, t) = diff_pieces(sides, &wider);
        if t.unmarked <= tally.unmarked {
            (pieces, differences, tally) = (wider, d, t);
        }
    }
    // A content word added at an edge, beside a content word of the same
    // sentence left out, is one word put for another (`the Russian nation`
    // for `the Russian people`): pair them.
    for at_end in [true, false] {
        let quote = &sides.quote.terms;
        let Some(edge_term) = (if at_end { quote.last() } else { quote.first() }) else { continue };
        if edge_term.inserted || sides.lexicon.class(edge_term.key) != Class::Content {
            continue;
        }
        let edge = if at_end { pieces.last() } else { pieces.first() };
        let Some((_, source)) = edge else { continue };
        let (inside, outside) = if at_end {
            (source.end.wrapping_sub(1), source.end)
        } else {
            (source.start, source.start.wrapping_sub(1))
        };
        let Some(&beside) = sides.window.get(outside) else { continue };
        let Some(&last_in) = sides.window.get(inside) else { continue };
        if beside.class != Class::Content || breaks_sentence(sides.transcript, last_in.term.token, beside.term.token) {
            continue;
        }
        let mut wider = pieces.clone();
        let edge = if at_end { wider.last_mut() } else { wider.first_mut() };
        let Some((_, source)) = edge else { continue };
        if at_end {
            source.end += 1;
        } else {
            source.start -= 1;
        }
        let additions = |d: &[Difference]| d.iter().filter(|d| d.kind == Kind::Addition).count();
        let (d, t) = diff_pieces(sides, &wider);
        if t.unmarked <= tally.unmarked && additions(&d) < additions(&differences) {
            (pieces, differences, tally) = (wider, d, t);
        }
    }
    (pieces, differences, tally)
}

/// True when a sentence ends between two tokens of a transcript.
fn breaks_sentence(transcript: &Transcript<'_>, a: usize, b: usize) -> bool {
    let (first, second) = (a.min(b), a.max(b));
    let (end, start) = (transcript.tokens[first].span().end, transcript.tokens[second].span().start);
    end < start && transcript.doc.text[end..start].contains(['.', '?', '!', '\n'])
}

/// True when a passage lies wholly in turns of speakers other than the
/// one credited, who speaks elsewhere in the same transcript: words an
/// interviewer put in a question are not the guest's.
fn elsewhere_said(credited: Option<&str>, a: &Alignment, transcripts: &[Document]) -> bool {
    let Some(name) = credited else { return false };
    let doc = &transcripts[a.transcript];
    if !doc.speakers.iter().any(|s| same_speaker(name, s)) {
        return false;
    }
    let said_by = |offset: usize| doc.speaker_at(offset);
    let (first, last) = (said_by(a.source.start), said_by(a.source.end.saturating_sub(1)));
    let others = |s: Option<&str>| s.is_some_and(|s| !same_speaker(name, s));
    others(first) && others(last) && doc.turn_at(a.source.start) == doc.turn_at(a.source.end.saturating_sub(1))
}

/// Best first: the more faithful category, then the higher similarity;
/// passages that overlap a better one are dropped. A passage that
/// `elsewhere` says is another speaker's comes after the credited
/// speaker's own unless it is verbatim: an answer that echoes a question
/// is the guest's paraphrase, not the question altered.
fn rank(candidates: &mut Vec<Alignment>, elsewhere: impl Fn(&Alignment) -> bool) {
    let demoted = |a: &Alignment| a.category != Category::Verbatim && elsewhere(a);
    candidates.sort_by(|a, b| {
        demoted(a)
            .cmp(&demoted(b))
            .then(a.category.cmp(&b.category))
            .then(b.similarity.total_cmp(&a.similarity))
            .then(a.tokens.cmp(&b.tokens))
    });
    // Behind a passage close word for word, a paraphrase elsewhere is no
    // alternative worth offering.
    let close = candidates.first().is_some_and(|c| c.category <= Category::Altered);
    let mut kept: Vec<Alignment> = Vec::with_capacity(candidates.len());
    for c in candidates.drain(..) {
        let overlaps =
            kept.iter().any(|k| k.transcript == c.transcript && k.tokens.0 <= c.tokens.1 && c.tokens.0 <= k.tokens.1);
        let weak = close && c.category > Category::Altered;
        if !overlaps && !weak {
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

/// Whether the transcript gives a quote's words to the speaker the
/// article credits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Attribution {
    /// The source is in a turn of the credited speaker.
    Match,
    /// The source is in someone else's turn: a finding in itself.
    Mismatch,
    /// Nobody is credited, there is no source, or the transcript does not
    /// say who spoke.
    Unknown,
}

impl Attribution {
    /// The name used in reports.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Match => "match",
            Self::Mismatch => "mismatch",
            Self::Unknown => "unknown",
        }
    }
}

/// Compares the speaker a quote is credited to with the speaker of its
/// source's turn. A role the article names (`the minister`) matches only
/// its own label; a label that is a role (`The CHAIRMAN`) mismatches a
/// named person only when that person speaks elsewhere in the transcript.
#[must_use]
pub fn attribution(quote: &Quote, source: Option<&Alignment>, transcripts: &[Document]) -> Attribution {
    let (Some(credited), Some(a)) = (quote.attributed_to.as_deref(), source) else { return Attribution::Unknown };
    let doc = &transcripts[a.transcript];
    let Some(speaker) = doc.speaker_at(a.source.start) else { return Attribution::Unknown };
    if same_speaker(credited, speaker) {
        return Attribution::Match;
    }
    let credited_role = quote.role;
    let credited_speaks = doc.speakers.iter().any(|s| same_speaker(credited, s));
    if credited_role && !credited_speaks {
        Attribution::Unknown
    } else if credited_speaks || !is_role(speaker) || is_questioner(speaker) {
        Attribution::Mismatch
    } else {
        Attribution::Unknown
    }
}

/// Words whose loss changes what a passage says.
const NEGATIONS: &[&str] =
    &["not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "without", "cannot", "n't"];
const QUALIFIERS: &[&str] = &[
    "only",
    "if",
    "unless",
    "some",
    "may",
    "might",
    "could",
    "perhaps",
    "probably",
    "possibly",
    "almost",
    "nearly",
    "partly",
    "except",
    "until",
    "generally",
    "usually",
    "sometimes",
    "rarely",
    "always",
    "mostly",
];

/// The words of `text` that bear on what it says — negations, qualifiers
/// and numbers — each once, with what kind of word it is.
fn bearing_words(text: &str) -> Vec<(String, &'static str)> {
    let mut found: Vec<(String, &'static str)> = Vec::new();
    for word in lower_words(text) {
        let kind = if NEGATIONS.contains(&word.as_str()) || word.ends_with("n't") {
            "a negation"
        } else if QUALIFIERS.contains(&word.as_str()) {
            "a qualifier"
        } else if word.starts_with(|c: char| c.is_ascii_digit())
            || crate::text::number_value(&[crate::text::canonical_word(&word).as_str()]).is_some()
        {
            "a number"
        } else {
            continue;
        };
        if !found.iter().any(|(w, _)| *w == word) {
            found.push((word, kind));
        }
    }
    found
}

/// The lowercased words of a text, apostrophes kept (`don't`).
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// `“not” (a negation), “40” (a number)`.
fn listed(words: &[(String, &str)]) -> String {
    words.iter().map(|(w, kind)| format!("“{w}” ({kind})")).collect::<Vec<_>>().join(", ")
}

/// What an elision leaves out that matters: a negation, a number or a
/// qualifier (`the elision leaves out “not” (a negation)`).
#[must_use]
pub fn elision_warning(elided: &str) -> Option<String> {
    let found = bearing_words(elided);
    (!found.is_empty()).then(|| format!("the elision leaves out {}", listed(&found)))
}

/// What a difference between a quote and its source changes that matters:
/// an elision, an omission or an addition of a negation, qualifier or
/// number, or a substitution that loses or brings one (`may have been`
/// quoted as `was`, `forty` as `thirty`).
///
/// Only an elision is weighed in a paraphrase, whose other differences
/// are the writer's own words, not changes to the speaker's; and an
/// omission outside the turn the source opens in leaves out someone
/// else's words (a stitch across an interjection), not the speaker's.
#[must_use]
pub fn difference_warning(d: &Difference, a: &Alignment, article: &Document, doc: &Document) -> Option<String> {
    let quote = d.quote.map_or("", |s| article.slice(s));
    let source = d.source.map_or("", |s| doc.slice(s));
    let close = matches!(a.category, Category::Verbatim | Category::Altered);
    match d.kind {
        Kind::Elision => elision_warning(source),
        _ if !close => None,
        Kind::Omission if d.source.is_some_and(|s| leaves_turn(doc, s, a.source.start)) => None,
        Kind::Omission => {
            let lost = bearing_words(source);
            (!lost.is_empty()).then(|| format!("the quote leaves out {}", listed(&lost)))
        }
        Kind::Addition => {
            let added = bearing_words(quote);
            (!added.is_empty()).then(|| format!("the quote adds {}", listed(&added)))
        }
        Kind::Substitution => {
            let (quote_words, source_words) = (bearing_words(quote), bearing_words(source));
            let lost: Vec<_> = source_words.iter().filter(|w| !quote_words.contains(w)).cloned().collect();
            let added: Vec<_> = quote_words.iter().filter(|w| !source_words.contains(w)).cloned().collect();
            let change = match (lost.is_empty(), added.is_empty()) {
                (true, true) => return None,
                (false, true) => format!("leaves out {}", listed(&lost)),
                (true, false) => format!("adds {}", listed(&added)),
                (false, false) => format!("leaves out {} and adds {}", listed(&lost), listed(&added)),
            };
            Some(format!("“{}” for “{}” {change}", quote.trim(), source.trim()))
        }
        Kind::Insertion | Kind::Variant | Kind::Disfluency => None,
    }
}

/// True when some of `span` lies outside the turn of `doc` at `from`.
fn leaves_turn(doc: &Document, span: Span, from: usize) -> bool {
    let turn = |at: usize| doc.turn_at(at).map(|t| t.body);
    let last = span.end.saturating_sub(1).max(span.start);
    turn(span.start) != turn(from) || turn(last) != turn(from)
}

/// What the differences of a source change that matters, one warning per
/// difference that changes something (see [`difference_warning`]).
#[must_use]
pub fn warnings(
    article: &Document,
    quote: &Quote,
    source: Option<&Alignment>,
    transcripts: &[Document],
) -> Vec<String> {
    let Some(a) = source else { return Vec::new() };
    let doc = &transcripts[a.transcript];
    let mut out: Vec<String> = a.differences.iter().filter_map(|d| difference_warning(d, a, article, doc)).collect();
    // Only when the quote opens with words of its own in place of the
    // source's lead-in (`We will exterminate` for `to exterminate`) can a
    // negation just before the passage have been dropped.
    let text = article.slice(quote.span);
    let first_word = quote.span.start + text.find(char::is_alphanumeric).unwrap_or(0);
    let opens_changed = a.differences.iter().any(|d| {
        matches!(d.kind, Kind::Substitution | Kind::Addition) && d.quote.is_some_and(|q| q.start <= first_word)
    });
    if opens_changed {
        out.extend(negation_before(text, doc, a.source));
    }
    out
}

/// Words before a passage that a negation may stand among.
const LEAD_IN: usize = 6;

/// A negation just before the passage, in its sentence, that the quote
/// does not carry: `we don't have any intention to [exterminate…]` quoted
/// as `we will exterminate…`.
fn negation_before(quote: &str, doc: &Document, source: Span) -> Option<String> {
    let words = lower_words;
    let negation = |w: &String| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't");
    if words(quote).iter().any(negation) {
        return None;
    }
    let turn_start = doc.turn_at(source.start).map_or(0, |t| t.body.start);
    let mut from = source.start.saturating_sub(80).max(turn_start);
    while !doc.text.is_char_boundary(from) {
        from += 1;
    }
    let lead = &doc.text[from..source.start];
    let sentence = lead.rfind(['.', '?', '!', '\n']).map_or(lead, |i| &lead[i + 1..]);
    let lead_words = words(sentence);
    let found = lead_words.iter().rev().take(LEAD_IN).find(|w| negation(w))?;
    Some(format!("the passage follows a negation the quote leaves out (“{found}”)"))
}

/// Bytes of context shown on each side of a source.
const CONTEXT: usize = 300;

/// The text around a source within its turn: from the start of the
/// sentence before it, and to the end of the sentence after it, each cut
/// to a few hundred bytes at a word.
#[must_use]
pub fn context(doc: &Document, source: Span) -> (Option<Span>, Option<Span>) {
    let text = &doc.text;
    // A source stitched across an interjection spans two turns: each side
    // keeps to the turn of its own end.
    let whole = Span::new(0, text.len());
    let turn = doc.turn_at(source.start).map_or(whole, |t| t.body);
    let last_turn = doc.turn_at(source.end.saturating_sub(1)).map_or(whole, |t| t.body);
    // A sentence ends at `.`, `?` or `!` before a blank, or at a blank
    // line. Only those bytes are looked at, so no slice splits a character.
    let bytes = text.as_bytes();
    let ends = |i: usize| match bytes.get(i) {
        Some(b'.' | b'?' | b'!') => bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace),
        Some(b'\n') => bytes.get(i + 1) == Some(&b'\n'),
        _ => false,
    };
    // Back over the start of this sentence and the whole one before it.
    let mut start = source.start;
    let mut crossed = 0;
    while start > turn.start && source.start - start < CONTEXT {
        if start < source.start && ends(start - 1) && !text[start..source.start].trim().is_empty() {
            crossed += 1;
            if crossed == 2 {
                break;
            }
        }
        start -= 1;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
    }
    let mut end = source.end;
    let mut crossed = 0;
    while end < last_turn.end && end - source.end < CONTEXT {
        if ends(end) {
            crossed += 1;
            if crossed == 2 {
                end += 1;
                break;
            }
        }
        end += 1;
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
    }
    let word_start = |s: usize| {
        text[s..source.start]
            .find(char::is_whitespace)
            .filter(|_| s > turn.start && source.start - s >= CONTEXT)
            .map_or(s, |i| s + i)
    };
    let before = Span::new(word_start(start), source.start);
    let after = Span::new(source.end, end.clamp(source.end, last_turn.end.max(source.end)));
    let keep = |s: Span| text[s.range()].chars().any(char::is_alphanumeric).then_some(s);
    (keep(before), keep(after))
}
