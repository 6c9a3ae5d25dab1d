#!/usr/bin/env python3
"""Rounds 5, 6, 9, 10, 11, 14, 16, 17, 19, 21, 24 and 26 for related.tsv: new dev queries (issue 14),
drawn by a rule fixed before drawing, and their pools. Round 5 is the default; `--round N` (first
argument) draws round N by the same rule with its own seed, none of the queries before it
eligible. Rounds 9, 10, 11, 14, 16, 17, 19, 21, 24 and 26 take 14 queries, one a source (9 and 10 both
drawn before either was graded).

Rule (RELATED.md, Round 5), seed 20261207 (round 6: 20261208, 9: 20261209, 10: 20261210,
11: 20261211, 14: 20261214, 16: 20261216, 17: 20261217, 19: 20261219, 21: 20261221,
24: 20261224, 26: 20261226):
  - eligible: articles with at least 300 characters of text that are none of the 50 earlier
    queries and no candidate judged for a test query (any grade), so test stays untouched;
  - stratified by source: each of the 14 sources gets one query, and 6 sources, drawn at
    random among those with eligible articles on two days or more, a second (20 in all;
    rounds 9, 10, 11, 14, 16, 17, 19, 21, 24 and 26: none, 14 in all);
  - stratified by day: for each query of a source, a crawl day is drawn uniformly among the
    source's days with eligible articles (a source's two days differ), then an article
    uniformly within that day.
All are dev.

    pool_round5.py [--round N] sample                  query ids, source, date, title
    pool_round5.py stub                    related.tsv blocks with no grades (for eval-related)
    pool_round5.py pool EVALOUT            query, split, candidate, methods (r5-qari:rank,
                                           r5-tfidf:rank from eval-related --verbose on the
                                           stub, r5-bm25:rank from pool_related.py's BM25)
    pool_round5.py shuffle EVALOUT         the same pairs without methods, each query's
                                           candidates in a seeded random order
    pool_round5.py merge EVALOUT GRADES    appends the graded queries to related.tsv and
                                           the pairs to related_pool.tsv
"""
import os
import random
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pool_related as pr  # noqa: E402
import pool_round2 as r2  # noqa: E402

SEEDS = {5: 20261207, 6: 20261208, 9: 20261209, 10: 20261210, 11: 20261211, 14: 20261214,
         16: 20261216, 17: 20261217, 19: 20261219, 21: 20261221, 24: 20261224,
         26: 20261226}
QUERIES = {5: 20, 6: 20, 9: 14, 10: 14, 11: 14, 14: 14, 16: 14, 17: 14, 19: 14, 21: 14,
           24: 14, 26: 14}
# The line of related.tsv above which each round was drawn (rounds 9 and 10 share one): a
# round's draw reads no further, so it stays the same once its queries are appended.
DRAWN_ABOVE = {5: "# round 5 was drawn from the lines above",
               6: "# round 6 was drawn from the lines above",
               9: "# rounds 9 and 10 were drawn from the lines above",
               10: "# rounds 9 and 10 were drawn from the lines above",
               11: "# round 11 was drawn from the lines above",
               14: "# round 14 was drawn from the lines above",
               16: "# round 16 was drawn from the lines above",
               17: "# round 17 was drawn from the lines above",
               19: "# round 19 was drawn from the lines above",
               21: "# round 21 was drawn from the lines above",
               24: "# round 24 was drawn from the lines above",
               26: "# round 26 was drawn from the lines above"}
ROUND = 5
SEED = SEEDS[ROUND]
N_NEW = QUERIES[ROUND]
HERE = os.path.dirname(os.path.abspath(__file__))
RELATED = os.path.join(HERE, "related.tsv")


def judged(path=RELATED):
    """(set of all earlier query ids, set of ids judged for test queries), read from the part
    of related.tsv the round was drawn from, so a round's draw stays the same once later
    rounds are appended."""
    queries, test_cands = set(), set()
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if ROUND in DRAWN_ABOVE and DRAWN_ABOVE[ROUND] in lines:
        lines = lines[:lines.index(DRAWN_ABOVE[ROUND])]
    for q, split, c in r2.graded_lines(lines):
        queries.add(q)
        if c and split == "test":
            test_cands.add(c)
    return queries, test_cands


