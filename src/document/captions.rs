//! SRT and WebVTT captions: the words, when they were said, and by whom.
//!
//! ```text
//! 00:01:02.000 --> 00:01:04.000 align:start     cue timing (settings dropped)
//! <v Sergey Lavrov>We would <i>like</i>          voice → speaker; tags dropped
//! >> And this kind of threats                   `>>` → a new speaker
//! LAVROV: We are ready                          a label → that speaker
//! we<00:01:03.500><c> are</c>                   inline word timing
//! [Music]                                       sound description: left out
//! ```
//!
//! Cues are joined into running text; a new speaker starts a paragraph.
//! YouTube's automatic captions repeat each line in the next cue (a
//! "rolling" display): a line that repeats one just shown, or opens with
//! the last words shown, is left out so that the text reads once.

use std::collections::VecDeque;

use super::build::{Builder, Built};
use super::speakers::is_speaker_name;

/// Which caption format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// SubRip.
    Srt,
    /// WebVTT.
    Vtt,
}

/// Lines recently shown, to spot rolling duplicates.
const RECENT_LINES: usize = 3;

/// Words a line must repeat to be taken for a rolling duplicate.
const ROLLING_MIN_WORDS: usize = 3;

/// Reads captions into text, turns and times.
#[must_use]
pub fn parse(source: &str, kind: Kind) -> Built {
    let mut b = Builder::new(source);
    let mut recent: VecDeque<String> = VecDeque::new();
    let mut recent_words: Vec<String> = Vec::new();
    let mut lines = lines_with_offsets(source).peekable();
    if kind == Kind::Vtt {
        // The header block, up to the first blank line.
        for (_, line) in lines.by_ref() {
            if line.trim().is_empty() {
                break;
            }
        }
    }
    let mut in_cue = false;
    let mut skipping_block = false;
    while let Some((at, line)) = lines.next() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            in_cue = false;
            skipping_block = false;
            continue;
        }
        if skipping_block {
            continue;
        }
        if !in_cue {
            if kind == Kind::Vtt && (trimmed.starts_with("NOTE") || trimmed == "STYLE" || trimmed == "REGION") {
                skipping_block = true;
                continue;
            }
            let timing = if trimmed.contains("-->") {
                Some(trimmed)
            } else {
                // An index or identifier line comes before the timing.
                match lines.peek() {
                    Some((_, next)) if next.contains("-->") => {
                        let next = next.trim();
                        lines.next();
                        Some(next)
                    }
                    _ => None,
                }
            };
            if let Some(start) = timing.and_then(|t| parse_time(t.split("-->").next().unwrap_or(""))) {
                b.time(start);
                in_cue = true;
            }
            continue;
        }
        payload_line(&mut b, source, at, line, kind, &mut recent, &mut recent_words);
    }
    b.finish()
}

/// Lines with the offset of their first byte, without line ends.
fn lines_with_offsets(source: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    source.split_inclusive('\n').map(move |raw| {
        let start = at;
        at += raw.len();
        (start, raw.trim_end_matches(['\n', '\r']))
    })
}

/// A time like `00:01:02,345`, `01:02.345` or `1:02:03`, in milliseconds.
#[must_use]
pub fn parse_time(s: &str) -> Option<u64> {
    let s = s.trim();
    let s = s.split_whitespace().next()?;
    let (clock, millis) = match s.rsplit_once(['.', ',']) {
        Some((clock, ms)) if ms.len() <= 3 && ms.bytes().all(|b| b.is_ascii_digit()) => {
            (clock, ms.parse::<u64>().ok()? * 10u64.pow(3 - u32::try_from(ms.len()).ok()?))
        }
        _ => (s, 0),
    };
    let parts: Vec<u64> = clock.split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    // A clock too big for milliseconds in 64 bits is no time.
    let seconds = match parts.as_slice() {
        [h, m, s] if *m < 60 && *s < 60 => h.checked_mul(3600)?.checked_add(m * 60 + s)?,
        [m, s] if *s < 60 => m.checked_mul(60)?.checked_add(*s)?,
        _ => return None,
    };
    seconds.checked_mul(1000)?.checked_add(millis)
}

