"""A corpus for the app: the seed and three Wikinews articles, plus a wire copy of three of
the seed's sentences: two differ from the seed only in a figure (each pair a family of
variants), one is reworded (a pair suggestion).

Paths are relative (the tests run in a copy of the corpus) so screens and snapshots show
the same paths on every machine.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.tui.app import ReviewApp, make_app
from claimcheck.tui.screens.queue import QueueScreen
from tests.gold import CORPUS

WIRE_COPY = (
    "The official Xinhua news agency said that the initial members of the new organization "
    'comprise "institutions, organizations, corporations, and people" from close to 25 '
    "different nations, despite the fact that WIC did not publish a list of them.\n\n"
    "The group was formally introduced on Tuesday (July 12) in Beijing after holding the "
    "Wuzhen Summit, an annual event in the scenic canal town near Shanghai since 2015.\n\n"
    "According to a statement on its website, the new body plans to hold more regional and "
    "topical summits and seminars to encourage the growth of the global internet.\n"
)
REVIEWER = "Ada Lovelace"
FILES = (
    "wic_universal_cyberspace.txt",
    "wikinews/01_asylum.txt",
    "wikinews/04_ie6.txt",
    "wikinews/07_sensitive.txt",
)


@pytest.fixture
def corpus_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    # A fixed part of the corpus, so screens and snapshots stay put as the corpus grows.
    for name in FILES:
        (tmp_path / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / name, tmp_path / "corpus" / name)
    (tmp_path / "corpus" / "wire").mkdir()
    (tmp_path / "corpus" / "wire" / "copy.txt").write_text(WIRE_COPY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 'review.db'}"
    db = open_database(url)
    ingest(db, [Path("corpus")])
    db.close()
    yield url


@pytest.fixture
def corpus_db(corpus_url: str) -> Iterator[Database]:
    """A second connection to the app's database: what a test checks, or another reviewer."""
    db = open_database(corpus_url)
    yield db
    db.close()


@pytest.fixture
def app_factory(corpus_url: str) -> Callable[[], ReviewApp]:
    return lambda: make_app(corpus_url, REVIEWER, cursor_blink=False)


def current_id(screen: QueueScreen) -> int | None:
    """The id of the claim under the queue's cursor (None: no row)."""
    current = screen.current_claim()
    return None if current is None else current.id
