# del statement on names, attributes, subscripts, slices, tuples of targets
def t(f):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)

class O:
    pass
o = O()
o.a = 1
o.b = 2
L = list(range(10))
d = {"x": 1, "y": 2, "z": 3}
del o.a, L[0], d["x"]
print(vars(o), L, d)
del L[::2], d["y"]
print(L, d)
del (o.b), [d["z"]]
print(vars(o), d)
def del_missing_attr():
    del o.never
t(del_missing_attr)
def del_missing_key():
    del d["never"]
t(del_missing_key)
def del_bad_index():
    del L[100]
t(del_bad_index)
def del_from_tuple():
    tup = (1, 2)
    del tup[0]
t(del_from_tuple)
def del_from_str():
    s = "abc"
    del s[1:]
t(del_from_str)
def del_unbound_local():
    del never_bound
    never_bound = 1
t(del_unbound_local)
def del_slice_of_range():
    r = range(5)
    del r[1:2]
t(del_slice_of_range)
