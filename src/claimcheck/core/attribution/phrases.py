"""Stage 2a, phrase boundaries: where a noun phrase or a clause starts and ends around a cue."""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.core.attribution.lexicon import _UP_TO_SEPARATOR
from claimcheck.core.attribution.source_kinds import _NAME_KINDS
from claimcheck.core.attribution.words import (
    _CALENDAR,
    _CORE_TITLES,
    _DETERMINERS,
    _NAME_JOINERS,
    _OWNERS,
    _PERSON_WORDS,
    _RELATIVES,
    _VAGUE_HEADS,
)

_BOUNDARY = re.compile(
    r"\b(?:that|and|but|while|whereas|because|although|though|after|before|when|where|if|as"
    r"|so|or|since|until|unless|whether|than)\s+"
)


# A person's name that opens a sentence, and the description after it.
_NAME_APPOSITIVE = re.compile(
    r"([A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3}),\s+(?:a|an|the|[a-z]+\s+of"
    r"|secretary|director|chairman|chairwoman|head|leader|president|founder|spokes\w+)\b"
)
# A short phrase that opens a sentence before its subject: "On Taiwan, ", "Last week, ".
_OPENING = re.compile(
    r"(?:(?:On|In|At|For|After|Last|Earlier|Later)\s[^,]{1,40}|Earlier|Later|Meanwhile"
    r"|(?:Following|Despite|During|Amid)\s[^,]{1,90}"
    r"|(?:A|An|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|A\s+few|Several|\d+)"
    r"\s+(?:days?|weeks?|months?|years?)\s+(?:ago|later)),\s+"
)


_RELATIVE = re.compile(r"\s(?:which|who|whose|whom|that)\b|\s*,")


_PARTICIPLE = re.compile(
    r"\s+\w+ing\s+(?:in|on|for|at|from|with|about|to|that)\b|\s+(?:of|for|at|from|in|on|with|by|across)\s+"
)


_THAT = re.compile(r"[\s,:]*(?:that\b\s*)?[\"“]?")


_PHRASE_STOP = re.compile(
    r"(?<!\b[A-Z])\.(?:\s|$)|\s(?:that|who|which|said|says|reported|has|have|had|is|was|will|would)\b"
    r"|\s(?:and|but)\s+(?=[a-z])"
    # "announced by Mayor Ana Ruiz at a press conference": where, not who.
    r"|\s(?:at|in|on|during|after|before|while)\s+(?:a|an)\s"
)


_LEADING = " \t\n\r\"\u201c\u201d'("


_TRAILING = " \t\n\r\"\u201c\u201d'.,:;"


_CLAUSE_BREAK = re.compile(r";\s|,\s+(?:while|whereas|but)\s")


def _previous_word(sentence: str, j: int) -> tuple[int, str]:
    k = j
    while k > 0 and sentence[k - 1] == " ":
        k -= 1
    start = k
    while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] in "-'\u2019"):
        start -= 1
    return start, sentence[start:k]


def _in_title_line(text: str, at: int) -> bool:
    """Whether ``at`` is on a line without a final stop (a headline or a caption), where every
    word is capitalised and a capital says nothing about names. A list's item without its
    stop, in lower case, is no such line."""
    end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1 : len(text) if end < 0 else end].rstrip()
    if line.endswith((".", "!", "?", '"', "\u201d", "'", ")", ":")):
        return False
    words = [w for w in line.split() if len(w) > 4]
    return sum(w[0].isupper() for w in words) * 2 >= len(words)


def _last_separator(sentence: str, end: int) -> int:
    """The last comma, colon, quote mark or dash before ``end``, or -1."""
    match = _UP_TO_SEPARATOR.match(sentence, 0, end)
    return -1 if match is None else match.end() - 1


def _phrase_end(sentence: str, start: int) -> int:
    """Where a noun phrase starting at ``start`` ends: a comma, a stop or the next clause."""
    end = len(sentence)
    for c in ',;:()"“”—\u2013':
        at = sentence.find(c, start, end)
        if at >= 0:
            end = at
    stop = _PHRASE_STOP.search(sentence, start, end)
    return end if stop is None else stop.start()


