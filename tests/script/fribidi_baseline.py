#!/usr/bin/env python3
"""fribidi_baseline.py QARI - the FriBidi command-line tool beside `qari layout` (issue 3).

On the same Arabic paragraphs at the same widths, the baseline cuts words in half when it wraps
and leaves U+FEFF after lam-alef ligatures; qari must do neither. Both outputs are read back
the same way: each visual line reversed (pure right-to-left text), folded to base letters with
NFKC (presentation forms and the lam-alef ligature), split at spaces; a token that is not a
whole word of the input is a cut word. The figures are printed side by side. Exit 77 (skip)
without the fribidi tool (Debian: libfribidi-bin)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

QARI = sys.argv[1]
# Pure Arabic, no digits, Latin, brackets or harakat, so that a reversed line is logical order;
# many lam-alef pairs (لا، الا، إلا، سلام).
PARAGRAPHS = [
    "قال وزير الخارجية إن الاتفاق لا يزال ممكنا وإن السلام والاستقرار في المنطقة لا يتحققان "
    "إلا بالحوار والالتزام بالقانون الدولي واحترام الاتفاقات السابقة بين الأطراف",
    "وأضاف أن الاجتماع المقبل سيناقش الاستثمار والتعاون الاقتصادي والأمن الإقليمي ولا سيما "
    "ملف اللاجئين الذي لا يحتمل التأجيل",
    "السلام عليكم ورحمة الله وبركاته أهلا وسهلا بكم في بلادكم الاعلامية الإسلامية",
]
WIDTHS = [11, 20, 33, 47, 80]


def fold(s):
    return unicodedata.normalize("NFKC", s)


WORDS = {fold(w) for p in PARAGRAPHS for w in p.split()}
NWORDS = sum(len(p.split()) for p in PARAGRAPHS)


def measure(lines, width):
    """(cut words, U+FEFF count, lines wider than width, tokens) of visual lines."""
    cut = feff = wide = tokens = 0
    for line in lines:
        feff += line.count("\ufeff")
        line = line.replace("\ufeff", "").strip(" ")
        wide += len(line) > width
        for token in fold(line[::-1]).split():
            cut += token not in WORDS
            tokens += 1
    return cut, feff, wide, tokens


def fribidi_lines(path, width):
    r = subprocess.run(["fribidi", "--nopad", "--width", str(width), path],
                       capture_output=True, timeout=30, check=True)
    return r.stdout.decode("utf-8").splitlines()


def qari_lines(path, width):
    r = subprocess.run([QARI, "layout", "--width", str(width), path],
                       capture_output=True, timeout=30, check=True)
    return [l for l in r.stdout.decode("utf-8").splitlines() if l.strip()]


def main():
    if shutil.which("fribidi") is None:
        print("no fribidi tool (apt install libfribidi-bin): skipped")
        return 77
    failures = 0
    total_fribidi = [0, 0]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
        f.write("\n".join(PARAGRAPHS) + "\n")
        f.flush()
        print(f"{'width':>5}  {'fribidi: cut words':>18} {'U+FEFF':>7}   "
              f"{'qari: cut words':>15} {'U+FEFF':>7} {'too wide':>8}")
        for w in WIDTHS:
            fc, ff, _, _ = measure(fribidi_lines(f.name, w), w)
            qc, qf, qw, qt = measure(qari_lines(f.name, w), w)
            print(f"{w:>5}  {fc:>18} {ff:>7}   {qc:>15} {qf:>7} {qw:>8}")
            total_fribidi[0] += fc
            total_fribidi[1] += ff
            if qc or qf or qw or qt != NWORDS:
                print(f"FAIL width {w}: qari cut {qc} words, left {qf} U+FEFF, "
                      f"{qw} lines too wide, {qt} of {NWORDS} words", file=sys.stderr)
                failures += 1
    # the baseline's two faults must show, or this comparison proves nothing
    if total_fribidi[0] == 0 or total_fribidi[1] == 0:
        print("FAIL the fribidi tool neither cut a word nor left U+FEFF: baseline changed?",
              file=sys.stderr)
        failures += 1
    print("qari: no cut word, no U+FEFF" if failures == 0 else f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
