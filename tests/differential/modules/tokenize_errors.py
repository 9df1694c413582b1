# _tokenize.TokenizerIter: SyntaxError messages and positions for bad numbers, strings, characters and brackets,
# with the tokens yielded before the error
import _tokenize
cases = [
    '(1+2]', '(1+2}', '{1+2]', '(\n1]', ']', 'x = )', '(' * 1000 + 'a' + ')' * 1000, '(' * 199 + ')' * 199,
    '1_', '1.2_', '1e2_', '1e+', '1e-x', '1__2', '0_', '0_7', '012', '00012', '0.5_', '1.e', '1e', '1.__class__', '1j_', '1_j',
    '0b12', '0b1_2', '0b2', '0b1_', '0b', '0b1j', '0b1x', '0o18', '0o1_8', '0o8', '0o1_', '0o', '0o7x', '0x', '0x1_', '0xg', '0x1g',
    '1andy', '1x', '0xfz', '1.5e3q',
    "'sdfsdf", "'''sdfsdf''", 'x = "a\nb"', "s = '''\nab", "s = '''a\nb", "f'abc", "x = 1\ny = 'abc\\", "b'\\'",
    'ab = "\u00e9\u00e9', '"""\n\n\n',
    '\xa0', '€', 'a€b', 'a\xa0b', 'x = 1 + €', '\x7f', '\x01', 'x\x0by', 'grün€ = 1', '\u200b',
    'x = 1\nif y:\n    (z]\n',
]
for c in cases:
    toks = []
    try:
        for t in _tokenize.TokenizerIter(c):
            toks.append(t)
        print(repr(c[:40]), 'no error', toks[-3:])
    except SyntaxError as e:
        print(repr(c[:40]), type(e).__name__, e.args[0], e.args[1][:3], repr(e.args[1][3][:50]), e.args[1][4:], len(toks))
        for t in toks[-2:]:
            print('   ', t)
# After an error or a silent stop, iterating again goes on through the lines already read, as CPython's tokenizer does.
for c in ['1_ x', "x = 'abc\ny = 2\n", '(]\nz', '€ + b', '0b12 c', 'a\n]\nb', 'f"', 'rb"ab', "'''a\nb\nc", "rb'''a\nb\nc",
          'if x:\n  a\n b\n', 'a\\b c', "    return ns\\\u200b['__c", "'__\"\u200bty#p", ' € \'\'\'€"""Get th', 'e\\π (',
          "x = 'a' €  y = line[p:].rstrip('\\r\\n')"]:
    it = _tokenize.TokenizerIter(c)
    for k in range(4):
        try:
            print(repr(c), k, list(it))
        except (SyntaxError, UnicodeDecodeError) as e:
            print(repr(c), k, type(e).__name__, e.args)
