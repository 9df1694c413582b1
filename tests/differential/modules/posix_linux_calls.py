# Linux-only posix calls (getrandom, eventfd, memfd_create, copy_file_range,
# splice, extended attributes, openpty), utime's float rounding, bytes-like
# paths, the scandir ResourceWarning and the pwd module.
import os, sys, tempfile, warnings, gc, errno, pwd, grp

d = tempfile.mkdtemp()
fn = os.path.join(d, 'f')
with open(fn, 'wb') as f:
    f.write(b'0123456789')

print(len(os.getrandom(16)), len(os.getrandom(3, os.GRND_NONBLOCK)), os.getrandom(0))
try:
    os.getrandom(-1)
except OSError as e:
    print('OSError', e.errno == errno.EINVAL)

efd = os.eventfd(5, os.EFD_CLOEXEC)
os.eventfd_write(efd, 3)
print(os.eventfd_read(efd), os.get_inheritable(efd))
for bad in (-1, 2**64):
    try:
        os.eventfd_write(efd, bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
os.close(efd)
sfd = os.eventfd(2, os.EFD_SEMAPHORE | os.EFD_NONBLOCK)
print(os.eventfd_read(sfd), os.eventfd_read(sfd))
try:
    os.eventfd_read(sfd)
except BlockingIOError:
    print('BlockingIOError')
os.close(sfd)

mfd = os.memfd_create('krait-test', os.MFD_CLOEXEC)
os.write(mfd, b'memory')
print(os.lseek(mfd, 0, os.SEEK_CUR), os.pread(mfd, 6, 0), os.readlink('/proc/self/fd/%d' % mfd).startswith('/memfd:krait-test'))

src = os.open(fn, os.O_RDONLY)
dst_name = os.path.join(d, 'g')
dst = os.open(dst_name, os.O_RDWR | os.O_CREAT)
print(os.copy_file_range(src, dst, 4, 2))
print(os.copy_file_range(src, dst, 3))
print(os.pread(dst, 20, 0))
try:
    os.copy_file_range(src, dst, -1)
except ValueError as e:
    print('ValueError', e)
r, w = os.pipe()
print(os.splice(src, w, 5, offset_src=5), os.read(r, 10))
os.close(r); os.close(w); os.close(src); os.close(dst); os.close(mfd)

print(os.listxattr(fn))
os.setxattr(fn, 'user.k', b'v1')
os.setxattr(fn, b'user.k2', bytearray(b'v2'), os.XATTR_CREATE)
print(sorted(os.listxattr(fn)), os.getxattr(fn, 'user.k'), os.getxattr(fn, 'user.k2', follow_symlinks=False))
try:
    os.setxattr(fn, 'user.k', b'x', os.XATTR_CREATE)
except FileExistsError as e:
    print('FileExistsError', e.filename == fn)
fd = os.open(fn, os.O_RDONLY)
print(os.getxattr(fd, 'user.k'), sorted(os.listxattr(fd)))
os.removexattr(fd, 'user.k')
os.close(fd)
try:
    os.getxattr(fn, 'user.k')
except OSError as e:
    print('OSError', e.errno == errno.ENODATA)
print(os.XATTR_SIZE_MAX, os.XATTR_CREATE, os.XATTR_REPLACE)

m, s = os.openpty()
print(os.isatty(m), os.isatty(s), os.get_inheritable(m), os.get_inheritable(s))
os.close(m); os.close(s)
print(os.setreuid(-1, -1), os.setregid(-1, -1))

# utime with float seconds rounds towards minus infinity.
os.utime(fn, (1.002003 + 0.5e-9, 4.005006 + 0.5e-9))
st = os.stat(fn)
print(st.st_atime_ns, st.st_mtime_ns)
os.utime(fn, (-1.5, 2.25))
print(os.stat(fn).st_atime_ns, os.stat(fn).st_mtime_ns)
try:
    os.utime(fn, (float('nan'), 1.0))
except ValueError as e:
    print('ValueError', e)

# Bytes-like paths are accepted, with a DeprecationWarning.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(os.path.exists(bytearray(fn.encode())), os.stat(memoryview(fn.encode())).st_size)
    try:
        os.chdir(bytearray(b'/nonexistent-dir'))
    except FileNotFoundError as e:
        print(type(e.filename).__name__)
    print([str(x.message) for x in w])

# An unfinished scandir iterator warns when dropped.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    it = os.scandir(d)
    next(it)
    del it
    gc.collect()
    it = os.scandir(d)
    list(it)
    del it
    print([(x.category.__name__, str(x.message).split(' <')[0]) for x in w])

root = pwd.getpwuid(0)
print(type(root).__name__, root.pw_name, root.pw_uid, root[0] == root.pw_name, len(root))
print(pwd.getpwnam(root.pw_name) == root, root in pwd.getpwall())
for call, arg in ((pwd.getpwuid, 2**31 - 7), (pwd.getpwuid, -3), (pwd.getpwnam, 'no-such-user-krait')):
    try:
        call(arg)
    except KeyError as e:
        print('KeyError', e)
try:
    pwd.getpwnam(5)
except TypeError as e:
    print('TypeError', e)

g0 = grp.getgrgid(0)
print(type(g0).__name__, g0.gr_name, g0.gr_gid, type(g0.gr_mem).__name__, len(g0))
print(grp.getgrnam(g0.gr_name) == g0, g0 in grp.getgrall())
for call, arg in ((grp.getgrgid, 2**31 - 9), (grp.getgrnam, 'no-such-group-krait')):
    try:
        call(arg)
    except KeyError as e:
        print('KeyError', e)
for arg in (-4, 2**40, 'x'):
    try:
        grp.getgrgid(arg)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)

# setgroups: a sequence of gids, checked as CPython's converter does.
saved = os.getgroups()
for bad in (5, {1: 2}, [2**40], ['x'], [-5]):
    try:
        os.setgroups(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    os.setgroups((0,))
    print(os.getgroups())
except PermissionError:
    print([0])
try:
    os.setgroups(saved)
except PermissionError:
    pass

for n in os.listdir(d):
    os.unlink(os.path.join(d, n))
os.rmdir(d)
