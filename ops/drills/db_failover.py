"""db-failover: kill -9 the PostgreSQL leader's host (Patroni and every PostgreSQL process of the
node) under a steady write load through the api; every acknowledged write must exist exactly once
afterwards. Goal: 0 lost, 0 duplicated, RTO < 30 s, RPO 0. Then the old leader is started again
and must rejoin as a replica (pg_rewind), as the replica-rebuild runbook does."""

from __future__ import annotations

import time

import cluster as c
from drill import Drill, check_ledger, log
from load import Load

RTO_GOAL = 30.0


def run(d: Drill) -> None:
    quick = d.quick
    d.fresh_cluster()
    apps = ["scoring1", "api1", "worker1"] if quick else \
        ["scoring1", "api1", "api2", "worker1", "worker2"]
    d.cluster.up(nodes=2 if quick else 3, apps=apps, redis=False)
    load = Load(f"{c.API_BASE}/", d.cluster.app_data / "mail", d.coordinator(),
                run_id=str(int(time.time())), users=4 if quick else 8)
    load.start()
    warm_up = 20 if quick else 60
    time.sleep(warm_up)
    acked_before = len(load.ledger.acks)
    d.expect(acked_before > 0, "no write was acknowledged before the failure")

    leader = d.cluster.leader()
    log(f"killing the leader {leader} (kill -9 of Patroni and PostgreSQL), "
        f"{acked_before} writes acknowledged so far")
    d.cluster.kill_node(leader)
    killed_at = time.time()  # the host is gone: what is sent from now on needs the new leader
    new_leader = c.wait_for("a new leader", lambda: (l := d.cluster.leader()) != leader and l,
                            60, 0.2)
    promoted_after = time.time() - killed_at
    log(f"{new_leader} leads {promoted_after:.1f} s after the kill")

    after = 30 if quick else 90
    time.sleep(after)
    first = load.ledger.first_served_after(killed_at)
    rto = None if first is None else round(first - killed_at, 1)

    log(f"restarting {leader}: it must rejoin as a replica")
    d.cluster.start_node(leader)
    c.wait_for(f"{leader} back as a replica", lambda: any(
        m["name"] == leader and m.get("role") in ("replica", "sync_standby")
        and m.get("state") in ("running", "streaming") for m in d.cluster.cluster_members()),
        120, 1)
    rejoined_after = time.time() - killed_at
    time.sleep(5)
    load.finish()
    d.expect(not load.failures, f"journeys broke on unexpected answers: {load.failures[:5]}")
    d.expect_no_server_errors(load.ledger)

    check = check_ledger(d.cluster, load.ledger)
    lost_times = [a.at for a in load.ledger.acks
                  if f"{a.kind} {a.key}" in set(check["lost"])]
    d.result.update({
        "acknowledged": check["acknowledged"],
        "acknowledged_by_kind": check["by_kind"],
        "acknowledged_before_kill": acked_before,
        "acknowledged_after_kill": len([a for a in load.ledger.acks if a.at > killed_at]),
        "lost": len(check["lost"]),
        "lost_examples": check["lost"][:10],
        "duplicated": len(check["duplicated"]),
        "duplicated_examples": check["duplicated"][:10],
        "errors": load.ledger.error_count(),
        "errors_by_kind": load.ledger.errors,
        "attempts": load.ledger.attempts,
        "in_doubt": len(load.ledger.in_doubt),
        "rto_seconds": rto,
        "rpo_seconds": round(max((killed_at - t for t in lost_times), default=0.0), 1),
        "leader_killed": leader,
        "new_leader": new_leader,
        "promotion_seconds": round(promoted_after, 1),
        "old_leader_rejoined_seconds": round(rejoined_after, 1),
        "nodes": 2 if quick else 3,
        "targets": apps,
    })
    d.expect(check["lost"] == [], f"{len(check['lost'])} acknowledged writes lost")
    d.expect(check["duplicated"] == [], f"{len(check['duplicated'])} writes duplicated")
    d.expect(rto is not None and rto < RTO_GOAL, f"RTO {rto} s (goal < {RTO_GOAL:.0f} s)")
    d.expect(d.result["acknowledged_after_kill"] > 0, "no write acknowledged after the failover")
