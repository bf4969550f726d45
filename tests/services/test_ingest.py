from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from claimcheck.core import prepare as prepare_module
from claimcheck.core import second_process
from claimcheck.core.checkworthiness import score
from claimcheck.core.prepare import ReadOptions, _prepare_next
from claimcheck.core.reading import read_file
from claimcheck.services import clusters as clusters_module
from claimcheck.services import ingest as ingest_module
from claimcheck.services.claims import ClaimFilter, iter_claims
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import IngestOptions, ingest
from claimcheck.store.models import AuditEntry, Claim, Document
from tests.conftest import fresh_sqlite
from tests.generated import snapshot, write_corpus
from tests.gold import CORPUS, SEED

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")

# The seed article and the Wikinews articles: every file `claimcheck ingest corpus` reads.
CORPUS_FILES = len(list(CORPUS.rglob("*.txt")))


def count(db: Database, model: type[Claim] | type[Document]) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_the_corpus_becomes_claims_whose_offsets_slice_their_document(db: Database) -> None:
    summary = ingest(db, [CORPUS])
    assert not summary.skipped
    assert len(summary.added) == CORPUS_FILES
    with db.session() as session:
        for claim in session.scalars(select(Claim)):
            assert claim.document.text[claim.start : claim.end] == claim.text
    seed = [v for v in iter_claims(db) if v.document.path == str(SEED)]
    assert len(seed) == 22
    assert [v.index for v in seed] == list(range(22))
    assert summary.sentences == count(db, Claim)


def test_each_claim_keeps_the_reasons_of_its_checkworthiness_in_order(db_url: str) -> None:
    """Written in bulk, the reasons of many claims at once, they read back as each claim's
    list (SQLite and PostgreSQL)."""
    db = open_database(db_url)
    try:
        summary = ingest(db, [SEED])
        with db.session() as session:
            claims = list(session.scalars(select(Claim).order_by(Claim.index)))
    finally:
        db.close()
    assert not summary.skipped
    found = [(c.text, c.checkworthiness_reasons) for c in claims if c.kind == "claim"]
    expected = [(c.text, list(score(c.text)[1])) for c in claims if c.kind == "claim"]
    assert found == expected
    assert any("numbers or statistics" in reasons for _, reasons in found)
    assert any(len(reasons) >= 3 for _, reasons in found)


def test_ingesting_twice_changes_nothing(db: Database) -> None:
    ingest(db, [CORPUS])
    before = (count(db, Document), count(db, Claim))
    again = ingest(db, [CORPUS])
    assert again.added == [] and len(again.unchanged) == CORPUS_FILES and again.sentences == 0
    assert (count(db, Document), count(db, Claim)) == before


def test_changed_bytes_make_a_new_version_and_reviews_carry_over(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Storm Hits Coast\n\nThe storm killed 12 people. Roads were closed.\n")
    ingest(db, [path])
    with db.session() as session:
        session.execute(
            update(Claim).where(Claim.text == "Roads were closed.").values(status="corroborated")
        )
        session.execute(
            update(Claim).where(Claim.text == "The storm killed 12 people.").values(status="false")
        )
    path.write_text("Storm Hits Coast\n\nThe storm killed 14 people. Roads were closed.\n")
    summary = ingest(db, [path])
    assert summary.new_versions == [str(path)]
    assert summary.carried_over == 1
    assert [r.text for r in summary.recheck] == ["The storm killed 12 people."]
    current = {v.text: v for v in iter_claims(db)}
    assert current["Roads were closed."].status == "corroborated"
    assert current["Roads were closed."].document.version == 2
    assert current["The storm killed 14 people."].status == "unreviewed"
    everything = list(iter_claims(db, ClaimFilter(include_superseded=True)))
    assert {v.document.version for v in everything} == {1, 2}


def test_bad_input_is_skipped_one_line_each_and_the_good_files_are_ingested(
    db: Database, tmp_path: Path
) -> None:
    (tmp_path / "good.txt").write_text("A Good Headline\n\nOfficials said the bridge is open.\n")
    (tmp_path / "binary.txt").write_bytes(b"GIF89a\x00\x01\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9.".encode("latin-1"))
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "big.txt").write_text("Words. " * 400)
    (tmp_path / "nothing").mkdir()
    options = IngestOptions(ReadOptions(max_bytes=1000))
    summary = ingest(db, [tmp_path, tmp_path / "missing.txt", tmp_path / "nothing"], options)
    reasons = sorted(s.reason for s in summary.skipped)
    assert len(reasons) == 6
    for name, words in [
        ("big.txt", "over the 1,000-byte limit"),
        ("binary.txt", "binary file"),
        ("empty.md", "no text in it"),
        ("latin1.txt", "not valid UTF-8"),
        ("missing.txt", "no such file or folder"),
        ("nothing", "folder holds no text files"),
    ]:
        assert any(name in r and words in r for r in reasons), (name, reasons)
    assert summary.added == [str(tmp_path / "good.txt")]
    assert [v.text for v in iter_claims(db)] == [
        "A Good Headline",
        "Officials said the bridge is open.",
    ]


