//! The review screen: the one event loop, and the only code here that
//! touches the terminal, the clipboard and the disk.
//!
//! The model ([`app`]) and the drawing ([`view`]) are pure; this loop reads
//! terminal events, turns them into actions with the [`keymap`], applies
//! them, and carries out the effects they return: saving the session
//! atomically, writing the report, copying to the clipboard with OSC 52.
//! ratatui owns the terminal: it restores it on return and on panic; the
//! loop also stops on SIGTERM and SIGHUP, with the session already on disk.

pub mod app;
pub mod keymap;
pub mod layout;
pub mod theme;
pub mod view;

#[cfg(test)]
mod tests;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use base64::Engine as _;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use self::app::{Action, App, Effect};
use crate::session;

/// How long the loop waits for an event before looking at the signals.
const TICK: Duration = Duration::from_millis(200);

/// Runs the review screen until the fact-checker quits (or a signal comes);
/// returns the final model, for the summary line.
///
/// # Errors
/// When the terminal cannot be read or written.
pub fn run(mut app: App) -> io::Result<App> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    // Runs after ratatui's own hook has restored the screen.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    ratatui::run(|terminal| -> io::Result<()> {
        execute!(io::stdout(), EnableMouseCapture)?;
        let result = event_loop(terminal, &mut app, &stop);
        let _ = execute!(io::stdout(), DisableMouseCapture);
        result
    })?;
    Ok(app)
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, stop: &AtomicBool) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize { width: size.width, height: size.height });
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if app.should_quit() || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if !event::poll(TICK)? {
            continue;
        }
        let event = event::read()?;
        if let Some(action) = keymap::action(app.mode(), &event) {
            dispatch(app, action);
        }
    }
}

/// Applies an action and every action its effects report back.
pub fn dispatch(app: &mut App, action: Action) {
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in app.update(action) {
            queue.push(perform(effect));
        }
    }
}

/// Carries out one effect and says how it went.
fn perform(effect: Effect) -> Action {
    match effect {
        Effect::Save { path, file } => Action::Saved(session::save(&path, &file).map_err(|e| e.to_string())),
        Effect::Export { path, markdown } => {
            Action::Exported(std::fs::write(&path, markdown).map(|()| path).map_err(|e| e.to_string()))
        }
        Effect::Copy(text) => {
            let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
            let mut out = io::stdout();
            // OSC 52: the terminal puts the text on the system clipboard.
            let _ = write!(out, "\x1b]52;c;{encoded}\x07").and_then(|()| out.flush());
            Action::Copied(text.chars().count())
        }
    }
}
