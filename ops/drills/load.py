"""A load client that behaves like the product's users during a drill and keeps a ledger of every
write the API acknowledged, so that afterwards each one can be looked up row by row.

Users: donors (sign-up -> code from the mail folder -> verify -> profile -> two keyed pledges),
patients (sign-up -> code -> verify -> profile -> a keyed kidney listing) and one coordinator
(verifies pledges; verifies every new listing for the drill's transplant centre, then runs a keyed
match for it). A failed call is retried with the
same Idempotency-Key until it gets an answer or the user's patience (60 s) runs out, as a
hospital system would; every failed attempt is counted as an error seen by a client.
"""

from __future__ import annotations

import http.client
import json
import queue
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import cluster

PASSWORD = "drill pass phrase 2026"
CODE = re.compile(r"code: (\d{6})")


@dataclass
class Ack:
    kind: str  # account, donor_profile, patient_profile, pledge, verification, request, match_run
    key: str  # what identifies the row: an id, or the e-mail for accounts
    at: float  # wall-clock time of the 2xx
    sent: float  # when the attempt that got it was sent
    detail: dict = field(default_factory=dict)


class Ledger:
    def __init__(self):
        self.lock = threading.Lock()
        self.acks: list[Ack] = []
        self.errors: dict[str, int] = {}
        self.error_samples: list[dict] = []  # the first few, with when and what was answered
        self.attempts = 0
        self.in_doubt: list[tuple[str, str]] = []  # writes never acknowledged (gave up)

    def ack(self, kind: str, key: str, response: "Response", **detail) -> None:
        with self.lock:
            self.acks.append(Ack(kind, key, time.time(), response.sent_at, detail))

    def error(self, what: str, answer: str = "") -> None:
        with self.lock:
            self.errors[what] = self.errors.get(what, 0) + 1
            if len(self.error_samples) < 20:
                self.error_samples.append({"at": round(time.time(), 1), "what": what,
                                           "answer": answer[:300]})

    def attempt(self) -> None:
        with self.lock:
            self.attempts += 1

    def of(self, kind: str) -> list[Ack]:
        with self.lock:
            return [a for a in self.acks if a.kind == kind]

    def first_served_after(self, t: float) -> float | None:
        """When the first write sent after t was acknowledged: the end of an outage at t."""
        with self.lock:
            times = [a.at for a in self.acks if a.sent > t]
        return min(times) if times else None

    def error_count(self) -> int:
        with self.lock:
            return sum(self.errors.values())


class Response:
    def __init__(self, status: int, body: bytes, headers):
        self.status = status
        self.headers = headers
        try:
            self.json = json.loads(body) if body else None
        except ValueError:
            self.json = None
        self.text = body[:300].decode("utf-8", "replace")
        self.sent_at = 0.0


class GaveUp(Exception):
    pass


class Client:
    """HTTP calls with retries; network errors, 5xx and 429 are retried, other answers returned."""

    def __init__(self, base: str, ledger: Ledger, stop: threading.Event, patience: float = 60):
        self.base = base.rstrip("/")
        self.ledger = ledger
        self.stop = stop
        self.patience = patience
        self.token: str | None = None

    def once(self, method: str, path: str, body=None, headers=None, timeout=30) -> Response:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        for k, v in (headers or {}).items():
            request.add_header(k, v)
        try:
            with urllib.request.urlopen(request, timeout=timeout,
                                        context=cluster.client_context(self.base)) as r:
                return Response(r.status, r.read(), r.headers)
        except urllib.error.HTTPError as e:
            return Response(e.code, e.read(), e.headers)

    def sign_in(self, email: str, password: str, authenticator: Path | None = None) -> str:
        """An access token: the password, then for a coordinator the authenticator's code."""
        def post(path, body):
            r = self.call("login", "POST", path, body)
            return r.status, r.json
        return cluster.sign_in(post, email, password, authenticator)["accessToken"]

    def call(self, what: str, method: str, path: str, body=None, headers=None) -> Response:
        deadline = time.monotonic() + self.patience
        delay = 0.2
        while True:
            self.ledger.attempt()
            sent = time.time()
            try:
                r = self.once(method, path, body, headers)
                r.sent_at = sent
                if r.status < 500 and r.status != 429:
                    return r
                self.ledger.error(f"{what}:{r.status}", f"{method} {path}: {r.text}")
            except (urllib.error.URLError, OSError, TimeoutError,
                    http.client.HTTPException) as e:
                # HTTPException: a reset or truncated answer (IncompleteRead, RemoteDisconnected)
                self.ledger.error(f"{what}:{type(e).__name__}", f"{method} {path}: {e}")
            if time.monotonic() > deadline:
                raise GaveUp(what)
            time.sleep(delay + random.random() * delay)
            delay = min(delay * 2, 2.0)


