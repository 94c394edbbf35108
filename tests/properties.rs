//! The engine's invariants on random and mutated inputs.

use proptest::prelude::*;
use quotecheck::document::Format;
use quotecheck::report::{Format as ReportFormat, Report};
use quotecheck::{Category, Check, Document};

/// Words speech is made of here: function words and content words.
const WORDS: &[&str] = &[
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "we",
    "it",
    "is",
    "that",
    "they",
    "not",
    "with",
    "for",
    "on",
    "our",
    "be",
    "will",
    "this",
    "are",
    "have",
    "but",
    "so",
    "very",
    "all",
    "what",
    "there",
    "um",
    "uh",
    "would",
    "can",
    "people",
    "country",
    "government",
    "border",
    "peace",
    "war",
    "talks",
    "minister",
    "budget",
    "taxes",
    "schools",
    "bridge",
    "winter",
    "energy",
    "prices",
    "families",
    "workers",
    "future",
    "security",
    "agreement",
    "election",
    "courts",
    "weapons",
    "missiles",
    "treaty",
    "history",
    "hospital",
    "doctors",
    "farmers",
    "water",
    "river",
    "summer",
    "promise",
    "ready",
    "strong",
    "fair",
    "serious",
    "dangerous",
    "build",
    "defend",
    "protect",
    "support",
    "negotiate",
    "respect",
    "understand",
    "believe",
    "decide",
    "thirty",
    "2024",
    "million",
    "neighbours",
    "Kyiv",
    "don't",
    "it's",
    "long-range",
    "U.S.",
    "percent",
];

/// Words that appear in no transcript here.
const NONCE: &str = "zorblax";

fn speech() -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(prop::sample::select(WORDS), 60..400)
}

/// Speech as a transcript: sentences of eight to fifteen words, paragraphs
/// of a few sentences.
fn transcript_of(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        out.push_str(word);
        out.push(match i % 11 {
            10 if i % 33 == 32 => '\n',
            10 => '.',
            _ => ' ',
        });
        if i % 11 == 10 {
            out.push(if i % 33 == 32 { '\n' } else { ' ' });
        }
    }
    out
}

/// The category of an article that quotes `quote` once, against a
/// transcript.
fn category_of(quote: &str, transcript: &str) -> Category {
    let article = Document::from_text("a.txt", &format!("The minister said: \u{201c}{quote}\u{201d}\n"));
    let transcripts = [Document::from_text("t.txt", transcript)];
    let check = Check::run(&article, &transcripts);
    check.quotes.first().map_or(Category::Unsupported, |q| q.suggestion)
}

/// A stretch of `words` of `len` words from `at` (both wrapped to fit).
fn window<'a>(words: &[&'a str], at: usize, len: usize) -> Vec<&'a str> {
    let len = len.clamp(1, words.len());
    let start = at % (words.len() - len + 1);
    words[start..start + len].to_vec()
}

/// Any text: words, blanks, punctuation, quotation marks of every kind,
/// wide characters, emoji with joiners, combining marks, controls.
fn any_text() -> impl Strategy<Value = String> {
    "[a-zA-Zé東👩\u{200d}\u{301} \n\t\"“”'‘’«»„「」.,;:!?…\\[\\]()\u{7}\u{1b}0-9%$-]{0,400}"
}

