#!/usr/bin/env python3
"""bounds.py QARI [CASE...] - bounded cost on amplifying input, and the loaders' edge cases
(issue 19).

Every hostile file is generated here at test time (a few small generators, nothing big in the
tree). Each amplification case runs `qari list` (or `show`) on its own, and prints its peak
memory (the child's ru_maxrss) and time as "name: peak_rss N MB, time N s"; the test fails when
either passes its bound or the file is not reported once by name. Cases: an RSS file whose
internal entity expands 20,000 times, a ZIP of 200 MB of two-byte lines, a tar.xz of nested
archives of 250 MB each, 50 MB of short lines, 50 MB of one-letter JSON Lines articles; then a ZIP with one corrupted member, JSON
fields of the wrong type, FIFOs where the config, state and cache files should be, a file
descriptor limit too low for curses."""
import io
import lzma
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile

QARI = os.path.abspath(sys.argv[1])
ONLY = set(sys.argv[2:])
MB = 1 << 20
# AddressSanitizer's shadow memory and checks cost memory and time of their own
with open(QARI, "rb") as exe:
    SANITIZED = b"__asan_init" in exe.read()
SLACK_MB, SLACK_S = (3, 5) if SANITIZED else (1, 1)

checks = 0
failures = []


def check(ok, what, why):
    global checks
    checks += 1
    if not ok:
        failures.append(f"{what}: {why}")
        print(f"FAIL {what}: {why}", file=sys.stderr)
    return ok


