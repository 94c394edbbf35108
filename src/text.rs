//! Words with byte spans, and what makes two words the same.
//!
//! The tokenizer cuts text into [`Token`]s: half-open byte spans of words,
//! each with the id of its lowercased surface form ([`Word`]). The
//! [`Lexicon`] interns those forms once per distinct word (not once per
//! occurrence) and gives each the comparable [`Key`]s it stands for:
//!
//! ```text
//! "Neighbours" → neighbors      "Kiev"   → kyiv
//! "don't"      → do not         "thirty" → 30
//! "U.S."       → us             "1,000"  → 1000
//! ```
//!
//! Two words match when their keys do. Equivalences that span several words
//! (`long-range` / `longrange`, `twenty-five` / `25`, `it's` / `it has`) are
//! decided later, on the few words a diff leaves unpaired, by [`equivalent`].

mod variants;

pub use variants::canonical_terms;

use std::ops::Range;

use std::hash::BuildHasher as _;

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use unicode_normalization::char::is_combining_mark;

pub use variants::{is_currency_sign, number_value};

/// A half-open byte range `start..end` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Self) -> Self {
        Self::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span holds no bytes.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range` for slicing.
    #[must_use]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The part of the span that lies inside `outer`; empty (at the nearest
    /// edge of `outer`) when they do not meet.
    #[must_use]
    pub fn within(self, outer: Self) -> Self {
        let start = self.start.clamp(outer.start, outer.end);
        Self::new(start, self.end.clamp(start, outer.end))
    }

    /// True when the span lies inside `text`, both ends on character
    /// boundaries: it can slice `text`.
    #[must_use]
    pub fn lies_in(self, text: &str) -> bool {
        self.start <= self.end && text.is_char_boundary(self.start) && text.is_char_boundary(self.end)
    }

    /// True when `offset` lies inside the span.
    #[must_use]
    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// The id of a lowercased surface form, as interned by a [`Lexicon`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Word(u32);

/// The id of a canonical, comparable form (after spelling, transliteration,
/// number and contraction rules), as interned by a [`Lexicon`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(u32);

impl Key {
    /// The key's index, for tables indexed by key.
    #[must_use]
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The raw id, for diffing keys as plain numbers.
    #[must_use]
    pub const fn raw(self) -> u32 {
        self.0
    }

    /// A key made up by a test, without a lexicon.
    #[cfg(test)]
    pub(crate) fn for_tests(index: usize) -> Self {
        Self(u32::try_from(index).expect("small test index"))
    }
}

impl Word {
    /// The word's index, for tables indexed by word.
    #[must_use]
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The word with a given index (for walking a lexicon's words).
    ///
    /// # Panics
    /// When the index does not fit in 32 bits.
    #[must_use]
    pub fn from_index(index: usize) -> Self {
        Self(u32::try_from(index).expect("fewer than 2^32 words"))
    }
}

/// One word of a document: its byte span and its interned form.
///
/// Twelve bytes, so that a transcript of tens of megabytes fits its tokens
/// in memory many times over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    /// The lowercased surface form.
    pub word: Word,
}

impl Token {
    /// The token's byte span in the text it was cut from.
    #[must_use]
    pub const fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// What role a key plays when weighing evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A word that carries meaning (`missile`, `Oreshnik`, `30`).
    Content,
    /// A function word (`the`, `of`, `would`).
    Stop,
    /// A filler of speech (`um`, `uh`, `er`), left out by journalists.
    Filler,
}

struct WordEntry {
    text: Box<str>,
    keys: [Key; 2],
    nkeys: u8,
}

struct KeyEntry {
    text: Box<str>,
    class: Class,
    stem: Option<Key>,
}

/// Something that gives each distinct lowercased word an id, in order of
/// first appearance: the [`Lexicon`], or a [`WordList`] while a piece of a
/// transcript is cut into words on another thread.
pub trait Interner {
    /// The id of a lowercased surface form, interning it if new.
    fn intern(&mut self, lower: &str) -> Word;
}

impl Interner for Lexicon {
    fn intern(&mut self, lower: &str) -> Word {
        Lexicon::intern(self, lower)
    }
}

/// Word ids by their lowercased text, for words given ids 0, 1, 2… in
/// turn. A word of up to 15 bytes (nearly every word) is packed into two
/// machine words kept in the hash table beside its id, so that a look-up
/// reads one slot of the table and nothing else; longer words are kept
/// apart.
#[derive(Default)]
struct WordIds {
    table: hashbrown::HashTable<([u64; 2], Word)>,
    long: FxHashMap<Box<str>, Word>,
    count: usize,
}

impl WordIds {
    fn packed(text: &str) -> Option<[u64; 2]> {
        let bytes = text.as_bytes();
        if bytes.len() > 15 {
            return None;
        }
        // Eight bytes at a time, the rest one by one, and the length in the
        // last byte, which the text never reaches.
        let mut packed = [0u64; 2];
        let mut chunks = bytes.chunks_exact(8);
        for (slot, chunk) in packed.iter_mut().zip(&mut chunks) {
            *slot = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        }
        let tail = chunks.remainder().iter().enumerate().fold(0, |w, (i, &b)| w | u64::from(b) << (8 * i));
        packed[bytes.len() / 8] |= tail;
        packed[1] |= (bytes.len() as u64) << 56;
        Some(packed)
    }

    fn hash(packed: &[u64; 2]) -> u64 {
        FxBuildHasher.hash_one(packed)
    }

    fn get(&self, text: &str) -> Option<Word> {
        match Self::packed(text) {
            Some(key) => self.table.find(Self::hash(&key), |(k, _)| *k == key).map(|&(_, w)| w),
            None => self.long.get(text).copied(),
        }
    }

    /// Adds `text` as the next word, `word`.
    fn insert(&mut self, text: &str, word: Word) {
        debug_assert_eq!(word.index(), self.count, "ids are given in turn");
        self.count += 1;
        if let Some(key) = Self::packed(text) {
            self.table.insert_unique(Self::hash(&key), (key, word), |(k, _)| Self::hash(k));
        } else {
            self.long.insert(text.into(), word);
        }
    }
}

/// Distinct words in order of first appearance, and nothing more: their
/// keys are worked out when they join the [`Lexicon`].
#[derive(Default)]
pub struct WordList {
    ids: WordIds,
    words: Vec<Box<str>>,
}

impl WordList {
    /// The words, in order of first appearance: word `i` is `words()[i]`.
    #[must_use]
    pub fn words(&self) -> &[Box<str>] {
        &self.words
    }
}

impl Interner for WordList {
    fn intern(&mut self, lower: &str) -> Word {
        if let Some(word) = self.ids.get(lower) {
            return word;
        }
        let word = Word(u32::try_from(self.words.len()).expect("fewer than 2^32 words"));
        self.words.push(lower.into());
        self.ids.insert(lower, word);
        word
    }
}

/// The interned vocabulary of every document in a check.
///
/// Words are interned as they are tokenized; their keys and classes are
/// worked out once per distinct word. Stems are computed on demand, since
/// only the words near a quote ever need one.
pub struct Lexicon {
    words: WordIds,
    word_entries: Vec<WordEntry>,
    keys: FxHashMap<Box<str>, Key>,
    key_entries: Vec<KeyEntry>,
    stemmer: rust_stemmers::Stemmer,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexicon {
    /// An empty lexicon.
    #[must_use]
    pub fn new() -> Self {
        Self {
            words: WordIds::default(),
            word_entries: Vec::new(),
            keys: FxHashMap::default(),
            key_entries: Vec::new(),
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
        }
    }

    /// The id of a lowercased surface form, interning it if new.
    ///
    /// # Panics
    /// With 2^32 distinct words, which documents under 4 GiB cannot hold.
    pub fn intern(&mut self, lower: &str) -> Word {
        match self.words.get(lower) {
            Some(word) => word,
            None => self.add(lower, &canonical_terms(lower)),
        }
    }

    /// [`Lexicon::intern`], given the canonical terms of `lower` worked
    /// out beforehand (see [`canonical_terms`]), perhaps on another core.
    ///
    /// # Panics
    /// With 2^32 distinct words, which documents under 4 GiB cannot hold.
    pub fn intern_as(&mut self, lower: &str, terms: &[String]) -> Word {
        match self.words.get(lower) {
            Some(word) => word,
            None => self.add(lower, terms),
        }
    }

    /// Adds `lower`, a word not yet known, standing for `terms`.
    fn add(&mut self, lower: &str, terms: &[String]) -> Word {
        let mut keys = [Key(0); 2];
        let mut nkeys = 0;
        for term in terms {
            keys[nkeys] = self.intern_key(term);
            nkeys += 1;
        }
        let word = Word(u32::try_from(self.word_entries.len()).expect("fewer than 2^32 words"));
        self.word_entries.push(WordEntry {
            text: lower.into(),
            keys,
            nkeys: u8::try_from(nkeys).expect("at most two keys"),
        });
        self.words.insert(lower, word);
        word
    }

    /// The id of a canonical form, interning it if new.
    ///
    /// # Panics
    /// With 2^32 distinct keys, which documents under 4 GiB cannot hold.
    pub fn intern_key(&mut self, text: &str) -> Key {
        if let Some(&key) = self.keys.get(text) {
            return key;
        }
        let key = Key(u32::try_from(self.key_entries.len()).expect("fewer than 2^32 keys"));
        let class = if variants::is_filler(text) {
            Class::Filler
        } else if variants::is_stopword(text) {
            Class::Stop
        } else {
            Class::Content
        };
        self.key_entries.push(KeyEntry { text: text.into(), class, stem: None });
        self.keys.insert(text.into(), key);
        key
    }

    /// The key of a canonical form, if some word has it.
    #[must_use]
    pub fn find_key(&self, text: &str) -> Option<Key> {
        self.keys.get(text).copied()
    }

    /// The keys a word stands for: one, or two for a contraction.
    #[must_use]
    pub fn keys(&self, word: Word) -> &[Key] {
        let entry = &self.word_entries[word.index()];
        &entry.keys[..usize::from(entry.nkeys)]
    }

    /// The lowercased surface form of a word.
    #[must_use]
    pub fn word_text(&self, word: Word) -> &str {
        &self.word_entries[word.index()].text
    }

    /// The canonical form of a key.
    #[must_use]
    pub fn key_text(&self, key: Key) -> &str {
        &self.key_entries[key.index()].text
    }

    /// The role a key plays.
    #[must_use]
    pub fn class(&self, key: Key) -> Class {
        self.key_entries[key.index()].class
    }

    /// True when a key is a number written in digits (`25`, `3.5`).
    #[must_use]
    pub fn is_number(&self, key: Key) -> bool {
        let text = self.key_text(key);
        text.starts_with(|c: char| c.is_ascii_digit()) && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    }

    /// Number of distinct words interned so far.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.word_entries.len()
    }

    /// Number of distinct keys interned so far.
    #[must_use]
    pub fn key_count(&self) -> usize {
        self.key_entries.len()
    }

    /// The stem of a key (`defending` → `defend`), itself a key.
    ///
    /// A function word is its own stem.
    pub fn stem(&mut self, key: Key) -> Key {
        if let Some(stem) = self.key_entries[key.index()].stem {
            return stem;
        }
        let entry = &self.key_entries[key.index()];
        let stem = if entry.class == Class::Content {
            let stemmed = stem_text(&self.stemmer, &entry.text);
            self.intern_key(&stemmed)
        } else {
            key
        };
        self.key_entries[key.index()].stem = Some(stem);
        stem
    }

    /// Works out the stem of every content key that may share a stem with
    /// one of `stems`: those whose first two characters are one's (see
    /// [`Lexicon::stem_prefix`]). [`Lexicon::known_stem`] then gives the
    /// true stem of any key a quote's word may be matched with.
    ///
    /// The stems are worked out on every core and interned in key order,
    /// as [`Lexicon::stem`] would intern them one by one.
    pub fn stem_like(&mut self, stems: impl IntoIterator<Item = Key>) {
        let prefixes: FxHashSet<String> = stems.into_iter().map(|k| self.stem_prefix(k).to_owned()).collect();
        let wanted: Vec<usize> = (0..self.key_entries.len())
            .filter(|&at| {
                let entry = &self.key_entries[at];
                entry.stem.is_none() && entry.class == Class::Content && prefixes.contains(prefix2(&entry.text))
            })
            .collect();
        let (entries, stemmer) = (&self.key_entries, &self.stemmer);
        let threads = if wanted.len() < PARALLEL_STEMS { 1 } else { crate::parallel::threads() };
        let texts = crate::parallel::map_chunks(wanted.len(), threads, |range| {
            wanted[range].iter().map(|&at| stem_text(stemmer, &entries[at].text)).collect::<Vec<_>>()
        });
        for (at, text) in wanted.into_iter().zip(texts.into_iter().flatten()) {
            let stem = self.intern_key(&text);
            self.key_entries[at].stem = Some(stem);
        }
    }

    /// The stem of a key if [`Lexicon::stem`] has worked it out, else the
    /// key itself: a read-only look-up for when the lexicon is shared.
    ///
    /// A check stems every word that shares its first two characters with
    /// a quote's stem (see [`Lexicon::stem_prefix`]); the stems of other
    /// words cannot equal a quote's stem, and neither can the words.
    #[must_use]
    pub fn known_stem(&self, key: Key) -> Key {
        self.key_entries[key.index()].stem.unwrap_or(key)
    }

    /// The first two characters of a key's text: stemming never changes
    /// them (it may change the third: `trying` → `tri`), so a stem can only
    /// equal another word's stem when they share them, which filters which
    /// words need stemming at all.
    #[must_use]
    pub fn stem_prefix(&self, key: Key) -> &str {
        prefix2(self.key_text(key))
    }
}

/// Keys to stem at once beyond which [`Lexicon::stem_like`] uses every
/// core.
const PARALLEL_STEMS: usize = 2048;

/// The stem of a content key's text, a possessive `'s` left out.
fn stem_text(stemmer: &rust_stemmers::Stemmer, text: &str) -> String {
    stemmer.stem(text.strip_suffix("'s").unwrap_or(text)).into_owned()
}

