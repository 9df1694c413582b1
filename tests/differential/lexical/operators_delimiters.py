# tokenizer: operator tokens, longest match, delimiters
a = 10
a += 1; a -= 2; a *= 3; a //= 2; a %= 7; a **= 2; a <<= 2; a >>= 1; a &= 0xff; a |= 1; a ^= 3
print(a)
f = 7.0
f /= 2
print(f)
print(1<<2>>1, 5//2*3, 2**3**2, -3**2, 7%3**2, 1<2<3, 1 <2> 0)
print(1 if 1 else 2, [1]*2, (1,)*2)
print(3 -- 3, 3 +- 3, 3 - - - 3)
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])
class Mat:
    def __matmul__(self, o):
        return "matmul"
    def __rmatmul__(self, o):
        return "rmatmul"
    def __imatmul__(self, o):
        return "imatmul"
x = Mat()
print(x @ 1, 1 @ x)
x @= 2
print(x)
print((lambda: ...)(), ...)
print(not 1 == 2, not (1 == 2), (not 1) == 2)
one = 1
print(one is not None, one not in [2])
d = {"a": 1}
print(d ["a"], d.get ("a"), len ("abc"))
print({1, 2} & {2}, {1} | {3}, {1, 2} ^ {2}, {1, 2} - {1})
w = (n := 5) + n
print(w, n)
def c(src):
    try:
        compile(src, "<src>", "eval")
        print("ok", repr(src))
    except SyntaxError as e:
        print("SyntaxError", repr(src), e.msg)
for src in ["1 <> 2", "a => b", "a === b", "a ! b", "a $ b", "a ? b", "`a`", "a <== b", "a !== b", "a->b", "1 + * 2", "a :: b", "x = 1"]:
    c(src)
