# zip/map/filter consume lazily and stop at the shortest input
def src(name, n):
    for i in range(n):
        print("pull", name, i)
        yield i
z = zip(src("a", 3), src("b", 1))
print(list(z))
m = map(lambda x, y: x + y, src("c", 2), src("d", 5))
print(list(m))
f = filter(lambda v: v > 0, src("e", 3))
print(next(f))
print(list(f))
try:
    list(zip(src("s1", 2), src("s2", 3), strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip(src("s3", 3), src("s4", 2), strict=True))
except ValueError as e:
    print("ValueError", e)
