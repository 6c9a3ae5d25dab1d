#!/usr/bin/env python3
"""hostile.py QARI - qari against hostile and broken input (issue 7).

Every fixture in tests/data/hostile/ and every generated case (a 10 MB line, a million marks
on one base, 100,000 tiny files, 200 nested folders, symbolic link loops, a FIFO, files that
vanish or shrink while loading) must load or be reported on one stderr line naming the file, must not crash or hang
(each run has a timeout), and nothing qari writes may hold a raw control byte: checked on the
bytes of stdout and stderr of `qari list`, `qari layout` and `qari show`."""
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

QARI = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "data", "hostile")

# C0 but newline (tab only where allowed), DEL, C1 as UTF-8, bidi controls and marks, U+FEFF.
FORBIDDEN = re.compile(
    rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xaa-\xae]"
    rb"|\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf")
SANITIZER = re.compile(rb"Sanitizer|runtime error:|LeakSanitizer")

checks = 0
failures = []


def fail(what, why):
    failures.append(f"{what}: {why}")
    print(f"FAIL {what}: {why}", file=sys.stderr)


def check(ok, what, why):
    global checks
    checks += 1
    if not ok:
        fail(what, why)
    return ok


def run(args, what, timeout=60):
    """Run qari; None (after a failure) when it hangs."""
    try:
        return subprocess.run([QARI] + args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        check(False, what, f"no answer within {timeout} s (hang)")
        return None


def check_bytes(what, data, tab_ok):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return check(False, what, f"invalid UTF-8 at byte {e.start}")
    if tab_ok:
        data = data.replace(b"\t", b" ")
    m = FORBIDDEN.search(data)
    return check(m is None, what,
                 f"raw control byte(s) {m.group(0)!r} at {m.start()}" if m else "")


def check_run(r, what, tab_ok=False):
    """No crash, no sanitizer report, exit 0 or 1, clean bytes on both streams."""
    if r is None:
        return False
    check(r.returncode in (0, 1), what, f"exit status {r.returncode}")
    check(not SANITIZER.search(r.stderr), what, "sanitizer report:\n" +
          r.stderr.decode("utf-8", "replace")[-2000:])
    check_bytes(what + " stdout", r.stdout, tab_ok)
    check_bytes(what + " stderr", r.stderr, False)
    return r.returncode in (0, 1)


def check_loaded_or_reported(r, path, what):
    if r is None:
        return
    lines = r.stdout.decode("utf-8", "replace").splitlines()
    named = [l for l in r.stderr.decode("utf-8", "replace").splitlines() if path in l]
    check((r.returncode == 0 and len(lines) >= 1) or (r.returncode == 1 and len(named) >= 1),
          what, f"neither loaded nor reported (exit {r.returncode})")


def fixture_cases():
    names = sorted(n for n in os.listdir(DATA) if n.endswith(".txt"))
    check(len(names) >= 15, "fixtures", f"only {len(names)} in {DATA}")
    for n in names:
        path = os.path.join(DATA, n)
        r = run(["list", path], f"list {n}")
        if not check_run(r, f"list {n}", tab_ok=True):
            continue
        check_loaded_or_reported(r, path, f"list {n}")
        for width in ("1", "80"):
            check_run(run(["layout", "--width", width, path], f"layout {n}"),
                      f"layout --width {width} {n}")
        check_run(run(["layout", "--logical", "--width", "40", path], f"layout --logical {n}"),
                  f"layout --logical {n}")
        for line in r.stdout.decode("utf-8", "replace").splitlines():
            art = line.split("\t")[0]
            check_run(run(["show", "--width", "30", art, path], f"show {n}"), f"show {n}")


def folder_case():
    r = run(["list", "--stats", DATA], "list folder")
    if check_run(r, "list folder", tab_ok=True):
        for l in r.stderr.decode().splitlines():
            check(l.startswith("qari: ") or re.match(r"^(files|items) [\w ]+: \d+$", l),
                  "list folder", f"stderr line that is not a report: {l!r}")


def big_line_case(tmp):
    path = os.path.join(tmp, "big_line.txt")
    word = "المحادثات ستستأنف غداً https://example.com/a?b=1 ".encode()
    with open(path, "wb") as f:
        f.write(word * (10 * 1024 * 1024 // len(word)) + b"\n")
    check_run(run(["list", path], "list 10 MB line"), "list 10 MB line", tab_ok=True)
    check_run(run(["layout", "--width", "80", path], "layout 10 MB line", 120),
              "layout 10 MB line")


def marks_case(tmp):
    """A million marks on one base: one cluster, which must not cost quadratic time."""
    path = os.path.join(tmp, "marks.txt")
    with open(path, "w") as f:
        f.write("ب" + "\u064e" * 1000000 + " a" + "\u0301" * 1000000 + "\n")
    for width in ("1", "80"):
        check_run(run(["layout", "--width", width, path], "layout 2M marks", 60),
                  f"layout --width {width} 2M marks")


def many_files_case(tmp, count=100000):
    d = os.path.join(tmp, "many")
    os.mkdir(d)
    for i in range(count):
        with open(os.path.join(d, f"{i:06d}.txt"), "w") as f:
            f.write(f"t{i}\n")
    r = run(["list", d], "list 100,000 files", 120)
    if check_run(r, "list 100,000 files", tab_ok=True):
        n = r.stdout.count(b"\n")
        check(n == count, "list 100,000 files", f"{n} articles listed")


def deep_case(tmp, depth=200):
    d = os.path.join(tmp, "deep")
    p = d
    for i in range(depth):
        p = os.path.join(p, "d")
        os.makedirs(p)
        if i in (5, depth - 1):
            with open(os.path.join(p, f"level{i}.txt"), "w") as f:
                f.write(f"level {i}\n")
    r = run(["list", d], "list 200 nested folders")
    if check_run(r, "list 200 nested folders", tab_ok=True):
        check(b"level 5" in r.stdout, "list 200 nested folders", "level 5 not loaded")
        check(b"too deep" in r.stderr, "list 200 nested folders", "depth not reported")


def links_case(tmp):
    d = os.path.join(tmp, "links")
    os.makedirs(os.path.join(d, "sub.txt"))
    with open(os.path.join(d, "a.txt"), "w") as f:
        f.write("a title\n")
    with open(os.path.join(d, "sub.txt", "b.txt"), "w") as f:
        f.write("b title\n")
    os.symlink(".", os.path.join(d, "loop"))
    os.symlink("..", os.path.join(d, "sub.txt", "up"))
    os.symlink("self.txt", os.path.join(d, "self.txt"))
    os.symlink("nowhere.txt", os.path.join(d, "dangling.txt"))
    os.mkfifo(os.path.join(d, "fifo.txt"))
    r = run(["list", d], "list symlink loops", 30)
    if check_run(r, "list symlink loops", tab_ok=True):
        n = r.stdout.count(b"\n")
        check(n == 2, "list symlink loops", f"{n} articles, expected a and b once each")
        err = r.stderr.decode()
        for what in ("loop", "self.txt", "dangling.txt", "fifo.txt"):
            check(what in err, "list symlink loops", f"{what} not reported")
    r = run(["list", os.path.join(d, "fifo.txt")], "list a FIFO", 30)
    check_run(r, "list a FIFO")


def vanishing_case(tmp, rounds=2, count=3000):
    """Best effort: files deleted, truncated and rewritten while qari walks the folder."""
    for k in range(rounds):
        d = os.path.join(tmp, f"vanish{k}")
        os.mkdir(d)
        paths = [os.path.join(d, f"{i:05d}.txt") for i in range(count)]
        for p in paths:
            with open(p, "w") as f:
                f.write("عنوان\n" + "فقرة طويلة " * 50 + "\n")
        stop = threading.Event()

        def churn():
            for i, p in enumerate(reversed(paths)):
                if stop.is_set():
                    return
                try:
                    if i % 3 == 0:
                        os.unlink(p)
                    elif i % 3 == 1:
                        os.truncate(p, 3)
                    else:
                        with open(p, "w") as f:
                            f.write("\x1b]52;c;eA==\x07 new\n")
                except OSError:
                    pass
        t = threading.Thread(target=churn)
        t.start()
        r = run(["list", d], "list vanishing files")
        stop.set()
        t.join()
        if check_run(r, "list vanishing files", tab_ok=True):
            for l in r.stderr.decode().splitlines():
                check(l.startswith("qari: "), "list vanishing files", f"stray stderr {l!r}")


def timed(name, fn, *args):
    t = time.monotonic()
    fn(*args)
    print(f"{name}: {time.monotonic() - t:.1f} s", file=sys.stderr)


def main():
    start = time.monotonic()
    timed("fixtures", fixture_cases)
    timed("fixture folder", folder_case)
    # tmpfs when there is one: 100,000 files are made three times faster there
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="qari-hostile-", dir=shm) as tmp:
        for name, case in (("10 MB line", big_line_case), ("200 nested folders", deep_case),
                           ("symlink loops", links_case), ("a million marks", marks_case),
                           ("vanishing files", vanishing_case),
                           ("100,000 files", many_files_case)):
            timed(name, case, tmp)
    print(f"{checks - len(failures)} passed, {len(failures)} failed "
          f"({time.monotonic() - start:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
