#!/usr/bin/env python3
"""Round 4 pooling for related.tsv: the unjudged top-10 items of the systems after issue 14's
fourth ranking change (rel5: the words' evidence, a first floor of 0.15 and a floor of 0.09).

Reads the output of
    QARI_EVAL_STORE=DB ./build/qari eval-related tests/data/judged/related.tsv --split all \
        --verbose ../shared/corpus/saudinewsnet/ > /tmp/evalrel.txt
(DB: a store made by `qari import` of SaudiNewsNet with the same build; run 2026-12-07) and
lists, for every query, each article shown in the top 10 of `qari`, of the store's lists
(`store`) or of the `tfidf` baseline (including every member of a folded copy group,
"(+N: id ...)") that related.tsv does not grade for that query. Same procedure as
pool_round2.py (RELATED.md, Round 2 to Round 4).

    pool_round2.py pool EVALOUT [RELATED_TSV]    query, split, candidate, methods (qari2:rank,...)
    pool_round2.py shuffle EVALOUT [RELATED_TSV] the same pairs, each query's candidates in a
                                                 seeded random order, without method labels
    pool_round2.py merge EVALOUT GRADES SPLIT    adds the grades (query, candidate, grade lines)
                                                 of SPLIT's new pairs to related.tsv (at the end
                                                 of each query's block) and related_pool.tsv
Method labels: r4-qari = qari related, r4-store = the store's lists, r4-tfidf = eval-related's
TF-IDF baseline; rank is the entry's position (members of a folded group share it).
Once merged, the pairs are judged: to list round 4 again, pass related.tsv as it was before
the merge (`git show HEAD~:tests/data/judged/related.tsv` at the merge commit) as RELATED_TSV.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pool_round2 as rounds  # noqa: E402  the same procedure, this round's names

rounds.SEED = 20261208
rounds.LABEL = {"qari": "r4-qari", "store": "r4-store", "tfidf": "r4-tfidf"}
rounds.ROUND = 4
rounds.SCRIPT = "pool_round4.py"
rounds.WHAT = "the rel5 systems' unjudged top-10 items"

if __name__ == "__main__":
    rounds.main(__doc__)
