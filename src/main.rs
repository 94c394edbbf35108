//! The `quotecheck` command: parse arguments, run the check, print the
//! report, map errors to exit codes (2), never panic on bad input.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};
use quotecheck::cli::{CheckArgs, Cli, Command};
use quotecheck::report::{Format, Report, Verdict};
use quotecheck::{Check, Document, document, sample};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("quotecheck: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Check(args)) => check(&args),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "quotecheck", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let man = clap_mangen::Man::new(Cli::command());
            write_out(|out| man.render(out))?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let article = Document::from_text(sample::ARTICLE_NAME, sample::ARTICLE);
            let transcripts = [Document::from_text(sample::TRANSCRIPT_NAME, sample::TRANSCRIPT)];
            let check = Check::run(&article, &transcripts);
            let report = Report { article: &article, transcripts: &transcripts, check: &check, verdicts: &[] };
            write_out(|out| report.write(Format::Markdown, out))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(args: &CheckArgs) -> Result<ExitCode> {
    let encoding = args.encoding.as_deref();
    let article = document::load(&args.article, encoding)?;
    let transcripts = args.transcripts.iter().map(|t| document::load(t, encoding)).collect::<Result<Vec<_>, _>>()?;
    let check = Check::run(&article, &transcripts);
    let verdicts: Vec<Verdict> = Vec::new();
    let report = Report { article: &article, transcripts: &transcripts, check: &check, verdicts: &verdicts };
    write_out(|out| report.write(args.format, out)).context("cannot write the report")?;
    let failed = check.quotes.iter().any(|q| args.fail_on.contains(&q.suggestion));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Writes to standard output; a reader that goes away early (`| head`) is
/// not an error.
fn write_out(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
