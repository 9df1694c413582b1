# bytes and raw literals: allowed characters, escapes kept or processed
print(b"\x00\x01\x7f\x80\xff", len(b"\x00\x01\x7f\x80\xff"))
print(b"\n\t\r\\\'\"", len(b"\n\t\r\\\'\""))
print(rb"\n\t", len(rb"\n\t"), br"\x41" == b"\\x41")
print(r"C:\new\table", len(r"\\"), r"\"", r'\'')
print(r"\u0041", "\u0041", b"\u0041")
print(r"ends with backslash-quote: \"")
print(repr(b"\101\102"), repr(b"\1"), repr(b"\400"[:1]) if False else "skip")
def c(src):
    try:
        print(repr(eval(src)))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
c('b"\\xg0"')
c('b"caf\\xe9"')
c('b"é"')
c('r"\\"')
c('r"\\\\"')
c('rb"\\x"')
c("b'''multi\nline'''")
c('b"a" "b"')
c('"a" b"b"')
