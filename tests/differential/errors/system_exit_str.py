# SystemExit with a string: printed to stderr, exit status 1
import sys
print("exiting with a message")
sys.exit("fatal: configuration missing")