def sample(arts):
    queries, test_cands = judged()
    rng = random.Random(SEED)
    by_source_day = defaultdict(lambda: defaultdict(list))
    for i in sorted(arts):
        a = arts[i]
        if len(a["content"]) < pr.MIN_CHARS or i in queries or i in test_cands:
            continue
        by_source_day[a["source"]][a["date"]].append(i)
    sources = sorted(by_source_day)
    quota = {s: 1 for s in sources}
    several_days = [s for s in sources if len(by_source_day[s]) >= 2]
    for s in rng.sample(several_days, N_NEW - len(sources)):
        quota[s] += 1
    picks = []
    for s in sources:
        days = sorted(by_source_day[s])
        for day in rng.sample(days, quota[s]):
            picks.append(rng.choice(by_source_day[s][day]))
    return picks


def bm25_lists(arts, picks):
    stops = pr.load_stops()
    toks = {}
    for i, a in arts.items():
        paras = pr.paragraphs(a["content"])
        toks[i] = {"title": pr.tokens(a["title"], stops),
                   "lead": pr.tokens("\n".join(paras[:2]), stops)}
    df_lead = Counter()
    for t in toks.values():
        df_lead.update(set(t["lead"]))
    avg_len = sum(len(t["lead"]) for t in toks.values()) / len(toks)
    return {q: pr.bm25_top(arts, toks, q, pr.in_window(arts, q), df_lead, avg_len) for q in picks}


def pools(arts, evalout):
    picks = sample(arts)
    r2.LABEL = {s: "r%d-%s" % (ROUND, s) for s in ("qari", "store", "tfidf")}
    got = r2.new_pairs(evalout, set())
    bm = bm25_lists(arts, picks)
    out = {}
    for q in picks:
        cands = dict(got.get((q, "dev"), {}))
        for rank, c in enumerate(bm[q], 1):
            if c != q:
                cands.setdefault(c, []).append("r%d-bm25:%d" % (ROUND, rank))
        out[q] = cands
    return out


def merge(arts, evalout, grades_path):
    p = pools(arts, evalout)
    grades = {}
    with open(grades_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                q, c, g = line.split()
                grades[(q, c)] = g
    with open(RELATED, "a", encoding="utf-8") as f:
        for q, cands in p.items():
            missing = [c for c in cands if (q, c) not in grades]
            if missing:
                sys.exit("%s: ungraded %s" % (q, " ".join(missing)))
            f.write("@\t%s\tdev\n# round %d\n" % (q, ROUND))
            for c in sorted(cands, key=lambda c: (-int(grades[(q, c)]), c)):
                f.write("%s\t%s\n" % (c, grades[(q, c)]))
    with open(os.path.join(HERE, "related_pool.tsv"), "a", encoding="utf-8") as f:
        f.write("# round %d, dev: %d new queries (pool_round5.py, RELATED.md)\n" % (ROUND, N_NEW))
        for q, cands in p.items():
            for c in sorted(cands):
                f.write("%s\tdev\t%s\t%s\n" % (q, c, ",".join(cands[c])))


def main():
    global ROUND, SEED, N_NEW
    if len(sys.argv) > 2 and sys.argv[1] == "--round" and int(sys.argv[2]) in SEEDS:
        ROUND = int(sys.argv[2])
        SEED = SEEDS[ROUND]
        N_NEW = QUERIES[ROUND]
        del sys.argv[1:3]
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    arts = pr.load_articles()
    cmd = sys.argv[1]
    if cmd == "sample":
        for q in sample(arts):
            a = arts[q]
            print("%s\t%s\t%s\t%s" % (q, a["source"], a["date"].date(), a["title"]))
    elif cmd == "stub":
        for q in sample(arts):
            print("@\t%s\tdev" % q)
    elif cmd in ("pool", "shuffle") and len(sys.argv) == 3:
        for q, cands in pools(arts, sys.argv[2]).items():
            order = sorted(cands)
            if cmd == "shuffle":
                random.Random("%d:%s" % (SEED, q)).shuffle(order)
            for c in order:
                row = [q, "dev", c] + ([",".join(cands[c])] if cmd == "pool" else [])
                print("\t".join(row))
    elif cmd == "merge" and len(sys.argv) == 4:
        merge(arts, sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
