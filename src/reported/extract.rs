//! Finding reported speech: the content of a speech verb that is not
//! wholly quoted.
//!
//! The article is read sentence by sentence (a quote's inner sentence
//! marks end nothing); each reporting predicate with a subject gives one
//! item, whose content depends on the predicate and where it stands:
//!
//! ```text
//! Lavrov said he did not believe that …            after the verb
//! Russia is open to talks …, Lavrov told Carlson.   before the clause
//! Russia, he said, would send "additional …"        around it (all of it)
//! Lavrov urged the West to take … seriously         object and infinitive
//! Lavrov … spoke positively of Trump                the verb and its object
//! Thorvik did not dispute that the network …        a predicate negated: kept
//! … but puts out feelers to Trump                   a verb sharing the subject
//! … drew criticism from some in the West for …      a noun of speech
//! ```
//!
//! The content stops at the next coordinated predicate (`but spoke`,
//! `, adding`) and before a trailing frame (`, without providing details`,
//! `, who returns …` at its end). A content that is nothing but quotation
//! (and the words that introduce it) is a quote, not an item; quotes
//! inside a content belong to it too. A question reported (`asked
//! whether …`) claims nothing and is no item.

use crate::quote::attribution::{self, Mention, NWord, Narrative, Subject, is_capitalised, lower_word};
use crate::quote::{Quote, paragraphs};
use crate::text::Span;

/// A piece of reported speech found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    /// What the article says was said: the content, attribution words
    /// inside it included (`Russia, he said, would send …`).
    pub span: Span,
    /// The attribution words inside `span` (subject, verb, listener):
    /// the reporter's, not the speaker's.
    pub frame: Vec<Span>,
    /// The reporting verb (or noun).
    pub verb: Span,
    /// The speaker the article credits, when it can be seen.
    pub attributed_to: Option<String>,
    /// True when the credit names a role, a body or a group.
    pub role: bool,
    /// Words placing the speech on another occasion (`told Reuters this
    /// week`, `in a statement`), if any.
    pub elsewhere: Option<Span>,
    /// The quotes inside the content, as indices into the article's quotes.
    pub quotes: Vec<usize>,
    /// True for a refusal or a denial of speech (`declined to say whether
    /// …`, `would not promise …`): it answers a question, in other words.
    pub refusal: bool,
}

/// How a predicate carries what was said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A clause after it (`said that …`), before it (`…, he said`) or
    /// around it (`X, he said, Y`).
    Clause,
    /// Its object: the item keeps the verb (`spoke positively of Trump`,
    /// `did not dispute that …`).
    Characterising,
    /// Its object and an infinitive (`urged the West to …`).
    ObjectInfinitive,
}

/// Verbs whose object is what was said: the item keeps the verb.
#[rustfmt::skip]
const CHARACTERISING: &[&str] = &[
    "spoke", "speaks", "speaking", "praised", "praises", "praising", "criticised", "criticized", "criticises",
    "criticizes", "criticising", "criticizing", "condemned", "condemns", "welcomed", "welcomes", "hailed", "hails",
    "defended", "defends", "defending", "rejected", "rejects", "dismissed", "dismisses", "dismissing", "blamed",
    "blames", "blaming", "backed", "endorsed", "endorses", "opposed", "opposes",
    "proposed", "proposes", "floated", "floats", "touted", "touts", "lamented", "laments", "offered", "offers",
    "pitched", "pitches", "pitching", "described", "describes", "describing", "describe", "discussed", "discusses",
    "discussing", "addressed", "addresses", "mentioned", "mentions", "cited", "cites", "citing", "outlined",
    "outlines", "detailed", "details", "recounted", "recounts", "questioned", "raised", "raises", "voiced",
    "voices", "expressed", "expresses", "demanded", "demands", "clashed", "clash", "clashes", "talked", "talks",
    "talking", "talk", "insisted", "insists", "warned", "warns", "denied", "denies", "pledged", "pledges",
    "vowed", "vows", "promised", "promises", "announced", "announces", "confirmed", "confirms", "refused",
    "signalled", "signaled", "signals", "downplayed", "downplays", "called", "calls", "puts", "put", "reached",
    "ruled", "rules", "disputed", "disputes", "pushed", "pressed",
];

/// Verbs that report speech after a lead (`declined to say`, `would not
/// promise`, `did not dispute`): the item keeps the predicate.
#[rustfmt::skip]
const AFTER_A_LEAD: &[&str] = &[
    "say", "characterise", "characterize", "comment", "promise", "position", "claim", "explain", "elaborate",
    "confirm", "deny", "rule", "specify", "reveal", "dispute", "discuss", "answer", "speculate", "commit",
    "guarantee", "predict", "address", "name", "identify", "disclose", "detail", "give",
];

/// Verbs whose clause is what was said (beyond the speech verbs the
/// attribution of quotes knows).
#[rustfmt::skip]
const CLAUSE_VERBS: &[&str] = &[
    "hopes", "hoped", "hope", "hoping", "expects", "expected", "expect", "believes", "believed", "fears",
    "feared", "estimated", "estimates", "forecast", "forecasts", "reckons", "reckoned", "indicated",
    "indicates", "revealed", "reveals", "disclosed", "asserted", "asserts", "reported", "reports", "predicted",
    "projected", "doubted", "doubts", "thinks", "thought",
];

