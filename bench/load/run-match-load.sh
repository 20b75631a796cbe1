#!/usr/bin/env bash
# Issue 8, item 6: the ranking-run load test (match runs, or allocation runs with RUNS=allocation)
# against `all` or split mode, with its summary.
#
#   [RUNS=match|allocation] [WARM_UP_SECONDS=N] \
#   bench/load/run-match-load.sh all|split DATA_DIR [SECONDS] [COORDINATORS] [REGISTRATIONS_PER_S] [RUNS_PER_S]
#
# Without RUNS_PER_S the coordinators start runs back to back (closed model: throughput); with it
# runs arrive at random at that rate, each as one of the coordinators (open model: latency at a
# given demand; 20 coordinators each starting a run every 10 s on average is 2).
#
# DATA_DIR must hold demo data, e.g. RAMSETU_DATA_DIR=/tmp/load-data ./ramsetu demo
# --donors 100000 --patients 2000. Nothing else may use DATA_DIR or ports 8080-8082 meanwhile.
# RAMSETU_JAR=path measures another build (e.g. the previous release's jar) on the same data.
# RUNS=allocation starts allocation runs for random verified pledges instead of match runs for
# random waiting requests (DATA_DIR then wants a long waiting list, e.g. ramsetu demo --donors 3000
# --patients 86000).
# WARM_UP_SECONDS=N runs the coordinators' load for N seconds before the measured SECONDS, reported
# apart (rows "warm-up ..."): under load the server gets faster for its first two to three minutes,
# while the JIT compiler still competes with the runs for the two cores.
set -euo pipefail
mode=${1:?all or split}
data=$(cd "${2:?data folder}" && pwd)
seconds=${3:-120}
coordinators=${4:-20}
registrations=${5:-0.5}
runs_per_second=${6:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

# gatling:test runs in the bench module alone, so the other modules must be installed;
# after changing code, run ./mvnw install -DskipTests again before measuring.
if [ ! -f app/target/ramsetu.jar ] || [ ! -f bench/target/benchmarks.jar ]; then
  ./mvnw -q -B install -DskipTests
fi
work=$(mktemp -d)
trap 'st=$?; kill "$stack" 2>/dev/null || true; wait "$stack" 2>/dev/null || true; rm -rf "$work"; exit $st' EXIT
# A copy, so that a rebuild while the test runs cannot pull the jar from under the servers.
cp "${RAMSETU_JAR:-app/target/ramsetu.jar}" "$work/ramsetu.jar"
password="load test coordinator password"
printf '%s\n' "$password" > "$work/coordinator-password"
chmod 600 "$work/coordinator-password"
# The coordinators' second factor, provisioned: a random authenticator secret kept beside the data,
# because the coordinators created by the first run keep the secret they were enrolled with (a
# confirmed second factor is never replaced), so every later run on this data must use it too.
if [ ! -s "$data/load-coordinator-totp" ]; then
  python3 -c 'import base64,os; print(base64.b32encode(os.urandom(20)).decode())' > "$data/load-coordinator-totp"
  chmod 600 "$data/load-coordinator-totp"
fi
cp "$data/load-coordinator-totp" "$work/coordinator-totp"

java -cp bench/target/benchmarks.jar org.ramsetu.bench.load.LoadStack \
  "$mode" "$data" "$work/ramsetu.jar" "$coordinators" "$work/coordinator-password" \
  "$work/coordinator-totp" \
  > "$work/stack.log" 2>&1 &
stack=$!
for _ in $(seq 1 600); do
  grep -q '^READY' "$work/stack.log" && break
  kill -0 "$stack" 2>/dev/null || { cat "$work/stack.log"; exit 1; }
  sleep 1
done
grep -q '^READY' "$work/stack.log" || { echo "stack not ready in 10 minutes"; cat "$work/stack.log"; exit 1; }

./mvnw -q -B -pl bench gatling:test \
  -Dgatling.simulationClass=org.ramsetu.bench.load.MatchRunLoadSimulation \
  -Dramsetu.mailDir="$data/mail" \
  "-Dramsetu.coordinatorPassword=$password" \
  "-Dramsetu.coordinatorTotpSecret=$(cat "$work/coordinator-totp")" \
  -Dramsetu.seconds="$seconds" \
  -Dramsetu.warmUpSeconds="${WARM_UP_SECONDS:-0}" \
  -Dramsetu.runs="${RUNS:-match}" \
  -Dramsetu.coordinators="$coordinators" \
  -Dramsetu.registrationsPerSecond="$registrations" \
  ${runs_per_second:+-Dramsetu.model=open -Dramsetu.runsPerSecond="$runs_per_second"} 2>&1 | tee "$work/gatling.log" || status=$?

report=$(ls -dt bench/target/gatling/matchrunloadsimulation-*/ | head -1)
warm_up=""
if [ "${WARM_UP_SECONDS:-0}" != 0 ]; then warm_up=" after a warm-up of $WARM_UP_SECONDS s"; fi
echo "mode $mode, ${RUNS:-match} runs, $coordinators coordinators, ${runs_per_second:+open model at $runs_per_second runs/s, }$seconds s$warm_up, $registrations donors/s and patients/s"
# The runs per second of the measured seconds, for the closed model only: the open model's rate is
# the arrival rate it was given.
measured_seconds=$seconds
if [ -n "$runs_per_second" ]; then measured_seconds=""; fi
python3 bench/load/gatling-summary.py "$report/index.html" ${measured_seconds:+"$measured_seconds"}
grep -h "^sign-up code mail" "$work/gatling.log" || true
echo "report: $report/index.html"
exit "${status:-0}"
