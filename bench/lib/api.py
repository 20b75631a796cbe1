"""The HTTP calls the Python benchmarks share: JSON requests to one RamSetu instance, waiting for
its readiness, and a coordinator's sign-in with the second factor from a provisioned TOTP secret."""
import json, os, sys, time, urllib.error, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "ops", "cluster"))
import cluster  # noqa: E402  (the authenticator's codes)


class Api:
    def __init__(self, base: str):
        self.base = base

    def call(self, method, path, token=None, body=None, timeout=120):
        """Answers (status, parsed JSON body), or (status, text) for an error answer."""
        req = urllib.request.Request(self.base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")

    def wait_ready(self, within: float, still_running=lambda: True) -> bool:
        """Waits for the readiness probe; False when `within` seconds pass or the server exits."""
        deadline = time.time() + within
        while time.time() < deadline and still_running():
            try:
                with urllib.request.urlopen(self.base + "/actuator/health/readiness",
                                            timeout=3) as r:
                    if r.status == 200:
                        return True
            except Exception:
                pass
            time.sleep(1)
        return False

    def sign_in(self, email: str, password: str, totp_secret: str | None) -> str:
        """A coordinator's access token; the second factor's code comes from `totp_secret`."""
        status, login = self.call("POST", "/api/v1/auth/login",
                                  body={"email": email, "password": password})
        if status == 202:
            if not totp_secret:
                raise SystemExit("the account needs a second factor and no TOTP secret was given")
            status, login = self.call("POST", "/api/v1/auth/second-factor", body={
                "challenge": login["challenge"],
                "code": cluster.totp(totp_secret, int(time.time()) // 30)})
        if status != 200:
            raise SystemExit(f"sign-in failed: {status} {str(login)[:300]}")
        return login["accessToken"]