/// The first two characters of `text` (or all of it when shorter).
#[must_use]
pub fn prefix2(text: &str) -> &str {
    match text.char_indices().nth(2) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The canonical form of one word, as text (`Sergei` → `sergei`, `Kiev` →
/// `kyiv`, `don't` → `do not`).
#[must_use]
pub fn canonical_word(word: &str) -> String {
    variants::canonical_terms(&word.to_lowercase().replace(['’', 'ʼ'], "'")).join(" ")
}

/// Cuts `text[range]` into tokens, interning their words, and appends them.
///
/// A word is a run of letters, digits and combining marks; an apostrophe
/// between letters (`don't`, `Russia’s`), a decimal point or thousands
/// comma between digits (`3.5`, `1,000`) and the dots of an abbreviation
/// (`U.S.`) stay inside it. Hyphens and dashes separate words. Each Han or
/// kana character is a word of its own, since those scripts write no spaces.
/// `%`, `&` and currency signs are words too (`percent`, `and`, `dollar`).
///
/// # Panics
/// When `text` is 4 GiB or more (offsets are 32-bit; loading refuses such
/// files) or `range` does not fall on character boundaries.
pub fn tokenize_into(text: &str, range: Range<usize>, lexicon: &mut impl Interner, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let end = range.end.min(text.len());
    let mut at = range.start;
    let mut buf = String::with_capacity(32);
    while at < end {
        let byte = bytes[at];
        if byte.is_ascii_alphanumeric() {
            // Most words are a run of ASCII letters and digits ended by a
            // byte that cannot go on a word: interned as they stand when
            // already lowercase.
            let run = bytes[at..end].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(end, |n| at + n);
            let plain = run == end || (bytes[run] < 0x80 && !matches!(bytes[run], b'\'' | b'.' | b','));
            let stop = if plain {
                let word = &text[at..run];
                if word.bytes().any(|b| b.is_ascii_uppercase()) {
                    buf.clear();
                    buf.push_str(word);
                    buf.make_ascii_lowercase();
                    push_token(out, at, run, lexicon.intern(&buf));
                } else {
                    push_token(out, at, run, lexicon.intern(word));
                }
                run
            } else {
                let stop = scan_word(text, at, end, &mut buf);
                push_token(out, at, stop, lexicon.intern(&buf));
                stop
            };
            at = stop;
        } else if byte < 0x80 {
            if matches!(byte, b'%' | b'&' | b'$') {
                buf.clear();
                buf.push(char::from(byte));
                push_token(out, at, at + 1, lexicon.intern(&buf));
            }
            at += 1;
        } else {
            let c = text[at..].chars().next().expect("char boundary");
            if is_logograph(c) || matches!(c, '€' | '£' | '¥') {
                buf.clear();
                buf.push(c);
                push_token(out, at, at + c.len_utf8(), lexicon.intern(&buf));
                at += c.len_utf8();
            } else if c.is_alphanumeric() {
                let stop = scan_word(text, at, end, &mut buf);
                push_token(out, at, stop, lexicon.intern(&buf));
                at = stop;
            } else {
                at += c.len_utf8();
            }
        }
    }
}

fn push_token(out: &mut Vec<Token>, start: usize, end: usize, word: Word) {
    out.push(Token {
        start: u32::try_from(start).expect("documents are under 4 GiB"),
        end: u32::try_from(end).expect("documents are under 4 GiB"),
        word,
    });
}

/// Cuts `text[range]` into a new vector of tokens.
pub fn tokenize(text: &str, range: Range<usize>, lexicon: &mut Lexicon) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, range, lexicon, &mut out);
    out
}

