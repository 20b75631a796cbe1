#!/usr/bin/python3
"""Request bodies for RamSetu's POST /v1/models/kidney/rank with exactly the candidates of the
Python peer's payloads (its gen_data.generate, seed 2024), each given an id; topK 5 like the
peer's top 5.

usage: make_payloads.py PEER_DIR OUTDIR -> OUTDIR/rank_100.json, OUTDIR/rank_10000.json
"""
import json
import os
import sys

sys.path.insert(0, sys.argv[1])
from gen_data import FEATURES, generate  # noqa: E402  (the peer's own generator)


def main():
    outdir = sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    for n in (100, 10_000):
        df = generate(n, seed=2024)[FEATURES]
        rows = df.to_dict(orient="records")
        candidates = [{"id": f"c{i}", "features": {k: (int(v) if k == "urgency_level" else float(v))
                                                   for k, v in r.items()}} for i, r in enumerate(rows)]
        path = os.path.join(outdir, f"rank_{n}.json")
        with open(path, "w") as f:
            json.dump({"candidates": candidates, "topK": 5}, f, separators=(",", ":"))
        peer = {"organ": "kidney", "donor_patient_data": rows}
        with open(os.path.join(outdir, f"peer_{n}.json"), "w") as f:
            json.dump(peer, f, separators=(",", ":"))
        print(f"{path}: {n} candidates, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
