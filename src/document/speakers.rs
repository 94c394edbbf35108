//! Speaker turns in plain text, and when two names are one person.
//!
//! A line that opens with a speaker label starts a turn that lasts until
//! the next label. The labels transcripts use:
//!
//! ```text
//! Sergey Lavrov: I wouldn't say so.          a name and a colon
//! Q: Are you at war?   HOLT: Good evening.   roles, capitals
//! Jordan Baptiste  00:12:41                  a header line with a time
//! [00:12:41] Jordan: Well,                   a time, then a name
//! Donald Trump: (01:02:03) We will           a name, then a time
//! Senator MARKHAM. Thank you.                Congressional style
//! The CHAIRMAN. The hearing will come…
//! Q Thank you. Two questions.                briefing style
//! >> We are ready.                           a change of speaker
//! ```
//!
//! A standalone heading ending in a colon (`General Debate, session 76
//! (2021), LBY:`) ends the turn before it.

use super::Turn;
use super::captions::parse_time;
use crate::text::Span;

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
    "for",
    "to",
    "from",
    "re",
    "cc",
    "http",
    "https",
    "participants",
    "present",
    "also present",
    "attendees",
];

/// Lowercase words allowed inside a name (`Charles de Gaulle`).
const NAME_PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "bin", "al", "da", "del", "la", "le", "di", "du", "ibn", "el", "y", "of"];

/// Words that may stand before a surname in capitals in a Congressional
/// label (`Senator MARKHAM.`, `The CHAIRMAN.`).
const LABEL_TITLES: &[&str] = &[
    "The",
    "Senator",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "Representative",
    "Secretary",
    "General",
    "Admiral",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "Ambassador",
    "Commissioner",
    "Director",
    "Chairman",
    "Chairwoman",
    "Madam",
    "Mister",
    "Miss",
    "Sen.",
    "Rep.",
    "Gen.",
    "Adm.",
    "Gov.",
];

/// Roles a Congressional record names after `The` (`The CHAIRMAN.`).
const HOUSE_ROLES: &[&str] = &[
    "CHAIRMAN",
    "CHAIRWOMAN",
    "CHAIR",
    "PRESIDENT",
    "SPEAKER",
    "CLERK",
    "WITNESS",
    "MODERATOR",
    "REPORTER",
    "INTERPRETER",
    "COURT",
    "SECRETARY",
    "PRESIDING",
    "VICE",
];

/// Roles a label may name instead of a person (they are never a guest).
const QUESTIONERS: &[&str] = &[
    "q",
    "question",
    "questioner",
    "interviewer",
    "host",
    "moderator",
    "reporter",
    "journalist",
    "audience",
    "crosstalk",
];

/// Speaker turns and times found in a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    /// The turns (one without a speaker when there are no labels).
    pub turns: Vec<Turn>,
    /// The speakers' names, as written.
    pub speakers: Vec<String>,
    /// Times in milliseconds at text offsets, from timed labels.
    pub times: Vec<(usize, u64)>,
}

/// A label found at the start of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Label {
    /// The label's span in the line.
    span: Span,
    /// The speaker, or `None` for an unnamed change (`>>`).
    name: Option<String>,
    /// Where the spoken words start, in the line (or the next line).
    body: usize,
    /// The time the label gives, if any.
    time: Option<u64>,
    /// True when the words start on the next line (a header label).
    header: bool,
}

