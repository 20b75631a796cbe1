"""rollout: releases go out under a steady load through HAProxy with zero failed client requests,
and a broken release rolls itself back.

1. Blue/green: the next release starts on the idle api slots (api3, api4) in maintenance, must pass
   `ramsetu smoke` on its own address, then takes all traffic at once; the old instances are put
   in drain, finish what they serve and stop gracefully (SIGTERM). The worker is replaced the same
   way: the new one starts, the old one drains its jobs and stops.
2. Canary: the release after it starts on api1 and api2, passes the smoke test, and takes 10 %,
   50 %, then 100 % of the requests (HAProxy weights through the runtime API). Before each step
   the canary's own metrics (/actuator/prometheus) over the step are compared with the stable
   instances': the canary is promoted only while its 5xx ratio stays under 1 %, its p99 under
   max(1 s, twice the stable p99) and its mean latency under max(0.25 s, twice the stable mean).
3. A broken release: the same binary deployed with a CPU limit far too low (a fifth of a core,
   where it needs one or two), applied exactly as Kubernetes applies `limits.cpu`: the CFS quota
   of a cpu cgroup. Every request waits for CPU time; it passes the smoke test (slow, not
   failing), takes 10 %, and the analysis must roll it back by itself.

Every client request is counted: the drill passes only with 0 failed requests, every
acknowledged write present exactly once, the broken release rolled back automatically and the
smoke test passing through the balancer at the end. RAMSETU_PREVIOUS_JAR (the compatibility
check's build of the previous release) makes the first release the previous one, so the first
switch is a real upgrade whose migrations run while the old release serves."""

from __future__ import annotations

import math
import os
import re
import subprocess
import time
from pathlib import Path

import cluster as c
from drill import Drill, check_ledger, log
from load import Client, Load

MAX_ERROR_RATIO = 0.01
P99_FLOOR_SECONDS = 1.0
P99_BASELINE_FACTOR = 2.0
MEAN_FLOOR_SECONDS = 0.25
MEAN_BASELINE_FACTOR = 2.0
MIN_CANARY_REQUESTS = 20
BROKEN_RELEASE_MILLICORES = 200

_SAMPLE = re.compile(r'^http_server_requests_seconds_(count|sum|bucket)\{([^}]*)\} ([0-9.eE+-]+)$')
_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


# ---- the new release's metrics ---------------------------------------------------------------

class CanaryUnreadable(Exception):
    """The canary's metrics did not answer (in time, or at all)."""


def scrape_canary(ports: list[int]) -> list[dict]:
    """The canary's counters; CanaryUnreadable when one of its instances does not answer them."""
    try:
        return [scrape(p) for p in ports]
    except (OSError, RuntimeError) as e:  # a timeout is an OSError
        raise CanaryUnreadable(f"the canary's metrics did not answer: {e}") from e


def scrape(port: int) -> dict:
    """Request counters of one instance, actuator calls left out: total, 5xx, and the cumulative
    latency buckets (the SLO buckets every target publishes)."""
    status, text = c.http_text(f"https://127.0.0.1:{port}/actuator/prometheus")
    if status != 200:
        raise RuntimeError(f"metrics of :{port} answered {status}")
    total, errors, seconds, buckets = 0.0, 0.0, 0.0, {}
    for line in text.splitlines():
        m = _SAMPLE.match(line)
        if not m:
            continue
        labels = dict(_LABEL.findall(m.group(2)))
        if labels.get("uri", "").startswith("/actuator"):
            continue
        value = float(m.group(3))
        if m.group(1) == "count":
            total += value
            if labels.get("status", "").startswith("5"):
                errors += value
        elif m.group(1) == "sum":
            seconds += value
        else:
            le = math.inf if labels["le"] == "+Inf" else float(labels["le"])
            buckets[le] = buckets.get(le, 0.0) + value
    return {"total": total, "errors": errors, "seconds": seconds, "buckets": buckets}


def window(before: list[dict], after: list[dict]) -> dict:
    """What a set of instances served between two scrapes: requests, 5xx ratio, p99 (the upper
    bound of the bucket holding the 99th percentile, as histogram_quantile would bound it)."""
    total = sum(a["total"] - b["total"] for a, b in zip(after, before))
    errors = sum(a["errors"] - b["errors"] for a, b in zip(after, before))
    seconds = sum(a["seconds"] - b["seconds"] for a, b in zip(after, before))
    buckets: dict[float, float] = {}
    for a, b in zip(after, before):
        for le, v in a["buckets"].items():
            buckets[le] = buckets.get(le, 0.0) + v - b["buckets"].get(le, 0.0)
    p99 = None
    if total > 0:
        for le in sorted(buckets):
            if buckets[le] >= 0.99 * total:
                p99 = le
                break
    return {"requests": int(total), "errors": int(errors),
            "error_ratio": round(errors / total, 4) if total else 0.0,
            "mean_seconds": round(seconds / total, 3) if total else None,
            "p99_seconds": p99}


