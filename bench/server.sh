#!/usr/bin/env bash
# The two servers the benchmark compares, defined in the same Open Liberty installation from the same server.xml
# (deploy-descriptors/liberty/server.xml: same features, same SIP container settings, same JVM options); they differ
# only in the application deployed:
#   full  (server bench-full): Trunkline's EAR, H2 file database in the server's data/ folder;
#   bare  (server bench-bare): bench/bare-b2bua's WAR, a B2BUA that only bridges the two legs.
# They use the same ports, so only one runs at a time and neither competes with the other for the CPU.
#
#   bench/server.sh setup            # after `mvn -B -DskipTests verify` (EAR built, Liberty unpacked); builds the bare WAR
#   bench/server.sh start full|bare  # background start, returns when the application is ready
#   bench/server.sh stop  full|bare
#   bench/server.sh pid   full|bare  # the server JVM's process id (for jcmd)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WLP=$ROOT/ear/target/liberty/wlp
: "${TRUNKLINE_ADMIN_PASSWORD:=bench-secret}"
SIP_PORT=${TRUNKLINE_SIP_PORT:-5060}
PBX_PORT=${BENCH_PBX_PORT:-5180}
# Both servers get the product's jvm.options (ZGC, -Xmx2g: a fixed heap, so the held-calls figure is "fits in this
# heap", not "the JVM grew to"), or BENCH_JVM_OPTIONS instead, to compare collectors.
JVM_OPTIONS=${BENCH_JVM_OPTIONS:-$(grep -v '^#' "$ROOT/deploy-descriptors/liberty/jvm.options")}

server_name() {
  case "${1:-}" in
    full) echo bench-full ;;
    bare) echo bench-bare ;;
    *) echo "say full or bare, not '${1:-}'" >&2; exit 2 ;;
  esac
}

define() {  # name app-file app-element
  local dir=$WLP/usr/servers/$1
  rm -rf "$dir"
  mkdir -p "$dir/apps" "$dir/logs"
  cp "$2" "$dir/apps/"
  # Same server.xml, with the application element replaced (and nothing else changed).
  python3 - "$ROOT/deploy-descriptors/liberty/server.xml" "$dir/server.xml" "$3" <<'PY'
import re, sys
source, target, app = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(source).read()
text, count = re.subn(r'<enterpriseApplication .*?</enterpriseApplication>', app, text, flags=re.S)
assert count == 1, "server.xml has no single enterpriseApplication element"
open(target, "w").write(text)
PY
  # Plus a GC log (a few lines a cycle), so that invite-delay.sh can set the collector's phases beside the slow calls.
  printf '%s\n' $JVM_OPTIONS "-Xlog:gc,gc+phases:file=$dir/logs/gc.log:utctime:filecount=3,filesize=20m" \
    > "$dir/jvm.options"
  cat > "$dir/server.env" <<ENV
TRUNKLINE_SIP_PORT=$SIP_PORT
TRUNKLINE_SIPS_PORT=${TRUNKLINE_SIPS_PORT:-5061}
TRUNKLINE_HTTP_PORT=${TRUNKLINE_HTTP_PORT:-9080}
TRUNKLINE_HTTPS_PORT=${TRUNKLINE_HTTPS_PORT:-9443}
TRUNKLINE_SIP_HOST=127.0.0.1
TRUNKLINE_HTTP_HOST=127.0.0.1
TRUNKLINE_ADMIN_PASSWORD=$TRUNKLINE_ADMIN_PASSWORD
BENCH_BARE_TARGET=127.0.0.1:$PBX_PORT
${TRUNKLINE_OVERLOAD_DELAY_MS:+TRUNKLINE_OVERLOAD_DELAY_MS=$TRUNKLINE_OVERLOAD_DELAY_MS}
ENV
}

setup() {
  [ -x "$WLP/bin/server" ] && [ -f "$ROOT/ear/target/trunkline.ear" ] \
    || { echo "run 'mvn -B -DskipTests verify' first (builds the EAR and unpacks Liberty)" >&2; exit 1; }
  mvn -B -q -f "$ROOT/bench/bare-b2bua/pom.xml" package
  define bench-full "$ROOT/ear/target/trunkline.ear" \
    '<enterpriseApplication id="trunkline" name="trunkline" location="trunkline.ear"><classloader commonLibraryRef="jdbcDrivers"/></enterpriseApplication>'
  define bench-bare "$ROOT/bench/bare-b2bua/target/bare-b2bua.war" \
    '<webApplication id="bare-b2bua" name="bare-b2bua" location="bare-b2bua.war"/>'
  echo "Defined bench-full and bench-bare in $WLP/usr/servers"
}

start() {
  local name; name=$(server_name "$1")
  timeout 240 "$WLP/bin/server" start "$name" --clean
  # "server start" returns once the JVM runs; the application is ready when its SIP servlet is.
  local log=$WLP/usr/servers/$name/logs/messages.log
  for _ in $(seq 1 180); do
    if grep -q 'CWWKZ0001I\|CWWKZ0003I' "$log" 2>/dev/null; then
      sleep 2; echo "$name ready"; return 0
    fi
    if grep -q 'CWWKZ0002E\|CWWKZ0012I' "$log" 2>/dev/null; then break; fi
    sleep 1
  done
  echo "$name did not start its application; see $log" >&2; exit 1
}

case "${1:-}" in
  setup) setup ;;
  start) start "${2:-}" ;;
  stop) timeout 120 "$WLP/bin/server" stop "$(server_name "${2:-}")" --timeout=60s ;;
  pid) cat "$WLP/usr/servers/.pid/$(server_name "${2:-}").pid" ;;
  *) sed -n '2,13p' "$0"; exit 2 ;;
esac
