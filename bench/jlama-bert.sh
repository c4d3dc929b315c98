#!/usr/bin/env bash
# BERT-base forward with Jlama 0.8.4 (pure Java, Vector API; the pure-Java peer asked for in issue 3):
# batch 1, sequence length 128, all tokens real, float32 weights and activations, 3 warm-up forwards.
# Prints tokens/s (median wall time) and process CPU seconds per forward, in the column layout of
# bert-vs-onnx.sh's per-engine lines: engine threads batch seq seconds tokens/s rss_mb peak_rss_mb cpu_s.
#
# usage: bench/jlama-bert.sh            THREADS=2 REPS=7 by default
#
# CAVEAT: Jlama 0.8.4 does not compute BERT correctly on these weights (causal attention, and a layer-0
# mismatch even on one token); see JlamaBert's Javadoc and `JlamaBert check`. Its tokens/s is the speed of
# a forward of the same shape and matmul work, not of a verified BERT.
#
# Reads $DREX_HOME/models/bert-base-uncased (see bert-vs-onnx.sh for how to fetch it); JlamaBert stages a
# temporary directory with the tokenizer.json and activation name Jlama's loader expects.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
source "$ROOT/.ci/jdk.sh"
drex_find_jdk
THREADS="${THREADS:-2}"
REPS="${REPS:-7}"
SEQ=128
JAR="$HERE/target/benchmarks.jar"
MODEL="${DREX_HOME:-$ROOT}/models/bert-base-uncased"

if [ ! -f "$JAR" ] || ! unzip -l "$JAR" dev/drex/bench/JlamaBert.class >/dev/null 2>&1; then
  echo "building $JAR ..." >&2
  (cd "$ROOT" && mvn -q -DskipTests -pl bench -am package)
fi
if [ ! -f "$MODEL/model.safetensors" ]; then
  echo "no $MODEL/model.safetensors; fetch it with: bench/bert-vs-onnx.sh (or ./drex fetch-model bert-base-uncased)" >&2
  exit 1
fi
printf "%-7s %-7s %-5s %-5s %-9s %-9s %-7s %-8s %-8s\n" engine threads batch seq median_s tok/s rss_MB peak_MB cpu_s
java --add-modules jdk.incubator.vector --enable-preview --enable-native-access=ALL-UNNAMED -Xmx3g \
  -cp "$JAR" dev.drex.bench.JlamaBert "$MODEL" "$THREADS" "$SEQ" "$REPS" 2> >(grep -v -E 'SLF4J|WARNING' >&2) |
  awk '{ printf "%-7s %-7s %-5s %-5s %-9s %-9s %-7s %-8s %-8s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (shared machines make wall times noisy)"
