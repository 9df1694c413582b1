# bytearray slice assignment from various sources, resizing, extended slices
ba = bytearray(b"0123456789")
ba[2:4] = b"ab"
print(ba)
ba[2:4] = bytearray(b"XYZ")
print(ba)
ba[0:0] = memoryview(b"<<")
print(ba)
ba[-2:] = [33, 34, 35]
print(ba)
ba[::3] = b"-" * len(ba[::3])
print(ba)
ba[1:3] = range(65, 70)
print(ba)
del ba[::2]
print(ba)
ba[:] = b"reset"
print(ba, len(ba))
try:
    ba[::2] = b"toolong"
except ValueError as e:
    print("ValueError", e)
try:
    ba[0:1] = [256]
except ValueError as e:
    print("ValueError", e)
try:
    ba[0:1] = "str"
except TypeError as e:
    print("TypeError", e)
ba[len(ba):] = ba
print(ba)
