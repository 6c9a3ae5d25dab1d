#!/usr/bin/env python3
"""Inter-annotator agreement between entities.tsv and entities-second.tsv.

Only the articles of the second file are compared. Two entities match when their types agree
and, after a simple Arabic normalisation, one's name (column 2) equals the other's name or is
among the other's alternative forms (column 3). Matching is one-to-one within an article.
Agreement is F1 = 2*matched / (n1 + n2), per type, overall, and type-blind (types ignored).

    python3 tests/data/judged/agreement.py [FIRST SECOND] [--list] [--section=TEXT]

--list prints every unmatched entity (the disagreements), article by article.
--section=TEXT compares only the second file's articles after its first comment line that
contains TEXT (one annotation round, e.g. --section="Dev extension 9").
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ("person", "place", "org")
HARAKAT_TATWEEL = re.compile("[\u064b-\u0652\u0670\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def normalise(name):
    """Hamza forms, harakat, tatweel, ة/ه, ى/ي, case and inner spacing folded."""
    name = HARAKAT_TATWEEL.sub("", name).translate(FOLD).casefold()
    return " ".join(name.split())


def read_judged(path, section=None):
    """{article id: (split, [(type, name, [alternative forms])])} from a judged file; with a
    section, only the articles after the first comment line containing it."""
    articles, current, inside = {}, None, section is None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#") and section is not None and section in line:
                inside, current = True, None
            if not line.strip() or line.startswith("#"):
                continue
            if not inside:
                continue
            cols = line.split("\t")
            if cols[0] == "@":
                current = cols[1]
                articles[current] = (cols[2], [])
            elif cols[0] == "!":
                continue
            elif cols[0] in TYPES and current is not None and len(cols) >= 2:
                alts = [a for a in cols[2].split("|") if a] if len(cols) > 2 else []
                articles[current][1].append((cols[0], cols[1], alts))
            else:
                sys.exit(f"{path}:{lineno}: unexpected line: {line!r}")
    return articles


def names_match(a, b):
    a_name, b_name = normalise(a[1]), normalise(b[1])
    a_forms = {a_name} | {normalise(x) for x in a[2]}
    b_forms = {b_name} | {normalise(x) for x in b[2]}
    return a_name in b_forms or b_name in a_forms


def match(first, second, typed):
    """One-to-one greedy matching; returns (matched pairs, unmatched first, unmatched second)."""
    pairs, left = [], list(second)
    unmatched_first = []
    # exact name matches first, so an alternative-form match cannot steal an exact partner
    for exact in (True, False):
        rest = []
        for a in first:
            hit = None
            for b in left:
                if typed and a[0] != b[0]:
                    continue
                same = normalise(a[1]) == normalise(b[1]) if exact else names_match(a, b)
                if same:
                    hit = b
                    break
            if hit is None:
                rest.append(a)
            else:
                pairs.append((a, hit))
                left.remove(hit)
        first = rest
    unmatched_first = first
    return pairs, unmatched_first, left


def f1(matched, n1, n2):
    return 2 * matched / (n1 + n2) if n1 + n2 else 1.0


def tally(first, second, ids, typed):
    """{key: [matched, n1, n2]} for keys person/place/org/all."""
    counts = {k: [0, 0, 0] for k in TYPES + ("all",)}
    for aid in ids:
        e1, e2 = first[aid][1], second[aid][1]
        pairs, _, _ = match(e1, e2, typed)
        for t in TYPES:
            counts[t][1] += sum(1 for e in e1 if e[0] == t)
            counts[t][2] += sum(1 for e in e2 if e[0] == t)
            counts[t][0] += sum(1 for a, b in pairs if a[0] == t and b[0] == t)
        counts["all"][0] += len(pairs)
        counts["all"][1] += len(e1)
        counts["all"][2] += len(e2)
    return counts


def report(first, second):
    ids_all = sorted(second)
    missing = [a for a in ids_all if a not in first]
    if missing:
        sys.exit(f"articles of the second file missing from the first: {missing}")
    print("| articles | type | annotator 1 | annotator 2 | matched | F1 |")
    print("|---|---|--:|--:|--:|--:|")
    for label in ("dev", "test", "all"):
        ids = [a for a in ids_all if label == "all" or second[a][0] == label]
        typed = tally(first, second, ids, typed=True)
        blind = tally(first, second, ids, typed=False)
        rows = [(t, typed[t]) for t in TYPES] + [("all (typed)", typed["all"]),
                                                ("all (type-blind)", blind["all"])]
        for name, (m, n1, n2) in rows:
            print(f"| {label} ({len(ids)}) | {name} | {n1} | {n2} | {m} | {f1(m, n1, n2):.3f} |")
    macro = [f1(*tally(first, second, [a], typed=True)["all"]) for a in ids_all]
    print(f"\nper-article (macro) mean F1, typed: {sum(macro) / len(macro):.3f}")


def list_disagreements(first, second):
    for aid in sorted(second):
        pairs, only1, only2 = match(first[aid][1], second[aid][1], typed=True)
        if not only1 and not only2:
            continue
        print(f"@ {aid} {second[aid][0]}")
        for e in only1:
            print(f"  1 only  {e[0]:6} {e[1]}  [{'|'.join(e[2])}]")
        for e in only2:
            print(f"  2 only  {e[0]:6} {e[1]}  [{'|'.join(e[2])}]")


def main(argv):
    flags = [a for a in argv if a.startswith("--")]
    paths = [a for a in argv if not a.startswith("--")]
    if paths and len(paths) != 2:
        sys.exit(__doc__)
    first_path, second_path = paths or (os.path.join(HERE, "entities.tsv"),
                                        os.path.join(HERE, "entities-second.tsv"))
    section = next((f.split("=", 1)[1] for f in flags if f.startswith("--section=")), None)
    first, second = read_judged(first_path), read_judged(second_path, section)
    if not second:
        sys.exit(f"no articles in {second_path} after a comment containing {section!r}")
    if "--list" in flags:
        list_disagreements(first, second)
    else:
        report(first, second)


if __name__ == "__main__":
    main(sys.argv[1:])
