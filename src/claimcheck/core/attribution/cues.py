"""Stage 5f, the cues of one sentence read into sources: its speech verbs read here,
every other cue handed to ``credits``.
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.complements import _AS_VERBS, _COMPLEMENT, _ENDS, _POSTPOSED
from claimcheck.core.attribution.credits import _Credits
from claimcheck.core.attribution.entities import _Found, _Ref, _Vague
from claimcheck.core.attribution.lexicon import _DOC_VERBS, _POSTING, _cues, _words
from claimcheck.core.attribution.phrases import (
    _clause_end,
    _in_name,
    _main_verb,
    _named_speaker,
    _previous_word,
    _skip_that,
    _vague_phrase,
)
from claimcheck.core.attribution.places import _SPEAKING_TO, _Hit
from claimcheck.core.attribution.source_kinds import _DOC_NOUNS
from claimcheck.core.attribution.words import (
    _ADVERBS,
    _ANSWERING,
    _DETERMINERS,
    _GIVING,
    _NOT_SUBJECT,
    _POSSESSIVES,
    _PRONOUN_GENDER,
    _RELATIVES,
    _SPEAKING_FOR,
)

# "Pressley and 15 Democratic colleagues argued": a counted group beside the speaker.
_AND_COLLEAGUES = re.compile(
    r"\s+and\s+(?P<who>\d+\s+(?:other\s+)?(?:[A-Z][a-z]+\s+)?(?:colleagues|lawmakers|members))\s"
)
# "what he called the 'racist' program", "what she calls 'wacky' service": words in quotation
# marks named by a relative clause.
_WHAT_CALLED = re.compile(
    r"\bwhat\s+(?P<who>he|she|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})"
    r"(?:\s+(?:has|had|once|later|now|often))?\s+$"
)
# The subject of a cue set off by commas inside a sentence: "a rule that, they claim, protects";
# a pronoun, as a noun there may be a compound's ("the bank notes, printed in London").
_PARENTHETICAL = re.compile(r",\s+(?:he|she|they|we)\s+$")
# A participle before its agent: "written by Sen. Tom Berg"; not "said by phone".
_PASSIVE_BY = re.compile(r"\s+by\s+(?:[A-Z]|(?:the|a|an|his|her|its|their)\s)")
_QUOTED_NEXT = re.compile(r"\s+(?:(?:the|a|an)\s+)?[\"\u201c]")
_QUOTED_BEFORE = re.compile(r"[,!?][\"\u201d]\s*$")
# "and Tom Berg", "and schools chief Tom Berg": a second name, perhaps after its title.
_AND_NAME = re.compile(r"\s+and\s+(?=(?:[a-z]+\s+){0,2}[A-Z])")
# Two bodies, each with its article, as one subject: "Both the X District and the Y".
_BODY_AND = re.compile(r"(?:Both\s+)?(?P<body>[Tt]he\s+(?:[A-Z][\w.&'-]*\s+){2,5})and\s+")
_WENT_ON = re.compile(r"\s(?:(?:went|goes|go)\s+on|continued|continues|continue)\s+to\s*$")
# Between a subject and its verb: "would later say", "has repeatedly said", "did say".
_AUXILIARY = _words("would will could can may might should must did does do has have had")
# "is saying", "has been saying", "was quoted as saying": a participle that is the verb.
_PROGRESSIVE = re.compile(
    r"\s(?:is|are|was|were|been|(?:is|are|was|were)\s+quoted\s+as)"
    r"(?:\s+(?:also|still|now|again|repeatedly))?\s*$"  # "It is also encouraging citizens"
)
# "Zapatero continued by saying that ...": the one who continued says it.
_BY_SAYING = re.compile(
    r"\s(?:continued|continues|went\s+on|responded|replied|ended|reacted|reacts)\s+by\s*$"
)
# "The council issued a statement saying ...": the council says it.
_ISSUED = re.compile(
    r"\s(?:issued|released|put\s+out|published|sent|posted|made|distributed)\s+(?:a|an|the|its"
    r"|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|press\s+release|news\s+release|letter"
    r"|message|response|reply|announcement|memo|notice)(?:\s+(?:on|to)\s+\w+(?:\s+\w+)?)?"
    r"\s*,?\s*$"
)
# "released a statement which said ...": the releaser's words. Only a body's own statement:
# a newspaper that published a letter, or a man who sent a message, did not say what it said.
_ISSUED_RELATIVE = re.compile(
    r"\s(?:issued|released|put\s+out)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|press\s+release|news\s+release|announcement)(?:\s+on\s+\w+(?:\s+\w+)?)?"
    r"\s*,?\s*$"
)
# A participle is a cue only after the clause that names its speaker: "continued by saying".
_PARTICIPLES = _words("saying adding noting stating commenting explaining arguing claiming warning")
# "a recent poll found only a quarter ...": what a study finds needs no "that".
_FINDINGS = frozenset(
    ("found", "finds", "showed", "shows", "revealed", "reveals", "indicates", "indicated")
)
_STUDIES = frozenset(
    (*(noun for noun, kind in _DOC_NOUNS.items() if kind == "document"), "researchers", "authors")
)


class _Document(_Credits):
    """The cues of a sentence, each read into the sources it names."""

    def attribute(
        self, sentence: str, inside: list[tuple[int, int]], words: frozenset[str]
    ) -> tuple[list[_Hit], str | None]:
        hits: list[_Hit] = []
        hedge: str | None = None
        media: list[tuple[int, int]] = []
        for family, cue_start, cue_end in _cues(sentence, words):
            found: _Found | list[_Hit]
            if family == "dash":
                found = self._dash(sentence, cue_start, cue_end, inside)
            elif inside and any(a < cue_start < b for a, b in inside):
                continue  # the speaker's own words, not the sentence's source
            elif family == "hedge":
                hedge = hedge or " ".join(sentence[cue_start:cue_end].lower().split())
                continue
            elif family == "medium":
                media.append((cue_start, cue_end))
                continue
            elif family == "verb":
                found = self._verb(sentence, cue_start, cue_end, inside, hits)
            elif family == "spokes":
                found = self._spokes(sentence, cue_start, cue_end, inside)
            elif family == "view":
                found = self._view(sentence, cue_start, cue_end)
            elif family == "following":
                found = self._following(sentence, cue_start, cue_end)
            else:
                found = self._according(sentence, cue_start, cue_end, family)
            if isinstance(found, _Vague):
                hedge = hedge or found.phrase or _vague_phrase(sentence, cue_start, cue_end)
            elif isinstance(found, list):
                hits.extend(found)
                hedge = hedge or next((hit.hedge for hit in found if hit.hedge), None)
        for cue_start, cue_end in media:
            self._medium(sentence, cue_start, cue_end, hits)
        speakers = [hit for hit in hits if hit.family == "verb" and hit.role == "primary"]
        if speakers and ("peaking" in sentence or "alking" in sentence):
            self._spoken_to(sentence, speakers[0], hits)
        if speakers:
            # "WIC said X, as per a report from SCMP": X is the content of both, without the
            # trailing credit.
            speaker = speakers[0]
            for hit in hits:
                cue_at = hit.cue_start or 0
                if hit.family == "acc" and speaker.content[0] < cue_at < speaker.content[1]:
                    end = self.offset + len(sentence[: cue_at - self.offset].rstrip(" ,;"))
                    speaker.content = (speaker.content[0], end)
            for hit in hits:
                if hit.family == "acc":
                    hit.content = speaker.content
        if any(hit.family == "quoting" for hit in hits):
            # "Y, quoting X, said": X is where the words come from, Y relays them.
            for hit in hits:
                if hit.family == "verb":
                    hit.role = "via"
        return hits, hedge

    def _verb(
        self,
        sentence: str,
        cue_start: int,
        cue_end: int,
        inside: list[tuple[int, int]],
        hits: list[_Hit],
    ) -> _Found | list[_Hit]:
        words = sentence[cue_start:cue_end].split()
        while words[0] in ("has", "have", "had", "also"):
            words.pop(0)
        verb = words[0]
        if verb in _AS_VERBS and " as " not in sentence[cue_end : cue_end + 90]:
            return None
        if _PASSIVE_BY.match(sentence, cue_end) and not verb.endswith(("s", "ing")):
            return None  # "Senate Bill 12, written by Sen. Tom Berg, ...": an author, no speaker
        if verb in ("called", "calls") and _QUOTED_NEXT.match(sentence, cue_end):
            what = _WHAT_CALLED.search(sentence, 0, cue_start)
            if what is not None:
                return self._what_called(sentence, what, cue_start, cue_end)
        # "called for" needs nothing after it, "called on" someone to do something.
        phrasal = _COMPLEMENT.get(" ".join(words))
        complement = None if words[-1] == "for" else phrasal or _COMPLEMENT.get(verb)
        # "..., the UN refugee agency estimates.": a subject after a comma, at the end.
        if (
            complement is not None
            and complement.match(sentence, cue_end) is None
            and (
                _ENDS.match(sentence, cue_end) is None
                or _POSTPOSED.search(sentence, 0, cue_start) is None
            )
            and not (
                sentence.startswith(",", cue_end)
                and _PARENTHETICAL.search(sentence, 0, cue_start) is not None
            )
            # '"... with everyone," reads one of the graphics': the quotation, all there is
            # before the verb, is what it says.
            and not (
                _QUOTED_BEFORE.search(sentence, 0, cue_start) is not None
                and any(a == 0 for a, _ in inside)
            )
            and not (
                verb in _FINDINGS and _previous_word(sentence, cue_start)[1].lower() in _STUDIES
            )
        ):
            return None
        j = cue_start
        participle = verb.endswith("ing")
        while True:
            ws, word = _previous_word(sentence, j)
            went = _WENT_ON.search(sentence, 0, j) if word == "to" else None
            if went is not None:
                j = went.start()  # "He went on to characterise ...": he characterised
                continue
            if participle:
                progressive = _PROGRESSIVE.search(sentence, 0, j)
                by = _BY_SAYING.search(sentence, 0, j) if word == "by" else None
                if progressive is not None:
                    j, participle = progressive.start(), False
                    continue
                issued = _ISSUED.search(sentence, 0, j) if by is None else None
                if issued is not None:
                    j, participle = issued.start(), False  # "issued a statement saying"
                    continue
                main = _main_verb(sentence, j) if by is None and word == "" else -1
                named = _named_speaker(sentence) if main < 0 and word == "" else None
                if named is not None and named.end() < j:
                    # "William Ruto, secretary general of KANU, spoke with VOA, saying ...":
                    # the name that opens the sentence before its description speaks.
                    j, participle = named.end(1), False
                    continue
                if main >= 0:
                    j, participle = main, False  # "The church opposed the ruling, saying"
                    continue
                if by is None:
                    return None
                j, participle = by.start(), False
                continue
            if word == "and" and not participle:
                # "Police later arrested him, and said he is a suspect": the main clause's
                # subject speaks in the verb phrase joined to it.
                main = _main_verb(sentence, len(sentence[:ws].rstrip(" ,")) + 1, comma=False)
                if main >= 0:
                    j = main
                    continue
            if word in ("which", "that") and not participle:
                issued = _ISSUED_RELATIVE.search(sentence, 0, ws)
                if issued is not None:
                    j = issued.start()  # who released the statement
                    continue
            if (word.lower() not in _ADVERBS and word not in _AUXILIARY) or _in_name(sentence, ws):
                break
            j = ws
        low = word.lower()
        if low in _GIVING or low in _ANSWERING:
            # "Gemini gave answers that ...", "the ministry denied claims that ...": the cue
            # word is a noun.
            return None
        relative = low in ("who", "which") and not word.isupper()
        # "another one said": one of those just named; "one said", "these said" stand for none.
        another = low == "one" and _previous_word(sentence, ws)[1].lower() == "another"
        if (low in _NOT_SUBJECT and not relative and not another and not word.isupper()) or (
            (low in _DETERMINERS and not another)
            or (low[:1].isdigit() and not low.endswith("-old"))
        ):
            return None
        if low in _POSSESSIVES or (
            word.islower()
            and word not in _RELATIVES  # "his father said"
            and word not in _SPEAKING_FOR  # "his office said"
            and _previous_word(sentence, ws)[1].lower() in _POSSESSIVES
        ):
            return None  # "his urgent calls for": a noun, not a speech verb
        before = sentence[:j].rstrip()
        ref: _Found
        opening = bool(inside) and inside[0] == (0, len(before))
        if not before or (
            before[-1] in '"”' and (before[-2:-1] in (",", "?", "!", ".") or opening)
        ):
            # '"...," said Baird': the speaker follows the verb, the quotation precedes it.
            ref = self._after(sentence, cue_end, quoted=bool(before))
            content = inside[-1] if inside and inside[-1][1] <= cue_start else (0, len(before))
        elif (unmarked := self._after_clause(sentence, before, cue_end)) is not None:
            ref, content = unmarked, (0, len(before))  # "Staff are harassed says Ana Ruiz."
        else:
            if "speaking " in sentence or "talking " in sentence:
                relayed = _SPEAKING_TO.search(sentence, 0, j)
                if relayed is not None:
                    found_relay = self._speaking_to(sentence, relayed, j, cue_start, cue_end)
                    if found_relay:
                        return found_relay
            self.posting = verb in _POSTING
            # "X told reporters he believes ...": the subject of a cue inside another's words
            # starts no earlier than those words.
            floor = max(
                (
                    hit.content[0] - self.offset
                    for hit in hits
                    if hit.family == "verb"
                    and hit.content[0] - self.offset < j
                    and hit.content[1] - self.offset > cue_start
                ),
                default=0,
            )
            ref = self._subject(sentence, j, cue_end, floor)
            self.posting = False
            if not isinstance(ref, _Ref):
                return ref
            subject_at = ref.start - self.offset
            quote = [q for q in inside if q[1] <= subject_at]
            if quote and not sentence[quote[-1][1] : subject_at].strip(" ,"):
                content = quote[-1]
            else:
                content = (_skip_that(sentence, cue_end), _clause_end(sentence, cue_end))
        if not isinstance(ref, _Ref):
            return ref
        if verb in _DOC_VERBS and ref.entity.kind != "document":
            return None  # "A new report highlights ...", not "The minister highlighted it"
        hit = self._hit(ref, sentence, cue_start, cue_end, content, "verb")
        found = [hit, *self._partners(sentence, ref, cue_start, cue_end, content)]
        if verb in ("told", "tells", "spoke", "speaks"):
            found.extend(self._told_via(sentence, cue_end, hit))
        elif sentence.startswith(" to ", cue_end):
            # "X stated to LA Weekly", "explained to the BBC": the outlet carried the words.
            found.extend(self._told_via(sentence, cue_end + 3, hit))
        elif verb in ("says", "said", "say", "wrote", "writes", "posted", "stated", "announced"):
            self._on_medium(sentence, cue_end, hit)
            if hit.medium is None and sentence.startswith(" on ", cue_end):
                # "said on CNN", "said on BBC Radio 4": the broadcaster carried the words.
                found.extend(self._told_via(sentence, cue_end + 3, hit))
        at = self.offset + cue_start
        if any(
            other.family == "verb" and other.content[0] <= at < other.content[1] for other in hits
        ):
            hit.role = "embedded"  # "X said that Y had denied it": Y inside X's words
        return found

    def _what_called(
        self, sentence: str, what: re.Match[str], cue_start: int, cue_end: int
    ) -> list[_Hit] | None:
        """ "vowed to end what he called the 'racist' program": the words in quotation marks
        are the one the relative clause names, who may be named earlier in the sentence."""
        a, b = what.span("who")
        who = what.group("who")
        ref: _Found
        if who in _PRONOUN_GENDER:
            window = self.text[max(0, self.offset - 500) : self.offset + a]
            person = self._recent_person(_PRONOUN_GENDER[who], window)
            off = self.offset
            ref = self._ref(person, off + a, off + b, who, 0.6) if person is not None else None
            ref = ref or self._pronoun(who, a, b, organisation=False)
        else:
            ref = self._interpret(sentence, a, b)
        if not isinstance(ref, _Ref):
            return None
        content = (cue_end, _clause_end(sentence, cue_end))
        return [self._hit(ref, sentence, cue_start, cue_end, content, "verb")]

    def _partners(
        self, sentence: str, ref: _Ref, cue_start: int, cue_end: int, content: tuple[int, int]
    ) -> list[_Hit]:
        """ "Engineers Jan Novak and Tom Lee said": both speak. The reference read so far is
        the phrase up to "and"; the name after it is the second speaker."""
        a, b = ref.start - self.offset, ref.end - self.offset
        group = _AND_COLLEAGUES.match(sentence, b, cue_start) if ref.entity.person else None
        if group is not None:
            # "Pressley and 15 Democratic colleagues argued": counted, they are specific.
            who = f"{ref.entity.name}'s {group.group('who')}"
            entity = self._entity(who, ref.entity.kind, False, ref.entity.name)
            at = self.offset + group.start("who")
            colleagues = self._ref(entity, at, self.offset + group.end("who"), None, 0.6)
            return [self._hit(colleagues, sentence, cue_start, cue_end, content, "verb")]
        if b <= cue_start and "," not in sentence[b:cue_start]:
            # "Alice Fisher of the Criminal Division and Glenn Fine announced": the subject
            # runs on to the verb past the first name read.
            b = len(sentence[:cue_start].rstrip())
        joined = _AND_NAME.search(sentence, a, b)
        both = _BODY_AND.fullmatch(sentence, 0, a) if joined is None else None
        if both is not None and not ref.entity.person:
            # "Both the Irving Independent School District and the Irving Police Department
            # have asserted": the body before "and" speaks too.
            other = self._interpret(sentence, *both.span("body"))
            if (
                isinstance(other, _Ref)
                and not other.entity.person
                and other.entity is not ref.entity
            ):
                return [self._hit(other, sentence, cue_start, cue_end, content, "verb")]
        if joined is None:
            return []
        first = self._interpret(sentence, a, joined.start())
        second = self._interpret(sentence, joined.end(), b)
        if not (isinstance(first, _Ref) and isinstance(second, _Ref)):
            return []
        if first.entity is second.entity or not (first.entity.person and second.entity.person):
            return []  # "Procter and Gamble", "Department of Health and Human Services"
        ref.entity, ref.end, ref.mention = first.entity, first.end, first.mention
        return [self._hit(second, sentence, cue_start, cue_end, content, "verb")]
