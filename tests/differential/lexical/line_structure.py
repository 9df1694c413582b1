# physical/logical lines, continuation, comments, semicolons, blank lines
x = 1 + \
    2 + \
    3
print(x)
y = (1 +
     2
     # comment in parens
     + 3)
print(y)
z = [
    1,
    2,  # trailing comma next
]
print(z)
a = 1; b = 2; c = 3;
print(a, b, c)
if a: print("inline if")
while False: pass
for i in range(2): print("inline for", i)
def f(): return "inline def"
print(f())
class C: attr = "inline class"
print(C.attr)
d = {'k':
     'v'}
print(d)
# a comment with a backslash at the end \
print("after comment")
s = "#not a comment"
print(s)
if True:

    # blank lines and comments inside blocks are fine

    print("indented after blank")
def g(
    a,
    b=2,
):
    return a + b
print(g(1))
print(eval("1 +\\\n 2"))
print(eval("""(1,
2)"""))
try:
    compile("x = 1 +\\", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    compile("x = (1,\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    compile("a = 1 \\ 2", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
