"""Every key, from the same binding lists the screens use."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from claimcheck.core.vocabulary import STATUSES
from claimcheck.tui.footer import KeyFooter

# The keys the widgets bring with them (the queue's table, scrolling, the palette).
MOVING = [
    ("↑ ↓ / j k", "move"),
    ("PgUp PgDn", "page"),
    ("Home End", "first / last claim of the queue"),
    ("Enter", "open the claim"),
    ("Esc", "back (on the queue: clear the search)"),
    ("Ctrl+P", "command palette: every action, by name"),
    ("Ctrl+Q", "quit"),
]


STATUS_PICKER = [
    ("type, Enter", "narrow the list, pick the highlighted status"),
    ("1-7", ", ".join(STATUSES)),
]


def key_name(binding: Binding) -> str:
    names = {"slash": "/", "question_mark": "?", "space": "space", "escape": "Esc"}
    return ", ".join(names.get(key, key) for key in binding.key.split(","))


def bindings_text() -> Text:
    from claimcheck.tui.actions import CLAIM_BINDINGS
    from claimcheck.tui.app import ReviewApp
    from claimcheck.tui.screens.queue import QueueScreen
    from claimcheck.tui.screens.suggestions import SuggestionsScreen

    def shown(bindings: list[BindingType]) -> list[tuple[str, str]]:
        return [
            (key_name(b), b.description)
            for b in bindings
            if isinstance(b, Binding) and b.show and b.description
        ]

    groups: list[tuple[str, list[tuple[str, str]]]] = [
        ("Moving", MOVING),
        ("Queue", shown(QueueScreen.BINDINGS)),
        ("Queue and detail", [*shown(list(CLAIM_BINDINGS)), ("S", "status of the whole cluster")]),
        ("Detail", [("L", "remove a link")]),
        ("Duplicates: pairs and families of variants", shown(SuggestionsScreen.BINDINGS)),
        ("Everywhere", shown(ReviewApp.BINDINGS)),
        ("Status picker", STATUS_PICKER),
        ("Note", [("Ctrl+S / Esc", "save / cancel")]),
    ]
    text = Text()
    for title, rows in groups:
        text.append(f"{title}\n", style="underline")
        for key, what in rows:
            text.append(f"  {key:<14}", style="bold")
            text.append(f"{what}\n")
        text.append("\n")
    return text


class HelpScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("question_mark", "close", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text("Keys", style="bold"))
            yield Static(bindings_text(), id="keys")
        yield KeyFooter()

    def action_close(self) -> None:
        self.app.pop_screen()
