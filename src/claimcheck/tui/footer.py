"""The footer: the keys that apply, drawn as one line of text.

Textual's Footer is a dozen widgets (one a key), composed again, mounted and styled
whenever the keys shown change, which is on most changes of focus: opening the status
picker or a dialog, or leaving the search box, cost more in the footer than in the
action. This one draws the same keys, in the same colours, as one line, and draws it
again only when the keys shown change. A click on a key presses it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

Shown = tuple[tuple[Binding, bool], ...]


def shown_keys(screen: Screen[object]) -> tuple[Shown, tuple[Binding, bool] | None]:
    """The bindings the footer shows (one an action, the first key bound to it) and
    whether each is enabled; then the command palette's, shown apart on the right."""
    bindings = screen.active_bindings
    seen: set[str] = set()
    shown = []
    for _node, binding, enabled, _tooltip in bindings.values():
        if binding.show and binding.action not in seen:
            seen.add(binding.action)
            shown.append((binding, enabled))
    palette = bindings.get(screen.app.COMMAND_PALETTE_BINDING)
    return tuple(shown), None if palette is None else (palette[1], palette[2])


class KeyFooter(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--palette",
    }
    # The colours of Textual's Footer.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--palette {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.shown: tuple[Shown, tuple[Binding, bool] | None] = ((), None)
        # Where each key is drawn, for clicks: (first cell, end, key).
        self.places: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not (self.is_attached and screen is self.screen):
            return
        shown = shown_keys(screen)
        if shown != self.shown:
            self.shown = shown
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        said_style = self.get_component_rich_style("key-footer--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        shown, palette = self.shown
        self.places = []

        def add(binding: Binding, enabled: bool, before: str = " ") -> None:
            start, dim = line.cell_len, Style(dim=not enabled)
            line.append(f"{before}{self.app.get_key_display(binding)} ", key_style + dim)
            line.append(f"{binding.description} ", said_style + dim)
            self.places.append((start, line.cell_len, binding.key.split(",")[0].strip()))

        for binding, enabled in shown:
            add(binding, enabled)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            width = 2 + len(self.app.get_key_display(palette[0])) + len(palette[0].description)
            line.truncate(max(0, self.size.width - width - 1), pad=True)
            line.append("▏", self.get_component_rich_style("key-footer--palette"))
            add(*palette, before="")
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self.places:
            if start <= event.x < end:
                self.app.simulate_key(key)
