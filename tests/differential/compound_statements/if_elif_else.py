# if/elif/else chains and truthiness of conditions
def classify(x):
    if x < 0:
        return "negative"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "large"
print([classify(v) for v in (-5, 0, 3, 10, 100)])
for v in [0, 1, "", "x", [], [0], None, 0.0, -0.0, 0j, {}, set(), range(0)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
def order(tag, val):
    print("cond", tag)
    return val
if order(1, False):
    print("one")
elif order(2, False):
    print("two")
elif order(3, True):
    print("three")
elif order(4, True):
    print("four")
else:
    print("else")
if 0:
    pass
print("after empty if")
x = 5
if x > 1:
    if x > 3:
        if x > 4:
            print("deeply nested")
class Bad:
    def __bool__(self):
        raise RuntimeError("cond failed")
try:
    if Bad():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
try:
    compile("if x:\npass", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("if x:\n    pass\nelse if y:\n    pass", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("elif x:\n    pass", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("if x = 1:\n    pass", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
