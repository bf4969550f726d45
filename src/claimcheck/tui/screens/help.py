"""Every key, from the same binding lists the screens use."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

# The keys the widgets bring with them (the queue's table, scrolling, the palette).
MOVING = [
    ("↑ ↓ / j k", "move"),
    ("PgUp PgDn", "page"),
    ("Home End", "first / last loaded row (more load as you go)"),
    ("Enter", "open the claim"),
    ("Esc", "back (on the queue: clear the search)"),
    ("Ctrl+P", "command palette: every action, by name"),
    ("Ctrl+Q", "quit"),
]


def key_name(binding: Binding) -> str:
    names = {"slash": "/", "question_mark": "?", "space": "space", "escape": "Esc"}
    return ", ".join(names.get(key, key) for key in binding.key.split(","))


def bindings_table() -> Table:
    from claimcheck.tui.actions import CLAIM_BINDINGS
    from claimcheck.tui.app import ReviewApp
    from claimcheck.tui.screens.queue import QueueScreen
    from claimcheck.tui.screens.suggestions import SuggestionsScreen

    table = Table(show_header=True, box=None, padding=(0, 2))
    table.add_column("key", style="bold")
    table.add_column("action")
    for keys, what in MOVING:
        table.add_row(keys, what)
    groups: list[tuple[str, list[Binding]]] = [
        ("Queue", [b for b in QueueScreen.BINDINGS if isinstance(b, Binding) and b.show]),
        ("Queue and detail", CLAIM_BINDINGS),
        (
            "Duplicate suggestions",
            [b for b in SuggestionsScreen.BINDINGS if isinstance(b, Binding)],
        ),
        ("Everywhere", [b for b in ReviewApp.BINDINGS if isinstance(b, Binding)]),
    ]
    for title, bindings in groups:
        table.add_row("", "")
        table.add_row(Text(title, style="underline"), "")
        for binding in bindings:
            if binding.description:
                table.add_row(key_name(binding), binding.description)
    table.add_row("", "")
    table.add_row(Text("Status picker", style="underline"), "")
    table.add_row("type, Enter", "narrow the list, pick the highlighted status")
    table.add_row(
        "1-7", "unreviewed, in_review, needs_source, corroborated, disputed, false, unverifiable"
    )
    table.add_row("", "")
    table.add_row(Text("Note", style="underline"), "")
    table.add_row("Ctrl+S / Esc", "save / cancel")
    return table


class HelpScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("question_mark", "close", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text("Keys", style="bold"))
            yield Static(bindings_table())
        yield Footer()

    def action_close(self) -> None:
        self.app.pop_screen()
