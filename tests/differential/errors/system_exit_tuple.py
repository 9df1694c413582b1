# SystemExit with several arguments: code is the tuple, printed to stderr, status 1
print("exit with tuple")
raise SystemExit(1, "two")
