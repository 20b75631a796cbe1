"""pitr-restore: load the registry, take a full backup, write more, note a moment T, write more
and then delete rows by mistake; restore a new database to T from the backup and the WAL archive.
Every registry table must have at T's row count and checksum. The full drill loads at least
1,000,000 pledges and records the restore time (RTO)."""

from __future__ import annotations

import time
from pathlib import Path

import cluster as c
from drill import Drill, log

# The registry and everything that refers to it; a table the schema lacks is skipped.
TABLES = ["account", "donor_profile", "patient_profile", "pledge", "transplant_request",
          "document", "match_run", "allocation_run", "audit_event", "idempotency_key"]


def checksums(cluster: c.Cluster, port: int) -> dict[str, list[int]]:
    """Row count and an order-independent checksum (sum of 60-bit slices of each row's md5)."""
    existing = set(cluster.psql("select table_name from information_schema.tables where "
                                "table_schema = 'public'", port=port).splitlines())
    result = {}
    for table in TABLES:
        if table not in existing:
            continue
        out = cluster.psql(
            f"select count(*), coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)"
            f"::bigint), 0) from {table} t", port=port, timeout=1800)
        count, checksum = out.split("|")
        result[table] = [int(count), int(checksum)]
    return result


def run(d: Drill) -> None:
    quick = d.quick
    donors = [1500, 2000, 2500] if quick else [600_000, 700_000, 710_000]
    d.fresh_cluster()
    d.cluster.up(nodes=2, apps=[], redis=False)
    d.cluster.ensure_jar()

    log(f"loading {donors[0]:,} demo donors")
    loaded = time.monotonic()
    d.cluster.run_cli("demo", "--donors", str(donors[0]), "--patients", str(donors[0] // 10))
    log(f"loaded in {time.monotonic() - loaded:.0f} s; full backup")
    backup = d.cluster.backup("full")
    log(f"backup {backup['label']} in {backup['seconds']} s")

    # Writes after the backup: the restore must replay them from the WAL archive.
    d.cluster.run_cli("demo", "--donors", str(donors[1]), "--patients", str(donors[1] // 10))
    time.sleep(1.5)
    moment = d.cluster.psql("select to_char(now() at time zone 'UTC', "
                            "'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
    time.sleep(1.5)
    at_moment = checksums(d.cluster, c.PG_WRITE)
    log(f"T = {moment}: {at_moment.get('pledge', [0])[0]:,} pledges")

    # After T: more registrations, then the mistake.
    d.cluster.run_cli("demo", "--donors", str(donors[2]), "--patients", str(donors[2] // 10))
    deleted = d.cluster.psql("with gone as (delete from pledge where status = 'PENDING' "
                             "returning 1) select count(*) from gone")
    log(f"by mistake: deleted {int(deleted):,} pending pledges")
    d.expect(int(deleted) > 0, "the mistake removed no pledge; the drill would prove nothing")
    d.cluster.pgbackrest("check")  # switches WAL and waits until the segment is archived

    log(f"restoring a new database to {moment}")
    restored = d.cluster.restore(moment)
    after_restore = checksums(d.cluster, c.RESTORE_PORT)
    lost = duplicated = 0
    differing = []
    for table, (count, checksum) in at_moment.items():
        got_count, got_checksum = after_restore.get(table, [0, 0])
        lost += max(0, count - got_count)
        duplicated += max(0, got_count - count)
        if (count, checksum) != (got_count, got_checksum):
            differing.append(f"{table}: T {count} rows/{checksum}, restored "
                             f"{got_count}/{got_checksum}")
    blobs_before = sorted(p.relative_to(d.cluster.app_data / "blobs").as_posix()
                          for p in (d.cluster.app_data / "blobs").rglob("*") if p.is_file()) \
        if (d.cluster.app_data / "blobs").exists() else []
    restored_blobs = Path(restored["blobs"])
    missing_blobs = [b for b in blobs_before if not (restored_blobs / b).exists()]

    d.result.update({
        "acknowledged": sum(v[0] for v in at_moment.values()),
        "lost": lost,
        "duplicated": duplicated,
        "errors": len(differing),
        "rto_seconds": restored["ready_seconds"],
        "rpo_seconds": 0.0 if not differing else None,
        "target_time": moment,
        "pledges_at_target": at_moment.get("pledge", [0])[0],
        "rows_at_target": {t: v[0] for t, v in at_moment.items()},
        "deleted_by_mistake": int(deleted),
        "backup": backup,
        "restore_seconds": restored["restore_seconds"],
        "differing_tables": differing,
        "blobs_missing_after_restore": missing_blobs[:10],
    })
    d.expect(not differing, f"tables differ from T: {differing}")
    d.expect(not missing_blobs, f"{len(missing_blobs)} blobs missing after the restore")
    if not quick:
        d.expect(at_moment["pledge"][0] >= 1_000_000, "the full drill needs 1,000,000 pledges")
