# NotImplemented protocol in binary operators and comparisons
class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented
    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("B.__radd__")
        return "B+"
    def __eq__(self, o):
        print("B.__eq__")
        return NotImplemented
    def __gt__(self, o):
        print("B.__gt__")
        return "gt"
print(A() + B())
print(A() == B())
print(A() != B())
print(A() < B())
a = A()
print(a == a)
try:
    A() + A()
except TypeError as e:
    print("TypeError", e)
try:
    A() < A()
except TypeError as e:
    print("TypeError", e)
class Sub(B):
    def __radd__(self, o):
        print("Sub.__radd__")
        return "Sub+"
class Base:
    def __add__(self, o):
        print("Base.__add__")
        return "Base+"
class Derived(Base):
    def __radd__(self, o):
        print("Derived.__radd__")
        return "Derived+"
print(Base() + Derived())
print(1 .__add__(1.5), 1.5 .__radd__(1), (5).__eq__(None))
