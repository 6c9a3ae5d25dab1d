#!/usr/bin/env python3
"""A feed server for the fetcher's tests, on 127.0.0.1 only.

Prints "PORT TLSPORT" on its first line once both listen (TLSPORT: a self-signed
certificate made at start with openssl, which the fetcher must refuse; 0 when openssl is
missing). Routes:

  /feed.xml          RSS with an ETag and Last-Modified; If-None-Match → 304
  /lm.xml            only Last-Modified; If-Modified-Since → 304
  /r/N               N redirects (302, then 301) ending at /feed.xml
  /loop              a redirect loop
  /404 /500          those statuses
  /503               503 with Retry-After: 120
  /stall             headers, then silence for a minute
  /big               a body of 12 MB (over the cap)
  /bomb              a gzip bomb: 60 KB that inflate to 64 MB of zeros
  /cp1256.xml        windows-1256, named by the Content-Type header only
  /iso.xml           ISO-8859-6, named by the XML declaration only
  /page.html         a web page (windows-1256 by its meta) linking to /feed.xml
  /nolink.html       a web page with no feed link
  /changing.xml      items as set by /set-version/N (1: two items; 2: one changed, one new)
  /dup.xml           the same item twice
  /slow/N.xml        a feed of 20 items after 100 ms (kill -9 tests)
  /wait/N.xml        a feed of 2 items (English titles "Late story N-I") after 2 s
  /bench/N.xml       a feed of 20 items with an ETag (benchmarks)
"""
import gzip
import http.server
import os
import shutil
import socketserver
import ssl
import subprocess
import sys
import tempfile
import threading
import time

ETAG = '"v1-abc"'
LAST_MODIFIED = "Sat, 05 Dec 2026 10:00:00 GMT"
STATE = {"version": 1}
BOMB = gzip.compress(b"\0" * (64 << 20), compresslevel=9)


def rss(title, items, encoding="UTF-8", declare=True):
    head = f'<?xml version="1.0" encoding="{encoding}"?>\n' if declare else '<?xml version="1.0"?>\n'
    body = [head, f'<rss version="2.0"><channel><title>{title}</title>']
    for guid, link, t, text, date in items:
        body.append("<item>")
        if guid:
            body.append(f'<guid isPermaLink="false">{guid}</guid>')
        if link:
            body.append(f"<link>{link}</link>")
        body.append(f"<title>{t}</title><description>{text}</description>"
                    f"<pubDate>{date}</pubDate></item>")
    body.append("</channel></rss>\n")
    return "".join(body)


def arabic_items(prefix, n, day=5):
    return [(f"{prefix}-{i}", f"http://example.org/{prefix}/{i}", f"خبر {prefix} رقم {i}",
             f"قال المتحدث في الرياض إن الاجتماع رقم {i} سيعقد غدا في جدة.",
             f"Sat, 0{day} Dec 2026 {i % 24:02d}:00:00 GMT") for i in range(n)]


FEED = rss("أخبار الاختبار", arabic_items("feed", 3))
LM_FEED = rss("آخر تعديل", arabic_items("lm", 2))
CP1256 = rss("صحيفة قديمة", [("cp-1", "http://example.org/cp/1", "الملك في الرياض",
                              "وصل الملك إلى الرياض صباح اليوم.", "Sat, 05 Dec 2026 08:00:00 GMT")],
             declare=False).encode("cp1256")
ISO = rss("نشرة", [("iso-1", "http://example.org/iso/1", "مرحبا بالعالم",
                    "نص عربي بترميز آخر.", "Sat, 05 Dec 2026 09:00:00 GMT")],
          encoding="ISO-8859-6").encode("iso8859_6")
PAGE = ('<!DOCTYPE html><html><head><meta charset="windows-1256"><title>موقع</title>'
        '<link rel="stylesheet" href="/s.css">'
        '<link rel="alternate" type="application/rss+xml" title="الأخبار" href="/feed.xml">'
        '</head><body><p>صفحة</p></body></html>').encode("cp1256")
NOLINK = b"<!DOCTYPE html><html><head><title>x</title></head><body>no feed</body></html>"
DUP = rss("مكرر", [("d-1", "http://example.org/d/1", "مرة", "نص واحد.", "Sat, 05 Dec 2026 07:00:00 GMT"),
                   ("d-1", "http://example.org/d/1", "مرة", "نص واحد.", "Sat, 05 Dec 2026 07:00:00 GMT")])


