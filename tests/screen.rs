//! The review screen driven as a person would: the real binary in a real
//! pseudo-terminal, keys typed, the screen read back through a terminal
//! emulator.

mod common;

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::{json_report, path};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A running `quotecheck` in a pseudo-terminal, and what it shows.
struct Screen {
    child: Box<dyn Child + Send + Sync>,
    /// The terminal's side of the pty; `None` once it is closed.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    output: Receiver<Vec<u8>>,
    /// Asks the thread that reads the pty to stop (and let go of it).
    stop_reading: Arc<AtomicBool>,
    reading: Option<JoinHandle<()>>,
    parser: vt100::Parser,
}

impl Screen {
    fn open(args: &[&str], cols: u16, rows: u16) -> Self {
        let pty = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_quotecheck"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("spawns");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let (send, output) = channel();
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let reading = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || send.send(buf[..n].to_vec()).is_err() || stop.load(Ordering::Relaxed) {
                    break;
                }
            }
        });
        let parser = vt100::Parser::new(rows.try_into().expect("rows"), cols.try_into().expect("cols"), 0);
        Self {
            child,
            master: Some(pty.master),
            writer: Some(writer),
            output,
            stop_reading,
            reading: Some(reading),
            parser,
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            while let Ok(more) = self.output.try_recv() {
                self.parser.process(&more);
            }
        }
    }

    fn text(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `needle`.
    #[track_caller]
    fn wait_for(&mut self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.text().contains(needle) {
                return;
            }
            self.pump(Duration::from_millis(50));
        }
        panic!("the screen never showed {needle:?}; it shows:\n{}", self.text());
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("resized");
        self.parser.screen_mut().set_size(rows.try_into().expect("rows"), cols.try_into().expect("cols"));
    }

    fn keys(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).expect("typed");
        writer.flush().expect("flushed");
    }

    /// Pastes text as a terminal does: in brackets when the program asked
    /// for bracketed paste, else as if typed.
    fn paste(&mut self, text: &str) {
        if self.parser.screen().bracketed_paste() {
            self.keys(&format!("\x1b[200~{text}\x1b[201~"));
        } else {
            self.keys(text);
        }
    }

    /// Sends the program a signal (`TERM`, `HUP`, ...).
    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid");
        let sent = std::process::Command::new("kill").args([&format!("-{name}"), &pid.to_string()]).status();
        assert!(sent.expect("kill runs").success(), "SIG{name} sent");
    }

    /// Closes the terminal as a closed window or a dropped SSH connection
    /// does: every handle on the pty's master side let go.
    fn hang_up(&mut self) {
        self.stop_reading.store(true, Ordering::Relaxed);
        // A resize makes the program draw, which wakes the reading thread
        // so that it sees it must stop.
        let (rows, cols) = self.parser.screen().size();
        self.resize(u16::from(cols) - 1, rows.into());
        let reading = self.reading.take().expect("reading");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !reading.is_finished() {
            assert!(Instant::now() < deadline, "the reading thread never woke up");
            std::thread::sleep(Duration::from_millis(10));
        }
        reading.join().expect("the reading thread");
        self.writer = None;
        self.master = None;
    }

    /// Waits for the program to end; returns its exit code.
    fn exit_code(&mut self) -> u32 {
        self.exit_code_within(Duration::from_secs(20))
    }

    /// Waits at most `wait` for the program to end; returns its exit code.
    fn exit_code_within(&mut self, wait: Duration) -> u32 {
        let deadline = Instant::now() + wait;
        while Instant::now() < deadline {
            self.pump(Duration::from_millis(50));
            if let Some(status) = self.child.try_wait().expect("wait") {
                for _ in 0..10 {
                    self.pump(Duration::from_millis(20));
                }
                return status.exit_code();
            }
        }
        let _ = self.child.kill();
        panic!("the program did not end within {wait:?}; the screen shows:\n{}", self.text());
    }
}

