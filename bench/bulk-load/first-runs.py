#!/usr/bin/env python3
"""Match runs right after a bulk load (issue 19, item 5): for each jar given, a fresh data folder,
`serve --target all`, `ramsetu demo --donors D --patients P` while it serves, then at once RUNS
kidney match runs by one coordinator, one after another. Prints per jar: the demo's time, the
status of every run and its latency. A 503 here means a run was planned on the statistics of an
emptier registry (the candidate query then hits its time limit).

  python3 bench/bulk-load/first-runs.py app/target/ramsetu.jar target/release/previous.jar

Environment: DONORS (100000), PATIENTS (2000), RUNS (12), PORT (18641). Heavy: one at a time on a
shared machine; the machine's load is printed with the figures."""
import base64, json, os, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from api import Api  # noqa: E402

DONORS = int(os.environ.get("DONORS", "100000"))
PATIENTS = int(os.environ.get("PATIENTS", "2000"))
RUNS = int(os.environ.get("RUNS", "12"))
PORT = int(os.environ.get("PORT", "18641"))
api = Api(f"http://127.0.0.1:{PORT}")


def one_jar(jar):
    data = tempfile.mkdtemp(prefix="ramsetu-first-runs-")
    secret = base64.b32encode(os.urandom(20)).decode()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAMSETU_")}
    env.update(RAMSETU_DATA_DIR=data, RAMSETU_BOOTSTRAP_ADMIN_EMAIL="bench@ramsetu.test",
               RAMSETU_BOOTSTRAP_ADMIN_PASSWORD="bench-password-first-runs",
               RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET=secret)
    log = open(os.path.join(data, "serve.log"), "wb")
    server = subprocess.Popen(["java", "-jar", jar, "serve", "--target", "all", "--port", str(PORT)],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        if not api.wait_ready(180, lambda: server.poll() is None):
            raise SystemExit(f"{jar}: not ready; see {data}/serve.log")
        started = time.time()
        demo = subprocess.run(["java", "-jar", jar, "demo", "--donors", str(DONORS),
                               "--patients", str(PATIENTS)], env=env, capture_output=True, text=True)
        demo_seconds = time.time() - started
        if demo.returncode:
            raise SystemExit(f"demo failed: {demo.stderr[-500:]}")
        token = api.sign_in(env["RAMSETU_BOOTSTRAP_ADMIN_EMAIL"],
                            env["RAMSETU_BOOTSTRAP_ADMIN_PASSWORD"], secret)
        s, page = api.call("GET", f"/api/v1/transplant-requests?organ=KIDNEY&status=WAITING&limit={RUNS}",
                       token)
        requests = [r["id"] for r in page["items"]]
        runs = []
        for r in requests:
            t = time.time()
            s, _ = api.call("POST", f"/api/v1/transplant-requests/{r}/match-runs", token, {})
            runs.append((s, round((time.time() - t) * 1000)))
        return {"jar": jar, "demo_seconds": round(demo_seconds, 1),
                "demo_output": demo.stdout.strip().splitlines(),
                "statuses": [s for s, _ in runs], "millis": [ms for _, ms in runs],
                "load_average": os.getloadavg()[0]}
    finally:
        server.terminate()
        server.wait(60)
        log.close()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    print(f"uptime: {os.getloadavg()}", flush=True)
    for jar in sys.argv[1:]:
        print(json.dumps(one_jar(jar)), flush=True)
