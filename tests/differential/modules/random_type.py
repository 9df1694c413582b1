# _random: the Random type (construction arguments, subclasses with their
# own __init__/__new__, overridden methods, instances' independence)
import _random
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
R = _random.Random
print(R.__name__, R.__qualname__, R.__module__, repr(R), R.__mro__, R.__doc__)
print(_random.__name__, _random.__doc__)
print(R(3).random(), R(seed := 3).random() if False else R(-3).random(), R(3.0).random())
t(R, 1, 2)
t(R, a=1)
t(R, [])
t(R, {1: 2})
t(R, None)
t(R)
class Sub(R):
    def __init__(self, seed, scale=10):
        super().__init__(seed)
        self.scale = scale
    def random(self):
        return super().random() * self.scale
s = Sub(11, scale=100)
print(s.random(), R(11).random() * 100, s.scale, isinstance(s, R), type(s).__name__)
print(s.getrandbits(16), s.getstate()[-1])
class Plain(R):
    pass
t(Plain, x=5)
t(Plain, 1, 2)
print(Plain(4).random() == R(4).random(), Plain().getrandbits(0))
class WithNew(R):
    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)
        self.tag = kwargs.get("tag")
        return self
    def __init__(self, *args, **kwargs):
        super().__init__(*args)
w = WithNew(8, tag="t")
print(w.tag, w.random() == R(8).random())
class NoInit(R):
    def __init__(self):
        pass
n = NoInit()
print(n.getstate()[:3], n.getstate()[-1], n.getrandbits(8))
n.seed(1)
print(n.random() == R(1).random())
class IntSub(int):
    def __abs__(self):
        return 12345
print(R(IntSub(-77)).random() == R(77).random(), R(IntSub(5)).random() == R(5).random())
class H:
    def __hash__(self):
        return 42
print(R(H()).random() == R(42).random())
class BadHash:
    def __hash__(self):
        raise RuntimeError("no hash")
t(R, BadHash())
a, b = R(1), R(1)
a.random()
print(a.random() == b.random(), b.random() == R(1).random())
