# __class_getitem__ = None makes a class unsubscriptable; type() refuses
# bases that need __mro_entries__ resolution.
class C_is_none(tuple):
    __class_getitem__ = None
try:
    C_is_none[int]
except TypeError as e:
    print(e)
class M:
    def __mro_entries__(self, bases):
        return ()
try:
    type('Bad', (M(),), {})
except TypeError as e:
    print(e)
import types
print(types.new_class('Good', (M(),)).__bases__)
