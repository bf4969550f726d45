"""`claimcheck review`: the reviewer's terminal UI. Textual loads only when it runs."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.common import Context, command_errors, loaded, pass_context


@click.command()
@pass_context
@command_errors
def review(ctx: Context) -> None:
    """Open the review queue: triage, statuses, links and notes, keyboard first.

    Press ? inside for every key, Ctrl+P for every action by name.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise click.UsageError("claimcheck review needs a terminal (standard input and output)")
    from claimcheck.services.audit import current_reviewer
    from claimcheck.tui.app import make_app

    app = make_app(ctx.db_url, ctx.reviewer or current_reviewer())
    loaded()
    app.run()
