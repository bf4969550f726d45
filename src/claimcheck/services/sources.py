"""The source registry in the database: loading it for ingest, and reviewers' edits to it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from claimcheck.core import registry as core
from claimcheck.core.attribution import Attribution as Found
from claimcheck.store.models import Source, SourceAlias


def alias_key(alias: str) -> str:
    return core.normalise(alias) or alias.strip().casefold()


@dataclass(slots=True)
class SourceBook:
    """The registry the attribution engine reads, and the database ids behind it.

    New sources and aliases found while ingesting a document are written in that
    document's transaction; `commit` and `forget_unsaved` keep this cache in step.
    """

    registry: core.Registry
    ids: dict[str, int]
    keys: set[str]
    _pending_ids: list[str] = field(default_factory=list)
    _pending_keys: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, session: Session) -> SourceBook:
        if session.scalar(select(func.count()).select_from(Source)) == 0:
            _seed(session)
        rows = list(session.scalars(select(Source).options(selectinload(Source.aliases))))
        names = {row.id: row.name for row in rows}
        registry = core.Registry(
            core.Source(
                row.name,
                row.kind,
                tuple(a.alias for a in row.aliases if a.alias != row.name),
                names.get(row.owner_id) if row.owner_id is not None else None,
                row.builtin,
            )
            for row in rows
        )
        keys = {a.key for row in rows for a in row.aliases}
        return cls(registry, {row.name: row.id for row in rows}, keys)

    def source_id(self, session: Session, found: Found) -> int:
        """The id of the attribution's canonical source, created (and learned) if new."""
        source_id = self.ids.get(found.canonical)
        if source_id is None:
            owner_id = None
            if found.owner is not None:
                owner_id = self._ensure(session, found.owner, "organization", None)
            source_id = self._ensure(session, found.canonical, found.source_kind, owner_id)
            self.registry.learn(found.canonical, found.source_kind, (), found.owner)
        # The words a text used for a source become an alias reviewers can see and edit;
        # pronouns and descriptions ("it", "the agency") name nothing on their own.
        if found.mention is None:
            self._alias(session, source_id, found.source_text)
        return source_id

    def _ensure(self, session: Session, name: str, kind: str, owner_id: int | None) -> int:
        known = self.ids.get(name)
        if known is not None:
            return known
        row = Source(name=name, kind=kind, owner_id=owner_id, builtin=False)
        session.add(row)
        session.flush()
        self.ids[name] = row.id
        self._pending_ids.append(name)
        self._alias(session, row.id, name)
        return row.id

    def _alias(self, session: Session, source_id: int, alias: str) -> None:
        key = alias_key(alias)
        if not key or key in self.keys or len(alias) > 300:
            return
        session.add(SourceAlias(source_id=source_id, alias=alias, key=key))
        self.keys.add(key)
        self._pending_keys.append(key)

    def commit(self) -> None:
        self._pending_ids.clear()
        self._pending_keys.clear()

    def forget_unsaved(self) -> None:
        """After a rolled-back document: drop what this cache holds that the database does not."""
        for name in self._pending_ids:
            self.ids.pop(name, None)
        self.keys.difference_update(self._pending_keys)
        self.commit()


def _seed(session: Session) -> None:
    """Write the built-in registry into an empty sources table."""
    rows: dict[str, Source] = {}
    for entry in core.Registry.default():
        rows[entry.name] = Source(name=entry.name, kind=entry.kind, builtin=True)
    session.add_all(rows.values())
    session.flush()
    seen: set[str] = set()
    for entry in core.Registry.default():
        if entry.owner is not None and entry.owner in rows:
            rows[entry.name].owner_id = rows[entry.owner].id
        for alias in (entry.name, *entry.aliases):
            key = alias_key(alias)
            if key and key not in seen:
                seen.add(key)
                session.add(SourceAlias(source_id=rows[entry.name].id, alias=alias, key=key))
    session.flush()
