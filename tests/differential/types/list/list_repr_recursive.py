# reprs of self-referencing and mutually referencing containers
a = [1]
a.append(a)
print(a, repr(a), str([a]))
b = {"self": None}
b["self"] = b
print(b)
c = [b, a]
print(c)
d = []
e = [d]
d.append(e)
print(d, e)
t = ([],)
t[0].append(t)
print(t)
s = {1: []}
s[1].append(s)
print(s)
class Node:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return "Node(%r)" % (self.children,)
n = Node()
n.children.append(n.children)
print(n)
print(len(repr(a)), a == a)
