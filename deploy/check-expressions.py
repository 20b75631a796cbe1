#!/usr/bin/env python3
"""Checks the alert rules and dashboards of deploy/ against a real Prometheus scraping a real
RamSetu (python3 standard library only; run through deploy/check, which installs the tools).

Static part:
  promtool check rules / test rules, promtool check config (prometheus.example.yml),
  amtool check-config and routes (alertmanager.example.yml), blackbox --config.check,
  every alert has a firing and a non-firing unit test, dashboards are well-formed.
Live part (skipped with --static):
  starts, on loopback and free ports, `java -jar app/target/ramsetu.jar serve` on embedded
  defaults (RAMSETU_JAR overrides the jar), prometheus-postgres-exporter on its embedded
  PostgreSQL, redis-server + prometheus-redis-exporter, prometheus-node-exporter, a TLS endpoint
  probed by prometheus-blackbox-exporter, and Prometheus scraping them every 2 s with the rules
  loaded; makes requests so that request, job and scoring series exist; then
  - every rule evaluates without error and every alert has severity page|ticket, a summary,
    a description and a runbook_url naming an existing ops/ file (and heading);
  - every expression of the rules and dashboards is accepted by the query API;
  - every metric name they use exists in Prometheus (/api/v1/label/__name__/values), unless it
    is a recording rule of deploy/prometheus/rules or in ALLOWED below;
  - every label they match on exists on that metric, and every exact value (`="..."`) on some
    series of it (except ALLOWED_VALUES).
Stops everything it started (by PID) and prints one line per problem; exit 1 if any.
"""
import argparse
import base64
import fnmatch
import http.server
import io
import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The authenticator's codes are computed as the local cluster's clients compute them.
sys.path.insert(0, str(ROOT / "ops" / "cluster"))
from cluster import totp  # noqa: E402
PROM_DIR = ROOT / "deploy" / "prometheus"
RULE_FILES = sorted((PROM_DIR / "rules").glob("*.yml"))
TEST_FILES = sorted((PROM_DIR / "tests").glob("*.yml"))
DASHBOARDS = sorted((ROOT / "deploy" / "grafana" / "dashboards").glob("*.json"))
SCRAPE = 2  # seconds, scrape and rule evaluation interval of the check's Prometheus

# Metrics the check cannot make appear, each with why. The name must still be found in the
# binary that exports it (a meter name in the application jar), so that a rename is noticed.
ALLOWED = {
    # The HTTP scoring client (its breaker and time limiter) exists only on the api
    # and worker targets (ResilientScoringConfiguration); `all`, which the check runs, scores
    # in-process.
    "resilience4j_circuitbreaker_state": ("split targets only", "resilience4j-micrometer-*.jar", "resilience4j.circuitbreaker.state"),
    "resilience4j_circuitbreaker_calls_seconds_count": ("split targets only", "resilience4j-micrometer-*.jar", "resilience4j.circuitbreaker.calls"),
    "resilience4j_circuitbreaker_calls_seconds_sum": ("split targets only", "resilience4j-micrometer-*.jar", "resilience4j.circuitbreaker.calls"),
    "resilience4j_circuitbreaker_not_permitted_calls_total": ("split targets only", "resilience4j-micrometer-*.jar", "resilience4j.circuitbreaker.not.permitted.calls"),
    "resilience4j_timelimiter_calls_total": ("split targets only", "resilience4j-micrometer-*.jar", "resilience4j.timelimiter.calls"),
    # Registered only when RAMSETU_DB_READ_URL names a read replica (ReplicaReads).
    "ramsetu_db_replica_lag_seconds": ("needs a read replica", "ramsetu-*.jar", "ramsetu.db.replica.lag.seconds"),
    "ramsetu_db_replica_in_use": ("needs a read replica", "ramsetu-*.jar", "ramsetu.db.replica.in.use"),
    "ramsetu_db_replica_reads_total": ("needs a read replica", "ramsetu-*.jar", "ramsetu.db.replica.reads"),
    # postgres_exporter reports pg_stat_replication rows only on a primary with a streaming
    # standby; the embedded PostgreSQL has none.
    "pg_stat_replication_pg_wal_lsn_diff": ("needs a streaming standby", None, None),
}

