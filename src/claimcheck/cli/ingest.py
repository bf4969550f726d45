"""`claimcheck ingest`: files into claims, with a progress bar and a summary."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimcheck.cli.common import (
    Context,
    command_errors,
    database,
    make_thresholds,
    pass_context,
    threshold_options,
)
from claimcheck.presentation import one_line, terminal_safe

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

    from claimcheck.core.matches import Thresholds
    from claimcheck.core.prepare import Ahead, ReadOptions
    from claimcheck.services.ingest import IngestSummary


def parse_size(value: str) -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", value.lower())
    if match is None:
        raise click.BadParameter(f"{value!r} is not a size such as 20MB or 500KB")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2)]
    return int(float(match.group(1)) * factor)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--title", help="Title for the ingested documents (overrides front matter).")
@click.option("--publisher", help="Publisher for the ingested documents.")
@click.option("--url", help="URL of the ingested document.")
@click.option(
    "--date",
    "published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date, YYYY-MM-DD.",
)
@click.option(
    "--max-size",
    default="20MB",
    show_default=True,
    help="Skip files larger than this (e.g. 500KB, 20MB).",
)
@click.option(
    "--encoding",
    help="Encoding to fall back on for files that are not UTF-8 (e.g. cp1252); it is recorded.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
@threshold_options
@pass_context
@command_errors
def ingest(
    ctx: Context,
    paths: tuple[Path, ...],
    title: str | None,
    publisher: str | None,
    url: str | None,
    published: dt.datetime | None,
    max_size: str,
    encoding: str | None,
    quiet: bool,
    upper: float,
    lower: float,
    min_words: int,
) -> None:
    """Read .txt, .md and .html files (folders recursively) into claims.

    The same bytes are never stored twice; changed bytes at a known path become a
    new version of that document. Files that cannot be read are reported and
    skipped; the rest are ingested, and the exit code is 1 if anything was skipped.
    """
    from claimcheck.core.prepare import ReadOptions, start
    from claimcheck.core.reading import Metadata

    metadata = Metadata(title, publisher, url, published.date() if published else None)
    read = ReadOptions(
        max_bytes=parse_size(max_size),
        fallback_encoding=encoding,
        metadata=metadata if any((title, publisher, url, published)) else None,
    )
    thresholds = make_thresholds(upper, lower, min_words)
    # The files are read and segmented in a second process while this one loads the
    # database layer and opens the database (about a second), before anything else is
    # imported: a fork is safe only while this process has no other threads.
    ahead = start(list(paths), read)
    try:
        summary = _run(ctx, list(paths), read, thresholds, quiet, ahead)
    finally:
        if ahead is not None:
            ahead.close()
    # Once, on standard error: seen on a terminal, kept apart from the summary in a pipe,
    # and still there with --quiet. The summary counts them.
    for skipped in summary.skipped:
        click.echo(f"Error: {terminal_safe(skipped.reason)}", err=True)
    if not quiet:
        print_summary(summary)
    if summary.failed:
        sys.exit(1)


def _run(
    ctx: Context,
    paths: list[Path],
    read: ReadOptions,
    thresholds: Thresholds,
    quiet: bool,
    ahead: Ahead | None,
) -> IngestSummary:
    from claimcheck.services.ingest import IngestOptions
    from claimcheck.services.ingest import ingest as run_ingest

    options = IngestOptions(read, thresholds=thresholds)
    with database(ctx) as db, progress_bar(quiet) as progress:
        try:
            return run_ingest(db, paths, options, progress, ahead)
        except KeyboardInterrupt:
            # Stored documents are kept, but matching them waited for the end of the batch.
            click.echo(
                "\nInterrupted: the documents stored so far are kept. The next ingest, or "
                "`claimcheck dedupe`, matches them for near-duplicates.",
                err=True,
            )
            sys.exit(130)


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Callable[[int, int, str], None] | None]:
    """A bar on a terminal; nothing in a pipe or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    bar: ProgressBar[int] | None = None

    def update(done: int, total: int, _path: str) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="Ingesting", file=sys.stderr)
            bar.__enter__()
        bar.update(1)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


# Up to this many documents, the summary gives a line to each.
LISTED_DOCUMENTS = 25


def kinds_text(kinds: Mapping[str, int]) -> str:
    return ", ".join(f"{kinds[k]} {k}" for k in sorted(kinds))


def print_summary(summary: IngestSummary) -> None:
    if len(summary.stored) <= LISTED_DOCUMENTS:
        for doc in summary.stored:
            version = f" (version {doc.version})" if doc.version > 1 else ""
            click.echo(
                f"{one_line(doc.path)}{version}: {doc.sentences} sentences "
                f"({kinds_text(doc.kinds)}), {doc.unattributed} unattributed"
            )
    stored = len(summary.added) + len(summary.new_versions)
    click.echo(
        f"Documents: {stored} ingested ({len(summary.new_versions)} as new versions), "
        f"{len(summary.unchanged)} unchanged, {len(summary.skipped)} skipped"
    )
    kinds = kinds_text(summary.kinds)
    click.echo(f"Sentences: {summary.sentences}" + (f" ({kinds})" if kinds else ""))
    if summary.sentences:
        click.echo(f"Unattributed claims: {summary.unattributed}")
    if summary.dedupe is not None:
        d = summary.dedupe
        click.echo(
            f"Near-duplicates: {d.clusters} clusters of {d.clustered_claims} claims, "
            f"{d.suggested} pairs suggested for review"
        )
    if summary.carried_over:
        click.echo(f"Reviews carried over to new versions: {summary.carried_over}")
    for lost in summary.recheck:
        click.echo(
            f"Review to re-check: claim {lost.claim_id} of {one_line(lost.path)} is gone from "
            f"the new version: {one_line(lost.text).strip()[:100]}"
        )
