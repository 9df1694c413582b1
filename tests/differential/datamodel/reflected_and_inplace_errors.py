# error messages for unsupported binary, reflected and in-place operations
class A:
    pass
ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
for op in ops:
    try:
        eval("A() %s 1" % op)
    except TypeError as e:
        print(op, "TypeError", e)
for op in ops:
    x = A()
    try:
        exec("x %s= 1" % op, {"x": x})
    except TypeError as e:
        print(op + "=", "TypeError", e)
for expr in ["'a' < 1", "[] >= ()", "1j > 1j", "{} < {}", "None > None", "A() <= A()"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "TypeError", e)
for expr in ["-A()", "+A()", "~A()", "abs(A())"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "TypeError", e)
