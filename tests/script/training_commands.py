#!/usr/bin/env python3
"""training_commands.py QARI - the tagger's training commands, run through qari.

qari hands train-ner, ner-split and ner-clusters to qari-train, the executable beside it (the
reader does not carry the trainers). On the ANERcorp slice of tests/data: ner-split cuts it
into a training part and the last ~10% (at a sentence end); train-ner trains on the one and
reports on the other, twice, giving the same model file byte for byte; ner-clusters writes a
clusters file from a made-up text. A copy of qari alone in a folder
says plainly, for each training command, that it needs qari-train (exit 1), and still runs
its other commands."""
import os
import random
import shutil
import subprocess
import sys
import tempfile

QARI = os.path.abspath(sys.argv[1])
DATA = os.environ.get("QARI_TEST_DATA") or os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
SLICE = os.path.join(DATA, "anercorp", "train-head.conll")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(qari, *args):
    r = subprocess.run([qari, *args], capture_output=True, timeout=600)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def made_up_text(nwords, times):
    """Paragraphs of 12 made-up Latin words, each word `times` times, in a fixed order."""
    def word(i):
        w = ""
        for _ in range(3):
            w += "bcdfghjkmnpqrstvxz"[i % 18] + "aeiou"[i // 18 % 5]
            i //= 90
        return w
    toks = [word(i) for i in range(nwords) for _ in range(times)]
    random.Random(5).shuffle(toks)
    return "".join(" ".join(toks[i:i + 12]) + "\n\n" for i in range(0, len(toks), 12))


def tokens(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


with tempfile.TemporaryDirectory(prefix="qari-test-training-") as tmp:
    train, dev = os.path.join(tmp, "train.conll"), os.path.join(tmp, "dev.conll")
    rc, _, err = run(QARI, "ner-split", SLICE, train, dev)
    check(rc == 0, f"ner-split: exit {rc}: {err.strip()}")
    check(err.startswith("train: sentences 0-"), f"ner-split: no report: {err!r}")
    if rc == 0:
        n, ntrain, ndev = tokens(SLICE), tokens(train), tokens(dev)
        check(ntrain + ndev == n, f"ner-split: {ntrain} + {ndev} tokens of {n}")
        check(0.08 * n <= ndev <= 0.12 * n, f"ner-split: dev {ndev} tokens of {n}")

    models = [os.path.join(tmp, "a.bin"), os.path.join(tmp, "b.bin")]
    for model in models:
        rc, _, err = run(QARI, "train-ner", "--seed", "3", train, dev, "-o", model)
        check(rc == 0, f"train-ner: exit {rc}: {err.strip()[-300:]}")
        check("\noverall\t" in err, "train-ner: no dev score")
    if all(os.path.exists(m) for m in models):
        a, b = (open(m, "rb").read() for m in models)
        check(a[:4] == b"QNER" and len(a) > 1000, "train-ner: not a model file")
        check(a == b, "train-ner: the same seed gave two different models")

    # ner-clusters makes 1,024 clusters: a made-up text of 1,500 words seen 6 times each
    text, clusters = os.path.join(tmp, "text.txt"), os.path.join(tmp, "clusters.txt")
    with open(text, "w", encoding="utf-8") as f:
        f.write(made_up_text(1500, 6))
    rc, _, err = run(QARI, "ner-clusters", text, "-o", clusters)
    check(rc == 0, f"ner-clusters: exit {rc}: {err.strip()[-300:]}")
    if rc == 0:
        with open(clusters, encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
        check(len(rows) == 1500, f"ner-clusters: {len(rows)} words of 1500")
        check(all(len(r) == 5 and all(c.isdigit() for c in r[1:]) for r in rows),
              "ner-clusters: a line is not word<TAB>cluster<TAB>3 groups")

    rc, out, _ = run(QARI, "--help")
    for cmd in ("train-ner", "ner-split", "ner-clusters"):
        check(f"qari {cmd} " in out, f"--help does not list {cmd}")

    lone = os.path.join(tmp, "lone")
    os.mkdir(lone)
    shutil.copy2(QARI, lone)
    alone = os.path.join(lone, os.path.basename(QARI))
    for args in (["train-ner", train, dev, "-o", os.path.join(tmp, "c.bin")],
                 ["ner-split", SLICE, train, dev], ["ner-clusters", DATA, "-o", clusters]):
        rc, out, err = run(alone, *args)
        check(rc == 1, f"{args[0]} without qari-train: exit {rc}")
        check(err.startswith(f"qari: {args[0]}: needs qari-train") and
              os.path.join(lone, "qari-train") in err,
              f"{args[0]} without qari-train: {err!r}")
        check(out == "", f"{args[0]} without qari-train printed on stdout")
    check(not os.path.exists(os.path.join(tmp, "c.bin")), "a model written without qari-train")
    rc, out, _ = run(alone, "tag", os.path.join(DATA, "ner", "yemen_marib.txt"))
    check(rc == 0 and "\tB-" in out, f"tag without qari-train: exit {rc}")

for f in failures:
    print("FAIL:", f)
print(f"training commands: {len(failures)} failures")
sys.exit(1 if failures else 0)
