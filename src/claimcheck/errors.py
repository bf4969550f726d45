"""The exceptions every layer raises for a failed operation a user can act on."""

from __future__ import annotations

import datetime as dt


class ClaimcheckError(Exception):
    """Its message is one sentence that says what failed and what to do."""


class NotFound(ClaimcheckError):
    """An id or name that names nothing: "no claim 999"."""


class Conflict(ClaimcheckError):
    """A write based on a version of a claim that someone has changed since."""

    def __init__(
        self, claim_id: int, by: str | None, at: dt.datetime | None, current_version: int
    ) -> None:
        self.claim_id = claim_id
        self.by = by
        self.at = at
        self.current_version = current_version
        who = f"by {by}" if by else "by someone else"
        when = f" at {at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC" if at else ""
        super().__init__(
            f"claim {claim_id} was changed {who}{when} (now version {current_version}); "
            "reload and try again"
        )
