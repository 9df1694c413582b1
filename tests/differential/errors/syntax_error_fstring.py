# an f-string syntax error in a file
name = "x"
print(f"{name!z}")
