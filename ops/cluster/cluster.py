#!/usr/bin/env python3
"""The production-shaped local cluster: etcd, PostgreSQL 15 under Patroni, HAProxy, Redis with
Sentinel and the product's targets, all on loopback, every process started here and stopped by
its PID. Used by `ops/cluster/up|down|status` and by the drills in `ops/drills/`.

Ports (one range, 15400-15499; docs/deploy.md has the table):
  etcd            15401/15402, 15403/15404, 15405/15406 (client/peer, TLS)
  HAProxy         15410 PostgreSQL write (leader), 15411 read (replicas), 15412 stats (HTTPS),
                  15480 api load balancer (HTTPS: API_BASE)
  PostgreSQL      pg1 15431, pg2 15432, pg3 15433; Patroni REST 15441-15443 (HTTPS)
  DR standby      pg-dr1 15436 (REST 15446, HTTPS), its own Patroni scope
  PITR restores   15437
  Redis           15460 (first primary), 15461 (first replica); Sentinels 15470-15472
  targets         api 15481-15482, worker 15483-15484, scoring 15485 (all HTTPS)

Every hop carries TLS under the cluster's own CA (tls/ca.crt): clients, HAProxy, the targets,
PostgreSQL, Redis, etcd and Patroni's REST API. http_json, http_text and the drills' load clients
trust that CA for https addresses by themselves.
"""

from __future__ import annotations

import argparse
import base64
import fcntl
import functools
import hashlib
import hmac
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_USER = "ramsetu-pg"  # PostgreSQL refuses to run as root; drills in CI run as root.
SCOPE = "ramsetu"
DR_SCOPE = "ramsetu-dr"
STANZA = "ramsetu"
DATABASE = "ramsetu"
APP_ROLE = "ramsetu"

ETCD = [("e1", 15401, 15402), ("e2", 15403, 15404), ("e3", 15405, 15406)]
PG_WRITE, PG_READ, HAPROXY_STATS, API_LB = 15410, 15411, 15412, 15480
API_BASE = f"https://127.0.0.1:{API_LB}"  # the public port: HAProxy over TLS
PG_NODES = {"pg1": (15431, 15441), "pg2": (15432, 15442), "pg3": (15433, 15443)}
DR_NODE = ("pg-dr1", 15436, 15446)
RESTORE_PORT = 15437
REDIS = [("redis1", 15460), ("redis2", 15461)]
SENTINELS = [("sentinel1", 15470), ("sentinel2", 15471), ("sentinel3", 15472)]
REDIS_MASTER = "ramsetu"
APPS = {
    "api1": ("api", 15481),
    "api2": ("api", 15482),
    "worker1": ("worker", 15483),
    "worker2": ("worker", 15484),
    "scoring1": ("scoring", 15485),
    # A second pair of api slots: the rollout drill starts the next release there (blue/green).
    "api3": ("api", 15486),
    "api4": ("api", 15487),
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def wait_for(what: str, check, timeout: float, interval: float = 0.5):
    """Polls check() until it returns something truthy; raises with `what` after timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except Exception as e:  # the thing waited for is not there yet
            last_error = e
        time.sleep(interval)
    raise TimeoutError(f"{what} not reached within {timeout:.0f} s (last error: {last_error})")


def totp(secret_b32: str, step: int) -> str:
    """RFC 6238 code (HMAC-SHA-1, 6 digits) of a 30-second time step, as an authenticator app shows."""
    key = base64.b32decode(secret_b32.upper() + "=" * (-len(secret_b32) % 8))
    digest = hmac.new(key, step.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(int.from_bytes(digest[offset:offset + 4], 'big') & 0x7FFFFFFF) % 1_000_000:06d}"


def next_totp(secret_file: Path) -> str:
    """A code of the authenticator secret in `secret_file` that no process of this cluster has sent:
    the server takes each step's code once (and one step of drift), so the last step used is kept
    beside the secret under a lock, and a third sign-in within a step waits for the next one."""
    secret = secret_file.read_text().strip()
    with open(secret_file.with_suffix(".last-step"), "a+") as state:
        fcntl.flock(state, fcntl.LOCK_EX)
        state.seek(0)
        last = int(state.read().strip() or "0")
        while True:
            now = int(time.time()) // 30
            step = max(now, last + 1)
            if step <= now + 1:
                break
            time.sleep((now + 1) * 30 - time.time() + 0.05)
        state.seek(0)
        state.truncate()
        state.write(str(step))
        state.flush()
        return totp(secret, step)


def sign_in(post, email: str, password: str, authenticator: Path | None) -> dict:
    """Signs in through `post(path, body) -> (status, json)`: the password, then for a coordinator
    (202) the authenticator's code. Returns the tokens; raises on any other answer."""
    for _ in range(3):
        status, body = post("/api/v1/auth/login", {"email": email, "password": password})
        if status == 202 and authenticator is not None:
            status, body = post("/api/v1/auth/second-factor",
                                {"challenge": body["challenge"], "code": next_totp(authenticator)})
        # 404: during a rolling deploy the second step reached an instance of the previous
        # release, which has no second factor; the next try may sign in there in one step.
        if status != 404:
            break
    if status != 200:
        raise RuntimeError(f"sign-in of {email} answered {status}: {body}")
    return body


def default_root() -> Path:
    return Path(os.environ.get("RAMSETU_CLUSTER_DIR", "/tmp/ramsetu-cluster"))


# The folder of the cluster this process works with (the last Cluster made: a drill makes one).
_current_root: Path | None = None


def cluster_ca() -> Path:
    """The CA the local cluster's servers present certificates of (made by Cluster.tls)."""
    return (_current_root or default_root()) / "tls" / "ca.crt"


@functools.lru_cache(maxsize=4)
def _trusting(ca: str, made: float) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=ca)


def client_context(url: str) -> ssl.SSLContext | None:
    """For an https address: a context trusting the cluster's CA only, host names checked (kept
    while the CA file stays the same, so that load clients do not reread it per request)."""
    if not url.startswith("https:"):
        return None
    ca = cluster_ca()
    return _trusting(str(ca), ca.stat().st_mtime)


