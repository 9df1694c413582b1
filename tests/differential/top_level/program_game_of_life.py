# a small complete program: Conway's game of life on a set of live cells (int tuples)
def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = (x + dx, y + dy)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}
def show(live, w=8, h=6):
    for y in range(h):
        print("".join("#" if (x, y) in live else "." for x in range(w)))
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
world = set(glider)
for gen in range(4):
    print("generation", gen, "population", len(world))
    show(world)
    world = step(world)
blinker = {(1, 0), (1, 1), (1, 2)}
print(sorted(step(blinker)), step(step(blinker)) == blinker)
rpent = {(1, 0), (2, 0), (0, 1), (1, 1), (1, 2)}
w = rpent
for _ in range(100):
    w = step(w)
print("r-pentomino after 100:", len(w), min(w), max(w))
