"""Stage 2c, titles read off names: the last capitalised run of a noun phrase split into
the title before it and the name ("Environment Minister John Baird", "Governor of Washington
Chris Gregoire"), with its acronyms, the body a title names ("Shell spokeswoman Jane Doe"),
and the lower-case words after it up to a place ("in the Southern District").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from claimcheck.core.attribution.source_kinds import (
    _NAME_KINDS,
    _body_kind,
    _head_words,
    _party_member,
    _title_words,
)
from claimcheck.core.attribution.words import (
    _BODY_TITLES,
    _CALENDAR,
    _CORE_TITLES,
    _DETERMINERS,
    _GENDERS,
    _GENERIC_CAPS,
    _NAME_JOINERS,
    _ON_BODIES,
    _PORTFOLIOS,
    _TITLE_MODIFIERS,
    _TITLE_WORDS,
    _VAGUE_HEADS,
)

_TOKEN = re.compile(r"\([A-Z][A-Za-z0-9.&]{1,11}\)|[\w@][\w.&'\u2019@-]*")


class _Parsed(NamedTuple):
    """A name read from a noun phrase."""

    name: str  # "John Baird" of "Environment Minister John Baird"; empty for a bare title
    acronyms: tuple[str, ...]  # "WHO" of "World Health Organization (WHO)"
    described: frozenset[str]  # the words that describe it: titles, appositive heads
    trailing: tuple[str, ...]  # the lower-case words after the name
    first: int  # where the phrase's first word starts


@lru_cache(maxsize=1 << 15)
def _parse_name(rest: str, desc: str) -> _Parsed | None:
    """Split "Environment Minister John Baird" into a title and a name, and so on. Pure, and
    names recur across a corpus, so it is cached."""
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(rest)]
    run = _name_run(tokens)
    if run is None:
        return None
    lo, hi = run
    names = [t for t, _ in tokens[lo:hi] if not t.startswith("(")]
    acronyms = tuple(t[1:-1] for t, _ in tokens[lo:hi] if t.startswith("("))
    core = max((i for i, t in enumerate(names) if t.lower() in _CORE_TITLES), default=-1)
    titled = [t for t, _ in tokens[:lo]] + names[: core + 1]
    before = _title_words(titled)
    names = names[core + 1 :]
    title = next((i for i, t in enumerate(before) if t in _BODY_TITLES), 0)
    if title and before[title - 1] not in _PORTFOLIOS:
        # "Shell spokeswoman Jane Doe", "Acme Corp's chief executive John Smith": the body.
        body = _body_kind([*titled[: title - 1], _bare(titled[title - 1])], before[title:])
        if body:
            before.append("@" + body)
    while len(names) > 2 and (
        names[0].lower() in _VAGUE_HEADS
        or (names[0].endswith("s") and names[0].lower()[:-1] in _TITLE_WORDS)
    ):
        before.append(names.pop(0).lower())  # "Engineers Jan Novak", "Officials Li Wei"
    of = (core >= 0 and bool(names) and names[0] in ("of", "for")) or (
        lo > 0
        and tokens[lo - 1][0] in ("of", "for", "the")
        and any(t.lower() in _CORE_TITLES for t, _ in tokens[:lo])
    )
    while (
        core >= 0 and names and (names[0] in ("of", "for") or names[0].lower() in _TITLE_MODIFIERS)
    ):
        before.append(names.pop(0).lower())  # "Secretary of State Antony Blinken"
    if of and len(names) > 2 and not any(t.lower() in _NAME_KINDS for t in names[-2:]):
        # "Governor of Washington Chris Gregoire": the place the title is of, then the name,
        # from a known first name or else its last two words.
        first = next((i for i, t in enumerate(names) if t.lower() in _GENDERS), len(names) - 2)
        before.extend(t.lower() for t in names[:first])
        names = names[first:]
    after = [t for t, _ in tokens[hi:]]
    place = next((k for k in range(len(after)) if _locates(after, k)), len(after))
    trailing = tuple(t.lower() for t in after[:place])  # not "in the Southern District"
    head = _head_words(desc)
    described = frozenset((*before, *trailing, *head, *_party_member(head)))
    return _Parsed(" ".join(names), acronyms, described, trailing, tokens[0][1])


def _name_run(tokens: list[tuple[str, int]]) -> tuple[int, int] | None:
    """The last run of capitalised tokens (with "of" or "for" inside) of a noun phrase."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i][0]
        if not (token[0].isupper() or token.startswith("(")) or token.lower() in _GENERIC_CAPS:
            i += 1
            continue
        j = i + 1
        while j < n and (
            not tokens[j - 1][0].endswith(("'s", "\u2019s"))
            # "US Attorney's Office": a possessive that is part of the body's name.
            or (tokens[j][0].lower() in _NAME_KINDS and (j + 1 == n or tokens[j + 1][0] == "in"))
        ):
            t = tokens[j][0]
            if _capitalised(t) or t.startswith("(") or (t[0].isdigit() and len(t) < 4):
                j += 1
            elif (
                j + 1 < n
                and _capitalised(tokens[j + 1][0])
                and (
                    t in _NAME_JOINERS
                    or (
                        t == "on"
                        and tokens[j - 1][0].lower() in _ON_BODIES
                        and _topic(tokens, j + 1)
                    )
                )
            ):
                j += 2  # "Council on American-Islamic Relations", "Commission on Human Rights"
            elif (
                t in ("of", "for")
                and tokens[j + 1 : j + 2] == [("the", tokens[j + 1][1])]
                and j + 2 < n
                and _capitalised(tokens[j + 2][0])
            ):
                j += 3  # "Office for the Coordination of Humanitarian Affairs"
            else:
                break
        # "the US Attorney's Office in Manhattan": a place after "in" only locates a name; "the
        # UN Security Council on Iran", what it is on.
        # "Uplift High School on the North Side": so with "the" between.
        where = i - 1 if i < 2 or tokens[i - 1][0] != "the" else i - 2
        if not (runs and where >= 0 and tokens[where][0] in ("in", "on")):
            runs.append((i, j))
        i = j
    for lo, hi in reversed(runs):
        words = [t for t, _ in tokens[lo:hi]]
        if words[-1].endswith(("'s", "\u2019s")) and (lo, hi) != runs[-1]:
            continue  # "China's" in "China's World Internet Conference"
        if all(w.lower() in _CALENDAR for w in words):
            continue  # "the Ministry of Interior on Tuesday"
        if words[0].lower() in _DETERMINERS:
            lo += 1
        if lo < hi:
            return lo, hi
    return None


