# pass, del targets, return values
def nothing():
    pass
print(nothing())
def explicit_none():
    return
print(explicit_none())
def multiple():
    return 1, 2, 3
print(multiple())
def starred_return():
    rest = [2, 3]
    return 1, *rest
print(starred_return())
def early(x):
    if x:
        return "early"
    print("late path")
    return "late"
print(early(1), early(0))
def in_loop():
    for i in range(10):
        if i == 3:
            return i
print(in_loop())
def in_try():
    try:
        return "try"
    finally:
        print("finally runs before return completes")
print(in_try())
def override():
    try:
        return "try"
    finally:
        return "finally wins"
print(override())
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
print(d)
L = list(range(10))
del L[::3]
print(L)
del L[-1]
print(L)
class O:
    pass
o = O()
o.x = o.y = 1
del o.x
print(vars(o))
try:
    del o.x
except AttributeError as e:
    print("AttributeError", e)
try:
    compile("return 1", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    compile("class A:\n    return 1", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
if True:
    pass
else:
    pass
while False:
    pass
class Empty:
    pass
print(Empty.__name__)
