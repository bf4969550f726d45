"""Pairs of claims waiting for a reviewer: side by side, differences marked; y or x decides."""

from __future__ import annotations

import difflib
import re
from typing import cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from claimcheck.services import clusters
from claimcheck.services.clusters import SuggestionView
from claimcheck.services.database import Database
from claimcheck.tui import messages
from claimcheck.tui.app import ReviewApp
from claimcheck.tui.text import literal

LIMIT = 500
_WORDS = re.compile(r"\S+|\s+")
CHANGED = "bold black on yellow"


def marked(text: str, other: str) -> Text:
    """`text` with the words `other` does not have highlighted."""
    mine, theirs = _WORDS.findall(text), _WORDS.findall(other)
    out = Text()
    matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
    for op, i1, i2, _j1, _j2 in matcher.get_opcodes():
        piece = "".join(mine[i1:i2])
        style = "" if op == "equal" or piece.isspace() else CHANGED
        out.append_text(literal(piece, style=style))
    return out


class SuggestionsScreen(Screen[None]):
    BINDINGS = [
        Binding("y", "decide('confirm')", "Same claim", id="confirm"),
        Binding("x", "decide('reject')", "Different", id="reject"),
        Binding("j,down", "move(1)", "Next pair", id="next_pair"),
        Binding("k,up", "move(-1)", "Previous pair", id="previous_pair"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[SuggestionView] = []
        self.at = 0
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="pair-header")
        with Horizontal(id="pair"):
            with VerticalScroll(classes="side"):
                yield Static(id="side-a")
            with VerticalScroll(classes="side"):
                yield Static(id="side-b")
        yield Footer()

    @property
    def review_app(self) -> ReviewApp:
        return cast(ReviewApp, self.app)

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        self.review_app.database_work(
            self,
            lambda db: clusters.suggestions(db, LIMIT),
            messages.SuggestionsLoaded,
            group="suggestions",
            exclusive=True,
        )

    def on_suggestions_loaded(self, message: messages.SuggestionsLoaded) -> None:
        self.pairs = message.pairs
        self.loaded = True
        self.at = min(self.at, max(len(self.pairs) - 1, 0))
        self.show()

    def show(self) -> None:
        header = self.query_one("#pair-header", Static)
        a, b = self.query_one("#side-a", Static), self.query_one("#side-b", Static)
        if not self.pairs:
            header.update("No suggestions waiting.")
            a.update("")
            b.update("")
            return
        pair = self.pairs[self.at]
        reason = f" · {pair.reason}" if pair.reason else ""
        header.update(
            literal(
                f"Pair {self.at + 1} of {len(self.pairs)} · score {pair.score:.0f}{reason}"
                "  —  y: the same claim, x: different claims"
            )
        )
        a.update(self.side(pair.a, pair.document_a, pair.text_a, pair.text_b))
        b.update(self.side(pair.b, pair.document_b, pair.text_b, pair.text_a))

    @staticmethod
    def side(claim_id: int, document: str, text: str, other: str) -> Text:
        head = Text.assemble((f"Claim {claim_id}", "bold"), "  ", literal(document), "\n\n")
        return head + marked(text, other)

    def action_move(self, step: int) -> None:
        if self.pairs:
            self.at = (self.at + step) % len(self.pairs)
            self.show()

    def action_decide(self, decision: str) -> None:
        if not self.pairs:
            return
        pair = self.pairs[self.at]
        reviewer = self.review_app.reviewer

        def job(db: Database) -> messages.PairDecided:
            if decision == "confirm":
                clusters.confirm(db, pair.a, pair.b, reviewer=reviewer)
            else:
                clusters.reject(db, pair.a, pair.b, reviewer=reviewer)
            return messages.PairDecided(pair.a, pair.b)

        self.review_app.database_work(self, job, lambda done: done, group="write")

    def on_pair_decided(self, message: messages.PairDecided) -> None:
        self.pairs = [p for p in self.pairs if (p.a, p.b) != (message.a, message.b)]
        self.at = min(self.at, max(len(self.pairs) - 1, 0))
        self.show()
        self.review_app.refresh_claims((message.a, message.b))

    def action_undo(self) -> None:
        self.review_app.undo()

    def action_back(self) -> None:
        self.app.pop_screen()
