# while loops with else clauses
n = 0
while n < 3:
    print("loop", n)
    n += 1
else:
    print("else after normal exit", n)
n = 0
while n < 10:
    if n == 2:
        print("breaking")
        break
    n += 1
else:
    print("never")
while False:
    print("never")
else:
    print("else of never-run loop")
def find(seq, target):
    i = 0
    while i < len(seq):
        if seq[i] == target:
            return i
        i += 1
    else:
        return -1
print(find("abc", "c"), find("abc", "z"))
count = 0
while True:
    count += 1
    if count > 100:
        break
print(count)
items = [1, 2, 3]
while items:
    print("pop", items.pop())
def gen():
    n = 0
    while True:
        yield n
        n += 1
g = gen()
print([next(g) for _ in range(4)])
x = 0
while x < 5:
    x += 1
    if x % 2:
        continue
    print("even", x)
else:
    print("else after continue-loop")
try:
    while 1 / 0:
        pass
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
