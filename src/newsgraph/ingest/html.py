"""HTML page -> Article: trafilatura for the body, page metadata for title, authors and date.

trafilatura finds the body well but its metadata often keeps the site name in the title
("... | CBC News") and publisher names as authors.  So the body comes from trafilatura (in
precision mode, with fallbacks when that returns too little) and the metadata from the page
itself: JSON-LD, <meta> tags and the headline element, each cleaned of site names and
rubrics, with trafilatura's own metadata as the last resort.
"""

from __future__ import annotations

import datetime as _dt
import html as html_lib
import json
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any, Iterable, Iterator, NamedTuple
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html
import trafilatura
from lxml import etree
from htmldate import find_date
from trafilatura.metadata import examine_meta, extract_author, extract_meta_json, extract_metadata
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from newsgraph.ingest.errors import IngestError
from newsgraph.records import Article, RawDocument

EXTRACTOR = "html:trafilatura"
MIN_BODY_CHARS = 250
TRUSTED_FAST_BODY_CHARS = 1000  # shorter bodies from the fast pass get the readability/jusText comparison
MIN_BODY_WORDS = 5
MAX_LABEL_WORDS = 5  # a paragraph this short that repeats is a rubric or button label
MIN_LABEL_REPEATS = 3
TEASER_LABEL_SHARE = 0.2  # one repeated label in a fifth of the paragraphs: a teaser list, not an article
TEASER_BASELINE_MIN_RATIO = 0.5  # the baseline replaces a teaser list only if it keeps half its length
MIN_LEAD_WORDS = 5  # a dek block shorter than this is a label, not a lead paragraph
MAX_LEAD_WORDS = 120  # a longer "summary" block is a container of the whole article
MIN_UNSPACED_BODY_CHARS = 40  # scripts written without spaces (Japanese, Chinese) have few "words"
_PROTECTED_EMAIL = re.compile(r"\[\s*email\s+protected\s*\]", re.IGNORECASE)
_CFEMAIL_ELEMENT = re.compile(
    r"<(?P<tag>a|span)\b[^>]*?data-cfemail=[\"'](?P<hex>[0-9a-fA-F]+)[\"'][^>]*>.*?</(?P=tag)>",
    re.IGNORECASE | re.DOTALL,
)
_CFEMAIL_HREF = re.compile(r"/cdn-cgi/l/email-protection#(?P<hex>[0-9a-fA-F]+)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|»|«|·|•|/|:)\s+")
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:written\s+|posted\s+|reported\s+|story\s+)?by|von|vom|par|por|door)[:\s]+", re.IGNORECASE
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\|)\s*", re.IGNORECASE)
_AUTHOR_TRAILERS = re.compile(
    r"\s*(?:\bin\s+[A-Z][\w .]+$|\bfor\s+[A-Z][\w .]+$|\(.*?\)|\bupdated\b.*$|\bpublished\b.*$|\bon\s+\w+\s+\d.*$)"
)
_AFTER_BY = re.compile(r"\bby\s+(.+)$", re.IGNORECASE)
_DATE_IN_TEXT = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LANG_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "report",
    "scholarlyarticle", "techarticle", "liveblogposting", "webpage", "creativework",
}


def _data_lines(name: str) -> tuple[str, ...]:
    text = resources.files("newsgraph.ingest").joinpath(f"data/{name}").read_text("utf-8")
    return tuple(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=None)
def _vocabulary(name: str) -> frozenset[str]:
    return frozenset(_data_lines(name))


@lru_cache(maxsize=None)
def _ordered(name: str) -> tuple[str, ...]:
    return _data_lines(name)


# --- Cloudflare e-mail protection -------------------------------------------------------


def decode_cfemail(hex_string: str) -> str:
    """Decode Cloudflare's obfuscated address: hex bytes, the first being the XOR key."""
    raw = bytes.fromhex(hex_string)
    if not raw:
        return ""
    key = raw[0]
    return bytes(b ^ key for b in raw[1:]).decode("utf-8", errors="replace")


def _replace_cfemails(html: str) -> str:
    """Put the real address back where Cloudflare hid it, so bylines and text keep it."""
    if "cfemail" not in html and "email-protection" not in html:
        return html

    def element(match: re.Match[str]) -> str:
        try:
            return decode_cfemail(match.group("hex"))
        except ValueError:
            return ""

    def href(match: re.Match[str]) -> str:
        try:
            return "mailto:" + decode_cfemail(match.group("hex"))
        except ValueError:
            return match.group(0)

    return _CFEMAIL_HREF.sub(href, _CFEMAIL_ELEMENT.sub(element, html))


# --- small text helpers -------------------------------------------------------------------


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _key(text: str | None) -> str:
    """Comparison key: case, compatibility forms, punctuation and spacing ignored."""
    return re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text or "").lower()).strip()


