//! The review screen: the one event loop, and the only code here that
//! touches the terminal, the clipboard and the disk.
//!
//! The model ([`app`], over the two lists of [`items`]) and the drawing
//! ([`view`]) are pure; this loop reads terminal events, turns them into
//! actions with the [`keymap`], applies them, and carries out the effects
//! they return: saving the session atomically, writing the report, copying
//! to the clipboard with OSC 52.
//! ratatui owns the terminal: it restores it on return and on panic.
//!
//! The screen opens before the documents are read: they are read and
//! checked on a worker thread while a [`loading`] frame shows each stage
//! reached, and only the keys that quit do anything meanwhile.
//!
//! The loop never blocks where it cannot hear the outside world. Two
//! threads listen for it and send it [`Message`]s: one reads the terminal
//! (crossterm), one waits for SIGTERM, SIGHUP and SIGINT. When a signal
//! comes or the terminal goes away (a closed window, a dropped SSH
//! connection), the loop quits as `q` would, keeping a note being typed as
//! the note, so the session on disk is complete; see [`Ending`].

pub mod app;
pub mod items;
pub mod keymap;
pub mod layout;
pub mod loading;
pub mod theme;
pub mod view;

#[cfg(test)]
mod tests;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use base64::Engine as _;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::execute;
use rustix::event::{PollFd, PollFlags, Timespec};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use self::app::{Action, App, Effect};
use self::loading::{Loading, Progress};
use crate::session;

/// How long the thread that reads the terminal waits for input before it
/// looks again whether it is to stop, or the terminal has gone.
const READ_TICK: Duration = Duration::from_millis(100);

/// How long the loop waits for a message before it looks for itself
/// whether the terminal is still there.
const HANGUP_CHECK: Duration = Duration::from_millis(250);

/// The signals that close the screen, the session saved.
const SIGNALS: [i32; 3] = [SIGTERM, SIGHUP, SIGINT];

/// What closed the review screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The fact-checker quit.
    Quit,
    /// A signal came: SIGTERM, SIGHUP or SIGINT (its number).
    Signal(i32),
    /// The terminal went away: closed, hung up, or no longer readable.
    Hangup,
}

impl Ending {
    /// The exit status it calls for: 0 when the fact-checker quit, else
    /// 128 + the signal, as a shell reports a process a signal ended (a
    /// terminal that went away counts as SIGHUP: 129).
    #[must_use]
    pub fn exit_code(self) -> u8 {
        let signal = match self {
            Self::Quit => return 0,
            Self::Signal(signal) => signal,
            Self::Hangup => SIGHUP,
        };
        u8::try_from(signal).map_or(u8::MAX, |n| n.saturating_add(128))
    }
}

/// How the screen closed.
pub struct Closed {
    /// The final model, for the summary line; `None` when the screen closed
    /// before the documents were loaded (nothing has changed then).
    pub app: Option<App>,
    /// What closed it.
    pub ending: Ending,
}

/// Why the screen could not be shown, or stopped.
#[derive(Debug)]
pub enum Failure<E> {
    /// Loading the documents failed (the terminal is restored).
    Load(E),
    /// The terminal could not be set up, or failed while it was there.
    Terminal(io::Error),
}

/// What the loop hears from the threads that listen for it and from the
/// worker that loads the documents (whose result is an `L`).
#[derive(Debug)]
enum Message<L> {
    /// A terminal event: a key, a paste, the mouse, a resize.
    Event(Event),
    /// The terminal went away.
    Gone,
    /// A signal came.
    Signal(i32),
    /// The loading reached a stage.
    Progress(Progress),
    /// The loading is done.
    Loaded(L),
}

/// What the loading frame ends in.
enum Load<T> {
    /// The documents, loaded and checked.
    Ready(T),
    /// The screen closed before then.
    Closed(Ending),
}

