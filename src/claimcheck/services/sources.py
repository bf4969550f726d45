"""The source registry in the database: loading it for ingest, and reviewers' edits to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from claimcheck.core import registry as core
from claimcheck.core.analysis import Attribution as Found
from claimcheck.core.vocabulary import SOURCE_KINDS
from claimcheck.errors import ClaimcheckError, NotFound
from claimcheck.services.audit import flush_or_refuse, record, touch
from claimcheck.store.bulk import insert_rows
from claimcheck.store.engine import Database
from claimcheck.store.models import Attribution, AuditEntry, Link, Source, SourceAlias


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
        # In the order they were learned, as the registry of the run that stored them had
        # them: the same registry, however many runs a corpus took.
        rows = list(
            session.scalars(
                select(Source).options(selectinload(Source.aliases)).order_by(Source.id)
            )
        )
        names = {row.id: row.name for row in rows}
        registry = core.Registry(
            core.Source(
                row.name,
                row.kind,
                tuple(
                    a.alias for a in sorted(row.aliases, key=lambda a: a.id) if a.alias != row.name
                ),
                names.get(row.owner_id) if row.owner_id is not None else None,
                row.builtin,
            )
            for row in rows
        )
        keys = {a.key for row in rows for a in row.aliases}
        return cls(registry, {row.name: row.id for row in rows}, keys)

    def source_ids(self, session: Session, founds: Sequence[Found]) -> list[int]:
        """The id of each attribution's canonical source, created (and learned) if new.

        New sources and aliases are written a statement for all of them rather than a flush
        each, with their ids in the order one at a time would give them: the order the next
        run's registry is loaded in.
        """
        new: dict[str, tuple[str, str | None]] = {}  # name: kind, owner
        aliases: list[tuple[str, str]] = []  # source name, alias
        names = [self._name(found, new, aliases) for found in founds]
        if new:
            table = Source.metadata.tables["sources"]
            created = session.execute(
                insert(table).returning(table.c.id, table.c.name),
                [
                    {
                        "name": name,
                        "kind": kind,
                        "owner_id": self.ids.get(owner or ""),
                        "builtin": False,
                    }
                    for name, (kind, owner) in new.items()
                ],
            )
            self.ids.update((name, id_) for id_, name in created)
            self._pending_ids.extend(new)
            owned = [
                {"source": self.ids[name], "owner": self.ids[owner]}
                for name, (_, owner) in new.items()
                if owner in new
            ]
            if owned:
                session.execute(
                    update(table)
                    .where(table.c.id == bindparam("source"))
                    .values(owner_id=bindparam("owner")),
                    owned,
                )
        insert_rows(
            session,
            SourceAlias.metadata.tables["source_aliases"],
            [
                {"source_id": self.ids[name], "alias": alias, "key": alias_key(alias)}
                for name, alias in aliases
            ],
        )
        return [self.ids[name] for name in names]

    def _name(
        self, found: Found, new: dict[str, tuple[str, str | None]], aliases: list[tuple[str, str]]
    ) -> str:
        """The canonical name of the attribution's source; a new one goes into ``new``, and
        the aliases to write into ``aliases``."""
        name: str | None = found.canonical
        if name not in self.ids and name not in new:
            # An analysis made before a source was learned may name it by an alias ("WIC").
            known = self.registry.resolve(found.canonical)
            name = known.name if known is not None else None
            if name not in self.ids and name not in new:
                name = None
        if name is None:
            if found.owner is not None:
                self._new(found.owner, "organization", None, new, aliases)
            name = found.canonical
            self._new(name, found.source_kind, found.owner, new, aliases)
            learned = self.registry.learn(found.canonical, found.source_kind, (), found.owner)
            for alias in learned.aliases:
                self._alias(name, alias, aliases)
        # The words a text used for a source become an alias reviewers can see and edit;
        # pronouns and descriptions ("it", "the agency") name nothing on their own.
        if found.mention is None:
            self._alias(name, found.source_text, aliases)
        return name

    def _new(
        self,
        name: str,
        kind: str,
        owner: str | None,
        new: dict[str, tuple[str, str | None]],
        aliases: list[tuple[str, str]],
    ) -> None:
        if name in self.ids or name in new:
            return
        new[name] = (kind, owner)
        self._alias(name, name, aliases)

    def _alias(self, name: str, alias: str, aliases: list[tuple[str, str]]) -> None:
        key = alias_key(alias)
        if not key or key in self.keys or len(alias) > 300:
            return
        aliases.append((name, alias))
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


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: int
    name: str
    kind: str
    owner: str | None
    aliases: tuple[str, ...]
    claims: int
    builtin: bool


def list_sources(db: Database, kind: str | None = None, used_only: bool = True) -> list[SourceRow]:
    """Sources with the number of claims attributed to each, most cited first."""
    with db.session() as session:
        counts = (
            select(
                Attribution.source_id, func.count(func.distinct(Attribution.claim_id)).label("n")
            )
            .group_by(Attribution.source_id)
            .subquery()
        )
        query = (
            select(Source, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.source_id == Source.id)
            .options(selectinload(Source.aliases))
            .order_by(func.coalesce(counts.c.n, 0).desc(), Source.name)
        )
        if kind is not None:
            query = query.where(Source.kind == kind)
        if used_only:
            query = query.where(counts.c.n > 0)
        rows = list(session.execute(query))
        owners = dict(
            session.execute(
                select(Source.id, Source.name).where(
                    Source.id.in_({s.owner_id for s, _ in rows if s.owner_id is not None})
                )
            ).all()
        )
        return [
            SourceRow(
                source.id,
                source.name,
                source.kind,
                owners.get(source.owner_id) if source.owner_id is not None else None,
                tuple(sorted(a.alias for a in source.aliases if a.alias != source.name)),
                count,
                source.builtin,
            )
            for source, count in rows
        ]


def find_source(session: Session, ref: str) -> Source:
    """A source by id, canonical name, or any alias."""
    source = None
    if ref.isdigit():
        source = session.get(Source, int(ref))
    if source is None:
        source = session.scalar(select(Source).where(Source.name == ref))
    if source is None:
        source = session.scalar(
            select(Source).join(SourceAlias).where(SourceAlias.key == alias_key(ref))
        )
    if source is None:
        raise NotFound(f"there is no source named {ref!r}")
    return source


def _snapshot(source: Source) -> dict[str, object]:
    return {"name": source.name, "kind": source.kind, "owner_id": source.owner_id}


def _save(session: Session, *sources: Source, names: str | None = None) -> None:
    """Write the sources' next versions over the versions read, or refuse: a source renamed,
    re-kinded, given an alias or merged by someone else meanwhile is never written over."""
    for source in sources:
        touch(source, "name")
    names = names or " or ".join(repr(source.name) for source in sources)
    ids = [source.id for source in sources]
    flush_or_refuse(
        session,
        f"source {names}",
        (AuditEntry.entity == "source") & AuditEntry.entity_id.in_(ids),
    )


def add_alias(db: Database, ref: str, alias: str, reviewer: str | None = None) -> str:
    key = alias_key(alias)
    if not key:
        raise ClaimcheckError("an alias needs at least one letter or digit")
    with db.session() as session:
        source = find_source(session, ref)
        taken = session.scalar(select(SourceAlias).where(SourceAlias.key == key))
        if taken is not None:
            owner = session.get_one(Source, taken.source_id).name
            raise ClaimcheckError(f"{alias!r} is already an alias of {owner}")
        _save(session, source)
        session.add(SourceAlias(source_id=source.id, alias=alias, key=key))
        record(
            session,
            reviewer=reviewer,
            action="add_alias",
            entity="source",
            entity_id=source.id,
            before=None,
            after={"alias": alias},
        )
        return source.name


def rename(db: Database, ref: str, new_name: str, reviewer: str | None = None) -> str:
    new_name = new_name.strip()
    if not new_name:
        raise ClaimcheckError("a source needs a name")
    with db.session() as session:
        source = find_source(session, ref)
        if session.scalar(select(Source.id).where(Source.name == new_name)) is not None:
            raise ClaimcheckError(
                f"a source named {new_name!r} exists already: merge into it instead"
            )
        key = alias_key(new_name)
        holder = session.scalar(select(SourceAlias.source_id).where(SourceAlias.key == key))
        if holder is not None and holder != source.id:
            other = session.get_one(Source, holder).name
            raise ClaimcheckError(f"{new_name!r} already names {other}: merge into it instead")
        before, old_name = _snapshot(source), source.name
        source.name = new_name
        _save(session, source, names=repr(old_name))
        if holder is None:
            session.add(SourceAlias(source_id=source.id, alias=new_name, key=key))
        record(
            session,
            reviewer=reviewer,
            action="rename",
            entity="source",
            entity_id=source.id,
            before=before,
            after=_snapshot(source),
        )
        return old_name


def set_kind(db: Database, ref: str, kind: str, reviewer: str | None = None) -> str:
    if kind not in SOURCE_KINDS:
        raise ClaimcheckError(f"{kind!r} is not a source kind ({', '.join(SOURCE_KINDS)})")
    with db.session() as session:
        source = find_source(session, ref)
        before = _snapshot(source)
        source.kind = kind
        _save(session, source)
        record(
            session,
            reviewer=reviewer,
            action="set_kind",
            entity="source",
            entity_id=source.id,
            before=before,
            after=_snapshot(source),
        )
        return source.name


def merge(db: Database, ref: str, into: str, reviewer: str | None = None) -> str:
    """Fold one source into another: its attributions, aliases and links move over."""
    with db.session() as session:
        gone, kept = find_source(session, ref), find_source(session, into)
        if gone.id == kept.id:
            raise ClaimcheckError(f"{ref!r} and {into!r} are the same source")
        before = {"id": gone.id, **_snapshot(gone)}
        _save(session, gone, kept)
        session.execute(
            update(Attribution).where(Attribution.source_id == gone.id).values(source_id=kept.id)
        )
        session.execute(
            update(SourceAlias).where(SourceAlias.source_id == gone.id).values(source_id=kept.id)
        )
        session.execute(
            update(Link).where(Link.target_source_id == gone.id).values(target_source_id=kept.id)
        )
        session.execute(
            update(Source)
            .where(Source.owner_id == gone.id, Source.id != kept.id)
            .values(owner_id=kept.id)
        )
        if kept.owner_id == gone.id:
            kept.owner_id = None  # a source never owns itself
        session.delete(gone)
        record(
            session,
            reviewer=reviewer,
            action="merge",
            entity="source",
            entity_id=kept.id,
            before=before,
            after={"merged_into": kept.name},
        )
        return kept.name
