"""Stage 5b, where a cue's source is written: the subject before the verb, the name after
it, the outlet told or spoken to, and the channel named beside the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.core.attribution.after_verb import _After
from claimcheck.core.attribution.entities import _Entities, _Found, _Ref, _Vague
from claimcheck.core.attribution.lexicon import _FOUND, _I
from claimcheck.core.attribution.phrases import (
    _appositives,
    _clause_end,
    _last_separator,
    _looks_appositive,
    _looks_title,
    _phrase_end,
    _skip_that,
    _subject_start,
    _trailing_np,
    _trim_end,
    _vague_phrase,
)
from claimcheck.core.attribution.words import _PLATFORM, _PRONOUNS
from claimcheck.core.registry import MEDIA_KINDS

_IS_WEBSITE = re.compile(r"\b(?:website|web\s+site|site|web\s+page|blog)\b", _I)


# After the verb, perhaps behind a title in lower case: ", said co-author Kevin Morris".
_RIGHT_NAME = re.compile(
    r"\s+((?:the\s+|(?:(?!(?:about|of|for|to|in|on|at|with|from|by|that|a|an|the)\b)"
    r"[a-z][\w-]*\s+){1,3})?[A-Z][\w.&'\u2019-]*"
    # "News 4 Tucson", "Channel 4 News": a number inside an outlet's name.
    r"(?:\s+(?:of\s+|\d{1,3}\s+)?[A-Z][\w.&'\u2019-]*){0,5})"
)


# "A man speaking to the AP on condition of anonymity said": the outlet relays the speaker.
_SPEAKING_TO = re.compile(
    r"(?:,\s*|\s+)(?P<cue>(?:speaking|talking)\s+(?:to|with))\s+(?P<outlet>[^,]+?)"
    r"(?:\s+(?:on|in|at|from|by|this|last|earlier)\s+[^,]*?)?\s*,?\s*$"
)


_ANONYMOUS = re.compile(r"(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity")


# What stands between "told" and the outlet: the outlet's reporter, a web page's link marker.
_TOLD_THROUGH = re.compile(
    r"(?:\s+\[\d+\])?(?:\s+(?:a\s+|an\s+|the\s+)?(?:reporter|correspondent|journalist)"
    r"\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\s+(?:of|from|for|with))?(?=\s)"
)
_POSSESSIVE = re.compile(r"['\u2019]s\b")


_TOLD_DESCRIBED = re.compile(
    r"\s+(the\s+(?:news\s+)?(?:broadcaster|newspaper|daily|tabloid|magazine|paper|network"
    r"|news\s+agency|channel|station))\b(?!\s+[A-Z])"
)
_TOLD_OUTLET = re.compile(
    r"\s+((?:the\s+)?(?:[\w-]+\s+)?(?:broadcaster|newspaper|daily|tabloid|magazine"
    r"|news\s+agency|channel|radio|television|station)\s+[A-Z][\w.&'\u2019-]*"
    r"(?:\s+[A-Z][\w.&'\u2019-]*){0,4})"
)


_ON_MEDIUM = re.compile(
    r"\s+on\s+(?P<what>(?:its|his|her|their|the)\s+(?:own\s+)?(?:official\s+)?"
    r"(?:website|site|blog|page|account)|"
    + _PLATFORM
    + r"\b|[\"“][^\"”]{2,80}[\"”]|[A-Z][\w.'\u2019-]*(?:['\u2019]s)?\s+(?:website|site|blog))"
)


_SEEN_BY = re.compile(r"(?:\s+[\w-]+){0,3}?\s+" + _FOUND + r"\s+by\s+")


_MEDIUM_WITH = re.compile(r"\s+(?:with|by|from|to)\s+")


_CLAUSE_SUBJECT = re.compile(r"\s*(?:[Tt]he\s+)?(?:[A-Z][\w.&'\u2019-]*\s*)+|\s*\w+")


# An unnamed group of people as a clause's subject: "conservationists", "local residents".
_PREPOSITION_WHICH = re.compile(
    r"\b(?:in|at|during|after|on)\s+which(?:\s+(?:day|time|year|week|month|night|period|point))?\s+"
)
_GROUP = re.compile(r"(?:[a-z]+\s+)?[a-z]+(?:ists|ers|ors|ents|ans|ians|people)")
_AND_NAMES = re.compile(r"\s+and\s+(?=(?:the\s+)?[A-Z])")
_INTERVIEWED = re.compile(
    r"((?:[Tt]he\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4})\s+interviewed\s+"
)


@dataclass(slots=True)
class _Hit:
    """A source with its cue; offsets are into the document."""

    ref: _Ref
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    content: tuple[int, int]
    family: str  # verb, acc, quoting, via, medium, dash
    role: str = "primary"
    medium: str | None = None
    carried_from: int | None = None
    # An outlet relaying an unnamed speaker ("on condition of anonymity") records why.
    hedge: str | None = None


class _Places(_After):
    """Where a cue's source is written: the subject, the name after the verb, the outlet
    told, the channel named beside the cue."""

    def _hit(
        self,
        ref: _Ref,
        sentence: str,
        cue_start: int,
        cue_end: int,
        content: tuple[int, int],
        family: str,
    ) -> _Hit:
        off = self.offset
        return _Hit(
            ref,
            sentence[cue_start:cue_end],
            off + cue_start,
            off + cue_end,
            (off + content[0], off + content[1]),
            family,
        )

    def _medium(self, sentence: str, cue_start: int, cue_end: int, hits: list[_Hit]) -> None:
        """'in a statement', 'in a letter': the channel of a speaker, or the cue itself."""
        phrase = sentence[cue_start:cue_end]
        speakers = [h for h in hits if h.family in ("verb", "dash")]
        tail = _MEDIUM_WITH.match(sentence, cue_end)
        if tail is not None:
            end = _phrase_end(sentence, tail.end())
            # "In an interview with Público, a Spanish newspaper, ...": the apposition says
            # what the name is.
            follow = (
                sentence[end + 1 :].split(",")[0].strip() if sentence.startswith(",", end) else ""
            )
            desc = follow if _looks_appositive(follow) else ""
            named = self._interpret(sentence, tail.end(), end, desc)
            if isinstance(named, _Ref):
                if speakers and named.entity.kind in MEDIA_KINDS:
                    # "said in an interview with CNN": CNN carried the words.
                    speakers[0].medium = speakers[0].medium or phrase
                    hits.append(
                        self._hit(
                            named, sentence, cue_start, cue_end, _local(speakers[0], self), "via"
                        )
                    )
                    return
                if not speakers and tail.group().strip() != "to":
                    # "in a letter to the minister": the one written to is no source.
                    hits.append(
                        self._hit(
                            named,
                            sentence,
                            cue_start,
                            cue_end,
                            (cue_end, _trim_end(sentence)),
                            "medium",
                        )
                    )
                    return
        seen = _SEEN_BY.match(sentence, cue_end) if speakers else None
        if seen is not None:
            # "said in a memo seen by Bloomberg": the outlet that saw it relays the words.
            named = self._interpret(sentence, seen.end(), _phrase_end(sentence, seen.end()))
            if isinstance(named, _Ref) and named.entity.kind in MEDIA_KINDS:
                hits.append(
                    self._hit(named, sentence, cue_start, cue_end, _local(speakers[0], self), "via")
                )
        if speakers:
            nearest = min(speakers, key=lambda h: abs((h.cue_start or 0) - self.offset - cue_start))
            nearest.medium = nearest.medium or phrase
            self._interview_via(sentence, cue_start, cue_end, nearest, hits)
            return
        if hits:
            return
        owner = phrase.split()[1]
        ref: _Found
        if owner.lower() in _PRONOUNS:
            # "in its statement": the one "its" stands for.
            at = cue_start + phrase.index(owner, 2)
            ref = self._pronoun(owner.lower(), at, at + len(owner), organisation=False)
        else:
            # "In a statement released on Monday, the ministry ...": the clause's subject.
            comma = sentence.find(",", cue_end)
            if comma < 0 or comma - cue_end > 60:
                return
            start = comma + 1
            subject = _CLAUSE_SUBJECT.match(sentence, start)
            ref = None if subject is None else self._interpret(sentence, start, subject.end())
            group = subject is not None and _GROUP.fullmatch(subject.group().strip())
            if isinstance(ref, _Vague) or (ref is None and group):
                # "In a recently published letter, conservationists are calling for ...": an
                # unnamed group speaks through one specific document, the source.
                ref = self._interpret(sentence, cue_start + 3, cue_end)
                if isinstance(ref, _Ref) and ref.entity.kind != "document":
                    ref = None
                elif isinstance(ref, _Ref) and subject is not None and group:
                    # Named by whose it is: "teachers' letter", not a bare "letter".
                    whose = subject.group().strip()
                    whose += "'" if whose.endswith("s") else "'s"
                    ref.entity = self._entity(f"{whose} {ref.entity.name}", "document", False)
        if isinstance(ref, _Ref):
            hit = self._hit(
                ref, sentence, cue_start, cue_end, (cue_end, _trim_end(sentence)), "medium"
            )
            hit.medium = phrase
            hits.append(hit)
            self._interview_via(sentence, cue_start, cue_end, hit, hits)

    def _interview_via(
        self, sentence: str, cue_start: int, cue_end: int, speaker: _Hit, hits: list[_Hit]
    ) -> None:
        """ "Today's Zaman interviewed Ana Ruiz ... In the interview, Ruiz claims": the
        interview is the interviewer's, who relays what she said in it."""
        if not sentence[cue_start:cue_end].lower().startswith("in the interview"):
            return
        outlet = self._interviewer(speaker.ref.entity.name.split()[-1])
        if outlet is not None:
            hits.append(
                self._hit(outlet, sentence, cue_start, cue_end, _local(speaker, self), "via")
            )

    def _interviewer(self, surname: str) -> _Ref | None:
        """Who the text says interviewed the person of this surname, before here."""
        found = None
        for match in _INTERVIEWED.finditer(self.text, 0, self.offset):
            if surname in self.text[match.end() : match.end() + 60]:
                found = match
        if found is None:
            return None
        offset, self.offset = self.offset, 0
        ref = self._interpret(self.text, found.start(1), found.end(1))
        self.offset = offset
        if not isinstance(ref, _Ref) or ref.entity.person:
            return None
        return ref

    def _told_via(self, sentence: str, cue_end: int, hit: _Hit) -> list[_Hit]:
        """'X told CBC News': the outlet that carried X's words."""
        through = _TOLD_THROUGH.match(sentence, cue_end)
        skipped = through is not None and through.end() > cue_end
        if through is not None:
            cue_end = through.end()  # "told reporter Ann Lee of VOA's Studio 7", "told [5] AFP"
        match = _RIGHT_NAME.match(sentence, cue_end)
        off = self.offset
        named: _Found = None
        if match is not None:
            # A name the registry does not know is an outlet by its shape: "the Daily Star".
            entity = self._known(match.group(1))
            end = match.end(1)
            owner = _POSSESSIVE.search(match.group(1)) if entity is None and skipped else None
            if owner is not None:
                end = match.start(1) + owner.start()
                entity = self._known(sentence[match.start(1) : end])  # "VOA's Studio 7"
            if entity is not None:
                named = self._ref(entity, off + match.start(1), off + end, None, 0.9)
            else:
                named = self._interpret(sentence, match.start(1), match.end(1))
        if isinstance(named, _Ref) and named.entity.kind in MEDIA_KINDS and match is not None:
            ref = named
        else:
            # "told the broadcaster NOS": the outlet is described, so its name need not be known.
            match = _TOLD_OUTLET.match(sentence, cue_end)
            if match is None:
                # "Cuellar told the news magazine": the outlet the text named before.
                match = _TOLD_DESCRIBED.match(sentence, cue_end)
            if match is None:
                return []
            found = self._interpret(sentence, match.start(1), match.end(1))
            if (
                not isinstance(found, _Ref)
                or found.entity.kind not in MEDIA_KINDS
                or found.entity.name == match.group(1)  # no outlet named before
            ):
                return []
            ref = found
        hit.content = (off + _skip_that(sentence, match.end()), off + _trim_end(sentence))
        via = _Hit(ref, hit.cue, hit.cue_start, hit.cue_end, hit.content, "via")
        return [via]

    def _speaking_to(
        self, sentence: str, relayed: re.Match[str], j: int, cue_start: int, cue_end: int
    ) -> list[_Hit]:
        """'X, speaking to the AP, said': X speaks and the AP relays; no X if anonymous."""
        outlet = self._interpret(sentence, relayed.start("outlet"), relayed.end("outlet"))
        if not isinstance(outlet, _Ref) or outlet.entity.kind not in MEDIA_KINDS:
            return []
        content = (_skip_that(sentence, cue_end), _clause_end(sentence, cue_end))
        via = self._hit(outlet, sentence, relayed.start("cue"), relayed.end("cue"), content, "via")
        anonymous = _ANONYMOUS.search(sentence, relayed.start(), relayed.end())
        speaker = None if anonymous else self._subject(sentence, relayed.start(), cue_end)
        if not anonymous and not isinstance(speaker, _Ref):
            # "Jane Doe, a nurse speaking to the BBC, said": the clause sat in an appositive.
            whole = self._subject(sentence, j, cue_end)
            if isinstance(whole, _Ref) and whole.entity is not outlet.entity:
                speaker = whole
        if isinstance(speaker, _Ref):
            return [self._hit(speaker, sentence, cue_start, cue_end, content, "verb"), via]
        if anonymous:
            via.hedge = " ".join(anonymous.group().split())
        else:
            phrase = speaker.phrase if isinstance(speaker, _Vague) else None
            via.hedge = phrase or _vague_phrase(sentence, cue_start, cue_end)
        return [via]

    def _on_medium(self, sentence: str, cue_end: int, hit: _Hit) -> None:
        """'says on its website', 'says on "The Countdown"': a website speaks for its owner."""
        match = _ON_MEDIUM.match(sentence, cue_end)
        if match is None:
            return
        what = match.group("what")
        speaker = hit.ref.entity
        start = self.offset + match.start("what")
        if what[0] in '"“':
            if not self._is_website(what[1:-1]):
                hit.medium = "on " + what
                return
            name, start = what[1:-1], start + 1
        elif what.split()[-1] in ("website", "site", "blog", "page", "account"):
            name = f"{speaker.name} {what.split()[-1]}"
        else:
            hit.medium = "on " + what
            return
        kind = "social_media" if name.endswith(("blog", "account")) else "website_statement"
        site = self._entity(name, kind, person=False, owner=speaker.name)
        end = start + (len(name) if name == what[1:-1] else len(what))
        hit.ref = self._ref(site, start, end, None, hit.ref.confidence)
        on_end = cue_end + match.group().index("on") + 2
        hit.cue = sentence[(hit.cue_start or 0) - self.offset : on_end]
        hit.cue_end = self.offset + on_end

    def _is_website(self, title: str) -> bool:
        """Whether the document calls this quoted title a website somewhere."""
        at = self.text.find(title)
        while at >= 0:
            if _IS_WEBSITE.search(self.text, max(0, at - 40), at + len(title) + 20):
                return True
            at = self.text.find(title, at + 1)
        return False

    def _subject(self, sentence: str, j: int, cue_end: int, floor: int = 0) -> _Found:
        """The subject of a speech verb whose left context, adverbs removed, ends at ``j``,
        starting no earlier than ``floor``."""
        left = sentence[:j].rstrip()
        desc = ""
        end = len(left)
        if left.endswith(","):
            told = sentence[:cue_end].rsplit(None, 1)[-1] in _TELLING
            # "..., Ana Ruiz, a director, told Reuters": the one told is no speaker.
            if not told and _RIGHT_NAME.match(sentence, cue_end):
                after = self._after(sentence, cue_end, quoted=True)
                if isinstance(after, _Ref):
                    return after  # "The roads are closed, said Jones."
            end -= 1
            desc, end = _appositives(sentence, end)
        start = _last_separator(sentence, end) + 1
        if not desc and start > 0 and sentence[start - 1] == ",":
            previous = sentence[_last_separator(sentence, start - 1) + 1 : start - 1].strip()
            if _looks_title(previous):
                desc = previous  # "Malaysia's Prime Minister, Najib Razak said"
        start = max(start, floor)
        clauses = [m.end() for m in _PREPOSITION_WHICH.finditer(sentence, start, end)]
        if clauses:
            start = clauses[-1]  # "a meeting in which residents said": the residents
        start += _subject_start(sentence[start:end])
        if _OPENING_PHRASE.match(sentence, start, end):
            # "In a statement by the Information Ministry the government says": the phrase
            # that opens the sentence, with no comma after it, is not the subject.
            start = _trailing_np(sentence, start, end)
        last = sentence[start:end].rsplit(None, 1)
        if len(last) == 2 and last[1] in _SUBJECT_PRONOUNS:
            start = end - len(last[1])  # "told VOA Somali he believes": he believes
        if sentence[start:end].strip() in ("who", "which") and start > 0:
            # "Wikinews contacted the company, which said ...": the antecedent speaks.
            end = len(sentence[:start].rstrip(" ,"))
            start = _trailing_np(sentence, _last_separator(sentence, end) + 1, end)
        found = self._interpret(sentence, start, end, desc)
        unnamed = not isinstance(found, _Ref) or found.entity.name[:1].islower()
        named = sentence.find(desc, end) if desc and unnamed else -1
        if named > 0 and _NAMED_APPOSITIVE.match(desc):
            # "an education official, a Mr Malapa, promised": the appositive names them.
            return self._interpret(sentence, named, named + len(desc), sentence[start:end])
        joined = _AND_NAMES.search(sentence, start, end) if found is None else None
        if joined is not None:
            # Two titled names no single reading takes ("Assistant Attorney General Ana Ruiz
            # and Inspector General Tom Berg"): the first here, the second as its partner.
            return self._interpret(sentence, start, joined.start(), desc)
        return found


# An appositive that is a name: "a Mr Malapa", "one Ana Ruiz".
_NAMED_APPOSITIVE = re.compile(r"(?:a|one)\s+(?:[A-Z][\w.'\u2019-]*\s+)*[A-Z][\w'\u2019-]+$")
# Verbs whose object is the one spoken to: the name after them never speaks.
_TELLING = frozenset(("told", "tells", "tell", "telling"))
_OPENING_PHRASE = re.compile(r"(?:In|On|At|During|After|Following|Under)\s+(?:a|an|the|its)\s")
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "I"))


def _local(hit: _Hit, doc: _Entities) -> tuple[int, int]:
    return hit.content[0] - doc.offset, hit.content[1] - doc.offset
