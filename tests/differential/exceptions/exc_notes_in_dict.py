# __notes__ is an ordinary instance attribute (add_note keeps it in the
# exception's __dict__), so dir() lists it only once a note was added.
e = ValueError('x')
print('__notes__' in dir(e), hasattr(e, '__notes__'), '__notes__' in vars(BaseException))
e.add_note('n1')
e.add_note('n2')
print('__notes__' in e.__dict__, e.__notes__, '__notes__' in dir(e))
del e.__notes__
print(hasattr(e, '__notes__'), e.__dict__)
e.__dict__['__notes__'] = 'not a list'
try:
    e.add_note('x')
except TypeError as err:
    print(type(err).__name__, err)
try:
    e.add_note(42)
except TypeError as err:
    print(type(err).__name__, err)


class Slotted(Exception):
    __slots__ = ()


s = Slotted()
s.add_note('works with __slots__ too')
print(s.__notes__, s.__dict__)
print([n for n in dir(ValueError()) if 'note' in n])
