# an exception in finally replaces the in-flight one
try:
    raise ValueError("original")
finally:
    print("finally")
    raise TypeError("raised in finally")
