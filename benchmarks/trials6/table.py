import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
import variants as V

orig_edges = V.edges


def edges_mode(mode):
    def e(st, n, tier):
        if tier is not V.CLEAR:
            return orig_edges(st, n, tier)
        adj = {}
        for (a, b), (keep, scored, _allsc) in st.items():
            if a >= n or b >= n:
                continue
            if mode == "clear|mb":
                bl, br = {}, {}
                for (i, j), s in scored.items():
                    bl[i] = max(bl.get(i, 0), s)
                    br[j] = max(br.get(j, 0), s)
            for (i, j), (s, cue) in keep.items():
                ok = cue is None
                if mode == "clear|lede":
                    ok = ok or cue == "lede"
                if mode == "clear|best":
                    ok = ok or cue == "best"
                if mode == "clear|weak":
                    ok = ok or s >= 0.2
                if mode == "clear|mb":
                    ok = ok or (s >= 0.2 and s >= bl.get(i, 0) and s >= br.get(j, 0))
                if ok:
                    adj.setdefault((a, i), {}).setdefault(b, set()).add(j)
                    adj.setdefault((b, j), {}).setdefault(a, set()).add(i)
        return adj

    return e


# floors: patch run's 'weak' source threshold
def evaluate_floor(floor, **kw):
    old = V.run

    def run2(n, st, add=None, **k):
        if add == "floor":
            keep, scored, allsc = st[(0, 1)]
            st2 = dict(st)
            st2[(0, 1)] = (keep, {kk: v for kk, v in scored.items() if v >= floor}, allsc)
            return old(n, st2, add="scored", **k)
        return old(n, st, add=add, **k)

    V.run = run2
    try:
        return V.evaluate(add="floor", **kw)
    finally:
        V.run = old


def row(name, res):
    cells = []
    for s in ("dev", "extra"):
        for K in (3, 6, 10):
            tot = res[(s, K)]

            def mean(c):
                return sum(c.metrics().values()) / 4

            cells.append(f"{mean(tot[0]):.3f} ({mean(tot[1]):.3f} / {mean(tot[2]):.3f})")
    print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


print("| variant | dev K=3 (A / B) | dev K=6 | dev K=10 | extra K=3 | extra K=6 | extra K=10 |")
print("|---|---|---|---|---|---|---|")
V.edges = orig_edges
row("none (main)", V.evaluate())
for mode in ["clear", "clear|lede", "clear|mb", "clear|best", "clear|weak"]:
    V.edges = edges_mode(mode)
    for fl, lab in [
        (0.2, "weak"),
        (0.12, "weak x POSITIONAL_FLOOR"),
        (0.16, "weak x0.8"),
        (0.24, "weak x1.2"),
    ]:
        if mode != "clear|lede" and fl in (0.16, 0.24):
            continue
        row(f"add, paths {mode}, floor {lab}", evaluate_floor(fl))
    if mode == "clear|lede":
        row(f"add, paths {mode}, any shared weight", V.evaluate(add="any"))
        row(f"add, paths {mode}, floor weak, 2+ paths", evaluate_floor(0.2, minpaths=2))
    row(f"doubt, paths {mode}", V.evaluate(doubt="same"))
V.edges = orig_edges
row("doubt, any kept link counts as a path", V.evaluate(doubt="same", pathtier=V.ANY))
