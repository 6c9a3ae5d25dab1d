#!/usr/bin/env python3
"""Pool candidate related stories for the judged related-stories sample (issue 14).

usage: pool_related.py sample           the 50 query ids with their split (dev/test alternate)
       pool_related.py pool QARI_OUT    writes related_pool.tsv (beside this script: query,
                                        split, candidate, the methods that proposed it
                                        with its rank in each, e.g. qari:3,bm25:1) and
                                        ./related_shuffled.tsv (per query, its candidates in a
                                        random order without methods: what the grader reads)
QARI_OUT holds qari's related lists, one `== ID` line before each query's output:
    for q in $(./pool_related.py sample | cut -f1); do echo "== $q";
        qari related $q ../shared/corpus/saudinewsnet/; done > QARI_OUT

Reproducible: the seeds are fixed below. The corpus is read from $SNN (default
../shared/corpus/saudinewsnet beside the repository); the stop words from ../shared/ner/arabic-stop-words.txt.

Methods (each proposes its top 10 among articles within ±7 days of the query's date):
  qari     qari's own related list (top 10)
  tfidf    cosine of (1+log tf)·idf vectors over title (×2) and whole text
  title    articles whose title or first paragraph holds at least two of the query
           title's three rarest words (rarity over all titles)
  bm25     BM25 (k1 1.2, b 0.75) of the query's title + first two paragraphs against
           each article's first two paragraphs
"""
import glob
import json
import math
import os
import random
import re
import sys
import zipfile
from collections import Counter, defaultdict
from datetime import datetime

SAMPLE_SEED = 20151114
SHUFFLE_SEED = 14
N_QUERIES = 50
MIN_CHARS = 300
WINDOW_DAYS = 7
TOP = 10

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.environ.get("SNN", os.path.join(HERE, "../../../../shared/corpus/saudinewsnet"))
STOPS_FILE = os.environ.get("STOPS", os.path.join(HERE, "../../../../shared/ner/arabic-stop-words.txt"))


def make_id(key):
    """qari's article id: FNV-1a 64 of the URL, low 48 bits."""
    h = 0xcbf29ce484222325
    for b in key.encode():
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%012x" % (h & 0xFFFFFFFFFFFF)


def load_articles():
    """id -> dict(source, date, title, content), first occurrence of each id, non-empty only."""
    arts = {}
    for zp in sorted(glob.glob(CORPUS + "/*.zip")):
        z = zipfile.ZipFile(zp)
        for name in sorted(z.namelist()):
            for a in json.load(z.open(name)):
                content = (a.get("content") or "").strip()
                if not content:
                    continue
                i = make_id((a.get("url") or "").strip())
                if i in arts:
                    continue
                arts[i] = {
                    "source": a.get("source", ""),
                    "date": datetime.strptime(a.get("date_extracted", "")[:10], "%Y-%m-%d"),
                    "title": (a.get("title") or "").strip(),
                    "content": content,
                }
    return arts


HARAKAT = re.compile("[\u064B-\u0652\u0670\u0640]")
TOKEN = re.compile("[\u0621-\u064A\u0671-\u06D3A-Za-z0-9\u0660-\u0669]+")
PROCLITIC_AL = ("وال", "بال", "فال", "كال", "ال")


def normalise(text):
    text = HARAKAT.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text)
    return text.replace("ة", "ه").replace("ى", "ي").lower()


def strip_al(tok):
    if tok.startswith("لل") and len(tok) >= 5:
        return tok[2:]
    for p in PROCLITIC_AL:
        if tok.startswith(p) and len(tok) - len(p) >= 3:
            return tok[len(p):]
    return tok


def load_stops():
    stops = set()
    with open(STOPS_FILE, encoding="utf-8") as f:
        for line in f:
            w = normalise(line.strip())
            if w:
                stops.add(w)
    return stops


def tokens(text, stops):
    out = []
    for t in TOKEN.findall(normalise(text)):
        if t in stops or len(t) < 2:
            continue
        t = strip_al(t)
        if t in stops or len(t) < 2 or t.isdigit():
            continue
        out.append(t)
    return out


def paragraphs(content):
    return [p.strip() for p in content.split("\n") if p.strip()]


