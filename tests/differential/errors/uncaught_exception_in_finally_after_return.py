# a finally block that raises after a return value was computed
def f():
    try:
        print("computing")
        return 42
    finally:
        raise OSError(5, "Input/output error in finally")
print(f())
