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


def test_marks_read_a_year_apostrophe_as_no_opening_mark() -> None:
    text = "The mayor said in ‘09 that the bridge was safe. “It will stand for decades,” he said."
    spans = [text[m.start:m.end] for m in find_marked_spans(text)]
    assert spans == ["It will stand for decades,"]


def test_marks_close_a_double_quotation_on_a_single_mark_typed_for_it() -> None:
    text = "The coach posted: “We lost. We will be back.’ The club said nothing more. Fans wrote “shame” online."
    spans = [text[m.start:m.end] for m in find_marked_spans(text)]
    assert spans == ["We lost. We will be back.", "shame"]
    nested = "“He called it ‘a joke.’ We disagree,” she said."
    assert [nested[m.start:m.end] for m in find_marked_spans(nested)] == ["He called it ‘a joke.’ We disagree,"]


def test_marks_follow_a_quotation_over_a_line_broken_inside_its_sentence() -> None:
    text = "“The council has spent far too long arguing about\nthe car park and not the school,” she said."
    pieces = [text[s:e] for m in find_marked_spans(text) for s, e in m.pieces]
    assert pieces == ["The council has spent far too long arguing about", "the car park and not the school,"]
    new_paragraph = "“The vote is closed\n\nThe results come later."
    assert find_marked_spans(new_paragraph) == []


def test_marks_end_an_unclosed_digest_quotation_before_its_bracketed_source() -> None:
    text = "Turnout rose - More from Okafor: “Young voters came out in numbers we have not seen in years. [Survey.]"
    spans = [text[m.start:m.end] for m in find_marked_spans(text)]
    assert spans == ["Young voters came out in numbers we have not seen in years."]
    mistyped = "Polls erred - Okafor: “The sample was too small.“[Survey.]"
    assert [mistyped[m.start:m.end] for m in find_marked_spans(mistyped)] == ["The sample was too small."]


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


def test_marks_open_despite_a_stray_space_after_the_mark() -> None:
    text = "“We waited long enough,” Ellen Park said. “ Nobody here wants another winter of detours.”"
    spans = [text[m.start:m.end].strip() for m in find_marked_spans(text)]
    assert spans == ["We waited long enough,", "Nobody here wants another winter of detours."]
    loose = "The score was 3 “ to 1 in the end."
    assert find_marked_spans(loose) == []


def test_marks_close_a_forgotten_quote_at_the_paragraph_end() -> None:
    text = "“The harbour reopens in spring,” said Tomas Reyl. “The cranes are back. Ships have booked.\n\nAfter."
    spans = [text[m.start:m.end] for m in find_marked_spans(text)]
    assert spans == ["The harbour reopens in spring,", "The cranes are back. Ships have booked."]
    unfinished = "He said: “The cranes are back and then\n\nAfter."
    assert find_marked_spans(unfinished) == []


def test_marks_close_despite_a_stray_space_before_the_mark() -> None:
    text = "“The ferry is late again, ” the skipper said. A sign read “ Closed ” all week."
    spans = [text[m.start:m.end].strip() for m in find_marked_spans(text)]
    assert spans[0] == "The ferry is late again,"
    straight = '"We will sue the council, " she said.'
    assert [straight[m.start:m.end] for m in find_marked_spans(straight)] == ["We will sue the council, "]


def test_marks_split_transcript_turns_into_quotes_of_their_own() -> None:
    text = ('"HOST: Will the mayor attend the hearing?\n\n"ROSS: She will not. The hearing is a stunt.\n\n'
            '"It was called in a hurry.\n\n"HOST: Thank you for joining us."')
    spans = [[text[s:e] for s, e in m.pieces] for m in find_marked_spans(text)]
    assert spans == [
        ["Will the mayor attend the hearing?"],
        ["She will not. The hearing is a stunt.", "It was called in a hurry."],
        ["Thank you for joining us."],
    ]


def test_marks_keep_typographic_quotes_nested_in_straight_ones() -> None:
    text = '"As “The Harbour Gazette” reported, the ferry will stop running in May," she said.'
    spans = [text[m.start:m.end] for m in find_marked_spans(text)]
    assert spans == ["As “The Harbour Gazette” reported, the ferry will stop running in May,"]
    doubled = '"“We stay open,” the owner said before locking the door."'
    assert [doubled[m.start:m.end] for m in find_marked_spans(doubled)][0] == "We stay open,"


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
    text = "The coach kept it short:\n\n“We lost because we stopped running in the second half.”"
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


