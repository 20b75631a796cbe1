"""scheduler: one-time scheduled work on the cluster's two workers (PostgreSQL under Patroni, the
workers reaching the leader through their multi-host URL). A scheduler drill of N instances (each
works 300 ms, then applies one effect row) runs on both workers; kill -9 one worker while it runs
some; in the full form, kill the PostgreSQL leader's host as well while the work goes on. Goal:
every instance's effect exactly once, no instance succeeded twice, the killed worker's executions
taken over (marked LOST and released to run again) within 60 s of the kill; they then run in turn
with the due backlog."""

from __future__ import annotations

import time

import cluster as c
from drill import Drill, log

TAKEOVER_GOAL = 60.0


def run(d: Drill) -> None:
    quick = d.quick
    instances = 400 if quick else 3000
    d.fresh_cluster()
    d.cluster.up(nodes=2, apps=["api1", "worker1", "worker2"], redis=False)
    token = d.coordinator_token()
    auth = {"Authorization": f"Bearer {token}"}
    victim, survivor = "worker1", "worker2"
    survivor_url = d.cluster.app_url(survivor)

    status, started = c.http_json(
        f"{d.cluster.app_url(victim)}/actuator/scheduledrill", "POST",
        {"instances": instances, "workMillis": 300}, auth, timeout=120)
    run_id = started["runId"]
    log(f"scheduler drill {run_id}: {instances} one-time instances of 300 ms")

    def report() -> dict:
        return c.http_json(f"{survivor_url}/actuator/scheduledrill/{run_id}", headers=auth,
                           timeout=10)[1]

    def applied_at_least(n: int):
        try:
            return report()["applied"] >= n
        except Exception:
            return False

    c.wait_for(f"{instances // 4} effects", lambda: applied_at_least(instances // 4), 300, 1)

    # The victim runs its attempts in batches with a pause between them; killed in the pause it
    # loses nothing and the drill proves nothing. So it is killed while an attempt it started less
    # than 120 ms ago has at least 180 ms still to go.
    victim_url = d.cluster.app_url(victim)

    def victim_early_in_an_attempt():
        r = c.http_json(f"{victim_url}/actuator/scheduledrill/{run_id}", headers=auth,
                        timeout=10)[1]
        return r if r["runningHere"] > 0 and 0 <= r["youngestRunningHereMillis"] < 120 else None

    before_kill = c.wait_for(f"{victim} early in an attempt", victim_early_in_an_attempt, 60,
                             0.02)
    at_kill = before_kill["applied"]
    log(f"kill -9 {victim} with {at_kill}/{instances} applied")
    d.cluster.kill(victim)
    killed_at = time.time()

    leader_killed = None
    if not quick:
        time.sleep(5)
        leader_killed = d.cluster.leader()
        log(f"kill -9 of the PostgreSQL leader's host {leader_killed} as well")
        d.cluster.kill_node(leader_killed)
        c.wait_for("a new leader", lambda: (l := d.cluster.leader()) and l != leader_killed,
                   60, 0.5)

    def finished():
        try:
            r = report()
            return r["waiting"] == 0 and r["applied"] >= instances
        except Exception:
            return False

    try:
        c.wait_for("every instance done", finished, 600 if not quick else 300, 1)
    except TimeoutError:
        pass
    final = report()
    done_at = time.time()
    # When the last of the dead executions was taken over (released to run again; they then wait
    # their turn behind the due backlog, so their re-run start says little about recovery).
    taken_over = d.cluster.psql(
        "select extract(epoch from max(finished_at)) from scheduled_work_run"
        f" where task_instance like '{run_id}:%' and outcome = 'LOST'").strip()
    takeover_seconds = round(float(taken_over) - killed_at, 1) if taken_over else None
    rerun = d.cluster.psql(
        "select extract(epoch from max(r.started_at)) from scheduled_work_run r"
        " join scheduled_work_run lost on lost.task_instance = r.task_instance"
        f" and lost.outcome = 'LOST' where r.task_instance like '{run_id}:%'"
        " and r.started_at > lost.started_at").strip()
    rerun_seconds = round(float(rerun) - killed_at, 1) if rerun else None
    log(f"report: {final}; taken over {takeover_seconds} s after the kill, "
        f"the last re-run started {rerun_seconds} s after it")

    d.result.update({
        "acknowledged": instances,
        "lost": max(0, instances - final["applied"]),
        "duplicated": final["runTwice"],
        "errors": final["failed"],
        "rto_seconds": takeover_seconds,
        "rpo_seconds": 0.0,
        "instances": instances,
        "applied_at_kill": at_kill,
        "victim_before_kill": before_kill,
        "report": final,
        "leader_killed": leader_killed,
        "drain_seconds_after_kill": round(done_at - killed_at, 1),
        "last_rerun_started_seconds_after_kill": rerun_seconds,
    })
    d.expect(final["applied"] == instances,
             f"{final['applied']} of {instances} effects applied")
    d.expect(final["runTwice"] == 0, f"{final['runTwice']} instances succeeded twice")
    d.expect(final["waiting"] == 0, f"{final['waiting']} instances still waiting")
    d.expect(final["settled"] == instances,
             f"{final['settled']} of {instances} instances succeeded or were skipped as completed")
    d.expect(final["lost"] >= 1, "the victim ran nothing when killed: the drill proved nothing")
    d.expect(takeover_seconds is not None and takeover_seconds <= TAKEOVER_GOAL,
             f"the victim's executions were taken over after {takeover_seconds} s "
             f"(goal {TAKEOVER_GOAL} s)")
    if quick:
        d.expect(final["failed"] == 0, f"{final['failed']} attempts failed without a failover")
