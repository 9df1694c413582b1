# _operator: every operator function against the expression it names
import _operator as o
pairs = [(7, 3), (-7, 2), (2.5, 2), (True, 3), ({1, 2}, {2, 3}), ('ab', 3)]
names = ['add', 'sub', 'mul', 'floordiv', 'truediv', 'mod', 'lshift', 'rshift', 'and_', 'or_', 'xor', 'pow',
         'lt', 'le', 'eq', 'ne', 'gt', 'ge', 'is_', 'is_not', 'matmul']
for n in names:
    f = getattr(o, n)
    row = []
    for a, b in pairs:
        try:
            row.append(repr(f(a, b)))
        except Exception as e:
            row.append(type(e).__name__ + ': ' + str(e))
    print(n, row)
for n in ['iadd', 'isub', 'imul', 'ifloordiv', 'itruediv', 'imod', 'ilshift', 'irshift', 'iand', 'ior', 'ixor', 'ipow', 'imatmul']:
    f = getattr(o, n)
    row = []
    for a, b in pairs + [([1], [2])]:
        try:
            row.append(repr(f(a, b)))
        except Exception as e:
            row.append(type(e).__name__ + ': ' + str(e))
    print(n, row)
l = [1]; r = o.iadd(l, [2]); print(r is l, l)
l = [1]; r = o.iconcat(l, (2,)); print(r is l, l)
t = (1,); r = o.iconcat(t, (2,)); print(r is t, r)
s = {1}; o.ior(s, {2}); print(s)
for n in ['neg', 'pos', 'abs', 'inv', 'invert', 'not_', 'truth', 'index']:
    f = getattr(o, n)
    row = []
    for a in [5, -2, 0, True, 2.5, 'x', [], [0]]:
        try:
            row.append(repr(f(a)))
        except Exception as e:
            row.append(type(e).__name__ + ': ' + str(e))
    print(n, row)
d = {}
print(o.setitem(d, 'a', 1), d, o.getitem(d, 'a'), o.contains(d, 'a'), o.contains([1], 2))
print(o.delitem(d, 'a'), d)
try: o.delitem(d, 'a')
except KeyError as e: print('KeyError', e)
l = [1, 2, 3, 4]; o.setitem(l, slice(1, 3), ['x']); print(l); o.delitem(l, slice(0, 1)); print(l)
try: o.getitem(1, 1)
except TypeError as e: print(e)
class M:
    def __matmul__(self, other): return 'mm'
    def __imatmul__(self, other): return 'imm'
print(o.matmul(M(), 1), o.imatmul(M(), 1))
print(o.pow(2, -1), o.pow(0, 0), o.ipow(3, 2))
print(o.call(o.add, 1, 2), o.call(sorted, [3, 1], reverse=True))
print(o.concat('a', 'b'), o.concat([1], [2]), o.concat((1,), (2,)), o.concat(b'a', b'b'))
class S:
    def __getitem__(self, i): return i
    def __add__(self, other): return 'S+'
print(o.concat(S(), S()))
try: o.concat(S(), 1)
except TypeError as e: print(e)
print(o.index(True), type(o.index(True)).__name__)
print(o.length_hint(iter(range(10))), o.length_hint(iter([1, 2])), o.length_hint(x for x in []), o.length_hint({1: 2}))
print(o.countOf([1, 1.0, True, 'a'], 1), o.indexOf('abc', 'c'))
nan = float('nan'); print(o.countOf([nan, nan], nan), o.indexOf([1, nan], nan))
