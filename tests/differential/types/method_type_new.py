# types.MethodType(function, instance) builds bound methods, with CPython's argument checks; contextlib.ExitStack relies on it.
import types, contextlib
class A:
    x = 7
def f(self, y=1): return self.x + y
m = types.MethodType(f, A())
print(m(), m(5), m.__func__ is f, type(m).__name__)
for args in [(), (f,), (1, 2), (f, None), (f, 1, 2)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    types.MethodType(f, 1, x=2)
except TypeError as e:
    print("TypeError:", e)
with contextlib.ExitStack() as st:
    st.callback(print, "callback ran")
    class CM:
        def __enter__(self): print("enter"); return self
        def __exit__(self, *a): print("exit"); return False
    st.enter_context(CM())
