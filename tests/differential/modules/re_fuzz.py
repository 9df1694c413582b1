# Deterministic random patterns over a small alphabet: search/findall/sub/split
import re

seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return (seed >> 8) % n

atoms = ['a', 'b', 'c', '.', '[ab]', '[^a]', r'\w', r'\s', r'\d', r'\b', '^', '$', 'x?', '(?:ab|a)',
         '[a-c]', '(?i:A)', r'\B', '(?=a)', '(?!b)', '(?<=a)', '(?<!c)']
quants = ['', '', '', '*', '+', '?', '*?', '+?', '??', '{1,2}', '{2}', '{0,1}?', '*+', '++']

def gen(depth=0):
    n = 1 + rnd(3)
    parts = []
    groups = 0
    for _ in range(n):
        k = rnd(10)
        if k < 2 and depth < 2:
            inner = gen(depth + 1)
            if rnd(2):
                inner = inner + '|' + gen(depth + 1)
            parts.append('(' + inner + ')' + quants[rnd(len(quants))])
        elif k == 2 and depth < 2:
            parts.append('(?:' + gen(depth + 1) + ')' + quants[rnd(len(quants))])
        else:
            a = atoms[rnd(len(atoms))]
            if a in ('^', '$', r'\b', r'\B') or a.startswith('(?=') or a.startswith('(?!') or a.startswith('(?<'):
                parts.append(a)
            else:
                parts.append(a + quants[rnd(len(quants))])
    return ''.join(parts)

subjects = ['', 'a', 'ab', 'abc', 'aab ba', 'ca 1b\nab', 'bbbaaa', 'a b c 12', 'AbAB']
for i in range(400):
    p = gen()
    try:
        r = re.compile(p)
    except re.error as e:
        print(i, repr(p), 'error', e)
        continue
    for s in subjects[rnd(3)::3]:
        m = r.search(s)
        out = [repr(p), repr(s), m and (m.span(), m.groups())]
        out.append(r.findall(s))
        out.append(r.sub('-', s))
        out.append(r.split(s))
        fm = r.fullmatch(s)
        out.append(fm and fm.span())
        print(i, *out)
