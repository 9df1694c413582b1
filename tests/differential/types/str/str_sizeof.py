# __sizeof__ of str (PEP 393 layouts), int digits and bool
for s in ["", "a", "abc", "é", "€", "😀", "ab€", "a"*100]:
    print(repr(s), s.__sizeof__())
class S(str): pass
print(S("abc").__sizeof__(), S("€x").__sizeof__())
for v in [0, 1, 2**30, 2**60, -2**100, 1.5, 1j, True]:
    print(v.__sizeof__())
