use super::*;

/// The tokens of `text` as (surface, keys) pairs.
fn words(text: &str) -> Vec<(String, Vec<String>)> {
    let mut lexicon = Lexicon::new();
    let tokens = tokenize(text, 0..text.len(), &mut lexicon);
    tokens
        .iter()
        .map(|t| {
            let keys = lexicon.keys(t.word).iter().map(|&k| lexicon.key_text(k).to_owned()).collect();
            (text[t.span().range()].to_owned(), keys)
        })
        .collect()
}

fn surfaces(text: &str) -> Vec<String> {
    words(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn words_and_their_spans() {
    for (text, expected) in [
        ("Russia's red lines", &["Russia's", "red", "lines"][..]),
        ("Russia’s neighbours", &["Russia’s", "neighbours"]),
        ("long-range weapons", &["long", "range", "weapons"]),
        ("the U.S. and the U.K.", &["the", "U.S.", "and", "the", "U.K."]),
        ("When the U.S", &["When", "the", "U.S"]),
        ("end.Next", &["end", "Next"]),
        ("1,000 troops and 3.5 million", &["1,000", "troops", "and", "3.5", "million"]),
        ("up 5% (war)", &["up", "5", "%", "war"]),
        ("end. Next", &["end", "Next"]),
        ("'quoted' words", &["quoted", "words"]),
        ("rock 'n' roll", &["rock", "n", "roll"]),
        ("東京に行く", &["東", "京", "に", "行", "く"]),
        ("café Erdoğan", &["café", "Erdoğan"]),
        ("I -- I think", &["I", "I", "think"]),
        ("th- the", &["th", "the"]),
        ("", &[]),
    ] {
        assert_eq!(surfaces(text), expected, "{text:?}");
    }
}

#[test]
fn keys_compare_forms() {
    let keys = |text: &str| words(text).into_iter().flat_map(|(_, k)| k).collect::<Vec<_>>();
    assert_eq!(keys("Neighbours"), keys("neighbors"));
    assert_eq!(keys("Kiev"), keys("Kyiv"));
    assert_eq!(keys("don’t"), keys("do not"));
    assert_eq!(keys("THIRTY"), keys("30"));
    assert_eq!(keys("the U.S."), keys("the US"));
    assert_eq!(keys("5 per cent"), ["5", "per", "cent"]);
    assert_ne!(keys("a"), keys("the"));
}

#[test]
fn spans_stay_on_char_boundaries_in_any_script() {
    let text = "Zoë said “𝓗𝓲” — 👩‍👩‍👧 family, ﻿مرحبا שלום";
    let mut lexicon = Lexicon::new();
    for t in tokenize(text, 0..text.len(), &mut lexicon) {
        assert!(text.is_char_boundary(t.span().start) && text.is_char_boundary(t.span().end));
    }
}

#[test]
fn a_span_can_slice_its_text_only_on_boundaries() {
    let text = "Zoë said";
    assert!(Span::new(0, 4).lies_in(text), "Zoë");
    assert!(Span::new(9, 9).lies_in(text), "empty at the end");
    assert!(!Span::new(0, 3).lies_in(text), "inside ë");
    assert!(!Span::new(5, 10).lies_in(text), "past the end");
    assert!(!Span::new(4, 2).lies_in(text), "backwards");
    // Clamped to an outer span: the part inside, or empty at its edge.
    assert_eq!(Span::new(2, 9).within(Span::new(4, 8)), Span::new(4, 8));
    assert_eq!(Span::new(0, 3).within(Span::new(4, 8)), Span::new(4, 4));
    assert_eq!(Span::new(9, 12).within(Span::new(4, 8)), Span::new(8, 8));
}

#[test]
fn equivalent_runs() {
    let mut lexicon = Lexicon::new();
    let mut w = |text: &str| tokenize(text, 0..text.len(), &mut lexicon).iter().map(|t| t.word).collect::<Vec<_>>();
    let cases = [
        ("long range", "longrange", true),
        ("per cent", "percent", true),
        ("twenty five", "25", true),
        ("three hundred", "300", true),
        ("it has", "it's", true),
        ("Russia is", "Russia's", true),
        ("five", "six", false),
        ("a part", "apart", true),
        ("$400,000", "four hundred thousand dollars", true),
        ("$2 trillion", "two trillion dollars", true),
        ("€5", "five euros", true),
        ("$5", "five pounds", false),
        ("these", "this", false),
    ];
    let cases: Vec<_> = cases.iter().map(|&(a, b, same)| (w(a), w(b), same, a, b)).collect();
    for (a, b, same, ta, tb) in cases {
        assert_eq!(equivalent(&lexicon, &a, &b), same, "{ta} / {tb}");
    }
}

#[test]
fn stems_meet_across_inflections() {
    let mut lexicon = Lexicon::new();
    let key = |lexicon: &mut Lexicon, w: &str| {
        let word = lexicon.intern(w);
        lexicon.keys(word)[0]
    };
    let (a, b) = (key(&mut lexicon, "defending"), key(&mut lexicon, "defended"));
    assert_eq!(lexicon.stem(a), lexicon.stem(b));
    let the = key(&mut lexicon, "the");
    assert_eq!(lexicon.stem(the), the);
    assert_eq!(lexicon.class(the), Class::Stop);
    let um = key(&mut lexicon, "um");
    assert_eq!(lexicon.class(um), Class::Filler);
}
