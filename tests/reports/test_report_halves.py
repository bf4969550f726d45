"""Reports and the PROV export written by two processes, a half each, are the bytes one
process writes; a second process that fails is a clear error and leaves no output."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.core import second_process
from claimcheck.reports import halves
from claimcheck.reports.output import write_report
from claimcheck.reports.prov_json import write_prov_to
from claimcheck.services.database import open_database
from claimcheck.services.reporting import build_report
from tests.reports.conftest import open_corpus

FORMATS = ("md", "html", "json", "prov")


@pytest.fixture
def counted_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two processes for a big enough report on any machine; counts the forks."""
    started: list[int] = []
    pool = second_process.pool

    def counted(*args: Any) -> Any:
        started.append(1)
        return pool(*args)

    monkeypatch.setattr(second_process, "cores", lambda: 2)
    monkeypatch.setattr(second_process, "pool", counted)
    return started


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch, counted_forks: list[int]) -> list[int]:
    """Two processes for any report, however small, on any machine; counts the forks."""
    monkeypatch.setattr(halves, "PARALLEL_FROM_CLAIMS", 0)
    return counted_forks


def _command(fmt: str) -> list[str]:
    return ["export", "--format", "prov"] if fmt == "prov" else ["report", "--format", fmt]


def _write(url: str, fmt: str, out: Path) -> str:
    result = CliRunner().invoke(main, ["--db", url, *_command(fmt), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_two_processes_write_what_one_writes(
    reviewed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    with monkeypatch.context() as one_process:
        one_process.setattr(halves, "PARALLEL_FROM_CLAIMS", 10**9)
        whole = {fmt: _write(reviewed, fmt, tmp_path / f"one.{fmt}") for fmt in FORMATS}
    assert not forks
    for fmt in FORMATS:
        assert _write(reviewed, fmt, tmp_path / f"two.{fmt}") == whole[fmt], fmt
    assert len(forks) == len(FORMATS)
    assert '<article id="claim-10"' in whole["html"] and whole["json"].endswith("\n]}\n")


def test_every_cut_between_documents_gives_the_same_report(reviewed: str, forks: list[int]) -> None:
    db = open_database(reviewed)
    try:
        report = build_report(db)
        cuts = set()
        for fmt in ("md", "html", "json"):
            whole = io.StringIO()
            whole.writelines(_one(report, fmt))
            for tenths in range(1, 10):
                parts = report.split(tenths / 10)
                if parts is None:  # the first part would need the last document too
                    continue
                first, rest = parts
                cuts.add(first._cut)
                out = io.StringIO()
                halves.write_halves(out, db, _chunks(first, fmt), _chunks(rest, fmt))
                assert out.getvalue() == whole.getvalue(), (fmt, tenths)
        assert len(cuts) == 4  # five documents: every cut between two of them
        assert report.split(0.0) is None and report.split(0.71) is None
    finally:
        db.close()


def _one(report: Any, fmt: str) -> Any:
    from claimcheck.reports.render import render
    from claimcheck.reports.report_json import render_json

    return render_json(report) if fmt == "json" else render(report, fmt)


def _chunks(report: Any, fmt: str) -> Callable[[], Any]:
    return lambda: _one(report, fmt)


def test_a_small_corpus_stays_in_one_process(reviewed: str, counted_forks: list[int]) -> None:
    db = open_database(reviewed)
    try:
        out = io.StringIO()
        write_report(out, build_report(db), "html")  # ten claims: under the threshold
        write_prov_to(out, db)
    finally:
        db.close()
    assert out.getvalue().count("<article ") == 10
    assert not counted_forks


def test_a_report_of_one_document_stays_in_one_process(reviewed: str, forks: list[int]) -> None:
    # However long, one document is not cut in two: there is nowhere between documents.
    db = open_database(reviewed)
    try:
        out = io.StringIO()
        write_report(out, build_report(db, "1"), "html")
    finally:
        db.close()
    assert out.getvalue().count("<article ") == 2
    assert not forks


def test_an_in_memory_database_stays_in_one_process(tmp_path: Path, forks: list[int]) -> None:
    # A forked process opening `sqlite://` again would find an empty database of its own.
    db = open_corpus("sqlite://", tmp_path / "corpus")
    try:
        out = io.StringIO()
        write_report(out, build_report(db), "html")
        prov = io.StringIO()
        write_prov_to(prov, db)
    finally:
        db.close()
    assert out.getvalue().count("<article ") == 10
    assert '"cc:claim-10"' in prov.getvalue()
    assert not forks


def test_the_second_half_waits_beside_the_output_not_in_the_temporary_folder(
    reviewed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    # A temporary folder too small for the second half (here: none at all).
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no temporary folder"))
    folder = tmp_path / "reports"
    folder.mkdir()
    with monkeypatch.context() as one_process:
        one_process.setattr(halves, "PARALLEL_FROM_CLAIMS", 10**9)
        whole = {fmt: _write(reviewed, fmt, folder / f"one.{fmt}") for fmt in FORMATS}
    for fmt in FORMATS:
        assert _write(reviewed, fmt, folder / f"two.{fmt}") == whole[fmt], fmt
    assert len(forks) == len(FORMATS)
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        f"{name}.{fmt}" for name in ("one", "two") for fmt in FORMATS
    )


@pytest.mark.parametrize("part", ["first", "rest"])
def test_a_part_of_an_output_without_its_cut_is_an_error(part: str) -> None:
    # Else the first part would be the whole output and the rest nothing.
    chunks = ["<p>one</p>", "<p>two</p>"]
    with pytest.raises(RuntimeError, match="no point where its parts meet"):
        list(halves.cut(part, iter(chunks)))
    assert list(halves.cut(None, iter(chunks))) == chunks
    both = list(halves.cut(part, iter([chunks[0], halves.CUT, chunks[1]])))
    assert both == [chunks[0] if part == "first" else chunks[1]]


def _fails(path: str) -> None:
    raise RuntimeError("disk on fire")


def _dies(path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write("half a report")
    os._exit(1)  # as if killed, or out of memory


@pytest.mark.parametrize(
    ("second_half", "message", "fmt"),
    [
        (_fails, "the second process writing the output failed: disk on fire", "html"),
        (_dies, "the second process writing the output stopped (killed, or out of memory)", "prov"),
    ],
)
def test_a_failing_second_process_is_an_error_and_leaves_no_output(
    reviewed: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    forks: list[int],
    second_half: Callable[[str], None],
    message: str,
    fmt: str,
) -> None:
    monkeypatch.setattr(halves, "_write_rest", second_half)
    out = tmp_path / "report.out"
    result = CliRunner().invoke(main, ["--db", reviewed, *_command(fmt), "-o", str(out)])
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists() and not list(tmp_path.glob("report.out*"))
    assert forks == [1]
