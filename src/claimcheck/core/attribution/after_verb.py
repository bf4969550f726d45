"""Stage 5a, the speaker named after the verb: '"...," said Baird', 'says the minister',
'said Mayor Ana Ruiz to the crowd', 'said co-owner of the Lakeside Bakery, Tom Becker', and
after a whole clause with no quotation marks: 'Staff are harassed says blogger Ana Ruiz.'
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.entities import _Found, _Ref
from claimcheck.core.attribution.lexicon import _words
from claimcheck.core.attribution.phrases import _looks_appositive
from claimcheck.core.attribution.resolution import _Reading
from claimcheck.core.attribution.words import _CORE_TITLES, _DETERMINERS, _PRONOUNS

# The speaker runs to a stop, but not to a title's: "said Sgt. Tom Berg", "said Lt. Ana Ruiz".
_TITLE_STOPS = "".join(
    f"(?<!\\b{title[:-1].capitalize()})" for title in sorted(_CORE_TITLES) if title.endswith(".")
)
_AFTER = re.compile(
    r"\s+([^\s,.;:!?\"“”()][^,;:!?\"“”()]{0,120}?)"
    rf"(?=\s*(?:[,;:!?]|{_TITLE_STOPS}\.\s|\.?$))"
)


# Where a speaker named after an inverted verb ends and the rest of the clause begins:
# '"We will rebuild," said Mayor Ana Ruiz [to the crowd outside city hall].'
_AFTER_STOP = re.compile(
    r"\s(?:to|at|in|on|during|before|after|while|as|when|outside|inside|near|from|with"
    r"|without|via|through|over|upon|about|last|this|yesterday|today|tonight|earlier|later"
    r"|who|which|whose|and\s+(?=[a-z]))\b"
)
_POSTED_THING = re.compile(
    r"\b(?:graphics?|images?|memes?|posts?|messages?|videos?|pictures?|photos?|screenshots?)\b"
)
_NAME_LAST = re.compile(r",\s+([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){1,3})\s*[.!]?\s*$")
_FINITE = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|can|could)\s")
# Between the verb and the name, title words ("says Pakistani blogger Ana Ruiz"), never a
# preposition or a quantity: "says a lot about Ana Ruiz" names no speaker.
_NAME_TO_END = re.compile(
    r"\s+(?:(?!(?:about|of|for|to|in|on|at|with|from|by|everything|nothing|much|lot)\b)"
    r"[\w-]+\s+){0,3}[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\s*[.!]?\s*$"
)
_AUXILIARIES = _words("is are was were has have had will would can could been be")


class _After(_Reading):
    """Where a speaker follows the verb."""

    def _after_clause(self, sentence: str, before: str, cue_end: int) -> _Ref | None:
        """The speaker named after the verb when a whole clause, with no quotation marks or
        comma, comes before it: "Employees are harassed says blogger Ana Ruiz." """
        last = before.rsplit(None, 1)[-1]
        if (
            not last.isalpha()
            or not last.islower()
            or last in _PRONOUNS
            or not _FINITE.search(before)
            or not _NAME_TO_END.match(sentence, cue_end)
        ):
            return None  # '"It is law," she told VOA.': "she" is the subject
        found = self._after(sentence, cue_end)
        return found if isinstance(found, _Ref) else None

    def _after(self, sentence: str, cue_end: int, quoted: bool = False) -> _Found:
        """The speaker named after the verb: '"...," said Baird' or 'says the minister'; after
        a quotation, the rest of the clause may follow: 'said Baird to reporters on Monday'."""
        match = _AFTER.match(sentence, cue_end)
        if match is None:
            return None
        start, end = match.span(1)
        stop = _AFTER_STOP.search(sentence, start, end) if quoted else None
        if stop is not None and _POSTED_THING.search(sentence, start, stop.start()):
            stop = None  # "reads one of the graphics found on Facebook": the post is the source
        if stop is not None:
            end = stop.start()
        words = sentence[start:end].split()
        first = words[0]
        if (
            len(words) > (9 if words[:2] == ["one", "of"] else 6)  # "one of the graphics ..."
            # "recalled local resident Jan Novak": a lower-case title before a name.
            or (
                first[0].islower()
                and first not in _DETERMINERS | _PRONOUNS
                and not words[-1][0].isupper()
            )
            or (stop is not None and not _AUXILIARIES.isdisjoint(words))
        ):
            return None
        named = _NAME_LAST.match(sentence, end) if first[0].islower() else None
        if named is not None:
            # "said co-owner of the Lakeside Bakery, Tom Becker.": the title, then the name.
            return self._interpret(sentence, named.start(1), named.end(1), sentence[start:end])
        desc = ""
        if sentence.startswith(",", end):
            follow = sentence[end + 1 :].split(",")[0].strip(" .")
            if _looks_appositive(follow):
                desc = follow
        return self._interpret(sentence, start, end, desc)
