"""The command palette offers every action that the current screen's keys offer."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand
from textual.screen import Screen

# Moving the cursor is what keys are for; the palette lists what changes or opens things.
_MOVES = {"cursor_up", "cursor_down", "page_up", "page_down", "scroll_home", "scroll_end"}


def screen_commands(screen: Screen[object]) -> Iterable[SystemCommand]:
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or binding.action in _MOVES or binding.system:
            continue
        if not active.enabled or binding.action in seen:
            continue
        seen.add(binding.action)
        node = active.node
        action = binding.action

        async def run(node: object = node, action: str = action) -> None:
            await node.run_action(action)  # type: ignore[attr-defined]

        yield SystemCommand(binding.description, f"key: {key}", run)
