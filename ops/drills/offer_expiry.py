"""offer-expiry: organ offers that nobody answers, on a cluster with two workers (PostgreSQL under
Patroni). The kidneys of S donation cases are offered down the same K candidates, each listed at a
centre of its own, with a response deadline of a few seconds: every offer expires and the
scheduler escalates to the next candidate. kill -9 of one worker while deadlines fall due. Goal:
every sequence walks the whole list and ends EXHAUSTED, each of its K offers made once and expired
once (one OFFER_MADE and one OFFER_EXPIRED audit row each), in the run's order, never two open at
once; nothing left scheduled; every escalation within the takeover time of its deadline."""

from __future__ import annotations

import os
import signal
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import cluster as c
from drill import Drill, log, sql_list
from load import Client, Load

RESPONSE_SECONDS = 6
# A deadline runs at most a polling interval (5 s) late; a killed worker's picked deadlines wait
# for the takeover (20 s without a heartbeat) and the next poll.
LATENESS_GOAL = 40.0
TYPING = {"a": ["A29", "A30"], "b": ["B57", "B58"], "dr": ["DR13", "DR14"]}


def donor_record(declared: str) -> dict:
    return {
        "ageYears": 52, "sex": "MALE", "heightCm": 170.0, "weightKg": 80.0, "bloodGroup": "O+",
        "hla": TYPING, "causeOfDeath": "CEREBROVASCULAR", "pathway": "DCD",
        "terminalCreatinine": {"value": 1.8, "unit": "mg/dL"}, "hypertension": True,
        "diabetes": False,
        "serology": {"hcv": "NEGATIVE", "hbv": "NEGATIVE", "hiv": "NEGATIVE"},
        "declaredDeadAt": declared,
        "hospital": {"name": "Drill Donor Hospital", "city": "Pune", "state": "Maharashtra",
                     "latitude": 18.5196, "longitude": 73.8711},
        "organsConsented": ["KIDNEY"],
    }


def iso(seconds_ago: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - seconds_ago))


def ok(r, what: str, status=(200, 201)) -> dict:
    if r.status not in status:
        raise RuntimeError(f"{what}: {r.status} {r.text}")
    return r.json


def candidate(load: Load, admin: Client, k: int, run_id: str) -> str:
    """A patient listed at a centre of its own and verified there; answers the request id."""
    patient = Client(load.base, load.ledger, load.stop)
    n, _ = load.sign_up(patient, "PATIENT")
    ok(patient.call("patient_profile", "PUT", "/api/v1/patients/me", {
        "bloodGroup": "O+", "dateOfBirth": "1980-05-01", "sex": "FEMALE", "heightCm": 160.0,
        "weightKg": 60.0, "hla": TYPING, "unacceptableAntigens": [],
        "hospital": {"name": "Drill Hospital", "city": "Pune", "state": "Maharashtra",
                     "latitude": 18.5204, "longitude": 73.8567}}), "patient profile")
    centre = ok(admin.call("centre", "POST", "/api/v1/admin/centres", {
        "name": f"Drill Offer Centre {run_id}-{k}", "registrationNumber": f"DRILL/OFR/{run_id}/{k}",
        "city": "Pune", "state": "Maharashtra", "latitude": 18.52 + k / 1000,
        "longitude": 73.87, "programmes": ["KIDNEY"]},
        {"Idempotency-Key": f"drill-offer-centre-{run_id}-{k}"}), "centre")["id"]
    # Earlier dialysis, more waiting points: candidate k is rank k + 1 of every run.
    request = ok(patient.call("request", "POST", "/api/v1/transplant-requests", {
        "organ": "KIDNEY", "urgency": 3, "centreId": centre,
        "kidney": {"diabetes": False, "priorTransplant": False,
                   "dialysisStartDate": f"{2010 + k}-01-15"}},
        {"Idempotency-Key": str(uuid.uuid4())}), "request")["id"]
    ok(admin.call("centre_coordinator", "POST", f"/api/v1/admin/centres/{centre}/coordinators",
                  {"email": load.coordinator[0]}), "assign")
    if not load.verify_listing(admin, request):
        raise RuntimeError(f"listing {request} could not be verified")
    return request


