//! Reported speech, as tables: each article marks the items it should
//! yield with `⟦` and `⟧` (removed before extraction), each with the
//! speaker it credits; each verdict case gives a transcript, an article
//! and the verdict and flags expected.

use super::{EvidenceKind, Verdict, extract};
use crate::check::Check;
use crate::document::Document;
use crate::quote;
use crate::quote::tests::marked;
use crate::text::Span;

/// Checks that an article yields the items marked, crediting `credits`.
#[track_caller]
fn items(article: &str, credits: &[Option<&str>]) {
    let (text, expected) = marked(article);
    let quotes = quote::extract(&text);
    let found = extract(&text, &quotes);
    let show = |spans: &[Span]| spans.iter().map(|s| text[s.range()].to_owned()).collect::<Vec<_>>();
    let spans: Vec<Span> = found.iter().map(|r| r.span).collect();
    assert_eq!(show(&spans), show(&expected), "in {text:?}");
    let who: Vec<Option<&str>> = found.iter().map(|r| r.attributed_to.as_deref()).collect();
    assert_eq!(who, credits, "credits in {text:?}");
}

#[test]
fn a_clause_after_the_verb() {
    items("Lavrov said ⟦Russia was ready to talk⟧.", &[Some("Lavrov")]);
    items("Lavrov said that ⟦Russia was ready to talk⟧.", &[Some("Lavrov")]);
    items("Lavrov also said on Tuesday that ⟦Russia was ready to talk⟧.", &[Some("Lavrov")]);
    items("In reply to a question, Lavrov said ⟦he did not believe the two were at war⟧.", &[Some("Lavrov")]);
    items("Trump has said ⟦he will end the war quickly⟧, without providing details.", &[Some("Trump")]);
    items("Forecasters expect ⟦temperatures to reach 44 degrees on Thursday⟧.", &[Some("Forecasters")]);
}

#[test]
fn a_listener_before_the_clause() {
    items("Lavrov told Carlson that ⟦Russia was ready⟧.", &[Some("Lavrov")]);
    items("Adeyemi told the Senate commerce committee that ⟦the system was failing⟧.", &[Some("Adeyemi")]);
    items("Aides told Reuters this week ⟦his advisers are floating proposals⟧.", &[Some("Aides")]);
}

#[test]
fn a_clause_before_or_around_the_verb() {
    items(
        "⟦Russia is open to talks with Trump⟧, Foreign Minister Sergei Lavrov told U.S. journalist Tucker Carlson.",
        &[Some("Sergei Lavrov")],
    );
    items("⟦Russia, he said, would send \"additional messages\" if the West did not listen⟧.", &[None]);
    items("Lavrov spoke. ⟦Trump, Lavrov said, was \"a very strong person\"⟧.", &[Some("Lavrov")]);
    items(
        "Adeyemi spoke first. ⟦The system is running on luck⟧, the head of the union told senators on Wednesday.",
        &[Some("the head of the union")],
    );
}

#[test]
fn an_object_and_an_infinitive() {
    items("Lavrov urged ⟦the West to take Russia's \"red lines\" seriously⟧.", &[Some("Lavrov")]);
    items("Whitfield accused ⟦Olendorf of voting against the insulin cap⟧.", &[Some("Whitfield")]);
}

#[test]
fn a_characterising_verb_keeps_its_object() {
    items("Lavrov ⟦spoke positively of Trump⟧.", &[Some("Lavrov")]);
    items("Lavrov ⟦insists on Russian 'red lines'⟧", &[Some("Lavrov")]);
    items("Kowalczyk ⟦defended the airline's record⟧.", &[Some("Kowalczyk")]);
    items("Quintero ⟦closed with a story about her father⟧, who drove a bus.", &[Some("Quintero")]);
}

#[test]
fn a_predicate_negated_or_declined_keeps_its_verb() {
    items("Thorvik ⟦did not dispute that the grid had been starved of investment⟧.", &[Some("Thorvik")]);
    items("She ⟦declined to say whether he would declare an emergency⟧.", &[None]);
    items("Thorvik ⟦would not promise that there would be no more outages⟧.", &[Some("Thorvik")]);
}

#[test]
fn verbs_that_share_a_subject_make_items_of_their_own() {
    items(
        "Lavrov urged ⟦the West to take Russia's \"red lines\" seriously⟧ but ⟦spoke positively of Trump⟧, who returns next month.",
        &[Some("Lavrov"), Some("Lavrov")],
    );
    items("Lavrov ⟦insists on Russian 'red lines'⟧ but ⟦puts out feelers to Trump⟧", &[Some("Lavrov"), Some("Lavrov")]);
    items(
        "\"We want peace,\" Lavrov said, adding ⟦he saw no reason why the two could not cooperate⟧.",
        &[Some("Lavrov")],
    );
    items(
        "Whitfield, who said ⟦her costings were online⟧, countered that ⟦the debt had grown by $30 trillion⟧.",
        &[Some("Whitfield"), Some("Whitfield")],
    );
    items(
        "Councilmember Hollis Brandt cast the lone vote against it, saying ⟦residents could not absorb another rise⟧.",
        &[Some("Hollis Brandt")],
    );
}

