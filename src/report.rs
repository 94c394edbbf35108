//! Reports of a check: JSON (the contract scripts read), Markdown (for an
//! editor) and CSV (one row per quote), each written to any `io::Write`.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::align::{Alignment, Category, Difference, Kind};
use crate::check::{Attribution, Check, Checked, attribution, context, elision_warning, warnings};
use crate::document::Document;
use crate::session::StoredMark;
use crate::text::Span;

/// The version written into every JSON report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The fact-checker's verdict on one quote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    /// The category they marked, if any.
    pub mark: Option<Category>,
    /// Their note, if any.
    pub note: Option<String>,
    /// Which candidate passage they chose as the source (0 = the best).
    pub candidate: usize,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The JSON report (its keys are a contract: see the README).
    Json,
    /// A Markdown report for an editor.
    Markdown,
    /// One CSV row per quote.
    Csv,
}

/// Everything a report shows.
pub struct Report<'a> {
    /// The article.
    pub article: &'a Document,
    /// The transcripts.
    pub transcripts: &'a [Document],
    /// The check.
    pub check: &'a Check,
    /// One verdict per quote (missing ones count as unmarked).
    pub verdicts: &'a [Verdict],
    /// Marks whose quotes are no longer in the article.
    pub orphans: &'a [StoredMark],
}

/// One quote as a report shows it: the chosen source and its category.
pub struct Row<'a> {
    /// 1-based number.
    pub id: usize,
    /// The checked quote.
    pub checked: &'a Checked,
    /// The fact-checker's verdict.
    pub verdict: Option<&'a Verdict>,
    /// The chosen source, unless unsupported.
    pub source: Option<&'a Alignment>,
}

impl<'a> Row<'a> {
    /// The suggested category of the chosen source.
    #[must_use]
    pub fn category(&self) -> Category {
        self.source.map_or(Category::Unsupported, |s| s.category)
    }

    /// The similarity of the chosen source.
    #[must_use]
    pub fn similarity(&self) -> f64 {
        self.source.map_or(self.checked.similarity, |s| s.similarity)
    }

    /// The mark, if any.
    #[must_use]
    pub fn mark(&self) -> Option<Category> {
        self.verdict.and_then(|v| v.mark)
    }

    /// What the quote leaves out that matters: an elision's negation,
    /// number or qualifier, or a negation just before the passage.
    #[must_use]
    pub fn warnings(&self, article: &Document, transcripts: &[Document]) -> Vec<String> {
        warnings(article, &self.checked.quote, self.source, transcripts)
    }

    /// Whether the chosen source's speaker is the credited one.
    #[must_use]
    pub fn attribution(&self, transcripts: &[Document]) -> Attribution {
        attribution(&self.checked.quote, self.source, transcripts)
    }

    /// The note, if any.
    #[must_use]
    pub fn note(&self) -> Option<&'a str> {
        self.verdict.and_then(|v| v.note.as_deref()).filter(|n| !n.is_empty())
    }
}

impl<'a> Report<'a> {
    /// The report's rows, in article order.
    #[must_use]
    pub fn rows(&self) -> Vec<Row<'a>> {
        self.check
            .quotes
            .iter()
            .enumerate()
            .map(|(i, checked)| {
                let verdict = self.verdicts.get(i);
                let chosen = verdict.map_or(0, |v| v.candidate);
                let source = checked.candidates.get(chosen).or_else(|| checked.candidates.first());
                Row { id: i + 1, checked, verdict, source }
            })
            .collect()
    }

    fn quote_text(&self, span: Span) -> &'a str {
        self.article.slice(span)
    }

    fn source_text(&self, alignment: &Alignment, span: Span) -> &'a str {
        self.transcripts[alignment.transcript].slice(span)
    }

    fn speaker(&self, a: &Alignment) -> Option<&'a str> {
        let doc = &self.transcripts[a.transcript];
        doc.turn_at(a.source.start).and_then(|t| doc.speaker(t))
    }

    fn timestamp(&self, a: &Alignment) -> Option<String> {
        self.transcripts[a.transcript].time_at(a.source.start).map(format_time)
    }

    /// Writes the report in a format.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write(&self, format: Format, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        match format {
            Format::Json => self.write_json(out),
            Format::Markdown => self.write_markdown(out),
            Format::Csv => self.write_csv(out),
        }
    }
}

