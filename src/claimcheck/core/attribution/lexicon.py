"""Stage 1, the cue lexicon: the words and anchored patterns that can start a cue, and the
cheap test that tells a sentence without any cue word from one that needs reading.
"""

from __future__ import annotations

import re

from claimcheck.core.checkworthiness import SCORED_WORDS
from claimcheck.core.per_text import per_text


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
    "|allege|warn|argue|insist|deny|confirm|predict|accuse|call for|recommends|recommended"
    "|observed|observes|pointed out|points out|continued|continues|remarked|opined|asserted"
    "|asserts|characterise|characterize|describe|spoke to|speaks to"
    "|reiterated|reiterates|countered|quipped|joked|boasted|clarified|elaborated|lamented"
    "|cautioned|contended|contends|complained|complains|affirmed|affirms"
    "|recognized|recognised|recognizes|recognises|maintained|maintains|indicated|indicates"
    "|mentioned|mentions|conceded|concedes|vowed|vows|pledged|pledges|assured|hinted"
    "|saying|adding|noting|stating|commenting|explaining|arguing|claiming|warning"
)


# Reporting verbs by lemma, every form of which is a cue: the list above names the forms
# met first, these complete the paradigm ("would later say", "has been saying", "promises").
# A lemma may give its irregular past and participle after colons.
_LEMMAS = """say:said tell:told add state announce claim write:wrote:written tweet post report
    confirm deny urge warn ask believe conclude detail explain note insist argue acknowledge
    admit:admitted estimate predict reveal disclose declare testify comment reply respond
    allege accuse recall emphasize emphasise stress suggest recommend observe remark opine
    assert reiterate counter quip joke boast clarify elaborate lament caution contend complain
    affirm recognize recognise maintain indicate mention concede vow pledge assure hint
    promise answer speculate proclaim propose agree charge forecast:forecast theorize theorise
    wonder question express voice read:read rule show:showed:shown find:found reject
    dismiss admonish reason encourage inform determine notify request"""


def _forms(lemma: str) -> list[str]:
    base, *irregular = lemma.split(":")
    if base.endswith("y") and base[-2] not in "aeiou":
        third, past = base[:-1] + "ies", base[:-1] + "ied"
    else:
        third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
        past = base + ("d" if base.endswith("e") else "ed")
    double = len(irregular) == 1 and irregular[0].endswith(base[-1] * 2 + "ed")
    ing = (base[:-1] if base.endswith("e") and not base.endswith("ee") else base) + "ing"
    if double:
        ing = base + base[-1] + "ing"
    return [base, third, *(irregular or [past]), ing]


_KNOWN_FORMS = frozenset(_VERBS.split("|"))
_VERBS += "".join(
    "|" + form
    for lemma in _LEMMAS.split()
    for form in dict.fromkeys(_forms(lemma))
    if form not in _KNOWN_FORMS
)
_VERBS += "|went on|goes on|go on|called|calls|called on|calls on|call on|calling on"
# What a study or report does with what it found: a cue only after a document (`_DOC_VERBS`).
_DOC_VERBS = _words("highlights highlighted documents documented outlines outlined")
_VERBS += "".join("|" + verb for verb in sorted(_DOC_VERBS))


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
    r"|e-?mail|op-ed|editorial|video|broadcast|memo|message|filing|study|paper"
)


_I = re.IGNORECASE


# What a sentence may announce as coming next: "the following statement", "update".
# What one who found a document did with it: "a memo seen by Bloomberg", "an inquiry
# uncovered by ProPublica"; the finder is not its author.
_FOUND = r"(?:obtained|seen|reviewed|uncovered|viewed|found|acquired|examined)"
_ANNOUNCED = r"statement|update|message|remarks|comment|post|letter|note|tweet|announcement"


