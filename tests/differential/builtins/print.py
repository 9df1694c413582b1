# print(): sep, end, file, flush, and errors
# stderr-expected: the last stderr line is compared
import sys
def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

print()
print(1, "a", None, [1], (2,), {"k": 3})
print(1, 2, 3, sep="")
print(1, 2, 3, sep=", ", end="!\n")
print("no newline", end="")
print(" continued")
print(sep="-")
print("x", sep=None, end=None)
print("to stdout", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
print("file None", file=None)
t(lambda: print("x", sep=5))
t(lambda: print("x", end=b"\n"))
t(lambda: print("x", file=5))
t(lambda: print("x", bogus=1))
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("a", "b", sep="|", end="$", file=w)
print(w.parts)
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(S(), [S()], str(S()), repr(S()))
class BadStr:
    def __str__(self):
        return 5
t(lambda: print(BadStr()))
print("unicode: é ü 😀 \u2603")
print("tab\tand\\backslash")
print(*range(5))
print(*[], sep="x")
sys.stdout.write("written directly\n")
sys.stdout.flush()
print(sys.stdout.write("abc\n"))
