#!/usr/bin/env bash
# Runs the seer-spark benchmarks on this machine (local mode).
#   tools/spark-bench.sh als-vs-spark   -> docs/benchmarks/als-vs-spark.json
#   tools/spark-bench.sh scale [SIZES]  -> docs/benchmarks/spark-scale.json and .svg
#   tools/spark-bench.sh profile [N]    -> docs/benchmarks/spark-read-prepare-profile.json (after scale N)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl seer-spark -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/seer-spark/target/test-classpath.txt" -Dmdep.includeScope=test \
  -Dspotless.skip=true
# Run from a copy of the classes, so that a build during the run does not change them.
STAGE=$(mktemp -d /tmp/seer-spark-bench.XXXXXX)
for m in seer-spark seer-api seer-data seer-eval seer-algorithms; do
  cp -r "$m/target/classes" "$STAGE/$m"
done
cp -r seer-spark/target/test-classes "$STAGE/seer-spark-test"
CP="$STAGE/seer-spark:$STAGE/seer-spark-test:$STAGE/seer-api:$STAGE/seer-data:$STAGE/seer-eval:$STAGE/seer-algorithms:$(cat seer-spark/target/test-classpath.txt)"
OPENS=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' seer-spark/pom.xml)
export SPARK_USER="${SPARK_USER:-seer}" SPARK_LOCAL_IP=127.0.0.1
case "${1:-}" in
  als-vs-spark)
    java -Xmx6g $OPENS -cp "$CP" dev.seer.spark.bench.AlsVsSparkBenchmark \
      docs/benchmarks/als-vs-spark.json ../shared/data/movielens-1m/derived/user_movie_pairs.tsv.gz local[2]
    ;;
  scale)
    shift
    SIZES="${*:-1000000 5000000 20000000}"
    mkdir -p /tmp/seer-spark-scale
    java -Xmx6g $OPENS -cp "$CP" dev.seer.spark.bench.ScaleBenchmark \
      docs/benchmarks/spark-scale.json docs/benchmarks/spark-scale.svg /tmp/seer-spark-scale $SIZES
    ;;
  profile)
    # read and prepare step by step on the 5M synthetic file of the scale benchmark
    N="${2:-5000000}"
    java -Xmx6g $OPENS -cp "$CP" dev.seer.spark.bench.ReadPrepareProfile \
      docs/benchmarks/spark-read-prepare-profile.json /tmp/seer-spark-scale/synth-$N.tsv /tmp/seer-spark-scale 3
    ;;
  plot)
    java -cp "$CP" dev.seer.spark.bench.PlotScale docs/benchmarks/spark-scale.json docs/benchmarks/spark-scale.svg
    ;;
  *)
    echo "usage: tools/spark-bench.sh als-vs-spark | scale [SIZES...] | profile [N] | plot" >&2
    exit 2
    ;;
esac
