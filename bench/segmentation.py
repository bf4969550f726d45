"""Benchmark our sentence segmenter against pysbd 0.3.4.

Run with ``python bench/segmentation.py``. In one run it reports, for each segmenter, the
English Golden Rules score, the exact-span agreement with the Wikinews gold, and the speed in
sentences per second on about 5 MB of generated news-like text. pysbd is timed on a 500 kB
slice, one paragraph at a time: that is its fastest use, as its cost grows faster than
linearly with the length of one input (about half the rate on the slice as one string).
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import pysbd  # noqa: E402
from tests.gold import article, gold  # noqa: E402

from claimcheck.core.segment import segment  # noqa: E402

Spans = list[tuple[int, int]]
GOLDEN = ROOT / "tests" / "data" / "segmentation_golden_rules_en.json"
TARGET_BYTES = 5_000_000
PYSBD_BYTES = 500_000

_PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=False)


def pysbd_spans(text: str) -> Spans:
    """pysbd's sentences located in ``text``, trimmed like ours."""
    spans: Spans = []
    pos = 0
    for sentence in _PYSBD.segment(text):
        piece = sentence.strip()
        if not piece:
            continue
        start = text.index(piece, pos)
        pos = start + len(piece)
        spans.append((start, pos))
    return spans


def pysbd_count(text: str) -> int:
    return sum(len(_PYSBD.segment(p)) for p in text.split("\n\n"))


def our_count(text: str) -> int:
    return len(segment(text))


# name: (spans for the accuracy checks, sentence count for the timing)
SEGMENTERS: dict[str, tuple[Callable[[str], Spans], Callable[[str], int]]] = {
    "claimcheck": (segment, our_count),
    "pysbd 0.3.4": (pysbd_spans, pysbd_count),
}


def golden_score(split: Callable[[str], Spans]) -> int:
    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return sum([c["text"][s:e] for s, e in split(c["text"])] == c["expected"] for c in cases)


def wikinews_score(split: Callable[[str], Spans]) -> tuple[int, int, int]:
    """(gold spans reproduced exactly, gold spans, spans produced that are not gold)."""
    rows = gold()
    wanted = {(r["article"], r["char_start"], r["char_end"]) for r in rows}
    produced = {
        (name, s, e) for name in {r["article"] for r in rows} for s, e in split(article(name))
    }
    return len(wanted & produced), len(wanted), len(produced - wanted)


