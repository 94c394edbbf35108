//! Reports of a check: JSON (the contract scripts read), Markdown (for an
//! editor) and CSV (one row per quote), each written to any `io::Write`.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::align::{Alignment, Category, Difference, Kind};
use crate::check::{Attribution, Check, Checked, attribution, context, difference_warning, warnings};
use crate::document::Document;
use crate::reported::{self, Evidence, EvidenceKind, ReportedChecked};
use crate::session::StoredMark;
use crate::text::Span;

/// The symbol of a mark to re-check (its quote was edited since), beside
/// the category symbols.
pub const RECHECK: &str = "⟳";

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
    /// The quote's text when it was marked, if it has been edited since:
    /// the mark was made on other words and is to be checked again.
    pub marked_text: Option<String>,
}

impl Verdict {
    /// Whether the mark was made on words the quote no longer has.
    #[must_use]
    pub const fn needs_recheck(&self) -> bool {
        self.marked_text.is_some()
    }
}

/// The fact-checker's judgement of one reported-speech item: the verdict
/// they mark (the same three words as the engine's), their note.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Judgement {
    /// The verdict they marked, if any.
    pub mark: Option<reported::Verdict>,
    /// Their note, if any.
    pub note: Option<String>,
    /// The item's text when it was marked, if it has been edited since.
    pub marked_text: Option<String>,
}

impl Judgement {
    /// Whether the mark was made on words the item no longer has.
    #[must_use]
    pub const fn needs_recheck(&self) -> bool {
        self.marked_text.is_some()
    }
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
    /// One judgement per reported item (missing ones count as unmarked).
    pub judgements: &'a [Judgement],
    /// Marks whose quotes (or reported items) are no longer in the article.
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

    /// The quote's words when it was marked, if it has been edited since.
    #[must_use]
    pub fn marked_text(&self) -> Option<&'a str> {
        self.verdict.and_then(|v| v.marked_text.as_deref())
    }

    /// Whether the mark was made on words the quote no longer has.
    #[must_use]
    pub fn needs_recheck(&self) -> bool {
        self.verdict.is_some_and(Verdict::needs_recheck)
    }

    /// The category the quote stands at: the fact-checker's mark, unless
    /// it was made on other words (to re-check), else the suggestion.
    #[must_use]
    pub fn judged(&self) -> Category {
        self.mark().filter(|_| !self.needs_recheck()).unwrap_or_else(|| self.category())
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
    reported: Vec<JsonReported<'a>>,
    orphaned_marks: &'a [StoredMark],
}

#[derive(Serialize)]
struct JsonReported<'a> {
    id: usize,
    text: &'a str,
    article: JsonPlace,
    attributed_to: Option<&'a str>,
    elsewhere: Option<&'a str>,
    verdict: &'static str,
    similarity: f64,
    source: Option<JsonSource<'a>>,
    evidence: Vec<JsonEvidence<'a>>,
    quotes: Vec<usize>,
    mark: Option<&'static str>,
    note: Option<String>,
    recheck: bool,
    marked_text: Option<String>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    kind: &'static str,
    article: Option<&'a str>,
    source: Option<&'a str>,
    article_span: Option<JsonSpan>,
    source_span: Option<JsonSpan>,
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
    recheck: bool,
    marked_text: Option<&'a str>,
    candidates: Vec<JsonCandidate>,
}

