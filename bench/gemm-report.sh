#!/usr/bin/env bash
# GEMM benchmark report: runs GemmBench (JMH) for 1 and 2 threads and prints GFLOP/s per
# shape x impl x threads, with the ratios drex/jblas and drex 2-thread/1-thread.
#
# usage: bench/gemm-report.sh [extra JMH args...]
#   REPEATS=3 bench/gemm-report.sh           # run everything 3 times, report medians
#   JMH_OPTS="-f 1 -wi 3 -i 5" (default)     # JMH fork/warmup/measurement settings
#   bench/gemm-report.sh -p shape=128x768x768  # any JMH option, e.g. one shape only
#   bench/gemm-report.sh --summarize DIR       # only print the table of the *.json already in DIR
#
# jblas (OpenBLAS) reads OPENBLAS_NUM_THREADS once at load, so each threads value runs in its own
# JMH invocation with that variable set (the forked JVMs inherit it). The JMH lock is ignored:
# on a machine shared with other benchmarks it would only make this one wait or fail. jblas 1.2.5's OpenBLAS is
# older than Zen 4: left alone it picks its generic SSE3 (Prescott) kernels (~40 GFLOP/s here), so
# we force its AVX2 kernels with OPENBLAS_CORETYPE=Haswell (override: OPENBLAS_CORETYPE=... ).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
source "$ROOT/.ci/jdk.sh"
drex_find_jdk
if [ "${1:-}" = "--summarize" ]; then
  OUT="$2"
else
JAR="$HERE/target/benchmarks.jar"
if [ ! -f "$JAR" ]; then
  echo "building $JAR ..." >&2
  (cd "$ROOT" && mvn -q -DskipTests package)
fi
REPEATS="${REPEATS:-1}"
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"
JMH_OPTS="${JMH_OPTS:--f 1 -wi 3 -i 5}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/gemm-report.XXXXXX")"
for rep in $(seq 1 "$REPEATS"); do
  for t in 1 2; do
    echo "== repeat $rep/$REPEATS, threads=$t" >&2
    # shellcheck disable=SC2086
    OPENBLAS_NUM_THREADS=$t java -Djmh.ignoreLock=true -jar "$JAR" GemmBench $JMH_OPTS -p threads=$t "$@" \
      -rf json -rff "$OUT/gemm-r$rep-t$t.json" >"$OUT/gemm-r$rep-t$t.log" 2>&1 \
      || { echo "JMH failed, log: $OUT/gemm-r$rep-t$t.log" >&2; tail -30 "$OUT/gemm-r$rep-t$t.log" >&2; exit 1; }
  done
done
echo "raw results: $OUT (OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE)" >&2
fi
python3 - "$OUT" <<'PY'
import glob, json, os, statistics, sys
from collections import defaultdict
runs = defaultdict(list)  # (shape, impl, threads) -> [GFLOP/s per repeat]
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    for r in json.load(open(path)):
        p = r["params"]
        m, k, n = (int(x) for x in p["shape"].split("x"))
        ms = r["primaryMetric"]["score"]
        assert r["primaryMetric"]["scoreUnit"] == "ms/op", r["primaryMetric"]["scoreUnit"]
        runs[(p["shape"], p["impl"], int(p["threads"]))].append(2.0 * m * n * k / (ms * 1e-3) / 1e9)
g = {key: statistics.median(v) for key, v in runs.items()}
shapes = sorted({s for s, _, _ in g}, key=lambda s: [int(x) for x in s.split("x")])
impls = [i for i in ("drex", "jblas", "ejml") if any(i == j for _, j, _ in g)]
def cell(key):
    return f"{g[key]:7.1f}" if key in g else "      -"
def ratio(x, y):
    return f"{g[x] / g[y]:5.2f}" if x in g and y in g else "    -"
reps = max(len(v) for v in runs.values())
print(f"GFLOP/s (2*M*N*K / time), median of {reps} run(s); shape is MxKxN")
head = "| shape (MxKxN) | " + " | ".join(f"{i} t={t}" for i in impls for t in (1, 2)) \
    + " | drex/jblas t=1 | drex/jblas t=2 | drex t2/t1 |"
print(head)
print("|" + "---|" * (head.count("|") - 1))
for s in shapes:
    cells = [cell((s, i, t)) for i in impls for t in (1, 2)]
    print(f"| {s} | " + " | ".join(cells) + f" | {ratio((s,'drex',1),(s,'jblas',1))} | "
          f"{ratio((s,'drex',2),(s,'jblas',2))} | {ratio((s,'drex',2),(s,'drex',1))} |")
PY
