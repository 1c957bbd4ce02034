import sys, os
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from collections import Counter
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
for merge in (0,2,3):
  for name, pairs in sets.items():
    if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
    t = Counter()
    for pair in pairs:
        r = E.score_pair(pair)
        gold = pair.strong | pair.partial
        for side in (0, 1):
            wanted = {l[side] for l in pair.strong}
            for line in wanted:
                mine = [(m.score, l) for l, m in r.links.items() if l[side] == line]
                if not mine: t["none"] += 1; continue
                best = max(mine, key=lambda x: (x[0], -x[1][1-side]))
                if best[1] in gold: t["ok"] += 1
                elif any(l in gold for s, l in mine): t["outranked"] += 1
                else: t["only-wrong"] += 1
    print(name, merge, dict(t))
