# each operand of a chained comparison is evaluated at most once
def v(x, tag):
    print("eval", tag)
    return x
print(v(1, "a") < v(2, "b") < v(3, "c") < v(4, "d"))
print(v(1, "a") < v(0, "b") < v(3, "c"))
print(v(5, "a") == v(5, "b") == v(6, "c") == v(6, "d"))
print(v(1, "a") in v([1], "b") in v([[1]], "c"))
print(v(None, "a") is v(None, "b") is not v(0, "c"))
class Cmp:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        Cmp.calls += 1
        return self.v < o.v
a, b, c = Cmp(1), Cmp(2), Cmp(3)
print(a < b < c, Cmp.calls)
x = 5
print(1 < x < 10, 10 < x < 1, x == 5 == 5.0, 0 <= x <= 5 < 6)
