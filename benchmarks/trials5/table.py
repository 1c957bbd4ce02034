import json, sys
rows = [l.split("|") for l in """base|main (d86180a)
years-factor|(1a) contrast: years on both sides, none shared -> score x0.75
years-zero|(1a) same -> score 0
contrast-factor|(1b) years or ordinals as one class, disjoint -> x0.75
contrast-zero|(1b) same -> 0
yo-factor|(1c) years / ordinals as two classes, either disjoint -> x0.75
yo-zero|(1c) same -> 0
ordboost|(1d) ordinal words weighed like numbers (x1.25)
syn-phone|(2a) phone / telephone / telephoned / phoned
syn-temblor|(2b) temblor joins quake / earthquake / tremor
syn-destroy|(2c) destroyed / razed / leveled / flattened / demolished
syn-charge|(2d) charge / charged / indicted / indictment
syn-custody|(2e) custody joins arrested / detained
rank-rel|(3) partners ranked by score x score / max(best of each side)
pred-dvs|(4a) diagonal runs need a shared number, event word or -ed/-ing word
pred-gvs|(4b) gap fills need the same
pred-dgvs|(4c) both
pred-dgns|(4d) diagonal runs and gap fills need a shared non-name key
pred-dgnsl|(4e) (4d) and the lede cue too""".split("\n")]
samples_fix = {"syn-phone": [0.949,0.816,0.94], "syn-temblor": [0.949,0.816,0.94], "syn-destroy": [0.949,0.816,0.94], "syn-charge": [0.949,0.816,0.94], "syn-custody": [0.949,0.816,0.94], "contrast-factor": [0.949,0.816,0.94], "contrast-zero": [0.948,0.807,0.933]}
def mean(v): return sum(v)/4
print("| variant | dev P / R / top-1 / unm. | dev | extra P / R / top-1 / unm. | extra | dev halves A / B | extra halves A / B | dev x2 | extra x2 | dev x3 | extra x3 | samples P / R / best |")
print("|---|---|---:|---|---:|---|---|---:|---:|---:|---:|---|")
for tag, label in rows:
    d = json.load(open(f"/tmp/matching-exp/{tag}.json"))
    s = d.get("samples") or samples_fix[tag]
    f = lambda v: " / ".join(f"{x:.3f}" for x in v)
    print(f"| {label} | {f(d['dev'])} | {mean(d['dev']):.3f} | {f(d['extra'])} | {mean(d['extra']):.3f} | {mean(d['devA']):.3f} / {mean(d['devB']):.3f} | {mean(d['extraA']):.3f} / {mean(d['extraB']):.3f} | {mean(d['devx2']):.3f} | {mean(d['extrax2']):.3f} | {mean(d['devx3']):.3f} | {mean(d['extrax3']):.3f} | {s[0]:.3f} / {s[1]:.3f} / {s[2]:.3f} |")
