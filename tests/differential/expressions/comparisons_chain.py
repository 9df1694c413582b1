# comparison chaining, membership, identity
def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) == v(1) != v(2))
print(1 < 2 == 2 > 1 >= 1 <= 1 != 0)
x = 5
print(0 < x < 10, 0 < x > 10, x in range(10) in [True] if False else "skip")
print(1 in [1, 2], 3 not in (1, 2), "a" in "abc", "ab" in "xaby", "" in "", 1 in {1: 2}, 2 in {1: 2})
a = [1]
b = a
c = [1]
print(a is b, a is c, a is not c, a == c)
print(None is None, type(None) is type(None))
print((1, 2) < (1, 2, 3), [1] < [1, 0], "abc" < "abd", b"a" < b"b")
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError", e)
try:
    print({1} < [1])
except TypeError as e:
    print("TypeError", e)
try:
    print({} < {})
except TypeError as e:
    print("TypeError", e)
try:
    print(1j < 2j)
except TypeError as e:
    print("TypeError", e)
print(1 == 1.0 == True, 2 != 2.0, "1" == 1)
class Cmp:
    def __lt__(self, o):
        print("lt called")
        return 0
print(Cmp() < 1 < 2)