def http_json(url: str, method: str = "GET", body=None, headers=None, timeout: float = 3.0,
              context=None):
    """`context`: an ssl.SSLContext for https addresses; by default the cluster's CA."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=timeout,
                                context=context or client_context(url)) as response:
        raw = response.read()
        return response.status, (json.loads(raw) if raw else None)


def http_text(url: str, timeout: float = 5.0) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=timeout, context=client_context(url)) as response:
        return response.status, response.read().decode()


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


class ClassData:
    """Class-data sharing for the targets the cluster starts (JDK 17 dynamic archives), which
    roughly halves a JVM's start (docs/PERFORMANCE.md): drills start twenty or more instances.

    The jar is extracted once (classes inside nested jars cannot be archived). One api instance
    started from that jar records the classes it loaded; the JVM writes them when it exits (20-25 s
    of dumping on a busy machine, so one recording per jar). The recording is kept only from an
    instance that was ready and then stopped gracefully, and only once a JVM has mapped it with
    sharing required. Every later start of any target maps it: a worker or the scoring target
    shares most of its classes with an api and loads the rest as usual. The JVM ignores an archive
    it cannot use (another JDK, say) without a word, so an archive is checked the same way before
    its first use by a cluster, and recorded again when the check fails. Archives live outside the
    cluster's folder (drills wipe it), keyed by the jar's content; RAMSETU_CLUSTER_CDS=0 starts
    every instance from the plain jar."""

    RECORDED_BY = "api"

    KEEP = 2  # jars kept (about 250 MB each with its archive): the release and the one before

    def __init__(self, pids: Path, running):
        self.pids = pids  # NAME.cds beside NAME.pid: the archive an instance records at exit
        self.running = running  # whether the instance NAME runs (its PID file, checked)
        self.cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) \
            / "ramsetu" / "class-data"
        self._folders: dict[tuple, Path] = {}
        self._checked: set[Path] = set()
        self._java_opts: list[str] = []  # the instances' JVM options, for the archive's check

    @staticmethod
    def enabled() -> bool:
        return os.environ.get("RAMSETU_CLUSTER_CDS", "1") == "1"

    def launch(self, name: str, kind: str, jar: Path, java_opts: list[str]) -> list[str]:
        """The JVM arguments that run `jar`: mapping the jar's archive, or recording it."""
        if not self.enabled():
            return ["-jar", str(jar)]
        self.pids.mkdir(parents=True, exist_ok=True)
        self._java_opts = java_opts
        self.stopped(name, gracefully=False)  # a note left by an instance that exited by itself
        try:
            folder = self._extracted(jar)
            extracted = next((folder / "app").glob("*.jar"))
        except (OSError, subprocess.SubprocessError, StopIteration) as e:
            log(f"class data: {jar} could not be extracted ({e!r}); {name} starts from the jar")
            return ["-jar", str(jar)]
        archive = folder / "classes.jsa"
        if archive.exists() and (archive in self._checked
                                 or self._usable(archive, extracted, java_opts)):
            self._checked.add(archive)
            return [f"-XX:SharedArchiveFile={archive}", "-jar", str(extracted)]
        archive.unlink(missing_ok=True)
        if kind != self.RECORDED_BY or self._recording(folder):
            return ["-jar", str(extracted)]
        recording = folder / f"{name}.{os.getpid()}.recording"
        (self.pids / f"{name}.cds").write_text(f"{recording}\n{archive}\n")
        return [f"-XX:ArchiveClassesAtExit={recording}", "-jar", str(extracted)]

    def ready(self, name: str) -> None:
        """The instance started completely: what it records at exit holds a whole start."""
        note = self.pids / f"{name}.cds"
        if note.exists() and len(note.read_text().splitlines()) == 2:
            with open(note, "a") as f:
                f.write("ready\n")

    def stopped(self, name: str, gracefully: bool) -> None:
        """Keeps what a ready instance recorded if it stopped gracefully and a JVM can map it;
        anything else (a killed JVM, a start that never completed) is dropped. The first usable
        recording of a jar wins. Never raises: bookkeeping must not stop a cluster's shutdown."""
        note = self.pids / f"{name}.cds"
        try:
            if not note.exists():
                return
            lines = note.read_text().splitlines()
            note.unlink()
            recording, archive = Path(lines[0]), Path(lines[1])
            extracted = next((archive.parent / "app").glob("*.jar"), None)
            if gracefully and "ready" in lines[2:] and recording.exists() \
                    and not archive.exists() and extracted \
                    and self._usable(recording, extracted, self._java_opts):
                os.replace(recording, archive)
                self._checked.add(archive)
                log(f"class data: {archive.name} recorded by {name} "
                    f"({archive.stat().st_size >> 20} MB)")
            else:
                recording.unlink(missing_ok=True)
        except (OSError, IndexError, subprocess.SubprocessError) as e:
            log(f"class data: {name}'s recording dropped ({e!r})")

    @staticmethod
    def _usable(archive: Path, extracted: Path, java_opts: list[str]) -> bool:
        """Whether a JVM maps the archive when sharing is required (the default only tries)."""
        probe = subprocess.run(
            ["java", *java_opts, "-Xshare:on", f"-XX:SharedArchiveFile={archive}",
             "-cp", str(extracted), "-version"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=60)
        if probe.returncode != 0:
            log(f"class data: {archive.name} cannot be used here; recorded again "
                f"({probe.stderr.strip().splitlines()[-1:] or probe.returncode})")
        return probe.returncode == 0

    def _recording(self, folder: Path) -> bool:
        """Whether a running instance already records this jar's archive."""
        for note in self.pids.glob("*.cds"):
            lines = note.read_text().splitlines()
            if lines and Path(lines[0]).parent == folder and self.running(note.stem):
                return True
        return False

    def _extracted(self, jar: Path) -> Path:
        stat = jar.stat()
        key = (str(jar.resolve()), stat.st_size, stat.st_mtime_ns)
        folder = self._folders.get(key)
        if folder is None or not (folder / "app").is_dir():
            digest = hashlib.sha256()
            with open(jar, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
            folder = self.cache / digest.hexdigest()[:24]
            if not (folder / "app").is_dir():
                partial = folder / f"app.{os.getpid()}.part"
                shutil.rmtree(partial, ignore_errors=True)
                partial.mkdir(parents=True)
                try:
                    subprocess.run(["java", "-Djarmode=tools", "-jar", str(jar), "extract",
                                    "--destination", str(partial)],
                                   check=True, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, timeout=180)
                    try:
                        partial.rename(folder / "app")
                    except OSError:  # another cluster extracted it meanwhile
                        pass
                finally:
                    shutil.rmtree(partial, ignore_errors=True)
                self._folders[key] = folder
                self._prune()
            folder.touch()
            self._folders[key] = folder
        return folder

    def _prune(self) -> None:
        """Keeps the most recently used jars, and any jar a running JVM was started from."""
        in_use = set(self._folders.values()) | self._folders_of_running_jvms()
        folders = sorted((f for f in self.cache.iterdir() if f.is_dir()),
                         key=lambda f: f.stat().st_mtime, reverse=True)
        for old in folders[self.KEEP:]:
            if old not in in_use:
                shutil.rmtree(old, ignore_errors=True)

    def _folders_of_running_jvms(self) -> set[Path]:
        folders = set()
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                arguments = cmdline.read_bytes().split(b"\0")
            except OSError:
                continue
            for argument in arguments:
                text = argument.decode(errors="replace")
                if text.startswith(str(self.cache)):
                    relative = Path(text).relative_to(self.cache).parts
                    if relative:
                        folders.add(self.cache / relative[0])
        return folders


class Cluster:
    """One local cluster rooted at a folder; every process it starts has a PID file there."""

    def __init__(self, root: Path | None = None):
        global _current_root
        self.root = Path(root) if root else default_root()
        _current_root = self.root
        self.pids = self.root / "pids"
        self.logs = self.root / "logs"
        self.secrets = self.root / "secrets"
        self._tls_ready: Path | None = None  # tls() checked or made the certificates
        self.run = self.root / "run"  # PostgreSQL sockets (private to the PostgreSQL user)
        self.app_data = self.root / "app-data"  # shared blobs, mail, models of every target
        self.backup_dir = self.root / "backup"
        self.pgbackrest_conf = self.root / "pgbackrest" / "pgbackrest.conf"
        self.extra_env: dict[str, str] = {}  # added to every target's environment (drills)
        self.app_jars: dict[str, Path] = {}  # a release's jar per instance (rollouts)
        self.class_data = ClassData(self.pids, lambda name: self.pid(name) is not None)

    # ---- processes -------------------------------------------------------------------------

    def _as_pg_user(self) -> list[str]:
        if os.geteuid() != 0:
            return []
        return ["setpriv", f"--reuid={PG_USER}", f"--regid={PG_USER}", "--init-groups", "--"]

    def spawn(self, name: str, argv: list[str], env=None, as_pg_user=False, cwd=None) -> int:
        """Starts a process in its own session (so it and its children form one group), logs to
        logs/NAME.log and records its PID."""
        self.pids.mkdir(parents=True, exist_ok=True)
        self.logs.mkdir(parents=True, exist_ok=True)
        if self.pid(name):
            raise RuntimeError(f"{name} already runs (pid {self.pid(name)})")
        out = open(self.logs / f"{name}.log", "ab")
        prefix = self._as_pg_user() if as_pg_user else []
        process = subprocess.Popen(
            prefix + argv,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        # The start time beside the PID: a PID file left by an earlier run must never make us
        # signal an unrelated process that got the same number since.
        (self.pids / f"{name}.pid").write_text(f"{process.pid} {start_time(process.pid)}")
        return process.pid

    def pid(self, name: str) -> int | None:
        file = self.pids / f"{name}.pid"
        if not file.exists():
            return None
        parts = file.read_text().split()
        pid = int(parts[0])
        if len(parts) < 2 or start_time(pid) != parts[1]:
            file.unlink(missing_ok=True)  # gone, or the number belongs to another process now
            return None
        # A zombie child of this process still answers kill(0): reap it if it is ours.
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                file.unlink(missing_ok=True)
                return None
        except ChildProcessError:
            pass
        return pid

    def stop(self, name: str, timeout: float = 30) -> None:
        """SIGTERM (a background JVM ignores SIGINT), wait, then SIGKILL the whole group. For a
        PostgreSQL node also its server, which runs in a session of its own."""
        pg_pid = self.postmaster_pid(name) if (self.root / name / "data").exists() else None
        self._stop(name, timeout)
        if pg_pid and Path(f"/proc/{pg_pid}").exists():
            try:
                os.kill(pg_pid, signal.SIGTERM)
                wait_for(f"{name}'s PostgreSQL to stop",
                         lambda: not Path(f"/proc/{pg_pid}").exists(), timeout, 0.2)
            except (ProcessLookupError, TimeoutError):
                subprocess.run(["pkill", "-9", "-P", str(pg_pid)], check=False)
                try:
                    os.kill(pg_pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def _stop(self, name: str, timeout: float) -> None:
        pid = self.pid(name)
        if pid is None:
            self.class_data.stopped(name, gracefully=False)  # it exited by itself
            return
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            wait_for(f"{name} to stop", lambda: self.pid(name) is None, timeout, 0.2)
            self.class_data.stopped(name, gracefully=True)
        except TimeoutError:
            log(f"{name} did not stop in {timeout:.0f} s; SIGKILL")
            self.kill(name)

    def kill(self, name: str) -> None:
        """kill -9 of the process group, as a lost host or an OOM kill would."""
        pid = self.pid(name)
        if pid is None:
            self.class_data.stopped(name, gracefully=False)
            return
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        wait_for(f"{name} to die", lambda: self.pid(name) is None, 10, 0.1)
        self.class_data.stopped(name, gracefully=False)

    def running(self) -> list[str]:
        if not self.pids.exists():
            return []
        return sorted(p.stem for p in self.pids.glob("*.pid") if self.pid(p.stem))

    # ---- secrets ---------------------------------------------------------------------------

    def authenticator(self) -> Path:
        """The bootstrap coordinator's authenticator secret (Base32, 160 bits), generated once."""
        self.secrets.mkdir(parents=True, exist_ok=True)
        os.chmod(self.secrets, 0o700)
        file = self.secrets / "coordinator-totp"
        if not file.exists():
            file.write_text(base64.b32encode(secrets.token_bytes(20)).decode())
            os.chmod(file, 0o600)
        return file

    def secret(self, name: str) -> str:
        """A per-cluster secret, generated once into secrets/ (owner-only); never in the repo."""
        self.secrets.mkdir(parents=True, exist_ok=True)
        os.chmod(self.secrets, 0o700)
        file = self.secrets / name
        if not file.exists():
            file.write_text(secrets.token_urlsafe(32))
            os.chmod(file, 0o600)
        return file.read_text().strip()

    # ---- layout ----------------------------------------------------------------------------

    def prepare(self) -> None:
        for d in (self.root, self.pids, self.logs, self.run, self.app_data, self.backup_dir):
            d.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            ensure_pg_user()
            for d in (self.run, self.backup_dir, self.root / "pgbackrest"):
                d.mkdir(parents=True, exist_ok=True)
                shutil.chown(d, PG_USER, PG_USER)
        os.chmod(self.run, 0o700)
        self.write_pgbackrest_conf()

    def pg_dir(self, node: str) -> Path:
        d = self.root / node
        d.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(d, PG_USER, PG_USER)
        os.chmod(d, 0o700)
        return d

    # ---- etcd ------------------------------------------------------------------------------

    def start_etcd(self) -> None:
        """Three members over TLS (clients and peers) with the cluster's certificate; the peers
        also check each other's certificate against the cluster's CA."""
        tls = self.tls()
        initial = ",".join(f"{n}=https://127.0.0.1:{peer}" for n, _, peer in ETCD)
        for name, client, peer in ETCD:
            if self.pid(name):
                continue
            self.spawn(
                name,
                [
                    "etcd",
                    f"--name={name}",
                    f"--data-dir={self.root / 'etcd' / name}",
                    f"--listen-client-urls=https://127.0.0.1:{client}",
                    f"--advertise-client-urls=https://127.0.0.1:{client}",
                    f"--listen-peer-urls=https://127.0.0.1:{peer}",
                    f"--initial-advertise-peer-urls=https://127.0.0.1:{peer}",
                    f"--cert-file={tls / 'app.crt'}",
                    f"--key-file={tls / 'app.key'}",
                    # No --trusted-ca-file for clients: etcd would then demand client certificates,
                    # which Patroni is not given. Members prove themselves to each other with theirs.
                    f"--peer-cert-file={tls / 'app.crt'}",
                    f"--peer-key-file={tls / 'app.key'}",
                    f"--peer-trusted-ca-file={tls / 'ca.crt'}",
                    f"--initial-cluster={initial}",
                    "--initial-cluster-state=new",
                    "--initial-cluster-token=ramsetu-local",
                    "--heartbeat-interval=100",
                    "--election-timeout=1000",
                    "--log-level=warn",
                ],
            )
        wait_for("etcd quorum", self.etcd_healthy, 30)
        log("etcd: 3 members healthy")

    def etcd_hosts(self) -> str:
        return ",".join(f"127.0.0.1:{client}" for _, client, _ in ETCD)

    def etcd_healthy(self) -> bool:
        status, body = http_json(f"https://127.0.0.1:{ETCD[0][1]}/health")
        return status == 200 and body.get("health") == "true"

    # ---- PostgreSQL under Patroni -----------------------------------------------------------

    # ---- TLS ----------------------------------------------------------------------------------

    def tls(self) -> Path:
        """The cluster's own test CA and the servers' certificates for this host (its name,
        localhost, 127.0.0.1), made with openssl on first use and again when they are about to
        expire (30 days) or the host's name changed. PostgreSQL serves TLS with server.crt and
        requires it over TCP (the targets verify it: sslmode=verify-full against ca.crt); Redis,
        HAProxy's public port and every target serve app.crt."""
        if self._tls_ready is not None:
            return self._tls_ready  # checked once per process: the openssl calls cost ~10 ms each
        d = self.root / "tls"
        # The targets register this host's name as their address (`ramsetu smoke` checks each
        # instance there), so the certificates name it beside localhost and 127.0.0.1.
        hosts = sorted({"localhost", socket.gethostname(), os.environ.get("HOSTNAME") or "localhost"})
        names = ",".join([*(f"DNS:{h}" for h in hosts), "IP:127.0.0.1"])
        names_file = d / "names"
        # etcd's members present app.crt to each other as clients too, hence clientAuth; a change
        # of what the certificates hold makes them again.
        made_for = names + ";serverAuth,clientAuth"
        if names_file.exists() and names_file.read_text() == made_for and all(
                (d / f).exists() and subprocess.run(
                ["openssl", "x509", "-checkend", "86400", "-noout", "-in", str(d / f)],
                capture_output=True).returncode == 0 for f in ("server.crt", "app.crt")):
            self._tls_ready = d
            return d  # made earlier and valid for at least another day
        d.mkdir(parents=True, exist_ok=True)
        os.chmod(d, 0o755)
        ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

        def openssl(*args: str) -> None:
            subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=d)

        openssl("req", "-x509", *ec, "-days", "30", "-subj", "/CN=RamSetu local cluster CA",
                "-keyout", "ca.key", "-out", "ca.crt")
        openssl("req", *ec, "-subj", "/CN=localhost", "-keyout", "server.key",
                "-out", "server.csr")
        (d / "server.ext").write_text(
            f"subjectAltName={names}\nbasicConstraints=CA:FALSE\n"
            "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\n")
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "30", "-extfile", "server.ext", "-out", "server.crt")
        # The product's targets that serve HTTPS (scoring) have a key of their own: PostgreSQL's
        # belongs to its user.
        openssl("req", *ec, "-subj", "/CN=localhost", "-keyout", "app.key", "-out", "app.csr")
        openssl("x509", "-req", "-in", "app.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "30", "-extfile", "server.ext", "-out", "app.crt")
        os.chmod(d / "ca.key", 0o600)
        os.chmod(d / "server.key", 0o600)
        os.chmod(d / "app.key", 0o600)
        os.chmod(d / "ca.crt", 0o644)
        if os.geteuid() == 0:
            # PostgreSQL refuses a key others can read, and reads it as its own user.
            shutil.chown(d / "server.key", PG_USER, PG_USER)
            shutil.chown(d / "server.crt", PG_USER, PG_USER)
        names_file.write_text(made_for)
        log(f"TLS: the cluster's CA and its servers' certificate for {names} made (tls/)")
        self._tls_ready = d
        return d

    def jdbc_url(self, hosts: str, *params: str) -> str:
        """A JDBC URL of the application's database over TLS, checking the server's
        certificate chain and name against the cluster's CA."""
        tls = ["sslmode=verify-full", f"sslrootcert={self.tls() / 'ca.crt'}"]
        return f"jdbc:postgresql://{hosts}/{DATABASE}?" + "&".join([*params, *tls])

    def unencrypted_repository(self) -> bool:
        """Whether a repository exists here already, written without encryption (pgBackRest
        cannot change that on an existing repository). Encrypted files start "Salted__"."""
        info = self.backup_dir / "repo" / "archive" / STANZA / "archive.info"
        try:
            with open(info, "rb") as f:
                return f.read(8) != b"Salted__"
        except FileNotFoundError:
            return False

    def write_pgbackrest_conf(self) -> None:
        conf_dir = self.pgbackrest_conf.parent
        conf_dir.mkdir(parents=True, exist_ok=True)
        lines = [
            "[global]",
            f"repo1-path={self.backup_dir / 'repo'}",
            "repo1-retention-full=2",
            "repo1-retention-diff=6",
            f"log-path={conf_dir / 'log'}",
            f"lock-path={conf_dir / 'lock'}",
            f"spool-path={conf_dir / 'spool'}",
            "log-level-console=warn",
            "log-level-file=info",
            "start-fast=y",
            "process-max=2",
            # lz4: fast enough that a bulk load's WAL is archived as fast as it is written.
            "compress-type=lz4",
            # Asynchronous archiving: segments are pushed in parallel from a spool, so PostgreSQL
            # never waits on one slow push, and a backup after a bulk load does not time out
            # waiting for its first segment.
            "archive-async=y",
            "archive-push-queue-max=4GiB",
            "archive-get-queue-max=256MiB",
            "archive-timeout=600",
        ]
        # The repository is encrypted (docs/adr/0027-health-data-at-rest.md): backups are the
        # copy of the registry that travels furthest and lives longest. The passphrase is a
        # per-cluster secret; losing it loses every backup, so it is kept with the other secrets
        # (and, in production, in the secrets manager).
        if self.unencrypted_repository():
            log("pgBackRest: this folder's repository was made unencrypted by an earlier release;"
                " it stays so ('ops/cluster/down --wipe' starts an encrypted one)")
        else:
            lines += ["repo1-cipher-type=aes-256-cbc",
                      f"repo1-cipher-pass={self.secret('backup-cipher')}"]
        lines += [
            "",
            f"[{STANZA}]",
        ]
        for i, (node, (port, _)) in enumerate(PG_NODES.items(), start=1):
            lines += [
                f"pg{i}-path={self.root / node / 'data'}",
                f"pg{i}-port={port}",
                f"pg{i}-socket-path={self.run}",
                f"pg{i}-user=postgres",
            ]
        # Owner-only: it holds the repository's passphrase.
        self.pgbackrest_conf.touch(mode=0o600, exist_ok=True)
        os.chmod(self.pgbackrest_conf, 0o600)
        self.pgbackrest_conf.write_text("\n".join(lines) + "\n")
        for sub in ("log", "lock", "spool"):
            (conf_dir / sub).mkdir(exist_ok=True)
        if os.geteuid() == 0:
            for path in [conf_dir, *conf_dir.iterdir()]:
                shutil.chown(path, PG_USER, PG_USER)

    def patroni_config(self, node: str, port: int, rest: int, scope: str, standby_of=None) -> Path:
        d = self.pg_dir(node)
        # The shell runs archive commands in the node's data folder: --pg1-path="$PWD" names the
        # node that archives (pgBackRest refuses a pg1-path other than its working directory, and
        # the configuration lists every node for backups, which find the leader themselves).
        # Lock and spool folders are the node's own, beside its data folder: here all nodes share
        # one host, and with one lock folder a replica's asynchronous archive-get found the
        # leader's archive-push holding the stanza's archive lock, gave up, and left PostgreSQL
        # waiting in restore_command (archive-timeout, 10 min) instead of streaming. On separate
        # hosts each node has its own folders anyway. (The command is cluster-wide, in the DCS, so
        # the folders are derived from the data folder rather than written out per node.)
        archive = (f"pgbackrest --config={self.pgbackrest_conf} --stanza={STANZA}"
                   " --pg1-path=\"$PWD\" --lock-path=\"$(dirname \"$PWD\")/pgbackrest-lock\""
                   " --spool-path=\"$(dirname \"$PWD\")/pgbackrest-spool\"")
        for own in ("pgbackrest-lock", "pgbackrest-spool"):
            (d / own).mkdir(exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(d / own, PG_USER, PG_USER)
        bootstrap_dcs = {
            # Leader lease 10 s, checked every second: a lost leader is replaced in about 10-15 s.
            "ttl": 10,
            "loop_wait": 1,
            "retry_timeout": 4,
            "maximum_lag_on_failover": 1048576,
            # Commit waits for the synchronous standby, and only that standby may be promoted:
            # an acknowledged commit survives the loss of the leader (RPO 0).
            "synchronous_mode": True,
            "postgresql": {
                "use_pg_rewind": True,
                "use_slots": True,
                "parameters": {
                    "wal_level": "replica",
                    "hot_standby": "on",
                    "wal_log_hints": "on",
                    "max_wal_senders": 10,
                    "max_replication_slots": 10,
                    "wal_keep_size": "256MB",
                    "max_connections": 200,
                    "archive_mode": "on",
                    "archive_command": f"{archive} archive-push %p",
                    "archive_timeout": "30s",
                    "synchronous_commit": "on",
                    "shared_buffers": "128MB",
                    "checkpoint_timeout": "5min",
                    "hot_standby_feedback": "on",
                },
            },
        }
        if standby_of:
            # A cluster in a "second region": its leader replicates from the first cluster's
            # write endpoint and from the shared WAL archive, until promoted.
            bootstrap_dcs["standby_cluster"] = {
                "host": "127.0.0.1",
                "port": standby_of,
                "create_replica_methods": ["basebackup"],
                "restore_command": f"{archive} archive-get %f \"%p\"",
            }
            bootstrap_dcs["synchronous_mode"] = False
        config = {
            "scope": scope,
            "namespace": "/service/",
            "name": node,
            "log": {"level": "INFO"},
            # The REST API (HAProxy's checks, the members' own calls) and etcd over TLS, checked
            # against the cluster's CA.
            "restapi": {"listen": f"127.0.0.1:{rest}", "connect_address": f"127.0.0.1:{rest}",
                        "certfile": str(self.tls() / "server.crt"),
                        "keyfile": str(self.tls() / "server.key")},
            "ctl": {"cacert": str(self.tls() / "ca.crt")},
            "etcd3": {"hosts": self.etcd_hosts(), "protocol": "https",
                      "cacert": str(self.tls() / "ca.crt")},
            "bootstrap": {
                "dcs": bootstrap_dcs,
                "initdb": [{"encoding": "UTF8"}, "data-checksums", {"locale": "C.UTF-8"}],
            },
            "postgresql": {
                "listen": f"127.0.0.1:{port}",
                "connect_address": f"127.0.0.1:{port}",
                "data_dir": str(d / "data"),
                "bin_dir": str(PG_BIN),
                "pgpass": str(d / "pgpass"),
                "authentication": {
                    "superuser": {"username": "postgres", "password": self.secret("postgres")},
                    "replication": {
                        "username": "replicator",
                        "password": self.secret("replicator"),
                    },
                    "rewind": {"username": "rewinder", "password": self.secret("rewinder")},
                },
                "parameters": {
                    "unix_socket_directories": str(self.run),
                    "unix_socket_permissions": "0700",
                    "ssl": "on",
                    "ssl_cert_file": str(self.tls() / "server.crt"),
                    "ssl_key_file": str(self.tls() / "server.key"),
                    "ssl_min_protocol_version": "TLSv1.2",
                },
                # The socket folder is private to the PostgreSQL user (pgBackRest connects there);
                # everything over TCP needs TLS and a password (replication too: libpq prefers TLS
                # when the server offers it).
                "pg_hba": [
                    "local all all trust",
                    "hostssl replication replicator 127.0.0.1/32 scram-sha-256",
                    "hostssl all all 127.0.0.1/32 scram-sha-256",
                ],
                "recovery_conf": {"restore_command": f"{archive} archive-get %f \"%p\""},
                "create_replica_methods": ["basebackup"],
                "basebackup": [{"checkpoint": "fast"}],
            },
            "watchdog": {"mode": "off"},
            "tags": {"nofailover": False, "noloadbalance": False, "clonefrom": False},
        }
        file = d / "patroni.yml"
        # JSON is YAML: no YAML library needed here.
        file.write_text(json.dumps(config, indent=2))
        if os.geteuid() == 0:
            shutil.chown(file, PG_USER, PG_USER)
        os.chmod(file, 0o600)
        return file

    def start_node(self, node: str, scope: str = SCOPE, standby_of=None) -> None:
        if node == DR_NODE[0]:
            port, rest = DR_NODE[1], DR_NODE[2]
        else:
            port, rest = PG_NODES[node]
        config = self.patroni_config(node, port, rest, scope, standby_of)
        # libpq (Patroni's own connections, replication, pg_rewind) looks for a client certificate
        # in ~/.postgresql; run as the PostgreSQL user with root's HOME it cannot even look there
        # and gives up on TLS, which every TCP connection needs. No client certificates are used.
        none = str(self.pg_dir(node) / "no-client-certificate")
        env = dict(os.environ, PATRONICTL_CONFIG_FILE=str(config), PGSSLCERT=none, PGSSLKEY=none)
        self.spawn(node, ["patroni", str(config)], env=env, as_pg_user=True, cwd="/")

    def node_status(self, node: str) -> dict:
        rest = DR_NODE[2] if node == DR_NODE[0] else PG_NODES[node][1]
        try:
            _, body = http_json(f"https://127.0.0.1:{rest}/patroni", timeout=2)
            return body
        except urllib.error.HTTPError as e:  # 503 while not running, with a body
            return json.loads(e.read() or b"{}")

    def cluster_members(self, node: str = None) -> list[dict]:
        for candidate in [node] if node else self.running_nodes():
            try:
                rest = PG_NODES[candidate][1] if candidate in PG_NODES else DR_NODE[2]
                _, body = http_json(f"https://127.0.0.1:{rest}/cluster", timeout=2)
                return body.get("members", [])
            except Exception:
                continue
        return []

    def running_nodes(self) -> list[str]:
        return [n for n in [*PG_NODES, DR_NODE[0]] if self.pid(n)]

    def start_dr_standby(self) -> None:
        """A standby cluster in a "second region": its own Patroni scope, replicating from the
        first cluster's write endpoint (it follows failovers there) and from the WAL archive."""
        self.start_node(DR_NODE[0], scope=DR_SCOPE, standby_of=PG_WRITE)
        wait_for("the DR standby leader streaming", lambda: self.psql(
            "select status from pg_stat_wal_receiver", port=DR_NODE[1],
            database="postgres") == "streaming", 180, 1)
        log(f"DR standby: {DR_NODE[0]} streams from :{PG_WRITE}")

    def promote_dr(self) -> None:
        """Turns the standby cluster into a primary cluster (Patroni drops standby_cluster)."""
        http_json(f"https://127.0.0.1:{DR_NODE[2]}/config", method="PATCH",
                  body={"standby_cluster": None})
        wait_for("the DR leader to accept writes", lambda: self.psql(
            "select not pg_is_in_recovery()", port=DR_NODE[1], database="postgres") == "t",
            120, 0.5)

    def leader(self) -> str | None:
        for m in self.cluster_members():
            if m.get("role") == "leader" and m.get("state") == "running":
                return m["name"]
        return None

    def sync_standby(self) -> str | None:
        for m in self.cluster_members():
            if m.get("role") == "sync_standby" and m.get("state") in ("running", "streaming"):
                return m["name"]
        return None

    def start_postgres(self, nodes: int) -> None:
        # All at once, as hosts boot: on a new cluster one node wins the initialize key and the
        # others clone it; on a restart the node with the newest timeline becomes the leader.
        names = list(PG_NODES)[:nodes]
        for node in names:
            if not self.pid(node):
                self.start_node(node)
        leader = wait_for("a PostgreSQL leader", self.leader, 120)
        log(f"PostgreSQL: {leader} leads")
        self.create_stanza()
        self.create_app_database()
        if nodes > 1:
            wait_for("a synchronous standby", self.sync_standby, 120)
            wait_for(
                f"{nodes} running members",
                lambda: sum(
                    1
                    for m in self.cluster_members()
                    if m.get("state") in ("running", "streaming")
                )
                >= nodes,
                120,
            )
            log(f"PostgreSQL: {nodes} members, synchronous standby {self.sync_standby()}")

    def postmaster_pid(self, node: str) -> int | None:
        """The PostgreSQL server of a node, if one runs from its data folder."""
        file = self.root / node / "data" / "postmaster.pid"
        try:
            pid = int(file.read_text().splitlines()[0])
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except (OSError, ValueError, IndexError):
            return None
        return pid if Path(cwd) == self.root / node / "data" else None

    def kill_node(self, node: str) -> None:
        """Loses a database host: kill -9 Patroni and every PostgreSQL process of that node."""
        pg_pid = self.postmaster_pid(node)
        self.kill(node)
        if pg_pid:
            # The postmaster first, so it cannot start new backends; then its children.
            for sig_target in (pg_pid,):
                try:
                    os.kill(sig_target, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            subprocess.run(["pkill", "-9", "-P", str(pg_pid)], check=False)

    def psql(self, sql: str, port: int = PG_WRITE, database: str = DATABASE,
             user: str = "postgres", timeout: float = 60) -> str:
        """Runs SQL over TCP (through HAProxy by default) and returns unaligned output."""
        password = self.secret("postgres" if user == "postgres" else "app")
        env = dict(os.environ, PGPASSWORD=password, PGCONNECT_TIMEOUT="3")
        # SQL on standard input: a ledger check passes thousands of ids, over an argument's limit.
        result = subprocess.run(
            [str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", user, "-d",
             database, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-f", "-"],
            input=sql, capture_output=True, text=True, env=env, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed on port {port}: {result.stderr.strip()}")
        return result.stdout.strip()

    def create_app_database(self) -> None:
        leader_port = PG_NODES[self.leader()][0]
        password = self.secret("app")
        exists = self.psql(f"select 1 from pg_roles where rolname = '{APP_ROLE}'",
                           port=leader_port, database="postgres")
        if not exists:
            self.psql(f"create role {APP_ROLE} login password '{password}'",
                      port=leader_port, database="postgres")
        if not self.psql(f"select 1 from pg_database where datname = '{DATABASE}'",
                         port=leader_port, database="postgres"):
            self.psql(f"create database {DATABASE} owner {APP_ROLE}",
                      port=leader_port, database="postgres")

    def pgbackrest(self, *args: str, timeout: float = 3600) -> str:
        prefix = self._as_pg_user()
        result = subprocess.run(
            prefix + ["pgbackrest", f"--config={self.pgbackrest_conf}", f"--stanza={STANZA}",
                      *args],
            capture_output=True, text=True, timeout=timeout, cwd="/")
        if result.returncode != 0:
            raise RuntimeError(
                f"pgbackrest {' '.join(args)} failed: {result.stdout}{result.stderr}")
        return result.stdout

    def create_stanza(self) -> None:
        self.pgbackrest("stanza-create")
        log("pgBackRest: stanza created, WAL archiving on")

    # ---- backups and point-in-time restore -------------------------------------------------

    def backup(self, kind: str = "full") -> dict:
        """A pgBackRest backup of the cluster (taken from the leader), then the blobs it refers
        to. Blobs are written once and never changed (a document's file before its row commits),
        so one mirror that only ever gains files holds every blob of every restorable moment."""
        started = time.monotonic()
        self.pgbackrest("backup", f"--type={kind}")
        copied = self.mirror_blobs()
        info = json.loads(self.pgbackrest("info", "--output=json"))
        latest = info[0]["backup"][-1]
        return {"label": latest["label"], "type": latest["type"],
                "seconds": round(time.monotonic() - started, 1), "blobs_copied": copied}

    def mirror_blobs(self) -> int:
        source = self.app_data / "blobs"
        target = self.backup_dir / "blobs"
        copied = 0
        if not source.exists():
            return 0
        for file in source.rglob("*"):
            if file.is_file():
                dest = target / file.relative_to(source)
                if not dest.exists():
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(file, dest)
                    copied += 1
        return copied

    def restore(self, target_time: str | None, folder: Path | None = None,
                port: int = RESTORE_PORT) -> dict:
        """Builds a new PostgreSQL from the newest backup before target_time plus the archived
        WAL up to it ('YYYY-MM-DD HH:MM:SS.ffffff+00'; None = the end of the archive), starts it
        on its own port and promotes it. The new database is standalone: point RAMSETU_DB_URL at
        it, or make it the seed of a new Patroni cluster (ops/restore-to-a-point-in-time.md)."""
        folder = folder or self.root / "restore"
        # Blobs written since the last backup: the mirror only gains files, so taking them now
        # (when the source is still readable) keeps every blob of the moment restored to.
        self.mirror_blobs()
        if self.pid("restore"):
            self.stop("restore")
        if folder.exists():
            shutil.rmtree(folder)
        self.pg_dir(folder.name)
        started = time.monotonic()
        args = ["restore", f"--pg1-path={folder / 'data'}", "--target-action=promote"]
        if target_time:
            args += ["--type=time", f"--target={target_time}"]
        self.pgbackrest(*args)
        restored = time.monotonic() - started
        # The copied configuration is the old leader's: its own port, no archiving into the
        # source's repository, no synchronous standby to wait for.
        self.spawn("restore", [str(PG_BIN / "postgres"), "-D", str(folder / "data"),
                               "-c", f"port={port}", "-c", "listen_addresses=127.0.0.1",
                               "-c", "archive_mode=off", "-c", "synchronous_standby_names=",
                               "-c", f"unix_socket_directories={self.run}",
                               "-c", "cluster_name=ramsetu-restore"],
                   as_pg_user=True, cwd="/")
        wait_for("the restored database to finish recovery and accept writes",
                 lambda: self.psql("select not pg_is_in_recovery()", port=port) == "t", 3600, 1)
        blobs = self.app_data.parent / "restore-blobs"
        if blobs.exists():
            shutil.rmtree(blobs)
        if (self.backup_dir / "blobs").exists():
            shutil.copytree(self.backup_dir / "blobs", blobs)
        return {"port": port, "folder": str(folder), "blobs": str(blobs),
                "restore_seconds": round(restored, 1),
                "ready_seconds": round(time.monotonic() - started, 1)}

    def run_cli(self, *args: str, timeout: float = 3600) -> str:
        """One ramsetu command (demo, admin, ...) against the cluster's database."""
        env = self.app_env("worker", redis=False, db_url=self.jdbc_url(f"127.0.0.1:{PG_WRITE}"))
        result = subprocess.run(["java", "-jar", str(self.jar()), *args], env=env,
                                capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"ramsetu {' '.join(args)}: {result.stdout}{result.stderr}")
        return result.stdout

    # ---- HAProxy ---------------------------------------------------------------------------

    def haproxy_config(self, api_servers: list[str]) -> Path:
        # Patroni's REST API answers the checks over TLS (the PostgreSQL connections pass through
        # untouched: the clients and the server do their own TLS).
        tls = self.tls()
        check_tls = f"check-ssl verify required ca-file {tls / 'ca.crt'} verifyhost localhost"
        pg_servers = "\n".join(
            f"    server {n} 127.0.0.1:{port} check port {rest} {check_tls}"
            for n, (port, rest) in PG_NODES.items()
        )
        # The DR standby cluster's leader answers /primary only once promoted: until then it is
        # marked down here, afterwards the application follows it without a change of settings.
        dr_server = (f"    server {DR_NODE[0]} 127.0.0.1:{DR_NODE[1]} check port {DR_NODE[2]}"
                     f" {check_tls}")
        # Every api slot is declared; those not in service start in maintenance ("disabled"), so
        # that an instance started there takes no request before a release puts it in service
        # through the runtime API (set server ... state ready), health checks or not.
        api = "\n".join(
            f"    server {n} 127.0.0.1:{port} check weight 100"
            + ("" if n in api_servers else " disabled")
            for n, (kind, port) in APPS.items() if kind == "api")
        # HAProxy presents the api's certificate with its key in one file, readable by it only.
        pem = self.root / "haproxy.pem"
        pem.touch(mode=0o600)
        os.chmod(pem, 0o600)
        pem.write_text((tls / "app.crt").read_text() + (tls / "app.key").read_text())
        text = f"""global
    maxconn 2000
    stats socket {self.root / 'haproxy.sock'} mode 600 level admin

defaults
    log global
    timeout connect 2s
    timeout client 30m
    timeout server 30m
    timeout check 2s

# Writes go to the Patroni leader only (GET /primary answers 200 on the leader alone); when it
# stops answering, its connections are cut so that clients reconnect to the new leader at once.
listen postgres_write
    bind 127.0.0.1:{PG_WRITE}
    mode tcp
    option httpchk
    http-check send meth GET uri /primary
    http-check expect status 200
    default-server inter 1s fastinter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
{pg_servers}
{dr_server}

# Reads that tolerate staleness go to streaming replicas at most 16 MB behind.
listen postgres_read
    bind 127.0.0.1:{PG_READ}
    mode tcp
    balance roundrobin
    option httpchk
    http-check send meth GET uri /replica?lag=16MB
    http-check expect status 200
    default-server inter 1s fastinter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
{pg_servers}

# TLS terminates here and starts again towards the instances, whose certificate chain and name
# are checked against the cluster's CA (the readiness checks too).
listen api
    bind 127.0.0.1:{API_LB} ssl crt {pem} alpn http/1.1 ssl-min-ver TLSv1.2
    mode http
    option httpchk
    http-check send meth GET uri /actuator/health/readiness
    http-check expect status 200
    timeout client 120s
    timeout server 120s
    # A connection refused by a stopping instance is retried on another; nothing else is retried
    # here, so a POST is never sent twice by the balancer.
    retries 3
    option redispatch
    retry-on conn-failure
    default-server inter 1s fall 2 rise 2 ssl verify required ca-file {tls / 'ca.crt'} verifyhost localhost
{api}

listen stats
    bind 127.0.0.1:{HAPROXY_STATS} ssl crt {pem} ssl-min-ver TLSv1.2
    mode http
    stats enable
    stats uri /
"""
        file = self.root / "haproxy.cfg"
        file.write_text(text)
        return file

    def start_haproxy(self, api_servers: list[str]) -> None:
        """Starts HAProxy in master-worker mode, or reloads it without dropping connections."""
        config = self.haproxy_config(api_servers)
        subprocess.run(["haproxy", "-c", "-q", "-f", str(config)], check=True)
        if self.pid("haproxy"):
            os.kill(self.pid("haproxy"), signal.SIGUSR2)
        else:
            self.spawn("haproxy", ["haproxy", "-W", "-db", "-f", str(config)])
        wait_for("HAProxy", lambda: port_open(PG_WRITE), 10)
        wait_for("the write port to reach the leader",
                 lambda: self.psql("select not pg_is_in_recovery()") == "t", 30)
        log(f"HAProxy: writes :{PG_WRITE}, reads :{PG_READ}, api {API_BASE}")

    def haproxy_command(self, command: str) -> str:
        """One command on HAProxy's runtime API (its admin socket): weights and server states
        change without a reload, so no connection is dropped."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(5)
            s.connect(str(self.root / "haproxy.sock"))
            s.sendall(command.encode() + b"\n")
            chunks = []
            while chunk := s.recv(65536):
                chunks.append(chunk)
        answer = b"".join(chunks).decode().strip()
        if command.startswith("set ") and answer:
            raise RuntimeError(f"HAProxy refused '{command}': {answer}")
        return answer

    def api_servers_stats(self) -> dict[str, dict[str, str]]:
        """Per api server: HAProxy's counters (status, weight, scur current sessions, stot,
        hrsp_5xx ...) from 'show stat'."""
        lines = self.haproxy_command("show stat").splitlines()
        header = lines[0].lstrip("# ").split(",")
        rows = [dict(zip(header, line.split(","))) for line in lines[1:] if line]
        return {r["svname"]: r for r in rows
                if r.get("pxname") == "api" and r["svname"] not in ("FRONTEND", "BACKEND")}

    # ---- Redis with Sentinel ----------------------------------------------------------------

    def redis_tls(self) -> list[str]:
        """Redis and Sentinel serve TLS only, with the cluster's certificate, and talk TLS to each
        other (replication, Sentinel's checks); clients are not asked for certificates."""
        tls = self.tls()
        return ["port 0",
                f"tls-cert-file {tls / 'app.crt'}",
                f"tls-key-file {tls / 'app.key'}",
                f"tls-ca-cert-file {tls / 'ca.crt'}",
                "tls-auth-clients no",
                "tls-replication yes"]

    def start_redis(self) -> None:
        password = self.secret("redis")
        for i, (name, port) in enumerate(REDIS):
            d = self.root / name
            d.mkdir(parents=True, exist_ok=True)
            conf = d / "redis.conf"
            lines = [
                *self.redis_tls(),
                f"tls-port {port}",
                "bind 127.0.0.1",
                f"dir {d}",
                "appendonly yes",
                "appendfsync everysec",
                f"requirepass {password}",
                f"masterauth {password}",
                "save ''",
            ]
            if i > 0:
                lines.append(f"replicaof 127.0.0.1 {REDIS[0][1]}")
            if not conf.exists():
                conf.write_text("\n".join(lines) + "\n")
                os.chmod(conf, 0o600)
            if not self.pid(name):
                self.spawn(name, ["redis-server", str(conf)])
        for name, port in REDIS:
            wait_for(f"{name}", lambda p=port: self.redis_cli(p, "PING") == "PONG", 15)
        for name, port in SENTINELS:
            d = self.root / name
            d.mkdir(parents=True, exist_ok=True)
            conf = d / "sentinel.conf"
            if not conf.exists():
                conf.write_text(
                    "\n".join([
                        *self.redis_tls(),
                        f"tls-port {port}",
                        "bind 127.0.0.1",
                        f"dir {d}",
                        f"sentinel monitor {REDIS_MASTER} 127.0.0.1 {REDIS[0][1]} 2",
                        f"sentinel auth-pass {REDIS_MASTER} {password}",
                        f"sentinel down-after-milliseconds {REDIS_MASTER} 2000",
                        f"sentinel failover-timeout {REDIS_MASTER} 10000",
                        f"sentinel parallel-syncs {REDIS_MASTER} 1",
                    ]) + "\n")
                os.chmod(conf, 0o600)  # Sentinel rewrites its file as the topology changes
            if not self.pid(name):
                self.spawn(name, ["redis-sentinel", str(conf)])
        wait_for("three sentinels agreeing on the primary",
                 lambda: all(self.sentinel_primary(p) for _, p in SENTINELS), 20)
        # A Sentinel knows a replica from the moment it connects, before its first sync is done;
        # until then an enqueue cannot wait for it, and a failover would promote an empty server.
        primary_port = self.redis_primary_port()
        replica_port = next(port for _, port in REDIS if port != primary_port)
        wait_for("the Redis replica's first sync",
                 lambda: "master_link_status:up"
                 in self.redis_cli(replica_port, "INFO", "replication"), 30)
        log(f"Redis: primary :{self.redis_primary_port()}, 3 sentinels")

    def redis_cli(self, port: int, *command: str, password=True) -> str:
        argv = ["redis-cli", "-h", "127.0.0.1", "-p", str(port), "--no-auth-warning",
                "--tls", "--cacert", str(self.tls() / "ca.crt")]
        if password:
            argv += ["-a", self.secret("redis")]
        result = subprocess.run(argv + list(command), capture_output=True, text=True, timeout=5)
        return result.stdout.strip()

    def sentinel_primary(self, sentinel_port: int) -> int | None:
        out = self.redis_cli(sentinel_port, "SENTINEL", "get-master-addr-by-name", REDIS_MASTER,
                             password=False).split()
        return int(out[1]) if len(out) == 2 else None

    def redis_primary_port(self) -> int | None:
        for _, port in SENTINELS:
            try:
                primary = self.sentinel_primary(port)
                if primary:
                    return primary
            except Exception:
                continue
        return None

    def redis_name(self, port: int) -> str:
        return next(n for n, p in REDIS if p == port)

    def redis_url(self) -> str:
        nodes = ",".join(f"127.0.0.1:{p}" for _, p in SENTINELS)
        return f"rediss-sentinel://{self.secret('redis')}@{nodes}/0#{REDIS_MASTER}"

    # ---- the product's targets ---------------------------------------------------------------

    def jar(self) -> Path:
        return Path(os.environ.get("RAMSETU_JAR", REPO / "app" / "target" / "ramsetu.jar"))

    def tls_context(self) -> ssl.SSLContext:
        """Trusts the cluster's CA only, checking host names: how a client reaches a target."""
        return ssl.create_default_context(cafile=str(self.tls() / "ca.crt"))

    def app_url(self, name: str) -> str:
        """Where a target answers: HTTPS with the cluster's certificate, whatever its kind."""
        return f"https://127.0.0.1:{APPS[name][1]}"

    def ensure_jar(self) -> None:
        if os.environ.get("RAMSETU_JAR"):
            return
        subprocess.run([str(REPO / "ramsetu"), "--version"], check=True,
                       stdout=subprocess.DEVNULL)

    def app_env(self, kind: str, redis: bool, db_url: str | None = None) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RAMSETU_")}
        env.update({
            "RAMSETU_DATA_DIR": str(self.app_data),
            "RAMSETU_JWT_SECRET": self.secret("jwt"),
            "RAMSETU_BOOTSTRAP_ADMIN_EMAIL": "coordinator@cluster.ramsetu.test",
            "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD": self.secret("coordinator"),
            "RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET": self.authenticator().read_text().strip(),
            "JAVA_OPTS": os.environ.get("RAMSETU_CLUSTER_JAVA_OPTS",
                                        "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"),
        })
        if kind != "scoring":
            # api: through HAProxy's write port; worker: a multi-host URL that finds the primary
            # itself. Both ways are supported (docs/deploy.md); the cluster exercises both.
            if db_url is None:
                if kind == "worker":
                    hosts = ",".join(f"127.0.0.1:{p}" for p, _ in PG_NODES.values())
                    db_url = self.jdbc_url(hosts, "targetServerType=primary")
                else:
                    db_url = self.jdbc_url(f"127.0.0.1:{PG_WRITE}")
            env.update({
                "RAMSETU_DB_URL": db_url,
                "RAMSETU_DB_USER": APP_ROLE,
                "RAMSETU_DB_PASSWORD": self.secret("app"),
                "RAMSETU_SCORING_URL": self.app_url("scoring1"),
                "RAMSETU_TLS_TRUSTED_CERTIFICATES": str(self.tls() / "ca.crt"),
            })
            if os.environ.get("RAMSETU_CLUSTER_READ_REPLICA", "1") == "1":
                env["RAMSETU_DB_READ_URL"] = self.jdbc_url(f"127.0.0.1:{PG_READ}")
            if redis:
                env["RAMSETU_REDIS_URL"] = self.redis_url()
        # Every target serves HTTPS (HSTS on), HAProxy re-encrypts towards the api instances.
        env.update({"RAMSETU_TLS_CERTIFICATE": str(self.tls() / "app.crt"),
                    "RAMSETU_TLS_PRIVATE_KEY": str(self.tls() / "app.key")})
        env.update(self.extra_env)
        # Drills sign many people up from one address: the per-IP limits are for the internet.
        env["SPRING_APPLICATION_JSON"] = json.dumps({
            "ramsetu.rate-limits.limits.signup.capacity": 100000,
            "ramsetu.rate-limits.limits.login.capacity": 100000,
            "ramsetu.rate-limits.limits.api.capacity": 100000,
            "ramsetu.rate-limits.limits.code-request.capacity": 100000,
            "ramsetu.rate-limits.limits.account-codes.capacity": 100000,
            "ramsetu.rate-limits.limits.code-verification.capacity": 100000,
        })
        return env

    def train_models(self) -> None:
        registry = self.app_data / "blobs"
        if registry.exists() and any(registry.rglob("*model*")):
            return
        log("scoring: training the models once (ramsetu train)")
        env = {k: v for k, v in os.environ.items() if not k.startswith("RAMSETU_")}
        env["RAMSETU_DATA_DIR"] = str(self.app_data)
        with open(self.logs / "train.log", "ab") as out:
            subprocess.run(["java", "-jar", str(self.jar()), "train", "--rows", "20000"],
                           check=True, env=env, stdout=out, stderr=subprocess.STDOUT)

    def start_app(self, name: str, redis: bool, db_url: str | None = None,
                  wait: bool = True) -> None:
        kind, port = APPS[name]
        if self.pid(name):
            return
        env = self.app_env(kind, redis, db_url)
        java_opts = env["JAVA_OPTS"].split()
        jar = self.app_jars.get(name, self.jar())
        self.spawn(
            name,
            ["java", *java_opts, *self.class_data.launch(name, kind, jar, java_opts), "serve",
             "--target", kind, "--port", str(port)],
            env=env,
        )
        if wait:
            self.wait_ready(name)

    def wait_ready(self, name: str, timeout: float = 180) -> None:
        port = APPS[name][1]
        url = self.app_url(name)
        context = self.tls_context() if url.startswith("https") else None

        def ready():
            if not self.pid(name):
                raise RuntimeError(f"{name} exited; see {self.logs / (name + '.log')}")
            try:
                status, _ = http_json(f"{url}/actuator/health/readiness", context=context)
                return status == 200
            except urllib.error.HTTPError:
                return False

        started = time.monotonic()
        wait_for(f"{name} ready", ready, timeout, 0.5)
        self.class_data.ready(name)
        log(f"{name}: ready on :{port} in {time.monotonic() - started:.1f} s")

    def start_apps(self, names: list[str], redis: bool) -> None:
        self.ensure_jar()
        # The scoring target needs no database: it starts beside the first database target.
        if "scoring1" in names:
            self.train_models()
            self.start_app("scoring1", redis, wait=False)
        databased = [n for n in names if n != "scoring1"]
        # One database target migrates first; the others start on a migrated schema.
        if databased:
            self.start_app(databased[0], redis)
        if "scoring1" in names:
            self.wait_ready("scoring1")
        for n in databased[1:]:
            self.start_app(n, redis, wait=False)
        for n in databased[1:]:
            self.wait_ready(n)

    # ---- whole cluster -----------------------------------------------------------------------

    def up(self, nodes: int = 2, apps: list[str] | None = None, redis: bool = True) -> None:
        started = time.monotonic()
        self.prepare()
        self.start_etcd()
        self.start_postgres(nodes)
        api_servers = [n for n in (apps or []) if APPS[n][0] == "api"]
        self.start_haproxy(api_servers)
        if redis:
            self.start_redis()
        if apps:
            self.start_apps(apps, redis)
        log(f"cluster up in {time.monotonic() - started:.0f} s: {', '.join(self.running())}")

    def down(self, wipe: bool = False) -> None:
        # Replicas before the leader: a leader stopped first would hand over to a replica, and
        # the cluster would come back up on another timeline than its first node's.
        leader = self.leader() if self.running_nodes() else None
        nodes = [n for n in PG_NODES if n != leader] + ([leader] if leader else [])
        order = ([n for n in APPS] + ["haproxy"] + [n for n, _ in SENTINELS]
                 + [n for n, _ in REDIS] + [DR_NODE[0], "restore"] + nodes
                 + [n for n, _, _ in ETCD])
        for name in order:
            if self.pid(name):
                self.stop(name, timeout=40 if name in APPS else 30)
                log(f"stopped {name}")
        for name in self.running():  # anything started under another name
            self.stop(name)
            log(f"stopped {name}")
        if wipe and self.root.exists():
            shutil.rmtree(self.root)
            self._tls_ready = None  # the certificates went with the folder
            log(f"removed {self.root}")

    def status(self) -> dict:
        return {
            "root": str(self.root),
            "running": self.running(),
            "postgres": self.cluster_members(),
            "redis_primary": self.redis_primary_port() if self.pid("sentinel1") else None,
        }


def start_time(pid: int) -> str | None:
    """The kernel's start time of a process (clock ticks since boot), None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def ensure_pg_user() -> None:
    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                        "--shell", "/usr/sbin/nologin", PG_USER], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="ops/cluster", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start the cluster (idempotent)")
    up.add_argument("--nodes", type=int, default=2, choices=(2, 3))
    up.add_argument("--apps", default="api1,api2,worker1,worker2,scoring1",
                    help="targets to start (comma-separated, 'none' for the data tier only)")
    up.add_argument("--no-redis", action="store_true")
    down = sub.add_parser("down", help="stop every process the cluster started, by PID")
    down.add_argument("--wipe", action="store_true", help="also delete the cluster folder")
    sub.add_parser("status", help="what runs, who leads")
    backup = sub.add_parser("backup", help="pgBackRest backup of the cluster, then the blobs")
    backup.add_argument("--type", default="full", choices=("full", "diff", "incr"))
    restore = sub.add_parser("restore", help="a new database at a moment, on port "
                                             f"{RESTORE_PORT}, from backup + WAL archive")
    restore.add_argument("--to", dest="target_time",
                         help="UTC moment 'YYYY-MM-DD HH:MM:SS.ffffff+00' (default: the end of "
                              "the archive)")
    args = parser.parse_args()
    cluster = Cluster()
    if args.command == "up":
        apps = [] if args.apps == "none" else [a for a in args.apps.split(",") if a]
        unknown = [a for a in apps if a not in APPS]
        if unknown:
            parser.error(f"unknown targets {unknown}; choose from {list(APPS)}")
        try:
            cluster.up(args.nodes, apps, not args.no_redis)
        except Exception as e:
            log(f"cluster up failed: {e}")
            log(f"logs in {cluster.logs}; 'ops/cluster/down' stops what started")
            return 1
    elif args.command == "down":
        cluster.down(args.wipe)
    elif args.command == "backup":
        print(json.dumps(cluster.backup(args.type), indent=2))
    elif args.command == "restore":
        print(json.dumps(cluster.restore(args.target_time), indent=2))
    else:
        print(json.dumps(cluster.status(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
