//! Speaker turns in plain text: a line that opens with a speaker label
//! (`Sergey Lavrov:`, `Q:`, `MR. SMITH:`) starts a turn that lasts until
//! the next label.

use crate::text::Span;

/// A stretch of a transcript spoken by one speaker (or by no known one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// The spoken words, after the label.
    pub body: Span,
    /// The label that names the speaker, if any.
    pub label: Option<Span>,
    /// The speaker, as an index into the document's speakers.
    pub speaker: Option<usize>,
    /// When the turn starts, in milliseconds, for timed transcripts.
    pub time: Option<u64>,
}

/// Words that open a line like a label but name no speaker.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "update",
    "source",
    "sources",
    "transcript",
    "related",
    "photo",
    "summary",
    "background",
    "correction",
    "warning",
    "disclaimer",
    "date",
    "time",
    "location",
    "subject",
    "title",
    "topic",
    "keywords",
    "tags",
    "posted",
    "editor's note",
    "read more",
    "see also",
    "watch",
    "listen",
    "video",
    "audio",
    "credit",
    "credits",
    "by",
];

/// Lowercase words allowed inside a name (`Charles de Gaulle`).
const NAME_PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "bin", "al", "da", "del", "la", "le", "di", "du", "ibn", "el", "y", "of"];

/// Titles that may stand before or after a name without being it.
const NAME_TITLES: &[&str] =
    &["mr", "mrs", "ms", "dr", "prof", "sir", "jr", "sr", "minister", "president", "senator", "sen", "rep"];

/// True when two names refer to the same person: their last names agree,
/// up to case, accents and transliteration (`Sergei Lavrov`, `Sergey
/// Lavrov`, `LAVROV`, `Mr. Lavrov`).
#[must_use]
pub fn same_speaker(a: &str, b: &str) -> bool {
    fn surname(name: &str) -> Option<String> {
        name.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .rfind(|w| !w.is_empty() && !NAME_TITLES.contains(&w.to_lowercase().as_str()))
            .map(crate::text::canonical_word)
    }
    matches!((surname(a), surname(b)), (Some(x), Some(y)) if x == y)
}

/// Finds the speaker turns of plain text. With fewer than two label lines
/// the text is one turn without a speaker: a lone `Moscow:` is a dateline,
/// not a conversation.
#[must_use]
pub fn plain_turns(text: &str) -> (Vec<Turn>, Vec<String>) {
    enum Mark {
        Label { line: usize, label: Span, body: usize, name: String },
        Heading { line: usize },
    }
    let mut marks = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some((label, name, body)) = label_at(line) {
            marks.push(Mark::Label {
                line: line_start,
                label: Span::new(line_start + label.start, line_start + label.end),
                body: line_start + body,
                name,
            });
        } else if is_heading(line) {
            marks.push(Mark::Heading { line: line_start });
        }
        line_start += line.len();
    }
    let labels = marks.iter().filter(|m| matches!(m, Mark::Label { .. })).count();
    let whole = || vec![Turn { body: Span::new(0, text.len()), label: None, speaker: None, time: None }];
    if labels < 2 {
        return (whole(), Vec::new());
    }
    let mut speakers: Vec<String> = Vec::new();
    let mut turns = Vec::new();
    let mut open: Option<Turn> = Some(Turn { body: Span::new(0, 0), label: None, speaker: None, time: None });
    for mark in marks {
        let (line, next) = match mark {
            Mark::Label { line, label, body, name } => {
                let index = speakers.iter().position(|s| *s == name).unwrap_or_else(|| {
                    speakers.push(name);
                    speakers.len() - 1
                });
                (line, Turn { body: Span::new(body, body), label: Some(label), speaker: Some(index), time: None })
            }
            Mark::Heading { line } => {
                (line, Turn { body: Span::new(line, line), label: None, speaker: None, time: None })
            }
        };
        if let Some(mut turn) = open.take() {
            turn.body.end = line.max(turn.body.start);
            if !text[turn.body.range()].trim().is_empty() {
                turns.push(turn);
            }
        }
        open = Some(next);
    }
    if let Some(mut turn) = open {
        turn.body.end = text.len();
        if !text[turn.body.range()].trim().is_empty() {
            turns.push(turn);
        }
    }
    (turns, speakers)
}

