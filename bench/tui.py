"""The review app at scale: time to a usable queue, key-to-screen latency, peak memory.

    python bench/tui.py [--sentences 100000] [--repeat 5]

A corpus of news-like articles is generated as bench/ingest.py generates it and ingested
into SQLite once (kept in bench/out/ for later runs). Then, in a fresh process, the app
runs headless under Textual's Pilot at 160x45: the time from starting the app to the first
page of the queue on screen, and for each key (moving, paging, End and Home, searching,
filtering, setting a status), median and worst of several presses, two times:

- key-to-screen: from sending the key to the frame that shows its effect (see Frames);
- press-to-idle: from the Pilot's press until the key's effect is in the app and the
  process has been idle again (the Pilot's own waits, about 60 ms, included, and any work
  the key set off in the background), with the process's CPU time over the same span.

Peak memory is that process's maximum resident set. For reference, the same moves are
timed both ways on a bare Textual DataTable of 300 rows in the same process: what Textual
and the Pilot cost on this machine before any of ours.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def build(sentences: int) -> Path:
    """A SQLite database with `sentences` claims, generated once and kept."""
    path = OUT / f"tui-{sentences}.db"
    if path.exists():
        return path
    import random
    import tempfile

    from claimcheck.services.database import open_database
    from claimcheck.services.ingest import ingest

    sys.path.insert(0, str(HERE))
    articles = __import__("ingest").articles  # the ingest benchmark's generator
    OUT.mkdir(exist_ok=True)
    rng = random.Random(sentences)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for number, text in enumerate(articles(rng, sentences // 100, 100)):
            (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")
        partial = path.with_suffix(".partial")
        db = open_database(f"sqlite:///{partial}")
        ingest(db, [folder])
        db.close()
        partial.rename(path)
    return path


async def until(pilot: Any, done: Callable[[], bool], limit: float = 30.0) -> None:
    began = time.perf_counter()
    while not done():
        if time.perf_counter() - began > limit:
            raise TimeoutError("the screen did not change")
        await pilot.pause(0.001)


Times = dict[str, list[float]]
Line = tuple[Any, ...]
EMPTY: Line = ("no rows",)


class Frames:
    """Every frame the app puts out, and the table lines drawn for it.

    The Pilot's `press` returns only once the process has been idle for 20 ms three
    times (twice in `press`, once in the `pause` after it), so a time taken when it
    returns holds those waits, whatever the key costs. Here the key is timed to the
    frame that shows its effect: the app's `_display` (which the headless driver calls
    with each compositor update and then drops) is wrapped to note the time of each
    frame, and the table's `render_line` to note which rows it drew with the cursor on
    them and in which state, so a key counts as on screen at the first frame by which
    the model holds its effect (`done`) and the line showing it (the cursor's row, as
    it now stands) has been drawn since the key was sent.
    """

    def __init__(
        self, app: Any, table: Any, label: Callable[[int], Line | None], empty: Any = None
    ) -> None:
        self.app = app
        self.drawn: set[Line] = set()
        self.sent = 0.0
        self.shown: float | None = None
        self.wanted: Callable[[], Line | None] | None = None
        display, render_line = app._display, table.render_line

        def drawing(y: int) -> Any:
            strip = render_line(y)
            line = label(y)
            if line is not None:
                self.drawn.add(line)
            return strip

        def displaying(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None or app._batch_count or self.wanted is None:
                return
            wanted = self.wanted()
            if wanted is not None and wanted in self.drawn:
                self.shown, self.wanted = time.perf_counter(), None

        table.render_line = drawing
        app._display = displaying
        if empty is not None:
            # An empty result shows a notice in place of the table.
            render = empty.render

            def rendering() -> Any:
                self.drawn.add(EMPTY)
                return render()

            empty.render = rendering

    def send(self, wanted: Callable[[], Line | None]) -> None:
        """Look, from now on, for the frame that shows `wanted` (None: not yet)."""
        self.drawn.clear()
        self.shown, self.wanted = None, wanted
        self.sent = time.perf_counter()

    def took(self) -> float:
        """Milliseconds from the key to the frame that showed it."""
        if self.shown is None:
            raise TimeoutError("no frame showed the key's effect")
        return (self.shown - self.sent) * 1000


async def one_run(url: str, keys: Times, shown: Times, cpu: Times, run: int) -> float:
    """One start of the app and a round of keys; returns the start time in ms."""
    from claimcheck.core.collector import frozen
    from claimcheck.tui.app import make_app
    from claimcheck.tui.screens.queue import QueueScreen

    began = time.perf_counter()
    app = make_app(url, "bench", cursor_blink=False)
    # As `claimcheck review` does (`cli.common.loaded`): what is loaded by now is left out
    # of the collector's passes (and what the app makes in starting, once it has started).
    # Without it each full pass walked every module again, a 100-170 ms pause that landed
    # on a key now and then.
    collector = contextlib.ExitStack()
    collector.enter_context(frozen())
    async with app.run_test(size=(160, 45)) as pilot:

        def loaded() -> bool:
            return isinstance(app.screen, QueueScreen) and bool(app.screen.table.rows)

        await until(pilot, loaded)
        await pilot.pause()
        start_ms = (time.perf_counter() - began) * 1000
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        table = queue.table

        def label(y: int) -> Line | None:
            index = round(table.scroll_y) + y - 1
            if y < 1 or index >= len(table.rows):
                return None
            row = table.rows[index]
            return (row.id, index == table.cursor_row, row.status)

        frames = Frames(app, table, label, queue.query_one("#empty"))

        async def press(name: str, key: str, done: Callable[[], bool]) -> None:
            # Wall time to the frame showing the effect; wall time to the Pilot's idle;
            # and the process's CPU time to that idle (every thread: the workers'
            # queries too), which a busy machine stretches less.
            def wanted() -> Line | None:
                if not done():
                    return None
                if not table.rows:
                    return EMPTY
                row = table.rows[table.cursor_row]
                return (row.id, True, row.status)

            frames.send(wanted)
            began, began_cpu = frames.sent, time.process_time()
            await pilot.press(key)
            await until(pilot, done)
            await pilot.pause()
            keys[name].append((time.perf_counter() - began) * 1000)
            cpu[name].append((time.process_time() - began_cpu) * 1000)
            await until(pilot, lambda: frames.shown is not None)
            shown[name].append(frames.took())

        def reloaded(generation: int) -> Callable[[], bool]:
            return lambda: queue.generation > generation and not queue.fetching

        def moved_past(row: int) -> Callable[[], bool]:
            return lambda: table.cursor_row > row

        def shows(claim: int, status: str) -> Callable[[], bool]:
            def done() -> bool:
                at = table.index_of(claim)
                return at is not None and table.rows[at].status == status

            return done

        for _ in range(10):
            await press("move", "j", moved_past(table.cursor_row))
        for _ in range(10):
            await press("page", "pagedown", moved_past(table.cursor_row))

        def at_end() -> bool:
            return not queue.fetching and not queue.more and table.cursor_row == table.row_count - 1

        def home() -> bool:
            return not queue.fetching and not queue.earlier and table.cursor_row == 0

        await press("end", "end", at_end)
        await press("home", "home", home)

        await pilot.press("slash", *f"ba{run}")
        await press("search", "enter", reloaded(queue.generation))
        await pilot.press("escape")
        await until(pilot, lambda: not queue.fetching)

        await pilot.press("f")
        await pilot.pause()
        await pilot.click("#unattributed")
        await press("filter", "ctrl+s", reloaded(queue.generation))

        for _ in range(3):
            current = queue.current_claim()
            assert current is not None
            await pilot.press("s")
            await pilot.pause()
            target = "needs_source" if current.status != "needs_source" else "disputed"
            digit = "3" if target == "needs_source" else "5"
            await press("status", digit, shows(current.id, target))
            await pilot.press("j")
        await app.workers.wait_for_complete()
    collector.close()
    return start_ms


async def reference(keys: Times, shown: Times, cpu: Times) -> None:
    """The same presses on a bare Textual DataTable of 300 rows: what Textual itself costs here."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            table: DataTable[str] = DataTable(cursor_type="row")
            table.add_columns("status", "flags", "source", "where", "claim")
            for n in range(300):
                table.add_row("unreviewed", "unattributed", "Reuters", f"{n:06d}.txt:{n}", "x" * 90)
            yield table
            yield Footer()

    began, began_cpu = time.perf_counter(), time.process_time()
    app = Bare()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        keys["reference start"] = [(time.perf_counter() - began) * 1000]
        cpu["reference start"] = [(time.process_time() - began_cpu) * 1000]
        table = app.query_one(DataTable)

        def label(y: int) -> Line | None:
            index = round(table.scroll_y) + y - 1
            return None if y < 1 else (index, index == table.cursor_row)

        frames = Frames(app, table, label)
        # 300 rows hold five pages of 40 below the first ten rows.
        for key, name in [("down", "reference move"), ("pagedown", "reference page")]:
            keys[name], shown[name], cpu[name] = [], [], []
            for _ in range(5):
                row = table.cursor_row
                frames.send(
                    lambda row=row: (table.cursor_row, True) if table.cursor_row > row else None  # type: ignore[misc]
                )
                began, began_cpu = frames.sent, time.process_time()
                await pilot.press(key)
                await until(pilot, lambda row=row: table.cursor_row > row)  # type: ignore[misc]
                await pilot.pause()
                keys[name].append((time.perf_counter() - began) * 1000)
                cpu[name].append((time.process_time() - began_cpu) * 1000)
                await until(pilot, lambda: frames.shown is not None)
                shown[name].append(frames.took())


