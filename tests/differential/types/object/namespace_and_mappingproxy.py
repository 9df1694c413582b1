# types.SimpleNamespace's __dict__ and pickling; mappingproxy's reversed(),
# | and |=, and its generic alias; slot wrapper signatures.
import inspect
import pickle
import types

ns = types.SimpleNamespace(a=1, b=2)
print(ns.__dict__, vars(ns), type(types.SimpleNamespace.__dict__["__dict__"]).__name__)
ns.c = 3
del ns.a
print(vars(ns))
print(pickle.loads(pickle.dumps(ns)), ns.__reduce__()[1:])

class Spam(types.SimpleNamespace):
    pass
s = Spam(ham=8)
print(vars(s), pickle.loads(pickle.dumps(s)))

mp = types.MappingProxyType({'a': 0, 'b': 1})
print(list(reversed(mp)))
print(mp | {'c': 3}, {'p': 0} | mp, mp | types.MappingProxyType({'d': 4}))
try:
    mp |= {'c': 3}
except TypeError as e:
    print("TypeError:", e)
print(types.MappingProxyType[str, int])

sig = inspect.signature(object.__init__.__get__)
print(sig, sig.parameters["owner"].default)
print(inspect.signature(int.__add__), inspect.signature((1).__pow__), inspect.signature(dict.__setitem__))
