# while loops with walrus, compound conditions and else clauses
data = [3, 1, 4, 1, 5, 9, 2, 6]
i = 0
while i < len(data) and (v := data[i]) != 9:
    i += 1
else:
    print("stopped at", i, "value", v)
stack = [1, [2, [3, [4]]]]
depth = 0
while isinstance(stack, list) and len(stack) > 1:
    depth += 1
    stack = stack[1]
print("depth", depth, stack)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
a, b = 0, 1
while b < 1000:
    a, b = b, a + b
print(a, b)
queue = [1]
seen = []
while queue:
    x = queue.pop(0)
    if x in seen or x > 20:
        continue
    seen.append(x)
    queue += [x * 2, x * 3]
print(sorted(seen))
