#!/usr/bin/env python3
"""Recompute the ranking metrics of a `seer evaluate --export` run from its TSV files alone.

Usage: tools/check_report.py OUT_DIR [--tolerance 1e-9]

Reads OUT_DIR/split/{train,test,items}.tsv and OUT_DIR/topn-ALGO.tsv, recomputes Precision,
Recall, CappedRecall, NDCG, MAP, MRR, HitRate, Novelty and Coverage at every cutoff found in
OUT_DIR/report.json, and compares them with the reported values. Python standard library only;
shares no code with Seer. Exits 1 when a value differs by more than the tolerance.
Validation and fold-in parts are honoured as exclusions like the evaluator does.
"""
import json
import math
import os
import sys
from collections import defaultdict


def pairs(path):
    out = defaultdict(set)
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
        assert header == "user\titem\trating\ttimestamp", header
        for line in f:
            u, i = line.rstrip("\n").split("\t")[:2]
            out[u].add(i)
    return out


def top_lists(path):
    lists = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        first = f.readline()
        assert first.startswith("# seer top-N"), first
        assert f.readline().rstrip("\n") == "user\titem\trank\tscore"
        for line in f:
            u, i, rank, _ = line.rstrip("\n").split("\t")
            assert int(rank) == len(lists[u]) + 1
            lists[u].append(i)
    return lists


def main():
    out = sys.argv[1]
    tol = float(sys.argv[sys.argv.index("--tolerance") + 1]) if "--tolerance" in sys.argv else 1e-9
    report = json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
    if report.get("sampled"):
        print("note: this run is SAMPLED; only coverage and lists are checked against exclusions")
    split = os.path.join(out, "split")
    train = pairs(os.path.join(split, "train.tsv"))
    known = defaultdict(set)
    for part in ("train", "validation", "foldin"):
        for u, items in pairs(os.path.join(split, part + ".tsv")).items():
            known[u] |= items
    test = pairs(os.path.join(split, "test.tsv"))
    with open(os.path.join(split, "items.tsv"), encoding="utf-8") as f:
        catalogue = sum(1 for _ in f) - 1
    pop = defaultdict(int)
    for items in train.values():
        for i in items:
            pop[i] += 1
    train_users = len(train)
    cutoffs = sorted({int(m.split("@")[1]) for m in report["algorithms"][0]["metrics"] if m.startswith("NDCG@")})
    worst = 0.0
    failures = 0
    for algo in report["algorithms"]:
        name = algo["name"]
        lists = top_lists(os.path.join(out, "topn-%s.tsv" % name))
        sums = defaultdict(float)
        users = 0
        for u, items in test.items():
            rel = items - known[u]
            if not rel:
                continue
            users += 1
            lst = lists.get(u, [])
            for k in cutoffs:
                n = min(k, len(lst))
                hits, dcg, ap, rr, info = 0, 0.0, 0.0, 0.0, 0.0
                for r in range(1, n + 1):
                    item = lst[r - 1]
                    info += math.log2(train_users / max(1, pop[item]))
                    if item in rel:
                        hits += 1
                        dcg += 1 / math.log2(r + 1)
                        ap += hits / r
                        rr = rr or 1 / r
                idcg = sum(1 / math.log2(r + 1) for r in range(1, min(k, len(rel)) + 1))
                cap = min(k, len(rel))
                sums["Precision@%d" % k] += hits / k
                sums["Recall@%d" % k] += hits / len(rel)
                sums["CappedRecall@%d" % k] += hits / cap
                sums["NDCG@%d" % k] += dcg / idcg
                sums["MAP@%d" % k] += ap / cap
                sums["MRR@%d" % k] += rr
                sums["HitRate@%d" % k] += 1.0 if hits else 0.0
                sums["Novelty@%d" % k] += info / n if n else 0.0
        values = {m: s / users for m, s in sums.items()}
        for k in cutoffs:
            covered = set()
            for lst in lists.values():
                covered.update(lst[:k])
            values["Coverage@%d" % k] = len(covered) / catalogue
        if users != algo["users"]:
            print("%s: %d users here, %d reported" % (name, users, algo["users"]))
            failures += 1
        for m, v in sorted(values.items()):
            diff = abs(v - algo["metrics"][m])
            worst = max(worst, diff)
            if diff > tol:
                failures += 1
                print("%s %s: recomputed %.12f, reported %.12f" % (name, m, v, algo["metrics"][m]))
        print("%-14s %d users, %d metrics checked" % (name, users, len(values)))
    print("largest difference: %.3g (tolerance %g)" % (worst, tol))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
