"""Stage 4a, coreference: the pronouns and descriptions that refer back to the document's
entities ("he", "they", "the company", "the study"): the most recent entity of the right
sort, or a body, document or person the text named at no cue (``antecedents``).
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.antecedents import (
    _body_named_before,
    _names_in,
    _opening_name,
    _team_named,
)
from claimcheck.core.attribution.entities import _Entities, _Entity, _Found, _Ref
from claimcheck.core.attribution.phrases import _indefinite, _mentioned
from claimcheck.core.attribution.source_kinds import _NOUN_KINDS, _infer_kind
from claimcheck.core.attribution.titles import _WHEN, _named_by_title, _titled_names
from claimcheck.core.attribution.words import (
    _CALENDAR,
    _DETERMINERS,
    _GENDERS,
    _NAMED_BODIES,
    _OFFICIAL_WORDS,
    _PERSON_NOUNS,
    _PERSON_PRONOUNS,
    _PRONOUN_GENDER,
    _RELATIVES,
    _STAFF_OF_BODY,
    _TITLE_WORDS,
)
from claimcheck.core.registry import MEDIA_KINDS

# Titles written short before a name: "Gov. Gavin Newsom" is "the governor".
_TITLE_ABBREVIATIONS = {"governor": "gov.", "senator": "sen.", "representative": "rep."}
# Titles before a title that make it another one: "Lt. Gov." is no governor.
_RANKS_BELOW = frozenset(("lt.", "lieutenant", "deputy", "vice", "former", "acting", "assistant"))
# A sentence that opens with a place: "In London, officers said".
_PLACE_FIRST = re.compile(r"\s*In\s+([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}),")
# "the governor's office", "Newsom's office": whose office it is.
_OFFICE_OF = re.compile(r"\b(?P<owner>(?:the\s+[a-z]+)|[A-Z][\w-]+)['\u2019]s\s+office\b")
# A capitalised word inside a sentence with its possessive: "came on Trump's tax return".
_POSSESSOR = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?=['\u2019]s\b)")


class _Coreference(_Entities):
    """References back to the entities named so far: pronouns and definite descriptions."""

    def _resolve_noun(self, noun: str, before: int, bare: bool = True) -> _Entity | None:
        """The most recent entity that "the <noun>" can refer to; ``bare`` when no "of ..."
        or "at ..." follows the noun to say which one it is."""
        self.contextual += 1
        kinds = _NOUN_KINDS.get(noun)
        best: _Entity | None = None
        # "the department" is the Education Department named before, not the court named since.
        by_name: _Entity | None = None
        for entity in self.entities:
            if noun in _PERSON_NOUNS:
                # "the woman" is no official named before, "the minister" may be; and "the
                # spokesman" is no woman.
                fits = (
                    entity.person
                    and (
                        noun in entity.nouns
                        or (
                            entity.kind == "official"
                            and noun in _OFFICIAL_WORDS
                            # "the minister" is no one named as a spokesman
                            and entity.nouns.isdisjoint(_PERSON_NOUNS)
                        )
                    )
                    and entity.gender in (None, _GENDERS.get(noun, entity.gender))
                )
            elif noun in _NAMED_BODIES:
                # "the court", "the church": the body of that name, not any body of its kind.
                fits = noun in entity.nouns or noun in entity.name.lower().split()
            else:
                fits = noun in entity.nouns or (
                    kinds is not None and entity.kind in kinds and not entity.person
                )
                if (
                    fits
                    and not entity.person
                    and noun in entity.name.lower().split()
                    and (by_name is None or entity.last >= by_name.last)
                ):
                    by_name = entity
            if fits and (best is None or entity.last >= best.last):
                best = entity
        best = by_name or best
        if (
            best is not None
            and kinds is not None
            and "document" in kinds
            and noun not in best.nouns
            and _indefinite(noun).search(self.text, 0, before) is not None
        ):
            # "A petition signed by 500 residents ... The petition reads": not the letter
            # quoted before it, though both are documents.
            entity = self._entity(noun, "document", False)
            entity.nouns.add(noun)
            return entity
        if best is None and bare and noun in _PERSON_NOUNS and noun in _OFFICIAL_WORDS:
            best = self._title_holder(noun, before)
        if best is None and noun == "office":
            best = self._office_holder(before)
        if (
            best is not None
            and kinds is not None
            and noun not in best.nouns
            and noun not in best.name.lower().split()
        ):
            # Chosen by its kind alone: a body whose name has the noun ("the department"), or
            # one named since whose name fits it better ("Norvex Group" for "the company"),
            # even named at no cue, is meant.
            named = _body_named_before(self.text, noun, before)
            if named and (
                noun in named[0].lower().split()
                or named[1] > self.text.rfind(best.name, 0, before) >= 0
            ):
                best = self._name(named[0], frozenset())[0] or best
        if best is not None or kinds is None:
            return best
        if "official" in kinds and "organization" not in kinds:
            # "The Irving Police Department arrested him. The department said": named, no cue.
            return self._body_named(noun, before)
        if not kinds & {"document", "organization"}:
            return None
        # "A sensitive Environment Canada document was found ... The document detailed".
        found = None
        pattern = re.compile(rf"((?:[A-Z][\w.&'\u2019-]*\s+){{1,4}}){re.escape(noun)}\b")
        for match in pattern.finditer(self.text, 0, before):
            at = match.start()
            # A capital that starts a line or a sentence names nothing: "Leaked memo ...".
            if at and self.text[at - 1] != "\n" and self.text[max(0, at - 2) : at] != ". ":
                found = match
        if found is None:
            return self._document_mentioned(noun, kinds, before) or self._body_named(noun, before)
        run = found.group(1).split()
        while run and run[0].lower() in _DETERMINERS:
            run.pop(0)
        if not run:
            return None
        kind = "document" if "document" in kinds else "organization"
        entity = self._entity(" ".join(run) + " " + noun, kind, False)
        entity.nouns.add(noun)
        return entity

    def _title_alone(self, phrase: str, described: frozenset[str], a: int, b: int) -> _Ref:
        """A title with no name: "Malaysia's Prime Minister said". Who holds it depends on
        where it is read, so it is not remembered for the document."""
        self.contextual += 1
        off = self.offset
        when = _WHEN.search(phrase)
        phrase = phrase if when is None else phrase[: when.start()]  # "... on Monday"
        kind = "official" if not _OFFICIAL_WORDS.isdisjoint(described) else "person"
        # "UN Secretary-General António Guterres ... UN Secretary-General on Monday urged":
        # the name the text gave the title before; "Gabon's prime minister says ...
        # Gabon's prime minister, Raymond Ndong Sima, said": the name it gives it later.
        given = _named_by_title(self.text, (phrase,), off + a, later=False)
        if given is not None and (known := self._known(given)) is not None:
            return self._ref(known, off + a, off + b, phrase, 0.6)
        if given is not None:
            kind = _infer_kind(given, described)[0]  # "UN Director-General Lena Ortiz"
        later = given or _named_by_title(self.text, (phrase,), off + b, later=True)
        titled = self._entity(later or phrase, kind, True)
        return self._ref(titled, off + a, off + b, phrase if later else None, 0.6)

    def _title_holder(self, noun: str, before: int) -> _Entity | None:
        """ "Gov. Gavin Newsom is on vacation ... The governor said": the person the text
        named last with that title, at no cue."""
        titles = (noun, _TITLE_ABBREVIATIONS.get(noun, noun))
        found = _titled_names(self.text, titles, max(0, before - 3000), before)
        if not found:
            return None
        words = self.text[max(0, found[-1].start() - 30) : found[-1].start()].split()
        if words and words[-1].lower() in _RANKS_BELOW:
            return None  # "Lt. Gov. Eleni Kounalakis" is no governor
        # "Inspector General Michael Horowitz": the rest of the title is not his name.
        names = found[-1].group(1).split()
        while names and names[0].lower() in _TITLE_WORDS:
            names.pop(0)
        if not 2 <= len(names) <= 3:
            return None
        name = " ".join(names)
        entity = self._known(name) or self._entity(
            name, _infer_kind(name, frozenset((noun,)))[0], True
        )
        entity.nouns.add(noun)
        return entity

    def _office_holder(self, before: int) -> _Entity | None:
        """ "the governor's office appeared loath ... the office said": whose office the text
        named last speaks through it."""
        found = list(_OFFICE_OF.finditer(self.text, max(0, before - 1500), before))
        if not found:
            return None
        owner = found[-1].group("owner")
        if owner.lower().startswith("the "):
            return self._resolve_noun(owner.split()[-1].lower(), before)
        return self._known(owner)

    def _near(self, body: _Entity, start: int) -> bool:
        """Whether bare staff at ``start`` can be the body's: it was named in this paragraph
        or one of the three before (a lead names the office, its "prosecutors" act two
        paragraphs on), and no other place opens the sentence ("In London, officers")."""
        place = _PLACE_FIRST.match(self.text, self.offset, start)
        if place is not None and place.group(1) not in body.name:
            return False
        at = self.text.rfind(body.name, 0, start)
        if at < 0:
            return body.last >= self.index - 2
        return self.text.count("\n\n", at, start) <= 3

    def _staff(self, noun: str, start: int, end: int, mention: str) -> _Ref:
        """Staff written bare ("Officers said"): the official body, most recent first, whose
        name says they are its own (the police that spoke before), else the staff themselves."""
        self.contextual += 1
        stem = _STAFF_OF_BODY[noun]
        bodies = [e for e in self.entities if e.kind == "official" and stem in e.name.lower()]
        body = max(bodies, key=lambda e: e.last, default=None)
        if body is not None and not self._near(body, start):
            body = None
        staff = body or self._entity(noun, "official", False)
        return self._ref(staff, start, end, mention if body else None, 0.6)

    def _document_mentioned(self, noun: str, kinds: frozenset[str], before: int) -> _Entity | None:
        """ "A study of the river was published on Monday. The researchers found": a document
        the text mentioned without a cue, called by its noun until it is named."""
        if "document" not in kinds:
            return None
        if _mentioned(noun).search(self.text, 0, before) is None:
            return None
        entity = self._entity(noun, "document", False)
        entity.nouns.add(noun)
        return entity

    def _body_named(self, noun: str, before: int) -> _Entity | None:
        """ "Norvex Group makes cars. ... The company said": the body named before (stage
        ``antecedents``), though it spoke at no cue before."""
        found = _body_named_before(self.text, noun, before)
        return None if found is None else self._name(found[0], frozenset())[0]

    def _pronoun(self, pronoun: str, a: int, b: int, organisation: bool) -> _Ref | None:
        """He, she, it, they, its: the most recent entity of the right sort."""
        self.contextual += 1
        person = pronoun in _PERSON_PRONOUNS
        gender = _PRONOUN_GENDER.get(pronoun)
        off = self.offset
        named = _NAMED_THEN_PRONOUN.search(self.text, off, off + a) if person else None
        if named is not None:
            # "The only supervisor there was Peggy Judd, she spoke ...": the name just given.
            entity = self._name(named.group(1), frozenset())[0]
            if entity is not None and entity.person:
                return self._ref(entity, off + a, off + b, self.text[off + a : off + b], 0.7)
        best: _Entity | None = None
        for entity in self.entities:
            if entity.person != person:
                continue
            if gender is not None and entity.gender not in (None, gender):
                continue  # "she said" after a man spoke goes back to the woman before him
            if organisation and entity.kind in _NOT_OWNERS:
                continue
            if pronoun == "they" and entity.kind in _THINGS:
                continue  # a study or a website is "it"
            if best is None or entity.last > best.last:
                best = entity
            elif entity.last == best.last and not (
                entity.kind in MEDIA_KINDS and best.kind not in MEDIA_KINDS
            ):
                # "In a statement to the ABC, the Church denied ... They also claimed": the
                # outlet the words were given to is no speaker of the next sentence.
                best = entity
        if pronoun == "they" and (best is None or best.last < self.index - 1):
            # "Pauline Zardo and her colleagues assessed ... They report": the team.
            team = _team_named(self.text, self.offset)
            best = best if team is None else self._entity(team, "person", False)
        if person and (best is None or best.last < self.index - 3):
            best = self._recent_person(gender) or best
        elif person and best is not None and best.last < self.index - 1:
            # "Capo Daniel is a spokesman for ... He said": the subject of the sentence just
            # before, named there at no cue, is nearer than a speaker cited further back.
            best = self._previous_subject(gender) or best
        if best is None:
            return None
        return self._ref(best, off + a, off + b, self.text[off + a : off + b], 0.7)

    def _relative(self, pronoun: str, noun: str, a: int, b: int) -> _Found:
        """'his father', 'her lawyer': the person of that relation to the one the pronoun
        names, met before ("His father, Mohamed Elhassan Mohamed, ...") or new."""
        owner = self._pronoun(pronoun, a, b, organisation=False)
        if owner is None or not owner.entity.person:
            return None
        entity = owner.entity
        # "His father said ... His sister said": "his" is the same person both times, whom
        # the text may not have named as a source.
        name = entity.owner if not entity.nouns.isdisjoint(_RELATIVES) else entity.name
        known = [e for e in self.entities if noun in e.nouns and e.owner in (name, None)]
        if known:
            relative = known[-1]
        elif name is None:
            return None
        else:
            relative = self._entity(f"{name}'s {noun}", "person", True, name)
        relative.nouns.add(noun)
        off = self.offset
        return self._ref(relative, off + a, off + b, self.text[off + a : off + b], 0.6)

    def _described_person(self, a: int, b: int) -> _Ref | None:
        """A person described by what they are, not by name: the one named last."""
        self.contextual += 1
        people = [e for e in self.entities if e.person and e.last >= 0]
        best = max(people, key=lambda e: e.last, default=None) or self._recent_person(None)
        if best is None:
            return None
        off = self.offset
        return self._ref(best, off + a, off + b, self.text[off + a : off + b], 0.6)

    def _previous_subject(self, gender: str | None) -> _Entity | None:
        """The person the sentence before opens with ("Capo Daniel is a spokesman ... He
        said")."""
        opening = _opening_name(self.text, *self.before)
        return None if opening is None else self._recent_person(gender, opening)

    def _recent_person(self, gender: str | None, window: str | None = None) -> _Entity | None:
        """A person named in ``window`` (by default the last few sentences) without a cue of
        their own; the subject of a sentence first ("Harry Kane won the Budweiser Man of the
        Match award. He said")."""
        if window is None:
            window = self.text[max(0, self.offset - 500) : self.offset]
        for name, titles in _names_in(window):
            known = self._known(name)
            if known is not None and not known.person:
                continue
            kind = _infer_kind(name, titles)[0] if titles else "person"
            found = known or self._entity(name, kind, True)
            if gender is None or found.gender in (None, gender):
                return found
        # "Former President Donald Trump used ... The first write-off came on Trump's tax
        # return. ... he claimed": an owner named by surname alone, whom the text named in
        # full after a title, as people are and places and firms are not.
        for word in list(dict.fromkeys(reversed(_POSSESSOR.findall(window))))[:3]:
            full = None if word.lower() in _CALENDAR else self._full_name(word)
            if full is None or not full[1]:
                continue
            known = self._known(full[0])
            if known is not None and not known.person:
                continue
            found = known or self._entity(full[0], _infer_kind(*full)[0], True)
            if gender is None or found.gender in (None, gender):
                return found
        return None


_THINGS = frozenset(("document", "website_statement", "press_release"))
_NAMED_THEN_PRONOUN = re.compile(
    r"\b(?:was|is)\s+((?:[A-Z][\w.'\u2019-]*\s+){1,3}[A-Z][\w.'\u2019-]*),\s*$"
)
_NOT_OWNERS = MEDIA_KINDS | {"document", "website_statement", "social_media"}
