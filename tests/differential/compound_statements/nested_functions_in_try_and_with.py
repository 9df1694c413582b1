# closures and generators created inside try/with blocks keep working after the block
class CM:
    def __enter__(self):
        print("enter")
        return "resource"
    def __exit__(self, *a):
        print("exit")
with CM() as res:
    def use():
        return "using " + res
    gen = (res.upper() + str(i) for i in range(2))
print(use(), list(gen))
try:
    value = 10
    def read():
        return value
    raise RuntimeError("after definition")
except RuntimeError as e:
    handler_msg = str(e)
    def in_handler():
        return handler_msg
finally:
    def in_finally():
        return "from finally"
value = 20
print(read(), in_handler(), in_finally())
def factory():
    try:
        x = "try value"
        return lambda: x
    finally:
        x = "finally value"
print(factory()())
