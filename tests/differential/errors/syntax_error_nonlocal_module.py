# a compile-time error detected by the symbol table for the whole file
print("never runs")
def f():
    x = 1
    def g():
        global x
        nonlocal x
