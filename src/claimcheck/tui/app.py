"""The review app: screens on top, every database call in a thread worker below.

Workers live on the App (a popped screen would cancel its own) and each opens its own
session through the services, returns plain dataclasses, and posts a message to the
widget that asked. One handler turns a failed worker into a notice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from claimcheck.errors import ClaimcheckError, Conflict
from claimcheck.services import claim_texts, review
from claimcheck.services import queue as queue_service
from claimcheck.services.database import Database, open_database
from claimcheck.services.faults import describe
from claimcheck.tui import messages
from claimcheck.tui.commands import screen_commands

T = TypeVar("T")


class ReviewApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "claimcheck review"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("d", "suggestions", "Duplicates", id="suggestions"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, db_url: str, reviewer: str, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.db_url = db_url
        self.reviewer = reviewer
        self.cursor_blink = cursor_blink
        # Undo reaches back to this moment only: the reviewer's own actions in this run.
        self.started = dt.datetime.now(dt.UTC)
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            raise ClaimcheckError("the database is not open yet: try again in a moment")
        return self._db

    def on_mount(self) -> None:
        from claimcheck.tui.screens.queue import QueueScreen

        self.push_screen(QueueScreen())
        self.run_worker(self._open, thread=True, group="open", exit_on_error=False)

    def _open(self) -> None:
        self._db = open_database(self.db_url)
        self.screen_stack[1].post_message(messages.DatabaseReady())

    def on_unmount(self) -> None:
        if self._db is not None:
            # Not left to the collector: the program freezes what it has loaded, this
            # database object among them, and the texts would stay as long as it.
            claim_texts.forget(self._db)
            self._db.close()

    def database_work(
        self,
        target: MessagePump,
        job: Callable[[Database], T],
        reply: Callable[[T], Message],
        *,
        group: str,
        exclusive: bool = False,
        failed: Message | None = None,
    ) -> None:
        """Run `job` in a thread; post `reply(result)` to `target` (dropped if it has gone),
        or `failed` if the job raises (the error itself is reported by `fault`)."""

        def run() -> None:
            try:
                result = job(self.db)
            except Exception:
                if failed is not None:
                    target.post_message(failed)
                raise
            target.post_message(reply(result))

        self.run_worker(run, thread=True, group=group, exclusive=exclusive, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        self.fault(event.worker.error)

    def refresh_claims(self, claim_ids: Iterable[int]) -> None:
        """Reload these claims' rows, and the counts, wherever they are shown."""
        from claimcheck.tui.actions import ClaimActions
        from claimcheck.tui.screens.queue import QueueScreen
        from claimcheck.tui.screens.suggestions import SuggestionsScreen

        ids = list(claim_ids)
        for screen in self.screen_stack:
            if ids and isinstance(screen, ClaimActions):
                self.database_work(
                    screen,
                    lambda db: queue_service.rows(db, ids),
                    messages.RowsChanged,
                    group="rows",
                )
            if isinstance(screen, QueueScreen):
                self.database_work(
                    screen, queue_service.counts, messages.CountsLoaded, group="counts"
                )
            if isinstance(screen, SuggestionsScreen):
                # An undone decision puts its pair or family back among those waiting.
                screen.load()

    def write(self, job: Callable[[Database], tuple[str, tuple[int, ...]]]) -> None:
        """Run a review write, which says what it did and to which claims; the summary
        becomes a notice and the claims' rows, read in the same worker, are patched
        wherever they are shown."""

        def run(db: Database) -> messages.Done:
            summary, claims = job(db)
            rows = tuple(queue_service.rows(db, claims))
            return messages.Done(summary, claims, rows, recount=False)

        self.database_work(self, run, lambda done: done, group="write")

    def undo(self) -> None:
        reviewer, since = self.reviewer, self.started

        def job(db: Database) -> messages.Done:
            result = review.undo_last(db, reviewer=reviewer, since=since)
            undone = result.undone
            claims: tuple[int, ...] = ()
            if undone.entity == "claim" and undone.entity_id:
                claims = (undone.entity_id,)
            elif undone.entity == "cluster" and undone.before:
                # A cluster's status: its members' statuses went back with it.
                claims = tuple(member["id"] for member in undone.before.get("claims") or ())
            elif undone.entity == "family" and undone.before:
                # The family's claims leave (or rejoin) a cluster: their rows change.
                claims = tuple(undone.before.get("members") or ())
            return messages.Done(result.summary, claims)

        self.database_work(self, job, lambda done: done, group="write")

    def on_done(self, message: messages.Done) -> None:
        from claimcheck.tui.actions import ClaimActions

        self.notify(message.summary, markup=False)
        screens = [s for s in self.screen_stack if isinstance(s, ClaimActions)]
        if message.recount or not message.rows:
            for screen in screens:
                screen.status_picker().settle()
            self.refresh_claims(message.claims)
            return
        # A claim's status, links or notes changed: its rows say all there is to show (the
        # status picker closes as they are patched), and the queue counts what is left.
        for screen in screens:
            screen.post_message(messages.RowsChanged(list(message.rows)))

    def fault(self, error: BaseException) -> None:
        from claimcheck.tui.actions import ClaimActions

        self.notify(describe(error), severity="error", timeout=8, markup=False)
        for screen in self.screen_stack:
            if isinstance(screen, ClaimActions):
                screen.status_picker().settle()
        if isinstance(error, Conflict):
            # Another reviewer got there first: show what they saved.
            self.refresh_claims([error.claim_id])

    def action_help(self) -> None:
        from claimcheck.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_suggestions(self) -> None:
        from claimcheck.tui.screens.suggestions import SuggestionsScreen

        if not isinstance(self.screen, SuggestionsScreen):
            self.push_screen(SuggestionsScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from screen_commands(screen)
        yield from super().get_system_commands(screen)


def make_app(db_url: str, reviewer: str, *, cursor_blink: bool = True) -> ReviewApp:
    """The app as `claimcheck review` runs it; tests and the benchmark build it here too."""
    return ReviewApp(db_url, reviewer, cursor_blink=cursor_blink)
