# sys._current_frames/_current_exceptions see every thread; thread_info,
# stdlib_module_names, exit statuses, uninstantiable flags/version_info,
# _clear_type_cache, getsizeof through the type.
import sys, threading

entered = threading.Event()
leave = threading.Event()
ids = []

def worker_inner():
    ids.append(threading.get_ident())
    try:
        raise ValueError("in thread")
    except ValueError:
        entered.set()
        leave.wait()

def worker():
    worker_inner()

t = threading.Thread(target=worker)
t.start()
entered.wait()
frames = sys._current_frames()
excs = sys._current_exceptions()
main = threading.get_ident()
print(main in frames, ids[0] in frames, frames[main] is sys._getframe())
f = frames[ids[0]]
names = []
while f is not None:
    names.append(f.f_code.co_name)
    f = f.f_back
print(names[:2])
print(excs[main], excs[ids[0]][0].__name__, str(excs[ids[0]][1]))
leave.set()
t.join()

print(len(sys.thread_info), sys.thread_info.name, sys.thread_info.lock)
print(type(sys.stdlib_module_names).__name__, "os" in sys.stdlib_module_names, "sys" in sys.stdlib_module_names, "krait" in sys.stdlib_module_names)
for status in [42, (42,), (17, 23), (), "msg", None]:
    try:
        sys.exit(status)
    except SystemExit as e:
        print(repr(e.code), e.args)
for obj in [sys.flags, sys.version_info]:
    for make in [lambda: type(obj)(obj), lambda: type(obj).__new__(type(obj), obj)]:
        try:
            make()
        except TypeError as e:
            print("TypeError")
print(sys._clear_type_cache(), sys.is_finalizing())
class C:
    pass
print(sys.getsizeof(C) > 0, sys.getsizeof(int) > 0)
class Bad:
    def __sizeof__(self):
        return -1
for o in [Bad()]:
    try:
        sys.getsizeof(o)
    except ValueError as e:
        print("ValueError", e)
print(sys.getsizeof(Bad(), "dflt") if False else sys.getsizeof(object(), "d") > 0)
