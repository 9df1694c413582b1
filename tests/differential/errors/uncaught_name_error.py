# uncaught NameError for an undefined global
def helper():
    return undefined_variable + 1
print("calling helper")
helper()
