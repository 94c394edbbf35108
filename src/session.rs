//! The fact-checker's marks and notes for one article, on disk.
//!
//! The session file (`ARTICLE.quotecheck.json` beside the article, or the
//! path given with `--session`) records the sha256 of every document and,
//! for each quote the fact-checker touched, the quote's text and offset,
//! the mark, the note and the chosen source passage, and an [`Anchor`]
//! that tells the quote from others with the same words. When the article
//! has changed since, each mark is re-attached to its own quote by
//! [`Items::homes`]: by text, then by occurrence or by the words around it;
//! a mark whose quote was edited a little follows it and is flagged for
//! re-checking (it was made on other words); a mark whose quote is gone is
//! kept as an orphan, shown and saved again, never dropped.
//!
//! Saving is atomic: a temporary file in the same folder, written, flushed
//! and synced, then renamed over the old one. A session file that cannot
//! be read is never overwritten.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::align::Category;
use crate::check::Check;
use crate::document::Document;
use crate::report::{Judgement, Verdict};
use crate::reported;
use crate::text::Span;

/// The version of the session file format.
pub const FORMAT: u32 = 1;

/// A document as the session remembers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The path as given.
    pub path: String,
    /// Hex sha256 of its bytes.
    pub sha256: String,
}

impl DocumentRef {
    fn of(doc: &Document) -> Self {
        Self { path: doc.name.clone(), sha256: doc.sha256.clone() }
    }
}

/// The chosen source passage of a mark, to find it again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSource {
    /// Index of the transcript.
    pub transcript: usize,
    /// Byte offsets in the original transcript file.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The passage's text.
    pub text: String,
}

/// One quote's verdict as saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMark {
    /// The quote's text, by which it is found again.
    pub quote: String,
    /// Its byte offset in the article, to tell repeated quotes apart.
    pub start: usize,
    /// The category the fact-checker marked, if any.
    pub mark: Option<Category>,
    /// Their note, if any.
    #[serde(default)]
    pub note: Option<String>,
    /// The chosen candidate (0 = the engine's best).
    #[serde(default)]
    pub candidate: usize,
    /// The chosen source passage.
    #[serde(default)]
    pub source: Option<StoredSource>,
    /// Which of the article's quotes with this text it is, and the words
    /// around it (absent from files of earlier versions).
    #[serde(default)]
    pub anchor: Option<Anchor>,
    /// The quote's text when it was marked, if it has been edited since:
    /// the mark is to be checked again.
    #[serde(default)]
    pub marked_text: Option<String>,
    /// True for a reported-speech item's mark (then `quote` is the item's
    /// text and `verdict` its mark).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reported: bool,
    /// The verdict the fact-checker marked on a reported-speech item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<reported::Verdict>,
}

/// What tells a marked item (a quote, or any other kind of item of the
/// article) from the others with the same text: which occurrence of that
/// text it was, and the words of the article around it.
///
/// In `He said "we will win" and later "we will win".`, the second quote's
/// anchor is occurrence 2 of 2, before `win and later`, after nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Its place among the article's items with the same text, from 1.
    pub occurrence: usize,
    /// How many of the article's items had that text.
    pub of: usize,
    /// The last few words of the article before it.
    pub before: String,
    /// The first few words of the article after it.
    pub after: String,
}

/// The session file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFile {
    /// The format version ([`FORMAT`]).
    pub quotecheck_session: u32,
    /// The article.
    pub article: DocumentRef,
    /// The transcripts.
    pub transcripts: Vec<DocumentRef>,
    /// The verdicts on quotes of the article.
    pub marks: Vec<StoredMark>,
    /// The judgements of reported-speech items of the article.
    #[serde(default)]
    pub reported_marks: Vec<StoredMark>,
    /// Verdicts and judgements whose items are no longer in the article.
    #[serde(default)]
    pub orphans: Vec<StoredMark>,
}

/// Why a session file could not be used.
#[derive(Debug)]
pub enum SessionError {
    /// It could not be read.
    Unreadable(PathBuf, io::Error),
    /// It is not a session file quotecheck can read.
    Corrupt(PathBuf, String),
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(path, err) => write!(f, "{}: cannot read the session file: {err}", path.display()),
            Self::Corrupt(path, why) => write!(
                f,
                "{}: not a session file quotecheck can read ({why}); it was left untouched: move it away or pass another --session",
                path.display()
            ),
        }
    }
}

impl std::error::Error for SessionError {}

