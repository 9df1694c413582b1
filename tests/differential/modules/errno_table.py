# errno: every name, errorcode's order and aliases, and errors' errno values
import errno
names = [k for k in dir(errno) if k.startswith("E")]
print(len(names))
for k in sorted(names):
    print(k, getattr(errno, k))
print(list(errno.errorcode.items()))
print(errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.errorcode[errno.ENOTSUP])
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.EOPNOTSUPP == errno.ENOTSUP)
print(type(errno.errorcode).__name__, errno.__name__)
try:
    errno.NOPE
except AttributeError as e:
    print(type(e).__name__, e)
