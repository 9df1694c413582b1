# a script that runs to the end exits 0 even after handled exceptions
import sys
try:
    raise SystemExit(3)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("caught sys.exit", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("caught bare sys.exit", e.code)
try:
    exit_func = sys.exit
    exit_func(0)
except SystemExit as e:
    print("code", e.code, e.args)
sys.stdout.write("end of script\n")
