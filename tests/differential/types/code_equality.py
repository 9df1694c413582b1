# Code objects compare by what they run (not their file name), with
# constants kept apart by type and sign, and hash consistently.
def mk(src, fn='<a>'):
    return compile(src, fn, 'exec')
a, b = mk('x = 1'), mk('x = 1', '<b>')
print(a == b, hash(a) == hash(b))
print(mk('x = 1') == mk('x = True'), mk('x = 0.0') == mk('x = -0.0'), mk('x = 1') == mk('x = 2'))
print(mk('def f(a): return a') == mk('def f(a): return a'), mk('def f(a): return a') == mk('def g(a): return a'))
print(mk('x = (1, 2.0)') == mk('x = (1, 2.0)'), mk('x = (1, 2.0)') == mk('x = (1, 2)'))
print(a != b, a == 1, len({a, b}))