/// Finds the speaker turns of plain text. With fewer than `min_labels`
/// labels the text is one turn without a speaker: a lone `Moscow:` is a
/// dateline, not a conversation.
#[must_use]
pub fn labels(text: &str, min_labels: usize) -> Labels {
    let marks = marks(text);
    let count = marks.iter().filter(|m| matches!(m, Mark::Label { .. })).count();
    if count == 0 || count < min_labels {
        let whole = Turn { body: Span::new(0, text.len()), label: None, speaker: None, time: None };
        return Labels { turns: vec![whole], ..Labels::default() };
    }
    let mut out = Labels::default();
    let mut open: Option<Turn> = Some(Turn { body: Span::new(0, 0), label: None, speaker: None, time: None });
    for mark in marks {
        let (line, next) = match mark {
            Mark::Label { line, label } => {
                let speaker = label.name.map(|name| {
                    out.speakers.iter().position(|s| *s == name).unwrap_or_else(|| {
                        out.speakers.push(name);
                        out.speakers.len() - 1
                    })
                });
                let body = if label.header {
                    text[line..].find('\n').map_or(text.len(), |n| line + n + 1)
                } else {
                    line + label.body
                };
                if let Some(ms) = label.time {
                    out.times.push((body, ms));
                }
                let span = Span::new(line + label.span.start, line + label.span.end);
                (line, Turn { body: Span::new(body, body), label: Some(span), speaker, time: label.time })
            }
            Mark::Heading { line } => {
                (line, Turn { body: Span::new(line, line), label: None, speaker: None, time: None })
            }
        };
        if let Some(mut turn) = open.take() {
            turn.body.end = line.max(turn.body.start);
            if !text[turn.body.range()].trim().is_empty() {
                out.turns.push(turn);
            }
        }
        open = Some(next);
    }
    if let Some(mut turn) = open {
        turn.body.end = text.len().max(turn.body.start);
        if !text[turn.body.range()].trim().is_empty() {
            out.turns.push(turn);
        }
    }
    out
}

/// A line that opens a turn: with a speaker label, or a heading.
enum Mark {
    Label { line: usize, label: Label },
    Heading { line: usize },
}

/// The marks of every line of `text`, in order; a long text is read on
/// every core, each reading whole lines.
fn marks(text: &str) -> Vec<Mark> {
    let threads = crate::parallel::threads_for(text.len());
    let mut cuts = vec![0];
    for part in 1..threads {
        let want = (text.len() * part / threads).max(*cuts.last().expect("a cut"));
        let at = memchr::memchr(b'\n', &text.as_bytes()[want..]).map_or(text.len(), |n| want + n + 1);
        cuts.push(at);
    }
    cuts.push(text.len());
    let pieces = crate::parallel::map(threads, threads, |p| marks_in(text, cuts[p]..cuts[p + 1]), &mut |_| {});
    pieces.into_iter().flatten().collect()
}

/// The marks of the lines of `text[range]`, which starts a line.
fn marks_in(text: &str, range: std::ops::Range<usize>) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut line_start = range.start;
    for line in text[range].split_inclusive('\n') {
        if let Some(label) = label_at(line) {
            marks.push(Mark::Label { line: line_start, label });
        } else if is_heading(line) {
            marks.push(Mark::Heading { line: line_start });
        }
        line_start += line.len();
    }
    marks
}

/// A timestamp token at the start of `s` (`00:12:41`, `[00:12:41]`,
/// `(1:02)`): its length in bytes and its time.
fn leading_time(s: &str) -> Option<(usize, u64)> {
    let (open, close) = match s.chars().next()? {
        '[' => (1, ']'),
        '(' => (1, ')'),
        _ => (0, ' '),
    };
    // A time starts with a digit: most lines are turned away here, before
    // any search along them.
    if !s.as_bytes().get(open).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let inner_end = if open == 1 { s.find(close)? } else { s.find(char::is_whitespace).unwrap_or(s.len()) };
    let token = &s[open..inner_end];
    if !token.contains(':') || !token.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let ms = parse_time(token)?;
    Some((inner_end + usize::from(open == 1), ms))
}

fn skip_blanks(s: &str, at: usize) -> usize {
    at + (s[at..].len() - s[at..].trim_start_matches([' ', '\t']).len())
}