def test_quotation_after_a_sentence_of_the_writers_is_not_a_continuation(quotes_of) -> None:
    text = ("“The harbour needs a new wall before winter,” Ingrid Maal said on Monday. The council has "
            "delayed the repairs twice since the spring floods. “We cannot wait another year.”")
    first = _one(quotes_of(text), "new wall")
    assert "another year" not in first.text and not first.rule.endswith("+continuation")
    joined = ("“The harbour needs a new wall before winter,” Ingrid Maal said on Monday. "
              "“We cannot wait another year.”")
    assert "another year" in _one(quotes_of(joined), "new wall").text


def test_quotation_closed_by_a_full_stop_is_not_signed_by_a_later_sentence(quotes_of) -> None:
    text = ("“The plan is sound. It will pay for itself,” Mara Olsen said. “It is a risk.” Of the second "
            "proposal, Jon Berg, who chairs the finance board, said, “It is a gamble.”")
    risk = _one(quotes_of(text), "a risk")
    assert risk.speaker.name == "Mara Olsen" and "gamble" not in risk.text


def test_quotation_signed_by_a_cue_verb_of_another_category(quotes_of) -> None:
    text = "“The budget hasn’t failed the schools,” he mocks. “The schools have failed the budget.”"
    q = _one(quotes_of(text), "failed the schools")
    assert q.speaker.name == "he" and q.cue == "mock" and "trailing-signature" in q.rule


def test_short_quotation_set_off_after_a_verb_of_uttering_is_speech(quotes_of) -> None:
    text = "The senator texted her staff saying: “Keep going” and left the building."
    q = _one(quotes_of(text), "Keep going")
    assert q.kind == "direct" and "senator" in q.speaker.name
    unset = "The senator texted her staff saying “Keep going” and left the building."
    assert not any("Keep going" in q.text and q.kind == "direct" for q in quotes_of(unset))


