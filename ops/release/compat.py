"""The N-1 compatibility check: the previous release must keep working on a database that the new
release has migrated, because during a rollout both run at once (docs/architecture.md,
"Migrations: expand, then contract").

Two parts:
1. The rule, read from the migrations the new release adds: nothing the previous release reads or
   writes may disappear or change shape in the same release that stops using it (no DROP, RENAME,
   type change, new NOT NULL without a default). A migration that is the second, "contract" step
   says so with a line `-- contract: <which release stopped using it>`.
2. The proof: the previous release's jar (built once per commit and cached) runs on a database
   the new release migrated, and `ramsetu smoke` of the new release passes against it: readiness,
   sign-up with the mailed code, every list, a match run on a canary listing.

Usage: ops/release/compat-check [--ref REF] [--lint-only]; REF defaults to the release in service,
named in ops/release/previous-release, else the newest tag v* before HEAD, else HEAD's parent. Writes target/release/compat.json and links the previous jar as
target/release/previous.jar (the rollout drill starts from it)."""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "ops" / "drills"))
sys.path.insert(0, str(REPO / "ops" / "cluster"))
from load import Client, Ledger, Load  # noqa: E402

MIGRATION_DIRS = ("infra/src/main/resources/db/migration",
                  "platform/src/main/resources/db/migration",
                  "platform/src/main/java/db/migration")
CACHE = Path(os.environ.get("RAMSETU_RELEASE_CACHE",
                            Path.home() / ".cache" / "ramsetu" / "releases"))
OUT = REPO / "target" / "release"
PORT = 15499
ADMIN_EMAIL = "coordinator@compat.ramsetu.test"

TYPE_CHANGE = re.compile(r"\balter\s+column\s+\S+\s+(set\s+data\s+)?type\b", re.I)
TABLE = re.compile(r"^\s*alter\s+table\s+(?:only\s+)?(?:if\s+exists\s+)?(\w+)", re.I)
ADD_COLUMN = re.compile(r"\badd\s+(?!constraint\b|primary\b|unique\b|check\b|foreign\b)"
                        r"(?:column\s+)?\w+", re.I)

# Statements that break a release still running on the schema: what it reads vanishes or changes
# shape, or what it writes is now refused. Loosening (DROP NOT NULL, DROP CONSTRAINT, DROP INDEX)
# and adding (tables, nullable columns, columns with defaults, indexes) are expand steps.
BREAKING = [
    (re.compile(r"^\s*drop\s+(table|view|materialized\s+view|function|procedure|type|schema|"
                r"sequence)\b", re.I),
     "drops what the previous release may use"),
    (re.compile(r"^\s*alter\s+table\b.*\bdrop\s+(?!constraint\b|not\s+null\b|index\b)"
                r"(?:column\s+)?(?:if\s+exists\s+)?\w+", re.I | re.S),
     "drops a column or default the previous release may use"),
    (re.compile(r"\brename\b", re.I), "renames what the previous release may use"),
    (TYPE_CHANGE, "changes a column's type (even a longer varchar: the previous release's prepared"
                  " statements that read it fail with 'cached plan must not change result type')"),
    (re.compile(r"\bset\s+not\s+null\b", re.I),
     "makes a column required that the previous release may leave empty"),
    (re.compile(r"\badd\s+(?!constraint\b)(?:column\s+)?(?:if\s+not\s+exists\s+)?\w+\s+"
                r"[^,;]*\bnot\s+null\b"
                r"(?![^,;]*\bdefault\b)", re.I),
     "adds a required column without a default: the previous release's inserts fail"),
]
CONTRACT_MARK = re.compile(r"^\s*--\s*contract:\s*\S", re.I | re.M)


def log(message: str) -> None:
    print(f"[compat {time.strftime('%H:%M:%S')}] {message}", flush=True)


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


RELEASE_FILE = Path(__file__).resolve().parent / "previous-release"


