# The Python 2 print/exec statement hint, also after `;` and a compound header.
for src in ['for i in s: print i', 'x = 1; print x', 'print x', 'if 1: exec "a"', 'while 1: print 1, 2']:
    try:
        compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
for src in ['print "a;b", 2', 'x = 1; print x # c', 'if x: print 1, 2; y = 3', 'print(1)']:
    try:
        compile(src, '<s>', 'exec')
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
