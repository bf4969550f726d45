"""Stage 2b, names and noun phrases: how a noun phrase is read (a pronoun, a description, a
name with a title, a body's document), worked out from its text alone and cached; the name
itself is split from its title by ``titles``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from claimcheck.core.attribution.phrases import _all_one_name
from claimcheck.core.attribution.source_kinds import _DOC_NOUNS, _NAME_KINDS, _NOUN_KINDS
from claimcheck.core.attribution.titles import _names_someone, _parse_name, _Parsed
from claimcheck.core.attribution.words import (
    _CALENDAR,
    _CORE_TITLES,
    _DETERMINERS,
    _INDEFINITE,
    _NOT_SOURCES,
    _NOT_SUBJECT,
    _OFFICIAL_PLURALS,
    _OWNERS,
    _PARTICIPANTS,
    _PERSON_NOUNS,
    _POSSESSIVES,
    _PRONOUNS,
    _RELATIVES,
    _ROLE_WORDS,
    _SPEAKING_FOR,
    _STAFF_OF_BODY,
    _VAGUE_HEADS,
)
from claimcheck.core.registry import ADJECTIVE_TITLES

# Words that end adjectives and nationalities more than names: "Legal", "Independent",
# "Chinese".
_ADJECTIVE_ENDINGS = ("al", "ic", "an", "ent", "ive", "ous", "ern", "ish", "ese", "ary")


_COMMON = (
    _VAGUE_HEADS | _OFFICIAL_PLURALS | _PERSON_NOUNS | frozenset(_NOUN_KINDS) | set(_STAFF_OF_BODY)
)


_DOC_BY = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?P<noun>"
    + "|".join(sorted((n for n, k in _DOC_NOUNS.items() if k == "document"), key=len, reverse=True))
    + r")(?:\s+(?:published|released|issued|commissioned|prepared|written|compiled|produced"
    r"|conducted|carried\s+out))?\s+(?:by|from|(?:published|appearing)\s+in)\s+"
    # "a coalition of NGOs", "a team of scientists": a group named by what it is made of.
    # "civil liberties group Open Watch": a description before the owner's name.
    r"(?P<owner>(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?[A-Z].*|an?\s+[a-z]+\s+of\s+\S.*)"
)


_POSSESSIVE_DOC = re.compile(
    r"(?P<owner>[^\s].*?)['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?P<noun>"
    + "|".join(sorted(_DOC_NOUNS, key=len, reverse=True))
    + r"|press\s+release|news\s+release|statement)\b"
)


_STATEMENT_NOUNS = r"statement|press\s+release|news\s+release|announcement|communiqu[eé]"
_STATEMENT_BY = re.compile(
    rf"(?:[\w-]+\s+)?(?P<noun>{_STATEMENT_NOUNS})\s+(?:from|by|of|issued\s+by|released\s+by"
    # "a brief statement on the attack from the U.S. Africa Command": its topic between.
    r"|(?:on|about)\s+(?:[\w-]+\s+){1,4}?(?:from|by))"
    r"\s+(?P<owner>.+)"
)
_OWNER_STATEMENT = re.compile(
    rf"(?P<owner>[\w.&'\u2019-]+(?:\s+[\w.&'\u2019-]+)?)\s+(?P<noun>{_STATEMENT_NOUNS})$"
)


_PARTITIVE = re.compile(
    r"(?:some|one|many|several|most|all|each|both|two|three)\s+of\s+(?=(?:his|her|its|their)\s)",
    re.IGNORECASE,
)
_PRONOUN_DOC = re.compile(
    r"(?P<owner>his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<noun>"
    + "|".join(sorted((n for n, k in _DOC_NOUNS.items() if k == "document"), key=len, reverse=True))
    + r")s?$",
    re.IGNORECASE,
)


_POSSESSIVE_ROLE = re.compile(
    r"(?P<owner>\S.*?)['\u2019]s\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person|people)"
    r"|press\s+secretary|press\s+office|office|representatives?)$",
    re.IGNORECASE,
)


# "a spokesperson for X", "analysts at X": unnamed people speaking for a named body.
_ROLE_FOR = re.compile(
    r"(?:[\w-]+\s+)?(?P<role>spokes(?:man|woman|person)|representatives?|officials?|analysts"
    r"|economists|researchers|scientists|experts|executives|staff|employees)"
    r"\s+(?:for|at|of|from|with)\s+(?P<org>.+)"
)


# Writers on a forum, a board, a newsgroup, a blog or a named site; "thousands of people on
# Twitter" are as vague as "many people".
_ON_SOCIAL = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?:posts?|postings?|comments?|messages?|users?|members?|critics"
    r"|people|commenters|commentators|posters?|bloggers?|readers|someone|somebody|one|many"
    r"|several|others|participants|visitors)\s+(?:on|at|in)\s+(?P<medium>(?:the\s+)?"
    r"(?:(?:[\w.-]+\s+){0,3}?(?:message\s+board|board|forum|newsgroup|blog|bulletin\s+board"
    r"|mailing\s+list|chat\s+room|discussion\s+group|subreddit)s?\b.*"
    r"|usenet\b.*"
    r"|[\w-]+\.(?:com|org|net|info)\b.*))$"
)


# One thing posted on a platform, unnamed but specific: "one of the graphics found on
# Facebook", "a video shared on TikTok".
_POSTED_ON = re.compile(
    r"(?:one\s+of\s+)?(?:(?:the|a|an|this|these)\s+)?(?:[\w-]+\s+){0,2}?(?:graphics?|images?"
    r"|memes?|posts?|messages?|videos?|pictures?|photos?|screenshots?)\s+(?:(?:found|posted"
    r"|shared|circulating|published|seen)\s+)?on\s+(?P<medium>facebook|twitter|whatsapp"
    r"|instagram|tiktok|telegram|youtube|x)$"
)


# "Evidências news site": an outlet publishing news online, not an owner's own website.
_NEWS_SITE = re.compile(r"\bnews\s+(?:web)?site\b")
_QUANTITIES = frozenset(
    ["thousands", "hundreds", "dozens", "millions", "many", "some", "most", "several", "scores"]
)
_PLACE_WORDS = frozenset(("of", "on", "in", "from", "across"))
# People of the story, then where they are: "election officials across Texas".
_CROWD_WHERE = re.compile(
    r"(?:(?![a-z]+(?:ing|ed)\b)[a-z][\w-]*\s+){0,3}(?P<noun>[a-z]+)\s+(?:across|in|from|of)\s+[A-Z]"
)


# A lower-case head with a complement, then a place: "seizure of 5,000 ants in Kenya".
_PLACE_IN_COMPLEMENT = re.compile(
    r"^[a-z][\w-]*(?:\s+[a-z][\w-]*)*\s+of\s+[^A-Z]*\s(?:in|at|near)\s+[A-Z][\w.'\u2019-]*$"
)
# "from the Office for ...", "of UNHCR", "for the department" (a body the text named before).
_AFFILIATION = re.compile(
    r"\s+(?:of|at|from|with|for)\s+(?=the\s+[A-Z]|[A-Z]|the\s+(?:"
    + "|".join(sorted(_NOUN_KINDS))
    + r")$)"
)


class _Plan(NamedTuple):
    """How to read a noun phrase as a source. It depends on the phrase's text alone, and the
    same phrases recur across a corpus, so it is worked out once per run."""

    step: str  # "none", "pronoun", "named", "description", "owned", ...
    check_known: bool = False  # try the whole phrase as a name met before first
    at: int = 0  # where in the phrase the part the step reads starts
    # What the step reads: the pronoun or common noun; the determiner and the rest of a
    # description or name; the owner of a document or role and the document's noun.
    first: str = ""
    second: str = ""
    parsed: _Parsed | None = None


_NO_SOURCE = _Plan("none")


@lru_cache(maxsize=1 << 15)
def _plan(phrase: str, desc: str) -> _Plan:
    low = phrase.lower()
    if low in _PRONOUNS:
        return _Plan("pronoun", first=low)
    if (low in _NOT_SUBJECT and not phrase.isupper()) or low in _NOT_SOURCES or low in _CALENDAR:
        return _NO_SOURCE
    words = phrase.split()
    if len(words) == 2 and words[0].lower() in _OWNERS and words[1].lower() in _RELATIVES:
        # "his father", "her lawyer": someone known by whose they are.
        return _Plan("relative", first=words[0].lower(), second=words[1].lower())
    if len(words) == 2 and words[0].lower() in _OWNERS and words[1].lower() in _SPEAKING_FOR:
        return _Plan("pronoun", first=words[0].lower())  # "his office": he speaks through it
    partitive = _PARTITIVE.match(phrase)
    if partitive is not None and _PRONOUN_DOC.match(phrase, partitive.end()) is not None:
        # "some of his indictments": the documents themselves ("some of his friends" are
        # people the text does not name).
        return _Plan("possessive", at=partitive.end(), first=phrase[partitive.end() :])
    owned = _PRONOUN_DOC.match(phrase) if words[0].lower() in _POSSESSIVES else None
    if owned is not None:
        # "his indictments", "their report": a document of the one the pronoun stands for.
        return _Plan("owned", first=owned.group("owner").lower(), second=owned.group("noun"))
    det = words[0].lower() if words[0].lower() in _DETERMINERS else ""
    rest_at = phrase.index(words[1]) if det and len(words) > 1 else 0
    rest = phrase[rest_at:] if not det or len(words) > 1 else ""
    if not rest:
        return _NO_SOURCE
    social = _ON_SOCIAL.match(low) if " on " in low or " at " in low or " in " in low else None
    social = social or (_POSTED_ON.match(low) if " on " in low else None)
    if social is not None:
        # "Posts on the message board of example.org", "critics on the newsgroup alt.x": the
        # board or group they wrote on is the source.
        at = social.start("medium")
        if phrase[at:].lower().startswith("the "):
            at += 4
        return _Plan("social", at=at)
    if len(words) > 10 and (not det or _STATEMENT_BY.match(rest) is None):
        affiliation = _AFFILIATION.search(rest)
        if (
            affiliation is not None
            and _names_someone(rest[: affiliation.start()])
            and _all_one_name(rest[affiliation.end() :])
        ):
            # "spokesperson Ana Berg from the Office for the Coordination of Humanitarian
            # Affairs (OCHA)": long only by the body's name.
            where = f"{desc} {rest[affiliation.end() :]}"
            return _Plan("affiliation", False, rest_at + affiliation.start(), where)
        titled = _long_title(rest, desc) if not det else None
        if titled is not None:
            return _Plan("named", True, rest_at, det, rest, titled)
        # A long phrase is a source only as a study with its description, or as a statement
        # with its topic and owner.
        return _document_plan(phrase, det, rest, rest_at) or _NO_SOURCE
    if not _ROLE_WORDS.isdisjoint(low.split()) and (det in _INDEFINITE or not det):
        role = _ROLE_FOR.match(rest[0].lower() + rest[1:])
        if role is not None:
            return _Plan("role", at=rest_at + role.start("org"))
    crowd = words[0].lower()
    if (
        not det
        and (
            (crowd in _QUANTITIES | _VAGUE_HEADS and not _PLACE_WORDS.isdisjoint(words[1:3]))
            # Not "Members of the Lakeside Council", who speak for the council.
            or (
                crowd in _PARTICIPANTS
                and words[1:2] in (["of"], ["from"])
                and words[2][:1].isupper()
                and _NAME_KINDS.keys().isdisjoint(w.lower() for w in words[2:])
            )
        )
    ):
        # "Thousands of people on Twitter", "residents of Lakeside", "farmers from Ngcobo": a
        # crowd, named by where.
        return _Plan("common", first=rest[0].lower() + rest[1:])
    if (
        not det
        and words[0].lower() in _COMMON
        and (len(words) == 1 or words[1].islower())
        and not any(w[0].isupper() for w in words[2:])
    ):
        # A capital that only starts the sentence: "Officials said", "Police believe"; but
        # "council chair Joost de Vries" names someone.
        return _Plan("common", first=low)
    known = rest[0].isupper() or rest[0].isdigit()
    by = _DOC_BY.match(rest) if det else None
    if by is not None:
        # "a survey by the Confederation of Norland Industry": its survey.
        return _Plan("doc_by", known, rest_at + by.start("owner"), by.group("noun"))
    statement = _STATEMENT_BY.match(rest) or _OWNER_STATEMENT.match(rest) if det else None
    if statement is not None and (
        statement.group("owner")[:1].isupper()
        or statement.group("owner").split()[-1].lower() in _NOUN_KINDS
    ):
        # "a statement from the ministry", "a ministry statement": the ministry's statement.
        noun = " ".join(statement.group("noun").split())
        return _Plan("statement", known, rest_at + statement.start("owner"), noun)
    document = _document_plan(phrase, det, rest, rest_at)
    if document is not None:
        return document
    role_of = _POSSESSIVE_ROLE.match(phrase) if "s " in phrase else None
    if role_of is not None:
        # "Obama's press secretary", "the prime minister's spokesman": who they speak for.
        return _Plan("role_of", first=role_of.group("owner"))
    possessive = _POSSESSIVE_DOC.match(rest) if "s " in rest else None
    if possessive is not None and possessive.group("noun") != "statement":
        return _Plan("owned", known, 0, possessive.group("owner"), possessive.group("noun"))
    if ("website" in low or " site" in low or "homepage" in low) and not _NEWS_SITE.search(low):
        return _Plan("website", known)
    affiliation = _AFFILIATION.search(rest) if len(words) > 2 else None
    if affiliation is not None and _names_someone(rest[: affiliation.start()]):
        where = f"{desc} {rest[affiliation.end() :]}"
        return _Plan("affiliation", known, rest_at + affiliation.start(), where)
    if possessive is not None:
        return _Plan("possessive", known, rest_at, possessive.group("owner"))
    crowd_at = _CROWD_WHERE.match(rest)
    if (
        crowd_at is not None
        and crowd_at.group("noun") in _PARTICIPANTS
        and _NAME_KINDS.keys().isdisjoint(low.split())
    ):
        return _Plan("common", first=rest)  # "county election officials across Texas"
    parsed = _parse_name(rest, desc)
    if parsed is None or (det and _PLACE_IN_COMPLEMENT.search(rest) is not None):
        # "the recent seizure of 5,000 ants in Kenya reveals": Kenya is where, not who.
        return _Plan("description", known, rest_at, det, rest)
    name, trailing = parsed[0], parsed[3]
    # Only a noun with an "of" object is an act done to something: "Warhol's adoption of the
    # camera"; "Pfizer's application said" is the owner's document speaking. The object is
    # in the phrase, or already cut off into ``desc`` ("how Warhol's adoption").
    if "of" in trailing:
        head = trailing[trailing.index("of") - 1] if trailing[0] != "of" else ""
    else:
        head = trailing[-1] if trailing and desc.strip() else ""
    if (
        name.endswith(("'s", "\u2019s"))
        and head.endswith(_ABSTRACT)
        and head not in _NOUN_KINDS
        and head not in _DOC_NOUNS
    ):
        return _NO_SOURCE  # "Warhol's adoption of the camera revealed": the act, no speaker
    if (
        not det
        and " " not in name
        and phrase.startswith(name)
        and trailing
        and trailing[-1] in _VAGUE_HEADS
        and trailing[-1] not in _PARTICIPANTS
        and (name.lower().endswith(_ADJECTIVE_ENDINGS) or name.lower() in ADJECTIVE_TITLES)
    ):
        return _Plan("vague", known, rest_at, det, rest, parsed)
    if " " not in name and len(trailing) == 1 and _PARTICIPANTS.get(trailing[0]) == "person":
        # "Local residents said", "Ngcobo villagers say": a capital that only starts the
        # sentence is dropped, a place's is kept.
        adjective = name.lower().endswith(_ADJECTIVE_ENDINGS) or name.lower() in ADJECTIVE_TITLES
        return _Plan("common", first=rest.lower() if adjective else rest)
    return _Plan("named", known, rest_at, det, rest, parsed)


def _long_title(rest: str, desc: str) -> _Parsed | None:
    """ "Executive director of the Dallas chapter of the Council on ... Alia Salem": a title
    that opens the phrase, long by the bodies it is of, and the name of two or three words
    that ends it."""
    if _CORE_TITLES.isdisjoint(w.lower() for w in rest.split()[:2]):
        return None
    parsed = _parse_name(rest, desc)
    if parsed is None or parsed.trailing or not rest.endswith(parsed.name):
        return None
    return parsed if 1 < parsed.name.count(" ") + 1 <= 3 else None


# The endings of nouns for an act or a quality, which no one says anything through.
_ABSTRACT = ("tion", "sion", "ment", "ness", "ity", "ance", "ence")


_RESULTS = re.compile(
    r"(?:results|findings|conclusions)\s+of\s+(?P<doc>.+?)"
    r"(?:\s+(?:published|released|presented|conducted|carried)\b.*)?$"
)
_AUTHORS = frozenset(("authors", "researchers"))


def _document_plan(phrase: str, det: str, rest: str, rest_at: int) -> _Plan | None:
    """Studies, reports and their authors: "a new study documenting ...", "the results of
    the National Nutrition Study published in ...", "the report's authors", "the authors"."""
    words = rest.split()
    head = words[-1].lower()
    if head in _AUTHORS and det == "the" and len(words) <= 3:
        possessive = len(words) > 1 and words[-2][-2:] in ("'s", "\u2019s")
        # "the report's authors": the owner is "the report".
        owner = phrase[: rest_at + rest.rfind(words[-2]) + len(words[-2]) - 2] if possessive else ""
        return _Plan("authors", first=owner)
    if head in _AUTHORS and not det and len(words) == 2 and words[0][-2:] in ("'s", "\u2019s"):
        return _Plan("authors", first=words[0][:-2])
    results = _RESULTS.match(rest if det else rest[:1].lower() + rest[1:])
    if results is not None:
        return _Plan("results", at=rest_at + results.start("doc"), first=results.group("doc"))
    if det not in ("a", "an", "one", "another") or not rest[:1].islower():
        return None
    for i, word in enumerate(words[:3]):
        low = word.lower()
        if _DOC_NOUNS.get(low) == "document":
            if words[i + 1 : i + 2] in (["by"], ["from"]):
                return None  # "a survey by the Confederation of Norland Industry"
            return _Plan("document", first=low)
        if not word.islower():
            break
    return None
