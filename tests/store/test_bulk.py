"""Bulk inserts past the ORM store what SQLAlchemy itself would."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import JSON, Column, Integer, MetaData, Table, create_engine, select
from sqlalchemy.orm import Session

from claimcheck.store.bulk import insert_rows

metadata = MetaData()
notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("data", JSON))
bare = Table("bare", metadata, Column("data", JSON))


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
