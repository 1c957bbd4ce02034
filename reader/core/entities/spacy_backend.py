"""Optional spaCy detection backend: a spaCy pipeline's ``doc.ents`` instead of the rules.

Only detection differs; the spans go through the same linking and typing as the rule backend
(:mod:`reader.core.entities.link`), with the spaCy label as a strong typing vote.  spaCy and its
models are optional (extra ``spacy``); nothing is downloaded at run time, and a missing package
or model raises ``RuntimeError`` with a one-line message saying what to install.
"""

from __future__ import annotations

import re
from typing import Any

from reader.core.entities import names as N
from reader.core.entities.detect import Candidate, Detection, find_definitions
from reader.core.model import Article

DEFAULT_MODEL = "en_core_web_sm"
# spaCy label -> vote index (0 person, 1 organization, 2 place); None = typed by the linker only.
LABELS: dict[str, int | None] = {
    "PERSON": 0,
    "PER": 0,
    "ORG": 1,
    "GPE": 2,
    "LOC": 2,
    "FAC": 2,
    "EVENT": None,
    "WORK_OF_ART": None,
    "LAW": None,
    "PRODUCT": None,
    "MISC": None,
}
_LEADING_RE = re.compile(r"(?:the|The|THE)\s+")
_POSSESSIVE_RE = re.compile(r"(?:['’][sS]?)$")
_WORD_RE = re.compile(r"\S+")
_pipelines: dict[str, Any] = {}


def load_pipeline(model: str = DEFAULT_MODEL) -> Any:
    """Load (once) an installed spaCy model by name; RuntimeError if spaCy or it is missing."""
    if model in _pipelines:
        return _pipelines[model]
    try:
        import spacy
    except ImportError as exc:
        raise RuntimeError(
            "the spaCy entity backend needs spaCy: pip install 'parallel-reader[spacy]'"
        ) from exc
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed: python -m spacy download {model}"
        ) from exc
    _pipelines[model] = nlp
    return nlp


def _trim(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Drop a leading "the", leading titles and a trailing possessive from an entity span."""
    titled = False
    m = _LEADING_RE.match(text, start, end)
    if m:
        start = m.end()
    while True:
        w = _WORD_RE.match(text, start, end)
        if not w or w.end() >= end:
            break
        f = w.group().rstrip(".").lower()
        if f in N.TITLE_HEADS or f in N.TITLE_MODIFIERS:
            titled = titled or f in N.TITLE_HEADS
            start = w.end()
            while start < end and text[start].isspace():
                start += 1
            continue
        break
    p = _POSSESSIVE_RE.search(text, start, end)
    if p and p.start() > start:
        end = p.start()
    return start, end, titled


def detect_spacy(
    articles: list[Article], *, nlp: Any = None, model: str = DEFAULT_MODEL
) -> Detection:
    """Candidates from ``nlp``'s entity recogniser over every paragraph."""
    if nlp is None:
        nlp = load_pipeline(model)
    refs = [
        (ai, pi, p.text)
        for ai, a in enumerate(articles)
        for pi, p in enumerate(a.paragraphs)
        if p.text
    ]
    cands: list[Candidate] = []
    definitions: list[tuple[str, str]] = []
    docs = nlp.pipe((t for _, _, t in refs), batch_size=64)
    for (ai, pi, text), doc in zip(refs, docs):
        para: list[Candidate] = []
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue  # dates, numbers, NORP demonyms...
            start, end, titled = _trim(text, ent.start_char, ent.end_char)
            if end <= start or not any(ch.isupper() for ch in text[start:end]):
                continue
            c = Candidate(ai, pi, start, end, text[start:end])
            label = LABELS[ent.label_]
            if label is not None:
                c.votes[label] += 3.0
            if titled:
                c.votes[0] += 3.0
            para.append(c)
        definitions.extend(find_definitions(text, para))
        cands.extend(para)
    return Detection(cands, definitions)