/// The session file kept beside an article: `article.txt` →
/// `article.txt.quotecheck.json`.
#[must_use]
pub fn default_path(article: &Path) -> PathBuf {
    let mut name = article.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".quotecheck.json");
    article.with_file_name(name)
}

/// Reads a session file; `Ok(None)` when there is none yet.
///
/// # Errors
/// When the file exists but cannot be read or parsed.
pub fn load(path: &Path) -> Result<Option<SessionFile>, SessionError> {
    sweep_stale_temporaries(folder_of(path));
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        // Nothing there yet (or a path nothing can be at): no session yet;
        // the first save will say whether it can be written.
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => return Ok(None),
        Err(e) => return Err(SessionError::Unreadable(path.to_owned(), e)),
    };
    let file: SessionFile =
        serde_json::from_slice(&bytes).map_err(|e| SessionError::Corrupt(path.to_owned(), e.to_string()))?;
    if file.quotecheck_session != FORMAT {
        return Err(SessionError::Corrupt(
            path.to_owned(),
            format!("format {} is not {FORMAT}", file.quotecheck_session),
        ));
    }
    Ok(Some(file))
}

/// Writes a session file atomically: a temporary file in the same folder,
/// flushed and synced, renamed over the old one.
///
/// # Errors
/// When the folder cannot be written (read-only, full disk): the old file,
/// if any, is untouched.
pub fn save(path: &Path, file: &SessionFile) -> io::Result<()> {
    let mut temp = tempfile::Builder::new().prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX).tempfile_in(folder_of(path))?;
    serde_json::to_writer_pretty(&mut temp, file)?;
    temp.write_all(b"\n")?;
    temp.flush()?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

const TEMP_PREFIX: &str = ".quotecheck-session-";
const TEMP_SUFFIX: &str = ".tmp";

/// How old a temporary session file must be before it counts as left
/// behind by a save that never finished (the program was killed), rather
/// than as another program's save in progress.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// The folder a session file is in.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Removes temporary session files that saves killed midway left in
/// `dir`. Best effort: what cannot be read or removed is left.
fn sweep_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let age = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if age.is_some_and(|age| age >= STALE_AFTER) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The verdicts of one check, with the orphans carried along.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    /// One verdict per quote of the check.
    pub verdicts: Vec<Verdict>,
    /// One judgement per reported-speech item of the check (none, for a
    /// session made with [`Session::empty`]: missing ones are unmarked).
    pub judgements: Vec<Judgement>,
    /// Verdicts whose quotes are no longer in the article.
    pub orphans: Vec<StoredMark>,
    /// Marks that followed a quote edited since it was marked.
    pub edited: usize,
}

/// How the quotes stand: marked (per category), unmarked, or marked on
/// words the quote no longer has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Quotes whose mark stands, per category ([`Category::ALL`] order).
    pub marked: [usize; 4],
    /// Quotes without a mark.
    pub unmarked: usize,
    /// Quotes whose mark is to be checked again.
    pub recheck: usize,
}

impl Session {
    /// No marks yet, for a check of `quotes` quotes.
    #[must_use]
    pub fn empty(quotes: usize) -> Self {
        Self { verdicts: vec![Verdict::default(); quotes], judgements: Vec::new(), orphans: Vec::new(), edited: 0 }
    }

    /// No marks yet, for a check.
    #[must_use]
    pub fn new(check: &Check) -> Self {
        Self { judgements: vec![Judgement::default(); check.reported.len()], ..Self::empty(check.quotes.len()) }
    }

    /// Attaches a saved session to a check: each mark goes to its own
    /// quote ([`Items::homes`]); the chosen candidate is found again by its
    /// source text when a transcript has changed. A mark that followed an
    /// edited quote is flagged for re-checking; marks whose quote is gone
    /// become orphans.
    #[must_use]
    pub fn attach(file: Option<SessionFile>, article: &Document, transcripts: &[Document], check: &Check) -> Self {
        let mut session = Self::new(check);
        let Some(file) = file else { return session };
        let transcripts_same = file.transcripts.len() == transcripts.len()
            && file.transcripts.iter().zip(transcripts).all(|(r, d)| r.sha256 == d.sha256);
        let items = Items::new(article, check.quotes.iter().map(|q| q.quote.span));
        let (reported_orphans, orphans): (Vec<StoredMark>, Vec<StoredMark>) =
            file.orphans.into_iter().partition(|m| m.reported);
        session.attach_reported(file.reported_marks.into_iter().chain(reported_orphans).collect(), article, check);
        let stored: Vec<StoredMark> = file.marks.into_iter().chain(orphans).collect();
        for (stored, i, marked_text) in session.settle(stored, &items) {
            let candidates = &check.quotes[i].candidates;
            let candidate = if transcripts_same && stored.candidate < candidates.len() {
                stored.candidate
            } else {
                stored
                    .source
                    .as_ref()
                    .and_then(|s| {
                        candidates.iter().position(|c| {
                            c.transcript == s.transcript
                                && transcripts
                                    .get(c.transcript)
                                    .is_some_and(|d| normalise(d.slice(c.source)) == normalise(&s.text))
                        })
                    })
                    .unwrap_or(0)
            };
            session.verdicts[i] = Verdict { mark: stored.mark, note: stored.note, candidate, marked_text };
        }
        session
    }