/// A piece of a cue line.
enum Bit<'a> {
    /// Text, as `source[start..end]`.
    Text(usize, usize),
    /// An entity (`&amp;`) standing for a character.
    Entity(&'a str, usize, usize),
    /// An inline timing (`<00:01:03.500>`).
    Time(u64),
    /// A voice (`<v Name>`).
    Voice(String),
}

/// The pieces of one line of a cue: its text, with tags and sound
/// descriptions taken out.
fn bits(source: &str, start: usize, end: usize) -> Vec<Bit<'static>> {
    let mut out = Vec::new();
    let mut at = start;
    let mut text_from = start;
    let bytes = source.as_bytes();
    while at < end {
        match bytes[at] {
            b'<' | b'{' => {
                let close = if bytes[at] == b'<' { b'>' } else { b'}' };
                let Some(len) = bytes[at..end].iter().position(|&c| c == close) else { break };
                out.push(Bit::Text(text_from, at));
                let tag = &source[at + 1..at + len];
                if let Some(ms) = parse_time(tag).filter(|_| tag.contains(':')) {
                    out.push(Bit::Time(ms));
                } else if let Some(voice) = tag.strip_prefix('v').filter(|v| v.starts_with([' ', '.'])) {
                    let name = voice.split_once(' ').map_or("", |(_, n)| n).trim();
                    if !name.is_empty() {
                        out.push(Bit::Voice(name.to_owned()));
                    }
                }
                at += len + 1;
                text_from = at;
            }
            b'[' => {
                // A sound description: `[Music]`, `[Applause]`.
                let Some(len) = bytes[at..end].iter().position(|&c| c == b']') else {
                    at += 1;
                    continue;
                };
                out.push(Bit::Text(text_from, at));
                at += len + 1;
                text_from = at;
            }
            b'&' => {
                let semi = bytes[at..end.min(at + 10)].iter().position(|&c| c == b';');
                let decoded = semi.and_then(|s| entity(&source[at + 1..at + s]));
                if let (Some(s), Some(d)) = (semi, decoded) {
                    out.push(Bit::Text(text_from, at));
                    out.push(Bit::Entity(d, at, at + s + 1));
                    at += s + 1;
                    text_from = at;
                } else {
                    at += 1;
                }
            }
            _ => at += 1,
        }
    }
    out.push(Bit::Text(text_from, end.max(text_from)));
    out.retain(|b| !matches!(b, Bit::Text(s, e) if s >= e));
    out
}

/// The character an entity of captions stands for.
fn entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "nbsp" => " ",
        "quot" => "\"",
        "apos" => "'",
        "lrm" | "rlm" => "",
        _ => return None,
    })
}

