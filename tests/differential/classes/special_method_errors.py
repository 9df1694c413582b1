# A comparison dunder whose lookup fails (a raising property) counts as not
# implemented; a None one is called and fails. type.__setattr__ wants a str.
def booh(self):
    raise AttributeError("booh")

class E:
    __eq__ = property(booh)
print(E() == E(), E() != E())

class N:
    __lt__ = None
try:
    N() < N()
except TypeError as e:
    print("TypeError:", e)

class A:
    pass
try:
    type.__setattr__(A, b'x', None)
except TypeError as e:
    print("TypeError:", e)
