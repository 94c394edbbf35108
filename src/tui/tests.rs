//! The review screen as specifications: (start, actions, expected) for the
//! model, and snapshots of whole screens drawn on a `TestBackend`.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use super::app::{Action, App, Edit, Effect, Mode, Paths, SaveState, Side};
use super::theme::Theme;
use crate::align::Category;
use crate::check::Check;
use crate::document::Document;
use crate::sample;
use crate::session::Session;

fn paths() -> Paths {
    Paths { session: PathBuf::from("/tmp/qc-test/session.json"), export: PathBuf::from("/tmp/qc-test/report.md") }
}

/// The screen over the bundled sample, at a size.
fn sample_app(width: u16, height: u16, color: bool) -> App {
    let article = Document::from_text(sample::ARTICLE_NAME, sample::ARTICLE);
    let transcripts = vec![Document::from_text(sample::TRANSCRIPT_NAME, sample::TRANSCRIPT)];
    let check = Check::run(&article, &transcripts);
    let session = Session::empty(check.quotes.len());
    let mut app = App::new(article, transcripts, check, session, paths(), Theme { color });
    app.update(Action::Resize { width, height });
    app
}

/// A screen over an article without quotes.
fn empty_app() -> App {
    let article = Document::from_text("a.txt", "Nobody was quoted.\n");
    let transcripts = vec![Document::from_text("t.txt", "Some words were said.\n")];
    let check = Check::run(&article, &transcripts);
    App::new(article, transcripts, check, Session::empty(0), paths(), Theme { color: true })
}

fn run(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    actions.iter().flat_map(|a| app.update(a.clone())).collect()
}

fn saves(effects: &[Effect]) -> usize {
    effects.iter().filter(|e| matches!(e, Effect::Save { .. })).count()
}

#[test]
fn moving_through_quotes_stops_at_the_ends() {
    let mut app = sample_app(120, 40, true);
    for (actions, selected) in [
        (vec![Action::PrevQuote], 0),
        (vec![Action::NextQuote, Action::NextQuote], 2),
        (vec![Action::LastQuote], 9),
        (vec![Action::NextQuote], 9),
        (vec![Action::FirstQuote], 0),
        (vec![Action::LastQuote, Action::PrevQuote], 8),
    ] {
        run(&mut app, &actions);
        assert_eq!(app.selected(), selected, "after {actions:?}");
    }
}

#[test]
fn every_action_is_harmless_without_quotes() {
    let mut app = empty_app();
    let all = [
        Action::NextQuote,
        Action::PrevQuote,
        Action::NextUnmarked,
        Action::PrevUnmarked,
        Action::FirstQuote,
        Action::LastQuote,
        Action::SwitchFocus,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Wheel { column: 5, row: 5, rows: 3 },
        Action::Mark(Category::Verbatim),
        Action::Accept,
        Action::ClearMark,
        Action::NextCandidate,
        Action::EditNote,
        Action::Copy,
        Action::Search,
        Action::Input(Edit::Char('x')),
        Action::Input(Edit::Submit),
        Action::SearchNext,
        Action::SearchPrev,
        Action::Help,
        Action::HelpScroll(5),
        Action::Help,
        Action::Click { column: 10, row: 3 },
    ];
    let effects = run(&mut app, &all);
    assert_eq!(saves(&effects), 0, "nothing to save without quotes");
    assert_eq!(app.selected(), 0);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draws");
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains("This article has no quotations"), "{screen}");
}

#[test]
fn marks_are_saved_after_every_change() {
    let mut app = sample_app(120, 40, true);
    let effects = run(&mut app, &[Action::NextQuote, Action::Mark(Category::Verbatim)]);
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.verdict(1).mark, Some(Category::Verbatim));
    assert_eq!(saves(&run(&mut app, &[Action::Mark(Category::Verbatim)])), 0, "the same mark again changes nothing");
    run(&mut app, &[Action::NextQuote, Action::NextQuote, Action::NextQuote, Action::Accept]);
    assert_eq!(app.verdict(4).mark, Some(Category::Verbatim), "the suggestion for quote 5");
    run(&mut app, &[Action::PrevQuote, Action::Accept]);
    assert_eq!(app.verdict(3).mark, Some(Category::Altered), "the suggestion for quote 4");
    let effects = run(&mut app, &[Action::ClearMark]);
    assert_eq!((saves(&effects), app.verdict(3).mark), (1, None));
    match &run(&mut app, &[Action::Mark(Category::Paraphrase)])[0] {
        Effect::Save { path, file } => {
            assert_eq!(path, &paths().session);
            // In quote order: quotes 2, 4 and 5.
            let marks: Vec<_> = file.marks.iter().map(|m| m.mark).collect();
            assert_eq!(marks, [Some(Category::Verbatim), Some(Category::Paraphrase), Some(Category::Verbatim)]);
        }
        other => panic!("expected a save, got {other:?}"),
    }
    assert_eq!(app.counts(), ([2, 0, 1, 0], 7));
}

