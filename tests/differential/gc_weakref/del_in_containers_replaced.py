# replacing elements in containers drops the old element immediately
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
L = [T("a"), T("b")]
L[0] = T("a2")
print("replaced index 0")
L[:] = [T("c")]
print("replaced all")
d = {"k": T("v1")}
d["k"] = T("v2")
print("replaced dict value")
d.pop("k")
print("popped")
s = {1: T("set-like")}
s.clear()
print("cleared")
o = type("O", (), {})()
o.attr = T("attr1")
o.attr = T("attr2")
print("replaced attribute")
del o
print("end")
