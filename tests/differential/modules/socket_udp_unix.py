# UDP over 127.0.0.1, AF_UNIX stream and datagram sockets (paths and the
# Linux abstract namespace), socketpair and fd passing with sendmsg/recvmsg.
import array
import os
import socket
import tempfile
import threading

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.bind(("127.0.0.1", 0))
print(u1.type, u1.family)
u2.sendto(b"ping", u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
u1.sendto(b"pong", 0, addr)
buf = bytearray(10)
n, addr2 = u2.recvfrom_into(buf)
print(n, bytes(buf[:n]), addr2 == u1.getsockname())
u1.connect(u2.getsockname())
u1.send(b"connected")
print(u2.recv(100))
u1.close()
u2.close()

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen()
    print(srv.getsockname() == path, srv.family)

    def serve():
        c, a = srv.accept()
        seen.append(a)
        with c:
            c.sendall(c.recv(100)[::-1])

    seen = []
    t = threading.Thread(target=serve)
    t.start()
    c = socket.socket(socket.AF_UNIX)
    c.connect(path)
    print(c.getpeername() == path)
    c.sendall(b"stressed")
    print(c.recv(100))
    c.close()
    t.join()
    print("accepted addr", seen)
    srv.close()

    dpath = os.path.join(d, "dgram")
    r = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    r.bind(dpath.encode())
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.sendto(b"datagram", dpath)
    print(r.recvfrom(100))
    r.close()
    s.close()

# Abstract namespace: a leading NUL byte; names come back as bytes.
name = b"\0krait-test-%d" % os.getpid()
a = socket.socket(socket.AF_UNIX)
a.bind(name)
print(a.getsockname() == name, type(a.getsockname()).__name__)
a.close()

# Unbound/autobound.
x = socket.socket(socket.AF_UNIX)
print(repr(x.getsockname()))
x.close()

p, q = socket.socketpair()
print(p.family, p.type)
p.sendall(b"over the pair")
print(q.recv(100))
r, w = os.pipe()
p.sendmsg([b"fd"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [w]))])
msg, anc, flags, addr = q.recvmsg(10, socket.CMSG_SPACE(4))
print(msg, len(anc), anc[0][0] == socket.SOL_SOCKET, anc[0][1] == socket.SCM_RIGHTS, flags)
fds = array.array("i")
fds.frombytes(anc[0][2])
os.write(fds[0], b"through the passed fd")
print(os.read(r, 100))
for f in (r, w, fds[0]):
    os.close(f)
p.close()
q.close()

d1, d2 = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
d1.send(b"a")
d1.send(b"bc")
print(d2.recv(10), d2.recv(10))
d1.close()
d2.close()
