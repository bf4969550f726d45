"""Stage 3, kinds: what sort of source a new name or noun is (official, organisation,
person, newspaper, document, ...), from its title, affiliation or the shape of its name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from claimcheck.core.attribution.lexicon import _VERBS, _words
from claimcheck.core.attribution.words import (
    _BODY_TITLES,
    _CORE_TITLES,
    _COUNTRIES,
    _DESC_STOPS,
    _GENDERS,
    _NAME_JOINERS,
    _OFFICIAL_ONLY_TITLES,
    _OFFICIAL_WORDS,
    _ORG_WORDS,
    _PERSON_NOUNS,
    _PERSON_WORDS,
    _PLACES,
    _PUBLIC_BODIES,
)

_MEDIA_WORDS = {
    **dict.fromkeys(_words("newspaper daily tabloid magazine paper"), "newspaper"),
    **dict.fromkeys(_words("broadcaster channel television tv radio station"), "broadcaster"),
    "wire": "news_agency",
}


_NAME_KINDS = {
    **dict.fromkeys(
        _words(
            """department ministry government administration agency police army navy military
            parliament congress senate embassy consulate commission bureau office authority
            court council house forces cabinet survey district municipality municipalities tribunal
            prefecture county province region assembly legislature constabulary command
            directorate"""
        ),
        "official",
    ),
    **dict.fromkeys(
        _words(
            """inc inc. corp corp. corporation company co co. ltd ltd. llc plc group conference
            association foundation institute university college union bank fund organization
            confederation chamber securities
            organisation nations watch international society federation league party alliance
            coalition summit labs consortium service services centre center network trust
            board committee institution museum hospital school airlines airways motors energy
            holdings partners capital economics research systems technologies media church
            temple mosque diocese festival expo convention studios entertainment comics games
            publishing records pictures productions hotel academy club team"""
        ),
        "organization",
    ),
    **dict.fromkeys(
        _words(
            """news times post herald journal gazette tribune daily chronicle observer mail
            express telegraph star sun standard magazine weekly inquirer enquirer courier
            dispatch examiner sentinel courant picayune ledger argus clarion oregonian
            statesman advertiser appeal bee"""
        ),
        "newspaper",
    ),
    **dict.fromkeys(_words("tv television radio broadcasting"), "broadcaster"),
    **dict.fromkeys(_words("study survey poll census"), "document"),
}


# What a document noun makes of its owner's words: "PC World's analysis" is a document.
_DOC_NOUNS = {
    **dict.fromkeys(
        _words(
            """document documents report study analysis survey research findings assessment memo
            data figures statistics audit review poll census filing records indictment
            complaint lawsuit ruling transcript estimate letter paper petition investigation
            inquiry"""
        ),
        "document",
    ),
    **dict.fromkeys(_words("website site webpage homepage"), "website_statement"),
    **dict.fromkeys(_words("release releases"), "press_release"),
    **dict.fromkeys(_words("blog forum newsgroup posting post poster blogger"), "social_media"),
}


# Kinds a definite description may refer to: "the agency" is a news agency or a government one.
_NOUN_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        _words(
            """organization organisation group company firm conference body association
            foundation charity startup bank union party university hospital airline club team
            school museum institute retailer carrier manufacturer maker federation
            confederation society league alliance coalition chamber chipmaker church diocese
            mosque temple synagogue festival organizers organisers"""
        ),
        frozenset({"organization"}),
    ),
    "agency": frozenset({"news_agency", "official"}),
    **dict.fromkeys(
        _words(
            """government ministry department administration authorities police military army
            navy office regulator court commission council committee embassy district county
            city province municipality bureau authority tribunal"""
        ),
        frozenset({"official"}),
    ),
    **dict.fromkeys(_words("newspaper paper daily tabloid magazine"), frozenset({"newspaper"})),
    **dict.fromkeys(_words("broadcaster network channel station"), frozenset({"broadcaster"})),
    **dict.fromkeys(
        _words("document report study analysis survey memo assessment letter petition census poll"),
        frozenset({"document"}),
    ),
    **dict.fromkeys(_words("website site"), frozenset({"website_statement"})),
    **dict.fromkeys(_words("statement announcement"), frozenset({"press_release"})),
    **dict.fromkeys(_words("poster blogger author"), frozenset({"social_media", "person"})),
    **dict.fromkeys(_words("post posting blog forum"), frozenset({"social_media"})),
}


_DOMAIN = re.compile(r"\.(?:com|org|net|io|co|gov|edu|ca|uk)\b")


_JOINED_NEWS = re.compile(r"(?<=[a-z])(?=News$|TV$)")


@lru_cache(maxsize=1 << 14)
def _infer_kind(name: str, described: frozenset[str]) -> tuple[str, bool]:
    """The kind of a new named source, from its title, affiliation or the shape of its name;
    and whether it is a person."""
    words = [w.lower() for w in _JOINED_NEWS.sub(" ", name).split()]  # "DawnNews": Dawn News
    person_shaped = len(words) > 1 and not any(w in _NAME_KINDS for w in words)
    for word, kind in _MEDIA_WORDS.items():
        if word in described:
            return kind, False
    if "news" in described and not {"site", "website"}.isdisjoint(described):
        return "newspaper", False  # a news site publishes as a newspaper does
    if not _WRITERS_ONLINE.isdisjoint(described):
        return "social_media", True  # "blogger Ana Ruiz": a writer on the web, by the guidelines
    if "agency" in described | set(words) and not {"news", "press"}.isdisjoint(
        described | set(words)
    ):
        return "news_agency", False
    if not _INTERGOVERNMENTAL.isdisjoint(described):
        # "a UNHCR spokeswoman", "a U.N. independent expert", "a spokesperson for the UN
        # Office for ... (OCHA)": the guidelines give the UN and its agencies as
        # organisations, and their staff speak as them, before the kind of their office.
        return "organization", person_shaped
    body = next((w[1:] for w in described if w.startswith("@")), "")
    if body in ("official", "organization", "person"):
        # "a spokeswoman for Shell", "president of the Lakeside Residents Association": the
        # holder of the title speaks as the body.
        return body, person_shaped
    if any(w.startswith("spokes") for w in described):
        company = described & (_ORG_WORDS - {"group", "nations"})
        return ("organization" if company else "official"), person_shaped
    if not _OFFICIAL_WORDS.isdisjoint(described) or (
        _PARTY_MEMBER in described and not _PARTY_POSTS.isdisjoint(described)
    ):
        return "official", person_shaped
    if not _PUBLIC_OFFICES.isdisjoint(described) and not _OFFICE_HEADS.isdisjoint(described):
        # "District Attorney Ana Ruiz", "schools chief Tom Berg": the head of a public body
        # speaks for it, though a lawyer or a chief executive elsewhere speaks for himself.
        return "official", person_shaped
    if not _PERSON_WORDS.isdisjoint(described):
        return "person", True
    if not _ORG_WORDS.isdisjoint(described) and (not person_shaped or "organization" in described):
        return "organization", False  # a person's employer does not make them an organisation
    kinds = [_NAME_KINDS[w] for w in reversed(words) if w in _NAME_KINDS]
    if kinds:
        # "Department of Health and Human Services": a government body first.
        return ("official" if "official" in kinds else kinds[0]), False
    low = name.lower()
    if low in _GOVERNMENT_NAMES or (person_shaped and not _STATE_WORDS.isdisjoint(words)):
        return "official", False  # "the FBI", "the Federal Reserve"
    if _DOMAIN.search(low):
        return "organization", False
    if low in _COUNTRIES or all(w in _COUNTRIES or w == "and" for w in words):
        return "official", False
    if len(words) == 1:
        # "Maria said", "Pope Francis said": a first name, or a name after a title, is a
        # person; any other single word a body.
        titled = not _CORE_TITLES.isdisjoint(described)
        return ("person", True) if words[0] in _GENDERS or titled else ("organization", False)
    if not _person_name(name.split()) or not _BODY_WORDS.isdisjoint(words):
        return "organization", False  # "Friends of the Earth", "Fan Expo 2016"
    return "person", True


_PUBLIC_OFFICES = _words("city town county district school schools police court prison state")
_OFFICE_HEADS = _BODY_TITLES | _words("attorney principal superintendent coordinator")


_WRITERS_ONLINE = _words("blogger bloggers vlogger youtuber poster")


# Government bodies known by a short name or an acronym, which no word of theirs tells; and
# the parties whose members speaking are legislators ("Democrats said").
_GOVERNMENT_NAMES = _words(
    """fbi cia nsa nasa epa fda cdc fema irs ftc fcc faa ntsb dhs doj nih nhs noaa usda
    pentagon kremlin interpol europol state democrats republicans"""
)
# Bodies of many governments, by the acronym or prefix their staff are titled with.
_INTERGOVERNMENTAL = _words(
    """un u.n. unhcr unicef unesco undp unep unfpa unrwa unaids wfp fao ilo iaea imf
    oecd sadc ecowas who ocha ohchr unctad unops unog iom wto wmo itu"""
)
# UN acronyms that are English words too: a body's only in capitals ("WHO", not "Doctor Who").
_WORD_ACRONYMS = _words("who")


def _title_words(titled: Sequence[str]) -> list[str]:
    """The lower-case words of a title before a name, without a word that would read as a
    UN acronym but is not written as one ("Doctor Who showrunner Russell T Davies")."""
    return [w.lower() for w in titled if w.isupper() or w.lower() not in _WORD_ACRONYMS]


# Words that make a name of two or three capitalised words a body, not a person.
_STATE_WORDS = _words("federal reserve supreme")
_BODY_WORDS = _words(
    """national international royal central united american european global world
    institute studies sciences affairs relations"""
)


# Small words that occur inside people's names: "Ludwig van Beethoven", "Osama bin Laden".
_NAME_PARTICLES = _words("de da di do dos das du van von der den bin ibn al el la le y")


def _person_name(tokens: Sequence[str]) -> bool:
    """Whether a name has the shape of a person's: two to five capitalised words or initials,
    with no digits and no words like "of", "the" or "and" between them."""
    if not 2 <= len(tokens) <= 5:
        return False
    for token in tokens:
        bare = token.strip(".,'\u2019")
        if bare.lower() in _NAME_PARTICLES:
            continue
        if not bare or not bare[0].isupper() or any(c.isdigit() for c in bare):
            return False
        if len(bare) > 1 and bare.isupper() and "." not in bare:
            return False  # an acronym: "NASA Ames", "BBC World"
    return True


def _names_itself(head: str, trailing: Sequence[str]) -> bool:
    """Whether "<Name> <words>" is the name with a description: "Xinhua news agency",
    "a Microsoft spokesman"; rather than a body of its own: "the Russian defence ministry"."""
    return head.startswith("spokes") or head in _MEDIA_WORDS or "news" in trailing


def _noun_kind(noun: str, words: Sequence[str] = ()) -> str:
    if noun == "agency":
        return "news_agency" if "news" in words else "official"
    if noun == "government" or (noun in _PERSON_NOUNS and noun not in _PERSON_WORDS):
        return "official"
    if noun in _PERSON_WORDS:
        return "person"
    kinds = _NOUN_KINDS.get(noun)
    return min(kinds) if kinds else "other"


# What follows a body's name and never a person's: "Texas Instruments, which ...",
# "Greenpeace Canada, a charity", "Texas Instruments' shares". Only what a body has and no
# person does: a person has staff, members, customers and a board too ("Kiri Tane's staff").
_BODY_AFTER = re.compile(
    r"(?:,\s+which\b|,\s+(?:an?|the)\s+(?P<appositive>[^,;.()]{1,60}?)"
    r"(?=\s+(?:of|at|for|in|from|with|who|which|that|based)\b|\s*[,;.(])"
    r"|['\u2019]s?\s+(?:headquarters|shares|shareholders|subsidiary|subsidiaries)\b)"
)
_CUE_FORMS = frozenset(_VERBS.split("|")) | _words("is was has had will would also")
_PERSON_AFTER = re.compile(r",\s+who\b|,\s+(?:\d+|aged)\b")


def _body_in_text(text: str, name: str) -> bool:
    """Whether a name with a person's shape and nothing said of it is a body's all the same,
    by where it is named: a place among its words, "the" before it, "which" after it, an
    appositive's noun of a body ("Ellinais, a group of worshippers"), its shares or
    headquarters. A given name first ("Michael Jordan"), "who" or an age after it keep a
    person, whatever place is among its words."""
    words = name.lower().split()
    if words[0] in _GENDERS:
        return False
    body = False
    at = text.find(name)
    while at >= 0 and not body:
        end = at + len(name)
        if end < len(text) and text[end].isalnum():
            at = text.find(name, end)
            continue
        if _PERSON_AFTER.match(text, end):
            return False
        after = _BODY_AFTER.match(text, end)
        if after is not None:
            head = (after.group("appositive") or "").split()
            noun = head[-1].lower() if head else None
            if noun is None or "organization" in _NOUN_KINDS.get(noun, ()):
                body = True
            elif noun in _PERSON_WORDS or noun in _PERSON_NOUNS:
                return False
        if text[max(0, at - 4) : at].lower() == "the ":
            # "the Hellenic Ethnic Religion said": a person is never "the Ana Ruiz"; but "the
            # Ana Ruiz case" names a case.
            following = text[end : end + 40].split()
            body = not following or not following[0].islower() or following[0] in _CUE_FORMS
        at = text.find(name, end)
    # A place among its words last: "who" or an age after the name ("Whitney Houston, 48")
    # have said it is a person's.
    return body or not _PLACES.isdisjoint(words)


def _head_words(desc: str) -> list[str]:
    """The words of an appositive that say what its name is: "a lecturer" in "a lecturer in
    public health at the University of Leeds", not the university it works for; and, for a
    title that speaks for a body ("a spokeswoman for Shell", "president of the Lakeside
    Residents Association"), the kind of that body, marked with "@"."""
    words = desc.replace(",", " ").split()
    # "from the Office for the Coordination of Humanitarian Affairs (OCHA)": a UN body's.
    bare = (w.strip("()") for w in words)
    un = [w.lower() for w in bare if w.isupper() and w.lower() in _INTERGOVERNMENTAL]
    for i, word in enumerate(words):
        if word.lower() in _DESC_STOPS:
            head = [w.lower() for w in words[:i]] + un
            if word.lower() in ("for", "of", "at") and not _BODY_TITLES.isdisjoint(head):
                body = _body_kind(words[i + 1 :], head)
                if body:
                    head.append("@" + body)
            return head
    return [w.lower() for w in words]


def _party_member(head: Sequence[str]) -> tuple[str, ...]:
    """ "a Democrat from Arleta": an appositive that is a party's member, marked so that a
    party post beside it ("committee Chairperson") reads as a politician's."""
    return (_PARTY_MEMBER,) if head and head[-1] in _PARTY_MEMBERS else ()


_PARTY_MEMBER = "party-member"
_PARTY_MEMBERS = _words("democrat democrats republican republicans")
# Posts a party member holds as a politician; a party member without one is a voter ("Jane
# Doe, a Republican from Phoenix").
_PARTY_POSTS = _words("chair chairperson chairman chairwoman leader whip speaker member delegate")


# A word that opens a title of public service, not the name of a body of its own.
_PUBLIC_SERVICE = _PUBLIC_BODIES | frozenset(("public", "state", "federal", "government"))


def _body_kind(words: list[str], titles: list[str]) -> str:
    """The kind of the body a title is of, from its name: "the Andy Warhol Foundation" is an
    organisation, "the Department of Education" official; "" when it is no name."""
    if words and words[0].lower() == "the":
        words = words[1:]
    name: list[str] = []
    for word in words:
        if not (word[:1].isupper() or (name and word in _NAME_JOINERS)):
            break
        name.append(word)
    while name and name[-1] in _NAME_JOINERS:
        name.pop()
    if not name or name[-1].endswith(("'s", "\u2019s")):
        return ""
    if (
        len(name) == 1
        and name[0].lower() in _PUBLIC_SERVICE
        and words[1:2] not in (["relations"], ["affairs"])  # "Public relations manager"
    ):
        return "official"  # "Police officer Jan Berg", "Public information officer Jan Berg"
    rest = words[len(name) : len(name) + 1]
    if rest and rest[0].lower() in _NAME_KINDS:
        name.append(rest[0])  # "the National Iodine Nutrition study": a study
    kind, person = _infer_kind(" ".join(name), frozenset())
    if kind == "organization" and _BODY_TITLES.intersection(titles) <= _OFFICIAL_ONLY_TITLES:
        return ""
    if kind == "organization" and not _STUDENTS.isdisjoint(w.lower() for w in name):
        # "Muslim Student Association president Sehar Memon": a student speaking as one.
        return "person"
    return "" if person else kind


_STUDENTS = _words("student students")


_GOVERNED = (
    r"\b{0}['\u2019]s\s+(?:government|military|army|prime\s+minister|cabinet)"
    r"|^[A-Z][A-Z .'-]*,\s+{1}\s*[\u2014\u2013-]"  # a dateline: "YAOUNDE, CAMEROON —"
)


def _place_in_text(text: str, name: str) -> bool:
    """Whether the text writes a one-word name as a country's ("Cameroon's military", a
    dateline; not "in Nature", which a journal is too, nor "Norvex's president", which a
    company has too): a country named as a speaker is its government (guideline 10)."""
    pattern = _GOVERNED.format(re.escape(name), re.escape(name.upper()))
    return re.search(pattern, text, re.MULTILINE) is not None
