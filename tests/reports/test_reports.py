from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt
from PIL import Image

from claimcheck.cli import main
from claimcheck.services.audit import current_reviewer
from tests.gold import SEED

CHROMIUM = Path("/usr/bin/chromium")
LOGIN = current_reviewer()  # who ran the ingest


def run(url: str, *args: str) -> click.testing.Result:
    result = CliRunner().invoke(main, ["--db", url, "--reviewer", "carol", *args])
    assert result.exit_code == 0, result.output
    return result


def test_html_report_shows_every_section_and_the_reviews(reviewed: str, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    run(reviewed, "report", "--format", "html", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    for section in ("summary", "claims", "unattributed", "history"):
        assert f'<section id="{section}">' in page
    claim = page[page.index('<article id="claim-1"') : page.index('<article id="claim-2"')]
    assert '<span class="verdict">corroborated</span> by alice' in claim
    assert "Xinhua and AP agree &lt;b&gt;on 12&lt;/b&gt;." in claim
    assert '<a href="#claim-7">claim 7</a>' in claim
    assert "Xinhua (said), relayed by" not in claim  # Xinhua is the speaker, nobody relays it
    assert "Xinhua (said)" in claim
    note = page[page.index('<article id="claim-8"') : page.index('<article id="claim-9"')]
    assert "Asked the council &lt;i&gt;twice&lt;/i&gt;." in note
    assert "by bob" in note
    # Unattributed statements, most check-worthy first: claim 10 (0.62) before claim 2.
    unattributed = page[page.index('<section id="unattributed">') :]
    assert unattributed.index('href="#claim-10"') < unattributed.index('href="#claim-2"')
    history = page[page.index('<section id="history">') :]
    assert "alice" in history and "bob" in history
    assert history.count("<tr>") == 1 + 5 + 7  # header, five ingests, seven review actions
    # Self-contained: no script, no resource fetched from anywhere.
    assert not re.search(r"<(script|link|img|iframe|object)\b|<[^>]*\ssrc=|@import|url\(", page)


def test_hostile_corpus_and_reviewer_text_is_shown_as_text(reviewed: str) -> None:
    page = run(reviewed, "report", "--format", "html").output
    assert "<b>said</b> &lt;script&gt;alert(1)&lt;/script&gt; was found" in page
    assert "A picture &lt;img src=x onerror=alert(2)&gt; was posted" in page
    assert "The full statement is [here](javascript:alert(3))" in page
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in page
    assert "<script" not in page and "<img" not in page
    assert "<b>title" not in page and "<b>on 12" not in page and "<i>twice" not in page
    assert 'href="javascript' not in page.lower()

    markdown = run(reviewed, "report", "--format", "md").output
    assert "<script" not in markdown and "<img" not in markdown
    assert r"\[here\]\(javascript:alert\(3\)\)" in markdown
    # Rendered by a CommonMark renderer that passes HTML through, it is still only text.
    html = MarkdownIt("commonmark").render(markdown)
    assert "<script" not in html and "<img" not in html
    assert "<b>on 12" not in html and "<i>twice" not in html
    assert "javascript:" not in "".join(re.findall(r'href="[^"]*"', html))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[here](javascript:alert(3))" in html


def test_reports_are_byte_for_byte_reproducible(reviewed: str) -> None:
    for fmt in ("md", "html", "json"):
        first = run(reviewed, "report", "--format", fmt).output
        assert run(reviewed, "report", "--format", fmt).output == first
    for fmt in ("claimreview", "prov"):
        args = ("export", "--format", fmt, "--base-url", "https://checks.example.org")
        assert run(reviewed, *args).output == run(reviewed, *args).output


def test_json_report_follows_its_schema(reviewed: str) -> None:
    report = json.loads(run(reviewed, "report", "--format", "json").output)
    assert report["schema"] == "claimcheck.report/1"
    assert report["scope"] == "corpus"
    summary = report["summary"]
    assert (summary["documents"], summary["sentences"], summary["claims"]) == (5, 10, 10)
    assert (summary["attributed"], summary["unattributed"]) == (6, 4)
    assert {"name": "news_agency", "count": 4} in summary["sources_by_kind"]
    assert summary["statuses"][:2] == [
        {"name": "unreviewed", "count": 8},
        {"name": "corroborated", "count": 1},
    ]
    assert (summary["clusters"], summary["clustered_claims"]) == (2, 6)
    first = report["claims"][0]
    assert first["id"] == 1
    assert first["verdict"]["status"] == "corroborated"
    assert first["verdict"]["reviewer"] == "alice"
    assert first["verdict"]["note"] == "Xinhua and AP agree <b>on 12</b>."
    assert [link["claim"] for link in first["links"]] == [3, 5, 7, None]
    assert first["links"][3]["title"] == "<script>alert(5)</script>"
    assert first["cluster"]["first_appearance"]["claim"] == 1
    assert [a["claim"] for a in first["cluster"]["appearances"]] == [1, 3, 5]
    assert first["chain"] == "Xinhua (said)"
    assert report["unattributed"][0]["id"] == 10
    assert [h["action"] for h in report["history"]].count("ingest") == 5


def test_json_report_claims_keep_the_export_claim_shape(reviewed: str) -> None:
    """A report's claim is the export's claim (same keys, same order, same values where
    the report has nothing fuller) with the report's own fields after it."""
    from claimcheck.services.claims import get_claim
    from claimcheck.services.database import open_database

    report = json.loads(run(reviewed, "report", "--format", "json").output)
    db = open_database(reviewed)
    try:
        for claim in report["claims"]:
            exported = get_claim(db, claim["id"]).to_json()
            assert list(claim)[: len(exported)] == list(exported)
            assert list(claim)[len(exported) :] == [
                "version",
                "chain",
                "origins",
                "notes",
                "verdict",
            ]
            fuller = {"document", "links", "cluster"}
            assert {k: v for k, v in claim.items() if k in exported and k not in fuller} == {
                k: v for k, v in exported.items() if k not in fuller
            }
    finally:
        db.close()


def test_corroboration_counts_independent_origins_not_links(reviewed: str) -> None:
    """Claim 1 is linked to its two copies and to the AP report: four appearances, two
    origins: Xinhua, relayed by the three dailies, and the Associated Press."""
    report = json.loads(run(reviewed, "report", "--format", "json").output)
    first = report["claims"][0]
    assert len(first["links"]) == 4
    origins = first["origins"]
    assert [o["name"] for o in origins] == ["Xinhua", "AP", "javascript:alert(4)"]
    assert origins[0]["relayed_by"] == ["Daily One", "Daily Three", "Daily Two"]
    assert origins[1]["relayed_by"] == ["Evening Post"]
    markdown = run(reviewed, "report", "--format", "md").output
    assert "- Independent origins: 3: Xinhua (relayed by Daily One" in markdown


def test_report_of_one_document(reviewed: str) -> None:
    report = json.loads(run(reviewed, "report", "--format", "json", "--doc", "5").output)
    assert report["scope"] == "document"
    assert report["document"]["publisher"] == "Prank Weekly"
    assert [c["id"] for c in report["claims"]] == [8, 9, 10]
    assert {h["action"] for h in report["history"]} == {"ingest", "status", "note"}
    result = CliRunner().invoke(main, ["--db", reviewed, "report", "--doc", "nowhere.md"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: there is no document nowhere.md; `claimcheck claims` lists them"
    ]


def test_claimreview_has_every_field_for_each_reviewed_claim(reviewed: str) -> None:
    base = "https://checks.example.org/"
    out = run(
        reviewed, "export", "--format", "claimreview", "--base-url", base,
        "--organization", "Desk <Checks>",
    ).output  # fmt: skip
    document = json.loads(out)
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert [r["url"] for r in reviews] == [
        "https://checks.example.org/claims/1",
        "https://checks.example.org/claims/8",
    ]
    for r in reviews:
        assert r["@type"] == "ClaimReview"
        assert r["author"] == {"@type": "Organization", "name": "Desk <Checks>", "url": base}
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", r["datePublished"])
        rating = r["reviewRating"]
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        assert r["itemReviewed"]["@type"] == "Claim"
        assert r["itemReviewed"]["appearance"]
        assert r["itemReviewed"]["firstAppearance"]
    first, second = reviews
    assert first["claimReviewed"].startswith("The dam on the Yellow River burst on Tuesday")
    assert (first["reviewRating"]["ratingValue"], first["reviewRating"]["alternateName"]) == (
        5,
        "Corroborated",
    )
    item = first["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Xinhua"}
    assert [a["publisher"]["name"] for a in item["appearance"]] == [
        "Daily One",
        "Daily Three",
        "Daily Two",
    ]
    assert item["firstAppearance"]["publisher"]["name"] == "Daily One"
    assert item["firstAppearance"]["datePublished"] == "2026-11-22"
    assert (second["reviewRating"]["ratingValue"], second["reviewRating"]["alternateName"]) == (
        1,
        "False",
    )
    assert second["itemReviewed"]["author"]["name"] == "the mayor"

    result = CliRunner().invoke(main, ["--db", reviewed, "export", "--format", "claimreview"])
    assert result.exit_code == 1
    assert "--base-url or CLAIMCHECK_BASE_URL" in result.output


def test_prov_export_loads_with_the_prov_package(reviewed: str) -> None:
    from prov.model import ProvActivity, ProvAgent, ProvDocument, ProvEntity

    text = run(reviewed, "export", "--format", "prov").output
    document = ProvDocument.deserialize(content=text, format="json")
    entities = list(document.get_records(ProvEntity))
    agents = list(document.get_records(ProvAgent))
    activities = list(document.get_records(ProvActivity))
    # 5 documents, 10 claims, 2 clusters.
    assert len(entities) == 17
    # claimcheck, the cited sources (Xinhua, AP, the mayor, the city spokesman, who is not
    # the mayor), and the reviewers.
    labels = sorted(str(a.label) for a in agents)
    cited = ["Xinhua", "AP", "the mayor", "the city spokesman"]
    assert labels == sorted(["claimcheck", *cited, "alice", "bob", LOGIN])
    # 5 ingests, 7 review actions, one dedupe.
    assert len(activities) == 5 + 7 + 1
    provn = document.get_provn()
    assert re.search(
        r"wasDerivedFrom\(cc:claim-1, cc:document-1, cc:ingest-1, -, -, "
        r"\[prov:type='prov:Quotation', cc:start=\d+, cc:end=\d+\]\)",
        provn,
    )
    assert re.search(
        r'wasAttributedTo\(cc:claim-1, cc:source-\d+, \[cc:role="primary", cc:cue="said"', provn
    )
    assert re.search(r"agent\(cc:claimcheck, \[prov:type='prov:SoftwareAgent'", provn)
    assert "cc:version=" in provn


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed")
def test_html_report_screenshot_in_headless_chromium(reviewed: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    shot = tmp_path / "report.png"
    run(reviewed, "report", "--format", "html", "-o", str(page))
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--screenshot={shot}", "--window-size=1100,1400", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    # A readable page: mostly white paper with dark text on it, not blank and not a smear.
    image = Image.open(shot).convert("L")
    histogram = image.histogram()
    dark = sum(histogram[:100]) / sum(histogram)
    light = sum(histogram[200:]) / sum(histogram)
    assert 0.005 < dark < 0.3
    assert light > 0.6


def test_verdicts_and_a_link_set_on_the_command_line_show_in_the_html_report(
    sqlite_url: str, tmp_path: Path
) -> None:
    run(sqlite_url, "ingest", str(SEED))
    run(sqlite_url, "verdict", "4", "corroborated", "--note", "Xinhua's own report.")
    run(sqlite_url, "verdict", "3", "disputed")
    run(sqlite_url, "link", "3", "--url", "https://example.org/wic", "--title", "WIC page")
    out = tmp_path / "r.html"
    run(sqlite_url, "report", "--format", "html", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    xinhua = page[page.index('<article id="claim-4"') : page.index('<article id="claim-5"')]
    assert '<span class="verdict">corroborated</span> by carol' in xinhua
    assert "Xinhua&#39;s own report." in xinhua
    wic = page[page.index('<article id="claim-3"') : page.index('<article id="claim-4"')]
    assert '<span class="verdict">disputed</span> by carol' in wic
    assert 'corroborates &ldquo;WIC page&rdquo; <a href="https://example.org/wic">' in wic
    assert "World Internet Conference (said), relayed by South China Morning Post" in wic


@pytest.mark.parametrize(
    "text",
    [
        "The council said 40 jobs will go.",
        "Two  spaces, a\ttab and a\nnew line.",
        "A no-break\u00a0space, an em\u2003space and a line\u2028separator.",
        "An escape \x1b[31mred\x1b[0m and a bell\x07.",
        "  edges kept  ",
        "",
    ],
)
def test_report_folds_text_onto_one_line_as_the_terminal_does(text: str) -> None:
    from claimcheck.presentation import one_line
    from claimcheck.reports.render import one_line_text

    assert one_line_text(text) == one_line(text)


def test_markdown_cluster_places_are_escaped_once(reviewed: str) -> None:
    page = run(reviewed, "report", "--format", "md").output
    places = [line for line in page.splitlines() if line.startswith("- Cluster 1 ")]
    assert places and all("daily\\_three.md" in line for line in places)
    assert "\\\\" not in "".join(places)


def test_reports_flag_the_variants_of_a_family_as_show_does(db_url: str, tmp_path: Path) -> None:
    """Copies of a wire story with other figures carry the `variants` flag in every report
    format, on exactly the claims the listings flag."""
    from claimcheck.services.claims import iter_claims
    from claimcheck.services.database import open_database
    from claimcheck.services.ingest import ingest
    from tests.services.test_families import write_corpus as write_syndicated

    db = open_database(db_url)
    ingest(db, write_syndicated(tmp_path / "wire", files=6))
    flagged = {v.id for v in iter_claims(db) if "variants" in v.flags}
    db.close()
    assert flagged
    report = json.loads(run(db_url, "report", "--format", "json").output)
    assert {c["id"] for c in report["claims"] if "variants" in c["flags"]} == flagged
    html = run(db_url, "report", "--format", "html").output
    markdown = run(db_url, "report", "--format", "md").output
    for claim_id in flagged:
        article = html.split(f'<article id="claim-{claim_id}"', 1)[1].split("</article>", 1)[0]
        assert re.search(r'<dd class="flag">[^<]*variants', article)
        section = markdown.split(f"### Claim {claim_id}:", 1)[1].split("\n### ", 1)[0]
        assert "variants" in section
