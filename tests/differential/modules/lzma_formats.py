# _lzma: round trips in the xz, alone and raw formats with each check and
# several presets, byte-identical compressed output, the decompressor's
# check attribute, lzma.py's one-shot functions and LZMAFile over them.
import _lzma, lzma, io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
data = b''.join(b'line %d: the quick brown fox %d\n' % (i, i * i % 97) for i in range(2000)) + bytes(range(256)) * 4
print(sorted(n for n in dir(_lzma) if not n.startswith('__')))
for n in ('FORMAT_AUTO', 'FORMAT_XZ', 'FORMAT_ALONE', 'FORMAT_RAW', 'CHECK_NONE', 'CHECK_CRC32', 'CHECK_CRC64',
          'CHECK_SHA256', 'CHECK_ID_MAX', 'CHECK_UNKNOWN', 'FILTER_LZMA1', 'FILTER_LZMA2', 'FILTER_DELTA', 'FILTER_X86',
          'FILTER_IA64', 'FILTER_ARM', 'FILTER_ARMTHUMB', 'FILTER_SPARC', 'FILTER_POWERPC', 'MF_HC3', 'MF_HC4', 'MF_BT2',
          'MF_BT3', 'MF_BT4', 'MODE_FAST', 'MODE_NORMAL', 'PRESET_DEFAULT', 'PRESET_EXTREME'):
    print(n, getattr(_lzma, n))
for p in (0, 1, 6, 9 | lzma.PRESET_EXTREME):
    for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
        z = lzma.compress(data, format=fmt, preset=p)
        print('preset', p, 'format', fmt, len(z), z[:24].hex(), z[-16:].hex())
        print(lzma.decompress(z) == data, lzma.decompress(z, format=fmt) == data)
for chk in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    z = lzma.compress(data, check=chk, preset=1)
    d = _lzma.LZMADecompressor()
    print('check', chk, d.check, len(z), z[-40:].hex())
    print(d.decompress(z) == data, d.check, d.eof, d.needs_input, d.unused_data)
    print(lzma.is_check_supported(chk))
print(lzma.is_check_supported(lzma.CHECK_ID_MAX), lzma.is_check_supported(lzma.CHECK_UNKNOWN))
d = _lzma.LZMADecompressor(_lzma.FORMAT_ALONE); print(d.check)
d = _lzma.LZMADecompressor(_lzma.FORMAT_XZ); print(d.check)
c = _lzma.LZMACompressor()
out = b''.join(c.compress(data[i:i + 777]) for i in range(0, len(data), 777)) + c.flush()
print(len(out), out == lzma.compress(data))
t(lambda: c.flush())
t(lambda: c.compress(b'x'))
c = _lzma.LZMACompressor(format=_lzma.FORMAT_ALONE, filters=[{'id': lzma.FILTER_LZMA1, 'dict_size': 1 << 16, 'lc': 2, 'lp': 1, 'pb': 1}])
z = c.compress(data) + c.flush(); print(len(z), z[:13].hex(), lzma.decompress(z) == data)
c = _lzma.LZMACompressor(filters=[{'id': lzma.FILTER_DELTA, 'dist': 2}, {'id': lzma.FILTER_LZMA2, 'preset': 3, 'mf': lzma.MF_HC4, 'mode': lzma.MODE_FAST, 'nice_len': 32, 'depth': 8}])
z = c.compress(data) + c.flush(); print(len(z), z[:32].hex(), lzma.decompress(z) == data)
print(len(lzma.compress(b'')), lzma.compress(b'').hex(), lzma.decompress(lzma.compress(b'')))
print(lzma.compress(b'', format=lzma.FORMAT_ALONE).hex())
f = io.BytesIO()
with lzma.LZMAFile(f, 'w', preset=2) as w:
    w.write(b'hello\n' * 500)
print(len(f.getvalue()))
f.seek(0)
with lzma.open(f, 'rt') as r:
    print(len(r.readlines()))
z = lzma.compress(data, format=lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA2, 'preset': 1}])
print(len(z), z[:16].hex(), lzma.decompress(z, format=lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA2}]) == data)
