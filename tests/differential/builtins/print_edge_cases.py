# print(): objects with __str__ returning subclasses, large outputs, sep/end combos
class S(str):
    pass
class Obj:
    def __str__(self):
        return S("str subclass result")
print(Obj())
print("a", "b", sep="")
print("a", "b", sep="\n")
print("no end", end="|")
print("after", end="\n\n")
print("x" * 200)
print(*"spread", sep=".")
print(1, 2, 3, sep=" + ", end=" = 6\n")
print("", "", sep="-")
print(None, True, 0.5, 3j, b"bytes", bytearray(b"ba"), [None], {"k": None})
print("tab\there", "nl\\n literal")
for i in range(3):
    print(i, end=" ")
print()
print("\u00e9\u4e2d\U0001f600")
print(end="")
print("final")
