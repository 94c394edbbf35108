//! Who the article credits with a quote, and whether it places the words
//! on another occasion.
//!
//! The narrative around the quotes is scanned for attribution clauses: a
//! speech verb with its subject (`Lavrov said`, `said Lavrov`, `he told
//! Carlson`, `according to Lavrov`, `the ministry said`, `people close to
//! Trump told`). A quote takes the clause nearest to it in its own
//! sentence; failing that, the person the sentence is about (`Governor
//! Whitfield, whose …, returned to her refrain, "…"`); a quote that follows
//! another in its paragraph shares its speaker, and one that opens a
//! paragraph continues whoever the article last had speak or introduced.
//! `he` and `she` stand for the last person mentioned (a body or a group
//! is passed over): a speech verb's subject, a titled name (`Senator
//! Marcus Olendorf`), a name followed by `who` or `whose`, a full name
//! opening a sentence with an apposition, or a person already named
//! opening a sentence. A surname becomes the fullest form of the name the
//! article uses (`Lavrov` → `Sergei Lavrov`).
//!
//! Not every capitalised word is a person: a news outlet (`CNN`,
//! `Vox.com`) credits nobody; a name after `the` is a body (`the General
//! Assembly`); a name after a preposition belongs to a bigger phrase
//! (`people close to Trump`); a word the article also writes in lower case
//! is a common noun when it opens a sentence (`Management said`); a name
//! before a role qualifies it (`the former Wexbury Town manager`); and
//! two names run together are told apart when the article names the first
//! elsewhere (`Chris Wallace Biden said` → Biden). Roles, bodies and groups
//! are credited as such ([`Quote::role`](super::Quote::role)).
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
pub(crate) const SPEECH_VERBS: &[&str] = &[
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
    "praised", "praises", "criticised", "criticized", "criticises", "criticizes", "condemned", "condemns",
    "hailed", "hails", "blamed", "blames", "lamented", "laments", "defended", "defends", "pressed", "pushed",
];

/// Verbs that may come before their subject (`said Lavrov`).
#[rustfmt::skip]
pub(crate) const INVERTIBLE: &[&str] = &[
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
    "councilmember", "councilmembers", "alderman", "alderwoman", "trustee", "supervisor", "selectman", "clerk",
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

/// Days, months and spans of time, which are never names (`on Monday`).
#[rustfmt::skip]
const TIMES: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "week", "month",
    "year", "morning", "evening", "night", "weekend",
];

/// Words that tie a name to a bigger phrase when they stand before it: in
/// `people close to Trump told`, Trump is not the one speaking.
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "of", "to", "from", "with", "for", "at", "by", "in", "on", "near", "about", "against", "among", "behind",
    "under", "over", "like", "than", "toward", "towards", "into", "onto", "via", "per", "and", "or",
];

/// Words that can open a noun phrase standing as a subject (`the head of
/// the union`, `some in the West`, `many economists`).
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "many", "most", "several", "few", "all", "both", "his", "her", "their", "its", "our",
    "two", "three", "four", "five", "other", "others", "critics", "supporters", "opponents", "officials",
    "experts", "analysts", "residents", "people", "sources", "aides", "advisers", "advisors", "economists",
    "lawmakers", "democrats", "republicans", "members", "leaders", "diplomats", "witnesses",
];

/// Who a clause names as its subject.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A person's name (`Sergei Lavrov`).
    Name(String),
    /// A role, a body or a group rather than a person (`the minister`, `a
    /// Meridian spokeswoman`, `people close to Trump`).
    Role(String),
    /// `he` or `she`.
    Pronoun,
    /// Someone the article does not name: `they`, `we`, or a news outlet
    /// reporting what was said (`CNN reported`).
    Nobody,
}

/// A person named in the narrative, or a speech verb with its subject, at
/// an offset.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// Where the verb starts (a speech clause) or the name (a mention).
    pub at: usize,
    /// Who.
    pub subject: Subject,
    /// True for a speech verb's subject; false for a mere mention.
    pub speaks: bool,
    /// The subject's words (the name, for a mention).
    pub who: Span,
}

/// A word of narrative text, and whether punctuation separates it from
/// the word before.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NWord<'a> {
    /// The word (a trailing dot kept for abbreviations).
    pub text: &'a str,
    /// Its offset.
    pub at: usize,
    /// True when punctuation (or the start of the text read) comes before.
    pub broken_before: bool,
}

impl NWord<'_> {
    /// The word's span.
    pub fn span(&self) -> Span {
        Span::new(self.at, self.at + self.text.len())
    }
}

/// What the article says of one quote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Credit {
    /// The speaker credited.
    pub name: Option<String>,
    /// True when the credit names a role, a body or a group, not a person.
    pub role: bool,
    /// Words placing the quote on another occasion, if any.
    pub elsewhere: Option<Span>,
}

/// What the words of the article tell about names.
#[derive(Default)]
struct Lexis {
    /// Words the article writes in lower case somewhere: a capitalised
    /// one of them opening a sentence is a common noun, not a name.
    lowercase: rustc_hash::FxHashSet<String>,
    /// Names the article gives people (after a title, before `who`, as a
    /// speech verb's subject), for telling a name from two run together.
    people: Vec<String>,
}

