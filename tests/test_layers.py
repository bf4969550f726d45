"""The headless layers never load the UI, and `claimcheck ingest` does not pay for it."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEADLESS = [
    "claimcheck.core.reading",
    "claimcheck.core.segment",
    "claimcheck.core.attribution",
    "claimcheck.core.dedupe",
    "claimcheck.store.models",
    "claimcheck.services.ingest",
    "claimcheck.services.clusters",
    "claimcheck.cli",
]


@pytest.mark.parametrize("module", HEADLESS)
def test_importing_does_not_load_textual_or_rich(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'})\n"
        "print(','.join(loaded))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_core_never_loads_the_database_layer() -> None:
    code = (
        "import sys, claimcheck.core.attribution, claimcheck.core.dedupe, claimcheck.core.reading\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# What reading claims out must not load: the matching engine (numpy, rapidfuzz) and the
# attribution engine, which cost a command more than the query does at a million claims.
ENGINES = ("numpy", "rapidfuzz", "claimcheck.core.dedupe", "claimcheck.core.attribution")


def test_show_and_the_listings_load_neither_matching_nor_attribution(sqlite_url: str) -> None:
    from claimcheck.services.claims import ClaimFilter, iter_claims
    from claimcheck.services.clusters import list_clusters
    from claimcheck.services.database import open_database
    from claimcheck.services.ingest import ingest
    from claimcheck.services.review import add_note
    from tests.gold import CORPUS

    db = open_database(sqlite_url)
    ingest(db, [CORPUS])
    clustered = list_clusters(db)[0].members[0].claim_id
    attributed = next(v for v in iter_claims(db, ClaimFilter()) if v.sources)
    add_note(db, clustered, "Checked against the court record.")
    db.close()
    source = attributed.sources[0].canonical
    runs = [
        ["show", str(clustered)],
        ["show", str(attributed.id)],
        ["claims", "--unattributed", "--sort", "checkworthiness", "--limit", "20"],
        ["claims", "--source", source, "--limit", "20"],
        ["claims", "--document", attributed.document.path],
    ]
    for args in runs:
        code = (
            "import sys\n"
            "from claimcheck.cli import main\n"
            f"main(['--db', {sqlite_url!r}, *{args!r}], standalone_mode=False)\n"
            f"print('loaded:', ','.join(e for e in {ENGINES!r} if e in sys.modules))"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        out = done.stdout
        assert out.splitlines()[-1] == "loaded: ", (args, out.splitlines()[-1])
        if args[0] == "show" and args[1] == str(clustered):
            assert "Cluster " in out and "also in" in out
            assert "Checked against the court record." in out
        elif args[0] == "show":
            assert f"Sources:\n  - {source} (" in out
        else:
            assert len(out.splitlines()) > 1
