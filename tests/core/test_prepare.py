"""What the second process hands over: a prepared file arrives as it was prepared."""

from __future__ import annotations

import pickle
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

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
