"""The `claimcheck` command: a module per group of subcommands, each a few lines over a service.

Each command imports the services it calls in its own body, not at the top of its module:
`claimcheck show` or a listing then starts without loading what it does not use (the
matching engine's numpy and rapidfuzz, the attribution engine, Textual), which costs more
than the query itself (tests/test_layers.py checks it). The services' view types are
imported for the type checker alone (under TYPE_CHECKING), so the types are checked where
the commands meet the services at no cost when the command runs.
"""

from __future__ import annotations

import atexit
import gc
import importlib

import click

from claimcheck.cli.common import Context, collect_again, hold_collector

# Each command by the module that defines it, imported when the command runs (`--help`
# imports them all): a command-line tool is judged by how soon it answers, and a command
# pays only for its own module and what that imports.
COMMANDS = {
    "ingest": "ingest",
    "claims": "claims",
    "show": "claims",
    "export": "claims",
    "report": "report",
    "sources": "sources",
    "dedupe": "clusters",
    "clusters": "clusters",
    "verdict": "review",
    "link": "review",
    "unlink": "review",
    "note": "review",
    "history": "review",
    "undo": "review",
    "db": "db",
    "review": "review_app",
}


class _Commands(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module = importlib.import_module(f"claimcheck.cli.{COMMANDS[cmd_name]}")
            self.add_command(getattr(module, cmd_name), cmd_name)
        return self.commands.get(cmd_name)


@click.group(
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
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
    # A command first loads what it uses (SQLAlchemy, the models, its services): a few
    # hundred thousand objects that stay for the whole command, which the collector's
    # passes walked again and again (a tenth of the time `show` takes). It is off until
    # they are loaded (`loaded`), and as the command found it when the command ends.
    hold_collector()
    ctx.call_on_close(collect_again)


def run() -> None:
    """The `claimcheck` program (`main` is also called by other programs, as a library).

    The interpreter's last collection, at exit, walked every object once more (a quarter
    of the CPU time of `show`). A command leaves nothing for it: files and the database
    are closed by then and standard output is flushed by the interpreter itself, so what
    is alive at exit is frozen out of it. Only the program does this: a program calling
    `main` decides for itself what happens at its exit."""
    atexit.register(gc.freeze)
    main()
