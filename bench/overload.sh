#!/usr/bin/env bash
# Past capacity: sipp uac offers RATE calls/s for SECONDS (open loop: sipp keeps creating calls whatever comes
# back) through the full path, each call answered at once by sipp uas and hung up at once. Reports what the
# callers got: answered (CDRs NORMAL_CLEARING), refused by overload protection (503, the server's own count), and
# everything else (other CDRs: setups that timed out, late ACKs; sipp's failed calls: no answer at all), plus the
# goodput (answered a second). Every second meanwhile: overload protection's state from GET /api/v1/overload.
#
#   bench/server.sh setup && bench/server.sh start full && bench/overload.sh 2200 20
#   TRUNKLINE_OVERLOAD_DELAY_MS=0 bench/server.sh setup   # the same server with protection off, to compare
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RATE=${1:-3000}; SECONDS_OF_CALLS=${2:-20}
CALLS=$((RATE * SECONDS_OF_CALLS))
OUT=$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-overload-$RATE; mkdir -p "$OUT"
provision
# Warmed at 1,000 calls/s (WARMUP=0 skips it): a cold server spends a core on C2 compiles, which is no overload.
if [ "${WARMUP:-1}" = 1 ]; then
  warm_up 1000 "$OUT" 30
fi
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
refused_so_far() { api "$HTTP/overload" | grep -o '"callsRefused":[0-9]*' | cut -d: -f2; }
START=$(date -u +%FT%TZ)
# CDRs of this run's calls, optionally filtered further (e.g. status=200, cause=NO_ACK).
cdrs_since_start() {
  api "$HTTP/cdrs?number=%2B${DID#+}&size=1&from=$START${1:+&$1}" | grep -o '"total":[0-9]*' | cut -d: -f2
}

cdrs_before=$(cdr_count); refused_before=$(refused_so_far)
cpu_before=$(server_cpu_ms full); jiffies_before=$(cpu_jiffies); drops_before=$(udp_receive_buffer_errors)
say "# $(date -u +%FT%TZ) overload: $RATE calls/s offered for ${SECONDS_OF_CALLS}s ($CALLS calls); $(nproc) cores," \
    "machine probe $(machine_probe) s, protection: $(api "$HTTP/overload" | grep -o '"state":"[A-Z]*"')"
start_uas "$CALLS" $((SECONDS_OF_CALLS + 90)) "$OUT/uas.log"
printf 'SEQUENTIAL\n+14155550100;\n' >"$OUT/calling.csv"
sipp 127.0.0.1:"$SIP_PORT" -sf "$BENCH_DIR/../ear/src/test/resources/sipp/uac-call-or-overload-503.xml" \
     -inf "$OUT/calling.csv" -s "${DID#+1}" -i 127.0.0.1 \
     -p "$CARRIER_PORT" -mi 127.0.0.1 -mp $((AUX + 4)) -cp $((AUX + 11)) -nostdin -m "$CALLS" -r "$RATE" \
     -l $((RATE * 40)) -recv_timeout 32000 -timeout $((SECONDS_OF_CALLS + 70))s -max_socket 64 \
     >"$OUT/uac.log" 2>&1 &
uac=$!
t=0
while kill -0 "$uac" 2>/dev/null; do
  sleep 1; t=$((t + 1))
  echo "t=${t}s $(api "$HTTP/overload" | tr -d '{}"' | tr ',' ' ')" >>"$OUT/overload-timeline.txt" || true
done
wait "$uac" || true
stop_uas
jiffies_after=$(cpu_jiffies); cpu_after=$(server_cpu_ms full); drops_after=$(udp_receive_buffer_errors)
read -r ok failed elapsed < <(sipp_totals "$OUT/uac.log")
stored=$(await_cdrs $((CALLS - failed - $(refused_so_far) + refused_before)) 60 "$cdrs_before")
# Answered and ended by the caller's BYE: a call answered whose ACK never came (NO_ACK) has status 200 too.
answered=$(cdrs_since_start cause=NORMAL_CLEARING)
refused=$(( $(refused_so_far) - refused_before ))
say "callers: $ok ended as the scenario expects (answered or refused 503), $failed failed (no or another answer)" \
    "in ${elapsed} s"
say "answered and hung up (CDR NORMAL_CLEARING): $answered = $(awk -v a="$answered" -v s="$SECONDS_OF_CALLS" 'BEGIN{printf "%.0f", a/s}') a second;" \
    "refused 503 by overload protection: $refused; other CDRs: $((stored - answered))"
causes=""
for cause in GATEWAY_FAILURE NO_ACK SETUP_ABANDONED CALLER_CANCELLED INTERNAL_ERROR; do
  n=$(cdrs_since_start "cause=$cause"); [ "$n" = 0 ] || causes="$causes $cause $n"
done
say "other CDRs by cause:${causes:- none}"
say "during the run: $(cpu_share "$jiffies_before" "$jiffies_after"), server CPU $(( (cpu_after - cpu_before) / 1000 )) s," \
    "UDP datagrams dropped by full receive buffers $((drops_after - drops_before))," \
    "INVITE retransmissions $(awk '/INVITE ---/ { print $4; exit }' "$OUT/uac.log")"
say "overload state each second: $OUT/overload-timeline.txt"
