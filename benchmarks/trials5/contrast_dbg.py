import sys, os
sys.path.insert(0, os.getcwd()); sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
import eval_real_alignment as E
from reader.core.matching import matcher as M
data = E.find_data_dir("/work/shared/data"); docs = data / "ecbplus" / "docs"
pairs = E.load_pairs(data / E.DEV_GOLD, docs)
for pair in pairs:
    paras, vocab, disp = M.prepare(pair.articles)
    L, R = paras
    for i, p in enumerate(L):
        for j, q in enumerate(R):
            if M._score0(p, q, vocab) >= 0.12 and M._contrast(p, q, vocab):
                lx = pair.lines[0].get(p.ref[1]); ly = pair.lines[1].get(q.ref[1])
                lab = "strong" if (lx, ly) in pair.strong else ("partial" if (lx, ly) in pair.partial else "-")
                print(f"[{lab}] {M._score0(p,q,vocab):.2f} {pair.name} x{lx}: {p.text[:120]}\n     y{ly}: {q.text[:120]}")
