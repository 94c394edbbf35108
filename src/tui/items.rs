//! The two lists the review screen walks through, quotes and reported
//! speech, and what the screen derives of them once, when it opens, so that
//! a frame costs the same however many items the article holds: where the
//! items lie in each text ([`SpanIndex`]), the nearest item with a source
//! ([`nearest`]), and what the detail panel says of each reported item
//! ([`ReportedDetail`]).

use std::fmt::Write as _;

use crate::document::{Document, same_speaker};
use crate::report::{describe_evidence, format_time};
use crate::reported::{EvidenceKind, ReportedChecked};
use crate::text::Span;

/// The lists of items the screen walks through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum List {
    /// The quotes of the article.
    #[default]
    Quotes,
    /// Its reported speech.
    Reported,
}

impl List {
    /// The other list.
    #[must_use]
    pub const fn other(self) -> Self {
        match self {
            Self::Quotes => Self::Reported,
            Self::Reported => Self::Quotes,
        }
    }

    /// The list's name in messages.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Quotes => "quotes",
            Self::Reported => "reported speech",
        }
    }

    /// What one item of the list is called in messages.
    #[must_use]
    pub const fn item(self) -> &'static str {
        match self {
            Self::Quotes => "quote",
            Self::Reported => "reported item",
        }
    }
}

/// How the reported items stand: marked (per verdict, in
/// [`Verdict::ALL`](crate::reported::Verdict::ALL) order), unmarked, or
/// marked on words since edited.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportedCounts {
    /// Items whose mark stands, per verdict.
    pub marked: [usize; 3],
    /// Items without a mark.
    pub unmarked: usize,
    /// Items whose mark is to be checked again.
    pub recheck: usize,
}

/// Items' spans in one text, found by where they lie: the spans sorted by
/// start, with the furthest end any span up to each has reached, so that
/// the items a window of the text meets are found without looking at the
/// others.
///
/// ```text
/// spans  [0,10) [2,4) [5,30) [12,14)    reach 10 10 30 30
/// window [11,13) → [5,30), [12,14)
/// ```
#[derive(Clone, Debug, Default)]
pub struct SpanIndex {
    /// Each span and its item, by start.
    entries: Vec<(Span, usize)>,
    /// The largest end among `entries[..=i]`.
    reach: Vec<usize>,
}

impl SpanIndex {
    /// The index of some items' spans (empty spans are left out: they
    /// cover nothing).
    #[must_use]
    pub fn new(items: impl IntoIterator<Item = (Span, usize)>) -> Self {
        let mut entries: Vec<(Span, usize)> = items.into_iter().filter(|(s, _)| !s.is_empty()).collect();
        entries.sort_by_key(|&(s, i)| (s.start, s.end, i));
        let reach = entries
            .iter()
            .scan(0, |furthest, (s, _)| {
                *furthest = s.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Self { entries, reach }
    }

    /// The spans that meet `window`, and their items, by start.
    pub fn meeting(&self, window: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let from = self.reach.partition_point(|&r| r <= window.start);
        let to = self.entries.partition_point(|(s, _)| s.start < window.end.max(window.start + 1));
        self.entries[from..to.max(from)].iter().copied().filter(move |(s, _)| s.end > window.start)
    }

    /// The items whose span holds a byte offset, by start.
    pub fn at(&self, offset: usize) -> impl Iterator<Item = usize> + '_ {
        self.meeting(Span::new(offset, offset + 1)).map(|(_, i)| i)
    }
}

/// For each of `n` items, the nearest one that `has` a source: itself if it
/// has one, else the nearer of the ones before and after it (the one
/// before when they are as near). `None` when no item has one.
///
/// `has` = `[no, yes, no, no, yes]` → `[1, 1, 1, 4, 4]`.
#[must_use]
pub fn nearest(n: usize, has: impl Fn(usize) -> bool) -> Vec<Option<usize>> {
    let mut before = Vec::with_capacity(n);
    let mut last = None;
    for i in 0..n {
        if has(i) {
            last = Some(i);
        }
        before.push(last);
    }
    let mut out = vec![None; n];
    let mut next = None;
    for i in (0..n).rev() {
        if has(i) {
            next = Some(i);
        }
        out[i] = match (before[i], next) {
            (Some(b), Some(a)) => Some(if i - b <= a - i { b } else { a }),
            (b, a) => b.or(a),
        };
    }
    out
}

/// What the panel says of an unsupported item, before why.
pub const NO_PASSAGE: &str = "No passage of the transcript bears on this.";

/// What the detail panel says of one reported item beside its text, put
/// into words once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportedDetail {
    /// Who the article credits and how much of the content is found:
    /// `credited to Sergei Lavrov · 73% of its content found · holds quote 2`.
    pub credit: String,
    /// Where the passage is (`source: transcript.txt line 19 · Sergey
    /// Lavrov`), or, for an unsupported item, why there is none.
    pub source: Result<String, String>,
    /// Each flag of the evidence in words (`negation: the article has
    /// “needs”, the source “do not need”`).
    pub flags: Vec<String>,
    /// The words the item and its passage share, quoted and joined.
    pub shared: Option<String>,
}

