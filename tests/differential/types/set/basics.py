# set/frozenset construction, membership, mutation (ints only for order)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: set())
t(lambda: frozenset())
t(lambda: {3, 1, 2})
t(lambda: set([5, 5, 1]))
t(lambda: frozenset(range(5)))
t(lambda: set(5))
t(lambda: {[]})
t(lambda: {1, 1.0, True})
s = {1, 2, 3}
s.add(4)
s.add(1)
s.discard(2)
s.discard(99)
print(sorted(s))
s.remove(3)
t(lambda: s.remove(3))
t(lambda: s.pop() in {1, 4})
t(lambda: set().pop())
t(lambda: s.add([]))
t(lambda: [] in s)
t(lambda: set() in {frozenset()})
t(lambda: {1, 2} == frozenset([1, 2]))
t(lambda: hash(frozenset()) == hash(frozenset()))
t(lambda: hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
t(lambda: hash(set()))
t(lambda: frozenset([1]).add(2))
s2 = {10, 20}
c = s2.copy()
c.clear()
print(c, s2, len(s2))
t(lambda: repr(set()))
t(lambda: repr(frozenset({1})))
class FS(frozenset):
    pass
t(lambda: FS([1]))
t(lambda: type(FS([1]) | {2}).__name__)
t(lambda: sorted(FS([1]) | {2}))
def mutate_iter():
    m = {1, 2, 3}
    for x in m:
        m.add(x + 10)
t(mutate_iter)
t(lambda: {x % 3 for x in range(10)})