/// A speaker label at the start of a line.
fn label_at(line: &str) -> Option<Label> {
    let content = line.trim_end_matches(['\n', '\r']);
    let start = skip_blanks(content, 0);
    // `>> text` or `>> NAME: text`: a change of speaker.
    if content[start..].starts_with(">>") {
        let after = skip_blanks(content, start + 2);
        if let Some(mut named) = label_at(&content[after..]).filter(|l| !l.header) {
            named.span = Span::new(start, after + named.span.end);
            named.body += after;
            return Some(named);
        }
        return Some(Label { span: Span::new(start, start + 2), name: None, body: after, time: None, header: false });
    }
    // A time first: `[00:12:41] Name: text`.
    let (start, time) = match leading_time(&content[start..]) {
        Some((len, ms)) => (skip_blanks(content, start + len), Some(ms)),
        None => (start, None),
    };
    let rest = &content[start..];
    if let Some(label) = colon_label(content, start) {
        return Some(Label { time: label.time.or(time), ..label });
    }
    if let Some(label) = header_label(content, start) {
        return Some(label);
    }
    if let Some(label) = congressional_label(content, start) {
        return Some(Label { time, ..label });
    }
    // `Q Thank you.`: a question at a briefing.
    if rest.starts_with("Q ") && rest[2..].starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“') {
        return Some(Label {
            span: Span::new(start, start + 1),
            name: Some("Q".to_owned()),
            body: start + 2,
            time,
            header: false,
        });
    }
    None
}

/// `Name: text`, `Name: (01:02) text`, `Name:` alone on its line.
fn colon_label(content: &str, start: usize) -> Option<Label> {
    // A name is at most 48 bytes: look for its colon that far only.
    let window = &content.as_bytes()[start..content.len().min(start + 49)];
    let colon = start + memchr::memchr(b':', window)?;
    let after = &content[colon + 1..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let name = content[start..colon].trim();
    if !is_speaker_name(name) {
        return None;
    }
    let mut body = skip_blanks(content, colon + 1);
    let mut time = None;
    if let Some((len, ms)) = leading_time(&content[body..]) {
        time = Some(ms);
        body = skip_blanks(content, body + len);
        body += usize::from(content[body..].starts_with(':'));
        body = skip_blanks(content, body);
    }
    let header = content[body..].trim().is_empty();
    Some(Label { span: Span::new(start, colon + 1), name: Some(collapse(name)), body, time, header })
}

/// `Jordan Baptiste  00:12:41` or `Speaker 1 (00:03)` alone on a line:
/// the words follow on the next lines.
fn header_label(content: &str, start: usize) -> Option<Label> {
    let line = content[start..].trim_end();
    let cut = line.rfind(|c: char| c.is_whitespace())?;
    let (name, stamp) = (line[..cut].trim(), line[cut..].trim().trim_end_matches(':'));
    let (_, ms) = leading_time(stamp).filter(|(len, _)| *len == stamp.len())?;
    if !is_speaker_name(name) {
        return None;
    }
    Some(Label {
        span: Span::new(start, start + line.len()),
        name: Some(collapse(name)),
        body: content.len(),
        time: Some(ms),
        header: true,
    })
}

/// `Senator MARKHAM. Thank you.` or `The CHAIRMAN. The hearing…`.
fn congressional_label(content: &str, start: usize) -> Option<Label> {
    let rest = &content[start..];
    // A label opens with a title or with the surname in capitals: most
    // lines are turned away by their first word.
    let first = rest.split_whitespace().next()?;
    let surname_like =
        first.strip_suffix('.').unwrap_or(first).chars().all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’'));
    if !surname_like && !LABEL_TITLES.contains(&first) {
        return None;
    }
    // A label is at most three words (two titles and a surname), so its
    // dot comes before the fourth word's second byte: look that far only.
    let fourth = word_start(rest, 3).unwrap_or(rest.len());
    let reach = rest.len().min(fourth + 2);
    let dots = memchr::memmem::find_iter(&rest.as_bytes()[..reach], b". ");
    let ends = dots.chain(rest.strip_suffix('.').map(str::len).filter(|&dot| dot <= fourth));
    ends.take(3).find_map(|dot| congressional_at(content, start, dot))
}

/// Where the `n`th whitespace-separated word of `s` starts (from 0).
fn word_start(s: &str, n: usize) -> Option<usize> {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        let blank = c.is_whitespace();
        if !blank && !in_word {
            if words == n {
                return Some(i);
            }
            words += 1;
        }
        in_word = !blank;
    }
    None
}