    /// Where each stored mark belongs among `items` ([`Items::homes`]), with
    /// the words its mark was judged on if the item was edited since (those
    /// of the first time it followed an edit; none once the item reads so
    /// again). Marks whose item is gone become orphans.
    fn settle(&mut self, stored: Vec<StoredMark>, items: &Items) -> Vec<(StoredMark, usize, Option<String>)> {
        let homes = items.homes(&stored);
        let mut settled = Vec::with_capacity(stored.len());
        for (mut stored, home) in stored.into_iter().zip(homes) {
            let (i, edited) = match home {
                Home::Same(i) => (i, false),
                Home::Edited(i) => (i, true),
                Home::Gone => {
                    self.orphans.push(stored);
                    continue;
                }
            };
            self.edited += usize::from(edited);
            let judged = if edited {
                stored.marked_text.take().or_else(|| Some(stored.quote.clone()))
            } else {
                stored.marked_text.take()
            };
            let marked = stored.mark.is_some() || stored.verdict.is_some();
            let marked_text = judged.filter(|old| marked && normalise(old) != items.texts[i]);
            settled.push((stored, i, marked_text));
        }
        settled
    }

    /// Attaches saved judgements to the reported items of a check, as
    /// marks are attached to quotes; those whose item is gone become
    /// orphans.
    fn attach_reported(&mut self, stored: Vec<StoredMark>, article: &Document, check: &Check) {
        let items = Items::new(article, check.reported.iter().map(|r| r.item.span));
        for (stored, i, marked_text) in self.settle(stored, &items) {
            self.judgements[i] = Judgement { mark: stored.verdict, note: stored.note, marked_text };
        }
    }

    /// The session as a file to save.
    #[must_use]
    pub fn to_file(&self, article: &Document, transcripts: &[Document], check: &Check) -> SessionFile {
        let items = Items::new(article, check.quotes.iter().map(|q| q.quote.span));
        let marks = self
            .verdicts
            .iter()
            .zip(&check.quotes)
            .enumerate()
            .filter(|(_, (v, _))| **v != Verdict::default())
            .map(|(i, (v, q))| StoredMark {
                quote: article.slice(q.quote.span).to_owned(),
                start: article.original_start(q.quote.span.start),
                mark: v.mark,
                note: v.note.clone(),
                candidate: v.candidate,
                source: q.candidates.get(v.candidate).map(|c| {
                    let doc = &transcripts[c.transcript];
                    let span = doc.original_span(c.source);
                    StoredSource {
                        transcript: c.transcript,
                        start: span.start,
                        end: span.end,
                        text: doc.slice(c.source).to_owned(),
                    }
                }),
                anchor: Some(items.anchors[i].clone()),
                marked_text: v.marked_text.clone(),
                reported: false,
                verdict: None,
            })
            .collect();
        let reported_items = Items::new(article, check.reported.iter().map(|r| r.item.span));
        let reported_marks = self
            .judgements
            .iter()
            .zip(&check.reported)
            .enumerate()
            .filter(|(_, (j, _))| **j != Judgement::default())
            .map(|(i, (j, r))| StoredMark {
                quote: article.slice(r.item.span).to_owned(),
                start: article.original_start(r.item.span.start),
                mark: None,
                note: j.note.clone(),
                candidate: 0,
                source: None,
                anchor: Some(reported_items.anchors[i].clone()),
                marked_text: j.marked_text.clone(),
                reported: true,
                verdict: j.mark,
            })
            .collect();
        SessionFile {
            quotecheck_session: FORMAT,
            article: DocumentRef::of(article),
            transcripts: transcripts.iter().map(DocumentRef::of).collect(),
            marks,
            reported_marks,
            orphans: self.orphans.clone(),
        }
    }

    /// The judgement of reported item `i` (unmarked when the session has
    /// none for it).
    #[must_use]
    pub fn judgement(&self, i: usize) -> Judgement {
        self.judgements.get(i).cloned().unwrap_or_default()
    }