#[test]
fn a_save_that_fails_is_shown_and_the_marks_stay() {
    let mut app = sample_app(120, 40, true);
    run(&mut app, &[Action::Mark(Category::Altered), Action::Saved(Err("read-only file system".into()))]);
    assert_eq!(app.save_state(), &SaveState::Failed("read-only file system".into()));
    assert_eq!(app.verdict(0).mark, Some(Category::Altered));
    run(&mut app, &[Action::Saved(Ok(()))]);
    assert_eq!(app.save_state(), &SaveState::Saved);
}

#[test]
fn next_unmarked_skips_marked_quotes_and_wraps() {
    let mut app = sample_app(120, 40, true);
    run(&mut app, &[Action::NextQuote, Action::Mark(Category::Verbatim), Action::FirstQuote, Action::NextUnmarked]);
    assert_eq!(app.selected(), 2);
    run(&mut app, &[Action::PrevUnmarked]);
    assert_eq!(app.selected(), 0);
    run(&mut app, &[Action::PrevUnmarked]);
    assert_eq!(app.selected(), 9, "wraps to the end");
    run(&mut app, &[Action::FirstQuote]);
    for _ in 0..10 {
        run(&mut app, &[Action::Mark(Category::Verbatim), Action::NextQuote]);
    }
    run(&mut app, &[Action::NextUnmarked]);
    assert_eq!(app.notice(), Some("Every other quote is marked"));
}

#[test]
fn candidates_cycle_and_the_choice_is_saved() {
    let mut app = sample_app(120, 40, true);
    let first = app.source(0).map(|a| a.source);
    let effects = run(&mut app, &[Action::NextCandidate]);
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.verdict(0).candidate, 1);
    assert_ne!(app.source(0).map(|a| a.source), first);
    assert_eq!(app.notice(), Some("Candidate passage 2 of 3"));
    run(&mut app, &[Action::NextCandidate, Action::NextCandidate]);
    assert_eq!(app.verdict(0).candidate, 0, "back to the first");
    let single = (0..app.check.quotes.len())
        .find(|&i| app.check.quotes[i].candidates.len() == 1)
        .expect("a quote with one passage");
    run(&mut app, &[Action::FirstQuote]);
    run(&mut app, &vec![Action::NextQuote; single]);
    run(&mut app, &[Action::NextCandidate]);
    assert_eq!(app.notice(), Some("This quote has only one candidate passage"));
}

#[test]
fn a_note_is_kept_on_enter_and_dropped_on_escape() {
    let mut app = sample_app(120, 40, true);
    let typed: Vec<Action> = "check tape".chars().map(|c| Action::Input(Edit::Char(c))).collect();
    run(&mut app, &[Action::EditNote]);
    run(&mut app, &typed);
    assert!(matches!(app.mode(), Mode::Note(input) if input.text == "check tape"));
    let effects = run(&mut app, &[Action::Input(Edit::Submit)]);
    assert_eq!((saves(&effects), app.verdict(0).note.as_deref()), (1, Some("check tape")));
    run(
        &mut app,
        &[Action::EditNote, Action::Input(Edit::Home), Action::Input(Edit::Delete), Action::Input(Edit::Char('C'))],
    );
    run(&mut app, &[Action::Input(Edit::End), Action::Input(Edit::Backspace), Action::Input(Edit::Cancel)]);
    assert_eq!(app.verdict(0).note.as_deref(), Some("check tape"), "Esc keeps the old note");
    assert_eq!(app.mode(), &Mode::Normal);
    let clear: Vec<Action> = std::iter::repeat_n(Action::Input(Edit::Backspace), 20).collect();
    run(&mut app, &[Action::EditNote]);
    run(&mut app, &clear);
    run(&mut app, &[Action::Input(Edit::Submit)]);
    assert_eq!(app.verdict(0).note, None, "an emptied note is no note");
}

