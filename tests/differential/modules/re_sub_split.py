import re

print(re.sub(r'x*', '-', 'abxd'), re.sub(r'x+', '-', 'abxxd'))
print(re.sub(r'', '-', 'abc'), re.sub(r'\b', '|', 'hi there'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home and ann@work'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'a bc'), re.sub(r'a', r'\n', 'bab') == 'b\nb')
print(re.sub('a', lambda m: m.group().upper(), 'banana', count=2))
print(re.subn(r'\d', '#', 'a1b22c333'), re.subn('z', 'y', 'abc'))
print(re.sub(r'(a)|b', r'[\1]', 'abc'))
print(re.split(r',', 'a,b,,c'), re.split(r'(,)', 'a,b'), re.split(r'(,)|;', 'a,b;c'))
print(re.split(r'\s*', 'a b  c'), re.split(r'', 'abc'), re.split(r'x*', 'axxb'))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=1))
print(re.split(r'(?=b)', 'abab'), re.split(r'\b', 'hi there'))
print(re.findall(r'\b\w', 'ab cd ef'), re.findall(r'a*', 'baaac'), re.findall(r'(a)(b)?', 'aab'))
print(re.findall(r'(?:a|)', 'ab'), re.findall(r'^', 'a\nb', re.M), re.findall(r'$', 'a\nb\n', re.M))
print([m.span() for m in re.finditer(r'\w*', 'ab cd')])
print([m.group() for m in re.finditer(r'a|', 'bab')])
p = re.compile(r'\d+')
print(p.findall('12 345 6', 3), p.findall('12 345 6', 0, 5), p.search('abc123', 4), p.match('abc123', 3, 5))
print(p.fullmatch('123'), p.fullmatch('123a'), p.fullmatch('123a', 0, 3))
s = p.scanner('1 22 333')
print(s.search(), s.search(), s.match(), s.search(), s.search())
print(re.sub(b'a', b'b', b'aaa'), re.sub(rb'(a)', rb'\1\1', b'xa'), re.split(rb'\s', b'a b'))
print(re.findall(rb'[a-c]+', bytearray(b'abcxab')), re.match(rb'\w+', memoryview(b'hey')))
print(re.sub('a', 'x', 'aaa', 0), re.sub(r'(?m)^', '> ', 'l1\nl2'))
print(re.sub('(a)', lambda m: None or '', 'aba'))
try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print('error', e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)
