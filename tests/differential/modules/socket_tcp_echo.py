# TCP over 127.0.0.1: a server thread echoing upper-cased data, with
# create_server/create_connection, makefile, shutdown and peer names.
import socket
import threading

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
print(srv.family, srv.type, srv.proto in (0, 6))
print(srv.getsockname()[0], type(port).__name__, port > 0)


def serve():
    conn, addr = srv.accept()
    seen.append(("server accepted from", addr[0], conn.getpeername()[0]))
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())


seen = []
t = threading.Thread(target=serve)
t.start()
with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
    print(c.gettimeout(), c.getblocking())
    c.sendall(b"hello world")
    got = b""
    while len(got) < 11:
        got += c.recv(1024)
    print(got)
    big = bytes(range(256)) * 400
    c.sendall(big)
    got = b""
    while len(got) < len(big):
        got += c.recv(65536)
    print(len(got), got == big.upper())
    buf = bytearray(5)
    c.send(b"abcde")
    n = 0
    while n < 5:
        n += c.recv_into(memoryview(buf)[n:])
    print(n, buf)
    c.shutdown(socket.SHUT_WR)
    print(c.recv(10))
t.join()
print(seen)

# makefile over a connection: lines in both directions.
def serve_lines():
    conn, _ = srv.accept()
    with conn, conn.makefile("rw", encoding="utf-8", newline="\n") as f:
        for line in f:
            f.write("echo: " + line)
            f.flush()


t = threading.Thread(target=serve_lines)
t.start()
c = socket.create_connection(("127.0.0.1", port))
r = c.makefile("rb")
w = c.makefile("wb")
for word in ["one", "two", "three"]:
    w.write(word.encode() + b"\n")
    w.flush()
    print(r.readline())
w.close()
c.shutdown(socket.SHUT_WR)
print(r.read())
r.close()
c.close()
print(c.fileno(), c._closed)
t.join()
srv.close()
print(repr(srv))

# connect_ex to a closed port gives ECONNREFUSED.
import errno
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
free = probe.getsockname()[1]
probe.close()
s = socket.socket()
print(s.connect_ex(("127.0.0.1", free)) == errno.ECONNREFUSED)
try:
    s2 = socket.socket()
    s2.connect(("127.0.0.1", free))
except ConnectionRefusedError as e:
    print("refused", e.errno == errno.ECONNREFUSED, e.strerror)
s2.close()
s.close()
