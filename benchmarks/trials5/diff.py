import sys, os, json
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
which = sys.argv[1]; merge = int(sys.argv[2]); out = sys.argv[3]
pairs = E.load_pairs(data / E.DEV_GOLD, docs) if which == "dev" else E.load_pairs(E.EXTRA_GOLD, docs)
if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
res = {}
for p in pairs:
    r = E.score_pair(p)
    gold = p.strong | p.partial
    for link, m in r.links.items():
        res[f"{p.name} {link}"] = ("strong" if link in p.strong else "partial" if link in p.partial else "WRONG", m.cue, round(m.score, 2))
json.dump(res, open(out, "w"))
