"""The cleaning stage: scraped text in, title/dek/authors/date/dateline/body out.

The short pages here are written for these tests (no real article text); the seed
article and the corpus are read from ../shared through the conftest fixtures.
"""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import shared_path
from newsgraph.clean import clean_raw, from_clean_text
from newsgraph.clean.byline import parse_byline
from newsgraph.clean.dateline import find_dateline
from newsgraph.clean.dates import parse_date_line
from newsgraph.clean.lines import noise_kind, unglue
from newsgraph.records import Article, RawDocument

BODY_ONE = "The harbour authority said on Monday that two ferries would resume service after a week of repairs."
BODY_TWO = "“We expect the timetable to be back to normal by Friday,” a spokeswoman told reporters."
BODY_THREE = "Local businesses had complained that the closure cut visitor numbers sharply."
SHORT_BODY = "Nobody was hurt."


def clean(text: str, **fields: object) -> Article:
    return clean_raw(RawDocument(id="t", kind="raw", content=text, **fields))  # type: ignore[arg-type]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n")


def assert_body_intact(article: Article, *expected: str) -> None:
    assert paragraphs(article) == list(expected)


# ---------------------------------------------------------------- the seed article


def test_seed_metadata(seed_text: str) -> None:
    article = clean(seed_text)
    assert article.title == "Russia, NATO Meet Over Ukraine Impasse"
    assert article.subtitle == (
        "The first talks between the coalition and Moscow since 2019 come amid pessimism about a quick solution"
    )
    assert article.authors == ["James Marson"]
    assert article.extractor == "clean:lines"


def test_seed_body_keeps_every_paragraph_and_drops_furniture(seed_text: str) -> None:
    article = clean(seed_text)
    furniture = ("- Advertisement -", "Stay on top", "DMCA / Correction Notice", "Recent Articles",
                 "Related Stories", "Write James Marson", "protected]")
    for phrase in furniture:
        assert phrase not in article.text
    expected = [
        p.strip()
        for p in seed_text.split("\n\n")
        if p.strip() and noise_kind(p) is None and "Write James Marson" not in p
        and p.strip() not in {"Recent Articles", "Related Stories", article.title, article.subtitle}
    ]
    assert paragraphs(article) == expected
    assert "America has emphasized unity with its allies in Europe." in paragraphs(article)
    assert any(p.startswith("“Russian action has led to this crisis,”") for p in paragraphs(article))
    assert "Write James Marson at [email\u00a0protected]" in article.boilerplate
    assert article.boilerplate.count("- Advertisement -") == 5


# ---------------------------------------------------------------- page noise


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("- Advertisement -", "ad"),
        ("ADVERTISEMENT", "ad"),
        ("Story continues below advertisement", "ad"),
        ("Stay on top - Get the daily news in your inbox", "newsletter"),
        ("Sign up for our free morning newsletter", "newsletter"),
        ("Get the latest headlines delivered straight to your inbox", "newsletter"),
        ("Share this article", "share"),
        ("Share on Facebook", "share"),
        ("Facebook Twitter LinkedIn Email", "share"),
        ("Follow us on Twitter", "share"),
        ("4 min read", "share"),
        ("We use cookies to improve your experience on our site. By continuing you accept this.", "cookie"),
        ("Accept all cookies", "cookie"),
        ("12 Comments", "comments"),
        ("Comments (3)", "comments"),
        ("View comments", "comments"),
        ("© 2024 Harbour Gazette Ltd.", "copyright"),
        ("Copyright 2023 The Example Times. All rights reserved.", "copyright"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        ("DMCA / Correction Notice", "dmca"),
        ("(Photo: Reuters)", "caption"),
        ("Photo by Jane Doe/Getty Images", "caption"),
        ("Image caption, Ferries wait in the harbour", "caption"),
        ("Ferries wait in the harbour on Monday. REUTERS/Jane Doe", "caption"),
        ("A ferry leaves the port. Image: Example Port Authority.", "caption"),
        ("Home > World > Europe", "breadcrumb"),
        ("Home / News", "breadcrumb"),
        ("News » World » Europe", "breadcrumb"),
        ("Privacy Policy | Terms of Use | Contact Us", "nav"),
        ("Tags: ferries, harbours, transport", "nav"),
        ("jane.doe@example.com", "contact"),
        ("When you buy through links on our site, we may earn an affiliate commission.", "ad"),
        ("This post contains affiliate links.", "ad"),
        ("Jane Doe/Harbour Pictures via Getty Images", "caption"),
        ("Photographer: Jane Doe. Stylist: John Roe.", "caption"),
        ("This story was originally published March 5, 2024, 9:00 AM.", "trailer"),
        ("Thanks for reading the Harbour Gazette.", "trailer"),
        ("Leave a Reply", "trailer"),
        ("Loading comments...", "trailer"),
        ("MORE: Ferry timetable changes for the summer", "related"),
        ("Ferries wait in the harbour on Monday. Credit...Jane Doe/Harbour Gazette", "caption"),
        ("skip past newsletter promotion", "newsletter"),
        ("Sign up to Island Mornings", "newsletter"),
        ("Read: Why the ferries were late all winter", "related"),
        ("A version of this article appears in print on March 6, 2024, Section A, Page 3.", "trailer"),
    ],
)
def test_noise_lines_are_recognised(line: str, kind: str) -> None:
    assert noise_kind(line) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        BODY_ONE,
        BODY_TWO,
        SHORT_BODY,
        "Share prices fell sharply after the announcement.",
        "The company published its newsletter on Monday.",
        "Subscribers to the service were told to expect delays.",
        "The court ruled that the EU cookie policy applies to small websites too.",
        "Copyright law was not part of the negotiations, officials said.",
        "Follow-up talks are planned for next week.",
        "Home owners near the port were evacuated.",
        "The photo, taken by a passenger, was shared widely online.",
        "Comments by the minister drew criticism from the opposition.",
        "Thanks to the repairs, the crossing now takes twenty minutes.",
        "The photographer said the ferry left the harbour late.",
        "More than forty passengers were waiting at the pier.",
        "Loading the ferries took longer than usual, the crew said.",
        "We may earn more from tourism this year, the mayor said of the reopened route.",
        "Sign up to vote by Friday, the council urged residents.",
        "Read the timetable carefully before you travel, the authority advised.",
    ],
)
def test_body_sentences_are_not_noise(sentence: str) -> None:
    assert noise_kind(sentence) is None


