# *args/**kwargs collection and forwarding
def collect(*args, **kwargs):
    return type(args).__name__, args, type(kwargs).__name__, kwargs
print(collect())
print(collect(1, (2,), [3]))
print(collect(*range(3), *"ab"))
print(collect(a=1, **{"b": 2}))
def forward(*a, **k):
    return collect(*a, **k)
print(forward(1, x=2))
def first_rest(first, *rest):
    return first, rest
print(first_rest(1), first_rest(1, 2, 3))
try:
    first_rest()
except TypeError as e:
    print("TypeError", e)
def gen():
    print("generator consumed")
    yield 1
    yield 2
print(collect(*gen()))
try:
    collect(*5)
except TypeError as e:
    print("TypeError", e)
try:
    collect(**5)
except TypeError as e:
    print("TypeError", e)
try:
    collect(**{"a": 1}, **[("b", 2)])
except TypeError as e:
    print("TypeError", e)
def modify(*args):
    args = args + (99,)
    return args
t = (1, 2)
print(modify(*t), t)
big = list(range(1000))
print(len(collect(*big)[1]), sum(collect(*big)[1]))
def kwonly_after_star(*args, key):
    return args, key
print(kwonly_after_star(1, 2, key=3))
try:
    kwonly_after_star(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
