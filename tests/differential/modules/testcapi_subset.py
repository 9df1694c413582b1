# _testcapi's C limits, IEEE float packing and the known-hash dict lookup.
import sys
import _testcapi as t
print(t.INT_MAX, t.INT_MIN, t.UINT_MAX, t.PY_SSIZE_T_MAX == sys.maxsize, t.LONG_MIN, t.ULLONG_MAX)
print(t.FLT_MAX, t.FLT_MIN, t.DBL_MAX, t.DBL_MIN)
for size in (2, 4, 8):
    for le in (0, 1):
        for x in [1.5, -0.0, 1 / 7, float("inf"), 65504.0, 1e-8]:
            b = t.float_pack(size, x, le)
            print(size, le, x, b, t.float_unpack(b, le))
for args in [(3, 1.0, 0), (4, 1e39, 0), (2, 1e6, 1), (8, "x", 0)]:
    try:
        print(t.float_pack(*args))
    except Exception as e:
        print(type(e).__name__, e)
for data in [b"abc", b""]:
    try:
        t.float_unpack(data, 0)
    except ValueError as e:
        print(type(e).__name__, e)
d = {"x": 1, 2: 3}
print(t.dict_getitem_knownhash(d, "x", hash("x")), t.dict_getitem_knownhash(d, 2, 2))
for args in [([], 1, hash(1)), ({}, 1, 1), (d, "x", 12345)]:
    try:
        t.dict_getitem_knownhash(*args)
    except SystemError as e:
        print(type(e).__name__)
    except KeyError as e:
        print(type(e).__name__, e)