#[test]
fn j_then_v_then_q_marks_the_second_quote_verbatim() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("session.json");
    let session = session.to_str().expect("utf-8");
    let (article, transcript) = (path("assets/article.txt"), path("assets/transcript.txt"));
    let mut screen = Screen::open(&[&article, &transcript, "--session", session], 120, 40);
    screen.wait_for("Quote 1/10");
    screen.keys("j");
    screen.wait_for("Quote 2/10");
    screen.keys("v");
    screen.wait_for("saved ✔");
    screen.keys("q");
    assert_eq!(screen.exit_code(), 0);
    assert!(!screen.parser.screen().alternate_screen(), "the terminal is restored");
    assert!(screen.text().contains("marked 1 ✓"), "the summary line: {}", screen.text());
    let report = json_report(&[&article, &transcript, "--session", session]);
    let marks: Vec<&serde_json::Value> =
        report["quotes"].as_array().expect("quotes").iter().map(|q| &q["mark"]).collect();
    assert_eq!(marks[1], "verbatim");
    assert!(marks.iter().enumerate().all(|(i, m)| i == 1 || m.is_null()), "{marks:?}");
}

#[test]
fn r_then_j_then_d_then_q_marks_the_second_reported_item_distorted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("session.json");
    let session = session.to_str().expect("utf-8");
    let (article, transcript) = (path("assets/article.txt"), path("assets/transcript.txt"));
    let mut screen = Screen::open(&[&article, &transcript, "--session", session], 120, 40);
    screen.wait_for("Quote 1/10");
    screen.keys("r");
    screen.wait_for("Reported 1/14");
    screen.keys("j");
    screen.wait_for("Reported 2/14");
    screen.keys("v");
    screen.wait_for("verbatim is for quotes");
    screen.keys("d");
    screen.wait_for("saved ✔");
    assert!(screen.text().contains("≠1"), "the status line counts it: {}", screen.text());
    screen.keys("q");
    assert_eq!(screen.exit_code(), 0);
    assert!(screen.text().contains("14 reported · marked 0 ✓ 1 ≠ 0 ✗"), "the summary line: {}", screen.text());
    let report = json_report(&[&article, &transcript, "--session", session]);
    let marks: Vec<&serde_json::Value> =
        report["reported"].as_array().expect("reported").iter().map(|r| &r["mark"]).collect();
    assert_eq!(marks[1], "distorted");
    assert!(marks.iter().enumerate().all(|(i, m)| i == 1 || m.is_null()), "{marks:?}");
    assert!(report["quotes"].as_array().expect("quotes").iter().all(|q| q["mark"].is_null()), "no quote marked");
}

#[test]
fn a_paste_is_text_in_the_note_and_never_runs_as_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("session.json");
    let session = session.to_str().expect("utf-8");
    let (article, transcript) = (path("assets/article.txt"), path("assets/transcript.txt"));
    let mut screen = Screen::open(&[&article, &transcript, "--session", session], 120, 40);
    screen.wait_for("Quote 1/10");
    // Out of the note, a paste does nothing (`q` would quit, `v` mark).
    screen.paste("v q");
    screen.wait_for("Nothing pasted");
    screen.keys("e");
    screen.wait_for("note (Enter keeps");
    screen.paste("q hello\nworld\tagain\x07");
    screen.wait_for("q hello world again");
    screen.keys("\r");
    screen.wait_for("saved ✔");
    screen.keys("q");
    assert_eq!(screen.exit_code(), 0);
    assert!(!screen.parser.screen().bracketed_paste(), "bracketed paste is turned off on the way out");
    let report = json_report(&[&article, &transcript, "--session", session]);
    assert_eq!(report["quotes"][0]["note"], "q hello world again");
    assert!(report["quotes"][0]["mark"].is_null(), "the pasted v marked nothing");
}

#[test]
fn a_resize_redraws_at_once_and_a_tiny_terminal_still_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("session.json");
    let mut screen = Screen::open(
        &[&path("assets/article.txt"), &path("assets/transcript.txt"), "--session", session.to_str().expect("utf-8")],
        80,
        24,
    );
    screen.wait_for("Quote 1/10");
    screen.resize(40, 10);
    screen.wait_for("needs a terminal of at least");
    screen.resize(200, 60);
    screen.wait_for("Quote 1/10");
    screen.keys("q");
    assert_eq!(screen.exit_code(), 0);
}

