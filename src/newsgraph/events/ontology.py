"""The event ontology as data: CAMEO codes, PLOVER 2.0 types and the trigger dictionary.

Everything here is read from ``events/data`` once, so the coder and the consistency test
(tests/test_ontology.py) see exactly the same tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

CONDITION_KEYS = frozenset({"obj", "prep", "prt", "comp", "xcomp", "mod", "place", "ccomp_aux", "gov", "subj",
                            "question"})


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None
    context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad_class: int
    requires_recipient: bool
    score: float
    modes: dict[str, float | None]


#: The code of a dictionary line whose words name no event ("released a new phone", "fighting
#: cancer"): when it is the lemma's best entry, the word is no trigger.
NO_EVENT_CODE = "-"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One dictionary line: a lemma, the conditions its dependents must meet, and its code."""

    kind: str
    lemma: str
    conditions: tuple[tuple[str, frozenset[str]], ...]
    cameo: str
    mode: str | None
    line: int
    origin: str = "built-in"  # or the path of the user's verb dictionary it came from

    @property
    def label(self) -> str:
        if not self.conditions:
            return self.lemma
        parts = ",".join(key for key, _ in self.conditions)
        return f"{self.lemma}[{parts}]"


@dataclass(slots=True)
class Ontology:
    cameo: dict[str, CameoCode]
    plover: dict[str, PloverType]
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)

    def all_triggers(self) -> Iterator[Trigger]:
        for entries in self.triggers.values():
            yield from entries

    def plover_of(self, code: str) -> tuple[str | None, str | None]:
        entry = self.cameo.get(code)
        if entry is None:
            return None, None
        return entry.plover, entry.mode


def _data_text(name: str) -> str:
    return resources.files("newsgraph.events").joinpath(f"data/{name}").read_text("utf-8")


def _rows(name: str) -> Iterator[tuple[int, list[str]]]:
    """Tab-separated rows, skipping comments and the header line."""
    header_seen = False
    for number, line in enumerate(_data_text(name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield number, line.split("\t")


def load_cameo() -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for _, cells in _rows("cameo_codes.tsv"):
        cells += [""] * (7 - len(cells))
        code, name, goldstein, quad, plover, mode, context = cells[:7]
        table[code] = CameoCode(code, name, float(goldstein), int(quad), plover or None, mode or None, context or None)
    return table


def load_plover() -> dict[str, PloverType]:
    data = json.loads(_data_text("plover.json"))
    return {
        name: PloverType(name, t["quad_class"], t["requires_recipient"], float(t["score"]), dict(t["modes"]))
        for name, t in data["types"].items()
    }


def parse_conditions(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if text.strip() in ("", "-"):
        return ()
    out = []
    for part in text.split(";"):
        key, _, values = part.partition("=")
        out.append((key.strip(), frozenset(v.strip().lower() for v in values.split("|") if v.strip())))
    return tuple(out)


def load_triggers() -> dict[tuple[str, str], list[Trigger]]:
    table: dict[tuple[str, str], list[Trigger]] = {}
    for number, cells in _rows("triggers.tsv"):
        kind, lemma, conditions, cameo = cells[:4]
        mode = cells[4].strip() if len(cells) > 4 and cells[4].strip() else None
        trigger = Trigger(kind, lemma.lower(), parse_conditions(conditions), cameo.strip(), mode, number)
        table.setdefault((trigger.kind, trigger.lemma), []).append(trigger)
    return table


@lru_cache(maxsize=1)
def load_cues() -> dict[str, Any]:
    raw = json.loads(_data_text("cues.json"))
    return {key: (frozenset(value) if isinstance(value, list) else value) for key, value in raw.items()}


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    return Ontology(cameo=load_cameo(), plover=load_plover(), triggers=load_triggers())
