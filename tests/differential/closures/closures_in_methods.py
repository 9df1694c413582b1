# closures inside methods capturing self, nonlocal inside methods, class attribute shadowing
class Counter:
    count = "class attribute"
    def __init__(self):
        self.count = 0
    def make_incrementer(self, step):
        def inc():
            self.count += step
            return self.count
        return inc
    def make_tracker(self):
        calls = 0
        def track():
            nonlocal calls
            calls += 1
            return calls, self.count
        return track
c = Counter()
inc2 = c.make_incrementer(2)
inc5 = c.make_incrementer(5)
print(inc2(), inc5(), inc2(), c.count, Counter.count)
t = c.make_tracker()
print(t(), t(), c.make_tracker()())
class Lazy:
    def __init__(self, fn):
        self.fn = fn
        self.cached = None
    def get(self):
        if self.cached is None:
            self.cached = self.fn()
        return self.cached
def expensive():
    expensive.calls = getattr(expensive, "calls", 0) + 1
    return "computed"
lz = Lazy(expensive)
print(lz.get(), lz.get(), expensive.calls)
