# several context managers: exit order, suppression by an inner one hides it from outer ones
class CM:
    def __init__(self, name, suppress=False, raise_in_exit=None):
        self.name, self.suppress, self.raise_in_exit = name, suppress, raise_in_exit
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, "sees", et.__name__ if et else None)
        if self.raise_in_exit:
            raise self.raise_in_exit
        return self.suppress
with CM("outer"), CM("middle", suppress=True), CM("inner"):
    raise ValueError("body error")
print("---")
try:
    with CM("outer"), CM("inner", raise_in_exit=KeyError("from exit")):
        pass
except KeyError as e:
    print("caught", repr(e))
print("---")
try:
    with CM("outer", suppress=True), CM("inner", raise_in_exit=TypeError("replace")):
        raise ValueError("original")
    print("outer suppressed the replacement")
except Exception as e:
    print("never", e)
print("---")
class EnterFails:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("not called")
try:
    with CM("first"), EnterFails():
        print("not reached")
except RuntimeError as e:
    print("RuntimeError", e)
