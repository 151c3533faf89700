#!/usr/bin/env python3
"""Score a Tansiq detect output against an independent world's truth.

Usage: score.py WORLD_DIR DETECT_DIR [--csv-header]
Flagged = listed in DETECT_DIR/accounts.csv with a non-empty cluster_id.
Positives: army_scheduler, army_human, sockpuppet, relay, hashtag_gamer, producer.
Publishers (declared coordination) are reported separately and count neither as TP nor FP.
Also reports a variant (F1_coact) where producers are neutral (they push nothing themselves).
"""
import csv
import os
import sys

POS = ["army_scheduler", "army_human", "sockpuppet", "relay", "hashtag_gamer", "producer"]
NEG = ["organic", "fan", "friend", "news_reader"]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if tp + fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if (tp + fn) and (p + r) else (float("nan") if tp + fn == 0 else 0.0)
    return p, r, f


def score(world, det):
    truth = {}
    with open(os.path.join(world, "truth.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            truth[row["account_id"]] = (row["role"], row["group"])
    flagged = {}
    with open(os.path.join(det, "accounts.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["cluster_id"].strip():
                flagged[row["account_id"]] = row["cluster_id"]
    by_role = {}
    for a, (role, g) in truth.items():
        d = by_role.setdefault(role, [0, 0])
        d[0] += 1
        d[1] += a in flagged
    unknown = [a for a in flagged if a not in truth]
    n_pos = sum(by_role.get(r, [0, 0])[0] for r in POS)
    tp = sum(by_role.get(r, [0, 0])[1] for r in POS)
    fp = sum(by_role.get(r, [0, 0])[1] for r in NEG) + len(unknown)
    fn = n_pos - tp
    P, R, F = prf(tp, fp, fn)
    # producers neutral
    pr_n, pr_f = by_role.get("producer", [0, 0])
    P2, R2, F2 = prf(tp - pr_f, fp, fn - (pr_n - pr_f))
    nonpos = sum(by_role.get(r, [0, 0])[0] for r in NEG)
    nonpos_f = sum(by_role.get(r, [0, 0])[1] for r in NEG)
    # which true groups were touched
    groups = {}
    for a, (role, g) in truth.items():
        if role in POS and g:
            x = groups.setdefault(g, [set(), 0, 0])
            x[0].add(role)
            x[1] += 1
            x[2] += a in flagged
    clusters = {}
    for a, c in flagged.items():
        role = truth.get(a, ("?", ""))[0]
        clusters.setdefault(c, {}).setdefault(role, 0)
        clusters[c][role] += 1
    res = dict(accounts=len(truth), positives=n_pos, flagged=len(flagged), tp=tp, fp=fp, fn=fn,
               P=P, R=R, F1=F, P_coact=P2, R_coact=R2, F1_coact=F2, nonpos=nonpos, nonpos_flagged=nonpos_f,
               nonpos_share=nonpos_f / nonpos if nonpos else 0.0, by_role=by_role, groups=groups,
               clusters=clusters, unknown=len(unknown))
    return res


def share(by_role, r):
    n, f = by_role.get(r, [0, 0])
    return (f / n if n else float("nan")), f, n


def main():
    world, det = sys.argv[1], sys.argv[2]
    s = score(world, det)
    br = s["by_role"]
    name = os.path.basename(os.path.normpath(world))
    print("world %s: %d accounts, %d positives, %d flagged" % (name, s["accounts"], s["positives"], s["flagged"]))
    if s["positives"]:
        print("precision %.3f  recall %.3f  F1 %.3f   (TP %d, FP %d, FN %d)" % (s["P"], s["R"], s["F1"], s["tp"], s["fp"], s["fn"]))
        print("producers neutral: precision %.3f  recall %.3f  F1 %.3f" % (s["P_coact"], s["R_coact"], s["F1_coact"]))
    else:
        print("no coordinated positives in this world; FP %d" % s["fp"])
    print("recall per role:")
    for r in POS:
        if r in br:
            print("  %-15s %5d / %5d  %.3f" % (r, br[r][1], br[r][0], br[r][1] / br[r][0]))
    print("flagged share of hard negatives:")
    for r in NEG:
        v, f, n = share(br, r)
        if n:
            print("  %-15s %5d / %5d  %.4f" % (r, f, n, v))
    print("  %-15s %5d / %5d  %.4f" % ("all non-positive", s["nonpos_flagged"], s["nonpos"], s["nonpos_share"]))
    pub = br.get("publisher", [0, 0])
    print("publishers (declared coordination, not scored): %d / %d flagged" % (pub[1], pub[0]))
    if s["unknown"]:
        print("flagged accounts not in truth (counted FP): %d" % s["unknown"])
    print("true groups (role, members, flagged):")
    for g, (role, n, f) in sorted(s["groups"].items()):
        print("  %-10s %-28s %4d %4d" % (g, "+".join(sorted(role)), n, f))
    print("clusters (roles of members):")
    for c, roles in s["clusters"].items():
        print("  %s: %s" % (c, ", ".join("%s=%d" % kv for kv in sorted(roles.items()))))
    hdr = ("world,accounts,positives,flagged,tp,fp,fn,precision,recall,f1,f1_coact,organic_share,fan_share,"
           "friend_share,news_reader_share,nonpos_share,publishers_flagged")
    vals = [name, s["accounts"], s["positives"], s["flagged"], s["tp"], s["fp"], s["fn"],
            "%.4f" % s["P"], "%.4f" % s["R"], "%.4f" % s["F1"], "%.4f" % s["F1_coact"]]
    for r in NEG:
        vals.append("%.4f" % share(br, r)[0])
    vals += ["%.5f" % s["nonpos_share"], pub[1]]
    print("CSV," + hdr)
    print("CSV," + ",".join(str(v) for v in vals))


if __name__ == "__main__":
    main()