impl ReportedDetail {
    /// The panel's words for an item.
    #[must_use]
    pub fn of(r: &ReportedChecked, article: &Document, transcripts: &[Document]) -> Self {
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let doc = r.source.and_then(|p| transcripts.get(p.transcript));
        let mut credit = match &r.item.attributed_to {
            Some(name) => format!("credited to {}", flat(name)),
            None => "credited to nobody the article names".to_owned(),
        };
        if r.source.is_some() {
            let _ = write!(credit, " · {:.0}% of its content found", r.similarity * 100.0);
        }
        if !r.item.quotes.is_empty() {
            let numbers: Vec<String> = r.item.quotes.iter().map(|q| (q + 1).to_string()).collect();
            let noun = if numbers.len() == 1 { "quote" } else { "quotes" };
            let _ = write!(credit, " · holds {noun} {}", numbers.join(", "));
        }
        let source = match (r.source, doc) {
            (Some(p), Some(doc)) => {
                let mut place = format!("source: {} line {}", doc.name, doc.line_of(p.span.start));
                if let Some(speaker) = doc.speaker_at(p.span.start) {
                    let _ = write!(place, " · {speaker}");
                }
                if let Some(time) = doc.time_at(p.span.start) {
                    let _ = write!(place, " · {}", format_time(time));
                }
                Ok(place)
            }
            _ => Err(why_unsupported(r, article, transcripts)),
        };
        let flags = r
            .evidence
            .iter()
            .filter(|e| e.kind != EvidenceKind::Shared)
            .map(|e| describe_evidence(e, article, doc))
            .collect();
        let shared: Vec<String> = r
            .evidence
            .iter()
            .filter(|e| e.kind == EvidenceKind::Shared)
            .filter_map(|e| e.article.map(|s| format!("“{}”", flat(article.slice(s)))))
            .collect();
        let shared = (!shared.is_empty()).then(|| shared.join(", "));
        Self { credit, source, flags, shared }
    }

    /// Characters of each line the panel shows beside the item's text.
    pub fn line_lengths(&self) -> impl Iterator<Item = usize> + '_ {
        let source = match &self.source {
            Ok(place) => place.chars().count(),
            Err(why) => NO_PASSAGE.chars().count() + why.chars().count() + 3,
        };
        [self.credit.chars().count(), source]
            .into_iter()
            .chain(self.flags.iter().map(|f| f.chars().count() + 3))
            .chain(self.shared.iter().map(|s| s.chars().count() + 14))
    }
}

/// Why no passage bears on an item, as far as the screen can tell: the
/// article places the words on another occasion, credits someone the
/// transcripts give no turn to, or no passage holds enough of the content.
fn why_unsupported(r: &ReportedChecked, article: &Document, transcripts: &[Document]) -> String {
    if let Some(cue) = r.item.elsewhere {
        let cue = article.slice(cue).split_whitespace().collect::<Vec<_>>().join(" ");
        return format!("The article places these words on another occasion (“{cue}”).");
    }
    if let Some(name) = r.item.attributed_to.as_deref().filter(|name| absent(name, r.item.role, transcripts)) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        return format!("The transcript gives no turn to {name}.");
    }
    if r.similarity > 0.0 {
        format!("The closest passage holds {:.0}% of its content.", r.similarity * 100.0)
    } else {
        "None of its content words is in the transcript.".to_owned()
    }
}

/// True when the transcripts name their speakers and none of them is the
/// one credited: not by surname, and, for a role or a group (`People
/// close to Trump`), not by any word of it either.
fn absent(name: &str, role: bool, transcripts: &[Document]) -> bool {
    let mut speakers = transcripts.iter().flat_map(|t| t.speakers.iter()).peekable();
    if speakers.peek().is_none() {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_lowercase).collect()
    };
    let credited = words(name);
    !speakers.any(|s| same_speaker(name, s) || (role && words(s).iter().any(|w| credited.contains(w))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spans_that_meet_a_window() {
        let index = SpanIndex::new([
            (Span::new(0, 10), 0),
            (Span::new(2, 4), 1),
            (Span::new(5, 30), 2),
            (Span::new(12, 14), 3),
            (Span::new(40, 40), 4),
        ]);
        // (window, the items it meets)
        for (window, expected) in [
            (Span::new(11, 13), vec![2, 3]),
            (Span::new(0, 1), vec![0]),
            (Span::new(3, 6), vec![0, 1, 2]),
            (Span::new(10, 12), vec![2]),
            (Span::new(30, 50), vec![]),
            // An empty window is the byte at its start.
            (Span::new(13, 13), vec![2, 3]),
        ] {
            let met: Vec<usize> = index.meeting(window).map(|(_, i)| i).collect();
            assert_eq!(met, expected, "{window:?}");
        }
        // (offset, the items whose span holds it)
        for (offset, expected) in [(4, vec![0]), (5, vec![0, 2]), (12, vec![2, 3]), (40, vec![])] {
            assert_eq!(index.at(offset).collect::<Vec<_>>(), expected, "at {offset}");
        }
    }

    #[test]
    fn the_nearest_item_with_a_source() {
        let n = |has: &[bool]| nearest(has.len(), |i| has[i]);
        assert_eq!(n(&[false, true, false, false, true]), [Some(1), Some(1), Some(1), Some(4), Some(4)]);
        assert_eq!(n(&[true, false, true]), [Some(0), Some(0), Some(2)], "as near: the one before");
        assert_eq!(n(&[false, false]), [None, None]);
        assert_eq!(n(&[]), Vec::<Option<usize>>::new());
    }
}