/// Verbs whose object and what follows it are what was said (`urged the
/// West to take …`, `accused Olendorf of voting …`, `credited him for …`).
#[rustfmt::skip]
const OBJECT_INFINITIVE: &[&str] = &[
    "accused", "accuses", "accusing", "credited", "credits", "crediting",
    "urged", "urges", "urging", "asked", "asks", "asking", "encouraged", "encourages", "invited", "invites",
    "implored", "implores", "challenged", "challenges", "begged", "begs", "appealed", "appeals", "advised",
    "advises",
];

/// Verbs whose object is a listener before what was said (`told Carlson
/// that …`, `assured senators …`).
#[rustfmt::skip]
const TELLING: &[&str] = &[
    "told", "tells", "telling", "tell", "assured", "assures", "informed", "informs", "reminded", "reminds",
    "warned", "warns", "promised", "promises", "testified", "briefed",
];

/// Words that may make up a listener (`U.S. journalist Tucker Carlson`,
/// `a Senate committee on Wednesday`, `Reuters this week`).
#[rustfmt::skip]
const LISTENER_WORDS: &[&str] = &[
    "the", "a", "an", "him", "them", "me", "us", "you", "reporters", "journalists", "journalist", "senators",
    "lawmakers", "legislators", "members", "member", "committee", "panel", "audience", "crowd", "supporters",
    "voters", "viewers", "listeners", "readers", "students", "delegates", "colleagues", "staff", "parliament",
    "congress", "senate", "house", "council", "board", "interviewer", "host", "fellow", "this", "last", "next",
    "week", "month", "year", "morning", "evening", "night", "afternoon", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "on", "in", "at", "during", "today", "yesterday", "earlier",
    "later", "also", "again", "news", "agency", "correspondent", "interview", "podcast", "broadcaster",
    "television", "radio", "newspaper", "magazine", "commerce", "foreign", "relations", "rally", "gathering",
    "conference", "event", "meeting", "forum", "summit", "hearing", "briefing", "session", "town", "hall",
    "reporter", "presenter", "show", "programme", "program", "club", "party", "after", "before", "following",
];

/// Nouns of speech that credit a speaker with `from` or `by` (`drew
/// criticism from some in the West for …`).
#[rustfmt::skip]
const SPEECH_NOUNS: &[&str] = &[
    "criticism", "condemnation", "praise", "accusations", "accusation", "complaints", "complaint", "warnings",
    "warning", "calls", "demands", "demand", "pledge", "pledges", "promise", "promises", "assurances",
    "assurance", "claims", "claim", "allegations", "allegation", "charges", "rebuke", "backlash",
];

/// Nouns that make `closed with` or `opened with` a speech (`closed with a
/// story about her father`).
#[rustfmt::skip]
const SPEECHES: &[&str] = &[
    "story", "remarks", "statement", "appeal", "plea", "speech", "joke", "warning", "promise", "pledge",
    "message", "call", "question", "tribute", "anecdote", "vow", "argument", "address",
];

/// Words that end a content: the frame that follows it (`, without
/// providing details`, `, as households went without power`).
const FRAME_OPENERS: &[&str] = &["without", "declining", "refusing", "despite", "drawing", "as"];

/// Words that open a phrase setting the scene of a speech rather than
/// what was said (`in a statement`, `at a rally`).
#[rustfmt::skip]
const FRAME_PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "during", "after", "before", "via", "from", "while", "when", "with", "asked", "pressed",
    "speaking", "responding", "challenged", "questioned", "interviewed",
];

/// Words that cannot carry what was said on their own (`pledged to
/// “…”`: the quote says it all).
const LINKS: &[&str] = &["to", "that", "the", "a", "an", "of", "and", "as", "it", "this"];

/// Words that open a reported question, which claims nothing.
const QUESTION_WORDS: &[&str] = &["whether", "if", "why", "how", "what", "when", "who", "where", "which"];

/// Words that, before a verb, make a predicate of it that the item keeps
/// (`did not dispute`, `declined to say`, `tried to position herself`).
#[rustfmt::skip]
const LEADS: &[&str] = &[
    "not", "n't", "didn't", "doesn't", "don't", "wouldn't", "won't", "couldn't", "hasn't", "haven't", "never",
    "declined", "declines", "refused", "refuses", "tried", "tries", "sought", "seeks", "moved", "wanted",
    "wants", "went", "began", "continued", "appeared", "promised", "vowed", "pledged", "threatened", "offered",
];

/// Finds the reported speech of an article, in article order.
#[must_use]
pub fn extract(text: &str, quotes: &[Quote]) -> Vec<Reported> {
    let paragraphs = paragraphs(text);
    let top: Vec<Span> = quotes
        .iter()
        .map(|q| q.marked)
        .filter(|m| !quotes.iter().any(|o| o.marked != *m && o.marked.start <= m.start && m.end <= o.marked.end))
        .collect();
    let narrative = Narrative::read(text, &paragraphs, &top);
    let mut items = Vec::new();
    for para in &paragraphs {
        for sentence in sentences(text, *para, &top) {
            items.extend(in_sentence(text, sentence, &top, &narrative, quotes));
        }
    }
    items
}

