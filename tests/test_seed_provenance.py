"""The reference article, end to end: ingest, then export as a reviewer reads it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from tests.gold import SEED


@pytest.fixture
def rows(sqlite_url: str) -> list[dict[str, Any]]:
    runner = CliRunner()
    assert runner.invoke(main, ["--db", sqlite_url, "ingest", str(SEED)]).exit_code == 0
    out = runner.invoke(main, ["--db", sqlite_url, "export", "--format", "jsonl"]).output
    return [json.loads(line) for line in out.splitlines()]


def sentence(rows: list[dict[str, Any]], start: str) -> dict[str, Any]:
    (row,) = [r for r in rows if r["text"].startswith(start)]
    return row


def brief(row: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    return [(s["canonical"], s["kind"], s["role"], s["cue"]) for s in row["sources"]]


def test_the_seed_is_22_units_with_headlines_and_read_also_apart(
    rows: list[dict[str, Any]],
) -> None:
    assert len(rows) == 22
    kinds = {r["text"][:40]: r["kind"] for r in rows}
    assert kinds["Beijing Attempts to Spread its Universal"] == "headline"
    assert kinds["To Promote Cyberspace Alliance, Beijing "] == "headline"
    assert kinds["Read Also : Best Buy Black Friday in Jul"] == "boilerplate"
    july = sentence(rows, "The group was formally introduced")
    assert july["text"].endswith("in the scenic canal town near Shanghai since 2014.")
    assert "(July 12)" in july["text"]


def test_the_seed_sources_cues_and_chains(rows: list[dict[str, Any]]) -> None:
    assert brief(sentence(rows, "China's World Internet Conference (WIC)")) == [
        ("World Internet Conference", "organization", "primary", "said"),
        ("South China Morning Post", "newspaper", "via", "as per a report from"),
    ]
    xinhua = sentence(rows, "The official Xinhua news agency said")
    assert brief(xinhua) == [("Xinhua", "news_agency", "primary", "said")]
    assert xinhua["sources"][0]["name"] == "The official Xinhua news agency"
    website = sentence(rows, "According to a statement on its website")["sources"]
    assert [(s["kind"], s["owner"]) for s in website] == [
        ("website_statement", "World Internet Conference")
    ]
    (xi,) = sentence(rows, "Furthermore, President Xi Jinping urged")["sources"]
    assert (xi["canonical"], xi["kind"], xi["cue"], xi["medium"]) == (
        "Xi Jinping", "official", "urged", "in a letter",
    )  # fmt: skip


def test_every_other_claim_is_flagged_unattributed(rows: list[dict[str, Any]]) -> None:
    attributed = {r["index"] for r in rows if r["sources"]}
    assert attributed == {2, 3, 6, 21}
    for row in rows:
        if row["kind"] == "claim" and row["index"] not in attributed:
            assert row["flags"][:1] == ["unattributed"] and not row["attributed"]
        if row["kind"] != "claim":
            assert "unattributed" not in row["flags"]


def test_one_billion_users_is_among_the_three_most_check_worthy(
    rows: list[dict[str, Any]],
) -> None:
    claims = sorted((r for r in rows if r["kind"] == "claim"), key=lambda r: -r["checkworthiness"])
    assert any(r["text"].startswith("China has one billion") for r in claims[:3])
