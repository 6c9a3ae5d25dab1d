#!/usr/bin/env python3
"""bench_output.py QARI - `qari bench` prints figures and nothing else on stdout.

Each stdout line is "name: value unit"; the base figures are there, those of the reader run
on a pty too (first screen, index, key-to-frame latency, bytes per scrolled line, and less
beside it when installed); a path that does not exist
gives exit status 1 and a message on stderr, with no figure lines but the load ones."""
import os
import re
import shutil
import subprocess
import sys

QARI = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# name, or name@N: a figure measured at a size N (the store's articles)
LINE = re.compile(r"^[a-z][a-z0-9_]*(@[0-9]+)?: -?[0-9]+(\.[0-9]+)? [A-Za-z/]+$")
NEEDED = ["files_read", "mb_read", "load_time", "articles", "article_text_mb", "layout_mb_s",
          "peak_rss", "rss_per_text_byte", "cat_floor_s", "first_screen_s", "index_complete_s",
          "key_to_frame_p50_ms", "key_to_frame_p99_ms", "bytes_per_scrolled_line",
          "bytes_per_scrolled_line_beside_list",
          "tagger_mb_s", "entities_mb_s", "fetch_feeds_s", "fetch_feeds_304_s",
          "store_ingest_mb_s", "store_first_screen_s", "store_open_p99_ms",
          "store_key_to_frame_p99_ms",
          "list_first_page_ms", "search_first_page_ms", "search_count_ms"]
if shutil.which("less"):
    NEEDED.append("less_bytes_per_scrolled_line")
failures = []

r = subprocess.run([QARI, "bench", os.path.join(ROOT, "assets", "articles")],
                   capture_output=True, timeout=120)
out = r.stdout.decode("utf-8")
names = []
for line in out.splitlines():
    if not LINE.match(line):
        failures.append(f"not a figure line: {line!r}")
    names.append(line.split(":")[0].split("@")[0])
for n in NEEDED:
    if n not in names:
        failures.append(f"no {n} figure")
if len(set(names)) != len(names):
    failures.append("a figure printed twice")
if r.returncode != 0:
    failures.append(f"exit status {r.returncode}: {r.stderr.decode()}")
print(out, end="")

r = subprocess.run([QARI, "bench", "/nonexistent/qari-bench"], capture_output=True, timeout=60)
if r.returncode != 1 or b"/nonexistent/qari-bench" not in r.stderr:
    failures.append(f"missing path: exit {r.returncode}, stderr {r.stderr!r}")
if b"layout_mb_s" in r.stdout:
    failures.append("figures measured on nothing")

for f in failures:
    print("FAIL", f, file=sys.stderr)
sys.exit(1 if failures else 0)