def _skip_that(sentence: str, at: int) -> int:
    match = _THAT.match(sentence, at)
    return at if match is None else match.end()


def _trim_end(sentence: str) -> int:
    return len(sentence.rstrip(' .!?"”'))


def _clause_end(sentence: str, start: int) -> int:
    """Where reported content that starts at ``start`` ends: "A said X, while B said Y"."""
    match = _CLAUSE_BREAK.search(sentence, start)
    return _trim_end(sentence) if match is None else match.start()


def _strip_article(phrase: str) -> str:
    for article in ("the ", "The "):
        if phrase.startswith(article):
            return phrase[len(article) :]
    return phrase


def _trailing_np(sentence: str, start: int, end: int) -> int:
    """Where the noun phrase that ends a clause begins: "contacted [the company]"."""
    words = sentence[start:end].split()
    taken = 0
    named = False
    for word in reversed(words[-5:]):
        if word[0].islower() and named and word.lower() not in _DETERMINERS:
            break
        taken += 1
        named = named or word[0].isupper()
        if word.lower() in _DETERMINERS or word.lower() in _OWNERS:
            break  # "an announcement from [her principal], who told"
    return end - len(" ".join(words[len(words) - taken :]))


def _looks_appositive(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    first = words[0]
    if first.lower() in _CORE_TITLES:
        # "Professor Jan Novak" is a name with its title; "Director of the museum" describes.
        rest = [w for w in words if w.lower() not in _CORE_TITLES]
        if rest and len(rest) < len(words) and words.index(rest[0]) > 0 and rest[0][0].isupper():
            return False
    return (
        first[0].islower()
        or first.lower() in ("a", "an", "the", "his", "her", "its", "their")
        or first[0].isdigit()
        or first.lower() in _CORE_TITLES
        # "Panama coach", "USI associate professor of art history": a title after a name.
        or any(w in _CORE_TITLES for w in _head_of(words))
    )


_INSTITUTION = re.compile(r"\s(?:at|of)\s+(?:the\s+)?[A-Z][^,]*[A-Z][\w.-]*$")


def _appositives(sentence: str, end: int) -> tuple[str, int]:
    """The appositives between a speaker and the comma before the verb at ``end``, and where
    the speaker ends: "Fuad Basya, spokesman for the military, said"; "Cres Eastman, Director
    of X, and Chairman of Y, says"; "..., director at the University of Arkansas,
    Fayetteville, said"."""
    chunks: list[str] = []
    for _ in range(4):
        c1 = _last_separator(sentence, end)
        if c1 < 0 or sentence[c1] != ",":
            break
        chunk = sentence[c1 + 1 : end].strip()
        if not _looks_appositive(chunk):
            # A place that ends an institution's name: "University of Arkansas, Fayetteville".
            c0 = _last_separator(sentence, c1)
            left = sentence[c0 + 1 : c1].strip()
            if not (
                c0 >= 0
                and sentence[c0] == ","
                and " " not in chunk
                and chunk[:1].isupper()
                and _looks_appositive(left)
                and _INSTITUTION.search(left)
            ):
                break
        chunks.insert(0, chunk)
        end = c1
    return ", ".join(chunks), end


def _head_of(words: list[str]) -> list[str]:
    """The lower-case words of a phrase before its first preposition."""
    head: list[str] = []
    for word in words[:6]:
        if word in ("of", "at", "for", "in", "from", "with"):
            break
        if word.islower():
            head.append(word)
    return head


def _looks_title(text: str) -> bool:
    words = text.lower().replace("'s", " ").replace("\u2019s", " ").split()
    if len(words) == 2 and words[0] in _OWNERS and words[1] in _RELATIVES:
        return True  # "His father, Mohamed Elhassan Mohamed, said"
    # "Cameroon's highest-ranking official in the area, Handerson Kongeh, said": whose
    # official the possessive says.
    owned = "official" in words and ("'s " in text or "\u2019s " in text)
    if 6 < len(words) <= 12 and _OF_BODY.search(text) is not None:
        # "The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino,
        # has called": a title long by the name of the body it is of.
        return not _CORE_TITLES.isdisjoint(_head_of(text.split()))
    return 0 < len(words) <= 6 and (owned or not _CORE_TITLES.isdisjoint(words))


_OF_BODY = re.compile(r"\s(?:of|for|at)\s+(?:the\s+)?[A-Z]")


@lru_cache(maxsize=1 << 14)
def _subject_start(chunk: str) -> int:
    """Where the subject of a clause ending a chunk starts: after its last conjunction. The
    chunk is mostly a name, and names recur, so it is cached."""
    opening = _OPENING_CONJUNCTION.match(chunk)
    cut = 0 if opening is None else opening.end()  # "Although the office said"
    for match in _BOUNDARY.finditer(chunk):
        if match.group().startswith("and") and _joins_names(chunk, match.start(), match.end()):
            continue
        cut = match.end()
    return cut


# A conjunction that opens the sentence, before its subject: "But committee Chairperson ...".
_OPENING_CONJUNCTION = re.compile(
    r"\s*(?:But|And|Although|Though|While|Whereas|Because|Since|When|After|Before|Unless|Yet)\s+"
)
_WHERE = (["at"], ["in"], ["from"], ["on"], ["of"])
# The people a named speaker may speak beside, unnamed: "Ana Ruiz and 15 colleagues".
_GROUP_HEADS = _VAGUE_HEADS | frozenset(("colleagues", "lawmakers", "members", "co-sponsors"))
_GROUP_MODIFIER = re.compile(r"\d+|other|his|her|their|[A-Z][a-z]+")


def _joins_names(chunk: str, a: int, b: int) -> bool:
    before = chunk[:a].split()
    after = chunk[b:].split()
    skip = 0
    while skip < min(2, len(after) - 1) and _GROUP_MODIFIER.fullmatch(after[skip]):
        skip += 1  # "Pressley and 15 Democratic colleagues"
    if (
        before
        and after
        and after[skip] in _GROUP_HEADS
        and after[skip + 1 : skip + 2]
        in (
            [],
            *_WHERE,
        )
    ):
        # "Congressional lawmakers and experts", "Areseb and others at the rally": one
        # subject, read whole.
        return True
    return bool(before and after and before[-1][0].isupper() and _titled_name(after))


def _titled_name(words: list[str]) -> bool:
    """Whether words open with a name, perhaps after a title in lower case: "schools chief
    Pedro Martinez" in "Mayor Lori Lightfoot and schools chief Pedro Martinez said"."""
    titles = 0
    while titles < len(words) and titles < 3 and words[titles].islower():
        titles += 1
    return (
        titles < len(words)
        and words[titles][0].isupper()
        and (titles == 0 or not _CORE_TITLES.isdisjoint(words[:titles]))
    )


def _vague_phrase(sentence: str, cue_start: int, cue_end: int) -> str:
    start = max(_last_separator(sentence, cue_start) + 1, cue_start - 40, 0)
    for match in _BOUNDARY.finditer(sentence, start, cue_start):
        start = match.end()
    return " ".join(sentence[start:cue_end].lower().split())


# A document's noun after an article ("a new study", "the report"), or after "a" only.
@lru_cache(maxsize=256)
def _mentioned(noun: str) -> re.Pattern[str]:
    determiner = r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Ii]ts|[Tt]heir)"
    return re.compile(rf"{determiner}\s+(?:[\w-]+\s+){{0,2}}?{noun}\b")


