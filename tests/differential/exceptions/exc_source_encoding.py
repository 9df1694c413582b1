# Source decoding errors: compile() of bytes with coding cookies the codec
# registry decodes (cp1251, iso8859-7, cp437), decoding-stage errors with no
# place (line 0, offset -1), and a script file's own messages (Non-UTF-8
# code, encoding problem), which a child interpreter shows.
import os
import subprocess
import sys
import tempfile

cases = [
    b'# -*- coding: cp1251 -*-\nPython = "\xcf\xb3\xf2\xee\xed" +',
    b'# -*- coding: iso8859-7 -*-\n\xe1 = 0xI\n',
    b'# -*- coding: cp437 -*-\nx = "\xc2\xa2" + f(4, x for x in range(1))\n',
    b"# coding: foo\nx",
    b"\xef\xbb\xbf# coding: latin-1\nx",
    b"\xef\xbb\xbf#coding: utf8\nprint('\xe6\x88\x91')\n",
    b"# coding: ascii\nx = '\xcf'",
    b"def f():\n  from _ import *",
    b"def f():\n  global x\n  nonlocal x",
    b"def f():\n  global x\n  global x\n  nonlocal x",
]
for src in cases:
    try:
        compile(src, "frag.py", "exec")
        print("compiled")
    except SyntaxError as e:
        # Only the decoded lines' text is compared: for the others CPython
        # reads the line back from the (absent) file named.
        text = repr(e.text) if b"coding: cp" in src else ""
        print(repr(e.msg), e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, text)

print(compile(b"# coding: cp1251\ns = '\xcf\xb3'\n", "f", "exec").co_consts)
ns = {}
exec(b"# coding: koi8-u\ns = '\xc1\xc2'\n", ns)
print(ns["s"])

with tempfile.TemporaryDirectory() as d:
    for name, data in [("bad89.py", b"\x89"), ("badff.py", b'x = 1\ny = "\xff"\n'), ("enc.py", b"# coding: foo\nx = 1\n"),
                       ("cp437.py", b'# -*- coding: cp437 -*-\nprint("\xc2\xa2")\n')]:
        path = os.path.join(d, name)
        with open(path, "wb") as f:
            f.write(data)
        r = subprocess.run([sys.executable, "-X", "utf8", path], capture_output=True)
        err = r.stderr.decode("utf-8").replace(d, "DIR").splitlines()
        print(name, r.returncode, r.stdout.decode("utf-8"), err[-1:] if err else err)

# Undeclared non-UTF-8 bytes in compile()'s input: in a string literal the
# error sits at the token after it (and after literals concatenated to it),
# with the literal's own decoding message; in code, at the byte.
for src in [b'x = "\xf2\xee" +', b'x = "\xf2\xee"\n', b'x = "\xf2\xee"', b'x = "\xf2\xee"  # c\ny',
            b'x = ("\xf2"\n "a")\n', b'x = "\xf2" "b" + 1\n', b'x = \xf2\n', b'f("\xff", 2)\n', b'f("\xff")\n',
            b'x = "\xcf\xb3\xf2\xee\xed" +', b'Python = "\xcf\xb3\xf2\xee\xed" +', b"x = ''' \xe9 '''", b"# \xff\nx = 1\n"]:
    try:
        compile(src, "frag.py", "exec")
        print("compiled")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
