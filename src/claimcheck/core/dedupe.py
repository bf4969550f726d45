"""Near-duplicate claim detection: normalise, find candidate pairs, verify, cluster.

Pure code (no database, no UI). The pipeline for a batch of claims:

1. ``normalise`` each text and sort its words into a *key*; the stored text is never changed.
2. Candidates: MinHash LSH over each key's set of content words (function words and, where
   enough other words remain, the corpus's common words dropped; words cut to 6 letters),
   ``_BANDS`` bands of ``_ROWS`` rows. Two claims become a
   candidate pair when all rows of one band agree, so the cost grows with the number of
   near-duplicates rather than with all pairs.
3. Verify candidates with ``rapidfuzz.fuzz.ratio`` on the keys (the same score as
   ``token_sort_ratio`` on the normalised texts, at a fraction of the cost). Sorting the
   words makes a swap of neighbouring words free, so such copies score 100.
4. A pair scoring at least ``Thresholds.upper`` joins automatically unless a guard rule
   demotes it to a suggestion (short claim, or the claims differ in a number, date, name or
   negation); pairs between ``lower`` and ``upper`` are suggestions.

``ClaimIndex`` keeps the keys and band hashes so new batches are matched against everything
already indexed without recomputing old pairs; ``find_matches`` is a one-off index.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import (
    Callable,
    Collection,
    Container,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from claimcheck.core.matches import (
    DEFAULT_THRESHOLDS,
    Match,
    Thresholds,
    clusters,
    families,
    spanning,
)
from claimcheck.core.per_text import per_text

__all__ = [
    "DEFAULT_THRESHOLDS",
    "ClaimIndex",
    "ClaimKeys",
    "Match",
    "Signature",
    "Signatures",
    "Thresholds",
    "claim_keys",
    "clusters",
    "copy_key",
    "differences",
    "families",
    "find_matches",
    "match_key",
    "match_verdict",
    "normalise",
    "similarity",
    "spanning",
]

# Thresholds, Match and the grouping of matches live in claimcheck.core.matches, which reads
# without numpy; they are named here too, as the rules' inputs and outputs.

U64 = npt.NDArray[np.uint64]
I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]


# --- normalisation ---------------------------------------------------------------------

_STYLES = str.maketrans(
    {
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2039\u203a\u2032", "'"),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)
_ACRONYM = re.compile(r"\b[^\W\d_]\.[^\W\d_]\.(?:[^\W\d_]\.)*")  # U.S., e.g.
# The patterns below start with a literal or a small class where they can, so the regex
# engine skips ahead quickly; normalising is a third of the cost of matching a claim.
_MAYBE_ACRONYM = re.compile(r"\.[^\W\d_]\.")
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")
_SYMBOLS = re.compile(r"[^\w\s%$€£'.,-]|_")
_ASCII_SYMBOLS = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not (c.isalnum() or c.isspace() or c in "%$'.,-")}
)
# Apostrophes and hyphens only matter inside words, and . , only inside numbers.
# One class first, then which of the two it was: the engine then skips to the marks
# quickly (an alternation of two classes took twice as long).
_OUT_OF_PLACE = re.compile(r"[-'.,](?:(?<=['-])(?:(?<!\w.)|(?!\w))|(?<=[.,])(?:(?<!\d.)|(?!\d)))")
_CUES = dict.fromkeys(("said", "says", "say", "stated", "states", "told", "tells"), "said")


def normalise(text: str) -> str:
    """The form of ``text`` used for matching only.

    Casefolds; maps curly quotes, guillemets and dash variants to ASCII; drops punctuation
    except apostrophes and hyphens inside words, decimal points and the symbols % $ € £;
    writes "U.S." as "us" and "1,000" as "1000"; folds the attribution cues
    said/says/say/stated/states/told/tells to "said" ("according to" is kept); collapses
    whitespace.
    """
    return " ".join(_words_of(_cleaned(text)))


# _ASCII_SYMBOLS as a byte table: bytes.translate looks each byte up in C, where
# str.translate with a dict calls back a lookup a character (5 times the cost).
_ASCII_TABLE = bytes(ord(" ") if code in _ASCII_SYMBOLS else code for code in range(256))


def _cleaned(text: str) -> str:
    """``text`` without punctuation, in its original case: its words between spaces."""
    ascii = text.isascii()
    if not ascii:
        text = text.translate(_STYLES)
        # Curly quotes and dashes are the only non-ASCII characters of most texts.
        ascii = text.isascii()
    if _MAYBE_ACRONYM.search(text) is not None:
        text = _ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
    if "," in text:
        text = _THOUSANDS.sub("", text)
    if ascii:
        text = text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
    else:
        text = _SYMBOLS.sub(" ", text)
    return _OUT_OF_PLACE.sub(" ", text)


def _words_of(cleaned: str) -> list[str]:
    """The words of a ``_cleaned`` text, casefolded, the cues folded to "said"."""
    # Casefolding never adds whitespace, so the words stay aligned with the tokens.
    words = cleaned.casefold().split()
    return list(map(_CUES.get, words, words))


def match_key(text: str) -> str:
    """The string that is scored: the words of ``normalise(text)``, sorted.

    ``fuzz.ratio`` on two keys equals ``fuzz.token_sort_ratio`` on the normalised texts.
    """
    return " ".join(sorted(_words_of(_cleaned(text))))


def similarity(a: str, b: str) -> float:
    """The score ``ClaimIndex`` gives the pair of claim texts ``a`` and ``b`` (0-100)."""
    return float(fuzz.ratio(match_key(a), match_key(b)))


# --- guard rules -----------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
}
_NUMBER_WORDS |= {
    word: str(value)
    for value, word in zip(
        range(30, 100, 10), _words("thirty forty fifty sixty seventy eighty ninety"), strict=True
    )
}
# Scale words stand for themselves: "one billion" and "1 billion" agree, "one million" not.
_NUMBER_WORDS |= dict.fromkeys(_words("dozen hundred thousand million billion trillion"), "")
_DIGITS = re.compile(r"[$€£]?\d[\d.]*%?")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_CALENDAR = frozenset(
    _words(
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april june july august september october november december"
    )
)
_NEGATIONS = frozenset(_words("not no never none nobody nothing neither nor without cannot"))
# Function words: they start sentences without naming anyone, and they say nothing about
# whether two claims are copies, so LSH ignores them too.
_FUNCTION_WORDS = frozenset(
    _words(
        "a about according after against all also although an and any are as at be because "
        "been before being but by can could despite did do does during each every for from "
        "had has have he her here his how however i if in into is it its many meanwhile more "
        "most my no not of on one or other our out over said she since so some such than that "
        "the their them then there these they this those though through to under until up "
        "was we were what when where which while who why will with would yet you"
    )
)
_NOT_NAMES = _FUNCTION_WORDS | _CALENDAR | _NUMBER_WORDS.keys() | _CUES.keys() | {"may"}


class _Profile(NamedTuple):
    size: int
    # The words (without "'s"), each between spaces: a name is looked for as " name ".
    # A string, not a set: the profiles of a whole corpus's candidates are held at once,
    # and a set of words cost four times as much memory.
    words: str
    numbers: tuple[str, ...]
    dates: tuple[str, ...]
    names: tuple[str, ...]  # each between spaces, as in ``words``
    negations: int
    # The sorted words without numbers, dates and names: what variants of a claim share.
    masked: str


def _possessive(word: str) -> str:
    return word.removesuffix("'s")


def _names(cleaned: str, words: list[str]) -> str:
    """The names among the ``words`` of the ``_cleaned`` text: capitalised words but the
    function words, calendar and number words, without "'s"; space-separated."""
    # A claim may start with a name ("China has ..."), so the first word counts too unless
    # it is a function word.
    pairs = zip(cleaned.split(), words, strict=True)
    return " ".join({_possessive(w) for t, w in pairs if t[0].isupper() and w not in _NOT_NAMES})


_MAY = re.compile(r"\bMay\b")
_NO_DIGITS = frozenset("0123456789")  # a word that shares none has no figure in it
_A_DIGIT = re.compile(r"[0-9]")


_SPECIAL = _CALENDAR | _NUMBER_WORDS.keys()


def _key_and_names(text: str) -> tuple[str, str, int]:
    """``match_key(text)``, the names ``_profile`` finds in it and how many times it says
    "May", reading the text once."""
    cleaned = _cleaned(text)
    words = _words_of(cleaned)
    # "may" is a verb far more often than a month; only the capitalised form counts.
    mays = len(_MAY.findall(text)) if "May" in text else 0
    return " ".join(sorted(words)), _names(cleaned, words), mays


def _profile(text: str) -> _Profile:
    return _profile_of(*_key_and_names(text))


def _profile_of(key: str, names_of: str, mays: int) -> _Profile:
    """A claim's profile from its match key, names and "May"s (``_key_and_names``): what
    the rules compare does not depend on the order of the words, so the text is not read
    again."""
    words = key.split()
    numbers: list[str] = []
    dates: list[str] = []
    rest: list[str] = []
    names = set(names_of.split())
    # Most claims hold no figure, possessive or "n't": one search of their words each
    # spares testing every word (this runs for every claim of a candidate pair).
    joined = key
    figures = _A_DIGIT.search(joined) is not None
    for word in words:
        if word in _SPECIAL:
            if word in _CALENDAR:
                dates.append(word)
            else:
                numbers.append(_NUMBER_WORDS[word] or word)
            continue
        if figures and not _NO_DIGITS.isdisjoint(word):
            if _YEAR.fullmatch(word):
                dates.append(word)
                continue
            if _DIGITS.fullmatch(word):
                numbers.append(word)
                continue
        if not names or (word not in names and _possessive(word) not in names):
            rest.append(word)
    dates += ["may"] * mays
    if mays:
        rest = [word for word in rest if word != "may"] + ["may"] * (rest.count("may") - mays)
    if "'s" in joined:
        joined = " ".join([w[:-2] if w.endswith("'s") else w for w in words])
    negations = sum(map(_NEGATIONS.__contains__, words))
    if "n't" in joined:  # no word of _NEGATIONS ends so: none is counted twice
        negations += sum(word.endswith("n't") for word in words)
    return _Profile(
        size=len(words),
        words=f" {joined} ",
        numbers=tuple(sorted(numbers)),
        dates=tuple(sorted(dates)),
        names=tuple(f" {name} " for name in names),
        negations=negations,
        masked=" ".join(sorted(rest)),
    )


_REASONS = ("short claim", "numbers differ", "dates differ", "names differ", "negation differs")
# The reason for each set of differences, joined once: candidate pairs among the variants
# of a claim are many, and share a few sets.
_REASON_OF: dict[tuple[bool, ...], str] = {}


def _judge(pa: _Profile, pb: _Profile, min_words: int, upper: float) -> tuple[str | None, bool]:
    """Why a pair of claims must not be joined automatically, if it must not; and whether
    they are variants, differing only in numbers, dates or names: the rest of their words
    score at least ``upper``, and nothing else (a negation, a short claim) sets them apart."""
    short = min(pa.size, pb.size) < min_words
    negation = pa.negations != pb.negations
    # A name only counts as different when the other claim lacks the word in any casing,
    # so recasing a claim does not demote it.
    names = any(n not in pb.words for n in pa.names) or any(n not in pa.words for n in pb.names)
    found = (short, pa.numbers != pb.numbers, pa.dates != pb.dates, names, negation)
    if not any(found):
        return None, False
    reason = _REASON_OF.get(found)
    if reason is None:
        reason = _REASON_OF[found] = "; ".join(
            r for r, on in zip(_REASONS, found, strict=True) if on
        )
    if short or negation:
        return reason, False
    return reason, fuzz.ratio(pa.masked, pb.masked, score_cutoff=upper) >= upper


def match_verdict(a: str, b: str, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Match | None:
    """The rules on one pair of claim texts (ids 0 and 1), without the candidate search.

    What comparing every claim with every other would give, pair by pair; ``ClaimIndex``
    applies the same rules to the pairs its candidate search finds. Copies that dropped a
    clause are left out.
    """
    score = similarity(a, b)
    pa, pb = _profile(a), _profile(b)
    reason, variant = _judge(pa, pb, thresholds.min_words, thresholds.upper)
    if score < thresholds.lower and not variant:
        return None
    automatic = score >= thresholds.upper and reason is None
    if not variant and score < thresholds.upper:
        reason = None
    return Match(0, 1, float(score), automatic, reason, variant)


# --- candidates: MinHash LSH -------------------------------------------------------------

# 25 bands of 5 rows: a pair with word-set Jaccard similarity j becomes a candidate with
# probability 1 - (1 - j**5)**25 (0.87 at j=0.6, 0.99 at j=0.7). Fewer rows per band let
# claims that merely share common words collide in huge groups.
_BANDS = 25
BANDS = _BANDS  # what a stored signature holds (claimcheck.core.band_runs reads it)
_ROWS = 5
# Each claim is compared with at most this many claims of each of its LSH buckets, the
# earliest: a claim that recurs k times as variants costs O(k) comparisons, not O(k^2).
_BUCKET_CAP = 48
# Variants differ in whole words (a name for another), so they may score well under
# ``lower``: candidates scoring down to this much less are checked for being variants.
_VARIANT_MARGIN = 20
_CHUNK = 512  # claims hashed at once: the (hashes x words) temporary stays in cache
_VERIFY_CHUNK = 1 << 20  # candidate pairs scored at once; bounds the string lists
_FETCH_CHUNK = 50_000  # texts fetched at once, and read before the next are fetched
_rng = np.random.default_rng(0xC1A1)
_MUL = _rng.integers(0, 2**64, _BANDS * _ROWS, dtype=np.uint64, endpoint=False) | np.uint64(1)
_ADD = _rng.integers(0, 2**64, _BANDS * _ROWS, dtype=np.uint64, endpoint=False)
_ROW_MUL = _rng.integers(0, 2**64, _ROWS, dtype=np.uint64, endpoint=False) | np.uint64(1)


class _Segment(NamedTuple):
    """Band hashes of a set of claims, each band row sorted, with the claims' positions."""

    keys: U64  # (bands, n)
    pos: I32  # (bands, n)

    @staticmethod
    def build(keys: U64, pos: I32) -> _Segment:
        """Sort each band row of ``keys`` (bands, n) in place, carrying ``pos`` (n or
        bands, n) along: ``keys`` becomes the segment's."""
        pos = np.broadcast_to(pos, keys.shape)
        sorted_pos = np.empty(keys.shape, dtype=np.int32)
        # Row by row, so the sort's temporaries stay one row in size.
        for band in range(keys.shape[0]):
            order = np.argsort(keys[band], kind="stable")
            keys[band], sorted_pos[band] = keys[band][order], pos[band][order]
        return _Segment(keys, sorted_pos)

    def merge(self, other: _Segment) -> _Segment:
        keys = np.concatenate([self.keys, other.keys], axis=1)
        return _Segment.build(keys, np.concatenate([self.pos, other.pos], axis=1))

    @property
    def size(self) -> int:
        return int(self.keys.shape[1])


