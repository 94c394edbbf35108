//! Who the article credits with a quote.
//!
//! The narrative around the quotes is scanned for attribution clauses: a
//! speech verb with its subject (`Lavrov said`, `said Lavrov`, `he told
//! Carlson`, `according to Lavrov`). A quote takes the clause nearest to it
//! in its own sentence; a quote that follows another in the same paragraph
//! shares its speaker; a quote that opens a paragraph without a clause
//! continues the last speaker. `he` and `she` stand for the last named
//! speaker, and a surname for the fullest form of the name the article uses
//! (`Lavrov` → `Sergei Lavrov`).
//!
//! ```text
//! "X," Lavrov said.                     → Sergei Lavrov
//! Trump, Lavrov said, was "a person"    → Sergei Lavrov (not Trump)
//! Russia, he said, would send "more"    → the last named speaker
//! ```

use super::Found;
use crate::text::Span;

/// Verbs that report speech, in the forms articles use.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "urged",
    "urges",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "asked",
    "asks",
    "stated",
    "states",
    "declared",
    "declares",
    "noted",
    "notes",
    "explained",
    "explains",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "posted",
    "replied",
    "replies",
    "answered",
    "answers",
    "responded",
    "responds",
    "claimed",
    "claims",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "suggested",
    "suggests",
    "continued",
    "continues",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "promised",
    "promises",
    "vowed",
    "vows",
    "announced",
    "announces",
    "conceded",
    "concedes",
    "complained",
    "complains",
    "countered",
    "counters",
    "remarked",
    "remarks",
    "observed",
    "observes",
    "recalled",
    "recalls",
    "described",
    "describes",
    "called",
    "calls",
    "dubbed",
    "accused",
    "accuses",
    "predicted",
    "predicts",
    "pledged",
    "pledges",
    "boasted",
    "boasts",
    "joked",
    "jokes",
    "quipped",
    "quips",
    "cautioned",
    "cautions",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "repeated",
    "repeats",
    "reiterated",
    "reiterates",
    "alleged",
    "alleges",
    "mused",
    "shouted",
    "yelled",
    "testified",
    "testifies",
    "spoke",
    "threatened",
    "threatens",
    "assured",
    "assures",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "demanded",
    "demands",
    "proclaimed",
    "signalled",
    "signaled",
    "hinted",
    "hints",
    "insisting",
    "warning",
    "arguing",
    "noting",
    "explaining",
    "stressing",
    "recalling",
];

/// Verbs that may come before their subject (`said Lavrov`).
const INVERTIBLE: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "continued",
    "explained",
    "insisted",
    "noted",
    "stressed",
    "replied",
    "answered",
    "recalled",
    "argued",
    "warned",
    "declared",
    "tweeted",
    "joked",
    "quipped",
    "countered",
];

/// Words between a subject and its verb (`Lavrov also said`, `he has said`).
const AUXILIARIES: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "was",
    "is",
    "would",
    "will",
    "once",
    "again",
    "previously",
    "earlier",
    "further",
    "long",
    "often",
    "recently",
    "has",
    "had",
    "repeatedly",
    "reportedly",
    "never",
    "already",
    "once",
    "even",
    "publicly",
    "privately",
    "simply",
    "just",
    "bluntly",
    "flatly",
    "firmly",
    "finally",
];

/// Capitalised words that precede names without being part of them.
const TITLES: &[&str] = &[
    "president",
    "president-elect",
    "vice",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "secretary-general",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "general",
    "gen",
    "chancellor",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "judge",
    "justice",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "professor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sir",
    "lord",
    "lady",
    "deputy",
    "mayor",
    "commissioner",
    "admiral",
    "adm",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "sheikh",
    "leader",
    "attorney",
    "speaker",
    "congressman",
    "congresswoman",
    "councillor",
    "councilman",
    "councilwoman",
    "officer",
    "detective",
    "inspector",
    "coach",
    "father",
    "rev",
    "reverend",
    "rabbi",
    "imam",
    "bishop",
    "archbishop",
    "cardinal",
    "pastor",
    "premier",
    "emir",
    "crown",
    "commander",
    "marshal",
    "major",
    "maj",
    "envoy",
    "special",
    "senior",
    "former",
    "acting",
    "interim",
    "press",
    "supreme",
    "state",
    "defence",
    "defense",
    "finance",
    "interior",
    "health",
    "justice",
    "economy",
    "trade",
    "executive",
    "ceo",
    "founder",
    "chairperson",
    "head",
    "first",
    "dame",
];