/// What one row of the CSV report says, of a quote or a reported item.
struct CsvRow<'r> {
    id: usize,
    category: &'r str,
    similarity: f64,
    attributed_to: Option<&'r str>,
    article: &'r JsonPlace,
    text: &'r str,
    source: Option<&'r JsonSource<'r>>,
    differences: &'r str,
    mark: Option<&'r str>,
    note: Option<&'r str>,
    attribution: &'r str,
    warnings: &'r str,
    recheck: bool,
    marked_text: Option<&'r str>,
    kind: &'r str,
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
            warning: difference_warning(d, a, self.article, doc),
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
            recheck: row.needs_recheck(),
            marked_text: row.marked_text(),
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

    /// A passage of a transcript as the JSON report gives it.
    fn json_source(&self, transcript: usize, span: Span) -> JsonSource<'a> {
        let doc = &self.transcripts[transcript];
        let original = doc.original_span(span);
        JsonSource {
            transcript,
            start: original.start,
            end: original.end,
            line: doc.line_of(span.start),
            text: doc.slice(span),
            speaker: doc.speaker_at(span.start),
            timestamp: doc.time_at(span.start).map(format_time),
        }
    }

    fn json_reported(&self, i: usize, r: &'a ReportedChecked) -> JsonReported<'a> {
        let item = &r.item;
        let judgement = self.judgement(i);
        let place = self.article.original_span(item.span);
        let doc = r.source.map(|p| &self.transcripts[p.transcript]);
        JsonReported {
            id: i + 1,
            text: self.article.slice(item.span),
            article: JsonPlace { start: place.start, end: place.end, line: self.article.line_of(item.span.start) },
            attributed_to: item.attributed_to.as_deref(),
            elsewhere: item.elsewhere.map(|s| self.article.slice(s)),
            verdict: r.verdict.name(),
            similarity: round3(r.similarity),
            source: r.source.map(|p| self.json_source(p.transcript, p.span)),
            evidence: r
                .evidence
                .iter()
                .map(|e| JsonEvidence {
                    kind: e.kind.name(),
                    article: e.article.map(|s| self.article.slice(s)),
                    source: e.source.and_then(|s| doc.map(|d| d.slice(s))),
                    article_span: e.article.map(|s| Self::json_span(self.article, s)),
                    source_span: e.source.and_then(|s| doc.map(|d| Self::json_span(d, s))),
                })
                .collect(),
            quotes: item.quotes.iter().map(|q| q + 1).collect(),
            mark: judgement.mark.map(reported::Verdict::name),
            note: judgement.note.filter(|n| !n.is_empty()),
            recheck: judgement.marked_text.is_some(),
            marked_text: judgement.marked_text,
        }
    }

    /// The fact-checker's judgement of reported item `i`.
    fn judgement(&self, i: usize) -> Judgement {
        self.judgements.get(i).cloned().unwrap_or_default()
    }

    /// What a reported item is judged: the mark (unless made on words
    /// since edited), else the engine's verdict.
    #[must_use]
    pub fn reported_standing(&self, i: usize) -> reported::Verdict {
        let j = self.judgement(i);
        j.mark.filter(|_| !j.needs_recheck()).unwrap_or(self.check.reported[i].verdict)
    }

    fn write_json(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let report = JsonReport {
            quotecheck: VERSION,
            article: JsonDocument { path: &self.article.name, sha256: &self.article.sha256 },
            transcripts: self.transcripts.iter().map(|t| JsonDocument { path: &t.name, sha256: &t.sha256 }).collect(),
            quotes: self.rows().iter().map(|r| self.json_quote(r)).collect(),
            reported: self.check.reported.iter().enumerate().map(|(i, r)| self.json_reported(i, r)).collect(),
            orphaned_marks: self.orphans,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)
    }

    fn write_csv(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        // New columns go at the end: scripts read these by position too.
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
            "attribution",
            "warnings",
            "recheck",
            "marked_text",
            "transcript_path",
            "kind",
        ])?;
        for row in self.rows() {
            let q = self.json_quote(&row);
            let differences = q
                .differences
                .iter()
                .map(|d| format!("{}: {} / {}", d.kind, d.quote.unwrap_or("—"), d.source.unwrap_or("—")))
                .collect::<Vec<_>>()
                .join("; ");
            w.write_record(self.csv_record(&CsvRow {
                id: q.id,
                category: q.category,
                similarity: q.similarity,
                attributed_to: q.attributed_to,
                article: &q.article,
                text: q.text,
                source: q.source.as_ref(),
                differences: &differences,
                mark: q.mark,
                note: q.note,
                attribution: q.attribution,
                warnings: &q.warnings.join("; "),
                recheck: q.recheck,
                marked_text: q.marked_text,
                kind: "quote",
            }))?;
        }
        self.write_reported_csv(&mut w)?;
        w.flush()
    }

    /// The CSV rows of reported speech, after the quotes' and in the same
    /// columns: the verdict for the category, the evidence for the
    /// differences and the flags for the warnings.
    fn write_reported_csv<W: Write>(&self, w: &mut csv::Writer<W>) -> io::Result<()> {
        for (i, r) in self.check.reported.iter().enumerate() {
            let j = self.json_reported(i, r);
            let evidence = |flags: bool| {
                r.evidence
                    .iter()
                    .filter(|e| (e.kind != EvidenceKind::Shared) == flags)
                    .map(|e| self.describe_evidence(r, e))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            w.write_record(self.csv_record(&CsvRow {
                id: j.id,
                category: j.verdict,
                similarity: j.similarity,
                attributed_to: j.attributed_to,
                article: &j.article,
                text: j.text,
                source: j.source.as_ref(),
                differences: &evidence(false),
                mark: j.mark,
                note: j.note.as_deref(),
                attribution: "",
                warnings: &evidence(true),
                recheck: j.recheck,
                marked_text: j.marked_text.as_deref(),
                kind: "reported",
            }))?;
        }
        Ok(())
    }

    /// One row of the CSV report, in the order of its columns.
    fn csv_record(&self, row: &CsvRow<'_>) -> [String; 24] {
        let opt = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
        let src = row.source;
        [
            row.id.to_string(),
            csv_text(row.category),
            format!("{:.3}", row.similarity),
            csv_text(row.attributed_to.unwrap_or_default()),
            row.article.line.to_string(),
            row.article.start.to_string(),
            row.article.end.to_string(),
            csv_text(row.text),
            opt(src.map(|s| s.transcript)),
            opt(src.map(|s| s.line)),
            opt(src.map(|s| s.start)),
            opt(src.map(|s| s.end)),
            csv_text(src.and_then(|s| s.speaker).unwrap_or_default()),
            csv_text(src.and_then(|s| s.timestamp.as_deref()).unwrap_or_default()),
            csv_text(src.map(|s| s.text).unwrap_or_default()),
            csv_text(row.differences),
            csv_text(row.mark.unwrap_or_default()),
            csv_text(row.note.unwrap_or_default()),
            csv_text(row.attribution),
            csv_text(row.warnings),
            row.recheck.to_string(),
            csv_text(row.marked_text.unwrap_or_default()),
            csv_text(src.map(|s| self.transcripts[s.transcript].name.as_str()).unwrap_or_default()),
            row.kind.to_owned(),
        ]
    }

    /// One piece of evidence in words: `shared: “red lines”`, `negation:
    /// the article has “needs”, the source “do not need”`.
    #[must_use]
    pub fn describe_evidence(&self, r: &ReportedChecked, e: &Evidence) -> String {
        let doc = r.source.map(|p| &self.transcripts[p.transcript]);
        describe_evidence(e, self.article, doc)
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
        let recheck = match rows.iter().filter(|r| r.needs_recheck()).count() {
            0 => String::new(),
            n => format!(" ({n} {RECHECK} to re-check: the quote was edited after it was marked)"),
        };
        let _ = writeln!(
            md,
            "{}: {} · {} marked by the fact-checker{recheck}\n",
            count_of(rows.len(), "quote"),
            summary.join(" · "),
            marked
        );
        if rows.is_empty() {
            let _ = writeln!(md, "The article has no quotations.\n");
            self.markdown_reported(&mut md);
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
                row.mark().map_or_else(
                    || "—".to_owned(),
                    |m| {
                        let recheck = if row.needs_recheck() { format!(" {RECHECK} re-check") } else { String::new() };
                        format!("{} {}{recheck}", m.symbol(), m.name())
                    }
                ),
            );
        }
        let _ = writeln!(
            md,
            "\nIn each quote below, **bold** words are not in the source, ~~struck~~ words are the source's words the quote changed or left out, and *italic brackets* show what an elision, insertion or spelling stands for.\n"
        );
        for row in &rows {
            self.markdown_quote(&mut md, row);
        }
        self.markdown_reported(&mut md);
        if !self.orphans.is_empty() {
            let _ = writeln!(md, "## Marks whose quotes or items are no longer in the article\n");
            for orphan in self.orphans {
                let mark = match (orphan.mark, orphan.verdict) {
                    (Some(m), _) => format!("marked {} {}", m.symbol(), m.name()),
                    (None, Some(v)) => format!("reported speech marked {} {}", v.symbol(), v.name()),
                    (None, None) => "no mark".to_owned(),
                };
                let note = orphan.note.as_deref().map(|n| format!(" · note: {}", md_escape(n))).unwrap_or_default();
                let _ = writeln!(md, "- “{}”: {mark}{note}", md_escape(&shorten(&orphan.quote, 80)));
            }
            let _ = writeln!(md);
        }
        out.write_all(md.as_bytes())
    }

    /// The reported-speech part of the Markdown report: a table, then
    /// each item with its source and evidence.
    fn markdown_reported(&self, md: &mut String) {
        let items = &self.check.reported;
        if items.is_empty() {
            return;
        }
        let _ = writeln!(md, "# Reported speech\n");
        let count = |v: reported::Verdict| items.iter().filter(|r| r.verdict == v).count();
        let summary: Vec<String> =
            reported::Verdict::ALL.iter().map(|&v| format!("{} {} {}", count(v), v.symbol(), v.name())).collect();
        let marked = (0..items.len()).filter(|&i| self.judgement(i).mark.is_some()).count();
        let _ = writeln!(
            md,
            "What the article says was said, outside quotation marks: {}: {} · {marked} marked by the fact-checker\n",
            count_of(items.len(), "item"),
            summary.join(" · ")
        );
        let _ = writeln!(md, "| # | Reported | Attributed to | Suggested | Source | Mark |");
        let _ = writeln!(md, "|---|---|---|---|---|---|");
        for (i, r) in items.iter().enumerate() {
            let j = self.judgement(i);
            let _ = writeln!(
                md,
                "| R{} | {} | {} | {} {} | {} | {} |",
                i + 1,
                md_cell(&shorten(self.article.slice(r.item.span), 60)),
                md_cell(r.item.attributed_to.as_deref().unwrap_or("—")),
                r.verdict.symbol(),
                r.verdict.name(),
                r.source.map_or_else(|| "—".to_owned(), |p| self.place_of(p.transcript, p.span)),
                j.mark.map_or_else(|| "—".to_owned(), |m| format!("{} {}", m.symbol(), m.name())),
            );
        }
        let _ = writeln!(md);
        for (i, r) in items.iter().enumerate() {
            let j = self.judgement(i);
            let text = self.article.slice(r.item.span);
            let _ = writeln!(md, "## R{}. {} {}\n", i + 1, r.verdict.symbol(), md_escape(&shorten(text, 70)));
            let share = format!("{:.0}% of its content found", r.similarity * 100.0);
            let _ = writeln!(md, "- **Suggested:** {} ({share})", r.verdict.name());
            if let Some(name) = &r.item.attributed_to {
                let _ = writeln!(md, "- **Attributed to:** {}", md_escape(name));
            }
            let _ = writeln!(md, "- **Article:** line {}", self.article.line_of(r.item.span.start));
            match r.source {
                Some(p) => {
                    let doc = &self.transcripts[p.transcript];
                    let mut place = self.place_of(p.transcript, p.span);
                    if let Some(speaker) = doc.speaker_at(p.span.start) {
                        let _ = write!(place, ", {}", md_escape(speaker));
                    }
                    let _ = writeln!(md, "- **Source:** {place}");
                }
                None => {
                    let _ = writeln!(md, "- **Source:** none: no passage of the transcript bears on it.");
                }
            }
            if let Some(cue) = r.item.elsewhere {
                let _ = writeln!(
                    md,
                    "- **Occasion:** the article places these words on another occasion (“{}”).",
                    md_escape(self.article.slice(cue))
                );
            }
            let shared: Vec<String> = r
                .evidence
                .iter()
                .filter(|e| e.kind == EvidenceKind::Shared)
                .filter_map(|e| e.article.map(|s| md_escape(self.article.slice(s))))
                .collect();
            if !shared.is_empty() {
                let _ = writeln!(md, "- **Shared words:** {}", shared.join(", "));
            }
            for e in r.evidence.iter().filter(|e| e.kind != EvidenceKind::Shared) {
                let _ = writeln!(md, "- **⚠ {}**", md_escape(&self.describe_evidence(r, e)));
            }
            if let Some(mark) = j.mark {
                let recheck = if j.needs_recheck() { format!(" {RECHECK} re-check") } else { String::new() };
                let _ = writeln!(md, "- **Marked:** {} {}{recheck}", mark.symbol(), mark.name());
            }
            if let Some(note) = j.note.as_deref().filter(|n| !n.is_empty()) {
                let _ = writeln!(md, "- **Note:** {}", md_escape(note));
            }
            let _ = writeln!(md, "\n> {}\n", md_escape(text).replace('\n', "\n> "));
            if let Some(p) = r.source {
                let doc = &self.transcripts[p.transcript];
                let flat = doc.slice(p.span).split_whitespace().collect::<Vec<_>>().join(" ");
                let _ = writeln!(md, "Source:\n\n> {}\n", md_escape(&flat));
            }
        }
    }

    /// Where a span of a transcript is: `line 19`, or with several
    /// transcripts `speech.txt line 19`.
    fn place_of(&self, transcript: usize, span: Span) -> String {
        let doc = &self.transcripts[transcript];
        if self.transcripts.len() > 1 {
            format!("{} line {}", md_cell(&doc.name), doc.line_of(span.start))
        } else {
            format!("line {}", doc.line_of(span.start))
        }
    }

    fn place(&self, a: &Alignment) -> String {
        self.place_of(a.transcript, a.source)
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
        if let Some(old) = row.marked_text() {
            let _ = writeln!(
                md,
                "- **{RECHECK} Re-check the mark:** marked when it read: “{}”; the quote has changed since.",
                md_escape(&old.split_whitespace().collect::<Vec<_>>().join(" "))
            );
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

/// One piece of evidence of a reported item in words, the article's and
/// the source's words quoted.
#[must_use]
pub fn describe_evidence(e: &Evidence, article: &Document, source: Option<&Document>) -> String {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let a = e.article.map(|s| flat(article.slice(s)));
    let s = e.source.and_then(|s| source.map(|d| flat(d.slice(s))));
    let speaker = e.source.and_then(|s| source.and_then(|d| d.speaker_at(s.start)));
    let condition = s.as_deref().is_some_and(|s| {
        let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
        matches!(first.as_str(), "if" | "unless" | "provided" | "providing")
    });
    let body = match (e.kind, a, s) {
        (EvidenceKind::Shared, Some(a), _) => format!("“{a}”"),
        (EvidenceKind::Speaker, _, _) => {
            format!("these are the words of {}, not of the speaker credited", speaker.unwrap_or("another speaker"))
        }
        (EvidenceKind::Hedge, _, Some(s)) if condition => {
            format!("the source makes it hang on “{s}”; the report drops the condition")
        }
        (EvidenceKind::Hedge, _, Some(s)) => format!("the source hedges it (“{s}”); the report makes it certain"),
        (_, Some(a), Some(s)) => format!("the article has “{a}”, the source “{s}”"),
        (_, Some(a), None) => format!("the article has “{a}”"),
        (_, None, Some(s)) => format!("the source has “{s}”"),
        (_, None, None) => String::new(),
    };
    format!("{}: {body}", e.kind.name())
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

/// A CSV text cell a spreadsheet will not run: one that opens with `=`,
/// `+`, `-`, `@`, a tab or a carriage return (a formula, to Excel and its
/// kin) gets a leading `'`, which they read as "this is text".
///
/// `=HYPERLINK("http://x")` → `'=HYPERLINK("http://x")`; `-1 for` → `'-1 for`.
fn csv_text(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
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

#[cfg(test)]
mod tests {
    use super::*;

    const TRANSCRIPT: &str =
        "Q: And the river?\n\nMAYOR: We will build the bridge by spring. Plus one for the river.\n";

    /// A report of `article` against [`TRANSCRIPT`] with some verdicts, in
    /// a format.
    fn written(article: &str, verdicts: &[Verdict], format: Format) -> String {
        let article = Document::from_text("a.txt", article);
        let transcripts = [Document::from_text("t.txt", TRANSCRIPT)];
        let check = Check::run(&article, &transcripts);
        let report = Report {
            article: &article,
            transcripts: &transcripts,
            check: &check,
            verdicts,
            judgements: &[],
            orphans: &[],
        };
        let mut out = Vec::new();
        report.write(format, &mut out).expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn a_text_cell_a_spreadsheet_would_run_is_written_as_text() {
        for (cell, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1 for the river", "'+1 for the river"),
            ("-1 for the river", "'-1 for the river"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("a = b", "a = b"),
            ("we will build", "we will build"),
            ("", ""),
        ] {
            assert_eq!(csv_text(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn reported_speech_follows_the_quotes_in_every_format() {
        let article = Document::from_text(
            "a.txt",
            "The mayor said \"we will build the bridge\".\n\nThe mayor said the river crossing would open by spring.\n",
        );
        let transcripts = vec![Document::from_text(
            "t.txt",
            "MAYOR: We will build the bridge. The river crossing will open by spring.\n\nQ: Thank you.\n",
        )];
        let check = Check::run(&article, &transcripts);
        assert_eq!(check.reported.len(), 1);
        let judgements = [Judgement {
            mark: Some(reported::Verdict::Distorted),
            note: Some("=check".into()),
            ..Judgement::default()
        }];
        let report = Report {
            article: &article,
            transcripts: &transcripts,
            check: &check,
            verdicts: &[],
            judgements: &judgements,
            orphans: &[],
        };
        let mut out = Vec::new();
        report.write(Format::Csv, &mut out).expect("written");
        let csv = String::from_utf8(out).expect("utf-8");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers: Vec<String> = reader.headers().expect("headers").iter().map(str::to_owned).collect();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        let cell = |row: usize, name: &str| rows[row][headers.iter().position(|h| h == name).expect(name)].to_owned();
        assert_eq!((cell(0, "kind"), cell(1, "kind")), ("quote".to_owned(), "reported".to_owned()));
        assert_eq!(cell(1, "quote"), "the river crossing would open by spring");
        assert_eq!(
            (cell(1, "category"), cell(1, "mark"), cell(1, "note")),
            ("supported".into(), "distorted".into(), "'=check".into())
        );
        assert!(cell(1, "differences").contains("shared: “river”"), "{}", cell(1, "differences"));
        let mut out = Vec::new();
        report.write(Format::Json, &mut out).expect("written");
        let json: serde_json::Value = serde_json::from_slice(&out).expect("json");
        let item = &json["reported"][0];
        assert_eq!((item["verdict"].as_str(), item["mark"].as_str()), (Some("supported"), Some("distorted")));
        assert_eq!(item["source"]["speaker"], "MAYOR");
        let mut out = Vec::new();
        report.write(Format::Markdown, &mut out).expect("written");
        let md = String::from_utf8(out).expect("utf-8");
        assert!(md.contains("# Reported speech"), "{md}");
        assert!(md.contains("## R1. ✓ the river crossing would open by spring"), "{md}");
        assert!(md.contains("- **Marked:** ≠ distorted"), "{md}");
    }

    #[test]
    fn a_csv_report_read_back_has_no_formula_and_the_new_columns_at_the_end() {
        let article = "The mayor said \"=HYPERLINK(http://evil.example, we will build the bridge by spring)\".\n\
                       \"-1 for the river\", the mayor said.\n";
        let verdicts = [
            Verdict { note: Some("@SUM(A1:A9) check tape".into()), ..Verdict::default() },
            Verdict {
                mark: Some(Category::Altered),
                marked_text: Some("+1 for the river".into()),
                note: Some("=1+2".into()),
                ..Verdict::default()
            },
        ];
        let csv = written(article, &verdicts, Format::Csv);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers: Vec<String> = reader.headers().expect("headers").iter().map(str::to_owned).collect();
        assert_eq!(
            headers[..18],
            [
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
            ],
            "the old columns keep their names and places"
        );
        assert_eq!(headers[18..], ["attribution", "warnings", "recheck", "marked_text", "transcript_path", "kind"]);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        let cell = |row: usize, name: &str| rows[row][headers.iter().position(|h| h == name).expect(name)].to_owned();
        #[rustfmt::skip]
        let expected = [
            (0, "quote", "'=HYPERLINK(http://evil.example, we will build the bridge by spring)"),
            (0, "note", "'@SUM(A1:A9) check tape"),
            (0, "recheck", "false"),
            (0, "marked_text", ""),
            (1, "quote", "'-1 for the river"),
            (1, "note", "'=1+2"),
            (1, "mark", "altered"),
            (1, "recheck", "true"),
            (1, "marked_text", "'+1 for the river"),
            (1, "attribution", "match"),
            (1, "transcript", "0"),
            (1, "transcript_path", "t.txt"),
            (1, "kind", "quote"),
        ];
        for (row, name, value) in expected {
            assert_eq!(cell(row, name), value, "row {row}, {name}");
        }
        for row in &rows {
            for (name, value) in headers.iter().zip(row) {
                assert!(!value.starts_with(['=', '+', '-', '@', '\t', '\r']), "{name}: {value:?}");
            }
        }
    }

    #[test]
    fn a_mark_to_recheck_is_said_in_the_json_and_markdown_reports() {
        let article = "\"We will build the bridge by spring\", the mayor said.\n";
        let verdicts = [Verdict {
            mark: Some(Category::Verbatim),
            marked_text: Some("We will build a bridge by spring".into()),
            ..Verdict::default()
        }];
        let json: serde_json::Value = serde_json::from_str(&written(article, &verdicts, Format::Json)).expect("json");
        let quote = &json["quotes"][0];
        assert_eq!((&quote["mark"], &quote["recheck"]), (&"verbatim".into(), &true.into()));
        assert_eq!(quote["marked_text"], "We will build a bridge by spring");
        let unmarked: serde_json::Value = serde_json::from_str(&written(article, &[], Format::Json)).expect("json");
        assert_eq!(
            (&unmarked["quotes"][0]["recheck"], &unmarked["quotes"][0]["marked_text"]),
            (&false.into(), &None::<()>.into())
        );
        let md = written(article, &verdicts, Format::Markdown);
        for line in [
            "1 quote: 1 ✓ verbatim · 0 ≈ altered · 0 ~ paraphrase · 0 ✗ unsupported · 1 marked by the fact-checker (1 ⟳ to re-check: the quote was edited after it was marked)",
            "| ✓ verbatim ⟳ re-check |",
            "- **⟳ Re-check the mark:** marked when it read: “We will build a bridge by spring”; the quote has changed since.",
        ] {
            assert!(md.contains(line), "{line}\n{md}");
        }
    }
}
