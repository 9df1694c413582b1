# str indexing, slicing with steps, non-BMP characters
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = "héllo, wörld 😀!"
print(len(s), s[0], s[1], s[-1], s[-3], s[13])
print(s[2:5], s[:3], s[-6:], s[::2], s[::-1], s[5:1:-1], s[100:], s[-100:3])
print(s[1:10:3], s[::-3], s[3:3], s[4:2])
t(lambda: s[20])
t(lambda: s[-20])
t(lambda: s["1"])
t(lambda: s[1.0])
t(lambda: s[::0])
t(lambda: s[True])
class I:
    def __index__(self):
        return 2
t(lambda: s[I()])
t(lambda: s[I():I() + 3])
t(lambda: s.__getitem__(slice(None, None, -2)))
t(lambda: setattr(s, "x", 1))
def assign():
    s2 = "abc"
    s2[0] = "x"
t(assign)
def delete():
    s2 = "abc"
    del s2[0]
t(delete)
t(lambda: [c for c in "a😀b"])
t(lambda: list(reversed("abc")))
t(lambda: "abc" * 3)
t(lambda: 0 * "abc")
t(lambda: -1 * "abc")
t(lambda: "ab" + "cd")
t(lambda: "ab" + 1)
t(lambda: "b" in "abc")
t(lambda: "" in "abc")
t(lambda: 1 in "abc")
t(lambda: "a" < "b" < "ba" < "c")
t(lambda: "Z" < "a")
t(lambda: "é" > "z")
t(lambda: "abc" < 1)
