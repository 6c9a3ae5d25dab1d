#!/usr/bin/env python3
"""Draws the judged entity sample of tests/data/judged/entities.tsv from SaudiNewsNet.

usage: sample_entities.py [CORPUS_DIR]   (default ../shared/corpus/saudinewsnet)
       sample_entities.py --more SEED [CORPUS_DIR]
prints: id <TAB> split <TAB> source <TAB> date <TAB> content length, in judging order.
With --more, one more dev article per source drawn with SEED from the eligible articles not
already drawn by the first sample (the dev extension of entities.tsv; see README.md).

Reproducible: a fixed seed, articles visited in a fixed order (by id), ids computed as qari
does (FNV-1a 64 of the trimmed URL, low 48 bits). Stratified: every one of the 14 sources gives
4 articles (2 dev, 2 test); the two largest sources (alriyadh, aljazirah) give 2 more each
(1 dev, 1 test): 60 articles, 30 dev and 30 test. Only articles whose content is 400..5000
characters long (after trimming) are eligible; an URL seen twice counts once.
"""
import glob, json, os, random, sys, zipfile

SEED = 20151406
MIN_CHARS, MAX_CHARS = 400, 5000
PER_SOURCE = 4
EXTRA = {"alriyadh": 2, "aljazirah": 2}


def make_id(url):
    h = 0xcbf29ce484222325
    for b in url.encode():
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%012x" % (h & 0xFFFFFFFFFFFF)


def eligible(corpus):
    """source -> sorted list of (id, date, length) of the articles of a judgeable length."""
    seen, by_source = set(), {}
    for zp in sorted(glob.glob(os.path.join(corpus, "*.zip"))):
        z = zipfile.ZipFile(zp)
        for name in sorted(z.namelist()):
            for a in json.load(z.open(name)):
                url = (a.get("url") or "").strip()
                n = len((a.get("content") or "").strip())
                i = make_id(url)
                if i in seen or not (MIN_CHARS <= n <= MAX_CHARS):
                    continue
                seen.add(i)
                by_source.setdefault(a.get("source", ""), []).append((i, a.get("date_extracted", ""), n))
    for v in by_source.values():
        v.sort()
    return by_source


def draw(by_source):
    """Judging order: round r takes the r-th draw of every source (sources by name), so that a
    prefix of the list stays balanced over sources and splits; draws alternate dev, test."""
    rng = random.Random(SEED)
    picks = {}
    for src in sorted(by_source):
        k = PER_SOURCE + EXTRA.get(src, 0)
        picks[src] = rng.sample(by_source[src], k)
    rows = []
    for r in range(max(len(p) for p in picks.values())):
        for src in sorted(picks):
            if r < len(picks[src]):
                i, date, n = picks[src][r]
                rows.append((i, "dev" if r % 2 == 0 else "test", src, date, n))
    return rows


def draw_more(by_source, seed):
    """One more dev article per source (sources by name), none of the first sample's."""
    taken = {row[0] for row in draw(by_source)}
    rng = random.Random(seed)
    rows = []
    for src in sorted(by_source):
        i, date, n = rng.choice([a for a in by_source[src] if a[0] not in taken])
        rows.append((i, "dev", src, date, n))
    return rows


def main():
    args = sys.argv[1:]
    more = None
    if args[:1] == ["--more"]:
        if len(args) < 2:
            sys.exit("usage: sample_entities.py --more SEED [CORPUS_DIR]")
        more, args = int(args[1]), args[2:]
    corpus = args[0] if args else "../shared/corpus/saudinewsnet"
    if not os.path.isdir(corpus):
        sys.exit("sample_entities.py: no SaudiNewsNet at %s" % corpus)
    by_source = eligible(corpus)
    for row in draw(by_source) if more is None else draw_more(by_source, more):
        print(*row, sep="\t")


if __name__ == "__main__":
    main()