def _paragraphs(text: str) -> str:
    """trafilatura puts one block per line; the contract separates paragraphs by a blank line."""
    lines = [_squash(_PROTECTED_EMAIL.sub("", line)) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


# --- page metadata sources ----------------------------------------------------------------


def _parse_tree(html: str) -> Any:
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None
    return tree


def _meta_values(tree: Any) -> dict[str, list[str]]:
    """All <meta> contents keyed by lower-cased name, property or itemprop."""
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attribute in ("name", "property", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                values.setdefault(key, []).append(content.strip())
    return values


def _walk_json(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk_json(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk_json(value)


def _type_names(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _json_ld_articles(tree: Any) -> list[dict[str, Any]]:
    """JSON-LD objects describing the article (NewsArticle and kin), most specific first."""
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:
            continue
        for node in _walk_json(data):
            if _type_names(node) & _ARTICLE_TYPES:
                found.append(node)
    found.sort(key=lambda node: 0 if _type_names(node) & (_ARTICLE_TYPES - {"webpage", "creativework"}) else 1)
    return found


def _ld_names(value: Any, *, persons_only: bool) -> list[str]:
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            if persons_only and _type_names(item) and "person" not in _type_names(item):
                continue
            name = item.get("name")
            if isinstance(name, str):
                names.append(name)
            elif isinstance(name, list):
                names.extend(str(n) for n in name)
    return names


def _site_names(tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]], url: str | None) -> set[str]:
    """Keys of every name the site goes by: og:site_name, JSON-LD publisher, host words."""
    names: set[str] = set()
    for key in ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site", "publisher"):
        for value in meta.get(key, []):
            names.add(_key(value.lstrip("@")))
    for node in ld:
        names.update(_key(n) for n in _ld_names(node.get("publisher"), persons_only=False))
    host = urlparse(url or "").hostname or ""
    if host:
        labels = [part for part in host.split(".") if part not in ("www", "com", "org", "net", "co", "uk", "edu", "gov")]
        names.update(_key(label) for label in labels)
    names.discard("")
    return names


def _is_site_name(segment: str, site_names: set[str]) -> bool:
    key = _key(segment)
    if not key:
        return True
    squeezed = key.replace(" ", "")
    for name in site_names:
        name_squeezed = name.replace(" ", "")
        if key == name or squeezed == name_squeezed:
            return True
        if len(name_squeezed) >= 4 and (name_squeezed in squeezed) and len(squeezed) <= len(name_squeezed) + 12:
            return True
    return False


# --- title --------------------------------------------------------------------------------


_SITE_HEADING = re.compile(r"site|logo|brand|masthead", re.IGNORECASE)


_HEADLINE_ELEMENTS = etree.XPath(
    '//*[self::h1 or ((self::h2 or self::h3 or self::div or self::span) and (contains(@class, "entry-title")'
    ' or contains(@class, "post-title") or contains(@class, "article-title") or contains(@class, "headline")))]'
)


def _headline_candidates(tree: Any) -> list[str]:
    """The page's own headline elements: <h1>s and headings marked as the entry or post title."""
    heads: list[str] = []
    for element in _HEADLINE_ELEMENTS(tree):
        if _SITE_HEADING.search(f'{element.get("id", "")} {element.get("class", "")}'):
            continue
        text = _squash(element.text_content())
        if 10 <= len(text) <= 300 and text not in heads:
            heads.append(text)
        if len(heads) >= 4:
            break
    return heads


def _strip_title(title: str, site_names: set[str]) -> str:
    """Drop site names and rubrics ("Opinion", "Live") that sit before or after a separator."""
    rubrics = _vocabulary("title_rubrics.txt")
    segments = _TITLE_SEPARATORS.split(title)
    if len(segments) == 1:
        return title
    kept = [s for s in segments if not _is_site_name(s, site_names) and _key(s) not in rubrics]
    if not kept:
        return max(segments, key=len)
    if len(kept) == len(segments):
        edge = [segments[0], segments[-1]]
        shortest = min(edge, key=len)
        longest = max(segments, key=len)
        if len(segments) == 2 and len(shortest.split()) <= 3 and len(longest.split()) >= 4:
            kept = [longest]
        else:
            return title
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(kept)


def _strip_rubric_prefix(title: str) -> str:
    """Drop a leading rubric glued to the headline ("WATCH: ...", "Opinion What ...")."""
    punctuated = re.match(r"^\s*([^:|\u2013\u2014]{2,25}?)\s*[:|\u2013\u2014-]\s+(?=\S)", title)
    if punctuated and _key(punctuated.group(1)) in _vocabulary("title_rubrics_prefix.txt"):
        rest = title[punctuated.end():].strip()
        if len(rest.split()) >= 3:
            return rest
    bare = re.match(r"^\s*(\w+)\s+(?=\S)", title)
    if bare and _key(bare.group(1)) in _vocabulary("title_rubrics_bare.txt"):
        rest = title[bare.end():].strip()
        if len(rest.split()) >= 3:
            return rest
    return title


def _choose_title(tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]], site_names: set[str],
                  heads: list[str], fallback: str | None = None, *, final: bool = True) -> str | None:
    """The headline; with ``final`` False, None instead of a guess when the page declares none."""
    declared: list[str] = []
    for node in ld:
        for key in ("headline", "name"):
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                declared.append(_squash(value))
    for key in ("og:title", "twitter:title", "title", "dc.title", "sailthru.title", "parsely-title"):
        declared.extend(_squash(v) for v in meta.get(key, []))
    title_element = tree.find(".//title")
    if title_element is not None and title_element.text_content().strip():
        declared.append(_squash(title_element.text_content()))
    if fallback:
        declared.append(_squash(fallback))
    declared = [_squash(html_lib.unescape(d)) for d in declared if d]
    declared_keys = [_key(d) for d in declared]
    for head in heads:
        head_key = _key(head)
        matches = [k for k in declared_keys if head_key and head_key in k]
        if matches and len(head_key) >= 0.4 * min(len(k) for k in matches) and not _is_site_name(head, site_names):
            return _strip_rubric_prefix(head)
    for title in declared:
        stripped = _strip_title(title, site_names)
        if stripped and not _is_site_name(stripped, site_names):
            return _strip_rubric_prefix(stripped)
    if not declared and not final:
        return None
    return heads[0] if heads else (declared[0] if declared else None)


# --- authors ------------------------------------------------------------------------------


def _trim_name(name: str, site_names: set[str]) -> str:
    """Cut what bylines glue after a name: the outlet ("Jane Roe USA TODAY"), credentials, UI labels."""
    site_words = {w for n in site_names for w in n.split() if len(w) >= 3}
    trailing = _vocabulary("author_trailing_noise.txt")
    words = name.split()
    while len(words) > 2 and (_key(words[-1]) in site_words or _key(words[-1]) in trailing):
        words.pop()
    return " ".join(words)


def _clean_author(name: str, site_names: set[str]) -> tuple[str, bool] | None:
    """The cleaned name and whether it reads as a person (two to five name words, no outlet words)."""
    name = _EMAIL.sub("", _PROTECTED_EMAIL.sub("", name))
    name = _squash(_BYLINE_PREFIX.sub("", _squash(name)))
    after_by = _AFTER_BY.search(name)
    if after_by:
        name = after_by.group(1)
    name = _AUTHOR_TRAILERS.sub("", name).strip(" ,;:-–—|")
    if not name or name.startswith(("http://", "https://", "@", "/")):
        return None
    name = _trim_name(name, site_names)
    words = name.split()
    if not 1 <= len(words) <= 5 or not any(ch.isalpha() for ch in name) or any(ch.isdigit() for ch in name):
        return None
    lowered = {_key(w) for w in words}
    if lowered <= _vocabulary("author_trailing_noise.txt") or _is_site_name(name, site_names):
        return None
    if name.isupper() or name.islower():
        name = name.title()
    is_person = len(words) >= 2 and not lowered & _vocabulary("author_non_person.txt")
    return name, is_person


def _split_authors(values: Iterable[str], site_names: set[str]) -> tuple[list[str], list[str]]:
    """(people, other credits such as "Associated Press" or "Slate Staff") named in the values."""
    people: list[str] = []
    others: list[str] = []
    seen: set[str] = set()
    for value in values:
        for part in _AUTHOR_SPLIT.split(_BYLINE_PREFIX.sub("", _squash(value))):
            cleaned = _clean_author(part, site_names)
            if cleaned and _key(cleaned[0]) not in seen:
                seen.add(_key(cleaned[0]))
                (people if cleaned[1] else others).append(cleaned[0])
    return people, others


_BYLINE_ELEMENTS = etree.XPath(
    '//*[@itemprop="author" or @rel="author" or contains(@class, "byline")'
    ' or contains(@class, "author-name") or contains(@class, "author__name")]'
)


def _byline_texts(tree: Any) -> list[str]:
    """Names in the first byline block: author links inside it first, else what follows "by".

    Only the first block and blocks sharing its parent count, so author links in "more from"
    lists further down the page are not taken for co-authors.
    """
    texts: list[str] = []
    first_parent = None
    for element in _BYLINE_ELEMENTS(tree):
        if first_parent is not None and element.getparent() is not first_parent and not _inside(element, first_parent):
            continue
        named = element.xpath('.//*[@itemprop="name"] | .//a[@rel="author"] | .//a[contains(@href, "/author")]')
        candidates = [_squash(node.text_content()) for node in named] or [_squash(element.text_content())]
        found = False
        for text in candidates:
            after_by = _AFTER_BY.search(text)
            text = after_by.group(1) if after_by and not named else text
            if 2 < len(text) < 120:
                texts.append(text)
                found = True
        if found and first_parent is None:
            first_parent = element.getparent()
        if len(texts) >= 6:
            break
    return texts


def _inside(element: Any, ancestor: Any) -> bool:
    return any(node is ancestor for node in element.iterancestors())


def _choose_authors(tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]], site_names: set[str],
                    fallback: "_LazyMetadata") -> list[str]:
    """Reporters from the most trusted source that names any; a credit line only when none does."""
    sources: list[list[str]] = []
    for node in ld[:1]:
        sources.append(_ld_names(node.get("author"), persons_only=False))
    for key in _ordered("author_meta_keys.txt"):
        sources.append(meta.get(key, []))
    sources.append(_byline_texts(tree))
    credits: list[str] = []
    for values in sources:
        people, others = _split_authors(values, site_names)
        if people:
            return people
        credits = credits or others
    if not credits and fallback.get("author"):
        people, others = _split_authors([fallback.get("author")], site_names)
        return people or others[:1]
    return credits[:1]


