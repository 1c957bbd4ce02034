"""The on-disk cache of sentence vectors: round trip, no text stored, bounded size, and never an
error for the user -- a damaged file, an unwritable folder or a failing disk switch it off."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.matching import vector_cache as vc
from reader.core.matching.vector_cache import VectorCache


def test_vectors_round_trip_and_the_text_is_not_stored(tmp_path: Path) -> None:
    cache = VectorCache(tmp_path / "deep" / "v.sqlite3")  # the folder is made on first use
    assert cache.get_many(["Rescuers searched the rubble."]) == {}
    cache.put_many({"Rescuers searched the rubble.": b"\x01" * 8, "Ten died.": b"\x02" * 8})
    again = VectorCache(cache.path)
    assert again.get_many(["Ten died.", "Not there.", "Rescuers searched the rubble."]) == {
        "Ten died.": b"\x02" * 8,
        "Rescuers searched the rubble.": b"\x01" * 8,
    }
    assert b"Rescuers" not in cache.path.read_bytes()


def test_the_oldest_vectors_go_beyond_the_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(vc, "MAX_ROWS", 3)
    cache = VectorCache(tmp_path / "v.sqlite3")
    for n in range(5):
        cache.put_many({f"sentence {n}": bytes([n])})
    kept = cache.get_many([f"sentence {n}" for n in range(5)])
    assert sorted(kept) == ["sentence 2", "sentence 3", "sentence 4"]


def test_a_damaged_file_switches_the_cache_off_without_an_error(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = VectorCache(path)
    assert cache.get_many(["a"]) == {}
    cache.put_many({"a": b"x"})  # no error, nothing written over the file
    assert path.read_bytes() == b"this is not a database" * 100


def test_an_unwritable_folder_switches_the_cache_off(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    cache = VectorCache(blocker / "v.sqlite3")
    cache.put_many({"a": b"x"})
    assert cache.get_many(["a"]) == {}


def test_a_failing_disk_keeps_what_was_there(tmp_path: Path, monkeypatch) -> None:
    cache = VectorCache(tmp_path / "v.sqlite3")
    cache.put_many({"kept": b"1"})
    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def execute(self, sql: str, *args):
            return self.db.execute(sql, *args)

        def executemany(self, sql: str, rows):
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            self.db.close()

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.db.rollback()

    monkeypatch.setattr(vc.sqlite3, "connect", lambda *a, **k: FullDisk(real_connect(*a, **k)))
    cache.put_many({"lost": b"2"})  # no error
    monkeypatch.setattr(vc.sqlite3, "connect", real_connect)
    assert VectorCache(cache.path).get_many(["kept", "lost"]) == {"kept": b"1"}


def test_the_folder_follows_the_switch(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(vc.SWITCH, "off")
    assert vc.default_folder() is None and VectorCache.for_model("ab" * 32) is None
    monkeypatch.setenv(vc.SWITCH, str(tmp_path))
    assert VectorCache.for_model("ab" * 32).path == tmp_path / "vectors-abababababababab.sqlite3"
    monkeypatch.delenv(vc.SWITCH)
    assert vc.default_folder().name == "parallel-reader"


def test_the_model_reads_stored_vectors_instead_of_running(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    from reader.core.matching.meaning import DIMENSIONS, MeaningModel

    class Tokens:
        def __init__(self, text: str) -> None:
            self.ids = [101, len(text) % 50 + 1000, 102]

    class Tokenizer:
        def encode(self, text: str) -> Tokens:
            return Tokens(text)

    class Session:
        runs = 0

        def run(self, _names, feeds):
            Session.runs += 1
            ids = feeds["input_ids"]
            rng = np.random.default_rng(int(ids.sum()))
            return [rng.standard_normal((1, ids.shape[1], DIMENSIONS)).astype(np.float32)]

    texts = ["Ten people died.", "Rescuers searched the rubble.", "Ten people died."]
    first = MeaningModel(Session(), Tokenizer(), np, VectorCache(tmp_path / "v.sqlite3"))
    fresh = first.embed(texts)
    assert Session.runs == 2  # each distinct text once

    def no_session() -> Session:
        raise AssertionError("the model was loaded although every vector was stored")

    # The session is made only for a vector found nowhere: a story opened again never loads it.
    second = MeaningModel(no_session, Tokenizer(), np, VectorCache(tmp_path / "v.sqlite3"))
    stored = second.embed(texts)
    assert Session.runs == 2  # read from disk, not computed
    made: list[int] = []
    third = MeaningModel(lambda: made.append(1) or Session(), Tokenizer(), np)
    third.embed(["Something new."])
    third.embed(["Something else."])
    assert made == [1]  # made once, on the first vector it had to compute
    for text in fresh:
        assert stored[text].dtype == np.float32
        assert stored[text].tobytes() == fresh[text].tobytes()  # bit for bit
        assert float(np.linalg.norm(stored[text])) == pytest.approx(1.0, rel=1e-5)
