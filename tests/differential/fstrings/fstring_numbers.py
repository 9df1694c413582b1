# numeric formatting in f-strings: ints, floats, complex, bools, big ints
n = 1234567
print(f"{n:,} {n:_} {n:e} {n:.2e} {n:08} {n:+,} {n:x} {n:_x} {n:#_b}")
print(f"{-n:>12,} {n:<12,}| {n:^14,}|")
f = 1234.5678
print(f"{f:.1f} {f:10.2f} {f:e} {f:.3g} {f:g} {f:%} {f:,.2f} {f:_.3f}")
print(f"{0.000012345:g} {1e20:g} {1e-20:.2g} {123456789.0:.10g}")
print(f"{float('inf'):>8} {float('-inf'):<8}| {float('nan'):^8}|")
print(f"{3+4j:.1f} {3+4j:>12} {complex(0, -1):g}")
print(f"{True:d} {False:>5} {True!r}")
print(f"{2**100:,}")
print(f"{-0.0:.1f} {-0.0:z.1f} {0.0:+.1f}")
print(f"{12:c}" if False else f"{65:c}{97:c}")
print(f"{255:#06x} {255:#06X} {8:#o} {5:#b}")
print(f"{1/3:.50f}")
