# split, subgroup, derive
def desc(g):
    if g is None:
        return None
    if isinstance(g, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(g).__name__, g.message, ", ".join(desc(x) for x in g.exceptions))
    return "%s(%s)" % (type(g).__name__, g)
eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), KeyError(4)])])
m, r = eg.split(ValueError)
print(desc(m))
print(desc(r))
m, r = eg.split((TypeError, KeyError))
print(desc(m))
print(desc(r))
m, r = eg.split(OSError)
print(desc(m), "|", desc(r))
m, r = eg.split(Exception)
print(desc(m), "|", desc(r))
print(desc(eg.subgroup(KeyError)))
print(desc(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(desc(eg.subgroup(lambda e: True)) == desc(eg), eg.subgroup(lambda e: True) is eg)
print(desc(eg.subgroup(ExceptionGroup)))
try:
    eg.split(5)
except TypeError as e:
    print("TypeError", e)
d = eg.derive([KeyError("x")])
print(desc(d), d.__traceback__, d.__cause__)
class Custom(ExceptionGroup):
    def derive(self, excs):
        return Custom(self.message + "!", excs)
c = Custom("c", [ValueError(1), TypeError(2)])
m, r = c.split(ValueError)
print(desc(m), desc(r))
eg2 = ExceptionGroup("notes", [ValueError(1), TypeError(2)])
eg2.add_note("a note")
eg2.__cause__ = KeyError("cause")
m, r = eg2.split(ValueError)
print(m.__notes__, type(m.__cause__).__name__)
