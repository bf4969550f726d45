"""A small corpus for reports: one wire story relayed by three outlets, an independent
report of the same event, and a document whose text is hostile markup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.services.review import add_link, add_note, set_status

WIRE = (
    "The dam on the Yellow River burst on Tuesday, killing 12 people in three villages, "
    "the Xinhua news agency said.\n\n"
    "Rescue teams were reportedly still searching the area on Wednesday morning.\n"
)
OUTLETS = {"daily_one": ("Daily One", "22"), "daily_two": ("Daily Two", "23"),
           "daily_three": ("Daily Three", "24")}  # fmt: skip
INDEPENDENT = (
    "Twelve people died when a dam on the Yellow River gave way on Tuesday, "
    "the Associated Press reported.\n"
)
HOSTILE = (
    "The mayor said <script>alert(1)</script> was found on the council website on Monday.\n\n"
    "A picture <img src=x onerror=alert(2)> was posted by the council, according to the "
    "city spokesman.\n\n"
    "The full statement is [here](javascript:alert(3)) and it says 40 jobs will go in 2027.\n"
)


def _front(title: str, publisher: str, published: str | None = None) -> str:
    date = f"published: {published}\n" if published else ""
    return f"---\ntitle: {title}\npublisher: {publisher}\n{date}---\n"


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (publisher, day) in OUTLETS.items():
        (folder / f"{name}.md").write_text(
            _front("Dam burst", publisher, f"2026-11-{day}") + WIRE, encoding="utf-8"
        )
    (folder / "evening_post.md").write_text(
        _front("Flood in Henan", "Evening Post", "2026-11-25") + INDEPENDENT, encoding="utf-8"
    )
    (folder / "hostile.md").write_text(
        _front("Hostile <b>title</b>", "Prank Weekly") + HOSTILE, encoding="utf-8"
    )
    return folder


def open_corpus(url: str, folder: Path) -> Database:
    db = open_database(url)
    ingest(db, [write_corpus(folder)])
    return db


@pytest.fixture
def corpus(sqlite_url: str, tmp_path: Path) -> Iterator[Database]:
    db = open_corpus(sqlite_url, tmp_path / "corpus")
    yield db
    db.close()


def review(db: Database) -> None:
    """Two verdicts (one with a note), two links and a note, as reviewers make them."""
    set_status(db, 1, "corroborated", reviewer="alice", note="Xinhua and AP agree <b>on 12</b>.")
    for target in (3, 5, 7):
        add_link(db, 1, target_claim=target, reviewer="alice")
    add_link(
        db,
        1,
        url="javascript:alert(4)",
        title="<script>alert(5)</script>",
        relation="cites",
        reviewer="bob",
        note="[x](javascript:alert(6))",
    )
    set_status(db, 8, "false", reviewer="bob", note="No such file was ever posted.")
    add_note(db, 8, "Asked the council <i>twice</i>.", reviewer="bob")


@pytest.fixture
def reviewed(db_url: str, tmp_path: Path) -> str:
    """The corpus with its reviews, in the database under test; its URL."""
    db = open_corpus(db_url, tmp_path / "corpus")
    review(db)
    db.close()
    return db_url
