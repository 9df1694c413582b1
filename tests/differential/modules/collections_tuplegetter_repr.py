# namedtuple fields are _tuplegetter descriptors with CPython's repr.
from collections import namedtuple
Point = namedtuple('Point', 'x y')
print(repr(Point.x), repr(Point.y))
Point.x.__doc__ = 'The x-coordinate'
print(repr(Point.x))
Point.y.__doc__ = None
print(repr(Point.y))
print(type(Point.x).__name__, Point.x.__reduce__()[1])
