"""`claimcheck verdict`, `link`, `unlink`, `note`, `history` and `undo`: reviewing claims."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from claimcheck.cli.common import Context, command_errors, database, pass_context
from claimcheck.core.vocabulary import RELATIONS, STATUSES
from claimcheck.presentation import one_line, terminal_safe

if TYPE_CHECKING:
    from claimcheck.services.database import Database
    from claimcheck.services.review import HistoryEntry, LinkInfo


def when(at: dt.datetime) -> str:
    return f"{at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"


def link_target(link: LinkInfo) -> str:
    """What a link points at, in words, safe for a terminal."""
    if link.target_claim is not None:
        text = f': "{one_line(link.target_claim_text)[:80]}"' if link.target_claim_text else ""
        return f"claim {link.target_claim}{text}"
    if link.target_source is not None:
        return f"source {one_line(link.target_source)}"
    title = f' "{one_line(link.title)}"' if link.title else ""
    return f"{one_line(link.url or '')}{title}"


def history_line(entry: HistoryEntry, with_subject: bool) -> str:
    subject = ""
    if with_subject:
        subject = f"{entry.entity} {entry.entity_id}  " if entry.entity_id is not None else ""
    who = one_line(entry.reviewer or "-")
    return f"{when(entry.at)}  {who}  {subject}{one_line(entry.summary)}"


def echo_review(db: Database, claim_id: int) -> None:
    """A claim's links, notes and history, as `claimcheck show` ends."""
    from claimcheck.services import review

    state = review.claim_state(db, claim_id)
    entries = review.history(db, claim_id)
    if state.links:
        click.echo("Links:")
        for item in state.links:
            remark = f"; note: {one_line(item.note)}" if item.note else ""
            by = f" by {one_line(item.reviewer)}" if item.reviewer else ""
            click.echo(
                f"  - link {item.id}: {item.relation} {link_target(item)} "
                f"({when(item.created_at)}{by}){remark}"
            )
    if state.notes:
        click.echo("Notes:")
        for written in state.notes:
            by = f" by {one_line(written.reviewer)}" if written.reviewer else ""
            click.echo(f"  - note {written.id} ({when(written.created_at)}{by}):")
            for line in written.text.splitlines():
                click.echo(f"      {terminal_safe(line)}")
    if entries:
        click.echo("History (newest first):")
        for entry in entries:
            click.echo(f"  {history_line(entry, with_subject=False)}")


@click.command()
@click.argument("item_id", metavar="ID", type=int)
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--note", help="Why: stored as a note on the claim with the verdict.")
@click.option(
    "--cluster",
    "whole_cluster",
    is_flag=True,
    help="ID is a cluster (as `claimcheck clusters` lists them): every claim in it follows.",
)
@pass_context
@command_errors
def verdict(ctx: Context, item_id: int, status: str, note: str | None, whole_cluster: bool) -> None:
    """Set the status of claim ID (or with --cluster, of every claim in cluster ID).

    Example: claimcheck verdict 12 needs_source --note "No named source for the figure."
    """
    from claimcheck.services import review

    if whole_cluster and note is not None:
        raise click.UsageError("--note goes with a single claim, not with --cluster")
    with database(ctx) as db:
        if whole_cluster:
            states = review.set_cluster_status(db, item_id, status, reviewer=ctx.reviewer)
            click.echo(f"Cluster {item_id}: {status} ({len(states)} claims)")
            return
        state = review.set_status(db, item_id, status, reviewer=ctx.reviewer, note=note)
    click.echo(f"Claim {state.id}: {state.status} (version {state.version})")


@click.command()
@click.argument("claim_id", metavar="ID", type=int)
@click.option("--claim", "target_claim", type=int, metavar="OTHER", help="Another claim's id.")
@click.option("--source", "target_source", metavar="NAME", help="A source of the registry.")
@click.option("--url", metavar="URL", help="A web page or document.")
@click.option("--title", metavar="T", help="The citation title of --url.")
@click.option(
    "--relation",
    type=click.Choice(RELATIONS),
    default="corroborates",
    show_default=True,
    help="How the evidence bears on claim ID.",
)
@click.option("--note", help="A note on the link.")
@pass_context
@command_errors
def link(
    ctx: Context,
    claim_id: int,
    target_claim: int | None,
    target_source: str | None,
    url: str | None,
    title: str | None,
    relation: str,
    note: str | None,
) -> None:
    """Link evidence to claim ID: another claim, a source, or a URL with a title.

    Example: claimcheck link 12 --url https://example.org/report --title "Annual report"
    """
    from claimcheck.services import review

    with database(ctx) as db:
        added = review.add_link(
            db,
            claim_id,
            relation=relation,
            target_claim=target_claim,
            target_source=target_source,
            url=url,
            title=title,
            note=note,
            reviewer=ctx.reviewer,
        )
    click.echo(f"Link {added.id} on claim {claim_id}: {added.relation} {link_target(added)}")


@click.command()
@click.argument("link_id", type=int)
@click.option(
    "--claim-version",
    "expected_version",
    type=int,
    metavar="N",
    help="The claim's version you saw the link on (`claimcheck show` gives it): refused, "
    "naming who changed the claim, if it has changed since.",
)
@pass_context
@command_errors
def unlink(ctx: Context, link_id: int, expected_version: int | None) -> None:
    """Remove link LINK_ID (as `claimcheck show` lists it).

    Example: claimcheck unlink 3 --claim-version 4
    """
    from claimcheck.services import review

    with database(ctx) as db:
        removed = review.remove_link(
            db, link_id, expected_version=expected_version, reviewer=ctx.reviewer
        )
    click.echo(
        f"Removed link {removed.id} from claim {removed.claim_id}: "
        f"{removed.relation} {link_target(removed)}"
    )


@click.command()
@click.argument("claim_id", metavar="ID", type=int)
@click.argument("text")
@pass_context
@command_errors
def note(ctx: Context, claim_id: int, text: str) -> None:
    """Add a note to claim ID, kept as written."""
    from claimcheck.services import review

    with database(ctx) as db:
        added = review.add_note(db, claim_id, text, reviewer=ctx.reviewer)
    click.echo(f"Note {added.id} on claim {claim_id}")


@click.command()
@click.argument("claim_id", metavar="[ID]", type=int, required=False)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many entries.")
@pass_context
@command_errors
def history(ctx: Context, claim_id: int | None, limit: int | None) -> None:
    """Show the audit log, newest first: every change, or those that touched claim ID."""
    from claimcheck.services import review

    with database(ctx) as db:
        entries = review.history(db, claim_id, limit=limit)
    for entry in entries:
        click.echo(history_line(entry, with_subject=claim_id is None))


@click.command()
@pass_context
@command_errors
def undo(ctx: Context) -> None:
    """Undo your last review action (a verdict, link, unlink, note or cluster decision)."""
    from claimcheck.services import review

    with database(ctx) as db:
        result = review.undo_last(db, reviewer=ctx.reviewer)
    undone = result.undone
    subject = f" ({undone.entity} {undone.entity_id})" if undone.entity_id is not None else ""
    click.echo(one_line(result.summary[0].upper() + result.summary[1:]) + subject)
