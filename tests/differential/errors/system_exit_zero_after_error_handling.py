# handled errors followed by sys.exit(0): exit status 0
import sys
try:
    1 / 0
except ZeroDivisionError as e:
    print("handled", e)
sys.exit(0)
