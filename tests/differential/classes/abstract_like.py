# hand-rolled abstract methods, NotImplementedError, instance checks
class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")
    def describe(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Broken(Shape):
    pass
for s in [Square(2), Circle(1), Broken()]:
    try:
        print(s.describe())
    except NotImplementedError as e:
        print("NotImplementedError", e)
shapes = sorted([Square(3), Circle(1), Square(1)], key=lambda s: s.area())
print([type(s).__name__ for s in shapes])
print(sum(s.area() for s in shapes) > 10)
class Registry(type):
    classes = []
    def __new__(m, name, bases, ns):
        cls = super().__new__(m, name, bases, ns)
        m.classes.append(name)
        return cls
class R1(metaclass=Registry):
    pass
class R2(R1):
    pass
print(Registry.classes)
