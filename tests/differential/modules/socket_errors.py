# Conversions and their errors: inet_*, byte order, bad addresses, closed
# sockets, repr, and the ResourceWarning of an unclosed socket.
import gc
import socket
import warnings


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print(" ", repr(r))


print(socket.inet_aton("1.2.3.4"), socket.inet_aton("127.1"), socket.inet_aton("0x7f.1"))
print(socket.inet_ntoa(b"\x7f\x00\x00\x01"), socket.inet_ntoa(bytearray(b"\xff\xfe\x00\x01")))
print(socket.inet_pton(socket.AF_INET, "10.0.0.1"), socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET, b"\x0a\x00\x00\x01"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, "fe80::1:2")))
attempt(socket.inet_aton, "x")
attempt(socket.inet_aton, "1.2.3.4.5")
attempt(socket.inet_aton, b"1.2.3.4")
attempt(socket.inet_ntoa, b"12")
attempt(socket.inet_pton, socket.AF_INET, "300.1.1.1")
attempt(socket.inet_pton, 99, "1.1.1.1")
attempt(socket.inet_ntop, socket.AF_INET, b"1")
attempt(socket.inet_ntop, 99, b"1234")

print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(0x01000000))
attempt(socket.htons, -1)
attempt(socket.htons, 70000)
attempt(socket.ntohs, 2**70)
attempt(socket.htonl, -1)
attempt(socket.htonl, 2**32)
attempt(socket.htons, 1.5)
attempt(socket.htons, "1")

s = socket.socket()
attempt(s.bind, 5)
attempt(s.bind, ("a",))
attempt(s.bind, ("127.0.0.1", 70000))
attempt(s.bind, ("127.0.0.1", -1))
attempt(s.bind, (5, 80))
attempt(s.connect, [("127.0.0.1", 80)])
attempt(s.sendto, b"x")
attempt(s.recv, -1)
attempt(s.listen, 1, 2)
attempt(s.setsockopt, 1, 2)
attempt(s.setsockopt, 1, 2, None)
s6 = socket.socket(socket.AF_INET6)
attempt(s6.bind, ("::1", 0, 2**21))
attempt(s6.bind, "::1")
s6.close()
u = socket.socket(socket.AF_UNIX)
attempt(u.bind, 5)
attempt(u.bind, "a" * 200)
u.close()
attempt(socket.socket, 1, 2, 3, 4, 5)
attempt(socket.socket, fileno=-5)
attempt(socket.socket, 99)

s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
print(len(s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)))
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\0" * 8)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
print(repr(s).split(" laddr")[0].split(" fd=")[0], "family=2" in repr(s))
fd = s.fileno()
raw = socket.socket(fileno=s.dup().detach())
print(raw.family, raw.type, raw.proto)
raw.close()
s.close()
print(repr(s))
attempt(s.recv, 1)
attempt(s.send, b"x")
attempt(s.getsockname)
attempt(s.fileno)
attempt(s.close)
print(socket.socket.__module__, socket.SocketType, socket.error, socket.herror.__mro__[1], socket.gaierror.__module__)
print(issubclass(socket.socket, socket.SocketType))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    leak = socket.socket()
    del leak
    gc.collect()
print(len(w), w[0].category.__name__ if w else None, str(w[0].message).split(" fd=")[0] if w else None)
