#!/usr/bin/env python3
"""store_search.py QARI [--shared] - `qari list` and `qari search Q` on the store give what
they give on the same PATHs.

The articles are imported into a store of a temporary XDG_DATA_HOME; then, for each query
(Arabic with hamza, harakat, tatweel, taa marbuta and alef maqsura variants, digits of both
shapes, Latin case, phrases, one and two letters, nothing), the lines of `qari search Q` with
no PATH (the store's full-text index) and with the PATHs (search.c in memory) are the same
set, and so are those of `qari list`. Without --shared: the bundled articles and the test
fixtures; with it: a few thousand SaudiNewsNet articles of ../shared (skipped, 77, when
absent)."""
import os
import shutil
import subprocess
import sys
import tempfile

QARI = sys.argv[1]
SHARED = "--shared" in sys.argv[2:]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("QARI_TEST_DATA", os.path.join(ROOT, "tests", "data"))

QUERIES = [
    "الأمم المتحدة", "الامم المتحده", "الأُمَمُ المُتَّحِدَةُ", "الأمـــم", "المتحدة",
    "إيران", "ايران", "أمريكا", "امريكا", "مؤتمر", "مؤتمـــر", "مسؤول", "مسئول",
    "السعودية", "السعوديه", "السّعوديّة", "على", "علي", "مستشفى", "مستشفي",
    "ولي العهد", "خادم الحرمين الشريفين", "وزارة الصحة", "2015", "٢٠١٥", "15",
    "ISIS", "isis", "the", "The", "في", "ا", "ال", "ظ", "ؤ", "\"", ".", "(", "واس",
    "الرياض - واس", "qqqzzz", "لا يوجد هذا النص أبدا",
]


def run(args, env):
    r = subprocess.run([QARI] + args, capture_output=True, env=env, timeout=600)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def main():
    if SHARED:
        shared = os.environ.get("QARI_SHARED", os.path.join(ROOT, "..", "shared"))
        corpus = os.path.join(shared, "corpus", "saudinewsnet")
        if not os.path.isdir(corpus):
            print(f"SKIP: no SaudiNewsNet at {corpus}")
            return 77
        paths = [os.path.join(corpus, z) for z in ("2015-07-22.zip", "2015-07-23.zip")]
    else:
        paths = [os.path.join(ROOT, "assets", "articles"),
                 os.path.join(DATA, "json", "articles.json"),
                 os.path.join(DATA, "json", "lines.json"),
                 os.path.join(DATA, "feeds", "rss-ar.xml"),
                 os.path.join(DATA, "feeds", "atom-en.atom")]
    failures = []
    tmp = tempfile.mkdtemp(prefix="qari-store-search-")
    try:
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"),
                   XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_STATE_HOME=os.path.join(tmp, "state"))
        # no store yet: the bundled articles, as before
        rc, bundled, err = run(["list"], env)
        rc2, assets, _ = run(["list", os.path.join(ROOT, "assets", "articles")], env)
        if rc != 0 or bundled != assets:
            failures.append(f"list without a store is not the bundled articles: {err}")
        if os.path.exists(os.path.join(tmp, "data", "qari", "qari.db")):
            failures.append("list created a store")
        rc, out, err = run(["import"] + paths, env)
        if rc != 0:
            failures.append(f"import failed ({rc}): {err}")
            raise SystemExit
        rc, stored, err = run(["list"], env)
        rc2, loaded, _ = run(["list"] + paths, env)
        if rc != 0 or not stored:
            failures.append(f"list on the store: exit {rc}: {err}")
        elif set(stored.splitlines()) != set(loaded.splitlines()):
            failures.append("list: the store and the PATHs differ: "
                            f"{sorted(set(stored.splitlines()) ^ set(loaded.splitlines()))[:4]}")
        narticles = len(set(stored.splitlines()))
        nonempty = 0
        for q in QUERIES:
            rc, a, err = run(["search", q], env)
            rc2, b, err2 = run(["search", q] + paths, env)
            if rc != 0 or rc2 != 0:
                failures.append(f"search {q!r}: exit {rc} / {rc2}: {err} {err2}")
                continue
            sa, sb = set(a.splitlines()), set(b.splitlines())
            nonempty += bool(sb)
            if sa != sb:
                failures.append(f"search {q!r}: store {len(sa)} lines, PATHs {len(sb)}; "
                                f"only in the store {sorted(sa - sb)[:2]}, "
                                f"only in the PATHs {sorted(sb - sa)[:2]}")
        print(f"{narticles} articles, {len(QUERIES)} queries, {nonempty} with matches")
        if nonempty < (len(QUERIES) // 2 if SHARED else 10):
            failures.append(f"only {nonempty} queries match anything: a test of nothing")
    except SystemExit:
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    return 1 if failures else 0


sys.exit(main())