class MailFolder:
    """Reads the .eml files the workers write, indexing each file once."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.seen: set[str] = set()
        self.codes: dict[str, list[str]] = {}
        self.count: dict[str, int] = {}
        self.lock = threading.Lock()

    def scan(self) -> None:
        with self.lock:
            if not self.folder.exists():
                return
            for f in self.folder.glob("*.eml"):
                if f.name in self.seen:
                    continue
                try:
                    text = f.read_text(errors="replace")
                except OSError:
                    continue
                to = re.search(r"^To: .*?<?([^<>\s]+@[^<>\s]+)>?\s*$", text, re.M)
                if not to:
                    continue
                self.seen.add(f.name)
                address = to.group(1).lower()
                self.count[address] = self.count.get(address, 0) + 1
                code = CODE.search(text)
                if code:
                    self.codes.setdefault(address, []).append(code.group(1))

    def code(self, address: str, stop: threading.Event, timeout: float = 90) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not stop.is_set():
            self.scan()
            with self.lock:
                codes = self.codes.get(address.lower())
                if codes:
                    return codes[-1]
            time.sleep(0.3)
        raise GaveUp(f"code mail to {address}")


def donor_profile(i: int) -> dict:
    return {
        "bloodGroup": random.choice(["O+", "A+", "B+", "AB+", "O-"]),
        "dateOfBirth": f"19{60 + i % 35}-04-12",
        "sex": random.choice(["FEMALE", "MALE"]),
        "heightCm": 165.0, "weightKg": 64.0,
        "location": {"city": "Pune", "state": "Maharashtra",
                     "latitude": 18.5204, "longitude": 73.8567},
        "hla": {"a": ["A2", "A24"], "b": ["B7", "B44"], "dr": ["DR15"]},
        "medicalHistory": {"hypertension": False, "diabetes": False, "notes": "none"},
        "consent": True,
    }


def patient_profile(i: int) -> dict:
    return {
        "bloodGroup": random.choice(["O+", "A+", "B+", "AB+"]),
        "dateOfBirth": f"19{55 + i % 40}-09-30",
        "sex": random.choice(["FEMALE", "MALE"]),
        "heightCm": 158.0, "weightKg": 61.5,
        "hla": {"a": ["A1", "A2"], "b": ["B8", "B44"], "dr": ["DR3", "DR4"]},
        "unacceptableAntigens": ["A3"],
        "hospital": {"name": "KEM Hospital", "city": "Mumbai", "state": "maharashtra",
                     "latitude": 19.0022, "longitude": 72.8416},
    }


KIDNEY_PLEDGE = {"organ": "KIDNEY", "consent": True,
                 "kidney": {"creatinine": {"value": 0.9, "unit": "mg/dL"},
                            "renalFunction": "NORMAL", "imaging": "NORMAL",
                            "cardiacRisk": "GOOD"}}
LIVER_PLEDGE = {"organ": "LIVER", "consent": True,
                "liver": {"bilirubin": {"value": 0.8, "unit": "mg/dL"}, "inr": 1.0,
                          "liverFunction": "NORMAL", "imaging": "NORMAL", "viral": "NEGATIVE"}}
KIDNEY_REQUEST = {"organ": "KIDNEY", "urgency": 3,
                  "kidney": {"diabetes": False, "priorTransplant": False,
                             "dialysisStartDate": "2024-01-15"}}


class Load:
    """Runs the users until stopped; every acknowledged write lands in the ledger."""

    def __init__(self, base: str, mail: Path, coordinator: tuple[str, str, Path], run_id: str,
                 users: int = 4, match_runs: bool = True):
        self.base = base
        self.ledger = Ledger()
        self.stop = threading.Event()
        self.mail = MailFolder(mail)
        self.coordinator = coordinator
        self.run_id = run_id
        self.users = users
        self.match_runs = match_runs
        self.counter = 0
        self.counter_lock = threading.Lock()
        self.listings: queue.Queue[tuple[str, bool]] = queue.Queue()  # id, to verify
        self.pledges: queue.Queue[str] = queue.Queue()
        self.threads: list[threading.Thread] = []
        self.failures: list[str] = []  # journeys that broke on an unexpected 4xx

    def email(self, role: str) -> tuple[int, str]:
        with self.counter_lock:
            self.counter += 1
            n = self.counter
        return n, f"drill-{self.run_id}-{role.lower()}-{n}@drill.ramsetu.test"

    def sign_up(self, c: Client, role: str) -> tuple[int, str]:
        n, email = self.email(role)
        body = {"email": email, "password": PASSWORD, "role": role,
                "fullName": f"Drill {role.title()} {n}"}
        r = c.call("signup", "POST", "/api/v1/auth/signup", body)
        if r.status == 202:
            self.ledger.ack("account", email, r, role=role)
        elif r.status == 409:
            # An earlier attempt committed but its answer was lost: the account exists unacked.
            self.ledger.in_doubt.append(("account", email))
            c.call("resend", "POST", "/api/v1/auth/resend-code", {"email": email, "role": role})
        else:
            raise RuntimeError(f"signup {r.status} {r.text}")
        code = self.mail.code(email, self.stop)
        r = c.call("verify", "POST", "/api/v1/auth/verify",
                   {"email": email, "role": role, "code": code})
        if r.status != 200:
            # A retried verify finds the code used: sign in instead.
            r = c.call("login", "POST", "/api/v1/auth/login",
                       {"email": email, "password": PASSWORD, "role": role})
            if r.status != 200:
                raise RuntimeError(f"verify/login {r.status} {r.text}")
        c.token = r.json["accessToken"]
        return n, email

    def canary_listing(self, c: Client) -> str:
        """A patient with a WAITING kidney listing, kept for smoke tests' match runs (release
        checks): made through the API as a patient would, its writes in the ledger. A release that
        lists requests PENDING_VERIFICATION has the drill's centre verify it."""
        n, _ = self.sign_up(c, "PATIENT")
        r = c.call("patient_profile", "PUT", "/api/v1/patients/me", patient_profile(n))
        if r.status not in (200, 201):
            raise RuntimeError(f"canary patient profile {r.status} {r.text}")
        r = self.keyed_post(c, "request", "/api/v1/transplant-requests", KIDNEY_REQUEST)
        if r is None:
            raise RuntimeError("the canary listing was not acknowledged")
        if r.json["status"] == "PENDING_VERIFICATION" and not self.verify_listing(
                self.centre_coordinator(), r.json["id"]):
            raise RuntimeError("the canary listing could not be verified")
        return r.json["id"]

    def centre_coordinator(self) -> Client:
        """The drill's coordinator, signed in and working for the drill's own transplant centre
        (registered once per run): only a coordinator of a patient's centre verifies a listing."""
        c = Client(self.base, self.ledger, self.stop)
        c.token = c.sign_in(*self.coordinator)
        number = f"DRILL/TTX/{self.run_id}"
        body = {"name": f"Drill Transplant Centre {self.run_id}", "registrationNumber": number,
                "city": "Pune", "state": "Maharashtra", "latitude": 18.5196,
                "longitude": 73.8711, "programmes": ["KIDNEY", "LIVER", "HEART", "CORNEA"]}
        r = c.call("centre", "POST", "/api/v1/admin/centres", body,
                   {"Idempotency-Key": f"drill-centre-{self.run_id}"})
        if r.status == 201:
            centre = r.json["id"]
        elif r.status == 409:  # registered by an earlier coordinator loop of this run
            found = c.call("centres", "GET", "/api/v1/admin/centres?q="
                           + urllib.parse.quote(number))
            centre = found.json["items"][0]["id"]
        else:
            raise RuntimeError(f"drill centre {r.status} {r.text}")
        r = c.call("centre_coordinator", "POST", f"/api/v1/admin/centres/{centre}/coordinators",
                   {"email": self.coordinator[0]})
        if r.status != 200:
            raise RuntimeError(f"drill centre coordinator {r.status} {r.text}")
        return c

    def verify_listing(self, c: Client, listing: str) -> bool:
        """The centre checks a pending listing; a retry after a lost answer finds it verified.
        False when an instance of the previous release answered (it has no such action: during
        a rollout's switch both releases serve), so the caller tries again later."""
        r = c.call("listing_verification", "POST",
                   f"/api/v1/admin/transplant-requests/{listing}/verify",
                   {"urgency": 3, "evidence": "drill: clinical values checked"},
                   {"If-Match": '"0"'})
        if r.status == 200:
            self.ledger.ack("listing_verification", listing, r)
        elif r.status == 409:
            self.ledger.in_doubt.append(("listing_verification", listing))
        elif r.status in (404, 405):
            return False
        else:
            raise RuntimeError(f"verify listing {r.status} {r.text}")
        return True

    def keyed_post(self, c: Client, what: str, path: str, body: dict) -> Response | None:
        key = str(uuid.uuid4())
        try:
            r = c.call(what, "POST", path, body, {"Idempotency-Key": key})
        except GaveUp:
            self.ledger.in_doubt.append((what, key))
            return None
        if r.status != 201:
            raise RuntimeError(f"{what} {r.status} {r.text}")
        return r

    def donor(self) -> None:
        c = Client(self.base, self.ledger, self.stop)
        n, _ = self.sign_up(c, "DONOR")
        r = c.call("donor_profile", "PUT", "/api/v1/donors/me", donor_profile(n))
        if r.status not in (200, 201):
            raise RuntimeError(f"donor profile {r.status} {r.text}")
        account = r.json["accountId"]
        self.ledger.ack("donor_profile", account, r)
        for what, body in (("pledge", KIDNEY_PLEDGE), ("pledge", LIVER_PLEDGE)):
            r = self.keyed_post(c, what, "/api/v1/pledges", body)
            if r:
                self.ledger.ack("pledge", r.json["id"], r, donor=account, organ=body["organ"])
                self.pledges.put(r.json["id"])

    def patient(self) -> None:
        c = Client(self.base, self.ledger, self.stop)
        n, _ = self.sign_up(c, "PATIENT")
        r = c.call("patient_profile", "PUT", "/api/v1/patients/me", patient_profile(n))
        if r.status not in (200, 201):
            raise RuntimeError(f"patient profile {r.status} {r.text}")
        account = r.json["accountId"]
        self.ledger.ack("patient_profile", account, r)
        r = self.keyed_post(c, "request", "/api/v1/transplant-requests", KIDNEY_REQUEST)
        if r:
            self.ledger.ack("request", r.json["id"], r, patient=account)
            # A release before verified listings lists WAITING at once: nothing to verify.
            self.listings.put((r.json["id"], r.json["status"] == "PENDING_VERIFICATION"))

    def coordinate(self) -> None:
        if self.match_runs:  # verifies listings, so it works for the drill's centre
            c = self.centre_coordinator()
        else:
            c = Client(self.base, self.ledger, self.stop)
            c.token = c.sign_in(*self.coordinator)
        while not self.stop.is_set():
            try:
                pledge = self.pledges.get_nowait()
                r = c.call("verification", "POST", f"/api/v1/admin/pledges/{pledge}/verify",
                           None, {"If-Match": '"0"'})
                if r.status == 200:
                    self.ledger.ack("verification", pledge, r)
                elif r.status == 409:
                    self.ledger.in_doubt.append(("verification", pledge))
                else:
                    raise RuntimeError(f"verify pledge {r.status} {r.text}")
                continue
            except queue.Empty:
                pass
            if self.match_runs:
                try:
                    listing, pending = self.listings.get(timeout=0.5)
                except queue.Empty:
                    continue
                if pending and not self.verify_listing(c, listing):
                    self.listings.put((listing, pending))
                    time.sleep(0.5)
                    continue
                r = self.keyed_post(c, "match_run",
                                    f"/api/v1/transplant-requests/{listing}/match-runs", {})
                if r:
                    self.ledger.ack("match_run", r.json["id"], r, request=listing)
            else:
                time.sleep(0.3)

    def journeys(self, worker: int) -> None:
        while not self.stop.is_set():
            try:
                (self.donor if worker % 2 == 0 else self.patient)()
            except GaveUp as e:
                if not self.stop.is_set():  # the drill ending is not a client's error
                    self.ledger.error(f"gave-up:{e}")
            except Exception as e:  # an unexpected answer: recorded, the drill fails on it
                self.failures.append(f"{type(e).__name__}: {e}")
                self.ledger.error("unexpected")
                time.sleep(0.5)

    def _guard(self, target):
        def run():
            try:
                target()
            except Exception as e:
                self.failures.append(f"{type(e).__name__}: {e}")
        return run

    def start(self) -> None:
        for i in range(self.users):
            t = threading.Thread(target=self._guard(lambda i=i: self.journeys(i)), daemon=True)
            self.threads.append(t)
        self.threads.append(threading.Thread(target=self._guard(self.coordinate), daemon=True))
        for t in self.threads:
            t.start()

    def finish(self, timeout: float = 90) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout)
