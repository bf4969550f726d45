"""Storing several documents a transaction changes nothing but speed: the same claims,
sources and flags as storing each document in a transaction of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimcheck.services import ingest as ingest_module
from claimcheck.services.claims import iter_claims
from claimcheck.services.database import open_database
from claimcheck.services.ingest import ingest
from claimcheck.services.sources import list_sources
from tests.conftest import NewPostgres, fresh_sqlite
from tests.generated import snapshot, write_corpus
from tests.gold import CORPUS, WIKINEWS, gold

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")


def _stored(url: str, folder: Path) -> dict[str, Any]:
    db = open_database(url)
    try:
        summary = ingest(db, [folder])
        assert not summary.skipped
        return {
            "summary": (summary.added, summary.sentences, summary.kinds, summary.unattributed),
            # Paths, spans, kinds, sources with their spans and cues, clusters and families.
            **snapshot(url),
            # What a reviewer sees of each claim: flags, hedge, check-worthiness, the order.
            "views": [
                (v.document.path, v.index, v.flags, v.hedge, v.checkworthiness, v.reasons)
                for v in iter_claims(db)
            ],
            # The registry with its ids, which give the order the next run loads it in.
            "sources": list_sources(db, used_only=False),
        }
    finally:
        db.close()


@pytest.mark.parametrize("corpus", ["gold", "generated"])
def test_batches_store_what_a_document_a_transaction_stores(
    corpus: str,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_postgres: NewPostgres,
) -> None:
    if corpus == "gold":
        folder = CORPUS
        assert {row["article"] for row in gold()} <= {p.name for p in WIKINEWS.glob("*.txt")}
    else:
        # Files that learn organisations of their own, and wire copies across files.
        folder = tmp_path / "generated"
        write_corpus(folder, 150, 20, seed=13)
    batches: list[int] = []
    store_batch = ingest_module._store_batch

    def counted(db: Any, batch: list[Any], *args: Any) -> Any:
        if batch:
            batches.append(len(batch))
        return store_batch(db, batch, *args)

    monkeypatch.setattr(ingest_module, "_store_batch", counted)
    results: list[dict[str, Any]] = []
    for documents, sentences in ((1, 1), (100, 5000)):
        monkeypatch.setattr(ingest_module, "BATCH_DOCUMENTS", documents)
        monkeypatch.setattr(ingest_module, "BATCH_SENTENCES", sentences)
        if db_url.startswith("sqlite"):
            url = fresh_sqlite(tmp_path / f"batch-{documents}.db")
        else:
            url = new_postgres() if results else db_url  # a new one for the second run
        batches.clear()
        results.append(_stored(url, folder))
        # One document a transaction, then several: the comparison compares two ways.
        assert max(batches) == 1 if documents == 1 else max(batches) > 1
    alone, batched = results
    assert batched["views"] and batched["sources"]
    for part in alone:
        assert batched[part] == alone[part], part
