# Shared by the bench scripts (sourced, not run). Ports come from the environment, defaults in brackets:
#   TRUNKLINE_SIP_PORT [5060], TRUNKLINE_HTTP_PORT [9080]   the server under test (bench/server.sh)
#   BENCH_CARRIER_PORT [5170], BENCH_PBX_PORT [5180]        sipp uac (carrier) and uas (PBX)
#   BENCH_SIPP_AUX_PORT [6100]                              sipp media and control ports: this one to +11
# Everything is on 127.0.0.1 and every sipp run is bounded by its call count and a timeout.
: "${TRUNKLINE_ADMIN_PASSWORD:=bench-secret}"
SIP_PORT=${TRUNKLINE_SIP_PORT:-5060}
HTTP=http://127.0.0.1:${TRUNKLINE_HTTP_PORT:-9080}/api/v1
CARRIER_PORT=${BENCH_CARRIER_PORT:-5170}
PBX_PORT=${BENCH_PBX_PORT:-5180}
AUX=${BENCH_SIPP_AUX_PORT:-6100}
DID=+14155550199
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

api() { curl -sf -u "admin:$TRUNKLINE_ADMIN_PASSWORD" -H 'Content-Type: application/json' "$@"; }

# Idempotent (PUT creates or replaces). Limits are set, high, so that admission counting is on the path.
provision() {
  local limits='"limits":{"maxChannels":30000,"maxCallsPerSecond":5000}'
  api -X PUT "$HTTP/trunks/bench-carrier" -d "{\"role\":\"CARRIER\",\"defaultRegion\":\"US\",$limits,
    \"gateways\":[{\"host\":\"127.0.0.1\",\"port\":$CARRIER_PORT}]}" >/dev/null
  api -X PUT "$HTTP/trunks/bench-pbx" -d "{\"role\":\"PBX\",\"defaultRegion\":\"US\",$limits,
    \"gateways\":[{\"host\":\"127.0.0.1\",\"port\":$PBX_PORT}]}" >/dev/null
  api -X PUT "$HTTP/numbers/$DID" -d "{\"trunk\":\"bench-carrier\",\"destination\":{\"trunk\":\"bench-pbx\"}}" >/dev/null
}

# CDRs stored for the bench DID (optionally with a status filter, e.g. cdr_count 200).
cdr_count() {
  api "$HTTP/cdrs?number=%2B${DID#+}&size=1${1:+&status=$1}" | grep -o '"total":[0-9]*' | cut -d: -f2
}

# Waits (at most $2 seconds) until $1 more CDRs than $3 are stored; prints the number stored.
await_cdrs() {
  local expected=$1 limit=$2 before=$3 now=0
  for _ in $(seq 1 "$limit"); do
    now=$(( $(cdr_count) - before ))
    [ "$now" -ge "$expected" ] && break
    sleep 1
  done
  echo "$now"
}

# Where bench/server.sh defines the bench servers (the Liberty installation mvn verify unpacks).
SERVERS_DIR=$BENCH_DIR/../ear/target/liberty/wlp/usr/servers

# The JVM process id of the bench server $1 (full or bare), from Liberty's pid file; fails if it is not running.
server_pid() { cat "$SERVERS_DIR/.pid/bench-$1.pid" 2>/dev/null; }

# The GC log bench/server.sh has the server JVM $1 (full or bare) write (pauses and phases, UTC time stamps).
server_gc_log() { echo "$SERVERS_DIR/bench-$1/logs/gc.log"; }

# CPU time (ms, user + system) the server JVM of bench/server.sh ($1: full or bare) has used so far.
server_cpu_ms() {
  local pid
  pid=$(server_pid "$1") || { echo 0; return; }
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat" 2>/dev/null || echo 0
}

# Collections the server JVM has run so far (jstat: young + full + concurrent cycles; for ZGC only the last).
gc_cycles() {
  local pid
  pid=$(server_pid "$1") || { echo 0; return; }
  jstat -gcutil "$pid" | awk 'NR == 2 { n = 0; for (i = 7; i <= 11; i += 2) if ($i ~ /^[0-9]+$/) n += $i; print n }'
}

# Seconds a fixed single-threaded loop takes: how fast this machine's CPU is right now. On a shared virtual machine
# it varies by half from hour to hour with nothing of ours running, and the latency figures move with it.
machine_probe() {
  python3 -c 'import time
t = time.perf_counter(); s = 0
for i in range(10000000): s += i
print("%.2f" % (time.perf_counter() - t))'
}