    /// How the reported items stand: marked (per verdict, [`reported::Verdict::ALL`]
    /// order), unmarked, marked on words since edited.
    #[must_use]
    pub fn reported_counts(&self, items: usize) -> ([usize; 3], usize, usize) {
        let mut marked = [0; 3];
        let (mut unmarked, mut recheck) = (0, 0);
        for i in 0..items {
            let j = self.judgement(i);
            match j.mark {
                _ if j.needs_recheck() => recheck += 1,
                Some(v) => marked[reported::Verdict::ALL.iter().position(|&x| x == v).unwrap_or(0)] += 1,
                None => unmarked += 1,
            }
        }
        (marked, unmarked, recheck)
    }

    /// How many quotes carry each mark, how many carry none, and how many
    /// carry one to check again (counted there alone).
    #[must_use]
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for v in &self.verdicts {
            match v.mark {
                _ if v.needs_recheck() => counts.recheck += 1,
                Some(c) => counts.marked[Category::ALL.iter().position(|&x| x == c).unwrap_or(0)] += 1,
                None => counts.unmarked += 1,
            }
        }
        counts
    }
}

/// Where a stored mark belongs in the article as it is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Home {
    /// Item `i`, which reads as it did when marked.
    Same(usize),
    /// Item `i`, edited a little since it was marked.
    Edited(usize),
    /// Nowhere: its item is gone from the article.
    Gone,
}

/// The items of an article that marks belong to (its quotes, or any other
/// kind of item), as marks find them again.
#[derive(Clone, Debug)]
pub struct Items {
    /// Each item's text, whitespace collapsed.
    texts: Vec<String>,
    /// Each item's byte offset in the original article.
    starts: Vec<usize>,
    /// Each item's anchor.
    anchors: Vec<Anchor>,
}

impl Items {
    /// The items at these spans of the article, in article order.
    #[must_use]
    pub fn new(article: &Document, spans: impl IntoIterator<Item = Span>) -> Self {
        let spans: Vec<Span> = spans.into_iter().collect();
        let texts: Vec<String> = spans.iter().map(|&s| normalise(article.slice(s))).collect();
        let mut of: FxHashMap<&str, usize> = FxHashMap::default();
        for text in &texts {
            *of.entry(text).or_default() += 1;
        }
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        let anchors = spans
            .iter()
            .zip(&texts)
            .map(|(span, text)| {
                let occurrence = seen.entry(text).or_default();
                *occurrence += 1;
                Anchor {
                    occurrence: *occurrence,
                    of: of[text.as_str()],
                    before: words_before(&article.text[..span.start]),
                    after: words_after(&article.text[span.end..]),
                }
            })
            .collect();
        Self { texts, starts: spans.iter().map(|s| article.original_start(s.start)).collect(), anchors }
    }

    /// Item `i`'s anchor.
    #[must_use]
    pub fn anchor(&self, i: usize) -> &Anchor {
        &self.anchors[i]
    }

