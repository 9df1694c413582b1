# LEGB name resolution and NameError / UnboundLocalError
x = "global"
def local_shadow():
    x = "local"
    return x
def read_global():
    return x
def unbound():
    print(x)
    x = 1
def builtin_shadow():
    len = lambda o: "shadowed"
    return len([1, 2])
print(local_shadow(), read_global(), builtin_shadow(), len([1]))
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
try:
    undefined_name
except NameError as e:
    print("NameError", e, e.name if hasattr(e, "name") else "")
def uses_undefined():
    return also_undefined
try:
    uses_undefined()
except NameError as e:
    print("NameError", e)
def del_then_use():
    y = 1
    del y
    return y
try:
    del_then_use()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
def conditional(flag):
    if flag:
        z = "set"
    return z
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
def aug():
    counter += 1
counter = 0
try:
    aug()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
def free_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return inner()
print(free_unbound())
try:
    del never_defined
except NameError as e:
    print("NameError", e)
