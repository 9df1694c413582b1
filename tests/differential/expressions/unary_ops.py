# unary minus, plus, invert across types and their errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 5, -5, 2**70, 0.0, -0.0, 1.5, float("inf"), 1j, -1j, True, False]:
    t(lambda: (-v, +v))
for v in [0, 5, -5, 2**70, True]:
    t(lambda: ~v)
t(lambda: ~1.5)
t(lambda: ~1j)
t(lambda: -"s")
t(lambda: +"s")
t(lambda: ~"s")
t(lambda: -[1])
t(lambda: -None)
t(lambda: not None)
t(lambda: - - -5)
t(lambda: ~~5)
t(lambda: -(2**63))
t(lambda: -(-(2**63)))
t(lambda: +True)
t(lambda: type(+True).__name__)
