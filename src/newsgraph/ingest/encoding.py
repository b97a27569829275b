"""Bytes to text for web inputs whose charset may be declared, missing or wrong.

Order of trust: a byte-order mark, then UTF-8 when the bytes decode strictly (the charset
most often declared wrongly is cp1252 labelled as UTF-8 or the reverse), then the charset the
document declares, then charset-normalizer's guess, then cp1252 as the last resort.  Mojibake
that survived (UTF-8 read as cp1252 upstream) is repaired with ftfy.
"""

from __future__ import annotations

import codecs
import re

import ftfy
import ftfy.badness

from newsgraph.ingest.errors import IngestError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_SNIFF_BYTES = 4096
_FIXES = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
)
_BINARY_CONTROL_SHARE = 0.10


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names in the first bytes, if valid."""
    head = data[:_SNIFF_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            name = match.group(1).decode("ascii", "ignore")
            try:
                return codecs.lookup(name).name
            except LookupError:
                continue
    return None


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    """True for images, archives and the like: NUL bytes or many control characters up front."""
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if any(head.startswith(bom) for bom, name in _BOMS if name.startswith("utf-16") or name.startswith("utf-32")):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > _BINARY_CONTROL_SHARE


def _normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def repair(text: str) -> str:
    """Undo mojibake (UTF-8 read as cp1252 upstream) without touching correct text's quotes or width.

    A cheap scan for the two-character shapes mojibake leaves comes first: ftfy's own test is
    slow on large pages, and most pages have nothing to repair.
    """
    if text.isascii() or not _MOJIBAKE_HINT.search(text) or not ftfy.badness.is_bad(text):
        return text
    return ftfy.fix_text(text, _FIXES)


_WESTERN_PUNCTUATION = frozenset("\u00a0“”‘’„‚–—…«»°€£¥©®™•·§¶±×÷¿¡ªº")
_MAX_NON_ASCII_LETTER_SHARE = 0.3


def _plausible_western(data: bytes) -> str | None:
    """"cp1252" when the bytes read as Western European text under it, else None.

    Short undeclared Latin-1 or cp1252 text is where charset detectors guess worst, and it is
    the most common legacy charset on the web.  Western text has a few accented letters inside
    mostly-ASCII words; other single-byte charsets read as cp1252 give either symbols where
    letters belong (Polish "ł" becomes "³") or words made only of accented letters (Cyrillic).
    """
    try:
        text = data[:200_000].decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return "cp1252"
    if any(not ch.isalpha() and ch not in _WESTERN_PUNCTUATION for ch in non_ascii):
        return None
    letters = sum(ch.isalpha() for ch in text)
    accented = sum(ch.isalpha() for ch in non_ascii)
    return "cp1252" if letters and accented / letters < _MAX_NON_ASCII_LETTER_SHARE else None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode a web document's bytes to text; ``declared`` is a transport charset (HTTP header).

    Raises :class:`IngestError` naming ``source`` when the bytes are not text at all.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return repair(data[len(bom):].decode(name, errors="replace"))
    if looks_binary(data):
        raise IngestError(f"{source}: binary content, not a text or HTML document", source=source)
    try:
        return repair(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    western = _plausible_western(data)
    candidates = [declared_charset(data), declared, western, _normalizer_guess(data), "cp1252"]
    for name in candidates:
        try:
            if not name or codecs.lookup(name).name == "utf-8":
                continue
            return repair(data.decode(name))
        except (UnicodeDecodeError, LookupError):
            continue
    return repair(data.decode("cp1252", errors="replace"))
