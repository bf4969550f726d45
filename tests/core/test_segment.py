from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from claimcheck.core.segment import segment
from tests.gold import article, gold, seed

GOLDEN: list[dict[str, Any]] = json.loads(
    (
        Path(__file__).resolve().parent.parent / "data" / "segmentation_golden_rules_en.json"
    ).read_text(encoding="utf-8")
)
ARTICLES = sorted({row["article"] for row in gold()})

LDQ, RDQ, LSQ, RSQ, EM = "\u201c", "\u201d", "\u2018", "\u2019", "\u2014"


def sentences(text: str) -> list[str]:
    spans = segment(text)
    assert_well_formed(text, spans)
    return [text[s:e] for s, e in spans]


def assert_well_formed(text: str, spans: list[tuple[int, int]]) -> None:
    """Ordered, non-overlapping, trimmed spans that leave out nothing but whitespace."""
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert not text[previous:start].strip(), f"dropped {text[previous:start]!r}"
        previous = end
    assert not text[previous:].strip()


# --- Golden Rules ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", GOLDEN, ids=[f"rule{i:02d}" for i in range(len(GOLDEN))])
def test_golden_rule(case: dict[str, Any]) -> None:
    assert sentences(case["text"]) == case["expected"]


def test_golden_rules_score_at_least_pysbd() -> None:
    passed = sum(sentences(case["text"]) == case["expected"] for case in GOLDEN)
    assert len(GOLDEN) == 48
    assert passed >= 47


# --- Wikinews gold and the seed -------------------------------------------------------------


@pytest.mark.parametrize("name", ARTICLES)
def test_wikinews_spans_equal_the_gold(name: str) -> None:
    text = article(name)
    rows = sorted((r for r in gold() if r["article"] == name), key=lambda r: r["index"])
    assert [(r["char_start"], r["char_end"]) for r in rows] == segment(text)
    assert [r["text"] for r in rows] == sentences(text)


def test_seed_has_the_22_units_a_reader_sees() -> None:
    text = seed()
    units = sentences(text)
    assert len(units) == 22
    spans = segment(text)
    for unit in [
        "Beijing Attempts to Spread its Universal Cyberspace Goal Through WIC",
        "To Promote Cyberspace Alliance, Beijing Boosts a Clean and Civilized Internet",
        "Read Also : Best Buy Black Friday in July: Check Out Some of the Best Camera Deals "
        "Available: Sony, Canon, and Panasonic",
        "The group was formally introduced on Tuesday (July 12) in Beijing after holding the "
        "Wuzhen Summit, an annual event in the scenic canal town near Shanghai since 2014.",
        "Beijing is still working to create its vision of a good and civilized online environment.",
    ]:
        start = text.index(unit)
        assert (start, start + len(unit)) in spans
    assert units[0].startswith("As China pushes") and units[-1].startswith("Furthermore,")


# --- Quotes, attribution and junk -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"Why would we lie about that?" Smith asked.',
        f"{LDQ}Why would we lie about that?{RDQ} Mr. Smith asked reporters on Monday.",
        '"Stop this now!" Jones shouted.',
        '"Why?" he asked.',
        '"This is over." Smith said.',
        "Growth was 3.5 percent in version 2.0 of the plan, e.g. in Ohio, at $1.5 billion.",
        "Officials in the U.S. Senate voted at 5 p.m. Friday, Gen. Lee said.",
        "Email jane.doe@example.com or visit https://example.com/a.b/c.html for details.",
        "At 5 a.m. Mr. Smith went to the bank.",
        "Brazil vs. Germany was played in Jan. 2014 at St. Mary's ground.",
    ],
)
def test_one_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'He posted the chart on X. "The numbers are up," she said.',
            ["He posted the chart on X.", '"The numbers are up," she said.'],
        ),
        (
            '"We will win." Smith said the team had trained for months.',
            ['"We will win."', "Smith said the team had trained for months."],
        ),
        (
            "He spoke during the conference.3639 Next sentence starts here.",
            ["He spoke during the conference.", "3639", "Next sentence starts here."],
        ),
        (
            "It ended with the conference.3639",
            ["It ended with the conference.", "3639"],
        ),
        (
            "The vote closed at 6 p.m. The count began at once.",
            ["The vote closed at 6 p.m.", "The count began at once."],
        ),
        (
            "Troops left the U.S. The war was over.",
            ["Troops left the U.S.", "The war was over."],
        ),
        (
            '"Is it true?" "Yes." It was.',
            ['"Is it true?"', '"Yes."', "It was."],
        ),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# --- Lines and hard wrapping ----------------------------------------------------------------

PARAGRAPHS = [
    [
        "The Internet security firm Secunia said that as of March 4, IE6 has 277 known "
        "vulnerabilities, and 39 percent of these are rated highly critical by its analysts.",
        "Microsoft says the latest versions of Internet Explorer provide the user with "
        "enhanced protection from these attacks and threats.",
    ],
    [
        "Dr. Jane Smith, a researcher at the University of Ottawa who studied the U.S. data, "
        "said the findings were clear and that the trend would continue into next year.",
        '"We are sure of it," she said.',
    ],
]


