"""Benchmark near-duplicate claim detection: wall time, peak memory and recall.

    python bench/dedupe.py [--sizes 10000,100000,1000000] [--exhaustive 10000,50000]

Each size runs in a subprocess of its own, so the peak RSS (``ru_maxrss``) reported for it
is its own. The corpus is generated from a fixed seed: news-like claims built from
templates and Zipf-distributed names, places and organisations, of which about 13% are
copies of another claim with light edits (punctuation, casing, quotes, dashes, cue verb,
swapped or dropped words, a dropped clause, a changed number). "recall" compares the
pairs the index reports (score >= lower) with an exhaustive ``rapidfuzz.process.cdist``
over every pair, with the same scorer and cutoff, for the sizes given to
``--exhaustive``; "copies" is the same recall over the pairs that are copies of one
claim (the rest are different claims that share a sentence frame). "index MiB" is the
RSS the built index and its matches hold (current RSS after building minus before);
"+1000 s" times adding 1000 more claims to the built index.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from claimcheck.core.dedupe import ClaimIndex, Thresholds, clusters, match_key

DUPLICATE_SHARE = 0.13
ADDED = 1000  # claims added to the built index to time an incremental ingest

# --- corpus ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


SYLLABLES = _words(
    "ka ri mo na le to sa vi ra de lo mi su ze ta po ne ba cha rin go ul an el fa jo wen "
    "ha dri ken zu ar ol is ga be ti vor lan mer shi yo nik pal tor"
)
ROLES = _words(
    "minister spokesman spokeswoman president chairman director governor mayor senator "
    "analyst economist professor commander ambassador secretary official researcher judge "
    "prosecutor lawmaker regulator auditor negotiator envoy"
)
ORG_KINDS = (
    "Ministry of Health", "Central Bank", "Army", "Navy", "Electoral Commission",
    "Football Federation", "Energy Agency", "Supreme Court", "Police", "University",
    "Chamber of Commerce", "Red Cross", "Parliament", "Statistics Office", "Stock Exchange",
    "Weather Service", "Airlines", "Teachers Union", "Port Authority", "Water Board",
    "Human Rights Commission", "Mining Company", "Railways",
)  # fmt: skip
OUTLETS = (
    "Reuters", "AFP", "the BBC", "Xinhua", "AP", "state television", "local media",
    "the Guardian",
)  # fmt: skip
NOUNS = _words(
    "economy inflation election budget vaccine hospital school bridge pipeline border "
    "harbour railway festival strike protest treaty tariff reform drought flood earthquake "
    "wildfire outbreak shortage contract merger investigation trial verdict ceasefire "
    "summit satellite reactor factory mine refinery airport highway museum stadium "
    "curriculum pension subsidy loan deficit surplus export import harvest fishery "
    "census referendum coalition scandal audit lawsuit embargo sanctions blackout heatwave "
    "landslide cyclone epidemic recession boom layoffs wages rents mortgage dam canal "
    "tunnel ferry prison court clinic laboratory pharmacy vaccine network telescope "
    "broadband curfew lockdown quarantine parade monument cathedral reservoir forest "
    "glacier coastline fleet convoy aid grant bond currency pandemic famine cholera "
    "insurgency militia hostage kidnapping smuggling corruption bribery fraud espionage "
    "hacking privacy censorship firewall internet website platform algorithm chip "
    "battery mining oil gas coal solar wind hydropower emissions pollution recycling "
    "wheat rice maize coffee cocoa sugar cattle poultry tourism hotel casino lottery "
    "tax levy toll fare visa passport asylum deportation citizenship constitution "
    "amendment ballot turnout campaign rally debate poll inquiry commission tribunal"
)
ADJECTIVES = _words(
    "new large small national regional local foreign public private major recent annual "
    "controversial historic emergency temporary rural urban coastal northern southern "
    "eastern western costly delayed disputed illegal secret official independent joint "
    "military civilian digital nuclear financial medical legal political economic "
    "bilateral fragile landmark sweeping modest unprecedented overdue long-awaited "
    "cross-border state-owned multinational provincial municipal federal"
)
ACTIONS = _words(
    "approved rejected announced cancelled postponed delayed launched suspended expanded "
    "criticised defended investigated completed opened closed funded blocked signed "
    "welcomed condemned reviewed challenged ordered halted backed opposed praised"
)
VERBS = _words(
    "build close expand replace repair fund review cancel delay inspect privatise "
    "relocate modernise ban restrict protect monitor"
)
PEOPLE = _words(
    "people residents workers students patients soldiers migrants farmers teachers "
    "passengers voters protesters doctors children refugees miners nurses fishermen"
)
CUES = ("said", "says", "told reporters", "stated", "announced")
MONTHS = _words(
    "January February March April May June July August September October November December"
)
DAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
# "(a|b|c)" picks one alternative, so fixed wording varies as it does between reporters.
SUBJECTS = (
    "{person}",
    "the {role} of {org}",
    "{org}",
    "(about|some|nearly|more than) {num} {people} (in|from|across) {place}",
    "the {adj} {noun} (in|at|near) {place}",
    "(officials|authorities|lawmakers|investigators) in {place}",
    "the (government|cabinet|opposition|council) (of|in) {place}",
    "{person}, the {role} of {org},",
    "(a|an) {adj} (report|study|survey|audit) by {org}",
    "(police|prosecutors|inspectors|auditors) (investigating|reviewing) the {noun}",
)
PREDICATES = (
    "{action} the {adj} {noun}",
    "{action} (a|the) (plan|proposal|bill|decision) to {verb} the {noun}",
    "(warned|estimated|feared|claimed) that the {noun} (could|would|might) cost {num} "
    "(million|billion) (dollars|euros|pounds|yuan)",
    "(will|plans to|promised to|has agreed to) (spend|invest|allocate) {num} (million|billion) "
    "(dollars|euros|pounds|yuan) (on|in) the {adj} {noun}",
    "{action} the {noun} and the {noun2}",
    "(left|put) {num} {people} (without|out of) {noun}",
    "(recorded|reported|saw) (its|the) (highest|lowest|worst|best) {noun} "
    "(figures|numbers|levels) since {year}",
    "(said|confirmed|found) (that |)the {noun} had (risen|fallen|grown|dropped) by {small} "
    "(percent|per cent)",
    "(met|spoke with|called|visited) {person} to (discuss|review|settle) the {noun}",
    "(asked|urged|ordered|allowed) {org} to {verb} the {adj} {noun}",
    "(was|has been) (accused|suspected|cleared) of (hiding|leaking|selling|ignoring) the "
    "{noun} (from|to) {org}",
    "(denied|admitted|disputed) (reports|claims|allegations) that the {noun} (was|had been) "
    "{action}",
    "(blamed|praised|thanked|sued) {org} (for|over) the {adj} {noun}",
    "(won|lost|secured|missed) {small} (seats|contracts|medals|votes) in the {adj} {noun}",
    "(expects|predicts|forecasts) (that |)the {noun} will (recover|collapse|double|shrink) "
    "by {year}",
    "(sent|delivered|pledged|shipped) {num} tonnes of {noun} to {place}",
    "(closed|reopened|evacuated|inspected) {small} (schools|hospitals|mines|factories|ports) "
    "(in|around|near) {place}",
    "(voted|decided|agreed) (to|not to) {verb} the {noun} (in|at) {place}",
    "(arrested|detained|charged|released) {num} {people} (over|after|during) the {noun}",
    "(has|have) (not yet|already|finally) {action} the {adj} {noun} (in|for) {place}",
)
MODIFIERS = (
    "(in|across|near|outside) {place}",
    "(on|late on|early on) {day}",
    "in {month} {year}",
    "(after|following|ahead of) the {adj} {noun}",
    "(despite|because of|in response to) the {noun}",
    "for the first time (since|in) {year}",
    "amid (concerns|fears|questions|anger) (about|over) the {adj} {noun}",
    "with (support|funding|help) from {org}",
    "(near|next to|outside) the {noun} in {place}",
    "(before|after|until) the {noun} in {month}",
    "(at a cost of|worth|valued at) {num} (million|billion) (dollars|euros)",
    "(under|according to|against) the {adj} {noun} (law|rules|agreement|deal)",
)
FRAMES = (
    "{clause}.",
    "{clause}, {person} {cue}.",
    "{person} {cue} that {clause}.",
    "According to {outlet}, {clause}.",
    "{clause}, {outlet} reported on {day}.",
    'The {role} {cue}: "{clause}."',
    "{clause}, while {clause2}.",
    "{clause}, and {clause2}.",
    "{clause} \u2014 {clause2}, {person} {cue}.",
)


CHOICE = re.compile(r"\(([^()]*)\)")


def pseudo_words(rng: random.Random, count: int, low: int, high: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(low, high))).capitalize())
    return sorted(words)


def zipf_picker(rng: random.Random, pool: list[str]) -> Callable[[], str]:
    """Draws from ``pool`` with a few very common entries and a long tail, as names are."""
    weights = np.cumsum(1 / np.arange(1, len(pool) + 1) ** 0.9).tolist()
    return lambda: rng.choices(pool, cum_weights=weights)[0]


def claim(rng: random.Random, pick: dict[str, Callable[[], str]]) -> str:
    def fill(pattern: str) -> str:
        pattern = CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), pattern)
        return pattern.format(
            org=pick["org"](),
            person=pick["person"](),
            place=pick["place"](),
            role=rng.choice(ROLES),
            noun=rng.choice(NOUNS),
            noun2=rng.choice(NOUNS),
            people=rng.choice(PEOPLE),
            adj=rng.choice(ADJECTIVES),
            action=rng.choice(ACTIONS),
            verb=rng.choice(VERBS),
            num=rng.choice(
                (rng.randint(2, 99), rng.randint(100, 999), f"{rng.randint(1, 99)},000")
            ),
            small=rng.randint(2, 12),
            day=rng.choice(DAYS),
            month=rng.choice(MONTHS),
            year=rng.randint(1990, 2024),
        )

    def clause() -> str:
        parts = [rng.choice(SUBJECTS), rng.choice(PREDICATES)]
        parts += rng.sample(MODIFIERS, rng.choice((0, 0, 1, 1, 2)))
        return " ".join(fill(part) for part in parts).replace("  ", " ")

    text = rng.choice(FRAMES).format(
        clause=clause(),
        clause2=clause(),
        person=pick["person"](),
        cue=rng.choice(CUES),
        outlet=rng.choice(OUTLETS),
        role=rng.choice(ROLES),
        day=rng.choice(DAYS),
    )
    return text[0].upper() + text[1:]


def light_edit(rng: random.Random, text: str) -> str:
    """A copy of ``text`` as another outlet might print it."""
    words = text.split()
    kind = rng.randrange(10)
    if kind == 0:
        return text.replace(",", "").rstrip(".")
    if kind == 1:
        return text.lower() if rng.random() < 0.5 else text.upper()
    if kind == 2:
        return text.replace('"', "\u201c", 1).replace('"', "\u201d").replace(" \u2014 ", " - ")
    if kind == 3:
        for old, new in (("said", "says"), ("says", "said"), ("stated", "told reporters")):
            if old in text:
                return text.replace(old, new)
        return text.replace(", ", " , ")
    if kind in (4, 5):
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    elif kind == 6:
        del words[rng.randrange(len(words))]
    elif kind == 7 and text.rfind(", ") > len(text) * 0.6:
        return text[: text.rfind(", ")] + "."  # a dropped trailing clause
    elif kind == 8:
        digits = [i for i, w in enumerate(words) if w[:1].isdigit()]
        if digits:
            words[rng.choice(digits)] = str(rng.randint(2, 999))
    else:  # a typo
        i = rng.randrange(len(words))
        words[i] = words[i][:-1] or words[i]
    return " ".join(words)


def corpus(size: int, seed: int = 2024) -> tuple[list[str], list[int]]:
    """``size`` claims, ``DUPLICATE_SHARE`` of them edited copies of earlier ones.

    Also returns each claim's root: the claim it was copied from, directly or through
    other copies, or itself.
    """
    rng = random.Random(seed)
    first, last = pseudo_words(rng, 2000, 2, 2), pseudo_words(rng, 30000, 2, 3)
    people = [f"{rng.choice(first)} {surname}" for surname in last]
    places = pseudo_words(rng, 20000, 2, 3)
    orgs = [f"the {place} {rng.choice(ORG_KINDS)}" for place in places[:8000]]
    rng.shuffle(people)
    rng.shuffle(places)
    pick = {
        "person": zipf_picker(rng, people),
        "place": zipf_picker(rng, places),
        "org": zipf_picker(rng, orgs),
    }
    texts: list[str] = []
    roots: list[int] = []
    while len(texts) < size:
        if texts and rng.random() < DUPLICATE_SHARE:
            # Mostly copies of recent claims (a news cycle), sometimes of old ones.
            back = min(len(texts), int(rng.expovariate(1 / 500)) + 1)
            source = len(texts) - back if rng.random() < 0.8 else rng.randrange(len(texts))
            texts.append(light_edit(rng, texts[source]))
            roots.append(roots[source])
        else:
            roots.append(len(texts))
            texts.append(claim(rng, pick))
    return texts, roots


# --- measuring ---------------------------------------------------------------------------


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def exhaustive_pairs(keys: Sequence[str], cutoff: float, block: int = 500) -> set[int]:
    """Every pair i < j scoring at least ``cutoff``, encoded as i * len(keys) + j."""
    found: set[int] = set()
    n = len(keys)
    for start in range(0, n, block):
        # Rows start..start+block against columns start..n: each pair is scored once.
        scores = process.cdist(
            keys[start : start + block],
            keys[start:],
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.float64,
            workers=-1,
        )
        rows, cols = np.nonzero(np.triu(scores >= cutoff, 1))
        found.update(((rows + start) * n + cols + start).tolist())
    return found


def run_one(size: int, exhaustive: bool, lower: float | None) -> dict[str, Any]:
    texts, roots = corpus(size + ADDED)
    ids = list(range(len(texts)))
    thresholds = Thresholds() if lower is None else Thresholds(lower=lower)
    result: dict[str, Any] = {"size": size, "corpus_mib": rss_mib()}

    index = ClaimIndex(thresholds)
    start = time.perf_counter()
    matches = index.add(ids[:size], texts[:size])
    groups = clusters(ids[:size], matches)
    result["seconds"] = time.perf_counter() - start
    result["peak_mib"] = peak_mib()
    result["index_mib"] = rss_mib() - result["corpus_mib"]
    result["matches"] = len(matches)
    result["automatic"] = sum(m.automatic for m in matches)
    result["clusters"] = len(groups)

    start = time.perf_counter()
    index.add(ids[size:], texts[size:])
    result["add_seconds"] = time.perf_counter() - start

    if exhaustive:
        start = time.perf_counter()
        expected = exhaustive_pairs([match_key(t) for t in texts[:size]], thresholds.lower)
        result["exhaustive_seconds"] = time.perf_counter() - start
        found = {m.a * size + m.b for m in matches}
        copies = {pair for pair in expected if roots[pair // size] == roots[pair % size]}
        result["exhaustive_pairs"] = len(expected)
        result["recall"] = len(found & expected) / max(len(expected), 1)
        result["copy_recall"] = len(found & copies) / max(len(copies), 1)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--exhaustive", default="10000")
    parser.add_argument("--lower", type=float, help="suggestion threshold (default: Thresholds())")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    exhaustive = {int(s) for s in args.exhaustive.split(",") if s}
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.one in exhaustive, args.lower)))
        return

    sizes = sorted({int(s) for s in args.sizes.split(",") if s} | exhaustive)
    header = (
        f"{'claims':>9} {'time s':>7} {'claims/s':>8} {'corpus MiB':>10} {'peak MiB':>8} "
        f"{'index MiB':>9} "
        f"{'matches':>8} {'auto':>7} {'clusters':>8} {f'+{ADDED} s':>7} "
        f"{'exhaust s':>9} {'pairs':>6} {'recall':>7} {'copies':>7}"
    )
    print(header, flush=True)
    for size in sizes:
        command = [sys.executable, __file__, "--one", str(size), "--exhaustive", args.exhaustive]
        if args.lower is not None:
            command += ["--lower", str(args.lower)]
        r = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
        tail = f"{'-':>9} {'-':>6} {'-':>7} {'-':>7}"
        if "recall" in r:
            tail = (
                f"{r['exhaustive_seconds']:9.1f} {r['exhaustive_pairs']:6d} "
                f"{r['recall']:7.4f} {r['copy_recall']:7.4f}"
            )
        print(
            f"{size:9d} {r['seconds']:7.2f} {size / r['seconds']:8.0f} {r['corpus_mib']:10.0f} "
            f"{r['peak_mib']:8.0f} {r['index_mib']:9.0f} {r['matches']:8d} {r['automatic']:7d} "
            f"{r['clusters']:8d} {r['add_seconds']:7.3f} {tail}",
            flush=True,
        )


if __name__ == "__main__":
    main()
