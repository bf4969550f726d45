"""Stage 4d, groups: people of the story known by what they are, not by name ("residents
said", "said an elder", "officials claimed", "a police spokesman"), unnamed but specific
sources (guideline 5), named with where they are from; and the kind of the body an acronym
in a title spells ("SAPS spokesperson" after "the South African Police Service (SAPS)").
"""

from __future__ import annotations

import re

from claimcheck.core.attribution.antecedents import _spelt_out
from claimcheck.core.attribution.entities import _Found
from claimcheck.core.attribution.lexicon import _words
from claimcheck.core.attribution.owners import _Owners
from claimcheck.core.attribution.source_kinds import _infer_kind
from claimcheck.core.attribution.words import _ORG_WORDS, _PARTICIPANTS

# Where staff are, not whom they speak for: "Police officials at the kiosk said".
_PLACES_OF_WORK = _words("kiosk camp scene site tent checkpoint border station gate hearing rally")
_FROM_PLACE = re.compile(r"\s+(?:of|from|in|across)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*")


class _Groups(_Owners):
    """Unnamed groups and staff as sources, and bodies behind acronyms in titles."""

    def _acronym_body(self, described: frozenset[str]) -> frozenset[str]:
        """ "SAPS spokesperson Vishnu Naidoo" after "the South African Police Service (SAPS)":
        the kind of the body the acronym spells, not of an unknown acronym."""
        for word in sorted(described):
            spelt = _spelt_out(self.text, word.upper()) if word.isalpha() else None
            if spelt is not None:
                kind = _infer_kind(spelt, frozenset())[0]
                return described - {"@organization"} | {"@" + kind}
        return described

    def _participants(
        self, head: list[str], noun: str, a: int, b: int, rest: str = "", det: str = ""
    ) -> _Found:
        """'The locals said', 'said an elder', 'officials claimed': people of the story,
        unnamed but specific, and where they are from ("residents of Lakeside")."""
        kind = _PARTICIPANTS.get(noun)
        if kind is None:
            return None
        if head[0].lower() in _PARTICIPANTS:
            head = [head[0].lower(), *head[1:]]  # "Residents said"
        if not _ORG_WORDS.isdisjoint(w.lower() for w in head):
            kind = "organization"  # "a company spokeswoman"
        if det == "another":
            head = ["another", *head]  # "An official said ... Another official said"
        name = " ".join(head)
        where = _FROM_PLACE.match(rest, rest.find(head[-1]) + len(head[-1])) if rest else None
        if where is not None:
            name += where.group()
        entity = self._entity(name, kind, not noun.endswith("s"))
        entity.nouns.add(noun)
        return self._ref(entity, self.offset + a, self.offset + b, None, 0.5)
