"""Sentence vectors kept on disk, so a story read again does not wait for the model.

Analysts reopen the same articles many times (to read on, after corrections, with one more
outlet); the model reads about 100 sentences a second, so a five-outlet story costs a few seconds
each time.  Vectors are kept in an SQLite file in the user's cache folder (platformdirs), one file
per model file (the first characters of its sha256 in the name, so another model never reads
these vectors), keyed by the SHA-256 of the sentence text: the text itself is not stored.

Every write is one SQLite transaction: a crash, a kill or a full disk leaves the cache as it was
before the write.  The cache is a convenience, never a requirement: when the folder cannot be
written, the file is damaged or locked, or anything else goes wrong, it is switched off for the
rest of the process and the model computes the vectors as if it did not exist (a damaged file is
left as it is, never written over: the user may want to look at it, and deleting it starts anew).  It holds at most
:data:`MAX_ROWS` vectors, the oldest dropped first.  ``PARALLEL_READER_CACHE`` names another
folder, or ``off`` keeps nothing on disk.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from reader import APP_NAME

SWITCH = "PARALLEL_READER_CACHE"
"""Environment variable: a folder for the cache, or ``off``."""
MAX_ROWS = 50_000
"""Vectors kept (1.5 KB each: about 80 MB), the least recently written dropped first."""
_CHUNK = 500
"""Keys per lookup query (SQLite's default limit on parameters is 999)."""


OFF = frozenset({"off", "0", "no", "false"})
"""Values of an environment switch that turn a feature off (this cache, the meaning model)."""


def switched_off(variable: str) -> bool:
    """Whether the environment ``variable`` is set to one of :data:`OFF`."""
    return os.environ.get(variable, "").strip().lower() in OFF


def default_folder() -> Path | None:
    """The cache folder: ``PARALLEL_READER_CACHE``, else the user's cache folder; ``None`` when
    the cache is switched off."""
    if switched_off(SWITCH):
        return None
    chosen = os.environ.get(SWITCH, "").strip()
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def key_of(text: str) -> bytes:
    """The cache key of a sentence: its SHA-256 (the text is not stored)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class VectorCache:
    """Vectors as raw bytes by text, in one SQLite file (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._broken = False
        self._lock = threading.Lock()

    @classmethod
    def for_model(cls, model_sha256: str) -> VectorCache | None:
        """The cache of the model whose file has this sha256, in :func:`default_folder`."""
        folder = default_folder()
        if folder is None:
            return None
        return cls(folder / f"vectors-{model_sha256[:16]}.sqlite3")

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=2.0)
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB)")
        return db

    def get_many(self, texts: Iterable[str]) -> dict[str, bytes]:
        """The stored vectors of those ``texts`` that have one."""
        if self._broken:
            return {}
        by_key = {key_of(t): t for t in texts}
        if not by_key:
            return {}
        found: dict[str, bytes] = {}
        keys = list(by_key)
        try:
            with self._lock, closing(self._connect()) as db:
                for start in range(0, len(keys), _CHUNK):
                    chunk = keys[start : start + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(
                        f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
                    )
                    for key, vector in rows:
                        found[by_key[key]] = vector
        except (sqlite3.Error, OSError):
            self._broken = True
            return {}
        return found

    def put_many(self, vectors: dict[str, bytes]) -> None:
        """Store ``vectors`` (text -> raw bytes) in one transaction, then drop the oldest rows
        beyond :data:`MAX_ROWS`."""
        if self._broken or not vectors:
            return
        rows = [(key_of(t), v) for t, v in vectors.items()]
        try:
            with self._lock, closing(self._connect()) as db, db:
                db.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
                db.execute(
                    "DELETE FROM vectors WHERE rowid <= (SELECT MAX(rowid) FROM vectors) - ?",
                    (MAX_ROWS,),
                )
        except (sqlite3.Error, OSError):
            self._broken = True
