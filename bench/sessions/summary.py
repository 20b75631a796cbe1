"""Mean time of the session check against the mean time of the whole GET /api/v1/me request,
from two Prometheus scrapes of the instance (before and after the measured run)."""
import re
import sys


def read(path):
    values = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        match = re.match(r"^(\w+)(\{[^}]*\})?\s+(\S+)", line)
        if match:
            values[(match.group(1), match.group(2) or "")] = float(match.group(3))
    return values


def total(values, name, must_contain=()):
    return sum(v for (n, labels), v in values.items()
               if n == name and all(part in labels for part in must_contain))


def delta(before, after, name, must_contain=()):
    return total(after, name, must_contain) - total(before, name, must_contain)


before, after = read(sys.argv[1]), read(sys.argv[2])
check_n = delta(before, after, "ramsetu_security_session_check_seconds_count")
check_s = delta(before, after, "ramsetu_security_session_check_seconds_sum")
me = ('uri="/api/v1/me"', 'status="200"')
request_n = delta(before, after, "http_server_requests_seconds_count", me)
request_s = delta(before, after, "http_server_requests_seconds_sum", me)
if not check_n or not request_n:
    sys.exit("no session checks or requests were measured")
check_ms = 1000 * check_s / check_n
request_ms = 1000 * request_s / request_n
print(f"session checks: {check_n:.0f}, mean {check_ms:.3f} ms")
print(f"GET /api/v1/me answered 200: {request_n:.0f}, mean {request_ms:.3f} ms (server side)")
print(f"share of the request spent on the check: {100 * check_ms / request_ms:.1f} %")
