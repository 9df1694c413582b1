# f-strings inside lambdas, comprehensions, class bodies, default arguments, nested f-strings
x = 5
f1 = lambda v: f"lambda {v} {x}"
print(f1(1))
print([f"{i}:{i * i}" for i in range(4)])
class C:
    name = "C"
    desc = f"class {name}"
print(C.desc)
def g(a=f"default {x}"):
    return a
x = 99
print(g())
print(f"outer {f'inner {x}'}")
print(f"{f'{x:>4}'!r}")
print(f"{'-'.join(f'{c}{c}' for c in 'ab')}")
print(f"{ {'k': f'v{x}'}['k'] }")
def gen():
    yield f"gen {x}"
print(next(gen()))
items = {"apple": 1.5, "kiwi": 0.25}
for name, price in sorted(items.items()):
    print(f"{name:<8}{price:>6.2f}")
print(f"{'total':<8}{sum(items.values()):>6.2f}")
print(f"{len(items)} item{'s' if len(items) != 1 else ''}")