def previous_ref() -> str:
    """The release in service: a clone keeps every commit but not always the tags."""
    named = released_commit(RELEASE_FILE.read_text()) if RELEASE_FILE.exists() else None
    if named:
        try:
            git("merge-base", "--is-ancestor", named, "HEAD")
            return named
        except subprocess.CalledProcessError:
            log(f"{RELEASE_FILE.name} names {named[:10]}, which is not an ancestor of HEAD")
    try:
        return git("describe", "--tags", "--abbrev=0", "--match", "v*", "HEAD^")
    except subprocess.CalledProcessError:
        return "HEAD^"


def released_commit(text: str) -> str | None:
    """The commit of the first line that is not a comment: "COMMIT NAME"."""
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            commit = line.split()[0]
            return commit if re.fullmatch(r"[0-9a-f]{7,40}", commit) else None
    return None


# ---- 1. the rule -------------------------------------------------------------------------------

def strip_comments(sql: str) -> str:
    sql = re.sub(r"/\*.*?\*/", " ", sql, flags=re.S)
    return re.sub(r"--[^\n]*", " ", sql)


def lint(text: str, name: str, star_read: frozenset[str] = frozenset()) -> list[str]:
    """The breaking statements of one new migration, unless it is marked as a contract step.
    star_read: the tables the previous release reads with `select *` (or `alias.*`)."""
    if name.endswith(".java"):
        return []  # code, not statements: the smoke check below covers what it does
    if CONTRACT_MARK.search(text):
        return []
    found = []
    for statement in strip_comments(text).split(";"):
        statement = " ".join(statement.split())
        if statement.lower().startswith("create "):
            continue  # a new table's own columns break nothing the previous release knows
        for pattern, why in BREAKING:
            if pattern.search(statement):
                found.append(f"{name}: {why} (`{statement[:120]}`); expand first, contract in a"
                             f" later release with a line `-- contract: ...`")
        table = TABLE.match(statement)
        if table and table.group(1).lower() in star_read and ADD_COLUMN.search(statement):
            found.append(
                f"{name}: adds a column to {table.group(1)}, which the previous release reads with"
                f" `select *`: its server-prepared statements fail with 'cached plan must not"
                f" change result type' (`{statement[:120]}`); put the new columns in a table of"
                f" their own, or first ship a release that names its columns")
    return found


STAR = re.compile(r"\bselect\s+(?:distinct\s+)?\*\s+from\s+(\w+)", re.I)
ALIAS_STAR = re.compile(r"(?:\bselect\s+(?:distinct\s+)?|,\s*)(\w+)\.\*", re.I)


def star_reads(source: str) -> set[str]:
    """The tables a source file reads with `select * from t` or `select a.*, ... from t a`."""
    tables = {m.group(1).lower() for m in STAR.finditer(source)}
    for alias in {m.group(1) for m in ALIAS_STAR.finditer(source)}:
        for m in re.finditer(rf"\b(?:from|join)\s+(\w+)\s+(?:as\s+)?{alias}\b", source, re.I):
            tables.add(m.group(1).lower())
    return tables


def tables_read_with_star(ref: str) -> frozenset[str]:
    """What the previous release reads with `*`, from its sources."""
    try:
        files = git("grep", "-l", "-i", "-E", r"(select\s+|,\s*)(\w+\.)?\*", ref, "--",
                    "*.java").splitlines()
    except subprocess.CalledProcessError:
        return frozenset()  # no file matches
    tables = set()
    for entry in files:  # "REF:path"
        if "/src/test/" in entry:
            continue  # tests are not in the release that keeps running during a rollout
        tables |= star_reads(git("show", entry))
    return frozenset(tables)


def new_migrations(ref: str) -> dict[str, str]:
    """Migration files in the working tree that the previous release did not have."""
    old = set()
    for d in MIGRATION_DIRS:
        try:
            old.update(git("ls-tree", "-r", "--name-only", ref, "--", d).splitlines())
        except subprocess.CalledProcessError:
            pass
    added = {}
    for d in MIGRATION_DIRS:
        for f in sorted((REPO / d).glob("V*")) if (REPO / d).exists() else []:
            rel = str(f.relative_to(REPO))
            if rel not in old:
                added[rel] = f.read_text()
    return added


# ---- 2. the proof ------------------------------------------------------------------------------

