# int(x, base) parses only str, bytes and bytearray (and their subclasses);
# int(x) also accepts other buffers.
class CustomStr(str): pass
class CustomBytes(bytes): pass
class CustomByteArray(bytearray): pass
for x in [b"100", bytearray(b"100"), CustomStr("100"), CustomBytes(b"100"), CustomByteArray(b"100"), memoryview(b"100")]:
    print(type(x).__name__, int(x))
    try:
        print(int(x, 2))
    except TypeError as e:
        print(type(e).__name__, e)
for bad in [5, 5.0, None]:
    try:
        int(bad, 10)
    except TypeError as e:
        print(type(e).__name__, e)
