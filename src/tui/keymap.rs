//! The keys, declared once: this table drives key handling, the footer
//! and the help overlay.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind};

use super::app::{Action, Edit, Mode};
use crate::align::Category;

/// A key: a code and its modifiers (Shift is part of the character).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl or Alt, if held.
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

impl Key {
    /// The key as the help shows it (`j`, `↓`, `PgDn`, `Ctrl-d`).
    #[must_use]
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            code => code.to_string(),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) { format!("Ctrl-{base}") } else { base }
    }

    /// True when a key event is this key.
    #[must_use]
    pub fn matches(self, event: &KeyEvent) -> bool {
        let modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        event.code == self.code && modifiers == self.modifiers
    }
}

/// One line of the keymap.
#[derive(Clone, Debug)]
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// What the help says.
    pub help: &'static str,
    /// The footer's word for it, if the footer shows it (bindings with the
    /// same word are shown together: `v a p u mark`).
    pub footer: Option<&'static str>,
}

/// The keys of the review screen.
pub const NORMAL: &[Binding] = &[
    Binding {
        keys: &[ch('j'), plain(KeyCode::Down)],
        action: Action::NextQuote,
        help: "next quote",
        footer: Some("quote"),
    },
    Binding {
        keys: &[ch('k'), plain(KeyCode::Up)],
        action: Action::PrevQuote,
        help: "previous quote",
        footer: Some("quote"),
    },
    Binding { keys: &[ch('J')], action: Action::NextUnmarked, help: "next unmarked quote", footer: None },
    Binding { keys: &[ch('K')], action: Action::PrevUnmarked, help: "previous unmarked quote", footer: None },
    Binding { keys: &[ch('g'), plain(KeyCode::Home)], action: Action::FirstQuote, help: "first quote", footer: None },
    Binding { keys: &[ch('G'), plain(KeyCode::End)], action: Action::LastQuote, help: "last quote", footer: None },
    Binding {
        keys: &[plain(KeyCode::Tab), plain(KeyCode::BackTab)],
        action: Action::SwitchFocus,
        help: "switch the focused pane",
        footer: Some("pane"),
    },
    Binding {
        keys: &[plain(KeyCode::PageDown), ch(' ')],
        action: Action::PageDown,
        help: "scroll the focused pane a page down",
        footer: None,
    },
    Binding {
        keys: &[plain(KeyCode::PageUp)],
        action: Action::PageUp,
        help: "scroll the focused pane a page up",
        footer: None,
    },
    Binding {
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        help: "scroll the focused pane half a page",
        footer: None,
    },
    Binding {
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        help: "scroll the focused pane back half a page",
        footer: None,
    },
    Binding { keys: &[ch('v')], action: Action::Mark(Category::Verbatim), help: "mark verbatim", footer: Some("mark") },
    Binding { keys: &[ch('a')], action: Action::Mark(Category::Altered), help: "mark altered", footer: Some("mark") },
    Binding {
        keys: &[ch('p')],
        action: Action::Mark(Category::Paraphrase),
        help: "mark paraphrase",
        footer: Some("mark"),
    },
    Binding {
        keys: &[ch('u')],
        action: Action::Mark(Category::Unsupported),
        help: "mark unsupported",
        footer: Some("mark"),
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        action: Action::Accept,
        help: "accept the suggestion as the mark",
        footer: Some("accept"),
    },
    Binding { keys: &[ch('x')], action: Action::ClearMark, help: "clear the mark", footer: None },
    Binding {
        keys: &[ch('c')],
        action: Action::NextCandidate,
        help: "try the next candidate source passage",
        footer: None,
    },
    Binding { keys: &[ch('t')], action: Action::NextTranscript, help: "show the next transcript", footer: None },
    Binding { keys: &[ch('e')], action: Action::EditNote, help: "edit the note on this quote", footer: Some("note") },
    Binding { keys: &[ch('/')], action: Action::Search, help: "search the focused pane", footer: Some("search") },
    Binding { keys: &[ch('n')], action: Action::SearchNext, help: "next search hit", footer: None },
    Binding { keys: &[ch('N')], action: Action::SearchPrev, help: "previous search hit", footer: None },
    Binding { keys: &[ch('y')], action: Action::Copy, help: "copy the source passage (OSC 52)", footer: None },
    Binding { keys: &[ch('E')], action: Action::Export, help: "export the Markdown report", footer: None },
    Binding { keys: &[ch('?')], action: Action::Help, help: "help (this screen)", footer: Some("help") },
    Binding {
        keys: &[ch('q'), ctrl('c')],
        action: Action::Quit,
        help: "quit (the session is already saved)",
        footer: Some("quit"),
    },
];

