import sys, os, re
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from reader.core.matching import matcher as M
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
PAST = re.compile(rf"\b(last (week|month|year|summer|winter|spring|fall|autumn|time)|earlier this (week|month|year)|previously|years? ago|months? ago|weeks? ago|in ({MONTH})\b|in (1[89]\d\d|20\d\d)|since (1[89]\d\d|20\d\d)|a year earlier|the previous)", re.I)
ORD = re.compile(r"\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th))\b", re.I)
def feats(a, b):
    f = {}
    ya, yb = set(YEAR.findall(a)), set(YEAR.findall(b))
    f["year_disjoint"] = bool(ya and yb and not (ya & yb))
    f["year_one"] = bool(ya) != bool(yb)
    pa, pb = bool(PAST.search(a)), bool(PAST.search(b))
    f["past_one"] = pa != pb
    oa = {m.group(0).lower() for m in ORD.finditer(a)}; ob = {m.group(0).lower() for m in ORD.finditer(b)}
    f["ord_disjoint"] = bool(oa and ob and not (oa & ob))
    return f
from collections import Counter
for name, pairs in sets.items():
    tally = Counter()
    for pair in pairs:
        paras, vocab, disp = M.prepare(pair.articles)
        ms = M._align_prepared(paras, vocab, disp)
        gold = pair.strong | pair.partial
        for m in ms:
            lx = pair.lines[0].get(m.left[1]); ly = pair.lines[1].get(m.right[1])
            if lx is None or ly is None: continue
            lab = "strong" if (lx, ly) in pair.strong else ("partial" if (lx, ly) in pair.partial else "wrong")
            ta, tb = pair.texts[0][lx], pair.texts[1][ly]
            for k, v in feats(ta, tb).items():
                if v:
                    tally[(k, lab, m.cue or "clear")] += 1
                    if name == "dev" and k in ("past_one","year_disjoint","ord_disjoint"):
                        print(f"  [{k} {lab} {m.cue}] {pair.name} x{lx}: {ta[:110]}\n      y{ly}: {tb[:110]}")
    print(name)
    for k in sorted(tally): print("  ", k, tally[k])
