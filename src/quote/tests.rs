//! Quote extraction, as tables: each article marks the quotes it should
//! yield with `⟦` and `⟧`, which are removed before extraction.

use super::*;

/// The article without its markers, and the spans the markers enclose.
pub(crate) fn marked(article: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = Vec::new();
    for c in article.chars() {
        match c {
            '⟦' => open.push(text.len()),
            '⟧' => spans.push(Span::new(open.pop().expect("balanced markers"), text.len())),
            _ => text.push(c),
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    (text, spans)
}

#[track_caller]
fn assert_quotes(article: &str) {
    let (text, expected) = marked(article);
    let found: Vec<Span> = extract(&text).into_iter().map(|q| q.span).collect();
    let show = |spans: &[Span]| spans.iter().map(|s| text[s.range()].to_owned()).collect::<Vec<_>>();
    assert_eq!(show(&found), show(&expected), "in {text:?}");
    assert_eq!(found, expected, "spans in {text:?}");
}

#[test]
fn double_quotes() {
    for article in [
        r#"He said "⟦any means⟧" would be used."#,
        "He said “⟦any means⟧” would be used.",
        "Il a dit «⟦jamais⟧» hier.",
        "Il a dit « ⟦nous ne voulons pas la guerre⟧ » hier.",
        "Il a dit «\u{a0}⟦jamais⟧\u{a0}» hier.",
        "Il a dit «\u{202f}⟦jamais de la vie⟧\u{202f}», puis « ⟦peut-être⟧ ».",
        "« ⟦Nous sommes prêts, ‹ ⟦coûte que coûte⟧ ›, à négocier⟧ », a-t-il dit.",
        "« ⟦Une phrase qui ne se ferme pas⟧",
        "Er sagte „⟦niemals⟧“ gestern.",
        "他说「⟦我们准备好了⟧」。",
        "彼は『⟦大丈夫⟧』と言った。",
        r#""⟦We are ready,⟧" he said. "⟦We will win.⟧""#,
        r#"A 5" screen and "⟦a quote⟧"."#,
        "No quotes at all.",
    ] {
        assert_quotes(article);
    }
}

#[test]
fn single_quotes_but_not_apostrophes() {
    for article in [
        "Lavrov insists on Russian '⟦red lines⟧' but puts out feelers",
        "Lavrov insists on Russian ‘⟦red lines⟧’ but puts out feelers",
        "Russia's rock 'n' roll of the '90s, the players' union.",
        "He said ‘⟦don’t go⟧’ and left.",
        "'⟦We will win,⟧' she said.",
    ] {
        assert_quotes(article);
    }
}

#[test]
fn nested_quotes_are_found_with_the_outer_one() {
    for article in [
        r#"He said: "⟦They told me '⟦go home⟧' and I left.⟧""#,
        "He said: “⟦They told me “⟦go home⟧” and I left.⟧”",
        "He said: “⟦They told me \"⟦go home⟧\" and I left.⟧”",
        "'⟦He called it \"⟦a farce⟧\",⟧' she said.",
        "“⟦It isn’t ‘⟦fantasy math⟧’, it’s arithmetic,⟧” she said.",
    ] {
        assert_quotes(article);
    }
}

#[test]
fn a_nested_quote_shares_the_outer_speaker() {
    let text = "“They called it ‘fantasy math’,” Whitfield said.";
    let names: Vec<_> = extract(text).into_iter().map(|q| q.attributed_to).collect();
    assert_eq!(names, [Some("Whitfield".to_owned()), Some("Whitfield".to_owned())]);
}

#[test]
fn a_quote_over_several_paragraphs_is_one_quote() {
    assert_quotes("\"⟦First paragraph of the speech.\n\n\"Second paragraph, the end.⟧\"\n\nNarrative.");
    assert_quotes("“⟦First.\n\n“Second.\n\n“Third.⟧”\n\nNarrative.");
}

#[test]
fn a_stray_mark_does_not_swallow_the_article() {
    assert_quotes("He said \"⟦we will win, and left⟧\n\nNext paragraph with \"⟦a quote⟧\" inside.");
    assert_quotes("A stray \" mark and \"⟦a real quote⟧\" here.");
    // Guillemets as arrows, or spaced with nothing inside, open nothing.
    assert_quotes("Page suivante » et « » vide, puis « ⟦vrai⟧ ».");
}

#[test]
fn paragraphs_are_lines_when_there_are_no_blank_lines() {
    assert_quotes("\"⟦Unclosed on line one⟧\nHe said \"⟦closed⟧\" here.\n");
    // A line that opens with a mark continues an unclosed quote.
    assert_quotes("\"⟦Line one\n\"Line two⟧\"\n");
}

#[test]
fn quotes_keep_their_marks_span() {
    let text = "He said \"any means\".";
    let q = &extract(text)[0];
    assert_eq!(&text[q.marked.range()], "\"any means\"");
}