#[test]
fn search_finds_hits_in_the_focused_pane_and_steps_through_them() {
    let mut app = sample_app(120, 40, true);
    let query: Vec<Action> = "nato".chars().map(|c| Action::Input(Edit::Char(c))).collect();
    run(&mut app, &[Action::SwitchFocus, Action::Search]);
    run(&mut app, &query);
    run(&mut app, &[Action::Input(Edit::Submit)]);
    let search = app.search().expect("a search");
    assert_eq!(search.side, Side::Transcript);
    let total = search.hits.len();
    assert!(total > 5, "NATO is said often: {total}");
    let first = search.current;
    run(&mut app, &[Action::SearchNext]);
    assert_eq!(app.search().map(|s| s.current), Some((first + 1) % total));
    run(&mut app, &[Action::SearchPrev, Action::SearchPrev]);
    assert_eq!(app.search().map(|s| s.current), Some((first + total - 1) % total));
    let query: Vec<Action> = "zzzz".chars().map(|c| Action::Input(Edit::Char(c))).collect();
    run(&mut app, &[Action::Search]);
    run(&mut app, &query);
    run(&mut app, &[Action::Input(Edit::Submit)]);
    assert_eq!(app.notice(), Some("No match for “zzzz” in the transcript"));
}

#[test]
fn scrolling_a_pane_by_hand_lasts_until_the_next_quote() {
    let mut app = sample_app(120, 40, true);
    let followed = app.top(Side::Transcript);
    run(&mut app, &[Action::SwitchFocus, Action::PageDown]);
    let scrolled = app.top(Side::Transcript);
    assert!(scrolled > followed);
    run(&mut app, &[Action::HalfPageUp]);
    assert!(app.top(Side::Transcript) < scrolled);
    run(&mut app, &[Action::Wheel { column: 100, row: 10, rows: 3 }]);
    run(&mut app, &[Action::NextQuote, Action::PrevQuote]);
    assert_eq!(app.top(Side::Transcript), followed, "moving between quotes follows again");
    for _ in 0..200 {
        run(&mut app, &[Action::PageDown]);
    }
    let bottom = app.visible_rows(Side::Transcript);
    assert_eq!(bottom.last().map(|r| r.end), Some(app.transcripts[0].text.trim_end().len()), "stops at the end");
}

#[test]
fn a_screen_too_small_shows_nothing_and_changes_nothing_but_quits() {
    let mut app = sample_app(40, 10, true);
    let effects =
        run(&mut app, &[Action::NextQuote, Action::Mark(Category::Verbatim), Action::Export, Action::EditNote]);
    assert!(effects.is_empty());
    assert_eq!((app.selected(), app.verdict(0).mark, app.mode()), (0, None, &Mode::Normal));
    run(&mut app, &[Action::Quit]);
    assert!(app.should_quit());
}

#[test]
fn a_click_on_a_quote_selects_it() {
    let mut app = sample_app(120, 40, true);
    // Find the screen cell of quote 3 ("red lines" in the body) in the article pane.
    let target = app.check.quotes[2].quote.span.start;
    let cell = (0..40)
        .flat_map(|row| (0..60).map(move |col| (col, row)))
        .find(|&(col, row)| app.offset_at(Side::Article, col, row).is_some_and(|o| o >= target && o < target + 3));
    let (column, row) = cell.expect("quote 3 is on screen");
    run(&mut app, &[Action::Click { column, row }]);
    assert_eq!(app.selected(), 2);
}

#[test]
fn copy_export_help_and_quit_ask_the_shell() {
    let mut app = sample_app(120, 40, true);
    assert_eq!(run(&mut app, &[Action::Copy]), [Effect::Copy("red lines".to_owned())]);
    run(&mut app, &[Action::Copied(9)]);
    assert_eq!(app.notice(), Some("Copied the source passage (9 characters) to the clipboard"));
    match &run(&mut app, &[Action::Export])[0] {
        Effect::Export { path, markdown } => {
            assert_eq!(path, &paths().export);
            assert!(markdown.starts_with("# Quote check: sample/article.txt"));
        }
        other => panic!("expected an export, got {other:?}"),
    }
    run(&mut app, &[Action::Exported(Ok(paths().export))]);
    assert_eq!(app.notice(), Some("Report written to /tmp/qc-test/report.md"));
    run(&mut app, &[Action::Help]);
    assert_eq!(app.mode(), &Mode::Help);
    run(&mut app, &[Action::HelpScroll(3)]);
    assert_eq!(app.help_scroll(), 0, "at 120x40 the help fits: nothing to scroll");
    run(&mut app, &[Action::Resize { width: 80, height: 24 }, Action::HelpScroll(3), Action::HelpScroll(-1)]);
    assert_eq!(app.help_scroll(), 2);
    run(&mut app, &[Action::HelpScroll(super::app::HELP_PAGE)]);
    assert_eq!(app.help_scroll(), 2 + 21, "a page is the screen less the border and one line");
    for _ in 0..100 {
        run(&mut app, &[Action::HelpScroll(1)]);
    }
    let most = app.help_scroll();
    run(&mut app, &[Action::HelpScroll(-1)]);
    assert_eq!(app.help_scroll(), most - 1, "no dead presses past the end");
    run(&mut app, &[Action::Resize { width: 120, height: 40 }, Action::Help]);
    assert_eq!(app.mode(), &Mode::Normal);
    assert!(!app.should_quit());
    run(&mut app, &[Action::Quit]);
    assert!(app.should_quit());
}

