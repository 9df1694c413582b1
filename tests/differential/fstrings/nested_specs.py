# nested replacement fields in format specs and alignment edge cases
for w in range(3, 8, 2):
    for align in "<^>":
        print(f"[{'ab':{align}{w}}]", f"[{12:{align}{w}}]", f"[{1.5:{align}{w}.2f}]")
fill = "*"
print(f"{'mid':{fill}^9}", f"{42:{fill}>6}", f"{-42:{fill}=8}")
vals = [1, 22, 333]
print(" | ".join(f"{v:>{len(str(max(vals)))}}" for v in vals))
print(f"{'%':>3}", f"{0.5:{'%'}}", f"{0.5:.0%}")
print(f"{1234567.891:,.2f}", f"{1234567:_}", f"{255:_x}", f"{-0.0:z.1f}")
print(f"{'é':^5}|", f"{'😀':^5}|")
print(f"{10:+}", f"{10: }", f"{-10: }", f"{10:=+6}")
print(f"{'abc':.{1 + 1}}", f"{3.14159:.{'3'}g}")
spec = ">10"
print(f"{'dyn':{spec}}|")
print(f"{{{'in braces'}}}")
print(f"{'{'}", f"{'}'}", f"{'{}'}")
print(f"{3:{'0'}{'5'}}")
print(f"{2**100:e}", f"{2**100:.3e}", f"{1e-10:g}", f"{123456789:g}")
print(f"{True}", f"{True:d}", f"{True:>5}", f"{None!s:>5}")
