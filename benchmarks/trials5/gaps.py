import sys, os
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from reader.core.matching import matcher as M
from collections import Counter
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
orig = M._fill_gaps
ADDED = []
def spy(scored, keep, bl, br):
    before = set(keep); orig(scored, keep, bl, br); ADDED.extend(set(keep) - before)
M._fill_gaps = spy
show = len(sys.argv) > 2
for merge in (0, 2, 3):
  for name, pairs in sets.items():
    if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
    t = Counter()
    for pair in pairs:
        paras, vocab, disp = M.prepare(pair.articles)
        L, R = paras
        scored = M._score_candidates(L, R, M._candidates(L, R, vocab.weight), vocab)
        ADDED.clear()
        keep = M._select(scored, L, R, vocab.settings, vocab)
        for (i, j) in ADDED:
            lx = pair.lines[0].get(L[i].ref[1]); ly = pair.lines[1].get(R[j].ref[1])
            lab = "strong" if (lx, ly) in pair.strong else "partial" if (lx, ly) in pair.partial else "wrong"
            pr = M._has_pred(L[i], R[j], vocab)
            t[(lab, "pred" if pr else "NOPRED")] += 1
            if show and name == "dev" and merge == 0:
                print(f"  [{lab} {pr}] {scored[(i,j)]:.2f} {pair.name} x{lx}: {L[i].text[:100]}\n     y{ly}: {R[j].text[:100]}\n     common={sorted(L[i].keys & R[j].keys)}")
    print(name, merge, dict(t))