def test_noise_of_every_kind_is_removed_and_reported() -> None:
    text = page(
        "Home > World > Europe",
        "Ferry Services Resume After Repairs",
        "Share this article",
        BODY_ONE,
        "- Advertisement -",
        BODY_TWO,
        "Ferries wait at the quay on Monday. (Photo: Reuters)",
        "Sign up for our free morning newsletter",
        SHORT_BODY,
        BODY_THREE,
        "12 Comments",
        "We use cookies to improve your experience on our site. By continuing you accept this.",
        "© 2024 Harbour Gazette Ltd.",
    )
    article = clean(text)
    assert article.title == "Ferry Services Resume After Repairs"
    assert_body_intact(article, BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE)
    for removed in ("Home > World > Europe", "Share this article", "- Advertisement -", "12 Comments",
                    "Ferries wait at the quay on Monday. (Photo: Reuters)", "© 2024 Harbour Gazette Ltd."):
        assert removed in article.boilerplate
    assert article.title not in article.boilerplate


def test_related_stories_link_list_is_removed() -> None:
    text = page(
        "Ferry Services Resume After Repairs",
        BODY_ONE,
        BODY_TWO,
        "Related Stories",
        "Port strike ends after pay deal",
        "New bridge opens to traffic",
        "Read more:",
        "Island council approves budget",
    )
    article = clean(text)
    assert_body_intact(article, BODY_ONE, BODY_TWO)
    assert "New bridge opens to traffic" in article.boilerplate


def test_link_list_stops_at_the_next_body_paragraph() -> None:
    text = page("Ferry Services Resume After Repairs", BODY_ONE, "Recommended", "Port strike ends after pay deal",
                BODY_TWO, BODY_THREE)
    article = clean(text)
    assert_body_intact(article, BODY_ONE, BODY_TWO, BODY_THREE)


def test_short_and_quoted_paragraphs_are_kept() -> None:
    quote_only = "“No.”"
    text = page("Ferry Services Resume After Repairs", BODY_ONE, quote_only, SHORT_BODY, "Why now?", BODY_TWO)
    article = clean(text)
    assert_body_intact(article, BODY_ONE, quote_only, SHORT_BODY, "Why now?", BODY_TWO)


def test_subheading_inside_the_body_is_kept() -> None:
    text = page("Ferry Services Resume After Repairs", BODY_ONE, "What happens next", BODY_TWO)
    assert_body_intact(clean(text), BODY_ONE, "What happens next", BODY_TWO)


def test_single_newlines_separate_paragraphs_too() -> None:
    text = "\n".join(["Ferry Services Resume After Repairs", "Share this article", BODY_ONE, BODY_TWO])
    article = clean(text)
    assert article.title == "Ferry Services Resume After Repairs"
    assert_body_intact(article, BODY_ONE, BODY_TWO)


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    words = ("The harbour authority said the ferries would run again from Monday and that extra crews "
             "had been hired for the busy summer weeks ahead of the festival season in the islands. ") * 3
    wrapped: list[str] = []
    line = ""
    for word in words.split():
        if len(line) + len(word) + 1 > 70:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped.append(line)
    text = "Ferry Services Resume After Repairs\n\n" + "\n".join(wrapped) + "\n\n" + "\n".join(wrapped)
    article = clean(text)
    assert paragraphs(article) == [" ".join(words.split())] * 2


def test_mojibake_is_repaired_and_line_endings_normalised() -> None:
    broken = "â€œWe are ready,â€\x9d the minister said."
    article = clean("Ferry Services Resume After Repairs\r\n\r\n" + broken + "\r\n\r\n" + BODY_ONE)
    assert paragraphs(article) == ["“We are ready,” the minister said.", BODY_ONE]
    assert "\r" not in article.text


# ---------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By JANE DOE, Associated Press", ["Jane Doe"]),
        ("BY JANE DOE AND JOHN ROE, The Associated Press", ["Jane Doe", "John Roe"]),
        ("By Jane Doe, John Roe and Mary Major", ["Jane Doe", "John Roe", "Mary Major"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("By Jane Doe in Kyiv", ["Jane Doe"]),
        ("By Jane Doe for The Guardian", ["Jane Doe"]),
        ("By The Associated Press", []),
        ("Jane Doe | Reuters", ["Jane Doe"]),
        ("By Jane Doe | March 4, 2024", ["Jane Doe"]),
        ("Write James Marson at [email\u00a0protected]", ["James Marson"]),
        ("Write to Jane Doe at jane.doe@example.com", ["Jane Doe"]),
        ("Contact Jane Doe at jane.doe@example.com", ["Jane Doe"]),
        ("Reporting by Jane Doe in Kyiv; Editing by John Roe", ["Jane Doe"]),
        ("(Reporting by Jane Doe and Ann Poe; Additional reporting by Lu Chen; Editing by John Roe)",
         ["Jane Doe", "Ann Poe", "Lu Chen"]),
        ("By Jean-Luc de la Fontaine", ["Jean-Luc de la Fontaine"]),
        ("By J.R. Smith Jr.", ["J.R. Smith Jr."]),
    ],
)
def test_byline_shapes(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the ferries were running again.",
        "By Christmas Eve",
        "By then, most passengers had left.",
        BODY_ONE,
        "Ferry Services Resume After Repairs",
        "Jane Doe",
        "Editing by John Roe and the night desk were thanked for their help in the report.",
    ],
)
def test_non_bylines_are_rejected(line: str) -> None:
    assert parse_byline(line) is None


