"""The exceptions every layer raises for a failed operation a user can act on."""

from __future__ import annotations

import datetime as dt


class ClaimcheckError(Exception):
    """Its message is one sentence that says what failed and what to do."""


def first_line(error: BaseException | None) -> str:
    """The first line of an error's message (a database's runs on over the statement and
    its parameters), or the error's type where the message is empty."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class NotFound(ClaimcheckError):
    """An id or name that names nothing: "no claim 999"."""


def _by_and_when(by: str | None, at: dt.datetime | None) -> str:
    """Who made a change, and when, as the conflict messages say it."""
    when = f" at {at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC" if at else ""
    return (f"by {by}" if by else "by someone else") + when


class Conflict(ClaimcheckError):
    """A write based on a version of a claim that someone has changed since."""

    def __init__(
        self,
        claim_id: int,
        by: str | None,
        at: dt.datetime | None,
        current_version: int,
        *,
        what: str | None = None,
    ) -> None:
        self.claim_id = claim_id
        self.by = by
        self.at = at
        self.current_version = current_version
        self.what = what
        change = f"{what}; " if what else ""
        super().__init__(
            f"claim {claim_id} was changed {_by_and_when(by, at)} "
            f"({change}now version {current_version}); "
            "reload and try again"
        )


class StaleWrite(ClaimcheckError):
    """A write to a source, a cluster, a pair or a family that someone changed since it was
    read: nothing was saved. Names who changed it, when and how, where the log says."""

    def __init__(
        self, subject: str, by: str | None, at: dt.datetime | None, what: str | None
    ) -> None:
        self.subject = subject
        self.by = by
        self.at = at
        self.what = what
        change = f" ({what})" if what else ""
        super().__init__(
            f"{subject} was changed {_by_and_when(by, at)}{change} while you were working on it; "
            "nothing was saved: reload and try again"
        )
