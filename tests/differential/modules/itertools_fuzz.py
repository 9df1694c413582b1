# itertools: fixed-seed (LCG) fuzz of islice arguments, combinatorics sizes, groupby keys, zip_longest shapes and mid-iteration pickling round trips
import itertools as it
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed % n
def rt(x):
    r = x.__reduce__()
    y = r[0](*r[1])
    if len(r) > 2 and r[2] is not None:
        y.__setstate__(r[2])
    return y
for _ in range(60):
    n = rnd(15)
    data = list(range(n))
    args = [None if rnd(4) == 0 else rnd(18) for _ in range(1 + rnd(3))]
    if len(args) == 3 and args[2] == 0:
        args[2] = None
    try:
        s = it.islice(iter(data), *args)
        k = rnd(3)
        head = [next(s, 'E') for _ in range(k)]
        print(args, head, list(rt(s)) if rnd(2) else list(s))
    except ValueError as e:
        print(args, 'ValueError', e)
for _ in range(40):
    pool = 'abcdefg'[:rnd(6)]
    r = rnd(5)
    for f in (it.combinations, it.combinations_with_replacement, it.permutations):
        x = f(pool, r)
        k = rnd(6)
        head = [next(x, None) for _ in range(k)]
        print(f.__name__, pool, r, head, list(rt(x))[:6], len(list(x)))
    pools = [range(rnd(3)) for _ in range(rnd(3))]
    p = it.product(*pools, repeat=rnd(3))
    k = rnd(5)
    print('product', [len(q) for q in pools], [next(p, None) for _ in range(k)], list(rt(p))[:5])
for _ in range(20):
    data = [rnd(3) for _ in range(rnd(12))]
    g = it.groupby(data, key=lambda v: v % 2 if rnd(2) else v)
    out = []
    for k, grp in g:
        out.append((k, list(grp) if rnd(3) else None))
    print(data, out)
for _ in range(20):
    seqs = [list(range(rnd(5))) for _ in range(rnd(4))]
    z = it.zip_longest(*seqs, fillvalue=rnd(2))
    k = rnd(4)
    print([len(s) for s in seqs], [next(z, 'E') for _ in range(k)], list(rt(z)) if seqs and all(True for _ in seqs) else list(z))
for _ in range(20):
    d = [rnd(10) for _ in range(rnd(8))]
    a = it.accumulate(d, (lambda x, y: x * y) if rnd(2) else None, initial=rnd(3) if rnd(2) else None)
    k = rnd(3)
    print(d, [next(a, 'E') for _ in range(k)], list(a))
    c = it.cycle(d)
    k = rnd(15)
    print([next(c, 'E') for _ in range(k)], list(it.islice(rt(c), 8)) if d else '')
