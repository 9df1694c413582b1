# bytearray mutation methods and errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(b"hello")
ba[0] = 72
print(ba)
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b""
print(ba)
ba[::2] = b"xy"
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
ba.insert(0, 48)
ba.insert(-1, 49)
ba.insert(100, 50)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
print(ba)
del ba[0]
del ba[::2]
print(ba)
ba.reverse()
print(ba)
t(lambda: ba.append(256))
t(lambda: ba.append("a"))
t(lambda: ba.remove(200))
t(lambda: bytearray().pop())
t(lambda: ba.__setitem__(0, -1))
t(lambda: ba.__setitem__(slice(0, 4, 2), b"abc"))
t(lambda: ba.__setitem__(100, 1))
t(lambda: ba.__delitem__(100))
t(lambda: ba.extend(5))
t(lambda: ba.extend([1, 300]))
c = ba.copy()
c.clear()
print(c, ba, ba == ba.copy())
x = bytearray(b"ab")
x += b"cd"
x *= 2
print(x, x.count(b"a"))
t(lambda: hash(bytearray()))
t(lambda: bytearray(b"abc") + b"d")
t(lambda: type(b"a" + bytearray(b"b")).__name__)
y = bytearray(3)
y[1:2] = range(65, 70)
print(y, len(y))
y[:] = b""
print(y)
