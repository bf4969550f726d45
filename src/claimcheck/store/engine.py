"""Engines and sessions from a URL; nothing is connected at import time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ClauseElement, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.compiler import SQLCompiler

from claimcheck.errors import ClaimcheckError

DEFAULT_URL = "sqlite:///claimcheck.db"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # Safe with WAL: a crash can lose the last commit, never corrupt the file.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        # psycopg 3 is the driver we ship; SQLAlchemy's bare default is psycopg2.
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def display_url(url: str) -> str:
    """The URL as messages may show it: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<database URL>"


class Database:
    """One database: an engine and a session factory."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def in_memory(self) -> bool:
        """Whether the database lives in this process's memory (SQLite's `sqlite://`),
        where no other process, a forked one included, can see it."""
        url = self.engine.url
        return self.dialect == "sqlite" and (
            url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except StaleDataError as error:
            # A versioned row (source, cluster, claim) changed by another writer after
            # this session read it: the write is refused, never applied over theirs.
            raise ClaimcheckError(
                "someone else changed this while you were working on it; nothing was "
                "saved: reload and try again"
            ) from error

    def close(self) -> None:
        self.engine.dispose()


def query_plan(db: Database, statement: ClauseElement, *, avoid_sorts: bool = False) -> list[str]:
    """The plan the database picks for a statement, a line per step (no rows are read).

    SQLite's EXPLAIN QUERY PLAN or PostgreSQL's EXPLAIN: what tests and benchmarks use to
    check that a query reads an index rather than the whole table. PostgreSQL plans by
    the table's size, so on a small one `avoid_sorts` makes sorts and full scans a last
    resort: a sort left in the plan then means that no index gives the order.
    """
    compiled = statement.compile(
        dialect=db.engine.dialect, compile_kwargs={"render_postcompile": True}
    )
    assert isinstance(compiled, SQLCompiler)
    with db.engine.begin() as connection:
        if db.dialect == "sqlite":
            names = compiled.positiontup or []
            params: Any = tuple(compiled.params[name] for name in names)
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", params)
            return [row[-1] for row in rows]
        if avoid_sorts:
            connection.exec_driver_sql("SET LOCAL enable_sort = off")
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        rows = connection.exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
        return [row[0] for row in rows]
