#!/usr/bin/env python3
"""related_judged.py QARI [SANITIZERS] - qari's related stories scored on the judged sample.

Runs `qari eval-related tests/data/judged/related.tsv --split dev`, then `--split test`, on
SaudiNewsNet (../shared) and checks that qari reaches the floors below (just under what it
reached when it was tuned on dev, and on test when test was scored once after that) and beats
the TF-IDF ±7-day baseline on every measure of each half but those in BELOW_BASELINE, where it
trails by no more than the gap given.
Skipped (exit 77) when the judged sample or the corpus is absent, and in a sanitizer build
(SANITIZERS other than "none"), where tagging the whole corpus takes too long."""
import os
import subprocess
import sys

QARI = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLD = os.path.join(ROOT, "tests", "data", "judged", "related.tsv")
SHARED = os.environ.get("QARI_SHARED", os.path.join(ROOT, "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus", "saudinewsnet")

# floors just under what qari reaches (rel6's ranking with rel8's places apart and rel9's
# places in a headline, the gazetteers' towns in a headline, no words from URLs, rel12's
# organisations apart, rel14's cluster floor, rel17's persons apart): dev's 205 queries
# 0.809, 0.954, 0.252 (at 177 queries 0.793, 0.954, 0.243; 0.787, 0.954, 0.250 before persons
# apart), the baseline 0.694, 0.947, 0.424 (its last 14, round 26, scored fresh before joining:
# 0.903, 0.877, 0.235, the baseline 0.694, 0.942, 0.400; round 24: 0.972, 1.000, 0.333, the
# baseline 0.818, 0.986, 0.357; round 21: 0.915, 0.943,
# 0.228, the baseline 0.757, 0.919, 0.271; round 19 before it: 0.705, 0.975,
# 0.297, the baseline 0.585, 0.950, 0.600, as first graded; dev's 135 before rounds 17 and 19 0.764,
# 0.943, 0.267;
# rounds 14 and 16, scored fresh before joining: 0.704, 0.984, 0.386 and
# 0.576, 0.817, 0.310, the baseline 0.618, 0.956, 0.529 and 0.604, 0.843, 0.457); test (scored at the end,
# after ent10's entities) 0.661, 0.950, 0.324 with 3 unjudged items in its top fives counted
# unrelated (0.620, 0.950, 0.370 for rel9 before them):
# split → [(measure, floor, True when higher is better)]
FLOORS = {
    "dev": [("ndcg@10", 0.75, True), ("recall@10", 0.93, True), ("unrelated@5", 0.28, False)],
    "test": [("ndcg@10", 0.61, True), ("recall@10", 0.92, True), ("unrelated@5", 0.38, False)],
}
# Measures where qari is known to trail the baseline, or to lead it by too little to hold (dev
# recall: 0.945 against 0.943 since round 11): by at most the gap given, which the test
# holds (a wider gap fails), with the reason (RELATED.md, Round 5).
BELOW_BASELINE = {
    ("dev", "recall@10"): (0.03, "round 5's column 1f1ca29b5acf shares almost no word with the "
                                 "news it comments on, and ff2f7d9b843c has 14 same-story items"),
}

if len(sys.argv) > 2 and sys.argv[2] != "none":
    print("SKIP: a sanitizer build (%s) would tag the whole corpus too slowly" % sys.argv[2])
    sys.exit(77)
if not os.path.isfile(GOLD):
    print("SKIP: no judged sample at tests/data/judged/related.tsv")
    sys.exit(77)
if not os.path.isdir(CORPUS):
    print("SKIP: no SaudiNewsNet corpus in ../shared")
    sys.exit(77)



def check(split):
    """The failures of one half (empty when it passes)."""
    r = subprocess.run([QARI, "eval-related", GOLD, "--split", split, CORPUS],
                       capture_output=True, timeout=1500)
    out = r.stdout.decode("utf-8")
    print("%s:\n%s" % (split, out))
    if r.returncode != 0:
        return ["qari eval-related --split %s failed: %s" % (split, r.stderr.decode("utf-8", "replace"))]
    figures = {}
    for line in out.splitlines():
        name, _, value = line.partition(": ")
        try:
            figures[name] = float(value)
        except ValueError:
            pass
    failures = []
    for measure, floor, higher in FLOORS[split]:
        ours, base = figures.get("qari." + measure), figures.get("tfidf." + measure)
        if ours is None or base is None:
            failures.append("%s: %s missing" % (split, measure))
            continue
        if (ours < floor) if higher else (ours > floor):
            failures.append("%s: qari.%s %.3f beyond its floor %.3f" % (split, measure, ours, floor))
        if (split, measure) in BELOW_BASELINE:
            gap, why = BELOW_BASELINE[(split, measure)]
            print("%s: qari.%s %.3f, the baseline's %.3f: known below by at most %.2f (%s)"
                  % (split, measure, ours, base, gap, why))
            if ours < base - gap:
                failures.append("%s: qari.%s %.3f trails tfidf's %.3f by more than %.2f"
                                % (split, measure, ours, base, gap))
        elif (ours <= base) if higher else (ours >= base):
            failures.append("%s: qari.%s %.3f does not beat tfidf's %.3f" % (split, measure, ours, base))
    return failures


failures = check("dev") + check("test")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
