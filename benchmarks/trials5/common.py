import sys, os
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from reader.core.matching import matcher as M
from collections import Counter
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
fr = float(sys.argv[1])
show = len(sys.argv) > 2
for merge in (0, 2, 3):
  for name, pairs in sets.items():
    if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
    t = Counter()
    for pair in pairs:
        paras, vocab, disp = M.prepare(pair.articles)
        L, R = paras
        dfl = Counter(k for p in L for k in p.keys); dfr = Counter(k for p in R for k in p.keys)
        common_story = {k for k in dfl if dfl[k] >= fr * len(L) and dfr.get(k, 0) >= fr * len(R) and dfl[k] >= 2 and dfr[k] >= 2}
        scored = M._score_candidates(L, R, M._candidates(L, R, vocab.weight), vocab)
        keep = M._select(scored, L, R, vocab.settings, vocab)
        for (i, j), (s, cue) in keep.items():
            lx = pair.lines[0].get(L[i].ref[1]); ly = pair.lines[1].get(R[j].ref[1])
            lab = "gold" if (lx, ly) in pair.strong | pair.partial else "wrong"
            sh = L[i].keys & R[j].keys
            rest = sh - common_story
            t[(cue or "clear", "allcommon" if not rest else "has-distinct", lab)] += 1
            if show and merge == 0 and name == "dev" and not rest:
                print(f"  [{lab} {cue}] {pair.name} x{lx} y{ly} shared={sorted(sh)}")
    print(name, merge, " ".join(f"{k[0]}/{k[1]}/{k[2]}={v}" for k, v in sorted(t.items()) if k[1] == "allcommon"))
