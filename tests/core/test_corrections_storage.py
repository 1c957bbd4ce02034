"""The corrections file: where it goes, and that no failure ever loses the analyst's work."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reader.core.corrections import (
    MergeEntities,
    RenameEntity,
    default_path,
    dumps,
    open_corrections,
    storage,
)

GOOD = [MergeEntities("Erdoğan", "Erdogan"), RenameEntity("Aleppo", "Halab")]


def test_default_path_is_beside_the_first_article(tmp_path: Path) -> None:
    first = tmp_path / "story.txt"
    assert default_path([str(first), "other.txt"]) == tmp_path / "story.txt.parallel-reader.json"


def test_unwritable_folder_falls_back_to_the_data_dir(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    monkeypatch.setattr(storage, "data_dir", lambda: tmp_path / "data")
    real_access = os.access
    monkeypatch.setattr(
        storage.os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode)
    )
    assert default_path([str(folder / "a.txt")]) == tmp_path / "data" / "a.txt.parallel-reader.json"
    assert default_path(["-"]) == tmp_path / "data" / "stdin.parallel-reader.json"
    assert default_path(["https://example.org/news/1"]).parent == tmp_path / "data"


def test_missing_file_is_empty_and_saves(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "c.json"
    loaded = open_corrections(target)
    assert loaded.corrections == [] and loaded.problem is None
    assert loaded.save(GOOD) is None
    assert open_corrections(target).corrections == GOOD


@pytest.mark.parametrize("content", [b"{ not json", b'{"schema": "other"}', b"\xff\xfe\x00bad"])
def test_corrupt_file_is_reported_once_and_never_overwritten(
    tmp_path: Path, content: bytes
) -> None:
    target = tmp_path / "c.json"
    target.write_bytes(content)
    loaded = open_corrections(target)
    assert loaded.corrections == [] and loaded.problem and "\n" not in loaded.problem
    assert str(target) in loaded.problem
    message = loaded.save(GOOD)
    assert message and "not saved" in message
    assert target.read_bytes() == content


def test_failed_rename_keeps_the_previous_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "c.json"
    target.write_text(dumps(GOOD[:1]), encoding="utf-8")
    before = target.read_bytes()
    loaded = open_corrections(target)

    def broken_replace(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("reader.store.os.replace", broken_replace)
    message = loaded.save(GOOD)
    assert message and "previous file is kept" in message and "\n" not in message
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]  # no temporary left behind


def test_full_disk_keeps_the_previous_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "c.json"
    target.write_text(dumps(GOOD[:1]), encoding="utf-8")
    before = target.read_bytes()
    loaded = open_corrections(target)

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("reader.store.os.fsync", no_space)
    message = loaded.save(GOOD)
    assert message and "No space left on device" in message
    assert target.read_bytes() == before
    assert open_corrections(target).corrections == GOOD[:1]


def test_read_only_folder_says_so(tmp_path: Path, monkeypatch) -> None:
    """As root the folder's mode does not stop writes, so the refusal is simulated where the
    temporary file is created (where a read-only folder or file system refuses)."""
    target = tmp_path / "c.json"
    target.write_text(dumps(GOOD[:1]), encoding="utf-8")

    def refuse(folder):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("reader.store._create_temporary", refuse)
    message = open_corrections(target).save(GOOD)
    assert message == (
        f"corrections not saved to {target}: Read-only file system; the previous file is kept"
    )
    assert open_corrections(target).corrections == GOOD[:1]


def test_session_saves_every_change_and_undoes(tmp_path: Path) -> None:
    from reader.core.corrections import CorrectionSession
    from reader.core.model import Analysis, Article, Entity, Mention

    a = Article.from_texts("a.txt", "A", ["Mr Smith spoke."])
    b = Article.from_texts("b.txt", "B", ["John Smith spoke."])
    base = Analysis(
        [a, b],
        [],
        entities=[
            Entity(0, "John Smith", "person", ["John Smith"], [Mention(1, 0, 0, 10, "John Smith")]),
            Entity(1, "Smith", "person", ["Smith"], [Mention(0, 0, 3, 8, "Smith")]),
        ],
    )
    target = tmp_path / "c.json"
    session = CorrectionSession(open_corrections(target))
    assert len(session.attach(base).entities) == 2
    message, problem = session.add(MergeEntities("John Smith", "Smith"))
    assert problem is None and "merged" in message
    assert len(session.analysis.entities) == 1
    assert open_corrections(target).corrections == [MergeEntities("John Smith", "Smith")]
    message, _ = session.undo()
    assert message.startswith("undone") and len(session.analysis.entities) == 2
    assert open_corrections(target).corrections == []
    session.redo()
    reopened = CorrectionSession(open_corrections(target))
    assert len(reopened.attach(base).entities) == 1


def test_samples_keep_corrections_in_the_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(storage, "data_dir", lambda: tmp_path / "data")
    path = default_path([str(tmp_path / "pkg" / "wire.txt")], beside=False)
    assert path == tmp_path / "data" / "wire.txt.parallel-reader.json"
