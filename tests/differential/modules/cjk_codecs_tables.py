# CJK multibyte codecs (_codecs_jp/kr/cn/tw/hk over _multibytecodec):
# round trips, the built-in error handlers, illegal and incomplete
# sequences with their start/end/reason, and two-character units.
samples = ['abc', '\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8', '\uff76\uff85', '\ud55c\uad6d\uc5b4 \uac01',
           '\u4e2d\u6587\u7e41\u9ad4', '\u00ca\u0304\u00ea\u030c\u00ca', '\u304b\u309a\u304b', '\u20ac\u00a5\u203e\\~',
           '\U00020000\U0002a6d6', '\u3164\uac02\ud7a3', '\x00\x7f\x80']
codecs_ = ['shift_jis', 'cp932', 'euc_jp', 'shift_jis_2004', 'euc_jis_2004', 'euc_jisx0213', 'shift_jisx0213',
           'euc_kr', 'cp949', 'johab', 'gb2312', 'gbk', 'gb18030', 'big5', 'cp950', 'big5hkscs']
for enc in codecs_:
    for s in samples:
        for errors in ['strict', 'replace', 'ignore', 'xmlcharrefreplace', 'backslashreplace']:
            try:
                b = s.encode(enc, errors)
            except UnicodeEncodeError as e:
                print(enc, ascii(s), errors, type(e).__name__, e.start, e.end, e.reason)
                continue
            print(enc, ascii(s), errors, b, ascii(b.decode(enc, 'replace')))
bad = [b'\x81', b'\x81\x20', b'\xff', b'\x80', b'a\x8eb', b'\x8f\xa1', b'\x8f\xa1\x20', b'\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4',
       b'\xa4\xd4\xa4\xa1\xa4\xbf', b'\xa4\xd4\xa4\xff\xa4\xbf\xa4\xd4', b'\x81\x30', b'\x81\x30\x81\x30', b'\x84\x31\xa4\x39',
       b'\x90\x30\x81\x30', b'\xe3\x32\x9a\x36', b'\x81\x30\x20\x30', b'\x88\x62\x88\x64', b'\xc6\xa1', b'\xf9\xfe', b'\xfe\xfe']
for enc in codecs_:
    for b in bad:
        for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape']:
            try:
                print(enc, b, errors, ascii(b.decode(enc, errors)))
            except UnicodeDecodeError as e:
                print(enc, b, errors, type(e).__name__, e.start, e.end, e.reason, e.object == b)
# gb18030 covers every code point
for c in [0x80, 0xa5, 0x2000, 0xe5e5, 0xfffd, 0x10000, 0x10ffff]:
    b = chr(c).encode('gb18030')
    print(hex(c), b, b.decode('gb18030') == chr(c))
try:
    '\ud800'.encode('gbk')
except UnicodeEncodeError as e:
    print(e)
# CPython compares the second character of a pair truncated to 16 bits
for enc in ['euc_jis_2004', 'shift_jisx0213', 'big5hkscs', 'iso2022_jp_2004', 'iso2022_jp_3']:
    for s in ['\u304b\U00010000a', '\u304b\x00a', '\u304b\U0001309a', '\u00ca\U00010304', '\u00ea\U0002030c', '\u02e5\U00020000']:
        try:
            print(enc, ascii(s), s.encode(enc, 'replace'))
        except UnicodeEncodeError as e:
            print(enc, ascii(s), e.start, e.end)
