"""Stage 5c, lines read whole: a quotation's credit on a line of its own, an interview's
answer after its speaker's name and a colon, and the person a paragraph opens with, whose
words an uncued quotation after it are.
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.entities import _Ref
from claimcheck.core.attribution.lexicon import _VERBS
from claimcheck.core.attribution.phrases import _looks_appositive, _phrase_end
from claimcheck.core.attribution.places import _Hit, _Places
from claimcheck.core.attribution.words import _ADVERBS, _CORE_TITLES, _GENDERS, _NOT_SUBJECT
from claimcheck.core.kinds import FACT_CHECK_SOURCE

# The subject that opens a sentence: "Mayor Ana Ruiz", "He"; and a passive verb after it.
_OPENING_NAME = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){0,4}?[A-Z][\w.'\u2019-]*(?=\s+[a-z])")
_PASSIVE = re.compile(
    r"\s+(?:(?:is|are|was|were|has\s+been|had\s+been|have\s+been)\s+\w+(?:ed|en)\b)"
)
# "Jan Novak: The bridge is too narrow.": an interview's answer after its speaker's name.
_SPEAKER_LINE = re.compile(r"([A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}):\s+(?=\S)")
# "Longtime lobbyist Chris Micheli, who was in the room: “It happens ...”": a quotation's
# speaker credited before a colon, with a title and a description.
_CREDIT_COLON = re.compile(
    r"(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){0,5}?)"
    r",\s+(?P<desc>[^:\"\u201c\u201d]{3,80}?):\s+(?=[\"\u201c])"
)
# A speech verb before the colon makes it a cue's ("Ana Ruiz, the mayor, said: ..."), read
# with the sentence's other cues: no credit line that would run on over the paragraph.
_SPEECH = frozenset(_VERBS.split("|"))
# Nor does a phrase that opens the sentence before its subject: "In Washington, the mood was
# grim: ...", "On Monday, the day after the vote: ...".
_NOT_CREDITS = _NOT_SUBJECT | _ADVERBS
_WORDS = re.compile(r"[a-z]+")
_DASH_MARK = re.compile(r"[—\u2013]|--?(?=\s)")


class _Lines(_Places):
    """Readings of a whole line or a sentence's opening, beside the cues of a sentence."""

    def credit_line(self, sentence: str, quote: tuple[int, int]) -> _Hit | None:
        """A quotation's credit on a line of its own, with or without a dash: "— Jane Doe,
        mayor of Springfield", "Tom Becker, owner of the Lakeside Bakery"."""
        mark = _DASH_MARK.match(sentence)  # the line is stripped: a dash opens it
        start = 0 if mark is None else mark.end()
        start += len(sentence[start:]) - len(sentence[start:].lstrip())
        end = _phrase_end(sentence, start)
        name = sentence[start:end].split()
        desc = sentence[end:].strip(" ,.")
        if not name or not name[0][:1].isupper() or len(name) > 6 or len(desc.split()) > 14:
            return None
        if mark is None and not (
            (desc and _looks_appositive(desc))
            or name[0].lower() in _GENDERS
            or name[0].lower() in _CORE_TITLES
            or (not desc and self._known(" ".join(name)) is not None)
        ):
            return None  # a heading, not a credit: only a name with what it is credits words
        ref = self._interpret(sentence, start, end, desc)
        if not isinstance(ref, _Ref):
            return None
        cue_end = 1 if mark is None else mark.end()
        hit = self._hit(ref, sentence, 0, cue_end, (0, 0), "dash")
        if mark is None:
            hit.cue = hit.cue_start = hit.cue_end = None
        hit.content, hit.carried_from = quote, self.index
        return hit

    def opening_person(self, sentence: str, start: int) -> _Ref | None:
        """The person a sentence at ``start`` opens with, as the subject of an active verb:
        whose words an uncued quotation after it in the paragraph is ("Mayor Ana Ruiz spoke
        at the meeting. \"We will rebuild.\"")."""
        match = _OPENING_NAME.match(sentence)
        if match is None or _PASSIVE.match(sentence, match.end()) is not None:
            return None
        index, offset = self.index, self.offset
        self.offset = start
        ref = self._interpret(sentence, 0, match.end())
        self.offset = offset
        if not isinstance(ref, _Ref) or not ref.entity.person:
            return None
        self.index = index
        return ref

    def source_line(self, sentence: str) -> _Hit | None:
        """Who made the claim a fact check's "Claim:" line states, on the "Source:" line
        after it: "Source: The dark money group Sooner State Leadership Fund made this claim
        in a recent television ad." """
        match = FACT_CHECK_SOURCE.match(sentence)
        if match is None:
            return None
        ref = self._interpret(sentence, match.start("who"), match.end("who"))
        if not isinstance(ref, _Ref):
            return None
        return self._hit(ref, sentence, match.start("verb"), match.end("verb"), (0, 0), "verb")

    def speaker_line(self, sentence: str) -> _Hit | None:
        """The speaker named before a colon that opens a paragraph, as in an interview."""
        match = _SPEAKER_LINE.match(sentence) or _CREDIT_COLON.match(sentence)
        if match is None:
            return None
        if match.re is _CREDIT_COLON and (
            not _SPEECH.isdisjoint(_WORDS.findall(match.group()))
            or match.group("name").split()[0].lower() in _NOT_CREDITS
        ):
            return None
        desc = (match.groupdict().get("desc") or "").strip()
        ref = self._interpret(sentence, 0, match.end(1), desc)
        if not isinstance(ref, _Ref) or not ref.entity.person:
            return None  # "Update:", "Note:", "Wikinews:"
        colon = match.start() + match.group().rindex(":")
        return self._hit(ref, sentence, colon, colon + 1, (match.end(), len(sentence)), "verb")
