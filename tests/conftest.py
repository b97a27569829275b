"""Shared fixtures: the parsed model once per session, and the ../shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_660dd4117271c3c6.txt"


def require_shared() -> bool:
    return os.environ.get("NEWSGRAPH_REQUIRE_SHARED", "") not in ("", "0")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip (fail when NEWSGRAPH_REQUIRE_SHARED=1) if it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is absent: this test reads real data from ../shared (present in CI)"
        if require_shared():
            pytest.fail(message + " and NEWSGRAPH_REQUIRE_SHARED is set")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return shared_path()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_path("seed", "000_660dd4117271c3c6.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def pipeline():
    import newsgraph

    return newsgraph.load()


@pytest.fixture(scope="session")
def spacy_nlp(pipeline):
    return pipeline.parser.language


@pytest.fixture(scope="session")
def parser():
    """A bare parser for stage tests that run one stage on a parse (actors, quotes)."""
    from newsgraph.nlp import Parser

    return Parser()


@pytest.fixture(scope="session")
def resolver():
    from newsgraph.actors import ActorResolver

    return ActorResolver()
