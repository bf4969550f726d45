"""A report written to an output: by one process, or by two in halves when there is enough
to write (`halves`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from claimcheck.reports.halves import worth_two, write_halves
from claimcheck.reports.render import render
from claimcheck.reports.report_json import render_json
from claimcheck.services.reporting import Report

# The second part writes the unattributed section and the history after its claims, so
# the first part takes more of the claims: as many more as 0.4 of the unattributed
# statements. On the 100k-claim benchmark (HTML, JSON) the second part ended 5-10% later
# than the first with a third, and the first 7% later with a half.
UNATTRIBUTED_WEIGHT = 0.4


def write_report(out: IO[str], report: Report, fmt: str, folder: Path | None = None) -> None:
    """The report as Markdown ("md"), HTML ("html") or JSON ("json"); written in two
    processes, the second half waits in `folder` (`write_halves`)."""
    summary = report.summary
    parts = None
    if worth_two(summary.sentences, report.db):
        share = (summary.sentences + UNATTRIBUTED_WEIGHT * summary.unattributed) / (
            2 * summary.sentences
        )
        parts = report.split(share)
    if parts is None:
        out.writelines(_chunks(report, fmt))
        return
    first, rest = parts
    write_halves(out, report.db, lambda: _chunks(first, fmt), lambda: _chunks(rest, fmt), folder)


def _chunks(report: Report, fmt: str) -> Iterator[str]:
    return render_json(report) if fmt == "json" else render(report, fmt)
