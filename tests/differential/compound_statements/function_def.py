# def statement: defaults evaluated once, mutable default, annotations, docstrings
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []))
counter = 0
def next_default():
    global counter
    counter += 1
    print("default evaluated", counter)
    return counter
def uses_default(a=next_default()):
    return a
print(uses_default(), uses_default())
def annotated(a: int, b: "str" = "x", *args: float, kw: bool = True, **rest: dict) -> list:
    """Docstring here."""
    return [a, b, args, kw, rest]
print(annotated.__annotations__)
print(annotated.__doc__)
print(annotated(1))
def no_doc():
    x = "not a docstring"
print(no_doc.__doc__)
def doc_after_statement():
    pass
    "not a docstring either"
print(doc_after_statement.__doc__)
def redefine():
    return 1
first = redefine
def redefine():
    return 2
print(first(), redefine())
def c(src):
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
c("def f(a, a): pass")
c("def f(a=1, b): pass")
c("def f(*, **k): pass")
c("def f(*a, *b): pass")
c("def f(**a, b): pass")
c("def f(a, /, /): pass")
c("def f(/, a): pass")
c("def f(*, a, /): pass")
c("def f(a, *, b=1, c): pass")
c("def f():\n    'doc'")
c("def f() -> int: pass")
c("def 1f(): pass")
def all_kinds(a, b=2, /, c=3, *d, e, f=6, **g):
    return a, b, c, d, e, f, g
t(lambda: all_kinds(1, e=5))
t(lambda: all_kinds(1, 2, 3, 4, e=5, g=7))
t(lambda: all_kinds(1, c=0, e=5, b=9))
