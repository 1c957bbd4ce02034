"""Cache per-article-pair keep/scored states for every gold pair with K=10 context (order: x, y, others)."""

import pickle
import sys
import time
from pathlib import Path

_R = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(_R))
sys.path.insert(0, str(_R / "benchmarks"))
import eval_real_alignment as E

from reader.core.matching import matcher as M


def pair_state(arts2, key_of, full=False):
    paras, vocab, display = M.prepare(arts2, M.Settings(), key_of)
    units = M.sentence_units(paras, vocab)
    left, right = paras
    sl = None
    if units is not None:
        by_article, uvocab = units
        sl = M._sentence_links(by_article[0], by_article[1], uvocab)
    if not left or not right:
        return {}, {}, {}
    scored = M._score_candidates(left, right, M._candidates(left, right, vocab.weight), vocab)
    keep = M._select(scored, left, right, vocab.settings, vocab)
    if sl:
        M._unite(keep, sl)

    def L(i):
        return left[i].index

    def R(j):
        return right[j].index

    keep2 = {(L(i), R(j)): v for (i, j), v in keep.items()}
    scored2 = {(L(i), R(j)): v for (i, j), v in scored.items()}
    allsc = {}
    if full:
        for i, p in enumerate(left):
            for j, q in enumerate(right):
                s = M._score(p, q, vocab)
                if s > 0:
                    allsc[(L(i), R(j))] = s
    return keep2, scored2, allsc


def main():
    data = E.find_data_dir(None)
    docs = data / "ecbplus" / "docs"
    sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
    out = {}
    t0 = time.time()
    for name, pairs in sets.items():
        for pi, pair in enumerate(pairs):
            others = E.context_articles(pair, docs, 10, 1)
            arts = [*pair.articles, *others]
            key_of = {}
            st = {}
            for a in range(len(arts)):
                for b in range(a + 1, len(arts)):
                    st[(a, b)] = pair_state([arts[a], arts[b]], key_of, full=(a, b) == (0, 1))
            out[(name, pi)] = (len(arts), st)
            print(name, pi, len(arts), round(time.time() - t0, 1), flush=True)
    pickle.dump(out, open("/tmp/trials6-cache.pkl", "wb"))


if __name__ == "__main__":
    main()
