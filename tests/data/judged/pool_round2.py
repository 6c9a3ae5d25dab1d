#!/usr/bin/env python3
"""Round 2 pooling for related.tsv: the final systems' unjudged top-10 items.

Reads the output of
    ./build/qari eval-related tests/data/judged/related.tsv --split all --verbose \
        ../shared/corpus/saudinewsnet/ > /tmp/evalrel.txt
(qari at c98a21e, run 2026-12-06) and lists, for every query, each article shown in the
top 10 of `qari` or of the `tfidf` baseline (including every member of a folded copy group,
"(+N: id ...)") that related.tsv does not grade for that query.

    pool_round2.py pool EVALOUT [RELATED_TSV]    query, split, candidate, methods (qari2:rank,...)
    pool_round2.py shuffle EVALOUT [RELATED_TSV] the same pairs, each query's candidates in a
                                                 seeded random order, without method labels
    pool_round2.py merge EVALOUT GRADES SPLIT    adds the grades (query, candidate, grade lines)
                                                 of SPLIT's new pairs to related.tsv (at the end
                                                 of each query's block) and related_pool.tsv
Method labels: r2-qari = qari related (c98a21e), r2-tfidf = eval-related's TF-IDF baseline;
rank is the entry's position (members of a folded group share it).
Once merged, the pairs are judged: to list round 2 again, pass the round-1 file
(`git show c98a21e:tests/data/judged/related.tsv > /tmp/r1.tsv`) as RELATED_TSV.
"""
import os
import random
import re
import sys

SEED = 20261206
QUERY = re.compile(r"^@ ([0-9a-f]{12}) (dev|test)\b")
SYSTEM = re.compile(r"^  (\S+) ndcg ")
ENTRY = re.compile(r"^    (\d+) \[([0-9?])\] \S+ ([0-9a-f]{12})(.*)$")
FOLDED = re.compile(r"\(\+\d+:((?: [0-9a-f]{12})+)\)\s*$")
LABEL = {"qari": "r2-qari", "tfidf": "r2-tfidf"}
# what a later round's script (pool_round3.py) sets before calling main
ROUND = 2
SCRIPT = "pool_round2.py"
WHAT = "the final systems' unjudged top-10 items"


def judged_pairs(path):
    judged, query = set(), None
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if not cols[0] or cols[0].startswith("#"):
                continue
            if cols[0] == "@":
                query = cols[1]
            else:
                judged.add((query, cols[0]))
    return judged


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
        f.write("# round %d, %s: %s (%s, RELATED.md)\n" % (ROUND, split, WHAT, SCRIPT))
        for (query, qsplit), cands in pools.items():
            for c in sorted(cands) if qsplit == split else []:
                f.write("%s\t%s\t%s\t%s\n" % (query, qsplit, c, ",".join(cands[c])))
    print("%s: %d pairs added" % (split, sum(len(v) for v in added.values())))


def main(doc=__doc__):
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