# --- date ---------------------------------------------------------------------------------


def _parse_date(value: Any) -> _dt.date | None:
    if not isinstance(value, str):
        return None
    match = _DATE_IN_TEXT.search(value)
    if not match:
        return None
    try:
        return _dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def _parse_instant(value: Any) -> _dt.datetime | None:
    """The ISO timestamp at the start of a value (aware when it carries an offset)."""
    if not isinstance(value, str):
        return None
    match = _ISO_STAMP.search(value)
    if not match:
        return None
    try:
        return _dt.datetime.fromisoformat(match.group(0))
    except ValueError:
        return None


def _local_day(chosen: _dt.datetime, others: list[_dt.datetime], zone: _dt.tzinfo | None) -> _dt.date:
    """A UTC timestamp's day as the publisher saw it.

    Pages often give the machine-readable date in UTC and the displayed one in local time; the
    local day is the publication date readers (and archives) use.  The page's own local
    statement of the same instant wins; else the publisher's zone, guessed from the host.
    A bare midnight is a date written as a timestamp and is kept as it is.
    """
    if chosen.tzinfo is None or chosen.utcoffset() != _dt.timedelta(0):
        return chosen.date()
    for other in others:
        if other.tzinfo is not None and other.utcoffset() != _dt.timedelta(0):
            if abs((other - chosen).total_seconds()) <= 60:
                return other.date()
        elif other.tzinfo is None:
            shift = other - chosen.replace(tzinfo=None)
            hours = shift.total_seconds() / 3600
            if shift and -12 <= hours <= 14 and abs(hours * 4 - round(hours * 4)) < 1e-6:
                return other.date()
    if zone is not None and chosen.timetz().replace(tzinfo=None) != _dt.time(0, 0):
        return chosen.astimezone(zone).date()
    return chosen.date()