def test_cue_with_two_parsed_subjects_takes_the_person(spacy_nlp) -> None:
    from spacy.tokens import Doc

    from newsgraph.quotes.cues import find_cues
    from newsgraph.quotes.lexicon import lexicon

    words = ["In", "Salem", ",", "Maine", ",", "Ruiz", "said", "it", "was", "over", "."]
    heads = [6, 0, 6, 6, 6, 6, 6, 8, 6, 8, 6]
    deps = ["prep", "pobj", "punct", "nsubj", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "VERB", "PRON", "AUX", "ADJ", "PUNCT"]
    lemmas = ["in", "Salem", ",", "Maine", ",", "Ruiz", "say", "it", "be", "over", "."]
    ents = ["O", "B-GPE", "O", "B-GPE", "O", "B-PERSON", "O", "O", "O", "O", "O"]
    doc = Doc(spacy_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    said = [cue for cue in find_cues(doc, lexicon()) if cue.lemma == "say"]
    assert len(said) == 1 and said[0].subject is not None and said[0].subject.text == "Ruiz"
    # the same parse with the person named first: the person still speaks, not the place
    swapped = ["O", "B-GPE", "O", "B-PERSON", "O", "B-GPE", "O", "O", "O", "O", "O"]
    doc = Doc(spacy_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=swapped)
    said = [cue for cue in find_cues(doc, lexicon()) if cue.lemma == "say"]
    assert said[0].subject is not None and said[0].subject.text == "Maine"


def test_participle_after_a_quotation_stays_out_of_it(quotes_of) -> None:
    text = ("Ortega said the club will keep meeting on Fridays, but said, “It’s time we change how we do "
            "it,” promising the members will vote on a new name.")
    q = _one(quotes_of(text), "change how")
    assert q.kind == "direct" and "promising" not in q.text and "new name" not in q.text
    # a parse that split the cue's clause around the participle: its later piece is cut as well
    from types import SimpleNamespace

    from newsgraph.quotes.extract import _Assembly

    sentence = "He said, “It’s time we change,” promising the club will return to its roots."
    open_mark, close_mark = sentence.index("“"), sentence.index("”")
    content = [(open_mark + 1, close_mark - 1), (sentence.index("will"), len(sentence) - 1)]
    kept = _Assembly._around_marks(SimpleNamespace(text=sentence), content, open_mark, close_mark)
    assert kept == [(open_mark + 1, close_mark - 1)]


def test_addressee_of_tell_is_not_the_speaker(quotes_of) -> None:
    text = ("The governor seemed ready to joke about the storm, telling the crowd, “Bring your umbrellas "
            "and your patience to the fair this weekend.”")
    q = _one(quotes_of(text), "umbrellas")
    assert "crowd" not in q.speaker.name


def test_phrase_quoted_inside_a_sentence_takes_no_distant_speaker(quotes_of) -> None:
    text = "Mayor Ilse Brandt opened the new “harbour walk for families and visiting school groups” on Friday."
    assert all("harbour walk" not in q.text or q.kind != "direct" for q in quotes_of(text))


def test_double_mark_closes_after_a_nested_single_mark_and_a_space(quotes_of) -> None:
    text = ("\"Nobody here still calls it the 'old harbour,' \" Pia Moreau wrote, citing the survey. "
            "\"The name changed when the ferries stopped.\"")
    spans = [text[m.start:m.end] for m in find_marked_spans(text)]
    assert spans[0].startswith("Nobody here") and "Moreau" not in spans[0]
    q = _one(quotes_of(text), "old harbour")
    assert "Moreau" in q.speaker.name


def test_cue_after_a_question_the_parser_split_off(quotes_of) -> None:
    text = "“Who will pay for the new bridge? Who will maintain it?” Councillor Yusuf Demir said."
    q = _one(quotes_of(text), "new bridge")
    assert q.kind == "direct" and "Demir" in q.speaker.name


def test_inverted_verb_tagged_as_part_of_a_name(quotes_of) -> None:
    text = ("The mill closed in March.\n\nContinued Okafor: “We will reopen it as a school for "
            "carpenters and joiners.”")
    q = _one(quotes_of(text), "carpenters")
    assert "Okafor" in q.speaker.name and q.cue == "continue"


def test_inverted_cue_with_a_long_apposition(quotes_of) -> None:
    text = ("“The river is cleaner than it has been in forty years,” said Marta Lindqvist, a retired "
            "engineer who chairs the water board.")
    q = _one(quotes_of(text), "river is cleaner")
    assert "Lindqvist" in q.speaker.name


def test_name_and_colon_inside_a_paragraph(quotes_of) -> None:
    text = ("The two candidates clashed on taxes. Brandt: “Every household will pay less next year.” "
            "Okafor: “The numbers in that plan do not add up.”")
    quotes = quotes_of(text)
    assert "Brandt" in _one(quotes, "household").speaker.name
    assert "Okafor" in _one(quotes, "numbers").speaker.name


def test_signature_on_the_next_line(quotes_of) -> None:
    text = ("Quotes of the week.\n\n"
            "\"We built this orchestra from nothing and we will not let it fold.\"\n\n"
            "- Helga Sorensen, speaking at the gala.\n\nThe season opens in October.")
    q = _one(quotes_of(text), "orchestra")
    assert q.kind == "direct" and "Sorensen" in q.speaker.name
    glued = ("Overheard.\n\n\"Every bridge in this county needs new paint before the winter.\"\n\n"
             "-Mayor Ilse Brandt, at the council meeting.")
    assert "Brandt" in _one(quotes_of(glued), "bridge").speaker.name


def test_more_from_a_name_and_a_colon(quotes_of) -> None:
    text = ("Turnout rose in every district - More from Okafor: “The young voters came out early and "
            "they stayed in line for hours.”")
    q = _one(quotes_of(text), "young voters")
    assert "Okafor" in q.speaker.name


def test_as_someone_put_it(quotes_of) -> None:
    text = "As the ferry captain Ines Baptiste put it, “The sea does not care about our timetable.”"
    q = _one(quotes_of(text), "timetable")
    assert "Baptiste" in q.speaker.name and q.cue == "put"


def test_colon_sentence_beats_the_speaker_of_an_earlier_quote(quotes_of) -> None:
    text = ("“We need the money by June,” said Mayor Ilse Brandt. Councillor Jonas Berglund objected: "
            "“The money was spent on the stadium last spring.”")
    q = _one(quotes_of(text), "stadium")
    assert "Berglund" in q.speaker.name


def test_quotation_introduced_by_its_own_cue_after_a_longer_report(quotes_of) -> None:
    text = ("She said the library would stay open, and when pressed on the cost, the director of the "
            "museum replied, “We will find the money in next year's budget somehow.”")
    q = _one(quotes_of(text), "find the money")
    assert q.kind == "direct" and not q.text.startswith("the library")
    assert "director" in q.speaker.name


def test_clause_after_an_opening_quotation_stays_out(quotes_of) -> None:
    text = "Mayor Brandt had said, “We will see,” when asked whether she would run for a third term."
    q = _one(quotes_of(text), "We will see")
    assert "third term" not in q.text and q.kind == "direct"


def test_participle_after_a_quoted_clause_is_a_report_of_its_own(quotes_of) -> None:
    text = ("Okafor stressed that “the only way forward is to talk to the neighbours,” suggesting that the "
            "council should vote on the plan again.")
    quotes = quotes_of(text)
    first = _one(quotes, "only way forward")
    assert "vote on the plan" not in first.text


def test_short_exclamation_continuing_a_quote_is_kept(quotes_of) -> None:
    text = "“This budget leaves the schools with nothing,” the teacher said. “Shame!”"
    quotes = quotes_of(text)
    assert any("Shame" in q.text for q in quotes)
    assert all("teacher" in q.speaker.name for q in quotes if "Shame" in q.text)


def test_quotation_with_no_cue_takes_the_person_named_in_its_paragraph(pipeline, quotes_of) -> None:
    text = ("Rosa Lindqvist stood at the back of the hall. “Nobody asked the fishermen before the "
            "new quotas were signed in the capital last winter.”\n\nThe meeting ended at nine.")
    actor = Actor(id="a1", name="Rosa Lindqvist", kind="person", mentions=[Mention(0, 14, "Rosa Lindqvist", "test")])
    q = _one(quotes_of(text, ActorTable([actor])), "fishermen")
    assert q.kind == "direct" and q.speaker.actor == "a1"
    assert q.rule == "quote:direct:guessed-speaker" and q.confidence < 0.5
    assert all("fishermen" not in q.text for q in quotes_of(text))  # no person named: left out
    without_guess = QuoteExtractor(guess_speakers=False)
    doc_quotes = without_guess.extract(pipeline.parser.parse(text), Article(id="t", text=text), ActorTable([actor]))
    assert all("fishermen" not in q.text for q in doc_quotes)


def test_person_pictured_in_footage_speaks(quotes_of) -> None:
    text = "The spot closes with a clip of Brandt telling a crowd, “Nobody will lose a job in this town.”"
    q = _one(quotes_of(text), "lose a job")
    assert q.speaker.name == "Brandt"


def test_question_followed_by_asked_and_the_asker(quotes_of) -> None:
    text = "“Will the pool be open on Sunday?” asked the girl in the red raincoat, as her mother laughed."
    q = _one(quotes_of(text), "pool be open")
    assert "girl" in q.speaker.name


def test_belief_verb_claims_only_a_quotation_right_next_to_it(quotes_of) -> None:
    text = ("The farmers signed “the longest contract any of us has ever seen in this valley” last year, "
            "and they want to keep it.")
    assert all(q.cue != "want" for q in quotes_of(text) if "longest contract" in q.text)


def test_digest_quotation_after_a_headline_in_capitals(quotes_of) -> None:
    text = ("WHY THE RIVER FESTIVAL MOVED TO JUNE “Fewer storms, longer evenings and the school holidays "
            "all pointed to the same month for the organisers.” [Valley Herald.]")
    q = _one(quotes_of(text), "Fewer storms")
    assert q.kind == "direct" and q.speaker.name == "WHY THE RIVER FESTIVAL MOVED TO JUNE"
    assert _span_text(text, q) == "WHY THE RIVER FESTIVAL MOVED TO JUNE"
    lowercase = ("Why the river festival moved to June “Fewer storms, longer evenings and the school holidays "
                 "all pointed to the same month for the organisers.”")
    assert all("Fewer storms" not in q.text for q in quotes_of(lowercase))


def test_signed_quotation_leaves_the_writers_introduction_out(quotes_of) -> None:
    text = ("Later that week, Okafor returned to the subject of the harbour fees, clearly annoyed: "
            "“Nobody asked the fishermen before the council voted,” she said, pointing to the empty quay.")
    q = _one(quotes_of(text), "Nobody asked the fishermen")
    assert q.kind == "direct"
    assert q.text == "Nobody asked the fishermen before the council voted"
    assert "quay" not in q.text and "annoyed" not in q.text


def test_signed_quotation_keeps_a_leading_phrase_of_its_sentence(quotes_of) -> None:
    text = "With four ferries out of service, “the island is cut off for a week,” the harbour master said."
    q = _one(quotes_of(text), "cut off for a week")
    assert q.start == 0 and q.kind == "mixed"


def test_short_object_of_a_verb_of_uttering_is_speech(quotes_of) -> None:
    text = "As the mayor left the stage, a woman near the front yelled “Go home!” and the band played on."
    q = _one(quotes_of(text), "Go home")
    assert q.kind == "direct" and "woman" in q.speaker.name
    sign = "Outside the depot, the strikers carried a banner that read “Fair Pay Now” — and nobody removed it."
    assert _one(quotes_of(sign), "Fair Pay Now").kind == "direct"
    scare = "The repairs, still “ongoing” this spring, closed the bridge."
    assert all("ongoing" not in q.text for q in quotes_of(scare))


def test_short_quotation_said_in_a_clause_that_goes_on_is_speech(quotes_of) -> None:
    """"said “X” five times", "mouthing “X” toward the crowd": the clause goes on after the words
    uttered with an adverbial, and they are still what was said."""
    text = "In a short reply, Ilse Varga said “Harbour” four times and left the room."
    q = _one(quotes_of(text), "Harbour")
    assert q.kind == "direct" and "Varga" in q.speaker.name
    mouthed = "The singer waved the flag, mouthing “thank you” toward the back rows."
    assert _one(quotes_of(mouthed), "thank you").kind == "direct"
    modifier = "The director said the “Harbour Nights” series would end."
    assert all(q.text != "Harbour Nights" for q in quotes_of(modifier))


def test_participle_read_as_a_noun_still_utters(quotes_of) -> None:
    """"a campaign hat reading, “...”": the tagger reads "reading" as part of the noun."""
    text = "The two mayors wore a campaign hat reading, “Keep the Valley Green Forever” at the rally on Friday."
    q = _one(quotes_of(text), "Keep the Valley Green")
    assert q.kind == "direct" and q.text == "Keep the Valley Green Forever"


def test_cue_with_its_addressee_introduces_the_next_quotation(quotes_of) -> None:
    """“A,” she sang to him before asking him, “B?”: B has a cue of its own, it is no part of A."""
    text = ("“Keep your hands where I can see them,” Dana Holt sings to the mayor before asking him, "
            "“Where do we go from here, my friend?”")
    quotes = quotes_of(text)
    first, second = _one(quotes, "Keep your hands"), _one(quotes, "Where do we go")
    assert first is not second and second.kind == "direct" and "Holt" in second.speaker.name


def test_quotation_from_a_named_document_after_a_colon(quotes_of) -> None:
    """"From the report: “...”": the document the writer quotes from speaks."""
    text = ("Not all panels are alike. From the report: “Samples with longer field periods gave more "
            "accurate results than the quick ones.”")
    q = _one(quotes_of(text), "longer field periods")
    assert q.kind == "direct" and q.speaker.name.lower().endswith("report")
    owned = ("The mayor wrote at length. From Varga's newsletter: “We will rebuild the pier before the "
             "summer season begins.”")
    assert "Varga" in _one(quotes_of(owned), "rebuild the pier").speaker.name


def test_organisation_signing_a_colon_whose_name_the_tagger_read_as_nouns(quotes_of) -> None:
    """"... - Harbour Polling: “...”": a named organisation signs the quotation even when the
    tagger reads its name as common nouns, as long as the actors stage knows it."""
    text = ("Estimates of engagement are particularly problematic - Harbour Polling: “Every sample we "
            "tested leaned toward the more engaged voters.”")
    start = text.index("Harbour Polling")
    actor = Actor(id="a1", name="Harbour Polling", kind="organization",
                  mentions=[Mention(start, start + len("Harbour Polling"), "Harbour Polling", "test")])
    q = _one(quotes_of(text, ActorTable([actor])), "Every sample")
    assert q.kind == "direct" and q.speaker.name == "Harbour Polling"


def test_fragment_quoted_inside_the_writers_clause_reports_the_clause(quotes_of) -> None:
    """A quotation opening in lower case after the writer's words in its sentence is a fragment of
    a reported clause; the report is that clause, the signing cue and speaker left out."""
    text = "The vote on the pier signals “the beginning of the end” for the old market, said Tomas Reyl, a trader."
    q = _one(quotes_of(text), "beginning of the end")
    assert q.kind == "mixed" and q.text.startswith("The vote on the pier") and "Reyl" in q.speaker.name
    assert "said" not in q.text
    whole = "“The vote on the pier is the beginning of the end,” said Tomas Reyl, a trader."
    assert _one(quotes_of(whole), "beginning of the end").kind == "direct"


def test_naming_in_a_relative_clause_leaves_the_namer_out_of_the_report(quotes_of) -> None:
    """"what Reyl called a “gamble”": the speaker and the naming verb are no part of what he said."""
    text = "The council approved what Reyl called a “gamble” on Tuesday."
    q = _one(quotes_of(text), "gamble")
    assert "called" not in q.text and "Reyl" not in q.text and "Reyl" in q.speaker.name


def test_mixed_report_pieces_join_unless_words_part_them(pipeline, extractor) -> None:
    """A mixed quote's pieces are one span where only spaces or punctuation lie between them."""
    from newsgraph.quotes.extract import _Assembly

    text = "The plan, in short, was late; Varga said so twice."
    assembly = _Assembly(extractor, pipeline.parser.parse(text), text, ActorTable())
    assert assembly._joined([(0, 8), (9, 18)]) == [(0, 18)]
    assert assembly._joined([(0, 8), (20, 28)]) == [(0, 8), (20, 28)]


def test_quotation_signed_by_a_verb_the_parse_missed(quotes_of) -> None:
    text = ("“If the mill closes, the whole valley closes with it,” the leaflet read.\n\n"
            "The leaflet was handed out at the gates on Monday.")
    q = _one(quotes_of(text), "whole valley closes")
    assert "leaflet" in q.speaker.name and q.rule.endswith("trailing-signature")


def test_verb_lemma_from_a_capitalised_past_form() -> None:
    from newsgraph.quotes.lexicon import lexicon

    lex = lexicon()
    assert lex.verb_lemma("Stated") == "state"
    assert lex.verb_lemma("Said") == "say"
    assert lex.verb_lemma("replied") == "reply"
    assert lex.verb_lemma("Added") == "add"
    assert lex.verb_lemma("Harbour") is None


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


def test_forgotten_closing_mark_continues_the_speakers_quote(quotes_of) -> None:
    text = ("“The harbour will reopen in spring,” said Tomas Reyl. “The repairs are finished and the "
            "cranes are back. Shipping lines have booked their slots.\n\nReyl gave no date for the first ship.")
    q = _one(quotes_of(text), "harbour")
    assert "Shipping lines have booked their slots." in q.text
    assert q.speaker.name == "Tomas Reyl" and q.kind == "direct"


def test_age_phrase_signs_a_quotation(quotes_of) -> None:
    text = ("The clip spread quickly.\n\n“What if the mayor had listened?” the 43-year-old asked in the "
            "film’s caption.")
    q = _one(quotes_of(text), "mayor had listened")
    assert q.speaker.name == "43-year-old"
    assert _span_text(text, q).endswith("43-year-old")
    assert q.rule.endswith("trailing-signature")


def test_parenthetical_speaker_introduces_a_quotation(quotes_of) -> None:
    text = "The delay had several causes, including, she said, “a shortage of trained welders at the yard.”"
    quotes = quotes_of(text)
    q = _one(quotes, "welders")
    assert q.kind == "direct" and q.text == "a shortage of trained welders at the yard."
    assert _span_text(text, q) == "she" and q.cue == "say"
    assert not any("several causes" in other.text for other in quotes)


def test_colon_after_a_named_subject_with_be_introduces_a_quotation(quotes_of) -> None:
    text = ("The review did not go well for the club. Senator Maria Lopez was blunt in her verdict: "
            "“This stadium deal should never have been signed.”")
    q = _one(quotes_of(text), "stadium deal")
    assert q.kind == "direct" and q.speaker.name == "Maria Lopez"
    plain = "The rule is simple: “Whoever arrives first picks the table.”"
    assert not any(other.kind == "direct" for other in quotes_of(plain))


def test_transcript_turns_take_their_labels_as_speakers(quotes_of) -> None:
    text = ('"HOST: Will the mayor attend the hearing tomorrow?\n\n"ROSS: She will not attend. The hearing is '
            'a stunt by her rivals.\n\n"HOST: Thank you for joining us this morning."')
    quotes = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.speaker.name for q in quotes] == ["HOST", "ROSS", "HOST"]
    assert quotes[1].text == "She will not attend. The hearing is a stunt by her rivals."


