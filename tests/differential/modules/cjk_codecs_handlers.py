# CJK codecs with error handlers registered through codecs.register_error:
# what the handler sees, replacements as str or bytes, new positions
# (forwards, backwards, negative), bad return values; stateful codecs.
import codecs

seen = []
def record(exc):
    seen.append((type(exc).__name__, exc.encoding, exc.start, exc.end, exc.reason))
    if isinstance(exc, UnicodeEncodeError):
        return ('[%s]' % ascii(exc.object[exc.start:exc.end]), exc.end)
    return ('<%s>' % exc.object[exc.start:exc.end].hex(), exc.end)
codecs.register_error('test.record', record)
codecs.register_error('test.bytes', lambda e: (b'\xff\xfe', e.end))
codecs.register_error('test.skip2', lambda e: ('', e.start + 2))
codecs.register_error('test.back', lambda e: ('*', -1) if e.end < len(e.object) else ('', e.end))
codecs.register_error('test.far', lambda e: ('', len(e.object) + 5))
codecs.register_error('test.bad', lambda e: ['x', e.end])
codecs.register_error('test.badint', lambda e: ('x', 'y'))
codecs.register_error('test.unenc', lambda e: ('\u00e9', e.end))

for enc in ['shift_jis', 'euc_kr', 'gb2312', 'big5', 'hz', 'iso2022_jp', 'iso2022_kr', 'euc_jis_2004']:
    for s in ['a\u00e9b\u65e5\u20ac\u0101c', '\u00e9\u00e9\u00e9x', '\u304b\u309a\u00e9']:
        for h in ['test.record', 'test.bytes', 'test.skip2', 'test.back', 'test.far', 'test.bad', 'test.badint', 'test.unenc',
                  'xmlcharrefreplace', 'namereplace', 'nosuchhandler']:
            seen.clear()
            try:
                r = s.encode(enc, h)
            except Exception as e:
                r = '%s: %s' % (type(e).__name__, e)
            print(enc, ascii(s), h, r, seen)
    for b in [b'a\x80b\xff\xfec', b'\xff\xff\xff', b'~{\x21', b'\x1b$Bxx', b'\x1b(Z', b'\x0e\x21']:
        for h in ['test.record', 'test.skip2', 'test.back', 'test.far', 'test.bad', 'surrogateescape', 'backslashreplace']:
            seen.clear()
            try:
                r = ascii(b.decode(enc, h))
            except Exception as e:
                r = '%s: %s' % (type(e).__name__, e)
            print(enc, b, h, r, seen)
# a custom handler inside an incremental encoder of a stateful codec
e = codecs.getincrementalencoder('iso2022_jp')('test.record')
print(e.encode('\u3042\u00e9\u3044'), e.encode('\u00e9', True))
d = codecs.getincrementaldecoder('iso2022_jp')('test.record')
print(ascii(d.decode(b'\x1b$B$"\x80')), ascii(d.decode(b'$', True)), d.getstate())
# the codec objects directly
import _codecs_jp, _multibytecodec
c = _codecs_jp.getcodec('shift_jis')
print(type(c).__name__, c.encode('\u3042'), c.decode(b'\x82\xa0'), c.encode(12), c.decode(bytearray(b'ab'), 'strict'))
for bad in [lambda: _codecs_jp.getcodec('gbk'), lambda: _codecs_jp.getcodec(1), lambda: c.decode('x'),
            lambda: c.encode('x', 1), lambda: _multibytecodec.__create_codec(None)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
