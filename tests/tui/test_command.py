"""`claimcheck review` loads Textual only when it runs; `claimcheck ingest` never does."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from claimcheck.cli import main
from tests.gold import SEED

LOADED = "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"


def run_python(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def test_ingest_never_imports_textual(sqlite_url: str) -> None:
    code = (
        "import sys\n"
        "from claimcheck.cli import main\n"
        f"main(['--db', {sqlite_url!r}, 'ingest', '-q', {str(SEED)!r}], standalone_mode=False)\n"
        f"{LOADED}"
    )
    assert run_python(code) == "[]"


def test_the_review_command_is_registered_without_importing_textual() -> None:
    code = (
        "import sys\n"
        "from claimcheck.cli import main\n"
        "assert 'review' in main.list_commands(None)\n"
        "main(['review', '--help'], standalone_mode=False)\n"
        f"{LOADED}"
    )
    assert run_python(code) == "[]"


def test_review_without_a_terminal_says_so(sqlite_url: str) -> None:
    result = CliRunner().invoke(main, ["--db", sqlite_url, "review"])
    assert result.exit_code == 2
    assert "claimcheck review needs a terminal" in result.output
