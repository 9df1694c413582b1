# _io: BytesIO/StringIO __getstate__/__setstate__ round trips and their argument errors
import _io
b = _io.BytesIO()
for st in [1, (b'ab', 1), (b'ab', 1, None), ('x', 1, None), (b'ab', -1, None), (b'ab', 'x', None), (b'ab', 1, 5), (b'abc', 2, {'k': 1})]:
    try: b.__setstate__(st); print(b.getvalue(), b.tell(), b.__dict__)
    except Exception as e: print(type(e).__name__, e)
s = _io.StringIO()
for st in [1, ('ab', None, 1), ('ab', '\n', 1, None), ('a\r\nb', None, 1, None), (b'x', '\n', 1, None), ('ab', '\n', -1, None), ('ab', 'u', 0, None), ('abc', '', 2, {'k': 2})]:
    try: s.__setstate__(st); print(repr(s.getvalue()), s.tell(), s.__dict__, repr(s.newlines))
    except Exception as e: print(type(e).__name__, e)
x = _io.StringIO("q\nw", newline=None); x.read(1); y = _io.StringIO(); y.__setstate__(x.__getstate__()); print(repr(y.read()))
