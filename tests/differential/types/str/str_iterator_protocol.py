# str iterators: type names, length hints, reduce/setstate, exhaustion
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["abc", "é€😀", ""]:
    it = iter(s)
    print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__(), list(it))
it = iter("hello")
next(it)
print(it.__reduce__()[1:], next(it))
it.__setstate__(4)
print(list(it), it.__reduce__()[1:])
it = iter("wörld")
it.__setstate__(-5)
print(next(it))
it.__setstate__(100)
print(list(it))
t(lambda: iter("x").__setstate__("a"))
t(lambda: iter("x").__length_hint__(1))
print(iter("a") is not iter("a"), iter(it) is it)
class S(str):
    pass
print(type(iter(S("ab"))).__name__, list(S("ab")))
print(sorted(iter("cba")), tuple("xyz"), "".join(reversed("abc€")))
t(lambda: type(iter("a"))())
t(lambda: next(iter("")))
