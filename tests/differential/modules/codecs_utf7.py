# UTF-7 (codecs.utf_7_encode/utf_7_decode): direct characters, base-64 runs,
# surrogate pairs, every decoding error and the incremental decoder.
import codecs
d=''.join(chr(c) for c in range(128) if chr(c).encode('utf-7')==chr(c).encode())
print(repr(d))
for s in ['+', 'a~b', '\u20ac-', '\u20aca', '\u20ac.', '\U0001F600\ud800', 'hello world', 'A\u2262\u0391.', 'Hi Mom -\u263a-!', '\u65e5\u672c\u8a9e', '\ud800\udc00x', 'a+b\\c', '\x00\x7f', '\u20ac\u20ac/']:
    e = s.encode('utf-7'); print(ascii(s), e, ascii(e.decode('utf-7')))
for raw in [b'a+IK', b'a+IK-b', b'a+IKx', b'a+IKwgr,-b', b'a+/,+IKw-b', b'+', b'+-', b'a+2D3', b'+2D3eAA-', b'+2D0-', b'+2D0a', b'\x80', b'a\\b', b'+AGEAYg-', b'+AGE', b'+AGEA', b'+2D3cAA-', b'+AGE=', b'a+\x80b', b'+2D3-x', b'+AGEAYgBj']:
  for e in ['strict','replace', 'backslashreplace', 'surrogateescape']:
    try: print(raw, e, ascii(raw.decode('utf-7', e)))
    except UnicodeDecodeError as x: print(raw, e, x)
  print(' partial', ascii(codecs.utf_7_decode(raw, 'replace', False)))
  d = codecs.getincrementaldecoder('utf-7')('replace')
  print(' bytewise', ascii(''.join(d.decode(bytes([b])) for b in raw) + d.decode(b'', True)))
