#!/usr/bin/env python3
"""Draws the judged entity sample of tests/data/judged/entities.tsv from SaudiNewsNet.

usage: sample_entities.py [CORPUS_DIR]   (default ../shared/corpus/saudinewsnet)
       sample_entities.py --more SEED [CORPUS_DIR]
       sample_entities.py --kinds SEED [CORPUS_DIR]
       sample_entities.py --blind SEED [CORPUS_DIR]
prints: id <TAB> split <TAB> source <TAB> date <TAB> content length, in judging order.
With --more, one more dev article per source drawn with SEED from the eligible articles not
already drawn by the first sample (the dev extension of entities.tsv; see README.md).
With --kinds, 18 more dev articles of the three kinds the first dev half has few of (KINDS:
sports line-ups, municipal-election notices, foreign news), 6 per kind, each from a different
source, none already in entities.tsv (either half) nor drawn by --more 20261206.
With --blind, 8 more dev articles of 400..1500 characters, one from each of 8 sources drawn
with SEED, none in entities.tsv nor drawn before (dev extensions 3 to 14, judged blind).

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


# A kind is a test on the article's text, written before any draw (README.md, "dev extension 2").
KINDS = (
    ("lineup", lambda t, c: ("تشكيلة" in c or "بمشاركة" in c) and "مباراة" in c and "اللاعب" in c),
    ("election", lambda t, c: ("الانتخابات البلدية" in c or "المجالس البلدية" in c)
        and ("مركز" in c or "مراكز" in c) and ("حي " in c or "مدرسة" in c)),
    ("foreign", lambda t, c: any(w in c for w in ("رويترز", "فرانس برس", "أ ف ب", "أسوشيتد برس"))),
)
KIND_PER = 6
KIND_MAX_CHARS = 3000  # shorter than the first sample's 5000: 18 articles judged by reading in one sitting


def judged_ids():
    """The articles judged before this draw (those above its own block in entities.tsv)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "entities.tsv")
    ids = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("# Dev extension 2"):
            break
        if line.startswith("@\t"):
            ids.add(line.split("\t")[1])
    return ids


def draw_kinds(corpus, seed):
    """KIND_PER dev articles per kind: the kind's eligible articles (400..KIND_MAX_CHARS, not
    judged, not in --more 20261206, not drawn for an earlier kind) grouped by source; KIND_PER
    sources drawn, then one article from each."""
    by_source = eligible(corpus)
    taken = judged_ids() | {row[0] for row in draw(by_source)} | {r[0] for r in draw_more(by_source, 20261206)}
    texts = {}
    for zp in sorted(glob.glob(os.path.join(corpus, "*.zip"))):
        z = zipfile.ZipFile(zp)
        for name in sorted(z.namelist()):
            for a in json.load(z.open(name)):
                i = make_id((a.get("url") or "").strip())
                if i not in texts:
                    texts[i] = (a.get("title") or "", (a.get("content") or "").strip())
    rng = random.Random(seed)
    rows = []
    for kind, test in KINDS:
        pool = {}
        for src in sorted(by_source):
            for i, date, n in by_source[src]:
                if i not in taken and n <= KIND_MAX_CHARS and test(*texts[i]):
                    pool.setdefault(src, []).append((i, date, n))
        for src in sorted(rng.sample(sorted(pool), min(KIND_PER, len(pool)))):
            i, date, n = rng.choice(pool[src])
            taken.add(i)
            rows.append((i, "dev", src, date, n, kind))
    return rows


BLIND_SOURCES = 8
BLIND_MAX_CHARS = 1500  # eight short articles, judged blind in one sitting


