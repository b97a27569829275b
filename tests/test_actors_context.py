"""The actors stage on names whose meaning the rest of the text decides: products and indexes that
"the company" must not recall, party and council names that several countries share,
"representatives" that are a delegation, and "Mr President" in a transcript.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph.actors.coreference import CODED_BY_DESCRIPTION_RULE
from newsgraph.actors.people import ADDRESSEE_RULE
from newsgraph.actors.places import NATIONAL_BODY_RULE
from actor_helpers import at, resolve


# --- products and indexes ----------------------------------------------------------------------

def test_a_product_line_is_never_the_company(parser, resolver) -> None:
    text = ("Quillon unveiled a new lineup of Vexa Air laptops on Tuesday. The new Vexa Air weighs less than "
            "a kilogram. The original Vexa Air did not sell well, and the company's shares fell.")
    table = resolve(parser, resolver, text, {"Quillon": "ORG", "Vexa Air": "ORG"})
    product = at(table, text, "Vexa Air")
    assert product is not None and product.code is None
    assert at(table, text, "company") is not product


def test_a_name_the_model_tags_product_is_no_company(parser, resolver) -> None:
    text = "Sales of the Tarvo rose in May. Tarvo sales doubled, and the company hired forty engineers."
    table = resolve(parser, resolver, text, {"Tarvo": "PRODUCT"})
    product = at(table, text, "Tarvo", 1)
    assert product is None or product.code is None


def test_an_index_name_is_no_company(parser, resolver) -> None:
    text = "Velmora Composite Index stocks rose 2 percent on Monday, and the company behind them cheered."
    table = resolve(parser, resolver, text, {"Velmora Composite Index": "ORG"})
    index = at(table, text, "Velmora Composite Index")
    assert index is None or index.code is None


def test_a_brand_that_also_names_its_products_stays_the_company(parser, resolver) -> None:
    text = "Quillon said on Monday that Quillon phones sold well. The company will hire 200 people."
    table = resolve(parser, resolver, text, {"Quillon": "ORG"})
    company = at(table, text, "Quillon")
    assert company is not None and company.code == "---BUS" and CODED_BY_DESCRIPTION_RULE in company.rule
    assert at(table, text, "company") is company


def test_a_determiner_before_a_compound_is_no_product_evidence(parser, resolver) -> None:
    text = "Ann Roe, a former Quillon manager, said Quillon shares fell on Monday."
    table = resolve(parser, resolver, text, {"Quillon": "ORG"})
    company = at(table, text, "Quillon", 1)
    assert company is not None and company.code == "---BUS"


# --- party names several countries share -------------------------------------------------------

def test_a_shared_party_name_takes_the_country_named_before_it(parser, resolver) -> None:
    text = "New Zealand's Labour Party won the vote on Saturday."
    table = resolve(parser, resolver, text)
    party = at(table, text, "Labour Party")
    assert party is not None and party.code == "NZLPTY"


def test_a_shared_party_name_takes_the_reports_home_country(parser, resolver) -> None:
    text = ("Voters in Sydney and Melbourne went to the polls on Saturday. The Conservative Party lost four seats "
            "in Australia, and Australian officials said turnout was high across Australia.")
    table = resolve(parser, resolver, text)
    party = at(table, text, "Conservative Party")
    assert party is not None and party.code == "AUSPTY"


def test_a_shared_party_name_keeps_the_lexicons_country_without_evidence(parser, resolver) -> None:
    text = "The Labour Party elected a new leader on Saturday."
    table = resolve(parser, resolver, text)
    party = at(table, text, "Labour Party")
    assert party is not None and party.code == "GBRPTY"


def test_a_british_report_keeps_its_labour_party_british(parser, resolver) -> None:
    text = ("The Labour Party won the seat in Leeds. British voters in Manchester and Bristol also backed it, "
            "and the British government said it respected the result.")
    table = resolve(parser, resolver, text)
    assert at(table, text, "Labour Party").code == "GBRPTY"


# --- a national security council ----------------------------------------------------------------

def test_a_national_security_council_title_is_no_un_organ(parser, resolver) -> None:
    text = ("Security Council Secretary Nikolai Patrushev met officials in Moscow on Monday. "
            "The Security Council discussed border security.")
    table = resolve(parser, resolver, text, published="2015-06-01")
    council = at(table, text, "Security Council", 1)
    assert council is not None and council.code == "RUSGOV" and council.rule == NATIONAL_BODY_RULE


def test_the_un_security_council_stays_the_uns(parser, resolver) -> None:
    text = "The UN Security Council met on Monday. The Security Council condemned the attack."
    table = resolve(parser, resolver, text)
    assert at(table, text, "Security Council", 1).code == "UN"


def test_a_bare_security_council_without_national_evidence_stays_the_uns(parser, resolver) -> None:
    text = "The Security Council will vote on the resolution on Friday."
    table = resolve(parser, resolver, text)
    assert at(table, text, "Security Council").code == "UN"


def test_the_nearest_explicit_un_council_wins_over_an_earlier_national_title(parser, resolver) -> None:
    text = ("Security Council Secretary Nikolai Patrushev spoke in Moscow on Monday. On Tuesday the "
            "UN Security Council met in New York, and the Security Council adopted a resolution.")
    table = resolve(parser, resolver, text, published="2015-06-01")
    assert at(table, text, "Security Council", 2).code == "UN"


# --- representatives -------------------------------------------------------------------------

@pytest.mark.parametrize("text,phrase,code", [
    ("Representatives of Ukraine met the minister in Paris.", "Representatives of Ukraine", "UKRGOV"),
    ("Representatives from Ukraine arrived in Paris on Monday.", "Representatives from Ukraine", "UKRGOV"),
    ("Representatives of the two companies met in Paris on Monday.", "Representatives of the two companies", "---BUS"),
])
def test_representatives_of_someone_are_a_delegation(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase)
    assert actor is not None and actor.code == code


def test_representatives_of_an_unknown_country_are_no_legislators(parser, resolver) -> None:
    text = "Representatives of Syldavia met the minister on Monday."
    table = resolve(parser, resolver, text)
    actor = at(table, text, "Representatives")
    assert actor is None or not (actor.code or "").endswith("LEG")


@pytest.mark.parametrize("text,phrase", [
    ("US Representative Ann Roe of Ohio voted against the bill.", "Ann Roe"),
    ("The bill passed the House of Representatives on Monday.", "House of Representatives"),
    ("Senators and representatives in Congress were divided on the bill.", "representatives"),
])
def test_legislative_representatives_stay_legislators(parser, resolver, text: str, phrase: str) -> None:
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase)
    assert actor is not None and (actor.code or "").endswith("LEG")


# --- "Mr President" in a transcript ------------------------------------------------------------

TRANSCRIPT = (
    "President of Kazakhstan Ivan Petrov arrived in Moscow for talks with President of Russia Vladimir Putin.\n\n"
    "President of Russia Vladimir Putin: Mr President, friends, I am glad to welcome you to Moscow.\n\n"
    "President of Kazakhstan Ivan Petrov: Thank you, Mr President. We value our ties with Russia.\n\n"
    "Vladimir Putin: Mr President, we will sign the agreement today.\n\n"
)


def test_a_vocative_in_a_transcript_addresses_the_other_president(parser, resolver) -> None:
    table = resolve(parser, resolver, TRANSCRIPT, published="2019-05-01")
    guest, host = at(table, TRANSCRIPT, "Ivan Petrov"), at(table, TRANSCRIPT, "Vladimir Putin")
    assert guest is not None and guest.code == "KAZGOV" and host is not None and host.code == "RUSGOV"
    assert at(table, TRANSCRIPT, "Mr President", 0) is guest
    assert at(table, TRANSCRIPT, "Mr President", 1) is host
    assert at(table, TRANSCRIPT, "Mr President", 2) is guest
    assert any(ADDRESSEE_RULE in m.rule for m in guest.mentions)


def test_a_vocative_after_a_speaker_label_is_no_apposition_of_the_speaker(parser, resolver) -> None:
    table = resolve(parser, resolver, TRANSCRIPT, published="2019-05-01")
    assert at(table, TRANSCRIPT, "Mr President", 1) is not at(table, TRANSCRIPT, "Ivan Petrov")


def test_a_sentence_ending_in_a_colon_is_no_speaker_label(parser, resolver) -> None:
    text = (TRANSCRIPT + "\nWe agreed on three things: trade, energy and transport. Thank you, Mr President.\n")
    table = resolve(parser, resolver, text, published="2019-05-01")
    assert at(table, text, "Mr President", 3) is at(table, text, "Ivan Petrov")


def test_a_president_named_only_in_passing_is_not_the_one_addressed(parser, resolver) -> None:
    text = ("Talks between Vladimir Putin and the Ruritanian leader took place at the Kremlin.\n\n"
            "President of Russia Vladimir Putin: Mr President, welcome to Moscow.\n\n"
            "Guest: We discussed the region, where President of Kazakhstan Ivan Petrov also plays a part.\n\n"
            "Vladimir Putin: Thank you, Mr President.\n\n")
    table = resolve(parser, resolver, text, published="2019-05-01")
    assert at(table, text, "Mr President", 1) is not at(table, text, "Ivan Petrov")


def test_a_vocative_outside_a_transcript_stays_an_unnamed_official(parser, resolver) -> None:
    text = "Mr President, Kazakhstan and Russia are close partners, Vladimir Putin said on Monday."
    table = resolve(parser, resolver, text, published="2019-05-01")
    addressed = at(table, text, "Mr President")
    assert addressed is not None and addressed.code == "---GOV"