/// The people and the speech clauses of an article's narrative (the text
/// outside its quotes), in text order.
pub(crate) struct Narrative {
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// The names of the people mentioned, for the fullest form of a name.
    names: Vec<String>,
    lexis: Lexis,
}

impl Narrative {
    /// Reads the narrative of `text`: its paragraphs minus the `quoted`
    /// spans (quotation marks included).
    pub fn read(text: &str, paragraphs: &[Span], quoted: &[Span]) -> Self {
        let pieces = narrative_pieces(paragraphs, quoted);
        let mut lexis = Lexis::default();
        for &piece in &pieces {
            for w in words(text, piece) {
                if !is_capitalised(w.text) {
                    lexis.lowercase.insert(lower_word(w.text));
                }
            }
        }
        // Two passes: the names the first finds tell run-together names
        // apart in the second (`moderator Chris Wallace Biden said`).
        let collect = |lexis: &Lexis| {
            let mut mentions: Vec<Mention> = pieces.iter().flat_map(|&p| mentions_in(text, p, lexis)).collect();
            mentions.sort_by_key(|m| m.at);
            mentions
        };
        lexis.people = collect(&lexis)
            .into_iter()
            .filter_map(|m| match m.subject {
                Subject::Name(n) if n.split_whitespace().count() >= 2 => Some(n),
                _ => None,
            })
            .collect();
        let mentions = collect(&lexis);
        let names = mentions
            .iter()
            .filter_map(|m| match &m.subject {
                Subject::Name(n) => Some(n.clone()),
                _ => None,
            })
            .collect();
        Self { mentions, names, lexis }
    }

    /// True when the article names `name` as a person elsewhere (by a
    /// title, an apposition, a speech verb): as a name or a surname.
    pub fn knows(&self, name: &str) -> bool {
        let last = name.split_whitespace().last().map(str::to_lowercase);
        name.split_whitespace().count() >= 2
            || self.lexis.people.iter().any(|p| p.split_whitespace().last().map(str::to_lowercase) == last)
    }

    /// The subject of a verb at word `verb` of `ws` (words of `text`), as
    /// a mention at the verb, if it has one.
    pub fn subject_of(&self, text: &str, ws: &[NWord<'_>], verb: usize) -> Option<Mention> {
        let (subject, first) = subject_before(text, ws, verb, &self.lexis)?;
        let who = subject_words(ws, first, verb);
        Some(Mention { at: ws[verb].at, subject, speaks: true, who })
    }

    /// The name a mention stands for: a pronoun is the last person or
    /// role mentioned before it; a surname is the fullest form of the
    /// name the article uses. `None` for someone unnamed.
    pub fn resolve(&self, mention: &Mention) -> Option<(String, bool)> {
        let named = |subject: &Subject| match subject {
            Subject::Name(name) => Some((self.fullest(name), false)),
            Subject::Role(role) => Some((role.clone(), true)),
            Subject::Pronoun | Subject::Nobody => None,
        };
        match &mention.subject {
            // `he` and `she` are people: a body or a group is passed over.
            Subject::Pronoun => self
                .mentions
                .iter()
                .rev()
                .filter(|m| m.at < mention.at && !matches!(&m.subject, Subject::Role(r) if !personal(r)))
                .find_map(|m| named(&m.subject)),
            other => named(other),
        }
    }

    /// The speech clauses whose verb lies in a span.
    pub fn speaking_in(&self, span: Span) -> impl DoubleEndedIterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.speaks && span.contains(m.at))
    }

    fn fullest(&self, name: &str) -> String {
        fullest_form(&self.names, name.to_owned())
    }
}

/// The credit of each quote (`found` is sorted and non-overlapping).
pub(super) fn attribute(text: &str, paragraphs: &[Span], found: &[Found]) -> Vec<Credit> {
    let marked: Vec<Span> = found.iter().map(|f| f.marked).collect();
    let narrative = Narrative::read(text, paragraphs, &marked);
    let mentions = &narrative.mentions;
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
        let own = match (narrative.speaking_in(before).next_back(), narrative.speaking_in(after).next()) {
            (Some(b), Some(a)) => Some(if a.at - quote.marked.end <= quote.marked.start - b.at { a } else { b }),
            (b, a) => a.or(b),
        };
        let subject = mentions.iter().find(|m| !m.speaks && before.contains(m.at));
        let follows_quote =
            i > 0 && found[i - 1].marked.end > para.start && found[i - 1].marked.end <= quote.marked.start;
        let name = if let Some(mention) = own {
            narrative.resolve(mention)
        } else if let Some(mention) = subject {
            narrative.resolve(mention)
        } else if follows_quote {
            // `"X," he said, adding: "Y"` — a later quote of the same paragraph.
            credits[i - 1].name.clone().map(|n| (n, credits[i - 1].role))
        } else if quote.marked.start == para.start {
            // A paragraph that opens with a quote continues whoever the
            // article last had speak or last introduced: the last quote's
            // speaker, unless someone speaks or is introduced after it.
            let last_quote = found[..i].iter().zip(&credits).rev().find(|(_, c)| c.name.is_some());
            let since = last_quote.map_or(0, |(f, _)| f.marked.end);
            let introduced = mentions
                .iter()
                .rev()
                .filter(|m| m.at >= since && m.at < quote.marked.start)
                .find_map(|m| narrative.resolve(m));
            introduced.or_else(|| last_quote.and_then(|(_, c)| c.name.clone().map(|n| (n, c.role))))
        } else {
            None
        };
        let elsewhere = elsewhere_in(text, before).or_else(|| elsewhere_in(text, after));
        let (name, role) = name.map_or((None, false), |(n, r)| (Some(n), r));
        credits.push(Credit { name, role, elsewhere });
    }
    credits
}

