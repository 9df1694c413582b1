# Library code over sockets on 127.0.0.1: socketserver with a threaded
# TCP and UDP server, http.server answered through urllib.request, and a
# selectors-driven echo loop.
import http.server
import selectors
import socket
import socketserver
import threading
import urllib.request


class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())


with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Upper) as server:
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    with socket.create_connection(server.server_address) as c:
        f = c.makefile("rwb")
        f.write(b"first line\nsecond\n")
        f.flush()
        print(f.readline(), f.readline())
        f.close()
    server.shutdown()
    t.join()


class Reverse(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data[::-1], self.client_address)


with socketserver.UDPServer(("127.0.0.1", 0), Reverse) as server:
    t = threading.Thread(target=server.handle_request)
    t.start()
    c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    c.settimeout(5)
    c.sendto(b"datagram", server.server_address)
    print(c.recv(100))
    c.close()
    t.join()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/missing":
            self.send_error(404)
            return
        body = ("path=" + self.path).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        body = self.rfile.read(n)[::-1]
        self.send_response(201)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
base = "http://127.0.0.1:%d" % httpd.server_address[1]
with urllib.request.urlopen(base + "/hello?x=1", timeout=10) as r:
    print(r.status, r.headers["Content-Type"], r.read())
req = urllib.request.Request(base + "/post", data=b"payload", method="POST")
with urllib.request.urlopen(req, timeout=10) as r:
    print(r.status, r.read())
try:
    urllib.request.urlopen(base + "/missing", timeout=10).read()
except urllib.error.HTTPError as e:
    print(type(e).__name__, e.code, e.reason)
    e.close()
httpd.shutdown()
t.join()
httpd.server_close()

# selectors: a non-blocking echo over a socketpair.
sel = selectors.DefaultSelector()
a, b = socket.socketpair()
a.setblocking(False)
b.setblocking(False)
sel.register(a, selectors.EVENT_READ, "a")
print(sel.select(timeout=0))
b.send(b"ping")
events = sel.select(timeout=1)
print([(k.data, m) for k, m in events])
print(a.recv(10))
sel.modify(a, selectors.EVENT_WRITE, "a-write")
print([(k.data, m) for k, m in sel.select(timeout=1)])
sel.unregister(a)
sel.close()
a.close()
b.close()
