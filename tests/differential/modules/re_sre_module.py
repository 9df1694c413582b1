# _sre module constants and helpers, type names, non-instantiable and final types
import re, _sre
P = re.Pattern; M = re.Match
print(P.__module__, P.__name__, P.__qualname__, M.__module__, M.__name__)
sc = re.compile('a').scanner('a')
print(type(sc).__module__, type(sc).__name__, sc.pattern)
print(sorted(n for n in dir(_sre) if not n.startswith('__')))
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord('a')), _sre.unicode_iscased(0x3a3), _sre.ascii_tolower(ord('Q')), _sre.unicode_tolower(0x3a3), _sre.unicode_tolower(0x130))
for T in (P, M, type(sc)):
    try:
        T()
    except TypeError as e:
        print(e)
    try:
        class X(T): pass
    except TypeError as e:
        print(e)
print(re.compile('a').match.__qualname__, P.sub.__name__)
print(len(re.compile('a').groupindex), type(re.compile('(?P<a>.)').groupindex).__name__)
try:
    re.compile('(?P<a>.)').groupindex['b'] = 1
except TypeError as e:
    print(e)
