# list comparison, repr of recursive lists, list() constructor, indexing errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: [1, 2] < [1, 2, 3])
t(lambda: [1, 3] > [1, 2, 99])
t(lambda: [] == [])
t(lambda: [1, [2]] == [1, [2]])
t(lambda: [1] < ["a"])
t(lambda: [1] == (1,))
L = [1, 2]
L.append(L)
print(L, len(L))
print(L[2][2][0])
D = {"k": L}
print([D])
t(lambda: list())
t(lambda: list("ab"))
t(lambda: list({"x": 1}.items()))
t(lambda: list(1))
t(lambda: list([1], [2]))
t(lambda: [0][1])
t(lambda: [0][-2])
x_str = "x"
t(lambda: [0][x_str])
none = None
t(lambda: [0][none])
t(lambda: [0][2**100])
t(lambda: hash([]))
t(lambda: {[]: 1})
t(lambda: [1, 2, 3][True])
t(lambda: list.__len__([1, 2]))
t(lambda: list.append(5, 1))
t(lambda: [x * 2 for x in range(5)] == list(map(lambda x: x * 2, range(5))))
M = [[0] * 3 for _ in range(2)]
M[0][0] = 1
print(M)
N = [[0] * 3] * 2
N[0][0] = 1
print(N)
class SubList(list):
    def __repr__(self):
        return "SubList" + list.__repr__(self)
s = SubList([1, 2])
print(s, s + [3], type(s + [3]).__name__, s[:], type(s[:]).__name__)
s.append(9)
print(s, len(s), s == [1, 2, 9])
