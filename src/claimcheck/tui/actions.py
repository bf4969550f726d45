"""The review actions on the claim a screen shows: status, link, note, undo.

Queue and detail both offer them on "their" claim; the writes go through the review
services in a worker, and the app patches whatever shows the claim afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen

from claimcheck.services import review
from claimcheck.services.database import Database

if TYPE_CHECKING:
    from claimcheck.tui.app import ReviewApp
    from claimcheck.tui.screens.dialogs import LinkRequest, StatusPicker

CLAIM_BINDINGS = [
    Binding("s", "status", "Status", id="status"),
    Binding("l", "link", "Link", id="link"),
    Binding("n", "note", "Note", id="note"),
    Binding("u", "undo", "Undo", id="undo"),
    Binding("space", "next_unreviewed", "Next unreviewed", id="next_unreviewed"),
]


@dataclass(frozen=True, slots=True)
class Current:
    """The claim an action applies to, and the version the reviewer is looking at."""

    id: int
    version: int
    status: str


class ClaimActions(Screen[None]):
    """A screen showing one current claim, and the keys that review it."""

    def current_claim(self) -> Current | None:
        raise NotImplementedError

    def status_picker(self) -> StatusPicker:
        from claimcheck.tui.screens.dialogs import StatusPicker

        return self.query_one(StatusPicker)

    @property
    def review_app(self) -> ReviewApp:
        return cast("ReviewApp", self.app)

    def _current_or_say(self) -> Current | None:
        current = self.current_claim()
        if current is None:
            self.notify("No claim is selected.", severity="warning")
        return current

    def action_status(self) -> None:
        current = self._current_or_say()
        if current is None:
            return

        def picked(status: str | None) -> None:
            if status is not None and status != current.status:
                self.review_app.write(
                    lambda db: _set_status(db, current, status, self.review_app.reviewer),
                    (current.id,),
                )

        self.status_picker().open(current.status, picked)

    def action_link(self) -> None:
        from claimcheck.tui.screens.dialogs import LinkScreen

        current = self._current_or_say()
        if current is None:
            return

        def picked(request: LinkRequest | None) -> None:
            if request is not None:
                self.review_app.write(
                    lambda db: _add_link(db, current, request, self.review_app.reviewer),
                    (current.id,),
                )

        self.app.push_screen(LinkScreen(current.id), picked)

    def action_note(self) -> None:
        from claimcheck.tui.screens.dialogs import NoteScreen

        current = self._current_or_say()
        if current is None:
            return

        def written(text: str | None) -> None:
            if text is not None and text.strip():
                self.review_app.write(
                    lambda db: _add_note(db, current, text, self.review_app.reviewer),
                    (current.id,),
                )

        self.app.push_screen(NoteScreen(), written)

    def action_undo(self) -> None:
        self.review_app.undo()


def _set_status(db: Database, current: Current, status: str, reviewer: str) -> str:
    review.set_status(db, current.id, status, expected_version=current.version, reviewer=reviewer)
    return f"Claim {current.id}: {current.status} → {status}"


def _add_link(db: Database, current: Current, request: LinkRequest, reviewer: str) -> str:
    link = review.add_link(
        db,
        current.id,
        relation=request.relation,
        target_claim=request.target_claim,
        target_source=request.target_source,
        url=request.url,
        title=request.title,
        expected_version=current.version,
        reviewer=reviewer,
    )
    return f"Claim {current.id}: linked, {link.relation} {request.describe()}"


def _add_note(db: Database, current: Current, text: str, reviewer: str) -> str:
    review.add_note(db, current.id, text, expected_version=current.version, reviewer=reviewer)
    return f"Claim {current.id}: note added"
