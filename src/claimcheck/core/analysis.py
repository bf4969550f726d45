"""What attribution finds in a sentence: its sources (`Attribution`) and the sentence's
kind, check-worthiness and hedge (`SentenceAnalysis`). Plain data, shared by the engine,
the source registry and the services, so that none of them imports another for its types.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Attribution:
    """One source of one sentence; all offsets are into the document text."""

    source_text: str
    source_start: int
    source_end: int
    canonical: str
    source_kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    content_start: int
    content_end: int
    role: str = "primary"
    confidence: float = 0.8
    mention: str | None = None
    owner: str | None = None
    carried_from: int | None = None
    # The channel named beside the cue: "in a letter", "in a public statement", "on Twitter".
    medium: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    kind: str
    checkworthiness: float
    reasons: tuple[str, ...]
    attributions: tuple[Attribution, ...] = ()
    hedge: str | None = None

    @property
    def attributed(self) -> bool:
        return bool(self.attributions)