def test_byline_at_top_is_removed_and_authors_kept() -> None:
    text = page("Ferry Services Resume After Repairs", "By JANE DOE, Associated Press", BODY_ONE, BODY_TWO)
    article = clean(text)
    assert article.authors == ["Jane Doe"]
    assert_body_intact(article, BODY_ONE, BODY_TWO)
    assert "By JANE DOE, Associated Press" in article.boilerplate


def test_credit_line_at_bottom_gives_reporters_not_editors() -> None:
    text = page("Ferry Services Resume After Repairs", BODY_ONE, BODY_TWO,
                "Reporting by Jane Doe; Editing by John Roe")
    article = clean(text)
    assert article.authors == ["Jane Doe"]
    assert_body_intact(article, BODY_ONE, BODY_TWO)


def test_credit_in_parentheses_closing_last_paragraph_is_cut() -> None:
    text = page("Ferry Services Resume After Repairs", BODY_ONE,
                BODY_THREE + " (Reporting by Jane Doe; Editing by John Roe)")
    article = clean(text)
    assert article.authors == ["Jane Doe"]
    assert_body_intact(article, BODY_ONE, BODY_THREE)


def test_contact_the_author_line_is_removed_without_author() -> None:
    text = page("Ferry Services Resume After Repairs", BODY_ONE, BODY_TWO, "Contact the author at news@example.com")
    article = clean(text)
    assert article.authors == []
    assert_body_intact(article, BODY_ONE, BODY_TWO)
    assert "Contact the author at news@example.com" in article.boilerplate


def test_author_bio_closing_the_article() -> None:
    bio = "Jane Doe is a senior correspondent for the Harbour Gazette covering transport."
    text = page("Ferry Services Resume After Repairs", BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE, bio)
    article = clean(text)
    assert article.authors == ["Jane Doe"]
    assert_body_intact(article, BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE)


def test_lone_name_beside_date_line_is_the_author() -> None:
    text = page("Ferry Services Resume After Repairs", "Jane Doe", "March 4, 2024", BODY_ONE, BODY_TWO)
    article = clean(text)
    assert article.authors == ["Jane Doe"]
    assert article.published == dt.date(2024, 3, 4)
    assert_body_intact(article, BODY_ONE, BODY_TWO)


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("KYIV, Ukraine (AP) — Officials said the ferries would run.", "KYIV, Ukraine (AP)",
         "Officials said the ferries would run."),
        ("MOSCOW (Reuters) - Officials said the ferries would run.", "MOSCOW (Reuters)",
         "Officials said the ferries would run."),
        ("WASHINGTON — Officials said the ferries would run.", "WASHINGTON", "Officials said the ferries would run."),
        ("NEW YORK, N.Y. — Officials said the ferries would run.", "NEW YORK, N.Y.",
         "Officials said the ferries would run."),
        ("LONDON, March 4 (Reuters) - Officials said the ferries would run.", "LONDON, March 4 (Reuters)",
         "Officials said the ferries would run."),
        ("(CNN) — Officials said the ferries would run.", "(CNN)", "Officials said the ferries would run."),
    ],
)
def test_dateline_shapes(paragraph: str, dateline: str, rest: str) -> None:
    found = find_dateline(paragraph)
    assert found is not None
    assert found.text == dateline
    assert paragraph[found.body_start :] == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO — the alliance of 32 countries — met on Tuesday.",
        "The minister — speaking in Kyiv — said talks would go on.",
        "A spokesman - who asked not to be named - confirmed the visit.",
        BODY_ONE,
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_dateline_is_cut_from_first_body_paragraph_only() -> None:
    first = "KYIV, Ukraine (AP) — " + BODY_ONE
    later = "LONDON — " + BODY_THREE
    article = clean(page("Ferry Services Resume After Repairs", first, BODY_TWO, later))
    assert article.dateline == "KYIV, Ukraine (AP)"
    assert_body_intact(article, BODY_ONE, BODY_TWO, later)


def test_dateline_on_its_own_line() -> None:
    article = clean(page("Ferry Services Resume After Repairs", "WASHINGTON —", BODY_ONE, BODY_TWO))
    assert article.dateline == "WASHINGTON"
    assert_body_intact(article, BODY_ONE, BODY_TWO)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("line", "date", "kind"),
    [
        ("Published 12:30 GMT, 4 March 2024", dt.date(2024, 3, 4), "published"),
        ("March 4, 2024", dt.date(2024, 3, 4), "published"),
        ("Monday, March 4, 2024", dt.date(2024, 3, 4), "published"),
        ("Updated: Mar. 5, 2024 at 3:15 p.m. ET", dt.date(2024, 3, 5), "updated"),
        ("Posted on 2024-03-04T10:00:00Z", dt.date(2024, 3, 4), "published"),
        ("4th of March 2024 | 10:00 BST", dt.date(2024, 3, 4), "published"),
        ("Updated 3 hours ago", None, "updated"),
        ("March 4, 2024 / 3:15 PM / Updated 2 hours ago", dt.date(2024, 3, 4), "published"),
    ],
)
def test_date_lines(line: str, date: dt.date | None, kind: str) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert found.date == date
    assert found.kind == kind