/// A speaker label at the start of a line: its span, the name, and where
/// the spoken words start (all relative to the line).
fn label_at(line: &str) -> Option<(Span, String, usize)> {
    let start = line.len() - line.trim_start().len();
    let colon = start + line[start..].find(':')?;
    if colon - start > 48 {
        return None;
    }
    let after = &line[colon + 1..];
    if !(after.is_empty() || after.starts_with([' ', '\t', '\r', '\n'])) {
        return None;
    }
    let name = line[start..colon].trim();
    if !is_speaker_name(name) {
        return None;
    }
    let body = colon + 1 + (after.len() - after.trim_start_matches([' ', '\t']).len());
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    Some((Span::new(start, colon + 1), name, body))
}

/// True for a name a transcript would put before a colon: one to five
/// words, each capitalised, a number after a word (`Speaker 2`), or a
/// particle of a name.
fn is_speaker_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || NOT_SPEAKERS.contains(&name.to_lowercase().as_str()) {
        return false;
    }
    words.iter().enumerate().all(|(i, word)| {
        let first = word.chars().next().expect("non-empty word");
        let letters_ok = word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        (first.is_uppercase() && letters_ok)
            || (i > 0 && word.chars().all(|c| c.is_ascii_digit()))
            || (i > 0 && NAME_PARTICLES.contains(word))
    })
}

/// True for a standalone heading line ending in a colon (`General Debate,
/// session 76 (2021), LBY:`): it ends the turn before it.
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    let Some(head) = line.strip_suffix(':') else { return false };
    if head.is_empty() || head.len() > 120 {
        return false;
    }
    let has_year = head.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    let words: Vec<&str> = head.split_whitespace().collect();
    let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    has_year || capitalised * 2 > words.len() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers_of(text: &str) -> Vec<(Option<String>, String)> {
        let (turns, speakers) = plain_turns(text);
        turns.iter().map(|t| (t.speaker.map(|i| speakers[i].clone()), text[t.body.range()].trim().to_owned())).collect()
    }

    #[test]
    fn labels_open_turns_until_the_next_label() {
        let text = "Interview, Moscow\n\nQuestion: Are you at war?\n\nSergey Lavrov: I wouldn't say so.\n\nWe want peace.\n\nQuestion: Why?\n";
        assert_eq!(
            speakers_of(text),
            [
                (None, "Interview, Moscow".to_owned()),
                (Some("Question".to_owned()), "Are you at war?".to_owned()),
                (Some("Sergey Lavrov".to_owned()), "I wouldn't say so.\n\nWe want peace.".to_owned()),
                (Some("Question".to_owned()), "Why?".to_owned()),
            ]
        );
    }

    #[test]
    fn label_styles() {
        for (line, name) in [
            ("HOLT: Good evening.\n", "HOLT"),
            ("Q: What now?\n", "Q"),
            ("MR. SMITH: Thank you.\n", "MR. SMITH"),
            ("Speaker 2: Yes.\n", "Speaker 2"),
            ("Charles de Gaulle: Non.\n", "Charles de Gaulle"),
            ("Lavrov:\n", "Lavrov"),
        ] {
            assert_eq!(label_at(line).map(|l| l.1), Some(name.to_owned()), "{line:?}");
        }
    }

    #[test]
    fn sentences_with_colons_are_not_labels() {
        for line in [
            "The answer is simple: we win.\n",
            "At 10:30 we met.\n",
            "See https://example.com\n",
            "Note: this is a note.\n",
            "We said three things: peace, bread, land.\n",
        ] {
            assert_eq!(label_at(line), None, "{line:?}");
        }
    }

    #[test]
    fn names_of_one_person() {
        for (a, b, same) in [
            ("Sergei Lavrov", "Sergey Lavrov", true),
            ("Lavrov", "LAVROV", true),
            ("Mr. Lavrov", "Sergey Lavrov", true),
            ("Lavrov", "Question", false),
            ("Tucker Carlson", "Sergey Lavrov", false),
        ] {
            assert_eq!(same_speaker(a, b), same, "{a} / {b}");
        }
    }

    #[test]
    fn one_label_is_a_dateline_not_a_conversation() {
        let (turns, speakers) = plain_turns("MOSCOW: The minister spoke today.\n");
        assert_eq!(turns.len(), 1);
        assert!(speakers.is_empty());
    }

    #[test]
    fn a_heading_ends_the_turn_before_it() {
        let text = "A: One.\n\nB: Two.\n\nGeneral Debate, session 76 (2021), LBY:\n\nThree.\n";
        let turns = speakers_of(text);
        let (speaker, words) = turns.last().expect("turns");
        assert_eq!(*speaker, None);
        assert!(words.ends_with("LBY:\n\nThree."), "{words:?}");
    }
}