def wrapped(width: int, newline: str = "\n") -> str:
    paragraphs = [textwrap.fill(" ".join(p), width) for p in PARAGRAPHS]
    text = "# Browser security\n\n" + "\n\n".join(paragraphs) + "\n\n- first item\n- second item\n"
    return text.replace("\n", newline)


@pytest.mark.parametrize("width", [60, 72, 79])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_hard_wrapped_text_keeps_sentences_whole(width: int, newline: str) -> None:
    text = wrapped(width, newline)
    assert any(len(line) > width - 10 for line in text.splitlines())
    got = [" ".join(s.split()) for s in sentences(text)]
    expected = [
        "# Browser security",
        *PARAGRAPHS[0],
        *PARAGRAPHS[1],
        "- first item",
        "- second item",
    ]
    assert got == expected


def test_blank_line_is_always_a_boundary() -> None:
    text = "A first paragraph with no full stop\n\nand a second that starts lower-case"
    assert sentences(text) == [
        "A first paragraph with no full stop",
        "and a second that starts lower-case",
    ]


def test_headline_above_a_wrapped_paragraph_is_its_own_unit() -> None:
    # The paragraph's first word would not fit after the headline within 72 columns, so only
    # the title rule keeps the headline apart.
    paragraph = (
        "Cybersecurity researchers at Secunia said that as of March 4, IE6 had 277 known "
        "vulnerabilities. Microsoft says newer versions protect users better."
    )
    headline = "Beijing Attempts to Spread its Universal Cyberspace Goal Through WIC"
    text = headline + "\n" + textwrap.fill(paragraph, 72)
    assert len(headline) + len(" Cybersecurity") > 72
    got = [" ".join(s.split()) for s in sentences(text)]
    assert got == [
        headline,
        "Cybersecurity researchers at Secunia said that as of March 4, IE6 had 277 known "
        "vulnerabilities.",
        "Microsoft says newer versions protect users better.",
    ]


def test_one_line_per_paragraph_keeps_every_line() -> None:
    long_line = " ".join(PARAGRAPHS[0])
    text = f"Microsoft Waits for Death of IE6\nTuesday, March 8, 2011\n{long_line}\nSources\n"
    assert sentences(text) == [
        "Microsoft Waits for Death of IE6",
        "Tuesday, March 8, 2011",
        *PARAGRAPHS[0],
        "Sources",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sources\nCBC.ca, August 15, 2008\nToronto Star, August 15, 2008",
        "Tuesday, March 8, 2011\nby staff reporter\nupdated at noon",
    ],
)
def test_short_lines_are_not_joined(text: str) -> None:
    assert sentences(text) == text.split("\n")


# --- Edge cases -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", " \n\t\r\n  \n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert segment(text) == []


def test_no_final_punctuation() -> None:
    assert sentences("  It rained. Then nothing happened  ") == [
        "It rained.",
        "Then nothing happened",
    ]


def test_crlf_line_endings() -> None:
    text = "First line.\r\nSecond line\r\n\r\nThird one. Fourth one.\r\n"
    assert sentences(text) == ["First line.", "Second line", "Third one.", "Fourth one."]


def test_unicode_quotes_and_em_dashes() -> None:
    text = (
        f"{LDQ}We won{RSQ}t stop,{RDQ} she said {EM} and then left. {LDQ}Never.{RDQ} "
        f"It ended. {LSQ}Quite so.{RSQ} He agreed{EM}twice. The minister {EM} who resigned "
        f"{EM} said nothing."
    )
    assert sentences(text) == [
        f"{LDQ}We won{RSQ}t stop,{RDQ} she said {EM} and then left.",
        f"{LDQ}Never.{RDQ}",
        "It ended.",
        f"{LSQ}Quite so.{RSQ}",
        f"He agreed{EM}twice.",
        f"The minister {EM} who resigned {EM} said nothing.",
    ]


def test_bullets_and_numbered_list_in_one_line() -> None:
    assert sentences("1. Open the file 2. Read it 3. Close it") == [
        "1. Open the file",
        "2. Read it",
        "3. Close it",
    ]
    assert sentences("\u2022 Rates rose. \u2022 Prices fell.") == [
        "\u2022 Rates rose.",
        "\u2022 Prices fell.",
    ]


def test_a_caption_credit_after_a_dotted_abbreviation_starts_a_sentence() -> None:
    # corpus/wikinews/13_afghan.txt, a caption line.
    text = (
        "The first FIRST Global robotics competition was held this week in Washington D.C. "
        "Image: United States Navy."
    )
    assert sentences(text) == [
        "The first FIRST Global robotics competition was held this week in Washington D.C.",
        "Image: United States Navy.",
    ]
    assert sentences("He moved to the U.S. Officials said so.") == [
        "He moved to the U.S. Officials said so."
    ]