@lru_cache(maxsize=1)
def _host_zones() -> tuple[tuple[str, str], ...]:
    """(host suffix, IANA zone) pairs, longest suffix first."""
    text = resources.files("newsgraph.ingest").joinpath("data/host_timezones.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(sorted(((r[0].strip().lower(), r[1].strip()) for r in rows if len(r) == 2),
                        key=lambda r: -len(r[0])))


def _publisher_zone(url: str | None) -> _dt.tzinfo | None:
    """The publisher's time zone guessed from a country domain; None for generic domains."""
    host = (urlparse(url or "").hostname or "").lower()
    if not host:
        return None
    for suffix, zone in _host_zones():
        if host.endswith(suffix):
            try:
                return ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError):
                return None
    return None


def _declared_date(tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]], fallback: "_LazyMetadata",
                    url: str | None = None) -> _dt.date | None:
    """The publication date the page declares: JSON-LD, then <meta>, then trafilatura, then <time>."""
    declared: list[str] = []
    for node in ld:
        for key in ("datePublished", "dateCreated"):
            if isinstance(node.get(key), str):
                declared.append(node[key])
    for key in _ordered("date_meta_keys.txt"):
        declared.extend(meta.get(key, []))
    stamps = [e.get("datetime") or "" for e in tree.xpath('//time[@datetime]')[:5]]
    instants = [i for i in (_parse_instant(v) for v in declared + stamps) if i is not None]
    for value in declared:
        instant = _parse_instant(value)
        if instant is not None:
            return _local_day(instant, instants, _publisher_zone(url))
        found = _parse_date(value)
        if found:
            return found
    return _parse_date(fallback.get("date")) or next((i.date() for i in (_parse_instant(v) for v in stamps) if i), None)


def _modified_days(meta: dict[str, list[str]], ld: list[dict[str, Any]]) -> set[_dt.date]:
    found = [_parse_date(node.get("dateModified")) for node in ld]
    found += [_parse_date(v) for key in ("article:modified_time", "og:updated_time", "datemodified") for v in meta.get(key, [])]
    return {day for day in found if day is not None}


def _choose_date(tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]], fallback: "_LazyMetadata",
                 url: str | None = None) -> _dt.date | None:
    """The declared publication date, or the update day when that is the date the page shows first.

    An updated article usually displays its update time in its first <time> element; readers,
    archives and the extraction benchmarks date the article by what is displayed.
    """
    declared = _declared_date(tree, meta, ld, fallback, url)
    first_shown = next((_parse_instant(e.get("datetime")) for e in tree.xpath("//time[@datetime]")[:1]), None)
    if declared and first_shown and first_shown.date() != declared and first_shown.date() in _modified_days(meta, ld):
        return first_shown.date()
    return declared


# --- subtitle and language ----------------------------------------------------------------


_DEK_WORDS = frozenset({"dek", "standfirst", "subtitle", "subheadline", "sub-headline", "deck", "summary"})


_CLASS_VALUES = etree.XPath("//@class")


def _first_dek(classes: _ClassIndex) -> Any | None:
    """The first element whose class names a dek, found from the page's class strings (cheaper than every element)."""
    for value in _classes_holding(classes, _DEK_WORDS):
        element = value.getparent()
        if element is not None and element.tag not in ("body", "html", "article"):
            return element
    return None


def _choose_subtitle(dek: Any | None, meta: dict[str, list[str]], title: str | None, body: str) -> str | None:
    """The dek: a standfirst element, else a description; neither when it is just the body's opening."""
    if dek is not None:
        text = _squash(dek.text_content())
        if 20 <= len(text) <= 400 and _key(text) != _key(title) and _key(text)[:60] not in _key(body[: len(text) + 40]):
            return text
    for key in ("og:description", "description", "twitter:description"):
        for value in meta.get(key, []):
            text = _squash(html_lib.unescape(value))
            if not 20 <= len(text) <= 400 or _key(text) == _key(title):
                continue
            if text.endswith(("...", "\u2026")) or _key(text)[:60] in _key(body[: len(text) + 40]):
                continue
            return text
    return None