/// Milliseconds as `HH:MM:SS.mmm`.
#[must_use]
pub fn format_time(ms: u64) -> String {
    format!("{:02}:{:02}:{:02}.{:03}", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[derive(Serialize)]
struct JsonReport<'a> {
    quotecheck: &'static str,
    article: JsonDocument<'a>,
    transcripts: Vec<JsonDocument<'a>>,
    quotes: Vec<JsonQuote<'a>>,
    orphaned_marks: &'a [StoredMark],
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    path: &'a str,
    sha256: &'a str,
}

#[derive(Serialize)]
struct JsonPlace {
    start: usize,
    end: usize,
    line: usize,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    id: usize,
    text: &'a str,
    article: JsonPlace,
    attributed_to: Option<&'a str>,
    attribution: &'static str,
    elsewhere: Option<&'a str>,
    category: &'static str,
    similarity: f64,
    source: Option<JsonSource<'a>>,
    differences: Vec<JsonDifference<'a>>,
    warnings: Vec<String>,
    context: Option<JsonContext<'a>>,
    mark: Option<&'static str>,
    note: Option<&'a str>,
    candidates: Vec<JsonCandidate>,
}

#[derive(Serialize)]
struct JsonContext<'a> {
    before: Option<&'a str>,
    after: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    transcript: usize,
    start: usize,
    end: usize,
    line: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    timestamp: Option<String>,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonDifference<'a> {
    kind: &'static str,
    quote: Option<&'a str>,
    source: Option<&'a str>,
    quote_span: Option<JsonSpan>,
    source_span: Option<JsonSpan>,
    warning: Option<String>,
}

#[derive(Serialize)]
struct JsonCandidate {
    transcript: usize,
    start: usize,
    end: usize,
    line: usize,
    category: &'static str,
    similarity: f64,
}

impl<'a> Report<'a> {
    fn json_span(doc: &Document, span: Span) -> JsonSpan {
        let s = doc.original_span(span);
        JsonSpan { start: s.start, end: s.end }
    }

