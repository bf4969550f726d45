"""Sentence kinds: ``claim``, ``headline``, ``boilerplate`` and ``other``.

A kind depends on the sentence's line as much as on its words: a headline is a line of its
own without a final stop, a source list is recognised by its line shape, and everything under
a "Sources" heading that looks like a list item is boilerplate. So classification works on a
whole document. Most body sentences sit inside a paragraph line and cost a couple of string
look-ups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.core.vocabulary import CLAIM_KINDS

__all__ = ["BOILERPLATE", "CLAIM", "HEADLINE", "KINDS", "OTHER", "classify_document"]

CLAIM = "claim"
HEADLINE = "headline"
BOILERPLATE = "boilerplate"
OTHER = "other"
KINDS = CLAIM_KINDS

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d\d-\d\d)"
)
# A line that is only a date, optionally with a weekday, a time or an "Updated" label.
_DATELINE = re.compile(
    rf"(?:(?:Updated|Published|Posted|Last updated)\b:?\s*)?(?:{_DAY},?\s+)?{_DATE}"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\s*\.?",
)
# A live blog's entry heading opens with its time: "8:00 p.m. Talks 'productive'"; a short
# capitalised title follows, not a sentence that reports what someone said ("10:30 a.m.
# Police say the suspect fled ...").
_TIMESTAMP = re.compile(r"\d{1,2}:\d\d\s*[ap]\.?m\.?\s+(?=[A-Z\"'\u2018\u201c])")
_TIMESTAMP_WORDS = 9  # "5:30 p.m. Most Chicago schools will be closed a third day"
_SPEECH = re.compile(r"\b(?:say|says|said|told|tells)\b")
# A line that hands the passage under it to its writer: "From our housing reporter Ana Ruiz:";
# a name or a writer's role before the colon, not "From the ministry's statement to parliament:".
_FROM_LINE = re.compile(
    r"From\s+[^.!?,:]{0,60}?(?:\b(?:reporter|correspondent|editor|writer|columnist)s?"
    r"|\s[A-Z][\w.'\u2019-]+)\s*:"
)
# A fact check's "Source: The Lakeside Fund made this claim in an ad.": who made the claim
# checked, a sentence, not a credit (attribution reads who from it).
FACT_CHECK_SOURCE = re.compile(
    r"Source:\s+(?P<who>[^,.;:]{2,90}?)\s+(?P<verb>made|makes)\s+(?:this|the)\s+claim\b"
)
_BYLINE = re.compile(r"(?:By|BY|Written by|Reporting by|Posted by)\s+[A-Z][\w.'\u2019-]*")
_BOILER_LINE = re.compile(
    r"""(?ix)
    (?:read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+(?:news|articles?|stories|links))?
      |more\s+on\s+this|categor(?:y|ies)|tags?|topics?|filed\s+under|image|images|photo|photos
      |picture|pictured|credit|image\s+credit|photo\s+credit|caption|source|sources|references
      |external\s+links|advertisement|sponsored)\s*[:|]
    |(?:share\s+(?:this|on|via)|subscribe\b|sign\s+up\b|follow\s+us\b|click\s+here\b
      |copyright\s*(?:©|\(c\)|\d{4})|©|all\s+rights\s+reserved|advertisement$|(?:image|photo)\s+(?:by|courtesy)\b
      |this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+)?(?:first\s+)?published)
    """
)
_SECTION_HEADING = re.compile(
    r"(?i)(?:sources?|references|external\s+links|see\s+also|related\s+(?:news|articles|stories)"
    r"|further\s+reading|notes)\s*:?"
)
# A caption's credit: "... (Photo: Jane Doe/Reuters)", "Photo by Jane Doe".
_CAPTION = re.compile(
    r"(?i)\((?:photo|image|picture|file\s+photo|credit)\b[^)]*\)\s*\.?$"
    r"|\b(?:photo|image|picture)\s+(?:by|credit|courtesy\s+of)\b"
)
# A caption that ends with its credit rather than starting with a label: "... (AFP)",
# "... REUTERS/Jane Doe", "... AP Photo/Jane Doe", "... Photo: Jane Doe", "... Getty Images".
_CREDIT_END = re.compile(
    r"(?:\((?:AFP|AP|EPA|AAP|PA|Reuters|Xinhua|Anadolu|Getty\s+Images|File)(?:\s+[Pp]hoto)?\)"
    r"|\b[A-Z]{2,}(?:\s+Photo)?/\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"|\b(?:Photo|Image|Picture|Credit|Video|Audio)s?:\s*[A-Z][^.!?:]{1,60}"
    # "Leung Yiu-chung of NWSC; from file, 2008.": a file photo's caption.
    r"|[;,]\s*from\s+file,?\s+\d{4}"
    r"|\bGetty\s+Images)\s*\.?\s*$"
)
# '"Title" — Outlet, August 15, 2008': a source-list item, wherever the line starts.
_SOURCE_ITEM = re.compile(
    rf"""["“][^"”]+["”]\s*[—\u2013-]+\s*[^—\u2013]{{2,80}},\s*{_DATE}\s*\.?\s*$"""
)
_DASH_CREDIT = re.compile(r"[—\u2013]\s*\S")
_QUOTE = re.compile('["\u201c\u201d]')
# Running text of several sentences, not a heading: a stop inside the line with more text
# after it, and a stop at its end ("TAXES WILL RISE. UNEMPLOYMENT FELL."). A heading has
# no stop at its end ("... INC. OVER BACK PAY (06-101)") or none inside it ("... INC.").
_INNER_STOP = re.compile('[.!?]["\u201d\u2019)]*\\s+\\S')
_END_STOP = re.compile('[.!?]["\u201d\u2019)]*$')
_FINAL_STOP = frozenset('.!?:;"”\u2019)')


