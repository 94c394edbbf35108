//! The keys, declared once: this table drives key handling, the footer
//! and the help overlay.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind};

use super::app::{Action, Edit, Mode};
use super::items::List;
use crate::align::Category;
use crate::reported::Verdict;

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

/// Where the footer shows a binding, and with what word, in each list
/// (bindings with the same word are shown together: `v a p u mark`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Footer {
    /// The word while walking through quotes, if it shows then.
    pub quotes: Option<&'static str>,
    /// The word while walking through reported speech, if it shows then.
    pub reported: Option<&'static str>,
}

impl Footer {
    /// The word in a list, if the binding shows there.
    #[must_use]
    pub const fn word(self, list: List) -> Option<&'static str> {
        match list {
            List::Quotes => self.quotes,
            List::Reported => self.reported,
        }
    }
}

/// In the footer with the same word in both lists.
const fn both(word: &'static str) -> Footer {
    Footer { quotes: Some(word), reported: Some(word) }
}

/// In the footer among quotes only.
const fn quotes(word: &'static str) -> Footer {
    Footer { quotes: Some(word), reported: None }
}

/// In the footer among reported speech only.
const fn reported(word: &'static str) -> Footer {
    Footer { quotes: None, reported: Some(word) }
}

/// Not in the footer.
const HIDDEN: Footer = Footer { quotes: None, reported: None };

/// One line of the keymap.
#[derive(Clone, Debug)]
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// What the help says.
    pub help: &'static str,
    /// Whether and how the footer shows it.
    pub footer: Footer,
}

/// The keys of the review screen. The same keys move through either
/// list; `v a p` mark quotes, `s d` reported speech, `u` either.
pub const NORMAL: &[Binding] = &[
    Binding {
        keys: &[ch('j'), plain(KeyCode::Down)],
        action: Action::NextItem,
        help: "next quote / reported item",
        footer: Footer { quotes: Some("quote"), reported: Some("item") },
    },
    Binding {
        keys: &[ch('k'), plain(KeyCode::Up)],
        action: Action::PrevItem,
        help: "previous quote / reported item",
        footer: Footer { quotes: Some("quote"), reported: Some("item") },
    },
    Binding {
        keys: &[ch('J')],
        action: Action::NextUnmarked,
        help: "next unmarked quote / reported item",
        footer: HIDDEN,
    },
    Binding {
        keys: &[ch('K')],
        action: Action::PrevUnmarked,
        help: "previous unmarked quote / reported item",
        footer: HIDDEN,
    },
    Binding {
        keys: &[ch('g'), plain(KeyCode::Home)],
        action: Action::FirstItem,
        help: "first quote / reported item",
        footer: HIDDEN,
    },
    Binding {
        keys: &[ch('G'), plain(KeyCode::End)],
        action: Action::LastItem,
        help: "last quote / reported item",
        footer: HIDDEN,
    },
    Binding {
        keys: &[ch('r')],
        action: Action::SwitchList,
        help: "switch between quotes and reported speech",
        footer: Footer { quotes: Some("reported"), reported: Some("quotes") },
    },
    Binding {
        keys: &[plain(KeyCode::Tab), plain(KeyCode::BackTab)],
        action: Action::SwitchFocus,
        help: "switch the focused pane",
        footer: both("pane"),
    },
    Binding {
        keys: &[plain(KeyCode::PageDown), ch(' ')],
        action: Action::PageDown,
        help: "scroll the focused pane a page down",
        footer: HIDDEN,
    },
    Binding {
        keys: &[plain(KeyCode::PageUp)],
        action: Action::PageUp,
        help: "scroll the focused pane a page up",
        footer: HIDDEN,
    },
    Binding {
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        help: "scroll the focused pane half a page",
        footer: HIDDEN,
    },
    Binding {
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        help: "scroll the focused pane back half a page",
        footer: HIDDEN,
    },
    Binding {
        keys: &[ch('v')],
        action: Action::Mark(Category::Verbatim),
        help: "mark a quote verbatim",
        footer: quotes("mark"),
    },
    Binding {
        keys: &[ch('a')],
        action: Action::Mark(Category::Altered),
        help: "mark a quote altered",
        footer: quotes("mark"),
    },
    Binding {
        keys: &[ch('p')],
        action: Action::Mark(Category::Paraphrase),
        help: "mark a quote paraphrase",
        footer: quotes("mark"),
    },
    Binding {
        keys: &[ch('s')],
        action: Action::Judge(Verdict::Supported),
        help: "mark reported speech supported",
        footer: reported("mark"),
    },
    Binding {
        keys: &[ch('d')],
        action: Action::Judge(Verdict::Distorted),
        help: "mark reported speech distorted",
        footer: reported("mark"),
    },
    Binding {
        keys: &[ch('u')],
        action: Action::Mark(Category::Unsupported),
        help: "mark unsupported (either)",
        footer: both("mark"),
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        action: Action::Accept,
        help: "accept the suggestion as the mark",
        footer: both("accept"),
    },
    Binding { keys: &[ch('x')], action: Action::ClearMark, help: "clear the mark", footer: HIDDEN },
    Binding {
        keys: &[ch('c')],
        action: Action::NextCandidate,
        help: "try the quote's next candidate passage",
        footer: HIDDEN,
    },
    Binding { keys: &[ch('t')], action: Action::NextTranscript, help: "show the next transcript", footer: HIDDEN },
    Binding {
        keys: &[ch('e')],
        action: Action::EditNote,
        help: "edit the note on this quote / item",
        footer: both("note"),
    },
    Binding { keys: &[ch('/')], action: Action::Search, help: "search the focused pane", footer: both("search") },
    Binding { keys: &[ch('n')], action: Action::SearchNext, help: "next search hit", footer: HIDDEN },
    Binding { keys: &[ch('N')], action: Action::SearchPrev, help: "previous search hit", footer: HIDDEN },
    Binding { keys: &[ch('y')], action: Action::Copy, help: "copy the source passage (OSC 52)", footer: HIDDEN },
    Binding { keys: &[ch('E')], action: Action::Export, help: "export the Markdown report", footer: HIDDEN },
    Binding { keys: &[ch('?')], action: Action::Help, help: "help (this screen)", footer: both("help") },
    Binding {
        keys: &[ch('q'), ctrl('c')],
        action: Action::Quit,
        help: "quit (the session is already saved)",
        footer: both("quit"),
    },
];

