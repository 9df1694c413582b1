# deep but finite structures: building, iterating without recursion, str of deep nesting
import sys
sys.setrecursionlimit(200000)
node = None
for i in range(100000):
    node = (i, node)
count = 0
cur = node
while cur is not None:
    count += 1
    cur = cur[1]
print(count)
def length(n):
    return 0 if n is None else 1 + length(n[1])
print(length(node))
nested = []
cur = nested
for _ in range(50):
    cur.append([])
    cur = cur[0]
print(str(nested)[:60], len(str(nested)))
d = {}
cur = d
for i in range(30):
    cur["k"] = {}
    cur = cur["k"]
print(str(d).count("{"))
def build(n):
    return [] if n == 0 else [build(n - 1)]
deep = build(50000)
def depth(x):
    return 0 if not x else 1 + depth(x[0])
print(depth(deep))
