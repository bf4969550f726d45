"""Sentence segmentation for news text.

``segment(text)`` returns ``(start, end)`` offsets, in order and non-overlapping, so that
``text[start:end]`` is one sentence with no surrounding whitespace. Every non-blank character
of ``text`` falls inside exactly one span.

Lines
-----
A blank line (empty or whitespace only) always ends a unit. A run of non-blank lines (a
block) is then treated in one of two ways:

* **One line per paragraph** (our corpus files, scraped articles): if any line of the block
  is longer than ``WRAP_MAX`` (100) characters, not counting one long token such as a URL,
  or the longest line is shorter than ``WRAP_MIN`` (50), every line is its own unit. This
  keeps headlines, datelines, captions, list items and category bars apart even when they
  carry no full stop.
* **Hard-wrapped** (Markdown or plain text wrapped at about 70-80 columns): otherwise a single
  newline is ordinary whitespace inside a sentence, except that it still ends a unit when
  the next line starts with a list, heading, quote or table marker (``-``, ``*``, ``+``,
  ``•``, ``#``, ``>``, ``|``, ``1.``, ``a)``), when the line is a ``#`` heading or looks
  like a title (no closing punctuation, at least two capitalised words and no lower-case
  word of four letters or more), or when the first
  word of the next line would have fitted on the line (a greedy wrapper would not have
  broken there, so the writer ended the line on purpose).

``\\r\\n`` and lone ``\\r`` count as line breaks.

Sentences
---------
Within a unit, a sentence ends after ``.``, ``?``, ``!`` or an ellipsis, plus any closing
quotes or brackets, when whitespace and then an upper-case letter or an opening quote
follow (this applies inside quotations too), except:

* after titles that precede a name (Mr., Dr., Gen., St., ...) and words that rarely end a
  sentence (vs., e.g., Jan., ...);
* after dotted abbreviations (U.S., E.U.) and single-letter initials, unless the next word
  is a common sentence opener ("The", "How", ...) or, after a dotted abbreviation, a label
  with a colon ("Image:"); "I." ends a sentence after a lower-case
  word;
* after "a.m."/"p.m." when a day, month or time zone follows, or when the text so far is a
  bare time phrase ("At 5 a.m.");
* after a list marker alone ("1.", "a.)");
* after a quotation ending in ``?``/``!`` followed by a capitalised name and a speech verb
  (``"Why?" Smith asked.``), or ending in ``.`` followed by a name, a speech verb and
  nothing more;
* after a free-standing three-dot ellipsis (``is . . . I``, ``is ... I``), which marks an
  omission; a word's own full stop before a spaced ellipsis ends the sentence, and the
  ellipsis opens the next one.

Digits glued to a sentence end (``conference.3639 Next``) are scraping junk and become a
unit of their own. A unit that opens with a list marker ("1.", "a)") is also split before
each following marker in sequence, and before any bullet character.

Known limits: a dotted abbreviation before a capitalised word that is not a common opener
stays joined ("in the U.S. Officials said"), and "Inc."/"Co." before a capitalised word
always split ("Acme Inc. Chief Executive"), as the Golden Rules require for "Co.".
"""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["segment"]

WRAP_MAX = 100
WRAP_MIN = 50

_OPENERS = "\"'\u201c\u2018\u00ab\u201e"
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_QUOTES = "\"'\u201d\u2019\u00bb"
_BULLETS = "\u2022\u2043\u25aa\u25e6\u2023"

# Runs of non-blank lines; a line break is \r\n, \r or \n.
_BLOCK = re.compile(r"\S[^\r\n]*(?:(?:\r\n?|\n)[^\S\r\n]*\S[^\r\n]*)*")
_LINE = re.compile(r"[^\r\n]+")
_LINE_MARKER = re.compile(rf"\s*(?:[-*+{_BULLETS}#>|]|\d{{1,3}}[.)]|[A-Za-z][.)])(?:\s|$)")

