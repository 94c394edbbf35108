//! Who the article credits with a quote, and whether it places the words
//! on another occasion.
//!
//! The narrative around the quotes is scanned for attribution clauses: a
//! speech verb with its subject (`Lavrov said`, `said Lavrov`, `he told
//! Carlson`, `according to Lavrov`, `the ministry said`). A quote takes the
//! clause nearest to it in its own sentence; failing that, the person the
//! sentence is about (`Governor Whitfield, whose …, returned to her
//! refrain, "…"`); a quote that follows another in its paragraph shares its
//! speaker, and one that opens a paragraph continues the last speaker.
//! `he` and `she` stand for the last person mentioned: a speech verb's
//! subject, a titled name (`Senator Marcus Olendorf`) or a name followed by
//! `who` or `whose`. A surname becomes the fullest form of the name the
//! article uses (`Lavrov` → `Sergei Lavrov`).
//!
//! ```text
//! "X," Lavrov said.                          → Sergei Lavrov
//! Trump, Lavrov said, was "a person"         → Sergei Lavrov (not Trump)
//! Russia, he said, would send "more"         → the last person mentioned
//! "X," a spokeswoman said in a statement.    → a spokeswoman, elsewhere
//! ```
//!
//! The quote's sentence is also searched for words that place the quote on
//! another occasion than the one the transcript records (`in a statement`,
//! `posted on X`, `last week`, `told the Chronicle`): such a quote cannot
//! be a paraphrase of the transcript.

use super::Found;
use crate::text::Span;

/// Verbs that report speech, in the forms articles use.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding", "urged", "urges",
    "warned", "warns", "insisted", "insists", "argued", "argues", "asked", "asks", "stated", "states", "declared",
    "declares", "noted", "notes", "explained", "explains", "wrote", "writes", "tweeted", "tweets", "posted",
    "replied", "replies", "answered", "answers", "responded", "responds", "claimed", "claims", "stressed",
    "stresses", "emphasised", "emphasized", "emphasises", "emphasizes", "suggested", "suggests", "continued",
    "continues", "acknowledged", "acknowledges", "admitted", "admits", "promised", "promises", "vowed", "vows",
    "announced", "announces", "conceded", "concedes", "complained", "complains", "countered", "counters",
    "remarked", "remarks", "observed", "observes", "recalled", "recalls", "described", "describes", "called",
    "calls", "dubbed", "accused", "accuses", "predicted", "predicts", "pledged", "pledges", "boasted", "boasts",
    "joked", "jokes", "quipped", "quips", "cautioned", "cautions", "confirmed", "confirms", "denied", "denies",
    "repeated", "repeats", "reiterated", "reiterates", "alleged", "alleges", "mused", "shouted", "yelled",
    "testified", "testifies", "spoke", "threatened", "threatens", "assured", "assures", "maintained",
    "maintains", "contended", "contends", "demanded", "demands", "proclaimed", "signalled", "signaled",
    "hinted", "hints", "insisting", "warning", "arguing", "noting", "explaining", "stressing", "recalling",
    "put", "puts", "shot", "fired", "admits", "agreed", "agrees", "objected", "protested", "conceded",
];

/// Verbs that may come before their subject (`said Lavrov`).
#[rustfmt::skip]
const INVERTIBLE: &[&str] = &[
    "said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "continued", "explained", "insisted",
    "noted", "stressed", "replied", "answered", "recalled", "argued", "warned", "declared", "tweeted", "joked",
    "quipped", "countered",
];

/// Words between a subject and its verb (`Lavrov also said`, `he has said`).
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "also", "later", "then", "has", "had", "have", "was", "is", "would", "will", "once", "again", "previously",
    "earlier", "further", "long", "often", "recently", "repeatedly", "reportedly", "never", "already", "even",
    "publicly", "privately", "simply", "just", "bluntly", "flatly", "firmly", "finally", "now", "still",
];

