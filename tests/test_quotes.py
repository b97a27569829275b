"""The quotes stage: quotation marks, cues, speakers, addressees and what stays out.

Every sentence here is made up for the test; the seed test reads the real article from
../shared.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.quotes import QuoteExtractor
from newsgraph.quotes.marks import find_marked_spans
from newsgraph.records import Actor, ActorTable, Article, Mention, Quote


@pytest.fixture(scope="module")
def extractor() -> QuoteExtractor:
    return QuoteExtractor()


@pytest.fixture(scope="module")
def quotes_of(pipeline, extractor):
    def run(text: str, actors: ActorTable | None = None) -> list[Quote]:
        doc = pipeline.parser.parse(text)
        return extractor.extract(doc, Article(id="t", text=text), actors or ActorTable())

    return run


def _one(quotes: list[Quote], needle: str) -> Quote:
    found = [q for q in quotes if needle in q.text]
    assert len(found) == 1, f"expected one quote containing {needle!r}, got {[q.text for q in quotes]}"
    return found[0]


def _span_text(text: str, q: Quote) -> str:
    return text[q.speaker.start:q.speaker.end] if q.speaker.start is not None else ""


# --- quotation marks --------------------------------------------------------------------------


def test_marks_skip_apostrophes_and_keep_nested_marks() -> None:
    text = "The farmers’ union said it’s ‘too early’. Don't worry, it's the Joneses' turn."
    spans = [text[s:e] for m in find_marked_spans(text) for s, e in m.pieces]
    assert spans == ["too early"]
    nested = "“She told me ‘never again’ last week,” he said."
    assert [nested[m.start:m.end] for m in find_marked_spans(nested)] == ["She told me ‘never again’ last week,"]


def test_marks_accept_a_mistyped_closing_mark_and_an_opening_ellipsis() -> None:
    typo = "She wrote: “The river rose two metres overnight.“\n\nThe town stayed dry."
    assert [typo[m.start:m.end] for m in find_marked_spans(typo)] == ["The river rose two metres overnight."]
    ellipsis = "As the paper put it, “ … the vote would have gone the other way.” Nobody disputed it."
    spans = [ellipsis[m.start:m.end] for m in find_marked_spans(ellipsis)]
    assert len(spans) == 1 and spans[0].strip().startswith("…")


def test_marks_multi_paragraph_quote_is_one_span() -> None:
    text = "“The first part goes on\n\n“and the second part ends here.”\n\nAfter."
    spans = find_marked_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start:spans[0].end].startswith("The first part")
    assert text[spans[0].start:spans[0].end].endswith("ends here.")


def test_marks_unbalanced_paragraph_does_not_spread() -> None:
    text = "A stray “mark opens here and never closes.\n\nThe mayor said “we will rebuild the bridge” today."
    spans = [text[m.start:m.end] for m in find_marked_spans(text)]
    assert spans == ["we will rebuild the bridge"]


# --- direct quotes ----------------------------------------------------------------------------


def test_direct_straight_quotes_cue_after(quotes_of) -> None:
    text = '"The harbour will reopen next spring," Maria Keller told reporters on Monday.'
    q = _one(quotes_of(text), "harbour")
    assert q.kind == "direct"
    assert q.text.startswith("The harbour will reopen next spring")
    assert q.text == text[q.start:q.end]
    assert q.cue == "tell" and text[q.cue_start:q.cue_end] == "told"
    assert q.speaker.name == "Maria Keller" and q.speaker.actor is None
    assert _span_text(text, q) == "Maria Keller"
    assert q.addressee == "reporters"
    assert 0.0 <= q.confidence <= 1.0 and q.rule.startswith("quote:direct")


def test_direct_inverted_anonymous_speaker(quotes_of) -> None:
    text = "“We cannot accept these terms at all,” said a senior EU official in Brussels."
    q = _one(quotes_of(text), "terms")
    assert q.kind == "direct"
    assert q.speaker.kind == "anonymous"
    assert q.speaker.name == "senior EU official"
    assert "a senior EU official in Brussels" == _span_text(text, q)


def test_single_quotes_and_guillemets(quotes_of) -> None:
    british = "‘We don’t intend to resign over this,’ the minister said."
    q = _one(quotes_of(british), "resign")
    assert q.text.startswith("We don’t intend")
    assert q.speaker.name == "minister"
    french = "«The border stays open for trade,» the governor said."
    assert _one(quotes_of(french), "border").kind == "direct"


def test_multi_paragraph_quote(quotes_of) -> None:
    text = ("The chairman said: “The first quarter went badly for every unit we run.\n\n"
            "“The second quarter will be better, and we have the orders to prove it.”")
    quotes = quotes_of(text)
    q = _one(quotes, "first quarter")
    assert "second quarter" in text[q.start:q.end]
    assert q.speaker.name == "chairman"


def test_interrupted_quote_keeps_one_speaker(quotes_of) -> None:
    text = "“We were ready to sign,” she said, “but the other side walked away from the table.”"
    quotes = [q for q in quotes_of(text) if q.kind == "direct"]
    covered = " ".join(q.text for q in quotes)
    assert "ready to sign" in covered and "walked away" in covered
    assert all(q.speaker.name == "she" and q.cue == "say" for q in quotes)
    if len(quotes) == 1:
        assert quotes[0].spans is not None and len(quotes[0].spans) == 2


def test_unattributed_quote_takes_paragraph_speaker(quotes_of) -> None:
    text = ("“The vote was fair and the count was clean,” Rosa Lindqvist told reporters on Tuesday. "
            "“Nobody in this room doubts the outcome.”")
    quotes = quotes_of(text)
    second = _one(quotes, "Nobody")
    assert second.speaker.name == "Rosa Lindqvist"
    if "vote was fair" in second.text:  # joined as a continuation of the first quote
        assert second.spans is not None and len(second.spans) == 2
        assert second.rule.endswith("+continuation")
    else:
        assert second.rule.startswith("quote:direct:paragraph")


def test_continuations_can_stay_separate(pipeline) -> None:
    text = ("“The vote was fair and the count was clean,” Rosa Lindqvist told reporters on Tuesday. "
            "“Nobody in this room doubts the outcome.”")
    separate = QuoteExtractor(join_continuations=False)
    quotes = separate.extract(pipeline.parser.parse(text), Article(id="t", text=text), ActorTable())
    assert [q.speaker.name for q in quotes] == ["Rosa Lindqvist", "Rosa Lindqvist"]
    assert quotes[1].rule.startswith("quote:direct:paragraph")


def test_colon_introduction(quotes_of) -> None:
    text = "The coach put it simply:\n\n“We lost because we stopped running in the second half.”"
    # no speech verb, but a sentence ending in a colon introduces what its subject said
    q = _one(quotes_of(text), "stopped running")
    assert q.speaker.name.endswith("coach") and q.rule == "quote:direct:colon:colon-sentence"
    text = "The rule is simple:\n\n“Nobody leaves the building before the count is over.”"
    assert not any(q.speaker.name.endswith("rule") for q in quotes_of(text))
    text = "The coach said in a statement:\n\n“We lost because we stopped running in the second half.”"
    q = _one(quotes_of(text), "stopped running")
    assert q.speaker.name == "coach"
    assert q.rule.startswith("quote:direct:")


def test_doubled_apostrophes_read_as_double_marks() -> None:
    text = "The curator said ''this hall tells the whole story,'' and left. It's ''fine''."
    spans = [text[m.start:m.end] for m in find_marked_spans(text)]
    assert spans == ["this hall tells the whole story,", "fine"]


def test_dash_signature_and_speaker_label(quotes_of) -> None:
    text = ("“The river has never been this low in my lifetime.” ― Helga Sorensen\n\n"
            "BRANDT: Well, the budget will not survive another winter like this one.")
    quotes = quotes_of(text)
    signed = _one(quotes, "river")
    assert signed.kind == "direct" and signed.speaker.name == "Helga Sorensen"
    assert signed.rule.endswith("dash-signature")
    label = _one(quotes, "budget will not survive")
    assert label.speaker.name == "BRANDT" and label.cue == ":"


def test_subject_inside_the_quote_is_not_the_speaker(quotes_of) -> None:
    text = "“The plan is in tatters. Total tatters,” said Ingrid Holm, a council member from the north."
    q = _one(quotes_of(text), "tatters")
    assert q.kind == "direct"
    assert q.speaker.name == "Ingrid Holm"


def test_label_verb_with_quoted_phrase_is_mixed(quotes_of) -> None:
    text = 'The senator blasted the agency for being "utterly careless" with public money.'
    q = _one(quotes_of(text), "careless")
    assert q.kind == "mixed"
    assert q.text.startswith("the agency")
    assert q.speaker.name == "senator"


# --- mixed and indirect -----------------------------------------------------------------------


def test_mixed_quote(quotes_of) -> None:
    text = 'He said the alliance was "a relic of another century".'
    q = _one(quotes_of(text), "relic")
    assert q.kind == "mixed"
    assert q.text.startswith("the alliance was")
    assert q.speaker.name == "He"


def test_indirect_said_that(quotes_of) -> None:
    text = "The Finnish foreign minister said that the talks would resume in March."
    q = _one(quotes_of(text), "talks would resume")
    assert q.kind == "indirect"
    assert q.text == "that the talks would resume in March"
    assert q.speaker.name == "Finnish foreign minister"


def test_indirect_maintains_and_parenthetical(quotes_of) -> None:
    text = ("The union maintains that the new rota is unsafe for nurses. "
            "The hospital will hire forty more staff next year, a spokesman said.")
    quotes = quotes_of(text)
    first = _one(quotes, "rota")
    assert first.cue == "maintain" and first.kind == "indirect"
    assert first.speaker.name == "union"
    second = _one(quotes, "forty more staff")
    assert second.kind == "indirect" and second.cue == "say"
    assert second.speaker.kind == "anonymous"
    assert "spokesman" not in second.text


def test_according_to(quotes_of) -> None:
    text = "According to the port authority, the ship left the harbour before dawn."
    q = _one(quotes_of(text), "ship left")
    assert q.cue == "according to"
    assert q.kind == "indirect"
    assert "port authority" in q.speaker.name
    assert "According" not in q.text


def test_belief_cue(quotes_of) -> None:
    text = "Economists fear the currency could lose a third of its value."
    q = _one(quotes_of(text), "currency")
    assert q.cue == "fear"
    assert q.speaker.kind == "anonymous"


def test_addressee_in_letter(quotes_of) -> None:
    text = "The ambassador said in a letter to the Security Council that the shelling had to stop."
    q = _one(quotes_of(text), "shelling")
    assert q.addressee == "the Security Council"


# --- what stays out ---------------------------------------------------------------------------


def test_scare_quotes_and_names_are_not_quotes(quotes_of) -> None:
    text = ('The so-called "peace dividend" was spent quickly. '
            'Operation "Silver Anchor" began on Monday under the "Clean Rivers" act.')
    assert quotes_of(text) == []


def test_scare_quote_after_speech_verb_is_no_quotation(quotes_of) -> None:
    text = 'The mayor called the budget a "masterpiece" and left the hall early.'
    quotes = quotes_of(text)
    assert all(q.kind != "direct" for q in quotes)
    assert all(q.text.strip() != "masterpiece" for q in quotes)


def test_named_operations_and_laws_are_not_quotes(quotes_of) -> None:
    text = ('Officials said the drill, known as "Operation Northern Lantern," would last a week. '
            'The "Fair Harbour Act" passed the chamber on Thursday.')
    quotes = quotes_of(text)
    assert all("Northern Lantern" not in q.text or q.kind == "indirect" for q in quotes)
    assert all("Fair Harbour" not in q.text for q in quotes)


def test_quoted_headlines_in_a_link_list_are_not_quotes(quotes_of) -> None:
    text = ("Read more:\n"
            "“Harbour towns brace for the winter storms”\n"
            "“Five things to know about the new rail timetable”\n"
            "“Why the river festival moved to June”\n\n"
            "The council met on Monday.")
    assert quotes_of(text) == []


def test_short_exclamation_with_speech_cue_is_a_quote(quotes_of) -> None:
    text = "The marchers reached the square and shouted, “Open the gates!”"
    q = _one(quotes_of(text), "Open the gates")
    assert q.kind == "direct" and "marchers" in q.speaker.name


def test_unbalanced_marks_do_not_derail_the_article(quotes_of) -> None:
    text = ("The minister said the figures were “provisional and would change.\n\n"
            "“We will publish everything in March,” said Lena Okafor, the agency’s head.\n\n"
            "A final “ mark sits here alone.\n\n"
            "“The harvest was the best in a decade,” the farmers’ union said in a statement.")
    quotes = quotes_of(text)
    march = _one(quotes, "publish everything in March")
    assert march.kind == "direct" and "Okafor" in march.speaker.name
    harvest = _one(quotes, "best in a decade")
    assert harvest.kind == "direct" and "union" in harvest.speaker.name
    assert all("\n" not in q.text for q in quotes)


def test_participle_clause_stays_out_of_indirect_content(quotes_of) -> None:
    text = "The council said it would reopen the bridge, reversing a decision taken in the spring."
    q = _one(quotes_of(text), "reopen the bridge")
    assert q.kind == "indirect" and "reversing" not in q.text


def test_speaker_between_quote_and_verb_with_apposition(quotes_of) -> None:
    text = ("“The numbers are clear and the trend is worrying for all of us,” Ruth Amsel, a senior "
            "economist, said on Monday. “Nobody should pretend otherwise.”")
    q = _one(quotes_of(text), "numbers are clear")
    assert q.kind == "direct" and "Amsel" in q.speaker.name
    assert "Nobody should pretend" in q.text  # the continuation joins the first part


def test_prepositional_attribution(quotes_of) -> None:
    text = "Senator Dana Whitfield warned of a long recession in the farming regions."
    q = _one(quotes_of(text), "long recession")
    assert q.kind == "indirect" and q.cue == "warn" and "Whitfield" in q.speaker.name


def test_colon_after_statement_sentence_with_inverted_speaker(quotes_of) -> None:
    text = "“We have done what we promised,” added another council member. “The rest is up to the voters.”"
    q = _one(quotes_of(text), "done what we promised")
    assert "member" in q.speaker.name and "rest is up to the voters" in q.text


def test_dash_signed_name_before_colon(quotes_of) -> None:
    text = "Turnout models agree - Petra Lindahl: “The late deciders broke for the incumbent in every district.”"
    q = _one(quotes_of(text), "late deciders")
    assert q.speaker.name == "Petra Lindahl" and q.rule.endswith(":dash-name-colon")


def test_cue_inside_a_quote_is_not_an_attribution(quotes_of) -> None:
    text = "“My father said we would never leave this valley,” the farmer recalled."
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].speaker.name == "farmer"


def test_name_before_verb_with_party_label(quotes_of) -> None:
    text = "“We will not close the clinic this winter,” Rep. Marta Oyelaran (D-Ore.) said in a phone interview."
    q = _one(quotes_of(text), "close the clinic")
    assert q.kind == "direct" and "Oyelaran" in q.speaker.name


def test_quotation_inside_a_participle_clause_is_not_a_continuation(quotes_of) -> None:
    text = ("“The budget is balanced and the reserves are full,” Mayor Ilse Brandt said, adding that the new "
            "park would be “finished well before the spring festival.”")
    quotes = quotes_of(text)
    first = _one(quotes, "budget is balanced")
    assert "spring festival" not in first.text and "Brandt" in first.speaker.name


def test_passive_cue_takes_the_agent_as_speaker(quotes_of) -> None:
    text = "The new tariff plan was praised by several farm groups on Tuesday."
    q = _one(quotes_of(text), "tariff plan")
    assert q.kind == "indirect" and q.cue == "praise" and "groups" in q.speaker.name


def test_calling_for_a_clause(quotes_of) -> None:
    text = "Governor Anika Salo is calling for the state to expand its flood defenses along the river."
    q = _one(quotes_of(text), "expand its flood defenses")
    assert q.kind == "indirect" and "Salo" in q.speaker.name


def test_speaker_of_a_cue_after_by(quotes_of) -> None:
    text = "The mayor surprised the council by saying that the library budget would be cut in half."
    q = _one(quotes_of(text), "library budget would be cut")
    assert q.kind == "indirect" and "mayor" in q.speaker.name


def test_document_speaks_through_a_participle(quotes_of) -> None:
    text = "A petition calling for the closure of the chemical plant gathered thousands of signatures."
    q = _one(quotes_of(text), "closure of the chemical plant")
    assert "petition" in q.speaker.name


def test_nonrestrictive_relative_clause_stays_out_of_indirect_content(quotes_of) -> None:
    text = "The minister said the reform would cut waiting times, which critics have long disputed."
    q = _one(quotes_of(text), "cut waiting times")
    assert q.kind == "indirect" and "critics" not in q.text


def test_transcript_label_after_an_opening_mark(quotes_of) -> None:
    text = "\"HOLLOWAY: We will take every question from the floor after the vote tonight.\n\nThe hall went quiet."
    q = _one(quotes_of(text), "take every question")
    assert "HOLLOWAY" in q.speaker.name


def test_referring_to_is_an_attribution(quotes_of) -> None:
    text = "The senator referred to the water bill as a betrayal of rural voters."
    q = _one(quotes_of(text), "water bill")
    assert q.cue == "refer" and "senator" in q.speaker.name


def test_inverted_speech_verb_before_a_colon(quotes_of) -> None:
    text = "The council met on Monday.\n\nSaid Brandt: “We will not raise the water rates this year.”"
    q = _one(quotes_of(text), "raise the water rates")
    assert q.kind == "direct" and "Brandt" in q.speaker.name


def test_quotation_opening_inside_a_cue_clause_belongs_to_that_cue(quotes_of) -> None:
    text = ("“The harbour will reopen in May,” Mayor Ilse Brandt said. She called the project a "
            "“turning point for every family that lives along the old docks.”")
    quotes = quotes_of(text)
    first = _one(quotes, "harbour will reopen")
    assert "turning point" not in first.text
    second = _one(quotes, "turning point")
    assert second.cue == "call" and "She" in _span_text(text, second)


def test_quotation_after_its_own_colon_is_not_a_continuation(quotes_of) -> None:
    text = ("“We will not sell the farm,” Jonas Berglund said. Later that evening he gave a different "
            "answer: “Perhaps we will sell part of it after the harvest.”")
    first = _one(quotes_of(text), "not sell the farm")
    assert "harvest" not in first.text and "Berglund" in first.speaker.name


def test_addressee_of_tell_is_not_the_speaker(quotes_of) -> None:
    text = ("The governor seemed ready to joke about the storm, telling the crowd, “Bring your umbrellas "
            "and your patience to the fair this weekend.”")
    q = _one(quotes_of(text), "umbrellas")
    assert "crowd" not in q.speaker.name


def test_phrase_quoted_inside_a_sentence_takes_no_distant_speaker(quotes_of) -> None:
    text = "Mayor Ilse Brandt opened the new “harbour walk for families and visiting school groups” on Friday."
    assert all("harbour walk" not in q.text or q.kind != "direct" for q in quotes_of(text))


# --- actors -----------------------------------------------------------------------------------


def test_speaker_resolved_through_actor_table(quotes_of) -> None:
    text = "Julia Brandt spoke first. “The budget is balanced for the first time,” Ms Brandt said."
    mention_start = text.index("Ms Brandt")
    actor = Actor(id="a1", name="Julia Brandt", kind="person", mentions=[
        Mention(0, len("Julia Brandt"), "Julia Brandt", "test"),
        Mention(mention_start, mention_start + len("Ms Brandt"), "Ms Brandt", "test"),
    ])
    q = _one(quotes_of(text, ActorTable([actor])), "budget")
    assert q.speaker.actor == "a1"
    assert q.speaker.name == "Julia Brandt"
    assert q.speaker.kind == "person"
    assert _span_text(text, q) == "Ms Brandt"


def test_pronoun_speaker_resolved(quotes_of) -> None:
    text = "Omar Haddad left early. He said the plan had failed."
    start = text.index("He said")
    actor = Actor(id="p1", name="Omar Haddad", kind="person", mentions=[
        Mention(0, 11, "Omar Haddad", "test"), Mention(start, start + 2, "He", "test:pronoun"),
    ])
    q = _one(quotes_of(text, ActorTable([actor])), "plan had failed")
    assert q.speaker.actor == "p1" and q.speaker.name == "Omar Haddad"


# --- the seed article -------------------------------------------------------------------------


def _seed_quotes(pipeline, extractor, shared_dir: Path) -> tuple[str, list[Quote]]:
    gold = json.loads((shared_dir / "benchmarks/quotes/jsonl/seed_000_gold.jsonl").read_text("utf-8"))
    text = gold["text"]
    doc = pipeline.parser.parse(text)
    article = Article(id="seed", text=text)
    actors = pipeline.actors.resolve(doc, article)
    return text, extractor.extract(doc, article, actors)


def test_seed_expectations(pipeline, extractor, shared_dir: Path) -> None:
    text, quotes = _seed_quotes(pipeline, extractor, shared_dir)

    def speaker_of(needle: str) -> Quote:
        return _one(quotes, needle)

    smith_1 = speaker_of("Russian action has led")
    smith_2 = speaker_of("United States remains in lockstep")
    assert "Smith" in smith_1.speaker.name and "Smith" in smith_2.speaker.name
    assert smith_1.addressee == "reporters"
    assert "Peskov" in speaker_of("Undoubtedly, any expansion").speaker.name
    confrontation = speaker_of("instrument of confrontation")
    assert confrontation.kind in ("mixed", "direct")
    assert confrontation.speaker.actor is not None or confrontation.speaker.name.lower() == "he"
    for needle in ("nothing to offer them", "The only hope"):
        q = speaker_of(needle)
        assert "European diplomat" in q.speaker.name and q.kind == "direct"
    nato = speaker_of("membership is a matter for the alliance")
    assert nato.kind == "indirect" and nato.speaker.name == "NATO" and nato.cue == "maintain"
    assert "officials" in speaker_of("ready to talk to Russia").speaker.name
    assert "spokesman" in text[speaker_of("not giving an ultimatum").speaker.start:
                               speaker_of("not giving an ultimatum").speaker.end]
    ultimatum = speaker_of("not giving an ultimatum")
    assert ultimatum.kind == "indirect" and ultimatum.cue == "say"
    assert "concerned about threats" in ultimatum.text and "Putin" in ultimatum.text
    unacceptable = speaker_of("such demands unacceptable")
    assert unacceptable.kind == "indirect" and unacceptable.cue == "call"
    assert "allies" in text[unacceptable.speaker.start:unacceptable.speaker.end]
    assert speaker_of("raise concerns").kind == "indirect"
    fear = speaker_of("use the slowdown")
    assert fear.cue == "fear" and fear.speaker.kind == "anonymous"
    assert text[fear.speaker.start:fear.speaker.end] == "Diplomats"
    assert fear.text.startswith("Russia could use the slowdown")
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text) and 0.0 <= q.confidence <= 1.0 and q.rule
        pieces = [(span.start, span.end) for span in q.spans] if q.spans else [(q.start, q.end)]
        assert q.text == " … ".join(text[s:e] for s, e in pieces)
        assert q.cue_start is not None and q.cue_end is not None and q.cue_start < q.cue_end
        assert text[q.speaker.start:q.speaker.end].strip()


def test_seed_score(pipeline, extractor, shared_dir: Path, tmp_path: Path) -> None:
    """End to end through the project's scorer: most seed quotes found with their speaker."""
    from newsgraph.records import AnalyzedDocument

    text, quotes = _seed_quotes(pipeline, extractor, shared_dir)
    analysed = AnalyzedDocument(article=Article(id="seed", text=text), quotes=quotes)
    predictions = tmp_path / "seed.jsonl"
    predictions.write_text(json.dumps(analysed.to_dict()) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "tools/score_quotes.py"),
         str(shared_dir / "benchmarks/quotes/jsonl/seed_000_gold.jsonl"), str(predictions), "--json"],
        check=True, capture_output=True, text=True,
    )
    scores = json.loads(result.stdout)
    assert scores["end_to_end_overlap"]["f1"] >= 0.8, scores["summary"]
    assert scores["cue_accuracy_on_matched"] >= 0.8, scores["summary"]
