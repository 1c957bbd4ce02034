import sys, os, re
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from reader.core.matching import matcher as M
from reader.core.matching.terms import TOKEN_RE
from collections import Counter
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
merge = int(sys.argv[1]) if len(sys.argv) > 1 else 0
show = len(sys.argv) > 2
def pred_keys(p, vocab):
    out = set()
    for t in TOKEN_RE.findall(p.text):
        if t[0].isdigit(): out.add(vocab.key_of.get(t, "")); continue
        lt = t.lower()
        if len(lt) > 4 and (lt.endswith("ed") or lt.endswith("ing")) and not t[0].isupper():
            k = vocab.key_of.get(t, ""); out.add(vocab.canon.get(k, k))
    out.discard("")
    return out
for name, pairs in sets.items():
    if merge: pairs = [E.merge_lines(p, merge) for p in pairs]
    t = Counter()
    for pair in pairs:
        paras, vocab, disp = M.prepare(pair.articles)
        L, R = paras
        scored = M._score_candidates(L, R, M._candidates(L, R, vocab.weight), vocab)
        keep = M._select(scored, L, R, vocab.settings, vocab)
        for (i, j), (s, cue) in keep.items():
            lx = pair.lines[0].get(L[i].ref[1]); ly = pair.lines[1].get(R[j].ref[1])
            lab = "gold" if (lx, ly) in pair.strong | pair.partial else "wrong"
            common = L[i].keys & R[j].keys
            pk = (pred_keys(L[i], vocab) | pred_keys(R[j], vocab)) & common
            t[(cue or "clear", "pred" if pk else "NOPRED", lab)] += 1
            if show and name == "dev" and not pk and lab == "gold" and cue:
                print(f"  {cue} {pair.name} x{lx}: {L[i].text[:100]}\n     y{ly}: {R[j].text[:100]}\n     common={sorted(common)}")
    print(name, "merge", merge)
    for k in sorted(t): print("   ", k, t[k])
