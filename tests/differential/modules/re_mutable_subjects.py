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

# Patterns anchored at the string start match only at index 0, whatever pos.
for p, s, pos in [(r'\Ay', 'yy', 0), (r'\Ay', 'yy', 1), (r'^y', 'xy', 1), (r'^y', 'x\ny', 0)]:
    m = re.compile(p).search(s, pos)
    print(p, s.encode(), pos, m and m.span())
print(re.compile('^y', re.M).search('x\ny').span(), re.split(r'\Ay', 'xyz'), re.sub(r'^y', '-', 'yyy'))
