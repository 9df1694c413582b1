# truth tests in control flow, __bool__/__len__ precedence
class Both:
    def __bool__(self):
        print("__bool__")
        return True
    def __len__(self):
        print("__len__")
        return 0
class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("__len__", self.n)
        return self.n
print(bool(Both()))
print(bool(LenOnly(0)), bool(LenOnly(2)))
if LenOnly(1):
    print("if ok")
while LenOnly(0):
    print("never")
print("x" if LenOnly(0) else "y")
print([v for v in [LenOnly(0), LenOnly(3)] if v].__len__())
print(not LenOnly(5))
class BigLen:
    def __len__(self):
        return 2**70
try:
    bool(BigLen())
except OverflowError as e:
    print("OverflowError", e)
class BadBool:
    def __bool__(self):
        raise ValueError("nope")
try:
    if BadBool():
        pass
except ValueError as e:
    print("ValueError", e)
class NoneBool:
    __bool__ = None
try:
    bool(NoneBool())
except TypeError as e:
    print("TypeError", e)
print(all([]), any([]), all([LenOnly(1), LenOnly(0), LenOnly(9)]))
x = LenOnly(0) or "fallback"
print(x)
