"""`claimcheck sources`: the source registry, listed and edited."""

from __future__ import annotations

import click

from claimcheck.cli.common import Context, command_errors, database, pass_context
from claimcheck.core.vocabulary import SOURCE_KINDS
from claimcheck.presentation import one_line


@click.group(invoke_without_command=True)
@click.option("--kind", type=click.Choice(SOURCE_KINDS), help="Only sources of this kind.")
@click.option("--all", "show_all", is_flag=True, help="Include sources no claim cites.")
@click.pass_context
@command_errors
def sources(click_ctx: click.Context, kind: str | None, show_all: bool) -> None:
    """List sources with how many claims cite them, or edit the registry.

    Example: claimcheck sources --kind news_agency
    """
    if click_ctx.invoked_subcommand is not None:
        return
    from claimcheck.services.sources import list_sources

    with database(click_ctx.ensure_object(Context)) as db:
        rows = list_sources(db, kind, used_only=not show_all)
    for row in rows:
        owner = f" (of {row.owner})" if row.owner else ""
        aliases = f"  aka {', '.join(row.aliases)}" if row.aliases else ""
        click.echo(
            f"{row.id:>5}  {row.claims:>5} claims  {row.kind:<17} "
            f"{one_line(row.name + owner)}{one_line(aliases)[:80]}"
        )


@sources.command("alias")
@click.argument("source")
@click.argument("alias")
@pass_context
@command_errors
def sources_alias(ctx: Context, source: str, alias: str) -> None:
    """Add ALIAS as another name of SOURCE (a name, alias or id)."""
    from claimcheck.services.sources import add_alias

    with database(ctx) as db:
        name = add_alias(db, source, alias, ctx.reviewer)
    click.echo(f"{one_line(alias)} is now an alias of {one_line(name)}")


@sources.command("rename")
@click.argument("source")
@click.argument("new_name")
@pass_context
@command_errors
def sources_rename(ctx: Context, source: str, new_name: str) -> None:
    """Give SOURCE a new canonical name (the old one stays as an alias)."""
    from claimcheck.services.sources import rename

    with database(ctx) as db:
        old = rename(db, source, new_name, ctx.reviewer)
    click.echo(f"Renamed {one_line(old)} to {one_line(new_name)}")


@sources.command("merge")
@click.argument("source")
@click.argument("into")
@pass_context
@command_errors
def sources_merge(ctx: Context, source: str, into: str) -> None:
    """Fold SOURCE into INTO: its attributions, aliases and links move over."""
    from claimcheck.services.sources import merge

    with database(ctx) as db:
        kept = merge(db, source, into, ctx.reviewer)
    click.echo(f"Merged {one_line(source)} into {one_line(kept)}")


@sources.command("kind")
@click.argument("source")
@click.argument("kind", type=click.Choice(SOURCE_KINDS))
@pass_context
@command_errors
def sources_kind(ctx: Context, source: str, kind: str) -> None:
    """Change the kind of SOURCE."""
    from claimcheck.services.sources import set_kind

    with database(ctx) as db:
        name = set_kind(db, source, kind, ctx.reviewer)
    click.echo(f"{one_line(name)} is now {kind}")
