# module-level names: definition order, rebinding, deletion, globals() snapshot views
import sys
names_before = set(globals())
alpha = 1
def beta():
    return alpha
class Gamma:
    pass
new_names = sorted(set(globals()) - names_before - {"names_before"})
print(new_names)
alpha = "rebound"
print(beta())
del Gamma
print("Gamma" in globals())
globals()["delta"] = 4
print(delta)
g = globals()
g["epsilon"] = g.get("delta", 0) + 1
print(epsilon)
print(type(sys.modules[__name__]).__name__, sys.modules[__name__].alpha)
print(__builtins__ is not None)
