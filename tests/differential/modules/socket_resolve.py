# Name resolution on numeric and local names: getaddrinfo's tuples and
# IntEnum conversions, getnameinfo with numeric flags, services, protocols.
import socket

for res in socket.getaddrinfo("127.0.0.1", 80):
    print(res)
print(socket.getaddrinfo("127.0.0.1", "80", socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", 8080, type=socket.SOCK_DGRAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo(b"127.0.0.1", None, proto=socket.IPPROTO_TCP))
r = socket.getaddrinfo("127.0.0.1", 0, flags=socket.AI_NUMERICHOST | socket.AI_CANONNAME)
print(len(r) > 0, type(r[0][0]).__name__)
try:
    socket.getaddrinfo("127.0.0.1", 1.5)
except OSError as e:
    print(type(e).__name__, e)
try:
    socket.getaddrinfo("not a host", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print(type(e).__name__, e.errno == socket.EAI_NONAME, e.args)
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(("::1", 443, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
for bad in (5, ("127.0.0.1",), ("127.0.0.1", 80, 1)):
    try:
        socket.getnameinfo(bad, 0)
    except (TypeError, OSError) as e:
        print(type(e).__name__, e)
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname(""), socket.gethostbyname("<broadcast>"))
print(socket.gethostbyname_ex("127.0.0.1")[2])
print(socket.getservbyname("http", "tcp"), socket.getservbyport(80, "tcp"), socket.getprotobyname("tcp"), socket.getprotobyname("udp"))
for f, a in ((socket.getservbyname, ("nosuchservice",)), (socket.getservbyport, (70000,)), (socket.getprotobyname, ("nosuchproto",))):
    try:
        f(*a)
    except (OSError, OverflowError) as e:
        print(type(e).__name__, e)
print(type(socket.gethostname()).__name__, socket.gethostname() == socket.gethostname())
print(socket.has_ipv6, socket.SOMAXCONN > 0, socket.CMSG_LEN(4), socket.CMSG_SPACE(4))
try:
    socket.CMSG_LEN(-1)
except OverflowError as e:
    print(e)
names = socket.if_nameindex()
print(any(n == "lo" for i, n in names))
print(socket.if_nametoindex("lo") == socket.if_indextoname and 0 or socket.if_indextoname(socket.if_nametoindex("lo")))
try:
    socket.if_nametoindex("no-such-if0")
except OSError as e:
    print(e)
print(socket.AddressFamily(10), socket.SocketKind(2), socket.AF_UNIX, socket.MsgFlag.MSG_PEEK, socket.AddressInfo.AI_PASSIVE)
print(sorted(k for k in dir(socket) if k.startswith("SO_"))[:8])