/// The screen drawn on a test backend, as text.
fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| f.render_widget(app, f.area())).expect("draws");
    terminal
}

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let terminal = draw(app, w, h);
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn snapshot_the_sample_on_open() {
    let app = sample_app(120, 40, true);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_after_marking_and_moving() {
    let mut app = sample_app(120, 40, true);
    run(&mut app, &[Action::NextQuote, Action::Mark(Category::Verbatim), Action::NextQuote, Action::NextQuote]);
    run(&mut app, &[Action::Mark(Category::Altered), Action::Saved(Ok(()))]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_with_help_open() {
    let mut app = sample_app(120, 40, true);
    run(&mut app, &[Action::Help]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_with_a_note_being_edited() {
    let mut app = sample_app(120, 40, true);
    run(&mut app, &[Action::NextQuote, Action::NextQuote, Action::NextQuote, Action::EditNote]);
    let typed: Vec<Action> = "ask the desk about (war)".chars().map(|c| Action::Input(Edit::Char(c))).collect();
    run(&mut app, &typed);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_at_a_terminal_too_small() {
    let app = sample_app(40, 10, true);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_at_80_by_24() {
    let mut app = sample_app(80, 24, true);
    run(&mut app, &[Action::LastQuote]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn monochrome_draws_no_colour_yet_shows_the_current_quote() {
    let app = sample_app(120, 40, false);
    insta::assert_snapshot!(screen(&app));
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    let mut reversed = 0;
    for cell in buffer.content() {
        assert!(matches!(cell.fg, Color::Reset), "no colour: {cell:?}");
        assert!(matches!(cell.bg, Color::Reset), "no colour: {cell:?}");
        if cell.modifier.contains(Modifier::REVERSED) {
            reversed += 1;
        }
    }
    assert!(reversed >= 2 * "red lines".len(), "the current quote and its source are reversed: {reversed}");
}

/// A screen over an article quoting two transcripts, one of whose quotes
/// the transcript gives to someone else.
fn two_transcript_app() -> App {
    let article = Document::from_text(
        "a.txt",
        "The mayor promised to \u{201c}build the bridge by spring\u{201d}.\n\n\u{201c}When?\u{201d} the mayor said.\n",
    );
    let transcripts = vec![
        Document::from_text("speech.txt", "We will build the bridge by spring, whatever the weather.\n"),
        Document::from_text(
            "presser.txt",
            "Q: When?\n\nMAYOR: The budget is signed and the cranes arrive on Monday.\n",
        ),
    ];
    let check = Check::run(&article, &transcripts);
    let session = Session::empty(check.quotes.len());
    let mut app = App::new(article, transcripts, check, session, paths(), Theme { color: true });
    app.update(Action::Resize { width: 120, height: 40 });
    app
}

#[test]
fn the_right_pane_shows_the_transcript_of_the_source_and_switches_on_request() {
    let mut app = two_transcript_app();
    assert_eq!(app.shown_transcript(), 0);
    run(&mut app, &[Action::NextQuote]);
    assert_eq!(app.shown_transcript(), 1, "the second quote's source is in the second transcript");
    run(&mut app, &[Action::NextTranscript]);
    assert_eq!(app.shown_transcript(), 0);
    assert_eq!(app.notice(), Some("Transcript 1 of 2: speech.txt"));
    assert!(screen(&app).contains("Transcript 1 of 2 · speech.txt"));
    run(&mut app, &[Action::PrevQuote, Action::NextQuote]);
    assert_eq!(app.shown_transcript(), 1, "moving between quotes follows the source again");
    let mut single = sample_app(120, 40, true);
    run(&mut single, &[Action::NextTranscript]);
    assert_eq!(single.notice(), Some("There is only one transcript"));
}

#[test]
fn a_quote_the_transcript_gives_to_someone_else_says_so_plainly() {
    let mut app = two_transcript_app();
    run(&mut app, &[Action::NextQuote]);
    assert_eq!(app.attribution_mismatch(1), Some("Q"));
    assert!(
        screen(&app)
            .contains("⚠ Attribution mismatch: the article credits the mayor; the transcript gives these words to Q.")
    );
}
