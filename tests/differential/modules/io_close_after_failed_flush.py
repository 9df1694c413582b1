# Closing a buffered or text stream whose flush fails still closes it; the
# flush error is raised, or chained under close()'s own error.
import io, os
r, w = os.pipe()
f = io.open(w, 'wb', -1)
f.write(b'line\n')
os.close(w)
try:
    f.close()
except OSError as e:
    print(type(e).__name__, e.errno)
print(f.closed)
r, w = os.pipe()
t = io.open(w, 'w', encoding='utf-8')
t.write('text')
os.close(w)
try:
    t.close()
except OSError as e:
    print(type(e).__name__, e.errno, type(e.__context__).__name__)
print(t.closed)
class Raw(io.RawIOBase):
    def writable(self): return True
    def write(self, b): raise ValueError('write failed')
    def close(self):
        super().close()
        raise KeyError('close failed')
b = io.BufferedWriter(Raw())
b.write(b'abc')
try:
    b.close()
except KeyError as e:
    print('KeyError', e, type(e.__context__).__name__, e.__context__)
os.close(r)
