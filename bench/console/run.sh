#!/usr/bin/env bash
# The console's lists over HTTP (issue 21; docs/PERFORMANCE.md): an `all` target over the registry
# in $RAMSETU_DATA_DIR (a demo of 100,000 donors with ConsoleListVolumes' months of work, see
# there), and first_pages.py asking each list's first page as the console does, by 1 and then by
# CONCURRENCY coordinators at once. Run from the project root after `./mvnw -pl app -am package`;
# heavy: nothing else on the machine. RAMSETU_JAR names another build to compare (default the one built).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export RAMSETU_DATA_DIR=${RAMSETU_DATA_DIR:?set RAMSETU_DATA_DIR to the demo data folder}
# A coordinator of this run's own: the bootstrap account is created when its address is new, with
# its second factor provisioned from a fresh random secret.
export RAMSETU_BOOTSTRAP_ADMIN_EMAIL=bench-console-$(date +%s)@ramsetu.test
RAMSETU_BOOTSTRAP_ADMIN_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET=$(python3 -c 'import base64,os; print(base64.b32encode(os.urandom(20)).decode())')
export RAMSETU_BOOTSTRAP_ADMIN_PASSWORD RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET
port=${PORT:-18641}
uptime
# The per-client API limit (100 a minute) would answer the bench's thousands of reads with 429.
SPRING_APPLICATION_JSON='{"ramsetu.rate-limits.limits.api.capacity": 10000000}' \
  java -jar "${RAMSETU_JAR:-app/target/ramsetu.jar}" serve --target all --port "$port" \
  > "${SERVELOG:-target/console-serve.log}" 2>&1 &
pid=$!
trap 'kill $pid; wait $pid || true' EXIT
BASE=http://localhost:$port python3 "$here/first_pages.py" "$@"
uptime
