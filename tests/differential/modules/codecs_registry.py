# _codecs: registry lookups, encode/decode, error handlers, codec functions.
import codecs, _codecs

print(codecs.lookup('latin-1').name, codecs.lookup('UTF-8').name, codecs.lookup('utf_16').name)
print(codecs.lookup('Latin 1').name, codecs.lookup('cp1252').name)
for bad in ('nope', 'no such'):
    try:
        codecs.lookup(bad)
    except LookupError as e:
        print(type(e).__name__, e)
try:
    codecs.lookup(1)
except TypeError as e:
    print(type(e).__name__, e)

def search(name):
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)),
                                name='my-codec')
    return None
codecs.register(search)
print(codecs.lookup('My Codec').name, codecs.encode('abc', 'my_codec'), codecs.decode(b'ABC', 'my_codec'))
print('xyz'.encode('my codec'), b'XYZ'.decode('my_codec'))
codecs.unregister(search)
try:
    codecs.lookup('my_codec2')
except LookupError as e:
    print(type(e).__name__, e)

print('x'.encode('utf-16'), 'x'.encode('utf-32'), 'é€'.encode('cp1252'), b'\x80\xe9'.decode('cp1252'))
print(codecs.encode('abc', 'utf-16-be'), codecs.decode(b'\xff\xfea\x00', 'utf-16'), codecs.encode('é'))
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'a\xe2\x82')), repr(d.decode(b'\xac', final=True)))
d = codecs.getincrementaldecoder('utf-16')()
print(repr(d.decode(b'\xff')), repr(d.decode(b'\xfea')), repr(d.decode(b'\x00b\x00', final=True)) if False else repr(d.decode(b'\x00b\x00')))
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('a'), e.encode('b'))

print(_codecs.utf_8_decode(b'a\xe2\x82'), _codecs.utf_8_decode(b'a\xe2\x82', 'replace', True))
print(_codecs.utf_8_encode('a\udc80b', 'surrogateescape'), _codecs.utf_8_encode('ab'))
print(_codecs.utf_16_ex_decode(b'\xfe\xff\x00a'), _codecs.utf_16_ex_decode(b'\xff\xfea\x00b'))
print(_codecs.utf_16_ex_decode(b'a\x00', 'strict', 1, True), _codecs.utf_16_decode(b'\xff'))
print(_codecs.utf_16_encode('a', None, 1), _codecs.utf_16_encode('a', None, -1), _codecs.utf_16_le_encode('\U0001f600'))
print(_codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00b\x00'), _codecs.utf_32_be_decode(b'\x00\x00\x00a', None, True))
print(_codecs.latin_1_encode('ab\xff'), _codecs.latin_1_decode(b'\xff'), _codecs.ascii_decode(b'ab'), _codecs.ascii_encode('a'))
print(_codecs.readbuffer_encode(b'ab'), _codecs.readbuffer_encode('é'))
print(_codecs.charmap_decode(b'\x00\x01', 'strict', 'ab'), _codecs.charmap_decode(b'\x00\x01', 'strict', {0: 'x', 1: 0x41}))
print(_codecs.charmap_decode(b'\x00\x02', 'replace', 'ab'), _codecs.charmap_encode('ab', 'strict', {97: 1, 98: b'zz'}))
m = _codecs.charmap_build('abc')
print(_codecs.charmap_encode('cab', 'strict', m), _codecs.charmap_encode('ad', 'replace', {97: 1, 63: 63}))
for f, a in [(_codecs.utf_8_encode, (1,)), (_codecs.utf_8_decode, ('x',)), (_codecs.utf_8_encode, ('a', 1)),
             (_codecs.charmap_decode, (b'\x05', 'strict', 'ab')), (_codecs.charmap_encode, ('\u1234', 'strict', {})),
             (_codecs.ascii_decode, (b'a\xff',)), (_codecs.latin_1_encode, ('a\u0100b',))]:
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)

for name in ('strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'surrogateescape', 'surrogatepass'):
    print(codecs.lookup_error(name).__name__)
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print(type(e).__name__, e)
codecs.register_error('mine', lambda e: ('<%d:%d>' % (e.start, e.end), e.end))
print('aé\u1234b'.encode('ascii', 'mine'), b'a\xffb'.decode('utf-8', 'mine'), 'ab'.encode('ascii', 'bogus'))
codecs.register_error('skip', lambda e: ('', e.end + 1))
print(b'a\xffbc'.decode('ascii', 'skip'), 'a\xffbc'.encode('latin-1', 'skip'))
codecs.register_error('bad', lambda e: 1)
try:
    'a\xff'.encode('ascii', 'bad')
except TypeError as e:
    print(type(e).__name__, e)
codecs.register_error('far', lambda e: ('', 100))
try:
    'a\xff'.encode('ascii', 'far')
except IndexError as e:
    print(type(e).__name__, e)
try:
    'a\xff'.encode('ascii', 'nope2')
except LookupError as e:
    print(type(e).__name__, e)

exc = UnicodeEncodeError('ascii', 'a\xe9\u20acb', 1, 3, 'bad')
for h in ('ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace'):
    print(h, codecs.lookup_error(h)(exc))
dexc = UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'bad')
for h in ('ignore', 'replace', 'backslashreplace', 'surrogateescape'):
    print(h, codecs.lookup_error(h)(dexc))
print(codecs.lookup_error('surrogateescape')(UnicodeEncodeError('ascii', 'a\udc80', 1, 2, 'x')))
print(codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-8', 'a\ud800', 1, 2, 'x')))
for h in ('strict', 'ignore', 'xmlcharrefreplace'):
    try:
        codecs.lookup_error(h)(dexc if h == 'xmlcharrefreplace' else ValueError('v'))
    except Exception as e:
        print(h, type(e).__name__, e)
