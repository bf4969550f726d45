"""What waits for a duplicate decision, one entry at a time; y or x decides and moves on.

Families of variants come first (one decision covers all their claims): the canonical
claim beside each variant, what differs marked. Then pairs, side by side, differences
marked.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from claimcheck.services import clusters
from claimcheck.services.clusters import FamilyView, SuggestionView
from claimcheck.services.database import Database
from claimcheck.tui import messages
from claimcheck.tui.app import ReviewApp
from claimcheck.tui.footer import KeyFooter
from claimcheck.tui.text import document_path, literal

LIMIT = 500
DOCUMENTS = 5  # documents named per variant
Entry = FamilyView | SuggestionView
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
    """Families of variants and pairs waiting for a reviewer."""

    BINDINGS = [
        Binding("y", "decide('confirm')", "Same claim", id="confirm"),
        Binding("x", "decide('reject')", "Different", id="reject"),
        Binding("j,down", "move(1)", "Next pair or family", id="next_pair"),
        Binding("k,up", "move(-1)", "Previous pair or family", id="previous_pair"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.at = 0
        self.loaded = False

    @property
    def pairs(self) -> list[SuggestionView]:
        return [e for e in self.entries if isinstance(e, SuggestionView)]

    @property
    def families(self) -> list[FamilyView]:
        return [e for e in self.entries if isinstance(e, FamilyView)]

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="pair-header")
        with Horizontal(id="pair"):
            with VerticalScroll(classes="side"):
                yield Static(id="side-a")
            with VerticalScroll(classes="side"):
                yield Static(id="side-b")
        yield KeyFooter()

    @property
    def review_app(self) -> ReviewApp:
        return cast(ReviewApp, self.app)

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        def job(db: Database) -> messages.SuggestionsLoaded:
            waiting = clusters.list_families(db, LIMIT, status="unreviewed")
            return messages.SuggestionsLoaded(waiting, clusters.suggestions(db, LIMIT))

        self.review_app.database_work(
            self, job, lambda loaded: loaded, group="suggestions", exclusive=True
        )

    def on_suggestions_loaded(self, message: messages.SuggestionsLoaded) -> None:
        self.entries = [*message.families, *message.pairs]
        self.loaded = True
        self.at = min(self.at, max(len(self.entries) - 1, 0))
        self.show()

    def show(self) -> None:
        header = self.query_one("#pair-header", Static)
        a, b = self.query_one("#side-a", Static), self.query_one("#side-b", Static)
        if not self.entries:
            header.update("No suggestions or families waiting.")
            a.update("")
            b.update("")
            return
        entry = self.entries[self.at]
        place = f"{self.at + 1} of {len(self.entries)}"
        if isinstance(entry, FamilyView):
            documents = {d for v in entry.variants for d in v.documents}
            header.update(
                literal(
                    f"Family {entry.id} ({place}) · {entry.size} claims in {len(documents)} "
                    f"documents, {len(entry.variants)} variants"
                    "  —  y: all the same claim, x: variants whose figures disagree"
                )
            )
            a.update(self.canonical(entry))
            b.update(self.variants(entry))
            return
        reason = f" · {entry.reason}" if entry.reason else ""
        header.update(
            literal(
                f"Pair {place} · score {entry.score:.0f}{reason}"
                "  —  y: the same claim, x: different claims"
            )
        )
        a.update(self.side(entry.a, entry.document_a, entry.text_a, entry.text_b))
        b.update(self.side(entry.b, entry.document_b, entry.text_b, entry.text_a))

    @staticmethod
    def side(claim_id: int, document: str, text: str, other: str) -> Text:
        head = Text.assemble(
            (f"Claim {claim_id}", "bold"), "  ", literal(document_path(document)), "\n\n"
        )
        return head + marked(text, other)

    @staticmethod
    def _canonical(family: FamilyView) -> tuple[int, dict[int, str], str]:
        """The canonical claim's id, every member's text, and the text the canonical claim
        is marked against: the first variant that is not its own."""
        texts = {m.claim_id: m.text for m in family.members}
        canonical = family.canonical_claim_id or family.members[0].claim_id
        others = [v for v in family.variants if canonical not in v.claim_ids]
        return canonical, texts, texts[others[0].claim_ids[0]] if others else texts[canonical]

    def canonical(self, family: FamilyView) -> Text:
        """The earliest claim, its words that the most common other variant lacks marked."""
        canonical, texts, theirs = self._canonical(family)
        document = next(m.document for m in family.members if m.claim_id == canonical)
        head = Text.assemble(
            (f"Canonical (earliest): claim {canonical}", "bold"),
            "  ",
            literal(document_path(document)),
            "\n\n",
        )
        return head + marked(texts[canonical], theirs)

    def variants(self, family: FamilyView) -> Text:
        """Each variant: what differs, how many claims and documents, and an example with
        the words that differ from the canonical claim marked."""
        canonical, texts, theirs = self._canonical(family)
        out = Text()
        for number, variant in enumerate(family.variants, 1):
            claims, documents = len(variant.claim_ids), len(variant.documents)
            out.append_text(
                Text.assemble(
                    (f"Variant {number}: ", "bold"),
                    literal(variant.differs or "as the canonical claim", style="bold"),
                    f"  {claims} claim{'s' * (claims != 1)} in "
                    f"{documents} document{'s' * (documents != 1)}\n",
                )
            )
            # A story run by hundreds of outlets: the first few name the variant well enough.
            places = ", ".join(document_path(d) for d in variant.documents[:DOCUMENTS])
            more = f", and {documents - DOCUMENTS} more" if documents > DOCUMENTS else ""
            out.append_text(literal(places + more, style="dim"))
            out.append("\n")
            reference = theirs if canonical in variant.claim_ids else texts[canonical]
            out.append_text(marked(texts[variant.claim_ids[0]], reference))
            out.append("\n\n")
        return out

    def action_move(self, step: int) -> None:
        if self.entries:
            self.at = (self.at + step) % len(self.entries)
            self.show()

    def action_decide(self, decision: str) -> None:
        if not self.entries:
            return
        entry = self.entries[self.at]
        reviewer = self.review_app.reviewer
        if isinstance(entry, FamilyView):
            family = entry

            def decide_family(db: Database) -> messages.FamilyDecided:
                same = decision == "confirm"
                clusters.decide_family(db, family.id, same=same, reviewer=reviewer)
                return messages.FamilyDecided(family.id, tuple(m.claim_id for m in family.members))

            self.review_app.database_work(self, decide_family, lambda done: done, group="write")
            return
        pair = entry

        def job(db: Database) -> messages.PairDecided:
            if decision == "confirm":
                clusters.confirm(db, pair.a, pair.b, reviewer=reviewer)
            else:
                clusters.reject(db, pair.a, pair.b, reviewer=reviewer)
            return messages.PairDecided(pair.a, pair.b)

        self.review_app.database_work(self, job, lambda done: done, group="write")

    def on_pair_decided(self, message: messages.PairDecided) -> None:
        decided = (message.a, message.b)
        self.drop(lambda e: isinstance(e, SuggestionView) and (e.a, e.b) == decided)
        self.review_app.refresh_claims(decided)

    def on_family_decided(self, message: messages.FamilyDecided) -> None:
        self.drop(lambda e: isinstance(e, FamilyView) and e.id == message.family)
        self.review_app.refresh_claims(message.claims)

    def drop(self, decided: Callable[[Entry], bool]) -> None:
        self.entries = [e for e in self.entries if not decided(e)]
        self.at = min(self.at, max(len(self.entries) - 1, 0))
        self.show()

    def action_undo(self) -> None:
        self.review_app.undo()

    def action_back(self) -> None:
        self.app.pop_screen()