/// The first phrase in `span` that places a quote on another occasion.
pub(crate) fn elsewhere_in(text: &str, span: Span) -> Option<Span> {
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
    // `told the Chronicle`, `in an interview with CNN`: the outlet and
    // the nearest of these words before it.
    let ws = words(text, span);
    for (k, w) in ws.iter().enumerate() {
        if !(is_outlet(w.text) && is_capitalised(w.text)) {
            continue;
        }
        let mut i = k;
        while i > 0 && k - i < 3 && !ws[i].broken_before {
            i -= 1;
            if matches!(lower_word(ws[i].text).as_str(), "told" | "with" | "to") {
                let cue = ws[i].span().cover(w.span());
                if best.is_none_or(|b| cue.start < b.start) {
                    best = Some(cue);
                }
                break;
            }
        }
    }
    best
}

/// True for a word that names a news outlet (`Reuters`, `Chronicle`,
/// `Vox.com`).
fn is_outlet(word: &str) -> bool {
    let lower = lower_word(word);
    let lower = lower.trim_end_matches("'s").trim_end_matches("’s");
    let domain = [".com", ".org", ".net", ".co.uk", ".news", ".io"].iter().any(|tld| lower.ends_with(tld));
    OUTLETS.contains(&lower) || domain
}

/// The stretches of the paragraphs outside the quoted spans.
fn narrative_pieces(paragraphs: &[Span], quoted: &[Span]) -> Vec<Span> {
    let mut pieces = Vec::new();
    for para in paragraphs {
        let mut at = para.start;
        for q in quoted.iter().filter(|q| q.start < para.end && q.end > para.start) {
            if q.start > at {
                pieces.push(Span::new(at, q.start));
            }
            at = at.max(q.end);
        }
        if at < para.end {
            pieces.push(Span::new(at, para.end));
        }
    }
    pieces
}

/// The words of `text[span]`, each knowing whether punctuation comes
/// before it.
pub(crate) fn words(text: &str, span: Span) -> Vec<NWord<'_>> {
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

/// A word in lower case, without a trailing dot.
pub(crate) fn lower_word(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_title(word: &str) -> bool {
    TITLES.contains(&lower_word(word).as_str())
}

fn name_word(word: &str) -> bool {
    let lower = lower_word(word);
    is_capitalised(word)
        && !is_title(word)
        && !NOT_NAMES.contains(&lower.as_str())
        && !TIMES[..19].contains(&lower.as_str())
}

/// True for a word that opens sentences in capitals but never a name
/// (`The`, `But`, `They`).
pub(crate) fn is_function_word(lower: &str) -> bool {
    NOT_NAMES.contains(&lower)
}

/// True when a speech verb (in any form the articles use) is at word `i`.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    let lower = lower_word(word);
    SPEECH_VERBS.contains(&lower.as_str())
        || lower.strip_suffix("ing").is_some_and(|stem| {
            // `acknowledging` for `acknowledged`, `noting` for `noted`.
            [format!("{stem}ed"), format!("{stem}s"), format!("{stem}es"), format!("{stem}d")]
                .iter()
                .any(|form| SPEECH_VERBS.contains(&form.as_str()))
        })
}

/// True when nothing but blanks and opening quotation marks stand between
/// `at` and the end of a sentence before it (or the start of the text).
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'".contains(c));
    before.is_empty()
        || before.ends_with(['.', '!', '?', '\n'])
        || before.ends_with(['”', '"', '’']) && {
            let inner = before.trim_end_matches(['”', '"', '’']);
            inner.ends_with(['.', '!', '?'])
        }
}

