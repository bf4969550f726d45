"""`claimcheck claims`, `show` and `export`: reading claims out."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypedDict, Unpack

import click

from claimcheck.cli.common import (
    Context,
    command_errors,
    database,
    json_line,
    pass_context,
    scratch_folder,
    stacked,
    write_output,
)
from claimcheck.cli.review import echo_review
from claimcheck.core.vocabulary import CLAIM_KINDS, STATUSES
from claimcheck.errors import ClaimcheckError
from claimcheck.presentation import one_line, provenance_chain, sentence_segments, terminal_safe

if TYPE_CHECKING:
    from claimcheck.services.claims import ClaimFilter, ClaimView, Sort
    from claimcheck.services.clusters import ClusterView

CLAIM_FIELDS = ["id", "document", "index", "start", "end", "kind", "checkworthiness",
                "attributed", "flags", "sources", "status", "cluster", "text"]  # fmt: skip


claim_filter_options = stacked(
    click.option("--document", help="Only this document (its path or id)."),
    click.option("--kind", type=click.Choice(CLAIM_KINDS), help="Only claims of this kind."),
    click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status."),
    click.option("--unattributed", is_flag=True, help="Only claims with no source (flagged)."),
    click.option("--source", help="Only claims attributed to this canonical source."),
    click.option(
        "--sort",
        type=click.Choice(["document", "checkworthiness"]),
        default="document",
        show_default=True,
    ),
    click.option("--limit", type=click.IntRange(min=1), help="At most this many claims."),
)


class ClaimFilters(TypedDict):
    """What `claim_filter_options` passes a command."""

    document: str | None
    kind: str | None
    status: str | None
    unattributed: bool
    source: str | None
    sort: Sort
    limit: int | None


def _claim_filter(filters: ClaimFilters) -> ClaimFilter:
    from claimcheck.services.claims import ClaimFilter

    return ClaimFilter(**filters)


@click.command()
@claim_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
@pass_context
@command_errors
def claims(ctx: Context, /, fmt: str, **filters: Unpack[ClaimFilters]) -> None:
    """List claims, filtered and sorted, as a table, JSON Lines or CSV.

    Example: claimcheck claims --unattributed --sort checkworthiness --limit 10
    """
    from claimcheck.services.claims import iter_claims

    with database(ctx) as db:
        write_claims(iter_claims(db, _claim_filter(filters)), fmt, sys.stdout)


def write_claims(views: Iterator[ClaimView], fmt: str, out: IO[str]) -> None:
    if fmt == "jsonl":
        for view in views:
            out.write(json_line(view.to_json()) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(CLAIM_FIELDS)
        for view in views:
            data = view.to_json()
            data["document"] = view.document.path
            data["flags"] = " ".join(view.flags)
            data["sources"] = "; ".join(f"{s.canonical} ({s.kind}, {s.role})" for s in view.sources)
            cells = [str(data[name]) for name in CLAIM_FIELDS]
            writer.writerow([terminal_safe(c) for c in cells] if out.isatty() else cells)
        return
    for view in views:
        sources = ", ".join(s.canonical for s in view.sources) or (
            "UNATTRIBUTED" if view.kind == "claim" else "-"
        )
        out.write(
            f"{view.id:>6}  {one_line(view.document.path)}:{view.index:<4} {view.kind:<11} "
            f"{view.checkworthiness:4.2f}  {view.status:<12} {one_line(sources)[:40]:<40}  "
            f"{one_line(view.text)[:90]}\n"
        )


@click.command()
@click.argument("claim_id", type=int)
@pass_context
@command_errors
def show(ctx: Context, claim_id: int) -> None:
    """Show one claim: its sentence with source and cue marked, and its provenance chain."""
    from claimcheck.services.claims import get_claim

    with database(ctx) as db:
        view = get_claim(db, claim_id)
        cluster = None
        if view.cluster is not None:
            from claimcheck.services.clusters import get_cluster

            cluster = get_cluster(db, view.cluster)
        show_claim(view, cluster)
        echo_review(db, claim_id)


def show_claim(view: ClaimView, cluster: ClusterView | None) -> None:
    doc = view.document
    click.echo(f"Claim {view.id}  ({view.kind}, status {view.status}, version {view.version})")
    click.echo(
        f"Document {doc.id}: {terminal_safe(doc.path)} v{doc.version}, sentence {view.index}, "
        f"characters {view.start}-{view.end}"
    )
    if doc.title:
        click.echo(f"Title: {one_line(doc.title)}")
    click.echo("")
    click.echo("  " + marked_sentence(view))
    click.echo("")
    if view.sources:
        click.echo("Sources:")
        for s in view.sources:
            owner = f", of {terminal_safe(s.owner)}" if s.owner else ""
            cue = f'cue "{terminal_safe(s.cue)}"' if s.cue else "implied"
            if s.medium:
                cue += f" {terminal_safe(s.medium)}"
            mention = f', written "{terminal_safe(s.mention)}"' if s.mention else ""
            carried = (
                f", carried from sentence {s.carried_from}" if s.carried_from is not None else ""
            )
            click.echo(
                f"  - {terminal_safe(s.canonical)} ({s.kind}{owner}): {s.role}, {cue}, "
                f'as "{one_line(s.name)}"{mention}{carried}, confidence {s.confidence:.2f}'
            )
        click.echo(f"Chain: {provenance_chain(view)}")
    elif view.kind == "claim":
        hedge = f' (hedged: "{terminal_safe(view.hedge)}")' if view.hedge else ""
        click.echo(f"Sources: none: flagged unattributed{hedge}")
    reasons = ", ".join(view.reasons) or "none"
    click.echo(f"Check-worthiness: {view.checkworthiness:.2f} ({reasons})")
    if cluster is not None:
        click.echo(f"Cluster {cluster.id} ({cluster.status}): also in")
        for m in cluster.members:
            if m.claim_id != view.id:
                click.echo(f"  - claim {m.claim_id}, {one_line(m.document)}:{m.index} ({m.state})")


def marked_sentence(view: ClaimView) -> str:
    """The sentence with source spans underlined and cues in bold (plain brackets in pipes)."""
    styled = sys.stdout.isatty()
    out = []
    for text, mark in sentence_segments(view):
        piece = one_line(text)
        if mark is None:
            out.append(piece)
        elif styled:
            out.append(click.style(piece, underline=mark == "source", bold=mark == "cue"))
        else:
            out.append(f"[{piece}]" if mark == "source" else f"{{{piece}}}")
    return "".join(out)


@click.command()
@claim_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "claimreview", "prov"]),
    default="jsonl",
    show_default=True,
    help="claimreview: schema.org ClaimReview JSON-LD of every claim with a verdict; "
    "prov: W3C PROV-JSON of the whole provenance graph (both ignore the filters).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--base-url",
    envvar="CLAIMCHECK_BASE_URL",
    metavar="URL",
    help="Where reviews are published (also CLAIMCHECK_BASE_URL); claimreview needs it.",
)
@click.option(
    "--organization",
    envvar="CLAIMCHECK_ORGANIZATION",
    default="claimcheck",
    show_default=True,
    help="Who publishes the reviews, for claimreview (also CLAIMCHECK_ORGANIZATION).",
)
@pass_context
@command_errors
def export(
    ctx: Context,
    /,
    fmt: str,
    output: Path | None,
    base_url: str | None,
    organization: str,
    **filters: Unpack[ClaimFilters],
) -> None:
    """Export claims with their provenance, in document order: JSON Lines, CSV, ClaimReview
    or PROV."""
    from claimcheck.services.claims import iter_claims

    if fmt == "claimreview" and not base_url:
        raise ClaimcheckError(
            "ClaimReview needs the address reviews are published at: --base-url or "
            "CLAIMCHECK_BASE_URL"
        )
    with database(ctx) as db:
        if fmt == "claimreview":
            from claimcheck.reports.claimreview import write_claimreview
            from claimcheck.services.reporting import build_report

            assert base_url is not None
            chunks = write_claimreview(build_report(db), organization, base_url)
            write_output(output, lambda out: out.writelines(chunks))
        elif fmt == "prov":
            from claimcheck.reports.prov_json import write_prov_to

            write_output(output, lambda out: write_prov_to(out, db, scratch_folder(output)))
        else:
            views = iter_claims(db, _claim_filter(filters))
            write_output(output, lambda out: write_claims(views, fmt, out))
