//! Reported speech: what an article says someone said without quoting
//! them wholly, checked against the transcript like a quote.
//!
//! [`extract`] finds the items (the content of a speech verb that is not
//! wholly quoted, headlines included); [`Search::check`](support) aligns
//! each with the passage of the credited speaker that bears on it and
//! gives a [`Verdict`] with its [`Evidence`]: the content words the two
//! share, and each flag that moved it ([`flags`]: a negation, a number, a
//! hedge, a scope, a speaker).

mod extract;
mod flags;
pub(crate) mod support;

use crate::text::Span;

pub use extract::{Reported, extract};

/// How well the transcript bears out a reported item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// A passage of the credited speaker says it, in the same or other
    /// words.
    Supported,
    /// A passage is on exactly this point, but the report changes it.
    Distorted,
    /// No passage of the transcript bears on it.
    Unsupported,
}

impl Verdict {
    /// Every verdict, from the best to the worst.
    pub const ALL: [Self; 3] = [Self::Supported, Self::Distorted, Self::Unsupported];

    /// The name used in reports and on screen.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Supported => "supported",
            Self::Distorted => "distorted",
            Self::Unsupported => "unsupported",
        }
    }

    /// The symbol shown beside the name, so that nothing hangs on colour.
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::Supported => "✓",
            Self::Distorted => "≠",
            Self::Unsupported => "✗",
        }
    }

    /// The verdict of a name, if it is one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// What kind of evidence moved a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvidenceKind {
    /// A content word (or phrase) the item and its passage share.
    Shared,
    /// A negation lost or added.
    Negation,
    /// A number changed.
    Number,
    /// A hedge or a condition dropped: the claim made certain.
    Hedge,
    /// A scope widened (`some` → `all`, an `only` dropped).
    Scope,
    /// The words belong to another speaker than the one credited.
    Speaker,
}

impl EvidenceKind {
    /// The name used in reports.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Shared => "shared",
            Self::Negation => "negation",
            Self::Number => "number",
            Self::Hedge => "hedge",
            Self::Scope => "scope",
            Self::Speaker => "speaker",
        }
    }
}

/// One piece of evidence: the article's words and the source's it
/// compares (either may be missing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// What it shows.
    pub kind: EvidenceKind,
    /// The article's words, as a span of the article's text.
    pub article: Option<Span>,
    /// The source's words, as a span of the transcript's text.
    pub source: Option<Span>,
}

/// The passage of a transcript that bears on a reported item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Index of the transcript.
    pub transcript: usize,
    /// The passage, whole sentences, in transcript text.
    pub span: Span,
    /// First and last token (inclusive), in transcript tokens.
    pub tokens: (usize, usize),
}

/// One reported item, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportedChecked {
    /// The item as found in the article.
    pub item: Reported,
    /// The verdict the engine proposes.
    pub verdict: Verdict,
    /// Share of the item's content weight its passage holds (or the best
    /// passage's, for an unsupported item).
    pub similarity: f64,
    /// The passage that bears on it, unless unsupported.
    pub source: Option<Passage>,
    /// The shared words and the flags, in article order (flags last).
    pub evidence: Vec<Evidence>,
}

#[cfg(test)]
pub(crate) mod tests;
