# uncaught exception without arguments: the last line is just the class name
print("about to fail")
raise NotImplementedError