def test_an_interrupted_ingest_leaves_no_half_written_document(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Story {name}\n\nThe minister said it was fine.\n")
    real = ingest_module._store_one
    calls = []

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # while b.txt is written, in a.txt's transaction
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "_store_one", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest(db, [tmp_path])
    with db.session() as session:
        assert list(session.scalars(select(Document.path))) == [str(tmp_path / "a.txt")]
        assert session.scalar(select(func.count()).select_from(Claim)) == 2
    monkeypatch.undo()
    summary = ingest(db, [tmp_path])
    assert summary.added == [str(tmp_path / "b.txt")]
    assert summary.unchanged == [str(tmp_path / "a.txt")]


def test_a_fault_in_one_document_of_a_transaction_leaves_out_only_that_one(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Story {name}\n\nThe minister said it was fine.\n")
    real = ingest_module._insert_claims

    def faulty(session: Any, stored: Any, book: Any) -> Any:
        if any(done.prepared.path.name == "b.txt" for done in stored):
            raise ValueError("an odd sentence")
        return real(session, stored, book)

    monkeypatch.setattr(ingest_module, "_insert_claims", faulty)
    summary = ingest(db, [tmp_path])
    assert summary.added == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]
    assert [(s.path, s.reason) for s in summary.skipped] == [
        (str(tmp_path / "b.txt"), f"{tmp_path / 'b.txt'}: not stored (ValueError: an odd sentence)")
    ]
    with db.session() as session:
        assert sorted(session.scalars(select(Document.path))) == [
            str(tmp_path / "a.txt"),
            str(tmp_path / "c.txt"),
        ]
        assert session.scalar(select(func.count()).select_from(Claim)) == 4
    monkeypatch.undo()
    assert ingest(db, [tmp_path]).added == [str(tmp_path / "b.txt")]


def test_every_ingested_document_is_audited(db: Database) -> None:
    ingest(db, [SEED], IngestOptions(reviewer="alice"))
    with db.session() as session:
        entry = session.scalars(select(AuditEntry)).one()
        assert entry.action == "ingest" and entry.entity == "document"
        assert entry.after is not None and entry.after["claims"] == 22


def test_every_source_and_cue_span_slices_the_words_it_names(db: Database) -> None:
    ingest(db, [CORPUS])
    checked = 0
    for view in iter_claims(db):
        text = read_file(Path(view.document.path)).text
        for source in view.sources:
            if source.start is not None and source.end is not None:
                assert text[source.start : source.end] == source.name, (view.text, source)
                checked += 1
            if source.cue_start is not None and source.cue_end is not None:
                assert text[source.cue_start : source.cue_end].lower() == (source.cue or "").lower()
    assert checked > 20


def test_a_file_put_back_to_earlier_bytes_is_a_new_version_with_them(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "story.txt"
    first = "Storm Hits Coast\n\nThe storm killed 12 people.\n"
    for text in (first, first.replace("12", "14"), first):
        path.write_text(text)
        assert ingest(db, [path]).sentences == 2
    assert [v.text for v in iter_claims(db)] == ["Storm Hits Coast", "The storm killed 12 people."]
    assert {v.document.version for v in iter_claims(db)} == {3}


def test_a_batch_prepared_in_a_second_process_is_stored_as_one_process_stores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    # A source named with its acronym in one file is known by the acronym in the next.
    (folder / "zz_1.txt").write_text(
        "The Norvex Policy Institute (NPI) said on Monday that exports fell 4 percent.\n"
    )
    (folder / "zz_2.txt").write_text("NPI said the fall in exports would continue into 2027.\n")
    results = []
    # Not plainly busy: ingest forks the second process before it loads the registry.
    monkeypatch.setattr(second_process, "busy", lambda: False)
    for parallel_from in (float(10**12), 0.0):
        monkeypatch.setattr(prepare_module, "PARALLEL_FROM_SECONDS", parallel_from)
        monkeypatch.setattr(second_process, "a_core_idles", lambda besides=(): True)
        db = open_database(fresh_sqlite(tmp_path / f"{parallel_from}.db"))
        summary = ingest(db, [folder])
        assert not summary.skipped and len(summary.added) == CORPUS_FILES + 2
        results.append(list(iter_claims(db)))
        db.close()
    sequential, parallel = results
    assert parallel == sequential
    last = sequential[-1]
    assert last.text.startswith("NPI said")
    assert [s.canonical for s in last.sources] == ["Norvex Policy Institute"]


def test_near_duplicates_of_a_batch_prepared_in_a_second_process_are_those_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a second process, this one computes the claims' matching keys as each file
    arrives; matching gets them for every claim either way, and finds the same groups."""
    folder = tmp_path / "generated"
    write_corpus(folder, 60, 20, seed=13)  # wire copies across files
    match_documents = clusters_module.match_documents
    handed: list[int] = []

    def spied(*args: Any, **kwargs: Any) -> Any:
        handed.append(len(args[3]))
        return match_documents(*args, **kwargs)

    monkeypatch.setattr(clusters_module, "match_documents", spied)
    # Busy as ingest starts, a core idle once the registry is loaded: the second process
    # is forked then.
    monkeypatch.setattr(second_process, "busy", lambda: True)
    monkeypatch.setattr(second_process, "a_core_idles", lambda besides=(): True)
    results = []
    for parallel_from in (float(10**12), 0.0):
        monkeypatch.setattr(prepare_module, "PARALLEL_FROM_SECONDS", parallel_from)
        url = fresh_sqlite(tmp_path / f"{parallel_from}.db")
        db = open_database(url)
        summary = ingest(db, [folder])
        db.close()
        assert not summary.skipped and handed[-1] == summary.kinds["claim"]
        results.append(snapshot(url))
    sequential, parallel = results
    assert sequential["clusters"] and parallel == sequential


def test_with_other_threads_running_ingest_stays_in_one_process(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forking a process that has threads can deadlock the child (the review UI has some)."""

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("a second process was started")

    monkeypatch.setattr(prepare_module, "PARALLEL_FROM_SECONDS", 0)
    monkeypatch.setattr(second_process, "a_core_idles", lambda besides=(): True)
    monkeypatch.setattr(second_process, "ProcessPoolExecutor", no_process)
    done = threading.Event()
    waiting = threading.Thread(target=done.wait)
    waiting.start()
    try:
        summary = ingest(db, [CORPUS])
    finally:
        done.set()
        waiting.join()
    assert not summary.skipped and len(summary.added) == CORPUS_FILES


def _dies_on_the_first_extra_file(path: Path) -> prepare_module.Prepared:
    if path.name == "zz_1.txt":
        os._exit(1)  # as if killed, or out of memory
    return _prepare_next(path)


def test_if_the_second_process_dies_the_rest_is_prepared_in_this_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    (folder / "zz_1.txt").write_text("The Norvex Policy Institute (NPI) said exports fell.\n")
    (folder / "zz_2.txt").write_text("NPI said the fall in exports would continue into 2027.\n")
    _second_process_allowed(monkeypatch)
    monkeypatch.setattr(prepare_module, "_prepare_next", _dies_on_the_first_extra_file)
    db = open_database(fresh_sqlite(tmp_path / "test.db"))
    summary = ingest(db, [folder])
    assert not summary.skipped and len(summary.added) == CORPUS_FILES + 2
    last = list(iter_claims(db))[-1]
    db.close()
    assert [s.canonical for s in last.sources] == ["Norvex Policy Institute"]


def _corpus_with_copies(folder: Path) -> Path:
    """The gold corpus, wire copies across files, and a source known by its acronym in the
    next file."""
    shutil.copytree(CORPUS, folder)
    write_corpus(folder / "generated", 40, 20, seed=13)
    (folder / "zz_1.txt").write_text(
        "The Norvex Policy Institute (NPI) said on Monday that exports fell 4 percent.\n"
    )
    (folder / "zz_2.txt").write_text("NPI said the fall in exports would continue into 2027.\n")
    return folder


def _one_process_snapshot(folder: Path, tmp_path: Path) -> dict[str, Any]:
    """What ingest stores of ``folder``, in one process, into a new database."""
    url = fresh_sqlite(tmp_path / "one.db")
    db = open_database(url)
    assert not ingest(db, [folder]).skipped
    db.close()
    return snapshot(url)


def _second_process_allowed(monkeypatch: pytest.MonkeyPatch, idles: bool = True) -> None:
    """Any batch worth a second process, the machine not busy, and a core idle for it
    (with ``idles``) or not."""
    monkeypatch.setattr(prepare_module, "PARALLEL_FROM_SECONDS", 0.0)
    monkeypatch.setattr(second_process, "a_core_idles", lambda besides=(): idles)
    monkeypatch.setattr(second_process, "busy", lambda: False)


def _started(ahead: prepare_module.Ahead) -> int:
    """The id of the process started ahead, once it runs."""
    for _ in range(1000):
        if ahead.shared.pid:
            return ahead.shared.pid
        time.sleep(0.01)
    raise AssertionError("the process started ahead never ran")


def _ended(pid: int) -> bool:
    """Whether process ``pid`` has ended (and is reaped), within ten seconds."""
    for _ in range(1000):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("keys_ahead", [True, False])
def test_files_read_before_the_database_is_opened_are_stored_as_one_process_stores_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys_ahead: bool
) -> None:
    """The command line starts the second process first (`start`): it reads and segments
    while the database is opened, analyses once it has the registry, and computes the
    claims' keys while the storing process lags behind it (else that one does): the
    same claims, sources and groups either way, as in one process."""
    folder = _corpus_with_copies(tmp_path / "corpus")
    monkeypatch.setattr(prepare_module, "PARALLEL_FROM_SECONDS", float(10**12))
    sequential = _one_process_snapshot(folder, tmp_path)

    _second_process_allowed(monkeypatch)
    if keys_ahead:
        # As if the storing process lagged behind each time: the second process computes
        # every key it can (all but those of files the storing process waits for).
        monkeypatch.setattr(prepare_module, "_KEYS_AHEAD_FILES", 0)
    else:
        # As if the storing process waited each time: it computes every key.
        prepare = prepare_module.prepare
        monkeypatch.setattr(
            prepare_module,
            "prepare",
            lambda p, o, r, k, keys=True, read=None: prepare(p, o, r, k, False, read),
        )
    ahead = prepare_module.start([folder], ReadOptions())
    assert ahead is not None

    def not_here(*args: object) -> Any:
        raise AssertionError("a file was prepared in the storing process")

    def no_other_process(*args: object) -> Any:
        raise AssertionError("another second process was started")

    monkeypatch.setattr(prepare_module, "_here", not_here)
    monkeypatch.setattr(second_process, "pool", no_other_process)
    url = fresh_sqlite(tmp_path / "two.db")
    db = open_database(url)
    try:
        summary = ingest(db, [folder], ahead=ahead)
    finally:
        ahead.close()
        db.close()
    assert not summary.skipped and summary.kinds["claim"] > 1000
    parallel = snapshot(url)
    assert sequential["clusters"] and parallel == sequential
    db = open_database(url)
    last = list(iter_claims(db))[-1]
    db.close()
    assert [s.canonical for s in last.sources] == ["Norvex Policy Institute"]


def test_with_no_idle_core_the_process_started_ahead_is_ended_and_one_process_prepares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus_with_copies(tmp_path / "corpus")
    sequential = _one_process_snapshot(folder, tmp_path)

    _second_process_allowed(monkeypatch, idles=False)
    ahead = prepare_module.start([folder], ReadOptions())
    assert ahead is not None
    pid = _started(ahead)
    url = fresh_sqlite(tmp_path / "two.db")
    db = open_database(url)
    summary = ingest(db, [folder], ahead=ahead)
    db.close()
    assert not summary.skipped
    assert _ended(pid)
    assert snapshot(url) == sequential


def test_a_process_started_for_other_files_is_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus_with_copies(tmp_path / "corpus")
    _second_process_allowed(monkeypatch)
    ahead = prepare_module.start([folder / "generated"], ReadOptions())
    assert ahead is not None
    pid = _started(ahead)
    db = open_database(fresh_sqlite(tmp_path / "test.db"))
    summary = ingest(db, [folder], ahead=ahead)
    db.close()
    assert not summary.skipped and len(summary.added) == CORPUS_FILES + 40 + 2
    assert _ended(pid)


def test_a_process_started_ahead_that_died_during_the_start_up_leaves_nothing_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed (out of memory, by hand) before the database was open: the files are
    prepared all the same, as one process prepares them."""
    folder = _corpus_with_copies(tmp_path / "corpus")
    sequential = _one_process_snapshot(folder, tmp_path)

    _second_process_allowed(monkeypatch)
    ahead = prepare_module.start([folder], ReadOptions())
    assert ahead is not None
    pid = _started(ahead)
    os.kill(pid, 9)
    assert _ended(pid)
    url = fresh_sqlite(tmp_path / "two.db")
    db = open_database(url)
    try:
        summary = ingest(db, [folder], ahead=ahead)
    finally:
        ahead.close()
        db.close()
    assert not summary.skipped and len(summary.added) == CORPUS_FILES + 40 + 2
    assert snapshot(url) == sequential


def test_a_file_changed_after_it_was_read_ahead_is_stored_as_it_is_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are read while the database is opened, which on PostgreSQL may wait for
    another ingest: one edited meanwhile is read again."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(30):
        (folder / f"{n:02}.txt").write_text(f"Officials said {n} bridges were closed.\n")
    _second_process_allowed(monkeypatch)
    ahead = prepare_module.start([folder], ReadOptions())
    assert ahead is not None
    ahead.pool.submit(int).result()  # one worker, tasks in order: the reads are done
    (folder / "07.txt").write_text("The mayor said the ferry resumed service on Friday.\n")

    def not_here(*args: object) -> Any:
        raise AssertionError("a file was prepared in the storing process")

    monkeypatch.setattr(prepare_module, "_here", not_here)
    db = open_database(fresh_sqlite(tmp_path / "test.db"))
    try:
        assert not ingest(db, [folder], ahead=ahead).skipped
        texts = {claim.text for claim in iter_claims(db)}
    finally:
        ahead.close()
        db.close()
    assert "The mayor said the ferry resumed service on Friday." in texts
    assert "Officials said 7 bridges were closed." not in texts
    assert "Officials said 8 bridges were closed." in texts


def _slowly(path: Path) -> prepare_module.Prepared:
    time.sleep(0.02)  # the storing process waits for every file
    return _prepare_next(path)


def test_what_is_stored_while_the_second_process_prepares_the_next_file_is_as_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Waiting for a file, ingest stores the documents it has (in small batches): the same
    documents, claims, sources and groups as in one process."""
    folder = _corpus_with_copies(tmp_path / "corpus")
    sequential = _one_process_snapshot(folder, tmp_path)

    _second_process_allowed(monkeypatch)
    monkeypatch.setattr(prepare_module, "_prepare_next", _slowly)
    monkeypatch.setattr(ingest_module, "EARLY_BATCH_DOCUMENTS", 2)
    store_batch = ingest_module._store_batch
    sizes: list[int] = []

    def counted(db: Database, batch: list[Any], *args: Any) -> Any:
        sizes.append(len(batch))
        return store_batch(db, batch, *args)

    monkeypatch.setattr(ingest_module, "_store_batch", counted)
    url = fresh_sqlite(tmp_path / "two.db")
    db = open_database(url)
    summary = ingest(db, [folder])
    db.close()
    assert not summary.skipped and len(summary.added) == CORPUS_FILES + 40 + 2
    assert len([size for size in sizes if size]) > 5  # stored in several small batches
    assert snapshot(url) == sequential


def test_on_a_plainly_busy_machine_no_process_is_started_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus_with_copies(tmp_path / "corpus")
    monkeypatch.setattr(prepare_module, "PARALLEL_FROM_SECONDS", 0.0)
    monkeypatch.setattr(second_process, "cores", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (3.0, 3.0, 3.0))
    assert prepare_module.start([folder], ReadOptions()) is None
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 3.0, 3.0))  # the last minute counts
    ahead = prepare_module.start([folder], ReadOptions())
    assert ahead is not None
    ahead.close()
