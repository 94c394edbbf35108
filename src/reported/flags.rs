//! The flags that make a reported item distorted: what the report
//! changes in a passage that bears on it.
//!
//! Each flag compares the item's words with the passage's, clause by
//! clause (a clause ends at `,` `;` `:` `.` `?` `!` or a dash), and is
//! raised only where the two clauses share content words, so that a
//! passage's unrelated sentences raise nothing:
//!
//! ```text
//! negation  we do not need a new station  / they need a new station      lost
//!           the plan will not cut staff   / the plan will cut staff       added
//! number    raised fees by 27 percent     / raised fees by 17 percent
//! hedge     the library may close         / the library will close       made certain
//!           if the loan is not approved, we close / we will close        condition dropped
//! scope     some merchants objected       / every merchant objected
//!           only housing near a station   / housing                        widened
//! ```

use super::support::Read;
use super::{Evidence, EvidenceKind};
use crate::text::Key;

/// Words that negate what follows them in their clause.
const NEGATORS: &[&str] =
    &["not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without", "cannot", "n't", "nowhere"];

/// The negators that deny a statement (`did not need`, `never filed`),
/// rather than a thing (`no air conditioning`, where the report saying
/// `install air conditioning` agrees).
const DENIALS: &[&str] = &["not", "never", "cannot", "n't"];

/// Verbs that carry a negation of their object (`exclude NATO` says what
/// `No NATO` says).
#[rustfmt::skip]
const NEGATIVE_VERBS: &[&str] = &[
    "exclude", "excludes", "excluded", "excluding", "prevent", "prevents", "prevented", "deny", "denies",
    "denied", "reject", "rejects", "rejected", "refuse", "refuses", "refused", "oppose", "opposes", "opposed",
    "stop", "stops", "stopped", "ban", "bans", "banned", "block", "blocks", "blocked", "avoid", "avoids",
    "avoided", "fail", "fails", "failed", "lack", "lacks", "lacked", "dismiss", "dismissed", "ruled", "rule",
];

/// Words that hedge a claim.
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "maybe",
    "potentially",
    "possible",
    "unlikely",
    "uncertain",
];

/// Words that keep a claim short of certain, in a report: a report that
/// has one of these has not made the claim certain (`would allow` for
/// `could hold`).
#[rustfmt::skip]
const TENTATIVE: &[&str] = &[
    "would", "may", "might", "could", "possibly", "perhaps", "probably", "likely", "maybe", "potentially", "possible",
    "unlikely", "uncertain", "should", "expect", "expects", "expected", "hope", "hopes", "hoped", "plan",
    "plans", "aim", "aims", "target", "targets", "try", "tries", "seek", "seeks", "intend", "intends",
    "consider", "considering", "weigh", "weighing",
];

/// Words that keep a condition in a report.
const CONDITIONAL: &[&str] = &["if", "unless", "provided", "providing", "only", "once", "when", "whether"];

/// Words that make a claim hang on a condition.
const CONDITIONS: &[&str] = &["if", "unless", "provided", "providing"];

/// Words that limit how far a claim reaches.
#[rustfmt::skip]
const LIMITERS: &[&str] = &[
    "some", "several", "few", "many", "most", "certain", "part", "parts", "partly", "partially", "portion",
    "handful", "only", "mostly", "sometimes", "often",
];

/// Limits whose loss makes a part the whole.
const PARTS: &[&str] = &["some", "several", "few", "certain", "part", "parts", "only", "partly", "partially"];

/// Words that make a claim reach everything.
#[rustfmt::skip]
const UNIVERSALS: &[&str] = &[
    "all", "every", "each", "entire", "whole", "always", "everyone", "everybody", "everything", "everywhere",
];

/// Tokens after a number among which the word it counts stands.
const NUMBER_REACH: usize = 3;

/// Every flag an item raises against its passage.
pub(crate) fn raise(article: &[Read], passage: &[Read]) -> Vec<Evidence> {
    let mut flags = Vec::new();
    flags.extend(negation(article, passage));
    flags.extend(number(article, passage));
    flags.extend(hedge(article, passage));
    flags.extend(scope(article, passage));
    flags
}

fn is(read: &Read, words: &[&str]) -> bool {
    read.keys.iter().any(|k| words.contains(&k.as_str()))
}

/// The clause of token `i`: from the last clause break at or before it to
/// the next one.
fn clause(reads: &[Read], i: usize) -> std::ops::Range<usize> {
    let start = (0..=i).rev().find(|&k| reads[k].clause_break).unwrap_or(0);
    let end = (i + 1..reads.len()).find(|&k| reads[k].clause_break).unwrap_or(reads.len());
    start..end
}

