# itertools: product, permutations, combinations, combinations_with_replacement, their states and edge sizes
import itertools as it
def rt(x, n=100):
    r = x.__reduce__()
    y = r[0](*r[1])
    if len(r) > 2 and r[2] is not None:
        y.__setstate__(r[2])
    return list(it.islice(y, n))
print(list(it.product('ab', [1, 2])), list(it.product()), list(it.product('ab', repeat=2)), list(it.product('ab', [], 'c')))
print(list(it.product(range(2), repeat=0)), list(it.product(repeat=3)), len(list(it.product(range(3), range(4), repeat=2))))
p = it.product('abc', 'xy'); [next(p) for _ in range(3)]; print(p.__reduce__()[1:], rt(p))
list(p); print(p.__reduce__()[1:], list(p))
p = it.product('abc', 'xy'); p.__setstate__((2, 5)); print(list(p))
p = it.product('abc', 'xy'); p.__setstate__((-3, 1)); print(list(p))
p = it.product('abc', ''); p.__setstate__((0, 0)); print(list(p))
for s in [1, (1,), ('a', 1)]:
    try: it.product('ab', 'cd').__setstate__(s)
    except Exception as e: print(type(e).__name__, e)
print(list(it.permutations('abc')), list(it.permutations('abcd', 2))[:7], list(it.permutations('ab', 3)), list(it.permutations('', 0)), list(it.permutations('abc', 0)))
print(len(list(it.permutations(range(5)))), len(list(it.permutations(range(6), 3))))
p = it.permutations('abcd', 3); [next(p) for _ in range(7)]; print(p.__reduce__()[1:], rt(p)[:5], len(rt(p)))
p = it.permutations('abc'); list(p); print(p.__reduce__()[1:])
p = it.permutations('abc', 2); p.__setstate__(((2, 1, 0), (1, 2))); print(list(p))
p = it.permutations('abc', 2); p.__setstate__(((9, -1, 5), (0, 9))); print(list(p))
for s in [1, ((0, 1, 2),), ((0, 1), (1, 1)), ([0, 1, 2], (1, 1))]:
    try: it.permutations('abc', 2).__setstate__(s)
    except Exception as e: print(type(e).__name__, e)
print(list(it.combinations('abcd', 2)), list(it.combinations('abc', 0)), list(it.combinations('ab', 3)), list(it.combinations(range(4), 4)))
c = it.combinations('abcde', 3); [next(c) for _ in range(4)]; print(c.__reduce__()[1:], rt(c))
c = it.combinations('abcde', 3); c.__setstate__((0, 3, 4)); print(list(c))
c = it.combinations('abcde', 3); c.__setstate__((-5, 99, 99)); print(list(c))
c = it.combinations('ab', 3); print(c.__reduce__()[1:])
print(list(it.combinations_with_replacement('abc', 2)), list(it.combinations_with_replacement('ab', 0)), list(it.combinations_with_replacement('', 0)), list(it.combinations_with_replacement('', 1)))
c = it.combinations_with_replacement('abc', 3); [next(c) for _ in range(4)]; print(c.__reduce__()[1:], rt(c))
c = it.combinations_with_replacement('abc', 2); c.__setstate__((1, 9)); print(list(c))
c = it.combinations_with_replacement('', 2); print(c.__reduce__()[1:], list(c))
for f in (it.combinations, it.combinations_with_replacement):
    for s in [1, (1,), ('a', 'b')]:
        try: f('abc', 2).__setstate__(s)
        except Exception as e: print(type(e).__name__, e)
print(list(it.combinations(iterable='abc', r=2)), list(it.permutations(iterable='ab')), list(it.combinations_with_replacement(r=1, iterable='xy')))
class P(it.product): pass
print(type(P('a')).__name__, list(P('ab', repeat=2))[:3])
print(list(it.product(iter('ab'), range(2))), list(it.permutations(iter([1, 2, 3]), 2))[:3])
for n in range(4):
    for r in range(5):
        print(n, r, len(list(it.combinations(range(n), r))), len(list(it.permutations(range(n), r))), len(list(it.combinations_with_replacement(range(n), r))))
print('ok')