proptest! {
    // 64 cases each by default; `PROPTEST_CASES=10000` for a deeper sweep.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    #[test]
    fn nothing_panics_and_every_span_lies_inside_its_text(article in any_text(), transcript in any_text()) {
        let (Ok(article), Ok(transcript)) = (
            Document::from_bytes("a.txt", article.as_bytes(), None, Format::Auto),
            Document::from_bytes("t.txt", transcript.as_bytes(), None, Format::Auto),
        ) else {
            return Ok(());
        };
        let transcripts = [transcript];
        let check = Check::run(&article, &transcripts);
        for checked in &check.quotes {
            let q = checked.quote.span;
            prop_assert!(q.lies_in(&article.text), "quote {q:?}");
            prop_assert!(checked.quote.marked.start <= q.start && q.end <= checked.quote.marked.end);
            for a in &checked.candidates {
                prop_assert!(a.source.lies_in(&transcripts[0].text), "source {:?}", a.source);
                for d in &a.differences {
                    if let Some(s) = d.quote {
                        prop_assert!(s.lies_in(&article.text), "difference {d:?}");
                    }
                    if let Some(s) = d.source {
                        prop_assert!(s.lies_in(&transcripts[0].text), "difference {d:?}");
                    }
                }
            }
        }
        let report = Report { article: &article, transcripts: &transcripts, check: &check, verdicts: &[], judgements: &[], orphans: &[] };
        for format in [ReportFormat::Json, ReportFormat::Markdown, ReportFormat::Csv] {
            let mut out = Vec::new();
            prop_assert!(report.write(format, &mut out).is_ok());
        }
    }

    #[test]
    fn a_quote_copied_from_the_transcript_is_verbatim(words in speech(), at in 0usize..10_000, len in 1usize..40) {
        let transcript = transcript_of(&words);
        let tokens: Vec<&str> = transcript.split_whitespace().collect();
        let quote = window(&tokens, at, len).join(" ");
        prop_assert_eq!(category_of(&quote, &transcript), Category::Verbatim, "{}", quote);
    }

    #[test]
    fn a_marked_elision_keeps_a_quote_verbatim(words in speech(), at in 0usize..10_000, len in 5usize..40, cut in 0usize..100) {
        let transcript = transcript_of(&words);
        let tokens: Vec<&str> = transcript.split_whitespace().collect();
        let w = window(&tokens, at, len);
        prop_assume!(w.len() >= 5);
        let skip_start = 2 + cut % (w.len() - 4);
        let skip_len = 1 + cut % (w.len() - skip_start - 2).max(1);
        let quote = format!("{} … {}", w[..skip_start].join(" "), w[skip_start + skip_len..].join(" "));
        prop_assert_eq!(category_of(&quote, &transcript), Category::Verbatim, "{}", quote);
    }

    #[test]
    fn a_bracketed_insertion_keeps_a_quote_verbatim(words in speech(), at in 0usize..10_000, len in 3usize..40, place in 1usize..100) {
        let transcript = transcript_of(&words);
        let tokens: Vec<&str> = transcript.split_whitespace().collect();
        let mut w: Vec<String> = window(&tokens, at, len).iter().map(|s| (*s).to_owned()).collect();
        prop_assume!(w.len() >= 3);
        w.insert(1 + place % (w.len() - 1), format!("[{NONCE}]"));
        let quote = w.join(" ");
        prop_assert_eq!(category_of(&quote, &transcript), Category::Verbatim, "{}", quote);
    }

    #[test]
    fn changing_one_content_word_makes_a_quote_altered(words in speech(), at in 0usize..10_000, len in 6usize..40, which in 0usize..100) {
        let transcript = transcript_of(&words);
        let tokens: Vec<&str> = transcript.split_whitespace().collect();
        let w = window(&tokens, at, len);
        prop_assume!(w.len() >= 6);
        let content: Vec<usize> = (0..w.len())
            .filter(|&i| w[i].chars().all(char::is_alphabetic) && w[i].len() > 4 && w[i].chars().all(char::is_lowercase))
            .collect();
        // Function words alone are no evidence: keep two content words.
        prop_assume!(content.len() >= 3);
        let target = content[which % content.len()];
        let quote: Vec<&str> = w.iter().enumerate().map(|(i, word)| if i == target { NONCE } else { word }).collect();
        let quote = quote.join(" ");
        prop_assert_eq!(category_of(&quote, &transcript), Category::Altered, "{}", quote);
    }

    #[test]
    fn crlf_or_lf_gives_the_same_results(words in speech(), at in 0usize..10_000, len in 1usize..30, which in 0usize..100) {
        let transcript = transcript_of(&words);
        let tokens: Vec<&str> = transcript.split_whitespace().collect();
        let mut w: Vec<&str> = window(&tokens, at, len);
        if which % 3 == 0 && !w.is_empty() {
            let i = which % w.len();
            w[i] = NONCE;
        }
        let article = format!("Intro line.\n\nThe minister said: \u{201c}{}\u{201d}\n\nMore.\n", w.join(" "));
        let run = |article: &str, transcript: &str| {
            let a = Document::from_text("a.txt", article);
            let t = [Document::from_text("t.txt", transcript)];
            Check::run(&a, &t).quotes.iter().map(|q| (q.suggestion, q.candidates.len())).collect::<Vec<_>>()
        };
        let lf = run(&article, &transcript);
        let crlf = run(&article.replace('\n', "\r\n"), &transcript.replace('\n', "\r\n"));
        prop_assert_eq!(lf, crlf);
    }
}
