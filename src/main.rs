//! The `quotecheck` command: parse arguments, run the check, then print the
//! report or open the review screen; map errors to exit code 2, never
//! panic on bad input.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{CommandFactory, Parser};
use quotecheck::cli::{CheckArgs, Cli, Command, ReadOptions};
use quotecheck::report::Report;
use quotecheck::session::{self, Session};
use quotecheck::tui::Failure;
use quotecheck::tui::app::{App, Paths, SaveState};
use quotecheck::tui::loading::{Loading, Progress};
use quotecheck::tui::theme::Theme;
use quotecheck::{Check, Document, cli, document, sample, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("quotecheck: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Check(args)) => check(args),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut Cli::command(), "quotecheck", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            write_out(man_page)?;
            Ok(ExitCode::SUCCESS)
        }
        None => review(cli),
    }
}

/// The man page: the command, then the `check` command's options, then
/// the examples laid out as written.
fn man_page(out: &mut dyn Write) -> io::Result<()> {
    let cli = Cli::command();
    let man = clap_mangen::Man::new(cli.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    if let Some(check) = cli.get_subcommands().find(|c| c.get_name() == "check") {
        writeln!(out, ".SH \"THE CHECK COMMAND\"")?;
        let sub = clap_mangen::Man::new(check.clone().name("quotecheck check"));
        sub.render_synopsis_section(out)?;
        sub.render_options_section(out)?;
    }
    writeln!(out, ".SH EXAMPLES\n.nf")?;
    for line in cli::EXAMPLES.lines() {
        writeln!(out, "{}", line.replace('\\', "\\\\").replace('-', "\\-"))?;
    }
    writeln!(out, ".fi")?;
    man.render_version_section(out)
}

/// Refuses an encoding label nobody knows, before anything is read.
fn check_encoding(read: &ReadOptions) -> Result<()> {
    if let Some(label) = read.encoding.as_deref()
        && encoding_rs::Encoding::for_label(label.trim().as_bytes()).is_none()
    {
        bail!("--encoding {label:?}: unknown encoding (try utf-8, windows-1252, iso-8859-1, utf-16le, shift_jis)");
    }
    Ok(())
}

/// Loads the article and transcripts, telling `progress` of each file as
/// it begins to read it; an error names the file.
fn load_all(
    article: &str,
    transcripts: &[String],
    read: &ReadOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Document, Vec<Document>)> {
    check_encoding(read)?;
    let encoding = read.encoding.as_deref();
    let mut load = |path: &str, format| {
        if path != "-"
            && let Ok(meta) = std::fs::metadata(path)
        {
            progress(Progress::Reading { name: path.to_owned(), bytes: meta.len() });
        }
        document::load(path, encoding, format)
    };
    let article = load(article, read.article_format)?;
    let transcripts = transcripts.iter().map(|t| load(t, read.transcript_format)).collect::<Result<Vec<_>, _>>()?;
    Ok((article, transcripts))
}

/// Says what loading warned of (tracked changes taken as accepted), on
/// standard error.
fn print_warnings(article: &Document, transcripts: &[Document]) {
    for doc in std::iter::once(article).chain(transcripts) {
        for warning in &doc.warnings {
            let _ = writeln!(io::stderr(), "quotecheck: warning: {}: {warning}", doc.name);
        }
    }
}

fn check(args: &CheckArgs) -> Result<ExitCode> {
    let (article, transcripts) = load_all(&args.article, &args.transcripts, &args.read, &mut |_| {})?;
    print_warnings(&article, &transcripts);
    let check = Check::run(&article, &transcripts);
    let session_path =
        args.session.clone().or_else(|| (args.article != "-").then(|| session::default_path(Path::new(&args.article))));
    let file = match &session_path {
        Some(path) => {
            let file = session::load(path)?;
            if file.is_none() && args.session.is_some() {
                eprintln!("quotecheck: warning: {}: no session file there; the report has no marks", path.display());
            }
            file
        }
        None => None,
    };
    let session = Session::attach(file, &article, &transcripts, &check);
    let report = Report {
        article: &article,
        transcripts: &transcripts,
        check: &check,
        verdicts: &session.verdicts,
        judgements: &session.judgements,
        orphans: &session.orphans,
    };
    write_out(|out| report.write(args.format, out)).context("cannot write the report")?;
    // Each quote stands at the fact-checker's mark, unless it was made on
    // words since edited; else at the suggestion for its chosen passage.
    let rows = report.rows();
    let failing: Vec<_> = rows.iter().filter(|r| args.fail_on.contains(&r.judged())).collect();
    if failing.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let counts: Vec<String> = quotecheck::Category::ALL
        .iter()
        .filter_map(|c| {
            let n = failing.iter().filter(|r| r.judged() == *c).count();
            (n > 0).then(|| format!("{n} {}", c.name()))
        })
        .collect();
    let by_mark = failing.iter().filter(|r| r.mark().is_some() && !r.needs_recheck()).count();
    let by_mark = if by_mark > 0 { format!(", {by_mark} by the fact-checker's mark") } else { String::new() };
    eprintln!("quotecheck: --fail-on: {} ({} of {} quotes{by_mark})", counts.join(", "), failing.len(), rows.len());
    Ok(ExitCode::from(1))
}

/// Where the bundled sample keeps its session and reports: the user's data
/// folder (`$XDG_DATA_HOME/quotecheck`, `~/.local/share/quotecheck`).
fn sample_dir() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local").join("share")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("quotecheck")
}

