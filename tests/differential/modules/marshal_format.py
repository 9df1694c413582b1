# marshal: CPython's byte format for data objects (versions 0-4, refs, sorted sets), errors, and round trips of code objects
import marshal
vals = [None, True, False, ..., StopIteration, 0, 1, -1, 2**31-1, -2**31, 2**31, -2**31-1, 2**40, -2**100, 10**50,
        1.5, -0.0, float('inf'), 1e300, 1j, complex(1.5, -2), b'', b'abc', 'abc', 'h\xe9llo', '\u20ac', '\ud800x', 'a'*300,
        (), (1,), (1, 'a', tuple([2.5])), tuple(range(300)), [], [1, [2, [3]]], {}, {'a': 1, 2: [3]}, set(), frozenset(),
        {1, 2, 3}, frozenset({'b', 'a', 'c'}), frozenset({1, 'x', 2.0, (1, 2)})]
for v in vals:
    for ver in range(5):
        d = marshal.dumps(v, ver)
        back = marshal.loads(d)
        print(ver, repr(v)[:40], d[:60], back == v or (v != v), type(back).__name__)
x = [1.5]
print(marshal.dumps([x, x]))
l = []; l.append(l)
print(marshal.dumps(l)[:20])
print(marshal.loads(marshal.dumps(l))[0][0] is not None)
print(marshal.dumps(bytearray(b'xy')), marshal.dumps(memoryview(b'zz')))
for bad in [object(), 1 .__class__, [object()], True.__class__, (lambda: 0)]:
    try: marshal.dumps(bad)
    except Exception as e: print(type(e).__name__, e)
for data in [b'', b'i\x01', b'X', b'0', b'(\x01\x00\x00\x000', b'[\x01\x00\x00\x000', b'r\x05\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x80', b'\xe9\x05\x00\x00\x00extra']:
    try: print(repr(marshal.loads(data)))
    except Exception as e: print(type(e).__name__, e)
deep = []
for i in range(3000): deep = [deep]
try: marshal.dumps(deep)
except Exception as e: print(type(e).__name__, e)
print(marshal.version)
try: marshal.dumps(1, 2, 3)
except TypeError as e: print(e)
try: marshal.loads('abc')
except TypeError as e: print(e)
class S(str): pass
class I(int): pass
for v in [S('a'), I(3)]:
    try: print(marshal.dumps(v))
    except ValueError as e: print(e)
src = '''
def f(x, *a, k=2, **kw):
    y = [i * x for i in range(3)]
    try:
        1 / 0
    except ZeroDivisionError as e:
        y.append(type(e).__name__)
    def g():
        return x + 1
    return y, a, k, kw, g()
class C:
    "doc"
    z = 1.5j
print(f(2, 5, k=3, z=1), C.__doc__, C.z, {1, 2} | frozenset({3}))
'''
c = marshal.loads(marshal.dumps(compile(src, 'm.py', 'exec')))
exec(c)
print(c.co_filename, c.co_name, type(c).__name__)
c2 = marshal.loads(marshal.dumps(c))
exec(c2, {})
