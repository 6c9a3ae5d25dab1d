#!/usr/bin/env python3
"""bench_output.py QARI - `qari bench` prints figures and nothing else on stdout.

Each stdout line is "name: value unit"; the base figures are there, those of the reader run
on a pty too (first screen, index, key-to-frame latency, bytes per scrolled line, and less
beside it when installed); a path that does not exist
gives exit status 1 and a message on stderr, with no figure lines but the load ones.
`qari bench --make-store N --store FILE PATH` grows FILE from PATH to N articles and prints the
store's figures as name@N; `--store FILE` alone prints them again, without making anything."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

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

# the store's figures at its size: the 2 bundled articles grown to 7 by variants
SIZED = ["store_open_ms", "list_first_page_ms", "search_first_page_ms", "search_count_ms",
         "open_p50_ms", "open_p99_ms", "first_screen_s"]
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "bench.db")
    for args, made in [(["--make-store", "7", "--store", db,
                         os.path.join(ROOT, "assets", "articles")], True),
                       (["--store", db], False)]:
        r = subprocess.run([QARI, "bench"] + args, capture_output=True, timeout=120)
        out = r.stdout.decode("utf-8")
        print(out, end="")
        figures = {}
        for line in out.splitlines():
            if not LINE.match(line) or "@" not in line:
                failures.append(f"not a figure line at a size: {line!r}")
                continue
            name, size = line.split(":")[0].split("@")
            figures[name] = int(size)
        want = SIZED + (["ingest_mb_s", "make_store_s"] if made else [])
        for n in want:
            if n not in figures:
                failures.append(f"bench {' '.join(args[:2])}: no {n}@N figure")
        if made and figures.get("ingest_mb_s") != 2:
            failures.append(f"ingest_mb_s not at the 2 articles imported: {figures}")
        if not made and "make_store_s" in figures:
            failures.append("bench --store made a store")
        if any(v != 7 for k, v in figures.items() if k != "ingest_mb_s"):
            failures.append(f"figures not at the store's 7 articles: {figures}")
        if r.returncode != 0:
            failures.append(f"bench {' '.join(args[:2])}: exit {r.returncode}: {r.stderr.decode()}")
    r = subprocess.run([QARI, "bench", "--store", os.path.join(tmp, "none.db")],
                       capture_output=True, timeout=60)
    if r.returncode != 1 or r.stdout or os.path.exists(os.path.join(tmp, "none.db")):
        failures.append(f"bench --store of no store: exit {r.returncode}, stdout {r.stdout!r}")

for f in failures:
    print("FAIL", f, file=sys.stderr)
sys.exit(1 if failures else 0)