def _pairs_within(keys: U64, pos: I32) -> Iterable[tuple[I32, I32]]:
    """Pairs of positions whose hashes agree in a sorted band row: each claim with the
    earliest ``_BUCKET_CAP`` claims of its bucket (rows are sorted by position within a
    bucket)."""
    if keys.size < 2:
        return
    opens = np.empty(keys.size, dtype=bool)
    opens[0] = True
    np.not_equal(keys[1:], keys[:-1], out=opens[1:])
    starts = np.maximum.accumulate(np.where(opens, np.arange(keys.size), 0))
    idx = np.flatnonzero(~opens)
    offset = idx - starts[idx]
    step = 0
    while idx.size and step < _BUCKET_CAP:
        yield pos[starts[idx] + step], pos[idx]
        keep = offset > step + 1
        idx, offset = idx[keep], offset[keep]
        step += 1


def _pair_codes(pair: tuple[I32, I32]) -> U64:
    """Pairs of positions as single integers, smaller position in the high half."""
    a, b = pair[0].astype(np.uint64), pair[1].astype(np.uint64)
    return (np.minimum(a, b) << np.uint64(32)) | np.maximum(a, b)


def _pairs_across(keys: U64, pos: I32, new_keys: U64, new_pos: I32) -> tuple[I32, I32]:
    """Pairs (old, new) whose hashes agree; ``keys`` is a sorted band row, ``new_keys`` any."""
    left = np.searchsorted(keys, new_keys, "left")
    counts = np.minimum(np.searchsorted(keys, new_keys, "right") - left, _BUCKET_CAP)
    total = int(counts.sum())
    starts = np.repeat(left - (np.cumsum(counts) - counts), counts)
    return pos[starts + np.arange(total)], np.repeat(new_pos, counts)


