"""The queue: every claim in triage order, loaded a keyset page at a time."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from claimcheck.core.collector import freeze_more
from claimcheck.services import claim_texts
from claimcheck.services import queue as queue_service
from claimcheck.services.database import Database
from claimcheck.services.queue import QueueCounts, QueueFilter, QueuePage, QueueRow
from claimcheck.tui import messages
from claimcheck.tui.actions import CLAIM_BINDINGS, ClaimActions, Current
from claimcheck.tui.footer import KeyFooter
from claimcheck.tui.queue_table import QueueTable
from claimcheck.tui.screens.dialogs import StatusPicker
from claimcheck.tui.text import literal

# Texts read at once, past which what is alive is frozen: the first read at any size that
# matters, not the few claims an ingest beside the app adds between searches.
_FREEZE_AFTER = 10_000


def left_to_do(row: QueueRow) -> tuple[int, int]:
    """What the row adds to the header's counts: unreviewed, and unattributed among them."""
    unreviewed = row.kind == "claim" and row.status == "unreviewed"
    return int(unreviewed), int(unreviewed and "unattributed" in row.flags)


def recount(counts: QueueCounts, old: QueueRow, new: QueueRow) -> QueueCounts:
    """The counts after `old` became `new`, without counting every claim again."""
    (was_left, was_unattributed), (left, unattributed) = left_to_do(old), left_to_do(new)
    return dataclasses.replace(
        counts,
        unreviewed=counts.unreviewed - was_left + left,
        unattributed=counts.unattributed - was_unattributed + unattributed,
    )