# The comment of entities.tsv that opens each blind extension: a draw reads the blocks above
# it only, so it stays the same once its articles are appended (extension 4's three draws were
# made one after another, none of them appended before the others).
BLIND_ABOVE = {20261208: "# Dev extension 3", 20261209: "# Dev extension 4",
               20261210: "# Dev extension 4", 20261211: "# Dev extension 4",
               20261212: "# Dev extension 5", 20261213: "# Dev extension 5",
               20261214: "# Dev extension 6", 20261215: "# Dev extension 6",
               20261216: "# Dev extension 7", 20261217: "# Dev extension 7",
               20261218: "# Dev extension 8", 20261219: "# Dev extension 8",
               20261220: "# Dev extension 9", 20261221: "# Dev extension 9",
               20261222: "# Dev extension 10", 20261223: "# Dev extension 10",
               20261224: "# Dev extension 11", 20261225: "# Dev extension 11",
               20261226: "# Dev extension 12", 20261227: "# Dev extension 12",
               20261228: "# Dev extension 13", 20261229: "# Dev extension 13",
               20261230: "# Dev extension 14", 20261231: "# Dev extension 14"}


def blocks_above(path, marker):
    """The article ids of the blocks of entities.tsv above the line starting with marker (all
    of them when no line does)."""
    ids = set()
    for line in open(path, encoding="utf-8"):
        if marker and line.startswith(marker):
            break
        if line.startswith("@\t"):
            ids.add(line.split("\t")[1])
    return ids


def draw_blind(corpus, seed):
    """BLIND_SOURCES dev articles (dev extensions 3 to 14): BLIND_SOURCES sources drawn, then
    one article (400..BLIND_MAX_CHARS) from each that is in no block of entities.tsv above its
    extension, was not drawn by the first sample nor by --more 20261206, nor by an earlier seed
    of the same extension."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "entities.tsv")
    by_source = eligible(corpus)
    taken = blocks_above(path, BLIND_ABOVE.get(seed))
    taken |= {row[0] for row in draw(by_source)} | {r[0] for r in draw_more(by_source, 20261206)}
    return blind_rows(by_source, taken, seed)


def blind_rows(by_source, taken, seed):
    """The draw of one --blind seed. An article an earlier seed of the same extension drew is
    drawn again, after the others, from the rest of its source (extension 8's two seeds drew the
    same arriyadiyah article; no earlier extension had such a clash, so their draws stand)."""
    marker = BLIND_ABOVE.get(seed)
    drawn_before = set()
    for earlier in sorted(s for s in BLIND_ABOVE if s < seed and BLIND_ABOVE[s] == marker):
        drawn_before |= {row[0] for row in blind_rows(by_source, taken, earlier)}
    rng = random.Random(seed)
    rows = []
    for src in sorted(rng.sample(sorted(by_source), BLIND_SOURCES)):
        i, date, n = rng.choice([a for a in by_source[src] if a[0] not in taken and a[2] <= BLIND_MAX_CHARS])
        rows.append((i, "dev", src, date, n))
    for k, row in enumerate(rows):
        if row[0] in drawn_before:
            i, date, n = rng.choice([a for a in by_source[row[2]] if a[0] not in taken | drawn_before
                                     and a[2] <= BLIND_MAX_CHARS])
            rows[k] = (i, "dev", row[2], date, n)
    return rows


def main():
    args = sys.argv[1:]
    more = kinds = blind = None
    if args[:1] in (["--more"], ["--kinds"], ["--blind"]):
        if len(args) < 2:
            sys.exit("usage: sample_entities.py --more|--kinds|--blind SEED [CORPUS_DIR]")
        if args[0] == "--more":
            more = int(args[1])
        elif args[0] == "--kinds":
            kinds = int(args[1])
        else:
            blind = int(args[1])
        args = args[2:]
    corpus = args[0] if args else "../shared/corpus/saudinewsnet"
    if not os.path.isdir(corpus):
        sys.exit("sample_entities.py: no SaudiNewsNet at %s" % corpus)
    if kinds is not None or blind is not None:
        for row in draw_kinds(corpus, kinds) if blind is None else draw_blind(corpus, blind):
            print(*row, sep="\t")
        return
    by_source = eligible(corpus)
    for row in draw(by_source) if more is None else draw_more(by_source, more):
        print(*row, sep="\t")


if __name__ == "__main__":
    main()
