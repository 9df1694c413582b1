# The interpreter's own traceback printer (sys.excepthook), captured: the
# ~~~^^^ markers of binary operations and subscripts, wide characters,
# whole-line ranges, odd __notes__ and __module__, SyntaxError without a line.
import sys

out = []


class Capture:
    def write(self, s):
        out.append(s)
        return len(s)

    def flush(self):
        pass


def report(f):
    try:
        f()
    except BaseException:
        old = sys.stderr
        sys.stderr = Capture()
        try:
            sys.excepthook(*sys.exc_info())
        finally:
            sys.stderr = old
    text = ''.join(out).replace(__file__, 'FILE')
    out.clear()
    print(text)
    print('--')


def binop():
    divisor = 0
    return 10 + divisor / 0 + 30


def two_char_op():
    divisor = 0
    return 10 + divisor // 0 + 30


def subscript():
    d = {'x': {'y': {}}}
    return d['x']['y']['z']


def spaced():
    a, b = 1, None
    return ( a   )   + b


def spaced_subscript():
    a, b, c = 1, [], 2
    return b     [    a  ] + c


def wide():
    说明说明 = 1
    şçöğıĤellö = 0
    return 说明说明 / şçöğıĤellö


def whole_line():
    raise ValueError('whole')


def call_in_middle():
    return len(str(int('x')))


def notes_not_a_list():
    e = ValueError('n')
    e.__notes__ = 'not a list'
    raise e


def notes_list():
    e = ValueError('n')
    e.__notes__ = ['first', 42, 'two\nlines']
    raise e


class X(Exception):
    pass


X.__module__ = 42


def bad_module():
    raise X('x')


def syntax_no_lineno():
    e = SyntaxError('bad syntax')
    e.filename = 'myfile.py'
    raise e


def syntax_with_lineno():
    e = SyntaxError('bad syntax')
    e.lineno = 100
    raise e


for f in (binop, two_char_op, subscript, spaced, spaced_subscript, wide,
          whole_line, call_in_middle, notes_not_a_list, notes_list,
          bad_module, syntax_no_lineno, syntax_with_lineno):
    report(f)
