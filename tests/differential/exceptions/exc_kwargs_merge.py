# ** merging: a repeated key is reported (by its str()) before the call
# refuses keys that are not strings.
def f(**k): return k
class M:
    def keys(self): return [1, 'a']
    def __getitem__(self, k): return k
for a, b in [({1: 3}, {1: 5}), ({1: 3}, {2: 5}), ({'a': 1}, {'a': 2}), ({}, {1: 2}), ({(1, 2): 0}, {(1, 2): 1})]:
    try: print(f(**a, **b))
    except TypeError as e: print(e)
for call in [lambda: f(x=1, **{1: 2}), lambda: f(**{1: 2}), lambda: print(**{1: 2}), lambda: f(**M()), lambda: dict(**{1: 2}), lambda: f(a=1, **M()),
             lambda: print(**{'sep': 1}, **{'sep': 2}), lambda: type(**{1: 2}), lambda: f(*[], **{1: 2})]:
    try: print(call())
    except TypeError as e: print(e)
