# UnboundLocalError vs NameError across nested scopes
def outer():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    print(inner())
outer()
def shadow_then_assign():
    try:
        print(len)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    len = 5
    return len
print(shadow_then_assign())
def loop_var_unbound():
    for i in []:
        pass
    try:
        return i
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(loop_var_unbound())
def except_var_unbound():
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    try:
        return err
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(except_var_unbound())
def class_in_function():
    x = "function x"
    class C:
        y = x
        x = "class x"
    return C.y, C.x
try:
    print(class_in_function())
except NameError as e:
    print("NameError", e)
