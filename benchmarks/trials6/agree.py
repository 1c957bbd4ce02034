import pickle
import sys

_R = __import__("pathlib").Path(__file__).resolve().parents[2]
sys.path.insert(0, str(_R))
sys.path.insert(0, str(_R / "benchmarks"))
import eval_real_alignment as E

sys.path.insert(0, str(_R / "benchmarks" / "trials6"))
from harness import pair_state  # noqa  (harness.main runs on import; guard below)

data = E.find_data_dir(None)
docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
mode = sys.argv[1]  # seeded | byname
try:
    cache = pickle.load(open(f"/tmp/trials6-cache-{mode}.pkl", "rb"))
except FileNotFoundError:
    cache = {}
    for name, pairs in sets.items():
        for pi, pair in enumerate(pairs):
            if mode == "seeded":
                others = E.context_articles(pair, docs, 10, 1)
            else:
                folder = docs / pair.cluster
                names = sorted(f.stem for f in folder.glob("*.txt") if f.stem not in pair.docs)[:8]
                others = [
                    E.build_article(
                        E._read_lines(folder / f"{n}.txt"),
                        f"{n}.txt",
                        skip_first=n.endswith("ecbplus"),
                    )[0]
                    for n in names
                ]
            arts = [*pair.articles, *others]
            key_of = {}
            st = {
                (a, b): pair_state([arts[a], arts[b]], key_of)
                for a in range(len(arts))
                for b in range(a + 1, len(arts))
            }
            cache[(name, pi)] = (len(arts), st)
    pickle.dump(cache, open(f"/tmp/trials6-cache-{mode}.pkl", "wb"))


def firm(st, n):
    adj = {}
    for (a, b), (keep, _scored, _) in st.items():
        if a >= n or b >= n:
            continue
        for (i, j), (_s, cue) in keep.items():
            if cue in (None, "lede"):
                adj.setdefault((a, i), {}).setdefault(b, set()).add(j)
                adj.setdefault((b, j), {}).setdefault(a, set()).add(i)
    return adj


def links(n, st, rule):
    keep, scored, _ = st[(0, 1)]
    out = {k: v[0] for k, v in keep.items()}
    if n <= 2 or rule == "none":
        return out
    adj = firm(st, n)
    for (x, y), s in scored.items():
        if s < 0.2 or (x, y) in keep:
            continue
        nx, ny = adj.get((0, x), {}), adj.get((1, y), {})
        sup = sum(1 for z in nx if z in ny and nx[z] & ny[z])
        con = sum(1 for z in nx if z >= 2 and z in ny and not (nx[z] & ny[z]))
        if rule == "any" and sup >= 1:
            out[(x, y)] = s
        if rule == "majority" and sup > con:
            out[(x, y)] = s
        if rule == "noconflict" and sup >= 1 and con == 0:
            out[(x, y)] = s
    return out


Ks = (3, 6, 10) if mode == "seeded" else (3, 5, 8)
for rule in ("none", "any", "majority", "noconflict"):
    cells = []
    for name, pairs in sets.items():
        for K in Ks:
            tot = [E.Counts(), E.Counts(), E.Counts()]
            added = wrong = 0
            for pi, pair in enumerate(pairs):
                n_all, st = cache[(name, pi)]
                n = min(n_all, 2 + K)
                base = links(n, st, "none")
                got = links(n, st, rule)
                lines = {}
                for (x, y), s in got.items():
                    lx, ly = pair.lines[0].get(x), pair.lines[1].get(y)
                    if lx is not None and ly is not None:
                        lines[(lx, ly)] = s
                        if (x, y) not in base:
                            added += 1
                            wrong += (lx, ly) not in (pair.strong | pair.partial)
                c = E.count_links(pair, lines)
                tot[0] = tot[0] + c
                tot[1 + pi % 2] = tot[1 + pi % 2] + c

            def m(c):
                return sum(c.metrics().values()) / 4

            cells.append(
                f"{name} K{K} {m(tot[0]):.3f} ({m(tot[1]):.3f}/{m(tot[2]):.3f}) +{added}/{wrong}w"
            )
    print(rule, " | ".join(cells), flush=True)
