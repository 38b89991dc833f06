#!/usr/bin/env bash
# Hyperparameter search for als, ease and rp3beta on ML-1M, on a validation split made from the
# training part only (the test part of the benchmark split is never read).
#
# 1. The benchmark split (per-user random 80/20, seed 42) is made again, and 20% of each user's
#    training rows (seed 42) are moved to a validation part: 640,070 train / 160,094 validation rows.
# 2. A tuning split folder is written whose "test" file is that validation part.
# 3. Every configuration below is trained on the reduced training part and evaluated on the
#    validation part by full ranking; one line per configuration goes to ml1m-implicit-tuning.tsv
#    (NDCG@10, Recall@10, NDCG@20, Recall@20, training seconds). The configuration with the best
#    validation NDCG@10 becomes the algorithm's default.
#
# Usage (from the repository root): docs/benchmarks/tune-ml1m-implicit.sh [WORKDIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:-/tmp/seer-tune-ml1m}"
DATA="$ROOT/../shared/data/movielens-1m/derived/user_movie_pairs.tsv.gz"
OUT_TSV="$ROOT/docs/benchmarks/ml1m-implicit-tuning.tsv"
mkdir -p "$WORK"
"$ROOT/seer" data split --data "$DATA" --split random --test-ratio 0.2 --seed 42 \
  --validation 0.2 --out "$WORK/split" >/dev/null
T="$WORK/tune"
mkdir -p "$T"
cp "$WORK/split/"{train.tsv,items.tsv,users.tsv,foldin.tsv} "$T/"
cp "$WORK/split/validation.tsv" "$T/test.tsv"
cp "$WORK/split/foldin.tsv" "$T/validation.tsv"  # header only: no validation rows
vrows=$(grep '^validation.rows=' "$WORK/split/split.properties" | cut -d= -f2)
sed -e "s/^name=.*/name=tuning: train minus 0.2 of each user's train rows (seed 42), evaluated on those rows/" \
    -e "s/^test.rows=.*/test.rows=$vrows/" -e "s/^validation.rows=.*/validation.rows=0/" \
    "$WORK/split/split.properties" > "$T/split.properties"

printf 'algorithm\tparameters\tNDCG@10\tRecall@10\tNDCG@20\tRecall@20\ttrainSeconds\n' > "$OUT_TSV"
run() {
  local algo=$1 params=() tag="" kv out
  for kv in $2; do params+=(--param "$algo.$kv"); tag="$tag,$kv"; done
  out="$WORK/out/$algo${tag//[,=]/_}"
  mkdir -p "$WORK/out"
  "$ROOT/seer" evaluate --split-dir "$T" -a "$algo" ${params[@]+"${params[@]}"} --cutoffs 10,20 \
    --out "$out" >"$out.log" 2>&1
  python3 - "$out/report.json" "$algo" "${tag#,}" >>"$OUT_TSV" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["algorithms"][0]
m = r["metrics"]
print("\t".join([sys.argv[2], sys.argv[3]] + ["%.4f" % m[k] for k in
      ("NDCG@10", "Recall@10", "NDCG@20", "Recall@20")] + [str(r["trainSeconds"])]))
PY
  tail -1 "$OUT_TSV"
}

run popularity ""
run item-knn "neighbours=100"
for l in 100 200 300 500 800 1000 1200 1500 2000 3000; do run ease "regularization=$l"; done
for a in 0.6 0.8 1.0; do for b in 0.2 0.35 0.5; do
  run rp3beta "alpha=$a beta=$b neighbours=100"; done; done
for k in 50 200 300 500; do run rp3beta "alpha=0.8 beta=0.5 neighbours=$k"; done
for a in 0.65 0.8; do for b in 0.4 0.6; do run rp3beta "alpha=$a beta=$b neighbours=200"; done; done
for l in 10 50 150 400; do for a in 1 3 10; do run als "regularization=$l alpha=$a"; done; done
for c in "30 3" "50 5" "80 6" "50 2" "120 8" "100 5" "80 8"; do
  set -- $c
  run als "regularization=$1 alpha=$2"
done