/// Words for a role, standing before or instead of a name.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "president-elect", "vice", "prime", "minister", "foreign", "secretary", "secretary-general",
    "senator", "sen", "rep", "representative", "governor", "gov", "general", "gen", "chancellor", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "chief", "director", "chairman", "chairwoman", "chair", "judge",
    "justice", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "king", "queen", "prince", "princess", "pope",
    "sir", "lord", "lady", "deputy", "mayor", "commissioner", "admiral", "adm", "colonel", "col", "captain", "capt",
    "lieutenant", "lt", "sergeant", "sgt", "sheikh", "leader", "attorney", "speaker", "congressman",
    "congresswoman", "councillor", "councilman", "councilwoman", "officer", "detective", "inspector", "coach",
    "father", "rev", "reverend", "rabbi", "imam", "bishop", "archbishop", "cardinal", "pastor", "premier", "emir",
    "crown", "commander", "marshal", "major", "maj", "envoy", "special", "senior", "former", "acting", "interim",
    "press", "supreme", "state", "defence", "defense", "finance", "interior", "health", "economy", "trade",
    "executive", "ceo", "founder", "chairperson", "head", "first", "dame", "ministry", "department", "office",
    "agency", "campaign", "government", "company", "administration", "committee", "union", "official",
    "officials", "analyst", "manager", "host", "moderator", "witness", "assistant", "aide", "adviser", "advisor",
];

/// Titles that stand for a person on their own (`the minister said`).
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "president", "minister", "secretary", "senator", "governor", "chancellor", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "director", "chairman", "chairwoman", "chair", "judge", "mayor",
    "commissioner", "premier", "ministry", "department", "agency", "campaign", "government", "company",
    "administration", "committee", "union", "official", "officials", "analyst", "manager", "host", "moderator",
    "witness", "assistant", "aide", "adviser", "advisor", "leader", "chief", "general", "king", "queen", "pope",
];

/// Words that open sentences in capitals but never start a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "a", "an", "the", "but", "and", "or", "so", "yet", "then", "when", "while", "after", "before", "as", "in", "on",
    "at", "by", "for", "from", "with", "without", "to", "of", "if", "though", "although", "because", "since",
    "however", "still", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "our", "my", "there", "here", "what", "which", "who", "speaking", "asked", "meanwhile", "also",
    "instead", "now", "today", "yesterday", "last", "next", "some", "many", "most", "all", "one", "both",
    "pressed", "challenged", "nor", "days", "later", "earlier", "outside", "inside", "until", "unlike", "like",
];

/// Phrases that place a quote on another occasion than the transcript's.
#[rustfmt::skip]
const ELSEWHERE: &[&str] = &[
    "statement", "statements", "press release", "news release", "tweet", "tweeted", "tweets", "posted", "wrote",
    "writes", "op-ed", "blog", "newsletter", "memo", "memoir", "on x", "on twitter", "on facebook", "on instagram",
    "on social media", "last week", "last month", "last year", "earlier this week", "earlier this month",
    "earlier this year", "the day before", "a day earlier", "days earlier", "days later", "weeks later",
    "months later", "previously", "in the past", "years ago", "months ago", "weeks ago", "once", "rally",
    "on television", "on tv", "television interview", "radio interview", "campaign event", "in his book",
    "in her book", "has long said", "has often said", "has repeatedly said", "used to say",
];

/// Words that name news outlets: `told the Chronicle` is another occasion.
#[rustfmt::skip]
const OUTLETS: &[&str] = &[
    "times", "post", "journal", "chronicle", "tribune", "guardian", "telegraph", "herald", "gazette", "observer",
    "independent", "economist", "reuters", "bloomberg", "ap", "afp", "bbc", "cnn", "npr", "pbs", "fox", "msnbc",
    "cbs", "nbc", "abc", "politico", "axios", "newspaper", "magazine", "broadcaster", "radio",
];

