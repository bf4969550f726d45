"""`claimcheck report`: a provenance report of one document or the corpus."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.common import (
    Context,
    command_errors,
    database,
    pass_context,
    scratch_folder,
    write_output,
)


@click.command()
@click.option("--doc", "document", metavar="ID|PATH", help="Only this document (id or path).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json"]),
    default="md",
    show_default=True,
    help="Markdown, one self-contained HTML page, or JSON (schema claimcheck.report/1).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@pass_context
@command_errors
def report(ctx: Context, document: str | None, fmt: str, output: Path | None) -> None:
    """Report what is claimed, who says so, what is unattributed and what reviewers decided."""
    from claimcheck.reports.output import write_report
    from claimcheck.services.reporting import build_report

    with database(ctx) as db:
        built = build_report(db, document)
        write_output(output, lambda out: write_report(out, built, fmt, scratch_folder(output)))
