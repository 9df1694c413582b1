# all the constructs that bind names: assignment, for, with, except, import, def, class, walrus, match, del
import sys as bound_by_import
def bound_by_def():
    pass
class BoundByClass:
    pass
bound_by_assign = 1
for bound_by_for in range(1):
    pass
class CM:
    def __enter__(self):
        return "cm value"
    def __exit__(self, *a):
        pass
with CM() as bound_by_with:
    pass
try:
    raise ValueError
except ValueError as bound_by_except:
    pass
(bound_by_walrus := 5)
match [1, 2]:
    case [bound_by_match, *bound_by_star]:
        pass
bound_by_aug = 0
bound_by_aug += 1
bound_by_ann: int = 3
names = sorted(n for n in globals() if n.startswith("bound_by") or n == "BoundByClass")
print(names)
print("bound_by_except" in globals())
print(bound_by_with, bound_by_walrus, bound_by_match, bound_by_star, bound_by_aug)
def local_bindings():
    for i in range(1):
        pass
    with CM() as w:
        pass
    [j for j in range(1)]
    (k := 1)
    return sorted(locals())
print(local_bindings())