def kidney_run(admin: Client) -> str:
    case = ok(admin.call("case", "POST", "/api/v1/admin/donation-cases",
                         {"consent": "FAMILY", "record": donor_record(iso(3 * 3600))},
                         {"Idempotency-Key": str(uuid.uuid4())}), "case")["id"]
    ok(admin.call("recovery", "POST", f"/api/v1/admin/donation-cases/{case}/recovery",
                  {"organsRecovered": ["KIDNEY"], "crossClampAt": iso(2 * 3600)}), "recovery")
    return ok(admin.call("allocation_run", "POST",
                         f"/api/v1/admin/donation-cases/{case}/allocation-runs",
                         {"organ": "KIDNEY"}, {"Idempotency-Key": str(uuid.uuid4())}),
              "allocation run")["id"]


def run(d: Drill) -> None:
    quick = d.quick
    sequences = 8 if quick else 40
    candidates = 3 if quick else 5
    d.fresh_cluster()
    d.cluster.extra_env = {
        "RAMSETU_ALLOCATION_OFFERS_ORGANS_KIDNEY_RESPONSE": f"{RESPONSE_SECONDS}s"}
    d.cluster.up(nodes=2, apps=["scoring1", "api1", "worker1", "worker2"], redis=False)
    run_id = str(int(time.time()))
    load = Load(f"{c.API_BASE}/", d.cluster.app_data / "mail", d.coordinator(), run_id, users=0)
    admin = Client(load.base, load.ledger, load.stop)
    admin.token = admin.sign_in(*load.coordinator)

    order = [candidate(load, admin, k, run_id) for k in range(candidates)]
    runs = [kidney_run(admin) for _ in range(sequences)]
    log(f"{candidates} candidates listed, {sequences} kidney runs; offering all of them with "
        f"{RESPONSE_SECONDS} s deadlines")

    def start(run: str) -> dict:
        r = admin.call("offers", "POST", f"/api/v1/admin/allocation-runs/{run}/offers", {})
        body = ok(r, "start offers", (201,))
        load.ledger.ack("offer_sequence", body["id"], r, run=run)
        return body

    with ThreadPoolExecutor(4) as pool:
        started = list(pool.map(start, runs))
    started_at = time.time()
    d.expect(all(s["responseSeconds"] == RESPONSE_SECONDS for s in started),
             "the drill's short deadline did not reach the api")
    d.expect(all(s["offers"][0]["requestId"] == order[0] for s in started),
             "a run's first offer went to someone else than the first candidate")
    ids = [s["id"] for s in started]

    def expired_count() -> int:
        out = d.cluster.psql("select count(*) from organ_offer where status = 'EXPIRED' and "
                             f"sequence_id::text = any({sql_list(ids)})").strip()
        return int(out or 0)

    # Kill a worker while it holds deadlines (picked: running, or done but not yet removed), so
    # that they must be taken over; its scheduler is named by its instance id. The other worker is
    # paused (SIGSTOP, for less than the 20 s a heartbeat may be missed) until the victim holds
    # some: otherwise whichever polls first after a deadline takes them all, and the victim may
    # never hold one.
    victim, other = "worker1", "worker2"
    victim_id = d.cluster.psql("select id from service_instance where port ="
                               f" {c.APPS[victim][1]}").strip()

    def held(by: str) -> int:
        out = d.cluster.psql("select count(*) from scheduled_tasks where task_name ="
                             f" 'allocation.offer-expiry' and picked and picked_by = '{by}'")
        return int(out.strip() or 0)

    paused = d.cluster.pid(other)
    os.killpg(paused, signal.SIGSTOP)
    try:
        c.wait_for(f"deadlines held by {victim}", lambda: held(victim_id) >= 1,
                   RESPONSE_SECONDS + 10, 0.01)
    except TimeoutError:
        log(f"{victim} was never seen holding a deadline; killing it anyway")
    finally:
        d.cluster.kill(victim)
        os.killpg(paused, signal.SIGCONT)
    killed_at = time.time()
    held_at_kill = held(victim_id)
    log(f"kill -9 {victim} ({other} resumed): {expired_count()} offers expired, {held_at_kill}"
        " deadlines held by it")

    def exhausted() -> bool:
        out = d.cluster.psql("select count(*) from offer_sequence where status = 'EXHAUSTED' and "
                             f"id::text = any({sql_list(ids)})").strip()
        return int(out or 0) == len(ids)

    def deadlines_left() -> int:
        out = d.cluster.psql("select count(*) from scheduled_tasks where task_name ="
                             " 'allocation.offer-expiry'").strip()
        return int(out or 0)

    budget = candidates * (RESPONSE_SECONDS + 10) + 90
    try:
        c.wait_for("every sequence exhausted", exhausted, budget, 1)
        # What the killed worker held is taken over after 20 s without its heartbeat.
        c.wait_for("no deadline left", lambda: deadlines_left() == 0, 90, 1)
    except TimeoutError:
        pass

    def rows(sql: str) -> list[list[str]]:
        return [line.split("|") for line in d.cluster.psql(sql).splitlines() if line]

    lost, duplicated = [], []
    offers = rows(
        "select o.sequence_id, o.id, o.rank, o.status, coalesce(o.decline_reason, ''),"
        " extract(epoch from o.offered_at), extract(epoch from o.respond_by),"
        " coalesce(extract(epoch from o.answered_at), 0), o.request_id,"
        " (select count(*) from audit_event a where a.action = 'OFFER_MADE'"
        "   and a.target_id = o.id::text),"
        " (select count(*) from audit_event a where a.action = 'OFFER_EXPIRED'"
        "   and a.target_id = o.id::text)"
        f" from organ_offer o where o.sequence_id::text = any({sql_list(ids)})"
        " order by o.sequence_id, o.rank")
    by_sequence: dict[str, list[list[str]]] = {}
    for o in offers:
        by_sequence.setdefault(o[0], []).append(o)
    statuses = dict((r[0], r[1]) for r in rows(
        f"select id, status from offer_sequence where id::text = any({sql_list(ids)})"))
    lateness = []
    for sid in ids:
        made = by_sequence.get(sid, [])
        if statuses.get(sid) != "EXHAUSTED":
            lost.append(f"sequence {sid} is {statuses.get(sid)} with {len(made)} offers")
        if [o[8] for o in made] != order:
            (duplicated if len(made) > len(order) else lost).append(
                f"sequence {sid} offered {[o[8] for o in made]}")
        for o in made:
            if o[3] != "EXPIRED" or o[4] != "NO_RESPONSE":
                lost.append(f"offer {o[1]} is {o[3]} {o[4]}")
            if int(o[9]) != 1 or int(o[10]) != 1:
                duplicated.append(f"offer {o[1]}: {o[9]} OFFER_MADE, {o[10]} OFFER_EXPIRED")
            if float(o[7]):
                lateness.append(float(o[7]) - float(o[6]))
        for earlier, later in zip(made, made[1:]):
            if float(later[5]) < float(earlier[7]):
                duplicated.append(f"offers {earlier[1]} and {later[1]} were open together")
    left = deadlines_left()
    attempts = dict((r[0], int(r[1])) for r in rows(
        "select outcome, count(*) from scheduled_work_run where task_name ="
        " 'allocation.offer-expiry' group by 1"))
    by_worker = dict((r[0], int(r[1])) for r in rows(
        "select worker, count(*) from scheduled_work_run where task_name ="
        " 'allocation.offer-expiry' group by 1"))
    late = round(max(lateness), 1) if lateness else None
    log(f"{len(offers)} offers in {len(ids)} sequences; attempts {attempts}; latest escalation "
        f"{late} s after its deadline; {left} deadlines left scheduled")

    d.result.update({
        "acknowledged": len(ids),
        "lost": len(lost),
        "duplicated": len(duplicated),
        "errors": load.ledger.error_count(),
        "rto_seconds": late,
        "rpo_seconds": 0.0,
        "sequences": len(ids),
        "candidates": candidates,
        "offers": len(offers),
        "response_seconds": RESPONSE_SECONDS,
        "killed_after_seconds": round(killed_at - started_at, 1),
        "held_by_victim_at_kill": held_at_kill,
        "victim_scheduler": victim_id,
        "expiry_attempts_by_worker": by_worker,
        "expiry_attempts": attempts,
        "deadlines_left": left,
        "lost_samples": lost[:10],
        "duplicated_samples": duplicated[:10],
    })
    d.expect(not lost, f"{len(lost)} sequences or offers did not expire and escalate: {lost[:3]}")
    d.expect(not duplicated, f"{len(duplicated)} doubled offers or expiries: {duplicated[:3]}")
    d.expect(len(offers) == len(ids) * candidates,
             f"{len(offers)} offers, expected {len(ids) * candidates}")
    d.expect(left == 0, f"{left} offer deadlines still scheduled")
    d.expect(late is not None and late <= LATENESS_GOAL,
             f"an escalation came {late} s after its deadline (goal {LATENESS_GOAL} s)")
    d.expect(attempts.get("FAILED", 0) == 0, f"{attempts.get('FAILED')} expiry attempts failed")
    d.expect(held_at_kill >= 1, f"{victim} held no deadline when killed: the drill proved nothing")
