# set method argument errors and messages
def t(f):
    try:
        r = f()
        print(sorted(r) if isinstance(r, (set, frozenset)) else repr(r))
    except Exception as e:
        print(type(e).__name__, e)

s = {1, 2, 3}
t(lambda: s.add())
t(lambda: s.add(1, 2))
t(lambda: s.remove())
t(lambda: s.discard([]))
t(lambda: s.remove([]))
t(lambda: [] in s)
t(lambda: s.union([[]]))
t(lambda: s.update(1))
t(lambda: s.issubset())
t(lambda: s.isdisjoint(5))
t(lambda: s - [1])
t(lambda: s & "ab")
t(lambda: s.difference("ab"))
t(lambda: set([1], [2]))
t(lambda: frozenset(1))
t(lambda: s.copy(1))
t(lambda: s.__len__())
t(lambda: s.__contains__(2))
t(lambda: set.__or__(s, [1]))
t(lambda: s.__le__(1))
t(lambda: s < 1)
t(lambda: s == 1)
