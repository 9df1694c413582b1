# bool cannot be subclassed; operators returning bool vs int; __bool__ results must be bool
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
print(type(True & True).__name__, type(True & 1).__name__, type(True + False).__name__)
print(type(not 5).__name__, type(5 == 5).__name__, type(bool.__and__(True, False)).__name__)
class Truthy:
    def __bool__(self):
        return True
class ReturnsInt:
    def __bool__(self):
        return 1
print(bool(Truthy()), not Truthy())
try:
    bool(ReturnsInt())
except TypeError as e:
    print("TypeError", e)
try:
    if ReturnsInt():
        pass
except TypeError as e:
    print("TypeError", e)
print(True.__bool__(), False.__bool__(), (0).__bool__(), (0.0).__bool__(), "".__len__())
print(bool(0) is False, bool("x") is True, bool([None]) is True)
