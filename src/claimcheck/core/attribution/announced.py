"""Stage 5d, words announced ahead: "X issued the following statement:", "The following is
a statement from X". The sentence names whose words come next; stage 6 (``quotations``)
gives the paragraphs after it to that source. A release's heading ("STATEMENT OF ...") names
the author of the paragraphs under it, which the driver gives to that author.
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.entities import _Found, _Ref
from claimcheck.core.attribution.lexicon import _POSTING, _words
from claimcheck.core.attribution.lines import _Lines
from claimcheck.core.attribution.phrases import (
    _in_name,
    _phrase_end,
    _previous_word,
    _trim_end,
)
from claimcheck.core.attribution.places import _Hit
from claimcheck.core.attribution.words import _ADVERBS, _PLATFORM

# The verb before "the following statement": the one who issued it speaks.
_ISSUING = _words(
    """issued issues released releases posted posts published publishes sent sends made makes
    shared shares wrote writes gave gives delivered delivers read reads"""
)
# Where the name after "a statement from" ends: at the first lower-case word that no name
# holds ("from NASA Administrator Ana Ruiz regarding today's report").
_NAME_END = re.compile(r"\s(?!(?:of|the|for|and|de|da|van|von|al)\s)[a-z]")
_ON_PLATFORM = re.compile(r"\bon\s+" + _PLATFORM + r"\b")
# A heading that names whose words the release under it are: "STATEMENT OF ATTORNEY GENERAL
# ANA RUIZ ON THE NOMINATION", "Remarks by Secretary Tom Berg at the Summit".
_HEADING = re.compile(
    r"(?:STATEMENT|REMARKS|Statement|Remarks)\s+(?:OF|BY|FROM|of|by|from)\s+"
    # A name of a few words, each space short: a lazy ".+?" tried the stops below at every
    # character of a long run of spaces, time growing with the square of its length.
    r"(?P<who>[^\s:(]+?(?:[^\S\n]{1,3}[^\s:(]+?){0,11}?)"
    r"(?=\s+(?:ON|REGARDING|ABOUT|AT|TO|on|regarding|about|at|to)\s|\s*[:(]|[\s.]*$)"
)

# The words a heading in title case leaves in lower case: any other is a headline's.
_HEADING_SMALL = _words(
    """a an the and or of for on at to in by from with about regarding de da van von al la
    le du der den"""
)
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*")


class _Announced(_Lines):
    """A sentence that announces the words after it, read into their source."""

    def _following(self, sentence: str, cue_start: int, cue_end: int) -> _Found | list[_Hit]:
        content = (cue_end, _trim_end(sentence))
        if sentence[cue_start:cue_end].split()[1] in ("is", "are"):
            # "The following is a statement from X regarding ...": the name after "from".
            end = _phrase_end(sentence, cue_end)
            stop = _NAME_END.search(sentence, cue_end, end)
            ref = self._interpret(sentence, cue_end, end if stop is None else stop.start())
            if not isinstance(ref, _Ref):
                return None
            return [self._hit(ref, sentence, cue_start, cue_end, (0, len(sentence)), "verb")]
        at, word = _previous_word(sentence, cue_start)
        if word.lower() not in ("the", "this") or "on behalf of" in sentence[cue_end:]:
            return None  # the reader is not the author of words read for another
        at, verb = _previous_word(sentence, at)
        if verb not in _ISSUING:
            return None
        j = at
        while True:
            ws, word = _previous_word(sentence, j)
            if word.lower() not in _ADVERBS or _in_name(sentence, ws):
                break  # "USA Today published the": "Today" is a name's word
            j = ws
        self.posting = verb in _POSTING
        ref = self._subject(sentence, j, cue_end)
        self.posting = False
        if not isinstance(ref, _Ref):
            return ref
        hit = self._hit(ref, sentence, at, cue_end, content, "verb")
        platform = _ON_PLATFORM.search(sentence, cue_end)
        if platform is not None:
            hit.medium = platform.group()  # "posted the following update on Facebook"
        return [hit]

    def statement_heading(self, sentence: str) -> _Hit | None:
        """The speaker a heading names as the author of the statement under it."""
        match = _HEADING.match(sentence)
        if match is None:
            return None
        a, b = match.span("who")
        text = self.text
        if sentence.isupper():
            # Names in capitals read as names only in their usual case, and an office with
            # no name is named from the text: "THE PRESIDENT" is "the President" met later.
            sentence = sentence[:a] + sentence[a:b].title() + sentence[b:]
            off = self.offset
            self.text = text[:off] + sentence + text[off + len(sentence) :]
        elif not _HEADING_SMALL.issuperset(_LOWER_WORD.findall(sentence, a)):
            # A news headline in sentence case, not a title: "Remarks by Trump at rally
            # spark outrage" has a verb after the name.
            return None
        try:
            ref = self._interpret(sentence, a, b)
        finally:
            self.text = text
        # A person or an office speaks under the heading, not "STATEMENT OF FACTS".
        if not isinstance(ref, _Ref) or ref.entity.kind not in ("person", "official"):
            return None
        cue_end = len(sentence[: match.start("who")].rstrip())
        return self._hit(ref, sentence, 0, cue_end, (0, 0), "verb")
