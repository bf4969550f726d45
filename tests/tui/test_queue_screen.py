"""The queue, search, filters, suggestions and help, driven by keys as a reviewer would."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.text import Text
from sqlalchemy import select
from textual.pilot import Pilot

from claimcheck.services import queue
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import ClaimPair
from claimcheck.tui.app import ReviewApp, make_app
from claimcheck.tui.screens.dialogs import StatusPicker
from claimcheck.tui.screens.help import HelpScreen
from claimcheck.tui.screens.queue import QueueScreen
from claimcheck.tui.screens.suggestions import SuggestionsScreen
from tests.tui.conftest import REVIEWER

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


@pytest.fixture(autouse=True)
def _one_page_holds_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    # The corpus has more claims than a page: these tests look at the whole queue at once
    # (paging has its own test, with pages of 40).
    monkeypatch.setattr(QueueScreen, "PAGE_SIZE", 1000)


def shown(screen: QueueScreen) -> list[int]:
    return list(screen.order)


def cell(screen: QueueScreen, claim_id: int, column: str) -> str:
    value = screen.table.get_cell(str(claim_id), column)
    assert isinstance(value, Text)
    return value.plain


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
        assert f"{counts.suggestions} suggestions waiting" in header
        assert counts.suggestions > 0
        first = expected[0]
        assert cell(screen, first, "status") == "unreviewed"
        assert cell(screen, first, "flags") == "unattributed"
        assert cell(screen, first, "text").startswith("China has one billion internet users")
        await pilot.press("j", "j", "down")
        assert screen.current_claim().id == expected[3]  # type: ignore[union-attr]
        await pilot.press("k")
        assert screen.current_claim().id == expected[2]  # type: ignore[union-attr]
        await pilot.press("end")
        assert screen.current_claim().id == expected[-1]  # type: ignore[union-attr]
        await pilot.press("home")
        assert screen.current_claim().id == expected[0]  # type: ignore[union-attr]
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


async def test_pages_load_as_the_cursor_nears_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QueueScreen, "PAGE_SIZE", 40)
    rng = random.Random(7)
    words = ["".join(rng.choices("bdfgklmnprstvz", k=5)) for _ in range(400)]
    sentences = [" ".join(rng.choices(words, k=9)).capitalize() + "." for _ in range(100)]
    (tmp_path / "long.txt").write_text(" ".join(sentences), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'long.db'}"
    db = open_database(url)
    ingest(db, [tmp_path / "long.txt"])
    db.close()
    app = make_app(url, REVIEWER, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = queue_screen(app)
        assert len(screen.order) == 40
        await pilot.press("end")
        await settle(app)
        assert len(screen.order) == 80
        await pilot.press("end")
        await settle(app)
        assert len(screen.order) == 100 == len(set(screen.order))
        assert not screen.more


async def test_duplicate_suggestions_are_decided_with_y_and_x(
    app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("d")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, SuggestionsScreen)
        # Every pair the corpus holds waits, most likely first; the first two are decided.
        first, second, *rest = screen.pairs
        total = len(rest) + 2
        assert f"Pair 1 of {total}" in str(screen.query_one("#pair-header").render())
        assert str(screen.query_one("#side-a").render()).count("20") >= 1
        await pilot.press("y")
        await settle(app)
        assert screen.pairs == [second, *rest]
        assert f"Pair 1 of {total - 1}" in str(screen.query_one("#pair-header").render())
        await pilot.press("x")
        await settle(app)
        assert screen.pairs == rest
        if not rest:
            assert "No suggestions waiting." in str(screen.query_one("#pair-header").render())
        await pilot.press("u")
        await settle(app)
        assert screen.pairs == [second, *rest]
        await pilot.press("x")
        await settle(app)
        assert screen.pairs == rest
        await pilot.press("escape")
        await settle(app)
        assert isinstance(app.screen, QueueScreen)
        header = str(app.screen.query_one("#header").render())
        assert f"{len(rest)} suggestions waiting" in header
    with corpus_db.session() as session:
        states = dict(
            ((a, b), state)
            for a, b, state in session.execute(
                select(ClaimPair.claim_a_id, ClaimPair.claim_b_id, ClaimPair.state)
            )
        )
    assert states[(first.a, first.b)] == "confirmed"
    assert states[(second.a, second.b)] == "rejected"


async def test_help_lists_every_key_and_the_palette_every_action(
    app_factory: Callable[[], ReviewApp],
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        commands = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Status", "Link", "Note", "Undo", "Next unreviewed", "Search", "Filters",
                "Duplicates", "Help", "Quit", "Open"} <= commands  # fmt: skip
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#keys").render())
        for key, action in [("/", "Search"), ("f", "Filters"), ("s", "Status"), ("l", "Link"),
                            ("n", "Note"), ("u", "Undo"), ("space", "Next unreviewed"),
                            ("d", "Duplicates"), ("y", "Same claim"), ("x", "Different"),
                            ("q", "Quit"), ("Ctrl+P", "command palette")]:  # fmt: skip
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
        assert isinstance(app.screen, StatusPicker)
        await pilot.press("escape", "q")
    assert app.return_code == 0
