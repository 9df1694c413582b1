# sys.exit deep in the call stack unwinds everything and runs finally blocks
import sys
def level(n):
    try:
        if n == 0:
            sys.exit(7)
        level(n - 1)
    finally:
        print("unwinding", n)
level(3)