def _locates(words: Sequence[str], k: int) -> bool:
    """Whether the word at ``k`` starts a place a name is in: "in the Southern District"."""
    if words[k] not in ("in", "on", "at"):
        return False
    rest = words[k + 1 : k + 3]
    if rest and rest[0] == "the":
        rest = rest[1:]
    return bool(rest) and _capitalised(rest[0])


def _bare(word: str) -> str:
    """A word without its possessive ending: "Acme's" is "Acme"."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def _topic(tokens: Sequence[tuple[str, int]], i: int) -> bool:
    """Whether the words at ``i`` after "on" are what a body works on, its name going on:
    two capitalised words or more ("Council on Foreign Relations"); not a day, a possessive
    or one name ("The UN Security Council on Iran said", "on Tuesday's vote")."""
    topic = [t for t, _ in tokens[i : i + 2]]
    return (
        len(topic) == 2
        and all(_capitalised(t) and not t.endswith(("'s", "\u2019s")) for t in topic)
        and topic[0].lower() not in _CALENDAR
    )


def _capitalised(token: str) -> bool:
    """A name's word: "Sharif", "al-Sharif", "McDonald"."""
    return token[0].isupper() or ("-" in token and token.split("-", 1)[1][:1].isupper())


def _names_someone(text: str) -> bool:
    """Whether a phrase is a person's name, perhaps with a title: "Dr. Li Wei"."""
    words = text.split()
    names = [w for w in words if w[0].isupper() and w.lower() not in _CORE_TITLES]
    return (
        bool(names)
        # "Secretary of State Antony Blinken": a title's "of" says what it is the title of.
        and words[-1].lower() not in _CORE_TITLES
        # "Assistant Attorney General Alice S. Fisher": three title words and an initial.
        and len(words) <= 7
        and not any(w.lower().strip(".,") in _NAME_KINDS for w in words)
        and (len(names) > 1 or len(names) < len(words))
    )


# A word of a name: "Newsom", "O'Brien", "Luj\u00e1n", "Smith-Jones".
_NAME_WORD = r"[A-Z][\w'\u2019-]+"


@lru_cache(maxsize=512)
def _title_then_name(titles: tuple[str, ...]) -> re.Pattern[str]:
    """A title, then the name of two to four words written right after it."""
    alternatives = "|".join(re.escape(title) for title in titles)
    return re.compile(rf"\b(?i:{alternatives}),?\s+({_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{1,3}})\b")


def _titled_names(text: str, titles: tuple[str, ...], start: int, end: int) -> list[re.Match[str]]:
    """Every title of ``titles`` with a name after it between ``start`` and ``end``."""
    return list(_title_then_name(titles).finditer(text, start, end))


def _named_by_title(text: str, titles: tuple[str, ...], at: int, later: bool) -> str | None:
    """The name written right after this title: the first after ``at`` when ``later``, else
    the last before it."""
    if later:
        found = _title_then_name(titles).search(text, at)
    else:
        found = next(reversed(_titled_names(text, titles, max(0, at - 3000), at)), None)
    if found is None or found.group(1).split()[0].lower() in _CALENDAR:
        return None  # "met the prime minister Tuesday and Friday": no name
    return found.group(1)


# A time between a subject and its verb: "UN Secretary-General on Monday urged".
_WHEN = re.compile(r"\s+(?:on\s+[A-Z][a-z]+day|yesterday|today|last\s+week)$")
