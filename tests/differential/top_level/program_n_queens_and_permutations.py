# a small complete program: backtracking search (n-queens, subsets, sudoku row)
def queens(n):
    solutions = []
    cols, d1, d2, placed = set(), set(), set(), []
    def place(r):
        if r == n:
            solutions.append(tuple(placed))
            return
        for c in range(n):
            if c in cols or r - c in d1 or r + c in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); placed.append(c)
            place(r + 1)
            cols.discard(c); d1.discard(r - c); d2.discard(r + c); placed.pop()
    place(0)
    return solutions
for n in range(1, 9):
    s = queens(n)
    print(n, len(s), s[0] if s else None)
def subsets_with_sum(nums, target):
    out = []
    def go(i, chosen, total):
        if total == target:
            out.append(list(chosen))
        if i == len(nums) or total >= target:
            return
        for j in range(i, len(nums)):
            chosen.append(nums[j])
            go(j + 1, chosen, total + nums[j])
            chosen.pop()
    go(0, [], 0)
    return out
print(subsets_with_sum([1, 2, 3, 4, 5, 6], 7))
def combinations(items, k):
    if k == 0:
        yield ()
        return
    for i in range(len(items)):
        for rest in combinations(items[i + 1:], k - 1):
            yield (items[i],) + rest
print(list(combinations("abcd", 2)), sum(1 for _ in combinations(range(10), 4)))
