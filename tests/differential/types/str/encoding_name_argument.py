# The encoding and errors arguments of encode/decode/str()/bytes()/
# bytearray() are converted as C strings: a lone surrogate raises
# UnicodeEncodeError, a NUL ValueError, before any codec is looked up.
import codecs

for enc in ['utf-8\udce2\udc80\udc9d', 'utf-8\x00', 'ascii\udcff', 'latin-1']:
    for call in (
        lambda: b'foo'.decode(enc, 'surrogateescape'),
        lambda: 'x'.encode(enc),
        lambda: str(b'x', enc),
        lambda: bytes('x', enc),
        lambda: bytearray('x', enc),
        lambda: bytearray(b'x').decode(enc),
        lambda: 'x'.encode('utf-8', enc),
        lambda: codecs.lookup(enc).name,
    ):
        try:
            print(repr(call()))
        except Exception as e:
            print(type(e).__name__, e)
