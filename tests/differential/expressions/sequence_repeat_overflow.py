# Repeating a sequence by an int outside the index range raises OverflowError, negative or positive.
for seq in ("a", b"a", [1], (1,), bytearray(b"a")):
    for n in (-2**63 - 1, 2**63, -2**100, -5, 0, 2):
        try:
            r = seq * n
            print(type(seq).__name__, n if abs(n) < 100 else "big", len(r))
        except OverflowError as e:
            print(type(seq).__name__, "OverflowError", e)
        except MemoryError:
            print(type(seq).__name__, "MemoryError")
