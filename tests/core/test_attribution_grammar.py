"""The grammar of attribution in news English, one construction at a time.

Each test is a short passage written the way news reports are written, so that a rule is
shown on the construction it reads rather than on one article's wording; the real-article
tests beside it (test_attribution_real.py) show the same rules on published text.
"""

from __future__ import annotations

from claimcheck.core.attribution import SentenceAnalysis, analyse_document
from claimcheck.core.segment import segment


def analyse(text: str) -> list[tuple[str, SentenceAnalysis]]:
    spans = segment(text)
    found = analyse_document(text, spans)
    return [(text[a:b], one) for (a, b), one in zip(spans, found, strict=True)]


def who(analysis: SentenceAnalysis) -> list[tuple[str, str]]:
    return [(a.canonical, a.role) for a in analysis.attributions]


def speakers(text: str) -> list[list[tuple[str, str]]]:
    return [who(a) for _, a in analyse(text)]


# --- 1. inverted cues with more after the name ---------------------------------------------


def test_an_inverted_cue_with_the_rest_of_the_clause_after_the_name() -> None:
    text = (
        "Flood water closed the bridge on Monday.\n\n"
        '"We will rebuild," said Mayor Ana Ruiz to the crowd gathered outside city hall. '
        '"It was terrible," recalled local resident Jan Novak last week. '
        '"We have asked for aid," said a spokesperson for the Ministry of Interior on Tuesday. '
        '"We will rebuild" said Ruiz at the meeting.'
    )
    found = analyse(text)
    assert [who(a) for _, a in found] == [
        [],
        [("Ana Ruiz", "primary")],
        [("Jan Novak", "primary")],
        [("Ministry of Interior", "primary")],
        [("Ana Ruiz", "primary")],
    ]
    ruiz = found[1][1].attributions[0]
    assert (ruiz.source_kind, ruiz.cue, ruiz.carried_from) == ("official", "said", None)
    assert found[3][1].attributions[0].source_kind == "official"


def test_an_inverted_cue_is_not_read_into_a_clause_that_follows_said() -> None:
    # "said" followed by its own clause: the words after it are content, not a speaker.
    text = (
        "According to the Lakeside Gazette, Professor Jan Novak, the chairman of the panel, "
        "said Lakeside's bridge has never before been closed for a week."
    )
    ((_, found),) = analyse(text)
    assert who(found) == [("Jan Novak", "primary"), ("Lakeside Gazette", "via")]