fn mentions_in(text: &str, span: Span, lexis: &Lexis) -> Vec<Mention> {
    let ws = words(text, span);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let verb = lower_word(w.text);
        if verb == "according" && ws.get(i + 1).is_some_and(|n| n.text == "to" && !n.broken_before) {
            if let Some((subject, who)) = name_after(&ws, i + 2, lexis).or_else(|| phrase_after(&ws, i + 2)) {
                out.push(Mention { at: w.at, subject, speaks: true, who });
            }
            continue;
        }
        if !speaks_here(&ws, i) {
            if let Some((name, who)) = person_at(text, &ws, i, lexis) {
                out.push(Mention { at: w.at, subject: Subject::Name(name), speaks: false, who });
            }
            continue;
        }
        if SPEECH_VERBS.contains(&verb.as_str())
            && i > 0
            && let Some((subject, first)) = subject_before(text, &ws, i, lexis)
        {
            let who = subject_words(&ws, first, i);
            out.push(Mention { at: w.at, subject, speaks: true, who });
            continue;
        }
        if INVERTIBLE.contains(&verb.as_str()) && ws.get(i + 1).is_some_and(|n| !n.broken_before) {
            // `said Lavrov.` ends the clause; `says Russia did not…` is a
            // verb with its object, not an inverted subject.
            let inverted = name_after(&ws, i + 1, lexis).or_else(|| role_after(&ws, i + 1)).filter(|(_, who)| {
                let next = text[who.end..].trim_start().chars().next();
                next.is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '—' | '–'))
            });
            if let Some((subject, who)) = inverted {
                out.push(Mention { at: w.at, subject, speaks: true, who });
            } else if ws.get(i + 1).is_some_and(|n| matches!(lower_word(n.text).as_str(), "he" | "she")) {
                let who = ws[i + 1].span();
                out.push(Mention { at: w.at, subject: Subject::Pronoun, speaks: true, who });
            }
            continue;
        }
        if let Some((name, who)) = person_at(text, &ws, i, lexis) {
            out.push(Mention { at: w.at, subject: Subject::Name(name), speaks: false, who });
        }
    }
    out
}