/// Words that open sentences in capitals but never start a name.
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "then",
    "when",
    "while",
    "after",
    "before",
    "as",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "without",
    "to",
    "of",
    "if",
    "though",
    "although",
    "because",
    "since",
    "however",
    "still",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "there",
    "here",
    "what",
    "which",
    "who",
    "speaking",
    "asked",
    "meanwhile",
    "also",
    "instead",
    "now",
    "today",
    "yesterday",
    "on",
    "last",
    "next",
    "some",
    "many",
    "most",
    "all",
    "one",
    "both",
];

#[derive(Clone, Debug, PartialEq)]
enum Subject {
    Name(String),
    Pronoun,
}

/// A speech verb with its subject, at the verb's offset.
#[derive(Clone, Debug)]
struct Clause {
    at: usize,
    subject: Subject,
}

/// A word of narrative text, and whether punctuation separates it from
/// the word before.
#[derive(Clone, Copy, Debug)]
struct NWord<'a> {
    text: &'a str,
    at: usize,
    broken_before: bool,
}

/// The speaker of each quote (`found` is sorted and non-overlapping).
pub(super) fn attribute(text: &str, paragraphs: &[Span], found: &[Found]) -> Vec<Option<String>> {
    let clauses = narrative_clauses(text, paragraphs, found);
    let resolve = |clause: &Clause| -> Option<String> {
        match &clause.subject {
            Subject::Name(name) => Some(name.clone()),
            Subject::Pronoun => clauses.iter().rev().filter(|c| c.at < clause.at).find_map(|c| match &c.subject {
                Subject::Name(name) => Some(name.clone()),
                Subject::Pronoun => None,
            }),
        }
    };
    let mut names: Vec<Option<String>> = Vec::with_capacity(found.len());
    for (i, quote) in found.iter().enumerate() {
        let para =
            paragraphs.iter().find(|p| p.start <= quote.marked.start && quote.marked.start < p.end.max(p.start + 1));
        let para = para.copied().unwrap_or(quote.marked);
        let prev_close =
            i.checked_sub(1).map(|j| found[j].marked.end).filter(|&e| e > para.start).unwrap_or(para.start);
        let next_open = found.get(i + 1).map(|f| f.marked.start).filter(|&s| s < para.end).unwrap_or(para.end);
        let before = Span::new(sentence_start(text, prev_close, quote.marked.start), quote.marked.start);
        let after = Span::new(quote.marked.end, sentence_end(text, quote.marked.end, next_open.max(quote.marked.end)));
        let last_before = clauses.iter().rev().find(|c| before.contains(c.at));
        let first_after = clauses.iter().find(|c| after.contains(c.at));
        let own = match (last_before, first_after) {
            (Some(b), Some(a)) => Some(if a.at - quote.marked.end <= quote.marked.start - b.at { a } else { b }),
            (b, a) => a.or(b),
        };
        let name = if let Some(clause) = own {
            resolve(clause)
        } else if i > 0 && found[i - 1].marked.end > para.start && found[i - 1].marked.end <= quote.marked.start {
            // `"X," he said, adding: "Y"` — a later quote of the same paragraph.
            names[i - 1].clone()
        } else if quote.marked.start == para.start {
            // A paragraph that opens with a quote continues the last speaker.
            resolve(&Clause { at: quote.marked.start, subject: Subject::Pronoun })
        } else {
            None
        };
        names.push(name);
    }
    let fullest = fullest_names(&clauses);
    names.into_iter().map(|n| n.map(|n| fullest_form(&fullest, n))).collect()
}

/// Every attribution clause in the narrative (the text outside quotes).
fn narrative_clauses(text: &str, paragraphs: &[Span], found: &[Found]) -> Vec<Clause> {
    let mut clauses = Vec::new();
    for para in paragraphs {
        let mut pieces = Vec::new();
        let mut at = para.start;
        for f in found.iter().filter(|f| f.marked.start < para.end && f.marked.end > para.start) {
            if f.marked.start > at {
                pieces.push(Span::new(at, f.marked.start));
            }
            at = at.max(f.marked.end);
        }
        if at < para.end {
            pieces.push(Span::new(at, para.end));
        }
        for piece in pieces {
            clauses.extend(clauses_in(text, piece));
        }
    }
    clauses
}

