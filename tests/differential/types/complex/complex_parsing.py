# complex(str) parsing: accepted and rejected forms
samples = ["1", "1j", "-1j", "+1j", "1+1j", "1-1j", "1.5e2+3e-1j", "(1+2j)", " ( 1+2j ) ", "1+2J", "j", "-j", "+j",
           "inf", "infj", "-infj", "nanj", "1e400j", "1_0+2_0j", "1+", "1+j2", "1 + 2j", "(1+2j", "1+2j)", "", "()",
           "1j+1", "--1", "1e", "0x1", "1+-2j", "jj"]
for s in samples:
    try:
        print(repr(s), repr(complex(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(complex("1+2j") == complex(1, 2), complex("-0-0j"), complex("0j").imag)
try:
    complex("1", "2")
except TypeError as e:
    print("TypeError", e)
print(complex(b"1+2j") if False else "bytes not accepted by complex()")
try:
    complex(b"1+2j")
except TypeError as e:
    print("TypeError", e)