def sample(arts):
    """Stratified over sources: every source gets floor(50/14) queries, the remaining ones
    go to randomly chosen sources; dev/test alternate over the list ordered by source."""
    rng = random.Random(SAMPLE_SEED)
    by_source = defaultdict(list)
    for i in sorted(arts):
        if len(arts[i]["content"]) >= MIN_CHARS:
            by_source[arts[i]["source"]].append(i)
    sources = sorted(by_source)
    quota = {s: N_QUERIES // len(sources) for s in sources}
    for s in rng.sample(sources, N_QUERIES - sum(quota.values())):
        quota[s] += 1
    picks = []
    for s in sources:
        picks.extend(rng.sample(by_source[s], quota[s]))
    return [(q, "dev" if k % 2 == 0 else "test") for k, q in enumerate(picks)]


def in_window(arts, q):
    d = arts[q]["date"]
    return [i for i in arts if i != q and abs((arts[i]["date"] - d).days) <= WINDOW_DAYS]


def tfidf_vectors(arts, toks):
    n = len(arts)
    df = Counter()
    for i in arts:
        df.update(set(toks[i]["all"]))
    vecs = {}
    for i in arts:
        tf = Counter(toks[i]["all"])
        tf.update(toks[i]["title"])  # the title counted twice
        v = {t: (1 + math.log(c)) * math.log(n / df[t]) for t, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs[i] = {t: x / norm for t, x in v.items()}
    return vecs


def tfidf_top(vecs, q, window):
    qv = vecs[q]
    scores = []
    for i in window:
        v = vecs[i]
        s = sum(x * v.get(t, 0.0) for t, x in qv.items())
        if s > 0:
            scores.append((s, i))
    scores.sort(reverse=True)
    return [i for _, i in scores[:TOP]]


def bm25_top(arts, toks, q, window, df_lead, avg_len):
    n = len(arts)
    qterms = set(toks[q]["lead"]) | set(toks[q]["title"])
    k1, b = 1.2, 0.75
    scores = []
    for i in window:
        tf = Counter(toks[i]["lead"])
        dl = len(toks[i]["lead"])
        s = 0.0
        for t in qterms:
            c = tf.get(t, 0)
            if not c:
                continue
            idf = math.log(1 + (n - df_lead[t] + 0.5) / (df_lead[t] + 0.5))
            s += idf * c * (k1 + 1) / (c + k1 * (1 - b + b * dl / avg_len))
        if s > 0:
            scores.append((s, i))
    scores.sort(reverse=True)
    return [i for _, i in scores[:TOP]]


def title_top(arts, toks, q, window, df_title):
    words = sorted(set(toks[q]["title"]), key=lambda t: (df_title[t], t))
    rare = words[:3]
    need = min(2, len(rare))
    if not need:
        return []
    scores = []
    for i in window:
        in_title = set(toks[i]["title"])
        in_first = set(toks[i]["first"])
        hits = [t for t in rare if t in in_title or t in in_first]
        if len(hits) < need:
            continue
        s = sum(math.log(len(arts) / df_title[t]) * (2 if t in in_title else 1) for t in hits)
        gap = abs((arts[i]["date"] - arts[q]["date"]).days)
        scores.append((s, -gap, i))
    scores.sort(reverse=True)
    return [i for _, _, i in scores[:TOP]]


def read_qari(path):
    """`== ID` header lines, each followed by qari related's id<TAB>score<TAB>... lines."""
    out = defaultdict(list)
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("== "):
                cur = line[3:].strip()
                continue
            if cur and re.match(r"^[0-9a-f]{12}\t", line) and len(out[cur]) < TOP:
                out[cur].append(line.split("\t")[0])
    return out


def pool(arts, qari_path):
    stops = load_stops()
    toks = {}
    for i, a in arts.items():
        paras = paragraphs(a["content"])
        toks[i] = {
            "title": tokens(a["title"], stops),
            "all": tokens(a["title"] + "\n" + a["content"], stops),
            "lead": tokens("\n".join(paras[:2]), stops),
            "first": tokens(paras[0] if paras else "", stops),
        }
    df_lead, df_title = Counter(), Counter()
    for t in toks.values():
        df_lead.update(set(t["lead"]))
        df_title.update(set(t["title"]))
    avg_len = sum(len(t["lead"]) for t in toks.values()) / len(toks)
    vecs = tfidf_vectors(arts, toks)
    qari = read_qari(qari_path)
    rng = random.Random(SHUFFLE_SEED)
    pool_rows, shuffled = [], []
    for q, split in sample(arts):
        window = in_window(arts, q)
        methods = defaultdict(list)
        lists = {
            "qari": qari.get(q, []),
            "tfidf": tfidf_top(vecs, q, window),
            "title": title_top(arts, toks, q, window, df_title),
            "bm25": bm25_top(arts, toks, q, window, df_lead, avg_len),
        }
        for m, ids in lists.items():
            for rank, i in enumerate(ids, 1):
                if i != q and i in arts:
                    methods[i].append("%s:%d" % (m, rank))
        cands = sorted(methods)
        for c in cands:
            pool_rows.append((q, split, c, ",".join(methods[c])))
        rng.shuffle(cands)
        shuffled.append((q, split, cands))
        print("%s %s %d candidates" % (q, split, len(cands)), file=sys.stderr)
    with open(os.path.join(HERE, "related_pool.tsv"), "w", encoding="utf-8") as f:
        f.write("# query\tsplit\tcandidate\tmethods that proposed it, method:rank (top %d each)\n" % TOP)
        for row in pool_rows:
            f.write("\t".join(row) + "\n")
    with open("related_shuffled.tsv", "w", encoding="utf-8") as f:
        for q, split, cands in shuffled:
            f.write("@\t%s\t%s\n" % (q, split))
            for c in cands:
                f.write(c + "\n")


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else "sample"
    if not os.path.isdir(CORPUS):
        sys.exit("pool_related.py: no SaudiNewsNet at %s (set SNN)" % CORPUS)
    arts = load_articles()
    if cmd == "sample":
        for q, split in sample(arts):
            print("%s\t%s\t%s\t%s" % (q, split, arts[q]["source"], arts[q]["title"]))
    elif cmd == "pool" and len(sys.argv) == 3:
        pool(arts, sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
