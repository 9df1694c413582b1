# identifiers: unicode, NFKC normalisation, keywords, soft keywords
ñame = "spanish"
print(ñame)
λ = lambda x: x + 1
print(λ(1))
ℌ = "fraktur H"
print(H)
ﬁle = "ligature"
print(file)
_ = "underscore"
__ = "dunder"
_x1 = "private"
print(_, __, _x1)
match = "soft keyword as name"
case = 3
type_ = "type_"
print(match, case, type_)
match (case):
    case 3:
        print("match still works")
def c(src):
    try:
        compile(src, "<src>", "exec")
        print("ok:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", repr(src), e.msg)
for src in ["class = 1", "def = 2", "None = 1", "True = 0", "__debug__ = 1", "x.None = 1", "1a = 2", "a$ = 1",
            "€ = 1", "a·b = 1", "·a = 1", "\u0660a = 1", "a\u0660 = 1", "async = 1", "await = 1", "print(x.if)", "nonlocal = 1", "_ = 1",
            "match = 1", "case = 1", "def f(True): pass", "f(None=1)", "x = yield = 1"]:
    c(src)
print("ℌ" == "H", "ﬁle".isidentifier(), "1x".isidentifier())
print(sorted(k for k in globals() if k in ("ñame", "λ", "H", "file")))
