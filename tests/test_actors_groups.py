"""The actors stage on ethnic groups, regions, news outlets, non-actor names, coordinated
nationalities and a name shared by a country and a US state.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from actor_helpers import at, resolve


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


def test_bare_parties_are_the_sides_of_a_talk_not_a_political_party(parser, resolver) -> None:
    text = "The parties discussed trade and energy for two hours."
    assert not any((a.code or "").endswith("PTY") for a in resolve(parser, resolver, text))
    text = "Opposition parties boycotted the vote in March."
    assert any(a.code == "---PTY" for a in resolve(parser, resolver, text))


def test_a_described_company_takes_the_country_and_sector_of_its_description(parser, resolver) -> None:
    text = "On Monday, Denmark-based retailer Nordvik Group agreed to buy the stores."
    table = resolve(parser, resolver, text)
    company = at(table, text, "Nordvik Group")
    assert company is not None and company.code == "DNKBUS" and company.rule.endswith("+description")


def test_a_law_and_its_abbreviation_are_no_actors(parser, resolver) -> None:
    text = ("The union challenged the Fair Ballot Protection Act (FBPA) in court. "
            "Under FBPA, fewer helpers may carry ballots.")
    table = resolve(parser, resolver, text)
    assert at(table, text, "Fair Ballot Protection Act") is None
    assert at(table, text, "FBPA") is None


@pytest.mark.parametrize("text, name", [
    ("The Resolution On Guidelines for Customs Policy was signed by the ministers.", "Resolution On Guidelines"),
    ("Both sides keep to the Varna Memorandum, the ministers said.", "Varna Memorandum"),
])
def test_a_document_named_by_its_first_or_last_word_is_no_actor(parser, resolver, text: str, name: str) -> None:
    table = resolve(parser, resolver, text, forced={name: "ORG"})
    assert at(table, text, name) is None


def test_a_position_alone_is_no_actor(parser, resolver) -> None:
    text = "His secretary said he was out, and the head of the family agreed."
    assert not any((a.code or "").endswith("GOV") for a in resolve(parser, resolver, text))


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("NASA said the launch would slip by a week.", "NASA", "USAGOV"),
    ("APEC leaders met in Lima on Friday.", "APEC", "APEC"),
    ("The Federal Aviation Administration grounded the jets.", "Federal Aviation Administration", "USAGOV"),
])
def test_bodies_the_news_names_bare(parser, resolver, text: str, phrase: str, code: str) -> None:
    actor = at(resolve(parser, resolver, text), text, phrase)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("A spokesman for the Taliban denied the report on Sunday.", "spokesman", "AFGREB"),
    ("A spokesman for President Vladimir Putin declined to comment.", "spokesman", "RUSGOV"),
])
def test_a_position_speaks_for_the_body_its_for_phrase_names(parser, resolver, text: str, phrase: str,
                                                             code: str) -> None:
    actor = at(resolve(parser, resolver, text), text, phrase)
    assert actor is not None and actor.code == code and actor.rule.endswith("+principal")


def test_a_state_named_in_places_codes_its_agents(parser, resolver) -> None:
    text = "Several Telangana ministers defended the ban on Tuesday."
    actor = at(resolve(parser, resolver, text), text, "ministers")
    assert actor is not None and actor.code == "INDGOV"


# --- held-out news round: organisations, principals, officers and routes ----------------------


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("The Royal Norwegian Mounted Police seized the boat on Monday.", "Royal Norwegian Mounted Police", "NORCOP"),
    ("The Shipbuilders Association of Canada sent a letter to members.", "Shipbuilders Association of Canada", "CAN"),
    ("The Riverside Commission on Public Hearings cancelled the meeting.", "Riverside Commission on Public Hearings",
     "---GOV"),
    ("The Harbour Chamber of Commerce opposed the new tax.", "Harbour Chamber of Commerce", "---BUS"),
    ("The Directorate General of Inland Shipping said the ferry sank.", "Directorate General of Inland Shipping",
     "---GOV"),
])
def test_unknown_organisations_of_the_held_out_news_round(parser, resolver, text: str, phrase: str,
                                                          code: str) -> None:
    table = resolve(parser, resolver, text)
    actor = at(table, text, phrase)
    assert actor is not None and actor.code == code, actor


def test_a_spokesperson_speaks_for_the_state_body_or_not_for_a_state(parser, resolver) -> None:
    text = "The spokesperson for the Spanish government condemned the raid."
    table = resolve(parser, resolver, text)
    spokesperson = at(table, text, "spokesperson")
    assert spokesperson is not None and spokesperson.code == "ESPGOV"
    text = "A spokesman for Brightline Coaches said the driver was safe."
    table = resolve(parser, resolver, text)
    spokesman = at(table, text, "spokesman")
    assert spokesman is None or spokesman.code is None
    assert spokesman is None or "+unknown-principal" in spokesman.rule


def test_civil_officers_and_officers_after_the_police(parser, resolver) -> None:
    text = "A wildlife officer moved the bear out of the park."
    table = resolve(parser, resolver, text)
    officer = at(table, text, "wildlife officer")
    assert officer is not None and officer.code == "---GOV"
    text = "Police stopped a van on the bridge. The officers involved were later suspended."
    table = resolve(parser, resolver, text)
    officers = at(table, text, "officers")
    assert officers is not None and officers.code == "---COP" and "+police-context" in officers.rule
    text = "The army shelled the hills. Two officers were wounded."
    table = resolve(parser, resolver, text)
    officers = at(table, text, "officers")
    assert officers is not None and officers.code == "---MIL"


def test_the_ends_of_a_route_are_places_not_governments(parser, resolver) -> None:
    text = "The embassy will move from Tel Aviv to Jerusalem next year."
    table = resolve(parser, resolver, text)
    assert at(table, text, "Jerusalem") is None or at(table, text, "Jerusalem").code == "ISR"
    text = "Moscow sent a sharp note to Washington."
    table = resolve(parser, resolver, text)
    washington = at(table, text, "Washington")
    assert washington is not None and washington.code == "USAGOV"


def test_ibero_american_is_a_region_not_the_united_states(parser, resolver) -> None:
    text = "Ibero-American leaders met in the port city on Friday."
    table = resolve(parser, resolver, text)
    leaders = at(table, text, "leaders")
    assert leaders is None or not (leaders.code or "").startswith("USA")


def test_heads_of_state_are_a_group_of_officials(parser, resolver) -> None:
    text = "The two heads of state began the talk in a narrow format."
    group = at(resolve(parser, resolver, text), text, "heads of state")
    assert group is not None and (group.code or "").endswith("GOV")


def test_a_colleague_a_country_names_is_an_official(parser, resolver) -> None:
    text = "President Ivan Petrov thanked his Canadian colleague for the support."
    colleague = at(resolve(parser, resolver, text), text, "Canadian colleague")
    assert colleague is not None and colleague.code == "CANGOV"
    text = "A colleague of the victim said she was shocked."
    bare = at(resolve(parser, resolver, text), text, "colleague")
    assert bare is None or not bare.code
