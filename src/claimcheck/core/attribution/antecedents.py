"""Stage 4b, antecedents: the body a description ("the company", "the department", "the
group") stands for when the text named it before in a sentence with no cue, so that it was
never met as a source: by the head noun its name ends with, or by what an appositive says
it is ("Ellinais, a group of worshippers").
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.lexicon import _words
from claimcheck.core.attribution.source_kinds import _NOUN_KINDS, _infer_kind
from claimcheck.core.attribution.words import _COMPANY, _COMPANY_NOUNS

# Capitalised names that end with what kind of body they are.
_BODY_HEADS = (
    r"(?:Group|Inc|Corp|Corporation|Company|Ltd|LLC|plc|Motors|Airlines|Airways|Holdings"
    r"|Technologies|Labs|Bank|Foundation|Institute|University|Church|Association|Society|Union"
    r"|Party|Museum|Hospital|School|Festival|Federation|League|Council|Committee|Court"
    r"|International|Organi[sz]ation|Network|Alliance|Coalition|Conference|Trust|Club|Movement"
    r"|Department|Ministry|Government|Agency|Police|Commission|Office|Authority|Bureau)\b"
)
_BODY_NAME = re.compile(
    r"\b(?:[A-Z][\w&.'\u2019-]*\s+(?:(?:of|for|and|the)\s+)*){0,4}" + _BODY_HEADS
    + r"(?:\s+of\s+(?:the\s+)?[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,3})?"
)  # fmt: skip
_BODY_WORD = re.compile(r"\b" + _BODY_HEADS)
# "Ellinais, a group of worshippers": a name, then the kind of body it is.
_APPOSED_BODY = re.compile(
    r"(?P<name>\b[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,4}),\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?P<noun>group|organi[sz]ation|charity|company|firm|body|association"
    r"|movement|network|society|party|union|church)\b"
)
_GENERIC_BODIES = _words("group organisation organization body")


def _body_named_before(text: str, noun: str, before: int) -> tuple[str, int] | None:
    """The name of the last body the text named before ``before`` that "the <noun>" can
    stand for: one whose name has the noun ("... Department" for "the department"), a
    company's ending for "the company", any body for "the group"; of the noun's kind. With
    where it was named."""
    last: re.Match[str] | None = None
    generic = noun in _GENERIC_BODIES
    for match in _BODY_NAME.finditer(text, 0, before):
        words = match.group().lower().split()
        if (
            noun in words
            or generic
            or (noun in _COMPANY_NOUNS and words[-1].rstrip(".") in _COMPANY)
        ):
            last = match
    for match in _APPOSED_BODY.finditer(text, 0, before):
        if (generic or match.group("noun") == noun) and (
            last is None or match.start() > last.start()
        ):
            last = match
    if last is None:
        return None
    name = (last.groupdict().get("name") or last.group()).removeprefix("The ")
    head, of, rest = name.partition(" of ")
    if of and _BODY_WORD.search(head) is None:
        # "Dr. Ana Ruiz of Norvex Corp": the body is the one she is of, never her name
        # with it (which, learned, would make her a company in the files after).
        name = rest.removeprefix("the ").removeprefix("The ")
    if not name.endswith(("Inc.", "Corp.", "Ltd.", "Co.")):
        name = name.rstrip(".")  # the stop that ended the sentence
    if _infer_kind(name, frozenset())[0] not in _NOUN_KINDS.get(noun, {"organization"}):
        return None  # "the group" is no ministry named before
    return name, last.start()
