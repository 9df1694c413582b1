# conversions !s !r !a applied to various objects; nested quoting styles
vals = ["plain", "quote'in", 'dq"in', "uni é", "\n", 3.5, [1, "a"], None, b"by", (1,)]
for v in vals:
    print(f"{v!s}|{v!r}|{v!a}")
print(f"{'a' + 'b'}", f'{"its"}')
print(f"""{'''triple inside'''}""")
print(f"{'{}'.format('via format')}")
print(f"{{{'x'!r}}}")
class Both:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form-é"
b = Both()
print(f"{b}|{b!s}|{b!r}|{b!a}")
print(f"{b!s:>12}|{b!r:<14}|{b!a:^18}|")
print(f"{'é'!a:>8}", f"{'x'!r:*^7}")
print(f"{[b]}", f"{(b,)!s}", f"{ {1: b} }")
items = {"double": '"', "single": "'"}
print(f"{items['double']}{items['single']}", f'{items["single"]}')
print(f"{'nested {braces}'}", f"{'{'}{'}'}")
print(f"{'a' if True else 'b'!r}")
print(f"{(lambda: 'lambda-result')()!r}")
print(f"{3.0!s} {3.0!r} {1e100!a}")
print(f"{None!r:>6}|{True!s:<6}|")
print(f"{str(b)!r}", f"{repr(b)!s}")
