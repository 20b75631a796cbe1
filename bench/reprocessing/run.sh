#!/usr/bin/env bash
# Re-processing batch figures (docs/reprocessing.md): an `all` target with a 512 MB heap, a GC log
# and a JFR recording, over the registry in $RAMSETU_DATA_DIR (load one first:
# `java -jar ramsetu.jar demo --donors 68500 --patients 3000` ≈ 100,000 pledges). bench.py makes
# MATCH_RUNS coordinators' kidney match runs and ALLOCATION_RUNS allocation runs, registers a new
# kidney model with `ramsetu train`, and follows the batch the model watch starts until it ends.
# Run from a folder holding ramsetu.jar; heavy: take the shared lock (flock) on a shared machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export RAMSETU_DATA_DIR=${RAMSETU_DATA_DIR:?set RAMSETU_DATA_DIR to the demo data folder}
export RAMSETU_BOOTSTRAP_ADMIN_EMAIL=bench@ramsetu.test
export RAMSETU_BOOTSTRAP_ADMIN_PASSWORD=bench-password-reprocessing
# The coordinator's second factor, provisioned: a fresh random secret for each run.
RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET=$(python3 -c 'import base64,os; print(base64.b32encode(os.urandom(20)).decode())')
export RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET
uptime
java -Xmx512m -Xlog:gc:file=${GCLOG:-gc.log}:time,uptime \
  -XX:StartFlightRecording=filename=${JFR:-batch.jfr},settings=default \
  -jar ramsetu.jar serve --target all --port 18631 > ${SERVELOG:-serve.log} 2>&1 &
pid=$!
trap 'kill $pid; wait $pid || true' EXIT
MATCH_RUNS=${MATCH_RUNS:-100} ALLOCATION_RUNS=${ALLOCATION_RUNS:-50} OLD_BATCHES=${OLD_BATCHES:-} \
  python3 "$here/bench.py"