/// Lowercased words of a line, for spotting repeats.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[allow(clippy::too_many_lines, reason = "one pass over a line: markers, repeats, then the text")]
fn payload_line(
    b: &mut Builder<'_>,
    source: &str,
    at: usize,
    line: &str,
    kind: Kind,
    recent: &mut VecDeque<String>,
    recent_words: &mut Vec<String>,
) {
    let end = at + line.len();
    let mut pieces = bits(source, at, end);
    // The plain text of the line, for repeats and markers.
    let plain: String = pieces
        .iter()
        .map(|p| match p {
            Bit::Text(s, e) => &source[*s..*e],
            Bit::Entity(d, ..) => d,
            _ => "",
        })
        .collect();
    let words = words_of(&plain);
    if words.is_empty() {
        for p in &pieces {
            if let Bit::Time(ms) = p {
                b.time(*ms);
            }
        }
        return;
    }
    let normal = words.join(" ");
    if words.len() >= ROLLING_MIN_WORDS && recent.contains(&normal) {
        return;
    }
    // Words this line repeats from the end of what was shown just before.
    let overlap = (ROLLING_MIN_WORDS..=words.len().min(recent_words.len()))
        .rev()
        .find(|&k| recent_words[recent_words.len() - k..] == words[..k])
        .unwrap_or(0);
    recent.push_back(normal);
    if recent.len() > RECENT_LINES {
        recent.pop_front();
    }
    recent_words.extend(words.iter().cloned());
    let keep = recent_words.len().saturating_sub(64);
    recent_words.drain(..keep);

    // Speaker markers at the start of the line.
    let mut voice: Option<String> = None;
    for p in &pieces {
        if let Bit::Voice(name) = p {
            voice = Some(name.clone());
        }
    }
    let lead = plain.trim_start();
    let mut skip_chars = plain.len() - lead.len();
    let mut new_turn: Option<Option<String>> = voice.map(Some);
    if let Some(rest) = lead.strip_prefix(">>") {
        new_turn = Some(None);
        skip_chars += 2 + (rest.len() - rest.trim_start().len());
    } else if kind == Kind::Srt && lead.starts_with("- ") {
        new_turn = Some(None);
        skip_chars += 2;
    }
    let after_marker = &plain[skip_chars..];
    if let Some((name, rest)) = after_marker.split_once(':')
        && (rest.starts_with([' ', '\t']) || rest.is_empty())
    {
        let name = name.trim();
        // In captions a name is in capitals, or follows `>>` or `-`:
        // `Look: here` is speech.
        let capitals = name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
        if is_speaker_name(name) && name.len() <= 40 && (capitals || new_turn.is_some()) {
            new_turn = Some(Some(name.to_owned()));
            skip_chars += name.len() + 1 + (rest.len() - rest.trim_start().len());
        }
    }
    let mut skip_words = overlap;
    if let Some(speaker) = new_turn {
        let same = speaker.is_some() && speaker.as_deref() == b.current_speaker();
        if !same {
            b.paragraph();
            b.turn(speaker.as_deref(), None);
        }
        skip_words = 0;
    } else {
        b.space();
    }
    // Copy the line, leaving out the marker and any repeated words.
    let mut plain_at = 0;
    let mut words_seen = 0;
    let mut in_word = false;
    for p in pieces.drain(..) {
        match p {
            Bit::Time(ms) => b.time(ms),
            Bit::Voice(_) => {}
            Bit::Entity(d, s, e) => {
                if plain_at >= skip_chars && words_seen >= skip_words {
                    if d == " " {
                        b.space();
                    } else {
                        b.put(d, s, e);
                    }
                }
                plain_at += d.len();
            }
            Bit::Text(s, e) => {
                let mut run_start: Option<usize> = None;
                for (i, c) in source[s..e].char_indices() {
                    let here = s + i;
                    let in_a_word = c.is_alphanumeric() || c == '\'';
                    if in_a_word && !in_word {
                        in_word = true;
                    } else if !in_a_word && in_word {
                        in_word = false;
                        words_seen += 1;
                    }
                    // Past the marker, and past the words the line repeats.
                    let shown = plain_at >= skip_chars && words_seen >= skip_words;
                    match (shown, run_start) {
                        (true, None) => run_start = Some(here),
                        (false, Some(r)) => {
                            b.copy_collapsed(r, here);
                            run_start = None;
                        }
                        _ => {}
                    }
                    plain_at += c.len_utf8();
                }
                if let Some(r) = run_start {
                    b.copy_collapsed(r, e);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str, kind: Kind) -> Built {
        parse(source, kind)
    }

    #[test]
    fn a_label_with_nothing_after_it_ends_with_the_text() {
        // Cues whose last words are a speaker label and a blank: the turn
        // the label opens, and its time, fall in the trimmed tail.
        for source in [
            "0:00,500 --> \nL01:&02\nL:\n- :&",
            "1\n00:00:01,615 --> 00:00:000\n- Yes.00\n>> LATRO: ",
            "00:00,500 -->\n>> A: hello\n\n00:00:02,000 --> 00:00:03,000\n>> B: ",
        ] {
            let built = read(source, Kind::Srt);
            for turn in &built.turns {
                assert!(turn.body.lies_in(&built.text), "{source:?}: {turn:?} in {:?}", built.text);
                assert!(turn.label.is_none_or(|l| l.lies_in(&built.text)), "{source:?}: {turn:?}");
            }
            assert!(built.times.iter().all(|&(at, _)| at <= built.text.len()), "{source:?}: {:?}", built.times);
        }
    }

    #[test]
    fn times_parse_in_both_styles() {
        for (s, ms) in [
            ("00:01:02,345", Some(62_345)),
            ("00:01:02.345", Some(62_345)),
            ("01:02.5", Some(62_500)),
            ("1:02:03", Some(3_723_000)),
            ("00:00:01.000 --> x", Some(1000)),
            ("hello", None),
            ("00:61:00.000", None),
            // Too big for milliseconds in 64 bits.
            ("10000000039804337950:00:05", None),
            ("7483252092553221457:00,500", None),
            ("500505050500050:000", None),
        ] {
            assert_eq!(parse_time(s), ms, "{s}");
        }
    }

    #[test]
    fn srt_cues_read_as_running_text_with_their_times() {
        let srt = "1\n00:00:01,000 --> 00:00:03,000\nWe would like to have\n<i>normal relations</i>\n\n2\n00:00:03,500 --> 00:00:05,000\nwith all our neighbors.\n";
        let built = read(srt, Kind::Srt);
        assert_eq!(built.text, "We would like to have normal relations with all our neighbors.");
        let with = built.text.find("with").expect("with");
        // The second cue's time starts at the space before its first word.
        assert_eq!(built.times, [(0, 1000), (with - 1, 3500)]);
        let normal = built.text.find("normal").expect("normal");
        assert_eq!(&srt[built.map.start(normal)..built.map.end(normal + 6)], "normal");
    }

    #[test]
    fn vtt_voices_tags_inline_times_and_sounds() {
        let vtt = "WEBVTT\nKind: captions\n\nNOTE a comment\n\n00:00:01.000 --> 00:00:04.000 align:start position:0%\n<v Sergey Lavrov>We are<00:00:02.500><c> ready</c> [Applause]\n\n00:00:04.000 --> 00:00:06.000\n<v Tucker Carlson>Thank you &amp; goodbye\n";
        let built = read(vtt, Kind::Vtt);
        assert_eq!(built.text, "We are ready\n\nThank you & goodbye");
        assert_eq!(built.speakers, ["Sergey Lavrov", "Tucker Carlson"]);
        let ready = built.text.find("ready").expect("ready");
        assert!(built.times.contains(&(0, 1000)) && built.times.contains(&(ready - 1, 2500)), "{:?}", built.times);
    }

    #[test]
    fn rolling_auto_captions_read_once() {
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nwe would like to have\n\n00:00:03.000 --> 00:00:03.010\nwe would like to have\n\n00:00:03.010 --> 00:00:05.000\nwe would like to have\nnormal relations with all\n\n00:00:05.000 --> 00:00:07.000\nnormal relations with all\nour neighbors of course\n";
        let built = read(vtt, Kind::Vtt);
        assert_eq!(built.text, "we would like to have normal relations with all our neighbors of course");
    }

    #[test]
    fn speaker_changes_and_labels_in_captions() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\n>> LAVROV: We are ready.\n\n2\n00:00:02,000 --> 00:00:03,000\n>> Are you?\n\n3\n00:00:03,000 --> 00:00:04,000\n- Yes.\n";
        let built = read(srt, Kind::Srt);
        assert_eq!(built.text, "We are ready.\n\nAre you?\n\nYes.");
        assert_eq!(built.speakers, ["LAVROV"]);
        assert_eq!(built.turns.iter().map(|t| t.speaker).collect::<Vec<_>>(), [Some(0), None, None]);
    }
}
