"""Seeded generator of long synthetic parallel news articles with a known paragraph alignment.

The "original" article is made of news-like paragraphs drawn from a vocabulary with realistic
statistics: function words, Zipf-distributed common words, rare words (mostly unique), a
story-level cast of names (Zipf-distributed, so a few names appear everywhere) and numbers.
The "rewrite" is what a second outlet would publish: sentences paraphrased (synonym swaps, word
drops, clause moves), numbers re-written ("50,000" <-> "50000", "3" <-> "three"), some names
spelled differently ("Zelensky" -> "Zelenskyy"), paragraphs dropped, moved, split in two, merged
with the next one, and new paragraphs inserted.  Some paragraphs are copied almost verbatim
(shared wire copy).

Usage::

    python benchmarks/generate.py --paragraphs 5000 --seed 1 --out /tmp/pair
    # -> /tmp/pair/left.txt, /tmp/pair/right.txt, /tmp/pair/truth.json

``truth.json``: ``{"articles": ["left.txt", "right.txt"], "pairs": [[0, i, 1, j], ...],
"near_verbatim": [[0, i, 1, j], ...]}`` where ``[0, i, 1, j]`` means paragraph ``i`` of
article 0 matches paragraph ``j`` of article 1 (0-based; the title line is the headline,
paragraph 0, and the two headlines are a true pair).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FUNCTION_WORDS = (
    "the the the the of of of to to and and a a in in that is was for on with as by at from "
    "it said has have had its their were are be been after over about more than which who "
    "this also but they will would not or while he she his her into against during"
).split()
_SYLLABLES = (
    "ka ro mi ten sal vor lin dra mas pel tor quin ber sta gol fen rid mon hal cre tis nor pav "
    "lek sim dor var bel cos ran tel mur fin gar hol sed wil"
).split()
_VOWELS = "aeiou"


def _pseudo_word(rng: random.Random, n_syll: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n_syll))


@dataclass
class Vocabulary:
    """Word pools shared by the original and the rewrite."""

    common: list[str]
    common_weights: list[float]
    """Cumulative Zipf weights (for ``random.choices(cum_weights=...)``)."""
    synonyms: dict[str, str]
    rare: list[str]
    names: list[str]
    name_weights: list[float]
    variants: dict[str, str] = field(default_factory=dict)


def make_vocabulary(rng: random.Random, n_paragraphs: int) -> Vocabulary:
    """Pools sized to the article: a rare pool large enough that rare words stay rare."""
    seen: set[str] = set(FUNCTION_WORDS)

    def fresh(n_syll: int) -> str:
        while True:
            w = _pseudo_word(rng, n_syll)
            if w not in seen:
                seen.add(w)
                return w

    common = [fresh(3) for _ in range(3000)]
    common_weights = list(itertools.accumulate(1.0 / (r + 1) ** 1.05 for r in range(len(common))))
    syn_pool = [fresh(3) for _ in range(1500)]
    synonyms = {w: syn_pool[i % len(syn_pool)] for i, w in enumerate(common[:1500])}
    rare = [fresh(rng.choice((4, 5))) for _ in range(max(20_000, n_paragraphs * 25))]
    names = [fresh(3).capitalize() for _ in range(max(300, n_paragraphs // 4))]
    name_weights = list(itertools.accumulate(1.0 / (r + 1) ** 0.9 for r in range(len(names))))
    vocab = Vocabulary(common, common_weights, synonyms, rare, names, name_weights)
    for name in rng.sample(names, len(names) // 10):
        vocab.variants[name] = _misspell(rng, name)
    return vocab


def _misspell(rng: random.Random, name: str) -> str:
    """A plausible transliteration variant: a doubled, dropped or changed vowel/last letter."""
    choice = rng.randrange(3)
    if choice == 0:
        return name + name[-1]
    positions = [i for i, c in enumerate(name) if c in _VOWELS and i > 0]
    if not positions:
        return name + "h"
    i = rng.choice(positions)
    if choice == 1:
        return name[:i] + name[i] + name[i:]
    other = rng.choice([v for v in _VOWELS if v != name[i]])
    return name[:i] + other + name[i + 1 :]


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return str(rng.randint(2, 20))
    if kind < 0.6:
        return str(rng.randint(21, 999))
    if kind < 0.85:
        return f"{rng.randint(1, 999) * 1000:,}"
    return str(rng.randint(1990, 2030))


def make_sentence(rng: random.Random, vocab: Vocabulary) -> list[str]:
    """One sentence as a list of words; the first word is capitalised, a full stop ends it."""
    n = rng.randint(10, 26)
    words: list[str] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.50:
            words.append(rng.choice(FUNCTION_WORDS))
        elif r < 0.80:
            words.append(rng.choices(vocab.common, cum_weights=vocab.common_weights)[0])
        elif r < 0.89:
            words.append(rng.choice(vocab.rare))
        elif r < 0.96:
            words.append(rng.choices(vocab.names, cum_weights=vocab.name_weights)[0])
        else:
            words.append(_number(rng))
    return words


def make_paragraph(rng: random.Random, vocab: Vocabulary) -> list[list[str]]:
    return [make_sentence(rng, vocab) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))]


_DIGIT_WORDS = {
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
    "10": "ten",
    "12": "twelve",
    "20": "twenty",
}


def paraphrase(
    rng: random.Random, sentence: list[str], vocab: Vocabulary, strength: float
) -> list[str]:
    """Reword a sentence: synonyms, drops, a clause moved, numbers and names re-written."""
    out: list[str] = []
    for w in sentence:
        r = rng.random()
        if w in vocab.variants:
            out.append(vocab.variants[w])
        elif w in _DIGIT_WORDS and r < 0.5:
            out.append(_DIGIT_WORDS[w])
        elif "," in w and r < 0.5:
            out.append(w.replace(",", ""))
        elif r < 0.12 * strength and w[0].islower():
            continue
        elif r < 0.35 * strength and w in vocab.synonyms:
            out.append(vocab.synonyms[w])
        else:
            out.append(w)
    if len(out) > 6 and rng.random() < 0.5 * strength:
        cut = rng.randint(2, len(out) - 2)
        out = out[cut:] + out[:cut]
    return out or sentence


def render(sentences: list[list[str]]) -> str:
    parts = []
    for s in sentences:
        text = " ".join(s)
        parts.append(text[0].upper() + text[1:] + ".")
    return " ".join(parts)


def generate(
    n_paragraphs: int, seed: int
) -> tuple[list[str], list[str], list[tuple[int, int]], list[tuple[int, int]]]:
    """Return (left paragraphs, right paragraphs, true pairs (i, j), near-verbatim pairs)."""
    rng = random.Random(seed)
    vocab = make_vocabulary(rng, n_paragraphs)
    original = [make_paragraph(rng, vocab) for _ in range(n_paragraphs)]
    right, pairs, verbatim_pairs = rewrite(rng, original, vocab)
    return [render(p) for p in original], right, pairs, verbatim_pairs


def generate_story(
    n_articles: int, n_paragraphs: int, seed: int
) -> tuple[list[list[str]], list[list[tuple[int, int]]]]:
    """One original and ``n_articles - 1`` independent rewrites of it (each its own seeded stream).

    Returns the articles' paragraphs (the original first) and, for each rewrite ``k >= 1``, the
    true pairs ``(i, j)``: paragraph ``i`` of the original matches paragraph ``j`` of rewrite ``k``
    (index 0 of the second list is empty).
    """
    rng = random.Random(seed)
    vocab = make_vocabulary(rng, n_paragraphs)
    original = [make_paragraph(rng, vocab) for _ in range(n_paragraphs)]
    articles = [[render(p) for p in original]]
    truths: list[list[tuple[int, int]]] = [[]]
    for k in range(1, n_articles):
        right, pairs, _verbatim = rewrite(random.Random(seed * 100_003 + k), original, vocab)
        articles.append(right)
        truths.append(pairs)
    return articles, truths


def rewrite(
    rng: random.Random, original: list[list[list[str]]], vocab: Vocabulary
) -> tuple[list[str], list[tuple[int, int]], list[tuple[int, int]]]:
    """What a second outlet publishes from ``original``: (paragraphs, true pairs, verbatim pairs)."""
    n_paragraphs = len(original)
    # Each right-side unit: (sentences, set of source left indices, verbatim?)
    units: list[tuple[list[list[str]], set[int], bool]] = []
    i = 0
    while i < n_paragraphs:
        para = original[i]
        op = rng.random()
        verbatim = rng.random() < 0.15
        strength = 0.0 if verbatim else rng.uniform(0.5, 1.5)
        rewritten = [paraphrase(rng, s, vocab, strength) if not verbatim else list(s) for s in para]
        if op < 0.07:
            pass  # dropped
        elif op < 0.14 and len(para) >= 2:
            cut = rng.randint(1, len(para) - 1)
            units.append((rewritten[:cut], {i}, False))
            units.append((rewritten[cut:], {i}, False))
        elif op < 0.21 and i + 1 < n_paragraphs:
            nxt = [paraphrase(rng, s, vocab, strength) for s in original[i + 1]]
            units.append((rewritten + nxt, {i, i + 1}, False))
            i += 1
        else:
            units.append((rewritten, {i}, verbatim))
        if rng.random() < 0.07:
            units.append((make_paragraph(rng, vocab), set(), False))
        i += 1
    # Move some paragraphs far away (reordering; matches cross).
    for _ in range(len(units) // 20):
        a = rng.randrange(len(units))
        b = rng.randrange(len(units))
        units.insert(b, units.pop(a))
    right = [render(u[0]) for u in units]
    pairs = sorted((src, j) for j, u in enumerate(units) for src in u[1])
    verbatim_pairs = sorted((next(iter(u[1])), j) for j, u in enumerate(units) if u[2])
    return right, pairs, verbatim_pairs


def article_text(title: str, paragraphs: list[str]) -> str:
    """File text: a short title line, then blank-line separated paragraphs."""
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_story(
    folder: Path,
    n_articles: int,
    n_paragraphs: int,
    seed: int,
    title: Callable[[int], str],
    name: Callable[[int], str] = "{:03d}.txt".format,
) -> list[Path]:
    """Write a :func:`generate_story` story as text files, one per article (``title(k)`` heads
    article ``k``, ``name(k)`` is its file name); return their paths in order."""
    articles, _truths = generate_story(n_articles, n_paragraphs, seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, paragraphs in enumerate(articles):
        path = folder / name(k)
        path.write_text(article_text(title(k), paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def write(out: Path, n_paragraphs: int, seed: int) -> None:
    left, right, pairs, verbatim = generate(n_paragraphs, seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "left.txt").write_text(
        article_text("Synthetic story as first reported", left), encoding="utf-8"
    )
    (out / "right.txt").write_text(
        article_text("Synthetic story as retold elsewhere", right), encoding="utf-8"
    )
    # The title line is each file's headline, paragraph 0; the two headlines of one story match.
    truth = {
        "articles": ["left.txt", "right.txt"],
        "pairs": [[0, 0, 1, 0]] + [[0, i + 1, 1, j + 1] for i, j in pairs],
        "near_verbatim": [[0, i + 1, 1, j + 1] for i, j in verbatim],
    }
    (out / "truth.json").write_text(json.dumps(truth), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--paragraphs", type=int, default=1000, help="paragraphs in the original article"
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    write(args.out, args.paragraphs, args.seed)


if __name__ == "__main__":
    main()
