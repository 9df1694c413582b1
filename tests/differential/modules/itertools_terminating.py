# itertools: accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap, islice, zip_longest, pairwise
import itertools as it
import _operator as op
def rt(x, n=20):
    r = x.__reduce__()
    y = r[0](*r[1])
    if len(r) > 2 and r[2] is not None:
        y.__setstate__(r[2])
    return list(it.islice(y, n))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], op.mul)), list(it.accumulate([], initial=7)))
print(list(it.accumulate('abc')), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2], initial=None)))
print(list(it.accumulate(iterable=[1, 2], func=op.sub, initial=10)))
a = it.accumulate([1, 2, 3, 4], initial=100); print(rt(a))
a = it.accumulate([1, 2, 3, 4], initial=100); next(a); print(rt(a))
a = it.accumulate([1, 2, 3, 4], initial=100); next(a); next(a); print(a.__reduce__()[2], list(a))
a = it.accumulate([None, 1, 2], lambda x, y: None); next(a); r = a.__reduce__(); print(r[0].__name__, r[1][1:], list(r[0](*r[1])))
a = it.accumulate([1, 2, 3]); a.__setstate__(10); print(list(a))
try: list(it.accumulate([1, 'a']))
except TypeError as e: print(e)
print(list(it.chain()), list(it.chain('ab', [1], (), range(2))), list(it.chain.from_iterable(['ab', 'cd'])))
ch = it.chain('ab', 'cd'); next(ch); print(rt(ch))
ch = it.chain('ab', 'cd'); next(ch); next(ch); next(ch); print(rt(ch)); list(ch); print(ch.__reduce__())
ch = it.chain.from_iterable(['x', 1, 'y'])
print(next(ch))
try: next(ch)
except TypeError as e: print(e)
print(list(ch))
ch = it.chain(); ch.__setstate__((iter(['ab', 'c']),)); print(list(ch))
ch = it.chain(); ch.__setstate__((iter(['ab']), iter('xy'))); print(list(ch))
for s in [(1,), (iter([]), 1)]:
    try: it.chain().__setstate__(s)
    except Exception as e: print(type(e).__name__, e)
class Ch(it.chain): pass
print(type(Ch.from_iterable([[1]])).__name__, list(Ch.from_iterable([[1], [2]])))
print(list(it.compress('abcdef', [1, 0, 1, 0, 1, 1])), list(it.compress('abc', [1])), list(it.compress('a', [1, 1, 1])))
c = it.compress('abcd', [0, 1, 1, 1]); next(c); print(rt(c))
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
d = it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1]); print(rt(d))
d = it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1]); next(d); print(rt(d))
t = it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1]); print(list(t), next(t, 'end'), t.__reduce__()[2])
t = it.takewhile(bool, [1, 1, 0, 1]); t.__setstate__(True); print(list(t))
d = it.dropwhile(bool, [1, 0, 1]); d.__setstate__(1); print(list(d))
print(list(it.filterfalse(None, [0, 1, '', 'x', None, []])), list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(bool, [0, 2])))
print(list(it.starmap(pow, [(2, 5), (3, 2)])), list(it.starmap(op.add, ['ab', [1, 2]])), list(it.starmap(max, [[3, 1, 2], iter([5, 6])])))
try: list(it.starmap(pow, [1]))
except TypeError as e: print(e)
for args in [(10,), (2, 8), (2, 8, 3), (None,), (2, None), (None, None, 2), (0, 0), (5, 3), (3, 30, 7)]:
    print(args, list(it.islice(range(20), *args)))
s = it.islice(range(10), 1, 9, 3); next(s); print(rt(s)); print(list(s), s.__reduce__()[1][1:], s.__reduce__()[2])
s = it.islice('abcdef', 2, None); s.__setstate__(1); print(list(s))
print(list(it.islice(it.count(), 3, 10, 2)), list(it.islice(iter([1, 2]), 5)))
i = iter(range(10)); print(list(it.islice(i, 2, 4)), next(i))
i = iter(range(10)); print(list(it.islice(i, 3, 3)), next(i))
print(list(it.zip_longest('ab', 'xyz')), list(it.zip_longest('ab', [1], fillvalue='-')), list(it.zip_longest()), list(it.zip_longest('abc')))
z = it.zip_longest('ab', 'wxyz', fillvalue=0); next(z); next(z); next(z); print(z.__reduce__()[1][0], z.__reduce__()[2], rt(z))
z = it.zip_longest('a', 'b'); z.__setstate__('F'); print(list(z))
print(list(it.pairwise('abcd')), list(it.pairwise('a')), list(it.pairwise([])))
p = it.pairwise(iter(range(4))); print(next(p), next(p), list(p), list(p))
def gen():
    yield 1
    raise ValueError('boom')
for f in (lambda g: it.pairwise(g), lambda g: it.islice(g, 5), lambda g: it.zip_longest(g, 'abc'), lambda g: it.chain(g)):
    x = f(gen())
    try:
        print(next(x))
        print(next(x))
    except ValueError as e:
        print('ValueError', e)
    print(list(x))