fn words(text: &str, span: Span) -> Vec<NWord<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut broken = true;
    let piece = &text[span.range()];
    for (i, c) in piece.char_indices().chain(std::iter::once((piece.len(), ' '))) {
        let at = span.start + i;
        let wordy = c.is_alphanumeric() || (start.is_some() && matches!(c, '.' | '\'' | '’' | '-'));
        match (start, wordy) {
            (None, true) => start = Some(at),
            (Some(s), false) => {
                let raw = &text[s..at];
                let trimmed = raw.trim_end_matches(['.', '\'', '’', '-']);
                // A trailing dot ends a sentence unless the word is an abbreviation.
                let keep_dot = raw.ends_with('.') && (trimmed.len() <= 3 || trimmed.contains('.'));
                let word = if keep_dot { raw } else { trimmed };
                out.push(NWord { text: word, at: s, broken_before: broken });
                broken = word.len() < raw.len() && raw[word.len()..].contains('.');
                start = None;
                if !c.is_whitespace() {
                    broken = true;
                }
            }
            (None, false) => {
                if !c.is_whitespace() {
                    broken = true;
                }
            }
            (Some(_), true) => {}
        }
    }
    out
}

fn lower(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_title(word: &str) -> bool {
    TITLES.contains(&lower(word).as_str())
}

fn name_word(word: &str) -> bool {
    is_capitalised(word) && !is_title(word) && !NOT_NAMES.contains(&lower(word).as_str())
}

fn clauses_in(text: &str, span: Span) -> Vec<Clause> {
    let ws = words(text, span);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let verb = lower(w.text);
        if verb == "according" && ws.get(i + 1).is_some_and(|n| n.text == "to" && !n.broken_before) {
            if let Some(name) = name_after(&ws, i + 2) {
                out.push(Clause { at: w.at, subject: Subject::Name(name) });
            }
            continue;
        }
        if !SPEECH_VERBS.contains(&verb.as_str()) {
            continue;
        }
        if let Some(subject) = subject_before(&ws, i) {
            out.push(Clause { at: w.at, subject });
        } else if INVERTIBLE.contains(&verb.as_str()) && ws.get(i + 1).is_some_and(|n| !n.broken_before) {
            if let Some(name) = name_after(&ws, i + 1) {
                out.push(Clause { at: w.at, subject: Subject::Name(name) });
            } else if ws.get(i + 1).is_some_and(|n| matches!(lower(n.text).as_str(), "he" | "she")) {
                out.push(Clause { at: w.at, subject: Subject::Pronoun });
            }
        }
    }
    out
}

