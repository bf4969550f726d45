"""Bulk inserts past the ORM store what SQLAlchemy itself would."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    Table,
    create_engine,
    select,
)
from sqlalchemy.orm import Session

from claimcheck.store.bulk import insert_rows, read_rows

metadata = MetaData()
notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("data", JSON))
bare = Table("bare", metadata, Column("data", JSON))
typed = Table(
    "typed",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date),
    Column("at", DateTime),
    Column("flag", Boolean),
    Column("data", JSON),
)


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        (notes, [{"id": 1, "data": {"figures": [107, 328]}}, {"id": 2, "data": None}]),
        # One column, JSON: encoded as in a wider table.
        (bare, [{"data": {"figures": [107, 328]}}, {"data": ["killed", 107]}]),
    ],
)
def test_json_values_are_stored_as_json(table: Table, rows: list[dict[str, Any]]) -> None:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with Session(engine) as session:
        insert_rows(session, table, rows)
        assert [row._asdict() for row in session.execute(select(table))] == rows


def test_rows_read_past_the_orm_are_those_sqlalchemy_reads() -> None:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    rows: list[dict[str, Any]] = [
        {
            "id": 1,
            "day": dt.date(2026, 12, 2),
            "at": dt.datetime(2026, 12, 2, 7, 45),
            "flag": True,
            "data": {"figures": [107]},
        },
        {"id": 2, "day": None, "at": None, "flag": False, "data": None},
    ]
    with Session(engine) as session:
        session.execute(typed.insert(), rows)
        for columns in (
            [typed.c.id, typed.c.day, typed.c.flag],
            [typed.c.id, typed.c.data],
            list(typed.c),
        ):
            statement = select(*columns).order_by(typed.c.id)
            assert read_rows(session, statement) == [tuple(r) for r in session.execute(statement)]
