"""Stage 4c, owners: what a source owns that speaks for it (its document, statement or
website: "PC World's analysis", "a statement on its website"), and whether an owner named
with a title is an official, whose staff then speak as officials.
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.coreference import _Coreference
from claimcheck.core.attribution.entities import _Entity, _Ref
from claimcheck.core.attribution.phrases import _strip_article
from claimcheck.core.attribution.source_kinds import (
    _DOC_NOUNS,
    _NOUN_KINDS,
    _infer_kind,
    _noun_kind,
)
from claimcheck.core.attribution.words import _PRONOUN_GENDER, _PRONOUNS

_WEBSITE = re.compile(
    r"\b(its|their|his|her|[\w.&'\u2019 -]+?['\u2019]s|the\s+[\w.&'\u2019 -]+?)\s+"
    r"(?:own\s+)?(?:official\s+)?(?:website|web\s+site|site|webpage|homepage)\b"
)
_SUBJECT_NAME = re.compile(
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?=\s+(?:is|was|are|were|has|had|will|would)\s)"
)
_MAIN_SUBJECT = re.compile(r"\s*[Tt]he\s+(?:[\w-]+\s+){0,2}?(\w+)\b")


class _Owners(_Coreference):
    """Sources spoken for by what their owner published, and owners' kinds."""

    def authors_of(self, document: _Entity) -> _Entity:
        """The people who wrote a document, as a source of their own."""
        authors = self._entity(f"{document.name} authors", "person", False, document.name)
        authors.nouns.update(("authors", "researchers"))
        return authors

    def _official(self, name: str) -> bool:
        """Whether a name is an official's, met before or written with a title earlier."""
        known = self._known(name)
        if known is not None:
            return known.kind == "official"
        full = self._full_name(name) if " " not in name else None
        if full is not None:
            return _infer_kind(full[0], full[1])[0] == "official"
        return _infer_kind(name, frozenset())[0] == "official"

    def _owned(self, owner_np: str, noun: str, start: int, end: int) -> _Ref | None:
        """A document or website of an owner: "PC World's analysis", "a Pentagon report"."""
        owner_np = owner_np.strip()
        low = owner_np.lower()
        owner: _Entity | None
        if low in _PRONOUNS:
            owner = self._opening_subject(low, start)
            if owner is None:
                ref = self._pronoun(low, start - self.offset, end - self.offset, organisation=True)
                owner = ref.entity if ref is not None else None
        elif not any(c.isupper() for c in owner_np):
            noun_word = low.split()[-1]
            owner = self._resolve_noun(noun_word, start)
            if owner is None and noun_word in _NOUN_KINDS:
                # "a statement from the ministry" with no ministry named: the ministry.
                owner = self._entity(f"the {noun_word}", _noun_kind(noun_word), False)
                owner.nouns.add(noun_word)
        else:
            owner, _ = self._name(_strip_article(owner_np), frozenset())
        if owner is None and _DOC_NOUNS.get(noun) == "website_statement" and low not in _PRONOUNS:
            # "the convention's official website": the site of an owner met nowhere else.
            site = self._entity(f"{_strip_article(owner_np)} website", "website_statement", False)
            return self._ref(site, start, end, None, 0.7)
        if owner is None:
            return None
        noun = " ".join(noun.split())
        kind = _DOC_NOUNS.get(noun.split()[-1], "press_release")
        entity = self._entity(f"{owner.name} {noun}", kind, False, owner.name)
        entity.nouns.add(noun)
        return self._ref(entity, start, end, None, 0.85)

    def _opening_subject(self, pronoun: str, before: int) -> _Entity | None:
        """The person the sentence opens with as its subject, whom "his" or "her" later in it
        stands for: "Mabry is accused of ..., according to some of his indictments"."""
        self.contextual += 1  # another sentence opens with another person
        gender = _PRONOUN_GENDER.get(pronoun)
        match = _SUBJECT_NAME.match(self.text, self.offset, before) if gender else None
        if match is None:
            return None
        entity = self._name(match.group(), frozenset())[0]
        if entity is None or not entity.person or entity.gender not in (None, gender):
            return None
        return entity

    def _website(self, sentence: str, a: int, b: int) -> _Ref | None:
        """'a statement on its website': the owner's own website speaks."""
        match = _WEBSITE.search(sentence, a, b)
        off = self.offset
        if match is None:
            # 'The "History" section of the site explains': the site met before, or one
            # whose owner the sentence does not say.
            site = self._resolve_noun("website", off + a) or self._entity(
                "website", "website_statement", False
            )
            return self._ref(site, off + a, off + b, sentence[a:b], 0.6)
        owner_np = match.group(1)
        owner: _Entity | None
        mention: str | None = None
        if owner_np.lower() in _PRONOUNS:
            # Where the sentence says which, "its" is the subject of the main clause.
            mention = owner_np
            owner = self._main_subject(sentence, b)
            if owner is None:
                ref = self._pronoun(owner_np.lower(), a, b, organisation=True)
                owner = ref.entity if ref is not None else None
        else:
            owner_np = _strip_article(owner_np.removesuffix("'s").removesuffix("\u2019s"))
            owner = self._known(owner_np) or self._resolve_noun(owner_np.split()[-1].lower(), off)
        if owner is None and mention is None:
            # "according to the event website": the site of what the text is about, its
            # owner unnamed.
            site = self._entity(f"{owner_np} website", "website_statement", False)
            return self._ref(site, off + a, off + b, sentence[a:b], 0.6)
        if owner is None:
            return None
        site = self._entity(f"{owner.name} website", "website_statement", False, owner.name)
        return self._ref(site, off + a, off + b, mention, 0.8)

    def _main_subject(self, sentence: str, b: int) -> _Entity | None:
        comma = sentence.find(",", b)
        if comma < 0 or sentence[b:comma].strip():
            return None
        match = _MAIN_SUBJECT.match(sentence, comma + 1)
        if match is None or match.group(1).lower() not in _NOUN_KINDS:
            return None
        return self._resolve_noun(match.group(1).lower(), self.offset + comma)
