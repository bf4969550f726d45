"""One claim in full: its sentence in its paragraph, provenance, cluster, links, notes, history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from claimcheck.presentation import provenance_chain, sentence_segments
from claimcheck.services import review
from claimcheck.services.database import Database
from claimcheck.services.detail import ClaimContext, claim_context
from claimcheck.services.review import ClaimState, HistoryEntry, claim_state, history
from claimcheck.tui import messages
from claimcheck.tui.actions import CLAIM_BINDINGS, ClaimActions, Current, Written
from claimcheck.tui.footer import KeyFooter
from claimcheck.tui.screens.dialogs import StatusPicker, describe_link
from claimcheck.tui.text import block, literal

if TYPE_CHECKING:
    from claimcheck.tui.screens.queue import QueueScreen

SENTENCE = "on grey23"
MARKS = {"source": "underline bold yellow on grey23", "cue": "bold cyan on grey23"}


def load(db: Database, claim_id: int) -> messages.DetailLoaded:
    context = claim_context(db, claim_id)
    return messages.DetailLoaded(context, claim_state(db, claim_id), history(db, claim_id))


def paragraph(context: ClaimContext) -> Text:
    """The paragraph with the sentence highlighted and its source span and cue marked."""
    text = block(context.before, style="dim")
    for piece, mark in sentence_segments(context.view):
        text.append_text(block(piece, style=MARKS.get(mark or "", SENTENCE)))
    text.append_text(block(context.after, style="dim"))
    return text


def render(context: ClaimContext, state: ClaimState, history: list[HistoryEntry]) -> Text:
    view = context.view
    doc = view.document
    lines: list[Text] = [
        Text.assemble(
            (f"Claim {view.id}", "bold"),
            f"  {view.kind} · status {state.status} · version {state.version}",
        ),
        Text.assemble(
            f"Document {doc.id}: ",
            literal(doc.path),
            f" v{doc.version}, sentence {view.index}, characters {view.start}-{view.end}",
        ),
    ]
    if doc.title:
        lines.append(Text.assemble("Title: ", literal(doc.title)))
    lines += [Text(""), paragraph(context), Text("")]
    if view.sources:
        lines.append(Text("Sources", style="bold"))
        for s in view.sources:
            cue = f'cue "{s.cue}"' if s.cue else "implied"
            lines.append(
                Text.assemble(
                    "  • ",
                    literal(s.canonical),
                    f" ({s.kind}): {s.role}, ",
                    literal(cue),
                    ', as "',
                    literal(s.name),
                    '"',
                )
            )
        lines.append(Text.assemble(("Chain: ", "bold"), Text(provenance_chain(view))))
    elif view.kind == "claim":
        hedge = f' (hedged: "{view.hedge}")' if view.hedge else ""
        lines.append(literal(f"Sources: none, flagged unattributed{hedge}"))
    reasons = ", ".join(view.reasons) or "none"
    lines.append(Text(f"Check-worthiness: {view.checkworthiness:.2f} ({reasons})"))
    cluster = context.cluster
    if cluster is not None:
        lines += [Text(""), Text(f"Cluster {cluster.id} ({cluster.status})", style="bold")]
        for m in cluster.members:
            here = " (this claim)" if m.claim_id == view.id else ""
            sources = ", ".join(m.sources) or "no source"
            lines.append(
                Text.assemble(
                    f"  • claim {m.claim_id}{here}, ",
                    literal(f"{m.document}:{m.index}"),
                    " — ",
                    literal(sources),
                )
            )
    lines += [Text(""), Text("Links", style="bold")]
    for link in state.links:
        lines.append(Text.assemble("  • ", describe_link(link)))
    if not state.links:
        lines.append(Text("  none", style="dim"))
    lines += [Text(""), Text("Notes", style="bold")]
    for note in state.notes:
        lines.append(
            Text.assemble(
                f"  • {note.created_at:%Y-%m-%d %H:%M} ", literal(note.reviewer or "?"), ": "
            )
        )
        lines += [Text.assemble("    ", block(line)) for line in note.text.splitlines()]
    if not state.notes:
        lines.append(Text("  none", style="dim"))
    lines += [Text(""), Text("History", style="bold")]
    for entry in history:
        lines.append(
            Text.assemble(
                f"  • {entry.at:%Y-%m-%d %H:%M} ",
                literal(entry.reviewer or "?"),
                ": ",
                literal(entry.summary),
            )
        )
    if not history:
        lines.append(Text("  none", style="dim"))
    return Text("\n").join(lines)


class DetailScreen(ClaimActions):
    AUTO_FOCUS = "#detail"
    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        *CLAIM_BINDINGS,
        # Not in the footer (it is full): in the help screen and the command palette.
        Binding("L", "unlink", "Remove a link", id="unlink", show=False),
    ]

    def __init__(self, claim_id: int, queue: QueueScreen | None = None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.queue = queue
        self.loaded: messages.DetailLoaded | None = None

    def compose(self) -> ComposeResult:
        yield StatusPicker()
        with VerticalScroll(id="detail"):
            yield Static("Loading…", id="body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        claim_id = self.claim_id
        self.review_app.database_work(
            self, lambda db: load(db, claim_id), lambda loaded: loaded, group="detail"
        )

    def on_detail_loaded(self, message: messages.DetailLoaded) -> None:
        if message.context.view.id != self.claim_id:
            return
        self.loaded = message
        self.query_one("#body", Static).update(
            render(message.context, message.state, message.history)
        )

    def on_rows_changed(self, message: messages.RowsChanged) -> None:
        self.status_picker().settle()
        if any(row.id == self.claim_id for row in message.rows):
            self.reload()

    def current_claim(self) -> Current | None:
        if self.loaded is None:
            return None
        state, cluster = self.loaded.state, self.loaded.context.cluster
        cluster_id = None if cluster is None else cluster.id
        return Current(self.claim_id, state.version, state.status, cluster_id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_unlink(self) -> None:
        from claimcheck.tui.screens.dialogs import UnlinkScreen

        if self.loaded is None:
            return
        claim_id, links = self.claim_id, self.loaded.state.links
        version = self.loaded.state.version
        if not links:
            self.notify(f"Claim {claim_id} has no links.", severity="warning")
            return
        reviewer = self.review_app.reviewer

        def picked(link_id: int | None) -> None:
            if link_id is not None:
                self.review_app.write(
                    lambda db: _remove_link(db, claim_id, link_id, version, reviewer)
                )

        self.app.push_screen(UnlinkScreen(claim_id, links), picked)

    def action_scroll_down(self) -> None:
        self.query_one("#detail", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#detail", VerticalScroll).scroll_up()

    def action_next_unreviewed(self) -> None:
        following = None if self.queue is None else self.queue.next_unreviewed_after(self.claim_id)
        if following is None:
            self.notify("No unreviewed claim below this one in the queue.")
            return
        self.claim_id = following
        self.loaded = None
        self.reload()


def _remove_link(db: Database, claim_id: int, link_id: int, version: int, reviewer: str) -> Written:
    link = review.remove_link(db, link_id, expected_version=version, reviewer=reviewer)
    return f"Claim {claim_id}: link removed, {describe_link(link).plain}", (claim_id,)