# UDP datagrams the kernel dropped so far because a socket's receive buffer was full (all sockets of the machine).
udp_receive_buffer_errors() { awk '/^Udp: [0-9]/ { print $6 }' /proc/net/snmp; }

load() { uptime | sed 's/.*load average: //; s/,//g'; }

# The machine's CPU jiffies so far: "busy steal total" (steal: time the hypervisor gave this VM's CPUs to others).
cpu_jiffies() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8; print busy, $9, busy + $5 + $6 + $9 }' /proc/stat; }

# Between two cpu_jiffies snapshots: the share of CPU time busy and stolen, e.g. "busy 71% steal 0.4%".
cpu_share() {  # "before" "after"
  read -r b1 s1 t1 <<<"$1"; read -r b2 s2 t2 <<<"$2"
  awk -v b=$((b2 - b1)) -v s=$((s2 - s1)) -v t=$((t2 - t1)) \
    'BEGIN { if (t > 0) printf "busy %.0f%% steal %.1f%%", 100 * b / t, 100 * s / t; else printf "no CPU sample" }'
}

# sipp uas (PBX) in the background; its pid in UAS_PID. Its call limit is twice the calls expected: sipp counts
# every new Call-ID as a call, and INVITEs Trunkline still retransmits from an earlier, failed run would otherwise
# use up the count and stop this PBX early, failing every call after (stop_uas ends it once the uac is done).
start_uas() {  # calls timeout-seconds log
  sipp -sn uas -i 127.0.0.1 -p "$PBX_PORT" -mi 127.0.0.1 -mp "$AUX" -cp $((AUX + 10)) -nostdin -m $(($1 * 2)) \
       -timeout "$2"s -max_socket 64 >"$3" 2>&1 &
  UAS_PID=$!
  sleep 0.5
}

# After the uac is done: the uas gets 10 s to see its last calls end, then is stopped (it would otherwise wait
# for calls that never reached it until its timeout).
stop_uas() {
  for _ in $(seq 1 20); do
    kill -0 "$UAS_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill "$UAS_PID" 2>/dev/null || true
  wait "$UAS_PID" 2>/dev/null || true
}

# sipp uac (carrier) in the foreground: calls rate timeout-seconds log [extra sipp options...]; returns sipp's code.
run_uac() {
  local calls=$1 rate=$2 timeout=$3 log=$4; shift 4
  sipp -sn uac 127.0.0.1:"$SIP_PORT" -s "${DID#+1}" -i 127.0.0.1 -p "$CARRIER_PORT" -mi 127.0.0.1 \
       -mp $((AUX + 4)) -cp $((AUX + 11)) -nostdin -m "$calls" -r "$rate" -recv_timeout 10000 \
       -timeout "$timeout"s "$@" >"$log" 2>&1
}

# Calls through the full path at a rate, each answered and hung up at once: calls rate label out-dir.
calls_at() {
  start_uas "$1" $(($1 / $2 + 60)) "$4/$3-uas.log"
  run_uac "$1" "$2" $(($1 / $2 + 40)) "$4/$3-uac.log" -l $(($2 * 4)) || true
  stop_uas
}

# JIT warm-up before a measurement at RATE, ending at that rate, so that the JIT has compiled the paths the trial
# takes (a freshly started server spends whole cores on C2 compiles for the first minute) and the container holds
# as many finished transactions (kept for Timer D/J, 32 s) as in the trial: rate out-dir [seconds at the rate].
warm_up() {
  calls_at 1500 100 warmup1 "$2"; calls_at 10000 $(($1 / 2)) warmup2 "$2"; calls_at $(($1 * ${3:-40})) "$1" warmup3 "$2"
  sleep 3
}

# Reads a sipp final screen: "<successful> <failed> <elapsed seconds>".
sipp_totals() {
  local ok failed elapsed
  ok=$(grep 'Successful call' "$1" | tail -1 | awk '{print $(NF)}')
  failed=$(grep 'Failed call' "$1" | tail -1 | awk '{print $(NF)}')
  elapsed=$(grep 'Elapsed Time' "$1" | tail -1 | awk '{print $(NF)}')
  echo "${ok:-0} ${failed:-0} ${elapsed:-?}"
}
