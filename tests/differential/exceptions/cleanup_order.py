# order of cleanup actions: with, finally, except across nested calls
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
def inner():
    with CM("inner-cm"):
        try:
            raise ValueError("boom")
        finally:
            print("inner finally")
def middle():
    try:
        inner()
    except KeyError:
        print("never")
    finally:
        print("middle finally")
def outer():
    with CM("outer-cm"):
        try:
            middle()
        except ValueError as e:
            print("outer caught", e)
            return "returned from except"
        finally:
            print("outer finally")
print(outer())
def gen():
    with CM("gen-cm"):
        try:
            yield 1
        finally:
            print("gen finally")
for v in gen():
    print("loop body", v)
    break
print("after loop")
