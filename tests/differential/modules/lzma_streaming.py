# _lzma: LZMADecompressor's max_length/needs_input/eof/unused_data rules,
# concatenated streams through lzma.py, truncated and corrupt input,
# memlimit, and the compressor's and decompressor's argument errors.
import _lzma, lzma, pickle
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
data = bytes(range(256)) * 300 + b'tail' * 2000
z = lzma.compress(data, preset=1)
d = _lzma.LZMADecompressor()
print(d.eof, d.needs_input, d.unused_data, d.check)
out = d.decompress(z + b'extra', 1000)
print(len(out), d.eof, d.needs_input, d.unused_data)
out += d.decompress(b'', 0); print(len(out), d.needs_input)
parts = [out]
while not d.eof:
    parts.append(d.decompress(b'', 20000)); print(len(parts[-1]), d.eof, d.needs_input)
print(b''.join(parts) == data, d.unused_data, d.check)
t(lambda: d.decompress(b'a'))
d = _lzma.LZMADecompressor(); got = []
for i in range(0, len(z), 100):
    got.append(d.decompress(z[i:i + 100], 5000))
    while not d.needs_input and not d.eof:
        got.append(d.decompress(b'', 5000))
print(b''.join(got) == data, d.eof, len(got))
d = _lzma.LZMADecompressor(); print(len(d.decompress(z, len(data))), d.eof, d.needs_input)
print(d.decompress(b'', 10) if not d.eof else 'eof')
two = lzma.compress(b'one') + lzma.compress(b'two', format=lzma.FORMAT_XZ, check=lzma.CHECK_SHA256)
t(lambda: lzma.decompress(two))
t(lambda: lzma.decompress(lzma.compress(b'a', format=lzma.FORMAT_ALONE) + lzma.compress(b'b', format=lzma.FORMAT_ALONE)))
t(lambda: lzma.decompress(lzma.compress(b'pad') + b'\0' * 8))
t(lambda: lzma.decompress(lzma.compress(b'pad') + b'junk'))
t(lambda: lzma.decompress(z[:-5]))
t(lambda: lzma.decompress(z[:20]))
t(lambda: lzma.decompress(b''))
t(lambda: lzma.decompress(b'not compressed at all'))
bad = bytearray(z); bad[len(bad) // 2] ^= 0xff
t(lambda: lzma.decompress(bytes(bad)))
bad = bytearray(z); bad[-20] ^= 1
t(lambda: lzma.decompress(bytes(bad)))
t(lambda: lzma.decompress(z, memlimit=1024))
t(lambda: lzma.decompress(z, format=lzma.FORMAT_ALONE))
t(lambda: _lzma.LZMADecompressor(lzma.FORMAT_XZ).decompress(lzma.compress(b'x', format=lzma.FORMAT_ALONE)))
for args, kw in [((), {'format': 9}), ((), {'check': 2.0}), ((), {'foo': 1}), ((1, 2, 3, 4, 5), {}),
                 ((), {'preset': -1}), ((), {'preset': 3.0}), ((), {'preset': 10}), ((), {'check': lzma.CHECK_ID_MAX}),
                 ((), {'check': 1 << 40}), ((), {'format': lzma.FORMAT_ALONE, 'check': lzma.CHECK_CRC32}),
                 ((), {'preset': 1, 'filters': []}), ((), {'filters': []}), ((), {'format': lzma.FORMAT_RAW}),
                 ((), {'format': lzma.FORMAT_ALONE, 'filters': [{'id': lzma.FILTER_LZMA2}]})]:
    t(lambda: type(_lzma.LZMACompressor(*args, **kw)).__name__)
for args, kw in [((), {'memlimit': -1}), ((), {'memlimit': 'a'}), ((), {'format': 9}), ((1, 2, 3, 4), {}),
                 ((), {'x': 3}), ((), {'format': lzma.FORMAT_RAW, 'memlimit': 5}), ((), {'format': lzma.FORMAT_RAW}),
                 ((), {'format': lzma.FORMAT_XZ, 'filters': []}), ((), {'format': lzma.FORMAT_RAW, 'filters': {}})]:
    t(lambda: type(_lzma.LZMADecompressor(*args, **kw)).__name__)
t(lambda: _lzma.LZMADecompressor().decompress('abc'))
t(lambda: _lzma.LZMADecompressor().decompress())
t(lambda: _lzma.LZMADecompressor().decompress(b'', 'x'))
t(lambda: _lzma.LZMACompressor().compress())
t(lambda: _lzma.LZMACompressor().compress('s'))
t(lambda: _lzma.LZMACompressor().flush(1))
t(lambda: pickle.dumps(_lzma.LZMADecompressor()))
t(lambda: pickle.dumps(_lzma.LZMACompressor()))
t(lambda: type('S', (_lzma.LZMACompressor,), {}))
t(lambda: _lzma.is_check_supported(1 << 40))
t(lambda: _lzma.LZMAError.__doc__)
t(lambda: _lzma.LZMAError.__mro__)
