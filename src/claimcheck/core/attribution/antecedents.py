"""Stage 4b, antecedents: the body a description ("the company", "the department", "the
group") stands for when the text named it before in a sentence with no cue, so that it was
never met as a source: by the head noun its name ends with, or by what an appositive says
it is ("Ellinais, a group of worshippers"); and the people named at no cue that "he" and
"she" may stand for; and the name an acronym stands for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from claimcheck.core.attribution.lexicon import _words
from claimcheck.core.attribution.phrases import _OPENING_CONJUNCTION
from claimcheck.core.attribution.source_kinds import _NAME_KINDS, _NOUN_KINDS, _infer_kind
from claimcheck.core.attribution.words import (
    _BODY_HEAD_WORDS,
    _CALENDAR,
    _COMPANY,
    _COMPANY_NOUNS,
    _CORE_TITLES,
    _DESC_STOPS,
    _DETERMINERS,
    _GENERIC_BODIES,
    _TITLE_WORDS,
)

# Capitalised names that end with what kind of body they are.
_CASED = {"llc": "LLC"}
_HEAD_WORDS = "|".join(sorted(_CASED.get(w, w.capitalize()) for w in _BODY_HEAD_WORDS - {"plc"}))
_BODY_HEADS = "(?:" + _HEAD_WORDS + r")\b"
# A body's name around its head noun: up to four capitalised words before it ("Irving
# Police Department"), "of" and a name after it ("Ministry of Finance"). The head is found
# first (a capital is rarer than a position), the words around it after.
# "plc" is the one head written in lower case ("Barclays plc"). The pattern opens on its
# words' first letters, in one flat alternation, so the scan for it runs at C speed (a
# leading assertion or a nested group made it try every position of the text, 10% of
# attribution on news-like text). That the head starts a word is checked after
# (`_WORD_BEFORE`): a match inside a longer word ends where that word ends, so it never
# hides a whole head.
_HEAD = re.compile("(?:" + _HEAD_WORDS + r"|plc)(?!\w)")
_WORD_BEFORE = re.compile(r"\w")
# Spaces only, never a line break: a headline above is no part of the name. The first
# word is written out so that the pattern opens on a capital (a fast scan to each one).
_NAME_WORD = r"[\w&.'\u2019-]*[ \t]+(?:(?:of|for|and|the)[ \t]+)*"
_BEFORE_HEAD = re.compile(r"[A-Z]" + _NAME_WORD + r"(?:[A-Z]" + _NAME_WORD + r"){0,3}$")
# Words with a stop that end no sentence: "Dr. Ana Ruiz", "U.S. Department", "St. Louis".
_ABBREVIATIONS = _CORE_TITLES | _words("st. mt. ft. jr. sr. no.")
_AFTER_HEAD = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,3}")
_BODY_WORD = re.compile(r"\b" + _BODY_HEADS)
# The words between the article and the noun are the noun's own modifiers, never a
# preposition: in "Ana Ruiz, a spokeswoman for the company" she is no company.
_STOPS = "(?:" + "|".join(sorted(_DESC_STOPS)) + ")"
# "Ellinais, a group of worshippers": a name, then the kind of body it is; the appositive
# is found first (a comma is rarer than a capital), then the name before its comma.
_APPOSED_BODY = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?!"
    + _STOPS
    + r"\b)[\w-]+\s+){0,3}?(?P<noun>"
    + "|".join(sorted(n for n, kinds in _NOUN_KINDS.items() if "organization" in kinds))
    # The noun ends the appositive: "a school teacher" is no school.
    + r")(?=\s+(?:of|at|for|in|from|with|who|which|that|based)\b|\s*[,;.(])"
)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w&.'\u2019-]*(?:[ \t]+[A-Z][\w&.'\u2019-]*){0,4}$")


@lru_cache(maxsize=4)
def _mentions(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Every body the text names by a head noun ("", the name) or with an appositive (its
    noun, the name), in order: found once per document, read by every description."""
    found: list[tuple[int, int, str, str]] = []
    for head in _HEAD.finditer(text):
        if head.start() and _WORD_BEFORE.match(text, head.start() - 1):
            continue  # "Corp" ends "McCorp": no head of its own
        before = _BEFORE_HEAD.search(text, max(0, head.start() - 120), head.start())
        after = _AFTER_HEAD.match(text, head.end())
        start = (
            head.start() if before is None else _sentence_start(text, before.start(), head.start())
        )
        end = head.end() if after is None else after.end()
        stop = text.find(". ", head.end(), end)
        if stop > 0:
            end = stop + 1  # "the University of Toronto. The ...": the sentence ended
        found.append((start, end, text[start:end], ""))
    for appositive in _APPOSED_BODY.finditer(text):
        comma = appositive.start()
        name = _NAME_BEFORE.search(text, max(0, comma - 80), comma)
        if name is not None:
            start = _sentence_start(text, name.start(), comma)
            found.append((start, appositive.end(), text[start:comma], appositive.group("noun")))
    return tuple(sorted(found))


