# CPython's parser runs out of stack (MemoryError) on very deep unbracketed
# nesting; less deep nesting reaches the compiler's RecursionError. Plus a
# few SyntaxError messages: a bracket closed later is no "never closed",
# an `if` expression followed by ':' is plain invalid syntax, and a case
# block without a body names its own header.
def kind(src, mode="exec"):
    try:
        compile(src, "<s>", mode)
        return "ok"
    except MemoryError as e:
        return "MemoryError%r" % (e.args,)
    except RecursionError as e:
        return "RecursionError"
    except SyntaxError as e:
        return "SyntaxError: %s %s %s" % (e.msg, e.lineno, e.offset)

for n in [100, 2000, 3000, 7000, 100000]:
    for mode in ["exec", "eval", "single"]:
        print(n, mode, kind("-" * n + "4", mode), kind("not " * n + "x", mode), kind("lambda:" * (n // 2) + "4", mode), kind("2**" * (n // 2) + "4", mode))
print(kind("x = " + "1 if 1 else " * 7000 + "2"))
print(kind('if True:\n    print("Hello"\n\nif 2:\n   print(123))\n'))
print(kind('x = (1,\n'))
print(kind("match something:\n    case []:\npass\n")[:-2])
print(kind("match something:\n    case []:\n        ...\n    case {}:\npass\n")[:-2])
print(kind("if x:\npass\n"))
import ast
try:
    ast.parse("def f(\n    *, # type: int\n    a, # type: int\n):\n    pass\n", type_comments=True)
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.end_offset)
print(ast.dump(ast.parse("def f(*, # type: ignore\n a): pass", type_comments=True).body[0].args))
