# CJK codecs' incremental encoders/decoders and stream reader/writer
# (_multibytecodec): pending input across chunks, getstate/setstate,
# reset, final, and the errors attribute.
import codecs


class Stream:
    def __init__(self, data=b''):
        self.data, self.pos, self.out = data, 0, []
    def read(self, n=-1):
        if n is None or n < 0:
            n = len(self.data) - self.pos
        r = self.data[self.pos:self.pos + n]
        self.pos += len(r)
        return r
    def readline(self, n=-1):
        end = self.data.find(b'\n', self.pos)
        end = len(self.data) if end < 0 else end + 1
        if n is not None and n >= 0:
            end = min(end, self.pos + n)
        r = self.data[self.pos:end]
        self.pos = end
        return r
    def write(self, b):
        self.out.append(b)


text = 'a\u65e5\u672c\nb\u8a9e\uff76\u304b\u309a\u00ca\u0304x\n\u4e2d\uac00'
for enc in ['shift_jis', 'euc_jp', 'euc_jis_2004', 'shift_jis_2004', 'gbk', 'gb18030', 'big5hkscs', 'cp949', 'hz',
            'iso2022_jp', 'iso2022_jp_2', 'iso2022_jp_2004', 'iso2022_kr']:
    s = ''.join(c for c in text if c.encode(enc, 'ignore'))
    whole = s.encode(enc, 'replace')
    d = codecs.getincrementaldecoder(enc)()
    parts = []
    for i in range(len(whole)):
        parts.append(d.decode(whole[i:i + 1]))
        if i == 3:
            print(enc, 'decoder state', d.getstate())
    parts.append(d.decode(b'', True))
    print(enc, whole, ascii(''.join(parts)), ''.join(parts) == whole.decode(enc))
    e = codecs.getincrementalencoder(enc)()
    out = [e.encode(c) for c in s]
    print(enc, 'states', e.getstate())
    out.append(e.encode('', True))
    print(enc, 'bytewise', b''.join(out) == whole, [len(o) for o in out][:12])
    d2 = codecs.getincrementaldecoder(enc)('replace')
    print(enc, 'truncated', ascii(d2.decode(whole[:-1])), ascii(d2.decode(b'', True)))
    d3 = codecs.getincrementaldecoder(enc)()
    d3.decode(whole[:2])
    st = d3.getstate()
    d4 = codecs.getincrementaldecoder(enc)()
    d4.setstate(st)
    print(enc, 'setstate', ascii(d4.decode(whole[2:], True)))
    e.reset()
    print(enc, 'errors', e.errors, d.errors)
    r = codecs.getreader(enc)(Stream(whole))
    print(enc, 'reader', ascii(r.readline()), ascii(r.read(3)), ascii(r.read()))
    r = codecs.getreader(enc)(Stream(whole))
    print(enc, 'readlines', ascii(r.readlines()))
    st = Stream()
    w = codecs.getwriter(enc)(st)
    for c in s:
        w.write(c)
    w.reset()
    print(enc, 'writer', b''.join(st.out) == whole, len(st.out))

e = codecs.getincrementalencoder('euc_jis_2004')()
print(e.encode('\u304b'), e.getstate(), e.encode('\u309a'), e.encode('\u304b'), e.encode('', True))
e.setstate(e.getstate())
try:
    e.setstate(1 << 200)
except Exception as x:
    print(type(x).__name__, x)
d = codecs.getincrementaldecoder('shift_jis')()
print(ascii(d.decode(b'\x82')), d.getstate())
try:
    d.decode(b'', True)
except UnicodeDecodeError as x:
    print(x.start, x.end, x.reason, x.object)
print(d.getstate())
try:
    d.setstate((b'123456789', 0))
except UnicodeError as x:
    print(type(x).__name__, x)
try:
    d.setstate([b'', 0])
except TypeError as x:
    print(type(x).__name__, x)
e = codecs.getincrementalencoder('iso2022_jp')()
print(e.encode('\u3042'), e.getstate(), e.encode('a'), e.getstate())
e.errors = 'replace'
print(e.errors, e.encode('\u00e9', True))
try:
    e.errors = 3
except TypeError as x:
    print(x)