async def measure(url: str, repeat: int) -> dict[str, Any]:
    names = ("move", "page", "end", "home", "search", "filter", "status")
    keys: Times = {name: [] for name in names}
    shown: Times = {name: [] for name in names}
    cpu: Times = {name: [] for name in names}
    starts = [await one_run(url, keys, shown, cpu, run) for run in range(repeat)]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    await reference(keys, shown, cpu)
    return {"start_ms": starts, "keys_ms": keys, "shown_ms": shown, "cpu_ms": cpu, "peak_mib": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(asyncio.run(measure(args.measure, args.repeat))))
        return
    path = build(args.sentences)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    from sqlalchemy import create_engine, text

    with create_engine(f"sqlite:///{path}").connect() as connection:
        claims = connection.execute(text("SELECT count(*) FROM claims")).scalar_one()
        connection.execute(text("UPDATE claims SET status = 'unreviewed'"))
        connection.commit()
    # Measured in a fresh process, so its peak memory is the app's and not the generator's.
    out = subprocess.run(
        [sys.executable, __file__, "--measure", f"sqlite:///{path}", "--repeat", str(args.repeat)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    result = json.loads(out.strip().splitlines()[-1])
    print(f"{platform.node()} {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")  # fmt: skip
    import claimcheck

    print(f"{claims} claims in SQLite, {args.repeat} runs, code from {claimcheck.__path__[0]}")
    print(f"load average at the start: {load}")
    starts = result["start_ms"]
    print(f"{'start to usable queue':<24} median {statistics.median(starts):7.0f} ms  "
          f"worst {max(starts):7.0f} ms")  # fmt: skip
    print("key-to-screen: from sending the key to the frame that shows its effect")
    for key, times in result["shown_ms"].items():
        print(f"{'  ' + key:<24} median {statistics.median(times):7.1f} ms  "
              f"worst {max(times):7.1f} ms  ({len(times)} times)")  # fmt: skip
    print("press-to-idle: from the Pilot's press until the process is idle again "
          "(the Pilot's waits included), and its CPU time")  # fmt: skip
    for key, times in result["keys_ms"].items():
        cpu = result["cpu_ms"][key]
        print(f"{'  ' + key:<24} median {statistics.median(times):7.1f} ms  "
              f"worst {max(times):7.1f} ms  ({len(times)} times)  "
              f"CPU median {statistics.median(cpu):6.1f} ms  worst {max(cpu):6.1f} ms")  # fmt: skip
    print(f"{'peak memory':<24} {result['peak_mib']:.0f} MiB")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
