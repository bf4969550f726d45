"""The review commands: verdict, link, unlink, note, history, undo, and what `show` adds."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from claimcheck.cli import main
from tests.gold import SEED

Run = Callable[..., Result]
STORM = "The storm killed 107 people across the coastal province on Tuesday, officials said."
BILLION = "one billion internet users"


@pytest.fixture
def run(sqlite_url: str) -> Run:
    runner = CliRunner()

    def invoke(*args: str, reviewer: str = "alice") -> Result:
        return runner.invoke(
            main, ["--db", sqlite_url, "--reviewer", reviewer, *args], catch_exceptions=False
        )

    return invoke


def rows(run: Run) -> list[dict[str, Any]]:
    return [json.loads(line) for line in run("export").output.splitlines()]


@pytest.fixture
def seed(run: Run) -> dict[str, int]:
    """Ids of two claims of the seed article: the billion-users claim and the next one."""
    assert run("ingest", str(SEED)).exit_code == 0
    claims = [r for r in rows(run) if r["kind"] == "claim"]
    (billion,) = [r for r in claims if BILLION in str(r["text"])]
    other = next(r for r in claims if r["id"] != billion["id"])
    return {"claim": billion["id"], "other": other["id"]}


def test_verdict_link_and_note_show_up_in_show_and_export(run: Run, seed: dict[str, int]) -> None:
    claim, other = str(seed["claim"]), str(seed["other"])
    result = run("verdict", claim, "needs_source", "--note", "Whose count is it?")
    assert result.exit_code == 0, result.output
    assert result.output == f"Claim {claim}: needs_source (version 2)\n"
    assert run("link", claim, "--claim", other).output.startswith(
        f"Link 1 on claim {claim}: corroborates claim {other}: "
    )
    out = run("link", claim, "--url", "https://example.org/r", "--title", "Annual report",
              "--relation", "cites", reviewer="bob").output  # fmt: skip
    assert out == f'Link 2 on claim {claim}: cites https://example.org/r "Annual report"\n'
    result = run("link", claim, "--source", "xinhua", "--relation", "contradicts", "--note", "wire")
    assert result.output == f"Link 3 on claim {claim}: contradicts source Xinhua\n"
    assert run("note", claim, "Ask CNNIC.\nThen the ministry.", reviewer="bob").output == (
        f"Note 2 on claim {claim}\n"
    )

    shown = run("show", claim).output
    assert "status needs_source" in shown
    links = shown[shown.index("Links:") : shown.index("Notes:")].splitlines()[1:]
    assert links[0].startswith(f"  - link 1: corroborates claim {other}: ")
    assert re.fullmatch(
        r'  - link 2: cites https://example.org/r "Annual report" \(\S+ \S+ UTC by bob\)', links[1]
    )
    assert links[2].endswith("by alice); note: wire")
    notes = shown[shown.index("Notes:") : shown.index("History")].splitlines()[1:]
    assert notes[0].startswith("  - note 1 (") and notes[0].endswith(" UTC by alice):")
    assert notes[1] == "      Whose count is it?"
    assert notes[2].startswith("  - note 2 (") and notes[2].endswith(" UTC by bob):")
    assert notes[3:] == ["      Ask CNNIC.", "      Then the ministry."]
    history = shown[shown.index("History (newest first):") :].splitlines()[1:]
    assert [line.split("  ")[2] for line in history] == ["bob", "alice", "bob", "alice", "alice"]
    assert history[0].endswith('note 2 added: "Ask CNNIC. Then the ministry."')
    assert history[-1].endswith('status unreviewed -> needs_source with note "Whose count is it?"')

    (row,) = [r for r in rows(run) if r["id"] == seed["claim"]]
    assert row["status"] == "needs_source"
    assert [
        (x["relation"], x["claim"], x["source"], x["url"], x["title"]) for x in row["links"]
    ] == [
        ("corroborates", seed["other"], None, None, None),
        ("cites", None, None, "https://example.org/r", "Annual report"),
        ("contradicts", None, "Xinhua", None, None),
    ]
    assert "Ask CNNIC" not in run("export").output
    assert "Whose count" not in run("export").output


def test_unlink_history_and_undo(run: Run, seed: dict[str, int]) -> None:
    claim = str(seed["claim"])
    run("link", claim, "--url", "https://example.org/a", "--title", "A")
    assert run("unlink", "1").output == (
        f'Removed link 1 from claim {claim}: corroborates https://example.org/a "A"\n'
    )
    assert "Links:" not in run("show", claim).output
    run("verdict", claim, "false", reviewer="bob")

    everything = run("history", "--limit", "3").output.splitlines()
    assert len(everything) == 3
    assert everything[0].endswith(f"bob  claim {claim}  status unreviewed -> false")
    assert "alice  claim" in everything[1] and "link 1 removed" in everything[1]
    assert "ingest" not in " ".join(everything)
    assert run("history", claim).output.splitlines()[0].endswith("bob  status unreviewed -> false")

    undone = run("undo")
    assert undone.exit_code == 0
    assert undone.output == (
        f'Undid link 1 removed: corroborates https://example.org/a "A" (claim {claim})\n'
    )
    assert 'link 1: corroborates https://example.org/a "A"' in run("show", claim).output
    assert (
        run("history", claim)
        .output.splitlines()[0]
        .endswith('alice  undid link 1 removed: corroborates https://example.org/a "A"')
    )
    assert (
        run("undo", reviewer="bob").output == f"Undid status unreviewed -> false (claim {claim})\n"
    )
    assert "status unreviewed" in run("show", claim).output


def test_unlink_over_a_claim_changed_since_its_version_is_refused(
    run: Run, seed: dict[str, int]
) -> None:
    claim = str(seed["claim"])
    run("link", claim, "--url", "https://example.org/a")
    assert f"Claim {claim}  (claim, status unreviewed, version 2)" in run("show", claim).output
    run("note", claim, "Checked with the registry.", reviewer="bob")
    refused = run("unlink", "1", "--claim-version", "2")
    assert refused.exit_code == 1
    assert re.fullmatch(
        rf"Error: claim {claim} was changed by bob at \S+ \S+ UTC \(note 1 added: "
        r'"Checked with the registry."; now version 3\); reload and try again\n',
        refused.output,
    )
    assert "link 1: corroborates" in run("show", claim).output
    assert run("unlink", "1", "--claim-version", "3").exit_code == 0
    again = run("unlink", "1", reviewer="bob")
    assert again.exit_code == 1
    assert again.output.startswith(f"Error: claim {claim} was changed by alice at ")
    assert "(link 1 removed: corroborates https://example.org/a; now version 4)" in again.output


def test_verdict_on_a_whole_cluster(run: Run, tmp_path: Path) -> None:
    for name, variant in (("a.txt", STORM), ("b.txt", STORM.replace("said", "say"))):
        (tmp_path / name).write_text(f"Storm\n\n{variant}\n")
    run("ingest", str(tmp_path))
    members = [r for r in rows(run) if r["kind"] == "claim"]
    cluster = str(members[0]["cluster"])
    result = run("verdict", cluster, "corroborated", "--cluster")
    assert result.output == f"Cluster {cluster}: corroborated (2 claims)\n"
    assert {r["status"] for r in rows(run) if r["kind"] == "claim"} == {"corroborated"}
    assert (
        run("undo").output
        == f"Undid cluster {cluster} set to corroborated, 2 claims changed (cluster {cluster})\n"
    )
    assert {r["status"] for r in rows(run) if r["kind"] == "claim"} == {"unreviewed"}
    refused = run("verdict", cluster, "false", "--cluster", "--note", "x")
    assert refused.exit_code == 2 and "--note goes with a single claim" in refused.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("verdict", "999", "false"), "Error: no claim 999"),
        (("verdict", "999", "false", "--cluster"), "Error: no cluster 999"),
        (("link", "999", "--url", "https://x.org"), "Error: no claim 999"),
        (("link", "{claim}", "--claim", "999"), "Error: no claim 999"),
        (("link", "{claim}", "--source", "Nobody News"), "Error: no source named 'Nobody News'"),
        (("link", "{claim}", "--url", "https://x.org", "--claim", "{other}"),
         "Error: a link needs exactly one target: a claim, a source or a URL"),
        (("link", "{claim}", "--source", "Xinhua", "--title", "T"),
         "Error: a title goes with a URL"),
        (("unlink", "999"), "Error: no link 999"),
        (("note", "999", "text"), "Error: no claim 999"),
        (("note", "{claim}", "  "), "Error: a note needs some text"),
        (("history", "999"), "Error: no claim 999"),
        (("undo",), "Error: nothing to undo"),
    ],
)  # fmt: skip
def test_unknown_ids_and_bad_input_are_one_line_errors(
    run: Run, seed: dict[str, int], args: tuple[str, ...], message: str
) -> None:
    result = run(*(a.format(**seed) for a in args))
    assert result.exit_code == 1
    assert result.output == message + "\n"
    assert all("ingested" in line for line in run("history").output.splitlines())


def test_undo_over_another_reviewers_change_is_a_conflict(run: Run, seed: dict[str, int]) -> None:
    claim = str(seed["claim"])
    run("verdict", claim, "false")
    run("verdict", claim, "disputed", reviewer="bob")
    result = run("undo")
    assert result.exit_code == 1
    assert re.fullmatch(
        rf"Error: claim {claim} was changed by bob at \S+ \S+ UTC "
        r"\(status false -> disputed; now version 3\); "
        r"reload and try again\n",
        result.output,
    )
    assert "status disputed" in run("show", claim).output


def test_notes_and_titles_are_shown_as_text_not_obeyed(run: Run, seed: dict[str, int]) -> None:
    claim = str(seed["claim"])
    run("note", claim, "red \x1b[31malert\x1b[0m [bold]x[/bold]")
    run("link", claim, "--url", "https://x.org", "--title", "T\x1b]8;;evil\x07itle")
    shown = run("show", claim).output
    assert "\x1b" not in shown and "\x07" not in shown
    assert "red \\x1b[31malert\\x1b[0m [bold]x[/bold]" in shown
    assert '"T\\x1b]8;;evil\\x07itle"' in shown
