"""Schema versions, through Alembic only."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from claimcheck.errors import ClaimcheckError
from claimcheck.store.engine import Database, display_url


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
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    # Alembic's config interpolates %; a percent-encoded password must survive it.
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def head_revision() -> str:
    script = ScriptDirectory(str(migrations_dir()))
    head = script.get_current_head()
    if head is None:
        raise SchemaError("no migrations found")
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def has_tables(db: Database) -> bool:
    from sqlalchemy import inspect

    # An empty alembic_version is what `db downgrade base` leaves: still ours, still empty.
    return bool(set(inspect(db.engine).get_table_names()) - {"alembic_version"})


def upgrade(db: Database, revision: str = "head") -> None:
    with db.engine.begin() as connection:
        config = _config(db)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(db: Database, revision: str) -> None:
    with db.engine.begin() as connection:
        config = _config(db)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def ensure_current(db: Database) -> None:
    """Create a new database at head; refuse one that is behind or ahead of this code."""
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
