//! The review screen as specifications: (start, actions, expected) for the
//! model, and snapshots of whole screens drawn on a `TestBackend`.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use super::app::{Action, App, Edit, Effect, Mode, Paths, SaveState, Side};
use super::items::List;
use super::theme::Theme;
use super::view::help_lines;
use crate::align::Category;
use crate::check::Check;
use crate::document::Document;
use crate::report::{Judgement, Verdict as Marked};
use crate::reported::Verdict;
use crate::sample;
use crate::session::{Counts, Session};

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
        (vec![Action::PrevItem], 0),
        (vec![Action::NextItem, Action::NextItem], 2),
        (vec![Action::LastItem], 9),
        (vec![Action::NextItem], 9),
        (vec![Action::FirstItem], 0),
        (vec![Action::LastItem, Action::PrevItem], 8),
    ] {
        run(&mut app, &actions);
        assert_eq!(app.selected(), selected, "after {actions:?}");
    }
}

#[test]
fn every_action_is_harmless_without_quotes() {
    let mut app = empty_app();
    let all = [
        Action::NextItem,
        Action::PrevItem,
        Action::NextUnmarked,
        Action::PrevUnmarked,
        Action::FirstItem,
        Action::LastItem,
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
    let effects = run(&mut app, &[Action::NextItem, Action::Mark(Category::Verbatim)]);
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.verdict(1).mark, Some(Category::Verbatim));
    assert_eq!(saves(&run(&mut app, &[Action::Mark(Category::Verbatim)])), 0, "the same mark again changes nothing");
    run(&mut app, &[Action::NextItem, Action::NextItem, Action::NextItem, Action::Accept]);
    assert_eq!(app.verdict(4).mark, Some(Category::Verbatim), "the suggestion for quote 5");
    run(&mut app, &[Action::PrevItem, Action::Accept]);
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
    assert_eq!(app.counts(), Counts { marked: [2, 0, 1, 0], unmarked: 7, recheck: 0 });
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
    run(&mut app, &[Action::NextItem, Action::Mark(Category::Verbatim), Action::FirstItem, Action::NextUnmarked]);
    assert_eq!(app.selected(), 2);
    run(&mut app, &[Action::PrevUnmarked]);
    assert_eq!(app.selected(), 0);
    run(&mut app, &[Action::PrevUnmarked]);
    assert_eq!(app.selected(), 9, "wraps to the end");
    run(&mut app, &[Action::FirstItem]);
    for _ in 0..10 {
        run(&mut app, &[Action::Mark(Category::Verbatim), Action::NextItem]);
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
    run(&mut app, &[Action::FirstItem]);
    run(&mut app, &vec![Action::NextItem; single]);
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

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(|c| Action::Input(Edit::Char(c))).collect()
}

#[test]
fn quitting_while_a_note_is_typed_keeps_the_draft_as_the_note() {
    // (the note before, what is done before quitting, the note after, saves)
    let cases = [
        (None, [vec![Action::EditNote], typed("ask the desk")].concat(), Some("ask the desk"), 1),
        (Some("old"), [vec![Action::EditNote], typed(" and new")].concat(), Some("old and new"), 1),
        (Some("old"), vec![Action::EditNote], Some("old"), 0),
        // A search being typed is not a note: nothing to keep.
        (Some("old"), [vec![Action::Search], typed("nato")].concat(), Some("old"), 0),
    ];
    for (before, actions, after, expected_saves) in cases {
        let mut app = sample_app(120, 40, true);
        app.session.verdicts[0].note = before.map(str::to_owned);
        run(&mut app, &actions);
        let effects = run(&mut app, &[Action::Quit]);
        assert!(app.should_quit(), "{actions:?}");
        assert_eq!(app.verdict(0).note.as_deref(), after, "{actions:?}");
        assert_eq!(saves(&effects), expected_saves, "{actions:?}");
    }
}

#[test]
fn a_paste_becomes_one_line_of_text() {
    for (pasted, typed) in [
        ("plain words", "plain words"),
        ("two\nlines", "two lines"),
        ("windows\r\nline ends\r\n", "windows line ends "),
        ("a terminal's\rreturns", "a terminal's returns"),
        ("tab\tstop", "tab stop"),
        ("bell\x07 and \x1b[31mescape", "bell and [31mescape"),
        ("unicode\u{2028}lines\u{85}too", "unicode lines too"),
        ("漢字 and 👩\u{200d}👩\u{200d}👧", "漢字 and 👩\u{200d}👩\u{200d}👧"),
    ] {
        assert_eq!(super::app::one_line(pasted), typed, "{pasted:?}");
    }
}

#[test]
fn a_paste_types_into_the_input_and_does_nothing_elsewhere() {
    let paste = |s: &str| Action::Paste(s.to_owned());
    // (what is done first, the paste, the input after, or the notice)
    let cases = [
        (vec![Action::EditNote], paste("q hello\nworld"), Ok(("q hello world", 13))),
        ([vec![Action::EditNote], typed("ab"), vec![Action::Input(Edit::Left)]].concat(), paste("XY"), Ok(("aXYb", 3))),
        (vec![Action::Search], paste("nato\t"), Ok(("nato ", 5))),
        (vec![], paste("v"), Err("Nothing pasted: a paste goes into a note (e) or a search (/)")),
        (vec![Action::Help], paste("q"), Err("Nothing pasted: a paste goes into a note (e) or a search (/)")),
    ];
    for (before, pasted, expected) in cases {
        let mut app = sample_app(120, 40, true);
        run(&mut app, &before);
        let mode = app.mode().clone();
        let effects = run(&mut app, std::slice::from_ref(&pasted));
        assert!(effects.is_empty(), "{before:?} {pasted:?}");
        assert!(!app.should_quit());
        assert_eq!(app.verdict(0).mark, None);
        match (app.mode(), expected) {
            (Mode::Note(input) | Mode::Search(input), Ok((text, cursor))) => {
                assert_eq!((input.text.as_str(), input.cursor), (text, cursor), "{before:?} {pasted:?}");
            }
            (after, Err(notice)) => {
                assert_eq!(after, &mode, "the mode stays");
                assert_eq!(app.notice(), Some(notice));
            }
            (after, expected) => panic!("{before:?} {pasted:?}: {after:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn a_paste_in_the_help_is_said_on_its_bottom_edge() {
    let mut app = sample_app(120, 40, true);
    run(&mut app, &[Action::Help, Action::Paste("q".to_owned())]);
    let shown = screen(&app);
    let last = shown.lines().last().expect("a last row");
    assert!(last.contains("Nothing pasted: a paste goes into a note (e) or a search (/)"), "{last}");
}

/// A line as text, its reversed cells (the cursor) in brackets.
fn with_cursor(line: &ratatui::text::Line<'_>) -> String {
    line.spans
        .iter()
        .map(|s| {
            if s.style.add_modifier.contains(Modifier::REVERSED) {
                format!("[{}]", s.content)
            } else {
                s.content.to_string()
            }
        })
        .collect()
}

#[test]
fn the_input_line_scrolls_to_keep_the_cursor_in_view() {
    let alphabet = "abcdefghijklmnopqrstuvwxyz";
    let family = "👩\u{200d}👩\u{200d}👧";
    // (text, cursor, columns for the prompt `>` and the text, what shows)
    for (text, cursor, room, shown) in [
        ("short", 5, 11, ">short[ ]"),
        ("short", 0, 11, ">[s]hort"),
        (alphabet, 26, 11, ">…uvwxyz[ ]"),
        (alphabet, 0, 11, ">[a]bcdefghi…"),
        (alphabet, 12, 11, ">…fghijkl[m]…"),
        // At the edge, the text moves half the width at once.
        (alphabet, 13, 11, ">…klm[n]opqr…"),
        ("日本語のテキストです", 30, 11, ">…です[ ]"),
        ("日本語のテキストです", 0, 11, ">[日]本語の…"),
        // An emoji family is one cell, two columns wide.
        (&format!("a {family} b"), 2, 11, &format!(">a [{family}] b")),
        (
            &format!("{family}{family}{family}{family}{family}{family}"),
            0,
            11,
            &format!(">[{family}]{family}{family}{family}…"),
        ),
        // Too narrow for anything but the cursor.
        (alphabet, 1, 2, ">[b]"),
    ] {
        let line = super::view::input_line(">", text, cursor, room, ratatui::style::Style::new());
        assert_eq!(with_cursor(&line), shown, "{text:?} at {cursor} in {room}");
        assert!(line.width() <= room, "{shown} is wider than {room}");
    }
}

#[test]
fn the_cursor_moves_over_a_whole_character_as_seen() {
    let family = "👩\u{200d}👩\u{200d}👧";
    let mut app = sample_app(120, 40, true);
    run(&mut app, &[Action::EditNote, Action::Paste(format!("a{family}e\u{301}b"))]);
    let cursor = |app: &App| match app.mode() {
        Mode::Note(input) => (input.text.clone(), input.cursor),
        other => panic!("{other:?}"),
    };
    let end = cursor(&app).1;
    // (the edit, the text after, the cursor after, as bytes from the end)
    for (edit, text, from_end) in [
        (Edit::Left, format!("a{family}e\u{301}b"), 1),
        (Edit::Left, format!("a{family}e\u{301}b"), 1 + 3),
        (Edit::Left, format!("a{family}e\u{301}b"), 1 + 3 + family.len()),
        (Edit::Right, format!("a{family}e\u{301}b"), 1 + 3),
        (Edit::Backspace, "ae\u{301}b".to_owned(), 1 + 3),
        (Edit::Delete, "ab".to_owned(), 1),
    ] {
        run(&mut app, &[Action::Input(edit)]);
        let (now, at) = cursor(&app);
        assert_eq!((now.as_str(), now.len() - at), (text.as_str(), from_end), "after {edit:?}");
    }
    assert!(end > 0);
}

#[test]
fn a_long_note_is_cut_with_an_ellipsis_in_the_panel_and_scrolled_in_the_editor() {
    let note = "Call the desk: ".repeat(30) + "END";
    let mut app = sample_app(80, 24, true);
    app.session.verdicts[0].note = Some(note.clone());
    let shown = screen(&app);
    let row = shown.lines().find(|l| l.contains("note: ")).unwrap_or_else(|| panic!("the note shows:\n{shown}"));
    assert!(row.trim_end_matches('│').trim_end().ends_with('…'), "cut with …: {row}");
    assert!(!shown.contains("END"), "{shown}");
    // Editing it: the cursor (at the end) is in view, and so is the end.
    run(&mut app, &[Action::EditNote]);
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let last: String = (0..80).map(|x| buffer[(x, 23)].symbol()).collect();
    assert!(last.contains("…") && last.contains("desk: END"), "the end of the note is in view: {last}");
    let cursor = (0..80).filter(|&x| buffer[(x, 23)].modifier.contains(Modifier::REVERSED)).count();
    assert_eq!(cursor, 1, "one cursor cell in view: {last}");
}

#[test]
fn a_long_note_of_a_mark_whose_quote_is_gone_is_cut_in_the_help() {
    let mut app = sample_app(80, 24, true);
    let note = "Asked the desk; waiting. ".repeat(20) + "END";
    let orphan =
        serde_json::json!({"quote": "words no longer in the article", "start": 5, "mark": "altered", "note": note});
    app.session.orphans.push(serde_json::from_value(orphan).expect("a stored mark"));
    run(&mut app, &[Action::Help]);
    for _ in 0..200 {
        run(&mut app, &[Action::HelpScroll(1)]);
    }
    let shown = screen(&app);
    let row = shown.lines().find(|l| l.contains("“words no longer")).unwrap_or_else(|| panic!("it shows:\n{shown}"));
    assert!(row.trim_end_matches('│').trim_end().ends_with('…'), "cut with …: {row}");
    assert!(!shown.contains("END"), "{shown}");
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
    run(&mut app, &[Action::NextItem, Action::PrevItem]);
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
        run(&mut app, &[Action::NextItem, Action::Mark(Category::Verbatim), Action::Export, Action::EditNote]);
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
    run(&mut app, &[Action::Resize { width: 120, height: 60 }, Action::HelpScroll(3)]);
    assert_eq!(app.help_scroll(), 0, "at 120x60 the help fits: nothing to scroll");
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
    run(&mut app, &[Action::NextItem, Action::Mark(Category::Verbatim), Action::NextItem, Action::NextItem]);
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
    run(&mut app, &[Action::NextItem, Action::NextItem, Action::NextItem, Action::EditNote]);
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
    run(&mut app, &[Action::LastItem]);
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
    let mut app = app;
    app.update(Action::SwitchList);
    let terminal = draw(&app, 120, 40);
    let cells = terminal.backend().buffer().content();
    assert!(cells.iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset), "no colour in reported speech either");
    let italic_reversed = cells.iter().filter(|c| c.modifier.contains(Modifier::ITALIC | Modifier::REVERSED)).count();
    assert!(italic_reversed >= 2 * "insists on".len(), "the current item and its passage: {italic_reversed}");
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
    run(&mut app, &[Action::NextItem]);
    assert_eq!(app.shown_transcript(), 1, "the second quote's source is in the second transcript");
    run(&mut app, &[Action::NextTranscript]);
    assert_eq!(app.shown_transcript(), 0);
    assert_eq!(app.notice(), Some("Transcript 1 of 2: speech.txt"));
    assert!(screen(&app).contains("Transcript 1 of 2 · speech.txt"));
    run(&mut app, &[Action::PrevItem, Action::NextItem]);
    assert_eq!(app.shown_transcript(), 1, "moving between quotes follows the source again");
    let mut single = sample_app(120, 40, true);
    run(&mut single, &[Action::NextTranscript]);
    assert_eq!(single.notice(), Some("There is only one transcript"));
}

#[test]
fn a_quote_the_transcript_gives_to_someone_else_says_so_plainly() {
    let mut app = two_transcript_app();
    run(&mut app, &[Action::NextItem]);
    assert_eq!(app.attribution_mismatch(1), Some("Q"));
    assert!(
        screen(&app)
            .contains("⚠ Attribution mismatch: the article credits the mayor; the transcript gives these words to Q.")
    );
}

/// The sample with quote 4 marked altered when it read otherwise: its mark
/// is to be re-checked.
fn recheck_app() -> App {
    let article = Document::from_text(sample::ARTICLE_NAME, sample::ARTICLE);
    let transcripts = vec![Document::from_text(sample::TRANSCRIPT_NAME, sample::TRANSCRIPT)];
    let check = Check::run(&article, &transcripts);
    let mut session = Session::empty(check.quotes.len());
    session.verdicts[3] = Marked {
        mark: Some(Category::Altered),
        marked_text: Some("And in any case, this is not what we want.".to_owned()),
        ..Marked::default()
    };
    let mut app = App::new(article, transcripts, check, session, paths(), Theme { color: true });
    app.update(Action::Resize { width: 120, height: 40 });
    app
}

#[test]
fn a_mark_to_recheck_is_shown_by_symbol_in_the_gutter_panel_status_and_help() {
    let mut app = recheck_app();
    assert_eq!(app.notice(), Some("1 mark to re-check (⟳): made before the quote was edited"));
    run(&mut app, &[Action::NextItem, Action::NextItem, Action::NextItem]);
    let shown = screen(&app);
    let gutter = shown.lines().find(|l| l.contains("│≈⟳")).unwrap_or_default();
    assert!(gutter.contains("And in any case"), "the quote's first row: {shown}");
    assert!(shown.contains("Quote 4/10 · mark: ≈ altered ⟳ re-check · suggested"), "{shown}");
    assert!(shown.contains("⟳ marked when it read: “And in any case, this is not what we want.”"), "{shown}");
    assert!(shown.contains("· 9 unmarked · ⟳1 to re-check"), "counted apart from the marks that stand: {shown}");
    assert_eq!(app.counts(), Counts { marked: [0; 4], unmarked: 9, recheck: 1 });
    assert!(app.summary().contains("· 9 unmarked · 1 to re-check ·"), "{}", app.summary());
    run(&mut app, &[Action::Help]);
    let help = help_lines(&app, 200).iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(help.contains("quote 4 · ≈ altered · marked when it read “And in any case, this is not what we want.”"));
}

/// (what, actions, the mark after, still to re-check, saves).
type Settling = (&'static str, Vec<Action>, Option<Category>, bool, usize);

#[test]
fn marking_again_settles_a_mark_to_recheck() {
    use Category::{Altered, Verbatim};
    let note: Vec<Action> = [Action::EditNote, Action::Input(Edit::Char('!')), Action::Input(Edit::Submit)].into();
    #[rustfmt::skip]
    let cases: [Settling; 6] = [
        // (what, actions on quote 4, its mark after, still to re-check, saves)
        ("the same mark again", vec![Action::Mark(Altered)], Some(Altered), false, 1),
        ("another mark", vec![Action::Mark(Verbatim)], Some(Verbatim), false, 1),
        ("the suggestion accepted", vec![Action::Accept], Some(Altered), false, 1),
        ("the mark cleared", vec![Action::ClearMark], None, false, 1),
        ("moving away and back", vec![Action::NextItem, Action::PrevItem], Some(Altered), true, 0),
        ("a note written", note, Some(Altered), true, 1),
    ];
    for (what, actions, mark, recheck, save_count) in cases {
        let mut app = recheck_app();
        run(&mut app, &[Action::NextItem, Action::NextItem, Action::NextItem]);
        let effects = run(&mut app, &actions);
        let v = app.verdict(3);
        assert_eq!((v.mark, v.needs_recheck(), saves(&effects)), (mark, recheck, save_count), "{what}");
        for effect in &effects {
            if let Effect::Save { file, .. } = effect {
                let saved = file.marks.first().is_some_and(|m| m.marked_text.is_some());
                assert_eq!(saved, recheck, "{what}: the file says the same");
            }
        }
    }
}

#[test]
fn snapshot_with_a_mark_to_recheck() {
    let mut app = recheck_app();
    run(&mut app, &[Action::NextItem, Action::NextItem, Action::NextItem]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_of_the_loading_frame() {
    use super::loading::{Loading, Progress};
    use crate::check::Stage;
    let mut loading = Loading::new(vec!["interviews/transcript.txt".to_owned()], Theme { color: true });
    for progress in [
        Progress::Reading { name: "story/article.txt".to_owned(), bytes: 3_312 },
        Progress::Reading { name: "interviews/transcript.txt".to_owned(), bytes: 20_007_491 },
        Progress::Checking(Stage::Indexing { transcript: 0, of: 1 }),
        Progress::Checking(Stage::Aligning { done: 3, of: 10 }),
    ] {
        loading.update(progress);
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| f.render_widget(&loading, f.area())).expect("draws");
    let buffer = terminal.backend().buffer();
    let shown = (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(shown);
}

// Reported speech on the screen.

// A short interview (the one the reported-speech tests judge), and an
// article reporting it: one quote and five reported items (two supported,
// one distorted by a lost negation, one placed by the article on another
// occasion, one credited to someone the transcript gives no turn to).
use crate::reported::tests::INTERVIEW as BERG_TRANSCRIPT;

const BERG_ARTICLE: &str = "Berg defends the library budget\n\n\
Anna Berg said the budget was balanced for a third year. \"We kept every branch open,\" Berg said.\n\n\
Berg said the city needs a new library in Northgate. She told the Gazette last week that the branches would stay \
open.\n\n\
Mayor Olga Tran said the budget was in ruins.\n";

fn berg_app(width: u16, height: u16, color: bool) -> App {
    let article = Document::from_text("article.txt", BERG_ARTICLE);
    let transcripts = vec![Document::from_text("transcript.txt", BERG_TRANSCRIPT)];
    let check = Check::run(&article, &transcripts);
    // An empty session has no judgements: the screen makes room for them.
    let session = Session::empty(check.quotes.len());
    let mut app = App::new(article, transcripts, check, session, paths(), Theme { color });
    app.update(Action::Resize { width, height });
    app
}

/// Where the screen is: the list walked through, the selected quote and
/// the selected reported item.
fn place(app: &App) -> (List, usize, usize) {
    (app.list(), app.selected(), app.selected_reported())
}

/// (actions, where the screen is after, the detail panel's title).
type Walk = (Vec<Action>, (List, usize, usize), &'static str);

#[test]
fn r_switches_lists_and_each_list_keeps_its_place() {
    use Action::{FirstItem, LastItem, NextItem, PrevItem, SwitchList};
    use List::{Quotes, Reported};
    // (actions on the sample, from its opening: where the screen is after,
    // and the detail panel's title)
    let cases: [Walk; 9] = [
        (vec![], (Quotes, 0, 0), "Quote 1/10"),
        (vec![SwitchList], (Reported, 0, 0), "Reported 1/14"),
        (vec![SwitchList, NextItem, NextItem], (Reported, 0, 2), "Reported 3/14"),
        (vec![SwitchList, LastItem, NextItem], (Reported, 0, 13), "Reported 14/14"),
        (vec![SwitchList, NextItem, FirstItem, PrevItem], (Reported, 0, 0), "Reported 1/14"),
        (vec![NextItem, SwitchList, LastItem], (Reported, 1, 13), "Reported 14/14"),
        (vec![NextItem, SwitchList, LastItem, SwitchList], (Quotes, 1, 13), "Quote 2/10"),
        (vec![SwitchList, NextItem, SwitchList, SwitchList], (Reported, 0, 1), "Reported 2/14"),
        (vec![SwitchList, NextItem, SwitchList, NextItem], (Quotes, 1, 1), "Quote 2/10"),
    ];
    for (actions, expected, title) in cases {
        let mut app = sample_app(120, 40, true);
        let effects = run(&mut app, &actions);
        assert_eq!((place(&app), effects.len()), (expected, 0), "{actions:?}");
        assert!(screen(&app).contains(&format!("┌ {title} · mark: —")), "{actions:?}: {}", screen(&app));
    }
}

#[test]
fn the_title_of_a_reported_item_says_where_it_is_and_what_is_suggested() {
    let mut app = sample_app(120, 40, true);
    run(&mut app, &[Action::SwitchList]);
    assert!(
        screen(&app).contains("┌ Reported 1/14 · mark: — · suggested ✓ supported 0.74 · Sergei Lavrov ─"),
        "{}",
        screen(&app)
    );
}

/// The fact-checker's marks on the five reported items of the Berg article.
fn reported_marks(app: &App) -> Vec<Option<Verdict>> {
    (0..5).map(|i| app.judgement(i).mark).collect()
}

/// (actions, the marks of the five items after, saves, the notice).
type Marking = (Vec<Action>, [Option<Verdict>; 5], usize, Option<String>);

#[test]
fn reported_speech_is_marked_with_s_d_u_accepted_and_cleared() {
    use Action::{Accept, ClearMark, Judge, LastItem, Mark, NextItem};
    use Verdict::{Distorted, Supported, Unsupported};
    let none = [None; 5];
    let with = |i: usize, v: Verdict| {
        let mut marks = none;
        marks[i] = Some(v);
        marks
    };
    let refused = "is for quotes: reported speech is marked s ✓ supported, d ≠ distorted or u ✗ unsupported (r quotes)";
    // (actions in reported speech, the marks after, saves, the notice)
    let cases: [Marking; 11] = [
        (vec![Judge(Supported)], with(0, Supported), 1, None),
        (vec![Judge(Supported), Judge(Supported)], with(0, Supported), 1, None),
        (vec![NextItem, NextItem, Judge(Distorted)], with(2, Distorted), 1, None),
        (vec![Mark(Category::Unsupported)], with(0, Unsupported), 1, None),
        (vec![Mark(Category::Verbatim)], none, 0, Some(format!("verbatim {refused}"))),
        (vec![Mark(Category::Altered)], none, 0, Some(format!("altered {refused}"))),
        (vec![Mark(Category::Paraphrase)], none, 0, Some(format!("paraphrase {refused}"))),
        (vec![NextItem, NextItem, Accept], with(2, Distorted), 1, None),
        (vec![LastItem, Accept], with(4, Unsupported), 1, None),
        (vec![Judge(Distorted), ClearMark], none, 2, None),
        (vec![ClearMark], none, 0, None),
    ];
    for (actions, marks, save_count, notice) in cases {
        let mut app = berg_app(120, 40, true);
        run(&mut app, &[Action::SwitchList]);
        let effects = run(&mut app, &actions);
        assert_eq!(reported_marks(&app), marks, "{actions:?}");
        assert_eq!(saves(&effects), save_count, "{actions:?}");
        assert_eq!(app.notice(), notice.as_deref(), "{actions:?}");
        assert_eq!(app.verdict(0).mark, None, "{actions:?}: the quote is not marked");
    }
}

#[test]
fn the_keys_of_reported_speech_are_refused_among_quotes() {
    use Verdict::{Distorted, Supported};
    // (action among the quotes, the quote's mark after, the notice)
    let cases = [
        (
            Action::Judge(Supported),
            None,
            Some("supported is for reported speech: press r to walk through it, where s marks an item supported"),
        ),
        (
            Action::Judge(Distorted),
            None,
            Some("distorted is for reported speech: press r to walk through it, where d marks an item distorted"),
        ),
        (Action::Mark(Category::Unsupported), Some(Category::Unsupported), None),
    ];
    for (action, mark, notice) in cases {
        let mut app = berg_app(120, 40, true);
        run(&mut app, std::slice::from_ref(&action));
        assert_eq!((app.verdict(0).mark, app.notice()), (mark, notice), "{action:?}");
        assert_eq!(reported_marks(&app), [None; 5], "{action:?}: no reported item is marked");
    }
}

#[test]
fn every_change_to_reported_speech_saves_its_marks_and_notes() {
    let mut app = berg_app(120, 40, true);
    let actions = [
        vec![Action::SwitchList, Action::NextItem, Action::NextItem, Action::Judge(Verdict::Distorted)],
        vec![Action::NextItem, Action::Mark(Category::Unsupported), Action::EditNote],
        typed("told the Gazette, not us"),
        vec![Action::Input(Edit::Submit)],
    ]
    .concat();
    let effects = run(&mut app, &actions);
    assert_eq!(saves(&effects), 3, "two marks and a note");
    let Some(Effect::Save { path, file }) = effects.last() else { panic!("a save last: {effects:?}") };
    assert_eq!(path, &paths().session);
    assert!(file.marks.is_empty(), "no quote is marked");
    // (item text, verdict, note), in article order.
    let saved: Vec<(&str, Option<Verdict>, Option<&str>)> =
        file.reported_marks.iter().map(|m| (m.quote.as_str(), m.verdict, m.note.as_deref())).collect();
    assert_eq!(
        saved,
        [
            ("the city needs a new library in Northgate", Some(Verdict::Distorted), None),
            ("the branches would stay open", Some(Verdict::Unsupported), Some("told the Gazette, not us")),
        ]
    );
    assert!(file.reported_marks.iter().all(|m| m.reported && m.mark.is_none()));
}

#[test]
fn notes_on_reported_items_are_their_own() {
    // (actions in reported speech, item 2's note after, the quote's note after, saves)
    let cases = [
        (
            [vec![Action::NextItem, Action::EditNote], typed("ask Berg"), vec![Action::Input(Edit::Submit)]].concat(),
            Some("ask Berg"),
            None,
            1,
        ),
        (
            [vec![Action::NextItem, Action::EditNote], typed("ask Berg"), vec![Action::Input(Edit::Cancel)]].concat(),
            None,
            None,
            0,
        ),
        // Quitting while typing keeps the draft, as for a quote.
        (
            [vec![Action::NextItem, Action::EditNote], typed("draft"), vec![Action::Quit]].concat(),
            Some("draft"),
            None,
            1,
        ),
        // Back among the quotes, the note goes on the quote.
        (
            [vec![Action::SwitchList, Action::EditNote], typed("tape 2"), vec![Action::Input(Edit::Submit)]].concat(),
            None,
            Some("tape 2"),
            1,
        ),
    ];
    for (actions, reported_note, quote_note, save_count) in cases {
        let mut app = berg_app(120, 40, true);
        run(&mut app, &[Action::SwitchList]);
        let effects = run(&mut app, &actions);
        assert_eq!(app.judgement(1).note.as_deref(), reported_note, "{actions:?}");
        assert_eq!(app.verdict(0).note.as_deref(), quote_note, "{actions:?}");
        assert_eq!(saves(&effects), save_count, "{actions:?}");
    }
    let mut app = berg_app(120, 40, true);
    let actions = [vec![Action::SwitchList, Action::NextItem, Action::EditNote], typed("ask Berg")].concat();
    run(&mut app, &actions);
    run(&mut app, &[Action::Input(Edit::Submit), Action::EditNote]);
    assert!(matches!(app.mode(), Mode::Note(input) if input.text == "ask Berg"), "e shows the item's own note");
    run(&mut app, &[Action::Input(Edit::Cancel)]);
    assert!(screen(&app).contains("note: ask Berg"), "{}", screen(&app));
}

#[test]
fn j_and_k_with_shift_skip_marked_reported_items_and_wrap() {
    let mut app = berg_app(120, 40, true);
    run(&mut app, &[Action::SwitchList, Action::NextItem, Action::Judge(Verdict::Supported), Action::FirstItem]);
    // (action, the reported item selected after, the notice)
    for (action, selected, notice) in [
        (Action::NextUnmarked, 2, None),
        (Action::PrevUnmarked, 0, None),
        (Action::PrevUnmarked, 4, Some("Wrapped around to the end: reported item 5 is the next unmarked")),
        (Action::NextUnmarked, 0, Some("Wrapped around to the top: reported item 1 is the next unmarked")),
    ] {
        run(&mut app, std::slice::from_ref(&action));
        assert_eq!((app.selected_reported(), app.notice()), (selected, notice), "{action:?}");
    }
    for i in 0..5 {
        run(&mut app, &[Action::FirstItem]);
        run(&mut app, &vec![Action::NextItem; i]);
        run(&mut app, &[Action::Mark(Category::Unsupported)]);
    }
    run(&mut app, &[Action::NextUnmarked]);
    assert_eq!(app.notice(), Some("Every other reported item is marked"));
    assert_eq!(app.selected(), 0, "the quotes' place is untouched");
}

#[test]
fn the_detail_panel_says_what_bears_on_each_reported_item() {
    // (reported item, lines the panel shows)
    let cases: [(usize, &[&str]); 4] = [
        (
            1,
            &[
                "│the budget was balanced for a third year ",
                "│source: transcript.txt line 7 · Anna Berg ",
                "│credited to Anna Berg · 100% of its content found ",
                "│shared words: “budget”, “balanced”, “third”, “year” ",
            ],
        ),
        (
            2,
            &[
                "┌ Reported 3/5 · mark: — · suggested ≠ distorted 0.75 · Anna Berg ─",
                "│the city needs a new library in Northgate ",
                "│⚠ negation: the article has “needs”, the source “not need”. ",
            ],
        ),
        (
            3,
            &[
                "┌ Reported 4/5 · mark: — · suggested ✗ unsupported · Anna Berg ─",
                "│✗ No passage of the transcript bears on this. The article places these words on another occasion (“last week”).",
                "│credited to Anna Berg ",
            ],
        ),
        (4, &["│✗ No passage of the transcript bears on this. The transcript gives no turn to Olga Tran. "]),
    ];
    for (item, lines) in cases {
        let mut app = berg_app(120, 40, true);
        run(&mut app, &[Action::SwitchList]);
        run(&mut app, &vec![Action::NextItem; item]);
        let shown = screen(&app);
        for line in lines {
            assert!(
                shown.lines().any(|l| l.starts_with(line.trim_end()) && l.contains(line)) || shown.contains(line),
                "item {item}: {line:?} in\n{shown}"
            );
        }
    }
}

/// The style of the screen cell where `needle` starts in a pane's rows.
fn style_at(app: &App, side: Side, needle: &str) -> (ratatui::style::Style, (u16, u16)) {
    let (w, h) = app.size();
    let terminal = draw(app, w, h);
    let buffer = terminal.backend().buffer();
    let text = &app.pane(side).0.text;
    let target = text.find(needle).unwrap_or_else(|| panic!("{needle:?} is in the {side:?}"));
    let (x, y) = (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .find(|&(x, y)| app.offset_at(side, x, y) == Some(target))
        .unwrap_or_else(|| panic!("{needle:?} is on screen"));
    (buffer[(x, y)].style(), (x, y))
}

#[test]
fn reported_speech_is_drawn_apart_from_quotes() {
    for color in [true, false] {
        let mut app = berg_app(120, 40, color);
        // (where the screen is, words of a pane, modifiers they carry, modifiers they lack)
        let cases: [(List, Side, &str, Modifier, Modifier); 6] = [
            (List::Quotes, Side::Article, "city needs", Modifier::ITALIC, Modifier::UNDERLINED | Modifier::REVERSED),
            // The selected quote.
            (List::Quotes, Side::Article, "We kept", Modifier::REVERSED | Modifier::BOLD, Modifier::ITALIC),
            // A quote while reported speech is walked through.
            (List::Reported, Side::Article, "kept every", Modifier::UNDERLINED, Modifier::ITALIC | Modifier::REVERSED),
            (List::Reported, Side::Article, "city needs", Modifier::ITALIC | Modifier::REVERSED, Modifier::UNDERLINED),
            // The word its flag points at, in the item and in its passage.
            (List::Reported, Side::Article, "needs a new", Modifier::UNDERLINED | Modifier::BOLD, Modifier::empty()),
            (List::Reported, Side::Transcript, "do not need", Modifier::ITALIC | Modifier::REVERSED, Modifier::empty()),
        ];
        for (list, side, needle, has, lacks) in cases {
            if app.list() != list {
                run(&mut app, &[Action::SwitchList]);
            }
            if list == List::Reported {
                run(&mut app, &[Action::FirstItem, Action::NextItem, Action::NextItem]);
            }
            let (style, _) = style_at(&app, side, needle);
            assert!(style.add_modifier.contains(has), "{list:?} {needle:?}: {style:?} (colour {color})");
            assert!(!style.add_modifier.intersects(lacks), "{list:?} {needle:?}: {style:?} (colour {color})");
            assert_eq!(style.fg.is_some_and(|c| c != Color::Reset), color, "{needle:?}: colour only without NO_COLOR");
        }
        let (_, (x, y)) = style_at(&app, Side::Article, "Berg said the city");
        let terminal = draw(&app, 120, 40);
        let gutter: String = (x - 3..x).map(|c| terminal.backend().buffer()[(c, y)].symbol().to_owned()).collect();
        assert_eq!(gutter, "  ≠", "the verdict in the gutter's third column");
    }
}

#[test]
fn the_status_line_counts_the_list_walked_through() {
    let mut app = berg_app(120, 40, true);
    run(&mut app, &[Action::SwitchList, Action::Judge(Verdict::Supported), Action::NextItem, Action::NextItem]);
    run(&mut app, &[Action::Judge(Verdict::Distorted), Action::Saved(Ok(()))]);
    let last = |app: &App| screen(app).lines().last().unwrap_or_default().to_owned();
    assert!(last(&app).ends_with("✓1 ≠1 ✗0 · 3 unmarked · saved ✔"), "{}", last(&app));
    run(&mut app, &[Action::SwitchList]);
    assert!(last(&app).ends_with("✓0 ≈0 ~0 ✗0 · 1 unmarked · saved ✔"), "{}", last(&app));
    assert_eq!(
        app.summary(),
        "quotecheck: 1 quotes · marked 0 ✓ 0 ≈ 0 ~ 0 ✗ · 1 unmarked · suggested 1 ✓ 0 ≈ 0 ~ 0 ✗ · 5 reported · marked \
         1 ✓ 1 ≠ 0 ✗ · 3 unmarked · suggested 2 ✓ 1 ≠ 2 ✗ · session in /tmp/qc-test/session.json"
    );
}

#[test]
fn a_click_copy_and_c_among_reported_speech() {
    let mut app = berg_app(120, 40, true);
    run(&mut app, &[Action::SwitchList]);
    let (_, (column, row)) = style_at(&app, Side::Article, "in ruins");
    run(&mut app, &[Action::Click { column, row }]);
    assert_eq!(place(&app), (List::Reported, 0, 4), "a click selects the reported item under it");
    run(&mut app, &[Action::Copy]);
    assert_eq!(app.notice(), Some("This reported item has no source passage to copy"));
    run(&mut app, &[Action::NextCandidate]);
    assert_eq!(app.notice(), Some("A reported item has one passage: c tries another for a quote"));
    run(&mut app, &[Action::FirstItem, Action::NextItem]);
    match run(&mut app, &[Action::Copy]).as_slice() {
        [Effect::Copy(text)] => assert!(text.contains("The budget is balanced for the third year running"), "{text}"),
        other => panic!("a copy: {other:?}"),
    }
}

#[test]
fn a_reported_mark_to_recheck_is_flagged_and_settled_by_marking_again() {
    let article = Document::from_text("article.txt", BERG_ARTICLE);
    let transcripts = vec![Document::from_text("transcript.txt", BERG_TRANSCRIPT)];
    let check = Check::run(&article, &transcripts);
    let mut session = Session::new(&check);
    session.judgements[2] = Judgement {
        mark: Some(Verdict::Supported),
        marked_text: Some("the city wants a new library".to_owned()),
        ..Judgement::default()
    };
    let mut app = App::new(article, transcripts, check, session, paths(), Theme { color: true });
    app.update(Action::Resize { width: 120, height: 40 });
    assert_eq!(app.notice(), Some("1 mark to re-check (⟳): made before their words were edited"));
    run(&mut app, &[Action::SwitchList, Action::NextItem, Action::NextItem]);
    let shown = screen(&app);
    assert!(shown.contains("Reported 3/5 · mark: ✓ supported ⟳ re-check · suggested"), "{shown}");
    assert!(shown.contains("⟳ marked when it read: “the city wants a new library”"), "{shown}");
    assert!(shown.contains("│  ⟳Berg said the city needs"), "⟳ in the gutter: {shown}");
    assert!(shown.contains("✓0 ≠0 ✗0 · 4 unmarked · ⟳1 to re-check"), "{shown}");
    let help = help_lines(&app, 200).iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(help.contains("reported 3 · ✓ supported · marked when it read “the city wants a new library”"), "{help}");
    let effects = run(&mut app, &[Action::Judge(Verdict::Supported)]);
    assert_eq!((saves(&effects), app.judgement(2).needs_recheck()), (1, false), "the same mark again settles it");
}

#[test]
fn without_reported_speech_the_list_is_empty_and_says_so() {
    let mut app = empty_app();
    app.update(Action::Resize { width: 120, height: 40 });
    run(&mut app, &[Action::SwitchList]);
    assert_eq!(app.notice(), Some("This article reports no speech outside its quotations"));
    let effects = run(
        &mut app,
        &[
            Action::NextItem,
            Action::LastItem,
            Action::NextUnmarked,
            Action::Judge(Verdict::Supported),
            Action::Mark(Category::Unsupported),
            Action::Accept,
            Action::ClearMark,
            Action::EditNote,
            Action::Copy,
            Action::NextCandidate,
            Action::Click { column: 10, row: 3 },
        ],
    );
    assert_eq!((saves(&effects), app.mode()), (0, &Mode::Normal));
    assert!(screen(&app).contains("This article reports no speech outside its quotations"), "{}", screen(&app));
}

#[test]
fn the_help_has_the_legend_of_verdicts_and_evidence() {
    let app = sample_app(120, 40, true);
    let help = help_lines(&app, 200).iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    for line in [
        "r             switch between quotes and reported speech",
        "s             mark reported speech supported",
        "d             mark reported speech distorted",
        "u             mark unsupported (either)",
        "✓ supported   a passage of the credited speaker says it",
        "≠ distorted   a passage on this point, changed by the report",
        "✗ unsupported no passage of the transcript bears on it",
        "shared        words the item and its passage share",
        "negation      a negation lost or added",
        "number        a number or a date changed",
        "hedge         a hedge or a condition dropped: made certain",
        "scope         a scope widened (some → all)",
        "speaker       the words are another speaker's",
    ] {
        assert!(help.contains(line), "{line:?} in\n{help}");
    }
}

#[test]
fn snapshot_reported_speech_on_the_sample() {
    let mut app = sample_app(120, 40, true);
    run(&mut app, &[Action::SwitchList, Action::NextItem, Action::NextItem]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_a_distorted_item_marked_with_a_note() {
    let mut app = berg_app(120, 40, true);
    let actions = [
        vec![Action::SwitchList, Action::NextItem, Action::NextItem, Action::Accept, Action::EditNote],
        typed("she said the opposite"),
        vec![Action::Input(Edit::Submit), Action::Saved(Ok(()))],
    ]
    .concat();
    run(&mut app, &actions);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_an_unsupported_item_at_80_by_24() {
    let mut app = berg_app(80, 24, true);
    run(&mut app, &[Action::SwitchList, Action::LastItem]);
    insta::assert_snapshot!(screen(&app));
}
