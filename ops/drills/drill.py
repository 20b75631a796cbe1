"""What every drill shares: its own cluster folder, the result file, the ledger check."""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cluster"))
import cluster as c  # noqa: E402
from cluster import log  # noqa: E402,F401

REPO = c.REPO
COORDINATOR_EMAIL = "coordinator@cluster.ramsetu.test"


class Drill:
    """One drill run: starts its own cluster in a fresh folder, always stops it by PID, and writes
    target/drills/NAME.json with the fields every drill reports."""

    def __init__(self, name: str, quick: bool, keep: bool = False):
        self.name = name
        self.quick = quick
        self.keep = keep
        root = Path(os.environ.get("RAMSETU_CLUSTER_DIR", f"/tmp/ramsetu-drill-{name}"))
        self.cluster = c.Cluster(root)
        self.result = {
            "drill": name,
            "quick": quick,
            "passed": False,
            "acknowledged": 0,
            "lost": 0,
            "duplicated": 0,
            "errors": 0,
            "rto_seconds": None,
            "rpo_seconds": None,
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "load_average": os.getloadavg()[0],
            "failures": [],
        }

    def fresh_cluster(self) -> None:
        busy = [p for p in (c.PG_WRITE, c.API_LB, c.ETCD[0][1], c.REDIS[0][1]) if c.port_open(p)]
        if busy:
            raise RuntimeError(f"ports {busy} are in use: stop the other cluster first "
                               "(ops/cluster/down)")
        self.cluster.down(wipe=True)

    def fail(self, reason: str) -> None:
        self.result["failures"].append(reason)

    def expect(self, condition: bool, reason: str) -> None:
        if not condition:
            self.fail(reason)

    def expect_no_server_errors(self, ledger) -> None:
        """Only 503 (with Retry-After) is an honest answer while a dependency fails over; a 500
        or a truncated answer is a defect of the product."""
        defects = {k: v for k, v in ledger.errors.items()
                   if k.rsplit(":", 1)[-1] in ("500", "502", "504", "IncompleteRead")}
        self.result["server_defects"] = defects
        self.expect(not defects, f"answers that are defects, not outages: {defects}")

    def coordinator(self) -> tuple[str, str, Path]:
        """E-mail, password and the file with the authenticator secret of the bootstrap coordinator."""
        return COORDINATOR_EMAIL, self.cluster.secret("coordinator"), self.cluster.authenticator()

    def coordinator_token(self) -> str:
        """A fresh access token of the bootstrap coordinator, signed in through the load balancer."""
        def post(path, body):
            try:
                return c.http_json(f"{c.API_BASE}{path}", "POST", body, timeout=10)
            except urllib.error.HTTPError as refused:
                return refused.code, refused.read().decode(errors="replace")
        return c.sign_in(post, *self.coordinator())["accessToken"]

    def finish(self) -> int:
        self.result["passed"] = not self.result["failures"]
        self.result["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        out = REPO / "target" / "drills" / f"{self.name}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(self.result, indent=2) + "\n")
        log(f"{self.name}: {'PASSED' if self.result['passed'] else 'FAILED'} -> {out}")
        print(json.dumps(self.result, indent=2))
        return 0 if self.result["passed"] else 1

    def teardown(self) -> None:
        if self.keep:
            log(f"--keep: the cluster in {self.cluster.root} still runs; ops/cluster/down stops it"
                f" (RAMSETU_CLUSTER_DIR={self.cluster.root})")
            return
        self.cluster.down()


def sql_list(values) -> str:
    quoted = ",".join("'" + str(v).replace("'", "''") + "'" for v in values)
    return f"array[{quoted}]::text[]"


def check_ledger(cluster: c.Cluster, ledger, port: int = c.PG_WRITE) -> dict:
    """Looks up every acknowledged write row by row; returns counts and the missing keys."""

    def rows(sql: str) -> list[list[str]]:
        out = cluster.psql(sql, port=port)
        return [line.split("|") for line in out.splitlines() if line]

    acked = {kind: [a for a in ledger.acks if a.kind == kind]
             for kind in {a.kind for a in ledger.acks}}
    lost: list[str] = []
    duplicated: list[str] = []

    def present(kind: str, sql_for) -> None:
        items = acked.get(kind, [])
        if not items:
            return
        found = {r[0]: int(r[1]) for r in rows(sql_for([a.key for a in items]))}
        for a in items:
            count = found.get(a.key.lower() if kind == "account" else a.key, 0)
            if count == 0:
                lost.append(f"{kind} {a.key}")
            elif count > 1:
                duplicated.append(f"{kind} {a.key} x{count}")

    present("account", lambda keys: f"select lower(email), count(*) from account "
                                    f"where lower(email) = any({sql_list(k.lower() for k in keys)})"
                                    f" group by 1")
    present("donor_profile", lambda keys: f"select account_id::text, count(*) from donor_profile "
                                          f"where account_id::text = any({sql_list(keys)}) group by 1")
    present("patient_profile", lambda keys: f"select account_id::text, count(*) from "
                                            f"patient_profile where account_id::text = "
                                            f"any({sql_list(keys)}) group by 1")
    present("pledge", lambda keys: f"select id::text, count(*) from pledge "
                                   f"where id::text = any({sql_list(keys)}) group by 1")
    present("verification", lambda keys: f"select id::text, count(*) from pledge where status in "
                                         f"('VERIFIED','DONATED') and id::text = "
                                         f"any({sql_list(keys)}) group by 1")
    present("listing_verification", lambda keys: f"select id::text, count(*) from "
                                                 f"transplant_request where verified_at is not "
                                                 f"null and id::text = any({sql_list(keys)}) "
                                                 f"group by 1")
    present("request", lambda keys: f"select id::text, count(*) from transplant_request "
                                    f"where id::text = any({sql_list(keys)}) group by 1")
    present("match_run", lambda keys: f"select id::text, count(*) from match_run "
                                      f"where id::text = any({sql_list(keys)}) group by 1")

    # One logical write, two rows: pledges per donor and organ, listings per patient and organ,
    # coordinator-started match runs per listing (the drill runs each listing once).
    donors = {a.detail.get("donor") for a in acked.get("pledge", [])}
    if donors:
        for r in rows(f"select donor_id::text, organ, count(*) from pledge where donor_id::text = "
                      f"any({sql_list(donors)}) group by 1, 2 having count(*) > 1"):
            duplicated.append(f"pledge donor {r[0]} {r[1]} x{r[2]}")
    patients = {a.detail.get("patient") for a in acked.get("request", [])}
    if patients:
        for r in rows(f"select patient_id::text, organ, count(*) from transplant_request where "
                      f"patient_id::text = any({sql_list(patients)}) group by 1, 2 "
                      f"having count(*) > 1"):
            duplicated.append(f"listing patient {r[0]} {r[1]} x{r[2]}")
    listings = {a.detail.get("request") for a in acked.get("match_run", [])}
    if listings:
        for r in rows(f"select request_id::text, count(*) from match_run where rescored_from is "
                      f"null and request_id::text = any({sql_list(listings)}) group by 1 "
                      f"having count(*) > 1"):
            duplicated.append(f"match run of listing {r[0]} x{r[1]}")
    return {
        "acknowledged": len(ledger.acks),
        "by_kind": {k: len(v) for k, v in sorted(acked.items())},
        "lost": lost,
        "duplicated": duplicated,
    }
