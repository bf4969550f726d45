"""Stage 5e, the cues that credit a sentence without a speech verb of its subject:
"according to", "quoted by", "in her view", a spokesperson's credit, a dash or colon after
a pull quote, and the outlet a speaker was speaking to.
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.announced import _Announced
from claimcheck.core.attribution.entities import _Found, _Ref, _Vague
from claimcheck.core.attribution.lexicon import _FAMILIES, _FOUND, _SPOKES_ARTICLE
from claimcheck.core.attribution.lines import _DASH_MARK
from claimcheck.core.attribution.phrases import (
    _phrase_end,
    _previous_word,
    _skip_that,
    _trim_end,
)
from claimcheck.core.attribution.places import _AND_NAMES, _Hit
from claimcheck.core.attribution.words import _CORE_TITLES, _PRONOUNS
from claimcheck.core.registry import MEDIA_KINDS

# "Speaking to Reuters, X said", "X said, speaking with CNN": wherever the clause stands.
_SPOKEN_TO = re.compile(r"\b[Ss]peaking\s+(?:to|with|on)\s+|\b[Tt]alking\s+(?:to|with)\s+")
_COLON = re.compile(":")
# How words spoken end inside their quotation marks, where a title does not: '"Now!" — X'.
_SPOKEN_END = (".", ",", "!", "?", "\u2026")
_NAMED_AFTER = re.compile(r",\s+([A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3})\s*,")
_FOUND_BY = re.compile(r"\s+(?:first\s+)?" + _FOUND + r"\s+by\s")
_BE = frozenset(("was", "were", "is", "are", "been"))


class _Credits(_Announced):
    """Credits read into the sources they name."""

    def _view(self, sentence: str, cue_start: int, cue_end: int) -> _Found | list[_Hit]:
        """'In Ruiz's words, ...', 'in her view', 'For Kevin Allton, ...': the rest of the
        sentence is that person's view."""
        match = _FAMILIES["view"].match(sentence, cue_start)
        if match is None:
            return None
        content = (_skip_that(sentence, cue_end), _trim_end(sentence))
        ref: _Found
        if match.group("person") is not None:
            ref = self._interpret(sentence, match.start("person"), match.end("person"))
            if not isinstance(ref, _Ref) or not ref.entity.person:
                return None  # "For years, ...", "For Microsoft, ..."
        else:
            group = "as" if match.group("as") is not None else "who"
            who, start, end = match.group(group), match.start(group), match.end(group)
            if who.lower() in _PRONOUNS:
                ref = self._pronoun(who.lower(), start, end, organisation=False)
            else:
                # "In Ruiz's words", "in Jones' view": the name without its possessive ending.
                bare = re.sub(r"['\u2019]s?$", "", who)
                ref = self._interpret(sentence, start, start + len(bare))
        if not isinstance(ref, _Ref):
            return None
        return [self._hit(ref, sentence, cue_start, cue_end, content, "verb")]

    def _spoken_to(self, sentence: str, speaker: _Hit, hits: list[_Hit]) -> None:
        """The outlet a speaker was speaking to, as the via source of their words."""
        if any(hit.family == "via" for hit in hits):
            return
        for match in _SPOKEN_TO.finditer(sentence):
            outlet = self._interpret(sentence, match.end(), _phrase_end(sentence, match.end()))
            if isinstance(outlet, _Ref) and outlet.entity.kind in MEDIA_KINDS:
                cue = (match.start(), len(sentence[: match.end()].rstrip()))
                content = (speaker.content[0] - self.offset, speaker.content[1] - self.offset)
                hits.append(self._hit(outlet, sentence, *cue, content, "via"))
                return

    def _according(
        self, sentence: str, cue_start: int, cue_end: int, family: str
    ) -> _Found | list[_Hit]:
        end = _phrase_end(sentence, cue_end)
        ws, aux = _previous_word(sentence, cue_start)
        if aux in _BE and sentence.startswith(("quoted", "cited"), cue_start):
            quoted = self._quoted_by(sentence, ws, cue_start, cue_end, end)
            if quoted:
                return quoted
        tail = sentence[end:].strip(' ,.;:"”')
        if len(tail) > 3:
            content = (_skip_that(sentence, end), _trim_end(sentence))
        else:
            content = (
                0,
                sentence.rfind(",", 0, cue_start)
                if sentence.rfind(",", 0, cue_start) > 0
                else cue_start,
            )
        found: list[_Hit] = []
        named = _NAMED_AFTER.match(sentence, end)
        if named is not None and sentence[cue_end:end].split()[-1].lower() in _CORE_TITLES:
            # "According to the Afghan team's coach, Alireza Mehraban, ...": the name speaks.
            ref = self._interpret(
                sentence, named.start(1), named.end(1), sentence[cue_end:end].strip()
            )
            if isinstance(ref, _Ref):
                return [
                    self._hit(
                        ref,
                        sentence,
                        cue_start,
                        cue_end,
                        (_skip_that(sentence, named.end()), _trim_end(sentence)),
                        family,
                    )
                ]
        # "according to an IRS inquiry uncovered by ProPublica": the inquiry says so, the one
        # who found it does not.
        finder = _FOUND_BY.search(sentence, cue_end, end)
        who_end = end if finder is None else finder.start()
        # "according to the BBC and CNN": two sources.
        start = cue_end
        parts = [
            p
            for p in _AND_NAMES.finditer(sentence, cue_end, who_end)
            if self._known(sentence[cue_end : p.start()])
        ]
        for part in [*parts[:1], None]:
            stop = who_end if part is None else part.start()
            ref = self._interpret(sentence, start, stop)
            if finder is not None and part is None and not isinstance(ref, _Ref):
                # "according to emails obtained by the AP": the emails, as the text names them.
                name = sentence[start:end].strip().removeprefix("the ")
                entity = self._entity(name, "document", False)
                ref = self._ref(entity, self.offset + start, self.offset + end, None, 0.7)
            if isinstance(ref, _Vague) and not found:
                return _Vague(" ".join(sentence[cue_start:end].lower().split()))
            if isinstance(ref, _Ref):
                found.append(self._hit(ref, sentence, cue_start, cue_end, content, family))
            if part is not None:
                start = part.end()
        return found

    def _quoted_by(
        self, sentence: str, ws: int, cue_start: int, cue_end: int, end: int
    ) -> list[_Hit]:
        """'X was quoted by the Xinhua news service as saying: "..."': X speaks, the outlet
        relays."""
        saying = sentence.find(" as ", cue_end, end)
        outlet = self._interpret(sentence, cue_end, end if saying < 0 else saying)
        if not isinstance(outlet, _Ref) or outlet.entity.kind not in MEDIA_KINDS:
            return []
        speaker = self._subject(sentence, ws, cue_end)
        if not isinstance(speaker, _Ref):
            return []
        content = (_skip_that(sentence, end), _trim_end(sentence))
        return [
            self._hit(speaker, sentence, cue_start, cue_end, content, "verb"),
            self._hit(outlet, sentence, cue_start, cue_end, content, "via"),
        ]

    def _spokes(
        self, sentence: str, cue_start: int, cue_end: int, inside: list[tuple[int, int]]
    ) -> _Found | list[_Hit]:
        """A quotation credited to "a spokesperson for X" with no speech verb."""
        if not inside:
            return None
        article = _SPOKES_ARTICLE.search(sentence, max(0, cue_start - 12), cue_start)
        if article is None or inside[-1][1] > article.start():
            return None
        cue_start = article.start()
        ref = self._interpret(sentence, cue_end, _phrase_end(sentence, cue_end), "spokesperson")
        if not isinstance(ref, _Ref):
            return ref
        return [self._hit(ref, sentence, cue_start, cue_end, inside[-1], "verb")]

    def _dash(
        self, sentence: str, cue_start: int, cue_end: int, inside: list[tuple[int, int]]
    ) -> list[_Hit] | None:
        """A pull quote credited after a dash: '"We will rebuild." — Mayor Ellen Park', or
        after a colon, by the subject of what follows: '"...": Notes from Lakeside is'."""
        mark = _DASH_MARK.search(sentence, cue_start, cue_end)
        if mark is None and sentence.startswith(":", cue_start + 1):
            if not inside or inside[0] != (0, cue_start + 1):
                return None  # the colon must close a quotation the sentence opens within
            quoted = sentence[:cue_start].lstrip('"“ ').rstrip()
            if quoted.count(" ") < 3 and not quoted.endswith(_SPOKEN_END):
                return None  # a title, not words spoken: '"Hope": Obama's poster sold for $1m.'
            mark = _COLON.search(sentence, cue_start, cue_end)
        opens_quoted = bool(inside) and inside[0][0] == 0  # carried open from before
        if not sentence or (sentence[0] not in '"“' and not opens_quoted) or mark is None:
            return None
        end = _phrase_end(sentence, cue_end)
        ref = self._interpret(sentence, cue_end, end, sentence[end:].strip(" ,."))
        if not isinstance(ref, _Ref):
            return None
        return [self._hit(ref, sentence, mark.start(), mark.end(), (0, cue_start + 1), "dash")]