    /// Where each stored mark belongs, one item per mark at most:
    ///
    /// 1. A mark whose text the article holds as many times as when it was
    ///    marked goes to the same occurrence (text added or cut elsewhere
    ///    moves nothing).
    /// 2. When that count has changed, to the item of that text whose
    ///    surrounding words agree with its anchor's; none agreeing, its
    ///    own quote is gone. A mark from a file without anchors goes to the
    ///    item of that text nearest its old offset.
    /// 3. A mark still without a home goes to an item of other text with
    ///    most of its words ([`EDITED_QUOTE`]) and, when anchored, in the
    ///    same surroundings: an edited quote ([`Home::Edited`]).
    #[must_use]
    pub fn homes(&self, stored: &[StoredMark]) -> Vec<Home> {
        let mut by_text: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, text) in self.texts.iter().enumerate() {
            by_text.entry(text).or_default().push(i);
        }
        let texts: Vec<String> = stored.iter().map(|m| normalise(&m.quote)).collect();
        let mut taken = vec![false; self.texts.len()];
        let mut homes = vec![Home::Gone; stored.len()];
        for (s, mark) in stored.iter().enumerate() {
            let (Some(anchor), Some(same)) = (&mark.anchor, by_text.get(texts[s].as_str())) else { continue };
            let home = (same.len() == anchor.of)
                .then(|| anchor.occurrence.checked_sub(1).and_then(|k| same.get(k)))
                .flatten()
                .filter(|&&i| !taken[i]);
            if let Some(&i) = home {
                taken[i] = true;
                homes[s] = Home::Same(i);
            }
        }
        for (s, mark) in stored.iter().enumerate() {
            let Some(same) = by_text.get(texts[s].as_str()).filter(|_| homes[s] == Home::Gone) else { continue };
            let free = same.iter().copied().filter(|&i| !taken[i]);
            let home = match &mark.anchor {
                Some(anchor) => free
                    .map(|i| (i, agreement(anchor, &self.anchors[i])))
                    .filter(|&(_, a)| a >= CONTEXT_AGREES)
                    .max_by(|a, b| a.1.total_cmp(&b.1).then(self.nearer(mark, b.0, a.0)))
                    .map(|(i, _)| i),
                None => free.min_by(|&a, &b| self.nearer(mark, a, b)),
            };
            if let Some(i) = home {
                taken[i] = true;
                homes[s] = Home::Same(i);
            }
        }
        for (s, mark) in stored.iter().enumerate() {
            if homes[s] != Home::Gone {
                continue;
            }
            let home = (0..self.texts.len())
                .filter(|&i| !taken[i] && self.texts[i] != texts[s])
                .map(|i| {
                    let context = mark.anchor.as_ref().map_or(1.0, |a| agreement(a, &self.anchors[i]));
                    (i, word_similarity(&self.texts[i], &texts[s]), context)
                })
                .filter(|&(_, similar, context)| similar >= EDITED_QUOTE && context >= CONTEXT_AGREES)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(a.2.total_cmp(&b.2)).then(self.nearer(mark, b.0, a.0)))
                .map(|(i, _, _)| i);
            if let Some(i) = home {
                taken[i] = true;
                homes[s] = Home::Edited(i);
            }
        }
        homes
    }

    /// Orders items `a` and `b` by their distance from a mark's old offset.
    fn nearer(&self, mark: &StoredMark, a: usize, b: usize) -> std::cmp::Ordering {
        self.starts[a].abs_diff(mark.start).cmp(&self.starts[b].abs_diff(mark.start))
    }
}

/// How many words of context an anchor keeps on each side.
const CONTEXT_WORDS: usize = 6;

/// How well an item's surroundings must agree with a mark's anchor to be
/// its own (the mean of both sides' [`word_similarity`]): one side intact
/// is enough, so a paragraph inserted just before or after moves nothing.
const CONTEXT_AGREES: f64 = 0.5;

/// The last [`CONTEXT_WORDS`] words of a text: `"He said, to us:"` → `He said to us`.
fn words_before(text: &str) -> String {
    let mut words: Vec<&str> =
        text.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(CONTEXT_WORDS).collect();
    words.reverse();
    words.join(" ")
}

