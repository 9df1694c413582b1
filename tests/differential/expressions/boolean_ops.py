# and/or/not return operands and short-circuit
def v(x):
    print("eval", repr(x))
    return x
print(v(0) and v(1))
print(v(1) and v(2))
print(v(0) or v("") or v(None))
print(v([]) or v([1]))
print(v(1) or v(2))
print(not v(0), not v([1]))
print(v(1) and v(0) or v("fallback"))
print(v(None) or v(0) and v(3))
print((v(1) or v(2)) and v(3))
print(type(not 1).__name__, not not "x")
x = v("") or "default"
print(x)
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 0)
print([] and 1, {} or (), "" or 0.0)
class Loud:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        print("bool of", self.b)
        return self.b
r = Loud(True) and Loud(False)
print(type(r).__name__, r.b)
r = Loud(False) or Loud(True)
print(r.b)
print(not Loud(True))
if Loud(True) and Loud(True):
    print("both true")
while Loud(False) or Loud(False):
    pass
print("done")