/// The keys of the help overlay: it closes, the rest waits.
pub const HELP: &[Binding] = &[
    Binding {
        keys: &[ch('?'), plain(KeyCode::Esc)],
        action: Action::Help,
        help: "close the help",
        footer: both("close"),
    },
    Binding {
        keys: &[ch('j'), plain(KeyCode::Down)],
        action: Action::HelpScroll(1),
        help: "scroll the help down",
        footer: both("scroll"),
    },
    Binding {
        keys: &[ch('k'), plain(KeyCode::Up)],
        action: Action::HelpScroll(-1),
        help: "scroll the help up",
        footer: both("scroll"),
    },
    Binding {
        keys: &[plain(KeyCode::PageDown), ch(' ')],
        action: Action::HelpScroll(super::app::HELP_PAGE),
        help: "scroll the help a page down",
        footer: HIDDEN,
    },
    Binding {
        keys: &[plain(KeyCode::PageUp)],
        action: Action::HelpScroll(-super::app::HELP_PAGE),
        help: "scroll the help a page up",
        footer: HIDDEN,
    },
    Binding { keys: &[ch('q'), ctrl('c')], action: Action::Quit, help: "quit", footer: both("quit") },
];

/// The keys of the one-line input (the note, the search); other keys type.
pub const INPUT: &[Binding] = &[
    Binding {
        keys: &[plain(KeyCode::Enter)],
        action: Action::Input(Edit::Submit),
        help: "keep the note / search",
        footer: both("keep"),
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        action: Action::Input(Edit::Cancel),
        help: "cancel",
        footer: both("cancel"),
    },
    Binding {
        keys: &[plain(KeyCode::Backspace)],
        action: Action::Input(Edit::Backspace),
        help: "delete back",
        footer: HIDDEN,
    },
    Binding {
        keys: &[plain(KeyCode::Delete)],
        action: Action::Input(Edit::Delete),
        help: "delete forward",
        footer: HIDDEN,
    },
    Binding { keys: &[plain(KeyCode::Left)], action: Action::Input(Edit::Left), help: "cursor left", footer: HIDDEN },
    Binding {
        keys: &[plain(KeyCode::Right)],
        action: Action::Input(Edit::Right),
        help: "cursor right",
        footer: HIDDEN,
    },
    Binding {
        keys: &[plain(KeyCode::Home), ctrl('a')],
        action: Action::Input(Edit::Home),
        help: "cursor to start",
        footer: HIDDEN,
    },
    Binding {
        keys: &[plain(KeyCode::End), ctrl('e')],
        action: Action::Input(Edit::End),
        help: "cursor to end",
        footer: HIDDEN,
    },
    Binding { keys: &[ctrl('c')], action: Action::Quit, help: "quit, keeping the note typed", footer: HIDDEN },
];

