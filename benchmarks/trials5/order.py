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
for merge in (0,2,3):
  for name, pairs in sets.items():
    if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
    t = Counter()
    for pair in pairs:
        paras, vocab, disp = M.prepare(pair.articles)
        L, R = paras
        scored = M._score_candidates(L, R, M._candidates(L, R, vocab.weight), vocab)
        ADDED.clear()
        keep = M._select(scored, L, R, vocab.settings, vocab)
        anchors = [(i, j) for (i, j), (s, c) in keep.items() if c in (None, "best") and i > 0 and j > 0]
        conc = disc = 0
        for a in range(len(anchors)):
            for b in range(a + 1, len(anchors)):
                (i1, j1), (i2, j2) = anchors[a], anchors[b]
                d = (i1 - i2) * (j1 - j2)
                if d > 0: conc += 1
                elif d < 0: disc += 1
        tau = (conc - disc) / (conc + disc) if conc + disc else 0
        bucket = "tau<0.3" if tau < 0.3 else "tau<0.6" if tau < 0.6 else "tau>=0.6"
        for (i, j), (s, c) in keep.items():
            if c != "diagonal": continue
            lx = pair.lines[0].get(L[i].ref[1]); ly = pair.lines[1].get(R[j].ref[1])
            lab = "gold" if (lx, ly) in pair.strong | pair.partial else "wrong"
            t[(bucket, "gap" if (i, j) in ADDED else "run", lab)] += 1
    print(name, merge, dict(sorted(t.items(), key=str)))
