"""The footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (a dozen widgets, styled anew) on every bindings update, and
one comes with every change of focus: opening a dialog or leaving a search box cost more
than the action itself. The keys shown rarely change, so the rebuild is skipped when they
are the same.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str], ...]


def shown_keys(screen: Screen[object]) -> Shown:
    return tuple(
        (key, binding.description, binding.action, enabled, tooltip)
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show
    )


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self.shown: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)
            return
        shown = shown_keys(screen)
        if shown != self.shown:
            self.shown = shown
            super().bindings_changed(screen)