def measure(args, timeout, env=None):
    """Run qari; (returncode, stdout, stderr, peak RSS in MB, seconds), None on a timeout."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([QARI] + args, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             env=env)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                return None
            time.sleep(0.02)
        secs = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return (os.waitstatus_to_exitcode(status), out.read(), err.read(),
                usage.ru_maxrss / 1024, secs)


def bounded(name, args, path, max_mb, max_s, timeout=120):
    """An amplification case: within max_mb and max_s, and the file named on stderr."""
    max_mb, max_s, timeout = max_mb * SLACK_MB, max_s * SLACK_S, timeout * SLACK_S
    r = measure(args, timeout)
    if not check(r is not None, name, f"no answer within {timeout} s"):
        return None
    rc, out, err, mb, secs = r
    print(f"{name}: peak_rss {mb:.1f} MB, time {secs:.2f} s", file=sys.stderr)
    check(rc in (0, 1), name, f"exit status {rc}")
    check(mb <= max_mb, name, f"peak memory {mb:.0f} MB over {max_mb} MB")
    check(secs <= max_s, name, f"{secs:.1f} s over {max_s} s")
    named = [l for l in err.decode("utf-8", "replace").splitlines() if path in l]
    check(len(named) >= 1, name, "the file is not reported by name: " + err.decode()[-300:])
    return rc, out, err


def entity_feed(tmp, uses=20000, size=20000):
    """One 20 KB internal entity used 20,000 times: 80 KB on disk, 400 MB expanded."""
    path = os.path.join(tmp, "entities.xml")
    with open(path, "w") as f:
        f.write(f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY e "{"خبر " * (size // 8)}">]>\n'
                '<rss version="2.0"><channel><title>t</title><item><title>big</title>'
                f'<description>{"&e;" * uses}</description></item>'
                '<item><title>small</title><description>نص عادي</description></item>'
                '</channel></rss>\n')
    return path


def entity_case(tmp):
    path = entity_feed(tmp)
    r = bounded("entity feed, list", ["list", path], path, 200, 20)
    if not r or not check(r[1].count(b"\n") == 2, "entity feed, list", "both items listed"):
        return
    big = [l.split(b"\t")[0] for l in r[1].splitlines() if l.endswith(b"\tbig")]
    r = measure(["show", "--width", "80", big[0].decode(), path], 60)
    if check(r is not None, "entity feed, show", "no answer within 60 s"):
        print(f"entity feed, show: peak_rss {r[3]:.1f} MB, time {r[4]:.2f} s, "
              f"{len(r[1]) / MB:.1f} MB printed", file=sys.stderr)
        check(r[0] == 0 and r[3] <= 200 * SLACK_MB and len(r[1]) < 16 * MB, "entity feed, show",
              f"{r[3]:.0f} MB peak, {len(r[1])} bytes printed")


def short_lines_zip(tmp, total=200 * MB):
    path = os.path.join(tmp, "lines.zip")
    chunk = b"a\n" * (MB // 2)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("lines.txt", "w", force_zip64=True) as m:
            for _ in range(total // len(chunk)):
                m.write(chunk)
    return path


def zip_case(tmp):
    path = short_lines_zip(tmp)
    bounded(f"ZIP of 200 MB of two-byte lines ({os.path.getsize(path) // 1024} KB)",
            ["list", path], path, 400, 30)


def nested_tar_xz(tmp, copies=20, inner_mb=250):
    """A tar.xz holding `copies` identical tar.xz files, each holding inner_mb of one line."""
    member = io.BytesIO()
    with tarfile.open(fileobj=member, mode="w:xz") as t:
        info = tarfile.TarInfo("big.txt")
        info.size = inner_mb * MB

        class Lines(io.RawIOBase):
            left = info.size

            def readable(self):
                return True

            def readinto(self, b):
                n = min(len(b), self.left)
                b[:n] = b"x" * n
                self.left -= n
                return n
        t.addfile(info, io.BufferedReader(Lines(), 1 << 20))
    inner = member.getvalue()
    path = os.path.join(tmp, "nested.tar.xz")
    with tarfile.open(path, "w:xz") as t:
        for i in range(copies):
            info = tarfile.TarInfo(f"inner{i:03d}.tar.xz")
            info.size = len(inner)
            t.addfile(info, io.BytesIO(inner))
    return path


def nested_case(tmp):
    path = nested_tar_xz(tmp)
    bounded(f"tar.xz of 20 nested 250 MB archives ({os.path.getsize(path)} bytes)",
            ["list", path], path, 600, 30)


def short_lines_case(tmp, total=50 * MB):
    path = os.path.join(tmp, "short.txt")
    with open(path, "wb") as f:
        f.write(b"title\n")
        f.write(b"a\n" * (total // 2))
    r = bounded("50 MB of two-byte lines", ["list", path], path, 4 * total // MB, 30)
    if r:
        check(r[1].count(b"\n") == 1, "50 MB of two-byte lines", "the article is listed")


def tiny_items_case(tmp, total=50 * MB):
    """50 MB of JSON Lines articles of one letter: an article costs far more than 26 bytes."""
    path = os.path.join(tmp, "tiny.jsonl")
    item = b'{"title":"t","text":"x"}\n'
    with open(path, "wb") as f:
        f.write(item * (total // len(item)))
    bounded("50 MB of one-letter JSON Lines articles", ["list", path], path, 4 * total // MB, 30)


def bad_member_case(tmp, members=20, bad=7):
    """A ZIP whose 8th member's data is damaged: the 19 others load, the 8th is named."""
    path = os.path.join(tmp, "one_bad.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(members):
            z.writestr(f"a{i:02d}.txt", f"title {i}\n" + "paragraph of text. " * 200 + "\n")
    with zipfile.ZipFile(path) as z:
        info = z.infolist()[bad]
    data = bytearray(open(path, "rb").read())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(start + 4, start + info.compress_size - 4):
        data[k] ^= 0x5A
    open(path, "wb").write(bytes(data))
    r = measure(["list", path], 60)
    if not check(r is not None, "ZIP with a bad member", "no answer"):
        return
    lines = r[1].decode().splitlines()
    check(len(lines) == members - 1, "ZIP with a bad member",
          f"{len(lines)} articles listed, expected {members - 1}")
    check(f"{path}!a{bad:02d}.txt" in r[2].decode(), "ZIP with a bad member",
          "the bad member is not named: " + r[2].decode()[-300:])


def json_case(tmp):
    path = os.path.join(tmp, "types.json")
    with open(path, "w") as f:
        f.write('[{"title": "numeric content", "content": 12, "text": "the real text"},'
                '{"title": "huge", "content": "x", "id": 123456789012345678901234567890},'
                '{"title": "beyond a double", "content": "x", "id": 1' + "0" * 400 + '},'
                '{"title": "after the huge number", "content": "still here"}]')
    r = measure(["list", path], 30)
    if not check(r is not None, "JSON field types", "no answer"):
        return
    out = r[1].decode()
    check(out.count("\n") == 3, "JSON field types", f"3 articles expected: {out!r} {r[2]!r}")
    check(b"item 3 skipped" in r[2], "JSON field types", f"item 3 not reported: {r[2]!r}")
    ids = [l.split("\t")[0] for l in out.splitlines() if l.endswith("numeric content")]
    r = measure(["show", "--width", "80", ids[0] if ids else "none", path], 30)
    if r:
        check(b"the real text" in r[1], "JSON numeric content", "text field not used")


def fifo_case(tmp):
    """A FIFO where the config, the state or the cache file should be: never a hang."""
    home = os.path.join(tmp, "fifo-home")
    for sub in ("config/qari", "state/qari", "cache/qari"):
        os.makedirs(os.path.join(home, sub))
    os.mkfifo(os.path.join(home, "config/qari/config"))
    os.mkfifo(os.path.join(home, "cache/qari/entities"))
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_STATE_HOME=os.path.join(home, "state"),
               XDG_CACHE_HOME=os.path.join(home, "cache"))
    art = os.path.join(tmp, "fifo-article.txt")
    with open(art, "w") as f:
        f.write("عنوان\nالرئيس محمد في الرياض.\n")
    r = measure(["entities", art], 20, env)
    if check(r is not None, "FIFO config and cache", "qari entities hangs"):
        check(r[0] == 0, "FIFO config and cache", f"exit {r[0]}: {r[2]!r}")