/// The keys of the frame shown while the documents are read and checked:
/// they quit at once (nothing has changed); every other key is dropped,
/// never run on a screen the fact-checker has not seen yet.
pub const LOADING: &[Binding] = &[Binding {
    keys: &[ch('q'), plain(KeyCode::Esc), ctrl('c')],
    action: Action::Quit,
    help: "quit",
    footer: both("quit"),
}];

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

/// The action a terminal event calls for in a mode, if any. A paste is
/// not a key: in every mode it is [`Action::Paste`], which the model
/// types into an input or ignores, so pasted text never runs as keys.
#[must_use]
pub fn action(mode: &Mode, event: &Event) -> Option<Action> {
    if let Event::Paste(text) = event {
        return Some(Action::Paste(text.clone()));
    }
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

/// The action a terminal event calls for while the documents are read
/// and checked: [`Action::Quit`] for the keys of [`LOADING`], else none.
#[must_use]
pub fn loading_action(event: &Event) -> Option<Action> {
    let key = event.as_key_press_event()?;
    LOADING.iter().find(|b| b.keys.iter().any(|k| k.matches(&key))).map(|b| b.action.clone())
}

/// The label of the first key bound to an action on the review screen
/// (`s` for marking reported speech supported), for messages that name it.
#[must_use]
pub fn key_for(action: &Action) -> Option<String> {
    NORMAL.iter().find(|b| b.action == *action).map(|b| b.keys[0].label())
}

/// The footer's hints in a list: `j/k quote  v a p u mark  ? help`.
#[must_use]
pub fn footer(mode: &Mode, list: List) -> String {
    footer_groups(mode, list).join("  ")
}

/// The footer's hints in the order they give way when space is short.
const GIVE_WAY: &[&str] =
    &["pane", "search", "note", "accept", "reported", "quotes", "scroll", "close", "mark", "quote", "item"];

/// As many of the footer's hints as fit in `width` columns; help and quit
/// always stay, and the rest give way in the order of [`GIVE_WAY`].
#[must_use]
pub fn footer_within(mode: &Mode, list: List, width: usize) -> String {
    let mut groups = footer_groups(mode, list);
    let len = |g: &[String]| g.iter().map(|s| s.chars().count()).sum::<usize>() + 2 * g.len().saturating_sub(1);
    for word in GIVE_WAY {
        if len(&groups) <= width {
            break;
        }
        groups.retain(|g| !g.ends_with(&format!(" {word}")));
    }
    groups.join("  ")
}

fn footer_groups(mode: &Mode, list: List) -> Vec<String> {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for b in bindings(mode) {
        let Some(word) = b.footer.word(list) else { continue };
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
        for table in [NORMAL, HELP, INPUT, LOADING] {
            let keys: Vec<Key> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{} is bound twice", a.label());
            }
        }
    }

    #[test]
    fn every_key_of_the_design_is_bound() {
        for (code, modifiers, expected) in [
            (KeyCode::Char('j'), KeyModifiers::NONE, Action::NextItem),
            (KeyCode::Down, KeyModifiers::NONE, Action::NextItem),
            (KeyCode::Char('k'), KeyModifiers::NONE, Action::PrevItem),
            (KeyCode::Char('J'), KeyModifiers::SHIFT, Action::NextUnmarked),
            (KeyCode::Char('K'), KeyModifiers::SHIFT, Action::PrevUnmarked),
            (KeyCode::Tab, KeyModifiers::NONE, Action::SwitchFocus),
            (KeyCode::PageDown, KeyModifiers::NONE, Action::PageDown),
            (KeyCode::Char('d'), KeyModifiers::CONTROL, Action::HalfPageDown),
            (KeyCode::Char('u'), KeyModifiers::CONTROL, Action::HalfPageUp),
            (KeyCode::Char('g'), KeyModifiers::NONE, Action::FirstItem),
            (KeyCode::Char('G'), KeyModifiers::SHIFT, Action::LastItem),
            (KeyCode::Char('r'), KeyModifiers::NONE, Action::SwitchList),
            (KeyCode::Char('v'), KeyModifiers::NONE, Action::Mark(Category::Verbatim)),
            (KeyCode::Char('a'), KeyModifiers::NONE, Action::Mark(Category::Altered)),
            (KeyCode::Char('p'), KeyModifiers::NONE, Action::Mark(Category::Paraphrase)),
            (KeyCode::Char('u'), KeyModifiers::NONE, Action::Mark(Category::Unsupported)),
            (KeyCode::Char('s'), KeyModifiers::NONE, Action::Judge(Verdict::Supported)),
            (KeyCode::Char('d'), KeyModifiers::NONE, Action::Judge(Verdict::Distorted)),
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
    fn while_loading_only_the_quit_keys_do_anything() {
        for (code, modifiers, expected) in [
            (KeyCode::Char('q'), KeyModifiers::NONE, Some(Action::Quit)),
            (KeyCode::Esc, KeyModifiers::NONE, Some(Action::Quit)),
            (KeyCode::Char('c'), KeyModifiers::CONTROL, Some(Action::Quit)),
            (KeyCode::Char('v'), KeyModifiers::NONE, None),
            (KeyCode::Char('j'), KeyModifiers::NONE, None),
            (KeyCode::Enter, KeyModifiers::NONE, None),
        ] {
            assert_eq!(loading_action(&press(code, modifiers)), expected, "{code:?} {modifiers:?}");
        }
        assert_eq!(loading_action(&Event::Paste("q".to_owned())), None, "a paste is not a key");
    }

    #[test]
    fn a_paste_is_never_a_key() {
        let paste = Event::Paste("q".to_owned());
        for mode in [Mode::Normal, Mode::Help, Mode::Note(super::super::app::Input::default())] {
            assert_eq!(action(&mode, &paste), Some(Action::Paste("q".to_owned())), "{mode:?}");
        }
    }

    #[test]
    fn the_footer_groups_keys_by_word_and_shows_the_marks_of_the_list() {
        assert_eq!(
            footer(&Mode::Normal, List::Quotes),
            "j/k quote  r reported  Tab pane  v a p u mark  Enter accept  e note  / search  ? help  q quit"
        );
        assert_eq!(
            footer(&Mode::Normal, List::Reported),
            "j/k item  r quotes  Tab pane  s d u mark  Enter accept  e note  / search  ? help  q quit"
        );
    }

    #[test]
    fn messages_name_the_keys_of_the_table() {
        assert_eq!(key_for(&Action::SwitchList).as_deref(), Some("r"));
        assert_eq!(key_for(&Action::Judge(Verdict::Distorted)).as_deref(), Some("d"));
        assert_eq!(key_for(&Action::Input(Edit::Submit)), None, "the review screen's keys only");
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
        assert_eq!(footer_within(&Mode::Normal, List::Quotes, 40), "j/k quote  v a p u mark  ? help  q quit");
        assert_eq!(footer_within(&Mode::Normal, List::Reported, 40), "j/k item  s d u mark  ? help  q quit");
        assert_eq!(footer_within(&Mode::Normal, List::Quotes, 5), "? help  q quit");
    }
}