PEOPLE = [
    "Mr. Smith",
    "Dr. Jane Okafor",
    "Gen. Mark Milley",
    "Sen. Ruth Alvarez",
    "Prof. Li Wei",
    "Maria Gonzalez",
    "John F. Reilly",
    "Gov. Tom Hart",
    "Ms. Anna Berg",
    "St. John Rivers",
]
SPEAKERS = ["the spokesperson", "a senior official", "the company", "she", "he", "the minister"]
VERBS = ["said", "told reporters", "wrote on X", "added", "said in a statement"]
PLACES = ["the U.S.", "the U.K.", "Washington, D.C.", "the E.U.", "Ottawa", "New York", "Beijing"]
ORGS = [
    "Acme Corp.",
    "the World Health Organization (WHO)",
    "Reuters",
    "the U.N. Security Council",
    "Pitt, Briggs & Co.",
    "the Ministry of Finance",
    "Globex Inc.",
]
FACTS = [
    "unemployment fell to {pct} percent in {month} {dom}",
    "the budget rose by ${amt} billion compared with last year",
    "version {ver} of the software fixes {n} security flaws",
    "about {n} people were evacuated from the area",
    "the vote is scheduled for {time} {day}",
    "talks with {place} resumed on {day} ({month} {dom})",
    "the deal, e.g. its pricing terms, remains under review",
    "shares closed at ${amt} on {day}, up {pct} percent",
]
TEMPLATES = [
    "{Fact}.",
    "{person} {verb} that {fact}.",
    '"{Fact}," {person} {verb}.',
    '"{Fact}," {speaker} said. "We expect more news soon."',
    "According to {org}, {fact}.",
    '"Why would we lie about that?" {person} asked.',
    "In {place}, {fact} (officials had warned of this in {month} {n}).",
    "{person} met {person2} vs. critics in {place} at {time} {day}.",
    "Details are at https://example.org/news/{n}.html. Contact press@example.org for more.",
    "It was {pct} percent lower than expected, {speaker} said!",
    "Did {org} know that {fact}?",
    "{Fact}, and {fact} as well.",
]
MONTHS = ["Jan.", "Feb.", "March", "April", "Aug.", "Sept.", "Oct.", "Dec."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def news_text(size: int, seed: int = 20240712) -> str:
    """Deterministic news-like text of at least ``size`` characters, paragraphs by blank lines."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(1, 6)):
            fact = rng.choice(FACTS).format(
                pct=f"{rng.randint(1, 40)}.{rng.randint(0, 9)}",
                amt=f"{rng.randint(1, 99)}.{rng.randint(0, 9)}",
                ver=f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
                n=rng.randint(2, 5000),
                month=rng.choice(MONTHS),
                day=rng.choice(DAYS),
                time=f"{rng.randint(1, 12)} {rng.choice(['a.m.', 'p.m.'])}",
                place=rng.choice(PLACES),
                dom=rng.randint(1, 28),
            )
            sentences.append(
                rng.choice(TEMPLATES).format(
                    fact=fact,
                    Fact=fact[0].upper() + fact[1:],
                    person=rng.choice(PEOPLE),
                    person2=rng.choice(PEOPLE),
                    speaker=rng.choice(SPEAKERS),
                    verb=rng.choice(VERBS),
                    org=rng.choice(ORGS),
                    place=rng.choice(PLACES),
                    month=rng.choice(MONTHS),
                    day=rng.choice(DAYS),
                    time=f"{rng.randint(1, 12)} p.m.",
                    pct=rng.randint(1, 40),
                    n=rng.randint(1, 9999),
                )
            )
        paragraph = " ".join(sentences)
        if rng.random() < 0.1:
            paragraph = "Markets React to New Figures\n" + paragraph
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def speed(count_of: Callable[[str], int], text: str) -> tuple[int, float]:
    """(sentences found, seconds), best of up to three runs."""
    best = float("inf")
    count = 0
    for _ in range(3):
        t0 = time.perf_counter()
        count = count_of(text)
        best = min(best, time.perf_counter() - t0)
        if best > 2:
            break
    return count, best


def main() -> None:
    text = news_text(TARGET_BYTES)
    cut = text.index("\n\n", PYSBD_BYTES)
    sample = {"claimcheck": text, "pysbd 0.3.4": text[:cut]}
    print(f"generated text: {len(text) / 1e6:.2f} MB; pysbd timed on the first {cut / 1e3:.0f} kB")
    print(
        "wikinews exact: gold spans reproduced exactly; extra: spans produced that are not gold\n"
    )
    header = f"{'segmenter':<12} {'golden':>7} {'wikinews exact':>15} {'extra':>6} "
    header += f"{'text':>8} {'sentences':>10} {'seconds':>8} {'sent/s':>9}"
    print(header)
    print("-" * len(header))
    rates: dict[str, float] = {}
    for name, (split, count_of) in SEGMENTERS.items():
        golden = golden_score(split)
        hit, wanted, extra = wikinews_score(split)
        count, seconds = speed(count_of, sample[name])
        rates[name] = count / seconds
        print(
            f"{name:<12} {golden:>4}/48 {hit:>11}/{wanted} {extra:>6} "
            f"{len(sample[name]) / 1e6:>6.2f}MB {count:>10,} {seconds:>8.2f} {rates[name]:>9,.0f}"
        )
    print(f"\nspeed-up: {rates['claimcheck'] / rates['pysbd 0.3.4']:.0f}x")


if __name__ == "__main__":
    main()