def test_quotation_introduced_by_a_colon_ends_a_report_as_direct(quotes_of) -> None:
    text = ("The mayor said she was too tired to answer further questions: “I have had a long day and I need "
            "to sleep now, thank you.”")
    quotes = quotes_of(text)
    q = _one(quotes, "long day")
    assert q.kind == "direct" and q.text.startswith("I have had") and "too tired" not in q.text
    assert q.speaker.name == "mayor"
    scare = "The mayor said the plan was, in her words: “fine.”"
    assert not any(other.kind == "direct" and other.text.startswith("fine") and other.rule.startswith(
        "quote:direct:introduced") for other in quotes_of(scare))


def test_short_continuation_joins_the_speakers_quote(quotes_of) -> None:
    text = ("The vote was close.\n\n“I would,” Marta said to the screen. “I would, Pavel.”\n\n"
            "The broadcast ended soon after.")
    q = _one(quotes_of(text), "I would")
    assert q.spans is not None and len(q.spans) == 2
    assert text[q.spans[1].start:q.spans[1].end] == "I would, Pavel."
    assert q.speaker.name == "Marta"


def test_footage_of_a_named_person_asking_gives_that_person(quotes_of) -> None:
    text = "The new ad uses footage of Maria Lopez asking, “Why is the harbour still closed, you might ask?”"
    q = _one(quotes_of(text), "harbour still closed")
    assert q.speaker.name == "Maria Lopez"
    assert _span_text(text, q) == "Maria Lopez"


