# indentation rules and IndentationError/TabError via compile()
def c(src):
    try:
        compile(src, "<src>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)

c("if 1:\n    x = 1\n    y = 2\n")
c("if 1:\n  x = 1\n    y = 2\n")
c("if 1:\n    x = 1\n  y = 2\n")
c("if 1:\nx = 1\n")
c("  x = 1\n")
c("if 1:\n\tx = 1\n        y = 2\n")
c("if 1:\n        x = 1\n\ty = 2\n")
c("if 1:\n    pass\n  else:\n    pass\n")
c("def f():\n    return 1\n  \n")
c("def f():\n# comment at col 0\n    return 1\n")
c("class A:\n\n\n    x = 1\n")
c("for i in x:\n")
c("while 1:\npass\n")
c("if 1:\n    if 2:\n        pass\n    else:\n        pass\n")
c("x = [\n1,\n        2,\n  3]\n")
c("if 1: pass\n  pass\n")
c("try:\n    pass\n")
c("def f():\n    '''doc\nstring at col 0\n'''\n")
c("\n\n\n   \n")
c("if True:\n \t x = 1\n")
if True:
 print("one space")
if True:
	print("tab")
if True:
        print("eight spaces")