/// `article.txt` → `article.txt.quotecheck.md`.
fn export_path(article: &Path) -> PathBuf {
    let mut name = article.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".quotecheck.md");
    article.with_file_name(name)
}

/// The documents the review screen opens: the bundled sample, or files.
enum Documents {
    Sample,
    Files { article: String, transcripts: Vec<String>, read: ReadOptions },
}

impl Documents {
    /// Reads and checks them (on the screen's worker thread).
    fn load(self, progress: &mut dyn FnMut(Progress)) -> Result<(Document, Vec<Document>, Check)> {
        let (article, transcripts) = match self {
            Self::Sample => (
                Document::from_text(sample::ARTICLE_NAME, sample::ARTICLE),
                vec![Document::from_text(sample::TRANSCRIPT_NAME, sample::TRANSCRIPT)],
            ),
            Self::Files { article, transcripts, read } => load_all(&article, &transcripts, &read, progress)?,
        };
        let check = Check::run_with(&article, &transcripts, &mut |stage| progress(Progress::Checking(stage)));
        Ok((article, transcripts, check))
    }
}

fn review(cli: &Cli) -> Result<ExitCode> {
    let (documents, names, paths) = match cli.files.as_slice() {
        [] => {
            let dir = sample_dir();
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("{}: cannot create the folder for the sample's session", dir.display()))?;
            let session = cli.session.clone().unwrap_or_else(|| dir.join("sample-article.txt.quotecheck.json"));
            let paths = Paths { session, export: dir.join("sample-article.txt.quotecheck.md") };
            (Documents::Sample, vec![sample::TRANSCRIPT_NAME.to_owned()], paths)
        }
        [_] => bail!("give the article and at least one transcript: quotecheck ARTICLE TRANSCRIPT..."),
        [article, transcripts @ ..] => {
            if cli.files.iter().any(|f| f == "-") {
                bail!(
                    "the review screen cannot read a document from standard input; save it to a file, or use `quotecheck check`"
                );
            }
            check_encoding(&cli.read)?;
            let article_path = Path::new(article);
            let session = cli.session.clone().unwrap_or_else(|| session::default_path(article_path));
            let paths = Paths { session, export: export_path(article_path) };
            let files = Documents::Files {
                article: article.clone(),
                transcripts: transcripts.to_vec(),
                read: cli.read.clone(),
            };
            (files, transcripts.to_vec(), paths)
        }
    };
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        bail!("the review screen needs a terminal; for a report, run `quotecheck check ARTICLE TRANSCRIPT`");
    }
    // A session file that cannot be read stops the program before the
    // screen opens.
    let file = session::load(&paths.session)?;
    let theme = Theme::from_env(std::env::var_os("NO_COLOR").as_deref());
    let open = |(article, transcripts, check): (Document, Vec<Document>, Check)| {
        let session = Session::attach(file, &article, &transcripts, &check);
        App::new(article, transcripts, check, session, paths, theme)
    };
    let closed = match tui::run(Loading::new(names, theme), |progress| documents.load(progress), open) {
        Ok(closed) => closed,
        Err(Failure::Load(e)) => return Err(e),
        Err(Failure::Terminal(e)) => return Err(anyhow::Error::new(e).context("the terminal failed")),
    };
    // Written without panicking: the terminal may have gone.
    if let Some(app) = &closed.app {
        print_warnings(&app.article, &app.transcripts);
        let _ = writeln!(io::stdout(), "{}", app.summary());
        if matches!(app.save_state(), SaveState::Failed(_)) {
            rescue(app);
        }
    }
    Ok(ExitCode::from(closed.ending.exit_code()))
}

/// The session could not be saved where it belongs: the marks go to the
/// temporary folder instead, and the user is told where.
fn rescue(app: &App) {
    let file = app.session.to_file(&app.article, &app.transcripts, &app.check);
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let path = std::env::temp_dir().join(format!("quotecheck-unsaved-{stamp}.json"));
    let _ = match session::save(&path, &file) {
        Ok(()) => writeln!(
            io::stderr(),
            "quotecheck: the session could not be saved to {}; your marks are in {} (open it with --session)",
            app.paths.session.display(),
            path.display()
        ),
        Err(e) => {
            writeln!(io::stderr(), "quotecheck: the session could not be saved anywhere ({e}); your marks are lost")
        }
    };
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