def test_past_tense_verb_and_name_after_a_quotation_sign_it(quotes_of) -> None:
    text = ("The crowd stayed until the lights went out.\n\n“What a night for this town!” grinned Tomas Reyl, "
            "who had waited.")
    q = _one(quotes_of(text), "What a night")
    assert q.speaker.name == "Tomas Reyl" and q.cue == "grin"
    assert q.rule.endswith("inverted-signature")
    place = "“Welcome home,” read the sign at Oslo Central Station."
    assert not any(other.rule.endswith("inverted-signature") for other in quotes_of(place))


# --- indirect attributions (PolNeAR) ---------------------------------------------------------


def test_relative_clause_report_leaves_the_speaker_and_cue_out(quotes_of) -> None:
    text = "The mayor kept the old tram depot that planners said would cost too much to repair."
    q = _one(quotes_of(text), "cost too much")
    assert q.kind == "indirect" and q.speaker.name == "planners"
    assert "planners" not in q.text and "said" not in q.text


def test_second_report_joined_by_and_is_its_own_attribution(quotes_of) -> None:
    text = "The harbour master said the channel was safe and warned that fog could delay the ferries."
    quotes = quotes_of(text)
    first, second = _one(quotes, "channel was safe"), _one(quotes, "fog could delay")
    assert first is not second
    assert "warned" not in first.text
    assert first.speaker.name == second.speaker.name == "harbour master"