/// A reporting predicate of one sentence and who it credits.
#[derive(Clone, Debug)]
struct Clause {
    /// Index of the verb's word (the head of the predicate).
    verb: usize,
    /// Index of the predicate's first word (`did` in `did not dispute`).
    lead: usize,
    /// Index of its last word (`feelers` in `puts out feelers`).
    end: usize,
    kind: Kind,
    /// The subject's words, when they stand in the sentence.
    who: Option<Span>,
    credit: Option<(String, bool)>,
    /// For a noun of speech: the word where its content starts.
    content_from: Option<usize>,
    /// True when the clause opens after `but`, `and` or a comma: the
    /// content before it ends there.
    joined: bool,
    /// True in a relative clause (`Whitfield, who said …, countered`):
    /// the content ends with the clause, at the next comma.
    relative: bool,
}

/// The sentences of a paragraph: a sentence mark inside a quote ends
/// nothing, unless the quote ends the sentence too (`… went well.” An
/// independent review …`); nor does one in an abbreviation.
fn sentences(text: &str, para: Span, quoted: &[Span]) -> Vec<Span> {
    // Only the quotes that reach into the paragraph bear on it.
    let quoted: Vec<Span> = quoted.iter().copied().filter(|q| q.end > para.start && q.start < para.end).collect();
    let mut out = Vec::new();
    let mut start = para.start;
    for (i, c) in text[para.range()].char_indices() {
        let at = para.start + i;
        if at < start {
            continue;
        }
        if let Some(q) = quoted.iter().find(|q| q.end == at + c.len_utf8()) {
            let inner = text[q.start..at].trim_end();
            let next = text[q.end..para.end].trim_start().chars().next();
            if inner.ends_with(['.', '!', '?']) && next.is_some_and(char::is_uppercase) && q.start >= start {
                out.push(Span::new(start, q.end));
                start = q.end;
            }
            continue;
        }
        if quoted.iter().any(|q| q.start <= at && at < q.end) {
            continue;
        }
        if attribution::ends_sentence(text, at) {
            out.push(Span::new(start, at + 1));
            start = at + 1;
        }
    }
    if start < para.end {
        out.push(Span::new(start, para.end));
    }
    out.into_iter().filter(|s| text[s.range()].chars().any(char::is_alphanumeric)).collect()
}

/// The words of a sentence outside its quotes, in order.
fn narrative_words<'t>(text: &'t str, sentence: Span, quoted: &[Span]) -> Vec<NWord<'t>> {
    let mut out = Vec::new();
    let mut at = sentence.start;
    for q in quoted.iter().filter(|q| q.start < sentence.end && q.end > sentence.start) {
        if q.start > at {
            out.extend(attribution::words(text, Span::new(at, q.start)));
        }
        at = at.max(q.end);
    }
    if at < sentence.end {
        out.extend(attribution::words(text, Span::new(at, sentence.end)));
    }
    out
}

fn in_sentence(
    text: &str,
    sentence: Span,
    quoted: &[Span],
    narrative: &Narrative,
    article_quotes: &[Quote],
) -> Vec<Reported> {
    let ws = narrative_words(text, sentence, quoted);
    let clauses = clauses(text, &ws, sentence, narrative);
    let body = body_of(text, sentence);
    let mut items: Vec<Reported> = Vec::new();
    let mut asides: Vec<Span> = Vec::new();
    for (n, clause) in clauses.iter().enumerate() {
        // The content ends where the next joined clause begins.
        let limit = clauses[n + 1..].iter().find(|c| c.joined).map_or(body.end, |c| boundary_before(text, &ws, c));
        let end = ws[clause.end].span().end;
        let limit = limit.max(end).min(body.end);
        let limit = if clause.relative { text[end..limit].find(',').map_or(limit, |c| end + c) } else { limit };
        // A clause inside the content of the one before it is part of
        // what that one reports (`adding that the union had agreed to …`).
        if !clause.joined && items.last().is_some_and(|r| r.span.contains(ws[clause.verb].at)) {
            continue;
        }
        let Some((content, frame)) = content_of(text, &ws, quoted, clause, body, limit) else { continue };
        let content = trim_content(text, content);
        if content.is_empty() {
            continue;
        }
        // `posted on X after the session: “…”`: a quote, introduced.
        let first_quote = quoted.iter().filter(|q| content.contains(q.start)).map(|q| q.start).min();
        if first_quote.is_some_and(|q| text[content.start..q].trim_end().ends_with(':')) {
            continue;
        }
        // Nothing but quotation (and the words that link it) is a quote;
        // a predicate of several words is something said of its own
        // (`moved quickly to claim victory`), a verb before a quote is not
        // (`pledged to “never accept …”`).
        let phrase = clause.end > clause.lead;
        let own_words = attribution::words(text, content).into_iter().any(|w| {
            let framing = frame.iter().any(|f| f.contains(w.at))
                && !(phrase && clause_words(ws.as_slice(), clause).contains(&w.at));
            !quoted.iter().any(|q| q.contains(w.at)) && !framing && !LINKS.contains(&lower_word(w.text).as_str())
        });
        if !own_words {
            continue;
        }
        let inside: Vec<usize> = (0..article_quotes.len())
            .filter(|&i| article_quotes[i].span.start >= content.start && article_quotes[i].span.end <= content.end)
            .collect();
        let elsewhere = frame.iter().find_map(|&f| attribution::elsewhere_in(text, f));
        let (attributed_to, role) = clause.credit.clone().map_or((None, false), |(n, r)| (Some(n), r));
        let frame: Vec<Span> = frame.into_iter().filter(|f| f.start >= content.start && f.end <= content.end).collect();
        // The aside between a subject and its verb (`Whitfield, whose
        // memoir …, pitched`) tells of the speaker, not of the occasion.
        if let Some(who) = clause.who.filter(|w| w.end < ws[clause.lead].at) {
            asides.push(Span::new(who.end, ws[clause.lead].at));
        }
        items.push(Reported {
            span: content,
            frame,
            verb: ws[clause.verb].span(),
            attributed_to,
            role,
            elsewhere,
            quotes: inside,
            refusal: (clause.lead..clause.verb).any(|k| {
                let w = lower_word(ws[k].text);
                matches!(w.as_str(), "not" | "never" | "declined" | "declines" | "refused" | "refuses")
                    || w.ends_with("n't")
            }),
        });
    }
    // Another occasion is told by the words around a content (`told
    // Reuters this week`), not by those inside it (`last month`) nor by
    // another item's (`her costings were posted …, countered that …`).
    let contents: Vec<Span> = items.iter().map(|r| r.span).collect();
    for (n, item) in items.iter_mut().enumerate() {
        if item.elsewhere.is_some() {
            continue;
        }
        let mut around = vec![Span::new(sentence.start, item.span.start), Span::new(item.span.end, sentence.end)];
        let others = contents.iter().enumerate().filter(|&(m, _)| m != n).map(|(_, s)| s).chain(&asides);
        for other in others {
            around = around
                .into_iter()
                .flat_map(|a| {
                    if other.end <= a.start || other.start >= a.end {
                        vec![a]
                    } else {
                        vec![Span::new(a.start, other.start.max(a.start)), Span::new(other.end.min(a.end), a.end)]
                    }
                })
                .filter(|a| !a.is_empty())
                .collect();
        }
        item.elsewhere = around.into_iter().find_map(|a| attribution::elsewhere_in(text, a));
    }
    items
}