    fn json_difference(&self, a: &Alignment, d: &Difference) -> JsonDifference<'a> {
        let doc = &self.transcripts[a.transcript];
        JsonDifference {
            kind: d.kind.name(),
            quote: d.quote.map(|s| self.quote_text(s)),
            source: d.source.map(|s| self.source_text(a, s)),
            quote_span: d.quote.map(|s| Self::json_span(self.article, s)),
            source_span: d.source.map(|s| Self::json_span(doc, s)),
            warning: (d.kind == Kind::Elision).then(|| d.source.and_then(|s| elision_warning(doc.slice(s)))).flatten(),
        }
    }

    fn json_quote(&self, row: &Row<'a>) -> JsonQuote<'a> {
        let checked: &'a Checked = row.checked;
        let quote = &checked.quote;
        let article_span = self.article.original_span(quote.span);
        let source = row.source.map(|a| {
            let doc = &self.transcripts[a.transcript];
            let span = doc.original_span(a.source);
            JsonSource {
                transcript: a.transcript,
                start: span.start,
                end: span.end,
                line: doc.line_of(a.source.start),
                text: doc.slice(a.source),
                speaker: self.speaker(a),
                timestamp: self.timestamp(a),
            }
        });
        JsonQuote {
            id: row.id,
            text: self.quote_text(quote.span),
            article: JsonPlace {
                start: article_span.start,
                end: article_span.end,
                line: self.article.line_of(quote.span.start),
            },
            attributed_to: quote.attributed_to.as_deref(),
            attribution: row.attribution(self.transcripts).name(),
            elsewhere: quote.elsewhere.map(|s| self.article.slice(s)),
            category: row.category().name(),
            similarity: round3(row.similarity()),
            source,
            differences: row
                .source
                .map(|a| a.differences.iter().map(|d| self.json_difference(a, d)).collect())
                .unwrap_or_default(),
            warnings: row.warnings(self.article, self.transcripts),
            context: row.source.map(|a| {
                let doc = &self.transcripts[a.transcript];
                let (before, after) = context(doc, a.source);
                JsonContext { before: before.map(|s| doc.slice(s)), after: after.map(|s| doc.slice(s)) }
            }),
            mark: row.mark().map(Category::name),
            note: row.note(),
            candidates: checked
                .candidates
                .iter()
                .map(|a| {
                    let doc = &self.transcripts[a.transcript];
                    let span = doc.original_span(a.source);
                    JsonCandidate {
                        transcript: a.transcript,
                        start: span.start,
                        end: span.end,
                        line: doc.line_of(a.source.start),
                        category: a.category.name(),
                        similarity: round3(a.similarity),
                    }
                })
                .collect(),
        }
    }

    fn write_json(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let report = JsonReport {
            quotecheck: VERSION,
            article: JsonDocument { path: &self.article.name, sha256: &self.article.sha256 },
            transcripts: self.transcripts.iter().map(|t| JsonDocument { path: &t.name, sha256: &t.sha256 }).collect(),
            quotes: self.rows().iter().map(|r| self.json_quote(r)).collect(),
            orphaned_marks: self.orphans,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)
    }

    fn write_csv(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            "id",
            "category",
            "similarity",
            "attributed_to",
            "article_line",
            "article_start",
            "article_end",
            "quote",
            "transcript",
            "source_line",
            "source_start",
            "source_end",
            "speaker",
            "timestamp",
            "source",
            "differences",
            "mark",
            "note",
        ])?;
        for row in self.rows() {
            let q = self.json_quote(&row);
            let src = q.source.as_ref();
            let differences = q
                .differences
                .iter()
                .map(|d| format!("{}: {} / {}", d.kind, d.quote.unwrap_or("—"), d.source.unwrap_or("—")))
                .collect::<Vec<_>>()
                .join("; ");
            let opt = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
            w.write_record([
                q.id.to_string(),
                q.category.to_owned(),
                format!("{:.3}", q.similarity),
                q.attributed_to.unwrap_or_default().to_owned(),
                q.article.line.to_string(),
                q.article.start.to_string(),
                q.article.end.to_string(),
                q.text.to_owned(),
                opt(src.map(|s| s.transcript)),
                opt(src.map(|s| s.line)),
                opt(src.map(|s| s.start)),
                opt(src.map(|s| s.end)),
                src.and_then(|s| s.speaker).unwrap_or_default().to_owned(),
                src.and_then(|s| s.timestamp.clone()).unwrap_or_default(),
                src.map(|s| s.text).unwrap_or_default().to_owned(),
                differences,
                q.mark.unwrap_or_default().to_owned(),
                q.note.unwrap_or_default().to_owned(),
            ])?;
        }
        w.flush()
    }

    fn write_markdown(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let rows = self.rows();
        let mut md = String::new();
        let _ = writeln!(md, "# Quote check: {}\n", md_escape(&self.article.name));
        let names: Vec<String> = self.transcripts.iter().map(|t| format!("`{}`", t.name)).collect();
        let _ = writeln!(md, "Transcript{}: {}\n", if names.len() == 1 { "" } else { "s" }, names.join(", "));
        let count = |c: Category| rows.iter().filter(|r| r.category() == c).count();
        let summary: Vec<String> =
            Category::ALL.iter().map(|&c| format!("{} {} {}", count(c), c.symbol(), c.name())).collect();
        let marked = rows.iter().filter(|r| r.mark().is_some()).count();
        let _ = writeln!(
            md,
            "{}: {} · {} marked by the fact-checker\n",
            count_of(rows.len(), "quote"),
            summary.join(" · "),
            marked
        );
        if rows.is_empty() {
            let _ = writeln!(md, "The article has no quotations.");
            return out.write_all(md.as_bytes());
        }
        let _ = writeln!(md, "| # | Quote | Attributed to | Suggested | Similarity | Source | Mark |");
        let _ = writeln!(md, "|---|---|---|---|---|---|---|");
        for row in &rows {
            let text = self.quote_text(row.checked.quote.span);
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} {} | {:.2} | {} | {} |",
                row.id,
                md_cell(&shorten(text, 60)),
                md_cell(row.checked.quote.attributed_to.as_deref().unwrap_or("—")),
                row.category().symbol(),
                row.category().name(),
                row.similarity(),
                row.source.map_or_else(|| "—".to_owned(), |a| self.place(a)),
                row.mark().map_or_else(|| "—".to_owned(), |m| format!("{} {}", m.symbol(), m.name())),
            );
        }
        let _ = writeln!(
            md,
            "\nIn each quote below, **bold** words are not in the source, ~~struck~~ words are the source's words the quote changed or left out, and *italic brackets* show what an elision, insertion or spelling stands for.\n"
        );
        for row in &rows {
            self.markdown_quote(&mut md, row);
        }
        if !self.orphans.is_empty() {
            let _ = writeln!(md, "## Marks whose quotes are no longer in the article\n");
            for orphan in self.orphans {
                let mark = orphan.mark.map_or("no mark".to_owned(), |m| format!("marked {} {}", m.symbol(), m.name()));
                let note = orphan.note.as_deref().map(|n| format!(" · note: {}", md_escape(n))).unwrap_or_default();
                let _ = writeln!(md, "- “{}”: {mark}{note}", md_escape(&shorten(&orphan.quote, 80)));
            }
            let _ = writeln!(md);
        }
        out.write_all(md.as_bytes())
    }

    fn place(&self, a: &Alignment) -> String {
        let doc = &self.transcripts[a.transcript];
        if self.transcripts.len() > 1 {
            format!("{} line {}", md_cell(&doc.name), doc.line_of(a.source.start))
        } else {
            format!("line {}", doc.line_of(a.source.start))
        }
    }

    fn markdown_quote(&self, md: &mut String, row: &Row<'_>) {
        let quote = &row.checked.quote;
        let _ = writeln!(
            md,
            "## {}. {} {}\n",
            row.id,
            row.category().symbol(),
            md_escape(&shorten(self.quote_text(quote.span), 70))
        );
        if row.source.is_some() {
            let _ = writeln!(md, "- **Suggested:** {} (similarity {:.2})", row.category().name(), row.similarity());
        } else {
            let _ = writeln!(
                md,
                "- **Suggested:** {} (the closest passage shares {:.0}% of the words)",
                row.category().name(),
                row.similarity() * 100.0
            );
        }
        if let Some(name) = &quote.attributed_to {
            let _ = writeln!(md, "- **Attributed to:** {}", md_escape(name));
        }
        let _ = writeln!(md, "- **Article:** line {}", self.article.line_of(quote.span.start));
        if let Some(a) = row.source {
            let mut place = self.place(a);
            if let Some(speaker) = self.speaker(a) {
                let _ = write!(place, ", {}", md_escape(speaker));
            }
            if let Some(time) = self.timestamp(a) {
                let _ = write!(place, ", {time}");
            }
            let _ = writeln!(md, "- **Source:** {place}");
        } else {
            let _ = writeln!(md, "- **Source:** none found: no passage of the transcript says this.");
        }
        if let Some(cue) = quote.elsewhere {
            let _ = writeln!(
                md,
                "- **Occasion:** the article places these words on another occasion (“{}”).",
                md_escape(self.article.slice(cue))
            );
        }
        if row.attribution(self.transcripts) == Attribution::Mismatch
            && let Some(a) = row.source
        {
            let said_by = self.speaker(a).unwrap_or("someone else");
            let _ = writeln!(
                md,
                "- **⚠ Attribution mismatch:** the article credits {}; the transcript gives these words to {}.",
                md_escape(quote.attributed_to.as_deref().unwrap_or("someone")),
                md_escape(said_by)
            );
        }
        for warning in row.warnings(self.article, self.transcripts) {
            let _ = writeln!(md, "- **⚠ Warning:** {}.", md_escape(&warning));
        }
        if let Some(mark) = row.mark() {
            let _ = writeln!(md, "- **Marked:** {} {}", mark.symbol(), mark.name());
        }
        if let Some(note) = row.note() {
            let _ = writeln!(md, "- **Note:** {}", md_escape(note));
        }
        let _ = writeln!(md);
        match row.source {
            Some(a) => {
                let _ = writeln!(md, "> {}\n", self.inline_diff(quote.span, a).replace('\n', "\n> "));
                let doc = &self.transcripts[a.transcript];
                let (before, after) = context(doc, a.source);
                let flat = |s: Span| md_escape(&doc.slice(s).split_whitespace().collect::<Vec<_>>().join(" "));
                let _ = writeln!(
                    md,
                    "Source, in context:\n\n> {}**{}**{}\n",
                    before.map(|b| format!("…{} ", flat(b))).unwrap_or_default(),
                    flat(a.source),
                    after.map(|s| join_after(&flat(s))).unwrap_or_default()
                );
                if !a.differences.is_empty() {
                    let _ = writeln!(md, "Differences:\n");
                    for d in &a.differences {
                        let _ = writeln!(md, "- {}", self.describe(a, d));
                    }
                    let _ = writeln!(md);
                }
            }
            None => {
                let _ = writeln!(md, "> {}\n", md_escape(self.quote_text(quote.span)).replace('\n', "\n> "));
            }
        }
    }

    /// One difference in words: `substitution: “a” for “the”`.
    fn describe(&self, a: &Alignment, d: &Difference) -> String {
        let q = d.quote.map(|s| md_escape(self.quote_text(s)));
        let s = d.source.map(|s| md_escape(self.source_text(a, s)));
        let body = match (d.kind, q, s) {
            (Kind::Elision | Kind::Insertion, Some(q), Some(s)) => format!("“{q}” stands for “{s}”"),
            (Kind::Insertion, Some(q), None) => format!("“{q}” added by the writer"),
            (Kind::Disfluency | Kind::Omission, _, Some(s)) => format!("“{s}” left out"),
            (Kind::Addition, Some(q), _) => format!("“{q}” is not in the source"),
            (_, Some(q), Some(s)) => format!("“{q}” for “{s}”"),
            (_, q, s) => format!("{} / {}", q.unwrap_or_default(), s.unwrap_or_default()),
        };
        format!("{}: {body}", d.kind.name())
    }

    /// The quote's text with its differences marked inline.
    fn inline_diff(&self, span: Span, a: &Alignment) -> String {
        let text = &self.article.text;
        let mut out = String::new();
        let mut at = span.start;
        let mut diffs: Vec<&Difference> = a.differences.iter().collect();
        diffs.sort_by_key(|d| (d.at, d.quote.is_some()));
        for d in diffs {
            let start = d.quote.map_or(d.at, |q| q.start).clamp(at, span.end);
            out.push_str(&md_escape(&text[at..start]));
            at = start;
            let source = d.source.map(|s| md_escape(self.source_text(a, s)));
            let quoted = d.quote.map(|q| md_escape(&text[q.within(Span::new(at, span.end)).range()]));
            let piece = match d.kind {
                Kind::Substitution => format!("**{}** ~~{}~~", quoted.unwrap_or_default(), source.unwrap_or_default()),
                Kind::Addition => format!("**{}**", quoted.unwrap_or_default()),
                Kind::Omission => format!("~~{}~~", source.unwrap_or_default()),
                Kind::Disfluency => String::new(),
                Kind::Elision => format!("{} *[{}]*", quoted.unwrap_or_default(), source.unwrap_or_default()),
                Kind::Insertion | Kind::Variant => match source {
                    Some(s) => format!("{} *[{s}]*", quoted.unwrap_or_default()),
                    None => quoted.unwrap_or_default(),
                },
            };
            // A piece never runs into the word before or after it.
            let glued = piece.starts_with([',', '.', ';', ':', '!', '?', ')']);
            if !piece.is_empty() && !glued && out.chars().next_back().is_some_and(|c| !c.is_whitespace() && c != '(') {
                out.push(' ');
            }
            out.push_str(&piece);
            if let Some(q) = d.quote {
                at = q.end.clamp(at, span.end);
            }
            let next = text[at..span.end].chars().next();
            if !piece.is_empty() && next.is_some_and(char::is_alphanumeric) {
                out.push(' ');
            }
        }
        out.push_str(&md_escape(&text[at..span.end]));
        out
    }
}

/// Context after a passage: joined with a space unless it opens with
/// punctuation, and trailed by an ellipsis.
fn join_after(after: &str) -> String {
    if after.starts_with(|c: char| c.is_ascii_punctuation()) { format!("{after}…") } else { format!(" {after}…") }
}

/// `1 quote`, `3 quotes`.
fn count_of(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// Escapes the characters Markdown would read as markup.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '~' | '[' | ']' | '<' | '>' | '#' | '|' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_cell(s: &str) -> String {
    md_escape(&s.replace(['\n', '\r'], " "))
}

/// At most `max` characters, with an ellipsis when cut.
#[must_use]
pub fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}
