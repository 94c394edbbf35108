//! The command line. The doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::align::Category;
use crate::document::Format;
use crate::report::Format as ReportFormat;

/// The examples `--help` leads with.
pub const EXAMPLES: &str = "\
Examples:
  quotecheck                                   open the bundled sample pair
  quotecheck article.txt transcript.txt        review an article's quotes on screen
  quotecheck check article.txt transcript.txt  print a Markdown report
  quotecheck check article.txt speech.txt presser.txt --format json
  quotecheck check draft.txt transcript.txt --fail-on altered,unsupported
  curl -s https://example.com/t.txt | quotecheck check article.txt -

Exit status: 0 all is well, 1 a --fail-on category was found, 2 an error.";

/// Help that leads with the examples, then the usage and the options.
const HELP_TEMPLATE: &str = "{about}{after-help}\n\n{usage-heading} {usage}\n\n{all-args}";

/// Check every quotation in a news article against the transcript of what
/// was said: verbatim, altered, paraphrase or unsupported, and why.
#[derive(Debug, Parser)]
#[command(
    name = "quotecheck",
    version,
    after_help = EXAMPLES,
    help_template = HELP_TEMPLATE,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do (with no command, the review screen opens).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The article, then one or more transcripts, for the review screen.
    /// With none, the bundled sample pair opens.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,

    /// Where the marks and notes are kept [default: ARTICLE.quotecheck.json
    /// beside the article].
    #[arg(long, value_name = "PATH")]
    pub session: Option<PathBuf>,

    /// How to read the files.
    #[command(flatten)]
    pub read: ReadOptions,
}

/// How to read the article and the transcripts.
#[derive(Debug, Clone, Args)]
pub struct ReadOptions {
    /// The encoding of files that are not UTF-8 (e.g. windows-1252,
    /// iso-8859-1, utf-16le); UTF-8 files are read as UTF-8 regardless.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// How the article is written [default: from its name and content].
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Auto, hide_default_value = true)]
    pub article_format: Format,

    /// How the transcripts are written: text, speakers (speaker-labelled
    /// text), srt, vtt, html, docx [default: from their names and content].
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Auto, hide_default_value = true)]
    pub transcript_format: Format,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check an article against its transcripts and print a report.
    Check(CheckArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// The examples `check --help` leads with.
const CHECK_EXAMPLES: &str = "\
Examples:
  quotecheck check article.txt transcript.txt               a Markdown report
  quotecheck check article.txt transcript.txt -f json > report.json
  quotecheck check story.html captions.en.vtt -f csv
  quotecheck check article.txt speech.txt presser.txt --session marks.json
  quotecheck check draft.txt transcript.txt --fail-on altered,unsupported

Exit status: 0 all is well, 1 a --fail-on category was found (a quote's
mark, where the session has one, counts over its suggestion), 2 an error.";

/// Arguments of `quotecheck check`.
#[derive(Debug, Args)]
#[command(after_help = CHECK_EXAMPLES, help_template = HELP_TEMPLATE)]
pub struct CheckArgs {
    /// The article (`-` reads standard input).
    #[arg(value_name = "ARTICLE")]
    pub article: String,

    /// One or more transcripts (`-` reads standard input).
    #[arg(value_name = "TRANSCRIPT", required = true)]
    pub transcripts: Vec<String>,

    /// The report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,

    /// Exit with status 1 when any quote's category is one of these
    /// (comma-separated: verbatim, altered, paraphrase, unsupported). A
    /// quote's category is the fact-checker's mark when the session has one
    /// (the file beside the article, or --session), else the suggested
    /// category; a mark to re-check (made before the quote was edited) does
    /// not count, the suggestion does.
    #[arg(long, value_name = "CATEGORY", value_delimiter = ',', value_parser = parse_category)]
    pub fail_on: Vec<Category>,

    /// Where the marks and notes are kept [default: ARTICLE.quotecheck.json
    /// beside the article, if it exists].
    #[arg(long, value_name = "PATH")]
    pub session: Option<PathBuf>,

    /// How to read the files.
    #[command(flatten)]
    pub read: ReadOptions,
}

fn parse_category(s: &str) -> Result<Category, String> {
    Category::from_name(s).ok_or_else(|| format!("unknown category {s:?} (verbatim, altered, paraphrase, unsupported)"))
}
