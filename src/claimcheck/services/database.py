"""Opening a database for the front-ends, and moving its schema between versions."""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from claimcheck.errors import ClaimcheckError, first_line
from claimcheck.store import schema
from claimcheck.store.engine import DEFAULT_URL, Database, display_url

__all__ = ["DEFAULT_URL", "Backup", "Database", "SchemaState", "backup", "current", "downgrade",
           "open_database", "upgrade"]  # fmt: skip


def _connect(url: str) -> Database:
    try:
        return Database(url)
    except (SQLAlchemyError, ValueError, ImportError) as error:
        raise ClaimcheckError(f"cannot use database {display_url(url)}: {error}") from error


def open_database(url: str) -> Database:
    """A database ready for work: created at the newest schema if empty, refused if behind."""
    db = _connect(url)
    try:
        schema.ensure_current(db)
    except SQLAlchemyError as error:
        db.close()
        raise ClaimcheckError(
            f"cannot open database {display_url(url)}: {_read_only(db) or first_line(error)}"
        ) from error
    except ClaimcheckError:
        db.close()
        raise
    return db


@dataclass(frozen=True, slots=True)
class SchemaState:
    current: str | None
    head: str


def current(url: str) -> SchemaState:
    db = _connect(url)
    try:
        return SchemaState(schema.stored_revision(db), schema.HEAD)
    except SQLAlchemyError as error:
        raise ClaimcheckError(
            f"cannot read database {display_url(url)}: {first_line(error)}"
        ) from error
    finally:
        db.close()


def upgrade(url: str, revision: str = "head") -> SchemaState:
    return _move(url, lambda db: schema.upgrade(db, revision))


def downgrade(url: str, revision: str) -> SchemaState:
    return _move(url, lambda db: schema.downgrade(db, revision))


def _move(url: str, step: Callable[[Database], None]) -> SchemaState:
    from alembic.util import CommandError

    db = _connect(url)
    try:
        step(db)
        return SchemaState(schema.current_revision(db), schema.head_revision())
    except CommandError as error:
        raise ClaimcheckError(str(error)) from error
    except SQLAlchemyError as error:
        raise ClaimcheckError(
            f"migration failed on {display_url(url)}: {first_line(error)}"
        ) from error
    finally:
        db.close()


@dataclass(frozen=True, slots=True)
class Backup:
    """A backup made (`path`), or the command that makes one (`command`)."""

    path: str | None = None
    command: str | None = None


def backup(url: str, target: Path) -> Backup:
    """Copy a SQLite database, consistently even while others write to it (SQLite's
    online backup API); for PostgreSQL, the pg_dump command that does it."""
    import sqlite3

    from sqlalchemy.engine import URL, make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        # No password on the command line, where others could read it: pg_dump asks for
        # it, or reads PGPASSWORD or ~/.pgpass.
        plain = URL.create(
            "postgresql", parsed.username, None, parsed.host, parsed.port, parsed.database
        )
        return Backup(
            command=f"pg_dump --format=custom --file {shlex.quote(str(target))} "
            f"{shlex.quote(plain.render_as_string(hide_password=False))}"
        )
    if parsed.get_backend_name() != "sqlite":
        raise ClaimcheckError(f"cannot back up a {parsed.get_backend_name()} database")
    if target.exists():
        raise ClaimcheckError(f"{target} exists already; name a new file")
    db = open_database(url)
    try:
        source = db.engine.raw_connection()
        try:
            copy = sqlite3.connect(target)
            try:
                source.driver_connection.backup(copy)  # type: ignore[union-attr]
            finally:
                copy.close()
        finally:
            source.close()
    except (sqlite3.Error, OSError) as error:
        target.unlink(missing_ok=True)
        raise ClaimcheckError(f"cannot write the backup {target}: {error}") from error
    finally:
        db.close()
    return Backup(path=str(target))


def _read_only(db: Database) -> str | None:
    """Why SQLite could not open a file, when the reason is that it cannot be written
    (SQLite only says "unable to open database file")."""
    path = db.engine.url.database
    if db.dialect != "sqlite" or not path or path == ":memory:":
        return None
    file = Path(path)
    for where in (file, file.parent):
        if where.exists() and not os.access(where, os.W_OK):
            return f"{where} is read-only, and claimcheck writes to the database and beside it"
    return None
