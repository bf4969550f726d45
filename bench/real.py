"""Real short articles: `claimcheck ingest` end to end beside pysbd, and command latencies.

    python bench/real.py [--db URL] [--repeat 2] [--runs 5] [--compare DIR] [--text DIR]

The text is real English prose of several kinds, read from where it lies and cut into
articles of 30 to 60 sentences (as claimcheck segments them) in a temporary folder:

- the Wikinews articles in corpus/wikinews (news; CC BY 2.5, see the README there) of
  that length, whole;
- Python's own documentation as Debian ships it (`apt-get install python3.11-doc`, the
  reStructuredText sources under /usr/share/doc/python3.11/html/_sources; Python Software
  Foundation License): the "What's New" articles (release news), the HOWTOs, the tutorial,
  the FAQ and the language reference, with code blocks, directives and tables removed and
  inline markup reduced to its text, cut at paragraph ends.

`--text DIR` adds (or, with no Python documentation installed, stands in for) any folder
of .txt files, read whole.

In one run it reports: pysbd 0.3.4 segmenting the same text (one paragraph at a time, its
fastest use); `claimcheck ingest` of the folder as a new user runs it, the whole command
with its start-up, into a database already at the newest schema (a new SQLite file, or
`--db`, emptied and upgraded before each run); and the time `show`, `claims --limit 20`,
`sources` and `db current` take on the ingested database, beside
`python -c "import sqlalchemy.orm"`, runs interleaved, medians of `--runs` (and the least
CPU time of each). CPU time is given beside wall time, since the machine is often shared.

`--compare DIR` runs the same ingest and commands with another version of claimcheck (a
folder holding its src and migrations, e.g. `git archive main src migrations | tar -x -C
DIR`) first on the import path, back to back with this one, the two taking turns run by
run; each ingest's CPU time (both its processes) is given beside its wall time. Both
versions are byte-compiled first, as an installed wheel is.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]

import pysbd  # noqa: E402

from claimcheck.core.segment import segment  # noqa: E402

PYTHON_DOCS = Path("/usr/share/doc/python3.11/html/_sources")
DOC_PARTS = ("whatsnew", "howto", "tutorial", "faq", "reference")
LOW, HIGH = 30, 60
COMMANDS = ["show 3", "claims --limit 20", "sources", "db current"]

# --- the text -----------------------------------------------------------------------------

_HEADING_RULE = re.compile(r"^([=\-~^*#\"'+`:.])\1{3,}\s*$")
_TABLE = re.compile(r"^\s*[+=][-=+ ]+\s*$|^\s*\|")
_ROLE = re.compile(r":[\w:.+-]+:`(?:([^`<]*?)\s*<[^`>]*>|~?!?([^`]*))`")
_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]*>`_{1,2}")
_LITERAL = re.compile(r"``([^`]+)``")
_EMPHASIS = re.compile(r"\*\*?([^*\s][^*]*?)\*\*?")
_REFERENCE = re.compile(r"`([^`]+)`_{0,2}|\|([^|\s][^|]*)\|")


def _inline(line: str) -> str:
    line = _ROLE.sub(lambda m: (m.group(1) or m.group(2) or "").lstrip("~!."), line)
    line = _LINK.sub(r"\1", line)
    line = _LITERAL.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\1", line)
    return _REFERENCE.sub(lambda m: m.group(1) or m.group(2), line)


def rst_paragraphs(source: str) -> Iterator[str]:
    """The prose paragraphs of a reStructuredText file, as plain text, headings included.

    Directives (code, notes, index entries, comments) and literal blocks go with their
    indented bodies, and so do tables; a bullet keeps its text.
    """
    lines = source.splitlines()
    paragraph: list[str] = []
    skip_indented = False
    for number, raw in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        stripped = raw.strip()
        indented = raw[:1] in (" ", "\t")
        if skip_indented and (indented or not stripped):
            continue
        skip_indented = False
        if not stripped or _HEADING_RULE.match(stripped) or _TABLE.match(raw):
            if paragraph:
                yield _inline(" ".join(paragraph))
                paragraph = []
            continue
        if stripped.startswith(".."):
            skip_indented = True
            if paragraph:
                yield _inline(" ".join(paragraph))
                paragraph = []
            continue
        text = re.sub(r"^([-*+]|\d+\.|#\.)\s+", "", stripped)
        if text.endswith("::"):
            # The paragraph introduces a literal block: keep its words, drop the block.
            text = text[:-2].rstrip() + (":" if text[:-2].strip() else "")
            skip_indented = True
        if text:
            paragraph.append(text)
        if _HEADING_RULE.match(following.strip()) and paragraph:
            yield _inline(" ".join(paragraph))  # a heading is a line of its own
            paragraph = []
    if paragraph:
        yield _inline(" ".join(paragraph))


def cut(name: str, paragraphs: list[str]) -> Iterator[tuple[str, str]]:
    """Articles of LOW to HIGH sentences, cut at paragraph ends; a shorter end is dropped."""
    part: list[str] = []
    sentences = 0
    number = 0
    for paragraph in paragraphs:
        count = len(segment(paragraph))
        if sentences + count > HIGH and sentences >= LOW:
            yield f"{name}-{number:02d}", "\n\n".join(part) + "\n"
            part, sentences, number = [], 0, number + 1
        part.append(paragraph)
        sentences += count
    if LOW <= sentences <= HIGH:
        yield f"{name}-{number:02d}", "\n\n".join(part) + "\n"


def articles(extra: list[Path]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in sorted((ROOT / "corpus" / "wikinews").glob("*.txt")):
        found.append((f"wikinews-{path.stem}", path.read_text(encoding="utf-8")))
    for part in DOC_PARTS:
        for path in sorted((PYTHON_DOCS / part).glob("*.rst.txt")):
            source = path.read_text(encoding="utf-8", errors="replace")
            found.extend(cut(f"{part}-{path.name[:-8]}", list(rst_paragraphs(source))))
    for folder in extra:
        for path in sorted(folder.rglob("*.txt")):
            found.append((f"text-{path.stem}", path.read_text(encoding="utf-8")))
    # Segmented whole, a piece can differ from the sum of its paragraphs.
    return [(name, text) for name, text in found if LOW <= len(segment(text)) <= HIGH]


# --- the runs -------------------------------------------------------------------------------


def pysbd_seconds(texts: list[str]) -> tuple[float, int]:
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    began = time.perf_counter()
    count = sum(len(segmenter.segment(p)) for text in texts for p in text.split("\n\n") if p)
    return time.perf_counter() - began, count


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of a command (its own and its children's)."""
    began = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime


