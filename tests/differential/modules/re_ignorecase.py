# IGNORECASE over Unicode and bytes, with literals, classes, ranges and backrefs
import re

chars = 'aAbBzZ\u00b5\u039c\u03bc\u00df\u1e9e\u0130\u0131iIkK\u212a\u017fsS\u03c3\u03a3\u03c2\u0398\u03b8\u03d1\u0414\u0434\u1f80\u1f88\u00e9\u00c9\u01c4\u01c5\u01c6'
for c in chars:
    hits = [d for d in chars if re.fullmatch(re.escape(c), d, re.I)]
    cls = [d for d in chars if re.fullmatch('[' + c + ']', d, re.I)]
    neg = [d for d in chars if re.fullmatch('[^' + c + ']', d, re.I)]
    asc = [d for d in chars if re.fullmatch(re.escape(c), d, re.I | re.A)]
    print(repr(c), ''.join(hits), ''.join(cls), len(neg), ''.join(asc))
for rng in ['a-z', 'A-Z', '\u0391-\u03a9', '\u03b1-\u03c9', 'k-k', 'r-t', '\u00e0-\u00ff']:
    print(rng, ''.join(d for d in chars if re.fullmatch('[' + rng + ']', d, re.I)))
print(re.match(r'(?i)(\w+) \1', 'Hello hELLO'), re.match(r'(?i)(\w+) \1', '\u03a3x \u03c3X'))
print(re.findall(rb'(?i)[a-c]+', b'AbCxaBc\xc1\xe1'), re.match(rb'(?i)\xe9', b'\xc9'))
print(re.sub('(?i)b', '_', 'aBcbB'), re.split('(?i)X', 'axbXc'))
print(re.match('(?i)[^k]', '\u212a'), re.match('(?i)[^\u212a]', 'k'), re.match('(?ia)[^k]', '\u212a'))
print(re.findall(r'(?i)\bstra\w+', 'Straße STRASSE strasse'))
print(re.match(r'(?L)\w+', 'abc') if False else 'skip-locale-str', re.match(rb'(?L)\w+', b'ab_1'), re.match(rb'(?Li)AB', b'ab'))
