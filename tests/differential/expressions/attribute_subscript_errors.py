# AttributeError and TypeError message forms for attribute and item access
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Plain:
    pass
class Slotted:
    __slots__ = ()
t(lambda: Plain().missing)
t(lambda: Plain.missing)
t(lambda: Slotted().missing)
t(lambda: setattr(Slotted(), "x", 1))
t(lambda: (1).missing)
t(lambda: "s".missing)
t(lambda: [].missing)
t(lambda: {}.missing)
t(lambda: int.missing)
t(lambda: type.missing)
t(lambda: None.missing)
t(lambda: len.missing)
t(lambda: Plain()[0])
t(lambda: Plain.__getitem__)
t(lambda: Plain[0])
t(lambda: int[0])
t(lambda: len[0])
fn = lambda: 0
t(lambda: fn[0])
t(lambda: {}.keys()[0])
t(lambda: iter([])[0])
t(lambda: set()[0])
def setitem(o):
    o[0] = 1
t(lambda: setitem(()))
t(lambda: setitem("s"))
t(lambda: setitem(range(3)))
t(lambda: setitem(frozenset()))
t(lambda: setitem(Plain()))
def delitem(o):
    del o[0]
t(lambda: delitem(()))
t(lambda: delitem(Plain()))
