"""Corpus text as Rich `Text`: shown exactly as written, never read as markup or escapes.

Every string that came from a document, a source name, a note or a reviewer goes through
here: `[bold]` stays brackets, `$x` stays a dollar, and control characters (ANSI and OSC
escapes among them) are made visible by the shared presentation module.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from claimcheck.presentation import one_line, terminal_safe


def literal(text: str, style: str = "") -> Text:
    """Text on one line (white space folded), controls made visible."""
    return Text(one_line(text), style=style)


def block(text: str, style: str = "") -> Text:
    """Text keeping its line breaks, controls made visible."""
    return Text(terminal_safe(text.replace("\r\n", "\n")), style=style)


def preview(text: str, width: int) -> Text:
    shown = one_line(text).strip()
    if len(shown) > width:
        shown = shown[: width - 1] + "…"
    return Text(shown)


def document_path(path: str) -> str:
    """A document's stored (absolute) path, shorter when it lies below the working folder,
    as the reviewer typed it to ingest."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path
