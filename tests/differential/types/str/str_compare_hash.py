# str comparison is by code point; hashing of equal strings; interning-independent equality
import sys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

words = ["banana", "Apple", "cherry", "apple", "äpfel", "Zebra", "zebra", "10", "9", "", " ", "a b", "ab"]
print(sorted(words))
print(sorted(words, key=str.casefold))
print(min(words), max(words))
t(lambda: "a" * 1000 == "a" * 1000)
t(lambda: hash("abc" * 10) == hash("abcabc" + "abc" * 8))
t(lambda: sys.intern("hello world") is sys.intern("hello" + " world"))
t(lambda: "\U0001f600" > "\uffff")
t(lambda: "\x00" < "a")
t(lambda: "abc" == "abc\x00")
t(lambda: "abc".__eq__(1))
t(lambda: "abc".__lt__(1))
t(lambda: "é" == "e\u0301")
t(lambda: ["b", "a"] < ["b", "b"])
t(lambda: "A" < "a" < "À" < "à")
t(lambda: ord(max("hello")))
t(lambda: sorted({"b": 1, "a": 2}.keys()))
t(lambda: "abc" != "ABC".lower())
t(lambda: "ǅ" == "ǅ".title())
