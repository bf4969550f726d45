"""Files to text and metadata: the first step of the pipeline.

A document's text is what every offset points into, so it is fixed here once:
decoded, front matter removed, line endings made "\\n", HTML reduced to its
article text with one block per paragraph.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import ClaimcheckError, first_line

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
                 ".htm": "html"}  # fmt: skip
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
METADATA_FIELDS = ("title", "publisher", "url", "published")


class ReadError(ClaimcheckError):
    """A file that cannot become a document; the message says why, in one sentence."""


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None

    def merged(self, override: Metadata) -> Metadata:
        """This metadata with every field that `override` sets replaced."""
        return Metadata(*(getattr(override, f) or getattr(self, f) for f in METADATA_FIELDS))


@dataclass(frozen=True, slots=True)
class ReadDocument:
    # The path as the user named it (messages, display) and the file's canonical path
    # (absolute, symlinks resolved), which is what makes it one document.
    path: str
    canonical_path: str
    sha256: str
    media_type: str
    encoding: str
    text: str
    metadata: Metadata


def find_files(path: Path) -> Iterator[Path]:
    """The files at `path`: itself, or the text files below it, sorted.

    Below a folder, anything named like a text file that is not a folder is yielded,
    FIFOs, devices and broken symlinks included, so that reading reports it by name
    rather than it vanishing from the batch. Symlinked folders are not descended into,
    so a symlink loop cannot make the walk endless.
    """
    if not path.exists() and not path.is_symlink():
        raise ReadError(f"{path}: no such file or folder")
    if not path.is_dir():
        yield path
        return
    found = False
    for candidate in sorted(path.rglob("*")):
        if candidate.suffix.lower() in TEXT_SUFFIXES and not candidate.is_dir():
            found = True
            yield candidate
    if not found:
        kinds = ", ".join(sorted(TEXT_SUFFIXES))
        raise ReadError(f"{path}: folder holds no text files ({kinds})")


def read_file(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fallback_encoding: str | None = None,
    metadata: Metadata | None = None,
) -> ReadDocument:
    """Read one file; raise ReadError, naming the file, when it cannot be a document."""
    media_type = TEXT_SUFFIXES.get(path.suffix.lower())
    if media_type is None:
        raise ReadError(f"{path}: not a text file (claimcheck reads {', '.join(TEXT_SUFFIXES)})")
    try:
        data = _read_regular(path, max_bytes)
    except OSError as error:
        raise ReadError(f"{path}: cannot be read ({error.strerror or error})") from error
    return read_bytes(
        data,
        str(path),
        media_type,
        fallback_encoding=fallback_encoding,
        metadata=metadata,
        canonical_path=str(path.resolve()),
    )


_NOT_REGULAR = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
                stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}  # fmt: skip


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file; a FIFO or a device is refused before it can block or
    stream for ever, and the size is checked on the opened file, not a name that may
    change in between."""
    kind = stat.S_IFMT(path.stat().st_mode)
    if kind != stat.S_IFREG:
        raise ReadError(f"{path}: not a regular file ({_NOT_REGULAR.get(kind, 'special')})")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(f"{path}: not a regular file")
        if info.st_size > max_bytes:
            raise ReadError(f"{path}: {info.st_size:,} bytes is over the {max_bytes:,}-byte limit")
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError(f"{path}: over the {max_bytes:,}-byte limit")
    return data


def read_bytes(
    data: bytes,
    name: str,
    media_type: str,
    *,
    fallback_encoding: str | None = None,
    metadata: Metadata | None = None,
    canonical_path: str | None = None,
) -> ReadDocument:
    raw, encoding = _decode(data, name, fallback_encoding)
    # A NUL is no character of any text; PostgreSQL cannot even store one.
    if "\x00" in raw:
        raise ReadError(f"{name}: binary file (it contains NUL bytes)")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if media_type == "html":
        depth = html_depth(raw)
        if depth > MAX_HTML_DEPTH:
            raise ReadError(
                f"{name}: HTML nested {depth:,} levels deep (more than {MAX_HTML_DEPTH:,}); "
                "not read"
            )
        text, found = extract_html(raw)
    else:
        text, found = _split_front_matter(raw, name)
    if not text.strip():
        raise ReadError(f"{name}: no text in it")
    if metadata is not None:
        found = found.merged(metadata)
    if found.title is None:
        found = found.merged(Metadata(title=text.lstrip().split("\n", 1)[0][:300]))
    return ReadDocument(
        path=name,
        canonical_path=canonical_path or name,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=media_type,
        encoding=encoding,
        text=text,
        metadata=found,
    )


# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


