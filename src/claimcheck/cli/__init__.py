"""The `claimcheck` command: a module per group of subcommands, each a few lines over a service.

Each command imports the services it calls in its own body, not at the top of its module:
`claimcheck show` or a listing then starts without loading what it does not use (the
matching engine's numpy and rapidfuzz, the attribution engine, Textual), which costs more
than the query itself (tests/test_layers.py checks it). The services' view types are
imported for the type checker alone (under TYPE_CHECKING), so the types are checked where
the commands meet the services at no cost when the command runs.
"""

from __future__ import annotations

import click

from claimcheck.cli import claims, clusters, db, ingest, report, review, review_app, sources
from claimcheck.cli.common import Context


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    "db_url",
    envvar="CLAIMCHECK_DB",
    default="sqlite:///claimcheck.db",
    show_default=True,
    metavar="URL",
    help="SQLAlchemy database URL (also CLAIMCHECK_DB), e.g. postgresql://user@host/name.",
)
@click.option(
    "--reviewer",
    envvar="CLAIMCHECK_REVIEWER",
    metavar="NAME",
    help="Your name in the audit log (also CLAIMCHECK_REVIEWER; default: your login name).",
)
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.version_option(package_name="claimcheck")
@click.pass_context
def main(ctx: click.Context, db_url: str, reviewer: str | None, debug: bool) -> None:
    """Claim fact-checking and provenance tracking for news corpora.

    Every sentence of every article becomes a claim with its provenance: the
    document and exact character span it came from, and who it is attributed to.
    """
    ctx.obj = Context(db_url, debug, reviewer or None)


for command in (
    ingest.ingest,
    claims.claims,
    claims.show,
    claims.export,
    report.report,
    sources.sources,
    clusters.dedupe,
    clusters.clusters,
    review.verdict,
    review.link,
    review.unlink,
    review.note,
    review.history,
    review.undo,
    db.db,
    review_app.review,
):
    main.add_command(command)
