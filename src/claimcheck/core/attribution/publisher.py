"""The document's own publisher, which is never one of its sources (guideline 11): "told
GroundUp" in a GroundUp article records only the speaker, "Wikinews has learned" nothing,
while a third outlet told stays the via source.
"""

from __future__ import annotations

import re

from claimcheck.core.registry import Source, normalise

# Words before a second name in a publisher's line: "GroundUp (as republished by News24)",
# "ProPublica (co-published with WTTW News)", "KFF Health News (with Healthbeat)".
# "reuters.com", "nj.com": a site's name, whatever its case.
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)

# What makes the rest of a station's name a name of its own: a number or a media word; not
# the city of "NBC New York".
_STATION = re.compile(r"\s(?:\d+|News|Channel|TV|Radio)\b")
_JOINING = re.compile(r"^(?:(?:as\s+)?(?:co-?)?(?:re)?published\s+(?:by|with)|with|via|and)\s+")


def own_names(publisher: str | None) -> frozenset[str]:
    """The lookup keys of the names a publisher's line gives it: "Inter Press Service (IPS)"
    is both; "SAnews.gov.za" is SAnews too."""
    if not publisher:
        return frozenset()
    keys: set[str] = set()
    # A list in the front matter ("publisher: [Reuters, AP]") arrives joined by commas.
    for part in re.split(r"[(),]", publisher):
        name = _JOINING.sub("", part.strip())
        if not any(c.isupper() for c in name) and _DOMAIN.fullmatch(name) is None:
            continue  # "eNCA", "iNews" are names; a lower-case remnant is none
        keys.add(normalise(name))
        words = name.split()
        if len(words) > 2 and words[0].isupper() and _STATION.search(name):
            keys.add(normalise(" ".join(words[1:])))  # "KVOA News 4 Tucson": "News 4 Tucson"
        if "." in name and " " not in name:
            keys.add(normalise(name.split(".")[0]))  # a domain: the site's name
    keys.discard("")
    return frozenset(keys)


def is_own(own: frozenset[str], source: Source) -> bool:
    """Whether a known source is the document's publisher by another of its names: "the
    BBC" in an article of "BBC News"."""
    return not own.isdisjoint(map(normalise, (source.name, *source.aliases)))
