# for loops: targets, else clause, iteration protocol errors
for i in range(3):
    pass
else:
    print("else after full loop; i =", i)
for i in []:
    pass
else:
    print("else on empty iterable")
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("never")
print("broke at", x)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a, b, c)
for first, *rest in ["abc", "de"]:
    print(first, rest)
d = {}
for d["key"] in range(3):
    pass
print(d)
class O:
    pass
o = O()
for o.attr in "xy":
    pass
print(o.attr)
L = [0, 0, 0]
for i, L[i] in enumerate("abc"):
    pass
print(L)
try:
    for v in 5:
        pass
except TypeError as e:
    print("TypeError", e)
try:
    for a, b in [(1, 2), (3,)]:
        print(a, b)
except ValueError as e:
    print("ValueError", e)
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
    print("saw", x)
def gen():
    yield 1
    raise RuntimeError("generator failed mid-loop")
try:
    for v in gen():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError", e)
for i in range(2):
    for j in range(2):
        for k in range(2):
            if k:
                break
        else:
            print("never")
    else:
        print("middle else", i)
for ch in "héllo":
    print(ch, end="")
print()
