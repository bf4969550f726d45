"""Review actions: what they store, what they audit, what they refuse, and undo."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from claimcheck.errors import ClaimcheckError
from claimcheck.services import clusters, review
from claimcheck.services.claims import iter_claims
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.services.review import Conflict, NotFound
from claimcheck.store.models import AuditEntry, Claim, ClaimPair, Cluster, Link, Note, Reviewer

STORM = "The storm killed 107 people across the coastal province on Tuesday night, officials said."
STORM_B = "The storm killed 107 people across the coastal province on Tuesday night, officials say."
STORM_C = (
    "The storm killed 328 people across the coastal province on Tuesday night, officials said."
)
STORM_E = "The storm killed 328 people across the coastal province on Tuesday night, officials say."
DAM = "The new dam will supply electricity to two million homes by 2030."


@pytest.fixture
def rdb(db_url: str) -> Iterator[Database]:
    """A database on each engine, holding a small corpus."""
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def ids(rdb: Database, tmp_path: Path) -> dict[str, int]:
    texts = {"a": STORM, "b": STORM_B, "c": STORM_C, "d": DAM, "e": STORM_E}
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Report {name.upper()}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    ingest(rdb, paths)
    by_path = {v.document.path: v.id for v in iter_claims(rdb) if v.kind == "claim"}
    return {name: by_path[str(tmp_path / f"{name}.txt")] for name in texts}


def audit(db: Database, action: str | None = None) -> list[tuple[str, str, str, int | None]]:
    """(reviewer, action, entity, entity_id) of the review entries, oldest first."""
    with db.session() as session:
        query = (
            select(Reviewer.name, AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id)
            .join(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
            .where(AuditEntry.action.not_in(("ingest", "carry_over")))
            .order_by(AuditEntry.id)
        )
        if action is not None:
            query = query.where(AuditEntry.action == action)
        return [
            (name, act, entity, entity_id)
            for name, act, entity, entity_id in session.execute(query)
        ]


def last_entry(db: Database) -> AuditEntry:
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        session.expunge(entry)
        return entry


def stored_status(db: Database, claim_id: int) -> tuple[str, int]:
    with db.session() as session:
        claim = session.get_one(Claim, claim_id)
        return claim.status, claim.version


def cluster_of(db: Database, claim_id: int) -> int:
    (found,) = [
        c.id for c in clusters.list_clusters(db) if claim_id in {m.claim_id for m in c.members}
    ]
    return found


def groups(db: Database) -> list[list[int]]:
    return sorted(sorted(m.claim_id for m in c.members) for c in clusters.list_clusters(db))


def count(db: Database, model: Any) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_set_status_stores_audits_and_bumps_the_version(rdb: Database, ids: dict[str, int]) -> None:
    state = review.set_status(rdb, ids["d"], "needs_source", reviewer="alice", expected_version=1)
    assert (state.status, state.version) == ("needs_source", 2)
    assert stored_status(rdb, ids["d"]) == ("needs_source", 2)
    assert audit(rdb) == [("alice", "status", "claim", ids["d"])]
    entry = last_entry(rdb)
    assert entry.before == {"status": "unreviewed", "version": 1}
    assert entry.after == {"status": "needs_source", "version": 2}


def test_a_status_with_a_note_stores_both_in_one_entry(rdb: Database, ids: dict[str, int]) -> None:
    state = review.set_status(rdb, ids["d"], "disputed", reviewer="alice", note="Ministry denies.")
    (note,) = state.notes
    assert (note.text, note.reviewer) == ("Ministry denies.", "alice")
    assert state.version == 2
    assert audit(rdb) == [("alice", "status", "claim", ids["d"])]
    assert last_entry(rdb).after == {
        "status": "disputed",
        "version": 2,
        "note_id": note.id,
        "note": "Ministry denies.",
    }


def test_a_stale_version_is_refused_naming_who_changed_the_claim(
    rdb: Database, ids: dict[str, int]
) -> None:
    seen = review.claim_state(rdb, ids["d"]).version
    review.set_status(rdb, ids["d"], "false", reviewer="bob", expected_version=seen)
    with pytest.raises(Conflict) as refused:
        review.set_status(rdb, ids["d"], "corroborated", reviewer="alice", expected_version=seen)
    conflict = refused.value
    assert (conflict.claim_id, conflict.by, conflict.current_version) == (ids["d"], "bob", 2)
    assert conflict.at is not None and conflict.at.tzinfo is not None
    assert str(conflict).startswith(f"claim {ids['d']} was changed by bob at ")
    assert str(conflict).endswith(
        "UTC (status unreviewed -> false; now version 2); reload and try again"
    )
    # Nothing was overwritten, and the refused write left no trace.
    assert stored_status(rdb, ids["d"]) == ("false", 2)
    assert audit(rdb) == [("bob", "status", "claim", ids["d"])]


def test_a_change_committed_between_reading_and_writing_is_a_conflict(
    rdb: Database, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    review.set_status(rdb, ids["d"], "in_review", reviewer="bob")
    read = review._claim
    # What a transaction that read the claim just before bob's commit would have seen.
    monkeypatch.setattr(
        review, "_claim", lambda session, cid: ("unreviewed", read(session, cid)[1] - 1)
    )
    with pytest.raises(Conflict, match="changed by bob"):
        review.set_status(rdb, ids["d"], "false", reviewer="alice")
    monkeypatch.undo()
    assert stored_status(rdb, ids["d"]) == ("in_review", 2)


@pytest.mark.parametrize("action", ["link", "note"])
def test_links_and_notes_are_refused_over_a_newer_version_too(
    rdb: Database, ids: dict[str, int], action: str
) -> None:
    review.add_note(rdb, ids["d"], "first look", reviewer="bob")
    with pytest.raises(Conflict, match="changed by bob"):
        if action == "link":
            review.add_link(rdb, ids["d"], url="https://example.org", expected_version=1)
        else:
            review.add_note(rdb, ids["d"], "second look", expected_version=1)
    assert count(rdb, Link) == 0 and count(rdb, Note) == 1


def test_a_cluster_status_moves_every_member_with_an_entry_each(
    rdb: Database, ids: dict[str, int]
) -> None:
    cluster = cluster_of(rdb, ids["a"])
    states = review.set_cluster_status(rdb, cluster, "corroborated", reviewer="carol")
    assert [(s.id, s.status, s.version) for s in states] == [
        (ids["a"], "corroborated", 2),
        (ids["b"], "corroborated", 2),
    ]
    assert stored_status(rdb, ids["c"]) == ("unreviewed", 1)
    with rdb.session() as session:
        assert session.get_one(Cluster, cluster).status == "corroborated"
    assert audit(rdb) == [
        ("carol", "cluster_status", "claim", ids["a"]),
        ("carol", "cluster_status", "claim", ids["b"]),
        ("carol", "cluster_status", "cluster", cluster),
    ]
    assert [e.action for e in review.history(rdb, ids["b"])] == ["cluster_status"]


def test_link_to_a_claim_a_source_and_a_url_with_a_title(
    rdb: Database, ids: dict[str, int]
) -> None:
    to_claim = review.add_link(rdb, ids["d"], target_claim=ids["a"], reviewer="alice")
    to_source = review.add_link(
        rdb, ids["d"], relation="cites", target_source="xinhua", note="wire copy", reviewer="alice"
    )
    to_url = review.add_link(
        rdb,
        ids["d"],
        relation="contradicts",
        url=" https://example.org/dam ",
        title="Dam delayed to 2035",
        reviewer="alice",
        expected_version=3,
    )
    assert (to_claim.relation, to_claim.target_claim, to_claim.target_claim_text) == (
        "corroborates",
        ids["a"],
        STORM,
    )
    assert (to_source.target_source, to_source.note) == ("Xinhua", "wire copy")
    assert (to_url.url, to_url.title, to_url.reviewer) == (
        "https://example.org/dam",
        "Dam delayed to 2035",
        "alice",
    )
    state = review.claim_state(rdb, ids["d"])
    assert state.version == 4
    assert state.links == (to_claim, to_source, to_url)
    assert [a for _, a, _, _ in audit(rdb)] == ["link", "link", "link"]
    assert last_entry(rdb).after == {
        "link": to_url.id,
        "relation": "contradicts",
        "target_claim": None,
        "target_source": None,
        "target_source_id": None,
        "url": "https://example.org/dam",
        "title": "Dam delayed to 2035",
        "note": None,
        "reviewer": "alice",
        "created_at": to_url.created_at.isoformat(),
        "version": 4,
    }
    # Exports carry the title.
    (view,) = [v for v in iter_claims(rdb) if v.id == ids["d"]]
    assert view.to_json()["links"][2]["title"] == "Dam delayed to 2035"
    assert view.to_json()["status"] == "unreviewed"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "exactly one target"),
        ({"url": "https://x.org", "target_claim": 1}, "exactly one target"),
        ({"url": "   "}, "URL cannot be empty"),
        ({"url": "https://x.org/a b"}, "no spaces"),
        ({"target_source": "Xinhua", "title": "T"}, "title goes with a URL"),
        ({"url": "https://x.org", "relation": "supports"}, "not a relation"),
        ({"url": "https://x.org", "title": "x" * 501}, "at most 500"),
    ],
)
def test_a_malformed_link_is_refused_and_nothing_stored(
    rdb: Database, ids: dict[str, int], kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(ClaimcheckError, match=message):
        review.add_link(rdb, ids["d"], **kwargs)
    assert count(rdb, Link) == 0
    assert stored_status(rdb, ids["d"]) == ("unreviewed", 1)


def test_a_claim_is_not_linked_to_itself(rdb: Database, ids: dict[str, int]) -> None:
    with pytest.raises(ClaimcheckError, match="itself"):
        review.add_link(rdb, ids["d"], target_claim=ids["d"])


def test_unlink_removes_the_link_and_keeps_it_in_the_audit(
    rdb: Database, ids: dict[str, int]
) -> None:
    link = review.add_link(rdb, ids["d"], url="https://example.org", title="Page", reviewer="al")
    removed = review.remove_link(rdb, link.id, reviewer="bo")
    assert removed == link
    assert review.claim_state(rdb, ids["d"]).links == ()
    assert stored_status(rdb, ids["d"]) == ("unreviewed", 3)
    entry = last_entry(rdb)
    assert (entry.action, entry.entity_id) == ("unlink", ids["d"])
    assert entry.before is not None and entry.before["title"] == "Page"
    assert entry.before["url"] == "https://example.org"


def test_unlink_over_a_newer_version_is_refused_naming_who_changed_what(
    rdb: Database, ids: dict[str, int]
) -> None:
    link = review.add_link(rdb, ids["d"], url="https://example.org", reviewer="alice")
    seen = review.claim_state(rdb, ids["d"]).version
    review.add_note(rdb, ids["d"], "Asked the utility.", reviewer="bob", expected_version=seen)
    with pytest.raises(Conflict) as refused:
        review.remove_link(rdb, link.id, expected_version=seen, reviewer="alice")
    assert (refused.value.by, refused.value.current_version) == ("bob", seen + 1)
    assert re.fullmatch(
        rf"claim {ids['d']} was changed by bob at \S+ \S+ UTC "
        rf'\(note \d+ added: "Asked the utility."; now version {seen + 1}\); '
        "reload and try again",
        str(refused.value),
    )
    assert review.claim_state(rdb, ids["d"]).links == (link,)
    assert audit(rdb, "unlink") == []
    # Over the version it names, the removal goes through.
    review.remove_link(rdb, link.id, expected_version=seen + 1, reviewer="alice")
    assert review.claim_state(rdb, ids["d"]).links == ()


def test_a_link_someone_removed_already_is_a_conflict_naming_them(
    rdb: Database, ids: dict[str, int]
) -> None:
    link = review.add_link(rdb, ids["d"], target_claim=ids["a"], reviewer="alice")
    seen = review.claim_state(rdb, ids["d"]).version
    review.remove_link(rdb, link.id, expected_version=seen, reviewer="bob")
    for expected in (seen, None):
        with pytest.raises(Conflict) as refused:
            review.remove_link(rdb, link.id, expected_version=expected, reviewer="alice")
        assert (refused.value.claim_id, refused.value.by) == (ids["d"], "bob")
        assert f"(link {link.id} removed: corroborates claim {ids['a']}; now version" in str(
            refused.value
        )
    assert audit(rdb, "unlink") == [("bob", "unlink", "claim", ids["d"])]
    assert stored_status(rdb, ids["d"]) == ("unreviewed", seen + 1)


def test_an_unlink_racing_a_change_committed_after_its_read_is_a_conflict(
    rdb: Database, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    link = review.add_link(rdb, ids["d"], url="https://example.org", reviewer="alice")
    review.set_status(rdb, ids["d"], "in_review", reviewer="bob")
    read = review._claim
    # What a transaction that read the claim just before bob's commit would have seen.
    monkeypatch.setattr(
        review, "_claim", lambda session, cid: ("unreviewed", read(session, cid)[1] - 1)
    )
    with pytest.raises(Conflict, match="changed by bob"):
        review.remove_link(rdb, link.id, reviewer="alice")
    monkeypatch.undo()
    assert review.claim_state(rdb, ids["d"]).links == (link,)
    assert stored_status(rdb, ids["d"]) == ("in_review", 3)


def test_a_link_removed_just_after_it_was_read_is_a_conflict_not_a_missing_link(
    rdb: Database, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    link = review.add_link(rdb, ids["d"], url="https://example.org", reviewer="alice")
    read = review._claim
    raced: list[bool] = []

    def bob_first(session: Any, claim_id: int) -> tuple[str, int]:
        # Bob removes the link after alice's transaction read it, before it reads the claim.
        if not raced:
            raced.append(True)
            review.remove_link(rdb, link.id, reviewer="bob")
        return read(session, claim_id)

    monkeypatch.setattr(review, "_claim", bob_first)
    with pytest.raises(Conflict, match=f"changed by bob at .*link {link.id} removed"):
        review.remove_link(rdb, link.id, reviewer="alice")
    monkeypatch.undo()
    assert audit(rdb, "unlink") == [("bob", "unlink", "claim", ids["d"])]
    assert stored_status(rdb, ids["d"]) == ("unreviewed", 3)


def test_a_note_is_kept_as_written(rdb: Database, ids: dict[str, int]) -> None:
    text = "Call the ministry.\n[bold]not markup[/bold] \x1b[31m"
    note = review.add_note(rdb, ids["d"], text, reviewer="alice")
    assert (note.text, note.reviewer, note.claim_id) == (text, "alice", ids["d"])
    assert review.claim_state(rdb, ids["d"]).notes == (note,)
    assert stored_status(rdb, ids["d"]) == ("unreviewed", 2)
    assert audit(rdb) == [("alice", "note", "claim", ids["d"])]
    with pytest.raises(ClaimcheckError, match="needs some text"):
        review.add_note(rdb, ids["d"], "  \n")


def test_unknown_ids_are_not_found(rdb: Database, ids: dict[str, int]) -> None:
    calls: list[tuple[Callable[[], object], str]] = [
        (lambda: review.set_status(rdb, 999999, "false"), "no claim 999999"),
        (lambda: review.set_cluster_status(rdb, 999999, "false"), "no cluster 999999"),
        (lambda: review.add_link(rdb, 999999, url="https://x.org"), "no claim 999999"),
        (lambda: review.add_link(rdb, ids["d"], target_claim=999999), "no claim 999999"),
        (lambda: review.add_link(rdb, ids["d"], target_source="Nobody News"), "Nobody News"),
        (lambda: review.remove_link(rdb, 999999), "no link 999999"),
        (lambda: review.add_note(rdb, 999999, "x"), "no claim 999999"),
        (lambda: review.history(rdb, 999999), "no claim 999999"),
        (lambda: review.claim_state(rdb, 999999), "no claim 999999"),
    ]
    for call, message in calls:
        with pytest.raises(NotFound, match=message):
            call()
    assert audit(rdb) == []
    with pytest.raises(ClaimcheckError, match="not a status"):
        review.set_status(rdb, ids["d"], "dubious")


def test_history_is_newest_first_with_reviewers_and_words(
    rdb: Database, ids: dict[str, int]
) -> None:
    review.set_status(rdb, ids["d"], "in_review", reviewer="alice")
    review.add_note(rdb, ids["d"], "Ask the utility.", reviewer="bob")
    link = review.add_link(rdb, ids["d"], target_source="Xinhua", reviewer="alice")
    review.set_status(rdb, ids["a"], "false", reviewer="carol")
    entries = review.history(rdb, ids["d"])
    assert [(e.action, e.reviewer) for e in entries] == [
        ("link", "alice"),
        ("note", "bob"),
        ("status", "alice"),
    ]
    assert [e.summary for e in entries] == [
        f"link {link.id} added: corroborates source Xinhua",
        f'note {entries[1].after["note"] if entries[1].after else ""} added: "Ask the utility."',
        "status unreviewed -> in_review",
    ]
    assert entries[0].at >= entries[1].at >= entries[2].at
    assert [e.action for e in review.history(rdb, limit=2)] == ["status", "link"]
    assert review.history(rdb, ids["d"], limit=1) == entries[:1]


def test_history_of_a_claim_includes_pair_decisions_naming_it(
    rdb: Database, ids: dict[str, int]
) -> None:
    clusters.reject(rdb, ids["a"], ids["c"], reviewer="dan")
    assert [e.summary for e in review.history(rdb, ids["c"])] == [
        f"claims {ids['a']} and {ids['c']} rejected as different claims"
    ]
    assert review.history(rdb, ids["d"]) == []


def test_undo_a_status_restores_it_and_is_audited(rdb: Database, ids: dict[str, int]) -> None:
    review.set_status(rdb, ids["d"], "false", reviewer="alice", note="Wrong year.")
    result = review.undo_last(rdb, reviewer="alice")
    assert result.undone.action == "status"
    assert result.summary == 'undid status unreviewed -> false with note "Wrong year."'
    state = review.claim_state(rdb, ids["d"])
    assert (state.status, state.version, state.notes) == ("unreviewed", 3, ())
    entry = last_entry(rdb)
    assert (entry.action, entry.entity, entry.entity_id) == ("undo", "claim", ids["d"])
    assert entry.after is not None and entry.after["undone"] == result.undone.id
    assert review.history(rdb, ids["d"])[0].summary == result.summary


def test_undo_a_link_an_unlink_and_a_note(rdb: Database, ids: dict[str, int]) -> None:
    link = review.add_link(rdb, ids["d"], url="https://example.org", title="Page", reviewer="al")
    review.remove_link(rdb, link.id, reviewer="al")
    review.add_note(rdb, ids["d"], "to check", reviewer="al")

    assert review.undo_last(rdb, reviewer="al").undone.action == "note"
    assert review.claim_state(rdb, ids["d"]).notes == ()
    assert review.undo_last(rdb, reviewer="al").undone.action == "unlink"
    assert review.claim_state(rdb, ids["d"]).links == (link,)
    assert review.undo_last(rdb, reviewer="al").undone.action == "link"
    assert review.claim_state(rdb, ids["d"]).links == ()
    with pytest.raises(ClaimcheckError, match="nothing to undo"):
        review.undo_last(rdb, reviewer="al")
    assert [a for _, a, _, _ in audit(rdb)][-3:] == ["undo", "undo", "undo"]
    assert stored_status(rdb, ids["d"]) == ("unreviewed", 7)


def test_undo_takes_only_the_reviewers_own_actions_since_the_session_began(
    rdb: Database, ids: dict[str, int]
) -> None:
    review.set_status(rdb, ids["a"], "false", reviewer="alice")
    session_start = dt.datetime.now(dt.UTC)
    review.set_status(rdb, ids["d"], "false", reviewer="bob")
    with pytest.raises(ClaimcheckError, match="nothing to undo"):
        review.undo_last(rdb, reviewer="alice", since=session_start)
    with pytest.raises(ClaimcheckError, match="nothing to undo"):
        review.undo_last(rdb, reviewer="nobody")
    review.undo_last(rdb, reviewer="alice")
    assert stored_status(rdb, ids["a"])[0] == "unreviewed"
    assert stored_status(rdb, ids["d"])[0] == "false"


def test_undo_over_another_reviewers_change_is_a_conflict(
    rdb: Database, ids: dict[str, int]
) -> None:
    review.set_status(rdb, ids["d"], "false", reviewer="alice")
    review.set_status(rdb, ids["d"], "disputed", reviewer="bob")
    with pytest.raises(Conflict, match="changed by bob"):
        review.undo_last(rdb, reviewer="alice")
    assert stored_status(rdb, ids["d"]) == ("disputed", 3)


def test_undo_of_a_link_someone_removed_since_says_who_and_changes_nothing(
    rdb: Database, ids: dict[str, int]
) -> None:
    link = review.add_link(rdb, ids["d"], url="https://example.org", reviewer="alice")
    review.remove_link(rdb, link.id, reviewer="bob")
    with pytest.raises(ClaimcheckError, match=f"link {link.id} was removed by bob at .* UTC"):
        review.undo_last(rdb, reviewer="alice")
    assert stored_status(rdb, ids["d"]) == ("unreviewed", 3)
    assert audit(rdb, "undo") == []


def test_undo_a_cluster_status_restores_every_member(rdb: Database, ids: dict[str, int]) -> None:
    review.set_status(rdb, ids["b"], "in_review", reviewer="carol")
    cluster = cluster_of(rdb, ids["a"])
    review.set_cluster_status(rdb, cluster, "corroborated", reviewer="carol")
    result = review.undo_last(rdb, reviewer="carol")
    assert result.undone.action == "cluster_status"
    assert stored_status(rdb, ids["a"]) == ("unreviewed", 3)
    assert stored_status(rdb, ids["b"]) == ("in_review", 4)
    with rdb.session() as session:
        assert session.get_one(Cluster, cluster).status == "unreviewed"
    # The next undo is the status set before, not a member of the cluster verdict.
    assert review.undo_last(rdb, reviewer="carol").undone.action == "status"
    assert stored_status(rdb, ids["b"])[0] == "unreviewed"


def pair_state(db: Database, a: int, b: int) -> str | None:
    with db.session() as session:
        pair = session.get(ClaimPair, (min(a, b), max(a, b)))
        return None if pair is None else pair.state


def test_undo_cluster_decisions_restores_pairs_and_clusters(
    rdb: Database, ids: dict[str, int]
) -> None:
    a, b, c, d, e = ids["a"], ids["b"], ids["c"], ids["d"], ids["e"]
    assert groups(rdb) == [[a, b], [c, e]]
    clusters.confirm(rdb, a, c, reviewer="dan")
    assert groups(rdb) == [[a, b, c, e]]
    assert review.undo_last(rdb, reviewer="dan").summary == (
        f"undid claims {a} and {c} confirmed as the same claim"
    )
    assert pair_state(rdb, a, c) == "suggested"
    assert groups(rdb) == [[a, b], [c, e]]

    clusters.split(rdb, cluster_of(rdb, a), [b], reviewer="dan")
    assert groups(rdb) == [[c, e]]
    assert review.undo_last(rdb, reviewer="dan").undone.action == "split"
    assert pair_state(rdb, a, b) == "automatic"
    assert groups(rdb) == [[a, b], [c, e]]

    clusters.reject(rdb, a, d, reviewer="dan")
    review.undo_last(rdb, reviewer="dan")
    assert pair_state(rdb, a, d) is None
    assert len(audit(rdb, "undo")) == 3
    assert review.history(rdb, d)[0].summary == (
        f"undid claims {a} and {d} rejected as different claims"
    )


def test_undo_a_merge(rdb: Database, ids: dict[str, int]) -> None:
    a, b, c, e = ids["a"], ids["b"], ids["c"], ids["e"]
    clusters.merge(rdb, cluster_of(rdb, a), cluster_of(rdb, c), reviewer="dan")
    assert groups(rdb) == [[a, b, c, e]]
    assert pair_state(rdb, a, c) == "confirmed"
    review.undo_last(rdb, reviewer="dan")
    assert pair_state(rdb, a, c) == "suggested"
    assert groups(rdb) == [[a, b], [c, e]]


def test_a_split_recorded_without_pair_states_is_not_half_undone(
    rdb: Database, ids: dict[str, int]
) -> None:
    clusters.split(rdb, cluster_of(rdb, ids["a"]), [ids["b"]], reviewer="dan")
    with rdb.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "split")).one()
        assert entry.before is not None
        # The same split as older versions recorded it; the log is append-only, so the
        # older form is added after it rather than written over it.
        session.add(
            AuditEntry(
                reviewer_id=entry.reviewer_id,
                action="split",
                entity=entry.entity,
                entity_id=entry.entity_id,
                before={"members": entry.before["members"]},
                after=entry.after,
            )
        )
    with pytest.raises(ClaimcheckError, match="cannot be undone exactly"):
        review.undo_last(rdb, reviewer="dan")
    assert pair_state(rdb, ids["a"], ids["b"]) == "rejected"
    assert audit(rdb, "undo") == []


def families(db: Database) -> list[tuple[list[int], str]]:
    return sorted(
        (sorted(m.claim_id for m in f.members), f.status) for f in clusters.list_families(db)
    )


def test_undo_family_decisions_restores_the_family_and_its_pairs(
    rdb: Database, ids: dict[str, int]
) -> None:
    a, b, c, e = ids["a"], ids["b"], ids["c"], ids["e"]
    (family,) = clusters.list_families(rdb)
    assert families(rdb) == [([a, b, c, e], "unreviewed")]

    clusters.decide_family(rdb, family.id, same=False, reviewer="dan")
    assert families(rdb) == [([a, b, c, e], "variants")]
    undone = review.undo_last(rdb, reviewer="dan")
    assert undone.summary == (
        f"undid family {family.id} kept as variants whose figures disagree (4 claims)"
    )
    assert families(rdb) == [([a, b, c, e], "unreviewed")]

    clusters.decide_family(rdb, family.id, same=True, reviewer="dan")
    assert groups(rdb) == [[a, b, c, e]] and families(rdb) == []
    assert pair_state(rdb, a, c) == "confirmed"
    assert review.history(rdb, e)[0].summary == (
        f"family {family.id} confirmed as one claim (4 claims)"
    )
    review.undo_last(rdb, reviewer="dan")
    assert pair_state(rdb, a, c) == "suggested"
    assert groups(rdb) == [[a, b], [c, e]]
    assert families(rdb) == [([a, b, c, e], "unreviewed")]
    assert [row[1] for row in audit(rdb)] == [
        "keep_variants", "undo", "confirm_family", "undo"
    ]  # fmt: skip


def test_undo_of_a_family_decision_someone_changed_since_changes_nothing(
    rdb: Database, ids: dict[str, int]
) -> None:
    (family,) = clusters.list_families(rdb)
    clusters.decide_family(rdb, family.id, same=False, reviewer="dan")
    clusters.decide_family(rdb, family.id, same=True, reviewer="eve")
    with pytest.raises(ClaimcheckError, match=f"family {family.id} has changed since"):
        review.undo_last(rdb, reviewer="dan")
    assert groups(rdb) == [sorted(ids[k] for k in "abce")]
    assert len(audit(rdb, "undo")) == 0