def environment(src: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    return env


def claimcheck(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "claimcheck", "--db", url, *args]


def fresh(url: str, env: dict[str, str]) -> None:
    """An empty database at the newest schema."""
    if url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    else:
        subprocess.run(claimcheck(url, "db", "downgrade", "--yes", "base"), env=env,
                       check=True, capture_output=True)  # fmt: skip
    subprocess.run(claimcheck(url, "db", "upgrade"), env=env, check=True, capture_output=True)


def ingest_runs(
    url: str, folder: Path, envs: dict[str, dict[str, str]], repeat: int
) -> dict[str, list[tuple[float, float]]]:
    """Wall and CPU seconds (both processes) of each version's runs, the versions taking
    turns, so that a load that rises or falls during the runs meets each alike."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in envs}
    for _ in range(repeat):
        for name, env in envs.items():
            fresh(url, env)
            runs[name].append(timed(claimcheck(url, "ingest", "-q", str(folder)), env))
    return runs


def latencies(url: str, envs: dict[str, dict[str, str]], runs: int) -> None:
    base = [sys.executable, "-c", "import sqlalchemy.orm"]
    results: dict[str, list[tuple[float, float]]] = {"import sqlalchemy.orm": []}
    for _ in range(runs):
        results["import sqlalchemy.orm"].append(timed(base, envs["this"]))
        for name, env in envs.items():
            for command in COMMANDS:
                key = f"{command} ({name})" if len(envs) > 1 else command
                results.setdefault(key, []).append(timed(claimcheck(url, *command.split()), env))
    wall0 = statistics.median(w for w, _ in results["import sqlalchemy.orm"])
    cpu0 = statistics.median(c for _, c in results["import sqlalchemy.orm"])
    best0 = min(c for _, c in results["import sqlalchemy.orm"])
    print(f"\nCommand latency, median of {runs} runs, interleaved (and the least CPU time,")
    print("the figure least disturbed by other work on the machine):")
    for key, values in results.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        best = min(c for _, c in values)
        print(f"  {key:<28} {wall:5.2f} s wall ({wall / wall0:4.2f}x)  "
              f"{cpu:5.2f} s CPU ({cpu / cpu0:4.2f}x)  "
              f"least {best:5.2f} s ({best / best0:4.2f}x)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", help="an empty PostgreSQL database's URL (default: SQLite)")
    parser.add_argument("--repeat", type=int, default=2, help="ingest runs each; best kept")
    parser.add_argument("--runs", type=int, default=5, help="runs of each command")
    parser.add_argument("--latency-only", action="store_true", help="skip pysbd and ingest")
    parser.add_argument("--compare", type=Path, help="another version's source tree")
    parser.add_argument("--text", type=Path, action="append", default=[])
    args = parser.parse_args()
    envs = {"this": environment(ROOT / "src")}
    if args.compare is not None:
        envs = {"other": environment(args.compare.resolve() / "src"), **envs}
    for env in envs.values():
        src = env["PYTHONPATH"].split(os.pathsep)[0]
        subprocess.run([sys.executable, "-m", "compileall", "-q", src], check=True,
                       capture_output=True)  # fmt: skip
    texts = articles(args.text)
    sentences = [len(segment(text)) for _, text in texts]
    total = sum(sentences)
    size = sum(len(text.encode()) for _, text in texts)
    load = os.getloadavg()
    print(f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}, "
          f"load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")  # fmt: skip
    print(f"{len(texts)} articles, {total:,} sentences ({min(sentences)}-{max(sentences)}, "
          f"mean {total / len(texts):.0f} an article), {size / 1e6:.2f} MB")  # fmt: skip
    if not args.latency_only:
        seconds, counted = pysbd_seconds([text for _, text in texts])
        print(f"pysbd 0.3.4: {seconds:.2f} s, {counted:,} sentences, {counted / seconds:,.0f}/s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for name, text in texts:
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        url = args.db or f"sqlite:///{tmp}/bench.db"
        if args.latency_only:
            ingest_runs(url, folder, {"this": envs["this"]}, 1)
        else:
            for name, runs in ingest_runs(url, folder, envs, args.repeat).items():
                best = min(wall for wall, _ in runs)
                print(f"claimcheck ingest ({name}): {best:.2f} s (runs: "
                      f"{', '.join(f'{w:.2f}' for w, _ in runs)}; CPU "
                      f"{', '.join(f'{c:.2f}' for _, c in runs)}), "
                      f"{total / best:,.0f} sentences/s, "
                      f"{seconds / best:.1f}x pysbd's speed")  # fmt: skip
        latencies(url, envs, args.runs)
    load = os.getloadavg()
    print(f"load at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


if __name__ == "__main__":
    main()