def _sentence_start(text: str, start: int, end: int) -> int:
    """Where the words before a head noun at ``end`` start within its own sentence:
    "Tuesday. The Irving Police Department" names the department, the day ended a sentence."""
    stop = text.rfind(". ", start, end)
    while stop >= start:
        word = text[max(start, text.rfind(" ", start, stop) + 1) : stop + 1]
        dotted = "." in word[:-1] or len(word) == 2  # "U.S.", an initial "J."
        if not dotted and word.lower() not in _ABBREVIATIONS:
            return end - len(text[stop + 1 : end].lstrip())
        stop = text.rfind(". ", start, stop)
    return start


# "The request was advanced by the Municipality of Livorno ... The city reasoned": the
# town's government is what "the city" says.
_TOWN_HALL = {"city": "municipality", "town": "municipality"}


def _body_named_before(text: str, noun: str, before: int) -> tuple[str, int] | None:
    """The name of the last body the text named before ``before`` that "the <noun>" can
    stand for: one whose name has the noun ("... Department" for "the department"), a
    company's ending for "the company", any body for "the group"; of the noun's kind. With
    where it was named."""
    generic = noun in _GENERIC_BODIES
    kinds = _NOUN_KINDS.get(noun, {"organization"})
    for start, end, written, appositive in reversed(_mentions(text)):
        if end > before:
            continue
        words = written.lower().split()
        if words[-1:] == [noun] and len(words) <= 2 and words[0] in (noun, "the"):
            continue  # "the Church" again: a description written with a capital, no name
        if not (
            generic
            or (appositive and appositive == noun)
            or (
                not appositive
                and (
                    noun in words
                    or _TOWN_HALL.get(noun) in words
                    or (noun in _COMPANY_NOUNS and words[-1].rstrip(".") in _COMPANY)
                )
            )
        ):
            continue
        name = _body_name(written)
        if _infer_kind(name, frozenset())[0] in kinds:
            return name, start
        # "the group" is no ministry named since, nor "the company" a spokeswoman: an
        # earlier body may still be the one.
    return None


def _body_name(written: str) -> str:
    """A mention's name as a source is called: no "The", no stop, not its speaker's name."""
    name = written.removeprefix("The ").removesuffix("'s").removesuffix("\u2019s")
    head, of, rest = name.partition(" of ")
    if of and _BODY_WORD.search(head) is None:
        # "Dr. Ana Ruiz of Norvex Corp": the body is the one she is of, never her name
        # with it (which, learned, would make her a company in the files after).
        name = rest.removeprefix("the ").removeprefix("The ")
    if not name.endswith(("Inc.", "Corp.", "Ltd.", "Co.")):
        name = name.rstrip(".")  # the stop that ended the sentence
    return name


_PERSON_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3}\b")


def _opening_name(text: str, start: int, end: int) -> str | None:
    """The name the sentence at ``start:end`` opens with, if it opens with one that is no
    possessive ("Capo Daniel is a spokesman ... He said")."""
    match = _PERSON_NAME.match(text, start, end)
    if match is None or (match.end() < end and text[match.end()] in "'\u2019"):
        return None
    return match.group()


# "is Bay County's emergency management coordinator", "is the head of": a noun phrase whose
# head is a title; not "is the mayor's daughter", "was fired by the police chief".
_COPULA = re.compile(
    r"\s+is\s+(?:the\s+|an?\s+|(?P<owner>(?:[A-Z][\w'\u2019-]*\s+){0,3}?[A-Z][\w-]*)['\u2019]s\s+)"
    r"(?P<desc>(?:[a-z][\w-]*\s+){0,3}?(?P<head>[a-z][\w-]*))(?=\s+(?:of|for|at|in|with)\b|[.,;])"
)


def _names_in(window: str) -> Iterator[tuple[str, frozenset[str]]]:
    """The names shaped like people's in a stretch of text before a pronoun, with the titles
    written before them, nearest first: the latest sentence first, and in it its subject ("The
    group's leader, Vlassis Rassias, welcomed the decision. He called it" is Rassias)."""

    def order(m: re.Match[str]) -> tuple[int, bool, int]:
        stops = window.count(". ", m.start()) + window.count("\n", m.start())
        subject = m.start() < 2 or window[m.start() - 2] in ".\n"
        return stops, not subject, -m.start()

    for match in sorted(_PERSON_NAME.finditer(window), key=order):
        if window[: match.start()].endswith((" the ", " of ")):
            continue  # "president of the Central African Republic's court": a place
        # "But Ana Ruiz attacked ...": the conjunction opening the sentence is no name's.
        opening = _OPENING_CONJUNCTION.match(match.group())
        words = match.group()[0 if opening is None else opening.end() :].split()
        # "Governor Lisa Hart", "Elections Director Dennis Murira": the name after the title.
        cut = max((i for i, w in enumerate(words[:-2]) if w.lower() in _TITLE_WORDS), default=-1)
        titles = [w.lower() for w in words[: cut + 1]]
        words = words[cut + 1 :]
        while words and (words[0].lower() in _TITLE_WORDS or words[0].lower() in _DETERMINERS):
            titles.append(words.pop(0).lower())
        name = " ".join(words)
        copula = _COPULA.match(window, match.end())
        if copula is not None and copula["head"] in _TITLE_WORDS | {"coordinator"}:
            # "Ryan Manz is Bay County's emergency management coordinator. He says": what the
            # sentence says he is, up to what he is of ("the head of the Bay City YMCA").
            titles += f"{copula['owner'] or ''} {copula['desc']}".lower().split()
        if len(words) > 1 and not any(
            w in _NAME_KINDS or w in _CORE_TITLES or w in _CALENDAR for w in name.lower().split()
        ):
            yield name, frozenset(titles)


