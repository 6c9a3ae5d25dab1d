#!/usr/bin/env python3
"""Rounds 2 to 4 of pooling for related.tsv: the systems' unjudged top-10 items after a ranking
change. Round 2 is the default; `--round 3` or `--round 4` (first argument) gives that round's
seed and labels.

Reads the output of
    [QARI_EVAL_STORE=DB] ./build/qari eval-related tests/data/judged/related.tsv --split all \
        --verbose ../shared/corpus/saudinewsnet/ > /tmp/evalrel.txt
(round 2: qari at c98a21e, run 2026-12-06; round 3: rel-rank3, the entity boost 0.1 and the
floor 0.12, with DB a store made by `qari import` with the same build, run 2026-12-06; round 4:
rel5, the words' evidence, a first floor of 0.15 and a floor of 0.09, likewise, run 2026-12-07)
and lists, for every query, each article shown in the top 10 of `qari`, of the store's lists
(`store`, rounds 3 and 4) or of the `tfidf` baseline (including every member of a folded copy
group, "(+N: id ...)") that related.tsv does not grade for that query (RELATED.md, Round 2 to
Round 4).

    pool_round2.py [--round N] pool EVALOUT [RELATED_TSV]    query, split, candidate, methods
                                                            (rN-qari:rank,...)
    pool_round2.py [--round N] shuffle EVALOUT [RELATED_TSV] the same pairs, each query's
                                                            candidates in a seeded random
                                                            order, without method labels
    pool_round2.py [--round N] merge EVALOUT GRADES SPLIT    adds the grades (query,
                                                            candidate, grade lines) of SPLIT's
                                                            new pairs to related.tsv (at the
                                                            end of each query's block) and
                                                            related_pool.tsv
Method labels: rN-qari = qari related, rN-store = the store's lists, rN-tfidf = eval-related's
TF-IDF baseline; rank is the entry's position (members of a folded group share it).
Once merged, the pairs are judged: to list a round again, pass related.tsv as it was before
its merge as RELATED_TSV (round 2: `git show c98a21e:tests/data/judged/related.tsv`; later
rounds: `git show HEAD~:tests/data/judged/related.tsv` at the merge commit).
"""
import os
import random
import re
import sys

QUERY = re.compile(r"^@ ([0-9a-f]{12}) (dev|test)\b")
SYSTEM = re.compile(r"^  (\S+) ndcg ")
ENTRY = re.compile(r"^    (\d+) \[([0-9?])\] \S+ ([0-9a-f]{12})(.*)$")
FOLDED = re.compile(r"\(\+\d+:((?: [0-9a-f]{12})+)\)\s*$")
# each round: its seed and what it pooled (the related_pool.tsv comment)
ROUNDS = {
    2: (20261206, "the final systems' unjudged top-10 items"),
    3: (20261207, "the rel-rank3 systems' unjudged top-10 items"),
    4: (20261208, "the rel5 systems' unjudged top-10 items"),
}
ROUND = 2
SEED, WHAT = ROUNDS[ROUND]
LABEL = {"qari": "r2-qari", "store": "r2-store", "tfidf": "r2-tfidf"}


def set_round(n):
    global ROUND, SEED, WHAT, LABEL
    ROUND = n
    SEED, WHAT = ROUNDS[n]
    LABEL = {s: "r%d-%s" % (n, s) for s in ("qari", "store", "tfidf")}


def graded(path):
    """(query, split, candidate) for each graded line of related.tsv, in file order, and
    (query, split, None) for each query's opening line."""
    with open(path, encoding="utf-8") as f:
        yield from graded_lines(f)


def graded_lines(lines):
    """graded() over lines already read."""
    query = split = None
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if not cols[0] or cols[0].startswith("#"):
            continue
        if cols[0] == "@":
            query, split = cols[1], cols[2]
            yield query, split, None
        else:
            yield query, split, cols[0]


def judged_pairs(path):
    return {(q, c) for q, _, c in graded(path) if c}


def new_pairs(evalout, judged):
    """{(query, split): {candidate: [method:rank, ...]}} in output order."""
    pools, key, system = {}, None, None
    with open(evalout, encoding="utf-8") as f:
        for line in f:
            m = QUERY.match(line)
            if m:
                key = (m.group(1), m.group(2))
                pools.setdefault(key, {})
                continue
            m = SYSTEM.match(line)
            if m:
                system = m.group(1)
                continue
            m = ENTRY.match(line)
            if not m or key is None:
                continue
            ids = [m.group(3)]
            fm = FOLDED.search(m.group(4))
            if fm:
                ids += fm.group(1).split()
            for cand in ids:
                if cand == key[0] or (key[0], cand) in judged:
                    continue
                pools[key].setdefault(cand, []).append(
                    "%s:%s" % (LABEL.get(system, system), m.group(1)))
    return pools


def merge(evalout, grades_path, split):
    """Insert SPLIT's graded pairs of this round; every new pair of the split must be graded."""
    here = os.path.dirname(os.path.abspath(__file__))
    related, pool = os.path.join(here, "related.tsv"), os.path.join(here, "related_pool.tsv")
    pools = new_pairs(evalout, judged_pairs(related))
    grades = {}
    with open(grades_path, encoding="utf-8") as f:
        for line in f:
            q, c, g = line.split()
            grades[(q, c)] = g
    added = {}
    for (query, qsplit), cands in pools.items():
        if qsplit != split:
            continue
        missing = [c for c in cands if (query, c) not in grades]
        if missing:
            sys.exit("%s: ungraded %s" % (query, " ".join(missing)))
        added[query] = sorted(cands, key=lambda c: (-int(grades[(query, c)]), c))
    out, query = [], None

    def flush():
        if query in added and added[query]:
            out.append("# round %d\n" % ROUND)
            out.extend("%s\t%s\n" % (c, grades[(query, c)]) for c in added[query])

    with open(related, encoding="utf-8") as f:
        lines = f.readlines()
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if cols[0] == "@":
            flush()
            query = cols[1]
        out.append(line)
    flush()
    with open(related, "w", encoding="utf-8") as f:
        f.writelines(out)
    with open(pool, "a", encoding="utf-8") as f:
        f.write("# round %d, %s: %s (pool_round2.py, RELATED.md)\n" % (ROUND, split, WHAT))
        for (query, qsplit), cands in pools.items():
            for c in sorted(cands) if qsplit == split else []:
                f.write("%s\t%s\t%s\t%s\n" % (query, qsplit, c, ",".join(cands[c])))
    print("%s: %d pairs added" % (split, sum(len(v) for v in added.values())))


def main(doc=__doc__):
    if len(sys.argv) > 2 and sys.argv[1] == "--round" and int(sys.argv[2]) in ROUNDS:
        set_round(int(sys.argv[2]))
        del sys.argv[1:3]
    if len(sys.argv) == 5 and sys.argv[1] == "merge":
        merge(sys.argv[2], sys.argv[3], sys.argv[4])
        return
    if len(sys.argv) < 3 or sys.argv[1] not in ("pool", "shuffle"):
        sys.exit(doc)
    related = sys.argv[3] if len(sys.argv) > 3 else "tests/data/judged/related.tsv"
    pools = new_pairs(sys.argv[2], judged_pairs(related))
    for (query, split), cands in pools.items():
        order = sorted(cands)
        if sys.argv[1] == "shuffle":
            random.Random("%d:%s" % (SEED, query)).shuffle(order)
        for cand in order:
            row = [query, split, cand]
            if sys.argv[1] == "pool":
                row.append(",".join(cands[cand]))
            print("\t".join(row))


if __name__ == "__main__":
    main()
