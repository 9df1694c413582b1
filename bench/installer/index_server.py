#!/usr/bin/env python3.11
"""A local package index over a folder of wheels, for bench/installer.

    python3.11 index_server.py WHEEL_DIR [--port N] [--port-file FILE]

Serves, on 127.0.0.1:
  /simple/                 the project list
  /simple/NAME/            each project's files: PEP 691 JSON when the client's
                           Accept header asks for
                           application/vnd.pypi.simple.v1+json, else PEP 503 HTML;
                           every link carries a #sha256= fragment and PEP 658/714
                           core-metadata (data-core-metadata / "core-metadata")
  /files/FILE              a wheel
  /files/FILE.metadata     its METADATA (PEP 658)

Pages are sent as PyPI sends them: Cache-Control max-age=600 and an ETag
(answered with 304 on If-None-Match); files as immutable. HTTP/1.1 with
keep-alive, one thread a connection. With --port 0 (the default) the kernel
picks a free port, written to --port-file once the server listens.
"""

import argparse
import email.utils
import hashlib
import html
import json
import os
import re
import sys
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


class Index:
    def __init__(self, folder):
        self.folder = os.path.abspath(folder)
        self.projects = {}  # normalised name -> [file info]
        self.metadata = {}  # file name -> METADATA bytes
        for fn in sorted(os.listdir(self.folder)):
            if not fn.endswith(".whl"):
                continue
            path = os.path.join(self.folder, fn)
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            meta, requires_python = self._metadata(path, fn)
            self.metadata[fn] = meta
            info = {
                "filename": fn,
                "sha256": digest,
                "size": os.path.getsize(path),
                "requires_python": requires_python,
                "metadata_sha256": hashlib.sha256(meta).hexdigest(),
            }
            self.projects.setdefault(normalize(fn.split("-")[0]), []).append(info)
        self.pages = {}
        for name, files in self.projects.items():
            self.pages[name] = (self._html(name, files), self._json(name, files))
        links = "".join(f'<a href="/simple/{n}/">{n}</a>\n' for n in sorted(self.projects))
        self.root_html = f"<!DOCTYPE html>\n<html><body>\n{links}</body></html>\n".encode()
        self.root_json = json.dumps({"meta": {"api-version": "1.1"}, "projects": [{"name": n} for n in sorted(self.projects)]}).encode()

    @staticmethod
    def _metadata(path, fn):
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1]
            if not names:
                raise SystemExit(f"{fn} has no METADATA")
            meta = z.read(names[0])
        rp = None
        for line in meta.decode("utf-8", "replace").splitlines():
            if not line:
                break
            if line.lower().startswith("requires-python:"):
                rp = line.split(":", 1)[1].strip()
        return meta, rp

    @staticmethod
    def _html(name, files):
        rows = []
        for f in files:
            rp = f' data-requires-python="{html.escape(f["requires_python"])}"' if f["requires_python"] else ""
            rows.append(
                f'<a href="/files/{f["filename"]}#sha256={f["sha256"]}"{rp}'
                f' data-core-metadata="sha256={f["metadata_sha256"]}"'
                f' data-dist-info-metadata="sha256={f["metadata_sha256"]}">{f["filename"]}</a><br/>'
            )
        body = "\n".join(rows)
        return (
            '<!DOCTYPE html>\n<html><head><meta name="pypi:repository-version" content="1.1">'
            f"<title>Links for {name}</title></head><body><h1>Links for {name}</h1>\n{body}\n</body></html>\n"
        ).encode()

    @staticmethod
    def _json(name, files):
        out = []
        for f in files:
            out.append(
                {
                    "filename": f["filename"],
                    "url": f"/files/{f['filename']}",
                    "hashes": {"sha256": f["sha256"]},
                    "requires-python": f["requires_python"],
                    "size": f["size"],
                    "yanked": False,
                    "core-metadata": {"sha256": f["metadata_sha256"]},
                    "data-dist-info-metadata": {"sha256": f["metadata_sha256"]},
                }
            )
        doc = {"meta": {"api-version": "1.1"}, "name": name, "files": out, "versions": sorted({f["filename"].split("-")[1] for f in files})}
        return json.dumps(doc).encode()


def make_handler(index, counter):
    started = email.utils.formatdate(usegmt=True)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: with Nagle's algorithm the
        # body waits for the client's delayed ACK, 40 ms per request on a
        # kept-alive connection, which no real index makes clients wait.
        disable_nagle_algorithm = True
        server_version = "krait-bench-index/1"

        def log_message(self, *args):
            pass

        def _send(self, status, body, ctype, cache, etag=None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", cache)
            self.send_header("Last-Modified", started)
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _page(self, html_body, json_body):
            accept = self.headers.get("Accept", "")
            want_json = "application/vnd.pypi.simple.v1+json" in accept and not re.search(r"application/vnd\.pypi\.simple\.v1\+json\s*;\s*q=0(\.0*)?\s*(,|$)", accept)
            body, ctype = (json_body, "application/vnd.pypi.simple.v1+json") if want_json else (html_body, "text/html; charset=utf-8")
            etag = '"%s"' % hashlib.sha256(body).hexdigest()[:32]
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", "max-age=600, public")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self._send(200, body, ctype, "max-age=600, public", etag)

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            with counter[1]:
                counter[0] += 1
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path in ("/simple", "/simple/"):
                return self._page(index.root_html, index.root_json)
            m = re.fullmatch(r"/simple/([^/]+)/?", path)
            if m:
                name = normalize(m.group(1))
                if name not in index.pages:
                    return self._send(404, b"Not Found\n", "text/plain", "max-age=600, public")
                if m.group(1) != name or not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", f"/simple/{name}/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                return self._page(*index.pages[name])
            m = re.fullmatch(r"/files/([^/]+)", path)
            if m:
                fn = m.group(1)
                if fn.endswith(".metadata") and fn[: -len(".metadata")] in index.metadata:
                    return self._send(200, index.metadata[fn[: -len(".metadata")]], "application/octet-stream", "max-age=365000000, immutable, public")
                full = os.path.join(index.folder, fn)
                if fn in index.metadata and os.path.isfile(full):
                    size = os.path.getsize(full)
                    self.send_response(200)
                    self.send_header("Content-Type", "application/octet-stream")
                    self.send_header("Content-Length", str(size))
                    self.send_header("Cache-Control", "max-age=365000000, immutable, public")
                    self.send_header("Last-Modified", started)
                    self.end_headers()
                    if self.command != "HEAD":
                        with open(full, "rb") as f:
                            self.wfile.write(f.read())
                    return
            if path == "/_requests":
                return self._send(200, str(counter[0]).encode(), "text/plain", "no-store")
            self._send(404, b"Not Found\n", "text/plain", "no-store")

    return Handler


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    args = ap.parse_args()
    index = Index(args.folder)
    counter = [0, threading.Lock()]
    class Server(ThreadingHTTPServer):
        # uv opens dozens of connections at once: a short listen backlog
        # would drop SYNs and add a second's retransmission to some.
        request_queue_size = 256

    server = Server(("127.0.0.1", args.port), make_handler(index, counter))
    server.daemon_threads = True
    port = server.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(str(port))
        os.replace(tmp, args.port_file)
    print(f"serving {sum(len(v) for v in index.projects.values())} files of {len(index.projects)} projects on http://127.0.0.1:{port}/simple/", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