/// A Congressional label ending with the dot at `start + dot`, if it is one.
fn congressional_at(content: &str, start: usize, dot: usize) -> Option<Label> {
    let rest = &content[start..];
    let words: Vec<&str> = rest[..dot].split_whitespace().collect();
    let (surname, titles) = words.split_last()?;
    let caps = surname.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && surname.chars().all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’'));
    if !caps || titles.len() > 2 || !titles.iter().all(|t| LABEL_TITLES.contains(t)) {
        return None;
    }
    // `The CHAIRMAN.` names a role; `The END.` does not.
    if titles == ["The"] && !HOUSE_ROLES.contains(surname) {
        return None;
    }
    let name = words.join(" ");
    let body = skip_blanks(content, start + dot + 1);
    Some(Label { span: Span::new(start, start + dot + 1), name: Some(name), body, time: None, header: false })
}

fn collapse(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for a name a transcript would put in a label: one to five words,
/// each capitalised, a number after a word (`Speaker 2`), or a particle
/// of a name.
pub(super) fn is_speaker_name(name: &str) -> bool {
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

/// Titles that stand before a surname without being it.
const NAME_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "jr",
    "sr",
    "minister",
    "president",
    "senator",
    "sen",
    "rep",
    "the",
    "representative",
    "secretary",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "madam",
    "mister",
    "miss",
    "general",
    "admiral",
    "judge",
    "justice",
    "ambassador",
    "commissioner",
    "director",
    "foreign",
];

/// The word a name is known by: its last word that is not a title, up to
/// case, accents and transliteration; for a bare role (`The CHAIRMAN`),
/// the role.
fn surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let person = words.iter().rev().find(|w| !NAME_TITLES.contains(&w.to_lowercase().as_str()));
    person.or(words.last()).map(|w| crate::text::canonical_word(w))
}

/// True when two names refer to the same person: their last names agree,
/// up to case, accents and transliteration (`Sergei Lavrov`, `Sergey
/// Lavrov`, `LAVROV`, `Mr. Lavrov`, `Senator LAVROV`).
#[must_use]
pub fn same_speaker(a: &str, b: &str) -> bool {
    matches!((surname(a), surname(b)), (Some(x), Some(y)) if x == y)
}

/// True for a label that names a role asking questions rather than a
/// person (`Q`, `Question`, `Interviewer`, `Moderator`).
#[must_use]
pub fn is_questioner(label: &str) -> bool {
    QUESTIONERS.contains(&label.trim().to_lowercase().as_str())
}

