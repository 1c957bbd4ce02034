import sys, os
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from reader.core.matching import matcher as M
from collections import Counter
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
merge = int(sys.argv[1]) if len(sys.argv) > 1 else 0
for name, pairs in sets.items():
    if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
    t = Counter()
    for pair in pairs:
        paras, vocab, disp = M.prepare(pair.articles)
        L, R = paras
        scored = M._score_candidates(L, R, M._candidates(L, R, vocab.weight), vocab)
        keep = M._select(scored, L, R, vocab.settings, vocab)
        bl, br = {}, {}
        for (i, j), s in scored.items():
            bl[i] = max(bl.get(i, 0), s); br[j] = max(br.get(j, 0), s)
        deg_l = Counter(i for i, j in keep); deg_r = Counter(j for i, j in keep)
        for (i, j), (s, cue) in keep.items():
            lx = pair.lines[0].get(L[i].ref[1]); ly = pair.lines[1].get(R[j].ref[1])
            lab = "gold" if (lx, ly) in pair.strong | pair.partial else "wrong"
            mutual = s >= bl[i] and s >= br[j]
            ratio = s / max(bl[i], br[j])
            other_taken = (deg_l[i] > 1) or (deg_r[j] > 1)

            isb = (s >= bl[i]) + (s >= br[j])
            t[(cue or "clear", f"best-of-{isb}", f"deg{min(deg_l[i],deg_r[j])}", lab)] += 1
            if False:
                # the other side: the paragraph for which this is not best: does its best clear?
                side_best = bl[i] if s < bl[i] else br[j]
                t[(cue, "nonbest side best>=clear" if side_best >= vocab.settings.clear else "nonbest side best<clear", lab)] += 1
    print(name, "merge", merge)
    for k in sorted(t): print("   ", k, t[k])
