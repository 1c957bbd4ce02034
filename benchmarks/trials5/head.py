import sys, os
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from reader.core.matching import matcher as M
from collections import Counter
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
mode = sys.argv[1]
for merge in (0, 2, 3):
  for name, pairs in sets.items():
    if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
    t = Counter()
    for pair in pairs:
        paras, vocab, disp = M.prepare(pair.articles)
        L, R = paras
        hk = (L[0].keys | R[0].keys) if mode == "union" else (L[0].keys & R[0].keys)
        scored = M._score_candidates(L, R, M._candidates(L, R, vocab.weight), vocab)
        keep = M._select(scored, L, R, vocab.settings, vocab)
        for (i, j), (s, cue) in keep.items():
            if i == 0 or j == 0: continue
            lx = pair.lines[0].get(L[i].ref[1]); ly = pair.lines[1].get(R[j].ref[1])
            lab = "gold" if (lx, ly) in pair.strong | pair.partial else "wrong"
            sh = L[i].keys & R[j].keys
            if sh <= hk:
                t[(cue or "clear", lab)] += 1
    print(name, merge, dict(sorted(t.items())))