fn stems_in(reads: &[Read], range: std::ops::Range<usize>) -> Vec<Key> {
    let mut out: Vec<Key> = reads[range].iter().filter_map(|r| r.stem).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// True when the clause of token `i` holds a negation before it.
fn negated(reads: &[Read], i: usize) -> bool {
    let c = clause(reads, i);
    reads[c.start..i].iter().any(|r| is(r, NEGATORS) || is(r, NEGATIVE_VERBS))
}

/// The content words a negator bears on: the first one after it in its
/// clause (`did not believe` → believe, `not at war` → war).
fn negated_targets(reads: &[Read]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, r) in reads.iter().enumerate() {
        if !is(r, DENIALS) {
            continue;
        }
        let target = (i + 1..reads.len().min(i + 5))
            .take_while(|&k| !reads[k].clause_break)
            .find(|&k| reads[k].stem.is_some() && !is(&reads[k], NEGATORS));
        if let Some(t) = target {
            out.push((i, t));
        }
    }
    out
}

/// True when the clauses around `a` in the article and `b` in the passage
/// share a content word besides the one at `a` and `b`.
fn clauses_agree(article: &[Read], a: usize, passage: &[Read], b: usize) -> bool {
    let theirs = stems_in(passage, clause(passage, b));
    stems_in(article, clause(article, a)).iter().any(|s| Some(*s) != article[a].stem && theirs.binary_search(s).is_ok())
}

/// A negation the report loses (the passage negates a word the report
/// states plainly) or adds.
fn negation(article: &[Read], passage: &[Read]) -> Option<Evidence> {
    for (from, into, lost) in [(passage, article, true), (article, passage, false)] {
        for (neg, target) in negated_targets(from) {
            let stem = from[target].stem;
            let plain: Vec<usize> = (0..into.len()).filter(|&k| into[k].stem == stem).collect();
            if plain.is_empty() || plain.iter().any(|&k| negated(into, k)) {
                continue;
            }
            let agree = plain.iter().any(|&k| {
                if lost { clauses_agree(into, k, from, target) } else { clauses_agree(from, target, into, k) }
            });
            if !agree {
                continue;
            }
            let negation = from[neg].span.cover(from[target].span);
            let counterpart = into[plain[0]].span;
            let (article, source) = if lost { (counterpart, negation) } else { (negation, counterpart) };
            return Some(Evidence { kind: EvidenceKind::Negation, article: Some(article), source: Some(source) });
        }
    }
    None
}

