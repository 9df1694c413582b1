import re

def show(pat, s, flags=0):
    m = re.search(pat, s, flags)
    if m is None:
        print(repr(pat), repr(s), None)
    else:
        print(repr(pat), repr(s), m.span(), m.groups(), m.lastindex, m.lastgroup)

cases = [
    (r'(a)(b)?', 'ac'), (r'(a|b)*c', 'abbac'), (r'(a*)+', 'b'), (r'(a*)*', 'aa'),
    (r'(?:(a)|b)+', 'ab'), (r'(a)|(b)', 'b'), (r'((a)|(b))*', 'abab'),
    (r'(x?)*y', 'xxy'), (r'(a+?)(a*)', 'aaa'), (r'(a{2,})(a)', 'aaaa'),
    (r'a{,2}b', 'aaab'), (r'(ab|a)(bc|c)', 'abc'), (r'(a)(?P<n>b)(c)?', 'ab'),
    (r'(?P<x>a)(?P=x)', 'aa'), (r'(a)?(?(1)b|c)', 'c'), (r'(?<![a-z])\d+', 'x1 22'),
    (r'(?<=\d{2})x', '1x22x'), (r'(?=(a+))a*b', 'aaab'), (r'(?!a)\w', 'ab'),
    (r'(?>a|ab)c', 'abc'), (r'(?>ab|a)c', 'abc'), (r'a*+b', 'aab'), (r'(?:ab)++c', 'ababc'),
    (r'(?:a|b)*+b', 'aab'), (r'x*?y*?z', 'xxyyz'), (r'(a|)+b', 'aab'),
    (r'^(\w+)\s+\1$', 'hey hey'), (r'(?i)(a)\1', 'aA'), (r'(.)(.)(.)\3\2\1', 'abccba'),
    (r'([ab]*?)(b)?c', 'abc'), (r'(?s:.)+', 'a\nb'), (r'(?m)^\w$', 'a\nb\nc'),
    (r'\Aa|b\Z', 'ab'), (r'$', 'a\n'), (r'a$', 'a\n'), (r'\Z', 'a\n'),
    (r'\B', 'ab'), (r'\b', ''), (r'\B', ''), (r'(?a)\w+', 'héllo'), (r'\w+', 'héllo'),
    (r'\d+', '١٢٣ 45'), (r'(?a)\d+', '١٢٣ 45'), (r'\s+', 'a\u2003\u00a0b'),
    (r'[\s\S]+', 'a b'), (r'[^\W\d]+', 'ab12cd'), (r'(a)(?:x(b)|y(c))*', 'axbyc'),
]
for c in cases:
    show(*c)

for n in (0, 1, 5, 30):
    print(n, bool(re.fullmatch(r'(a|b)*c', 'ab' * n + 'c')))
print(re.match(r'(?:a?){20}a{20}', 'a' * 20) is not None)
print(len(re.match(r'(?:ab)*', 'ab' * 20000).group()))
print(len(re.match(r'(a|b)*', 'ab' * 5000).group()))
print(re.match(r'(a)+', 'a' * 1000).span(1))
m = re.match(r'(?P<first>\w+)(?: (?P<mid>\w+))? (?P<last>\w+)', 'Ada Lovelace')
print(m.groupdict(), m.groupdict('-'), m.groups('?'), m.group('last', 1, 0))
print(m.start('mid'), m.end('mid'), m.span('mid'), m.regs, m.pos, m.endpos, m.re.pattern)
for bad in (5, 'nope', -1):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
print(m.expand(r'\g<last>, \g<first> \2'), m[0], m['first'], m[True])
