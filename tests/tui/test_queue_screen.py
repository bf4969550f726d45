"""The queue, search, filters, suggestions and help, driven by keys as a reviewer would."""

from __future__ import annotations

import random
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from textual.pilot import Pilot
from textual.widgets import Input

from claimcheck.services import clusters, queue
from claimcheck.services.clusters import FamilyView, MemberView, VariantView
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import Attribution, ClaimPair, Source, SourceAlias
from claimcheck.tui.app import ReviewApp, make_app
from claimcheck.tui.footer import KeyFooter
from claimcheck.tui.screens.dialogs import StatusPicker
from claimcheck.tui.screens.help import HelpScreen
from claimcheck.tui.screens.queue import QueueScreen
from claimcheck.tui.screens.suggestions import CHANGED, SuggestionsScreen
from tests.conftest import fresh_sqlite
from tests.tui.conftest import REVIEWER, current_id

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")

SIZE = (160, 45)


async def settle(app: ReviewApp) -> None:
    """Wait for the workers, then for the messages they posted to be handled."""
    pilot = Pilot(app)
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def queue_screen(app: ReviewApp) -> QueueScreen:
    screen = app.screen
    assert isinstance(screen, QueueScreen)
    return screen


def shown(screen: QueueScreen) -> list[int]:
    return list(screen.order)


def cell(screen: QueueScreen, claim_id: int, column: str) -> str:
    return screen.table.cell(claim_id, column).plain


