#!/usr/bin/env python3
"""Prints a Gatling report's statistics table as Markdown (count, failures, throughput,
p50/p95/p99/max in ms), from the report's index.html: Gatling 3.15 keeps no stats.json.
With MEASURED_SECONDS, also the measured runs per second of those seconds."""
import html
import re
import sys

COLUMNS = {2: "count", 4: "KO", 6: "per s", 8: "p50", 10: "p95", 11: "p99", 12: "max"}


def rows(report):
    text = open(report, encoding="utf-8").read()
    # the statistics tables: the global row, then one row per group and request
    bodies = [b.split("</tbody>", 1)[0] for b in text.split("<tbody>")[1:]]
    body = "".join(b for b in bodies if 'class="value total col-2"' in b)
    for chunk in re.split(r"<tr id=", body)[1:]:
        name = re.search(r'class="ellipsed-name">([^<]*)<', chunk)
        label = html.unescape(name.group(1)) if name else "all requests"
        values = dict(
            (int(n), v) for n, v in re.findall(r'class="value [a-z ]*col-(\d+)">([^<]*)<', chunk)
        )
        yield label, [values.get(c, "") for c in COLUMNS]


def main():
    """With MEASURED_SECONDS, also prints the measured runs (match or allocation) per second of those
    seconds: Gatling's "per s" divides by the whole simulation, warm-up included."""
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: gatling-summary.py REPORT_DIR/index.html [MEASURED_SECONDS]")
    print("| request | " + " | ".join(COLUMNS.values()) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    measured = {}
    for label, values in rows(sys.argv[1]):
        print("| " + label + " | " + " | ".join(values) + " |")
        if label in ("match runs", "allocation runs"):
            measured[label] = int(values[0].replace(",", ""))
    if len(sys.argv) == 3:
        seconds = float(sys.argv[2])
        for label, count in measured.items():
            print(f"{label} in the measured {seconds:g} s: {count / seconds:.2f} per s")


if __name__ == "__main__":
    main()
