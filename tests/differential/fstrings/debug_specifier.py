# the = debugging specifier
x = 10
y = "text"
items = [1, 2]
print(f"{x=}")
print(f"{x = }")
print(f"{x =}")
print(f"{x= }")
print(f"{y=}")
print(f"{y=!s}")
print(f"{y=:>8}")
print(f"{x=:#x}")
print(f"{x + 1=}")
print(f"{items[0]=}, {len(items)=}")
print(f"{x * 2 = }")
print(f"{'lit'=}")
print(f"{x=!r:>6}")
def f(a):
    return a * 3
print(f"{f(2)=}")
print(f"{ x = }")
class C:
    def __repr__(self):
        return "C-repr"
    def __str__(self):
        return "C-str"
    def __format__(self, spec):
        return "C-format(" + spec + ")"
c = C()
print(f"{c=}", f"{c=!s}", f"{c=:spec}", f"{c=!r}")
print(f"{3.0=}", f"{1/3=:.3f}")