/// The offsets of a clause's predicate words (`did not dispute`).
fn clause_words(ws: &[NWord<'_>], clause: &Clause) -> Vec<usize> {
    ws[clause.lead..=clause.end].iter().map(|w| w.at).collect()
}

/// The sentence without its final mark and the blanks around it.
fn body_of(text: &str, sentence: Span) -> Span {
    let s = &text[sentence.range()];
    let trimmed = s.trim_end();
    let trimmed = trimmed.strip_suffix(['.', '!', '?', ';', ':']).unwrap_or(trimmed);
    let start = sentence.start + (s.len() - s.trim_start().len());
    Span::new(start, (sentence.start + trimmed.len()).max(start))
}

/// A reporting predicate at word `i`: where it starts (its lead), where
/// it ends, and how it carries what was said.
fn predicate_at(ws: &[NWord<'_>], i: usize) -> Option<(usize, usize, Kind)> {
    let word = lower_word(ws[i].text);
    // Verbs are not capitalised inside a sentence.
    if is_capitalised(ws[i].text) && !(i == 0 || ws[i].broken_before) {
        return None;
    }
    let next = |k: usize| ws.get(i + k).filter(|n| !n.broken_before).map(|n| lower_word(n.text));
    let next1 = next(1);
    let (end, mut kind) = if let Some(end) = idiom(ws, i) {
        (end, Kind::Characterising)
    } else if matches!(word.as_str(), "closed" | "opened" | "closes" | "opens")
        && next1.as_deref() == Some("with")
        && (2..5).any(|k| next(k).is_some_and(|w| SPEECHES.contains(&w.as_str())))
    {
        (i + 1, Kind::Characterising)
    } else if word == "according" && next1.as_deref() == Some("to") {
        (i + 1, Kind::Clause)
    } else if OBJECT_INFINITIVE.contains(&word.as_str()) {
        // `asked whether …`: a question claims nothing.
        if next1.as_deref().is_some_and(|w| QUESTION_WORDS.contains(&w)) {
            return None;
        }
        (i, Kind::ObjectInfinitive)
    } else if (AFTER_A_LEAD.contains(&word.as_str()) && has_lead(ws, i))
        || (CHARACTERISING.contains(&word.as_str()) && attribution_speaks(ws, i))
    {
        (i, Kind::Characterising)
    } else if attribution::is_speech_verb(ws[i].text) && attribution_speaks(ws, i)
        || CLAUSE_VERBS.contains(&word.as_str())
    {
        (i, Kind::Clause)
    } else {
        return None;
    };
    if next1.as_deref().is_some_and(|w| QUESTION_WORDS.contains(&w) && w != "if") && kind != Kind::Characterising {
        return None;
    }
    // `did not dispute`, `declined to say`, `tried to position herself`.
    let mut lead = i;
    while let Some(before) = lead.checked_sub(1).filter(|_| !ws[lead].broken_before) {
        let w = lower_word(ws[before].text);
        let auxiliary = matches!(
            w.as_str(),
            "did" | "does" | "do" | "would" | "will" | "could" | "should" | "has" | "have" | "had"
        );
        // `declined to`, `moved quickly to`.
        let lead_at = |k: usize| LEADS.contains(&lower_word(ws[k].text).as_str());
        let adverb_at = |k: usize| lower_word(ws[k].text).ends_with("ly");
        let to_after_lead = w == "to" && before > 0 && lead_at(before - 1);
        let to_after_adverb = w == "to" && before > 1 && adverb_at(before - 1) && lead_at(before - 2);
        if (LEADS.contains(&w.as_str()) && w != "never") || (auxiliary && lead < i) {
            lead = before;
        } else if to_after_lead {
            lead = before - 1;
        } else if to_after_adverb {
            lead = before - 2;
        } else if w.ends_with("ly") && lead < i && before > 0 {
            // `moved quickly to claim`.
            lead = before;
        } else {
            break;
        }
    }
    if lead < i {
        kind = Kind::Characterising;
    }
    Some((lead, end, kind))
}

/// True when a lead stands right before word `i` (`declined to`, `did
/// not`, `won't`).
fn has_lead(ws: &[NWord<'_>], i: usize) -> bool {
    let before = |k: usize| (i >= k && !ws[i + 1 - k].broken_before).then(|| lower_word(ws[i - k].text));
    match before(1).as_deref() {
        Some("to") => before(2).is_some_and(|w| LEADS.contains(&w.as_str())),
        Some(w) => LEADS.contains(&w),
        None => false,
    }
}

/// True when a speech word of the attribution's list can be a verb here
/// (`fired back`, `put it`; not `a missile called …`).
fn attribution_speaks(ws: &[NWord<'_>], i: usize) -> bool {
    let word = lower_word(ws[i].text);
    let next = ws.get(i + 1).filter(|n| !n.broken_before).map(|n| lower_word(n.text));
    match word.as_str() {
        "fired" | "shot" | "hit" => next.as_deref() == Some("back"),
        "put" | "puts" => matches!(next.as_deref(), Some("it" | "out" | "forward")),
        "pressed" | "pushed" => matches!(next.as_deref(), Some("for" | "to" | "back")),
        "talked" | "talks" | "talking" | "talk" => matches!(next.as_deref(), Some("about" | "of" | "up" | "through")),
        // `spoke positively of Trump`, not `spoke first`.
        "spoke" | "speaks" | "speaking" => {
            let after = ws[i + 1..]
                .iter()
                .take_while(|w| !w.broken_before)
                .map(|w| lower_word(w.text))
                .find(|w| !w.ends_with("ly"));
            matches!(after.as_deref(), Some("of" | "about" | "on" | "to" | "with" | "out" | "against" | "for"))
        }
        "reached" | "ruled" | "rules" | "rule" => next.as_deref() == Some("out"),
        "position" => matches!(next.as_deref(), Some("herself" | "himself" | "themselves" | "itself")),
        "raised" | "raises" => matches!(next.as_deref(), Some("concerns" | "doubts" | "questions" | "the")),
        _ => true,
    }
}

/// A predicate of several words that reports speech, from word `i`, and
/// its last word: `puts out feelers`, `took aim at`, `made the case`,
/// `trade blows over`, `cast herself as`, `claim victory`.
fn idiom(ws: &[NWord<'_>], i: usize) -> Option<usize> {
    let at = |k: usize| ws.get(i + k).filter(|w| k == 0 || !w.broken_before).map(|w| lower_word(w.text));
    let first = at(0)?;
    let second = at(1);
    let third = at(2);
    let reflexive =
        |w: &Option<String>| w.as_deref().is_some_and(|w| matches!(w, "herself" | "himself" | "themselves" | "itself"));
    let found = match first.as_str() {
        "put" | "puts" | "putting" if second.as_deref() == Some("out") && third.as_deref() == Some("feelers") => 2,
        "took" | "take" | "takes" | "taking" if second.as_deref() == Some("aim") => 1,
        "took" | "take" | "takes" | "taking" if second.as_deref() == Some("a") && third.as_deref() == Some("swipe") => {
            2
        }
        "made" | "make" | "makes" | "making" if (1..4).any(|k| at(k).as_deref() == Some("case")) => {
            (1..4).find(|&k| at(k).as_deref() == Some("case"))?
        }
        "trade" | "traded" | "trades" | "trading" if second.as_deref() == Some("blows") => 1,
        "cast" | "casts" | "casting" if reflexive(&second) && third.as_deref() == Some("as") => 2,
        "positioned" | "positions" | "positioning" | "position" if reflexive(&second) => 1,
        "claim" | "claimed" | "claims" | "claiming" if second.as_deref() == Some("victory") => 1,
        "weighed" | "weighs" | "weigh" if second.as_deref() == Some("in") => 1,
        "lashed" | "lashes" | "lash" | "laid" | "lays" | "lay" | "spelled" | "spelt" | "spells"
            if second.as_deref() == Some("out") =>
        {
            1
        }
        "pushed" | "pushes" | "push" | "hit" | "hits" if second.as_deref() == Some("back") => 1,
        _ => return None,
    };
    Some(i + found)
}

/// The reporting predicates of a sentence, each with whom it credits:
/// its own subject, or the subject of the predicate before it that it
/// shares (`… but spoke positively of Trump`, `…, adding he saw …`); and
/// nouns of speech that name their source.
fn clauses(text: &str, ws: &[NWord<'_>], sentence: Span, narrative: &Narrative) -> Vec<Clause> {
    let found: Vec<&Mention> = narrative.speaking_in(sentence).collect();
    let mut out: Vec<Clause> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some((lead, end, kind)) = predicate_at(ws, i) else {
            if let Some(clause) = speech_noun(text, ws, i) {
                out.push(clause);
            }
            i += 1;
            continue;
        };
        let previous = lead.checked_sub(1).map(|p| lower_word(ws[p].text));
        let after_conjunction = previous.as_deref().is_some_and(|p| matches!(p, "but" | "and" | "also" | "then"))
            && !ws[lead].broken_before;
        let participle = ws[lead].broken_before && lower_word(ws[lead].text).ends_with("ing");
        // Its own subject: the attribution's, or one found before the lead.
        let own = found
            .iter()
            .find(|m| m.at == ws[i].at && (lead == i || m.who.end <= ws[lead].at))
            .map(|m| (*m).clone())
            .or_else(|| if participle { None } else { narrative.subject_of(text, ws, lead) });
        // `Russian signals designed to deter`: a word that may be a noun
        // (`signals`, `calls`) is a verb after a pronoun or a person.
        let noun_like = {
            let w = lower_word(ws[i].text);
            lead == i && w.ends_with('s') && !w.ends_with("ss") && !matches!(w.as_str(), "says" | "tells" | "insists")
        };
        let own = own.filter(|m| {
            !noun_like
                || match &m.subject {
                    Subject::Pronoun => true,
                    Subject::Name(n) => narrative.knows(n),
                    // `Energy chief calls …`: one person's role.
                    Subject::Role(r) => attribution::is_personal(r),
                    Subject::Nobody => false,
                }
        });
        let clause = if let Some(m) = own {
            let credit = narrative.resolve(&m);
            let relative = text[m.who.range()].eq_ignore_ascii_case("who");
            // `, and Olendorf said …`: a clause of its own after a conjunction.
            let opens_joined = ws
                .iter()
                .rposition(|w| w.at < m.who.start.min(ws[lead].at))
                .is_some_and(|p| matches!(lower_word(ws[p].text).as_str(), "but" | "and" | "while" | "whereas"));
            let who = (m.subject != Subject::Nobody || credit.is_some()).then_some(m.who);
            Clause { verb: i, lead, end, kind, who, credit, content_from: None, joined: opens_joined, relative }
        } else if participle || after_conjunction {
            // A predicate that shares the subject of the one before it; or,
            // opening a sentence's last part, the person the sentence is
            // about (`Brandt cast the lone vote, saying …`).
            let credit = out.last().and_then(|c| c.credit.clone()).or_else(|| {
                let m = narrative
                    .mentions
                    .iter()
                    .rev()
                    .find(|m| !m.speaks && sentence.contains(m.at) && m.at < ws[lead].at)
                    .cloned()
                    .or_else(|| sentence_subject(ws, lead))
                    .unwrap_or(Mention {
                        at: ws[lead].at,
                        subject: Subject::Pronoun,
                        speaks: true,
                        who: ws[lead].span(),
                    });
                narrative.resolve(&m)
            });
            Clause { verb: i, lead, end, kind, who: None, credit, content_from: None, joined: true, relative: false }
        } else {
            i += 1;
            continue;
        };
        out.push(clause);
        i = end + 1;
    }
    out
}

/// The person a sentence opens with, as a mention: a run of capitalised
/// words before its first lower-case word, ending before `lead`
/// (`Councilmember Hollis Brandt cast the lone vote, saying …`).
fn sentence_subject(ws: &[NWord<'_>], lead: usize) -> Option<Mention> {
    let end = (0..lead).find(|&k| !is_capitalised(ws[k].text) || (k > 0 && ws[k].broken_before))?;
    let first = ws.first().map(|w| lower_word(w.text)).unwrap_or_default();
    if matches!(first.as_str(), "he" | "she") {
        let who = ws[0].span();
        return Some(Mention { at: ws[0].at, subject: Subject::Pronoun, speaks: false, who });
    }
    if end == 0 || end > 4 || attribution::is_function_word(&first) {
        return None;
    }
    let words: Vec<&str> = ws[..end].iter().map(|w| w.text).collect();
    let who = ws[0].span().cover(ws[end - 1].span());
    Some(Mention { at: ws[0].at, subject: Subject::Name(words.join(" ")), speaks: false, who })
}

/// A noun of speech with its source and content: `criticism from X for
/// Y`, `claims by X that Y`.
fn speech_noun(text: &str, ws: &[NWord<'_>], i: usize) -> Option<Clause> {
    if !SPEECH_NOUNS.contains(&lower_word(ws[i].text).as_str()) {
        return None;
    }
    let from = (i + 1..ws.len().min(i + 3)).find(|&k| matches!(lower_word(ws[k].text).as_str(), "from" | "by"))?;
    let link = (from + 2..ws.len().min(from + 9))
        .find(|&k| matches!(lower_word(ws[k].text).as_str(), "for" | "over" | "that" | "of"))?;
    if ws[from + 1..=link].iter().any(|w| w.broken_before) {
        return None;
    }
    let source = ws[from + 1].span().cover(ws[link - 1].span());
    let name = text[source.range()].to_owned();
    Some(Clause {
        verb: i,
        lead: i,
        end: link,
        kind: Kind::Clause,
        who: Some(source),
        credit: Some((name, true)),
        content_from: Some(link + 1),
        joined: false,
        relative: false,
    })
}

/// Where the text before a joined clause ends: before its conjunction or
/// the comma that opens it.
fn boundary_before(text: &str, ws: &[NWord<'_>], clause: &Clause) -> usize {
    let start = clause.who.map_or(ws[clause.lead].at, |w| w.start.min(ws[clause.lead].at));
    let mut k = ws.iter().rposition(|w| w.at < start).map_or(0, |p| p + 1);
    while k > 0 && matches!(lower_word(ws[k - 1].text).as_str(), "but" | "and" | "also" | "then" | "while") {
        k -= 1;
        if ws[k].broken_before {
            break;
        }
    }
    let at = if k < ws.len() && ws[k].at < start { ws[k].at } else { start };
    text[..at].trim_end().trim_end_matches([',', ';', '—', '–']).trim_end().len()
}

/// The content of a clause and the frame words inside it, or `None`.
fn content_of(
    text: &str,
    ws: &[NWord<'_>],
    quoted: &[Span],
    clause: &Clause,
    body: Span,
    limit: usize,
) -> Option<(Span, Vec<Span>)> {
    let verb = ws[clause.verb];
    let predicate = ws[clause.lead].span().cover(ws[clause.end].span());
    if let Some(from) = clause.content_from {
        let start = ws.get(from)?.at;
        return (start < limit).then(|| (Span::new(start, limit), Vec::new()));
    }
    let lower = lower_word(verb.text);
    let subject_start = clause.who.map_or(predicate.start, |w| w.start.min(predicate.start));
    let mut frame = vec![predicate];
    frame.extend(clause.who);
    // What follows the predicate: adverbs, a particle, a listener, `that`.
    let mut k = clause.end + 1;
    let in_limit = |k: usize| k < ws.len() && ws[k].at < limit;
    while in_limit(k) && !ws[k].broken_before && lower_word(ws[k].text).ends_with("ly") {
        k += 1;
    }
    if in_limit(k) && !ws[k].broken_before && matches!(lower_word(ws[k].text).as_str(), "back" | "out") {
        frame.push(ws[k].span());
        k += 1;
    }
    let next = in_limit(k).then(|| lower_word(ws[k].text));
    let naming = matches!(
        lower.as_str(),
        "called" | "calls" | "dubbed" | "termed" | "labelled" | "labeled" | "branded" | "described" | "describes"
    );
    // `what Thorvik called “the hottest week”`: the quote says it all.
    let quote_next = text[verb.span().end..limit].trim_start().starts_with(['"', '“', '‘', '\'', '«']);
    if naming && quote_next {
        return None;
    }
    let clause_next = matches!(next.as_deref(), Some("he" | "she" | "it" | "they" | "we" | "i" | "there"))
        || next.as_deref() == Some("that") && !naming;
    // A predicate negated or declined, or one whose object is what was
    // said, keeps its verb; one followed by a clause does not.
    let keeps_verb = clause.lead < clause.verb
        || (clause.kind == Kind::Characterising && (!clause_next || verb_needs_object(&lower)));
    let mut content_start = if keeps_verb {
        predicate.start
    } else if clause.kind == Kind::ObjectInfinitive {
        predicate.end
    } else if naming {
        ws[k - 1].span().end
    } else {
        after_listener(ws, k - 1, &lower, limit, &mut frame)
    };
    // `said Janet Pruitt, 64, …`: the subject after the verb is no content.
    if let Some(who) = clause.who.filter(|w| w.start > verb.at) {
        content_start = content_start.max(who.end);
    }
    content_start = content_start.min(limit);
    // The comma that closes what comes before the subject, if only a few
    // words of the subject's (titles, a role) stand between: `…, Foreign
    // Minister Sergei Lavrov told`, `Russia, he said,`. A comma inside a
    // quote (`"…,” he said`) closes the quote's words.
    let head = &text[body.start..subject_start];
    let comma =
        head.rfind(',').filter(|&c| attribution::words(text, Span::new(body.start + c + 1, subject_start)).len() <= 6);
    let before = comma.map(|c| {
        let at = body.start + c;
        let end = quoted.iter().find(|q| q.start <= at && at < q.end).map_or(at, |q| q.end);
        Span::new(body.start, end)
    });
    // `Pressed on whether …, Thorvik said`, `In a statement, …`: a frame,
    // not what was said.
    let framed = |span: Span| {
        let ws = attribution::words(text, span);
        let first = ws.first().map(|w| lower_word(w.text)).unwrap_or_default();
        let second = ws.get(1).map(|w| lower_word(w.text)).unwrap_or_default();
        // `at least nine deaths`, `in fact`: what was said, not a scene.
        let idiom = matches!((first.as_str(), second.as_str()), ("at", "least" | "most") | ("in", "fact" | "total"));
        !idiom && (first.ends_with("ed") || first.ends_with("ing") || FRAME_PREPOSITIONS.contains(&first.as_str()))
    };
    // `…, yet he admits`: a clause of its own before, not what he admits;
    // a predicate sharing an earlier subject reports only what follows it.
    let conjunction = comma.is_some_and(|c| {
        attribution::words(text, Span::new(body.start + c + 1, subject_start)).iter().any(|w| {
            matches!(lower_word(w.text).as_str(), "yet" | "but" | "and" | "while" | "though" | "although" | "so")
        })
    });
    let before = before.filter(|&b| !framed(b) && !conjunction && clause.who.is_some());
    let before_has_words = before.is_some_and(|b| text[b.range()].chars().any(char::is_alphanumeric));
    if let Some(c) = comma {
        frame.push(Span::new(body.start + c + 1, subject_start));
    }
    let after = Span::new(content_start, limit);
    let after_text = &text[after.range()];
    let opens_with_comma = after_text.trim_start().starts_with(',');
    let inverted = clause.who.is_some_and(|w| w.start > verb.at);
    // `, he said,` in the middle: the content runs around it.
    if before_has_words && opens_with_comma && !keeps_verb && !inverted && after_text.chars().any(char::is_alphanumeric)
    {
        return Some((Span::new(body.start, limit), frame));
    }
    // `… said in a statement.`: the words after the verb set the scene.
    let scene = !keeps_verb && framed(after) && !after_text.contains(['"', '“', '«']);
    let said_after = after_text.chars().any(char::is_alphanumeric) && !opens_with_comma && !scene;
    if said_after && !(inverted && before_has_words) {
        return Some((after, frame));
    }
    // `Russia is open to talks …, Lavrov told Carlson.`
    if let (Some(before), true) = (before, before_has_words) {
        return Some((before, frame));
    }
    // `According to X, …`.
    if lower == "according" {
        let rest = text[clause.who.map_or(verb.span().end, |w| w.end)..limit].trim_start();
        if let Some(rest) = rest.strip_prefix(',') {
            let start = limit - rest.len();
            return Some((Span::new(start, limit), frame));
        }
    }
    None
}

/// True for a characterising verb that keeps its object even before a
/// clause-like word (`praised them`, `accused him of …`).
fn verb_needs_object(verb: &str) -> bool {
    matches!(verb, "praised" | "praises" | "accused" | "accuses" | "blamed" | "blames" | "criticised" | "criticized")
}

/// Where what was said starts after a predicate ending at word `verb`:
/// past a listener (`told U.S. journalist Tucker Carlson`, `told Reuters
/// this week`) and a `that`. The listener's words join the frame.
fn after_listener(ws: &[NWord<'_>], verb: usize, lower: &str, limit: usize, frame: &mut Vec<Span>) -> usize {
    let in_limit = |k: usize| k < ws.len() && ws[k].at < limit;
    let is_listener = |w: &str| is_capitalised(w) || LISTENER_WORDS.contains(&lower_word(w).as_str());
    let mut k = verb + 1;
    let telling = TELLING.contains(&lower);
    // Listener words (times, places) up to a `that` (`told the Gazette
    // after the meeting that …`); for a verb of telling, the listener's
    // words whether a `that` follows or not.
    let mut j = k;
    while in_limit(j) && j - verb <= 8 && (j == k || !ws[j].broken_before) && lower_word(ws[j].text) != "that" {
        if !is_listener(ws[j].text) {
            break;
        }
        j += 1;
    }
    let that_next = in_limit(j) && lower_word(ws[j].text) == "that" && (j == k || !ws[j].broken_before);
    if telling && !that_next {
        j = k;
        while in_limit(j) && j - verb <= 8 && (j == k || !ws[j].broken_before) && is_listener(ws[j].text) {
            j += 1;
        }
    }
    if that_next || telling {
        if j > k {
            frame.push(ws[k].span().cover(ws[j - 1].span()));
        }
        k = j;
    }
    if that_next {
        frame.push(ws[k].span());
        k += 1;
    }
    ws[k - 1].span().end.min(limit)
}

/// A content without the frame that may trail it (`, without providing
/// details`, `, who returns …` at its end) and without the blanks and
/// marks at its edges.
fn trim_content(text: &str, content: Span) -> Span {
    let s = &text[content.range()];
    let mut end = s.len();
    let mut in_quote = false;
    for (i, c) in s.char_indices() {
        if matches!(c, '"' | '“' | '”' | '«' | '»') {
            in_quote = !in_quote;
        }
        if c != ',' || in_quote {
            continue;
        }
        let rest = s[i + 1..].trim_start();
        let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
        let trailing_relative = matches!(word.as_str(), "who" | "whose" | "which") && !rest.contains(',');
        if FRAME_OPENERS.contains(&word.as_str()) || trailing_relative {
            end = i;
            break;
        }
    }
    let kept = &s[..end];
    let edge = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–');
    let leading = kept.len() - kept.trim_start_matches(edge).len();
    let trailing = kept.trim_end_matches(|c: char| edge(c) || c == '.');
    let start = content.start + leading;
    Span::new(start, (content.start + trailing.len()).max(start))
}
