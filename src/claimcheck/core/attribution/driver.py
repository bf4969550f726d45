"""Stage 7, the driver: one pass over a document's sentences through the stages, and the
attributions of each sentence with their roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from claimcheck.core.analysis import Attribution, SentenceAnalysis
from claimcheck.core.attribution.cues import _Document
from claimcheck.core.attribution.entities import _Ref
from claimcheck.core.attribution.lexicon import _STRONG, _WATCHED, _WORD, _has_dash
from claimcheck.core.attribution.lines import _SPEAKER_LINE
from claimcheck.core.attribution.places import _Hit
from claimcheck.core.attribution.publisher import own_names
from claimcheck.core.attribution.quotations import (
    _PERSONAL,
    _carry,
    _carry_block,
    _carry_indirect,
    _closes_first,
    _quoted,
)
from claimcheck.core.attribution.words import _PLATFORM
from claimcheck.core.checkworthiness import score
from claimcheck.core.kinds import CLAIM, HEADLINE, OTHER, classify_document
from claimcheck.core.per_text import per_text
from claimcheck.core.registry import MEDIA_KINDS, Registry
from claimcheck.core.vocabulary import ROLES

__all__ = ["analyse_document", "default_registry"]


@cache
def default_registry() -> Registry:
    return Registry.default()


def analyse_document(
    text: str,
    spans: Sequence[tuple[int, int]],
    registry: Registry | None = None,
    publisher: str | None = None,
) -> list[SentenceAnalysis]:
    """Kind, check-worthiness, attributions and hedge of every sentence span of ``text``;
    ``publisher``, the document's own (its front matter's), is none of its sources."""
    doc = _Document(text, registry or default_registry(), own_names(publisher))
    kinds = classify_document(text, spans)
    n = len(spans)
    hits: list[list[_Hit]] = [[] for _ in range(n)]
    hedges: list[str | None] = [None] * n
    scores: list[tuple[float, tuple[str, ...]]] = [(0.0, ("not a claim",))] * n
    # Per sentence: a quotation is open at its start, open at its end, it is one quotation.
    quotes: list[tuple[bool, bool, bool]] = [(False, False, False)] * n
    open_quote = False
    previous_end = 0
    paragraph = 0  # the first sentence of the current paragraph
    last_paragraph = 0  # the first sentence of the paragraph before it
    line: _Hit | None = None  # the speaker an interview answer's paragraph opens with
    quoted_only = False
    heading: tuple[int, _Hit] | None = None  # a heading naming the statement's author
    for index, (start, end) in enumerate(spans):
        reopened = False
        if text.find("\n", previous_end, start) >= 0:
            last_paragraph, paragraph = paragraph, index
        if paragraph == index and open_quote:
            # A quotation left open at a paragraph's end runs on when the next paragraph
            # opens with a quotation mark (news convention) or closes it before opening one.
            reopened = text[start] in '"\u201c'
            open_quote = reopened or _closes_first(text, start)
        previous_end = end
        sentence = text[start:end]
        doc.index, doc.offset = index, start
        doc.before = spans[index - 1] if index else (start, start)
        if kinds[index] != CLAIM:
            if open_quote and paragraph != index and kinds[index] == OTHER:
                # A question inside a speaker's quotation ("Want to bring it here?") is
                # theirs, and the quotation runs on after it.
                open_quote = _quoted(sentence, True)[1]
                quotes[index] = (True, open_quote, False)
                continue
            open_quote = False
            found = doc.statement_heading(sentence) if kinds[index] == HEADLINE else None
            heading = None if found is None else (index, found)
            if kinds[index] in (OTHER, HEADLINE) and index and _credited(quotes, hits, index):
                credit = doc.credit_line(sentence, spans[index - 1])
                if credit is not None:
                    hits[index - 1].append(credit)
            continue
        inside, open_end = _quoted(sentence, open_quote and not reopened)
        whole = len(inside) == 1 and inside[0][0] == 0 and inside[0][1] >= len(sentence) - 2
        quotes[index] = (open_quote, open_end, whole)
        open_quote = open_end
        if _run_on_credit(text, spans, index, paragraph, kinds, hits, quotes):
            # "I was hauled in ... she was suppressive. Valeska Paris": a pull quote with its
            # credit run on to the same line, its dash lost.
            credit = doc.credit_line(sentence, spans[index - 1])
            if credit is not None:
                hits[index - 1].append(credit)
                continue
        words, cued, scores[index] = _alone(sentence)
        if cued:
            hits[index], hedges[index] = doc.attribute(sentence, inside, words)
        source = doc.source_line(sentence) if index and sentence.startswith("Source: ") else None
        if source is not None and not hits[index]:
            source.content = (start, end)
            hits[index] = [source]
            claim = spans[index - 1]
            if text.startswith("Claim: ", claim[0]) and not hits[index - 1]:
                # The fact check's claim, stated on the line before its source.
                hits[index - 1] = [replace(source, content=claim, carried_from=index)]
        if paragraph == index:
            line = doc.speaker_line(sentence) if ": " in sentence else None
            if line is not None and not hits[index]:
                hits[index] = [line]
            # A credit before a quotation ("Ana Ruiz, the mayor: “...”") credits that
            # quotation only, not the narration after it closes.
            quoted_only = line is not None and _SPEAKER_LINE.match(sentence) is None
        elif line is not None and not hits[index] and (quotes[index][0] or not quoted_only):
            # The rest of an interview answer is the same speaker's.
            hits[index] = [replace(line, content=(start, end), carried_from=paragraph)]
        if heading is not None and not hits[index]:
            # A release under its "STATEMENT OF ..." heading, up to the next heading or date.
            hits[index] = [replace(heading[1], content=(start, end), carried_from=heading[0])]
        if (
            not hits[index]
            and inside
            and inside[0][0] == 0
            and not quotes[index][0]
            # Words spoken, not a title in quotation marks: '"Avatar" was the top film.'
            and (whole or open_end or sentence.count(" ", 0, inside[0][1]) >= 3)
        ):
            # A quotation that opens a paragraph is the words of the person the paragraph
            # before named ("Ruto disagrees with the warnings.\n\n\u201cI don't think ...\u201d").
            first = paragraph if index > paragraph else last_paragraph
            hits[index] = _implied(doc, text, spans, kinds, hits, range(index - 1, first - 1, -1))
            doc.index, doc.offset = index, start
    postposed = _postposed_researchers(doc, spans, hits, hedges)
    results = [_finish(found, text) if found else [] for found in hits]
    for index in postposed:
        # Met before their study, the researchers do not name it as theirs: a registry that
        # learned the study as their owner first would take it for an organisation.
        results[index] = [replace(found, owner=None) for found in results[index]]
    _repeated(results, kinds, spans, text)
    _carry(results, kinds, quotes, spans, text)
    _carry_block(results, kinds, spans, text)
    _carry_indirect(results, kinds, spans, text, hedges)
    return [
        SentenceAnalysis(kind, value, reasons, tuple(found), hedge)
        for kind, (value, reasons), found, hedge in zip(kinds, scores, results, hedges, strict=True)
    ]


# Its sources depend on the document too, and are read every time.
@per_text
def _alone(sentence: str) -> tuple[frozenset[str], bool, tuple[float, tuple[str, ...]]]:
    """A claim sentence's watched words, whether it may hold a cue, and its
    check-worthiness."""
    words = _WATCHED.intersection(_WORD.findall(sentence.lower()))
    cued = not _STRONG.isdisjoint(words) or _has_dash(sentence) or sentence.startswith("For ")
    return words, cued, score(sentence, words)


def _finish(hits: list[_Hit], text: str) -> list[Attribution]:
    """The attributions of one sentence with their roles, one per canonical source."""
    if not hits:
        return []
    # Only an "according to" reads the speakers: most sentences have none.
    speakers = (
        {h.ref.entity.name for h in hits if h.family in _SPEAKING}
        if any(h.family == "acc" for h in hits)
        else set()
    )
    out: list[Attribution] = []
    seen: set[str] = set()
    for hit in hits:
        ref, entity = hit.ref, hit.ref.entity
        if entity.name in seen:
            continue
        seen.add(entity.name)
        kind = entity.kind
        medium = hit.medium or hit.cue  # the medium read after the cue, or "tweeted"
        if medium and kind not in _PUBLISHERS and _SOCIAL.search(medium):
            # "Obama tweeted", "Zuckerberg wrote on Facebook": a writer on social media, by
            # the guidelines, whatever office or company they hold.
            kind = "social_media"
        # "X said ..., according to Y": Y relayed X's words; "Y, which cited ...": Y did not.
        relayed = hit.family == "acc" and bool(speakers - {entity.name})
        role = "via" if hit.family == "via" or relayed else hit.role
        confidence = round(ref.confidence * 0.9, 2) if role == "via" else ref.confidence
        # Positional: a frozen dataclass is built noticeably faster without keywords.
        out.append(
            Attribution(
                text[ref.start : ref.end],
                ref.start,
                ref.end,
                entity.name,
                kind,
                hit.cue,
                hit.cue_start,
                hit.cue_end,
                hit.content[0],
                max(hit.content),
                role,
                confidence,
                ref.mention,
                entity.owner,
                hit.carried_from,
                hit.medium,
            )
        )
    if len(out) > 1:
        out.sort(key=lambda found: ROLES.index(found.role))
    return out


# Channels that make whoever writes on them a social-media source.
_SOCIAL = re.compile(
    r"\btweet|\b(?:on|via)\s+" + _PLATFORM + r"\b|\b(?:Facebook|Instagram|blog)\s+post"
)
_PUBLISHERS = MEDIA_KINDS | {"document", "website_statement", "press_release"}


_SPEAKING = frozenset(("verb", "dash", "medium", "quoting"))


def _credited(quotes: list[tuple[bool, bool, bool]], hits: list[list[_Hit]], index: int) -> bool:
    """Whether the line at ``index`` may credit the quotation just before it: a whole quoted
    sentence with no source, perhaps the end of a quotation of several."""
    return quotes[index - 1][2] and not hits[index - 1]


def _run_on_credit(
    text: str,
    spans: Sequence[tuple[int, int]],
    index: int,
    paragraph: int,
    kinds: list[str],
    hits: list[list[_Hit]],
    quotes: list[tuple[bool, bool, bool]],
) -> bool:
    """Whether the sentence at ``index`` is a bare name of two to four words that ends its
    paragraph after an unattributed sentence of the same one in the first or second person."""
    start, end = spans[index]
    words = text[start:end].split()
    if not (index > paragraph and 2 <= len(words) <= 4 and text[end - 1].isalpha()):
        return False
    if not all(w[0].isupper() for w in words) or text[end : end + 1] not in ("\n", ""):
        return False
    a, b = spans[index - 1]
    return (
        kinds[index - 1] == CLAIM
        and not hits[index - 1]
        and not quotes[index - 1][1]
        and _PERSONAL.search(text, a, b) is not None
    )


def _repeated(
    results: list[list[Attribution]], kinds: list[str], spans: Sequence[tuple[int, int]], text: str
) -> None:
    """A sentence the text repeats word for word (a pull quote set in again as the body's
    block quotation) is the words of whoever the first was credited to."""
    seen: dict[str, int] = {}
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if kinds[index] != CLAIM or sentence.count(" ") < 7:
            continue
        first = seen.setdefault(sentence, index)
        if first != index and results[first] and not results[index]:
            results[index] = [
                replace(a, content_start=start, content_end=end, carried_from=first)
                for a in results[first]
            ]


def _implied(
    doc: _Document,
    text: str,
    spans: Sequence[tuple[int, int]],
    kinds: list[str],
    hits: list[list[_Hit]],
    before: range,
) -> list[_Hit]:
    """An uncued quotation whose paragraph named a person as the subject before it, and
    attributed nothing: the quotation is theirs (news convention), the cue implied."""
    claims = [k for k in before if kinds[k] == CLAIM]
    if any(hits[k] for k in claims):
        return []  # the quotation continues that speaker's words: carried over later
    start, end = spans[before.start + 1]
    for k in claims:
        ref = doc.opening_person(text[spans[k][0] : spans[k][1]], spans[k][0])
        if ref is not None:
            return [_Hit(ref, None, None, None, (start, end), "implied")]
    return []


# A lead that ends "..., researchers say." before the text names their study.
_RESEARCHERS = re.compile(r"(?:the\s+)?(?:researchers|scientists|authors)\s+(?:say|said)$")


def _postposed_researchers(
    doc: _Document,
    spans: Sequence[tuple[int, int]],
    hits: list[list[_Hit]],
    hedges: list[str | None],
) -> list[int]:
    """'Almost half of all children are iodine deficient, researchers say.': vague alone, but
    when one of the next three sentences cites a study, its authors are the researchers
    (news leads name the finding first and the study after)."""
    found: list[int] = []
    for index, hedge in enumerate(hedges):
        if hits[index] or hedge is None or _RESEARCHERS.fullmatch(hedge) is None:
            continue
        study = next(
            (
                hit.ref.entity
                for later in hits[index + 1 : index + 4]
                for hit in later
                if hit.ref.entity.kind == "document" and hit.ref.entity.owner is None
            ),
            None,
        )
        if study is None:
            continue
        start, end = spans[index]
        noun, verb = hedge.split()[-2:]
        at = start + doc.text.rfind(noun, start, end)
        cue_at = doc.text.rfind(verb, start, end)
        ref = _Ref(doc.authors_of(study), at, at + len(noun), noun, 0.6)
        hit = _Hit(ref, verb, cue_at, cue_at + len(verb), (start, end), "verb")
        hits[index] = [hit]
        hedges[index] = None
        found.append(index)
    return found
