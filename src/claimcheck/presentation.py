"""How claims are worded and marked for people, shared by the CLI, the review UI and reports.

Corpus text is data: these functions make control characters visible and never add markup;
each front-end styles the marked pieces in its own way (terminal styles, Textual, HTML).
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 controls, and the bidirectional overrides and isolates, which make a
# terminal show text in another order than it is stored ("Trojan Source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")


def terminal_safe(text: str) -> str:
    """Corpus text shown on a terminal: control characters made visible, never obeyed."""
    return _CONTROL.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """Text folded onto one line (white space kept at its edges, so pieces join up)."""
    return terminal_safe(_SPACE.sub(" ", text))


def sentence_segments(view: Any) -> list[tuple[str, str | None]]:
    """The claim's sentence in pieces, each marked "source", "cue" or None (raw text)."""
    marks: list[tuple[int, int, str]] = []
    for s in view.sources:
        if s.start is not None and s.end is not None and view.start <= s.start < view.end:
            marks.append((s.start, s.end, "source"))
        if s.cue_start is not None and s.cue_end is not None and view.start <= s.cue_start:
            marks.append((s.cue_start, s.cue_end, "cue"))
    pieces: list[tuple[str, str | None]] = []
    cursor = view.start
    for start, end, what in sorted(set(marks)):
        if start < cursor or end > view.end:
            continue
        if start > cursor:
            pieces.append((view.text[cursor - view.start : start - view.start], None))
        pieces.append((view.text[start - view.start : end - view.start], what))
        cursor = end
    if cursor < view.end:
        pieces.append((view.text[cursor - view.start :], None))
    return pieces


def provenance_chain(view: Any) -> str:
    """Who says so, in words: the speakers, then the outlets that relayed them."""

    def how(s: Any) -> str:
        return terminal_safe(" ".join(filter(None, (s.cue, s.medium))) or "implied")

    primary = [s for s in view.sources if s.role != "via"]
    via = [s for s in view.sources if s.role == "via"]
    text = " and ".join(f"{terminal_safe(s.canonical)} ({how(s)})" for s in primary)
    text = text or "unnamed"
    for s in via:
        text += f", relayed by {terminal_safe(s.canonical)} ({how(s)})"
    return text
