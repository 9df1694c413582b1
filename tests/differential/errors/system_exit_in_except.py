# sys.exit inside an except block is not swallowed by 'except Exception'
import sys
try:
    try:
        raise ValueError("x")
    except ValueError:
        sys.exit(5)
except Exception:
    print("never: SystemExit is not an Exception")
