# conversions !s !r !a applied to various objects; nested quoting styles
vals = ["plain", "quote'in", 'dq"in', "uni é", "\n", 3.5, [1, "a"], None, b"by", (1,)]
for v in vals:
    print(f"{v!s}|{v!r}|{v!a}")
print(f"{'a' + 'b'}", f'{"its"}')
print(f"""{'''triple inside'''}""")
print(f"{'{}'.format('via format')}")
print(f"{{{'x'!r}}}")
