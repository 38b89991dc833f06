#!/usr/bin/env bash
# Runs dev.seer.neural.NeuralBenchmark from the reactor's own classes (never stale jars in ~/.m2).
#   seer-neural/benchmark.sh OUT.json DATA FORMAT NOTE spec...
# Environment: BENCH_JAVA_OPTS (default -Xmx4g). The PyTorch native library is extracted from the
# pytorch-native-cpu jar into seer-neural/target/djl-cache; nothing is downloaded.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# One invocation, so that the reactor resolves the seer modules to their target/classes folders
# (nothing is installed in ~/.m2).
mvn -B -q -o -Dspotless.skip=true -pl seer-neural -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$ROOT/seer-neural/target/test-classpath.txt" >/dev/null
# Run from a snapshot of the compiled classes, so that rebuilding during a long run is harmless.
SNAP="$(mktemp -d "$ROOT/seer-neural/target/bench-XXXXXX")"
CP=""
for entry in $(tr ':' '\n' < seer-neural/target/test-classpath.txt); do
  case "$entry" in
    "$ROOT"/*/target/classes)
      module="$(basename "$(dirname "$(dirname "$entry")")")"
      cp -r "$entry" "$SNAP/$module"
      entry="$SNAP/$module" ;;
    */dev/seer/*)
      module="$(basename "$(dirname "$(dirname "$entry")")")"
      cp -r "$ROOT/$module/target/classes" "$SNAP/$module"
      entry="$SNAP/$module" ;;
  esac
  CP="$CP:$entry"
done
cp -r "$ROOT/seer-neural/target/classes" "$SNAP/seer-neural"
cp -r "$ROOT/seer-neural/target/test-classes" "$SNAP/seer-neural-test"
CP="${CP#:}:$SNAP/seer-neural:$SNAP/seer-neural-test"
export DJL_CACHE_DIR="$ROOT/seer-neural/target/djl-cache" ENGINE_CACHE_DIR="$ROOT/seer-neural/target/djl-cache"
exec java ${BENCH_JAVA_OPTS:--Xmx4g} -Dai.djl.offline=true -cp "$CP" dev.seer.neural.NeuralBenchmark "$@"
