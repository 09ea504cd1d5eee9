#!/usr/bin/env bash
# Concurrent held calls and the heap they take: sipp uac opens CALLS calls at RATE calls/s, each answered by the
# sipp uas and then held HOLD seconds (sipp's pause after ACK) before the caller hangs up. Heap used is read after a
# forced full GC (jcmd GC.run, GC.heap_info) before the ramp and again once every call is up; the difference divided
# by CALLS is the heap per held call. Then all calls must end cleanly: every call successful at sipp and one CDR
# with status 200 per call. HOLD should exceed the SIP application session timeout (3 minutes by default) so that
# the hold proves Trunkline keeps answered calls alive (CallSessionListener extends them).
#
#   bench/server.sh start full && bench/held-calls.sh 20000 200 240 && bench/server.sh stop full
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CALLS=${1:-20000}; RATE=${2:-200}; HOLD=${3:-240}
RAMP=$((CALLS / RATE))
[ "$HOLD" -gt $((RAMP + 40)) ] || { echo "HOLD must exceed the ramp ($RAMP s) by 40 s to measure at the plateau" >&2; exit 2; }
OUT=$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-held-calls; mkdir -p "$OUT"
PID=$(cat "$BENCH_DIR/../ear/target/liberty/wlp/usr/servers/.pid/bench-full.pid")
provision

heap_used_kib() {  # after a full GC
  jcmd "$PID" GC.run >/dev/null
  # G1: "garbage-first heap   total 2097152K, used 377246K"; ZGC: "ZHeap   used 562M, capacity 2076M, ...".
  jcmd "$PID" GC.heap_info | tee -a "$OUT/heap.txt" | awk '/used/ && /[Hh]eap/ { for (i = 1; i <= NF; i++) if ($i == "used") {
      v = $(i+1); sub(",", "", v); unit = substr(v, length(v)); v = substr(v, 1, length(v) - 1) + 0
      print (unit == "G" ? v * 1048576 : unit == "M" ? v * 1024 : v); exit } }'
}
log() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$OUT/summary.txt"; }

before_cdrs=$(cdr_count); before_ok=$(cdr_count 200)
idle=$(heap_used_kib)
log "idle heap used after GC: $((idle / 1024)) MiB; load $(load)"
start_uas "$CALLS" $((RAMP + HOLD + 180)) "$OUT/uas.log"
run_uac "$CALLS" "$RATE" $((RAMP + HOLD + 120)) "$OUT/uac.log" -l $((CALLS + 100)) -d $((HOLD * 1000)) \
  -trace_stat -fd 5 -stf "$OUT/uac-stat.csv" &
uac=$!
sleep $((RAMP + 20))
# CurrentCall is the 14th column of sipp's statistics file: the calls up at the last 5 s sample.
held=$(tail -1 "$OUT/uac-stat.csv" | awk -F";" "{ print \$14 }")
plateau=$(heap_used_kib)
log "plateau: $held calls up at sipp; heap used after GC: $((plateau / 1024)) MiB;" \
    "$(( (plateau - idle) * 1024 / (held > 0 ? held : 1) )) bytes per held call; load $(load)"
set +e
wait "$uac"; rc=$?
set -e
stop_uas
read -r ok failed _ < <(sipp_totals "$OUT/uac.log")
stored=$(await_cdrs "$CALLS" 60 "$before_cdrs")
answered=$(( $(cdr_count 200) - before_ok ))
after=$(heap_used_kib)
log "done: sipp ok $ok failed $failed (exit $rc); CDRs stored $stored, with status 200 $answered;" \
    "heap used after GC: $((after / 1024)) MiB; load $(load)"