# Each cue family is its own anchored pattern, tried only where one of its first words occurs:
# one alternation of them all would be tried at every character of every sentence.
_FAMILIES: dict[str, re.Pattern[str]] = {
    "hedge": re.compile(rf"(?:{_HEDGES})\b", _I),
    "acc": re.compile(
        r"(?:according\s+to|as\s+per|(?<=, )per(?=\s+(?:the\s+)?[A-Z])|^per(?=\s+the\s)"
        r"|in\s+the\s+words\s+of"
        r"|(?:as\s+)?(?:first\s+)?(?:reported|cited|quoted)(?:\s+(?:as\s+)?saying)?\s+by"
        # "The closure was confirmed by Norvex": a passive cue names its source after "by";
        # "Scott will have to be confirmed by the Legislature" is a step yet to come.
        r"|(?<=\s)(?<!\bbe\s)(?:confirmed|announced|revealed|disclosed|stated|estimated|predicted|denied"
        r"|claimed|alleged|explained|noted|said|documented)\s+by(?=\s+(?:the\s+)?[A-Z]))"
        r"(?:\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:report|story|article|interview|post|broadcast)"
        r"\s+(?:from|by|in|on))?\b",
        _I,
    ),
    "quoting": re.compile(r"(?:quoting|citing)\b", _I),
    # "In Ruiz's words", "in her view", "For Kevin Allton, ...": whose view the sentence is.
    "view": re.compile(
        r"(?:[Ii]n\s+(?P<who>his|her|their|its|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
        r"['\u2019]s?)\s+(?:own\s+)?(?:words|view|opinion|estimation|assessment)"
        r"|^For\s+(?P<person>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})(?=\s*,)"
        r"|[Aa]s\s+(?P<as>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}|he|she|they|it)"
        r"\s+(?:put|puts)\s+it)\b"
    ),
    "medium": re.compile(
        rf"in\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_MEDIA_NOUNS})s?\b", _I
    ),
    "verb": re.compile(
        r"(?:(?:has|have|had)\s+(?:also\s+)?)?(?:"
        + "|".join(sorted(_VERBS.split("|"), key=len, reverse=True)).replace(" ", r"\s+")
        + r")\b"
    ),
    "spokes": re.compile(r"spokes(?:man|woman|person)\s+for\b", _I),
    # "issued the following statement:", "The following is a statement from X".
    "following": re.compile(
        r"following\s+(?:(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:"
        + _ANNOUNCED
        + r")s?\s+(?:from|by|of)(?=\s+(?:the\s+)?[A-Z])|(?:[\w-]+\s+){0,2}?(?:"
        + _ANNOUNCED
        + r")s?\b)",
        _I,
    ),
}


# Greedy, so a match ends at the last separator: it backtracks from the end, not scans ahead.
# A comma between digits ("5,000") separates nothing.
_UP_TO_SEPARATOR = re.compile('.*(?:[;:"\u201c\u201d\u2014\u2013]|,(?!\\d))', re.DOTALL)


_SPOKES_ARTICLE = re.compile(r"\b(?:a|an|the)\s+$", _I)


# A credit after a closing quotation mark: an em or en dash, or a hyphen standing for one.
# Or a colon, as summaries credit a quotation: '"... another": Notes from Lakeside is ...'.
_DASH = re.compile(r"[\"”]\s*(?:[—\u2013]|--?(?=\s)|:(?=\s))\s*(?=[A-Z])")


def _has_dash(sentence: str) -> bool:
    """Whether a sentence may hold a dash credit: the cheap test before ``_DASH``."""
    return (
        "—" in sentence
        or "\u2013" in sentence
        or '" -' in sentence
        or "” -" in sentence
        or '":' in sentence
        or "”:" in sentence
    )


_VERB_WORDS = frozenset(v.split()[0] for v in _VERBS.split("|"))


_TRIGGERS: dict[str, tuple[str, ...]] = {}


for _family, _first_words in (
    ("hedge", "reportedly allegedly purportedly supposedly reputedly estimates it is are was"),
    ("hedge", "were has have had photos rumours rumors sources reports"),
    ("acc", "according as per in reported cited quoted first"),
    (
        "acc",
        "confirmed announced revealed disclosed stated estimated predicted denied claimed alleged"
        " explained noted said documented",
    ),
    ("quoting", "quoting citing"),
    ("view", "in for as"),
    ("medium", "in"),
    ("verb", " ".join(_VERB_WORDS) + " has have had"),
    ("spokes", "spokesman spokeswoman spokesperson"),
    ("following", "following"),
):
    for _word in _first_words.split():
        _TRIGGERS[_word] = (*_TRIGGERS.get(_word, ()), _family)


_TRIGGER_WORDS = frozenset(_TRIGGERS)


_MEDIUM_WORDS = _words(
    """words statement statements letter letters report reports interview interviews post
    posts tweet tweets speech speeches release email mail op editorial video broadcast
    memo message filing study studies paper papers"""
)


# A sentence needs one of these words to hold any cue at all: the cheap first test.
_STRONG = (
    (frozenset(_TRIGGERS) - _words("it is are was were has have had in as first for"))
    | _MEDIUM_WORDS
    | _words("view opinion estimation assessment put puts")
    | _words(
        """per believed thought understood alleged claimed rumoured rumored described
        accused spokesman spokeswoman spokesperson"""
    )
)


# Common first words are tried only when a word that completes one of their cues is present.
_NEEDS: dict[str, frozenset[str]] = {
    "in": _MEDIUM_WORDS | _words("view opinion estimation assessment"),
    "for": _words("for"),
    "as": _words("per reported cited quoted put puts"),
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


_POSTING = _words("posted posts wrote writes tweeted tweets")


# ``words`` are the sentence's own, so the sentence alone decides its cues.
@per_text
def _cues(sentence: str, words: frozenset[str]) -> tuple[tuple[str, int, int], ...]:
    """The cues of a sentence in reading order, as (family, start, end)."""
    lower = sentence.lower()
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
            match = _FAMILIES[family].match(sentence, at)
            if match is not None:
                found.append((family, at, match.end()))
                resume = match.end()
                break
    if _has_dash(sentence):
        found.extend(("dash", m.start(), m.end()) for m in _DASH.finditer(sentence))
        found.sort(key=lambda cue: cue[1])
    return tuple(found)
