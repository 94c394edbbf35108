//! Web pages: the main text, paragraphs kept, menus, footers and scripts
//! left out.
//!
//! The page is tokenized by `html5gum`, which gives every run of text the
//! bytes it came from. When the page has an `<article>` or a `<main>`,
//! only their text is read; otherwise the body's. Scripts, styles,
//! navigation, asides, forms, footers and elements whose class or id says
//! they are page furniture (`nav`, `menu`, `share`, `related`, `cookie`…)
//! are skipped. Block elements end paragraphs; `<br>` ends a line.

use html5gum::emitters::default::DefaultEmitter;
use html5gum::{Token, Tokenizer};

use super::build::{Builder, Built};

/// Elements whose text is never the page's.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head", "nav", "footer", "aside", "form", "button",
    "select", "option", "iframe", "object", "canvas", "menu", "dialog",
];

/// Elements that start and end paragraphs.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "caption",
    "title",
];

/// Elements that never have an end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Words in a class or id that mark page furniture.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "related",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "advert",
    "ad",
    "ads",
    "promo",
    "newsletter",
    "cookie",
    "cookies",
    "subscribe",
    "breadcrumb",
    "breadcrumbs",
    "skip",
    "popup",
    "modal",
    "banner",
];

/// True when a page looks like HTML.
#[must_use]
pub fn sniff(source: &str) -> bool {
    let head: String = source.chars().take(2048).collect::<String>().to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") || head.contains("<head>")
}

fn is_furniture(tag: &html5gum::emitters::default::StartTag<usize>) -> bool {
    ["class", "id", "role"].iter().any(|attr| {
        tag.attributes.get(attr.as_bytes()).is_some_and(|value| {
            let value = String::from_utf8_lossy(value).to_lowercase();
            value.split(|c: char| !c.is_alphanumeric()).any(|word| FURNITURE.contains(&word))
        })
    })
}

/// Reads a page's main text.
#[must_use]
pub fn parse(source: &str) -> Built {
    let lower = source.to_lowercase();
    let has_main = lower.len() == source.len() && (lower.contains("<article") || lower.contains("<main"));
    let mut b = Builder::new(source);
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    // Open elements: name, and whether they skip their text.
    let mut stack: Vec<(Vec<u8>, bool)> = Vec::new();
    let mut skipping = 0usize;
    let mut inside_main = 0usize;
    for token in Tokenizer::new_with_emitter(source, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                let name_str = String::from_utf8_lossy(&name).into_owned();
                let block = BLOCKS.contains(&name_str.as_str());
                if name_str == "br" {
                    b.line();
                } else if block {
                    b.paragraph();
                }
                if VOID.contains(&name_str.as_str()) || tag.self_closing {
                    continue;
                }
                let skip = SKIPPED.contains(&name_str.as_str()) || (block && is_furniture(&tag));
                if skip {
                    skipping += 1;
                }
                if matches!(name_str.as_str(), "article" | "main") {
                    inside_main += 1;
                }
                stack.push((name, skip));
            }
            Token::EndTag(tag) => {
                let name = tag.name.to_ascii_lowercase();
                let Some(at) = stack.iter().rposition(|(open, _)| *open == name) else { continue };
                for (open, skip) in stack.drain(at..) {
                    if skip {
                        skipping -= 1;
                    }
                    if matches!(open.as_slice(), b"article" | b"main") {
                        inside_main -= 1;
                    }
                }
                if BLOCKS.contains(&String::from_utf8_lossy(&name).as_ref()) {
                    b.paragraph();
                }
            }
            Token::String(text) if skipping == 0 && (!has_main || inside_main > 0) => {
                let (start, end) = (text.span.start.min(source.len()), text.span.end.min(source.len()));
                if source.is_char_boundary(start) && source.is_char_boundary(end) {
                    b.copy_markup(start, end);
                }
            }
            _ => {}
        }
    }
    b.paragraph();
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_text_with_paragraphs_and_offsets() {
        let page = "<!DOCTYPE html><html><head><title>T</title><script>var x = \"no\";</script></head><body>\
            <nav><a href=/>Home</a> <a>World</a></nav><article><h1>Lavrov insists</h1>\
            <p>He said he saw &ldquo;no reason&rdquo;\n   to doubt it.<br>Next line.</p>\
            <div class=\"share-tools\">Share this</div><p>Trump, he said, was &quot;a strong person&quot;.</p>\
            </article><footer>© 2024</footer></body></html>";
        let built = parse(page);
        assert_eq!(
            built.text,
            "Lavrov insists\n\nHe said he saw “no reason” to doubt it.\nNext line.\n\nTrump, he said, was \"a strong person\"."
        );
        let reason = built.text.find("no reason").expect("found");
        assert_eq!(&page[built.map.start(reason)..built.map.end(reason + 9)], "no reason");
        let quote = built.text.find('“').expect("found");
        assert_eq!(&page[built.map.start(quote)..built.map.end(quote + '“'.len_utf8())], "&ldquo;");
    }

    #[test]
    fn a_page_without_article_reads_its_body() {
        let built = parse("<html><body><p>One</p><ul class=menu><li>Nav</li></ul><p>Two</p></body></html>");
        assert_eq!(built.text, "One\n\nTwo");
    }

    #[test]
    fn pages_are_recognised() {
        assert!(sniff("<!doctype html>\n<html>"));
        assert!(sniff("  <html lang=en>"));
        assert!(!sniff("He said \"<b>\" was bold."));
    }
}