def verdict(canary: dict, stable: dict | None) -> str | None:
    """Why the canary must be rolled back, or None to go on."""
    if canary["error_ratio"] > MAX_ERROR_RATIO:
        return f"5xx ratio {canary['error_ratio']:.1%} > {MAX_ERROR_RATIO:.0%}"
    base = stable["p99_seconds"] if stable and stable["p99_seconds"] not in (None, math.inf) \
        else None
    limit = max(P99_FLOOR_SECONDS, P99_BASELINE_FACTOR * base) if base else P99_FLOOR_SECONDS
    if canary["p99_seconds"] is not None and canary["p99_seconds"] > limit:
        return f"p99 {canary['p99_seconds']} s > {limit:g} s"
    # The buckets are coarse (…, 1 s, 2 s, 5 s): a canary slower across the board can stay in
    # the stable instances' p99 bucket, so the mean is compared too.
    base_mean = stable["mean_seconds"] if stable else None
    if canary["mean_seconds"] is not None and base_mean:
        limit = max(MEAN_FLOOR_SECONDS, MEAN_BASELINE_FACTOR * base_mean)
        if canary["mean_seconds"] > limit:
            return f"mean latency {canary['mean_seconds']} s > {limit:.3f} s"
    return None


class CpuLimit:
    """A CPU limit the way the kubelet sets one: a cpu cgroup whose CFS quota is the limit's share
    of each 100 ms period (cgroup v1 `cpu.cfs_quota_us`, or v2 `cpu.max`)."""

    PERIOD_US = 100_000

    def __init__(self, name: str, millicores: int):
        quota = self.PERIOD_US * millicores // 1000
        v1 = Path("/sys/fs/cgroup/cpu")
        v2 = Path("/sys/fs/cgroup")
        if (v1 / "cpu.cfs_quota_us").exists():
            self.path = v1 / name
            self.path.mkdir(exist_ok=True)
            (self.path / "cpu.cfs_period_us").write_text(str(self.PERIOD_US))
            (self.path / "cpu.cfs_quota_us").write_text(str(quota))
        elif (v2 / "cgroup.controllers").exists() and \
                "cpu" in (v2 / "cgroup.controllers").read_text().split():
            (v2 / "cgroup.subtree_control").write_text("+cpu")
            self.path = v2 / name
            self.path.mkdir(exist_ok=True)
            (self.path / "cpu.max").write_text(f"{quota} {self.PERIOD_US}")
        else:
            raise RuntimeError("no cpu cgroup controller here: the broken release's CPU limit "
                               "cannot be applied")
        self.millicores = millicores

    def add(self, pid: int) -> None:
        (self.path / "cgroup.procs").write_text(str(pid))

    def remove(self) -> None:
        try:
            self.path.rmdir()  # empty once its processes exited
        except OSError as e:
            log(f"cpu cgroup {self.path} left: {e}")


# ---- releases --------------------------------------------------------------------------------