#[test]
fn a_noun_of_speech_and_according_to() {
    items(
        "His interview drew criticism from some in the West for ⟦offering the Kremlin a platform⟧.",
        &[Some("some in the West")],
    );
    items("According to Lavrov, ⟦the talks had stalled⟧.", &[Some("Lavrov")]);
}

#[test]
fn quotes_with_their_attribution_are_not_items() {
    for article in [
        "\"No NATO, absolutely,\" he said.",
        "Lavrov said: \"We are ready.\"",
        "\"We are ready,\" said Janet Pruitt, 64, a retired teacher.",
        "Quintero pledged to \"never accept a penny of corporate money\".",
        "It came at the end of what Thorvik called \"the hottest week on record\".",
        "Okafor posted on X after the session: \"Fund the towers.\"",
        "\"We remain committed,\" the ministry said in a statement.",
    ] {
        items(article, &[]);
    }
}

#[test]
fn what_is_not_reported_speech() {
    for article in [
        // A question claims nothing.
        "Carlson asked whether Russia was at war.",
        // A noun, a naming, a thing that does not speak.
        "Lavrov's comments were part of a pattern of Russian signals designed to deter Washington.",
        "Russia fired a new missile called the Oreshnik.",
        "Her plan, which calls for 3 million new homes, is popular.",
        "Ukraine has fired U.S. missiles into Russia.",
        "The book's best story, which Furlong tells twice, is about his debut.",
    ] {
        items(article, &[]);
    }
}

#[test]
fn quotes_inside_an_item_belong_to_it() {
    let text = "Lavrov said he saw no reason why the two could not \"cooperate for the sake of the universe\".";
    let quotes = quote::extract(text);
    let found = extract(text, &quotes);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].quotes, [0]);
}

#[test]
fn another_occasion_is_told_by_the_words_around_the_item() {
    let text = "People close to Trump told Reuters this week his advisers are floating proposals.";
    let found = extract(text, &quote::extract(text));
    assert_eq!(found[0].elsewhere.map(|s| &text[s.range()]), Some("told Reuters"));
    let text = "Lavrov said Russia's firing of a missile last month was a signal.";
    let found = extract(text, &quote::extract(text));
    assert_eq!(found[0].elsewhere, None, "`last month` is what was said, not when");
}

pub(crate) const INTERVIEW: &str = "Question: What about the library?\n\n\
Anna Berg: We do not need a new library in Northgate. The library may close in March if the loan is not approved. \
Some branches will cut their hours by 17 percent. We have sixteen branches and thirty-five staff.\n\n\
Question: And the budget?\n\n\
Anna Berg: The budget is balanced for the third year running, and we kept every branch open.\n\n\
Question: Tom Ruiz says the new bus depot will be built in Northgate next year.\n\n\
Tom Ruiz: The new bus depot will be built in Northgate next year, on the old rail yard.\n";

/// Checks one reported item against the interview: the verdict and the
/// kinds of flags raised.
#[track_caller]
fn verdict(article: &str, expected: Verdict, flags: &[EvidenceKind]) {
    let article = Document::from_text("article.txt", article);
    let transcripts = [Document::from_text("transcript.txt", INTERVIEW)];
    let check = Check::run(&article, &transcripts);
    assert_eq!(check.reported.len(), 1, "one item in {:?}", article.text);
    let r = &check.reported[0];
    let raised: Vec<EvidenceKind> = r.evidence.iter().map(|e| e.kind).filter(|k| *k != EvidenceKind::Shared).collect();
    assert_eq!((r.verdict, raised.as_slice()), (expected, flags), "{:?}", article.text);
    assert_eq!(r.source.is_some(), expected != Verdict::Unsupported, "a source unless unsupported");
}

#[test]
fn verdicts_and_their_flags() {
    use EvidenceKind::{Hedge, Negation, Number, Scope, Speaker};
    use Verdict::{Distorted, Supported, Unsupported};
    // Said in the same or other words.
    verdict("Berg said the budget was balanced for a third year.", Supported, &[]);
    verdict("Berg said every branch had been kept open and the budget balanced.", Supported, &[]);
    verdict("Berg said the city had sixteen branches.", Supported, &[]);
    // A number as digits or as words is the same number.
    verdict("Berg said there were 35 staff.", Supported, &[]);
    // Nothing in the transcript bears on it, or not here.
    verdict("Berg said the mayor should resign over the stadium deal.", Unsupported, &[]);
    verdict("Berg told the Gazette last week that the budget was balanced.", Unsupported, &[]);
    verdict("Mayor Olga Tran said the budget was balanced.", Unsupported, &[]);
    // What the report changes.
    verdict("Berg said the city needs a new library in Northgate.", Distorted, &[Negation]);
    verdict("Berg said the branches will cut their hours by 27 percent.", Distorted, &[Number, Scope]);
    verdict("Berg said some branches will cut their hours by 27 percent.", Distorted, &[Number]);
    verdict("Berg said all branches will cut their hours by 17 percent.", Distorted, &[Scope]);
    verdict("Berg said the library will close in March if the loan fails.", Distorted, &[Hedge]);
    verdict("Berg said the library might close in March.", Distorted, &[Hedge]);
    // Someone else's words.
    verdict("Berg said the new bus depot will be built in Northgate next year.", Distorted, &[Speaker]);
}