/// The numbers of a text, with the token range each takes and its value:
/// runs of number words read as one (`thirty-five` → 35, `3 million`).
fn numbers(reads: &[Read]) -> Vec<(std::ops::Range<usize>, f64)> {
    let numeric = |r: &Read| {
        r.keys.iter().any(|k| {
            k.starts_with(|c: char| c.is_ascii_digit())
                || matches!(k.as_str(), "hundred" | "thousand" | "million" | "billion" | "trillion")
        })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < reads.len() {
        if !numeric(&reads[i]) {
            i += 1;
            continue;
        }
        let start = i;
        // `three hundred and forty`.
        let joins =
            |k: usize| is(&reads[k], &["and"]) && reads.get(k + 1).is_some_and(|n| numeric(n) && !n.clause_break);
        while i < reads.len() && (numeric(&reads[i]) || i > start && joins(i)) && (i == start || !reads[i].clause_break)
        {
            i += 1;
        }
        let keys: Vec<&str> = reads[start..i]
            .iter()
            .flat_map(|r| r.keys.iter().map(String::as_str))
            .map(|k| k.trim_start_matches('$'))
            .collect();
        let keys: Vec<&str> = keys.into_iter().map(|k| k.trim_end_matches('%')).filter(|k| !k.is_empty()).collect();
        if let Some(value) = crate::text::number_value(&keys) {
            out.push((start..i, value));
        }
    }
    out
}

/// The content word a number counts: the first one after it, within a
/// few tokens (`27 percent`, `22 of the 30 busiest facilities`).
fn counted(reads: &[Read], range: &std::ops::Range<usize>) -> Option<Key> {
    (range.end..reads.len().min(range.end + NUMBER_REACH))
        .take_while(|&k| k == range.end || !reads[k].clause_break)
        .find_map(|k| reads[k].stem)
}

/// A number the report changes: one the passage does not have, where the
/// passage counts the same thing with another number.
fn number(article: &[Read], passage: &[Read]) -> Option<Evidence> {
    let theirs = numbers(passage);
    for (range, n) in numbers(article) {
        if theirs.iter().any(|(_, m)| (m - n).abs() < 1e-9) {
            continue;
        }
        let Some(what) = counted(article, &range) else { continue };
        let other = theirs.iter().find(|(r, _)| counted(passage, r) == Some(what));
        if let Some((r, _)) = other {
            let span = |reads: &[Read], r: &std::ops::Range<usize>| reads[r.start].span.cover(reads[r.end - 1].span);
            return Some(Evidence {
                kind: EvidenceKind::Number,
                article: Some(span(article, &range)),
                source: Some(span(passage, r)),
            });
        }
    }
    None
}

/// The sentence of token `i`: from the last sentence break at or before
/// it to the next one.
fn sentence(reads: &[Read], i: usize) -> std::ops::Range<usize> {
    let start = (0..=i).rev().find(|&k| reads[k].sentence_break).unwrap_or(0);
    let end = (i + 1..reads.len()).find(|&k| reads[k].sentence_break).unwrap_or(reads.len());
    start..end
}

/// The passage's clauses (or sentences) that share at least two content
/// words with the report, as (range, shared stems).
fn shared_parts(
    article: &[Read],
    passage: &[Read],
    part: fn(&[Read], usize) -> std::ops::Range<usize>,
) -> Vec<(std::ops::Range<usize>, usize)> {
    let ours = stems_in(article, 0..article.len());
    let mut out = Vec::new();
    let mut start = 0;
    while start < passage.len() {
        let c = part(passage, start);
        let shared = stems_in(passage, c.clone()).iter().filter(|s| ours.binary_search(s).is_ok()).count();
        if shared >= 2 {
            out.push((c.clone(), shared));
        }
        start = c.end.max(start + 1);
    }
    out
}

/// A hedge or a condition of the passage that the report drops, making
/// the claim certain (`may close` reported as `will close`; `If the loan
/// is not approved, I will be back` as `he would be back`).
fn hedge(article: &[Read], passage: &[Read]) -> Option<Evidence> {
    let counterpart = |range: std::ops::Range<usize>| {
        let theirs = stems_in(passage, range);
        article.iter().find(|a| a.stem.is_some_and(|s| theirs.binary_search(&s).is_ok())).map(|a| a.span)
    };
    // A hedge in a clause that says what the report says.
    if !article.iter().any(|r| is(r, TENTATIVE)) {
        for (c, _) in shared_parts(article, passage, clause) {
            for k in c.clone() {
                // `could not` is ability, not a hedge.
                let ability = is(&passage[k], &["could"])
                    && (is(&passage[k], NEGATORS) || passage.get(k + 1).is_some_and(|n| is(n, NEGATORS)));
                if is(&passage[k], HEDGES) && !ability {
                    let source = passage[k].span.cover(passage[(k + 4).min(c.end - 1)].span);
                    return Some(Evidence { kind: EvidenceKind::Hedge, article: counterpart(c), source: Some(source) });
                }
            }
        }
    }
    // A condition on what the report says, in the same sentence.
    if article.iter().any(|r| is(r, CONDITIONAL)) {
        return None;
    }
    let ours = stems_in(article, 0..article.len());
    for k in 0..passage.len() {
        let opens = k == 0 || passage[k].clause_break;
        // `even if`, `as if`: no condition; `not sure if`, `asked if`: whether.
        let not_a_condition = k > 0
            && !passage[k].clause_break
            && is(
                &passage[k - 1],
                &["even", "because", "as", "sure", "know", "asked", "ask", "wonder", "see", "check"],
            );
        if !is(&passage[k], CONDITIONS) || not_a_condition {
            continue;
        }
        // The condition's clause, and what hangs on it: the rest of the
        // sentence after a condition that opens its clause (`If the loan
        // fails, we close`), the clause before one that ends it (`we close
        // if the loan fails`).
        let condition = k..clause(passage, k).end;
        let sentence = sentence(passage, k);
        let rest = if opens { condition.end..sentence.end } else { clause(passage, k).start..k };
        let said = stems_in(passage, rest.clone()).iter().filter(|s| ours.binary_search(s).is_ok()).count();
        if said >= 2 {
            let source = passage[k].span.cover(passage[condition.end - 1].span);
            return Some(Evidence { kind: EvidenceKind::Hedge, article: counterpart(rest), source: Some(source) });
        }
    }
    None
}

/// A limit of the passage that the report widens: `some` reported as
/// `all`, or an `only` dropped.
fn scope(article: &[Read], passage: &[Read]) -> Option<Evidence> {
    let only_kept = article.iter().any(|r| is(r, LIMITERS));
    for (c, _) in shared_parts(article, passage, clause) {
        for k in c.clone() {
            if !is(&passage[k], LIMITERS) {
                continue;
            }
            // The word limited: the next one (`some branches`), or after
            // `of the` (`some of the merchants`).
            let mut at = k + 1;
            while at < passage.len().min(k + 4) && !passage[at].clause_break && passage[at].stem.is_none() {
                at += 1;
            }
            let Some(limited) = passage.get(at).filter(|r| !r.clause_break).and_then(|r| r.stem) else { continue };
            // The report's clause on the same word, saying the same thing.
            let reported = (0..article.len())
                .find(|&a| article[a].stem == Some(limited) && clauses_agree(article, a, passage, at));
            let Some(said) = reported else { continue };
            let around = clause(article, said);
            let universal = around.clone().find(|&j| is(&article[j], UNIVERSALS));
            // `some branches` reported as `all branches`, or as `the
            // branches`: a part made the whole (`many` or `often` may well
            // be all the report meant).
            let dropped = !only_kept && is(&passage[k], PARTS);
            if universal.is_some() || dropped {
                let article_span = universal.map_or(article[said].span, |u| article[u].span.cover(article[said].span));
                return Some(Evidence {
                    kind: EvidenceKind::Scope,
                    article: Some(article_span),
                    source: Some(passage[k].span.cover(passage[at].span)),
                });
            }
        }
    }
    None
}
