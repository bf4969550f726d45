"""A report written to an output: by one process, or by two in halves when there is enough
to write (`halves`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from claimcheck.reports.halves import worth_two, write_halves
from claimcheck.reports.render import render
from claimcheck.reports.report_json import render_json
from claimcheck.services.reporting import Report

# What an unattributed statement costs to write, in claims: the second part writes the
# unattributed section after its claims, so the first part takes more of the claims.
UNATTRIBUTED_WEIGHT = 0.35


def write_report(out: IO[str], report: Report, fmt: str) -> None:
    """The report as Markdown ("md"), HTML ("html") or JSON ("json")."""
    summary = report.summary
    parts = None
    if worth_two(summary.sentences):
        share = (summary.sentences + UNATTRIBUTED_WEIGHT * summary.unattributed) / (
            2 * summary.sentences
        )
        parts = report.split(share)
    if parts is None:
        out.writelines(_chunks(report, fmt))
        return
    first, rest = parts
    write_halves(out, report.db, lambda: _chunks(first, fmt), lambda: _chunks(rest, fmt))


def _chunks(report: Report, fmt: str) -> Iterator[str]:
    return render_json(report) if fmt == "json" else render(report, fmt)
