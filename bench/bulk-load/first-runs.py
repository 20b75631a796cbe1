#!/usr/bin/env python3
"""Match runs right after a bulk load (issue 19, item 5): for each jar given, a fresh data folder,
`serve --target all`, `ramsetu demo --donors D --patients P` while it serves, then at once RUNS
kidney match runs by one coordinator, one after another. Prints per jar: the demo's time, the
status of every run and its latency. A 503 here means a run was planned on the statistics of an
emptier registry (the candidate query then hits its time limit).

  python3 bench/bulk-load/first-runs.py app/target/ramsetu.jar target/release/previous.jar

Environment: DONORS (100000), PATIENTS (2000), RUNS (12), PORT (18641). Heavy: one at a time on a
shared machine; the machine's load is printed with the figures."""
import base64, json, os, shutil, subprocess, sys, tempfile, time, urllib.error, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "ops", "cluster"))
import cluster  # noqa: E402  (the authenticator's codes)

DONORS = int(os.environ.get("DONORS", "100000"))
PATIENTS = int(os.environ.get("PATIENTS", "2000"))
RUNS = int(os.environ.get("RUNS", "12"))
PORT = int(os.environ.get("PORT", "18641"))
BASE = f"http://127.0.0.1:{PORT}"


def call(method, path, token=None, body=None, timeout=60):
    req = urllib.request.Request(BASE + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


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
        deadline = time.time() + 180
        while True:
            try:
                with urllib.request.urlopen(BASE + "/actuator/health/readiness", timeout=3) as r:
                    if r.status == 200:
                        break
            except Exception:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit(f"{jar}: not ready; see {data}/serve.log")
            time.sleep(1)
        started = time.time()
        demo = subprocess.run(["java", "-jar", jar, "demo", "--donors", str(DONORS),
                               "--patients", str(PATIENTS)], env=env, capture_output=True, text=True)
        demo_seconds = time.time() - started
        if demo.returncode:
            raise SystemExit(f"demo failed: {demo.stderr[-500:]}")
        s, login = call("POST", "/api/v1/auth/login", body={
            "email": env["RAMSETU_BOOTSTRAP_ADMIN_EMAIL"],
            "password": env["RAMSETU_BOOTSTRAP_ADMIN_PASSWORD"]})
        if s == 202:
            s, login = call("POST", "/api/v1/auth/second-factor", body={
                "challenge": login["challenge"],
                "code": cluster.totp(secret, int(time.time()) // 30)})
        token = login["accessToken"]
        s, page = call("GET", f"/api/v1/transplant-requests?organ=KIDNEY&status=WAITING&limit={RUNS}",
                       token)
        requests = [r["id"] for r in page["items"]]
        runs = []
        for r in requests:
            t = time.time()
            s, _ = call("POST", f"/api/v1/transplant-requests/{r}/match-runs", token, {})
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
