# code objects: replace() of names/constants/metadata, co_lines() line runs
def f(a, b=2):
    x = a + b
    return x * 10

c = f.__code__
c2 = c.replace(co_name="g", co_filename="other.py", co_firstlineno=42)
print(c2.co_name, c2.co_filename, c2.co_firstlineno, c2.co_varnames == c.co_varnames, c2 is not c)
f.__code__ = c.replace(co_consts=tuple(20 if k == 10 else k for k in c.co_consts))
print(f(1))
print(c.replace().co_name, c.replace(co_qualname="Q.f").co_qualname)
def h():
    return "orig"
h.__code__ = h.__code__.replace(co_consts=("patched",) + h.__code__.co_consts[1:]) if h.__code__.co_consts[0] == "orig" else h.__code__.replace(co_consts=tuple("patched" if k == "orig" else k for k in h.__code__.co_consts))
print(h())
for bad in (dict(co_name=1), dict(co_consts=[1]), dict(nonsense=1)):
    try:
        c.replace(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
try:
    c.replace(1)
except TypeError as e:
    print("TypeError", e)
lines = [l for (_, _, l) in f.__code__.co_lines() if l is not None]
print(sorted(set(lines)))
starts = [s for (s, e, _) in c.co_lines()]
ends = [e for (s, e, _) in c.co_lines()]
print(starts[0] == 0, ends[-1] == len(c.co_code), all(a < b for a, b in zip(starts, ends)), starts[1:] == ends[:-1])
