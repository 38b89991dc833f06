#!/usr/bin/env bash
# Builds seer-neural with the CUDA Maven profile (-Pcuda: DJL 0.32.0, pytorch-jni 2.5.1-0.32.0 and
# pytorch-native-cu124 2.5.1, a 2.46 GB jar fetched once into ~/.m2) and runs its tests on that
# CUDA build of libtorch.
#
#   tools/cuda-check.sh [extra mvn arguments, e.g. -Dtest=SasRecTest]
#
# With an NVIDIA GPU and driver, DJL finds the CUDA native jar on the class path, extracts it into
# DJL_CACHE_DIR and makes the GPU its default device, so every model trains there. Without a GPU,
# DJL would not pick a CUDA jar; this script then extracts the jar itself and points
# PYTORCH_LIBRARY_PATH at its libraries (all but libcaffe2_nvrtc.so, the one that needs the
# driver's libcuda.so.1), so that the same CUDA build of libtorch runs the tests on its CPU
# kernels: that checks that the profile resolves, that Seer compiles against that DJL version and
# that DJL's cu124 JNI library links with those natives, but not the GPU kernels.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=2.5.1
JAR="$HOME/.m2/repository/ai/djl/pytorch/pytorch-native-cu124/$VERSION/pytorch-native-cu124-$VERSION-linux-x86_64.jar"
if [ ! -f "$JAR" ]; then
  mvn -B -q dependency:get -Dartifact="ai.djl.pytorch:pytorch-native-cu124:$VERSION:jar:linux-x86_64"
fi
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  echo "cuda-check: GPU found: $(nvidia-smi -L | head -1); DJL loads the CUDA jar itself"
else
  LIBS="${SEER_CUDA_LIBS:-/tmp/seer-pytorch-cu124-$VERSION}"
  if [ ! -f "$LIBS/native/lib/pytorch.properties" ]; then
    echo "cuda-check: extracting the CUDA build of libtorch into $LIBS (about 4 GB)"
    mkdir -p "$LIBS"
    unzip -q -o "$JAR" 'pytorch/cu124/linux-x86_64/*' 'native/lib/pytorch.properties' -d "$LIBS"
  fi
  NODRIVER="$LIBS/without-driver"
  mkdir -p "$NODRIVER"
  for f in "$LIBS"/pytorch/cu124/linux-x86_64/*; do
    [ "$(basename "$f")" = libcaffe2_nvrtc.so ] || ln -sf "$f" "$NODRIVER/"
  done
  export PYTORCH_LIBRARY_PATH="$NODRIVER" PYTORCH_VERSION=$VERSION PYTORCH_FLAVOR=cu124
  echo "cuda-check: no GPU here; running the CUDA build of libtorch on its CPU kernels"
fi
LOG="${TMPDIR:-/tmp}/seer-cuda-check.log"
mvn -B -Pcuda -pl seer-neural -am test -Dspotless.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  "$@" 2>&1 | tee "$LOG"
grep -ao "PyTorch [0-9.]*, default device [^ ]*" "$LOG" | sed "s/^/cuda-check: /" || true
