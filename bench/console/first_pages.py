"""The first page of each of the console's lists over HTTP, as the console asks for it (50 rows and
the total), timed end to end from a client on the same machine: by one coordinator, then by
CONCURRENCY coordinators at once, each reading the lists one after another in a random order for
DURATION. Prints a table per level and writes target/bench/console-first-pages.json.

Environment: BASE (the instance), RAMSETU_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD / _TOTP_SECRET (the
coordinator run.sh provisions), DURATION (default 60), CONCURRENCY (default 4)."""
import json, os, random, sys, threading, time, urllib.error, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from api import Api  # noqa: E402

BASE = os.environ["BASE"]
DURATION = float(os.environ.get("DURATION", "60"))
CONCURRENCY = int(os.environ.get("CONCURRENCY", "4"))

# The console's first pages: its queues, the waiting list in each order and with a name search,
# the matches, the audit log, the centre's offers, the directories and the donation cases.
LISTS = {
    "pledges to verify": "/api/v1/pledges?status=PENDING&limit=50",
    "verified pledges": "/api/v1/pledges?status=VERIFIED&limit=50",
    "waiting list, newest": "/api/v1/transplant-requests?status=WAITING&limit=50",
    "waiting list, most urgent": "/api/v1/transplant-requests?status=WAITING&sort=urgency&limit=50",
    "waiting list, livers by MELD": "/api/v1/transplant-requests?status=WAITING&organ=LIVER&sort=meld&limit=50",
    "waiting list, search 'sharma'": "/api/v1/transplant-requests?status=WAITING&q=sharma&limit=50",
    "documents to review": "/api/v1/admin/documents?limit=50",
    "matches": "/api/v1/matches?limit=50",
    "matches proposed": "/api/v1/matches?status=PROPOSED&limit=50",
    "matches, search 'sharma'": "/api/v1/matches?q=sharma&limit=50",
    "audit log": "/api/v1/admin/audit?limit=50",
    "audit log, action 'offer'": "/api/v1/admin/audit?action=offer&limit=50",
    "centre's open offers": "/api/v1/admin/offers?status=open&limit=50",
    "centre's offers, all": "/api/v1/admin/offers?status=all&limit=50",
    "donor directory": "/api/v1/admin/donors?limit=50",
    "patient directory": "/api/v1/admin/patients?limit=50",
    "donation cases": "/api/v1/admin/donation-cases?limit=50",
}


def percentile(sorted_ms, p):
    if not sorted_ms:
        return float("nan")
    return sorted_ms[min(len(sorted_ms) - 1, int(round(p / 100 * (len(sorted_ms) - 1))))]


def timed_get(path, token):
    req = urllib.request.Request(BASE + path, headers={"Authorization": "Bearer " + token})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body = e.read()
        status = e.code
    elapsed = (time.perf_counter() - started) * 1000
    return status, elapsed, body


def level(token, coordinators, seconds):
    """Every list read by `coordinators` threads for `seconds`: latencies and failures per list."""
    samples = {name: [] for name in LISTS}
    failures = {name: [] for name in LISTS}
    lock = threading.Lock()
    deadline = time.time() + seconds

    def coordinator(seed):
        order = list(LISTS.items())
        rng = random.Random(seed)
        while time.time() < deadline:
            rng.shuffle(order)
            for name, path in order:
                status, ms, body = timed_get(path, token)
                with lock:
                    if status == 200:
                        samples[name].append(ms)
                    else:
                        failures[name].append(f"{status} {body[:200]!r}")

    threads = [threading.Thread(target=coordinator, args=(i,)) for i in range(coordinators)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = {}
    for name in LISTS:
        ms = sorted(samples[name])
        rows[name] = {"reads": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
                      "p99_ms": percentile(ms, 99), "max_ms": ms[-1] if ms else float("nan"),
                      "failures": len(failures[name]), "first_failure": (failures[name] or [None])[0]}
    return rows


def main():
    api = Api(BASE)
    if not api.wait_ready(180):
        raise SystemExit("the instance did not become ready")
    email = os.environ["RAMSETU_BOOTSTRAP_ADMIN_EMAIL"]
    token = api.sign_in(email, os.environ["RAMSETU_BOOTSTRAP_ADMIN_PASSWORD"],
                        os.environ["RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET"])
    # The offers lists are a centre's: the coordinator joins the centre with the most offers.
    status, centres = api.call("GET", "/api/v1/admin/centres?limit=100", token)
    if status != 200 or not centres["items"]:
        raise SystemExit(f"no centre to work for ({status}): load the demo with a coordinator")
    def join(centre):
        status, _ = api.call("POST", f"/api/v1/admin/centres/{centre}/coordinators", token,
                             {"email": email})
        if status != 200:
            raise SystemExit(f"could not join centre {centre}: {status}")

    offered = {}
    for centre in centres["items"]:
        join(centre["id"])
        status, page = api.call("GET", "/api/v1/admin/offers?status=all&limit=1", token)
        offered[centre["id"]] = page["total"] if status == 200 else 0
    join(max(offered, key=offered.get))
    totals = {}
    for name, path in LISTS.items():
        status, ms, body = timed_get(path, token)
        if status != 200:
            raise SystemExit(f"{name}: {status} {body[:300]!r}")
        totals[name] = json.loads(body).get("total")
    # Warm-up: the JIT and the caches, as after the first minutes of a day.
    level(token, 1, 20)
    results = {"base": BASE, "seconds": DURATION, "totals": totals,
               "loadavg_before": os.getloadavg(), "levels": {}}
    for coordinators in (1, CONCURRENCY):
        rows = level(token, coordinators, DURATION)
        results["levels"][str(coordinators)] = rows
        print(f"\n{coordinators} coordinator(s), {DURATION:.0f} s, load average "
              f"{os.getloadavg()[0]:.2f}")
        print("| first page of 50 with its total | total | reads | p50 ms | p95 ms | p99 ms | max ms"
              " | failures |")
        print("|---|---|---|---|---|---|---|---|")
        for name, r in rows.items():
            total = "—" if totals[name] is None else f"{totals[name]:,}"
            print(f"| {name} | {total} | {r['reads']} | {r['p50_ms']:.0f} | "
                  f"{r['p95_ms']:.0f} | {r['p99_ms']:.0f} | {r['max_ms']:.0f} | {r['failures']} |")
    results["loadavg_after"] = os.getloadavg()
    os.makedirs("target/bench", exist_ok=True)
    with open("target/bench/console-first-pages.json", "w") as f:
        json.dump(results, f, indent=2)
    failed = sum(r["failures"] for rows in results["levels"].values() for r in rows.values())
    if failed:
        raise SystemExit(f"{failed} reads failed; see target/bench/console-first-pages.json")


if __name__ == "__main__":
    main()
