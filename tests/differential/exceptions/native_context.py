# Exceptions raised by native code while another is handled get it as __context__ (PyErr_SetObject's rule).
import os
try:
    1/0
except ZeroDivisionError:
    try:
        int('x')
    except ValueError as e:
        print(repr(e.__context__))
    try:
        compile('(', 'f', 'exec')
    except SyntaxError as e:
        print(repr(e.__context__))
    try:
        [].pop()
    except IndexError as e:
        print(repr(e.__context__))
    try:
        {}['k']
    except KeyError as e:
        print(repr(e.__context__))
try:
    1/0
except ZeroDivisionError:
    try:
        os.stat("/nonexistent/x")
    except OSError as e:
        print(repr(e.__context__))
    try:
        undefined_name
    except NameError as e:
        print(repr(e.__context__))
    try:
        b"\xff".decode("utf-8")
    except UnicodeDecodeError as e:
        print(repr(e.__context__))
    try:
        next(iter([]))
    except StopIteration as e:
        print(repr(e.__context__))
    try:
        "a".foo
    except AttributeError as e:
        print(repr(e.__context__))
