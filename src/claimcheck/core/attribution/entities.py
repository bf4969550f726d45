"""Stage 4a, the document's entities: the people, bodies, outlets and documents named so far,
and the aliases they go by; the pronouns and descriptions that refer back to them are read by
``coreference``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from claimcheck.core.attribution.antecedents import _acronym_of, _spelt_out
from claimcheck.core.attribution.phrases import _in_title_line, _previous_word
from claimcheck.core.attribution.publisher import is_own
from claimcheck.core.attribution.source_kinds import (
    _NAME_KINDS,
    _body_in_text,
    _infer_kind,
    _place_in_text,
)
from claimcheck.core.attribution.words import (
    _CALENDAR,
    _COUNTRIES,
    _GENDERS,
    _NOT_SOURCES,
    _NOT_SUBJECT,
    _PERSON_NOUNS,
    _TITLE_WORDS,
    _gender,
)
from claimcheck.core.registry import MEDIA_KINDS, Registry, Source, normalise

# A sentence that opens on how its speaker spoke, before the name: "Speaking to the
# DawnNews, Ahsan Iqbal said".
_SPEAKING_OPENS = re.compile(r"(?:Speaking|Talking|Writing)\s+(?:to|with|on|in)\s[^,]{1,60},\s+")


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str
    person: bool
    owner: str | None = None
    nouns: set[str] = field(default_factory=set)
    last: int = -1  # the sentence that mentioned it last
    gender: str | None = None  # "m" or "f" when a title or a first name says so


@dataclass(slots=True)
class _Ref:
    """A source read from the text: its entity, where it is written, how it was named."""

    entity: _Entity
    start: int
    end: int
    mention: str | None
    confidence: float


class _Vague:
    """An unnamed source ("officials said"): recorded as a hedge, never as attribution."""

    def __init__(self, phrase: str | None = None) -> None:
        self.phrase = phrase


_VAGUE = _Vague()


_Found = _Ref | _Vague | None


class _Entities:
    """What one document has said so far: the entities it named, for later references."""

    def __init__(self, text: str, registry: Registry, own: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.registry = registry
        self.own = own  # the lookup keys of the document's own publisher: never a source
        self.index = 0  # the current sentence
        self.offset = 0  # where it starts in the text
        self.before = (0, 0)  # the span of the sentence before it, as segmented
        self.entities: list[_Entity] = []
        self.aliases: dict[str, _Entity] = {}
        self.memo: dict[tuple[str, str], tuple[_Entity, str | None, float, int, int]] = {}
        self.contextual = 0  # counts resolutions that depended on where they were read
        # Whether the verb being read publishes: "One engineer posted on Blind" names a
        # specific post, so an unnamed single author is a source, not a hedge.
        self.posting = False

    def _name(
        self, name: str, described: frozenset[str], acronyms: Sequence[str] = ()
    ) -> tuple[_Entity | None, bool]:
        """The entity a proper name refers to, and whether the name was a short form of it."""
        key = normalise(name)
        if key in _NOT_SOURCES or key in _CALENDAR or (key in _NOT_SUBJECT and not name.isupper()):
            return None, False
        found = self.aliases.get(key)
        if found is not None:
            if found.kind == "organization" and described and " " not in found.name:
                # "ANI tweeted" guessed a body; "news agency ANI" later says which.
                said = _infer_kind(found.name, described)[0]
                found.kind = said if said in MEDIA_KINDS else found.kind
            # A person the text met ("Rep. French Hill") wins over the publisher ("The Hill").
            return found, found.name != name and found.name not in self.registry
        if key in self.own:
            return None, False
        known = self._known(name)
        if known is not None:
            return known, False
        adjective, _, rest = name.partition(" ")
        if rest and adjective.lower().endswith(("ese", "ian", "an", "ish")):
            # "the Chinese Xinhua news service": a nationality before a known name.
            known = self._known(rest)
            if known is not None:
                return known, False
        if " " not in name:
            first = self._full_name(name)
            if first is not None:
                # "Mr Varga" after "Health Minister Tomas Varga": the first mention's title
                # says what he is.
                full, titles = first
                entity = self._entity(full, *_infer_kind(full, described | titles))
                if entity.person and entity.gender is None:
                    entity.gender = _gender(described | titles)
                if entity.person:
                    # "Ana Ruiz, a professor of law, ... The professor said": what the first
                    # mention called her is what a description may call her later.
                    entity.nouns.update(titles & _PERSON_NOUNS)
                return entity, True
            near = self._misspelt(name)
            if near is not None:
                return near, True
        spelt_out = _spelt_out(self.text, name) if name.isupper() and " " not in name else None
        if spelt_out is not None:
            # "OCHA reports", where the text wrote "the Office for the Coordination of
            # Humanitarian Affairs (OCHA)" once, at no cue: the body of the full name.
            spelt, _ = self._name(spelt_out, described | {name.lower()})
            if spelt is not None:
                self.aliases.setdefault(key, spelt)
                return spelt, True
        # "Office for the Coordination of Humanitarian Affairs (OCHA)": known by its acronym,
        # here or where the text names it again.
        acronyms = acronyms or _acronym_of(self.text, name)
        kind, person = _infer_kind(name, described.union(a.lower() for a in acronyms))
        if person and described.isdisjoint(_TITLE_WORDS) and _body_in_text(self.text, name):
            kind, person = "organization", False  # "Texas Instruments said"
        elif kind == "organization" and " " not in name and _place_in_text(self.text, name):
            kind = "official"  # "Cameroon on Wednesday said", where "Cameroon's military" is
        holder = self._title_just_before(name) if person and not described else None
        if holder is not None:
            return holder, False
        entity = self._entity(name, kind, person)
        if entity.person and entity.gender is None:
            entity.gender = _gender(described)
        for acronym in acronyms:
            self.aliases.setdefault(normalise(acronym), entity)
        return entity, False

    def _title_just_before(self, name: str) -> _Entity | None:
        """ "Pakistan's Interior Minister has claimed ... Speaking to the DawnNews, Ahsan Iqbal
        said": a name met for the first time, with no title, just after a title spoke with no
        name, is the title's holder; the title's entity takes the name."""
        at = self.text.find(name)
        if at < self.offset or _SPEAKING_OPENS.fullmatch(self.text, self.offset, at) is None:
            return None  # only where the name follows "Speaking to the DawnNews, "
        for entity in self.entities:
            if (
                entity.person
                and entity.kind == "official"
                and entity.last == self.index - 1
                and entity.name[:1].isupper()
                and not _TITLE_WORDS.isdisjoint(entity.name.lower().split())
            ):
                self.aliases[normalise(name)] = entity
                self.aliases.setdefault(normalise(name.split()[-1]), entity)
                entity.name = name
                return entity
        return None

    def _full_name(self, surname: str) -> tuple[str, frozenset[str]] | None:
        """'Basya' after 'Fuad Basya' earlier in the text: the full name, when there is one,
        with the title words written before it ("Health Minister")."""
        text = self.text
        at = text.rfind(" " + surname, 0, self.offset)
        while at > 0:
            end = at + 1 + len(surname)
            if (end >= len(text) or not text[end].isalnum()) and not _in_title_line(text, at):
                ws, first = _previous_word(text, at)
                if first[:1].isupper() and first.isalpha() and first.lower() not in _CALENDAR:
                    # "Health Minister Tomas Varga", "Tomas Varga, the health minister,".
                    before = text[max(0, ws - 40) : ws].lower().split()[-3:]
                    after = text[end : end + 120].lower().split(",")
                    words = before + (after[1].split() if len(after) > 2 and not after[0] else [])
                    titles = frozenset(w.strip(",") for w in words if w.strip(",") in _TITLE_WORDS)
                    return f"{first} {surname}", titles
            at = text.rfind(" " + surname, 0, at)
        return None

    def _known(self, surface: str) -> _Entity | None:
        """An entity of this document or the registry that the name stands for."""
        key = normalise(surface)
        if not key or key in _NOT_SOURCES or (key in _NOT_SUBJECT and not surface.isupper()):
            return None
        found = self.aliases.get(key)
        if found is not None:
            return found
        if key in self.own:
            return None
        if not (surface[:1].isupper() or any(c.isupper() for c in surface)):
            return None  # the first test spares most names the scan of every letter
        # Near matches are for names with a typo, not for whole descriptive phrases.
        source = self.registry.resolve(surface, fuzzy=key.count(" ") < 3)
        if source is None or (self.own and is_own(self.own, source)):
            return None
        return self._from_source(source)

    def _from_source(self, source: Source) -> _Entity:
        found = self.aliases.get(normalise(source.name))
        if found is not None and found.name == source.name:
            return found
        person = source.kind == "person" or (
            source.kind == "official"
            and " " in source.name
            and source.name.lower() not in _COUNTRIES  # "the United States says"
            and not any(w.lower() in _NAME_KINDS for w in source.name.split())
        )
        if source.kind == "organization" and not source.builtin:
            # A company's spokeswoman was learned as the company's kind: she is still a
            # person, so "the company" in a file read later is not her.
            person = _infer_kind(source.name, frozenset()) == ("person", True)
        entity = self._entity(source.name, source.kind, person, source.owner)
        for alias in source.aliases:
            self.aliases.setdefault(normalise(alias), entity)
        return entity

    def _entity(self, name: str, kind: str, person: bool, owner: str | None = None) -> _Entity:
        key = normalise(name)
        found = self.aliases.get(key)
        if found is not None and found.name == name:
            return found
        if kind == "document" and name[:1].isupper():
            unnamed = self._unnamed_document(name)
            if unnamed is not None:
                return unnamed
        entity = _Entity(name, kind, person, owner)
        if person:
            entity.gender = _GENDERS.get(name.split()[0].lower().rstrip("."))
        self.entities.append(entity)
        self.aliases[key] = entity
        parts = name.split()
        if person and len(parts) > 1:
            self.aliases.setdefault(normalise(parts[-1]), entity)
        if person and len(parts) > 2 and parts[-2][:1].isupper():
            # "Moore Capito" after "Shelley Moore Capito": a surname of two words.
            self.aliases.setdefault(normalise(" ".join(parts[-2:])), entity)
        return entity

    def _unnamed_document(self, name: str) -> _Entity | None:
        """A study met before only as "a new study", now named: "the Australian National
        Iodine Nutrition Study". It takes the name, and so do its authors, in every sentence
        attributed to them (the results read the entities' names at the end)."""
        noun = name.split()[-1].lower()
        for entity in reversed(self.entities):
            if entity.kind == "document" and entity.name == noun:
                old = entity.name
                entity.name = name
                self.aliases[normalise(name)] = entity
                for other in self.entities:
                    if other.owner == old:
                        other.owner = name
                        other.name = name + other.name[len(old) :]
                return entity
        return None

    def _ref(
        self, entity: _Entity, start: int, end: int, mention: str | None, confidence: float
    ) -> _Ref:
        entity.last = self.index
        return _Ref(entity, start, end, mention, confidence)

    def _misspelt(self, surname: str) -> _Entity | None:
        """A person named before whose surname this one misspells by a letter or two, as
        published: "Ms Bauchtman" after "Lydia Buchtmann", "Mauer" after "K.C. Maurer"."""
        if len(surname) < 5 or not surname.isalpha():
            return None
        limit = 2 if len(surname) >= 7 else 1
        for entity in reversed(self.entities):
            last = entity.name.split()[-1]
            if (
                entity.person
                and " " in entity.name
                and last[0] == surname[0]
                and Levenshtein.distance(last, surname, score_cutoff=limit) <= limit
            ):
                return entity
        return None
