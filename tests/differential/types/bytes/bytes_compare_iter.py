# bytes vs str never equal; iteration yields ints; ordering
print(b"a" == "a", b"a" != "a", bytearray(b"a") == b"a", memoryview(b"a") == b"a")
print([x for x in b"AZ"], list(bytearray(b"\x00\xff")))
print(sorted([b"b", b"a", b"ab", b"", b"\x00"]))
print(max(b"hello"), min(b"hello"), bytes(sorted(b"hello")))
print(b"abc" < b"abd", b"ab" < b"abc", b"\xff" > b"\x00\x00")
print(b"abc"[0] == 97, b"abc"[0:1] == b"a")
print(any(b"\x00\x00"), all(b"\x01\x02"), sum(b"\x01" * 100))
print(b"hello".startswith(b"he"), b"hello".endswith(bytearray(b"lo")), b"hello".startswith((b"x", b"h")))
print(dict.fromkeys(b"aab"), set(b"aab") == {97, 98})
for i, byte in enumerate(b"hi"):
    print(i, byte, chr(byte))
print(bytes(reversed(b"abc")), b"-".join(bytes([c]) for c in b"xyz"))