@lru_cache(maxsize=256)
def _indefinite(noun: str) -> re.Pattern[str]:
    return re.compile(rf"\b[Aa]n?\s+(?:[\w-]+\s+){{0,2}}?{noun}\b")


def _in_name(sentence: str, at: int) -> bool:
    """Whether the word at ``at`` is capitalised inside the sentence, a name's word ("USA
    Today reported"), not an adverb ("today")."""
    return sentence[at : at + 1].isupper() and bool(sentence[:at].strip(_LEADING))


def _all_one_name(text: str) -> bool:
    """Whether a phrase is all one body's name: "the Office for the Coordination of
    Humanitarian Affairs (OCHA)"."""
    words = text.split()
    return words[0].lower() == "the" and all(
        w[0].isupper() or w[0] == "(" or w in _NAME_JOINERS or w == "the" for w in words[1:]
    )


# A description before a name: "civil liberties group Open Rights Watch".
_DESCRIPTION_BEFORE_NAME = re.compile(
    r"(?:the\s+)?(?!(?:the|a|an)\s)(?:[a-z][\w-]*\s+){1,4}(?=[A-Z])"
)


def _described_name(sentence: str, start: int, end: int) -> int:
    """Where the name starts in a phrase that describes it first ("rights group Open Watch"),
    else ``start``."""
    found = _DESCRIPTION_BEFORE_NAME.match(sentence, start, end)
    return start if found is None else found.end()


