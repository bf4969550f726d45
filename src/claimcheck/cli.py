"""The `claimcheck` command: each subcommand is a few lines over a service."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, ParamSpec, TypeVar

import click

from claimcheck.core.vocabulary import SOURCE_KINDS, STATUSES
from claimcheck.errors import ClaimcheckError

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


def terminal_safe(text: str) -> str:
    """Corpus text shown on a terminal: control characters made visible, never obeyed."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    """Text folded onto one line (white space kept at its edges, so pieces join up)."""
    return terminal_safe(_SPACE.sub(" ", text))


def json_line(value: Any) -> str:
    # json leaves C1 controls (U+0080-U+009F) raw; some terminals obey them.
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


class Context:
    def __init__(self, db_url: str, debug: bool) -> None:
        self.db_url = db_url
        self.debug = debug


def command_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn a failed operation into one sentence and exit code 1 (a traceback with --debug)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except click.ClickException:
            raise
        except BrokenPipeError:
            # The reader went away (`claimcheck claims | head`): not an error of ours.
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            sys.exit(0)
        except Exception as error:
            ctx = click.get_current_context().find_object(Context)
            if ctx is not None and ctx.debug:
                raise
            message = (
                str(error)
                if isinstance(error, ClaimcheckError)
                else (f"unexpected {type(error).__name__}: {error} (run with --debug for details)")
            )
            click.echo(f"Error: {terminal_safe(message)}", err=True)
            sys.exit(1)

    return wrapper


@contextmanager
def database(ctx: Context) -> Iterator[Any]:
    from claimcheck.services.database import open_database

    db = open_database(ctx.db_url)
    try:
        yield db
    finally:
        db.close()


pass_context = click.make_pass_decorator(Context)


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
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.version_option(package_name="claimcheck")
@click.pass_context
def main(ctx: click.Context, db_url: str, debug: bool) -> None:
    """Claim fact-checking and provenance tracking for news corpora.

    Every sentence of every article becomes a claim with its provenance: the
    document and exact character span it came from, and who it is attributed to.
    """
    ctx.obj = Context(db_url, debug)


def threshold_options(fn: F) -> F:
    options = [
        click.option("--upper", type=click.FloatRange(0, 100), envvar="CLAIMCHECK_DEDUPE_UPPER",
                     default=90.0, show_default=True,
                     help="Score (0-100) at which near-identical claims join a cluster."),
        click.option("--lower", type=click.FloatRange(0, 100), envvar="CLAIMCHECK_DEDUPE_LOWER",
                     default=80.0, show_default=True,
                     help="Score from which pairs are suggested to a reviewer."),
        click.option("--min-words", type=click.IntRange(min=0), default=8, show_default=True,
                     envvar="CLAIMCHECK_DEDUPE_MIN_WORDS",
                     help="Shorter claims are only ever suggested, never joined."),
    ]  # fmt: skip
    for option in reversed(options):
        fn = option(fn)
    return fn


def make_thresholds(upper: float, lower: float, min_words: int) -> Any:
    from claimcheck.core.dedupe import Thresholds

    if lower > upper:
        raise click.BadParameter(f"--lower {lower} is above --upper {upper}")
    return Thresholds(upper=upper, lower=lower, min_words=min_words)


def parse_size(value: str) -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", value.lower())
    if match is None:
        raise click.BadParameter(f"{value!r} is not a size such as 20MB or 500KB")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2)]
    return int(float(match.group(1)) * factor)


@main.command()
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
    from claimcheck.core.prepare import ReadOptions
    from claimcheck.core.reading import Metadata
    from claimcheck.services.ingest import IngestOptions
    from claimcheck.services.ingest import ingest as run_ingest

    metadata = Metadata(title, publisher, url, published.date() if published else None)
    read = ReadOptions(
        max_bytes=parse_size(max_size),
        fallback_encoding=encoding,
        metadata=metadata if any((title, publisher, url, published)) else None,
    )
    options = IngestOptions(read, thresholds=make_thresholds(upper, lower, min_words))
    with database(ctx) as db, progress_bar(quiet) as progress:
        try:
            summary = run_ingest(db, list(paths), options, progress)
        except KeyboardInterrupt:
            # Stored documents are kept, but matching them waited for the end of the batch.
            click.echo(
                "\nInterrupted: the documents stored so far are kept. Run `claimcheck dedupe` "
                "to match them for near-duplicates.",
                err=True,
            )
            sys.exit(130)
    for skipped in summary.skipped:
        click.echo(f"Error: {terminal_safe(skipped.reason)}", err=True)
    if not quiet:
        print_summary(summary)
    if summary.failed:
        sys.exit(1)


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Callable[[int, int, str], None] | None]:
    """A bar on a terminal; nothing in a pipe or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    bar: Any = None

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


def kinds_text(kinds: Any) -> str:
    return ", ".join(f"{kinds[k]} {k}" for k in sorted(kinds))


def print_summary(summary: Any) -> None:
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
    for skipped in summary.skipped:
        click.echo(f"Skipped: {terminal_safe(skipped.reason)}")


CLAIM_FIELDS = ["id", "document", "index", "start", "end", "kind", "checkworthiness",
                "attributed", "flags", "sources", "status", "cluster", "text"]  # fmt: skip


