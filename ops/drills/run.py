#!/usr/bin/env python3
"""ops/drills/run NAME [--quick] [--keep]: runs one drill against real processes on loopback,
stops everything it started by PID, writes target/drills/NAME.json, exits 1 when its expectation
fails. Drills: db-failover, redis-failover, pitr-restore, dr-standby, trace, rollout, scheduler, offer-expiry."""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from drill import Drill, log  # noqa: E402

DRILLS = {
    "db-failover": "db_failover",
    "redis-failover": "redis_failover",
    "pitr-restore": "pitr_restore",
    "dr-standby": "dr_standby",
    "trace": "trace",
    "rollout": "rollout",
    "scheduler": "scheduler",
    "offer-expiry": "offer_expiry",
}


def main() -> int:
    parser = argparse.ArgumentParser(prog="ops/drills/run", description=__doc__)
    parser.add_argument("name", choices=sorted(DRILLS))
    parser.add_argument("--quick", action="store_true", help="small data, a few minutes (CI)")
    parser.add_argument("--keep", action="store_true", help="leave the cluster running")
    args = parser.parse_args()
    drill = Drill(args.name, args.quick, args.keep)
    module = importlib.import_module(DRILLS[args.name])
    try:
        module.run(drill)
    except Exception as e:  # the drill could not complete: that is a failed expectation
        traceback.print_exc()
        drill.fail(f"{type(e).__name__}: {e}")
    finally:
        try:
            drill.teardown()
        except Exception as e:
            log(f"teardown: {e}")
            drill.fail(f"teardown: {e}")
    return drill.finish()


if __name__ == "__main__":
    sys.exit(main())
