"""A failed operation in words a reviewer can act on, for front-ends that must not crash."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError, SQLAlchemyError

from claimcheck.errors import ClaimcheckError, first_line


def describe(error: BaseException) -> str:
    """One sentence: what failed and what to do."""
    if isinstance(error, ClaimcheckError):
        return str(error)
    if isinstance(error, OperationalError) and "locked" in str(error.orig).lower():
        return "the database file is locked by another program: try again in a moment"
    if isinstance(error, DisconnectionError) or (
        isinstance(error, DBAPIError) and error.connection_invalidated
    ):
        return "lost the connection to the database: check the server, then try again"
    if isinstance(error, OperationalError):
        return f"the database failed: {first_line(error.orig)} (is the server up?)"
    if isinstance(error, SQLAlchemyError):
        return f"the database refused the operation: {first_line(error)}"
    return f"unexpected {type(error).__name__}: {first_line(error)}"