/// Opens the screen, runs `load` on a worker thread while the loading
/// frame shows each stage it reports, then shows the review screen over
/// the model `open` makes of what it loaded, until the fact-checker quits,
/// a signal comes or the terminal goes away. While loading, only the keys
/// of [`keymap::LOADING`] do anything (they quit); others are dropped. The
/// session is on disk however the screen closes.
///
/// # Errors
/// When `load` fails ([`Failure::Load`], the terminal restored first), or
/// the terminal cannot be set up or fails while it is still there.
///
/// # Panics
/// When `load` panics: its panic goes on in this thread.
pub fn run<T, E>(
    mut loading: Loading,
    load: impl FnOnce(&mut dyn FnMut(Progress)) -> Result<T, E> + Send + 'static,
    open: impl FnOnce(T) -> App,
) -> Result<Closed, Failure<E>>
where
    T: Send + 'static,
    E: Send + 'static,
{
    // Runs after ratatui's own hook has restored the screen.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        previous(info);
    }));
    let (send, messages) = mpsc::channel();
    let mut terminal = ratatui::try_init().inspect_err(|_| ratatui::restore()).map_err(Failure::Terminal)?;
    let listeners = match Listeners::start(&send) {
        Ok(listeners) => listeners,
        Err(e) => {
            ratatui::restore();
            return Err(Failure::Terminal(e));
        }
    };
    let to_loop = send.clone();
    let worker = std::thread::Builder::new().name("load".into()).spawn(move || {
        let result = load(&mut |progress| {
            let _ = to_loop.send(Message::Progress(progress));
        });
        let _ = to_loop.send(Message::Loaded(result));
    });
    drop(send);
    // A paste comes in brackets, as one event, so that it cannot run as keys.
    let result = worker
        .and_then(|worker| execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste).map(|()| worker))
        .map_err(Failure::Terminal)
        .and_then(|worker| wait_for_load(&mut terminal, &mut loading, &messages, worker))
        .and_then(|load| match load {
            Load::Ready(loaded) => {
                let mut app = open(loaded);
                // Keys typed while the model was made are dropped too.
                if let Some(ending) = messages.try_iter().find_map(|message| ends_the_load(&message)) {
                    return Ok(Closed { app: None, ending });
                }
                let ending = event_loop(&mut terminal, &mut app, &messages).map_err(Failure::Terminal)?;
                Ok(Closed { app: Some(app), ending })
            }
            Load::Closed(ending) => Ok(Closed { app: None, ending }),
        });
    close(terminal, listeners, result.as_ref().ok().map(|closed| closed.ending));
    result
}

/// Stops listening and gives the terminal back, if there still is one.
fn close(terminal: DefaultTerminal, listeners: Listeners, ending: Option<Ending>) {
    let gone = ending == Some(Ending::Hangup) || terminal_gone();
    listeners.stop(gone);
    if gone {
        mute();
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    drop(terminal);
}

/// Shows the loading frame until the worker is done or the screen closes.
fn wait_for_load<T, E>(
    terminal: &mut DefaultTerminal,
    loading: &mut Loading,
    messages: &Receiver<Message<Result<T, E>>>,
    worker: JoinHandle<()>,
) -> Result<Load<T>, Failure<E>> {
    let mut ready = None;
    loop {
        if let Err(e) = terminal.draw(|frame| frame.render_widget(&*loading, frame.area())) {
            return if terminal_gone() { Ok(Load::Closed(Ending::Hangup)) } else { Err(Failure::Terminal(e)) };
        }
        let first = match messages.recv_timeout(HANGUP_CHECK) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) if terminal_gone() => Message::Gone,
            // A worker that ended without a word panicked: so does this
            // thread (the panic hook has restored the terminal already).
            Err(RecvTimeoutError::Timeout) if worker.is_finished() => match worker.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(()) => return Err(Failure::Terminal(io::Error::other("the loading ended without a result"))),
            },
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => Message::Gone,
        };
        // Keys typed while loading, even those read just after it ended,
        // are dropped: only the quit keys count.
        for message in std::iter::once(first).chain(messages.try_iter()) {
            if let Some(ending) = ends_the_load(&message) {
                return Ok(Load::Closed(ending));
            }
            match message {
                Message::Progress(progress) => loading.update(progress),
                Message::Loaded(Ok(loaded)) => ready = Some(loaded),
                Message::Loaded(Err(e)) => return Err(Failure::Load(e)),
                Message::Event(_) | Message::Signal(_) | Message::Gone => {}
            }
        }
        if let Some(loaded) = ready {
            return Ok(Load::Ready(loaded));
        }
    }
}

/// What a message does before the review screen shows: the quit keys, a
/// signal and a terminal gone close the screen; other keys are dropped.
fn ends_the_load<L>(message: &Message<L>) -> Option<Ending> {
    match message {
        Message::Event(event) => (keymap::loading_action(event) == Some(Action::Quit)).then_some(Ending::Quit),
        Message::Signal(signal) => Some(Ending::Signal(*signal)),
        Message::Gone => Some(Ending::Hangup),
        Message::Progress(_) | Message::Loaded(_) => None,
    }
}

