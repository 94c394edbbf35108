//! How categories, verdicts and differences look, in colour or (with
//! `NO_COLOR`) in bold, underline, italics, strike-through and reverse
//! video alone. A category or a verdict is never shown by colour alone:
//! its symbol goes with it. Quotes are underlined and reported speech is
//! in italics, so the two are told apart in monochrome too.

use ratatui::style::{Color, Modifier, Style};

use crate::align::{Category, Kind};
use crate::reported::Verdict;

/// The look of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// False for a monochrome screen.
    pub color: bool,
}

impl Theme {
    /// Colour unless the `NO_COLOR` convention says otherwise (a
    /// non-empty value).
    #[must_use]
    pub fn from_env(no_color: Option<&std::ffi::OsStr>) -> Self {
        Self { color: no_color.is_none_or(std::ffi::OsStr::is_empty) }
    }

    fn fg(self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    /// A category's colour (none in monochrome).
    #[must_use]
    pub fn category(self, category: Category) -> Style {
        self.fg(match category {
            Category::Verbatim => Color::Green,
            Category::Altered => Color::Yellow,
            Category::Paraphrase => Color::Magenta,
            Category::Unsupported => Color::Red,
        })
    }

    /// A quote or source highlighted in a pane.
    #[must_use]
    pub fn highlight(self, category: Category) -> Style {
        self.category(category).add_modifier(Modifier::UNDERLINED)
    }

    /// The selected quote and its source.
    #[must_use]
    pub fn current(self, category: Category) -> Style {
        self.category(category).add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A reported item's verdict colour (none in monochrome).
    #[must_use]
    pub fn verdict(self, verdict: Verdict) -> Style {
        self.fg(match verdict {
            Verdict::Supported => Color::Green,
            Verdict::Distorted => Color::Yellow,
            Verdict::Unsupported => Color::Red,
        })
    }

    /// A reported item in the article: in italics, never underlined as a
    /// quote is.
    #[must_use]
    pub fn reported(self, verdict: Verdict) -> Style {
        self.verdict(verdict).add_modifier(Modifier::ITALIC)
    }

    /// The selected reported item and its passage.
    #[must_use]
    pub fn reported_current(self, verdict: Verdict) -> Style {
        self.verdict(verdict).add_modifier(Modifier::ITALIC | Modifier::REVERSED | Modifier::BOLD)
    }

    /// The words of the selected reported item and its passage that a flag
    /// of its evidence points at (a lost negation, a changed number).
    #[must_use]
    pub fn flag(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A search hit.
    #[must_use]
    pub fn hit(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC)
        }
    }

    /// A difference's quote side in the detail panel.
    #[must_use]
    pub fn difference(self, kind: Kind) -> Style {
        let (color, modifier) = match kind {
            Kind::Elision => (Color::Cyan, Modifier::ITALIC),
            Kind::Insertion => (Color::Blue, Modifier::ITALIC | Modifier::UNDERLINED),
            Kind::Variant => (Color::Blue, Modifier::empty()),
            Kind::Disfluency => (Color::DarkGray, Modifier::ITALIC),
            Kind::Substitution => (Color::Yellow, Modifier::BOLD | Modifier::UNDERLINED),
            Kind::Omission => (Color::Red, Modifier::CROSSED_OUT),
            Kind::Addition => (Color::Green, Modifier::BOLD | Modifier::UNDERLINED),
        };
        self.fg(color).add_modifier(modifier)
    }

    /// Source words the quote replaced, in the detail panel.
    #[must_use]
    pub fn struck(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::CROSSED_OUT)
    }

    /// Asides: what an elision or variant stands for, the legend.
    #[must_use]
    pub fn aside(self) -> Style {
        if self.color { Style::new().fg(Color::DarkGray) } else { Style::new().add_modifier(Modifier::ITALIC) }
    }

    /// A pane's border: brighter when focused.
    #[must_use]
    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, true) => Style::new().fg(Color::DarkGray),
            (false, false) => Style::new(),
        }
    }

    /// Something gone wrong (the session not saved).
    #[must_use]
    pub fn alarm(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// A mark made on words the quote no longer has (its symbol goes with it).
    #[must_use]
    pub fn recheck(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::*;

    #[test]
    fn no_color_means_no_colour_but_every_style_still_differs() {
        let mono = Theme::from_env(Some(OsStr::new("1")));
        assert!(!mono.color);
        assert!(Theme::from_env(Some(OsStr::new(""))).color);
        assert!(Theme::from_env(None).color);
        for kind in Kind::ALL {
            assert_eq!(mono.difference(kind).fg, None);
        }
        let marked: Vec<Style> =
            [Kind::Substitution, Kind::Omission, Kind::Elision].map(|k| mono.difference(k)).to_vec();
        assert!(marked[0] != marked[1] && marked[1] != marked[2] && marked[0] != marked[2]);
    }

    #[test]
    fn reported_speech_never_looks_like_a_quote() {
        for theme in [Theme { color: true }, Theme { color: false }] {
            // (a reported item's look, a quote's look): italics for one,
            // never for the other; underlined only for quotes.
            let pairs = Verdict::ALL.into_iter().flat_map(|v| {
                Category::ALL.into_iter().flat_map(move |c| {
                    [(theme.reported(v), theme.highlight(c)), (theme.reported_current(v), theme.current(c))]
                })
            });
            for (reported, quote) in pairs {
                assert!(reported.add_modifier.contains(Modifier::ITALIC), "{reported:?}");
                assert!(!reported.add_modifier.contains(Modifier::UNDERLINED), "{reported:?}");
                assert!(!quote.add_modifier.contains(Modifier::ITALIC), "{quote:?}");
            }
            for verdict in Verdict::ALL {
                assert_eq!(theme.reported(verdict).fg.is_some(), theme.color, "colour only without NO_COLOR");
            }
        }
    }
}
