# where ints are required: indices, repetition counts, range, hex, bytes, chr
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
for f in [lambda i: [1, 2, 3][i], lambda i: "abc" * i, lambda i: list(range(i)), lambda i: hex(i), lambda i: bytes(i),
          lambda i: chr(65 + i), lambda i: (1, 2, 3)[i:], lambda i: bin(i), lambda i: [0] * i, lambda i: round(1.23456, i)]:
    t(lambda: f(Idx(2)))
    t(lambda: f(2.0))
    t(lambda: f("2"))
t(lambda: [1, 2][Idx(2**100)])
t(lambda: "ab" * Idx(-1))
t(lambda: range(Idx(3)).stop)
t(lambda: type(range(Idx(3)).stop).__name__)
t(lambda: int(Idx(7)))
t(lambda: (operator_index := Idx(3).__index__()))
