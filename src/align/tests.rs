//! Alignment cases, as a table: a quote, the transcript it is checked
//! against, the category expected and the differences expected, each
//! written `kind quote/source` (`-` for a side that is missing).

use crate::align::Category::{self, Altered, Paraphrase, Unsupported, Verbatim};
use crate::align::Transcript;
use crate::check::Check;
use crate::document::Document;

use crate::text::Lexicon;

/// Checks an article made of the one quote against a transcript.
fn judged(quote: &str, transcript: &str) -> (Category, Vec<String>) {
    let article = Document::from_text("article.txt", &format!("The minister said: \u{201c}{quote}\u{201d}\n"));
    let transcripts = [Document::from_text("transcript.txt", transcript)];
    let check = Check::run(&article, &transcripts);
    assert_eq!(check.quotes.len(), 1, "one quote in {:?}", article.text);
    let checked = &check.quotes[0];
    let differences = checked
        .source()
        .map(|a| {
            a.differences
                .iter()
                .map(|d| {
                    let q = d.quote.map_or("-", |s| article.slice(s));
                    let s = d.source.map_or("-", |s| transcripts[0].slice(s));
                    format!("{} {q}/{s}", d.kind.name())
                })
                .collect()
        })
        .unwrap_or_default();
    (checked.suggestion, differences)
}

const SPEECH: &str = "I wouldn't say so. And in any case, this is not what we want. We would like to have normal \
relations with all our neighbors, of course, but generally with all countries especially with the great country \
like the United States. They supply this long-range weapons to the Kiev regime. We fight for our legitimate \
security interests. No NATO. Absolutely. No military bases, no military exercises on the Ukrainian soil with \
participation of foreign troops.";

#[track_caller]
fn case(quote: &str, transcript: &str, category: Category, differences: &[&str]) {
    let (got, diffs) = judged(quote, transcript);
    let diffs: Vec<&str> = diffs.iter().map(String::as_str).collect();
    assert_eq!((got, diffs.as_slice()), (category, differences), "quote {quote:?}");
}

#[test]
fn verbatim_quotes() {
    // `trying` stems to `tri`: the words that may share a stem are found
    // by their first two letters, which stemming never changes.
    case("Now trying to get back through the back", "Now trying to get back through the back door.", Verbatim, &[]);
    case("this is not what we want", SPEECH, Verbatim, &[]);
    case("This is not what we want.", SPEECH, Verbatim, &[]);
    case("THIS IS NOT — what we want", SPEECH, Verbatim, &[]);
    case("No NATO, absolutely.", SPEECH, Verbatim, &[]);
    // A quote of function words, or of nothing but a hesitation.
    case("in any case", SPEECH, Verbatim, &[]);
    case("Um.", "Well, um. I wouldn't say so.", Verbatim, &[]);
    // A contraction is found by both its words, not only the first.
    case("it's, um", "It is. It was. Is it? It's, um, hard. Is it.", Verbatim, &[]);
}

#[test]
fn variants_of_form_keep_a_quote_verbatim() {
    case("normal relations with all our neighbours", SPEECH, Verbatim, &["variant neighbours/neighbors"]);
    case("long-range weapons to the Kyiv regime", SPEECH, Verbatim, &["variant Kyiv/Kiev"]);
    case("I would not say so", SPEECH, Verbatim, &["variant would not/wouldn't"]);
    case("We have 30 days", "Well, we have thirty days, no more.", Verbatim, &["variant 30/thirty"]);
    case("twenty-five missiles were fired", "And 25 missiles were fired at us.", Verbatim, &["variant twenty-five/25"]);
    case(
        "they supply longrange weapons",
        "they supply long-range weapons",
        Verbatim,
        &["variant longrange/long-range"],
    );
    case("It's been a long war", "It has been a long war, you know.", Verbatim, &["variant It's/It has"]);
    case("$5 million for schools", "We gave 5 million dollars for schools.", Verbatim, &["variant $/dollars"]);
    case("a 5% rise", "there was a 5 percent rise", Verbatim, &["variant %/percent"]);
    case(
        "mosquitoes carry the virus",
        "Well, mosquitos carry the virus, we know that.",
        Verbatim,
        &["variant mosquitoes/mosquitos"],
    );
    case(
        "taxes on anyone making under $400,000",
        "no new taxes on anyone making under four hundred thousand dollars a year",
        Verbatim,
        &["variant $400,000/four hundred thousand dollars"],
    );
}

