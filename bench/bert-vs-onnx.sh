#!/usr/bin/env bash
# BERT-base forward, drex (pure Java) vs ONNX Runtime (Java API, native), side by side on the same
# architecture: sequence length 128, all tokens real, batch 1 and 8, each engine in its own JVM.
# Prints tokens/s (median wall time), the ratio drex/ORT, process CPU seconds per forward and
# the resident memory (RSS now / peak) of each run.
#
# usage: bench/bert-vs-onnx.sh            THREADS="2" BATCHES="1 8" REPS=7 ROUNDS=1 by default
#   THREADS="1 2" bench/bert-vs-onnx.sh   also single-threaded
#   ROUNDS=3 REPS=15 bench/bert-vs-onnx.sh   every setting three times, interleaved, then the median ratio
#                                            (single runs swing by +-5% on this machine)
#
# Our side reads $DREX_HOME/models/bert-base-uncased (fetched with the bench jar's ModelFetcher if
# absent: ./drex fetch-model bert-base-uncased). The ONNX side is exported from the same weights
# by bench/scripts/export_bert_onnx.py with Debian's PyTorch (python3-torch 1.13, installed with
# apt-get if missing) into bench/target/bert-base.onnx; the script first checks that both engines
# agree on a padded batch.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
source "$ROOT/.ci/jdk.sh"
drex_find_jdk
THREADS="${THREADS:-2}"
BATCHES="${BATCHES:-1 8}"
REPS="${REPS:-7}"
ROUNDS="${ROUNDS:-1}"
for v in REPS ROUNDS; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "error: $v must be a positive integer, got '${!v}'" >&2; exit 2; }
done
for v in $THREADS $BATCHES; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "error: THREADS and BATCHES must list positive integers, got '$v'" >&2; exit 2; }
done
SEQ=128
JAR="$HERE/target/benchmarks.jar"
MODEL="${DREX_HOME:-$ROOT}/models/bert-base-uncased"
ONNX="$HERE/target/bert-base.onnx"
PY=/usr/bin/python3
# the packed-weights sidecar (BertWeightStorage.PACKED_FILE) goes to bench/target, not into the model directory
JAVA=(java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx3g "-Ddrex.bert.packedDir=$HERE/target/packed"
  ${DREX_BERT_OPTS:-} -cp "$JAR" dev.drex.bench.BertVsOnnx)

if [ ! -f "$JAR" ]; then
  echo "building $JAR ..." >&2
  (cd "$ROOT" && mvn -q -DskipTests -pl bench -am package)
fi
if [ ! -f "$MODEL/model.safetensors" ]; then
  echo "fetching bert-base-uncased into $(dirname "$MODEL") ..." >&2
  "${JAVA[@]}" fetch "$(dirname "$MODEL")"
fi
if ! "$PY" -c "import torch, onnx" 2>/dev/null; then
  echo "PyTorch/onnx for Python missing; apt-cache policy python3-torch:" >&2
  apt-cache policy python3-torch >&2
  apt-get install -y python3-torch python3-onnx >&2
fi
if [ ! -f "$ONNX" ] || [ "$MODEL/model.safetensors" -nt "$ONNX" ]; then
  echo "exporting $ONNX with PyTorch ..." >&2
  "$PY" "$HERE/scripts/export_bert_onnx.py" "$ONNX.partial" "$MODEL" 2> >(grep -v -i warn >&2)
  mv "$ONNX.partial" "$ONNX"
fi
"${JAVA[@]}" check "$MODEL" "$ONNX" 2>/dev/null

LOG="$(mktemp "${TMPDIR:-/tmp}/bert-vs-onnx.XXXXXX")"
MEM=()
printf "%-7s %-5s %-9s %-12s %-12s %-7s %-10s %-10s %-16s %-16s\n" threads batch tokens drex_tok/s ort_tok/s ratio drex_cpu_s ort_cpu_s drex_rss/peak_MB ort_rss/peak_MB
RATIOS=()
for round in $(seq 1 "$ROUNDS"); do
for t in $THREADS; do
  for b in $BATCHES; do
    d=$("${JAVA[@]}" drex "$MODEL" "$t" "$b" "$SEQ" "$REPS" 2>"$LOG.drex")
    o=$("${JAVA[@]}" onnx "$ONNX" "$t" "$b" "$SEQ" "$REPS" 2>"$LOG.onnx")
    MEM+=("threads $t batch $b: drex $(grep '^memory' "$LOG.drex" | cut -c9-)"$'\n'"threads $t batch $b: ORT  $(grep '^memory' "$LOG.onnx" | cut -c9-)")
    read -r _ _ _ _ _ dtok drss dpeak dcpu <<<"$d"
    read -r _ _ _ _ _ otok orss opeak ocpu <<<"$o"
    ratio=$(awk -v a="$dtok" -v b="$otok" 'BEGIN { printf "%.2f", a / b }')
    printf "%-7s %-5s %-9s %-12s %-12s %-7s %-10s %-10s %-16s %-16s\n" "$t" "$b" "$((b * SEQ))" "$dtok" "$otok" "${ratio}x" \
      "$dcpu" "$ocpu" "$drss/$dpeak" "$orss/$opeak"
    RATIOS+=("$t $b $ratio")
  done
done
done
printf "%s\n" "${MEM[@]}"
if [ "$ROUNDS" -gt 1 ]; then
  echo "drex / ORT over $ROUNDS rounds (each round runs both engines once per setting, one after the other):"
  for key in $(printf "%s\n" "${RATIOS[@]}" | awk '{ print $1 "_" $2 }' | sort -u -t_ -k1,1n -k2,2n); do
    t=${key%_*}; b=${key#*_}
    sorted=$(printf "%s\n" "${RATIOS[@]}" | awk -v t="$t" -v b="$b" '$1 == t && $2 == b { print $3 }' | sort -n)
    echo "$sorted" | awk -v t="$t" -v b="$b" '{ a[NR] = $1 } END {
      med = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
      printf "  threads %s batch %s: median %.2fx (min %.2fx, max %.2fx)\n", t, b, med, a[1], a[NR] }'
  done
fi
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (shared machines make wall times noisy)"
