"""Re-processing batch figures (docs/reprocessing.md): an `all` target with a 512 MB heap over the
demo registry in $RAMSETU_DATA_DIR; coordinators' runs first, then a new kidney model registered
with `ramsetu train`, which the running server serves at its next refresh; the model watch starts
the batch; we follow it on the operations endpoint until it ends."""
import json, os, subprocess, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from api import Api  # noqa: E402

api = Api("http://127.0.0.1:18631")
MATCH_RUNS = int(os.environ.get("MATCH_RUNS", "100"))
ALLOCATION_RUNS = int(os.environ.get("ALLOCATION_RUNS", "50"))


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def main():
    if not api.wait_ready(300):
        sys.exit("not ready")
    log("ready")
    token = api.sign_in(os.environ["RAMSETU_BOOTSTRAP_ADMIN_EMAIL"],
                        os.environ["RAMSETU_BOOTSTRAP_ADMIN_PASSWORD"],
                        os.environ.get("RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET"))
    requests, cursor = [], None
    while len(requests) < MATCH_RUNS:
        q = f"/api/v1/transplant-requests?organ=KIDNEY&status=WAITING&limit=100"
        s, page = api.call("GET", q + (f"&after={cursor}" if cursor else ""), token)
        requests += [r["id"] for r in page["items"]]
        cursor = page.get("nextCursor")
        if not cursor:
            break
    requests = requests[:MATCH_RUNS]
    s, page = api.call("GET", f"/api/v1/pledges?organ=KIDNEY&status=VERIFIED&limit={ALLOCATION_RUNS}", token)
    pledges = [p["id"] for p in page["items"]]
    log(f"{len(requests)} waiting kidney requests, {len(pledges)} verified kidney pledges")
    t = time.time()
    for r in requests:
        s, body = api.call("POST", f"/api/v1/transplant-requests/{r}/match-runs", token, {})
        if s != 201:
            log(f"match run {r}: {s} {str(body)[:200]}")
    log(f"{len(requests)} match runs in {time.time() - t:.0f} s")
    t = time.time()
    for p in pledges:
        s, body = api.call("POST", f"/api/v1/pledges/{p}/allocation-runs", token, {})
        if s != 201:
            log(f"allocation run {p}: {s} {str(body)[:200]}")
    log(f"{len(pledges)} allocation runs in {time.time() - t:.0f} s")
    # a new kidney model: the server serves it at its next refresh (30 s), the watch sees it
    # within its minute
    subprocess.run(["java", "-Xmx512m", "-jar", "ramsetu.jar", "train", "--organ", "kidney",
                    "--rows", "100000", "--seed", "23"], check=True, stdout=subprocess.DEVNULL)
    log("new kidney model registered")
    batch = None
    while batch is None:
        time.sleep(2)
        s, batches = api.call("GET", "/api/v1/admin/reprocessing/batches", token)
        batch = next((b for b in batches if b["organ"] == "KIDNEY"
                      and b["id"] not in os.environ.get("OLD_BATCHES", "")), None)
    log(f"batch {batch['id']} {batch['state']} (model {batch.get('modelVersion')} from {batch.get('previousVersion')})")
    while True:
        s, b = api.call("GET", f"/api/v1/admin/reprocessing/batches/{batch['id']}", token)
        work = b.get("work", {})
        log(f"{b['state']} progress {json.dumps(b['progress'])} work {work.get('state')} {work.get('done')}/{work.get('total')}")
        if b["state"] in ("SUCCEEDED",):
            print(json.dumps(b, indent=2))
            break
        time.sleep(10)
    os.system("uptime")


main()
