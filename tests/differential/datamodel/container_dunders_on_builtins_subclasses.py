# overriding dunders on subclasses of list/dict/str: which builtins honour them
class L(list):
    def __len__(self):
        return 99
    def __iter__(self):
        return iter(["overridden"])
    def __getitem__(self, i):
        return "item%r" % (i,)
    def __contains__(self, x):
        return True
l = L([1, 2])
print(len(l), list(l), l[0], 5 in l, [x for x in l], sorted(l), tuple(l))
print(list.__len__(l), list.__getitem__(l, 0), str(l), l == [1, 2])
class D(dict):
    def __getitem__(self, k):
        return "D:" + str(k)
    def __iter__(self):
        return iter(["fake"])
    def keys(self):
        return ["k"]
d = D(k=1)
print(d["x"], list(d), dict(d), {**d}, d.get("k"), list(d.items()))
class S(str):
    def __len__(self):
        return 0
    def __str__(self):
        return "S-str"
    def __iter__(self):
        return iter("xyz")
s = S("abc")
print(len(s), str(s), list(s), s.upper(), s + "!", "%s" % s, f"{s}", print is not None)
