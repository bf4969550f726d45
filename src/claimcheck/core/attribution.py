"""Attribution: who says so, for every sentence of a document.

A rule-based engine, explainable by construction: every attribution names its cue and the
spans it was read from. The cue lexicon is a handful of anchored patterns (speech verbs,
"according to", "as per a report from", "quoting", "in a statement", dash credits, vague
hedges), each tried only where one of its first words occurs; a sentence without any cue word
costs one set test. For each cue the source is read from a fixed place (the subject before a
speech verb, the noun phrase after "according to", the name after a closing quotation) and
interpreted: a registry source, a name met earlier in the document, a new name whose kind
comes from its title or affiliation, or a pronoun or definite description resolved to an
entity of the document. Resolution crosses sentences, so the unit of work is a document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from claimcheck.core.checkworthiness import SCORED_WORDS, score
from claimcheck.core.kinds import CLAIM, OTHER, classify_document
from claimcheck.core.registry import ADJECTIVE_TITLES, MEDIA_KINDS, Registry, Source, normalise
from claimcheck.core.vocabulary import ROLES

__all__ = ["ROLES", "Attribution", "SentenceAnalysis", "analyse_document", "default_registry"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One source of one sentence; all offsets are into the document text."""

    source_text: str
    source_start: int
    source_end: int
    canonical: str
    source_kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    content_start: int
    content_end: int
    role: str = "primary"
    confidence: float = 0.8
    mention: str | None = None
    owner: str | None = None
    carried_from: int | None = None
    # The channel named beside the cue: "in a letter", "in a public statement", "on Twitter".
    medium: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    kind: str
    checkworthiness: float
    reasons: tuple[str, ...]
    attributions: tuple[Attribution, ...] = ()
    hedge: str | None = None

    @property
    def attributed(self) -> bool:
        return bool(self.attributions)


@cache
def default_registry() -> Registry:
    return Registry.default()


# --- the cue lexicon ------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|announced|announces|claimed|claims"
    "|wrote|writes|tweeted|tweets|posted|reported|reports|confirmed|confirms|denied|denies"
    "|urged|urges|warned|warns|asked|asks|believes|believe|believed|concluded|concludes"
    "|rates|rated|detailed|details|explained|explains|noted|notes|insisted|insists|argued"
    "|argues|acknowledged|admitted|admits|estimated|estimates|predicted|predicts|revealed"
    "|reveals|disclosed|discloses|declared|declares|testified|commented|replied|responded"
    "|alleged|alleges|accused|accuses|characterized|characterised|characterizes|described"
    "|describes|referred to|refers to|cited|cites|recalled|recalls|called for|calls for"
    "|emphasized|emphasised|stressed|stresses|found|finds|showed|shows|suggested|suggests"
    "|allege|warn|argue|insist|deny|confirm|predict|accuse"
)
_HEDGES = (
    r"reportedly|allegedly|purportedly|supposedly|reputedly|estimates\s+suggest"
    r"|it\s+is\s+(?:believed|thought|understood|alleged|reported|said|claimed)"
    r"|(?:is|are|was|were)\s+(?:reported|said|believed|thought|alleged|rumou?red)\s+to"
    r"|(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:reported(?!\s+by)|described\s+as|accused\s+of)"
    r"|photos\s+(?:showed|show)|rumou?rs\s+(?:say|suggest)|sources\s+(?:say|said)"
    r"|reports\s+(?:say|said|suggest)"
)
_MEDIA_NOUNS = (
    r"statement|letter|report|interview|post|tweet|speech|press\s+release|news\s+release"
    r"|e-?mail|op-ed|editorial|video|broadcast|memo|message|filing"
)
_I = re.IGNORECASE
# Each cue family is its own anchored pattern, tried only where one of its first words occurs:
# one alternation of them all would be tried at every character of every sentence.
_FAMILIES: dict[str, re.Pattern[str]] = {
    "hedge": re.compile(rf"(?:{_HEDGES})\b", _I),
    "acc": re.compile(
        r"(?:according\s+to|as\s+per|(?<=, )per(?=\s+(?:the\s+)?[A-Z])|in\s+the\s+words\s+of"
        r"|(?:as\s+)?(?:first\s+)?(?:reported|cited|quoted)\s+by)"
        r"(?:\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:report|story|article|interview|post|broadcast)"
        r"\s+(?:from|by|in|on))?\b",
        _I,
    ),
    "quoting": re.compile(r"(?:quoting|citing)\b", _I),
    "medium": re.compile(
        rf"in\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_MEDIA_NOUNS})s?\b", _I
    ),
    "verb": re.compile(
        r"(?:(?:has|have|had)\s+(?:also\s+)?)?(?:" + _VERBS.replace(" ", r"\s+") + r")\b"
    ),
    "spokes": re.compile(r"spokes(?:man|woman|person)\s+for\b", _I),
}
_QUOTE_MARK = re.compile('["\u201c\u201d]')
# Greedy, so a match ends at the last separator: it backtracks from the end, not scans ahead.
_UP_TO_SEPARATOR = re.compile('.*[,;:"\u201c\u201d\u2014\u2013]', re.DOTALL)
_SPOKES_ARTICLE = re.compile(r"\b(?:a|an|the)\s+$", _I)
_DASH = re.compile(r"[\"”]\s*[—\u2013]\s*(?=[A-Z])")
_VERB_WORDS = frozenset(v.split()[0] for v in _VERBS.split("|"))
_TRIGGERS: dict[str, tuple[str, ...]] = {}
for _family, _first_words in (
    ("hedge", "reportedly allegedly purportedly supposedly reputedly estimates it is are was"),
    ("hedge", "were has have had photos rumours rumors sources reports"),
    ("acc", "according as per in reported cited quoted first"),
    ("quoting", "quoting citing"),
    ("medium", "in"),
    ("verb", " ".join(_VERB_WORDS) + " has have had"),
    ("spokes", "spokesman spokeswoman spokesperson"),
):
    for _word in _first_words.split():
        _TRIGGERS[_word] = (*_TRIGGERS.get(_word, ()), _family)
_TRIGGER_WORDS = frozenset(_TRIGGERS)
_MEDIUM_WORDS = _words(
    """words statement statements letter letters report reports interview interviews post
    posts tweet tweets speech speeches release email mail op editorial video broadcast
    memo message filing"""
)
# A sentence needs one of these words to hold any cue at all: the cheap first test.
_STRONG = (
    (frozenset(_TRIGGERS) - _words("it is are was were has have had in as first"))
    | _MEDIUM_WORDS
    | _words(
        """per believed thought understood alleged claimed rumoured rumored described
        accused spokesman spokeswoman spokesperson"""
    )
)
# Common first words are tried only when a word that completes one of their cues is present.
_NEEDS: dict[str, frozenset[str]] = {
    "in": _MEDIUM_WORDS,
    "as": _words("per reported cited quoted"),
    "first": _words("reported cited quoted"),
    **dict.fromkeys(
        _words("it is are was were"),
        _words(
            """believed thought understood alleged reported said claimed rumoured rumored
            described accused"""
        ),
    ),
    **dict.fromkeys(_words("has have had"), _VERB_WORDS | {"reported", "described", "accused"}),
}
# Every word a sentence's word set is consulted for: keeping only these (rather than building
# the set of all its words) halves the cost of the set.
_WATCHED = _STRONG | _TRIGGER_WORDS | frozenset().union(*_NEEDS.values()) | SCORED_WORDS
_WORD = re.compile(r"[a-z]+")
# Words that end adjectives and nationalities more than names: "Legal", "Independent",
# "Chinese".
_ADJECTIVE_ENDINGS = ("al", "ic", "an", "ent", "ive", "ous", "ern", "ish", "ese", "ary")
_POSTING = _words("posted posts wrote writes tweeted tweets")
# Verbs that attribute only when they frame a characterisation: "referred to X as Y".
_AS_VERBS = _words("characterized characterised characterizes described describes")
_AS_VERBS |= {"referred", "refers"}
# Verbs that are also common nouns or other verbs: they need a complement that fits speech.
_COMPLEMENT = {
    **dict.fromkeys(
        _words("rates states notes details reports claims estimates cites"),
        re.compile(
            r"\s+(?:that|the|a|an|this|these|those|its|his|her|their|it|how|what|why|whether"
            r"|[A-Z0-9])"
        ),
    ),
    **dict.fromkeys(
        ("added", "adds", "posted"), re.compile(r"\s*(?:[,.:;\"“”]|that\b|on\b|to\b|$)")
    ),
    # "The study found that ...", not "police found the car".
    **dict.fromkeys(
        _words("found finds showed shows suggested suggests"), re.compile(r"\s+that\b")
    ),
}

_ENDS = re.compile(r"\s*[.!?]?[\"\u201d]?\s*$")
_POSTPOSED = re.compile(r",\s+(?:the|a|an)\s+[\w .'\u2019-]{1,60}\s$", _I)

# --- word lists -----------------------------------------------------------------------------


