#!/usr/bin/env bash
# Added session request delay (INVITE in -> INVITE out) through the full Trunkline path at RATE calls/s: a SECONDS
# trial captured on loopback with dumpcap (capture filter: INVITEs on the server's SIP port), each inbound INVITE paired with
# its outbound INVITE through the call's CDR (inboundCallId/outboundCallId from the REST API), percentiles by
# bench/invite_delay.py. Run it on a warmed-up server (bench/rate-search.sh first, or WARMUP=1).
# With TARGET bare, the same trial through bench/bare-b2bua (the container's own floor): it keeps no CDRs, so its
# INVITEs are paired by the inbound Call-ID the bare servlet copies into a header of the outbound INVITE.
#
#   bench/server.sh start full && WARMUP=1 bench/invite-delay.sh 1000 10 && bench/server.sh stop full
#   bench/server.sh start bare && WARMUP=1 bench/invite-delay.sh 1000 10 bare && bench/server.sh stop bare
# After the percentiles it lists each 100 ms of the trial in which an INVITE took over SLOW_MS (5) ms, and the
# collector's phases during the trial (from the server's GC log, see server.sh), to tell a stall from a spread.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RATE=${1:-1000}; SECONDS_OF_CALLS=${2:-10}; TARGET=${3:-full}
case "$TARGET" in full|bare) ;; *) echo "say full or bare, not '$TARGET'" >&2; exit 2 ;; esac
CALLS=$((RATE * SECONDS_OF_CALLS))
OUT=$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-invite-delay-$TARGET; mkdir -p "$OUT"
if [ "$TARGET" = full ]; then provision; fi

if [ "${WARMUP:-0}" = 1 ]; then
  warm_up "$RATE" "$OUT" "${WARMUP_SECONDS:-40}"
fi
if [ "$TARGET" = full ]; then before=$(cdr_count); fi
# Bounded capture: stops by itself after the trial's length plus a margin, or when killed below.
# Only datagrams that start with "INVI" (udp[8:4] is the first payload word): INVITEs, none of the other messages,
# so that the capture stays small and tshark reads it in seconds.
dumpcap -q -i lo -f "udp port $SIP_PORT and udp[8:4] = 0x494e5649" -B 64 -a duration:$((SECONDS_OF_CALLS + 60)) -w "$OUT/sip.pcapng" \
  2>"$OUT/dumpcap.log" &
capture=$!
sleep 2
probe=$(machine_probe)
load_during=$(load)
cpu_before=$(cpu_jiffies); server_before=$(server_cpu_ms "$TARGET"); gc_before=$(gc_cycles "$TARGET")
calls_at "$CALLS" "$RATE" trial "$OUT"
cpu_during=$(cpu_share "$cpu_before" "$(cpu_jiffies)")
server_ms=$(( $(server_cpu_ms "$TARGET") - server_before )); gc_during=$(( $(gc_cycles "$TARGET") - gc_before ))
if [ "$TARGET" = full ]; then
  stored="CDRs stored $(await_cdrs "$CALLS" 30 "$before")"
else
  stored="bare B2BUA, no CDRs"
fi
sleep 1
kill "$capture" 2>/dev/null || true
wait "$capture" 2>/dev/null || true

# The trial's CDRs are the newest ones: page through them (500 a page, the API's maximum).
if [ "$TARGET" = full ]; then
  pages=$(( (CALLS + 499) / 500 ))
  for page in $(seq 0 $((pages - 1))); do
    api "$HTTP/cdrs?number=%2B${DID#+}&size=500&page=$page" >"$OUT/cdrs-$page.json"
  done
  pairing=("$OUT"/cdrs-*.json)
else
  pairing=(--pair-header X-Bench-Inbound-Call-Id)  # the header bench/bare-b2bua adds
fi
tshark -r "$OUT/sip.pcapng" --disable-protocol sip -T fields -E separator=, \
  -e frame.time_epoch -e udp.srcport -e udp.dstport -e data.data >"$OUT/invites.csv" 2>"$OUT/tshark.log"
read -r ok failed _ < <(sipp_totals "$OUT/trial-uac.log")
{
  echo "# $(date -u +%FT%TZ) INVITE in -> INVITE out, $RATE cps for ${SECONDS_OF_CALLS}s ($CALLS calls): ok $ok," \
       "failed $failed, $stored; load before $load_during, after $(load); $(nproc) cores," \
       "during the trial $cpu_during, server CPU $(awk -v m="$server_ms" -v c="$CALLS" 'BEGIN { printf "%.2f", m / c }') ms" \
       "a call, $gc_during GC cycles; machine probe ${probe} s"
  python3 "$BENCH_DIR/invite_delay.py" "$OUT/invites.csv" "${pairing[@]}" \
    --sip-port "$SIP_PORT" --carrier-port "$CARRIER_PORT" --pbx-port "$PBX_PORT" \
    --slow-windows "${SLOW_MS:-5}" --gc-log "$(server_gc_log "$TARGET")"
} | tee "$OUT/summary.txt"
