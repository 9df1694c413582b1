# 'single' mode: one-line compound statements need a closing newline; empty input is an error
for s in ["for i in range(2): i\n", "for i in range(2): i", "x=1\n", "if 1:\n  2\n", "if 1:\n  2", "1\n\n", "for i in x: pass", "while x: pass", "with a: pass","class A: pass", "if 1: 2\nelse: 3", "try: 1\nexcept: 2", "@d\ndef f(): pass", "if 1:\n  for j in x: pass", "forx = 1"]:
  try: compile(s,"<stdin>","single"); print(repr(s),"ok")
  except SyntaxError as e: print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for s in ["", "\n", "# c", "# c\n", "\n\n"]:
  try: compile(s,"<stdin>","single"); print(repr(s),"ok")
  except SyntaxError as e: print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
