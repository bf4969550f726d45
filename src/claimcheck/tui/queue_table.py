"""The queue's rows, drawn a screen line at a time (Textual's line API).

Textual's DataTable redraws every visible cell when one cell changes or the cursor
moves, and measures every row as it is added; at a few hundred rows each key cost two
to four times what the app itself does. Here only the lines on screen are drawn, each
row's line is kept once drawn, and a move or a patched row redraws the one or two lines
that changed. The rows are the loaded window of the queue (a few pages), so adding a
page costs nothing until it is scrolled into view.

Corpus text goes in as plain `Text` (tui.text), never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimcheck.services.queue import QueueRow
from claimcheck.tui.text import literal, preview

PREVIEW = 160
COLUMNS = (
    ("status", "Status", 12),
    ("flags", "Flags", 12),
    ("source", "Source", 22),
    ("where", "Where", 32),
    ("text", "Claim", PREVIEW),
)
STATUS_STYLE = {
    "unreviewed": "bold",
    "in_review": "cyan",
    "needs_source": "yellow",
    "corroborated": "green",
    "disputed": "magenta",
    "false": "red",
    "unverifiable": "dim",
}
# Lines kept: many screens' worth, cleared whole when full (a page is 300 rows).
KEPT = 4000


def cells(row: QueueRow) -> list[Text]:
    where = f"{row.document.rsplit('/', 1)[-1]}:{row.index}"
    return [
        Text(row.status, style=STATUS_STYLE.get(row.status, "")),
        Text(" ".join(row.flags), style="yellow"),
        literal(row.source or "—"),
        literal(where),
        preview(row.text, PREVIEW),
    ]


class QueueTable(ScrollView, can_focus=True):
    """A header line, then one line a claim; a row cursor. Enter opens the claim."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "queue--header",
        "queue--cursor",
        "queue--even-row",
        "queue--odd-row",
    }
    # The look of Textual's DataTable with zebra stripes and a row cursor, as it is when
    # focused, always: the status picker and the search box take the focus over the
    # queue, and the row they act on stays lit (the whole queue was drawn again twice
    # for each status set, when focus left and came back).
    DEFAULT_CSS = """
    QueueTable {
        background: $surface;
        background-tint: $foreground 5%;
        color: $foreground;
        overflow-x: hidden;
        height: 1fr;
        &:dark > .queue--even-row {
            background: $surface-darken-1 40%;
        }
        & > .queue--header {
            text-style: bold;
            background: $panel;
            background-tint: $foreground 5%;
            color: $foreground;
        }
        &:ansi > .queue--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .queue--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .queue--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="open"),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        # Home and End mean the first and last claim of the whole queue, not of the rows
        # loaded: the screen reads them.
        Binding("home", "screen.first_row", "First", show=False),
        Binding("end", "screen.last_row", "Last", show=False),
    ]

    class _RowMessage(Message):
        """About the cursor's row: the receiver reads it from `control`."""

        def __init__(self, table: QueueTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> QueueTable:
            return self.table

    class Moved(_RowMessage):
        """The cursor is on another row (or the rows changed under it)."""

    class Selected(_RowMessage):
        """Enter (or a click) on the cursor's row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[QueueRow] = []
        self.cursor_row = 0
        self._where: dict[int, int] = {}
        self._lines: dict[tuple[QueueRow, bool, bool, int], Strip] = {}
        self._look: dict[str, Style] = {}
        self._restyled = True
        self._header: Strip | None = None
        self._when_drawn: list[Callable[[], object]] = []

    # The rows.

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def set_rows(self, rows: Sequence[QueueRow], cursor: int = 0, top: int = 0) -> None:
        """Show these rows (the old ones go), the cursor on row `cursor` and row `top`
        at the top of the screen (moved if the cursor would be off screen)."""
        self.rows = list(rows)
        self._where = {row.id: n for n, row in enumerate(self.rows)}
        self._resized()
        self.cursor_row = max(0, min(cursor, len(self.rows) - 1))
        self.scroll_to(y=max(0, top), animate=False, force=True)
        self.scroll_to_cursor()
        self.refresh()
        self.post_message(self.Moved(self))

    def extend(self, rows: Sequence[QueueRow]) -> None:
        """Add rows after the last: lines already on screen stay as they are."""
        start = len(self.rows)
        self.rows.extend(rows)
        self._where.update((row.id, start + n) for n, row in enumerate(rows))
        self._resized()
        self.refresh_lines(start + 1, len(rows))

    def patch(self, row: QueueRow) -> bool:
        """Put the new state of a row shown here in its place; False if it is not shown."""
        at = self._where.get(row.id)
        if at is None:
            return False
        if self.rows[at] != row:
            self.rows[at] = row
            self.refresh_line(at + 1)
        return True

    def index_of(self, claim_id: int) -> int | None:
        return self._where.get(claim_id)

    def cell(self, claim_id: int, column: str) -> Text:
        """What a row shows in a column (by the column's key)."""
        keys = [key for key, _label, _width in COLUMNS]
        return cells(self.rows[self._where[claim_id]])[keys.index(column)]

    # The cursor.

    def move_cursor(self, row: int) -> None:
        """Put the cursor on `row`, scrolling it into view (never animated)."""
        row = max(0, min(row, len(self.rows) - 1))
        if row == self.cursor_row or not self.rows:
            return
        # The old and new cursor lines are the only ones that change, unless it scrolls.
        self.refresh_line(self.cursor_row + 1)
        self.cursor_row = row
        self.refresh_line(row + 1)
        self.scroll_to_cursor()
        self.post_message(self.Moved(self))

    def scroll_to_cursor(self) -> None:
        shown, y = self._shown(), round(self.scroll_y)
        if self.cursor_row < y:
            y = self.cursor_row
        elif self.cursor_row >= y + shown:
            y = self.cursor_row - shown + 1
        if y != round(self.scroll_y):
            self.scroll_to(y=y, animate=False, force=True)

    def _shown(self) -> int:
        """Rows on screen at once (below the header)."""
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_page_down(self) -> None:
        shown = self._shown()
        target = min(self.cursor_row + shown, len(self.rows) - 1)
        # The page scrolls with the cursor, as in a DataTable: the cursor keeps its line.
        self.scroll_to(y=round(self.scroll_y) + shown, animate=False, force=True)
        self.move_cursor(target)

    def action_page_up(self) -> None:
        shown = self._shown()
        self.scroll_to(y=max(0, round(self.scroll_y) - shown), animate=False, force=True)
        self.move_cursor(max(0, self.cursor_row - shown))

    def action_select_cursor(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        row = round(self.scroll_y) + offset.y - 1
        if row >= len(self.rows):
            return
        if row == self.cursor_row:
            self.action_select_cursor()
        else:
            self.move_cursor(row)

    # Drawing.

    def when_drawn(self, callback: Callable[[], object]) -> None:
        """Call `callback` once the table as it is now has been drawn on screen: for work
        that can wait until then (a worker started at once competes with the drawing)."""
        self._when_drawn.append(callback)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        if self._when_drawn:
            waiting, self._when_drawn = self._when_drawn, []
            for callback in waiting:
                # After this frame has gone out, not in the middle of it.
                self.call_next(callback)
        return lines

    def _resized(self) -> None:
        # No wider than the screen: the claim column takes the width that is left.
        size = Size(0, len(self.rows) + 1)
        high = self.scrollable_content_region.height
        if (
            self.virtual_size.height > high
            and size.height > high
            and self.vertical_scrollbar.display
        ):
            # Taller than the screen before and after: only the scrollbar's thumb changes.
            # Setting `virtual_size` would lay the whole screen out again (a page read
            # behind the first screenful, or End, cost a second full redraw).
            self.set_reactive(QueueTable.virtual_size, size)
            self.vertical_scrollbar.window_virtual_size = size.height
            self.vertical_scrollbar.refresh()
        else:
            self.virtual_size = size

    def on_resize(self, _event: events.Resize) -> None:
        self._lines.clear()
        self._header = None
        self._resized()
        self.scroll_to_cursor()

    def notify_style_update(self) -> None:
        # Textual calls this on every change of focus on the screen, the styles the same:
        # the lines kept are dropped only if the colours changed (a new theme), which is
        # known once the styles are computed, when the next line is drawn.
        super().notify_style_update()
        self._restyled = True

    def _check_look(self) -> None:
        # Kept for the lines that follow: working out a widget's style walks its
        # ancestors, a millisecond each time, which every line drawn paid.
        self._restyled = False
        look = {name: self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES}
        look[""] = self.rich_style
        if look != self._look:
            self._look = look
            self._lines.clear()
            self._header = None

    def widths(self, width: int) -> list[int]:
        """Column widths in a table `width` wide: the claim's takes what is left (cells
        off screen cost time)."""
        fixed = [column_width for _key, _label, column_width in COLUMNS[:-1]]
        left = width - sum(w + 2 for w in fixed) - 2
        return [*fixed, max(20, min(PREVIEW, left))]

    def render_line(self, y: int) -> Strip:
        if self._restyled:
            self._check_look()
        width = self.scrollable_content_region.width
        look = self._look
        base = look[""]
        if y == 0:
            if self._header is None or self._header.cell_length != width:
                labels = [Text(label) for _key, label, _width in COLUMNS]
                self._header = self._line(labels, look["queue--header"], width)
            return self._header
        index = round(self.scroll_y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        cursor = index == self.cursor_row
        key = (row, cursor, index % 2 == 0, width)
        strip = self._lines.get(key)
        if strip is None:
            if len(self._lines) >= KEPT:
                self._lines.clear()
            if cursor:
                style = look["queue--cursor"]
                # The cursor's colour wins over the cells' own, as in a DataTable.
                strip = self._line(cells(row), style, width, Style.from_color(style.color))
            else:
                stripe = "queue--odd-row" if index % 2 else "queue--even-row"
                strip = self._line(cells(row), base + look[stripe], width)
            self._lines[key] = strip
        return strip

    def _line(
        self, shown: list[Text], style: Style, width: int, over: Style | None = None
    ) -> Strip:
        # Each cell is one run of text in one style (tui.text makes no spans), so its
        # segment is cut to the column here: rendering a Text of the line through Rich
        # combined the styles of every cell again, two thirds of the line's cost.
        get_style = self.app.console.get_style
        line: list[Segment] = []
        for text, column_width in zip(shown, self.widths(width), strict=True):
            if text.spans:
                cell = text.copy()
                cell.truncate(column_width, overflow="ellipsis", pad=True)
                line.extend([Segment(" "), *cell.render(self.app.console), Segment(" ")])
                continue
            plain = text.plain
            if cell_len(plain) > column_width:
                plain = set_cell_size(plain, column_width - 1) + "…"
            cell_style = get_style(text.style) if text.style else None
            line += [Segment(" "), Segment(set_cell_size(plain, column_width), cell_style)]
            line.append(Segment(" "))
        segments = Segment.apply_style(line, style, over)
        return Strip(segments).adjust_cell_length(width, style).simplify()
