# itertools: constructor argument errors (clinic and old-style wording), islice's index errors, reprs of count/repeat
import itertools as it
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(r if not hasattr(r, '__next__') else list(it.islice(r, 10)))
    except Exception as e:
        print(type(e).__name__, e)
    try: r = f(*a, **k); print(r if not hasattr(r, '__next__') else list(it.islice(r, 10)))
    except Exception as e: print(type(e).__name__, e)
t(it.accumulate, [1], None, 3); t(it.accumulate, [1], x=1); t(it.accumulate); t(it.accumulate, [1], initial=0)
t(it.chain.from_iterable); t(it.chain, x=1); t(it.chain.from_iterable, [1])
t(it.compress, [1]); t(it.compress, data=[1], selectors=[1]); t(it.compress, [1], [1], [1])
t(it.count, 'a'); t(it.count, 1, 'a'); t(it.count, start=2, step=3); t(it.count, 1, 2, 3); t(it.count, x=1)
t(it.cycle); t(it.cycle, [1], x=1); t(it.cycle, 1)
t(it.dropwhile, bool); t(it.dropwhile, bool, [1], x=1)
t(it.groupby); t(it.groupby, [1], key=None, x=2); t(it.groupby, [1], None, 3)
t(it.islice, [1]); t(it.islice, [1], 1, 2, 3, 4); t(it.islice, [1], x=1); t(it.islice, [1], -1); t(it.islice, [1], 'a'); t(it.islice, [1], 'a', 2); t(it.islice, [1], 1, 2, 0); t(it.islice, [1], 1, 2, 'a'); t(it.islice, [1], -1, 2); t(it.islice, [1], 1, -2); t(it.islice, [1], 2**70)
t(it.pairwise); t(it.pairwise, [1], x=1)
t(it.permutations, 'ab', -1); t(it.permutations, 'ab', 'x'); t(it.permutations); t(it.permutations, 'ab', r=None)
t(it.combinations, 'ab'); t(it.combinations, 'ab', -1); t(it.combinations, 'ab', 'x'); t(it.combinations, 'ab', 1, 2)
t(it.combinations_with_replacement, 'ab', -1); t(it.combinations_with_replacement, '', 2); t(it.combinations_with_replacement, '', 0)
t(it.product, 'ab', repeat=-1); t(it.product, 'ab', x=1); t(it.product, 'ab', repeat='a'); t(it.product, repeat=2); t(it.product, 1)
t(it.repeat); t(it.repeat, 1, 'a'); t(it.repeat, 1, -5); t(it.repeat, 1, 2, 3); t(it.repeat, object=1, times=2); t(it.repeat, 1, x=2)
t(it.starmap, pow); t(it.starmap, pow, [1]); t(it.starmap, pow, [[2, 3]])
t(it.takewhile, bool)
t(it.tee, [1], -1); t(it.tee, [1], 0); t(it.tee); t(it.tee, [1], 'a'); t(it.tee, [1], n=2); t(it.tee, 1)
t(it.zip_longest, [1], x=1); t(it.zip_longest, [1], [2, 3], fillvalue=0); t(it.zip_longest, 1)
t(it.filterfalse, None); t(it.filterfalse, None, [0, 1, '', 'a'])
print(len(it.repeat(1, 5).__length_hint__.__name__)); t(it.repeat(1).__length_hint__)
print(repr(it.count()), repr(it.count(1.5)), repr(it.count(1, 1.0)), repr(it.count(2, 1)), repr(it.count(-1, -1)), repr(it.count(2**70, 2)), repr(it.repeat('a')), repr(it.repeat([], 3)), repr(it.repeat(1, -2)), repr(it.count(1j)))
class C(it.count): pass
print(repr(C(3)))
class R(it.repeat): pass
print(repr(R('x', 2)), repr(it.count(True)), repr(it.count(0, True)), repr(it.count(0.5, 0.25)))
c = it.count(0.1, 0.1); print([next(c) for _ in range(4)])
c = it.count(2**63 - 2); print([next(c) for _ in range(4)], repr(c))
c = it.count(5, -2); print([next(c) for _ in range(4)])
