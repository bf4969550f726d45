"""What the second process hands over: a prepared file arrives as it was prepared."""

from __future__ import annotations

import pickle
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from pytest import MonkeyPatch

from claimcheck.core import prepare as prepare_module
from claimcheck.core.prepare import ReadOptions, prepare
from claimcheck.core.reading import Metadata
from claimcheck.core.registry import Registry


def test_a_prepared_file_crosses_between_the_processes_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Storm Hits Coast\n\n"
        "The storm killed 12 people, the Norvex Policy Institute (NPI) said on Monday. "
        '"We expect more rain," Maria Lopez told reporters in Lima.\n',
        encoding="utf-8",
    )
    options = ReadOptions(metadata=Metadata(title="Storm", url="https://example.org/storm"))
    prepared = prepare(path, options, Registry.default())
    assert prepared.doc is not None and prepared.doc.metadata.title == "Storm"
    assert any(a.attributions for a in prepared.analyses) and any(prepared.keys)
    unreadable = prepare(tmp_path / "missing.txt", options, Registry.default())
    assert unreadable.error is not None

    handed = pickle.loads(ForkingPickler.dumps([prepared, unreadable]))

    assert handed == [prepared, unreadable]
    assert [type(a) for a in handed[0].analyses] == [type(a) for a in prepared.analyses]


def test_a_file_read_by_the_storing_process_and_changed_before_its_analysis_is_read_again(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    """While the second process is the slower side, the storing process reads and segments
    the files it hands over: a file edited in between is analysed as it is now."""
    path = tmp_path / "story.txt"
    path.write_text("Officials said 7 bridges were closed.\n", encoding="utf-8")
    options = ReadOptions()
    read = prepare_module._read_stamped(path, options)
    path.write_text("The mayor said the ferry resumed service on Friday.\n", encoding="utf-8")
    worker = prepare_module._Worker(options, Registry.default(), set(), prepare_module._Shared())
    monkeypatch.setattr(prepare_module, "_worker", worker)

    [prepared] = prepare_module._prepare_read([read])

    assert prepared.doc is not None
    assert [prepared.doc.text[a:b] for a, b in prepared.spans] == [
        "The mayor said the ferry resumed service on Friday."
    ]
    assert [s.source_text for a in prepared.analyses for s in a.attributions] == ["The mayor"]


def test_the_publisher_of_the_front_matter_is_none_of_the_documents_sources(
    tmp_path: Path,
) -> None:
    # GroundUp's articles say "told GroundUp" of their own reporters' interviews.
    path = tmp_path / "story.txt"
    path.write_text(
        "---\npublisher: Reuters\n---\nSchool Shut\n\n"
        "Ana Ruiz told Reuters that the school closed in March.\n",
        encoding="utf-8",
    )
    prepared = prepare(path, ReadOptions(), Registry.default())
    assert [(a.canonical, a.role) for a in prepared.analyses[1].attributions] == [
        ("Ana Ruiz", "primary")
    ]
    # A publisher given on the command line is the document's own as well.
    path.write_text("School Shut\n\nAna Ruiz told the BBC that the school closed.\n")
    options = ReadOptions(metadata=Metadata(publisher="BBC News"))
    prepared = prepare(path, options, Registry.default())
    assert [a.canonical for a in prepared.analyses[1].attributions] == ["Ana Ruiz"]
    # Each publisher of a list in the front matter.
    path.write_text(
        "---\npublisher: [AP, Reuters]\n---\nSchool Shut\n\n"
        "Ana Ruiz told Reuters that the school closed in March.\n",
        encoding="utf-8",
    )
    prepared = prepare(path, ReadOptions(), Registry.default())
    assert prepared.doc is not None and prepared.doc.metadata.publisher == "AP, Reuters"
    assert [a.canonical for a in prepared.analyses[1].attributions] == ["Ana Ruiz"]
