from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from psycopg import errors as pg_errors
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from claimcheck.services.database import Database, open_database
from claimcheck.store import schema

PG_ENV = "CLAIMCHECK_TEST_PG_URL"

# Read at import, before any test swaps in other migrations: a template must be at this.
HEAD = schema.HEAD

# Most tests want an empty database at the newest schema. Running the migrations costs
# about a second a database; so one template is migrated per session and copied for each
# test (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL). The templates
# are session fixtures so that they are built before any test's monkeypatch runs.
_sqlite_template: list[Path] = []


def _check_head(url: str) -> None:
    db = Database(url)
    try:
        revision = schema.stored_revision(db)
    finally:
        db.close()
    if revision != HEAD:
        raise RuntimeError(f"test template {url} is at {revision}, not at {HEAD}")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A SQLite database at the newest schema, made once from the real migrations."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    # Closing checkpoints the WAL into the file: the one file is the whole database.
    open_database(f"sqlite:///{path}").close()
    _check_head(f"sqlite:///{path}")
    _sqlite_template.append(path)
    yield path
    _sqlite_template.remove(path)


def fresh_sqlite(path: Path) -> str:
    """The URL of a new SQLite database at `path`, at the newest schema with no rows: a
    copy of the `sqlite_template` fixture, which the calling test must use."""
    if not _sqlite_template:
        raise RuntimeError("fresh_sqlite needs the sqlite_template fixture")
    shutil.copyfile(_sqlite_template[0], path)
    return f"sqlite:///{path}"


@dataclass
class PgServer:
    """The test server as the session found it: `unreachable` says why no test can use it;
    `template` is None where the role may not create databases."""

    url: str | None
    unreachable: str | None = None
    template: str | None = None


def _database_url(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


@contextmanager
def _maintenance(url: str) -> Iterator[Connection]:
    """A connection to the server's own `postgres` database, for creating and dropping."""
    engine = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def _empty_schema(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def _drop(url: str, name: str) -> None:
    with _maintenance(url) as connection:
        try:
            # A plain DROP stops the server's autovacuum workers itself; FORCE would need the
            # right to signal them, which a role that only has CREATEDB lacks.
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        except OperationalError as error:
            if not isinstance(error.orig, pg_errors.ObjectInUse):
                raise
            # A connection a test left open must not keep the database alive.
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The server of CLAIMCHECK_TEST_PG_URL, with a template at the newest schema made from
    the real migrations under a name of this process's own, dropped at the end."""
    url = os.environ.get(PG_ENV)
    if not url:
        yield PgServer(None, f"no PostgreSQL server ({PG_ENV} is not set)")
        return
    try:
        with _maintenance(url) as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        reason = str(error.orig).splitlines()[0]
        yield PgServer(url, f"PostgreSQL at {url} is unreachable: {reason}")
        return
    template = f"{make_url(url).database}_template_{os.getpid()}"
    try:
        with _maintenance(url) as connection:
            connection.execute(text(f'CREATE DATABASE "{template}"'))
    except ProgrammingError as error:
        if not isinstance(error.orig, pg_errors.InsufficientPrivilege):
            raise
        yield PgServer(url)  # each test empties and migrates the one database instead
        return
    try:
        open_database(_database_url(url, template)).close()
        _check_head(_database_url(url, template))
        yield PgServer(url, template=template)
    finally:
        _drop(url, template)


_copies = itertools.count()

NewPostgres = Callable[..., str]


@pytest.fixture
def new_postgres(pg_server: PgServer, request: pytest.FixtureRequest) -> NewPostgres:
    """Makes a database with no rows (and no tables unless `at_head`) for this test alone,
    dropped at its end; a server the session could not reach fails under CI, skips
    elsewhere."""

    def new(*, at_head: bool = True) -> str:
        if pg_server.url is None or pg_server.unreachable is not None:
            if os.environ.get("CI"):
                pytest.fail(f"{pg_server.unreachable} under CI: PostgreSQL tests cannot run")
            pytest.skip(pg_server.unreachable or "")
        url = pg_server.url
        if pg_server.template is None:
            _empty_schema(url)
            if at_head:
                open_database(url).close()
            return url
        name = f"{make_url(url).database}_{os.getpid()}_{next(_copies)}"
        source = f' TEMPLATE "{pg_server.template}"' if at_head else ""
        with _maintenance(url) as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{source}'))
        request.addfinalizer(lambda: _drop(url, name))
        return _database_url(url, name)

    return new


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path, new_postgres: NewPostgres
) -> str:
    """A URL of a database at the newest schema with no rows, on each engine."""
    if request.param == "sqlite":
        return fresh_sqlite(tmp_path / "test.db")
    return new_postgres()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path, new_postgres: NewPostgres) -> str:
    """A URL of an empty database (no tables), on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return new_postgres(at_head=False)


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
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
