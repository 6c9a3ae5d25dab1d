#!/usr/bin/env python3
"""Agreement between two related-story golds (related.tsv format), over the pairs both grade.

  agreement_related.py compare A B [--by-query] [--list]
      exact agreement, Cohen's kappa (unweighted and linearly weighted) and the 3x3 confusion
      (rows A, columns B), overall and for each group of queries (the `# round N` comment that
      follows a query's `@` line in A, else in B); --by-query adds one line a query, --list the
      pairs graded differently.
  agreement_related.py restrict A B OUT
      writes the blocks of A whose query B grades (A's lines unchanged), for scoring those
      queries alone with `qari eval-related OUT`.
  agreement_related.py replace A B OUT
      writes A with the grade of every pair B also grades replaced by B's; every other byte of
      A is kept (OUT may be A itself).

Stdlib only. A gold file: `@<TAB>id<TAB>dev|test` starts a query; `id<TAB>grade[<TAB>...]` is
a judgment of the last query; `#` lines are comments.
"""
import argparse
import sys
from collections import OrderedDict

GRADES = (0, 1, 2)


def read_gold(path):
    """(grades {(query, candidate): grade}, queries {query: group}) in file order."""
    grades, queries = OrderedDict(), OrderedDict()
    query = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        f = line.split("\t")
        if line.startswith("#"):
            if query is not None and queries[query] is None and line.startswith("# round"):
                queries[query] = line[2:].split(":")[0].strip()
            continue
        if not line:
            continue
        if f[0] == "@":
            query = f[1]
            queries[query] = None
            continue
        grades[(query, f[0])] = int(f[1])
    return grades, queries


def confusion(pairs):
    """3x3 counts m[a][b] over [(grade_a, grade_b)]."""
    m = [[0] * 3 for _ in GRADES]
    for a, b in pairs:
        m[a][b] += 1
    return m


def kappa(m, weighted):
    """Cohen's kappa of confusion m; weighted: linear weights 1 - |i - j| / 2."""
    n = sum(map(sum, m))
    if n == 0:
        return float("nan")
    rows = [sum(m[i]) / n for i in GRADES]
    cols = [sum(m[i][j] for i in GRADES) / n for j in GRADES]

    def w(i, j):
        return 1 - abs(i - j) / 2 if weighted else float(i == j)

    po = sum(w(i, j) * m[i][j] / n for i in GRADES for j in GRADES)
    pe = sum(w(i, j) * rows[i] * cols[j] for i in GRADES for j in GRADES)
    return float("nan") if pe == 1 else (po - pe) / (1 - pe)


def summary(label, pairs):
    m = confusion(pairs)
    n = len(pairs)
    agree = sum(m[i][i] for i in GRADES)
    return "%-12s %4d pairs  exact %.3f (%d)  kappa %.3f  linear-weighted kappa %.3f" % (
        label, n, agree / n if n else float("nan"), agree, kappa(m, False), kappa(m, True))


def print_confusion(pairs, name_a, name_b):
    m = confusion(pairs)
    print("  confusion (rows %s, columns %s):" % (name_a, name_b))
    print("        %6s %6s %6s %6s" % ("0", "1", "2", "all"))
    for i in GRADES:
        print("    %d   %6d %6d %6d %6d" % (i, m[i][0], m[i][1], m[i][2], sum(m[i])))
    print("  all   %6d %6d %6d %6d" % tuple([sum(m[i][j] for i in GRADES) for j in GRADES] + [len(pairs)]))


def compare(args):
    ga, qa = read_gold(args.a)
    gb, qb = read_gold(args.b)
    common = [k for k in gb if k in ga]
    if not common:
        sys.exit("no pair is graded in both files")
    group = {q: qa.get(q) or qb.get(q) or "-" for q, _ in common}
    print("A = %s, B = %s: %d pairs in both (A %d, B %d), %d queries" % (
        args.a, args.b, len(common), len(ga), len(gb), len({q for q, _ in common})))
    for g in sorted(set(group.values())):
        print(summary(g, [(ga[k], gb[k]) for k in common if group[k[0]] == g]))
    print(summary("all", [(ga[k], gb[k]) for k in common]))
    print_confusion([(ga[k], gb[k]) for k in common], "A", "B")
    if args.by_query:
        print("per query: group, pairs, exact, kappa, A's 0/1/2, B's 0/1/2")
        for q in OrderedDict.fromkeys(q for q, _ in common):
            p = [(ga[k], gb[k]) for k in common if k[0] == q]
            ca = [sum(1 for a, _ in p if a == g) for g in GRADES]
            cb = [sum(1 for _, b in p if b == g) for g in GRADES]
            print("  %s %-9s %3d  %.3f  %6.3f  %s  %s" % (
                q, group[q], len(p), sum(a == b for a, b in p) / len(p), kappa(confusion(p), False),
                "/".join(map(str, ca)), "/".join(map(str, cb))))
    if args.list:
        print("pairs graded differently: query candidate A B")
        for k in common:
            if ga[k] != gb[k]:
                print("  %s %s %d %d" % (k[0], k[1], ga[k], gb[k]))


def restrict(args):
    _, qb = read_gold(args.b)
    keep = False
    out = []
    for line in open(args.a, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "@":
            keep = f[1] in qb
        if keep or (line.startswith("#") and not out):
            out.append(line)
    open(args.out, "w", encoding="utf-8").writelines(out)


def replace(args):
    gb, _ = read_gold(args.b)
    query = None
    out, changed = [], 0
    for line in open(args.a, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "@":
            query = f[1]
        elif not line.startswith("#") and len(f) >= 2 and (query, f[0]) in gb:
            new = str(gb[(query, f[0])])
            if f[1] != new:
                changed += 1
                f[1] = new
                line = "\t".join(f) + "\n"
        out.append(line)
    open(args.out, "w", encoding="utf-8").writelines(out)
    print("%d grades changed" % changed, file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    c.add_argument("--by-query", action="store_true")
    c.add_argument("--list", action="store_true")
    for name in ("restrict", "replace"):
        s = sub.add_parser(name)
        s.add_argument("a")
        s.add_argument("b")
        s.add_argument("out")
    args = p.parse_args()
    {"compare": compare, "restrict": restrict, "replace": replace}[args.cmd](args)


if __name__ == "__main__":
    main()
