# set/frozenset pickling and copying go through __reduce__, keeping a
# subclass's attributes; dict views and their iterators cannot be created.
import pickle, copy
print(pickle.loads(pickle.dumps({1, 2})), {1}.__reduce__(), frozenset([3]).__reduce__())
class S(set):
    pass
s = S([1, 2]); s.x = 5
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    t = pickle.loads(pickle.dumps(s, proto))
    print(proto, type(t).__name__, sorted(t), t.x)
c = copy.copy(s); print(type(c).__name__, sorted(c), c.x)
d = copy.deepcopy(frozenset([(1, 2)])); print(d)
for v in ({}.keys(), {}.values(), {}.items(), iter({}), iter({}.values()), reversed({})):
    try:
        type(v)()
    except TypeError as e:
        print(e)
