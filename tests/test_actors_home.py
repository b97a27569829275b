"""The actors stage on a report's home country, descriptions with hyphenated words, given names
alone, redefined abbreviations, sentence openers inside names, non-Latin sentences, addressed
titles and the companies, agencies and people added as data.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from actor_helpers import at, resolve


SERBIA_REPORT = (
    "Thousands marched through Belgrade on Saturday against Serbia's new mining law. "
    "Serbian President Aleksandar Vucic called the march a foreign plot. "
    "The police fired tear gas at the crowd near parliament. "
    "Serbia's opposition said the government had lost its nerve."
)


def test_a_group_takes_the_country_the_whole_report_is_about(parser, resolver) -> None:
    table = resolve(parser, resolver, SERBIA_REPORT)
    police = at(table, SERBIA_REPORT, "police")
    assert police is not None and police.code == "SRBCOP"
    government = at(table, SERBIA_REPORT, "government")
    assert government is not None and government.code == "SRBGOV"


def test_no_home_country_without_a_clear_lead(parser, resolver) -> None:
    text = ("France and Germany signed a water treaty in Strasbourg. "
            "German and French engineers will share the work. The police closed the bridge.")
    table = resolve(parser, resolver, text)
    police = at(table, text, "police")
    assert police is not None and police.code == "---COP"


def test_a_sentence_naming_another_country_keeps_the_group_open(parser, resolver) -> None:
    text = ("Kenya's cabinet met in Nairobi on Monday. Kenyan farmers asked Kenya for seed. "
            "Kenya will buy maize. Officials said Uganda would send trucks as well.")
    table = resolve(parser, resolver, text)
    officials = at(table, text, "Officials")
    assert officials is not None and officials.code == "---GOV"


@pytest.mark.parametrize("phrase", ["two leaders", "foreign journalists"])
def test_a_foreign_or_several_country_group_takes_no_home_country(parser, resolver, phrase: str) -> None:
    text = (f"Peru's congress met in Lima. Peru raised taxes on copper. Peruvian miners went on strike. "
            f"The {phrase} spoke at length about the strike.")
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase.split()[-1])
    assert actor is not None and not (actor.code or "").startswith("PER")
    text = text.replace(f"The {phrase}", "The leaders")
    leaders = at(resolve(parser, resolver, text), text, "leaders")
    assert leaders is not None and leaders.code == "PERGOV"


def test_civilians_keep_an_open_country(parser, resolver) -> None:
    text = SERBIA_REPORT.replace("The police fired", "Some people fired")
    table = resolve(parser, resolver, text)
    people = at(table, text, "people")
    assert people is None or (people.code or "---").startswith("---")


def test_a_nationality_before_a_hyphenated_description_of_an_unknown_firm(parser, resolver) -> None:
    text = "Norwegian open-source chess developer Kjetil Brandvold released a new engine."
    table = resolve(parser, resolver, text)
    actor = at(table, text, "Kjetil Brandvold")
    assert actor is not None and actor.code == "NORBUS"


def test_a_given_name_alone_joins_the_one_full_name_it_opens(parser, resolver) -> None:
    text = "Mayor Lee Dong-hwan resigned on Friday. Lee had served two terms."
    table = resolve(parser, resolver, text)
    full = at(table, text, "Lee Dong-hwan")
    alone = at(table, text, "Lee", occurrence=1)
    assert full is not None and alone is not None and alone.id == full.id


def test_a_given_name_shared_by_two_full_names_joins_neither(parser, resolver) -> None:
    text = "Anna Berg met Anna Lind at the fair. Anna said little."
    table = resolve(parser, resolver, text)
    alone = at(table, text, "Anna", occurrence=2)
    assert alone is None or alone.name == "Anna"


def test_an_abbreviation_spelled_out_as_something_else_is_not_the_lexicon_body(parser, resolver) -> None:
    text = "Players met on Internet Relay Chat (IRC) every night. Many IRC channels closed later."
    table = resolve(parser, resolver, text)
    assert all(actor.code != "IRC" for actor in table.actors)
    text = "The International Rescue Committee (IRC) sent tents to the camp."
    table = resolve(parser, resolver, text)
    assert any(actor.code == "IRC" for actor in table.actors)


@pytest.mark.parametrize(("text", "name"), [
    ("Neither Dasbrook nor Melling would comment on the claim.", "Dasbrook"),
    ("Regarding Ashvale, the group runs two shelters.", "Ashvale"),
])
def test_a_sentence_opener_is_not_part_of_a_name(parser, resolver, text: str, name: str) -> None:
    table = resolve(parser, resolver, text)
    assert all(not actor.name.startswith(("Neither", "Regarding")) for actor in table.actors)


def test_names_in_a_sentence_not_written_in_latin_script_are_dropped(parser, resolver) -> None:
    text = "She told us in Hindi. हम लोग फिर नहीं मिले और सब घर चले गए। Then she left."
    table = resolve(parser, resolver, text)
    hindi_start = text.index("हम")
    hindi_end = text.index("गए।") + 3
    assert all(not (hindi_start <= m.start < hindi_end) for actor in table.actors for m in actor.mentions)


def test_an_addressed_title_is_an_official_not_a_person_named_president(parser, resolver) -> None:
    text = "Thank you, Mr President, for the warm welcome."
    table = resolve(parser, resolver, text)
    actor = at(table, text, "President")
    assert actor is not None and actor.kind == "anonymous" and (actor.code or "").endswith("GOV")


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("Reliance Jio cut the price of mobile data on Monday.", "Reliance Jio", "INDBUS"),
    ("The U.S. Chamber of Commerce criticised the steel tariffs.", "Chamber of Commerce", "USABUS"),
    ("Red Hat said the old distribution would end next year.", "Red Hat", "USABUS"),
    ("Tesco's chief executive told shareholders that sales rose.", "chief executive", "GBRBUS"),
    ("Iranian hackers broke into the utility's billing system.", "hackers", "IRNCRM"),
    ("A wildlife officer shot the bear near the campsite.", "wildlife officer", "---GOV"),
    ("Dr Anthony Fauci warned that cases would rise in the winter.", "Anthony Fauci", "USAHLH"),
])
def test_companies_agencies_and_people_added_as_data(parser, resolver, text: str, phrase: str, code: str) -> None:
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize("text", [
    "The browser runs JavaScript on every page.",
    "The senator endorsed the Green New Deal at the rally.",
])
def test_software_and_policies_are_no_actors(parser, resolver, text: str) -> None:
    table = resolve(parser, resolver, text)
    assert all(actor.name not in ("JavaScript", "Green New Deal") for actor in table.actors)


def test_a_phrase_after_the_group_can_place_it_abroad(parser, resolver) -> None:
    text = ("Chile's courts sat in Santiago. Chile asked for help. Chilean officials agreed. "
            "The notice asks local authorities across the globe to hold the man.")
    table = resolve(parser, resolver, text)
    authorities = at(table, text, "authorities")
    assert authorities is not None and authorities.code == "---GOV"


def test_an_international_body_is_no_home_country(parser, resolver) -> None:
    text = ("NATO met in Brussels. NATO ministers agreed on a plan. NATO will send ships. "
            "The police closed the roads around the venue.")
    table = resolve(parser, resolver, text)
    police = at(table, text, "police")
    assert police is not None and not (police.code or "").startswith("NAT")


def test_an_unknown_organisation_with_a_chief_executive_is_a_company(parser, resolver) -> None:
    text = "The chief executive of Zantor, Michael Brennan, defended the deal."
    table = resolve(parser, resolver, text)
    company = at(table, text, "Zantor")
    assert company is not None and company.code == "---BUS"
    text = "The spokesman of Zantor defended the deal."
    table = resolve(parser, resolver, text)
    body = at(table, text, "Zantor")
    assert body is None or body.code != "---BUS"
