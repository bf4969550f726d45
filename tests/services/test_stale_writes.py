"""Two reviewers changing one source, pair, cluster or family at the same time: the one who
read it before the other's change was saved is refused, told who changed what and when,
and nothing of the refused change is saved (on SQLite and PostgreSQL).

Each case makes the race happen for certain: the other reviewer's change is committed
inside the first one's transaction, just after it read what it is about to write over."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import select

from claimcheck.errors import StaleWrite
from claimcheck.services import clusters, review, sources
from claimcheck.services.claims import iter_claims
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import AuditEntry, ClaimPair, Reviewer

STORM = "The storm killed 107 people across the coastal province on Tuesday night, officials said."
TEXTS = {
    "a": STORM,
    "b": STORM.replace("said", "say"),
    "c": STORM.replace("107", "328"),
    "d": "The new dam will supply electricity to two million homes by 2030, Xinhua said.",
    "e": "Rain is expected to ease over the coming week, the South China Morning Post said.",
}


@pytest.fixture
def sdb(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def ids(sdb: Database, tmp_path: Path) -> dict[str, int]:
    paths = []
    for name, text in TEXTS.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Report {name.upper()}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    ingest(sdb, paths)
    by_path = {v.document.path: v.id for v in iter_claims(sdb) if v.kind == "claim"}
    return {name: by_path[str(tmp_path / f"{name}.txt")] for name in TEXTS}


@dataclass(frozen=True)
class Race:
    """`mine` is refused because `theirs` (by bob) commits at `seam` of mine: just after
    mine read it (`after_read`) or just before mine writes."""

    module: ModuleType
    seam: str
    after_read: bool
    theirs: Callable[[Database, dict[str, int]], object]
    mine: Callable[[Database, dict[str, int]], object]
    subject: Callable[[dict[str, int]], str]
    what: str
    state: Callable[[Database, dict[str, int]], object]
    # What `state` gives after bob's change alone: mine left no trace.
    expected: Callable[[dict[str, int]], object]


def source(db: Database, name: str) -> tuple[str, str] | None:
    rows = {row.name: row for row in sources.list_sources(db, used_only=False)}
    return (rows[name].name, rows[name].kind) if name in rows else None


def aliases(db: Database) -> list[str]:
    return [alias for row in sources.list_sources(db, used_only=False) for alias in row.aliases]


def pair(db: Database, a: int, b: int) -> str | None:
    with db.session() as session:
        found = session.get(ClaimPair, (min(a, b), max(a, b)))
        return None if found is None else found.state


def cluster_of(db: Database, claim: int) -> int:
    (found,) = [
        c.id for c in clusters.list_clusters(db) if claim in {m.claim_id for m in c.members}
    ]
    return found


def cluster_state(db: Database, claim: int) -> tuple[str, list[int]]:
    (found,) = [c for c in clusters.list_clusters(db) if claim in {m.claim_id for m in c.members}]
    return found.status, sorted(m.claim_id for m in found.members)


def family_state(db: Database) -> tuple[str, int]:
    (family,) = clusters.list_families(db)
    return family.status, len(family.members)


def family_id(db: Database) -> int:
    (family,) = clusters.list_families(db)
    return family.id


RACES = {
    "kind over a rename": Race(
        sources, "find_source", True,
        theirs=lambda db, ids: sources.rename(db, "Xinhua", "Xinhua News Agency", reviewer="bob"),
        mine=lambda db, ids: sources.set_kind(db, "Xinhua", "organization", reviewer="alice"),
        subject=lambda ids: "source 'Xinhua'", what="renamed",
        state=lambda db, ids: source(db, "Xinhua News Agency"),
        expected=lambda ids: ("Xinhua News Agency", "news_agency"),
    ),
    "alias over a kind": Race(
        sources, "find_source", True,
        theirs=lambda db, ids: sources.set_kind(db, "Xinhua", "organization", reviewer="bob"),
        mine=lambda db, ids: sources.add_alias(db, "Xinhua", "Xinhua Lima", reviewer="alice"),
        subject=lambda ids: "source 'Xinhua'", what="its kind changed",
        state=lambda db, ids: (source(db, "Xinhua"), "Xinhua Lima" in str(aliases(db))),
        expected=lambda ids: (("Xinhua", "organization"), False),
    ),
    "rename over a merge into it": Race(
        sources, "find_source", True,
        theirs=lambda db, ids: sources.merge(
            db, "South China Morning Post", "Xinhua", reviewer="bob"
        ),
        mine=lambda db, ids: sources.rename(db, "Xinhua", "Xinhua Agency", reviewer="alice"),
        subject=lambda ids: "source 'Xinhua'", what="a source merged into it",
        state=lambda db, ids: (source(db, "Xinhua"), source(db, "South China Morning Post")),
        expected=lambda ids: (("Xinhua", "news_agency"), None),
    ),
    "confirm over a reject": Race(
        clusters, "_pair_state", True,
        theirs=lambda db, ids: clusters.reject(db, ids["a"], ids["b"], reviewer="bob"),
        mine=lambda db, ids: clusters.confirm(db, ids["a"], ids["b"], reviewer="alice"),
        subject=lambda ids: f"the pair of claims {ids['a']} and {ids['b']}",
        what="rejected as different claims",
        state=lambda db, ids: pair(db, ids["a"], ids["b"]),
        expected=lambda ids: "rejected",
    ),
    "reject over a confirm of a new pair": Race(
        clusters, "_pair_state", True,
        theirs=lambda db, ids: clusters.confirm(db, ids["a"], ids["d"], reviewer="bob"),
        mine=lambda db, ids: clusters.reject(db, ids["a"], ids["d"], reviewer="alice"),
        subject=lambda ids: f"the pair of claims {ids['a']} and {ids['d']}",
        what="confirmed as the same claim",
        state=lambda db, ids: pair(db, ids["a"], ids["d"]),
        expected=lambda ids: "confirmed",
    ),
    "split over a cluster verdict": Race(
        clusters, "_hold", False,
        theirs=lambda db, ids: review.set_cluster_status(
            db, cluster_of(db, ids["a"]), "disputed", reviewer="bob"
        ),
        mine=lambda db, ids: clusters.split(
            db, cluster_of(db, ids["a"]), [ids["b"]], reviewer="alice"
        ),
        subject=lambda ids: "cluster", what="a cluster's status set",
        state=lambda db, ids: cluster_state(db, ids["a"]),
        expected=lambda ids: ("disputed", [ids["a"], ids["b"]]),
    ),
    "family decided twice": Race(
        clusters, "_hold", False,
        theirs=lambda db, ids: clusters.decide_family(db, family_id(db), False, reviewer="bob"),
        mine=lambda db, ids: clusters.decide_family(db, family_id(db), True, reviewer="alice"),
        subject=lambda ids: "family", what="a family kept as variants",
        state=lambda db, ids: family_state(db),
        expected=lambda ids: ("variants", 3),
    ),
}  # fmt: skip


def reviewers_of_entries(db: Database) -> list[str]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Reviewer.name)
                .join(AuditEntry, AuditEntry.reviewer_id == Reviewer.id)
                .where(AuditEntry.action.not_in(("ingest",)))
            )
        )


@pytest.mark.parametrize("name", list(RACES))
def test_the_second_of_two_reviewers_is_refused_naming_the_first(
    sdb: Database, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    race = RACES[name]
    original = getattr(race.module, race.seam)
    raced: list[bool] = []

    def seam(*args: Any, **kwargs: Any) -> Any:
        if raced:
            return original(*args, **kwargs)
        raced.append(True)
        if race.after_read:
            found = original(*args, **kwargs)
            race.theirs(sdb, ids)
            return found
        race.theirs(sdb, ids)
        return original(*args, **kwargs)

    monkeypatch.setattr(race.module, race.seam, seam)
    with pytest.raises(StaleWrite) as refused:
        race.mine(sdb, ids)
    monkeypatch.undo()
    message = str(refused.value)
    assert message.startswith(race.subject(ids)), message
    assert re.search(
        rf" was changed by bob at \d{{4}}-\d\d-\d\d \d\d:\d\d UTC \({re.escape(race.what)}\) "
        "while you were working on it; nothing was saved: reload and try again$",
        message,
    ), message
    assert race.state(sdb, ids) == race.expected(ids)
    assert "alice" not in reviewers_of_entries(sdb)
    # Reloaded, the same change goes through over bob's.
    race.mine(sdb, ids)
    assert "alice" in reviewers_of_entries(sdb)
