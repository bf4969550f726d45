"""Reading a text's sentences with their attributions, for the attribution tests."""

from __future__ import annotations

from claimcheck.core.attribution import SentenceAnalysis, analyse_document
from claimcheck.core.segment import segment


def analyse(text: str, publisher: str | None = None) -> list[tuple[str, SentenceAnalysis]]:
    """Each sentence of ``text`` with what attribution found in it; ``publisher``, the
    document's own."""
    spans = segment(text)
    found = analyse_document(text, spans, publisher=publisher)
    return [(text[a:b], one) for (a, b), one in zip(spans, found, strict=True)]


def who(analysis: SentenceAnalysis) -> list[tuple[str, str]]:
    return [(a.canonical, a.role) for a in analysis.attributions]


def sources(text: str, publisher: str | None = None) -> list[list[tuple[str, str]]]:
    """Each sentence's sources as (canonical name, kind)."""
    return [
        [(a.canonical, a.source_kind) for a in one.attributions]
        for _, one in analyse(text, publisher)
    ]