def test_according_to_at_the_end_vouches_for_the_whole_sentence(quotes_of) -> None:
    text = "Exports rose by four percent and imports fell slightly, according to the customs office."
    q = _one(quotes_of(text), "imports fell")
    assert q.text == "Exports rose by four percent and imports fell slightly"
    assert q.speaker.name == "customs office"


def test_survey_shows_object_with_its_predicate(quotes_of) -> None:
    text = "A regional survey shows the mayor with a narrow lead over her rival."
    q = _one(quotes_of(text), "the mayor")
    assert q.text == "the mayor with a narrow lead over her rival"


def test_wants_with_an_infinitive_is_an_attribution_seeking_is_an_attempt(quotes_of) -> None:
    q = _one(quotes_of("The union wants to renegotiate the contract before winter."), "to renegotiate the contract")
    assert q.kind == "indirect" and q.speaker.name == "union"
    # An attempt reports no stance (the seed's gold has none for "has long sought to prevent").
    assert quotes_of("The cooperative seeks to buy the old mill on the river.") == []


def test_vote_against_reports_the_position_taken(quotes_of) -> None:
    text = "Three councillors voted against the harbour budget."
    q = _one(quotes_of(text), "harbour budget")
    assert q.kind == "indirect" and q.cue == "vote"


def test_lower_case_it_or_you_as_reporter_gives_no_indirect_quote(quotes_of) -> None:
    assert quotes_of("In the end it shows that the river is rising.") == []
    assert quotes_of("Sometimes you know the ferry will be late.") == []
    named = quotes_of("In the end the gauge shows that the river is rising.")
    assert _one(named, "river is rising").speaker.name == "gauge"


