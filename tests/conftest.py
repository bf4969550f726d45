from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from claimcheck.services.database import Database, open_database

PG_ENV = "CLAIMCHECK_TEST_PG_URL"

# Most tests want an empty database at the newest schema. Running the migrations costs
# about a second a database; so one is migrated once and copied for each test (a file
# copy on SQLite, a template database on PostgreSQL). Migration tests start empty.
_pg_templates: dict[str, str | None] = {}


def _postgres_url(*, at_head: bool = True) -> str:
    """The test server's URL, of a database with no rows (and no tables unless `at_head`):
    a missing server fails under CI and skips elsewhere."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set under CI: PostgreSQL tests cannot run")
        pytest.skip(f"no PostgreSQL server ({PG_ENV} is not set)")
    try:
        template = _pg_template(url) if at_head else None
        if template is None:
            _empty_schema(url)
            if at_head:
                open_database(url).close()
        else:
            name = make_url(url).database
            with _maintenance(url) as connection:
                # FORCE: a connection a test left open must not keep the old copy alive.
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    except OperationalError as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {url} is unreachable under CI: {error}")
        pytest.skip(f"PostgreSQL at {url} is unreachable")
    return url


def _empty_schema(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@contextmanager
def _maintenance(url: str) -> Iterator[Connection]:
    """A connection to the server's own `postgres` database, for creating and dropping."""
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def _pg_template(url: str) -> str | None:
    """A database at the newest schema to copy the test database from, made once; None
    where the role may not create databases (each test then migrates its own)."""
    if url not in _pg_templates:
        name = make_url(url).database
        template: str | None = f"{name}_template"
        _empty_schema(url)
        open_database(url).close()
        try:
            with _maintenance(url) as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{template}"'))
                connection.execute(text(f'CREATE DATABASE "{template}" TEMPLATE "{name}"'))
        except (OperationalError, ProgrammingError):
            template = None
        _pg_templates[url] = template
    return _pg_templates[url]


_sqlite_template: list[tempfile.TemporaryDirectory[str]] = []


def fresh_sqlite(path: Path) -> str:
    """The URL of a new SQLite database at `path`, at the newest schema with no rows."""
    if not _sqlite_template:
        _sqlite_template.append(tempfile.TemporaryDirectory(prefix="claimcheck-template-"))
        # Closing checkpoints the WAL into the file: the one file is the whole database.
        open_database(f"sqlite:///{_sqlite_template[0].name}/template.db").close()
    shutil.copyfile(Path(_sqlite_template[0].name) / "template.db", path)
    return f"sqlite:///{path}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of a database at the newest schema with no rows, on each engine."""
    if request.param == "sqlite":
        return fresh_sqlite(tmp_path / "test.db")
    return _postgres_url()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database (no tables), on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return _postgres_url(at_head=False)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL of a SQLite database at the newest schema with no rows."""
    return fresh_sqlite(tmp_path / "test.db")


@pytest.fixture
def empty_sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    yield database
    database.close()
