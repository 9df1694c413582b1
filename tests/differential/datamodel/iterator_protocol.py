# the iterator protocol: __iter__ returning self, exhaustion, re-iteration, __length_hint__
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c))
class Reiterable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
r = Reiterable([1, 2])
print(list(r), list(r), sorted(r, reverse=True), max(r))
class Hint:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
    def __length_hint__(self):
        return 5
print(list(Hint()))
class NextReturnsStopValue:
    def __init__(self):
        self.done = False
    def __iter__(self):
        return self
    def __next__(self):
        if self.done:
            raise StopIteration("with value")
        self.done = True
        return "only"
print(list(NextReturnsStopValue()))
print(dict(zip(Countdown(3), "abc")), set(Countdown(4)) == {1, 2, 3, 4})
a, b, c2 = Countdown(3)
print(a, b, c2)
print(*Countdown(2), sep=",")
print(sum(Countdown(100)), 50 in Countdown(100), 0 in Countdown(5))
class BrokenNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("broken")
try:
    list(BrokenNext())
except ValueError as e:
    print("ValueError", e)