#[test]
fn marked_edits_keep_a_quote_verbatim() {
    case(
        "We would like to have normal relations with all our neighbors, of course... especially with the great country",
        SPEECH,
        Verbatim,
        &["elision .../but generally with all countries"],
    );
    case(
        "normal relations . . . especially with the great country",
        SPEECH,
        Verbatim,
        &["elision . . ./with all our neighbors, of course, but generally with all countries"],
    );
    case(
        "normal relations […] especially with",
        SPEECH,
        Verbatim,
        &["elision […]/with all our neighbors, of course, but generally with all countries"],
    );
    case("this (war) is not what we want", SPEECH, Verbatim, &["insertion (war)/-"]);
    // The words after the mark recur inside the elided stretch: the
    // skipped words still belong to the mark.
    case(
        "We cannot tax our way to prosperity … and we cannot borrow our way there either.",
        "We cannot tax our way to prosperity, and we cannot cut our way there overnight, and we cannot borrow our way there either.",
        Verbatim,
        &["elision …/and we cannot cut our way there overnight"],
    );
    case("[Russia] is ready to talk", "We hope it is ready to talk now.", Verbatim, &["insertion [Russia]/it"]);
    case(
        "[The staffing model] was designed for a system that no longer exists",
        "The FAA's staffing model dates from 2004. It was designed for a system that no longer exists.",
        Verbatim,
        &["insertion [The staffing model]/It"],
    );
}

#[test]
fn disfluencies_left_out_keep_a_quote_verbatim() {
    case("we will win this war", "And we, uh, will win this war.", Verbatim, &["disfluency -/uh"]);
    case("they have suggested talks", "They have -- have suggested talks.", Verbatim, &["disfluency -/have"]);
    case("I think the country is ready", "I think th- the country is ready.", Verbatim, &["disfluency -/th"]);
    case(
        "I’m 54, I’ve got plenty left in the tank.",
        "Well, I'm fifty-four, I've got, I've got plenty left in the tank.",
        Verbatim,
        &["variant 54/fifty-four", "disfluency -/I've got"],
    );
    case(
        "nobody is pretending this went well",
        "Nobody is, uh, is pretending this went well.",
        Verbatim,
        &["disfluency -/uh, is"],
    );
    case(
        "I think we want peace and security",
        "I think we want, we want peace and security.",
        Verbatim,
        &["disfluency -/we want"],
    );
}

#[test]
fn unmarked_changes_make_a_quote_altered() {
    case("especially with a great country like the United States", SPEECH, Altered, &["substitution a/the"]);
    case(
        "No military exercises on Ukrainian soil with participation of foreign troops",
        SPEECH,
        Altered,
        &["omission -/the"],
    );
    case("We fight for our own legitimate security interests", SPEECH, Altered, &["addition own/-"]);
    case(
        "They supply these long-range weapons to the Kyiv regime",
        SPEECH,
        Altered,
        &["substitution these/this", "variant Kyiv/Kiev"],
    );
}

#[test]
fn a_quote_stitched_across_an_interjection_is_altered() {
    let transcript = "Minister: We will fight\n\nQuestion: Really?\n\nMinister: until the very end of this war.\n";
    case("We will fight until the very end of this war", transcript, Altered, &["omission -/Really"]);
}

#[test]
fn different_words_for_the_same_content_are_a_paraphrase() {
    let (category, _) =
        judged("Russia wants normal relations with its neighbors and great countries like the United States", SPEECH);
    assert_eq!(category, Paraphrase);
}

/// Checks a whole article (not a single quote) against a transcript and
/// returns each quote's category.
fn categories(article: &str, transcript: &str) -> Vec<Category> {
    let article = Document::from_text("article.txt", article);
    let transcripts = [Document::from_text("transcript.txt", transcript)];
    Check::run(&article, &transcripts).quotes.iter().map(|q| q.suggestion).collect()
}

const INTERVIEW: &str = "HOST: What about the budget?\n\nOLENDORF: It leaves an enormous gap in the budget, and who pays \
for that? Our kids pay for that. Our grandkids pay for that.\n\nHOST: Thank you.\n";

