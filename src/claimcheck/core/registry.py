"""The source registry as plain data: canonical sources, their kinds and aliases.

The services layer builds a ``Registry`` from the database and passes it to the attribution
engine; ``Registry.default()`` is the built-in list of major agencies, newspapers,
broadcasters and international bodies. Lookups go exact alias first, then the surface with
generic media words removed ("the official Xinhua news agency" -> "xinhua"), then rapidfuzz
on the remaining key; every answer is cached because the same names recur across a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck.core.vocabulary import SOURCE_KINDS

if TYPE_CHECKING:
    from claimcheck.core.analysis import SentenceAnalysis

__all__ = [
    "DEFAULT_SOURCES",
    "KINDS",
    "MEDIA_KINDS",
    "Registry",
    "Source",
    "normalise",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


KINDS = SOURCE_KINDS
MEDIA_KINDS = frozenset({"news_agency", "newspaper", "broadcaster"})


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    # For a website statement, press release or document: the organisation it belongs to.
    owner: str | None = None
    builtin: bool = False


_PUNCT = re.compile(r"[^\w&' ]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalise(surface: str) -> str:
    """The lookup key of a name: case, dots, quotes, hyphens and a leading "the" folded."""
    key = surface.lower().replace("\u2019", "'").replace(".", "")
    key = _SPACES.sub(" ", _PUNCT.sub(" ", key)).strip(" '")
    if key.endswith("'s"):
        key = key[:-2]
    if key.startswith("the "):
        key = key[4:]
    return key


# Words that describe a source rather than name it: removing them still names it.
_GENERIC = _words(
    """a an the of official officials state run owned controlled backed government news
    agency agencies newspaper daily weekly broadcaster broadcasting network channel tv
    television radio wire service website site online outlet media magazine paper tabloid
    public national international english language edition"""
)


# Outlets whose name without its article is an everyday adjective: "Independent analysts"
# and "Hindu groups" name no newspaper.
ADJECTIVE_TITLES = frozenset(("independent", "australian", "hindu", "national", "local"))


def _strip_generic(key: str) -> str:
    if "'s " in key:
        key = key.rsplit("'s ", 1)[1]
    return " ".join(w for w in key.split() if w not in _GENERIC)


def _entries(kind: str, rows: str) -> list[Source]:
    out = []
    for line in rows.strip().splitlines():
        name, *aliases = (part.strip() for part in line.split("|"))
        out.append(Source(name, kind, tuple(aliases), builtin=True))
    return out


DEFAULT_SOURCES: tuple[Source, ...] = tuple(
    _entries(
        "news_agency",
        """
        Xinhua | Xinhua News Agency | the official Xinhua news agency | New China News Agency
        Reuters | Thomson Reuters | Reuters news agency
        AP | Associated Press | The Associated Press
        AFP | Agence France-Presse | Agence France Presse | France-Presse
        Yonhap | Yonhap News Agency
        KCNA | Korean Central News Agency
        Kyodo | Kyodo News
        TASS | ITAR-TASS
        RIA Novosti | RIA
        Interfax
        Bloomberg | Bloomberg News
        The Canadian Press | Canadian Press
        Press Trust of India | PTI
        ANSA
        dpa | Deutsche Presse-Agentur
        EFE | Agencia EFE
        Anadolu Agency | Anadolu
        Bernama
        Antara
        Jiji Press | Jiji
        UPI | United Press International
        AAP | Australian Associated Press
        PA Media | Press Association
        IRNA | Islamic Republic News Agency
        Europa Press
        """,
    )
    + _entries(
        "newspaper",
        """
        South China Morning Post | SCMP
        The New York Times | New York Times | NYT | NY Times
        The Guardian | Guardian
        The Washington Post | Washington Post
        The Wall Street Journal | Wall Street Journal | WSJ
        Financial Times | FT
        The Times | Times of London
        The Daily Telegraph | The Telegraph
        The Independent
        USA Today
        Los Angeles Times | LA Times
        Toronto Star
        The Globe and Mail | Globe and Mail
        National Post
        Edmonton Sun
        Ottawa Citizen
        Le Monde
        Der Spiegel | Spiegel
        The Economist
        Global Times
        China Daily
        People's Daily
        The Hindu
        The Times of India | Times of India
        Haaretz
        The Japan Times | Japan Times
        Asahi Shimbun
        Yomiuri Shimbun
        The Korea Herald | Korea Herald
        Saudi Gazette
        The Sydney Morning Herald | Sydney Morning Herald
        The Australian
        Daily Mail
        The Straits Times | Straits Times
        The Jakarta Post | Jakarta Post
        Bangkok Post
        Gulf News
        Arab News
        Politico
        PC World | PCWorld
        The Information
        The Verge
        Axios
        Business Insider | Insider
        TechCrunch
        Nikkei | Nikkei Asia
        Caixin
        Hindustan Times
        El Pais | El País
        Le Figaro
        Frankfurter Allgemeine Zeitung | FAZ
        Sueddeutsche Zeitung | Süddeutsche Zeitung
        Mainichi Shimbun
        Wired
        Newsweek
        Forbes
        The Atlantic
        """,
    )
    + _entries(
        "broadcaster",
        """
        BBC | BBC News | British Broadcasting Corporation | BBC World Service
        CBC | CBC News | CBC.ca | Canadian Broadcasting Corporation | CBC Radio
        ABC News | ABC | Australian Broadcasting Corporation
        CNN | Cable News Network
        Al Jazeera | Al-Jazeera
        NBC News | NBC
        CBS News | CBS
        Fox News
        NPR | National Public Radio
        Sky News
        CCTV | China Central Television
        CGTN
        RT | Russia Today
        Deutsche Welle | DW
        France 24
        NHK
        KBS
        Euronews
        ITV News | ITV
        CNBC
        MSNBC
        Bloomberg TV
        Channel 4 News
        PBS
        CTV News | CTV
        Global News
        Radio Free Asia | RFA
        Voice of America | VOA
        Radio France Internationale | RFI
        Al Arabiya
        TRT World | TRT
        """,
    )
    + _entries(
        "organization",
        """
        United Nations | UN | U.N.
        World Health Organization | WHO
        NATO | North Atlantic Treaty Organization
        International Monetary Fund | IMF
        World Bank
        Amnesty International | Amnesty
        Human Rights Watch | HRW
        International Committee of the Red Cross | ICRC | Red Cross
        UNHCR | UN refugee agency | United Nations High Commissioner for Refugees
        UNICEF
        Greenpeace
        Doctors Without Borders | MSF | Medecins Sans Frontieres
        World Trade Organization | WTO
        OPEC
        Reporters Without Borders | RSF
        Committee to Protect Journalists | CPJ
        """,
    )
    + _entries(
        "official",
        """
        US State Department | State Department | U.S. State Department | US Department of State
        United States | U.S. | US | USA
        White House
        Downing Street | Number 10 | No 10
        Kremlin
        Pentagon
        European Commission
        European Union | EU
        """,
    )
    + _entries(
        "social_media",
        """
        Twitter
        Facebook
        Weibo
        Reddit
        YouTube
        """,
    )
)


class Registry:
    """Canonical sources and their aliases, with cached exact-then-fuzzy resolution."""

    def __init__(self, sources: Iterable[Source] = (), *, fuzzy_cutoff: float = 90.0) -> None:
        self.fuzzy_cutoff = fuzzy_cutoff
        self._by_name: dict[str, Source] = {}
        self._by_key: dict[str, Source] = {}
        self._cache: dict[str, Source | None] = {}
        # Keys by first letter and length: a fuzzy match at 90 differs little in length, so
        # a lookup reads a few buckets instead of every alias of a large learned registry.
        self._buckets: dict[tuple[str, int], list[str]] = {}
        self.learned: list[Source] = []
        for source in sources:
            self.add(source)

    @classmethod
    def default(cls) -> Registry:
        return cls(DEFAULT_SOURCES)

    def __len__(self) -> int:
        return len(self._by_name)

    def __iter__(self) -> Iterator[Source]:
        return iter(self._by_name.values())

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def get(self, name: str) -> Source | None:
        return self._by_name.get(name)

    def add(self, source: Source) -> Source:
        """Add a source, or merge its aliases into the one of the same name."""
        known = self._by_name.get(source.name)
        if known is not None:
            extra = tuple(a for a in source.aliases if a not in known.aliases)
            source = replace(known, aliases=known.aliases + extra)
        self._by_name[source.name] = source
        for alias in (source.name, *source.aliases):
            key = normalise(alias)
            # An alias already owned by another source keeps pointing there: first one wins.
            if key and self._by_key.get(key, source).name == source.name:
                # Only the curated sources are near-matched: a name learned from the corpus
                # near another learned one ("Kuni Authority", "Kunigu Authority") would
                # otherwise become whichever the corpus happened to name first.
                if key not in self._by_key and source.builtin:
                    self._buckets.setdefault((key[0], len(key)), []).append(key)
                self._by_key[key] = source
        self._cache.clear()
        return source

    def learn(
        self, name: str, kind: str, aliases: Iterable[str] = (), owner: str | None = None
    ) -> Source:
        """Record a source found in the corpus; a known one is returned as it is."""
        # Exact names only: "Pentagon report" is a source of its own, not the Pentagon.
        known = self._by_name.get(name) or self._by_key.get(normalise(name))
        if known is not None:
            return known
        source = self.add(Source(name, kind, tuple(a for a in aliases if a != name), owner))
        self.learned.append(source)
        return source

    def learn_from(self, analyses: Iterable[SentenceAnalysis]) -> list[Source]:
        """Learn every canonical source of these analyses that the registry does not know."""
        new: list[Source] = []
        for analysis in analyses:
            for found in analysis.attributions:
                size = len(self.learned)
                if found.owner is not None:
                    self.learn(found.owner, "organization")
                if found.canonical not in self._by_name:
                    aliases = [m.group(1) for m in _ACRONYM.finditer(found.source_text)]
                    if found.mention is None:
                        aliases.append(found.source_text)
                    self.learn(found.canonical, found.source_kind, aliases, found.owner)
                # The words a text used for a source name it from now on, as the stored
                # registry has them (an alias per surface form): a registry loaded from
                # the database then resolves as this one does, however a corpus is split.
                source = self._by_name.get(found.canonical)
                key = normalise(found.source_text)
                if (found.mention is None and source is not None and key
                        and key not in self._by_key and len(found.source_text) <= 300):  # fmt: skip
                    self.add(replace(source, aliases=(*source.aliases, found.source_text)))
                new.extend(self.learned[size:])
        return new

    def resolve(self, surface: str, *, fuzzy: bool = True) -> Source | None:
        """The source a name stands for: exact alias, then without generic words ("the
        official Xinhua news agency"), then (unless ``fuzzy`` is false) a near alias."""
        if not fuzzy:
            return self._exact(surface)
        try:
            return self._cache[surface]
        except KeyError:
            pass
        found = self._resolve(surface)
        if len(self._cache) > 200_000:
            self._cache.clear()  # bounded: a corpus has endless one-off phrases
        self._cache[surface] = found
        return found

    def _exact(self, surface: str) -> Source | None:
        key = normalise(surface)
        found = self._by_key.get(key)
        if found is None and key:
            found = self._by_key.get(_strip_generic(key))
        return found

    def _resolve(self, surface: str) -> Source | None:
        core = _strip_generic(normalise(surface))
        if core in ADJECTIVE_TITLES and not surface.lower().startswith("the "):
            return None  # "Australian officials" are not The Australian's
        found = self._exact(surface)
        if found is not None or len(core) < 5 or core.count(" ") > 4:
            # Short keys are acronyms: "CBC" and "CNN" are near each other but never the same.
            # Long phrases are descriptions, not names with a typo.
            return found
        size = len(core)
        near = [
            key
            for length in range(int(size * 0.8), int(size / 0.8) + 2)
            for key in self._buckets.get((core[0], length), ())
        ]
        # Loaded here, once a name needs it: the readers of sources (`claimcheck show`)
        # import this module without ever resolving a name fuzzily.
        from rapidfuzz import fuzz, process

        match = process.extractOne(core, near, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
        return None if match is None else self._by_key[match[0]]


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9.&]{1,11})\)")