@pytest.mark.parametrize(
    "line",
    [BODY_ONE, "On March 4, 2024, the ferries stopped.", "March Madness", "2024 budget", "Updated"],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_date_line_gives_published_and_is_removed() -> None:
    text = page("Ferry Services Resume After Repairs", "Published 12:30 GMT, 4 March 2024",
                "Updated 13:45 GMT, 5 March 2024", BODY_ONE, BODY_TWO)
    article = clean(text)
    assert article.published == dt.date(2024, 3, 4)
    assert_body_intact(article, BODY_ONE, BODY_TWO)
    assert "Published 12:30 GMT, 4 March 2024" in article.boilerplate


def test_relative_date_is_removed_without_a_date() -> None:
    article = clean(page("Ferry Services Resume After Repairs", "Updated 3 hours ago", BODY_ONE, BODY_TWO))
    assert article.published is None
    assert "Updated 3 hours ago" in article.boilerplate


def test_given_date_wins_over_date_in_text() -> None:
    given = dt.date(2020, 1, 2)
    article = clean(page("Ferry Services Resume After Repairs", "March 4, 2024", BODY_ONE), published=given)
    assert article.published == given


def test_byline_with_date_gives_both() -> None:
    article = clean(page("Ferry Services Resume After Repairs", "By Jane Doe | Updated March 5, 2024",
                         BODY_ONE, BODY_TWO))
    assert article.authors == ["Jane Doe"]
    assert article.published == dt.date(2024, 3, 5)


# ---------------------------------------------------------------- title and dek


def test_headline_with_site_name_is_a_title_not_a_byline() -> None:
    article = clean(page("Ferry Services Resume After Repairs | Reuters", "By Jane Doe", BODY_ONE))
    assert article.title == "Ferry Services Resume After Repairs"
    assert article.authors == ["Jane Doe"]
    assert_body_intact(article, BODY_ONE)
    given = clean(page("Ferry Services Resume After Repairs | Reuters", BODY_ONE),
                  title="Ferry Services Resume After Repairs")
    assert given.authors == []
    assert_body_intact(given, BODY_ONE)

def test_dek_is_taken_only_when_it_stands_apart() -> None:
    dek = "Repairs took longer than planned after a storm damaged the main quay"
    with_dek = clean(page("Ferry Services Resume After Repairs", dek, BODY_ONE, BODY_TWO))
    assert with_dek.subtitle == dek
    assert_body_intact(with_dek, BODY_ONE, BODY_TWO)
    without_dek = clean(page("Ferry Services Resume After Repairs", BODY_ONE, BODY_TWO))
    assert without_dek.subtitle is None
    assert_body_intact(without_dek, BODY_ONE, BODY_TWO)


def test_dek_ending_in_a_period_needs_a_byline_after_it() -> None:
    dek = "Repairs took longer than planned after a storm."
    with_byline = clean(page("Ferry Services Resume After Repairs", dek, "By Jane Doe", BODY_ONE))
    assert with_byline.subtitle == dek
    without_byline = clean(page("Ferry Services Resume After Repairs", dek, BODY_ONE))
    assert without_byline.subtitle is None
    assert_body_intact(without_byline, dek, BODY_ONE)


def test_given_title_is_kept_and_its_line_removed() -> None:
    article = clean(page("Ferry services resume after repairs | Harbour Gazette", BODY_ONE, BODY_TWO),
                    title="Ferry Services Resume After Repairs")
    assert article.title == "Ferry Services Resume After Repairs"
    assert_body_intact(article, BODY_ONE, BODY_TWO)


def test_given_title_absent_from_text_takes_no_line() -> None:
    article = clean(page(BODY_ONE, BODY_TWO), title="Ferry Services Resume After Repairs")
    assert article.title == "Ferry Services Resume After Repairs"
    assert article.subtitle is None
    assert_body_intact(article, BODY_ONE, BODY_TWO)


def test_navigation_above_the_title_is_dropped() -> None:
    text = page("Menu", "World", "Europe", "Ferry Services Resume After Repairs", BODY_ONE)
    article = clean(text)
    assert article.title == "Ferry Services Resume After Repairs"
    assert_body_intact(article, BODY_ONE)
    assert {"Menu", "World", "Europe"} <= set(article.boilerplate)


def test_page_without_title_keeps_first_paragraph() -> None:
    article = clean(page(BODY_ONE, BODY_TWO))
    assert article.title is None
    assert_body_intact(article, BODY_ONE, BODY_TWO)


def test_question_line_is_a_title_only_when_furniture_follows() -> None:
    question = "Will the ferries run again this summer?"
    headline = clean(page(question, "By Jane Doe", BODY_ONE, BODY_TWO))
    assert headline.title == question
    assert_body_intact(headline, BODY_ONE, BODY_TWO)
    opening = clean(page(question, BODY_ONE, BODY_TWO))
    assert opening.title is None
    assert_body_intact(opening, question, BODY_ONE, BODY_TWO)


def test_name_over_job_title_line_is_the_author() -> None:
    article = clean(page("Ferry Services Resume After Repairs", "2 hours ago", "Jane Doe", "Transport correspondent",
                         BODY_ONE, BODY_TWO))
    assert article.authors == ["Jane Doe"]
    assert_body_intact(article, BODY_ONE, BODY_TWO)
    assert {"Jane Doe", "Transport correspondent", "2 hours ago"} <= set(article.boilerplate)


def test_posted_on_date_by_author_line() -> None:
    article = clean(page("Ferry Services Resume After Repairs", "Posted on 5th March 2024 by Jane Doe", BODY_ONE))
    assert article.authors == ["Jane Doe"]
    assert article.published == dt.date(2024, 3, 5)
    assert_body_intact(article, BODY_ONE)


def test_inline_read_more_link_is_removed() -> None:
    article = clean(page("Ferry Services Resume After Repairs", BODY_ONE, "READ MORE: Port strike ends after pay deal",
                         BODY_TWO))
    assert_body_intact(article, BODY_ONE, BODY_TWO)


def test_symbol_only_separators_in_the_body_are_kept() -> None:
    article = clean(page("Ferry Services Resume After Repairs", BODY_ONE, "* * *", BODY_TWO, "<…>"))
    assert_body_intact(article, BODY_ONE, "* * *", BODY_TWO, "<…>")


def test_trailing_navigation_after_the_last_paragraph_is_removed() -> None:
    article = clean(page("Ferry Services Resume After Repairs", BODY_ONE, BODY_TWO, "Malta", "Ferries", "Transport"))
    assert_body_intact(article, BODY_ONE, BODY_TWO)
    assert ["Malta", "Ferries", "Transport"] == article.boilerplate


def test_last_paragraph_without_full_stop_is_kept() -> None:
    last = "In other results the northern ferry line carried more passengers than in any March before"
    article = clean(page("Ferry Services Resume After Repairs", BODY_ONE, last))
    assert_body_intact(article, BODY_ONE, last)


def test_headline_alone_becomes_the_body() -> None:
    article = clean(page("- Advertisement -", "Ferry services resume after repairs", "Share"))
    assert article.text == "Ferry services resume after repairs"
    assert article.boilerplate == ["- Advertisement -", "Share"]


def test_noise_data_file_is_well_formed() -> None:
    from newsgraph.clean import patterns

    rules = patterns.noise_rules()
    kinds = {rule.kind for rule in rules}
    assert {"ad", "newsletter", "share", "cookie", "comments", "copyright", "dmca", "caption", "breadcrumb"} <= kinds
    assert not any(rule.pattern.fullmatch("") for rule in rules)



# ---------------------------------------------------------------- whole-page dumps

MENU = ["Home", "World", "Europe", "Business", "Markets", "Sport", "Culture", "Travel"]


def test_page_dump_keeps_the_article_between_menus() -> None:
    text = "\n".join(
        ["Harbour Gazette » Ferry Services Resume After Repairs", "Harbour Gazette",
         "Your window on the islands since 1901.", *MENU,
         "Ferry Services Resume After Repairs", "by Jane Doe", *MENU,
         BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE,
         "Print version", "Digg", "Technorati", "Send by email", "Your Name:", "Your Address:",
         "2 comments", "A reader", "I was on the first ferry this morning and it was late again.",
         "Another reader", "Good news for the islands, finally some progress here.", *MENU]
    )
    article = clean(text)
    assert article.title == "Ferry Services Resume After Repairs"
    assert article.authors == ["Jane Doe"]
    assert_body_intact(article, BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE)
    assert "Your window on the islands since 1901." in article.boilerplate
    assert "I was on the first ferry this morning and it was late again." in article.boilerplate


def test_short_list_inside_the_article_is_kept() -> None:
    items = ["Valletta", "Gozo", "Comino", "Sliema", "Marsaxlokk", "Mellieha", "Cirkewwa"]
    text = page("Ferry Services Resume After Repairs", BODY_ONE, "The routes that reopen are:", *items, BODY_TWO,
                BODY_THREE)
    assert_body_intact(clean(text), BODY_ONE, "The routes that reopen are:", *items, BODY_TWO, BODY_THREE)

# ---------------------------------------------------------------- clean text passes through


def test_from_clean_text_changes_nothing_but_line_endings_and_edges() -> None:
    body = "Services resume.\r\n\r\n- Advertisement -\r\n\r\nBy Jane Doe"
    article = from_clean_text(RawDocument(id="c", kind="text", content="  " + body + "\n", title="T",
                                          published=dt.date(2024, 3, 4)))
    assert article.text == body.replace("\r\n", "\n")
    assert article.title == "T"
    assert article.published == dt.date(2024, 3, 4)
    assert article.authors == []
    assert article.boilerplate == []


def _paragraph_list(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


@pytest.mark.parametrize("name", ["wikinews_vanatteveldt.jsonl", "kremlin_foreign_policy.jsonl"])
def test_clean_corpus_text_passes_through(shared_dir, name: str) -> None:
    """Already clean articles lose no body paragraph except date lines and photo captions."""
    total = kept = 0
    with (shared_dir / "corpus" / name).open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle][:120]
    for record in records:
        article = clean(record["title"] + "\n\n" + record["text"], title=record["title"])
        assert article.title == record["title"]
        for paragraph in _paragraph_list(record["text"]):
            if parse_date_line(paragraph) or noise_kind(paragraph) == "caption":
                continue
            total += len(paragraph)
            kept += len(paragraph) if paragraph in article.text else 0
    assert kept / total >= 0.995


# ---------------------------------------------------------------- whole pages rendered as text

TEASERS = [
    "Island council approves a new car park near the pier after a long debate.",
    "Lighthouse keeper retires after forty years of service on the rocks.",
    "Fishing boats stay in port as a storm warning is issued for the weekend.",
]
FOOTER = ["About us", "Contact", "Careers", "Advertise with us", "Privacy Policy", "Terms of Use",
          "© 2024 Harbour Gazette Ltd."]


def dump(*lines: str) -> str:
    """A whole page rendered as text: one line per block, no blank lines."""
    return "\n".join(lines)


def test_page_dump_body_block_leaves_out_teasers_and_footer() -> None:
    text = dump("Skip to content", *MENU, "Ferry Services Resume After Repairs", "By Jane Doe",
                "March 5, 2024", BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE,
                "Share", "Facebook", "Most popular", "Weather", "Tides", "Sport scores", "Puzzles", "Podcasts",
                *TEASERS, *FOOTER)
    article = clean(text)
    assert article.title == "Ferry Services Resume After Repairs"
    assert article.authors == ["Jane Doe"]
    assert article.published == dt.date(2024, 3, 5)
    assert_body_intact(article, BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE)
    assert set(TEASERS) <= set(article.boilerplate)


def test_page_dump_keeps_quoted_and_short_paragraphs_and_lists_between_prose() -> None:
    items = ["Valletta", "Gozo", "Comino", "Sliema", "Marsaxlokk", "Mellieha", "Cirkewwa", "Mgarr"]
    quote = "“Not yet,” she said."
    text = dump(*MENU, "Ferry Services Resume After Repairs", "By Jane Doe", BODY_ONE, quote,
                "The routes that reopen are:", *items, SHORT_BODY, BODY_TWO, "Share", *FOOTER)
    article = clean(text)
    assert_body_intact(article, BODY_ONE, quote, "The routes that reopen are:", *items, SHORT_BODY, BODY_TWO)


def test_page_dump_keeps_a_short_closing_sentence() -> None:
    text = dump(*MENU, "Ferry Services Resume After Repairs", "By Jane Doe", BODY_ONE, BODY_TWO, SHORT_BODY,
                "Share", *FOOTER)
    assert_body_intact(clean(text), BODY_ONE, BODY_TWO, SHORT_BODY)


def test_headline_is_the_strong_line_next_to_the_body_not_a_menu_label() -> None:
    text = dump("Harbour Gazette", "Latest News Across The Islands", *MENU, "Transport", "Island Life",
                "Will the ferries run again this summer?", "By Jane Doe", BODY_ONE, BODY_TWO, BODY_THREE, *FOOTER)
    article = clean(text)
    assert article.title == "Will the ferries run again this summer?"
    assert_body_intact(article, BODY_ONE, BODY_TWO, BODY_THREE)


def test_byline_and_lowercase_lines_are_not_taken_for_the_headline() -> None:
    text = dump(*MENU, "Ferry Services Resume After Repairs", "transport editor who joined the paper in 2019",
                "By J. R. R. Doe-Smith the Younger", BODY_ONE, BODY_TWO, BODY_THREE, *FOOTER)
    assert clean(text).title == "Ferry Services Resume After Repairs"


def test_headline_is_found_below_teasers_that_open_the_block() -> None:
    text = dump(*MENU, TEASERS[0], TEASERS[1], "Ferry Services Resume After Repairs", "By Jane Doe",
                BODY_ONE, BODY_TWO, BODY_THREE, *FOOTER)
    article = clean(text)
    assert article.title == "Ferry Services Resume After Repairs"
    assert_body_intact(article, BODY_ONE, BODY_TWO, BODY_THREE)


def test_dek_under_the_headline_is_not_taken_for_the_headline() -> None:
    dek = "Two ferries are back after a week in the repair yard and more are due"
    text = dump(*MENU, "Ferry Services Resume After Repairs", dek, BODY_ONE, BODY_TWO, BODY_THREE, *FOOTER)
    article = clean(text)
    assert article.title == "Ferry Services Resume After Repairs"
    assert article.subtitle == dek


def test_glued_byline_and_date_are_read() -> None:
    article = clean(dump(*MENU, "Ferry Services Resume After Repairs", "ByJane Doe", "PublishedMarch 5, 2024",
                         BODY_ONE, BODY_TWO, *FOOTER))
    assert article.authors == ["Jane Doe"]
    assert article.published == dt.date(2024, 3, 5)
    named = clean(dump(*MENU, "Ferry Services Resume After Repairs", "Jane DoeMarch 6, 2024", BODY_ONE, BODY_TWO,
                       *FOOTER))
    assert named.authors == ["Jane Doe"]
    assert named.published == dt.date(2024, 3, 6)


def test_lone_name_between_headline_and_body_of_a_page_dump_is_the_author() -> None:
    article = clean(dump(*MENU, "Ferry Services Resume After Repairs", "Jane Doe", BODY_ONE, BODY_TWO, *FOOTER))
    assert article.authors == ["Jane Doe"]
    assert_body_intact(article, BODY_ONE, BODY_TWO)


def test_byline_with_oxford_comma_and_agency_partner() -> None:
    listed = parse_byline("By Jane Doe, John Roe, and Mary Major")
    assert listed is not None and listed.authors == ["Jane Doe", "John Roe", "Mary Major"]
    shared = parse_byline("By Jane Doe and The Associated Press")
    assert shared is not None and shared.authors == ["Jane Doe"]


def test_date_line_with_reading_time_or_glued_time_gives_the_date() -> None:
    timed = clean(dump(*MENU, "Ferry Services Resume After Repairs", "March 5, 2024 4 min read", BODY_ONE, BODY_TWO,
                       *FOOTER))
    assert timed.published == dt.date(2024, 3, 5)
    glued = clean(dump(*MENU, "Ferry Services Resume After Repairs", "5 min readMarch 6, 20249:30 AM", BODY_ONE,
                       BODY_TWO, *FOOTER))
    assert glued.published == dt.date(2024, 3, 6)


def test_unglue_leaves_ordinary_words_alone() -> None:
    assert unglue("McDonald said the MacBook was in his bag") == "McDonald said the MacBook was in his bag"
    assert unglue("Byron Smith") == "Byron Smith"
    assert unglue("ByJane Doe") == "By Jane Doe"


def test_comment_counter_in_the_header_does_not_end_the_article() -> None:
    blurb = ["The Harbour Gazette has covered the islands and their harbours since the first ferry ran in 1901.",
             "Our reporters live on every island and write about transport, weather, business and local life."]
    text = dump(*blurb, *MENU, "Ferry Services Resume After Repairs", "By Jane Doe", "Comments (0)",
                BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE, *FOOTER)
    article = clean(text)
    assert_body_intact(article, BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE)


def test_bulleted_teasers_under_a_related_header_are_removed() -> None:
    bullets = ["— Lighthouse keeper retires after forty years!", "— Storm warning issued for the weekend."]
    closing = "Repairs to the third ferry are expected to take until the end of the month, the authority added."
    text = page("Ferry Services Resume After Repairs", BODY_ONE, BODY_TWO, "Related stories:", *bullets, BODY_THREE,
                closing)
    article = clean(text)
    assert_body_intact(article, BODY_ONE, BODY_TWO, BODY_THREE, closing)
    assert set(bullets) <= set(article.boilerplate)


def test_name_above_the_closing_author_bio_is_removed() -> None:
    bio = "Jane Doe is a transport reporter for the Harbour Gazette."
    article = clean(page("Ferry Services Resume After Repairs", BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE,
                         "Jane Doe", bio))
    assert_body_intact(article, BODY_ONE, BODY_TWO, SHORT_BODY, BODY_THREE)
    assert article.authors == ["Jane Doe"]
    assert "Jane Doe" in article.boilerplate


def test_photo_credit_name_slash_outlet_is_a_caption_but_a_sentence_with_a_slash_is_not() -> None:
    assert noise_kind("Jane Doe/Harbour Gazette") == "caption"
    assert noise_kind("Jane Doe / The Harbour Gazette") == "caption"
    assert noise_kind("The ferry runs 24/7 in summer and/or on holidays.") is None


def test_curly_apostrophe_link_list_header_is_recognised() -> None:
    text = page("Ferry Services Resume After Repairs", BODY_ONE, BODY_TWO, "Editor’s Picks",
                "Island council approves a new car park", BODY_THREE)
    article = clean(text)
    assert "Island council approves a new car park" in article.boilerplate


# ---------------------------------------------------------------- dev-set floor on rendered pages

NAEB_FLOOR_PAGES = 150
FLOOR_BODY_F1 = 0.87
FLOOR_TITLE_EXACT = 0.61
FLOOR_AUTHOR_F1 = 0.63
FLOOR_DATE_EXACT = 0.65


def _scraped_text_benchmark() -> ModuleType:
    """benchmarks/scraped_text.py, whose renderer makes the page text this floor is measured on."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "scraped_text.py"
    spec = importlib.util.spec_from_file_location("scraped_text_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rendered_naeb_dev_pages_stay_above_the_floor(tmp_path: Path) -> None:
    """The first NAEB pages (the development set), rendered whole as text and cleaned, scored
    with the shared scorer; the floors sit a little under the figures measured when set."""
    html_dir = shared_path("benchmarks", "extraction", "naeb", "html")
    scorer = shared_path("tools", "score_extraction.py")
    benchmark = _scraped_text_benchmark()
    predictions = tmp_path / "naeb.jsonl"
    with predictions.open("w", encoding="utf-8") as handle:
        for page_path in sorted(html_dir.glob("*.html.gz"))[:NAEB_FLOOR_PAGES]:
            page_id = page_path.name.removesuffix(".html.gz")
            page_html = gzip.decompress(page_path.read_bytes()).decode("utf-8", errors="replace")
            article = clean_raw(RawDocument(id=page_id, kind="raw", content=benchmark.render_page_text(page_html)))
            record = {"id": page_id, "title": article.title, "authors": article.authors, "text": article.text,
                      "published": article.published.isoformat() if article.published else None}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    result = subprocess.run([sys.executable, str(scorer), "naeb", str(predictions), "--json", "--only-predicted"],
                            check=True, capture_output=True, text=True)
    scores = json.loads(result.stdout)
    assert scores["pages"] == NAEB_FLOOR_PAGES
    assert scores["body"]["f1"] >= FLOOR_BODY_F1
    assert scores["metadata"]["title_exact"] >= FLOOR_TITLE_EXACT
    assert scores["metadata"]["author_f1"] >= FLOOR_AUTHOR_F1
    assert scores["metadata"]["date_exact"] >= FLOOR_DATE_EXACT


def test_sign_off_below_share_bar_and_related_links_names_the_author() -> None:
    page = "\n\n".join([
        "Home > World > Oceania",
        "Harbour Strike Ends in Tarvik After Three Weeks",
        "Published March 3, 2025",
        "- Advertisement -",
        "TARVIK — Dock workers in the port of Tarvik returned to work on Monday after the union accepted a "
        "new wage offer from the harbour authority, ending a strike that had idled more than forty ships.",
        "The agreement raises pay by six per cent over two years and adds a night-shift allowance, the "
        "union's chair told members at a meeting in the port's main hall on Sunday evening.",
        "Shipping firms said it would take about a week to clear the backlog of containers waiting on "
        "the quays, and that some vessels had already been diverted to ports further north.",
        "Share this article",
        "Related Stories",
        "Port Authority Names New Director",
        "Fishing Fleet Returns Early as Storm Nears",
        "Write Mara Lindqvist at [email protected]",
        "© 2025 Example Media. All rights reserved.",
    ])
    article = clean(page)
    assert article.authors == ["Mara Lindqvist"]
    assert article.text.startswith("Dock workers") and "Related Stories" not in article.text


def test_sign_off_far_below_the_body_does_not_override_the_byline() -> None:
    page = "\n\n".join([
        "Home > World > Oceania",
        "Harbour Strike Ends in Tarvik After Three Weeks",
        "By Jon Aalto",
        "Published March 3, 2025",
        "- Advertisement -",
        "Dock workers in the port of Tarvik returned to work on Monday after the union accepted a "
        "new wage offer from the harbour authority, ending a strike that had idled more than forty ships.",
        "The agreement raises pay by six per cent over two years and adds a night-shift allowance, the "
        "union's chair told members at a meeting in the port's main hall on Sunday evening.",
        "Shipping firms said it would take about a week to clear the backlog of containers waiting on "
        "the quays, and that some vessels had already been diverted to ports further north.",
        "Share this article",
        "Related Stories",
        "Port Authority Names New Director",
        "Fishing Fleet Returns Early as Storm Nears",
        "Write Mara Lindqvist at [email protected]",
    ])
    assert clean(page).authors == ["Jon Aalto"]


# ---------------------------------------------------------------- bodies split, interrupted or short

LATER_ONE = (
    "Further along the coast, the operator plans to add a late evening crossing once the summer season "
    "begins, and it has asked the harbour authority for permission to use the northern berth at night."
)
LATER_TWO = (
    "Passenger groups welcomed the plan but said the ticket office hours should be extended as well, since "
    "many travellers arrive after the last bus from the airport has already left the island terminal."
)
PRODUCT_CARDS = [
    "Sea Spray Rain Jacket", "$89", "Harbour Outfitters", "Tide Table Wall Calendar", "$15", "Island Books",
    "Waterproof Deck Shoes", "$64", "Harbour Outfitters", "Folding Travel Umbrella", "$22", "Island Books",
    "Compass Keyring", "$9", "Gift Corner",
]


def test_body_interrupted_by_product_cards_keeps_the_paragraphs_after_them() -> None:
    headlines = [teaser.rstrip(".") for teaser in TEASERS]
    text = dump(*MENU, "Ferry Services Resume After Repairs", "By Jane Doe", "March 5, 2024",
                BODY_ONE, LATER_ONE, BODY_TWO, *PRODUCT_CARDS, LATER_TWO, BODY_THREE,
                "Related Stories", *headlines, *FOOTER)
    article = clean(text)
    assert_body_intact(article, BODY_ONE, LATER_ONE, BODY_TWO, LATER_TWO, BODY_THREE)
    assert "Compass Keyring" in article.boilerplate


def test_teasers_above_the_byline_are_not_body_even_when_they_outweigh_it() -> None:
    teasers = [*TEASERS, "Ferry passengers describe a long week of waiting for news at the terminal."]
    text = dump(*MENU, *teasers, "Ferry Services Resume After Repairs", "By Jane Doe", "March 5, 2024",
                BODY_ONE, BODY_TWO, BODY_THREE, *FOOTER)
    article = clean(text)
    assert article.title == "Ferry Services Resume After Repairs"
    assert_body_intact(article, BODY_ONE, BODY_TWO, BODY_THREE)


def test_teaser_list_cut_short_with_an_ellipsis_does_not_outweigh_the_body() -> None:
    cut_teasers = [f"{teaser[:-1]} as officials met with residents of the island to discuss..."
                   for teaser in TEASERS * 3]
    text = dump(*MENU, "Ferry Services Resume After Repairs", "By Jane Doe", BODY_ONE, BODY_TWO,
                "Share", "Facebook", "Most popular", "Weather", "Tides", "Sport scores", "Puzzles", "Podcasts",
                *cut_teasers, *FOOTER)
    article = clean(text)
    assert_body_intact(article, BODY_ONE, BODY_TWO)


def test_body_paragraphs_between_the_byline_and_an_embedded_card_date_are_kept() -> None:
    text = dump(*MENU, "Ferry Services Resume After Repairs", "By Jane Doe", "March 5, 2024",
                BODY_ONE, BODY_TWO, "Lighthouse keeper retires", "April 2, 2023",
                LATER_ONE, LATER_TWO, BODY_THREE, *FOOTER)
    article = clean(text)
    assert [p for p in (BODY_ONE, BODY_TWO, LATER_ONE, LATER_TWO, BODY_THREE) if p not in paragraphs(article)] == []


# ---------------------------------------------------------------- byline, date and title shapes of page dumps


def test_byline_label_and_name_on_separate_lines() -> None:
    text = dump(*MENU, "Ferry Services Resume After Repairs", "By", "Jane Doe", "March 5, 2024",
                BODY_ONE, BODY_TWO, BODY_THREE, *FOOTER)
    article = clean(text)
    assert article.authors == ["Jane Doe"]
    assert "By" in article.boilerplate
    assert_body_intact(article, BODY_ONE, BODY_TWO, BODY_THREE)


def test_a_line_ending_in_by_is_not_joined_to_a_body_sentence() -> None:
    article = clean(page("Ferry Services Resume After Repairs", "The ferries were repaired by", BODY_ONE))
    assert article.authors == []


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe For The Daily Harbour", ["Jane Doe"]),
        ("Jane Doe, harbourgazette.com", ["Jane Doe"]),
        ("By Jane Doe on March 5, 2024", ["Jane Doe"]),
        ("By Jane Doe | jdoe@harbourgazette.com", ["Jane Doe"]),
    ],
)
def test_byline_with_outlet_web_address_e_mail_or_date_after_on(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors


def test_lowercase_by_and_date_label_glued_to_the_name_are_read() -> None:
    assert unglue("byJane Doe") == "by Jane Doe"
    glued = parse_byline(unglue("By Jane DoePublished: March 5, 2024"))
    assert glued is not None
    assert glued.authors == ["Jane Doe"]
    assert glued.date is not None and glued.date.date == dt.date(2024, 3, 5)


@pytest.mark.parametrize(("line", "date"), [("12-19-2023", dt.date(2023, 12, 19)),
                                            ("Posted 03-05-2024 10:30 AM", dt.date(2024, 3, 5))])
def test_month_day_year_with_dashes(line: str, date: dt.date) -> None:
    found = parse_date_line(line)
    assert found is not None and found.date == date


def test_date_line_with_a_share_button_glued_at_its_end_gives_the_date() -> None:
    text = page("Ferry Services Resume After Repairs", "Published: 09:10 GMT, 5 March 2024 e-mail",
                BODY_ONE, BODY_TWO)
    article = clean(text)
    assert article.published == dt.date(2024, 3, 5)
    assert_body_intact(article, BODY_ONE, BODY_TWO)


def test_breadcrumb_trail_before_the_headline_is_not_part_of_the_title() -> None:
    text = page("News / Island News / Ferry Services Resume After Repairs", "By Jane Doe", BODY_ONE, BODY_TWO)
    assert clean(text).title == "Ferry Services Resume After Repairs"


@pytest.mark.parametrize(
    "line",
    ["This article is more than 2 years old", "Skip to Main ContentAccessibility Help", "Cookie banner",
     "Something went wrong. Please try again later."],
)
def test_page_notices_are_noise(line: str) -> None:
    assert noise_kind(line) is not None