def test_report_written_inside_a_later_report_stays_separate(quotes_of) -> None:
    text = "Older voters said they trust the council, but they would not back a new tax, organisers said."
    quotes = quotes_of(text)
    voters, organisers = _one(quotes, "trust the council"), _one(quotes, "new tax")
    assert voters.speaker.name == "Older voters" and voters.text == "they trust the council"
    assert organisers.speaker.name == "organisers" and "Older voters" not in organisers.text


def test_object_content_runs_to_the_end_of_the_clause_but_not_into_a_new_one(quotes_of) -> None:
    q = _one(quotes_of("The senator blamed the drought on poor planning in the northern districts."), "drought")
    assert q.text == "the drought on poor planning in the northern districts"
    q = _one(quotes_of("The old ferry captain rebuked the harbour board in December when the fees went up."),
             "harbour board")
    assert q.text == "the harbour board in December"


def test_called_on_someone_to_act_reports_the_whole_demand(quotes_of) -> None:
    q = _one(quotes_of("The mayor called on the governor to release the flood funds."), "governor")
    assert q.kind == "indirect" and q.speaker.name == "mayor"
    assert q.text == "the governor to release the flood funds"


def test_noun_cue_with_prepositional_content(quotes_of) -> None:
    """"The senator's criticism of X": the possessor speaks and the object is the content."""
    text = "The senator's criticism of the new harbour tax surprised her colleagues."
    q = _one(quotes_of(text), "harbour tax")
    assert q.kind == "indirect" and q.text == "the new harbour tax"
    assert "senator" in q.speaker.name and q.rule.endswith(":noun-object")
    assert text[q.cue_start:q.cue_end] == "criticism"


