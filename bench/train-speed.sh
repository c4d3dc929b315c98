#!/usr/bin/env bash
# DReX training throughput on Musical Instruments with cached all-MiniLM-L6-v2 vectors (spec sizes: d 64,
# batch 128, window 20): runs `./drex train ... --profile` for each thread count, REPEATS times, and prints
# per epoch the interactions/s (wall) and where the time went, wall and CPU, per phase (plan, reviews =
# review attention, ratings_fusion, folds = GRU folds, head = initial vectors + MLP head, backward,
# optimizer, validation). CPU time is the whole JVM's (all threads), so a busy machine inflates the wall
# figures but hardly the CPU ones.
#
#   bench/train-speed.sh                         # threads 1 and 2, 3 epochs, 1 repeat
#   THREADS="2" EPOCHS=5 REPEATS=3 bench/train-speed.sh
#   CACHE=path/to.cmap bench/train-speed.sh      # another MiniLM cache of these reviews
#
# Needs the embedding cache (./drex demo fills cache/demo-minilm.cmap, or ./drex embed-reviews).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${DATA:-$ROOT/../shared/data/amazon2014_musical_instruments_5core/Musical_instruments_reviews.csv.zip}"
CACHE="${CACHE:-$ROOT/cache/demo-minilm.cmap}"
THREADS="${THREADS:-1 2}"
EPOCHS="${EPOCHS:-3}"
REPEATS="${REPEATS:-1}"
[ -f "$DATA" ] || { echo "error: data file $DATA not found (set DATA=...)" >&2; exit 1; }
[ -e "$CACHE" ] || { echo "error: embedding cache $CACHE not found: run ./drex demo, or ./drex embed-reviews --data $DATA --model all-minilm-l6-v2 --cache $CACHE (or set CACHE=...)" >&2; exit 1; }
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

for t in $THREADS; do
  for r in $(seq 1 "$REPEATS"); do
    log="$OUT/t$t-r$r.log"
    "$ROOT/drex" train --data "$DATA" --encoder all-minilm-l6-v2 --vectors "cache:$CACHE" --epochs "$EPOCHS" \
        --profile --threads "$t" --out "$OUT/run-t$t-r$r" "$@" > "$log"
    echo "== threads $t, repeat $r  ($(uptime | sed 's/.*load average/load average/'))"
    grep -E "review vectors in memory" "$log" || true
    awk '
      / train interactions/ { for (i = 1; i <= NF; i++) if ($i == "train" && $(i+1) == "interactions,") n = $(i-1); next }
      /^epoch / { ep = $2; loss = $4; rmse = $7; for (i = 1; i <= NF; i++) if ($i == "interactions/s" || $i == "interactions/s*") ips = $(i-1); next }
      /profile:/ {
        line = ""; cpu = 0; wall = 0
        for (i = 1; i <= NF; i++) if ($(i+1) ~ /^[0-9.]+$/ && $(i+2) == "s" && $(i+3) == "cpu") {
          name = $i; w = $(i+1); c = $(i+4)
          if (name != "validation") { cpu += c; wall += w }
          line = line sprintf("  %s %.2f/%.2f", name, w, c)
        }
        gsub(",", "", ips)
        printf "epoch %s  loss %s  val RMSE %s  %s interactions/s  train wall %.2f s, cpu %.2f s (%.0f interactions per cpu-second)\n", ep, loss, rmse, ips, wall, cpu, (cpu > 0 ? n / cpu : 0)
        printf "   wall/cpu s:%s\n", line
      }' "$log"
  done
done