# Words in more than 5% of the claims say as little about copies as function words do,
# and make MinHash pair up unrelated claims by the thousand: a topic's name in a
# single-topic corpus, or another language's function words. They are counted once the
# index holds _COMMON_FROM claims.
_COMMON_SHARE = 0.05
_COMMON_FROM = 1000


def _common_words(claims: Sequence[int], words: Callable[[int], list[str]]) -> frozenset[str]:
    """The words MinHash sees (``words`` of a claim, each once) in more than
    ``_COMMON_SHARE`` of the ``claims``, counted on an evenly spaced sample of at most
    20,000 of them."""
    step = -(-len(claims) // 20_000)
    sample = [words(claim) for claim in claims[::step]]
    sample = [found for found in sample if found]
    counts = Counter(itertools.chain.from_iterable(sample))
    return frozenset(w for w, n in counts.items() if n > _COMMON_SHARE * len(sample))


def _without(words: list[str], common: frozenset[str]) -> list[str]:
    rest = [word for word in words if word not in common]
    return rest if len(rest) >= 4 else words


def _unique(codes: U64) -> U64:
    """``np.unique`` by sorting: numpy's hash-based unique took 12 s on 15M codes, this 0.14."""
    codes = np.sort(codes)
    keep = np.empty(codes.size, dtype=bool)
    keep[:1] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    return codes[keep]


def _lsh_words(key: str) -> set[str]:
    """The words MinHash sees: content words cut to 6 letters, so a typo or inflection at a
    word's end does not make it a different word. Figures are left out where other words
    remain: variants of one claim differ in them, and must still meet as candidates."""
    return _lsh_of_words(set(key.split()), key)


def _lsh_of_words(words: set[str], key: str) -> set[str]:
    """``_lsh_words`` of the match key ``key``, whose words are ``words``."""
    content = words - _FUNCTION_WORDS
    # Most keys hold no figure: one search of the key spares looking at every word.
    if content and _A_DIGIT.search(key) is not None:
        content = {w for w in content if _NO_DIGITS.isdisjoint(w)} or content
    # Claims made only of function words or figures keep them, or they could never match.
    return {word[:6] for word in content or words}


Signature = tuple[int, bytes | None]
"""What matching needs of a stored claim: its copy key and, for the first claim with that
key, its band hashes (``ClaimIndex.signatures``)."""

_EMPTY = 0  # the copy key of a claim without words: it never matches anything


class Signatures(NamedTuple):
    """The stored signatures of a batch of claims as arrays, an entry a claim: a corpus's
    are read without a Python object a claim (a million of those took a gigabyte)."""

    copy: I64  # the copy key, -1 where the claim has no signature
    bands: U64  # (bands, claims): the band hashes, of the claims ``banded``
    banded: npt.NDArray[np.bool_]

    @staticmethod
    def of(signatures: Sequence[Signature | None]) -> Signatures:
        """The arrays of ``signatures`` (None for a claim without one)."""
        copy = np.array([-1 if s is None else s[0] for s in signatures], dtype=np.int64)
        held = [s[1] if s is not None else None for s in signatures]
        banded = np.array([bands is not None for bands in held], dtype=bool)
        bands = np.zeros((_BANDS, len(held)), dtype=np.uint64)
        joined = b"".join([b for b in held if b is not None])
        if joined:
            bands[:, banded] = np.frombuffer(joined, dtype=np.uint64).reshape(-1, _BANDS).T
        return Signatures(copy, bands, banded)

    @staticmethod
    def read(
        ids: Sequence[int], rows: Iterable[Sequence[tuple[int, int, bytes | None]]]
    ) -> Signatures:
        """The arrays for the claims ``ids`` (ascending) from stored rows (claim id, copy
        key, band hashes), given a chunk at a time; rows of other claims are left out."""
        wanted = np.asarray(ids, dtype=np.int64)
        copy = np.full(wanted.size, -1, dtype=np.int64)
        bands = np.zeros((_BANDS, wanted.size), dtype=np.uint64)
        banded = np.zeros(wanted.size, dtype=bool)
        for chunk in rows if wanted.size else ():
            size = len(chunk)
            claim_ids = np.fromiter((row[0] for row in chunk), np.int64, size)
            at = np.minimum(np.searchsorted(wanted, claim_ids), wanted.size - 1)
            ours = wanted[at] == claim_ids
            copy[at[ours]] = np.fromiter((row[1] for row in chunk), np.int64, size)[ours]
            held = [row[2] for row in chunk if row[2] is not None]
            if held:
                found = np.frombuffer(b"".join(held), dtype=np.uint64).reshape(-1, _BANDS)
                has = np.fromiter((row[2] is not None for row in chunk), bool, size)
                take = ours[has]
                bands[:, at[has][take]] = found[take].T
                banded[at[has][take]] = True
        return Signatures(copy, bands, banded)


def copy_key(text: str) -> int:
    """A 63-bit hash of what the rules see in ``text``: its sorted words and which of them
    are capitalised (the names, and "May" the month). Claims with equal copy keys score 100
    against each other and alike against any third claim, so only the first of them needs
    comparing."""
    return _key_and_copy(text)[1]


class ClaimKeys(NamedTuple):
    """What matching reads of a claim's text, none of it depending on the corpus: its
    match key, its copy key and the words MinHash sees (space-separated). Computed where
    the text is at hand (the process that prepares its document), they spare the matching
    step reading every text again."""

    key: str
    copy: int
    lsh: str


# The keys are immutable, so the claims sharing a text share them.
@per_text
def claim_keys(text: str) -> ClaimKeys:
    """``match_key``, ``copy_key`` and the MinHash words of ``text``."""
    words: list[str] = []
    key, copy = _key_and_copy(text, words)
    return ClaimKeys(key, copy, " ".join(_lsh_of_words(set(words), key)))


def _key_and_copy(text: str, words: list[str] | None = None) -> tuple[str, int]:
    """``match_key(text)`` and ``copy_key(text)``, reading the text once; ``words`` (if
    given) receives the key's words."""
    cleaned = _cleaned(text)
    found = _words_of(cleaned)
    if words is not None:
        words += found
    if not found:
        return "", _EMPTY
    key = " ".join(sorted(found))
    # The capitalised words decide the names and the "May"s, so equal keys and equal
    # capitalised words make claims alike to every rule.
    capitals = " ".join(sorted([t.casefold() for t in cleaned.split() if t[0].isupper()]))
    seen = f"{key}\x00{capitals}".encode()
    return key, int.from_bytes(hashlib.blake2b(seen, digest_size=8).digest(), "little") >> 1 or 1


def _linking(
    first: Sequence[int], second: Sequence[int], rejected: Container[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pairs joining the claims as all the pairs of a claim of ``first`` with a claim of
    ``second`` (two distinct claims of one list, when both are the same) but the
    ``rejected`` ones join them: a spanning forest. Each claim is reached once, and a
    search looks at a claim again only for a rejected pair, so few rejections cost little
    however many copies there are."""
    sides = (set(first), set(second))
    waiting = (set(first), set(second))
    pairs = []
    for root in [*first, *second]:
        if root not in waiting[0] and root not in waiting[1]:
            continue
        waiting[0].discard(root)
        waiting[1].discard(root)
        queue = [root]
        while queue:
            x = queue.pop()
            # A claim of one side pairs with the claims of the other.
            for side in (s for s in (0, 1) if x in sides[1 - s]):
                found = [y for y in waiting[side] if (min(x, y), max(x, y)) not in rejected]
                for y in found:
                    waiting[0].discard(y)
                    waiting[1].discard(y)
                    pairs.append((x, y))
                    queue.append(y)
    return pairs


class ClaimIndex:
    """Incremental near-duplicate index over claims.

    ``add`` matches a batch of new claims against everything already indexed and among
    themselves, and returns only those new pairs. A claim whose copy key (``copy_key``) is
    already indexed is paired with that key's first claim only; the others go through MinHash
    LSH, each compared with at most ``_BUCKET_CAP`` claims of each bucket. Texts can be left
    out (None) when a ``fetch`` function is given, with signatures: they are fetched only for
    the claims to hash, dropped once keyed, and for the candidate pairs, kept for scoring.
    Not thread-safe.
    """

    def __init__(
        self,
        thresholds: Thresholds | None = None,
        *,
        common: Iterable[str] | None = None,
        fetch: Callable[[Sequence[int]], Mapping[int, str]] | None = None,
    ) -> None:
        self.thresholds = thresholds or Thresholds()
        self._ids: list[int] = []
        self._texts: list[str | None] = []
        self._keys: list[str | None] = []
        # The names of the claims whose keys were computed here, for their profiles, and
        # how often the few that say "May" say it.
        self._names: list[str | None] = []
        self._mays: dict[int, int] = {}
        self._lsh: list[str | None] = []  # the MinHash words, from known until hashed
        self._copy_keys: I64 = np.zeros(0, dtype=np.int64)
        # The copy keys indexed, sorted, and the position of each one's first claim.
        self._first_keys: I64 = np.zeros(0, dtype=np.int64)
        self._first_pos: I64 = np.zeros(0, dtype=np.int64)
        self._known: set[int] = set()
        self._segments: list[_Segment] = []
        self._word_hashes: dict[str, int] = {}
        self._common: frozenset[str] | None = None if common is None else frozenset(common)
        self._fetch = fetch
        self._lengths: I64 = np.zeros(0, dtype=np.int64)
        self._fresh: dict[int, bytes] = {}
        self._pending_copies: list[int] = []
        self.rehashed = False

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def common(self) -> frozenset[str] | None:
        """The common words left out of MinHash, once decided."""
        return self._common

    def signatures(self) -> dict[int, Signature]:
        """The signatures of the claims whose band hashes were computed (or recomputed)
        since the last call, and of the copies added since: what a store must save."""
        fresh, self._fresh = self._fresh, {}
        copies, self._pending_copies = self._pending_copies, []
        keys = self._copy_keys
        out: dict[int, Signature] = {self._ids[p]: (int(keys[p]), None) for p in copies}
        return out | {self._ids[p]: (int(keys[p]), bands) for p, bands in fresh.items()}

    def add(
        self,
        ids: Sequence[int],
        texts: Sequence[str | None],
        *,
        match: bool = True,
        signatures: Signatures | None = None,
        keys: Sequence[ClaimKeys | None] | None = None,
    ) -> list[Match]:
        """Index claims ``ids`` with ``texts``; return their matches, sorted by (a, b).

        With ``match=False`` the claims are only indexed, for a corpus whose pairs are
        already known: later batches are matched against them. ``signatures`` (their copy
        key -1 for a claim that has none) spare hashing the claims again, and ``keys``
        (``claim_keys`` of the texts, None where not computed) reading them again.
        Raises ValueError if the lengths differ or an id is repeated or already indexed.
        """
        n = len(ids)
        if (
            len(texts) != n
            or (signatures is not None and signatures.copy.size != n)
            or (keys is not None and len(keys) != n)
        ):
            raise ValueError("ids and texts differ in length")
        fresh = set(ids)
        if len(fresh) != n or not fresh.isdisjoint(self._known):
            raise ValueError("claim ids must be unique and not already indexed")
        start = len(self._ids)
        self._ids += ids
        self._texts += texts
        self._keys += [None] * n
        self._names += [None] * n
        self._lsh += [None] * n
        self._known |= fresh
        signed = np.zeros(n, dtype=bool) if signatures is None else signatures.copy >= 0
        # The copy keys and the keys' lengths (-1 where not known yet) as lists while set
        # one by one: setting an element of a numpy array from Python costs more.
        copies: list[int] = [-1] * n if signatures is None else signatures.copy.tolist()
        lengths = [-1] * n
        for offset, known in enumerate(keys or ()):
            if known is not None:
                p = start + offset
                self._keys[p], self._lsh[p] = known.key, known.lsh
                lengths[offset] = len(known.key)
                if copies[offset] < 0:
                    copies[offset] = known.copy
        for p, text in self._read([start + o for o in range(n) if copies[o] < 0]):
            key, copies[p - start] = _key_and_copy(text)
            self._keys[p] = key
            lengths[p - start] = len(key)
        self._lengths = np.concatenate([self._lengths, np.array(lengths, dtype=np.int64)])
        copy = np.array(copies, dtype=np.int64)
        self._copy_keys = np.concatenate([self._copy_keys, copy])

        # The first claim of each copy key: the one indexed before, or the batch's earliest.
        offsets = np.flatnonzero(copy != _EMPTY)
        found = copy[offsets]
        order = np.argsort(found, kind="stable")
        opens = np.ones(order.size, dtype=bool)
        np.not_equal(found[order][1:], found[order][:-1], out=opens[1:])
        first_of = np.empty(order.size, dtype=np.int64)
        first_of[order] = (start + offsets[order][opens])[np.cumsum(opens) - 1]
        if self._first_keys.size:
            at = np.minimum(np.searchsorted(self._first_keys, found), self._first_keys.size - 1)
            before = self._first_keys[at] == found
            first_of[before] = self._first_pos[at[before]]
        positions = start + offsets
        leading = first_of == positions
        keys_ = np.concatenate([self._first_keys, found[leading]])
        order = np.argsort(keys_, kind="stable")
        self._first_keys = keys_[order]
        self._first_pos = np.concatenate([self._first_pos, positions[leading]])[order]
        is_copy = ~leading
        self._pending_copies += positions[is_copy & ~signed[offsets]].tolist()

        matches: list[Match] = []
        # Copies have the same words, so whether they are short is known by copy key.
        short_of: dict[int, bool] = {}
        ids_, min_words = self._ids, self.thresholds.min_words
        copied = positions[is_copy].tolist(), first_of[is_copy].tolist(), found[is_copy].tolist()
        if match:
            self._ready(first_of[is_copy])
        for p, first, key in zip(*copied, strict=True) if match else ():
            a, b = (ids_[first], ids_[p]) if ids_[first] < ids_[p] else (ids_[p], ids_[first])
            short = short_of.get(key)
            if short is None:
                # The first claim's key: equal, and scoring may need it anyway.
                short = short_of[key] = len(self._key(first).split()) < min_words
            reason = "short claim" if short else None
            matches.append(Match(a, b, 100.0, not short, reason))
        pos = positions[leading].astype(np.int32)
        if self._common is None and len(self._ids) >= _COMMON_FROM:
            # Decided once, so every claim is hashed alike: the few claims indexed before
            # are hashed again, and no stored band hashes are used.
            self._common = _common_words(
                np.flatnonzero(self._copy_keys != _EMPTY).tolist(), self._lsh_of
            )
            earlier = np.sort(self._first_pos[self._first_pos < start]).astype(np.int32)
            self._segments = []
            if earlier.size:
                self._segments = [_Segment.build(self._band_keys(earlier), earlier)]
                self.rehashed = True
            signatures = None
        if not pos.size:
            matches.sort(key=lambda m: (m.a, m.b))
            return matches
        segment = _Segment.build(self._bands_of(pos, signatures, start), pos)
        codes: list[U64] = [np.zeros(0, dtype=np.uint64)]
        for band in range(_BANDS if match else 0):
            row = segment.keys[band], segment.pos[band]
            codes += map(_pair_codes, _pairs_within(*row))
            for old in self._segments:
                codes.append(_pair_codes(_pairs_across(old.keys[band], old.pos[band], *row)))
        self._segments.append(segment)
        # Merging similar-sized segments keeps their number logarithmic in the index size.
        while len(self._segments) > 1 and self._segments[-2].size <= 2 * self._segments[-1].size:
            last = self._segments.pop()
            self._segments.append(self._segments.pop().merge(last))
        if match:
            matches += self._verify(_unique(np.concatenate(codes)))
        matches.sort(key=lambda m: (m.a, m.b))
        return matches

    def without(
        self, matches: Iterable[Match], rejected: Collection[tuple[int, int]]
    ) -> list[Match]:
        """``matches`` without the ``rejected`` pairs (a, b).

        The index pairs a copy with the first claim of its copy key only, and a match
        between two first claims stands for every copy of one with every copy of the
        other: comparing every claim with every other would find all those pairs. Where a
        rejected pair falls among the copies of a key, each match of that key is replaced
        by the pairs that join its copies as all those pairs but the rejected ones would.
        """
        matches = list(matches)
        if not rejected:
            return matches
        position = {claim_id: p for p, claim_id in enumerate(self._ids)}
        codes = self._copy_keys.tolist()
        broken = {codes[position[c]] for pair in rejected for c in pair if c in position}
        kept = []
        copies: dict[int, list[int]] = defaultdict(list)
        relinked: set[tuple[int, int]] = set()
        for m in matches:
            ka, kb = (codes[position[c]] for c in (m.a, m.b))
            if (m.a, m.b) not in rejected and ka not in broken and kb not in broken:
                kept.append(m)
                continue
            if not copies:
                for claim_id, key in zip(self._ids, codes, strict=True):
                    copies[key].append(claim_id)
            keys = (min(ka, kb), max(ka, kb))
            if keys in relinked:
                continue
            relinked.add(keys)
            for x, y in _linking(copies[keys[0]], copies[keys[1]], rejected):
                kept.append(Match(min(x, y), max(x, y), m.score, m.automatic, m.reason, m.variant))
        kept.sort(key=lambda m: (m.a, m.b))
        return kept

    def _text(self, p: int) -> str:
        text = self._texts[p]
        if text is None:
            self._load([p])
            text = self._texts[p]
            assert text is not None
        return text

    def _load(self, positions: Iterable[int]) -> None:
        """Fetch the texts of ``positions`` that were indexed without them, and keep them."""
        missing = [p for p in positions if self._texts[p] is None]
        found = self._fetched(missing)
        for p in missing:
            self._texts[p] = found[self._ids[p]]

    def _fetched(self, positions: Sequence[int]) -> Mapping[int, str]:
        if not positions:
            return {}
        if self._fetch is None:
            raise ValueError("a claim was indexed without its text and nothing can fetch it")
        return self._fetch([self._ids[p] for p in positions])

    def _read(self, positions: Sequence[int]) -> Iterator[tuple[int, str]]:
        """(position, text) for ``positions``, the texts not held fetched a chunk at a time
        and not kept: what is read of them is kept instead, a fraction of their size."""
        for begin in range(0, len(positions), _FETCH_CHUNK):
            part = positions[begin : begin + _FETCH_CHUNK]
            found = self._fetched([p for p in part if self._texts[p] is None])
            for p in part:
                text = self._texts[p]
                yield p, found[self._ids[p]] if text is None else text

    def _keyed(self, p: int, text: str) -> str:
        """Compute and keep the key, names and "May"s of the claim at ``p``."""
        key, self._names[p], mays = _key_and_names(text)
        if mays:
            self._mays[p] = mays
        self._keys[p] = key
        self._lengths[p] = len(key)
        return key

    def _key(self, p: int) -> str:
        key = self._keys[p]
        return self._keyed(p, self._text(p)) if key is None else key

    def _profile(self, p: int) -> _Profile:
        """The profile of the claim at ``p``, from its key and names where known."""
        key, names = self._keys[p], self._names[p]
        if key is None or names is None:
            return _profile(self._text(p))
        return _profile_of(key, names, self._mays.get(p, 0))

    def _lsh_of(self, p: int) -> list[str]:
        """The words MinHash sees of the claim at ``p``, each once (a list: no set is built
        a claim): kept as text once computed, since deciding the common words and hashing
        the claim both need them."""
        words = self._lsh[p]
        if words is None:
            words = self._lsh[p] = " ".join(_lsh_words(self._key(p)))
        return words.split()

    def _ready(self, positions: npt.NDArray[np.integer[Any]]) -> None:
        """Keys, names and lengths for ``positions``, their texts fetched a chunk at a time."""
        # A mask rather than np.unique: its hashing took seconds on millions of positions.
        todo = np.zeros(len(self._ids), dtype=bool)
        todo[positions] = True
        todo &= self._lengths < 0
        for p, text in self._read(np.flatnonzero(todo).tolist()):
            self._keyed(p, text)

    def _bands_of(self, pos: I32, given: Signatures | None, start: int) -> U64:
        """Band hashes of the claims at ``pos`` (of the batch from ``start``): the ``given``
        ones, the others computed."""
        held = np.zeros(pos.size, dtype=bool) if given is None else given.banded[pos - start]
        if held.all():
            assert given is not None
            return given.bands[:, pos - start]
        out = np.empty((_BANDS, pos.size), dtype=np.uint64)
        if given is not None and held.any():
            out[:, held] = given.bands[:, pos[held] - start]
        todo = np.flatnonzero(~held)
        out[:, todo] = self._band_keys(pos[todo])
        return out

    def _band_keys(self, pos: I32) -> U64:
        """The band hashes of the claims at positions ``pos``, computed from their words."""
        out = np.empty((_BANDS, pos.size), dtype=np.uint64)
        hashes = self._word_hashes
        common = self._common or frozenset()
        self._ready(pos[[self._lsh[p] is None for p in pos.tolist()]])
        for start in range(0, pos.size, _CHUNK):
            lists = [self._lsh_of(p) for p in pos[start : start + _CHUNK].tolist()]
            # A claim keeps its common words unless enough others remain: a short claim
            # and its copy may differ in one word, and would rarely be paired on the rest.
            if common:
                lists = [_without(words, common) for words in lists]
            for word in set().union(*lists) - hashes.keys():
                # A stable hash, so candidates do not depend on the order claims arrive in.
                digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
                hashes[word] = int.from_bytes(digest, "little")
            sizes = np.fromiter(map(len, lists), np.int64, len(lists))
            every = itertools.chain.from_iterable(lists)
            words = np.fromiter(map(hashes.__getitem__, every), np.uint64, int(sizes.sum()))
            values = words[None, :] * _MUL[:, None]
            values += _ADD[:, None]
            offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
            signature = np.minimum.reduceat(values, offsets, axis=1)
            rows = signature.reshape(_BANDS, _ROWS, -1) * _ROW_MUL[None, :, None]
            out[:, start : start + len(lists)] = rows.sum(axis=1, dtype=np.uint64)
        # A claim's band hashes together, cut from one buffer: a copy a claim from numpy
        # cost more than hashing it.
        flat, size = out.T.tobytes(), _BANDS * out.itemsize
        for i, p in enumerate(pos.tolist()):
            self._fresh[p] = flat[i * size : (i + 1) * size]
            # Hashed: its words are needed no more, and kept they would cost a string a
            # claim for the index's life (all of them in a whole-corpus dedupe).
            self._lsh[p] = None
        return out

    def _verify(self, codes: U64) -> list[Match]:
        """Score the candidate pairs ``codes`` and turn those scoring ``lower`` (or variants
        of one claim) into matches."""
        # Positions fit 32 bits: the arrays a candidate pair are the largest held here.
        first = (codes >> np.uint64(32)).astype(np.int32)
        second = (codes & np.uint64(0xFFFFFFFF)).astype(np.int32)
        self._ready(np.concatenate([first, second]))
        # What scoring holds (the profiles above all) is let go before the next step.
        matches, matched = self._scored_matches(first, second)
        return matches + self._dropped_clauses(first, second, matched)

    def _scored_matches(self, first: I32, second: I32) -> tuple[list[Match], npt.NDArray[np.bool_]]:
        """The matches of the candidate pairs (``first``, ``second``) by score and rules,
        and which pairs they are."""
        limits = self.thresholds
        # Indel similarity cannot exceed 200 * shorter / (sum of lengths): skip hopeless pairs.
        la, lb = self._lengths[first], self._lengths[second]
        floor = limits.lower - _VARIANT_MARGIN
        possible = 200 * np.minimum(la, lb) >= floor * (la + lb) - 1e-6
        del la, lb
        matched = np.zeros(first.size, dtype=bool)
        candidates = np.flatnonzero(possible)
        scores = self._scores(first, second, candidates, fuzz.ratio, floor)
        hits = np.flatnonzero(scores >= floor)
        pairs = candidates[hits]
        firsts, seconds = first[pairs].tolist(), second[pairs].tolist()
        # Each claim's numbers, dates and names once, its text fetched with the others
        # where its names are not known.
        profiled = sorted(set(firsts) | set(seconds))
        self._load([p for p in profiled if self._names[p] is None])
        profiles = {p: self._profile(p) for p in profiled}
        ids, lower, upper = self._ids, limits.lower, limits.upper
        matches: list[Match] = []
        joined: list[int] = []
        for pair, i, j, score in zip(
            pairs.tolist(), firsts, seconds, scores[hits].tolist(), strict=True
        ):
            reason, variant = _judge(profiles[i], profiles[j], limits.min_words, upper)
            if score < lower and not variant:
                continue
            joined.append(pair)
            if not variant and score < upper:
                reason = None
            a, b = (ids[i], ids[j]) if ids[i] < ids[j] else (ids[j], ids[i])
            matches.append(Match(a, b, score, score >= upper and reason is None, reason, variant))
        matched[joined] = True
        return matches, matched

    def _scored(
        self, first: I32, second: I32, pairs: I64, scorer: Any, cutoff: float
    ) -> Iterator[tuple[int, int, int, float]]:
        """(pair, i, j, score) for the ``pairs`` whose keys score at least ``cutoff``."""
        scores = self._scores(first, second, pairs, scorer, cutoff)
        for k in np.flatnonzero(scores >= cutoff).tolist():
            pair = int(pairs[k])
            yield pair, int(first[pair]), int(second[pair]), float(scores[k])

    def _scores(
        self, first: I32, second: I32, pairs: I64, scorer: Any, cutoff: float
    ) -> npt.NDArray[np.float64]:
        """The scores of the ``pairs`` (0 below ``cutoff``), a chunk at a time."""
        keys = self._keys
        scores = np.zeros(pairs.size)
        for start in range(0, pairs.size, _VERIFY_CHUNK):
            chunk = pairs[start : start + _VERIFY_CHUNK]
            scores[start : start + chunk.size] = process.cpdist(
                [keys[i] for i in first[chunk].tolist()],
                [keys[j] for j in second[chunk].tolist()],
                scorer=scorer,
                score_cutoff=cutoff,
                dtype=np.float64,
                workers=-1,
            )
        return scores

    def _dropped_clauses(
        self, first: I32, second: I32, matched: npt.NDArray[np.bool_]
    ) -> list[Match]:
        """Copies that lost a clause: too short for ``ratio``, but made of the other's words.

        They are only ever suggestions: a shorter claim may say less, or something else.
        """
        limits = self.thresholds
        la, lb = self._lengths[first], self._lengths[second]
        # The shorter keeps a good part of the longer (or any short phrase would do) and has
        # lost a clause's worth (or ratio would have matched it): this skips most pairs.
        short, long = np.minimum(la, lb), np.maximum(la, lb)
        pairs = np.flatnonzero(~matched & (short * 5 >= long * 2) & (short * 20 <= long * 17))
        la, lb, short = la[pairs], lb[pairs], short[pairs]
        del long
        # token_set_ratio >= upper needs the shared words to make up upper / (200 - upper)
        # of the shorter claim (0.82 at 90). They are in the same order in both sorted
        # keys, so they are a common subsequence, whose length ratio gives at a fifth of
        # the cost (score * (la + lb) / 200); the margin covers repeated words and spaces.
        common = self._scores(first, second, pairs, fuzz.ratio, 0) * (la + lb)
        kept = limits.upper / (200 - limits.upper) - 0.07
        pairs = pairs[common >= 200 * kept * short]
        out = []
        for _, i, j, score in self._scored(
            first, second, pairs, fuzz.token_set_ratio, limits.upper
        ):
            if min(len(self._key(i).split()), len(self._key(j).split())) >= limits.min_words:
                a, b = sorted((self._ids[i], self._ids[j]))
                out.append(Match(a, b, score, False, "clause dropped"))
        return out


def find_matches(
    ids: Sequence[int], texts: Sequence[str], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[Match]:
    """All matching pairs among one collection of claims (see ``ClaimIndex.add``)."""
    return ClaimIndex(thresholds).add(ids, texts)


def differences(text: str, reference: str) -> str:
    """What ``text`` says where it differs from ``reference``, each change with the word
    before it: "killed 328" for "... killed 328 people" against "... killed 107 people".
    Words only ``reference`` has are given as "no X"; "" when the normalised words agree."""
    mine, theirs = normalise(text).split(), normalise(reference).split()
    parts = []
    matcher = difflib.SequenceMatcher(a=theirs, b=mine, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            parts.append(" ".join(mine[max(j1 - 1, 0) : j2]))
        elif tag == "delete":
            parts.append("no " + " ".join(theirs[i1:i2]))
    return "; ".join(parts)
