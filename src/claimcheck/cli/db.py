"""`claimcheck db`: the schema version, and backups."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.common import Context, command_errors, loaded, pass_context
from claimcheck.presentation import terminal_safe


@click.group()
def db() -> None:
    """Show or move the database schema version."""


@db.command()
@click.argument("revision", default="head")
@pass_context
@command_errors
def upgrade(ctx: Context, revision: str) -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    from claimcheck.services import database as schema

    loaded()
    state = schema.upgrade(ctx.db_url, revision)
    click.echo(f"Database schema at {state.current} (newest: {state.head})")


@db.command()
@click.argument("revision")
@click.confirmation_option(
    prompt="Downgrading drops the tables and columns newer revisions added, with their data. Go on?"
)
@pass_context
@command_errors
def downgrade(ctx: Context, revision: str) -> None:
    """Downgrade the schema to REVISION ("base" removes every table and all data)."""
    from claimcheck.services import database as schema

    loaded()
    state = schema.downgrade(ctx.db_url, revision)
    click.echo(f"Database schema at {state.current or 'base'} (newest: {state.head})")


@db.command()
@pass_context
@command_errors
def current(ctx: Context) -> None:
    """Show the database's schema version and the newest this claimcheck knows."""
    from claimcheck.services import database as schema

    loaded()
    state = schema.current(ctx.db_url)
    behind = "" if state.current == state.head else " (run `claimcheck db upgrade`)"
    click.echo(f"Database schema at {state.current or 'base'} (newest: {state.head}){behind}")


@db.command()
@click.argument("file", type=click.Path(path_type=Path))
@pass_context
@command_errors
def backup(ctx: Context, file: Path) -> None:
    """Copy the database to FILE while it stays in use (SQLite); for PostgreSQL, print
    the pg_dump command that does it."""
    from claimcheck.services.database import backup as make_backup

    loaded()
    done = make_backup(ctx.db_url, file)
    if done.command is not None:
        click.echo(f"Run: {done.command}")
    else:
        click.echo(f"Backed up to {terminal_safe(str(done.path))}")
