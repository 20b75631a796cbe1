"""trace: one trace per user action across processes. api + scoring + worker export spans over
OTLP to a small receiver; a coordinator starts a match run with a known `traceparent`; the drill
passes only if spans of the api, the scoring target and the worker (the e-mail job the run
queued) all carry that trace id."""

from __future__ import annotations

import secrets
import time

import cluster as c
from drill import Drill, log
from load import (KIDNEY_PLEDGE, KIDNEY_REQUEST, Client, Ledger, Load, donor_profile,
                  patient_profile)
from otlp import Receiver

OTLP_PORT = 15490
SERVICES = {"ramsetu-api", "ramsetu-scoring", "ramsetu-worker"}


def run(d: Drill) -> None:
    d.fresh_cluster()
    receiver = Receiver(OTLP_PORT).start()
    try:
        d.cluster.extra_env = {
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT":
                f"http://127.0.0.1:{OTLP_PORT}/v1/traces",
        }
        d.cluster.up(nodes=2, apps=["scoring1", "api1", "worker1"], redis=False)
        base = c.API_BASE
        load = Load(base, d.cluster.app_data / "mail", d.coordinator(), run_id=str(int(time.time())))
        ledger = Ledger()

        # A donor with a kidney pledge the coordinator verifies, and a patient listed for a kidney.
        donor = Client(base, ledger, load.stop)
        load.sign_up(donor, "DONOR")
        donor.call("profile", "PUT", "/api/v1/donors/me", dict(donor_profile(1), bloodGroup="O+",
                                                            dateOfBirth="1985-04-12"))
        pledge = donor.call("pledge", "POST", "/api/v1/pledges", KIDNEY_PLEDGE).json["id"]
        coordinator = load.centre_coordinator()
        verified = coordinator.call("verify", "POST", f"/api/v1/admin/pledges/{pledge}/verify")
        d.expect(verified.status == 200, f"pledge verification answered {verified.status}")
        patient = Client(base, ledger, load.stop)
        load.sign_up(patient, "PATIENT")
        patient.call("profile", "PUT", "/api/v1/patients/me",
                     dict(patient_profile(1), bloodGroup="O+"))
        listing = patient.call("request", "POST", "/api/v1/transplant-requests",
                               KIDNEY_REQUEST).json["id"]
        load.verify_listing(coordinator, listing)  # a pending listing is not matched

        trace_id = secrets.token_hex(16)
        parent = secrets.token_hex(8)
        r = coordinator.call("match_run", "POST",
                             f"/api/v1/transplant-requests/{listing}/match-runs", {},
                             {"traceparent": f"00-{trace_id}-{parent}-01"})
        d.expect(r.status == 201, f"match run answered {r.status}: {r.text}")
        log(f"match run {r.json and r.json.get('id')} sent with trace id {trace_id}")

        def complete():
            # The api's server span ends last and reaches the receiver in a later export batch
            # than its inner spans: wait for it too, not only for one span of each service.
            spans = receiver.of_trace(trace_id)
            return (SERVICES <= {s.service for s in spans}
                    and any(s.parent_span_id == parent for s in spans))

        try:
            c.wait_for("spans of api, scoring and worker in the trace, the api's under the caller",
                       complete, 60, 1)
        except TimeoutError:
            pass
        spans = receiver.of_trace(trace_id)
        services = sorted({s.service for s in spans})
        d.result.update({
            "acknowledged": 1 if r.status == 201 else 0,
            "errors": ledger.error_count(),
            "rto_seconds": 0.0,
            "rpo_seconds": 0.0,
            "trace_id": trace_id,
            "services": services,
            "same_trace": SERVICES <= set(services),
            "spans_in_trace": len(spans),
            "span_names": sorted({f"{s.service}: {s.name}" for s in spans}),
            "spans_received": len(receiver.spans),
            "parent_of_api_span": any(s.parent_span_id == parent for s in spans),
            # What each service sent, for a failed run: span names of the other traces.
            "other_spans_by_service": {
                svc: sorted({s.name for s in receiver.spans if s.service == svc})[:15]
                for svc in sorted({s.service for s in receiver.spans})},
            "match_run": {k: (r.json or {}).get(k) for k in
                          ("id", "candidateCount", "excludedCount", "degraded", "degradedCause",
                           "excluded")},
            "jobs_with_trace": d.cluster.psql(
                "select type || ' ' || coalesce(trace_parent, 'none') from job "
                "order by created_at desc limit 5"),
        })
        d.expect(SERVICES <= set(services),
                 f"trace {trace_id} has spans of {services}, expected {sorted(SERVICES)}")
        d.expect(any(s.parent_span_id == parent for s in spans),
                 "no span of the api names the caller's span as its parent")
    finally:
        receiver.stop()
