# __bool__ / __len__ protocols in builtins: filter, all/any, while, comprehension conditions
class Box:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __repr__(self):
        return "Box(%r)" % (self.items,)
boxes = [Box([]), Box([1]), Box([1, 2]), Box([])]
print(list(filter(None, boxes)), [b for b in boxes if not b])
print(any(boxes), all(boxes), sum(1 for b in boxes if b))
print(sorted(boxes, key=len), max(boxes, key=len), len(max(boxes, key=len)))
b = Box([1, 2, 3])
while b:
    b.items.pop()
print("emptied", b)
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(Flag(True) and "yes", Flag(False) or "no", [f.v for f in [Flag(True), Flag(False)] if f])
class BadLen:
    def __len__(self):
        return "three"
try:
    bool(BadLen())
except TypeError as e:
    print("TypeError", e)
try:
    len(BadLen())
except TypeError as e:
    print("TypeError", e)
class BadBool:
    def __bool__(self):
        return 0
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