# A token, then a sentence-ending run (dots may be spaced), closers, glued digits, space.
# The token is matched lazily from a whitespace boundary so that the abbreviation checks
# see the whole word before the final run ("U.S", "Jane.Doe@example.com").
_CAND = re.compile(
    rf"(?<!\S)(?P<tok>\S*?)(?P<run>[.?!…]+(?: \.)*)(?P<close>[{re.escape(_CLOSERS)}]*)"
    r"(?P<junk>\d+)?(?:\s+|$)"
)
_NEXT_WORD = re.compile(rf"[{_OPENERS}(]*([A-Za-z]+)")
_MARKER_ONLY = re.compile(rf"[{_BULLETS}*-]?\s*(?:\d{{1,3}}|[A-Za-z])[.)]{{1,2}}")
_LIST_HEAD = re.compile(r"(\d{1,2}|[a-z])(\.\)|\)|\.)\s")
_LIST_ITEM = re.compile(r"(?<=\s)(\d{1,2}|[a-z])(\.\)|\)|\.)(?=\s)")
_BULLET = re.compile(rf"(?<=\s)[{_BULLETS}]")
_MULTI = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_BARE_TIME = re.compile(r"(?:[A-Za-z]+\s+){0,2}\d{1,2}(?:[:.]\d{2})?\s*[AaPp]\.[Mm]\.")

_VERBS = (
    "said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|replies|explained|"
    "continued|stated|noted|insisted|declared|exclaimed|shouted|yelled|argued|claimed|"
    "tweeted|posted|warned|recalled|remarked|responded|countered|concluded|announced|"
    "cried|whispered|joked|quipped|admitted|acknowledged|wondered|demanded|pleaded"
)
_SPEAKER = (
    r"(?:(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'\u2019-]*),?\s+){1,4}(?:[a-z]+ly\s+|also\s+|later\s+)?"
)
# After ?/! a quote is a complete utterance, so any speech-verb clause continues it; after
# "." the writer meant a comma only when the attribution is all that follows.
_SPEECH_ANY = re.compile(rf"{_SPEAKER}(?:{_VERBS})\b")
_SPEECH_TAIL = re.compile(rf"{_SPEAKER}(?:{_VERBS})\s*(?:[.,;]|$)")


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_PREPOSITIVE = _words(
    "mr mrs ms messrs mmes dr prof gen lt col maj capt cmdr cdr sgt cpl pvt adm brig gov "
    "sen sens rep reps rev hon st mt ft pres supt insp det fr atty lieut amb"
)
_NONTERMINAL = _words(
    "vs v e.g i.e a.k.a cf viz approx fig figs vol pp jan feb mar apr jun jul aug sep sept "
    "oct nov dec"
)
_STARTERS = _words(
    "A An The This That These Those There Their Here He She It Its I We You They Our My His "
    "Her But And Or So Yet However Meanwhile Still Also Then Thus Therefore In On At For From "
    "With By As After Before When While Where What Why How Who Which If Although Though "
    "Since Because Many Most Some Several Such Each Every All No Not"
)
_TIME_NEXT = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri "
    "Sat Sun January February March April May June July August September October November "
    "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Eastern Central Mountain "
    "Pacific Atlantic ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT UTC BST CET CEST"
)