/// How a review is ended from outside.
#[derive(Clone, Copy, Debug)]
enum Ending {
    Signal(&'static str),
    /// The terminal closed: the pty's master side let go.
    HangUp,
}

/// A mark made and a note typed but not kept with Enter, then the program
/// ended from outside: it must end within a few seconds with the mark and
/// the draft note on disk, and give the terminal back if there is one.
fn ended_from_outside_keeps_the_draft(ending: Ending) -> u32 {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("session.json");
    let session = session.to_str().expect("utf-8");
    let (article, transcript) = (path("assets/article.txt"), path("assets/transcript.txt"));
    let mut screen = Screen::open(&[&article, &transcript, "--session", session], 100, 30);
    screen.wait_for("Quote 1/10");
    screen.keys("a");
    screen.wait_for("saved ✔");
    screen.keys("ecall the desk");
    screen.wait_for("call the desk");
    match ending {
        Ending::Signal(name) => screen.signal(name),
        Ending::HangUp => screen.hang_up(),
    }
    let code = screen.exit_code_within(Duration::from_secs(5));
    if let Ending::Signal(name) = ending {
        let terminal = screen.parser.screen();
        assert!(!terminal.alternate_screen(), "SIG{name}: the terminal is restored");
        assert!(!terminal.bracketed_paste(), "SIG{name}: bracketed paste is off");
        assert_eq!(terminal.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "SIG{name}: the mouse is let go");
    }
    let report = json_report(&[&article, &transcript, "--session", session]);
    assert_eq!(report["quotes"][0]["mark"], "altered", "{ending:?}: the mark is on disk");
    assert_eq!(report["quotes"][0]["note"], "call the desk", "{ending:?}: the draft is kept as the note");
    code
}

#[test]
fn sigterm_keeps_the_draft_note_restores_the_terminal_and_exits_143() {
    assert_eq!(ended_from_outside_keeps_the_draft(Ending::Signal("TERM")), 128 + 15);
}

#[test]
fn sighup_keeps_the_draft_note_restores_the_terminal_and_exits_129() {
    assert_eq!(ended_from_outside_keeps_the_draft(Ending::Signal("HUP")), 128 + 1);
}

#[test]
fn a_closed_terminal_keeps_the_draft_note_and_ends_at_once() {
    assert_eq!(ended_from_outside_keeps_the_draft(Ending::HangUp), 128 + 1);
}

/// A transcript of some 30 MB, long to read and check in a debug build:
/// pages of other business, then the sample interview.
fn long_transcript(dir: &std::path::Path) -> String {
    let filler = "The committee then heard again from the minister about roads, budgets and schools.\n";
    let mut text = filler.repeat(30_000_000 / filler.len());
    text.push_str(&std::fs::read_to_string(path("assets/transcript.txt")).expect("the sample"));
    let file = dir.join("long-transcript.txt");
    std::fs::write(&file, text).expect("written");
    file.to_string_lossy().into_owned()
}

#[test]
fn a_long_load_shows_its_progress_and_runs_no_key_typed_meanwhile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let transcript = long_transcript(dir.path());
    let session = dir.path().join("session.json");
    let session = session.to_str().expect("utf-8");
    let article = path("assets/article.txt");
    let mut screen = Screen::open(&[&article, &transcript, "--session", session], 120, 40);
    screen.wait_for("Indexing the words of");
    let progress = screen.text();
    let megabytes = std::fs::metadata(&transcript).expect("there").len() as f64 / 1e6;
    let read = format!("✓ Read {transcript} ({megabytes:.1} MB)");
    assert!(progress.contains(&read), "{read:?} is on the screen: {progress}");
    // Keys that would move to quote 2, mark it and open the help.
    screen.keys("jv?");
    screen.wait_for("10 unmarked");
    assert!(screen.text().contains("Quote 1/10 · mark: —"), "nothing was marked: {}", screen.text());
    screen.keys("q");
    assert_eq!(screen.exit_code(), 0);
    assert!(!std::path::Path::new(session).exists(), "nothing changed, nothing saved");
}

