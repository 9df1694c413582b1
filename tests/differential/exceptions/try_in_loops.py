# exceptions interacting with loops, comprehensions and generators
results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("|")
print(results)
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
print([safe_div(1, b) for b in [1, 2, 0, 4]])
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print("comprehension raised", e)
def first_error(items):
    for i, item in enumerate(items):
        try:
            item()
        except Exception as e:
            return i, type(e).__name__
    return None
print(first_error([lambda: 1, lambda: [][1], lambda: 1 / 0]))
n = 0
while True:
    try:
        n += 1
        if n == 3:
            raise StopIteration
    except StopIteration:
        print("stopped at", n)
        break
attempts = 0
while attempts < 5:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError("retry")
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("attempt", attempts, "failed:", e)
