"""redis-failover: the queue runs on Redis Streams behind Sentinel. Under queue load (a queue drill
of N jobs written through the outbox, plus people signing up, whose code mails go through the
queue) kill -9 the Redis primary. Goal: every drill job's effect exactly once (the effects
ledger), every signed-up person gets their code, the queue resumes within 30 s and the API keeps
answering."""

from __future__ import annotations

import threading
import time
import urllib.error

import cluster as c
from drill import Drill, check_ledger, log
from load import Load

RESUME_GOAL = 30.0


def applied(d: Drill, run_id: str) -> int:
    return int(d.cluster.psql(f"select count(*) from queue_drill_effect where run_id = '{run_id}'"))


def run(d: Drill) -> None:
    quick = d.quick
    jobs = 3000 if quick else 30000
    d.fresh_cluster()
    apps = ["scoring1", "api1", "worker1"] if quick else \
        ["scoring1", "api1", "api2", "worker1", "worker2"]
    d.cluster.up(nodes=2, apps=apps, redis=True)
    load = Load(f"{c.API_BASE}/", d.cluster.app_data / "mail", d.coordinator(),
                run_id=str(int(time.time())), users=2 if quick else 4, match_runs=False)
    load.start()
    time.sleep(10)

    token = d.coordinator_token()
    status, report = c.http_json(
        f"{d.cluster.app_url('worker1')}/actuator/queuedrill?jobs={jobs}", "POST", {},
        {"Authorization": f"Bearer {token}"}, timeout=120)
    run_id = report["runId"]
    log(f"queue drill {run_id}: {jobs} jobs written through the outbox")

    # Readiness of the api as a load balancer sees it, every 0.5 s, through the whole drill.
    readiness: list[tuple[float, int]] = []
    stop = threading.Event()

    def probe():
        while not stop.is_set():
            try:
                s, _ = c.http_json(f"{d.cluster.app_url('api1')}/actuator/health/readiness",
                                   timeout=2)
            except urllib.error.HTTPError as e:
                s = e.code
            except Exception:
                s = 0
            readiness.append((time.time(), s))
            time.sleep(0.5)

    prober = threading.Thread(target=probe, daemon=True)
    prober.start()

    c.wait_for("the queue to be working", lambda: applied(d, run_id) > jobs // 10, 120, 0.5)
    primary = d.cluster.redis_primary_port()
    name = d.cluster.redis_name(primary)
    before = applied(d, run_id)
    log(f"killing the Redis primary {name} (:{primary}) with {before}/{jobs} jobs applied")
    d.cluster.kill(name)
    killed_at = time.time()
    new_primary = c.wait_for("Sentinel to promote the replica",
                             lambda: (p := d.cluster.redis_primary_port()) != primary and p, 60, 0.2)
    promoted_after = time.time() - killed_at
    log(f"Sentinel promoted :{new_primary} after {promoted_after:.1f} s")

    # Resumed when drill effects grow again after the kill.
    at_kill = applied(d, run_id)
    resumed = c.wait_for("the queue to resume", lambda: applied(d, run_id) > at_kill
                         and time.time(), 120, 0.2)
    resume_seconds = round(resumed - killed_at, 1)
    done = c.wait_for(f"all {jobs} drill jobs applied", lambda: applied(d, run_id) >= jobs
                      and time.time(), 300 if quick else 900, 1)
    time.sleep(5)
    stop.set()
    load.finish()
    final = applied(d, run_id)
    # A second application of a job's effect is refused by the effects ledger (job_effect) and
    # the table's key; a job run twice shows as a second ledger key attempt, which is invisible
    # by design. What the drill can and does check: every job's effect is there, once.
    duplicated_effects = int(d.cluster.psql(
        f"select count(*) - count(distinct seq) from queue_drill_effect where run_id = '{run_id}'"))
    check = check_ledger(d.cluster, load.ledger)
    not_ready = [s for t, s in readiness if t >= killed_at and s != 200]
    api_errors_after = load.ledger.error_count()

    d.result.update({
        "acknowledged": jobs + check["acknowledged"],
        "queue_jobs": jobs,
        "queue_jobs_applied": final,
        "api_writes_acknowledged": check["acknowledged"],
        "lost": max(0, jobs - final) + len(check["lost"]),
        "duplicated": duplicated_effects + len(check["duplicated"]),
        "errors": api_errors_after,
        "errors_by_kind": load.ledger.errors,
        "rto_seconds": resume_seconds,
        "rpo_seconds": 0.0 if final >= jobs and not check["lost"] else None,
        "sentinel_promotion_seconds": round(promoted_after, 1),
        "drain_seconds_after_kill": round(done - killed_at, 1),
        "api_readiness_not_ok_samples_after_kill": len(not_ready),
        "api_readiness_samples_after_kill": len([1 for t, _ in readiness if t >= killed_at]),
    })
    d.expect(final == jobs, f"{jobs - final} drill jobs lost")
    d.expect(check["duplicated"] == [], f"{len(check['duplicated'])} API writes duplicated")
    d.expect(api_errors_after == 0, f"the API answered {api_errors_after} errors: "
                                    f"{load.ledger.errors}")
    d.expect(not not_ready, f"the api was not ready {len(not_ready)} times after the kill "
                            "(Redis is not part of its readiness)")
    d.expect(duplicated_effects == 0, f"{duplicated_effects} drill effects applied twice")
    d.expect(check["lost"] == [], f"{len(check['lost'])} acknowledged API writes lost")
    d.expect(resume_seconds < RESUME_GOAL, f"queue resumed after {resume_seconds} s")
    d.expect(not load.failures, f"journeys broke on unexpected answers: {load.failures[:5]}")
    d.expect_no_server_errors(load.ledger)
    # Every Redis user of every target (queue, cache, rate limits, flag notices, Boot's own)
    # speaks TLS to Redis and the Sentinels: none may have given up on a handshake and degraded.
    refused = [n for n in apps
               if "SSLHandshakeException" in (d.cluster.logs / f"{n}.log").read_text(errors="replace")]
    d.result["tls_handshakes_refused_in"] = refused
    d.expect(not refused, f"TLS handshakes refused in the logs of {refused}")
