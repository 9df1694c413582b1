# "Did you mean" trailers CPython 3.11 adds when it prints an AttributeError
# or NameError (exact types only), through sys.__excepthook__.
import io
import sys


def shown():
    old = sys.stderr
    sys.stderr = buf = io.StringIO()
    try:
        sys.__excepthook__(*sys.exc_info())
    finally:
        sys.stderr = old
    return buf.getvalue().splitlines()[-1]


class Substitution:
    noise = more_noise = a = bc = None
    blech = None


class Addition:
    noise = more_noise = a = bc = None
    bluchin = None


class EliminationOverAddition:
    blucha = None
    bluc = None


for cls in (Substitution, Addition, EliminationOverAddition):
    try:
        cls().bluch
    except AttributeError:
        print(shown())


class Hook:
    blech = None

    def __getattr__(self, attr):
        raise AttributeError()


try:
    Hook().bluch
except AttributeError as e:
    print(repr(e.name), type(e.obj).__name__)
    print(shown())


class Sub(AttributeError):
    pass


class HookSub:
    blech = None

    def __getattr__(self, attr):
        raise Sub(attr, name=attr, obj=self)


try:
    HookSub().bluch
except AttributeError:
    print(shown())

try:
    import os
    os.pathx
except AttributeError:
    print(shown())

try:
    sys.stdoutt
except AttributeError:
    print(shown())

try:
    type.mroo
except AttributeError as e:
    print(repr(e.name))
    print(shown())


class SmallNames:
    vvv = mom = w = id = pytho = None


for n in ("b", "v", "m", "py"):
    try:
        getattr(SmallNames, n)
    except AttributeError:
        print(shown())


class Big:
    blech = None


for i in range(800):
    setattr(Big, f"index_{i}", None)
try:
    Big().bluch
except AttributeError:
    print(shown())


class BadDir:
    bluch = 1

    def __dir__(self):
        raise AttributeError("oh no!")


try:
    BadDir().blich
except AttributeError:
    print(shown())

try:
    raise AttributeError(name=12, obj=23)
except AttributeError:
    print(shown())

global_for_suggestions = None


def f():
    noise = more_noise = a = bc = None
    blech = None
    print(bluch)


def g():
    print(global_for_suggestio)


def h():
    print(ZeroDivisionErrrrr)


def long_names():
    somethingverywronghehehehehehe = None
    print(somethingverywronghe)


for fn in (f, g, h, long_names):
    try:
        fn()
    except NameError:
        print(shown())

try:
    pront(1)
except NameError:
    print(shown())

try:
    raise NameError("custom", name="lenn")
except NameError:
    print(shown())

# Case flips cost less than other substitutions.
try:
    Print
except NameError:
    print(shown())

# Non-ASCII names compare by their UTF-8 bytes.
café = 1
try:
    cafe
except NameError:
    print(shown())

# The uncaught case prints the same trailer.
class Last:
    blech = 1


Last().bluch
