import pickle
import sys
from pathlib import Path

_R = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(_R))
sys.path.insert(0, str(_R / "benchmarks"))
import eval_real_alignment as E

data = E.find_data_dir(None)
docs = data / "ecbplus" / "docs"
sets = {"dev": E.load_pairs(data / E.DEV_GOLD, docs), "extra": E.load_pairs(E.EXTRA_GOLD, docs)}
cache = pickle.load(open("/tmp/trials6-cache.pkl", "rb"))


def edges(st, n, tier):
    """adjacency: (art, para) -> {art: set(para)} for links of tier among articles < n"""
    adj = {}
    for (a, b), (keep, _scored, _allsc) in st.items():
        if a >= n or b >= n:
            continue
        for (i, j), (s, cue) in keep.items():
            if tier(s, cue):
                adj.setdefault((a, i), {}).setdefault(b, set()).add(j)
                adj.setdefault((b, j), {}).setdefault(a, set()).add(i)
    return adj


def CLEAR(s, cue):
    return cue is None


def ANY(s, cue):
    return True


def run(n, st, add=None, doubt=None, strong=CLEAR, pathtier=None, minpaths=1):
    keep, scored, allsc = st[(0, 1)]
    links = {k: v[0] for k, v in keep.items()}
    if n <= 2:
        return links
    adj = edges(st, n, strong)

    def support(x, y, adjx=adj):
        nx, ny = adjx.get((0, x), {}), adjx.get((1, y), {})
        c = 0
        for z in nx:
            if z in ny and nx[z] & ny[z]:
                c += 1
        return c

    out = dict(links)
    if add:
        src = {
            "any": allsc,
            "scored": scored,
            "weak": {k: v for k, v in scored.items() if v >= 0.2},
            "zero": None,
        }[add]
        if src is None:
            # pure transitivity: every x,y pair with support
            cands = set()
            for (a, x), nb in adj.items():
                if a != 0:
                    continue
                for z, zs in nb.items():
                    if z < 2:
                        continue
                    for zc in zs:
                        for y in adj.get((z, zc), {}).get(1, ()):
                            cands.add((x, y))
            src = {c: allsc.get(c, 0.0) for c in cands}
        for (x, y), s in src.items():
            if (x, y) not in out and support(x, y) >= minpaths:
                out[(x, y)] = s
    if doubt:
        padj = adj if pathtier is None else edges(st, n, pathtier)
        for (x, y), (_s, cue) in keep.items():
            if cue is None:
                continue
            if support(x, y, padj):
                continue
            nx, ny = adj.get((0, x), {}), adj.get((1, y), {})
            conflict = any(
                z in ny and nx[z] and ny[z] and not (nx[z] & ny[z]) for z in nx if z >= 2
            )
            if doubt == "any":
                conflict = (
                    bool([z for z in nx if z >= 2]) and bool([z for z in ny if z >= 2]) and conflict
                )
            if conflict:
                out.pop((x, y), None)
    return out


def evaluate(**kw):
    res = {}
    for name, pairs in sets.items():
        for K in (0, 3, 6, 10):
            tot = [E.Counts(), E.Counts(), E.Counts()]
            for pi, pair in enumerate(pairs):
                n_all, st = cache[(name, pi)]
                n = min(n_all, 2 + K)
                links = run(n, st, **kw)
                lines = {}
                for (x, y), s in links.items():
                    lx, ly = pair.lines[0].get(x), pair.lines[1].get(y)
                    if lx is not None and ly is not None:
                        lines[(lx, ly)] = max(s, lines.get((lx, ly), 0))
                c = E.count_links(pair, lines)
                tot[0] = tot[0] + c
                tot[1 + pi % 2] = tot[1 + pi % 2] + c
            res[(name, K)] = tot
    return res


def fmt(res):
    rows = []
    for (name, K), tot in res.items():
        m = tot[0].metrics()

        def mean(c):
            return sum(c.metrics().values()) / 4

        rows.append(
            f"{name:5} K={K:2} P {m['precision']:.3f} R {m['strong_recall']:.3f} T {m['top1']:.3f} U {m['unmatched_kept']:.3f} | mean {mean(tot[0]):.3f} A {mean(tot[1]):.3f} B {mean(tot[2]):.3f}  pred {tot[0].predicted}"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    V = {
        "base": {},
        "add-scored": dict(add="scored"),
        "add-weak": dict(add="weak"),
        "add-any": dict(add="any"),
        "add-zero": dict(add="zero"),
        "add-any-2paths": dict(add="any", minpaths=2),
        "doubt": dict(doubt="same"),
        "doubt-pathany": dict(doubt="same", pathtier=ANY),
        "add-scored+doubt": dict(add="scored", doubt="same"),
        "add-any+doubt": dict(add="any", doubt="same"),
    }
    sel = sys.argv[1:] or list(V)
    for k in sel:
        print("==", k)
        print(fmt(evaluate(**V[k])), flush=True)
