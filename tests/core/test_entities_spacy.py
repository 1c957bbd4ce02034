"""spaCy backend with a real (blank + entity_ruler) pipeline; skipped when spaCy is absent."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from reader.core.entities import find_entities
from reader.core.entities.spacy_backend import load_pipeline
from tests.core.test_entities import article, by_variant, check_offsets


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Donald Trump"},
            {"label": "PERSON", "pattern": "Trump"},
            {"label": "PERSON", "pattern": "President Recep Tayyip Erdoğan"},
            {"label": "PERSON", "pattern": "Erdogan"},
            {"label": "GPE", "pattern": "Turkey"},
            {"label": "GPE", "pattern": "Türkiye"},
            {"label": "ORG", "pattern": "the Islamic State"},
            {"label": "ORG", "pattern": "ISIS"},
            {"label": "NORP", "pattern": "Turkish"},
            {"label": "DATE", "pattern": "Monday"},
        ]
    )
    return pipeline


def test_spacy_spans_go_through_the_same_linking(nlp):
    arts = [
        article("President Recep Tayyip Erdoğan met Donald Trump on Monday in Turkey's capital."),
        article(
            "Trump said Erdogan and Türkiye oppose the Islamic State (ISIS). Turkish troops moved."
        ),
    ]
    ents = find_entities(arts, backend="spacy", nlp=nlp)
    check_offsets(arts, ents)
    erdogan = by_variant(ents, "Erdogan")
    assert erdogan.name == "Recep Tayyip Erdoğan" and erdogan.type == "person"  # title trimmed
    trump = by_variant(ents, "Trump")
    assert trump.name == "Donald Trump" and trump.articles == [0, 1]
    turkey = by_variant(ents, "Turkey")
    assert set(turkey.variants) == {"Turkey", "Türkiye"} and turkey.type == "place"
    assert set(by_variant(ents, "ISIS").variants) == {"Islamic State", "ISIS"}
    # NORP demonyms and dates are not entities
    assert not any(v in ("Turkish", "Monday") for e in ents for v in e.variants)


def test_missing_model_gives_one_line_error():
    with pytest.raises(RuntimeError, match="not installed") as info:
        load_pipeline("xx_no_such_model_sm")
    assert "\n" not in str(info.value)
