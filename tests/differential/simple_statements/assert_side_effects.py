# assert evaluates its test once and its message only on failure
calls = []
def test(v):
    calls.append("test")
    return v
def msg():
    calls.append("msg")
    return "the message"
assert test(True), msg()
print(calls)
try:
    assert test(0), msg()
except AssertionError as e:
    print("AssertionError", e, calls)
def check(x):
    assert isinstance(x, int), "not an int: %r" % (x,)
    assert x >= 0, x
    return x
for v in [3, -1, "s", None]:
    try:
        print(check(v))
    except AssertionError as e:
        print("AssertionError", repr(e.args))
try:
    assert False
except AssertionError as e:
    print("bare", e.args, repr(str(e)))
