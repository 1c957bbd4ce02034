import sys, os
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from reader.core.matching import matcher as M
from collections import Counter
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
for merge in (0,2,3):
  for name, pairs in sets.items():
    if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
    t = Counter()
    for pair in pairs:
        paras, vocab, disp = M.prepare(pair.articles)
        L, R = paras
        allsc = {(i, j): M._score(L[i], R[j], vocab) for i in range(len(L)) for j in range(len(R))}
        bl = {}; br = {}
        for (i, j), s in allsc.items():
            bl[i] = max(bl.get(i, 0), s); br[j] = max(br.get(j, 0), s)
        ms = M._align_prepared(paras, vocab, disp)
        kept = {(m.left[1], m.right[1]) for m in ms}
        klines_l = {m.left[1] for m in ms}; klines_r = {m.right[1] for m in ms}
        for (i, j), s in allsc.items():
            if s <= 0 or (L[i].ref[1], R[j].ref[1]) in kept: continue
            if s >= bl[i] and s >= br[j]:
                lx = pair.lines[0].get(L[i].ref[1]); ly = pair.lines[1].get(R[j].ref[1])
                lab = "strong" if (lx, ly) in pair.strong else "partial" if (lx, ly) in pair.partial else "wrong"
                free = (L[i].ref[1] not in klines_l) and (R[j].ref[1] not in klines_r)
                band = "<0.08" if s < 0.08 else "<0.12" if s < 0.12 else "<0.2" if s < 0.2 else ">=0.2"
                t[(band, "bothfree" if free else "taken", lab)] += 1
    print(name, merge, dict(sorted(t.items(), key=str)))
