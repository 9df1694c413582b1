# Timeouts and non-blocking sockets: TimeoutError from recv/accept/connect
# paths, BlockingIOError, settimeout/setblocking/getblocking and the
# default timeout.
import socket
import time

a, b = socket.socketpair()
print(a.gettimeout(), a.getblocking(), a.timeout)
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking(), a.timeout)
t0 = time.monotonic()
try:
    a.recv(10)
except TimeoutError as e:
    print("recv", type(e).__name__, e, e.errno, e.args, socket.timeout is TimeoutError)
print(time.monotonic() - t0 >= 0.04)
try:
    a.recv_into(bytearray(4))
except socket.timeout as e:
    print("recv_into", e)
a.settimeout(0)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print("nonblocking", type(e).__name__, e.errno == 11, e.strerror)
a.setblocking(True)
print(a.gettimeout(), a.getblocking())
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
b.send(b"ready")
time.sleep(0.01)
print(a.recv(10))
a.settimeout(1)
b.send(b"quick")
print(a.recv(10), a.gettimeout())
a.settimeout(None)
print(a.gettimeout())

for bad in (-1, -0.5):
    try:
        a.settimeout(bad)
    except ValueError as e:
        print("ValueError", e)
for bad in ("x", float("nan")):
    try:
        a.settimeout(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
a.close()
b.close()

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print("accept", e)
srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError as e:
    print("accept nonblocking", type(e).__name__)
srv.close()

print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(socket.getdefaulttimeout(), s.gettimeout(), s.getblocking())
s.close()
socket.setdefaulttimeout(None)
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.gettimeout(), s.type)
s.close()
try:
    socket.setdefaulttimeout(-1)
except ValueError as e:
    print(e)

# A sendall that fills the peer's buffer times out.
p, q = socket.socketpair()
p.settimeout(0.05)
try:
    p.sendall(b"x" * 10_000_000)
except TimeoutError as e:
    print("sendall", e)
p.close()
q.close()