/// The keys of the help overlay: it closes, the rest waits.
pub const HELP: &[Binding] = &[
    Binding {
        keys: &[ch('?'), plain(KeyCode::Esc)],
        action: Action::Help,
        help: "close the help",
        footer: Some("close"),
    },
    Binding {
        keys: &[ch('j'), plain(KeyCode::Down)],
        action: Action::HelpScroll(1),
        help: "scroll the help down",
        footer: Some("scroll"),
    },
    Binding {
        keys: &[ch('k'), plain(KeyCode::Up)],
        action: Action::HelpScroll(-1),
        help: "scroll the help up",
        footer: Some("scroll"),
    },
    Binding {
        keys: &[plain(KeyCode::PageDown), ch(' ')],
        action: Action::HelpScroll(super::app::HELP_PAGE),
        help: "scroll the help a page down",
        footer: None,
    },
    Binding {
        keys: &[plain(KeyCode::PageUp)],
        action: Action::HelpScroll(-super::app::HELP_PAGE),
        help: "scroll the help a page up",
        footer: None,
    },
    Binding { keys: &[ch('q'), ctrl('c')], action: Action::Quit, help: "quit", footer: Some("quit") },
];

/// The keys of the one-line input (the note, the search); other keys type.
pub const INPUT: &[Binding] = &[
    Binding {
        keys: &[plain(KeyCode::Enter)],
        action: Action::Input(Edit::Submit),
        help: "keep the note / search",
        footer: Some("keep"),
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        action: Action::Input(Edit::Cancel),
        help: "cancel",
        footer: Some("cancel"),
    },
    Binding {
        keys: &[plain(KeyCode::Backspace)],
        action: Action::Input(Edit::Backspace),
        help: "delete back",
        footer: None,
    },
    Binding {
        keys: &[plain(KeyCode::Delete)],
        action: Action::Input(Edit::Delete),
        help: "delete forward",
        footer: None,
    },
    Binding { keys: &[plain(KeyCode::Left)], action: Action::Input(Edit::Left), help: "cursor left", footer: None },
    Binding { keys: &[plain(KeyCode::Right)], action: Action::Input(Edit::Right), help: "cursor right", footer: None },
    Binding {
        keys: &[plain(KeyCode::Home), ctrl('a')],
        action: Action::Input(Edit::Home),
        help: "cursor to start",
        footer: None,
    },
    Binding {
        keys: &[plain(KeyCode::End), ctrl('e')],
        action: Action::Input(Edit::End),
        help: "cursor to end",
        footer: None,
    },
    Binding { keys: &[ctrl('c')], action: Action::Quit, help: "quit", footer: None },
];

/// Rows the mouse wheel scrolls.
pub const WHEEL_ROWS: i16 = 3;

/// The bindings in force in a mode.
#[must_use]
pub fn bindings(mode: &Mode) -> &'static [Binding] {
    match mode {
        Mode::Normal => NORMAL,
        Mode::Help => HELP,
        Mode::Note(_) | Mode::Search(_) => INPUT,
    }
}

/// The action a terminal event calls for in a mode, if any.
#[must_use]
pub fn action(mode: &Mode, event: &Event) -> Option<Action> {
    if let Some(key) = event.as_key_press_event() {
        let bound = bindings(mode).iter().find(|b| b.keys.iter().any(|k| k.matches(&key)));
        if let Some(binding) = bound {
            return Some(binding.action.clone());
        }
        let typing = matches!(mode, Mode::Note(_) | Mode::Search(_));
        return match key.code {
            KeyCode::Char(c) if typing && !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                Some(Action::Input(Edit::Char(c)))
            }
            _ => None,
        };
    }
    if let Some((width, height)) = event.as_resize_event() {
        return Some(Action::Resize { width, height });
    }
    let mouse = event.as_mouse_event()?;
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel { column, row, rows: WHEEL_ROWS }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { column, row, rows: -WHEEL_ROWS }),
        MouseEventKind::Down(MouseButton::Left) if *mode == Mode::Normal => Some(Action::Click { column, row }),
        _ => None,
    }
}

/// The footer's hints: `j/k quote  v a p u mark  ? help`.
#[must_use]
pub fn footer(mode: &Mode) -> String {
    footer_groups(mode).join("  ")
}

/// The footer's hints in the order they give way when space is short.
const GIVE_WAY: &[&str] = &["pane", "search", "note", "accept", "scroll", "close", "mark", "quote"];

/// As many of the footer's hints as fit in `width` columns; help and quit
/// always stay, and the rest give way in the order of [`GIVE_WAY`].
#[must_use]
pub fn footer_within(mode: &Mode, width: usize) -> String {
    let mut groups = footer_groups(mode);
    let len = |g: &[String]| g.iter().map(|s| s.chars().count()).sum::<usize>() + 2 * g.len().saturating_sub(1);
    for word in GIVE_WAY {
        if len(&groups) <= width {
            break;
        }
        groups.retain(|g| !g.ends_with(&format!(" {word}")));
    }
    groups.join("  ")
}

