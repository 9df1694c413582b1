# uncaught ZeroDivisionError after some output: exit status 1, traceback on stderr
print("before the error")
def divide(a, b):
    return a / b
def compute():
    return divide(10, 0)
print(compute())
print("never printed")
