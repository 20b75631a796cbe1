#!/usr/bin/python3
"""RamSetu's scoring target vs the Python peer, same machine, same run: cold start to the first
ranked answer, then wrk (-t2, 20 s, closed loop) at 100 and 10,000 candidates per request and
concurrency 8 and 32. Every server is started and stopped by its own PID; loads go to 127.0.0.1
only and every run is bounded by wrk's -d.

usage: bench_http.py [--servers ramsetu,peer] --jar app/target/ramsetu.jar --data DIR --peer PEER_DIR --peer-models DIR
                     --payloads DIR [--duration 20s] [--reps 1] [--out results.json]
                     [--jvm-option=OPTION ...] [--cold-only]

--jvm-option=OPTION passes an option to our JVM (repeat it; the `=` form, as OPTION starts with a
dash), e.g. the class-data archive the `ramsetu` script records (-XX:SharedArchiveFile=...) with
--jar naming the extracted jar; --cold-only measures the cold starts alone (no wrk needed).
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def wait_ok(url, body, deadline_s=60):
    t0 = time.monotonic()
    while time.monotonic() - t0 < deadline_s:
        try:
            req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=5) as r:
                if r.status == 200:
                    return
        except Exception:
            pass
        time.sleep(0.01)
    raise SystemExit(f"{url} not answering after {deadline_s} s")


def start(cmd, env, log):
    return subprocess.Popen(cmd, env={**os.environ, **env}, stdout=open(log, "w"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)  # the process group this script created for it
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def wait_for_quiet(server_pid=None, limit_pct=25, give_up_s=300):
    """Waits (up to give_up_s) until other processes use under limit_pct of one core over 3 s,
    so that other people's builds on this shared machine do not land in the measurement."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < give_up_s:
        with CpuMeter(server_pid) as meter:
            time.sleep(3)
        if meter.summary()["foreign_cpu_pct"] < limit_pct:
            return
    print(f"machine still busy after {give_up_s} s; measuring anyway (see foreign_cpu_pct)", flush=True)


def to_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)", text)
    v, unit = float(m.group(1)), m.group(2)
    return v * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, payload, conc, duration, server_pid):
    with CpuMeter(server_pid) as meter:
        out = subprocess.run(["wrk", "-t2", f"-c{conc}", f"-d{duration}", "--timeout", "60s", "--latency",
                          "-s", os.path.join(HERE, "post.lua"), url],
                             env={**os.environ, "PAYLOAD": payload}, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "p50_ms": to_ms(lat["50"]) if "50" in lat else None,
            "p99_ms": to_ms(lat["99"]) if "99" in lat else None,
            "non2xx": int(errors.group(1)) if errors else 0, "socket_errors": socket.group(1) if socket else "",
            **meter.summary(), "raw": out}


def servers(args):
    java = {"key": "ramsetu", "name": "ramsetu", "port": 8181,
            "cmd": ["java", *args.jvm_option, "-jar", args.jar, "serve", "--target", "scoring", "--port", "8181"],
            # Open on loopback, as the peer is: the comparison is of the model servers' work.
            "env": {"RAMSETU_DATA_DIR": args.data,
                    "RAMSETU_JWT_SECRET": "benchmark-only-secret-0123456789abcdef",
                    "RAMSETU_SECURITY_SCORINGAPI": "OPEN"}, "path": "/v1/models/kidney/rank", "payload": "rank"}
    peer = {"key": "peer", "name": "python-peer (in_memory, 2 workers, n_jobs=1)", "port": 8111,
            "cmd": ["/usr/bin/python3", "-m", "uvicorn", "server:app", "--host", "127.0.0.1", "--port", "8111",
                    "--workers", "2", "--no-access-log", "--app-dir", args.peer],
            "env": {"MODE": "in_memory", "MODEL_DIR": args.peer_models, "PREDICT_N_JOBS": "1"},
            "path": "/predict_and_rank", "payload": "peer"}
    return [java, peer]


def main():
    # SIGTERM ends the run like Ctrl-C, so the finally blocks stop the server under test.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    ap = argparse.ArgumentParser()
    for a in ("--jar", "--data", "--peer", "--peer-models", "--payloads"):
        ap.add_argument(a, required=True)
    ap.add_argument("--duration", default="20s")
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--cold-reps", type=int, default=3)
    ap.add_argument("--out", default="/tmp/ramsetu-bench/http_results.json")
    ap.add_argument("--servers", default="ramsetu,peer", help="which to run: ramsetu, peer or both")
    ap.add_argument("--jvm-option", action="append", default=[], help="an option for our JVM (repeatable)")
    ap.add_argument("--cold-only", action="store_true", help="cold starts only, no load")
    args = ap.parse_args()
    sys.path.insert(0, args.peer)
    global CpuMeter
    from peerlib import CpuMeter  # the peer's own meter: server, load generator and foreign CPU
    results = []
    wanted = args.servers.split(",")
    for s in [s for s in servers(args) if s["key"] in wanted]:
        url = f"http://127.0.0.1:{s['port']}{s['path']}"
        small = open(os.path.join(args.payloads, f"{s['payload']}_100.json"), "rb").read()
        colds = []
        for rep in range(args.cold_reps):
            wait_for_quiet()
            t0 = time.monotonic()
            proc = start(s["cmd"], s["env"], f"/tmp/ramsetu-bench/{s['port']}_cold{rep}.log")
            try:
                wait_ok(url, small)
                colds.append(time.monotonic() - t0)
            finally:
                stop(proc)
            time.sleep(1)
        print(f"{s['name']}: cold start to first ranked answer {[round(c, 2) for c in colds]} s", flush=True)
        results.append({"server": s["name"], "cold_start_s": colds})
        if args.cold_only:
            continue
        proc = start(s["cmd"], s["env"], f"/tmp/ramsetu-bench/{s['port']}_bench.log")
        try:
            wait_ok(url, small)
            big = os.path.join(args.payloads, f"{s['payload']}_10000.json")
            for _ in range(5):  # warm-up: JIT / first-touch, not measured
                wait_ok(url, open(big, "rb").read())
            for rep in range(args.reps):
                for n in (100, 10_000):
                    for conc in (8, 32):
                        wait_for_quiet(proc.pid)
                        r = wrk(url, os.path.join(args.payloads, f"{s['payload']}_{n}.json"), conc, args.duration,
                                proc.pid)
                        row = {"server": s["name"], "candidates": n, "concurrency": conc, "rep": rep, **r}
                        results.append(row)
                        print(f"{s['name']} n={n} c={conc}: {r['rps']:.1f} req/s p50 {r['p50_ms']} ms "
                              f"p99 {r['p99_ms']} ms non2xx {r['non2xx']} {r['socket_errors']} "
                              f"server CPU {r['server_cpu_pct']}% foreign CPU {r['foreign_cpu_pct']}%", flush=True)
        finally:
            stop(proc)
            time.sleep(1)
    with open(args.out, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
