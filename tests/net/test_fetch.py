#!/usr/bin/env python3
"""test_fetch.py QARI - subscriptions, fetching and the store against tests/net/server.py.

Everything runs in a temp home (XDG_* folders) against a server this test starts on
127.0.0.1: every answer the fetcher must handle (200, 304 by ETag and by Last-Modified,
redirect chains and a loop, 404/500/503 + Retry-After, a stalling server, a body over the
cap, a gzip bomb, windows-1256 and ISO-8859-6 feeds, a web page with a feed link, items that
change between fetches, the same item twice, a self-signed TLS server), then qari add,
OPML in and out, qari import, and kill -9 in the middle of a fetch."""
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

QARI = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


class Home:
    """A temp home: XDG folders, the urls file, the config."""

    def __init__(self, root, name):
        self.dir = os.path.join(root, name)
        self.env = dict(os.environ)
        for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                         ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
            self.env[var] = os.path.join(self.dir, sub)
            os.makedirs(self.env[var], exist_ok=True)
        self.env["HOME"] = self.dir
        for v in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
            self.env.pop(v, None)
        os.makedirs(os.path.join(self.env["XDG_CONFIG_HOME"], "qari"), exist_ok=True)
        self.urls = os.path.join(self.env["XDG_CONFIG_HOME"], "qari", "urls")
        self.db = os.path.join(self.env["XDG_DATA_HOME"], "qari", "qari.db")
        self.write("config", "fetch-timeout = 3\n")

    def write(self, name, text):
        with open(os.path.join(self.env["XDG_CONFIG_HOME"], "qari", name), "w") as f:
            f.write(text)

    def run(self, *args, timeout=120):
        return subprocess.run([QARI, *args], env=self.env, capture_output=True, text=True,
                              timeout=timeout)

    def query(self, sql, *params):
        db = sqlite3.connect(self.db)
        try:
            return db.execute(sql, params).fetchall()
        finally:
            db.close()


def lines_by_url(out):
    got = {}
    for line in out.splitlines():
        url, _, what = line.partition("\t")
        got[url] = what
    return got


def test_fetch(root, base, tls):
    h = Home(root, "fetch")
    paths = ["feed.xml", "lm.xml", "r/3", "loop", "404", "500", "503", "stall", "big", "bomb",
             "cp1256.xml", "iso.xml", "page.html", "changing.xml", "dup.xml"]
    urls = [f"{base}/{p}" for p in paths]
    tls_url = f"https://127.0.0.1:{tls}/feed.xml" if tls else None
    text = "# my feeds\n" + "\n".join(urls[:3]) + "\nnot-a-url tag\n" + "\n".join(urls[3:])
    text += f'\n{base}/x "unclosed tag\n'
    if tls_url:
        text += tls_url + ' news "~Self signed"\n'
    h.write("urls", text)
    r = h.run("fetch")
    got = lines_by_url(r.stdout)
    check(r.returncode == 0, "fetch: exit 0 when some feeds worked")
    check(re.search(r"urls:5: not a feed URL", r.stderr) is not None, "a bad line is reported with its number")
    check(re.search(r"urls:18: a quote is not closed", r.stderr) is not None, "an unclosed quote is reported")
    check(len(got) == len(urls) + (1 if tls_url else 0), "one line per feed")
    check(got.get(f"{base}/feed.xml") == "3 new, 0 updated", "200: three new items")
    check(got.get(f"{base}/r/3") == "3 new, 0 updated", "a redirect chain is followed")
    check("redirect" in got.get(f"{base}/loop", ""), "a redirect loop is an error")
    check(got.get(f"{base}/404", "").startswith("error: HTTP 404"), "404 is an error")
    check(got.get(f"{base}/500", "").startswith("error: HTTP 500"), "500 is an error")
    check(re.match(r"error: HTTP 503; next try after", got.get(f"{base}/503", "")) is not None,
          "503 with Retry-After: the next try is put off")
    check("timed out" in got.get(f"{base}/stall", ""), "a stalling server times out")
    check("larger than" in got.get(f"{base}/big", ""), "a body over the cap is refused")
    check("larger than" in got.get(f"{base}/bomb", ""), "a gzip bomb stops at the cap")
    check("web page" in got.get(f"{base}/page.html", ""), "a web page is not taken for a feed")
    check(got.get(f"{base}/dup.xml") == "1 new, 0 updated", "the same item twice is stored once")
    if tls_url:
        check("SSL" in got.get(tls_url, "") or "certificate" in got.get(tls_url, ""),
              "a self-signed certificate is refused")
    else:
        print("skip TLS: no openssl")
    titles = [t for (t,) in h.query("SELECT title FROM articles")]
    check("الملك في الرياض" in titles, "windows-1256 by the HTTP header becomes UTF-8")
    check("مرحبا بالعالم" in titles, "ISO-8859-6 by the XML declaration becomes UTF-8")
    check(h.query("SELECT count(*) FROM articles WHERE entities IS NULL")[0][0] == 0,
          "entities are tagged at ingest")
    check(h.query("PRAGMA journal_mode")[0][0] == "wal", "the database is in WAL mode")
    check(h.query("PRAGMA user_version")[0][0] >= 1, "the schema is versioned")

    subprocess.run(["python3", "-c", f"import urllib.request; urllib.request.urlopen('{base}/set-version/2').read()"],
                   check=True)
    r = h.run("fetch")
    got = lines_by_url(r.stdout)
    check(got.get(f"{base}/feed.xml") == "not modified", "304 by ETag")
    check(got.get(f"{base}/lm.xml") == "not modified", "304 by Last-Modified")
    check(got.get(f"{base}/503", "").startswith("skipped"), "Retry-After is honoured")
    check(got.get(f"{base}/changing.xml") == "1 new, 1 updated", "a changed item is updated, a new one added")
    body = h.query("SELECT body FROM articles WHERE dedupe = 'g:c-1'")
    check(len(body) == 1 and "المعدلة".encode() in body[0][0], "the changed item holds its new text, once")
    r = h.run("fetch")
    got = lines_by_url(r.stdout)
    check(got.get(f"{base}/404", "").startswith("skipped"), "a feed failing again backs off")

    h.write("urls", f"{base}/404\n{base}/loop\n")
    r = h.run("fetch")
    check(r.returncode == 1, "fetch: exit 1 when every feed failed")


