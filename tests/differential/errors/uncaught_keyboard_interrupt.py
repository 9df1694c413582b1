# an uncaught KeyboardInterrupt: CPython ends the process by SIGINT (shell status 130)
print("simulating Ctrl-C")
raise KeyboardInterrupt
