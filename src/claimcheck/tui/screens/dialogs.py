"""The small screens an action opens: status picker, link, note, filters."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, OptionList, Select, TextArea
from textual.widgets.option_list import Option

from claimcheck.core.vocabulary import CLAIM_KINDS, RELATIONS, STATUSES
from claimcheck.services import queue as queue_service
from claimcheck.services.queue import QueueFilter
from claimcheck.services.review import LinkInfo
from claimcheck.tui import messages
from claimcheck.tui.footer import KeyFooter
from claimcheck.tui.text import literal, preview

if TYPE_CHECKING:
    from claimcheck.tui.app import ReviewApp


class NarrowInput(Input):
    """The status picker's field. A digit typed into it while it is empty picks that
    status, without going into the field first: a change of its value lays the whole
    screen out again (the picker then closes, which does so once more)."""

    DIGITS = "1234567"[: len(STATUSES)]

    class Digit(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    async def _on_key(self, event: events.Key) -> None:
        if not self.value and event.character and event.character in self.DIGITS:
            event.stop()
            event.prevent_default()
            self.post_message(self.Digit(int(event.character)))
            return
        await super()._on_key(event)


class StatusPicker(Vertical):
    """Typing part of a status narrows the list; Enter picks; 1-7 pick directly; Esc cancels.

    A box laid over the screen it belongs to rather than a screen of its own: opening and
    closing a modal screen redrew and restyled the whole queue, several times the cost of
    the status change itself.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="status-picker", classes="dialog")
        self.picked: Callable[[str | None], None] | None = None
        self.current = ""
        self.before: Widget | None = None
        # Picked and being saved: the box stays until the row shows the change, so that
        # the screen is redrawn once for both.
        self.saving = False

    def compose(self) -> ComposeResult:
        yield Label(id="status-prompt")
        yield NarrowInput(placeholder="status", id="narrow")
        yield OptionList(id="statuses")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = cast("ReviewApp", self.app).cursor_blink

    def open(
        self,
        current: str,
        picked: Callable[[str | None], None],
        subject: str,
        *,
        force: bool = False,
    ) -> None:
        """Show the picker for `subject`, whose status is `current`; `picked` gets the
        choice (even the current status, with `force`: a cluster's members may differ)."""
        self.current = "" if force else current
        self.picked, self.saving = picked, False
        self.query_one("#status-prompt", Label).update(
            f"Set the status of {subject} (now {current})\n"
            "Type to narrow, Enter picks, 1-7 pick directly, Esc cancels"
        )
        narrow = self.query_one("#narrow", Input)
        with narrow.prevent(Input.Changed):
            narrow.value = ""
        self.narrow("")
        self.before = self.screen.focused
        self.display = True
        narrow.focus()

    def close(self, status: str | None) -> None:
        picked, self.picked = self.picked, None
        if status is None or status == self.current or picked is None:
            self.settle()
        else:
            self.saving = True
            # In the prompt's place, without laying the screen out again (the box is
            # about to close): a shorter text fits the lines it has.
            self.query_one("#status-prompt", Label).update(f"Saving {status}…", layout=False)
        if picked is not None:
            picked(status)

    def settle(self) -> None:
        """The write is done (or refused, or there was none): hide and hand focus back."""
        if not self.display:
            return
        self.saving = False
        self.display = False
        if self.before is not None and self.before.is_attached:
            self.before.focus()

    def narrow(self, typed: str) -> None:
        options = self.query_one("#statuses", OptionList)
        options.clear_options()
        typed = typed.strip().casefold().replace(" ", "_")
        for n, status in enumerate(STATUSES, start=1):
            if typed in status:
                options.add_option(Option(Text(f"{n}  {status}"), id=status))
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#narrow")
    def _changed(self, event: Input.Changed) -> None:
        # No status has a digit in its name, so a digit picks by number. (Textual hands
        # printable keys to the focused Input before any binding, so this is the place.)
        typed = event.value.strip()
        if self.saving or self.picked is None:
            return
        if len(typed) == 1 and typed in NarrowInput.DIGITS:
            self.close(STATUSES[int(typed) - 1])
            return
        self.narrow(event.value)

    @on(NarrowInput.Digit)
    def _digit(self, event: NarrowInput.Digit) -> None:
        event.stop()
        if not self.saving and self.picked is not None:
            self.close(STATUSES[event.number - 1])

    @on(Input.Submitted, "#narrow")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one("#statuses", OptionList)
        if options.highlighted is not None and self.picked is not None:
            self.close(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#statuses")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.picked is not None:
            self.close(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one("#statuses", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_cancel(self) -> None:
        if not self.saving:
            self.close(None)


@dataclass(frozen=True, slots=True)
class LinkRequest:
    relation: str
    target_claim: int | None = None
    target_source: str | None = None
    url: str | None = None
    title: str | None = None

    def describe(self) -> str:
        if self.target_claim is not None:
            return f"claim {self.target_claim}"
        if self.target_source is not None:
            return f"source {self.target_source}"
        return self.url or ""


TARGETS = (
    ("claim", "another claim (search its text)"),
    ("source", "a source from the registry"),
    ("url", "a URL, with an optional title"),
)


class LinkScreen(ModalScreen[LinkRequest | None]):
    """Pick the relation, then the kind of target, then the target itself."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.relation: str | None = None
        self.target: str | None = None
        self.url: str | None = None
        self.sources: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Link claim {self.claim_id}: what is the relation?", id="prompt")
            yield OptionList(
                *(Option(relation, id=relation) for relation in RELATIONS), id="relations"
            )
            yield OptionList(*(Option(label, id=key) for key, label in TARGETS), id="targets")
            yield Input(id="query")
            yield OptionList(id="matches")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#query", Input).cursor_blink = cast("ReviewApp", self.app).cursor_blink
        for hidden in ("#targets", "#query", "#matches"):
            self.query_one(hidden).display = False
        self.query_one("#relations", OptionList).highlighted = 0
        self.query_one("#relations").focus()

    def prompt(self, text: str) -> None:
        self.query_one("#prompt", Label).update(literal(text))

    @on(OptionList.OptionSelected, "#relations")
    def _relation(self, event: OptionList.OptionSelected) -> None:
        self.relation = event.option.id
        self.query_one("#relations").display = False
        targets = self.query_one("#targets", OptionList)
        targets.display = True
        targets.highlighted = 0
        targets.focus()
        self.prompt(f"Link claim {self.claim_id} ({self.relation}): to what?")

    @on(OptionList.OptionSelected, "#targets")
    def _target(self, event: OptionList.OptionSelected) -> None:
        self.target = event.option.id
        self.query_one("#targets").display = False
        query = self.query_one("#query", Input)
        query.display = True
        query.focus()
        if self.target == "url":
            query.placeholder = "https://…"
            self.prompt("The URL (Enter goes on to its title)")
        else:
            self.query_one("#matches").display = True
            query.placeholder = "type to search"
            what = "claim text" if self.target == "claim" else "source name or alias"
            self.prompt(f"Search by {what}; ↓ to choose, Enter links")

    @on(Input.Changed, "#query")
    def _search(self, event: Input.Changed) -> None:
        app = cast("ReviewApp", self.app)
        text, exclude = event.value, self.claim_id
        if self.target == "claim":
            app.database_work(
                self,
                lambda db: queue_service.find_claims(db, text, exclude=exclude),
                messages.ClaimMatches,
                group="link-search",
                exclusive=True,
            )
        elif self.target == "source" and text.strip():
            app.database_work(
                self,
                lambda db: queue_service.find_sources(db, text),
                messages.SourceMatches,
                group="link-search",
                exclusive=True,
            )

    def on_claim_matches(self, message: messages.ClaimMatches) -> None:
        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        for found in message.matches:
            label = Text.assemble(f"{found.id}  ", preview(found.text, 100))
            matches.add_option(Option(label, id=f"claim:{found.id}"))
        if matches.option_count:
            matches.highlighted = 0

    def on_source_matches(self, message: messages.SourceMatches) -> None:
        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        for index, name in enumerate(message.names):
            matches.add_option(Option(literal(name), id=f"source:{index}"))
        self.sources = message.names
        if matches.option_count:
            matches.highlighted = 0

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        assert self.relation is not None
        if self.target == "url":
            if self.url is None:
                if not event.value.strip():
                    return
                self.url = event.value.strip()
                event.input.value = ""
                event.input.placeholder = "title (optional)"
                self.prompt("The citation title (optional; Enter links)")
                return
            title = event.value.strip() or None
            self.dismiss(LinkRequest(self.relation, url=self.url, title=title))
            return
        matches = self.query_one("#matches", OptionList)
        if matches.highlighted is not None:
            self._pick(matches.get_option_at_index(matches.highlighted).id)

    @on(OptionList.OptionSelected, "#matches")
    def _match(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def _pick(self, option_id: str | None) -> None:
        assert self.relation is not None and option_id is not None
        kind, _, value = option_id.partition(":")
        if kind == "claim":
            self.dismiss(LinkRequest(self.relation, target_claim=int(value)))
        else:
            self.dismiss(LinkRequest(self.relation, target_source=self.sources[int(value)]))

    def action_cancel(self) -> None:
        self.dismiss(None)


def describe_link(link: LinkInfo) -> Text:
    """A link in words, its target's text literal: "corroborates claim 12: …"."""
    if link.target_claim is not None:
        target = Text.assemble(
            f"claim {link.target_claim}: ", literal(link.target_claim_text or "")
        )
    elif link.target_source is not None:
        target = Text.assemble("source ", literal(link.target_source))
    else:
        target = literal(link.url or "")
        if link.title:
            target.append_text(Text.assemble(' "', literal(link.title), '"'))
    return Text.assemble(f"{link.relation} ", target)


class UnlinkScreen(ModalScreen[int | None]):
    """The claim's links; Enter removes the highlighted one, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, claim_id: int, links: Sequence[LinkInfo]) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Remove a link of claim {self.claim_id} (Enter removes, Esc cancels)")
            yield OptionList(
                *(Option(describe_link(link), id=str(link.id)) for link in self.links),
                id="links",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        links = self.query_one("#links", OptionList)
        links.highlighted = 0
        links.focus()

    @on(OptionList.OptionSelected, "#links")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Note (Ctrl+S saves, Esc cancels)")
            yield TextArea(id="note", soft_wrap=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        note = self.query_one("#note", TextArea)
        note.cursor_blink = cast("ReviewApp", self.app).cursor_blink
        note.focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one("#note", TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


ALL_KINDS = "*"


class FilterScreen(ModalScreen[QueueFilter | None]):
    """Status, unattributed, kind, source, document, cluster. Enter or Ctrl+S applies."""

    BINDINGS = [
        Binding("ctrl+s", "apply", "Apply", priority=True),
        Binding("ctrl+r", "reset", "Reset"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, where: QueueFilter) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        w = self.where
        kind = w.kind or (ALL_KINDS if w.all_kinds else Select.NULL)
        with Vertical(classes="dialog"):
            yield Label("Filters (Enter or Ctrl+S applies, Esc cancels)")
            yield Select(
                [(s, s) for s in STATUSES], prompt="any status", value=w.status or Select.NULL,
                id="status",
            )  # fmt: skip
            yield Checkbox("only unattributed", w.unattributed, id="unattributed")
            yield Select(
                [(k, k) for k in CLAIM_KINDS] + [("all kinds", ALL_KINDS)],
                prompt="claims (no headlines, boilerplate or other)", value=kind, id="kind",
            )  # fmt: skip
            yield Input(w.source or "", placeholder="source (canonical name)", id="source")
            yield Input(
                w.document or "", placeholder="document (id or part of path)", id="document"
            )
            cluster = "" if w.cluster is None else str(w.cluster)
            yield Input(cluster, placeholder="cluster id", id="cluster", type="integer")
        yield KeyFooter()

    def on_mount(self) -> None:
        blink = cast("ReviewApp", self.app).cursor_blink
        for field in self.query(Input):
            field.cursor_blink = blink
        self.query_one("#status").focus()

    @on(Input.Submitted)
    def _submitted(self, _event: Input.Submitted) -> None:
        self.action_apply()

    def action_apply(self) -> None:
        status = self.query_one("#status", Select).value
        kind = self.query_one("#kind", Select).value
        cluster = self.query_one("#cluster", Input).value.strip()
        self.dismiss(
            dataclasses.replace(
                QueueFilter(),
                status=status if isinstance(status, str) else None,
                unattributed=self.query_one("#unattributed", Checkbox).value,
                kind=kind if isinstance(kind, str) and kind != ALL_KINDS else None,
                all_kinds=kind == ALL_KINDS,
                source=self.query_one("#source", Input).value.strip() or None,
                document=self.query_one("#document", Input).value.strip() or None,
                cluster=int(cluster) if cluster.isdigit() else None,
            )
        )

    def action_reset(self) -> None:
        self.dismiss(QueueFilter())

    def action_cancel(self) -> None:
        self.dismiss(None)
