"""The actors stage on companies no lexicon knows, on persons the entity model tags as places or
buildings, and on sector nouns that need a country ("Chilean education").

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph.actors.coreference import CODED_BY_DESCRIPTION_RULE
from newsgraph.actors.organisations import BUSINESS_APPOSITION_RULE, CORPORATE_SUFFIX_RULE
from newsgraph.actors.people import MISLABELLED_PERSON_RULE
from actor_helpers import at, resolve


# --- persons the entity model tags as buildings or places ----------------------------------------

@pytest.mark.parametrize("label", ["FAC", "ORG", "GPE", "LOC", "PRODUCT"])
def test_a_given_name_opening_a_mislabelled_name_makes_a_person(parser, resolver, label: str) -> None:
    text = "The appeals court released Sandra Velloso Quintanar from house arrest on Friday."
    table = resolve(parser, resolver, text, {"Sandra Velloso Quintanar": label})
    person = at(table, text, "Sandra Velloso Quintanar")
    assert person is not None and person.kind == "person"
    assert person.rule == MISLABELLED_PERSON_RULE


@pytest.mark.parametrize("text,name", [
    ("Flights were diverted to Sandra Quintanar Airport after the storm.", "Sandra Quintanar Airport"),
    ("Donors gathered at the Maria Velloso Memorial on Sunday.", "Maria Velloso Memorial"),
    ("The Peter Quintanar Foundation funded the clinic.", "Peter Quintanar Foundation"),
])
def test_a_building_or_body_named_for_a_person_stays_no_person(parser, resolver, text: str, name: str) -> None:
    table = resolve(parser, resolver, text, {name: "FAC"})
    assert not any(a.kind == "person" for a in table)


def test_a_mislabelled_name_after_a_determiner_stays_no_person(parser, resolver) -> None:
    text = "Crowds filled the Maria Quintanar on Sunday."
    table = resolve(parser, resolver, text, {"Maria Quintanar": "FAC"})
    assert not any(a.kind == "person" for a in table)


# --- companies no lexicon knows ------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Velmora GmbH said it would close a plant near the border.", "Velmora GmbH"),
    ("Ostravia S.A. reported a loss for the third quarter.", "Ostravia S.A."),
    ("Brenkov plc cut its dividend on Tuesday.", "Brenkov plc"),
])
def test_a_corporate_suffix_makes_a_company(parser, resolver, text: str, name: str) -> None:
    table = resolve(parser, resolver, text, {name: "ORG"})
    company = at(table, text, name)
    assert company is not None and company.code == "---BUS"
    assert CORPORATE_SUFFIX_RULE in company.rule


def test_a_corporate_suffix_left_outside_the_name_still_counts(parser, resolver) -> None:
    text = "Quillon, Inc. hired two hundred engineers last year."
    table = resolve(parser, resolver, text, {"Quillon": "ORG"})
    company = at(table, text, "Quillon")
    assert company is not None and company.code == "---BUS"


def test_a_suffix_alone_names_no_actor(parser, resolver) -> None:
    text = "Analysts praised Quillon LLC for its results."
    table = resolve(parser, resolver, text, {"Quillon": "ORG", "LLC": "ORG"})
    assert at(table, text, "LLC") is None or at(table, text, "LLC") is at(table, text, "Quillon")


@pytest.mark.parametrize("text", [
    "Shares of Quillon fell four percent after the report.",
    "Quillon shares fell four percent after the report.",
    "Traders said Quillon's stock price fell after the report.",
])
def test_shares_or_stock_make_their_owner_a_company(parser, resolver, text: str) -> None:
    table = resolve(parser, resolver, text, {"Quillon": "ORG"})
    company = at(table, text, "Quillon")
    assert company is not None and company.code == "---BUS"


def test_the_company_codes_the_organisation_it_refers_back_to(parser, resolver) -> None:
    text = "Quillon unveiled a folding tablet on Tuesday. The company said sales would start in May."
    table = resolve(parser, resolver, text, {"Quillon": "ORG"})
    company, description = at(table, text, "Quillon"), at(table, text, "company")
    assert company is not None and company.code == "---BUS" and description is company
    assert CODED_BY_DESCRIPTION_RULE in company.rule


def test_the_company_does_not_recall_a_products_name(parser, resolver) -> None:
    text = "Quillon unveiled the Zephyr on Tuesday. Buyers liked the Zephyr screen. The company said sales would start in May."
    table = resolve(parser, resolver, text, {"Quillon": "ORG", "Zephyr": "ORG"})
    assert at(table, text, "company") is at(table, text, "Quillon")


def test_the_company_does_not_recall_a_government_body(parser, resolver) -> None:
    text = "The Defense Department signed a contract on Monday. The company will build forty tankers."
    table = resolve(parser, resolver, text)
    department, description = at(table, text, "Defense Department"), at(table, text, "company")
    assert description is not department and description is not None and description.code == "---BUS"


def test_the_airline_recalls_no_aircraft_maker(parser, resolver) -> None:
    text = "Talvaro ordered ten jets from Quillon. The airline said the first would arrive in June."
    table = resolve(parser, resolver, text, {"Talvaro": "ORG", "Quillon": "ORG"})
    assert at(table, text, "Quillon").code is None


@pytest.mark.parametrize("text,name,code", [
    ("The figures came from Tarvex Group, a market research firm, on Monday.", "Tarvex Group", "---BUS"),
    ("Norlink, Sweden's largest airline, ordered twelve jets.", "Norlink", "SWEBUS"),
    ("Talks with Velmora, a German carmaker, stalled in June.", "Velmora", "DEUBUS"),
])
def test_an_apposition_headed_by_a_business_noun_makes_a_company(parser, resolver, text: str, name: str,
                                                                  code: str) -> None:
    table = resolve(parser, resolver, text, {name: "ORG"})
    company = at(table, text, name)
    assert company is not None and company.code == code
    assert BUSINESS_APPOSITION_RULE in company.rule


def test_a_national_flag_carrier_takes_its_country(parser, resolver) -> None:
    text = "Russian flag carrier Aerovia has ordered twenty new jets."
    table = resolve(parser, resolver, text, {"Aerovia": "ORG"})
    company = at(table, text, "Aerovia")
    assert company is not None and company.code == "RUSBUS"


# --- sector nouns that need a country -----------------------------------------------------------

@pytest.mark.parametrize("text,phrase,code", [
    ("Reformers criticised Chilean education for years.", "Chilean education", "CHLEDU"),
    ("Critics blamed Kenyan transport for the delays.", "Kenyan transport", "KENBUS"),
    ("The survey asked about Peruvian religion in rural areas.", "Peruvian religion", "PERREL"),
    ("The ministry called up Latvian reserve personnel on Monday.", "Latvian reserve personnel", "LVAMIL"),
    ("Angry Ugandan veterans marched to the capital.", "Ugandan veterans", "UGACVL"),
])
def test_a_sector_noun_named_by_a_country(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize("text,word", [
    ("Education improved in the northern towns.", "Education"),
    ("Public transport was disrupted for a day.", "transport"),
])
def test_a_bare_country_only_sector_noun_is_no_actor(parser, resolver, text: str, word: str) -> None:
    table = resolve(parser, resolver, text)
    assert at(table, text, word) is None


def test_a_short_name_takes_the_code_of_the_company_named_in_full(parser, resolver) -> None:
    text = "Quillon Inc. reported a profit on Monday. Analysts said Quillon would keep growing."
    table = resolve(parser, resolver, text)
    short = at(table, text, "Quillon", 1)
    assert short is not None and short.code == "---BUS"


def test_a_short_name_stays_uncoded_when_two_companies_share_it(parser, resolver) -> None:
    text = "Quillon Inc. and Quillon Holdings GmbH merged. Analysts said Quillon would keep growing."
    table = resolve(parser, resolver, text, {"Quillon": "ORG"})
    assert {a.code for a in table if a.name == "Quillon"} <= {None, "---BUS"}


def test_an_organisation_coordinated_with_a_company_is_a_company(parser, resolver) -> None:
    text = "Analysts compared Quillon and Brenko Inc. on Monday."
    table = resolve(parser, resolver, text, {"Quillon": "ORG", "Brenko Inc.": "ORG"})
    company = at(table, text, "Quillon")
    assert company is not None and company.code == "---BUS"


def test_a_state_body_coordinated_with_a_company_keeps_its_code(parser, resolver) -> None:
    text = "The USAF and Brenko Inc. signed an interim agreement."
    table = resolve(parser, resolver, text, {"Brenko Inc.": "ORG"})
    force = at(table, text, "USAF")
    assert force is not None and force.code == "USAMIL"


# --- company officers ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Harlan Voss, president and chief executive of Quillon Motors, said the plant would stay open.", "Harlan Voss"),
    ("The plant will stay open, said Quillon President and Chief Executive Officer, Harlan Voss.", "Harlan Voss"),
])
def test_a_president_who_is_also_chief_executive_is_a_companys(parser, resolver, text: str, name: str) -> None:
    table = resolve(parser, resolver, text)
    person = at(table, text, name)
    assert person is not None and person.code == "---BUS"


def test_the_conjoined_chief_executive_codes_the_employer(parser, resolver) -> None:
    text = "The plant will stay open, said Quillon President and Chief Executive Officer, Harlan Voss."
    table = resolve(parser, resolver, text, {"Quillon": "ORG"})
    company = at(table, text, "Quillon")
    assert company is not None and company.code == "---BUS"


@pytest.mark.parametrize("text,phrase,code", [
    ("The company president, Harlan Voss, resigned on Friday.", "Harlan Voss", "---BUS"),
    ("The union president, Harlan Voss, called a strike.", "Harlan Voss", "---LAB"),
    ("Peruvian President Harlan Voss met the envoy.", "Harlan Voss", "PERGOV"),
])
def test_a_president_takes_the_sector_of_the_body_before_the_title(parser, resolver, text: str, phrase: str,
                                                                   code: str) -> None:
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize("title", ["chief operating officer", "chief financial officer", "senior vice president"])
def test_corporate_officer_titles_are_business(parser, resolver, title: str) -> None:
    text = f"Harlan Voss, the {title} of Quillon, left on Monday."
    table = resolve(parser, resolver, text)
    person = at(table, text, "Harlan Voss")
    assert person is not None and person.code == "---BUS"


def test_a_country_only_noun_gives_no_sector_to_a_ministry_name(parser, resolver) -> None:
    text = "Officials at the Ministry of Education in Lima refused to comment."
    table = resolve(parser, resolver, text)
    ministry = at(table, text, "Ministry of Education")
    assert ministry is not None and ministry.code == "PERGOV"


@pytest.mark.parametrize("text,phrase,code", [
    ("The Kenyan workers' party held a rally on Monday.", "Kenyan workers' party", "KENPTY"),
    ("The rally was led by the Nigerian people's democratic party on Monday.",
     "Nigerian people's democratic party", "NGAPTY"),
])
def test_a_nationality_before_a_possessor_noun_names_the_partys_country(parser, resolver, text: str, phrase: str,
                                                                        code: str) -> None:
    table = resolve(parser, resolver, text)
    party = at(table, text, phrase)
    assert party is not None and party.code == code
    assert len(table) == 1


def test_a_possessor_group_before_a_thing_stays_an_actor(parser, resolver) -> None:
    text = "Kenyan workers' wages rose last year."
    table = resolve(parser, resolver, text)
    workers = at(table, text, "Kenyan workers")
    assert workers is not None and workers.code == "KENLAB"


@pytest.mark.parametrize("text,name", [
    ("General Motors said it would close two plants in Ohio.", "General Motors"),
    ("Shares of General Electric fell after the report.", "General Electric"),
])
def test_a_company_named_with_a_title_word_is_no_army(parser, resolver, text: str, name: str) -> None:
    company = at(resolve(parser, resolver, text), text, name)
    assert company is not None and company.code == "USABUS"


def test_a_title_word_before_a_surname_still_makes_an_officer(parser, resolver) -> None:
    text = "General Halvorsen said the brigade would move north."
    officer = at(resolve(parser, resolver, text), text, "Halvorsen")
    assert officer is not None and officer.kind == "person" and officer.code is not None and officer.code.endswith("MIL")