def build_previous(sha: str) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    jar = CACHE / f"ramsetu-{sha}.jar"
    if jar.exists():
        log(f"previous release {sha[:10]}: cached {jar}")
        return jar
    src = Path(tempfile.mkdtemp(prefix=f"ramsetu-release-{sha[:10]}-"))
    try:
        log(f"previous release {sha[:10]}: building once into {jar}")
        archive = subprocess.run(["git", "-C", str(REPO), "archive", sha], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
        started = time.monotonic()
        # The web module builds the console's assets; the smoke test reads only the API.
        subprocess.run(["./mvnw", "-q", "-B", "-ntp", "-DskipTests", "-Dspotless.check.skip=true",
                        "-Dweb.skip=true", "-pl", "app", "-am", "package"],
                       cwd=src, check=True)
        shutil.copy2(src / "app" / "target" / "ramsetu.jar", jar.with_suffix(".tmp"))
        jar.with_suffix(".tmp").rename(jar)
        log(f"built in {time.monotonic() - started:.0f} s")
        return jar
    finally:
        shutil.rmtree(src, ignore_errors=True)


class Instance:
    """One `all` target on embedded defaults over a shared data folder."""

    def __init__(self, jar: Path, data: Path, label: str, logs: Path):
        self.jar, self.data, self.label = jar, data, label
        env = {k: v for k, v in os.environ.items() if not k.startswith("RAMSETU_")}
        env.update({"RAMSETU_DATA_DIR": str(data),
                    "RAMSETU_BOOTSTRAP_ADMIN_EMAIL": ADMIN_EMAIL,
                    "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD": admin_password(data),
                    # Read by releases with coordinators' second factor; ignored by older ones.
                    "RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET": authenticator(data).read_text()})
        self.log = open(logs / f"{label}.log", "ab")
        self.process = subprocess.Popen(
            ["java", "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", str(jar), "serve",
             "--target", "all", "--port", str(PORT)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)

    def wait_ready(self, timeout: float = 300) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.label} exited with {self.process.returncode}; "
                                   f"see {self.log.name}")
            try:
                with urllib.request.urlopen(
                        f"http://127.0.0.1:{PORT}/actuator/health/readiness", timeout=3) as r:
                    if r.status == 200:
                        return time.monotonic() - started
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.label} not ready in {timeout:.0f} s; see {self.log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # graceful: the embedded database too
            try:
                self.process.wait(90)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def admin_password(data: Path) -> str:
    file = data.parent / "admin-password"
    if not file.exists():
        file.write_text(os.urandom(12).hex())
        file.chmod(0o600)
    return file.read_text()


def authenticator(data: Path) -> Path:
    """The bootstrap coordinator's authenticator secret (Base32, 160 bits)."""
    file = data.parent / "admin-totp"
    if not file.exists():
        file.write_text(base64.b32encode(os.urandom(20)).decode())
        file.chmod(0o600)
    return file


def smoke(new_jar: Path, data: Path, canary: str, label: str) -> dict:
    c = Client(f"http://127.0.0.1:{PORT}/", Ledger(), threading.Event(), patience=30)
    token = data.parent / "token"
    token.write_text(c.sign_in(ADMIN_EMAIL, admin_password(data), authenticator(data)))
    run = subprocess.run(
        ["java", "-XX:TieredStopAtLevel=1", "-jar", str(new_jar), "smoke",
         "--url", f"http://127.0.0.1:{PORT}", "--coordinator-token-file", str(token),
         "--mailbox", str(data / "mail"), "--canary-request", canary, "--timeout", "30"],
        capture_output=True, text=True, timeout=300)
    log(f"smoke of {label}: exit {run.returncode}")
    print(run.stdout + run.stderr, flush=True)
    return {"label": label, "passed": run.returncode == 0,
            "failures": [line.removeprefix("FAIL").strip()
                         for line in run.stderr.strip().splitlines()]}


def canary_listing(data: Path) -> str:
    """A patient with a WAITING kidney listing, made through the API as a patient would."""
    load = Load(f"http://127.0.0.1:{PORT}/", data / "mail",
                (ADMIN_EMAIL, admin_password(data), authenticator(data)),
                run_id=str(int(time.time())), users=0)
    return load.canary_listing(
        Client(f"http://127.0.0.1:{PORT}/", Ledger(), threading.Event(), patience=60))


def prove(previous_jar: Path, new_jar: Path, result: dict) -> None:
    work = Path(tempfile.mkdtemp(prefix="ramsetu-compat-"))
    data = work / "data"
    logs = OUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    try:
        # The previous release serves first (its schema, its rows), as production does.
        old = Instance(previous_jar, data, "previous-first", logs)
        result["previous_ready_seconds"] = round(old.wait_ready(), 1)
        canary = canary_listing(data)
        old.stop()
        # The new release migrates the database, as the first new instance of a rollout does.
        new = Instance(new_jar, data, "new-migrates", logs)
        result["new_ready_seconds"] = round(new.wait_ready(), 1)
        result["smoke_new"] = smoke(new_jar, data, canary, "the new release")
        new.stop()
        # The previous release again, on the migrated database: it must still work.
        old = Instance(previous_jar, data, "previous-on-new-schema", logs)
        result["previous_on_new_schema_ready_seconds"] = round(old.wait_ready(), 1)
        result["smoke_previous_on_new_schema"] = smoke(
            new_jar, data, canary, "the previous release on the migrated database")
        old.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="ops/release/compat-check", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ref", help="the previous release (default: ops/release/previous-release, else newest tag v*, else HEAD^)")
    parser.add_argument("--lint-only", action="store_true", help="only the migrations' rule")
    args = parser.parse_args()
    ref = args.ref or previous_ref()
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        sha = git("rev-parse", "--verify", ref + "^{commit}")
    except subprocess.CalledProcessError:
        # A shallow clone has no previous commit: deepen it once; a clone that cannot reach its
        # origin has no previous release to compare with, which is said, not hidden.
        subprocess.run(["git", "-C", str(REPO), "fetch", "-q", "--deepen=1"], check=False)
        try:
            sha = git("rev-parse", "--verify", ref + "^{commit}")
        except subprocess.CalledProcessError:
            log(f"SKIPPED: {ref} is not in this clone (shallow, origin unreachable); "
                "the N-1 check needs the previous release's commit")
            (OUT / "compat.json").write_text(json.dumps(
                {"check": "n-1-compatibility", "previous_ref": ref, "passed": None,
                 "skipped": "previous commit not in the clone"}, indent=2) + "\n")
            return 0
    result: dict = {"check": "n-1-compatibility", "previous_ref": ref, "previous_commit": sha,
                    "new_commit": git("rev-parse", "HEAD"), "passed": False}
    added = new_migrations(sha)
    star_read = tables_read_with_star(ref)
    violations = [v for name, text in added.items() for v in lint(text, name, star_read)]
    result["new_migrations"] = sorted(added)
    result["violations"] = violations
    for v in violations:
        log("BREAKING: " + v)
    failures = list(violations)
    if not args.lint_only:
        new_jar = Path(os.environ.get("RAMSETU_JAR", REPO / "app" / "target" / "ramsetu.jar"))
        if not new_jar.exists():
            subprocess.run([str(REPO / "ramsetu"), "--version"], check=True,
                           stdout=subprocess.DEVNULL)
        previous_jar = build_previous(sha)
        link = OUT / "previous.jar"
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(previous_jar)
        try:
            prove(previous_jar, new_jar, result)
            for key in ("smoke_new", "smoke_previous_on_new_schema"):
                if not result[key]["passed"]:
                    failures.append(f"{result[key]['label']}: " +
                                    "; ".join(result[key]["failures"]))
        except Exception as e:  # a release that does not start is a failed check
            failures.append(f"{type(e).__name__}: {e}")
    result["failures"] = failures
    result["passed"] = not failures
    (OUT / "compat.json").write_text(json.dumps(result, indent=2) + "\n")
    log(("PASSED" if result["passed"] else "FAILED") + f": previous {ref} ({sha[:10]}) "
        f"on the schema of {result['new_commit'][:10]}; {len(added)} new migration(s)")
    for f in failures:
        print(f"FAIL  {f}", file=sys.stderr)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
