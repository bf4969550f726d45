"""Every review key, pressed as a reviewer would, checked in the database afterwards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from textual.pilot import Pilot

from claimcheck.services import queue as queue_service
from claimcheck.services import review
from claimcheck.services.clusters import ClusterView
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import AuditEntry, Claim, Link, Note, Reviewer, Source
from claimcheck.tui.app import ReviewApp, make_app
from claimcheck.tui.screens.detail import DetailScreen
from claimcheck.tui.screens.queue import QueueScreen
from tests.conftest import fresh_sqlite
from tests.tui.conftest import REVIEWER, current_id

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")

SIZE = (160, 45)


async def settle(app: ReviewApp) -> None:
    """Wait for the workers, then for the messages they posted to be handled."""
    pilot = Pilot(app)
    for _ in range(4):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def started(app: ReviewApp) -> QueueScreen:
    await settle(app)
    screen = app.screen
    assert isinstance(screen, QueueScreen)
    return screen


def status_of(db: Database, claim_id: int) -> str:
    with db.session() as session:
        return session.get_one(Claim, claim_id).status


def cell(screen: QueueScreen, claim_id: int, column: str) -> str:
    return screen.table.cell(claim_id, column).plain


def body(app: ReviewApp) -> str:
    screen = app.screen
    assert isinstance(screen, DetailScreen)
    return str(screen.query_one("#body").render())


def links_shown(app: ReviewApp) -> list[str]:
    """The detail view's Links section, a line a link, a target claim's text left out."""
    section = body(app).split("\nLinks\n", 1)[1].split("\n\nNotes", 1)[0]
    return [line.removeprefix("  • ").split(": ", 1)[0] for line in section.splitlines()]


def notices(app: ReviewApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_status_by_typing_and_by_digit_patches_the_row_in_place(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = await started(app)
        order = list(queue.order)
        first, second = order[0], order[1]
        await pilot.press("s", *"need", "enter")
        await settle(app)
        assert status_of(corpus_db, first) == "needs_source"
        assert cell(queue, first, "status") == "needs_source"
        # The header's counts follow the row, and agree with a count of the database.
        left = queue_service.counts(corpus_db)
        header = str(queue.query_one("#header").render())
        assert f"{left.unreviewed} unreviewed · {left.unattributed} unattributed" in header
        assert queue.order == order and queue.table.cursor_row == 0
        await pilot.press("j", "s", "6")
        await settle(app)
        assert status_of(corpus_db, second) == "false"
        assert cell(queue, second, "status") == "false"
        await pilot.press("s", "escape")
        await settle(app)
        assert status_of(corpus_db, second) == "false"
    with corpus_db.session() as session:
        who = session.scalars(
            select(Reviewer.name)
            .join(AuditEntry, AuditEntry.reviewer_id == Reviewer.id)
            .where(AuditEntry.action == "status")
        ).all()
    assert who == [REVIEWER, REVIEWER]


async def test_space_goes_to_the_next_unreviewed_claim(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = await started(app)
        order = list(queue.order)
        review.set_status(corpus_db, order[1], "disputed", reviewer="Grace Hopper")
        review.set_status(corpus_db, order[2], "disputed", reviewer="Grace Hopper")
        app.refresh_claims(order[1:3])
        await settle(app)
        await pilot.press("space")
        assert current_id(queue) == order[3]
        await pilot.press("enter")
        await settle(app)
        detail = app.screen
        assert isinstance(detail, DetailScreen) and detail.claim_id == order[3]
        await pilot.press("space")
        await settle(app)
        assert detail.claim_id == order[4]
        assert f"Claim {order[4]}" in body(app)
        await pilot.press("escape")
        assert queue.is_current
        assert current_id(queue) == order[4]


async def test_links_to_a_claim_a_source_and_a_url(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = await started(app)
        claim = queue.order[0]
        await pilot.press("enter")
        await settle(app)
        # corroborates, another claim found by its text
        await pilot.press("l", "enter", "enter", *"Great Firewall")
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        # contradicts, a registry source found by an alias
        await pilot.press("l", "down", "enter", "down", "enter", *"scmp")
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        # cites, a URL with a title
        await pilot.press("l", "down", "down", "enter", "down", "down", "enter")
        await pilot.press(*"https://example.org/report", "enter", *"Annual [b]report[/b]", "enter")
        await settle(app)
        shown = body(app)
    with corpus_db.session() as session:
        firewall = session.scalars(select(Claim.id).where(Claim.text.contains("Great Firewall")))
        firewall_id = firewall.one()
        scmp = session.scalars(select(Source.id).where(Source.name == "South China Morning Post"))
        links = session.execute(
            select(Link.relation, Link.target_claim_id, Link.target_source_id, Link.url, Link.title)
            .where(Link.claim_id == claim)
            .order_by(Link.id)
        ).all()
    assert [tuple(link) for link in links] == [
        ("corroborates", firewall_id, None, None, None),
        ("contradicts", None, scmp.one(), None, None),
        ("cites", None, None, "https://example.org/report", "Annual [b]report[/b]"),
    ]
    assert f"corroborates claim {firewall_id}: China is renowned" in shown
    assert "contradicts source South China Morning Post" in shown
    assert 'cites https://example.org/report "Annual [b]report[/b]"' in shown


async def test_notes_save_with_ctrl_s_cancel_with_escape_and_undo_takes_them_back(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = await started(app)
        claim = queue.order[0]
        await pilot.press("n", *"Ask the ministry", "escape")
        await settle(app)
        await pilot.press("n", *"First line [red]", "enter", *"$second line", "ctrl+s")
        await settle(app)
        with corpus_db.session() as session:
            notes = session.scalars(select(Note.text).where(Note.claim_id == claim)).all()
        assert notes == ["First line [red]\n$second line"]
        await pilot.press("enter")
        await settle(app)
        assert "First line [red]\n    $second line" in body(app)
        await pilot.press("u")
        await settle(app)
        assert "Notes\n  none" in body(app)
        assert any(n.startswith("undid note") for n in notices(app))
        await pilot.press("u")
        await settle(app)
        assert "nothing to undo" in notices(app)
    with corpus_db.session() as session:
        assert session.scalars(select(Note).where(Note.claim_id == claim)).all() == []
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["note", "undo"]


async def test_a_write_over_another_reviewers_change_is_refused_and_the_app_reloads(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = await started(app)
        claim = queue.order[0]
        await pilot.press("enter")
        await settle(app)
        assert "status unreviewed · version 1" in body(app)
        # Another reviewer, in another session, gets there first.
        review.set_status(corpus_db, claim, "disputed", reviewer="Grace Hopper")
        await pilot.press("s", "4")
        await settle(app)
        assert status_of(corpus_db, claim) == "disputed"
        refused = [n for n in notices(app) if "was changed by Grace Hopper" in n]
        assert refused and refused[0].startswith(f"claim {claim} was changed by Grace Hopper")
        assert "status disputed · version 2" in body(app)
        await pilot.press("escape")
        assert cell(queue, claim, "status") == "disputed"
        # Now that it shows the newer version, the same key goes through.
        await pilot.press("s", "4")
        await settle(app)
        assert status_of(corpus_db, claim) == "corroborated"


async def test_corpus_text_shows_literally_in_queue_and_detail(tmp_path: Path) -> None:
    hostile = (
        "The mayor said [bold]Loud[/bold] costs $HOME and [link=http://x.test]more[/link] "
        "than \x1b[31mred\x1b[0m, \x1b]8;;http://evil.test\x07a link\x1b]8;;\x07 and a bell\x07.\n"
    )
    (tmp_path / "hostile.txt").write_text(hostile, encoding="utf-8")
    url = fresh_sqlite(tmp_path / "hostile.db")
    db = open_database(url)
    ingest(db, [tmp_path / "hostile.txt"])
    db.close()
    app = make_app(url, REVIEWER, cursor_blink=False)
    literal = (
        "[bold]Loud[/bold] costs $HOME and [link=http://x.test]more[/link] than \\x1b[31mred"
        "\\x1b[0m, \\x1b]8;;http://evil.test\\x07a link\\x1b]8;;\\x07 and a bell\\x07."
    )
    async with app.run_test(size=(400, 20)) as pilot:
        queue = await started(app)
        (claim,) = queue.order
        # The queue's preview is cut at 160 characters, after the escapes begin.
        assert literal[:100] in cell(queue, claim, "text")
        await pilot.press("enter")
        await settle(app)
        assert literal in body(app)
        assert "\x1b" not in body(app) and "\x07" not in body(app)


def confirmed_wire_cluster(db: Database) -> tuple[ClusterView, list[int]]:
    """The wire copy's Xinhua sentence differs from the seed's in a figure: a family that
    another reviewer confirms as one claim. The cluster, and its claims."""
    from claimcheck.services import clusters

    (family,) = [f for f in clusters.list_families(db) if "Xinhua" in f.canonical_text]
    clusters.decide_family(db, family.id, same=True, reviewer="Grace Hopper")
    (cluster,) = clusters.list_clusters(db)
    return cluster, sorted(m.claim_id for m in family.members)


async def test_a_cluster_shows_every_appearance_and_filters_the_queue(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    cluster, members = confirmed_wire_cluster(corpus_db)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = await started(app)
        await pilot.press("f")
        await pilot.click("#cluster")
        await pilot.press(*str(cluster.id), "enter")
        await settle(app)
        assert sorted(queue.order) == members
        await pilot.press("enter")
        await settle(app)
        shown = body(app)
        assert f"Cluster {cluster.id} (unreviewed)" in shown
        assert "corpus/wic_universal_cyberspace.txt:" in shown
        assert "corpus/wire/copy.txt:0 — Xinhua" in shown


async def test_shift_s_sets_the_status_of_every_claim_in_the_cluster(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    cluster, members = confirmed_wire_cluster(corpus_db)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = await started(app)
        # A claim in no cluster: a notice, nothing written.
        alone = next(c for c in queue.order if c not in members)
        queue.table.move_cursor(row=queue.order.index(alone))
        await pilot.press("S")
        await settle(app)
        assert f"Claim {alone} is in no cluster." in notices(app)
        queue.table.move_cursor(row=queue.order.index(members[1]))
        await pilot.press("S", *"corr", "enter")
        await settle(app)
        assert [status_of(corpus_db, c) for c in members] == ["corroborated", "corroborated"]
        assert {cell(queue, c, "status") for c in members} == {"corroborated"}
        assert status_of(corpus_db, alone) == "unreviewed"
        assert f"Cluster {cluster.id}: 2 claims → corroborated" in notices(app)
        await pilot.press("enter")
        await settle(app)
        assert f"Cluster {cluster.id} (corroborated)" in body(app)
        # From the detail view too, and undone with u.
        await pilot.press("S", "5")
        await settle(app)
        assert [status_of(corpus_db, c) for c in members] == ["disputed", "disputed"]
        await pilot.press("u")
        await settle(app)
        assert [status_of(corpus_db, c) for c in members] == ["corroborated", "corroborated"]
        assert f"Cluster {cluster.id} (corroborated)" in body(app)
    with corpus_db.session() as session:
        entries = session.execute(
            select(AuditEntry.entity, Reviewer.name)
            .join(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
            .where(AuditEntry.action == "cluster_status")
        ).all()
    assert sorted(set(entries)) == [("claim", REVIEWER), ("cluster", REVIEWER)]


async def test_shift_l_in_the_detail_view_removes_a_link(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = await started(app)
        claim, other = queue.order[0], queue.order[1]
        await pilot.press("enter")
        await settle(app)
        await pilot.press("L")
        await settle(app)
        assert f"Claim {claim} has no links." in notices(app)
        kept = review.add_link(corpus_db, claim, target_claim=other, reviewer="Grace Hopper")
        gone = review.add_link(
            corpus_db, claim, relation="cites", url="https://example.org/[x]", reviewer="Grace"
        )
        app.refresh_claims([claim])
        await settle(app)
        assert "cites https://example.org/[x]" in body(app)
        # The second link, by keys; Esc first leaves both.
        await pilot.press("L", "escape")
        await settle(app)
        await pilot.press("L", "down", "enter")
        await settle(app)
        with corpus_db.session() as session:
            left = session.scalars(select(Link.id).where(Link.claim_id == claim)).all()
        assert left == [kept.id]
        assert links_shown(app) == [f"corroborates claim {other}"]
        assert f"Claim {claim}: link removed, cites https://example.org/[x]" in notices(app)
        # Undo puts it back.
        await pilot.press("u")
        await settle(app)
        assert links_shown(app) == [f"corroborates claim {other}", "cites https://example.org/[x]"]
    with corpus_db.session() as session:
        urls = session.scalars(select(Link.url).where(Link.claim_id == claim)).all()
        unlinked = session.execute(
            select(AuditEntry.entity_id, Reviewer.name)
            .join(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
            .where(AuditEntry.action == "unlink")
        ).all()
    assert "https://example.org/[x]" in urls and gone.url == "https://example.org/[x]"
    assert [tuple(u) for u in unlinked] == [(claim, REVIEWER)]


async def test_removing_a_link_over_another_reviewers_change_is_refused(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = await started(app)
        claim, other = queue.order[0], queue.order[1]
        review.add_link(corpus_db, claim, target_claim=other, reviewer="Grace Hopper")
        await pilot.press("enter")
        await settle(app)
        assert links_shown(app) == [f"corroborates claim {other}"]
        # Another reviewer changes the claim while the app shows the older version.
        review.set_status(corpus_db, claim, "disputed", reviewer="Grace Hopper")
        await pilot.press("L", "enter")
        await settle(app)
        refused = [n for n in notices(app) if "was changed by Grace Hopper" in n]
        assert refused and refused[0].startswith(f"claim {claim} was changed by Grace Hopper")
        assert "status disputed" in body(app)
    with corpus_db.session() as session:
        left = session.scalars(select(Link.target_claim_id).where(Link.claim_id == claim)).all()
    assert left == [other]