# The subject and past-tense verb of a sentence's main clause, before ", saying ...": a name
# ("The Greek Orthodox Church", "Police") or "the" and a noun or two ("The church").
_LOWER_TITLES = (
    r"(?:police|fire|health|education|army|military|senior|deputy|acting|chief|official"
    r"|officer|spokes(?:man|woman|person)|minister|secretary|director|commissioner|inspector)"
)
_MAIN_CLAUSE = re.compile(
    # "senior police official Ana Ruiz", after an opening phrase: a title in lower case.
    r"(?:(?:[Tt]he\s+|(?:[a-z]+\s+){1,3}(?=[A-Z]))?[A-Z][\w.&'\u2019-]*"
    # "senior Delhi police official MS Randhawa": title words between the capitals.
    rf"(?:\s+(?:(?:{_LOWER_TITLES}\s+){{1,2}}[A-Z][\w.&'\u2019-]*|[A-Z][\w.&'\u2019-]*|of|for|and"
    r"|the|de))*"
    r"(?:\s+\([A-Z][\w.&]*\))?"  # its acronym: "The Union of ... (UAAR) has launched"
    # "On Tuesday, the company published": after an opening phrase "the" is in lower case.
    r"|[Tt]he\s+[a-z]+(?:\s+[a-z]+)?"
    # "Following our report, officials from the department contacted her and informed".
    r"|[a-z]+s\s+(?:from|of|at)\s+the\s+[a-z]+)\s+(?:(?:has|have|had)\s+)?(?:(?:also|later|then|first)\s+)?"
    r"(?P<verb>[a-z]+ed|sent|wrote|made|gave|took|held|spoke|met|told|brought|began)\s"
)

_SUBORDINATE = re.compile(r"(?:When|While|Although|Though|Because|Since|If|Unless|Once)\s[^,]+,\s+")


def _main_verb(sentence: str, j: int, comma: bool = True) -> int:
    """Where the main clause's verb starts, for a participle after a comma at ``j``
    ("The church opposed the ruling, saying ..."), or -1."""
    if comma and not sentence[:j].rstrip().endswith(","):
        return -1
    # "When the paper asked, the office refused, claiming ...": the main clause follows.
    clause = _SUBORDINATE.match(sentence)
    match = _MAIN_CLAUSE.match(sentence, 0 if clause is None else clause.end())
    if match is None and (opening := _OPENING.match(sentence)) is not None:
        match = _MAIN_CLAUSE.match(sentence, opening.end())  # "On Taiwan, Gemini mirrored"
    if match is None or match.end() > j:
        return -1
    return match.start("verb")


_SPEAKERS = _CORE_TITLES | _PERSON_WORDS


def _named_speaker(sentence: str) -> re.Match[str] | None:
    """A person's name opening the sentence before a description of them ("Ana Ruiz,
    chairwoman of the union, ..."), or None. Not an opening phrase ("On Tuesday, the company
    ...") nor a place ("New York City, the largest city, ..."): the description must be a
    person's."""
    named = _NAME_APPOSITIVE.match(sentence)
    if named is None or _OPENING.match(sentence) is not None:
        return None
    name = {w.lower() for w in named.group(1).split()}
    end = sentence.find(",", named.end(1) + 1)
    described = set(re.findall(r"[\w-]+", sentence[named.end(1) : end].lower()))
    if not name.isdisjoint(_NAME_KINDS.keys() | _CALENDAR) or described.isdisjoint(_SPEAKERS):
        return None
    return named