/// The subject before the verb at `verb`: a pronoun or a run of name words.
fn subject_before(ws: &[NWord<'_>], verb: usize) -> Option<Subject> {
    let mut j = verb;
    let mut skipped = 0;
    while j > 0 && !ws[j].broken_before && skipped < 3 && AUXILIARIES.contains(&lower(ws[j - 1].text).as_str()) {
        j -= 1;
        skipped += 1;
    }
    if j == 0 || ws[j].broken_before {
        return None;
    }
    let nearest = ws[j - 1].text;
    if matches!(lower(nearest).as_str(), "he" | "she") {
        return Some(Subject::Pronoun);
    }
    let mut run = Vec::new();
    let mut k = j;
    while k > 0 && run.len() < 4 && name_word(ws[k - 1].text) && (k == j || !ws[k].broken_before) {
        run.push(ws[k - 1].text);
        k -= 1;
    }
    if run.is_empty() {
        return None;
    }
    run.reverse();
    Some(Subject::Name(clean_name(&run)))
}

/// A name starting at `from`, after any titles (`said Foreign Minister
/// Sergei Lavrov`).
fn name_after(ws: &[NWord<'_>], from: usize) -> Option<String> {
    let mut k = from;
    while k < ws.len() && (is_title(ws[k].text) || lower(ws[k].text) == "the") && (k == from || !ws[k].broken_before) {
        k += 1;
    }
    let mut run = Vec::new();
    while k < ws.len() && run.len() < 4 && name_word(ws[k].text) && (run.is_empty() || !ws[k].broken_before) {
        run.push(ws[k].text);
        k += 1;
    }
    (!run.is_empty()).then(|| clean_name(&run))
}

fn clean_name(run: &[&str]) -> String {
    run.iter()
        .map(|w| w.trim_end_matches(['\'', '’']).trim_end_matches("'s").trim_end_matches("’s"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn fullest_names(clauses: &[Clause]) -> Vec<String> {
    clauses
        .iter()
        .filter_map(|c| match &c.subject {
            Subject::Name(n) => Some(n.clone()),
            Subject::Pronoun => None,
        })
        .collect()
}

/// The longest name among `names` that ends with the same word as `name`.
fn fullest_form(names: &[String], name: String) -> String {
    let last = |n: &str| n.split_whitespace().last().map(str::to_lowercase);
    names
        .iter()
        .filter(|n| last(n) == last(&name) && n.split_whitespace().count() > name.split_whitespace().count())
        .max_by_key(|n| n.split_whitespace().count())
        .cloned()
        .unwrap_or(name)
}

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "rev",
    "hon", "mt", "no", "inc", "corp", "ltd", "co", "vs", "etc", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    "adm", "maj", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// True when a `.`, `!` or `?` at `at` ends a sentence.
fn ends_sentence(text: &str, at: usize) -> bool {
    let c = text[at..].chars().next();
    if !matches!(c, Some('.' | '!' | '?')) {
        return false;
    }
    let rest = &text[at + 1..];
    let rest = rest.trim_start_matches(['"', '”', '’', '\'', ')']);
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return false;
    }
    if c == Some('.') {
        let word: String = text[..at].chars().rev().take_while(|c| c.is_alphanumeric() || *c == '.').collect();
        let word: String = word.chars().rev().collect::<String>().to_lowercase();
        if word.chars().count() == 1 || ABBREVIATIONS.contains(&word.as_str()) || word.contains('.') {
            return false;
        }
    }
    true
}

/// Where the sentence holding `at` starts, no earlier than `floor`.
fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .find(|&(i, _)| ends_sentence(text, floor + i))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8())
}

/// Where the sentence holding `at` ends, no later than `ceiling`.
fn sentence_end(text: &str, at: usize, ceiling: usize) -> usize {
    text[at..ceiling].char_indices().find(|&(i, _)| ends_sentence(text, at + i)).map_or(ceiling, |(i, _)| at + i + 1)
}

#[cfg(test)]
mod tests {
    use crate::quote::extract;

    /// The speaker credited for each quote of `article`.
    fn credited(article: &str) -> Vec<(String, Option<String>)> {
        extract(article).into_iter().map(|q| (article[q.span.range()].to_owned(), q.attributed_to)).collect()
    }

    fn who(article: &str) -> Vec<Option<String>> {
        credited(article).into_iter().map(|(_, n)| n).collect()
    }

    #[expect(clippy::unnecessary_wraps, reason = "reads like the expected value it builds")]
    fn some(name: &str) -> Option<String> {
        Some(name.to_owned())
    }

    #[test]
    fn verb_after_the_quote() {
        assert_eq!(who(r#""We are ready," Lavrov said."#), [some("Lavrov")]);
        assert_eq!(who(r#""We are ready," said Foreign Minister Sergei Lavrov."#), [some("Sergei Lavrov")]);
        assert_eq!(who(r#""We are ready," the minister said."#), [None]);
    }

    #[test]
    fn verb_before_the_quote() {
        assert_eq!(who(r#"Lavrov said: "We are ready.""#), [some("Lavrov")]);
        assert_eq!(who(r#"But Lavrov also said Russia was "ready to talk"."#), [some("Lavrov")]);
        assert_eq!(who(r#"Trump, Lavrov said, was "a very strong person"."#), [some("Lavrov")]);
        assert_eq!(who(r#"According to Lavrov, the West "does not listen"."#), [some("Lavrov")]);
    }

    #[test]
    fn titles_are_not_names_and_listeners_are_not_speakers() {
        assert_eq!(
            who(
                r#"Russia will use "any means", Russian Foreign Minister Sergei Lavrov told U.S. journalist Tucker Carlson."#
            ),
            [some("Sergei Lavrov")]
        );
        assert_eq!(who(r#"Sen. Lindsey Graham told reporters it was "a disgrace"."#), [some("Lindsey Graham")]);
    }

    #[test]
    fn pronouns_and_surnames_resolve_to_the_fullest_name() {
        let article = "Foreign Minister Sergei Lavrov told Carlson he was ready.\n\nRussia, he said, would send \"additional messages\".\n\n\"No bases,\" Lavrov said.";
        assert_eq!(who(article), [some("Sergei Lavrov"), some("Sergei Lavrov")]);
    }

    #[test]
    fn split_quotes_share_the_speaker() {
        assert_eq!(who(r#""We will win," Zelensky said, "whatever it takes.""#), [some("Zelensky"), some("Zelensky")]);
    }

    #[test]
    fn a_quote_paragraph_continues_the_last_speaker() {
        let article = "\"First,\" Biden said.\n\n\"Second.\"\n\nThen came other news.\n\nA woman shouted \"stop\".";
        assert_eq!(who(article), [some("Biden"), some("Biden"), None]);
    }
}