async def test_the_queue_opens_in_triage_order_with_what_is_left(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        expected = [r.id for r in queue.page(corpus_db, size=1000).rows]
        assert shown(screen) == expected
        counts = queue.counts(corpus_db)
        header = str(screen.query_one("#header").render())
        assert f"Reviewer {REVIEWER}" in header
        assert f"{counts.unreviewed} unreviewed · {counts.unattributed} unattributed" in header
        assert "1 suggestion and 2 families waiting" in header
        first = expected[0]
        assert cell(screen, first, "status") == "unreviewed"
        assert cell(screen, first, "flags") == "unattributed"
        assert cell(screen, first, "text").startswith("China has one billion internet users")
        await pilot.press("j", "j", "down")
        assert current_id(screen) == expected[3]
        await pilot.press("k")
        assert current_id(screen) == expected[2]
        await pilot.press("end")
        assert current_id(screen) == expected[-1]
        await pilot.press("home")
        assert current_id(screen) == expected[0]
        await pilot.press("pagedown")
        assert screen.table.cursor_row > 10


async def test_search_applies_on_enter_and_clears_on_escape(
    app_factory: Callable[[], ReviewApp],
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        everything = shown(screen)
        await pilot.press("slash", *"one billion", "enter")
        await settle(app)
        assert len(shown(screen)) == 1
        assert cell(screen, shown(screen)[0], "text").startswith("China has one billion")
        assert 'search "one billion"' in str(screen.query_one("#header").render())
        await pilot.press("slash", "ctrl+u", *"SCMP", "enter")
        await settle(app)
        assert shown(screen) and {cell(screen, c, "source") for c in shown(screen)} == {
            "World Internet Conference"
        }
        await pilot.press("slash", "escape")
        await settle(app)
        assert shown(screen) == everything
        assert app.focused is screen.table


def matching(db: Database, term: str) -> list[int]:
    """The queue's claims whose text, or a source's name or alias, holds `term` (any case),
    in queue order: read here claim by claim, not through the search."""
    folded = term.casefold()
    with db.session() as session:
        names = session.execute(select(Source.id, Source.name)).all()
        aliases = session.execute(select(SourceAlias.source_id, SourceAlias.alias)).all()
        named = {source for source, name in [*names, *aliases] if folded in name.casefold()}
        cited = set(
            session.scalars(select(Attribution.claim_id).where(Attribution.source_id.in_(named)))
        )
    rows = queue.page(db, size=1000).rows
    return [r.id for r in rows if folded in r.text.casefold() or r.id in cited]


async def test_a_search_found_on_several_pages_and_in_source_names_only(
    app_factory: Callable[[], ReviewApp], corpus_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QueueScreen, "PAGE_SIZE", 5)
    monkeypatch.setattr(QueueScreen, "SCREENFUL", 3)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        everything = [r.id for r in queue.page(corpus_db, size=1000).rows]
        assert shown(screen) == everything[:8]
        # In claim text and in the name of the World Internet Conference: pages of 5.
        expected = matching(corpus_db, "Internet")
        assert len(expected) > 15
        await pilot.press("slash", *"Internet", "enter")
        await settle(app)
        assert shown(screen) == expected[:8] and screen.more
        assert app.focused is screen.table
        while screen.more:
            await pilot.press("pagedown")
            await settle(app)
        assert shown(screen) == expected
        # Only in a source's name: no claim's text holds it.
        expected = matching(corpus_db, "morning post")
        assert expected
        assert not any("morning post" in r.text.casefold() for r in queue.rows(corpus_db, expected))
        await pilot.press("slash", "ctrl+u", *"MORNING POST", "enter")
        await settle(app)
        assert shown(screen) == expected
        assert 'search "MORNING POST"' in str(screen.query_one("#header").render())
        await pilot.press("slash", "escape")
        await settle(app)
        assert shown(screen) == everything[:8]
        assert "search" not in str(screen.query_one("#header").render())


def on_search(monkeypatch: pytest.MonkeyPatch, hook: Callable[[], None]) -> None:
    """Run `hook` in each queue read that holds a search, before the read."""
    page = queue.page

    def searched(db: Database, where: queue.QueueFilter, **kwargs: Any) -> queue.QueuePage:
        if where.search:
            hook()
        return page(db, where, **kwargs)

    monkeypatch.setattr(queue, "page", searched)


async def test_a_search_that_fails_gives_the_keys_back_to_the_queue(
    app_factory: Callable[[], ReviewApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail() -> None:
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error"))

    on_search(monkeypatch, fail)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        await pilot.press("slash", *"said", "enter")
        await settle(app)
        assert app._notifications
        assert app.focused is screen.table and not screen.fetching
        await pilot.press("j")
        assert screen.table.cursor_row == 1


async def test_keys_typed_while_a_search_runs_do_not_change_its_term(
    app_factory: Callable[[], ReviewApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    searching, release = threading.Event(), threading.Event()

    def hold() -> None:
        searching.set()
        release.wait(10)

    on_search(monkeypatch, hold)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        await pilot.press("slash", *"said", "enter")
        assert searching.wait(10)
        await pilot.press("j", "k")
        release.set()
        await settle(app)
        assert screen.query_one("#search", Input).value == "said"
        assert 'search "said"' in str(screen.query_one("#header").render())
        assert app.focused is screen.table


async def test_filters_narrow_the_queue(app_factory: Callable[[], ReviewApp]) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        everything = shown(screen)
        await pilot.press("f")
        await pilot.click("#unattributed")
        await pilot.press("ctrl+s")
        await settle(app)
        assert app.screen is screen
        unattributed = shown(screen)
        assert 0 < len(unattributed) < len(everything)
        assert {cell(screen, c, "flags").split()[0] for c in unattributed} == {"unattributed"}
        assert "showing unattributed" in str(screen.query_one("#header").render())
        await pilot.press("f", "ctrl+r")
        await settle(app)
        assert shown(screen) == everything


async def test_rows_load_as_the_cursor_nears_them_and_end_goes_to_the_last_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QueueScreen, "PAGE_SIZE", 40)
    monkeypatch.setattr(QueueScreen, "SCREENFUL", 16)
    rng = random.Random(7)
    words = ["".join(rng.choices("bdfgklmnprstvz", k=5)) for _ in range(400)]
    sentences = [" ".join(rng.choices(words, k=9)).capitalize() + "." for _ in range(100)]
    (tmp_path / "long.txt").write_text(" ".join(sentences), encoding="utf-8")
    url = fresh_sqlite(tmp_path / "long.db")
    db = open_database(url)
    ingest(db, [tmp_path / "long.txt"])
    expected = [r.id for r in queue.page(db, size=1000).rows]
    db.close()
    assert len(expected) == 100
    app = make_app(url, REVIEWER, cursor_blink=False)
    # 17 rows on screen at once.
    async with app.run_test(size=(160, 20)) as pilot:
        await settle(app)
        screen = queue_screen(app)
        # A first screenful of 16 is read and put in the table, then a page of 40 after it.
        assert screen.order == expected[:56] and screen.more
        await pilot.press("pagedown", "pagedown")
        await settle(app)
        assert current_id(screen) == expected[34]
        assert screen.order == expected[:56]
        # The next page is read as the cursor nears the end of what is loaded.
        await pilot.press("pagedown")
        await settle(app)
        assert current_id(screen) == expected[51]
        assert screen.order == expected[:96] and screen.more
        # End: the last claim of the whole queue, read from the end.
        await pilot.press("end")
        await settle(app)
        assert current_id(screen) == expected[-1]
        assert screen.order == expected[-16:]
        # Moving up from there reads the rows before, in order, the cursor on its claim.
        await pilot.press(*["up"] * 12)
        await settle(app)
        assert current_id(screen) == expected[-13]
        assert screen.order == expected[-56:]
        # Home: back to the first claim.
        await pilot.press("home")
        await settle(app)
        assert current_id(screen) == expected[0]
        assert screen.order == expected[:56]
        # With every row loaded, End and Home stay in the table.
        await pilot.press(*["pagedown"] * 8)
        await settle(app)
        assert not screen.more
        await pilot.press("home", "end")
        assert current_id(screen) == expected[-1]
        assert screen.order == expected


async def test_the_queue_stays_on_screen_while_rows_are_read(
    app_factory: Callable[[], ReviewApp], corpus_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # End reads the last rows of the queue in a worker, held here until the test lets it
    # go: meanwhile the queue shows what it showed, with no loading indicator over it.
    monkeypatch.setattr(QueueScreen, "PAGE_SIZE", 10)
    monkeypatch.setattr(QueueScreen, "SCREENFUL", 5)
    release = threading.Event()
    last_page = queue.last_page

    def held_last_page(*args: Any, **kwargs: Any) -> queue.QueuePage:
        release.wait(10)
        return last_page(*args, **kwargs)

    monkeypatch.setattr(queue, "last_page", held_last_page)
    everything = [row.id for row in queue.page(corpus_db, size=1000).rows]
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        # A screenful, then a page after it.
        assert shown(screen) == everything[:15] and screen.more
        await pilot.press("end")
        await pilot.pause()
        # (Textual's `loading` lays a loading indicator over a widget, the screen here.)
        assert screen.fetching and not screen.loading
        assert shown(screen) == everything[:15] and current_id(screen) == everything[0]
        release.set()
        await settle(app)
        assert current_id(screen) == everything[-1]


async def test_a_read_that_fails_is_reported_and_the_next_key_reads_again(
    app_factory: Callable[[], ReviewApp], corpus_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QueueScreen, "PAGE_SIZE", 10)
    monkeypatch.setattr(QueueScreen, "SCREENFUL", 5)
    last_page = queue.last_page
    failures = [OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked"))]

    def failing_once(*args: Any, **kwargs: Any) -> queue.QueuePage:
        if failures:
            raise failures.pop()
        return last_page(*args, **kwargs)

    monkeypatch.setattr(queue, "last_page", failing_once)
    everything = [row.id for row in queue.page(corpus_db, size=1000).rows]
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        await pilot.press("end")
        await settle(app)
        assert not failures and not screen.fetching
        messages = [n.message for n in app._notifications]
        assert messages == ["the database file is locked by another program: try again in a moment"]
        assert current_id(screen) == everything[0]
        await pilot.press("end")
        await settle(app)
        assert current_id(screen) == everything[-1]


async def test_a_stale_read_that_fails_leaves_the_newer_one_waiting(
    app_factory: Callable[[], ReviewApp], corpus_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # End's read fails only after a search has started a read of its own: the search's
    # read is still the one awaited, so no page is read after the old queue's rows.
    monkeypatch.setattr(QueueScreen, "PAGE_SIZE", 10)
    monkeypatch.setattr(QueueScreen, "SCREENFUL", 5)
    searched, failing = threading.Event(), threading.Event()
    page = queue.page

    def failing_last_page(*args: Any, **kwargs: Any) -> queue.QueuePage:
        failing.wait(10)
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error"))

    def held_page(db: Database, where: queue.QueueFilter, **kwargs: Any) -> queue.QueuePage:
        if where.search:
            failing.set()
            searched.wait(10)
        return page(db, where, **kwargs)

    monkeypatch.setattr(queue, "last_page", failing_last_page)
    monkeypatch.setattr(queue, "page", held_page)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        await pilot.press("end", "slash", *"said", "enter")
        while not app._notifications:
            await pilot.pause(0.01)
        assert screen.fetching
        searched.set()
        await settle(app)
        assert not screen.fetching and screen.where.search == "said"
        assert shown(screen) == [row.id for row in page(corpus_db, screen.where, size=15).rows]


async def test_the_counts_are_read_once_however_many_pages_come_first(
    app_factory: Callable[[], ReviewApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QueueScreen, "PAGE_SIZE", 10)
    monkeypatch.setattr(QueueScreen, "SCREENFUL", 5)
    release = threading.Event()
    counted: list[int] = []
    counts = queue.counts

    def held_counts(db: Database) -> queue.QueueCounts:
        counted.append(1)
        release.wait(10)
        return counts(db)

    monkeypatch.setattr(queue, "counts", held_counts)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        screen = queue_screen(app)
        await pilot.press(*"j" * 14)
        await pilot.pause(0.3)
        assert len(screen.table.rows) > 15 and counted == [1]
        release.set()
        await settle(app)
        assert counted == [1] and screen.counts is not None


async def test_the_footer_shows_the_keys_that_apply_and_a_click_presses_one(
    app_factory: Callable[[], ReviewApp],
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        footer = app.screen.query_one(KeyFooter)
        shown = footer.render().plain
        for key in (" / Search ", " s Status ", " ? Help ", " q Quit ", "^p palette"):
            assert key in shown
        await pilot.press("s")
        # The status picker has the focus: its keys, not the queue's Enter.
        assert " esc Cancel " in footer.render().plain
        await pilot.press("escape")
        ((start, _end, _key),) = [p for p in footer.places if p[2] == "question_mark"]
        await pilot.click(KeyFooter, offset=(start + 1, 0))
        await settle(app)
        assert isinstance(app.screen, HelpScreen)


def header_of(screen: SuggestionsScreen) -> str:
    return str(screen.query_one("#pair-header").render())


async def open_duplicates(app: ReviewApp, pilot: Pilot[None]) -> SuggestionsScreen:
    await settle(app)
    await pilot.press("d")
    await settle(app)
    screen = app.screen
    assert isinstance(screen, SuggestionsScreen)
    return screen


async def test_a_pair_suggestion_is_decided_with_y_and_x(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_duplicates(app, pilot)
        (pair,) = screen.pairs
        assert len(screen.entries) == 3
        # Families come first; k from the first entry wraps round to the pair.
        await pilot.press("k")
        assert "Pair 3 of 3" in header_of(screen)
        side_a, side_b = (str(screen.query_one(f"#side-{s}").render()) for s in "ab")
        assert "the new organization plans to conduct additional regional" in side_a
        assert "the new body plans to hold more regional" in side_b
        await pilot.press("y")
        await settle(app)
        assert screen.pairs == []
        assert confirmed_pair(corpus_db, pair.a, pair.b) == "confirmed"
        await pilot.press("u")
        await settle(app)
        assert screen.pairs == [pair]
        assert confirmed_pair(corpus_db, pair.a, pair.b) == "suggested"
        await pilot.press("j")
        assert "Pair 3 of 3" in header_of(screen)
        await pilot.press("x")
        await settle(app)
        assert screen.pairs == [] and len(screen.families) == 2
        await pilot.press("escape")
        await settle(app)
        assert isinstance(app.screen, QueueScreen)
        assert "0 suggestions and 2 families waiting" in str(
            app.screen.query_one("#header").render()
        )
    assert confirmed_pair(corpus_db, pair.a, pair.b) == "rejected"


def confirmed_pair(db: Database, a: int, b: int) -> str | None:
    with db.session() as session:
        return session.scalar(
            select(ClaimPair.state).where(ClaimPair.claim_a_id == a, ClaimPair.claim_b_id == b)
        )


async def test_families_are_decided_once_with_y_and_x_and_undone_with_u(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_duplicates(app, pilot)
        first, second = screen.families
        assert {first.canonical_text[:40], second.canonical_text[:40]} == {
            "The official Xinhua news agency said tha",
            "The group was formally introduced on Tue",
        }
        header = header_of(screen)
        assert f"Family {first.id} (1 of 3) · 2 claims in 2 documents, 2 variants" in header
        canonical, variants = (str(screen.query_one(f"#side-{s}").render()) for s in "ab")
        assert (
            "Canonical (earliest)" in canonical
            and "corpus/wic_universal_cyberspace.txt" in canonical
        )
        for variant in first.variants:
            assert variant.differs in variants
        assert "1 claim in 1 document" in variants and "corpus/wire/copy.txt" in variants

        await pilot.press("y")
        await settle(app)
        assert screen.families == [second]
        assert f"Family {second.id} (1 of 2)" in header_of(screen)
        await pilot.press("x")
        await settle(app)
        assert screen.families == []
        assert clusters.get_family(corpus_db, second.id).status == "variants"
        await pilot.press("u")
        await settle(app)
        assert [f.id for f in screen.families] == [second.id]
        assert clusters.get_family(corpus_db, second.id).status == "unreviewed"
        await pilot.press("x")
        await settle(app)
        assert screen.families == []
        await pilot.press("escape")
        await settle(app)
        assert "1 suggestion and 0 families waiting" in str(
            app.screen.query_one("#header").render()
        )
    # The first family's claims are one claim now: one cluster, no family.
    members = {m.claim_id for m in first.members}
    (joined,) = [
        c for c in clusters.list_clusters(corpus_db) if {m.claim_id for m in c.members} & members
    ]
    assert {m.claim_id for m in joined.members} == members
    assert [f.id for f in clusters.list_families(corpus_db)] == [second.id]
    assert clusters.get_family(corpus_db, second.id).status == "variants"


async def test_help_lists_every_key_and_the_palette_every_action(
    app_factory: Callable[[], ReviewApp],
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        commands = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Status", "Link", "Note", "Undo", "Next unreviewed", "Search", "Filters",
                "Duplicates", "Help", "Quit", "Open",
                "Status of the whole cluster"} <= commands  # fmt: skip
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#keys").render())
        for key, action in [("/", "Search"), ("f", "Filters"), ("s", "Status"), ("l", "Link"),
                            ("n", "Note"), ("u", "Undo"), ("space", "Next unreviewed"),
                            ("d", "Duplicates"), ("y", "Same claim"), ("x", "Different"),
                            ("q", "Quit"), ("Ctrl+P", "command palette"),
                            ("S", "status of the whole cluster"),
                            ("L", "remove a link")]:  # fmt: skip
            assert key in text and action in text
        await pilot.press("escape")
        assert isinstance(app.screen, QueueScreen)
        # The palette runs an action by name: "Status" opens the status picker.
        await pilot.press("ctrl+p")
        await settle(app)
        await pilot.press(*"Status")
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        picker = app.screen.query_one(StatusPicker)
        assert picker.display and app.focused is picker.query_one("#narrow")
        await pilot.press("escape")
        assert not picker.display and app.focused is queue_screen(app).table
        await pilot.press("q")
    assert app.return_code == 0


def test_a_family_shows_its_text_and_documents_literally() -> None:
    said = "Officials said [bold]{n}[/bold] died, $HOME and \x1b[31mred\x07 stayed."
    first, second = said.format(n=107), said.format(n=328)
    family = FamilyView(
        id=1,
        status="unreviewed",
        canonical_claim_id=1,
        canonical_text=first,
        size=2,
        variants=(
            VariantView("said [bold]107[/bold]", (1,), ("[red]a.txt",)),
            VariantView("said [bold]328[/bold]", (2,), ("b.txt",)),
        ),
        members=(
            MemberView(1, "[red]a.txt", 0, first, "lone", ()),
            MemberView(2, "b.txt", 0, second, "lone", ()),
        ),
    )
    screen = SuggestionsScreen()
    canonical, variants = screen.canonical(family), screen.variants(family)
    for shown in (canonical.plain, variants.plain):
        assert "Officials said [bold]107[/bold] died, $HOME and" in shown
        assert "[red]a.txt" in shown
        assert "\x1b" not in shown and "\x07" not in shown
    assert "said [bold]328[/bold]  1 claim in 1 document" in variants.plain
    # Only the word that differs is marked, in both panes.
    for text in (canonical, variants):
        changed = {text.plain[s.start : s.end] for s in text.spans if s.style == CHANGED}
        assert changed <= {"[bold]107[/bold]", "[bold]328[/bold]"} and changed


def test_a_variant_run_by_many_outlets_names_the_first_few() -> None:
    said = "The storm killed {n} people across the coastal province on Tuesday night."
    outlets = tuple(f"outlet{n}.txt" for n in range(8))
    members = (
        MemberView(1, "first.txt", 0, said.format(n=107), "lone", ()),
        *(MemberView(2 + n, d, 0, said.format(n=328), "lone", ()) for n, d in enumerate(outlets)),
    )
    family = FamilyView(
        id=1,
        status="unreviewed",
        canonical_claim_id=1,
        canonical_text=said.format(n=107),
        size=len(members),
        variants=(
            VariantView("killed 328", tuple(range(2, 10)), outlets),
            VariantView("killed 107", (1,), ("first.txt",)),
        ),
        members=members,
    )
    shown = SuggestionsScreen().variants(family).plain
    assert "killed 328  8 claims in 8 documents" in shown
    assert "outlet0.txt, outlet1.txt, outlet2.txt, outlet3.txt, outlet4.txt, and 3 more" in shown
    assert "outlet5.txt" not in shown
