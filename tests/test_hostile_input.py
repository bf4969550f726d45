"""Hostile input, one row per kind: each ends in a one-line error or a literal rendering,
the rest of the batch is stored, and no traceback reaches the user.

To add a case, add a row to FILES (something in a corpus folder) or to DATABASES (something
about the database itself).
"""

from __future__ import annotations

import os
import random
import string
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select

from claimcheck.cli import main
from claimcheck.store.models import Document

CONTROL = "The harbour master said the ferry resumes on Monday."


def write(name: str, data: bytes | str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode())

    return make


def fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def device(folder: Path) -> None:
    # A device that never ends: reading it would fill the memory.
    (folder / "zero.txt").symlink_to("/dev/zero")


def symlink_loops(folder: Path) -> None:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # a folder loop: not walked into


def unreadable(folder: Path) -> None:
    path = folder / "secret.txt"
    path.write_text("The minister said nothing.\n")
    path.chmod(0)


WEIRD_NAME = 'a "quoted"\nname\twith ünïcode, spaces.txt'


def weird_name(folder: Path) -> None:
    (folder / WEIRD_NAME).write_text("The coroner said the inquest opens today.\n")


def ten_million_characters() -> str:
    # Distinct sentences of 150 words: a file repeating one sentence is a different case
    # (every copy pairs with every other as a near-duplicate).
    rng = random.Random(10)
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))) for _ in range(5000)]
    out: list[str] = []
    size = 0
    while size < 10_000_000:
        sentence = "The council said " + " ".join(rng.choices(words, k=150)) + ".\n\n"
        out.append(sentence)
        size += len(sentence)
    return "".join(out)


@dataclass(frozen=True)
class FileCase:
    id: str
    make: Callable[[Path], None]
    # What the user is told: a piece of the one "Error:" line for the file...
    error: str | None = None
    # ...or what is stored: a piece of the document's text, and of what `claimcheck claims`
    # shows for it (where showing it is the point).
    stored: str | None = None
    shown: str | None = None
    # Through a real process (anything that could block or stream for ever).
    subprocess: bool = False


FILES = [
    FileCase("nul-bytes", write("nul.txt", b"The mayor said \x00 the bridge opened.\n"),
             error="nul.txt: binary file (it contains NUL bytes)"),
    FileCase("invalid-utf8", write("latin.txt", b"The mayor said caf\xe9 opened.\n"),
             error="latin.txt: not valid UTF-8 (byte 18); re-encode it, "
                   "or name its encoding with --encoding"),
    FileCase("utf16-bom", write("u16.txt", "The café owner said it closed.\n".encode("utf-16")),
             stored="The café owner said it closed."),
    FileCase("utf16-be-bom", write("u16be.txt", b"\xfe\xff" + "Café said x.\n".encode("utf-16-be")),
             stored="Café said x."),
    FileCase("utf32-bom", write("u32.txt", "The café owner said it opened.\n".encode("utf-32")),
             stored="The café owner said it opened."),
    FileCase("crlf", write("crlf.txt", b"Police said one thing.\r\nCourts said another.\r\n"),
             stored="Police said one thing.\nCourts said another."),
    FileCase("lone-cr", write("cr.txt", b"Police said one thing.\rCourts said another.\r"),
             stored="Police said one thing.\nCourts said another."),
    FileCase("1mb-sentence", write("long.txt", "word " * 210_000 + "\n"),
             stored="word word word"),
    FileCase("10m-characters", write("huge.txt", ten_million_characters()),
             stored="The council said "),
    FileCase("deep-html", write("deep.html", "<div>" * 1_500 + "<p>Deep text said it.</p>"),
             stored="Deep text said it."),
    FileCase("too-deep-html", write("deeper.html", "<div>" * 100_000 + "<p>Deep text said it.</p>"),
             error="deeper.html: HTML nested 100,000 levels deep (more than 2,000); not read"),
    FileCase("broken-html", write("broken.html", "<p>The <b>mayor said <i>it</p></div></span"),
             stored="The mayor said it"),
    FileCase("script-and-handlers", write("script.html",
             '<body><p onclick="alert(1)" onmouseover="steal()">The mayor said hi.</p>'
             "<script>alert(2)</script><img src=x onerror=alert(3)></body>"),
             stored="The mayor said hi."),
    FileCase("rich-markup", write("markup.txt", "The [bold red]mayor[/] said [link=http://x]hi[/link].\n"),
             stored="[bold red]mayor[/] said [link=http://x]hi[/link]",
             shown="[bold red]mayor[/] said [link=http://x]hi[/link]"),
    FileCase("ansi-osc", write("ansi.txt",
             "The \x1b[31mmayor\x1b[0m said \x1b]8;;http://evil\x07this\x1b]8;;\x07 today.\n"),
             stored="\x1b[31mmayor\x1b[0m said \x1b]8;;http://evil\x07this",
             shown="\\x1b[31mmayor\\x1b[0m said \\x1b]8;;http://evil\\x07this"),
    FileCase("zero-width-rtl",
             write("rtl.txt", "The may\u200bor said \u202egnp.exe\u202c is safe.\n"),
             stored="may\u200bor said \u202egnp.exe\u202c is safe",
             shown="said \\u202egnp.exe\\u202c is safe"),
    FileCase("weird-file-name", weird_name, stored="The coroner said the inquest opens today."),
    FileCase("symlink-loops", symlink_loops,
             error="loop.txt: cannot be read (Too many levels of symbolic links)"),
    FileCase("fifo", fifo, error="pipe.txt: not a regular file (a FIFO)", subprocess=True),
    FileCase("device", device, error="zero.txt: not a regular file (a device)", subprocess=True),
    FileCase("unreadable", unreadable, error="secret.txt: cannot be read (Permission denied)"),
]  # fmt: skip