/// True for characters written without spaces between words (Han, kana).
#[must_use]
pub fn is_logograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // hiragana, katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x2FA1F) // CJK extensions B–F and supplement
}

/// True for the characters a typographer may use as an apostrophe.
#[must_use]
pub const fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || c == '\u{200D}'
}

/// Scans one word starting at `start`; leaves its lowercased form in `buf`
/// and returns where it ends.
fn scan_word(text: &str, start: usize, end: usize, buf: &mut String) -> usize {
    buf.clear();
    let bytes = text.as_bytes();
    let mut at = start;
    let mut abbreviation = false;
    while at < end {
        let byte = bytes[at];
        if byte.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits, copied at once.
            let run = bytes[at..end].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(end, |n| at + n);
            let from = buf.len();
            buf.push_str(&text[at..run]);
            buf[from..].make_ascii_lowercase();
            at = run;
            continue;
        }
        // Of ASCII, only an apostrophe, a dot or a comma may go on a word.
        if byte < 0x80 && !matches!(byte, b'\'' | b'.' | b',') {
            break;
        }
        let c = if byte < 0x80 { char::from(byte) } else { text[at..].chars().next().expect("char boundary") };
        let next = text[at + c.len_utf8()..end].chars().next();
        if byte >= 0x80 && is_word_char(c) && !is_logograph(c) {
            buf.extend(c.to_lowercase());
            at += c.len_utf8();
        } else if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) && !buf.is_empty() {
            buf.push('\'');
            at += c.len_utf8();
        } else if c == '.'
            && next.is_some_and(|n| n.is_ascii_digit())
            && buf.bytes().all(|b| b.is_ascii_digit() || b == b',')
        {
            buf.push('.');
            at += 1;
        } else if c == ','
            && thousands_group(&bytes[at + 1..end])
            && buf.bytes().all(|b| b.is_ascii_digit() || b == b',')
        {
            buf.push(',');
            at += 1;
        } else if c == '.'
            && single_letters(buf)
            && next.is_some_and(|n| n.is_ascii_alphabetic())
            && !bytes.get(at + 2).is_some_and(u8::is_ascii_alphanumeric)
        {
            buf.push('.');
            at += 1;
            abbreviation = true;
        } else if c == '.' && abbreviation {
            // The closing dot of `U.S.` belongs to the word.
            buf.push('.');
            at += 1;
            break;
        } else {
            break;
        }
    }
    at
}

