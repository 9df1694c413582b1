# re over mutable and odd subjects: groups of a bytearray match read the
# buffer again (clipped to its length), compiled patterns are weakly
# referenceable, pos is converted before the subject is checked, and
# _sre.compile rejects non-int code.
import re, sys, weakref, _sre

s = bytearray(b'abcdefgh')
m = re.search(b'[a-h]+', s)
m2 = re.search(b'[e-h]+', s)
print(m.group(), m2.group())
s[:] = b'xyz'
print(m.group(), m2.group(), m.span(), m2.span())

p = re.compile('ab+c')
r = weakref.ref(p)
print(r() is p, weakref.proxy(p).findall('QabbbcR'))

for subject in [b"xxx", "xxx"]:
    try:
        re.compile("x").match(subject, sys.maxsize + 1)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__)

for code in [['abc'], [2**128], [2**40]]:
    try:
        _sre.compile('', 0, code, 0, {}, ())
    except (TypeError, OverflowError) as e:
        print(type(e).__name__)