# Label values (exact `=` matchers) that cannot appear in the check's short life.
ALLOWED_VALUES = {
    ("status", "503"): "runs refused by the full bulkhead, or requests during a database failover",
}

# What to do when a metric is missing, for the ones that have a known cause.
HINTS = {
    "http_server_requests_seconds_bucket": "the latency SLO needs the le=\"0.5\" bucket: list 500ms in "
    "management.metrics.distribution.slo.http.server.requests (app/src/main/resources/application.properties, "
    "docs/observability.md)",
}

problems = []
started = []  # (name, Popen), stopped in reverse order


def problem(where, what):
    problems.append(f"{where}: {what}")


def say(text):
    print(f"deploy/check: {text}", file=sys.stderr, flush=True)


def rel(path):
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


# ---------------------------------------------------------------------------------------------
# Static checks


def check_static():
    r = run(["promtool", "check", "rules", *map(str, RULE_FILES)])
    if r.returncode:
        for line in (r.stdout + r.stderr).splitlines():
            if line.strip() and "SUCCESS" not in line and not line.startswith("Checking"):
                problem("promtool check rules", line.strip())
    r = run(["promtool", "test", "rules", *map(str, TEST_FILES)])
    if r.returncode:
        before, current = len(problems), "promtool test rules"
        for line in (r.stdout + r.stderr).splitlines():
            m = re.match(r"Unit Testing:\s+(\S+)", line)
            if m:
                current = rel(m.group(1))
            m = re.match(r"\s*alertname: (\S+), time: (\S+),", line)
            if m:
                problem(current, f"unit test of {m.group(1)} at {m.group(2)}: the alerts differ from exp_alerts (promtool test rules {current})")
            elif re.search(r"error|expr:", line, re.I) and not re.search(r"Labels:|Annotations:", line):
                problem(current, line.strip())
        if len(problems) == before:
            problem("promtool test rules", " | ".join((r.stdout + r.stderr).strip().splitlines()[-3:]))
    r = run(["promtool", "check", "config", str(PROM_DIR / "prometheus.example.yml")])
    if r.returncode:
        problem(rel(PROM_DIR / "prometheus.example.yml"), (r.stdout + r.stderr).strip().splitlines()[-1])
    am = PROM_DIR / "alertmanager.example.yml"
    r = run(["amtool", "check-config", str(am)])
    if r.returncode:
        problem(rel(am), " ".join((r.stdout + r.stderr).split())[-300:])
    for labels, receivers in [(["severity=page", "alertname=RamsetuPostgresDown"], "pager,ticket"),
                              (["severity=ticket", "alertname=RamsetuQueueDeadJobs"], "ticket")]:
        r = run(["amtool", "config", "routes", "test", f"--config.file={am}", f"--verify.receivers={receivers}", *labels])
        if r.returncode:
            problem(rel(am), f"{' '.join(labels)} should reach {receivers}: {' '.join(r.stdout.split())}")
    bb = PROM_DIR / "blackbox.example.yml"
    r = run(["prometheus-blackbox-exporter", f"--config.file={bb}", "--config.check"])
    if r.returncode:
        problem(rel(bb), " ".join((r.stdout + r.stderr).split())[-300:])
    check_test_coverage()
    check_dashboards_structure()


def alert_names_in_rule_files():
    names = {}
    for f in RULE_FILES:
        for line in f.read_text().splitlines():
            m = re.match(r"\s*-\s*alert:\s*(\S+)", line)
            if m:
                names.setdefault(m.group(1), rel(f))
    return names


