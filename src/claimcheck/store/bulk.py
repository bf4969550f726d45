"""Bulk inserts past the ORM: COPY on PostgreSQL, one executemany on SQLite.

The ORM's and even Core's executemany spend more time building parameters than the
database spends storing the rows; these paths hand the rows to the driver as they are.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any, TypeVar, TypeVarTuple

from sqlalchemy import (
    ARRAY,
    JSON,
    Boolean,
    ColumnElement,
    Date,
    Select,
    Table,
    any_,
    bindparam,
    func,
    select,
    tuple_,
)
from sqlalchemy.orm import Session

T = TypeVar("T")
Ts = TypeVarTuple("Ts")


def chunks(items: Sequence[T], size: int = 5000) -> Iterator[Sequence[T]]:
    """``items`` a few thousand at a time: as many as one statement binds (SQLite allows
    32,766 parameters, PostgreSQL 65,535)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def among(session: Session, column: Any, values: Sequence[Any]) -> ColumnElement[bool]:
    """``column IN values``, for the thousands of values of a chunk. On PostgreSQL it is
    one array parameter (``= ANY``): psycopg binding and the server parsing 5,000
    placeholders took a tenth of a second a statement, the array a hundredth."""
    clause: ColumnElement[bool]
    if session.get_bind().dialect.name == "postgresql":
        clause = column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    else:
        clause = column.in_(values)
    return clause


def among_pairs(
    session: Session, first: Any, second: Any, pairs: Sequence[tuple[Any, Any]]
) -> ColumnElement[bool]:
    """``(first, second) IN pairs``, for the thousands of pairs of a chunk. On PostgreSQL
    the pairs are two array parameters zipped by ``unnest``, for the reason ``among``
    gives."""
    clause: ColumnElement[bool]
    if session.get_bind().dialect.name == "postgresql":
        arrays = (
            bindparam(None, [pair[n] for pair in pairs], type_=ARRAY(column.type))
            for n, column in enumerate((first, second))
        )
        clause = tuple_(first, second).in_(select(*(func.unnest(a) for a in arrays)))
    else:
        clause = tuple_(first, second).in_(pairs)
    return clause


def read_rows(session: Session, statement: Select[*Ts]) -> list[tuple[*Ts]]:
    """Every row of ``statement`` as a tuple.

    On PostgreSQL, for the million-row reads of matching, through psycopg's cursor in
    binary: SQLAlchemy's result rows cost more CPU than the reading itself, and binary
    integers and bytea need no text parsed (200,000 signatures: 0.18 s of CPU against
    0.40 s as text and 0.74 s through a SQLAlchemy result). The driver's own types are
    those SQLAlchemy gives for the columns read here (integers, floats, text, booleans,
    bytes, dates). On SQLite through its driver's cursor too, dates parsed from the ISO
    text SQLite keeps (a read of date-times goes through SQLAlchemy): the ORM's loading of
    result rows took a tenth of `claimcheck dedupe` at 200,000 claims, and the rows cost
    more memory than their values. SQLite's driver gives integers for booleans, equal to
    them; a read of any other type SQLAlchemy converts (date-times, JSON) goes through
    SQLAlchemy."""
    if session.autoflush:
        session.flush()  # as session.execute would: the driver's cursor sees only what is sent
    dialect = session.get_bind().dialect
    compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    if dialect.name != "postgresql":
        types = [c.type for c in statement.selected_columns]
        if any(
            not isinstance(t, Date | Boolean)
            and t.dialect_impl(dialect).result_processor(dialect, None) is not None
            for t in types
        ):
            return list(session.execute(statement))
        params = [compiled.params[name] for name in compiled.positiontup or ()]
        cursor = session.connection().connection.cursor()
        try:
            rows = cursor.execute(str(compiled), params).fetchall()
        finally:
            cursor.close()
        dates = [i for i, t in enumerate(types) if isinstance(t, Date)]
        if dates:
            # SQLite keeps dates as ISO text, which SQLAlchemy would parse.
            rows = [_with_dates(row, dates) for row in rows]
        return rows  # type: ignore[no-any-return]
    driver = session.connection().connection.driver_connection
    with driver.cursor(binary=True) as cursor:  # type: ignore[union-attr]
        cursor.execute(str(compiled), compiled.params)
        return cursor.fetchall()  # type: ignore[no-any-return]


def _with_dates(row: tuple[Any, ...], dates: list[int]) -> tuple[Any, ...]:
    values = list(row)
    for i in dates:
        if values[i] is not None:
            values[i] = dt.date.fromisoformat(values[i])
    return tuple(values)


def new_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` ids drawn from the sequence of ``table``'s id (PostgreSQL), ascending, in
    one statement: rows given them are copied in another, instead of an insert returning
    its ids, whose parameters SQLAlchemy builds a row at a time."""
    sequence = func.pg_get_serial_sequence(table.name, "id")
    series = func.generate_series(1, count)
    return sorted(session.scalars(select(func.nextval(sequence)).select_from(series)))


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` into ``table``: every row with the same keys, every value given (no
    column defaults are applied); a JSON column's value may be a tuple, stored as an array."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = session.connection().connection.cursor()
    try:
        if session.get_bind().dialect.name == "postgresql":
            with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                for values in _values(table, columns, rows):
                    copy.write_row(values)
        else:
            marks = ", ".join("?" * len(columns))
            cursor.executemany(
                f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
                list(_values(table, columns, rows)),
            )
    finally:
        cursor.close()


def _values(
    table: Table, columns: list[str], rows: Sequence[Mapping[str, Any]]
) -> Iterator[Sequence[Any]]:
    """Each row's values in ``columns`` order, JSON columns as text (as SQLAlchemy would
    send them; a tuple as an array). ``itemgetter`` picks a row's values in C: per value
    in Python, picking cost more than SQLite's insert for the narrow tables matching
    writes."""
    pick = itemgetter(*columns)
    encoded = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, JSON)]
    if not encoded and len(columns) == 1:
        yield from ((pick(row),) for row in rows)
    elif not encoded:
        yield from map(pick, rows)
    else:
        # A tuple is encoded as a JSON array once for all the rows that hold it: the
        # claims' check-worthiness reasons, of which a corpus has a few dozen.
        texts: dict[tuple[Any, ...], str] = {}
        for row in rows:
            values = list(pick(row)) if len(columns) > 1 else [pick(row)]
            for i in encoded:
                value = values[i]
                if type(value) is tuple:
                    text = texts.get(value)
                    if text is None:
                        text = texts[value] = json.dumps(value)
                    values[i] = text
                else:
                    values[i] = json.dumps(value)
            yield values
