# input(): prompt written to sys.stdout, whose flush failure is ignored;
# the line read keeps surrogates and loses only its newline.
import io, sys

class NoFlush:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

saved = sys.stdin, sys.stdout
try:
    sys.stdin = io.StringIO("first\nsecond \udcff\nlast")
    out = NoFlush()
    sys.stdout = out
    a = input("prompt> ")
    b = input()
    c = input(42)
    try:
        input()
    except EOFError as e:
        d = str(e)
    sys.stdin = io.StringIO("x")
    try:
        input(1, 2)
    except TypeError as e:
        t = type(e).__name__
finally:
    sys.stdin, sys.stdout = saved
print(repr(a), ascii(b), repr(c), d, t, out.parts)
