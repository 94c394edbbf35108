//! The frame shown while the documents are read and checked: every stage
//! reached so far, the one under way last, and the keys that quit.
//!
//! ```text
//! ┌ quotecheck ─────────────────────────────────────┐
//! │✓ Read article.txt (4.1 KB)                       │
//! │✓ Read transcript.txt (20.0 MB)                   │
//! │✓ Indexed the words of transcript.txt             │
//! │  Aligning 10 quotes: 3 done…                     │
//! │                                                  │
//! │q Esc Ctrl-c quit; other keys wait for the quotes │
//! └──────────────────────────────────────────────────┘
//! ```
//!
//! [`Loading`] is a model like the review screen's: [`Loading::update`]
//! takes each [`Progress`] report, and the view only borrows it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::keymap;
use super::theme::Theme;
use super::view::elide_middle;
use crate::check::Stage;

/// How far the loading has got, as reported while it works.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// A file is being read.
    Reading {
        /// Its path, as given.
        name: String,
        /// Its size in bytes.
        bytes: u64,
    },
    /// The check has reached a stage.
    Checking(Stage),
}

/// The loading frame's model: the stages reached, in order.
#[derive(Clone, Debug)]
pub struct Loading {
    /// The transcripts' names, for the stages that give only an index.
    transcripts: Vec<String>,
    steps: Vec<Progress>,
    theme: Theme,
}

impl Loading {
    /// Nothing reached yet, for a check of transcripts with these names.
    #[must_use]
    pub const fn new(transcripts: Vec<String>, theme: Theme) -> Self {
        Self { transcripts, steps: Vec::new(), theme }
    }

    /// Takes a report: a new stage is added; quotes aligned one by one
    /// update their one line.
    pub fn update(&mut self, progress: Progress) {
        let aligning = |p: &Progress| matches!(p, Progress::Checking(Stage::Aligning { .. }));
        match self.steps.last_mut() {
            Some(last) if aligning(last) && aligning(&progress) => *last = progress,
            _ => self.steps.push(progress),
        }
    }

    /// The lines the frame shows: `(done, text)`, the stage under way last.
    #[must_use]
    pub fn lines(&self) -> Vec<(bool, String)> {
        let count = self.steps.len();
        self.steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let under_way = i + 1 == count;
                match step {
                    Progress::Reading { name, bytes } if under_way => {
                        (false, format!("Reading {name} ({})…", size(*bytes)))
                    }
                    Progress::Reading { name, bytes } => (true, format!("Read {name} ({})", size(*bytes))),
                    Progress::Checking(Stage::Indexing { transcript, .. }) => {
                        let name = self.transcripts.get(*transcript).map_or("the transcript", String::as_str);
                        if under_way {
                            (false, format!("Indexing the words of {name}…"))
                        } else {
                            (true, format!("Indexed the words of {name}"))
                        }
                    }
                    Progress::Checking(Stage::Aligning { of: 0, .. }) => (true, "The article has no quotes".to_owned()),
                    Progress::Checking(Stage::Aligning { done, of }) if done < of => {
                        (false, format!("Aligning {of} quote{}: {done} done…", plural(*of)))
                    }
                    Progress::Checking(Stage::Aligning { of, .. }) => {
                        (true, format!("Aligned {of} quote{}", plural(*of)))
                    }
                }
            })
            .collect()
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A size in bytes as people read it: `812 bytes`, `4.1 KB`, `20.0 MB`.
#[must_use]
pub fn size(bytes: u64) -> String {
    let units = ["KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    if value < 1000.0 {
        return format!("{bytes} byte{}", if bytes == 1 { "" } else { "s" });
    }
    let mut unit = 0;
    value /= 1000.0;
    while value >= 999.95 && unit + 1 < units.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", units[unit])
}

impl Widget for &Loading {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let keys: Vec<String> =
            keymap::LOADING.iter().flat_map(|b| b.keys.iter().map(|k| k.label())).collect::<Vec<_>>();
        let hint = format!("{} quit; other keys wait for the quotes", keys.join(" "));
        let width = area.width.min(72);
        let inner_width = usize::from(width.saturating_sub(2));
        let mut lines: Vec<Line<'static>> = self
            .lines()
            .into_iter()
            .map(|(done, text)| {
                let text = elide_middle(&text, inner_width.saturating_sub(2));
                if done {
                    Line::raw(format!("✓ {text}"))
                } else {
                    Line::styled(format!("  {text}"), Style::new().add_modifier(Modifier::BOLD))
                }
            })
            .collect();
        if lines.is_empty() {
            lines.push(Line::styled("  Starting…", Style::new().add_modifier(Modifier::BOLD)));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(hint, self.theme.aside()));
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX).min(area.height);
        let x = area.x + (area.width - width) / 2;
        let y = area.y + (area.height - height) / 2;
        let block = Block::new().borders(Borders::ALL).border_style(self.theme.border(true)).title(" quotecheck ");
        Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).render(Rect::new(x, y, width, height), buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        for (bytes, shown) in [
            (0, "0 bytes"),
            (1, "1 byte"),
            (999, "999 bytes"),
            (1000, "1.0 KB"),
            (4_096, "4.1 KB"),
            (999_949, "999.9 KB"),
            (999_960, "1.0 MB"),
            (20_007_491, "20.0 MB"),
            (3_500_000_000, "3.5 GB"),
        ] {
            assert_eq!(size(bytes), shown, "{bytes}");
        }
    }

    #[test]
    fn each_stage_reached_is_listed_and_the_one_under_way_is_last() {
        let mut loading = Loading::new(vec!["speech.txt".to_owned()], Theme { color: false });
        let read = |name: &str, bytes| Progress::Reading { name: name.to_owned(), bytes };
        let aligning = |done, of| Progress::Checking(Stage::Aligning { done, of });
        // (the report, then every line the frame shows: done, text)
        let steps: Vec<(Progress, Vec<(bool, &str)>)> = vec![
            (read("story.txt", 4_100), vec![(false, "Reading story.txt (4.1 KB)…")]),
            (
                read("speech.txt", 20_000_000),
                vec![(true, "Read story.txt (4.1 KB)"), (false, "Reading speech.txt (20.0 MB)…")],
            ),
            (
                Progress::Checking(Stage::Indexing { transcript: 0, of: 1 }),
                vec![
                    (true, "Read story.txt (4.1 KB)"),
                    (true, "Read speech.txt (20.0 MB)"),
                    (false, "Indexing the words of speech.txt…"),
                ],
            ),
            (aligning(0, 10), vec![(true, "Indexed the words of speech.txt"), (false, "Aligning 10 quotes: 0 done…")]),
            (aligning(3, 10), vec![(true, "Indexed the words of speech.txt"), (false, "Aligning 10 quotes: 3 done…")]),
            (aligning(10, 10), vec![(true, "Indexed the words of speech.txt"), (true, "Aligned 10 quotes")]),
        ];
        for (progress, expected) in steps {
            loading.update(progress.clone());
            let lines = loading.lines();
            let tail: Vec<(bool, &str)> =
                lines[lines.len().saturating_sub(expected.len())..].iter().map(|(d, t)| (*d, t.as_str())).collect();
            assert_eq!(tail, expected, "after {progress:?}");
        }
        assert_eq!(loading.lines().len(), 4, "one line per stage, the quotes' updated in place");
        let mut empty = Loading::new(vec!["t.txt".to_owned()], Theme { color: false });
        empty.update(aligning(0, 0));
        assert_eq!(empty.lines(), [(true, "The article has no quotes".to_owned())]);
    }
}
