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
    # Not in the footer (it is full): in the help screen and the command palette.
    Binding("S", "cluster_status", "Status of the whole cluster", id="cluster_status", show=False),
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
    cluster: int | None = None


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
                    lambda db: _set_status(db, current, status, self.review_app.reviewer)
                )

        self.status_picker().open(current.status, picked, f"claim {current.id}")

    def action_cluster_status(self) -> None:
        current = self._current_or_say()
        if current is None:
            return
        cluster = current.cluster
        if cluster is None:
            self.notify(f"Claim {current.id} is in no cluster.", severity="warning")
            return

        def picked(status: str | None) -> None:
            if status is not None:
                reviewer = self.review_app.reviewer
                self.review_app.write(lambda db: _set_cluster_status(db, cluster, status, reviewer))

        self.status_picker().open(
            current.status, picked, f"cluster {cluster}, every claim in it", force=True
        )

    def action_link(self) -> None:
        from claimcheck.tui.screens.dialogs import LinkScreen

        current = self._current_or_say()
        if current is None:
            return

        def picked(request: LinkRequest | None) -> None:
            if request is not None:
                self.review_app.write(
                    lambda db: _add_link(db, current, request, self.review_app.reviewer)
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
                    lambda db: _add_note(db, current, text, self.review_app.reviewer)
                )

        self.app.push_screen(NoteScreen(), written)

    def action_undo(self) -> None:
        self.review_app.undo()


Written = tuple[str, tuple[int, ...]]


def _set_status(db: Database, current: Current, status: str, reviewer: str) -> Written:
    review.set_status(db, current.id, status, expected_version=current.version, reviewer=reviewer)
    return f"Claim {current.id}: {current.status} → {status}", (current.id,)


def _set_cluster_status(db: Database, cluster: int, status: str, reviewer: str) -> Written:
    states = review.set_cluster_status(db, cluster, status, reviewer=reviewer)
    claims = tuple(state.id for state in states)
    return f"Cluster {cluster}: {len(claims)} claims → {status}", claims


def _add_link(db: Database, current: Current, request: LinkRequest, reviewer: str) -> Written:
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
    return f"Claim {current.id}: linked, {link.relation} {request.describe()}", (current.id,)


def _add_note(db: Database, current: Current, text: str, reviewer: str) -> Written:
    review.add_note(db, current.id, text, expected_version=current.version, reviewer=reviewer)
    return f"Claim {current.id}: note added", (current.id,)