@contextmanager
def denied_as_root(case: FileCase, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Root reads a mode-000 file anyway: there, the refusal the kernel gives anyone else
    is injected where the file is opened."""
    if case.id == "unreadable" and os.geteuid() == 0:
        real_open = os.open

        def deny(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
            if str(path).endswith("secret.txt"):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, mode)

        # Where claimcheck.core.reading opens a file to read it.
        monkeypatch.setattr(os, "open", deny)
    yield


def run_cli(args: list[str], use_subprocess: bool) -> tuple[int, str, str]:
    if use_subprocess:
        done = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )
        return done.returncode, done.stdout, done.stderr
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def stored_texts(url: str) -> dict[str, str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(select(Document.path, Document.text)).all()
    engine.dispose()
    return {path: text for path, text in rows}


@pytest.mark.parametrize("case", FILES, ids=lambda case: case.id)
def test_hostile_file_in_a_batch(
    case: FileCase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "control.txt").write_text(CONTROL + "\n")
    case.make(folder)
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    with denied_as_root(case, monkeypatch):
        code, out, err = run_cli(["--db", url, "ingest", str(folder)], case.subprocess)
    assert "Traceback" not in out + err

    texts = stored_texts(url)
    assert CONTROL in texts.pop(str(folder / "control.txt"))
    if case.error is not None:
        assert code == 1
        assert err.splitlines() == [f"Error: {folder}/{case.error}"]
        assert texts == {}
    else:
        assert code == 0, err
        assert err == ""
        (text,) = texts.values()
        assert case.stored is not None and case.stored in text
    if case.shown is not None:
        code, out, err = run_cli(["--db", url, "claims", "--format", "table"], False)
        assert code == 0 and case.shown in out
        assert "\x1b" not in out and "\u202e" not in out


def test_a_weird_file_name_is_stored_as_is_and_shown_on_one_line(tmp_path: Path) -> None:
    weird_name(tmp_path)
    url = f"sqlite:///{tmp_path / 'names.db'}"
    code, out, _ = run_cli(["--db", url, "ingest", str(tmp_path / WEIRD_NAME)], False)
    assert code == 0
    assert list(stored_texts(url)) == [str(tmp_path / WEIRD_NAME)]
    (line,) = [line for line in out.splitlines() if "1 sentences" in line]
    assert 'a "quoted" name with ünïcode, spaces.txt: 1 sentences' in line


# --- the database itself ---------------------------------------------------------------


@contextmanager
def small_filesystem(where: Path, size: str) -> Iterator[bool]:
    """A tmpfs of `size` mounted at `where`, if this process may mount one (root on Linux)."""
    where.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
            capture_output=True,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(where)], check=False)


def article(words: int, seed: int) -> str:
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choices(string.ascii_lowercase, k=6)) for _ in range(3000)]
    sentences = (" ".join(rng.choices(vocabulary, k=20)) for _ in range(words // 20))
    return "".join(f"The agency said {sentence}.\n\n" for sentence in sentences)


def test_a_full_disk_stops_the_batch_with_one_line_and_keeps_what_was_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_control.txt").write_text(CONTROL + "\n")
    (corpus / "b_big.txt").write_text(article(400_000, 1))  # about 3 MB of text
    with small_filesystem(tmp_path / "disk", "1500k") as mounted:
        url = f"sqlite:///{tmp_path / 'disk' / 'full.db'}"
        if mounted:
            code, out, err = run_cli(["--db", url, "ingest", str(corpus)], True)
        else:
            # No tmpfs here: the write fails where SQLite would report the full disk.
            from sqlalchemy.exc import OperationalError

            import claimcheck.services.ingest as ingest

            real = ingest._insert_claims

            def full(session: Any, stored: Any, book: Any) -> Any:
                if any(done.document_id > 1 for done in stored):
                    raise OperationalError("INSERT", {}, Exception("database or disk is full"))
                return real(session, stored, book)

            monkeypatch.setattr(ingest, "_insert_claims", full)
            code, out, err = run_cli(["--db", url, "ingest", str(corpus)], False)
        assert code == 1
        assert "Traceback" not in out + err
        assert err.splitlines() == [
            f"Error: cannot store {corpus}/b_big.txt: the database refused the write "
            "(database or disk is full); the 1 document(s) stored before it are kept"
            if not mounted
            else err.splitlines()[0]
        ]
        assert "database or disk is full" in err
        assert "b_big.txt" in err
        texts = stored_texts(url)
        assert list(texts) == [str(corpus / "a_control.txt")]


def test_a_read_only_database_file_is_one_line_and_left_as_it_was(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "control.txt").write_text(CONTROL + "\n")
    (tmp_path / "more.txt").write_text("The minister said the school opens in June.\n")
    with small_filesystem(tmp_path / "ro", "10m") as mounted:
        url = f"sqlite:///{tmp_path / 'ro' / 'ro.db'}"
        assert run_cli(["--db", url, "ingest", str(corpus)], False)[0] == 0
        if mounted:
            # Read-only for root too; WAL's side files cannot be made there either.
            subprocess.run(["mount", "-o", "remount,ro", str(tmp_path / "ro")], check=True)
        elif os.geteuid() != 0:
            (tmp_path / "ro" / "ro.db").chmod(0o444)
        else:
            pytest.skip("root without mount permission: a read-only file is writable")
        code, out, err = run_cli(["--db", url, "ingest", str(tmp_path / "more.txt")], True)
        assert code == 1
        assert "Traceback" not in out + err
        (line,) = err.splitlines()
        assert line.startswith("Error: ")
        assert "is read-only" in line or "readonly database" in line
        if mounted:
            subprocess.run(["mount", "-o", "remount,rw", str(tmp_path / "ro")], check=True)
        assert list(stored_texts(url)) == [str(corpus / "control.txt")]


SECRET = "s3cr%3At-pw"


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://alice:{SECRET}@127.0.0.1:1/claimcheck",
        f"postgresql://alice:{SECRET}@127.0.0.1:notaport/claimcheck",
        f"postgresql+nodriver://alice:{SECRET}@127.0.0.1/claimcheck",
    ],
    ids=["unreachable", "bad-port", "unknown-driver"],
)
@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_a_database_password_is_never_printed(url: str, debug: bool) -> None:
    args = ["--debug"] if debug else []
    code, out, err = run_cli([*args, "--db", url, "claims"], True)
    assert code == 1
    for secret in (SECRET, "s3cr:t-pw", "s3cr"):
        assert secret not in out + err
    if not debug:
        (line,) = err.splitlines()
        assert line.startswith("Error: cannot ")
