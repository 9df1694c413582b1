# deeply nested control flow with mixed break/continue/return/finally
def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v is None:
                continue
            try:
                if v == target:
                    return (r, c)
            finally:
                if v == target:
                    print("found at", r, c)
    return None
grid = [[1, None, 3], [4, 5, None], [None, 8, 9]]
print(search(grid, 5), search(grid, 9), search(grid, 7))
def classify(items):
    out = []
    for it in items:
        while True:
            if isinstance(it, int):
                if it < 0:
                    out.append("neg")
                    break
                elif it == 0:
                    out.append("zero")
                    break
                else:
                    it -= 10
                    if it <= 0:
                        out.append("small")
                        break
                    continue
            else:
                out.append("non-int")
                break
    return out
print(classify([-1, 0, 5, 25, "x"]))
def with_in_loops():
    class CM:
        def __init__(self, i):
            self.i = i
        def __enter__(self):
            return self.i
        def __exit__(self, *a):
            print("exit", self.i)
    total = 0
    for i in range(5):
        with CM(i) as v:
            if v == 1:
                continue
            if v == 3:
                break
            total += v
    return total
print(with_in_loops())