def claim_filter_options(fn: F) -> F:
    options = [
        click.option("--document", help="Only this document (its path or id)."),
        click.option("--kind", type=click.Choice(["claim", "headline", "boilerplate", "other"])),
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
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _claim_filter(**kwargs: Any) -> Any:
    from claimcheck.services.claims import ClaimFilter

    return ClaimFilter(**kwargs)


@main.command()
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
def claims(ctx: Context, /, fmt: str, **filters: Any) -> None:
    """List claims, filtered and sorted, as a table, JSON Lines or CSV.

    Example: claimcheck claims --unattributed --sort checkworthiness --limit 10
    """
    from claimcheck.services.claims import iter_claims

    with database(ctx) as db:
        write_claims(iter_claims(db, _claim_filter(**filters)), fmt, sys.stdout)


def write_claims(views: Iterator[Any], fmt: str, out: IO[str]) -> None:
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


@main.command()
@click.argument("claim_id", type=int)
@pass_context
@command_errors
def show(ctx: Context, claim_id: int) -> None:
    """Show one claim: its sentence with source and cue marked, and its provenance chain."""
    from claimcheck.services.claims import get_claim
    from claimcheck.services.clusters import get_cluster

    with database(ctx) as db:
        view = get_claim(db, claim_id)
        cluster = get_cluster(db, view.cluster) if view.cluster is not None else None
    doc = view.document
    click.echo(f"Claim {view.id}  ({view.kind}, status {view.status})")
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
    for link in view.links:
        target = link.url or link.target_source or f"claim {link.target_claim}"
        click.echo(f"Link: {link.relation} {terminal_safe(str(target))}")


def marked_sentence(view: Any) -> str:
    """The sentence with source spans underlined and cues in bold (plain brackets in pipes)."""
    marks: list[tuple[int, int, str]] = []
    for s in view.sources:
        if s.start is not None and s.end is not None and view.start <= s.start < view.end:
            marks.append((s.start, s.end, "source"))
        if s.cue_start is not None and s.cue_end is not None and view.start <= s.cue_start:
            marks.append((s.cue_start, s.cue_end, "cue"))
    out: list[str] = []
    cursor = view.start
    for start, end, what in sorted(set(marks)):
        if start < cursor:
            continue
        out.append(one_line(view.text[cursor - view.start : start - view.start]))
        piece = one_line(view.text[start - view.start : end - view.start])
        if sys.stdout.isatty():
            out.append(click.style(piece, underline=what == "source", bold=what == "cue"))
        else:
            out.append(f"[{piece}]" if what == "source" else f"{{{piece}}}")
        cursor = end
    out.append(one_line(view.text[cursor - view.start :]))
    return "".join(out)


def provenance_chain(view: Any) -> str:
    def how(s: Any) -> str:
        return terminal_safe(" ".join(filter(None, (s.cue, s.medium))) or "implied")

    primary = [s for s in view.sources if s.role != "via"]
    via = [s for s in view.sources if s.role == "via"]
    text = " and ".join(f"{terminal_safe(s.canonical)} ({how(s)})" for s in primary)
    text = text or "unnamed"
    for s in via:
        text += f", relayed by {terminal_safe(s.canonical)} ({how(s)})"
    return text


@main.command()
@claim_filter_options
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@pass_context
@command_errors
def export(ctx: Context, /, fmt: str, output: Path | None, **filters: Any) -> None:
    """Export claims with their provenance, in document order, as JSON Lines or CSV."""
    from claimcheck.services.claims import iter_claims

    with database(ctx) as db:
        views = iter_claims(db, _claim_filter(**filters))
        if output is None:
            write_claims(views, fmt, sys.stdout)
            return
        # A regular file is replaced whole, so a failed export leaves the old one; a link,
        # pipe or device is written as it is.
        regular = (output.is_file() and not output.is_symlink()) or not output.exists()
        target = output.with_name(output.name + ".partial") if regular else output
        try:
            with target.open("w", encoding="utf-8", newline="") as out:
                write_claims(views, fmt, out)
            if regular:
                target.replace(output)
        except OSError as error:
            raise ClaimcheckError(f"cannot write {output}: {error.strerror}") from error
        finally:
            if regular:
                target.unlink(missing_ok=True)


@main.group()
def db() -> None:
    """Show or move the database schema version."""


@db.command()
@click.argument("revision", default="head")
@pass_context
@command_errors
def upgrade(ctx: Context, revision: str) -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    from claimcheck.services import database as schema

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

    state = schema.downgrade(ctx.db_url, revision)
    click.echo(f"Database schema at {state.current or 'base'} (newest: {state.head})")


@db.command()
@pass_context
@command_errors
def current(ctx: Context) -> None:
    """Show the database's schema version and the newest this claimcheck knows."""
    from claimcheck.services import database as schema

    state = schema.current(ctx.db_url)
    behind = "" if state.current == state.head else " (run `claimcheck db upgrade`)"
    click.echo(f"Database schema at {state.current or 'base'} (newest: {state.head}){behind}")


@main.group(invoke_without_command=True)
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
        name = add_alias(db, source, alias)
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
        old = rename(db, source, new_name)
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
        kept = merge(db, source, into)
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
        name = set_kind(db, source, kind)
    click.echo(f"{one_line(name)} is now {kind}")


@main.command()
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


@main.group(invoke_without_command=True)
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
            decide_family(db, family_id, verdict == "same")
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
        confirm(db, claim_a, claim_b)
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
        still = reject(db, claim_a, claim_b)
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
        split(db, cluster_id, claim_ids)
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
        merge(db, cluster_id, other_id)
    click.echo(f"Merged clusters {cluster_id} and {other_id}")