#[derive(Clone, Debug, PartialEq)]
enum Subject {
    /// A person's name (`Sergei Lavrov`).
    Name(String),
    /// A role without a name (`the minister`, `a Meridian spokeswoman`).
    Role(String),
    /// `he` or `she`.
    Pronoun,
}

/// A person named in the narrative, or a speech verb with its subject, at
/// an offset.
#[derive(Clone, Debug)]
struct Mention {
    at: usize,
    subject: Subject,
    /// True for a speech verb's subject; false for a mere mention.
    speaks: bool,
}

/// A word of narrative text, and whether punctuation separates it from
/// the word before.
#[derive(Clone, Copy, Debug)]
struct NWord<'a> {
    text: &'a str,
    at: usize,
    broken_before: bool,
}

/// What the article says of one quote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Credit {
    /// The speaker credited.
    pub name: Option<String>,
    /// Words placing the quote on another occasion, if any.
    pub elsewhere: Option<Span>,
}

/// The credit of each quote (`found` is sorted and non-overlapping).
pub(super) fn attribute(text: &str, paragraphs: &[Span], found: &[Found]) -> Vec<Credit> {
    let mentions = narrative_mentions(text, paragraphs, found);
    let resolve = |mention: &Mention| -> Option<String> {
        match &mention.subject {
            Subject::Name(name) | Subject::Role(name) => Some(name.clone()),
            Subject::Pronoun => mentions.iter().rev().filter(|m| m.at < mention.at).find_map(|m| match &m.subject {
                Subject::Name(name) | Subject::Role(name) => Some(name.clone()),
                Subject::Pronoun => None,
            }),
        }
    };
    let mut credits: Vec<Credit> = Vec::with_capacity(found.len());
    for (i, quote) in found.iter().enumerate() {
        let para =
            paragraphs.iter().find(|p| p.start <= quote.marked.start && quote.marked.start < p.end.max(p.start + 1));
        let para = para.copied().unwrap_or(quote.marked);
        let prev_close =
            i.checked_sub(1).map(|j| found[j].marked.end).filter(|&e| e > para.start).unwrap_or(para.start);
        let next_open = found.get(i + 1).map(|f| f.marked.start).filter(|&s| s < para.end).unwrap_or(para.end);
        let before = Span::new(sentence_start(text, prev_close, quote.marked.start), quote.marked.start);
        let after = Span::new(quote.marked.end, sentence_end(text, quote.marked.end, next_open.max(quote.marked.end)));
        let speaking = |span: Span| mentions.iter().filter(move |m| m.speaks && span.contains(m.at));
        let own = match (speaking(before).next_back(), speaking(after).next()) {
            (Some(b), Some(a)) => Some(if a.at - quote.marked.end <= quote.marked.start - b.at { a } else { b }),
            (b, a) => a.or(b),
        };
        let subject = mentions.iter().find(|m| !m.speaks && before.contains(m.at));
        let follows_quote =
            i > 0 && found[i - 1].marked.end > para.start && found[i - 1].marked.end <= quote.marked.start;
        let name = if let Some(mention) = own {
            resolve(mention)
        } else if let Some(mention) = subject {
            resolve(mention)
        } else if follows_quote {
            // `"X," he said, adding: "Y"` — a later quote of the same paragraph.
            credits[i - 1].name.clone()
        } else if quote.marked.start == para.start {
            // A paragraph that opens with a quote continues the last speaker.
            credits
                .last()
                .and_then(|c| c.name.clone())
                .or_else(|| resolve(&Mention { at: quote.marked.start, subject: Subject::Pronoun, speaks: true }))
        } else {
            None
        };
        let elsewhere = elsewhere_in(text, before).or_else(|| elsewhere_in(text, after));
        credits.push(Credit { name, elsewhere });
    }
    let names: Vec<String> = mentions
        .iter()
        .filter_map(|m| match &m.subject {
            Subject::Name(n) => Some(n.clone()),
            _ => None,
        })
        .collect();
    for credit in &mut credits {
        if let Some(name) = credit.name.take() {
            credit.name = Some(fullest_form(&names, name));
        }
    }
    credits
}