fn event_loop<L>(terminal: &mut DefaultTerminal, app: &mut App, messages: &Receiver<Message<L>>) -> io::Result<Ending> {
    let size = terminal.size()?;
    app.update(Action::Resize { width: size.width, height: size.height });
    loop {
        if let Err(e) = terminal.draw(|frame| frame.render_widget(&*app, frame.area())) {
            // Whatever went wrong, a note being typed is kept first.
            dispatch(app, Action::Quit);
            return if terminal_gone() { Ok(Ending::Hangup) } else { Err(e) };
        }
        if app.should_quit() {
            return Ok(Ending::Quit);
        }
        let first = match messages.recv_timeout(HANGUP_CHECK) {
            Ok(message) => message,
            // The reader may be stuck in crossterm on a terminal that hung
            // up while it waited: the loop looks for itself.
            Err(RecvTimeoutError::Timeout) if terminal_gone() => Message::Gone,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => Message::Gone,
        };
        // Everything that is waiting is applied before the next frame.
        for message in std::iter::once(first).chain(messages.try_iter()) {
            match message {
                Message::Event(event) => {
                    if let Some(action) = keymap::action(app.mode(), &event) {
                        dispatch(app, action);
                    }
                }
                Message::Signal(signal) => {
                    dispatch(app, Action::Quit);
                    return Ok(Ending::Signal(signal));
                }
                Message::Gone => {
                    dispatch(app, Action::Quit);
                    return Ok(Ending::Hangup);
                }
                Message::Progress(_) | Message::Loaded(_) => {}
            }
            if app.should_quit() {
                return Ok(Ending::Quit);
            }
        }
    }
}

/// The threads that listen for the loop: one reads the terminal, one
/// waits for signals.
struct Listeners {
    /// Set once the first signal came, and when the screen closes: from
    /// then on a signal does what it does by default (ends the program),
    /// so a second SIGTERM ends even a save that hangs.
    forced: Arc<AtomicBool>,
    signals: signal_hook::iterator::Handle,
    waiter: JoinHandle<()>,
    stop: Arc<AtomicBool>,
    reader: JoinHandle<()>,
}

impl Listeners {
    fn start<L: Send + 'static>(send: &Sender<Message<L>>) -> io::Result<Self> {
        let forced = Arc::new(AtomicBool::new(false));
        // The default action goes first, so that it can end a second signal.
        for signal in SIGNALS {
            signal_hook::flag::register_conditional_default(signal, Arc::clone(&forced))?;
        }
        let mut signals = signal_hook::iterator::Signals::new(SIGNALS)?;
        let handle = signals.handle();
        let (to_loop, arm) = (send.clone(), Arc::clone(&forced));
        let waiter = std::thread::Builder::new().name("signals".into()).spawn(move || {
            for signal in signals.forever() {
                arm.store(true, Ordering::SeqCst);
                if to_loop.send(Message::Signal(signal)).is_err() {
                    break;
                }
            }
        })?;
        let stop = Arc::new(AtomicBool::new(false));
        let (to_loop, stopping) = (send.clone(), Arc::clone(&stop));
        let reader =
            std::thread::Builder::new().name("terminal".into()).spawn(move || read_terminal(&to_loop, &stopping))?;
        Ok(Self { forced, signals: handle, waiter, stop, reader })
    }

    /// Stops both threads and waits for them, except for a reader on a
    /// terminal that has gone: crossterm may be spinning in it, and the
    /// end of the program ends it.
    fn stop(self, gone: bool) {
        self.forced.store(true, Ordering::SeqCst);
        self.signals.close();
        let _ = self.waiter.join();
        self.stop.store(true, Ordering::Relaxed);
        if !gone {
            let _ = self.reader.join();
        }
    }
}

/// Reads terminal events for the loop until told to stop or the terminal
/// goes away.
///
/// crossterm 0.29 reads a terminal that has hung up forever, at full speed
/// (its read loop takes end of file for "no more for now"): so the thread
/// looks for a hang-up before each wait, and the loop also looks for one
/// when this thread has been quiet for a while.
fn read_terminal<L>(send: &Sender<Message<L>>, stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        if terminal_gone() {
            let _ = send.send(Message::Gone);
            return;
        }
        let message = match event::poll(READ_TICK) {
            Ok(false) => continue,
            Ok(true) => event::read().map_or(Message::Gone, Message::Event),
            Err(_) => Message::Gone,
        };
        let gone = matches!(message, Message::Gone);
        if send.send(message).is_err() || gone {
            return;
        }
    }
}

/// True when the terminal has gone: `poll` reports a hang-up or an error
/// on standard input, which the review screen requires to be a terminal.
fn terminal_gone() -> bool {
    let stdin = io::stdin();
    // A hang-up and an error are reported whatever events are asked for.
    let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
    let now = Timespec { tv_sec: 0, tv_nsec: 0 };
    rustix::event::poll(&mut fds, Some(&now)).is_ok()
        && fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}

/// Points standard output and error at `/dev/null`: the terminal has gone,
/// and what is still written on the way out (restoring the terminal, the
/// summary line) must neither fail nor panic.
fn mute() {
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        let _ = rustix::stdio::dup2_stdout(&null);
        let _ = rustix::stdio::dup2_stderr(&null);
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
