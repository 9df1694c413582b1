# uncaught error deep in a call chain
def level(n):
    if n == 0:
        raise IndexError("bottom of the chain")
    return level(n - 1)
print("descending")
level(50)