/// True for a label that names a role, not a person (`The CHAIRMAN`, `Q`).
#[must_use]
pub fn is_role(label: &str) -> bool {
    if is_questioner(label) {
        return true;
    }
    let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| NAME_TITLES.contains(&w.trim_end_matches('.')) || w == "speaker" || w.parse::<u32>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers_of(text: &str) -> Vec<(Option<String>, String)> {
        let found = labels(text, 2);
        found
            .turns
            .iter()
            .map(|t| (t.speaker.map(|i| found.speakers[i].clone()), text[t.body.range()].trim().to_owned()))
            .collect()
    }

    fn name_at(line: &str) -> Option<String> {
        label_at(line).and_then(|l| l.name)
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
            ("Jordan Baptiste  00:12:41\n", "Jordan Baptiste"),
            ("Speaker 1 (00:03)\n", "Speaker 1"),
            ("[00:12:41] Jordan: Well,\n", "Jordan"),
            ("00:12:41 Jordan: Well,\n", "Jordan"),
            ("Donald Trump: (01:02:03) We will win.\n", "Donald Trump"),
            ("Senator MARKHAM. Thank you, Mr. Chairman.\n", "Senator MARKHAM"),
            ("The CHAIRMAN. The hearing will come to order.\n", "The CHAIRMAN"),
            ("Ms. ADEYEMI. We have 3,000 fewer.\n", "Ms. ADEYEMI"),
            ("Q Thank you. Two questions.\n", "Q"),
            (">> LAVROV: We are ready.\n", "LAVROV"),
        ] {
            assert_eq!(name_at(line), Some(name.to_owned()), "{line:?}");
        }
        assert_eq!(label_at(">> We are ready.\n").map(|l| (l.name, l.body)), Some((None, 3)));
    }

    #[test]
    fn times_in_labels_become_turn_times() {
        let text = "Ros Mackie  00:00:04\nHello and welcome.\n\nDeclan Furlong  00:00:09\nThanks, Ros.\n";
        let found = labels(text, 2);
        assert_eq!(found.turns.iter().map(|t| t.time).collect::<Vec<_>>(), [Some(4000), Some(9000)]);
        assert_eq!(text[found.turns[1].body.range()].trim(), "Thanks, Ros.");
        let r = found.turns[0].label.expect("a label");
        assert_eq!(&text[r.range()], "Ros Mackie  00:00:04");
    }

    #[test]
    fn sentences_are_not_labels() {
        for line in [
            "The answer is simple: we win.\n",
            "At 10:30 we met.\n",
            "See https://example.com\n",
            "Note: this is a note.\n",
            "We said three things: peace, bread, land.\n",
            "A lot of people came.\n",
            "The END. Of the story.\n",
            "Thank you. And so on.\n",
            "In 2022 there were 4:30 of talks\n",
        ] {
            assert_eq!(label_at(line), None, "{line:?}");
        }
    }

    #[test]
    fn labels_are_found_at_the_start_of_long_lines_only() {
        let long = "word ".repeat(2_000);
        // A colon 48 bytes along may end a name; one 49 bytes along may not.
        let name = "Bartholomew Featherstonehaugh-Cholmondeley Sr.";
        assert_eq!(name.len() + " X".len(), 48);
        for (line, found) in [
            (format!("HOLT: {long}\n"), Some("HOLT")),
            (format!("{name} X: {long}\n"), Some("Bartholomew Featherstonehaugh-Cholmondeley Sr. X")),
            (format!("{name} XY: {long}\n"), None),
            (format!("Senator MARKHAM. {long}\n"), Some("Senator MARKHAM")),
            (format!("Mr. and Mrs. SMITH. {long}\n"), None),
            ("The CHAIRMAN.\n".to_owned(), Some("The CHAIRMAN")),
            (format!("{long} MARKHAM. Yes.\n"), None),
            (format!("{long}: a colon far along\n"), None),
            (format!("[{long}] Jordan: Well,\n"), None),
            (format!("[00:12:41] Jordan: {long}\n"), Some("Jordan")),
        ] {
            assert_eq!(name_at(&line).as_deref(), found, "{:?}", &line[..line.len().min(60)]);
        }
    }

    #[test]
    fn one_label_is_a_dateline_not_a_conversation() {
        let found = labels("MOSCOW: The minister spoke today.\n", 2);
        assert_eq!(found.turns.len(), 1);
        assert!(found.speakers.is_empty());
        assert_eq!(labels("MOSCOW: The minister spoke today.\n", 1).speakers, ["MOSCOW"]);
    }

    #[test]
    fn a_heading_ends_the_turn_before_it() {
        let text = "A: One.\n\nB: Two.\n\nGeneral Debate, session 76 (2021), LBY:\n\nThree.\n";
        let turns = speakers_of(text);
        let (speaker, words) = turns.last().expect("turns");
        assert_eq!(*speaker, None);
        assert!(words.ends_with("LBY:\n\nThree."), "{words:?}");
    }

    #[test]
    fn names_of_one_person() {
        for (a, b, same) in [
            ("Sergei Lavrov", "Sergey Lavrov", true),
            ("Lavrov", "LAVROV", true),
            ("Mr. Lavrov", "Sergey Lavrov", true),
            ("Ms Adeyemi", "Ms. ADEYEMI", true),
            ("Markham", "Senator MARKHAM", true),
            ("the chairman", "The CHAIRMAN", true),
            ("Lavrov", "Question", false),
            ("Tucker Carlson", "Sergey Lavrov", false),
        ] {
            assert_eq!(same_speaker(a, b), same, "{a} / {b}");
        }
    }

    #[test]
    fn roles_are_told_from_people() {
        for (label, role, questioner) in [
            ("Q", true, true),
            ("Question", true, true),
            ("MODERATOR", true, true),
            ("The CHAIRMAN", true, false),
            ("Speaker 2", true, false),
            ("Sergey Lavrov", false, false),
            ("Senator MARKHAM", false, false),
        ] {
            assert_eq!((is_role(label), is_questioner(label)), (role, questioner), "{label}");
        }
    }
}