/// True when `rest` opens with exactly three digits (a thousands group).
fn thousands_group(rest: &[u8]) -> bool {
    rest.len() >= 3 && rest[..3].iter().all(u8::is_ascii_digit) && !rest.get(3).is_some_and(u8::is_ascii_digit)
}

/// True for `u`, `u.s`: single letters joined by dots.
fn single_letters(buf: &str) -> bool {
    buf.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// Decides whether two short runs of words say the same thing in different
/// written forms, for the words a diff left unpaired. `quote` and `source`
/// are the lowercased surface forms.
///
/// ```text
/// long range   ~ longrange        (compound written apart or together)
/// per cent     ~ percent
/// twenty five  ~ 25               (number in words or digits)
/// it has       ~ it's             ('s and 'd stand for two verbs)
/// Russia is    ~ Russia's
/// ```
#[must_use]
pub fn equivalent(lexicon: &Lexicon, quote: &[Word], source: &[Word]) -> bool {
    fn as_str(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    if quote.is_empty() || source.is_empty() {
        return false;
    }
    let keys = |words: &[Word]| -> Vec<String> {
        words.iter().flat_map(|&w| lexicon.keys(w).iter().map(|&k| lexicon.key_text(k).to_owned())).collect()
    };
    let (mut q, mut s) = (keys(quote), keys(source));
    if q.concat() == s.concat() {
        return true;
    }
    // `$400,000` for `four hundred thousand dollars`: the sign before the
    // number stands for the currency named after it.
    let currency = |a: &[String], b: &[String]| {
        a.first()
            .zip(b.last())
            .is_some_and(|(sign, name)| variants::is_currency_name(sign) && name.trim_end_matches('s') == sign.as_str())
    };
    if currency(&q, &s) {
        q.remove(0);
        s.pop();
    } else if currency(&s, &q) {
        s.remove(0);
        q.pop();
    }
    if let (Some(a), Some(b)) = (number_value(&as_str(&q)), number_value(&as_str(&s))) {
        return (a - b).abs() < 1e-9;
    }
    let qs: Vec<&str> = quote.iter().map(|&w| lexicon.word_text(w)).collect();
    let ss: Vec<&str> = source.iter().map(|&w| lexicon.word_text(w)).collect();
    variants::same_contraction(&qs, &ss) || variants::same_contraction(&ss, &qs)
}

#[cfg(test)]
mod tests;