class Rollout:
    def __init__(self, d: Drill, new_jar: Path, mailbox: Path):
        self.d = d
        self.cluster = d.cluster
        self.new_jar = new_jar
        self.mailbox = mailbox
        self.canary_request: str | None = None
        self.events: list[dict] = []
        self.smokes: list[dict] = []

    def event(self, what: str, **detail) -> None:
        detail = {"at": round(time.time(), 1), "event": what, **detail}
        self.events.append(detail)
        log("rollout: " + what + (f" {detail}" if len(detail) > 2 else ""))

    def port(self, name: str) -> int:
        return c.APPS[name][1]

    def start(self, names: list[str], jar: Path, cpu_limit: CpuLimit | None = None) -> None:
        """Starts a release on idle slots; HAProxy keeps them in maintenance (no traffic)."""
        for n in names:
            self.cluster.app_jars[n] = jar
            self.cluster.start_app(n, redis=False, wait=False)
            if cpu_limit:
                cpu_limit.add(self.cluster.pid(n))
        for n in names:
            self.cluster.wait_ready(n, timeout=300)

    def smoke(self, url: str, label: str) -> bool:
        """`ramsetu smoke` of the new release against one address, with a fresh coordinator token
        (the drill outlives an access token)."""
        token_file = self.cluster.root / "smoke-token"
        token_file.write_text(self.d.coordinator_token())
        token_file.chmod(0o600)
        started = time.monotonic()
        run = subprocess.run(
            ["java", "-XX:TieredStopAtLevel=1", "-jar", str(self.new_jar), "smoke", "--url", url,
             "--coordinator-token-file", str(token_file), "--mailbox", str(self.mailbox),
             "--canary-request", self.canary_request, "--timeout", "30",
             "--ca-file", str(self.cluster.tls() / "ca.crt")],
            capture_output=True, text=True, timeout=300)
        passed = run.returncode == 0
        self.smokes.append({"label": label, "url": url, "passed": passed,
                            "seconds": round(time.monotonic() - started, 1),
                            "failures": run.stderr.strip().splitlines()[:10]})
        self.event(f"smoke {label}: {'passed' if passed else 'FAILED'}", url=url)
        if not passed:
            log(run.stdout + run.stderr)
        return passed

    def route(self, weights: dict[str, int]) -> None:
        """Puts servers in service with a weight; weight 0 keeps them up but sends them nothing."""
        for n, w in weights.items():
            self.cluster.haproxy_command(f"set server api/{n} weight {w}")
            self.cluster.haproxy_command(f"set server api/{n} state ready")

    def retire(self, names: list[str]) -> None:
        """Drain (no new requests), wait until what they serve is answered, stop gracefully."""
        for n in names:
            self.cluster.haproxy_command(f"set server api/{n} state drain")
        c.wait_for("retired instances to finish their requests",
                   lambda: all(self.cluster.api_servers_stats()[n]["scur"] == "0" for n in names),
                   60, 0.2)
        for n in names:
            self.cluster.stop(n, timeout=40)
            self.cluster.haproxy_command(f"set server api/{n} state maint")
        self.event("retired", instances=names)

    def analyse(self, canary: list[str], stable: list[str], seconds: float) -> tuple[dict, dict]:
        """Scrapes before and after a step (longer while the canary has served too little).
        Raises CanaryUnreadable when the canary's metrics do not answer."""
        ports_c = [self.port(n) for n in canary]
        ports_s = [self.port(n) for n in stable]
        before_c, before_s = scrape_canary(ports_c), [scrape(p) for p in ports_s]
        deadline = time.monotonic() + 4 * seconds
        time.sleep(seconds)
        while True:
            after_c, after_s = scrape_canary(ports_c), [scrape(p) for p in ports_s]
            seen = window(before_c, after_c)
            if seen["requests"] >= MIN_CANARY_REQUESTS or time.monotonic() > deadline:
                break
            time.sleep(2)
        return seen, (window(before_s, after_s) if stable else None)

    def canary(self, canary: list[str], stable: list[str], steps: list[int],
               seconds: float) -> str | None:
        """Shifts traffic step by step; answers the reason of an automatic rollback, or None once
        the canary serves everything and the stable instances are retired."""
        for percent in steps:
            weights = {n: max(1, round(percent / len(canary))) for n in canary}
            weights.update({n: round((100 - percent) / len(stable)) for n in stable})
            self.route(weights)
            self.event(f"canary at {percent} %", weights=weights)
            if percent == 100:
                break
            try:
                seen, base = self.analyse(canary, stable, seconds)
                why = verdict(seen, base)
            except CanaryUnreadable as unreadable:
                # A release that cannot even answer its metrics cannot be judged healthy: it is
                # rolled back, as an analysis provider's failed measurement aborts a rollout.
                seen, base, why = None, None, str(unreadable)
            self.event(f"analysis at {percent} %", canary=seen, stable=base,
                       decision="rollback: " + why if why else "promote")
            if why:
                self.route({n: 100 for n in stable})
                self.retire(canary)
                self.event("rolled back", reason=why)
                return why
        self.retire(stable)
        return None


