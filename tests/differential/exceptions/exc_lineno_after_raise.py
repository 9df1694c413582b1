# The line a frame reports (f_lineno) once an exception has left it: a
# handler's re-raise puts the frame back on the raising instruction (PEP 626),
# and an unmatched except re-raises from the last clause's line.


def lineno_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__
    lines = []
    t = t.tb_next
    while t:
        frame = t.tb_frame
        lines.append((frame.f_lineno - frame.f_code.co_firstlineno, t.tb_lineno - frame.f_code.co_firstlineno))
        t = t.tb_next
    print(f.__name__, lines)


def simple():
    1/0
    pass


def in_except():
    try:
        1/0
    except:
        1/0
        pass


def other_except():
    try:
        1/0
    except TypeError as ex:
        pass


def other_excepts():
    try:
        1/0
    except TypeError:
        pass
    except (KeyError,
            IndexError) as e:
        pass


def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass


def in_try():
    try:
        1/0
    finally:
        pass


def in_finally_normal():
    try:
        pass
    finally:
        1/0
        pass


def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass


class Noop:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


def after_with():
    with Noop():
        1/0
        pass


class ExitFails:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        raise ValueError


def after_with_exit_fails():
    with ExitFails():
        1/0


def bare_reraise():
    try:
        1/0
    except ZeroDivisionError:
        x = 1
        raise


def nested():
    try:
        try:
            1/0
        except KeyError:
            pass
    finally:
        y = 2


def callee():
    try:
        [][1]
    except KeyError:
        pass


def caller():
    x = 0
    callee()
    x = 1


for f in (simple, in_except, other_except, other_excepts, in_named_except, in_try, in_finally_normal,
          in_finally_except, after_with, after_with_exit_fails, bare_reraise, nested, caller):
    lineno_after_raise(f)
