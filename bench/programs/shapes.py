# A small "real program": classes, inheritance, closures, generators,
# comprehensions, exceptions, string formatting and sorting.
import sys


class Shape:
    registry = []

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry.append(cls.__name__)

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f})"


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.141592653589793 * self.r ** 2


def counter():
    n = 0

    def step():
        nonlocal n
        n += 1
        return n
    return step


def shapes(count):
    for i in range(count):
        k = i % 3
        if k == 0:
            yield Rect(i, i + 1)
        elif k == 1:
            yield Square(i)
        else:
            yield Circle(i / 2)


def main(argv):
    count = int(argv[1]) if len(argv) > 1 else 12
    items = sorted(shapes(count), key=lambda s: s.area(), reverse=True)
    tick = counter()
    for s in items[:5]:
        print(tick(), s)
    by_kind = {}
    for s in items:
        by_kind.setdefault(type(s).__name__, []).append(round(s.area(), 1))
    for name in sorted(by_kind):
        print(f"{name:>6}: {len(by_kind[name])} total={sum(by_kind[name]):.1f}")
    print("registered:", ", ".join(Shape.registry))
    try:
        Shape().area()
    except NotImplementedError as e:
        print("abstract area:", type(e).__name__)
    return 0


sys.exit(main(sys.argv))
