# integer, float and imaginary literals
def c(src):
    try:
        print(repr(eval(src)))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
    except Exception as e:
        print(type(e).__name__, e)

print(0, 00, 0_0, 1_000, 0xFF, 0Xff, 0o17, 0O17, 0b101, 0B101, 0x_1_f)
print(1., .5, 1e3, 1E-3, 1_0.0_1, 1e1_0, 0e0, 00.5, 07.5, 1_1e1_1)
print(1j, 1J, 1.5j, 1e3j, 0j, 1_0j, .5j)
print(123456789012345678901234567890, 0x1234567890abcdef1234567890abcdef)
print(type(1e0).__name__, type(1j).__name__, type(0x1).__name__)
for src in ["1_", "1__0", "0x", "0b2", "0o8", "012", "0_", "1e", "1e+", "1.e5", "1.5_", "0x_", "1_.5", "1._5",
            "0b1a", "1__j", "09.5", "0777", "0_7", "1e1000", "1 .real", "1.real", "1..real"]:
    c(src)
print(1 .bit_length(), 1.0.is_integer(), 0x10.bit_length())
print(-2 ** 2, (-2) ** 2, 2 ** -1, - - 1, + - + 1, ~ - 1)
print(0.1 + 0.2, 1e16, 1e-7, 9007199254740993)
print(0xffffffffffffffffffffffffffffffff + 1)