#[test]
fn a_paraphrase_needs_a_speaker_of_the_transcript_saying_it_here() {
    // Credited to a speaker of the transcript, in plain narrative.
    assert_eq!(
        categories(
            "Olendorf said the plan \u{201c}would blow a hole in the budget and stick our grandkids with the bill\u{201d}.",
            INTERVIEW
        ),
        [Paraphrase]
    );
    // The same words from someone who is not in the transcript.
    assert_eq!(
        categories(
            "Reyes said the plan \u{201c}would blow a hole in the budget and stick our grandkids with the bill\u{201d}.",
            INTERVIEW
        ),
        [Unsupported]
    );
    // Placed by the article on another occasion.
    assert_eq!(
        categories(
            "Olendorf said in a statement that the plan \u{201c}would blow a hole in the budget and stick our grandkids with the bill\u{201d}.",
            INTERVIEW
        ),
        [Unsupported]
    );
    // Words the speaker did say stay verbatim wherever the article places them.
    assert_eq!(
        categories("Olendorf told a rally last week: \u{201c}Our kids pay for that.\u{201d}", INTERVIEW),
        [Verbatim]
    );
}

#[test]
fn words_nobody_said_are_unsupported() {
    case("We will never negotiate with terrorists", SPEECH, Unsupported, &[]);
    case("any way", SPEECH, Unsupported, &[]);
}

#[test]
fn an_answer_that_echoes_the_question_is_the_guests_not_the_question_altered() {
    // The quote follows the interviewer's question closely (one word
    // changed) but is the minister's answer in other words: the answer
    // is the source, as a paraphrase of the credited speaker.
    let transcript = "Question: Is it true that the sanctions have completely failed to change your foreign policy?\n\n\
        Anna Berg: The sanctions have not changed our foreign policy at all. They failed, completely failed.\n\n\
        Question: Thank you.\n";
    let article = Document::from_text(
        "article.txt",
        "Berg said \u{201c}the sanctions have completely failed to change our foreign policy\u{201d}.\n",
    );
    let transcripts = [Document::from_text("transcript.txt", transcript)];
    let check = Check::run(&article, &transcripts);
    let source = check.quotes[0].source().expect("a source");
    assert_eq!(transcripts[0].speaker_at(source.source.start), Some("Anna Berg"));
    assert_eq!(source.category, Paraphrase);
    // Said verbatim in the question, it stays the question's (a finding).
    let article = Document::from_text(
        "article.txt",
        "Berg said \u{201c}the sanctions have completely failed to change your foreign policy\u{201d}.\n",
    );
    let check = Check::run(&article, &transcripts);
    let source = check.quotes[0].source().expect("a source");
    assert_eq!((transcripts[0].speaker_at(source.source.start), source.category), (Some("Question"), Verbatim));
}

#[test]
fn the_check_reports_each_stage_as_it_begins_and_changes_nothing() {
    use crate::check::Stage::{Aligning, Indexing};
    let article = Document::from_text("a.txt", "She said \u{201c}we will win\u{201d} and \u{201c}not today\u{201d}.\n");
    let transcripts = [
        Document::from_text("one.txt", "We will win, she said.\n"),
        Document::from_text("two.txt", "Not today, not ever.\n"),
    ];
    let mut stages = Vec::new();
    let check = crate::check::Check::run_with(&article, &transcripts, &mut |stage| stages.push(stage));
    assert_eq!(
        stages,
        [
            Indexing { transcript: 0, of: 2 },
            Indexing { transcript: 1, of: 2 },
            Aligning { done: 0, of: 2 },
            Aligning { done: 1, of: 2 },
            Aligning { done: 2, of: 2 },
        ]
    );
    let plain = Check::run(&article, &transcripts);
    let summary = |c: &Check| c.quotes.iter().map(|q| (q.quote.span, q.suggestion)).collect::<Vec<_>>();
    assert_eq!(summary(&check), summary(&plain));
    assert_eq!(summary(&check).iter().map(|q| q.1).collect::<Vec<_>>(), [Verbatim, Verbatim]);
}

/// The warnings of a check of the one quote against a transcript.
fn warned(quote: &str, transcript: &str) -> Vec<String> {
    let article = Document::from_text("article.txt", &format!("The minister said: \u{201c}{quote}\u{201d}\n"));
    let transcripts = [Document::from_text("transcript.txt", transcript)];
    let check = Check::run(&article, &transcripts);
    let checked = &check.quotes[0];
    crate::check::warnings(&article, &checked.quote, checked.source(), &transcripts)
}

