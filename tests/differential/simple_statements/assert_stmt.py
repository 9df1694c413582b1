# assert statement: messages, evaluation, AssertionError details
def t(f):
    try:
        f()
        print("passed")
    except AssertionError as e:
        print("AssertionError", repr(str(e)), e.args)

def a1():
    assert True
def a2():
    assert False
def a3():
    assert 1 == 2, "numbers differ"
def a4():
    assert [], ["list", "message"]
def a5():
    x = 0
    assert x, f"x was {x}"
def a6():
    def msg():
        print("message evaluated")
        return "lazy"
    assert True, msg()
    assert False, msg()
for f in [a1, a2, a3, a4, a5, a6]:
    t(f)
print(__debug__)
try:
    compile("assert x = 1", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
class E(Exception):
    pass
def custom():
    assert 0, E("custom object as message")
try:
    custom()
except AssertionError as e:
    print(type(e.args[0]).__name__, e.args[0])
