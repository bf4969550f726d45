"""Every message the app's workers post, declared in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.message import Message

from claimcheck.services.clusters import FamilyView, SuggestionView
from claimcheck.services.detail import ClaimContext
from claimcheck.services.queue import ClaimMatch, QueueCounts, QueuePage, QueueRow
from claimcheck.services.review import ClaimState, HistoryEntry


@dataclass
class DatabaseReady(Message):
    """The database is open and at the current schema."""


@dataclass
class QueuePageLoaded(Message):
    """A page of the queue: `place` is "first" (the start), "next" (after what is
    loaded), "last" (the end) or "before" (before the first row shown)."""

    generation: int
    page: QueuePage
    place: Literal["first", "next", "last", "before"]


@dataclass
class QueueReadFailed(Message):
    """A read of the queue's rows (of this generation) or of its counts failed."""

    generation: int
    counts: bool = False


@dataclass
class CountsLoaded(Message):
    counts: QueueCounts


@dataclass
class RowsChanged(Message):
    """Claims changed by an action: their rows are patched in place."""

    rows: list[QueueRow]


@dataclass
class DetailLoaded(Message):
    context: ClaimContext
    state: ClaimState
    history: list[HistoryEntry]


@dataclass
class SuggestionsLoaded(Message):
    """What waits for a duplicate decision: families of variants, then pairs."""

    families: list[FamilyView]
    pairs: list[SuggestionView]


@dataclass
class PairDecided(Message):
    a: int
    b: int


@dataclass
class FamilyDecided(Message):
    family: int
    claims: tuple[int, ...]


@dataclass
class ClaimMatches(Message):
    matches: list[ClaimMatch]


@dataclass
class SourceMatches(Message):
    names: list[str]


@dataclass
class Done(Message):
    """A write succeeded: `summary` says what changed, `claims` were touched, `rows` are
    their queue rows as the write left them (empty: reload them), and `recount` says
    whether what is left to do may have changed in ways the rows do not show."""

    summary: str
    claims: tuple[int, ...]
    rows: tuple[QueueRow, ...] = ()
    recount: bool = True