def _lead_marked_as_dek(dek: Any | None, body: str) -> str | None:
    """A lead paragraph that the page marks up as its dek, which belongs to the body.

    Some sites put the article's opening paragraph in a "summary" block beside the headline
    (kremlin.ru's read__lead); it is written as paragraph markup (<p>) rather than a one-line
    standfirst, and extraction drops it with the header.  None when the first dek is an
    ordinary standfirst, sits away from the headline, holds more than a lead (one or two
    paragraphs), or is already in the body.
    """
    if dek is None or not 1 <= len(dek.findall(".//p")) <= 2 or not _beside_headline(dek):
        return None
    lead = _squash(dek.text_content())
    if not MIN_LEAD_WORDS <= len(lead.split()) <= MAX_LEAD_WORDS or _key(lead) in _key(body):
        return None
    return lead


@lru_cache(maxsize=None)
def _alternation(terms: frozenset[str]) -> re.Pattern[str]:
    """One plain alternation of the terms, longest first, so a longer term wins where both start."""
    return re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)))


_CLASS_SEPARATOR = "\x00"  # no attribute value holds it


def _is_class_edge(char: str, word_separators: str) -> bool:
    return char.isspace() or char == _CLASS_SEPARATOR or char in word_separators


class _ClassIndex(NamedTuple):
    """The page's class strings, and the same lower-cased and joined by NUL for one scan of them all."""

    values: list[Any]
    joined: str
    ends: list[int]


def _class_index(tree: Any) -> _ClassIndex:
    values = _CLASS_VALUES(tree)
    lowered = [value.lower() for value in values]
    return _ClassIndex(values, _CLASS_SEPARATOR.join(lowered), list(accumulate(len(value) + 1 for value in lowered)))


def _classes_holding(classes: _ClassIndex, words: frozenset[str],
                     names: frozenset[str] = frozenset()) -> Iterator[Any]:
    """The class strings holding one of the words as a part of a class name ("article-intro":
    between spaces, hyphens or underscores) or one of the names as a whole class name, in page order.

    One scan of all the page's class strings with a plain alternation (one regular-expression
    call per page, several times faster than a search per class string); each hit's edges are
    then checked.
    """
    joined = classes.joined
    last = -1
    for match in _alternation(words | names).finditer(joined):
        before = joined[match.start() - 1] if match.start() else _CLASS_SEPARATOR
        after = joined[match.end()] if match.end() < len(joined) else _CLASS_SEPARATOR
        term = match.group()
        whole_name = term in names and _is_class_edge(before, "") and _is_class_edge(after, "")
        whole_word = term in words and _is_class_edge(before, "_-") and _is_class_edge(after, "_-")
        if not (whole_name or whole_word):
            continue
        index = bisect_right(classes.ends, match.start())
        if index != last:
            last = index
            yield classes.values[index]