def check_test_coverage():
    """Every alert name needs a unit test where it fires and one where it must not (the test
    files keep `alertname:` before `exp_alerts:` in every entry)."""
    fires, silent = set(), set()
    for f in TEST_FILES:
        current = None
        for line in f.read_text().splitlines():
            m = re.match(r"\s*(?:-\s*)?alertname:\s*(\S+)", line)
            if m:
                current = m.group(1)
                continue
            m = re.match(r"\s*exp_alerts:\s*(\[\s*\])?\s*$", line)
            if m and current:
                (silent if m.group(1) else fires).add(current)
                current = None
    for name, where in alert_names_in_rule_files().items():
        if name not in fires:
            problem(where, f"alert {name} has no unit test in which it fires (deploy/prometheus/tests)")
        if name not in silent:
            problem(where, f"alert {name} has no unit test in which it must not fire (exp_alerts: [])")


def dashboard_panels(panels):
    for p in panels:
        yield p
        yield from dashboard_panels(p.get("panels", []))


def check_dashboards_structure():
    uids = {}
    for f in DASHBOARDS:
        where = rel(f)
        try:
            d = json.loads(f.read_text())
        except ValueError as e:
            problem(where, f"not JSON: {e}")
            continue
        if d.get("uid") in uids:
            problem(where, f"uid {d.get('uid')} also used by {uids[d['uid']]}")
        uids[d.get("uid")] = where
        if not isinstance(d.get("schemaVersion"), int) or d["schemaVersion"] < 36:
            problem(where, f"schemaVersion {d.get('schemaVersion')} (expected 36 or later)")
        if not any(i.get("name") == "DS_PROMETHEUS" for i in d.get("__inputs", [])):
            problem(where, "no __inputs entry DS_PROMETHEUS")
        ids = set()
        for p in dashboard_panels(d.get("panels", [])):
            if p.get("id") in ids:
                problem(where, f"panel id {p.get('id')} used twice")
            ids.add(p.get("id"))
            if "gridPos" not in p:
                problem(where, f"panel {p.get('title')!r} has no gridPos")
            for t in p.get("targets", []):
                uid = (t.get("datasource") or p.get("datasource") or {}).get("uid")
                if uid != "${DS_PROMETHEUS}":
                    problem(where, f"panel {p.get('title')!r}: datasource uid {uid!r}, expected ${{DS_PROMETHEUS}}")


# ---------------------------------------------------------------------------------------------
# PromQL: metric names and matchers used by an expression

TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)
  | (?P<num>0[xX][0-9a-fA-F]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:(?:ms|[smhdwy])(?:\d+(?:ms|[smhdwy]))*)?)
  | (?P<ident>[A-Za-z_:][A-Za-z0-9_:]*)
  | (?P<op>=~|!~|!=|==|<=|>=|[-+*/%^<>=(){}\[\],@])
