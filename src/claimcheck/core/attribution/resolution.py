"""Stage 4b, resolution: a noun phrase read at a cue becomes a reference to an entity of the
document (a known name, a new name, a description, a document or website of an owner).
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.antecedents import _group_named, _member_of, _spelt_out
from claimcheck.core.attribution.entities import _VAGUE, _Found, _Ref
from claimcheck.core.attribution.groups import _PLACES_OF_WORK, _Groups
from claimcheck.core.attribution.lexicon import _words
from claimcheck.core.attribution.names import _plan
from claimcheck.core.attribution.phrases import (
    _GROUP_HEADS,
    _LEADING,
    _PARTICIPLE,
    _RELATIVE,
    _TRAILING,
    _described_name,
    _phrase_end,
)
from claimcheck.core.attribution.source_kinds import (
    _DOC_NOUNS,
    _NOUN_KINDS,
    _names_itself,
    _noun_kind,
)
from claimcheck.core.attribution.titles import _named_by_title, _Parsed
from claimcheck.core.attribution.words import (
    _DETERMINERS,
    _GENDERS,
    _INDEFINITE,
    _OFFICIAL_PLURALS,
    _PARTICIPANTS,
    _PERSON_NOUNS,
    _RELATIVES,
    _STAFF_OF_BODY,
    _VAGUE_HEADS,
)
from claimcheck.core.registry import MEDIA_KINDS

# A relative clause without "that", opened by its subject: "the policies it deems unfair".
_CLAUSE_PRONOUN = re.compile(r"\s(?:it|he|she|they|we)\s+[a-z]+s?\b")
_LINK_MARKER = re.compile(r"\s*\[\d+\]$")
# "Congressional lawmakers and experts": a named group beside an unnamed one.
_AND_VAGUE = re.compile(
    r"\s+and\s+(?:(?:\d+|other|his|her|their|[A-Z][a-z]+)\s+){0,2}(?:"
    + "|".join(sorted(_GROUP_HEADS))
    + r")(?:\s+(?:at|in|from|on|of)\s+.*)?$"
)
_PUBLISHED_IN = re.compile(r"\b(?:published|presented|reported|described)\s+in\s+(?P<doc>\S.*)")
_LOWER_WORD = re.compile(r"\s(?!(?:of|for|and|de|van|von|the)\b)[a-z]")
# People a description names by what they are, not by a title: "the boy said".
_PEOPLE = _words(
    """boy girl student teenager child father mother son daughter wife husband brother sister
    player fan visitor artist farmer driver pilot passenger survivor victim witness resident
    owner worker teacher doctor nurse parent villager protester"""
)

_DEMONYM_ENDINGS = ("ish", "ese", "ian", "can", "ean", "i")
# "one comment says": a reader's comment under a post or video, unnamed but specific.
_COMMENTS = _words("comment commenter")
# Staff who speak for the one whose they are: "Newsom's senior advisor for communications".
_STAFF_OF = re.compile(
    r"(?P<owner>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})['\u2019]s\s+(?:[\w-]+\s+){0,2}?"
    r"(?:advisor|adviser|aide|counsel|press\s+secretary|chief\s+of\s+staff)\b"
)


# What may stand before a description written with a capital: "which the Church describes".
_BEFORE_CAPITAL_DESCRIPTION = frozenset(("the", "The", "which", "that"))
_PARTY_MEMBERS = frozenset(("Democrat", "Republican", "Conservative", "Tory", "Liberal"))


class _Reading(_Groups):
    """A noun phrase read as a source: a known name, a new name, a description."""

    def _interpret(self, sentence: str, a: int, b: int, desc: str = "") -> _Found:
        """Read the noun phrase sentence[a:b] as a source, if it is one."""
        raw = sentence[a:b]
        phrase = raw.strip(_LEADING).rstrip(_TRAILING)
        if not phrase:
            return None
        a += raw.index(phrase[0])
        marker = _LINK_MARKER.search(phrase) if phrase[-1] == "]" else None
        if marker is not None and marker.start():
            phrase = phrase[: marker.start()]  # "Jan Novak [4]": a web page's link marker
        vague = _AND_VAGUE.search(phrase) if " and " in phrase else None
        if vague is not None and vague.start():
            phrase = phrase[: vague.start()]  # the named group speaks, the others are a hedge
        b = a + len(phrase)
        if "," in phrase or " wh" in phrase or " that" in phrase:
            relative = _RELATIVE.search(sentence, a, b)
            if relative is not None and relative.start() > a:
                b = relative.start()
                phrase = sentence[a:b]
        clause = _CLAUSE_PRONOUN.search(phrase) if " " in phrase else None
        if clause is not None:
            # "policies it deems unfair to Lakeside people": a clause of its own, no name.
            b = a + clause.start()
            phrase = sentence[a:b]
        at = self.offset + a
        memo = self.memo.get((phrase, desc))
        if memo is not None:
            # A name met before in this document means what it meant then.
            entity, mention, confidence, start, end = memo
            return self._ref(entity, at + start, at + end, mention, confidence)
        contextual = self.contextual
        found = self._read(sentence, a, b, phrase, desc)
        if isinstance(found, _Ref) and self.contextual == contextual:
            # Only what no pronoun or description decided is the same wherever it is read.
            self.memo[phrase, desc] = (
                found.entity,
                found.mention,
                found.confidence,
                found.start - at,
                found.end - at,
            )
        return found

    def _read(self, sentence: str, a: int, b: int, phrase: str, desc: str) -> _Found:
        step, check_known, at, first, second, parsed = _plan(phrase, desc)
        off = self.offset
        if step == "none":
            return None
        if step == "pronoun":
            return self._pronoun(first, a, b, organisation=False)
        if step == "relative":
            return self._relative(first, second, a, b)
        if step == "document":
            # "a new study documenting ...": one specific study, named by its noun.
            study = self._entity(first, "document", False)
            study.nouns.add(first)
            return self._ref(study, off + a, off + b, phrase, 0.6)
        if step == "authors":
            return self._authors(sentence, a, b, a + at, first)
        if step == "role":
            # "a spokesperson for Norvex", "analysts at Norvex": Norvex speaks through them.
            org_at = a + at
            org_end = min(b, _phrase_end(sentence, org_at))
            # Analysts and experts work for companies; officials may speak for a ministry.
            official = any(
                w.startswith(("official", "spokes", "represent"))
                for w in phrase.lower().split()[:3]
            )
            org = self._interpret(sentence, org_at, org_end, "" if official else "organization")
            if isinstance(org, _Ref) and not org.entity.person:
                org.start, org.end, org.mention = off + a, off + b, phrase
                return org
            # "Police officials at the kiosk said": where they are is no body; they speak.
            where = sentence[org_at:org_end].lower().split()
            if not official or not where or where[-1] not in _PLACES_OF_WORK:
                return None
            head = sentence[a : a + at].split()
            while head and head[-1].lower() in ("for", "at", "of", "from", "with"):
                head.pop()
            if head and head[0].lower() in _DETERMINERS:
                head = head[1:]
            return self._participants(head, head[-1].lower(), a, b) if head else None
        if step == "common":
            return self._description("", first, a, b)
        if check_known:
            known = self._known(phrase)
            if known is not None:
                confidence = 0.95 if known.name in self.registry else 0.9
                return self._ref(known, off + a, off + b, None, confidence)
        if step == "owned":
            return self._owned(first, second, off + a, off + b)
        if step == "doc_by":
            # "a paper by Jan Novak published in 2001": the owner ends before the participle.
            if sentence.startswith(("a ", "an "), a + at):
                # "a report by a coalition of NGOs": the report of a group no name names.
                name = f"{first} by {sentence[a + at : b]}"
                report = self._entity(name, "document", False)
                report.nouns.add(first)
                return self._ref(report, off + a, off + b, None, 0.7)
            at = _described_name(sentence, a + at, b) - a  # "by rights group Open Watch"
            lower = _LOWER_WORD.search(sentence, a + at, b)
            b = b if lower is None else lower.start()
            owner = self._interpret(sentence, a + at, b)
            if isinstance(owner, _Ref) and owner.entity.kind in MEDIA_KINDS:
                return owner  # "a report by the BBC": the outlet is the source
            return self._owned(sentence[a + at : b], first, off + a, off + b)
        if step == "role_of":
            owner = self._interpret(sentence, a, a + len(first))
            if isinstance(owner, _Ref):
                owner.start, owner.end, owner.mention = off + a, off + b, phrase
            return owner
        if step == "statement":
            owner_np = sentence[a + at : b]
            cut = owner_np.rfind(first)
            if cut > 0:
                owner_np = owner_np[:cut]  # "a ministry statement"
            return self._owned(owner_np, first, off + a, off + b)
        if step == "social":
            medium = self._entity(phrase[at:], "social_media", False)
            return self._ref(medium, off + a, off + b, phrase, 0.7)
        if step == "website":
            return self._website(sentence, a, b)
        if step == "affiliation":
            # "Dr. Li Wei of the World Health Organization": Li Wei speaks, not the WHO.
            return self._interpret(sentence, a, a + at, first)
        if step == "possessive":
            return self._interpret(sentence, a + at, a + at + len(first), desc)
        if step == "results":
            found = self._interpret(sentence, a + at, a + at + len(first), desc)
            return found if isinstance(found, _Ref) else self._published_in(sentence, b, desc)
        if parsed is not None:
            if (
                step == "vague"
                and not sentence[:a].strip(_LEADING)
                and self._known(parsed.name) is None
            ):
                return _VAGUE  # "Legal experts said": a capital that only starts the sentence
            return self._named(parsed, a + at, a, b, desc)
        return self._description(first, second, a, b)

    def _published_in(self, sentence: str, b: int, desc: str) -> _Found:
        """'Results of the trials, published in a paper by J. Smith (1989), showed': the
        paper, or the journal, the results were published in."""
        where = sentence.find(desc, b) if desc else -1
        match = _PUBLISHED_IN.search(desc) if where >= 0 else None
        if match is None:
            return None
        start = where + match.start("doc")
        found = self._interpret(sentence, start, _phrase_end(sentence, start))
        if not isinstance(found, _Ref) or found.entity.kind in ("document", *MEDIA_KINDS):
            return found
        # A journal is no speaker: what it published is a document.
        found.entity.kind = "document"
        return found

    def _authors(self, sentence: str, a: int, b: int, at: int, owner: str) -> _Found:
        """The authors of a document: "the report's authors", "the authors", "the researchers"
        (of the last document named)."""
        off = self.offset
        if owner:
            found = self._interpret(sentence, at, at + len(owner))
            document = found.entity if isinstance(found, _Ref) else None
        else:
            document = self._resolve_noun("study", off + a)
        if document is None or document.kind != "document":
            return None
        return self._ref(self.authors_of(document), off + a, off + b, sentence[a:b], 0.7)

    def _named(self, parsed: _Parsed, rest_at: int, a: int, b: int, desc: str = "") -> _Found:
        """A noun phrase with a proper name in it, resolved in this document."""
        name, acronyms, described, trailing, first = parsed
        off = self.offset
        article = self.text[off + a : off + rest_at].strip()  # "The", "which", or nothing
        definite = article in ("the", "The")
        if (
            not trailing
            and name.lower() in _NOUN_KINDS
            and described <= _BEFORE_CAPITAL_DESCRIPTION
            and ("the" in described or article in _BEFORE_CAPITAL_DESCRIPTION)
            and self._resolve_noun(name.lower(), off + a) is not None
        ):
            # "the Church", "the Court": a description written with a capital, the body of
            # that noun the text named before ("the Church of Scientology"); with none named,
            # the name it always was ("Government"), so one source is not split in two.
            at = self.text.lower().find("the ", off + a, off + b)
            return self._description("the", name, a if at < 0 else at - off, b)
        if (
            name in _PARTY_MEMBERS
            and not trailing
            and definite
            and self._known(name) is None  # "The Republican", a newspaper
        ):
            # "The conservative Democrat said": a person named before, by their party.
            return self._described_person(a, b)
        if not name:
            return self._title_alone(self.text[off + rest_at + first : off + b], described, a, b)
        # "a Microsoft report on China's disinformation threat": the report, its topic after.
        end = next((i for i, w in enumerate(trailing) if w in ("on", "about", "into")), None)
        doc = trailing[:end]
        if doc and doc[-1] in _DOC_NOUNS and doc[-2:-1] != ("news",):
            return self._owned(name, doc[-1], off + a, off + b)
        head = trailing[-1] if trailing else ""
        of = trailing.index("of") if "of" in trailing[1:] else 0
        if of and trailing[of - 1] in _NOUN_KINDS:
            head = trailing[of - 1]  # "the Free State department of health": the department
        if head in _OFFICIAL_PLURALS:
            group = self._entity(f"{name} {head}", "official", False)
            return self._ref(group, off + a, off + b, None, 0.8)
        if head in _PERSON_NOUNS and " " not in name and name.endswith(_DEMONYM_ENDINGS):
            # "The experienced Turkish professor said": a description of someone named before,
            # the nationality no name.
            earlier = self._resolve_noun(head, off + a)
            if earlier is not None and earlier.person:
                return self._ref(earlier, off + a, off + b, self.text[off + a : off + b], 0.6)
        compound = f"{name} {' '.join(trailing)}"
        later = None
        if head in _PERSON_NOUNS:
            later = _named_by_title(self.text, (compound,), off + b, later=True)
            if not later and definite:
                # "the OCHA official added", "The OCHA spokesman said": the person of that
                # body the text named before.
                self.contextual += 1
                people = [e for e in self.entities if e.person and e.last >= 0]
                at = _member_of(self.text, [e.name for e in people], name, off + a)
                if at >= 0:
                    return self._ref(
                        people[at], off + a, off + b, self.text[off + a : off + b], 0.7
                    )
        # "the M5S party", after "Movimento 5 Stelle (M5S)": the body the acronym spells.
        spelt = (
            head not in _PERSON_NOUNS
            and name.isupper()
            and " " not in name
            and _spelt_out(self.text, name) is not None
        )
        if (head in _NOUN_KINDS or head in _PERSON_NOUNS) and not (
            spelt or _names_itself(head, trailing)
        ):
            # "The Russian defence ministry", "Ukraine's military intelligence agency".
            # "a former Somali army commander" no longer holds the office: he speaks for himself.
            former = head in _PERSON_NOUNS and "former" in described
            body = self._known(compound) or self._entity(
                later or compound,
                "person" if former else _noun_kind(head, trailing),
                head in _PERSON_NOUNS,
            )
            body.nouns.add(head)
            return self._ref(body, off + a, off + b, None, 0.85)
        if "@organization" in described:
            described = self._acronym_body(described)
        entity, short = self._name(name, described, acronyms)
        if entity is None:
            return None
        # "Dr. Maria Lopez of the ministry" is a person: "the ministry" is not her later.
        entity.nouns.update(
            w
            for w in described
            if w in _PERSON_NOUNS
            or (w in _RELATIVES and entity.person)
            or (w in _NOUN_KINDS and not entity.person)
        )
        staff = _STAFF_OF.match(desc) if entity.kind == "person" and desc else None
        if staff is not None and self._official(staff.group("owner")):
            entity.kind = "official"  # "Anthony York, Newsom's senior advisor": his staff
        mention = self.text[off + a : off + b] if short else None
        confidence = 0.85 if short else (0.95 if entity.name in self.registry else 0.9)
        return self._ref(entity, off + a, off + b, mention, confidence)

    def _description(self, det: str, rest: str, a: int, b: int) -> _Found:
        """A source without a proper name: 'the agency', 'officials', 'one poster'."""
        self.contextual += 1
        head = _PARTICIPLE.split(rest, maxsplit=1)[0].split()
        if not head:
            return None
        noun = head[-1].lower().strip(".,'\u2019")
        off = self.offset
        mention = self.text[off + a : off + b]
        if det in ("the", "this", "that"):
            if noun in _PEOPLE or noun.endswith("-old"):
                # "the boy", "the 14-year-old", "the student": the person just named.
                person = self._recent_person(_GENDERS.get(noun))
                if person is not None:
                    return self._ref(person, off + a, off + b, mention, 0.6)
                return self._participants(head, noun, a, b)
            group = _group_named(self.text, noun, off + a) if noun[:-1] in _PEOPLE else None
            if group is not None:
                # "about 15 parents from Elliot went ... The parents say": that group.
                return self._ref(
                    self._entity(group, "person", False), off + a, off + b, mention, 0.6
                )
            if noun not in _NOUN_KINDS and noun not in _PERSON_NOUNS and noun != "government":
                return self._participants(head, noun, a, b)
            bare = rest.split()[-1].lower().strip(".,'\u2019") == noun
            entity = self._resolve_noun(noun, off + a, bare)
            if entity is not None:
                return self._ref(entity, off + a, off + b, mention, 0.7)
            # An unresolved description is still a source: "the government then says".
            entity = self._entity(
                mention[0].lower() + mention[1:], _noun_kind(noun), noun in _PERSON_NOUNS
            )
            entity.nouns.add(noun)
            return self._ref(entity, off + a, off + b, mention, 0.5)
        if det in _INDEFINITE and (
            _DOC_NOUNS.get(noun) == "social_media"
            or noun in _COMMENTS
            or (self.posting and det in ("one", "a", "an") and noun not in _VAGUE_HEADS)
        ):
            # Unnamed but specific: "one poster writing in a blog post".
            entity = self._entity(" ".join(head), "social_media", False)
            entity.nouns.add(noun)
            return self._ref(entity, off + a, off + b, None, 0.6)
        if not det and noun in _STAFF_OF_BODY:
            return self._staff(noun, off + a, off + b, mention)
        if not det and noun in ("police", "authorities"):
            return self._ref(self._entity(noun, "official", False), off + a, off + b, None, 0.5)
        kind = _DOC_NOUNS.get(noun) or _DOC_NOUNS.get(noun.removesuffix("s"))
        if not det and kind == "document" and len(head) > 1 and noun not in _VAGUE_HEADS:
            # "according to court filings", "citing official figures": documents, unnamed.
            entity = self._entity(" ".join(head).lower(), "document", False)
            entity.nouns.add(noun)
            return self._ref(entity, off + a, off + b, None, 0.6)
        if noun in ("researchers", "authors") and not det and len(head) <= 2:
            study = self._resolve_noun("study", off + a)
            if study is not None and study.kind == "document" and study.last >= self.index - 2:
                # "Researchers looked at ... and found", "Study authors said": of the study
                # the text cited before.
                return self._ref(self.authors_of(study), off + a, off + b, mention, 0.6)
        if noun == "one" and det == "another":
            # "said a resident of Toe Town. ... another one said": another of them.
            met = [
                e for e in self.entities if e.last >= 0 and not e.nouns.isdisjoint(_PARTICIPANTS)
            ]
            if met:
                noun = min(max(met, key=lambda e: e.last).nouns & _PARTICIPANTS.keys())
                return self._participants(["another", noun], noun, a, b)
        if noun in _PARTICIPANTS:
            return self._participants(head, noun, a, b, rest, det)
        if det in _INDEFINITE or noun in _VAGUE_HEADS:
            return _VAGUE
        return None
