"""Planner statistics on PostgreSQL for tables filled in bulk.

A table loaded in one transaction and read before autovacuum has analyzed it has no
statistics: PostgreSQL then plans as if it held a few rows. At a million claims that
turned one join of matching into a nested loop over every claim for each document, 17
minutes of the server's CPU.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Text


def analyze_unknown(session: Session, tables: Sequence[str]) -> list[str]:
    """ANALYZE those of ``tables`` that PostgreSQL holds no statistics of yet (never
    vacuumed nor analyzed); return their names. Nothing on SQLite, whose planner does
    without them for these queries."""
    if session.get_bind().dialect.name != "postgresql":
        return []
    query = text(
        "SELECT c.relname FROM pg_class c WHERE c.reltuples < 0"
        " AND c.oid = ANY (SELECT to_regclass(name) FROM unnest(:names) AS name)"
        " ORDER BY c.relname"
    ).bindparams(bindparam("names", list(tables), type_=ARRAY(Text)))
    unknown = list(session.scalars(query))
    if unknown:
        session.execute(text("ANALYZE " + ", ".join(f'"{name}"' for name in unknown)))
    return unknown
