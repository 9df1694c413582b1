# _lzma: raw filter chains (delta, BCJ x86 and friends, lzma1/lzma2 with
# options) compressed byte-identically and decompressed back, filter
# specifier errors, and _encode/_decode_filter_properties.
import _lzma, lzma
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
code = bytes([0xe8, 1, 2, 3, 0, 0x90, 0xe9, 0x10, 0, 0, 0]) * 300 + bytes(range(200)) * 10
chains = [
    [{'id': lzma.FILTER_DELTA, 'dist': 1}, {'id': lzma.FILTER_LZMA2, 'preset': 1}],
    [{'id': lzma.FILTER_DELTA, 'dist': 256}, {'id': lzma.FILTER_LZMA2}],
    [{'id': lzma.FILTER_X86}, {'id': lzma.FILTER_LZMA2, 'preset': 6 | lzma.PRESET_EXTREME}],
    [{'id': lzma.FILTER_X86, 'start_offset': 16}, {'id': lzma.FILTER_LZMA2, 'dict_size': 1 << 20}],
    [{'id': lzma.FILTER_ARM}, {'id': lzma.FILTER_SPARC}, {'id': lzma.FILTER_LZMA2, 'preset': 0}],
    [{'id': lzma.FILTER_POWERPC}, {'id': lzma.FILTER_IA64}, {'id': lzma.FILTER_ARMTHUMB}, {'id': lzma.FILTER_LZMA2}],
    [{'id': lzma.FILTER_LZMA1, 'lc': 0, 'lp': 2, 'pb': 2, 'dict_size': 1 << 16, 'mf': lzma.MF_BT2}],
    [{'id': lzma.FILTER_LZMA2, 'mf': lzma.MF_HC3, 'mode': lzma.MODE_NORMAL, 'nice_len': 64}],
]
for ch in chains:
    c = _lzma.LZMACompressor(format=_lzma.FORMAT_RAW, filters=ch)
    z = c.compress(code[:3000]) + c.compress(code[3000:]) + c.flush()
    d = _lzma.LZMADecompressor(format=_lzma.FORMAT_RAW, filters=ch)
    back = d.decompress(z)
    print(len(z), z[:20].hex(), back == code, d.eof, d.check)
    x = lzma.compress(code, filters=ch) if ch[-1]['id'] != lzma.FILTER_LZMA1 else b''
    print(len(x), x == b'' or lzma.decompress(x) == code)
for spec in [{'id': 'x'}, {'id': -1}, {'id': 1 << 70}, {'id': 3.0}, {'id': lzma.FILTER_LZMA2, 'preset': 1 << 40},
             {'id': lzma.FILTER_LZMA2, 'preset': 'a'}, {'id': lzma.FILTER_LZMA2, 'preset': 99},
             {'id': lzma.FILTER_LZMA2, 'foo': 99}, {'id': lzma.FILTER_LZMA2, 'dict_size': 1 << 40},
             {'id': lzma.FILTER_LZMA2, 'lc': 'x'}, {'id': lzma.FILTER_DELTA, 'dist': 0}, {'id': lzma.FILTER_DELTA, 'bad': 1},
             {'id': lzma.FILTER_X86, 'dist': 1}, {'id': lzma.FILTER_LZMA1}, {'id': lzma.FILTER_LZMA1, 'preset': 1},
             {'id': lzma.FILTER_LZMA1, 'lc': 4, 'lp': 0, 'pb': 4, 'dict_size': 4096}, {'id': lzma.FILTER_LZMA2, 'dict_size': 12345},
             {'id': lzma.FILTER_DELTA, 'dist': 5}, {'id': lzma.FILTER_DELTA}, {'id': lzma.FILTER_X86, 'start_offset': 8},
             {'id': lzma.FILTER_ARM}, {'id': 99}, [], {}, 5]:
    t(lambda: _lzma._encode_filter_properties(spec))
for fid, props in [(lzma.FILTER_LZMA1, b']\x00\x00\x80\x00'), (lzma.FILTER_LZMA2, b'\x0b'), (lzma.FILTER_LZMA2, b'\x28'),
                   (lzma.FILTER_DELTA, b'\x04'), (lzma.FILTER_X86, b'\x08\x00\x00\x00'), (lzma.FILTER_SPARC, b'\x00\x01\x00\x00'),
                   (99, b''), (lzma.FILTER_LZMA2, b'\xff'), (lzma.FILTER_LZMA1, b'\xff\x00\x00\x00\x00'), (-1, b''), ('a', b'')]:
    t(lambda: _lzma._decode_filter_properties(fid, props))
t(lambda: _lzma._decode_filter_properties(lzma.FILTER_DELTA))
t(lambda: _lzma._decode_filter_properties(lzma.FILTER_DELTA, 'x'))
for ch in [5, [1], [{'id': 3}] * 5, {}, [{'dist': 1}], [{'id': lzma.FILTER_DELTA}], [{'id': lzma.FILTER_LZMA2}, {'id': lzma.FILTER_DELTA}]]:
    t(lambda: _lzma.LZMACompressor(format=_lzma.FORMAT_RAW, filters=ch).flush())
    t(lambda: _lzma.LZMADecompressor(format=_lzma.FORMAT_RAW, filters=ch).decompress(b''))
t(lambda: lzma.decompress(b'\x00' * 20, format=lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA2}]))
