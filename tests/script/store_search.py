#!/usr/bin/env python3
"""store_search.py QARI [--shared] - `qari list` and `qari search Q` on the store give what
they give on the same PATHs.

The articles are imported into a store of a temporary XDG_DATA_HOME; then, for each query
(Arabic with hamza, harakat, tatweel, taa marbuta and alef maqsura variants, digits of both
shapes, Latin case, phrases, one and two letters, nothing), the lines of `qari search Q` with
no PATH (the store's full-text index) and with the PATHs (search.c in memory) are the same
set, and so are those of `qari list`; `qari show ID` prints the same article, and `qari
entities ID` the same entities with the same mentions and (persons, places, organisations)
articles, "-" for a date's. Without --shared: the bundled articles and the test
fixtures; with it: a few thousand SaudiNewsNet articles of ../shared (skipped, 77, when
absent)."""
import os
import sqlite3
import struct
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


def entity_lines(out):
    """type, name, mentions, articles of each line; a date's articles the store does not
    count."""
    rows = set()
    for line in out.splitlines():
        t, name, mentions, articles = line.split("\t")
        rows.add((t, name, mentions, "-" if t == "date" else articles))
    return rows


def check_show_entities(listed, paths, env):
    """show and entities of a few ids (prefixes, upper case) on the store and on the PATHs."""
    failures = []
    ids = [line.split("\t")[0] for line in listed.splitlines()]
    picks = ids[:3] + ids[len(ids) // 2:len(ids) // 2 + 2] + ids[-2:]
    with_entities = 0
    for i, aid in enumerate(picks):
        arg = aid[:8].upper() if i % 2 else aid
        rc, a, err = run(["show", arg], env)
        rc2, b, err2 = run(["show", arg] + paths, env)
        if rc != 0 or a != b or not a:
            failures.append(f"show {arg}: exit {rc} / {rc2}, the store and the PATHs differ: "
                            f"{err} {err2}")
        if SHARED:
            continue  # tagging the PATHs again for each id is slow
        rc, a, err = run(["entities", arg], env)
        rc2, b, err2 = run(["entities", arg] + paths, env)
        if rc != 0 or rc2 != 0 or entity_lines(a) != entity_lines(b):
            failures.append(f"entities {arg}: exit {rc} / {rc2}: "
                            f"{sorted(entity_lines(a) ^ entity_lines(b))[:4]} {err} {err2}")
        with_entities += bool(a)
    if not SHARED and with_entities == 0:
        failures.append("no picked article has entities: a test of nothing")
    rc, out, err = run(["show", "zzzz"], env)
    if rc == 0 or "no such article" not in err:
        failures.append(f"show of no article: exit {rc}: {err}")
    rc, out, err = run(["entities"], env)
    counts = [line.split("\t") for line in out.splitlines()]
    if rc != 0 or not counts or any(len(c) != 4 or c[2] != "-" or int(c[3]) < 1 for c in counts):
        failures.append(f"entities of the store: exit {rc}: {out[:200]} {err}")
    return failures


def check_stale_entities(listed, paths, env, tmp):
    """Entities packed by other rules (an older version in the packed head's fourth word) are
    tagged afresh: entities ID on the store still gives what the PATHs give."""
    failures = []
    db = sqlite3.connect(os.path.join(tmp, "data", "qari", "qari.db"))
    # entity_articles' trigger: entities of another version name nothing, as qari says
    db.create_function("qari_entity_terms", 4, lambda *row: "[]")
    with db:
        for rowid, blob in db.execute("SELECT id, entities FROM articles "
                                      "WHERE entities IS NOT NULL").fetchall():
            old = struct.unpack_from("<I", blob, 12)[0]
            db.execute("UPDATE articles SET entities = ? WHERE id = ?",
                       (blob[:12] + struct.pack("<I", old - 1) + blob[16:], rowid))
    db.close()
    with_entities = 0
    for aid in [line.split("\t")[0] for line in listed.splitlines()]:
        if with_entities == 3:
            break
        rc, a, err = run(["entities", aid], env)
        rc2, b, err2 = run(["entities", aid] + paths, env)
        if rc != 0 or rc2 != 0 or entity_lines(a) != entity_lines(b):
            failures.append(f"entities {aid} packed by other rules: exit {rc} / {rc2}: "
                            f"{sorted(entity_lines(a) ^ entity_lines(b))[:4]} {err} {err2}")
        with_entities += bool(a)
    if with_entities == 0:
        failures.append("no article with stale entities has entities: a test of nothing")
    return failures


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
        failures += check_show_entities(stored, paths, env)
        if not SHARED:
            failures += check_stale_entities(stored, paths, env, tmp)
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
