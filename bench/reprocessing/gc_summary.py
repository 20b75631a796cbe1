"""Heap figures from a `-Xlog:gc:file=…:time,uptime` log between two wall-clock times (UTC, HH:MM:SS):
pauses, highest occupancy before and after a pause, what survives each concurrent mark (Remark),
full collections. Usage: python3 gc_summary.py gc.log 21:39:40 21:40:30"""
import re
import sys

log, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
rows = []
for line in open(log):
    m = re.search(r"^\[\d{4}-\d\d-\d\dT(\S+?)\.\d+\+0000\]\[.*?\] GC\(\d+\) (Pause .*?) "
                  r"(\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms", line)
    if m and start <= m.group(1) <= end:
        rows.append((m.group(2), int(m.group(3)), int(m.group(4)), int(m.group(5)),
                     float(m.group(6))))
remark = [r[2] for r in rows if r[0].startswith("Pause Remark")]
print(f"pauses {len(rows)}, highest before a pause {max(r[1] for r in rows)} MB, highest after"
      f" {max(r[2] for r in rows)} MB, committed {max(r[3] for r in rows)} MB, after each"
      f" concurrent mark {min(remark) if remark else '-'}-{max(remark) if remark else '-'} MB,"
      f" full collections {sum('Full' in r[0] for r in rows)}, pause time"
      f" {sum(r[4] for r in rows):.0f} ms (longest {max(r[4] for r in rows):.0f} ms)")
