# range iterators pickle as (iter, (range,), index) and accept __setstate__.
for args in [(13,), (0, 11), (20, 3, -1), (13, 21, 3), (2**63 - 3, 2**63 - 1),
             (4 * 2**63, 4 * 2**63 + 2), (1, 2**63 - 1, 2**63 - 1), (-1, -2**63, -2**63)]:
    it = iter(range(*args))
    print(type(it).__name__, it.__reduce__())
    first = next(it, None)
    f, a, state = it.__reduce__()
    print(first, state, list(a[0])[state:] == list(it))
it = reversed(range(10))
next(it)
print(it.__reduce__(), it.__length_hint__())
it = iter(range(0, 20, 3))
for s in [-5, 2, 99]:
    it.__setstate__(s)
    print(s, it.__reduce__()[2], it.__length_hint__(), list(iter(range(0, 20, 3)))[it.__reduce__()[2]:])
it = iter(range(2**64, 2**64 + 10))
for s in [-5, 3, 50, 2**70]:
    it.__setstate__(s)
    print(s, it.__reduce__()[2], it.__length_hint__())
it = iter(range(2**32 + 2))
it.__setstate__(2**32 + 1)
print(it.__reduce__()[2], next(it), next(it, "end"))
for bad in ["x", 1.5, 2**64]:
    try:
        iter(range(3)).__setstate__(bad)
    except Exception as e:
        print(type(e).__name__, e)
it = iter(range(3))
print(list(it), it.__reduce__())