def test_noun_cue_object_on_the_verb(quotes_of) -> None:
    """"renewed his calls for X": the parse hangs "for" on the verb; the noun still cues it."""
    text = "The governor renewed his calls for a recount of the ballots."
    q = _one(quotes_of(text), "recount")
    assert q.text == "a recount of the ballots" and q.speaker.name.lower() == "his"


def test_noun_cue_needs_a_holder(quotes_of) -> None:
    """Criticism nobody voices in the sentence is no attribution."""
    text = "The weather turned cold and the criticism of the film faded."
    assert not any("film" in q.text for q in quotes_of(text))


def test_noun_cue_under_cue_verb_left_to_the_verb(quotes_of) -> None:
    """"He cited criticism of X": the verb reports the whole phrase, not the noun alone."""
    text = "Victor Anand cited criticism of the museum director in his speech."
    assert not any(q.rule.endswith(":noun-object") for q in quotes_of(text))


def test_noun_cue_with_infinitive_content(quotes_of) -> None:
    """"The council's decision to close X": the infinitive clause is what the council decided."""
    text = "The council's decision to close the old library angered many parents."
    q = _one(quotes_of(text), "library")
    assert q.text.startswith("to close") and "council" in q.speaker.name
    assert text[q.cue_start:q.cue_end] == "decision"


def test_participle_cue_with_a_time_phrase_introduces_the_quote(quotes_of) -> None:
    text = ("The video concludes with footage of Ines Varga saying during the debate on Friday, "
            "“That makes me proud,” when her rival attacked her record.")
    q = _one(quotes_of(text), "makes me proud")
    assert q.kind == "direct"
    assert q.speaker.name == "Ines Varga" and q.cue == "say"


def test_cue_introducing_the_next_quote_does_not_sign_the_one_before(quotes_of) -> None:
    text = ('The senator had one answer for the court: "We will appeal the ruling." '
            'Then his aide replied, "The court got this wrong."')
    quotes = quotes_of(text)
    assert _one(quotes, "appeal the ruling").speaker.name == "senator"
    assert _one(quotes, "got this wrong").speaker.name == "aide"


def test_words_someone_used_are_a_quote_of_theirs(quotes_of) -> None:
    text = 'Mayor Ann Roe has repeatedly used the phrase "war on drivers" to describe the plan.'
    quotes = quotes_of(text)
    used = _one(quotes, "war on drivers")
    assert used.kind == "mixed" and used.speaker.name == "Ann Roe" and used.text.endswith('"')
    assert "describe" not in used.text
    assert all(q.speaker.name != "phrase" for q in quotes)


def test_a_scare_quoted_thing_used_is_no_quote(quotes_of) -> None:
    assert quotes_of('Senate Republicans used the "nuclear option" to confirm the judge.') == []


def test_a_mixed_quote_keeps_the_mark_that_closes_it(quotes_of) -> None:
    quote = _one(quotes_of('Senator Olga Brandt described the bill as "a disaster for farmers."'), "disaster")
    assert quote.kind == "mixed" and quote.text.startswith("the bill") and quote.text.endswith('"')


def test_marks_carry_a_quotation_into_a_paragraph_that_only_closes_it() -> None:
    text = ('The coach said, "We learned a lot today.\n\nIt was an emotional day for all of us."\n\n'
            'The next match is on Sunday.')
    spans = find_marked_spans(text)
    assert len(spans) == 1 and len(spans[0].pieces) == 2
    assert text[spans[0].pieces[1][0]:spans[0].pieces[1][1]] == "It was an emotional day for all of us."


def test_marks_read_two_backticks_as_an_opening_mark() -> None:
    text = "He said: ``We will win.'' Then he left."
    assert [text[s.start:s.end] for s in find_marked_spans(text)] == ["We will win."]
