# Match and Pattern objects: reprs, attributes, indexes, pos/endpos
import re

m = re.search(r'(?P<k>\w+)=(?P<v>\w*)', '  key=  ')
print(m, m.start(), m.end(), m.span('v'), m.group(0, 'k', 2), m.lastindex, m.lastgroup)
print(repr(re.search('x+', 'x' * 80)), re.search(b'y+', b'y' * 80))
print(re.match('', 'abc'), re.match('(a)?', ''), re.match('(a)?', '').lastindex)
print(re.compile(r'(?P<a>.)(?P<b>.)(?P<c>.)').groupindex)
p = re.compile(r'\w')
for pos, endpos in [(0, 100), (-5, 2), (2, 1), (3, 3), (10, 20), (1, -1)]:
    print(pos, endpos, p.search('abc', pos, endpos), p.findall('abc', pos, endpos), p.match('abc', pos=pos, endpos=endpos))
m = p.search('xyz', 1, 2)
print(m.pos, m.endpos, m.string, m.re is p, m.regs)
print(re.match(r'^b', 'ab'[1:]), re.compile('^b').search('ab', 1), re.compile('b$').search('abc', 0, 2))
print(re.compile(r'\bb').search('ab', 1), re.compile(r'(?<=a)b').search('ab', 1))
m = re.match(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', 'abcdefghijk')
print(m.group(11), m.expand(r'\11-\g<11>-\g<1>1'), m.lastindex)
print(re.match(r'((a)(b))', 'ab').lastindex, re.match(r'(a)(b)', 'ab').lastindex, re.match(r'(?:(a)|(b))+', 'ab').lastindex)
class S(str):
    pass
m = re.match('a+', S('aab'))
print(type(m.string).__name__, type(m.group()).__name__, m.group())
m = re.match(b'a+', bytearray(b'aab'))
print(type(m.string).__name__, m.group(), re.match(b'.', memoryview(b'z')).group())
for bad in [(1, 2), 'b', None]:
    try:
        print(re.match('(?P<a>a)', 'a').group(bad))
    except IndexError as e:
        print('IndexError', e)
try:
    re.compile('a').match()
except TypeError as e:
    print('TypeError', e)
try:
    re.compile('a').match('a', bogus=1)
except TypeError as e:
    print('TypeError', e)
print(re.compile('a').match(string='a', pos=0), re.compile('a').sub(repl='b', string='aa', count=1))
print(sorted(n for n in dir(re.compile('a')) if not n.startswith('__')))
print(sorted(n for n in dir(re.match('a', 'a')) if not n.startswith('__')))