/// The words of a subject starting at word `first`, up to the verb at
/// `verb` or the aside that parts them (`Whitfield, who said …,
/// countered` → Whitfield).
fn subject_words(ws: &[NWord<'_>], first: usize, verb: usize) -> Span {
    let last = (first + 1..verb).find(|&k| ws[k].broken_before).map_or(verb.saturating_sub(1), |k| k - 1);
    ws[first].span().cover(ws[last.max(first)].span())
}

/// The end of the run of name words starting at word `i` (at most four).
fn run_end(ws: &[NWord<'_>], i: usize) -> usize {
    let mut end = i;
    while end + 1 < ws.len() && end + 1 - i < 4 && name_word(ws[end + 1].text) && !ws[end + 1].broken_before {
        end += 1;
    }
    end
}

/// A person named at word `i` without a speech verb: a name after a title
/// (`Senator Marcus Olendorf`), a name followed by `, who` or `, whose`
/// (`Quintero, who backs …`), a full name opening a sentence with an
/// apposition (`Piotr Kowalczyk, Meridian's chief operating officer,`), or
/// a person already named opening a sentence (`Quintero closed with …`).
/// A name that qualifies a role (`the former Wexbury Town manager`) is a
/// club or a place, not a person.
fn person_at(text: &str, ws: &[NWord<'_>], i: usize, lexis: &Lexis) -> Option<(String, Span)> {
    let starts_run = name_word(ws[i].text) && (i == 0 || ws[i].broken_before || !name_word(ws[i - 1].text));
    if !starts_run {
        return None;
    }
    let end = run_end(ws, i);
    let next = ws.get(end + 1).filter(|n| !n.broken_before);
    let qualifies_a_role = next.is_some_and(|n| {
        let word = lower_word(n.text);
        let word = word.trim_end_matches("'s").trim_end_matches("’s");
        TITLES.contains(&word) || ROLES.contains(&word)
    });
    if qualifies_a_role {
        return None;
    }
    let run: Vec<&str> = ws[i..=end].iter().map(|w| w.text).collect();
    let who = ws[i].span().cover(ws[end].span());
    let name = split_known(&clean_name(&run), lexis);
    // `Senator Marcus Olendorf`, `Kremlin spokesman Dmitry Peskov`.
    let titled = i > 0 && !ws[i].broken_before && is_title(ws[i - 1].text);
    let relative =
        ws.get(end + 1).is_some_and(|n| n.broken_before && matches!(lower_word(n.text).as_str(), "who" | "whose"));
    let opening = opens_sentence(text, ws[i].at);
    let appositive = opening && end > i && text[ws[end].span().end..].trim_start().starts_with(',');
    let known = opening
        && !common_noun(text, ws, i, end, lexis)
        && lexis.people.iter().any(|p| p.split_whitespace().last() == name.split_whitespace().last());
    // `Declan Furlong has sat through …`: a first name and a surname
    // opening a sentence, before its verb.
    let subject = opening
        && end == i + 1
        && next.is_some_and(|n| {
            let w = lower_word(n.text);
            AUXILIARIES.contains(&w.as_str()) || SPEECH_VERBS.contains(&w.as_str()) || w.ends_with("ed")
        });
    (titled || relative || appositive || known || subject).then_some((name, who))
}

/// True for a single capitalised word opening a sentence that the article
/// also writes in lower case (`Management said`): a common noun.
fn common_noun(text: &str, ws: &[NWord<'_>], i: usize, end: usize, lexis: &Lexis) -> bool {
    i == end && opens_sentence(text, ws[i].at) && lexis.lowercase.contains(&lower_word(ws[i].text))
}

/// A name whose first words are the full name of someone else the article
/// names, run together with it (`Chris Wallace Biden` when Chris Wallace
/// is named elsewhere): the name after them.
fn split_known(name: &str, lexis: &Lexis) -> String {
    let parts: Vec<&str> = name.split_whitespace().collect();
    if parts.len() < 3 {
        return name.to_owned();
    }
    for cut in 2..parts.len() {
        let head = parts[..cut].join(" ");
        if head != name && lexis.people.contains(&head) {
            return parts[cut..].join(" ");
        }
    }
    name.to_owned()
}

/// The subject before the verb at `verb`, and the index of its first word:
/// a pronoun, a run of name words, a role (`the minister`, `a Meridian
/// spokeswoman`) or a noun phrase (`people close to Trump`, `the head of
/// the union`).
fn subject_before(text: &str, ws: &[NWord<'_>], verb: usize, lexis: &Lexis) -> Option<(Subject, usize)> {
    let mut j = verb;
    let mut skipped = 0;
    while j > 0 && !ws[j].broken_before && skipped < 3 {
        let before = lower_word(ws[j - 1].text);
        if AUXILIARIES.contains(&before.as_str()) {
            j -= 1;
        } else if TIMES.contains(&before.as_str())
            && j >= 2
            && !ws[j - 1].broken_before
            && matches!(lower_word(ws[j - 2].text).as_str(), "on" | "last" | "this" | "next" | "in")
        {
            // `The President on Monday announced`, `she last week said`.
            j -= 2;
        } else {
            break;
        }
        skipped += 1;
    }
    if j == 0 {
        return None;
    }
    if ws[j].broken_before {
        return appositive_subject(text, ws, j, lexis);
    }
    let nearest = lower_word(ws[j - 1].text);
    // `a warning`, `his remarks`, `Lavrov's claims`: a noun, not a verb.
    let possessive = nearest.ends_with("'s") || nearest.ends_with("’s") || nearest.ends_with(['\'', '’']);
    if possessive || NOUN_MARKERS.contains(&nearest.as_str()) {
        return None;
    }
    match nearest.as_str() {
        "he" | "she" => return Some((Subject::Pronoun, j - 1)),
        "they" | "we" | "i" | "you" => return Some((Subject::Nobody, j - 1)),
        // `Whitfield, who said …`: the person the clause is about.
        "who" => return antecedent(ws, j - 1, lexis),
        // `a plan, which calls for …`: a thing does not speak.
        "it" | "which" | "that" => return None,
        _ => {}
    }
    let mut k = j;
    while k > 0 && j - k < 4 && name_word(ws[k - 1].text) && (k == j || !ws[k].broken_before) {
        k -= 1;
    }
    // `Chris Wallace Biden said`, Chris Wallace being named elsewhere.
    if k < j {
        let run: Vec<&str> = ws[k..j].iter().map(|w| w.text).collect();
        let name = clean_name(&run);
        k = j - split_known(&name, lexis).split_whitespace().count().min(j - k);
    }
    if k < j && !common_noun(text, ws, k, j - 1, lexis) {
        let run: Vec<&str> = ws[k..j].iter().map(|w| w.text).collect();
        // `the story, which Furlong tells twice`: the verb's object is the
        // thing before, not what was said.
        if k > 0 && !ws[k].broken_before && matches!(lower_word(ws[k - 1].text).as_str(), "which" | "whom" | "that") {
            return None;
        }
        if run.iter().all(|w| is_outlet(w)) {
            return Some((Subject::Nobody, k));
        }
        // Titles between a determiner and the name: `the General Assembly`.
        let mut t = k;
        while t > 0 && !ws[t].broken_before && is_title(ws[t - 1].text) && is_capitalised(ws[t - 1].text) {
            t -= 1;
        }
        let before = (k > 0 && !ws[k].broken_before).then(|| lower_word(ws[k - 1].text));
        let det = (t > 0 && !ws[t].broken_before).then(|| lower_word(ws[t - 1].text));
        // `Senator Okafor of Georgia posted`: the person, not the place.
        if before.as_deref() == Some("of") && k >= 2 && !ws[k - 1].broken_before && name_word(ws[k - 2].text) {
            let mut m = k - 1;
            while m > 0 && k - 1 - m < 4 && name_word(ws[m - 1].text) && (m == k - 1 || !ws[m].broken_before) {
                m -= 1;
            }
            let person: Vec<&str> = ws[m..k - 1].iter().map(|w| w.text).collect();
            return Some((Subject::Name(clean_name(&person)), m));
        }
        // `the General Assembly said`, `the Kremlin said`: a body (a
        // person's name after `the` has a first name and a surname).
        if matches!(det.as_deref(), Some("the" | "a" | "an")) && (j - k == 1 || t == k) {
            let words: Vec<&str> = ws[t - 1..j].iter().map(|w| w.text).collect();
            return Some((Subject::Role(clean_name(&words)), t - 1));
        }
        // `people close to Trump told`: Trump is not the speaker.
        if before.as_deref().is_some_and(|p| PREPOSITIONS.contains(&p)) {
            return phrase_before(ws, j);
        }
        return Some((Subject::Name(clean_name(&run)), k));
    }
    // `a missile called the Oreshnik`: naming, not speaking.
    let naming = matches!(lower_word(ws[verb].text).as_str(), "called" | "dubbed" | "named" | "described" | "titled");
    role_before(ws, j).or_else(|| if only_a_verb(ws[verb].text) && !naming { phrase_before(ws, j) } else { None })
}

/// True when the speech word at `i` can be a verb here: verbs are not
/// capitalised inside a sentence, and some speak only with a particle
/// (`fired back`, `put it`).
fn speaks_here(ws: &[NWord<'_>], i: usize) -> bool {
    let next = ws.get(i + 1).filter(|n| !n.broken_before).map(|n| lower_word(n.text));
    match lower_word(ws[i].text).as_str() {
        "fired" | "shot" => next.as_deref() == Some("back"),
        "put" | "puts" => matches!(next.as_deref(), Some("it" | "out" | "forward")),
        "pressed" | "pushed" => matches!(next.as_deref(), Some("for" | "to" | "back")),
        _ => !is_capitalised(ws[i].text) || ws[i].broken_before && i == 0,
    }
}

/// Words that make a role a body or a group rather than one person.
#[rustfmt::skip]
const BODIES: &[&str] = &[
    "ministry", "department", "agency", "campaign", "government", "company", "administration", "committee",
    "union", "office", "council", "court", "parliament", "senate", "congress", "assembly", "board", "management",
    "staff", "police", "party", "team", "club", "group", "firm", "bank", "commission", "authority", "service",
    "kremlin", "pentagon", "white", "house", "people", "public", "crowd", "audience",
];

/// The head word of a role or group: its last word before any
/// preposition, past adjectives that take one (`people close to Trump` →
/// people, `the head of the union` → head, `union chief` → chief).
pub(crate) fn head_of(role: &str) -> String {
    let words: Vec<String> =
        role.split_whitespace().map(lower_word).take_while(|w| !PREPOSITIONS.contains(&w.as_str())).collect();
    let head = words
        .iter()
        .rev()
        .find(|w| !matches!(w.as_str(), "close" | "familiar" | "near" | "loyal" | "opposed" | "linked" | "connected"))
        .or(words.first());
    head.map_or_else(String::new, |w| {
        w.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches(['\'', '’']).to_owned()
    })
}

/// True for a role that one person fills (`the minister`, `the head of
/// the union`, `union chief`), not a body or a group (`the union`,
/// `people close to Trump`): its head is no body and no plural.
pub(crate) fn is_personal(role: &str) -> bool {
    personal(role)
}

fn personal(role: &str) -> bool {
    let head = head_of(role);
    let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
    !(BODIES.contains(&head.as_str()) || plural)
}

/// Words after which a speech word is a noun (`a warning`, `the claims`).
#[rustfmt::skip]
const NOUN_MARKERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "such",
    "any", "no", "every", "each", "new", "recent", "earlier", "latest", "repeated", "similar", "other",
];

/// True for a speech word that cannot be a noun (`said`, `told`,
/// `warned`), so that whatever noun phrase stands before it is its
/// subject; `claims` or `calls` after a noun phrase may be a noun itself.
fn only_a_verb(word: &str) -> bool {
    let w = lower_word(word);
    w.ends_with("ed")
        || matches!(
            w.as_str(),
            "said"
                | "says"
                | "say"
                | "told"
                | "tells"
                | "tell"
                | "wrote"
                | "writes"
                | "spoke"
                | "speak"
                | "speaks"
                | "describe"
                | "describes"
                | "argue"
                | "argues"
                | "insist"
                | "insists"
                | "warn"
                | "warns"
                | "believe"
                | "believes"
                | "expect"
                | "expects"
                | "predict"
                | "predicts"
                | "urge"
                | "urges"
                | "admit"
                | "admits"
                | "deny"
                | "denies"
                | "agree"
                | "agrees"
                | "explain"
                | "explains"
                | "suggest"
                | "suggests"
                | "acknowledge"
                | "acknowledges"
                | "forecast"
                | "forecasts"
        )
}

/// The name a `who` at word `who` stands for: the name just before the
/// comma that opens the relative clause (`Whitfield, who said …`).
fn antecedent(ws: &[NWord<'_>], who: usize, lexis: &Lexis) -> Option<(Subject, usize)> {
    if who == 0 || !ws[who].broken_before {
        return None;
    }
    let mut k = who;
    while k > 0 && who - k < 4 && name_word(ws[k - 1].text) && (k == who || !ws[k].broken_before) {
        k -= 1;
    }
    (k < who).then(|| {
        let run: Vec<&str> = ws[k..who].iter().map(|w| w.text).collect();
        (Subject::Name(split_known(&clean_name(&run), lexis)), who)
    })
}

/// The subject of a verb at word `j` that an apposition or a relative
/// clause parts from it (`Ngozi Adeyemi, president of the union, told`,
/// `Teresa Lindahl, who directs a lab, told`): the name before the comma
/// that opens the aside, if the aside is short and closes with a comma.
fn appositive_subject(text: &str, ws: &[NWord<'_>], j: usize, lexis: &Lexis) -> Option<(Subject, usize)> {
    if !text[ws[j - 1].span().end..ws[j].at].trim().starts_with(',') {
        return None;
    }
    // The comma that opens the aside (not one inside `600,000`).
    let open = (j.saturating_sub(APPOSITION_WORDS)..j - 1).rev().find(|&k| {
        let gap = &text[ws[k].span().end..ws[k + 1].at];
        ws[k + 1].broken_before && gap.trim() == "," && gap.ends_with(char::is_whitespace)
    })?;
    let end = open + 1;
    let mut k = end;
    while k > 0 && end - k < 4 && name_word(ws[k - 1].text) && (k == end || !ws[k].broken_before) {
        k -= 1;
    }
    if k == end || common_noun(text, ws, k, end - 1, lexis) {
        // `Brevonia's Foreign Ministry, facing …, signalled`: a body.
        return role_before(ws, end).or_else(|| phrase_before(ws, end));
    }
    let run: Vec<&str> = ws[k..end].iter().map(|w| w.text).collect();
    Some((Subject::Name(split_known(&clean_name(&run), lexis)), k))
}

/// The most words an aside between a subject and its verb may have.
const APPOSITION_WORDS: usize = 24;

/// A role ending just before word `j`: a determiner, perhaps some
/// capitalised words, and a role word (`the President`, `a Meridian
/// spokeswoman`, `the ministry`).
fn role_before(ws: &[NWord<'_>], j: usize) -> Option<(Subject, usize)> {
    let head = j.checked_sub(1)?;
    if !ROLES.contains(&lower_word(ws[head].text).as_str()) {
        return None;
    }
    let mut k = head;
    while k > 0 && head - k < 3 && !ws[k].broken_before {
        let w = lower_word(ws[k - 1].text);
        if matches!(w.as_str(), "the" | "a" | "an" | "its" | "his" | "her" | "their") {
            // `the head of the union told`: the union is not the speaker.
            if k >= 2 && !ws[k - 1].broken_before && lower_word(ws[k - 2].text) == "of" {
                return None;
            }
            let words: Vec<&str> = ws[k - 1..=head].iter().map(|w| w.text).collect();
            return Some((Subject::Role(words.join(" ")), k - 1));
        }
        if !is_capitalised(ws[k - 1].text) && !is_title(ws[k - 1].text) {
            return None;
        }
        k -= 1;
    }
    None
}

/// The noun phrase that ends just before word `j` and opens its clause
/// (after punctuation or at the start of the text read), from its first
/// determiner or capitalised word: `the head of the country's largest
/// union`, `People close to Trump`, `some in the West`. At most ten words.
fn phrase_before(ws: &[NWord<'_>], j: usize) -> Option<(Subject, usize)> {
    let mut start = j.checked_sub(1)?;
    while start > 0 && !ws[start].broken_before {
        start -= 1;
    }
    // `city manager says`: a role needs no capital to open its phrase.
    let head_is_role = ROLES.contains(&lower_word(ws[j - 1].text).as_str()) || is_title(ws[j - 1].text);
    // Its first word, or the one after a conjunction (`But Brevonia's …`).
    let opens = |k: usize| k == start || (k == start + 1 && NOT_NAMES.contains(&lower_word(ws[start].text).as_str()));
    let opener = (start..j).find(|&k| {
        let w = lower_word(ws[k].text);
        let plain = !PREPOSITIONS.contains(&w.as_str()) && !NOT_NAMES.contains(&w.as_str());
        DETERMINERS.contains(&w.as_str()) || (opens(k) && (is_capitalised(ws[k].text) || head_is_role) && plain)
    })?;
    // A phrase of at most ten words that ends in a noun, as far as its
    // ending tells (`Thorvik dismissed claims`: `dismissed` is a verb).
    let head = lower_word(ws[j - 1].text);
    let verbish = ["ed", "ly", "ing"].iter().any(|e| head.ends_with(e)) || NOT_NAMES.contains(&head.as_str());
    // A phrase with a verb of its own is a clause, not a subject.
    let clause = ws[opener..j].iter().any(|w| {
        is_speech_verb(w.text)
            || matches!(
                lower_word(w.text).as_str(),
                "is" | "are" | "was" | "were" | "be" | "been" | "has" | "have" | "had"
            )
    });
    if j - opener > 10 || verbish || clause {
        return None;
    }
    let words: Vec<&str> = ws[opener..j].iter().map(|w| w.text).collect();
    Some((Subject::Role(words.join(" ")), opener))
}

/// A noun phrase starting at word `from` and running to the end of its
/// clause (`according to people familiar with the talks`), at most ten
/// words: a role.
fn phrase_after(ws: &[NWord<'_>], from: usize) -> Option<(Subject, Span)> {
    let first = ws.get(from).filter(|w| !w.broken_before)?;
    let mut end = from;
    while end + 1 < ws.len() && end + 1 - from < 10 && !ws[end + 1].broken_before {
        end += 1;
    }
    let words: Vec<&str> = ws[from..=end].iter().map(|w| w.text).collect();
    Some((Subject::Role(words.join(" ")), first.span().cover(ws[end].span())))
}

/// A name starting at `from`, after any titles (`said Foreign Minister
/// Sergei Lavrov`), with its span.
fn name_after(ws: &[NWord<'_>], from: usize, lexis: &Lexis) -> Option<(Subject, Span)> {
    let mut k = from;
    while k < ws.len()
        && (is_title(ws[k].text) || lower_word(ws[k].text) == "the")
        && (k == from || !ws[k].broken_before)
    {
        k += 1;
    }
    let first = k;
    while k < ws.len() && k - first < 4 && name_word(ws[k].text) && (k == first || !ws[k].broken_before) {
        k += 1;
    }
    if k == first {
        return None;
    }
    let run: Vec<&str> = ws[first..k].iter().map(|w| w.text).collect();
    let who = ws[first].span().cover(ws[k - 1].span());
    if run.iter().all(|w| is_outlet(w)) {
        return Some((Subject::Nobody, who));
    }
    Some((Subject::Name(split_known(&clean_name(&run), lexis)), who))
}

/// A role after an inverted verb: `said the minister`, `said a Meridian
/// spokeswoman`.
fn role_after(ws: &[NWord<'_>], from: usize) -> Option<(Subject, Span)> {
    let det = ws.get(from)?;
    if !matches!(lower_word(det.text).as_str(), "the" | "a" | "an") {
        return None;
    }
    let mut k = from + 1;
    while k < ws.len() && k - from <= 4 && !ws[k].broken_before {
        if ROLES.contains(&lower_word(ws[k].text).as_str()) {
            let words: Vec<&str> = ws[from..=k].iter().map(|w| w.text).collect();
            return Some((Subject::Role(words.join(" ")), det.span().cover(ws[k].span())));
        }
        if !is_capitalised(ws[k].text) && !is_title(ws[k].text) {
            return None;
        }
        k += 1;
    }
    None
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
pub(crate) fn ends_sentence(text: &str, at: usize) -> bool {
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
pub(crate) fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .find(|&(i, _)| ends_sentence(text, floor + i))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8())
}

/// Where the sentence holding `at` ends, no later than `ceiling`.
pub(crate) fn sentence_end(text: &str, at: usize, ceiling: usize) -> usize {
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
        assert_eq!(who(article), [some("Biden"), some("Biden"), some("A woman")]);
    }

    #[test]
    fn a_quote_paragraph_continues_whoever_was_introduced_since_the_last_quote() {
        // The paragraph before introduces the next speaker, by a speech
        // verb, by a known name opening a sentence, or by an apposition.
        let article = "\"First,\" said Janet Pruitt.\n\nTeresa Lindahl, who directs a lab, told senators that tiredness builds.\n\n\"Second.\"\n\n\"Third,\" said Rosa Quintero.\n\n\"Fourth,\" Pruitt said.\n\nQuintero closed with a story about her father.\n\n\"Fifth.\"\n\nPiotr Kowalczyk, Meridian's chief operating officer, defended the record. \"Sixth,\" he said.";
        assert_eq!(
            who(article),
            [
                some("Janet Pruitt"),
                some("Teresa Lindahl"),
                some("Rosa Quintero"),
                some("Janet Pruitt"),
                some("Rosa Quintero"),
                some("Piotr Kowalczyk")
            ]
        );
    }

    #[test]
    fn he_and_she_pass_over_bodies_and_groups() {
        let article = "\"Crews are tired,\" Thorvik said, adding that the line workers' union had agreed to rest periods.\n\n\"We will inspect them,\" he said.";
        assert_eq!(who(article), [some("Thorvik"), some("Thorvik")]);
    }

    #[test]
    fn a_full_name_opening_a_sentence_before_its_verb_is_a_person() {
        let article = "Declan Furlong has sat through press conferences. \"I was nervous,\" he said.";
        assert_eq!(who(article), [some("Declan Furlong")]);
    }

    #[test]
    fn bodies_groups_and_outlets_are_not_people() {
        for (article, credit, role) in [
            (r#""We are ready," people close to Trump told Reuters."#, some("people close to Trump"), true),
            (r#"People close to Trump said it was "a disaster"."#, some("People close to Trump"), true),
            (r#""The vote stands," the General Assembly said."#, some("the General Assembly"), true),
            (r#""We are ready," said the minister."#, some("the minister"), true),
            (r#""It is over," Vox.com wrote."#, None, false),
            (r#""It is over," CNN said."#, None, false),
            (r#""It is over," they said."#, None, false),
            (r#""It is over," Lavrov said."#, some("Lavrov"), false),
        ] {
            let quotes = extract(article);
            assert_eq!(quotes[0].attributed_to, credit, "{article}");
            assert_eq!(quotes[0].role, role, "{article}");
        }
    }

    #[test]
    fn a_common_noun_opening_a_sentence_is_not_a_name() {
        let article = "Staff blamed management for the cuts.\n\nManagement said the cuts were \"temporary\".";
        let quotes = extract(article);
        assert_eq!((quotes[0].attributed_to.as_deref(), quotes[0].role), (Some("Management"), true));
    }

    #[test]
    fn names_run_together_are_told_apart_and_a_name_before_a_role_is_not_a_person() {
        let article = "The debate was run by moderator Chris Wallace.\n\nWhen pressed by Chris Wallace Biden said it was \"a lie\".";
        assert_eq!(who(article), [some("Biden")]);
        let article = "The former Wexbury Town manager's memoir, \u{201c}The Dugout Years\u{201d}, is out.";
        assert_eq!(who(article), [None]);
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
