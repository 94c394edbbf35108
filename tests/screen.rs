//! The review screen driven as a person would: the real binary in a real
//! pseudo-terminal, keys typed, the screen read back through a terminal
//! emulator.

mod common;

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use common::{json_report, path};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A running `quotecheck` in a pseudo-terminal, and what it shows.
struct Screen {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
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
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || send.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let parser = vt100::Parser::new(rows.try_into().expect("rows"), cols.try_into().expect("cols"), 0);
        Self { child, master: pty.master, writer, output, parser }
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
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resized");
        self.parser.screen_mut().set_size(rows.try_into().expect("rows"), cols.try_into().expect("cols"));
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("typed");
        self.writer.flush().expect("flushed");
    }

    /// Waits for the program to end; returns its exit code.
    fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(20);
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
        panic!("the program did not end; the screen shows:\n{}", self.text());
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

#[test]
fn sigterm_restores_the_terminal_with_the_session_on_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("session.json");
    let mut screen = Screen::open(
        &[&path("assets/article.txt"), &path("assets/transcript.txt"), "--session", session.to_str().expect("utf-8")],
        100,
        30,
    );
    screen.wait_for("Quote 1/10");
    screen.keys("a");
    screen.wait_for("saved ✔");
    let pid = screen.child.process_id().expect("a pid");
    let killed = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().expect("kill runs");
    assert!(killed.success());
    assert_eq!(screen.exit_code(), 0);
    assert!(!screen.parser.screen().alternate_screen(), "the terminal is restored");
    let saved = std::fs::read_to_string(&session).expect("the session is on disk");
    assert!(saved.contains("\"mark\": \"altered\""), "{saved}");
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
