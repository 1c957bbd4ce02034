import sys, os
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from reader.core.matching import matcher as M
from collections import Counter
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
for merge in (0, 2, 3):
  for name, pairs in sets.items():
    if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
    t = Counter()
    for pair in pairs:
        paras, vocab, disp = M.prepare(pair.articles)
        L, R = paras
        scored = M._score_candidates(L, R, M._candidates(L, R, vocab.weight), vocab)
        keep = M._select(scored, L, R, vocab.settings, vocab)
        for (i, j), (s, cue) in keep.items():
            lx = pair.lines[0].get(L[i].ref[1]); ly = pair.lines[1].get(R[j].ref[1])
            lab = "strong" if (lx, ly) in pair.strong else "partial" if (lx, ly) in pair.partial else "wrong"
            na = {k for k in L[i].keys if k[0].isdigit()}; nb = {k for k in R[j].keys if k[0].isdigit()}
            if na and nb and na.isdisjoint(nb):
                t[(cue or "clear", lab)] += 1
    print(name, merge, dict(sorted(t.items())))
