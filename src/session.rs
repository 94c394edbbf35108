//! The fact-checker's marks and notes for one article, on disk.
//!
//! The session file (`ARTICLE.quotecheck.json` beside the article, or the
//! path given with `--session`) records the sha256 of every document and,
//! for each quote the fact-checker touched, the quote's text and offset,
//! the mark, the note and the chosen source passage. When a document has
//! changed since, each mark is re-attached to the quote with the same text
//! (the nearest one when the text recurs); a mark whose quote is gone is
//! kept as an orphan, shown and saved again, never dropped.
//!
//! Saving is atomic: a temporary file in the same folder, written, flushed
//! and synced, then renamed over the old one. A session file that cannot
//! be read is never overwritten.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::align::Category;
use crate::check::Check;
use crate::document::Document;
use crate::report::Verdict;

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
    /// Verdicts whose quotes are no longer in the article.
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
    /// Verdicts whose quotes are no longer in the article.
    pub orphans: Vec<StoredMark>,
    /// Marks that followed a quote edited since it was marked.
    pub edited: usize,
}

impl Session {
    /// No marks yet, for a check of `quotes` quotes.
    #[must_use]
    pub fn empty(quotes: usize) -> Self {
        Self { verdicts: vec![Verdict::default(); quotes], orphans: Vec::new(), edited: 0 }
    }

    /// Attaches a saved session to a check: each mark goes to the quote
    /// with its text (the nearest by offset when the text recurs); the
    /// chosen candidate is found again by its source text when a
    /// transcript has changed. Marks whose quote is gone become orphans.
    #[must_use]
    pub fn attach(file: Option<SessionFile>, article: &Document, transcripts: &[Document], check: &Check) -> Self {
        let mut session = Self::empty(check.quotes.len());
        let Some(file) = file else { return session };
        let transcripts_same = file.transcripts.len() == transcripts.len()
            && file.transcripts.iter().zip(transcripts).all(|(r, d)| r.sha256 == d.sha256);
        let texts: Vec<String> = check.quotes.iter().map(|q| normalise(article.slice(q.quote.span))).collect();
        let starts: Vec<usize> = check.quotes.iter().map(|q| article.original_start(q.quote.span.start)).collect();
        let mut taken = vec![false; check.quotes.len()];
        let stored: Vec<StoredMark> = file.marks.into_iter().chain(file.orphans).collect();
        // First the quotes whose text is unchanged, then those edited since
        // they were marked (a fact-checker fixing a quote keeps the mark).
        let mut homes: Vec<Option<usize>> = vec![None; stored.len()];
        for (s, mark) in stored.iter().enumerate() {
            let text = normalise(&mark.quote);
            let home = (0..check.quotes.len())
                .filter(|&i| !taken[i] && texts[i] == text)
                .min_by_key(|&i| starts[i].abs_diff(mark.start));
            if let Some(i) = home {
                taken[i] = true;
                homes[s] = Some(i);
            }
        }
        for (s, mark) in stored.iter().enumerate() {
            if homes[s].is_some() {
                continue;
            }
            let home = (0..check.quotes.len())
                .filter(|&i| !taken[i])
                .map(|i| (i, word_similarity(&texts[i], &normalise(&mark.quote))))
                .filter(|&(_, sim)| sim >= EDITED_QUOTE)
                .max_by(|a, b| {
                    a.1.total_cmp(&b.1).then(starts[b.0].abs_diff(mark.start).cmp(&starts[a.0].abs_diff(mark.start)))
                });
            if let Some((i, _)) = home {
                taken[i] = true;
                homes[s] = Some(i);
                session.edited += 1;
            }
        }
        for (stored, home) in stored.into_iter().zip(homes) {
            let Some(i) = home else {
                session.orphans.push(stored);
                continue;
            };
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
            session.verdicts[i] = Verdict { mark: stored.mark, note: stored.note, candidate };
        }
        session
    }

    /// The session as a file to save.
    #[must_use]
    pub fn to_file(&self, article: &Document, transcripts: &[Document], check: &Check) -> SessionFile {
        let marks = self
            .verdicts
            .iter()
            .zip(&check.quotes)
            .filter(|(v, _)| **v != Verdict::default())
            .map(|(v, q)| StoredMark {
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
            })
            .collect();
        SessionFile {
            quotecheck_session: FORMAT,
            article: DocumentRef::of(article),
            transcripts: transcripts.iter().map(DocumentRef::of).collect(),
            marks,
            orphans: self.orphans.clone(),
        }
    }

    /// How many quotes carry each mark, and how many carry none.
    #[must_use]
    pub fn counts(&self) -> ([usize; 4], usize) {
        let mut counts = [0; 4];
        let mut unmarked = 0;
        for v in &self.verdicts {
            match v.mark {
                Some(c) => counts[Category::ALL.iter().position(|&x| x == c).unwrap_or(0)] += 1,
                None => unmarked += 1,
            }
        }
        (counts, unmarked)
    }
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
        session.verdicts[1] = Verdict { mark: Some(Category::Altered), note: Some("check tape".into()), candidate: 0 };
        save(&path, &session.to_file(&a, &t, &c)).expect("saved");
        let again = Session::attach(load(&path).expect("readable"), &a, &t, &c);
        assert_eq!(again, session);
        let leftovers: Vec<_> =
            std::fs::read_dir(dir.path()).expect("dir").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind: {leftovers:?}");
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
