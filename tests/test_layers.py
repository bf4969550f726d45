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
