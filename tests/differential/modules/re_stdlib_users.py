# Pure-Python users of re: re.Scanner, string.Template, textwrap, fnmatch
import re
sc = re.Scanner([(r'\d+', lambda s, t: int(t)), (r'\s+', None), (r'[a-z]+', lambda s, t: t.upper())])
print(sc.scan('12 ab 3 !x'))
print(re.compile(r'(?x) a b # c'), re.fullmatch('(?s).*', 'a\nb'))
import string
print(string.Template('$x and ${y}').substitute(x=1, y=2))
import textwrap
print(textwrap.wrap('The quick brown fox jumps over the lazy dog ' * 2, 20))
print(textwrap.dedent('   a\n   b'))
import fnmatch
print(fnmatch.filter(['a.py', 'b.txt', 'c.py'], '*.py'), fnmatch.translate('*.[ch]'))
