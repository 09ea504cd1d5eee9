#!/usr/bin/env bash
# Calls per second through the full Trunkline path (source ACL, normalisation, DID lookup, B2BUA, CDR stored):
# sipp uac (carrier) -> Trunkline -> sipp uas (PBX), at each rate given, for SECONDS seconds each, all on loopback.
# Needs a running server (see README) and TRUNKLINE_ADMIN_PASSWORD. Bounded: every run ends by itself.
#
#   bench/b2bua-rate.sh 300 600 900 1200 1600
set -euo pipefail
: "${TRUNKLINE_ADMIN_PASSWORD:?set TRUNKLINE_ADMIN_PASSWORD to the server's admin password}"
SIP_PORT=${TRUNKLINE_SIP_PORT:-5060}
HTTP=http://127.0.0.1:${TRUNKLINE_HTTP_PORT:-9080}/api/v1
SECONDS_PER_RATE=${SECONDS_PER_RATE:-10}
CARRIER_PORT=5170; PBX_PORT=5180; DID=+14155550199
OUT=$(dirname "$0")/results/$(date -u +%Y%m%dT%H%M%SZ); mkdir -p "$OUT"
api() { curl -sf -u "admin:$TRUNKLINE_ADMIN_PASSWORD" -H 'Content-Type: application/json' "$@"; }

# Idempotent set-up: PUT creates or replaces.
api -X PUT "$HTTP/trunks/bench-carrier" -d "{\"role\":\"CARRIER\",\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":$CARRIER_PORT}]}" >/dev/null
api -X PUT "$HTTP/trunks/bench-pbx" -d "{\"role\":\"PBX\",\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":$PBX_PORT}]}" >/dev/null
api -X PUT "$HTTP/numbers/$DID" -d "{\"trunk\":\"bench-carrier\",\"destination\":{\"trunk\":\"bench-pbx\"}}" >/dev/null
cdrs() { api "$HTTP/cdrs?number=%2B${DID#+}&size=1" | grep -o '"total":[0-9]*' | cut -d: -f2; }

run() {  # rate calls label
  local rate=$1 calls=$2 label=$3
  sipp -sn uas -i 127.0.0.1 -p $PBX_PORT -mi 127.0.0.1 -mp 6100 -cp 8990 -nostdin -m "$calls" \
       -timeout $((calls / rate + 60))s >"$OUT/$label-uas.log" 2>&1 &
  local uas=$!
  sleep 0.5
  local before; before=$(cdrs)
  set +e
  sipp -sn uac 127.0.0.1:"$SIP_PORT" -s "${DID#+1}" -i 127.0.0.1 -p $CARRIER_PORT -mi 127.0.0.1 -mp 6110 -cp 8991 \
       -nostdin -m "$calls" -r "$rate" -l $((rate * 8)) -recv_timeout 10000 -timeout $((calls / rate + 60))s \
       -trace_stat -stf "$OUT/$label-stat.csv" >"$OUT/$label-uac.log" 2>&1
  local rc=$?
  set -e
  wait $uas 2>/dev/null || true
  sleep 2   # the CDR writer stores asynchronously
  local ok failed achieved after
  ok=$(grep 'Successful call' "$OUT/$label-uac.log" | awk '{print $NF}')
  failed=$(grep 'Failed call' "$OUT/$label-uac.log" | awk '{print $NF}')
  achieved=$(grep 'Call Rate' "$OUT/$label-uac.log" | awk '{print $(NF-1)}')
  after=$(cdrs)
  printf '%-8s target %5s cps  achieved %9s cps  ok %6s  failed %5s  sipp exit %s  CDRs stored %s\n' \
    "$label" "$rate" "$achieved" "$ok" "$failed" "$rc" "$((after - before))" | tee -a "$OUT/summary.txt"
}

run 200 2000 warmup   # JIT warm-up, not reported as a result
for rate in "$@"; do
  run "$rate" $((rate * SECONDS_PER_RATE)) "r$rate"
done
echo "Results in $OUT"