def classify_document(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """The kind of every sentence span of ``text``, in order."""
    kinds: list[str] = []
    line_kind: dict[int, str | None] = {}
    in_sources = False
    seen_body = False
    cased = not text.isupper()  # some text in lower case, beside any line in capitals
    for start, end in spans:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if line_end < 0:
            line_end = len(text)
        at_line_start = line_start == start or text[line_start:start].isspace()
        if line_start not in line_kind:
            line = text[line_start:line_end].strip()
            found: str | None = None
            if _boilerplate(line) or (in_sources and _looks_listed(line)):
                found = BOILERPLATE
            else:
                in_sources = False
            if _SECTION_HEADING.fullmatch(line):
                in_sources = True
                found = BOILERPLATE
            elif found is None and cased and _shouted(line):
                # A line in capitals is a heading, whatever stops or numbers end it: "STATEMENT
                # OF THE ATTORNEY GENERAL ON THE NOMINATION (05-580)". Not in a document all in
                # capitals (a cable, old wire copy), whose lines are its body.
                found = HEADLINE
            line_kind[line_start] = found
        kind = line_kind[line_start] if end > start else OTHER
        if kind is None:
            alone = at_line_start and (line_end == end or text[end:line_end].isspace())
            kind = _classify_alone(text[start:end], seen_body) if alone else CLAIM
            if kind == CLAIM and _asks(text, start, end):
                kind = OTHER
        if kind == CLAIM:
            seen_body = True
        kinds.append(kind)
    return kinds


def _shouted(line: str) -> bool:
    return (
        " " in line
        and not any(c.islower() for c in line)
        and any(c.isalpha() for c in line)
        and not (_END_STOP.search(line) and _INNER_STOP.search(line))
    )


def _asks(text: str, start: int, end: int) -> bool:
    """A question in the writer's own voice ("Why did she so badly want to attend?") asserts
    nothing; a quoted one is a speaker's and stays with its quotation."""
    return text[end - 1] == "?" and not _QUOTE.search(text, start, end)


def _boilerplate(line: str) -> bool:
    if _BOILER_LINE.match(line):
        return FACT_CHECK_SOURCE.match(line) is None
    # The cheap substring tests keep the slower searches off ordinary paragraphs.
    # A source-list item ends with a date, so with a digit: most paragraphs fail that first.
    tail = line.rstrip(" .")[-1:]
    if tail.isdigit() and ('"' in line or "\u201c" in line) and _SOURCE_ITEM.search(line):
        return True
    tail = line[-80:]
    if (
        ("/" in tail or ")" in tail or ":" in tail or "Getty" in tail or "from file" in tail)
        and len(line) < 400
        and _CREDIT_END.search(tail) is not None
    ):
        return True
    lower = line.lower()
    return (
        "photo" in lower or "image" in lower or "picture" in lower or "credit" in lower
    ) and _CAPTION.search(line) is not None


def _classify_alone(line: str, seen_body: bool) -> str:
    line = line.strip()
    if not line:
        return OTHER
    if _DATELINE.fullmatch(line):
        return OTHER
    words = line.split()
    if len(words) <= 10 and line[-1] not in ".!?" and _BYLINE.match(line):
        return OTHER
    if line[0] in "—\u2013" and _DASH_CREDIT.match(line) and len(words) <= 12:
        return OTHER  # the credit line of a pull quote
    if len(words) <= 12 and _FROM_LINE.fullmatch(line):
        return OTHER
    timestamp = _TIMESTAMP.match(line)
    if (
        timestamp is not None
        and len(line[timestamp.end() :].split()) <= _TIMESTAMP_WORDS
        and line[-1] not in ".?!"
        and _SPEECH.search(line) is None
    ):
        return HEADLINE
    if line[-1] in _FINAL_STOP or line[0] in '"“' or len(words) > 25:
        return CLAIM  # a sentence, or a pull quote with its credit
    if not seen_body or len(words) <= 6 or _title_case(words):
        return HEADLINE
    # A capitalised line of its own without a final stop, under the body's first paragraph:
    # a caption ("Eddie Chu received the largest vote in any geographical constituency").
    return OTHER if line[0].isupper() else CLAIM


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if len(w) > 3 and w[0].isalpha()]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised >= 0.75 * len(content)


def _looks_listed(line: str) -> bool:
    """A line of a source list: a dash credit, a link, a date or a short name."""
    return (
        not line
        or _DASH_CREDIT.search(line) is not None
        or "://" in line
        or re.search(_DATE, line) is not None
        or len(line.split()) <= 8
    )
