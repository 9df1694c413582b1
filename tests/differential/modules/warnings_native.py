# _warnings in Rust: default filters, registries and 'once', actions, errors, stacklevel,
# warn_explicit, the warnings module sharing _warnings.filters.
import sys
import _warnings
print(_warnings.filters, _warnings._defaultaction)
def f():
    _warnings.warn("hello")            # UserWarning, shown once per location
    _warnings.warn("hello")
for i in range(3): f()
_warnings.warn("dep", DeprecationWarning)      # shown in __main__
def g(): _warnings.warn("lvl2", RuntimeWarning, 2)
g()
import warnings
print(warnings.filters is _warnings.filters)
warnings.warn("x", UserWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for i in range(2): warnings.warn("rec")
    warnings.warn_explicit("expl", SyntaxWarning, "foo.py", 12)
print([str(x.message) for x in w], [x.filename for x in w][-1], w[-1].lineno)
warnings.simplefilter("error")
try:
    warnings.warn("boom")
except UserWarning as e:
    print("raised", e)
warnings.resetwarnings()
warnings.simplefilter("once")
for i in range(3): warnings.warn("once!")
try:
    warnings.warn("x", int)
except TypeError as e: print(e)
try:
    _warnings.warn_explicit("m", UserWarning, 1, 2)
except TypeError as e: print(e)
warnings.filters[:] = [("bogus", None, Warning, None, 0)]
try:
    warnings.warn("q")
except RuntimeError as e: print(e)
print(sorted(k for k in globals().get('__warningregistry__', {}) if k != 'version'))