_TEAM = re.compile(
    r"\b([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3}\s+and\s+(?:his|her|their)\s+"
    r"(?:colleagues|co-authors|coauthors|team|fellow\s+researchers))\b"
)


def _team_named(text: str, offset: int) -> str | None:
    """A researcher and their colleagues named in the last sentences, whom "they" may be."""
    found = list(_TEAM.finditer(text, max(0, offset - 400), offset))
    return found[-1].group(1) if found else None


# A name of capitalised words, with the small words inside names, before a bracket.
_NAME_BEFORE_BRACKET = re.compile(
    r"((?:(?:[A-Z][\w&.'\u2019-]*|\d+)\s+(?:(?:of|for|and|on|the|de)\s+)*)+)\($"
)


def _spelt_out(text: str, acronym: str) -> str | None:
    """The name an acronym stands for where the text gives it in brackets after the name:
    "Rainforest Action Network (RAN)", "UN Office for the Coordination of Humanitarian
    Affairs (OCHA)" (the words whose initials the acronym spells)."""
    letters = acronym.replace(".", "")
    if not 2 <= len(letters) <= 8:
        return None
    at = text.find(f"({acronym})")
    while at > 0:
        before = _NAME_BEFORE_BRACKET.search(text, max(0, at - 120), at + 1)
        if before is not None:
            words = before.group(1).split()
            # "Movimento 5 Stelle (M5S)": a number spells itself.
            capitals = [i for i, w in enumerate(words) if w[0].isupper() or w.isdigit()]
            if len(capitals) >= len(letters):
                first = capitals[-len(letters)]
                if "".join(words[i][0] for i in capitals[-len(letters) :]) == letters:
                    return " ".join(words[first:])
        at = text.find(f"({acronym})", at + 1)
    return None


_ACRONYM = re.compile(r" \(([A-Z][A-Z.]{1,9})\)")


def _acronym_of(text: str, name: str) -> tuple[str, ...]:
    """The acronym the text gives in brackets after a name, if it does."""
    at = text.find(name + " (")
    found = _ACRONYM.match(text, at + len(name)) if at >= 0 else None
    return () if found is None else (found.group(1),)


_CAPITAL = re.compile(r"\b[A-Z]")


def _member_of(text: str, people: list[str], body: str, before: int) -> int:
    """Which of these people, latest first, the text named before ``before`` in the same
    sentence as the body, after the name or before it ("spokesperson Jens Laerke from the
    Office for the Coordination of Humanitarian Affairs (OCHA) told journalists", '"OCHA is
    determined ...," said spokesperson Jens Laerke' ... "the OCHA official added"), or -1."""
    for index in range(len(people) - 1, -1, -1):
        at = text.find(people[index], 0, before)
        if at < 0:
            continue
        end = text.find(". ", at, before)
        if body in text[at : end if end >= 0 else before]:
            return index
        # Before the name only with no other name between: "... (OCHA) is determined ...,"
        # said spokesperson Jens Laerke", not "OCHA and WHO briefed ..., where WHO
        # spokesperson Tarik Jasarevic said".
        start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
        found = text.rfind(body, start, at)
        if found >= 0 and _CAPITAL.search(text, found + len(body), at) is None:
            return index
    return -1


def _group_named(text: str, plural: str, before: int) -> str | None:
    """The group of people the text named before by where they are from: "parents from
    Elliot", "villagers of Ngcobo"."""
    pattern, starts = _groups_named(text, plural)
    for index in range(bisect_left(starts, before) - 1, -1, -1):
        found = pattern.match(text, starts[index], before)
        if found is not None:
            return found.group()
    return None


# Each "the parents" of a document looks for its group: the text is searched once for each
# plural, not once for each mention, which would grow with the square of its length.
@lru_cache(maxsize=32)
def _groups_named(text: str, plural: str) -> tuple[re.Pattern[str], tuple[int, ...]]:
    pattern = re.compile(
        rf"\b{re.escape(plural)}\s+(?:from|of|in)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*"
    )
    return pattern, tuple(found.start() for found in pattern.finditer(text))