/// The first phrase in `span` that places a quote on another occasion.
fn elsewhere_in(text: &str, span: Span) -> Option<Span> {
    let lower = text[span.range()].to_lowercase();
    if lower.len() != span.len() {
        return None;
    }
    let bounded = |at: usize, len: usize| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + len..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let mut best: Option<Span> = None;
    for cue in ELSEWHERE {
        for (at, _) in lower.match_indices(cue) {
            if bounded(at, cue.len()) && best.is_none_or(|b| span.start + at < b.start) {
                best = Some(Span::new(span.start + at, span.start + at + cue.len()));
            }
        }
    }
    // `told the Chronicle`, `in an interview with CNN`.
    let ws = words(text, span);
    for (i, w) in ws.iter().enumerate() {
        let verb = lower_word(w.text);
        if !matches!(verb.as_str(), "told" | "with" | "to") {
            continue;
        }
        let mut k = i + 1;
        while k < ws.len() && k <= i + 3 && !ws[k].broken_before {
            if OUTLETS.contains(&lower_word(ws[k].text).as_str()) && is_capitalised(ws[k].text) {
                let cue = Span::new(w.at, ws[k].at + ws[k].text.len());
                if best.is_none_or(|b| cue.start < b.start) {
                    best = Some(cue);
                }
                break;
            }
            k += 1;
        }
    }
    best
}

/// Every mention of a person, and every attribution clause, in the
/// narrative (the text outside quotes).
fn narrative_mentions(text: &str, paragraphs: &[Span], found: &[Found]) -> Vec<Mention> {
    let mut mentions = Vec::new();
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
            mentions.extend(mentions_in(text, piece));
        }
    }
    mentions.sort_by_key(|m| m.at);
    mentions
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

fn lower_word(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_title(word: &str) -> bool {
    TITLES.contains(&lower_word(word).as_str())
}

fn name_word(word: &str) -> bool {
    is_capitalised(word) && !is_title(word) && !NOT_NAMES.contains(&lower_word(word).as_str())
}

fn mentions_in(text: &str, span: Span) -> Vec<Mention> {
    let ws = words(text, span);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let verb = lower_word(w.text);
        if verb == "according" && ws.get(i + 1).is_some_and(|n| n.text == "to" && !n.broken_before) {
            if let Some(name) = name_after(&ws, i + 2) {
                out.push(Mention { at: w.at, subject: Subject::Name(name), speaks: true });
            }
            continue;
        }
        if SPEECH_VERBS.contains(&verb.as_str())
            && i > 0
            && let Some(subject) = subject_before(&ws, i)
        {
            out.push(Mention { at: w.at, subject, speaks: true });
            continue;
        }
        if INVERTIBLE.contains(&verb.as_str()) && ws.get(i + 1).is_some_and(|n| !n.broken_before) {
            // `said Lavrov.` ends the clause; `says Russia did not…` is a
            // verb with its object, not an inverted subject.
            if let Some(name) = name_after(&ws, i + 1).filter(|name| {
                let last = name.split_whitespace().last().unwrap_or(name);
                let end =
                    ws[i + 1..].iter().find(|w| w.text.starts_with(last)).map_or(span.end, |w| w.at + w.text.len());
                let next = text[end..].trim_start().chars().next();
                next.is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '—' | '–'))
            }) {
                out.push(Mention { at: w.at, subject: Subject::Name(name), speaks: true });
            } else if ws.get(i + 1).is_some_and(|n| matches!(lower_word(n.text).as_str(), "he" | "she")) {
                out.push(Mention { at: w.at, subject: Subject::Pronoun, speaks: true });
            }
            continue;
        }
        if let Some(name) = person_at(&ws, i) {
            out.push(Mention { at: w.at, subject: Subject::Name(name), speaks: false });
        }
    }
    out
}

