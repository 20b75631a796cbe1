#!/usr/bin/env bash
# What the per-request session check costs (docs/SECURITY.md §4.3, docs/PERFORMANCE.md
# "Session check"). Starts `all` on embedded defaults in a fresh data folder with demo accounts,
# signs a donor in, drives GET /api/v1/me with wrk, and reads from the instance's own metrics the
# time spent looking the session up beside the time of the whole request.
# Usage: bench/sessions/run.sh [SECONDS] [CONNECTIONS]   (needs wrk, curl, python3; builds the jar)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-30}"
connections="${2:-8}"
port="${BENCH_PORT:-18180}"
jar="$root/app/target/ramsetu.jar"

data="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
export RAMSETU_DATA_DIR="$data"

# The wrapper builds the jar first when it is missing or older than the sources.
"$root/ramsetu" demo --donors 50 --patients 10 >"$data/demo.log" 2>&1
# The general per-user limit (100 a minute) would turn most requests into cheap 429s.
SPRING_APPLICATION_JSON='{"ramsetu.rate-limits.limits.api.capacity":100000000}' \
  java -jar "$jar" serve --target all --port "$port" >"$data/all.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null

token="$(curl -fsS -H 'Content-Type: application/json' \
  -d '{"email":"donor.000001@demo.ramsetu.in","password":"ramsetu demo password"}' \
  "http://127.0.0.1:$port/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up, then the measured run; the metrics are read as differences between the two.
wrk -t2 -c"$connections" -d10s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/me" >/dev/null
curl -fsS "http://127.0.0.1:$port/actuator/prometheus" >"$data/before.prom"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/v1/me"
curl -fsS "http://127.0.0.1:$port/actuator/prometheus" >"$data/after.prom"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 "$root/bench/sessions/summary.py" "$data/before.prom" "$data/after.prom"
