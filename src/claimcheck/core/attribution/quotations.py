"""Stage 6, quotations and carry-over: which stretches of a sentence are quoted, whether a
quotation runs on, and the sentences inside a quotation that take its speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.core.analysis import Attribution
from claimcheck.core.attribution.lexicon import _words
from claimcheck.core.kinds import CLAIM

# Words of a statement in the first or second person, which a reporter's do not use.
_PERSONAL = re.compile(r"\b(?:I|[Ww]e|us|[Oo]urs?|[Mm][ey]|[Mm]ine|[Yy]ou|[Yy]ours?)\b")
_WORD = re.compile(r"[\w'\u2019-]+")
_QUOTE_MARK = re.compile('["\u201c\u201d]')


def _closes_first(text: str, start: int) -> bool:
    """Whether the first quotation mark of the paragraph starting at ``start`` closes a
    quotation: a right mark, or a straight one glued to the word before it."""
    end = text.find("\n", start)
    match = _QUOTE_MARK.search(text, start, len(text) if end < 0 else end)
    at = match.start() if match is not None else -1
    if match is None or match.group() == "\u201c" or _opens_astray(text, at, start):
        return False
    return match.group() == "\u201d" or (at > start and not text[at - 1].isspace())


def _opens_astray(text: str, at: int, start: int) -> bool:
    """A right mark that opens a quotation, set by mistake where a left one belongs: first in
    its sentence or paragraph and glued to the word after it ('\u201dAlthough ...')."""
    return at == start and text[at] == "\u201d" and text[at + 1 : at + 2].isalnum()


def _quoted(sentence: str, open_quote: bool) -> tuple[list[tuple[int, int]], bool]:
    """The quoted stretches of a sentence, and whether a quotation is open at its end."""
    if '"' not in sentence and "\u201c" not in sentence and "\u201d" not in sentence:
        return ([(0, len(sentence))] if open_quote else []), open_quote
    spans: list[tuple[int, int]] = []
    begin = 0 if open_quote else -1
    for match in _QUOTE_MARK.finditer(sentence):
        char, i = match.group(), match.start()
        if begin < 0 and (char != "\u201d" or _opens_astray(sentence, i, 0)):
            begin = i
        elif begin >= 0 and char != "\u201c":
            spans.append((begin, i + 1))
            begin = -1
    if begin >= 0:
        spans.append((begin, len(sentence)))
    return spans, begin >= 0


def _carry(
    results: list[list[Attribution]],
    kinds: list[str],
    quotes: list[tuple[bool, bool, bool]],
    spans: Sequence[tuple[int, int]],
    text: str,
) -> None:
    """Sentences inside a multi-sentence quotation take the attribution of its cue sentence."""
    n = len(results)
    i = 0
    while i < n:
        if quotes[i][0] or not quotes[i][1]:
            i += 1
            continue
        j = i + 1
        while j < n and quotes[j][0] and quotes[j][1]:
            j += 1
        group = [i, *range(i + 1, min(j + 1, n))]
        group = [k for k in group if k == i or quotes[k][0]]
        carrier = next((k for k in (group[-1], group[0]) if results[k]), None)
        if carrier is not None:
            for k in group:
                if not results[k] and kinds[k] == CLAIM:
                    results[k] = _carried(results[carrier], carrier, spans[k])
        i = group[-1] + 1
    # '"A," she said. "B."': a quotation with no cue of its own, opening a sentence right after
    # an attributed one, in the same paragraph or the next, continues that speaker's words.
    # A sentence that is no claim (the writer's own question) in the same paragraph between
    # them does not break the run.
    k = 1
    while k < n:
        start = spans[k][0]
        opens = text[start] in '"\u201c' or _opens_astray(text, start, start)
        if kinds[k] != CLAIM or results[k] or not opens:
            k += 1
            continue
        p = k - 1
        while p > 0 and kinds[p] != CLAIM and "\n" not in text[spans[p - 1][1] : spans[k][0]]:
            p -= 1
        if not results[p]:
            k += 1
            continue
        last = k
        while last + 1 < n and quotes[last][1] and quotes[last + 1][0]:
            last += 1
        run = range(k, last + 1)
        gap = text[spans[p][1] : start]
        if gap.count("\n") <= 2 and not any(results[g] for g in run):
            for g in run:
                if kinds[g] == CLAIM:
                    results[g] = _carried(results[p], p, spans[g])
        k = last + 1


def _carried(found: list[Attribution], carrier: int, span: tuple[int, int]) -> list[Attribution]:
    return [
        Attribution(
            source_text=a.source_text,
            source_start=a.source_start,
            source_end=a.source_end,
            canonical=a.canonical,
            source_kind=a.source_kind,
            cue=a.cue,
            cue_start=a.cue_start,
            cue_end=a.cue_end,
            content_start=span[0],
            content_end=span[1],
            role=a.role,
            confidence=round(a.confidence * 0.85, 2),
            mention=a.mention,
            owner=a.owner,
            carried_from=a.carried_from if a.carried_from is not None else carrier,
            medium=a.medium,
        )
        for a in found
    ]


# What opens a sentence that goes on with the indirect speech before it: "Another factor
# has been ...", "However, ...", "Iodine released from these chemicals ...", "It would cost
# ..." (reported speech keeps its modal backshifted).
_GOES_ON = re.compile(
    r"(?:Another|However,|But|Also,|In\s+addition|Moreover|Furthermore|Additionally)\b"
    r"|(?:\S+\s+){1,4}(?:these|those|such)\s(?!as\b)"
)
_BACKSHIFT = re.compile(r"(?:\S+\s+){1,5}?(?:would|could|might)\s+(?:not\s+)?[a-z]")
# Verbs that report what is said now: "Dewar says", "The report states".
_PRESENT = _words(
    """says states explains argues believes adds notes suggests claims warns estimates finds
    insists maintains contends writes reports concludes"""
)


def _carry_indirect(
    results: list[list[Attribution]],
    kinds: list[str],
    spans: Sequence[tuple[int, int]],
    text: str,
    hedges: Sequence[str | None],
) -> None:
    """Indirect speech without quotation marks carried to the next sentence of its paragraph,
    only where that sentence says it goes on (annotation guideline 7: clearly a
    continuation): after "X says that ..." a sentence opening "Another ...", "However, ..."
    or naming "these" things; after "X said the plan would fail" one whose verb is "would"."""
    carried = -1
    for k in range(1, len(results)):
        p = k - 1
        start, end = spans[k]
        if (
            kinds[k] != CLAIM
            or kinds[p] != CLAIM
            or results[k]
            or not results[p]
            or hedges[k] is not None
            or "\n" in text[spans[p][1] : start]
            or _QUOTE_MARK.search(text, spans[p][0], end) is not None
        ):
            continue
        speakers = [a for a in results[p] if a.role == "primary" and a.cue]
        if not speakers or any(a.role == "via" for a in results[p]):
            continue
        speaker = speakers[0]
        if p != carried and (
            speaker.carried_from is not None or speaker.content_end < spans[p][1] - 2
        ):
            continue  # not indirect speech that runs to the end of its sentence
        verb = (speaker.cue or "").split()[-1]
        sentence = text[start:end]
        if (verb in _PRESENT and _GOES_ON.match(sentence)) or (
            _BACKSHIFT.match(sentence)
            and _BACKSHIFT.search(text, speaker.content_start, speaker.content_end)
        ):
            results[k] = _carried([speaker], p, spans[k])
            carried = k


def _carry_block(
    results: list[list[Attribution]],
    kinds: list[str],
    spans: Sequence[tuple[int, int]],
    text: str,
) -> None:
    """A paragraph that ends on a cue and a colon ("The professor said:", "X posted the
    following update:") is followed by the words it announces, set off as a block without
    quotation marks: the next paragraph is the speaker's, and every paragraph after it up to
    a heading when the cue announced "the following" words."""
    n = len(results)
    for p in range(n - 1):
        start, end = spans[p]
        if (
            kinds[p] != CLAIM
            or not text[start:end].rstrip().endswith(":")
            or "\n" not in text[end : spans[p + 1][0]]
        ):
            continue
        speakers = [a for a in results[p] if a.role == "primary" and a.cue]
        if not speakers or speakers[0].carried_from is not None:
            continue
        # The outlet the words were given to relays the whole block ("In a statement to
        # the ABC, the Church said:").
        relayed = speakers + [a for a in results[p] if a.role == "via"]
        following = "following" in (speakers[0].cue or "")
        names = {w for w in speakers[0].canonical.split() if w[:1].isupper() and len(w) > 2}
        personal = False  # whether the block so far speaks in the first or second person
        # "X read the following statement:" and a quotation that opens under it: the block is
        # the quotation, up to its closing mark, over paragraphs that do not open it again.
        quoted = following and text[spans[p + 1][0]] in '"\u201c'
        still_open = False
        k = p + 1
        while k < n and (quoted or text[spans[k][0]] not in '"\u201c'):
            paragraph = k
            while k < n and (k == paragraph or "\n" not in text[spans[k - 1][1] : spans[k][0]]):
                if quoted:
                    mark = text[spans[k][0]] in '"\u201c'
                    if not (still_open or mark):
                        break  # the reporter again, after the quotation closed
                    sentence = text[spans[k][0] : spans[k][1]]
                    still_open = _quoted(sentence, still_open and not (mark and k == paragraph))[1]
                if kinds[k] == CLAIM and not results[k]:
                    results[k] = _carried(relayed, p, spans[k])
                personal = personal or _PERSONAL.search(text, *spans[k]) is not None
                k += 1
            if quoted:
                if not still_open or k >= n or kinds[k] != CLAIM:
                    break
                continue
            if not following or k >= n or kinds[k] != CLAIM or results[k]:
                break
            line_end = text.find("\n", spans[k][0])
            line = text[spans[k][0] : len(text) if line_end < 0 else line_end]
            if _PERSONAL.search(line) is None and (
                personal or not names.isdisjoint(_WORD.findall(line))
            ):
                # The reporter again: "Shares of Acme fell ..." after "We regret the error."
                break