/// A person named at word `i` without a speech verb: a name after a title
/// (`Senator Marcus Olendorf`) or a name followed by `, who` or `, whose`
/// (`Quintero, who backs …`). Places and bodies are rarely either.
fn person_at(ws: &[NWord<'_>], i: usize) -> Option<String> {
    let starts_run = name_word(ws[i].text) && (i == 0 || ws[i].broken_before || !name_word(ws[i - 1].text));
    if !starts_run {
        return None;
    }
    let mut end = i;
    while end + 1 < ws.len() && end + 1 - i < 4 && name_word(ws[end + 1].text) && !ws[end + 1].broken_before {
        end += 1;
    }
    // `Senator Marcus Olendorf`, `Kremlin spokesman Dmitry Peskov`.
    let titled = i > 0 && !ws[i].broken_before && is_title(ws[i - 1].text);
    let relative =
        ws.get(end + 1).is_some_and(|n| n.broken_before && matches!(lower_word(n.text).as_str(), "who" | "whose"));
    (titled || relative).then(|| clean_name(&ws[i..=end].iter().map(|w| w.text).collect::<Vec<_>>()))
}

/// The subject before the verb at `verb`: a pronoun, a run of name words,
/// or a role (`the minister`, `a Meridian spokeswoman`).
fn subject_before(ws: &[NWord<'_>], verb: usize) -> Option<Subject> {
    let mut j = verb;
    let mut skipped = 0;
    while j > 0 && !ws[j].broken_before && skipped < 3 && AUXILIARIES.contains(&lower_word(ws[j - 1].text).as_str()) {
        j -= 1;
        skipped += 1;
    }
    if j == 0 || ws[j].broken_before {
        return None;
    }
    let nearest = ws[j - 1].text;
    if matches!(lower_word(nearest).as_str(), "he" | "she") {
        return Some(Subject::Pronoun);
    }
    let mut run = Vec::new();
    let mut k = j;
    while k > 0 && run.len() < 4 && name_word(ws[k - 1].text) && (k == j || !ws[k].broken_before) {
        run.push(ws[k - 1].text);
        k -= 1;
    }
    if !run.is_empty() {
        // `Senator Okafor of Georgia posted`: the person, not the place.
        if k >= 2
            && ws[k - 1].text == "of"
            && !ws[k].broken_before
            && !ws[k - 1].broken_before
            && name_word(ws[k - 2].text)
        {
            let mut person = Vec::new();
            let mut m = k - 1;
            while m > 0 && person.len() < 4 && name_word(ws[m - 1].text) && (m == k - 1 || !ws[m].broken_before) {
                person.push(ws[m - 1].text);
                m -= 1;
            }
            person.reverse();
            return Some(Subject::Name(clean_name(&person)));
        }
        run.reverse();
        return Some(Subject::Name(clean_name(&run)));
    }
    role_before(ws, j)
}

/// A role ending just before word `j`: a determiner, perhaps some
/// capitalised words, and a role word (`the President`, `a Meridian
/// spokeswoman`, `the ministry`).
fn role_before(ws: &[NWord<'_>], j: usize) -> Option<Subject> {
    let head = j.checked_sub(1)?;
    if !ROLES.contains(&lower_word(ws[head].text).as_str()) {
        return None;
    }
    let mut k = head;
    while k > 0 && head - k < 3 && !ws[k].broken_before {
        let w = lower_word(ws[k - 1].text);
        if matches!(w.as_str(), "the" | "a" | "an" | "its" | "his" | "her" | "their") {
            let words: Vec<&str> = ws[k - 1..=head].iter().map(|w| w.text).collect();
            return Some(Subject::Role(words.join(" ")));
        }
        if !is_capitalised(ws[k - 1].text) && !is_title(ws[k - 1].text) {
            return None;
        }
        k -= 1;
    }
    None
}

/// A name starting at `from`, after any titles (`said Foreign Minister
/// Sergei Lavrov`).
fn name_after(ws: &[NWord<'_>], from: usize) -> Option<String> {
    let mut k = from;
    while k < ws.len()
        && (is_title(ws[k].text) || lower_word(ws[k].text) == "the")
        && (k == from || !ws[k].broken_before)
    {
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
#[rustfmt::skip]
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

    fn who(article: &str) -> Vec<Option<String>> {
        extract(article).into_iter().map(|q| q.attributed_to).collect()
    }

    fn elsewhere(article: &str) -> Vec<Option<String>> {
        extract(article).into_iter().map(|q| q.elsewhere.map(|s| article[s.range()].to_owned())).collect()
    }

    #[expect(clippy::unnecessary_wraps, reason = "reads like the expected value it builds")]
    fn some(name: &str) -> Option<String> {
        Some(name.to_owned())
    }

    #[test]
    fn verb_after_the_quote() {
        assert_eq!(who(r#""We are ready," Lavrov said."#), [some("Lavrov")]);
        assert_eq!(who(r#""We are ready," said Foreign Minister Sergei Lavrov."#), [some("Sergei Lavrov")]);
        assert_eq!(who(r#""We are ready," the minister said."#), [some("the minister")]);
    }

    #[test]
    fn verb_before_the_quote() {
        assert_eq!(who(r#"Lavrov said: "We are ready.""#), [some("Lavrov")]);
        assert_eq!(who(r#"But Lavrov also said Russia was "ready to talk"."#), [some("Lavrov")]);
        assert_eq!(who(r#"Trump, Lavrov said, was "a very strong person"."#), [some("Lavrov")]);
        assert_eq!(who(r#"According to Lavrov, the West "does not listen"."#), [some("Lavrov")]);
        assert_eq!(who(r#"Senator Adaeze Okafor of Georgia posted: "Fund the towers.""#), [some("Adaeze Okafor")]);
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
    fn a_pronoun_finds_a_person_mentioned_without_a_speech_verb() {
        let article = "Senator Marcus Olendorf, a budget hawk, came armed with a plan. \u{201c}My plan cuts the deficit,\u{201d} he said.";
        assert_eq!(who(article), [some("Marcus Olendorf")]);
    }

    #[test]
    fn the_person_a_sentence_is_about() {
        assert_eq!(
            who(
                "Governor Dana Whitfield, whose bridges made her famous, returned to her refrain, \u{201c}Promises don\u{2019}t pave roads.\u{201d}"
            ),
            [some("Dana Whitfield")]
        );
        assert_eq!(
            who("Quintero, who backs a public option, pledged to \u{201c}never accept a penny\u{201d} from donors."),
            [some("Quintero")]
        );
    }

    #[test]
    fn an_object_after_says_is_not_an_inverted_subject() {
        assert_eq!(who("Lavrov warns West, says Russia \u{201c}did not start this war\u{201d}"), [some("Lavrov")]);
        assert_eq!(who(r#""We are ready," said Lavrov, adding more."#), [some("Lavrov")]);
    }

    #[test]
    fn a_lowercase_title_still_marks_a_person() {
        let article =
            "Kremlin spokesman Dmitry Peskov spoke on Friday. \u{201c}We did not start this war,\u{201d} Peskov said.";
        assert_eq!(who(article), [some("Dmitry Peskov")]);
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

    #[test]
    fn words_that_place_a_quote_on_another_occasion() {
        assert_eq!(elsewhere(r#""We remain committed," a spokeswoman said in a statement."#), [some("statement")]);
        assert_eq!(elsewhere(r#"She posted on X after the session: "Fund the towers.""#), [some("posted")]);
        assert_eq!(
            elsewhere(r#""Nobody does it for money," she told the Chronicle in March."#),
            [some("told the Chronicle")]
        );
        assert_eq!(elsewhere(r#"He told a rally last week that she was "not ready"."#), [some("rally")]);
        assert_eq!(elsewhere(r#""We are ready," Lavrov told Carlson."#), [None]);
        assert_eq!(elsewhere(r#"In the interview, Lavrov said "we are ready"."#), [None]);
    }
}
