"""dr-standby: a standby cluster in a "second region" replicates from the first; the first region
is lost (kill -9 of every PostgreSQL node); the standby cluster is promoted, the application
follows it through the write endpoint, and the load client's ledger is checked against it.
Replication to the second region is asynchronous, so its RPO is measured, not assumed zero:
the drill passes with 0 duplicated, RPO <= 5 s and RTO <= 60 s (detection and promotion
included)."""

from __future__ import annotations

import time

import cluster as c
from drill import Drill, check_ledger, log
from load import Load

RPO_OBJECTIVE = 5.0
RTO_OBJECTIVE = 60.0
DETECTION = 5.0  # how long an operator (or an external monitor) waits before declaring the loss


def run(d: Drill) -> None:
    quick = d.quick
    d.fresh_cluster()
    apps = ["scoring1", "api1", "worker1"]
    d.cluster.up(nodes=2, apps=apps, redis=False)
    d.cluster.start_dr_standby()
    load = Load(f"{c.API_BASE}/", d.cluster.app_data / "mail", d.coordinator(),
                run_id=str(int(time.time())), users=4 if quick else 8)
    load.start()
    time.sleep(20 if quick else 60)
    replay_lag = d.cluster.psql(
        "select coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)",
        port=c.DR_NODE[1], database="postgres")
    log(f"the first region is lost (replay lag of the DR leader just before: {replay_lag} s)")
    for node in list(c.PG_NODES):
        d.cluster.kill_node(node)
    killed_at = time.time()
    time.sleep(DETECTION)
    promote_started = time.time()
    d.cluster.promote_dr()
    promoted = time.time() - promote_started
    log(f"DR leader promoted in {promoted:.1f} s")
    c.wait_for("a write through the promoted region",
               lambda: load.ledger.first_served_after(killed_at + DETECTION), 90, 0.5)
    time.sleep(15 if quick else 60)
    load.finish()
    d.expect(not load.failures, f"journeys broke on unexpected answers: {load.failures[:5]}")
    d.expect_no_server_errors(load.ledger)

    check = check_ledger(d.cluster, load.ledger, port=c.DR_NODE[1])
    lost = set(check["lost"])
    lost_acks = [a for a in load.ledger.acks if f"{a.kind} {a.key}" in lost]
    rpo = round(max((killed_at - a.at for a in lost_acks), default=0.0), 2)
    first = load.ledger.first_served_after(killed_at)
    rto = None if first is None else round(first - killed_at, 1)
    d.result.update({
        "acknowledged": check["acknowledged"],
        "acknowledged_by_kind": check["by_kind"],
        "lost": len(lost),
        "lost_examples": sorted(lost)[:10],
        "lost_acknowledged_before_loss": len([a for a in lost_acks if a.at <= killed_at]),
        "duplicated": len(check["duplicated"]),
        "duplicated_examples": check["duplicated"][:10],
        "errors": load.ledger.error_count(),
        "errors_by_kind": load.ledger.errors,
        "rto_seconds": rto,
        "rpo_seconds": rpo,
        "detection_seconds": DETECTION,
        "promotion_seconds": round(promoted, 1),
        "replay_lag_before_loss_seconds": float(replay_lag),
        "acknowledged_after_loss": len([a for a in load.ledger.acks if a.at > killed_at]),
    })
    d.expect(check["duplicated"] == [], f"{len(check['duplicated'])} writes duplicated")
    d.expect(all(a.at <= killed_at for a in lost_acks),
             "a write acknowledged after the promotion is missing")
    d.expect(rpo <= RPO_OBJECTIVE, f"RPO {rpo} s (objective <= {RPO_OBJECTIVE:.0f} s)")
    d.expect(rto is not None and rto <= RTO_OBJECTIVE,
             f"RTO {rto} s (objective <= {RTO_OBJECTIVE:.0f} s)")
