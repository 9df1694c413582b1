# a SyntaxError raised by exec() at run time and not caught
print("before exec")
exec("def f(:\n    pass")