def fd_limit_case(tmp):
    """Few file descriptors (ulimit -n): curses cannot read terminfo, and used to say the
    terminal type was unknown. Whatever fails, the message must name the real cause."""
    env = dict(os.environ, TERM="xterm", XDG_STATE_HOME=os.path.join(tmp, "state"))
    said = []
    for n in range(5, 13):
        def limit(n=n):
            resource.setrlimit(resource.RLIMIT_NOFILE, (n, n))
        try:
            r = subprocess.run([QARI], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=env, preexec_fn=limit, timeout=1.5 * SLACK_S)
            err = r.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            err = (e.stderr or b"").decode("utf-8", "replace") # it started: fine
        check("Error opening terminal" not in err and "is TERM set" not in err,
              f"ulimit -n {n}", f"the terminal blamed: {err.strip()[:200]}")
        said.append(err)
    check(any("file descriptors" in e for e in said), "ulimit -n",
          "no limit named the file descriptors: " + " | ".join(e.strip()[:80] for e in said))


CASES = {
    "entity": entity_case, "zip": zip_case, "nested": nested_case, "lines": short_lines_case,
    "items": tiny_items_case, "member": bad_member_case, "json": json_case, "fifo": fifo_case,
    "fds": fd_limit_case,
}


def main():
    start = time.monotonic()
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    for name, case in CASES.items():
        if ONLY and name not in ONLY:
            continue
        with tempfile.TemporaryDirectory(prefix="qari-bounds-", dir=shm) as tmp:
            t = time.monotonic()
            case(tmp)
            print(f"[{name}: {time.monotonic() - t:.1f} s]", file=sys.stderr)
    print(f"{checks - len(failures)} passed, {len(failures)} failed "
          f"({time.monotonic() - start:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
