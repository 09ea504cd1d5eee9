#!/usr/bin/env bash
# Steady load through the full path: sipp uac at RATE calls/s for SECONDS, and every 5 s a line with sipp's running
# totals (created, successful, failed), the CDRs stored so far for these calls (REST API), the server JVM's old
# generation and eden in use and its young collections so far (jstat), and the load average. The rate search's
# 10 s trials say what the server takes in a burst; this says whether it holds that rate once the container's
# finished-transaction state (kept 32 s by the RFC 3261/6026 timers) and the old generation have filled.
#
#   bench/server.sh start full && bench/sustained.sh 100 30 && bench/sustained.sh 600 30 && bench/sustained.sh 1000 90
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RATE=${1:-1000}; SECONDS_OF_CALLS=${2:-90}
CALLS=$((RATE * SECONDS_OF_CALLS))
OUT=$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-sustained-$RATE; mkdir -p "$OUT"
provision
pid=$(cat "$BENCH_DIR/../ear/target/liberty/wlp/usr/servers/.pid/bench-full.pid")
before=$(cdr_count)

say() { echo "$*" | tee -a "$OUT/summary.txt"; }

start_uas "$CALLS" $((SECONDS_OF_CALLS + 60)) "$OUT/uas.log"
run_uac "$CALLS" "$RATE" $((SECONDS_OF_CALLS + 40)) "$OUT/uac.log" -l $((RATE * 4)) \
  -trace_stat -fd 5 -stf "$OUT/stat.csv" &
uac=$!
say "# $(date -u +%FT%TZ) sustained $RATE calls/s for ${SECONDS_OF_CALLS}s ($CALLS calls); $(nproc) cores"
elapsed=0
while kill -0 "$uac" 2>/dev/null; do
  sleep 5; elapsed=$((elapsed + 5))
  # sipp's statistics file (written every 5 s, so up to 5 s behind): column 13 calls created, 16 successful and 18
  # failed, both cumulative.
  calls=$(tail -1 "$OUT/stat.csv" 2>/dev/null | awk -F';' '{print "created " $13 ", ok " $16 ", failed " $18}')
  heap=$(jstat -gc "$pid" | tail -1 | awk '{printf "old %d MiB, eden %d MiB, young GCs %s (%.1f s)", $8/1024, $6/1024, $13, $14}')
  say "t=${elapsed}s  ${calls:-no statistics yet}; CDRs $(( $(cdr_count) - before )); $heap; load $(load | cut -d' ' -f1)"
done
wait "$uac" || true
stop_uas
read -r ok failed _ < <(sipp_totals "$OUT/uac.log")
say "total: ok $ok, failed $failed, CDRs stored $(await_cdrs "$CALLS" 30 "$before") of $CALLS"