def segment(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences, as trimmed ``(start, end)`` offsets."""
    out: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        lo, hi = block.span()
        if "\n" in block.group() or "\r" in block.group():
            for a, b in _units(text, lo, hi):
                _split(text, a, b, out)
        else:
            _split(text, lo, hi, out)
    return out


def _units(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The units of a multi-line block, following the line rule in the module docstring."""
    lines = [(m.start(), m.start() + len(m.group().rstrip())) for m in _LINE.finditer(text, lo, hi)]
    widths = [b - a for a, b in lines]
    for (a, b), w in zip(lines, widths, strict=True):
        if w > WRAP_MAX and w - max(map(len, text[a:b].split())) > WRAP_MAX:
            return lines
    width = max((w for w in widths if w <= WRAP_MAX), default=0)
    if width < WRAP_MIN:
        return lines
    units = []
    start = lines[0][0]
    for (a, b), (c, d) in pairwise(lines):
        line, nxt = text[a:b], text[c:d]
        if (
            _LINE_MARKER.match(nxt)
            or line.lstrip().startswith("#")
            or _is_title(line)
            or len(line) + 1 + len(nxt.split(None, 1)[0]) <= width
        ):
            units.append((start, b))
            start = c
    units.append((start, lines[-1][1]))
    return units


def _is_title(line: str) -> bool:
    if line[-1] in ".?!,;:-\u2013\u2014" + _CLOSERS:
        return False
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _split(text: str, lo: int, hi: int, out: list[tuple[int, int]]) -> None:
    """Append the sentences of text[lo:hi] (one unit) to ``out``."""
    seg = text[lo:hi]
    lo += len(seg) - len(seg.lstrip())
    hi = lo + len(seg.strip())
    forced = _list_cuts(text, lo, hi)
    start = lo
    for m in _CAND.finditer(text, lo, hi):
        while forced and forced[0] <= m.start("run"):
            start = _cut(text, start, forced.pop(0), out)
        k = m.end()
        if m.group("junk"):
            if _junk_ok(text, m, k, hi):
                out.append((start, m.end("close")))
                out.append((m.start("junk"), m.end("junk")))
                start = k
            continue
        if k >= hi:
            continue
        end = _decide(text, m, start, k, hi)
        if end < 0:
            continue
        out.append((start, end))
        # The ellipsis case cuts inside the run; otherwise k is already past the space.
        start = k if end == m.end("close") else end + 1
    for pos in forced:
        start = _cut(text, start, pos, out)
    if start < hi:
        out.append((start, hi))


def _cut(text: str, start: int, pos: int, out: list[tuple[int, int]]) -> int:
    end = start + len(text[start:pos].rstrip())
    if end > start:
        out.append((start, end))
    return pos


def _list_cuts(text: str, lo: int, hi: int) -> list[int]:
    """Sentence starts forced by bullets and by an in-line numbered or lettered list."""
    cuts = [m.start() for m in _BULLET.finditer(text, lo + 1, hi)]
    head = _LIST_HEAD.match(text, lo, hi)
    if head:
        label, punct = head.groups()
        for item in _LIST_ITEM.finditer(text, head.end(), hi):
            following = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
            if item.groups() == (following, punct):
                cuts.append(item.start())
                label = following
        cuts.sort()
    return cuts


def _junk_ok(text: str, m: re.Match[str], k: int, hi: int) -> bool:
    """Digits glued after a word's final stop, before a new sentence or the end of line."""
    tok = m.group("tok")
    if len(m.group("run")) != 1 or not tok[-2:].isalpha() or not tok[-2:].islower():
        return False
    low = tok.lstrip(_OPENERS).lower()
    if low in _PREPOSITIVE or low in _NONTERMINAL:
        return False
    return k >= hi or text[k].isupper() or text[k] in _OPENERS


def _decide(text: str, m: re.Match[str], start: int, k: int, hi: int) -> int:
    """Where the sentence ending at candidate ``m`` ends, or -1 for no boundary."""
    nxt = text[k]
    quote_next = nxt in _OPENERS
    if not (quote_next or nxt.isupper()):
        return -1
    end = m.end("close")
    if end - start <= 6 and _MARKER_ONLY.fullmatch(text, start, end):
        return -1
    run, close = m.group("run"), m.group("close")
    if close and any(c in _QUOTES for c in close):
        speech = _SPEECH_ANY if "?" in run or "!" in run else _SPEECH_TAIL
        if speech.match(text, k, hi):
            return -1
    core = m.group("tok").lstrip(_OPENERS)
    if " " in run:
        if core:
            return m.start("run") + 1
        return end if run.count(".") >= 4 else -1
    if "?" in run or "!" in run:
        return end
    if run != ".":
        # "that.... She" ends a sentence; a free-standing "..." is an omission mark.
        return end if core or run == "...." else -1
    if close:
        return end
    low = core.lower()
    if low in _PREPOSITIVE or low in _NONTERMINAL:
        return -1
    if quote_next:
        return end
    if "." not in core and len(core) != 1:
        return end  # an ordinary word's full stop: what follows need not be read
    word = _NEXT_WORD.match(text, k, hi)
    after = word.group(1) if word else ""
    if low.lstrip("0123456789") in ("a.m", "p.m"):
        if after in _TIME_NEXT or _BARE_TIME.fullmatch(text, start, end):
            return -1
        return end
    if _MULTI.fullmatch(core):
        # A word with a colon after it is a label that opens a unit: "D.C. Image: Navy."
        label = word is not None and text.startswith(":", word.end())
        return end if core[0].isupper() and (after in _STARTERS or label) else -1
    if len(core) == 1 and core.isupper():
        if after in _STARTERS:
            return end
        if core == "I":
            before = text[max(start, m.start() - 40) : m.start()].split()
            return end if before and not before[-1][0].isupper() else -1
        return -1
    return end
