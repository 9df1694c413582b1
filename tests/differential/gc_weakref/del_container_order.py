# destruction order when containers die: list/tuple elements, dict values, attributes
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
items = [T("list0"), T("list1"), T("list2")]
print("deleting list")
del items
tup = (T("tup0"), T("tup1"), T("tup2"))
print("deleting tuple")
del tup
d = {"a": T("dict-a"), "b": T("dict-b"), "c": T("dict-c")}
print("deleting dict")
del d
class Holder:
    pass
h = Holder()
h.first = T("attr-first")
h.second = T("attr-second")
print("deleting holder")
del h
L = [T("pop0"), T("pop1")]
print("popping")
L.pop()
print("clearing")
L.clear()
d2 = {1: T("replaced-value")}
print("replacing dict value")
d2[1] = "new"
s = [T("slice0"), T("slice1"), T("slice2")]
print("deleting slice")
del s[0:2]
print("end")
