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
        inv_l = {pair.lines[0].get(p.ref[1]): n for n, p in enumerate(L)}
        inv_r = {pair.lines[1].get(p.ref[1]): n for n, p in enumerate(R)}
        allsc = {(i, j): M._score(L[i], R[j], vocab) for i in range(len(L)) for j in range(len(R))}
        bl = {}; br = {}
        for (i, j), s in allsc.items():
            bl[i] = max(bl.get(i, 0), s); br[j] = max(br.get(j, 0), s)
        ms = M._align_prepared(paras, vocab, disp)
        kept = {(m.left[1], m.right[1]) for m in ms}
        for lx, ly in pair.strong:
            i, j = inv_l.get(lx), inv_r.get(ly)
            if i is None or j is None: t["unmapped"] += 1; continue
            if (L[i].ref[1], R[j].ref[1]) in kept: continue
            s = allsc[(i, j)]
            rel = s / max(bl[i], br[j]) if s else 0
            band = "<0.12" if s < 0.12 else "<weak" if s < 0.2 else ">=weak"
            t[(band, "best-of-one" if s >= bl[i] or s >= br[j] else f"rel{'>=0.6' if rel >= 0.6 else '<0.6'}", "lede" if min(i, j) == 0 else "")] += 1
    print(name, merge, dict(sorted(t.items(), key=str)))
