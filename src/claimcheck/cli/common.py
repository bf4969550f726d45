"""What every command shares: the context, one-sentence errors, the database, options."""

from __future__ import annotations

import functools
import gc
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, ParamSpec, TypeVar

import click

from claimcheck.core.collector import frozen
from claimcheck.errors import ClaimcheckError
from claimcheck.presentation import terminal_safe

if TYPE_CHECKING:
    from claimcheck.core.matches import Thresholds
    from claimcheck.services.database import Database

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., object])

_C1 = re.compile(r"[\x7f-\x9f]")


def json_line(value: object) -> str:
    # json leaves C1 controls (U+0080-U+009F) raw; some terminals obey them.
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


class Context:
    def __init__(self, db_url: str, debug: bool, reviewer: str | None = None) -> None:
        self.db_url = db_url
        self.debug = debug
        # None: CLAIMCHECK_REVIEWER or the login name, as the services decide.
        self.reviewer = reviewer


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
def database(ctx: Context) -> Iterator[Database]:
    from claimcheck.services.database import open_database

    db = open_database(ctx.db_url)
    loaded()
    try:
        yield db
    finally:
        db.close()


pass_context = click.make_pass_decorator(Context)


def stacked(*options: Callable[[F], F]) -> Callable[[F], F]:
    """Options that several commands share, as one decorator: listed as `--help` lists them."""

    def decorate(fn: F) -> F:
        for option in reversed(options):
            fn = option(fn)
        return fn

    return decorate


threshold_options = stacked(
    click.option("--upper", type=click.FloatRange(0, 100), envvar="CLAIMCHECK_DEDUPE_UPPER",
                 default=90.0, show_default=True,
                 help="Score (0-100) at which near-identical claims join a cluster."),
    click.option("--lower", type=click.FloatRange(0, 100), envvar="CLAIMCHECK_DEDUPE_LOWER",
                 default=80.0, show_default=True,
                 help="Score from which pairs are suggested to a reviewer."),
    click.option("--min-words", type=click.IntRange(min=0), default=8, show_default=True,
                 envvar="CLAIMCHECK_DEDUPE_MIN_WORDS",
                 help="Shorter claims are only ever suggested, never joined."),
)  # fmt: skip


def make_thresholds(upper: float, lower: float, min_words: int) -> Thresholds:
    from claimcheck.core.matches import Thresholds

    if lower > upper:
        raise click.BadParameter(f"--lower {lower} is above --upper {upper}")
    return Thresholds(upper=upper, lower=lower, min_words=min_words)


class _Collector:
    """The collector as a command found it, while the command runs (`hold_collector`)."""

    def __init__(self) -> None:
        self.enabled = gc.isenabled()
        self.loaded = False
        self.frozen = ExitStack()


_held: _Collector | None = None


def hold_collector() -> None:
    """The command starts (see `claimcheck.cli.main`): the collector, if it is on, is off
    until the command has loaded what it uses (`loaded`); `collect_again` puts it back."""
    global _held
    _held = _Collector()
    if _held.enabled:
        gc.disable()


def loaded() -> None:
    """The command has loaded what it uses: the collector works again, leaving out (frozen)
    the objects loaded so far until the command ends (`collect_again`); reference
    counting still frees them if they are dropped. Only what `hold_collector` changed is
    undone: a program that had the collector off when it called the command keeps it off,
    and one with frozen objects of its own has nothing more frozen (`frozen`)."""
    if _held is None or _held.loaded or not _held.enabled:
        return
    _held.loaded = True
    _held.frozen.enter_context(frozen())
    gc.enable()


def collect_again() -> None:
    """The command is over: the collector as the command found it (on if it was on, off if
    it was off), and what the command froze unfrozen."""
    global _held
    held, _held = _held, None
    if held is None:
        return
    held.frozen.close()
    if held.enabled:
        gc.enable()


@contextmanager
def few_collections() -> Iterator[None]:
    """Fewer garbage collector passes while a long output is written.

    Writing 100,000 claims makes millions of short-lived tuples and strings, which
    reference counting frees; the collector, started every 700 of them, went on to
    scan every object alive (the modules, the mapped classes) again and again, a third of
    the time of a report. Objects alive before the output are set aside (frozen) while it
    is written, and the rare cycles are still collected, only in larger steps.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(50_000, threshold[1], threshold[2])
    try:
        with frozen():
            yield
    finally:
        gc.set_threshold(*threshold)


def write_output(output: Path | None, write: Callable[[IO[str]], None]) -> None:
    """Write to standard output, or to a file that is replaced only once it is complete.

    A regular file is written beside itself and moved into place, so a failed run leaves
    the old one; a link, pipe or device is written as it is.
    """
    with few_collections():
        _write_output(output, write)


def scratch_folder(output: Path | None) -> Path | None:
    """Where a part of the output may wait before it is written to it: beside a regular
    file (where its `.partial` file is), else (standard output, a pipe, a device) None,
    the system's temporary folder."""
    return output.parent if output is not None and _regular(output) else None


def _regular(output: Path) -> bool:
    return (output.is_file() and not output.is_symlink()) or not output.exists()


def _write_output(output: Path | None, write: Callable[[IO[str]], None]) -> None:
    if output is None:
        write(sys.stdout)
        return
    regular = _regular(output)
    target = output.with_name(output.name + ".partial") if regular else output
    try:
        with target.open("w", encoding="utf-8", newline="") as out:
            write(out)
        if regular:
            target.replace(output)
    except OSError as error:
        raise ClaimcheckError(f"cannot write {output}: {error.strerror}") from error
    finally:
        if regular:
            target.unlink(missing_ok=True)