_ADVERBS = _words(
    """also later then previously recently further once earlier now again subsequently
    separately repeatedly publicly privately first initially finally only just simply quickly
    still already however meanwhile similarly instead too himself herself itself themselves
    reportedly allegedly"""
)
_NOT_SUBJECT = _words(
    """is are was were be been being get gets got to of in on at by for with from about into
    over under when where while if as after before once although though because since until
    unless whether than that which who whom whose what how why and but or nor so yet not no
    never i we you me us one someone somebody nobody everyone anyone it's this these those
    both each all neither either"""
)
_PRONOUNS = _words("he she it they him her his its their them")
_PERSON_PRONOUNS = _words("he she him her his")
_NOT_SOURCES = _words("wikinews")
_INDEFINITE = _words(
    "a an one another some many several two three four five six seven eight nine ten dozens"
)
_DETERMINERS = _INDEFINITE | _words("the this that these those")
_CORE_TITLES = _words(
    """president minister premier chancellor secretary spokesman spokeswoman spokesperson
    senator sen. rep. representative congressman congresswoman governor gov. mayor ambassador
    general gen. major lieutenant lt. colonel col. captain capt. admiral sergeant commander
    chief director chairman chairwoman chair ceo founder co-founder mr mr. mrs mrs. ms ms. dr
    dr. prof prof. professor king queen prince princess pope judge justice attorney
    prosecutor commissioner inspector superintendent officer detective sheriff mp mep
    lawmaker leader head executive manager editor analyst economist researcher correspondent
    reporter sir dame lord lady rev. reverend bishop cardinal imam rabbi sheikh councillor
    councilor councilman councilwoman alderman envoy"""
)
# Words of a title that are no title on their own: "Environment Minister", "Secretary of State".
_TITLE_MODIFIERS = _words(
    "vice deputy acting foreign defence defense interior environment finance health state"
    " home prime general"
)
_OFFICIAL_WORDS = _words(
    """president minister premier chancellor secretary spokesman spokeswoman spokesperson
    spokespeople senator congressman congresswoman representative governor mayor ambassador
    diplomat general lieutenant colonel admiral sergeant commander prosecutor prosecutors
    commissioner sheriff mp mep lawmaker lawmakers legislator councillor councilor official
    officials authorities government ministry department administration police military army
    navy parliament congress senate embassy consulate cabinet king queen federal feds
    regulator commission bureau court council kremlin pentagon forces envoy judge justice"""
)
_ORG_WORDS = _words(
    """company companies firm corporation corp corp. inc inc. ltd ltd. llc plc group
    organization organisation conference association foundation institute university college
    union society federation league club charity ngo nations bank fund alliance coalition
    watch campaign startup maker manufacturer retailer airline developer giant operator
    provider producer party summit consortium"""
)
_PERSON_WORDS = _words(
    """founder co-founder ceo executive chairman chairwoman resident lawyer attorney
    journalist editor columnist reporter correspondent professor analyst expert researcher
    scientist author writer witness activist student teacher doctor dr dr. mr mr. mrs mrs. ms
    ms. actor actress singer survivor fisherman farmer man woman boy girl father mother son
    daughter wife husband owner worker employee victim passenger neighbour neighbor friend
    economist historian"""
)
_TITLE_WORDS = _CORE_TITLES | _TITLE_MODIFIERS | _OFFICIAL_WORDS | _PERSON_WORDS
# What says a person is a man or a woman, for "he" and "she": titles, gendered nouns and
# common first names.
_GENDERS = {
    **dict.fromkeys(
        _words(
            """mr sir lord king prince duke spokesman chairman congressman councilman
            businessman father son husband brother boy man monsieur herr senor"""
        ),
        "m",
    ),
    **dict.fromkeys(
        _words(
            """mrs ms miss dame lady queen princess duchess spokeswoman chairwoman
            congresswoman councilwoman businesswoman mother daughter wife sister girl woman
            madame frau senora"""
        ),
        "f",
    ),
    **dict.fromkeys(
        _words(
            """james john robert michael william david richard joseph thomas charles
            christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth
            kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
            jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander
            patrick peter henry tom tim jim bob bill mike dan ben sam joe jack harry oliver
            lars erik anders nils jonas sven olaf pavel ivan sergei dmitri vladimir andrei
            mikhail oleksandr tomas jan piotr marek carlos jose juan luis miguel pedro antonio
            diego pablo francisco jorge manuel marco giovanni luca hans klaus jurgen stefan
            joost pieter willem pierre francois louis ahmed mohammed muhammad ali omar
            hassan hussein ibrahim mustafa yusuf khalid wei jun hiroshi kenji takeshi raj
            rahul amit sanjay vijay arjun kwame kofi emeka chinedu"""
        ),
        "m",
    ),
    **dict.fromkeys(
        _words(
            """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy
            lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol
            amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela
            shirley anna brenda pamela emma nicole helen samantha katherine christine debra
            rachel catherine carolyn janet ruth maria heather diane julie joyce victoria kelly
            christina lauren joan evelyn olivia judith megan cheryl martha andrea hannah
            jacqueline ann alice kathryn gloria teresa sara janice julia grace judy
            theresa beverly denise marilyn amber danielle rose brittany diana abigail natalie
            jane lucy kate charlotte claire ingrid astrid kari sigrid karin
            birgit greta olena olga natalia tatiana svetlana irina elena anastasia ekaterina
            marta agnieszka katarzyna lucia sofia isabel carmen ana paula giulia francesca
            chiara marie sophie camille ursula fatima aisha amira layla mariam yasmin
            noor zainab mei ling yuki keiko priya anjali sunita ngozi amina chioma"""
        ),
        "f",
    ),
}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _gender(words: frozenset[str]) -> str | None:
    return next((_GENDERS[w.rstrip(".")] for w in words if w.rstrip(".") in _GENDERS), None)


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
            court council house forces cabinet survey"""
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
            holdings partners capital economics research systems technologies media"""
        ),
        "organization",
    ),
    **dict.fromkeys(
        _words(
            """news times post herald journal gazette tribune daily chronicle observer mail
            express telegraph star sun standard magazine"""
        ),
        "newspaper",
    ),
    **dict.fromkeys(_words("tv television radio broadcasting"), "broadcaster"),
}
# What a document noun makes of its owner's words: "PC World's analysis" is a document.
_DOC_NOUNS = {
    **dict.fromkeys(
        _words(
            """document documents report study analysis survey research findings assessment memo
            data figures statistics audit review poll census filing records indictment
            complaint lawsuit ruling transcript estimate"""
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
            confederation society league alliance coalition chamber chipmaker"""
        ),
        frozenset({"organization"}),
    ),
    "agency": frozenset({"news_agency", "official"}),
    **dict.fromkeys(
        _words(
            """government ministry department administration authorities police military army
            navy office regulator court commission council committee embassy"""
        ),
        frozenset({"official"}),
    ),
    **dict.fromkeys(_words("newspaper paper daily tabloid magazine"), frozenset({"newspaper"})),
    **dict.fromkeys(_words("broadcaster network channel station"), frozenset({"broadcaster"})),
    **dict.fromkeys(
        _words("document report study analysis survey memo assessment"), frozenset({"document"})
    ),
    **dict.fromkeys(_words("website site"), frozenset({"website_statement"})),
    **dict.fromkeys(_words("poster blogger author"), frozenset({"social_media", "person"})),
    **dict.fromkeys(_words("post posting blog forum"), frozenset({"social_media"})),
}
_PERSON_NOUNS = _words(
    """minister president spokesman spokeswoman spokesperson official senator governor mayor
    premier man woman lawyer witness resident chairman founder executive"""
)
_OFFICIAL_PLURALS = _words(
    "officials authorities police investigators prosecutors lawmakers diplomats"
)
_VAGUE_HEADS = _words(
    """officials experts analysts sources critics residents witnesses observers people
    individuals groups reports scientists researchers insiders commentators media users others
    estimates"""
)
_COUNTRIES = _words(
    """china russia india japan iran iraq israel syria ukraine germany france britain uk us
    u.s. usa america canada mexico brazil australia indonesia malaysia thailand myanmar
    vietnam philippines pakistan afghanistan turkey egypt italy spain poland taiwan singapore
    bangladesh nigeria kenya ethiopia venezuela cuba argentina chile colombia peru greece
    sweden norway finland denmark netherlands belgium switzerland austria hungary ireland
    lebanon jordan qatar yemen libya sudan algeria morocco"""
) | {"south korea", "north korea", "saudi arabia", "united states", "united kingdom"}
_COMMON = _VAGUE_HEADS | _OFFICIAL_PLURALS | _PERSON_NOUNS | frozenset(_NOUN_KINDS)
_NAME_JOINERS = _words("of for and & de da di du del der van von la le al el bin ibn abu")
_DESC_STOPS = _words("of at for in from with who which that based since whose")
# Capitalised words that name no one: "an Internet posting".
_GENERIC_CAPS = _words("internet web online")
_CALENDAR = _words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)

_TOKEN = re.compile(r"\([A-Z][A-Za-z0-9.&]{1,11}\)|[\w@][\w.&'\u2019@-]*")
_BOUNDARY = re.compile(
    r"\b(?:that|and|but|while|whereas|because|although|though|after|before|when|where|if|as"
    r"|so|or|since|until|unless|whether|than)\s+"
)
_RELATIVE = re.compile(r"\s(?:which|who|whose|whom|that)\b|\s*,")
_PARTICIPLE = re.compile(
    r"\s+\w+ing\s+(?:in|on|for|at|from|with|about|to|that)\b|\s+(?:of|for|at|from|in|on|with|by)\s+"
)
_DOC_BY = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?P<noun>"
    + "|".join(sorted((n for n, k in _DOC_NOUNS.items() if k == "document"), key=len, reverse=True))
    + r")\s+(?:by|from)\s+(?P<owner>(?:the\s+)?[A-Z].*)"
)
_POSSESSIVE_DOC = re.compile(
    r"(?P<owner>[^\s].*?)['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?P<noun>"
    + "|".join(sorted(_DOC_NOUNS, key=len, reverse=True))
    + r"|press\s+release|news\s+release|statement)\b"
)
# "a spokesperson for X", "analysts at X": unnamed people speaking for a named body.
_ROLE_FOR = re.compile(
    r"(?:[\w-]+\s+)?(?P<role>spokes(?:man|woman|person)|representatives?|officials?|analysts"
    r"|economists|researchers|scientists|experts|executives|staff|employees)"
    r"\s+(?:for|at|of|from|with)\s+(?P<org>.+)"
)
_WEBSITE = re.compile(
    r"\b(its|their|his|her|[\w.&'\u2019 -]+?['\u2019]s|the\s+[\w.&'\u2019 -]+?)\s+"
    r"(?:own\s+)?(?:official\s+)?(?:website|web\s+site|site|webpage|homepage)\b"
)
_IS_WEBSITE = re.compile(r"\b(?:website|web\s+site|site|web\s+page|blog)\b", _I)
_RIGHT_NAME = re.compile(
    r"\s+((?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w.&'\u2019-]*){0,5})"
)
# "A man speaking to the AP on condition of anonymity said": the outlet relays the speaker.
_SPEAKING_TO = re.compile(
    r"(?:,\s*|\s+)(?P<cue>(?:speaking|talking)\s+(?:to|with))\s+(?P<outlet>[^,]+?)"
    r"(?:\s+(?:on|in|at|from|by|this|last|earlier)\s+[^,]*?)?\s*,?\s*$"
)
_ANONYMOUS = re.compile(r"(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity")
_TOLD_OUTLET = re.compile(
    r"\s+((?:the\s+)?(?:[\w-]+\s+)?(?:broadcaster|newspaper|daily|tabloid|magazine"
    r"|news\s+agency|channel|radio|television|station)\s+[A-Z][\w.&'\u2019-]*"
    r"(?:\s+[A-Z][\w.&'\u2019-]*){0,4})"
)
_AFTER = re.compile(r"\s+([^\s,.;:!?\"“”()][^,;:!?\"“”()]{0,70}?)(?=\s*(?:[,;:!?]|\.\s|\.?$))")
_ON_MEDIUM = re.compile(
    r"\s+on\s+(?P<what>(?:its|his|her|their|the)\s+(?:own\s+)?(?:official\s+)?"
    r"(?:website|site|blog|page|account)|Twitter|Facebook|Weibo|X|Instagram|YouTube|Telegram"
    r"|[\"“][^\"”]{2,80}[\"”]|[A-Z][\w.'\u2019-]*(?:['\u2019]s)?\s+(?:website|site|blog))"
)
_SEEN_BY = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:seen|obtained|reviewed)\s+by\s+")
_MEDIUM_WITH = re.compile(r"\s+(?:with|by|from)\s+")
_MAIN_SUBJECT = re.compile(r"\s*[Tt]he\s+(?:[\w-]+\s+){0,2}?(\w+)\b")
_CLAUSE_SUBJECT = re.compile(r"\s*(?:[Tt]he\s+)?(?:[A-Z][\w.&'\u2019-]*\s*)+|\s*\w+")
_THAT = re.compile(r"[\s,:]*(?:that\b\s*)?[\"“]?")
_PHRASE_STOP = re.compile(
    r"\.(?:\s|$)|\s(?:that|who|which|said|says|reported|has|have|had|is|was|will|would)\b"
    r"|\s(?:and|but)\s+(?=[a-z])"
)
_LEADING = " \t\n\r\"\u201c\u201d'("
_TRAILING = " \t\n\r\"\u201c\u201d'.,:;"
_ROLE_WORDS = _words(
    """spokesman spokeswoman spokesperson representative representatives official officials
    analysts economists researchers scientists experts executives staff employees"""
)
_AFFILIATION = re.compile(r"\s+(?:of|at|from|with)\s+(?=the\s+[A-Z]|[A-Z])")
_CLAUSE_BREAK = re.compile(r";\s|,\s+(?:while|whereas|but)\s")
_AND_NAMES = re.compile(r"\s+and\s+(?=(?:the\s+)?[A-Z])")
_DOMAIN = re.compile(r"\.(?:com|org|net|io|co|gov|edu|ca|uk)\b")
_PERSON_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b")


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


class _Vague:
    """An unnamed source ("officials said"): recorded as a hedge, never as attribution."""

    def __init__(self, phrase: str | None = None) -> None:
        self.phrase = phrase


_VAGUE = _Vague()
_Found = _Ref | _Vague | None


def analyse_document(
    text: str, spans: Sequence[tuple[int, int]], registry: Registry | None = None
) -> list[SentenceAnalysis]:
    """Kind, check-worthiness, attributions and hedge of every sentence span of ``text``."""
    doc = _Document(text, registry or default_registry())
    kinds = classify_document(text, spans)
    n = len(spans)
    hits: list[list[_Hit]] = [[] for _ in range(n)]
    hedges: list[str | None] = [None] * n
    scores: list[tuple[float, tuple[str, ...]]] = [(0.0, ("not a claim",))] * n
    # Per sentence: a quotation is open at its start, open at its end, it is one quotation.
    quotes: list[tuple[bool, bool, bool]] = [(False, False, False)] * n
    open_quote = False
    previous_end = 0
    for index, (start, end) in enumerate(spans):
        if text.find("\n", previous_end, start) >= 0:
            open_quote = False
        previous_end = end
        sentence = text[start:end]
        doc.index, doc.offset = index, start
        if kinds[index] != CLAIM:
            open_quote = False
            if kinds[index] == OTHER and index and quotes[index - 1][2] and not hits[index - 1]:
                credit = doc.credit_line(sentence, spans[index - 1])
                if credit is not None:
                    hits[index - 1].append(credit)
            continue
        inside, open_end = _quoted(sentence, open_quote)
        whole = len(inside) == 1 and inside[0][0] == 0 and inside[0][1] >= len(sentence) - 2
        quotes[index] = (open_quote, open_end, whole)
        open_quote = open_end
        words = _WATCHED.intersection(_WORD.findall(sentence.lower()))
        if not _STRONG.isdisjoint(words) or "—" in sentence or "\u2013" in sentence:
            hits[index], hedges[index] = doc.attribute(sentence, inside, words)
        scores[index] = score(sentence, words)
    results = [_finish(found, text) if found else [] for found in hits]
    _carry(results, kinds, quotes, spans, text)
    return [
        SentenceAnalysis(kind, value, reasons, tuple(found), hedge)
        for kind, (value, reasons), found, hedge in zip(kinds, scores, results, hedges, strict=True)
    ]


def _quoted(sentence: str, open_quote: bool) -> tuple[list[tuple[int, int]], bool]:
    """The quoted stretches of a sentence, and whether a quotation is open at its end."""
    if '"' not in sentence and "\u201c" not in sentence and "\u201d" not in sentence:
        return ([(0, len(sentence))] if open_quote else []), open_quote
    spans: list[tuple[int, int]] = []
    begin = 0 if open_quote else -1
    for match in _QUOTE_MARK.finditer(sentence):
        char, i = match.group(), match.start()
        if begin < 0 and char != "\u201d":
            begin = i
        elif begin >= 0 and char != "\u201c":
            spans.append((begin, i + 1))
            begin = -1
    if begin >= 0:
        spans.append((begin, len(sentence)))
    return spans, begin >= 0


def _cues(s: str, words: frozenset[str] | set[str]) -> list[tuple[str, int, int]]:
    """The cues of a sentence in reading order, as (family, start, end)."""
    lower = s.lower()
    starts: list[tuple[int, str]] = []
    for word in _TRIGGER_WORDS.intersection(words):
        if word in _NEEDS and _NEEDS[word].isdisjoint(words):
            continue
        at = lower.find(word)
        while at >= 0:
            after = at + len(word)
            if (at == 0 or not lower[at - 1].isalpha()) and (
                after == len(lower) or not lower[after].isalpha()
            ):
                starts.append((at, word))
            at = lower.find(word, after)
    starts.sort()
    found: list[tuple[str, int, int]] = []
    resume = 0
    for at, word in starts:
        if at < resume:
            continue
        for family in _TRIGGERS[word]:
            match = _FAMILIES[family].match(s, at)
            if match is not None:
                found.append((family, at, match.end()))
                resume = match.end()
                break
    if "—" in s or "\u2013" in s:
        found.extend(("dash", m.start(), m.end()) for m in _DASH.finditer(s))
        found.sort(key=lambda cue: cue[1])
    return found


class _Document:
    """What one document has said so far: the entities it named, for later references."""

    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.index = 0  # the current sentence
        self.offset = 0  # where it starts in the text
        self.entities: list[_Entity] = []
        self.aliases: dict[str, _Entity] = {}
        self.memo: dict[tuple[str, str], tuple[_Entity, str | None, float, int, int]] = {}
        self.contextual = 0  # counts resolutions that depended on where they were read
        # Whether the verb being read publishes: "One engineer posted on Blind" names a
        # specific post, so an unnamed single author is a source, not a hedge.
        self.posting = False

    # --- cues -------------------------------------------------------------------------------

    def attribute(
        self, s: str, inside: list[tuple[int, int]], words: frozenset[str] | set[str]
    ) -> tuple[list[_Hit], str | None]:
        hits: list[_Hit] = []
        hedge: str | None = None
        media: list[tuple[int, int]] = []
        for family, cs, ce in _cues(s, words):
            found: _Found | list[_Hit]
            if family == "dash":
                found = self._dash(s, cs, ce)
            elif inside and any(a < cs < b for a, b in inside):
                continue  # the speaker's own words, not the sentence's source
            elif family == "hedge":
                hedge = hedge or " ".join(s[cs:ce].lower().split())
                continue
            elif family == "medium":
                media.append((cs, ce))
                continue
            elif family == "verb":
                found = self._verb(s, cs, ce, inside, hits)
            elif family == "spokes":
                found = self._spokes(s, cs, ce, inside)
            else:
                found = self._according(s, cs, ce, family)
            if isinstance(found, _Vague):
                hedge = hedge or found.phrase or _vague_phrase(s, cs, ce)
            elif isinstance(found, list):
                hits.extend(found)
                hedge = hedge or next((hit.hedge for hit in found if hit.hedge), None)
        for cs, ce in media:
            self._medium(s, cs, ce, hits)
        speakers = [hit for hit in hits if hit.family == "verb" and hit.role == "primary"]
        if speakers:
            # "WIC said X, as per a report from SCMP": X is the content of both, without the
            # trailing credit.
            speaker = speakers[0]
            for hit in hits:
                cue_at = hit.cue_start or 0
                if hit.family == "acc" and speaker.content[0] < cue_at < speaker.content[1]:
                    end = self.offset + len(s[: cue_at - self.offset].rstrip(" ,;"))
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

    def _hit(
        self, ref: _Ref, s: str, cs: int, ce: int, content: tuple[int, int], family: str
    ) -> _Hit:
        off = self.offset
        return _Hit(ref, s[cs:ce], off + cs, off + ce, (off + content[0], off + content[1]), family)

    def _verb(
        self, s: str, cs: int, ce: int, inside: list[tuple[int, int]], hits: list[_Hit]
    ) -> _Found | list[_Hit]:
        words = s[cs:ce].split()
        while words[0] in ("has", "have", "had", "also"):
            words.pop(0)
        verb = words[0]
        if verb in _AS_VERBS and " as " not in s[ce : ce + 90]:
            return None
        complement = _COMPLEMENT.get(verb)
        # "..., the UN refugee agency estimates.": a subject after a comma, at the end.
        if (
            complement is not None
            and complement.match(s, ce) is None
            and (_ENDS.match(s, ce) is None or _POSTPOSED.search(s, 0, cs) is None)
        ):
            return None
        j = cs
        while True:
            ws, word = _previous_word(s, j)
            if word.lower() not in _ADVERBS:
                break
            j = ws
        low = word.lower()
        relative = low in ("who", "which")
        if (low in _NOT_SUBJECT and not relative) or low in _DETERMINERS or low[:1].isdigit():
            return None
        before = s[:j].rstrip()
        ref: _Found
        if not before or (before[-1] in '"”' and before[-2:-1] in (",", "?", "!", ".")):
            # '"...," said Baird': the speaker follows the verb, the quotation precedes it.
            ref = self._after(s, ce)
            content = inside[-1] if inside and inside[-1][1] <= cs else (0, len(before))
        else:
            if "speaking " in s or "talking " in s:
                relayed = _SPEAKING_TO.search(s, 0, j)
                if relayed is not None:
                    found_relay = self._speaking_to(s, relayed, j, cs, ce)
                    if found_relay:
                        return found_relay
            self.posting = verb in _POSTING
            ref = self._subject(s, j, ce)
            self.posting = False
            if not isinstance(ref, _Ref):
                return ref
            subject_at = ref.start - self.offset
            quote = [q for q in inside if q[1] <= subject_at]
            if quote and not s[quote[-1][1] : subject_at].strip(" ,"):
                content = quote[-1]
            else:
                content = (_skip_that(s, ce), _clause_end(s, ce))
        if not isinstance(ref, _Ref):
            return ref
        hit = self._hit(ref, s, cs, ce, content, "verb")
        found = [hit]
        if verb in ("told", "tells"):
            found.extend(self._told_via(s, ce, hit))
        elif verb in ("says", "said", "say", "wrote", "writes", "posted", "stated", "announced"):
            self._on_medium(s, ce, hit)
        at = self.offset + cs
        if any(
            other.family == "verb" and other.content[0] <= at < other.content[1] for other in hits
        ):
            hit.role = "embedded"  # "X said that Y had denied it": Y inside X's words
        return found

    def _according(self, s: str, cs: int, ce: int, family: str) -> _Found | list[_Hit]:
        end = _phrase_end(s, ce)
        tail = s[end:].strip(' ,.;:"”')
        if len(tail) > 3:
            content = (_skip_that(s, end), _trim_end(s))
        else:
            content = (0, s.rfind(",", 0, cs) if s.rfind(",", 0, cs) > 0 else cs)
        found: list[_Hit] = []
        # "according to the BBC and CNN": two sources.
        start = ce
        parts = [p for p in _AND_NAMES.finditer(s, ce, end) if self._known(s[ce : p.start()])]
        for part in [*parts[:1], None]:
            stop = end if part is None else part.start()
            ref = self._interpret(s, start, stop)
            if isinstance(ref, _Vague) and not found:
                return _Vague(" ".join(s[cs:end].lower().split()))
            if isinstance(ref, _Ref):
                found.append(self._hit(ref, s, cs, ce, content, family))
            if part is not None:
                start = part.end()
        return found

    def _spokes(
        self, s: str, cs: int, ce: int, inside: list[tuple[int, int]]
    ) -> _Found | list[_Hit]:
        """A quotation credited to "a spokesperson for X" with no speech verb."""
        if not inside:
            return None
        article = _SPOKES_ARTICLE.search(s, max(0, cs - 12), cs)
        if article is None or inside[-1][1] > article.start():
            return None
        cs = article.start()
        ref = self._interpret(s, ce, _phrase_end(s, ce), "spokesperson")
        if not isinstance(ref, _Ref):
            return ref
        return [self._hit(ref, s, cs, ce, inside[-1], "verb")]

    def _dash(self, s: str, cs: int, ce: int) -> list[_Hit] | None:
        """A pull quote credited after a dash: '"We will rebuild." — Mayor Ellen Park'."""
        if not s or s[0] not in '"“':
            return None
        end = _phrase_end(s, ce)
        ref = self._interpret(s, ce, end, s[end:].strip(" ,."))
        if not isinstance(ref, _Ref):
            return None
        dash = s.index("—", cs) if "—" in s[cs:ce] else s.index("\u2013", cs)
        return [self._hit(ref, s, dash, dash + 1, (0, cs + 1), "dash")]

    def credit_line(self, s: str, quote: tuple[int, int]) -> _Hit | None:
        """A pull quote's credit on a line of its own: "— Jane Doe, mayor of Springfield"."""
        if not s or s[0] not in "—\u2013":
            return None
        start = len(s) - len(s[1:].lstrip())
        end = _phrase_end(s, start)
        ref = self._interpret(s, start, end, s[end:].strip(" ,."))
        if not isinstance(ref, _Ref):
            return None
        hit = self._hit(ref, s, 0, 1, (0, 0), "dash")
        hit.content, hit.carried_from = quote, self.index
        return hit

    def _medium(self, s: str, cs: int, ce: int, hits: list[_Hit]) -> None:
        """'in a statement', 'in a letter': the channel of a speaker, or the cue itself."""
        phrase = s[cs:ce]
        speakers = [h for h in hits if h.family in ("verb", "dash")]
        tail = _MEDIUM_WITH.match(s, ce)
        if tail is not None:
            named = self._interpret(s, tail.end(), _phrase_end(s, tail.end()))
            if isinstance(named, _Ref):
                if speakers and named.entity.kind in MEDIA_KINDS:
                    # "said in an interview with CNN": CNN carried the words.
                    speakers[0].medium = speakers[0].medium or phrase
                    hits.append(self._hit(named, s, cs, ce, _local(speakers[0], self), "via"))
                    return
                if not speakers:
                    hits.append(self._hit(named, s, cs, ce, (ce, _trim_end(s)), "medium"))
                    return
        seen = _SEEN_BY.match(s, ce) if speakers else None
        if seen is not None:
            # "said in a memo seen by Bloomberg": the outlet that saw it relays the words.
            named = self._interpret(s, seen.end(), _phrase_end(s, seen.end()))
            if isinstance(named, _Ref) and named.entity.kind in MEDIA_KINDS:
                hits.append(self._hit(named, s, cs, ce, _local(speakers[0], self), "via"))
        if speakers:
            nearest = min(speakers, key=lambda h: abs((h.cue_start or 0) - self.offset - cs))
            nearest.medium = nearest.medium or phrase
            return
        if hits:
            return
        owner = phrase.split()[1]
        ref: _Found
        if owner.lower() in _PRONOUNS:
            # "in its statement": the one "its" stands for.
            at = cs + phrase.index(owner, 2)
            ref = self._pronoun(owner.lower(), at, at + len(owner), organisation=False)
        else:
            # "In a statement released on Monday, the ministry ...": the clause's subject.
            comma = s.find(",", ce)
            if comma < 0 or comma - ce > 60:
                return
            start = comma + 1
            subject = _CLAUSE_SUBJECT.match(s, start)
            ref = None if subject is None else self._interpret(s, start, subject.end())
        if isinstance(ref, _Ref):
            hit = self._hit(ref, s, cs, ce, (ce, _trim_end(s)), "medium")
            hit.medium = phrase
            hits.append(hit)

    def _told_via(self, s: str, ce: int, hit: _Hit) -> list[_Hit]:
        """'X told CBC News': the outlet that carried X's words."""
        match = _RIGHT_NAME.match(s, ce)
        entity = None if match is None else self._known(match.group(1))
        off = self.offset
        if match is not None and entity is not None and entity.kind in MEDIA_KINDS:
            ref = self._ref(entity, off + match.start(1), off + match.end(1), None, 0.9)
        else:
            # "told the broadcaster NOS": the outlet is described, so its name need not be known.
            match = _TOLD_OUTLET.match(s, ce)
            if match is None:
                return []
            found = self._interpret(s, match.start(1), match.end(1))
            if not isinstance(found, _Ref) or found.entity.kind not in MEDIA_KINDS:
                return []
            ref = found
        hit.content = (off + _skip_that(s, match.end()), off + _trim_end(s))
        via = _Hit(ref, hit.cue, hit.cue_start, hit.cue_end, hit.content, "via")
        return [via]

    def _speaking_to(self, s: str, relayed: re.Match[str], j: int, cs: int, ce: int) -> list[_Hit]:
        """'X, speaking to the AP, said': X speaks and the AP relays; no X if anonymous."""
        outlet = self._interpret(s, relayed.start("outlet"), relayed.end("outlet"))
        if not isinstance(outlet, _Ref) or outlet.entity.kind not in MEDIA_KINDS:
            return []
        content = (_skip_that(s, ce), _clause_end(s, ce))
        via = self._hit(outlet, s, relayed.start("cue"), relayed.end("cue"), content, "via")
        anonymous = _ANONYMOUS.search(s, relayed.start(), relayed.end())
        speaker = None if anonymous else self._subject(s, relayed.start(), ce)
        if not anonymous and not isinstance(speaker, _Ref):
            # "Jane Doe, a nurse speaking to the BBC, said": the clause sat in an appositive.
            whole = self._subject(s, j, ce)
            if isinstance(whole, _Ref) and whole.entity is not outlet.entity:
                speaker = whole
        if isinstance(speaker, _Ref):
            return [self._hit(speaker, s, cs, ce, content, "verb"), via]
        if anonymous:
            via.hedge = " ".join(anonymous.group().split())
        else:
            phrase = speaker.phrase if isinstance(speaker, _Vague) else None
            via.hedge = phrase or _vague_phrase(s, cs, ce)
        return [via]

    def _on_medium(self, s: str, ce: int, hit: _Hit) -> None:
        """'says on its website', 'says on "The Countdown"': a website speaks for its owner."""
        match = _ON_MEDIUM.match(s, ce)
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
        on_end = ce + match.group().index("on") + 2
        hit.cue = s[(hit.cue_start or 0) - self.offset : on_end]
        hit.cue_end = self.offset + on_end

    def _is_website(self, title: str) -> bool:
        """Whether the document calls this quoted title a website somewhere."""
        at = self.text.find(title)
        while at >= 0:
            if _IS_WEBSITE.search(self.text, max(0, at - 40), at + len(title) + 20):
                return True
            at = self.text.find(title, at + 1)
        return False

    # --- where the source is written --------------------------------------------------------

    def _subject(self, s: str, j: int, ce: int) -> _Found:
        """The subject of a speech verb whose left context, adverbs removed, ends at ``j``."""
        left = s[:j].rstrip()
        desc = ""
        end = len(left)
        if left.endswith(","):
            if _RIGHT_NAME.match(s, ce):
                after = self._after(s, ce)
                if isinstance(after, _Ref):
                    return after  # "The roads are closed, said Jones."
            end -= 1
            c1 = _last_separator(s, end)
            appositive = s[c1 + 1 : end].strip()
            if c1 >= 0 and s[c1] == "," and _looks_appositive(appositive):
                desc, end = appositive, c1  # "Fuad Basya, spokesman for the military, said"
        start = _last_separator(s, end) + 1
        if not desc and start > 0 and s[start - 1] == ",":
            previous = s[_last_separator(s, start - 1) + 1 : start - 1].strip()
            if _looks_title(previous):
                desc = previous  # "Malaysia's Prime Minister, Najib Razak said"
        start += _subject_start(s[start:end])
        if s[start:end].strip() in ("who", "which") and start > 0:
            # "Wikinews contacted the company, which said ...": the antecedent speaks.
            end = len(s[:start].rstrip(" ,"))
            start = _trailing_np(s, _last_separator(s, end) + 1, end)
        return self._interpret(s, start, end, desc)

    def _after(self, s: str, ce: int) -> _Found:
        """The speaker named after the verb: '"...," said Baird' or 'says the minister'."""
        match = _AFTER.match(s, ce)
        if match is None:
            return None
        start, end = match.span(1)
        words = s[start:end].split()
        first = words[0]
        if len(words) > 6 or (first[0].islower() and first not in _DETERMINERS | _PRONOUNS):
            return None
        desc = ""
        if s.startswith(",", end):
            follow = s[end + 1 :].split(",")[0].strip(" .")
            if _looks_appositive(follow):
                desc = follow
        return self._interpret(s, start, end, desc)

    # --- what the source is -----------------------------------------------------------------

    def _interpret(self, s: str, a: int, b: int, desc: str = "") -> _Found:
        """Read the noun phrase s[a:b] as a source, if it is one."""
        raw = s[a:b]
        np = raw.strip(_LEADING).rstrip(_TRAILING)
        if not np:
            return None
        a += raw.index(np[0])
        b = a + len(np)
        if "," in np or " wh" in np or " that" in np:
            relative = _RELATIVE.search(s, a, b)
            if relative is not None and relative.start() > a:
                b = relative.start()
                np = s[a:b]
        at = self.offset + a
        memo = self.memo.get((np, desc))
        if memo is not None:
            # A name met before in this document means what it meant then.
            entity, mention, confidence, start, end = memo
            return self._ref(entity, at + start, at + end, mention, confidence)
        contextual = self.contextual
        found = self._read(s, a, b, np, desc)
        if isinstance(found, _Ref) and self.contextual == contextual:
            # Only what no pronoun or description decided is the same wherever it is read.
            self.memo[np, desc] = (
                found.entity,
                found.mention,
                found.confidence,
                found.start - at,
                found.end - at,
            )
        return found

    def _read(self, s: str, a: int, b: int, np: str, desc: str) -> _Found:
        step, check_known, at, one, two, parsed = _plan(np, desc)
        off = self.offset
        if step == "none":
            return None
        if step == "pronoun":
            return self._pronoun(one, a, b, organisation=False)
        if step == "role":
            # "a spokesperson for Norvex", "analysts at Norvex": Norvex speaks through them.
            org_at = a + at
            org = self._interpret(s, org_at, _phrase_end(s, org_at), "organization")
            if isinstance(org, _Ref) and not org.entity.person:
                org.start, org.end, org.mention = off + a, off + b, np
                return org
            return None
        if step == "common":
            return self._description("", one, a, b)
        if check_known:
            known = self._known(np)
            if known is not None:
                confidence = 0.95 if known.name in self.registry else 0.9
                return self._ref(known, off + a, off + b, None, confidence)
        if step == "owned":
            return self._owned(one, two, off + a, off + b)
        if step == "doc_by":
            owner = self._interpret(s, a + at, b)
            if isinstance(owner, _Ref) and owner.entity.kind in MEDIA_KINDS:
                return owner  # "a report by the BBC": the outlet is the source
            return self._owned(s[a + at : b], one, off + a, off + b)
        if step == "website":
            return self._website(s, a, b)
        if step == "affiliation":
            # "Dr. Li Wei of the World Health Organization": Li Wei speaks, not the WHO.
            return self._interpret(s, a, a + at, one)
        if step == "possessive":
            return self._interpret(s, a + at, a + at + len(one), desc)
        if parsed is not None:
            if step == "vague" and not s[:a].strip(_LEADING) and self._known(parsed[0]) is None:
                return _VAGUE  # "Legal experts said": a capital that only starts the sentence
            return self._named(parsed, a + at, a, b)
        return self._description(one, two, a, b)

    def _named(self, parsed: _Parsed, rest_at: int, a: int, b: int) -> _Found:
        """A noun phrase with a proper name in it, resolved in this document."""
        name, acronyms, described, trailing, first = parsed
        off = self.offset
        if not name:
            # A title with no name: "Malaysia's Prime Minister said".
            np = self.text[off + rest_at + first : off + b]
            kind = "official" if not _OFFICIAL_WORDS.isdisjoint(described) else "person"
            return self._ref(self._entity(np, kind, True), off + a, off + b, None, 0.6)
        if trailing and trailing[-1] in _DOC_NOUNS:
            return self._owned(name, trailing[-1], off + a, off + b)
        head = trailing[-1] if trailing else ""
        if head in _OFFICIAL_PLURALS:
            group = self._entity(f"{name} {head}", "official", False)
            return self._ref(group, off + a, off + b, None, 0.8)
        if (head in _NOUN_KINDS or head in _PERSON_NOUNS) and not _names_itself(head, trailing):
            # "The Russian defence ministry", "Ukraine's military intelligence agency".
            compound = f"{name} {' '.join(trailing)}"
            body = self._known(compound) or self._entity(
                compound, _noun_kind(head, trailing), head in _PERSON_NOUNS
            )
            body.nouns.add(head)
            return self._ref(body, off + a, off + b, None, 0.85)
        entity, short = self._name(name, described, acronyms)
        if entity is None:
            return None
        # "Dr. Maria Lopez of the ministry" is a person: "the ministry" is not her later.
        entity.nouns.update(
            w for w in described if w in _PERSON_NOUNS or (w in _NOUN_KINDS and not entity.person)
        )
        mention = self.text[off + a : off + b] if short else None
        confidence = 0.85 if short else (0.95 if entity.name in self.registry else 0.9)
        return self._ref(entity, off + a, off + b, mention, confidence)

    def _name(
        self, name: str, described: frozenset[str], acronyms: Sequence[str] = ()
    ) -> tuple[_Entity | None, bool]:
        """The entity a proper name refers to, and whether the name was a short form of it."""
        key = normalise(name)
        if key in _NOT_SOURCES or key in _CALENDAR or key in _NOT_SUBJECT:
            return None, False
        found = self.aliases.get(key)
        if found is not None:
            return found, found.name != name and found.name not in self.registry
        known = self._known(name)
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
                return entity, True
        entity = self._entity(name, *_infer_kind(name, described))
        if entity.person and entity.gender is None:
            entity.gender = _gender(described)
        for acronym in acronyms:
            self.aliases.setdefault(normalise(acronym), entity)
        return entity, False

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
                    after = text[end : end + 60].lower().split(",")
                    words = before + (after[1].split() if len(after) > 2 and not after[0] else [])
                    titles = frozenset(w for w in words if w in _TITLE_WORDS)
                    return f"{first} {surname}", titles
            at = text.rfind(" " + surname, 0, at)
        return None

    def _known(self, surface: str) -> _Entity | None:
        """An entity of this document or the registry that the name stands for."""
        key = normalise(surface)
        if not key or key in _NOT_SOURCES or key in _NOT_SUBJECT:
            return None
        found = self.aliases.get(key)
        if found is not None:
            return found
        if not any(c.isupper() for c in surface):
            return None
        # Near matches are for names with a typo, not for whole descriptive phrases.
        source = self.registry.resolve(surface, fuzzy=key.count(" ") < 3)
        return None if source is None else self._from_source(source)

    def _from_source(self, source: Source) -> _Entity:
        found = self.aliases.get(normalise(source.name))
        if found is not None and found.name == source.name:
            return found
        person = source.kind == "person" or (
            source.kind == "official"
            and " " in source.name
            and not any(w.lower() in _NAME_KINDS for w in source.name.split())
        )
        entity = self._entity(source.name, source.kind, person, source.owner)
        for alias in source.aliases:
            self.aliases.setdefault(normalise(alias), entity)
        return entity

    def _entity(self, name: str, kind: str, person: bool, owner: str | None = None) -> _Entity:
        key = normalise(name)
        found = self.aliases.get(key)
        if found is not None and found.name == name:
            return found
        entity = _Entity(name, kind, person, owner)
        if person:
            entity.gender = _GENDERS.get(name.split()[0].lower().rstrip("."))
        self.entities.append(entity)
        self.aliases[key] = entity
        parts = name.split()
        if person and len(parts) > 1:
            self.aliases.setdefault(normalise(parts[-1]), entity)
        return entity

    def _ref(
        self, entity: _Entity, start: int, end: int, mention: str | None, confidence: float
    ) -> _Ref:
        entity.last = self.index
        return _Ref(entity, start, end, mention, confidence)

    def _owned(self, owner_np: str, noun: str, start: int, end: int) -> _Ref | None:
        """A document or website of an owner: "PC World's analysis", "a Pentagon report"."""
        owner_np = owner_np.strip()
        low = owner_np.lower()
        owner: _Entity | None
        if low in _PRONOUNS:
            ref = self._pronoun(low, start - self.offset, end - self.offset, organisation=True)
            owner = ref.entity if ref is not None else None
        elif not any(c.isupper() for c in owner_np):
            owner = self._resolve_noun(low.split()[-1], start)
        else:
            owner, _ = self._name(_strip_article(owner_np), frozenset())
        if owner is None:
            return None
        noun = " ".join(noun.split())
        kind = _DOC_NOUNS.get(noun.split()[-1], "press_release")
        entity = self._entity(f"{owner.name} {noun}", kind, False, owner.name)
        entity.nouns.add(noun)
        return self._ref(entity, start, end, None, 0.85)

    def _website(self, s: str, a: int, b: int) -> _Ref | None:
        """'a statement on its website': the owner's own website speaks."""
        match = _WEBSITE.search(s, a, b)
        if match is None:
            return None
        off = self.offset
        owner_np = match.group(1)
        owner: _Entity | None
        mention: str | None = None
        if owner_np.lower() in _PRONOUNS:
            # Where the sentence says which, "its" is the subject of the main clause.
            mention = owner_np
            owner = self._main_subject(s, b)
            if owner is None:
                ref = self._pronoun(owner_np.lower(), a, b, organisation=True)
                owner = ref.entity if ref is not None else None
        else:
            owner_np = _strip_article(owner_np.removesuffix("'s").removesuffix("\u2019s"))
            owner = self._known(owner_np) or self._resolve_noun(owner_np.split()[-1].lower(), off)
        if owner is None:
            return None
        site = self._entity(f"{owner.name} website", "website_statement", False, owner.name)
        return self._ref(site, off + a, off + b, mention, 0.8)

    def _main_subject(self, s: str, b: int) -> _Entity | None:
        comma = s.find(",", b)
        if comma < 0 or s[b:comma].strip():
            return None
        match = _MAIN_SUBJECT.match(s, comma + 1)
        if match is None or match.group(1).lower() not in _NOUN_KINDS:
            return None
        return self._resolve_noun(match.group(1).lower(), self.offset + comma)

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
            if noun not in _NOUN_KINDS and noun not in _PERSON_NOUNS and noun != "government":
                return None
            entity = self._resolve_noun(noun, off + a)
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
            or (self.posting and det in ("one", "a", "an") and noun not in _VAGUE_HEADS)
        ):
            # Unnamed but specific: "one poster writing in a blog post".
            entity = self._entity(" ".join(head), "social_media", False)
            entity.nouns.add(noun)
            return self._ref(entity, off + a, off + b, None, 0.6)
        if not det and noun in ("police", "authorities"):
            return self._ref(self._entity(noun, "official", False), off + a, off + b, None, 0.5)
        kind = _DOC_NOUNS.get(noun) or _DOC_NOUNS.get(noun.removesuffix("s"))
        if not det and kind == "document" and len(head) > 1 and noun not in _VAGUE_HEADS:
            # "according to court filings", "citing official figures": documents, unnamed.
            entity = self._entity(" ".join(head).lower(), "document", False)
            entity.nouns.add(noun)
            return self._ref(entity, off + a, off + b, None, 0.6)
        if det in _INDEFINITE or noun in _VAGUE_HEADS:
            return _VAGUE
        return None

    def _resolve_noun(self, noun: str, before: int) -> _Entity | None:
        """The most recent entity that "the <noun>" can refer to."""
        self.contextual += 1
        kinds = _NOUN_KINDS.get(noun)
        best: _Entity | None = None
        for entity in self.entities:
            if noun in _PERSON_NOUNS:
                fits = entity.person and (noun in entity.nouns or entity.kind == "official")
            else:
                fits = noun in entity.nouns or (
                    kinds is not None and entity.kind in kinds and not entity.person
                )
            if fits and (best is None or entity.last >= best.last):
                best = entity
        if best is not None or kinds is None or not kinds & {"document", "organization"}:
            return best
        # "A sensitive Environment Canada document was found ... The document detailed".
        found = None
        pattern = re.compile(rf"((?:[A-Z][\w.&'\u2019-]*\s+){{1,4}}){re.escape(noun)}\b")
        for match in pattern.finditer(self.text, 0, before):
            at = match.start()
            # A capital that starts a line or a sentence names nothing: "Leaked memo ...".
            if at and self.text[at - 1] != "\n" and self.text[max(0, at - 2) : at] != ". ":
                found = match
        if found is None:
            return None
        run = found.group(1).split()
        while run and run[0].lower() in _DETERMINERS:
            run.pop(0)
        if not run:
            return None
        kind = "document" if "document" in kinds else "organization"
        entity = self._entity(" ".join(run) + " " + noun, kind, False)
        entity.nouns.add(noun)
        return entity

    def _pronoun(self, pronoun: str, a: int, b: int, organisation: bool) -> _Ref | None:
        """He, she, it, they, its: the most recent entity of the right sort."""
        self.contextual += 1
        person = pronoun in _PERSON_PRONOUNS
        gender = _PRONOUN_GENDER.get(pronoun)
        best: _Entity | None = None
        for entity in self.entities:
            if entity.person != person:
                continue
            if gender is not None and entity.gender not in (None, gender):
                continue  # "she said" after a man spoke goes back to the woman before him
            if organisation and entity.kind in _NOT_OWNERS:
                continue
            if best is None or entity.last >= best.last:
                best = entity
        if person and (best is None or best.last < self.index - 3):
            best = self._recent_person(gender) or best
        if best is None:
            return None
        off = self.offset
        return self._ref(best, off + a, off + b, self.text[off + a : off + b], 0.7)

    def _recent_person(self, gender: str | None) -> _Entity | None:
        """A person named in the last few sentences without a cue of their own."""
        window = self.text[max(0, self.offset - 500) : self.offset]
        for match in reversed(list(_PERSON_NAME.finditer(window))):
            name = match.group()
            if any(
                w in _NAME_KINDS or w in _CORE_TITLES or w in _CALENDAR
                for w in name.lower().split()
            ):
                continue
            known = self._known(name)
            if known is not None and not known.person:
                continue
            found = known or self._entity(name, "person", True)
            if gender is None or found.gender in (None, gender):
                return found
        return None
        return None


_NOT_OWNERS = MEDIA_KINDS | {"document", "website_statement", "social_media"}


# --- helpers --------------------------------------------------------------------------------


def _previous_word(s: str, j: int) -> tuple[int, str]:
    k = j
    while k > 0 and s[k - 1] == " ":
        k -= 1
    start = k
    while start > 0 and (s[start - 1].isalnum() or s[start - 1] in "-'\u2019"):
        start -= 1
    return start, s[start:k]


def _in_title_line(text: str, at: int) -> bool:
    """Whether ``at`` is on a line without a final stop (a headline or a caption), where every
    word is capitalised and a capital says nothing about names."""
    end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1 : len(text) if end < 0 else end].rstrip()
    return not line.endswith((".", "!", "?", '"', "\u201d", "'", ")", ":"))


def _last_separator(s: str, end: int) -> int:
    """The last comma, colon, quote mark or dash before ``end``, or -1."""
    match = _UP_TO_SEPARATOR.match(s, 0, end)
    return -1 if match is None else match.end() - 1


def _phrase_end(s: str, start: int) -> int:
    """Where a noun phrase starting at ``start`` ends: a comma, a stop or the next clause."""
    end = len(s)
    for c in ',;:()"“”—\u2013':
        at = s.find(c, start, end)
        if at >= 0:
            end = at
    stop = _PHRASE_STOP.search(s, start, end)
    return end if stop is None else stop.start()


def _skip_that(s: str, at: int) -> int:
    match = _THAT.match(s, at)
    return at if match is None else match.end()


def _trim_end(s: str) -> int:
    return len(s.rstrip(' .!?"”'))


def _clause_end(s: str, start: int) -> int:
    """Where reported content that starts at ``start`` ends: "A said X, while B said Y"."""
    match = _CLAUSE_BREAK.search(s, start)
    return _trim_end(s) if match is None else match.start()


def _local(hit: _Hit, doc: _Document) -> tuple[int, int]:
    return hit.content[0] - doc.offset, hit.content[1] - doc.offset


def _strip_article(np: str) -> str:
    for article in ("the ", "The "):
        if np.startswith(article):
            return np[len(article) :]
    return np


def _trailing_np(s: str, start: int, end: int) -> int:
    """Where the noun phrase that ends a clause begins: "contacted [the company]"."""
    words = s[start:end].split()
    taken = 0
    named = False
    for word in reversed(words[-5:]):
        if word[0].islower() and named and word.lower() not in _DETERMINERS:
            break
        taken += 1
        named = named or word[0].isupper()
        if word.lower() in _DETERMINERS:
            break
    return end - len(" ".join(words[len(words) - taken :]))


def _looks_appositive(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    first = words[0]
    return (
        first[0].islower()
        or first.lower() in ("a", "an", "the", "his", "her", "its", "their")
        or first[0].isdigit()
        or first.lower() in _CORE_TITLES
    )


def _looks_title(text: str) -> bool:
    words = text.lower().replace("'s", " ").replace("\u2019s", " ").split()
    return 0 < len(words) <= 6 and not _CORE_TITLES.isdisjoint(words)


@lru_cache(maxsize=1 << 14)
def _subject_start(chunk: str) -> int:
    """Where the subject of a clause ending a chunk starts: after its last conjunction. The
    chunk is mostly a name, and names recur, so it is cached."""
    cut = 0
    for match in _BOUNDARY.finditer(chunk):
        if match.group().startswith("and") and _joins_names(chunk, match.start(), match.end()):
            continue
        cut = match.end()
    return cut


def _joins_names(chunk: str, a: int, b: int) -> bool:
    before = chunk[:a].split()
    after = chunk[b:].split()
    return bool(before and after and before[-1][0].isupper() and after[0][0].isupper())


# How to read a noun phrase as a source: a step, whether to try it as a known name first, an
# offset into the phrase, two strings and a parsed name. It depends on the phrase's text
# alone, and the same phrases recur across a corpus, so it is worked out once per run.
_Plan = tuple[str, bool, int, str, str, "_Parsed | None"]


@lru_cache(maxsize=1 << 15)
def _plan(np: str, desc: str) -> _Plan:
    low = np.lower()
    if low in _PRONOUNS:
        return "pronoun", False, 0, low, "", None
    if low in _NOT_SUBJECT or low in _NOT_SOURCES or low in _CALENDAR:
        return "none", False, 0, "", "", None
    words = np.split()
    if len(words) > 10:
        return "none", False, 0, "", "", None
    det = words[0].lower() if words[0].lower() in _DETERMINERS else ""
    rest_at = np.index(words[1]) if det and len(words) > 1 else 0
    rest = np[rest_at:] if not det or len(words) > 1 else ""
    if not rest:
        return "none", False, 0, "", "", None
    if not _ROLE_WORDS.isdisjoint(low.split()) and (det in _INDEFINITE or not det):
        role = _ROLE_FOR.match(rest[0].lower() + rest[1:])
        if role is not None:
            return "role", False, rest_at + role.start("org"), "", "", None
    if (
        not det
        and words[0].lower() in _COMMON
        and (len(words) == 1 or words[1].islower())
        and not any(w[0].isupper() for w in words[2:])
    ):
        # A capital that only starts the sentence: "Officials said", "Police believe"; but
        # "council chair Joost de Vries" names someone.
        return "common", False, 0, low, "", None
    known = rest[0].isupper() or rest[0].isdigit()
    by = _DOC_BY.match(rest) if det else None
    if by is not None:
        # "a survey by the Confederation of Norland Industry": its survey.
        return "doc_by", known, rest_at + by.start("owner"), by.group("noun"), "", None
    possessive = _POSSESSIVE_DOC.match(rest) if "s " in rest else None
    if possessive is not None and possessive.group("noun") != "statement":
        return "owned", known, 0, possessive.group("owner"), possessive.group("noun"), None
    if "website" in low or " site" in low or "homepage" in low:
        return "website", known, 0, "", "", None
    affiliation = _AFFILIATION.search(rest) if len(words) > 2 else None
    if affiliation is not None and _names_someone(rest[: affiliation.start()]):
        where = f"{desc} {rest[affiliation.end() :]}"
        return "affiliation", known, rest_at + affiliation.start(), where, "", None
    if possessive is not None:
        return "possessive", known, rest_at, possessive.group("owner"), "", None
    parsed = _parse_name(rest, desc)
    if parsed is None:
        return "description", known, rest_at, det, rest, None
    name, trailing = parsed[0], parsed[3]
    if (
        not det
        and " " not in name
        and np.startswith(name)
        and trailing
        and trailing[-1] in _VAGUE_HEADS
        and trailing[-1] not in _OFFICIAL_PLURALS
        and (name.lower().endswith(_ADJECTIVE_ENDINGS) or name.lower() in ADJECTIVE_TITLES)
    ):
        return "vague", known, rest_at, det, rest, parsed
    return "named", known, rest_at, det, rest, parsed


# A name read from a noun phrase: the name, its acronyms, the words that describe it, the
# lower-case words after it, and where the phrase's first name word starts.
_Parsed = tuple[str, tuple[str, ...], frozenset[str], tuple[str, ...], int]


@lru_cache(maxsize=1 << 15)
def _parse_name(rest: str, desc: str) -> _Parsed | None:
    """Split "Environment Minister John Baird" into a title and a name, and so on. Pure, and
    names recur across a corpus, so it is cached."""
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(rest)]
    run = _name_run(tokens)
    if run is None:
        return None
    lo, hi = run
    names = [t for t, _ in tokens[lo:hi] if not t.startswith("(")]
    acronyms = tuple(t[1:-1] for t, _ in tokens[lo:hi] if t.startswith("("))
    core = max((i for i, t in enumerate(names) if t.lower() in _CORE_TITLES), default=-1)
    before = [t.lower() for t, _ in tokens[:lo]] + [t.lower() for t in names[: core + 1]]
    names = names[core + 1 :]
    while (
        core >= 0 and names and (names[0] in ("of", "for") or names[0].lower() in _TITLE_MODIFIERS)
    ):
        before.append(names.pop(0).lower())  # "Secretary of State Antony Blinken"
    trailing = tuple(t.lower() for t, _ in tokens[hi:])
    described = frozenset((*before, *trailing, *_head_words(desc)))
    return " ".join(names), acronyms, described, trailing, tokens[0][1]


def _name_run(tokens: list[tuple[str, int]]) -> tuple[int, int] | None:
    """The last run of capitalised tokens (with "of" or "for" inside) of a noun phrase."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i][0]
        if not (token[0].isupper() or token.startswith("(")) or token.lower() in _GENERIC_CAPS:
            i += 1
            continue
        j = i + 1
        while j < n and (
            not tokens[j - 1][0].endswith(("'s", "\u2019s"))
            # "US Attorney's Office": a possessive that is part of the body's name.
            or (tokens[j][0].lower() in _NAME_KINDS and (j + 1 == n or tokens[j + 1][0] == "in"))
        ):
            t = tokens[j][0]
            if _capitalised(t) or t.startswith("(") or (t[0].isdigit() and len(t) < 4):
                j += 1
            elif t in _NAME_JOINERS and j + 1 < n and _capitalised(tokens[j + 1][0]):
                j += 2
            else:
                break
        # "the US Attorney's Office in Manhattan": a place after "in" only locates a name.
        if not (runs and i > 0 and tokens[i - 1][0] == "in"):
            runs.append((i, j))
        i = j
    for lo, hi in reversed(runs):
        words = [t for t, _ in tokens[lo:hi]]
        if words[-1].endswith(("'s", "\u2019s")) and (lo, hi) != runs[-1]:
            continue  # "China's" in "China's World Internet Conference"
        if words[0].lower() in _DETERMINERS:
            lo += 1
        if lo < hi:
            return lo, hi
    return None


def _capitalised(token: str) -> bool:
    """A name's word: "Sharif", "al-Sharif", "McDonald"."""
    return token[0].isupper() or ("-" in token and token.split("-", 1)[1][:1].isupper())


def _head_words(desc: str) -> list[str]:
    """The words of an appositive that say what its name is: "a lecturer" in "a lecturer in
    public health at the University of Leeds", not the university it works for."""
    words = desc.lower().replace(",", " ").split()
    for i, word in enumerate(words):
        if word in _DESC_STOPS:
            return words[:i]
    return words


@lru_cache(maxsize=1 << 14)
def _infer_kind(name: str, described: frozenset[str]) -> tuple[str, bool]:
    """The kind of a new named source, from its title, affiliation or the shape of its name;
    and whether it is a person."""
    words = [w.lower() for w in name.split()]
    person_shaped = len(words) > 1 and not any(w in _NAME_KINDS for w in words)
    for word, kind in _MEDIA_WORDS.items():
        if word in described:
            return kind, False
    if "agency" in described | set(words) and not {"news", "press"}.isdisjoint(
        described | set(words)
    ):
        return "news_agency", False
    if any(w.startswith("spokes") for w in described):
        company = described & (_ORG_WORDS - {"group", "nations"})
        return ("organization" if company else "official"), person_shaped
    if not _OFFICIAL_WORDS.isdisjoint(described):
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
    if _DOMAIN.search(low):
        return "organization", False
    if low in _COUNTRIES or all(w in _COUNTRIES or w == "and" for w in words):
        return "official", False
    if len(words) == 1:
        return "organization", False
    return "person", True


def _names_someone(text: str) -> bool:
    """Whether a phrase is a person's name, perhaps with a title: "Dr. Li Wei"."""
    words = text.split()
    names = [w for w in words if w[0].isupper() and w.lower() not in _CORE_TITLES]
    return (
        bool(names)
        and len(words) <= 5
        and not any(w.lower().strip(".,") in _NAME_KINDS for w in words)
        and (len(names) > 1 or len(names) < len(words))
    )


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


def _vague_phrase(s: str, cs: int, ce: int) -> str:
    start = max(_last_separator(s, cs) + 1, cs - 40, 0)
    for match in _BOUNDARY.finditer(s, start, cs):
        start = match.end()
    return " ".join(s[start:ce].lower().split())


def _finish(hits: list[_Hit], text: str) -> list[Attribution]:
    """The attributions of one sentence with their roles, one per canonical source."""
    if not hits:
        return []
    speakers = {h.ref.entity.name for h in hits if h.family in _SPEAKING}
    out: list[Attribution] = []
    seen: set[str] = set()
    for hit in hits:
        ref, entity = hit.ref, hit.ref.entity
        if entity.name in seen:
            continue
        seen.add(entity.name)
        # "X said ..., according to Y": Y relayed X's words; "Y, which cited ...": Y did not.
        relayed = hit.family == "acc" and bool(speakers - {entity.name})
        role = "via" if hit.family == "via" or relayed else hit.role
        confidence = round(ref.confidence * 0.9, 2) if role == "via" else ref.confidence
        # Positional: a frozen dataclass is built noticeably faster without keywords.
        out.append(
            Attribution(
                text[ref.start : ref.end],
                ref.start,
                ref.end,
                entity.name,
                entity.kind,
                hit.cue,
                hit.cue_start,
                hit.cue_end,
                hit.content[0],
                max(hit.content),
                role,
                confidence,
                ref.mention,
                entity.owner,
                hit.carried_from,
                hit.medium,
            )
        )
    if len(out) > 1:
        out.sort(key=lambda found: ROLES.index(found.role))
    return out


_SPEAKING = frozenset(("verb", "dash", "medium", "quoting"))


def _carry(
    results: list[list[Attribution]],
    kinds: list[str],
    quotes: list[tuple[bool, bool, bool]],
    spans: Sequence[tuple[int, int]],
    text: str,
) -> None:
    """Sentences inside a multi-sentence quotation take the attribution of its cue sentence."""
    n = len(results)
    i = 0
    while i < n:
        if quotes[i][0] or not quotes[i][1]:
            i += 1
            continue
        j = i + 1
        while j < n and quotes[j][0] and quotes[j][1]:
            j += 1
        group = [i, *range(i + 1, min(j + 1, n))]
        group = [k for k in group if k == i or quotes[k][0]]
        carrier = next((k for k in (group[-1], group[0]) if results[k]), None)
        if carrier is not None:
            for k in group:
                if not results[k]:
                    results[k] = _carried(results[carrier], carrier, spans[k])
        i = group[-1] + 1
    # '"A," she said. "B."': a whole quotation right after a quoted speaker continues it.
    for k in range(1, n):
        if kinds[k] != CLAIM or not quotes[k][2] or results[k] or not results[k - 1]:
            continue
        gap = text[spans[k - 1][1] : spans[k][0]]
        previous = text[spans[k - 1][0] : spans[k - 1][1]]
        if "\n" not in gap and ('"' in previous or "”" in previous):
            results[k] = _carried(results[k - 1], k - 1, spans[k])


def _carried(found: list[Attribution], carrier: int, span: tuple[int, int]) -> list[Attribution]:
    return [
        Attribution(
            source_text=a.source_text,
            source_start=a.source_start,
            source_end=a.source_end,
            canonical=a.canonical,
            source_kind=a.source_kind,
            cue=a.cue,
            cue_start=a.cue_start,
            cue_end=a.cue_end,
            content_start=span[0],
            content_end=span[1],
            role=a.role,
            confidence=round(a.confidence * 0.85, 2),
            mention=a.mention,
            owner=a.owner,
            carried_from=a.carried_from if a.carried_from is not None else carrier,
            medium=a.medium,
        )
        for a in found
    ]