#[test]
fn changes_that_bear_on_meaning_are_warned_of_wherever_they_are() {
    for (quote, transcript, expected) in [
        (
            "it was a mistake to sign the treaty",
            "Well, it may have been a mistake to sign the treaty, I think.",
            &["“was” for “may have been” leaves out “may” (a qualifier)"][..],
        ),
        (
            "We will win this war in the east",
            "We will not win this war in the east, frankly.",
            &["the quote leaves out “not” (a negation)"],
        ),
        (
            "We never wanted a war with our neighbours",
            "We wanted a war with our neighbours, they say.",
            &["the quote adds “never” (a negation)"],
        ),
        (
            "They fired 30 missiles at the city last night",
            "They fired forty missiles at the city last night.",
            &["“30” for “forty” leaves out “forty” (a number) and adds “30” (a number)"],
        ),
        (
            "the sanctions will only hurt the poor",
            "the sanctions will hurt the poor, nobody else.",
            &["the quote adds “only” (a qualifier)"],
        ),
        // Words of someone else's interjection, left out of a stitched
        // quote, are not the speaker's.
        (
            "That's not true. I voted for that bill twice",
            "OLENDORF: That's not true.\n\nOKAFOR: Senator, thirty seconds.\n\nOLENDORF: I voted for that bill twice.",
            &[],
        ),
        // A change of an ordinary word bears on nothing.
        ("especially with a great country like the United States", SPEECH, &[]),
        ("We fight for our own legitimate security interests", SPEECH, &[]),
    ] {
        assert_eq!(warned(quote, transcript), expected, "quote {quote:?}");
    }
}

#[test]
fn a_transcript_cut_on_several_cores_has_the_tokens_and_word_ids_of_one_cut() {
    let text = "ALICE: The U.S. spent $1,000 on Kyiv's schools, 3.5% more.\n\
                BOB: Naïve café owners don't agree — 東京 said no.\n\
                ALICE: We'll see. The U.S. will spend 1,000 more.\n"
        .repeat(40);
    let doc = Document::from_text("t.txt", &text);
    let mut one = Lexicon::new();
    let whole = Transcript::index_in(&doc, &mut one, 1);
    for parts in [2, 3, 7, 50] {
        let mut lexicon = Lexicon::new();
        let cut = Transcript::index_in(&doc, &mut lexicon, parts);
        assert_eq!(cut.tokens, whole.tokens, "{parts} pieces");
        assert_eq!(lexicon.word_count(), one.word_count(), "{parts} pieces");
        for token in &cut.tokens {
            assert_eq!(lexicon.word_text(token.word), one.word_text(token.word), "{parts} pieces");
        }
    }
}

/// The passages offered for a quote: category and the words said.
fn offered(quote: &str, transcript: &str) -> Vec<(Category, String)> {
    let article = Document::from_text("article.txt", &format!("The minister said: \u{201c}{quote}\u{201d}\n"));
    let transcripts = [Document::from_text("transcript.txt", transcript)];
    let check = Check::run(&article, &transcripts);
    check.quotes[0].candidates.iter().map(|c| (c.category, transcripts[0].slice(c.source).to_owned())).collect()
}

#[test]
fn a_quote_said_word_for_word_is_offered_with_its_other_word_for_word_places_only() {
    let between = " The talks went on for hours about schools, roads, hospitals, pensions and the price of \
                   bread in the northern provinces, with many questions from the floor. ";
    let twice = format!(
        "We will rebuild the harbour wall before winter.{between}Later that year: we will rebuild the \
         harbour wall before winter.{between}Then: we will rebuild the harbour gate before winter."
    );
    assert_eq!(
        offered("we will rebuild the harbour wall before winter", &twice),
        [
            (Verbatim, "We will rebuild the harbour wall before winter".to_owned()),
            (Verbatim, "we will rebuild the harbour wall before winter".to_owned())
        ]
    );
}

#[test]
fn a_quote_not_said_word_for_word_is_offered_the_close_passages_elsewhere() {
    let transcript = "At first: we shall rebuild the harbour wall before spring. Much later, on another \
                      subject entirely, the minister spoke about taxes. Then: we will rebuild the harbour \
                      fence before winter.";
    let offered = offered("we will rebuild the harbour wall before winter", transcript);
    assert_eq!(offered.len(), 2, "{offered:?}");
    assert!(offered.iter().all(|(c, _)| *c == Altered), "{offered:?}");
}
