# exceptions raised inside special methods propagate unchanged
class Bad:
    def __len__(self):
        raise ValueError("len failed")
    def __iter__(self):
        raise KeyError("iter failed")
    def __eq__(self, o):
        raise TypeError("eq failed")
    def __hash__(self):
        raise RuntimeError("hash failed")
    def __getitem__(self, k):
        raise IndexError("getitem failed")
    def __repr__(self):
        raise AttributeError("repr failed")
    def __bool__(self):
        raise ZeroDivisionError("bool failed")
    def __add__(self, o):
        raise OverflowError("add failed")
b = Bad()
tests = [
    ("len", lambda: len(b)),
    ("list", lambda: list(b)),
    ("eq", lambda: b == 1),
    ("in list", lambda: b in [1]),
    ("hash", lambda: hash(b)),
    ("dict key", lambda: {b: 1}),
    ("getitem", lambda: b[0]),
    ("repr", lambda: repr(b)),
    ("str", lambda: str(b)),
    ("print list", lambda: repr([b])),
    ("bool", lambda: bool(b)),
    ("if", lambda: 1 if b else 2),
    ("not", lambda: not b),
    ("add", lambda: b + 1),
    ("sorted", lambda: sorted([b, b])),
    ("set", lambda: {b}),
    ("unpack", lambda: [*b]),
    ("format", lambda: f"{b!r}"),
]
for name, f in tests:
    try:
        f()
        print(name, "no error")
    except Exception as e:
        print(name, type(e).__name__, e)
