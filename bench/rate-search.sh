#!/usr/bin/env bash
# The highest call rate with ZERO failures (RFC 7502's session establishment rate), found by binary search between
# LOW and HIGH calls/s with fixed-length trials: sipp uac (carrier) -> server -> sipp uas (PBX), all on loopback.
# A trial passes when every call of it succeeded at sipp (INVITE/180/200/ACK/BYE/200 on both legs, no timeout),
# sipp created them at the target rate (at least 95 %, otherwise the generator, not the server, set the pace) and,
# for the full server, the REST API reports one CDR stored per call.
#
#   bench/server.sh start full && bench/rate-search.sh full 400 3200 && bench/server.sh stop full
#   bench/server.sh start bare && bench/rate-search.sh bare 400 3200 && bench/server.sh stop bare
#
# Settings (environment): TRIAL_SECONDS [10], RESOLUTION [50 calls/s], 15 s at WARMUP_RATE/4 then WARMUP_SECONDS [30] at
# WARMUP_RATE [400];
# ports as in bench/lib.sh. Bounded: at most 2 + log2((HIGH-LOW)/RESOLUTION) + 1 trials, each with a timeout.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
TARGET=${1:?say full or bare}; LOW=${2:-400}; HIGH=${3:-3200}
TRIAL_SECONDS=${TRIAL_SECONDS:-10}; RESOLUTION=${RESOLUTION:-50}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}; WARMUP_RATE=${WARMUP_RATE:-400}
OUT=$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-rate-$TARGET; mkdir -p "$OUT"
RESULTS=$OUT/trials.txt

[ "$TARGET" = full ] && provision

# One trial at $1 calls/s for TRIAL_SECONDS (or $2 seconds); prints its line, returns 0 when it passed.
trial() {
  local rate=$1 seconds=${2:-$TRIAL_SECONDS} label=${3:-r$1}
  local calls=$((rate * seconds)) before=0 cdrs=- rc ok failed elapsed achieved retrans verdict=PASS
  local started; started=$(date -u +%H:%M:%S)
  [ "$TARGET" = full ] && before=$(cdr_count)
  local cpu_before; cpu_before=$(server_cpu_ms "$TARGET")
  start_uas "$calls" $((seconds + 60)) "$OUT/$label-uas.log"
  set +e
  run_uac "$calls" "$rate" $((seconds + 40)) "$OUT/$label-uac.log" -l $((rate * 4))
  rc=$?
  set -e
  stop_uas
  local cpu_per_call; cpu_per_call=$(awk -v a="$cpu_before" -v b="$(server_cpu_ms "$TARGET")" -v c="$calls" \
    'BEGIN { printf "%.3f", (b - a) / c }')
  read -r ok failed elapsed < <(sipp_totals "$OUT/$label-uac.log")
  # Total-time on sipp's scenario screen: creation of all calls plus the last calls' few milliseconds.
  elapsed=$(grep -A1 'Total-time' "$OUT/$label-uac.log" | tail -1 | awk '{print $4}')
  achieved=$(awk -v c="$calls" -v t="$elapsed" 'BEGIN { printf "%.0f", (t > 0 ? c / t : 0) }')
  retrans=$(sed 's/E-RTD[0-9]//' "$OUT/$label-uac.log" | awk '/---------->|<----------/ && $4 ~ /^[0-9]+$/ { r += $4 } END { print r + 0 }')
  [ "$TARGET" = full ] && cdrs=$(await_cdrs "$calls" 30 "$before")
  if [ "$rc" -ne 0 ] || [ "$ok" != "$calls" ] || [ "$failed" != 0 ]; then verdict=FAIL; fi
  if [ "$achieved" -lt $((rate * 95 / 100)) ]; then verdict=FAIL; fi
  if [ "$TARGET" = full ] && [ "$cdrs" != "$calls" ]; then verdict=FAIL; fi
  printf '%s %-6s %-7s target %5d cps  achieved %5s cps  calls %6d  ok %6s  failed %5s  uac-retrans %5s  CDRs %6s  server-CPU %s ms/call  load %s  %s\n' \
    "$started" "$TARGET" "$label" "$rate" "$achieved" "$calls" "$ok" "$failed" "$retrans" "$cdrs" "$cpu_per_call" \
    "$(load)" "$verdict" | tee -a "$RESULTS"
  # Let the server settle before the next trial: after a failed one, past RFC 3261 Timer B/F (32 s), so that the
  # transactions an overload left behind are gone and do not fail the next, lower, rate.
  if [ "$verdict" = PASS ]; then sleep 3; else sleep 35; fi
  [ "$verdict" = PASS ]
}

echo "# $TARGET server, trials of ${TRIAL_SECONDS}s, search $LOW..$HIGH cps by $RESOLUTION; $(nproc) cores, load $(load)" \
  | tee "$RESULTS"
# JIT warm-up, not a result: a cold server times calls out at rates it sustains once compiled, so start gently.
trial $((WARMUP_RATE / 4)) 15 warmup1 || true
trial "$WARMUP_RATE" "$WARMUP_SECONDS" warmup2 || true
if ! trial "$LOW"; then
  echo "RESULT $TARGET: no zero-failure rate at or above $LOW cps" | tee -a "$RESULTS"; exit 0
fi
if trial "$HIGH"; then
  echo "RESULT $TARGET: at least $HIGH cps (raise HIGH)" | tee -a "$RESULTS"; exit 0
fi
lo=$LOW; hi=$HIGH
while [ $((hi - lo)) -gt "$RESOLUTION" ]; do
  mid=$(( (lo + hi) / 2 / RESOLUTION * RESOLUTION ))
  [ "$mid" -le "$lo" ] && mid=$((lo + RESOLUTION))
  if trial "$mid"; then lo=$mid; else hi=$mid; fi
done
# One repeat of the rate found: a pass that does not repeat is reported as such, not hidden.
if trial "$lo" "$TRIAL_SECONDS" "r$lo-repeat"; then note=repeated; else note="did NOT repeat"; fi
echo "RESULT $TARGET: $lo cps with zero failures ($note; $hi cps failed)" | tee -a "$RESULTS"
echo "Results in $RESULTS"
