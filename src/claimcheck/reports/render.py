"""Markdown and HTML reports from Jinja2 templates, each escaped for its own format.

HTML is autoescaped by Jinja2. Markdown has no autoescaping of its own, so every value a
template prints passes through `markdown_text` (Jinja2's `finalize`): corpus and reviewer
text can neither open an HTML tag nor start Markdown syntax such as a link.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from claimcheck.core.origins import Origin
from claimcheck.presentation import one_line, provenance_chain, sentence_segments
from claimcheck.reports.halves import CUT, cut
from claimcheck.services.claims import SourceView
from claimcheck.services.reporting import AppearanceRef, Report, ReportClaim

# Every ASCII punctuation character Markdown may read as syntax gets a backslash; angle
# brackets and ampersands become entities, so no tag can open even in a renderer that
# ignores backslash escapes. One translation table does both in a single pass.
_MARKDOWN_ESCAPES = str.maketrans(
    {c: "\\" + c for c in "\\`*_{}[]()#!|~"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
)
# The characters the table changes: most values have none, and searching for them is
# much quicker than translating (a lookup per character).
_MARKDOWN_SPECIAL = re.compile("[" + re.escape("".join(map(chr, _MARKDOWN_ESCAPES))) + "]")
# Syntax only at the start of a line: a list item, a numbered item, a heading underline.
_LINE_START = re.compile(r"^(\d{0,9})([-+=.)])(?=\s|$)")


def markdown_text(value: Any) -> str:
    """A value as literal Markdown text on one line (a `Markup` value is the template's own)."""
    if type(value) is str:  # most values: checked first
        text = value
    elif isinstance(value, Markup):
        return str(value)
    elif value is None:
        return ""
    elif isinstance(value, int):
        return str(value)
    else:
        text = str(value)
    if not text.isprintable():  # new lines, tabs, control characters: most values have none
        text = one_line(text)
    if _MARKDOWN_SPECIAL.search(text):
        text = text.translate(_MARKDOWN_ESCAPES)
    if text[:1].isdigit() or text[:1] in "-+=.)":
        text = _LINE_START.sub(r"\1\\\2", text)
    return text


def one_line_text(text: str) -> str:
    """`one_line`, quick for the usual piece that is one printable line already (every
    white space but the ASCII space is unprintable, and so are control characters)."""
    if text.isprintable() and "  " not in text:
        return text
    return one_line(text)


def utc(at: dt.datetime | None) -> str:
    """A recorded time in UTC to the second (SQLite hands times back without their zone)."""
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def web_url(url: str | None) -> str | None:
    """A URL a reader may follow: http or https only; anything else stays text."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def _environment(suffix: str) -> Environment:
    markdown = suffix == "md"
    env = Environment(
        loader=PackageLoader("claimcheck.reports", "templates"),
        # Every value HTML-escaped (the templates end in .j2, which select_autoescape misses).
        autoescape=not markdown,
        finalize=markdown_text if markdown else None,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(utc=utc, one_line=one_line_text, web_url=web_url)
    return env


_ENVIRONMENTS: dict[str, Environment] = {}


def _markdown_claims(batch: list[ReportClaim]) -> list[tuple[Any, ...]]:
    """Each claim as the Markdown template unpacks it. Markdown escapes a value by where it
    starts and how its white space runs, so values stay apart as the template prints them;
    only those it joined with a filter are joined here."""
    clusters: dict[int, tuple[int, str, str, list[tuple[str, bool]]]] = {}
    out: list[tuple[Any, ...]] = []
    for item in batch:
        view = item.view
        sources = view.sources
        last = len(sources) - 1
        cluster = item.cluster
        places = None
        if cluster is not None:
            places = clusters.get(cluster.id)
            if places is None:
                count = len(cluster.appearances) - 1
                places = clusters[cluster.id] = (
                    cluster.id,
                    cluster.status,
                    _place(cluster.first),
                    [(_place(a), n < count) for n, a in enumerate(cluster.appearances)],
                )
        reasons = view.reasons
        out.append(
            (
                view.id,
                view.document.path,
                view.index,
                view.start,
                view.end,
                view.kind,
                view.status,
                sentence_segments(view),
                provenance_chain(view) if sources else None,
                [(s.canonical, s.kind, s.role, s.cue, n < last) for n, s in enumerate(sources)],
                ", ".join(view.flags),
                view.hedge,
                f"{view.checkworthiness:.2f}",
                ", ".join(reasons) if reasons else None,
                places,
                (
                    len(item.origins),
                    [(n == 0, o.name, ", ".join(o.relayed_by)) for n, o in enumerate(item.origins)],
                )
                if view.kind == "claim"
                else None,
                item if item.links or item.notes or item.verdict else None,
            )
        )
    return out


def _html_claims(batch: list[ReportClaim]) -> list[tuple[Any, ...]]:
    """Each claim as the HTML template unpacks it: plain text, joined where the template
    prints values side by side (escaping text whole or in pieces gives the same bytes), so
    that each claim costs a few escapes and no attribute lookups. Reviews, which one claim
    in many has, are left to the template."""
    clusters: dict[int, tuple[str, str, list[str]]] = {}
    out: list[tuple[Any, ...]] = []
    for item in batch:
        view = item.view
        flags = view.flags
        sources = view.sources
        cluster = item.cluster
        places = None
        if cluster is not None:
            places = clusters.get(cluster.id)
            if places is None:
                places = clusters[cluster.id] = (
                    str(cluster.id),
                    f"{cluster.status}; first in {_place(cluster.first)}",
                    [
                        f"{_place(a)}, {a.publisher}" if a.publisher else _place(a)
                        for a in cluster.appearances
                    ],
                )
        reasons = view.reasons
        cw = f"{view.checkworthiness:.2f}"
        if reasons:
            cw = f"{cw} ({', '.join(reasons)})"
        out.append(
            (
                "unattributed"
                if "unattributed" in flags
                else ("reviewed" if view.status != "unreviewed" else "claim"),
                str(view.id),
                f"{view.document.path}, sentence {view.index}, "
                f"characters {view.start}\u2013{view.end}",
                view.kind,
                view.status,
                [(one_line_text(text), mark) for text, mark in sentence_segments(view)],
                provenance_chain(view) if sources else None,
                [_html_source(s) for s in sources],
                ", ".join(flags),
                view.hedge,
                cw,
                places,
                (str(len(item.origins)), [_origin(o) for o in item.origins])
                if view.kind == "claim"
                else None,
                item if item.links or item.notes or item.verdict else None,
            )
        )
    return out


def _html_source(source: SourceView) -> str:
    """A source on one line of text, quotation marks included, for one escape."""
    s = source
    head = f"{s.canonical} ({s.kind}, of {s.owner})" if s.owner else f"{s.canonical} ({s.kind})"
    cue = f"cue \u201c{s.cue}\u201d" if s.cue else "implied"
    medium = f" {s.medium}" if s.medium else ""
    return f"{head}: {s.role}, {cue}{medium}, as \u201c{one_line_text(s.name)}\u201d"


def _origin(origin: Origin) -> str:
    if origin.relayed_by:
        return f"{origin.name}, relayed by {', '.join(origin.relayed_by)}"
    return origin.name


def _place(ref: AppearanceRef) -> str:
    """Where a cluster's claim appears, as text the template escapes (once)."""
    return f"{ref.path}, sentence {ref.index} (claim {ref.claim_id})"


def render(report: Report, fmt: str) -> Iterator[str]:
    """The report (or its part) as Markdown ("md") or HTML ("html"), in pieces as read."""
    env = _ENVIRONMENTS.get(fmt)
    if env is None:
        env = _ENVIRONMENTS[fmt] = _environment(fmt)
    claims = env.get_template(f"claims.{fmt}.j2")

    def claim_batches() -> Iterator[Markup]:
        if report.part == "rest":
            yield Markup(CUT)
        # A batch rendered whole, as one string: rendering each claim's few dozen pieces
        # one by one through the page's generator cost as much as the rest of the report.
        for batch in report.claim_batches():
            items = _html_claims(batch) if fmt == "html" else _markdown_claims(batch)
            yield Markup(claims.render(items=items))
        if report.part == "first":
            yield Markup(CUT)

    unattributed = env.get_template(f"unattributed.{fmt}.j2")

    def unattributed_batches() -> Iterator[Markup]:
        for batch in report.unattributed_batches():
            # Tuples, as for claims; HTML joins the place into one text, Markdown keeps
            # its values apart.
            rows: list[tuple[Any, ...]]
            if fmt == "html":
                rows = [
                    (
                        f"{v.checkworthiness:.2f}",
                        v.id,
                        f"{v.document.path}, sentence {v.index}",
                        one_line_text(v.text),
                        v.hedge,
                    )
                    for v in batch
                ]
            else:
                rows = [
                    (f"{v.checkworthiness:.2f}", v.id, v.document.path, v.index, v.text, v.hedge)
                    for v in batch
                ]
            yield Markup(unattributed.render(rows=rows))

    page = env.get_template(f"report.{fmt}.j2").generate(
        report=report,
        summary=report.summary,
        claim_batches=claim_batches,
        unattributed_batches=unattributed_batches,
    )
    return cut(report.part, page)
