# _collections.deque: fixed-seed (LCG) sequence of random operations on bounded and unbounded deques, printing each result
from _collections import deque
seed = 2024
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed % n
for trial in range(6):
    maxlen = None if trial % 2 == 0 else rnd(6)
    d = deque(range(rnd(5)), maxlen)
    for step in range(60):
        op = rnd(16)
        v = rnd(10)
        try:
            if op == 0: r = d.append(v)
            elif op == 1: r = d.appendleft(v)
            elif op == 2: r = d.pop()
            elif op == 3: r = d.popleft()
            elif op == 4: r = d.extend(range(rnd(4)))
            elif op == 5: r = d.extendleft(range(rnd(4)))
            elif op == 6: r = d.rotate(rnd(9) - 4)
            elif op == 7: r = d.insert(rnd(9) - 4, v)
            elif op == 8: r = d.remove(v)
            elif op == 9: r = d.index(v, rnd(5) - 2)
            elif op == 10: r = d.count(v)
            elif op == 11: r = d[rnd(9) - 4]
            elif op == 12: d[rnd(9) - 4] = v; r = 'set'
            elif op == 13: del d[rnd(9) - 4]; r = 'del'
            elif op == 14: d *= rnd(3); r = 'imul'
            else: r = d.reverse()
        except (IndexError, ValueError) as e:
            r = type(e).__name__ + ': ' + str(e)
        print(trial, op, v, r, d)