/// The first [`CONTEXT_WORDS`] words of a text.
fn words_after(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(CONTEXT_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How far an item's surroundings agree with a mark's anchor, from 0 to 1.
fn agreement(marked: &Anchor, now: &Anchor) -> f64 {
    let side = |a: &str, b: &str| if a.is_empty() && b.is_empty() { 1.0 } else { word_similarity(a, b) };
    f64::midpoint(side(&marked.before, &now.before), side(&marked.after, &now.after))
}

/// How alike an edited quote must stay to keep its mark.
const EDITED_QUOTE: f64 = 0.8;

/// The share of words two texts have in common (Dice, by word counts, case
/// and punctuation aside).
fn word_similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        let mut w: Vec<String> =
            s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        w.sort();
        w
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Whitespace collapsed, so that re-wrapped text still matches.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "He said \"we will win\" and \"never give up\". Later: \"we will win\".\n";
    const TRANSCRIPT: &str = "We will win. We will never give up. We will win, I said.\n";

    fn checked(article: &str) -> (Document, Vec<Document>, Check) {
        let a = Document::from_text("a.txt", article);
        let t = vec![Document::from_text("t.txt", TRANSCRIPT)];
        let c = Check::run(&a, &t);
        (a, t, c)
    }

    fn marked(session: &Session) -> Vec<Option<Category>> {
        session.verdicts.iter().map(|v| v.mark).collect()
    }

    #[test]
    fn a_saved_session_reloads_the_same() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt.quotecheck.json");
        let (a, t, c) = checked(ARTICLE);
        let mut session = Session::empty(c.quotes.len());
        session.verdicts[1] =
            Verdict { mark: Some(Category::Altered), note: Some("check tape".into()), ..Verdict::default() };
        save(&path, &session.to_file(&a, &t, &c)).expect("saved");
        let again = Session::attach(load(&path).expect("readable"), &a, &t, &c);
        assert_eq!(again, session);
        let leftovers: Vec<_> =
            std::fs::read_dir(dir.path()).expect("dir").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind: {leftovers:?}");
    }

    #[test]
    fn judgements_of_reported_speech_are_saved_and_found_again() {
        use crate::reported::Verdict::Distorted;
        let article = "He said we would win. She said they would never give up.\n";
        let (a, t, c) = checked(article);
        assert_eq!(c.reported.len(), 2, "two reported items");
        let mut session = Session::new(&c);
        session.judgements[1] =
            Judgement { mark: Some(Distorted), note: Some("not what she said".into()), ..Judgement::default() };
        let file = session.to_file(&a, &t, &c);
        assert_eq!((file.marks.len(), file.reported_marks.len()), (0, 1));
        let json = serde_json::to_string(&file).expect("json");
        let read: SessionFile = serde_json::from_str(&json).expect("read back");
        assert_eq!(Session::attach(Some(read), &a, &t, &c), session);
        // A sentence added before moves nothing; the judged item cut keeps
        // its judgement as an orphan, and it comes home with its item.
        let (a2, t2, c2) = checked(&format!("A new lead. {article}"));
        let moved = Session::attach(Some(file.clone()), &a2, &t2, &c2);
        assert_eq!(moved.judgement(1).mark, Some(Distorted));
        let (a3, t3, c3) = checked("He said we would win.\n");
        let cut = Session::attach(Some(file), &a3, &t3, &c3);
        assert_eq!((cut.judgement(0).mark, cut.orphans.len()), (None, 1));
        assert_eq!(cut.orphans[0].verdict, Some(Distorted));
        let back = Session::attach(Some(cut.to_file(&a3, &t3, &c3)), &a, &t, &c);
        assert_eq!((back.judgement(1).mark, back.orphans.len()), (Some(Distorted), 0));
    }

    #[test]
    fn loading_sweeps_away_what_killed_saves_left_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let stale = dir.path().join(".quotecheck-session-abc123.tmp");
        let fresh = dir.path().join(".quotecheck-session-def456.tmp");
        let other = dir.path().join("notes.tmp");
        for path in [&stale, &fresh, &other] {
            std::fs::write(path, "{").expect("written");
        }
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for path in [&stale, &other] {
            std::fs::File::options().write(true).open(path).expect("open").set_modified(an_hour_ago).expect("mtime");
        }
        assert_eq!(load(&dir.path().join("a.txt.quotecheck.json")).expect("no session yet"), None);
        assert!(!stale.exists(), "an old temporary session file is removed");
        assert!(fresh.exists(), "a save that may be in progress is left alone");
        assert!(other.exists(), "other files are left alone");
    }

    #[test]
    fn marks_follow_their_quotes_when_the_article_changes() {
        let (a, t, c) = checked(ARTICLE);
        let mut session = Session::empty(c.quotes.len());
        session.verdicts[1].mark = Some(Category::Verbatim);
        session.verdicts[2].mark = Some(Category::Altered);
        let file = session.to_file(&a, &t, &c);
        // A paragraph is added before the quotes, and the second quote is cut.
        let (a2, t2, c2) = checked("New lead. He said \"we will win\". Later: \"we will win\".\n");
        let again = Session::attach(Some(file), &a2, &t2, &c2);
        assert_eq!(marked(&again), [None, Some(Category::Altered)], "the repeated quote keeps its own mark");
        assert_eq!(again.orphans.len(), 1);
        assert_eq!(again.orphans[0].quote, "never give up");
        assert_eq!(again.orphans[0].mark, Some(Category::Verbatim));
        // The orphan is saved again, and comes home if its quote returns.
        let file = again.to_file(&a2, &t2, &c2);
        assert_eq!(file.orphans.len(), 1);
        let home = Session::attach(Some(file), &a, &t, &c);
        assert_eq!(marked(&home), [None, Some(Category::Verbatim), Some(Category::Altered)]);
        assert!(home.orphans.is_empty());
    }

    #[test]
    fn a_mark_follows_its_quote_when_the_quote_is_edited() {
        let long = "I was there. The crowd was large and the mood was calm all evening long";
        let (a, t, c) = checked(&format!("He said \"{long}\".\n"));
        let mut session = Session::empty(c.quotes.len());
        session.verdicts[0].mark = Some(Category::Altered);
        let file = session.to_file(&a, &t, &c);
        let edited = long.replace("there. The", "there, the");
        let (a2, t2, c2) = checked(&format!("He said \"{edited}\".\n"));
        let again = Session::attach(Some(file.clone()), &a2, &t2, &c2);
        assert_eq!(marked(&again), [Some(Category::Altered)]);
        assert_eq!((again.edited, again.orphans.len()), (1, 0));
        // A different quote altogether does not take the mark.
        let (a3, t3, c3) = checked("He said \"nothing of the sort happened\".\n");
        let elsewhere = Session::attach(Some(file), &a3, &t3, &c3);
        assert_eq!((marked(&elsewhere), elsewhere.orphans.len()), (vec![None], 1));
    }

    /// What each quote of an article holds: its mark, and `true` when the
    /// mark is to be re-checked.
    type Held = Vec<Option<(Category, bool)>>;

    /// Quotes marked, by index.
    type Marks = &'static [(usize, Category)];

    /// What happens to an article, and what its quotes hold after: (what,
    /// the article, its marks, the article changed, what each quote holds,
    /// the orphans' texts).
    type Change<'a> = (&'a str, &'a str, Marks, &'a str, Held, &'a [&'a str]);

    /// Marks some quotes of `before`, saves the session and reloads it on
    /// `after`: what each quote of `after` holds, and the orphans' texts.
    fn reattach(before: &str, marks: &[(usize, Category)], after: &str) -> (Held, Vec<String>) {
        let (a, t, c) = checked(before);
        let mut session = Session::empty(c.quotes.len());
        for &(i, mark) in marks {
            session.verdicts[i].mark = Some(mark);
        }
        let (a2, t2, c2) = checked(after);
        let again = Session::attach(Some(session.to_file(&a, &t, &c)), &a2, &t2, &c2);
        let held = again.verdicts.iter().map(|v| v.mark.map(|m| (m, v.needs_recheck()))).collect();
        (held, again.orphans.into_iter().map(|o| o.quote).collect())
    }

    #[test]
    fn marks_find_their_own_quote_among_quotes_of_the_same_words() {
        use Category::{Altered as A, Verbatim as V};
        const TWICE: &str = "He said \"we will win\" and \"never give up\". Later: \"we will win\".\n";
        const LONG: &str = "He said \"we will win this match in the end\" and \"never give up\".\n";
        #[rustfmt::skip]
        let cases: &[Change] = &[
            ("unchanged article", TWICE, &[(2, A)], TWICE,
                vec![None, None, Some((A, false))], &[]),
            ("paragraph inserted before", TWICE, &[(0, V), (2, A)], &format!("A new lead.\n\n{TWICE}"),
                vec![Some((V, false)), None, Some((A, false))], &[]),
            ("the marked one of two identical quotes deleted", TWICE, &[(2, A)],
                "He said \"we will win\" and \"never give up\". Later: nothing.\n",
                vec![None, None], &["we will win"]),
            ("the unmarked one of two identical quotes deleted", TWICE, &[(2, A)],
                "He said \"never give up\". Later: \"we will win\".\n",
                vec![None, Some((A, false))], &[]),
            ("an identical quote added after", "He said \"we will win\" and \"never give up\".\n", &[(0, V)], TWICE,
                vec![Some((V, false)), None, None], &[]),
            ("an identical quote added before", "Later: \"we will win\".\n", &[(0, A)],
                "He said \"we will win\". Later: \"we will win\".\n",
                vec![None, Some((A, false))], &[]),
            ("quote edited slightly", LONG, &[(0, A)],
                "He said \"we will surely win this match in the end\" and \"never give up\".\n",
                vec![Some((A, true)), None], &[]),
            ("the marked one of two identical quotes edited", TWICE, &[(2, A)],
                "He said \"we will win\" and \"never give up\". Later: \"we will surely win\".\n",
                vec![None, None, Some((A, true))], &[]),
            ("quote rewritten", LONG, &[(0, A)],
                "He said \"victory is certain\" and \"never give up\".\n",
                vec![None, None], &["we will win this match in the end"]),
        ];
        for (name, before, marks, after, held, orphans) in cases {
            assert_eq!(
                reattach(before, marks, after),
                (held.clone(), orphans.iter().map(|o| (*o).to_owned()).collect()),
                "{name}"
            );
        }
    }

    #[test]
    fn a_mark_to_recheck_stays_flagged_until_marked_again_or_the_quote_reads_so_again() {
        let before = "He said \"we will win this match in the end\".\n";
        let edited = "He said \"we will surely win this match in the end\".\n";
        let (a, t, c) = checked(before);
        let mut session = Session::empty(c.quotes.len());
        session.verdicts[0].mark = Some(Category::Verbatim);
        let (a2, t2, c2) = checked(edited);
        let flagged = Session::attach(Some(session.to_file(&a, &t, &c)), &a2, &t2, &c2);
        assert_eq!(flagged.verdicts[0].marked_text.as_deref(), Some("we will win this match in the end"));
        let file = flagged.to_file(&a2, &t2, &c2);
        assert_eq!(file.marks[0].marked_text.as_deref(), Some("we will win this match in the end"), "saved");
        // Reloaded on the same article, the flag and the old words stay.
        let reloaded = Session::attach(Some(file.clone()), &a2, &t2, &c2);
        assert_eq!((reloaded.verdicts[0].mark, reloaded.edited), (Some(Category::Verbatim), 0));
        assert_eq!(reloaded.verdicts[0].marked_text, flagged.verdicts[0].marked_text);
        assert_eq!(reloaded.counts(), Counts { marked: [0; 4], unmarked: 0, recheck: 1 });
        // The quote edited back to the words that were marked: the mark stands again.
        let back = Session::attach(Some(file), &a, &t, &c);
        assert_eq!((back.verdicts[0].mark, back.verdicts[0].marked_text.as_deref()), (Some(Category::Verbatim), None));
        assert_eq!(back.counts(), Counts { marked: [1, 0, 0, 0], unmarked: 0, recheck: 0 });
    }

    #[test]
    fn a_session_file_without_anchors_loads_and_finds_quotes_by_text() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.json");
        // As written before marks had anchors and re-check flags.
        std::fs::write(
            &path,
            r#"{"quotecheck_session": 1, "article": {"path": "a.txt", "sha256": "x"}, "transcripts": [],
                "marks": [{"quote": "never give up", "start": 27, "mark": "verbatim"},
                          {"quote": "we will win", "start": 51, "mark": "altered", "note": "tape 2"}]}"#,
        )
        .expect("written");
        let file = load(&path).expect("readable").expect("there");
        assert_eq!((file.marks[0].anchor.as_ref(), file.marks[0].marked_text.as_ref()), (None, None));
        let (a, t, c) = checked(&format!("A new lead.\n\n{ARTICLE}"));
        let session = Session::attach(Some(file), &a, &t, &c);
        assert_eq!(marked(&session), [None, Some(Category::Verbatim), Some(Category::Altered)]);
        assert_eq!(session.verdicts[2].note.as_deref(), Some("tape 2"));
        assert!(session.orphans.is_empty() && session.verdicts.iter().all(|v| !v.needs_recheck()));
    }

    #[test]
    fn an_anchor_is_the_occurrence_and_the_words_around() {
        let (a, _, c) = checked(ARTICLE);
        let items = Items::new(&a, c.quotes.iter().map(|q| q.quote.span));
        let anchor = |occurrence, of, before: &str, after: &str| Anchor {
            occurrence,
            of,
            before: before.to_owned(),
            after: after.to_owned(),
        };
        assert_eq!(
            [items.anchor(0), items.anchor(1), items.anchor(2)],
            [
                &anchor(1, 2, "He said", "and never give up Later we"),
                &anchor(1, 1, "He said we will win and", "Later we will win"),
                &anchor(2, 2, "win and never give up Later", ""),
            ]
        );
    }

    #[test]
    fn a_corrupt_session_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.json");
        std::fs::write(&path, b"{ not json").expect("written");
        let err = load(&path).expect_err("refused");
        assert!(err.to_string().contains("not a session file quotecheck can read"), "{err}");
        assert_eq!(std::fs::read(&path).expect("still there"), b"{ not json");
        std::fs::write(
            &path,
            br#"{"quotecheck_session": 9, "article": {"path":"a","sha256":"x"}, "transcripts": [], "marks": []}"#,
        )
        .expect("written");
        assert!(load(&path).expect_err("refused").to_string().contains("format 9 is not 1"));
    }

    #[test]
    fn no_file_is_no_session_yet() {
        assert_eq!(load(Path::new("/no/such/dir/s.json")).expect("fine"), None);
    }

    #[test]
    fn the_default_path_sits_beside_the_article() {
        assert_eq!(default_path(Path::new("news/story.txt")), Path::new("news/story.txt.quotecheck.json"));
        assert_eq!(default_path(Path::new("story.txt")), Path::new("story.txt.quotecheck.json"));
    }

    #[test]
    fn saving_into_a_missing_folder_fails_and_says_so() {
        let (a, t, c) = checked(ARTICLE);
        let file = Session::empty(c.quotes.len()).to_file(&a, &t, &c);
        assert!(save(Path::new("/no/such/dir/s.json"), &file).is_err());
    }
}
