"""Check-worthiness: how much a sentence is worth a fact-checker's time, 0..1, with reasons.

Statistics, comparisons and superlatives are what fact-checkers verify first; named entities
and causal or predictive language make a claim concrete enough to check; opinions and
scene-setting are rarely checkable. Signals are looked up in the sentence's set of lower-case
words, and the one regular expression (numbers and dates) runs only on sentences with digits:
scoring runs on every sentence at ingest, so it has to cost a few microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

__all__ = ["SCORED_WORDS", "score", "words_of"]

_WORD = re.compile(r"[a-z]+")


def words_of(sentence: str) -> set[str]:
    """The lower-case words of a sentence, as a set."""
    return set(_WORD.findall(sentence.lower()))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Starts on one character class, so the scan for it runs at C speed; ASCII digits, because
# a Unicode \d class makes that scan markedly slower.
_NUMBER = re.compile(
    r"[$\u20ac\u00a3\u00a50-9](?:\s?[0-9])?(?:[0-9,.:]*[0-9])?(?:st|nd|rd|th)?"
    r"(?:\s?(?:%|percent\b|per\s+cent\b))?"
)
_DIGIT = re.compile(r"[0-9]")
_MONTH_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s+$")
_CAPITALISED = re.compile(r" [\"\u201c(]?[A-Z]")

_SIGNALS = {
    "statistic": _words(
        """million millions billion billions trillion thousand thousands hundred hundreds
        dozen dozens half twice percent"""
    ),
    "quantity": _words(
        """two three four five six seven eight nine ten eleven twelve twenty thirty forty
        fifty sixty seventy eighty ninety"""
    ),
    "comparison": _words(
        """doubled tripled halved rose risen fell fallen dropped surged plunged soared
        increased decreased declined grew grown slipping slipped outnumber outnumbered
        compared"""
    ),
    "superlative": _words(
        """most least largest biggest highest lowest fastest slowest smallest greatest worst
        best deadliest oldest newest longest strongest weakest richest poorest first record
        unprecedented ever"""
    ),
    "causal": _words("because therefore thus caused causes cause blamed consequently"),
    "predictive": _words("will forecast forecasts predict predicts predicted projected could may"),
    "opinion": _words("should ought hope hopes beautiful wonderful terrible awful amazing lovely"),
}
_COMPARATIVES = _words(
    """more less fewer greater higher lower larger smaller bigger faster slower better worse
    cheaper older younger"""
)
# Phrases, each looked for only when its key word is among the sentence's words.
_PHRASES = {
    "than": ("comparison", ""),
    "due": ("causal", "due to"),
    "led": ("causal", "led to"),
    "leads": ("causal", "leads to"),
    "result": ("causal", "result"),
    "expected": ("predictive", "expected to"),
    "likely": ("predictive", "likely to"),
    "plans": ("predictive", "plans to"),
    "plan": ("predictive", "plan to"),
    "think": ("opinion", "i think"),
    "feel": ("opinion", "i feel"),
    "believe": ("opinion", "i believe"),
    "view": ("opinion", "in my view"),
}
_SIGNAL_OF = {word: signal for signal, words in _SIGNALS.items() for word in words}
_KEYS = frozenset(_SIGNAL_OF) | frozenset(_PHRASES)
# The only words ``score`` looks at: a caller may pass just those of a sentence.
SCORED_WORDS = _KEYS | _COMPARATIVES

_WEIGHTS = {
    "statistic": 0.35,
    "quantity": 0.15,
    "comparison": 0.2,
    "superlative": 0.15,
    "causal": 0.1,
    "predictive": 0.08,
    "date": 0.04,
    "opinion": -0.15,
}
_REASONS = {
    "statistic": "numbers or statistics",
    "quantity": "quantities",
    "comparison": "comparison or change",
    "superlative": "superlative",
    "causal": "causal language",
    "predictive": "predictive language",
    "date": "dates",
    "opinion": "opinion or question",
}
_CONCRETE = frozenset(("statistic", "quantity", "comparison", "superlative"))


def score(sentence: str, words: Collection[str] | None = None) -> tuple[float, tuple[str, ...]]:
    """The check-worthiness of one claim sentence and the reasons behind it.

    ``words`` is the set of the sentence's lower-case words when the caller has it already
    (those among ``SCORED_WORDS`` are enough).
    """
    if words is None:
        words = words_of(sentence)
    found: set[str] = set()
    if _DIGIT.search(sentence) is not None:
        for token in _NUMBER.findall(sentence):
            kind = _token_kind(token)
            if kind is None:
                # A day number: whether a month precedes it needs the match's position.
                found.update(_number_kind(sentence, m) for m in _NUMBER.finditer(sentence))
                break
            found.add(kind)
    present = _KEYS.intersection(words)
    if present:
        lower = sentence.lower()
        for word in present:
            signal = _SIGNAL_OF.get(word)
            if signal is not None:
                if word != "may" or " may " in sentence:  # not the month
                    found.add(signal)
                continue
            signal, phrase = _PHRASES[word]
            if (phrase in lower) if phrase else not _COMPARATIVES.isdisjoint(words):
                found.add(signal)
    if "?" in sentence or "!" in sentence:
        found.add("opinion")
    entities = min(5, len(_CAPITALISED.findall(sentence)))
    return _combine(frozenset(found), entities, sentence.count(" ") < 7)


@lru_cache(maxsize=4096)
def _combine(found: frozenset[str], entities: int, short: bool) -> tuple[float, tuple[str, ...]]:
    """The score and reasons of a set of signals; few sets occur, so each is worked out once."""
    value = 0.15 + sum(_WEIGHTS[name] for name in found)
    reasons = [_REASONS[name] for name in _WEIGHTS if name in found]
    if entities:
        value += 0.03 * entities
        reasons.append("named entities")
    if short or found.isdisjoint(_CONCRETE):
        # Short or number-free sentences mostly set the scene.
        value -= 0.1 if short else 0.05
        reasons.append("scene-setting")
    return round(min(1.0, max(0.0, value)), 3), tuple(reasons)


def _number_kind(sentence: str, match: re.Match[str]) -> str:
    """A number is a date (a year, a day of a month, a time) or a statistic."""
    kind = _token_kind(match.group())
    if kind is not None:
        return kind
    return "date" if _MONTH_BEFORE.search(sentence, 0, match.start()) else "statistic"


@lru_cache(maxsize=4096)
def _token_kind(token: str) -> str | None:
    """The kind of a number on its own; None for a short one that a month before makes a day."""
    if token[0].isdigit() and token[-1].isdigit():
        if len(token) == 4 and token[:2] in ("18", "19", "20"):
            return "date"
        if ":" in token:
            return "date"
        if len(token) <= 2:
            return None
    elif token.endswith(("st", "nd", "rd", "th")):
        return "date"
    return "statistic"