#[test]
fn q_esc_or_ctrl_c_during_a_long_load_quits_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let transcript = long_transcript(dir.path());
    let session = dir.path().join("session.json");
    let session = session.to_str().expect("utf-8");
    let article = path("assets/article.txt");
    for key in ["q", "\x1b", "\x03"] {
        let mut screen = Screen::open(&[&article, &transcript, "--session", session], 100, 30);
        screen.wait_for("Indexing the words of");
        screen.keys(key);
        assert_eq!(screen.exit_code_within(Duration::from_secs(3)), 0, "{key:?}");
        assert!(!screen.parser.screen().alternate_screen(), "{key:?}: the terminal is restored");
        assert!(!screen.text().contains("Quote 1/10"), "{key:?}: the quotes never showed");
        assert!(!std::path::Path::new(session).exists(), "{key:?}: nothing changed, nothing saved");
    }
}

#[test]
fn a_file_that_cannot_be_loaded_is_named_after_the_screen_closes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.txt");
    let missing = missing.to_str().expect("utf-8");
    let mut screen = Screen::open(&[&path("assets/article.txt"), missing], 100, 30);
    assert_eq!(screen.exit_code(), 2);
    assert!(!screen.parser.screen().alternate_screen(), "the terminal is restored");
    let text = screen.text();
    assert!(text.contains(&format!("quotecheck: {missing}: no such file")), "{text}");
}

#[test]
fn a_corrupt_session_stops_before_the_screen_opens_and_is_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("session.json");
    std::fs::write(&session, b"{ half a file").expect("written");
    let mut screen = Screen::open(
        &[&path("assets/article.txt"), &path("assets/transcript.txt"), "--session", session.to_str().expect("utf-8")],
        100,
        30,
    );
    assert_eq!(screen.exit_code(), 2);
    assert!(screen.text().contains("not a session file quotecheck can read"), "{}", screen.text());
    assert!(!screen.parser.screen().alternate_screen());
    assert_eq!(std::fs::read(&session).expect("still there"), b"{ half a file");
}

/// Marks typed as fast as a terminal takes them, the program killed at a
/// random moment: the session file on disk must always parse and hold
/// either the mark before or the mark after.
#[test]
fn a_session_killed_while_saving_is_always_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("session.json");
    let session_arg = session.to_str().expect("utf-8").to_owned();
    let (article, transcript) = (path("assets/article.txt"), path("assets/transcript.txt"));
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut kills_after_a_save = 0;
    for round in 0..40 {
        let mut screen = Screen::open(&[&article, &transcript, "--session", &session_arg], 100, 30);
        screen.wait_for("Quote 1/10");
        screen.keys(&"va".repeat(200));
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(seed % 60));
        let pid = screen.child.process_id().expect("a pid");
        let _ = std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status();
        let _ = screen.child.wait();
        let Ok(bytes) = std::fs::read(&session) else { continue };
        let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            panic!("round {round}: the session does not parse ({e}): {}", String::from_utf8_lossy(&bytes))
        });
        let mark = &file["marks"][0]["mark"];
        assert!(mark == "verbatim" || mark == "altered", "round {round}: {mark}");
        kills_after_a_save += 1;
    }
    assert!(kills_after_a_save > 20, "most rounds were killed after some save: {kills_after_a_save}");
}

#[test]
fn a_session_that_cannot_be_saved_is_said_and_the_marks_are_kept_and_rescued() {
    let (article, transcript) = (path("assets/article.txt"), path("assets/transcript.txt"));
    // A path below a file: nothing can ever be saved there, even by root.
    let mut screen = Screen::open(&[&article, &transcript, "--session", "/dev/null/session.json"], 120, 40);
    screen.wait_for("Quote 1/10");
    screen.keys("v");
    screen.wait_for("NOT SAVED");
    screen.keys("j");
    screen.wait_for("Quote 2/10");
    assert!(screen.text().contains("✓1"), "the mark is kept in memory: {}", screen.text());
    screen.keys("q");
    assert_eq!(screen.exit_code(), 0);
    let text = screen.text();
    assert!(text.contains("NOT SAVED"), "the summary says so: {text}");
    let rescued = text
        .split_whitespace()
        .find(|w| w.contains("quotecheck-unsaved-") && std::path::Path::new(w).extension().is_some_and(|e| e == "json"))
        .unwrap_or_else(|| panic!("the marks went somewhere safe: {text}"));
    let saved = std::fs::read_to_string(rescued).expect("the rescued session");
    assert!(saved.contains("\"mark\": \"verbatim\""), "{saved}");
    let _ = std::fs::remove_file(rescued);
}