def run(d: Drill) -> None:
    quick = d.quick
    d.fresh_cluster()
    new_jar = d.cluster.jar()
    d.cluster.ensure_jar()
    previous = os.environ.get("RAMSETU_PREVIOUS_JAR")
    first_jar = Path(previous) if previous and Path(previous).exists() else new_jar
    d.result["first_release"] = str(first_jar)
    d.result["new_release"] = str(new_jar)
    for n in ("api1", "api2", "worker1", "scoring1"):
        d.cluster.app_jars[n] = first_jar
    d.cluster.up(nodes=2, apps=["scoring1", "api1", "api2", "worker1"], redis=False)
    base = f"{c.API_BASE}/"
    mailbox = d.cluster.app_data / "mail"
    rollout = Rollout(d, new_jar, mailbox)
    load = Load(base, mailbox, d.coordinator(), run_id=str(int(time.time())),
                users=4 if quick else 6)
    rollout.canary_request = load.canary_listing(Client(base, load.ledger, load.stop))
    d.expect(rollout.smoke(base, "first release"), "the first release failed its smoke test")

    step_seconds = 20 if quick else 40
    load.start()
    time.sleep(10 if quick else 30)

    # 1. Blue/green: api3 + api4 take over from api1 + api2; worker2 from worker1.
    rollout.event("blue/green: starting the next release on api3, api4, worker2")
    d.cluster.app_jars["worker2"] = new_jar
    d.cluster.start_app("worker2", redis=False, wait=False)  # starts beside api3 and api4
    rollout.start(["api3", "api4"], new_jar)
    d.cluster.wait_ready("worker2", timeout=300)
    if rollout.smoke(d.cluster.app_url("api3"), "green api3"):
        rollout.route({"api3": 100, "api4": 100})
        rollout.retire(["api1", "api2"])
        d.cluster.stop("worker1", timeout=40)  # drains its jobs: mail codes keep arriving
        rollout.event("blue/green switched")
    else:
        d.fail("the green release failed its smoke test")
        rollout.retire(["api3", "api4"])
    time.sleep(step_seconds / 2)

    # 2. Canary of the release after it on api1 + api2: 10 % -> 50 % -> 100 %.
    rollout.event("canary: starting the next release on api1, api2")
    rollout.start(["api1", "api2"], new_jar)
    why = None
    if rollout.smoke(d.cluster.app_url("api1"), "canary api1"):
        why = rollout.canary(["api1", "api2"], ["api3", "api4"], [10, 50, 100], step_seconds)
        d.expect(why is None, f"the good canary was rolled back: {why}")
    else:
        d.fail("the canary failed its smoke test")
    time.sleep(step_seconds / 2)

    # 3. A broken release on api3 at 10 %: the analysis must roll it back by itself.
    rollout.event(f"broken release: starting it on api3 with a CPU limit of "
                  f"{BROKEN_RELEASE_MILLICORES}m")
    too_little_cpu = CpuLimit("ramsetu-drill-broken-release", BROKEN_RELEASE_MILLICORES)
    rollout.start(["api3"], new_jar, too_little_cpu)
    broken_why = None
    if rollout.smoke(d.cluster.app_url("api3"), "broken api3"):
        broken_why = rollout.canary(["api3"], ["api1", "api2"], [10, 50, 100], step_seconds)
    else:
        rollout.retire(["api3"])
        rollout.event("rolled back", reason="smoke test")
        broken_why = "smoke test"
    d.expect(broken_why is not None, "the broken release was promoted instead of rolled back")
    d.expect(d.cluster.pid("api3") is None, "the broken release still runs after its rollback")
    if d.cluster.pid("api3") is None:
        too_little_cpu.remove()

    time.sleep(5)
    load.finish()
    d.expect(rollout.smoke(base, "after the releases"), "the smoke test through HAProxy failed")

    d.expect(not load.failures, f"journeys broke on unexpected answers: {load.failures[:5]}")
    check = check_ledger(d.cluster, load.ledger)
    failed_requests = load.ledger.error_count()
    d.result.update({
        "acknowledged": check["acknowledged"],
        "by_kind": check["by_kind"],
        "lost": len(check["lost"]),
        "duplicated": len(check["duplicated"]),
        "errors": failed_requests,
        "errors_by_call": dict(load.ledger.errors),
        "error_samples": list(load.ledger.error_samples),
        "client_requests": load.ledger.attempts,
        "rto_seconds": 0.0 if failed_requests == 0 else None,
        "rpo_seconds": 0.0 if not check["lost"] else None,
        "broken_release_rolled_back_because": broken_why,
        "analysis_thresholds": {"max_error_ratio": MAX_ERROR_RATIO,
                                "p99_floor_seconds": P99_FLOOR_SECONDS,
                                "p99_baseline_factor": P99_BASELINE_FACTOR,
                                "mean_floor_seconds": MEAN_FLOOR_SECONDS,
                                "mean_baseline_factor": MEAN_BASELINE_FACTOR},
        "smoke_tests": rollout.smokes,
        "events": rollout.events,
    })
    d.expect(check["acknowledged"] > 0, "no write was acknowledged")
    d.expect(failed_requests == 0,
             f"{failed_requests} client requests failed: {dict(load.ledger.errors)}")
    d.expect(not check["lost"], f"lost acknowledged writes: {check['lost'][:10]}")
    d.expect(not check["duplicated"], f"duplicated writes: {check['duplicated'][:10]}")