fn footer_groups(mode: &Mode) -> Vec<String> {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for b in bindings(mode) {
        let Some(word) = b.footer else { continue };
        let key = b.keys[0].label();
        match groups.iter_mut().find(|(w, _)| *w == word) {
            Some((_, keys)) => keys.push(key),
            None => groups.push((word, vec![key])),
        }
    }
    groups
        .iter()
        .map(|(word, keys)| {
            let sep = if keys.iter().all(|k| k.chars().count() == 1) && keys.len() > 2 { " " } else { "/" };
            format!("{} {word}", keys.join(sep))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyEventKind, KeyEventState};

    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE })
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for table in [NORMAL, HELP, INPUT] {
            let keys: Vec<Key> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{} is bound twice", a.label());
            }
        }
    }

    #[test]
    fn every_key_of_the_design_is_bound() {
        for (code, modifiers, expected) in [
            (KeyCode::Char('j'), KeyModifiers::NONE, Action::NextQuote),
            (KeyCode::Down, KeyModifiers::NONE, Action::NextQuote),
            (KeyCode::Char('J'), KeyModifiers::SHIFT, Action::NextUnmarked),
            (KeyCode::Char('K'), KeyModifiers::SHIFT, Action::PrevUnmarked),
            (KeyCode::Tab, KeyModifiers::NONE, Action::SwitchFocus),
            (KeyCode::PageDown, KeyModifiers::NONE, Action::PageDown),
            (KeyCode::Char('d'), KeyModifiers::CONTROL, Action::HalfPageDown),
            (KeyCode::Char('u'), KeyModifiers::CONTROL, Action::HalfPageUp),
            (KeyCode::Char('g'), KeyModifiers::NONE, Action::FirstQuote),
            (KeyCode::Char('G'), KeyModifiers::SHIFT, Action::LastQuote),
            (KeyCode::Char('v'), KeyModifiers::NONE, Action::Mark(Category::Verbatim)),
            (KeyCode::Char('a'), KeyModifiers::NONE, Action::Mark(Category::Altered)),
            (KeyCode::Char('p'), KeyModifiers::NONE, Action::Mark(Category::Paraphrase)),
            (KeyCode::Char('u'), KeyModifiers::NONE, Action::Mark(Category::Unsupported)),
            (KeyCode::Enter, KeyModifiers::NONE, Action::Accept),
            (KeyCode::Char('x'), KeyModifiers::NONE, Action::ClearMark),
            (KeyCode::Char('c'), KeyModifiers::NONE, Action::NextCandidate),
            (KeyCode::Char('t'), KeyModifiers::NONE, Action::NextTranscript),
            (KeyCode::Char('e'), KeyModifiers::NONE, Action::EditNote),
            (KeyCode::Char('/'), KeyModifiers::NONE, Action::Search),
            (KeyCode::Char('n'), KeyModifiers::NONE, Action::SearchNext),
            (KeyCode::Char('N'), KeyModifiers::SHIFT, Action::SearchPrev),
            (KeyCode::Char('y'), KeyModifiers::NONE, Action::Copy),
            (KeyCode::Char('E'), KeyModifiers::SHIFT, Action::Export),
            (KeyCode::Char('?'), KeyModifiers::SHIFT, Action::Help),
            (KeyCode::Char('q'), KeyModifiers::NONE, Action::Quit),
            (KeyCode::Char('c'), KeyModifiers::CONTROL, Action::Quit),
        ] {
            assert_eq!(action(&Mode::Normal, &press(code, modifiers)), Some(expected), "{code:?} {modifiers:?}");
        }
    }

    #[test]
    fn typing_goes_to_the_input_and_ctrl_c_still_quits() {
        let mode = Mode::Note(super::super::app::Input::default());
        assert_eq!(action(&mode, &press(KeyCode::Char('q'), KeyModifiers::NONE)), Some(Action::Input(Edit::Char('q'))));
        assert_eq!(action(&mode, &press(KeyCode::Esc, KeyModifiers::NONE)), Some(Action::Input(Edit::Cancel)));
        assert_eq!(action(&mode, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
    }

    #[test]
    fn the_footer_groups_keys_by_word() {
        assert_eq!(
            footer(&Mode::Normal),
            "j/k quote  Tab pane  v a p u mark  Enter accept  e note  / search  ? help  q quit"
        );
    }

    #[test]
    fn the_readme_lists_every_key() {
        let readme = include_str!("../../README.md");
        for binding in NORMAL {
            for key in binding.keys {
                let shown = format!("`{}`", key.label());
                assert!(readme.contains(&shown), "README.md does not list {shown} ({})", binding.help);
            }
        }
    }

    #[test]
    fn a_narrow_footer_keeps_help_and_quit() {
        assert_eq!(footer_within(&Mode::Normal, 40), "j/k quote  v a p u mark  ? help  q quit");
        assert_eq!(footer_within(&Mode::Normal, 5), "? help  q quit");
    }
}
