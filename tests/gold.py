"""The Wikinews gold labels and the seed article, as the tests see them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
WIKINEWS = CORPUS / "wikinews"
SEED = CORPUS / "wic_universal_cyberspace.txt"

# Fixed before any rule was written against them (corpus/wikinews/README): the articles
# numbered 14 to 24 with an even number were the test split, scored only to report a
# figure, through seven rounds of rules. After their last score as unseen text they were
# developed against too (2026-12-02); what stays unseen now is the test halves of the sets
# kept outside the repository (README, "Attribution quality").
FIRST_TEST_ARTICLES = (
    "14_clock.txt",
    "16_expo.txt",
    "18_imprisoned.txt",
    "20_lanterns.txt",
    "22_taxes.txt",
    "24_worship.txt",
)


def body(path: Path) -> str:
    """The stored text of a corpus file: its content after the front matter."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        text = text[end + 5 :]
    return text


@cache
def article(name: str) -> str:
    return body(WIKINEWS / name)


@cache
def seed() -> str:
    return body(SEED)


@cache
def gold() -> list[dict[str, Any]]:
    lines = (WIKINEWS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@cache
def articles() -> tuple[str, ...]:
    """Every article with gold labels, in file order."""
    return tuple(sorted({row["article"] for row in gold()}))


# Added after the first round of rules, annotated before the engine ran on them: a second
# development set, to see whether a rule generalises beyond the articles it was written for.
NEW_DEV_ARTICLES = ("25_torture.txt", "26_councillor.txt", "27_zapatero.txt")


@cache
def dev_articles() -> tuple[str, ...]:
    """The articles attribution rules were developed against from the start: all but the
    first test split."""
    return tuple(name for name in articles() if name not in FIRST_TEST_ARTICLES)
