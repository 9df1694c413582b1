# _bz2: compressor/decompressor arguments and errors, max_length and
# needs_input, unused_data after the end of a stream, byte-identical output
# at each level, and bz2.py (BZ2File, open, multi-stream) over them.
import _bz2, pickle, bz2, io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: _bz2.BZ2Compressor(0))
t(lambda: _bz2.BZ2Compressor(10))
t(lambda: _bz2.BZ2Compressor('a'))
t(lambda: _bz2.BZ2Compressor(1.5))
t(lambda: _bz2.BZ2Compressor(1, 2))
t(lambda: _bz2.BZ2Compressor(compresslevel=5))
c=_bz2.BZ2Compressor(); print(c.compress(b'abc'*10)); d=c.flush(); print(len(d), d.hex()); t(lambda: c.compress(b'x')); t(lambda: c.flush())
t(lambda: pickle.dumps(_bz2.BZ2Compressor()))
t(lambda: pickle.dumps(_bz2.BZ2Decompressor()))
t(lambda: _bz2.BZ2Decompressor(1))
t(lambda: _bz2.BZ2Decompressor(x=1))
dd=_bz2.BZ2Decompressor(); print(dd.eof, dd.unused_data, dd.needs_input)
print(dd.decompress(d+b'xyz', 5), dd.eof, dd.needs_input, dd.unused_data)
print(dd.decompress(b'', 100), dd.eof, dd.needs_input, dd.unused_data)
t(lambda: dd.decompress(b'a'))
t(lambda: _bz2.BZ2Decompressor().decompress(b'garbage data here'))
t(lambda: _bz2.BZ2Compressor().compress('str'))
big = bytes(range(256)) * 4000 + b'tail' * 1000
for lvl in (1, 5, 9):
    z = bz2.compress(big, lvl); print(lvl, len(z), bz2.decompress(z) == big, z[:16].hex())
z = bz2.compress(big)
d = _bz2.BZ2Decompressor(); parts = []
while not d.eof:
    parts.append(d.decompress(z[:1000] if not d.needs_input or True else b'', 3000)); z = z[1000:] if d.needs_input or True else z
print(len(b''.join(parts)))
print(bz2.decompress(bz2.compress(b'one') + bz2.compress(b'two')))
f = io.BytesIO(); 
with bz2.BZ2File(f, 'w') as w: w.write(b'hello\n' * 1000)
f.seek(0)
with bz2.open(f, 'rt') as r: print(len(r.readlines()))
t(lambda: bz2.decompress(bz2.compress(b'abc')[:-5]))
