# f-string basics: expressions, conversions, format specs
name, n, pi = "World", 42, 3.14159
print(f"Hello, {name}!")
print(f"{n} {n!r} {n!s} {name!r} {name!a} {'é'!a}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {n:05d} {n:x} {n:#b} {n:,}")
print(f"{n + 1} {n * 2} {[n, n]} {(lambda: 'lam')()} {'nested' + 'str'}")
print(f"{{literal braces}} {{{n}}}")
print(f"{name:>10}|{name:<10}|{name:^10}|{name:*^11}")
print(f"{n:{'>'}{8}}", f"{pi:.{2}f}", f"{pi:{10}.{3}}")
width, prec = 12, 4
print(f"{pi:{width}.{prec}f}|")
print(f"{'quoted'}", f'{"double"}', f"""{'triple'}""", f'''{"t2"}''')
print(F"capital F", rF"\n{n}", fr"{n}\t", Rf"{name}")
print(f"{n=}", f"{n = }", f"{pi=:.2f}", f"{name=!r}", f"{name=!s}", f"{n*2=}")
d = {"key": "value"}
print(f"{d['key']}", f"{d!r}")
print(f"{3 if n else 4}", f"{(yield_ := 5)}", yield_)
print(f"{'a' 'b'}", f"{n}" f"{n}" "plain", f"{''.join(['x', 'y'])}")
print(f"{n:}", f"{name!s:}", f"{n!r:>5}")
print(f"", f"{''}", len(f"{n}"))
class C:
    def __format__(self, spec):
        return "C<%s>" % spec
    def __repr__(self):
        return "C()"
    def __str__(self):
        return "str(C)"
print(f"{C()}", f"{C():spec}", f"{C()!r}", f"{C()!s}", f"{C()!r:>8}")
print(f"{1:{C()}}" if False else "skip nested format object")
print(f"{n:{'x' if n > 10 else 'd'}}")
