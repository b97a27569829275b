"""Personal pronouns: a subject pronoun continues the person its clause or the sentence before is
about, not the person named last in an object or an opening phrase."""

from __future__ import annotations

from actor_helpers import at, resolve


def test_subject_pronoun_follows_previous_subject_over_last_name(parser, resolver):
    text = ("Halvard Brenn was charged in the inquiry into the dealings of the lobbyist Oskar Veltman. "
            "He was convicted in March.")
    table = resolve(parser, resolver, text, forced={"Halvard Brenn": "PERSON", "Oskar Veltman": "PERSON"})
    assert at(table, text, "He").name == "Halvard Brenn"


def test_subject_pronoun_follows_governing_clause_subject(parser, resolver):
    text = ("On Monday Anton Vesk met the bankers, then Karel Dunmore, where he denounced the treaty.")
    table = resolve(parser, resolver, text, forced={"Anton Vesk": "PERSON", "Karel Dunmore": "PERSON"})
    assert at(table, text, "he denounced").name == "Anton Vesk"


def test_name_in_opening_phrase_is_not_the_subject_pronoun(parser, resolver):
    text = ("Davor Kleist arrived in Oslo on Monday. "
            "Speaking to the reporter Niels Corvo, he said the talks had failed.")
    table = resolve(parser, resolver, text, forced={"Davor Kleist": "PERSON", "Niels Corvo": "PERSON"})
    assert at(table, text, "he said").name == "Davor Kleist"


def test_subject_of_opening_clause_stays_an_antecedent(parser, resolver):
    text = "Dario Pell debated Marco Tesh on Friday. When Tesh lost the vote, he resigned."
    table = resolve(parser, resolver, text, forced={"Dario Pell": "PERSON", "Marco Tesh": "PERSON"})
    assert at(table, text, "he resigned").name == "Marco Tesh"


def test_object_pronoun_keeps_the_nearest_name(parser, resolver):
    text = "Ruben Halsey questioned Piet Varn about the crash. Officers later released him."
    table = resolve(parser, resolver, text, forced={"Ruben Halsey": "PERSON", "Piet Varn": "PERSON"})
    assert at(table, text, "him").name == "Piet Varn"


def test_object_pronoun_is_not_its_own_clause_subject(parser, resolver):
    text = "Tomas Reyl mailed songs to Anders Holm. Later Holm invited him to join the band."
    table = resolve(parser, resolver, text, forced={"Tomas Reyl": "PERSON", "Anders Holm": "PERSON"})
    assert at(table, text, "him").name == "Tomas Reyl"


def test_reflexive_pronoun_is_its_own_clause_subject(parser, resolver):
    text = "Tomas Reyl met Anders Holm. Later Holm blamed himself for the loss."
    table = resolve(parser, resolver, text, forced={"Tomas Reyl": "PERSON", "Anders Holm": "PERSON"})
    assert at(table, text, "himself").name == "Anders Holm"

