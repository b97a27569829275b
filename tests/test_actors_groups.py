"""The actors stage on ethnic groups, regions, news outlets, non-actor names, coordinated
nationalities and a name shared by a country and a US state.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph.actors import ActorResolver
from newsgraph.nlp import Parser
from newsgraph.records import Actor, ActorTable, Article


def resolve(parser: Parser, resolver: ActorResolver, text: str) -> ActorTable:
    return resolver.resolve(parser.parse(text), Article(id="t", text=text))


def at(table: ActorTable, text: str, phrase: str) -> Actor | None:
    start = text.index(phrase)
    return table.actor_at(start, start + len(phrase))


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("Kurds marched through the old quarter on Sunday.", "Kurds", "---CVL"),
    ("Armed men shot another ethnic Chechen outside the mosque.", "Chechen", "---CVL"),
    ("Pashtun tribesmen blocked the mountain road for a week.", "tribesmen", "---CVL"),
    ("Syrian Kurds rejected the offer from the capital.", "Syrian Kurds", "SYRCVL"),
    ("The Hutu accused the governor of neglect.", "Hutu", "---CVL"),
])
def test_ethnic_groups_are_civilians(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase)
    assert actor is not None and actor.code == code


def test_an_ethnic_adjective_names_no_body_for_a_position(parser, resolver) -> None:
    text = "Kurdish leaders met the envoy in a village school."
    table = resolve(parser, resolver, text)
    leaders = at(table, text, "leaders")
    assert leaders is not None and leaders.code == "---GOV"


def test_ethnic_names_match_only_capitalised(parser, resolver) -> None:
    text = "Karen Holt, a teacher, said the kurd soup was cold."
    table = resolve(parser, resolver, text)
    for phrase in ("kurd", "Karen"):
        actor = at(table, text, phrase)
        assert actor is None or actor.code != "---CVL", actor


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("Norway pledged money to fight the fever outbreak in West Africa.", "West Africa", "WAF"),
    ("The Middle East has seen a drop in rainfall, the agency warned.", "Middle East", "MEA"),
])
def test_a_region_named_alone_is_an_actor(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    region = at(table, text, phrase)
    assert region is not None and region.code == code and region.kind == "country"


def test_a_regional_adjective_alone_is_no_actor(parser, resolver) -> None:
    text = "The West African coast was hit by a storm."
    table = resolve(parser, resolver, text)
    assert at(table, text, "West African") is None


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("The BBC said the minister had resigned.", "BBC", "GBRMED"),
    ("A report in the Washington Post angered the mayor.", "Washington Post", "USAMED"),
    ("Al Jazeera broadcast the speech live.", "Al Jazeera", "QATMED"),
    ("The Bayside Herald printed the letter on Friday.", "Bayside Herald", "---MED"),
])
def test_news_outlets_are_media(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    outlet = at(table, text, phrase)
    assert outlet is not None and outlet.code == code


def test_a_council_is_not_taken_for_a_newspaper(parser, resolver) -> None:
    text = "Iran's Guardian Council rejected the candidates."
    table = resolve(parser, resolver, text)
    council = at(table, text, "Guardian Council")
    assert council is not None and council.code == "IRNGOV"


@pytest.mark.parametrize(("text", "phrase"), [
    ("The launch was moved to 14:30 UTC because of the wind.", "UTC"),
    ("COVID-19 closed the schools of the district for a month.", "COVID-19"),
])
def test_time_zones_and_diseases_are_no_actors(parser, resolver, text: str, phrase: str) -> None:
    table = resolve(parser, resolver, text)
    assert at(table, text, phrase) is None


def test_nationality_and_country_name_before_one_noun_make_two_actors(parser, resolver) -> None:
    text = "The Russian and US navies held a drill off the coast."
    table = resolve(parser, resolver, text)
    russian, american = at(table, text, "Russian"), at(table, text, "US navies")
    assert russian is not None and russian.code == "RUSMIL"
    assert american is not None and american.code == "USAMIL"


def test_a_country_that_modifies_nothing_stays_a_country(parser, resolver) -> None:
    text = "The talks between Russia and Ukrainian officials ended early."
    table = resolve(parser, resolver, text)
    russia, officials = at(table, text, "Russia"), at(table, text, "Ukrainian officials")
    assert russia is not None and russia.code == "RUS"
    assert officials is not None and officials.code == "UKRGOV"


def test_georgia_beside_a_us_state_is_a_place_in_the_united_states(parser, resolver) -> None:
    text = "Georgia and Ohio asked the court to delay the vote count."
    table = resolve(parser, resolver, text)
    georgia = at(table, text, "Georgia")
    assert georgia is not None and georgia.code == "USA" and georgia.name == "Georgia"


@pytest.mark.parametrize("text", [
    "Georgia accused its neighbour of moving tanks close to Tbilisi.",
    "Georgia signed a trade deal with the United States on Monday.",
])
def test_georgia_without_a_us_place_is_the_country(parser, resolver, text: str) -> None:
    table = resolve(parser, resolver, text)
    georgia = at(table, text, "Georgia")
    assert georgia is not None and georgia.code == "GEO"


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("The Southeast Asian nations promised to help the island.", "Southeast Asian nations", "SEA"),
    ("Several African countries sent doctors to the camp.", "African countries", "AFR"),
    ("EU member states argued over the fishing quotas.", "EU member states", "EU"),
])
def test_countries_named_by_a_region_or_body_are_an_actor(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    group = at(table, text, phrase)
    assert group is not None and group.code == code


def test_a_bare_country_noun_is_no_actor(parser, resolver) -> None:
    text = "Both countries said the state of emergency would end."
    table = resolve(parser, resolver, text)
    assert at(table, text, "countries") is None and at(table, text, "state") is None


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("Republicans and Democrats argued about the budget all night.", "Democrats", "---PTY"),
    ("The Republican Guard moved tanks toward the bridge.", "Republican Guard", "---MIL"),
])
def test_party_members_and_guards(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("Oxfam said it would send water to the valley.", "Oxfam", "OXFAM"),
    ("Action Against Hunger opened two clinics near the river.", "Action Against Hunger", "AAH"),
    ("UNESCO listed the old town as a heritage site.", "UNESCO", "UNESCO"),
])
def test_aid_agencies_and_un_bodies_by_name(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    body = at(table, text, phrase)
    assert body is not None and body.code == code


def test_an_unknown_body_with_a_possessive_keeps_its_nationality(parser, resolver) -> None:
    text = "The UK Coalition Government's plan was attacked by the unions."
    table = resolve(parser, resolver, text)
    body = at(table, text, "UK Coalition Government")
    assert body is not None and body.code == "GBRGOV"


def test_a_naval_unit_is_military(parser, resolver) -> None:
    text = "Japanese naval reservists joined the drill."
    table = resolve(parser, resolver, text)
    reservists = at(table, text, "reservists")
    assert reservists is not None and reservists.code == "JPNMIL"


def test_the_nation_of_a_named_country_is_that_country(parser, resolver) -> None:
    text = "The state of Qatar said on Monday that Qatar would host the talks."
    table = resolve(parser, resolver, text)
    state, country = at(table, text, "state of Qatar"), at(table, text, "Qatar would")
    assert state is not None and state is country and state.code == "QAT"


def test_a_justice_department_is_judicial(parser, resolver) -> None:
    text = "The Indian justice department rejected the appeal."
    table = resolve(parser, resolver, text)
    department = at(table, text, "Indian justice department")
    assert department is not None and department.code == "INDJUD"


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("Sunnis gathered outside the shrine at dusk.", "Sunnis", "---MUS"),
    ("Jews and Christians shared the old courtyard.", "Jews", "---JEW"),
])
def test_religious_communities_take_their_religion_agent(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase)
    assert actor is not None and actor.code == code


def test_an_ethnic_word_gives_a_named_body_no_sector(parser, resolver) -> None:
    text = "The Hmong Heritage Circle met on Sunday."
    table = resolve(parser, resolver, text)
    body = at(table, text, "Hmong Heritage Circle")
    assert body is not None and not (body.code or "").endswith("CVL")