def changing():
    if STATE["version"] == 1:
        return rss("متغير", [("c-1", "http://example.org/c/1", "الأول", "النسخة الأولى.",
                              "Sat, 05 Dec 2026 06:00:00 GMT"),
                             ("c-2", "http://example.org/c/2", "الثاني", "نص ثابت.",
                              "Sat, 05 Dec 2026 06:30:00 GMT")])
    return rss("متغير", [("c-1", "http://example.org/c/1", "الأول", "النسخة الثانية المعدلة.",
                          "Sat, 05 Dec 2026 06:00:00 GMT"),
                         ("c-2", "http://example.org/c/2", "الثاني", "نص ثابت.",
                          "Sat, 05 Dec 2026 06:30:00 GMT"),
                         ("c-3", "http://example.org/c/3", "الثالث", "خبر جديد.",
                          "Sat, 05 Dec 2026 07:30:00 GMT")])


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype="application/rss+xml; charset=UTF-8", headers=()):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, status, where):
        self.send(status, b"", None, [("Location", where)])

    def do_GET(self):
        p = self.path
        if p == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG:
                return self.send(304, b"", None, [("ETag", ETAG)])
            return self.send(200, FEED, headers=[("ETag", ETAG), ("Last-Modified", LAST_MODIFIED)])
        if p == "/lm.xml":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304, b"", None)
            return self.send(200, LM_FEED, headers=[("Last-Modified", LAST_MODIFIED)])
        if p.startswith("/r/"):
            n = int(p[3:])
            if n <= 0:
                return self.redirect(301, "/feed.xml")
            return self.redirect(302, f"/r/{n - 1}")
        if p == "/loop":
            return self.redirect(302, "/loop2")
        if p == "/loop2":
            return self.redirect(302, "/loop")
        if p in ("/404", "/500"):
            return self.send(int(p[1:]), b"no", "text/plain")
        if p == "/503":
            return self.send(503, b"busy", "text/plain", [("Retry-After", "120")])
        if p == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<?xml version='1.0'?><rss>")
            self.wfile.flush()
            time.sleep(60)
            return
        if p == "/big":
            item = "<item><title>x</title><description>" + "ب" * 500 + "</description></item>"
            body = ("<?xml version='1.0'?><rss><channel><title>big</title>" + item * 12000).encode()
            return self.send(200, body)
        if p == "/bomb":
            return self.send(200, BOMB, headers=[("Content-Encoding", "gzip")])
        if p == "/cp1256.xml":
            return self.send(200, CP1256, "application/rss+xml; charset=windows-1256")
        if p == "/iso.xml":
            return self.send(200, ISO, "text/xml")
        if p == "/page.html":
            return self.send(200, PAGE, "text/html")
        if p == "/nolink.html":
            return self.send(200, NOLINK, "text/html; charset=utf-8")
        if p.startswith("/set-version/"):
            STATE["version"] = int(p.rsplit("/", 1)[1])
            return self.send(200, b"ok", "text/plain")
        if p == "/changing.xml":
            return self.send(200, changing())
        if p == "/dup.xml":
            return self.send(200, DUP)
        if p.startswith("/slow/"):
            time.sleep(0.1)
            n = p[len("/slow/"):].split(".")[0]
            return self.send(200, rss(f"بطيء {n}", arabic_items(f"slow{n}", 20)))
        if p.startswith("/wait/"):
            time.sleep(2)
            n = p[len("/wait/"):].split(".")[0]
            return self.send(200, rss(f"Wait {n}", [(f"w{n}-{i}", f"http://example.org/w{n}/{i}",
                                                    f"Late story {n}-{i}", "Text of a late story.",
                                                    "Sun, 06 Dec 2026 08:00:00 GMT") for i in range(2)]))
        if p == "/summary.xml":
            link = f"http://{self.headers['Host']}/article.html"
            return self.send(200, rss("Summaries", [("s-1", link, "Summary only", "A short summary.",
                                                     "Sun, 06 Dec 2026 09:00:00 GMT")]))
        if p == "/article.html":
            with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "pages",
                                   "article.html"), "rb") as f:
                return self.send(200, f.read(), "text/html; charset=utf-8")
        if p.startswith("/bench/"):
            n = p[len("/bench/"):].split(".")[0]
            tag = f'"b{n}"'
            if self.headers.get("If-None-Match") == tag:
                return self.send(304, b"", None, [("ETag", tag)])
            return self.send(200, rss(f"قناة {n}", arabic_items(f"bench{n}", 20)), headers=[("ETag", tag)])
        return self.send(404, b"not here", "text/plain")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up (timeouts, the size cap) are what the tests are about


def tls_server(tmp):
    if shutil.which("openssl") is None:
        return None
    key, crt = os.path.join(tmp, "key.pem"), os.path.join(tmp, "crt.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", crt, "-days", "1", "-subj", "/CN=127.0.0.1"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    s = Server(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(crt, key)
    s.socket = ctx.wrap_socket(s.socket, server_side=True)
    return s


def main():
    tmp = tempfile.mkdtemp(prefix="qari-tls-")
    plain = Server(("127.0.0.1", 0), Handler)
    tls = tls_server(tmp)
    shutil.rmtree(tmp)
    for s in (plain, tls):
        if s:
            threading.Thread(target=s.serve_forever, daemon=True).start()
    print(plain.server_address[1], tls.server_address[1] if tls else 0, flush=True)
    sys.stdin.read()  # until the test closes our stdin


if __name__ == "__main__":
    main()
