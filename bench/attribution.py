"""Throughput of ``analyse_document`` (kinds, attribution, check-worthiness) on news-like text.

Generates a deterministic corpus (seeded) of wire-style articles: a headline, a dateline, and
paragraphs mixing unattributed facts, speech-verb attributions, "according to" chains,
quotations (some over several sentences), pronoun sources and hedges, at roughly the rates of
real news. Sentence spans are produced with the text, so segmentation is not timed.
``--real`` times the articles under corpus/ instead (segmented first, each read many times).

    .venv/bin/python bench/attribution.py [--sentences 100000] [--seed 7] [--repeat 3] [--real]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from claimcheck.core.attribution import analyse_document
from claimcheck.core.registry import Registry
from claimcheck.core.segment import segment

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _list(words: str) -> list[str]:
    return words.split()


FIRST = _list("Maria John Wei Aisha Carlos Elena Ahmed Sofia Kenji Olga Peter Fatima Liam Priya")
LAST = _list("Chen Smith Okafor Haddad Silva Novak Tanaka Kowalski Murphy Rahman Duarte Lindqvist")
TITLES = [
    "Foreign Minister",
    "spokesperson for the Health Ministry",
    "chief executive of Norvex Group",
    "an economist at Halden University",
    "Mayor",
    "a senior analyst",
]
OUTLETS = ["Reuters", "AFP", "the BBC", "Xinhua", "CNN", "The Guardian", "Kyodo", "Al Jazeera"]
ORGS = ["the Health Ministry", "Norvex Group", "the World Bank", "the central bank", "Amnesty"]
PLACES = _list("Jakarta Lagos Lima Oslo Hanoi Nairobi Quito Dhaka Tbilisi Manila")
NOUNS = _list("exports prices inflation unemployment emissions admissions arrivals revenue")
VERBS = ["rose", "fell", "climbed", "dropped", "doubled", "slipped"]
SPEECH = ["said", "told reporters", "added", "warned", "confirmed", "said on Tuesday"]
MONTHS = _list("January February March April May June July August September October")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _fact(rng: random.Random) -> str:
    place, noun = rng.choice(PLACES), rng.choice(NOUNS)
    forms = [
        f"{noun.capitalize()} in {place} {rng.choice(VERBS)} {rng.randint(2, 40)} percent "
        f"in {rng.choice(MONTHS)}, the largest change since {rng.randint(1990, 2020)}.",
        f"The government of {place} announced a plan worth ${rng.randint(1, 90)} billion to "
        f"support {noun} over the next {rng.randint(2, 9)} years.",
        f"Heavy rain fell across the region on {rng.choice(MONTHS)} {rng.randint(1, 28)}, "
        f"closing roads near {place}.",
        f"The talks in {place} were the first of their kind since the agreement was signed.",
        f"Officials in {place} reportedly met with industry leaders behind closed doors.",
        f"Estimates suggest {rng.randint(100, 9000)} people were affected by the changes.",
        f"Analysts have long expected {noun} to recover as demand returns to the market.",
    ]
    return rng.choice(forms)


def _attributed(rng: random.Random, speaker: str) -> list[str]:
    title, outlet, org = rng.choice(TITLES), rng.choice(OUTLETS), rng.choice(ORGS)
    noun = rng.choice(NOUNS)
    forms = [
        [f"{speaker}, {title}, {rng.choice(SPEECH)} that {noun} would recover by next year."],
        [f'"We expect {noun} to stabilise soon," {speaker} said.'],
        [f"According to {outlet}, {org} believes the decline in {noun} is temporary."],
        [f"{org.capitalize()} said the figures were preliminary, as per a report from {outlet}."],
        [
            f'"This is the worst year we have seen for {noun}. We need help now," '
            f"{speaker.split()[-1]} told {outlet}."
        ],
        [f"{speaker} said the measures were necessary.", "She added that more would follow."],
        [
            f'{speaker} said: "The situation is serious.',
            "Nobody expected it to last this long.",
            f'We will publish new figures on {noun} soon."',
        ],
        [f"In a statement, {org} urged residents to stay indoors."],
    ]
    return rng.choice(forms)


class _Writer:
    """Text with the spans of its sentences, one paragraph at a time."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int]] = []
        self.pos = 0

    def line(self, units: list[str]) -> None:
        for i, unit in enumerate(units):
            if i:
                self.parts.append(" ")
                self.pos += 1
            self.spans.append((self.pos, self.pos + len(unit)))
            self.parts.append(unit)
            self.pos += len(unit)
        self.parts.append("\n\n")
        self.pos += 2


def generate(sentences: int, seed: int) -> list[tuple[str, list[tuple[int, int]]]]:
    rng = random.Random(seed)
    docs: list[tuple[str, list[tuple[int, int]]]] = []
    total = 0
    while total < sentences:
        doc = _Writer()
        place = rng.choice(PLACES)
        doc.line([f"{rng.choice(NOUNS).capitalize()} in {place} {rng.choice(VERBS)} sharply"])
        doc.line([f"Monday, {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2005, 2024)}"])
        speaker = _name(rng)
        while len(doc.spans) < rng.randint(18, 32):
            paragraph: list[str] = []
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.4:
                    paragraph.extend(_attributed(rng, speaker))
                else:
                    paragraph.append(_fact(rng))
            doc.line(paragraph)
        docs.append(("".join(doc.parts), doc.spans))
        total += len(doc.spans)
    return docs


def real(copies: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """The corpus articles (front matter removed), ``copies`` times over."""
    docs = []
    for path in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("wikinews/*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text[text.index("\n---\n", 4) + 5 :]
        docs.append((text, list(segment(text))))
    return docs * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--real", action="store_true", help="time the corpus/ articles")
    args = parser.parse_args()
    docs = real(max(1, args.sentences // 90)) if args.real else generate(args.sentences, args.seed)
    count = sum(len(spans) for _, spans in docs)
    registry = Registry.default()
    best = float("inf")
    attributed = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        attributed = 0
        for text, spans in docs:
            for analysis in analyse_document(text, spans, registry):
                attributed += bool(analysis.attributions)
        best = min(best, time.perf_counter() - started)
    print(
        f"{count} sentences in {len(docs)} documents, {attributed} attributed: "
        f"{count / best:,.0f} sentences/s ({best / count * 1e6:.1f} us/sentence, best of "
        f"{args.repeat})"
    )


if __name__ == "__main__":
    main()
