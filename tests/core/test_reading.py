from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.core.reading import Metadata, ReadError, find_files, read_file
from tests.gold import SEED, WIKINEWS, seed


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_front_matter_becomes_metadata_and_the_body_is_the_stored_text() -> None:
    doc = read_file(WIKINEWS / "01_asylum.txt")
    assert doc.metadata == Metadata(
        title="Over 900 asylum seekers rescued off Indonesian coast",
        publisher="Wikinews",
        url="https://en.wikinews.org/wiki/Over_900_asylum_seekers_rescued_off_Indonesian_coast",
        published=dt.date(2015, 5, 18),
    )
    assert doc.text.startswith("Over 900 asylum seekers rescued off Indonesian coast\n\nMonday")
    assert doc.encoding == "utf-8" and doc.media_type == "text"
    assert len(doc.sha256) == 64


def test_the_seed_reads_as_its_article() -> None:
    doc = read_file(SEED)
    assert doc.text == seed().strip()
    assert doc.text.startswith("As China pushes through its universal cyberspace plan")


def test_flags_override_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "---\ntitle: Old\npublisher: P\n---\nBody text here.\n")
    doc = read_file(path, metadata=Metadata(title="New"))
    assert doc.metadata.title == "New" and doc.metadata.publisher == "P"


def test_a_file_without_a_title_takes_its_first_line(tmp_path: Path) -> None:
    doc = read_file(write(tmp_path, "a.txt", "Headline Here\nBody. More body.\n"))
    assert doc.metadata.title == "Headline Here"


def test_crlf_line_endings_become_newlines(tmp_path: Path) -> None:
    doc = read_file(write(tmp_path, "a.txt", "One.\r\nTwo.\r\n"))
    assert doc.text == "One.\nTwo."


def test_html_is_reduced_to_article_text_with_metadata(tmp_path: Path) -> None:
    html = """<!doctype html><html><head><title>Page title</title>
    <meta property="og:site_name" content="South China Morning Post">
    <meta property="article:published_time" content="2022-07-13T08:00:00+08:00">
    <link rel="canonical" href="https://example.org/a"></head>
    <body><nav>Home | World | Share</nav><article><h1>WIC goes <em>global</em></h1>
    <p>The official Xinhua news agency said it had <b>20</b> members.</p>
    <script>document.write("no")</script><ul><li><p>One item.</p></li><li>Two.</li></ul>
    <p>Unclosed <i>tags &amp; entities &lt;b&gt;</article>
    <footer>Copyright</footer></body></html>"""
    doc = read_file(write(tmp_path, "a.html", html))
    assert doc.text == (
        "WIC goes global\n\nThe official Xinhua news agency said it had 20 members.\n\n"
        "One item.\n\nTwo.\n\nUnclosed tags & entities <b>"
    )
    assert doc.metadata.publisher == "South China Morning Post"
    assert doc.metadata.published == dt.date(2022, 7, 13)
    assert doc.metadata.url == "https://example.org/a"
    assert doc.media_type == "html"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin.txt", "Caf\u00e9 society.".encode("latin-1"), "not valid UTF-8"),
        ("empty.txt", b"", "no text in it"),
        ("blank.md", b"  \n\n\t\n", "no text in it"),
        ("only-meta.md", b"---\ntitle: x\n---\n", "no text in it"),
        ("bad-meta.md", b"---\ntitle: [unclosed\n---\nBody.\n", "front matter is not valid YAML"),
        ("bad-date.md", b"---\npublished: someday\n---\nBody.\n", "not YYYY-MM-DD"),
        ("no-date.md", b"---\ndate: 2024-13-45\n---\nBody.\n", "front matter is not valid"),
        ("empty.html", b"<html><body><script>x()</script></body></html>", "no text in it"),
        ("notes.pdf", b"%PDF-1.4", "not a text file"),
    ],
)
def test_bad_input_is_one_sentence_naming_the_file(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ReadError, match=message) as caught:
        read_file(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "A sentence. " * 100)
    with pytest.raises(ReadError, match="over the 1,000-byte limit"):
        read_file(path, max_bytes=1000)


def test_an_encoding_fallback_is_used_and_recorded(tmp_path: Path) -> None:
    doc = read_file(write(tmp_path, "a.txt", "Caf\u00e9 society.".encode("cp1252")),
                    fallback_encoding="cp1252")  # fmt: skip
    assert doc.text == "Caf\u00e9 society." and doc.encoding == "cp1252"


def test_folders_are_walked_for_text_files_only(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "B.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "a.md", "A.")
    write(tmp_path, "gold.jsonl", "{}")
    write(tmp_path, "LICENSE", "text")
    assert [p.name for p in find_files(tmp_path)] == ["b.txt", "a.md"]


def test_missing_paths_and_empty_folders_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file or folder"):
        list(find_files(tmp_path / "nope"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReadError, match="folder holds no text files"):
        list(find_files(tmp_path / "empty"))


def test_html_keeps_an_articles_own_header_and_text_outside_paragraphs(tmp_path: Path) -> None:
    html = (
        "<html><body><header>Site menu</header><article><header><h1>Big Headline</h1>"
        "</header><p>First paragraph.</p></article></body></html>"
    )
    assert read_file(write(tmp_path, "a.html", html)).text == "Big Headline\n\nFirst paragraph."
    story = (
        "<html><body><div>The minister said the bridge would reopen on Monday.<br>"
        "Engineers had inspected it for a week.</div><p>Share this</p></body></html>"
    )
    text = read_file(write(tmp_path, "b.html", story)).text
    assert "The minister said the bridge would reopen on Monday." in text
    assert "Engineers had inspected it for a week." in text