def test_add_and_opml(root, base):
    h = Home(root, "add")
    r = h.run("add", f"{base}/page.html", "news")
    check(r.returncode == 0, "add: a web page")
    with open(h.urls) as f:
        urls = f.read()
    check(f"{base}/feed.xml news" in urls, "add: the page's feed link is subscribed, with its tag")
    r = h.run("add", f"{base}/nolink.html")
    check(r.returncode == 1 and "links to no" in r.stderr, "add: a page without a feed link is refused")
    r = h.run("add", f"{base}/dup.xml")
    check(r.returncode == 0, "add: a feed")
    opml = os.path.join(h.dir, "in.opml")
    with open(opml, "w") as f:
        f.write(f"""<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="أخبار"><outline text="عربي"><outline type="rss" text="قناة" xmlUrl="{base}/lm.xml"/></outline></outline>
<outline type="rss" text="Top" xmlUrl="{base}/iso.xml"/>
<outline type="rss" text="Again" xmlUrl="{base}/dup.xml"/>
<outline type="rss" text="Bad" xmlUrl="ftp://x/y"/>
</body></opml>""")
    r = h.run("import-opml", opml)
    check(r.returncode == 0 and "2 feeds added, 1 there already" in r.stdout, "import-opml adds new feeds only")
    with open(h.urls) as f:
        urls = f.read()
    check(re.search(re.escape(f"{base}/lm.xml") + r" أخبار عربي ~قناة", urls) is not None,
          "nested outlines become tags, the title the name")
    r = h.run("export-opml")
    check(r.returncode == 0, "export-opml")
    doc = ET.fromstring(r.stdout)
    exported = {o.get("xmlUrl") for o in doc.iter("outline") if o.get("xmlUrl")}
    check(exported == {f"{base}/feed.xml", f"{base}/dup.xml", f"{base}/lm.xml", f"{base}/iso.xml"},
          "export-opml lists every feed")
    h2 = Home(root, "opml2")
    path = os.path.join(h2.dir, "out.opml")
    with open(path, "w") as f:
        f.write(r.stdout)
    r = h2.run("import-opml", path)
    check(r.returncode == 0 and "4 feeds added" in r.stdout, "exported OPML imports again")


def test_import(root):
    h = Home(root, "import")
    data = os.environ.get("QARI_TEST_DATA", os.path.join(HERE, "..", "data"))
    r = h.run("import", os.path.join(data, "feeds"))
    m = re.match(r"(\d+) added, 0 updated, 0 unchanged", r.stdout)
    check(r.returncode == 0 and m is not None and int(m.group(1)) > 0, "import: articles from files")
    r = h.run("import", os.path.join(data, "feeds"))
    check(re.match(r"0 added, 0 updated, \d+ unchanged", r.stdout) is not None, "import again: nothing twice")


def test_kill9(root, base):
    h = Home(root, "kill")
    h.write("urls", "".join(f"{base}/slow/{i}.xml\n" for i in range(80)))
    p = subprocess.Popen([QARI, "fetch"], env=h.env, stdout=subprocess.PIPE, text=True)
    acked = []
    for line in p.stdout:
        if line.rstrip().endswith("20 new, 0 updated"):
            acked.append(line.split("\t")[0])
        if len(acked) >= 6:
            break
    p.send_signal(signal.SIGKILL)
    p.wait()
    p.stdout.close()
    check(h.query("PRAGMA integrity_check")[0][0] == "ok", "kill -9 during a fetch: the database is sound")
    counts = dict(h.query("SELECT f.url, count(a.id) FROM feeds f LEFT JOIN articles a ON a.feed = f.id GROUP BY f.id"))
    check(all(counts.get(u) == 20 for u in acked), "kill -9: every acknowledged feed is stored whole")
    check(all(n in (0, 20) for n in counts.values()), "kill -9: no feed is stored in part")
    r = h.run("fetch")
    check(r.returncode == 0 and h.query("SELECT count(*) FROM articles")[0][0] == 80 * 20,
          "kill -9: the next fetch completes the store")


def main():
    root = tempfile.mkdtemp(prefix="qari-test-fetch-")
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "server.py")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        port, tls = server.stdout.readline().split()
        base = f"http://127.0.0.1:{port}"
        test_fetch(root, base, int(tls))
        test_add_and_opml(root, base)
        test_import(root)
        test_kill9(root, base)
    finally:
        server.stdin.close()
        server.kill()
        server.wait()
        subprocess.run(["rm", "-rf", root])
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
