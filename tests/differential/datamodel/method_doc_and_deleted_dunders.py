# A bound method's __doc__ is its function's; deleting a dunder from a
# class removes the behaviour it gave (len(), iteration, indexing).

class T:
    def f(self):
        "The doc of f."
    def g(self):
        pass

print(T().f.__doc__)
print(T.f.__doc__)
print(T().g.__doc__)

class A:
    pass

A.__len__ = lambda s: 3
print(len(A()))
del A.__len__
try:
    len(A())
except TypeError as e:
    print('TypeError', e)
print(list(A.__dict__.keys())[-1:])

class B(A):
    pass

A.__iter__ = lambda s: iter([1, 2])
print(list(B()))
del A.__iter__
try:
    list(B())
except TypeError as e:
    print('TypeError', e)

A.__getitem__ = lambda s, i: i * 2
print(A()[4])
del A.__getitem__
try:
    A()[4]
except TypeError as e:
    print('TypeError', e)

# A list subclass whose __len__ override is removed falls back to list's.
class L(list):
    def __len__(self):
        return 99
x = L([1, 2, 3])
print(len(x))
del L.__len__
print(len(x), list(x))

# Without __len__, list() still works through __iter__ alone.
class OnlyIter:
    def __len__(self):
        return 5
    def __iter__(self):
        return iter('ab')
del OnlyIter.__len__
print(list(OnlyIter()))
