#!/usr/bin/env python3
"""Round 3 pooling for related.tsv: the unjudged top-10 items of the systems after issue 14's
third ranking change (rel-rank3: the entity boost 0.1, the floor 0.12).

Reads the output of
    QARI_EVAL_STORE=DB ./build/qari eval-related tests/data/judged/related.tsv --split all \
        --verbose ../shared/corpus/saudinewsnet/ > /tmp/evalrel.txt
(DB: a store made by `qari import` of SaudiNewsNet with the same build; run 2026-12-06) and
lists, for every query, each article shown in the top 10 of `qari`, of the store's lists
(`store`) or of the `tfidf` baseline (including every member of a folded copy group,
"(+N: id ...)") that related.tsv does not grade for that query. Same procedure as
pool_round2.py (RELATED.md, Round 2 and Round 3).

    pool_round2.py pool EVALOUT [RELATED_TSV]    query, split, candidate, methods (qari2:rank,...)
    pool_round2.py shuffle EVALOUT [RELATED_TSV] the same pairs, each query's candidates in a
                                                 seeded random order, without method labels
    pool_round2.py merge EVALOUT GRADES SPLIT    adds the grades (query, candidate, grade lines)
                                                 of SPLIT's new pairs to related.tsv (at the end
                                                 of each query's block) and related_pool.tsv
Method labels: r3-qari = qari related, r3-store = the store's lists, r3-tfidf = eval-related's
TF-IDF baseline; rank is the entry's position (members of a folded group share it).
Once merged, the pairs are judged: to list round 3 again, pass related.tsv as it was before
the merge (`git show HEAD~:tests/data/judged/related.tsv` at the merge commit) as RELATED_TSV.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pool_round2 as rounds  # noqa: E402  the same procedure, this round's names

rounds.SEED = 20261207
rounds.LABEL = {"qari": "r3-qari", "store": "r3-store", "tfidf": "r3-tfidf"}
rounds.ROUND = 3
rounds.SCRIPT = "pool_round3.py"
rounds.WHAT = "the rel-rank3 systems' unjudged top-10 items"

if __name__ == "__main__":
    rounds.main(__doc__)
