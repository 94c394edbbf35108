//! How faithful a quote is, from its differences.
//!
//! - **verbatim**: no unmarked difference (only elisions, insertions,
//!   variants and disfluencies) and at least one word in common;
//! - **altered**: unmarked differences, but the quote still closely follows
//!   the passage: at least [`ALTERED_MIN_SIMILARITY`] of the words in common
//!   and [`ALTERED_MIN_COVERAGE`] of the quote's weighted words found, and
//!   at least two words long (one word is either there or not);
//! - **paraphrase**: not close word for word, but a passage of about the
//!   quote's length shares enough of the quote's content words by stem,
//!   weighted by rarity (see [`paraphrase_bar`]). How much is enough
//!   depends on what the article says of the quote: credited to someone
//!   who speaks in the transcript, a passage of theirs sharing a quarter of
//!   the content suffices (reporters paraphrase the people they cover);
//!   credited to nobody in particular, half; credited to someone absent
//!   from the transcript, or placed by the article on another occasion
//!   (`in a statement`, `last week`), nothing makes it a paraphrase;
//! - **unsupported**: none of these.

use super::diff::Tally;

/// The least share of words in common for an altered quote.
pub const ALTERED_MIN_SIMILARITY: f64 = 0.6;

/// The least weighted share of the quote's words found for an altered quote.
pub const ALTERED_MIN_COVERAGE: f64 = 0.6;

/// The least rarity-weighted share of content stems for a paraphrase of a
/// speaker who is in the transcript.
pub const PARAPHRASE_MIN_SHARE_PRESENT: f64 = 0.25;

/// The least share when the article does not say who spoke.
pub const PARAPHRASE_MIN_SHARE_UNKNOWN: f64 = 0.5;

/// The fewest content stems a paraphrase shares with its passage.
pub const PARAPHRASE_MIN_SHARED: usize = 2;

/// How far the article's credit for a quote lets a passage of the
/// transcript stand for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// The article places the quote on another occasion.
    Elsewhere,
    /// The credited speaker never speaks in the transcript.
    Absent,
    /// Nobody, or a role, is credited; or the transcript names no
    /// speakers and does not mention the credited one.
    Unknown,
    /// The credited speaker speaks in (or is named by) the transcript.
    Present,
}

/// How faithful a quote is to the transcript.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// The same words as one passage, up to form and marked edits.
    Verbatim,
    /// Closely follows one passage, with unmarked changes.
    Altered,
    /// Says what a passage says in substantially different words.
    Paraphrase,
    /// No passage says it.
    Unsupported,
}

impl Category {
    /// Every category, from most to least faithful.
    pub const ALL: [Self; 4] = [Self::Verbatim, Self::Altered, Self::Paraphrase, Self::Unsupported];

    /// The name used in reports and on screen.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Verbatim => "verbatim",
            Self::Altered => "altered",
            Self::Paraphrase => "paraphrase",
            Self::Unsupported => "unsupported",
        }
    }

    /// The symbol that shows the category without colour.
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        match self {
            Self::Verbatim => "✓",
            Self::Altered => "≈",
            Self::Paraphrase => "~",
            Self::Unsupported => "✗",
        }
    }

    /// The category with this report name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name.trim().to_lowercase())
    }
}

/// The category a word alignment earns on its own: verbatim, altered, or
/// `None` when it is not close enough to be either.
#[must_use]
pub fn judge(tally: &Tally) -> Option<Category> {
    if tally.matched_quote <= 0.0 {
        None
    } else if tally.unmarked == 0 {
        Some(Category::Verbatim)
    } else if tally.quote_terms >= 2.0
        && tally.similarity() >= ALTERED_MIN_SIMILARITY
        && tally.coverage() >= ALTERED_MIN_COVERAGE
    {
        Some(Category::Altered)
    } else {
        None
    }
}

/// The least share of content a paraphrase needs, given where the quote
/// stands with the transcript; `None` when it cannot be a paraphrase.
#[must_use]
pub fn paraphrase_bar(standing: Standing) -> Option<f64> {
    match standing {
        Standing::Present => Some(PARAPHRASE_MIN_SHARE_PRESENT),
        Standing::Unknown => Some(PARAPHRASE_MIN_SHARE_UNKNOWN),
        Standing::Absent | Standing::Elsewhere => None,
    }
}

/// True when a passage sharing `shared` content stems, worth `share` of
/// the quote's content by rarity, makes the quote a paraphrase of it.
#[must_use]
pub fn is_paraphrase(share: f64, shared: usize, bar: f64) -> bool {
    share >= bar && shared >= PARAPHRASE_MIN_SHARED
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(quote: f64, source: f64, matched: f64, unmarked: usize) -> Tally {
        Tally {
            matched_quote: matched,
            matched_source: matched,
            quote_terms: quote,
            source_terms: source,
            matched_weight: matched,
            quote_weight: quote,
            unmarked,
            unmarked_terms: unmarked,
        }
    }

    #[test]
    fn categories_from_tallies() {
        // (quote terms, source terms, paired, unmarked differences) → category
        for (t, expected) in [
            (tally(9.0, 9.0, 9.0, 0), Some(Category::Verbatim)),
            (tally(1.0, 1.0, 1.0, 0), Some(Category::Verbatim)),
            (tally(35.0, 35.0, 34.0, 1), Some(Category::Altered)),
            (tally(2.0, 2.0, 1.75, 1), Some(Category::Altered)),
            (tally(10.0, 10.0, 5.0, 3), None),
            (tally(2.0, 2.0, 1.0, 1), None),
            (tally(1.0, 1.0, 0.75, 1), None),
            (tally(4.0, 4.0, 0.0, 1), None),
        ] {
            assert_eq!(judge(&t), expected, "{t:?}");
        }
    }

    #[test]
    fn names_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_name(c.name()), Some(c));
        }
        assert_eq!(Category::from_name("Verbatim "), Some(Category::Verbatim));
        assert_eq!(Category::from_name("exact"), None);
    }
}
