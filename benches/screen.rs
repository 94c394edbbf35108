//! The review screen on a 20 MB transcript: a key press (next quote, next
//! reported item) to a finished frame, and opening the screen against the
//! check alone.
//!
//! Goals: a key to a frame within 16 ms; opening within the check's time
//! plus 100 ms. `cargo bench --bench screen` prints criterion's timings,
//! then a summary with the medians and the worst key-to-frame time.

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use common::{median, transcript};
use criterion::Criterion;
use quotecheck::session::Session;
use quotecheck::tui::app::{Action, App, Paths};
use quotecheck::tui::theme::Theme;
use quotecheck::{Check, Document, document, sample};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZE: &str = "20M";
const SCREEN: (u16, u16) = (120, 40);

fn documents(path: &Path) -> (Document, Vec<Document>) {
    let article = Document::from_text(sample::ARTICLE_NAME, sample::ARTICLE);
    let transcripts = vec![
        document::load(path.to_str().expect("utf-8 path"), None, quotecheck::document::Format::Auto)
            .expect("transcript loads"),
    ];
    (article, transcripts)
}

fn open(path: &Path) -> (App, Terminal<TestBackend>) {
    let (article, transcripts) = documents(path);
    let check = Check::run(&article, &transcripts);
    let session = Session::empty(check.quotes.len());
    let paths = Paths { session: PathBuf::from("/dev/null"), export: PathBuf::from("/dev/null") };
    let mut app = App::new(article, transcripts, check, session, paths, Theme { color: true });
    app.update(Action::Resize { width: SCREEN.0, height: SCREEN.1 });
    let mut terminal = Terminal::new(TestBackend::new(SCREEN.0, SCREEN.1)).expect("terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draws");
    (app, terminal)
}

/// One key press: the next item of the list walked through (back to the
/// first after the last), then the whole frame drawn.
fn key_to_frame(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    let action = if app.cursor() + 1 >= app.len(app.list()) { Action::FirstItem } else { Action::NextItem };
    app.update(action);
    terminal.draw(|f| f.render_widget(&*app, f.area())).expect("draws");
}

fn main() {
    let (path, _) = transcript(SIZE);
    let (mut app, mut terminal) = open(&path);
    let mut criterion = Criterion::default().sample_size(20).configure_from_args();
    criterion
        .bench_function(&format!("screen_{SIZE}/key_to_frame"), |b| b.iter(|| key_to_frame(&mut app, &mut terminal)));

    let mut presses = |app: &mut App| {
        let mut keys: Vec<f64> = (0..200)
            .map(|_| {
                let start = Instant::now();
                key_to_frame(app, &mut terminal);
                start.elapsed().as_secs_f64()
            })
            .collect();
        keys.sort_by(f64::total_cmp);
        (median(keys.clone()), keys[keys.len() - 1])
    };
    let (key, worst) = presses(&mut app);
    app.update(Action::SwitchList);
    let (reported_key, reported_worst) = presses(&mut app);

    let check = median(
        (0..5)
            .map(|_| {
                let start = Instant::now();
                let (article, transcripts) = documents(&path);
                black_box(Check::run(&article, &transcripts));
                start.elapsed().as_secs_f64()
            })
            .collect(),
    );
    let opening = median(
        (0..5)
            .map(|_| {
                let start = Instant::now();
                black_box(open(&path));
                start.elapsed().as_secs_f64()
            })
            .collect(),
    );
    println!("\nsummary: transcript {}", path.display());
    println!(
        "  key (next quote) to frame  median {:.2} ms, worst of 200 {:.2} ms  (goal: at most 16 ms)",
        key * 1e3,
        worst * 1e3
    );
    println!(
        "  key (next reported item) to frame  median {:.2} ms, worst of 200 {:.2} ms  (goal: at most 16 ms)",
        reported_key * 1e3,
        reported_worst * 1e3
    );
    println!(
        "  opening the screen  {:.0} ms = check {:.0} ms + {:.0} ms  (goal: at most check + 100 ms)",
        opening * 1e3,
        check * 1e3,
        (opening - check) * 1e3
    );
}
