"""`claimcheck dedupe` and `claimcheck clusters`: near-duplicates and reviewers' decisions."""

from __future__ import annotations

import click

from claimcheck.cli.common import (
    Context,
    command_errors,
    database,
    make_thresholds,
    pass_context,
    threshold_options,
)
from claimcheck.presentation import one_line


@click.command()
@threshold_options
@click.option("--suggestions", is_flag=True, help="List pending suggestions instead.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@pass_context
@command_errors
def dedupe(
    ctx: Context, upper: float, lower: float, min_words: int, suggestions: bool, limit: int
) -> None:
    """Group near-identical claims across the corpus (or list suggestions to review).

    Pairs scoring at least --upper join a cluster automatically; pairs between --lower
    and --upper, short claims, and claims that differ in a number, date or name are
    suggested for a reviewer instead. Rejected pairs are never suggested again.
    """
    from claimcheck.services import clusters

    with database(ctx) as db:
        if suggestions:
            for s in clusters.suggestions(db, limit):
                reason = f" ({s.reason})" if s.reason else ""
                click.echo(f"{s.a} ~ {s.b}  score {s.score:.0f}{reason}")
                click.echo(f"    {s.a}: {one_line(s.text_a)[:110]}")
                click.echo(f"    {s.b}: {one_line(s.text_b)[:110]}")
            return
        summary = clusters.dedupe_all(db, make_thresholds(upper, lower, min_words))
    click.echo(
        f"Claims: {summary.claims}; clusters: {summary.clusters} "
        f"({summary.clustered_claims} claims); families of variants: {summary.families}; "
        f"automatic pairs: {summary.automatic}; suggestions: {summary.suggested}"
    )


@click.group(invoke_without_command=True)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.pass_context
@command_errors
def clusters(click_ctx: click.Context, limit: int) -> None:
    """List clusters of near-identical claims, largest first, or act on them."""
    if click_ctx.invoked_subcommand is not None:
        return
    from claimcheck.services.clusters import list_clusters, list_families

    with database(click_ctx.ensure_object(Context)) as db:
        for view in list_clusters(db, limit):
            click.echo(
                f"{view.id:>5}  {view.size:>3} claims  {len(view.documents):>3} documents  "
                f"{view.status:<12} {one_line(view.canonical_text)[:90]}"
            )
        families = list_families(db, limit)
    if families:
        click.echo("\nFamilies (claims that differ only in numbers, dates or names; "
                   "`claimcheck clusters family ID`):")  # fmt: skip
        for family in families:
            click.echo(f"{family.id:>5}  {family.size:>3} claims  "
                       f"{len(family.variants):>3} variants   {family.status:<12} "
                       f"{one_line(family.canonical_text)[:90]}")  # fmt: skip


@clusters.command("family")
@click.argument("family_id", type=int)
@click.option("--same", "verdict", flag_value="same", help="All its claims are one claim.")
@click.option(
    "--variants", "verdict", flag_value="variants", help="Keep them as variants that disagree."
)
@pass_context
@command_errors
def clusters_family(ctx: Context, family_id: int, verdict: str | None) -> None:
    """Show a family of variants: what differs, in how many claims and documents; or decide
    it once for all its claims (audited)."""
    from claimcheck.services.clusters import decide_family, get_family

    with database(ctx) as db:
        if verdict is not None:
            decide_family(db, family_id, verdict == "same", ctx.reviewer)
            if verdict == "same":
                click.echo(f"Family {family_id}: its claims now share one cluster.")
                return
        view = get_family(db, family_id)
    click.echo(f"Family {view.id} ({view.status}): {view.size} claims, "
               f"{len(view.variants)} variants")  # fmt: skip
    click.echo(f"Canonical (earliest): {one_line(view.canonical_text)}")
    for variant in view.variants:
        differs = one_line(variant.differs) or "(as the canonical claim)"
        click.echo(f"  {differs[:60]!s:<60}  {len(variant.claim_ids):>4} claims  "
                   f"{len(variant.documents):>4} documents  "
                   f"e.g. claim {variant.claim_ids[0]}")  # fmt: skip


@clusters.command("show")
@click.argument("cluster_id", type=int)
@pass_context
@command_errors
def clusters_show(ctx: Context, cluster_id: int) -> None:
    """Show a cluster: every member, where it appears and who carried it."""
    from claimcheck.services.clusters import get_cluster

    with database(ctx) as db:
        view = get_cluster(db, cluster_id)
    click.echo(f"Cluster {view.id} ({view.status}): {view.size} claims in "
               f"{len(view.documents)} documents")  # fmt: skip
    click.echo(f"Canonical (earliest): {one_line(view.canonical_text)}")
    if view.sources:
        click.echo(f"Carried by: {one_line(', '.join(view.sources))}")
    for m in view.members:
        mark = "*" if m.claim_id == view.canonical_claim_id else " "
        click.echo(f" {mark}{m.claim_id:>6} {m.state:<9} {one_line(m.document)}:{m.index}  "
                   f"{one_line(m.text)[:80]}")  # fmt: skip


@clusters.command("confirm")
@click.argument("claim_a", type=int)
@click.argument("claim_b", type=int)
@pass_context
@command_errors
def clusters_confirm(ctx: Context, claim_a: int, claim_b: int) -> None:
    """Confirm that two claims are the same claim: they join one cluster."""
    from claimcheck.services.clusters import confirm

    with database(ctx) as db:
        confirm(db, claim_a, claim_b, ctx.reviewer)
    click.echo(f"Claims {claim_a} and {claim_b} are now in one cluster")


@clusters.command("reject")
@click.argument("claim_a", type=int)
@click.argument("claim_b", type=int)
@pass_context
@command_errors
def clusters_reject(ctx: Context, claim_a: int, claim_b: int) -> None:
    """Reject a suggested pair: it is never suggested or joined again."""
    from claimcheck.services.clusters import reject

    with database(ctx) as db:
        still = reject(db, claim_a, claim_b, ctx.reviewer)
    if still is None:
        click.echo(f"Claims {claim_a} and {claim_b} are kept apart")
    else:
        click.echo(
            f"The pair is rejected, but claims {claim_a} and {claim_b} are still in cluster "
            f"{still} through other claims: use `claimcheck clusters split` to part them"
        )


@clusters.command("split")
@click.argument("cluster_id", type=int)
@click.argument("claim_ids", type=int, nargs=-1, required=True)
@pass_context
@command_errors
def clusters_split(ctx: Context, cluster_id: int, claim_ids: tuple[int, ...]) -> None:
    """Move CLAIM_IDS out of CLUSTER_ID into a cluster of their own."""
    from claimcheck.services.clusters import split

    with database(ctx) as db:
        split(db, cluster_id, claim_ids, ctx.reviewer)
    click.echo(f"Moved {len(claim_ids)} claims out of cluster {cluster_id}")


@clusters.command("merge")
@click.argument("cluster_id", type=int)
@click.argument("other_id", type=int)
@pass_context
@command_errors
def clusters_merge(ctx: Context, cluster_id: int, other_id: int) -> None:
    """Merge two clusters that hold the same claim."""
    from claimcheck.services.clusters import merge

    with database(ctx) as db:
        merge(db, cluster_id, other_id, ctx.reviewer)
    click.echo(f"Merged clusters {cluster_id} and {other_id}")
