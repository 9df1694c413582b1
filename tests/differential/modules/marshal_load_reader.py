# marshal.load reads each item through the file's readinto(), no further
# than the object it returns; a reader that claims too much is an error.
import marshal


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0

    def read(self, n=-1):
        self.calls += 1
        if n < 0:
            n = len(self.data) - self.pos
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

    def readinto(self, buf):
        chunk = self.read(len(buf))
        buf[:len(chunk)] = chunk
        return len(chunk)


values = [1, 'text', (1, 2.5, b'x'), {'k': [None, True]}, 10**30, frozenset({3})]
data = b''.join(marshal.dumps(v) for v in values)
r = Reader(data + b'tail')
for v in values:
    got = marshal.load(r)
    print(got == v, type(got).__name__, r.pos)
print(r.read())

r = Reader(marshal.dumps(('a', 'b'))[:-1])
try:
    marshal.load(r)
except EOFError as e:
    print(type(e).__name__, e)


class TooMuch(Reader):
    def readinto(self, buf):
        n = super().readinto(buf)
        return n + 10 if n > 4 else n


for v in (1.0, 1j, b'0123456789', '0123456789'):
    try:
        marshal.load(TooMuch(marshal.dumps(v)))
    except ValueError as e:
        print(type(e).__name__, e)


class NotBytes:
    def read(self, n):
        return 'text'


try:
    marshal.load(NotBytes())
except TypeError as e:
    print(type(e).__name__, e)

co = compile('def f(): pass\ndef g(): pass', 'myfile', 'exec')
co2 = marshal.loads(marshal.dumps(co))
print(co.co_filename is co.co_consts[0].co_filename, co2.co_filename is co2.co_consts[0].co_filename)
