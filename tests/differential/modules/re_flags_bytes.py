import re

print(re.findall(r'(?i)straße', 'STRASSE Straße STRAßE'), re.match(r'(?i)\u00ff', '\u0178'))
print(re.findall(r'[a-z]+', 'ABC def', re.I), re.findall(r'[^a-z]+', 'ABC def', re.I))
print(re.match(r'(?i)[\u0400-\u04ff]+', 'ЖжЖ'), re.match(r'(?i)σ+', 'ΣσςΣ'))
print(re.match('k', '\u212a', re.I), re.match('k', '\u212a', re.I | re.A), re.match(b'k', b'K', re.I))
print(re.search(r'(?x) a \  b  # comment', 'xa b'), re.search('a.c', 'a\nc', re.DOTALL))
print(re.findall(r'^\w', 'ab\ncd', re.MULTILINE), re.findall(r'\w$', 'ab\ncd\n', re.M))
print(re.findall(rb'\w+', b'caf\xe9 ok'), re.findall(r'\w+', 'café ok', re.ASCII))
print(re.compile('a', re.I | re.M | re.S | re.X), re.compile(b'a', re.L), re.compile('a', re.A))
print(re.compile('a', re.U), re.compile('(?i)a').flags, re.compile(b'a').flags, re.compile('a').flags)
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile('a') != re.compile(b'a'))
print(hash(re.compile('ab')) == hash(re.compile('ab')))
p = re.compile(r'(?P<a>x)(?P<b>y)?')
print(p.groups, p.groupindex, p.pattern, type(p).__name__, type(p.match('x')).__name__)
print(re.compile('x' * 300))
print(re.match('.*', 'y' * 100))
import copy
print(copy.copy(p) is p, copy.deepcopy(p) is p)
for pat, s in [('a', b'a'), (b'a', 'a')]:
    try:
        re.match(pat, s)
    except TypeError as e:
        print('TypeError', e)
try:
    re.match('a', 5)
except TypeError as e:
    print('TypeError', e)
for bad in ['(', ')', '[a', 'a**', '(?P<1>a)', r'\1', '(?<=a+)b', 'a{3,2}', '(?P=x)', r'\xZ', '[b-a]', '(?z)']:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), e, e.pos)
print(re.fullmatch(rb'[\x00-\x7f]+', bytes(range(128))) is not None)
print(re.match(r'[\U00010000-\U0010ffff]+', '\U0001f600\U0001f601x'))
print(re.escape('a-b.c*d'), re.escape(b'a.b'), re.purge())
print(hasattr(re, 'template'), hasattr(re, 'TEMPLATE'))
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes])