def _decode(data: bytes, name: str, fallback: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise ReadError(
                    f"{name}: starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()} (byte {error.start})"
                ) from error
    if b"\x00" in data:
        raise ReadError(f"{name}: binary file (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        if fallback is None:
            raise ReadError(
                f"{name}: not valid UTF-8 (byte {error.start}); re-encode it, "
                "or name its encoding with --encoding"
            ) from error
    try:
        return data.decode(fallback), fallback
    except (UnicodeDecodeError, LookupError) as error:
        raise ReadError(f"{name}: cannot be decoded as UTF-8 or {fallback}") from error


def _split_front_matter(raw: str, name: str) -> tuple[str, Metadata]:
    import frontmatter  # pulls in YAML; only text files need it
    import yaml

    try:
        post = frontmatter.loads(raw)
    except (yaml.YAMLError, ValueError) as error:
        # PyYAML raises ValueError for impossible dates such as 2024-13-45.
        raise ReadError(f"{name}: front matter is not valid YAML ({first_line(error)})") from error
    if not isinstance(post.metadata, dict):
        # A Markdown rule pair ("---") around prose is not front matter.
        return raw.strip(), Metadata()
    return post.content, parse_metadata(post.metadata, name)


def parse_metadata(values: Mapping[str, Any], name: str) -> Metadata:
    def text(key: str) -> str | None:
        value = values.get(key)
        if isinstance(value, list):
            value = ", ".join(str(one).strip() for one in value if one is not None)
        return None if value is None else str(value).strip() or None

    published = values.get("published", values.get("date"))
    return Metadata(
        title=text("title"),
        publisher=text("publisher"),
        url=text("url"),
        published=parse_date(published, name),
    )


def parse_date(value: object, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as error:
        raise ReadError(f"{name}: published date {value!r} is not YYYY-MM-DD") from error


# An HTML parser checks the open elements at each block tag, so its time grows with the
# square of the nesting: 100,000 nested <div>s take minutes. Browsers stop nesting at a
# few hundred levels; no article needs thousands.
MAX_HTML_DEPTH = 2000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Elements that are never open around others (void), or that the next one of their kind
# closes, so they do not deepen the tree however many there are.
_FLAT = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th")
)  # fmt: skip


def html_depth(raw: str) -> int:
    """How deep the page's elements nest, counted from its tags in one pass."""
    depth = deepest = 0
    for match in _TAG.finditer(raw):
        if match.group(2).lower() in _FLAT:
            continue
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


_BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,dt,dd,figcaption,td,th"
_NOISE = "script,style,noscript,template,nav,header,footer,aside,form,button,svg,iframe"
_SPACE = re.compile(r"\s+")


def extract_html(raw: str) -> tuple[str, Metadata]:
    """The article text of an HTML page, one block a paragraph, and its metadata."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(raw)

    def meta(*names: str) -> str | None:
        for key in names:
            node = tree.css_first(f'meta[property="{key}"], meta[name="{key}"]')
            content = node.attributes.get("content") if node is not None else None
            if content and content.strip():
                return content.strip()
        return None

    title_node = tree.css_first("title")
    canonical = tree.css_first('link[rel="canonical"]')
    time_node = tree.css_first("time[datetime]")
    published = meta("article:published_time", "date", "dc.date", "pubdate") or (
        time_node.attributes.get("datetime") if time_node is not None else None
    )
    metadata = Metadata(
        title=meta("og:title") or (_clean(title_node.text()) if title_node else None) or None,
        publisher=meta("og:site_name", "publisher"),
        url=meta("og:url") or (canonical.attributes.get("href") if canonical is not None else None),
        published=_lenient_date(published),
    )
    article = tree.css_first("article") or tree.css_first("main")
    root = article or tree.body
    if root is None:
        return "", metadata
    # An article's own <header> holds its headline; the page's holds navigation.
    for node in root.css(_NOISE if article is None else _NOISE.replace("header,", "")):
        node.decompose()
    # A block holding blocks (an <li> around a <p>) gives way to the blocks inside it.
    # (Lexbor's css() on a node matches the node itself too.)
    blocks = [node for node in root.css(_BLOCKS) if len(node.css(_BLOCKS)) == 1]
    lines = [_clean(node.text(deep=True)) for node in blocks]
    everything = [_clean(line) for line in root.text(deep=True, separator="\n").split("\n")]
    # Text outside any block (a story in <div>s and <br>s) would be lost: take it all then.
    if sum(map(len, lines)) < sum(map(len, everything)) / 2:
        lines = everything
    return "\n\n".join(line for line in lines if line), metadata


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _lenient_date(value: str | None) -> dt.date | None:
    try:
        return parse_date(value, "")
    except ReadError:
        return None