""", re.X)
AGGREGATIONS = {"sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values",
                "bottomk", "topk", "quantile"}
LABEL_LISTS = {"by", "without", "on", "ignoring", "group_left", "group_right"}
KEYWORDS = {"and", "or", "unless", "bool", "offset", "atan2", "inf", "nan"}


def tokenize(expr):
    out, pos = [], 0
    while pos < len(expr):
        m = TOKEN.match(expr, pos)
        if not m:
            raise ValueError(f"cannot read {expr[pos:pos + 20]!r}")
        pos = m.end()
        if m.lastgroup not in ("ws", "comment"):
            out.append((m.lastgroup, m.group()))
    return out


def unquote(s):
    if s.startswith("`"):
        return s[1:-1]
    return json.loads('"' + s[1:-1].replace("\\'", "'") + '"') if s[0] == "'" else json.loads(s)


def skip_parens(toks, i):
    """toks[i] is '('; returns the index after its matching ')'."""
    depth = 0
    while i < len(toks):
        if toks[i][1] == "(":
            depth += 1
        elif toks[i][1] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def read_matchers(toks, i):
    """toks[i] is just after '{'; returns ([(label, op, value)], index after '}')."""
    matchers = []
    while i < len(toks) and toks[i][1] != "}":
        if toks[i][0] == "ident" and i + 2 < len(toks) and toks[i + 2][0] == "str":
            matchers.append((toks[i][1], toks[i + 1][1], unquote(toks[i + 2][1])))
            i += 3
        else:
            i += 1
    return matchers, i + 1


def selectors(expr):
    """[(metric name or None, [(label, op, value)])] of every vector selector in expr."""
    toks, out, i = tokenize(expr), [], 0
    while i < len(toks):
        kind, text = toks[i]
        nxt = toks[i + 1][1] if i + 1 < len(toks) else None
        if kind == "ident":
            low = text.lower()
            if low in LABEL_LISTS:
                i = skip_parens(toks, i + 1) if nxt == "(" else i + 1
            elif low in KEYWORDS or low in AGGREGATIONS or nxt == "(":
                i += 1
            elif nxt == "{":
                matchers, i = read_matchers(toks, i + 2)
                out.append((text, matchers))
            else:
                out.append((text, []))
                i += 1
        elif text == "{":
            matchers, i = read_matchers(toks, i + 1)
            names = [v for (l, op, v) in matchers if l == "__name__" and op == "="]
            out.append((names[0] if names else None, [m for m in matchers if m[0] != "__name__"]))
        elif text == "[":
            while i < len(toks) and toks[i][1] != "]":
                i += 1
            i += 1
        else:
            i += 1
    return out


GRAFANA_BUILTINS = re.compile(r"\$\{?__(rate_interval|interval|range)(?::\w+)?\}?")


def grafana_to_promql(expr, variables):
    """Replaces Grafana's interval variables by 5m and the dashboard's own variables by .*."""
    expr = GRAFANA_BUILTINS.sub("5m", expr)
    for v in variables:
        expr = re.sub(r"\$\{" + re.escape(v) + r"(?::\w+)?\}|\$" + re.escape(v) + r"\b", ".*", expr)
    return expr


def dashboard_expressions():
    """[(where, promql, label_values label or None)] of every panel target and variable."""
    out = []
    for f in DASHBOARDS:
        try:
            d = json.loads(f.read_text())
        except ValueError:
            continue
        variables = [v.get("name") for v in d.get("templating", {}).get("list", [])]
        for v in d.get("templating", {}).get("list", []):
            if v.get("type") != "query":
                continue
            q = v.get("query")
            q = q.get("query", "") if isinstance(q, dict) else (q or "")
            m = re.fullmatch(r"\s*label_values\((.*),\s*(\w+)\s*\)\s*", q)
            if m:
                out.append((f"{rel(f)} variable {v['name']}", grafana_to_promql(m.group(1), variables), m.group(2)))
            elif re.fullmatch(r"\s*query_result\((.*)\)\s*", q):
                out.append((f"{rel(f)} variable {v['name']}", grafana_to_promql(q.strip()[13:-1], variables), None))
            else:
                problem(rel(f), f"variable {v.get('name')}: query {q!r} is not label_values(...) or query_result(...)")
        for p in dashboard_panels(d.get("panels", [])):
            for t in p.get("targets", []):
                if t.get("expr"):
                    out.append((f"{rel(f)} panel {p.get('title')!r}", grafana_to_promql(t["expr"], variables), None))
    return out


# ---------------------------------------------------------------------------------------------
# Markdown anchors (GitHub's heading slugs)


def heading_slugs(path):
    slugs, fenced = set(), False
    for line in path.read_text().splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        m = None if fenced else re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            slug = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-")
            slugs.add(slug)
    return slugs


def check_runbook(where, url):
    path, _, anchor = url.partition("#")
    path = re.sub(r"^.*?/(ops/)", r"\1", path) if "://" in path else path
    target = ROOT / path
    if not path.startswith("ops/") or not target.is_file():
        problem(where, f"runbook_url {url!r} does not name a file in ops/")
    elif anchor and anchor not in heading_slugs(target):
        problem(where, f"runbook_url {url!r}: {path} has no heading #{anchor}")


# ---------------------------------------------------------------------------------------------
# Processes


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(name, cmd, log, env=None):
    say(f"starting {name}")
    out = open(log, "wb")
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                         env={**os.environ, **(env or {})})
    started.append((name, p))
    return p


def stop_all():
    for name, p in reversed(started):
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(timeout=40 if name == "ramsetu" else 10)
            except subprocess.TimeoutExpired:
                say(f"{name} (pid {p.pid}) did not stop on SIGTERM; killing it")
                p.kill()
                p.wait(timeout=10)
    started.clear()


# The bootstrap coordinator's authenticator, provisioned for this check's throw-away instance.
CHECK_TOTP_SECRET = base64.b32encode(os.urandom(20)).decode()


def http_json(url, data=None, headers=None, timeout=10):
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read() or b"null")
        except ValueError:
            return e.code, None


def wait_for(what, predicate, timeout, process=None, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            tail = Path(log).read_text(errors="replace").splitlines()[-5:] if log else []
            raise RuntimeError(f"{what}: process exited with {process.returncode}: " + " | ".join(tail))
        try:
            value = predicate()
            if value:
                return value
        except (OSError, ValueError, urllib.error.URLError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{what}: not within {timeout} s")


class TlsEndpoint(threading.Thread):
    """An HTTPS endpoint with a fresh self-signed certificate, for the blackbox probe."""

    def __init__(self, tmp, port):
        super().__init__(daemon=True)
        self.cert, key = tmp / "tls.crt", tmp / "tls.key"
        r = run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                 "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                 "-keyout", str(key), "-out", str(self.cert)])
        if r.returncode:
            raise RuntimeError("openssl req: " + r.stderr.strip())

        class Ok(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Ok)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)

    def run(self):
        self.server.serve_forever()


# ---------------------------------------------------------------------------------------------
# Live check


class Prom:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}/api/v1/"

    def get(self, path, **params):
        url = self.base + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
        status, body = http_json(url, timeout=30)
        if body is None or body.get("status") != "success":
            raise ValueError((body or {}).get("error", f"HTTP {status}"))
        return body["data"]


def jar_strings(jar, pattern):
    """All bytes of the class files in the nested jars of `jar` whose name matches pattern."""
    chunks = []
    with zipfile.ZipFile(jar) as outer:
        for entry in outer.namelist():
            if entry.startswith("BOOT-INF/lib/") and fnmatch.fnmatch(entry[len("BOOT-INF/lib/"):], pattern):
                with zipfile.ZipFile(io.BytesIO(outer.read(entry))) as inner:
                    chunks.extend(inner.read(n) for n in inner.namelist() if n.endswith(".class"))
    return b"\n".join(chunks)


def traffic(app):
    """Requests that make the series the rules and dashboards read: SLO routes (2xx, 4xx, match
    and allocation runs), a queued job (sign-up mail), a scoring call."""
    base = f"http://127.0.0.1:{app}"
    http_json(base + "/api/v1/auth/signup", {"email": "check@example.org", "password": "a long pass phrase",
                                               "role": "DONOR", "fullName": "Deploy Check"})
    status, body = http_json(base + "/api/v1/auth/login", {"email": "ops-check@example.org",
                                                            "password": "deploy check pass phrase"})
    if status == 202:  # a coordinator's second factor, from the secret provisioned below
        status, body = http_json(base + "/api/v1/auth/second-factor", {
            "challenge": body["challenge"], "code": totp(CHECK_TOTP_SECRET, int(time.time()) // 30)})
    if status != 200:
        problem("live check", f"could not log in as the bootstrap coordinator (HTTP {status})")
        return
    auth = {"Authorization": "Bearer " + body["accessToken"]}
    http_json(base + "/api/v1/me", headers=auth)
    nil = "00000000-0000-0000-0000-000000000000"
    http_json(base + f"/api/v1/transplant-requests/{nil}/match-runs", {}, headers=auth)
    http_json(base + f"/api/v1/pledges/{nil}/allocation-runs", {}, headers=auth)
    status, models = http_json(base + "/v1/models", headers=auth)
    kidney = [m for m in (models or {}).get("models", []) if m.get("organ") == "kidney"]
    if not kidney:
        problem("live check", f"GET /v1/models listed no kidney model (HTTP {status})")
        return
    features = {f: 1.0 for f in kidney[0]["features"]}
    status, _ = http_json(base + "/v1/models/kidney/score", {"candidates": [{"id": "c1", "features": features}]}, headers=auth)
    if status != 200:
        problem("live check", f"POST /v1/models/kidney/score answered HTTP {status}")


def check_live(jar, tmp):
    ports = {k: free_port() for k in ("app", "prom", "pgexp", "redis", "redisexp", "node", "blackbox", "tls")}
    data = tmp / "data"
    data.mkdir()
    java_opts = os.environ.get("RAMSETU_CHECK_JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").split()
    app_log = tmp / "ramsetu.log"
    app = start("ramsetu", ["java", *java_opts, "-jar", str(jar), "serve", "--port", str(ports["app"])], app_log,
                env={"RAMSETU_DATA_DIR": str(data),
                     "RAMSETU_BOOTSTRAP_ADMIN_EMAIL": "ops-check@example.org",
                     "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD": "deploy check pass phrase",
                     "RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET": CHECK_TOTP_SECRET})
    start("redis-server", ["redis-server", "--port", str(ports["redis"]), "--bind", "127.0.0.1", "--save", "",
                           "--appendonly", "no", "--dir", str(tmp)], tmp / "redis.log")
    start("redis-exporter", ["prometheus-redis-exporter", f"--redis.addr=redis://127.0.0.1:{ports['redis']}",
                             f"--web.listen-address=127.0.0.1:{ports['redisexp']}"], tmp / "redis-exporter.log")
    start("node-exporter", ["prometheus-node-exporter", f"--web.listen-address=127.0.0.1:{ports['node']}"],
          tmp / "node-exporter.log")
    tls = TlsEndpoint(tmp, ports["tls"])
    tls.start()
    (tmp / "blackbox.yml").write_text(json.dumps({"modules": {"https_check": {
        "prober": "http", "timeout": "5s",
        "http": {"fail_if_not_ssl": True, "preferred_ip_protocol": "ip4",
                 "tls_config": {"ca_file": str(tls.cert)}}}}}))
    start("blackbox-exporter", ["prometheus-blackbox-exporter", f"--config.file={tmp / 'blackbox.yml'}",
                                f"--web.listen-address=127.0.0.1:{ports['blackbox']}"], tmp / "blackbox.log")

    def job(name, port, **extra):
        return {"job_name": name, "static_configs": [{"targets": [f"127.0.0.1:{port}"]}], **extra}

    config = {
        "global": {"scrape_interval": f"{SCRAPE}s", "evaluation_interval": f"{SCRAPE}s", "scrape_timeout": f"{SCRAPE}s"},
        "rule_files": [str(f) for f in RULE_FILES],
        "scrape_configs": [
            job("ramsetu", ports["app"], metrics_path="/actuator/prometheus"),
            job("postgres", ports["pgexp"]),
            job("redis", ports["redisexp"]),
            job("node", ports["node"]),
            {"job_name": "blackbox", "metrics_path": "/probe", "params": {"module": ["https_check"]},
             "static_configs": [{"targets": [f"https://localhost:{ports['tls']}/"]}],
             "relabel_configs": [
                 {"source_labels": ["__address__"], "target_label": "__param_target"},
                 {"source_labels": ["__param_target"], "target_label": "instance"},
                 {"target_label": "__address__", "replacement": f"127.0.0.1:{ports['blackbox']}"}]},
        ],
    }
    (tmp / "prometheus.yml").write_text(json.dumps(config))
    # native-histograms makes Prometheus 2.42 scrape in protobuf: in OpenMetrics it rejects the
    # application's exemplars on summary counts (fixed in 2.43; docs/observability.md).
    start("prometheus", ["prometheus", f"--config.file={tmp / 'prometheus.yml'}", f"--storage.tsdb.path={tmp / 'tsdb'}",
                         f"--web.listen-address=127.0.0.1:{ports['prom']}", "--log.level=warn",
                         "--enable-feature=native-histograms"], tmp / "prometheus.log")
    prom = Prom(ports["prom"])

    readiness = f"http://127.0.0.1:{ports['app']}/actuator/health/readiness"
    wait_for("ramsetu readiness", lambda: http_json(readiness, timeout=5)[0] == 200, 240, app, app_log)
    say("ramsetu is ready")
    pg_port = re.search(r"Embedded PostgreSQL is up on port (\d+)", app_log.read_text(errors="replace"))
    credentials = dict(line.split("=", 1) for line in (data / "pg-credentials.properties").read_text().splitlines()
                       if "=" in line and not line.startswith("#"))
    if not pg_port:
        raise RuntimeError("the start-up log has no line 'Embedded PostgreSQL is up on port N'")
    dsn = (f"postgresql://postgres:{urllib.parse.quote(credentials['superuser.password'], safe='')}"
           f"@127.0.0.1:{pg_port.group(1)}/ramsetu?sslmode=disable")
    start("postgres-exporter", ["prometheus-postgres-exporter", f"--web.listen-address=127.0.0.1:{ports['pgexp']}",
                                f"--extend.query-path={PROM_DIR / 'postgres-exporter-queries.yml'}"],
          tmp / "postgres-exporter.log", env={"DATA_SOURCE_NAME": dsn})

    try:
        traffic(ports["app"])
    except (OSError, ValueError, KeyError) as e:
        problem("live check", f"requests to the application failed: {e!r}")

    def all_up():
        targets = prom.get("targets")["activeTargets"]
        return len(targets) == 5 and all(t["health"] == "up" for t in targets)

    try:
        wait_for("every scrape target up", all_up, 60)
    except RuntimeError:
        for t in prom.get("targets")["activeTargets"]:
            if t["health"] != "up":
                problem("live check", f"scrape target {t['labels']['job']} is {t['health']}: {t.get('lastError')}")
    # Series made by the requests above (the mail job runs within a second or two).
    wanted = {"ramsetu_jobs_total", "ramsetu_scoring_latency_seconds_bucket", "pg_replication_lag", "probe_ssl_earliest_cert_expiry"}
    try:
        wait_for("series of the requests", lambda: wanted <= set(prom.get("label/__name__/values")), 60)
    except RuntimeError:
        pass  # reported below as missing metrics
    time.sleep(3 * SCRAPE)  # a scrape and a rule evaluation after the last change

    names_present = set(prom.get("label/__name__/values"))
    groups = prom.get("rules")["groups"]
    recording = {r["name"] for g in groups for r in g["rules"] if r["type"] == "recording"}
    expressions = []  # (where, promql, label_values label)
    alert_count = 0
    for g in groups:
        gfile = rel(g["file"])
        for r in g["rules"]:
            where = f"{gfile} {'alert' if r['type'] == 'alerting' else 'record'} {r['name']}"
            expressions.append((where, r["query"], None))
            if r.get("health") == "err" or r.get("lastError"):
                problem(where, f"evaluation failed: {r.get('lastError')}")
            if r["type"] != "alerting":
                continue
            alert_count += 1
            labels, ann = r.get("labels", {}), r.get("annotations", {})
            if labels.get("severity") not in ("page", "ticket"):
                problem(where, f"severity is {labels.get('severity')!r}, expected page or ticket")
            for key in ("summary", "description", "runbook_url"):
                if not ann.get(key, "").strip():
                    problem(where, f"no {key} annotation")
            if ann.get("runbook_url"):
                check_runbook(where, ann["runbook_url"])
    expressions += dashboard_expressions()

    used = {}  # metric -> set of places
    labels_used = {}  # (metric, label) -> set of places
    values_used = {}  # (metric, label, value) -> set of places, for exact matchers
    for where, expr, label_values_label in expressions:
        try:
            prom.get("query", query=expr)
        except ValueError as e:
            problem(where, f"query rejected: {e}")
            continue
        try:
            sels = selectors(expr)
        except ValueError as e:
            problem(where, f"check cannot read the expression: {e}")
            continue
        for name, matchers in sels:
            if name is None:
                problem(where, "selector without a metric name")
                continue
            used.setdefault(name, set()).add(where)
            for label, op, value in matchers:
                try:
                    matches_absent = op in ("=", "=~") and re.fullmatch(value, "") is not None
                except re.error:
                    matches_absent = False
                if not matches_absent:  # {x=""} or {x=~".*"} also match series without x
                    labels_used.setdefault((name, label), set()).add(where)
                    if op == "=" and (label, value) not in ALLOWED_VALUES:
                        values_used.setdefault((name, label, value), set()).add(where)
            if label_values_label:
                labels_used.setdefault((name, label_values_label), set()).add(where)

    jar_cache = {}
    for name in sorted(used):
        if name in names_present or name in recording:
            continue
        places = sorted(used[name])
        shown = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
        if name in ALLOWED:
            reason, pattern, meter = ALLOWED[name]
            if pattern:
                blob = jar_cache.setdefault(pattern, jar_strings(jar, pattern))
                if meter.encode() not in blob:
                    problem(shown, f"{name} is allowed to be absent ({reason}) but its meter {meter!r} is not in {rel(jar)} ({pattern})")
            continue
        hint = HINTS.get(name, "")
        problem(shown, f"metric {name} does not exist in Prometheus" + (f"; {hint}" if hint else ""))

    series_labels = {}  # metric -> {label: {values}}

    def labels_of(name):
        if name not in series_labels:
            found = {}
            for series in prom.get("series", **{"match[]": f'{{__name__="{name}"}}', "start": time.time() - 600}):
                for k, v in series.items():
                    found.setdefault(k, set()).add(v)
            series_labels[name] = found
        return series_labels[name]

    for (name, label), places in sorted(labels_used.items()):
        if name not in names_present or name in recording or name in ALLOWED:
            continue
        if label not in labels_of(name):
            problem(sorted(places)[0], f"label {label!r} is not on any {name} series (labels: {', '.join(sorted(set(labels_of(name)) - {'__name__'}))})")
    for (name, label, value), places in sorted(values_used.items()):
        if name not in names_present or name in recording or name in ALLOWED or label not in labels_of(name):
            continue
        if value not in labels_of(name)[label]:
            problem(sorted(places)[0], f"no {name} series has {label}={value!r} (values: {', '.join(sorted(labels_of(name)[label])[:10])})")

    say(f"{len(expressions)} expressions ({alert_count} alerts, {len(recording)} recording rules, "
        f"{len(DASHBOARDS)} dashboards), {len(used)} metric names checked")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--static", action="store_true", help="only the checks that need no running services")
    parser.add_argument("--keep", action="store_true", help="keep the working folder (logs, TSDB)")
    args = parser.parse_args()
    began = time.monotonic()

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    check_static()
    tmp = None
    if not args.static:
        jar = Path(os.environ.get("RAMSETU_JAR") or ROOT / "app" / "target" / "ramsetu.jar")
        if not jar.is_file():
            problem(rel(jar), "no application jar: build it (./mvnw -B -ntp package -DskipTests) or set RAMSETU_JAR")
        else:
            tmp = Path(tempfile.mkdtemp(prefix="ramsetu-deploy-check-"))
            say(f"working folder {tmp}")
            try:
                check_live(jar.resolve(), tmp)
            except RuntimeError as e:
                problem("live check", str(e))
            finally:
                stop_all()
    for line in problems:
        print(line)
    took = time.monotonic() - began
    if problems:
        say(f"{len(problems)} problem(s) in {took:.0f} s" + (f"; logs kept in {tmp}" if tmp else ""))
        return 1
    if tmp and not args.keep:
        subprocess.run(["rm", "-rf", str(tmp)])
    say(f"OK in {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
