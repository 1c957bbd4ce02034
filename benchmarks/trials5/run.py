"""Experiment driver: every view's four metrics and means, samples P/R/best."""
import sys, os, json
sys.path.insert(0, os.getcwd())
sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
from pathlib import Path
import eval_real_alignment as E
import eval_alignment as S

data = E.find_data_dir("/work/shared/data")
docs = data / "ecbplus" / "docs"
dev = E.load_pairs(data / E.DEV_GOLD, docs)
extra = E.load_pairs(E.EXTRA_GOLD, docs)

def m(c):
    x = c.metrics(); return [x["precision"], x["strong_recall"], x["top1"], x["unmatched_kept"]]
def mean(v): return sum(v)/4
out = {}
for name, pairs in (("dev", dev), ("extra", extra)):
    tot, _ = E.score_set(pairs)
    a, b = E.halves(pairs)
    out[name] = m(tot)
    out[name+"A"] = m(E.score_set(a)[0]); out[name+"B"] = m(E.score_set(b)[0])
    for n in (2, 3):
        mp = [E.merge_lines(p, n) for p in pairs]
        out[f"{name}x{n}"] = m(E.score_set(mp)[0])
        ma, mb = E.halves(mp)
        out[f"{name}x{n}A"] = m(E.score_set(ma)[0]); out[f"{name}x{n}B"] = m(E.score_set(mb)[0])
r = S.evaluate_all()
o = r["overall"] if "overall" in r else r
tag = sys.argv[1] if len(sys.argv) > 1 else ""
print(f"== {tag}")
for k in ("dev","extra","devx2","extrax2","devx3","extrax3"):
    v = out[k]
    print(f"{k:8s} " + " / ".join(f"{x:.3f}" for x in v) + f"  mean {mean(v):.3f}   halves {mean(out[k+'A']):.3f} / {mean(out[k+'B']):.3f}")
print("samples", {k: (round(v,3) if isinstance(v,float) else v) for k, v in o.items() if k in ("precision","recall","best_match_accuracy")})
out["samples"] = [o["precision"], o["recall"], o["best_match_accuracy"]]
json.dump(out, open(f"/tmp/matching-exp/{tag or 'base'}.json","w"))