class QueueScreen(ClaimActions):
    AUTO_FOCUS = "#queue"
    PAGE_SIZE = queue_service.PAGE
    # Rows read first from either end of the queue: a screen and a half on a tall terminal.
    SCREENFUL = 60
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("slash", "search", "Search", id="search"),
        Binding("f", "filters", "Filters", id="filters"),
        *CLAIM_BINDINGS,
        Binding("escape", "clear_search", "Clear search", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.where = QueueFilter()
        # More rows after those loaded; rows before the first one shown (after End).
        self.more = False
        self.earlier = False
        # Not `loading`: that is Textual's reactive, which covers the whole screen with a
        # loading indicator (mounted, laid out and removed again) for every fetch.
        self.fetching = False
        # A first screenful is on its way to the screen: the rest of its page waits.
        self.held = False
        self.shown_once = False
        self.generation = 0
        self.counts: QueueCounts | None = None
        # Counting scans every claim: one count at a time.
        self.counting = False
        self.ready = False
        # Set when space reached the end of what is loaded: look again after the next page.
        self.seeking_unreviewed = False
        # A search was applied: the table takes the focus with its first rows.
        self.focus_on_load = False

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        yield StatusPicker()
        yield Input(placeholder="Search claim text and source names", id="search")
        yield QueueTable(id="queue")
        yield Static(id="empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        self.query_one("#search", Input).cursor_blink = self.review_app.cursor_blink
        self.show_header()

    @property
    def table(self) -> QueueTable:
        return self.query_one("#queue", QueueTable)

    @property
    def order(self) -> list[int]:
        """Claim ids in table order: row i of the table is order[i]."""
        return [row.id for row in self.table.rows]

    def on_database_ready(self, _message: messages.DatabaseReady) -> None:
        self.ready = True
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (a new filter or search)."""
        self.generation += 1
        # A screenful first, to be on screen soonest; the rest of a page follows it.
        where, size = self.where, self.SCREENFUL
        self.fetch("first", lambda db: queue_service.page(db, where, size=size))

    def fetch(
        self,
        place: Literal["first", "next", "last", "before"],
        read: Callable[[Database], QueuePage],
    ) -> None:
        self.fetching = True
        generation = self.generation
        self.review_app.database_work(
            self,
            read,
            lambda page: messages.QueuePageLoaded(generation, page, place),
            # Not exclusive: a thread runs to its end anyway, a stale page is dropped by
            # its generation, and cancelling a worker that had just posted its page (the
            # rest of a first page follows it at once) failed it.
            group="queue",
            failed=messages.QueueReadFailed(generation),
        )

    def _drawn(self) -> None:
        if not self.shown_once:
            self.shown_once = True
            # Start-up is over: what it made (screens, styles, caches) stays for the whole
            # run, and each full pass of the collector walked it again, a pause of 40-50 ms
            # on a key now and then at 100k claims.
            freeze_more()
        self.held = False
        self.load_more()

    def load_more(self) -> None:
        if self.fetching or self.held or not self.more or not self.table.rows:
            return
        where, size = self.where, self.PAGE_SIZE
        last = self.table.rows[-1]
        self.fetch("next", lambda db: queue_service.page(db, where, after=last.key, size=size))

    def load_earlier(self) -> None:
        if self.fetching or not self.earlier or not self.table.rows:
            return
        where, size = self.where, self.PAGE_SIZE
        first = self.table.rows[0]
        self.fetch(
            "before", lambda db: queue_service.last_page(db, where, before=first.key, size=size)
        )

    def on_queue_page_loaded(self, message: messages.QueuePageLoaded) -> None:
        if message.generation != self.generation:
            return
        table = self.table
        if message.place in ("first", "last"):
            fresh = list(message.page.rows)
        else:
            fresh = [row for row in message.page.rows if table.index_of(row.id) is None]
        if message.place == "first":
            self.more, self.earlier = message.page.more, False
            table.set_rows(fresh)
        elif message.place == "next":
            self.more = message.page.more
            table.extend(fresh)
        elif message.place == "last":
            self.more, self.earlier = False, message.page.more
            table.set_rows(fresh, cursor=len(fresh) - 1, top=len(fresh))
        else:
            # The earlier rows go in front; the cursor stays on its claim, on its line.
            self.earlier = message.page.more
            top = round(table.scroll_y) + len(fresh)
            cursor = table.cursor_row + len(fresh)
            table.set_rows(fresh + table.rows, cursor=cursor, top=top)
        self.fetching = False
        self._take_focus()
        if self.counts is None:
            # Counting scans every claim: only once the first rows are on screen.
            table.when_drawn(self.count)
        self.show_empty()
        if message.place == "first" and self.more:
            # That was a screenful: the rest of a page is read behind it once it is on
            # screen (a worker started at once held the frame back: its Python work
            # shares the interpreter with the drawing).
            self.held = True
            table.when_drawn(self._drawn)
        if self.seeking_unreviewed:
            self.seeking_unreviewed = False
            self.action_next_unreviewed()

    def count(self) -> None:
        if self.counts is None and not self.counting:
            self.counting = True
            self.review_app.database_work(
                self,
                queue_service.counts,
                messages.CountsLoaded,
                group="counts",
                failed=messages.QueueReadFailed(self.generation, counts=True),
            )

    def on_counts_loaded(self, message: messages.CountsLoaded) -> None:
        self.counting = False
        self.counts = message.counts
        self.show_header()

    def on_queue_read_failed(self, message: messages.QueueReadFailed) -> None:
        # The app has said what went wrong; the next key may read again.
        if message.counts:
            self.counting = False
        elif message.generation == self.generation:
            self.fetching = False
            self.seeking_unreviewed = False
            self._take_focus()

    def on_rows_changed(self, message: messages.RowsChanged) -> None:
        for row in message.rows:
            at = self.table.index_of(row.id)
            if at is None:
                continue
            old = self.table.rows[at]
            if self.counts is not None:
                self.counts = recount(self.counts, old, row)
            self.table.patch(row)
        self.status_picker().settle()
        self.show_header()

    def show_header(self) -> None:
        parts = [f"Reviewer {self.review_app.reviewer}"]
        if self.counts is not None:
            c = self.counts
            parts.append(
                f"{c.unreviewed} unreviewed · {c.unattributed} unattributed · "
                f"{c.suggestions} suggestion{'s' * (c.suggestions != 1)} and "
                f"{c.families} famil{'y' if c.families == 1 else 'ies'} waiting"
            )
        shown = self.where.describe()
        if shown:
            parts.append(f"showing {shown}")
        # One line high whatever it says: no new layout of the screen.
        self.query_one("#header", Static).update(literal("  ·  ".join(parts)), layout=False)

    def show_empty(self) -> None:
        # Only what changes: showing or hiding the notice lays the screen out again.
        empty = self.query_one("#empty", Static)
        if empty.display != (not self.table.rows):
            empty.display = not self.table.rows
        said = "No claims match." if self.where.describe() else "No claims yet."
        if empty.display and str(empty.content) != said:
            empty.update(said)

    @on(QueueTable.Moved, "#queue")
    def _near_end(self, _event: QueueTable.Moved) -> None:
        # Fetch the next page when the cursor is within a fifth of a page of the end of
        # what is loaded, the one before when it nears the top. (The cursor as it is
        # now: the message may come from before the rows changed.)
        cursor = self.table.cursor_row
        if cursor >= self.table.row_count - self.PAGE_SIZE // 5:
            self.load_more()
        elif cursor < self.SCREENFUL // 4:
            self.load_earlier()

    def action_first_row(self) -> None:
        """Home: the first claim of the queue."""
        if self.earlier:
            self.reload()
        else:
            self.table.move_cursor(row=0)

    def action_last_row(self) -> None:
        """End: the last claim of the whole queue, read from the end if it is not loaded."""
        if self.more:
            self.generation += 1
            where, size = self.where, self.SCREENFUL
            self.fetch("last", lambda db: queue_service.last_page(db, where, size=size))
            return
        self.table.move_cursor(row=self.table.row_count - 1)

    @on(QueueTable.Selected, "#queue")
    def _selected(self, _event: QueueTable.Selected) -> None:
        self.action_open()

    def current_claim(self) -> Current | None:
        table = self.table
        if not 0 <= table.cursor_row < table.row_count:
            return None
        row = table.rows[table.cursor_row]
        return Current(row.id, row.version, row.status, row.cluster)

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_open(self) -> None:
        from claimcheck.tui.screens.detail import DetailScreen

        current = self.current_claim()
        if current is not None:
            self.app.push_screen(DetailScreen(current.id, self))

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()
        if self.ready:
            # The claims' texts are read (the first time, a few hundred ms at 100k
            # claims) while the term is typed, rather than once Enter is pressed.
            db = self.review_app.db

            def read_texts() -> None:
                # Reading 100k rows brought the collector's next full pass near, which then
                # landed on the next key or two (50-130 ms at 100k claims): what is alive
                # now is left out of its passes, as what start-up made is. Only after a
                # large read: a freeze also keeps whatever garbage is waiting for ever.
                if claim_texts.warm(db) >= _FREEZE_AFTER:
                    freeze_more()

            self.app.run_worker(read_texts, thread=True, group="texts", exit_on_error=False)

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        self.where = dataclasses.replace(self.where, search=event.value.strip() or None)
        # Not at once: the table's focus redraws every line of it (the cursor's colours)
        # in a frame of its own, which took the interpreter from the search as it ran; with
        # the search's rows, the table is redrawn once. Until then keys typed on go to the
        # screen's bindings, not into the term.
        self.set_focus(None)
        self.focus_on_load = True
        self.show_header()
        self.reload()

    def _take_focus(self) -> None:
        if self.focus_on_load:
            self.focus_on_load = False
            self.table.focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        had_search = self.where.search is not None
        search.value = ""
        search.display = False
        self.focus_on_load = False
        self.table.focus()
        if had_search:
            self.where = dataclasses.replace(self.where, search=None)
            self.show_header()
            self.reload()

    def action_filters(self) -> None:
        from claimcheck.tui.screens.dialogs import FilterScreen

        def chosen(where: QueueFilter | None) -> None:
            if where is not None:
                self.where = dataclasses.replace(where, search=self.where.search)
                self.show_header()
                self.reload()

        self.app.push_screen(FilterScreen(self.where), chosen)

    def action_next_unreviewed(self) -> None:
        following = self.next_unreviewed_row(self.table.cursor_row + 1)
        if following is not None:
            self.table.move_cursor(row=following)
        elif self.more:
            self.seeking_unreviewed = True
            self.load_more()
        else:
            self.notify("No unreviewed claim below this one.")

    def next_unreviewed_row(self, start: int) -> int | None:
        """The table row of the next unreviewed claim from `start`, among those loaded."""
        rows = self.table.rows
        for index in range(start, len(rows)):
            if rows[index].status == "unreviewed":
                return index
        return None

    def next_unreviewed_after(self, claim_id: int) -> int | None:
        """For the detail screen: the claim id of the next unreviewed row after `claim_id`."""
        at = self.table.index_of(claim_id)
        if at is None:
            return None
        found = self.next_unreviewed_row(at + 1)
        if found is None:
            return None
        self.table.move_cursor(row=found)
        return self.table.rows[found].id
