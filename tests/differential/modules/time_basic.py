# time: clock types and monotonicity, fixed-tuple conversions, errors.
import time

for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
    f = getattr(time, name)
    g = getattr(time, name + "_ns")
    a = f(); b = f(); c = g(); d = g()
    print(name, type(a).__name__, type(c).__name__, d >= c)
a = time.monotonic(); b = time.monotonic(); print(b >= a)
print(abs(time.time() - time.time_ns() / 1e9) < 1)

g = time.gmtime(0)
print(g)
print(tuple(g), g.tm_zone, g.tm_gmtoff, len(g), g.n_fields, g.n_sequence_fields)
print(time.gmtime(86400 * 365.75 + 0.9))
print(time.gmtime(-1))
print(time.gmtime(1e9)[:6])
print(type(time.localtime()).__name__, type(time.localtime(0).tm_gmtoff).__name__)

t = (2024, 2, 29, 13, 5, 9, 3, 60, 0)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %w %y %%", t))
print(time.strftime("", t), repr(time.strftime("x", t)))
print(time.asctime(t), time.asctime((1999, 12, 5, 1, 2, 3, 6, 339, 0)))
print(time.strftime("%Y %m %d", (2000, 0, 0, 0, 0, 0, 0, 0, -5)))
print(time.asctime(time.gmtime(0)))

for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0),
            (2024, 1, 1, 24, 0, 0, 0, 1, 0), (2024, 1, 1, 0, 60, 0, 0, 1, 0),
            (2024, 1, 1, 0, 0, 62, 0, 1, 0), (2024, 1, 1, 0, 0, 0, -3, 1, 0),
            (2024, 1, 1, 0, 0, 0, 0, 367, 0)]:
    for f in (time.strftime, time.asctime):
        try:
            print(f("%Y", bad) if f is time.strftime else f(bad))
        except ValueError as e:
            print(type(e).__name__, e)

for args in [("%Y", [1, 2]), ("%Y", (1, 2)), (1,), ("%Y", (1.5,) * 9)]:
    try:
        time.strftime(*args)
    except Exception as e:
        print(type(e).__name__, e)
for f in (time.asctime, time.mktime):
    try:
        f((1, 2, 3))
    except TypeError as e:
        print(type(e).__name__, e)

for bad in (-1, -0.5, float("nan"), "1", 1e300):
    try:
        time.sleep(bad)
    except Exception as e:
        print(type(e).__name__, e)
time.sleep(0); time.sleep(0.001)
for bad in (float("nan"), 1e300, "x"):
    try:
        time.gmtime(bad)
    except Exception as e:
        print(type(e).__name__, e)

lt = time.localtime(1000000)
print(time.mktime(lt) == 1000000.0, time.mktime(tuple(lt)) == 1000000.0)
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), type(time.tzname).__name__, len(time.tzname))
time.tzset()
print(type(time.ctime(0)).__name__, len(time.ctime(0)))

for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
try:
    time.get_clock_info("nope")
except ValueError as e:
    print(type(e).__name__, e)

print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID, time.CLOCK_MONOTONIC_RAW, time.CLOCK_BOOTTIME)
print(type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__, time.clock_getres(time.CLOCK_MONOTONIC) > 0)
try:
    time.clock_gettime(12345)
except OSError as e:
    print(type(e).__name__, e)
st = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(st, st.tm_zone, st.tm_gmtoff)
st = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0, "ABC", 3600))
print(st.tm_zone, st.tm_gmtoff, st[:3])
try:
    time.struct_time((1, 2))
except TypeError as e:
    print(type(e).__name__, e)
for f in (time.time, time.monotonic_ns):
    try:
        f(1)
    except TypeError as e:
        print(type(e).__name__, e)

# Struct sequences take a dict (or nothing) as second argument; None is refused.
import os
for make in (lambda: time.struct_time((1,) * 9, None), lambda: time.struct_time((1,) * 9, dict=None),
             lambda: time.struct_time((1,) * 9, 5), lambda: os.stat_result((1,) * 10, None),
             lambda: time.struct_time((1,) * 9, {'tm_zone': 'X'}).tm_zone, lambda: time.struct_time(sequence=(1,) * 9)):
    try:
        print(make())
    except TypeError as e:
        print("TypeError", e)
