# break and continue in loops, nested loops, with else and finally
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("for", i)
n = 0
while True:
    n += 1
    if n < 3:
        continue
    if n == 5:
        break
    print("while", n)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print("inner", i, j)
    else:
        print("never printed")
    if i == 1:
        continue
    print("outer tail", i)
for i in range(3):
    try:
        if i == 1:
            continue
        print("try body", i)
    finally:
        print("finally", i)
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("finally before break", i)
def gen_break():
    for i in range(5):
        try:
            yield i
        finally:
            if i == 2:
                print("cleanup at 2")
for v in gen_break():
    if v == 2:
        break
print("after gen")
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("cm exit", i)
for i in range(3):
    with CM():
        if i == 1:
            continue
        if i == 2:
            break
def c(src):
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
c("break")
c("continue")
c("def f():\n    break")
c("for i in x:\n    def f():\n        continue")
c("while 1:\n    class C:\n        break")
c("for i in x:\n    try:\n        pass\n    finally:\n        continue")
