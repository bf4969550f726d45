"""Schema versions, through Alembic only.

Opening a database at the newest schema, which every command does first, compares the
database's revision with the newest one recorded here (`HEAD`): loading Alembic, or even
reading the migration files, would cost more start-up time than most commands' own work.
Creating, moving or refusing a schema goes through Alembic.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from claimcheck.errors import ClaimcheckError
from claimcheck.store.engine import Database, display_url

if TYPE_CHECKING:
    from alembic.config import Config


# The newest revision in migrations/versions. A new revision changes it too: a test
# compares it with the head Alembic finds in the migration files.
HEAD = "8f41c2d6e7a9"


class SchemaError(ClaimcheckError):
    """The database's schema does not match this version of claimcheck."""


def migrations_dir() -> Path:
    here = Path(__file__).resolve()
    # A wheel carries them inside the package; a source checkout has them at the top.
    for candidate in (here.parents[1] / "migrations", here.parents[3] / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise SchemaError("the migrations folder is missing from this installation")


def _config(db: Database) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    # Alembic's config interpolates %; a percent-encoded password must survive it.
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(migrations_dir()))
    head = script.get_current_head()
    if head is None:
        raise SchemaError("no migrations found")
    return head


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def has_tables(db: Database) -> bool:
    from sqlalchemy import inspect

    # An empty alembic_version is what `db downgrade base` leaves: still ours, still empty.
    return bool(set(inspect(db.engine).get_table_names()) - {"alembic_version"})


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

    _migrate(db, lambda config: command.upgrade(config, revision))


def downgrade(db: Database, revision: str) -> None:
    from alembic import command

    _migrate(db, lambda config: command.downgrade(config, revision))


def _migrate(db: Database, step: Callable[[Config], None]) -> None:
    with db.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite's batch mode copies a table and drops the old one: with foreign keys
            # on, dropping `documents` would delete every claim through ON DELETE CASCADE.
            # The pragma only takes effect outside a transaction.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                config = _config(db)
                config.attributes["connection"] = connection
                step(config)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise SchemaError("the migration left rows that refer to missing rows")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def ensure_current(db: Database) -> None:
    """Create a new database at head; refuse one that is behind or ahead of this code."""
    if stored_revision(db) == HEAD:
        return
    from alembic.script import ScriptDirectory

    current = current_revision(db)
    head = head_revision()
    if current == head:
        return
    if current is None:
        if has_tables(db):
            raise SchemaError(
                f"{display_url(db.url)} holds tables that claimcheck did not create; "
                "use an empty database"
            )
        upgrade(db)
        return
    known = {rev.revision for rev in ScriptDirectory(str(migrations_dir())).walk_revisions()}
    if current in known:
        raise SchemaError(
            f"the database is at schema {current} and this claimcheck needs {head}: "
            "run `claimcheck db upgrade`"
        )
    raise SchemaError(
        f"the database is at schema {current}, which this claimcheck does not know: "
        "it was written by a newer version"
    )


def stored_revision(db: Database) -> str | None:
    """The database's revision, read without Alembic; None for a new or emptied one."""
    with db.engine.connect() as connection:
        try:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        except SQLAlchemyError:
            return None  # no version table yet: a new database
    # Several rows would be branches, which this project's history never has.
    return rows[0][0] if len(rows) == 1 else None
