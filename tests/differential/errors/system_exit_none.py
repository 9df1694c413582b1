# SystemExit with None: exit status 0
import sys
print("clean exit")
try:
    pass
finally:
    print("finally runs before exit")
sys.exit(None)
