from __future__ import annotations

import atexit
import gc
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, select

from claimcheck.cli import main
from claimcheck.core.reading import read_file
from claimcheck.store.models import AuditEntry, Reviewer
from tests.gold import CORPUS, ROOT, SEED

CORPUS_FILES = len(list(CORPUS.rglob("*.txt")))

Run = Callable[..., Result]


@pytest.fixture
def run(sqlite_url: str) -> Run:
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(main, ["--db", sqlite_url, *args], catch_exceptions=False)

    return invoke


def commands() -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []

    def walk(group: click.Group, prefix: tuple[str, ...]) -> None:
        ctx = click.Context(group)
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None, name
            found.append((*prefix, name))
            if isinstance(command, click.Group):
                walk(command, (*prefix, name))

    walk(main, ())
    return found


@pytest.mark.parametrize("path", commands(), ids=" ".join)
def test_every_command_has_help_and_is_in_the_readme(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert f"claimcheck {' '.join(path)}" in (ROOT / "README.md").read_text()


@pytest.fixture
def corpus_rows(run: Run) -> list[dict[str, Any]]:
    """The corpus ingested, then exported as JSON Lines."""
    assert run("ingest", str(CORPUS)).exit_code == 0
    return [json.loads(line) for line in run("export", "--format", "jsonl").output.splitlines()]


def test_ingest_prints_a_summary(run: Run) -> None:
    result = run("ingest", str(CORPUS))
    assert result.exit_code == 0, result.output
    assert f"Documents: {CORPUS_FILES} ingested" in result.output
    assert re.search(r"Sentences: \d+", result.output)


def test_export_gives_every_field_of_every_sentence(corpus_rows: list[dict[str, Any]]) -> None:
    assert set(corpus_rows[0]) >= {
        "id", "document", "index", "start", "end", "text", "kind", "checkworthiness",
        "attributed", "sources", "flags", "cluster", "status", "links",
    }  # fmt: skip
    assert set(corpus_rows[0]["document"]) >= {"id", "path", "sha256", "title"}
    assert len([r for r in corpus_rows if r["document"]["path"] == str(SEED)]) == 22


def test_exported_spans_are_the_exact_text_of_the_file(corpus_rows: list[dict[str, Any]]) -> None:
    paths = {r["document"]["path"] for r in corpus_rows}
    stored = {path: read_file(Path(path)).text for path in paths}
    for row in corpus_rows:
        assert stored[row["document"]["path"]][row["start"] : row["end"]] == row["text"]


def test_ingesting_the_same_files_again_stores_nothing(run: Run) -> None:
    run("ingest", str(CORPUS))
    again = run("ingest", str(CORPUS))
    assert again.exit_code == 0
    assert f"Documents: 0 ingested (0 as new versions), {CORPUS_FILES} unchanged" in again.output


def test_claims_table_and_filters(run: Run) -> None:
    run("ingest", str(SEED))
    table = run("claims", "--unattributed", "--sort", "checkworthiness", "--limit", "3")
    assert table.exit_code == 0
    assert len(table.output.splitlines()) == 3
    assert all("UNATTRIBUTED" in line for line in table.output.splitlines())
    csv = run("claims", "--format", "csv", "--kind", "headline")
    lines = csv.output.splitlines()
    assert lines[0].startswith("id,document,index")
    assert len(lines) == 3  # header and the two headlines


def test_bad_usage_exits_2_and_a_failed_operation_exits_1_with_one_sentence(run: Run) -> None:
    assert run("claims", "--sort", "sideways").exit_code == 2
    assert run("frobnicate").exit_code == 2
    result = run("show", "999")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: there is no claim 999"


def test_ingest_of_bad_files_exits_1_naming_each_once(run: Run, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine Headline\n\nThe mayor said the road is open.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    result = run("ingest", str(tmp_path), str(tmp_path / "gone.md"))
    assert result.exit_code == 1
    # Each on standard error, once; the summary on standard output counts them.
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and all(line.startswith("Error: ") for line in errors)
    assert sorted(Path(line.split(": ")[1]).name for line in errors) == ["bad.txt", "gone.md"]
    assert "bad.txt" not in result.stdout and "gone.md" not in result.stdout
    assert "Documents: 1 ingested (0 as new versions), 0 unchanged, 2 skipped" in result.stdout


def test_control_characters_in_the_corpus_are_shown_not_obeyed(run: Run, tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text("Title\n\nThe \x1b[31mred\x1b[0m minister said \x9b2J so.\n")
    run("ingest", str(tmp_path))
    table = run("claims")
    assert "\x1b" not in table.output and "\x9b" not in table.output
    assert "\\x1b[31mred" in table.output
    exported = run("export")
    assert "\x1b" not in exported.output and "\x9b" not in exported.output
    texts = [json.loads(line)["text"] for line in exported.output.splitlines()]
    assert "The \x1b[31mred\x1b[0m minister said \x9b2J so." in texts


def test_db_commands_show_and_move_the_schema(empty_sqlite_url: str) -> None:
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(main, ["--db", empty_sqlite_url, *args], catch_exceptions=False)

    assert "Database schema at base" in run("db", "current").output
    assert run("db", "upgrade").exit_code == 0
    current = run("db", "current").output
    assert "run `claimcheck db upgrade`" not in current
    refused = run("db", "downgrade", "base")
    assert refused.exit_code == 1 and "Aborted" in refused.output
    assert "run `claimcheck db upgrade`" not in run("db", "current").output
    assert run("db", "downgrade", "base", "--yes").exit_code == 0
    assert "Database schema at base" in run("db", "current").output


def test_a_database_that_cannot_be_opened_is_one_sentence(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", "nosuchdb://x", "claims"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "Traceback" not in result.output


def test_the_cli_threshold_defaults_are_the_core_defaults() -> None:
    from claimcheck.core.dedupe import DEFAULT_THRESHOLDS

    dedupe = main.get_command(click.Context(main), "dedupe")
    assert dedupe is not None
    params = {p.name: p.default for p in dedupe.params}
    assert (params["upper"], params["lower"], params["min_words"]) == (
        DEFAULT_THRESHOLDS.upper,
        DEFAULT_THRESHOLDS.lower,
        DEFAULT_THRESHOLDS.min_words,
    )


def test_show_lists_the_other_members_of_a_claims_cluster(run: Run, tmp_path: Path) -> None:
    text = "The storm killed 107 people across the coastal province on Tuesday, officials said."
    for name, variant in (("a.txt", text), ("b.txt", text.replace("said", "say"))):
        (tmp_path / name).write_text(f"Storm\n\n{variant}\n")
    assert "1 clusters of 2 claims" in run("ingest", str(tmp_path)).output
    rows = [json.loads(line) for line in run("export").output.splitlines()]
    first, second = (r for r in rows if r["kind"] == "claim")
    assert first["cluster"] == second["cluster"] is not None
    shown = run("show", str(first["id"])).output
    assert f"claim {second['id']}, {tmp_path / 'b.txt'}:1 (automatic)" in shown


def test_an_interrupted_ingest_says_what_was_kept_and_what_to_run(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("claimcheck.services.ingest.ingest", interrupted)
    result = run("ingest", "-q", str(CORPUS))
    assert result.exit_code == 130
    assert "claimcheck dedupe" in result.output


def test_reviewer_option_names_who_edited_the_registry(run: Run, sqlite_url: str) -> None:
    assert run("ingest", str(SEED)).exit_code == 0
    assert run("--reviewer", "Ada Lovelace", "sources", "alias", "Xinhua", "NCNA").exit_code == 0
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        names = (
            conn.execute(
                select(Reviewer.name)
                .join(AuditEntry, AuditEntry.reviewer_id == Reviewer.id)
                .where(AuditEntry.action == "add_alias")
            )
            .scalars()
            .all()
        )
    engine.dispose()
    assert names == ["Ada Lovelace"]


def test_clusters_show_a_family_and_a_reviewer_decides_it_once(run: Run, tmp_path: Path) -> None:
    text = "The storm killed 107 people across the coastal province on Tuesday, officials said."
    for name, figure in (("a.txt", "107"), ("b.txt", "107"), ("c.txt", "328"), ("d.txt", "328")):
        (tmp_path / name).write_text(f"Storm\n\n{text.replace('107', figure)}\n")
    run("ingest", str(tmp_path))
    listed = run("clusters").output
    assert "Families" in listed and "2 variants" in listed
    family_id = listed.split("Families", 1)[1].split("\n")[1].split()[0]
    shown = run("clusters", "family", family_id).output
    assert "Family" in shown and "(unreviewed): 4 claims, 2 variants" in shown
    assert re.search(r"killed 107\s+2 claims\s+2 documents", shown)
    assert re.search(r"killed 328\s+2 claims\s+2 documents", shown)
    rows = [json.loads(line) for line in run("export").output.splitlines()]
    assert all("variants" in r["flags"] for r in rows if r["kind"] == "claim")
    kept = run("clusters", "family", family_id, "--variants").output
    assert "(variants): 4 claims" in kept
    assert "Family" in run("clusters", "family", family_id, "--same").output
    assert "Families" not in run("clusters").output
    rows = [json.loads(line) for line in run("export").output.splitlines()]
    assert len({r["cluster"] for r in rows if r["kind"] == "claim"}) == 1
    assert not any("variants" in r["flags"] for r in rows)
    assert run("clusters", "family", "999").exit_code == 1


@pytest.mark.parametrize("args", [("sources",), ("show", "999"), ("ingest", "-q", "missing.txt")])
def test_a_command_leaves_the_garbage_collector_as_it_found_it(
    run: Run, args: tuple[str, ...]
) -> None:
    # Commands hold the collector off while they load, then freeze what they loaded; a
    # program calling them goes on with its own objects collected as before, whether the
    # command succeeded or failed.
    run("ingest", "-q", str(SEED))
    frozen = gc.get_freeze_count()
    run(*args)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


@pytest.fixture
def collector_off_and_frozen() -> Any:
    """A program that turned the collector off and froze objects of its own."""
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    kept = [[object()] for _ in range(100)]  # alive, and frozen below
    gc.disable()
    gc.freeze()
    try:
        yield kept
    finally:
        if frozen == 0:
            gc.unfreeze()
        if enabled:
            gc.enable()


def test_a_program_calling_claimcheck_keeps_its_collector_off_and_its_frozen_objects(
    run: Run, sqlite_url: str, tmp_path: Path, collector_off_and_frozen: Any
) -> None:
    from claimcheck.services.database import open_database
    from claimcheck.services.ingest import ingest

    def as_it_was() -> bool:
        # Frozen objects are in none of the collector's generations; none was added (some
        # frozen ones may have been freed since).
        unfrozen = {id(found) for found in gc.get_objects()}
        mine = not any(id(kept) in unfrozen for kept in collector_off_and_frozen)
        return not gc.isenabled() and mine and gc.get_freeze_count() <= frozen

    frozen = gc.get_freeze_count()
    exits = atexit._ncallbacks()
    db = open_database(f"sqlite:///{tmp_path / 'direct.db'}")
    try:
        assert len(ingest(db, [SEED]).added) == 1
    finally:
        db.close()
    assert as_it_was()
    for args in [("ingest", "-q", str(SEED)), ("show", "1"), ("sources",), ("db", "current")]:
        assert run(*args).exit_code == 0, args
        assert as_it_was(), args
    # Nothing is left to run at the program's exit either (a freeze, for one).
    assert atexit._ncallbacks() == exits


@pytest.mark.parametrize("args", [("db", "current"), ("db", "backup", "copy.db")])
def test_db_commands_run_with_the_collector_on_once_loaded(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: tuple[str, ...]
) -> None:
    from claimcheck.services import database

    run("db", "upgrade")
    seen: list[bool] = []
    name = "current" if args[1] == "current" else "backup"
    service = getattr(database, name)

    def watched(*given: Any) -> Any:
        seen.append(gc.isenabled())
        return service(*given)

    monkeypatch.setattr(database, name, watched)
    monkeypatch.chdir(tmp_path)
    assert gc.isenabled()
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert seen == [True]
