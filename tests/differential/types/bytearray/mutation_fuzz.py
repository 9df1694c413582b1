# bytearray mutations on fixed-seed random operations, checked step by step against CPython
state = 4242
def rng():
    global state
    state = (state * 1103515245 + 12345) % (1 << 31)
    return state
def r(a, b):
    return a + rng() % (b - a + 1)
def rand_bytes(n):
    return bytes(r(0, 255) for _ in range(r(0, n)))
ba = bytearray(b"hello world")
for i in range(600):
    op = r(0, 11)
    try:
        if op == 0:
            ba[r(-15, 15)] = r(-2, 258)
        elif op == 1:
            ba[r(-15, 15):r(-15, 15)] = rand_bytes(5)
        elif op == 2:
            step = r(-3, 3) or 1
            s = slice(r(-15, 15), r(-15, 15), step)
            n = len(range(*s.indices(len(ba))))
            ba[s] = rand_bytes(n) if r(0, 3) else rand_bytes(4)
        elif op == 3:
            del ba[r(-15, 15):r(-15, 15):r(1, 3)]
        elif op == 4:
            ba.insert(r(-20, 20), r(0, 255))
        elif op == 5:
            ba.pop(r(-15, 15)) if r(0, 1) else ba.pop()
        elif op == 6:
            ba.extend(rand_bytes(4) if r(0, 1) else list(rand_bytes(3)))
        elif op == 7:
            ba.remove(r(0, 255))
        elif op == 8:
            ba += rand_bytes(3)
        elif op == 9:
            ba *= r(0, 2)
            if not ba:
                ba.extend(b"restart")
        elif op == 10:
            del ba[r(-15, 15)]
        else:
            ba.reverse()
        if len(ba) > 60:
            del ba[40:]
        print(i, op, ba.hex())
    except (IndexError, ValueError, TypeError) as e:
        print(i, op, type(e).__name__, e)
