# _posixshmem: shm_open / shm_unlink, as multiprocessing's resource tracker
# and shared_memory use them.
import os
import _posixshmem

name = "/krait_diff_%d" % os.getpid()
fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode=0o600)
os.ftruncate(fd, 16)
os.write(fd, b"shared")
fd2 = _posixshmem.shm_open(name, os.O_RDONLY)
print(os.read(fd2, 6), os.fstat(fd2).st_size)
os.close(fd)
os.close(fd2)
try:
    _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == name)
_posixshmem.shm_unlink(name)
try:
    _posixshmem.shm_unlink(name)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename == name)
for bad in (1, b"/x"):
    try:
        _posixshmem.shm_open(bad, os.O_RDONLY)
    except TypeError as e:
        print("TypeError", e)
try:
    _posixshmem.shm_open("/a\0b", os.O_RDONLY)
except ValueError as e:
    print("ValueError", e)