_NOT_LEAD_TAGS = frozenset({
    "body", "html", "article", "main", "section", "a", "img", "figure", "ul", "ol", "li", "nav", "aside",
    "footer", "form", "button", "meta", "script", "style", "input", "label",
})
_NOT_LEAD_ANCESTORS = frozenset({"nav", "aside", "footer", "li", "a", "figure", "form", "button"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SENTENCE_END = re.compile(r"[.!?\u2026\"\u201d\u00bb)]$")
_BODY_START_TAGS = ("p", "div", "span", "li", "td", "h2", "h3", "section", "article", "blockquote")
MAX_LEAD_CANDIDATES = 5
MAX_LEAD_LINK_SHARE = 0.3  # a block mostly of link text is a teaser list, not a paragraph
TITLE_PREFIX_CHARS = 40
KNOWN_PREFIX_CHARS = 60  # a block whose opening characters the body holds is already in it
BODY_START_CHARS = 40
MIN_BODY_START_CHARS = 15  # an element's own text this long, opening the body, marks where the body starts


@lru_cache(maxsize=1)
def _lead_class_terms() -> tuple[frozenset[str], frozenset[str]]:
    """(words inside class names, whole class names) that mark an opening-paragraph block."""
    return frozenset(_ordered("lead_class_words.txt")), frozenset(_ordered("lead_class_names.txt"))


def _lead_marked_by_class(tree: Any, classes: _ClassIndex, body: str, title: str | None) -> str | None:
    """An opening paragraph the page marks as "intro", "teaser", "excerpt" (lead_class_words.txt) above the body.

    Templates set the first paragraph apart beside the headline, and extraction prunes it with
    the header.  The block counts only when it reads as that paragraph: 5 to MAX_LEAD_WORDS
    words ending as a sentence, not a heading and holding none, not the headline, not cut
    short by an ellipsis, few links, outside navigation, lists and figures, not already in
    the body, and before the body's first paragraph in the page.
    """
    candidates: list[tuple[Any, str]] = []
    for value in _classes_holding(classes, *_lead_class_terms()):
        element = value.getparent()
        if element is None or element.tag in _NOT_LEAD_TAGS:
            continue
        text = _squash(element.text_content())
        if len(text.split()) >= MIN_LEAD_WORDS:
            candidates.append((element, text))
            if len(candidates) >= MAX_LEAD_CANDIDATES:
                break
    if not candidates:
        return None
    title_key = _key(title)[:TITLE_PREFIX_CHARS]
    body_key = _key(body)
    for element, text in candidates:
        if _reads_as_opening(element, text, body_key, title_key) and _precedes_body(tree, element, body):
            return text
    return None


def _reads_as_opening(element: Any, text: str, body_key: str, title_key: str) -> bool:
    """The block's text reads as an article's first paragraph that the body lacks."""
    key = _key(text)
    if len(text.split()) > MAX_LEAD_WORDS or not _SENTENCE_END.search(text) or text.endswith(("...", "\u2026")):
        return False
    if key[:KNOWN_PREFIX_CHARS] in body_key or (title_key and title_key in key):
        return False
    if element.tag in _HEADING_TAGS or any(node.tag in _HEADING_TAGS for node in element.iterdescendants()):
        return False
    if any(ancestor.tag in _NOT_LEAD_ANCESTORS for ancestor in element.iterancestors()):
        return False
    link_chars = sum(len(_squash(link.text_content())) for link in element.iter("a"))
    return link_chars <= MAX_LEAD_LINK_SHARE * len(text)


def _precedes_body(tree: Any, element: Any, body: str) -> bool:
    """The element comes before the element whose own text opens the body, in document order."""
    first = _squash(body.split("\n\n")[0])[:BODY_START_CHARS]
    if not first:
        return False
    seen = False
    for node in tree.iter():
        if node is element:
            seen = True
        if not node.text or node.tag not in _BODY_START_TAGS:
            continue
        own = _squash(node.text)[:BODY_START_CHARS]
        if own and len(own) >= min(MIN_BODY_START_CHARS, len(first)) and first.startswith(own):
            return seen
    return False


def _beside_headline(element: Any) -> bool:
    """The element's parent or grandparent also holds the page's <h1>."""
    ancestor = element
    for _ in range(2):
        ancestor = ancestor.getparent()
        if ancestor is None:
            return False
        if ancestor.find(".//h1") is not None:
            return True
    return False


def _choose_language(tree: Any, meta: dict[str, list[str]], body: str) -> str | None:
    """The declared language (html lang, Content-Language, og:locale), else a guess from the body."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += meta.get("content-language", []) + meta.get("og:locale", [])
    for value in candidates:
        value = (value or "").strip().split(",")[0]
        if value and _LANG_CODE.match(value):
            return value.split("-")[0].split("_")[0].lower()
    try:
        from newsgraph.ingest.language import detect
    except ImportError:
        return None
    guess = detect(body)
    return guess.code if guess is not None else None


# --- body ---------------------------------------------------------------------------------


def _load_tree(html: str) -> Any:
    """The page parsed once, the way trafilatura parses it, so its extraction can reuse the tree.

    trafilatura copies a tree it is given before pruning it, so the same tree then serves the
    metadata readers unchanged.  Pages trafilatura's loader rejects fall back to lxml alone.
    """
    try:
        tree = load_html(html)
    except (ValueError, TypeError, etree.LxmlError):
        tree = None
    if tree is None or not isinstance(tree, lxml.html.HtmlElement):
        return _parse_tree(html)
    return tree


def _trafilatura(page: Any, url: str | None, **options: Any) -> Any:
    try:
        return trafilatura.bare_extraction(
            page, url=url, include_comments=False, include_tables=True, with_metadata=False, **options
        )
    except (ValueError, TypeError, etree.LxmlError):
        return None


def _body(page: Any, url: str | None) -> tuple[str, str]:
    """The body text and the method that gave it.

    Precision mode first (it keeps the least furniture), without trafilatura's comparison
    against readability and jusText: that comparison costs about a quarter of the time and
    only changes the outcome when the main extractor finds a short body, so it runs only
    then.  When precision mode still returns too little (measured after furniture is
    trimmed, since a paywall page's precision body can be a reprint notice and a link), the
    standard mode, then trafilatura's baseline, whichever finds a real body.
    """
    extracted = _trafilatura(page, url, favor_precision=True, fast=True)
    text = _paragraphs(extracted.text or "") if extracted is not None else ""
    method = "precision" if extracted is not None else "none"
    if len(text) < TRUSTED_FAST_BODY_CHARS:
        compared = _trafilatura(page, url, favor_precision=True)
        compared_text = _paragraphs(compared.text or "") if compared is not None else ""
        if compared_text:
            text, method = compared_text, "precision"
    if len(text) >= TRUSTED_FAST_BODY_CHARS or len(_trim_furniture(text)) >= MIN_BODY_CHARS:
        return text, method
    standard = _trafilatura(page, url)
    standard_text = _paragraphs(standard.text or "") if standard is not None else ""
    if len(standard_text) > len(text):
        text, method = standard_text, "standard"
        if len(text) >= MIN_BODY_CHARS:
            return text, method
    try:
        _, baseline_text, _ = trafilatura.baseline(page)
    except (ValueError, TypeError, etree.LxmlError):
        baseline_text = ""
    baseline_text = _paragraphs(baseline_text or "")
    if len(baseline_text) > 2 * len(text) and len(baseline_text) >= MIN_BODY_CHARS:
        return baseline_text, "baseline"
    return text, method


def _repeated_label_share(text: str) -> float:
    """The share of paragraphs taken by the most repeated short label ("Tennis Lessons", "Tap to Reveal").

    Extraction that lands on a grid of teasers or a list of collapsed widgets returns the same
    rubric or button text over and over; an article's own paragraphs do not repeat.
    """
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    labels = Counter(p for p in paragraphs if len(p.split()) <= MAX_LABEL_WORDS and any(ch.isalpha() for ch in p))
    if not labels:
        return 0.0
    count = labels.most_common(1)[0][1]
    return count / len(paragraphs) if count >= MIN_LABEL_REPEATS else 0.0


def _unless_teaser_list(page: Any, text: str, method: str) -> tuple[str, str]:
    """Swap a body that is a list of teasers for trafilatura's baseline (JSON-LD articleBody or the
    page's paragraphs), when the baseline finds a body of comparable size."""
    if _repeated_label_share(text) < TEASER_LABEL_SHARE:
        return text, method
    try:
        _, baseline_text, _ = trafilatura.baseline(page)
    except (ValueError, TypeError, etree.LxmlError):
        return text, method
    baseline_text = _paragraphs(baseline_text or "")
    if len(baseline_text) >= max(MIN_BODY_CHARS, TEASER_BASELINE_MIN_RATIO * len(text)):
        return baseline_text, "baseline"
    return text, method


class _LazyMetadata:
    """trafilatura's own reading of one field, computed only when the page declares none.

    Each field runs only the part of trafilatura's metadata pass it needs (the author
    heuristics, or htmldate for the date), so pages with declared metadata pay nothing.
    """

    def __init__(self, tree: Any, url: str | None) -> None:
        self._tree = tree
        self._url = url
        self._found: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        if key not in self._found:
            try:
                self._found[key] = self._compute(key)
            except (ValueError, TypeError, AttributeError, KeyError, etree.LxmlError):
                self._found[key] = None
        return self._found[key]

    def _compute(self, key: str) -> Any:
        if key == "author":
            found = examine_meta(self._tree)
            if found.author and " " not in found.author:
                found.author = None
            found = extract_meta_json(self._tree, found)
            return found.author or extract_author(self._tree)
        if key == "date":
            return find_date(self._tree, **{**set_date_params(True), "url": self._url})
        return extract_metadata(self._tree, self._url).as_dict().get(key)


def extract_html(doc: RawDocument) -> Article:
    """Extract the article from an HTML page; raises IngestError when there is no body."""
    name = doc.source or doc.id
    html = _replace_cfemails(doc.content or "")
    if not html.strip():
        raise IngestError(f"{name}: empty HTML document", source=name)
    from newsgraph.ingest import MAX_DOCUMENT_BYTES

    if len(html) > MAX_DOCUMENT_BYTES:
        raise IngestError(
            f"{name}: HTML page of {len(html) / 1e6:.1f} million characters is too large for one document "
            f"(limit {MAX_DOCUMENT_BYTES / 1e6:.0f} MB)", source=name)
    if "\x00" in html[:4096]:
        raise IngestError(f"{name}: binary content, not an HTML page", source=name)
    tree = _load_tree(html)
    if tree is None:
        raise IngestError(f"{name}: not parseable as HTML", source=name)
    text, method = _unless_teaser_list(tree, *_body(tree, doc.url))
    if len(text.split()) < MIN_BODY_WORDS and sum(ch.isalnum() for ch in text) < MIN_UNSPACED_BODY_CHARS:
        raise IngestError(f"{name}: page has no article body", source=name)

    meta = _meta_values(tree)
    ld = _json_ld_articles(tree)
    canonical = _canonical_url(tree, meta) or doc.url
    site_names = _site_names(tree, meta, ld, canonical or doc.url)
    heads = _headline_candidates(tree)
    fallback = _LazyMetadata(tree, canonical)
    title = doc.title or _choose_title(tree, meta, ld, site_names, heads, final=False) or _choose_title(
        tree, meta, ld, site_names, heads, fallback.get("title"))
    text = _trim_furniture(_drop_leading_headline(text, [title, *heads[:1]]))
    authors = _given_authors(doc) or _choose_authors(tree, meta, ld, site_names, fallback)
    text = _drop_author_notes(text, authors)
    classes = _class_index(tree)
    dek = _first_dek(classes)
    lead = _lead_marked_as_dek(dek, text)
    if lead:
        text = f"{lead}\n\n{text}"
    opening = _lead_marked_by_class(tree, classes, text, title)
    if opening:
        text = f"{opening}\n\n{text}"
    return Article(
        id=doc.id,
        text=text,
        source=doc.source,
        title=title,
        subtitle=None if lead else _choose_subtitle(dek, meta, title, text),
        authors=authors,
        published=doc.published or _choose_date(tree, meta, ld, fallback, canonical or doc.url),
        url=canonical,
        language=_choose_language(tree, meta, text),
        extractor=f"{EXTRACTOR}:{method}" + ("+opening" if opening else ""),
    )


@lru_cache(maxsize=None)
def _pattern_file(name: str) -> re.Pattern[str]:
    """One case-insensitive alternation of the regular expressions listed in a data file."""
    text = resources.files("newsgraph.ingest").joinpath(f"data/{name}").read_text("utf-8")
    patterns = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_CLOCK = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_BARE_DATE = re.compile(  # a date alone, or with one label word: "23.10.2018", "2021-10-16 | Botschaft"
    r"(?:\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?:\s*[|\u2013\u2014-]?\s*\w+)?")
TABLE_CELL_EDGES = " |"  # a table row rendered as text: "| Related articles |"
EDGE_PARAGRAPHS = 3
INLINE_FURNITURE_MAX_WORDS = 70
BOILERPLATE_MAX_WORDS = 60
TAIL_SHARE = 0.3  # a "Related"/"Auch interessant" heading in the last 30 % ends the article


def _is_furniture(paragraph: str) -> bool:
    """A head or tail paragraph that is page furniture: boilerplate phrasing or a bare timestamp.

    A paragraph longer than BOILERPLATE_MAX_WORDS that starts like boilerplate ("Weitere
    Informationen erteilt ...") is a paragraph of the article.
    """
    paragraph = paragraph.strip(TABLE_CELL_EDGES)
    words = paragraph.split()
    if len(words) <= BOILERPLATE_MAX_WORDS and _pattern_file("boilerplate_paragraphs.txt").match(paragraph):
        return True
    if _BARE_DATE.fullmatch(paragraph):
        return True
    return len(words) <= 10 and bool(_YEAR.search(paragraph)) and bool(_CLOCK.search(paragraph))


def _is_inline_furniture(paragraph: str) -> bool:
    """A short paragraph that is furniture wherever it sits: a "Read more" link, a photo credit, a prompt."""
    return len(paragraph.split()) <= INLINE_FURNITURE_MAX_WORDS and bool(
        _pattern_file("inline_furniture.txt").match(paragraph))


def _trim_furniture(text: str) -> str:
    """Remove furniture paragraphs: short link, credit and prompt lines anywhere, other
    boilerplate from the first and last few paragraphs; never the whole body."""
    paragraphs = [p for p in text.split("\n\n") if not _is_inline_furniture(p)] or text.split("\n\n")
    tail_zone = max(EDGE_PARAGRAPHS, int(len(paragraphs) * TAIL_SHARE))
    for index in range(max(1, len(paragraphs) - tail_zone), len(paragraphs)):
        if _pattern_file("tail_markers.txt").fullmatch(paragraphs[index].strip(TABLE_CELL_EDGES)):
            paragraphs = paragraphs[:index]
            break
    head = 0
    while head < min(EDGE_PARAGRAPHS, len(paragraphs) - 1) and _is_furniture(paragraphs[head]):
        head += 1
    tail = len(paragraphs)
    while tail - 1 > head and len(paragraphs) - tail < EDGE_PARAGRAPHS and _is_furniture(paragraphs[tail - 1]):
        tail -= 1
    return "\n\n".join(paragraphs[head:tail])


def _name_forms(authors: list[str]) -> set[str]:
    """How a body refers to its reporters: full name, and first or last name of a two-word name."""
    forms: set[str] = set()
    for author in authors:
        words = author.split()
        forms.add(author)
        if len(words) >= 2:
            forms.update(word for word in (words[0], words[-1]) if len(word) >= 3 and word[0].isupper())
    return forms


def _drop_author_notes(text: str, authors: list[str]) -> str:
    """Drop contributor notes among the last paragraphs: a reporter's name, then "is", "can be reached"...

    A name the article itself mentions before its last paragraphs is its subject, not its
    reporter, so paragraphs about that person stay.
    """
    paragraphs = text.split("\n\n")
    first_tail = max(1, len(paragraphs) - EDGE_PARAGRAPHS)
    before_tail = "\n\n".join(paragraphs[:first_tail])
    forms = {form for form in _name_forms(authors) if form not in before_tail}
    if not forms:
        return text
    kept = [p for index, p in enumerate(paragraphs) if index < first_tail or not _is_author_note(p, forms)]
    return "\n\n".join(kept)


@lru_cache(maxsize=1)
def _bio_cue() -> re.Pattern[str]:
    """What follows a reporter's name in a contributor note: an optional "(...)", then a cue word."""
    cues = _pattern_file("author_bio_cues.txt").pattern
    return re.compile(rf"(?:\s*\([^)]{{0,40}}\))?\s*(?:{cues})\b", re.IGNORECASE)


def _is_author_note(paragraph: str, forms: set[str]) -> bool:
    """The paragraph starts with a reporter's name as written (capitalised), then a note cue.

    The cue pattern is compiled once and matched after the name, rather than compiled with each
    page's names, which cost more than the rest of the tail clean-up.
    """
    return any(paragraph.startswith(form) and _bio_cue().match(paragraph, len(form)) for form in forms)


def _drop_leading_headline(text: str, headlines: list[str | None]) -> str:
    """The body starts after the headline; extraction often keeps the <h1> as a first paragraph."""
    keys = {_key(h) for h in headlines if h}
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 1 and _key(paragraphs[0]) in keys:
        return "\n\n".join(paragraphs[1:])
    return text


def _given_authors(doc: RawDocument) -> list[str]:
    """Authors the caller already knows (a feed's dc:creator), which beat any page guess."""
    given = doc.meta.get("authors") if isinstance(doc.meta, dict) else None
    return [str(name).strip() for name in given or [] if str(name).strip()]


def _canonical_url(tree: Any, meta: dict[str, list[str]]) -> str | None:
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        href = link.get("href", "").strip()
        if href.startswith(("http://", "https://")):
            return href
    for value in meta.get("og:url", []):
        if value.startswith(("http://", "https://")):
            return value
    return None
