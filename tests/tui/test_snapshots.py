"""How the screens look, compared with reviewed SVG snapshots.

Stable from run to run: a fixed terminal size, relative document paths, a fixed reviewer,
no clock, the cursor not blinking, and the screenshot taken once every worker is done.
Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from textual.pilot import Pilot

from claimcheck.services.database import Database
from claimcheck.store.models import Claim
from claimcheck.tui.app import ReviewApp

SIZE = (140, 40)
Compare = Callable[..., bool]


def keys(*pressed: str) -> Callable[[Pilot[Any]], Any]:
    async def run(pilot: Pilot[Any]) -> None:
        for _ in range(4):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            for _ in range(3):
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()

    return run


def test_queue(snap_compare: Compare, app_factory: Callable[[], ReviewApp]) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys())


def test_detail_of_the_scmp_claim(
    snap_compare: Compare, app_factory: Callable[[], ReviewApp], corpus_db: Database
) -> None:
    with corpus_db.session() as session:
        (scmp,) = session.scalars(
            select(Claim.id).where(Claim.text.contains("as per a report from SCMP"))
        ).all()
    app = app_factory()

    async def open_scmp(pilot: Pilot[Any]) -> None:
        await keys()(pilot)
        from claimcheck.tui.screens.detail import DetailScreen

        await pilot.app.push_screen(DetailScreen(scmp))
        await keys()(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_scmp)


def test_duplicate_suggestions(snap_compare: Compare, app_factory: Callable[[], ReviewApp]) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("d"))


def test_help(snap_compare: Compare, app_factory: Callable[[], ReviewApp]) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE, run_before=keys("question_mark"))
